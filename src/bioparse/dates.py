"""Date normalization: messy rendered date text into :class:`~bioparse.model.Date`.

Readers hand over dates exactly as the page shows them ("(1970-11-19) 19
November 1970 (age 54)[1]", "c. 324 – c. 297 BC", "Assumed office 5 May 2005").
This module is the one place that turns such text into typed values.

Design:

* The common English and numeric forms are matched by compiled regular
  expressions (microseconds per call).  ``dateparser`` is ~1000x slower, so it
  is only consulted for strings the patterns do not recognise *and* that
  contain a word which is a month name in some language (the vocabulary comes
  from dateparser's own locale data, loaded lazily).  Its results are cached.
* Every pattern uses bounded repetitions and no nested quantifiers, so a 10 MB
  line of digits, dashes or spaces is scanned in linear time.
* Years use astronomical numbering as ISO 8601 / EDTF do: 1 BC is ``0000``,
  100 BC is ``-0099``; years are always zero-padded to four digits.
* ``iso`` is truncated to the precision: ``1970-11-19`` (day), ``1970-11``
  (month), ``1970`` (year and decade, e.g. "1970s"), and for a century the
  first year of that century ("19th century" -> ``1801``, "5th century BC" ->
  500 BC = ``-0499``).
* Old Style double dates ("4 January 1643 [O.S. 25 December 1642]") give the
  New Style date in ``iso`` and the Julian one in ``julian_iso``.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace

from .model import Date, DateRange, Event, Precision

__all__ = [
    "parse_date",
    "parse_range",
    "split_event",
    "parse_age",
    "normalize_iso",
    "fallback_calls",
    "clear_caches",
]

# ---------------------------------------------------------------------------
# Vocabulary

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9

# Longest first so "June" is not read as "Jun" + "e".
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON = rf"(?:{_MONTH_ALT})(?![a-z])\.?"

# Era markers are case-sensitive: "AD"/"BC" in capitals (or with dots).
_BC = r"(?:B\.?\s?C\.?(?:\s?E\.?)?|BCE)(?![A-Za-z])"
_AD_AFTER = r"(?:A\.?\s?D\.?|C\.?\s?E\.?)(?![A-Za-z])"
_ERA = rf"(?:\s{{0,3}}(?P<bc>{_BC})|\s{{0,3}}(?P<ad>{_AD_AFTER}))?"
_AD_BEFORE = r"(?:(?P<adpre>A\.?\s?D\.?|C\.?E\.?)\s{1,3})?"

_ORD = r"(?:st|nd|rd|th)?"
_FLAGS = re.IGNORECASE

# A year that may be glued to the next date ("7 April 193929 November 1944").
_YEAR4_GLUED = rf"\d{{4}}(?=\d{{1,2}}\s{{0,2}}{_MON})"
_YEAR = rf"(?P<year>{_YEAR4_GLUED}|\d{{1,4}}(?![\d]))"

_ISO_RE = re.compile(
    r"(?<![\d-])(?P<neg>-)?(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])"
)
_ISO_MONTH_RE = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?![\d-])")
_DMY_RE = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}}){_ORD}\.?\s{{0,3}}(?:of\s{{1,3}}|-)?(?P<month>{_MON})"
    rf",?\s{{0,3}}-?{_AD_BEFORE}{_YEAR}{_ERA}",
    _FLAGS,
)
_MDY_RE = re.compile(
    rf"(?<![\w])(?P<month>{_MON})\s{{0,3}}(?P<day>\d{{1,2}}){_ORD}(?![\d:]),?\s{{0,3}}"
    rf"{_AD_BEFORE}{_YEAR}{_ERA}",
    _FLAGS,
)
_MY_RE = re.compile(
    rf"(?<![\w])(?P<month>{_MON})(?:\s?[–—-]\s?{_MON})?,?\s{{0,3}}{_AD_BEFORE}{_YEAR}{_ERA}",
    _FLAGS,
)
# Day and month without a year ("June 30", "30 June"): only used by ranges.
_DM_RE = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}}){_ORD}\.?\s{{0,3}}(?:of\s{{1,3}})?(?P<month>{_MON})(?!\s{{0,3}},?\s{{0,3}}\d)",
    _FLAGS,
)
_MD_RE = re.compile(
    rf"(?<![\w])(?P<month>{_MON})\s{{0,3}}(?P<day>\d{{1,2}}){_ORD}(?![\d:])(?!,?\s{{0,3}}\d)",
    _FLAGS,
)
_MONTH_ONLY_RE = re.compile(rf"^\s{{0,3}}(?P<month>{_MON})\s{{0,3}}$", _FLAGS)
_DAY_ONLY_RE = re.compile(r"^\s{0,3}(?P<day>\d{1,2})(?:st|nd|rd|th)?\s{0,3}$", _FLAGS)
_NUMERIC_RE = re.compile(
    r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d./-])"
)
_CJK_RE = re.compile(r"(?P<year>\d{1,4})\s?年\s?(?P<month>\d{1,2})\s?月(?:\s?(?P<day>\d{1,2})\s?日)?")
_CENTURY_RE = re.compile(
    rf"(?<![\w])(?P<num>\d{{1,2}}){_ORD}[\s-]{{1,3}}century{_ERA}",
    _FLAGS,
)
_DECADE_RE = re.compile(rf"(?<![\w.:/])(?P<year>\d{{2,3}}0)'?s(?![a-z]){_ERA}", _FLAGS)
_YEAR_RE = re.compile(
    rf"(?<![\w.:/-]){_AD_BEFORE}(?P<year>\d{{1,4}})(?![\d:]|\.\d|st|nd|rd|th){_ERA}",
    _FLAGS,
)

_CIRCA_RE = re.compile(
    r"(?<![A-Za-z])(?:[Cc]irca|[Aa]pprox(?:\.|imately)?|[Aa]bt\.?|[Aa]bout|ca\.?|c\.|c(?=\s{0,3}\d))"
    r"\s{0,3}(?=[\dA-Z])",
)
_OS_RE = re.compile(r"\[\s{0,3}(?P<style>[ON])\.?\s?S\.?\s{0,3}(?P<body>[^\[\]\n]{1,60})\]")
_FOOTNOTE_RE = re.compile(r"\[[^\[\]\n]{1,40}\]")
_AGE_RE = re.compile(
    r"\(?\s{0,3}\bage(?:d)?\s{1,3}(?:c\.\s{0,3}|about\s{1,3})?(?P<age>\d{1,3})(?![\d])"
    r"(?:[^()\n]{0,20}\))?"
    # "(at 68 years old)": frwiki's "(à 68 ans)" as translated renderings show it
    r"|\(\s{0,3}at\s{1,3}(?P<age2>\d{1,3})\s{1,3}years?\s{1,3}old\s{0,3}\)",
    _FLAGS,
)
_OR_RE = re.compile(r"\s{1,3}or\s{1,3}(?:\d{1,4}(?![\d])|(?=c\.))", _FLAGS)
_SLASH_YEAR_RE = re.compile(r"(?<=\d{4})/\d{1,4}(?![\d/])")
_SPACE_RE = re.compile(r"[\u00a0\u2002-\u200b\u202f\u205f\u3000\t]")
_LETTERS_RE = re.compile(r"[^\W\d_]{3,20}")
# Shapes that could be a foreign date: number + word + year, word + year.
_FOREIGN_RE = re.compile(
    r"(?:\d{1,2}\.?\s{0,3}(?:de\s{1,3})?(?P<w1>[^\W\d_]{3,20})\.?,?\s{0,3}(?:de\s{1,3}|del\s{1,3})?\d{3,4})"
    r"|(?:(?P<w2>[^\W\d_]{3,20})\.?\s{1,3}(?:\d{1,2}\.?,?\s{1,3})?(?:de\s{1,3})?\d{4})",
    _FLAGS,
)

_MAX_FALLBACK_LEN = 80
# Date values are short; only this many leading characters are examined, so a
# stray 10 MB string costs microseconds, not seconds (the patterns are linear
# anyway, but at ~0.3 us per character and pattern).
_MAX_INPUT = 1000
# Candidate matches examined per pattern before giving up (keeps garbage linear).
_MAX_TRIES = 50


@dataclass
class _Hit:
    """A date found in a string, before it becomes a :class:`Date`."""

    year: int | None
    month: int | None
    day: int | None
    precision: Precision
    start: int
    end: int
    bc: bool = False
    explicit_era: bool = False


# ---------------------------------------------------------------------------
# Small helpers


def normalize_iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO 8601 text for an astronomical year (``-99`` -> ``-0099``), zero-padded."""
    text = f"-{abs(year):04d}" if year < 0 else f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def parse_age(text: str) -> int | None:
    """The age printed beside a date ("(aged 61)", "(age 56)", "aged c. 71")."""
    if not text:
        return None
    match = _AGE_RE.search(text)
    return int(match.group("age") or match.group("age2")) if match else None


