"""Raw page chunks (parent cuts bytes, worker parses) give exactly the sequential reader's pages."""

from __future__ import annotations

import bz2
import random
import string
from pathlib import Path

import pytest
from dump_fixtures import DUMPS

from bioparse.dump.pages import DumpError
from bioparse.dump.rawsplit import iter_page_chunks, pages_of_chunk
from bioparse.dump.sources import iter_pages

XML_DUMPS = sorted(p for p in DUMPS.iterdir() if p.is_file() and ".xml" in p.name and "multistream" not in p.name)


def _key(page: object) -> tuple:
    return tuple(getattr(page, f) for f in ("title", "page_id", "namespace", "revision_id", "timestamp", "text",
                                            "format", "redirect", "source", "position", "dbname"))


def _sequential(path: Path, ns: set[int] | None) -> tuple[list[tuple], str | None]:
    out: list[tuple] = []
    try:
        for page in iter_pages(str(path), namespaces=ns):
            out.append(_key(page))
    except DumpError as exc:
        return out, exc.message
    return out, None


def _chunked(path: Path, ns: set[int] | None, **kw: int) -> tuple[list[tuple], str | None] | None:
    chunks = iter_page_chunks(str(path), namespaces=ns, **kw)
    if chunks is None:
        return None
    out: list[tuple] = []
    try:
        for chunk in chunks:
            out.extend(_key(p) for p in pages_of_chunk(chunk))
    except DumpError as exc:
        return out, exc.message
    return out, None


@pytest.mark.parametrize("path", XML_DUMPS, ids=lambda p: p.name)
@pytest.mark.parametrize("ns", [None, {0}])
def test_chunks_give_the_sequential_pages(path: Path, ns: set[int] | None) -> None:
    seq, seq_error = _sequential(path, ns)
    for kw in ({}, {"chunk_pages": 1}, {"chunk_bytes": 1}):
        got = _chunked(path, ns, **kw)
        if got is None:
            continue  # left to the sequential reader (DTD, not XML)
        pages, error = got
        assert pages == seq
        assert (error is None) == (seq_error is None)


def _write(tmp_path: Path, body: str, name: str = "d.xml.bz2") -> Path:
    path = tmp_path / name
    data = body.encode("utf-8")
    path.write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    return path


_HEAD = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">'
         "<siteinfo><namespaces><namespace key=\"0\" /><namespace key=\"10\">Template</namespace>"
         "</namespaces></siteinfo>\n")


def _page(title: str, text: str, ns: str | None = "0") -> str:
    ns_el = f"<ns>{ns}</ns>" if ns is not None else ""
    return (f"<page><title>{title}</title>{ns_el}<id>1</id><revision><id>2</id>"
            f"<timestamp>2020-01-01T00:00:00Z</timestamp><text>{text}</text></revision></page>\n")


def test_page_end_inside_cdata_comment_or_pi_is_not_a_cut(tmp_path: Path) -> None:
    body = (_HEAD + _page("A", "<![CDATA[ x </page> <page> y ]]>") + "<!-- </page> -->"
            + _page("B", "b") + "<?pi </page> ?>" + _page("C", "c &amp; d") + "</mediawiki>")
    path = _write(tmp_path, body)
    seq, _ = _sequential(path, None)
    assert [p[0] for p in seq] == ["A", "B", "C"]
    got = _chunked(path, None, chunk_pages=1)
    assert got is not None and got[0] == seq and got[1] is None


def test_old_exports_without_ns_use_the_siteinfo_names(tmp_path: Path) -> None:
    body = _HEAD + _page("Template:Infobox", "t", ns=None) + _page("Ada", "a", ns=None) + "</mediawiki>"
    path = _write(tmp_path, body)
    got = _chunked(path, None, chunk_pages=1)
    assert got is not None
    assert [(p[0], p[2]) for p in got[0]] == [("Template:Infobox", 10), ("Ada", 0)]
    assert got[0] == _sequential(path, None)[0]


def test_truncated_input_yields_whole_pages_then_fails(tmp_path: Path) -> None:
    rng = random.Random(7)  # incompressible text: several bz2 blocks, the first one whole
    body = _HEAD + "".join(_page(f"P{i}", "".join(rng.choices(string.ascii_letters, k=60_000)))
                           for i in range(40)) + "</mediawiki>"
    full = bz2.compress(body.encode())
    path = tmp_path / "t.xml.bz2"
    path.write_bytes(full[: len(full) // 2])
    got = _chunked(path, None, chunk_pages=4)
    assert got is not None
    pages, error = got
    assert error is not None and pages
    seq, seq_error = _sequential(path, None)
    assert seq_error is not None and pages == seq[: len(pages)]


def test_unclosed_last_page_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, _HEAD + _page("A", "a") + "<page><title>B</title>", name="u.xml")
    got = _chunked(path, None)
    assert got is not None and got[1] is not None and [p[0] for p in got[0]] == ["A"]


def test_prefixed_root_and_doctype_are_left_to_the_sequential_reader(tmp_path: Path) -> None:
    prefixed = _write(tmp_path, '<mw:mediawiki xmlns:mw="x"><mw:page></mw:page></mw:mediawiki>', name="p.xml")
    assert iter_page_chunks(str(prefixed)) is None
    doctype = _write(tmp_path, '<!DOCTYPE m [<!ENTITY a "b">]><mediawiki>' + _page("A", "&a;") + "</mediawiki>",
                     name="x.xml")
    assert iter_page_chunks(str(doctype)) is None
