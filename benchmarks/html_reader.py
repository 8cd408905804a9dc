"""Benchmark the HTML reader against lxml's own parse and mwparserfromhtml, in one run.

Pages: the ``article_body.html`` of every Enterprise record and every desktop page
of ``../shared/corpus/html``.  For each page, the best of ``--passes`` CPU times of

* lxml: ``lxml.html.fromstring`` of the page (the parse our reader starts with);
* bioparse: ``bioparse.parse`` of the record / page (everything, person, sections,
  references, infoboxes, categories), and with ``sections=False, references=False``;
* mwparserfromhtml (pinned, installed into the peers' venv ``~/.cache/bioparse-bench``,
  not a project dependency): parse, sections, infoboxes, references, categories,
  plain text.  It reads Parsoid HTML only; the pages it refuses are listed and the
  ratio uses the pages both read.

(Not named html.py: a script there would shadow the standard library's ``html`` module.)

``--cold-dates`` empties the date caches before every timed parse, so a page gains
only from the dates it repeats itself (not from the previous pass over the same page).

Usage: python benchmarks/html_reader.py [--passes 3] [--skip-peer] [--cold-dates]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import html as lxml_html

from bioparse import parse as bioparse_parse
from bioparse.dates import clear_caches

HERE = Path(__file__).resolve().parent
#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "html"
MWPFH = "mwparserfromhtml==2.1.2"


def pages() -> list[tuple[str, str, str, str]]:
    """(name, input text, format, HTML) for each Enterprise record and desktop page."""
    out = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".json":
            text = path.read_text(encoding="utf-8")
            out.append((path.name, text, "enterprise", json.loads(text)["article_body"]["html"]))
        elif path.suffix == ".html" and "desktop" in path.name:
            text = path.read_text(encoding="utf-8", errors="replace")
            out.append((path.name, text, "html", text))
    return out


def best(fn, passes: int) -> float:
    fn()
    times = []
    for _ in range(passes):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def peer(items: list[tuple[str, str, str, str]], passes: int) -> dict:
    home = subprocess.run(["bash", str(SHARED / "bench" / "setup_peers.sh")], capture_output=True, text=True,
                          check=True).stdout.strip()
    vpy = os.path.join(home, "venv", "bin", "python")
    subprocess.run([vpy, "-m", "pip", "install", "-q", MWPFH], check=True, capture_output=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for name, _text, _fmt, html in items:
            f.write(json.dumps({"name": name, "html": html}) + "\n")
    try:
        proc = subprocess.run([vpy, str(HERE / "_mwpfh.py"), f.name, str(passes)], capture_output=True, text=True,
                              check=True)
    finally:
        os.unlink(f.name)
    return json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--cold-dates", action="store_true", help="empty the date caches before every timed parse")
    args = ap.parse_args()
    if args.cold_dates:
        def parse(text: str, **kw):  # type: ignore[no-untyped-def]
            clear_caches()
            return bioparse_parse(text, **kw)
    else:
        parse = bioparse_parse
    items = pages()
    load = os.getloadavg()[0]
    rows = []
    for name, text, fmt, html in items:
        data = html.encode("utf-8")
        lx = best(lambda: lxml_html.fromstring(data), args.passes)
        ours = best(lambda: parse(text, format=fmt), args.passes)
        lean = best(lambda: parse(text, format=fmt, sections=False, references=False), args.passes)
        rows.append({"name": name, "mb": len(data) / 1e6, "lxml": lx, "bioparse": ours, "person": lean})
    mw = peer(items, args.passes) if not args.skip_peer else {"seconds": {}, "errors": {}}
    print(f"{len(items)} pages, {sum(r['mb'] for r in rows):.1f} MB of HTML; load average at start {load:.2f}"
          + ("; date caches emptied before every parse" if args.cold_dates else ""))
    print()
    print("| page | MB | lxml MB/s | bioparse MB/s | person-only MB/s | mwparserfromhtml MB/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        m = mw["seconds"].get(r["name"])
        theirs = f"{r['mb'] / m:.2f}" if m else "refused"
        print(f"| {r['name']} | {r['mb']:.2f} | {r['mb'] / r['lxml']:.1f} | {r['mb'] / r['bioparse']:.1f} | "
              f"{r['mb'] / r['person']:.1f} | {theirs} |")
    mb = sum(r["mb"] for r in rows)
    t = {k: sum(r[k] for r in rows) for k in ("lxml", "bioparse", "person")}
    print()
    print(f"- bioparse / lxml parse throughput: {t['lxml'] / t['bioparse']:.1%} (person-only: {t['lxml'] / t['person']:.1%})")
    print(f"- bioparse MB/s {mb / t['bioparse']:.1f}, lxml {mb / t['lxml']:.1f}")
    both = [r for r in rows if r["name"] in mw["seconds"]]
    if both:
        theirs = sum(mw["seconds"][r["name"]] for r in both)
        ours = sum(r["bioparse"] for r in both)
        print(f"- bioparse / mwparserfromhtml on the {len(both)} pages both read: {theirs / ours:.1f}x "
              f"({mw['tool']})")
    for name, err in mw["errors"].items():
        print(f"- mwparserfromhtml refused {name}: {err}")
    print(f"- load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
