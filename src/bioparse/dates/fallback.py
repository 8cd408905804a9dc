"""The last resort: ``dateparser``, for strings whose month word no language file knows.

dateparser is ~1000x slower than the patterns, so it is only consulted for
strings the patterns do not read *and* that contain a word which is a month
name in some language dateparser knows (the vocabulary comes from its own
locale data, loaded lazily).  Its results are cached.
"""

from __future__ import annotations

import calendar
import functools
import re

from .patterns import _FOREIGN_RE, _LETTERS_RE, _MAX_FALLBACK_LEN, _MONTHS, Hit

__all__ = ["clear_caches", "fallback_calls", "foreign_candidate", "foreign_hit", "foreign_month_words"]

_FALLBACK_CALLS = 0


@functools.lru_cache(maxsize=1)
def foreign_month_words() -> dict[str, tuple[str, ...]]:
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
    ["see", "set", "den", "man", "men", "mar"]
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


def foreign_candidate(text: str) -> str | None:
    """The substring worth handing to dateparser, or None (cheap pre-filter)."""
    if len(text) > 4 * _MAX_FALLBACK_LEN or not _LETTERS_RE.search(text):
        return None
    for match in _FOREIGN_RE.finditer(text):
        word = (match.group("w1") or match.group("w2") or "").lower()
        if word in _MONTHS:
            continue
        if word in foreign_month_words():
            candidate = match.group(0).strip()
            return candidate if len(candidate) <= _MAX_FALLBACK_LEN else None
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser_parse(candidate: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, period) from dateparser, guarded against invented parts."""
    global _FALLBACK_CALLS
    _FALLBACK_CALLS += 1
    try:
        words = foreign_month_words()
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




def foreign_hit(work: str) -> Hit | None:
    """Ask dateparser, only for strings that name a month in another language."""
    candidate = foreign_candidate(work)
    if candidate is None:
        return None
    result = _dateparser_parse(candidate)
    if result is None:
        return None
    year, month, day, period = result
    start = work.find(candidate)
    if period in ("day", "time"):
        return Hit(year, month, day, "day", start, start + len(candidate))
    if period == "month":
        return Hit(year, month, None, "month", start, start + len(candidate))
    return None
