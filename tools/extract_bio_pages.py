#!/usr/bin/env python3
"""Select the pages of the hand-labelled biography set and write them to ``fixtures/biography/pages.jsonl.gz``.

The labels themselves (``fixtures/biography/labels.tsv``) are written by hand,
by reading each page; this script only fixes *which* pages are in the set, so
the set can be rebuilt from the shared corpus and checked against it.

Selection rule (deterministic, no randomness):

1. Every page of every file in ``corpus/dumps/MANIFEST.tsv`` (manifest order,
   pages in file order) that is in the article namespace (ns 0, or no
   namespace given) and is not a redirect.
2. Every file of ``corpus/wikitext/`` and ``corpus/wikitext_i18n/``
   (manifest order) that is not a redirect.
3. A page already taken under the same (language, title), or with the same
   wikitext, is skipped: the first occurrence wins.
4. Languages with more than ``--cap`` candidate pages (the enwiki sample and the
   Latgalian wiki) are sampled: their candidates are ordered by
   ``sha1(language + "\\n" + title)`` and the first ``--cap`` are kept, so no
   single language dominates the set.

The language code ``en-simple`` of the manifests is written ``simple`` (the
Simple English Wikipedia's code).  Each page's ``id`` is
``<lang>-<first 10 hex digits of sha1(source + "\\n" + title)>``, stable across
runs.  Wikitext is kept whole; if the compressed output would exceed
``--max-bytes`` pages longer than 60,000 characters are truncated to that
length and marked ``"truncated": true`` (not needed for the current corpus).

Usage: python tools/extract_bio_pages.py [CORPUS_DIR] [--cap N] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bioparse.dump.sources import iter_pages

#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
REPO = Path(__file__).resolve().parents[1]

#: Redirect keywords seen in the corpus languages (MediaWiki's magic word and its local forms).
_REDIRECT = re.compile(
    r"\A\s*#\s*(?:redirect|weiterleitung|redirection|перенаправление|pāradresācija)\b",
    re.IGNORECASE,
)
LONG_PAGE = 60_000


def _lang(code: str) -> str:
    return "simple" if code == "en-simple" else code


def _is_redirect(text: str) -> bool:
    return bool(_REDIRECT.match(text[:200]))


def _digest(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()


def _page_id(source: str, title: str, lang: str) -> str:
    key = source + "\n" + title
    return lang + "-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _manifest(directory: Path) -> list[dict[str, str]]:
    with open(directory / "MANIFEST.tsv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def dump_candidates(corpus: Path) -> Iterator[dict[str, Any]]:
    """Article pages of every dump, in manifest order."""
    directory = corpus / "dumps"
    for row in _manifest(directory):
        lang = _lang(row["language"])
        for page in iter_pages(str(directory / row["file"]), namespaces=None):
            if (
                page.namespace not in (0, None)
                or page.redirect is not None
                or _is_redirect(page.text)
            ):
                continue
            yield {
                "lang": lang,
                "source": f"dumps/{row['file']}",
                "title": page.title,
                "wikitext": page.text,
            }


def wikitext_candidates(corpus: Path) -> Iterator[dict[str, Any]]:
    """Every wikitext article file, in manifest order."""
    for name in ("wikitext", "wikitext_i18n"):
        directory = corpus / name
        for row in _manifest(directory):
            text = (directory / row["file"]).read_text(encoding="utf-8")
            if _is_redirect(text):
                continue
            yield {
                "lang": _lang(row["language"]),
                "source": f"{name}/{row['file']}",
                "title": row["title"],
                "wikitext": text,
            }


def select(corpus: Path, cap: int) -> list[dict[str, Any]]:
    """The pages of the set, in a stable order (dumps first, then wikitext files)."""
    seen_titles: set[tuple[str, str]] = set()
    seen_texts: set[str] = set()
    candidates: list[dict[str, Any]] = []
    for cand in [*dump_candidates(corpus), *wikitext_candidates(corpus)]:
        key = (cand["lang"], cand["title"])
        digest = _digest(cand["wikitext"])
        if key in seen_titles or digest in seen_texts:
            continue
        seen_titles.add(key)
        seen_texts.add(digest)
        candidates.append(cand)
    per_lang = Counter(c["lang"] for c in candidates)
    keep: set[int] = set()
    for lang, n in per_lang.items():
        idx = [i for i, c in enumerate(candidates) if c["lang"] == lang]
        if n > cap:
            idx.sort(
                key=lambda i: hashlib.sha1(
                    (lang + "\n" + candidates[i]["title"]).encode("utf-8")
                ).hexdigest()
            )
            idx = idx[:cap]
        keep.update(idx)
    pages = []
    for i, cand in enumerate(candidates):
        if i in keep:
            pages.append({"id": _page_id(cand["source"], cand["title"], cand["lang"]), **cand})
    return pages


def _encode(pages: list[dict[str, Any]]) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        for page in pages:
            gz.write((json.dumps(page, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8"))
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpus"))
    ap.add_argument("--cap", type=int, default=240, help="most pages taken from one language")
    ap.add_argument("--out", default=str(REPO / "fixtures/biography/pages.jsonl.gz"))
    ap.add_argument("--max-bytes", type=int, default=25_000_000)
    args = ap.parse_args()
    pages = select(Path(args.corpus), args.cap)
    data = _encode(pages)
    if len(data) > args.max_bytes:
        for page in pages:
            if len(page["wikitext"]) > LONG_PAGE:
                page["wikitext"] = page["wikitext"][:LONG_PAGE]
                page["truncated"] = True
        data = _encode(pages)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    langs = Counter(p["lang"] for p in pages)
    print(
        f"{len(pages)} pages, {len(langs)} languages, {len(data):,} bytes -> {out}", file=sys.stderr
    )
    for lang, n in langs.most_common():
        print(f"  {lang}\t{n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
