"""Succession boxes (``{{s-start}}`` ... ``{{s-end}}``, ``{{succession box}}``).

Each box becomes one :class:`Infobox` of kind ``succession_box`` holding, per
``{{s-ttl}}``, an office header row then ``term``, ``predecessor`` and
``successor`` rows.  ``rows=`` spans are honoured: one ``{{s-bef}}`` or
``{{s-aft}}`` may serve several titles.
"""

from __future__ import annotations

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


START, END, PARTS, ALIASES, _BOX_PARAMS = _succession_data()


@dataclass
class _Slot:
    title: str = ""
    title_links: list[str] = field(default_factory=list)
    years: str = ""
    before: str = ""
    before_links: list[str] = field(default_factory=list)
    after: str = ""
    after_links: list[str] = field(default_factory=list)
    incumbent: bool = False
    has_after: bool = False


def is_succession(key: str) -> bool:
    """Template keys that belong to succession boxes."""
    return key in START or key in END or key in PARTS or key in ALIASES


def read_boxes(tpls: list[scan.Template], ctx: Ctx) -> list[tuple[int, Infobox]]:
    """(page position, box) for every succession box among page-order templates."""
    boxes: list[tuple[int, Infobox]] = []
    slots: list[_Slot] = []
    before: tuple[str, list[str], int] | None = None
    start_pos = -1
    prev = ""

    def flush() -> None:
        nonlocal slots, before
        if slots:
            boxes.append((start_pos, _to_box(slots)))
        slots = []
        before = None

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
        if key not in PARTS:
            continue
        if start_pos < 0:
            start_pos = t.start
        rows = _rows(t)
        after_ttl = prev == "s-ttl"
        prev = key
        if key in ("s-bef", "s-new") or key == "s-non" and not after_ttl:
            raw = t.get("before", "1") if key == "s-bef" else ""
            text, links = _text(raw or "", ctx)
            before = (text, links, rows)
        elif key == "s-ttl":
            slot = _Slot()
            slot.title, slot.title_links = _text(t.get("title", "1") or "", ctx)
            slot.years = ctx.render(t.get("years", "2") or "").replace("\n", " ")
            if before is not None and before[2] > 0:
                slot.before, slot.before_links = before[0], before[1]
                before = (before[0], before[1], before[2] - 1)
            slots.append(slot)
        elif key in ("s-aft", "s-inc", "s-vac", "s-non"):
            text, links = _text(t.get("after", "1") or "", ctx) if key == "s-aft" else ("", [])
            open_slots = [s for s in slots if not s.has_after]
            for slot in open_slots[-rows:] if open_slots else []:
                slot.has_after = True
                slot.after, slot.after_links = text, links
                slot.incumbent = key == "s-inc" or text.lower().startswith("incumbent")
        elif key == "succession box":
            slot = _Slot(has_after=True)
            slot.title, slot.title_links = _text(t.get(*_BOX_PARAMS["title"]) or "", ctx)
            slot.years = ctx.render(t.get(*_BOX_PARAMS["years"]) or "").replace("\n", " ")
            slot.before, slot.before_links = _text(t.get(*_BOX_PARAMS["before"]) or "", ctx)
            slot.after, slot.after_links = _text(t.get(*_BOX_PARAMS["after"]) or "", ctx)
            slot.incumbent = slot.after.lower().startswith("incumbent")
            slots.append(slot)
    flush()
    return boxes


def _rows(t: scan.Template) -> int:
    raw = (t.get("rows") or "1").strip()
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100 else 1


def _text(raw: str, ctx: Ctx) -> tuple[str, list[str]]:
    ctx.links = []
    text = ctx.render(raw)
    links = ctx.links
    ctx.links = []
    return text, links


def _to_box(slots: list[_Slot]) -> Infobox:
    rows: list[InfoboxRow] = []
    for slot in slots:
        rows.append(InfoboxRow(label="title", value=slot.title, key="office", header=True,
                               links=slot.title_links))
        term = slot.years
        if slot.incumbent and not term:
            term = "Incumbent"
        elif slot.incumbent and not any(d in term for d in "–-—") and "present" not in term.lower():
            term = f"{term}–present"
        if term:
            rows.append(InfoboxRow(label="years", value=term, key="term"))
        if slot.before:
            rows.append(InfoboxRow(label="before", value=slot.before, key="predecessor",
                                   links=slot.before_links))
        if slot.after and not slot.incumbent:
            rows.append(InfoboxRow(label="after", value=slot.after, key="successor",
                                   links=slot.after_links))
    return Infobox(name="succession box", rows=rows, kind="succession_box")
