"""Day bounds of dates (tables) for every precision, calendar and era."""

from __future__ import annotations

import datetime as dt

import pytest

from bioparse.export.dates import bounds, epoch_day

EPOCH = dt.date(1970, 1, 1)


def day(d: dt.date) -> int:
    return (d - EPOCH).days


@pytest.mark.parametrize(
    ("date", "lower", "upper"),
    [
        ({"iso": "1834", "precision": "year"}, dt.date(1834, 1, 1), dt.date(1834, 12, 31)),
        ({"iso": "1809-02-12", "precision": "day"}, dt.date(1809, 2, 12), dt.date(1809, 2, 12)),
        ({"iso": "1900-02", "precision": "month"}, dt.date(1900, 2, 1), dt.date(1900, 2, 28)),  # not leap
        ({"iso": "2000-02", "precision": "month"}, dt.date(2000, 2, 1), dt.date(2000, 2, 29)),
        ({"iso": "1830", "precision": "decade"}, dt.date(1830, 1, 1), dt.date(1839, 12, 31)),
        ({"iso": "1801", "precision": "century"}, dt.date(1801, 1, 1), dt.date(1900, 12, 31)),
        # Julian 1900-02: February has 29 days in the Julian calendar; 1 Feb (J) = 13 Feb (G)
        ({"iso": "1900-02", "precision": "month", "calendar": "julian"}, dt.date(1900, 2, 13), dt.date(1900, 3, 13)),
    ],
)
def test_bounds(date: dict, lower: dt.date, upper: dt.date) -> None:
    assert bounds(date) == (day(lower), day(upper))


def test_gregorian_reform() -> None:
    # Thursday 4 October 1582 (Julian) was followed by Friday 15 October 1582 (Gregorian)
    assert epoch_day(1582, 10, 4, julian=True) + 1 == day(dt.date(1582, 10, 15))


def test_bc() -> None:
    # 384 BC is astronomical -383; 340s BC (ISO -0339) are 349..340 BC = -348..-339
    lower, upper = bounds({"iso": "-0383", "precision": "year"})
    assert upper - lower == 364 and lower == epoch_day(-383, 1, 1)
    assert bounds({"iso": "-0339", "precision": "decade"}) == (epoch_day(-348, 1, 1), epoch_day(-339, 12, 31))
    assert bounds({"iso": "1 BC", "precision": "year"}) == (None, None)  # not ISO: no bounds


def test_unreadable() -> None:
    assert bounds(None) == (None, None)
    assert bounds({"iso": "1809-13", "precision": "month"}) == (None, None)
