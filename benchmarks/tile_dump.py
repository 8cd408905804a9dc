"""Build dumps for tests and benchmarks from real ones.

``tile``: repeat a dump's pages until the output reaches a size (the
benchmark input).  ``multistream``: rewrite a dump as a Wikimedia-style
multistream bz2 (header stream, N pages per stream, footer stream) with its
``offset:page_id:title`` index, to exercise the parallel reader.

Pages are cut at their ``<page>``/``</page>`` tags on the raw bytes: inside
page text ``<`` is always escaped, so the tags cannot occur there.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

_PAGE = re.compile(rb"<page>.*?</page>\s*", re.S)
_ID = re.compile(rb"<id>(\d+)</id>")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def read_xml(path: str) -> bytes:
    data = Path(path).read_bytes()
    if data[:3] == b"BZh":
        return bz2.decompress(data)
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    return data


def split_pages(xml: bytes) -> tuple[bytes, list[bytes], bytes]:
    """(header up to the first page, raw page elements, footer)."""
    pages = [m.group(0) for m in _PAGE.finditer(xml)]
    first = xml.find(b"<page>")
    last = xml.rfind(b"</page>")
    header = xml[:first]
    footer = xml[last + len(b"</page>") :].lstrip()
    return header, pages, footer or b"</mediawiki>\n"


def tiled_pages(pages: list[bytes], target_bytes: int) -> Iterator[bytes]:
    total = 0
    while total < target_bytes:
        for page in pages:
            yield page
            total += len(page)
            if total >= target_bytes:
                return


def write_plain_bz2(out: str, header: bytes, pages: Iterator[bytes] | list[bytes], footer: bytes) -> None:
    with bz2.open(out, "wb") as fh:
        fh.write(header)
        for page in pages:
            fh.write(page)
        fh.write(footer)


def write_multistream(
    out: str, index_out: str, header: bytes, pages: Iterator[bytes] | list[bytes], footer: bytes, per_stream: int = 100
) -> int:
    """Write the multistream dump and its index; returns the number of streams."""
    streams = 0
    with open(out, "wb") as fh, bz2.open(index_out, "wb") as idx:
        fh.write(bz2.compress(header))
        streams += 1
        batch: list[bytes] = []

        def flush() -> None:
            nonlocal streams
            offset = fh.tell()
            for page in batch:
                pid = _ID.search(page)
                title = _TITLE.search(page)
                idx.write(b"%d:%s:%s\n" % (offset, pid.group(1) if pid else b"0", title.group(1) if title else b""))
            fh.write(bz2.compress(b"".join(batch)))
            streams += 1
            batch.clear()

        for page in pages:
            batch.append(page)
            if len(batch) >= per_stream:
                flush()
        if batch:
            flush()
        fh.write(bz2.compress(footer))
        streams += 1
    return streams


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=0, help="tile pages until the XML reaches this size")
    ap.add_argument("--multistream", action="store_true", help="write multistream + -index.txt.bz2")
    ap.add_argument("--per-stream", type=int, default=100)
    args = ap.parse_args()
    header, pages, footer = split_pages(read_xml(args.source))
    it: Iterator[bytes] | list[bytes] = tiled_pages(pages, int(args.mb * 1e6)) if args.mb else pages
    if args.multistream:
        index = args.out.replace("multistream", "multistream-index").replace(".xml", ".txt")
        if index == args.out:
            raise SystemExit("multistream output name must contain 'multistream'")
        write_multistream(args.out, index, header, it, footer, args.per_stream)
    else:
        write_plain_bz2(args.out, header, it, footer)


if __name__ == "__main__":
    main()
