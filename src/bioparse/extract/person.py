"""The Person: who the page is about, born and died where and when, offices held.

Sources, most trusted first: machine-readable hints (hCard, Personendaten),
the main infobox's rows, the lead's parenthesis "(5 April 1920 – 29 April
2001)", and categories such as "1970 births".
"""

from __future__ import annotations

import re
import unicodedata

from ..dates import parse_date, parse_range, split_event
from ..document import Document
from ..model import Date, Event, Infobox, Person
from .biography import is_person_office, lead_clause
from .offices import merge_offices, offices_from_infobox
from .text import first_line, items, one_line, tidy

_PERSON_KEYS = frozenset(
    {"birth", "birth_date", "birth_place", "death", "death_date", "death_place", "spouse", "party"}
)
_OFFICE_KEYS = frozenset({"term", "term_start", "predecessor", "successor"})
_PRECISION_RANK = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}
_BIRTHS_CATEGORY = re.compile(r"^(\d{1,4})( BC)? births$", re.I)
_DEATHS_CATEGORY = re.compile(r"^(\d{1,4})( BC)? deaths$", re.I)
_HAS_DIGIT = re.compile(r"\d")
#: Linear: a whitespace run is tried from its start only, and ``[^()]*`` stops at the next
#: parenthesis (``[^)]*`` from every "(" of "((((..." was quadratic).
_DISAMBIGUATION = re.compile(r"(?<!\s)\s*\([^()]*\)\s*$")
_HONORIFIC = re.compile(
    r"^(?:(?:the\s+)?(?:right\s+|most\s+|rt\.?\s*|rgt\.?\s*)?hon(?:ou?rable|\.)?\s+"
    r"|(?:his|her)\s+(?:imperial\s+|royal\s+|serene\s+)?(?:excellency|majesty|highness)\s+"
    r"|sir\s+|dame\s+)+",
    re.I,
)
_POSTNOMINAL = re.compile(r"^[A-Z][A-Za-z().]{1,10},?$")
_ROMAN = re.compile(r"^X{0,3}(?:IX|IV|VI{0,3}|I{1,3})?$")  # regnal numbers I-XXXIX


def _script(word: str) -> str:
    for char in word:
        if char.isalpha():
            return unicodedata.name(char, "?").split(" ")[0]
    return ""


def _is_postnominal(word: str) -> bool:
    """"PC", "MBE", "QC", "LLD(Hon)": mostly capitals; not "McPherson", not regnal "XIII"."""
    if not _POSTNOMINAL.match(word) or _ROMAN.match(word.rstrip(",")):
        return False
    upper = sum(1 for c in word if c.isupper())
    return upper >= 2 and upper >= sum(1 for c in word if c.islower())


def clean_name(name: str) -> str:
    """Drop honorific prefixes and post-nominal letters ("The Right Honourable Sir X MBE" -> "X").

    A native-script rendering appended to the name ("Haile Selassie ኀይለ ሥላሴ")
    is dropped too: the name keeps the script it starts in.
    """
    name = _HONORIFIC.sub("", name.strip())
    words = name.split()
    if words:
        script = _script(words[0])
        while len(words) > 1 and _script(words[-1]) not in (script, ""):
            words.pop()
    while len(words) > 1 and _is_postnominal(words[-1]):
        words.pop()
    return " ".join(words).rstrip(",")


def main_infobox(doc: Document) -> Infobox | None:
    """The infobox describing the person: the first with the most person rows."""
    best: Infobox | None = None
    best_score = 0
    for box in doc.infoboxes:
        if box.kind != "infobox":
            continue
        keys = {row.key for row in box.rows}
        score = 2 * len(keys & _PERSON_KEYS) + len(keys & _OFFICE_KEYS)
        if score > best_score:
            best, best_score = box, score
    if best is None:
        best = next((b for b in doc.infoboxes if b.kind == "infobox"), None)
    return best


def _more_precise(candidate: Date | None, current: Date | None) -> bool:
    if candidate is None:
        return False
    if current is None:
        return True
    return _PRECISION_RANK.get(candidate.precision, 0) >= _PRECISION_RANK.get(current.precision, 0)


def _event(box: Infobox | None, doc: Document, which: str) -> Event | None:
    """Birth or death from rows, then hints, then the lead and categories."""
    date: Date | None = None
    place: str | None = None
    text = ""
    if box is not None:
        combined = box.get(which)
        if combined:
            value = _drop_leading_name(combined)
            event = split_event(value)
            date, text = event.date, tidy(combined)
            place = _place_lines(value, event.place)
        separate = box.get(f"{which}_date")
        if separate and date is None:
            # a date row may carry the place too ("384 BC\nStagira, ...")
            event = split_event(separate)
            date, text = event.date, text or tidy(separate)
            if not box.get(f"{which}_place"):
                place = place or _place_lines(separate, event.place)
        separate_place = box.get(f"{which}_place")
        if separate_place and not place:
            place = one_line(separate_place) or None
    hint = doc.person_hints.get(f"{which}_date")
    if hint:
        hinted = parse_date(hint)
        if _more_precise(hinted, date):
            if date is not None and hinted is not None:
                hinted.text = date.text or hinted.text
            date = hinted
    hint_place = doc.person_hints.get(f"{which}_place")
    if hint_place and not place:
        place = one_line(hint_place)
    if date is None:
        date = _lead_date(doc.lead, which, doc.title)
    if date is None:
        date = _category_date(doc.categories, which)
    if date is None and not place:
        return None
    return Event(date=date, place=place or None, text=text)


