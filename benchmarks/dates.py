"""Time bioparse.dates.parse_date against plain dateparser.parse.

Usage: python benchmarks/dates.py [--strings PATH] [--repeat N]

The default input is ``../shared/bench/date_strings.txt`` relative to the
repository root: one real date string per line, taken from infobox parameters
and citations.  Our lru_cache is cleared before each timed pass so that
caching cannot flatter the numbers (dateparser's own internal caches are left
as they are, which only helps it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STRINGS = ROOT.parent / "shared" / "bench" / "date_strings.txt"


def _load(path: Path) -> list[str]:
    if not path.is_file():
        sys.exit(f"date strings not found: {path} (pass --strings PATH)")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _time_bioparse(strings: list[str]) -> tuple[float, int, int]:
    from bioparse.dates import clear_caches, fallback_calls, parse_date

    clear_caches()
    began = time.perf_counter()
    found = sum(parse_date(text) is not None for text in strings)
    elapsed = time.perf_counter() - began
    return elapsed, found, fallback_calls()


def _time_dateparser(strings: list[str]) -> tuple[float, int]:
    import dateparser

    began = time.perf_counter()
    found = 0
    for text in strings:
        try:
            found += dateparser.parse(text) is not None
        except Exception:  # count a crash as "no date", as a caller would
            pass
    return time.perf_counter() - began, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strings", type=Path, default=DEFAULT_STRINGS)
    parser.add_argument("--repeat", type=int, default=1, help="timed later passes of bioparse (best kept)")
    args = parser.parse_args(argv)
    strings = _load(args.strings)
    n = len(strings)

    # Import cost is paid outside the timed region for both sides.
    import dateparser  # noqa: F401

    import bioparse.dates  # noqa: F401

    # The first pass also pays one-time set-up (the foreign month vocabulary is
    # loaded lazily on the first string that might need it); later passes show
    # the steady state.  Our result cache is cleared before every pass.
    cold, ours_found, fallbacks = _time_bioparse(strings)
    warm = min(_time_bioparse(strings)[0] for _ in range(max(1, args.repeat)))
    theirs, theirs_found = _time_dateparser(strings)

    print(f"{n} strings from {args.strings}")
    print(f"{'parser':<34}{'calls':>7}{'total s':>10}{'us/call':>10}{'dates':>7}")
    for name, total, found in (
        ("bioparse.parse_date (first pass)", cold, ours_found),
        ("bioparse.parse_date (next pass)", warm, ours_found),
        ("dateparser.parse", theirs, theirs_found),
    ):
        print(f"{name:<34}{n:>7}{total:>10.3f}{total / n * 1e6:>10.1f}{found:>7}")
    print(f"speed-up: {theirs / cold:.0f}x (first pass), {theirs / warm:.0f}x (next pass)")
    print(f"dateparser fallback calls inside parse_date: {fallbacks} of {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
