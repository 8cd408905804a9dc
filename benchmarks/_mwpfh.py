"""mwparserfromhtml over a JSONL of {"name", "html"}: run inside the peers' venv by benchmarks/html_reader.py.

The job mirrors ours: parse the page, then its sections, infoboxes, references,
categories and plain text.  Pages it refuses (it needs Parsoid's ``<base>``)
are listed, not timed.  Prints one JSON line: per-page best seconds and errors.
"""

import json
import sys
import time

import mwparserfromhtml
from mwparserfromhtml import Article


def job(html: str) -> None:
    article = Article(html)
    stew = article.wikistew
    stew.get_sections()
    stew.get_infobox()
    stew.get_references()
    stew.get_categories()
    list(article.get_plaintext())


pages = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 2
best: dict[str, float] = {}
errors: dict[str, str] = {}
for page in pages:
    try:
        job(page["html"])
    except Exception as exc:  # noqa: BLE001 - a refused page is reported, not timed
        errors[page["name"]] = f"{type(exc).__name__}: {exc}"[:200]
        continue
    times = []
    for _ in range(passes):
        t0 = time.process_time()
        job(page["html"])
        times.append(time.process_time() - t0)
    best[page["name"]] = min(times)
print(json.dumps({"tool": f"mwparserfromhtml {mwparserfromhtml.__version__}", "seconds": best, "errors": errors}))
