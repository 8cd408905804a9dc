"""``bioparse spark-dump INPUT... -o OUT``: the ``dump`` pipeline on Apache Spark.

Importable without pyspark (the CLI lists every sub-command); pyspark is
imported when the command runs, and its absence is exit status 2 with an
install hint.  Exit status otherwise follows ``bioparse dump``: 0 when every
input was read to its end, 1 when an input broke off (its pages before the
break are written, plus an error record saying where), 2 for unusable
arguments or inputs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

INSTALL_HINT = "bioparse: spark-dump needs pyspark: install bioparse[spark] (pip install 'bioparse[spark]') and a Java 17+ runtime"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "spark-dump",
        help="parse whole dumps on Apache Spark (needs bioparse[spark])",
        description=(
            "Like 'bioparse dump', on Spark: read every page of each INPUT and write one record per page "
            "as Parquet (a directory of part files, the schema of 'bioparse dump'). Multistream dumps with "
            "their index are split into blocks; other inputs are one task each unless --repartition is given."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output Parquet directory")
    p.add_argument("--master", help="Spark master URL, e.g. local[2] (default: from spark-submit, else local[*])")
    p.add_argument("--people-only", action="store_true", help="write only pages about a person (and error records)")
    p.add_argument("--namespaces", default="0", help="comma-separated namespace numbers to keep, or 'all' (default: 0)")
    p.add_argument("--pages-per-task", type=int, default=None, metavar="N", help="multistream pages per task (default: 1000)")
    p.add_argument("--repartition", type=int, metavar="N", help="spread pages over N partitions before parsing")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="Spark setting, repeatable (e.g. spark.executor.memory=4g, spark.archives=env.tar.gz#environment)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..dump.command import check_inputs

    status, namespaces = check_inputs(args.inputs, args.namespaces)
    if status:
        return status
    conf = dict(item.partition("=")[::2] for item in args.conf)
    if any(not k or not v for k, v in conf.items()):
        print("bioparse: --conf expects KEY=VALUE", file=sys.stderr)
        return 2
    if os.path.exists(args.output) and not args.overwrite:
        print(f"bioparse: {args.output} exists (use --overwrite to replace it)", file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2

    from . import DEFAULT_PAGES_PER_TASK, parse_dataframe, write_parquet

    start = time.perf_counter()
    spark = _session(args.master, conf)
    df = parse_dataframe(
        spark,
        args.inputs,
        people_only=args.people_only,
        namespaces=namespaces,
        pages_per_task=args.pages_per_task or DEFAULT_PAGES_PER_TASK,
        repartition=args.repartition,
    )
    write_parquet(df, args.output, mode="overwrite" if args.overwrite else "errorifexists")
    counts = _summary(spark, args.output)
    seconds = time.perf_counter() - start
    print(
        f"bioparse spark-dump: {counts['records']} records written, {counts['people']} people, "
        f"{counts['errors']} errors ({counts['broken']} inputs broke off), {seconds:.1f} s",
        file=sys.stderr,
    )
    return 1 if counts["broken"] else 0


def _session(master: str | None, conf: dict[str, str]) -> Any:
    """A session for ``master`` (default ``local[*]``) with ``conf`` on top of the defaults."""
    from . import local_session

    return local_session(master or "local[*]", app_name="bioparse spark-dump", **conf)


def _summary(spark: Any, path: str) -> dict[str, int]:
    """Counts read back from the written Parquet (cheap: three small columns)."""
    from pyspark.sql import functions as F

    df = spark.read.parquet(path)
    row = df.agg(
        F.count(F.lit(1)).alias("records"),
        F.sum(F.when(F.col("error").isNotNull(), 1).otherwise(0)).alias("errors"),
        F.sum(F.when(F.col("error").isNull() & F.col("person").isNotNull(), 1).otherwise(0)).alias("people"),
        F.sum(F.when(F.col("meta").getItem("input_error") == "true", 1).otherwise(0)).alias("broken"),
    ).collect()[0]
    return {k: int(row[k] or 0) for k in ("records", "errors", "people", "broken")}
