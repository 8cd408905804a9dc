"""JSON Lines written with --sparse load in pyarrow.json and DuckDB as is, and read back whole."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.json as pj

import bioparse
from bioparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "dumps" / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"


def test_sparse_jsonl_loads_as_is(tmp_path: Path) -> None:
    full, sparse = tmp_path / "full.jsonl", tmp_path / "sparse.jsonl"
    assert main(["dump", str(SAMPLE), "-o", str(full), "--workers", "1", "--quiet", "--limit", "100"]) == 0
    assert main(["dump", str(SAMPLE), "-o", str(sparse), "--sparse", "--workers", "1", "--quiet", "--limit", "100"]) == 0
    table = pj.read_json(sparse)  # no schema, default options
    rows = {r["title"]: r for r in table.select(["title", "person"]).to_pylist()}
    assert rows["Abraham Lincoln"]["person"]["birth"]["date"]["iso"] == "1809-02-12"  # {{birth date|1809|2|12}}
    assert rows["Alabama"]["person"] is None or "birth" in rows["Alabama"]["person"]
    got = duckdb.sql(f"SELECT person.offices[1].ordinal FROM read_json('{sparse}') "
                     "WHERE title = 'Abraham Lincoln'").fetchall()
    assert got == [(16,)]  # order = 16th
    ((count,),) = duckdb.sql(f"SELECT count(*) FROM read_json('{sparse}')").fetchall()
    assert count == table.num_rows == len(full.read_bytes().splitlines())
    # sparse records read back to the same Articles as the full ones
    for a, b in zip(full.read_bytes().splitlines(), sparse.read_bytes().splitlines()):
        assert bioparse.loads(a) == bioparse.loads(b)
