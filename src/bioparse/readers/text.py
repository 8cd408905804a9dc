"""Plain-text reader: the rendering that scraping or copy/paste produces.

Mirrors render one infobox in many shapes (pipe tables, markdown tables,
run-together ``Preceded byX`` labels, ``Label value`` rows, ``Key: Value``
lines, leaked template parameters).  The reader works in three passes over
plain data:

1. :func:`tokenize_line` turns every line into a token: a labelled row, a
   label waiting for its value, a plain line, or a blank;
2. :func:`assemble_rows` decides which plain lines are office titles, which
   are values continuing the previous row, and which are headers;
3. the rest of the page becomes the lead, sections and references.

Everything it cannot place is kept (as a header row or as section text), so
nothing is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..document import Document, RawReference, RawSection
from ..dates import parse_range
from ..extract.labels import (
    CAPTION,
    LABELS,
    PAGE_CHROME,
    RUN_TOGETHER_BY_FIRST,
    VALUE_CHROME,
    VALUE_CHROME_ANCHORS,
    RUN_TOGETHER_LABELS,
    TITLE_WORDS,
    is_section_header,
    label_key,
    normalize_label,
    trie_alternation,
)
from .. import lang
from ..extract.offices import split_title
from ..extract.sections import section_role
from ..extract.text import strip_footnotes
from ..model import Infobox, InfoboxRow
from .params import looks_like_param_dump, params_infobox

# ---------------------------------------------------------------- tokens


@dataclass
class Token:
    """One line of the infobox region, classified."""

    kind: str  # "row" | "label" | "plain" | "blank"
    label: str = ""
    value: str = ""
    #: Row split off a plain line by a known label prefix ("PresidentX",
    #: "Deputy Prime Minister"): such a row may really be an office title.
    soft: bool = False
    line: str = ""


#: Keys whose label never starts an office title.
_STRONG_KEYS = frozenset(
    {"term", "term_start", "term_end", "predecessor", "successor", "birth", "death", "constituency"}
)
_TERM_KEYS = frozenset({"term", "term_start", "term_end"})
#: Labels that also start office titles ("President of the Senate"); other values may be lower
#: case ("Nacionalidade brasileiro", "Národnostčeská").
_TITLE_KEYS = frozenset({"serving_with", None})
#: Rows whose value runs over several lines (lists): plain lines after them continue the list
#: rather than name the next office ("内閣 第1次吉田内閣" / "第2次吉田内閣" / ... / "在任期間").
_LIST_KEYS = frozenset({"other", "spouse", "children", "awards", "alma_mater", "occupation"})
#: Words that keep an office title going, every language's (lang/data/*/labels.json "title_words").
_FUNCTION_WORDS = TITLE_WORDS | frozenset("von van der del di da y et und".split())
_ELISION = re.compile(r"['’]")
_SENTENCE_BREAK = re.compile(r"\w{4}\. [A-Z]")
#: A pipe-table row whose cells after the first are all empty ("Dati militari | |"): full width.
_FULL_WIDTH = re.compile(r"^\|?[^|]+\|[ \t]*\|[ \t|]*$")
_CIRCA = re.compile(r"^(?:c\.|ca\.|circa\b)", re.I)
_EDIT = re.compile(r"\[\s*edit\s*\]|\[change \| change source\]|\[change\]")
#: Markdown table rule ("|---|:--|"); the lookahead keeps it linear (``[...-]*-{3}[...-]*``
#: backtracked quadratically on a long line of dashes).
_SEPARATOR_ROW = re.compile(r"^(?=.*---)[\s|:\-]*$")
#: The label starts with a non-space: with ``[^:|]{1,40}?`` free to start on a space, a long
#: run of tabs backtracked cubically.
_NOTE_MARK = re.compile(r"\[[^\[\]\s\d]{1,10}\.? ?\d{1,3}\]")
_MD_IMAGE = re.compile(r"!\[[^\[\]]{0,200}\]\([^()]{0,300}\)")
_COLON_ROW = re.compile(r"^\s*(?:[-*•]\s+)?([^:|\s][^:|]{0,39}?)\s*:\s*(.*)$")
_MULTISPACE_ROW = re.compile(r"^(\S[^\t]{0,38}?\S)(?:\t+| {2,})(\S.*)$")


#: A flag image's alt text before a place or an office title ("Drapeau : France Paris",
#: "日本の旗 第45・48-51代 内閣総理大臣"): every language's shape (labels.json "flag_alt").
_FLAG_ALT = re.compile("|".join(f"(?:{p})" for p in lang.merged("labels", "flag_alt")) or "(?!)")
#: The country a flag template writes after its flag, before the place itself ("日本 東京府...");
#: only place rows are trimmed (labels.json "flag_country").
_FLAG_COUNTRY = re.compile("|".join(f"(?:{p})" for p in lang.merged("labels", "flag_country")) or "(?!)")
_PLACE_KEYS = frozenset({"birth", "birth_place", "death", "death_place", "resting_place"})


#: An image's file name before a title ("Taiwan Province Government emblem.svg 第11任臺灣省政府主席").
_LEADING_FILE = re.compile(r"^[^\s/|][^/|]{0,80}?\.(?:jpe?g|png|svg|gif|tiff?|webp)\s+(?=\S)", re.I)
_EMBLEM_WORD_MAX = 30


def _is_cjk(char: str) -> bool:
    return "\u3040" <= char <= "\u9fff"


def strip_flag(text: str, place: bool = False) -> str:
    """``text`` without the flag alt text it starts with and, in a place, the flag's country;
    an emblem's alt text or file name repeating what follows goes too ("臺北市 臺北市第4任市長")."""
    file_name = _LEADING_FILE.match(text) if "." in text else None
    if file_name:
        text = text[file_name.end():]
    head, _, rest = text.partition(" ")
    if (rest.startswith(head) and 2 <= len(head) <= _EMBLEM_WORD_MAX and head[0].isalpha()
            and not _HAS_DIGIT.search(head)
            and (len(rest) == len(head) or not rest[len(head)].isalnum() or _is_cjk(rest[len(head)]))):
        text = rest
    flagged = False
    match = _FLAG_ALT.match(text)
    if match and match.end() < len(text):
        text, flagged = text[match.end():], True
    if place or flagged:
        match = _FLAG_COUNTRY.match(text)
        if match and match.end() < len(text):
            return text[match.end():]
    return text


