"""Plain-text renderings: the references list under any language's heading."""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse.readers.text import read_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text_i18n"

BODY = "Ein Absatz über das Leben, lang genug, um als Fließtext zu gelten: " + "Wort " * 40


@pytest.mark.parametrize(
    "heading", ["Einzelnachweise", "Notes et références", "Referencias", "脚注", "参考文献", "References"]
)
def test_numbered_list_under_a_references_heading(heading: str) -> None:
    text = f"Titel\n\n{BODY}\n\n{heading}\n\n1. Erste Quelle, 1990.\n2. Zweite Quelle, 1991.\n"
    doc = read_text(text)
    assert [r.text for r in doc.references] == ["Erste Quelle, 1990.", "Zweite Quelle, 1991."]
    assert doc.sections[-1].title == heading


def test_an_external_links_heading_ends_the_references_list() -> None:
    text = f"Titel\n\n{BODY}\n\nEinzelnachweise\n\n1. Erste Quelle.\n\nWeblinks\n\n1. Offizielle Seite\n"
    doc = read_text(text)
    assert [r.text for r in doc.references] == ["Erste Quelle."]
    assert [s.title for s in doc.sections[-2:]] == ["Einzelnachweise", "Weblinks"]
    assert "Offizielle Seite" in doc.sections[-1].text


def test_a_body_heading_does_not_open_a_references_list() -> None:
    text = f"Titel\n\n{BODY}\n\nLeben\n\n{BODY}\n1. Kein Beleg, eine Aufzählung.\n"
    assert read_text(text).references == []


def test_portuguese_mirror_references_list() -> None:
    # pt.frwiki.wiki "Miguel Antonio Caro" (machine-translated frwiki): "Referências" then
    # "1. ^ (Es) Hallan acta de posesión del presidente Rafael Núñez ..." and
    # "2. (es) Rafael Núñez: sus últimos días ...", then "Veja também", "links externos".
    article = bioparse.parse_file(FIXTURES / "miguel_antonio_caro__pt__pt.frwiki.wiki.txt")
    assert len(article.references) == 2
    assert "Hallan acta de posesión del presidente Rafael Núñez" in article.references[0].text
    assert article.references[1].text.startswith("(es) Rafael Núñez: sus últimos días")
    roles = [(s.title, s.role) for s in article.sections if s.level]
    assert roles == [
        ("Vice-Presidente e Presidente da República", None),
        ("Referências", "references"),
        ("Veja também", "see_also"),
        ("links externos", "external_links"),
    ]


def test_romanian_mirror_references_heading_closes_the_lead() -> None:
    # ro.abcdef.wiki "Edward Babiuch": the lead paragraph, then "Referințe", then the
    # succession box ("Birouri politice", "Precedat de", "Piotr Jaroszewicz", ...).
    article = bioparse.parse_file(FIXTURES / "edward_babiuch__ro__ro.abcdef.wiki.txt")
    lead = article.sections[0]
    assert lead.level == 0 and "Precedat de" not in lead.text
    refs = article.sections[1]
    assert (refs.title, refs.role) == ("Referințe", "references")
    assert "Piotr Jaroszewicz" in refs.text
