"""Cut a single-stream XML dump into runs of whole ``<page>`` elements, as bytes.

With plain ``.bz2`` (or ``.gz``, or uncompressed) XML there is no index to
hand workers independent blocks, so the reading process decompresses
everything.  :func:`iter_page_chunks` keeps that process to the least work
that stays safe: decompress, find page ends with ``bytes.find``, and ship
the raw bytes; the XML parse (lxml) and everything after it happen in the
worker (:func:`pages_of_chunk`), exactly as for a multistream block.

Safety: a cut is made only at a ``</page>`` that is markup, never one
inside a CDATA section, a comment or a processing instruction (each is
skipped whole, by a linear scan of openers and closers).  Pages are found by
their unprefixed name; a dump whose root element has a namespace prefix,
or a prolog the sequential reader would refuse (a DTD), gets ``None`` and
is left to :func:`bioparse.dump.sources.iter_pages`.  Entities stay
unresolved in the worker as in the sequential reader.  Positions count every
page (filtered namespaces too), and the ``<siteinfo>`` namespace names (for
exports older than schema 0.6) and database name go with each chunk.
"""

from __future__ import annotations

import bz2
import io
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .pages import DumpError, Page
from .process import BatchResult, process_batch
from .sources import (
    _READ_ERRORS,
    ReadStats,
    _Counting,
    _describe,
    _open_decompressed,
    _peek_nonspace,
)
from .xml import _namespace_names, _prolog, _utf8_chunks, iter_xml_pages, siteinfo_dbname, siteinfo_element

#: A chunk is cut when it holds this many bytes or pages (one worker task).
CHUNK_BYTES = 2 << 20
CHUNK_PAGES = 32
_END = b"</page>"
#: What ends the look at the head: the sequential reader then reads (and reports) the input itself.
_PROLOG_ERRORS: tuple[type[BaseException], ...] = (DumpError, *_READ_ERRORS)
#: Openers of the constructs whose content is not markup, and their closers.
_OPAQUE = ((b"<![CDATA[", b"]]>"), (b"<!--", b"-->"), (b"<?", b"?>"))


@dataclass
class PageChunk:
    """Whole ``<page>`` elements (UTF-8 bytes) and what a worker needs to number them."""

    data: bytes
    source: str
    start_position: int
    n_pages: int
    namespaces: set[int] | None
    ns_names: dict[str, int] = field(default_factory=dict)
    dbname: str | None = None
    #: The input's path and the bytes of it (as stored) read when the chunk was cut: where a break is reported.
    path: str = ""
    offset: int | None = None


def pages_of_chunk(chunk: PageChunk) -> list[Page]:
    """Parse one chunk (runs in a worker); the same Pages the sequential reader yields."""
    return list(iter_xml_pages(io.BytesIO(chunk.data), source=chunk.source, namespaces=chunk.namespaces,
                               start_position=chunk.start_position, ns_names=chunk.ns_names, dbname=chunk.dbname))


def chunk_pages(chunk: PageChunk) -> tuple[list[Page], DumpError | None]:
    """The pages of ``chunk`` up to a break in its XML, and that break (named as the sequential reader names it)."""
    pages: list[Page] = []
    try:
        for page in iter_xml_pages(io.BytesIO(chunk.data), source=chunk.source, namespaces=chunk.namespaces,
                                   start_position=chunk.start_position, ns_names=chunk.ns_names, dbname=chunk.dbname):
            pages.append(page)  # noqa: PERF402 - one by one: the pages before a break are kept
    except DumpError as exc:
        return pages, DumpError(exc.message, chunk.path, chunk.offset, chunk.start_position + (exc.pages or 0))
    return pages, None


def process_chunk(
    chunk: PageChunk, *, people_only: bool = False, output: str = "jsonl", fields: frozenset[str] | None = None
) -> BatchResult:
    """Records for the pages of ``chunk`` (runs in a worker).

    A break in the chunk's XML comes back as ``failure``, with the records
    of the pages before it, which the sequential reader would have written.
    """
    pages, failure = chunk_pages(chunk)
    result = process_batch(pages, people_only=people_only, output=output, fields=fields)
    result.failure = failure
    return result


