"""Plain-text reader on non-English renderings: flag alt text, glued terms, office titles after
an office's rows, neighbours on the term line, person data, succession columns and leaked
parameters (issues 10 and 12).  Every line below is copied from a fixture; expectations are read by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse.extract.offices import offices_from_infobox
from bioparse.model import Infobox
from bioparse.readers.params import looks_like_param_dump, params_infobox
from bioparse.readers.text import (
    _glued_terms,
    _term_and_successor,
    _title_and_terms,
    assemble_rows,
    read_text,
    strip_flag,
    tokenize_line,
)

I18N = Path(__file__).resolve().parents[2] / "fixtures" / "text_i18n"
TEXT = Path(__file__).resolve().parents[2] / "fixtures" / "text"


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        # leon_bourgeois__fr__codes-et-lois.fr.txt: the flag's alt text names the country
        ("Lieu de naissance Drapeau : France Paris", "Lieu de naissance", "Paris"),
        ("Lieu de décès Drapeau : France Oger", "Lieu de décès", "Oger"),
        # shigeru_yoshida__ja__ja.qa.edu.vn.txt: alt text, then the country the flag template writes
        ("出生地 日本における郵船商船規則の旗 日本 東京府神田区駿河台", "出生地", "東京府神田区駿河台"),
        ("死没地 日本の旗 日本 神奈川県中郡大磯町", "死没地", "神奈川県中郡大磯町"),
        # shigeru_yoshida__ja__mobile.seisyun.net.txt: the same row with the image dropped
        ("死没地 日本 神奈川県中郡大磯町", "死没地", "神奈川県中郡大磯町"),
    ],
)
def test_flag_before_a_place(line: str, label: str, value: str) -> None:
    rows = assemble_rows([tokenize_line(line)])
    assert [(row.label, row.value) for row in rows] == [(label, value)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # lee_teng_hui__zh__zh.wikipedia.org.txt, the line under '出生'
        ("大日本帝国国旗 日治台湾台北州淡水郡三芝庄新小基隆字埔头坑", "日治台湾台北州淡水郡三芝庄新小基隆字埔头坑"),
        # shigeru_yoshida__ja__ja.qa.edu.vn.txt: an office title keeps its ordinal for the office rules
        ("日本の旗 第45・48-51代 内閣総理大臣", "第45・48-51代 内閣総理大臣"),
        # lee_teng_hui__zh__zh-wiki.info.txt: an emblem's alt text or file name before the title
        ("臺北市 臺北市第4任市長", "臺北市第4任市長"),
        ("Taiwan Province Government emblem.svg 第11任臺灣省政府主席", "第11任臺灣省政府主席"),
        # eduardo_frei_montalva__ast__wikipedia.bradmurray.com.txt, 'Nacionalidá'
        ("Bandera de Chile Chile", "Chile"),
        # text that merely starts like one stays whole
        ("Paris", "Paris"),
        ("New York City", "New York City"),
        ("東京府神田区駿河台", "東京府神田区駿河台"),
    ],
)
def test_strip_flag(text: str, want: str) -> None:
    assert strip_flag(text) == want


def test_country_after_flag_only_trimmed_in_places() -> None:
    # a title line is not a place: "内閣 第1次吉田内閣" keeps its first word
    assert strip_flag("中華民國 總統") == "中華民國 總統"
    assert strip_flag("中華民國 臺北市", place=True) == "臺北市"


def test_two_terms_glued_on_one_line() -> None:
    # shigeru_yoshida__ja__mobile.seisyun.net.txt: '在任期間' holds both terms, glued
    assert _glued_terms("1946年5月22日 - 1947年5月24日1948年10月15日 - 1954年12月10日") == [
        "1946年5月22日 - 1947年5月24日", "1948年10月15日 - 1954年12月10日"]
    assert _glued_terms("1946年5月22日 - 1947年5月24日") == ["1946年5月22日 - 1947年5月24日"]


def test_glued_terms_are_two_offices() -> None:
    doc = read_text((I18N / "shigeru_yoshida__ja__mobile.seisyun.net.txt").read_text(encoding="utf-8"))
    terms = [row.value for row in doc.infoboxes[0].rows if row.key == "term"]
    assert terms[:2] == ["1946年5月22日 - 1947年5月24日", "1948年10月15日 - 1954年12月10日"]


def test_ordinal_title_after_an_office_row_starts_the_next_office() -> None:
    """'天皇 昭和天皇' (the Emperor served with) then '第65・69-70代 外務大臣': the Foreign
    Minister's office, not a second emperor."""
    doc = read_text((I18N / "shigeru_yoshida__ja__ja.qa.edu.vn.txt").read_text(encoding="utf-8"))
    rows = doc.infoboxes[0].rows
    emperor = next(row for row in rows if row.label == "天皇")
    assert emperor.value == "昭和天皇"
    after = rows[rows.index(emperor) + 1]
    assert (after.header, after.value) == (True, "第65・69-70代 外務大臣")


def test_ordinal_line_under_an_unknown_label_stays_its_value() -> None:
    """dhyan_chand.txt: 'Rank Major' / 'Unit1st Brahmans' / '14th Punjab Regiment': regiments of
    a military career, no office titles."""
    doc = read_text((TEXT / "dhyan_chand.txt").read_text(encoding="utf-8"))
    assert not any(row.header and row.value == "14th Punjab Regiment" for row in doc.infoboxes[0].rows)


