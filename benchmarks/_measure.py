"""Run one ``bioparse dump`` in this process and print wall time and peak RSS as JSON.

A separate process per measurement so ``ru_maxrss`` (self: the reader/writer
parent; children: the largest worker) belongs to that run alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from bioparse.cli import main

if __name__ == "__main__":
    t0 = time.perf_counter()
    status = main(sys.argv[1:])
    seconds = time.perf_counter() - t0
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "status": status,
        "seconds": seconds,
        "rss_parent_mb": self_rss / 1024,
        "rss_worker_mb": child_rss / 1024,
        "cpu_parent_s": cpu.ru_utime + cpu.ru_stime,
        "cpu_workers_s": ch.ru_utime + ch.ru_stime,
    }))
