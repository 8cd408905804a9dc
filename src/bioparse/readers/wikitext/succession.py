"""Succession boxes (``{{s-start}}`` ... ``{{s-end}}``, ``{{succession box}}``).

Each box becomes one :class:`Infobox` of kind ``succession_box``.  The layout
(:func:`slots_to_box`) is shared with the HTML reader
(:mod:`bioparse.readers.html.succession`) so both formats hand the extractor
the same rows: per heading template (``{{s-off}}``, ``{{s-prec}}`` ...) a
``section`` header row; per ``{{s-ttl}}`` an ``office`` header row, then
``term``, ``serving_with`` (``alongside=``), ``predecessor`` and ``successor``
rows.  Predecessor and successor values are what the box shows: the name, an
``as ...`` note on its own line, or the placeholder a template prints
("New office", "Vacant", "None").  ``rows=`` spans are honoured: one
``{{s-bef}}`` or ``{{s-aft}}`` may serve several titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import lang
from ...model import Infobox, InfoboxRow
from . import scan
from .render import Ctx



def _succession_data() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str],
                                 dict[str, tuple[str, ...]]]:
    """Template names of succession boxes, from every language's ``templates.json`` (``succession``)."""
    start: set[str] = set()
    end: set[str] = set()
    parts: set[str] = set()
    aliases: dict[str, str] = {}
    box_params: dict[str, list[str]] = {}
    for data in lang.table("templates").values():
        spec = data.get("succession", {})
        start.update(scan.normalize_name(n) for n in spec.get("start", ()))
        end.update(scan.normalize_name(n) for n in spec.get("end", ()))
        parts.update(scan.normalize_name(n) for n in spec.get("parts", ()))
        for alias, part in spec.get("aliases", {}).items():
            aliases.setdefault(scan.normalize_name(alias), part)
        for field_name, names in spec.get("box_params", {}).items():
            known = box_params.setdefault(field_name, [])
            known.extend(n for n in names if n not in known)
    return (frozenset(start), frozenset(end), frozenset(parts), aliases,
            {k: tuple(v) for k, v in box_params.items()})


#: Box templates by role; another language's names reach these through ``ALIASES``.
START, END, PARTS, ALIASES, _BOX_PARAMS = _succession_data()
BEFORE = frozenset({"s-bef"})
TITLE = frozenset({"s-ttl"})
AFTER = frozenset({"s-aft"})
#: Heading templates -> the heading they print (language data, ``offices.json``).
HEADERS: dict[str, str] = lang.merged_map("offices", "succession_headers")
_HEADER_KEYS = frozenset(k.split("|", 1)[0] for k in HEADERS)


@dataclass
class Slot:
    """One title of a box, or (``section`` set) one heading row."""

    title: str = ""
    title_links: list[str] = field(default_factory=list)
    years: str = ""
    before: str = ""
    before_links: list[str] = field(default_factory=list)
    after: str = ""
    after_links: list[str] = field(default_factory=list)
    alongside: str = ""
    alongside_links: list[str] = field(default_factory=list)
    incumbent: bool = False
    has_after: bool = False
    section: str | None = None


def is_succession(key: str) -> bool:
    """Template keys that belong to succession boxes."""
    return key in START or key in END or key in PARTS or key in ALIASES or key in _HEADER_KEYS


_WRAPPED = re.compile(r"\{\{\s*[Ss]-(?:start|bef|ttl)\b")


def nested_parts(page: str, a: int, b: int, depth: int = 0) -> list[scan.Template]:
    """Succession templates inside a wrapper (``{{Navboxes|list1={{s-start}}...}}``), in order."""
    if depth > 3 or not _WRAPPED.search(page, a + 2, b):
        return []
    found: list[scan.Template] = []
    for x, y in scan.template_spans(page, a + 2, b - 2):
        key = scan.normalize_name(page[x + 2 : y - 2].split("|", 1)[0])
        if is_succession(key):
            found.append(scan.parse_template(page, x, y))
        else:
            found.extend(nested_parts(page, x, y, depth + 1))
    return found


def _header_text(t: scan.Template, ctx: Ctx) -> str:
    first = (t.positional() or [""])[0]
    text = HEADERS.get(f"{t.key}|{first.lower()}") if first else None
    if text is None:
        text = HEADERS.get(t.key, "")
    if not text and first and t.key == "s-other":
        text = _text(first, ctx)[0]
    return text or t.key


