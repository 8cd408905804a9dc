"""Run the dump pipeline on Apache Spark (``pip install bioparse[spark]``).

``parse_dataframe(spark, paths)`` gives the same records as ``bioparse dump``
as a DataFrame with the same (Parquet) schema; ``pages_dataframe`` and
``parse_pages`` split that into reading and parsing.  Importing this package
does not import pyspark: the functions do, when called.
"""

from __future__ import annotations

from .plan import DEFAULT_PAGES_PER_TASK, WorkItem, plan_tasks
from .reader import (
    local_session,
    page_schema,
    pages_dataframe,
    parse_dataframe,
    parse_pages,
    spark_schema,
    write_parquet,
)

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
