"""Section roles: which heading is the references list, the external links, ...

The names come from every language's ``sections.json`` (see docs/languages.md),
so "Einzelnachweise", "Notes et références", "脚注" and "References" all say
``references``.  A page's own language is asked first when it is known; a page
without one (a plain-text rendering) is read with every language's names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import get_args

from .. import lang
from ..model import SectionRole

#: The roles ``sections.json`` names: "references", "external_links", "see_also", "further_reading".
ROLES: tuple[SectionRole, ...] = get_args(SectionRole)

_SPACES = re.compile(r"\s+")


def normalize_heading(title: str) -> str:
    """A heading as a lookup key: case-folded, spaces collapsed, trailing punctuation dropped.

    Punctuation is any Unicode ``P*`` character, so "Notes:", "References." and
    the full-width "参考文献：" all match their plain names.
    """
    key = _SPACES.sub(" ", title).strip().casefold()
    end = len(key)
    while end and (key[end - 1].isspace() or unicodedata.category(key[end - 1]).startswith("P")):
        end -= 1
    return key[:end]


def _build() -> tuple[dict[str, dict[str, SectionRole]], dict[str, SectionRole]]:
    """Per-language and merged name -> role lookups (English first where languages disagree)."""
    per_language: dict[str, dict[str, SectionRole]] = {}
    for code, data in lang.table("sections").items():
        names: dict[str, SectionRole] = {}
        for role in ROLES:
            for name in data.get(role, ()):
                if isinstance(name, str) and normalize_heading(name):
                    names.setdefault(normalize_heading(name), role)
        if names:
            per_language[code] = names
    merged: dict[str, SectionRole] = {}
    for code in sorted(per_language, key=lambda c: (c != "en", c)):
        for name, role in per_language[code].items():
            merged.setdefault(name, role)
    return per_language, merged


_BY_LANGUAGE, _ALL = _build()
#: Headings longer than this (with room for spaces and punctuation) name no role.
_LONGEST = 2 * max(map(len, _ALL), default=0) + 10


@functools.lru_cache(maxsize=4096)  # headings repeat from page to page ("References", "Early life")
def section_role(title: str, language: str | None = None) -> SectionRole | None:
    """The role of a heading ("references", "external_links", "see_also", "further_reading"), or None.

    ``language`` (a wiki code such as "de") decides first; every language's
    names are the fallback, since pages quote other wikis' headings and
    translated mirrors keep some in the original.
    """
    if len(title) > _LONGEST:
        return None  # a paragraph, not a heading: not worth normalizing
    key = normalize_heading(title)
    if not key:
        return None
    if language:
        role = _BY_LANGUAGE.get(language, {}).get(key)
        if role is not None:
            return role
    return _ALL.get(key)


_DBNAME = re.compile(r"^([a-z][a-z0-9_]{0,20})wiki$")


def page_language(meta: Mapping[str, str]) -> str | None:
    """The wiki language a page's metadata states (``wiki``/``project`` "dewiki", ``language`` "de-CH").

    Only codes that have language data count; anything else is None (all languages).
    """
    for key in ("wiki", "project"):
        m = _DBNAME.match((meta.get(key) or "").strip().lower())
        if m and m.group(1).replace("_", "-") in _BY_LANGUAGE:
            return m.group(1).replace("_", "-")
    code = (meta.get("language") or "").strip().lower()
    for candidate in (code, code.split("-", 1)[0]):
        if candidate in _BY_LANGUAGE:
            return candidate
    return None
