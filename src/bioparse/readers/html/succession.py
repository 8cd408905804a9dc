"""Succession boxes in rendered HTML (desktop legacy and Vector 2022, Parsoid, mobile, Kiwix).

``{{s-start}}`` ... ``{{s-end}}`` renders as a three-column table (class
``succession-box``): "Preceded by" cell, title cell (bold title, years,
"Served alongside: ..."), "Succeeded by" cell, with full-width heading rows
("Political offices", "Order of precedence").  A predecessor or successor
cell may span several title rows (``rows=``).  The table is read into the
same :class:`~bioparse.readers.wikitext.succession.Slot` list the wikitext
reader builds, and laid out by the same function, so both formats of one
revision give the extractor identical rows.
"""

from __future__ import annotations

import copy

from lxml import etree

from ...extract.labels import label_key
from ...model import Infobox
from ..wikitext.succession import Slot, slots_to_box
from .index import TreeIndex
from .text import classes, links_in, one_line, render, skip_in_cell

_FIND = "//table[contains(@class,'succession-box')]"


def find_boxes(root: etree._Element, index: TreeIndex | None = None) -> list[etree._Element]:
    """Succession-box tables in page order (a box nested in another belongs to it)."""
    found: list[etree._Element] = []
    for el in (root.xpath(_FIND) if index is None else index.succession_tables):
        if "succession-box" not in classes(el):
            continue
        if any(el in set(f.iter("table")) for f in found):
            continue
        found.append(el)
    return found


def read_boxes(root: etree._Element, index: TreeIndex | None = None) -> list[Infobox]:
    """Every succession box on the page, as rows (see :func:`slots_to_box`)."""
    boxes = []
    for table in find_boxes(root, index):
        slots = read_table(table)
        if any(s.section is None for s in slots):
            boxes.append(slots_to_box(slots))
    return boxes


def _grid(table: etree._Element) -> list[tuple[list[etree._Element], bool]]:
    """Rows of the table as cell lists with row spans expanded; True marks a heading row."""
    out: list[tuple[list[etree._Element], bool]] = []
    pending: dict[int, tuple[etree._Element, int]] = {}
    for tr in table.iter("tr"):
        if _owner(tr) is not table:
            continue
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
        if not cells and not pending:
            continue
        if len(cells) == 1 and cells[0].tag == "th" and not pending:
            out.append((cells, True))
            continue
        row: list[etree._Element] = []
        col = 0
        queue = list(cells)
        while queue or col in pending:
            if col in pending:
                cell, left = pending.pop(col)
                if left > 1:
                    pending[col] = (cell, left - 1)
                row.append(cell)
                col += 1
                continue
            cell = queue.pop(0)
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            for k in range(span):
                row.append(cell)
                if down > 1:
                    pending[col + k] = (cell, down - 1)
            col += span
        out.append((row, False))
    return out


def _owner(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _int(raw: str | None) -> int:
    raw = (raw or "1").strip()
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100 else 1


def read_table(table: etree._Element) -> list[Slot]:
    """The slots of one succession-box table, in display order."""
    slots: list[Slot] = []
    for cells, heading in _grid(table):
        if heading:
            text = one_line(render(cells[0], skip_in_cell))
            if text:
                slots.append(Slot(section=text))
            continue
        if len(cells) < 3:
            continue
        slot = Slot(has_after=True)
        slot.before, slot.before_links = _person_cell(cells[0], "predecessor")
        _title_cell(cells[1], slot)
        after, after_links = _person_cell(cells[-1], "successor")
        if label_key(after.split("\n", 1)[0]) in ("term", "incumbent") or after.lower().startswith(
            "incumbent"
        ):
            slot.incumbent = True
        else:
            slot.after, slot.after_links = after, after_links
        if slot.title or slot.years:
            slots.append(slot)
    return slots


def _person_cell(cell: etree._Element, key: str) -> tuple[str, list[str]]:
    """The cell's text without its "Preceded by" / "Succeeded by" label."""
    lines = [ln for ln in render(cell, skip_in_cell).split("\n") if ln.strip()]
    if lines and label_key(lines[0]) == key:
        lines = lines[1:]
    return "\n".join(lines), links_in(cell)


def _title_cell(cell: etree._Element, slot: Slot) -> None:
    """Bold title, then years, then a "Served alongside: ..." note in small print."""
    work = copy.deepcopy(cell)
    bold = next((b for b in work.iter("b") if render(b, skip_in_cell) and not _in_small(b, work)), None)
    if bold is not None:
        slot.title = render(bold, skip_in_cell)
        slot.title_links = links_in(bold)
        _drop(bold)
    for small in list(work.iter("small")):
        text = render(small, skip_in_cell)
        if ":" in text:
            slot.alongside = text.split(":", 1)[1].strip()
            slot.alongside_links = links_in(small)
            _drop(small)
    rest = render(work, skip_in_cell)
    if bold is None:
        first, _, rest = rest.partition("\n")
        slot.title, slot.title_links = first, links_in(work)
    slot.years = " ".join(ln.strip() for ln in rest.split("\n") if ln.strip())


def _in_small(el: etree._Element, stop: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == "small":
            return True
        parent = parent.getparent()
    return False


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)
