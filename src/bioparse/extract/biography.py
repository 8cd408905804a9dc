"""Is this page a biography of one real person?  Decided from evidence.

"Found a date somewhere" made wars, awards and algorithms into people.  A
page is a person only when a signal that belongs to people fires:

* categories of births, deaths or living people, and other people-only
  categories (``category:births``, ``category:deaths``, ``category:living``,
  ``category:people``);
* a person infobox type (``infobox:officeholder``), Persondata /
  Personendaten / {{Bio}} (``persondata``), an hCard birth or death date
  in HTML (``hcard:birth``, ``hcard:death``);
* Born, Died and In-office rows of an infobox that has no template name
  (plain text and desktop HTML: ``row:birth``, ``row:death``, ``row:office``);
* the lead's first sentence: the subject's name, then a parenthesis with a
  birth (``lead:born``), a lifespan (``lead:dates``) or a bare birth year
  (``lead:year``), or, with no bracket, an occupation within a few words
  of the name ("Jezups Šmulāns — Ludzys apleicīnis pūdars": ``lead:occupation``).
  The last two are the weakest: a non-person infobox overrules them.
  The subject clause (name, brackets, tail) is found by
  :func:`bioparse.extract.lead.lead_clause`, the one owner of the first sentence.

Pages about people that are not one person are given their kind and no
person: families, bands and dynasties ("group"), fictional and mythological
figures ("fictional"), lists and disambiguation pages.  Every per-language
word and pattern lives in ``lang/data/<code>/biography.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lang
from ..document import Document
from ..model import Infobox
from .lead import LEAD_SCAN, NAME_CHARS, TAIL_CHARS, LeadClause, is_subject_name, lead_clause

__all__ = ["Verdict", "LeadClause", "classify", "lead_clause", "lead_evidence", "is_person_office", "tables"]

_YEAR = re.compile(r"(?<!\d)\d{3,4}(?!\d)")
_DASH = re.compile(r"[–—‒―−~-]|\bto\b")
_OPEN_RANGE = re.compile(r"(?<!\d)\d{3,4}(?!\d)[^–—‒―−\-~]{0,20}[–—‒―−\-~]\s*$")
_LONE_YEAR = re.compile(
    r"^\s*(?:c\.|ca\.|circa|um|vers|hacia|ок\.)?\s*\d{3,4}\s*(?:g\.|gods|godā|год|г\.|年|ء|\.)?\s*$", re.I
)
_DIGIT = re.compile(r"\d")
_DISAMBIGUATION = re.compile(r"\s*\([^()]{0,100}\)\s*$")


@dataclass
class Verdict:
    """What the page is about and the signals that said so."""

    kind: str | None
    evidence: list[str] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


@dataclass(frozen=True)
class _Tables:
    """Compiled views of every language's biography.json (built once)."""

    births: re.Pattern[str]
    deaths: re.Pattern[str]
    living: re.Pattern[str]
    people: re.Pattern[str]
    fictional_cat: re.Pattern[str]
    group_cat: re.Pattern[str]
    list_cat: re.Pattern[str]
    list_title: re.Pattern[str]
    person_box: re.Pattern[str]
    non_person_box: re.Pattern[str]
    fictional_box: re.Pattern[str]
    group_box: re.Pattern[str]
    person_templates: frozenset[str]
    born: re.Pattern[str]
    died: re.Pattern[str]
    bc: re.Pattern[str]
    determiners: frozenset[str]
    non_office: re.Pattern[str]
    #: Occupation nouns and the words between a name and them ("is", "was", "a", "—"), lower case.
    occupations: frozenset[str]
    connectors: frozenset[str]
    #: "the name given to" (an anonymous writer's conventional name): skipped like a connector.
    appellations: tuple[tuple[str, ...], ...]
    #: Raw patterns, for the people-only pre-check (:mod:`bioparse.dump.precheck`).
    raw: dict[str, list[str]]


_NEVER = r"(?!x)x"
_WEAK = frozenset({"lead:year", "lead:occupation"})
_LIFE_CATEGORIES = frozenset({"category:births", "category:deaths", "category:living"})


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or _NEVER


