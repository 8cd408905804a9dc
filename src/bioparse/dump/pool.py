"""Ordered parallel map with bounded memory that survives dead workers.

``multiprocessing.Pool.imap`` drains its input iterator as fast as it can,
so a fast reader in front of slow parsers would hold the whole dump in
memory, and a worker killed by the OOM killer leaves it waiting forever for
a result that never comes.  Here at most ``window`` tasks are in flight on a
:class:`concurrent.futures.ProcessPoolExecutor`; results come back in
submission order, which keeps output order equal to input order.

When a worker dies (``BrokenProcessPool``) or a task outlives ``timeout``,
the pool is torn down and every task that had not finished is run again,
alone, in a fresh worker (``workers`` such workers at a time): a task that
kills its worker a second time is the culprit and is handed to ``on_lost`` (the dump writes error records for its
pages), the others complete normally.  The parent waits in short slices, so
``should_stop`` (set by a signal handler) is noticed within a fraction of a
second and no wait is unbounded.

With one worker everything runs in-process: no pickling, and the baseline
the speed-up is measured against.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: How long the parent blocks on one wait before it looks at ``should_stop`` again.
POLL = 0.2
#: How often a worker checks that its parent is still alive.
ORPHAN_CHECK = 1.0


class Stopped(Exception):
    """``should_stop`` became true: the map ended early, on purpose."""


#: What says a running command was asked to stop (a signal came): see :func:`stop_requested`.
STOP_CHECKS: list[Callable[[], bool]] = []


def stop_requested() -> bool:
    """Whether a running command was asked to stop, for waits outside :func:`ordered_map` (a read
    from a pipe that went quiet, :mod:`bioparse.dump.sources`)."""
    return any(check() for check in STOP_CHECKS)


def _worker_init(parent: int) -> None:
    """Workers leave interrupts to the parent and import the parser before the first task.

    Ctrl-C reaches the whole process group; a worker that raised
    KeyboardInterrupt would print a traceback, so it ignores SIGINT and the
    parent decides.  SIGTERM keeps its default: the worker ends without a word.
    ``parent`` is the pid the parent passed in, not ``os.getppid()`` here: a
    parent killed between the fork and this call would leave the worker
    watching its new parent (init) and waiting for work forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked inside _signals_to_main_thread
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    preload()


#: The modules every worker needs before its first task.
PRELOAD = ("bioparse.api", "bioparse.dump.process", "bioparse.readers.wikitext")


def preload() -> None:
    """Import the parser and build its tables (:func:`bioparse.api.warm_up`).  The parent does it
    before forking its workers, which then inherit both instead of each doing it again (about half
    a CPU-second per worker); a spawned worker does it here.  Idempotent: cheap the second time."""
    global _PRELOADED
    if _PRELOADED:
        return
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    try:
        from bioparse.api import warm_up

        warm_up()
    except Exception:  # noqa: BLE001 - a warm-up failure only means the tables get built later
        pass
    _PRELOADED = True


_PRELOADED = False


def _exit_with_parent(parent: int) -> None:
    """End this worker when the parent is gone (killed with -9): an orphan would wait forever."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(0)


@contextmanager
def _signals_to_main_thread() -> Iterator[None]:
    """Threads started in here (an executor starts its own on submit) block SIGINT and SIGTERM.

    A signal sent to the process goes to any one thread that does not block it; one taken by an
    executor thread leaves the main thread asleep in a read from a pipe that went quiet, and
    Python runs its handler only when that read returns, which may be never.  Workers forked in
    here unblock them again (:func:`_worker_init`).
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@dataclass
class _Task(Generic[T, R]):
    item: T
    future: Future[R]
    started: float = field(default_factory=time.monotonic)


