"""Open any dump-like input and yield its pages.

Inputs are recognised by content where possible (compression by magic bytes,
XML vs NDJSON by the first character) and by suffix otherwise: MediaWiki XML
(plain, .bz2 including multistream, .gz, .xz, .zst, UTF-8 or UTF-16), Wikimedia
Enterprise NDJSON (plain, .gz, or inside a .tar.gz), single Enterprise .json
records, and directories of .wiki/.html/.txt/.json files or of dumps.
``-`` reads a dump from stdin; ``s3://``, ``https://`` and other URLs are read
through fsspec when the optional ``bioparse[remote]`` extra is installed.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import re
import select
import stat
import sys
import tarfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, cast
from urllib.parse import urlsplit

import orjson

from .pages import DumpError, Page
from .xml import iter_xml_pages

__all__ = ["DumpError", "ReadStats", "iter_pages", "find_index", "read_index", "StreamBlock", "plan_blocks"]

DEFAULT_NAMESPACES: frozenset[int] = frozenset({0})

#: Suffix -> parser format for files inside directories.
FILE_FORMATS = {
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".json": "enterprise",
}
_DUMP_SUFFIXES = (".xml", ".bz2", ".gz", ".xz", ".zst", ".tgz", ".ndjson", ".jsonl", ".tar")


@dataclass
class ReadStats:
    """Bytes consumed so far (as stored on disk), for progress and error offsets."""

    bytes_read: int = 0
    total_bytes: int = 0
    files: list[str] = field(default_factory=list)


class _Counting(io.RawIOBase):
    """A file wrapper that counts raw bytes read (compressed offsets for errors and ETA)."""

    def __init__(self, raw: BinaryIO, stats: ReadStats | None):
        self._raw = raw
        self._stats = stats
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.offset += n
        if self._stats is not None:
            self._stats.bytes_read += n
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def _namespaces(value: Collection[int] | None) -> set[int] | None:
    return None if value is None else set(value)


def iter_pages(
    path: str, *, namespaces: Collection[int] | None = DEFAULT_NAMESPACES, stats: ReadStats | None = None
) -> Iterator[Page]:
    """Yield every page of ``path`` (a dump file or a directory), in order.

    ``namespaces`` keeps only pages in those namespaces (None keeps all;
    files in directories count as namespace 0).  Raises :class:`DumpError`
    after yielding all pages before a truncation or corruption, and
    :class:`OSError` when the input cannot be opened at all.
    """
    ns = _namespaces(namespaces)
    if path == "-":
        # stdin: XML or NDJSON, plain or compressed (decided by content, as for files)
        yield from _iter_file(Path("-"), "-", ns, stats, opener=stdin_raw)
        return
    if is_url(path):
        name = Path(urlsplit(path).path).name or path
        yield from _iter_file(Path(name), name, ns, stats, opener=lambda: open_url(path))
        return
    p = Path(path)
    if p.is_dir():
        yield from _iter_directory(p, ns, stats)
        return
    yield from _iter_file(p, p.name, ns, stats)


_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]{0,30}://")


def is_url(path: str) -> bool:
    """``s3://...``, ``https://...``, ``file://...``, ``memory://...``: read through fsspec."""
    return bool(_URL.match(path))


def open_url(url: str) -> IO[bytes]:
    """Open ``url`` for reading through fsspec (the optional ``bioparse[remote]`` extra).

    Raises OSError when fsspec (or the filesystem's own package, e.g. s3fs) is
    not installed, so the caller reports it like any unreadable input.
    """
    try:
        import fsspec
    except ImportError:
        raise OSError(f"reading {url} needs fsspec: pip install 'bioparse[remote]'") from None
    try:
        return fsspec.open(url, "rb").open()  # type: ignore[no-any-return,unused-ignore]
    except (ImportError, ValueError) as exc:
        raise OSError(f"cannot open {url}: {exc}") from None


class _Unclosed(_Counting):
    """stdin's buffer, which closing the decompressor around it must not close."""

    def __init__(self, raw: BinaryIO):
        super().__init__(raw, None)

    def close(self) -> None:
        io.RawIOBase.close(self)


