"""Shared inputs for the export tests: the enwiki sample dump and four presidents' articles."""

from __future__ import annotations

from pathlib import Path

import orjson

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLE = FIXTURES / "dumps" / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
PRESIDENTS = FIXTURES / "dumps" / "presidents"


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
