"""Plain-text corpus: real Wikipedia renderings against values checked by reading.

Each ``fixtures/text/expected/<stem>.json`` was written by reading
``fixtures/text/<stem>.txt`` by hand (see its ``notes``), never from parser
output, so these tests measure how far the plain-text reader and the shared
extractors are from what a careful human reads in the same text.

Conventions of the expected files:

* ``offices`` lists the *infobox* offices in display order (one entry per
  term); succession-box offices are not counted.  With ``offices_complete``
  false the file is truncated and the list is a prefix of what the parser
  must find.
* An office ``title`` of null means the text shows no title for it (the test
  does not check the title then); every other null means "the text does not
  say", and the parser must not invent a value.
* ``serving_with`` is a subset check (roles compared case-insensitively);
  ``sections`` are the headings of level >= 1 in order; ``references`` is the
  number of entries of the references list.
* Names and places are compared after normalizing whitespace only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from expectations import check_article, check_expected_files, load

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def test_every_text_fixture_has_expectations() -> None:
    """A copied fixture without an expected file would silently go untested."""
    texts = {p.stem for p in FIXTURES.glob("*.txt")}
    expected = {p.stem for p in EXPECTED}
    assert texts == expected, f"without expectations: {sorted(texts - expected)}; orphans: {sorted(expected - texts)}"


def test_expected_files_are_well_formed() -> None:
    check_expected_files(EXPECTED)


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_text_fixture(path: Path, request: pytest.FixtureRequest) -> None:
    want = load(path)
    if want.get("known_gap"):
        # a shape the reader does not handle yet (docs/formats.md); strict, so a fix is noticed
        request.applymarker(pytest.mark.xfail(strict=True, reason=want["known_gap"]))
    stem = path.stem
    article = bioparse.parse_file(FIXTURES / f"{stem}.txt")
    assert article.source_format == "text", f"{stem}: detected {article.source_format!r}, want 'text'"
    errors = check_article(stem, article, want)
    assert not errors, f"{len(errors)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(errors)
