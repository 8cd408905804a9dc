"""Non-English HTML (de, fr, it): real pages against values read by hand.

``fixtures/html_i18n/expected/<stem>.json`` was written by reading the page
(infobox, lead sentence, {{Personendaten}}); Enterprise records are read
through their HTML body here (their wikitext body is compared with it in
``tests/test_cross_format_i18n.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from expectations import check_article, check_expected_files, load

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html_i18n"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def _page(stem: str) -> Path:
    return next(p for p in FIXTURES.iterdir() if p.is_file() and p.stem == stem)


def test_every_fixture_has_expectations() -> None:
    pages = {p.stem for p in FIXTURES.iterdir() if p.is_file()}
    assert pages == {p.stem for p in EXPECTED}


def test_expected_files_are_well_formed() -> None:
    check_expected_files(EXPECTED)


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_html_i18n_fixture(path: Path) -> None:
    article = bioparse.parse_file(_page(path.stem))
    assert article.source_format == "html"
    errors = check_article(path.stem, article, load(path))
    assert not errors, "\n  ".join(errors)


def test_lead_is_marked_as_the_source() -> None:
    """No infobox, no Personendaten: birth and death come from the lead, and say so."""
    person = bioparse.parse_file(_page("wme_parsoid_itwiki_Mino_Raiola")).person
    assert person is not None
    assert person.sources["birth_date"] == "lead" and person.sources["death_place"] == "lead"
