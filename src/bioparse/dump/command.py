"""``bioparse dump INPUT... -o OUT``: every page of whole dumps to JSON Lines or Parquet.

Exit status: 0 when every input was read to its end, 1 when an input broke
off (truncated/corrupt/unsafe: everything before the break is written), 2
when an input is missing or unreadable or the options cannot work together.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from .pages import DumpError, Page
from .pool import default_workers, ordered_map
from .process import BatchResult, process_batch
from .progress import Counters, Progress, summary
from .sources import ReadStats, StreamBlock, check_header, find_index, is_url, iter_pages, plan_blocks, read_block
from .writers import JsonlWriter, ParquetWriter, output_format_for, resume_point

#: A batch is shipped to a worker when it reaches either bound.
BATCH_PAGES = 32
BATCH_BYTES = 2 << 20


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "dump",
        help="parse whole dumps (XML exports, multistream, Enterprise NDJSON, directories)",
        description=(
            "Read every page of each INPUT (MediaWiki XML export, plain/.bz2/.gz, multistream "
            "with or without its index, Enterprise .ndjson/.ndjson.gz/.tar.gz, or a directory) and "
            "write one record per page to OUT."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file; - writes JSON Lines to stdout")
    p.add_argument("--output-format", choices=("jsonl", "parquet"), help="default: from OUT's suffix")
    p.add_argument("--workers", type=int, default=default_workers(), help="worker processes (default: CPU count)")
    p.add_argument("--people-only", action="store_true", help="write only pages about a person (and error records)")
    p.add_argument("--limit", type=int, metavar="N", help="stop after N pages")
    p.add_argument(
        "--namespaces",
        default="0",
        help="comma-separated namespace numbers to keep, or 'all' (default: 0, articles)",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show progress")
    group.add_argument("--quiet", dest="progress", action="store_false", help="never show progress")
    p.add_argument("--resume", action="store_true", help="continue an interrupted JSON Lines run from OUT")
    _add_export_and_fields(p)
    p.set_defaults(func=run)


def _add_export_and_fields(p: Any) -> None:
    """``--fields``/``--sparse`` (as on ``parse``) and ``--to FORMAT`` (as ``bioparse export``, in one step)."""
    from ..commands.parse import add_fields_option, add_sparse_option
    from ..export.command import add_export_options

    add_fields_option(p)
    add_sparse_option(p)
    add_export_options(p, required=False)


def _worker_output(args: argparse.Namespace, fmt: str) -> str:
    """What the workers serialise: "parquet", "jsonl", or "jsonl-sparse" with ``--sparse``."""
    return "jsonl-sparse" if fmt == "jsonl" and getattr(args, "sparse", False) else fmt


@dataclass
class Job:
    """One unit of work for a worker: a batch of pages, or a multistream block to read itself."""

    pages: list[Page] | None = None
    block: StreamBlock | None = None
    namespaces: set[int] | None = None


def run_job(
    job: Job, *, people_only: bool, output: str, fields: frozenset[str] | None = None
) -> BatchResult:
    """Worker entry point; a block that cannot be read comes back as ``failure``."""
    pages = job.pages or []
    if job.block is not None:
        try:
            pages = read_block(job.block, job.namespaces)
        except DumpError as exc:
            return BatchResult(failure=exc)
    return process_batch(pages, people_only=people_only, output=output, fields=fields)


class ResumeError(Exception):
    pass


def parse_namespaces(value: str) -> set[int] | None:
    """``--namespaces``: "0,14" -> {0, 14}; "all" -> None (every namespace)."""
    if value.strip().lower() in ("all", "*", ""):
        return None
    return {int(v) for v in value.split(",") if v.strip()}


def check_inputs(paths: list[str], namespaces: str, streams: bool = False) -> tuple[int, set[int] | None]:
    """Refuse missing or unreadable inputs and bad ``--namespaces`` up front.

    Returns (exit status, namespaces): status 2 with the reason on stderr, or 0.
    Shared by ``dump`` and ``spark-dump`` so both fail the same way; with
    ``streams`` (``dump``), ``-`` (stdin, once) and URLs (fsspec) are inputs too.
    """
    if streams and paths.count("-") > 1:
        print("bioparse: stdin (-) can be read only once", file=sys.stderr)
        return 2, None
    for path in paths:
        if streams and (path == "-" or is_url(path)):
            continue
        if not os.path.exists(path):
            print(f"bioparse: cannot read {path}: no such file or directory", file=sys.stderr)
            return 2, None
        if not os.access(path, os.R_OK):
            print(f"bioparse: cannot read {path}: permission denied", file=sys.stderr)
            return 2, None
    try:
        return 0, parse_namespaces(namespaces)
    except ValueError:
        print(f"bioparse: --namespaces expects numbers or 'all', got {namespaces!r}", file=sys.stderr)
        return 2, None


def iter_jobs(
    inputs: list[str],
    namespaces: set[int] | None,
    *,
    limit: int | None = None,
    resume_after: tuple[str, int] | None = None,
    stats: ReadStats | None = None,
) -> Iterator[Job]:
    """Batches of pages (or multistream blocks) across all inputs, in input order."""
    remaining = limit
    skipping = resume_after
    for path in inputs:
        if remaining is None and skipping is None:
            planned = _blocks(path)
            if planned is not None:
                header, blocks = planned
                wiki = check_header(path, header)
                if stats is not None:
                    stats.bytes_read += header
                for block in blocks:
                    block.wiki = wiki
                    if stats is not None:
                        stats.bytes_read += block.length
                    yield Job(block=block, namespaces=namespaces)
                continue
        batch: list[Page] = []
        size = 0
        try:
            for page in iter_pages(path, namespaces=namespaces, stats=stats):
                if skipping is not None:
                    if (page.source, page.position) == skipping:
                        skipping = None
                    continue
                batch.append(page)
                size += len(page.text)
                if remaining is not None:
                    remaining -= 1
                if len(batch) >= BATCH_PAGES or size >= BATCH_BYTES or remaining == 0:
                    yield Job(pages=batch)
                    batch, size = [], 0
                if remaining == 0:
                    return
        except DumpError:
            if batch:
                yield Job(pages=batch)
            raise
        if batch:
            yield Job(pages=batch)
    if skipping is not None:
        raise ResumeError(f"cannot resume: page {skipping[1]} of {skipping[0]} is not in the inputs")


def _blocks(path: str) -> tuple[int, list[StreamBlock]] | None:
    index = find_index(path) if os.path.isfile(path) else None
    if index is None:
        return None
    try:
        return plan_blocks(path, index)
    except (OSError, ValueError, EOFError) as exc:
        print(f"bioparse: ignoring index {index}: {exc}; reading {path} sequentially", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    status, namespaces = check_inputs(args.inputs, args.namespaces, streams=True)
    if status:
        return status
    if getattr(args, "to", None):
        return _run_export(args, namespaces)
    to_stdout = args.output == "-"
    fmt = "jsonl" if to_stdout and not args.output_format else output_format_for(args.output, args.output_format)
    if to_stdout and fmt == "parquet":
        print("bioparse: Parquet cannot be written to stdout", file=sys.stderr)
        return 2
    if getattr(args, "sparse", False) and fmt != "jsonl":
        print("bioparse: --sparse applies to JSON Lines output only", file=sys.stderr)
        return 2
    if args.resume and (fmt != "jsonl" or to_stdout):
        print("bioparse: --resume needs a JSON Lines output file", file=sys.stderr)
        return 2

    counters = Counters()
    resume_after = None
    if args.resume:
        try:
            count, last = resume_point(args.output)
        except (OSError, ValueError) as exc:
            print(f"bioparse: cannot resume from {args.output}: {exc}", file=sys.stderr)
            return 2
        if last is not None:
            meta = last.get("meta") or {}
            if "source" not in meta or "position" not in meta:
                print(f"bioparse: cannot resume: last record of {args.output} has no source/position", file=sys.stderr)
                return 2
            resume_after = (meta["source"], int(meta["position"]))
            print(f"bioparse: resuming after {count} records", file=sys.stderr)

    writer: JsonlWriter | ParquetWriter
    try:
        if to_stdout:
            writer = JsonlWriter(sys.stdout.buffer, close=False)
        elif fmt == "parquet":
            writer = ParquetWriter(args.output)
        else:
            writer = JsonlWriter(open(args.output, "ab" if args.resume else "wb"))
    except OSError as exc:
        print(f"bioparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2

    stats = ReadStats(total_bytes=sum(_size(p) for p in args.inputs))
    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = Progress(enabled=show)
    jobs = iter_jobs(args.inputs, namespaces, limit=args.limit, resume_after=resume_after, stats=stats)
    worker = partial(run_job, people_only=args.people_only, output=_worker_output(args, fmt),
                     fields=getattr(args, "fields", None))
    status = 0
    try:
        for result in ordered_map(worker, jobs, max(1, args.workers)):
            if result.failure is not None:
                raise result.failure
            writer.write(result)
            counters.pages += result.pages
            counters.records += result.records
            counters.people += result.people
            counters.errors += result.errors
            progress.update(counters, stats.bytes_read, stats.total_bytes)
    except DumpError as exc:
        progress.finish()
        print(f"bioparse: error: {exc}", file=sys.stderr)
        status = 1
    except ResumeError as exc:
        progress.finish()
        print(f"bioparse: {exc}", file=sys.stderr)
        status = 2
    except OSError as exc:
        progress.finish()
        print(f"bioparse: cannot read input: {exc}", file=sys.stderr)
        status = 2
    finally:
        writer.close()
    progress.update(counters, stats.bytes_read, stats.total_bytes, force=True)
    progress.finish()
    print(summary(counters), file=sys.stderr)
    return status


def _run_export(args: argparse.Namespace, namespaces: set[int] | None) -> int:
    """``dump --to FORMAT``: records go straight to an export sink (see :mod:`bioparse.export`)."""
    import orjson

    from ..export import open_sink

    if args.resume or args.output_format:
        print("bioparse: --to cannot be combined with --resume or --output-format", file=sys.stderr)
        return 2
    if args.to == "tables" and args.output == "-":
        print("bioparse: --to tables writes a directory; give -o DIR", file=sys.stderr)
        return 2
    try:
        sink = open_sink(args.to, args.output, sections=args.sections)
    except OSError as exc:
        print(f"bioparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2

    counters = Counters()
    stats = ReadStats(total_bytes=sum(_size(p) for p in args.inputs))
    progress = Progress(enabled=sys.stderr.isatty() if args.progress is None else args.progress)
    jobs = iter_jobs(args.inputs, namespaces, limit=args.limit, stats=stats)
    worker = partial(run_job, people_only=args.people_only, output="jsonl", fields=args.fields)
    status = 0
    try:
        for result in ordered_map(worker, jobs, max(1, args.workers)):
            if result.failure is not None:
                raise result.failure
            for line in result.lines:
                sink.write(orjson.loads(line))
            counters.pages += result.pages
            counters.records += result.records
            counters.people += result.people
            counters.errors += result.errors
            progress.update(counters, stats.bytes_read, stats.total_bytes)
    except DumpError as exc:
        print(f"bioparse: error: {exc}", file=sys.stderr)
        status = 1
    except OSError as exc:
        print(f"bioparse: cannot read input: {exc}", file=sys.stderr)
        status = 2
    finally:
        progress.finish()
        sink.close()
    print(summary(counters) + f"; exported --to {args.to}: " + ", ".join(f"{n} {k}" for k, n in sink.counts.items()),
          file=sys.stderr)
    return status


def _size(path: str) -> int:
    if path == "-" or is_url(path):
        return 0  # unknown: progress shows no percentage
    if os.path.isdir(path):
        total = 0
        for dirpath, _dirs, files in os.walk(path):
            total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
        return total
    return os.path.getsize(path)
