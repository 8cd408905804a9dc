"""``bioparse parse PATH...``: one JSON record per input, as JSON Lines on stdout.

Exit status: 0 when every input gave a record (or stdout's reader closed the
pipe early, as ``| head`` does), 2 when an input could not be read or is not
text (a compressed dump, an image): one line on stderr names it, the other
inputs are still parsed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..api import parse, parse_file
from ..fields import parse_fields
from ..jsonio import dumps
from ..textio import binary_kind, decode_bytes


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "parse",
        help="parse article files (text, wikitext, HTML, Enterprise JSON) to JSON Lines",
        description="Parse each PATH (or - for stdin) and write one JSON object per input.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to parse; - reads stdin")
    p.add_argument(
        "--format",
        choices=("auto", "text", "wikitext", "html"),
        default="auto",
        help="input format (default: detected from the content)",
    )
    p.add_argument("--title", help="article title, when the input does not carry one")
    p.add_argument(
        "--wiki",
        metavar="WIKI",
        help="the wiki the input comes from (ruwiki, or ru) when the page does not say: dates follow its rules",
    )
    p.add_argument("--pretty", action="store_true", help="indent the JSON (one object spans lines)")
    add_fields_option(p)
    add_sparse_option(p)
    p.set_defaults(func=run)


def add_sparse_option(p: argparse.ArgumentParser) -> None:
    """``--sparse`` (shared with ``bioparse dump``)."""
    p.add_argument(
        "--sparse",
        action="store_true",
        help="leave out null, [] and {} fields (reading back fills them in): JSON Lines that "
        "pyarrow.json.read_json and DuckDB read_json load as is",
    )


def add_fields_option(p: argparse.ArgumentParser) -> None:
    """``--fields`` (shared with ``bioparse dump``)."""
    p.add_argument(
        "--fields",
        type=_fields,
        metavar="LIST",
        help="write only these parts (comma-separated): person (with its offices), infobox, sections, "
        "references, categories, or all (default); left-out parts are empty and listed in 'omitted'",
    )


def _fields(value: str) -> frozenset[str]:
    try:
        return parse_fields(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader has what it wanted (``| head``); what Python flushes at exit goes nowhere.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    status = 0
    for path in args.paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                kind = binary_kind(data)
            else:
                with open(path, "rb") as fh:
                    kind = binary_kind(fh.read(8192))
            if kind is not None:
                hint = "; bioparse dump reads dumps" if "compressed" in kind else ""
                print(f"bioparse: cannot parse {path}: it is {kind}, not an article{hint}", file=sys.stderr)
                status = 2
                continue
            if path == "-":
                text, warnings = decode_bytes(data)
                article = parse(text, format=args.format, title=args.title, fields=args.fields, wiki=args.wiki)
                article.warnings[:0] = warnings
            else:
                article = parse_file(path, format=args.format, title=args.title, fields=args.fields, wiki=args.wiki)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(f"bioparse: cannot read {path}: {reason[:1].lower() + reason[1:]}", file=sys.stderr)
            status = 2
            continue
        try:
            out.write(dumps(article, pretty=args.pretty, sparse=args.sparse) + b"\n")
            out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk behind ``> file``, /dev/full
            from ..dump.output import os_reason

            print(f"bioparse: cannot write -: {os_reason(exc)}", file=sys.stderr)
            return 1
    return status