def _split_label_prefix(line: str) -> tuple[str, str] | None:
    """Split "Preceded byX" / "Preceded by X" / "In office" into label and value."""
    candidates = RUN_TOGETHER_BY_FIRST.get(line[:1])
    if not candidates or not line.startswith(candidates):
        return None  # one C-level test against the labels sharing the first character (hot path)
    for label in candidates:
        if not line.startswith(label):
            continue
        rest = line[len(label) :]
        if not rest.strip():
            return label, ""
        first = rest[0]
        after = rest.strip()
        if _CIRCA.match(after):
            return label, after  # "Reignc.268 – c.232 BCE", "Born c. 304 BCE"
        key = LABELS.get(normalize_label(label))
        if first in " \t\u00a0":
            word = _ELISION.split(after.split(" ", 1)[0].lower(), 1)[0]  # "dell'Assemblea" -> "dell"
            weak = key not in _STRONG_KEYS
            if weak and (word in _FUNCTION_WORDS or (after[:1].islower() and key in _TITLE_KEYS)):
                continue  # "President of the Senate" is a title, not a row
            return label, after
        if first.isupper() or first.isdigit() or first in "(\"'[«“?":
            return label, after
        if first.islower() and key in _STRONG_KEYS and len(label) >= 7 and len(after) >= 3:
            return label, after  # "Nástupcefunkce neobsazena": a long label glued to a lower-case value
        if first.isalpha() and not first.islower():
            return label, after  # scripts without case: "前任蔣經國", "君主裕仁"
    return None


def _without_flag(token: Token) -> Token:
    """The token with its value's leading flag alt text removed (see :func:`strip_flag`)."""
    if token.value and token.kind in ("row", "plain"):
        token.value = strip_flag(token.value, token.kind == "row" and label_key(token.label) in _PLACE_KEYS)
    return token


def tokenize_line(line: str) -> Token:
    """Classify one line of an infobox rendering."""
    raw = line
    line = strip_footnotes(_EDIT.sub("", line)).replace("\u00a0", " ").strip()
    if "[" in line:
        line = _NOTE_MARK.sub("", line)  # "[pozn. 1]", "[N 1]", "[注 1]": note marks in any language
    if "![" in line:
        line = _MD_IMAGE.sub("", line).strip()  # "Presidente do Chile ![]()": an image cell's debris
    if VALUE_CHROME is not None and any(anchor in line for anchor in VALUE_CHROME_ANCHORS):
        line = _unchrome(line)
    if not line or _SEPARATOR_ROW.match(line) or line in {"|", "||"}:
        return Token("blank", line=raw)
    if line.startswith("![") or line.startswith("Image:") or line.startswith("File:") or is_caption(line):
        return Token("blank", line=raw)
    if PAGE_CHROME is not None and len(line) <= _CHROME_LINE_MAX and PAGE_CHROME.search(line):
        return Token("blank", line=raw)  # "Aller à la navigation Aller à la recherche": a banner, no row
    if "|" in line:
        cells = [c.strip() for c in line.strip("|").split("|")]
        cells = [c for c in cells if c]
        if not cells:
            return Token("blank", line=raw)
        if len(cells) == 1:
            token = _tokenize_cell(cells[0], raw)
            if token.kind == "plain" and _FULL_WIDTH.match(line):
                token.soft = True  # "Sindaco di Bordeaux | |": a full-width row, not a value's next line
            return token
        label = cells[0]
        split = _split_label_prefix(label)
        if split and split[1] and normalize_label(label) not in LABELS:
            # "In office 14 May 2017 – 9 March 2018 | extra" : label glued to value
            return Token("row", label=split[0], value=" | ".join([split[1], *cells[1:]]), line=raw)
        return Token("row", label=label, value=" | ".join(cells[1:]), line=raw)
    return _tokenize_cell(line, raw)


#: An image's file name closing a line ("... (beschnitten).jpeg", "...玉照 (國民大會實錄).jpg").
_FILE_NAME_END = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?|webp)$", re.I)
_CAPTION_MAX = 300
#: Longer lines holding a furniture phrase are prose quoting it, not the banner itself.
_CHROME_LINE_MAX = 120


def is_caption(line: str) -> bool:
    """An image's file name or caption ("Official portrait, 2009", "總統官方肖像"): it describes
    a picture, so it is neither the person's name nor a labelled row ("總統" + "官方肖像")."""
    if len(line) > _CAPTION_MAX:
        return False
    return bool(_FILE_NAME_END.search(line)) or (CAPTION is not None and bool(CAPTION.search(line)))


