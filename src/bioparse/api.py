"""The public entry points: ``parse`` and ``parse_file``."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from .document import Document
from .export.wikis import wiki_named, wiki_of
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
    wiki: str | None = None,
) -> Article:
    """Parse one article given as a string.

    ``format`` is "auto" (detected from the content), "text", "wikitext" or
    "html".  ``fields`` keeps only those parts of the record (see
    :mod:`bioparse.fields`; None keeps all).  ``sections=False`` /
    ``references=False`` leave ``Article.sections`` / ``Article.references``
    empty and spare the readers that work (the person is the same: the lead
    is still read); leaving those groups out of ``fields`` does the same.
    ``wiki`` ("ruwiki" or "ru") names the wiki the page comes from when the
    page does not say so itself (wikitext never does): dates are then read
    by that wiki's rules (calendar, month words) and ``meta.wiki`` records it.
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
    if wiki:
        named = wiki_named(wiki)
        if named is not None and wiki_of({"meta": doc.meta}) is None:
            doc.meta["wiki"] = named.dbname  # the page's own word wins (Enterprise project, HTML lang)
    article = apply_fields(build_article(doc, fields, sections=sections, references=references), fields)
    if fmt == "wikitext":
        # a reference, not a copy: Article.wikicode() parses it only if asked
        setattr(article, SOURCE_ATTR, text)
    return article


def parse_file(
    path: str | os.PathLike[str], format: str = "auto", title: str | None = None,
    fields: Collection[str] | None = None,
    *,
    wiki: str | None = None,
) -> Article:
    """Parse one file (``wiki`` as for :func:`parse`); raises OSError when it cannot be read.

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
    article = parse(text, format=fmt, title=title, fields=fields, wiki=wiki)
    article.warnings[:0] = warnings
    return article


#: A small page in every part the wikitext parse builds tables for on first use: an infobox with a
#: date template, a lead with a birth date, a citation whose date has a month word of another
#: language, sections, a reference list and a person category.
_WARM_UP_PAGE = (
    "{{Infobox officeholder|name=Ada Example|birth_date={{birth date|1900|1|2}}|office=Mayor of Example"
    "|term_start=1 March 1950|term_end=1954|predecessor=Bea Sample|successor=Cy Sample}}\n"
    "'''Ada Example''' (born 2 January 1900) was a mayor.<ref>{{cite web|url=https://example.org/"
    "|title=Example|date=3 mars 2001|access-date=2001-03-04}}</ref>\n"
    "== Life ==\nShe lived.\n== References ==\n{{reflist}}\n[[Category:1900 births]]"
)


def warm_up() -> None:
    """Build now what the parser otherwise builds on first use: the merged language tables and
    their compiled patterns, and dateparser's month words (about 0.2-0.3 CPU-s in all).

    ``bioparse dump`` calls it before forking its workers, which then inherit the tables instead of
    each building them again.
    """
    from .dates.fallback import foreign_month_words

    parse(_WARM_UP_PAGE, format="wikitext", title="Ada Example")
    foreign_month_words()
