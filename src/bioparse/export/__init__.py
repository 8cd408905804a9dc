"""Export records to warehouse tables and knowledge-graph formats.

``bioparse export RECORDS... --to FORMAT -o OUT`` reads what ``parse``/``dump``
wrote (JSON Lines, compressed or not, or Parquet) and writes:

- ``tables``: a directory of flat, typed Parquet tables (:mod:`.tables`, docs/etl.md);
- ``wikidata``: Wikibase-JSON entities with statements per person (:mod:`.wikidata`);
- ``quickstatements``: the same as QuickStatements v1 lines (:mod:`.quickstatements`);
- ``jsonld``: schema.org ``Person`` objects (:mod:`.jsonld`).

Everything streams: one record in memory at a time (plus a row group for tables).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import IO, Any

import orjson

from .records import RecordsError, iter_records

FORMATS = ("tables", "wikidata", "quickstatements", "jsonld")

__all__ = ["FORMATS", "RecordsError", "export", "iter_records", "open_sink"]


class LinesSink:
    """Writes the line formats (wikidata, quickstatements, jsonld) to a file or stdout."""

    def __init__(self, to: str, output: str):
        if to not in FORMATS or to == "tables":
            raise ValueError(f"unknown export format {to!r}: expected one of {', '.join(FORMATS)}")
        self.to = to
        self._out: IO[bytes] = sys.stdout.buffer if output == "-" else open(output, "wb")
        self.counts = {"records": 0, "people": 0}

    def write(self, record: dict[str, Any]) -> None:
        self.counts["records"] += 1
        found = _lines(record, self.to)
        if found is not None:
            self.counts["people"] += 1
            self._out.write(b"".join(line + b"\n" for line in found))

    def close(self) -> None:
        self._out.flush()
        if self._out is not sys.stdout.buffer:
            self._out.close()


def open_sink(to: str, output: str, sections: bool = False) -> Any:
    """A writer with ``write(record)``, ``close()`` and ``counts`` for format ``to``.

    ``output`` is a directory for ``tables``, a file (or ``-`` for stdout) otherwise.
    """
    if to == "tables":
        from .tables import TablesWriter

        return TablesWriter(output, sections=sections)
    return LinesSink(to, output)


def export(records: Iterable[dict[str, Any]], to: str, output: str, sections: bool = False) -> dict[str, int]:
    """Write ``records`` (dicts as ``Article.to_dict`` gives) to ``output`` in format ``to``.

    Returns counts: rows per table, or records read and people written.
    """
    sink = open_sink(to, output, sections)
    try:
        for record in records:
            sink.write(record)
    finally:
        sink.close()
    return dict(sink.counts)


def _lines(record: dict[str, Any], to: str) -> list[bytes] | None:
    """The output lines for one record; None when it has no person."""
    if to == "jsonld":
        from .jsonld import person_ld

        found = person_ld(record)
        return None if found is None else [orjson.dumps(found)]
    from .wikidata import entity

    item = entity(record)
    if item is None:
        return None
    if to == "wikidata":
        return [orjson.dumps(item)]
    from .quickstatements import lines

    return [line.encode("utf-8") for line in lines(item)]