def _unchrome(line: str) -> str:
    """A line without the furniture mirrors put inside values ("… Editar o valor en Wikidata")."""
    return VALUE_CHROME.sub("", line).strip() if VALUE_CHROME is not None else line


def _tokenize_cell(text: str, raw: str) -> Token:
    if normalize_label(text) in LABELS and not is_section_header(text):
        return Token("label", label=text.rstrip(":").strip(), line=raw)
    split = _split_label_prefix(text)
    if split is not None:
        label, value = split
        if not value:
            return Token("label", label=label, line=raw)
        return Token("row", label=label, value=value, soft=True, line=raw)
    match = _COLON_ROW.match(text)
    if match and label_key(match.group(1)) is not None:
        label, value = match.group(1), match.group(2).strip()
        return Token("row" if value else "label", label=label, value=value, line=raw)
    match = _MULTISPACE_ROW.match(text)
    if match and label_key(match.group(1)) is not None:
        return Token("row", label=match.group(1), value=match.group(2).strip(), line=raw)
    return Token("plain", value=text, line=raw)


# ---------------------------------------------------------------- rows


def _joins(first: str, second: str) -> bool:
    """True when ``second`` continues a title wrapped after ``first``."""
    if not first or not second:
        return False
    if second[0].islower() or second.startswith("("):
        return True
    last = first.rsplit(" ", 1)[-1].lower()
    return last in _FUNCTION_WORDS


def _title_lines(plain: list[str], page: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], str]:
    """Split plain lines before a term row into (leftover lines, office title).

    A line naming the page (``page``: the title's words) is the person, not the start of a
    title wrapped over lines, even when the office below it is written in lower case
    ("Eduardo Frei Montalva" / "presidente del Senado de Chile").
    """
    if not plain:
        return [], ""
    end = len(plain) - 1
    start = end
    while start > 0 and _joins(plain[start - 1], plain[start]) and not _names_title(page, plain[start - 1]):
        start -= 1
    title = " ".join(plain[start:]).rstrip(":").rstrip()
    if title.endswith(".") or len(title.split()) > 16 or _SENTENCE_BREAK.search(title):
        return plain, ""  # an image caption or a note, not an office title
    return plain[:start], title


def _row(label: str, value: str, header: bool = False) -> InfoboxRow:
    key = None if header else label_key(label)
    if key == "office" and value:
        return InfoboxRow(label=label, value=value, key="office", header=True)  # "Funkcja: Prezydent III RP"
    if header and is_section_header(value):
        key = "section"
    return InfoboxRow(label=label, value=value, key=key, header=header)


def assemble_rows(tokens: list[Token], title: str | None = None) -> list[InfoboxRow]:
    """Turn classified lines into infobox rows with office titles as headers (``title``, the
    page's, keeps the name line out of a title wrapped over lines); values lose the flag alt
    text they start with."""
    page = _tokens(_base_title(title)) if title else set()
    tokens = [_without_flag(token) for token in tokens]
    rows: list[InfoboxRow] = []
    plain: list[str] = []
    wide: set[int] = set()  # indices in ``plain`` of full-width pipe rows
    pending: InfoboxRow | None = None  # a label still collecting its value lines
    pending_soft: tuple[Token, InfoboxRow] | None = None

    held = False  # plain lines after a label-less neighbours line name positions held

    def flush_plain_as_values() -> None:
        nonlocal plain, pending, held
        for i, text in enumerate(plain):
            if i in wide:
                rows.append(_row("", text, header=True))
                pending = None
                continue
            if is_section_header(text):
                held = False
                rows.append(_row("", text, header=True))
                pending = None
                rest = plain[i + 1 :]
                if any(_ISO_PAREN.search(line) for line in rest) and not _has_key(rows, "birth"):
                    # "Personal details" then the Born value without its label
                    rows.append(_row("Born", "\n".join(rest)))
                    break
                continue
            if not any(c.isalnum() for c in text):
                continue  # "-": a value whose dates were stripped, not a header
            if held and _HAS_DIGIT.search(text) is None and len(text.split()) <= _HELD_WORDS_MAX:
                # after a label-less "Predecessor - Successor" line, up to the next section, the
                # Wikidata-built box lists positions held without dates ("senador de Chile")
                rows.append(InfoboxRow(label="", value=text, key="office", header=True))
                continue
            target = pending or (rows[-1] if rows and not rows[-1].header else None)
            if target is not None and target.key in _OFFICE_ROW_KEYS and _is_ordinal_title(text):
                target = None  # "第65・69-70代 外務大臣" under "天皇 昭和天皇": the next office's title
            if target is not None and _continues_value(target, text):
                target.value = f"{target.value}\n{text}" if target.value else text
            else:
                rows.append(_row("", text, header=True))
        plain = []
        wide.clear()

    for token in tokens:
        if token.kind == "blank":
            continue
        if token.kind == "plain" and _is_bare_term(token.value) and (
            plain or (rows and rows[-1].key in _TERM_KEYS and rows[-1].value)
        ):
            leftover, office_title = _title_lines(plain, page)
            plain = leftover
            flush_plain_as_values()
            if office_title:
                rows.append(_row("", office_title, header=True))
            held = False
            term, after = _term_and_successor(token.value)
            rows.append(InfoboxRow(label="", value=term, key="term"))
            if after:
                rows.append(InfoboxRow(label="", value=after, key="successor"))
            pending = pending_soft = None
            continue
        if token.kind == "plain" and not plain and rows and rows[-1].key == "term" and not rows[-1].label:
            pair = _succession_pair(token.value)
            if pair is not None:
                # "← Giovanni MalagodiOtto Graf Lambsdorff →", "Jorge Alessandri - Salvador Allende"
                for pair_key, person in zip(("predecessor", "successor"), pair):
                    if person:
                        rows.append(InfoboxRow(label="", value=person, key=pair_key))
                held = True
                continue
        if token.kind == "plain":
            if pending is not None and not pending.value and not plain and not token.soft:
                pending.value = token.value
                continue
            if token.soft:
                wide.add(len(plain))
            plain.append(token.value)
            continue
        key = label_key(token.label)
        if (
            token.kind == "row"
            and key is None
            and pending is not None
            and not pending.value
            and not plain
        ):
            # "Born |" then "Cuenca, Ecuador | 19 November 1970": cells of the value
            pending.value = f"{token.label} | {token.value}"
            continue
        if key in _TERM_KEYS:
            leftover, office_title = _title_lines(plain, page)
            if office_title and rows and not rows[-1].header and rows[-1].key in _LIST_KEYS:
                leftover, office_title = plain, ""  # the lines continue the list above
            if not office_title and pending_soft is not None and rows and rows[-1] is pending_soft[1]:
                # "Deputy Prime Minister" read as Deputy -> "Prime Minister": a title after all
                rows.pop()
                office_title = pending_soft[0].value and _clean(pending_soft[0].line)
            plain = leftover
            flush_plain_as_values()
            if office_title:
                rows.append(_row("", office_title, header=True))
        else:
            flush_plain_as_values()
        held = False
        pending = None
        row = _row(token.label, token.value)
        if row.key == "term":
            *earlier, last = _glued_terms(row.value)
            for term in earlier:  # "1946年5月22日 - 1947年5月24日1948年10月15日 - ...": two terms
                rows.append(InfoboxRow(label=row.label, value=term, key="term"))
            row.value = last
        rows.append(row)
        if token.kind == "label":
            pending = row
        pending_soft = (token, row) if token.soft and key in _TITLE_KEYS else None
    flush_plain_as_values()
    return rows


