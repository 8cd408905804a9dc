"""A one-line progress display on stderr, and the end-of-run summary.

The live line is drawn only on a terminal (carriage return, no dependency);
the summary is always printed so logs of batch runs say what happened.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO


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


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class Progress:
    """Redraws at most every ``interval`` seconds; silent unless ``enabled``."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, interval: float = 0.5):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.interval = interval
        self._last = 0.0
        self._drawn = False

    def update(self, c: Counters, bytes_read: int, total_bytes: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        secs = max(c.seconds, 1e-9)
        parts = [f"{c.pages} pages", f"{c.pages / secs:.0f} pages/s", f"{c.errors} errors", _size(bytes_read)]
        if total_bytes:
            frac = min(bytes_read / total_bytes, 1.0)
            parts[-1] += f" / {_size(total_bytes)} ({frac:.0%})"
            if frac > 0.01:
                parts.append(f"ETA {secs * (1 - frac) / frac:.0f} s")
        self.stream.write("\r" + ", ".join(parts) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def summary(c: Counters) -> str:
    """The line printed at the end of every run."""
    return (
        f"bioparse dump: {c.pages} pages read, {c.records} records written, "
        f"{c.people} people, {c.errors} errors, {c.seconds:.1f} s"
    )
