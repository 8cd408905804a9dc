"""Two walks over the parsed tree that find everything the HTML readers look up.

Each reader used to ask lxml a ``//...`` XPath of its own (infoboxes, the
references lists, the content root, categories, redirects, Parsoid ``about``
groups, head metadata, the title): ten or so scans of every element of a page,
some with string functions per element, which cost about three times lxml's
parse itself.  :func:`index_tree` keeps what every one of those queries would
have returned, in document order, with the same matching rules (substring
tests where the XPath used ``contains``, XML whitespace tokens where it used
``normalize-space``): the elements of a few tags come from one walk lxml
filters in C, and a walk over every element reads only the attributes whose
answers the page's source can hold (an attribute read costs more than the
rest of a step).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

#: ``normalize-space`` splits on XML whitespace only (not NBSP or other Unicode spaces).
_XML_WS = re.compile(r"[ \t\r\n]+")
#: Ids some reader asks for.
_IDS = frozenset({"mw-content-text", "bodyContent", "catlinks", "disambigbox", "t-wikibase",
                  "Vorlage_Personendaten"})
#: Ids of page chrome the section text leaves out (``sections.SKIP_IDS``).
CHROME_IDS = frozenset(
    {
        "toc",
        "catlinks",
        "siteSub",
        "contentSub",
        "contentSub2",
        "jump-to-nav",
        "coordinates",
        "persondata",
        "normdaten",
        "mw-navigation",
        "footer",
    }
)
_ALL_IDS = _IDS | CHROME_IDS


class Abouts(Mapping[str, str]):
    """``about`` id -> raw data-mw of the group's first element (``//*[@about][@data-mw]``).

    Walked on first use: only a Parsoid element without data-mw of its own
    asks it (never on desktop pages), and the walk reads an attribute of every
    element of the page.
    """

    def __init__(self, root: etree._Element | None = None) -> None:
        self._root = root
        self._found: dict[str, str] | None = None if root is not None else {}

    def _map(self) -> dict[str, str]:
        if self._found is None:
            assert self._root is not None
            found: dict[str, str] = {}
            for el in self._root.iter(etree.Element):
                about = el.get("about")
                if about and about not in found:
                    data = el.get("data-mw")
                    if data is not None:
                        found[about] = data
            self._found = found
            self._root = None
        return self._found

    def __getitem__(self, about: str) -> str:
        return self._map()[about]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


@dataclass
class TreeIndex:
    """What the page-wide queries of the HTML readers return, found by :func:`index_tree`."""

    #: ``about`` id -> raw data-mw of the group's first element, walked on first use.
    abouts: Abouts = field(default_factory=Abouts)
    #: Infobox candidates, before the class-token filter (:data:`.infobox._FIND`).
    infoboxes: list[etree._Element] = field(default_factory=list)
    #: ``//ol[contains(@class,'references') or contains(@class,'mw-references')]``.
    reference_lists: list[etree._Element] = field(default_factory=list)
    #: First element whose class tokens include ``mw-parser-output``.
    parser_output: etree._Element | None = None
    #: Elements with one of :data:`_IDS`, by id, in document order.
    ids: dict[str, list[etree._Element]] = field(default_factory=dict)
    body: etree._Element | None = None
    #: ``//link[@rel='mw:PageProp/Category'][@href]``.
    category_links: list[etree._Element] = field(default_factory=list)
    #: ``//link[@rel='mw:PageProp/redirect'][@href]``.
    redirect_links: list[etree._Element] = field(default_factory=list)
    #: ``//meta[@property='mw:PageProp/disambiguation']`` exists.
    disambiguation_meta: bool = False
    #: ``//head/meta[@property][@content]``.
    head_props: list[etree._Element] = field(default_factory=list)
    #: ``//head/meta[@http-equiv='content-language'][@content]``.
    head_languages: list[etree._Element] = field(default_factory=list)
    #: ``href`` of ``//link[@rel='canonical']`` and ``//base``: the page's own address.
    page_addresses: list[str] = field(default_factory=list)
    #: ``h1`` elements with an id: (id, element).
    h1s: list[tuple[str, etree._Element]] = field(default_factory=list)
    #: ``header`` elements (for ``//header//h1``).
    headers: list[etree._Element] = field(default_factory=list)
    #: ``//head/title``.
    head_titles: list[etree._Element] = field(default_factory=list)
    #: ``//*[contains(@class,'redirectText')]``.
    redirect_text: list[etree._Element] = field(default_factory=list)
    #: ``//table[contains(@class,'succession-box')]``.
    succession_tables: list[etree._Element] = field(default_factory=list)
    #: The elements whose id is one of :data:`CHROME_IDS`; None when not looked up
    #: (the section walk then reads each element's id).
    chrome: frozenset[etree._Element] | None = None

    def first_id(self, name: str) -> etree._Element | None:
        found = self.ids.get(name)
        return found[0] if found else None

    def with_id(self, tag: str, name: str) -> list[etree._Element]:
        """``//tag[@id='name']``."""
        return [el for el in self.ids.get(name, ()) if el.tag == tag]