_ISO_PAREN = re.compile(r"\(\s?\d{4}-\d{2}-\d{2}\s?\)")


def _has_key(rows: list[InfoboxRow], key: str) -> bool:
    return any(row.key == key for row in rows)


def _continues_value(row: InfoboxRow, text: str = "") -> bool:
    """Multi-line values: people lists, born/died, titles wrapped in a cell, and a term's
    end on the line after its start ("od 23 grudnia 1995" / "do 23 grudnia 2005")."""
    if row.key not in _TERM_KEYS or not row.value:
        return True
    return (
        text[:1].islower()
        and _HAS_DIGIT.search(text) is not None
        and _open_range(row.value)
        and parse_range(f"{row.value} {text}").end is not None
    )


_HAS_DIGIT = re.compile(r"\d")
#: Rows of an office block: a line after them holding an ordinal title starts the next office.
_HELD_WORDS_MAX = 12
_OFFICE_ROW_KEYS = frozenset({"serving_with", "predecessor", "successor", "constituency"})
_ORDINAL_TITLE_MAX = 100


def _is_ordinal_title(text: str) -> bool:
    """An office title with its ordinal ("16th President of the United States", "第65・69-70代
    外務大臣"): an ordinal, then a title without numbers."""
    if len(text) > _ORDINAL_TITLE_MAX or text.startswith(("(", "[")):
        return False
    title, ordinal, _ = split_title(text)
    return ordinal is not None and bool(title) and _HAS_DIGIT.search(title) is None and any(
        c.isalpha() for c in title)


#: A term line opens with its first date: a number, or one short word and a number ("March 4, ...").
_TERM_START = re.compile(r"^(?:\d|[^\W\d_]{1,10}\.?\s\d)")


def _open_range(value: str) -> bool:
    """A start with no end yet ("od 23 grudnia 1995", which alone reads as "since")."""
    rng = parse_range(value)
    return rng.start is not None and rng.end is None and "\n" not in value


_GLUED_NAMES = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")


def _succession_pair(text: str) -> tuple[str, str] | None:
    """The line under a label-less term in Wikidata-built infoboxes: predecessor and successor,
    between arrows ("← X", "Y →", "← XY →" with the two names glued) or around " - "."""
    line = text.strip()
    if _HAS_DIGIT.search(line) or len(line) > 120:
        return None
    left, right = line.startswith("←"), line.endswith("→")
    inner = line.strip("←→ ").strip()
    if not inner:
        return None
    if " - " in inner:
        before, _, after = inner.partition(" - ")
        return before.strip(), after.strip()
    if left and right:
        glued = [m.start() for m in _GLUED_NAMES.finditer(inner)]
        if len(glued) == 1:
            return inner[: glued[0]].strip(), inner[glued[0] :].strip()
        return None
    if left:
        return inner, ""
    if right:
        return "", inner.lstrip("–- ").strip()
    return None


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_GLUED_TERMS_MAX = 160


