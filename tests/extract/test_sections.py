"""Section roles from the language data's ``sections.json``."""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse import lang
from bioparse.document import Document, RawSection
from bioparse.extract.references import extract_sections
from bioparse.extract.sections import ROLES, normalize_heading, page_language, section_role

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_roles_are_the_sections_json_keys() -> None:
    assert set(ROLES) == {"references", "external_links", "see_also", "further_reading"}


@pytest.mark.parametrize(
    ("heading", "normal"),
    [
        ("  Notes et   références ", "notes et références"),
        ("References:", "references"),
        ("参考文献：", "参考文献"),  # full-width colon
        ("См. также", "см. также"),  # a dot inside stays
        ("", ""),
        ("...", ""),
    ],
)
def test_normalize_heading(heading: str, normal: str) -> None:
    assert normalize_heading(heading) == normal


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Einzelnachweise", "references"),
        ("Notes et références", "references"),
        ("Referencias", "references"),
        ("脚注", "references"),
        ("参考文献", "references"),
        ("REFERENCES", "references"),
        ("Weblinks", "external_links"),
        ("Liens externes :", "external_links"),
        ("Siehe auch", "see_also"),
        ("Further reading", "further_reading"),
        ("Early life", None),
        ("Leben", None),
        ("", None),
    ],
)
def test_section_role_any_language(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


def test_every_listed_name_has_its_role() -> None:
    for code, data in lang.table("sections").items():
        for role in ROLES:
            for name in data.get(role, ()):
                assert section_role(name, code) == role, (code, name)


def test_page_language_first_then_every_language() -> None:
    assert section_role("Weblinks", "de") == "external_links"
    # a name of another language still counts (mirrors keep foreign headings)
    assert section_role("Weblinks", "fr") == "external_links"
    assert section_role("Weblinks", "xx") == "external_links"


@pytest.mark.parametrize(
    ("meta", "code"),
    [
        ({"wiki": "dewiki"}, "de"),
        ({"project": "frwiki"}, "fr"),
        ({"language": "zh-Hans"}, "zh"),
        ({"language": "ja"}, "ja"),
        ({"language": "xx"}, None),
        ({"wiki": "commonswiki"}, None),
        ({}, None),
    ],
)
def test_page_language(meta: dict[str, str], code: str | None) -> None:
    assert page_language(meta) == code


def test_extract_sections_sets_role_not_on_the_lead() -> None:
    doc = Document(
        source_format="text",
        sections=[
            RawSection(title="", level=0, text="Lead."),
            RawSection(title="Leben", level=2, text="Body."),
            RawSection(title="Einzelnachweise", level=2),
            RawSection(title="Weblinks", level=2),
        ],
        meta={"wiki": "dewiki"},
    )
    assert [s.role for s in extract_sections(doc, [])] == [None, None, "references", "external_links"]


# Real pages: headings read off the pages themselves.


def test_german_enterprise_record_roles() -> None:
    # dewiki "Albert Einstein": ... == Literatur == ... == Weblinks == ... == Einzelnachweise ==
    article = bioparse.parse_file(FIXTURES / "html_i18n" / "enterprise_dewiki_Albert_Einstein.json")
    roles = {s.title: s.role for s in article.sections}
    assert roles["Einzelnachweise"] == "references"
    assert roles["Weblinks"] == "external_links"
    assert roles["Literatur"] == "further_reading"
    assert roles["Auszeichnungen"] is None


def test_french_parsoid_roles() -> None:
    # frwiki "Gad Elmaleh": <h2>Notes et références</h2>, <h2>Voir aussi</h2>, <h3>Liens externes</h3>
    article = bioparse.parse_file(FIXTURES / "html_i18n" / "wme_parsoid_frwiki_Gad_Elmaleh.html")
    roles = {s.title: s.role for s in article.sections}
    assert roles["Notes et références"] == "references"
    assert roles["Voir aussi"] == "see_also"
    assert roles["Liens externes"] == "external_links"
    assert roles["Filmographie"] is None


def test_italian_and_chinese_roles() -> None:
    # itwiki "Mino Raiola": <h2>Note</h2> ... <h2>Bibliografia</h2>
    it = bioparse.parse_file(FIXTURES / "html_i18n" / "wme_parsoid_itwiki_Mino_Raiola.html")
    roles = {s.title: s.role for s in it.sections}
    assert roles["Note"] == "references" and roles["Bibliografia"] == "further_reading"
    # zhwiki "郝平": ==生平== ... ==参考文献==
    zh = bioparse.parse_file(FIXTURES / "wikitext_i18n" / "chinapedia__zh__Hao_Ping.wiki")
    assert [(s.title, s.role) for s in zh.sections if s.level] == [("生平", None), ("参考文献", "references")]
