"""Cheap, linear location of the wikitext constructs that matter.

Whole dumps pass through here, so nothing parses a page as a tree: comments
are cut, extension tags (``<ref>``, ``<nowiki>``, ``<math>`` ...) are swapped
for short strip markers (as MediaWiki's own preprocessor does), and templates
are found by a depth-bounded brace matcher that only looks at ``{{``/``}}``
tokens.  Every loop here is a single pass over regex tokens, so a 10 MB line
or a thousand nested ``{{`` cannot hang it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

#: Deeper template nesting than this is treated as text (MediaWiki stops at 40).
MAX_DEPTH = 40

MARK = "\x7f"
_MARKER = re.compile("\x7f([RX])(\\d+)\x7f")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_BRACE = re.compile(r"\{\{|\}\}")
_LINKTOK = re.compile(r"\[\[|\]\]")
_SPLIT = re.compile(r"\{\{|\}\}|\[\[|\]\]|\||=|\n")

#: Extension tags whose content is not wikitext for the template parser.
_OPAQUE = ("ref", "references", "nowiki", "pre", "math", "syntaxhighlight", "source",
           "gallery", "score", "chem", "ce", "timeline", "graph", "templatedata",
           "mapframe", "maplink", "imagemap", "hiero", "categorytree", "inputbox",
           "charinsert", "templatestyles", "indicator", "section")
#: Opaque tags whose text survives as plain text.
_KEEP_TEXT = frozenset({"nowiki", "pre"})


def _by_first_letter(names: tuple[str, ...]) -> str:
    """``a|b|c`` over ``names`` grouped by first letter (``r(?:ef|eferences)|n(?:owiki)``...):
    at each ``<`` the engine tries one group per letter instead of every name.  A name must be
    followed by a blank, ``/`` or ``>``, so at most one name matches and the order is free."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in groups.items())


_OPENER = re.compile(r"<(" + _by_first_letter(_OPAQUE) + r")(\s[^<>]*?)?(/?)>", re.I)
#: ``(?<!\w)``: a name is tried from its first character only (a long word was quadratic).
_ATTR = re.compile(r"""(?<!\w)(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))""")


@dataclass
class Tag:
    """An extension tag cut out of the text (``<ref>`` and friends)."""

    name: str
    attrs: dict[str, str]
    content: str | None  # None for a self-closing tag
    #: Set for refs found inside ``<references>...</references>``.
    list_defined: bool = False


@dataclass
class Masked:
    """The page with comments removed and extension tags replaced by markers."""

    text: str
    tags: list[Tag] = field(default_factory=list)
    #: (position in ``text``, tag index) of every ref marker ``text`` holds, in order: what
    #: :func:`markers` of ``text`` gives for kind "R", noted while the markers are written.
    ref_marks: list[tuple[int, int]] = field(default_factory=list)


