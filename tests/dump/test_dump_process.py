"""Page -> record: metadata, error records, people filter."""

from __future__ import annotations

from typing import Any

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
    def boom(text: str, format: str = "auto", title: str | None = None, **kwargs: Any) -> Article:
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

    def fake(text: str, format: str = "auto", title: str | None = None, **kwargs: Any) -> Article:
        article = real(text, format=format, title=title, **kwargs)
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


#: A ruwiki infobox with a date before 1918-02-14, the day that wiki's dates switch to Gregorian.
RU_TEXT = ("{{Государственный деятель\n| Имя = Пётр\n| Дата рождения = 5 мая 1799\n"
           "| Место рождения = Москва\n}}\n'''Пётр''' — деятель.")


@pytest.mark.parametrize(
    ("source", "dbname", "wiki", "calendar"),
    [
        ("ruwiki-20240601-pages-articles.xml.bz2", None, "ruwiki", "julian"),  # the dump's file name
        ("<stdin>", "ruwiki", "ruwiki", "julian"),                              # its <siteinfo>
        ("sample.xml", None, None, "gregorian"),                               # nothing names the wiki
        ("dbpedia-minidump-ruwiki.xml.bz2", "enwiki", "ruwiki", "julian"),    # a copied English header
    ],
)
def test_dates_follow_the_wiki_the_dump_names(source: str, dbname: str | None, wiki: str | None, calendar: str) -> None:
    p = Page(title="Пётр", page_id=1, namespace=0, revision_id=2, timestamp=None, text=RU_TEXT,
             format="wikitext", redirect=None, source=source, position=0, dbname=dbname)
    record = process_page(p)
    assert record is not None and record["person"] is not None
    assert record["person"]["birth"]["date"]["iso"] == "1799-05-05"
    assert record["person"]["birth"]["date"]["calendar"] == calendar
    assert record["meta"].get("wiki") == wiki
    assert record["meta"].get("dbname") == dbname


def test_the_page_own_wiki_wins_over_the_container() -> None:
    """An Enterprise record names its project; a file name saying otherwise does not override it."""
    line = ('{"name": "Пётр", "identifier": 1, "is_part_of": {"identifier": "ruwiki"}, '
            '"article_body": {"wikitext": ' + __import__("json").dumps(RU_TEXT) + '}}')
    p = Page(title="Пётр", page_id=1, namespace=0, revision_id=2, timestamp=None, text=line,
             format="enterprise", redirect=None, source="enwiki_namespace_0_0.ndjson", position=0)
    record = process_page(p)
    assert record is not None
    assert record["meta"].get("project") == "ruwiki" and "wiki" not in record["meta"]
