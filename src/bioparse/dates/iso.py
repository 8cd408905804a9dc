"""Astronomical year numbers and ISO 8601 text: the arithmetic every other module shares."""

from __future__ import annotations

__all__ = ["astronomical", "days_in_month", "normalize_iso"]


def normalize_iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO 8601 text for an astronomical year (``-99`` -> ``-0099``), zero-padded."""
    text = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text




def days_in_month(year: int, month: int) -> int:
    """Proleptic Gregorian month length for any astronomical year."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31




def astronomical(year: int, bc: bool) -> int:
    """The astronomical year of a year written with an era (100 BC -> -99)."""
    return 1 - year if bc else year