def _glued_terms(value: str) -> list[str]:
    """The terms of a term value holding two whole ranges glued together, else ``[value]``.

    Only a value with three years or more is tried, at the points where a digit and a
    non-digit touch without a space and what follows starts the way the value does
    ("1948年..." like "1946年...", not "5月24日..."): the first split whose both sides are
    whole terms wins.
    """
    if len(value) > _GLUED_TERMS_MAX or "\n" in value or len(_YEAR.findall(value)) < 3:
        return [value]
    shape = _date_shape(value)
    for i in range(1, len(value)):
        before, here = value[i - 1], value[i]
        if before.isspace() or here.isspace() or before.isdigit() == here.isdigit():
            continue
        if _date_shape(value[i:]) != shape:
            continue  # the second term starts the way the first does ("1948年" like "1946年")
        left, right = value[:i].strip(), value[i:].strip()
        if _YEAR.search(left) and _YEAR.search(right) and _is_bare_term(left) and _is_bare_term(right):
            return [left, right]
    return [value]


_LEADING_DIGITS = re.compile(r"\d{0,8}")


def _date_shape(text: str) -> tuple[int, str]:
    """How a date starts: no number, a day or month number, or a year; then the next character's
    kind ("1946年" and "1948年" agree, "1946年" and "5月" do not)."""
    digits = _LEADING_DIGITS.match(text)
    count = len(digits.group(0)) if digits else 0
    after = text[count : count + 1]
    kind = after if not after.isalpha() or _is_cjk(after) else "a"
    return (0 if count == 0 else 1 if count <= 2 else 2), kind


_DASHES = (" – ", " — ", " - ")


def _term_and_successor(text: str) -> tuple[str, str]:
    """(term, successor) of a label-less term line that names the successor between the term
    and an arrow ("14 de novembro de 1989 – 29 de outubro de 1991 – Laura Morso Pérez →");
    (text, "") for a plain term."""
    line = text.strip()
    if line.endswith("→"):
        inner = line[:-1].rstrip()
        cut = max(inner.rfind(d) for d in _DASHES)
        if cut > 0:
            term, name = inner[:cut].strip(), inner[cut:].strip(" –—-")
            if name and not _HAS_DIGIT.search(name) and _is_bare_term(term):
                return term, name
    return text, ""


def _is_bare_term(text: str) -> bool:
    """A line that is nothing but a term ("27 de octubre de 1913-9 de dic. de 1915"): some
    renderings put it under the office title without an "In office" label."""
    if len(text) > 80 or not _TERM_START.match(text) or "(" in text or ")" in text:
        return False
    rng = parse_range(text)
    if rng.start is None or rng.end is None or not rng.start.text or not rng.end.text:
        return False
    if rng.start.precision not in ("day", "month") and rng.end.precision not in ("day", "month"):
        return False  # "1956–1974": a career table's years, not a term
    rest = text.replace(rng.start.text, "", 1).replace(rng.end.text, "", 1)
    return rest != text and sum(1 for c in rest if c.isalpha()) <= 4  # at most a range word


def _clean(line: str) -> str:
    return strip_footnotes(_EDIT.sub("", line)).replace("\u00a0", " ").strip().strip("|").strip()


# ---------------------------------------------------------------- page layout

_PROSE_MIN = 160
_EDIT_PREFIX = re.compile(r"^\s*\[\s*edit\s*\]\s*\w")
_HEADING_MAX = 80
_REF_LINE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\d{1,4}\.\s*)?[\^↑]\s*(.*)$")
_NUMBERED_REF = re.compile(r"^\s*\d{1,4}\.\s+(\S.*)$")
_CITED_LETTERS = re.compile(r"^((?:[a-z]{1,2}\s){1,60})(?=\S)")
_LANGUAGE = re.compile(r"^\(in ([A-Z][A-Za-z ]{1,30})\)\s*")
_ARCHIVED = re.compile(r"Archived (\d{4}-\d{2}-\d{2}|[0-9A-Za-z ,]{6,30}?) at the Wayback Machine[,.]?\s*")
_QUOTED = re.compile(r"[\"“]([^\"”]{1,300})[\"”]")
_URL = re.compile(r"https?://[^\s\]\)]{1,500}")
_MARKER = re.compile(r"\[(\d{1,4})\]")


def _end_matter(heading: str) -> str | None:
    """The role of a references / external links / see also heading, in any language's names.

    A text rendering does not say its language, so every ``sections.json`` is
    asked: "Einzelnachweise", "Notes et références" and "脚注" open a
    references list as "References" does.
    """
    return section_role(heading)


_LEAD_SENTENCE = re.compile(r"^[^|()]{2,120}\([^()]{4,300}\)(?:\[\w{1,3}\])*,? (?:is|was|were|are) ")


def _is_prose(line: str) -> bool:
    text = line.strip()
    if len(text) < _PROSE_MIN:
        return len(text) >= 60 and bool(_LEAD_SENTENCE.match(text))
    if text.count("|") > 3 or text.count(" ") < 15:
        return False
    return not _is_labelled(text)


def _is_labelled(text: str) -> bool:
    split = _split_label_prefix(text)
    return split is not None and bool(split[1]) and label_key(split[0]) is not None


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    if _EDIT_PREFIX.match(line) and len(line) <= _HEADING_MAX:
        return True  # old MediaWiki put "[edit]" before the heading text
    text = _EDIT.sub("", line).strip()
    if _end_matter(text) is not None:
        return True
    if _is_labelled(text):
        return False
    if not text or len(text) > _HEADING_MAX or text.endswith((".", ",", ";", ":")) or is_chrome(text):
        return False
    if "|" in text or _MARKER.search(text):
        return False
    if next_line is None:
        return False
    nxt = next_line.strip()
    return nxt.startswith("[edit]") or nxt.startswith("edit") or _is_prose(nxt) or bool(_REF_LINE.match(nxt))


