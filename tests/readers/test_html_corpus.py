"""HTML pages and Enterprise records against values checked by reading them.

Each ``fixtures/html/expected/<stem>.json`` was written by reading the page's
infobox in ``fixtures/html/<stem>.*`` by hand (see its ``notes``), in the
same schema as the plain-text fixtures: ``offices`` are the infobox offices
in display order; an office ``title`` of null is not checked; every other
null means "the page does not say".  Names and places are compared after
normalizing whitespace.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import bioparse
from bioparse.model import Article, Date, Event, Office

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".json", ".ndjson"))
#: Fixtures kept for section/reference tests only: not biographies.
NOT_BIOGRAPHIES = {"mobileapps_mobilehtml_MOSFET"}


def _norm(value: str | None) -> str | None:
    return None if value is None else re.sub(r"\s+", " ", value).strip()


def _iso(date: Date | None) -> str | None:
    return None if date is None else date.iso


def _page(stem: str) -> Path:
    (path,) = [p for p in PAGES if p.stem == stem]
    return path


def test_every_html_fixture_has_expectations() -> None:
    stems = {p.stem for p in PAGES} - NOT_BIOGRAPHIES
    expected = {p.stem for p in EXPECTED}
    assert stems == expected, f"missing: {sorted(stems - expected)}; orphans: {sorted(expected - stems)}"


def test_fixture_set_covers_every_kind_and_three_languages() -> None:
    names = [p.name for p in PAGES]
    for kind in ("desktop", "parsoid", "mobile", "kiwix", "enterprise"):
        assert any(kind in n for n in names), kind
    assert any(n.endswith(".ndjson") for n in names)
    langs = {lang for lang in ("enwiki", "simplewiki", "frwiki", "itwiki") if any(lang in n for n in names)}
    assert len(langs) >= 3


def _event_errors(stem: str, what: str, got: Event | None, want: dict[str, Any] | None) -> list[str]:
    got_date = _iso(got.date) if got is not None else None
    got_place = _norm(got.place) if got is not None else None
    want_date = want["date"] if want else None
    want_place = _norm(want["place"]) if want else None
    errors = []
    if got_date != want_date:
        errors.append(f"{stem}: {what}.date: got {got_date!r}, want {want_date!r}")
    if got_place != want_place:
        errors.append(f"{stem}: {what}.place: got {got_place!r}, want {want_place!r}")
    return errors


def _office_errors(stem: str, i: int, got: Office, want: dict[str, Any]) -> list[str]:
    label = f"{stem}: office #{i} ({want['title'] or '<untitled>'})"
    pairs: list[tuple[str, Any, Any]] = [
        ("ordinal", got.ordinal, want["ordinal"]),
        ("start", _iso(got.start), want["start"]),
        ("end", _iso(got.end), want["end"]),
        ("predecessor", _norm(got.predecessor), _norm(want["predecessor"])),
        ("successor", _norm(got.successor), _norm(want["successor"])),
        ("incumbent", got.incumbent, want["incumbent"]),
        ("acting", got.acting, want["acting"]),
    ]
    if want["title"] is not None:
        pairs.insert(0, ("title", _norm(got.title), _norm(want["title"])))
    errors = [f"{label}.{n}: got {g!r}, want {w!r}" for n, g, w in pairs if g != w]
    got_with = {_norm(k.lower()): _norm(v) for k, v in got.serving_with.items()}
    for role, person in want.get("serving_with", {}).items():
        if got_with.get(_norm(role.lower())) != _norm(person):
            errors.append(f"{label}.serving_with[{role!r}]: got {got.serving_with!r}, want {person!r}")
    return errors


def check_article(stem: str, article: Article, want: dict[str, Any]) -> list[str]:
    """Every difference between ``article`` and the hand-checked expectation."""
    person = article.person
    assert person is not None, f"{stem}: no person (warnings: {article.warnings})"
    errors: list[str] = []
    if want.get("title") is not None and article.title != want["title"]:
        errors.append(f"{stem}: title: got {article.title!r}, want {want['title']!r}")
    if _norm(person.name) != _norm(want["name"]):
        errors.append(f"{stem}: name: got {person.name!r}, want {want['name']!r}")
    errors += _event_errors(stem, "birth", person.birth, want["birth"])
    errors += _event_errors(stem, "death", person.death, want["death"])
    offices = [o for o in person.offices if o.source == "infobox"]
    if want["offices_complete"] and len(offices) != len(want["offices"]):
        errors.append(f"{stem}: {len(offices)} offices, want {len(want['offices'])}: {[o.title for o in offices]}")
    for i, (got, exp) in enumerate(zip(offices, want["offices"])):
        errors += _office_errors(stem, i, got, exp)
    if "references" in want and len(article.references) != want["references"]:
        errors.append(f"{stem}: references: got {len(article.references)}, want {want['references']}")
    return errors


#: Known gaps outside the HTML reader (strict: the test fails once they are fixed,
#: so this list gets cleaned up).
KNOWN_GAPS: dict[str, str] = {}
CASES = [
    pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_GAPS[p.stem], strict=True))
    if p.stem in KNOWN_GAPS
    else p
    for p in EXPECTED
]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in EXPECTED])
def test_html_fixture(path: Path) -> None:
    want = json.loads(path.read_text(encoding="utf-8"))
    article = bioparse.parse_file(_page(path.stem))
    assert article.source_format == "html"
    errors = check_article(path.stem, article, want)
    assert not errors, f"{len(errors)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(errors)
