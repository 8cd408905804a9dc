#!/usr/bin/env python
"""Fuzz the readers and the date normalizer; keep every crashing or slow input.

Usage::

    python tools/fuzz.py --reader text|wikitext|html|enterprise|dates|all \
        --minutes N [--out fixtures/fuzz] [--engine auto|atheris|mutate]

Why: the readers take arbitrary pages from the web and from dumps, so no
input may raise or hang.  The public ``bioparse.parse`` hides a reader
exception behind a warning; the fuzz target calls the reader and the
extractors directly so such bugs are *seen* instead of masked.

Engines:

* ``atheris`` (coverage-guided libFuzzer, when the module is installed):
  one worker process per reader, seeded with slices of the real fixtures
  and a dictionary of wiki/HTML tokens.
* ``mutate``: a self-contained mutation loop over the same seeds (byte
  flips, splices of two seeds, truncations, duplications, token inserts).

Findings: an input that raises is saved as
``<out>/<reader>-crash-<sha1>.<ext>``; one that takes longer than
``--slow`` seconds (default 2) as ``<out>/<reader>-slow-<sha1>.<ext>``; each
finding is appended to ``<out>/findings.tsv``.  Running totals (executions,
crashes, slowest input) are written to ``<out>/stats-<reader>-<engine>.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
READERS = ("text", "wikitext", "html", "enterprise", "dates")
EXT = {"text": "txt", "wikitext": "wiki", "html": "html", "enterprise": "json", "dates": "txt"}

#: Tokens that steer mutations towards the markup the readers care about.
TOKENS = [
    "{{", "}}", "[[", "]]", "|", "=", "'''", "''", "{|", "|}", "|-", "!", "<ref>", "</ref>",
    "<ref name=a/>", "<!--", "-->", "<nowiki>", "</nowiki>", "<br/>", "<table>", "</table>",
    "<tr>", "<td>", "<th>", "</td>", "<div>", "</div>", "<span>", "<script>", "</script>",
    "<iframe>", "&amp;", "&#x41;", "&nbsp;", "== ", " ==", "\n", "\n|", "\n!", "\n*", "\n#",
    "{{Infobox officeholder\n", "| office = ", "| term_start = ", "| term_end = ",
    "| predecessor = ", "| successor = ", "| birth_date = ", "{{birth date|1900|1|2}}",
    "{{death date and age|1980|5|6|1900|1|2}}", "Born", "Died", "In office", "Preceded by",
    "Succeeded by", "President", "Personal details", " – ", "–", "c. ", "BC", "AD", "1 January 1900",
    "(aged 80)", '"article_body"', '{"name": ', '"html": ', '"wikitext": ', "\\u0000", "\u200e",
    "\ufeff", "\x00", "\r\n", "\t",
]


# --------------------------------------------------------------------------- targets


class ExtractorFailure(Exception):
    """An extractor raised; ``build_article`` turned it into a warning, the fuzzer calls it a crash."""


def make_target(reader: str) -> Callable[[str], None]:
    """Return a function that runs one input through ``reader`` and raises on any bug."""
    if reader == "dates":
        from bioparse import dates

        def run_dates(text: str) -> None:
            dates.parse_date(text)
            dates.parse_range(text)
            dates.split_event(text)

        return run_dates

    import orjson
    from jsonschema import Draft202012Validator

    from bioparse import jsonio
    from bioparse.extract.article import build_article
    from bioparse.readers import read
    from bioparse.schema import json_schema

    validator = Draft202012Validator(json_schema())

    def run_reader(text: str) -> None:
        doc = read(text, format=reader)
        article = build_article(doc)
        bad = [w for w in article.warnings if "failed:" in w]
        if bad:
            raise ExtractorFailure(bad[0])
        errors = list(validator.iter_errors(orjson.loads(jsonio.dumps(article))))
        if errors:
            raise AssertionError(f"schema: {errors[0].message[:200]}")

    return run_reader


# --------------------------------------------------------------------------- seeds


def seeds_for(reader: str, max_len: int) -> list[bytes]:
    """Slices of the real fixtures (head, middle and tail), capped at ``max_len`` bytes."""
    if reader == "dates":
        out: list[bytes] = []
        for path in sorted((FIXTURES / "text").glob("*.txt")) + sorted((FIXTURES / "wikitext").glob("*.wiki")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                line = line.strip()
                if 4 <= len(line) <= 160 and any(c.isdigit() for c in line):
                    out.append(line.encode())
        random.Random(0).shuffle(out)
        return out[:3000]
    patterns = {
        "text": [("text", "*.txt")],
        "wikitext": [("wikitext", "*.wiki")],
        "html": [("html", "*.html")],
        "enterprise": [("html", "*.json"), ("html", "*.ndjson")],
    }[reader]
    out = []
    for sub, pat in patterns:
        for path in sorted((FIXTURES / sub).glob(pat)):
            data = path.read_bytes()
            if reader == "enterprise":
                # records are only valid whole: keep them whole but shrink the bodies
                out.append(_shrink_record(data, max_len))
                continue
            if len(data) <= max_len:
                out.append(data)
                continue
            mid = len(data) // 2
            out += [data[:max_len], data[mid : mid + max_len], data[-max_len:]]
    return [s for s in out if s]


def _shrink_record(data: bytes, max_len: int) -> bytes:
    """Keep an Enterprise record valid JSON while cutting long string fields."""
    try:
        first = data.split(b"\n", 1)[0] if data.lstrip().startswith(b"{") else data
        rec = json.loads(first)
    except ValueError:
        return data[:max_len]

    def cut(v: object) -> object:
        if isinstance(v, str):
            return v[: max_len // 4]
        if isinstance(v, list):
            return [cut(x) for x in v[:5]]
        if isinstance(v, dict):
            return {k: cut(x) for k, x in v.items()}
        return v

    return json.dumps(cut(rec), ensure_ascii=False).encode()


# --------------------------------------------------------------------------- findings


class Recorder:
    """Counts executions, keeps the slowest time and saves findings."""

    def __init__(self, reader: str, out: Path, slow: float, engine: str) -> None:
        self.reader, self.out, self.slow = reader, out, slow
        self.execs = 0
        self.crashes = 0
        self.slows = 0
        self.slowest = 0.0
        self.slowest_len = 0
        self.seen: set[str] = set()
        self.stats_path = out / f"stats-{reader}-{engine}.json"
        self.last_flush = 0.0
        prev = self._load()
        self.base_execs = int(prev.get("executions", 0))
        self.base_crashes = int(prev.get("crashes", 0))
        self.base_slows = int(prev.get("slow_inputs", 0))
        self.slowest = float(prev.get("slowest_seconds", 0.0))
        self.slowest_len = int(prev.get("slowest_input_chars", 0))

    def _load(self) -> dict[str, Any]:
        if os.environ.get("BIOPARSE_FUZZ_CONTINUE") and self.stats_path.exists():
            try:
                return dict(json.loads(self.stats_path.read_text()))
            except ValueError:
                return {}
        return {}

    def run(self, target: Callable[[str], None], data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        t0 = time.perf_counter()
        err: BaseException | None = None
        try:
            target(text)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            err = exc
        dt = time.perf_counter() - t0
        self.execs += 1
        if dt > self.slowest:
            self.slowest, self.slowest_len = dt, len(text)
        if err is not None:
            sig = f"{type(err).__name__}:{_where(err)}"
            if sig not in self.seen:
                self.seen.add(sig)
                self.crashes += 1
                self._save(data, "crash", dt, f"{type(err).__name__}: {str(err)[:200]} at {_where(err)}")
        elif dt > self.slow:
            self.slows += 1
            self._save(data, "slow", dt, "")
        now = time.monotonic()
        if now - self.last_flush > 5:
            self.flush()
            self.last_flush = now

    def _save(self, data: bytes, kind: str, dt: float, note: str) -> None:
        digest = hashlib.sha1(data).hexdigest()[:12]
        name = f"{self.reader}-{kind}-{digest}.{EXT[self.reader]}"
        (self.out / name).write_bytes(data)
        with open(self.out / "findings.tsv", "a", encoding="utf-8") as fh:
            note = note.replace("\t", " ").replace("\n", " ")
            fh.write(f"{name}\t{self.reader}\t{kind}\t{dt:.3f}\t{len(data)}\t{note}\n")
        print(f"[{self.reader}] {kind}: {name} ({dt:.2f}s) {note}", file=sys.stderr, flush=True)

    def flush(self) -> None:
        self.stats_path.write_text(
            json.dumps(
                {
                    "reader": self.reader,
                    "executions": self.base_execs + self.execs,
                    "crashes": self.base_crashes + self.crashes,
                    "slow_inputs": self.base_slows + self.slows,
                    "slowest_seconds": round(self.slowest, 4),
                    "slowest_input_chars": self.slowest_len,
                },
                indent=1,
            )
            + "\n"
        )


def _warm_up(target: Callable[[str], None]) -> None:
    """Pay one-off costs (lazy imports, regex compilation) before anything is timed."""
    for sample in ("Born 1 January 1900 in Paris", "{{Infobox person|birth_date=1900}}", "<p>x</p><p>y</p>"):
        try:
            target(sample)
        except Exception:  # noqa: BLE001 - a crash here is found again by the fuzzer
            pass


def _where(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    frames = [f for f in tb if "bioparse" in f.filename] or list(tb)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}"


# --------------------------------------------------------------------------- engines


def mutate_loop(reader: str, out: Path, seconds: float, max_len: int, slow: float, seed: int) -> Recorder:
    """A plain mutation fuzzer: no coverage feedback, but no dependency either."""
    rng = random.Random(seed)
    pool = seeds_for(reader, max_len)
    target = make_target(reader)
    _warm_up(target)
    rec = Recorder(reader, out, slow, "mutate")
    for s in pool:  # every seed once, unmodified
        rec.run(target, s)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = bytearray(rng.choice(pool))
        for _ in range(rng.randint(1, 6)):
            _mutate_once(rng, data, pool)
        rec.run(target, bytes(data[:max_len]))
        if rng.random() < 0.01 and len(pool) < 5000:
            pool.append(bytes(data[:max_len]))
    rec.flush()
    return rec


def _mutate_once(rng: random.Random, data: bytearray, pool: list[bytes]) -> None:
    op = rng.randrange(7)
    n = len(data)
    if op == 0 and n:  # byte flip
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(n)
            data[i] = rng.randrange(256)
    elif op == 1:  # token insert
        i = rng.randint(0, n)
        data[i:i] = rng.choice(TOKENS).encode() * rng.choice((1, 1, 1, 2, 10, 100))
    elif op == 2 and n:  # truncate
        del data[rng.randrange(n) :]
    elif op == 3 and n:  # delete a span
        i = rng.randrange(n)
        del data[i : i + rng.randint(1, 200)]
    elif op == 4 and n:  # duplicate a span
        i = rng.randrange(n)
        chunk = data[i : i + rng.randint(1, 500)]
        j = rng.randint(0, n)
        data[j:j] = chunk * rng.choice((1, 2, 5))
    elif op == 5:  # splice with another seed
        other = rng.choice(pool)
        if other:
            a, b = rng.randrange(len(other)), rng.randrange(len(other))
            i = rng.randint(0, n)
            data[i:i] = other[min(a, b) : max(a, b) + 1][:4000]
    elif op == 6 and n:  # swap two spans (misnests markup)
        i, j = sorted((rng.randrange(n), rng.randrange(n)))
        k = rng.randint(1, 100)
        data[i : i + k], data[j : j + k] = data[j : j + k], data[i : i + k]


def atheris_worker(reader: str, out: Path, seconds: float, max_len: int, slow: float) -> None:
    """Run libFuzzer via atheris in this process until ``seconds`` have passed."""
    import atheris

    with atheris.instrument_imports(include=["bioparse"]):
        # the readers are imported lazily by ``read``: import them here so they are instrumented
        import bioparse.readers.enterprise  # noqa: F401
        import bioparse.readers.html  # noqa: F401
        import bioparse.readers.text  # noqa: F401
        import bioparse.readers.wikitext  # noqa: F401

        target = make_target(reader)
    _warm_up(target)
    rec = Recorder(reader, out, slow, "atheris")

    def one(data: bytes) -> None:
        rec.run(target, data)

    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{reader}-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for i, s in enumerate(seeds_for(reader, max_len)):
        (corpus / f"seed{i:05d}").write_bytes(s)
    dict_path = work / "tokens.dict"
    dict_path.write_text("".join(f'"{_dict_escape(t)}"\n' for t in TOKENS), encoding="ascii")
    args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={int(seconds)}",
        f"-max_len={max_len}",
        "-timeout=120",
        "-rss_limit_mb=3072",
        f"-dict={dict_path}",
        f"-artifact_prefix={out}/{reader}-libfuzzer-",
        "-print_final_stats=1",
    ]
    atheris.Setup(args, one)
    import atexit

    atexit.register(rec.flush)
    atheris.Fuzz()


def _dict_escape(token: str) -> str:
    """libFuzzer dictionary syntax: printable ASCII as is, other bytes as \\xNN."""
    out = []
    for b in token.encode("utf-8"):
        ch = chr(b)
        if ch in '\\"':
            out.append("\\" + ch)
        elif 32 <= b < 127:
            out.append(ch)
        else:
            out.append(f"\\x{b:02X}")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reader", choices=(*READERS, "all"), required=True)
    ap.add_argument("--minutes", type=float, default=1.0, help="time per reader")
    ap.add_argument("--out", type=Path, default=FIXTURES / "fuzz")
    ap.add_argument("--engine", choices=("auto", "atheris", "mutate"), default="auto")
    ap.add_argument("--max-len", type=int, default=32768, help="largest input in bytes")
    ap.add_argument("--slow", type=float, default=2.0, help="seconds above which an input is saved as slow")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    readers = READERS if args.reader == "all" else (args.reader,)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "mutate"
    seconds = args.minutes * 60
    if args.worker:
        atheris_worker(readers[0], args.out, seconds, args.max_len, args.slow)
        return 0
    for reader in readers:
        t0 = time.monotonic()
        if engine == "mutate":
            rec = mutate_loop(reader, args.out, seconds, args.max_len, args.slow, args.seed)
        else:
            # libFuzzer stops at a timeout/OOM; restart for the time that is left
            env = dict(os.environ)
            while True:
                left = seconds - (time.monotonic() - t0)
                if left < 5:
                    break
                cmd = [sys.executable, __file__, "--worker", "--reader", reader, "--minutes", str(left / 60),
                       "--out", str(args.out), "--max-len", str(args.max_len), "--slow", str(args.slow)]
                subprocess.run(cmd, env=env, check=False)
                env["BIOPARSE_FUZZ_CONTINUE"] = "1"
        stats_path = args.out / f"stats-{reader}-{engine}.json"
        stats = json.loads(stats_path.read_text())
        stats["engine"] = engine
        stats["minutes"] = round((time.monotonic() - t0) / 60, 2)
        stats_path.write_text(json.dumps(stats, indent=1) + "\n")
        print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
