"""Run ``bioparse dump`` over every dump of a corpus and check that every page is accounted for.

For each file in ``CORPUS/MANIFEST.tsv`` the pages are counted independently
(a byte scan for ``<page>`` tags after decompression, UTF-16 transcoded) and
compared with the MANIFEST's ``n_pages`` and with the number of records the
dump command wrote (``--namespaces all``: one record per page).

Usage: python tools/check_dumps_corpus.py [../shared/corpus/dumps] [--workers N]
"""

from __future__ import annotations

import os

import argparse
import bz2
import csv
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def count_page_tags(path: Path) -> int:
    data = path.read_bytes()
    if data[:3] == b"BZh":
        data = bz2.decompress(data)
    elif data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = data.decode("utf-16").encode("utf-8")
    return data.count(b"<page>") + data.count(b"<page ")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpus/dumps"))
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    with open(corpus / "MANIFEST.tsv", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    problems = 0
    total_pages = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            path = corpus / row["file"]
            out = Path(tmp) / "out.jsonl"
            proc = subprocess.run(
                [sys.executable, "-m", "bioparse.cli", "dump", str(path), "-o", str(out),
                 "--namespaces", "all", "--quiet", "--workers", str(args.workers)],
                capture_output=True,
                text=True,
            )
            records = out.read_bytes().count(b"\n") if out.exists() else 0
            tags = count_page_tags(path)
            manifest = int(row["n_pages"]) if row.get("n_pages", "").strip().isdigit() else None
            ok = proc.returncode == 0 and records == tags and (manifest is None or manifest == tags)
            total_pages += records
            if not ok:
                problems += 1
                print(f"MISMATCH {row['file']}: exit {proc.returncode}, records {records}, "
                      f"<page> tags {tags}, manifest {manifest}\n  {proc.stderr.strip()[-300:]}")
    print(f"{len(rows)} files, {total_pages} records, {problems} problems, {time.monotonic() - started:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