def _drop_leading_name(value: str) -> str:
    """"Wayne Maxwell Swan\\n(1954-06-30) 30 June 1954" -> the date part onwards."""
    lines = tidy(value).split("\n")
    if _leading_name(lines):
        return "\n".join(lines[1:])
    return "\n".join(lines)


def _leading_name(lines: list[str]) -> bool:
    """A birth name line before the date: no digits, no comma (places have commas)."""
    return (
        len(lines) > 1
        and not _HAS_DIGIT.search(lines[0])
        and "," not in lines[0]
        and bool(_HAS_DIGIT.search(lines[1]))
    )


def _birth_name(box: Infobox | None) -> str | None:
    if box is None:
        return None
    name = box.get("birth_name")
    if name:
        return first_line(name) or None
    born = box.get("birth")
    if born:
        lines = tidy(born).split("\n")
        if _leading_name(lines):
            return lines[0]
    return None


def _lead_date(lead: str, which: str, title: str | None = None) -> Date | None:
    """Dates in the parenthesis right after the subject's name: "(born 19 November 1970)", "(1920 – 2001)"."""
    clause = lead_clause(lead, title)
    parts = [p for content in (clause.parens if clause else []) for p in content.split(";")]
    for part in parts:
        part = part.strip()
        low = part.lower()
        if low.startswith(("born ", "b. ", "né ", "née ", "geboren ", "died ", "d. ")):
            # "born Alisa Rosenbaum" is a birth name: the dates follow in the next part
            born = low.startswith(("born ", "b. ", "né ", "née ", "geboren "))
            date = parse_date(part.split(" ", 1)[1]) if born == (which == "birth") else None
            if date is not None:
                return date
            continue
        rng = parse_range(part)
        if rng.start is not None and rng.end is not None:
            return rng.start if which == "birth" else rng.end
    return None


def _category_date(categories: list[str], which: str) -> Date | None:
    pattern = _BIRTHS_CATEGORY if which == "birth" else _DEATHS_CATEGORY
    for category in categories:
        match = pattern.match(category.strip())
        if match:
            return parse_date(f"{match.group(1)}{match.group(2) or ''}")
    return None


def _lead_name(lead: str) -> str | None:
    """The subject of the lead's first sentence: "José Serrano Salgado (born ...) is ..."."""
    for line in lead.strip().split("\n")[:12]:
        paren = line.find(" (")
        if not 0 < paren <= 120:
            continue
        close = line.find(")", paren)
        if close < 0 or not _LEAD_VERB.match(line[close + 1 : close + 40]):
            continue
        name = clean_name(tidy(line[:paren]).rstrip(","))
        if name and not _SENTENCE_END.search(name) and len(name.split()) <= 12:
            return name
    return None


#: A full stop after a long word ends a sentence; "Jr." and initials do not.
_SENTENCE_END = re.compile(r"\w{4}\.$")
_LEAD_VERB = re.compile(r"^(?:\[[^\]]{1,12}\])*,?\s+(?:\w+\s+){0,6}?(?:is|was|were|are|est|était|ist|war|es|fue|è|fu|is een|was een)\b")
_DATE_ONLY = re.compile(
    r"^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^\d{1,4}$", re.I
)


def _place_lines(value: str, place: str | None) -> str | None:
    """Keep the place's first line: later lines of a Born/Died cell are other facts."""
    if not place:
        return None
    if _DATE_ONLY.match(place.strip()):
        return None  # a truncated date ("5 April"), not a place
    lines = [line.strip(" ,|") for line in tidy(value).split("\n")]
    for i, line in enumerate(lines):
        if line and line != place and place.startswith(line):
            kept = [line]
            for more in lines[i + 1 :]:
                if not (more.startswith("(") and more in place):
                    break
                kept.append(more)  # "(present-day Prayagraj, ...)" belongs to the place
            return " ".join(kept)
    return place


def extract_person(doc: Document, *, decided: bool = False) -> Person | None:
    """The person the page is about, or None for pages that are not biographies.

    ``decided``: :func:`bioparse.extract.biography.classify` already said this
    page is a person, so a Person is returned even without dates or offices.
    """
    box = main_infobox(doc)
    birth = _event(box, doc, "birth")
    death = _event(box, doc, "death")
    offices = []
    if box is not None:
        offices = offices_from_infobox(box)
    succession = [o for b in doc.infoboxes if b.kind == "succession_box" for o in offices_from_infobox(b)
                  if o.title is None or is_person_office(o.title)]
    offices = merge_offices(offices, succession)
    if death is not None:
        for office in offices:
            office.incumbent = False  # nobody holds office after death
    has_person_rows = box is not None and any(r.key in _PERSON_KEYS for r in box.rows)
    if not decided and not (birth or death or offices or has_person_rows or doc.person_hints):
        return None
    name = None
    if box is not None:
        name = clean_name(first_line(box.get("name"))) or None
    name = name or doc.person_hints.get("name") or None
    lead_name = _lead_name(doc.lead)
    if not name and doc.title:
        name = _DISAMBIGUATION.sub("", doc.title).strip() or None
    name = name or lead_name or ""
    full_name = None
    if box is not None:
        full_name = first_line(box.get("full_name")) or None
    full_name = full_name or lead_name
    person = Person(
        name=name,
        full_name=full_name,
        birth=birth,
        death=death,
        offices=offices,
        birth_name=_birth_name(box),
    )
    if box is not None:
        person.resting_place = one_line(box.get("resting_place")) or None
        person.nationality = one_line(box.get("nationality")) or None
        person.party = first_line(box.get("party")) or None
        person.spouse = items(box.get("spouse"))
        person.children = one_line(box.get("children")) or None
        person.alma_mater = items(box.get("alma_mater"))
        person.occupation = items(box.get("occupation"))
        person.awards = items(box.get("awards"))
    return person