def _kill(executor: ProcessPoolExecutor) -> None:
    """Stop an executor now: its workers are killed, queued tasks cancelled, nothing awaited."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    results = getattr(executor, "_result_queue", None)  # shutdown() below forgets it
    for proc in processes:
        try:
            proc.kill()
        except (OSError, AttributeError):
            pass
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + 5
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
    # A worker killed while sending a result leaves half a message in the result pipe, and the
    # executor's manager thread waits in recv() for the rest; Python's exit joins that thread, so
    # the run would never end.  This process holds the pipe's last write end: closing it turns the
    # wait into end-of-file, which the manager thread takes as a broken pool and ends.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


class _Lost(Exception):
    """A task whose worker died (or hung past the timeout)."""


def _wait(task: _Task[T, R], timeout: float | None, should_stop: Callable[[], bool]) -> R:
    """The task's result, waiting in slices; raises _Lost, Stopped, or the task's own exception."""
    while True:
        if should_stop():
            raise Stopped
        try:
            return task.future.result(timeout=POLL)
        except FutureTimeout:
            if timeout is not None and time.monotonic() - task.started > timeout:
                raise _Lost(f"no result after {timeout:g} s") from None
        except BrokenProcessPool:
            raise _Lost("worker process died (killed, out of memory or crashed)") from None


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    window: int | None = None,
    timeout: float | None = None,
    on_lost: Callable[[T, str], R] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[R]:
    """Yield ``fn(item)`` for each item, in order, using ``workers`` processes.

    An exception raised by ``items`` itself (a truncated input) is re-raised
    only after the results of every item before it have been yielded.  A
    task lost twice yields ``on_lost(item, reason)`` (without ``on_lost`` a
    RuntimeError is raised).  When ``should_stop()`` turns true, results
    already complete at the head of the queue are yielded, then
    :class:`Stopped` is raised; the workers are gone by then.
    """
    if workers <= 1:
        for item in items:
            if should_stop():
                raise Stopped
            yield fn(item)
        return
    limit = window or workers * 3
    ctx = _context()
    if ctx.get_start_method() == "fork":
        preload()

    def new_executor(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),))

    def lost(item: T, reason: str) -> R:
        if on_lost is None:
            raise RuntimeError(f"task lost twice: {reason}")
        return on_lost(item, reason)

    def alone(items: list[T]) -> list[R]:
        """The retry after a lost task: each item in a fresh worker of its own, ``workers`` at a time
        (so one that kills its worker again harms no other), results in order."""
        results: list[R] = []
        for first in range(0, len(items), workers):
            singles: list[ProcessPoolExecutor] = []
            try:
                tasks = []
                for item in items[first : first + workers]:
                    singles.append(new_executor(1))
                    with _signals_to_main_thread():
                        tasks.append(_Task(item, singles[-1].submit(fn, item)))
                for task in tasks:
                    try:
                        results.append(_wait(task, timeout, should_stop))
                    except _Lost as exc:
                        results.append(lost(task.item, f"{exc} twice"))
            finally:
                for single in singles:
                    _kill(single)
        return results

    executor = new_executor(workers)
    pending: deque[_Task[T, R]] = deque()
    source = iter(items)
    exhausted = False
    failure: BaseException | None = None
    try:
        while True:
            while not exhausted and len(pending) < limit:
                if should_stop():
                    raise Stopped
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as exc:  # noqa: BLE001 - re-raised after the results before it
                    failure, exhausted = exc, True
                    break
                try:
                    with _signals_to_main_thread():
                        pending.append(_Task(item, executor.submit(fn, item)))
                except BrokenProcessPool:
                    pending.append(_Task(item, _broken_future()))
            if not pending:
                break
            try:
                result = _wait(pending[0], timeout, should_stop)
            except _Lost:
                # The pool is unusable: keep what completed, redo the rest alone.  ``pending``
                # is replaced only at the end, so a stop in between flushes nothing out of order.
                _kill(executor)
                if should_stop():
                    raise Stopped from None
                kept = [_succeeded(task.future) for task in pending]  # once: a late result must not shift this
                again = iter(alone([task.item for task, ok in zip(pending, kept) if not ok]))
                redo: deque[_Task[T, R]] = deque()
                for task, ok in zip(pending, kept):
                    if ok:
                        redo.append(task)
                    else:
                        done: Future[R] = Future()
                        done.set_result(next(again))
                        redo.append(_Task(task.item, done))
                pending = redo
                executor = new_executor(workers)
                continue
            pending.popleft()
            yield result
        if failure is not None:
            raise failure
    except Stopped:
        # Flush what is complete at the head of the queue, then stop.
        while pending and pending[0].future.done() and not pending[0].future.cancelled():
            task = pending.popleft()
            if task.future.exception() is not None:
                break
            yield task.future.result()
        raise
    finally:
        _kill(executor)


def _succeeded(future: Future[R]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _broken_future() -> Future[R]:
    future: Future[R] = Future()
    future.set_exception(BrokenProcessPool("pool broken at submit"))
    return future


def default_workers() -> int:
    """The CPUs this process may run on (cgroup/affinity aware), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