def read_boxes(tpls: list[scan.Template], ctx: Ctx) -> list[tuple[int, Infobox]]:
    """(page position, box) for every succession box among page-order templates."""
    boxes: list[tuple[int, Infobox]] = []
    slots: list[Slot] = []
    before: tuple[str, list[str], int] | None = None
    after: tuple[str, list[str], bool, int] | None = None
    start_pos = -1
    prev = ""

    def flush() -> None:
        nonlocal slots, before, after
        if any(s.section is None for s in slots):
            boxes.append((start_pos, slots_to_box(slots)))
        slots = []
        before = after = None

    for t in tpls:
        key = ALIASES.get(t.key, t.key)
        if key in START:
            flush()
            start_pos = t.start
            continue
        if key in END:
            flush()
            start_pos = -1
            continue
        if key not in PARTS and key not in _HEADER_KEYS:
            continue
        if start_pos < 0:
            start_pos = t.start
        if key in _HEADER_KEYS and key not in PARTS:
            slots.append(Slot(section=_header_text(t, ctx)))
            before = None
            prev = key
            continue
        if key == "s-break":
            continue
        rows = _rows(t)
        after_ttl = prev in TITLE
        prev = key
        if key in BEFORE or key == "s-new" or key in ("s-non", "s-vac") and not after_ttl:
            if key in BEFORE:
                text, links = _text(t.get("before", "1") or "", ctx)
                text = _with_as(text, t, ctx, links)
            else:
                text, links = _placeholder(t, key, ctx)
            before = (text, links, rows)
        elif key in TITLE:
            slot = Slot()
            slot.title, slot.title_links = _text(t.get("title", "1") or "", ctx)
            slot.years = ctx.render(t.get("years", "2") or "").replace("\n", " ")
            slot.alongside, slot.alongside_links = _text(t.get("alongside", "with") or "", ctx)
            if before is not None and before[2] > 0:
                slot.before, slot.before_links = before[0], before[1]
                before = (before[0], before[1], before[2] - 1)
            if after is not None and after[3] > 0:
                # an earlier {{s-aft|rows=N}} spans the titles that follow it too
                slot.has_after, slot.after, slot.after_links, slot.incumbent = True, after[0], after[1], after[2]
                after = (after[0], after[1], after[2], after[3] - 1)
            slots.append(slot)
        elif key in AFTER or key in ("s-inc", "s-vac", "s-non"):
            if key in AFTER:
                text, links = _text(t.get("after", "1") or "", ctx)
                text = _with_as(text, t, ctx, links)
            else:
                text, links = _placeholder(t, key, ctx)
            open_slots = [s for s in slots if s.section is None and not s.has_after]
            incumbent = key == "s-inc" or text.lower().startswith("incumbent")
            served = open_slots[-rows:] if open_slots else []
            for slot in served:
                slot.has_after = True
                slot.after, slot.after_links = text, links
                slot.incumbent = incumbent
            after = (text, links, incumbent, rows - max(len(served), 1)) if rows > len(served) else None
        elif key in ("succession box", "incumbent succession box"):
            slot = Slot(has_after=True)
            slot.title, slot.title_links = _text(t.get(*_BOX_PARAMS["title"]) or "", ctx)
            slot.years = ctx.render(t.get(*_BOX_PARAMS["years"]) or "").replace("\n", " ")
            slot.before, slot.before_links = _text(t.get(*_BOX_PARAMS["before"]) or "", ctx)
            slot.after, slot.after_links = _text(t.get(*_BOX_PARAMS["after"]) or "", ctx)
            slot.incumbent = key.startswith("incumbent") or slot.after.lower().startswith("incumbent")
            slots.append(slot)
    flush()
    return boxes


def _placeholder(t: scan.Template, key: str, ctx: Ctx) -> tuple[str, list[str]]:
    """What ``{{s-new}}``, ``{{s-non}}``, ``{{s-vac}}`` and ``{{s-inc}}`` print."""
    reason, links = _text(t.get("reason") or "", ctx)
    first = next((p for p in t.positional() if p), "")
    if key == "s-new":
        return reason or f"New {first or 'title'}", links
    if key == "s-non":
        return reason or "None", links
    if key == "s-inc":
        return "Incumbent", []
    last, last_links = _text(t.get("last", "next") or "", ctx)
    text = "Vacant"
    if last:
        text += f"\nTitle last held by\n{last}"
    return text, last_links


def _with_as(text: str, t: scan.Template, ctx: Ctx, links: list[str]) -> str:
    """The name then the ``as=`` note on its own line, as the box prints it."""
    note, note_links = _text(t.get("as") or "", ctx)
    if not note:
        return text
    links.extend(link for link in note_links if link not in links)
    return f"{text}\nas {note}" if text else f"as {note}"


def _rows(t: scan.Template) -> int:
    raw = (t.get("rows") or "1").strip()
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100 else 1


def _text(raw: str, ctx: Ctx) -> tuple[str, list[str]]:
    ctx.links = []
    text = ctx.render(raw)
    links = ctx.links
    ctx.links = []
    return text, links


def slots_to_box(slots: list[Slot]) -> Infobox:
    """The rows every reader gives a succession box (see the module docstring)."""
    rows: list[InfoboxRow] = []
    for slot in slots:
        if slot.section is not None:
            rows.append(InfoboxRow(label="section", value=slot.section, key="section", header=True))
            continue
        rows.append(InfoboxRow(label="title", value=slot.title, key="office", header=True,
                               links=slot.title_links))
        term = slot.years
        if slot.incumbent and not term:
            term = "Incumbent"
        elif slot.incumbent and not any(d in term for d in "–-—") and "present" not in term.lower():
            term = f"{term}–present"
        if term:
            rows.append(InfoboxRow(label="years", value=term, key="term"))
        if slot.alongside:
            rows.append(InfoboxRow(label="Served alongside", value=slot.alongside, key="serving_with",
                                   links=slot.alongside_links))
        if slot.before:
            rows.append(InfoboxRow(label="before", value=slot.before, key="predecessor",
                                   links=slot.before_links))
        if slot.after and not slot.incumbent:
            rows.append(InfoboxRow(label="after", value=slot.after, key="successor",
                                   links=slot.after_links))
    return Infobox(name="succession box", rows=rows, kind="succession_box")
