"""Infobox tables (and frwiki's div infoboxes) into Document rows.

Rows come out exactly as the plain-text reader would see them: a label cell
and a value cell per row, full-width rows as headers (office titles,
"Personal details"), and the single-cell "In office / dates" rows of
{{Infobox officeholder}} split into a ``term`` row.  Which header is an office
is left to the extractor, which sees the rows that follow it.
"""

from __future__ import annotations

import re

from lxml import etree

from ...extract.labels import is_section_header, label_key
from ...model import Infobox, InfoboxRow
from .index import TreeIndex
from .text import classes, has_class, is_hidden, links_in, one_line, render, skip_in_cell

#: Class tokens that make a table an infobox.
INFOBOX_TABLE_CLASSES = frozenset({"infobox", "infobox_v2", "infobox_v3", "sinottico", "vcard"})
#: Class tokens that make a div an infobox (frwiki {{Infobox Biographie2}} and kin).
INFOBOX_DIV_CLASSES = frozenset({"infobox_v3", "infobox_v2"})
#: Boxes that look like infoboxes but are page furniture.
NOT_INFOBOX_CLASSES = frozenset({"noprint", "sisterproject", "navbox", "metadata", "ambox"})

_HEADER_CELL_CLASSES = frozenset(
    {"infobox-header", "infobox-above", "infobox-subheader", "infobox-title", "entete"}
)
_NAME_CELL_CLASSES = frozenset({"infobox-above", "infobox-title", "entete"})
_TERM_KEYS = ("term", "term_start", "term_end")
#: A bare term line: "11 mai 2010 – 13 juillet 2016", "depuis le 5 mai 2010", "since 2019".
_BARE_TERM = re.compile(
    r"^(?:.{0,30}\b\d{3,4}\b.{0,4}\s*[–—-]\s*.{0,40}|(?:depuis|since|seit|dal|dall'|desde)\b.{0,40}\d.{0,30})$",
    re.I,
)
_PAREN_LINE = re.compile(r"^\(.*\)$")

_FIND = (
    "//table[contains(@class,'infobox') or contains(@class,'vcard') or contains(@class,'sinottico')]"
    " | //div[contains(@class,'infobox_v')]"
)


def find_infoboxes(root: etree._Element, index: TreeIndex | None = None) -> list[etree._Element]:
    """Top-level infobox elements in page order (sub-boxes belong to their parent)."""
    found: list[etree._Element] = []
    for el in (root.xpath(_FIND) if index is None else index.infoboxes):
        toks = classes(el)
        wanted = INFOBOX_TABLE_CLASSES if el.tag == "table" else INFOBOX_DIV_CLASSES
        if not toks & wanted or toks & NOT_INFOBOX_CLASSES:
            continue
        if any(_contains(f, el) for f in found):
            continue
        found.append(el)
    return found


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    parent = inner.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


class _Rows:
    """Accumulates one box's rows, remembering what the office context is."""

    def __init__(self) -> None:
        self.rows: list[InfoboxRow] = []
        self.named = False
        self.pending_incumbent = False

    def add(self, row: InfoboxRow) -> None:
        if self.pending_incumbent and (row.header or row.key not in _TERM_KEYS):
            self._flush_incumbent()
        if row.key in _TERM_KEYS:
            self.pending_incumbent = False
        self.rows.append(row)

    def finish(self) -> list[InfoboxRow]:
        if self.pending_incumbent:
            self._flush_incumbent()
        return self.rows

    def _flush_incumbent(self) -> None:
        self.pending_incumbent = False
        self.rows.append(InfoboxRow(label="Incumbent", value="Incumbent", key="term"))

    def after_header(self) -> bool:
        """True when the last row opened an office (a header or its ordinal)."""
        for row in reversed(self.rows):
            if row.header:
                return row.key not in ("name", "section")
            if row.key != "ordinal":
                return False
        return False


def read_infobox(box: etree._Element, template: str | None = None) -> Infobox:
    """Rows of one infobox element, in display order."""
    acc = _Rows()
    if box.tag == "table":
        _table_rows(box, acc)
    else:
        _div_rows(box, acc)
    return Infobox(name=template, rows=acc.finish(), kind="infobox")


def _div_rows(container: etree._Element, acc: _Rows) -> None:
    for child in container:
        if not isinstance(child.tag, str) or skip_in_cell(child):
            continue
        toks = classes(child)
        if child.tag == "table":
            _table_rows(child, acc)
        elif toks & _NAME_CELL_CLASSES:
            _header(_name_text(child), acc, name_cell=True)
        elif "bloc" in toks or child.tag in ("h2", "h3", "h4"):
            _header(render(child, skip_in_cell), acc, name_cell=False, links=links_in(child))
        elif toks & {"images", "legend", "hr", "navbar", "wikidata-linkback"}:
            continue
        elif child.tag in ("div", "section"):
            _div_rows(child, acc)


