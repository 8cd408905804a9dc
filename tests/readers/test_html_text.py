"""The HTML text walker's shortcuts give exactly what the plain rules give.

The walker appends raw text and collapses whitespace once per text, the tree
comes from lxml's plain HTML parser instead of ``lxml.html``'s, and a
reference entry's walk also yields its citation's text.  Each is checked
against the straightforward version it replaces.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from bioparse.readers.html import parse_tree
from bioparse.readers.html.index import index_tree
from bioparse.readers.html.refs import _REF_TEXT, _citation, _citation_after, _from_rendered
from bioparse.readers.html.sections import SKIP_CLASSES, SKIP_IDS, _skip
from bioparse.readers.html.text import (
    FURNITURE,
    FURNITURE_CLASSES,
    IN_CELL,
    INVISIBLE_TAGS,
    LINE,
    finish,
    finish_line,
    render,
    skip_furniture,
    skip_in_cell,
    text_content,
    walk,
)

HTML = Path(__file__).resolve().parents[2] / "fixtures" / "html"
PAGES = sorted(p for p in HTML.iterdir() if p.suffix in (".html", ".json"))

_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\ufeff\u00ad]")


def _plain(pieces: list[tuple[str, str]]) -> str:
    """The rules spelled out: each text node's whitespace runs become one space,
    line marks become line breaks, invisible characters go, each line is stripped
    and its space runs collapsed, empty lines dropped."""
    raw = "".join("\n" if kind == "line" else _WS.sub(" ", value) for kind, value in pieces)
    raw = _INVISIBLE.sub("", raw)
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


_ALPHABET = ["a", "b", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u200b", "\u00ad", "\ufeff", "é", "\u3000", "x y"]


@pytest.mark.parametrize("seed", range(300))
def test_finish_equals_the_plain_rules(seed: int) -> None:
    rng = random.Random(seed)
    pieces: list[tuple[str, str]] = []
    for _ in range(rng.randint(0, 12)):
        if rng.random() < 0.25:
            pieces.append(("line", ""))
        else:
            pieces.append(("text", "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 6)))))
    out = [LINE if kind == "line" else value for kind, value in pieces]
    expected = _plain(pieces)
    assert finish(out) == expected
    assert finish_line(out) == " ".join(expected.split())


#: Fragments whose tree ``lxml.html.fromstring`` reshapes (one element, several, text, a head).
FRAGMENTS = [
    "<p>one</p>",
    "<p>one</p><p>two</p>",
    "text <b>bold</b> tail",
    "<b>a</b><i>b</i>",
    "<table><tr><td>x</td></tr></table> after",
    "<head><title>T</title></head><p>x</p>",
    "<title>T</title><p>x</p>",
    "<div>a</div>\n",
    "<!DOCTYPE html><p>full</p>",
    "  <html><body><p>full</p></body></html>",
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_parse_tree_builds_lxml_html_tree(fragment: str) -> None:
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    expected = lxml_html.fromstring(fragment.encode(), parser=parser).getroottree().getroot()
    root = parse_tree(fragment)
    assert root is not None
    assert etree.tostring(root) == etree.tostring(expected)


def test_text_content_is_lxml_html_text_content() -> None:
    html = "<div>a<b>b<i>c</i></b>d<span> e </span></div>"
    el = lxml_html.fromstring(html)
    assert text_content(etree.fromstring(html)) == el.text_content() == "abcd e "


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return json.loads(text)["article_body"]["html"] if path.suffix == ".json" else text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_marked_slice_is_the_citation_rendered_alone(path: Path) -> None:
    root = parse_tree(_text(path))
    assert root is not None
    checked = found = 0
    for ol in index_tree(root).reference_lists:
        for li in ol.iter("li"):
            cite = _citation(li)
            out: list[str] = []
            span = walk(li, out, mark=cite)
            if cite is None:
                assert span is None
                continue
            found += 1
            if span is not None:
                assert finish(out[span[0]:span[1]]) == render(cite)
                checked += 1
            assert finish(out) == render(li)
    assert checked or not found


def _entries(root: etree._Element) -> list[etree._Element]:
    return [li for ol in index_tree(root).reference_lists for li in ol.iter("li")]


def _body(found: object) -> etree._Element | None:
    """The entry's text element, read from ``found`` as the references reader does."""
    for el in found:  # type: ignore[attr-defined]
        if el.tag in ("span", "div"):
            value = el.get("class")
            if value and "reference-text" in value and not _REF_TEXT.isdisjoint(value.split()):
                return el  # type: ignore[no-any-return]
    return None


