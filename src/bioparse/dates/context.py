"""The language of the wiki whose dates are being read, when the caller knows it.

:func:`~bioparse.extract.article.build_article` sets it once per article from
the page's metadata (dump or Enterprise wiki name, HTML ``lang``), so every
date the extractors read on that page gets the wiki's calendar rule and month
words without each call passing ``lang=``.  An explicit ``lang=`` wins.  A
context variable, not a global: each thread and task sees its own value.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["current_language", "language_of", "wiki_language"]

_WIKI_LANGUAGE: ContextVar[str | None] = ContextVar("bioparse_dates_wiki_language", default=None)


@contextmanager
def wiki_language(code: object) -> Iterator[None]:
    """Read every date inside the block as written on the ``code`` wiki (None: not known)."""
    token = _WIKI_LANGUAGE.set(code.strip().lower() if isinstance(code, str) and code.strip() else None)
    try:
        yield
    finally:
        _WIKI_LANGUAGE.reset(token)


def current_language() -> str | None:
    """The wiki language set by :func:`wiki_language`, or None."""
    return _WIKI_LANGUAGE.get()


def language_of(lang: str | None) -> str | None:
    """``lang`` when given, else the wiki language of the block being read."""
    return lang if lang is not None else _WIKI_LANGUAGE.get()
