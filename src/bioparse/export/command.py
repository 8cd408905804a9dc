"""``bioparse export RECORDS... --to FORMAT -o OUT``: records to tables, Wikidata, QuickStatements, JSON-LD."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..dump.output import OutputError
from . import FORMATS, RecordsError, export, iter_records


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
    if args.to == "tables" and args.output == "-":
        print("bioparse: --to tables writes a directory; give -o DIR", file=sys.stderr)
        return 2
    try:
        counts = export(iter_records(args.records), args.to, args.output, sections=args.sections, inputs=args.records)
    except OutputError as exc:
        print(f"bioparse: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"bioparse: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except RecordsError as exc:
        print(f"bioparse: {exc}", file=sys.stderr)
        return 2
    print("bioparse export: " + ", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0