def strip_comments(text: str) -> str:
    """Drop ``<!-- ... -->``; an unterminated comment runs to the end, as in MediaWiki."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub("", text)


def mask_tags(text: str, tags: list[Tag] | None = None, list_defined: bool = False) -> Masked:
    """Replace extension tags by ``\\x7fR<n>\\x7f`` (refs) or ``\\x7fX<n>\\x7f`` markers.

    A tag without its closing tag is left as text, as MediaWiki does; a failed
    search for a closer is remembered so many unclosed tags stay linear.
    """
    out_tags = tags if tags is not None else []
    if "<" not in text:
        return Masked(text, out_tags)
    parts: list[str] = []
    ref_marks: list[tuple[int, int]] = []
    size = 0  # length of the output so far
    pos = 0
    no_closer_after: dict[str, int] = {}
    for m in _OPENER.finditer(text):
        start, stop = m.span()
        if start < pos:
            continue
        name, raw_attrs, slash = m.groups()
        name = name.lower()
        if slash:
            content: str | None = None
            end = stop
        else:
            if no_closer_after.get(name, len(text) + 1) <= stop:
                continue
            closer = _closer(name).search(text, stop)
            if closer is None:
                no_closer_after[name] = stop
                continue
            content = text[stop:closer.start()]
            end = closer.end()
        parts.append(text[pos:start])
        size += start - pos
        if name == "references":
            if content:
                mask_tags(content, out_tags, list_defined=True)
            pos = end
            continue
        attrs = parse_attrs(raw_attrs) if raw_attrs else {}
        if name == "ref" and content and "<" in content:
            content = mask_tags(content, out_tags).text
        out_tags.append(Tag(name, attrs, content, list_defined))
        index = len(out_tags) - 1
        if name == "ref":
            ref_marks.append((size, index))
            marker = f"{MARK}R{index}{MARK}"
        else:
            marker = f"{MARK}X{index}{MARK}"
        parts.append(marker)
        size += len(marker)
        pos = end
    parts.append(text[pos:])
    return Masked("".join(parts), out_tags, ref_marks)


_CLOSERS: dict[str, re.Pattern[str]] = {}


def _closer(name: str) -> re.Pattern[str]:
    """``</name>`` (any case, spaces before ``>``), compiled once per tag name."""
    pattern = _CLOSERS.get(name)
    if pattern is None:
        pattern = re.compile(r"</" + name + r"\s*>", re.I)
        if len(_CLOSERS) < 256:  # tag names come from _OPENER's fixed list
            _CLOSERS[name] = pattern
    return pattern


def parse_attrs(raw: str) -> dict[str, str]:
    """Attributes of a tag: ``name=x``, ``name="x y"``, ``name='x'``."""
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        attrs[m.group(1).lower()] = (value or "").strip()
    return attrs


def markers(text: str) -> list[tuple[int, str, int]]:
    """(position, kind "R"/"X", tag index) of every strip marker in ``text``."""
    if MARK not in text:
        return []
    return [(m.start(), m.group(1), int(m.group(2))) for m in _MARKER.finditer(text)]


def unmask(text: str, tags: list[Tag]) -> str:
    """Put back the text of ``<nowiki>``/``<pre>``; drop every other marker."""
    if MARK not in text:
        return text
    if MARK + "X" not in text:
        return _MARKER.sub("", text)  # only ref markers: all dropped, no Python call per marker

    def repl(m: re.Match[str]) -> str:
        idx = int(m.group(2))
        if m.group(1) == "X" and idx < len(tags):
            tag = tags[idx]
            if tag.name in _KEEP_TEXT and tag.content:
                return tag.content
        return ""

    return _MARKER.sub(repl, text)


def template_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the outermost ``{{...}}`` in ``text[lo:hi]``, in order.

    Unclosed ``{{`` are text; templates nested in an unclosed one are
    promoted to the top level.  Nesting deeper than :data:`MAX_DEPTH` is
    text too.
    """
    if hi is None:
        hi = len(text)
    # ``{{`` and ``}}`` by two ``str.find`` scans (the engine tried a two-branch pattern at
    # every character); the tokens are those of ``_BRACE.finditer``: the two kinds share no
    # character, so the next one of each kind is found independently.  Nested spans are not
    # kept: only a ``{{`` left open at the end needs them (see ``_spans_promoting``).
    spans: list[tuple[int, int]] = []
    starts: list[int] = []
    overflow = 0
    opener = text.find("{{", lo, hi)
    closer = text.find("}}", lo, hi)
    while closer >= 0:
        if 0 <= opener < closer:
            if len(starts) < MAX_DEPTH:
                starts.append(opener)
            else:
                overflow += 1
            opener = text.find("{{", opener + 2, hi)
            continue
        end = closer + 2
        closer = text.find("}}", end, hi)
        if overflow:
            overflow -= 1
        elif starts:
            start = starts.pop()
            if not starts:
                spans.append((start, end))
    if starts:
        return _spans_promoting(text, lo, hi)
    return spans


