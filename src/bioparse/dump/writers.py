"""Output writers: JSON Lines (plain, gzip or zstd) and Parquet, both streaming.

Both take :class:`~bioparse.dump.process.BatchResult` objects whose records
are already serialised by the workers, and write to a file handle opened by
:mod:`bioparse.dump.output`.  Parquet is written in row groups as batches
arrive, never collected until the end.
"""

from __future__ import annotations

import gzip
from typing import IO, Any

from .process import BatchResult


class JsonlWriter:
    """One JSON object per line.

    Plain output is flushed per batch so an interrupted run can resume and
    ``offset`` (bytes of OUT written so far) stays exact; compressed output
    is flushed only at the end, which keeps the compression ratio.
    """

    def __init__(self, fh: IO[bytes], close: bool = True, compression: str | None = None, offset: int = 0):
        self._raw = fh
        self._close = close
        self.offset = offset
        self._fh: Any = fh
        if compression == "gzip":
            # no file name in the header: OUT is written under a temporary name (``gunzip -N``
            # would otherwise restore that one)
            self._fh = gzip.GzipFile(filename="", fileobj=fh, mode="wb")
        elif compression == "zstd":
            import zstandard

            self._fh = zstandard.ZstdCompressor().stream_writer(fh, closefd=False)
        self._compressed = compression is not None

    def write(self, batch: BatchResult) -> None:
        if batch.lines:
            data = b"\n".join(batch.lines) + b"\n"
            self._fh.write(data)
            if not self._compressed:
                self._fh.flush()
            self.offset += len(data)

    def close(self) -> None:
        if self._compressed:
            self._fh.close()  # writes the gzip trailer / zstd frame end, leaves the file open
        self._raw.flush()
        if self._close:
            self._raw.close()


class ParquetWriter:
    """Parquet with the nested :func:`arrow_schema`, one row group per ``row_group_size`` records."""

    def __init__(self, where: IO[bytes] | str, row_group_size: int = 2048, compression: str = "zstd"):
        import pyarrow.parquet as pq  # imported here: JSON Lines runs start without pyarrow

        from .arrow import arrow_schema

        self._where = where
        self._writer = pq.ParquetWriter(where, arrow_schema(), compression=compression)
        self._row_group_size = row_group_size
        self._pending: list[Any] = []
        self._rows = 0
        self.offset = 0

    def write(self, batch: BatchResult) -> None:
        import pyarrow as pa

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
        import pyarrow as pa

        if self._pending:
            table = pa.concat_tables(self._pending)
            self._writer.write_table(table, row_group_size=max(self._row_group_size, table.num_rows))
            self._pending = []
            self._rows = 0

    def close(self) -> None:
        try:
            self._flush()
            self._writer.close()
        finally:
            if not isinstance(self._where, str):
                self._where.close()

