"""Date normalization: messy rendered date text, in any language, into :class:`~bioparse.model.Date`.

Readers hand over dates exactly as the page shows them ("(1970-11-19) 19
November 1970 (age 54)[1]", "c. 324 – c. 297 BC", "Assumed office 5 May
2005", "1er mai 1920", "20 π.Χ.", "1959年9月15日", "del 1 de enero de 1990
al 5 de marzo de 1995").  This package is the one place that turns such
text into typed values.

Modules, by job:

* :mod:`.lexicon`  every language's month names (all cases), eras, ordinal
  day forms, joiners, circa/range/present words, built once from
  ``lang/data/<code>/dates.json``; :func:`~.lexicon.localize` rewrites them
  into English shapes.
* :mod:`.patterns` the compiled English and numeric shapes.
* :mod:`.prepare`  footnotes, age, circa, alternatives, Old Style taken out.
* :mod:`.hits`     the most specific shape found in a cleaned string.
* :mod:`.single`   :func:`parse_date` (with a fast path for plain English).
* :mod:`.ranges`   :func:`parse_range`, :func:`is_present`.
* :mod:`.events`   :func:`split_event` (date and place of a Born/Died value).
* :mod:`.calendar` Julian or Gregorian, and Old Style / New Style pairs.
* :mod:`.fallback` dateparser, for month words no language file knows.
* :mod:`.iso`      astronomical years and ISO text.
* :mod:`.context`  the wiki's language for every date read on one article.

Conventions:

* Years use astronomical numbering as ISO 8601 / EDTF do: 1 BC is ``0000``,
  100 BC is ``-0099``; years are always zero-padded to four digits.
* ``iso`` is truncated to the precision: ``1970-11-19`` (day), ``1970-11``
  (month), ``1970`` (year and decade, e.g. "1970s"), and for a century the
  first year of that century ("19th century" -> ``1801``, "5th century BC" ->
  500 BC = ``-0499``).
* Two-digit years are never given a century: a bare "44" is read only when
  it is the whole text or carries an era; in an all-numeric date the year is
  the part that can only be a year (above 31) and is read as written
  ("32-12-31" is AD 32); "6 June 07" and "10/10/10" are not read.  Within a
  range a full year anchors the other end ("1964–66" ends in 1966).
* Old Style double dates ("4 January 1643 [O.S. 25 December 1642]") give the
  New Style date in ``iso`` and the Julian one in ``julian_iso``; see
  :mod:`.calendar` for the calendar of every other date.
"""

from __future__ import annotations

from .calendar import old_style_end
from .context import current_language, wiki_language
from .events import split_event
from .fallback import clear_caches as _clear_fallback
from .fallback import fallback_calls
from .iso import normalize_iso
from .prepare import parse_age
from .ranges import is_present, parse_range
from .single import clear_cache as _clear_results
from .single import parse_date


def clear_caches() -> None:
    """Forget cached results and dateparser answers (benchmarks time a cold start)."""
    _clear_fallback()
    _clear_results()


__all__ = [
    "clear_caches",
    "current_language",
    "fallback_calls",
    "is_present",
    "normalize_iso",
    "old_style_end",
    "parse_age",
    "parse_date",
    "parse_range",
    "split_event",
    "wiki_language",
]
