"""A span of dates from a string: :func:`parse_range` (terms of office, reigns, lifespans).

Separators, "from"/"since" words and "present"/"incumbent" words of every
language come from ``dates.json`` (``range``, ``present``); the two sides are
read like single dates, and what one side leaves out (the year, the era) is
borrowed from the other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from .. import lang
from ..model import Date, DateRange, Precision
from .calendar import apply_old_style, with_calendar
from .context import language_of
from .fallback import foreign_candidate
from .hits import find, iso_hit, iso_of, partial
from .iso import days_in_month
from .lexicon import lexicon
from .patterns import _FLAGS, _FOOTNOTE_RE, _ISO_RE, _MAX_INPUT, _MON, _OS_RE, _SPACE_RE, Hit
from .prepare import Prepared, prepare
from .single import parse_date

__all__ = ["is_present", "parse_range"]



def _words(words: tuple[str, ...] | list[str]) -> str:
    """Alternation of phrases, longest first, spaces as 1-3 blanks."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered) or "(?!)"


@dataclass(frozen=True)
class _RangeWords:
    """The range vocabulary of every language, compiled once (see ``dates.json``: range, present)."""

    open_re: re.Pattern[str]
    assumed_re: re.Pattern[str]
    lead_from_re: re.Pattern[str]
    world_to: tuple[re.Pattern[str], ...]


@functools.lru_cache(maxsize=1)
def _range_words() -> _RangeWords:
    lex = lexicon()
    english = lang.aspect("en", "dates")
    present = list(english.get("present", [])) + list(lex.present_words)
    en_range = english.get("range", {})
    since = list(en_range.get("since", [])) + list(en_range.get("from", []))
    # English "from"/"since" may stand anywhere ("Assumed office from 2005"); other
    # languages' from-words (often also joiners, like "de") only at the start.
    world_from = [w for w in set(lex.from_words) | set(lex.since_words) if w not in since]
    en_to = set(en_range.get("to", []))
    to_words = [w for w in lex.to_words if w not in en_to]
    return _RangeWords(
        open_re=re.compile(rf"(?<![^\W\d_])(?:{_words(present)})(?![^\W\d_])", _FLAGS),
        assumed_re=re.compile(rf"(?<![^\W\d_])(?:assumed\s{{1,3}}office|{_words(since)})(?![^\W\d_])", _FLAGS),
        lead_from_re=re.compile(rf"^\s{{0,3}}(?:{_words(world_from)})(?:\s{{1,3}}|(?<=')|(?=\d))", _FLAGS),
        world_to=(
            re.compile(rf"\s{{1,3}}(?:{_words(to_words)})\s{{1,3}}", _FLAGS),
            re.compile(rf"\s{{0,3}}(?:{_words(lex.bare_to_words)})\s{{0,3}}"),
        ),
    )


_LEAD_LABEL_RE = re.compile(
    r"^\s{0,5}(?:in\s{1,3}office|term(?:\s{1,3}of\s{1,3}office)?|tenure|reign|served|years(?:\s{1,3}active)?)\s{0,3}[:|]?",
    _FLAGS,
)
_SEPARATORS = (
    re.compile(r"(?<=\d)\s{0,3}/\s{0,3}(?=-?\d{4}-\d{2})"),
    re.compile(r"\s{0,3}[–—−‒―]\s{0,3}"),
    re.compile(r"\s{1,3}(?:-{1,2}|to|until|till|through|thru)\s{1,3}", _FLAGS),
    re.compile(
        r"(?<=\d)-(?=\d{2,4}(?![\d-]))|(?<=[A-Za-z.])-(?=\d|c\.|[A-Z])"
        # "1592- 1613" (a blank after the dash only); "1913-9 de dic. de 1915" (a year, then a day)
        r"|(?<=\d)-\s{1,3}(?=\d)|(?<=\d{4})-(?=\d{1,2}\s)"
    ),
    re.compile(rf"(?<=\d{{4}})(?<!\d\d{{4}})(?=\d{{1,2}}\s{{0,2}}{_MON})", _FLAGS),
    re.compile(r"\s{2,}"),
)
# A four-digit year glued to the day of the next date, the dash lost in rendering
# ("1er novembre 189522 avril 1896", "19577 نوفمبر 1987"): split only when a whole date follows.
_GLUED_YEAR_RE = re.compile(r"(?<=\d{4})(?<!\d\d{4})(?=\d{1,2}(?!\d)\S{0,3}\s{0,2}[^\W\d_])")
_PIPES_RE = re.compile(r"\s{0,3}\|[\s|]{0,1000}")


