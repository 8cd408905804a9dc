"""Exports are written safely: never over an input, one writer at a time, OUT replaced only on success."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from export_fixtures import FIXTURES, read_jsonl

import bioparse
from bioparse.cli import main
from bioparse.dump.output import OutputError, lock
from bioparse.export import RecordsError, export

TEXT = FIXTURES / "text" / "jose_serrano.txt"


@pytest.fixture()
def one_record(tmp_path: Path) -> Path:
    """One record, as ``bioparse parse`` writes it."""
    out = tmp_path / "r.jsonl"
    out.write_bytes(orjson.dumps(bioparse.parse_file(TEXT).to_dict()) + b"\n")
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("to", ["wikidata", "quickstatements", "jsonld"])
def test_export_over_its_input_is_refused_and_the_input_kept(one_record: Path, to: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(one_record)
    assert main(["export", str(one_record), "--to", to, "-o", str(one_record)]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert _digest(one_record) == before


def test_dump_to_over_its_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "page.txt"
    src.write_bytes(TEXT.read_bytes())
    assert main(["dump", str(src), "--to", "jsonld", "-o", str(src), "--workers", "1", "--quiet"]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert src.read_bytes() == TEXT.read_bytes()


def test_tables_folder_holding_the_input_is_refused(one_record: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(one_record), "--to", "tables", "-o", str(one_record.parent)]) == 2
    assert "inside it" in capsys.readouterr().err


def test_a_failed_export_leaves_the_output_as_it_was(one_record: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.jsonl"
    assert main(["export", str(one_record), "--to", "wikidata", "-o", str(out)]) == 0
    before = _digest(out)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(one_record.read_bytes() + b'{"title": "x", "person": {"offices": 5}}\n')
    with pytest.raises(RecordsError):
        export(read_jsonl(bad), "wikidata", str(out), inputs=[str(bad)])
    assert _digest(out) == before  # the first record's lines were not written over it
    assert _listing(tmp_path) == ["bad.jsonl", "people.jsonl", "r.jsonl"]  # no temporary file, no lock


def test_a_second_writer_is_refused(one_record: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.jsonl"
    _path, fd = lock(str(out))  # what a running export holds
    try:
        with pytest.raises(OutputError, match="another bioparse"):
            export(read_jsonl(one_record), "jsonld", str(out), inputs=[str(one_record)])
        assert not out.exists()
    finally:
        os.close(fd)


def test_tables_are_staged_then_replace_the_earlier_ones(one_record: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["export", str(one_record), "--to", "tables", "-o", str(out), "--sections"]) == 0
    assert "sections.parquet" in _listing(out)
    (out / "notes.txt").write_text("the user's own file")
    assert main(["export", str(one_record), "--to", "tables", "-o", str(out)]) == 0
    # the earlier export's sections table goes, the user's file stays, nothing temporary is left
    assert _listing(out) == ["colleagues.parquet", "notes.txt", "offices.parquet", "pages.parquet",
                             "people.parquet", "references.parquet"]
    assert _listing(tmp_path) == ["r.jsonl", "tables"]
    assert pq.read_table(out / "people.parquet").column("name").to_pylist() == ["José Serrano"]
