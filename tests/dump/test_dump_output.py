"""Output naming, locking and resume checks (no process needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bioparse.dump.output import (
    OutputError,
    ResumeError,
    check_not_input,
    lock,
    output_spec,
    resume_point,
)
from bioparse.dump.pages import Page
from bioparse.dump.process import clean, lost_batch


@pytest.mark.parametrize(
    "name, explicit, expected",
    [
        ("o.jsonl", None, ("jsonl", None)),
        ("o.ndjson", None, ("jsonl", None)),
        ("o.json.gz", None, ("jsonl", "gzip")),
        ("O.JSONL.ZST", None, ("jsonl", "zstd")),
        ("o.parquet", None, ("parquet", None)),
        ("o.pq", None, ("parquet", None)),
        ("/dev/full", "jsonl", ("jsonl", None)),
        ("o.txt.gz", "jsonl", ("jsonl", "gzip")),
    ],
)
def test_output_spec(name: str, explicit: str | None, expected: tuple[str, str | None]) -> None:
    assert output_spec(name, explicit) == expected


@pytest.mark.parametrize("name", ["o.csv", "o", "o.gz", "o.parquet.zst"])
def test_output_spec_refuses(name: str) -> None:
    with pytest.raises(OutputError):
        output_spec(name, None)


def test_output_that_is_an_input_through_a_symlink(tmp_path: Path) -> None:
    src = tmp_path / "in.xml"
    src.write_text("<mediawiki/>")
    (tmp_path / "link.jsonl").symlink_to(src)
    with pytest.raises(OutputError):
        check_not_input(str(tmp_path / "link.jsonl"), [str(src)])


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    import os

    out = str(tmp_path / "o.jsonl")
    _path, fd = lock(out)
    with pytest.raises(OutputError, match="another bioparse"):
        lock(out)
    os.close(fd)  # the holder is gone (as when it is killed): the lock is free again
    _path, fd = lock(out)
    os.close(fd)


def test_resume_point_checks_without_changing(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    record = b'{"title":"A","source_format":"text","meta":{"source":"a.xml","position":"0"}}\n'
    out.write_bytes(record + record.replace(b'"0"', b'"1"') + b'{"title":"B","sour')
    point = resume_point(str(out))
    assert point.records == 2 and point.last is not None and point.last["meta"]["position"] == "1"
    assert point.end == 2 * len(record) and point.last_start == len(record)
    assert out.read_bytes().endswith(b'{"title":"B","sour')  # cut only later, by drop_partial_line
    out.write_bytes(b"[1, 2, 3]\n")
    with pytest.raises(ResumeError):
        resume_point(str(out))


def test_clean_escapes_undecodable_file_name_bytes() -> None:
    import os

    assert clean(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert clean("café.txt") == "café.txt"


def test_lost_batch_accounts_for_every_page() -> None:
    pages = [Page(f"P{i}", i, 0, None, None, "text", "wikitext", None, "d.xml", i) for i in range(3)]
    result = lost_batch(pages, "not parsed: the worker process died twice", output="jsonl")
    assert (result.pages, result.records, result.errors) == (3, 3, 3)
    assert all(b"died twice" in line for line in result.lines)
    assert result.last == ("d.xml", 2)
    parquet = lost_batch(pages, "x", output="parquet")
    assert parquet.arrow
