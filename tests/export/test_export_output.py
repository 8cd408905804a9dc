"""Export outputs follow ``bioparse dump``'s conventions: the suffix decides the compression, an
unknown suffix is an error, and ``dump --to`` shows progress as ``dump`` does."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pytest
import zstandard
from export_fixtures import SAMPLE

from bioparse.cli import main

LINES = {"wikidata": "people.jsonl", "jsonld": "people.ndjson", "quickstatements": "people.txt"}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the sample's first 80 pages (pages 69, 70 and 80: Abraham Lincoln, Aristotle, Ayn Rand)."""
    out = tmp_path_factory.mktemp("records") / "r.jsonl"
    assert main(["dump", str(SAMPLE), "-o", str(out), "--workers", "1", "--quiet", "--limit", "80"]) == 0
    return out


def _gzip_header_names_a_file(data: bytes) -> bool:
    return bool(data[3] & 0x08)  # FLG.FNAME (RFC 1952)


@pytest.mark.parametrize("to", sorted(LINES))
def test_line_outputs_are_compressed_as_their_suffix_says(records: Path, tmp_path: Path, to: str) -> None:
    plain = tmp_path / LINES[to]
    assert main(["export", str(records), "--to", to, "-o", str(plain)]) == 0
    expected = plain.read_bytes()
    assert b"Abraham Lincoln" in expected
    gz, zst = tmp_path / (LINES[to] + ".gz"), tmp_path / (LINES[to] + ".zst")
    assert main(["export", str(records), "--to", to, "-o", str(gz)]) == 0
    assert main(["export", str(records), "--to", to, "-o", str(zst)]) == 0
    data = gz.read_bytes()
    assert data[:2] == b"\x1f\x8b" and gzip.decompress(data) == expected
    assert not _gzip_header_names_a_file(data)  # not the temporary name it was written under
    assert zstandard.ZstdDecompressor().stream_reader(zst.read_bytes()).read() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([plain.name, gz.name, zst.name])


@pytest.mark.parametrize(
    ("to", "name", "message"),
    [
        ("wikidata", "people.csv", "cannot tell the output format of"),
        ("jsonld", "people", "cannot tell the output format of"),
        ("quickstatements", "people.jsonl", "cannot tell the output format of"),  # QuickStatements is not JSON
        ("wikidata", "people.gz", "cannot tell the output format of"),
        ("jsonld", "people.parquet", "writes lines, not Parquet"),
    ],
)
def test_unknown_suffix_is_an_error(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    to: str, name: str, message: str) -> None:
    out = tmp_path / name
    assert main(["export", str(records), "--to", to, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == []  # no lock, no temporary file
    assert main(["dump", str(SAMPLE), "--to", to, "-o", str(out), "--workers", "1", "--quiet"]) == 2
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == []


def test_stdout_and_devices_take_plain_lines(records: Path) -> None:
    assert main(["export", str(records), "--to", "jsonld", "-o", "/dev/null"]) == 0


def test_dump_jsonl_gzip_header_names_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl.gz"
    assert main(["dump", str(SAMPLE), "-o", str(out), "--workers", "1", "--quiet", "--limit", "3"]) == 0
    data = out.read_bytes()
    assert not _gzip_header_names_a_file(data)
    assert len(gzip.decompress(data).splitlines()) == 3


def test_dump_to_shows_progress_with_the_limit_as_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``dump --to`` counts against ``--limit`` as ``dump`` does; stderr is not a terminal here, so plain lines."""
    out = tmp_path / "people.jsonl"
    assert main(["dump", str(SAMPLE), "--to", "wikidata", "-o", str(out), "--workers", "1", "--progress",
                 "--limit", "40"]) == 0
    err = capsys.readouterr().err
    assert "bioparse dump: 40 pages / 40 (100%)" in err and "ETA 0:00:00" in err
    assert "\r" not in err and "\x1b" not in err
    assert all(orjson.loads(line)["type"] == "item" for line in out.read_bytes().splitlines())


def test_records_from_urls(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """RECORDS may be URLs (fsspec, ``bioparse[remote]``), JSON Lines or Parquet, as ``dump`` inputs may."""
    import fsspec

    parquet = tmp_path / "r.parquet"
    assert main(["dump", str(SAMPLE), "-o", str(parquet), "--workers", "1", "--quiet", "--limit", "80"]) == 0
    with fsspec.open("memory://records/r.jsonl.gz", "wb") as fh:
        fh.write(gzip.compress(records.read_bytes()))
    with fsspec.open("memory://records/r.parquet", "wb") as fh:
        fh.write(parquet.read_bytes())
    expected = tmp_path / "expected.jsonl"
    assert main(["export", str(records), "--to", "jsonld", "-o", str(expected)]) == 0
    for url in ("memory://records/r.jsonl.gz", "memory://records/r.parquet"):
        out = tmp_path / "from_url.jsonl"
        assert main(["export", url, "--to", "jsonld", "-o", str(out)]) == 0
        assert out.read_bytes() == expected.read_bytes()
    assert main(["export", "memory://records/missing.jsonl", "--to", "jsonld", "-o", str(out)]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
