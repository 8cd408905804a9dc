"""Infobox template parameters that leaked into plain text.

Some mirrors print the infobox as its raw parameters
(``{ officeholder | office = X | term_start = Y ... ))``) or as a dump-style
list (``- Term Start1: Y``).  Those are template parameters, not rendered
labels, so they are handed to the same parameter mapping the wikitext reader
uses; this module only recovers the (name, value) pairs from the text.
"""

from __future__ import annotations

import re

from ..model import Infobox

#: Names and keys in any script ("{ Ficha de político | nombre = ..."), letters first.
_TEMPLATE_START = re.compile(r"^\s*\{\{?\s*([^\W\d_][\w /'-]{0,60}?)\s*\|")
_PAIR = re.compile(r"\|\s*([^\W\d][\w .'-]{0,40}?)\s*=\s*")
_DASH_PAIR = re.compile(r"^\s*-\s+([^\W\d_][\w /]{0,40}?)\s*:\s*(.*)$")


#: Parameters leaking after an image caption, the template's start lost with the image:
#: "Dr. Bayard ... nas proximidades de Túnel |morte_data = |nascimento_local = Diamantina, ...".
_CAPTION_THEN_PAIRS = re.compile(r"^[^|{}]{1,300}?\s\|\s*[^\W\d][\w .'-]{0,40}?\s*=")
_LEAK_MIN_PAIRS = 3
_LEAK_MAX_LINES = 40


def _leak_after_caption(lines: list[str]) -> int | None:
    """Index of the line where parameters leak after a caption, among the first lines."""
    for i, line in enumerate(lines[:_LEAK_MAX_LINES]):
        if line.count("|") >= _LEAK_MIN_PAIRS and _CAPTION_THEN_PAIRS.match(line) and (
                len(_PAIR.findall(line)) >= _LEAK_MIN_PAIRS):
            return i
    return None


def looks_like_param_dump(lines: list[str]) -> bool:
    """True when the infobox appears as raw parameters rather than rendered rows."""
    head = [line for line in lines[:40] if line.strip()]
    if head and _TEMPLATE_START.match(head[0]) and len(_PAIR.findall(head[0])) >= 3:
        return True
    if _leak_after_caption(lines) is not None:
        return True
    dash = sum(1 for line in head if _DASH_PAIR.match(line))
    return dash >= 5


def split_template_params(text: str) -> tuple[str | None, list[tuple[str, str]], int]:
    """(template name, pairs, end offset) of a leaked ``{ name | k = v | ... ))`` run."""
    start = _TEMPLATE_START.match(text)
    if not start:
        return None, [], 0
    name = start.group(1).strip()
    pairs: list[tuple[str, str]] = []
    matches = list(_PAIR.finditer(text, start.end() - 1))
    end = len(text)
    for i, match in enumerate(matches):
        value_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : value_end]
        if i + 1 == len(matches):
            close = re.search(r"\)\)|\}\}", value)
            if close:
                end = match.end() + close.end()
                value = value[: close.start()]
        pairs.append((match.group(1).strip(), value.strip()))
    return name, pairs, end


def _as_wikitext(name: str | None, pairs: list[tuple[str, str]]) -> str:
    """Rebuild the template so the wikitext reader's parameter mapping applies unchanged."""
    from .wikitext.params import is_infobox_name
    from .wikitext.scan import normalize_name

    template = name or "person"
    if not is_infobox_name(normalize_name(template)):
        template = f"Infobox {template}"
    body = "".join(
        f"\n| {_param_name(key)} = {value.replace('|', '{{!}}')}" for key, value in pairs
    )
    return f"{{{{{template}{body}\n}}}}"


def _param_name(key: str) -> str:
    """"Term Start1" -> "term_start1" (dump-style keys are spaced and capitalized)."""
    return re.sub(r"\s+", "_", key.strip()).lower()


def _infobox_from_pairs(name: str | None, pairs: list[tuple[str, str]]) -> Infobox | None:
    from .wikitext import read_wikitext

    doc = read_wikitext(_as_wikitext(name, pairs))
    box = next((b for b in doc.infoboxes if b.kind == "infobox"), None)
    if box is not None:
        box.name = name
    return box


def params_infobox(lines: list[str]) -> tuple[Infobox | None, set[int]]:
    """Rebuild an infobox from leaked parameters; also return the lines it used."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return None, set()
    first = nonblank[0]
    if _TEMPLATE_START.match(lines[first]):
        text = "\n".join(lines[first:])
        name, pairs, end = split_template_params(text)
        consumed = text[:end].count("\n")
        used = set(range(first, first + consumed))
        tail = text[end:].split("\n", 1)[0]
        if tail.strip():
            # the lead often follows the closing braces on the same line
            lines[first + consumed] = tail
        else:
            used.add(first + consumed)
        return _infobox_from_pairs(name, pairs), used
    leak = _leak_after_caption(lines)
    if leak is not None:
        # the caption before the first "|" describes the lost image; the run ends at "}}"
        last = next((j for j in range(leak, min(len(lines), leak + _LEAK_MAX_LINES)) if "}}" in lines[j]), leak)
        text = "\n".join(lines[leak : last + 1])
        start = re.search(r"\s\|", text)
        _, pairs, _ = split_template_params("{{person " + text[start.end() - 1 if start else 0 :])
        return _infobox_from_pairs(None, pairs), set(range(leak, last + 1))
    pairs = []
    used = set()
    for i, line in enumerate(lines):
        match = _DASH_PAIR.match(line)
        if match:
            # dump-style lists join the lines of a value with " , "
            pairs.append((match.group(1), match.group(2).strip().replace(" , ", "<br>")))
            used.add(i)
    if not pairs:
        return None, set()
    return _infobox_from_pairs(None, pairs), used