def _split_regions(lines: list[str]) -> tuple[int, int]:
    """Find the infobox: the longest run of short lines holding labelled rows.

    Returns (start, end) line indexes, end exclusive; (0, 0) when there is none.
    """
    best = (0, 0, 0)
    start = None
    labelled = 0
    for i, line in enumerate([*lines, "\u0000" * (_PROSE_MIN + 1) + " x" * 20]):
        if _is_prose(line):
            if start is not None and labelled >= 2 and labelled > best[2]:
                best = (start, i, labelled)
            start, labelled = None, 0
            continue
        if start is None:
            start = i
        token = tokenize_line(line)
        if token.kind in ("row", "label") and label_key(token.label):
            labelled += 1
    return best[0], best[1]


_LABEL_ALT = "(?:" + trie_alternation(RUN_TOGETHER_LABELS) + ")"
#: A label glued to what precedes it ("SelassiePrime Minister ...") or to its
#: value after a space ("1974 Coronation2 November 1930").
_GLUED = re.compile(
    r"(?<=[a-z0-9)\]])(?=" + _LABEL_ALT + r"(?:[A-Z0-9(]|c\.| [A-Z]))"
    r"|(?<= )(?=" + _LABEL_ALT + r"(?:[A-Z0-9(]|c\.))"
)


def explode_flattened(line: str) -> list[str]:
    """Lines for an infobox flattened onto one line.

    Two shapes: ``Label | value | Label | value |`` on one line, and a run-on
    paragraph with labels glued to the previous value (``...1974PredecessorZewditu``).
    Other lines come back unchanged.
    """
    cells = [c.strip() for c in line.split("|")]
    labelled = sum(1 for c in cells if label_key(c))
    if len(cells) >= 8 and labelled >= 3:
        out: list[str] = []
        i = 0
        while i < len(cells):
            cell = cells[i]
            if label_key(cell) and i + 1 < len(cells):
                out.append(f"{cell} | {cells[i + 1]}")
                i += 2
                continue
            if cell:
                out.append(cell)
            i += 1
        return out
    if len(line) > _PROSE_MIN and line.count("|") <= 3:
        pieces = _GLUED.split(line)
        if len(pieces) >= 6:
            return [piece.strip() for piece in pieces if piece.strip()]
    return [line]


def read_text(text: str, title: str | None = None) -> Document:
    """Read a plain-text rendering of an article into a :class:`Document`."""
    doc = Document(source_format="text", title=title)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        doc.warnings.append("empty input")
        return doc
    lines = text.split("\n")
    first = lines[0].strip()
    # "== Title ==": stripped by hand, a regex here backtracked for minutes on a long line of '='
    inner = first.strip("=").strip()
    if first.startswith("=") and first.endswith("=") and inner:
        first = inner
    while lines and len(lines) > 1 and (not lines[0].strip() or is_chrome(_TITLE_SUFFIX.sub("", lines[0]))):
        lines = lines[1:]
        first = lines[0].strip()
    if doc.title is None and first and len(first) <= 120 and not _is_prose(first) and "|" not in first:
        doc.title = _TITLE_SUFFIX.sub("", first).strip() or None
        lines = lines[1:]
    if doc.title is None:
        quick = next((m for m in map(_QUICK_FACTS.match, lines[:60]) if m), None)
        if quick and not is_section_header(quick.group(1)):  # "Quick facts: Informações pessoais, ..."
            doc.title = quick.group(1).strip()

    if looks_like_param_dump(lines):
        box, used = params_infobox(lines)
        if box is not None:
            doc.infoboxes.append(box)
            lines = [line for i, line in enumerate(lines) if i not in used]

    lines = [piece for line in lines for piece in explode_flattened(line)]
    start, end = _split_regions(lines) if not doc.infoboxes else (0, 0)
    body_start = end
    if end > start:
        box_lines = lines[start:end]
        # trailing short lines that head the next prose block are section headings
        while box_lines and _looks_like_heading(box_lines[-1], lines[start + len(box_lines)] if start + len(box_lines) < len(lines) else None):
            box_lines.pop()
            body_start -= 1
        tokens = [tokenize_line(line) for line in box_lines]
        rows = assemble_rows(tokens, doc.title)
        rows = _person_data(rows, doc)
        rows, boxes = _succession_columns(rows)
        _mark_name(rows, doc.title)
        if rows:
            doc.infoboxes.append(Infobox(name=None, rows=rows))
        doc.infoboxes.extend(boxes)
        body = lines[:start] + lines[body_start:]
    else:
        body = lines
    _read_body(body, doc)
    return doc


_CHROME = re.compile(
    r"wikipedia|encyclop|facts for kids|quick facts|learn more|jump to content|main page"
    r"|advertis|responsive image|^preload$|infogalactic|publisher:|world library|inappropriate"
    r"|email this|article id|reproduction date|^title:|^author:|^language:|collection:|kiddle"
    r"|from wikiwand|^image:|^file:|see live article|alphabetical index|ad blocker|supporting us|jump to|redirected from",
    re.I,
)
_IMAGE_NAME = re.compile(r"\.(?:jpe?g|png|svg|gif|tiff?|webp)\b|^\(redirected from", re.I)
_QUICK_FACTS = re.compile(r"^Quick facts:\s*([^,]{1,100}),")
#: ``(?<!\s)``: try each whitespace run once, from its start (otherwise a long run is quadratic).
_TITLE_SUFFIX = re.compile(r"(?<!\s)\s*(?:facts for kids|[-–|]\s*wiki\w*.*)$", re.I)


