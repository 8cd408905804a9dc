"""Guess an input's format from its content, not its file name."""

from __future__ import annotations

import re

_HTML = re.compile(r"<(?:!doctype html|html|body|div|table|p|section|h[1-6]|span)\b", re.I)
_WIKI = re.compile(
    r"\{\{\s*[^{}|\n]{1,80}(?:\||\}\})|\[\[[^\[\]\n]{1,200}\]\]|^==+[^=\n]+==+\s*$|'''",
    re.M,
)
#: Markup that only wikitext has at the start of a line.
_WIKI_LINE = re.compile(
    r"^(?:\{\{|\|\s*[\w ]{1,40}=|==+[^=\n]+==+\s*$|\[\[|#REDIRECT|'''|\{\|)", re.M | re.I
)


def detect_format(text: str) -> str:
    """Return "enterprise", "html", "wikitext" or "text".

    Only the first 20,000 characters are inspected: enough to see a page's
    head or its infobox, and cheap on multi-megabyte inputs.  Plain text
    that merely mentions markup (a leaked "Cite error ... {{reflist}}"
    message) is not wikitext: wikitext has markup at the start of lines.
    """
    head = text[:20000]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{") and '"article_body"' in text:
        return "enterprise"
    html_hits = len(_HTML.findall(head))
    if html_hits >= 2 or stripped.lower().startswith(("<!doctype html", "<html")):
        return "html"
    wiki_hits = len(_WIKI.findall(head))
    line_hits = len(_WIKI_LINE.findall(head))
    if (line_hits >= 1 and wiki_hits >= 2) or line_hits >= 3 or wiki_hits >= 8:
        return "wikitext"
    return "text"
