"""``bioparse dump`` end to end: outputs, filters, resume, failures, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from dump_fixtures import DUMPS, TABLE_TITLES
from multistream import write_multistream

import bioparse.api
from bioparse.cli import main
from bioparse.dump import precheck
from bioparse.model import Article, Person

TABLE = DUMPS / "enwiki-table-markup.xml.bz2"
ENWIKI = DUMPS / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def run(*args: str) -> int:
    return main(["dump", "--quiet", *args])


def test_jsonl_one_record_per_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(TABLE), "-o", str(out), "--workers", "1") == 0
    records = read_jsonl(out)
    assert [r["title"] for r in records] == TABLE_TITLES
    assert [r["meta"]["position"] for r in records] == ["0", "1", "2", "3", "4"]
    assert "5 pages read, 5 records written" in capsys.readouterr().err


def test_two_workers_preserve_order(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    inputs = [str(DUMPS / "enterprise_sample_2records.ndjson"), str(TABLE), str(DUMPS / "pywikibot-pair-0.10.xml")]
    assert run(*inputs, "-o", str(one), "--workers", "1") == 0
    assert run(*inputs, "-o", str(two), "--workers", "2") == 0
    assert one.read_bytes() == two.read_bytes()
    titles = [r["title"] for r in read_jsonl(two)]
    assert titles == ["Alexandros Ioannis Ginnis", "Albert Einstein", *TABLE_TITLES, "Çullu, Agdam"]


def test_multistream_index_parallel_equals_sequential(tmp_path: Path) -> None:
    ms = DUMPS / "enwiki-table-markup-multistream.xml.bz2"
    plain = tmp_path / "enwiki-table-markup-multistream.xml.bz2"  # same name, no index beside it
    shutil.copy(ms, plain)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run(str(ms), "-o", str(a), "--workers", "2") == 0
    assert run(str(plain), "-o", str(b), "--workers", "1") == 0
    assert a.read_bytes() == b.read_bytes()
    assert [r["title"] for r in read_jsonl(a)] == TABLE_TITLES


def test_namespaces_all(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert run(str(DUMPS / "pywikibot-pair-0.10.xml"), "-o", str(out), "--namespaces", "all", "--workers", "1") == 0
    assert [(r["title"], r["meta"]["namespace"]) for r in read_jsonl(out)] == [
        ("Çullu, Agdam", "0"),
        ("Talk:Çullu, Agdam", "1"),
    ]


def test_limit(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert run(str(TABLE), "-o", str(out), "--limit", "2", "--workers", "2") == 0
    assert [r["title"] for r in read_jsonl(out)] == TABLE_TITLES[:2]


def test_people_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = bioparse.api.parse

    def fake(text: str, format: str = "auto", title: str | None = None, **kwargs: Any) -> Article:
        article = real(text, format=format, title=title, **kwargs)
        if title == "Economy of Estonia":  # stands in for "the extractor found a person"
            article.person = Person(name=title)
        return article

    monkeypatch.setattr(bioparse.api, "parse", fake)
    # the stand-in person has no footprint in the page, so let the pre-check pass everything
    monkeypatch.setattr(precheck, "may_be_person", lambda *args, **kwargs: True)
    out = tmp_path / "o.jsonl"
    assert run(str(TABLE), "-o", str(out), "--people-only", "--workers", "2") == 0
    assert [r["title"] for r in read_jsonl(out)] == ["Economy of Estonia"]


def test_people_only_equals_the_full_dump_filtered(tmp_path: Path) -> None:
    """The pre-check skips parsing, never people: same person records, byte for byte."""
    full, people = tmp_path / "full.jsonl", tmp_path / "people.jsonl"
    assert run(str(ENWIKI), "-o", str(full), "--workers", "1") == 0
    assert run(str(ENWIKI), "-o", str(people), "--people-only", "--workers", "1") == 0
    kept = [line for line in full.read_bytes().splitlines() if orjson.loads(line)["person"] is not None]
    assert kept  # the sample has biographies (Abraham Lincoln, Aristotle, ...)
    assert people.read_bytes().splitlines() == kept


def test_failing_page_gives_error_record_and_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = bioparse.api.parse

    def flaky(text: str, format: str = "auto", title: str | None = None, **kwargs: Any) -> Article:
        if title == "Academy Award for Best Production Design":
            raise RuntimeError("parser exploded")
        return real(text, format=format, title=title, **kwargs)

    monkeypatch.setattr(bioparse.api, "parse", flaky)
    out = tmp_path / "o.jsonl"
    assert run(str(TABLE), "-o", str(out), "--workers", "2") == 0
    records = read_jsonl(out)
    assert [r["title"] for r in records] == TABLE_TITLES
    bad = records[2]
    assert bad["error"] == "RuntimeError: parser exploded"
    assert bad["meta"]["page_id"] == "316"
    assert bad["person"] is None
    assert all(r["error"] is None for i, r in enumerate(records) if i != 2)
    assert "1 errors" in capsys.readouterr().err


def test_resume_drops_partial_line_without_duplicates(tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl"
    assert run(str(TABLE), "-o", str(full), "--workers", "1") == 0
    lines = full.read_bytes().splitlines(keepends=True)
    part = tmp_path / "part.jsonl"
    part.write_bytes(b"".join(lines[:2]) + lines[2][:50])  # killed mid-write
    assert run(str(TABLE), "-o", str(part), "--resume", "--workers", "2") == 0
    assert part.read_bytes() == full.read_bytes()


def test_resume_of_complete_output_adds_nothing(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert run(str(TABLE), "-o", str(out), "--workers", "1") == 0
    before = out.read_bytes()
    assert run(str(TABLE), "-o", str(out), "--resume", "--workers", "1") == 0
    assert out.read_bytes() == before


def test_parquet_equals_jsonl(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from bioparse.dump.arrow import table_to_records

    inputs = [str(TABLE), str(DUMPS / "enterprise_sample_2records.ndjson.gz")]
    jl, pqf = tmp_path / "o.jsonl", tmp_path / "o.parquet"
    assert run(*inputs, "-o", str(jl), "--workers", "2") == 0
    assert run(*inputs, "-o", str(pqf), "--workers", "2") == 0
    assert table_to_records(pq.read_table(pqf)) == read_jsonl(jl)


def test_parquet_readable_by_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "o.parquet"
    assert run(str(TABLE), "-o", str(out), "--workers", "1") == 0
    rows = duckdb.sql(f"select title, meta['page_id'] from '{out}'").fetchall()
    assert [r[0] for r in rows] == TABLE_TITLES


def test_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert run(str(DUMPS / "wikiclean-brwiki-test.xml"), "-o", "-", "--workers", "1") == 0
    out = capsysbinary.readouterr().out
    (record,) = [orjson.loads(line) for line in out.splitlines()]
    assert record["title"] == "Skiantoù an Ditour hag al Levraouegoù"


def test_truncated_input_writes_what_came_before_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    bad = DUMPS / "truncated-multistream.xml.bz2"
    status = run(str(DUMPS / "pywikibot-pair-0.10.xml"), str(bad), "-o", str(out), "--workers", "2")
    assert status == 1
    assert [r["title"] for r in read_jsonl(out)] == ["Çullu, Agdam", *TABLE_TITLES[:2]]
    err = capsys.readouterr().err
    assert str(bad) in err and "after 2 pages" in err and "at byte" in err


def test_hostile_inputs_fail_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("billion-laughs.xml", "xxe.xml"):
        out = tmp_path / f"{name}.jsonl"
        assert run(str(DUMPS / name), "-o", str(out), "--workers", "1") == 1
        assert out.read_bytes() == b""
        err = capsys.readouterr().err
        assert "document type declaration" in err
        assert "root:" not in err  # nothing from /etc/passwd


def test_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert run(str(tmp_path / "missing.xml"), "-o", str(out)) == 2
    assert not out.exists()
    assert run(str(DUMPS / "corrupt-pair.xml.bz2"), "-o", str(out), "--workers", "1") == 1
    assert run(str(TABLE), "-o", "-", "--output-format", "parquet") == 2
    assert run(str(TABLE), "-o", str(tmp_path / "x.parquet"), "--resume") == 2


def test_every_path_of_a_dump_gives_the_siteinfo_dbname(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sequential, raw chunks, multistream blocks and stdin all carry ``meta.dbname`` from ``<siteinfo>``."""
    import io
    import sys

    src = DUMPS / "dbpedia-history-frwiki-20220101-pages-articles.xml"  # <dbname>frwiki</dbname>
    xml = src.read_bytes()
    ms = tmp_path / "export-multistream.xml.bz2"
    write_multistream(xml, ms, per_stream=1)
    outs = {}
    for label, args in {
        "sequential": (str(src), "--workers", "1", "--limit", "5"),
        "chunks": (str(src), "--workers", "2"),
        "blocks": (str(ms), "--workers", "2"),
    }.items():
        outs[label] = tmp_path / f"{label}.jsonl"
        assert run(*args, "-o", str(outs[label])) == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(xml)))
    outs["stdin"] = tmp_path / "stdin.jsonl"
    assert run("-", "-o", str(outs["stdin"]), "--workers", "1") == 0
    for label, out in outs.items():
        records = read_jsonl(out)
        assert records, label
        assert {r["meta"].get("dbname") for r in records} == {"frwiki"}, label
