"""Finding one date in a cleaned string: the most specific shape wins, then the first one."""

from __future__ import annotations

import re

from ..model import Precision
from .iso import astronomical, days_in_month, normalize_iso
from .lexicon import lexicon
from .patterns import (
    _CENTURY_RE,
    _DAY_ONLY_RE,
    _DECADE_RE,
    _DM_RE,
    _DMY_RE,
    _ISO_MONTH_RE,
    _ISO_RE,
    _MAX_TRIES,
    _MD_RE,
    _MDY_RE,
    _MONTH_ONLY_RE,
    _MY_RE,
    _NUM_MONTH_YEAR_RE,
    _NUMERIC_RE,
    _YDM_RE,
    _YEAR_RE,
    _YMD_RE,
    Hit,
    era_of,
    month_number,
)

__all__ = ["find", "iso_hit", "iso_of", "partial"]

def _hit_from(
    match: re.Match[str], precision: Precision, *, with_day: bool, with_month: bool
) -> Hit | None:
    bc, explicit = era_of(match)
    year = int(match.group("year"))
    if year == 0 and not bc:
        return None
    month = month_number(match.group("month")) if with_month else None
    day = int(match.group("day")) if with_day else None
    if with_month and month is None:
        return None
    astro = astronomical(year, bc)
    if day is not None and month is not None and not 1 <= day <= days_in_month(astro, month):
        day, precision = None, "month"
    return Hit(astro, month, day, precision, match.start(), match.end(), bc, explicit)


def _year_ok(match: re.Match[str], whole: str, short_years: bool = True) -> bool:
    """Bare 1-2 digit numbers are years only with an era or when they are the whole text."""
    digits = match.group("year")
    if len(digits) >= 3:
        return True
    _, explicit = era_of(match)
    return explicit or (short_years and len(whole) < 16 and whole.strip(" ,;.|()") == digits)


def find(text: str, *, dmy_hint: bool | None = None, short_years: bool = True) -> Hit | None:
    """The best date in ``text``: the most specific pattern, first occurrence."""
    best: Hit | None = None
    for pattern in (_DMY_RE, _MDY_RE, _YMD_RE, _YDM_RE):
        for tries, found in enumerate(pattern.finditer(text)):
            hit = _hit_from(found, "day", with_day=True, with_month=True)
            if hit and _year_ok(found, text):
                if best is None or hit.start < best.start:
                    best = hit
                break
            if tries >= _MAX_TRIES:
                break
    if best:
        return best
    match = _NUMERIC_RE.search(text)
    if match:
        return _numeric_hit(match, dmy_hint)
    match = _ISO_MONTH_RE.search(text)
    if match and int(match.group("year")):
        year, month = int(match.group("year")), int(match.group("month"))
        return Hit(year, month, None, "month", match.start(), match.end())
    match = _NUM_MONTH_YEAR_RE.search(text)
    if match and int(match.group("year")):
        year, month = int(match.group("year")), int(match.group("month"))
        return Hit(year, month, None, "month", match.start(), match.end())
    cjk = _cjk_hit(text)
    if cjk is not None:
        return cjk
    for tries, match in enumerate(_MY_RE.finditer(text)):
        if len(match.group("year")) >= 3 or era_of(match)[1]:
            return _hit_from(match, "month", with_day=False, with_month=True)
        if tries >= _MAX_TRIES:
            break
    match = _CENTURY_RE.search(text)
    if match and int(match.group("num")) > 0:
        bc, _ = era_of(match)
        num = int(match.group("num"))
        year = 1 - num * 100 if bc else (num - 1) * 100 + 1
        return Hit(year, None, None, "century", match.start(), match.end(), bc, bc)
    match = _DECADE_RE.search(text)
    if match:
        bc, explicit = era_of(match)
        year = int(match.group("year"))
        return Hit(astronomical(year, bc), None, None, "decade", match.start(), match.end(), bc, explicit)
    for tries, match in enumerate(_YEAR_RE.finditer(text)):
        if tries > _MAX_TRIES:
            break
        if not _year_ok(match, text, short_years):
            continue
        year = int(match.group("year"))
        bc, explicit = era_of(match)
        if year == 0:
            continue
        return Hit(astronomical(year, bc), None, None, "year", match.start(), match.end(), bc, explicit)
    return None


