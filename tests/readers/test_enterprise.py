"""Wikimedia Enterprise records: body selection, record metadata, NDJSON."""

from __future__ import annotations

import json
from pathlib import Path

import bioparse
from bioparse.readers.detect import detect_format
from bioparse.readers.enterprise import read_enterprise, record_meta, split_records

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_record_metadata_on_meta() -> None:
    doc = read_enterprise(_text("enterprise_frwiki_Alexandros_Ioannis_Ginnis.json"))
    # values read from the record's JSON
    assert doc.title == "Alexandros Ioannis Ginnis"
    assert doc.meta["identifier"] == "15442292"
    assert doc.meta["version"] == "214373211"
    assert doc.meta["url"] == "https://fr.wikipedia.org/wiki/Alexandros_Ioannis_Ginnis"
    assert doc.meta["language"] == "fr"
    assert doc.meta["date_modified"] == "2024-04-18T21:14:32Z"
    assert doc.meta["name"] == "Alexandros Ioannis Ginnis"
    assert doc.source_format == "html"
    assert doc.infoboxes


def test_detect_and_parse_file() -> None:
    text = _text("enterprise_simplewiki_Albert_Einstein.json")
    assert detect_format(text) == "enterprise"
    article = bioparse.parse_file(FIXTURES / "enterprise_simplewiki_Albert_Einstein.json")
    assert article.source_format == "html"
    assert article.meta["language"] == "simple"
    assert article.meta["version"] == "8368147"


def test_ndjson_reads_first_record_and_warns() -> None:
    text = _text("enterprise_sample_2records.ndjson")
    assert len(split_records(text)) == 2
    doc = read_enterprise(text)
    assert doc.title == "Alexandros Ioannis Ginnis"
    assert any("1 more" in w and "dump" in w for w in doc.warnings)


def test_pretty_printed_record_is_one_record() -> None:
    assert len(split_records(_text("enterprise_frwiki_Alexandros_Ioannis_Ginnis.json"))) == 1


def test_missing_body_falls_back_and_says_so() -> None:
    record = {"name": "X", "identifier": 1, "article_body": {"html": "<p>Hello <b>world</b></p>"}}
    doc = read_enterprise(json.dumps(record), body="wikitext")
    assert doc.source_format == "html"
    assert any("article_body.wikitext" in w for w in doc.warnings)
    assert doc.sections[0].text == "Hello world"


def test_bad_records_never_raise() -> None:
    for text in ("", "{", "[1, 2]", '{"article_body": 5}', '{"name": null}', "null"):
        doc = read_enterprise(text)
        assert doc.warnings or doc.title is None


def test_record_meta_ignores_non_scalars() -> None:
    meta = record_meta({"identifier": 7, "version": {"identifier": 9}, "url": ["x"], "in_language": {}})
    assert meta == {"identifier": "7", "version": "9"}


def test_split_records_decides_as_splitting_every_line() -> None:
    """The first-line shortcut gives what splitting every line gives (long first lines included)."""
    def every_line(text: str) -> list[str]:
        stripped = text.strip()
        lines = [ln for ln in stripped.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines):
            return lines
        return [stripped] if stripped else []

    long_record = '{"a": "' + "x" * 5000 + '"}'
    for text in ['{"a": 1}\n{"b": 2}\n', "{\n  \"a\": 1\n}\n", f"{long_record}\r\n{long_record}",
                 f"{long_record}\n  x", '{"a": 1}\u2028{"b": 2}', '{"a": 1} \r\n\n {"b": 2} ', "{}", " \n "]:
        assert split_records(text) == every_line(text)
