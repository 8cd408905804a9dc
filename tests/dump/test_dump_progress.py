"""Progress: a tqdm bar on a terminal, plain periodic lines elsewhere, h:mm:ss elapsed and ETA."""

from __future__ import annotations

import io
import re
import sys
import time

import pytest

from bioparse.dump.progress import Counters, Progress, eta, hms


def test_hms() -> None:
    assert hms(0) == "0:00:00"
    assert hms(59.6) == "0:01:00"
    assert hms(3725) == "1:02:05"
    assert hms(None) == "?"


def test_eta_is_the_mean_rate_so_far() -> None:
    assert eta(25, 100, 10.0) == 30.0  # a quarter in 10 s: 30 s to go
    assert eta(0, 100, 10.0) is None
    assert eta(5, 0, 10.0) is None


def _counters(pages: int, seconds: float) -> Counters:
    c = Counters(pages=pages, errors=1)
    c.started = time.monotonic() - seconds
    return c


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(True, stream, total_bytes=4096, terminal=False, interval=0)
    progress.update(_counters(10, 60), 1024)
    progress.update(_counters(20, 120), 2048)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()
    assert "20 pages" in lines[1] and "1 errors" in lines[1]
    assert "elapsed 0:02:00" in lines[1] and "ETA 0:02:00" in lines[1]  # half the bytes in 2 min


def test_limit_is_the_total() -> None:
    stream = io.StringIO()
    progress = Progress(True, stream, total_pages=400, total_bytes=10**9, terminal=False, interval=0)
    progress.update(_counters(100, 30), 5)
    line = stream.getvalue()
    assert "100 pages / 400 (25%)" in line and "ETA 0:01:30" in line


def test_lines_are_spaced_by_the_interval() -> None:
    stream = io.StringIO()
    progress = Progress(True, stream, total_bytes=100, terminal=False, interval=3600)
    for i in range(50):
        progress.update(_counters(i, 1), i)
    assert stream.getvalue() == ""  # the first line comes one interval after the start
    progress.update(_counters(50, 1), 50, force=True)
    assert len(stream.getvalue().splitlines()) == 1


def test_terminal_gets_a_tqdm_bar() -> None:
    stream = io.StringIO()
    progress = Progress(True, stream, total_pages=400, terminal=True, interval=0)
    progress.update(_counters(100, 30), 5)
    progress.finish()
    text = stream.getvalue()
    assert "\r" in text  # redrawn in place
    assert re.search(r"25%\|.*\| 100/400 \[0:00:\d\d<0:01:\d\d", text), text
    assert "100 pages, 1 errors" in text


def test_disabled_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(False, stream, terminal=True, interval=0)
    progress.update(_counters(1, 1), 1)
    progress.finish()
    assert stream.getvalue() == ""


def test_a_real_terminal_shows_the_bar() -> None:
    """``bioparse dump`` with stderr on a pseudo-terminal (100 columns) draws the tqdm bar in place."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    dump = root / "fixtures" / "dumps" / "enwiki-table-markup.xml.bz2"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bioparse.cli", "dump", str(dump), "-o", "-", "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=slave, env=env,
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            seen += data
        elif proc.poll() is not None:
            break
    proc.kill()
    proc.wait(5)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert re.search(r"\rbioparse dump: +\d+%\|[^\r]*\| [\d.]+[kM]?/[\d.]+[kM]? \[\d:\d\d:\d\d<", text), text
    assert "5 pages read, 5 records written" in text


def test_bar_shows_on_a_terminal_that_reports_no_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pty whose size was never set (``script``, ``docker run -t``, CI runners) says 0 x 0;
    tqdm hides a bar that does not fit in 0 rows, so the run showed no progress at all."""
    import os
    import pty
    import select

    master, slave = pty.openpty()
    try:
        assert os.get_terminal_size(slave).lines == 0  # what such a terminal reports
        stream = os.fdopen(slave, "w", closefd=False)
        monkeypatch.setattr(sys, "stderr", stream)  # tqdm sizes its bar from the terminal of stderr
        progress = Progress(True, total_pages=400, interval=0)
        assert progress.terminal
        progress.update(_counters(100, 30), 5)
        progress.finish()
        stream.flush()
        received = b""
        while select.select([master], [], [], 1.0)[0]:  # a pty hands the text over in pieces
            received += os.read(master, 65536)
        shown = received.decode("utf-8", "replace")
    finally:
        os.close(master)
        os.close(slave)
    assert "100/400" in shown and "100 pages, 1 errors" in shown
