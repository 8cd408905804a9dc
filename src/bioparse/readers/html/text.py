"""Plain text out of an lxml tree, the way a reader of the page sees it.

One iterative walker serves infobox cells, references and sections: source
whitespace (Parsoid and test harnesses re-indent freely) collapses to single
spaces, while ``<br>`` and block elements become line breaks, so a cell such
as "In office<br>14 May 2017 – 9 March 2018" keeps its two lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import etree

_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t]+")

#: Elements that start a new line when rendered.
BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd tr table tbody thead tfoot caption h1 h2 h3 h4 h5 h6 section "
    "blockquote pre figure figcaption center hr header footer article aside nav main "
    "details summary".split()
)

#: Elements that never carry reader-visible text.  Embedded frames, objects and
#: media only hold fallback text ("your browser does not support ...") or
#: another document, never the article's.
INVISIBLE_TAGS = frozenset(
    "style script link meta noscript template head title img "
    "iframe frame frameset object embed applet audio video canvas".split()
)

#: Classes whose text is page furniture in every context.
FURNITURE_CLASSES = frozenset(
    {
        "mw-editsection",
        "noprint",
        "mw-cite-backlink",
        "mw-jump-link",
        "navbar",
        "Z3988",
        "mw-empty-elt",
        "sortkey",
        "pcs-edit-section-link-container",
    }
)

_HCARD_DATE_CLASSES = ("bday", "dday", "deathdate")

Skip = Callable[[etree._Element], bool]
Hook = Callable[[etree._Element, list[str]], bool]


def classes(el: etree._Element) -> set[str]:
    """The element's class tokens."""
    value = el.get("class")
    return set(value.split()) if value else set()


_STRING = etree.XPath("string()")


def text_content(el: etree._Element) -> str:
    """All text under ``el``, as ``lxml.html``'s ``text_content`` (XPath ``string()``, in C).

    An element without children (most links) holds only its own text: reading
    it costs a tenth of an XPath evaluation.
    """
    if not len(el):
        return el.text or ""
    return str(_STRING(el))


def has_class(el: etree._Element, name: str) -> bool:
    """True when ``name`` is one of the element's class tokens."""
    value = el.get("class")
    return bool(value) and name in value.split()


def is_hidden(el: etree._Element) -> bool:
    """``display:none`` in the inline style."""
    style = el.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def holds_hcard_date(el: etree._Element) -> bool:
    """True when a hidden element carries an hCard birth or death date."""
    for sub in el.iter():
        if isinstance(sub.tag, str):
            toks = classes(sub)
            if any(c in toks for c in _HCARD_DATE_CLASSES):
                return True
    return False


