"""``bioparse dump INPUT... -o OUT``: every page of whole dumps to JSON Lines or Parquet.

Exit status: 0 when every input was read to its end (or stdout's reader
closed the pipe), 1 when an input broke off (truncated/corrupt/unsafe:
everything before the break is written) or OUT could not be written, 2 when
an input is missing or unreadable or the options cannot work together, 130
/ 143 when stopped by SIGINT / SIGTERM (what was complete is written).
"""

from __future__ import annotations

import argparse
import bz2
import os
import re
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from .output import (
    InputState,
    OutputError,
    ResumeError,
    Target,
    WriteError,
    check_not_input,
    drop_partial_line,
    input_of,
    open_target,
    os_reason,
    output_spec,
    resume_point,
)
from .pages import DumpError, Page
from .pool import STOP_CHECKS, Stopped, default_workers, ordered_map
from .process import BatchResult, clean, lost_batch, process_batch
from .progress import Counters, Progress, summary
from .rawsplit import PageChunk, chunk_pages, iter_page_chunks, process_chunk
from .sources import (
    FILE_FORMATS,
    ReadStats,
    StreamBlock,
    check_header,
    find_index,
    is_url,
    iter_pages,
    plan_blocks,
    read_block,
)
from .writers import JsonlWriter, ParquetWriter

T = TypeVar("T")

#: A batch is shipped to a worker when it reaches either bound.
BATCH_PAGES = 32
BATCH_BYTES = 2 << 20
#: A batch with no result after this long counts as a dead worker (retried once, then error records).
BATCH_TIMEOUT = 600.0


def _count(minimum: int) -> Any:
    """argparse type: an integer >= ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


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
    p.add_argument("--workers", type=_count(1), default=default_workers(), help="worker processes (default: usable CPUs)")
    p.add_argument("--people-only", action="store_true", help="write only pages about a person (and error records)")
    p.add_argument("--limit", type=_count(0), metavar="N", help="stop after N pages (0 writes an empty output)")
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
    """One unit of work for a worker: a batch of pages, a multistream block to read itself,
    or a chunk of raw ``<page>`` bytes to parse itself (single-stream XML)."""

    pages: list[Page] | None = None
    block: StreamBlock | None = None
    namespaces: set[int] | None = None
    #: Which INPUT (by position on the command line) the pages come from.
    input: int = 0
    chunk: PageChunk | None = None


def run_job(
    job: Job, *, people_only: bool, output: str, fields: frozenset[str] | None = None
) -> tuple[int, BatchResult]:
    """Worker entry point; a block that cannot be read comes back as ``failure``.

    A chunk whose XML breaks off comes back with the records of the pages
    before the break and the break as ``failure``, as the sequential reader
    would have written them.
    """
    if job.chunk is not None:
        return job.input, process_chunk(job.chunk, people_only=people_only, output=output, fields=fields)
    try:
        pages = _job_pages(job)
    except DumpError as exc:
        return job.input, BatchResult(failure=exc)
    return job.input, process_batch(pages, people_only=people_only, output=output, fields=fields)


def _job_pages(job: Job) -> list[Page]:
    if job.block is None:
        return job.pages or []
    with open(job.block.path, "rb") as fh:
        fh.seek(job.block.offset)
        magic = fh.read(3)
    if magic != b"BZh":
        raise DumpError(
            f"the multistream index does not match this dump: no bz2 stream starts at byte {job.block.offset} "
            "(a stale index, or one of another dump); remove or replace the index",
            job.block.path,
            job.block.offset,
        )
    return read_block(job.block, job.namespaces)


def lost_job(job: Job, reason: str, *, output: str) -> tuple[int, BatchResult]:
    """Error records for a batch whose worker died twice (a block or chunk is read here to name its pages)."""
    failure: DumpError | None = None
    if job.chunk is not None:
        pages, failure = chunk_pages(job.chunk)
    else:
        try:
            pages = _job_pages(job)
        except DumpError as exc:
            return job.input, BatchResult(failure=exc)
    message = f"not parsed: the worker process died twice on this batch ({reason})"
    result = lost_batch(pages, message, output=output)
    result.failure = failure
    return job.input, result


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
        if os.path.isfile(path) and _is_index(path):
            print(
                f"bioparse: {path} is a multistream index, not a dump: give the ...-multistream.xml.bz2 "
                "file it belongs to (the index beside it is used automatically)",
                file=sys.stderr,
            )
            return 2, None
    try:
        return 0, parse_namespaces(namespaces)
    except ValueError:
        print(f"bioparse: --namespaces expects numbers or 'all', got {namespaces!r}", file=sys.stderr)
        return 2, None


_INDEX_LINE = re.compile(rb"\d{1,20}:\d{1,20}:[^\n]")


def _is_index(path: str) -> bool:
    """Whether ``path`` holds ``offset:page_id:title`` lines (a multistream index), plain or .bz2."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
        if head[:3] == b"BZh":
            head = bz2.BZ2Decompressor().decompress(head, 256)
    except (OSError, ValueError, EOFError):
        return False
    return _INDEX_LINE.match(head) is not None


