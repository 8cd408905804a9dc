"""The worker pool with real processes: a worker that dies or hangs never loses a task or hangs the parent."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bioparse.dump.pool import Stopped, ordered_map


def _square(x: int) -> int:
    return x * x


def _die_on_3(x: int) -> int:
    if x == 3:
        os._exit(9)  # what the OOM killer leaves behind: no exception, no result
    return x * x


def _die_once(arg: tuple[int, str]) -> int:
    x, marker = arg
    if x == 3 and not os.path.exists(marker):
        Path(marker).touch()
        os.kill(os.getpid(), 9)
    return x * x


def _hang_on_2(x: int) -> int:
    if x == 2:
        time.sleep(60)
    return x


def test_results_in_order() -> None:
    assert list(ordered_map(_square, range(20), 2)) == [x * x for x in range(20)]


def test_worker_killed_once_is_retried(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    start = time.monotonic()
    got = list(ordered_map(_die_once, [(x, marker) for x in range(8)], 2, on_lost=lambda item, why: -1))
    assert os.path.exists(marker)  # the worker really died
    assert got == [x * x for x in range(8)]  # and nothing was lost
    assert time.monotonic() - start < 10


def test_worker_killed_twice_gives_on_lost_for_that_task_only() -> None:
    lost: list[tuple[int, str]] = []

    def on_lost(item: int, why: str) -> int:
        lost.append((item, why))
        return -1

    got = list(ordered_map(_die_on_3, range(8), 2, on_lost=on_lost))
    assert got == [0, 1, 4, -1, 16, 25, 36, 49]
    assert [item for item, _ in lost] == [3]
    assert "died" in lost[0][1] and "twice" in lost[0][1]


def test_hung_task_is_bounded_by_the_timeout() -> None:
    start = time.monotonic()
    got = list(ordered_map(_hang_on_2, range(5), 2, timeout=1.0, on_lost=lambda item, why: -item))
    assert got == [0, 1, -2, 3, 4]
    assert time.monotonic() - start < 10


def test_stop_flushes_what_is_complete_then_raises() -> None:
    seen: list[int] = []
    with pytest.raises(Stopped):
        seen.extend(ordered_map(_square, range(1000), 2, should_stop=lambda: len(seen) >= 5))
    assert seen[:5] == [0, 1, 4, 9, 16]
    assert seen == [x * x for x in range(len(seen))]  # in order, no gap


def test_in_process_with_one_worker() -> None:
    assert list(ordered_map(_square, range(5), 1)) == [0, 1, 4, 9, 16]


def _die_and_ask_to_stop(arg: tuple[int, str]) -> int:
    x, marker = arg
    if x == 3:
        Path(marker).touch()  # as SIGTERM to the group does: the worker dies and the parent is told to stop
        os._exit(15)
    time.sleep(0.05)
    return x * x


def test_stop_while_the_pool_is_broken_leaves_no_gap(tmp_path: Path) -> None:
    marker = str(tmp_path / "stop")
    seen: list[int] = []
    with pytest.raises(Stopped):
        for value in ordered_map(
            _die_and_ask_to_stop, [(x, marker) for x in range(40)], 2, should_stop=lambda: os.path.exists(marker)
        ):
            seen.append(value)
    assert seen == [x * x for x in range(len(seen))]
    assert len(seen) <= 3  # nothing from after the lost task


_HALF_A_RESULT = """
import os, struct, time
from concurrent.futures import ProcessPoolExecutor
from bioparse.dump.pool import _context, _kill

def half(fd):
    # the start of a 1 MB result message, as a worker killed while sending one leaves it
    os.write(fd, struct.pack("!i", 1_000_000) + b"x" * 10)
    time.sleep(60)

if __name__ == "__main__":
    executor = ProcessPoolExecutor(1, mp_context=_context())
    executor.submit(half, executor._result_queue._writer.fileno())
    time.sleep(1.0)  # the executor's manager thread now waits in recv() for the rest
    _kill(executor)
    print("killed")
"""


def test_a_worker_killed_while_sending_a_result_does_not_hang_the_exit() -> None:
    """Python's exit joins the executor's manager thread: it must not be left waiting for the rest
    of a half-sent message (seen as a hang after ``dump --to jsonld -o - | head``)."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _HALF_A_RESULT], capture_output=True, text=True, timeout=30,
                          check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == "killed", proc.stderr