def index_tree(root: etree._Element, source: str | bytes | None = None,
               ids: IdTable | None = None) -> TreeIndex:
    """Record what the readers look up in ``root``; ``source`` is the text (or the bytes) it was parsed from.

    Tag-bound lookups (infobox tables, reference lists, ``link``, ``meta``...)
    come from one walk that lxml filters by tag in C.  Lookups that any element
    may answer (ids, ``mw-parser-output``, ``redirectText``) need a walk over
    every element and an attribute read per element and lookup, by far the
    dearest part.  Ids come from libxml2's id table when the tree has one
    (``ids``, see :class:`IdTable`), without a walk.  Otherwise, with
    ``source``, each lookup is made only when the source can hold its answer
    (see :class:`_Source`).  Parsoid ``about`` groups are walked when first
    asked (:class:`Abouts`).
    """
    ix = TreeIndex(abouts=Abouts(root))
    _by_tag(root, ix)
    found = ids.lookup(root) if ids is not None else None
    wanted = frozenset() if found is not None else _ALL_IDS
    if source is None:
        parser_output, redirect = True, True
    else:
        text = _Source(source)
        # one id that may be there is enough: the walk then tests every id (a set lookup)
        if wanted and not any(text.holds(name) for name in _IDS_BY_PLACE):
            wanted = frozenset()
        parser_output, redirect = text.holds(_PARSER_OUTPUT), text.holds(_REDIRECT)
    by_id: dict[str, list[etree._Element]] = found if found is not None else {}
    _by_attribute(root, ix, by_id, wanted, parser_output, redirect)
    if found is not None or wanted:  # else no id was looked up: ``chrome`` stays None
        ix.ids = {name: els for name, els in by_id.items() if name in _IDS}
        ix.chrome = frozenset(el for name, els in by_id.items() if name in CHROME_IDS for el in els)
    return ix


class IdTable:
    """A tree parsed with libxml2's id table (``collect_ids``): each id's element, asked in C.

    The table keeps one element per id (the first, or an ``<a name>`` of the
    same value), so it answers only for the ids the parse defined once:
    libxml2 reports each further definition (``DTD_ID_REDEFINED``) in the
    parser's error log, and ``redefined`` holds those ids.  ``None`` for
    ``redefined`` (the log was cut short, or this libxml2 does not report
    them: see :func:`reports_redefined_ids`) sends every lookup to the walk.
    """

    __slots__ = ("redefined",)

    def __init__(self, redefined: frozenset[str]) -> None:
        self.redefined = redefined

    @classmethod
    def from_log(cls, log: etree._ListErrorLog) -> IdTable | None:
        """The table of a parse whose error log is ``log``; None when the log cannot be trusted."""
        if len(log) >= _MAX_ERRORS:  # libxml2 stops reporting errors at its 100th
            return None
        redefined = set()
        for entry in log:
            if entry.type == _REDEFINED:
                message = entry.message
                if not (message.startswith("ID ") and message.endswith(" already defined")):
                    return None
                redefined.add(message[3:-16])
        return cls(frozenset(redefined))

    def lookup(self, root: etree._Element) -> dict[str, list[etree._Element]] | None:
        """Elements with each id of :data:`_ALL_IDS` (a one-element list each), None when one was defined twice."""
        if not self.redefined.isdisjoint(_ALL_IDS):
            return None
        found: dict[str, list[etree._Element]] = {}
        for el in _BY_ID(root):
            ident = el.get("id")
            if ident in _ALL_IDS:  # else an ``<a name>``: the table shares its names with ids
                found[ident] = [el]
        return found


