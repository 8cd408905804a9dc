"""Tests for bioparse.dates: parse_range (bioparse.dates.ranges).

Expected values are written from what each string means (a reader's reading
of the date), not from the parser's output.  BC years use astronomical
numbering: 1 BC = 0000, 100 BC = -0099, 340 BC = -0339.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bioparse.dates import (
    parse_date,
    parse_range,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _iso(text: str) -> tuple[str, str] | None:
    date = parse_date(text)
    return None if date is None else (date.iso, date.precision)



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



def test_english_words_are_not_foreign_months() -> None:
    """'see' is a month name in some locale; in "see 2021 election" it is an English word."""
    rng = parse_range("see 2021 German federal election")
    assert rng.start is not None and (rng.start.iso, rng.start.precision) == ("2021", "year")


def test_a_start_day_that_its_borrowed_month_does_not_have_is_dropped() -> None:
    # found by the property tests: "0IAN-001" is day 0 of January (Romanian "ian") up to year 1;
    # day 0 does not exist, so the start keeps only its month
    span = parse_range("0IAN-001")
    assert span.start is not None and span.start.iso == "0001-01" and span.start.precision == "month"
