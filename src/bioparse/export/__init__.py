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

import gzip
import os
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

import orjson

from ..dump.output import COMPRESSIONS, OutputError
from .place import Place, prepare
from .records import RecordsError, iter_records

FORMATS = ("tables", "wikidata", "quickstatements", "jsonld")

#: The names a line format is written under (then ``.gz`` or ``.zst`` to compress it).
LINE_SUFFIXES = {
    "wikidata": (".jsonl", ".ndjson", ".json", ".jl"),
    "jsonld": (".jsonl", ".ndjson", ".json", ".jl"),
    "quickstatements": (".txt", ".tsv", ".qs"),
}

__all__ = ["FORMATS", "LINE_SUFFIXES", "RecordsError", "export", "iter_records", "line_compression", "open_sink"]


def stdout_refused(to: str, output: str) -> str | None:
    """Why ``--to`` cannot write ``output``, for the commands that export (None: it can)."""
    if to == "tables" and output == "-":
        return "--to tables writes a directory; give -o DIR"
    return None


def line_compression(to: str, output: str) -> str | None:
    """The compression (``gzip``, ``zstd`` or None) a line format is written with, from OUT's suffix.

    As for ``bioparse dump``, the suffix decides: ``people.jsonl.gz`` is gzip, ``people.jsonl`` plain.
    A suffix that does not name the format (``out.csv``, ``out``, Parquet) is an OutputError rather
    than lines under a misleading name.  Standard output, devices and pipes take plain lines.
    """
    if output == "-" or (os.path.exists(output) and not os.path.isfile(output) and not os.path.isdir(output)):
        return None
    lower = output.lower()
    compression = None
    for suffix, name in COMPRESSIONS.items():
        if lower.endswith(suffix):
            compression, lower = name, lower[: -len(suffix)]
    if lower.endswith((".parquet", ".pq")):
        raise OutputError(f"--to {to} writes lines, not Parquet: {output}")
    if not lower.endswith(LINE_SUFFIXES[to]):
        raise OutputError(
            f"cannot tell the output format of {output} from its suffix: --to {to} writes "
            f"{'/'.join(LINE_SUFFIXES[to])} (optionally .gz or .zst)"
        )
    return compression


class LinesSink:
    """Writes the line formats (wikidata, quickstatements, jsonld) to a file or stdout."""

    def __init__(self, to: str, output: str, place: Place | None = None, compression: str | None = None):
        if to not in FORMATS or to == "tables":
            raise ValueError(f"unknown export format {to!r}: expected one of {', '.join(FORMATS)}")
        self.to = to
        self.place = place
        path = place.path if place is not None else output
        self._own = path != "-"  # not stdout (which may even be closed, None, when OUT is a file)
        self._raw: IO[bytes] = open(path, "wb") if self._own else sys.stdout.buffer
        self._out: Any = self._raw
        if compression == "gzip":
            # no file name in the header: the file is written under a temporary one
            self._out = gzip.GzipFile(filename="", fileobj=self._raw, mode="wb")
        elif compression == "zstd":
            import zstandard

            self._out = zstandard.ZstdCompressor().stream_writer(self._raw, closefd=False)
        self.counts = {"records": 0, "people": 0}

    def write(self, record: dict[str, Any]) -> None:
        self.counts["records"] += 1
        found = _lines(record, self.to)
        if found is not None:
            self.counts["people"] += 1
            self._out.write(b"".join(line + b"\n" for line in found))

    def close(self) -> None:
        if self._out is not self._raw:
            self._out.close()  # the gzip trailer / zstd frame end; the file stays open
        self._raw.flush()
        if self._own:
            self._raw.close()

    def finish(self, ok: bool) -> None:
        """Close, then put the output in place (``ok``) or remove it (OUT left as it was)."""
        if self.place is None:
            self.close()
        else:
            self.place.settle(ok, self.close)


def open_sink(to: str, output: str, sections: bool = False, inputs: Sequence[str] = ()) -> Any:
    """A writer with ``write(record)``, ``finish(ok)`` and ``counts`` for format ``to``.

    ``output`` is a directory for ``tables``, a file (or ``-`` for stdout) otherwise, compressed
    as its suffix says (:func:`line_compression`).  It is written under a temporary name and put
    in place by ``finish(True)`` (:mod:`.place`); OutputError when it is one of ``inputs``, its
    suffix does not fit ``to``, or another bioparse is writing it.
    """
    if to not in FORMATS:
        raise ValueError(f"unknown export format {to!r}: expected one of {', '.join(FORMATS)}")
    place = prepare(output, list(inputs), is_dir=to == "tables")
    try:
        if to == "tables":
            from .tables import TablesWriter

            return TablesWriter(place.path, sections=sections, place=place)
        return LinesSink(to, output, place, compression=line_compression(to, output))
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
