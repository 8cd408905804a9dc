"""Read back what ``bioparse parse``/``dump`` wrote: JSON Lines (plain, .gz, .zst, .xz, .bz2) or Parquet,
from files, stdin or URLs.

Records come back as the JSON-ready dicts ``Article.to_dict`` gives, one at a
time, so an export streams whatever the size of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from ..dump.sources import is_url, open_decompressed, open_url, stdin_raw

_PARQUET_MAGIC = b"PAR1"


class RecordsError(ValueError):
    """An input that is not records bioparse wrote (with the line that broke)."""


def iter_records(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Every record of every input, in order; ``-`` reads JSON Lines from stdin, and URLs
    (``s3://``, ``https://``, ...) are read through fsspec as ``bioparse dump`` reads them."""
    for path in paths:
        if path == "-":
            yield from _jsonl(open_decompressed(stdin_raw()), "<stdin>")
            continue
        with open_url(path) if is_url(path) else open(path, "rb") as fh:
            is_parquet = fh.read(4) == _PARQUET_MAGIC
            fh.seek(0)
            if is_parquet:
                yield from _parquet(fh)
            else:
                yield from _jsonl(open_decompressed(fh), path)


def _jsonl(stream: IO[bytes], name: str) -> Iterator[dict[str, Any]]:
    line_no = 0
    for line in stream:
        line_no += 1
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise RecordsError(f"{name}, line {line_no}: not JSON: {exc}") from None
        if not isinstance(record, dict):
            raise RecordsError(f"{name}, line {line_no}: a record must be a JSON object")
        yield record


def _parquet(source: IO[bytes], batch_rows: int = 1024) -> Iterator[dict[str, Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..dump.arrow import table_to_records

    with pq.ParquetFile(source) as pf:
        for batch in pf.iter_batches(batch_size=batch_rows):
            yield from table_to_records(pa.Table.from_batches([batch]))
