"""Readers: each turns one input format into a :class:`bioparse.document.Document`.

A reader only says what is on the page; interpretation happens once, in
:mod:`bioparse.extract`.
"""

from __future__ import annotations

from collections.abc import Collection

from ..document import Document
from .detect import detect_format


def read(text: str, format: str = "auto", title: str | None = None, *, sections: bool = True,
         references: bool = True) -> Document:
    """Dispatch ``text`` to the reader for ``format`` ("auto" detects it).

    ``sections=False`` / ``references=False`` let a reader skip the section
    text after the lead and the reference list (the text reader reads both
    anyway: they cost it nothing worth skipping).
    """
    fmt = detect_format(text) if format == "auto" else format
    if fmt == "enterprise" or (fmt in ("html", "wikitext") and _looks_like_record(text)):
        from .enterprise import read_enterprise

        return read_enterprise(text, body="wikitext" if fmt == "wikitext" else "html", title=title,
                               sections=sections, references=references)
    if fmt == "wikitext":
        from .wikitext import read_wikitext

        return read_wikitext(text, title=title, sections=sections, references=references)
    if fmt == "html":
        from .html import read_html

        return read_html(text, title=title, sections=sections, references=references)
    if fmt == "text":
        from .text import read_text

        return read_text(text, title=title)
    raise ValueError(f"unknown format {format!r}: expected auto, text, wikitext or html")


def _looks_like_record(text: str) -> bool:
    head = text.lstrip()[:1]
    return head == "{" and '"article_body"' in text


__all__ = ["read", "detect_format"]
