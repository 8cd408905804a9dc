#!/usr/bin/env python3
"""Parse every wikitext file of the given folders and report what came out.

Usage: check_wikitext_corpus.py [DIR ...]   (default: the shared wikitext corpora)

Prints per-folder counts: files, exceptions (must be 0), warnings, pages with a
person, offices, infoboxes, references, and reader / full-pipeline speed.
Exit status 1 when any file raised.
"""

from __future__ import annotations

import os

import sys
import time
import traceback
from pathlib import Path

from bioparse.api import parse
from bioparse.readers.wikitext import read_wikitext
from bioparse.textio import decode_bytes

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))

DEFAULT = [str(SHARED / "corpus/wikitext"), str(SHARED / "corpus/wikitext_partial")]


def check(folder: Path) -> int:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".wiki", ".txt", ".wikitext"))
    errors = warnings = persons = offices = boxes = references = 0
    t_read = t_parse = 0.0
    chars = 0
    for path in files:
        text, _ = decode_bytes(path.read_bytes())
        chars += len(text)
        try:
            start = time.perf_counter()
            doc = read_wikitext(text, title=path.stem)
            t_read += time.perf_counter() - start
            start = time.perf_counter()
            article = parse(text, format="wikitext", title=path.stem)
            t_parse += time.perf_counter() - start
        except Exception:  # noqa: BLE001 - counting them is the point
            errors += 1
            print(f"EXCEPTION {path.name}", file=sys.stderr)
            traceback.print_exc()
            continue
        warnings += len(doc.warnings) + len(article.warnings)
        boxes += len(doc.infoboxes)
        references += len(doc.references)
        if article.person is not None:
            persons += 1
            offices += len(article.person.offices)
    n = max(len(files), 1)
    print(f"{folder}: files={len(files)} exceptions={errors} warnings={warnings} persons={persons} "
          f"offices={offices} infoboxes={boxes} references={references} chars={chars}")
    print(f"  read_wikitext: {t_read:.2f}s ({n / max(t_read, 1e-9):.1f} files/s, {t_read / n * 1000:.1f} ms/file); "
          f"parse(): {t_parse:.2f}s ({n / max(t_parse, 1e-9):.1f} files/s)")
    return errors


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [Path(d) for d in DEFAULT]
    errors = sum(check(f) for f in folders)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
