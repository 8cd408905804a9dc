"""Cleaning a date string before the patterns look at it.

Footnote markers, the printed age, circa markers, "or" alternatives and the
bracketed Old/New Style date are taken out and remembered; every other
language's words are rewritten into English shapes (:func:`.lexicon.localize`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang
from .lexicon import lexicon, localize
from .patterns import (
    _AGE_RE,
    _CIRCA_RE,
    _FOOTNOTE_RE,
    _OR_RE,
    _OS_RE,
    _SLASH_YEAR_RE,
    _SPACE_RE,
    _STYLE_MARK_RE,
    blank_all,
)

__all__ = ["Prepared", "parse_age", "prepare"]


def parse_age(text: str) -> int | None:
    """The age printed beside a date ("(aged 61)", "(age 56)", "aged c. 71")."""
    if not text:
        return None
    match = _AGE_RE.search(text)
    return int(match.group("age") or match.group("age2")) if match else None


@dataclass
class Prepared:
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
    #: "O" or "N" when the text marks its own calendar ("12 March 1700 O.S.").
    explicit_style: str | None = None
    #: The text as given (spaces normalized) when :func:`.lexicon.localize` rewrote it.
    original: str | None = None


_DIGIT_SPACE_COMMA_RE = re.compile(r"(?<=\d) {1,5},")


def prepare(text: str, lang: str | None = None) -> Prepared:
    """Take footnotes, age, circa, alternatives and Old Style parts out; localize the rest
    (``lang``: the wiki's language, whose month words win a tie)."""
    work = _SPACE_RE.sub(" ", text)
    local = localize(work, lang)
    original = work if local != work else None
    work = local
    work = _DIGIT_SPACE_COMMA_RE.sub(",", work)  # "June 3 , 1906" (Parsoid/translated pages)
    style = body = None
    match = _OS_RE.search(work)
    if match:
        style, body = match.group("style").upper(), match.group("body")
        work = work[: match.start()] + " " + work[match.end():]
    work = _FOOTNOTE_RE.sub("", work)
    explicit = None
    mark = _STYLE_MARK_RE.search(work)
    if mark:
        explicit = mark.group("style").upper()
        work = work[: mark.start()] + " " + work[mark.end():]
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
        work = blank_all(_CIRCA_RE, work)
    if _may_have_circa(work):
        world = _world_circa()
        if world.search(work):
            circa = True
            work = blank_all(world, work)
    return Prepared(work, shown, circa, age, uncertain, body, style, explicit, original)


_WORD = re.compile(r"[^\W\d_]{1,20}")


@functools.lru_cache(maxsize=1)
def _circa_firsts() -> tuple[frozenset[str], tuple[str, ...]]:
    """First words of every circa phrase, and the circa words written after a number."""
    lex = lexicon()
    firsts = frozenset(m.group(0).lower() for w in lex.circa_words for m in [_WORD.search(w)] if m)
    after = tuple(w for aspect in lang.table("dates").values() for w in aspect.get("circa_after", []))
    return firsts, after


def _may_have_circa(text: str) -> bool:
    """Cheap test before the circa regex of every language runs."""
    firsts, after = _circa_firsts()
    return any(w.lower() in firsts for w in _WORD.findall(text)) or any(a in text for a in after)


@functools.lru_cache(maxsize=1)
def _world_circa() -> re.Pattern[str]:
    """Circa words of every language before a number ("vers 1500", "около 1500"), or after it ("1500年頃")."""
    lex = lexicon()
    words = sorted(set(lex.circa_words), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s{1,2}") for w in words) or "(?!)"
    before = rf"(?<![^\W\d_])(?:{alt})\s{{0,3}}(?=\d)"
    after = lex.circa_after_re.pattern if lex.circa_after_re is not None else "(?!)"
    return re.compile(rf"{before}|{after}", re.IGNORECASE)


