#!/usr/bin/env python3
"""Per-language score of the plain-text reader on non-English renderings.

Usage: tools/score_text_i18n.py [FIXTURE_DIR]   (default fixtures/text_i18n/)

Compares every ``<stem>.txt`` with its hand-read ``expected/<stem>.json``
field by field (name; birth and death date and place; each expected office's
title, ordinal, start, end, predecessor, successor) and prints, per language
(``<person>__<lang>__<host>.txt``): pages, pages with a person, fields right
out of fields checked.  The numbers in docs/languages.md come from here.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from bioparse.api import parse_file
from bioparse.model import Date, Event

ROOT = Path(__file__).resolve().parents[1]


def _iso(date: Date | None) -> str | None:
    return None if date is None else date.iso


def _norm(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def _event(event: Event | None) -> tuple[str | None, str | None]:
    return (None, None) if event is None else (_iso(event.date), _norm(event.place))


def score(path: Path, want: dict) -> tuple[bool, int, int]:
    """(person found, fields right, fields checked) for one page."""
    person = parse_file(path).person
    checks: list[tuple[object, object]] = []
    got_birth = _event(person.birth) if person else (None, None)
    got_death = _event(person.death) if person else (None, None)
    checks.append((_norm(person.name) if person else None, _norm(want["name"])))
    for got, key in ((got_birth, "birth"), (got_death, "death")):
        w = want[key] or {"date": None, "place": None}
        checks += [(got[0], w["date"]), (got[1], _norm(w["place"]))]
    offices = [o for o in person.offices if o.source == "infobox"] if person else []
    for i, w in enumerate(want["offices"]):
        o = offices[i] if i < len(offices) else None
        fields = [
            (_norm(o.title) if o else None, _norm(w["title"])) if w["title"] is not None else None,
            (o.ordinal if o else None, w["ordinal"]),
            (_iso(o.start) if o else None, w["start"]),
            (_iso(o.end) if o else None, w["end"]),
            (_norm(o.predecessor) if o else None, _norm(w["predecessor"])),
            (_norm(o.successor) if o else None, _norm(w["successor"])),
        ]
        checks += [f for f in fields if f is not None]
    right = sum(1 for got, wanted in checks if got == wanted)
    return person is not None, right, len(checks)


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures" / "text_i18n"
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for expected in sorted((directory / "expected").glob("*.json")):
        want = json.loads(expected.read_text(encoding="utf-8"))
        language = expected.stem.split("__")[1]
        found, right, checked = score(directory / f"{expected.stem}.txt", want)
        row = table[language]
        row[0] += 1
        row[1] += found
        row[2] += right
        row[3] += checked
    print("| language | pages | with a person | fields right |")
    print("|---|---|---|---|")
    total = [0, 0, 0, 0]
    for language in sorted(table):
        pages, found, right, checked = table[language]
        total = [a + b for a, b in zip(total, table[language])]
        print(f"| {language} | {pages} | {found} | {right}/{checked} ({right / checked:.2f}) |")
    pages, found, right, checked = total
    print(f"| all | {pages} | {found} | {right}/{checked} ({right / checked:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