def _words(patterns: list[str]) -> re.Pattern[str]:
    """Born/died words as whole words (symbols such as ``*`` and ``†`` stand alone)."""
    if not patterns:
        return re.compile(_NEVER)
    return re.compile(r"(?<!\w)(?:" + _alternation(patterns) + r")(?!\w)", re.I)


@functools.lru_cache(maxsize=1)
def tables() -> _Tables:
    """Every language's patterns merged: a page's language is not always known."""
    keys = (
        "births_categories", "deaths_categories", "living_categories", "people_categories",
        "fictional_categories", "group_categories", "list_categories", "list_titles",
        "person_infoboxes", "non_person_infoboxes", "fictional_infoboxes", "group_infoboxes",
        "person_templates", "born_words", "died_words", "bc_markers", "determiners", "non_office_titles",
        "occupations", "lead_connectors", "lead_appellations",
    )
    raw = {key: [str(p) for p in lang.merged("biography", key)] for key in keys}

    def rx(key: str) -> re.Pattern[str]:
        return re.compile(_alternation(raw[key]), re.I)

    return _Tables(
        births=rx("births_categories"),
        deaths=rx("deaths_categories"),
        living=rx("living_categories"),
        people=rx("people_categories"),
        fictional_cat=rx("fictional_categories"),
        group_cat=rx("group_categories"),
        list_cat=rx("list_categories"),
        list_title=rx("list_titles"),
        person_box=rx("person_infoboxes"),
        non_person_box=rx("non_person_infoboxes"),
        fictional_box=rx("fictional_infoboxes"),
        group_box=rx("group_infoboxes"),
        person_templates=frozenset(p.lower() for p in raw["person_templates"]),
        born=_words(raw["born_words"]),
        died=_words(raw["died_words"]),
        bc=_words(raw["bc_markers"]),
        determiners=frozenset(d.lower() for d in raw["determiners"]),
        non_office=rx("non_office_titles"),
        occupations=frozenset(w.lower() for w in raw["occupations"]),
        connectors=frozenset(w.lower() for w in raw["lead_connectors"]),
        appellations=tuple(sorted(
            {tuple(w.lower() for w in _TOKEN.findall(p)) for p in raw["lead_appellations"]} - {()},
            key=len, reverse=True,
        )),
        raw=raw,
    )


def box_type(name: str | None) -> str:
    """An infobox's template name as a lookup key: "Infobox_Officeholder" -> "infobox officeholder"."""
    if not name:
        return ""
    key = " ".join(name.replace("_", " ").split()).lower()
    for prefix in ("template:", "vorlage:", "modèle:", "plantilla:", "predefinição:", "шаблон:"):
        if key.startswith(prefix):
            key = key[len(prefix):].strip()
    return key


def _short_type(key: str) -> str:
    """"infobox officeholder" -> "officeholder" for the evidence label."""
    for prefix in ("infobox ", "ficha de ", "info/", "inligtingskas ", "infoskreine ", "карточка "):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _first_box(doc: Document) -> Infobox | None:
    """The page's own infobox: the first one, Persondata aside (it is metadata, not a type)."""
    t = tables()
    for box in doc.infoboxes:
        if box.kind == "infobox" and box_type(box.name) not in t.person_templates:
            return box
    return None