def _days_in_month(year: int, month: int) -> int:
    """Proleptic Gregorian month length for any astronomical year."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _blank(text: str, start: int, end: int) -> str:
    """Replace a span by spaces so later offsets still point into the input."""
    return text[:start] + " " * (end - start) + text[end:]


def _blank_all(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * (m.end() - m.start()), text)


def _month(name: str) -> int | None:
    return _MONTHS.get(name.rstrip(".").lower())


def _era(match: re.Match[str]) -> tuple[bool, bool]:
    """(is BC, era written explicitly) from a pattern's era groups."""
    groups = match.groupdict()
    bc = bool(groups.get("bc"))
    explicit = bc or bool(groups.get("ad")) or bool(groups.get("adpre"))
    return bc, explicit


def _astronomical(year: int, bc: bool) -> int:
    return 1 - year if bc else year


# ---------------------------------------------------------------------------
# Finding one date in a (pre-cleaned) string


def _hit_from(
    match: re.Match[str], precision: Precision, *, with_day: bool, with_month: bool
) -> _Hit | None:
    bc, explicit = _era(match)
    year = int(match.group("year"))
    if year == 0 and not bc:
        return None
    month = _month(match.group("month")) if with_month else None
    day = int(match.group("day")) if with_day else None
    if with_month and month is None:
        return None
    astro = _astronomical(year, bc)
    if day is not None and month is not None and not 1 <= day <= _days_in_month(astro, month):
        day, precision = None, "month"
    return _Hit(astro, month, day, precision, match.start(), match.end(), bc, explicit)


