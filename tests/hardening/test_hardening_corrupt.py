"""Corrupt and hostile files: a clear error or a best-effort record, never a traceback or a silent drop.

Why: inputs come from truncated downloads, mis-encoded scrapes and pages
with active content.  Each case here says what the user gets instead of a
crash.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

import bioparse
from bioparse import jsonio
from bioparse.textio import decode_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DUMPS = FIXTURES / "dumps"


# --------------------------------------------------------------------------- bytes


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("Jos\u00e9 Serrano\n".encode() + b"Born \xff\xfe 1 January 1900\n")
    article = bioparse.parse_file(path)
    assert any("invalid UTF-8 at byte 19" in w for w in article.warnings)
    assert "Jos\u00e9 Serrano" in jsonio.dumps(article).decode()


def test_mixed_utf8_and_latin1_keeps_both_parts(tmp_path: Path) -> None:
    """A page glued from a UTF-8 part and a Latin-1 part: the Latin-1 bytes become U+FFFD, with a warning."""
    path = tmp_path / "mixed.txt"
    path.write_bytes("Ren\u00e9 Dupont was born in Paris.\n".encode() + "Il est n\u00e9 \u00e0 Lyon.\n".encode("latin-1"))
    text, warnings = decode_bytes(path.read_bytes())
    assert text.startswith("Ren\u00e9 Dupont")
    assert "Il est n\ufffd \ufffd Lyon." in text
    assert warnings and "invalid UTF-8" in warnings[0]
    assert bioparse.parse_file(path).warnings[0] == warnings[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_reads_like_utf8(tmp_path: Path, codec: str) -> None:
    source = FIXTURES / "text" / "marcus_fox.txt"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(codec))
    article = bioparse.parse_file(path)
    assert article.warnings[0] == f"decoded as {codec} (no BOM)"
    reference = bioparse.parse(text)
    assert article.person == reference.person
    assert article.sections == reference.sections


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xff\xfeA", "invalid UTF-16 at byte 2"),  # BOM, then an odd byte
        (b"\xef\xbb\xbfA\xff", "invalid UTF-8"),  # BOM, then an invalid byte
        ("ab".encode("utf-16-le") + b"\x00", "invalid UTF-16 LE"),  # no BOM, odd length
    ],
)
def test_every_replacement_is_reported(data: bytes, expected: str) -> None:
    text, warnings = decode_bytes(data)
    assert "\ufffd" in text
    assert any(expected in w for w in warnings)


def test_compressed_file_given_to_parse_file_is_a_warned_best_effort(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(b"Born 1 January 1900")[:20])
    article = bioparse.parse_file(path)
    assert any("invalid UTF-8" in w for w in article.warnings)


# --------------------------------------------------------------------------- hostile HTML

_HOSTILE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<html><head><title>Jane Doe - Wikipedia</title><script>var LEAK_HEAD_SCRIPT=1;</script>
<style>.LEAK_STYLE{}</style></head><body>
<h1 id="firstHeading">Jane Doe</h1>
<table class="infobox vcard"><tr><th colspan="2">Jane Doe</th></tr>
<tr><th>Born</th><td>1 January 1900<script>LEAK_CELL_SCRIPT()</script><iframe src="x">LEAK_CELL_IFRAME</iframe></td></tr>
</table>
<p>Jane Doe (1 January 1900) was a painter. &xxe; &b;<script>document.write("LEAK_INLINE")</script></p>
<iframe src="https://example.invalid/">LEAK_IFRAME</iframe><noscript>LEAK_NOSCRIPT</noscript>
<h2>Life</h2><p>She lived in Paris.<object data="x.swf">LEAK_OBJECT</object><video>LEAK_VIDEO</video></p>
<script type="application/ld+json">{"LEAK_JSON": 1}</script>
</body></html>"""


@pytest.mark.parametrize("fmt", ["html", "auto", "enterprise"])
def test_scripts_iframes_and_entities_do_not_leak(fmt: str) -> None:
    import json

    text = json.dumps({"name": "Jane Doe", "article_body": {"html": _HOSTILE}}) if fmt == "enterprise" else _HOSTILE
    article = bioparse.parse(text, format=fmt)
    blob = jsonio.dumps(article).decode()
    assert "LEAK" not in blob
    assert "root:" not in blob  # the external entity was not resolved
    assert "aaaaaaaaaaaaaaaaaaaa" not in blob  # nor the internal one expanded
    assert "]>" not in blob  # the DOCTYPE subset is not page text
    texts = {s.title: s.text for s in article.sections}
    assert texts["Life"] == "She lived in Paris."
    assert texts[""].startswith("Jane Doe (1 January 1900) was a painter.")
    assert article.person is not None and article.person.birth is not None
    assert article.person.birth.date is not None and article.person.birth.date.iso == "1900-01-01"


def test_xml_with_dtd_given_to_parse_is_not_expanded() -> None:
    text = (DUMPS / "billion-laughs.xml").read_text(encoding="utf-8")
    article = bioparse.parse(text)
    assert len(jsonio.dumps(article)) < 10 * len(text)  # nothing was expanded a billion times


# --------------------------------------------------------------------------- the dump command


def _dump(tmp_path: Path, source: Path) -> subprocess.CompletedProcess[str]:
    out = tmp_path / "out.jsonl"
    return subprocess.run(
        [sys.executable, "-m", "bioparse.cli", "dump", "--quiet", "--workers", "1", "-o", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_clear_failure(proc: subprocess.CompletedProcess[str], name: str, words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "bioparse: error: " in proc.stderr and name in proc.stderr
    assert words in proc.stderr


@pytest.mark.parametrize("cut", [400, 800])
def test_dump_truncated_gzip(tmp_path: Path, cut: int) -> None:
    source = tmp_path / "cut.xml.gz"
    source.write_bytes((DUMPS / "pywikibot-pair-0.10.xml.gz").read_bytes()[:cut])
    _assert_clear_failure(_dump(tmp_path, source), "cut.xml.gz", "truncated")


def test_dump_truncated_bz2(tmp_path: Path) -> None:
    source = tmp_path / "cut.xml.bz2"
    source.write_bytes((DUMPS / "enwiki-table-markup.xml.bz2").read_bytes()[:5000])
    _assert_clear_failure(_dump(tmp_path, source), "cut.xml.bz2", "truncated")


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_dump_xml_with_dtd_is_refused(tmp_path: Path, name: str) -> None:
    proc = _dump(tmp_path, DUMPS / name)
    _assert_clear_failure(proc, name, "document type declaration")
    out = tmp_path / "out.jsonl"
    assert not out.exists() or "root:" not in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- API contract


def test_value_error_inside_a_reader_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only an unknown format name raises; a reader's own ValueError must not escape parse()."""
    import bioparse.readers.text as text_reader

    def broken(text: str, title: str | None = None) -> None:
        raise ValueError("bad value deep inside")

    monkeypatch.setattr(text_reader, "read_text", broken)
    article = bioparse.parse("Some plain text.", format="text")
    assert article.warnings == ["reader failed: ValueError: bad value deep inside"]
    with pytest.raises(ValueError, match="unknown format"):
        bioparse.parse("x", format="pdf")
