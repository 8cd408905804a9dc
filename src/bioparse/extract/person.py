"""The Person: who the page is about, born and died where and when, offices held.

Sources, most trusted first: machine-readable hints (hCard, Personendaten),
the main infobox's rows, the lead's first sentence in any language ("(5 April
1920 – 29 April 2001)", "(* 3. Mai 1920 in Köln; † ...)", "né le ... à ...",
see :mod:`.lead`), and categories such as "1970 births".  ``Person.sources``
says which one each value came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .. import lang
from ..dates import parse_date, parse_range, split_event
from ..document import Document
from ..model import Date, Event, Infobox, Person
from .biography import is_person_office, lead_clause
from .lead import LeadFacts, read_lead
from .offices import person_offices
from .rendering import without_errors
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


def _words_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


#: Ranks, honorifics and academic titles before a name, every language's
#: (lang/data/*/offices.json "name_prefixes": "MgA. Václav Havel", "Prof. Dr. X").
_NAME_PREFIXES = re.compile(
    rf"^(?:(?:{_words_alternation(lang.merged('offices', 'name_prefixes'))})(?:\s+|(?<=\.)(?=\S)))+", re.I
)
#: Degrees and honours after a name and a comma ("Václav Havel, GCB, dr. h. c. mult.").
_NAME_SUFFIXES = frozenset(w.casefold() for w in lang.merged("offices", "name_suffixes"))
#: A nickname or a native spelling in brackets after the name ("Abdurrahman Wahid (Gus Dur)").
_TRAILING_BRACKETS = re.compile(r"(?<=\S)\s*[(\[（][^()\[\]（）]{1,80}[)\]）]$")


def _is_name_suffix(part: str) -> bool:
    return part.casefold() in _NAME_SUFFIXES or all(_is_postnominal(w) for w in part.split())


def clean_name(name: str) -> str:
    """Drop honorific prefixes and post-nominal letters ("The Right Honourable Sir X MBE" -> "X").

    A native-script rendering appended to the name ("Haile Selassie ኀይለ ሥላሴ")
    is dropped too: the name keeps the script it starts in.  So are academic
    titles before it and degrees after a comma ("MgA. Václav Havel, GCB, dr. h. c.
    mult."), and a nickname in brackets after it ("Abdurrahman Wahid (Gus Dur)").
    """
    name = _HONORIFIC.sub("", name.strip())
    name = _TRAILING_BRACKETS.sub("", name[:300])
    prefix = _NAME_PREFIXES.match(name)
    if prefix and prefix.end() < len(name):
        name = name[prefix.end():]
    parts = [p.strip() for p in name.split(",")]
    while len(parts) > 1 and parts[-1] and _is_name_suffix(parts[-1]):
        parts.pop()
    name = ", ".join(parts)
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


def _event(
    box: Infobox | None, doc: Document, which: str, lead: LeadFacts, sources: dict[str, str]
) -> Event | None:
    """Birth or death from rows, then hints, then the lead and categories; ``sources`` is filled
    with where the date and the place came from."""
    date: Date | None = None
    place: str | None = None
    place_key: str | None = None  # the row the place came from, for its link
    text = ""
    if box is not None:
        combined = box.get(which)
        if combined:
            value = _drop_leading_name(combined)
            event = split_event(value)
            date, text = event.date, tidy(combined)
            place = _place_lines(value, event.place)
            place_key = which if place else None
        separate = box.get(f"{which}_date")
        if separate and date is None:
            # a date row may carry the place too ("384 BC\nStagira, ...")
            event = split_event(separate)
            date, text = event.date, text or tidy(separate)
            if not box.get(f"{which}_place") and not place:
                place = _place_lines(separate, event.place)
                place_key = f"{which}_date" if place else None
        separate_place = box.get(f"{which}_place")
        if separate_place and not place:
            place = one_line(separate_place) or None
            place_key = f"{which}_place" if place else None
    hint = doc.person_hints.get(f"{which}_date")
    date_from = "infobox" if date is not None else ""
    place_from = "infobox" if place else ""
    if hint:
        hinted = parse_date(hint)
        if _more_precise(hinted, date):
            if date is not None and hinted is not None:
                hinted.text = date.text or hinted.text
            date, date_from = hinted, "hints"
    hint_place = doc.person_hints.get(f"{which}_place")
    if hint_place and not place:
        place, place_from = one_line(hint_place), "hints"
    from_lead = lead.birth if which == "birth" else lead.death
    if from_lead is not None:
        if date is None and from_lead.date is not None:
            date, date_from = from_lead.date, "lead"
        elif date is not None and from_lead.date is not None:
            date = _with_old_style(date, from_lead.date)
        if not place and from_lead.place:
            place, place_from = from_lead.place, "lead"
    if date is None:
        date = _lead_date(doc.lead, which, doc.title)
        if date is not None:
            date_from = "lead"
    if date is None:
        date = _category_date(doc.categories, which)
        date_from = "categories" if date is not None else ""
    if date is not None:
        sources[f"{which}_date"] = date_from
    if place:
        sources[f"{which}_place"] = place_from
    if date is None and not place:
        return None
    link = _place_link(box, place_key, place) if place and box is not None and place_key else None
    return Event(date=date, place=place or None, text=text, place_link=link)


def _with_old_style(date: Date, lead_date: Date) -> Date:
    """``date`` with the Julian day the lead gives beside the same New Style day.

    Infobox date templates carry one calendar; the lead's "22 February 1732
    [O.S. 11 February 1731]" carries both, so the pair is kept when both agree.
    """
    if date.julian_iso is not None or lead_date.julian_iso is None:
        return date
    if lead_date.iso != date.iso or lead_date.precision != date.precision:
        return date
    return replace(date, julian_iso=lead_date.julian_iso, calendar="gregorian")


def _place_link(box: Infobox, key: str, place: str) -> str | None:
    """The link of the place's row that names the place itself, else None.

    A row's links also cover its date ("[[Old Style and New Style dates|O.S.]]")
    and the wider region ("[[Kentucky]]"); the place's link is the one whose
    title (before any "(...)" or ",") agrees with the place's first part:
    "[[Hodgenville, Kentucky]]" for "Hodgenville, Kentucky, U.S.".
    """
    head = place.split(",")[0].split("(")[0].strip().casefold()
    if not head:
        return None
    for row in box.rows:
        if row.key != key:
            continue
        for target in row.links:
            base = target.split("(")[0].split(",")[0].strip().casefold()
            if base and (base == head or base in head or head in base):
                return target.strip()
        return None
    return None


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


_AGE_NOTE = re.compile(r"^\s*\([^()]{0,40}\d[^()]{0,40}\)[\s,]*")
_DATE_ONLY = re.compile(
    r"^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^\d{1,4}$", re.I
)


def _place_lines(value: str, place: str | None) -> str | None:
    """Keep the place's first line: later lines of a Born/Died cell are other facts."""
    if not place:
        return None
    if _DATE_ONLY.match(place.strip()):
        return None  # a truncated date ("5 April"), not a place
    place = _AGE_NOTE.sub("", place)  # "(umur 69), Jakarta": the age, in any language, is no place
    if not place:
        return None
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


def read_subject_lead(doc: Document) -> LeadFacts:
    """The lead's first sentence; when the lead says nothing about the subject (only furniture,
    hatnotes or category bullets), the first section's, but only when that section's "heading"
    is a caption naming the subject ("Helmut Schmidt (1969)") or a bullet ("- Frau"): renderings
    that mistook those for headings put the real first paragraph under them."""
    facts = read_lead(doc.lead, doc.title, doc.lead_links)
    if facts.name or facts.birth or facts.death:
        return facts
    later = [s for s in doc.sections if s.level > 0]
    base = _DISAMBIGUATION.sub("", doc.title or "").strip()
    if later and base and later[0].title.strip().startswith((base, "-", "•", "*")):
        return read_lead(later[0].text, doc.title)
    residue_lead = _lead_under_residue(doc.lead, later[0].text if later else "", base)
    if residue_lead:
        return read_lead(residue_lead, doc.title)
    return facts


def _has_sentence(text: str) -> bool:
    """A line of six words or more that ends as a sentence ends."""
    return any(line.rstrip().endswith((".", "!", "?", "。")) and len(line.split()) >= 6
               for line in text.split("\n"))


def _lead_under_residue(lead: str, first_section: str, name: str) -> str | None:
    """The first section's text when it, not the lead, holds the first sentence.

    A value-only rendering (the infobox's labels dropped, e.g. "February 12,
    1809" / "April 15, 1865" with no "Born" / "Died") leaves the box's values as
    the lead and its one surviving label ("Years in office") as a heading, the
    opening sentence under it.  Taken only when the lead holds no sentence at
    all and that section's first line opens with the subject's name.
    """
    if not name or not first_section or _has_sentence(lead[:5000]):
        return None
    opening = first_section.lstrip()[:5000]
    return opening if opening.startswith(name) else None


def extract_person(doc: Document, *, decided: bool = False) -> Person | None:
    """The person the page is about, or None for pages that are not biographies.

    ``decided``: :func:`bioparse.extract.biography.classify` already said this
    page is a person, so a Person is returned even without dates or offices.
    """
    box = without_errors(main_infobox(doc))  # a failed template's message is no place or value
    lead = read_subject_lead(doc)
    sources: dict[str, str] = {}
    birth = _event(box, doc, "birth", lead, sources)
    death = _event(box, doc, "death", lead, sources)
    succession = [b for b in map(without_errors, doc.infoboxes) if b is not None and b.kind == "succession_box"]
    offices, others = person_offices(box, succession, doc.lead)
    # a succession box of states by admission date or of records is no office of a person
    offices = [o for o in offices if o.source != "succession_box" or o.title is None or is_person_office(o.title)]
    if death is not None:
        for office in offices + others:
            office.incumbent = False  # nobody holds office after death
    has_person_rows = box is not None and any(r.key in _PERSON_KEYS for r in box.rows)
    if not decided and not (birth or death or offices or has_person_rows or doc.person_hints):
        return None
    name = None
    if box is not None:
        name = clean_name(first_line(box.get("name"))) or None
        sources["name"] = "infobox"
    if not name and doc.person_hints.get("name"):
        name, sources["name"] = doc.person_hints["name"], "hints"
    lead_name = clean_name(lead.name) if lead.name else None
    if not name and doc.title and not (lead_name and _HAS_DIGIT.search(doc.title)):
        # a title with digits is a page's or post's title ("Руководители СССР. ... 1984-1985"), not a name
        name = _DISAMBIGUATION.sub("", doc.title).strip() or None
        sources["name"] = "title"
    if not name and lead_name:
        name, sources["name"] = lead_name, "lead"
    if not name:
        sources.pop("name", None)
    full_name = None
    if box is not None:
        full_name = first_line(box.get("full_name")) or None
        if full_name:
            sources["full_name"] = "infobox"
    if not full_name and lead_name:
        full_name, sources["full_name"] = lead_name, "lead"
    person = Person(
        name=name or "",
        full_name=full_name,
        birth=birth,
        death=death,
        offices=offices,
        birth_name=_birth_name(box),
        positions_other=others,
        sources=sources,
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
