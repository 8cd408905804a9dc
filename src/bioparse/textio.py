"""Turning bytes from anywhere into text without losing the page.

Most input is UTF-8 and takes the fast path: BOMs select UTF-8 or UTF-16,
BOM-less UTF-16 is recognised by its NUL bytes, valid UTF-8 is decoded at
once.  Pages saved by older or non-English mirrors come in legacy encodings
(windows-1251/1252, ISO-8859-x, GBK, Shift_JIS, EUC-KR...), declared in a
``<meta charset>`` or an XML declaration, or not at all: beautifulsoup4's
``UnicodeDammit`` reads the declaration, and when there is none (or it is
wrong) charset-normalizer's guess is used, with windows-1252 preferred over
the equally likely Central European code pages (as browsers do for
undeclared Western pages).  A warning always says which encoding was used.
Text that is mostly UTF-8 with a few bad bytes stays UTF-8, the bad bytes
replaced (and said so); compressed or binary data is named in a warning.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Leading bytes of formats that are not text (what users most often hand over by mistake).
_MAGIC = (
    (b"BZh", "bzip2-compressed data"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"PK\x03\x04", "a zip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"PAR1", "a Parquet file"),
)
#: C0 control bytes that never occur in text (tab, newlines, form feed and ESC do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
#: Single-byte code pages the guesser cannot tell apart on Western text; browsers assume windows-1252.
_WESTERN = ("cp1252", "windows-1252", "iso8859_1", "latin_1", "iso-8859-1", "iso8859_15")


def _magic(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if magic == b"BZh" and data[4:10] != b"1AY&SY" and data[4:10] != b"\x17rE8P\x90":
                continue  # "BZh" followed by text is just text
            return kind
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is not text ("bzip2-compressed data", "binary data"), else None."""
    kind = _magic(data)
    if kind is not None:
        return kind
    head = data[:8192]
    if head and len(_CONTROL.findall(head)) * 20 > len(head):
        return "binary data"
    return None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data``; return the text and warnings about how (when not plain UTF-8) and what was replaced."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, [])
    kind = _magic(data)
    if kind is not None and (b"\x00" in data[:8192] or not _is_utf8(data)):  # NUL-free valid UTF-8 is text
        return _decode(data, "utf-8", [f"input looks like {kind}, not text"])
    head = data[:200]
    if head and head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return _decode(data, codec, [f"decoded as {codec} (no BOM)"])
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    kind = binary_kind(data)
    if kind is not None:
        return _decode(data, "utf-8", [f"input looks like {kind}, not text"])
    if _mostly_utf8(data):
        return _decode(data, "utf-8", [])
    return _legacy(data)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (a stray Latin-1 line), not a legacy encoding.

    Legacy multi-byte text forms valid UTF-8 sequences only by accident, so
    it has far more invalid bytes than valid non-ASCII characters.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    return valid > 0 and valid * 2 >= invalid


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess; among equally good ones, windows-1252 first."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    ties = [m.encoding for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
    for name in ties:
        if name in _WESTERN:
            return name
    return str(best.encoding)


def _legacy(data: bytes) -> tuple[str, list[str]]:
    """A page in a legacy encoding: its declaration if it holds, else a guess; always said."""
    from bs4.dammit import EncodingDetector, UnicodeDammit

    html = b"<" in data[:4096]
    declared = EncodingDetector.find_declared_encoding(data, is_html=html)
    guess = _guess(data)
    dammit = UnicodeDammit(data, is_html=html, user_encodings=[guess] if guess else None)
    used = dammit.original_encoding
    if dammit.unicode_markup is None or not used:
        return _decode(data, "utf-8", [])
    text = dammit.unicode_markup
    name = _label(used)
    if declared and _label(declared) == name:
        how = "declared in the page"
    elif declared:
        how = f"the page declares {declared}, which does not fit its bytes; guessed"
    else:
        how = "no declaration; guessed"
    warnings = [f"decoded as {name} ({how})"]
    if dammit.contains_replacement_characters:
        warnings.append(f"bytes invalid in {name} replaced with U+FFFD")
    return text, warnings


def _label(codec: str) -> str:
    """The name users know for a codec: windows-1251, iso-8859-7 (Python says cp1251, iso8859-7)."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-" + name[3:]
    return name


def _decode(data: bytes, codec: str, warnings: list[str]) -> tuple[str, list[str]]:
    """Decode strictly when possible; otherwise replace, and say where (never silently)."""
    try:
        return data.decode(codec), warnings
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        name = "UTF-8" if codec.startswith("utf-8") else codec.upper().replace("UTF-16-", "UTF-16 ")
        return text, [*warnings, f"invalid {name} at byte {exc.start}: replaced with U+FFFD"]
