"""Assemble an :class:`Article` from a reader's :class:`Document`."""

from __future__ import annotations

from ..document import Document
from ..model import Article


def build_article(doc: Document) -> Article:
    """Run every extractor over ``doc``."""
    return Article(title=doc.title, source_format=doc.source_format)  # type: ignore[arg-type]
