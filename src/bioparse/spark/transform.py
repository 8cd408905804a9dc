"""The functions Spark runs on executors: work items -> pages -> output records.

Everything here is plain Python over pyarrow batches, so it is importable and
testable without pyspark.  The parsing itself is the local dump's
:func:`bioparse.dump.process.process_batch`, batch for batch, so a Spark run
writes exactly the records ``bioparse dump`` writes.  bioparse is imported
once per Python worker (Spark reuses workers across tasks), not per page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..dump.pages import DumpError, Page
from .plan import WorkItem, item_from_row

#: Pages handed to ``process_batch`` at a time (bounds the memory of a task).
BATCH_PAGES = 32


def page_arrow_schema() -> pa.Schema:
    """Arrow schema of the pages DataFrame: the fields of :class:`~bioparse.dump.pages.Page`."""
    return pa.schema(
        [
            pa.field("title", pa.string(), nullable=False),
            pa.field("page_id", pa.int64()),
            pa.field("namespace", pa.int64()),
            pa.field("revision_id", pa.int64()),
            pa.field("timestamp", pa.string()),
            pa.field("text", pa.string(), nullable=False),
            pa.field("format", pa.string(), nullable=False),
            pa.field("redirect", pa.string()),
            pa.field("source", pa.string(), nullable=False),
            pa.field("position", pa.int64(), nullable=False),
            pa.field("dbname", pa.string()),
        ]
    )


def item_arrow_schema() -> pa.Schema:
    """Arrow schema of the work-item DataFrame (:data:`bioparse.spark.plan.ITEM_FIELDS`)."""
    return pa.schema(
        [
            pa.field("task", pa.int64(), nullable=False),
            pa.field("kind", pa.string(), nullable=False),
            pa.field("path", pa.string(), nullable=False),
            pa.field("source", pa.string(), nullable=False),
            pa.field("offset", pa.int64(), nullable=False),
            pa.field("length", pa.int64(), nullable=False),
            pa.field("first_position", pa.int64(), nullable=False),
            pa.field("n_pages", pa.int64(), nullable=False),
            pa.field("message", pa.string(), nullable=False),
            pa.field("dbname", pa.string(), nullable=False),
        ]
    )


def input_error_record(item: WorkItem, message: str, position: int, fmt: str = "wikitext") -> dict[str, Any]:
    """The record standing for an input that broke off (truncated, corrupt, unsafe).

    Locally ``bioparse dump`` stops with exit status 1 and an error line; a
    Spark job cannot stop one input without failing all the others, so the
    failure becomes a row: no title, ``error`` set, and ``meta`` saying where
    (``source``, ``position`` of the first page not read, ``input_error``).
    """
    from ..dump.process import error_record

    page = Page(
        title="",
        page_id=None,
        namespace=None,
        revision_id=None,
        timestamp=None,
        text="",
        format=fmt,
        redirect=None,
        source=item.source,
        position=position,
    )
    record = error_record(page, message if message.startswith(_PREFIX) else _PREFIX + message)
    record["meta"]["input_error"] = "true"
    return record


_PREFIX = "input broke off: "


def iter_item(item: WorkItem, namespaces: Collection[int] | None) -> Iterator[Page | dict[str, Any]]:
    """The pages of one work item, then an input-error record if it broke off."""
    from ..dump.sources import iter_pages, read_block

    ns = None if namespaces is None else set(namespaces)
    if item.kind == "error":
        yield input_error_record(item, item.message, item.first_position)
        return
    if item.kind == "block":
        try:
            pages = read_block(item.block(), ns)
        except DumpError as exc:
            yield input_error_record(item, str(exc), item.first_position)
            return
        yield from pages
        return
    next_position = 0
    fmt = "wikitext"
    try:
        for page in iter_pages(item.path, namespaces=ns):
            next_position = page.position + 1
            fmt = page.format
            yield page
    except (DumpError, OSError) as exc:
        yield input_error_record(item, str(exc), next_position, fmt)


def _records_batches(records: list[dict[str, Any]]) -> list[pa.RecordBatch]:
    from ..dump.arrow import records_to_table

    return records_to_table(records).to_batches() if records else []


def _parse_pages(pages: list[Page], people_only: bool) -> list[pa.RecordBatch]:
    """One local dump batch: the same ``process_batch`` call ``bioparse dump`` makes for Parquet."""
    from ..dump.process import process_batch

    result = process_batch(pages, people_only=people_only, output="parquet")
    if not result.arrow:
        return []
    return pa.ipc.open_stream(result.arrow).read_all().to_batches()


def parse_items(
    batches: Iterable[pa.RecordBatch], *, namespaces: Collection[int] | None, people_only: bool
) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` body: work-item rows in, output records (Parquet schema) out."""
    for batch in batches:
        for row in batch.to_pylist():
            pending: list[Page] = []
            for got in iter_item(item_from_row(row), namespaces):
                if isinstance(got, dict):
                    yield from _parse_pages(pending, people_only)
                    pending = []
                    yield from _records_batches([got])
                    continue
                pending.append(got)
                if len(pending) >= BATCH_PAGES:
                    yield from _parse_pages(pending, people_only)
                    pending = []
            yield from _parse_pages(pending, people_only)


def read_items(batches: Iterable[pa.RecordBatch], *, namespaces: Collection[int] | None) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` body: work-item rows in, pages out.

    A pages DataFrame has no place for an error record, so an input that
    breaks off yields a page with ``format="input-error"`` whose ``text`` is
    the message; :func:`parse_page_batches` turns it back into the input-error
    record, so nothing is lost between the two steps.
    """
    schema = page_arrow_schema()
    for batch in batches:
        for row in batch.to_pylist():
            item = item_from_row(row)
            rows: list[dict[str, Any]] = []
            for got in iter_item(item, namespaces):
                if isinstance(got, dict):
                    meta = got["meta"]
                    rows.append(
                        {
                            "title": "",
                            "text": str(got["error"]),
                            "format": INPUT_ERROR,
                            "source": meta["source"],
                            "position": int(meta["position"]),
                        }
                    )
                else:
                    rows.append(vars(got))
                if len(rows) >= BATCH_PAGES:
                    yield pa.RecordBatch.from_pylist(rows, schema=schema)
                    rows = []
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=schema)


#: ``Page.format`` of the stand-in page for an input that broke off (pages DataFrame only).
INPUT_ERROR = "input-error"


def page_from_row(row: dict[str, Any]) -> Page:
    return Page(
        title=row.get("title") or "",
        page_id=row.get("page_id"),
        namespace=row.get("namespace"),
        revision_id=row.get("revision_id"),
        timestamp=row.get("timestamp"),
        text=row.get("text") or "",
        format=row.get("format") or "auto",
        redirect=row.get("redirect"),
        source=row.get("source") or "",
        position=int(row.get("position") or 0),
        dbname=row.get("dbname"),
    )


def parse_page_batches(batches: Iterable[pa.RecordBatch], *, people_only: bool) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` body: pages DataFrame rows in, output records out."""
    for batch in batches:
        pending: list[Page] = []
        for row in batch.to_pylist():
            page = page_from_row(row)
            if page.format == INPUT_ERROR:
                yield from _parse_pages(pending, people_only)
                pending = []
                item = WorkItem("file", "", page.source)
                yield from _records_batches([input_error_record(item, page.text, page.position)])
                continue
            pending.append(page)
            if len(pending) >= BATCH_PAGES:
                yield from _parse_pages(pending, people_only)
                pending = []
        yield from _parse_pages(pending, people_only)
