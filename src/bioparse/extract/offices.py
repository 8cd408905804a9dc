"""Offices from infobox rows and succession boxes.

Every reader lays an office out the same way: a header row naming it, then
its term, the people served with, predecessor and successor.  This module is
the one place that groups those rows, so text, wikitext and HTML agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..dates import parse_date, parse_range
from ..model import Date, Infobox, InfoboxRow, Office
from .labels import ASSUMED_OFFICE, normalize_label
from .text import first_line, tidy

_ORDINAL = re.compile(r"^\s*(\d{1,4})\s*(?:st|nd|rd|th|e|er|ème|º|°|\.)\s+(?=\S)", re.I)
_ORDINAL_VALUE = re.compile(r"(\d{1,4})")
_ACTING_PREFIX = re.compile(r"^\s*(?:acting|interim|caretaker)\s+", re.I)
#: ``(?<!\s)`` on the suffix patterns: a whitespace run is tried once, from its start (was quadratic).
_ACTING_SUFFIX = re.compile(r"(?<!\s)\s*\((?:acting|interim|caretaker)\)\s*$", re.I)
_YEARS_NOTE = re.compile(r"(?<!\s)\s*\([^()]{0,80}\d{4}[^()]{0,80}\)\s*$")
_TERM_KEYS = frozenset({"term", "term_start", "term_end"})
_OFFICE_KEYS = frozenset({"term", "term_start", "term_end", "predecessor", "successor"})
_OPEN_WORDS = ("incumbent", "present", "current")


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
    title = " ".join(tidy(text).split("\n"))  # a title wrapped over lines is one title
    ordinal = None
    match = _ORDINAL.match(title)
    if match:
        ordinal = int(match.group(1))
        title = title[match.end() :]
    title = _YEARS_NOTE.sub("", title)
    acting = False
    if _ACTING_SUFFIX.search(title):
        acting = True
        title = _ACTING_SUFFIX.sub("", title)
    if _ACTING_PREFIX.match(title):
        acting = True
        title = _ACTING_PREFIX.sub("", title, count=1)
    return title.strip(), ordinal, acting


_TWO_PEOPLE = re.compile(r"^([^()]{2,80}\([^()]{1,80}\))\s+(?=[A-Z])")


def first_person(text: str | None) -> str | None:
    """The first person named in a cell: its first line, and of a flattened
    "A (note) B (note)" list, the first entry."""
    line = first_line(text)
    match = _TWO_PEOPLE.match(line)
    if match:
        line = match.group(1)
    return line or None


def _is_open(text: str) -> bool:
    low = text.strip().lower()
    return any(low.startswith(w) for w in _OPEN_WORDS)


def office_from_block(block: _Block, source: str = "infobox") -> Office:
    """Build one Office from its header and rows."""
    named = block.header is not None and block.header.key not in ("name", "section")
    title, ordinal, acting = split_title(block.header.value if block.header and named else "")
    office = Office(title=title or None, ordinal=ordinal, acting=acting, source=source)
    end_given = False
    for row in block.rows:
        key = row.key
        value = tidy(row.value)
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
        elif key == "predecessor":
            office.predecessor = office.predecessor or first_person(row.value)
        elif key == "successor":
            office.successor = office.successor or first_person(row.value)
        elif key == "serving_with":
            role = tidy(row.label) or "Serving with"
            person = first_person(row.value)
            if person and role not in office.serving_with:
                office.serving_with[role] = person
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
    source = "succession_box" if box.kind == "succession_box" else "infobox"
    offices: list[Office] = []
    for block in _blocks(box.rows):
        if not _is_office(block):
            continue
        untitled_slot = (
            block.header is not None and block.header.key == "office" and not tidy(block.header.value)
        )
        for term in _split_terms(block):
            if block.header is None and not any(r.key in _OFFICE_KEYS for r in term.rows):
                continue
            office = office_from_block(term, source)
            if untitled_slot and offices:
                previous = offices[-1]
                if not any(r.key in _TERM_KEYS for r in term.rows):
                    _fill_gaps(previous, office)
                    continue
                office.title = previous.title
                office.ordinal = office.ordinal or previous.ordinal
                office.acting = office.acting or previous.acting  # "Interim X" covers both terms
            offices.append(office)
    return offices


def _fill_gaps(target: Office, extra: Office) -> None:
    target.predecessor = target.predecessor or extra.predecessor
    target.successor = target.successor or extra.successor
    target.constituency = target.constituency or extra.constituency
    for role, person in extra.serving_with.items():
        target.serving_with.setdefault(role, person)


def _title_key(title: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (title or "").casefold()).strip()


def _years(office: Office) -> tuple[int | None, int | None]:
    def year(date: Date | None) -> int | None:
        return date.year if date is not None else None

    return year(office.start), year(office.end)


def _same_office(a: Office, b: Office) -> bool:
    if _title_key(a.title) != _title_key(b.title) or not a.title:
        return False
    a_start, a_end = _years(a)
    b_start, b_end = _years(b)
    if a_start is not None and b_start is not None and a_start != b_start:
        return False
    if a_end is not None and b_end is not None and a_end != b_end:
        return False
    return True


def merge_offices(primary: list[Office], extra: list[Office]) -> list[Office]:
    """Add succession-box offices; the same office is merged, the infobox winning."""
    merged = list(primary)
    for office in extra:
        match = next((o for o in merged if o.source == "infobox" and _same_office(o, office)), None)
        if match is None:
            merged.append(office)
            continue
        match.start = match.start or office.start
        match.end = match.end or office.end
        match.predecessor = match.predecessor or office.predecessor
        match.successor = match.successor or office.successor
        match.incumbent = match.incumbent or (office.incumbent and match.end is None)
    return merged
