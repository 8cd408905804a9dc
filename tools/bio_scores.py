"""Precision and recall of the biography decision on the hand-labelled set.

Reads ``fixtures/biography/pages.jsonl.gz`` (id, lang, source, title,
wikitext) and ``fixtures/biography/labels.tsv`` (id, lang, title, label,
kind, note), parses every page as wikitext, and counts a page as predicted
"person" when the parser gives it a ``person``.  Prints the table and, with
``--write``, puts it in ``docs/biography.md`` between the marker lines.

Usage: python tools/bio_scores.py [--fixtures DIR] [--write] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bioparse import parse  # noqa: E402

BEGIN = "<!-- scores:begin -->"
END = "<!-- scores:end -->"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def load(fixtures: Path) -> list[tuple[dict[str, str], dict[str, str]]]:
    """(page, label row) pairs, in the labels file's order."""
    with gzip.open(fixtures / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        pages = {p["id"]: p for p in map(json.loads, fh)}
    with open(fixtures / "labels.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(pages[r["id"]], r) for r in rows if r["id"] in pages]


def score(pairs: list[tuple[dict[str, str], dict[str, str]]]) -> tuple[dict[str, Score], Score, Counter[tuple[str, str]]]:
    """Per-language scores, overall score, and (labelled kind, predicted kind) counts."""
    per: dict[str, Score] = {}
    total = Score()
    kinds: Counter[tuple[str, str]] = Counter()
    for page, row in pairs:
        article = parse(page["wikitext"], format="wikitext", title=page["title"])
        predicted = article.person is not None
        actual = row["label"] == "person"
        kinds[(row["kind"], article.kind or "none")] += 1
        for s in (per.setdefault(row["lang"], Score()), total):
            if predicted and actual:
                s.tp += 1
            elif predicted:
                s.fp += 1
                s.errors.append(f"false person: {row['lang']} {row['title']} {article.person.evidence if article.person else ''}")
            elif actual:
                s.fn += 1
                s.errors.append(f"missed person: {row['lang']} {row['title']} (kind {article.kind})")
            else:
                s.tn += 1
    return per, total, kinds


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(per: dict[str, Score], total: Score) -> str:
    """One row per language with a labelled or predicted person, the others summed in one row."""
    lines = ["| language | pages | persons | predicted | precision | recall |", "|---|---:|---:|---:|---:|---:|"]

    def row(name: str, s: Score) -> str:
        pages = s.tp + s.fp + s.fn + s.tn
        return f"| {name} | {pages} | {s.tp + s.fn} | {s.tp + s.fp} | {_fmt(s.precision)} | {_fmt(s.recall)} |"

    with_people = sorted((c for c in per if per[c].tp + per[c].fn + per[c].fp),
                         key=lambda c: (-(per[c].tp + per[c].fn), c))
    rest = [c for c in per if c not in with_people]
    for code in with_people:
        lines.append(row(code, per[code]))
    if rest:
        others = Score(tn=sum(per[c].tn for c in rest))
        lines.append(row(f"{len(rest)} other languages (no persons)", others))
    lines.append(row("**overall**", total))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixtures", type=Path, default=ROOT / "fixtures" / "biography")
    ap.add_argument("--write", action="store_true", help="write the table into docs/biography.md")
    ap.add_argument("--errors", action="store_true", help="list every false and missed person")
    args = ap.parse_args()
    per, total, kinds = score(load(args.fixtures))
    agree = sum(n for (want, got), n in kinds.items() if want == got)
    misses = ", ".join(f"{want} -> {got}: {n}" for (want, got), n in sorted(kinds.items()) if want != got)
    text = table(per, total) + (
        f"\n\n`Article.kind` agrees with the labelled kind on {agree} of {sum(kinds.values())} pages"
        + (f" (labelled -> predicted: {misses})." if misses else ".")
    )
    print(text)
    if args.errors:
        for line in total.errors:
            print(line)
    if args.write:
        doc = ROOT / "docs" / "biography.md"
        body = doc.read_text(encoding="utf-8")
        head, _, rest = body.partition(BEGIN)
        _, _, tail = rest.partition(END)
        doc.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
