#!/usr/bin/env python3
"""Compare the records of two versions of bioparse over the whole shared corpus.

Usage: tools/check_identical_output.py [--base REF] [--corpus DIR] [--keep DIR] [--python PY]

Speed work must not change output by accident.  This runs the parser of the
git revision ``REF`` (default: the commit where this branch left ``main``, exported with ``git archive`` into a
temporary directory, so no checkout is touched) and of this working tree over
every file of ``corpus/wikitext``, ``wikitext_i18n``, ``wikitext_partial``,
``html``, ``text``, ``text_i18n`` (``bioparse.parse_file``, one JSON line per file,
one per record of an ``.ndjson``) and every page of every dump in ``dumps``
(all namespaces, ``process_page`` as ``bioparse dump`` writes it), then prints
each record that differs and exits 1 when any does.  The base output is
cached under ``--keep`` by commit hash.  ``--python PY`` runs the new side
with the bioparse installed for that interpreter instead of this working tree:
``--python .venv-compiled/bin/python`` checks that the compiled build gives the
records the pure-Python one does.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The shared corpus: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", ROOT.parent / "shared"))
FILE_DIRS = ("wikitext", "wikitext_i18n", "wikitext_partial", "html", "text", "text_i18n")

#: Runs inside the version under test (its ``src`` first on sys.path); writes "key\tjson" lines.
_GENERATE = r'''
import sys
from pathlib import Path
from bioparse.api import parse, parse_file
from bioparse.jsonio import dumps
from bioparse.textio import decode_bytes
from bioparse.readers.enterprise import split_records
from bioparse.dump.sources import iter_pages
from bioparse.dump.process import process_page

corpus, dirs, out = Path(sys.argv[1]), sys.argv[2].split(","), open(sys.argv[3], "wb")

def emit(key, data):
    out.write(key.encode() + b"\t" + data + b"\n")

for d in dirs:
    folder = corpus / d
    if not folder.is_dir():
        continue
    for path in sorted(folder.iterdir()):
        if path.name in ("MANIFEST.tsv", "README.md") or not path.is_file():
            continue
        key = f"{d}/{path.name}"
        if path.suffix == ".ndjson":
            text, _ = decode_bytes(path.read_bytes())
            for i, record in enumerate(split_records(text), 1):
                emit(f"{key}#{i}", dumps(parse(record, format="enterprise")))
            continue
        emit(key, dumps(parse_file(path)))
for path in sorted((corpus / "dumps").iterdir()):
    if path.name in ("MANIFEST.tsv", "README.md"):
        continue
    try:
        for page in iter_pages(str(path), namespaces=None):
            emit(f"dumps/{path.name}#{page.position}", dumps(process_page(page)))
    except Exception as exc:
        emit(f"dumps/{path.name}#error", f"{type(exc).__name__}: {exc}".encode())
out.close()
'''


def generate(src: Path, corpus: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, "-c", _GENERATE, str(corpus), ",".join(FILE_DIRS), str(out)],
                   check=True, env=env, cwd=str(src))


def generate_installed(python: str, corpus: Path, out: Path) -> None:
    """The records of the bioparse installed for ``python`` (run from a folder that holds no other)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as cwd:
        subprocess.run([python, "-c", _GENERATE, str(corpus), ",".join(FILE_DIRS), str(out)],
                       check=True, env=env, cwd=cwd)


def records(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, data = line.rstrip("\n").partition("\t")
            out[key] = data
    return out


def _diff(a: str, b: str) -> str:
    """The stretch where two JSON lines differ (between their common prefix and suffix), for the
    report; linear time, as records of long pages are hundreds of kilobytes."""
    start = len(os.path.commonprefix([a, b]))
    tail = len(os.path.commonprefix([a[start:][::-1], b[start:][::-1]]))
    return (f"    base: ...{a[max(0, start - 80):len(a) - tail + 80][:400]!r}\n"
            f"    new:  ...{b[max(0, start - 80):len(b) - tail + 80][:400]!r}")


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every leaf of a record; list indexes become ``[]`` so paths group."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, f"{path}[]")
    else:
        yield path, value


def changed_fields(a: str, b: str) -> set[str]:
    """The field paths whose values differ between two JSON records ("meta.wiki", "references[].date.calendar")."""
    try:
        left, right = collections.Counter(_leaves(json.loads(a))), collections.Counter(_leaves(json.loads(b)))
    except ValueError:
        return {"<not JSON>"}
    return {path.lstrip(".") for path, _ in (left - right) + (right - left)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default=None,
                    help="git revision to compare against (default: where this branch left main)")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "bioparse-identical")
    ap.add_argument("--python", default=None,
                    help="new side: the bioparse installed for this interpreter (default: this working tree)")
    args = ap.parse_args()
    cmd = ["git", "rev-parse", args.base] if args.base else ["git", "merge-base", "HEAD", "main"]
    commit = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    args.keep.mkdir(parents=True, exist_ok=True)
    base_out = args.keep / f"{commit}.tsv"
    if not base_out.exists():
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(["git", "archive", commit, "src"], cwd=ROOT, check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            partial = base_out.with_suffix(".part")
            generate(Path(tmp) / "src", args.corpus, partial)
            partial.rename(base_out)
    new_out = args.keep / ("installed.tsv" if args.python else "worktree.tsv")
    if args.python:
        generate_installed(args.python, args.corpus, new_out)
    else:
        generate(ROOT / "src", args.corpus, new_out)
    base, new = records(base_out), records(new_out)
    changed = [k for k in base if k in new and base[k] != new[k]]
    missing = [k for k in base if k not in new]
    added = [k for k in new if k not in base]
    fields: collections.Counter[str] = collections.Counter()
    for key in changed:
        print(f"changed: {key}\n{_diff(base[key], new[key])}")
        fields.update(changed_fields(base[key], new[key]))
    for key in missing:
        print(f"missing: {key}")
    for key in added:
        print(f"added: {key}")
    for path, count in fields.most_common():
        print(f"field changed in {count} records: {path}")
    print(f"{len(base)} records compared against {args.base or 'main'} ({commit[:10]}): "
          f"{len(changed)} changed, {len(missing)} missing, {len(added)} added")
    return 1 if changed or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())