def iter_jobs(
    inputs: list[str],
    namespaces: set[int] | None,
    *,
    limit: int | None = None,
    resume_after: tuple[int | None, str, int] | None = None,
    stats: ReadStats | None = None,
    prefetch: bool = False,
) -> Iterator[Job]:
    """Batches of pages (or multistream blocks, or raw page chunks) across all inputs, in input order.

    ``resume_after`` is (input index or None, source, position) of the last
    page already written; pages up to it are skipped.  ``prefetch``
    decompresses a plain bz2 input in a background thread (for in-process
    runs, where this process also parses).
    """
    remaining = limit
    skipping = resume_after
    if remaining == 0:
        return
    for index, path in enumerate(inputs):
        if skipping is not None and skipping[0] is not None and index < skipping[0]:
            continue
        if remaining is None and skipping is None:
            planned = _blocks(path)
            if planned is not None:
                header, blocks = planned
                dbname = check_header(path, header)
                if stats is not None:
                    stats.bytes_read += header
                for block in blocks:
                    if stats is not None:
                        stats.bytes_read += block.length
                    block.dbname = dbname
                    yield Job(block=block, namespaces=namespaces, input=index)
                continue
            chunks = _raw_chunks(path, namespaces, stats, prefetch)
            if chunks is not None:
                for chunk in chunks:
                    yield Job(chunk=chunk, input=index)
                continue
        batch: list[Page] = []
        size = 0
        try:
            for page in iter_pages(path, namespaces=namespaces, stats=stats):
                if skipping is not None:
                    if (clean(page.source), page.position) == skipping[1:]:
                        skipping = None
                    continue
                batch.append(page)
                size += len(page.text)
                if remaining is not None:
                    remaining -= 1
                if len(batch) >= BATCH_PAGES or size >= BATCH_BYTES or remaining == 0:
                    yield Job(pages=batch, input=index)
                    batch, size = [], 0
                if remaining == 0:
                    return
        except (DumpError, OSError):
            if batch:  # what was read before the break is written
                yield Job(pages=batch, input=index)
            raise
        if batch:
            yield Job(pages=batch, input=index)
    if skipping is not None:
        raise ResumeError(f"cannot resume: page {skipping[2]} of {skipping[1]} is not in the inputs")


def _raw_chunks(
    path: str, namespaces: set[int] | None, stats: ReadStats | None, prefetch: bool = False
) -> Iterator[PageChunk] | None:
    """Raw page chunks of a single-stream XML file (the workers parse the XML), or None: read it sequentially.

    Files named as single pages (``.wiki``, ``.html``, ...), stdin and URLs
    are read sequentially, as is anything :func:`iter_page_chunks` declines.
    """
    if path == "-" or is_url(path) or not os.path.isfile(path):
        return None
    suffix = os.path.splitext(path)[1].lower()
    if FILE_FORMATS.get(suffix) is not None:
        return None
    before = stats.bytes_read if stats is not None else 0
    chunks = iter_page_chunks(path, namespaces=namespaces, stats=stats, prefetch=prefetch)
    if chunks is None and stats is not None:
        stats.bytes_read = before  # the sequential reader counts the same bytes again
    return chunks


def _blocks(path: str) -> tuple[int, list[StreamBlock]] | None:
    index = find_index(path) if os.path.isfile(path) else None
    if index is None:
        return None
    try:
        planned = plan_blocks(path, index)
        _check_block_starts(path, [planned[1][0].offset, planned[1][-1].offset])
        return planned
    except ValueError as exc:
        print(
            f"bioparse: ignoring index {index}: it does not match the dump ({exc}; a stale index, or one of "
            f"another dump); reading {path} sequentially",
            file=sys.stderr,
        )
        return None
    except (OSError, EOFError) as exc:
        print(f"bioparse: ignoring index {index}: {exc}; reading {path} sequentially", file=sys.stderr)
        return None


def _check_block_starts(path: str, offsets: list[int]) -> None:
    """A multistream index fits its dump only if bz2 streams start where it says (else: stale)."""
    with open(path, "rb") as fh:
        for offset in offsets:
            fh.seek(offset)
            if fh.read(3) != b"BZh":
                raise ValueError(f"no bz2 stream starts at byte {offset}")


