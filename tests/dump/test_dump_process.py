"""Page -> record: metadata, error records, people filter."""

from __future__ import annotations

import pytest

import bioparse.api
from bioparse.dump import precheck
from bioparse.dump.pages import Page
from bioparse.dump.process import process_batch, process_page
from bioparse.model import Article, Person


def page(title: str = "Pear", text: str = "'''Pear''' is a fruit.", redirect: str | None = None) -> Page:
    return Page(
        title=title,
        page_id=24278,
        namespace=0,
        revision_id=188924,
        timestamp="2002-08-31T05:53:10Z",
        text=text,
        format="wikitext",
        redirect=redirect,
        source="pear.xml",
        position=3,
    )


def test_meta_carries_container_fields() -> None:
    record = process_page(page())
    assert record is not None
    assert record["title"] == "Pear"
    assert record["meta"] == {
        "source": "pear.xml",
        "position": "3",
        "page_id": "24278",
        "revision_id": "188924",
        "namespace": "0",
        "timestamp": "2002-08-31T05:53:10Z",
    }
    assert record["error"] is None


def test_same_record_as_parse_plus_meta() -> None:
    p = page(text="'''Pear''' is a fruit.\n\n== History ==\nGrown since antiquity.")
    record = process_page(p)
    expected = bioparse.api.parse(p.text, format="wikitext", title="Pear").to_dict()
    assert record is not None
    record_meta = record.pop("meta")
    expected_meta = expected.pop("meta")
    assert record == expected
    assert record_meta.items() >= expected_meta.items()


def test_dump_redirect_flag_is_kept() -> None:
    record = process_page(page(title="AccessibleComputing", text="#REDIRECT [[Computer accessibility]]", redirect="Computer accessibility"))
    assert record is not None
    assert record["is_redirect"] is True
    assert record["redirect_target"] == "Computer accessibility"


def test_parser_failure_gives_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str, format: str = "auto", title: str | None = None) -> Article:
        raise RuntimeError("kaput")

    monkeypatch.setattr(bioparse.api, "parse", boom)
    # a page the pre-check lets through and the parser then fails on keeps its error record
    monkeypatch.setattr(precheck, "may_be_person", lambda *args, **kwargs: True)
    record = process_page(page(), people_only=True)
    assert record is not None
    assert record["error"] == "RuntimeError: kaput"
    assert record["title"] == "Pear"
    assert record["meta"]["page_id"] == "24278"
    assert record["person"] is None


def test_people_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bioparse.api.parse

    def fake(text: str, format: str = "auto", title: str | None = None) -> Article:
        article = real(text, format=format, title=title)
        if title == "Golda Meir":
            article.person = Person(name="Golda Meir")
        return article

    monkeypatch.setattr(bioparse.api, "parse", fake)
    monkeypatch.setattr(precheck, "may_be_person", lambda *args, **kwargs: True)
    assert process_page(page(), people_only=True) is None
    assert process_page(page(), people_only=False) is not None
    person = process_page(page(title="Golda Meir"), people_only=True)
    assert person is not None and person["person"]["name"] == "Golda Meir"
    result = process_batch([page(), page(title="Golda Meir")], people_only=True)
    assert (result.pages, result.records, result.people, result.errors) == (2, 1, 1, 0)
    assert len(result.lines) == 1
    assert result.last == ("pear.xml", 3)


def test_batch_to_arrow() -> None:
    import pyarrow as pa

    result = process_batch([page(), page(title="Apple")], output="parquet")
    assert result.lines == []
    assert result.arrow is not None
    table = pa.ipc.open_stream(result.arrow).read_all()
    assert table.column("title").to_pylist() == ["Pear", "Apple"]
