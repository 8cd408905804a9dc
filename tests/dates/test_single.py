"""Tests for bioparse.dates: parse_date (bioparse.dates.single).

Expected values are written from what each string means (a reader's reading
of the date), not from the parser's output.  BC years use astronomical
numbering: 1 BC = 0000, 100 BC = -0099, 340 BC = -0339.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bioparse.dates import (
    clear_caches,
    fallback_calls,
    normalize_iso,
    parse_age,
    parse_date,
    parse_range,
    split_event,
    wiki_language,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _iso(text: str) -> tuple[str, str] | None:
    date = parse_date(text)
    return None if date is None else (date.iso, date.precision)



# ---------------------------------------------------------------------------
# parse_date: the common forms


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("19 November 1970", "1970-11-19", "day"),
        ("November 19, 1970", "1970-11-19", "day"),
        ("November 19 1970", "1970-11-19", "day"),
        ("1970-11-19", "1970-11-19", "day"),
        ("(1970-11-19)19 November 1970", "1970-11-19", "day"),
        ("(1970-11-19) 19 November 1970", "1970-11-19", "day"),
        ("19 November 1970(1970-11-19)", "1970-11-19", "day"),
        ("(1892-07-23 ) 23 July 1892", "1892-07-23", "day"),
        ("November 1970", "1970-11", "month"),
        ("Nov. 1970", "1970-11", "month"),
        ("1970", "1970", "year"),
        ("1970s", "1970", "decade"),
        ("19th century", "1801", "century"),
        ("5th century BC", "-0499", "century"),
        ("12 July 100 BC", "-0099-07-12", "day"),
        ("100 BCE", "-0099", "year"),
        ("AD 79", "0079", "year"),
        ("79 AD", "0079", "year"),
        ("340 BC", "-0339", "year"),
        ("1 BC", "0000", "year"),
        ("3 Sept 1939", "1939-09-03", "day"),
        ("1st of May 1886", "1886-05-01", "day"),
        ("December 25, 1968, 6:10:17 UTC", "1968-12-25", "day"),
        ("19/11/1970", "1970-11-19", "day"),
        ("1970年11月19日", "1970-11-19", "day"),
        ("2013a", "2013", "year"),
        ("2010-03", "2010-03", "month"),
        ("mid-1990s", "1990", "decade"),
        ("19-Nov-1970", "1970-11-19", "day"),
        ("Sunday, 19 November 1970", "1970-11-19", "day"),
        ("January 1st, 1900", "1900-01-01", "day"),
        ("-0099-07-12", "-0099-07-12", "day"),
    ],
)
def test_common_forms(text: str, iso: str, precision: str) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.iso, date.precision) == (iso, precision)
    # Dates before the Gregorian reform (1582-10-15) are Julian (issue 13 §3).
    assert date.calendar == ("julian" if date.year < 1582 else "gregorian")
    assert date.circa is False
    assert date.text == text.strip()


def test_iso_part_wins_over_prose() -> None:
    # The machine-readable part is authoritative when the two disagree.
    date = parse_date("(1892-07-23) 24 July 1892")
    assert date is not None and date.iso == "1892-07-23"
    assert date.uncertain is True


@pytest.mark.parametrize(
    "text, iso",
    [
        ("c. 1650", "1650"),
        ("circa 1650", "1650"),
        ("ca. 1650", "1650"),
        ("c.1650", "1650"),
        ("c.  1650", "1650"),  # what {{circa}} renders to
        ("{{circa}} 1650", "1650"),
        ("c. 304 BCE", "-0303"),
        ("ca 1650", "1650"),
        ("Abt. 1650", "1650"),
        ("approximately 1650", "1650"),
    ],
)
def test_circa(text: str, iso: str) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.iso, date.precision, date.circa) == (iso, "year", True)


def test_old_style_full_bracket() -> None:
    date = parse_date("4 January 1643 [O.S. 25 December 1642]")
    assert date is not None
    assert (date.iso, date.precision, date.calendar) == ("1643-01-04", "day", "gregorian")
    assert date.julian_iso == "1642-12-25"


def test_old_style_bracket_inside_date() -> None:
    date = parse_date("24 November [O.S. 13 November] 1729")
    assert date is not None
    assert (date.iso, date.calendar, date.julian_iso) == ("1729-11-24", "gregorian", "1729-11-13")


def test_old_style_across_new_year() -> None:
    # 1 January 1730 New Style was still 21 December 1729 in Russia.
    date = parse_date("1 January [O.S. 21 December] 1730")
    assert date is not None
    assert (date.iso, date.julian_iso) == ("1730-01-01", "1729-12-21")


def test_new_style_bracket() -> None:
    date = parse_date("25 December 1642 [N.S. 4 January 1643]")
    assert date is not None
    assert (date.iso, date.julian_iso) == ("1643-01-04", "1642-12-25")


@pytest.mark.parametrize(
    "text, iso, age",
    [
        ("18 May 1800(1800-05-18) (aged 69)", "1800-05-18", 69),
        ("(1961-09-29) 29 September 1961 (age 63)", "1961-09-29", 63),
        ("232 BCE (aged c. 71  72)", "-0231", 71),
        ("297 BC (aged 41–42)[1]", "-0296", 41),
    ],
)
def test_age_beside_date(text: str, iso: str, age: int) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.iso, date.age) == (iso, age)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("19 November 1970[1]", "1970-11-19"),
        ("1970[a]", "1970"),
        ("340 BC[citation needed]", "-0339"),
        ("(1848-04-29)29 April 1848[1][2]", "1848-04-29"),
    ],
)
def test_footnotes_ignored(text: str, iso: str) -> None:
    date = parse_date(text)
    assert date is not None and date.iso == iso


def test_alternative_readings() -> None:
    date = parse_date("18 or 21 September 1909")
    assert date is not None
    assert (date.iso, date.uncertain) == ("1909-09-18", True)
    date = parse_date("24 November [O.S. 13 November] 1729 or 1730")
    assert date is not None
    assert (date.iso, date.julian_iso, date.uncertain) == ("1729-11-24", "1729-11-13", True)


def test_year_glued_to_next_date() -> None:
    # A scraper dropped the dash of "7 April 1939 – 29 November 1944".
    assert _iso("7 April 193929 November 1944") == ("1939-04-07", "day")


def test_numeric_hint() -> None:
    assert _iso("03/04/1970") == ("1970-03-04", "day")  # "/" reads month first
    date = parse_date("03/04/1970", dmy_hint=True)
    assert date is not None and date.iso == "1970-04-03"
    assert _iso("03.04.1970") == ("1970-04-03", "day")  # "." reads day first


def test_invalid_day_drops_to_month() -> None:
    assert _iso("31 February 1970") == ("1970-02", "month")


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("16 de mayo de 2017", "2017-05-16", "day"),
        ("19. November 1970", "1970-11-19", "day"),
        ("19 novembre 1970", "1970-11-19", "day"),
        ("19 listopada 1970", "1970-11-19", "day"),
        ("19 ноября 1970", "1970-11-19", "day"),
        ("mayo de 2017", "2017-05", "month"),
    ],
)
def test_non_english(text: str, iso: str, precision: str) -> None:
    assert _iso(text) == (iso, precision)


def test_english_never_reaches_dateparser() -> None:
    clear_caches()
    for text in ["19 November 1970", "c. 1650", "in office", "Ecuador 1970", "garbage words"]:
        parse_date(text)
    assert fallback_calls() == 0


def test_language_data_comes_before_dateparser() -> None:
    """A month word of a language with a dates.json file never reaches dateparser."""
    clear_caches()
    for text in ["19 novembre 1970", "19 listopada 1970", "19 ноября 1970", "1er mai 1920"]:
        assert parse_date(text) is not None
    assert fallback_calls() == 0


def test_dateparser_results_are_cached() -> None:
    """Swahili has no dates.json here: "Novemba" is left to dateparser, once."""
    clear_caches()
    parse_date("19 Novemba 1970")
    parse_date("19 Novemba 1970")
    assert fallback_calls() == 1


@pytest.mark.parametrize("text", ["19 November 1970", "c. 1650", "born 5 May 1805 in Paris"])
def test_cached_results_are_copies(text: str) -> None:
    """Changing a returned Date does not change what the next call returns."""
    first = parse_date(text)
    assert first is not None
    iso, circa = first.iso, first.circa
    first.iso, first.circa, first.text = "0001", not circa, "changed"
    again = parse_date(text)
    assert again is not first
    assert (again.iso, again.circa, again.text) == (iso, circa, text.strip())


def test_cache_keeps_each_wiki_language_apart() -> None:
    """ruwiki dates before 1918-02-14 are Julian; the same string read for no wiki is Gregorian."""
    clear_caches()
    plain = parse_date("1 May 1900")
    with wiki_language("ru"):
        russian = parse_date("1 May 1900")
    explicit = parse_date("1 May 1900", lang="ru")
    assert plain is not None and russian is not None and explicit is not None
    assert plain.calendar == "gregorian"
    assert russian.calendar == "julian" and explicit.calendar == "julian"
    assert parse_date("1 May 1900").calendar == "gregorian"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "in office", "garbage text here", "Cuenca, Ecuador", "(age 56)", "3 months", "[1]"],
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_not_a_string() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]


def test_huge_inputs_are_fast() -> None:
    for text in ["1" * 1_000_000, "1 " * 500_000, "-" * 1_000_000, "12 May " * 150_000, "c. " * 300_000]:
        began = time.perf_counter()
        parse_date(text)
        parse_range(text)
        split_event(text)
        assert time.perf_counter() - began < 2.0


# ---------------------------------------------------------------------------
# helpers


def test_normalize_iso() -> None:
    assert normalize_iso(1970, 11, 19) == "1970-11-19"
    assert normalize_iso(-99, 7, 12) == "-0099-07-12"
    assert normalize_iso(0) == "0000"
    assert normalize_iso(79, 3) == "0079-03"


def test_parse_age() -> None:
    assert parse_age("(aged 61)") == 61
    assert parse_age("(age 56)") == 56
    assert parse_age("aged c. 71") == 71
    assert parse_age("19 November 1970") is None
    assert parse_age("") is None


def test_year_property_is_astronomical() -> None:
    date = parse_date("100 BC")
    assert date is not None and date.year == -99




def test_space_before_comma_after_the_day() -> None:
    """Parsoid renderings of some wikis put a space before the comma: "June 3 , 1906"."""
    date = parse_date("June 3 , 1906")
    assert date is not None and (date.iso, date.precision) == ("1906-06-03", "day")


def test_translated_age_phrase() -> None:
    assert parse_age("(at 68 years old)") == 68
    event = split_event("April 12 , 1975(at 68 years old)\nParis ( France )")
    assert event.date is not None and event.date.iso == "1975-04-12" and event.date.age == 68
    assert event.place == "Paris ( France )"
