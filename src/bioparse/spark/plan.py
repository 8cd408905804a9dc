"""Split inputs into Spark tasks, on the driver, without pyspark.

A task is a list of work items that one Spark task reads and parses in
order.  Multistream bz2 dumps with an index are split at stream boundaries
(each block is independent), grouped so a task holds about
``pages_per_task`` pages; every other input (plain/.bz2/.gz XML, NDJSON,
tar.gz snapshots, directories) is one item read start to end by
:func:`bioparse.dump.sources.iter_pages` inside its task, since none of them
can be entered in the middle.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from ..dump.pages import DumpError
from ..dump.sources import StreamBlock, check_header, find_index, plan_blocks

#: Pages per task when splitting multistream dumps (Wikimedia blocks hold 100).
DEFAULT_PAGES_PER_TASK = 1000


@dataclass
class WorkItem:
    """One thing a task reads: a whole input (``file``), a stream block, or a known failure.

    ``error`` items carry a problem found on the driver (e.g. a multistream
    header with a DTD) so it reaches the output as an error record instead of
    failing the job.
    """

    kind: str  # "file" | "block" | "error"
    path: str
    source: str
    offset: int = 0
    length: int = 0
    first_position: int = 0
    n_pages: int = 0
    message: str = ""
    #: The dump header's ``<siteinfo><dbname>`` ("" when it gives none).
    dbname: str = ""

    def block(self) -> StreamBlock:
        return StreamBlock(
            self.path, self.source, self.offset, self.length, self.first_position, self.n_pages, self.dbname or None
        )


#: Column order of the work-item DataFrame (see :func:`item_rows`).
ITEM_FIELDS = ("task", "kind", "path", "source", "offset", "length", "first_position", "n_pages", "message", "dbname")


def plan_input(path: str) -> list[WorkItem]:
    """Work items for one input path; raises OSError when it cannot be read at all."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no such file or directory")
    if not os.access(path, os.R_OK):
        raise PermissionError(f"{path}: permission denied")
    source = os.path.basename(os.path.normpath(path))
    index = find_index(path) if os.path.isfile(path) else None
    if index is None:
        return [WorkItem("file", os.path.abspath(path), source)]
    try:
        header, blocks = plan_blocks(path, index)
    except (OSError, ValueError, EOFError):
        # Same fallback as the local dump: an unusable index means a sequential read.
        return [WorkItem("file", os.path.abspath(path), source)]
    try:
        dbname = check_header(path, header)
    except DumpError as exc:
        return [WorkItem("error", os.path.abspath(path), source, message=str(exc))]
    return [
        WorkItem("block", os.path.abspath(b.path), b.source, b.offset, b.length, b.first_position, b.n_pages,
                 dbname=dbname or "")
        for b in blocks
    ]


def plan_tasks(paths: list[str], pages_per_task: int = DEFAULT_PAGES_PER_TASK) -> list[list[WorkItem]]:
    """Group the work items of all inputs into tasks, keeping input order.

    Consecutive blocks of one dump share a task until it holds
    ``pages_per_task`` pages; a whole-file item always has a task of its own.
    """
    tasks: list[list[WorkItem]] = []
    current: list[WorkItem] = []
    pages = 0
    for path in paths:
        for item in plan_input(path):
            if item.kind != "block":
                if current:
                    tasks.append(current)
                    current, pages = [], 0
                tasks.append([item])
                continue
            if current and (pages + item.n_pages > max(1, pages_per_task) or current[-1].path != item.path):
                tasks.append(current)
                current, pages = [], 0
            current.append(item)
            pages += item.n_pages
    if current:
        tasks.append(current)
    return tasks


def item_rows(tasks: list[list[WorkItem]]) -> list[list[tuple[object, ...]]]:
    """Tasks as rows in :data:`ITEM_FIELDS` order, one inner list per Spark partition."""
    return [[(i, *asdict(item).values()) for item in task] for i, task in enumerate(tasks)]


def item_from_row(row: dict[str, object]) -> WorkItem:
    """Inverse of :func:`item_rows` for one row (as a dict of column values)."""
    return WorkItem(
        kind=str(row["kind"]),
        path=str(row["path"]),
        source=str(row["source"]),
        offset=int(row["offset"] or 0),  # type: ignore[call-overload]
        length=int(row["length"] or 0),  # type: ignore[call-overload]
        first_position=int(row["first_position"] or 0),  # type: ignore[call-overload]
        n_pages=int(row["n_pages"] or 0),  # type: ignore[call-overload]
        message=str(row["message"] or ""),
        dbname=str(row.get("dbname") or ""),
    )
