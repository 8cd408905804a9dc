#!/usr/bin/env python3
"""Score the date normalizer on the peers' published date test suites.

Usage: date_scores.py [PATH] [--misses]   (default: fixtures/dates/peer_cases.tsv)

Each row of the TSV is one case of DBpedia's DateTimeParser tests, Wikidata's
value parser tests or wtf_wikipedia's date-template tests, with the expected
ISO date, precision and (where the peer states it) calendar; see
fixtures/README.md.  ``kind`` says whether the input is rendered text or
wikitext (rendered first by the wikitext reader's template renderer).  A row
with no ISO date expects no date at that precision or finer.

Prints the score per language and per source as a Markdown table (the one in
docs/languages.md); ``--misses`` lists the failing rows; ``--coverage`` prints
what each language's ``dates.json`` / ``date_templates.json`` holds.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

from bioparse import lang
from bioparse.dates import parse_date
from bioparse.readers.wikitext.render import Ctx
from bioparse.readers.wikitext.templates import install

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "fixtures" / "dates" / "peer_cases.tsv"
_RANK = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}


@dataclass
class Case:
    """One row of peer_cases.tsv."""

    source: str
    lang: str
    kind: str
    text: str
    iso: str
    precision: str
    calendar: str
    note: str


@dataclass
class Outcome:
    """A case and what bioparse made of it."""

    case: Case
    got: str
    passed: bool


def load(path: Path = DEFAULT) -> list[Case]:
    """The cases of a peer_cases.tsv file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Case(r["source"], r["lang"], r["kind"], r["input"].replace("\\n", "\n"), r["iso"], r["precision"],
             r["calendar"], r["note"])
        for r in rows
    ]


def run(case: Case) -> Outcome:
    """Parse one case the way a reader would and compare with the peer's expectation."""
    text = case.text
    if case.kind == "wikitext":
        text = install(Ctx()).render(text).replace("\n", " ")
    date = parse_date(text)
    got = "-" if date is None else f"{date.iso} {date.precision} {date.calendar}"
    if not case.iso:
        passed = date is None or _RANK[date.precision] < _RANK[case.precision]
    else:
        passed = (
            date is not None
            and (date.iso, date.precision) == (case.iso, case.precision)
            and (not case.calendar or date.calendar == case.calendar)
        )
    return Outcome(case, got, passed)


def evaluate(path: Path = DEFAULT) -> list[Outcome]:
    """Every case of ``path``, run."""
    return [run(case) for case in load(path)]


def table(outcomes: list[Outcome], key: str) -> list[tuple[str, int, int]]:
    """(group, passed, total) per language or per source."""
    groups: dict[str, list[bool]] = {}
    for outcome in outcomes:
        groups.setdefault(getattr(outcome.case, key), []).append(outcome.passed)
    return [(name, sum(v), len(v)) for name, v in sorted(groups.items())]


def coverage() -> list[str]:
    """Markdown rows: per language, the counts of each kind of date word it has as data."""
    rows = ["| code | month forms | eras | ordinal day | circa | range words | present | calendar | date templates |",
            "|---|---:|---:|---|---:|---:|---:|---|---:|"]
    for code in lang.languages():
        dates = lang.aspect(code, "dates")
        templates = lang.aspect(code, "date_templates")
        if not dates and not templates:
            continue
        months = sum(len(forms) for forms in dates.get("months", []))
        if "numeric" in dates:
            months_text = f"{months} + {dates['numeric']['month']}"
        else:
            months_text = str(months)
        eras = sum(len(v) for v in dates.get("eras", {}).values())
        ranges = sum(len(v) for v in dates.get("range", {}).values())
        calendar = dates.get("calendar", {}).get("julian_until", "")
        names = sum(len(t.get("names", [])) for t in templates.get("templates", []))
        ordinals = " ".join(dates.get("ordinal_day", []))
        rows.append(f"| {code} | {months_text} | {eras} | {ordinals} | {len(dates.get('circa', []))} | {ranges} | "
                    f"{len(dates.get('present', []))} | {calendar} | {names} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list the failing rows")
    parser.add_argument("--coverage", action="store_true", help="print what each language's date data holds")
    args = parser.parse_args(argv)
    if args.coverage:
        print("\n".join(coverage()))
        return 0
    outcomes = evaluate(args.path)
    english = [o for o in outcomes if o.case.lang == "en"]
    other = [o for o in outcomes if o.case.lang != "en"]
    for key, title in (("lang", "language"), ("source", "source")):
        print(f"| {title} | cases | passed | score |")
        print("|---|---:|---:|---:|")
        for name, passed, total in table(outcomes, key):
            print(f"| {name} | {total} | {passed} | {passed / total:.2f} |")
        print()
    for name, group in (("English", english), ("other languages", other), ("all", outcomes)):
        if group:
            passed = sum(o.passed for o in group)
            print(f"{name}: {passed}/{len(group)} = {passed / len(group):.2f}")
    if args.misses:
        print()
        for o in outcomes:
            if not o.passed:
                c = o.case
                print(f"MISS [{c.source} {c.lang}] {c.text!r}: want {c.iso or '-'} {c.precision} {c.calendar}"
                      f" got {o.got}  {c.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
