"""The HTML reader: rendered Wikipedia pages into a :class:`Document`.

Handles desktop pages (legacy and Vector 2022), Parsoid/REST HTML (also the
body of Wikimedia Enterprise records), PCS mobile-html, MobileFrontend
sections and Kiwix/mwoffliner files.  One lxml parse; each concern
(infoboxes, hCard hints, references, sections, Parsoid metadata) lives in its
own module and reads the same tree.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html.defs import block_tags as _BLOCK_TAGS

from ...document import Document
from .hcard import hcard_hints, personendaten_hints
from .index import IdTable, TreeIndex, descendants, index_tree, reports_redefined_ids
from .infobox import find_infoboxes, read_infobox
from .parsoid import (
    about_map,
    categories,
    head_meta,
    is_disambiguation,
    redirect_target,
    template_call,
)
from .refs import read_references
from .sections import content_root, read_sections
from .succession import read_boxes as read_succession_boxes
from .text import one_line, render, text_content

#: ``(?<!\s)``: a whitespace run is tried once, from its start (was quadratic on long titles).
_TITLE_SUFFIX = re.compile(r"(?<!\s)\s+[-–—]\s+[^-–—]*\bWiki[a-zé]*\b.*$", re.I)
_WG = re.compile(r'"wg(RevisionId|ArticleId)":\s*(\d+)')
#: The page's Wikidata item: desktop page config, or the sidebar's "Wikidata item" link.
_WG_ITEM = re.compile(r'"wgWikibaseItemId":\s*"(Q\d{1,12})"')
#: How far into the page its desktop config (``wg...`` values) is looked for.
_CONFIG_SPAN = 200000


def _config_start(text: str, names: tuple[str, ...]) -> int:
    """Where the first of the quoted config ``names`` starts in the page's head span (-1: none).

    A config pattern can only match from there: a plain substring search
    finds it (or its absence, on Parsoid pages) far faster than the regex
    scanning every quote of the span.
    """
    found = [i for i in (text.find(name, 0, _CONFIG_SPAN) for name in names) if i >= 0]
    return min(found) if found else -1
_ITEM_HREF = re.compile(r"/(?:Special:EntityPage/|wiki/|entity/)(Q\d{1,12})$")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
#: A DOCTYPE with an internal subset (entity declarations): the HTML parser
#: does not understand it and would show its tail ("]>") as page text.
_DOCTYPE_SUBSET = re.compile(r"^\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)


def parse_tree(text: str) -> etree._Element | None:
    """lxml tree of ``text``; None when there is nothing to parse (see :func:`_parse`)."""
    return _parse(text)[0]


#: This libxml2 keeps the ids of an HTML parse and reports the ones defined twice (checked once).
_ID_TABLE = reports_redefined_ids()


def _parse(text: str, ids: bool = False) -> tuple[etree._Element | None, bytes, IdTable | None]:
    """lxml tree of ``text`` (None when there is nothing to parse), the UTF-8 bytes it was parsed from
    and, with ``ids``, its id table (None when it cannot answer, and for a fragment).

    lxml's plain HTML parser, not ``lxml.html``'s: the latter looks up a Python
    element class every time the readers touch an element (a tenth of a
    page's reading time), and the readers use no ``HtmlElement`` method.
    The id table costs about 8 % of the parse but spares the index a walk
    over every element of a desktop page and a search of the source for
    each id on the others (see :class:`~.index.IdTable`).
    :func:`_as_html_fromstring` keeps the tree ``lxml.html.fromstring`` built.
    """
    body = _XML_DECL.sub("", text.lstrip("\ufeff"), count=1)
    body = _DOCTYPE_SUBSET.sub("", body, count=1)
    if not body or body.isspace():  # not body.strip(): no copy of a megabyte page
        return None, b"", None
    data = body.encode("utf-8", errors="replace")
    full = _FULL_HTML(data) is not None
    # a fragment's tree is changed after the parse (:func:`_as_html_fromstring`), and lxml drops
    # the table's entries of the elements it moves: fragments get no table
    ids = ids and full and _ID_TABLE
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=ids)
    doc = etree.fromstring(data, parser)
    if doc is None:
        raise etree.ParserError("Document is empty")
    table = IdTable.from_log(parser.error_log) if ids else None
    if not full:
        _as_html_fromstring(doc)
    return doc.getroottree().getroot(), data, table


_FULL_HTML = re.compile(rb"^\s*<(?:html|!doctype)", re.I).match
_XHTML = "{http://www.w3.org/1999/xhtml}"


def _as_html_fromstring(doc: etree._Element) -> None:
    """The changes ``lxml.html.fromstring`` makes to a fragment's document, in place.

    Extra bodies are merged into the first, extra heads into the first, and a
    body of several children (or with text) is renamed ``div`` or ``span``.
    """
    bodies = doc.findall("body") or doc.findall(_XHTML + "body")
    body = bodies[0] if bodies else None
    for other in bodies[1:]:
        assert body is not None
        if other.text:
            if len(body):
                body[-1].tail = (body[-1].tail or "") + other.text
            else:
                body.text = (body.text or "") + other.text
        body.extend(other)
        _drop_tree(other)
    heads = doc.findall("head") or doc.findall(_XHTML + "head")
    if heads:
        for other in heads[1:]:
            heads[0].extend(other)
            _drop_tree(other)
        return
    if body is None:
        return
    if len(body) == 1 and (not body.text or not body.text.strip()) and (
            not body[-1].tail or not body[-1].tail.strip()):
        return
    block = any(_local(el.tag) in _BLOCK_TAGS for el in body.iter(etree.Element))
    body.tag = "div" if block else "span"


def _local(tag: str) -> str:
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def _drop_tree(el: etree._Element) -> None:
    """``HtmlElement.drop_tree``: remove ``el`` and its children, keep its tail."""
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def read_html(text: str, title: str | None = None, *, sections: bool = True,
              references: bool = True) -> Document:
    """Read one HTML page (or fragment); never raises on bad content.

    ``sections=False`` reads only the lead, ``references=False`` no reference list.
    """
    doc = Document(source_format="html", title=title)
    try:
        root, data, ids = _parse(text, ids=True)
    except (etree.ParserError, ValueError) as exc:
        doc.warnings.append(f"HTML could not be parsed: {exc}")
        return doc
    if root is None:
        doc.warnings.append("empty input")
        return doc
    fill_document(doc, root, text, sections=sections, references=references, source=data, ids=ids)
    return doc


def fill_document(doc: Document, root: etree._Element, text: str = "", *, sections: bool = True,
                  references: bool = True, source: bytes | None = None, ids: IdTable | None = None) -> None:
    """Everything the page says (or asked for), read from one parsed tree into ``doc``.

    ``text``: the page ``root`` was parsed from ("" when unknown); ``source``:
    the bytes the parser read, when known (searched faster than ``text``).
    Either spares the index the lookups whose answers the page cannot hold.
    ``ids``: the id table of ``root``'s parse, when it kept one (see :func:`_parse`).
    """
    index = index_tree(root, source if source is not None else (text or None), ids)
    abouts = about_map(root, index)
    if doc.title is None:
        doc.title = page_title(root, index)
    boxes = find_infoboxes(root, index)
    for box in boxes:
        call = template_call(box, abouts)
        name = call.name if call and call.name else None
        infobox = read_infobox(box, template=name)
        if infobox.rows:
            doc.infoboxes.append(infobox)
    doc.infoboxes.extend(read_succession_boxes(root, index))
    doc.person_hints.update(hcard_hints(boxes))
    for key, value in personendaten_hints(root, index).items():
        doc.person_hints.setdefault(key, value)
    if references:
        doc.references = read_references(root, abouts, index)
    doc.sections = read_sections(content_root(root, index), lead_only=not sections, chrome=index.chrome)
    doc.categories = categories(root, index)
    target = redirect_target(root, index) or _desktop_redirect(root, index)
    if target:
        doc.is_redirect = True
        doc.redirect_target = target
    doc.is_disambiguation = is_disambiguation(root, index)
    doc.meta.update(head_meta(root, index))
    start = _config_start(text, ('"wgRevisionId"', '"wgArticleId"'))
    for name, value in _WG.findall(text, start, _CONFIG_SPAN) if start >= 0 else ():
        key = "revision" if name == "RevisionId" else "page_id"
        doc.meta.setdefault(key, value)
    item = _wikidata_item(root, text, index)
    if item:
        doc.meta.setdefault("wikidata", item)
    lang = root.get("lang")
    if lang:
        doc.meta.setdefault("language", lang)
    if sections and not doc.infoboxes and not any(s.text for s in doc.sections):
        doc.warnings.append("no infobox and no text found in the HTML")


def _wikidata_item(root: etree._Element, text: str, index: TreeIndex | None = None) -> str | None:
    """The page's own Wikidata QID: ``wgWikibaseItemId`` or the ``#t-wikibase`` sidebar link.

    Other links to wikidata.org (authority control, "edit at Wikidata" pencils)
    may name other items, so only these two places count.
    """
    start = _config_start(text, ('"wgWikibaseItemId"',))
    m = _WG_ITEM.search(text, start, _CONFIG_SPAN) if start >= 0 else None
    if m:
        return m.group(1)
    full = "//li[@id='t-wikibase']//a/@href"
    hrefs = root.xpath(full) if index is None else descendants(index.with_id("li", "t-wikibase"), ".//a/@href", root, full)
    for href in hrefs:
        found = _ITEM_HREF.search(str(href))
        if found:
            return found.group(1)
    return None


def page_title(root: etree._Element, index: TreeIndex | None = None) -> str | None:
    """The page title: first heading, then ``<title>`` without the site suffix."""
    for xpath in ("//h1[@id='firstHeading']", "//h1[@id='titleHeading']", "//header//h1"):
        if index is None:
            found = root.xpath(xpath)
        elif xpath == "//header//h1":
            found = descendants(index.headers, ".//h1", root, xpath)
        else:
            wanted = xpath.split("'")[1]
            found = [el for ident, el in index.h1s if ident == wanted]
        if found:
            title = one_line(render(found[0]))
            if title:
                return title
    found = root.xpath("//head/title") if index is None else index.head_titles
    if found:
        title = _TITLE_SUFFIX.sub("", one_line(text_content(found[0])))
        if title:
            return title
    return None


def _desktop_redirect(root: etree._Element, index: TreeIndex | None = None) -> str | None:
    full = "//*[contains(@class,'redirectText')]//a"
    anchors = root.xpath(full) if index is None else descendants(index.redirect_text, ".//a", root, full)
    for a in anchors:
        name = one_line(text_content(a))
        if name:
            return name
    return None


__all__ = ["read_html", "parse_tree", "fill_document", "page_title"]
