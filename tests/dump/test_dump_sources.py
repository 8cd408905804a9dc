"""Opening inputs: compression, multistream (+index), Enterprise NDJSON, directories, breakage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bioparse.dump.pages import DumpError
from bioparse.dump.sources import find_index, iter_pages, plan_blocks, read_block
from dump_fixtures import DUMPS, TABLE_TITLES



def titles(path: Path, **kw: object) -> list[str]:
    return [p.title for p in iter_pages(str(path), **kw)]  # type: ignore[arg-type]


def test_bz2_and_default_namespace_filter() -> None:
    pages = list(iter_pages(str(DUMPS / "wikipedia2vec-enwiki-pages-articles-sample.xml.bz2")))
    assert [p.title for p in pages] == ["AccessibleComputing", "Computer accessibility", "Accessibility"]
    assert [p.page_id for p in pages] == [10, 411964, 302109]


def test_gz() -> None:
    assert titles(DUMPS / "pywikibot-pair-0.10.xml.gz") == ["Çullu, Agdam"]
    assert titles(DUMPS / "pywikibot-pair-0.10.xml.gz", namespaces=None) == ["Çullu, Agdam", "Talk:Çullu, Agdam"]


def test_utf16_bz2_namespace_zero_only() -> None:
    assert titles(DUMPS / "bgwiki-latest-pages-articles-shortened.xml.bz2") == ["Григориански календар"]


def test_single_stream_multistream_file() -> None:
    name = "dbpedia-distributed-enwiki-20160407-pages-articles-multistream.xml.bz2"
    pages = list(iter_pages(str(DUMPS / name)))
    assert len(pages) == 1
    assert find_index(str(DUMPS / name)) is None


def test_multistream_without_index_reads_all_streams(tmp_path: Path) -> None:
    copy = tmp_path / "enwiki-table-markup-multistream.xml.bz2"
    shutil.copy(DUMPS / copy.name, copy)
    assert find_index(str(copy)) is None
    assert titles(copy) == TABLE_TITLES


def test_multistream_index_blocks_match_sequential_read() -> None:
    path = str(DUMPS / "enwiki-table-markup-multistream.xml.bz2")
    index = find_index(path)
    assert index is not None and index.endswith("enwiki-table-markup-multistream-index.txt.bz2")
    header, blocks = plan_blocks(path, index)
    assert header == 189  # the index's first offset: the siteinfo stream ends there
    assert [(b.offset, b.n_pages, b.first_position) for b in blocks] == [(189, 2, 0), (26887, 2, 2), (60173, 1, 4)]
    from_blocks = [p for b in blocks for p in read_block(b, {0})]
    assert from_blocks == list(iter_pages(path))
    assert [p.title for p in from_blocks] == TABLE_TITLES


def test_enterprise_ndjson_plain_gz_and_tar() -> None:
    expected = [("Alexandros Ioannis Ginnis", 15442292, 214373211), ("Albert Einstein", 2138, 8368147)]
    for name in ("enterprise_sample_2records.ndjson", "enterprise_sample_2records.ndjson.gz", "enterprise_sample_2records.tar.gz"):
        pages = list(iter_pages(str(DUMPS / name)))
        assert [(p.title, p.page_id, p.revision_id) for p in pages] == expected, name
        assert all(p.format == "enterprise" and p.text.startswith("{") for p in pages)
        assert pages[0].timestamp == "2024-04-18T21:14:32Z"
    tar_pages = list(iter_pages(str(DUMPS / "enterprise_sample_2records.tar.gz")))
    assert tar_pages[0].source == "enterprise_sample_2records.tar.gz/enterprise_sample_2records.ndjson"


def test_directory_of_article_files() -> None:
    pages = list(iter_pages(str(DUMPS / "articles_dir")))
    assert [(p.source, p.format, p.title) for p in pages] == [
        ("dumpsterdive__ltg__Dala_Gribauskaite.wiki", "wikitext", "dumpsterdive  ltg  Dala Gribauskaite"),
        ("golda_meir__askwikinow.txt", "text", "golda meir  askwikinow"),
        ("sub/kiwix_mini_Hank_Crawford.html", "html", "kiwix mini Hank Crawford"),
    ]
    assert [p.position for p in pages] == [0, 1, 2]


def test_truncated_multistream_keeps_pages_before_break() -> None:
    path = DUMPS / "truncated-multistream.xml.bz2"
    got = []
    with pytest.raises(DumpError) as err:
        for page in iter_pages(str(path)):
            got.append(page.title)
    assert got == TABLE_TITLES[:2]
    assert err.value.path == str(path)
    assert err.value.pages == 2
    assert err.value.offset is not None and 26887 <= err.value.offset <= 40000
    assert "truncated" in str(err.value)


def test_corrupt_bz2_is_a_dump_error() -> None:
    with pytest.raises(DumpError) as err:
        list(iter_pages(str(DUMPS / "corrupt-pair.xml.bz2")))
    assert "corrupt" in str(err.value) or "truncated" in str(err.value)


def test_missing_file_is_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        list(iter_pages(str(tmp_path / "nope.xml.bz2")))