def test_successor_on_the_term_line() -> None:
    # adolfo_suarez__gl__gl.m.wikipedia.org.txt, line 20
    line = "14 de novembro de 1989 – 29 de outubro de 1991 – Laura Morso Pérez →"
    assert _term_and_successor(line) == ("14 de novembro de 1989 – 29 de outubro de 1991", "Laura Morso Pérez")
    assert _term_and_successor("26 de abril de 1989 – 22 de abril de 1992") == (
        "26 de abril de 1989 – 22 de abril de 1992", "")


def test_positions_held_without_dates() -> None:
    """eduardo_frei_montalva__ast: after 'Jorge Alessandri - Salvador Allende' (the last office's
    neighbours), 'senador de Chile' and 'ministru d'Obres Públiques' up to the 'Vida' section are
    positions held whose dates the box does not give."""
    doc = read_text((I18N / "eduardo_frei_montalva__ast__wikipedia.bradmurray.com.txt").read_text(encoding="utf-8"))
    offices = [row.value for row in doc.infoboxes[0].rows if row.key == "office"]
    assert offices == ["senador de Chile", "ministru d'Obres Públiques"]
    person = bioparse.parse(
        (I18N / "eduardo_frei_montalva__ast__wikipedia.bradmurray.com.txt").read_text(encoding="utf-8"), format="text"
    ).person
    assert person is not None
    assert [(o.title, o.start) for o in person.offices[2:]] == [("senador de Chile", None),
                                                              ("ministru d'Obres Públiques", None)]


def test_personendaten_are_hints_with_the_name_turned_round() -> None:
    """jacques_chaban_delmas__de (2007): 'Personendaten' then 'NAME | Chaban-Delmas, Jacques'."""
    doc = read_text(
        (I18N / "jacques_chaban_delmas__de__wikipedia2007.classicistranieri.com.txt").read_text(encoding="utf-8"))
    assert doc.person_hints["name"] == "Jacques Chaban-Delmas"
    assert doc.person_hints["birth_date"] == "7. März 1915"
    assert doc.person_hints["death_place"] == "Paris"


def test_german_succession_columns_are_a_succession_box() -> None:
    """'Vorgänger' / 'Verteidigungsminister von Frankreich 6. November 1957-14. Mai 1958' /
    'Nachfolger' (the names lost): a succession box row, not the infobox's predecessor."""
    article = bioparse.parse(
        (I18N / "jacques_chaban_delmas__de__wikipedia2007.classicistranieri.com.txt").read_text(encoding="utf-8"),
        format="text")
    assert article.person is not None
    boxed = [(o.title, o.start.iso if o.start else None, o.end.iso if o.end else None, o.source)
             for o in article.person.offices]
    assert boxed[0] == ("Verteidigungsminister von Frankreich", "1957-11-06", "1958-05-14", "succession_box")
    assert not any(o.source == "infobox" for o in article.person.offices)
    assert _title_and_terms("Michel Debré") is None


def test_parameters_leaking_after_a_caption() -> None:
    """juscelino_kubitschek__pt: '... nas proximidades de Túnel |morte_data = |nascimento_local =
    Diamantina, Minas Gerais |morte_local = Resende, Rio de Janeiro |...'."""
    lines = (I18N / "juscelino_kubitschek__pt__buscaintegrada.ufrj.br.txt").read_text(encoding="utf-8").split("\n")
    assert looks_like_param_dump(lines)
    box, used = params_infobox(lines)
    assert box is not None and used == {2, 3}
    assert box.get("birth_place") == "Diamantina, Minas Gerais"
    assert box.get("death_place") == "Resende, Rio de Janeiro"
    assert box.get("party") == "PSD"


def test_a_pipe_in_prose_is_no_parameter_leak() -> None:
    assert not looks_like_param_dump(["He said | it was so = and = more", "Born | 1 May 1900"])


def test_ordinal_title_after_a_dateless_block_is_a_new_office() -> None:
    """Lines of herb_gray__gutenbergus.txt with the seat's term left out and the served-with row
    (as a table cell) before the term, as the ja renderings draw it: the ordinal title after
    'Succeeded by Brian Masse' opens the Deputy Prime Minister's office; it is neither part of
    the successor's name nor is its term the seat's."""
    lines = [
        "Member of Parliament for Windsor West",
        "Preceded by first member",
        "Succeeded by Brian Masse",
        "7th Deputy Prime Minister of Canada",
        "Prime Minister | Jean Chrétien |",
        "In office",
        "June 11, 1997 – January 14, 2002",
        "Preceded by Sheila Copps",
        "Succeeded by John Manley",
    ]
    rows = assemble_rows([tokenize_line(line) for line in lines])
    assert [(row.key, row.value) for row in rows if row.header] == [
        (None, "Member of Parliament for Windsor West"), (None, "7th Deputy Prime Minister of Canada")]
    assert next(row.value for row in rows if row.key == "successor") == "Brian Masse"
    offices = offices_from_infobox(Infobox(rows=rows))
    assert [(o.title, o.ordinal, o.start.iso if o.start else None) for o in offices] == [
        ("Member of Parliament for Windsor West", None, None),
        ("Deputy Prime Minister of Canada", 7, "1997-06-11"),
    ]
