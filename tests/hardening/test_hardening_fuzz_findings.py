"""Every input the fuzzer saved (fixtures/fuzz/) stays fixed: no exception, bounded time.

Why: a crash or a slow input found once must never come back.  The file
name says which reader found it (``<reader>-<crash|slow>-<hash>.<ext>``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import bioparse
from bioparse import dates

FUZZ = Path(__file__).resolve().parents[2] / "fixtures" / "fuzz"
READERS = ("text", "wikitext", "html", "enterprise", "dates")
FINDINGS = sorted(
    p for p in FUZZ.iterdir() if p.name.split("-")[0] in READERS and p.name.split("-")[1:2] in (["crash"], ["slow"])
)
LIMIT_SECONDS = 10.0


def test_findings_are_present() -> None:
    assert FINDINGS, "fixtures/fuzz/ lost its saved inputs"


@pytest.mark.parametrize("path", FINDINGS, ids=lambda p: p.name)
def test_saved_fuzz_input(path: Path) -> None:
    reader = path.name.split("-", 1)[0]
    text = path.read_bytes().decode("utf-8", errors="replace")
    t0 = time.perf_counter()
    if reader == "dates":
        dates.parse_date(text)
        dates.parse_range(text)
        dates.split_event(text)
    else:
        article = bioparse.parse(text, format=reader)
        assert not [w for w in article.warnings if "failed:" in w]
    assert time.perf_counter() - t0 < LIMIT_SECONDS
