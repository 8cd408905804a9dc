"""Infobox templates -> :class:`Infobox` rows with canonical keys.

Office parameters are grouped into slots (``office``, ``office2`` ...
``officeN``, no upper bound; unnumbered parameters are their own slot
before slot 1, as Template:Infobox officeholder draws them) and emitted as
one block per slot: the header row (key ``office``) then ordinal, term,
people served with, predecessor, successor, constituency, acting.  Other
parameters keep their source order after the office blocks.
"""

from __future__ import annotations

import re

from ...model import Infobox, InfoboxRow
from . import params, scan
from .render import Ctx

_ORDINAL_PREFIX = re.compile(r"^(\d{1,4}(?:st|nd|rd|th|er|e|º|°|\.))\s+(?=\S)", re.I)
_BARE_ORDINAL = re.compile(r"^\s*\d{1,4}(?:st|nd|rd|th|er|e|º|°|\.)?\s*$", re.I)
#: Acting-holder words before a title ("Acting X", "и. о. X"; ``acting_prefixes`` of templates.json).
#: Only prefixes: a suffix ("X interino") would need the title's grammar.
_ACTING = re.compile(r"^(" + "|".join(re.escape(w) for w in params.ACTING_PREFIXES) + r")(?!\w)", re.I)
_KEY_ORDER = {"ordinal": 0, "term_start": 1, "term_end": 2, "term": 3, "serving_with": 4,
              "predecessor": 5, "successor": 6, "constituency": 7, "acting": 8}


def is_infobox(key: str) -> bool:
    """True for a template key that is an infobox in some language (names: ``templates.json``)."""
    return params.is_infobox_name(key)


def read_infobox(t: scan.Template, ctx: Ctx) -> list[Infobox]:
    """The infobox ``t`` and, after it, the infoboxes embedded in its values."""
    box = Infobox(name=t.name.replace("_", " ").strip(), rows=[])
    embedded: list[Infobox] = []
    person_rows: list[InfoboxRow] = []
    slots: dict[int, list[tuple[str, str, str, list[str]]]] = {}
    generic: dict[str, dict[str, tuple[str, list[str]]]] = {}
    work = list(t.params)
    i = 0
    while i < len(work):
        name, raw = work[i]
        i += 1
        if not name or name.isdigit() or params.param_key(name) in ("embed", "child", "subbox"):
            continue
        if "{{" in raw:
            merged: list[tuple[str, str]] = []
            raw = _cut_embedded(raw, ctx, embedded, t.key, merged)
            work[i:i] = merged
        ctx.links = []
        value = ctx.render(raw)
        links = ctx.links
        ctx.links = []
        if not value:
            continue
        gm = _GENERIC.match(params.param_key(name))
        if gm:
            generic.setdefault(gm.group(2), {})[gm.group(1)] = (value, links)
            continue
        slot = params.slot_of(name)
        if slot is not None:
            slots.setdefault(slot[1], []).append((slot[0], name.strip(), value, links))
            continue
        key = params.PERSON_PARAMS.get(params.param_key(name))
        person_rows.append(InfoboxRow(label=name.strip(), value=value, key=key, links=links))
    family = params.param_key(t.key)
    if t.key in params.NO_OFFICE_INFOBOXES:
        # a sportsperson's "inicio"/"start" is a debut, not a term of office
        for num in sorted(slots):
            person_rows.extend(InfoboxRow(label=label, value=value, key=None, links=links)
                               for _base, label, value, links in slots[num])
        slots = {}
    office_rows, leftovers = _office_blocks(slots, family)
    box.rows = office_rows + person_rows + leftovers + _generic_rows(generic)
    return [box] + embedded


_GENERIC = re.compile(r"^(header|label|data)(\d+)$")


_YEAR = re.compile(r"(?<!\d)\d{3,4}(?!\d)")


