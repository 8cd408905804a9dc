"""Streaming, safe reader for MediaWiki XML exports (schema 0.3 to 0.11).

Tags are matched by local name, so any ``export-0.N`` namespace URI (http or
https) works.  The parser never loads DTDs, never resolves entities and never
opens the network; a document type declaration in the prolog is refused
outright because real exports never have one and it is how entity attacks
(XXE, billion laughs) arrive.  Elements are cleared as soon as a page is
yielded, so memory stays flat however long the dump is; history exports keep
only the newest revision seen so far.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from .pages import DumpError, Page

CHUNK = 1 << 20
_HEAD_LIMIT = 1 << 20
_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>")
_DECL_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
#: Root elements of an export: the full document, or bare pages (Special:Export fragments, multistream blocks).
_ROOTS = (b"mediawiki", b"page")
_SKIP = re.compile(rb"\s+|<!--.*?-->|<\?.*?\?>", re.S)


def _sniff_encoding(head: bytes) -> tuple[str, int]:
    """The codec of an XML byte stream and the length of its BOM."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    if head[:2] == b"<\x00":
        return "utf-16-le", 0
    if head[:2] == b"\x00<":
        return "utf-16-be", 0
    decl = _DECL.match(head)
    if decl:
        enc = _DECL_ENCODING.search(decl.group(0))
        if enc:
            try:
                return codecs.lookup(enc.group(1).decode("ascii")).name, 0
            except LookupError:
                return "utf-8", 0
    return "utf-8", 0


def _raw_chunks(stream: BinaryIO, chunk: int) -> Iterator[bytes]:
    """Chunks of about ``chunk`` bytes; on a read error, what was decoded is yielded first.

    ``BZ2File.read(n)`` discards the data it already decompressed when the
    file turns out truncated, so ``read1`` is used and pieces are joined here.
    """
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        while data := stream.read(chunk):
            yield data
        return
    parts: list[bytes] = []
    size = 0
    while True:
        try:
            data = read1(chunk)
        except Exception:
            if parts:
                yield b"".join(parts)
            raise
        if not data:
            break
        parts.append(data)
        size += len(data)
        if size >= chunk:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


