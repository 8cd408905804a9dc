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
not an office, such as "Personal details").
"""

from __future__ import annotations

import functools
import re

#: Rendered label (lower case, no trailing colon) -> canonical key.
LABELS: dict[str, str] = {
    # terms
    "in office": "term",
    "assumed office": "term",
    "term": "term",
    "term of office": "term",
    "reign": "term",
    "tenure": "term",
    "incumbent": "term",
    "took office": "term_start",
    "term start": "term_start",
    "term started": "term_start",
    "left office": "term_end",
    "term end": "term_end",
    "term ended": "term_end",
    # succession
    "preceded by": "predecessor",
    "predecessor": "predecessor",
    "preceded": "predecessor",
    "succeeded by": "successor",
    "successor": "successor",
    "followed by": "successor",
    "succeeded": "successor",
    "constituency": "constituency",
    "acting": "acting",
    "interim": "acting",
    "order": "ordinal",
    # people served with
    "president": "serving_with",
    "vice president": "serving_with",
    "vice-president": "serving_with",
    "vice president(s)": "serving_with",
    "vice presidents": "serving_with",
    "prime minister": "serving_with",
    "monarch": "serving_with",
    "governor general": "serving_with",
    "governor-general": "serving_with",
    "governor": "serving_with",
    "lieutenant governor": "serving_with",
    "premier": "serving_with",
    "chancellor": "serving_with",
    "deputy": "serving_with",
    "regent": "serving_with",
    "leader": "serving_with",
    "serving with": "serving_with",
    "appointed by": "serving_with",
    "nominated by": "serving_with",
    "taoiseach": "serving_with",
    "first minister": "serving_with",
    "chief minister": "serving_with",
    "secretary-general": "serving_with",
    # person
    "name": "name",
    "full name": "full_name",
    "fullname": "full_name",
    "birth name": "birth_name",
    "born": "birth",
    "birth": "birth",
    "date of birth": "birth_date",
    "birth date": "birth_date",
    "place of birth": "birth_place",
    "birth place": "birth_place",
    "birthplace": "birth_place",
    "died": "death",
    "death": "death",
    "date of death": "death_date",
    "death date": "death_date",
    "place of death": "death_place",
    "death place": "death_place",
    "resting place": "resting_place",
    "burial": "resting_place",
    "buried": "resting_place",
    "burial place": "resting_place",
    "place of burial": "resting_place",
    "nationality": "nationality",
    "citizenship": "nationality",
    "political party": "party",
    "party": "party",
    "spouse": "spouse",
    "spouse(s)": "spouse",
    "spouses": "spouse",
    "children": "children",
    "issue": "children",
    "alma mater": "alma_mater",
    "education": "alma_mater",
    "occupation": "occupation",
    "occupation(s)": "occupation",
    "profession": "occupation",
    "awards": "awards",
    "honours": "awards",
    "honors": "awards",
    # French (frwiki infobox_v2/v3)
    "naissance": "birth",
    "décès": "death",
    "date de naissance": "birth_date",
    "lieu de naissance": "birth_place",
    "date de décès": "death_date",
    "lieu de décès": "death_place",
    "nom de naissance": "birth_name",
    "nom": "name",
    "nationalité": "nationality",
    "parti politique": "party",
    "conjoint": "spouse",
    "enfants": "children",
    "diplômé de": "alma_mater",
    "sépulture": "resting_place",
    "prédécesseur": "predecessor",
    "successeur": "successor",
    "circonscription": "constituency",
    "monarque": "serving_with",
    "président": "serving_with",
    "président de la république": "serving_with",
    "premier ministre": "serving_with",
    "en fonction": "term",
    # German (dewiki)
    "geboren": "birth",
    "gestorben": "death",
    "geburtstag": "birth_date",
    "geburtsdatum": "birth_date",
    "geburtsort": "birth_place",
    "sterbedatum": "death_date",
    "todestag": "death_date",
    "sterbeort": "death_place",
    "vorgänger": "predecessor",
    "nachfolger": "successor",
    "partei": "party",
    "ehepartner": "spouse",
    "staatsangehörigkeit": "nationality",
    "nation": "nationality",
    # Italian (itwiki Sinottico)
    "nascita": "birth",
    "morte": "death",
    "in carica": "term",
    "predecessore": "predecessor",
    "successore": "successor",
    "luogo di sepoltura": "resting_place",
    "sepoltura": "resting_place",
    "consorte": "spouse",
    "coniuge": "spouse",
    "figli": "children",
    "partito": "party",
    "nazionalità": "nationality",
    # Arabic
    "ولادة": "birth",
    "الولادة": "birth",
    "الميلاد": "birth",
    "وفاة": "death",
    "الوفاة": "death",
    "مكان الولادة": "birth_place",
    "الجنسية": "nationality",
    "سبقه": "predecessor",
    "خلفه": "successor",
    "الحزب": "party",
}

#: Header rows that group details rather than name an office.
SECTION_HEADERS: frozenset[str] = frozenset(
    {
        "personal details",
        "personal information",
        "personal life",
        "military service",
        "military career",
        "scientific career",
        "academic background",
        "academic work",
        "academic career",
        "signature",
        "cabinet positions",
        "parliamentary positions",
        "political career",
        "other offices",
        "background information",
        "sporting career",
        "medal record",
        "ministerial offices",
        "offices held",
        "career",
        "websites",
        "website",
    }
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


#: Labels, longest first, for splitting run-together rows ("Preceded byX").
RUN_TOGETHER_LABELS: tuple[str, ...] = tuple(
    sorted(
        {
            "In office",
            "Assumed office",
            "Preceded by",
            "Succeeded by",
            "Followed by",
            "Predecessor",
            "Successor",
            "President",
            "Vice President",
            "Vice President(s)",
            "Vice Presidents",
            "Prime Minister",
            "Monarch",
            "Governor General",
            "Governor",
            "Lieutenant Governor",
            "Premier",
            "Chancellor",
            "Deputy",
            "Regent",
            "Leader",
            "Serving with",
            "Appointed by",
            "Nominated by",
            "Constituency",
            "Reign",
            "Coronation",
            "Born",
            "Died",
            "Birth name",
            "Resting place",
            "Burial",
            "Buried",
            "Nationality",
            "Citizenship",
            "Political party",
            "Spouse(s)",
            "Spouse",
            "Spouses",
            "Children",
            "Issue",
            "Parents",
            "Relatives",
            "Alma mater",
            "Education",
            "Occupation",
            "Profession",
            "Awards",
            "Signature",
            "Website",
            "Height",
            "Allegiance",
            "Branch/service",
            "Service/branch",
            "Years of service",
            "Rank",
            "Battles/wars",
            "Known for",
            "Notable work",
            "Notable works",
            "Fields",
            "Institutions",
            "Cabinet",
            "Parliamentary group",
            "Religion",
            "House",
            "Father",
            "Mother",
            "Dynasty",
            "Full name",
            "Native name",
            "Other names",
            "Other name",
            "Nickname",
            "Residence",
            "Net worth",
            "Term",
        },
        key=len,
        reverse=True,
    )
)
