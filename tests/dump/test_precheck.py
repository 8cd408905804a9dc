"""The ``--people-only`` pre-check never rules out a page the full parse calls a person.

Checked on every page of every fixture: dump pages of every namespace,
wikitext, HTML, Enterprise records, plain text, and the labelled biography
set when present.  ``tools/check_precheck.py`` does the same over the shared
corpus.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import bioparse
from bioparse.dump.precheck import may_be_person
from bioparse.dump.sources import FILE_FORMATS, DumpError, iter_pages
from bioparse.textio import decode_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def fixture_pages() -> Iterator[tuple[str, str, str, str | None]]:
    """(where, text, format, title) for every page the fixtures hold."""
    for path in sorted((FIXTURES / "dumps").iterdir()):
        if not path.is_file() or path.suffix == ".py" or "index" in path.name:
            continue
        try:
            for page in iter_pages(str(path), namespaces=None):
                yield f"dumps/{path.name}#{page.position}", page.text, page.format, page.title or None
        except DumpError:
            pass  # broken on purpose (truncated, billion laughs): the pages before the break count
    for folder in ("wikitext", "html", "text", "dumps/articles_dir"):
        for path in sorted((FIXTURES / folder).rglob("*")):
            fmt = FILE_FORMATS.get(path.suffix.lower())
            if path.is_file() and fmt is not None and "expected" not in path.parts:
                yield f"{folder}/{path.name}", decode_bytes(path.read_bytes())[0], fmt, None
    labelled = FIXTURES / "biography" / "pages.jsonl.gz"
    if labelled.is_file():
        with gzip.open(labelled, "rt", encoding="utf-8") as fh:
            for page in map(json.loads, fh):
                yield f"biography/{page['id']}", page["wikitext"], "wikitext", page["title"]


PAGES = list(fixture_pages())


def test_the_fixtures_have_people_and_others() -> None:
    persons = sum(bioparse.parse(t, format=f, title=n).person is not None for _w, t, f, n in PAGES)
    assert len(PAGES) > 300 and 20 < persons < len(PAGES)


@pytest.mark.parametrize(("where", "text", "fmt", "title"), PAGES, ids=[p[0] for p in PAGES])
def test_never_drops_a_person(where: str, text: str, fmt: str, title: str | None) -> None:
    article = bioparse.parse(text, format=fmt, title=title)
    if article.person is not None:
        assert may_be_person(text, fmt, title), f"{where}: the full parse finds {article.person.name}"


def test_it_does_rule_out_pages() -> None:
    """Not a pre-check that passes everything: most non-person dump pages are skipped."""
    dump = [(t, f, n) for w, t, f, n in PAGES if w.startswith("dumps/enwiki-latest")]
    skipped = [n for t, f, n in dump if not may_be_person(t, f, n)]
    assert len(skipped) > len(dump) * 0.8
    assert "Alabama" in skipped and "Abraham Lincoln" not in skipped


@pytest.mark.parametrize("text", ["", "{{", "[[Category:", "#REDIRECT", "\x00", "(" * 10000, "{" * 5000])
def test_odd_input_gives_an_answer(text: str) -> None:
    for fmt in ("wikitext", "html", "enterprise", "text"):
        assert may_be_person(text, fmt) in (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "#REDIRECT [[Abraham Lincoln]]\n\n[[Category:1809 births]]\n[[Category:1865 deaths]]",
        "#redirect[[Ada Lovelace]] {{R from short name}}\n{{Infobox person|birth_date=1815}}",
        "  #WEITERLEITUNG [[Johann Sebastian Bach]]\n[[Kategorie:Geboren 1685]]",
    ],
)
def test_a_redirect_is_ruled_out_before_its_categories_are_read(text: str) -> None:
    """The parser gives a redirect no person, whatever categories or templates follow the target."""
    assert bioparse.parse(text, format="wikitext").person is None
    assert not may_be_person(text, "wikitext")

