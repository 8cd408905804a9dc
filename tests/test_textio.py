"""Bytes in any encoding: real pages re-encoded the way legacy mirrors saved them.

Each fixture under ``fixtures/encodings/`` is a real UTF-8 page from the
corpus; the tests encode it into the legacy encoding a mirror of that
language used (characters the encoding lacks become ``?`` in text and
``&#NNNN;`` in HTML/XML, as those mirrors wrote them) and check that
:func:`decode_bytes` gives back exactly that text and says which encoding
it used.  The word checked in each page is its title, read in the file.
"""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

import bioparse
from bioparse.textio import binary_kind, decode_bytes

ENC = Path(__file__).resolve().parents[1] / "fixtures" / "encodings"

UNDECLARED = [
    ("konstantin_chernenko__ru__stihi.ru.txt", "cp1251", "Черненко"),
    ("konstantin_chernenko__ru__stihi.ru.txt", "koi8-r", "Черненко"),
    ("jozsef_antall__uk__mirror.wmcloud.org.txt", "cp1251", "Антал"),
    ("shigeru_yoshida__ja__mobile.seisyun.net.txt", "shift_jis", "吉田茂"),
    ("shigeru_yoshida__ja__mobile.seisyun.net.txt", "euc-jp", "吉田茂"),
    ("shigeru_yoshida__ja__jablog.org.txt", "shift_jis", "吉田茂"),
    ("lee_teng_hui__zh__zh.wikipedia.org.txt", "gbk", "李登辉"),
    ("dbpminidump__ko__bereulrin.wiki", "euc-kr", "베를린"),
    ("dbpminidump__el__Berolino.wiki", "cp1253", "Βερολίνο"),
    ("leon_bourgeois__fr__codes-et-lois.fr.txt", "cp1252", "Léon Bourgeois"),
    ("eduardo_dato__es__es.knowpia.com.txt", "cp1252", "Eduardo Dato"),
    ("helmut_schmidt__de__40.74.122.252.txt", "iso-8859-1", "Helmut Schmidt"),
    ("aleksander_kwasniewski__pl__zgapa.pl.txt", "iso-8859-2", "Kwaśniewski"),
    ("habib_bourguiba__ar__wikiwand.com.txt", "cp1256", "بورقيبة"),
]


def _same_codec(a: str, b: str) -> bool:
    """Whether codecs ``a`` and ``b`` decode these bytes alike (Shift_JIS is read as its superset cp932...)."""
    import codecs

    return codecs.lookup(a).name == codecs.lookup(b).name


@pytest.mark.parametrize("name, codec, word", UNDECLARED)
def test_undeclared_legacy_page_is_guessed(name: str, codec: str, word: str) -> None:
    original = (ENC / name).read_text(encoding="utf-8")
    data = original.encode(codec, errors="replace")
    expected = data.decode(codec)
    text, warnings = decode_bytes(data)
    assert text == expected
    assert word in text
    assert len(warnings) == 1 and warnings[0].startswith("decoded as ") and "guessed" in warnings[0]


def test_meta_charset_is_read() -> None:
    page = (ENC / "wme_desktop_frwiki_Francois_Lapous.html").read_text(encoding="utf-8")
    assert '<meta charset="UTF-8">' in page
    legacy = page.replace('<meta charset="UTF-8">', '<meta charset="windows-1252">')
    data = legacy.encode("cp1252", errors="xmlcharrefreplace")
    text, warnings = decode_bytes(data)
    assert text == data.decode("cp1252")
    assert warnings == ["decoded as windows-1252 (declared in the page)"]
    article = bioparse.parse(text)
    assert article.title == bioparse.parse(page).title == "François Lapous"


def test_wrong_declaration_is_overruled_and_said() -> None:
    page = (ENC / "wme_desktop_frwiki_Francois_Lapous.html").read_text(encoding="utf-8")
    data = page.encode("cp1252", errors="xmlcharrefreplace")  # still says UTF-8
    text, warnings = decode_bytes(data)
    assert text == data.decode("cp1252")
    assert "François Lapous" in text
    assert len(warnings) == 1 and "declares utf-8" in warnings[0] and "guessed" in warnings[0]


def test_xml_declaration_is_read() -> None:
    export = (ENC / "dbpedia-infoboxsample-fr-JulesCesar.xml").read_text(encoding="utf-8")
    legacy = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + export
    data = legacy.encode("latin-1", errors="xmlcharrefreplace")
    text, warnings = decode_bytes(data)
    assert text == data.decode("latin-1")
    assert "Wikipédia" in text
    assert warnings == ["decoded as iso-8859-1 (declared in the page)"]


def test_utf8_fast_path_has_no_warning() -> None:
    page = (ENC / "konstantin_chernenko__ru__stihi.ru.txt").read_bytes()
    assert decode_bytes(page) == (page.decode("utf-8"), [])


def test_parse_file_reads_a_legacy_page(tmp_path: Path) -> None:
    original = (ENC / "leon_bourgeois__fr__codes-et-lois.fr.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(original.encode("cp1252", errors="replace"))
    article = bioparse.parse_file(path)
    assert article.warnings[0] == "decoded as windows-1252 (no declaration; guessed)"
    assert article.person == bioparse.parse(original.encode("cp1252", errors="replace").decode("cp1252")).person


@pytest.mark.parametrize(
    "data, kind",
    [
        (bz2.compress(b"<mediawiki></mediawiki>" * 10), "bzip2-compressed data"),
        (gzip.compress(b"Born 1 January 1900"), "gzip-compressed data"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_binary_is_named(data: bytes, kind: str) -> None:
    assert binary_kind(data) == kind
    _text, warnings = decode_bytes(data)
    assert warnings[0] == f"input looks like {kind}, not text"


def test_text_starting_with_bzh_is_text() -> None:
    assert binary_kind(b"BZh is how bzip2 streams begin.") is None