def classify(doc: Document) -> Verdict:
    """The page's kind and, for people, the evidence (signals in the order checked)."""
    if doc.is_redirect:
        return Verdict(None)
    if doc.is_disambiguation:
        return Verdict("disambiguation")
    t = tables()
    title = doc.title or ""
    categories = doc.categories
    if title and t.list_title.search(_DISAMBIGUATION.sub("", title)) or any(category_is("list", c) for c in categories):
        return Verdict("list")
    first = _first_box(doc)
    first_type = box_type(first.name) if first is not None else ""
    evidence = signals(doc, first_type)
    # A births, deaths or living-people category is about one real person:
    # "Ministers for ... families" or "Obama family" does not make a group.
    lived = any(e in _LIFE_CATEGORIES for e in evidence)
    if not lived:
        if any(category_is("fictional", c) for c in categories) or (first_type and t.fictional_box.search(first_type)):
            return Verdict("fictional")
        if any(category_is("group", c) for c in categories) or (first_type and t.group_box.search(first_type)):
            return Verdict("group")
    strong = [e for e in evidence if e not in _WEAK]
    non_person = bool(first_type) and not t.person_box.search(first_type) and bool(t.non_person_box.search(first_type))
    if strong and not (non_person and all(e.startswith("lead:") for e in strong)):
        return Verdict("person", evidence)
    if evidence and not non_person:
        return Verdict("person", evidence)
    return Verdict("other")


#: The category kinds that are person signals, in the order ``signals`` reports them.
LIFE_KINDS = ("births", "deaths", "living", "people")
_CATEGORY_PATTERNS = {"births": "births", "deaths": "deaths", "living": "living", "people": "people",
                      "fictional": "fictional_cat", "group": "group_cat", "list": "list_cat"}


@functools.lru_cache(maxsize=1 << 17)
def category_is(kind: str, category: str) -> bool:
    """Whether ``category`` is of ``kind`` (births, deaths, living, people, fictional, group, list).

    Each kind is one alternation over every language's patterns, tried at every
    position of the name; the same categories ("Living people", "American
    male film actors") recur across the pages of a wiki, so the answer is kept
    per name.  Asked kind by kind, so a page still stops at its first match.
    """
    pattern: re.Pattern[str] = getattr(tables(), _CATEGORY_PATTERNS[kind])
    return pattern.search(category.strip()) is not None


def signals(doc: Document, first_type: str | None = None) -> list[str]:
    """Every person signal the page gives (see the module docstring for their names)."""
    t = tables()
    out: list[str] = []
    for label in LIFE_KINDS:
        if any(category_is(label, c) for c in doc.categories):
            out.append(f"category:{label}")
    if first_type is None:
        first = _first_box(doc)
        first_type = box_type(first.name) if first is not None else ""
    if first_type and t.person_box.search(first_type):
        out.append(f"infobox:{_short_type(first_type)}")
    out.extend(_row_signals(doc))
    boxes = {box_type(b.name) for b in doc.infoboxes if b.kind == "infobox"}
    if boxes & t.person_templates:
        out.append("persondata")
    hints = doc.person_hints
    if doc.source_format == "html":
        if hints.get("birth_date"):
            out.append("hcard:birth")
        if hints.get("death_date"):
            out.append("hcard:death")
    elif hints and "persondata" not in out and (hints.get("birth_date") or hints.get("death_date")):
        out.append("persondata")
    found = lead_evidence(doc.lead, doc.title)
    if not found and not out:
        found = _sentence_evidence(doc)
    out.extend(found)
    return list(dict.fromkeys(out))


def _sentence_evidence(doc: Document) -> list[str]:
    """``lead:sentence``: the lead reader (:mod:`bioparse.extract.lead`, every language's words)
    found a birth or death date, to the month at least, in the subject's first sentence, where the bracket rules above
    see none ("(* 23. Dezember 1918 in Hamburg)" under a mirror's furniture, "né le ... à ...")."""
    from .person import read_subject_lead

    facts = read_subject_lead(doc)
    # to the month at least: "Leopardus pardalis (Linnaeus, 1758)" names a year that is nobody's birth
    if any(
        event is not None and event.date is not None and event.date.precision in ("day", "month")
        for event in (facts.birth, facts.death)
    ):
        return ["lead:sentence"]
    return []


def lead_evidence(lead: str, title: str | None) -> list[str]:
    """Every lead signal: the subject clause's bracket or tail, else an occupation after the name."""
    found = lead_signals(lead, title)
    if not found and occupation_signal(lead, title):
        found = ["lead:occupation"]
    return found