def _generic_rows(generic: dict[str, dict[str, tuple[str, list[str]]]]) -> list[InfoboxRow]:
    """Rows of a generic ``{{Infobox}}`` (headerN / labelN / dataN).

    A header without a year directly followed by a header that is only a
    period ("ASV Prezidents" then "2009 — niule") is an office and its term,
    as such boxes draw an officeholder in any language.
    """
    from ...extract.labels import label_key

    rows: list[InfoboxRow] = []
    nums = sorted(generic, key=int)
    for i, num in enumerate(nums):
        cell = generic[num]
        if "header" in cell:
            value, links = cell["header"]
            prev = rows[-1] if rows else None
            if (prev is not None and prev.header and prev.key is None and not _YEAR.search(prev.value)
                    and _is_period(value)):
                prev.key = "office"
                rows.append(InfoboxRow(label=f"header{num}", value=value, key="term", links=links))
            else:
                rows.append(InfoboxRow(label=f"header{num}", value=value, header=True, links=links))
        if "data" in cell:
            label = cell.get("label", ("", []))[0]
            value, links = cell["data"]
            rows.append(InfoboxRow(label=label or f"data{num}", value=value,
                                   key=label_key(label) if label else None, links=links))
    return rows


def _is_period(text: str) -> bool:
    """"2009 — niule", "1981—1989", "2008 – 2012": a year and few words, one line."""
    return "\n" not in text and bool(_YEAR.search(text)) and len(text.split()) <= 6


def _cut_embedded(raw: str, ctx: Ctx, out: list[Infobox], family: str,
                  merged: list[tuple[str, str]]) -> str:
    """Cut infoboxes embedded in a value; one of the parent's own template
    (``{{Infobox officeholder|embed=yes|office5=...}}``) continues the parent's
    slots, so its parameters go to ``merged``; others become boxes of their own."""
    spans = scan.template_spans(raw)
    kept: list[str] = []
    pos = 0
    for a, b in spans:
        t = scan.parse_template(raw, a, b)
        if t.key.startswith("collapsed infobox section") and "{{" in raw[a + 2:b]:
            inner = scan.parse_template(raw, a, b)
            kept.append(raw[pos:a])
            for _k, v in inner.params:
                if "{{" in v:
                    _cut_embedded(v, ctx, out, family, merged)
            pos = b
        elif is_infobox(t.key):
            kept.append(raw[pos:a])
            slot_params = [(k, v) for k, v in t.params if params.slot_of(k) is not None]
            if t.key == family and slot_params:
                merged.extend(slot_params)
                rest = [(k, v) for k, v in t.params
                        if params.slot_of(k) is None and params.param_key(k) not in ("embed", "child")]
                if any(v.strip() for _k, v in rest):
                    out.extend(read_infobox(scan.Template(t.name, t.key, rest), ctx))
            else:
                out.extend(read_infobox(t, ctx))
            pos = b
    if not kept:
        return raw
    kept.append(raw[pos:])
    return "".join(kept)


def _office_blocks(slots: dict[int, list[tuple[str, str, str, list[str]]]],
                   family: str) -> tuple[list[InfoboxRow], list[InfoboxRow]]:
    if 0 in slots and 1 in slots:
        bases0 = {b for b, *_ in slots[0]}
        bases1 = {b for b, *_ in slots[1]}
        has_header0 = any(b in params.STRONG_HEADERS for b in bases0)
        if not has_header0 and not bases0 & bases1:
            slots[1] = slots.pop(0) + slots[1]
    ordered = sorted(slots)
    for prev, num in zip(ordered, ordered[1:]):
        # an untitled block of only predecessor/successor/deputies right after
        # a titled block that lacks them is drawn under it: it is that office
        bases = {b for b, *_ in slots[num]}
        prev_bases = {b for b, *_ in slots.get(prev, [])}
        if (bases <= {"predecessor", "successor"} | set(params.SERVING_WITH)
                and bases & {"predecessor", "successor"}
                and prev_bases & set(params.HEADER_PARAMS)
                and not prev_bases & {"predecessor", "successor"}):
            slots[prev] = slots[prev] + slots.pop(num)
    rows: list[InfoboxRow] = []
    leftovers: list[InfoboxRow] = []
    for num in sorted(slots):
        block = _slot_rows(slots[num], family)
        if block is None:
            for base, label, value, links in slots[num]:
                leftovers.append(InfoboxRow(label=label, value=value,
                                            key=params.PERSON_PARAMS.get(base), links=links))
        else:
            rows.extend(block)
    return rows, leftovers


