"""Property tests: any input gives a valid, deterministic record and never raises.

Why: pages arrive from scrapers, mirrors and dumps in every state of
damage.  The strategies therefore build wiki-, HTML- and infobox-shaped
text (markup tokens, label words, slices of real fixtures spliced and
mutated), not only random unicode, so the readers' deeper paths are
reached.  ``bioparse.parse`` hides a reader exception behind a warning, so
the tests also assert that no "failed:" warning appears.
"""

from __future__ import annotations

import calendar
import json
import re
import time
from functools import lru_cache
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import bioparse
from bioparse import dates, jsonio
from bioparse.model import Article, Date
from bioparse.schema import json_schema
from bioparse.textio import decode_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
#: Wall-clock guard per example (hypothesis' own deadline is off: CI machines vary).
GUARD_SECONDS = 5.0
EXAMPLES = 120

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

TOKENS = [
    "{{", "}}", "[[", "]]", "|", "||", "=", "==", "'''", "''", "{|", "|}", "|-", "!", "!!", "<ref>", "</ref>",
    "<ref name=\"a\"/>", "<!--", "-->", "<nowiki>", "</nowiki>", "<br/>", "<table>", "</table>", "<tr>", "<td>",
    "<th>", "</td>", "</th>", "</tr>", "<div>", "</div>", "<span class=\"bday\">", "</span>", "<p>", "</p>",
    "<script>", "</script>", "<iframe>", "<h2>", "</h2>", "&amp;", "&#x41;", "&nbsp;", "&", "<", ">", "\n", "\n|",
    "\n!", "\n*", "\n#", "\n==", " ", "\t", ":", "(", ")", "[", "]", "–", "—", "\u00a0", "\ufeff", "\x00",
    "{{Infobox officeholder\n", "{{Infobox person", "| office = ", "| term_start = ", "| term_end = ",
    "| predecessor = ", "| successor = ", "| birth_date = ", "| death_date = ", "| birth_place = ",
    "{{birth date|1900|1|2}}", "{{death date and age|1980|5|6|1900|1|2}}", "{{s-start}}", "{{s-bef|before=[[A]]}}",
    "{{s-ttl|title=[[B]]|years=1900–1901}}", "{{s-end}}", "[[Category:1900 births]]", "#REDIRECT [[X]]",
    "Born", "Died", "In office", "Preceded by", "Succeeded by", "President", "Prime Minister", "Personal details",
    "Spouse", "Children", "Political party", "Alma mater", "1 January 1900", "January 1, 1900", "1900", "c. 1900",
    "(aged 80)", "BC", "present", "Incumbent", "Retrieved", "Archived", "John Smith", "was", "is", "born",
]

_MARKUP_ALPHABET = "{}[]|=<>'!*#:;-–—/\\\"&() \n\t0123456789aAbBzZé\u00a0"


