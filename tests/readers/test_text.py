"""Unit tests of the plain-text reader: line shapes, row assembly, page layout."""

from __future__ import annotations

import pytest

import bioparse
from bioparse.readers.text import assemble_rows, read_text, tokenize_line


@pytest.mark.parametrize(
    ("line", "kind", "label", "value"),
    [
        ("Preceded by | Gabriela Rivadeneira |", "row", "Preceded by", "Gabriela Rivadeneira"),
        ("| Preceded by | Gabriela Rivadeneira |", "row", "Preceded by", "Gabriela Rivadeneira"),
        ("Preceded byGabriela Rivadeneira", "row", "Preceded by", "Gabriela Rivadeneira"),
        ("Preceded by Piet de Jong", "row", "Preceded by", "Piet de Jong"),
        ("MonarchJuliana", "row", "Monarch", "Juliana"),
        ("In office 14 May 2017 – 9 March 2018 | |", "row", "In office", "14 May 2017 – 9 March 2018"),
        ("In office", "label", "In office", ""),
        ("Born |", "label", "Born", ""),
        ("Born(1939-03-20)March 20, 1939", "row", "Born", "(1939-03-20)March 20, 1939"),
        ("Reignc.268 – c.232 BCE[3]", "row", "Reign", "c.268 – c.232 BCE"),
        ("Predecessor:Pierre Elliott Trudeau", "row", "Predecessor", "Pierre Elliott Trudeau"),
        ("- Birth Place: Jamnagar", "row", "Birth Place", "Jamnagar"),
        ("Vice President(s)   Alejandro Serrano", "row", "Vice President(s)", "Alejandro Serrano"),
        ("President of the National Assembly", "plain", "", "President of the National Assembly"),
        ("3rd President of the National Assembly | |", "plain", "", "3rd President of the National Assembly"),
        ("---|---|", "blank", "", ""),
        ("|", "blank", "", ""),
    ],
)
def test_tokenize_line(line: str, kind: str, label: str, value: str) -> None:
    token = tokenize_line(line)
    assert (token.kind, token.label, token.value) == (kind, label, value)


def _rows(text: str) -> list[tuple[str, str | None, bool, str]]:
    rows = assemble_rows([tokenize_line(line) for line in text.split("\n")])
    return [(r.label, r.key, r.header, r.value) for r in rows]


def test_wrapped_title_before_in_office_is_one_header() -> None:
    rows = _rows("Minister of Agriculture\nand Fisheries\nIn office\n24 July 1963 – 5 April 1967")
    assert rows == [
        ("", None, True, "Minister of Agriculture and Fisheries"),
        ("In office", "term", False, "24 July 1963 – 5 April 1967"),
    ]


def test_value_lines_continue_the_previous_row() -> None:
    rows = _rows("Prime Minister\nIn office\n1 May 2000 – 2 May 2001\nDeputyRoelof Nelissen\nMolly Geertsema")
    assert rows[-1] == ("Deputy", "serving_with", False, "Roelof Nelissen\nMolly Geertsema")


def test_weak_label_before_in_office_is_a_title() -> None:
    rows = _rows("Deputy Prime Minister\nIn office\n24 July 1963 – 5 April 1967")
    assert rows[0] == ("", None, True, "Deputy Prime Minister")


def test_repeated_in_office_rows_stay_separate() -> None:
    text = "Jane Doe\nMember of the House\nIn office\n1 May 1970 – 2 May 1971\nIn office\n1 May 1960 – 2 May 1961"
    article = bioparse.parse(text, format="text")
    assert article.person is not None
    offices = article.person.offices
    assert [(o.title, o.start.iso if o.start else None) for o in offices] == [
        ("Member of the House", "1970-05-01"),
        ("Member of the House", "1960-05-01"),
    ]


def test_label_alone_takes_the_next_line_as_value() -> None:
    rows = _rows("Preceded by |\nElizabeth II as Queen of Ghana |\nSucceeded by | Joseph Arthur Ankrah |")
    assert rows[0][1:] == ("predecessor", False, "Elizabeth II as Queen of Ghana")


@pytest.mark.parametrize("text", ["", "   \n\n", "|||\n---|---", "\x00\x01", "Born", "In office\n" * 50])
def test_degenerate_inputs_give_a_document(text: str) -> None:
    doc = read_text(text)
    assert doc.source_format == "text"


def test_truncated_infobox_keeps_what_is_there() -> None:
    text = "Jane Doe\nMinister of Fish\nIn office\n1 May 2000 – 2 May 2001\nPreceded byJohn Roe\nSucceeded by"
    article = bioparse.parse(text, format="text")
    assert article.person is not None
    office = article.person.offices[0]
    assert office.title == "Minister of Fish"
    assert office.predecessor == "John Roe"
    assert office.successor is None


def test_no_infobox_reads_lead_dates() -> None:
    text = (
        "Ada Lovelace\nAugusta Ada King, Countess of Lovelace (10 December 1815 – 27 November 1852) was an "
        "English mathematician and writer, chiefly known for her work on Charles Babbage's proposed "
        "mechanical general-purpose computer, the Analytical Engine."
    )
    article = bioparse.parse(text, format="text")
    assert article.person is not None
    assert article.person.birth is not None and article.person.birth.date is not None
    assert article.person.birth.date.iso == "1815-12-10"
    assert article.person.death is not None and article.person.death.date is not None
    assert article.person.death.date.iso == "1852-11-27"
    assert article.person.offices == []


def test_heading_with_edit_marker_and_footnotes() -> None:
    prose = "He was born in a small town and studied law at the university before entering politics. " * 3
    text = f"Some Body\n{prose}[1]\nEarly life\n[edit]{prose}[2]\nReferences\n[edit]- ^ \"One\". 1 May 2001.\n- ^ a b \"Two\"."
    doc = read_text(text)
    assert [s.title for s in doc.sections] == ["", "Early life", "References"]
    assert doc.sections[1].ref_ids == ["2"] and "[2]" not in doc.sections[1].text
    assert [r.cited for r in doc.references] == [1, 2]
    assert doc.references[0].fields["date"] == "1 May 2001"
