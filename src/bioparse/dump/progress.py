"""Progress on stderr, and the end-of-run summary.

On a terminal the live display is a tqdm bar (the one users know from pip
and most data tools): percentage, count/total, elapsed<ETA in h:mm:ss,
rate, pages and errors.  The total is ``--limit`` pages when given, else the
input bytes.  When stderr is not a terminal (a log file, CI, ``2>file``) and
progress was asked for, the same facts come as plain lines every
``interval`` seconds: no carriage return, no ANSI escapes.  The summary is
always printed so logs of batch runs say what happened.
"""

from __future__ import annotations

import io
import math
import os
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm


@dataclass
class Counters:
    pages: int = 0
    records: int = 0
    people: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def add(self, batch: Any) -> None:
        """Count one written batch (a :class:`bioparse.dump.process.BatchResult`)."""
        self.pages += batch.pages
        self.records += batch.records
        self.people += batch.people
        self.errors += batch.errors


def hms(seconds: float | None) -> str:
    """``h:mm:ss`` (``?`` when unknown), the ETA shape of tqdm and rich."""
    if seconds is None or math.isnan(seconds) or seconds < 0:
        return "?"
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def eta(done: float, total: float, seconds: float) -> float | None:
    """Seconds left at the mean rate so far; None before there is a rate or a total."""
    if not total or done <= 0 or seconds <= 0:
        return None
    return max(0.0, (total - done) * seconds / done)


@cache
def _bar_class() -> type[tqdm]:  # type: ignore[type-arg,unused-ignore]
    """tqdm with elapsed and ETA always as h:mm:ss (tqdm drops the hours below one).

    Built on first use: a run without a bar (``--quiet``, not a terminal) never imports tqdm.
    """
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[type-arg,misc,unused-ignore]
        @property
        def format_dict(self) -> dict[str, Any]:
            d: dict[str, Any] = super().format_dict
            d["elapsed_hms"] = hms(d["elapsed"])
            d["eta_hms"] = hms(eta(d["n"], d["total"] or 0, d["elapsed"]))
            return d

    return Bar


_BAR = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed_hms}<{eta_hms}, {rate_fmt}{postfix}]"


class Progress:
    """Live progress: a tqdm bar on a terminal, plain periodic lines elsewhere, or nothing."""

    def __init__(
        self,
        enabled: bool,
        stream: TextIO | None = None,
        *,
        total_pages: int | None = None,
        total_bytes: int = 0,
        terminal: bool | None = None,
        interval: float | None = None,
    ):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total_pages = total_pages
        self.total_bytes = total_bytes
        self.terminal = _isatty(self.stream) if terminal is None else terminal
        self.interval = interval if interval is not None else (0.5 if self.terminal else 10.0)
        self._last = time.monotonic()  # the first display comes one interval after the start
        self._bar: tqdm | None = None  # type: ignore[type-arg,unused-ignore]

    def _open_bar(self) -> tqdm:  # type: ignore[type-arg,unused-ignore]
        bar = _bar_class()
        bar.monitor_interval = 0  # no monitor thread: workers are forked after this
        by_pages = self.total_pages is not None
        return bar(
            total=self.total_pages if by_pages else (self.total_bytes or None),
            unit="page" if by_pages else "B",
            unit_scale=not by_pages,
            unit_divisor=1024,
            file=self.stream,
            bar_format=_BAR,
            desc="bioparse dump",
            mininterval=self.interval,
            ncols=_columns(self.stream),
            nrows=_rows(self.stream),
        )

    def update(self, c: Counters, bytes_read: int, total_bytes: int | None = None, force: bool = False) -> None:
        if not self.enabled:
            return
        if total_bytes is not None:
            self.total_bytes = total_bytes
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        if self.terminal:
            if self._bar is None:
                self._bar = self._open_bar()
                self._bar.start_t = self._bar._time() - c.seconds  # elapsed counts from the run's start
            self._bar.n = c.pages if self.total_pages is not None else bytes_read
            self._bar.set_postfix_str(f"{c.pages} pages, {c.errors} errors", refresh=False)
            self._bar.refresh()
            return
        self.stream.write(self.line(c, bytes_read) + "\n")
        self.stream.flush()

    def line(self, c: Counters, bytes_read: int) -> str:
        """One plain progress line: what was done, elapsed, rate and ETA, no control characters."""
        secs = c.seconds
        parts = [f"{c.pages} pages"]
        if self.total_pages is not None:
            parts[0] += f" / {self.total_pages} ({c.pages / max(self.total_pages, 1):.0%})"
            left = eta(c.pages, self.total_pages, secs)
        else:
            left = eta(bytes_read, self.total_bytes, secs)
        parts.append(f"{c.errors} errors")
        read = _size(bytes_read)
        if self.total_bytes and self.total_pages is None:
            read += f" / {_size(self.total_bytes)} ({min(bytes_read / self.total_bytes, 1.0):.0%})"
        parts.append(read)
        parts.append(f"{c.pages / max(secs, 1e-9):.0f} pages/s")
        parts.append(f"elapsed {hms(secs)}")
        parts.append(f"ETA {hms(left)}")
        return "bioparse dump: " + ", ".join(parts)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _columns(stream: TextIO) -> int:
    """The terminal's width; 100 when it reports none (a bare pty says 0, and tqdm would draw nothing)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or 100
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 100


def _rows(stream: TextIO) -> int:
    """The terminal's height; 24 when it reports none (tqdm hides a bar that does not fit in 0 rows)."""
    try:
        return os.get_terminal_size(stream.fileno()).lines or 24
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 24


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def summary(c: Counters) -> str:
    """The line printed at the end of every run."""
    return (
        f"bioparse dump: {c.pages} pages read, {c.records} records written, "
        f"{c.people} people, {c.errors} errors, {c.seconds:.1f} s"
    )