def _numeric_hit(match: re.Match[str], dmy_hint: bool | None) -> Hit | None:
    """Three numbers: which is the year, the month and the day.

    The year is the part of three or four digits, or else the one part above
    31, read as written (no century is guessed: "32-12-31" is AD 32, and
    "10/10/10" is not read).  A year first is followed by month and day
    ("2015/12/31"; "2015.31.12" when the middle part cannot be a month).  A
    year last leaves day and month: unambiguous when one exceeds 12,
    otherwise ``dmy_hint`` decides, or the separator ("/" month first, any
    other day first).
    """
    p1, p2, p3 = match.group("p1"), match.group("p2"), match.group("p3")
    sep = match.group("sep")
    n1, n2, n3 = int(p1), int(p2), int(p3)
    if len(p1) >= 3 or (len(p3) <= 2 and n1 > 31):
        if len(p3) >= 3:
            return None
        year, month, day = n1, n2, n3
        if month > 12 and day <= 12:
            month, day = day, month
    elif len(p3) >= 3 or n3 > 31:
        year = n3
        if n1 > 12 and n2 <= 12:
            day, month = n1, n2
        elif n2 > 12 and n1 <= 12:
            day, month = n2, n1
        elif n1 <= 12 and n2 <= 12:
            dmy = dmy_hint if dmy_hint is not None else sep.strip() != "/"
            day, month = (n1, n2) if dmy else (n2, n1)
        else:
            return None
    else:
        return None
    if min(len(p1), len(p3)) <= 2 and max(len(p1), len(p3)) <= 2 and month != day and max(month, day) <= 12:
        return None  # a two-digit year leaves no way to tell month from day ("32 2 1")
    bc, explicit = era_of(match)
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= days_in_month(astronomical(year, bc), month):
        return None
    return Hit(astronomical(year, bc), month, day, "day", match.start(), match.end(), bc, explicit)


def _cjk_hit(text: str) -> Hit | None:
    """"1959年9月15日", "公元前221年", "1990년 5월 1일": year markers of CJK scripts."""
    if text.isascii():
        return None
    for match in lexicon().cjk_re.finditer(text):
        year = int(match.group("year"))
        month_text, day_text = match.group("month"), match.group("day")
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text else None
        if month is not None and not 1 <= month <= 12:
            continue
        bc = bool(match.group("bc"))
        if year == 0:
            continue
        astro = astronomical(year, bc)
        if month is not None and day is not None and not 1 <= day <= days_in_month(astro, month):
            day = None
        precision: Precision = "day" if day is not None else "month" if month is not None else "year"
        return Hit(astro, month, day, precision, match.start(), match.end(), bc, bc or bool(match.group("ad")))
    return None


def iso_hit(text: str) -> Hit | None:
    match = _ISO_RE.search(text)
    if not match:
        return None
    year, month, day = int(match.group("year")), int(match.group("month")), int(match.group("day"))
    bc, explicit = era_of(match)
    if match.group("neg"):
        if bc:
            return None  # "-2015-12-31 BC": two signs of the era
        year = -year
    elif bc:
        if year == 0:
            return None
        year = astronomical(year, True)
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        return None
    return Hit(year, month, day, "day", match.start(), match.end(), bc, explicit)


def iso_of(hit: Hit) -> str:
    assert hit.year is not None
    if hit.precision == "day":
        return normalize_iso(hit.year, hit.month, hit.day)
    if hit.precision == "month":
        return normalize_iso(hit.year, hit.month)
    return normalize_iso(hit.year)



def partial(text: str) -> Hit | None:
    """Day and month (or month alone, or day alone) with no year."""
    for pattern in (_DM_RE, _MD_RE):
        match = pattern.search(text)
        if match:
            return Hit(None, month_number(match.group("month")), int(match.group("day")), "day", match.start(), match.end())
    match = _MONTH_ONLY_RE.search(text)
    if match:
        return Hit(None, month_number(match.group("month")), None, "month", match.start(), match.end())
    match = _DAY_ONLY_RE.search(text)
    if match and 1 <= int(match.group("day")) <= 31:
        return Hit(None, None, int(match.group("day")), "day", match.start(), match.end())
    return None


