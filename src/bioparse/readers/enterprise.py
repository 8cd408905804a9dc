"""Wikimedia Enterprise article records (JSON objects, one per NDJSON line).

A record wraps one page: its Parsoid HTML (``article_body.html``), its
wikitext (``article_body.wikitext``) and metadata.  The body goes through the
ordinary HTML or wikitext reader; the record's ids, URL, language and dates
go on :attr:`Document.meta` so a row can always be traced back to its revision.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from ..document import Document

#: How far :func:`split_records` looks for the end of the first line before splitting the whole text.
_HEAD = 4096


def split_records(text: str) -> list[str]:
    """The records of an NDJSON file (one JSON object per non-empty line).

    A pretty-printed single record spans many lines; it is returned whole.
    """
    stripped = text.strip()
    if not stripped:
        return []
    # a pretty-printed record shows itself on its first line ("{"): no need to split megabytes
    head = stripped[:_HEAD].splitlines(keepends=True)[0]
    first = head.splitlines()[0]
    if len(first) < len(head) and not (first.startswith("{") and first.rstrip().endswith("}")):
        return [stripped]  # (``first`` is the text's whole first line: ``head`` holds its line break)
    lines = [ln for ln in stripped.splitlines() if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines):
        return lines
    return [stripped]


def read_enterprise(text: str, body: str = "html", title: str | None = None, *, sections: bool = True,
                    references: bool = True) -> Document:
    """Read one record (the first, for NDJSON) through its HTML or wikitext body.

    ``body`` is "html" (Parsoid HTML, the richer of the two) or "wikitext".
    Never raises on bad content: broken JSON gives an empty Document and a
    warning.
    """
    fmt = "wikitext" if body == "wikitext" else "html"
    records = split_records(text)
    if not records:
        doc = Document(source_format=fmt, title=title)
        doc.warnings.append("empty Enterprise record")
        return doc
    warnings: list[str] = []
    if len(records) > 1:
        more = len(records) - 1
        warnings.append(
            f"multi-record NDJSON: read the first record, skipped {more} more "
            f"(bioparse dump reads every record)"
        )
    try:
        record = loads(records[0])
    except ValueError as exc:
        doc = Document(source_format=fmt, title=title)
        doc.warnings.append(f"Enterprise record is not valid JSON: {exc}")
        return doc
    if not isinstance(record, dict):
        doc = Document(source_format=fmt, title=title)
        doc.warnings.append("Enterprise record is not a JSON object")
        return doc
    doc = read_record(record, body=fmt, title=title, sections=sections, references=references)
    doc.warnings[:0] = warnings
    return doc


def loads(text: str) -> Any:
    """``json.loads`` at orjson's speed (records are megabytes); json's own errors and
    leniency (lone surrogates) when orjson refuses the text."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def read_record(record: dict[str, Any], body: str = "html", title: str | None = None, *,
                sections: bool = True, references: bool = True) -> Document:
    """Read an already-decoded record (``bioparse dump`` iterates these)."""
    name = record.get("name")
    page_title = title or (name if isinstance(name, str) and name else None)
    article_body = record.get("article_body")
    if not isinstance(article_body, dict):
        article_body = {}
    content = article_body.get(body)
    other = "wikitext" if body == "html" else "html"
    fallback_note = None
    if not isinstance(content, str) or not content.strip():
        alt = article_body.get(other)
        if isinstance(alt, str) and alt.strip():
            fallback_note = f"record has no article_body.{body}; read article_body.{other}"
            body, content = other, alt
        else:
            content = ""
    if body == "wikitext":
        from .wikitext import read_wikitext

        doc = read_wikitext(content, title=page_title, sections=sections, references=references)
    else:
        from .html import read_html

        doc = read_html(content, title=page_title, sections=sections, references=references)
    if page_title:
        doc.title = page_title
    if fallback_note:
        doc.warnings.append(fallback_note)
    if not content:
        doc.warnings.append("Enterprise record has no article body")
    doc.meta.update(record_meta(record))
    return doc


def record_meta(record: dict[str, Any]) -> dict[str, str]:
    """The record's identifiers, as strings, for :attr:`Document.meta`."""
    meta: dict[str, str] = {}

    def put(key: str, value: Any) -> None:
        if value is not None and not isinstance(value, (dict, list)) and str(value) != "":
            meta[key] = str(value)

    put("identifier", record.get("identifier"))
    put("name", record.get("name"))
    put("url", record.get("url"))
    put("date_modified", record.get("date_modified"))
    # nested objects whose "identifier" is the value kept
    for key, field in (("version", "version"), ("language", "in_language"),
                       ("project", "is_part_of"), ("wikidata", "main_entity")):
        nested = record.get(field)
        if isinstance(nested, dict):
            put(key, nested.get("identifier"))
    return meta
