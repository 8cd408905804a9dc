"""Plain-bz2 dump runs around the raw page hand-off of ``bioparse dump`` (``bioparse.dump.rawsplit``).

``bioparse dump`` hands single-stream XML to its workers as raw ``<page>``
bytes (the reading process only decompresses and cuts; workers parse the
XML).  With ``--sequential`` this runs ``bioparse dump`` with the hand-off
switched off (the reading process parses the XML and ships ``Page`` objects,
as before the hand-off), to measure what it changes; prints what
``_measure.py`` prints.

With ``--person`` the raw chunks go through the same pool and writer, each
worker parsing with ``sections=False, references=False`` and writing only the
person record per page (what ``--fields person`` asks for).

Usage: python benchmarks/_raw_handoff.py INPUT OUT.jsonl WORKERS (--person | --sequential)
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


def sequential(inp: str, out: str, workers: int) -> None:
    """``bioparse dump`` with the raw hand-off switched off: the sequential reader, as before it."""
    from bioparse.cli import main
    from bioparse.dump import command

    command.iter_page_chunks = lambda *a, **k: None  # type: ignore[assignment]
    t0 = time.perf_counter()
    status = main(["dump", inp, "-o", out, "--workers", str(workers), "--quiet"])
    seconds = time.perf_counter() - t0
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "status": status, "seconds": seconds,
        "rss_parent_mb": cpu.ru_maxrss / 1024, "rss_worker_mb": ch.ru_maxrss / 1024,
        "cpu_parent_s": cpu.ru_utime + cpu.ru_stime, "cpu_workers_s": ch.ru_utime + ch.ru_stime,
    }))


if __name__ == "__main__":
    inp, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if "--sequential" in sys.argv[4:]:
        sequential(inp, out, workers)
        sys.exit(0)
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
