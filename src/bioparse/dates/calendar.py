"""Which calendar a date is written in, and the Old Style / New Style pairs.

Rules, in order (see docs/schema.md, "Date"):

1. A dual date ("4 January 1643 [O.S. 25 December 1642]", ruwiki's
   "5 (17) мая 1799") is kept as today: ``iso`` the New Style (Gregorian)
   date, ``julian_iso`` the Old Style one, ``calendar`` "gregorian".
2. A date marked "O.S." is Julian; one marked "N.S." is Gregorian.
3. When the wiki is known and its language file names the day its dates
   switch (``calendar.julian_until`` in ``dates.json``: ruwiki 1918-02-14,
   elwiki 1923-03-01 ...), dates before that day are Julian.
4. Otherwise dates before the Gregorian reform (1582-10-15) are Julian, as
   Wikipedia writes them and Wikidata records them; a year, decade or
   century is judged by the year ``iso`` holds (its first year), 1582 included.

``iso`` always stays as the source wrote it: nothing is converted.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Calendar, Date
from .hits import find, iso_of, partial
from .lexicon import lexicon
from .patterns import _FOOTNOTE_RE, _OS_RE, Hit, blank_all
from .prepare import Prepared

__all__ = ["REFORM", "apply_old_style", "calendar_of", "has_calendar_rule", "old_style_end", "with_calendar"]

#: First day of the Gregorian calendar (Inter gravissimas).
REFORM = (1582, 10, 15)


def apply_old_style(date: Date, hit: Hit, prepared: Prepared) -> Date:
    """Combine the main date with the bracketed [O.S. ...] / [N.S. ...] one."""
    body = blank_all(_FOOTNOTE_RE, prepared.old_style or "")
    other = find(body) or partial(body)
    if other is None or hit.year is None:
        return date
    if other.year is None:
        other.year = hit.year
        # "1 January [O.S. 21 December] 1730": the Julian date is a year earlier.
        if other.month and hit.month and other.month > hit.month:
            other.year = hit.year - 1 if prepared.style == "O" else hit.year + 1
        other.precision = "day" if other.day else "month"
    other_iso = iso_of(other)
    if prepared.style == "O":
        return replace(date, calendar="gregorian", julian_iso=other_iso)
    # "[N.S. ...]": the main text is the Julian date, the bracket the Gregorian.
    return replace(date, iso=other_iso, precision=other.precision, calendar="gregorian", julian_iso=date.iso)


def old_style_end(text: str, pos: int) -> int:
    """Where a bracketed Old/New Style date right after ``pos`` ends, else ``pos``.

    Date templates render the pair with the bracket after the year ("9 June
    1672 [O.S. 30 May 1672]"); a reader that cuts a date out of prose at its
    year calls this so the pair stays one date.
    """
    start = pos
    while start < len(text) and start - pos < 3 and text[start] in " \u00a0":
        start += 1
    if start < len(text) and text[start] == "[":
        match = _OS_RE.match(text, start)
        if match:
            return match.end()
    return pos



def _parts(iso: str) -> tuple[int, int, int]:
    negative = iso.startswith("-")
    pieces = (iso[1:] if negative else iso).split("-")
    year = -int(pieces[0]) if negative else int(pieces[0])
    month = int(pieces[1]) if len(pieces) > 1 else 0
    day = int(pieces[2]) if len(pieces) > 2 else 0
    return year, month, day


def _before(date: Date, switch: tuple[int, int, int]) -> bool:
    """True when ``date`` (at its precision) lies before ``switch``."""
    year, month, day = _parts(date.iso)
    if date.precision == "day":
        return (year, month, day) < switch
    if date.precision == "month":
        return (year, month) < switch[:2]
    # year, decade and century: the year ``iso`` holds (a span's first year), as Wikidata decides
    return year <= switch[0] if switch == REFORM else year < switch[0]


def calendar_of(date: Date, *, explicit: str | None = None, lang: str | None = None) -> Calendar:
    """The calendar ``date`` is written in (rules 2-4 of the module docstring)."""
    if date.julian_iso is not None:
        return "gregorian"
    if explicit == "O":
        return "julian"
    if explicit == "N":
        return "gregorian"
    switch = REFORM
    if lang:
        until = lexicon().julian_until.get(lang.split("-")[0])
        if until:
            y, m, d = (int(p) for p in until.split("-"))
            switch = (y, m, d)
    return "julian" if _before(date, switch) else "gregorian"


def has_calendar_rule(lang: str) -> bool:
    """True when the ``lang`` wiki's dates switch calendar on a day of their own (rule 3)."""
    return lang.split("-")[0] in lexicon().julian_until


def with_calendar(date: Date, prepared: Prepared | None, lang: str | None) -> Date:
    """``date`` with its calendar set by the rules above."""
    explicit = prepared.explicit_style if prepared is not None else None
    if lang is not None and not has_calendar_rule(lang):
        lang = None  # the reform date applies, as for an unknown wiki
    if explicit is None and lang is None and date.calendar == "gregorian" and "1582" < date.iso[:4]:
        return date  # the common case, decided without splitting the ISO text (years are zero-padded)
    calendar = calendar_of(date, explicit=explicit, lang=lang)
    return date if calendar == date.calendar else replace(date, calendar=calendar)