def is_chrome(line: str) -> bool:
    """Site furniture a scraper kept: banners, menus, 'From Wikipedia' lines (every language's)."""
    return bool(_CHROME.search(line)) or (PAGE_CHROME is not None and bool(PAGE_CHROME.search(line)))


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", text.lower()) if len(t) > 1}


#: Headers of a table of machine-readable person data ("Personendaten"), every language's
#: (labels.json "person_data_headers").
_PERSON_DATA_HEADERS = frozenset(normalize_label(h) for h in lang.merged("labels", "person_data_headers"))
_PERSON_DATA_KEYS = frozenset({"name", "birth_date", "birth_place", "death_date", "death_place"})


def _person_data(rows: list[InfoboxRow], doc: Document) -> list[InfoboxRow]:
    """Move the rows of a person-data table ("Personendaten" / "NAME | Chaban-Delmas, Jacques")
    into ``doc.person_hints``: they are hints about the person, not an infobox; the name is
    written sorted ("Surname, Given names") and is turned round."""
    kept: list[InfoboxRow] = []
    inside = False
    for row in rows:
        if row.header:
            inside = normalize_label(row.value) in _PERSON_DATA_HEADERS
            if inside:
                continue
        if inside and row.key in _PERSON_DATA_KEYS and row.value.strip():
            value = " ".join(row.value.split())
            if row.key == "name" and value.count(",") == 1:
                last, first = (part.strip() for part in value.split(","))
                value = f"{first} {last}".strip()
            doc.person_hints.setdefault(row.key, value)
            continue
        if inside and row.key is None and not row.value.strip():
            continue
        kept.append(row)
    return kept


_TERMS_MAX = 12
_SPACE_RUN = re.compile(r"\s+")


def _terms_in(text: str) -> list[str]:
    """The whole terms written one after the other in ``text`` ("9. Dezember 1958-25. Juni 1969
    3. April 1978-2. Juli 1981"), or [] when ``text`` is not only terms."""
    terms: list[str] = []
    rest = text.strip()
    while rest and len(terms) < _TERMS_MAX:
        shape = _date_shape(rest)
        # where a next term may start: after a space, the way this one starts
        cuts = [m.start() for m in _SPACE_RUN.finditer(rest) if _date_shape(rest[m.end():]) == shape]
        cut = next((c for c in cuts if _is_bare_term(rest[:c].strip())), None)
        if cut is None:
            if not _is_bare_term(rest):
                return []
            terms.append(rest)
            return terms
        terms.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return terms


def _succession_columns(rows: list[InfoboxRow]) -> tuple[list[InfoboxRow], list[Infobox]]:
    """Succession boxes drawn as columns (de: "Vorgänger | Amt, Jahre | Nachfolger") come out as a
    predecessor label whose value is an office title and its terms, then a successor label: such
    a triple is a succession-box row (title, terms, the two neighbours), not the infobox's."""
    kept: list[InfoboxRow] = []
    boxes: list[Infobox] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        pair = row.key == "predecessor" and nxt is not None and nxt.key == "successor"
        split = _title_and_terms(row.value) if pair else None
        if split is None or nxt is None:
            kept.append(row)
            i += 1
            continue
        title, terms = split
        box_rows = [InfoboxRow(label="", value=title, key=None, header=True)]
        box_rows += [InfoboxRow(label="", value=term, key="term") for term in terms[:1]]
        if nxt.value.strip():
            box_rows.append(InfoboxRow(label=nxt.label, value=nxt.value, key="successor", links=nxt.links))
        boxes.append(Infobox(name=None, rows=box_rows, kind="succession_box"))
        i += 2
    return kept, boxes


def _title_and_terms(value: str) -> tuple[str, list[str]] | None:
    """("Verteidigungsminister von Frankreich", ["6. November 1957-14. Mai 1958"]) from the
    middle column of a succession box; None when the value is not a title and its terms."""
    if "\n" in value or len(value) > 400 or not _HAS_DIGIT.search(value):
        return None
    for match in re.finditer(r"(?<=\s)\d", value):
        title = value[: match.start()].strip()
        terms = _terms_in(value[match.start():])
        if terms and title and any(c.isalpha() for c in title):
            return title, terms
        break  # the first number ends the title
    return None


def _mark_name(rows: list[InfoboxRow], title: str | None) -> None:
    """Mark the header row naming the person (the box's first line, chrome skipped).

    When the box has no office title, the name line sits right above the
    first term ("Alfredo Palacio González" / "Assumed office"): it is taken
    as the name when it shares words with the page title.
    """
    wanted = _tokens(_base_title(title)) if title else set()
    candidates: list[InfoboxRow] = []
    for i, row in enumerate(rows):
        if not row.header:
            if row.key in _TERM_KEYS:
                break
            continue
        usable = row.key is None and row.value and not is_chrome(row.value) and len(row.value) <= 100
        if i + 1 < len(rows) and rows[i + 1].key in _TERM_KEYS:
            if usable and not candidates and _names_title(wanted, row.value):
                row.key = "name"
            break  # an office title: the name comes before the first office
        if usable and not _IMAGE_NAME.search(row.value) and not _YEAR_CAPTION.search(row.value):
            candidates.append(row)
    if not candidates:
        return
    if wanted:
        overlapping = [row for row in candidates if wanted & _tokens(row.value)]
        if overlapping:
            overlapping[0].key = "name"
        elif rows[0] is candidates[0] and _HAS_DIGIT.search(rows[0].value) is None and not _shares_letters(title, rows[0].value):
            # the page's first line shares not one letter with the box's first line: it was a caption
            # ("故總統", the late President) and the box's own first line names the person ("李登輝")
            candidates[0].key = "name"
        return
    candidates[0].key = "name"