def _year_ok(match: re.Match[str], whole: str, short_years: bool = True) -> bool:
    """Bare 1-2 digit numbers are years only with an era or when they are the whole text."""
    digits = match.group("year")
    if len(digits) >= 3:
        return True
    _, explicit = _era(match)
    return explicit or (short_years and len(whole) < 16 and whole.strip(" ,;.|()") == digits)


def _find(text: str, *, dmy_hint: bool | None = None, short_years: bool = True) -> _Hit | None:
    """The best date in ``text``: the most specific pattern, first occurrence."""
    best: _Hit | None = None
    for pattern in (_DMY_RE, _MDY_RE):
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
        return _Hit(year, month, None, "month", match.start(), match.end())
    match = _CJK_RE.search(text)
    if match and 1 <= int(match.group("month")) <= 12:
        day_text = match.group("day")
        return _Hit(
            int(match.group("year")),
            int(match.group("month")),
            int(day_text) if day_text else None,
            "day" if day_text else "month",
            match.start(),
            match.end(),
        )
    for tries, match in enumerate(_MY_RE.finditer(text)):
        if len(match.group("year")) >= 3 or _era(match)[1]:
            return _hit_from(match, "month", with_day=False, with_month=True)
        if tries >= _MAX_TRIES:
            break
    match = _CENTURY_RE.search(text)
    if match and int(match.group("num")) > 0:
        bc, _ = _era(match)
        num = int(match.group("num"))
        year = 1 - num * 100 if bc else (num - 1) * 100 + 1
        return _Hit(year, None, None, "century", match.start(), match.end(), bc, bc)
    match = _DECADE_RE.search(text)
    if match:
        bc, explicit = _era(match)
        year = int(match.group("year"))
        return _Hit(_astronomical(year, bc), None, None, "decade", match.start(), match.end(), bc, explicit)
    for tries, match in enumerate(_YEAR_RE.finditer(text)):
        if tries > _MAX_TRIES:
            break
        if not _year_ok(match, text, short_years):
            continue
        year = int(match.group("year"))
        bc, explicit = _era(match)
        if year == 0:
            continue
        return _Hit(_astronomical(year, bc), None, None, "year", match.start(), match.end(), bc, explicit)
    return None


