"""Tests for bioparse.dates.

Expected values are written from what each string means (a reader's reading
of the date), not from the parser's output.  BC years use astronomical
numbering: 1 BC = 0000, 100 BC = -0099, 340 BC = -0339.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bioparse.dates import (
    clear_caches,
    fallback_calls,
    normalize_iso,
    parse_age,
    parse_date,
    parse_range,
    split_event,
)
from bioparse.model import Date, DateRange, Event

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


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
    assert date.calendar == "gregorian"
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


def test_dateparser_results_are_cached() -> None:
    clear_caches()
    parse_date("19 novembre 1970")
    parse_date("19 novembre 1970")
    assert fallback_calls() == 1


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


# ---------------------------------------------------------------------------
# parse_range


def _span(text: str) -> tuple[str | None, str | None, bool]:
    result = parse_range(text)
    return (
        result.start.iso if result.start else None,
        result.end.iso if result.end else None,
        result.open_ended,
    )


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("14 May 2017 – 9 March 2018", "2017-05-14", "2018-03-09"),
        ("14 May 2017 - 9 March 2018", "2017-05-14", "2018-03-09"),
        ("14 May 2017 — 9 March 2018", "2017-05-14", "2018-03-09"),
        ("1964 to 1966", "1964", "1966"),
        ("13 May 2011  15 November 2016", "2011-05-13", "2016-11-15"),
        ("June 30 – September 17, 1984", "1984-06-30", "1984-09-17"),
        ("30 June – 17 September 1984", "1984-06-30", "1984-09-17"),
        ("5–9 March 2018", "2018-03-05", "2018-03-09"),
        ("December 21 – January 5, 1968", "1967-12-21", "1968-01-05"),
        ("March 17 1969 – June 3 1974", "1969-03-17", "1974-06-03"),
        ("1964–1966", "1964", "1966"),
        ("1964-1966", "1964", "1966"),
        ("1964–66", "1964", "1966"),
        ("1999–01", "1999", "2001"),
        ("2 April 1930 – 12 September 1974", "1930-04-02", "1974-09-12"),
        ("In office 14 May 2017 – 9 March 2018", "2017-05-14", "2018-03-09"),
        ("In office | 25 May 1963 - 17 July 1964 | ||||", "1963-05-25", "1964-07-17"),
        ("In office April 20 – July 5, 1968 | ||||", "1968-04-20", "1968-07-05"),
        ("2005-05-05 – 2010-06-01", "2005-05-05", "2010-06-01"),
        ("2005-05-05/2010-06-01", "2005-05-05", "2010-06-01"),
        ("1974 – 28 March 2013", "1974", "2013-03-28"),
        ("June 1999  6 April 2009", "1999-06", "2009-04-06"),
        ("7 April 193929 November 1944", "1939-04-07", "1944-11-29"),
        ("May–Jun 2007", "2007-05", "2007-06"),
        ("from 1990 to 1995", "1990", "1995"),
        (
            "24 November [O.S. 13 November] 1729 – 18 May [O.S. 6 May] 1800",
            "1729-11-24",
            "1800-05-18",
        ),
    ],
)
def test_closed_ranges(text: str, start: str, end: str) -> None:
    result = parse_range(text)
    assert _span(text) == (start, end, False)
    assert result.text == text


def test_bc_applies_to_both_ends() -> None:
    result = parse_range("c. 324 – c. 297 BC")
    assert result.start is not None and result.end is not None
    assert (result.start.iso, result.end.iso) == ("-0323", "-0296")
    assert result.start.circa and result.end.circa
    result = parse_range("c.268 – c.232 BCE[3]")
    assert result.start is not None and result.end is not None
    assert (result.start.iso, result.end.iso) == ("-0267", "-0231")
    assert result.start.circa and result.end.circa


def test_range_old_style_keeps_julian() -> None:
    result = parse_range("24 November [O.S. 13 November] 1729 – 18 May [O.S. 6 May] 1800")
    assert result.start is not None and result.end is not None
    assert (result.start.julian_iso, result.end.julian_iso) == ("1729-11-13", "1800-05-06")


@pytest.mark.parametrize(
    "text, start",
    [
        ("Assumed office 5 May 2005", "2005-05-05"),
        ("Assumed office\n5 May 2005", "2005-05-05"),
        ("Assumed office 13 May 2011 | |", "2011-05-13"),
        ("5 May 2005 – present", "2005-05-05"),
        ("5 May 2005 – Incumbent", "2005-05-05"),
        ("since 2010", "2010"),
    ],
)
def test_open_ended(text: str, start: str) -> None:
    assert _span(text) == (start, None, True)


def test_incumbent_alone() -> None:
    assert _span("Incumbent") == (None, None, True)


def test_single_date_is_not_open() -> None:
    assert _span("5 May 2005") == ("2005-05-05", None, False)


@pytest.mark.parametrize("text", ["", "garbage", "in office", "| | |", "–", "- - -"])
def test_unreadable_range_is_empty(text: str) -> None:
    result = parse_range(text)
    assert (result.start, result.end) == (None, None)
    assert result.text == text


# ---------------------------------------------------------------------------
# split_event


@pytest.mark.parametrize(
    "text, iso, place",
    [
        ("(1970-11-19) 19 November 1970\nCuenca, Ecuador", "1970-11-19", "Cuenca, Ecuador"),
        ("Cuenca, Ecuador | 19 November 1970", "1970-11-19", "Cuenca, Ecuador"),
        ("19 November 1970 Cuenca, Ecuador", "1970-11-19", "Cuenca, Ecuador"),
        (
            "27 August 1975(1975-08-27) (aged 83) National Palace, Addis Ababa, Ethiopia",
            "1975-08-27",
            "National Palace, Addis Ababa, Ethiopia",
        ),
        (
            "Tafari Makonnen (1892-07-23 ) 23 July 1892 Ejersa Goro, Harar, Ethiopian Empire",
            "1892-07-23",
            "Ejersa Goro, Harar, Ethiopian Empire",
        ),
        (
            "Died 15 January 1998 (aged 99) Ahmedabad, Gujarat, India",
            "1998-01-15",
            "Ahmedabad, Gujarat, India",
        ),
        ("8 December 1978 West Jerusalem | (aged 80)", "1978-12-08", "West Jerusalem"),
        (
            "14 May 1643 41) Saint-Germain-en-Laye, France | (aged",
            "1643-05-14",
            "Saint-Germain-en-Laye, France",
        ),
        ("c. 304 BCE Pataliputra", "-0303", "Pataliputra"),
        ("(1848-04-29)29 April 1848[1][2]", "1848-04-29", None),
        ("322 BC (aged 62)Euboea, Greece", "-0321", "Euboea, Greece"),
        (
            "(1905-08-29)29 August 1905[1]\nAllahabad, British India\n(present-day Prayagraj, India)",
            "1905-08-29",
            "Allahabad, British India (present-day Prayagraj, India)",
        ),
    ],
)
def test_split_event(text: str, iso: str, place: str | None) -> None:
    event = split_event(text)
    assert event.date is not None
    assert event.date.iso == iso
    assert event.place == place
    assert event.text == text


def test_split_event_ages_and_circa() -> None:
    event = split_event("27 August 1975(1975-08-27) (aged 83) National Palace, Addis Ababa")
    assert event.date is not None and event.date.age == 83
    event = split_event("14 May 1643 41) Saint-Germain-en-Laye, France | (aged")
    assert event.date is not None and event.date.age == 41
    event = split_event("c. 304 BCE Pataliputra")
    assert event.date is not None and event.date.circa


def test_split_event_place_only() -> None:
    event = split_event("Sialkot, Punjab Province, British India")
    assert event.date is None
    assert event.place == "Sialkot, Punjab Province, British India"


def test_name_before_date_is_not_a_place() -> None:
    # No place follows, and the leading line is a name, not a table cell.
    event = split_event("Herbert Eser Gray\n(1931-05-25)May 25, 1931")
    assert event.date is not None and event.date.iso == "1931-05-25"
    assert event.place is None


def test_truncated_prose_copy_is_not_a_place() -> None:
    # Real row whose rendered date lost its year: "(1920-04-05)5 April".
    event = split_event("Barend Willem Biesheuvel\n(1920-04-05)5 April")
    assert event.date is not None and event.date.iso == "1920-04-05"
    assert event.place is None


def test_event_date_text_is_the_date_part() -> None:
    event = split_event("c. 304 BCE Pataliputra")
    assert event.date is not None and event.date.text == "c. 304 BCE"
    event = split_event("(1848-04-29)29 April 1848[1][2]")
    assert event.date is not None and event.date.text == "(1848-04-29)29 April 1848"


@pytest.mark.parametrize("text", ["", "   ", "| | |", "(aged 80)"])
def test_split_event_empty(text: str) -> None:
    event = split_event(text)
    assert event.date is None and event.place is None


_ROW_LABELS = ("Born", "Died", "Political party", "Alma mater", "Burial", "Spouse")


def _infobox_value(path: Path, label: str) -> str:
    """A Born/Died row's value as a reader would hand it over.

    The value continues on the next line unless that line starts another row.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith(label + " ") or line == label + " |":
            value = line[len(label):]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not following.startswith(_ROW_LABELS):
                value += "\n" + following
            return value
    raise AssertionError(f"{label} not in {path.name}")