def _slot_rows(items: list[tuple[str, str, str, list[str]]], family: str) -> list[InfoboxRow] | None:
    by_base = {base: (label, value, links) for base, label, value, links in items}
    header_base = next((h for h in params.HEADER_PARAMS if h in by_base), None)
    has_terms = any(base in params.TERM_BASES for base in by_base)
    if header_base is None and not has_terms:
        return None
    if header_base is not None and header_base not in params.STRONG_HEADERS and not has_terms:
        return None
    extra: list[InfoboxRow] = []
    used: set[str] = set()
    title, label = "", "office"
    links: list[str] = []
    if header_base is not None:
        label, title, links = by_base[header_base]
        used.add(header_base)
        if header_base == "jr/sr" and "state" in by_base:
            state = by_base["state"]
            title = f"{title} from {state[1]}"
            links = links + state[2]
            used.add("state")
        elif header_base in ("state_senate", "state_house", "state_assembly", "state_delegate"):
            body = {"state_senate": "Senate", "state_house": "House of Representatives",
                    "state_assembly": "State Assembly", "state_delegate": "House of Delegates"}[header_base]
            title = f"Member of the {title} {body}"
            if "district" in by_base:
                title += f" from the {by_base['district'][1]} district"
                used.add("district")
    elif "order" in by_base and not _BARE_ORDINAL.match(by_base["order"][1]):
        # old spelling: order = "1st [[President of the United States]]"
        label, title, links = by_base["order"]
        used.add("order")
    elif "state" in by_base and "district" in by_base:
        title = (f"Member of the U.S. House of Representatives from {by_base['state'][1]}'s "
                 f"{by_base['district'][1]} district")
        links = by_base["state"][2]
        used.update({"state", "district"})
    else:
        title = _implied_office(family)
    block: list[tuple[int, InfoboxRow]] = []
    ordinal = _ORDINAL_PREFIX.match(title)
    if ordinal and ("order" not in by_base or "order" in used) and "ordinal" not in by_base:
        block.append((0, InfoboxRow(label=label, value=ordinal.group(1), key="ordinal")))
        title = title[ordinal.end():]
    acting = _ACTING.match(title)
    if acting and "acting" not in by_base:
        block.append((8, InfoboxRow(label=label, value=acting.group(1), key="acting")))
    header = InfoboxRow(label=label, value=title, key="office", header=True, links=links)
    blank_roles = {name: [v for b, _l, v, _k in items if b == name] for name in params.BLANK_PAIRS.values()}
    for base, label_, value, links_ in items:
        if base in used or base in params.BLANK_PAIRS.values():
            continue
        if base in params.BLANK_PAIRS:  # officeholder 1blankname / 1namedata: a named colleague row
            roles = blank_roles[params.BLANK_PAIRS[base]]
            role = roles.pop(0) if roles else ""
            block.append((4, InfoboxRow(label=" ".join(role.split()) or label_, value=value,
                                        key="serving_with", links=links_)))
            continue
        if base in params.SERVING_WITH:
            role = params.SERVING_WITH[base]
            block.append((4, InfoboxRow(label=role, value=value, key="serving_with", links=links_)))
            continue
        key = params.SLOT_KEYS.get(base)
        if key == "acting" and base == "status" and not _ACTING.match(value):
            key = None
        if key is None:
            extra.append(InfoboxRow(label=label_, value=value, key=None, links=links_))
            continue
        block.append((_KEY_ORDER.get(key, 9), InfoboxRow(label=label_, value=value, key=key, links=links_)))
    block.sort(key=lambda item: item[0])
    return [header] + [row for _, row in block] + extra


def _implied_office(family: str) -> str:
    return params.IMPLIED_OFFICES.get(family.replace("_", " "), "")
