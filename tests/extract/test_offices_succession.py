"""Officeholders with succession boxes: every office, listed by hand, in every format we hold.

Each ``fixtures/offices/expected/<person>.json`` lists the offices of one
revision as a reader of the page would (infobox offices in order, then the
offices only the succession box names), the positions that are not offices
(nominations, orders of precedence, records, awards, titles), and the
renderings of that revision under ``fixtures/`` (wikitext, desktop HTML,
Parsoid, mobile, Enterprise records read both ways).  Expected values were
written by reading the page source; see each file's notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bioparse
from bioparse.model import Office
from expectations import norm

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
EXPECTED = sorted((ROOT / "offices" / "expected").glob("*.json"))
CASES = [
    pytest.param(path, file, fmt, id=f"{path.stem}-{Path(file).stem}-{fmt}")
    for path in EXPECTED
    for file, fmt in json.loads(path.read_text(encoding="utf-8"))["cases"]
]
#: Words that must never head an office's title: those rows are kept apart.
NOT_OFFICES = ("nominee", "precedence", "oldest living", "still living", "person of the year")


def _year(office: Office) -> int | None:
    return office.start.year if office.start is not None else None


def _office_errors(i: int, got: Office, want: dict[str, Any]) -> list[str]:
    label = f"office #{i} {want['title']!r}"
    checks: list[tuple[str, Any, Any]] = [
        ("title", norm(got.title), norm(want["title"])),
        ("year", _year(got), want["year"]),
        ("predecessor", got.predecessor, want["predecessor"]),
        ("successor", got.successor, want["successor"]),
    ]
    for name in ("established", "abolished", "incumbent", "predecessor_qualifier", "successor_qualifier"):
        if name in want:
            checks.append((name, getattr(got, name), want[name]))
    if "colleagues" in want:
        checks.append(("colleagues", [c.name for c in got.colleagues], want["colleagues"]))
    return [f"{label}.{name}: got {g!r}, want {w!r}" for name, g, w in checks if g != w]


@pytest.mark.parametrize(("path", "file", "fmt"), CASES)
def test_every_office_of_the_page(path: Path, file: str, fmt: str) -> None:
    want = json.loads(path.read_text(encoding="utf-8"))
    article = bioparse.parse((ROOT / file).read_text(encoding="utf-8"), format=fmt)
    person = article.person
    assert person is not None, article.warnings
    errors: list[str] = []
    got_titles = [o.title for o in person.offices]
    if len(person.offices) != len(want["offices"]):
        errors.append(f"{len(person.offices)} offices, want {len(want['offices'])}: {got_titles}")
    for i, (got, exp) in enumerate(zip(person.offices, want["offices"])):
        errors += _office_errors(i, got, exp)
    got_others = [(o.kind, norm(o.title), _year(o)) for o in person.positions_other]
    want_others = [(o["kind"], norm(o["title"]), o["year"]) for o in want["others"]]
    if got_others != want_others:
        errors.append(f"other positions: got {got_others}, want {want_others}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(("path", "file", "fmt"), CASES)
def test_nominations_and_precedence_are_never_offices(path: Path, file: str, fmt: str) -> None:
    article = bioparse.parse((ROOT / file).read_text(encoding="utf-8"), format=fmt)
    assert article.person is not None
    for office in article.person.offices:
        assert office.kind == "office"
        assert not any(word in (office.title or "").casefold() for word in NOT_OFFICES), office.title


def test_at_least_fifteen_officeholders() -> None:
    people = {json.loads(p.read_text(encoding="utf-8"))["person"] for p in EXPECTED}
    assert len(people) >= 15
