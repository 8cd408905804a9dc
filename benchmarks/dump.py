"""Benchmark ``bioparse dump`` on a real enwiki dump tiled to >= 50 MB, with peers, in one run.

Prints a table and the ratios the targets are stated in (all measured in the
same run, since absolute numbers drift on shared machines):

* floor: bz2 decompression + XML streaming alone (``iter_pages``), no parsing;
* bioparse dump with 1 and 2 workers (plain bz2: the parent decompresses and
  cuts raw page bytes, the workers parse the XML; with 1 worker everything runs
  in one process, bz2 decompressed in a background thread), and 2 workers on
  the same pages as multistream + index (workers decompress);
* bioparse.parse alone, mwparserfromhell parse alone and wtf_wikipedia's full
  job on the same extracted articles (via ../shared/bench);
* peak RSS of the pipeline at 1x, 4x and 16x the real dump's size;
* bioparse dump with the raw page hand-off switched off (the reading process
  parses the XML and ships pages, as before it; via ``_raw_handoff.py
  --sequential``), 1 and 2 workers, its output checked byte-identical;
* the person-only path (``sections=False, references=False``): parse alone and
  the whole pipeline on one core, against wtf_wikipedia.

On a loaded machine wall times say more about the other jobs than about the
code, so every rate is also given per CPU-second (``getrusage`` of the process
and its children; for wtf_wikipedia the CPU of three timed passes, i.e. a run
with ``--passes 3`` minus one with ``--passes 0``, node run ``--single-threaded``
so no background GC thread adds CPU that a wall clock would not see). That peer figure leaves out
node's start-up and loading the library; ours includes Python's start-up, the imports and the
tables the parent builds before forking, so the pipeline's ratio is also given with our start-up
taken out the same way: the CPU of a ``bioparse dump`` of a one-page dump (mean of three runs)
subtracted from the run's. Each 2-worker run gets a
CPU-bound speed-up: the 1-worker run's CPU over max(parent CPU, all CPU / 2),
what two idle cores would give.

Usage: python benchmarks/dump.py [--mb 50] [--skip-peers]
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

from tile_dump import read_xml, split_pages, tiled_pages, write_multistream, write_plain_bz2  # noqa: E402

from bioparse.build import describe  # noqa: E402

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))

DUMP = SHARED / "corpus/dumps/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
BENCH = SHARED / "bench"
PY = sys.executable


def measure_dump(inp: str, out: str, workers: int) -> dict:
    proc = subprocess.run(
        [PY, str(HERE / "_measure.py"), "dump", inp, "-o", out, "--workers", str(workers), "--quiet"],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["summary"] = proc.stderr.strip().splitlines()[-1]
    result["pages"] = int(result["summary"].split(": ")[1].split(" pages")[0])
    return result


def floor(inp: str) -> dict:
    code = (
        "import sys,time,json,resource\n"
        "from bioparse.dump.sources import iter_pages\n"
        "t=time.perf_counter(); n=0; b=0\n"
        "for p in iter_pages(sys.argv[1]): n+=1; b+=len(p.text)\n"
        "print(json.dumps({'seconds':time.perf_counter()-t,'pages':n,"
        "'rss_parent_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    proc = subprocess.run([PY, "-c", code, inp], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def child_cpu(cmd: list[str], env: dict | None = None) -> tuple[str, float]:
    """stdout of ``cmd`` and the CPU seconds it used (user + system, its children included)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def parse_alone(articles: str, person: bool = False) -> dict:
    kw = ",sections=False,references=False" if person else ""
    code = (
        "import sys,json,time\n"
        "from bioparse import parse\n"
        "arts=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]\n"
        f"[parse(a['text'],format='wikitext',title=a['title']{kw}) for a in arts[:10]]\n"
        "best=1e9; cpu=0.0\n"
        "for _ in range(3):\n"
        "    t=time.perf_counter(); c=time.process_time()\n"
        f"    for a in arts: parse(a['text'],format='wikitext',title=a['title']{kw})\n"
        "    best=min(best,time.perf_counter()-t); cpu+=time.process_time()-c\n"
        "print(json.dumps({'wall':len(arts)/best,'cpu':3*len(arts)/cpu}))"  # CPU: mean of the passes, as for the peer
    )
    return json.loads(subprocess.run([PY, "-c", code, articles], capture_output=True, text=True, check=True).stdout)


