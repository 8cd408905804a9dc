"""The Spark pipeline in local mode gives exactly the records of ``bioparse dump``.

Skipped when pyspark (with pandas, which its ``mapInArrow`` requires) or a
Java runtime is missing; CI installs ``.[test,spark]`` and a JRE so these run.
One SparkSession serves the whole test session.
"""

from __future__ import annotations

import bz2
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")


def _java_runs() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


if not _java_runs():
    pytest.skip("no working Java runtime for Spark", allow_module_level=True)

from pyspark.sql import DataFrame, SparkSession  # noqa: E402

from multistream import write_multistream  # noqa: E402

from bioparse.cli import main  # noqa: E402
from bioparse.dump.arrow import table_to_records  # noqa: E402
from bioparse.spark import (  # noqa: E402
    local_session,
    pages_dataframe,
    parse_dataframe,
    parse_pages,
    spark_schema,
)

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"
SAMPLE = DUMPS / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
NDJSON = DUMPS / "enterprise_sample_2records.ndjson"


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    session = local_session("local[2]", app_name="bioparse-tests", **{"spark.driver.memory": "512m"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(df: DataFrame) -> list[dict[str, Any]]:
    return [r.asDict(recursive=True) for r in df.collect()]


def key(record: dict[str, Any]) -> tuple[str, int]:
    return (record["meta"]["source"], int(record["meta"]["position"]))


def local_dump(tmp: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    out = tmp / "local.jsonl"
    main(["dump", "--quiet", "--workers", "1", *map(str, inputs), "-o", str(out), *extra])
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def sample_local(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return local_dump(tmp_path_factory.mktemp("local"), SAMPLE)


def multistream_of(src: Path, out_dir: Path, per_stream: int) -> Path:
    """Re-compress a dump as multistream + index (what Wikimedia publishes), keeping its pages."""
    name = src.name.replace("pages-articles1", "pages-articles-multistream1")
    return write_multistream(bz2.decompress(src.read_bytes()), out_dir / name, per_stream)

def test_schema_is_the_dump_parquet_schema(spark: SparkSession) -> None:
    df = parse_dataframe(spark, [str(NDJSON)])
    assert df.schema == spark_schema()
    assert [f.name for f in df.schema.fields][:3] == ["title", "source_format", "person"]


def test_enwiki_sample_equals_local_dump(spark: SparkSession, sample_local: list[dict[str, Any]]) -> None:
    got = rows(parse_dataframe(spark, [str(SAMPLE)]))
    # 206 pages in the file, one of them in namespace 4 (counted by reading the XML).
    assert len(sample_local) == 205
    assert sorted(got, key=key) == sorted(sample_local, key=key)
    assert got == sample_local  # one task per plain .bz2: input order is kept too


def test_multistream_blocks_equal_sequential_local_dump(
    spark: SparkSession, sample_local: list[dict[str, Any]], tmp_path: Path
) -> None:
    dump = multistream_of(SAMPLE, tmp_path, per_stream=50)
    df = parse_dataframe(spark, [str(dump)], pages_per_task=100)
    assert df.rdd.getNumPartitions() == 3  # 206 pages: blocks of 50 grouped two by two
    got = rows(df)
    for record in got:
        assert record["meta"].pop("source") == dump.name
    want = [dict(r, meta={k: v for k, v in r["meta"].items() if k != "source"}) for r in sample_local]
    assert got == want


def test_people_only_with_repartition_equals_local(spark: SparkSession, tmp_path: Path) -> None:
    want = local_dump(tmp_path, SAMPLE, extra=("--people-only",))
    df = parse_dataframe(spark, [str(SAMPLE)], people_only=True, repartition=2)
    assert df.rdd.getNumPartitions() == 2
    got = rows(df)
    assert sorted(got, key=key) == sorted(want, key=key)
    titles = {r["title"] for r in got}
    # Biographies in the sample (read by hand) are kept; topic articles are not.
    assert {"Abraham Lincoln", "Aristotle", "Ayn Rand", "Albert Einstein", "Arthur Schopenhauer"} <= titles
    assert not titles & {"Anarchism", "Autism", "Albedo", "Anthropology"}


def test_enterprise_ndjson_and_tar_gz(spark: SparkSession, tmp_path: Path) -> None:
    want = local_dump(tmp_path, NDJSON)
    got = rows(parse_dataframe(spark, [str(NDJSON)]))
    assert got == want
    # Both records are biographies: a Greek athlete (frwiki) and Albert Einstein (simplewiki).
    assert [(r["title"], r["source_format"], r["person"] is not None) for r in got] == [
        ("Alexandros Ioannis Ginnis", "html", True),
        ("Albert Einstein", "html", True),
    ]
    tarred = rows(parse_dataframe(spark, [str(DUMPS / "enterprise_sample_2records.tar.gz")]))
    for record in tarred + got:
        record["meta"].pop("source")
    assert tarred == got


def test_pages_dataframe_and_error_rows(spark: SparkSession) -> None:
    pages = pages_dataframe(spark, [str(DUMPS / "truncated-pair.xml")])
    assert [(r.title, r.format, r.position) for r in pages.collect()] == [
        ("Çullu, Agdam", "wikitext", 0),
        ("", "input-error", 1),
    ]
    records = rows(parse_pages(pages))
    assert [r["title"] for r in records] == ["Çullu, Agdam", None]
    assert records[1]["error"].startswith("input broke off: ") and records[1]["meta"]["input_error"] == "true"
    # A page no reader accepts (a made-up format) flows through as an error record.
    made = spark.createDataFrame([("Made up", "text", "bogus")], "title string, text string, format string")
    (bad,) = rows(parse_pages(made, people_only=True))
    assert bad["title"] == "Made up" and bad["error"].startswith("ValueError: unknown format 'bogus'")


def test_cli_spark_dump_writes_the_local_records(spark: SparkSession, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    inputs = [DUMPS / "enwiki-table-markup-multistream.xml.bz2", DUMPS / "pywikibot-pair-0.10.xml.gz"]
    out = tmp_path / "out.parquet"
    assert main(["spark-dump", "--master", "local[2]", *map(str, inputs), "-o", str(out), "--pages-per-task", "2"]) == 0
    got = table_to_records(pq.read_table(out))
    assert sorted(got, key=key) == sorted(local_dump(tmp_path, *inputs), key=key)
    assert len(got) == 6  # 5 table-markup pages + the pair's article (its other page is in Talk, ns 1)
    assert main(["spark-dump", str(inputs[0]), "-o", str(out)]) == 2  # exists, no --overwrite
    broken = tmp_path / "broken.parquet"
    assert main(["spark-dump", str(DUMPS / "truncated-pair.xml"), "-o", str(broken)]) == 1
