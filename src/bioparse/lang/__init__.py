"""Language knowledge as data: one folder per language, one JSON file per aspect.

Everything that grows with the world — rendered infobox labels, template and
parameter names, month names, eras, range words, lead-sentence words, section
names, category patterns — lives in ``bioparse/lang/data/<code>/<aspect>.json``
and nowhere else.  Readers, extractors and the date normalizer ask this module;
adding a language is adding a folder (see ``docs/languages.md``), never editing
a reader.

Aspects (one file each, all optional):

``labels``     rendered infobox labels -> canonical key, section-header words
``dates``      months (every case), eras, ordinals, range words, present words
``templates``  infobox and date template names and parameters, link templates
``lead``       lead-sentence words (born, died, in), name/date shapes
``sections``   names of the references / notes / external-links sections
``biography``  births/deaths/living-people category patterns, infobox types

The loader is deliberately dumb: it reads JSON once and hands out plain dicts.
Typed views (compiled regexes, merged tables) belong to the module that uses
them, built once from :func:`table` or :func:`merged`.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["languages", "aspect", "table", "merged", "merged_map"]


@functools.lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """Codes of every language that has a data folder, sorted."""
    root = resources.files(__package__).joinpath("data")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@functools.lru_cache(maxsize=None)
def aspect(code: str, name: str) -> dict[str, Any]:
    """One language's data for one aspect (an empty dict when it has none)."""
    path = resources.files(__package__).joinpath("data").joinpath(code).joinpath(f"{name}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"language data {code}/{name}.json must hold a JSON object")
    return data


def table(name: str) -> dict[str, dict[str, Any]]:
    """Every language's data for one aspect: code -> dict (languages without it left out)."""
    out = {}
    for code in languages():
        data = aspect(code, name)
        if data:
            out[code] = data
    return out


def merged(name: str, key: str) -> list[Any]:
    """The list under ``key`` of one aspect, concatenated over every language, duplicates dropped."""
    seen: set[str] = set()
    out: list[Any] = []
    for data in table(name).values():
        for item in data.get(key, ()):
            marker = json.dumps(item, sort_keys=True, ensure_ascii=False)
            if marker not in seen:
                seen.add(marker)
                out.append(item)
    return out


def merged_map(name: str, key: str) -> dict[str, Any]:
    """The mapping under ``key`` of one aspect, merged over every language (English first wins)."""
    out: dict[str, Any] = {}
    codes = sorted(table(name), key=lambda c: (c != "en", c))
    for code in codes:
        for k, v in aspect(code, name).get(key, {}).items():
            out.setdefault(k, v)
    return out
