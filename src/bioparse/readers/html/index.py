"""One walk over the parsed tree that finds everything the HTML readers look up.

Each reader used to ask lxml a ``//...`` XPath of its own (infoboxes, the
references lists, the content root, categories, redirects, Parsoid ``about``
groups, head metadata, the title): ten or so scans of every element of a page,
some with string functions per element, which cost about three times lxml's
parse itself.  :func:`index_tree` visits each element once and keeps what
every one of those queries would have returned, in document order, with the
same matching rules (substring tests where the XPath used ``contains``, XML
whitespace tokens where it used ``normalize-space``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

#: ``normalize-space`` splits on XML whitespace only (not NBSP or other Unicode spaces).
_XML_WS = re.compile(r"[ \t\r\n]+")
#: Ids some reader asks for.
_IDS = frozenset({"mw-content-text", "bodyContent", "catlinks", "disambigbox", "t-wikibase",
                  "Vorlage_Personendaten"})

#: Tags looked at for themselves (most elements are none of these).
_RARE_TAGS = frozenset({"link", "meta", "h1", "header", "title", "body"})


@dataclass
class TreeIndex:
    """What the page-wide queries of the HTML readers return, found in one pass."""

    #: ``about`` id -> raw data-mw of the group's first element (``//*[@about][@data-mw]``).
    abouts: dict[str, str] = field(default_factory=dict)
    #: Infobox candidates, before the class-token filter (:data:`.infobox._FIND`).
    infoboxes: list[etree._Element] = field(default_factory=list)
    #: ``//ol[contains(@class,'references') or contains(@class,'mw-references')]``.
    reference_lists: list[etree._Element] = field(default_factory=list)
    #: First element whose class tokens include ``mw-parser-output``.
    parser_output: etree._Element | None = None
    #: Elements with one of :data:`_IDS`, by id, in document order.
    ids: dict[str, list[etree._Element]] = field(default_factory=dict)
    body: etree._Element | None = None
    #: ``//link[@rel='mw:PageProp/Category'][@href]``.
    category_links: list[etree._Element] = field(default_factory=list)
    #: ``//link[@rel='mw:PageProp/redirect'][@href]``.
    redirect_links: list[etree._Element] = field(default_factory=list)
    #: ``//meta[@property='mw:PageProp/disambiguation']`` exists.
    disambiguation_meta: bool = False
    #: ``//head/meta[@property][@content]``.
    head_props: list[etree._Element] = field(default_factory=list)
    #: ``//head/meta[@http-equiv='content-language'][@content]``.
    head_languages: list[etree._Element] = field(default_factory=list)
    #: ``h1`` elements with an id: (id, element).
    h1s: list[tuple[str, etree._Element]] = field(default_factory=list)
    #: ``header`` elements (for ``//header//h1``).
    headers: list[etree._Element] = field(default_factory=list)
    #: ``//head/title``.
    head_titles: list[etree._Element] = field(default_factory=list)
    #: ``//*[contains(@class,'redirectText')]``.
    redirect_text: list[etree._Element] = field(default_factory=list)
    #: ``//table[contains(@class,'succession-box')]``.
    succession_tables: list[etree._Element] = field(default_factory=list)

    def first_id(self, name: str) -> etree._Element | None:
        found = self.ids.get(name)
        return found[0] if found else None

    def with_id(self, tag: str, name: str) -> list[etree._Element]:
        """``//tag[@id='name']``."""
        return [el for el in self.ids.get(name, ()) if el.tag == tag]


def index_tree(root: etree._Element) -> TreeIndex:
    """Visit every element of ``root`` once and record what the readers look up."""
    ix = TreeIndex()
    abouts = ix.abouts
    for el in root.iter(etree.Element):
        tag = el.tag
        get = el.get
        cls = get("class")
        if cls:
            if tag == "table":
                if "infobox" in cls or "vcard" in cls or "sinottico" in cls:
                    ix.infoboxes.append(el)
                if "succession-box" in cls:
                    ix.succession_tables.append(el)
            elif tag == "div":
                if "infobox_v" in cls:
                    ix.infoboxes.append(el)
            elif tag == "ol" and "references" in cls:
                ix.reference_lists.append(el)
            if ix.parser_output is None and "mw-parser-output" in cls and "mw-parser-output" in _XML_WS.split(cls):
                ix.parser_output = el
            if "redirectText" in cls:
                ix.redirect_text.append(el)
        ident = get("id")
        if ident is not None and ident in _IDS:
            ix.ids.setdefault(ident, []).append(el)
        about = get("about")
        if about and about not in abouts:
            data = get("data-mw")
            if data is not None:
                abouts[about] = data
        if tag not in _RARE_TAGS:
            continue
        if tag == "link":
            rel = get("rel")
            if rel == "mw:PageProp/Category" and get("href") is not None:
                ix.category_links.append(el)
            elif rel == "mw:PageProp/redirect" and get("href") is not None:
                ix.redirect_links.append(el)
        elif tag == "meta":
            if get("property") == "mw:PageProp/disambiguation":
                ix.disambiguation_meta = True
            parent = el.getparent()
            if parent is not None and parent.tag == "head" and get("content") is not None:
                if get("property") is not None:
                    ix.head_props.append(el)
                if get("http-equiv") == "content-language":
                    ix.head_languages.append(el)
        elif tag == "h1":
            if ident is not None:
                ix.h1s.append((ident, el))
        elif tag == "header":
            ix.headers.append(el)
        elif tag == "title":
            parent = el.getparent()
            if parent is not None and parent.tag == "head":
                ix.head_titles.append(el)
        elif tag == "body" and ix.body is None:
            ix.body = el
    return ix


def descendants(containers: list[etree._Element], path: str, root: etree._Element, full: str) -> list[etree._Element]:
    """``path`` under each container, as the page-wide XPath ``full`` would list them.

    One container (the usual case) is one relative query; several (nested
    or repeated ids) fall back to ``full`` so duplicates and order stay XPath's.
    """
    if not containers:
        return []
    if len(containers) == 1:
        return list(containers[0].xpath(path))
    return list(root.xpath(full))