def _resume_from(out: str, inputs: list[str]) -> tuple[int | None, str, int] | None:
    """Where to go on after the last complete record of ``out`` (unchanged when this raises ResumeError).

    ``OUT.resume`` names the input (full path, size, mtime) the last record
    came from; without it the record's source name must match one input only.
    """
    point = resume_point(out)
    if point.last is None:
        drop_partial_line(out, point)
        return None
    meta = point.last.get("meta") or {}
    if "source" not in meta or "position" not in meta:
        raise ResumeError(f"cannot resume: the last record of {out} has no source/position")
    source, position = str(meta["source"]), int(meta["position"])
    entry = input_of(out, point.last_start)
    index: int | None = None
    if entry is not None:
        states = [InputState.of(p) for p in inputs]
        matches = [i for i, st in enumerate(states) if st.path == entry.get("path")]
        if not matches:
            raise ResumeError(f"cannot resume: the last record of {out} came from {entry.get('path')}, not an input now")
        index = matches[0]
        st = states[index]
        if (st.size, st.mtime_ns) != (entry.get("size"), entry.get("mtime_ns")):
            raise ResumeError(
                f"cannot resume: {inputs[index]} changed since the interrupted run (size or modification time); "
                "run again without --resume"
            )
    else:
        names = [clean(os.path.basename(os.path.normpath(p))) for p in inputs]
        if len(set(names)) != len(names):
            raise ResumeError(
                f"cannot resume: {out}.resume is missing and several inputs share a file name; run again without --resume"
            )
    drop_partial_line(out, point)
    print(f"bioparse: resuming after {point.records} records", file=sys.stderr)
    return index, source, position


class Signals:
    """SIGINT/SIGTERM ask the run to stop after the batch in hand; a second one stops it now.

    While the run waits for input (:meth:`reading`: a pipe or a URL that has gone quiet) there is
    no batch in hand to finish, so a signal stops it at once: it raises Stopped there.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self._old: dict[int, Any] = {}
        self._reading = False

    def __enter__(self) -> Signals:
        STOP_CHECKS.append(self.stop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:  # not the main thread (an embedding program): its handlers stay
                break
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.received is not None:
            raise KeyboardInterrupt
        self.received = signum
        if self._reading:
            self._reading = False
            raise Stopped

    def __exit__(self, *exc: object) -> None:
        STOP_CHECKS.remove(self.stop)
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def stop(self) -> bool:
        return self.received is not None

    def read(self, items: Iterator[T]) -> Iterator[T]:
        """``items``, with the wait for each one interruptible (see the class)."""
        while True:
            if self.received is not None:
                raise Stopped
            self._reading = True
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                self._reading = False
            yield item


def _quiet_stdout() -> None:
    """After the reader closed stdout: send what Python still flushes at exit nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(args: argparse.Namespace) -> int:
    status, namespaces = check_inputs(args.inputs, args.namespaces, streams=True)
    if status:
        return status
    if getattr(args, "to", None):
        return _run_export(args, namespaces)
    out = args.output
    to_stdout = out == "-"
    try:
        fmt, compression = ("jsonl", None) if to_stdout and not args.output_format else output_spec(out, args.output_format)
        if to_stdout and fmt == "parquet":
            raise OutputError("Parquet cannot be written to stdout")
        if getattr(args, "sparse", False) and fmt != "jsonl":
            raise OutputError("--sparse applies to JSON Lines output only")
        if args.resume and (fmt != "jsonl" or to_stdout or compression):
            raise OutputError("--resume needs a plain JSON Lines output file")
        if not to_stdout:
            check_not_input(out, args.inputs)
    except OutputError as exc:
        print(f"bioparse: {exc}", file=sys.stderr)
        return 2

    target: Target | None = None
    resume_after = None
    try:
        if not to_stdout:
            target = open_target(out, args.inputs, resume=args.resume, keep_state=fmt == "jsonl" and not compression)
            if target is not None and target.adopted is not None:
                print(f"bioparse: taking up {clean(target.adopted)}, left by a run of {out} that was killed",
                      file=sys.stderr)
            if args.resume:
                resume_after = _resume_from(out, args.inputs)
    except (OutputError, ResumeError, OSError) as exc:
        if target is not None:
            target.fh.close()
            target.abort()
        reason = f"cannot resume from {out}: {os_reason(exc)}" if isinstance(exc, OSError) else str(exc)
        print(f"bioparse: {reason}", file=sys.stderr)
        return 2

    writer: JsonlWriter | ParquetWriter
    if target is None:
        if sys.stdout is None:  # started with stdout closed (>&-)
            print("bioparse: cannot write -: stdout is closed", file=sys.stderr)
            return 2
        writer = JsonlWriter(sys.stdout.buffer, close=False)
    elif fmt == "parquet":
        writer = ParquetWriter(target.fh)
    else:
        offset = os.path.getsize(out) if target.temp is None else 0
        writer = JsonlWriter(target.fh, compression=compression, offset=offset)

    counters = Counters()
    stats = ReadStats(total_bytes=sum(_size(p) for p in args.inputs))
    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = Progress(enabled=show, total_pages=args.limit, total_bytes=stats.total_bytes)
    jobs = iter_jobs(args.inputs, namespaces, limit=args.limit, resume_after=resume_after, stats=stats,
                     prefetch=args.workers <= 1)
    with Signals() as signals:
        results = ordered_map(
            partial(run_job, people_only=args.people_only, output=_worker_output(args, fmt), fields=getattr(args, "fields", None)),
            signals.read(jobs),
            args.workers,
            timeout=BATCH_TIMEOUT,
            on_lost=partial(lost_job, output=_worker_output(args, fmt)),
            should_stop=signals.stop,
        )
        # A run cut short by --limit keeps OUT.resume, so --resume can go on from there.
        status, closed = _drive(results, writer, target, out, counters, progress, stats, partial_run=args.limit is not None)
        # The summary is printed with the handlers still in place: a Ctrl-C that lands now is
        # reported as a stop, not raised half-way through the summary.
        progress.update(counters, stats.bytes_read, stats.total_bytes, force=True)
        progress.finish()
        print(summary(counters), file=sys.stderr)
        interrupted = signals.received
    if interrupted is not None:
        name = "SIGINT" if interrupted == signal.SIGINT else "SIGTERM"
        if target is not None and status != 1:
            hint = "run the same command with --resume to continue" if fmt == "jsonl" and not compression else "run again to finish"
            print(f"bioparse: stopped by {name}: {out} holds the {counters.records} records completed; {hint}", file=sys.stderr)
        else:
            print(f"bioparse: stopped by {name}", file=sys.stderr)
        return 128 + interrupted if status != 1 else 1
    if closed:
        _quiet_stdout()
    return status


