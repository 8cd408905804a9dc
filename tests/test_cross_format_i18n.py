"""HTML and wikitext of one non-English revision give the same person.

Enterprise records carry both bodies of one revision.  In German and French
pages the facts often sit outside the infobox — in the lead sentence and in
{{Personendaten}} — so both readers must find them there: the German HTML
once gave no person at all, the French wikitext no birth or death.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bioparse
from test_cross_format import summary

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
RECORDS = sorted((ROOT / "html_i18n").glob("enterprise_*.json")) + sorted(
    p for p in (ROOT / "html").glob("enterprise_*.json") if not p.stem.startswith(("enterprise_enwiki", "enterprise_simplewiki"))
)


def test_pairs_cover_two_languages() -> None:
    languages = {json.loads(p.read_text(encoding="utf-8"))["in_language"]["identifier"] for p in RECORDS}
    assert {"de", "fr"} <= languages, languages


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_html_and_wikitext_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["article_body"].get("wikitext"), "fixture must carry both bodies"
    from_html = bioparse.parse(text, format="html")
    from_wikitext = bioparse.parse(text, format="wikitext")
    got_html, got_wikitext = summary(from_html), summary(from_wikitext)
    assert got_html.get("person", True) is not None, from_html.warnings
    assert got_html["birth"][0] is not None, "the revision states a birth date"
    assert got_html == got_wikitext