class _Scanner:
    """Finds page ends in a growing buffer, skipping CDATA, comments and PIs (linear)."""

    def __init__(self) -> None:
        self.closer: bytes | None = None  # inside an opaque construct: the bytes that end it

    def ends(self, buf: bytes | bytearray, start: int, final: bool = False) -> tuple[list[int], int]:
        """Offsets just after each markup ``</page>`` in ``buf[start:]``, and where to resume.

        The resume point never splits an opener, closer or ``</page>``
        across two calls: it stays a few bytes back when the tail is unread.
        """
        out: list[int] = []
        pos = start
        n = len(buf)
        keep = 0 if final else 9  # longest token: "<![CDATA["
        while pos < n:
            if self.closer is not None:
                j = buf.find(self.closer, pos)
                if j < 0:
                    return out, max(pos, n - len(self.closer) + 1)
                pos = j + len(self.closer)
                self.closer = None
                continue
            lt = buf.find(b"<", pos)
            if lt < 0:
                return out, n
            if n - lt < keep:
                return out, lt
            if buf.startswith(_END, lt):
                pos = lt + len(_END)
                out.append(pos)
                continue
            for opener, closer in _OPAQUE:
                if buf.startswith(opener, lt):
                    self.closer = closer
                    pos = lt + len(opener)
                    break
            else:
                pos = lt + 1
        return out, pos


def iter_page_chunks(
    path: str,
    *,
    namespaces: set[int] | None = None,
    stats: ReadStats | None = None,
    chunk_bytes: int | None = None,
    chunk_pages: int | None = None,
    prefetch: bool = False,
) -> Iterator[PageChunk] | None:
    """Chunks of whole pages of the XML dump ``path``, or None when it must be read sequentially.

    Raises :class:`DumpError` (after yielding every complete page before the
    break) when the input is truncated or corrupt, like ``iter_pages``.
    With ``prefetch``, a bz2 input is decompressed in a background thread a
    few megabytes ahead (see :class:`Prefetched`).
    """
    p = Path(path)
    if not p.is_file() or any(s in (".tar", ".tgz", ".ndjson", ".jsonl", ".json") for s in
                              (x.lower() for x in p.suffixes)):
        return None
    counting = _Counting(open(p, "rb"), stats)  # noqa: SIM115 - closed with the stream it feeds
    try:
        buffered = io.BufferedReader(counting, 1 << 16)
        stream = _open_prefetched(buffered) if prefetch else None
        stream = stream or _open_decompressed(buffered)
    except _READ_ERRORS:
        counting.close()
        return None
    try:
        if _peek_nonspace(stream) != b"<":
            stream.close()
            return None
        chunks = _utf8_chunks(stream, 1 << 20)  # type: ignore[arg-type]
        head, _fragment = _prolog(chunks)
        first = head.find(b"<page")
        if first < 0 and len(head) < (1 << 20):
            # the siteinfo can be long: read on until the first page
            for data in chunks:
                head += data
                first = head.find(b"<page")
                if first >= 0 or len(head) > (8 << 20):
                    break
    except _PROLOG_ERRORS:
        stream.close()
        return None  # the sequential reader reports it, with its own wording
    root = head.lstrip()[:200]
    if first < 0 or (root.startswith(b"<") and b":" in root.split(b">", 1)[0].split(b" ", 1)[0]):
        stream.close()
        return None
    return _chunks(stream, chunks, head, first, p.name, str(p), namespaces, counting,
                   CHUNK_BYTES if chunk_bytes is None else chunk_bytes, CHUNK_PAGES if chunk_pages is None else chunk_pages)


def _open_prefetched(buffered: Any) -> IO[bytes] | None:
    """A bz2 input's decompressed bytes from a :class:`Prefetched` thread; None for other inputs."""
    if buffered.peek(3)[:3] != b"BZh":
        return None
    return io.BufferedReader(Prefetched(buffered), 1 << 20)


#: Compressed bytes read, and decompressed bytes produced, per step of the prefetch thread.
_PREFETCH_READ = 1 << 20
_PREFETCH_OUT = 4 << 20


