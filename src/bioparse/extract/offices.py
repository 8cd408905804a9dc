"""Offices from infobox rows and succession boxes.

Every reader lays an office out the same way: a header row naming it, then
its term, the people served with, predecessor and successor.  This module is
the one place that groups those rows, so text, wikitext and HTML agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import lang
from ..dates import is_present, parse_date, parse_range
from ..model import Colleague, Date, Infobox, InfoboxRow, Office
from .labels import ASSUMED_OFFICE, normalize_label
from .text import first_line, tidy

_ORDINAL = re.compile(r"^\s*(\d{1,4})\s*(?:st|nd|rd|th|e|er|ème|º|°|\.)\s+(?=\S)", re.I)
_ORDINAL_VALUE = re.compile(r"(\d{1,4})")
#: Further ordinals after the first ("22nd & 24th President of the United States").
_MORE_ORDINALS = re.compile(r"^(?:&|and|,)\s*(\d{1,4})\s*(?:st|nd|rd|th|e|er|ème|º|°|\.)\s+(?=\S)", re.I)
_ACTING_PREFIX = re.compile(r"^\s*(?:acting|interim|caretaker)\s+", re.I)
#: ``(?<!\s)`` on the suffix patterns: a whitespace run is tried once, from its start (was quadratic).
_ACTING_SUFFIX = re.compile(r"(?<!\s)\s*\((?:acting|interim|caretaker)\)\s*$", re.I)
_YEARS_NOTE = re.compile(r"(?<!\s)\s*\([^()]{0,80}\d{4}[^()]{0,80}\)\s*$")
_TERM_KEYS = frozenset({"term", "term_start", "term_end"})
_OFFICE_KEYS = frozenset({"term", "term_start", "term_end", "predecessor", "successor"})
_OPEN_WORDS = ("incumbent", "present", "current")


# ------------------------------------------------------------ language data
# Typed views of ``lang/data/<code>/offices.json``, built once.


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _word_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Any of ``words`` as a whole word (CJK words have no boundaries: plain substring)."""
    if not words:
        return None
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(words)})(?![^\W\d_])|"
                      rf"(?:{_alternation([w for w in words if not w.isascii() and _is_cjk(w)]) or '(?!)'})",
                      re.I)


def _is_cjk(word: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in word)


_PLACEHOLDER: dict[str, str] = {}
for _code, _data in lang.table("offices").items():
    for _flag, _words in _data.get("placeholders", {}).items():
        for _word in _words:
            _PLACEHOLDER.setdefault(_word.casefold(), _flag)
