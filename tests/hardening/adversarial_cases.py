"""Adversarial inputs for the hardening suite, built on demand (some are megabytes).

Each case names the code it aims at, so a slow case points at its cause.
Shared by ``test_hardening_adversarial.py`` and ``tools/fuzz.py``-style
timing runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable

MB = 1_000_000


def _ten_mb_line() -> str:
    unit = "Born 1 January 1900 in Paris, {{a|b}} [[x|y]] <b>z</b> '''w''' | Preceded by A (1900–1901) "
    return (unit * (10 * MB // len(unit) + 1))[: 10 * MB]


def _nested_templates() -> str:
    return "{{Infobox person\n| name = " + "{{a|" * 1000 + "x" + "}}" * 1000 + "\n}}\nText."


def _many_refs() -> str:
    return "'''A''' was born in 1900." + "<ref>Source, 2001.</ref>" * 100_000 + "\n==References==\n{{reflist}}\n"


def _wikitable() -> str:
    return "{| class=\"wikitable\"\n" + "|-\n| a || 1900 || b\n" * 50_000 + "|}\n"


def _html_table() -> str:
    rows = "<tr><th>Born</th><td>1 January 1900</td></tr>" * 50_000
    return f"<html><body><table class=\"infobox\">{rows}</table><p>x</p></body></html>"


#: name -> (builder, what it targets)
CASES: dict[str, tuple[Callable[[], str], str]] = {
    "line_10mb": (_ten_mb_line, "any per-line or per-value regex over one huge line"),
    "nested_templates_1000": (_nested_templates, "template scanner recursion depth"),
    "refs_100k": (_many_refs, "reference scanner and reference list"),
    "wikitable_50k_rows": (_wikitable, "wikitext table handling"),
    "html_table_50k_rows": (_html_table, "HTML infobox row walk"),
    "run_open_links": (lambda: "[[" * 500_000, "link scanners"),
    "run_open_templates": (lambda: "{{" * 500_000, "template scanner"),
    "run_pipes": (lambda: "|" * MB, "row/cell splitting"),
    "run_quotes": (lambda: "'" * MB, "bold/italic quote runs"),
    "run_lt": (lambda: "<" * MB, "tag scanners"),
    "run_lt_ref": (lambda: "<ref " * 200_000, "opaque-tag opener without '>'"),
    "run_comment_openers": (lambda: "<!--" * 250_000, "comment stripping"),
    "run_includeonly": (lambda: "<includeonly>" * 80_000, "includeonly stripping"),
    # regex-targeted inputs: long ambiguous runs that make a backtracking engine go quadratic
    "heading_spaces": (lambda: "=" + " \t" * 100_000 + "x\n", "wikitext heading regex ([ \\t]* around a lazy group)"),
    "heading_equals": (lambda: "==a" + "=" * 200_000 + "b\n", "heading regexes (==+ ... ==+ then a non-space)"),
    "dash_line": (lambda: "-" * 200_000 + "x\n", "text separator-row regex (overlapping [-...]* and -{3})"),
    "space_run": (lambda: "a" + " " * 200_000 + "x\n", "\\s* before a required character, searched at each position"),
    "tab_run": (lambda: "Born" + "\t" * 200_000 + "x\n", "multispace label/value rows"),
    "open_parens": (lambda: "(" * 200_000, "parenthesis regexes ([^()]* searched from each '(')"),
    "paren_years": (lambda: "(" + "1900 " * 40_000, "paren-with-year regexes (\\d{4} inside [^()]*)"),
    "retrieved_spaces": (lambda: "Retrieved x" + " " * 100_000 + "y.", "reference 'Retrieved'/'Archived' regexes"),
    "slot_digits": (lambda: "{{Infobox officeholder|office" + "1" * 100_000 + "x=y}}", "numbered-slot parameter regex"),
    "colon_row_spaces": (lambda: " " * 100_000 + "a" + " " * 100_000 + ":b\n", "colon label rows"),
    "title_dashes": (lambda: "<title>" + " - " * 100_000 + "</title><p>x</p><p>y</p>", "title suffix regexes"),
    "lead_paren": (lambda: "A (" + "a" * 200_000 + " was born", "lead-sentence regexes"),
    "many_lines_labels": (lambda: "Born:\n" * 200_000, "label lines with no values"),
    "many_headers": (lambda: "== a ==\n" * 200_000, "section splitting"),
    "deep_html": (lambda: "<div>" * 100_000 + "x" + "</div>" * 100_000, "HTML tree depth"),
    "deep_lists": (lambda: "*" * 100_000 + " x\n", "list markers"),
    "date_junk": (lambda: "1 January " * 100_000, "date regexes over a long value"),
    "br_spaces": (lambda: "a<br" + " " * 100_000 + "b", "<br> regex (two adjacent \\s*)"),
    "lt_spaces": (lambda: "a<" + " " * 100_000 + "x", "tag regexes with \\s* after '<'"),
    "ref_attr_word": (lambda: "x<ref " + "a1" * 100_000 + ">y</ref>", "ref attribute regex on a long word"),
    "tabs_line": (lambda: "\t" * 200_000 + "x:y\n", "colon-row regex on leading tabs"),
    "long_word": (lambda: "a" * 2 * MB, "word-boundary and \\w+ regexes"),
    "paren_no_close_ref": (
        lambda: "<p>x</p><ol class=\"references\"><li id=\"cite_note-1\">(" + "1900 " * 40_000 + "</li></ol>",
        "reference date-in-parentheses regex",
    ),
    "title_spaces_html": (
        lambda: "<title>A" + " " * 100_000 + "x</title><h1>A</h1><p>b</p>", "HTML title suffix regex"
    ),
    "disambiguation_title": (lambda: "<title>" + "( " * 50_000 + "</title><p>b</p><p>c</p>", "title (...) regex"),
    "link_target_spaces": (lambda: "x [[A" + " " * 100_000 + "x]] y", "link-target '(...)' regex"),
    "text_ref_spaces": (
        lambda: "A was born in 1900.\n\nReferences\n\n1. ^ a" + " " * 100_000 + "x on 2001.\n",
        "plain-text reference title split",
    ),
    "acting_office": (
        lambda: "{{Infobox officeholder\n| office = President" + " " * 100_000 + "x\n| term_start = 1900\n}}",
        "office acting/years suffix regexes",
    ),
}


def build(name: str) -> str:
    """The text of case ``name``."""
    return CASES[name][0]()


def as_enterprise(text: str, body: str = "html") -> str:
    """Wrap ``text`` as the body of a Wikimedia Enterprise record."""
    return json.dumps({"name": "X", "article_body": {body: text}})
