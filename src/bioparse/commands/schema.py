"""``bioparse schema``: print the JSON Schema of the output records."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from ..schema import json_schema


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("schema", help="print the JSON Schema of the output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2) + b"\n")
    return 0
