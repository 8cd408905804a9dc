"""The one-pass tree index answers every page-wide query exactly as the XPath it replaces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from bioparse.readers.html import (
    _WG,
    _WG_ITEM,
    _desktop_redirect,
    _parse,
    _wikidata_item,
    page_title,
    parse_tree,
    read_html,
)
from bioparse.readers.html.hcard import personendaten_hints
from bioparse.readers.html.index import (
    CHROME_IDS,
    _may_hold,
    index_tree,
    reports_redefined_ids,
)
from bioparse.readers.html.infobox import find_infoboxes
from bioparse.readers.html.parsoid import (
    about_map,
    categories,
    group_data,
    head_meta,
    is_disambiguation,
    redirect_target,
)
from bioparse.readers.html.refs import read_references
from bioparse.readers.html.sections import content_root
from bioparse.readers.html.succession import find_boxes
from bioparse.readers.html.text import render

HTML = Path(__file__).resolve().parents[2] / "fixtures" / "html"
PAGES = sorted(p for p in HTML.iterdir() if p.suffix in (".html", ".json"))

#: Small pages that exercise the fallbacks (several catlinks, headers, redirect boxes, bodies).
SYNTHETIC = [
    "<html><body><div id='catlinks'><ul><li><a href='/wiki/Category:A'>A</a></li></ul></div>"
    "<div id='catlinks'><div id='catlinks'><li><a>B</a></li></div></div></body></html>",
    "<html><body><header><h1>One</h1></header><header><header><h1>Two</h1></header></header></body></html>",
    "<html><body><div class='redirectText'><div class='x redirectText'><a>Target</a></div></div></body></html>",
    "<html><head><title>T - Wikipedia</title><meta property='mw:pageId' content='5'></head>"
    "<body><p class='a\u00a0mw-parser-output'>x</p><div class=' mw-parser-output\tq'>y</div></body></html>",
    # the content root on a tag the index also looks at for itself, and a redirect box on another
    "<html><body><header class='mw-parser-output'><h1 class='redirectText' id='x'><a>T</a></h1></header>"
    "<div class='mw-parser-output'>y</div></body></html>",
    # ids on the wrong element, twice, nested; a succession box inside another
    "<html><body><div id='t-wikibase'><a href='/wiki/Q1'>x</a></div><li id='t-wikibase'><a href='x'>y</a>"
    "<li id='t-wikibase'><a href='https://www.wikidata.org/wiki/Special:EntityPage/Q42'>z</a></li></li>"
    "<div id='Vorlage_Personendaten'>NAME</div><table id='Vorlage_Personendaten'><tr><td>NAME</td>"
    "<td>Adams, Douglas</td></tr></table><table class='succession-box'><tr><td>"
    "<table class='x succession-box'><tr><td>A</td></tr></table></td></tr></table></body></html>",
    # ids, classes and Parsoid attributes spelt with character references or upper-case names
    (
        "<html><body><div id='cat&#108;inks'><ul><li><a href='/wiki/Category:A'>A</a></li></ul></div>"
        "<div class='mw&#x2D;parser&#45;output'><p>x</p></div><span class='redirect&#x054;ext'><a>T</a></span>"
        "<table ID='Vorlage&lowbar;Personendaten'><tr><td>NAME</td><td>Adams, Douglas</td></tr></table>"
        "<span ABOUT='#mwt1' DATA-MW='{\"parts\":[]}'>a</span><li id='t&#x2d;wikibase'><a href='/wiki/Q7'>q</a></li>"
        "<p about='#mwt2' data-mw/>b<table id='disambig&#98;ox'></table></body></html>"
    ),
    # a fragment of two bodies (merged after the parse) and ids on elements that move
    "<body id='catlinks'>x</body><body id='toc'>y<p id='footer'>z</p><li id='t-wikibase'><a href='/wiki/Q3'>q</a></li></body>",
    # a full document with a second body, head and html start tag, ids defined twice
    "<html id='toc'><head id='siteSub'></head><head id='footer'></head><html id='x'><body><body id='catlinks'>"
    "<b id='contentSub'>a<p id='normdaten'>b</b>c</p><a name='persondata' id='persondata'>d</a></body></html>",
]


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return json.loads(text)["article_body"]["html"] if path.suffix == ".json" else text


def _same_index(found: dict[str, object], walked: dict[str, object]) -> None:
    """Two indexes of one tree agree; ``chrome`` may be unknown (None) in ``found``."""
    if found["chrome"] is None:
        found = {**found, "chrome": walked["chrome"]}
    assert found == walked


def _same(root: etree._Element, source: str | None = None) -> None:
    ix = index_tree(root)
    assert ix.chrome == {el for el in root.iter(etree.Element) if el.get("id") in CHROME_IDS}
    if source is not None:
        for given in (source, source.encode("utf-8", errors="replace")):
            _same_index(vars(index_tree(root, given)), vars(ix))
            assert dict(ix.abouts) == dict(index_tree(root, given).abouts)
        # the tree read_html parses, with its id table (full documents only: a fragment's tree is
        # changed after the parse, and lxml drops the table's entries of the elements it moves)
        tree, data, table = _parse(source, ids=True)
        assert tree is not None
        assert (table is not None) == bool(re.match(r"\s*<(?:html|!doctype)", source, re.I))
        walked = vars(index_tree(tree))
        _same_index(vars(index_tree(tree, data, table)), walked)
        _same_index(vars(index_tree(tree, None, table)), walked)
    assert about_map(root, ix) == about_map(root)
    assert find_infoboxes(root, ix) == find_infoboxes(root)
    assert content_root(root, ix) is content_root(root)
    assert categories(root, ix) == categories(root)
    assert redirect_target(root, ix) == redirect_target(root)
    assert _desktop_redirect(root, ix) == _desktop_redirect(root)
    assert is_disambiguation(root, ix) == is_disambiguation(root)
    assert head_meta(root, ix) == head_meta(root)
    assert page_title(root, ix) == page_title(root)
    abouts = about_map(root)
    assert read_references(root, abouts, ix) == read_references(root, abouts)
    assert find_boxes(root, ix) == find_boxes(root)
    assert personendaten_hints(root, ix) == personendaten_hints(root)
    assert _wikidata_item(root, "", ix) == _wikidata_item(root, "")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_index_matches_xpath_on_real_pages(path: Path) -> None:
    root = parse_tree(_text(path))
    assert root is not None
    _same(root, _text(path))


@pytest.mark.parametrize("html", SYNTHETIC)
def test_index_matches_xpath_on_edge_cases(html: str) -> None:
    root = parse_tree(html)
    assert root is not None
    _same(root, html)


def test_id_table_answers_only_for_ids_defined_once() -> None:
    assert reports_redefined_ids()
    html = ("<html><body><div id='catlinks'><a name='toc'>x</a></div><p id='footer'>f</p>"
            "<p id='footer'>g</p><a name='siteSub'>s</a><i id='siteSub'>t</i></body></html>")
    root, _data, table = _parse(html, ids=True)
    assert root is not None and table is not None
    assert table.redefined == {"footer", "siteSub"}
    assert table.lookup(root) is None  # footer and siteSub: two elements each in the table's one slot
    root, _data, table = _parse(html.replace("'footer'>g", "'x'>g").replace("name='siteSub'", "name='y'"), ids=True)
    assert root is not None and table is not None and not table.redefined
    found = table.lookup(root)
    assert found is not None
    # the <a name='toc'> shares the table with ids but has none: not an element with id toc
    assert {name: ["".join(el.itertext()) for el in els] for name, els in found.items()} == {
        "catlinks": ["x"], "footer": ["f"], "siteSub": ["t"]}
    ix = index_tree(root, None, table)
    assert ix.ids.keys() == {"catlinks"} and {"".join(el.itertext()) for el in ix.chrome or ()} == {"x", "f", "t"}
    _same_index(vars(ix), vars(index_tree(root)))


def test_id_table_not_trusted_when_the_log_was_cut_short() -> None:
    many = "".join(f"<p id='d{i}'>a</p><p id='d{i}'>b</p>" for i in range(120))
    root, _data, table = _parse(f"<html><body>{many}<p id='toc'>c</p><p id='toc'>d</p></body></html>", ids=True)
    assert root is not None and table is None


def test_source_shows_which_lookups_can_succeed() -> None:
    needles = frozenset({"catlinks", "t-wikibase", "mw-parser-output"})
    assert _may_hold("<div id='catlinks'>", needles) == {"catlinks"}
    assert _may_hold("<div id='t&#x2D;wikibase' class='mw&#45;parser-output'>", needles) == {
        "t-wikibase", "mw-parser-output"}
    assert _may_hold("<p>&#160;&#91;1&#93; t&#8209;wikibase</p>", needles) == frozenset()
    assert _may_hold("<p id='Vorlage&UnderBar;Personendaten'>", frozenset({"Vorlage_Personendaten"}))
    assert _may_hold(b"<p id='Vorlage&lowbar;Personendaten' class='&#x6D;w-parser-output'>", needles | {
        "Vorlage_Personendaten"}) == {"Vorlage_Personendaten", "mw-parser-output"}
    assert _may_hold(b"<p>t&#8209;wikibase</p>", needles) == frozenset()


def test_walk_with_comments_keeps_their_tails() -> None:
    root = etree.fromstring("<div>a<!-- c -->b<?pi x?>c<br/>d<p>e</p>f</div>")
    assert render(root) == "abc\nd\ne\nf"


def test_group_data_matches_the_page_wide_about_map() -> None:
    # every element that may ask (an ``about`` without data-mw of its own) gets what the map says
    asked = 0
    for path in PAGES:
        root = parse_tree(_text(path))
        assert root is not None
        abouts = about_map(root)
        for el in root.iter(etree.Element):
            about = el.get("about")
            if about and el.get("data-mw") is None:
                asked += 1
                assert group_data(el, about, abouts) == abouts.get(about), (path.name, about)
    assert asked > 400


def test_group_data_reads_the_siblings_before_the_page() -> None:
    root = parse_tree(
        "<html><body><p>x</p><style about='#mwt1' data-mw='first'></style>b<p about='#mwt1'>c</p>"
        "<p about='#mwt2'>d</p><p about='#mwt1'>e</p><i about='#mwt3'>f</i></body></html>")
    assert root is not None
    by_text = {el.text: el for el in root.iter("p", "i")}
    nowhere: dict[str, str] = {}
    assert group_data(by_text["c"], "#mwt1", nowhere) == "first"
    # a run broken by another group: only the page-wide map can answer
    assert group_data(by_text["e"], "#mwt1", nowhere) is None
    assert group_data(by_text["e"], "#mwt1", about_map(root)) == "first"
    assert group_data(by_text["f"], "#mwt3", about_map(root)) is None


@pytest.mark.parametrize("pad", [0, 199_950, 199_975, 199_985, 199_990, 200_010])
def test_page_config_read_from_its_first_name_as_from_the_head_slice(pad: int) -> None:
    # the config values as the regexes over the page's first 200,000 characters find them
    config = '"wgArticleId": 12,"wgRevisionId":34,"wgWikibaseItemId":"Q42"'
    text = f"<html><head><!--{'x' * pad}--><script>{config}</script></head><body><p>Text.</p></body></html>"
    head = text[:200000]
    expected = {("page_id" if n == "ArticleId" else "revision"): v for n, v in _WG.findall(head)}
    item = _WG_ITEM.search(head)
    meta = read_html(text).meta
    assert {k: meta[k] for k in ("page_id", "revision") if k in meta} == expected
    assert meta.get("wikidata") == (item.group(1) if item else None)
    if pad == 0:
        assert expected == {"page_id": "12", "revision": "34"} and meta["wikidata"] == "Q42"
