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
            return _decode(data, codec, [])
    head = data[:200]
    if head and head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return _decode(data, codec, [f"decoded as {codec} (no BOM)"])
    return _decode(data, "utf-8", [])


def _decode(data: bytes, codec: str, warnings: list[str]) -> tuple[str, list[str]]:
    """Decode strictly when possible; otherwise replace, and say where (never silently)."""
    try:
        return data.decode(codec), warnings
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        name = "UTF-8" if codec.startswith("utf-8") else codec.upper().replace("UTF-16-", "UTF-16 ")
        return text, [*warnings, f"invalid {name} at byte {exc.start}: replaced with U+FFFD"]
