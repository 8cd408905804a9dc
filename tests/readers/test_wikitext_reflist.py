"""Reflist templates come from the language data (``sections.json`` ``reflist_templates``)."""

from __future__ import annotations

import pytest

from bioparse import lang
from bioparse.readers.wikitext import read_wikitext, refs
from bioparse.readers.wikitext.scan import normalize_name


def test_reflist_names_are_every_languages_data() -> None:
    names = {normalize_name(n) for n in lang.merged("sections", "reflist_templates")}
    assert refs.REFLIST == names
    assert {"reflist", "notelist", "referencias", "einzelnachweise", "références"} <= refs.REFLIST


@pytest.mark.parametrize("template", ["Reflist", "Referencias", "Einzelnachweise", "Références"])
def test_list_defined_refs_inside_any_languages_reflist(template: str) -> None:
    page = (
        "Texto.<ref name=a/>\n\n== Referencias ==\n"
        f"{{{{{template}|refs=\n<ref name=a>{{{{cite web |title=Listada |url=http://x/a}}}}</ref>\n}}}}\n"
    )
    doc = read_wikitext(page)
    # a definition in the list is not a citation: cited once, by the text
    assert [(r.number, r.name, r.cited, r.fields.get("title")) for r in doc.references] == [(1, "a", 1, "Listada")]


def test_a_ref_inside_another_template_is_a_citation() -> None:
    page = "Texto.<ref name=a/>\n\n{{Caja|refs=\n<ref name=a>Dentro</ref>\n}}\n"
    assert [(r.name, r.cited) for r in read_wikitext(page).references] == [("a", 2)]
