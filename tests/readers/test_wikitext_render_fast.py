"""The fast forms of the renderer's clean-ups match what they replace, on any string."""

from __future__ import annotations

import random
from collections.abc import Iterator
import re

import pytest

from bioparse.readers.wikitext import render, scan

#: The original definitions the fast forms stand for.
HSPACE = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
PAREN_HINT = re.compile(r"\( ?[;,]|[;,] ?\)")
LIST_MARK = re.compile(r"^[ \t]*[*#:;]+[ \t]*", re.M)
QUOTES = re.compile(r"'{2,}")
ALPHABET = " \t\u00a0\u2009\u202fa(;,)\n"
LIST_ALPHABET = " \t\n*#:;a"
MARKER = re.compile("\x7f([RX])(\\d+)\x7f")


def _texts(seed: int, alphabet: str, count: int = 500) -> Iterator[str]:
    """``count`` random strings of up to 30 characters drawn from ``alphabet``, the same for a seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))


def _quotes(m: re.Match[str]) -> str:
    n = len(m.group())
    return "'" if n == 4 else "'" * (n - 5) if n > 5 else ""


@pytest.mark.parametrize("seed", range(20))
def test_fast_blank_runs_equal_the_original(seed: int) -> None:
    for text in _texts(seed, ALPHABET):
        assert render.fold_blanks(text) == HSPACE.sub(" ", text), repr(text)
        assert render._paren_junk_hint(text) == bool(PAREN_HINT.search(text)), repr(text)


@pytest.mark.parametrize("seed", range(10))
def test_fast_list_marks_equal_the_original(seed: int) -> None:
    for text in _texts(seed, LIST_ALPHABET):
        assert render.drop_list_marks(text) == LIST_MARK.sub("", text), repr(text)


@pytest.mark.parametrize("seed", range(10))
def test_fast_quotes_equal_the_original(seed: int) -> None:
    for text in _texts(seed, "''a "):
        assert render.drop_quotes(text) == QUOTES.sub(_quotes, text), repr(text)


def test_unmask_drops_ref_markers_and_keeps_nowiki_text() -> None:
    tags = [scan.Tag("ref", {}, "a source"), scan.Tag("nowiki", {}, "[[kept]]"), scan.Tag("math", {}, "x")]
    assert scan.unmask("a\x7fR0\x7fb", tags) == "ab"
    assert scan.unmask("a\x7fR0\x7fb\x7fX1\x7fc\x7fX2\x7f", tags) == "ab[[kept]]c"


def test_links_are_recorded_only_when_kept() -> None:
    ctx = render.Ctx()
    assert render.finish("[[Paris (France)|]] and [[Lyon|the city]] [[#Notes]]", ctx) == "Paris and the city #Notes"
    assert ctx.links == ["Paris (France)", "Lyon"]
    assert ctx.shown_links == [("Paris", "Paris (France)"), ("the city", "Lyon")]
    quiet = render.Ctx(keep_links=False)
    assert render.finish("[[Paris (France)|]] and [[Lyon|the city]] [[#Notes]]", quiet) == "Paris and the city #Notes"
    assert quiet.links == [] and quiet.shown_links == []


@pytest.mark.parametrize("seed", range(10))
def test_heading_lines_equal_the_whole_page_search(seed: int) -> None:
    from bioparse.readers.wikitext import _HEADING, _headings

    for text in _texts(seed, "== a\n\t"):
        found = [(m.start(), m.end(), m.groups()) for m in _headings(text)]
        assert found == [(m.start(), m.end(), m.groups()) for m in _HEADING.finditer(text)], repr(text)


def _original_lines(text: str, value: bool) -> str:
    """The per-line loop ``tidy_lines`` replaced."""
    lines = [line.strip() for line in text.split("\n")]
    if value:
        return "\n".join(line for line in lines if line)
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(10))
def test_line_tidying_equals_the_per_line_loop(seed: int) -> None:
    for text in _texts(seed, "\n\n a\u3000\t\x0b"):
        for value in (True, False):
            assert render.tidy_lines(text, value) == _original_lines(text, value), repr(text)


def test_grouped_namespace_patterns_match_the_flat_alternation() -> None:
    flat_file = re.compile(r"\[\[\s*:?\s*(?:" + "|".join(re.escape(n) for n in render.FILE_NS) + r")\s*:", re.I)
    flat_category = re.compile(
        r"\[\[\s*(?:" + "|".join(re.escape(n) for n in render.CATEGORY_NS)
        + r")\s*:\s*([^\[\]|\n]*)(?:\|[^\[\]\n]*)?\]\]",
        re.I,
    )
    names = render.FILE_NS + render.CATEGORY_NS + ("fi", "files", "categor", "kat")
    texts = [f"a [[{pre}{name}{post}:X y|z]] b" for name in names
             for pre in ("", " ", ":") for post in ("", " ", "s")]
    texts += [t.upper() for t in texts] + [t.title() for t in texts]
    for text in texts:
        assert [m.span() for m in render._NS_FILE.finditer(text)] == [m.span() for m in flat_file.finditer(text)]
        assert [(m.span(), m.groups()) for m in render._CATEGORY.finditer(text)] == [
            (m.span(), m.groups()) for m in flat_category.finditer(text)
        ], text


@pytest.mark.parametrize("seed", range(10))
def test_one_template_test_agrees_with_the_brace_matcher(seed: int) -> None:
    from bioparse.readers.wikitext.refs import _one_template

    rng = random.Random(seed)
    for _ in range(1000):
        body = "".join(rng.choice(["{{", "}}", "{", "}", "a", "|"]) for _ in range(rng.randint(0, 8))).strip()
        if _one_template(body):  # the quick test may say no to a single template, never yes to another
            assert scan.template_spans(body) == [(0, len(body))], repr(body)
    assert _one_template("{{cite web|url=x|title=y}}")
    assert not _one_template("{{cite web|title={{lang|fr|x}}}}")


#: What the renderer ran before the colon-link scan: three passes over the whole text.
def _namespaced_by_three_passes(text: str) -> str:
    text = render.drop_files(text)
    text = render._CATEGORY.sub("", text)
    return render._INTERWIKI.sub("", text)


NS_PIECES = ("[[", "]]", "|", ":", " ", "\n", "File", "category", "en", "de-at", "x", "[", "]")


@pytest.mark.parametrize("seed", range(20))
def test_namespaced_links_dropped_as_by_three_passes(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice(NS_PIECES) for _ in range(rng.randint(0, 25)))
        assert render.drop_namespaced(text) == _namespaced_by_three_passes(text), repr(text)


@pytest.mark.parametrize("seed", range(10))
def test_paren_hints_find_what_the_clean_ups_would_change(seed: int) -> None:
    for text in _texts(seed, "( ;,)a"):
        either = bool(render._OPEN_PAREN_HINT.search(text) or render._CLOSE_PAREN_HINT.search(text))
        assert either == bool(PAREN_HINT.search(text) or render._EMPTY_PAREN.search(text)), repr(text)


@pytest.mark.parametrize("seed", range(20))
def test_template_spans_by_find_equal_the_token_scan(seed: int) -> None:
    """The ``str.find`` scan gives what the token pattern's scan (kept for unclosed ``{{``) gives."""
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice("{{}}x|") for _ in range(rng.randint(0, 40)))
        lo = rng.randint(0, len(text))
        hi = rng.choice([None, rng.randint(lo, len(text))])
        expected = scan._spans_promoting(text, lo, len(text) if hi is None else hi)
        assert scan.template_spans(text, lo, hi) == expected, (text, lo, hi)
    deep = "{{" * 60 + "x" + "}}" * 60
    assert scan.template_spans(deep) == scan._spans_promoting(deep, 0, len(deep))


def test_mask_tags_notes_the_ref_markers_it_writes() -> None:
    """``Masked.ref_marks`` is what a scan of the masked text for ref markers finds."""
    text = ('A<ref name="a">one<ref>inner</ref></ref> b<nowiki>[[x]]</nowiki> c<REF name=b/> d'
            '<references><ref name="c">listed</ref></references> e<ref>two <math>x</math></ref>'
            '<ref>unclosed')
    masked = scan.mask_tags(text)
    expected = [(pos, idx) for pos, kind, idx in scan.markers(masked.text) if kind == "R"]
    assert masked.ref_marks == expected
    assert [masked.tags[idx].content for _pos, idx in masked.ref_marks] == [
        masked.tags[0].content, None, masked.tags[-1].content]


@pytest.mark.parametrize("seed", range(10))
def test_colon_links_are_the_pattern_matches(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ("[[", "]]", "[", "]", "|", ":", "a", " ", "\n")
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert render.colon_links(text) == [m.start() for m in render._COLON_LINK.finditer(text)], repr(text)
    many = "[[a:b " * (render._COLON_LOOP_MAX + 1)  # past the loop's bound: the pattern scans
    assert render.colon_links(many) == [m.start() for m in render._COLON_LINK.finditer(many)]
