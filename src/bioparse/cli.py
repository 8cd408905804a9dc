"""The ``bioparse`` command line.

Sub-commands live in their own modules, each exposing ``register(subparsers)``
which adds its parser and sets ``func``; this module only wires them up.
"""

from __future__ import annotations

import argparse
import importlib
import os
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


class _Version(argparse.Action):
    """``--version``: the version and which build runs (pure Python or compiled), looked up only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from . import __version__
        from .build import describe

        print(f"bioparse {__version__} ({describe()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bioparse",
        description="Turn Wikipedia biographies (plain text, wikitext, HTML, dumps) into typed JSON records.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and the build, then exit")
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
    try:
        parser = build_parser()  # imports every command: a Ctrl-C here is a stop, not a traceback
    except KeyboardInterrupt:
        return 130
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    if sys.stdout is None and getattr(args, "output", "-") == "-":  # started with stdout closed (>&-)
        print("bioparse: cannot write -: stdout is closed", file=sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        quiet_stdout()
        return 0
    except OSError as exc:  # a last resort: the commands name the file themselves
        name = os.fsdecode(exc.filename) if exc.filename is not None else "-"
        print(f"bioparse: cannot write {name}: {_reason(exc)}", file=sys.stderr)
        return 1


def _reason(exc: OSError) -> str:
    from .dump.output import os_reason

    return os_reason(exc)


def quiet_stdout() -> None:
    """After stdout's reader went away (``| head``): what Python still flushes at exit goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout() -> int:
    """Flush stdout before the interpreter does (it would print "Exception ignored" and exit 120):
    0, or 1 with one line when the last write fails (``> /dev/full``)."""
    if sys.stdout is None:
        return 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
    except OSError as exc:
        print(f"bioparse: cannot write -: {_reason(exc)}", file=sys.stderr)
        quiet_stdout()
        return 1
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
    sys.exit(_flush_stdout() or status)


if __name__ == "__main__":
    entry()
