"""Non-English plain-text renderings: real mirror pages in 22 languages, native and machine-translated.

Each ``fixtures/text_i18n/expected/<stem>.json`` was written by reading
``fixtures/text_i18n/<stem>.txt`` by hand (see its ``notes``): every field a
human sees — name, birth and death (date and place), each office's title,
ordinal, term, predecessor and successor.  The conventions are those of the
English text corpus (``tests/expectations.py``).

``pending`` in an expected file lists the fields the library does not read
yet, each with its reason (a date shape, an office-title rule or a rendering
outside this reader).  The expected value stays what a human reads; a pending
field's mismatch is tolerated, every other field must match, and the pending
list must name real fields of the file.  The score over all fields, pending
ones included, is what ``tools/score_text_i18n.py`` reports.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bioparse
from expectations import check_article, check_expected_files, load

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text_i18n"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))


def test_every_fixture_has_expectations() -> None:
    texts = {p.stem for p in FIXTURES.glob("*.txt")}
    expected = {p.stem for p in EXPECTED}
    assert texts == expected, f"without expectations: {sorted(texts - expected)}; orphans: {sorted(expected - texts)}"


def test_expected_files_are_well_formed() -> None:
    check_expected_files(EXPECTED)


def test_languages_covered() -> None:
    """At least ten languages, named in the file names (``<person>__<lang>__<host>.txt``)."""
    languages = {p.stem.split("__")[1] for p in EXPECTED}
    assert len(languages) >= 10, sorted(languages)


def _field(error: str) -> str:
    """"stem: office #0 (X).start: got ..." -> "office #0.start"; "stem: birth.date: got" -> "birth.date"."""
    body = error.split(": ", 1)[1]
    head = body.split(": got", 1)[0].split(", want", 1)[0]
    if head.startswith("office #"):
        number = head.split(" ", 2)[1]
        return f"office {number}.{head.rsplit('.', 1)[1]}"
    if " infobox offices" in head:
        return "offices"
    return head.split(":")[0]


_FIELD = re.compile(
    r"^(?:name|full_name|(?:birth|death)\.(?:date|place)|offices"
    r"|office #(\d+)\.(?:title|ordinal|start|end|predecessor|successor|incumbent|acting|serving_with\[.+\]))$"
)


def test_pending_names_real_fields() -> None:
    for path in EXPECTED:
        want = load(path)
        for field, reason in want.get("pending", {}).items():
            match = _FIELD.match(field)
            assert match and reason, (path.name, field)
            if match.group(1) is not None:
                assert int(match.group(1)) < len(want["offices"]), (path.name, field)


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_text_i18n_fixture(path: Path) -> None:
    want = load(path)
    stem = path.stem
    article = bioparse.parse_file(FIXTURES / f"{stem}.txt")
    assert article.source_format == "text", f"{stem}: detected {article.source_format!r}"
    errors = check_article(stem, article, want)
    pending: dict[str, str] = want.get("pending", {})
    unexpected = [e for e in errors if _field(e) not in pending]
    assert not unexpected, f"{len(unexpected)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(unexpected)
    failing = {_field(e) for e in errors}
    fixed = [f for f in pending if f not in failing]
    assert not fixed, f"{path.name}: pending fields now read right, remove them from 'pending': {fixed}"


def test_infobox_wins_over_the_lead() -> None:
    """Both speak (infobox 'Nascita | Parigi, 7 marzo 1915', lead '(Parigi, 7 marzo 1915 – ...)'): the infobox's value, marked so."""
    person = bioparse.parse_file(FIXTURES / "jacques_chaban_delmas__it__pwojczyn.com.txt").person
    assert person is not None
    assert person.sources["birth_date"] == "infobox" and person.sources["birth_place"] == "infobox"


def test_lead_fills_what_the_page_has_nowhere_else() -> None:
    """No infobox: '(* 1899 in Aydın; † 17. September 1961 auf der Gefängnisinsel İmralı)'."""
    person = bioparse.parse_file(FIXTURES / "adnan_menderes__de__wikipedia.jakami.de.txt").person
    assert person is not None
    assert {person.sources[k] for k in ("birth_date", "birth_place", "death_date", "death_place")} == {"lead"}
