"""The references list: entries, how often each is cited, and CS1 fields.

Desktop HTML (``ol.references`` / ``span.reference-text``), Kiwix and Parsoid
(``ol.mw-references`` / ``span.mw-reference-text``) differ only in class
names.  Citation fields come from Parsoid's template params when present
(exact), otherwise from the rendered CS1 citation text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lxml import etree

from ...document import RawReference
from .index import TreeIndex
from .parsoid import ext_attrs, plain_wikitext, template_call
from .text import classes, finish_line, render, text_content, walk

_REF_TEXT = frozenset({"reference-text", "mw-reference-text"})
_NAMED = re.compile(r"^cite_note-(.+?)-\d+$")
#: The captured date starts and ends on a non-space, so each space run is scanned once
#: (``\s+([^.]+?)\s*`` was quadratic on a long run of spaces).
_RETRIEVED = re.compile(r"Retrieved(?: on)?\s+([^.\s](?:[^.]*?[^.\s])?)\s*\.?(?:$|\.\s)", re.M)
_ARCHIVED = re.compile(r"Archived(?: from the original)? on\s+([^.\s](?:[^.]*?[^.\s])?)\s*(?:\.|$)")
_LANGUAGE = re.compile(r"\(in ([A-Z][\w-]+(?:(?: and |, )[A-Z][\w-]+)*)\)")
#: The lookahead checks the ")" first: without it "(1900 1900 ... " (unclosed) was quadratic.
_PAREN_DATE = re.compile(r"\((?=[^()]*\))([^()]*\b\d{4}\b[^()]*)\)")
_CONSULTED = re.compile(r"\((?:consulté le|abgerufen am|consultato il)\s+([^()]+)\)", re.I)
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")

#: Parsoid cite-template params -> RawReference field names.
_CITE_PARAMS: dict[str, str] = {
    "title": "title",
    "url": "url",
    "date": "date",
    "access-date": "access-date",
    "accessdate": "access-date",
    "archive-url": "archive-url",
    "archiveurl": "archive-url",
    "archive-date": "archive-date",
    "archivedate": "archive-date",
    "publisher": "publisher",
    "work": "work",
    "website": "work",
    "newspaper": "work",
    "magazine": "work",
    "journal": "work",
    "language": "language",
    "doi": "doi",
    "isbn": "isbn",
}
_AUTHOR_PARAMS = re.compile(r"^(?:last|author|first)(\d*)$")
_AUTHOR_STARTS = ("last", "author", "first")


def read_references(root: etree._Element, abouts: Mapping[str, str],
                    index: TreeIndex | None = None) -> list[RawReference]:
    """Every references-list entry, numbered as displayed (per list)."""
    refs: list[RawReference] = []
    seen: set[str] = set()
    lists = (
        root.xpath("//ol[contains(@class,'references') or contains(@class,'mw-references')]")
        if index is None else index.reference_lists
    )
    for ol in lists:
        toks = classes(ol)
        if not toks & {"references", "mw-references"}:
            continue
        group = ext_attrs(ol.getparent()).get("group") if ol.getparent() is not None else None
        group = group or ol.get("data-mw-group") or None
        start = _int(ol.get("start"), 1)
        n = start - 1
        for li in ol:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            n += 1
            ref_id = li.get("id") or f"cite_note-{n}"
            if ref_id in seen:
                continue
            seen.add(ref_id)
            refs.append(_entry(li, ref_id, n, group, abouts))
    return refs


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _entry(
    li: etree._Element, ref_id: str, number: int, group: str | None, abouts: Mapping[str, str]
) -> RawReference:
    # the entry's text element (first span/div with a reference-text class) and the
    # back-links to its citations outside it: before it, then after its subtree (not walked)
    body = None
    cite = None
    cited = 0
    found = li.iter("a", "span", "div", "cite")
    for el in found:
        tag = el.tag
        if tag == "a":
            href = el.get("href")
            if href and "#cite_ref" in href:
                cited += 1
        elif tag != "cite":
            value = el.get("class")
            if value and "reference-text" in value and not _REF_TEXT.isdisjoint(value.split()):
                body = el
                if tag == "span" and _is_citation(value):
                    cite = body
                break
    if body is not None:
        if cite is None:
            cite = _citation_after(found, body)
        after = body
        while after is not li:
            for sibling in after.itersiblings():
                cited += _back_links(sibling)
            parent = after.getparent()
            if parent is None:
                break
            after = parent
        container = body
    else:
        container = li
        cite = _citation(li)
    out: list[str] = []
    span = walk(container, out, mark=cite)
    text = finish_line(out)
    # the citation's own text, when needed: its part of the entry's walk, unless the walk skipped it
    cite_out = out[span[0]:span[1]] if span else None
    m = _NAMED.match(ref_id)
    name = m.group(1) if m and not m.group(1).isdigit() else None
    fields = _fields(container, cite, text, cite_out, abouts)
    return RawReference(
        id=ref_id,
        text=text,
        number=number,
        cited=max(cited, 1),
        name=name,
        group=group,
        fields=fields,
    )


def _citation_after(found: Iterator[etree._Element], body: etree._Element) -> etree._Element | None:
    """:func:`_citation` of ``body``, read on from ``found``, the iteration that just yielded ``body``.

    ``body``'s descendants come next in document order, so the first ``cite``
    or ``span`` with class token ``citation`` from there on is ``body``'s
    first when it lies inside ``body``; when it does not, ``body`` holds none.
    """
    for el in found:
        tag = el.tag
        if tag == "cite" or tag == "span":
            if _is_citation(el.get("class")):
                parent = el.getparent()
                while parent is not None and parent is not body:
                    parent = parent.getparent()
                return el if parent is body else None
    return None


def _back_links(el: etree._Element) -> int:
    """Links to a citation (``#cite_ref``) in ``el`` and under it."""
    return sum(1 for a in el.iter("a") if "#cite_ref" in (a.get("href") or ""))


def _citation(container: etree._Element) -> etree._Element | None:
    """The entry's first ``cite`` / ``span`` with class token ``citation``."""
    for el in container.iter("cite", "span"):
        if _is_citation(el.get("class")):
            return el
    return None


def _is_citation(value: str | None) -> bool:
    """A class attribute with the token ``citation`` (the substring test first: most have none)."""
    return value is not None and "citation" in value and "citation" in value.split()


def _rendered(el: etree._Element) -> list[str]:
    out: list[str] = []
    walk(el, out)
    return out


def _fields(body: etree._Element, cite: etree._Element | None, text: str, cite_out: list[str] | None,
            abouts: Mapping[str, str]) -> dict[str, str]:
    """CS1 fields of an entry: ``text`` is its flattened text, ``cite_out`` the citation's walk output."""
    fields: dict[str, str] = {}
    if cite is not None:
        call = template_call(cite, abouts)
        if call is not None and call.name.lower().startswith(("cite", "citation")):
            fields = _from_params(call.name, call.params)
        if not fields:
            raw = cite_out if cite_out is not None else _rendered(cite)
            fields = _from_rendered(cite, finish_line(raw))
    else:
        fields = _from_rendered(body, text, linked=True)
    lang = _LANGUAGE.search(text) if "(in " in text else None
    if lang and "language" not in fields:
        fields["language"] = lang.group(1)
    return fields


def _from_params(name: str, params: dict[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {"template": " ".join(name.lower().replace("_", " ").split())}
    authors: list[tuple[str, str, str]] = []
    for key, wt in params.items():
        # a value is made plain only for the params kept (most of a citation's are not)
        target = _CITE_PARAMS.get(key)
        if target and target not in fields:
            value = plain_wikitext(wt)
            if value:
                fields[target] = value
            continue
        m = _AUTHOR_PARAMS.match(key) if key.startswith(_AUTHOR_STARTS) else None
        if m:
            value = plain_wikitext(wt)
            if value:
                authors.append((m.group(1) or "1", key, value))
    if authors:
        by_n: dict[str, dict[str, str]] = {}
        for n, key, value in authors:
            slot = by_n.setdefault(n, {})
            slot["first" if key.startswith("first") else "last"] = value
        names = []
        for n in sorted(by_n, key=lambda s: int(s) if s.isdigit() else 0):
            slot = by_n[n]
            names.append(" ".join(p for p in (slot.get("first"), slot.get("last")) if p))
        fields["authors"] = "; ".join(names)
    return fields


#: CS1 citation kinds, in the order a citation's class tokens are asked for them.
_KINDS = ("web", "news", "book", "journal", "magazine")


def _from_rendered(cite: etree._Element, rendered: str | None = None, linked: bool = False) -> dict[str, str]:
    """CS1 fields read back from rendered citation text (desktop, Kiwix).

    ``rendered``: the citation's text when the caller already has it.
    One pass over the citation's links and italics finds its external links
    (class token ``external``, with a target) and its first ``<i>`` (the work).
    ``linked``: no fields at all unless an ``<a>`` under ``cite`` (not ``cite`` itself) has an ``href``.
    """
    fields: dict[str, str] = {}
    text = rendered if rendered is not None else " ".join(render(cite).split())
    value = cite.get("class")
    toks = value.split() if value and "citation" in value else ()
    if "citation" in toks:
        kind = next((t for t in _KINDS if t in toks), None)
        fields["template"] = f"cite {kind}" if kind else "citation"
    externals: list[etree._Element] = []
    work = None
    unlinked = linked
    for el in cite.iter("a", "i"):
        if el.tag == "a":
            href = el.get("href")
            if href is not None and unlinked and el is not cite:
                unlinked = False
            if href:
                value = el.get("class")
                if value and "external" in value and "external" in value.split():
                    externals.append(el)
        elif work is None:
            work = el
    if unlinked:
        return {}
    # each link's text is read once: the archive link is the first saying "Archived", the title link
    # the first other one (the first link, unless that is the archive link)
    texts = [text_content(a) for a in externals[:1]]
    archive_link = None
    if texts and texts[0].strip() == "Archived":
        archive_link = externals[0]
    else:
        for a in externals[1:]:
            if text_content(a).strip() == "Archived":
                archive_link = a
                break
    if archive_link is not None:
        fields["archive-url"] = archive_link.get("href", "")
    title_link = next((a for a in externals if a is not archive_link), None)
    if title_link is not None:
        fields["url"] = title_link.get("href", "")
        title_text = texts[0] if title_link is externals[0] else text_content(title_link)
        link_text = " ".join(title_text.split()).strip("\"“”")
        if link_text:
            fields["title"] = link_text
    if "title" not in fields:
        quoted = _QUOTED.search(text) if '"' in text or "“" in text else None
        if quoted:
            fields["title"] = quoted.group(1)
    # each pattern only where its literal is (a substring test costs a tenth of a regex call)
    paren = "(" in text
    access = _RETRIEVED.search(text) if "Retrieved" in text else None
    if access:
        fields["access-date"] = access.group(1).strip()
    if "access-date" not in fields:
        consulted = _CONSULTED.search(text) if paren else None
        if consulted:
            fields["access-date"] = consulted.group(1).strip()
    archived = _ARCHIVED.search(text) if "Archived" in text else None
    if archived:
        fields["archive-date"] = archived.group(1).strip()
    date = _PAREN_DATE.search(text) if paren else None
    if date and not _LANGUAGE.fullmatch(date.group(0)) and not _CONSULTED.fullmatch(date.group(0)):
        fields["date"] = date.group(1).strip()
    if work is not None:
        value = " ".join(text_content(work).split())
        if value and value != fields.get("title"):
            fields["work"] = value
    return fields
