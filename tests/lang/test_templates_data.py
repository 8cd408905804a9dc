"""Every language's ``templates.json`` and ``sections.json`` is well formed.

Typos in data fail here rather than silently never matching: top-level keys
are the documented ones, canonical keys belong to the vocabulary documented in
:mod:`bioparse.extract.labels`, link templates name their display arguments.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bioparse import lang
from bioparse.extract import labels

TEMPLATE_KEYS = {
    "infobox", "person_params", "slot_params", "office_params", "serving_with_params", "implied_offices",
    "no_office_infoboxes", "acting_prefixes", "link_templates", "link_template_prefixes", "succession", "record_templates",
    "blank_pairs",
}
SECTION_KEYS = {"references", "external_links", "see_also", "further_reading", "reflist_templates"}
#: The canonical keys, as documented (``key``) in the labels module's docstring.
#: Read from the source file: a compiled build's modules keep no docstring.
CANONICAL = set(re.findall(r"``([a-z_]+)``", ast.get_docstring(ast.parse(
    (Path(labels.__file__).parent / "labels.py").read_text(encoding="utf-8"))) or ""))


def test_vocabulary_is_documented() -> None:
    assert {"office", "term_start", "predecessor", "birth_date", "death_place", "name"} <= CANONICAL


@pytest.mark.parametrize("code", sorted(lang.table("templates")))
def test_templates_json(code: str) -> None:
    data = lang.aspect(code, "templates")
    assert set(data) <= TEMPLATE_KEYS, set(data) - TEMPLATE_KEYS
    assert set(data.get("infobox", {})) <= {"prefixes", "names", "suffixes"}
    for name in (n for part in data.get("infobox", {}).values() for n in part):
        assert name == name.lower() or name.startswith(" "), f"{code}: infobox name {name!r} must be lower case"
    for key in ("person_params", "slot_params"):
        for param, canonical in data.get(key, {}).items():
            assert canonical is None or canonical in CANONICAL, f"{code}: {param!r} -> {canonical!r}"
    office = data.get("office_params", {})
    assert set(office) <= {"headers", "strong"}
    assert set(office.get("strong", [])) <= set(office.get("headers", [])), f"{code}: strong headers must be headers"
    for role in data.get("serving_with_params", {}).values():
        assert isinstance(role, str) and role
    for name, spec in {**data.get("link_templates", {}), **data.get("link_template_prefixes", {})}.items():
        assert set(spec) <= {"display", "target"} and spec.get("display"), f"{code}: link template {name!r}"
    for name, spec in data.get("record_templates", {}).items():
        assert set(spec.get("fields", {})) <= CANONICAL, f"{code}: record {name!r}"


def test_at_least_the_issue_languages_have_templates() -> None:
    wanted = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "cs", "tr", "ja", "zh", "ar", "el"}
    assert wanted <= set(lang.table("templates")), wanted - set(lang.table("templates"))


@pytest.mark.parametrize("code", sorted(lang.table("sections")))
def test_sections_json(code: str) -> None:
    data = lang.aspect(code, "sections")
    assert set(data) <= SECTION_KEYS
    assert data.get("references"), f"{code}: no references section name"
    for names in data.values():
        assert all(isinstance(n, str) and n.strip() == n and n for n in names)
