"""Writing a multistream dump and its index, as Wikimedia publishes them, from a plain export."""

from __future__ import annotations

import bz2
import re
from pathlib import Path


def write_multistream(xml: bytes, dump: Path, per_stream: int) -> Path:
    """Write the export ``xml`` to ``dump`` as one bz2 stream for the header, one per
    ``per_stream`` pages and one for the closing tag, with ``...-multistream-index.txt.bz2`` beside it."""
    if "multistream" not in dump.name:
        raise ValueError("a multistream dump's name says so (the index is found by it)")
    first, last = xml.find(b"<page>"), xml.rfind(b"</page>") + len(b"</page>")
    pages = re.findall(rb"<page>.*?</page>\s*", xml[first:last + 1], re.DOTALL)
    index = dump.with_name(dump.name.replace("multistream", "multistream-index", 1).replace(".xml", ".txt"))
    with open(dump, "wb") as fh, bz2.open(index, "wb") as idx:
        fh.write(bz2.compress(xml[:first]))
        for i in range(0, len(pages), per_stream):
            offset = fh.tell()
            for page in pages[i:i + per_stream]:
                pid = re.search(rb"<id>(\d+)</id>", page).group(1)  # type: ignore[union-attr]
                title = re.search(rb"<title>(.*?)</title>", page).group(1)  # type: ignore[union-attr]
                idx.write(b"%d:%s:%s\n" % (offset, pid, title))
            fh.write(bz2.compress(b"".join(pages[i:i + per_stream])))
        fh.write(bz2.compress(xml[last:]))
    return dump