def _numeric_hit(match: re.Match[str], dmy_hint: bool | None) -> _Hit | None:
    """``19.11.1970`` / ``11/19/1970``: unambiguous when one part exceeds 12."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        day, month = b, a
    elif a <= 12 and b <= 12:
        dmy = dmy_hint if dmy_hint is not None else match.group("sep") == "."
        day, month = (a, b) if dmy else (b, a)
    else:
        return None
    if not 1 <= day <= _days_in_month(year, month) or year == 0:
        return None
    return _Hit(year, month, day, "day", match.start(), match.end())


def _iso_hit(text: str) -> _Hit | None:
    match = _ISO_RE.search(text)
    if not match:
        return None
    year, month, day = int(match.group("year")), int(match.group("month")), int(match.group("day"))
    if match.group("neg"):
        year = -year
    if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        return None
    return _Hit(year, month, day, "day", match.start(), match.end())


def _iso_of(hit: _Hit) -> str:
    assert hit.year is not None
    if hit.precision == "day":
        return normalize_iso(hit.year, hit.month, hit.day)
    if hit.precision == "month":
        return normalize_iso(hit.year, hit.month)
    return normalize_iso(hit.year)


# ---------------------------------------------------------------------------
# dateparser fallback

_FALLBACK_CALLS = 0


@functools.lru_cache(maxsize=1)
def _foreign_month_words() -> dict[str, tuple[str, ...]]:
    """Month names in every language dateparser knows, each with its languages (lazy: ~80 ms once).

    The languages are handed to dateparser: without them it loads and tries
    all ~200 locales, which takes seconds on the first odd string.
    """
    import importlib
    import pkgutil

    import dateparser.data.date_translation_data as data

    words: dict[str, set[str]] = {}
    keys = [name.lower() for name in calendar.month_name[1:]]
    for module_info in pkgutil.iter_modules(data.__path__):
        module = importlib.import_module(f"{data.__name__}.{module_info.name}")
        info = getattr(module, "info", {})
        for key in keys:
            for word in info.get(key, []):
                words.setdefault(str(word).lower().rstrip("."), set()).add(module_info.name)
    return {
        word: tuple(sorted(langs))
        for word, langs in words.items()
        if len(word) >= 3 and word not in _ENGLISH_WORDS
    }


#: Foreign month names that are everyday English words: in English text they
#: are not months ("{{see|2021 election}}" is not April 2021).
_ENGLISH_WORDS = frozenset(
    "see set den man men mar".split()
)


@functools.lru_cache(maxsize=64)
def _date_data_parser(languages: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """One shared parser per language set: building it costs more than a parse."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages) or None,
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "RETURN_TIME_AS_PERIOD": False,
        }
    )


