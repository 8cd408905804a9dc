"""One date from a string: :func:`parse_date`.

The plain shapes that make up most infobox values ("1970", "19 November
1970", "November 19, 1970", "1970-11-19") take a fast path of one regex;
everything else is prepared (:mod:`.prepare`), searched by the patterns
(:mod:`.hits`) and, for month words no language file knows, dateparser
(:mod:`.fallback`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..model import Date
from .calendar import apply_old_style, has_calendar_rule, with_calendar
from .context import language_of
from .fallback import foreign_hit
from .hits import find, iso_hit, iso_of
from .iso import days_in_month
from .patterns import _MAX_INPUT, _MONTHS, Hit, blank
from .prepare import Prepared, prepare

__all__ = ["locate", "parse_date"]


def locate(prepared: Prepared, dmy_hint: bool | None) -> tuple[Date | None, Hit | None]:
    """The Date and the span it came from (the ISO form wins over the prose one)."""
    work = prepared.text
    iso = iso_hit(work)
    prose = find(blank(work, iso.start, iso.end) if iso else work, dmy_hint=dmy_hint)
    if iso is None and (prose is None or prose.precision not in ("day", "month")):
        # "19 listopada 1970": the English patterns only saw the year.
        foreign = foreign_hit(work)
        if foreign is not None:
            prose = foreign
    hit = iso or prose
    span = prose or iso
    if hit is None or span is None:
        return None, None
    if iso and prose and prose.precision == "day" and (prose.year, prose.month, prose.day) != (
        iso.year,
        iso.month,
        iso.day,
    ):
        # "(1892-07-23) 23 July 1892" normally agree; if not, trust ISO and say so.
        prepared.uncertain = True
    date = Date(
        iso=iso_of(hit),
        precision=hit.precision,
        circa=prepared.circa,
        text="",
        age=prepared.age,
        uncertain=prepared.uncertain,
    )
    if prepared.old_style is not None:
        date = apply_old_style(date, hit, prepared)
    return date, span


_FAST_RE = re.compile(
    r"(?P<y1>\d{3,4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<dd>\d{1,2}) (?P<dm>[A-Za-z]{3,9}) (?P<dy>\d{4})"
    r"|(?P<mm>[A-Za-z]{3,9}) (?P<md>\d{1,2}), (?P<my>\d{4})"
    r"|(?P<om>[A-Za-z]{3,9}) (?P<oy>\d{4})"
)


def _fast(text: str) -> Date | None:
    """The plain shapes that make up most infobox values, without the full pipeline."""
    match = _FAST_RE.fullmatch(text)
    if match is None:
        return None
    group = match.group
    shape = match.lastgroup or ""  # the year group, last in each alternative, names the shape matched
    # every year here is 0 to 9999: its ISO text is plain zero-padding (normalize_iso's)
    if shape == "y1":
        year = int(group("y1"))
        return Date(iso=f"{year:04d}", precision="year", text=text) if year else None
    if shape == "id":
        year, month, day = int(group("iy")), int(group("im")), int(group("id"))
    else:
        month_or_none = _MONTHS.get(group(_MONTH_GROUP[shape]).lower())
        if month_or_none is None:
            return None
        month = month_or_none
        year = int(group(shape))
        if shape == "oy":
            return Date(iso=f"{year:04d}-{month:02d}", precision="month", text=text)
        day = int(group(_DAY_GROUP[shape]))
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        return None
    return Date(iso=f"{year:04d}-{month:02d}-{day:02d}", precision="day", text=text)


#: The month and day group of each shape, by its year group.
_MONTH_GROUP = {"dy": "dm", "my": "mm", "oy": "om"}
_DAY_GROUP = {"dy": "dd", "my": "md"}


def parse_date(text: object, *, dmy_hint: bool | None = None, lang: str | None = None) -> Date | None:
    """One date from rendered text in any language, or None when there is none.

    ``dmy_hint`` settles all-numeric ``03/04/1970``: True reads day first, False
    month first, None uses the separator (``/`` month first, others day first).
    ``lang`` is the wiki's language code when known (default: the one set by
    :func:`.context.wiki_language`): it sets the calendar a date is said to be
    in (see :mod:`.calendar`) and makes that language's month words win over
    another language's reading of the same word.

    The same string recurs all over a page (a reference list repeats its
    access dates), so results are cached; each call gets its own copy because
    :class:`~bioparse.model.Date` is mutable.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    date = _parse_cached(text, dmy_hint, language_of(lang))
    if date is None:
        return None
    fresh = object.__new__(Date)
    fresh.__dict__.update(date.__dict__)
    return fresh


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str, dmy_hint: bool | None, lang: str | None) -> Date | None:
    """:func:`parse_date` once ``lang`` is resolved; never hand out the cached object itself."""
    stripped = text.strip()
    if len(stripped) <= 20:
        quick = _fast(stripped)
        if quick is not None:
            if (lang is None or not has_calendar_rule(lang)) and "1582" < quick.iso[:4]:
                return quick  # Gregorian: after the reform, no wiki rule asked for
            return with_calendar(quick, None, lang)
    try:
        prepared = prepare(text[:_MAX_INPUT], lang)
        date, _ = locate(prepared, dmy_hint)
    except (ValueError, OverflowError, RecursionError):
        return None
    if date is None:
        return None
    return with_calendar(replace(date, text=stripped), prepared, lang)


def clear_cache() -> None:
    """Forget cached results (benchmarks time a cold start)."""
    _parse_cached.cache_clear()
