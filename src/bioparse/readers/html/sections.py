"""Headings and the prose under them, with the footnotes each section cites.

One walk over the content root serves every layout: legacy ``<h2><span
class="mw-headline">``, Vector 2022 ``div.mw-heading`` wrappers, Parsoid and
mobile-html ``<section data-mw-section-id>`` (the headings inside them are
met in the same document order).  Page furniture is skipped, not deleted,
so the tree stays intact for the other readers.
"""

from __future__ import annotations

from lxml import etree

from ...document import RawSection
from .index import CHROME_IDS, TreeIndex
from .text import FURNITURE_CLASSES, INVISIBLE_TAGS, SkipRules, finish, one_line, render, walk

_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: The only elements the walk's hook claims: headings and footnote markers.
_HOOK_TAGS = frozenset(_HEADINGS) | {"sup"}

#: Classes that are not article prose.
SKIP_CLASSES = frozenset(
    {
        "navbox",
        "navbox-styles",
        "vertical-navbox",
        "navigation-not-searchable",
        "hatnote",
        "dablink",
        "rellink",
        "toc",
        "reflist",
        "references",
        "mw-references",
        "mw-references-wrap",
        "infobox",
        "infobox_v2",
        "infobox_v3",
        "sinottico",
        "metadata",
        "ambox",
        "mbox-small",
        "sidebar",
        "thumb",
        "catlinks",
        "printfooter",
        "shortdescription",
        "sistersitebox",
        "side-box",
        "portal",
        "portalbox",
        "authority-control",
        "gallery",
        "succession-box",
        "mw-authority-control",
        "pcs-collapse-table-container",
        "bandeau-portail",
        "bandeau-container",
        "homonymie",
    }
)
#: Ids of page chrome (the table of contents, catlinks, the footer...).
SKIP_IDS = CHROME_IDS
_SKIP_TAGS = frozenset({"figure", "h1", "header"})


#: What :func:`_skip` tests beyond :func:`skip_furniture`'s own tests (merged: one call per element).
_SKIP_TAG_SET = INVISIBLE_TAGS | _SKIP_TAGS
_SKIP_CLASS_SET = SKIP_CLASSES | FURNITURE_CLASSES


#: Not prose: furniture (:func:`skip_furniture`), figures, navigation, reference lists and
#: the ids of page chrome.  A ``section`` without a skip class is always read (mobile-html
#: collapses sections with display:none).
_skip = SkipRules(_SKIP_TAG_SET, _SKIP_CLASS_SET, SKIP_IDS, section_classes=SKIP_CLASSES)


def content_root(root: etree._Element, index: TreeIndex | None = None) -> etree._Element:
    """The article body: ``.mw-parser-output``, ``#mw-content-text`` or ``<body>``."""
    if index is not None:
        for found_el in (index.parser_output, index.first_id("mw-content-text"), index.first_id("bodyContent"),
                         index.body):
            if found_el is not None:
                return found_el
        return root
    for xpath in (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' mw-parser-output ')]",
        "//*[@id='mw-content-text']",
        "//*[@id='bodyContent']",
        "//body",
    ):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


class _LeadDone(Exception):
    """Raised at the first heading when only the lead is wanted."""


def read_sections(root: etree._Element, *, lead_only: bool = False,
                  chrome: frozenset[etree._Element] | None = None) -> list[RawSection]:
    """The lead (level 0, title "") and every section in page order.

    ``lead_only`` stops the walk at the first heading: the lead is all that
    person extraction reads, and the rest of the page is most of the work.
    ``chrome``: every element of the page with one of :data:`SKIP_IDS`, when
    known (:attr:`TreeIndex.chrome`): the walk then reads no element's id.
    """
    rules = _skip if chrome is None else _skip.with_elements(chrome)
    sections: list[RawSection] = [RawSection(title="", level=0)]

    def flush(out: list[str]) -> None:
        sections[-1].text = finish(out)
        out.clear()

    def hook(el: etree._Element, out: list[str]) -> bool:
        tag = el.tag
        if tag in _HEADINGS:
            if lead_only:
                raise _LeadDone
            flush(out)
            title = one_line(render(el))
            sections.append(RawSection(title=title, level=_HEADINGS[tag]))
            return True
        if tag == "sup":
            value = el.get("class")
            toks = value.split() if value else ()
            if "reference" in toks or "mw-ref" in toks:
                ref_ids = sections[-1].ref_ids
                for a in el.iter("a"):
                    href = a.get("href")
                    if href and "#" in href:
                        ref_id = href.rsplit("#", 1)[1]
                        if ref_id not in ref_ids:
                            ref_ids.append(ref_id)
                return True
        return False

    out: list[str] = []
    try:
        walk(root, out, rules, hook, hook_tags=_HOOK_TAGS)
    except _LeadDone:
        pass
    flush(out)
    return sections