_CITATION_CASES = (
    # the citation after the text element, inside another entry part; the text element is one;
    # nested text elements; a citation token in a longer class; none at all
    "<ol class='references'><li><span class='reference-text'>a</span><span class='citation'>x</span></li>"
    "<li><span class='citation reference-text'>b<cite class='citation'>c</cite></span></li>"
    "<li><div class='reference-text'><span>d<span class='citations'>e</span></span>"
    "<span class='x citation'>f</span></div><cite class='citation'>g</cite></li>"
    "<li><b><span class='reference-text'><span class='reference-text'><cite class='citation'>h</cite>"
    "</span></span></b><a href='#cite_ref-1'>^</a></li>"
    "<li><span class='reference-text'>i <a href='x'>j</a></span></li></ol>"
)


def _citations_checked(root: etree._Element) -> int:
    """Entries whose citation, read on from the walk that found their text element, is :func:`_citation`'s."""
    checked = 0
    for li in _entries(root):
        found = li.iter("a", "span", "div", "cite")
        body = _body(found)
        if body is None:
            continue
        value = body.get("class") or ""
        own = body if body.tag == "span" and "citation" in value.split() else None
        assert (own if own is not None else _citation_after(found, body)) is _citation(body)
        checked += 1
    return checked


def test_citation_read_on_from_the_entry_walk_is_the_text_elements_first() -> None:
    cases = parse_tree(_CITATION_CASES)
    assert cases is not None
    assert _citations_checked(cases) == 5
    pages = [parse_tree(_text(path)) for path in PAGES]
    assert sum(_citations_checked(root) for root in pages if root is not None) > 500


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_unlinked_entry_has_no_rendered_fields(path: Path) -> None:
    root = parse_tree(_text(path))
    assert root is not None
    for li in _entries(root):
        text = render(li)
        linked = any(a is not li and a.get("href") is not None for a in li.iter("a"))
        assert _from_rendered(li, text, linked=True) == (_from_rendered(li, text) if linked else {})


def test_mark_skipped_gives_no_slice() -> None:
    root = etree.fromstring("<div>a<span class='noprint'><cite class='citation'>x</cite></span>b</div>")
    cite = root.find(".//cite")
    out: list[str] = []
    assert walk(root, out, mark=cite) is None
    assert finish(out) == "ab"


def _old_section_skip(el: etree._Element) -> bool:
    """The sections filter as it was written before it became :class:`SkipRules` data."""
    tag = el.tag
    value = el.get("class")
    toks = value.split() if value else ()
    if tag == "section" and SKIP_CLASSES.isdisjoint(toks):
        return False
    if not isinstance(tag, str) or tag in INVISIBLE_TAGS | {"figure", "h1", "header"}:
        return True
    if toks:
        if not (SKIP_CLASSES | FURNITURE_CLASSES).isdisjoint(toks):
            return True
        if tag == "sup" and ("reference" in toks or "mw-ref" in toks):
            return True
    style = el.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    return el.get("id") in SKIP_IDS


_RULE_CASES = (
    "<div><section class='noprint' style='display:none'>a</section><section class='navbox'>b</section>"
    "<section>c</section><p id='toc'>d</p><p id='x' style='DISPLAY : NONE'>e</p><sup class='mw-ref'>f</sup>"
    "<span class='x  noprint'>g</span><figure>h</figure><td>i<br>j</td><p class='hatnote'>k</p>l"
    "<span style='display:none'>(<span class='bday'>1900-01-02</span>)</span>"
    "<span style='display: none'><i class='dday deathdate'>1990</i></span><b style='display:none'>m</b></div>"
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_skip_rules_inline_match_the_filters_they_replace(path: Path) -> None:
    for root in (parse_tree(_text(path)), parse_tree(_RULE_CASES)):
        assert root is not None
        for el in root.iter(etree.Element):
            assert _skip(el) == _old_section_skip(el)
            assert FURNITURE(el) == skip_furniture(el)
            assert IN_CELL(el) == skip_in_cell(el)
        # the walker's inline copy of the rules against the same rules called per element
        for rules in (_skip, FURNITURE, IN_CELL):
            inline: list[str] = []
            called: list[str] = []
            walk(root, inline, rules)
            walk(root, called, lambda el, rules=rules: rules(el))  # type: ignore[misc]
            assert finish(inline) == finish(called)
        assert render(root) == render(root, lambda el: skip_furniture(el))
        assert render(root, skip_in_cell) == render(root, lambda el: skip_in_cell(el))


def test_text_content_of_every_element_is_xpath_string() -> None:
    # childless elements take a shortcut (their own text); every element must still give string()
    string = etree.XPath("string()")
    seen = 0
    for path in PAGES[:6]:
        root = parse_tree(_text(path))
        assert root is not None
        for el in root.iter(etree.Element):
            assert text_content(el) == str(string(el))
            seen += 1
    empty = etree.fromstring("<p><a/><b>x</b><i><!-- c --></i></p>")
    for el in empty.iter(etree.Element):
        assert text_content(el) == str(string(el))
    assert seen > 1000
