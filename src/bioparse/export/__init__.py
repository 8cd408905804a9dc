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
from collections.abc import Iterable, Sequence
from typing import IO, Any

import orjson

from .place import Place, prepare
from .records import RecordsError, iter_records

FORMATS = ("tables", "wikidata", "quickstatements", "jsonld")

__all__ = ["FORMATS", "RecordsError", "export", "iter_records", "open_sink"]


class LinesSink:
    """Writes the line formats (wikidata, quickstatements, jsonld) to a file or stdout."""

    def __init__(self, to: str, output: str, place: Place | None = None):
        if to not in FORMATS or to == "tables":
            raise ValueError(f"unknown export format {to!r}: expected one of {', '.join(FORMATS)}")
        self.to = to
        self.place = place
        path = place.path if place is not None else output
        self._own = path != "-"  # not stdout (which may even be closed, None, when OUT is a file)
        self._out: IO[bytes] = open(path, "wb") if self._own else sys.stdout.buffer
        self.counts = {"records": 0, "people": 0}

    def write(self, record: dict[str, Any]) -> None:
        self.counts["records"] += 1
        found = _lines(record, self.to)
        if found is not None:
            self.counts["people"] += 1
            self._out.write(b"".join(line + b"\n" for line in found))

    def close(self) -> None:
        self._out.flush()
        if self._own:
            self._out.close()

    def finish(self, ok: bool) -> None:
        """Close, then put the output in place (``ok``) or remove it (OUT left as it was)."""
        if self.place is None:
            self.close()
        else:
            self.place.settle(ok, self.close)


def open_sink(to: str, output: str, sections: bool = False, inputs: Sequence[str] = ()) -> Any:
    """A writer with ``write(record)``, ``finish(ok)`` and ``counts`` for format ``to``.

    ``output`` is a directory for ``tables``, a file (or ``-`` for stdout) otherwise.  It is
    written under a temporary name and put in place by ``finish(True)`` (:mod:`.place`);
    OutputError when it is one of ``inputs`` or another bioparse is writing it.
    """
    if to not in FORMATS:
        raise ValueError(f"unknown export format {to!r}: expected one of {', '.join(FORMATS)}")
    place = prepare(output, list(inputs), is_dir=to == "tables")
    try:
        if to == "tables":
            from .tables import TablesWriter

            return TablesWriter(place.path, sections=sections, place=place)
        return LinesSink(to, output, place)
    except BaseException:
        place.abort()
        raise


def export(
    records: Iterable[dict[str, Any]], to: str, output: str, sections: bool = False, inputs: Sequence[str] = ()
) -> dict[str, int]:
    """Write ``records`` (dicts as ``Article.to_dict`` gives) to ``output`` in format ``to``.

    Returns counts: rows per table, or records read and people written.  On any failure the
    output is left as it was.
    """
    sink = open_sink(to, output, sections, inputs)
    ok = False
    try:
        for number, record in enumerate(records, 1):
            try:
                sink.write(record)
            except (AttributeError, TypeError, KeyError, ValueError) as exc:
                # a JSON object that is not shaped like a bioparse record
                raise RecordsError(f"record {number} ({record.get('title')!r}) is not a bioparse record: "
                                   f"{type(exc).__name__}: {exc}") from None
        ok = True
    finally:
        sink.finish(ok)
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
