"""Whole dumps: stream pages out of MediaWiki XML exports, Enterprise NDJSON and
directories, parse them in parallel and write JSON Lines or Parquet.

The pieces are separate so other runners (Spark, notebooks) can reuse them:
:func:`bioparse.dump.sources.iter_pages` yields :class:`~bioparse.dump.pages.Page`
objects, :func:`bioparse.dump.process.process_page` turns one into an output
record, :mod:`bioparse.dump.arrow` gives the Arrow schema.
"""

from __future__ import annotations

from .pages import Page
from .sources import DumpError, iter_pages

__all__ = ["Page", "DumpError", "iter_pages"]
