"""The streaming XML reader, over real exports and hostile files."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from bioparse.dump.pages import DumpError
from bioparse.dump.xml import iter_xml_pages

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"


def pages_of(name: str, namespaces: set[int] | None = None) -> list:
    with open(DUMPS / name, "rb") as fh:
        return list(iter_xml_pages(fh, source=name, namespaces=namespaces))


def test_plain_export_0_10_all_namespaces() -> None:
    pages = pages_of("pywikibot-pair-0.10.xml")
    assert [(p.title, p.namespace, p.page_id) for p in pages] == [
        ("Çullu, Agdam", 0, 19252820),
        ("Talk:Çullu, Agdam", 1, 19252824),
    ]
    # Both pages carry two revisions; the later one wins.
    assert [p.revision_id for p in pages] == [237383099, 237383127]
    assert pages[0].timestamp == "2008-09-09T22:41:28Z"
    assert [p.position for p in pages] == [0, 1]
    assert all(p.format == "wikitext" and p.source == "pywikibot-pair-0.10.xml" for p in pages)


def test_namespace_filter_keeps_positions() -> None:
    pages = pages_of("pywikibot-pair-0.10.xml", namespaces={1})
    assert [(p.title, p.position) for p in pages] == [("Talk:Çullu, Agdam", 1)]


def test_export_0_3_https_namespace_without_ns_element() -> None:
    (page,) = pages_of("pywikibot-article-pear.xml")
    assert page.title == "Pear"
    assert page.page_id == 24278
    assert page.namespace == 0  # no <ns> in 0.3: derived from the title
    # History export: four revisions, the last (newest) is 188924.
    assert page.revision_id == 188924
    assert page.timestamp == "2002-08-31T05:53:10Z"


def test_history_export_latest_revision() -> None:
    pages = pages_of("dbpedia-history-frwiki-20220101-pages-articles.xml")
    assert [(p.title, p.page_id) for p in pages] == [("Hôtes de passage", 3553440), ("Raymond Beaudet", 502899)]
    assert (pages[0].revision_id, pages[0].timestamp) == (188002523, "2021-11-14T14:42:04Z")
    assert (pages[1].revision_id, pages[1].timestamp) == (196447925, "2022-08-26T17:34:14Z")
    assert pages[0].text.startswith("{{Titre en italique}}")


def test_history_newest_revision_wins_even_when_not_last() -> None:
    (page,) = pages_of("history-unordered.xml")
    assert page.title == "Hôtes de passage"
    assert (page.revision_id, page.timestamp) == (188002523, "2021-11-14T14:42:04Z")


def test_fragment_single_page() -> None:
    (page,) = pages_of("wikiclean-brwiki-test.xml")
    assert (page.title, page.namespace, page.page_id, page.revision_id) == (
        "Skiantoù an Ditour hag al Levraouegoù",
        0,
        1180,
        1345743,
    )


def test_fragment_of_several_pages_is_wrapped() -> None:
    pages = pages_of("fragment-two-pages.xml")
    assert [p.title for p in pages] == ["Çullu, Agdam", "Talk:Çullu, Agdam"]


def test_utf16_export() -> None:
    import bz2

    name = "bgwiki-latest-pages-articles-shortened.xml.bz2"
    with bz2.open(DUMPS / name) as fh:
        pages = list(iter_xml_pages(fh, source=name))  # type: ignore[arg-type]
    assert [(p.title, p.namespace, p.page_id) for p in pages] == [
        ("Григориански календар", 0, 558),
        ("Уикипедия:Редактиране на страници", 4, 559),
        ("Уикипедия:Разговори/Архив/2005/октомври-ноември-декември", 4, 560),
    ]


def test_redirect_title() -> None:
    import bz2

    with bz2.open(DUMPS / "wikipedia2vec-enwiki-pages-articles-sample.xml.bz2") as fh:
        pages = list(iter_xml_pages(fh, source="x"))  # type: ignore[arg-type]
    assert [(p.title, p.redirect) for p in pages] == [
        ("AccessibleComputing", "Computer accessibility"),
        ("Computer accessibility", None),
        ("Accessibility", None),
    ]


def test_truncated_xml_yields_pages_before_break() -> None:
    got = []
    with open(DUMPS / "truncated-pair.xml", "rb") as fh:
        with pytest.raises(DumpError) as err:
            for page in iter_xml_pages(fh, source="t"):
                got.append(page.title)
    assert got == ["Çullu, Agdam"]
    assert err.value.pages == 1


def test_billion_laughs_refused_fast() -> None:
    start = time.monotonic()
    with open(DUMPS / "billion-laughs.xml", "rb") as fh:
        with pytest.raises(DumpError) as err:
            list(iter_xml_pages(fh, source="b"))
    assert time.monotonic() - start < 2
    assert "document type declaration" in str(err.value)


def test_xxe_does_not_leak_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE mediawiki [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>\n'
        "<mediawiki><page><title>Leak</title><ns>0</ns><id>1</id>"
        "<revision><id>1</id><text>a &xxe; b</text></revision></page></mediawiki>"
    ).encode()
    with pytest.raises(DumpError) as err:
        list(iter_xml_pages(io.BytesIO(xml), source="x"))
    assert "TOP-SECRET" not in str(err.value)


def test_entities_in_body_are_never_resolved(tmp_path: Path) -> None:
    # Without a DTD an undeclared entity is a syntax error, never a file read.
    xml = b"<mediawiki><page><title>A</title><ns>0</ns><id>1</id><revision><text>&xxe;</text></revision></page></mediawiki>"
    with pytest.raises(DumpError):
        list(iter_xml_pages(io.BytesIO(xml), source="x"))


def test_small_chunks_give_same_pages() -> None:
    data = (DUMPS / "dbpedia-history-frwiki-20220101-pages-articles.xml").read_bytes()
    whole = list(iter_xml_pages(io.BytesIO(data), source="h"))
    chunked = list(iter_xml_pages(io.BytesIO(data), source="h", chunk=997))
    assert whole == chunked


def test_junk_after_root_is_ignored() -> None:
    # Seen in a real DBpedia minidump: a literal "\\n" after </mediawiki>.
    data = (DUMPS / "pywikibot-pair-0.10.xml").read_bytes().rstrip() + b"\\n"
    pages = list(iter_xml_pages(io.BytesIO(data), source="j"))
    assert [p.title for p in pages] == ["Çullu, Agdam", "Talk:Çullu, Agdam"]


@pytest.mark.parametrize(
    ("name", "dbname"),
    [
        ("dbpedia-history-frwiki-20220101-pages-articles.xml", "frwiki"),  # <dbname>frwiki</dbname>
        ("pywikibot-pair-0.10.xml", "enwiki"),
        ("fragment-two-pages.xml", None),  # bare pages, no <siteinfo>
    ],
)
def test_pages_carry_the_siteinfo_dbname(name: str, dbname: str | None) -> None:
    pages = pages_of(name)
    assert pages and {p.dbname for p in pages} == {dbname}


@pytest.mark.parametrize("value", ["", "../../etc/passwd", "en wiki", "x" * 80])
def test_a_dbname_that_is_no_database_name_is_dropped(value: str) -> None:
    xml = (f"<mediawiki><siteinfo><dbname>{value}</dbname></siteinfo>"
           "<page><title>A</title><ns>0</ns><id>1</id><revision><id>2</id><text>x</text></revision></page>"
           "</mediawiki>").encode()
    pages = list(iter_xml_pages(io.BytesIO(xml), source="x.xml"))
    assert [p.dbname for p in pages] == [None]