@pytest.mark.parametrize(
    "fixture, label, iso, place, age",
    [
        ("golda_meir__askwikinow.txt", "Born", "1898-05-03", "Kiev, Russian Empire", None),
        ("golda_meir__askwikinow.txt", "Died", "1978-12-08", "Jerusalem, Israel", 80),
        ("haile_selassie__askwikinow.txt", "Born", "1892-07-23", "Harar, Ethiopia", None),
        (
            "haile_selassie__askwikinow.txt",
            "Died",
            "1975-08-27",
            "Jubilee Palace, Addis Ababa, Ethiopia",
            83,
        ),
        ("jose_serrano.txt", "Born", "1970-11-19", "Cuenca, Ecuador", None),
        ("louis_xiii_of_france.txt", "Born", "1601-09-27", "Château de Fontainebleau, France", None),
        ("louis_xiii_of_france.txt", "Died", "1643-05-14", "Saint-Germain-en-Laye, France", 41),
        ("kwame_nkrumah.txt", "Died", "1972-04-27", "Bucharest, Romania", 62),
        ("chandragupta_maurya.txt", "Born", "-0339", "Pataliputra (now in Bihar)", None),
        ("chandragupta_maurya.txt", "Died", "-0296", "Shravanabelagola, Karnataka", 41),
    ],
)
def test_split_event_on_real_rows(
    fixture: str, label: str, iso: str, place: str, age: int | None
) -> None:
    event = split_event(_infobox_value(FIXTURES / "text" / fixture, label))
    assert event.date is not None
    assert (event.date.iso, event.place, event.date.age) == (iso, place, age)


