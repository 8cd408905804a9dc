"""Rendering debris: the message a wiki prints where a template failed.

A mirror that copied a page without its Lua modules renders, in place of the
value, "Script error: No such module "Birth date and age"." or "Lua error in
Module:Location_map at line 526: ...".  Such a message is never a place, a
name or a title.  The words that open it, per language, are data
(``lang/data/<code>/rendering.json``, key ``errors``, from the Scribunto
messages); a page is read without knowing its language.
"""

from __future__ import annotations

import dataclasses
import re

from .. import lang
from ..model import Infobox

_WORDS = sorted({w for w in lang.merged("rendering", "errors") if w}, key=len, reverse=True)
#: The message runs from its opening words to the first full stop that ends a sentence
#: ('... module "Birth date and age".', not "package.lua"), else to the end of the line;
#: bounded, so linear.
_MESSAGE = re.compile(
    r"(?<![^\W\d_])(?:" + ("|".join(re.escape(w) for w in _WORDS) or "(?!)") + r")\b"
    r"[^\n]{0,400}?(?:\.(?=[\s\"'»”]|$)[\"'»”]?|(?=\n)|$)",
    re.I,
)
_LEFTOVER = re.compile(r"[ \t]{2,}")


def strip_errors(text: str) -> str:
    """``text`` without the template error messages in it, and without the
    punctuation they leave at a line's ends."""
    if not text or not _WORDS or _MESSAGE.search(text) is None:
        return text
    cleaned = _MESSAGE.sub(" ", text)
    lines = [_LEFTOVER.sub(" ", line).strip(" \t,;:") for line in cleaned.split("\n")]
    return "\n".join(line for line in lines if line)


def is_error(text: str | None) -> bool:
    """The whole of ``text`` is a template error message."""
    return bool(text and text.strip()) and not strip_errors(text or "").strip()


def without_errors(box: Infobox | None) -> Infobox | None:
    """A copy of ``box`` whose values hold no template error message (the box
    itself is left as the reader made it)."""
    if box is None or not any(_MESSAGE.search(r.value or "") for r in box.rows):
        return box
    rows = [dataclasses.replace(r, value=strip_errors(r.value)) if r.value else r for r in box.rows]
    return dataclasses.replace(box, rows=rows)
