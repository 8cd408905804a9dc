"""Output writers: JSON Lines and Parquet, both streaming.

Both take :class:`~bioparse.dump.process.BatchResult` objects whose records
are already serialised by the workers.  Parquet is written in row groups as
batches arrive, never collected until the end.
"""

from __future__ import annotations

import os
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .arrow import arrow_schema
from .process import BatchResult


class JsonlWriter:
    """One JSON object per line, flushed per batch so an interrupted run can resume."""

    def __init__(self, fh: IO[bytes], close: bool = True):
        self._fh = fh
        self._close = close

    def write(self, batch: BatchResult) -> None:
        if batch.lines:
            self._fh.write(b"\n".join(batch.lines) + b"\n")
            self._fh.flush()

    def close(self) -> None:
        self._fh.flush()
        if self._close:
            self._fh.close()


class ParquetWriter:
    """Parquet with the nested :func:`arrow_schema`, one row group per ``row_group_size`` records."""

    def __init__(self, path: str | os.PathLike[str], row_group_size: int = 2048, compression: str = "zstd"):
        self._writer = pq.ParquetWriter(str(path), arrow_schema(), compression=compression)
        self._row_group_size = row_group_size
        self._pending: list[pa.Table] = []
        self._rows = 0

    def write(self, batch: BatchResult) -> None:
        if not batch.arrow:
            return
        table = pa.ipc.open_stream(batch.arrow).read_all()
        if table.num_rows == 0:
            return
        self._pending.append(table)
        self._rows += table.num_rows
        if self._rows >= self._row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            table = pa.concat_tables(self._pending)
            self._writer.write_table(table, row_group_size=max(self._row_group_size, table.num_rows))
            self._pending = []
            self._rows = 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


def output_format_for(path: str, explicit: str | None) -> str:
    """``explicit`` if given, else from the output's suffix (.parquet/.pq -> parquet)."""
    if explicit:
        return explicit
    lower = path.lower()
    return "parquet" if lower.endswith((".parquet", ".pq")) else "jsonl"


def resume_point(path: str) -> tuple[int, dict[str, Any] | None]:
    """Prepare a JSON Lines output for appending: drop a trailing partial line.

    Returns how many complete records the file holds and the last one (None
    when empty), whose ``meta`` source and position say where to continue.
    """
    import orjson

    if not os.path.exists(path):
        return 0, None
    size = os.path.getsize(path)
    with open(path, "rb+") as fh:
        # Find the end of the last complete line, scanning back from the end.
        end = size
        block = 1 << 16
        last_nl = -1
        pos = size
        while pos > 0 and last_nl < 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                last_nl = start + idx
            pos = start
        end = last_nl + 1 if last_nl >= 0 else 0
        if end != size:
            fh.truncate(end)
        if end == 0:
            return 0, None
        # The last complete line starts after the previous newline.
        pos = end - 1
        line_start = 0
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                line_start = start + idx + 1
                break
            pos = start
        fh.seek(line_start)
        last = orjson.loads(fh.read(end - line_start))
        fh.seek(0)
        count = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return count, last
