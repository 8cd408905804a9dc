"""``bioparse export RECORDS... --to FORMAT -o OUT``: records to tables, Wikidata, QuickStatements, JSON-LD."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from typing import Any

from ..cli import quiet_stdout
from ..dump.command import Signals
from ..dump.output import OutputError, os_reason
from ..dump.pool import Stopped
from ..dump.process import clean
from . import FORMATS, RecordsError, export, iter_records, stdout_refused


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "export",
        help="export records (from parse/dump) to Parquet tables, Wikidata JSON, QuickStatements or JSON-LD",
        description=(
            "Read RECORDS written by 'bioparse parse' or 'bioparse dump' (JSON Lines, plain, .gz, .zst, "
            ".xz, .bz2, or Parquet; - for stdin; URLs with bioparse[remote]) and write them as FORMAT "
            "(see docs/etl.md)."
        ),
    )
    p.add_argument("records", nargs="+", metavar="RECORDS")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT",
        help="a directory for tables; otherwise - or a file named for the format (.jsonl for wikidata and "
        "jsonld, .txt for quickstatements; add .gz or .zst to compress)",
    )
    add_export_options(p, required=True)
    p.set_defaults(func=run)


def add_export_options(p: argparse.ArgumentParser, required: bool) -> None:
    """``--to`` and ``--sections`` (shared with ``bioparse dump --to``)."""
    p.add_argument(
        "--to",
        choices=FORMATS,
        required=required,
        help="tables: a directory of Parquet tables; wikidata: Wikibase JSON lines; "
        "quickstatements: QuickStatements v1; jsonld: schema.org Person lines",
    )
    p.add_argument("--sections", action="store_true", help="tables: also write sections.parquet (large)")


def run(args: argparse.Namespace) -> int:
    """Exit status: 0 done (or stdout's reader closed the pipe), 1 OUT could not be written, 2 an input
    cannot be read or is not records, or the options do not fit; 130/143 stopped by SIGINT/SIGTERM.
    In every case but 0, OUT is left as it was."""
    refused = stdout_refused(args.to, args.output)
    if refused:
        print(f"bioparse: {refused}", file=sys.stderr)
        return 2
    read = [0]
    with Signals() as signals:
        try:
            counts = export(_records(args.records, signals, read), args.to, args.output, sections=args.sections,
                            inputs=args.records)
        except OutputError as exc:
            print(f"bioparse: {exc}", file=sys.stderr)
            return 2
        except RecordsError as exc:
            print(f"bioparse: {exc}", file=sys.stderr)
            return 2
        except _ReadFailed as exc:
            print(f"bioparse: cannot read {exc.path}: {os_reason(exc.error)}", file=sys.stderr)
            return 2
        except Stopped:
            name = "SIGINT" if signals.received == signal.SIGINT else "SIGTERM"
            kept = "" if args.output == "-" else f"; {args.output} was not written (left as it was)"
            print(f"bioparse export: stopped by {name} after {read[0]} records{kept}; run the same command again",
                  file=sys.stderr)
            return 128 + (signals.received or signal.SIGINT)
        except BrokenPipeError:
            if args.output != "-":
                print(f"bioparse: cannot write {args.output}: broken pipe", file=sys.stderr)
                return 1
            quiet_stdout()
            return 0
        except (OSError, UnicodeEncodeError) as exc:  # what the input side raises is a _ReadFailed
            print(f"bioparse: cannot write {clean(args.output)}: {_write_reason(exc)}", file=sys.stderr)
            return 1
    print("bioparse export: " + ", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0


class _ReadFailed(Exception):
    """An OS error while reading an input (so that any other OS error is one of writing OUT)."""

    def __init__(self, path: str, error: OSError):
        super().__init__(path)
        self.path = clean(path)
        self.error = error


def _records(paths: list[str], signals: Signals, read: list[int]) -> Iterator[dict[str, Any]]:
    """The records of every input, counted in ``read[0]``; Stopped once a signal came (at once while
    waiting for input)."""
    for path in paths:
        try:
            for record in signals.read(iter_records([path])):
                read[0] += 1
                yield record
        except OSError as exc:
            raise _ReadFailed(path, exc) from None


def _write_reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeEncodeError):
        return "the path is not valid UTF-8, which the Parquet writer needs"
    return os_reason(exc)
