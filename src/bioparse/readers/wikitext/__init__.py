"""The wikitext reader: raw page source (dumps, the API) -> :class:`Document`.

The page is never parsed as a whole tree.  Comments and extension tags are cut
first (:mod:`.scan`), the outermost templates are located by a linear brace
matcher, and only the few that matter (infoboxes, succession boxes,
Personendaten, {{Bio}}, footnotes) have their parameters split; sections are
sliced at heading lines and rendered by the regex renderer (:mod:`.render`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from typing import Any

from ...document import Document, RawSection
from ...fields import wants
from ...model import Infobox, InfoboxRow
from . import infobox, refs, scan, succession
from .render import Ctx, categories, finish
from .params import RECORD_TEMPLATES
from .templates import english_months, install, looks_like_date

__all__ = ["read_wikitext"]

_REDIRECT = re.compile(
    r"^\s*#\s*(?:redirect|weiterleitung|redirection|redirección|redireccion|rinvia|"
    r"doorverwijzing|aanstuur|przekieruj|перенаправление|перенаправлення|yönlendirme|"
    r"omdirigering|uudelleenohjaus|ohjaus|átirányítás|přesměruj|redirecionamento|"
    r"تحويل|הפניה|転送|重定向|넘겨주기|ανακατευθυνση|redirectare|alidirektu)\s*:?\s*"
    r"\[\[([^\[\]|\n]+)(?:\|[^\[\]\n]*)?\]\]",
    re.I,
)
#: The title keeps its spaces (the renderer strips them): ``[ \t]*`` on both sides of a
#: lazy group made a line of spaces backtrack cubically.
_HEADING = re.compile(r"^(={1,6})([^\n]+?)\1[ \t]*$", re.M)
_NAME = re.compile(r"\{\{\s*([^{}|\n]{0,200})")
_TABLE = re.compile(r"^[ \t:]*(\{\||\|\})", re.M)
DISAMBIGUATION = frozenset({
    "disambiguation", "disambig", "dab", "disamb", "hndis", "geodis", "numberdis", "letter-numbercombdisambig",
    "mil-unit-dis", "hospitaldis", "schooldis", "shipindex", "surname", "given name",
    "begriffsklärung", "homonymie", "desambiguación", "desambiguacion", "desambiguação", "disambigua",
    "dp", "doorverwijspagina", "dubbelsinnig", "ujednoznacznienie", "неоднозначность",
    "многозначность", "täsmennyssivu", "förgreningssida", "anlam ayrımı", "rozcestník",
    "egyért", "pagină de dezambiguizare", "aimai", "消歧义", "dezambiguizare", "homonimia",
    "desambig", "disambiguation page",
})
_REFLIST_KEYS = refs.REFLIST


def read_wikitext(text: object, title: str | None = None, *, sections: bool = True,
                  references: bool = True) -> Document:
    """Read one page's wikitext; never raises on content, problems become warnings.

    ``sections=False`` renders only the lead (what person extraction reads) and
    ``references=False`` skips footnotes and cite templates altogether: the two
    most expensive parts of the page, which a person-only user never sees.
    """
    doc = Document(source_format="wikitext", title=title)
    if not isinstance(text, str):
        doc.warnings.append(f"wikitext reader got {type(text).__name__}, not text")
        return doc
    try:
        _read(text, doc, sections, references)
    except RecursionError:
        doc.warnings.append("wikitext too deeply nested; page partly read")
    return doc


def _read(text: str, doc: Document, want_sections: bool = True, want_refs: bool = True) -> None:
    if "\x7f" in text:
        text = text.replace("\x7f", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = scan.strip_comments(text)
    if not text.strip():
        doc.warnings.append("empty page")
        return
    redirect = _REDIRECT.match(text)
    if redirect:
        doc.is_redirect = True
        doc.redirect_target = redirect.group(1).strip().replace("_", " ")
    masked = scan.mask_tags(text)
    page = masked.text
    ctx = install(Ctx(tags=masked.tags))
    ctx.warnings = doc.warnings
    spans = scan.template_spans(page)
    starts = [a for a, _ in spans]

    boxes: list[tuple[int, list[Infobox]]] = []
    succession_tpls: list[scan.Template] = []
    def_ranges: list[tuple[int, int]] = []
    keys: list[str] = []  # each span's template key, for the section text
    for a, b in spans:
        m = _NAME.match(page, a)
        key = scan.normalize_name(m.group(1)) if m else ""
        keys.append(key)
        if not key:
            continue
        kind = _KINDS.get(key)
        if kind is None:
            kind = _kind(key)
        if kind == "record":
            record = _record(scan.parse_template(page, a, b), RECORD_TEMPLATES[key], ctx, doc)
            if record is not None:
                boxes.append((a, [record]))
        elif kind == "infobox":
            boxes.append((a, infobox.read_infobox(scan.parse_template(page, a, b), ctx)))
        elif kind == "succession":
            succession_tpls.append(scan.parse_template(page, a, b))
        elif kind == "disambiguation":
            doc.is_disambiguation = True
        elif kind == "reflist" and "refs" in page[a:b]:
            def_ranges.append((a, b))
        elif page.find("{{", a + 2, b - 2) >= 0:  # a wrapper ({{Navboxes|list1={{s-start}}...}})
            succession_tpls.extend(succession.nested_parts(page, a, b))
    for pos, box in succession.read_boxes(succession_tpls, ctx):
        boxes.append((pos, [box]))
    boxes.sort(key=lambda item: item[0])
    for _pos, group in boxes:
        doc.infoboxes.extend(group)

    cited_at: list[tuple[int, str]] = []
    if want_refs:
        ctx.keep_links = False  # links inside references are not kept
        uses = refs.collect_uses(page, masked.tags, def_ranges, masked.ref_marks)
        biblio = refs.bibliography(page, spans, ctx) if any(u.kind == "sfn" for u in uses) else {}
        doc.references, cited_at = refs.build_references(uses, ctx, biblio, doc.warnings)
        ctx.keep_links = True
    doc.categories = list(dict.fromkeys(categories(page)))

    headings = [h for h in _headings(page) if not _inside(h.start(), spans, starts)]
    if not want_sections:
        # The lead alone: the text before the first heading, as the full path gives it.
        end = headings[0].start() if headings else len(page)
        ctx.links = []
        seen = len(ctx.shown_links)
        body = _section_text(page, 0, end, spans, starts, ctx, keys)
        if body or not headings:
            doc.sections.append(RawSection(title="", level=0, text=body, links=ctx.shown_links[seen:]))
        ctx.links = []
        return
    bounds: list[tuple[str, int, int, int]] = []
    prev_end, prev_title, prev_level = 0, "", 0
    ctx.keep_links = False  # only the lead's links are kept (RawSection.links)
    for h in headings:
        bounds.append((prev_title, prev_level, prev_end, h.start()))
        prev_title = finish(ctx.expand(h.group(2)), ctx)
        prev_level = len(h.group(1))
        prev_end = h.end()
    bounds.append((prev_title, prev_level, prev_end, len(page)))
    cite_pos = [p for p, _ in cited_at]
    for title, level, a, b in bounds:
        ctx.links = []
        ctx.keep_links = level == 0
        seen = len(ctx.shown_links)
        body = _section_text(page, a, b, spans, starts, ctx, keys)
        lo, hi = bisect.bisect_left(cite_pos, a), bisect.bisect_left(cite_pos, b)
        ids = list(dict.fromkeys(ref_id for _p, ref_id in cited_at[lo:hi]))
        if level == 0 and not body and not ids and headings:
            continue
        links = ctx.shown_links[seen:] if level == 0 else []
        doc.sections.append(RawSection(title=title, level=level, text=body, ref_ids=ids, links=links))
    ctx.links = []
    ctx.keep_links = True


def _headings(page: str) -> list[re.Match[str]]:
    """``_HEADING.finditer(page)``, tried only at the lines that start with "=" (found by
    ``str.find``, where the ``^`` of a multi-line pattern has the engine try every position)."""
    found: list[re.Match[str]] = []
    start = 0 if page.startswith("=") else _next_line_with(page, "=", 0)
    while start >= 0:
        m = _HEADING.match(page, start)
        if m:
            found.append(m)
        start = _next_line_with(page, "=", start)
    return found


def _next_line_with(page: str, first: str, pos: int) -> int:
    """Start of the first line after ``pos`` that begins with ``first``, -1 when none."""
    nl = page.find("\n" + first, pos)
    return nl + 1 if nl >= 0 else -1


#: Template key -> what the page loop does with it (see ``_kind``); template names repeat
#: from page to page, the bound keeps pages of invented names from growing it.
_KINDS: dict[str, str] = {}
_KINDS_MAX = 20_000


def _kind(key: str) -> str:
    """ "record", "infobox", "succession", "disambiguation", "reflist" or "" for a template key."""
    if key in RECORD_TEMPLATES:
        kind = "record"
    elif infobox.is_infobox(key):
        kind = "infobox"
    elif succession.is_succession(key):
        kind = "succession"
    elif key in DISAMBIGUATION or key.endswith((" disambiguation", "-dis", " dab")):
        kind = "disambiguation"
    elif key in _REFLIST_KEYS:
        kind = "reflist"
    else:
        kind = ""
    if len(_KINDS) < _KINDS_MAX:
        _KINDS[key] = kind
    return kind


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _section_text(page: str, a: int, b: int, spans: list[tuple[int, int]], starts: list[int],
                  ctx: Ctx, keys: list[str] | None = None) -> str:
    """Plain text of ``page[a:b]``: inline templates rendered, the rest dropped."""
    lo = bisect.bisect_left(starts, a)
    hi = bisect.bisect_left(starts, b)
    out: list[str] = []
    pos = a
    handlers = ctx.handlers
    prefixes = tuple(p for p, _h in ctx.prefix_handlers)
    for i in range(lo, hi):
        s, e = spans[i]
        out.append(page[pos:s])
        if keys is not None:
            key = keys[i]  # the page loop's key for this span
        else:
            m = _NAME.match(page, s)
            key = scan.normalize_name(m.group(1)) if m else ""
        if key in handlers or key.startswith(prefixes) or looks_like_date(key):
            out.append(ctx.call(scan.parse_template(page, s, e)))
        pos = max(pos, e)
    out.append(page[pos:b])
    body = "".join(out)
    if "{|" in body:
        body = _strip_tables(body)
    return finish(body, ctx, value=False)


def _strip_tables(text: str) -> str:
    """Drop wiki tables ``{| ... |}`` (nested ones included)."""
    out: list[str] = []
    depth = 0
    pos = 0
    for m in _TABLE.finditer(text):
        if m.group(1) == "{|":
            if depth == 0:
                out.append(text[pos:m.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                pos = m.end()
    if depth == 0:
        out.append(text[pos:])
    return "".join(out)


def _record(t: scan.Template, spec: dict[str, Any], ctx: Ctx, doc: Document) -> Infobox | None:
    """A person record template (it {{Bio}}, de {{Personendaten}}; fields from ``templates.json``):
    its fields become person hints; a record shown as a box also gives an infobox with every
    parameter as a row and the joined fields (name, dates) after them."""
    fields: dict[str, list[str]] = spec.get("fields", {})
    box = Infobox(name=t.name.strip(), rows=[]) if spec.get("infobox") else None
    if box is not None:
        single = {names[0]: key for key, names in fields.items() if len(names) == 1}
        for pname, raw in t.params:
            ctx.links = []
            value = ctx.render(raw)
            if value:
                box.rows.append(InfoboxRow(label=pname.strip(), value=value, key=single.get(pname.strip()),
                                           links=ctx.links))
        ctx.links = []

    def get(name: str) -> str:
        raw = t.get(name)
        return ctx.render(raw).replace("\n", " ").strip() if raw else ""

    for key, names in fields.items():
        value = " ".join(p for p in (get(n) for n in names) if p)
        if not value:
            continue
        if key == "name" and spec.get("name_order") == "last, first" and value.count(",") == 1:
            last, first = (p.strip() for p in value.split(","))
            value = f"{first} {last}".strip()
        elif key.endswith("_date"):
            value = english_months(value)
        if box is not None and len(names) > 1:
            box.rows.append(InfoboxRow(label=key, value=value, key=key))
        doc.person_hints.setdefault(key, value)
    return box
