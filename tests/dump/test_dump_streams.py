"""Dump inputs beyond files on disk: .xz and .zst, stdin (-), and URLs through fsspec."""

from __future__ import annotations

import builtins
import lzma
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
import zstandard

from bioparse.cli import main
from bioparse.dump.sources import iter_pages
from dump_fixtures import DUMPS, TABLE_TITLES

TABLE = DUMPS / "enwiki-table-markup.xml.bz2"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def xml() -> bytes:
    import bz2

    return bz2.decompress(TABLE.read_bytes())


def titles(path: str) -> list[str]:
    return [p.title for p in iter_pages(path)]


def test_xz_and_zst(tmp_path: Path, xml: bytes) -> None:
    xz = tmp_path / "d.xml.xz"
    xz.write_bytes(lzma.compress(xml))
    zst = tmp_path / "d.xml.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(xml))
    assert titles(str(xz)) == TABLE_TITLES
    assert titles(str(zst)) == TABLE_TITLES


def test_truncated_xz_is_a_dump_error(tmp_path: Path, xml: bytes) -> None:
    from bioparse.dump.pages import DumpError

    xz = tmp_path / "d.xml.xz"
    data = lzma.compress(xml)
    xz.write_bytes(data[: len(data) // 2])
    with pytest.raises(DumpError):
        titles(str(xz))


def test_stdin(tmp_path: Path, xml: bytes) -> None:
    out = tmp_path / "o.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "bioparse.cli", "dump", "-", "-o", str(out), "--workers", "1", "--quiet"],
        input=zstandard.ZstdCompressor().compress(xml), capture_output=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()] == TABLE_TITLES


def test_stdin_only_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "-", "-", "-o", "-"]) == 2
    assert "only once" in capsys.readouterr().err


def test_file_and_memory_urls(tmp_path: Path) -> None:
    import fsspec

    assert titles(TABLE.resolve().as_uri()) == TABLE_TITLES  # file:///...
    with fsspec.open("memory://dumps/table.xml.bz2", "wb") as fh:
        fh.write(TABLE.read_bytes())
    out = tmp_path / "o.jsonl"
    assert main(["dump", "memory://dumps/table.xml.bz2", "-o", str(out), "--workers", "1", "--quiet"]) == 0
    assert [orjson.loads(line)["meta"]["source"] for line in out.read_bytes().splitlines()] == ["table.xml.bz2"] * 5


def test_url_without_fsspec(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_fsspec(name: str, *args: object, **kwargs: object) -> object:
        if name == "fsspec":
            raise ImportError("No module named 'fsspec'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fsspec)
    with pytest.raises(OSError, match=r"bioparse\[remote\]"):
        titles("s3://bucket/enwiki.xml.bz2")