def _clean_range_text(text: str) -> str:
    work = _SPACE_RE.sub(" ", text)
    work = _FOOTNOTE_RE.sub(lambda m: m.group(0) if _OS_RE.fullmatch(m.group(0)) else "", work)
    work = _PIPES_RE.sub(" ", work).replace("\n", " ")
    work = _LEAD_LABEL_RE.sub("", work)
    return work.strip(" ,;:()")


def _side(text: str, lang: str | None) -> tuple[Prepared, Hit | None]:
    prepared = prepare(text, lang)
    iso = iso_hit(prepared.text)
    found = iso or find(prepared.text, short_years=False)
    return prepared, found or partial(prepared.text.strip(" ,;.()"))


def _date_of(prepared: Prepared, hit: Hit, text: str) -> Date:
    date = Date(
        iso=iso_of(hit),
        precision=hit.precision,
        circa=prepared.circa,
        text=text.strip(),
        age=prepared.age,
        uncertain=prepared.uncertain,
    )
    if prepared.old_style is not None:
        date = apply_old_style(date, hit, prepared)
    return date


def _split_range(work: str) -> tuple[str, str] | None:
    for pattern in (*_SEPARATORS[:-1], *_range_words().world_to, _cjk_dash(), _GLUED_YEAR_RE, _SEPARATORS[-1]):
        for match in pattern.finditer(work):
            left, right = work[: match.start()], work[match.end():]
            if not left.strip() or not right.strip():
                continue
            if pattern is _SEPARATORS[-1] and not (find(prepare(left).text) and find(prepare(right).text)):
                continue
            if (pattern is _GLUED_YEAR_RE or pattern is _SEPARATORS[4]) and not _whole_date_first(right):
                continue
            if _ISO_RE.search(work) and pattern is _SEPARATORS[3]:
                iso = _ISO_RE.search(work)
                if iso and iso.start() <= match.start() < iso.end():
                    continue
            return left, right
    return None


@functools.lru_cache(maxsize=1)
def _cjk_dash() -> re.Pattern[str]:
    """An ASCII hyphen after a CJK day, month or year mark ("1988年1月13日-2000年5月20日")."""
    marks = "".join(sorted({ch for a in lang.table("dates").values() for ch in a.get("numeric", {}).values()}))
    if not marks:
        return re.compile("(?!)")
    return re.compile(rf"(?<=[{re.escape(marks)}])\s{{0,2}}-\s{{0,2}}(?=\S)")


def _whole_date_first(text: str) -> bool:
    """True when ``text`` opens with a date to the day ("22 avril 1896 ..."), not a number."""
    hit = find(prepare(text).text)
    return hit is not None and hit.precision == "day" and hit.start <= 1


def is_present(text: object) -> bool:
    """True when ``text`` is nothing but a "present"/"incumbent" phrase of some language
    ("Incumbent", "nadal sprawuje urząd", "至今"): a successor cell saying nobody follows yet."""
    if not isinstance(text, str) or len(text) > 80:
        return False
    return _range_words().open_re.fullmatch(text.strip(" \t\n.,;:()[]")) is not None


def parse_range(text: object, *, lang: str | None = None) -> DateRange:
    """A span such as a term of office, in any language; never raises, empty range when unreadable.

    ``lang`` (the wiki's language, when known; default: :func:`.context.wiki_language`'s)
    sets the calendar of the ends and makes that language's month words win a tie.
    """
    if not isinstance(text, str):
        return DateRange()
    lang = language_of(lang)
    try:
        result = _parse_range(text, lang)
    except (ValueError, OverflowError, RecursionError):
        return DateRange(text=text)
    if result.start is not None:
        result.start = with_calendar(result.start, None, lang)
    if result.end is not None:
        result.end = with_calendar(result.end, None, lang)
    return result


