"""Tests for bioparse.dates.calendar: which calendar a date is written in (issue 13 §3)."""

from __future__ import annotations

import pytest

from bioparse.dates import parse_date, parse_range, split_event
from bioparse.dates.calendar import REFORM, calendar_of, old_style_end
from bioparse.model import Date


@pytest.mark.parametrize(
    "text, calendar",
    [
        ("340 BC", "julian"),
        ("1564", "julian"),
        ("4 October 1582", "julian"),     # the last Julian day
        ("15 October 1582", "gregorian"),  # the first Gregorian day
        ("September 1582", "julian"),
        ("1582", "julian"),
        ("1583", "gregorian"),
        ("16th century", "julian"),
        ("19 November 1970", "gregorian"),
        ("1970", "gregorian"),
    ],
)
def test_reform_rule(text: str, calendar: str) -> None:
    date = parse_date(text)
    assert date is not None and date.calendar == calendar


def test_iso_is_kept_as_written() -> None:
    date = parse_date("4 October 1582")
    assert date is not None and date.iso == "1582-10-04" and date.julian_iso is None


def test_old_style_dual_date_keeps_new_style_iso() -> None:
    date = parse_date("4 January 1643 [O.S. 25 December 1642]")
    assert date is not None
    assert (date.iso, date.julian_iso, date.calendar) == ("1643-01-04", "1642-12-25", "gregorian")


def test_russian_dual_date() -> None:
    """ruwiki writes the Julian day with the Gregorian one in brackets: 5 (17) мая 1799."""
    date = parse_date("5 (17) мая 1799")
    assert date is not None
    assert (date.iso, date.julian_iso, date.calendar) == ("1799-05-17", "1799-05-05", "gregorian")
    date = parse_date("21 декабря 1799 (1 января 1800)")
    assert date is not None and (date.iso, date.julian_iso) == ("1800-01-01", "1799-12-21")


@pytest.mark.parametrize("text", ["12 March 1700 O.S.", "12 March 1700 (O.S.)"])
def test_explicit_old_style_is_julian(text: str) -> None:
    date = parse_date(text)
    assert date is not None and (date.iso, date.calendar) == ("1700-03-12", "julian")


def test_explicit_new_style_is_gregorian() -> None:
    date = parse_date("12 March 1580 N.S.")
    assert date is not None and date.calendar == "gregorian"


@pytest.mark.parametrize(
    "lang, text, calendar",
    [
        ("ru", "12 января 1850", "julian"),      # ruwiki: Julian before 1918-02-14
        ("ru", "14 февраля 1918", "gregorian"),
        ("ru", "13 февраля 1918", "julian"),
        ("el", "1 января 1900", "julian"),       # Greece: 1923-03-01
        ("en", "12 January 1850", "gregorian"),
        (None, "12 January 1850", "gregorian"),
    ],
)
def test_per_wiki_rule(lang: str | None, text: str, calendar: str) -> None:
    date = parse_date(text, lang=lang)
    assert date is not None and date.calendar == calendar


def test_per_wiki_rule_reaches_ranges_and_events() -> None:
    rng = parse_range("1850 – 1860", lang="ru")
    assert rng.start is not None and rng.start.calendar == "julian"
    event = split_event("12 января 1850, Москва", lang="ru")
    assert event.date is not None and event.date.calendar == "julian"


def test_calendar_of_precisions() -> None:
    assert REFORM == (1582, 10, 15)
    assert calendar_of(Date(iso="1501", precision="century")) == "julian"
    assert calendar_of(Date(iso="1580", precision="decade")) == "julian"
    assert calendar_of(Date(iso="1590", precision="decade")) == "gregorian"
    assert calendar_of(Date(iso="-0099", precision="year")) == "julian"


@pytest.mark.parametrize(
    ("text", "pos", "end"),
    [
        ("9 June 1672 [O.S. 30 May 1672] in Moscow", 11, 30),   # the bracket after the year
        ("9 June 1672\u00a0[O.S. 30 May] – 1725", 11, 25),       # a no-break space before it
        ("1 January 1700 [N.S. 12 January 1700]", 14, 37),
        ("9 June 1672 [1] in Moscow", 11, 11),                  # a footnote is not a date
        ("9 June 1672 in Moscow [O.S. 30 May]", 11, 11),        # not right after the year
        ("9 June 1672", 11, 11),
        ("", 0, 0),
    ],
)
def test_old_style_end(text: str, pos: int, end: int) -> None:
    assert old_style_end(text, pos) == end
