"""``--people-only`` decides early: a cheap look at the raw page before the full parse.

:func:`bioparse.extract.biography.classify` calls a page a person only when
one of its signals fires, and every signal leaves a footprint in the raw
page: a births/deaths/living/people category link, a person infobox or
Persondata template, an hCard birth date, or, for the lead, a line before the
first heading with a digit next to a bracket, a template or a "born" word.
:func:`may_be_person` looks for those footprints only, with the same
language data, so it can answer "no" only for pages the full parse would not
call a person; any doubt (text pages, odd input, an error here) says "yes".
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import html as html_lib
from urllib.parse import unquote

from ..extract.biography import LIFE_KINDS, box_type, category_is, lead_evidence, tables
from ..readers.wikitext import _HEADING as _READER_HEADING
from ..readers.wikitext import _REDIRECT, _inside, _section_text
from ..readers.wikitext.render import CATEGORY_NS, Ctx
from ..readers.wikitext.scan import MARK, Masked, mask_tags, normalize_name, strip_comments, template_spans
from ..readers.wikitext.templates import install

__all__ = ["may_be_person"]

_TEMPLATE_NAME = re.compile(r"\{\{\s*([^{}|\n]{1,200})")
#: Any namespaced link "[[Ns:Name|...]]"; the namespace is checked against the reader's
#: category names afterwards (one pattern instead of an alternation tried at every "[[").
_NS_LINK = re.compile(r"\[\[([^\[\]|:]{1,40}):\s*([^\[\]|\n]*)(?:\|[^\[\]\n]*)?\]\]")
_CATEGORY_NS = frozenset(CATEGORY_NS)
_MARKER = re.compile(MARK + r"([RX])\d+" + MARK)
#: A heading line, as the wikitext reader cuts sections.
_HEADING = re.compile(r"^(={1,6})[^\n]+?\1[ \t]*$", re.M)
_DIGIT = re.compile(r"\d")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_HTML_HEADING = re.compile(r"<h2[\s>]", re.I)


@functools.cache
def _html_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """hCard date classes and infobox classes, as the HTML reader knows them.

    Built on the first HTML page: a wikitext dump never imports the HTML reader.
    """
    from ..readers.html.hcard import HCARD_CLASSES
    from ..readers.html.infobox import INFOBOX_DIV_CLASSES, INFOBOX_TABLE_CLASSES

    hcard = "|".join(k for k, v in HCARD_CLASSES.items() if v.endswith("_date"))
    infobox = "|".join(sorted(INFOBOX_TABLE_CLASSES | INFOBOX_DIV_CLASSES))
    return (
        re.compile(r"(?<![\w-])(?:" + hcard + r")(?![\w-])"),
        re.compile(r"(?<![\w-])(?:" + infobox + r")(?![\w-])", re.I),
    )

#: Category names as HTML carries them: Parsoid ``href="./Category:X"``, desktop ``title="Category:X"``,
#: and the link texts of ``#catlinks`` (any attribute value or link text with a colon or not).
_HTML_CATEGORY = re.compile(r"(?:href|title)=[\"']([^\"'#?]{1,400})[\"']|>([^<>]{1,300})</a>")


def may_be_person(text: str, format: str, title: str | None = None) -> bool:
    """False only for pages the full parse cannot call a person (``format`` as in :class:`Page`)."""
    try:
        if format == "wikitext":
            return _wikitext(text, title)
        if format == "html":
            return _html(text)
        if format == "enterprise":
            return _enterprise(text, title)
    except Exception:  # noqa: BLE001 - a pre-check failure must never drop a page
        return True
    return True  # plain text: no cheap footprint to rule it out


def _wikitext(text: str, title: str | None) -> bool:
    if "\x7f" in text:
        text = text.replace("\x7f", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _REDIRECT.match(text):
        # the parser gives redirects no person; it matches on the page without comments, and a
        # match here (the redirect word at the very start) is a match there
        return False
    if _structured(text):
        return True
    if "<!--" in text and _comment_inside_name(text) and _structured(strip_comments(text)):
        return True
    head = _wikitext_head(text)
    if "<!--" in head:
        stripped = strip_comments(head)
        # a cut inside a comment: the reader's lead may run on past it, so cut the stripped page
        head = stripped if head.count("<!--") <= head.count("-->") else _wikitext_head(strip_comments(text))
    masked = mask_tags(head)
    if not _lead_footprint(masked.text, skip_markup=True):
        return False
    return bool(lead_evidence(_wikitext_lead(masked), title))


def _comment_inside_name(text: str) -> bool:
    """A comment inside a link or a template name: stripping it may join a category or a name."""
    pos = text.find("<!--")
    while pos >= 0:
        before = text[max(0, pos - 300) : pos]
        link = before.rfind("[[")
        if link >= 0 and not any(c in before[link + 2 :] for c in "]\n"):
            return True
        tpl = before.rfind("{{")
        if tpl >= 0 and not any(c in before[tpl + 2 :] for c in "{}|\n"):
            return True
        pos = text.find("<!--", pos + 4)
    return False


def _structured(text: str) -> bool:
    """A person category or a person infobox / Persondata template anywhere in the page."""
    if "[[" in text:
        for m in _NS_LINK.finditer(text):
            ns, name = m.groups()
            if ns.strip().lower() in _CATEGORY_NS and _person_category(name.replace("_", " ")):
                return True
    # findall and a set: each distinct template name is looked up once (cite templates repeat)
    return "{{" in text and any(_person_template(name) for name in set(_TEMPLATE_NAME.findall(text)))


def _wikitext_lead(masked: Masked) -> str:
    """The lead as the wikitext reader renders it (same masking, template spans and renderer)."""
    page = masked.text
    ctx = install(Ctx(tags=masked.tags))
    spans = template_spans(page)
    starts = [a for a, _ in spans]
    end = len(page)
    for h in _READER_HEADING.finditer(page):
        if not _inside(h.start(), spans, starts):
            end = h.start()
            break
    return _section_text(page, 0, end, spans, starts, ctx)


def _wikitext_head(text: str) -> str:
    """The text before the first heading the reader would see (one not inside a template)."""
    for m in _HEADING.finditer(text):
        head = text[: m.start()]
        if head.count("{{") <= head.count("}}"):
            return head
    return text


def _lead_footprint(head: str, *, skip_markup: bool) -> bool:
    """A line with an occupation word, or a digit and either a bracket holding a digit or a born/died word after a boundary.

    Lead signals need a digit inside the subject's bracket, or a "born" word
    right after a dash or comma that follows the name (and a digit).  Wikitext table and template-parameter lines (``|``, ``!``) are not
    lead prose; cut-out tags (refs) hold no lead text, kept ones (nowiki)
    count as digits.  A template left open at the line's end may render
    digits onto it, so it counts too.
    """
    t = tables()
    lines = []
    for line in head.split("\n"):
        line = line.strip()
        if not line or (skip_markup and line[0] in "|!"):
            continue
        if MARK in line:
            line = _MARKER.sub(lambda m: "" if m.group(1) == "R" else "0", line)
        lines.append(line)
        open_template = line.count("{{") > line.count("}}")
        if not (open_template or _DIGIT.search(line)):
            continue
        if ("(" in line or "（" in line) and (open_template or _bracket_with_digit(line)):
            return True
        for m in _TAIL_BOUNDARY.finditer(line):
            pos = _SKIP.match(line, m.end()).end()  # type: ignore[union-attr]
            if line.startswith(("{{", "[["), pos) or t.born.match(line, pos) or t.died.match(line, pos):
                return True
    # "Name — ... occupation" needs no digit; looked for last, and over the whole head first,
    # because listing a head's words costs more than the tests above and most heads hold none
    if t.occupations.isdisjoint(_WORDS.findall(head.lower())):
        return False
    return any(not t.occupations.isdisjoint(_WORDS.findall(line.lower())) for line in lines)


#: Where a rendered "Name — born ..." tail can start in raw wikitext: a spaced dash, a comma,
#: a dash entity, or the end of a template (which may render a dash).
_TAIL_BOUNDARY = re.compile(r"\s[—–-]\s|[,，]|&[mn]dash;|\}\}")
#: What renders to nothing or is stripped before the born word: spaces, quotes, bold/italic marks.
_SKIP = re.compile(r"[\s\"'„“”«»]*")


_OPEN_BRACKET = re.compile(r"[(（]")
_WORDS = re.compile(r"[^\W\d_]+")
_ANY_BRACKET = re.compile(r"[()（）]")


def _bracket_with_digit(line: str) -> bool:
    """A bracket of ``line`` (to its matching close, or the line's end) holds a digit; one pass."""
    digits = [m.start() for m in _DIGIT.finditer(line)]
    if not digits:
        return False

    def digit_between(a: int, b: int) -> bool:
        i = bisect.bisect_right(digits, a)
        return i < len(digits) and digits[i] < b

    stack: list[int] = []
    for m in _ANY_BRACKET.finditer(line):
        if m.group() in "(（":
            stack.append(m.start())
        elif stack and digit_between(stack.pop(), m.start()):
            return True
    return any(digit_between(a, len(line)) for a in stack)


def _person_category(name: str) -> bool:
    """A births, deaths, living or people category: the full parse's own test (kept per name there)."""
    return any(category_is(kind, name) for kind in LIFE_KINDS)


@functools.lru_cache(maxsize=65536)
def _person_template(raw_name: str) -> bool:
    t = tables()
    key = box_type(normalize_name(raw_name))
    return bool(t.person_box.search(key)) or key in t.person_templates


def _html(text: str) -> bool:
    """HTML: hCard dates or any infobox (its rows or type may speak), a person category, or the lead."""
    hcard, infobox = _html_classes()
    if hcard.search(text) or infobox.search(text):
        return True
    for m in _HTML_CATEGORY.finditer(text):
        name = " ".join(html_lib.unescape(unquote(m.group(1) or m.group(2))).replace("_", " ").split())
        if _person_category(name.split(":", 1)[-1]) or _person_category(name):
            return True
    heading = _HTML_HEADING.search(text)
    head = text[: heading.start()] if heading else text
    return _lead_footprint(html_lib.unescape(_TAG.sub(" ", head)), skip_markup=False)


def _enterprise(text: str, title: str | None) -> bool:
    """An Enterprise record: the body the reader would read (HTML first, as it does)."""
    record = json.loads(text)
    if not isinstance(record, dict):
        return True
    body = record.get("article_body")
    if not isinstance(body, dict):
        return True
    html = body.get("html")
    if isinstance(html, str) and html.strip():
        return _html(html)
    wikitext = body.get("wikitext")
    if isinstance(wikitext, str) and wikitext.strip():
        name = record.get("name")
        return _wikitext(wikitext, title or (name if isinstance(name, str) and name else None))
    return True