def raw_handoff(inp: str, out: str, workers: int, person: bool = False) -> dict:
    cmd = [PY, str(HERE / "_raw_handoff.py"), inp, out, str(workers), "--person" if person else "--sequential"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cpu_of(run: dict) -> float:
    return run["cpu_parent_s"] + run["cpu_workers_s"]


def cpu_bound(one: dict, run: dict) -> float:
    """1-worker CPU over the least wall time the 2-worker run's CPU allows on two idle cores."""
    return cpu_of(one) / max(run["cpu_parent_s"], cpu_of(run) / 2)


def peers(tmp: str) -> dict:
    home = subprocess.run(["bash", str(BENCH / "setup_peers.sh")], capture_output=True, text=True, check=True).stdout.strip()
    env = dict(os.environ, BENCH_HOME=home)
    articles = os.path.join(tmp, "articles.jsonl")
    vpy = os.path.join(home, "venv", "bin", "python")
    subprocess.run([vpy, str(BENCH / "extract.py"), str(DUMP), articles], check=True, capture_output=True, env=env)
    mwph = json.loads(subprocess.run([vpy, str(BENCH / "bench_mwph.py"), articles], capture_output=True, text=True, check=True, env=env).stdout)
    out, cpu3 = child_cpu(["node", "--single-threaded", str(BENCH / "bench_wtf.js"), articles, "--mode", "full", "--passes", "3"], env)
    wtf = json.loads(out)
    _out0, cpu0 = child_cpu(["node", "--single-threaded", str(BENCH / "bench_wtf.js"), articles, "--mode", "full", "--passes", "0"], env)
    wtf_cpu = 3 * wtf["articles"] / max(cpu3 - cpu0, 1e-9)
    return {"articles": articles, "mwph": mwph["articles_per_s"], "wtf": wtf["articles_per_s"], "n": wtf["articles"],
            "wtf_cpu": wtf_cpu}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50.0, help="XML size of the tiled dump")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-rss", action="store_true")
    args = ap.parse_args()
    header, pages, footer = split_pages(read_xml(str(DUMP)))
    unit = sum(len(p) for p in pages)
    rows: list[tuple[str, str, str, str, str]] = []
    ratios: dict[str, float] = {}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tiled = os.path.join(tmp, "tiled.xml.bz2")
        write_plain_bz2(tiled, header, tiled_pages(pages, int(args.mb * 1e6)), footer)
        ms = os.path.join(tmp, "tiled-multistream.xml.bz2")
        write_multistream(ms, os.path.join(tmp, "tiled-multistream-index.txt.bz2"), header,
                          tiled_pages(pages, int(args.mb * 1e6)), footer)
        xml_mb = sum(len(p) for p in tiled_pages(pages, int(args.mb * 1e6))) / 1e6
        out = os.path.join(tmp, "out.jsonl")

        # start-up: a run over a one-page dump (imports, tables, pool), what the peer's figure leaves out
        tiny = os.path.join(tmp, "one-page.xml.bz2")
        write_plain_bz2(tiny, header, pages[:1], footer)
        starts = [measure_dump(tiny, out, 1) for _ in range(3)]
        startup_cpu = sum(cpu_of(s) for s in starts) / len(starts)
        f = floor(tiled)
        rows.append(("floor: bz2 + XML streaming", f"{f['pages'] / f['seconds']:.0f}", f"{xml_mb / f['seconds']:.1f}", f"{f['rss_parent_mb']:.0f}", "-"))
        runs = {}
        outputs = {}
        for label, inp, w in (("dump, 1 worker", tiled, 1), ("dump, 2 workers", tiled, 2), ("dump, 2 workers, multistream+index", ms, 2)):
            r = measure_dump(inp, out, w)
            runs[label] = r
            outputs[label] = Path(out).read_bytes() if w == 1 else None
            rows.append((label, f"{r['pages'] / r['seconds']:.0f}", f"{xml_mb / r['seconds']:.1f}",
                         f"{r['rss_parent_mb']:.0f}", f"{r['rss_worker_mb']:.0f}" if w > 1 else "-"))
        one = runs["dump, 1 worker"]
        ratios["speed-up 1 -> 2 workers (plain bz2)"] = one["seconds"] / runs["dump, 2 workers"]["seconds"]
        ratios["speed-up 1 -> 2 workers (multistream+index)"] = one["seconds"] / runs["dump, 2 workers, multistream+index"]["seconds"]
        ratios["floor share of 1-worker time"] = f["seconds"] / one["seconds"]
        ratios["CPU-bound speed-up, 2 workers (plain bz2)"] = cpu_bound(one, runs["dump, 2 workers"])
        ratios["CPU-bound speed-up, 2 workers (multistream+index)"] = cpu_bound(
            one, runs["dump, 2 workers, multistream+index"])
        for w in (1, 2):
            r = raw_handoff(tiled, out, w)
            if Path(out).read_bytes() != outputs["dump, 1 worker"]:
                raise SystemExit("the sequential reader's output differs from bioparse dump's")
            r["pages"] = one["pages"]
            runs[f"seq {w}"] = r
            rows.append((f"plain bz2, hand-off off (sequential reader), {w} worker{'s' if w > 1 else ''}",
                         f"{r['pages'] / r['seconds']:.0f}", f"{xml_mb / r['seconds']:.1f}", f"{r['rss_parent_mb']:.0f}",
                         f"{r['rss_worker_mb']:.0f}" if w > 1 else "-"))
        ratios["speed-up 1 -> 2 workers (plain bz2, hand-off off)"] = runs["seq 1"]["seconds"] / runs["seq 2"]["seconds"]
        ratios["CPU-bound speed-up, 2 workers (plain bz2, hand-off off)"] = cpu_bound(runs["seq 1"], runs["seq 2"])
        ratios["CPU: parent of 2 workers, hand-off on / off"] = (
            runs["dump, 2 workers"]["cpu_parent_s"] / runs["seq 2"]["cpu_parent_s"])
        ratios["wall: 1 worker, hand-off + bz2 thread / sequential"] = runs["seq 1"]["seconds"] / one["seconds"]

        if not args.skip_peers:
            pe = peers(tmp)
            ours_both = parse_alone(pe["articles"])
            ours = ours_both["wall"]
            rows.append((f"bioparse.parse alone ({pe['n']} articles)", f"{ours:.1f}", "-", "-", "-"))
            rows.append(("mwparserfromhell parse alone", f"{pe['mwph']:.1f}", "-", "-", "-"))
            rows.append(("wtf_wikipedia full", f"{pe['wtf']:.1f}", "-", "-", "-"))
            # The pipeline's articles/s per core: non-redirect ns-0 articles of
            # the tiled dump over the 1-worker wall time (redirects cost time but
            # are not counted, which favours the peer).
            per_tile = pe["n"] / len(pages)
            pipeline_articles = one["pages"] * per_tile / one["seconds"]
            rows.append(("dump, 1 worker (articles/s, redirects not counted)", f"{pipeline_articles:.1f}", "-", "-", "-"))
            ratios["pipeline (1 core) / wtf_wikipedia"] = pipeline_articles / pe["wtf"]
            lean_both = parse_alone(pe["articles"], person=True)
            lean = lean_both["wall"]
            rows.append(("bioparse.parse, sections=False, references=False", f"{lean:.1f}", "-", "-", "-"))
            ratios["person-only parse / wtf_wikipedia"] = lean / pe["wtf"]
            rp = raw_handoff(tiled, out, 1, person=True)
            person_articles = rp["pages"] * per_tile / rp["seconds"]
            rows.append(("person-only pipeline, 1 worker (articles/s)", f"{person_articles:.1f}", "-", "-", "-"))
            ratios["person-only pipeline (1 core) / wtf_wikipedia"] = person_articles / pe["wtf"]
            # The same ratios per CPU-second (robust to other jobs on the machine).
            ratios["CPU: pipeline (1 core) / wtf_wikipedia"] = one["pages"] * per_tile / cpu_of(one) / pe["wtf_cpu"]
            ratios[f"CPU: pipeline (1 core), start-up ({startup_cpu:.2f} CPU-s) taken out as for the peer / wtf_wikipedia"] = (
                one["pages"] * per_tile / (cpu_of(one) - startup_cpu) / pe["wtf_cpu"])
            ratios["CPU: bioparse.parse / wtf_wikipedia"] = ours_both["cpu"] / pe["wtf_cpu"]
            ratios["CPU: person-only parse / wtf_wikipedia"] = lean_both["cpu"] / pe["wtf_cpu"]
            ratios["CPU: person-only pipeline (1 core) / wtf_wikipedia"] = rp["pages"] * per_tile / cpu_of(rp) / pe["wtf_cpu"]
            ratios["bioparse.parse / wtf_wikipedia"] = ours / pe["wtf"]
            ratios["bioparse.parse / mwparserfromhell parse"] = ours / pe["mwph"]

        if not args.skip_rss:
            for mult in (1, 4, 16):
                path = os.path.join(tmp, f"x{mult}.xml.bz2")
                write_plain_bz2(path, header, tiled_pages(pages, unit * mult), footer)
                r = measure_dump(path, out, 2)
                rows.append((f"RSS at {mult}x ({unit * mult / 1e6:.0f} MB XML), 2 workers", f"{r['pages'] / r['seconds']:.0f}", "-",
                             f"{r['rss_parent_mb']:.0f}", f"{r['rss_worker_mb']:.0f}"))

    print(f"input: {DUMP.name} tiled to {xml_mb:.1f} MB XML; load average at start {load:.2f}; {os.cpu_count()} CPUs; "
          f"bioparse build: {describe()}")
    print()
    print("| run | pages/s | MB/s (XML) | parent RSS MB | worker RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    for k, v in ratios.items():
        print(f"- {k}: {v:.2f}x")
    print(f"- load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
