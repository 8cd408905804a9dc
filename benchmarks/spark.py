"""Benchmark the Spark pipeline against ``bioparse dump`` on the same real pages.

Input: the real enwiki sample (206 pages, 6.1 MB XML) repeated ``--copies``
times, written twice: as a plain .bz2 (what ``bioparse dump`` reads; one
Spark task unless repartitioned) and as a multistream .bz2 + index with
``--per-stream`` pages per stream (what Spark splits into tasks).

Runs, each in a fresh process, timed wall-clock:

* ``bioparse dump --workers 1`` and ``--workers 2`` on the plain .bz2 (JSON Lines),
  and ``--workers 1`` on the multistream dump to Parquet: the same input and
  the same output as a Spark task, so the per-task comparison is like for like;
* Spark ``local[1]`` and ``local[2]`` on the multistream dump, and
  ``local[2]`` on the plain .bz2 with and without ``repartition=2``.

For Spark the session start-up (JVM) is timed apart from the job (plan,
read, parse, write Parquet), and the job is run twice in the session: the
first run also starts the Python workers (which import pyarrow, pandas and
bioparse) and warms up the JVM; the second is the steady state a long job
runs at.  For ``bioparse dump`` the whole process is timed (its start-up is
well under a second).  The machine's load average is printed because
absolute numbers on a shared machine drift.

Usage: python benchmarks/spark.py [--copies 2] [--per-stream 100] [--pages-per-task 100]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tile_dump import read_xml, split_pages, write_multistream, write_plain_bz2  # noqa: E402

from bioparse.build import describe  # noqa: E402

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DUMP = SHARED / "corpus/dumps/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
PY = sys.executable

SPARK_RUN = r"""
import json, sys, time
t0 = time.perf_counter()
from bioparse.spark import local_session, parse_dataframe, write_parquet

master, out, repartition, per_task = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
spark = local_session(master, **{"spark.driver.memory": "1g"})
spark.sparkContext.setLogLevel("ERROR")
startup = time.perf_counter() - t0
times = []
for _ in range(2):  # the first run also starts the Python workers and warms up the JVM
    t1 = time.perf_counter()
    df = parse_dataframe(spark, sys.argv[5:], repartition=repartition or None, pages_per_task=per_task)
    tasks = df.rdd.getNumPartitions()
    write_parquet(df, out, mode="overwrite")
    times.append(time.perf_counter() - t1)
n = spark.read.parquet(out).count()
spark.stop()
print(json.dumps({"startup": startup, "cold": times[0], "job": times[1], "records": n, "tasks": tasks}))
"""


def run_dump(inp: str, out: str, workers: int) -> dict:
    t = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "bioparse.cli", "dump", inp, "-o", out, "--workers", str(workers), "--quiet"],
        capture_output=True, text=True, check=True,
    )
    seconds = time.perf_counter() - t
    records = int(proc.stderr.strip().splitlines()[-1].split(", ")[1].split(" records")[0])
    return {"job": seconds, "cold": seconds, "startup": 0.0, "records": records, "tasks": workers}


def run_spark(inp: str, out: str, master: str, repartition: int, per_task: int) -> dict:
    proc = subprocess.run(
        [PY, "-c", SPARK_RUN, master, out, str(repartition), str(per_task), inp],
        capture_output=True, text=True, check=True, env=dict(os.environ, PYSPARK_PYTHON=PY),
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=2, help="times the sample's pages are repeated")
    ap.add_argument("--per-stream", type=int, default=100, help="pages per multistream block")
    ap.add_argument("--pages-per-task", type=int, default=100, help="Spark pages per task (multistream)")
    ap.add_argument("--scaling", action="store_true",
                    help="only the runs the scaling targets need: dump --workers 1, local[1] and local[2] on multistream")
    args = ap.parse_args()
    header, pages, footer = split_pages(read_xml(str(DUMP)))
    tiled = pages * args.copies
    xml_mb = sum(len(p) for p in tiled) / 1e6
    load = os.getloadavg()[0]
    results: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "sample.xml.bz2")
        write_plain_bz2(plain, header, tiled, footer)
        ms = os.path.join(tmp, "sample-multistream.xml.bz2")
        write_multistream(ms, os.path.join(tmp, "sample-multistream-index.txt.bz2"), header, tiled, footer,
                          per_stream=args.per_stream)
        out = os.path.join(tmp, "out")
        results.append(("bioparse dump --workers 1 (plain bz2)", run_dump(plain, out + ".jsonl", 1)))
        results.append(("bioparse dump --workers 1 (multistream, Parquet)", run_dump(ms, out + ".parquet", 1)))
        if not args.scaling:
            results.append(("bioparse dump --workers 2 (plain bz2)", run_dump(plain, out + ".jsonl", 2)))
        results.append(("spark local[1], multistream", run_spark(ms, out, "local[1]", 0, args.pages_per_task)))
        results.append(("spark local[2], multistream", run_spark(ms, out, "local[2]", 0, args.pages_per_task)))
        if not args.scaling:
            results.append(("spark local[2], plain bz2 (one task)", run_spark(plain, out, "local[2]", 0, args.pages_per_task)))
            results.append(("spark local[2], plain bz2, repartition=2",
                            run_spark(plain, out, "local[2]", 2, args.pages_per_task)))

    base = results[0][1]["job"]
    print(f"input: {DUMP.name} x{args.copies} ({len(tiled)} pages, {xml_mb:.1f} MB XML), "
          f"multistream {args.per_stream} pages/stream, {args.pages_per_task} pages/task; "
          f"{os.cpu_count()} CPUs, load average at start {load:.2f}, bioparse build: {describe()}")
    print()
    print("| run | tasks | records | session start-up s | first job s | warm job s | pages/s (warm) | vs dump --workers 1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, r in results:
        print(f"| {label} | {r['tasks']} | {r['records']} | {r['startup']:.1f} | {r['cold']:.1f} | {r['job']:.1f} | "
              f"{len(tiled) / r['job']:.0f} | {base / r['job']:.2f}x |")
    print()
    by = dict(results)
    one, two = by["spark local[1], multistream"]["job"], by["spark local[2], multistream"]["job"]
    print(f"- spark local[2] / local[1] (warm, multistream): {one / two:.2f}x")
    same = by["bioparse dump --workers 1 (multistream, Parquet)"]["job"]
    print(f"- spark local[1] per-task throughput / bioparse dump --workers 1 (plain bz2, JSON Lines): {base / one:.0%}")
    print(f"- spark local[1] per-task throughput / bioparse dump --workers 1 (same multistream input, Parquet): "
          f"{same / one:.0%}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
