"""Canonical row keys, and the rendered infobox labels that mean them.

Readers of rendered pages (plain text, HTML) see labels such as "Preceded by"
or "Born"; the wikitext reader sees parameters such as ``predecessor2``.  Both
map what they see onto the one small vocabulary below, so the extractors never
need to know which format a row came from.

Canonical keys:

``office`` (header row: an office title, maybe with its ordinal),
``ordinal``, ``term`` (a whole range or "Assumed office ..."), ``term_start``,
``term_end``, ``predecessor``, ``successor``, ``serving_with`` (the label
keeps the role: "President"), ``constituency``, ``acting``, ``name``,
``full_name``, ``birth_name``, ``birth`` (date and place together),
``birth_date``, ``birth_place``, ``death``, ``death_date``, ``death_place``,
``resting_place``, ``nationality``, ``party``, ``spouse``, ``children``,
``alma_mater``, ``occupation``, ``awards``, ``section`` (a header row that is
not an office, such as "Personal details"), ``other`` (a known label that
nothing reads yet — cause of death, religion, signature, cabinet — so that its
row ends the value above it instead of continuing it).

The rendered labels themselves are data, one file per language:
``bioparse/lang/data/<code>/labels.json`` holds

``labels``         label as shown ("Preceded by", "Prédécesseur", "前任") -> canonical key
``section_headers`` header rows that group details ("Personal details", "Dati generali")
``run_together``   labels a mirror may glue to their value ("PredecessorX", "前任蔣經國") or
                   follow with one space; matched case-sensitively at the start of a line
``title_words``    function words that keep an office title going ("of", "de", "della")
``page_chrome``    site furniture: a line holding one is not content ("Hoppa till innehållet")
``value_chrome``   furniture inside values, removed from the line ("Editar o valor en Wikidata")
``assumed_office`` term labels that mean the term is still running ("Assumed office", "Assunto carica")
``caption_words``  words of an image caption ("Official portrait", "官方肖像"): a short line holding
                   one describes a picture, it is neither the name nor a row

The lookups below are merged over every language, so a page is read without
knowing its language.  A label that means different things in two languages
keeps the first meaning in :func:`bioparse.lang.merged_map` order (English first).
"""

from __future__ import annotations

import functools
import re

from .. import lang


def _load_labels() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in sorted(lang.table("labels"), key=lambda c: (c != "en", c)):
        for label, key in lang.aspect(code, "labels").get("labels", {}).items():
            if key not in KEYS:
                raise ValueError(f"lang/data/{code}/labels.json: {label!r} has unknown key {key!r}")
            out.setdefault(_normalize(label), key)
    return out


#: The canonical vocabulary (documented above); data may only use these.
KEYS: frozenset[str] = frozenset(
    "office ordinal term term_start term_end predecessor successor serving_with constituency acting "
    "name full_name birth_name birth birth_date birth_place death death_date death_place resting_place "
    "nationality party spouse children alma_mater occupation awards section other".split()
)

#: ``(?<![\s:])``: each trailing run is tried once, from its start (a long run was quadratic).
_CLEAN = re.compile(r"(?<![\s:])[\s:]+$|^\s+")
_SPACE = re.compile(r"\s+")


def normalize_label(label: str) -> str:
    """Lower-case, single-spaced, without a trailing colon or footnote marks.

    Memoised for short strings: readers ask about the same few labels on
    every line (200,000 lines made ~1.6 million calls).
    """
    return _normalize_short(label) if len(label) <= 200 else _normalize(label)


def _normalize(label: str) -> str:
    label = _FOOTNOTE_MARK.sub("", label)
    return _SPACE.sub(" ", _CLEAN.sub("", label)).strip().lower()


_normalize_short = functools.lru_cache(maxsize=16384)(_normalize)
_FOOTNOTE_MARK = re.compile(r"\[[^\]]{0,20}\]")


def label_key(label: str) -> str | None:
    """Canonical key of a rendered label, or None when it has no special meaning."""
    return LABELS.get(normalize_label(label))


def is_section_header(text: str) -> bool:
    """True for header rows like "Personal details" that are not offices."""
    return normalize_label(text) in SECTION_HEADERS



#: Rendered label (normalized: lower case, no trailing colon) -> canonical key, all languages.
LABELS: dict[str, str] = _load_labels()

#: Header rows that group details rather than name an office, all languages.
SECTION_HEADERS: frozenset[str] = frozenset(_normalize(h) for h in lang.merged("labels", "section_headers"))

#: Labels, longest first, for splitting run-together rows ("Preceded byX", "前任蔣經國").
RUN_TOGETHER_LABELS: tuple[str, ...] = tuple(
    sorted(set(lang.merged("labels", "run_together")), key=lambda label: (-len(label), label))
)

#: Function words inside office titles ("President of the Senate", "Presidente do Chile").
TITLE_WORDS: frozenset[str] = frozenset(w.lower() for w in lang.merged("labels", "title_words"))

_PAGE_CHROME_WORDS = sorted({p.lower() for p in lang.merged("labels", "page_chrome")})

#: Furniture inside values ("… Editar o valor en Wikidata", "(pt) Traducir"), with a language tag before it.
_VALUE_CHROME_WORDS = sorted(set(lang.merged("labels", "value_chrome")), key=len, reverse=True)
VALUE_CHROME: re.Pattern[str] | None = (
    re.compile(r"\s?(?:\(\w{2,3}\)\s?)?(?:" + "|".join(re.escape(p) for p in _VALUE_CHROME_WORDS) + ")")
    if _VALUE_CHROME_WORDS
    else None
)
#: The first word of each value furniture phrase: a line without any of them needs no regex.
VALUE_CHROME_ANCHORS: tuple[str, ...] = tuple(sorted({p.split()[0] for p in _VALUE_CHROME_WORDS}))

#: Term labels that mean "still in office" (normalized), every language's.
ASSUMED_OFFICE: frozenset[str] = frozenset(
    _normalize(label) for label in ["Assumed office", *lang.merged("labels", "assumed_office")]
)


def trie_alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal ``words``, factored by common prefix.

    With labels of two dozen languages a flat ``a|b|c|...`` of 1,500 words is tried word by
    word at every position of a line; the factored form rejects most positions on their first
    character (a 1 MB run-on paragraph went from 16 s to well under a second).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
    if end:
        body = body + "?" if len(branches) == 1 and body.startswith("(?:") else f"(?:{body})?" if not body.startswith("(?:") else body + "?"
    return body


#: Site furniture of every language, one case-insensitive pattern (None when no data).
PAGE_CHROME: re.Pattern[str] | None = (
    re.compile(trie_alternation(_PAGE_CHROME_WORDS), re.I) if _PAGE_CHROME_WORDS else None
)

_CAPTION_WORDS = sorted({p.lower() for p in lang.merged("labels", "caption_words")})
#: Image-caption words of every language, one case-insensitive pattern (None when no data).
CAPTION: re.Pattern[str] | None = (
    re.compile(trie_alternation(_CAPTION_WORDS), re.I) if _CAPTION_WORDS else None
)

#: Run-together labels grouped by their first character, each group longest first: a line is
#: compared with the few labels that can start it, not with all of them.
RUN_TOGETHER_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _label in RUN_TOGETHER_LABELS:
    RUN_TOGETHER_BY_FIRST.setdefault(_label[:1], ())
    RUN_TOGETHER_BY_FIRST[_label[:1]] += (_label,)
del _label
