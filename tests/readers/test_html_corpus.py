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
from pathlib import Path

import pytest

import bioparse
from expectations import check_article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".json", ".ndjson"))
#: Fixtures kept for section/reference tests only: not biographies.
NOT_BIOGRAPHIES = {"mobileapps_mobilehtml_MOSFET"}


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
    errors = check_article(path.stem, article, want, check_title=True)
    assert not errors, f"{len(errors)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(errors)
