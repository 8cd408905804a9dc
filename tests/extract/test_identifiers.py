"""Identifiers on records: the page's Wikidata QID and birth/death place link targets."""

from __future__ import annotations

from pathlib import Path

import bioparse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_qid_from_enterprise_main_entity() -> None:
    # "main_entity":{"identifier":"Q937",...}
    assert bioparse.parse_file(FIXTURES / "html" / "enterprise_simplewiki_Albert_Einstein.json").wikidata_id == "Q937"


def test_qid_from_html_page_config() -> None:
    # "wgWikibaseItemId":"Q233460" and the sidebar's Special:EntityPage/Q233460
    assert bioparse.parse_file(FIXTURES / "html" / "wme_desktop_enwiki_Kaori_Icho.html").wikidata_id == "Q233460"


def test_qid_from_sidebar_link_only() -> None:
    html = ('<html><body><h1 id="firstHeading">X</h1><p>X was a person.</p><ul>'
            '<li id="t-wikibase"><a href="https://www.wikidata.org/wiki/Special:EntityPage/Q42">Wikidata item</a></li>'
            '</ul><p>See <a href="https://www.wikidata.org/wiki/Q5">other</a></p></body></html>')
    assert bioparse.parse(html, format="html").wikidata_id == "Q42"


def test_no_qid_without_page_props() -> None:
    assert bioparse.parse_file(FIXTURES / "wikitext" / "presidentthing__Dan_Quayle.wiki").wikidata_id is None


def test_place_links() -> None:
    # birth_place = [[Indianapolis]], [[Indiana]], U.S.
    quayle = bioparse.parse_file(FIXTURES / "wikitext" / "presidentthing__Dan_Quayle.wiki").person
    assert quayle is not None and quayle.birth is not None
    assert quayle.birth.place_link == "Indianapolis"
    # birth_place = [[Westmoreland County, Virginia|Westmoreland County]], ...; death_place = [[Mount Vernon]], ...
    washington = bioparse.parse_file(FIXTURES / "wikitext" / "wikicloth__George_Washington.wiki").person
    assert washington is not None and washington.birth is not None and washington.death is not None
    assert washington.birth.place_link == "Westmoreland County, Virginia"
    assert washington.death.place_link == "Mount Vernon"
    # 384 BC [[Stagira (ancient city)|Stagira]], ...: the date row's links, not a date
    aristotle = bioparse.parse_file(FIXTURES / "wikitext" / "gensimdump__en__Aristotle.wiki").person
    assert aristotle is not None and aristotle.birth is not None
    assert aristotle.birth.place_link == "Stagira (ancient city)"
    # HTML: <a href="/wiki/Hachinohe,_Aomori">Hachinohe, Aomori</a>
    icho = bioparse.parse_file(FIXTURES / "html" / "wme_desktop_enwiki_Kaori_Icho.html").person
    assert icho is not None and icho.birth is not None and icho.birth.place_link == "Hachinohe, Aomori"


def test_place_without_a_matching_link() -> None:
    # text input has no links
    serrano = bioparse.parse_file(FIXTURES / "text" / "jose_serrano.txt").person
    assert serrano is not None and serrano.birth is not None and serrano.birth.place_link is None
