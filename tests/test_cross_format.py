"""The HTML and the wikitext of one Enterprise record must describe the same person.

Every record carries both bodies of the same revision, so any difference in
name, birth, death, offices or other positions is a reader or extractor bug,
except for what ``docs/formats.md`` ("Where formats cannot agree") lists.
The records are the full, untrimmed ones of the corpus
(``fixtures/enterprise/``), and every office is compared field for field:
infobox and succession-box offices alike, with their links, notes and
colleagues.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bioparse
from bioparse.model import Article, Event, Office, to_dict
from bioparse.extract.article import build_article
from bioparse.model import Article, Event
from bioparse.readers.enterprise import read_record, split_records
from expectations import iso, norm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "enterprise"
RECORDS = sorted(FIXTURES.glob("enterprise_*.json"))


def _event(event: Event | None) -> tuple[str | None, str | None]:
    return (None, None) if event is None else (iso(event.date), norm(event.place))


def _office(office: Office) -> dict[str, Any]:
    """Every field of an office; dates by their ISO value, texts whitespace-normalized."""
    out: dict[str, Any] = {}
    for name, value in to_dict(office).items():
        if name in ("start", "end"):
            out[name] = value["iso"] if value else None
        elif name == "colleagues":
            out[name] = [(norm(c["role"]), norm(c["name"]), c["link"], norm(c["qualifier"]),
                          c["start"]["iso"] if c["start"] else None, c["end"]["iso"] if c["end"] else None)
                         for c in value]
        elif isinstance(value, str):
            out[name] = norm(value)
        else:
            out[name] = value
    return out


def summary(article: Article) -> dict[str, Any]:
    """What both formats must agree on."""
    person = article.person
    if person is None:
        return {"person": None}
    return {
        "name": norm(person.name),
        "birth": _event(person.birth),
        "death": _event(person.death),
        "offices": [_office(o) for o in person.offices],
        "positions_other": [_office(o) for o in person.positions_other],
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


def test_fixtures_are_the_full_records() -> None:
    """The corpus records, untrimmed: the article body ends where the page ends."""
    assert len(RECORDS) >= 6
    for path in RECORDS:
        record = json.loads(path.read_text(encoding="utf-8"))
        html = record["article_body"]["html"]
        wikitext = record["article_body"]["wikitext"]
        assert html.rstrip().endswith("</html>"), path.name
        assert "[[Category:" in wikitext or "[[Kategorie:" in wikitext or "[[Catégorie:" in wikitext, path.name


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


def test_merkel_gives_every_office_once() -> None:
    """Angela Merkel (enwiki rev 1272022165): nine infobox offices, the box's
    duplicates merged into them, four more from the box, precedence apart."""
    path = FIXTURES / "enterprise_enwiki_Angela_Merkel.json"
    for fmt in ("html", "wikitext"):
        person = bioparse.parse(path.read_text(encoding="utf-8"), format=fmt).person
        assert person is not None
        titles = [(o.title, o.start.iso if o.start else None) for o in person.offices]
        assert titles == [
            ("Chancellor of Germany", "2005-11-22"),
            ("Leader of the Christian Democratic Union", "2000-04-10"),
            ("Leader of the Opposition", "2002-09-22"),
            ("Leader of the CDU/CSU in the Bundestag", "2002-09-22"),
            ("General Secretary of the Christian Democratic Union", "1998-11-07"),
            ("Leader of the Christian Democratic Union in Mecklenburg-Vorpommern", "1993-06"),
            ("Minister for the Environment, Nature Conservation and Nuclear Safety", "1994-11-17"),
            ("Minister for Women and Youth", "1991-01-18"),
            ("Member of the Bundestag for Mecklenburg-Vorpommern", "1990-12-20"),
            ("Chair of the Group of Eight", "2007"),
            ("Chair of the Group of Eight", "2015"),
            ("Chair of the Group of 20", "2017"),
            ("Invocation Speaker of the College of Europe", "2010"),
        ], fmt
        (precedence,) = person.positions_other
        assert precedence.kind == "precedence"
        assert precedence.predecessor == "Wolfgang Schäuble"
        assert precedence.predecessor_qualifier == "as President of the Bundestag"
        chancellor = person.offices[0]
        assert [c.name for c in chancellor.colleagues if c.role == "President"] == [
            "Horst Köhler", "Christian Wulff", "Joachim Gauck", "Frank-Walter Steinmeier"]
        assert chancellor.predecessor_link == "Gerhard Schröder"
        member = person.offices[8]
        assert member.predecessor is None and member.established
def _records() -> list[tuple[str, dict[str, Any]]]:
    """Every Enterprise record in the fixtures (single records and NDJSON lines)."""
    out = []
    for path in [*RECORDS, FIXTURES.parent / "html" / "enterprise_sample_2records.ndjson"]:
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