@lru_cache(maxsize=None)
def _slices(kind: str, pattern: str) -> tuple[str, ...]:
    """Short slices of the real fixtures: head, middle and a few random-free offsets."""
    out: list[str] = []
    for path in sorted((FIXTURES / kind).glob(pattern)):
        text = path.read_text(encoding="utf-8", errors="replace")
        step = max(1, len(text) // 6)
        for start in range(0, len(text), step):
            out.append(text[start : start + 3000])
    return tuple(out) or ("",)


def _mutated(base: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A base text with pieces cut, duplicated, swapped and tokens inserted."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        text = draw(base)
        for _ in range(draw(st.integers(0, 6))):
            n = len(text)
            op = draw(st.integers(0, 4))
            i = draw(st.integers(0, n))
            j = draw(st.integers(i, min(n, i + 400)))
            if op == 0:
                text = text[:i]
            elif op == 1:
                text = text[:i] + text[j:]
            elif op == 2:
                text = text[:i] + text[i:j] * draw(st.integers(2, 5)) + text[i:]
            elif op == 3:
                text = text[:i] + draw(st.sampled_from(TOKENS)) * draw(st.sampled_from((1, 2, 50))) + text[i:]
            else:
                text = text[:i] + draw(st.text(alphabet=_MARKUP_ALPHABET, max_size=30)) + text[j:]
        return text

    return build()


_token_soup = st.lists(st.sampled_from(TOKENS) | st.text(alphabet=_MARKUP_ALPHABET, max_size=8), max_size=80).map(
    "".join
)


def _inputs(kind: str, pattern: str) -> st.SearchStrategy[str]:
    real = st.sampled_from(_slices(kind, pattern))
    spliced = st.tuples(real, real, st.integers(0, 3000)).map(lambda t: t[0][: t[2]] + t[1][t[2] :])
    return st.one_of(
        st.text(max_size=300),
        st.text(alphabet=_MARKUP_ALPHABET, max_size=400),
        _token_soup,
        _mutated(real),
        _mutated(spliced),
        _mutated(_token_soup),
    )


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema())


def _check(text: str, fmt: str) -> Article:
    """Parse twice: valid, deterministic, no masked failure, within the guard."""
    t0 = time.perf_counter()
    article = bioparse.parse(text, format=fmt)
    elapsed = time.perf_counter() - t0
    assert elapsed < GUARD_SECONDS, f"{fmt}: {elapsed:.1f}s on {len(text)} chars"
    data = jsonio.dumps(article)
    errors = [e.message for e in _validator().iter_errors(orjson.loads(data))]
    assert not errors, errors[:3]
    failed = [w for w in article.warnings if "failed:" in w]
    assert not failed, failed
    assert jsonio.dumps(bioparse.parse(text, format=fmt)) == data, "same input, different JSON"
    return article


@SETTINGS
@given(_inputs("text", "*.txt"))
def test_text_reader_any_input(text: str) -> None:
    assert _check(text, "text").source_format == "text"


@SETTINGS
@given(_inputs("wikitext", "*.wiki"))
def test_wikitext_reader_any_input(text: str) -> None:
    assert _check(text, "wikitext").source_format == "wikitext"


@SETTINGS
@given(_inputs("html", "*.html"))
def test_html_reader_any_input(text: str) -> None:
    assert _check(text, "html").source_format == "html"


@SETTINGS
@given(st.one_of(_inputs("html", "*.html"), _inputs("wikitext", "*.wiki"), _inputs("text", "*.txt")))
def test_auto_detection_any_input(text: str) -> None:
    _check(text, "auto")


def _record(body_kind: str, body: str, name: str, extra: dict[str, object]) -> str:
    record: dict[str, object] = {"name": name, "article_body": {body_kind: body}}
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@SETTINGS
@given(
    st.one_of(
        st.builds(
            _record,
            st.sampled_from(["html", "wikitext"]),
            st.one_of(_inputs("html", "*.html"), _inputs("wikitext", "*.wiki")),
            st.text(max_size=30),
            st.dictionaries(
                st.sampled_from(["identifier", "url", "date_modified", "version", "main_entity", "in_language",
                                 "categories", "redirects", "infoboxes"]),
                _json_values,
                max_size=4,
            ),
        ),
        _mutated(st.sampled_from(_slices("html", "*.json"))),
        _mutated(st.just('{"name": "A", "article_body": {"html": "<p>x</p>"}}')),
    )
)
def test_enterprise_record_any_input(text: str) -> None:
    _check(text, "enterprise")


# --------------------------------------------------------------------------- dates

_date_words = st.sampled_from(
    ["January", "Feb.", "mars", "März", "1", "12", "31", "1900", "0", "-", "–", "to", "c.", "BC", "AD", "(aged 3)",
     "[O.S. 1 January]", "present", "since", "or", ",", " ", "/", "年", "月", "日", "century", "1990s", "in", "Paris"]
)
_date_texts = st.one_of(
    st.text(max_size=80),
    st.lists(_date_words, max_size=14).map(" ".join),
    st.lists(_date_words, max_size=14).map("".join),
    _mutated(st.sampled_from(["1 January 1900", "January 1, 1900 – March 2, 1901", "c. 500 BC", "1900–1901",
                              "1 January 1900 (aged 80) Paris, France", "15 (26) May 1800"])),
)
_ISO = re.compile(r"^-?\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$")


def _valid_date(d: Date | None) -> None:
    if d is None:
        return
    m = _ISO.match(d.iso)
    assert m, d.iso
    if m.group(1):
        month = int(m.group(1))
        assert 1 <= month <= 12, d.iso
        if m.group(2):
            year = int(d.iso[: d.iso.index("-", 1)]) if d.iso.startswith("-") else int(d.iso[:4])
            leap_year = year if year > 0 else year + 400 * 10  # astronomical year: shift into range
            assert 1 <= int(m.group(2)) <= calendar.monthrange(leap_year, month)[1], d.iso


@settings(max_examples=300, deadline=None)
@given(_date_texts)
def test_dates_any_input(text: str) -> None:
    t0 = time.perf_counter()
    single = dates.parse_date(text)
    span = dates.parse_range(text)
    event = dates.split_event(text)
    assert time.perf_counter() - t0 < GUARD_SECONDS
    _valid_date(single)
    _valid_date(span.start)
    _valid_date(span.end)
    _valid_date(event.date)
    assert (dates.parse_date(text), dates.parse_range(text), dates.split_event(text)) == (single, span, event)


# --------------------------------------------------------------------------- bytes

_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda s: s.encode("utf-16-le")),
    st.text(max_size=200).map(lambda s: s.encode("utf-16")),
    st.text(max_size=200).map(lambda s: b"\xef\xbb\xbf" + s.encode()),
    st.tuples(st.text(max_size=100), st.binary(max_size=20), st.text(max_size=100)).map(
        lambda t: t[0].encode() + t[1] + t[2].encode("latin-1", errors="replace")
    ),
)


@settings(max_examples=200, deadline=None)
@given(_bytes)
def test_decode_bytes_any_bytes(data: bytes) -> None:
    text, warnings = decode_bytes(data)
    assert isinstance(text, str)
    assert all(isinstance(w, str) for w in warnings)
    try:
        plain = data.decode("utf-8")
    except UnicodeDecodeError:
        plain = None
    if plain is not None and not data.startswith(b"\xef\xbb\xbf") and "\x00" not in plain:
        assert text == plain and warnings == []
    if "\ufffd" in text and (plain is None or "\ufffd" not in plain):
        assert warnings, "bytes were replaced without a warning"
    assert decode_bytes(data) == (text, warnings)


@pytest.mark.parametrize("suffix", [".txt", ".wiki", ".html", ".json", ""])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_bytes)
def test_parse_file_any_bytes(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    article = bioparse.parse_file(path)
    blob = jsonio.dumps(article)
    assert not list(_validator().iter_errors(orjson.loads(blob)))
    assert not [w for w in article.warnings if "failed:" in w]
    assert jsonio.dumps(bioparse.parse_file(path)) == blob
