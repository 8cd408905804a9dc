"""The ``bioparse`` command line, run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bioparse.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "text" / "jose_serrano.txt"


def test_parse_writes_one_json_line_per_input(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", str(SEED), str(SEED)]) == 0
    lines = capsysbinary.readouterr().out.splitlines()
    assert len(lines) == 2
    record = orjson.loads(lines[0])
    assert record["source_format"] == "text"
    assert record["person"]["name"] == "José Serrano"


def test_missing_file_exit_2_and_others_still_parsed(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status = main(["parse", "/no/such/file.txt", str(SEED)])
    captured = capsysbinary.readouterr()
    assert status == 2
    assert b"cannot read /no/such/file.txt" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_directory_is_a_clear_error(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    assert b"cannot read" in capsysbinary.readouterr().err


def test_stdin_and_pretty() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bioparse.cli", "parse", "-", "--pretty", "--format", "text"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=True,
    ).stdout
    record = orjson.loads(out)
    assert record["person"]["birth"]["date"]["iso"] == "1970-11-19"
    assert out.count(b"\n") > 10  # indented


def test_schema_command(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["schema"]) == 0
    schema = orjson.loads(capsysbinary.readouterr().out)
    assert "Person" in schema["$defs"]


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_parse_wiki_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.wiki"
    # ruwiki's dates before 1918-02-14 are Julian (docs/languages.md)
    page.write_text("{{Государственный деятель\n| Имя = Пётр\n| Дата рождения = 5 мая 1799\n}}\n'''Пётр''' — деятель.",
                    encoding="utf-8")
    assert main(["parse", str(page), "--wiki", "ru"]) == 0
    record = orjson.loads(capsys.readouterr().out)
    assert record["meta"]["wiki"] == "ruwiki"
    assert record["person"]["birth"]["date"]["calendar"] == "julian"