def _table_rows(table: etree._Element, acc: _Rows) -> None:
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "caption":
            if not has_class(child, "hidden") and not skip_in_cell(child):
                _header(render(child, skip_in_cell), acc, name_cell=not acc.rows)
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag == "tr":
                    _row(tr, acc)
        elif child.tag == "tr":
            _row(child, acc)


def _row(tr: etree._Element, acc: _Rows) -> None:
    if is_hidden(tr) or skip_in_cell(tr):
        return
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
    if not cells:
        return
    if len(cells) >= 2:
        label = one_line(render(cells[0], skip_in_cell))
        value = "\n".join(
            v for v in (render(c, skip_in_cell) for c in cells[1:]) if v
        )
        if not label and not value:
            return
        if not label:
            _single(cells[1], acc)
            return
        links: list[str] = []
        for c in cells[1:]:
            links.extend(t for t in links_in(c) if t not in links)
        acc.add(InfoboxRow(label=label, value=value, key=label_key(label), links=links))
        return
    _single(cells[0], acc)


def _single(cell: etree._Element, acc: _Rows) -> None:
    """A full-width cell: a sub-box, an image, a header or a term row."""
    subtables = [t for t in cell.iter("table") if t is not cell]
    if subtables and not cell.xpath(".//table//table"):
        for table in subtables:
            _table_rows(table, acc)
        return
    text = render(cell, skip_in_cell)
    if not text:
        return
    toks = classes(cell)
    if not toks & _NAME_CELL_CLASSES and not acc.named:
        for inner in cell.iter():
            if inner is not cell and isinstance(inner.tag, str) and classes(inner) & _NAME_CELL_CLASSES:
                _header(_name_text(inner), acc, name_cell=True)
                return
    if "infobox-image" in toks or (
        cell.tag == "td" and not toks & _HEADER_CELL_CLASSES and _is_picture(cell)
    ):
        return
    if cell.tag == "th" or toks & _HEADER_CELL_CLASSES:
        name_cell = bool(toks & _NAME_CELL_CLASSES) or not acc.rows
        _header(_name_text(cell) if name_cell else text, acc, name_cell=name_cell,
                links=[] if name_cell else links_in(cell))
        return
    lines = text.split("\n")
    first_key = label_key(lines[0])
    if first_key in _TERM_KEYS:
        if len(lines) == 1 and first_key == "term":
            # "Incumbent" alone: the "Assumed office" row that follows says it all.
            acc.pending_incumbent = True
            return
        value = "\n".join(ln for ln in lines[1:] if not _PAREN_LINE.match(ln))
        acc.add(InfoboxRow(label=lines[0], value=value, key=first_key, links=links_in(cell)))
        return
    dated = [ln for ln in lines if not _PAREN_LINE.match(ln)]
    if acc.after_header() and len(dated) == 1 and _BARE_TERM.match(dated[0]):
        # frwiki/itwiki: the term is a bare full-width date line under the office title
        value = dated[0]
        acc.add(InfoboxRow(label="", value=value, key="term", links=links_in(cell)))
        return
    if not acc.rows:
        _header(_name_text(cell), acc, name_cell=True)
        return
    acc.add(InfoboxRow(label="", value=text, key=None, links=links_in(cell)))


def _is_picture(cell: etree._Element) -> bool:
    """An image row (picture plus caption), not data; flag and sport icons don't count."""
    for el in cell.iter("img", "figure"):
        width = el.get("width") or ""
        if el.tag == "figure" or not width.isdigit() or int(width) >= 60:
            return True
    return False


def _name_text(cell: etree._Element) -> str:
    """The name in a box's title cell: its hCard ``fn`` part when marked, else the cell."""
    for el in cell.iter():
        if isinstance(el.tag, str) and "fn" in classes(el):
            text = render(el, skip_in_cell)
            if text:
                return text
    return render(cell, skip_in_cell)


def _header(text: str, acc: _Rows, name_cell: bool, links: list[str] | None = None) -> None:
    # a name cell may add a nickname or native name on its own line
    title = one_line(text.split("\n", 1)[0]) if name_cell else text
    if not title:
        return
    if is_section_header(title):
        key: str | None = "section"
    elif name_cell and not acc.named:
        key = "name"
        acc.named = True
    else:
        key = None
    acc.add(InfoboxRow(label=one_line(title), value=title, key=key, header=True, links=links or []))
