#!/usr/bin/env python3
"""Parse every HTML page and Enterprise record in a directory; report what was found.

Usage: tools/check_html_corpus.py [DIR]   (default ../shared/corpus/html/)

Each ``.ndjson`` line is parsed as its own record.  Prints one line per
page (person name, birth/death years, office count, references, warnings)
and a summary with exceptions (must be 0) and pages per second.
"""

from __future__ import annotations

import os

import sys
import time
import traceback
from pathlib import Path

from bioparse.api import parse
from bioparse.model import Article
from bioparse.readers.enterprise import split_records
from bioparse.textio import decode_bytes

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def _inputs(directory: Path) -> list[tuple[str, str, str]]:
    """(label, text, format) for every page in ``directory``."""
    items: list[tuple[str, str, str]] = []
    for path in sorted(directory.iterdir()):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".json", ".ndjson"):
            continue
        text, _ = decode_bytes(path.read_bytes())
        if suffix == ".ndjson":
            for i, record in enumerate(split_records(text), 1):
                items.append((f"{path.name}#{i}", record, "enterprise"))
        elif suffix == ".json":
            items.append((path.name, text, "enterprise"))
        else:
            items.append((path.name, text, "html"))
    return items


def _summary(article: Article) -> str:
    person = article.person
    if person is None:
        who = "no person"
    else:
        born = person.birth.date.iso if person.birth and person.birth.date else "?"
        died = person.death.date.iso if person.death and person.death.date else "-"
        who = f"{person.name} ({born} – {died}), {len(person.offices)} offices"
    return (
        f"{who}; {len(article.infoboxes)} infoboxes, {len(article.sections)} sections, "
        f"{len(article.references)} refs, {len(article.warnings)} warnings"
    )


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else SHARED / "corpus/html/"
    items = _inputs(directory)
    errors = persons = offices = 0
    total_bytes = 0
    start = time.perf_counter()
    for label, text, fmt in items:
        total_bytes += len(text)
        t0 = time.perf_counter()
        try:
            article = parse(text, format=fmt)
        except Exception:  # the point of this tool is to count these
            errors += 1
            print(f"EXCEPTION {label}")
            traceback.print_exc()
            continue
        took = time.perf_counter() - t0
        if article.person is not None:
            persons += 1
            offices += len(article.person.offices)
        crashed = [w for w in article.warnings if w.startswith("reader failed")]
        errors += len(crashed)
        print(f"{label:60s} {took * 1000:7.1f} ms  {_summary(article)}")
        for warning in crashed:
            print(f"    {warning}")
    elapsed = time.perf_counter() - start
    n = len(items)
    print(
        f"\n{n} pages, {total_bytes / 1e6:.1f} MB in {elapsed:.2f} s "
        f"({n / elapsed if elapsed else 0:.1f} pages/s, {total_bytes / 1e6 / elapsed if elapsed else 0:.1f} MB/s); "
        f"persons {persons}, offices {offices}, exceptions {errors}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
