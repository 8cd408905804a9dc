"""Assemble an :class:`Article` from a reader's :class:`Document`."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..dates import wiki_language
from ..document import Document
from ..export.wikis import wiki_of
from ..fields import wants
from ..model import Article
from .biography import classify
from .person import extract_person, main_infobox
from .references import extract_references, extract_sections


_QID = re.compile(r"Q[1-9]\d{0,11}")


def _qid(value: str | None) -> str | None:
    """``meta["wikidata"]`` (Enterprise ``main_entity``, HTML page config) when it is a QID."""
    return value if value and _QID.fullmatch(value) else None


def build_article(
    doc: Document, fields: Collection[str] | None = None, *, sections: bool = True, references: bool = True
) -> Article:
    """Run every extractor over ``doc``; an extractor failure becomes a warning.

    References and sections are not built when ``fields`` leaves both out
    (see :mod:`bioparse.fields`).  Every date is read as written on the
    page's wiki when its metadata names it (calendar rule, month words).
    """
    wiki = wiki_of({"meta": doc.meta})
    with wiki_language(wiki.code if wiki is not None else None):
        return _build_article(doc, fields, sections=sections, references=references)


def _build_article(
    doc: Document, fields: Collection[str] | None, *, sections: bool, references: bool
) -> Article:
    warnings = list(doc.warnings)
    article = Article(
        title=doc.title,
        source_format=doc.source_format,  # type: ignore[arg-type]
        infobox=main_infobox(doc),
        infoboxes=list(doc.infoboxes),
        categories=list(doc.categories),
        is_redirect=doc.is_redirect,
        redirect_target=doc.redirect_target,
        is_disambiguation=doc.is_disambiguation,
        meta=dict(doc.meta),
        warnings=warnings,
        wikidata_id=_qid(doc.meta.get("wikidata")),
    )
    try:
        want_sections = sections and wants(fields, "sections")
        want_references = references and wants(fields, "references")
        if want_references or want_sections:
            refs = extract_references(doc)
            article.references = refs if want_references else []
            if want_sections:
                article.sections = extract_sections(doc, refs)
    except Exception as exc:  # noqa: BLE001 - one bad field must not lose the page
        warnings.append(f"references/sections failed: {type(exc).__name__}: {exc}")
    if not doc.is_redirect:
        try:
            verdict = classify(doc)
            article.kind = verdict.kind
            if verdict.is_person:
                article.person = extract_person(doc, decided=True)
                if article.person is not None:
                    article.person.evidence = verdict.evidence
        except Exception as exc:  # noqa: BLE001
            warnings.append(f"person extraction failed: {type(exc).__name__}: {exc}")
    return article