def _drive(
    results: Iterator[tuple[int, BatchResult]],
    writer: JsonlWriter | ParquetWriter,
    target: Target | None,
    out: str,
    counters: Counters,
    progress: Progress,
    stats: ReadStats,
    *,
    partial_run: bool = False,
) -> tuple[int, bool]:
    """Write results as they come; (exit status, stdout closed by its reader).

    Every failure ends here as one line on stderr; the output is committed
    (renamed into place) unless writing it failed, in which case OUT is left
    as it was before the run.
    """
    status, closed, write_failed, stopped = 0, False, False, False
    try:
        for index, result in results:
            if result.failure is not None and not result.pages:
                raise result.failure
            try:
                if target is not None:
                    target.input_started(index, writer.offset)
                writer.write(result)
            except OSError as exc:
                if target is None and isinstance(exc, BrokenPipeError):
                    raise
                raise WriteError(out, exc) from None
            counters.add(result)
            progress.update(counters, stats.bytes_read)
            if result.failure is not None:  # the pages before a break in a chunk are written first
                raise result.failure
    except Stopped:
        stopped = True
    except DumpError as exc:
        progress.finish()
        print(f"bioparse: error: {exc}", file=sys.stderr)
        status = 1
    except ResumeError as exc:
        progress.finish()
        print(f"bioparse: {exc}", file=sys.stderr)
        status = 2
    except WriteError as exc:
        progress.finish()
        print(f"bioparse: {exc}", file=sys.stderr)
        status, write_failed = 1, True
    except BrokenPipeError:
        closed = True
    except OSError as exc:
        progress.finish()
        name = clean(os.fsdecode(exc.filename)) if exc.filename is not None else "input"
        print(f"bioparse: cannot read {name}: {os_reason(exc)}", file=sys.stderr)
        status = 2
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    if not closed:
        try:
            writer.close()
        except BrokenPipeError:
            closed = target is None
        except OSError as exc:
            if not write_failed:
                print(f"bioparse: {WriteError(out, exc)}", file=sys.stderr)
            status, write_failed = 1, True
    if target is not None:
        try:
            if write_failed:
                _undo(target, writer)
            else:
                target.commit(complete=status == 0 and not stopped and not partial_run)
        except OSError as exc:
            print(f"bioparse: {WriteError(out, exc)}", file=sys.stderr)
            status = 1
    return status, closed


