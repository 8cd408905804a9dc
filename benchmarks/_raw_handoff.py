"""Run a plain-bz2 dump with raw page bytes handed to the workers (``bioparse.dump.rawsplit``).

The reading process only decompresses and cuts ``<page>`` runs; workers parse
the XML and the pages.  This is the proposed hook for ``bioparse dump`` on
single-stream inputs; measured here with the same pool and writer the command
uses.  Prints wall time and peak RSS as JSON, like ``_measure.py``.

With ``--person`` each worker parses with ``sections=False, references=False``
and writes only the person record per page (what ``--fields person`` asks for).

Usage: python benchmarks/_raw_handoff.py INPUT OUT.jsonl WORKERS [--person]
"""

from __future__ import annotations

import json
import resource
import sys
import time

from bioparse.dump.pool import ordered_map
from bioparse.dump.process import BatchResult, process_batch
from bioparse.dump.rawsplit import PageChunk, iter_page_chunks, pages_of_chunk
from bioparse.dump.writers import JsonlWriter


def work(chunk: PageChunk) -> BatchResult:
    return process_batch(pages_of_chunk(chunk))


def work_person(chunk: PageChunk) -> BatchResult:
    """Person-only records: the readers skip section text and references."""
    from bioparse.api import parse
    from bioparse.jsonio import dumps

    result = BatchResult()
    for page in pages_of_chunk(chunk):
        result.pages += 1
        article = parse(page.text, format=page.format, title=page.title or None, sections=False, references=False)
        if article.person is not None:
            result.lines.append(dumps({"title": article.title, "person": article.person}))
            result.records += 1
    return result


if __name__ == "__main__":
    inp, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    fn = work_person if "--person" in sys.argv[4:] else work
    t0 = time.perf_counter()
    chunks = iter_page_chunks(inp, namespaces={0})
    assert chunks is not None, "input needs the sequential reader"
    writer = JsonlWriter(open(out, "wb"))
    pages = 0
    for result in ordered_map(fn, chunks, workers):
        writer.write(result)
        pages += result.pages
    writer.close()
    seconds = time.perf_counter() - t0
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": seconds, "pages": pages,
        "cpu_parent_s": cpu.ru_utime + cpu.ru_stime, "cpu_workers_s": ch.ru_utime + ch.ru_stime,
        "rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))
