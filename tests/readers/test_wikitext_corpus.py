"""Wikitext corpus: real articles against values checked by reading their source.

Each ``fixtures/wikitext/expected/<stem>.json`` was written by reading
``fixtures/wikitext/<stem>.wiki`` by hand (see its ``notes``), never from
parser output.  Same conventions as the plain-text corpus
(``tests/readers/test_text_corpus.py``): ``offices`` are the infobox offices
in display order, ``serving_with`` is a subset check, names and places are
compared after whitespace normalization.  Extra keys here: ``citations``
(number, title, url, date of a few parsed references), ``cited`` (ref name ->
number of uses) and ``old_style_lead`` (text the lead must contain).

The page title is passed to the parser, as a dump reader always has it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse.readers.wikitext import read_wikitext

from expectations import check_article, check_expected_files, load

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wikitext"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def test_every_wikitext_fixture_has_expectations() -> None:
    wikis = {p.stem for p in FIXTURES.glob("*.wiki")}
    expected = {p.stem for p in EXPECTED}
    assert wikis == expected, f"without expectations: {sorted(wikis - expected)}; orphans: {sorted(expected - wikis)}"
    assert len(expected) >= 30


def test_expected_files_are_well_formed() -> None:
    check_expected_files(EXPECTED)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.wiki")), ids=lambda p: p.stem)
def test_every_fixture_parses_without_exception(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = read_wikitext(text, title=path.stem)
    assert doc.source_format == "wikitext"
    assert doc.sections, "every real page has at least a lead"
    article = bioparse.parse(text, format="wikitext", title=path.stem)
    assert article.error is None


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_wikitext_fixture(path: Path) -> None:
    want = load(path)
    stem = path.stem
    article = bioparse.parse_file(FIXTURES / f"{stem}.wiki", title=want["title"])
    assert article.source_format == "wikitext"
    errors = check_article(stem, article, want)
    for cite in want.get("citations", []):
        got = next((r for r in article.references if r.number == cite["number"]), None)
        if got is None:
            errors.append(f"{stem}: no reference number {cite['number']}")
            continue
        got_date = got.date.iso if got.date else None
        for name, got_value in (("title", got.title), ("url", got.url), ("date", got_date)):
            if got_value != cite[name]:
                errors.append(f"{stem}: reference {cite['number']}.{name}: got {got_value!r}, want {cite[name]!r}")
    for name, count in want.get("cited", {}).items():
        got_ref = next((r for r in article.references if r.name == name), None)
        if got_ref is None or got_ref.cited != count:
            errors.append(f"{stem}: ref {name!r} cited {got_ref.cited if got_ref else None}, want {count}")
    if "old_style_lead" in want:
        lead = next((s.text for s in article.sections if s.level == 0), "")
        if want["old_style_lead"] not in lead:
            errors.append(f"{stem}: lead lacks {want['old_style_lead']!r}: {lead[:200]!r}")
    assert not errors, f"{len(errors)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(errors)
