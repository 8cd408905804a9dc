"""Assemble an :class:`Article` from a reader's :class:`Document`."""

from __future__ import annotations

from ..document import Document
from ..model import Article
from .person import extract_person, main_infobox
from .references import extract_references, extract_sections


def build_article(doc: Document, *, sections: bool = True, references: bool = True) -> Article:
    """Run every extractor over ``doc``; an extractor failure becomes a warning.

    ``sections`` / ``references`` False leave those lists empty on the Article
    (the reader may still have read the lead for the person).
    """
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
    )
    try:
        if references:
            article.references = extract_references(doc)
        if sections:
            article.sections = extract_sections(doc, article.references)
    except Exception as exc:  # noqa: BLE001 - one bad field must not lose the page
        warnings.append(f"references/sections failed: {type(exc).__name__}: {exc}")
    if not doc.is_redirect:
        try:
            article.person = extract_person(doc)
        except Exception as exc:  # noqa: BLE001
            warnings.append(f"person extraction failed: {type(exc).__name__}: {exc}")
    return article