def _foreign_candidate(text: str) -> str | None:
    """The substring worth handing to dateparser, or None (cheap pre-filter)."""
    if len(text) > 4 * _MAX_FALLBACK_LEN or not _LETTERS_RE.search(text):
        return None
    for match in _FOREIGN_RE.finditer(text):
        word = (match.group("w1") or match.group("w2") or "").lower()
        if word in _MONTHS:
            continue
        if word in _foreign_month_words():
            candidate = match.group(0).strip()
            return candidate if len(candidate) <= _MAX_FALLBACK_LEN else None
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser_parse(candidate: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, period) from dateparser, guarded against invented parts."""
    global _FALLBACK_CALLS
    _FALLBACK_CALLS += 1
    try:
        words = _foreign_month_words()
        found = (words.get(w.lower().rstrip(".")) for w in _LETTERS_RE.findall(candidate))
        languages = tuple(sorted({lang for langs in found if langs for lang in langs}))
        data = _date_data_parser(languages).get_date_data(candidate)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    value = data.date_obj
    if value is None:
        return None
    # dateparser fills missing parts from today; keep only what the text shows.
    if str(value.year) not in candidate:
        return None
    period = data.period or "day"
    if period == "day" and not re.search(rf"(?<!\d)0?{value.day}(?!\d)", candidate.replace(str(value.year), " ")):
        period = "month"
    return value.year, value.month, value.day, period


def fallback_calls() -> int:
    """How many strings reached dateparser since the last :func:`clear_caches`."""
    return _FALLBACK_CALLS


def clear_caches() -> None:
    """Forget cached dateparser results (benchmarks time a cold start)."""
    global _FALLBACK_CALLS
    _dateparser_parse.cache_clear()
    _FALLBACK_CALLS = 0


# ---------------------------------------------------------------------------
# parse_date


@dataclass
class _Prepared:
    """A date string with footnotes, age, circa and O.S. parts taken out.

    ``shown`` still has the circa marker; ``text`` has it blanked to spaces of
    the same length, so offsets into one are offsets into the other.
    """

    text: str
    shown: str
    circa: bool
    age: int | None
    uncertain: bool
    old_style: str | None
    style: str | None


_DIGIT_SPACE_COMMA_RE = re.compile(r"(?<=\d) {1,5},")


def _prepare(text: str) -> _Prepared:
    work = _SPACE_RE.sub(" ", text)
    work = _DIGIT_SPACE_COMMA_RE.sub(",", work)  # "June 3 , 1906" (Parsoid/translated pages)
    style = body = None
    match = _OS_RE.search(work)
    if match:
        style, body = match.group("style").upper(), match.group("body")
        work = work[: match.start()] + " " + work[match.end():]
    work = _FOOTNOTE_RE.sub("", work)
    age = None
    match = _AGE_RE.search(work)
    if match:
        age = int(match.group("age") or match.group("age2"))
        work = _AGE_RE.sub(" ", work)
    work = work.replace("{{circa}}", "c.")
    uncertain = False
    if _OR_RE.search(work):
        uncertain = True
        work = _OR_RE.sub(" ", work)
    if _SLASH_YEAR_RE.search(work):
        uncertain = True
        work = _SLASH_YEAR_RE.sub("", work)
    shown = work
    circa = bool(_CIRCA_RE.search(work))
    if circa:
        work = _blank_all(_CIRCA_RE, work)
    return _Prepared(work, shown, circa, age, uncertain, body, style)


def _locate(prepared: _Prepared, dmy_hint: bool | None) -> tuple[Date | None, _Hit | None]:
    """The Date and the span it came from (the ISO form wins over the prose one)."""
    work = prepared.text
    iso = _iso_hit(work)
    prose = _find(_blank(work, iso.start, iso.end) if iso else work, dmy_hint=dmy_hint)
    if iso is None and (prose is None or prose.precision not in ("day", "month")):
        # "19 listopada 1970": the English patterns only saw the year.
        foreign = _foreign_hit(work)
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
        iso=_iso_of(hit),
        precision=hit.precision,
        circa=prepared.circa,
        text="",
        age=prepared.age,
        uncertain=prepared.uncertain,
    )
    if prepared.old_style is not None:
        date = _apply_old_style(date, hit, prepared)
    return date, span


def _foreign_hit(work: str) -> _Hit | None:
    """Ask dateparser, only for strings that name a month in another language."""
    candidate = _foreign_candidate(work)
    if candidate is None:
        return None
    result = _dateparser_parse(candidate)
    if result is None:
        return None
    year, month, day, period = result
    start = work.find(candidate)
    if period in ("day", "time"):
        return _Hit(year, month, day, "day", start, start + len(candidate))
    if period == "month":
        return _Hit(year, month, None, "month", start, start + len(candidate))
    return None


def _apply_old_style(date: Date, hit: _Hit, prepared: _Prepared) -> Date:
    """Combine the main date with the bracketed [O.S. ...] / [N.S. ...] one."""
    body = _blank_all(_FOOTNOTE_RE, prepared.old_style or "")
    other = _find(body) or _partial(body)
    if other is None or hit.year is None:
        return date
    if other.year is None:
        other.year = hit.year
        # "1 January [O.S. 21 December] 1730": the Julian date is a year earlier.
        if other.month and hit.month and other.month > hit.month:
            other.year = hit.year - 1 if prepared.style == "O" else hit.year + 1
        other.precision = "day" if other.day else "month"
    other_iso = _iso_of(other)
    if prepared.style == "O":
        return replace(date, calendar="gregorian", julian_iso=other_iso)
    # "[N.S. ...]": the main text is the Julian date, the bracket the Gregorian.
    return replace(date, iso=other_iso, precision=other.precision, calendar="gregorian", julian_iso=date.iso)


def _partial(text: str) -> _Hit | None:
    """Day and month (or month alone, or day alone) with no year."""
    for pattern in (_DM_RE, _MD_RE):
        match = pattern.search(text)
        if match:
            return _Hit(None, _month(match.group("month")), int(match.group("day")), "day", match.start(), match.end())
    match = _MONTH_ONLY_RE.search(text)
    if match:
        return _Hit(None, _month(match.group("month")), None, "month", match.start(), match.end())
    match = _DAY_ONLY_RE.search(text)
    if match and 1 <= int(match.group("day")) <= 31:
        return _Hit(None, None, int(match.group("day")), "day", match.start(), match.end())
    return None


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
    groups = match.groupdict()
    if groups["y1"]:
        year = int(groups["y1"])
        return Date(iso=normalize_iso(year), precision="year", text=text) if year else None
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    else:
        name = groups["dm"] or groups["mm"] or groups["om"]
        month_or_none = _MONTHS.get(name.lower())
        if month_or_none is None:
            return None
        month = month_or_none
        year = int(groups["dy"] or groups["my"] or groups["oy"])
        if groups["om"]:
            return Date(iso=normalize_iso(year, month), precision="month", text=text)
        day = int(groups["dd"] or groups["md"])
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        return None
    return Date(iso=normalize_iso(year, month, day), precision="day", text=text)


def parse_date(text: str, *, dmy_hint: bool | None = None) -> Date | None:
    """One date from rendered text, or None when there is none.

    ``dmy_hint`` settles all-numeric ``03/04/1970``: True reads day first, False
    month first, None uses the separator (``.`` day first, ``/`` month first).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    stripped = text.strip()
    if len(stripped) <= 20:
        quick = _fast(stripped)
        if quick is not None:
            return quick
    try:
        date, _ = _locate(_prepare(text[:_MAX_INPUT]), dmy_hint)
    except (ValueError, OverflowError, RecursionError):
        return None
    if date is None:
        return None
    return replace(date, text=text.strip())


