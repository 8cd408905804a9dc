"""The public entry points: ``parse`` and ``parse_file``."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from .document import Document
from .extract.article import build_article
from .fields import apply_fields, wants
from .model import Article
from .readers import read
from .readers.detect import detect_format
from .textio import decode_bytes
from .wikicode import SOURCE_ATTR

_FORMATS = frozenset({"text", "wikitext", "html", "enterprise"})

_SUFFIX_FORMATS = {
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".html": "html",
    ".htm": "html",
    ".json": "enterprise",
}


def parse_document(text: str, format: str = "auto", title: str | None = None) -> Document:
    """Run only the reader: the intermediate :class:`Document`, for debugging and tools."""
    return read(text, format=format, title=title)


def parse(
    text: str,
    format: str = "auto",
    title: str | None = None,
    fields: Collection[str] | None = None,
    *,
    sections: bool = True,
    references: bool = True,
) -> Article:
    """Parse one article given as a string.

    ``format`` is "auto" (detected from the content), "text", "wikitext" or
    "html".  ``fields`` keeps only those parts of the record (see
    :mod:`bioparse.fields`; None keeps all).  ``sections=False`` /
    ``references=False`` leave ``Article.sections`` / ``Article.references``
    empty and spare the readers that work (the person is the same: the lead
    is still read); leaving those groups out of ``fields`` does the same.
    Never raises on bad content: a reader failure becomes a warning on an
    Article with no person.
    """
    sections = sections and wants(fields, "sections")
    references = references and wants(fields, "references")
    fmt = detect_format(text) if format == "auto" else format
    if fmt not in _FORMATS:  # checked here so a ValueError from inside a reader is caught below
        raise ValueError(f"unknown format {format!r}: expected auto, text, wikitext or html")
    try:
        # sections cite references: the reader builds them for either
        doc = read(text, format=fmt, title=title, sections=sections, references=references or sections)
    except Exception as exc:  # a reader bug must not stop a whole run
        out_fmt = "html" if fmt == "enterprise" else fmt
        doc = Document(source_format=out_fmt, title=title)
        doc.warnings.append(f"reader failed: {type(exc).__name__}: {exc}")
    article = apply_fields(build_article(doc, fields, sections=sections, references=references), fields)
    if fmt == "wikitext":
        # a reference, not a copy: Article.wikicode() parses it only if asked
        setattr(article, SOURCE_ATTR, text)
    return article


def parse_file(
    path: str | os.PathLike[str], format: str = "auto", title: str | None = None,
    fields: Collection[str] | None = None,
) -> Article:
    """Parse one file; raises OSError when it cannot be read.

    The bytes are decoded by :func:`bioparse.textio.decode_bytes` (BOMs,
    UTF-16, invalid UTF-8 replaced with a warning).  With ``format="auto"``
    the content decides; the suffix only breaks ties for .json records.
    """
    p = Path(path)
    data = p.read_bytes()
    text, warnings = decode_bytes(data)
    fmt = format
    if fmt == "auto" and _SUFFIX_FORMATS.get(p.suffix.lower()) == "enterprise":
        fmt = "enterprise"
    article = parse(text, format=fmt, title=title, fields=fields)
    article.warnings[:0] = warnings
    return article
