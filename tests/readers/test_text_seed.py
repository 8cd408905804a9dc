"""The seed article, asserted value by value (each checked by reading fixtures/text/jose_serrano.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse import Article

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "text" / "jose_serrano.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    return bioparse.parse_file(SEED)


def test_format_and_title(article: Article) -> None:
    assert article.source_format == "text"
    assert article.title == "José Serrano (Ecuadorian politician)"
    assert article.warnings == []


def test_person(article: Article) -> None:
    person = article.person
    assert person is not None
    assert person.name == "José Serrano"
    assert person.full_name == "José Serrano Salgado"
    assert person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "1970-11-19"
    assert person.birth.date.precision == "day"
    assert person.birth.place == "Cuenca, Ecuador"
    assert person.death is None


OFFICES = [
    # title, ordinal, start, end, predecessor, successor, serving_with
    ("President of the National Assembly", 3, "2017-05-14", "2018-03-09",
     "Gabriela Rivadeneira", "Elizabeth Cabezas", {}),
    ("Minister of the Interior", None, "2011-05-13", "2016-11-15",
     "Alfredo Vera Arrata", "Diego Fuentes", {"President": "Rafael Correa"}),
    ("Minister of Justice, Human Rights and Religious Affairs", None, "2010-04-05", "2011-05-13",
     "Nestór Arbito", "Johana Pesántez", {"President": "Rafael Correa"}),
]


def test_offices(article: Article) -> None:
    assert article.person is not None
    offices = article.person.offices
    assert len(offices) == 3
    for office, expected in zip(offices, OFFICES):
        title, ordinal, start, end, pred, succ, serving = expected
        assert office.title == title
        assert office.ordinal == ordinal
        assert office.start is not None and office.start.iso == start
        assert office.end is not None and office.end.iso == end
        assert office.predecessor == pred
        assert office.successor == succ
        assert office.serving_with == serving
        assert not office.incumbent and not office.acting
        assert office.source == "infobox"


def test_personal_details(article: Article) -> None:
    assert article.person is not None
    # the scrape flattened the two universities onto one line: kept as written
    assert article.person.alma_mater == ["Universidad San Francisco de Quito Universidad del Azuay"]


def test_sections(article: Article) -> None:
    titles = [s.title for s in article.sections if s.level > 0]
    assert titles == ["Personal life", "Education", "Political career", "Decorations", "References"]
    lead = article.sections[0]
    assert lead.level == 0 and lead.text.startswith("José Serrano Salgado (born 19 November 1970) is")
    personal = article.sections[1]
    assert personal.text.startswith("José Serrano, born on November 19, 1970")  # "[edit]" removed
    assert "[1]" not in personal.text
    assert personal.references == [1, 2]
    assert article.sections[2].references == [3, 1]


def test_references(article: Article) -> None:
    refs = article.references
    assert len(refs) == 8
    assert [r.number for r in refs] == list(range(1, 9))
    first = refs[0]
    assert first.cited == 3  # "^ a b c"
    assert first.language == "Spanish"
    assert first.title == "Curriculum Vitae"
    assert first.archive_date is not None and first.archive_date.iso == "2016-03-27"
    assert first.publisher == "Ministry of the Interior, Ecuador"
    second = refs[1]
    assert second.title == "El nuevo titular de la Asamblea se forjó en política desde las aulas"
    assert second.date is not None and second.date.iso == "2017-05-16"
    assert refs[2].title == "Home" and refs[2].publisher == "unirioja.es"
    assert refs[3].language == "Spanish" and refs[3].archive_date is not None
    assert refs[3].archive_date.iso == "2013-05-06"
    assert refs[5].date is not None and refs[5].date.iso == "2018-03-10"
    assert refs[6].date is None and refs[6].cited == 1
    assert refs[7].date is not None and refs[7].date.iso == "2014-12-07"
