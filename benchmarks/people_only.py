"""Benchmark ``bioparse dump --people-only`` against the full dump, and check their people agree.

Tiles the real enwiki sample (``enwiki-latest-pages-articles1...-shortened.bz2``)
to ``--mb`` MB of XML (default 30), then runs, in one process each and
alternating, ``bioparse dump`` and ``bioparse dump --people-only`` with the
same worker count, ``--runs`` times each; the best wall time of each is
compared, and so is the best CPU time (parent plus workers), which a
busy shared machine disturbs far less than wall time.  The people-only
output must equal, byte for byte, the full output's records that have a
person.

Usage: python benchmarks/people_only.py [--mb 30] [--workers 1] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tile_dump import read_xml, split_pages, tiled_pages, write_plain_bz2  # noqa: E402

#: The shared corpus: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DUMP = SHARED / "corpus/dumps/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
PY = sys.executable


def measure(inp: str, out: str, workers: int, people_only: bool) -> dict:
    args = [PY, str(HERE / "_measure.py"), "dump", inp, "-o", out, "--workers", str(workers), "--quiet"]
    if people_only:
        args.append("--people-only")
    proc = subprocess.run(args, capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["summary"] = proc.stderr.strip().splitlines()[-1]
    return result


def people_lines(path: str) -> list[bytes]:
    """The records of a JSON Lines output that have a person, as written."""
    with open(path, "rb") as fh:
        return [line for line in fh if json.loads(line).get("person") is not None]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=30.0, help="XML size of the tiled dump")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    header, pages, footer = split_pages(read_xml(str(DUMP)))
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tiled = os.path.join(tmp, "tiled.xml.bz2")
        write_plain_bz2(tiled, header, tiled_pages(pages, int(args.mb * 1e6)), footer)
        xml_mb = sum(len(p) for p in tiled_pages(pages, int(args.mb * 1e6))) / 1e6
        full_out, people_out = os.path.join(tmp, "full.jsonl"), os.path.join(tmp, "people.jsonl")
        full, people = [], []
        for _ in range(args.runs):
            full.append(measure(tiled, full_out, args.workers, False))
            people.append(measure(tiled, people_out, args.workers, True))
        expected = people_lines(full_out)
        with open(people_out, "rb") as fh:
            got = fh.readlines()
    best_full = min(r["seconds"] for r in full)
    best_people = min(r["seconds"] for r in people)
    cpu_full = min(r["cpu_parent_s"] + r["cpu_workers_s"] for r in full)
    cpu_people = min(r["cpu_parent_s"] + r["cpu_workers_s"] for r in people)
    print(f"input: {DUMP.name} tiled to {xml_mb:.1f} MB XML; {args.workers} worker(s); best of {args.runs} runs; "
          f"load average {load:.2f} at start, {os.getloadavg()[0]:.2f} at end; {os.cpu_count()} CPUs")
    print()
    print("| run | wall s (best) | CPU s (best) | wall s, all runs | summary |")
    print("|---|---:|---:|---|---|")
    for label, runs, best, cpu in (("dump (full)", full, best_full, cpu_full),
                                   ("dump --people-only", people, best_people, cpu_people)):
        times = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        print(f"| {label} | {best:.2f} | {cpu:.2f} | {times} | {runs[-1]['summary']} |")
    print()
    print(f"- speed-up, wall time: {best_full / best_people:.2f}x; CPU time: {cpu_full / cpu_people:.2f}x (target 3x)")
    print(f"- people records: {len(got)} with --people-only, {len(expected)} in the full dump; "
          f"byte-identical: {got == expected}")
    if got != expected:
        sys.exit(1)


if __name__ == "__main__":
    main()