# ---------------------------------------------------------------------------
# never raise


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    date = parse_date(text)
    assert date is None or isinstance(date, Date)
    assert isinstance(parse_range(text), DateRange)
    assert isinstance(split_event(text), Event)


_DATEISH = st.lists(
    st.sampled_from(
        ["1970", "19", "November", "May", " ", "  ", "–", "-", "c.", "BC", "AD", "(", ")", "[1]",
         "[O.S.", "]", "aged", "|", "\n", "or", "present", "0", "/", "s", "th", "century", ","]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_DATEISH)
def test_never_raises_on_date_like_text(text: str) -> None:
    date = parse_date(text)
    if date is not None:
        assert date.precision in ("day", "month", "year", "decade", "century")
        assert date.iso.lstrip("-")[:4].isdigit()
    result = parse_range(text)
    assert result.text == text
    split_event(text)


def test_space_before_comma_after_the_day() -> None:
    """Parsoid renderings of some wikis put a space before the comma: "June 3 , 1906"."""
    date = parse_date("June 3 , 1906")
    assert date is not None and (date.iso, date.precision) == ("1906-06-03", "day")


def test_translated_age_phrase() -> None:
    assert parse_age("(at 68 years old)") == 68
    event = split_event("April 12 , 1975(at 68 years old)\nParis ( France )")
    assert event.date is not None and event.date.iso == "1975-04-12" and event.date.age == 68
    assert event.place == "Paris ( France )"


def test_english_words_are_not_foreign_months() -> None:
    """'see' is a month name in some locale; in "see 2021 election" it is an English word."""
    rng = parse_range("see 2021 German federal election")
    assert rng.start is not None and (rng.start.iso, rng.start.precision) == ("2021", "year")