_BIRTH_KEYS = frozenset({"birth", "birth_date"})
_DEATH_KEYS = frozenset({"death", "death_date"})
_TERM_KEYS = frozenset({"term", "term_start", "term_end"})


def _row_signals(doc: Document) -> list[str]:
    """Born/Died/In-office rows of an infobox with no template name (plain text, desktop HTML).

    A named template says what it is through its type; rows only speak for
    boxes that cannot.
    """
    box = next((b for b in doc.infoboxes if b.kind == "infobox"), None)
    if box is None or box.name:
        return []
    out = []
    keys = {row.key for row in box.rows if row.key}
    if any(row.key in _BIRTH_KEYS and _DIGIT.search(row.value) for row in box.rows):
        out.append("row:birth")
    if any(row.key in _DEATH_KEYS and _DIGIT.search(row.value) for row in box.rows):
        out.append("row:death")
    if keys & _TERM_KEYS:
        out.append("row:office")
    return out


def lead_signals(lead: str, title: str | None) -> list[str]:
    """``lead:born`` / ``lead:dates`` / ``lead:year`` from the first sentence's subject clause."""
    clause = lead_clause(lead, title)
    if clause is None:
        return []
    out: list[str] = []
    for content in clause.parens:
        out.extend(_paren_signals(content))
        if out:
            break
    if not out and clause.tail:
        tail = clause.tail[:TAIL_CHARS]
        t = tables()
        word = t.born.match(tail) or t.died.match(tail)
        if word and _DIGIT.search(tail):
            out.append("lead:born")
    return out


_TOKEN = re.compile(r"[^\W\d_]+|[—–-]")
_OCCUPATION_WINDOW = 4


def occupation_signal(lead: str, title: str | None) -> bool:
    """"Jezups Šmulāns — Ludzys apleicīnis pūdars, ...": the name, then within a few words an occupation
    ("Ambrosiaster is the name given to the writer of ...": an appellation phrase is skipped too).

    Only the first line counts; the name is its leading capitalised words.
    """
    line = next((ln.strip() for ln in lead[:LEAD_SCAN].split("\n") if ln.strip()), "")
    words = line[:NAME_CHARS * 4].split()
    n = 0
    while n < len(words) and n < 8 and words[n][:1].isupper():
        n += 1
    name = " ".join(words[:n]).rstrip(",")
    if not n or not is_subject_name(name, title):
        return False
    t = tables()
    tokens = [w.lower() for w in _TOKEN.findall(" ".join(words[n : n + 12]))]
    i = _skip_connectors(tokens, 0, t.connectors)
    for phrase in t.appellations:
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            i = _skip_connectors(tokens, i + len(phrase), t.connectors)
            break
    return any(w in t.occupations for w in tokens[i : i + _OCCUPATION_WINDOW])


def _skip_connectors(tokens: list[str], i: int, connectors: frozenset[str]) -> int:
    while i < len(tokens) and tokens[i] in connectors:
        i += 1
    return i


def _paren_signals(content: str) -> list[str]:
    t = tables()
    if not _DIGIT.search(content):
        return []
    if t.born.search(content) or t.died.search(content):
        return ["lead:born"]
    if _lifespan(content):
        return ["lead:dates"]
    if _LONE_YEAR.match(content):
        return ["lead:year"]
    return []


def _lifespan(content: str) -> bool:
    """Two years joined by a dash no more than 125 years apart, or an open range "1950 –"."""
    if _OPEN_RANGE.search(content):
        return True
    years = [(m.start(), int(m.group())) for m in _YEAR.finditer(content)]
    if len(years) < 2:
        return False
    bc = bool(tables().bc.search(content))
    for dash in _DASH.finditer(content):
        left = [y for pos, y in years if pos < dash.start()]
        right = [y for pos, y in years if pos >= dash.end()]
        if left and right:
            gap = right[0] - left[-1]
            if 0 < gap <= 125 or (bc and 0 < -gap <= 125):
                return True
    return False


def is_person_office(title: str) -> bool:
    """False for succession-box titles that are not offices a person holds (list positions, records)."""
    return not tables().non_office.search(title)