class Prefetched(io.RawIOBase):
    """The decompressed bytes of a bz2 file, decompressed in a background thread.

    ``bz2`` releases the GIL while it decompresses, so a second core does
    the decompression while this process parses the pages before; one
    decompression call per megabyte of input keeps the thread from waiting
    for the GIL between small steps.  At most ``depth`` blocks of up to
    4 MB wait in the queue (memory stays bounded).  Concatenated streams
    and trailing non-bz2 data are handled as ``bz2.BZ2File`` does, and a
    read error reaches the reader after the bytes before it, as from
    ``BZ2File``: ``EOFError`` for a truncated file, ``OSError`` for corrupt data.
    """

    def __init__(self, raw: IO[bytes], depth: int = 4) -> None:
        super().__init__()
        self._raw = raw
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._block = b""
        self._pos = 0
        self._done = False
        self._thread = threading.Thread(target=self._run, name="bioparse-bz2-prefetch", daemon=True)
        self._thread.start()

    def readable(self) -> bool:
        return True

    def _put(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        d = bz2.BZ2Decompressor()
        try:
            while not self._stop.is_set():
                if d.eof:
                    block = d.unused_data or self._raw.read(_PREFETCH_READ)
                    if not block:
                        break
                    d = bz2.BZ2Decompressor()
                    try:
                        out = d.decompress(block, _PREFETCH_OUT)
                    except OSError:
                        break  # trailing data that is no bz2 stream: ignored, as BZ2File does
                else:
                    if d.needs_input:
                        block = self._raw.read(_PREFETCH_READ)
                        if not block:
                            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
                    else:
                        block = b""
                    out = d.decompress(block, _PREFETCH_OUT)
                if out and not self._put(out):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, raised there in order
            self._put(exc)
            return
        self._put(None)

    def readinto(self, buffer: Any) -> int:
        while self._pos >= len(self._block):
            if self._done:
                return 0
            item = self._queue.get()
            if item is None or isinstance(item, BaseException):
                self._done = True
                if item is None:
                    return 0
                raise item
            self._block, self._pos = item, 0
        n = min(len(buffer), len(self._block) - self._pos)
        buffer[:n] = self._block[self._pos : self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            self._thread.join(timeout=5)
            self._raw.close()
        super().close()


def _chunks(
    stream: IO[bytes], chunks: Iterator[bytes], head: bytes, first: int, source: str, path: str,
    namespaces: set[int] | None, counting: _Counting, chunk_bytes: int, chunk_pages: int,
) -> Iterator[PageChunk]:
    ns_names, dbname = _siteinfo(head[:first])
    scanner = _Scanner()
    # A bytearray: appending is amortised O(1), so one huge page stays linear.
    buf = bytearray(head[first:])
    scan_from = 0
    cut_ends: list[int] = []
    position = 0

    def emit(upto: int, n: int) -> PageChunk:
        nonlocal buf, position, scan_from, cut_ends
        chunk = PageChunk(bytes(buf[:upto]), source, position, n, namespaces, ns_names, dbname, path, counting.offset)
        position += n
        del buf[:upto]
        scan_from -= upto
        cut_ends = [e - upto for e in cut_ends[n:]]
        return chunk

    try:
        with stream:
            for data in _chain(b"", chunks):  # b"": the head's own pages first
                buf += data
                found, scan_from = scanner.ends(buf, scan_from)
                cut_ends.extend(found)
                while cut_ends and (len(cut_ends) >= chunk_pages or cut_ends[-1] >= chunk_bytes):
                    n = min(len(cut_ends), chunk_pages)
                    while n > 1 and cut_ends[n - 1] > chunk_bytes:
                        n -= 1
                    yield emit(cut_ends[n - 1], n)
            found, scan_from = scanner.ends(buf, scan_from, final=True)
            cut_ends.extend(found)
            if cut_ends:
                yield emit(cut_ends[-1], len(cut_ends))
    except _READ_ERRORS as exc:
        if cut_ends:
            yield emit(cut_ends[-1], len(cut_ends))
        raise DumpError(_describe(exc), path, counting.offset, position) from None
    if buf.strip() and b"<page" in buf:
        raise DumpError("malformed XML: a page is not closed", path, counting.offset, position)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _siteinfo(head: bytes) -> tuple[dict[str, int], str | None]:
    """Namespace names and database name from the ``<siteinfo>`` before the first page."""
    el = siteinfo_element(head)
    if el is None:
        return {}, None
    return _namespace_names(el), siteinfo_dbname(el)