def _parse_range(text: str, lang: str | None) -> DateRange:
    result = DateRange(text=text)
    work = _clean_range_text(text[:_MAX_INPUT])
    if not work:
        return result
    words = _range_words()
    assumed = words.assumed_re.search(work) or words.lead_from_re.search(work)
    if assumed:
        work = (work[: assumed.start()] + " " + work[assumed.end():]).strip(" ,;:")
    parts = _split_range(work)
    # "Assumed office 2005", "since 2010": open-ended unless an end follows.
    result.open_ended = assumed is not None and parts is None
    if parts is None:
        if words.open_re.search(work):
            result.open_ended = True
            work = words.open_re.sub(" ", work)
        date = parse_date(work, lang=lang)
        if date is not None:
            result.start = replace(date, text=work.strip())
        return result
    left, right = parts
    if words.open_re.fullmatch(right.strip(" ,;.()")) or (words.open_re.search(right) and not find(right)):
        result.open_ended = True
        prepared, hit = _side(left, lang)
        if hit is not None and hit.year is not None:
            result.start = _date_of(prepared, hit, left)
        return result
    lprep, lhit = _side(left, lang)
    rprep, rhit = _side(right, lang)
    if lhit is not None:
        rhit = _complete_end(lhit, rhit, rprep.text)
    if rhit is not None and rhit.year is not None and lhit is not None:
        lhit = _complete_start(lhit, rhit, left)
    if lhit is not None and lhit.year is not None:
        result.start = _date_of(lprep, lhit, left)
    if rhit is not None and rhit.year is not None:
        result.end = _date_of(rprep, rhit, right)
    # a side the patterns only read to the year may be a non-English day ("11 mai 2010")
    result.start = _refine(result.start, left, lang)
    result.end = _refine(result.end, right, lang)
    if result.start is None and result.end is None:
        date = parse_date(work, lang=lang)
        if date is not None:
            result.start = date
    return result


def _refine(date: Date | None, side: str, lang: str | None) -> Date | None:
    """A more precise reading of one side of a range, when the whole side is one date."""
    if date is None or date.precision != "year" or not foreign_candidate(side):
        return date
    better = parse_date(side, lang=lang)
    if better is not None and better.year == date.year and better.precision in ("day", "month"):
        return replace(better, circa=better.circa or date.circa)
    return date


def _complete_start(start: Hit, end: Hit, left: str) -> Hit:
    """Borrow what the start leaves out from the end ("June 30 – September 17, 1984")."""
    assert end.year is not None
    if start.year is None:
        month = start.month if start.month is not None else end.month
        year = end.year
        if month is not None and end.month is not None and month > end.month:
            year -= 1  # "December 21 – January 5, 1968" starts the year before.
        if month is None:
            return start
        day = start.day
        if day is not None and not 1 <= day <= days_in_month(year, month):
            day = None  # "0 Jan – 2001": no such day, the month stands
        precision: Precision = "day" if day is not None else "month"
        return Hit(year, month, day, precision, start.start, start.end, end.bc, end.explicit_era)
    if end.bc and not start.explicit_era and start.year > 0:
        # "c. 324 – c. 297 BC": the era written once applies to both ends.
        return replace(start, year=1 - start.year, bc=True, explicit_era=True)
    return start


def _complete_end(start: Hit, end: Hit | None, right: str) -> Hit | None:
    """Expand "1964–66" to 1966 and "1958–86" to 1986 (two digits after a full year)."""
    short = re.fullmatch(r"\s{0,3}(\d{2})\s{0,3}", right.strip(" ,;.()"))
    if short is None or start.year is None or start.precision != "year" or start.year < 100:
        return end
    year = start.year - start.year % 100 + int(short.group(1))
    if year < start.year:
        year += 100
    return Hit(year, None, None, "year", short.start(1), short.end(1))


