"""The compiled patterns of the English (and numeric) date shapes, and the hit they yield.

Every other language is first rewritten into these shapes by
:func:`.lexicon.localize`, so this is the only place where a date's shape is
spelled out.  Every pattern uses bounded repetitions and no nested
quantifiers, so a 10 MB line of digits, dashes or spaces is scanned in
linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lang
from ..model import Precision

# ---------------------------------------------------------------------------
# Vocabulary (English month names and eras come from lang/data/en/dates.json)

_EN = lang.aspect("en", "dates")
_MONTHS: dict[str, int] = {
    word.lower(): number for number, forms in enumerate(_EN.get("months", []), start=1) for word in forms
}

# Longest first so "June" is not read as "Jun" + "e".
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON = rf"(?:{_MONTH_ALT})(?![a-z])\.?"


def _era_alt(words: list[str]) -> str:
    """"B.C." -> ``B\\.?\\s?C\\.?``: dots and the space between letters are optional."""
    out = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s?".join(re.escape(part) for part in word.split())
        out.append(body.replace(r"\.", r"\.?"))
    return "|".join(out) or "(?!)"


# Era markers are case-sensitive: "AD"/"BC" in capitals (or with dots).
_ERAS = _EN.get("eras", {})
_BC = rf"(?:{_era_alt(_ERAS.get('bc', []))})(?![A-Za-z])"
_AD_AFTER = rf"(?:{_era_alt(_ERAS.get('ad', []))})(?![A-Za-z])"
_ERA = rf"(?:\s{{0,3}}(?P<bc>{_BC})|\s{{0,3}}(?P<ad>{_AD_AFTER}))?"
_AD_BEFORE = rf"(?:(?P<adpre>{_era_alt(_ERAS.get('ad_prefix', []))})\s{{1,3}})?"
_ORD = r"(?:st|nd|rd|th)?"
_FLAGS = re.IGNORECASE

# A year that may be glued to the next date ("7 April 193929 November 1944").
_YEAR4_GLUED = rf"\d{{4}}(?=\d{{1,2}}\s{{0,2}}{_MON})"
_YEAR = rf"(?P<year>{_YEAR4_GLUED}|\d{{1,4}}(?![\d]))"

_ISO_RE = re.compile(
    rf"(?<![\d-])(?P<neg>-)?(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?![\d]){_ERA}"
)
_ISO_MONTH_RE = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?![\d-])")
# The day may follow a lower-case letter: a place glued to the date it precedes ("Santiagu16 de
# xineru de 1911", the space lost in rendering); not a capital ("B12 May 1990" is no 12 May).
_DMY_RE = re.compile(
    rf"(?<![\d._])(?<!(?-i:[A-Z]))(?P<day>\d{{1,2}}){_ORD}\.?\s{{0,3}}(?:of\s{{1,3}}|-)?(?P<month>{_MON})"
    rf",?\s{{0,3}}-?{_AD_BEFORE}{_YEAR}{_ERA}",
    _FLAGS,
)
_MDY_RE = re.compile(
    rf"(?<![\w])(?P<month>{_MON}),?\s{{0,3}}(?P<day>\d{{1,2}}){_ORD}(?![\d:])\.?,?\s{{0,3}}"
    rf"{_AD_BEFORE}{_YEAR}{_ERA}",
    _FLAGS,
)
_MY_RE = re.compile(
    rf"(?<![\w])(?P<month>{_MON})(?:\s?[–—-]\s?{_MON})?(?:,?\s{{0,3}}|/){_AD_BEFORE}{_YEAR}{_ERA}",
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
# Three numbers: "31.12.2015", "31. 12. 2015", "12/31/2015", "31-12-2015", "2015/12/31",
# "2015 12 31", "32-12-31".  Which is the year, month and day is settled in .hits.
_NUMERIC_RE = re.compile(
    r"(?<![\d.,/:-])(?P<p1>\d{1,4})(?P<sep>\.\s|[./-]|\s)(?P<p2>\d{1,2})(?P=sep)(?P<p3>\d{1,4})"
    rf"(?![\d/:-]|\.\d|\s?(?:st|nd|rd|th|%)\b){_ERA}"
)
# Month number and year: "1/1999", "01.1999", "1 / 1999", "12-1999".
_NUM_MONTH_YEAR_RE = re.compile(
    r"(?<![\d.,/:-])(?P<month>0?[1-9]|1[0-2])\s{0,2}[./-]\s{0,2}(?P<year>\d{4})(?![\d./:-]|\s?(?:st|nd|rd|th|%)\b)"
)
# Year, month name, day ("1990 May 1", Hungarian "1990. május 1." once localized).
_YMD_RE = re.compile(
    rf"(?<![\w.])(?P<year>\d{{3,4}})\.?,?\s{{1,3}}(?P<month>{_MON}),?\s{{1,3}}(?P<day>\d{{1,2}})\.?(?![\d:])",
    _FLAGS,
)
# Year, day, month ("1883. 10. December", Latvian and Latgalian "2015. gada 28. septembrī" once
# localized): the year's ordinal dot is required, and no year may follow the month.
_YDM_RE = re.compile(
    rf"(?<![\w.])(?P<year>\d{{3,4}})\.\s{{0,3}}(?P<day>\d{{1,2}})\.?\s{{0,3}}(?P<month>{_MON})(?!,?\s{{0,3}}\d)",
    _FLAGS,
)
_CENTURY_RE = re.compile(
    rf"(?<![\w])(?P<num>\d{{1,2}}){_ORD}[\s-]{{1,3}}century{_ERA}",
    _FLAGS,
)
_DECADE_RE = re.compile(rf"(?<![\w.:/])(?P<year>\d{{2,3}}0)'?s(?![a-z]){_ERA}", _FLAGS)
_YEAR_RE = re.compile(
    # not a page number ("p. 323", "pp. 12")
    rf"(?<![\w.:/-])(?<!p\.\s)(?<!pp\.\s){_AD_BEFORE}(?P<year>\d{{1,4}})(?![\d:]|\.\d|st|nd|rd|th){_ERA}",
    _FLAGS,
)

_CIRCA_RE = re.compile(
    r"(?<![A-Za-z])(?:[Cc]irca|[Aa]pprox(?:\.|imately)?|[Aa]bt\.?|[Aa]bout|ca\.?|c\.|c(?=\s{0,3}\d))"
    r"\s{0,3}(?=[\dA-Z])",
)
_OS_RE = re.compile(r"\[\s{0,3}(?P<style>[ON])\.?\s?S\.?\s{0,3}(?P<body>[^\[\]\n]{1,60})\]")
# An Old/New Style marker with no bracketed alternative ("12 March 1700 O.S.", "(N.S.)").
_STYLE_MARK_RE = re.compile(r"[\[(]?\s{0,2}\b(?P<style>[ON])\.\s?S\.(?:\s{0,2}[\])])?")
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
class Hit:
    """A date found in a string, before it becomes a :class:`Date`."""

    year: int | None
    month: int | None
    day: int | None
    precision: Precision
    start: int
    end: int
    bc: bool = False
    explicit_era: bool = False


def blank(text: str, start: int, end: int) -> str:
    """Replace a span by spaces so later offsets still point into the input."""
    return text[:start] + " " * (end - start) + text[end:]


def blank_all(pattern: re.Pattern[str], text: str) -> str:
    """Blank every match of ``pattern`` (offsets into the text stay valid)."""
    return pattern.sub(lambda m: " " * (m.end() - m.start()), text)


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation (trailing dot allowed)."""
    return _MONTHS.get(name.rstrip(".").lower())


def era_of(match: re.Match[str]) -> tuple[bool, bool]:
    """(is BC, era written explicitly) from a pattern's era groups."""
    groups = match.groupdict()
    bc = bool(groups.get("bc"))
    explicit = bc or bool(groups.get("ad")) or bool(groups.get("adpre"))
    return bc, explicit

