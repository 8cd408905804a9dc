"""The ``bioparse`` command line.

Sub-commands live in their own modules, each exposing ``register(subparsers)``
which adds its parser and sets ``func``; this module only wires them up.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence

#: Modules providing sub-commands, in help order.
COMMANDS = (
    "bioparse.commands.parse",
    "bioparse.commands.schema",
    "bioparse.dump.command",
    "bioparse.export.command",
    "bioparse.spark.command",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bioparse",
        description="Turn Wikipedia biographies (plain text, wikitext, HTML, dumps) into typed JSON records.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"bioparse {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # an optional command that is not part of this build
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    """The ``bioparse`` command: ``main``, then an exit that a late Ctrl-C cannot turn into a traceback.

    Once the command has returned, what is left is the interpreter's own shutdown (the worker pool's
    exit handlers among it); a SIGINT or SIGTERM landing there would end the process by the signal
    instead of the status the command reported, so both are ignored from that point on.
    """
    status = main()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
    sys.exit(status)


if __name__ == "__main__":
    entry()
