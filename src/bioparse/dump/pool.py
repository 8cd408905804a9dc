"""Ordered parallel map with bounded memory.

``multiprocessing.Pool.imap`` drains its input iterator as fast as it can,
so a fast reader in front of slow parsers would hold the whole dump in
memory.  Here at most ``window`` tasks are in flight; results come back in
submission order, which keeps output order equal to input order.  With one
worker everything runs in-process: no pickling, and the baseline the
speed-up is measured against.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _warm_up() -> None:
    """Import the parser once per worker, before the first task arrives."""
    import bioparse.api  # noqa: F401
    import bioparse.dump.process  # noqa: F401

    try:
        from bioparse.readers import wikitext  # noqa: F401
    except ImportError:
        pass


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], workers: int, *, window: int | None = None
) -> Iterator[R]:
    """Yield ``fn(item)`` for each item, in order, using ``workers`` processes.

    An exception raised by ``items`` itself (a truncated input) is re-raised
    only after the results of every item before it have been yielded.
    """
    if workers <= 1:
        for item in items:
            yield fn(item)
        return
    limit = window or workers * 3
    with _context().Pool(workers, initializer=_warm_up) as pool:
        pending: deque[AsyncResult[R]] = deque()
        try:
            for item in items:
                pending.append(pool.apply_async(fn, (item,)))
                while len(pending) >= limit:
                    yield pending.popleft().get()
        except Exception:
            while pending:
                yield pending.popleft().get()
            raise
        while pending:
            yield pending.popleft().get()


def default_workers() -> int:
    return os.cpu_count() or 1