# ---------------------------------------------------------------------------
# parse_range

_OPEN_RE = re.compile(
    r"(?<![A-Za-z])(?:present|incumbent|current(?:ly)?|ongoing|till\s{1,3}date|to\s{1,3}date|now)(?![A-Za-z])",
    _FLAGS,
)
_ASSUMED_RE = re.compile(r"(?<![A-Za-z])(?:assumed\s{1,3}office|since|from)(?![A-Za-z])", _FLAGS)
_LEAD_LABEL_RE = re.compile(
    r"^\s{0,5}(?:in\s{1,3}office|term(?:\s{1,3}of\s{1,3}office)?|tenure|reign|served|years(?:\s{1,3}active)?)\s{0,3}[:|]?",
    _FLAGS,
)
_SEPARATORS = (
    re.compile(r"(?<=\d)\s{0,3}/\s{0,3}(?=-?\d{4}-\d{2})"),
    re.compile(r"\s{0,3}[–—−‒―]\s{0,3}"),
    re.compile(r"\s{1,3}(?:-{1,2}|to|until|till|through|thru)\s{1,3}", _FLAGS),
    re.compile(r"(?<=\d)-(?=\d{2,4}(?![\d-]))|(?<=[A-Za-z.])-(?=\d|c\.|[A-Z])"),
    re.compile(rf"(?<=\d{{4}})(?=\d{{1,2}}\s{{0,2}}{_MON})", _FLAGS),
    re.compile(r"\s{2,}"),
)
_PIPES_RE = re.compile(r"\s{0,3}\|[\s|]{0,1000}")


def _clean_range_text(text: str) -> str:
    work = _SPACE_RE.sub(" ", text)
    work = _FOOTNOTE_RE.sub(lambda m: m.group(0) if _OS_RE.fullmatch(m.group(0)) else "", work)
    work = _PIPES_RE.sub(" ", work).replace("\n", " ")
    work = _LEAD_LABEL_RE.sub("", work)
    return work.strip(" ,;:()")


def _side(text: str) -> tuple[_Prepared, _Hit | None]:
    prepared = _prepare(text)
    iso = _iso_hit(prepared.text)
    found = iso or _find(prepared.text, short_years=False)
    return prepared, found or _partial(prepared.text.strip(" ,;.()"))


def _date_of(prepared: _Prepared, hit: _Hit, text: str) -> Date:
    date = Date(
        iso=_iso_of(hit),
        precision=hit.precision,
        circa=prepared.circa,
        text=text.strip(),
        age=prepared.age,
        uncertain=prepared.uncertain,
    )
    if prepared.old_style is not None:
        date = _apply_old_style(date, hit, prepared)
    return date


def _split_range(work: str) -> tuple[str, str] | None:
    for pattern in _SEPARATORS:
        for match in pattern.finditer(work):
            left, right = work[: match.start()], work[match.end():]
            if not left.strip() or not right.strip():
                continue
            if pattern is _SEPARATORS[-1] and not (_find(_prepare(left).text) and _find(_prepare(right).text)):
                continue
            if _ISO_RE.search(work) and pattern is _SEPARATORS[3]:
                iso = _ISO_RE.search(work)
                if iso and iso.start() <= match.start() < iso.end():
                    continue
            return left, right
    return None


def parse_range(text: str) -> DateRange:
    """A span such as a term of office; never raises, empty range when unreadable."""
    if not isinstance(text, str):
        return DateRange()
    try:
        return _parse_range(text)
    except (ValueError, OverflowError, RecursionError):
        return DateRange(text=text)


