"""Ordinals and decorations inside office titles, in every language (issues 10 and 12).

Every title below is copied from a fixture; the expected split is read from it by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse.extract.offices import colleagues_of, split_title, split_title_ordinals, title_link

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize(
    ("text", "title", "ordinal", "listed", "acting"),
    [
        # lee_teng_hui__zh__zh-wiki.info.txt: 7th (succeeding), 8th and 9th President of the ROC
        ("中華民國第7(繼任)、8、9任總統", "中華民國總統", 7, [7, 8, 9], False),
        # lee_teng_hui__zh__zh.wikipedia.org.txt: "(继任)" says how the post was taken, not which post
        ("中华民国第7任总统(继任)", "中华民国总统", 7, [7], False),
        ("中華民國第7任副總統", "中華民國副總統", 7, [7], False),
        # shigeru_yoshida__ja__*.txt: the 45th, then the 48th to 51st Prime Minister
        ("第45・48-51代 内閣総理大臣", "内閣総理大臣", 45, [45, 48], False),
        ("第65・69-70代 外務大臣", "外務大臣", 65, [65, 69], False),
        # abdurrahman_wahid__id__id.scribd.com.txt: Indonesian ordinal after the title
        ("Presiden Indonesia ke-4", "Presiden Indonesia", 4, [4], False),
        # vo_van_kiet__vi__nhan.edu.vn.txt: "Quyền" = acting
        ("Quyền Chủ tịch Hội đồng Bộ trưởng", "Chủ tịch Hội đồng Bộ trưởng", None, [], True),
        # salvador_allende__pt__wiki.studentb.eu.txt: an ordinal before the title numbers the holder
        ("57.º Presidente do Chile", "Presidente do Chile", 57, [], False),
        ("22nd & 24th President of the United States", "President of the United States", 22, [22, 24], False),
        # the rest of that title once a reader took "22nd" apart as the order row
        ("& 24th President of the United States", "President of the United States", None, [], False),
    ],
)
def test_ordinals_in_titles(text: str, title: str, ordinal: int | None, listed: list[int], acting: bool) -> None:
    assert split_title_ordinals(text) == (title, ordinal, listed, acting)
    assert split_title(text) == (title, ordinal, acting)


def test_a_title_without_ordinal_keeps_its_numbers() -> None:
    assert split_title("Member of the Reichstag for Berlin 2") == ("Member of the Reichstag for Berlin 2", None, False)
    assert split_title("第3次吉田内閣") == ("第3次吉田内閣", None, False)  # a cabinet, not an ordinal


def test_title_link_is_not_the_ordinals_link() -> None:
    """Dan Quayle: "[[List of Vice Presidents of the United States|44th]] [[Vice President of the
    United States]]" — the ordinal links to the list of holders, the title to the office."""
    person = bioparse.parse_file(FIXTURES / "wikitext" / "presidentthing__Dan_Quayle.wiki").person
    assert person is not None
    vp = person.offices[0]
    assert (vp.title, vp.ordinal) == ("Vice President of the United States", 44)
    assert vp.title_link == "Vice President of the United States"


@pytest.mark.parametrize(
    ("title", "links", "want"),
    [
        ("President of the United States",
         ["List of Presidents of the United States", "President of the United States"], "President of the United States"),
        ("Governor of Texas", ["List of Governors of Texas"], None),  # only the ordinal's link
        ("Commander-in-Chief of the Continental Army", ["Commander-in-Chief", "Continental Army"], "Commander-in-Chief"),
        ("Presidente del Gobierno", ["Anexo:Presidentes del Gobierno de España", "Presidente del Gobierno de España"],
         "Presidente del Gobierno de España"),
    ],
)
def test_title_link(title: str, links: list[str], want: str | None) -> None:
    assert title_link(title, links) == want


def test_listed_ordinals_number_the_terms() -> None:
    """'第45・48-51代 内閣総理大臣' over 1946-05-22 - 1947-05-24 and 1948-10-15 - 1954-12-10."""
    person = bioparse.parse_file(FIXTURES / "text_i18n" / "shigeru_yoshida__ja__ja.qa.edu.vn.txt").person
    assert person is not None
    pm = [(o.title, o.ordinal, o.start.iso if o.start else None) for o in person.offices[:2]]
    assert pm == [("内閣総理大臣", 45, "1946-05-22"), ("内閣総理大臣", 48, "1948-10-15")]


def test_one_term_ordinal_is_not_copied_to_the_next_terms() -> None:
    """'中华民国第7任总统(继任)' heads six 任期 blocks; only the first is the 7th term."""
    person = bioparse.parse_file(FIXTURES / "text_i18n" / "lee_teng_hui__zh__zh.wikipedia.org.txt").person
    assert person is not None
    assert [o.ordinal for o in person.offices[:3]] == [7, None, None]


def test_another_lists_number_after_the_title() -> None:
    # leon_bourgeois__fr__codes-et-lois.fr.txt: '58e président du Conseil' / '(67e chef du gouvernement)'
    assert split_title("58e président du Conseil (67e chef du gouvernement)") == ("président du Conseil", 58, False)
    # without an ordinal of its own, a bracketed note is part of the title
    assert split_title("Member of Parliament (1st district)")[0] == "Member of Parliament (1st district)"


def test_cjk_colleagues_separated_by_spaces() -> None:
    # lee_teng_hui__zh__zh-wiki.info.txt: '副总统李元簇 連戰', two vice presidents in turn
    people = colleagues_of("副总统", "李元簇 連戰")
    assert [p.name for p in people] == ["李元簇", "連戰"]
    # a family name and a one-character given name written apart are one person
    assert [p.name for p in colleagues_of("天皇", "吉田 茂")] == ["吉田 茂"]
