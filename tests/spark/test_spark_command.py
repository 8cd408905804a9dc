"""``bioparse spark-dump`` argument handling that needs no Spark at all."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bioparse.cli import build_parser, main

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"


def test_command_is_registered() -> None:
    args = build_parser().parse_args(["spark-dump", "in.xml.bz2", "-o", "out.parquet", "--master", "local[2]"])
    assert args.command == "spark-dump" and args.master == "local[2]" and args.people_only is False


def test_without_pyspark_exit_2_with_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # makes `import pyspark` fail
    rc = main(["spark-dump", str(DUMPS / "truncated-pair.xml"), "-o", str(tmp_path / "out.parquet")])
    assert rc == 2
    assert "install bioparse[spark]" in capsys.readouterr().err


def test_missing_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["spark-dump", str(tmp_path / "nope.xml"), "-o", str(tmp_path / "out.parquet")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_namespaces_exit_2(tmp_path: Path) -> None:
    args = ["spark-dump", str(DUMPS / "truncated-pair.xml"), "-o", str(tmp_path / "o"), "--namespaces", "main"]
    assert main(args) == 2


def test_conf_must_be_key_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["spark-dump", str(DUMPS / "truncated-pair.xml"), "-o", str(tmp_path / "o"), "--conf", "spark.executor.memory"]
    assert main(args) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