#: libxml2 stops reporting a parse's errors after this many.
_MAX_ERRORS = 100
_REDEFINED = etree.ErrorTypes.DTD_ID_REDEFINED
_BY_ID = etree.XPath(f"id('{' '.join(sorted(_ALL_IDS))}')")


def reports_redefined_ids() -> bool:
    """True when this libxml2 keeps an HTML parse's ids and reports a second definition of one."""
    parser = etree.HTMLParser(collect_ids=True)
    root = etree.fromstring("<p id='a'>1</p><p id='a'>2</p><a name='b'>3</a><i id='b'>4</i>", parser)
    table = IdTable.from_log(parser.error_log)
    return (table is not None and table.redefined == {"a", "b"}
            and [el.text for el in root.xpath("id('a b')")] == ["1", "3"])


#: The tags :func:`_by_tag` looks at (most common first: the order its tests run in).
_TAGS = ("div", "table", "ol", "link", "meta", "h1", "header", "title", "body", "base")
_PARSER_OUTPUT = "mw-parser-output"
_REDIRECT = "redirectText"
#: :data:`_IDS` in the order a desktop page shows them (the search stops at the first found).
_IDS_BY_PLACE = ("bodyContent", "mw-content-text", "catlinks", "t-wikibase", "disambigbox", "Vorlage_Personendaten")


def _by_tag(root: etree._Element, ix: TreeIndex) -> None:
    """The lookups bound to a tag: only those elements come up to Python."""
    for el in root.iter(*_TAGS):
        tag = el.tag
        get = el.get
        if tag == "div":
            cls = get("class")
            if cls and "infobox_v" in cls:
                ix.infoboxes.append(el)
        elif tag == "table":
            cls = get("class")
            if cls:
                if "infobox" in cls or "vcard" in cls or "sinottico" in cls:
                    ix.infoboxes.append(el)
                if "succession-box" in cls:
                    ix.succession_tables.append(el)
        elif tag == "ol":
            cls = get("class")
            if cls and "references" in cls:
                ix.reference_lists.append(el)
        elif tag == "link":
            rel = get("rel")
            if rel == "mw:PageProp/Category" and get("href") is not None:
                ix.category_links.append(el)
            elif rel == "mw:PageProp/redirect" and get("href") is not None:
                ix.redirect_links.append(el)
            elif rel == "canonical" and get("href"):
                ix.page_addresses.append(get("href"))
        elif tag == "base":
            if get("href"):
                ix.page_addresses.append(get("href"))
        elif tag == "meta":
            if get("property") == "mw:PageProp/disambiguation":
                ix.disambiguation_meta = True
            parent = el.getparent()
            if parent is not None and parent.tag == "head" and get("content") is not None:
                if get("property") is not None:
                    ix.head_props.append(el)
                if get("http-equiv") == "content-language":
                    ix.head_languages.append(el)
        elif tag == "h1":
            ident = get("id")
            if ident is not None:
                ix.h1s.append((ident, el))
        elif tag == "header":
            ix.headers.append(el)
        elif tag == "title":
            parent = el.getparent()
            if parent is not None and parent.tag == "head":
                ix.head_titles.append(el)
        elif ix.body is None:  # body
            ix.body = el


def _by_attribute(root: etree._Element, ix: TreeIndex, by_id: dict[str, list[etree._Element]],
                  ids: frozenset[str], parser_output: bool, redirect: bool) -> None:
    """The lookups any element may answer, each only when asked for; stops when none is left."""
    if not (ids or parser_output or redirect):
        return
    for el in root.iter(etree.Element):
        get = el.get
        if parser_output or redirect:
            cls = get("class")
            if cls:
                if parser_output and _PARSER_OUTPUT in cls and _PARSER_OUTPUT in _XML_WS.split(cls):
                    ix.parser_output = el
                    parser_output = False
                    if not (ids or redirect):
                        return
                if redirect and _REDIRECT in cls:
                    ix.redirect_text.append(el)
        if ids:
            ident = get("id")
            if ident is not None and ident in ids:
                by_id.setdefault(ident, []).append(el)


