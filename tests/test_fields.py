"""``--fields``: leaving parts of a record out, saying so, and skipping their work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import bioparse
from bioparse.build import compiled
from bioparse.cli import main
from bioparse.fields import parse_fields

ROOT = Path(__file__).resolve().parent.parent
WIKI = ROOT / "fixtures" / "wikitext" / "wikicloth__George_Washington.wiki"


def test_presets_and_groups() -> None:
    assert parse_fields("person") == {"person"}
    assert parse_fields("person,offices") == parse_fields("offices") == {"person"}  # offices live in the person
    assert parse_fields("person, references") == {"person", "references"}
    assert parse_fields("all") == {"person", "infobox", "sections", "references", "categories"}
    with pytest.raises(ValueError, match="unknown field 'banana'"):
        parse_fields("banana")


def test_left_out_parts_are_empty_and_listed() -> None:
    full = bioparse.parse_file(WIKI)
    lean = bioparse.parse_file(WIKI, fields=parse_fields("person"))
    assert lean.person == full.person  # the person does not depend on what is written
    assert lean.sections == [] and lean.references == [] and lean.infobox is None and lean.infoboxes == []
    assert lean.omitted == ["infobox", "infoboxes", "sections", "references", "categories"]
    assert full.omitted == [] and full.sections and full.references
    with_text = bioparse.parse_file(WIKI, fields=parse_fields("person,sections"))
    assert with_text.sections == full.sections and with_text.references == []
    assert with_text.omitted == ["infobox", "infoboxes", "references", "categories"]
    no_person = bioparse.parse_file(WIKI, fields=parse_fields("categories"))
    assert no_person.person is None and "person" in no_person.omitted and no_person.categories == full.categories


@pytest.mark.skipif(compiled(), reason="compiled calls within a module do not go through the patched name; "
                    "the pure-Python run of the same source checks this")
def test_unwritten_sections_are_not_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    from bioparse.readers import wikitext

    rendered = []
    real = wikitext._section_text
    monkeypatch.setattr(wikitext, "_section_text", lambda *a: rendered.append(a[2]) or real(*a))
    bioparse.parse_file(WIKI, fields=parse_fields("person"))
    assert len(rendered) == 1  # the lead only (the person extractor reads it)
    rendered.clear()
    bioparse.parse_file(WIKI)
    assert len(rendered) > 10


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(WIKI), "--fields", "person"]) == 0
    record = orjson.loads(capsys.readouterr().out)
    assert record["sections"] == [] and "sections" in record["omitted"]
    assert record["person"]["name"] == "George Washington"
    result = subprocess.run([sys.executable, "-m", "bioparse.cli", "parse", str(WIKI), "--fields", "bio"],
                            check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "unknown field 'bio'" in result.stderr