def skip_furniture(el: etree._Element, keep_hcard_dates: bool = False) -> bool:
    """The default filter: markup, edit links, footnote markers, hidden text."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    if tag in INVISIBLE_TAGS:
        return True
    value = el.get("class")
    if value:  # most elements have no class: no token set to build
        toks = set(value.split())
        if not FURNITURE_CLASSES.isdisjoint(toks):
            return True
        if tag == "sup" and ("reference" in toks or "mw-ref" in toks):
            return True
    style = el.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return not (keep_hcard_dates and holds_hcard_date(el))
    return False


class SkipRules:
    """A skip filter as data, which :func:`walk` applies inline (a call per element costs more than its tests).

    An element is skipped when its tag is one of ``tags``, a class token one
    of ``classes``, it is a ``sup`` footnote marker (``reference``/``mw-ref``),
    its inline style says ``display:none`` (unless ``keep_hcard_dates`` and it
    holds an hCard date) or its id is one of ``ids``; with ``section_classes``,
    a ``section`` without one of those class tokens is always read.  Calling
    the rules tests one element the same way.  ``elements``, when given, are
    all the elements with one of the ``ids`` (:meth:`with_elements`): the
    test is then whether the element is one of them, without reading its id.
    """

    __slots__ = ("classes", "elements", "ids", "keep_hcard_dates", "section_classes", "tags")

    def __init__(self, tags: frozenset[str], classes: frozenset[str], ids: frozenset[str] = frozenset(),
                 section_classes: frozenset[str] | None = None, keep_hcard_dates: bool = False,
                 elements: frozenset[etree._Element] | None = None) -> None:
        self.tags = tags
        self.classes = classes
        self.ids = ids
        self.section_classes = section_classes
        self.keep_hcard_dates = keep_hcard_dates
        self.elements = elements

    def with_elements(self, elements: frozenset[etree._Element]) -> SkipRules:
        """These rules for one tree whose elements with one of the ``ids`` are ``elements``."""
        return SkipRules(self.tags, self.classes, self.ids, self.section_classes, self.keep_hcard_dates,
                         elements)

    def __call__(self, el: etree._Element) -> bool:
        tag = el.tag
        if not isinstance(tag, str) or tag in self.tags:
            return True
        value = el.get("class")
        toks = value.split() if value else ()
        if self.section_classes is not None and tag == "section" and self.section_classes.isdisjoint(toks):
            return False
        if toks:
            if not self.classes.isdisjoint(toks):
                return True
            if tag == "sup" and ("reference" in toks or "mw-ref" in toks):
                return True
        style = el.get("style")
        if style and "display:none" in style.replace(" ", "").lower():
            return not (self.keep_hcard_dates and holds_hcard_date(el))
        if self.elements is not None:
            return el in self.elements
        return bool(self.ids) and el.get("id") in self.ids


#: :func:`skip_furniture` as rules.
FURNITURE = SkipRules(INVISIBLE_TAGS, FURNITURE_CLASSES)
#: :func:`skip_in_cell` as rules.
IN_CELL = SkipRules(INVISIBLE_TAGS, FURNITURE_CLASSES, keep_hcard_dates=True)


def skip_in_cell(el: etree._Element) -> bool:
    """Filter for infobox cells: hidden hCard dates stay, as the page source shows them."""
    return skip_furniture(el, keep_hcard_dates=True)


#: A line break in :func:`walk`'s output.  libxml2 keeps text as NUL-terminated
#: strings, so no text node of a tree can hold one; source newlines stay whitespace.
LINE = "\x00"


def walk(
    root: etree._Element,
    out: list[str],
    skip: Skip | SkipRules = skip_furniture,
    hook: Hook | None = None,
    mark: etree._Element | None = None,
    hook_tags: frozenset[str] | None = None,
) -> tuple[int, int] | None:
    """Append ``root``'s visible text to ``out``, raw: :func:`finish` makes it text.

    Source text goes in as it is and :data:`LINE` marks line breaks, so the
    whitespace of every text node is collapsed in one pass over the joined
    output rather than node by node.  ``hook(el, out)`` may claim an element
    (return True) before it is rendered: the sections reader uses it for
    headings and footnote markers; with ``hook_tags`` it is asked only about
    elements of those tags.  When ``mark`` (an element under ``root``)
    is rendered, returns the slice of ``out`` that is its own rendering
    (``render(mark, skip)``'s output), so a caller needing both texts walks once.
    Iterative (lxml's ``iterwalk``, in C), so pathological nesting cannot
    exhaust the Python stack; comments and processing instructions (which
    :func:`parse_tree` never keeps) count only for their tails.  ``skip``
    given as :class:`SkipRules` (or :func:`skip_furniture` / :func:`skip_in_cell`,
    whose rules are :data:`FURNITURE` / :data:`IN_CELL`) is applied inline,
    without a call per element.
    """
    append = out.append
    it = etree.iterwalk(root, events=_EVENTS)
    skipped: etree._Element | None = None
    block = BLOCK_TAGS
    rules = (FURNITURE if skip is skip_furniture else IN_CELL if skip is skip_in_cell
             else skip if isinstance(skip, SkipRules) else None)
    if rules is not None:
        skip_tags, skip_classes, sections = rules.tags, rules.classes, rules.section_classes
        keep_dates = rules.keep_hcard_dates
        # the elements with a skipped id when known (a set lookup), else the ids to read
        skip_els = rules.elements
        skip_ids = rules.ids if skip_els is None else None
    start = 0
    span: tuple[int, int] | None = None
    # the open block and cell elements (their end writes a line break or a space), and what each writes:
    # the end event then needs no second look at the element's tag
    closers: list[etree._Element] = []
    closing: list[str] = []
    for event, el in it:
        if event == "start":
            tag = el.tag
            if el is not root:
                if hook is not None and (hook_tags is None or tag in hook_tags) and hook(el, out):
                    it.skip_subtree()
                    skipped = el
                    continue
                if rules is not None:
                    # rules(el), inline: they are asked about every element of the sections and references
                    if tag in skip_tags:
                        hide = True
                    else:
                        value = el.get("class")
                        hide = False
                        read = True  # read the style and the id
                        if value:
                            toks = value.split()
                            if sections is not None and tag == "section" and sections.isdisjoint(toks):
                                read = False
                            else:
                                hide = not skip_classes.isdisjoint(toks) or (
                                    tag == "sup" and ("reference" in toks or "mw-ref" in toks))
                        elif sections is not None and tag == "section":
                            read = False
                        if read and not hide:
                            style = el.get("style")
                            if style and "display:none" in style.replace(" ", "").lower():
                                hide = not (keep_dates and holds_hcard_date(el))
                            elif skip_els:
                                hide = el in skip_els
                            elif skip_ids:
                                hide = el.get("id") in skip_ids
                else:
                    hide = skip(el)
                if hide:
                    it.skip_subtree()
                    skipped = el
                    continue
            if el is mark:
                start = len(out)
            if tag in block:
                append(LINE)
                closers.append(el)
                closing.append(LINE)
            elif tag == "br":
                append(LINE)
                if el is root:
                    return span
                it.skip_subtree()
                skipped = el
                continue
            elif tag == "td" or tag == "th":
                append(" ")
                closers.append(el)
                closing.append(" ")
            text = el.text
            if text:
                append(text)
            continue
        if event == "end":
            if el is not skipped:
                if closers and closers[-1] is el:  # its end writes what its start did
                    closers.pop()
                    append(closing.pop())
                if el is mark:
                    span = (start, len(out))
            if el is root:
                return span
        tail = el.tail
        if tail:
            append(tail)
    return span


_EVENTS = ("start", "end", "comment", "pi")


_INVISIBLE_CHARS = "\u200b\u200c\u200e\u200f\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def finish(out: list[str]) -> str:
    """The text of a :func:`walk`'s output, in a few passes over the whole string.

    Whitespace runs (the characters ``\\s`` matches, source newlines included)
    become one space, :data:`LINE` marks become line breaks, invisible
    characters go, and each line is stripped; empty lines are dropped.
    ``str.split`` collapses the runs three times faster than a regex; after it
    a run of spaces can only come from removing an invisible character between
    two spaces, so that clean-up runs only then.
    """
    text = " ".join("".join(out).split())
    # absent from most texts: six fast scans, none for ASCII text (all six are not ASCII)
    if not text.isascii() and any(c in text for c in _INVISIBLE_CHARS):
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    if LINE not in text:
        return text.strip()
    return "\n".join(filter(None, map(str.strip, text.split(LINE))))  # no Python step per line


def finish_line(out: list[str]) -> str:
    """``" ".join(finish(out).split())``: the text on one line, without building its lines."""
    text = " ".join("".join(out).replace(LINE, " ").split())
    if not text.isascii() and _INVISIBLE.search(text):  # short texts: one regex call beats six scans
        text = " ".join(_INVISIBLE.sub("", text).split())
    return text


def render(el: etree._Element, skip: Skip = skip_furniture) -> str:
    """Visible text of ``el``, lines joined with "\\n"."""
    out: list[str] = []
    walk(el, out, skip)
    return finish(out)


def one_line(text: str) -> str:
    """A rendered text on one line (labels, headings)."""
    return " ".join(text.split())


_FILE_NS = re.compile(r"^(?:file|image|fichier|datei|bild|immagine|ملف|media):", re.I)


def link_title(href: str | None) -> str | None:
    """The wiki page a link points to ("./Joe_Biden", "/wiki/Joe_Biden", red links), else None."""
    if not href:
        return None
    if href.startswith("./"):
        path = href[2:]
    elif href.startswith("/wiki/"):
        path = href[6:]
    elif href.startswith("../") and "://" not in href:
        path = href.rsplit("/", 1)[-1]
    elif href.startswith("/w/index.php"):
        query = parse_qs(urlsplit(href).query)
        titles = query.get("title")
        if not titles:
            return None
        path = titles[0]
    elif "://" not in href and not href.startswith(("#", "//", "/")) and href.endswith(".html"):
        path = href[:-5]  # Kiwix: relative article files
    else:
        return None
    path = path.split("#", 1)[0].split("?", 1)[0]
    if path.endswith(".html"):
        path = path[:-5]
    title = unquote(path).replace("_", " ").strip()
    if not title or _FILE_NS.match(title):
        return None
    return title


def links_in(el: etree._Element) -> list[str]:
    """Titles of the wiki pages linked from ``el``, in order, without repeats."""
    seen: list[str] = []
    for a in el.iter("a"):
        if skip_in_cell(a):
            continue
        title = link_title(a.get("href"))
        if title and title not in seen:
            seen.append(title)
    return seen
