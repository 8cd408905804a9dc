"""Benchmark ``bioparse dump --people-only`` against the full dump, and check their people agree.

Tiles the real enwiki sample (``enwiki-latest-pages-articles1...-shortened.bz2``)
to ``--mb`` MB of XML (default 30), then runs, in one process each and
alternating, ``bioparse dump`` and ``bioparse dump --people-only`` with the
same worker count, ``--runs`` times each, on the same pages stored three
ways: bz2 (as Wikimedia ships dumps), gzip (as Enterprise ships them) and
plain XML.  bz2 decompression alone is a large, fixed share of every run, so
the three show how far skipping the parse can go.  The best wall time of
each is compared, and so is the best CPU time (parent plus workers), which a
busy shared machine disturbs far less than wall time.  The people-only
output must equal, byte for byte, the full output's records that have a
person.

Each run starts from compiled bytecode, as an installed package does (pip
compiles it at install time): the script compiles bioparse once into a
bytecode cache of its own (``PYTHONPYCACHEPREFIX``) and lets the runs use it
even where ``PYTHONDONTWRITEBYTECODE`` is set.  Without that, every run would
also compile about 90 modules from source, a fixed cost no real dump pays
more than once.

Usage: python benchmarks/people_only.py [--mb 30] [--workers 1] [--runs 3] [--formats bz2,gz,xml]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tile_dump import read_xml, split_pages, tiled_pages, write_plain_bz2  # noqa: E402

from bioparse.build import describe  # noqa: E402

#: The shared corpus: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DUMP = SHARED / "corpus/dumps/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
PY = sys.executable
#: The environment of every measured process (see the module's docstring); set by ``main``.
ENV: dict[str, str] = dict(os.environ)


def bytecode_env(cache: str) -> dict[str, str]:
    """An environment whose processes read (and write) bioparse's bytecode under ``cache``; compiled once here."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    code = "import bioparse, compileall, os; compileall.compile_dir(os.path.dirname(bioparse.__file__), quiet=1)"
    subprocess.run([PY, "-c", code], env=env, check=True)
    return env


def measure(inp: str, out: str, workers: int, people_only: bool) -> dict:
    args = [PY, str(HERE / "_measure.py"), "dump", inp, "-o", out, "--workers", str(workers), "--quiet"]
    if people_only:
        args.append("--people-only")
    proc = subprocess.run(args, capture_output=True, text=True, check=True, env=ENV)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["summary"] = proc.stderr.strip().splitlines()[-1]
    return result


def breakdown(inp: str) -> dict[str, float]:
    """CPU seconds of each stage, measured in one process (steadier than wall time on a busy machine)."""
    code = (
        "import sys,time,json\n"
        "from bioparse.dump.sources import iter_pages\n"
        "from bioparse.dump.precheck import may_be_person\n"
        "from bioparse.dump.process import process_batch\n"
        "c=time.process_time; t=c(); pages=list(iter_pages(sys.argv[1])); floor=c()-t\n"
        "t=c(); keep=[p for p in pages if may_be_person(p.text,p.format,p.title or None)]; pre=c()-t\n"
        "t=c(); process_batch(keep); kept=c()-t\n"
        "t=c(); process_batch(pages); full=c()-t\n"
        "print(json.dumps({'pages':len(pages),'passed':len(keep),'floor':floor,'precheck':pre,"
        "'parse_passed':kept,'parse_all':full}))"
    )
    proc = subprocess.run([PY, "-c", code, inp], capture_output=True, text=True, check=True, env=ENV)
    return json.loads(proc.stdout)


def people_lines(path: str) -> list[bytes]:
    """The records of a JSON Lines output that have a person, as written."""
    with open(path, "rb") as fh:
        return [line for line in fh if json.loads(line).get("person") is not None]


def write_as(kind: str, path: str, header: bytes, pages: list[bytes], footer: bytes, target: int) -> None:
    if kind == "bz2":
        write_plain_bz2(path, header, tiled_pages(pages, target), footer)
        return
    opener = gzip.open if kind == "gz" else open
    with opener(path, "wb") as fh:  # type: ignore[operator]
        fh.write(header)
        for page in tiled_pages(pages, target):
            fh.write(page)
        fh.write(footer)


def main() -> None:
    global ENV
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=30.0, help="XML size of the tiled dump")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--formats", default="bz2,gz,xml", help="storage of the tiled dump: bz2, gz, xml")
    args = ap.parse_args()
    header, pages, footer = split_pages(read_xml(str(DUMP)))
    target = int(args.mb * 1e6)
    xml_mb = sum(len(p) for p in tiled_pages(pages, target)) / 1e6
    load = os.getloadavg()[0]
    print(f"input: {DUMP.name} tiled to {xml_mb:.1f} MB XML; {args.workers} worker(s); best of {args.runs} runs; "
          f"load average {load:.2f} at start; {os.cpu_count()} CPUs; bioparse build: {describe()}")
    print()
    print("| stored as | run | wall s (best) | CPU s (best) | wall s, all runs | people records |")
    print("|---|---|---:|---:|---|---:|")
    notes: list[str] = []
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ENV = bytecode_env(os.path.join(tmp, "pycache"))
        for kind in args.formats.split(","):
            tiled = os.path.join(tmp, {"bz2": "tiled.xml.bz2", "gz": "tiled.xml.gz", "xml": "tiled.xml"}[kind])
            write_as(kind, tiled, header, pages, footer, target)
            full_out, people_out = os.path.join(tmp, "full.jsonl"), os.path.join(tmp, "people.jsonl")
            full, people = [], []
            for _ in range(args.runs):
                full.append(measure(tiled, full_out, args.workers, False))
                people.append(measure(tiled, people_out, args.workers, True))
            expected = people_lines(full_out)
            with open(people_out, "rb") as fh:
                got = fh.readlines()
            same = got == expected
            ok = ok and same
            best = {}
            for label, runs, n in (("dump (full)", full, len(expected)), ("dump --people-only", people, len(got))):
                wall = min(r["seconds"] for r in runs)
                cpu = min(r["cpu_parent_s"] + r["cpu_workers_s"] for r in runs)
                best[label] = (wall, cpu)
                times = ", ".join(f"{r['seconds']:.2f}" for r in runs)
                print(f"| {kind} | {label} | {wall:.2f} | {cpu:.2f} | {times} | {n} |")
            (fw, fc), (pw, pc) = best["dump (full)"], best["dump --people-only"]
            st = breakdown(tiled)
            full_cpu = st["floor"] + st["parse_all"]
            people_cpu = st["floor"] + st["precheck"] + st["parse_passed"]
            notes.append(
                f"- {kind}: speed-up {fw / pw:.2f}x wall, {fc / pc:.2f}x CPU; people records byte-identical: {same}. "
                f"Stages (CPU s, one process): reading pages {st['floor']:.2f}, pre-check of all {st['pages']} pages "
                f"{st['precheck']:.2f}, parse + serialise of the {st['passed']} pages it passes {st['parse_passed']:.2f} "
                f"(of all pages {st['parse_all']:.2f}) -> {full_cpu / people_cpu:.2f}x"
            )
    print()
    print("\n".join(notes))
    print(f"- load average at end: {os.getloadavg()[0]:.2f}")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