class _Polled(io.RawIOBase):
    """A pipe or terminal read from its descriptor, waiting in slices of ``POLL`` seconds.

    A producer that goes quiet (``slow | bioparse dump -``) would otherwise hold the read, and
    with it a SIGINT/SIGTERM, for as long as it likes; between slices a stop request
    (:func:`~bioparse.dump.pool.stop_requested`) ends the wait with Stopped.  Closing it
    leaves stdin open.
    """

    POLL = 0.2

    def __init__(self, fd: int, owner: IO[bytes] | None = None):
        super().__init__()
        self._fd = fd
        self._owner = owner  # a FIFO opened by path is closed with this reader

    def close(self) -> None:
        if self._owner is not None:
            self._owner.close()
        super().close()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        from .pool import Stopped, stop_requested

        while not select.select([self._fd], [], [], self.POLL)[0]:
            if stop_requested():
                raise Stopped
        data = os.read(self._fd, len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _open_path(p: Path) -> IO[bytes]:
    """An input file; a FIFO (or other non-regular file) is read in :class:`_Polled` waits."""
    fh = open(p, "rb")
    try:
        regular = stat.S_ISREG(os.fstat(fh.fileno()).st_mode)
    except OSError:
        regular = True
    return fh if regular else cast(IO[bytes], _Polled(fh.fileno(), owner=fh))


def stdin_raw() -> IO[bytes]:
    """stdin for reading a dump or records: :class:`_Polled` when it is a pipe or a terminal (a
    regular file redirected in cannot go quiet), else its buffer; closing the result leaves it open."""
    try:
        fd = sys.stdin.fileno()
        waits = not stat.S_ISREG(os.fstat(fd).st_mode)
    except (AttributeError, OSError, ValueError):
        waits = False
    if waits:  # read from the descriptor: nothing has read stdin's buffer before
        return cast(IO[bytes], _Polled(fd))
    return cast(IO[bytes], _Unclosed(sys.stdin.buffer))


def _suffixes(p: Path) -> list[str]:
    return [s.lower() for s in p.suffixes]


#: Magic bytes -> compression; content decides, never the suffix alone.
_MAGIC = ((b"BZh", "bz2"), (b"\x1f\x8b", "gz"), (b"\x28\xb5\x2f\xfd", "zst"), (b"\xfd7zXZ\x00", "xz"))


def open_decompressed(raw: Any) -> IO[bytes]:
    """``raw`` (a binary file) wrapped in the decompressor its magic bytes call for.

    bz2, gzip, zstd and xz are recognised; the result is buffered and
    line-iterable, and plain data comes back buffered as is.
    """
    buffered: Any = raw if hasattr(raw, "peek") else io.BufferedReader(raw, 1 << 16)
    magic = buffered.peek(6)[:6]
    kind = next((name for prefix, name in _MAGIC if magic.startswith(prefix)), None)
    stream: Any = buffered
    if kind == "bz2":
        stream = bz2.BZ2File(buffered)
    elif kind == "gz":
        stream = gzip.GzipFile(fileobj=buffered)
    elif kind == "xz":
        stream = lzma.LZMAFile(buffered)
    elif kind == "zst":
        import zstandard

        stream = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(buffered, read_across_frames=True))
    return cast(IO[bytes], stream)


_open_decompressed = open_decompressed


Opener = Callable[[], Any]


