#!/usr/bin/env python3
"""Prove the ``--people-only`` pre-check safe on every page of the shared corpus.

For every page (dump pages of every namespace, wikitext, HTML, Enterprise
records, plain text) the full parse is run and compared with
:func:`bioparse.dump.precheck.may_be_person`: a page the parse calls a
person but the pre-check would skip is a violation.  Also prints how many
pages the pre-check lets through and its cost against the full parse.

Usage: check_precheck.py [CORPUS_DIR]   (default: ../shared/corpus; BIOPARSE_SHARED overrides)
Exit status 1 on any violation.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bioparse.api import parse
from bioparse.dump.precheck import may_be_person
from bioparse.dump.sources import DumpError, FILE_FORMATS, iter_pages
from bioparse.textio import decode_bytes

#: The shared corpus: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def pages(corpus: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(where, text, format, title) for every page of the corpus."""
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.name == "MANIFEST.tsv" or not path.is_file():
                continue
            if folder.name == "dumps":
                try:
                    for page in iter_pages(str(path), namespaces=None):
                        yield f"{path.name}#{page.position}", page.text, page.format, page.title or None
                except DumpError as exc:
                    print(f"  (dump stops early: {exc})", file=sys.stderr)
                continue
            fmt = FILE_FORMATS.get(path.suffix.lower())
            if fmt is None:
                continue
            text, _ = decode_bytes(path.read_bytes())
            yield f"{folder.name}/{path.name}", text, fmt, None


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "corpus"
    total = passed = persons = 0
    t_pre = t_parse = 0.0
    violations: list[str] = []
    for where, text, fmt, title in pages(corpus):
        total += 1
        start = time.perf_counter()
        maybe = may_be_person(text, fmt, title)
        t_pre += time.perf_counter() - start
        start = time.perf_counter()
        article = parse(text, format=fmt, title=title)
        t_parse += time.perf_counter() - start
        passed += maybe
        if article.person is not None:
            persons += 1
            if not maybe:
                violations.append(f"{where} ({article.title}): a person the pre-check would skip")
    print(f"{total} pages, {persons} persons; the pre-check lets {passed} through ({passed / max(total, 1):.0%})")
    print(f"pre-check {t_pre:.2f} s, full parse {t_parse:.2f} s ({t_pre / max(t_parse, 1e-9):.1%} of it)")
    print(f"violations: {len(violations)}")
    for line in violations:
        print("  " + line)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