def _spans_promoting(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """:func:`template_spans` of a text with an unclosed ``{{``: the templates nested in it
    are promoted to the top level."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, list[tuple[int, int]]]] = []
    overflow = 0
    for m in _BRACE.finditer(text, lo, hi):
        if m.group() == "{{":
            if len(stack) < MAX_DEPTH:
                stack.append((m.start(), []))
            else:
                overflow += 1
            continue
        if overflow:
            overflow -= 1
            continue
        if not stack:
            continue
        start, _children = stack.pop()
        if stack:
            stack[-1][1].append((start, m.end()))
        else:
            spans.append((start, m.end()))
    if stack:
        for _start, children in stack:
            spans.extend(children)
        spans.sort()
    return spans


def _match_pair(tokens: re.Pattern[str], opener: str, text: str, start: int) -> int:
    """End of the bracket pair opening at ``start``; -1 when unclosed or nested too deep."""
    depth = 0
    for m in tokens.finditer(text, start):
        if m.group() == opener:
            depth += 1
            if depth > MAX_DEPTH:
                return -1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


def match_braces(text: str, start: int) -> int:
    """End of the template opening at ``start`` (``{{``), or -1 when unclosed."""
    return _match_pair(_BRACE, "{{", text, start)


def match_link(text: str, start: int) -> int:
    """End of the ``[[...]]`` opening at ``start``; -1 when unclosed."""
    return _match_pair(_LINKTOK, "[[", text, start)


_PREFIX = re.compile(
    r"^(?:safesubst:|subst:|msgnw:|template:|vorlage:|modèle:|modele:|plantilla:|"
    r"predefinição:|template:|sjabloon:|sablon:|szablon:|шаблон:|mall:)+",
    re.I,
)
_SPACES = re.compile(r"[\s_]+")


@functools.lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """Template name as a lookup key: lower case, ``_`` as space, no ``Template:``."""
    key = _SPACES.sub(" ", name).strip().lower()
    return _PREFIX.sub("", key).strip()


@dataclass
class Template:
    """One template call with its parameters as raw wikitext."""

    name: str
    key: str
    #: (name, raw value) in source order; positional ones are named "1", "2" ...
    params: list[tuple[str, str]]
    start: int = 0
    end: int = 0

    def get(self, *names: str) -> str | None:
        """Stripped value of the first of ``names`` that is present (last duplicate wins)."""
        for name in names:
            found: str | None = None
            for pname, value in self.params:
                if pname == name:
                    found = value
            if found is not None:
                return found.strip()
        return None

    def positional(self) -> list[str]:
        """Positional values in order."""
        return [v.strip() for k, v in self.params if k.isdigit()]


def parse_template(text: str, start: int = 0, end: int | None = None) -> Template:
    """Split ``{{name|a|k=v}}`` (``text[start:end]``) into name and parameters.

    Pipes inside nested templates and links do not split; an unclosed ``[[``
    stops protecting pipes at the end of its line.
    """
    if end is None:
        end = len(text)
    lo, hi = start + 2, end - 2
    body = text[lo:hi]
    if "{{" not in body and "[[" not in body:
        return _parse_flat(body, start, end)  # most cite templates: every pipe splits
    braces = links = 0
    pieces: list[tuple[int, int, int]] = []
    cur = lo
    eq = -1
    for m in _SPLIT.finditer(text, lo, hi):
        tok = m.group()
        if tok == "{{":
            braces += 1
        elif tok == "}}":
            braces = max(0, braces - 1)
        elif tok == "[[":
            links += 1
        elif tok == "]]":
            links = max(0, links - 1)
        elif tok == "\n":
            if braces == 0:
                links = 0
        elif braces == 0 and links == 0:
            if tok == "|":
                pieces.append((cur, m.start(), eq))
                cur = m.end()
                eq = -1
            elif eq < 0 and pieces:
                eq = m.start()
    pieces.append((cur, hi, eq))
    name = text[pieces[0][0]:pieces[0][1]].strip()
    params: list[tuple[str, str]] = []
    index = 0
    for a, b, e in pieces[1:]:
        if e >= 0:
            params.append((text[a:e].strip(), text[e + 1:b]))
        else:
            index += 1
            params.append((str(index), text[a:b]))
    return Template(name=name, key=normalize_name(name), params=params, start=start, end=end)


def _parse_flat(body: str, start: int, end: int) -> Template:
    """:func:`parse_template` for a body with no nested template or link."""
    parts = body.split("|")
    name = parts[0].strip()
    params: list[tuple[str, str]] = []
    index = 0
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if eq:
            params.append((key.strip(), value))
        else:
            index += 1
            params.append((str(index), part))
    return Template(name=name, key=normalize_name(name), params=params, start=start, end=end)


def templates(text: str, lo: int = 0, hi: int | None = None) -> list[Template]:
    """Every outermost template in ``text[lo:hi]``, parsed."""
    return [parse_template(text, a, b) for a, b in template_spans(text, lo, hi)]
