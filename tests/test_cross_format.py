"""The HTML and the wikitext of one Enterprise record must describe the same person.

Every record carries both bodies of the same revision, so any difference in
name, birth, death or offices is a reader or extractor bug, except for what
``docs/formats.md`` ("Where formats cannot agree") lists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bioparse
from bioparse.extract.article import build_article
from bioparse.model import Article, Event
from bioparse.readers.enterprise import read_record, split_records
from expectations import iso, norm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
RECORDS = sorted(FIXTURES.glob("enterprise_*.json"))


def _event(event: Event | None) -> tuple[str | None, str | None]:
    return (None, None) if event is None else (iso(event.date), norm(event.place))


def summary(article: Article) -> dict[str, Any]:
    """What both formats must agree on."""
    person = article.person
    if person is None:
        return {"person": None}
    return {
        "name": norm(person.name),
        "birth": _event(person.birth),
        "death": _event(person.death),
        "offices": [
            {
                "title": norm(o.title),
                "start": iso(o.start),
                "end": iso(o.end),
                "predecessor": norm(o.predecessor),
                "successor": norm(o.successor),
            }
            for o in person.offices
            if o.source == "infobox"
        ],
    }


#: Known disagreements caused outside the HTML reader; strict, so fixing them
#: turns these into failures that ask for this list to be cleaned up.
KNOWN_GAPS: dict[str, str] = {}
CASES = [
    pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_GAPS[p.stem], strict=True))
    if p.stem in KNOWN_GAPS
    else p
    for p in RECORDS
]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in RECORDS])
def test_html_and_wikitext_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    record = json.loads(text)
    assert record["article_body"].get("wikitext"), "fixture must carry both bodies"
    from_html = bioparse.parse(text, format="html")
    from_wikitext = bioparse.parse(text, format="wikitext")
    assert from_html.source_format == "html"
    assert from_wikitext.source_format == "wikitext"
    got_html, got_wt = summary(from_html), summary(from_wikitext)
    assert got_html.get("person", True) is not None, from_html.warnings
    assert got_html == got_wt


def _records() -> list[tuple[str, dict[str, Any]]]:
    """Every Enterprise record in the fixtures (single records and NDJSON lines)."""
    out = []
    for path in [*RECORDS, FIXTURES / "enterprise_sample_2records.ndjson"]:
        for i, line in enumerate(split_records(path.read_text(encoding="utf-8"))):
            out.append((f"{path.stem}#{i}", json.loads(line)))
    return out


@pytest.mark.parametrize(("where", "record"), _records(), ids=[w for w, _ in _records()])
def test_html_and_wikitext_agree_on_whether_it_is_a_person(where: str, record: dict[str, Any]) -> None:
    """Same revision, same verdict: the kind (and so the presence of a person) does not depend on the format."""
    from_html = build_article(read_record(record, body="html"))
    from_wikitext = build_article(read_record(record, body="wikitext"))
    assert from_html.source_format == "html" and from_wikitext.source_format == "wikitext"
    assert from_html.kind == from_wikitext.kind == "person", where
    assert from_html.person is not None and from_wikitext.person is not None
    # both formats found evidence of their own, not a leftover default
    assert from_html.person.evidence and from_wikitext.person.evidence