def _iter_file(
    p: Path, source: str, ns: set[int] | None, stats: ReadStats | None, opener: Opener | None = None
) -> Iterator[Page]:
    """One dump file; ``opener`` gives its bytes when they are not at ``p`` (stdin, URLs)."""
    open_raw: Opener = opener or (lambda: _open_path(p))
    suffixes = _suffixes(p)
    if ".tar" in suffixes or (suffixes and suffixes[-1] == ".tgz"):
        yield from _iter_tar(p, source, ns, stats, open_raw)
        return
    fmt = FILE_FORMATS.get(suffixes[-1]) if suffixes else None
    if fmt is not None and fmt != "enterprise":
        if opener is None:
            yield _file_page(p, source, fmt, 0, stats)
        else:
            with open_raw() as fh:
                yield _file_page(p, source, fmt, 0, stats, data=fh.read())
        return
    counting = _Counting(open_raw(), stats)
    pages = 0
    try:
        with _open_decompressed(counting) as stream:
            first = _peek_nonspace(stream)
            if fmt == "enterprise" and first == b"{" and not _is_ndjson(p):
                yield _enterprise_page(stream.read(), source, 0)
                return
            if first == b"{":
                gen = _iter_ndjson(stream, source, ns)
            else:
                gen = iter_xml_pages(stream, source=source, namespaces=ns)  # type: ignore[arg-type]
            for page in gen:
                pages += 1
                yield page
    except DumpError as exc:
        raise DumpError(exc.message, str(p), counting.offset, exc.pages if exc.pages is not None else pages) from None
    except _READ_ERRORS as exc:
        raise DumpError(_describe(exc), str(p), counting.offset, pages) from None


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _codec_errors() -> tuple[type[BaseException], ...]:
    """What the decompressors raise on corrupt data besides OSError/EOFError."""
    errors: list[type[BaseException]] = [zlib_error(), lzma.LZMAError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - zstandard is a dependency
        pass
    return tuple(errors)


#: Everything that means "this input cannot be read further" (a DumpError, not a crash).
_READ_ERRORS: tuple[type[BaseException], ...] = (EOFError, OSError, ValueError, *_codec_errors())
_TAR_ERRORS: tuple[type[BaseException], ...] = (*_READ_ERRORS, tarfile.TarError)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return f"file is truncated: {exc}"
    return f"corrupt or unreadable data: {type(exc).__name__}: {exc}"


def _is_ndjson(p: Path) -> bool:
    return any(s in (".ndjson", ".jsonl") for s in _suffixes(p))


def _peek_nonspace(stream: IO[bytes]) -> bytes:
    """First non-blank byte (BOMs skipped) without consuming the stream."""
    peek = getattr(stream, "peek", None)
    head = peek(256) if peek else b""
    head = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return b"<"
    return head[:1]


def _file_page(
    p: Path, source: str, fmt: str, position: int, stats: ReadStats | None, data: bytes | None = None
) -> Page:
    from ..textio import decode_bytes

    if data is None:
        data = p.read_bytes()
    if stats is not None:
        stats.bytes_read += len(data)
    text, _warnings = decode_bytes(data)
    return Page(
        title=p.stem.replace("_", " "),
        page_id=None,
        namespace=0,
        revision_id=None,
        timestamp=None,
        text=text,
        format=fmt,
        redirect=None,
        source=source,
        position=position,
    )


def _enterprise_page(line: bytes | str, source: str, position: int) -> Page:
    """A Page for one Enterprise record; the container fields come from its JSON."""
    text = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
    text = text.lstrip("\ufeff")
    title, page_id, namespace, rev, ts = "", None, None, None, None
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError:
        record = None
    if isinstance(record, dict):
        title = str(record.get("name") or "")
        page_id = _as_int(record.get("identifier"))
        ns = record.get("namespace")
        namespace = _as_int(ns.get("identifier")) if isinstance(ns, dict) else _as_int(ns)
        version = record.get("version")
        rev = _as_int(version.get("identifier")) if isinstance(version, dict) else None
        ts = record.get("date_modified") if isinstance(record.get("date_modified"), str) else None
    return Page(
        title=title,
        page_id=page_id,
        namespace=namespace,
        revision_id=rev,
        timestamp=ts,
        text=text,
        format="enterprise",
        redirect=None,
        source=source,
        position=position,
    )


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _iter_ndjson(stream: IO[bytes], source: str, ns: set[int] | None, start: int = 0) -> Iterator[Page]:
    """One page per non-blank line; a record with no namespace counts as 0."""
    position = start
    for line in stream:
        if not line.strip():
            continue
        page = _enterprise_page(line.rstrip(b"\r\n"), source, position)
        position += 1
        if ns is None or (page.namespace if page.namespace is not None else 0) in ns:
            yield page


def _iter_tar(
    p: Path, source: str, ns: set[int] | None, stats: ReadStats | None, opener: Opener | None = None
) -> Iterator[Page]:
    """NDJSON members of an Enterprise snapshot archive, streamed member by member."""
    counting = _Counting((opener or (lambda: open(p, "rb")))(), stats)
    pages = 0
    try:
        with tarfile.open(fileobj=counting, mode="r|*") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                fh = tar.extractfile(member)
                if fh is None:
                    continue
                for page in _iter_ndjson(fh, f"{source}/{member.name}", ns):
                    pages += 1
                    yield page
    except _TAR_ERRORS as exc:
        raise DumpError(_describe(exc), str(p), counting.offset, pages) from None


def _iter_directory(root: Path, ns: set[int] | None, stats: ReadStats | None) -> Iterator[Page]:
    """Files in sorted path order; article files are one page each, dumps are expanded."""
    position = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath, name)
            rel = str(p.relative_to(root))
            suffixes = _suffixes(p)
            last = suffixes[-1] if suffixes else ""
            if last in FILE_FORMATS and not _is_ndjson(p):
                if last == ".json":
                    page = _enterprise_page(p.read_bytes(), rel, position)
                else:
                    page = _file_page(p, rel, FILE_FORMATS[last], position, stats)
                position += 1
                if ns is None or (page.namespace if page.namespace is not None else 0) in ns:
                    yield page
            elif last in _DUMP_SUFFIXES:
                yield from _iter_file(p, rel, ns, stats)