def _undo(target: Target, writer: JsonlWriter | ParquetWriter) -> None:
    """After a failed write: drop the temporary file, or cut an appended OUT back to its last whole batch."""
    if target.temp is None and target.lock_fd is not None and isinstance(writer, JsonlWriter):
        try:
            os.truncate(target.path, writer.offset)
        except OSError:
            pass
    target.abort()


def _run_export(args: argparse.Namespace, namespaces: set[int] | None) -> int:
    """``dump --to FORMAT``: records go straight to an export sink (see :mod:`bioparse.export`)."""
    import orjson

    from ..export import open_sink, stdout_refused

    if args.resume or args.output_format:
        print("bioparse: --to cannot be combined with --resume or --output-format", file=sys.stderr)
        return 2
    refused = stdout_refused(args.to, args.output)
    if refused:
        print(f"bioparse: {refused}", file=sys.stderr)
        return 2
    try:
        sink = open_sink(args.to, args.output, sections=args.sections, inputs=args.inputs)
    except OutputError as exc:
        print(f"bioparse: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"bioparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2

    counters = Counters()
    stats = ReadStats(total_bytes=sum(_size(p) for p in args.inputs))
    progress = Progress(enabled=sys.stderr.isatty() if args.progress is None else args.progress,
                        total_pages=args.limit, total_bytes=stats.total_bytes)
    jobs = iter_jobs(args.inputs, namespaces, limit=args.limit, stats=stats)
    worker = partial(run_job, people_only=args.people_only, output="jsonl", fields=args.fields)
    status = 0
    # The export is put in place only when every record was written.  As with JSON Lines output, a
    # dump that breaks off or an input that cannot be read keeps the records of the pages before it;
    # a failure to write, or a signal, leaves OUT as it was.
    written = False
    with Signals() as signals:
        results = ordered_map(worker, signals.read(jobs), args.workers, timeout=BATCH_TIMEOUT, on_lost=partial(lost_job, output="jsonl"),
                              should_stop=signals.stop)
        try:
            for _index, result in results:
                try:
                    for line in result.lines:
                        sink.write(orjson.loads(line))
                except OSError as exc:
                    raise WriteError(args.output, exc) from exc
                counters.add(result)
                progress.update(counters, stats.bytes_read, stats.total_bytes)
                if result.failure is not None:  # after the records of the pages before the break
                    raise result.failure
            written = True
        except Stopped:
            pass
        except DumpError as exc:
            print(f"bioparse: error: {exc}", file=sys.stderr)
            status, written = 1, True
        except WriteError as exc:
            if args.output == "-" and isinstance(exc.__cause__, BrokenPipeError):
                _quiet_stdout()  # the reader has what it wanted (``| head``): a quiet end
            else:
                print(f"bioparse: {exc}", file=sys.stderr)
                status = 1
        except OSError as exc:
            name = clean(os.fsdecode(exc.filename)) if exc.filename is not None else "input"
            print(f"bioparse: cannot read {name}: {os_reason(exc)}", file=sys.stderr)
            status, written = 2, True
        finally:
            results.close()  # type: ignore[attr-defined]  # a generator: stops and reaps the workers
            progress.update(counters, stats.bytes_read, stats.total_bytes, force=True)
            progress.finish()
        try:
            sink.finish(written)
        except BrokenPipeError:
            _quiet_stdout()
        except (OSError, UnicodeEncodeError) as exc:
            reason = "the path is not valid UTF-8" if isinstance(exc, UnicodeEncodeError) else os_reason(exc)
            print(f"bioparse: cannot write {clean(args.output)}: {reason}", file=sys.stderr)
            status = 1
        print(summary(counters) + f"; exported --to {args.to}: " + ", ".join(f"{n} {k}" for k, n in sink.counts.items()),
              file=sys.stderr)
        interrupted = signals.received
    if interrupted is not None:
        name = "SIGINT" if interrupted == signal.SIGINT else "SIGTERM"
        kept = "" if args.output == "-" else f": {args.output} was not written (left as it was); run the same command again"
        print(f"bioparse: stopped by {name}{kept}", file=sys.stderr)
        return 128 + interrupted
    return status


def _size(path: str) -> int:
    """Bytes of an input (a directory's files summed); what cannot be measured counts 0."""
    if path == "-" or is_url(path):
        return 0  # unknown: progress shows no percentage
    try:
        if os.path.isdir(path):
            total = 0
            for dirpath, _dirs, files in os.walk(path):
                for f in files:
                    try:
                        total += os.path.getsize(os.path.join(dirpath, f))
                    except OSError:
                        pass
            return total
        return os.path.getsize(path)
    except OSError:
        return 0
