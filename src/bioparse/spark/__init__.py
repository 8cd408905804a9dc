"""Run the dump pipeline on Apache Spark (``pip install bioparse[spark]``).

``parse_dataframe(spark, paths)`` gives the same records as ``bioparse dump``
as a DataFrame with the same (Parquet) schema; ``pages_dataframe`` and
``parse_pages`` split that into reading and parsing.  Importing this package
does not import pyspark, nor pyarrow: the functions come from
:mod:`bioparse.spark.reader` on first access, so the CLI, which registers
``spark-dump`` beside every other command, starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .plan import DEFAULT_PAGES_PER_TASK, WorkItem, plan_tasks

if TYPE_CHECKING:
    from .reader import (
        local_session,
        page_schema,
        pages_dataframe,
        parse_dataframe,
        parse_pages,
        spark_schema,
        write_parquet,
    )

_FROM_READER = frozenset(
    {"local_session", "page_schema", "pages_dataframe", "parse_dataframe", "parse_pages", "spark_schema", "write_parquet"}
)


def __getattr__(name: str) -> Any:
    if name in _FROM_READER:
        from . import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_PAGES_PER_TASK",
    "WorkItem",
    "local_session",
    "page_schema",
    "pages_dataframe",
    "parse_dataframe",
    "parse_pages",
    "plan_tasks",
    "spark_schema",
    "write_parquet",
]
