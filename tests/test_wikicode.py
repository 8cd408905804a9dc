"""The mwparserfromhell escape hatch, on demand and off the dump path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import bioparse
import bioparse.jsonio

ROOT = Path(__file__).resolve().parent.parent
WIKI = ROOT / "fixtures" / "wikitext" / "presidentthing__Dan_Quayle.wiki"


def test_article_wikicode() -> None:
    article = bioparse.parse_file(WIKI)
    box = article.wikicode(infobox=True)
    assert str(box.name).strip() == "Infobox Vice President"  # {{Infobox Vice President
    assert str(box.get("term_start").value).strip() == "January 20, 1989"
    links = {str(link.title) for link in article.wikicode().filter_wikilinks()}
    assert {"Al Gore", "Birch Bayh", "Indianapolis"} <= links


def test_wikicode_of_text_and_refusal_for_html() -> None:
    code = bioparse.wikicode("'''X''' was a [[Senator]]. {{Infobox person|name=X}}")
    assert [str(t.name) for t in code.filter_templates()] == ["Infobox person"]
    html = bioparse.parse("<html><body><p>Text</p></body></html>", format="html")
    with pytest.raises(ValueError, match="holds no wikitext"):
        html.wikicode()


def test_source_text_is_not_serialised() -> None:
    article = bioparse.parse_file(WIKI)
    assert b"{{Use mdy dates" not in bioparse.jsonio.dumps(article)  # the page's first line
    assert bioparse.Article.from_dict(article.to_dict()) == article


def test_dump_does_not_import_mwparserfromhell(tmp_path: Path) -> None:
    code = (
        "import sys; from bioparse.cli import main; "
        f"main(['dump', {str(ROOT / 'fixtures/dumps/enwiki-table-markup.xml.bz2')!r}, '-o', "
        f"{str(tmp_path / 'o.jsonl')!r}, '--workers', '1', '--quiet']); "
        "print('mwparserfromhell' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