# --- multistream bz2 with an index -------------------------------------------------


@dataclass
class StreamBlock:
    """One bz2 stream of a multistream dump: bytes [offset, offset+length) of ``path``.

    ``first_position`` is the ordinal of its first page in the dump, taken
    from the index, so workers can number pages without seeing the others.
    """

    path: str
    source: str
    offset: int
    length: int
    first_position: int
    n_pages: int
    #: The dump's ``<siteinfo><dbname>``, read from its header stream by :func:`check_header`.
    dbname: str | None = None


def find_index(path: str) -> str | None:
    """The ``...-multistream-index.txt[.bz2]`` file beside a multistream dump, if any."""
    p = Path(path)
    name = p.name
    if "multistream" not in name:
        return None
    candidates = []
    base = name.replace("multistream", "multistream-index", 1)
    for xml_part in (".xml", ""):
        stem = base.replace(".xml", ".txt", 1) if xml_part else base
        candidates.append(stem)
        if stem.endswith(".bz2"):
            candidates.append(stem[: -len(".bz2")])
    for cand in candidates:
        q = p.with_name(cand)
        if q != p and q.is_file():
            return str(q)
    return None


def read_index(index_path: str) -> list[tuple[int, int]]:
    """Stream offsets and how many pages each holds, from ``offset:page_id:title`` lines."""
    opener = bz2.open if index_path.endswith(".bz2") else open
    counts: dict[int, int] = {}
    with opener(index_path, "rb") as fh:
        for line in fh:
            head, sep, _ = line.partition(b":")
            if not sep:
                continue
            offset = int(head)
            counts[offset] = counts.get(offset, 0) + 1
    return sorted(counts.items())


def plan_blocks(path: str, index_path: str) -> tuple[int, list[StreamBlock]]:
    """Split a multistream dump into independent blocks using its index.

    Returns the length of the header stream (siteinfo, before the first
    page block) and the page blocks in file order; the final stream holding
    ``</mediawiki>`` is not a block.
    """
    size = os.path.getsize(path)
    entries = read_index(index_path)
    if not entries:
        raise ValueError("empty index")
    blocks = []
    position = 0
    source = Path(path).name
    for i, (offset, n) in enumerate(entries):
        end = entries[i + 1][0] if i + 1 < len(entries) else size
        if not 0 <= offset < end <= size:
            raise ValueError(f"index offset {offset} outside the file")
        blocks.append(StreamBlock(path, source, offset, end - offset, position, n))
        position += n
    return entries[0][0], blocks


def read_block(block: StreamBlock, namespaces: set[int] | None) -> list[Page]:
    """Decompress and parse one stream block (runs in a worker)."""
    from .xml import pages_from_bytes

    with open(block.path, "rb") as fh:
        fh.seek(block.offset)
        raw = fh.read(block.length)
    try:
        data = bz2.decompress(raw)
    except (OSError, ValueError, EOFError) as exc:
        raise DumpError(_describe(exc), block.path, block.offset, None) from None
    try:
        return pages_from_bytes(data, source=block.source, namespaces=namespaces, start_position=block.first_position,
                                dbname=block.dbname)
    except DumpError as exc:
        raise DumpError(exc.message, block.path, block.offset, exc.pages) from None


def check_header(path: str, header_length: int) -> str | None:
    """Refuse a multistream dump whose header stream carries a DTD (entity attacks);
    return the ``<siteinfo><dbname>`` the header gives (None when it gives none)."""
    from .xml import _prolog, siteinfo_dbname, siteinfo_element

    with open(path, "rb") as fh:
        raw = fh.read(header_length)
    try:
        data = bz2.decompress(raw) if raw else b""
    except (OSError, ValueError, EOFError) as exc:
        raise DumpError(_describe(exc), path, 0, 0) from None
    try:
        _prolog(iter([data]))
    except DumpError as exc:
        raise DumpError(exc.message, path, 0, 0) from None
    siteinfo = siteinfo_element(data)
    return siteinfo_dbname(siteinfo) if siteinfo is not None else None
