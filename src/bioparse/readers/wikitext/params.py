"""Infobox template and parameter names -> canonical row keys (see :mod:`bioparse.extract.labels`).

The names are data: every language's ``templates.json`` (``bioparse/lang/data/<code>/``)
lists its person/officeholder infobox templates and what their parameters
mean.  This module merges all languages once, at import, into the lookups the
infobox reader uses; a page is read with every language's names at once, since
wikis borrow each other's templates (zh pages use ``Infobox officeholder``).

Parameters are compared after :func:`param_key`: lower case, spaces and
hyphens as ``_``.  Office parameters may carry a slot number (``office2``,
``début fonction3``, ``должность_2``); :func:`slot_of` splits it off.
"""

from __future__ import annotations

import re
from typing import Any

from ... import lang

_NORM = re.compile(r"[\s\-]+")


def param_key(name: str) -> str:
    """Normalized parameter name: "Birth Place" -> "birth_place"."""
    return _NORM.sub("_", name.strip().lower())


def _name_key(name: str) -> str:
    """Normalized template name, as :func:`scan.normalize_name` gives it."""
    return re.sub(r"[\s_]+", " ", name).strip().lower()


def _merged_params(key: str) -> dict[str, Any]:
    """One ``templates.json`` mapping over every language, keys normalized (English first wins)."""
    return {param_key(k): v for k, v in lang.merged_map("templates", key).items()}


def _merged_infobox_names(part: str) -> tuple[str, ...]:
    out: list[str] = []
    for data in _languages_english_first():
        for name in data.get("infobox", {}).get(part, ()):
            key = _name_key(name) if part == "names" else name.lower()
            if key not in out:
                out.append(key)
    return tuple(out)


def _languages_english_first() -> list[dict[str, Any]]:
    tables = lang.table("templates")
    return [tables[code] for code in sorted(tables, key=lambda c: (c != "en", c))]


#: Parameter -> canonical person key (None: known, but not a person fact).
PERSON_PARAMS: dict[str, str | None] = _merged_params("person_params")
#: Office-slot parameter bases (a trailing number picks the slot) -> canonical key or None.
SLOT_KEYS: dict[str, str | None] = _merged_params("slot_params")
#: People served with: parameter base -> displayed role.
SERVING_WITH: dict[str, str] = {k: v for k, v in _merged_params("serving_with_params").items() if v}
#: Officeholder "blank" rows drawn among the people served with: value param -> label param
#: (``1namedata`` holds the person, ``1blankname`` the role).
BLANK_PAIRS: dict[str, str] = {param_key(k): param_key(v) for k, v in lang.merged_map("templates", "blank_pairs").items()}


def _office_params(part: str) -> tuple[str, ...]:
    out: list[str] = []
    for data in _languages_english_first():
        for name in data.get("office_params", {}).get(part, ()):
            key = param_key(name)
            if key not in out:
                out.append(key)
    return tuple(out)


#: Parameters naming an office (header rows); first present wins per slot.
HEADER_PARAMS: tuple[str, ...] = _office_params("headers")
#: Header params that make a slot an office on their own.
STRONG_HEADERS = frozenset(_office_params("strong"))
#: Slot bases that are a term or a succession (a slot with one of them is an office).
TERM_BASES = frozenset(
    base for base, key in SLOT_KEYS.items()
    if key in ("term_start", "term_end", "term", "predecessor", "successor", "ordinal")
)
#: Infobox template key -> the office it implies when a slot names none.
IMPLIED_OFFICES: dict[str, str] = {_name_key(k): v for k, v in lang.merged_map("templates", "implied_offices").items()}
#: Infoboxes whose term-like parameters are not offices (a footballer's ``inicio`` is a debut).
NO_OFFICE_INFOBOXES = frozenset(_name_key(n) for n in lang.merged("templates", "no_office_infoboxes"))

#: Templates that are a record of the person (it {{Bio}}, de {{Personendaten}}): key -> spec with
#: ``fields`` (canonical key -> parameters joined with spaces), ``infobox`` (also shown as a box)
#: and ``name_order`` ("last, first" names are turned round).
RECORD_TEMPLATES: dict[str, dict[str, Any]] = {
    _name_key(k): v for k, v in lang.merged_map("templates", "record_templates").items()
}

#: Words before an office title that make the holder acting ("Acting", "interino", "и. о.").
ACTING_PREFIXES: tuple[str, ...] = tuple(
    sorted({w.lower() for w in lang.merged("templates", "acting_prefixes")}, key=len, reverse=True)
)

_PREFIXES = _merged_infobox_names("prefixes")
_NAMES = frozenset(_merged_infobox_names("names"))
_SUFFIXES = _merged_infobox_names("suffixes")


def is_infobox_name(key: str) -> bool:
    """True for a (normalized) template name that is an infobox in some language.

    A subpage (``خانہ معلومات مصنف/عربی``, ``Polityk infobox/sandbox``) counts as its parent.
    """
    if key in _NAMES or key.startswith(_PREFIXES) or key.endswith(_SUFFIXES):
        return True
    base = key.split("/", 1)[0].rstrip()
    return base != key and (base in _NAMES or base.endswith(_SUFFIXES))


#: Parameter names are short; the length bound keeps a 100,000-digit name from backtracking.
_SLOT = re.compile(r"^(?=.{1,100}$)(.+?)_?(\d+)$")


def slot_of(name: str) -> tuple[str, int] | None:
    """(base, slot) for an office-slot parameter; unnumbered ones are slot 0."""
    key = param_key(name)
    if _is_slot_base(key):
        return key, 0
    m = _SLOT.match(key)
    if m and _is_slot_base(m.group(1)):
        return m.group(1), int(m.group(2))
    return None


def _is_slot_base(base: str) -> bool:
    return base in SLOT_KEYS or base in SERVING_WITH or base in HEADER_PARAMS
