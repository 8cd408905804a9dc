"""References: ``<ref>`` tags, list-defined refs, footnote templates, cite fields.

Numbering follows MediaWiki: each group (default, "lower-alpha" for
``{{efn}}``, any ``group=``) numbers its entries by first use in page order;
a named ref reused later adds to ``cited``; refs defined only inside
``<references>`` or ``{{reflist|refs=}}`` take their number from their first
use in the text.  ``{{sfn}}`` calls with the same parameters are one entry,
as MediaWiki merges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import lang
from ...document import RawReference
from . import scan
from .render import Ctx, finish

#: Footnote templates: key -> default group.
NOTE_TEMPLATES: dict[str, str] = {
    "efn": "lower-alpha", "efn-la": "lower-alpha", "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman", "efn-ur": "upper-roman", "efn-lg": "lower-greek",
    "notelist-ua": "upper-alpha", "refn": "", "ref label": "", "sfn": "", "sfnp": "",
    "sfnm": "", "harvnb inline": "", "r": "", "rp": "",
}
SFN = frozenset({"sfn", "sfnp", "sfnm"})
#: Templates that print the references list and may hold list-defined refs
#: (``{{reflist|refs=...}}``), every language's ``sections.json`` ``reflist_templates``.
REFLIST = frozenset(
    scan.normalize_name(name) for name in lang.merged("sections", "reflist_templates") if isinstance(name, str)
)

_FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "titel", "titre", "título", "titolo", "script-title", "trans-title", "chapter"),
    "url": ("url", "chapter-url", "chapterurl", "lien"),
    "date": ("date", "datum", "fecha", "data", "year", "jahr", "année", "año", "anno"),
    "access-date": ("access-date", "accessdate", "zugriff", "consulté le", "fechaacceso",
                    "fecha-acceso", "accesso", "access date"),
    "archive-url": ("archive-url", "archiveurl", "archiv-url", "urlarchivo", "archive url"),
    "archive-date": ("archive-date", "archivedate", "archiv-datum", "fechaarchivo", "archive date"),
    "publisher": ("publisher", "hrsg", "éditeur", "editorial", "editore", "verlag", "via"),
    "work": ("work", "website", "newspaper", "journal", "magazine", "periodical", "werk",
             "site", "périodique", "journal", "obra", "periódico", "sito", "pubblicazione", "encyclopedia"),
    "language": ("language", "lang", "sprache", "langue", "idioma", "lingua"),
    "doi": ("doi",),
    "isbn": ("isbn", "isbn13"),
}
_AUTHOR = re.compile(r"^(?:last|surname|author|first|given|autor|auteur|nom|prénom|apellido(?:s)?|nombre|cognome|vorname|nachname)(\d*)$")
#: First letters of the names _AUTHOR accepts.
_AUTHOR_INITIALS = frozenset("lsafgnpcv")


_URL = re.compile(r"\[?((?:https?:)?//[^\s\[\]<>\"|{}]+)")
_VERBATIM = frozenset({"url", "archive-url", "doi", "isbn", "access-date", "archive-date"})


@dataclass
class Use:
    """One place in the page that cites a reference."""

    pos: int
    group: str
    name: str | None
    content: str | None  # wikitext, None for a bare reuse
    kind: str  # "ref", "note" (efn/refn), "sfn"
    definition: bool = False
    note: scan.Template | None = None


#: Parameter name -> (position of its CS1 field in ``_FIELD_ALIASES``, preference, field, verbatim)
#: for every alias above: sorting a call's hits gives the order ``cite_fields`` tries them in.
_ALIAS_INDEX: dict[str, list[tuple[int, int, str, bool]]] = {}
for _pos, (_out, _aliases) in enumerate(_FIELD_ALIASES.items()):
    for _rank, _alias in enumerate(_aliases):
        _ALIAS_INDEX.setdefault(_alias, []).append((_pos, _rank, _out, _out in _VERBATIM))


def cite_fields(t: scan.Template, ctx: Ctx) -> dict[str, str]:
    """The cite template's fields rendered to text, under CS1 names.

    Only the aliases the call uses are looked at (a call names a handful of
    the fifty), in the same order of preference as ``_FIELD_ALIASES``.
    """
    fields: dict[str, str] = {"template": t.key}
    named = {k.strip().lower(): v for k, v in t.params if not k.isdigit()}
    hits: list[tuple[int, int, str, bool]] = []
    authors: list[tuple[str, int, str]] = []
    known = _PARAM_INFO
    for key, raw in named.items():
        aliases, author = known.get(key) or _param_info(key)
        if aliases:
            hits.extend(aliases)
        if author is not None:
            authors.append((raw, *author))
    if hits:
        hits.sort()
        done = -1
        for pos, rank, out, verbatim in hits:
            if pos == done:
                continue  # the field has its value from a preferred alias
            raw = named[_FIELD_ALIASES[out][rank]]
            if raw and raw.strip():
                text = raw.strip() if verbatim and "{{" not in raw and "<" not in raw else ctx.render(raw)
                if text:
                    fields[out] = text.replace("\n", " ")
                    done = pos
    names = _authors(named, authors, ctx)
    if names:
        fields["authors"] = "; ".join(names)
    return fields


#: The names ``_AUTHOR`` accepts, without their number.
_AUTHOR_NAMES = frozenset({
    "last", "surname", "author", "first", "given", "autor", "auteur", "nom", "prénom", "apellido",
    "apellidos", "nombre", "cognome", "vorname", "nachname",
})
_DIGITS = "0123456789"


def _author_index(key: str) -> int | None:
    """The number of an author parameter ("last2" -> 2, "author" -> 1), None for other names.

    An ASCII name is looked up without its digits (a set lookup, not a regex);
    ``_AUTHOR`` decides the rest (its ``\\d`` takes any script's digits).
    """
    if key.isascii():
        base = key.rstrip(_DIGITS)
        if base not in _AUTHOR_NAMES:
            return None
        return int(key[len(base):] or 1)
    m = _AUTHOR.match(key)
    return int(m.group(1) or 1) if m else None


def _author_role(key: str) -> tuple[int, str] | None:
    """(number, "first"/"last"/"full") of an author parameter, None for other names."""
    if key[:1] not in _AUTHOR_INITIALS:
        return None  # most parameters (url, title, date ...) cannot be author keys
    idx = _author_index(key)
    if idx is None:
        return None
    role = "first" if key.startswith(("first", "given", "vorname", "prénom", "nombre")) else "last"
    if key.startswith(("author", "autor", "auteur")) and role == "last":
        role = "full"
    return idx, role


_ParamInfo = tuple[tuple[tuple[int, int, str, bool], ...], tuple[int, str] | None]
#: Parameter name -> (its ``_ALIAS_INDEX`` entries, its author role): what ``cite_fields`` does
#: with it.  Cite parameter names are a small vocabulary repeated in every call of every page;
#: the bound keeps pages of invented names from growing it.
_PARAM_INFO: dict[str, _ParamInfo] = {}
_PARAM_INFO_MAX = 20_000


def _param_info(key: str) -> _ParamInfo:
    info = _PARAM_INFO.get(key)
    if info is None:
        info = (tuple(_ALIAS_INDEX.get(key, ())), _author_role(key))
        if len(_PARAM_INFO) < _PARAM_INFO_MAX:
            _PARAM_INFO[key] = info
    return info


def _authors(named: dict[str, str], authors: list[tuple[str, int, str]], ctx: Ctx) -> list[str]:
    """Author names in order of their number; ``authors`` is (raw value, number, role) per parameter."""
    by_index: dict[int, dict[str, str]] = {}
    for raw, idx, role in authors:
        if raw.strip():
            by_index.setdefault(idx, {})[role] = ctx.render(raw).replace("\n", " ")
    out: list[str] = []
    for idx in sorted(by_index):
        parts = by_index[idx]
        if "full" in parts:
            out.append(parts["full"])
        elif "last" in parts:
            out.append(f"{parts['last']}, {parts['first']}" if parts.get("first") else parts["last"])
    for key in ("vauthors", "authors", "autoren"):
        listed = named.get(key)
        if listed and listed.strip() and not out:
            out.extend(a.strip() for a in ctx.render(listed).split(",") if a.strip())
    return out


def cite_text(fields: dict[str, str]) -> str:
    """A CS1-like citation line: Authors (date). "Title". Work. Publisher. Retrieved ..."""
    parts: list[str] = []
    head = fields.get("authors", "")
    if fields.get("date"):
        head = f"{head} ({fields['date']})" if head else fields["date"]
    if head:
        parts.append(head + ".")
    if fields.get("title"):
        parts.append(f'"{fields["title"]}".')
    for key in ("work", "publisher"):
        if fields.get(key):
            parts.append(fields[key] + ".")
    if fields.get("doi"):
        parts.append(f"doi:{fields['doi']}.")
    if fields.get("isbn"):
        parts.append(f"ISBN {fields['isbn']}.")
    if fields.get("access-date"):
        parts.append(f"Retrieved {fields['access-date']}.")
    return " ".join(parts)


def _is_cite(t: scan.Template, ctx: Ctx) -> bool:
    handler = ctx.handlers.get(t.key)
    return t.key.startswith(("cite", "cita ", "citar")) or getattr(handler, "__name__", "") == "_cite"


def _bibliography_key(named: dict[str, str]) -> str | None:
    lasts = []
    for i in range(1, 5):
        v = named.get(f"last{i}") or named.get(f"surname{i}") or named.get(f"author{i}-last")
        if i == 1:
            v = v or named.get("last") or named.get("surname") or named.get("author")
        if not v:
            break
        lasts.append(v.strip().lower())
    year = (named.get("year") or "").strip() or (named.get("date") or "")
    m = re.search(r"\d{3,4}[a-z]?", year)
    if not lasts or not m:
        return None
    return " ".join(lasts) + " " + m.group()


def bibliography(page: str, spans: list[tuple[int, int]], ctx: Ctx) -> dict[str, dict[str, str]]:
    """CITEREF key ("smith jones 2000") -> fields of top-level cite templates (the sources list)."""
    out: dict[str, dict[str, str]] = {}
    for a, b in spans:
        if not page.startswith(("{{cite", "{{Cite", "{{citation", "{{Citation"), a):
            continue
        t = scan.parse_template(page, a, b)
        named = {k.strip().lower(): v for k, v in t.params if not k.isdigit()}
        ref = named.get("ref", "")
        key = _bibliography_key(named)
        if ref.strip().lower().startswith("{{sfnref"):
            inner = scan.templates(ref)
            if inner:
                pos = [p.lower() for p in inner[0].positional() if p]
                key = " ".join(pos)
        if key and key not in out:
            fields = cite_fields(t, ctx)
            fields["text"] = cite_text(fields)
            out[key] = fields
    return out


def sfn_key(t: scan.Template) -> str:
    """The CITEREF key an sfn points at: authors and year, lower case."""
    pos = [p.strip().lower() for p in t.positional() if p.strip()]
    if t.key == "sfnm":
        pos = [p.strip().lower() for k, p in t.params if k in ("1a1", "1a2", "1a3", "1a4", "1y") and p.strip()]
    return " ".join(pos)


def collect_uses(page: str, tags: list[scan.Tag], def_ranges: list[tuple[int, int]],
                 ref_marks: list[tuple[int, int]] | None = None) -> list[Use]:
    """Every ref marker and footnote template in ``page``, in page order.

    ``ref_marks`` is the page's (position, tag index) of its ref markers when
    :func:`.scan.mask_tags` noted them (no scan of the page for them then).
    """
    uses: list[Use] = []
    if ref_marks is None:
        ref_marks = [(pos, idx) for pos, kind, idx in scan.markers(page) if kind == "R"]
    for pos, idx in ref_marks:
        tag = tags[idx]
        definition = tag.list_defined or (bool(def_ranges) and any(a <= pos < b for a, b in def_ranges))
        uses.append(Use(pos, tag.attrs.get("group", ""), tag.attrs.get("name") or None,
                        tag.content, "ref", definition))
        if tag.content and scan.MARK in tag.content:
            for _p, k2, i2 in scan.markers(tag.content):
                if k2 == "R":
                    inner = tags[i2]
                    uses.append(Use(pos, inner.attrs.get("group", ""), inner.attrs.get("name") or None,
                                    inner.content, "ref", definition))
    # list-defined refs inside <references> never appear as markers in the page
    for tag in tags:
        if tag.list_defined and tag.name == "ref":
            uses.append(Use(len(page), tag.attrs.get("group", ""), tag.attrs.get("name") or None,
                            tag.content, "ref", True))
    for m in _NOTE_OPENER.finditer(page):
        end = scan.match_braces(page, m.start())
        if end < 0:
            continue
        t = scan.parse_template(page, m.start(), end)
        if t.key not in NOTE_TEMPLATES or t.key in ("r", "rp", "ref label"):
            continue
        if t.key in SFN:
            uses.append(Use(m.start(), "", "FOOTNOTE" + "|".join(v.strip() for _k, v in t.params),
                            None, "sfn", False, t))
            continue
        group = t.get("group") or NOTE_TEMPLATES[t.key]
        content = t.get("1", "text", "content")
        uses.append(Use(m.start(), group, t.get("name") or None, content, "note", False, t))
    uses.sort(key=lambda u: u.pos)
    return uses


_NOTE_OPENER = re.compile(r"\{\{\s*(?:efn|refn|sfnp?|sfnm)\b", re.I)


def build_references(uses: list[Use], ctx: Ctx, biblio: dict[str, dict[str, str]],
                     warnings: list[str]) -> tuple[list[RawReference], list[tuple[int, str]]]:
    """Numbered references, and (position, id) for every use in the text."""
    refs: list[RawReference] = []
    by_key: dict[tuple[str, str], RawReference] = {}
    counts: dict[str, int] = {}
    cited_at: list[tuple[int, str]] = []
    pending_defs: list[Use] = []
    for use in uses:
        if use.definition:
            pending_defs.append(use)
            continue
        key = (use.group, use.name) if use.name else None
        ref = by_key.get(key) if key else None
        if ref is not None:
            ref.cited += 1
            if not ref.text and use.content:
                _fill(ref, use, ctx, biblio)
        else:
            counts[use.group] = counts.get(use.group, 0) + 1
            number = counts[use.group]
            ref = RawReference(id=_ref_id(use.group, number), text="", number=number,
                               name=None if use.kind == "sfn" else use.name, group=use.group or None)
            _fill(ref, use, ctx, biblio)
            refs.append(ref)
            if key:
                by_key[key] = ref
        cited_at.append((use.pos, ref.id))
    for use in pending_defs:
        key = (use.group, use.name) if use.name else None
        ref = by_key.get(key) if key else None
        if ref is None:
            warnings.append(f"list-defined reference {use.name!r} is never cited")
            continue
        if not ref.text and use.content:
            _fill(ref, use, ctx, biblio)
    for ref in refs:
        if not ref.text:
            warnings.append(f"reference {ref.name or ref.id!r} has no content")
    return refs, cited_at


def _ref_id(group: str, number: int) -> str:
    return f"{group} {number}" if group else str(number)


def _fill(ref: RawReference, use: Use, ctx: Ctx, biblio: dict[str, dict[str, str]]) -> None:
    if use.kind == "sfn" and use.note is not None:
        ref.text = _sfn_text(use.note)
        target = biblio.get(sfn_key(use.note))
        if target:
            ref.fields["target"] = target.get("title") or target.get("text", "")
            ref.fields["target_text"] = target.get("text", "")
        ref.fields["template"] = use.note.key
        return
    content = use.content or ""
    if not content.strip():
        return
    if "{{" not in content:  # no template: no cite fields, nothing to expand
        ref.fields = {}
        link = _URL.search(content) if "//" in content else None  # every URL has "//"
        if link:
            ref.fields["url"] = link.group(1)
        ref.text = ctx.render(content).replace("\n", " ")
        return
    body = content.strip()
    if _one_template(body):
        start = content.index("{{")
        spans = [(start, start + len(body))]
    else:
        spans = scan.template_spans(content)
    if len(spans) == 1 and spans[0][1] - spans[0][0] == len(body) and content.lstrip().startswith("{{"):
        t = scan.parse_template(content, *spans[0])
        if _is_cite(t, ctx):
            ref.fields = cite_fields(t, ctx)
            ref.text = cite_text(ref.fields)
            return
        tpls = [t]
    else:
        tpls = [scan.parse_template(content, a, b) for a, b in spans]
    # Templates and text: each template is parsed once, for the cite fields and the text, and
    # the first citation's text is rendered once when the text shows it as the fields give it.
    ref.fields = {}
    done: dict[int, str] = {}
    for t in tpls:
        if _is_cite(t, ctx):
            ref.fields = cite_fields(t, ctx)
            if _shown_as_cite(t, ctx) and content.find("{{", t.start + 2, t.end - 2) < 0:
                done[t.start] = cite_text(ref.fields)
            break
    if "url" not in ref.fields:
        link = _URL.search(content) if "//" in content else None  # every URL has "//"
        if link:
            ref.fields["url"] = link.group(1)
    ref.text = finish(ctx.expand_parsed(content, tpls, done), ctx).replace("\n", " ")
    if not ref.text:
        ref.text = _fallback_text(tpls, ctx)


def _one_template(body: str) -> bool:
    """True when ``body`` is one template and nothing else (``template_spans`` would give one
    span over all of it): one ``{{`` at its start, one ``}}`` at its end, no brace runs of three."""
    return (body.startswith("{{") and body.endswith("}}") and body.count("{{") == 1 and body.count("}}") == 1
            and "{{{" not in body and "}}}" not in body)


def _shown_as_cite(t: scan.Template, ctx: Ctx) -> bool:
    """True when rendering ``t`` calls the cite handler (so its text is ``cite_text`` of its fields).

    With no template in its parameters its fields do not depend on the nesting depth either.
    """
    return getattr(ctx.handler_for(t.key), "__name__", "") == "_cite"


def _fallback_text(tpls: list[scan.Template], ctx: Ctx) -> str:
    """Some text for a ref made only of templates we do not render (``{{CongBio|...}}``)."""
    parts: list[str] = []
    for t in tpls:
        values = [t.get(k) for k in ("title", "name", "1", "id")]
        shown = [ctx.render(v).replace("\n", " ") for v in values if v]
        parts.append(" ".join([t.name] + [s for s in shown if s]))
    return "; ".join(parts)


def _sfn_text(t: scan.Template) -> str:
    from .templates import short_note

    return short_note(t)