#: A character reference that decodes to a character an id or class needle can hold
#: (ASCII letters and digits, ``-``, ``_``): decimal or hexadecimal, and HTML5's two names for ``_``.
#: (One literal start, "&#", so the scan skips from one to the next; names are tested apart.)
_WORD_REF = (
    r"&#(?:0*(?:45|4[89]|5[0-7]|6[5-9]|[78][0-9]|9[05789]|1[01][0-9]|12[0-2])(?![0-9])"
    r"|[xX]0*(?:2[dD]|3[0-9]|4[1-9a-fA-F]|5[0-9aAfF]|6[1-9a-fA-F]|7[0-9aA])(?![0-9a-fA-F]));?"
)
_WORD_REF_STR = re.compile(_WORD_REF)
_WORD_REF_BYTES = re.compile(_WORD_REF.encode())
_WORD_NAMES = ("&lowbar;", "&UnderBar;")
assert all(name.endswith("ar;") for name in _WORD_NAMES)


class _Source:
    """The text a tree was parsed from, asked whether an attribute value may contain a needle.

    A value is source text with its character references decoded, so a needle
    absent from the text can only be there through a reference to one of its
    characters (ASCII letters, digits, ``-``, ``_``; only ``_`` has named
    references): when the text holds such references, they are decoded (once)
    and the decoded text asked too.  HTML has no other way to put these
    characters into a value.  The UTF-8 bytes the parser read are searched fastest.
    """

    def __init__(self, text: str | bytes) -> None:
        self._text = text
        self._numeric: str | bytes | None = None  # numeric references decoded
        self._named: str | bytes | None = None  # numeric and named references decoded
        self._done: set[str] = set()

    def holds(self, needle: str) -> bool:
        text = self._text
        if isinstance(text, bytes):
            key = needle.encode()
            if key in text:
                return True
            decoded = self._decode("_" in needle)
            return isinstance(decoded, bytes) and key in decoded
        if needle in text:
            return True
        decoded = self._decode("_" in needle)
        return isinstance(decoded, str) and needle in decoded

    def _decode(self, named: bool) -> str | bytes | None:
        """The text with its word-character references decoded (named ones too when ``named``);
        None when it has none."""
        if "numeric" not in self._done:
            self._done.add("numeric")
            text = self._text
            if isinstance(text, bytes):
                if _WORD_REF_BYTES.search(text):
                    self._numeric = _WORD_REF_BYTES.sub(_word_byte, text)
            elif _WORD_REF_STR.search(text):
                self._numeric = _WORD_REF_STR.sub(_word_char, text)
        if not named:
            return self._numeric
        if "named" not in self._done:
            self._done.add("named")
            base = self._numeric if self._numeric is not None else self._text
            # both names end in "ar;": one scan tells most pages hold neither
            if isinstance(base, bytes):
                names_b = [name.encode() for name in _WORD_NAMES if name.encode() in base] if b"ar;" in base else []
                for name_b in names_b:
                    base = base.replace(name_b, b"_")
                found = bool(names_b)
            else:
                names = [name for name in _WORD_NAMES if name in base] if "ar;" in base else []
                for name in names:
                    base = base.replace(name, "_")
                found = bool(names)
            self._named = base if found else self._numeric
        return self._named


def _code_point(ref: str) -> int:
    digits = ref[2:].rstrip(";")
    return int(digits[1:], 16) if digits[0] in "xX" else int(digits)


def _word_char(m: re.Match[str]) -> str:
    return chr(_code_point(m.group()))


def _word_byte(m: re.Match[bytes]) -> bytes:
    return bytes([_code_point(m.group().decode("ascii"))])


def _may_hold(source: str | bytes, needles: frozenset[str]) -> frozenset[str]:
    """The ``needles`` that an attribute value of the tree parsed from ``source`` may contain."""
    text = _Source(source)
    return frozenset(n for n in needles if text.holds(n))


def descendants(containers: list[etree._Element], path: str, root: etree._Element, full: str) -> list[etree._Element]:
    """``path`` under each container, as the page-wide XPath ``full`` would list them.

    One container (the usual case) is one relative query; several (nested
    or repeated ids) fall back to ``full`` so duplicates and order stay XPath's.
    """
    if not containers:
        return []
    if len(containers) == 1:
        return list(containers[0].xpath(path))
    return list(root.xpath(full))