def _utf8_chunks(stream: BinaryIO, chunk: int) -> Iterator[bytes]:
    """The stream's bytes as UTF-8, transcoding other encodings on the fly."""
    raw = _raw_chunks(stream, chunk)
    first = next(raw, b"")
    codec, bom = _sniff_encoding(first)
    first = first[bom:]
    if codec.replace("_", "-") in ("utf-8", "utf8"):
        if first:
            yield first
        yield from raw
        return
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    for data in _chain(first, raw):
        text = decoder.decode(data)
        if text:
            yield text.encode("utf-8")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail.encode("utf-8")


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _prolog(chunks: Iterator[bytes]) -> tuple[bytes, bool]:
    """Read up to the first element; return (bytes to feed, is_fragment).

    Drops the XML declaration (the bytes are UTF-8 now, whatever it said),
    refuses DTDs, and reports whether the root is something other than
    ``<mediawiki>`` (a bare ``<page>`` export or a concatenation of pages).
    """
    head = b""
    for data in chunks:
        head += data
        if _FIRST_TAG.search(head) or len(head) > _HEAD_LIMIT:
            break
    head = _DECL.sub(b"", head, count=1)
    pos = 0
    while True:
        m = _SKIP.match(head, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    if head.startswith(b"<!", pos) and head[pos : pos + 9].upper() == b"<!DOCTYPE":
        raise DumpError("document type declaration refused (dumps never have one; entity attacks use it)", offset=0, pages=0)
    m = _FIRST_TAG.match(head, pos)
    root = m.group(1).split(b":")[-1] if m else b""
    if root not in _ROOTS:
        rest = head[pos : pos + 40]
        what = f"its root element is <{root.decode('ascii', 'replace')}>" if m else (
            f"it starts with {rest!r}" if rest.strip() else "it holds no XML element"
        )
        raise DumpError(f"not a MediaWiki XML export: {what}", offset=0, pages=0)
    return head, root != b"mediawiki"


def _local(tag: object) -> str:
    name = str(tag)
    return name.rsplit("}", 1)[-1]


def _text_of(el: etree._Element | None) -> str:
    """Element text without entity-reference content (entities are never resolved)."""
    if el is None:
        return ""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for child in el:
        if isinstance(child.tag, str) and _local(child.tag) == name:
            return child
    return None


def _child_text(el: etree._Element, name: str) -> str | None:
    child = _child(el, name)
    return None if child is None else _text_of(child)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _release(el: etree._Element) -> None:
    """Free a finished element and the siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _release_revision(el: etree._Element) -> None:
    """Free a finished revision and earlier revisions, keeping the page's own fields."""
    el.clear(keep_tail=False)
    prev = el.getprevious()
    while prev is not None and isinstance(prev.tag, str) and _local(prev.tag) == "revision":
        before = prev.getprevious()
        el.getparent().remove(prev)
        prev = before


class _Revision:
    __slots__ = ("id", "timestamp", "text")

    def __init__(self, rev_id: int | None, timestamp: str | None, text: str):
        self.id = rev_id
        self.timestamp = timestamp
        self.text = text


def iter_xml_pages(
    stream: BinaryIO,
    *,
    source: str,
    namespaces: set[int] | None = None,
    start_position: int = 0,
    chunk: int = CHUNK,
    ns_names: dict[str, int] | None = None,
    dbname: str | None = None,
) -> Iterator[Page]:
    """Yield the pages of an XML export read from ``stream``.

    Raises :class:`DumpError` (with ``pages`` set) when the XML breaks off or
    is malformed, after yielding every page before the break.  Junk after
    the closing ``</mediawiki>`` is ignored: every page is already read.
    ``ns_names`` and ``dbname`` give the ``<siteinfo>`` namespace names and
    database name when ``stream`` holds pages cut out of a dump
    (:mod:`.rawsplit`, multistream blocks).
    """
    chunks = _utf8_chunks(stream, chunk)
    head, fragment = _prolog(chunks)
    parser = etree.XMLPullParser(
        events=("end",),
        tag=("{*}siteinfo", "{*}revision", "{*}page", "{*}mediawiki", "siteinfo", "revision", "page", "mediawiki"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    state = _State(source, namespaces, start_position)
    if ns_names:
        state.ns_names = dict(ns_names)
    state.dbname = dbname

    def feed_all() -> Iterator[bytes]:
        if fragment:
            yield b"<mediawiki>"
        yield head
        yield from chunks
        if fragment:
            yield b"</mediawiki>"

    try:
        for data in feed_all():
            parser.feed(data)
            yield from state.handle(parser.read_events())
        parser.close()
        yield from state.handle(parser.read_events())
    except etree.XMLSyntaxError as exc:
        yield from state.handle(parser.read_events())  # pages completed before the error
        if state.root_closed:
            return
        raise DumpError(f"malformed XML: {exc}", pages=state.position - start_position) from None


class _State:
    """What the reader remembers between parser events: one page at a time."""

    def __init__(self, source: str, namespaces: set[int] | None, position: int):
        self.source = source
        self.namespaces = namespaces
        self.position = position
        self.ns_names: dict[str, int] = {}
        self.dbname: str | None = None
        self.best: _Revision | None = None
        self.root_closed = False

    def handle(self, events: Iterator[tuple[str, etree._Element]]) -> Iterator[Page]:
        for _event, el in events:
            name = _local(el.tag)
            if name == "revision":
                rev = _Revision(
                    _int(_child_text(el, "id")),
                    _child_text(el, "timestamp"),
                    _text_of(_child(el, "text")),
                )
                # Newest wins; on equal (or missing) timestamps the later one.
                if self.best is None or (rev.timestamp or "") >= (self.best.timestamp or ""):
                    self.best = rev
                _release_revision(el)
            elif name == "page":
                page = _make_page(el, self.best, self.ns_names, self.source, self.position)
                page.dbname = self.dbname
                self.best = None
                self.position += 1
                _release(el)
                if self.namespaces is None or page.namespace in self.namespaces:
                    yield page
            elif name == "siteinfo":
                self.ns_names = _namespace_names(el)
                self.dbname = siteinfo_dbname(el)
                _release(el)
            elif name == "mediawiki" and el.getparent() is None:
                self.root_closed = True


#: A wiki's database name as ``<dbname>`` holds it: "enwiki", "zh_min_nanwiki", "commonswiki".
_DBNAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


def siteinfo_element(head: bytes) -> etree._Element | None:
    """The ``<siteinfo>`` element of a dump's head (the bytes before its first page), or None."""
    start = head.find(b"<siteinfo")
    end = head.find(b"</siteinfo>")
    if start < 0 or end < 0:
        return None
    try:
        return etree.fromstring(head[start:end + len(b"</siteinfo>")],
                                etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None


def siteinfo_dbname(siteinfo: etree._Element) -> str | None:
    """The ``<dbname>`` of a ``<siteinfo>`` ("frwiki"), or None when absent or not a database name."""
    value = (_child_text(siteinfo, "dbname") or "").strip().lower()
    return value if _DBNAME.fullmatch(value) else None


def _namespace_names(siteinfo: etree._Element) -> dict[str, int]:
    names: dict[str, int] = {}
    block = _child(siteinfo, "namespaces")
    if block is None:
        return names
    for ns in block:
        key = _int(ns.get("key"))
        if key is not None and key != 0 and ns.text:
            names[ns.text.strip()] = key
    return names


def _make_page(el: etree._Element, rev: _Revision | None, ns_names: dict[str, int], source: str, position: int) -> Page:
    title = (_child_text(el, "title") or "").strip()
    namespace = _int(_child_text(el, "ns"))
    if namespace is None:
        # Exports before 0.6 have no <ns>: the title prefix says it.
        prefix, sep, _ = title.partition(":")
        namespace = ns_names.get(prefix, 0) if sep else 0
    redirect_el = _child(el, "redirect")
    redirect = None
    if redirect_el is not None:
        redirect = redirect_el.get("title") or _text_of(redirect_el) or ""
    return Page(
        title=title,
        page_id=_int(_child_text(el, "id")),
        namespace=namespace,
        revision_id=rev.id if rev else None,
        timestamp=rev.timestamp if rev else None,
        text=rev.text if rev else "",
        format="wikitext",
        redirect=redirect,
        source=source,
        position=position,
    )


def pages_from_bytes(
    data: bytes, *, source: str, namespaces: set[int] | None = None, start_position: int = 0,
    dbname: str | None = None,
) -> list[Page]:
    """Pages of one decompressed multistream block (bare ``<page>`` elements)."""
    import io

    start = data.find(b"<page")
    end = data.rfind(b"</page>")
    if start < 0 or end < 0:
        return []
    body = data[start : end + len(b"</page>")]
    return list(iter_xml_pages(io.BytesIO(body), source=source, namespaces=namespaces, start_position=start_position,
                               dbname=dbname))
