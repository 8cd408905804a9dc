#!/usr/bin/env python3
"""How clean are the names in offices?  Predecessor, successor and colleague values over the corpus.

Usage: office_names_report.py [--list N] [DIR ...]
       (default: the shared corpus folders wikitext, wikitext_i18n, wikitext_partial,
       html, text, text_i18n; Enterprise records are read as HTML and as wikitext)

For every page it counts the predecessor / successor / colleague values the
parser outputs (offices and other positions), and how many still contain a
parenthesis, a placeholder word ("Position established", from
``lang/data/*/offices.json``) or a date (a 3-4 digit number).  The same counts
over the raw cells the readers saw (first line of each predecessor / successor
/ serving-with row) show what the cleaning removed.  ``--list N`` prints up to N
offending output values with their page, so each can be checked by hand.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bioparse.api import parse
from bioparse.extract.offices import placeholder_flag
from bioparse.extract.text import first_line
from bioparse.model import Article
from bioparse.textio import decode_bytes

SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEFAULT = [SHARED / "corpus" / d for d in
           ("wikitext", "wikitext_i18n", "wikitext_partial", "html", "text", "text_i18n")]
_DATE = re.compile(r"(?<!\d)\d{3,4}(?!\d)")
_SUFFIX_FORMAT = {".wiki": "wikitext", ".wikitext": "wikitext", ".html": "html", ".htm": "html",
                  ".txt": None}


@dataclass
class Counts:
    values: int = 0
    parens: int = 0
    placeholders: int = 0
    dates: int = 0
    offenders: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, page: str, what: str, value: str | None) -> None:
        if not value:
            return
        self.values += 1
        bad = []
        if "(" in value or ")" in value:
            self.parens += 1
            bad.append("paren")
        if placeholder_flag(value) is not None:
            self.placeholders += 1
            bad.append("placeholder")
        if _DATE.search(value):
            self.dates += 1
            bad.append("date")
        if bad:
            self.offenders.append((page, what, f"{value!r} [{', '.join(bad)}]"))

    def line(self, name: str) -> str:
        share = (lambda n: f"{n} ({100 * n / self.values:.1f}%)") if self.values else str
        return (f"{name}: values={self.values} parentheses={share(self.parens)} "
                f"placeholders={share(self.placeholders)} dates={share(self.dates)}")


def pages(folders: list[Path]) -> Iterator[tuple[str, str, str | None]]:
    """(label, text, format) for every page; Enterprise records twice."""
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name == "MANIFEST.tsv" or not path.is_file():
                continue
            text, _ = decode_bytes(path.read_bytes())
            if path.suffix == ".json":
                for fmt in ("html", "wikitext"):
                    yield f"{folder.name}/{path.name}#{fmt}", text, fmt
            elif path.suffix in _SUFFIX_FORMAT:
                yield f"{folder.name}/{path.name}", text, _SUFFIX_FORMAT[path.suffix]


def count(article: Article, label: str, out: Counts, raw: Counts) -> None:
    person = article.person
    if person is None:
        return
    for office in person.offices + person.positions_other:
        out.add(label, f"{office.title} predecessor", office.predecessor)
        out.add(label, f"{office.title} successor", office.successor)
        for colleague in office.colleagues:
            out.add(label, f"{office.title} {colleague.role}", colleague.name)
    for box in article.infoboxes:
        for row in box.rows:
            if row.key in ("predecessor", "successor", "serving_with"):
                raw.add(label, row.key, first_line(row.value))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--list", type=int, default=0, help="print up to N offending output values")
    args = ap.parse_args(argv)
    out, raw = Counts(), Counts()
    n = 0
    for label, text, fmt in pages(args.dirs or DEFAULT):
        n += 1
        article = parse(text, format=fmt) if fmt else parse(text)
        count(article, label, out, raw)
    print(f"pages={n}")
    print(raw.line("source cells (first line)"))
    print(out.line("output names"))
    for page, what, value in out.offenders[: args.list]:
        print(f"  {page}: {what}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
