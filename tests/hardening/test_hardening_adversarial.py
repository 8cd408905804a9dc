"""Adversarial inputs: every reader finishes in bounded time and loses nothing silently.

Why: one pathological page (a 10 MB line, 100,000 refs, a run of ``[[``, a
line built to make a regular expression backtrack) must not stall a dump
run of millions of pages.  The goal on the development machine is under
2 s per case and reader (measured times are in docs/reliability.md); the
assertion allows 10 s so a busy CI runner does not flake.
"""

from __future__ import annotations

import time

import pytest

import bioparse
from bioparse import jsonio

from .adversarial_cases import CASES, as_enterprise, build

LIMIT_SECONDS = 10.0
FORMATS = ("text", "wikitext", "html", "enterprise")


@pytest.fixture(scope="module")
def cache() -> dict[str, str]:
    return {}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_case_is_bounded(name: str, fmt: str, cache: dict[str, str]) -> None:
    if name not in cache:
        cache.clear()  # keep one multi-megabyte case in memory at a time
        cache[name] = build(name)
    text = cache[name]
    payload = as_enterprise(text) if fmt == "enterprise" else text
    t0 = time.perf_counter()
    article = bioparse.parse(payload, format=fmt)
    elapsed = time.perf_counter() - t0
    assert elapsed < LIMIT_SECONDS, f"{name} via {fmt}: {elapsed:.1f}s"
    assert not [w for w in article.warnings if "failed:" in w]
    assert jsonio.dumps(article)  # serialisable


def test_many_refs_are_all_kept() -> None:
    """100,000 distinct <ref>s in wikitext: every one becomes a reference, none is dropped."""
    article = bioparse.parse(build("refs_100k"), format="wikitext")
    assert len(article.references) == 100_000
    assert article.references[-1].number == 100_000


def test_wikitable_is_not_an_infobox() -> None:
    """A 50,000-row data table is neither an infobox nor a list of offices."""
    article = bioparse.parse(build("wikitable_50k_rows"), format="wikitext")
    assert article.infoboxes == []
    assert article.person is None or not article.person.offices


def test_html_table_rows_are_read() -> None:
    """An infobox of 50,000 'Born' rows is read (and the birth date taken) without stalling."""
    article = bioparse.parse(build("html_table_50k_rows"), format="html")
    assert article.infobox is not None
    assert len(article.infobox.rows) >= 50_000
    assert article.person is not None and article.person.birth is not None
    assert article.person.birth.date is not None and article.person.birth.date.iso == "1900-01-01"


def test_nested_templates_keep_the_text_after_them() -> None:
    article = bioparse.parse(build("nested_templates_1000"), format="wikitext")
    assert "Text." in "\n".join(s.text for s in article.sections)
