#!/usr/bin/env python3
"""Per-language scores over the whole shared corpus, written to docs/languages.md.

Usage: python tools/lang_scores.py [--corpus DIR] [--doc docs/languages.md] [--print]

Reads every page of ``corpus/{wikitext,wikitext_i18n,html,text_i18n,dumps}``
(``shared/`` beside the repository; BIOPARSE_SHARED overrides) and counts, per
language: pages, biographies, biographies with a person found, offices found
on them, and birth/death dates read on them.  Which pages are biographies
comes from the manifests (``is_biography`` of wikitext and html; every
text_i18n page is one, its ``kind`` says which); dump pages are judged by the
wikitext manifest (the same page extracted) or by the short hand list below,
and the rest are counted as unjudged.  A dump page that is a redirect is no
biography, whatever the manifest says of its title (a manifest may have taken
the title from another revision, when it still held the article).

The tool rewrites two parts of ``docs/languages.md``: the ``# Languages``
introduction (data layout, aspects, and the table of languages x aspects
generated from ``src/bioparse/lang/data``) and the ``## Scores`` section.
Other ``## `` sections of the file are kept as they are.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bioparse import lang
from bioparse.api import parse
from bioparse.dump.sources import iter_pages
from bioparse.model import Article
from bioparse.readers.enterprise import split_records
from bioparse.textio import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
#: The shared corpus and peer scripts: ``shared/`` beside the repository (override with BIOPARSE_SHARED).
SHARED = Path(os.environ.get("BIOPARSE_SHARED", ROOT.parent / "shared"))

#: Dump pages that no manifest judges, judged by hand from their title and text.
HAND_BIOGRAPHIES = {
    ("fr", "Jules César"), ("fr", "Madonna"), ("en", "Grover Cleveland"), ("en", "Edward VIII"),
}
#: Aspects a language folder may hold, in table order (see ``bioparse.lang``).
ASPECTS = (
    "labels", "dates", "date_templates", "templates", "lead", "sections", "biography", "offices",
    "office_phrases", "rendering", "wikidata",
)
_WIKI_LANG = re.compile(r"_([a-z]{2,3}|simple)wiki_")


@dataclass
class Score:
    """Counts for one language."""

    pages: int = 0
    biographies: int = 0
    persons: int = 0
    offices: int = 0
    dates: int = 0
    unjudged: int = 0
    unjudged_persons: int = 0
    formats: set[str] = field(default_factory=set)
    missing: list[tuple[str, str]] = field(default_factory=list)


def _lang(code: str) -> str:
    return {"en-simple": "simple", "language": ""}.get(code, code)


def _manifest(folder: Path) -> list[dict[str, str]]:
    path = folder / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _why_no_person(article: Article, fmt: str) -> str:
    """A short diagnosis for a biography that gave no person."""
    if not article.infoboxes:
        if fmt in ("wikitext", "dump"):
            return "no infobox in the wikitext: the facts are in the lead (and body) only"
        return f"no infobox recognized in the {fmt} rendering"
    names = sorted({box.name or "?" for box in article.infoboxes})
    keyed = [r for box in article.infoboxes for r in box.rows if r.key]
    if not keyed:
        return f"infobox without readable rows ({', '.join(names)[:80]})"
    return f"infobox rows but none a person fact ({', '.join(names)[:80]})"


def _count(scores: dict[str, Score], code: str, fmt: str, label: str, article: Article,
           biography: bool | None) -> None:
    score = scores[code]
    score.pages += 1
    score.formats.add(fmt)
    person = article.person
    if biography is None:
        score.unjudged += 1
        score.unjudged_persons += person is not None
        return
    if not biography:
        return
    score.biographies += 1
    if person is None:
        score.missing.append((label, _why_no_person(article, fmt)))
        return
    score.persons += 1
    score.offices += len(person.offices)
    score.dates += sum(1 for event in (person.birth, person.death) if event is not None and event.date is not None)


def _score_corpus(corpus: Path) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    judged: dict[tuple[str, str], bool] = {}

    for sub in ("wikitext", "wikitext_i18n"):
        for row in _manifest(corpus / sub):
            code = _lang(row["language"])
            path = corpus / sub / row["file"]
            text, _ = decode_bytes(path.read_bytes())
            title = re.sub(r"\s*\(.*\)$", "", row["title"]) if sub == "wikitext_i18n" else row["title"]
            biography = row.get("is_biography") == "yes"
            judged[(code, row["title"])] = biography
            _count(scores, code, "wikitext", f"{sub}/{row['file']}",
                   parse(text, format="wikitext", title=title), biography)

    for row in _manifest(corpus / "html"):
        path = corpus / "html" / row["file"]
        m = _WIKI_LANG.search(row["file"])
        code = m.group(1) if m else "en"
        text, _ = decode_bytes(path.read_bytes())
        biography = row.get("is_biography") == "yes"
        if path.suffix == ".ndjson":
            for i, record in enumerate(split_records(text), 1):
                _count(scores, code, "html", f"html/{row['file']}#{i}", parse(record, format="enterprise"), biography)
        else:
            fmt = "enterprise" if path.suffix == ".json" else "html"
            _count(scores, code, "html", f"html/{row['file']}", parse(text, format=fmt), biography)

    for row in _manifest(corpus / "text_i18n"):
        path = corpus / "text_i18n" / row["file"]
        text, _ = decode_bytes(path.read_bytes())
        _count(scores, _lang(row["language"]), "text", f"text_i18n/{row['file']}",
               parse(text, format="text", title=row["title"]), True)

    for row in _manifest(corpus / "dumps"):
        code = _lang(row["language"])
        try:
            pages = list(iter_pages(str(corpus / "dumps" / row["file"]), namespaces=[0]))
        except Exception as exc:  # noqa: BLE001 - a broken dump is reported, not fatal
            print(f"skipped {row['file']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for page in pages:
            fmt = page.format
            judgement = judged.get((code, page.title))
            if judgement is None and (code, page.title) in HAND_BIOGRAPHIES:
                judgement = True
            article = parse(page.text, format=fmt, title=page.title)
            if judgement and article.is_redirect:
                # a manifest judged the title from another revision; here the page only points away
                judgement = False
            _count(scores, code, "dump", f"dumps/{row['file']}#{page.title}", article, judgement)
    return dict(scores)


def _entries(value: object) -> int:
    """How many names a piece of language data holds (leaves of its lists and mappings)."""
    if isinstance(value, dict):
        return sum(_entries(v) if isinstance(v, (dict, list)) else 1 for v in value.values())
    if isinstance(value, list):
        return sum(_entries(v) if isinstance(v, (dict, list)) else 1 for v in value)
    return 1


def _aspect_table() -> list[str]:
    rows = ["| language | " + " | ".join(ASPECTS) + " |", "|---|" + "---|" * len(ASPECTS)]
    for code in lang.languages():
        cells = []
        for aspect in ASPECTS:
            data = lang.aspect(code, aspect)
            cells.append(f"{_entries(data)}" if data else "")
        rows.append(f"| {code} | " + " | ".join(cells) + " |")
    return rows


def _intro() -> str:
    lines = [
        "# Languages",
        "",
        "Everything bioparse knows about a language is data, not code: one folder per",
        "language, one JSON object per aspect, `src/bioparse/lang/data/<code>/<aspect>.json`,",
        "read through `bioparse.lang` (`aspect(code, name)`, `table(name)`, `merged(name, key)`,",
        "`merged_map(name, key)`).  The modules that use the data build their lookups once, at",
        "import, from every language at once (a page may use another wiki's templates): the",
        "wikitext reader's infobox names, parameter maps, link, succession and record templates",
        "come from `templates.json`.  Adding a language is adding its folder and fixtures; no",
        "reader changes.",
        "",
        "Aspects (each file optional):",
        "",
        "- `labels`: rendered infobox labels -> canonical key, section-header words, and the",
        "  furniture of renderings: caption words, flag alt text (`flag_alt`, `flag_country`), page",
        "  and value chrome, Personendaten headers, run-together labels.",
        "- `dates`: month names (every case), eras, ordinals, range words, 'present' words (the keys",
        "  are in \"Dates\" below).",
        "- `date_templates`: the wikitext templates that print dates, with their shape and parameter",
        "  order (\"Date templates\" below).",
        "- `templates`: person/officeholder infobox template names (`infobox`: `prefixes`, `names`,",
        "  `suffixes`), `person_params` (parameter -> canonical key), `slot_params` (office",
        "  parameters; a trailing number, `office2` / `début fonction2` / `должность_2`, picks the",
        "  slot), `office_params` (`headers` naming an office; `strong` ones make an office on their",
        "  own), `serving_with_params` (parameter -> role shown), `implied_offices`,",
        "  `no_office_infoboxes` (sports boxes whose start dates are debuts), `acting_prefixes`",
        "  (\"Acting\", \"interino\", \"и. о.\" before an office title), `link_templates` and",
        "  `link_template_prefixes` (interlanguage links: which arguments are the `display` text and",
        "  the local `target`, first non-empty wins), `succession` (succession-box template names,",
        "  `aliases` onto the English parts, `box_params`), `record_templates`.",
        "  Parameter names are compared in lower case with spaces and hyphens as `_`.",
        "- `lead`: lead-sentence words and shapes (born, died, in).",
        "- `sections`: names of the `references`, `external_links`, `see_also` and",
        "  `further_reading` sections, and `reflist_templates` (templates that print the references",
        "  list and may hold list-defined refs, `{{Reflist|refs=...}}`). `bioparse.extract.sections`",
        "  gives every `Section` its `role` from the names (case-folded, trailing punctuation",
        "  dropped; the page's language first when its metadata states it, every language's names",
        "  otherwise), and the plain-text reader takes a line naming a references section in any",
        "  language (\"Einzelnachweise\", \"Notes et références\", \"脚注\") as the heading of the",
        "  references list.",
        "- `biography`: births/deaths/living-people category patterns, person and non-person",
        "  infobox names, fictional and group categories, occupations and lead connectors: the",
        "  evidence `bioparse.extract.biography` weighs.",
        "- `offices`: placeholders (\"Position established\"), acting words, qualifier prefixes,",
        "  row kinds (nominations, precedence, records), ordinals and ordinals inside titles",
        "  (`第7任`, `ke-4`), title notes, list pages, and the academic titles and suffixes cut from",
        "  names (`name_prefixes`, `name_suffixes`).",
        "- `office_phrases`: how a lead names an office after its copula (en), to title an infobox",
        "  term that has dates but no title.",
        "- `rendering`: the opening words of the message a wiki prints where a template failed",
        "  (\"Script error\", \"Erreur de script\"): never a place or a value.",
        "- `wikidata`: the Wikipedia edition's own Wikidata item (the `wikidata` export's P143",
        "  \"imported from Wikimedia project\"), the label language where it is not the code, and",
        "  placeholder values that are no person.",
        "",
        "The canonical keys are listed in `src/bioparse/extract/labels.py`.",
        "",
        "Coverage: the number of entries (names, mappings) each language's files hold, generated",
        "from the data folders by `tools/lang_scores.py` (empty: no file for that aspect yet).",
        "",
    ]
    return "\n".join(lines + _aspect_table()) + "\n"


def _scores_section(scores: dict[str, Score], seconds: float) -> str:
    lines = [
        "## Scores",
        "",
        "Measured by `python tools/lang_scores.py` over the shared corpus (wikitext, wikitext_i18n,",
        "html, text_i18n, dumps; a page counts once per file it appears in).  *Biographies* are the",
        "pages the manifests (or, for dump pages no manifest covers, a short hand list) call",
        "biographies; *persons*, *offices* and *dates* (birth and death dates read) count only on",
        "them.  *Unjudged* dump pages are shown with how many gave a person.",
        "",
        "| language | formats | pages | biographies | persons found | offices | dates read | unjudged (with person) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    total = Score()
    rest = Score()
    rest_codes: list[str] = []
    for code in sorted(scores, key=lambda c: (-scores[c].biographies, c)):
        s = scores[code]
        for name in ("pages", "biographies", "persons", "offices", "dates", "unjudged", "unjudged_persons"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        if not s.biographies and s.formats == {"dump"}:
            # a one-page dump (the DBpedia minidumps' "Berlin") per language: one row for them all
            rest_codes.append(code)
            for name in ("pages", "unjudged", "unjudged_persons"):
                setattr(rest, name, getattr(rest, name) + getattr(s, name))
            continue
        lines.append(f"| {code} | {', '.join(sorted(s.formats))} | {s.pages} | {s.biographies} | "
                     f"{s.persons} | {s.offices} | {s.dates} | {s.unjudged} ({s.unjudged_persons}) |")
    if rest_codes:
        lines.append(f"| {len(rest_codes)} more, dump pages only | dump | {rest.pages} | 0 | 0 | 0 | 0 | "
                     f"{rest.unjudged} ({rest.unjudged_persons}) |")
    lines.append(f"| **all** | | {total.pages} | {total.biographies} | {total.persons} | {total.offices} | "
                 f"{total.dates} | {total.unjudged} ({total.unjudged_persons}) |")
    if rest_codes:
        lines += ["", "Dump-only languages: " + ", ".join(rest_codes) + "."]
    missing = [(code, label, why) for code in sorted(scores) for label, why in scores[code].missing]
    lines += ["", f"Biographies that give no person ({len(missing)}):", ""]
    lines += [f"- {code}: `{label}`: {why}" for code, label, why in missing] or ["- none"]
    lines += ["", f"({seconds:.0f} s for the whole corpus.)", ""]
    return "\n".join(lines)


def _rewrite(doc: Path, intro: str, scores: str) -> None:
    """Replace the introduction and the Scores section; keep every other ``## `` section."""
    old = doc.read_text(encoding="utf-8") if doc.is_file() else ""
    parts = re.split(r"(?m)^(?=## )", old)
    others = [p.rstrip("\n") + "\n" for p in parts[1:] if not p.startswith("## Scores")]
    doc.write_text("\n".join([intro, scores] + others), encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(SHARED / "corpus"))
    ap.add_argument("--doc", default=str(ROOT / "docs" / "languages.md"))
    ap.add_argument("--print", action="store_true", help="print the sections instead of writing the doc")
    args = ap.parse_args(argv)
    started = time.monotonic()
    scores = _score_corpus(Path(args.corpus))
    section = _scores_section(scores, time.monotonic() - started)
    if args.print:
        print(_intro())
        print(section)
    else:
        _rewrite(Path(args.doc), _intro(), section)
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