def _parse_range(text: str) -> DateRange:
    result = DateRange(text=text)
    work = _clean_range_text(text[:_MAX_INPUT])
    if not work:
        return result
    assumed = _ASSUMED_RE.search(work)
    if assumed:
        work = (work[: assumed.start()] + " " + work[assumed.end():]).strip(" ,;:")
    parts = _split_range(work)
    # "Assumed office 2005", "since 2010": open-ended unless an end follows.
    result.open_ended = assumed is not None and parts is None
    if parts is None:
        if _OPEN_RE.search(work):
            result.open_ended = True
            work = _OPEN_RE.sub(" ", work)
        date = parse_date(work)
        if date is not None:
            result.start = replace(date, text=work.strip())
        return result
    left, right = parts
    if _OPEN_RE.fullmatch(right.strip(" ,;.()")) or (_OPEN_RE.search(right) and not _find(right)):
        result.open_ended = True
        prepared, hit = _side(left)
        if hit is not None and hit.year is not None:
            result.start = _date_of(prepared, hit, left)
        return result
    lprep, lhit = _side(left)
    rprep, rhit = _side(right)
    if lhit is not None:
        rhit = _complete_end(lhit, rhit, rprep.text)
    if rhit is not None and rhit.year is not None and lhit is not None:
        lhit = _complete_start(lhit, rhit, left)
    if lhit is not None and lhit.year is not None:
        result.start = _date_of(lprep, lhit, left)
    if rhit is not None and rhit.year is not None:
        result.end = _date_of(rprep, rhit, right)
    # a side the patterns only read to the year may be a non-English day ("11 mai 2010")
    result.start = _refine(result.start, left)
    result.end = _refine(result.end, right)
    if result.start is None and result.end is None:
        date = parse_date(work)
        if date is not None:
            result.start = date
    return result


def _refine(date: Date | None, side: str) -> Date | None:
    """A more precise reading of one side of a range, when the whole side is one date."""
    if date is None or date.precision != "year" or not _foreign_candidate(side):
        return date
    better = parse_date(side)
    if better is not None and better.year == date.year and better.precision in ("day", "month"):
        return replace(better, circa=better.circa or date.circa)
    return date


def _complete_start(start: _Hit, end: _Hit, left: str) -> _Hit:
    """Borrow what the start leaves out from the end ("June 30 – September 17, 1984")."""
    assert end.year is not None
    if start.year is None:
        month = start.month if start.month is not None else end.month
        year = end.year
        if month is not None and end.month is not None and month > end.month:
            year -= 1  # "December 21 – January 5, 1968" starts the year before.
        precision: Precision = "day" if start.day is not None and month is not None else "month"
        if month is None:
            return start
        return _Hit(year, month, start.day, precision, start.start, start.end, end.bc, end.explicit_era)
    if end.bc and not start.explicit_era and start.year > 0:
        # "c. 324 – c. 297 BC": the era written once applies to both ends.
        return replace(start, year=1 - start.year, bc=True, explicit_era=True)
    return start


def _complete_end(start: _Hit, end: _Hit | None, right: str) -> _Hit | None:
    """Expand "1964–66" to 1966 and "1958–86" to 1986 (two digits after a full year)."""
    short = re.fullmatch(r"\s{0,3}(\d{2})\s{0,3}", right.strip(" ,;.()"))
    if short is None or start.year is None or start.precision != "year" or start.year < 100:
        return end
    year = start.year - start.year % 100 + int(short.group(1))
    if year < start.year:
        year += 100
    return _Hit(year, None, None, "year", short.start(1), short.end(1))


# ---------------------------------------------------------------------------
# split_event

_EVENT_LABEL_RE = re.compile(r"^\s{0,5}(?:born|died|death|birth|date\s{1,3}of\s{1,3}(?:birth|death))\s{0,3}[:|]?", _FLAGS)
# "(aged" with its number missing: the scraper moved "41)" elsewhere.
_SCRAMBLED_AGE_RE = re.compile(r"\(\s{0,3}aged?\s{0,3}(?:$|\||\n)", _FLAGS)
_STRAY_AGE_RE = re.compile(
    r"\(\s{0,3}aged?\s{0,3}(?=$|\||\n)|(?<![\w(\-–])(?P<n>\d{1,3}(?:\s{0,2}[–-]\s{0,2}\d{1,3})?)\)",
    _FLAGS,
)
_TRUNCATED_DATE_RE = re.compile(
    rf"\s{{0,3}}(?:\d{{1,2}}\s{{1,3}}{_MON}|{_MON}\s{{1,3}}\d{{1,2}}(?!\d))(?![\w])", _FLAGS
)
_ISO_PAREN_RE = re.compile(r"\(\s{0,3}-?\d{4}-\d{2}-\d{2}\s{0,3}\)")
# Trimmed from each place line; parentheses and dots are kept ("(now Ghana)", "St.").
_PLACE_TRIM = " \t\n,;:|-–—"