_ACTING_WORDS: list[str] = lang.merged("offices", "acting")
_ACTING_WORD = _word_pattern(_ACTING_WORDS)
_ACTING_WORD_PREFIX = re.compile(rf"^\s*(?:{_alternation(_ACTING_WORDS)})\s+(?=\S)", re.I)
_QUALIFIER_PREFIX = re.compile(
    rf"^(?:{_alternation(lang.merged('offices', 'qualifier_prefixes'))})\s+(?=\S)", re.I
)
#: Inline note after a name: "Elizabeth II as Queen of Ghana", "X als Bundespräsident".
_INLINE_AS = re.compile(
    rf"\s(?:{_alternation(lang.merged('offices', 'qualifier_prefixes'))})\s+(?=[^\W\d_])", re.I
)
_ORDINALS = [re.compile(p, re.I) for p in lang.merged("offices", "ordinals")]
#: Ordinals written inside or after a title ("中華民國第7(繼任)、8、9任總統", "Presiden Indonesia ke-4").
_ORDINALS_WITHIN = [re.compile(p, re.I) for p in lang.merged("offices", "ordinals_within")]
#: One group of an ordinal list: "45・48-51" is the 45th, then the 48th to 51st (one term each).
_ORDINAL_GROUP = re.compile(r"[、・,，]")
#: A bracketed note closing a title that numbers the holder in another list ("58e président du
#: Conseil (67e chef du gouvernement)"), starting with an ordinal of any language's shape.
_ORDINAL_NOTE = re.compile(
    r"(?<!\s)\s*\(\s*\d{1,4}\s*(?:st|nd|rd|th|e|er|ère|ème|º|ª|°|\.)\s[^()]{1,80}\)\s*$", re.I
)
#: A note closing a title that says how the post was taken ("中华民国总统(继任)": succeeding).
_TITLE_NOTE = re.compile(
    rf"(?<!\s)\s*[(（](?:{_alternation(lang.merged('offices', 'title_notes')) or '(?!)'})[)）]\s*$"
)
#: Link targets of an ordinal written as a link ("[[List of Presidents of the United States|16th]]").
_LIST_PAGE = re.compile(rf"^(?:{_alternation(lang.merged('offices', 'list_pages')) or '(?!)'})(?:\s|(?<=:))", re.I)
_NAME_PREFIX = re.compile(
    rf"^(?:(?:{_alternation(lang.merged('offices', 'name_prefixes'))})(?:\s+|(?<=\.)(?=\S)))+", re.I
)
#: Footnote marks glued to a name ("Thomas Pinckney²", "John Smith*", "X†").
_NAME_MARKS = re.compile(r"(?<![\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰])[\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
_ROMAN_NOTE = re.compile(r"^[IVXLC]{1,6}$")
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+")
#: Rendered labels drawn among an office's people that name no person ("Majority").
_NOT_PEOPLE = frozenset(w.casefold() for w in lang.merged("offices", "not_people_labels"))
_KINDS: dict[str, re.Pattern[str] | None] = {}
for _kind in ("nomination", "precedence", "record", "award", "title"):
    _words_k: list[str] = []
    for _data in lang.table("offices").values():
        _words_k.extend(_data.get("kinds", {}).get(_kind, []))
    _KINDS[_kind] = _word_pattern(_words_k)


@dataclass
class _Block:
    """A header row and the rows under it."""

    header: InfoboxRow | None
    rows: list[InfoboxRow] = field(default_factory=list)


def _blocks(rows: list[InfoboxRow]) -> Iterator[_Block]:
    block = _Block(header=None)
    for row in rows:
        if row.header:
            yield block
            block = _Block(header=row)
        else:
            block.rows.append(row)
    yield block


def _split_terms(block: _Block) -> Iterator[_Block]:
    """One block per term: "In office" repeated under one title is several terms."""
    current = _Block(header=block.header)
    seen_term = False
    for row in block.rows:
        starts_term = row.key in ("term", "term_start")
        if starts_term and seen_term:
            yield current
            current = _Block(header=block.header)
            seen_term = False
        if row.key in ("term", "term_start", "term_end"):
            seen_term = True
        current.rows.append(row)
    yield current


def _is_office(block: _Block) -> bool:
    if block.header is not None and block.header.key == "office":
        return True
    if block.header is not None and block.header.key in ("section", "name"):
        return any(r.key in ("term", "term_start") for r in block.rows) and block.header.key != "section"
    return any(r.key in _OFFICE_KEYS for r in block.rows)


def split_title(text: str) -> tuple[str, int | None, bool]:
    """("3rd President of X" -> "President of X", 3, acting?)."""
    title, ordinal, _, acting = split_title_ordinals(text)
    return title, ordinal, acting


def _join(left: str, right: str) -> str:
    """Two pieces of a title around a removed ordinal: no space between CJK characters."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right or (_is_cjk(left[-1]) and _is_cjk(right[0])):
        return left + right
    return f"{left} {right}"


def _ordinal_list(text: str, first: int) -> list[int]:
    """Every term's ordinal of a listed ordinal ("45・48-51" -> [45, 48]); at least ``first``."""
    numbers = [int(m.group(1)) for part in _ORDINAL_GROUP.split(text)
               if (m := _ORDINAL_VALUE.search(part)) is not None]
    return numbers if numbers and numbers[0] == first else [first]


def split_title_ordinals(text: str) -> tuple[str, int | None, list[int], bool]:
    """Like :func:`split_title`, with the ordinals of an ordinal written inside the title,
    which number terms, one per term ("第45・48-51代 内閣総理大臣" -> "内閣総理大臣",
    [45, 48]: two terms, the 45th and the 48th; "第7任" is the 7th term only).  A single
    ordinal before the title ("16th President") numbers the holder: the list is empty; a list
    of them ("22nd & 24th President") numbers the terms again."""
    title = " ".join(tidy(text).split("\n"))  # a title wrapped over lines is one title
    title = _SUPERSCRIPTS.sub("", title)  # "nominee¹": footnote marks are not part of a title
    ordinal: int | None = None
    listed: list[int] = []
    match = _ORDINAL.match(title) or next((m for m in (p.match(title) for p in _ORDINALS) if m), None)
    if match is None and _MORE_ORDINALS.match(title):
        # "& 24th President of X": the first ordinal ("22nd") was read apart, as the order row
        title = _MORE_ORDINALS.sub("", title, count=1)
    if match is None:
        match = next((m for m in (p.search(title) for p in _ORDINALS_WITHIN) if m), None)
        if match is not None:
            listed = _ordinal_list(match.group(0), int(match.group(1)))
    if match:
        ordinal = int(match.group(1))
        title = _join(title[: match.start()], title[match.end() :])
        more = _MORE_ORDINALS.match(title) if not listed else None
        while more:  # "22nd & 24th President": one ordinal per term
            listed = listed or [ordinal]
            listed.append(int(more.group(1)))
            title = title[more.end():]
            more = _MORE_ORDINALS.match(title) if len(listed) < 10 else None
    title = _YEARS_NOTE.sub("", title)
    title = _TITLE_NOTE.sub("", title)
    if ordinal is not None:
        title = _ORDINAL_NOTE.sub("", title)  # "(67e chef du gouvernement)": another list's number
    acting = False
    if _ACTING_SUFFIX.search(title):
        acting = True
        title = _ACTING_SUFFIX.sub("", title)
    if _ACTING_PREFIX.match(title):
        acting = True
        title = _ACTING_PREFIX.sub("", title, count=1)
    elif _ACTING_WORD_PREFIX.match(title):
        acting = True
        title = _ACTING_WORD_PREFIX.sub("", title, count=1)
    return title.strip(), ordinal, listed, acting


_TWO_PEOPLE = re.compile(r"^([^()]{2,80}\([^()]{1,80}\))\s+(?=[A-Z])")


def first_person(text: str | None) -> str | None:
    """The first person named in a cell: its first line, and of a flattened
    "A (note) B (note)" list, the first entry."""
    line = first_line(text)
    match = _TWO_PEOPLE.match(line)
    if match:
        line = match.group(1)
    return line or None


@dataclass
class NamedPerson:
    """A predecessor, successor or colleague cell read as a name plus its note."""

    name: str | None = None
    link: str | None = None
    qualifier: str | None = None
    #: "established", "abolished", "vacant" or "none" when the cell holds a placeholder.
    placeholder: str | None = None
    start: Date | None = None
    end: Date | None = None


_TRAILING_PAREN = re.compile(r"(?<!\s)\s*[(\[]([^()\[\]]{1,120})[)\]]\s*$")
_LEADING_PAREN = re.compile(r"^\s*\(([^()]{1,120})\)\s*")
_TRAILING_YEARS = re.compile(
    r"(?<![\d\s])[\s,]+(\d{3,4}\s*(?:[–—-]\s*(?:\d{2,4}|present|incumbent))?)\s*$", re.I
)
_ONLY_DATES = re.compile(r"^\(?\s*(?:c\.\s*)?\d{1,4}[^()]{0,60}\)?$")
_PUNCT = " \t.,;:()[]-–—*"
_PAREN_LINE = re.compile(r"^\([^()]{1,120}\)$")
_DATE_NUMBER = re.compile(r"(?<!\d)\d{3,4}(?!\d)")


def placeholder_flag(text: str) -> str | None:
    """"established" for "Position established", "abolished", "vacant", "none"; else None."""
    key = text.strip(_PUNCT).casefold()
    return _PLACEHOLDER.get(key) if key else None


def split_person(text: str | None, links: list[str] | None = None) -> NamedPerson:
    """The first person of a cell: name only, its note as qualifier, its link.

    "Henry Knox (Senior Officer of the Army)" -> Henry Knox + qualifier;
    "Gerald Ford\nas President" -> Gerald Ford + "as President";
    "Position established" -> no name, placeholder "established".
    """
    out = NamedPerson()
    lines = [ln for ln in tidy(text).split("\n") if ln.strip()]
    if not lines:
        return out
    line = first_person(lines[0]) or ""
    notes: list[str] = []
    flag = placeholder_flag(line)
    if flag is not None:
        out.placeholder = flag
        if flag == "vacant":
            out.qualifier = "vacant"
        return out
    line = _NAME_MARKS.sub("", line[:300])  # a name line is short; the cap keeps this linear
    for _ in range(4):
        match = _TRAILING_PAREN.search(line)
        if not match or match.start() == 0:
            break
        if _ROMAN_NOTE.match(match.group(1).strip()):
            line = f"{line[: match.start()]} {match.group(1).strip()}"  # "George (V)": a regnal number
            break
        notes.insert(0, match.group(1).strip())
        line = _NAME_MARKS.sub("", line[: match.start()])
    lead = _LEADING_PAREN.match(line)
    if lead and lead.end() < len(line):
        notes.insert(0, lead.group(1).strip())
        line = line[lead.end():]
    inline = _INLINE_AS.search(line)
    if inline and inline.start() > 0:
        notes.append(line[inline.start():].strip())
        line = line[: inline.start()]
    years = _TRAILING_YEARS.search(line)
    if years and years.start() > 0:
        notes.append(years.group(1))
        line = line[: years.start()]
    acting = _ACTING_WORD_PREFIX.match(line)
    if acting:
        notes.insert(0, line[: acting.end()].strip())
        line = line[acting.end():]
    for extra in lines[1:]:
        if _QUALIFIER_PREFIX.match(extra) or _ONLY_DATES.match(extra) or _PAREN_LINE.match(extra) or (
            _ACTING_WORD is not None and _ACTING_WORD.fullmatch(extra.strip(_PUNCT))
        ):
            notes.append(extra.strip().strip("()"))
        else:
            break
    name = line.strip(" ,;:-–—")
    prefix = _NAME_PREFIX.match(name)
    if prefix and prefix.end() < len(name):
        name = name[prefix.end():]
    flag = placeholder_flag(name)
    if flag is not None:
        out.placeholder = flag
        return out
    out.name = name or None
    out.qualifier = "; ".join(notes) or None
    for note in notes:
        rng = parse_range(note) if any(ch.isdigit() for ch in note) else None
        if rng is not None and rng.start is not None:
            out.start, out.end = rng.start, rng.end
            break
    out.link = _link_for(out.name, links or [])
    return out


def _link_for(name: str | None, links: list[str]) -> str | None:
    """The link whose target names this person (not the note's link)."""
    if not name:
        return None
    low = name.casefold()
    words = [w for w in re.split(r"\W+", low) if len(w) > 1]
    for link in links:
        target = re.sub(r"\s*\([^()]*\)$", "", link).casefold()
        if target and (target in low or low in target or (words and words[-1] in target.split())):
            return link[:1].upper() + link[1:]
    return None


_LIST_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s*;\s*")


_CJK_NAME_MAX = 5


def _list_parts(line: str, links: list[str]) -> list[str]:
    """"A, B and C" as three people when every part is a linked name, else the line; names in
    a script without spaces, separated by spaces, are a list too ("李元簇 連戰": two vice presidents,
    once one per line)."""
    words = line.split()
    if 1 < len(words) <= 20 and all(2 <= len(w) <= _CJK_NAME_MAX and all(_is_cjk(c) for c in w) for w in words):
        return words  # (a one-character word is a given name written apart: "吉田 茂" is one person)
    parts = [p for p in _LIST_SEP.split(line, maxsplit=20) if p.strip()]
    if 1 < len(parts) <= 20 and all(_link_for(split_person(p).name, links) for p in parts):
        return parts
    return [line]


def colleagues_of(role: str, text: str | None, links: list[str] | None = None) -> list[Colleague]:
    """Every person of a "served with" cell, in order, each with its note and span."""
    people: list[Colleague] = []
    for line in tidy(text).split("\n"):
        line = line.strip()
        if not line:
            continue
        if people and (_ONLY_DATES.match(line) or _QUALIFIER_PREFIX.match(line) or _PAREN_LINE.match(line)):
            last = people[-1]
            last.qualifier = "; ".join(x for x in (last.qualifier, line.strip("()")) if x)
            if last.start is None and any(ch.isdigit() for ch in line):
                rng = parse_range(line.strip("()"))
                last.start, last.end = rng.start, rng.end
            continue
        for part in _list_parts(line, links or []):
            person = split_person(part, links)
            if person.name is None or _DATE_NUMBER.search(person.name):
                continue  # a placeholder, or a date/number left over: not a person
            people.append(Colleague(role=role, name=person.name, link=person.link,
                                    qualifier=person.qualifier, start=person.start, end=person.end))
    return people


def _is_open(text: str) -> bool:
    low = text.strip().lower()
    return any(low.startswith(w) for w in _OPEN_WORDS)


def _set_neighbour(office: Office, key: str, person: NamedPerson) -> None:
    """Fill predecessor/successor (first cell wins) with the name, link, note and flag."""
    if key == "predecessor":
        if office.predecessor is None and not office.established:
            office.predecessor, office.predecessor_link = person.name, person.link
            office.predecessor_qualifier = office.predecessor_qualifier or person.qualifier
            office.established = person.placeholder == "established"
    elif office.successor is None and not office.abolished:
        office.successor, office.successor_link = person.name, person.link
        office.successor_qualifier = office.successor_qualifier or person.qualifier
        office.abolished = person.placeholder == "abolished"


_LINK_NOTE = re.compile(r"(?<!\s)\s*\([^()]*\)$")  # "(politician)" after a page title; linear form


def title_link(title: str, links: list[str]) -> str | None:
    """The link of the office itself among a title's links: the one naming the title, else
    the first that is no list page (an ordinal links to the list of holders:
    "[[List of Presidents of the United States|16th]] [[President of the United States]]")."""
    key = _title_key(title)
    for link in links:
        if _title_key(_LINK_NOTE.sub("", link[:300])) == key:
            return link
    return next((link for link in links if not _LIST_PAGE.match(link)), None)


def office_from_block(block: _Block, source: str = "infobox") -> Office:
    """Build one Office from its header and rows."""
    named = block.header is not None and block.header.key not in ("name", "section")
    title, ordinal, acting = split_title(block.header.value if block.header and named else "")
    office = Office(title=title or None, ordinal=ordinal, acting=acting, source=source)
    if named and block.header is not None and block.header.links and title:
        office.title_link = title_link(title, block.header.links)
    end_given = False
    people_rows = False  # between the term and the neighbours: the people served with
    last_neighbour = max((i for i, r in enumerate(block.rows) if r.key in ("predecessor", "successor")),
                         default=-1)
    for index, row in enumerate(block.rows):
        key = row.key
        value = tidy(row.value)
        if (key is None and people_rows and index < last_neighbour and row.label.strip()
                and not row.header and normalize_label(row.label) not in _NOT_PEOPLE):
            key = "serving_with"  # a custom-labelled colleague row ("Vice Chancellor", "First Deputy")
        if key in _TERM_KEYS:
            people_rows = True
        elif key in ("predecessor", "successor", "constituency"):
            people_rows = False
        if key == "term":
            rng = parse_range(row.value)
            label = normalize_label(row.label)
            if label.startswith("assumed") or label in ASSUMED_OFFICE:
                rng.open_ended = True
            office.start = office.start or rng.start
            office.end = office.end or rng.end
            office.incumbent = office.incumbent or rng.open_ended
            office.term_text = tidy(row.value)
            end_given = end_given or rng.end is not None or rng.open_ended
        elif key == "term_start":
            office.start = office.start or parse_date(row.value)
            office.term_text = office.term_text or value
        elif key == "term_end":
            end_given = True
            if _is_open(value):
                office.incumbent = True
            else:
                office.end = office.end or parse_date(row.value)
            if office.term_text and value and not any(r.key == "term" for r in block.rows):
                office.term_text = f"{office.term_text} – {value}"  # as the infobox draws it
        elif key == "successor" and is_present(value):
            office.incumbent = True  # "Następca: nadal sprawuje urząd": nobody follows yet
        elif key in ("predecessor", "successor"):
            _set_neighbour(office, key, _undated(split_person(row.value, row.links)))
        elif key == "serving_with":
            role = tidy(row.label) or "Serving with"
            people = colleagues_of(role, row.value, row.links)
            office.colleagues.extend(people)
            if people and role not in office.serving_with:
                office.serving_with[role] = people[0].name
        elif key == "constituency":
            office.constituency = office.constituency or first_line(row.value) or None
        elif key == "acting":
            if value.lower() not in ("no", "false", "0"):
                office.acting = True
        elif key == "ordinal" and office.ordinal is None:
            match = _ORDINAL_VALUE.search(value)
            if match:
                office.ordinal = int(match.group(1))
    if office.start is not None and not end_given and any(r.key == "term_start" for r in block.rows):
        office.incumbent = True  # the infobox renders this as "Assumed office"
    return office


def offices_from_infobox(box: Infobox) -> list[Office]:
    """Every office in one infobox (or succession box), in display order.

    A numbered slot with no title of its own renders under the previous
    office: with a term it is another term of that office, without one its
    rows complete that office.
    """
    return _infobox_offices(box)[0]


def _infobox_offices(box: Infobox) -> tuple[list[Office], set[int]]:
    """The offices, and the indices of those whose title is only the one drawn
    above them (a second term, or a slot without a title of its own)."""
    source = "succession_box" if box.kind == "succession_box" else "infobox"
    offices: list[Office] = []
    borrowed: set[int] = set()
    for block in _blocks(box.rows):
        if not _is_office(block):
            continue
        untitled_slot = (
            block.header is not None and block.header.key == "office" and not tidy(block.header.value)
        )
        listed = split_title_ordinals(block.header.value)[2] if block.header is not None else []
        for n, term in enumerate(_split_terms(block)):
            if block.header is None and not any(r.key in _OFFICE_KEYS for r in term.rows):
                continue
            office = office_from_block(term, source)
            if n > 0 and listed:
                office.ordinal = listed[n] if n < len(listed) else None  # "第45・48-51代": a number per term
            if untitled_slot and offices:
                previous = offices[-1]
                if not any(r.key in _TERM_KEYS for r in term.rows):
                    _fill_gaps(previous, office)
                    continue
                office.title = previous.title
                office.title_link = previous.title_link
                office.ordinal = office.ordinal or previous.ordinal
                office.acting = office.acting or previous.acting  # "Interim X" covers both terms
                borrowed.add(len(offices))
            elif n > 0:
                borrowed.add(len(offices))
            offices.append(office)
    return offices, borrowed


def _fill_gaps(target: Office, extra: Office) -> None:
    if target.predecessor is None and not target.established:
        target.predecessor, target.predecessor_link = extra.predecessor, extra.predecessor_link
        target.predecessor_qualifier = target.predecessor_qualifier or extra.predecessor_qualifier
        target.established = extra.established
    if target.successor is None and not target.abolished:
        target.successor, target.successor_link = extra.successor, extra.successor_link
        target.successor_qualifier = target.successor_qualifier or extra.successor_qualifier
        target.abolished = extra.abolished
    target.constituency = target.constituency or extra.constituency
    target.title_link = target.title_link or extra.title_link
    for role, person in extra.serving_with.items():
        target.serving_with.setdefault(role, person)
    known = {(c.role, c.name) for c in target.colleagues}
    target.colleagues.extend(c for c in extra.colleagues if (c.role, c.name) not in known)


def classify(title: str | None, section: str | None) -> str:
    """What a succession row is: "office", or "nomination", "precedence", "record", "award", "title".

    The row's own title decides first ("Republican nominee for ...", "Oldest
    living President"), then the box heading it sits under ("Order of
    precedence", "Awards and achievements", "Titles of nobility").
    """
    for text in (title, section):
        if not text:
            continue
        text = _SUPERSCRIPTS.sub(" ", text)
        for kind, pattern in _KINDS.items():
            if pattern is not None and pattern.search(text):
                return kind
    return "office"


def offices_from_succession(box: Infobox) -> list[Office]:
    """Every row of a succession box, each with its kind (see :func:`classify`)."""
    out: list[Office] = []
    section: str | None = None
    for block in _blocks(box.rows):
        if block.header is None:
            continue
        if block.header.key == "section":
            section = block.header.value
            continue
        office = office_from_block(block, "succession_box")
        office.kind = classify(office.title, section)
        if office.title or office.start or office.predecessor or office.successor:
            out.append(office)
    return out


def _title_key(title: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (title or "").casefold()).strip()


def _years(office: Office) -> tuple[int | None, int | None]:
    def year(date: Date | None) -> int | None:
        return date.year if date is not None else None

    return year(office.start), year(office.end)


def _person_key(name: str | None) -> str:
    return _title_key(name)


def _same_person(a: str, a_link: str | None, b: str, b_link: str | None) -> bool:
    """Same person under two spellings: same link, same name, or one name's words
    inside the other's with the same surname ("James Buchanan" / "James P. Buchanan")."""
    if a_link and b_link and a_link.casefold() == b_link.casefold():
        return True
    x, y = _person_key(a).split(), _person_key(b).split()
    if x == y:
        return True
    if not x or not y or x[-1] != y[-1]:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return set(short) <= set(long)


def _neighbours(a: Office, b: Office) -> tuple[int, int]:
    """(agreeing, contradicting) neighbour slots between two offices."""
    agree = contra = 0
    for x, xl, y, yl in ((a.predecessor, a.predecessor_link, b.predecessor, b.predecessor_link),
                         (a.successor, a.successor_link, b.successor, b.successor_link)):
        if x and y:
            if _same_person(x, xl, y, yl):
                agree += 1
            else:
                contra += 1
    for x_flag, y_flag in ((a.established, b.established), (a.abolished, b.abolished)):
        if x_flag and y_flag:
            agree += 1
    return agree, contra


def _dates_agree(a: Office, b: Office) -> tuple[bool, bool]:
    """(compatible, same): years that both give are equal / both start and end given and equal."""
    a_start, a_end = _years(a)
    b_start, b_end = _years(b)
    if a_start is not None and b_start is not None and a_start != b_start:
        return False, False
    if a_end is not None and b_end is not None and a_end != b_end:
        return False, False
    same = a_start is not None and a_start == b_start and (
        a_end == b_end or (a.incumbent and b.incumbent)
    )
    return True, same


def _match_score(infobox: Office, box: Office) -> int:
    """How surely a box row is this infobox office (0: not it)."""
    compatible, same_dates = _dates_agree(infobox, box)
    agree, contra = _neighbours(infobox, box)
    same_title = bool(infobox.title) and _title_key(infobox.title) == _title_key(box.title)
    if same_title and compatible and contra == 0:
        return 5
    a_start, a_end = _years(infobox)
    b_start, b_end = _years(box)
    one_year_equal = (a_start is not None and a_start == b_start) or (a_end is not None and a_end == b_end)
    if agree >= 2 and (compatible or one_year_equal):
        return 4  # both neighbours agree: a start or end year off by one is the same term
    if same_dates and agree >= 1:
        return 3  # one neighbour may be counted differently (party vs chamber predecessor)
    if agree == 1 and contra == 0 and compatible:
        return 2
    if same_dates and contra == 0:
        return 1
    if one_year_equal and contra <= 1 and _similar_titles(infobox.title, box.title):
        return 1  # "Territorial Governor of Indiana" / "Governor of the Indiana Territory"
    return 0


def _stems(title: str | None) -> set[str]:
    return {w[:6] for w in re.findall(r"[^\W\d_]{3,}", (title or "").casefold())} - _STOP_STEMS


_STOP_STEMS = frozenset({"the", "and", "for", "from"})


def _similar_titles(a: str | None, b: str | None) -> bool:
    """Most title words shared, endings aside (territorial / territory)."""
    x, y = _stems(a), _stems(b)
    return bool(x and y) and len(x & y) / len(x | y) >= 0.6


def _same_office(a: Office, b: Office) -> bool:
    return _match_score(a, b) >= 5


def merge_offices(primary: list[Office], extra: list[Office],
                  borrowed: set[int] | None = None) -> list[Office]:
    """Add succession-box offices; a box row that duplicates an infobox office
    (same title, same neighbours or same dates, title wording aside) is merged
    into it, the infobox's title and dates winning.  An infobox office whose
    title is only borrowed from the office drawn above it (``borrowed``
    indices) takes the title of the box row that names it, unless it is a
    seat (a constituency): a member's terms for two seats share one heading."""
    merged = list(primary)
    pairs = sorted(
        ((score, j, i) for j, office in enumerate(extra) for i, candidate in enumerate(primary)
         if candidate.source == "infobox" and (score := _match_score(candidate, office)) > 0),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    matched: dict[int, tuple[int, int]] = {}  # box row -> (infobox office, score)
    taken: set[int] = set()
    for score, j, i in pairs:  # surest pairs first: a same-title row is not taken by a look-alike
        if j not in matched and i not in taken:
            matched[j] = (i, score)
            taken.add(i)
    for j, office in enumerate(extra):
        if j not in matched:
            merged.append(office)
            continue
        best, best_score = matched[j]
        match = merged[best]
        if borrowed and best in borrowed and best_score >= 3 and office.title and not match.constituency:
            # (a seat's second term under one heading differs by constituency, not by office)
            match.title, match.title_link, match.ordinal = office.title, office.title_link, office.ordinal
            match.title_source = "succession_box"
        title_from_box_row(match, office, best_score)
        match.start = match.start or office.start
        match.end = match.end or office.end
        _fill_gaps(match, office)
        match.incumbent = match.incumbent or (office.incumbent and match.end is None)
    return merged


def person_offices(box: Infobox | None, succession: list[Infobox],
                   lead: str | None = None) -> tuple[list[Office], list[Office]]:
    """(offices, other positions) of a page: the main infobox's offices merged
    with the succession boxes' office rows; nominations, precedence, records,
    awards and titles apart.  An infobox term still untitled after the merge
    takes the office the ``lead`` sentence names (see :func:`title_from_lead`)."""
    offices, borrowed = _infobox_offices(box) if box is not None else ([], set())
    rows = [o for b in succession for o in offices_from_succession(b)]
    others = [o for o in rows if o.kind != "office"]
    merged = [o for o in merge_offices(offices, [o for o in rows if o.kind == "office"], borrowed)
              if not _empty(o)]
    if lead:
        title_from_lead(merged, lead)
    return merged, others


def _undated(person: NamedPerson) -> NamedPerson:
    """No name when a date is left in it once its notes are split off: the cell
    holds something else (a dewiki strip "Vorgänger | Verteidigungsminister von
    Frankreich 6. November 1957-14. Mai 1958 | Nachfolger" whose name cells a
    mirror left empty), as :func:`colleagues_of` drops such a colleague."""
    if person.name and _DATE_NUMBER.search(person.name):
        return NamedPerson()
    return person


def _empty(office: Office) -> bool:
    """Nothing left to say: no title, term, neighbour, colleague or seat."""
    return not (office.title or office.start or office.end or office.incumbent or office.predecessor
                or office.successor or office.established or office.abolished or office.colleagues
                or office.serving_with or office.constituency)


# ------------------------------------------------------------ untitled terms
# An infobox block with a term but no title (a mirror that drew the title as an
# image, a slot without ``office``) is titled from the page itself: the
# succession-box row of the same term, else the office the lead sentence names.


def title_from_box_row(office: Office, row: Office, score: int) -> None:
    """Give an untitled infobox term the title of the box row merged into it,
    when the row is surely the same term: the same start and end years, or
    both neighbours the same (``score`` >= 4, see :func:`_match_score`)."""
    if office.title or not row.title:
        return
    a_start, a_end = _years(office)
    b_start, b_end = _years(row)
    same_years = a_start is not None and a_start == b_start and (
        a_end == b_end or (a_end is None and office.incumbent and (b_end is None))
    )
    if not (same_years or score >= 4):
        return
    office.title, office.title_link = row.title, row.title_link
    office.ordinal = office.ordinal or row.ordinal
    office.title_source = "succession_box"


_PHRASE_SKIP = frozenset(w.casefold() for w in lang.merged("office_phrases", "lead_skip"))
_PHRASE_JOIN = frozenset(w.casefold() for w in lang.merged("office_phrases", "title_joiners"))
_COPULA_WORDS = sorted({w for w in lang.merged("lead", "copula") if w and w.isalpha()}, key=len, reverse=True)
_LEAD_COPULA = re.compile(rf"(?<![^\W\d_])(?:{_alternation(_COPULA_WORDS) or '(?!)'})\s+", re.I)
_SENTENCE_END = re.compile(r"(?<=[^\s.A-Z])\.(?:\s|$)|;")
_YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
_TOKEN_PUNCT = ",.;:!?()[]\"'"


def _skippable(word: str) -> bool:
    low = word.casefold()
    if low in _PHRASE_SKIP or any(p.match(f"{word} x") for p in _ORDINALS) or _ORDINAL.match(f"{word} x"):
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(p in _PHRASE_SKIP for p in parts)  # "twenty-first"


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def lead_office_phrase(lead: str) -> tuple[str, int | None, int | None] | None:
    """(title, start year, end year) of the office the lead's first sentence names
    right after its copula: "X (born ...) was the seventeenth Prime Minister of
    Canada from June 30, 1984 to September 17, 1984" -> ("Prime Minister of
    Canada", 1984, 1984).  Only a capitalised title counts ("was an American
    politician" names none); years are those that follow it in the sentence."""
    for paragraph in lead.split("\n")[:12]:
        paragraph = paragraph[:2000]
        copula = _LEAD_COPULA.search(paragraph)
        if copula is None:
            continue
        end = _SENTENCE_END.search(paragraph)
        if end is not None and end.start() < copula.start():
            continue  # the copula of a later sentence: this paragraph opens otherwise
        rest = paragraph[copula.end():]
        stop = _SENTENCE_END.search(rest)
        sentence = rest[: stop.start() if stop else len(rest)]
        words = sentence.split()
        i = 0
        while i < len(words) and _skippable(words[i]):
            i += 1
        title: list[str] = []
        while i < len(words):
            word = words[i]
            bare = word.strip(_TOKEN_PUNCT)
            if bare and _capitalised(bare):
                title.append(bare)
            elif bare.casefold() in _PHRASE_JOIN and title and i + 1 < len(words) and (
                _capitalised(words[i + 1].strip(_TOKEN_PUNCT)) or words[i + 1].casefold() in _PHRASE_JOIN
            ):
                title.append(bare)
            else:
                break
            i += 1
            if word.rstrip(_TOKEN_PUNCT) != word:
                break  # "Canada," ends the title
        while title and title[-1].casefold() in _PHRASE_JOIN:
            title.pop()
        if len(title) < 3 or not any(w.casefold() in _PHRASE_JOIN for w in title):
            return None  # "X of Y" at least: a lone capitalised word is a nationality or a name
        years = [int(y) for y in _YEAR.findall(" ".join(words[i:]))]
        return " ".join(title), (years[0] if years else None), (years[-1] if len(years) > 1 else None)
    return None


def title_from_lead(offices: list[Office], lead: str) -> None:
    """Title an untitled infobox term with the office the lead names: the term of
    the lead's years when it gives some, else the first office of the infobox.
    Not when a titled office already bears that title (the lead names that one)."""
    untitled = [o for o in offices if o.source == "infobox" and not o.title and (o.start or o.end)]
    if not untitled:
        return
    phrase = lead_office_phrase(lead)
    if phrase is None:
        return
    title, start, end = phrase
    if any(_title_key(o.title) == _title_key(title) for o in offices if o.title):
        return
    target: Office | None = None
    if start is not None:
        for office in untitled:
            o_start, o_end = _years(office)
            if o_start == start and (end is None or o_end is None or o_end == end):
                target = office
                break
    else:
        infobox = [o for o in offices if o.source == "infobox"]
        target = infobox[0] if infobox and infobox[0] in untitled else None
    if target is not None:
        target.title, target.title_source = title, "lead"
