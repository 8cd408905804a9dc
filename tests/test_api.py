"""The public API never raises on content, and reads bytes from anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse import Article

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "jose_serrano.txt"

GARBAGE = [
    "",
    " ",
    "\x00\x01\x02",
    "{{",
    "}}}}{{{{|||",
    "<html><body><table class='infobox'><tr><th>",
    "[[[[[[",
    "'''''",
    "Born | | | |\nDied |",
    "In office\nIn office\nPreceded by",
    "\ufeff" + "x" * 1000,
]


@pytest.mark.parametrize("text", GARBAGE)
@pytest.mark.parametrize("fmt", ["auto", "text", "wikitext", "html"])
def test_any_string_gives_an_article(text: str, fmt: str) -> None:
    article = bioparse.parse(text, format=fmt)
    assert isinstance(article, Article)
    article.to_dict()


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(ValueError):
        bioparse.parse("x", format="pdf")


def test_scrambled_infobox_keeps_the_rest() -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    # drop the first office's term and shuffle two rows: the other offices survive
    scrambled = "\n".join(lines[:4] + lines[5:8] + [lines[9], lines[8]] + lines[10:])
    article = bioparse.parse(scrambled)
    assert article.person is not None
    titles = [o.title for o in article.person.offices]
    assert "Minister of Justice, Human Rights and Religious Affairs" in titles
    assert article.person.birth is not None


def test_truncated_seed_still_gives_the_person() -> None:
    text = SEED.read_text(encoding="utf-8")[:700]
    article = bioparse.parse(text)
    assert article.person is not None
    assert article.person.name == "José Serrano"
    assert article.person.offices[0].title == "President of the National Assembly"


def test_parse_file_utf16_and_invalid_utf8(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes(text.encode("utf-16"))
    assert bioparse.parse_file(utf16).person.name == "José Serrano"  # type: ignore[union-attr]
    broken = tmp_path / "b.txt"
    broken.write_bytes(text.encode("utf-8").replace("José".encode(), b"Jos\xff", 1))
    article = bioparse.parse_file(broken)
    assert any("invalid UTF-8" in w for w in article.warnings)
    assert article.person is not None


def test_parse_file_missing_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        bioparse.parse_file(tmp_path / "nope.txt")


def test_same_input_same_json() -> None:
    from bioparse.jsonio import dumps

    text = SEED.read_text(encoding="utf-8")
    assert dumps(bioparse.parse(text)) == dumps(bioparse.parse(text))


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_PERSON_PAGES = sorted(
    p for d in ("wikitext", "html") for p in (FIXTURES / d).iterdir()
    if p.is_file() and p.suffix in (".wiki", ".html", ".json")
)


@pytest.mark.parametrize("path", _PERSON_PAGES, ids=lambda p: p.name)
def test_person_only_parse_gives_the_same_person(path: Path) -> None:
    """sections=False / references=False skip work, never change the person."""
    fmt = "enterprise" if path.suffix == ".json" else "auto"
    text = path.read_text(encoding="utf-8", errors="replace")
    full = bioparse.parse(text, format=fmt)
    lean = bioparse.parse(text, format=fmt, sections=False, references=False)
    assert lean.sections == [] and lean.references == []
    assert lean.person == full.person
    assert lean.infoboxes == full.infoboxes and lean.categories == full.categories
    no_refs = bioparse.parse(text, format=fmt, references=False)
    assert no_refs.references == []
    assert [(s.title, s.text) for s in no_refs.sections] == [(s.title, s.text) for s in full.sections]
    no_sections = bioparse.parse(text, format=fmt, sections=False)
    assert no_sections.sections == [] and no_sections.references == full.references


def test_warm_up_builds_the_tables_and_changes_no_record() -> None:
    from bioparse.api import warm_up
    from bioparse.dates.fallback import foreign_month_words
    from bioparse.extract.biography import tables

    page = "'''Ada Lovelace''' (10 December 1815 – 27 November 1852) was a mathematician.\n[[Category:1815 births]]"
    before = bioparse.parse(page, format="wikitext").to_dict()
    warm_up()
    assert foreign_month_words.cache_info().currsize == 1 and tables.cache_info().currsize == 1
    assert bioparse.parse(page, format="wikitext").to_dict() == before


@pytest.mark.parametrize(("wiki", "calendar", "meta_wiki"), [
    ("ruwiki", "julian", "ruwiki"),
    ("ru", "julian", "ruwiki"),
    (None, "gregorian", None),
    ("no such wiki", "gregorian", None),
])
def test_parse_reads_dates_by_the_wiki_it_is_told(wiki: str | None, calendar: str, meta_wiki: str | None) -> None:
    # ruwiki's dates before 1918-02-14 are Julian (docs/languages.md)
    text = "{{Государственный деятель\n| Имя = Пётр\n| Дата рождения = 5 мая 1799\n}}\n'''Пётр''' — деятель."
    article = bioparse.parse(text, format="wikitext", title="Пётр", wiki=wiki)
    assert article.person is not None and article.person.birth is not None and article.person.birth.date is not None
    assert article.person.birth.date.calendar == calendar
    assert article.meta.get("wiki") == meta_wiki