def _tidy_place(text: str) -> str | None:
    lines = [part.strip(_PLACE_TRIM) for part in re.split(r"[\n|]", text)]
    lines = [line for line in lines if line]
    joined = ""
    for line in lines:
        if not joined:
            joined = line
        elif line.startswith("("):
            joined += " " + line
        else:
            joined += ", " + line
    joined = re.sub(r"\s{2,}", " ", joined).strip(" ,;:|-–—")
    # Unbalanced parentheses left over from "(aged" fragments.
    if joined.count("(") != joined.count(")"):
        joined = joined.strip("() ")
    return joined or None


def split_event(text: str) -> Event:
    """Split a rendered Born/Died value into its date and place.

    The place is what follows the date; when nothing does, a table cell before
    the date ("Cuenca, Ecuador | 19 November 1970") or a comma-bearing text
    before it.  A name before the date ("Tafari Makonnen (1892-07-23) 23 July
    1892 Ejersa Goro") is not returned anywhere.
    """
    if not isinstance(text, str):
        return Event()
    try:
        return _split_event(text)
    except (ValueError, OverflowError, RecursionError):
        return Event(text=text)


def _split_event(text: str) -> Event:
    event = Event(text=text)
    work = _SPACE_RE.sub(" ", text[:_MAX_INPUT])
    label = _EVENT_LABEL_RE.match(work)
    if label:
        work = work[label.end():]
    # "14 May 1643 41) Saint-Germain-en-Laye, France | (aged": the age's pieces
    # were scattered by the scraper; put the number back with its label.
    stray_age: int | None = None
    if _SCRAMBLED_AGE_RE.search(work):
        for match in _STRAY_AGE_RE.finditer(work):
            if match.group("n"):
                stray_age = int(re.split(r"\D", match.group("n"))[0])
                break
        work = _blank_all(_STRAY_AGE_RE, work)
    prepared = _prepare(work)
    date, span = _locate(prepared, None)
    if date is None or span is None:
        event.place = _tidy_place(_blank_all(_ISO_PAREN_RE, prepared.shown))
        return event
    if date.age is None and stray_age is not None:
        date = replace(date, age=stray_age)
    cleaned = _blank_all(_ISO_PAREN_RE, prepared.text)
    start, end = span.start, span.end
    iso = _ISO_RE.search(cleaned)
    if iso and (iso.start() >= end or iso.end() <= start):
        # A bare ISO date beside the prose one belongs to the date, not the place.
        cleaned = _blank(cleaned, iso.start(), iso.end())
    tail = _TRUNCATED_DATE_RE.match(cleaned, end)
    if tail:
        # "(1920-04-05)5 April": the prose copy lost its year; it is not a place.
        end = tail.end()
    before, after = cleaned[:start], cleaned[end:]
    place = _tidy_place(after)
    if place is None:
        candidate = _tidy_place(before)
        in_cell = re.search(r"\|[\s|]{0,20}$", before) is not None
        if candidate and (in_cell or "," in before):  # "Berlino, 24 gennaio 1712"
            place = candidate
    event.place = place
    shown_start = _date_text_start(prepared.shown, start)
    if shown_start and prepared.shown[shown_start - 1] == "(" and ")" in prepared.shown[shown_start:end]:
        shown_start -= 1  # the span began inside "(1920-04-05)"
    date_text = re.sub(r"\s{2,}", " ", prepared.shown[shown_start:end]).strip(" |\n")
    event.date = replace(date, text=date_text)
    return event


def _date_text_start(shown: str, start: int) -> int:
    """Include a circa marker or ISO prefix just before the matched date."""
    head = shown[max(0, start - 24):start]
    match = re.search(r"(?:\(\s{0,3}-?\d{4}-\d{2}-\d{2}\s{0,3}\)\s{0,3}|(?:circa|ca?\.|c)\s{0,3})$", head)
    return start - len(match.group(0)) if match else start
