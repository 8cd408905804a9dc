"""Small text clean-ups shared by the extractors."""

from __future__ import annotations

import re

#: Footnote and maintenance markers: [1], [a], [nb 1], [citation needed], [needs IPA] ...
FOOTNOTE = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|[a-z ]{3,30} needed|needs? [^\[\]]{1,25}"
    r"|who\?|when\?|which\?|dubious[^\[\]]{0,20})\]"
)
_FOOTNOTES = FOOTNOTE
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")


def strip_footnotes(text: str) -> str:
    """Remove footnote and maintenance markers."""
    return FOOTNOTE.sub("", text)


def tidy(text: str | None) -> str:
    """Footnote markers removed, runs of spaces folded, ends trimmed (newlines kept)."""
    if not text:
        return ""
    # Substring tests, faster than one search for [\[\n\t\u00a0\u2009\u200b]|"  ".
    if not ("[" in text or "\n" in text or "\t" in text or "  " in text or "\u00a0" in text
            or "\u2009" in text or "\u200b" in text):
        return text.strip(" |\r\f\v")  # the common case: a clean single-line value
    text = _FOOTNOTES.sub("", text)
    lines = [_SPACES.sub(" ", line).strip(" |") for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


def first_line(text: str | None) -> str:
    """The first non-empty line of a value (multi-person cells give their first person)."""
    cleaned = tidy(text)
    return cleaned.split("\n", 1)[0].strip() if cleaned else ""


def one_line(text: str | None) -> str:
    """A multi-line value as one line."""
    return " ".join(tidy(text).split("\n"))


def items(text: str | None) -> list[str]:
    """A multi-line value as a list of its lines."""
    return [line for line in tidy(text).split("\n") if line]
