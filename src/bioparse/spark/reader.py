"""Driver side: build the DataFrames of pages and of output records.

The work is planned on the driver (:mod:`bioparse.spark.plan`: which files,
which multistream blocks, how many per task) and shipped as a small
DataFrame with one partition per task; the executors then read and parse
with :mod:`bioparse.spark.transform` through ``mapInArrow``, so page text
never passes through the JVM unless the pages are asked for
(:func:`pages_dataframe`) or redistributed (``repartition``).

Input paths must be readable at the same path on every executor (local
mode, or a shared file system such as NFS/EFS/DBFS FUSE mounts).
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Collection, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from .plan import DEFAULT_PAGES_PER_TASK, plan_tasks
from .transform import item_arrow_schema, page_arrow_schema, parse_items, parse_page_batches, read_items

if TYPE_CHECKING:  # pragma: no cover - pyspark is an optional extra
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

DEFAULT_NAMESPACES: frozenset[int] = frozenset({0})


def _to_spark(schema: Any) -> StructType:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def spark_schema() -> StructType:
    """The Spark schema of an output record: ``bioparse dump``'s Parquet schema, converted."""
    from ..dump.arrow import arrow_schema

    return _to_spark(arrow_schema())


def page_schema() -> StructType:
    """The Spark schema of :func:`pages_dataframe` (the fields of a dump ``Page``)."""
    return _to_spark(page_arrow_schema())


def _flatten(task: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return task


def _items_dataframe(spark: SparkSession, paths: Sequence[str], pages_per_task: int) -> DataFrame:
    """One partition per planned task, holding that task's work items in order."""
    tasks = plan_tasks([os.fspath(p) for p in paths], pages_per_task)
    from .plan import item_rows

    rows = item_rows(tasks)
    rdd = spark.sparkContext.parallelize(rows, max(1, len(rows))).flatMap(_flatten)
    return spark.createDataFrame(rdd, _to_spark(item_arrow_schema()))


def _map_in_arrow(df: DataFrame, fn: Any, schema: StructType) -> DataFrame:
    with warnings.catch_warnings():
        # pyspark checks for pandas when a mapInArrow UDF is built and warns
        # about pandas 3; no pandas code runs here.
        warnings.filterwarnings("ignore", message=".*pandas.*", category=FutureWarning)
        return df.mapInArrow(fn, schema)


def pages_dataframe(
    spark: SparkSession,
    paths: Sequence[str],
    namespaces: Collection[int] | None = DEFAULT_NAMESPACES,
    *,
    pages_per_task: int = DEFAULT_PAGES_PER_TASK,
) -> DataFrame:
    """Every page of ``paths`` (dumps, NDJSON, directories) as a DataFrame (:func:`page_schema`).

    Pages keep their input order and ``position``.  An input that breaks off
    contributes a row with ``format="input-error"`` and the message as
    ``text``, which :func:`parse_pages` turns into an error record.  Raises
    OSError on the driver for a path that does not exist.
    """
    ns = None if namespaces is None else sorted(namespaces)
    return _map_in_arrow(
        _items_dataframe(spark, paths, pages_per_task), partial(read_items, namespaces=ns), page_schema()
    )


def parse_pages(pages: DataFrame, *, people_only: bool = False) -> DataFrame:
    """Output records (:func:`spark_schema`) for a DataFrame of pages, e.g. from :func:`pages_dataframe`.

    Any DataFrame with at least ``text`` and ``format`` (wikitext, html, text,
    enterprise or auto) works; missing page columns are filled with nulls.  A
    page the parser cannot handle becomes an error record row.
    """
    from pyspark.sql import functions as F

    wanted = page_schema()
    cols = [
        (F.col(f.name) if f.name in pages.columns else F.lit(None)).cast(f.dataType).alias(f.name) for f in wanted.fields
    ]
    return _map_in_arrow(pages.select(*cols), partial(parse_page_batches, people_only=people_only), spark_schema())


def parse_dataframe(
    spark: SparkSession,
    paths: Sequence[str],
    *,
    people_only: bool = False,
    namespaces: Collection[int] | None = DEFAULT_NAMESPACES,
    pages_per_task: int = DEFAULT_PAGES_PER_TASK,
    repartition: int | None = None,
) -> DataFrame:
    """The records ``bioparse dump`` would write for ``paths``, as a DataFrame.

    Reading and parsing run in the same task (one per planned task, see
    :func:`bioparse.spark.plan.plan_tasks`).  ``repartition=N`` instead reads
    pages first and spreads them over N partitions before parsing: the way to
    use more than one core on an input that cannot be split (a plain .bz2 or
    .gz dump, an Enterprise .tar.gz), at the cost of a shuffle of page text and
    of the output order.
    """
    ns = None if namespaces is None else sorted(namespaces)
    if repartition:
        pages = pages_dataframe(spark, paths, namespaces, pages_per_task=pages_per_task)
        return parse_pages(pages.repartition(repartition), people_only=people_only)
    return _map_in_arrow(
        _items_dataframe(spark, paths, pages_per_task),
        partial(parse_items, namespaces=ns, people_only=people_only),
        spark_schema(),
    )


def write_parquet(df: DataFrame, path: str, *, mode: str = "errorifexists", compression: str = "zstd") -> None:
    """Write records as Parquet: a directory of part files, one per partition (Spark's layout)."""
    df.write.mode(mode).option("compression", compression).parquet(path)


def local_session(master: str = "local[2]", app_name: str = "bioparse", **conf: str) -> SparkSession:
    """A small SparkSession for local runs and tests (no UI, few shuffle partitions).

    The Python workers must run an interpreter that has bioparse installed.
    pyspark started from Python (not spark-submit) reads that only from
    ``PYSPARK_PYTHON``, so a ``spark.pyspark.python`` setting is copied there;
    in local mode it defaults to this interpreter.
    """
    from pyspark.sql import SparkSession

    if "spark.pyspark.python" in conf:
        os.environ["PYSPARK_PYTHON"] = conf["spark.pyspark.python"]
    elif master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app_name)
    settings = {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "2",
        "spark.driver.memory": "1g",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "1000",
        **conf,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pandas.*", category=FutureWarning)
        return builder.getOrCreate()
