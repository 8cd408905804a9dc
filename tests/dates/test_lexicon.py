"""Tests for bioparse.dates.lexicon: every language's date words as data, rewritten into English shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bioparse import lang
from bioparse.dates.lexicon import ENGLISH_MONTHS, ambiguous_months, fold, lexicon, localize

DATA = Path(lang.__file__).resolve().parent / "data"
REQUIRED = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "cs", "tr", "ja", "zh", "ar", "el"]


@pytest.mark.parametrize("code", REQUIRED)
def test_required_languages_have_date_data(code: str) -> None:
    data = lang.aspect(code, "dates")
    assert data, code
    if code not in ("ja", "zh"):  # CJK months are numbers with 月
        assert len(data["months"]) == 12 and all(data["months"])
    assert data.get("eras") or code == "en"


def test_every_dates_file_is_well_formed() -> None:
    allowed = {"months", "eras", "ordinal_day", "joiners", "year_words", "circa", "circa_after", "range",
               "present", "century", "numeric", "regnal_eras", "calendar", "yield_months",
               "numeric_prefix", "day_words"}
    files = sorted(DATA.glob("*/dates.json"))
    assert len(files) >= 40
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) <= allowed, path
        if "months" in data:
            assert len(data["months"]) == 12, path
            assert all(isinstance(w, str) and w == w.lower() for forms in data["months"] for w in forms), path
        if "day_words" in data:
            assert 1 <= len(data["day_words"]) <= 31, path
            assert all(isinstance(w, str) and w for forms in data["day_words"] for w in forms), path
        assert set(data.get("numeric_prefix", {})) <= {"day", "month", "year"}, path
        for key in ("bc", "ad", "bc_prefix", "ad_prefix"):
            assert all(isinstance(w, str) and w for w in data.get("eras", {}).get(key, [])), path


@pytest.mark.parametrize(
    "word, month",
    [
        ("января", 1),        # ru genitive
        ("январь", 1),        # ru nominative
        ("listopada", 11),    # pl genitive (Croatian October yields)
        ("května", 5),        # cs genitive
        ("Μαΐου", 5),         # el genitive, capitalised
        ("ιούνιος", 6),       # el nominative
        ("février", 2),
        ("fevrier", 2),       # accents optional
        ("Jänner", 1),        # de-AT
        ("maggio", 5),
        ("mayıs", 5),
        ("كانون الثاني", None),  # two words: a phrase, not a single-word entry
        ("styczeń", 1),
        ("października", 10),
        ("травня", 5),        # uk genitive
    ],
)
def test_month_words(word: str, month: int | None) -> None:
    assert lexicon().months.get(fold(word)) == month


def test_tied_month_words_are_left_out() -> None:
    """A word two languages give different months, equally weighted, is not guessed."""
    for word in ambiguous_months():
        assert word not in lexicon().months


def test_english_words_are_never_month_words() -> None:
    for word in ("see", "set", "den", "man", "mar", "tot"):
        assert word not in lexicon().months


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1er mai 1920", "1 May 1920"),
        ("3. Mai 1920", "3. May 1920"),
        ("1 de enero de 1900", "1 January 1900"),
        ("12 января 1990 г.", "12 January 1990"),
        ("15 mars 44 av. J.-C.", "15 March 44 BC"),
        ("20 π.Χ.", "20 BC"),
        ("1η δεκεμβρίου 2006", "1 December 2006"),
        ("昭和20年8月15日", "1945年8月15日"),
        ("平成元年", "1989年"),
        ("１９５９年９月", "1959年9月"),
        ("٢٠ مايو ١٩٩٠", "20 May 1990"),
        ("5 (17) мая 1799", "17 May 1799 [O.S. 5 May]"),
    ],
)
def test_localize(text: str, expected: str) -> None:
    assert " ".join(localize(text).split()) == expected


@pytest.mark.parametrize(
    "text",
    ["19 November 1970", "County Mayo", "Rio de Janeiro", "Saint-Denis", "in office", "Mai Thị Hạnh"],
)
def test_localize_leaves_english_and_places_alone(text: str) -> None:
    assert localize(text) == text


def test_english_month_names_are_the_targets() -> None:
    assert ENGLISH_MONTHS[0] == "January" and len(ENGLISH_MONTHS) == 12
    assert all(lexicon().english[m.lower()] == i for i, m in enumerate(ENGLISH_MONTHS, start=1))