#: A caption giving the picture's year after the name ("Helmut Schmidt (1969)",
#: "Barend Biesheuvel in 1982"): a name line never ends in a bare year.
_YEAR_CAPTION = re.compile(r"(?:\(|,| in| c\.) ?\d{4}\)?$")


def _shares_letters(title: str | None, line: str) -> bool:
    """True when a letter of the title appears in the line ("吉田茂" and "吉田 茂" do; any two
    Latin lines nearly always do, so only a caption in a script of many letters is told apart)."""
    letters = {c for c in _base_title(title or "") if c.isalpha()}
    return any(c in letters for c in line)


def _names_title(wanted: set[str] | frozenset[str], text: str) -> bool:
    """Half the line's words are the title's: "Alfredo Palacio González" names "Alfredo Palacio";
    an office title sharing one word with a page title ("... СССР") does not."""
    tokens = _tokens(text)
    return bool(tokens) and 2 * len(wanted & tokens) >= len(tokens)


def _base_title(title: str) -> str:
    return re.sub(r"(?<!\s)\s*\([^()]*\)\s*$", "", title).strip()  # linear form


# ---------------------------------------------------------------- body


@dataclass
class _Body:
    sections: list[RawSection] = field(default_factory=list)
    ref_lines: list[str] = field(default_factory=list)


def _read_body(lines: list[str], doc: Document) -> None:
    """Lead, sections and the references list from the non-infobox lines."""
    sections: list[RawSection] = [RawSection(title="", level=0)]
    ref_lines: list[str] = []
    in_refs = False
    texts: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        nxt = _next_nonblank(lines, i + 1)
        stripped = line.strip()
        if not stripped:
            continue
        if _looks_like_heading(stripped, nxt) and not _REF_LINE.match(stripped):
            title = _EDIT.sub("", stripped).strip()
            sections.append(RawSection(title=title, level=2))
            texts.append([])
            in_refs = _end_matter(title) == "references"
            continue
        content = _EDIT.sub("", stripped)
        if content.startswith("edit") and len(sections) > 1 and not texts[-1]:
            content = content[4:]
        ref = _REF_LINE.match(content)
        if ref and (in_refs or content.lstrip("-*• ").startswith(("^", "↑"))):
            ref_lines.append(ref.group(1))
            in_refs = True
            continue
        numbered = _NUMBERED_REF.match(content)
        if numbered and in_refs:
            ref_lines.append(numbered.group(1))
            continue
        texts[-1].append(content)
    for section, chunk in zip(sections, texts):
        raw = "\n".join(chunk)
        section.ref_ids = _unique(_MARKER.findall(raw))
        section.text = _MARKER.sub("", raw).strip()
    doc.sections = [s for s in sections if s.level or s.text]
    doc.references = [_read_reference(i + 1, line) for i, line in enumerate(ref_lines)]


def _next_nonblank(lines: list[str], i: int) -> str | None:
    for line in lines[i : i + 3]:
        if line.strip():
            return line
    return None


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _read_reference(number: int, line: str) -> RawReference:
    """Fields of a rendered reference line ("^ a b c (in Spanish) "Title" ...")."""
    text = line.strip()
    rest = text
    cited = 1
    letters = _CITED_LETTERS.match(rest)
    if letters:
        cited = len(letters.group(1).split())
        rest = rest[letters.end() :]
    fields: dict[str, str] = {}
    lang = _LANGUAGE.match(rest)
    if lang:
        fields["language"] = lang.group(1).strip()
        rest = rest[lang.end() :]
    archived = _ARCHIVED.search(rest)
    if archived:
        fields["archive-date"] = archived.group(1)
    quoted = _QUOTED.search(rest)
    if quoted:
        fields["title"] = quoted.group(1).strip().rstrip(".,")
        after = rest[quoted.end() :]
    else:
        head = _ARCHIVED.split(rest, maxsplit=1)[0] if archived else rest
        fields["title"] = re.split(r"(?<!\s)\s+on\s+|\.\s", head, maxsplit=1)[0].strip().rstrip(".,")
        after = rest[len(head) :]
    if archived:
        after = _ARCHIVED.sub("", after)
    url = _URL.search(text)
    if url:
        fields["url"] = url.group(0)
    after = after.strip().lstrip(".,").strip()
    if after:
        parts = [p.strip() for p in re.split(r"\.\s+|\.$", after) if p.strip()]
        for part in parts:
            if re.search(r"\b\d{4}\b", part) and len(part) <= 40 and "date" not in fields:
                fields["date"] = part
            elif "publisher" not in fields and len(part) <= 120 and not part.startswith("However"):
                fields["publisher"] = part.strip(" ,")
    return RawReference(id=str(number), text=text, number=number, cited=cited, fields=fields)
