"""Unit tests of the HTML reader on small hand-written pages and on fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bioparse.readers.html import read_html
from bioparse.readers.html.text import link_title, render
from bioparse.readers.html import parse_tree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"

OFFICEHOLDER = """<!DOCTYPE html><html><head><title>Ana Example - Wikipedia</title></head><body>
<h1 id="firstHeading">Ana Example</h1>
<div class="mw-parser-output">
<table class="infobox vcard"><tbody>
<tr><th colspan="2" class="infobox-above"><div class="fn">Ana Example</div></th></tr>
<tr><td colspan="2" class="infobox-image"><a href="/wiki/File:A.jpg"><img src="a.jpg" width="220"></a>
<div class="infobox-caption">Ana in 2010</div></td></tr>
<tr><th colspan="2" class="infobox-header">3rd <a href="/wiki/President_of_the_National_Assembly">President of the National Assembly</a></th></tr>
<tr><td colspan="2" class="infobox-full-data"><span class="nowrap"><b>In office</b></span><br>14 May 2017 – 9 March 2018</td></tr>
<tr><th class="infobox-label">President</th><td class="infobox-data"><a href="/wiki/Rafael_Correa" title="Rafael Correa">Rafael Correa</a></td></tr>
<tr><th class="infobox-label">Preceded by</th><td class="infobox-data">Gabriela Rivadeneira<sup class="reference"><a href="#cite_note-1">[1]</a></sup></td></tr>
<tr><th colspan="2" class="infobox-header">Personal details</th></tr>
<tr><th class="infobox-label">Born</th><td class="infobox-data">Ana Example<br><span style="display:none"> (<span class="bday">1970-11-19</span>) </span>19 November 1970<span class="noprint ForceAgeToShow"> (age 53)</span><br><a href="/wiki/Quito">Quito</a>, Ecuador</td></tr>
</tbody></table>
<style>.x{color:red}</style>
<div role="note" class="hatnote">For other people, see Ana (disambiguation).</div>
<p><b>Ana Example</b> (born 19 November 1970) is a politician.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<div id="toc" class="toc"><h2>Contents</h2></div>
<div class="mw-heading mw-heading2"><h2 id="Career">Career</h2><span class="mw-editsection">[<a href="#">edit</a>]</span></div>
<p>She served.<sup class="reference"><a href="#cite_note-two-2">[2]</a></sup><sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h3><span class="mw-headline">Later life</span><span class="mw-editsection">[edit]</span></h3>
<p>Retired.</p>
<div class="navbox"><p>Navigation box text</p></div>
<h2><span class="mw-headline">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a"><sup>a</sup></a> <a href="#cite_ref-b"><sup>b</sup></a> <a href="#cite_ref-c"><sup>c</sup></a></span>
<span class="reference-text"><cite class="citation web cs1">Doe, Jane (3 March 2018). <a class="external text" href="https://example.org/a">"Ana takes office"</a>. <i>El Comercio</i> (in Spanish). Archived from <a class="external text" href="https://example.org/orig">the original</a> on 5 March 2018. Retrieved 4 April 2019.</cite></span></li>
<li id="cite_note-two-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-two_2-0">^</a></b></span> <span class="reference-text">A book.</span></li>
</ol></div>
</div>
<div id="catlinks" class="catlinks"><div id="mw-normal-catlinks"><ul><li><a href="/wiki/Category:1970_births">1970 births</a></li><li><a href="/wiki/Category:Living_people">Living people</a></li></ul></div></div>
</body></html>"""


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return read_html(OFFICEHOLDER)


def test_title_from_first_heading(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.title == "Ana Example"
    assert doc.source_format == "html"


def test_infobox_rows_in_display_order(doc) -> None:  # type: ignore[no-untyped-def]
    (box,) = doc.infoboxes
    got = [(r.label, r.value, r.key, r.header) for r in box.rows]
    assert got == [
        ("Ana Example", "Ana Example", "name", True),
        ("3rd President of the National Assembly", "3rd President of the National Assembly", None, True),
        ("In office", "14 May 2017 – 9 March 2018", "term", False),
        ("President", "Rafael Correa", "serving_with", False),
        ("Preceded by", "Gabriela Rivadeneira", "predecessor", False),
        ("Personal details", "Personal details", "section", True),
        ("Born", "Ana Example\n(1970-11-19) 19 November 1970\nQuito, Ecuador", "birth", False),
    ]
    assert box.rows[3].links == ["Rafael Correa"]
    assert box.rows[6].links == ["Quito"]


def test_hcard_hints(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.person_hints["birth_date"] == "1970-11-19"
    assert doc.person_hints["name"] == "Ana Example"


def test_sections_skip_furniture_and_collect_footnotes(doc) -> None:  # type: ignore[no-untyped-def]
    titles = [(s.title, s.level) for s in doc.sections]
    assert titles == [("", 0), ("Career", 2), ("Later life", 3), ("References", 2)]
    lead, career, later, refs = doc.sections
    assert lead.text == "Ana Example (born 19 November 1970) is a politician."
    assert lead.ref_ids == ["cite_note-1"]
    assert career.text == "She served."
    assert career.ref_ids == ["cite_note-two-2", "cite_note-1"]
    assert later.text == "Retired."
    assert refs.text == ""
    joined = " ".join(s.text for s in doc.sections)
    for furniture in ("Navigation box", "For other people", "Contents", "edit", "color:red", "Rafael"):
        assert furniture not in joined


def test_references(doc) -> None:  # type: ignore[no-untyped-def]
    first, second = doc.references
    assert (first.id, first.number, first.cited) == ("cite_note-1", 1, 3)
    assert first.fields["title"] == "Ana takes office"
    assert first.fields["url"] == "https://example.org/a"
    assert first.fields["date"] == "3 March 2018"
    assert first.fields["access-date"] == "4 April 2019"
    assert first.fields["archive-date"] == "5 March 2018"
    assert first.fields["language"] == "Spanish"
    assert first.fields["work"] == "El Comercio"
    assert (second.id, second.number, second.cited, second.name) == ("cite_note-two-2", 2, 1, "two")
    assert second.text == "A book."


def test_categories(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.categories == ["1970 births", "Living people"]


def test_assumed_office_and_incumbent_cells() -> None:
    page = """<table class="infobox"><tr><th colspan="2">Ana</th></tr>
    <tr><th colspan="2">Mayor of Quito</th></tr>
    <tr><td colspan="2"><b>Incumbent</b></td></tr>
    <tr><td colspan="2"><b>Assumed office</b><br>14 May 2019</td></tr>
    <tr><th>Preceded by</th><td>Mauricio Rodas</td></tr></table>"""
    rows = read_html(page).infoboxes[0].rows
    assert [(r.label, r.value, r.key) for r in rows[1:]] == [
        ("Mayor of Quito", "Mayor of Quito", None),
        ("Assumed office", "14 May 2019", "term"),
        ("Preceded by", "Mauricio Rodas", "predecessor"),
    ]


def test_bare_french_term_line_under_office_header() -> None:
    page = """<table class="infobox_v2"><tr><td colspan="2" class="entete">Jean Exemple</td></tr>
    <tr><th colspan="2">Maire de Lyon</th></tr>
    <tr><td colspan="2"><b><time datetime="2010-05-11">11 mai 2010</time> – <time>13 juillet 2016</time><br><small>(6 ans)</small></b></td></tr>
    <tr><th scope="row">Prédécesseur</th><td>Paul Exemple</td></tr></table>"""
    rows = read_html(page).infoboxes[0].rows
    assert rows[0].key == "name" and rows[0].value == "Jean Exemple"
    assert (rows[2].label, rows[2].value, rows[2].key) == ("", "11 mai 2010 – 13 juillet 2016", "term")
    assert rows[3].key == "predecessor"


def test_parsoid_sections_and_template_name() -> None:
    page = """<html about="https://en.wikipedia.org/wiki/Special:Redirect/revision/123"><head><title>Bo</title>
    <meta property="mw:pageId" content="42"></head><body class="mw-parser-output">
    <section data-mw-section-id="0"><table class="infobox" about="#mwt1" typeof="mw:Transclusion"
    data-mw='{"parts":[{"template":{"target":{"wt":"Infobox person\\n","href":"./Template:Infobox_person"},"params":{"name":{"wt":"Bo"}},"i":0}}]}'>
    <tr><th colspan="2" class="infobox-above">Bo</th></tr><tr><th>Born</th><td>1 May 1900</td></tr></table>
    <p>Bo was a person.<sup class="mw-ref reference" typeof="mw:Extension/ref"><a href="./Bo#cite_note-1">[1]</a></sup></p></section>
    <section data-mw-section-id="1"><h2 id="Life">Life</h2><p>Lived.</p>
    <section data-mw-section-id="2"><h3 id="Death">Death</h3><p>Died.</p></section></section>
    <link rel="mw:PageProp/Category" href="./Category:1900_births#Bo">
    </body></html>"""
    doc = read_html(page)
    assert doc.title == "Bo"
    assert doc.infoboxes[0].name == "Infobox person"
    assert [(s.title, s.level, s.text) for s in doc.sections] == [
        ("", 0, "Bo was a person."), ("Life", 2, "Lived."), ("Death", 3, "Died.")
    ]
    assert doc.sections[0].ref_ids == ["cite_note-1"]
    assert doc.categories == ["1900 births"]
    assert doc.meta["revision"] == "123" and doc.meta["page_id"] == "42"


def test_mobile_html_collapsed_sections_fixture() -> None:
    """PCS mobile-html hides sections with display:none; they are still text."""
    doc = read_html((FIXTURES / "mobileapps_mobilehtml_MOSFET.html").read_text(encoding="utf-8"))
    titles = [s.title for s in doc.sections if s.level >= 1]
    # headings read from the file: h2 Origins, h3 Background, Invention, Commercialization, h2 Importance ...
    assert titles[:5] == ["Origins", "Background", "Invention", "Commercialization", "Importance"]
    assert "References" in titles
    assert doc.title == "MOSFET"


def test_vector_2022_fixture_headings() -> None:
    doc = read_html((FIXTURES / "wme_desktop_enwiki_Kaori_Icho.html").read_text(encoding="utf-8"))
    assert doc.title == "Kaori Icho"
    # headings read from the file; the Vector 2022 "Contents" sidebar h2 is page chrome
    assert [s.title for s in doc.sections if s.level == 2] == [
        "Championships and accomplishments", "See also", "References", "External links"
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "plain words, no markup", "<", "<<<>>>", "<table><tr><td>", "\x00\x01binary",
     "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
     "<div>" * 5000 + "deep" + "</div>" * 5000, "{\"json\": true}"],
)
def test_bad_input_gives_a_document(text: str) -> None:
    doc = read_html(text)
    assert doc.source_format == "html"
    assert isinstance(doc.warnings, list)


def test_empty_input_warns() -> None:
    assert read_html("").warnings


def test_link_titles() -> None:
    assert link_title("./Joe_Biden") == "Joe Biden"
    assert link_title("/wiki/Jos%C3%A9_Serrano#Life") == "José Serrano"
    assert link_title("/w/index.php?title=Deputy_Chair&action=edit&redlink=1") == "Deputy Chair"
    assert link_title("https://example.org/x") is None
    assert link_title("./File:A.jpg") is None


def test_render_collapses_source_whitespace_but_keeps_breaks() -> None:
    root = parse_tree("<td>Agostinho\n      Neto<br>  Luanda <div>Angola</div></td>")
    assert root is not None
    td = root.xpath("//td")[0]
    assert render(td) == "Agostinho Neto\nLuanda\nAngola"


@pytest.mark.parametrize(
    ("href", "wiki"),
    [
        ("https://simple.wikipedia.org/wiki/Mike_Pence", "simplewiki"),
        ("//fr.wikipedia.org/wiki/", "frwiki"),
        ("https://en.m.wikipedia.org/wiki/Ada_Lovelace", "enwiki"),
        ("//zh-yue.wikipedia.org/wiki/", "zh_yuewiki"),
        ("https://en.wikipedia.org.example.com/wiki/X", None),
        ("https://commons.wikimedia.org/wiki/X", None),
        ("/wiki/Relative", None),
    ],
)
def test_wiki_of_a_page_address(href: str, wiki: str | None) -> None:
    from bioparse.readers.html.parsoid import wiki_of_address

    assert wiki_of_address(href) == wiki
