"""Turning bytes from anywhere into text without losing the page."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data``; return the text and warnings about what was replaced.

    BOMs select UTF-8 or UTF-16; BOM-less UTF-16 is recognised by its NUL
    bytes; anything else is UTF-8, with invalid bytes replaced (and said so)
    rather than dropped.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), []
    head = data[:200]
    if head and head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace"), [f"decoded as {codec} (no BOM)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        return text, [f"invalid UTF-8 at byte {exc.start}: replaced with U+FFFD"]
