"""Dates for export: day bounds as DATE day numbers, and Wikidata time values.

A record's date is ISO text of some precision (``"1834"``, ``"1809-02-12"``,
``"-0383"`` for 384 BC) in the calendar its ``calendar`` names.  For tables
it becomes the first and last day it can mean (year 1834 -> 1834-01-01 ..
1834-12-31), as days since 1970-01-01 on the proleptic Gregorian calendar
(Arrow's and Parquet's ``DATE``): a Julian-calendar date is converted to the
day it was, so bounds of any two dates compare correctly.  For Wikidata it
becomes a time value in Wikidata's own conventions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_ISO = re.compile(r"^(-?)(\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$")

#: Julian Day Number of 1970-01-01 (the Arrow/Parquet DATE epoch).
_EPOCH_JDN = 2440588

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
JULIAN = "http://www.wikidata.org/entity/Q1985786"
#: Wikidata time precision per bioparse precision.
WIKIDATA_PRECISION = {"century": 7, "decade": 8, "year": 9, "month": 10, "day": 11}


@dataclass(frozen=True)
class Parts:
    """An ISO date split: astronomical year, month and day (None below their precision)."""

    year: int
    month: int | None
    day: int | None


def split_iso(iso: str) -> Parts | None:
    """``"-0383"`` -> Parts(-383, None, None); None for text that is not such ISO."""
    m = _ISO.match(iso.strip()) if isinstance(iso, str) else None
    if not m:
        return None
    year = int(m.group(2)) * (-1 if m.group(1) else 1)
    month = int(m.group(3)) if m.group(3) else None
    day = int(m.group(4)) if m.group(4) else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return Parts(year, month, day)


def _jdn(year: int, month: int, day: int, julian: bool) -> int:
    """Julian Day Number of a date in the Gregorian or Julian calendar (astronomical years)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    days = day + (153 * m + 2) // 5 + 365 * y + y // 4
    if julian:
        return days - 32083
    return days - y // 100 + y // 400 - 32045


def _month_length(year: int, month: int, julian: bool) -> int:
    nxt = _jdn(year + (month == 12), month % 12 + 1, 1, julian)
    return nxt - _jdn(year, month, 1, julian)


def epoch_day(year: int, month: int, day: int, julian: bool = False) -> int:
    """Days since 1970-01-01 (proleptic Gregorian) of a date in the given calendar."""
    return _jdn(year, month, day, julian) - _EPOCH_JDN


def bounds(date: dict[str, Any] | None) -> tuple[int | None, int | None]:
    """First and last day (epoch days) ``date`` can mean, from its ISO text and precision.

    A decade "1830s" spans 1830..1839; "340s BC" (ISO ``-0339``) spans 349..340 BC;
    a century starts at its ISO year ("19th century" = 1801) and spans 100 years.
    """
    if not date:
        return None, None
    parts = split_iso(date.get("iso") or "")
    if parts is None:
        return None, None
    julian = date.get("calendar") == "julian"
    precision = date.get("precision")
    y = parts.year
    if precision == "day" and parts.month and parts.day:
        day = min(parts.day, _month_length(y, parts.month, julian))
        first = epoch_day(y, parts.month, day, julian)
        return first, first
    if precision in ("day", "month") and parts.month:
        first = epoch_day(y, parts.month, 1, julian)
        return first, first + _month_length(y, parts.month, julian) - 1
    first_year, last_year = y, y
    if precision == "decade":
        first_year, last_year = (y - 9, y) if y <= 0 else (y, y + 9)
    elif precision == "century":
        first_year, last_year = y, y + 99
    return epoch_day(first_year, 1, 1, julian), epoch_day(last_year, 12, 31, julian)


def wikidata_time(date: dict[str, Any]) -> dict[str, Any] | None:
    """A Wikibase time value for ``date``, or None when its ISO text cannot be read.

    Wikidata numbers years BCE without a year zero (1 BC = ``-0001``), unlike
    ISO's astronomical years (1 BC = ``0000``); month and day below the
    precision are ``00``; the calendar model follows ``calendar``.
    """
    parts = split_iso(date.get("iso") or "")
    precision = WIKIDATA_PRECISION.get(date.get("precision") or "")
    if parts is None or precision is None:
        return None
    year = parts.year if parts.year > 0 else parts.year - 1
    month = parts.month if precision >= 10 and parts.month else 0
    day = parts.day if precision >= 11 and parts.day else 0
    if precision >= 10 and not month or precision >= 11 and not day:
        return None
    sign = "-" if year < 0 else "+"
    return {
        "time": f"{sign}{abs(year):04d}-{month:02d}-{day:02d}T00:00:00Z",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": precision,
        "calendarmodel": JULIAN if date.get("calendar") == "julian" else GREGORIAN,
    }
