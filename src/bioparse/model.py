"""The typed records bioparse emits.

These names are the output contract (see ``docs/schema.md``): downstream ETL
depends on them, so fields may be added but never renamed.  Every record is a
plain dataclass; :func:`to_dict` / :func:`from_dict` give a JSON-ready view and
its exact inverse, driven by the type hints so the two can never drift apart.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

Precision = Literal["day", "month", "year", "decade", "century"]
Calendar = Literal["gregorian", "julian"]
SourceFormat = Literal["text", "wikitext", "html"]
SectionRole = Literal["references", "external_links", "see_also", "further_reading"]


@dataclass
class Date:
    """A normalized date.

    ``iso`` uses astronomical year numbering (1 BC = ``0000``, 100 BC =
    ``-0099``) as ISO 8601 and EDTF do, truncated to ``precision``.  ``text``
    keeps what the source said so nothing is lost in normalization.  For Old
    Style double dates ``iso`` is the New Style (Gregorian) date and
    ``julian_iso`` the Julian one the source also gave.
    """

    iso: str
    precision: Precision
    circa: bool = False
    calendar: Calendar = "gregorian"
    text: str = ""
    julian_iso: str | None = None
    #: Age the source printed next to the date ("aged 61"), when present.
    age: int | None = None
    #: Another reading the source offered ("18 or 21 September 1909").
    uncertain: bool = False

    @property
    def year(self) -> int:
        """The astronomical year (``-99`` for 100 BC)."""
        body = self.iso[1:] if self.iso.startswith("-") else self.iso
        year = int(body.split("-")[0])
        return -year if self.iso.startswith("-") else year


@dataclass
class DateRange:
    """A span such as a term of office; ``end`` is None while ``open_ended``."""

    start: Date | None = None
    end: Date | None = None
    #: True for "Incumbent", "present", "Assumed office ...".
    open_ended: bool = False
    text: str = ""


@dataclass
class Event:
    """Birth or death: when and where."""

    date: Date | None = None
    place: str | None = None
    text: str = ""
    #: The page the source linked the place to (the most specific link, e.g. "Hodgenville, Kentucky").
    place_link: str | None = None


@dataclass
class InfoboxRow:
    """One row of an infobox as the reader saw it.

    ``label`` is what the source called it (a rendered label such as
    "Preceded by", or a template parameter such as ``predecessor2``); ``key``
    is the canonical meaning the readers agree on (see
    :mod:`bioparse.extract.labels`); ``header`` marks full-width rows such as
    office titles and "Personal details".
    """

    label: str
    value: str
    key: str | None = None
    header: bool = False
    links: list[str] = field(default_factory=list)


@dataclass
class Infobox:
    """An infobox: its template name when known, and its rows in order."""

    name: str | None = None
    rows: list[InfoboxRow] = field(default_factory=list)
    #: "infobox" for a real infobox, "succession_box" for succession boxes.
    kind: str = "infobox"

    def get(self, key: str) -> str | None:
        """First value whose canonical key is ``key``."""
        for row in self.rows:
            if row.key == key:
                return row.value
        return None


@dataclass
class Section:
    """A heading and the plain text under it (level 0 is the lead)."""

    title: str
    level: int
    text: str = ""
    #: Numbers of the references cited in this section, in order of first use.
    references: list[int] = field(default_factory=list)
    #: What the heading names ("Einzelnachweise", "External links", ...), from the
    #: language data's ``sections.json``; None for the lead and body sections.
    role: SectionRole | None = None


@dataclass
class Reference:
    """One entry of the article's references list."""

    number: int
    text: str
    title: str | None = None
    url: str | None = None
    date: Date | None = None
    archive_date: Date | None = None
    archive_url: str | None = None
    access_date: Date | None = None
    language: str | None = None
    #: How many times the article cites it ("^ a b c" = 3).
    cited: int = 1
    publisher: str | None = None
    work: str | None = None
    authors: list[str] = field(default_factory=list)
    doi: str | None = None
    isbn: str | None = None
    #: The ref's name in wikitext, or its anchor id in HTML.
    name: str | None = None
    group: str | None = None
    #: Cite template name, when known ("cite web").
    template: str | None = None


@dataclass
class Colleague:
    """One person served with during an office ("Vice President: Joe Biden")."""

    #: The role as the source labels it ("Vice President", "Served alongside").
    role: str
    name: str
    #: Title of the wiki page the name links to, when the source links it.
    link: str | None = None
    #: The note the source attached to the name ("acting", "1861–1865").
    qualifier: str | None = None
    #: The span the source gives for this colleague, when it gives one.
    start: Date | None = None
    end: Date | None = None


@dataclass
class Office:
    """One office held, with its term and neighbours in the succession."""

    #: None when the source gives a term but no office title.
    title: str | None
    ordinal: int | None = None
    start: Date | None = None
    end: Date | None = None
    incumbent: bool = False
    acting: bool = False
    predecessor: str | None = None
    successor: str | None = None
    #: Role -> person, e.g. {"President": "Rafael Correa"}.
    serving_with: dict[str, str] = field(default_factory=dict)
    constituency: str | None = None
    #: "infobox" or "succession_box".
    source: str = "infobox"
    #: The term as the source wrote it.
    term_text: str | None = None
    #: What the row is: "office" here; :attr:`Person.positions_other` holds
    #: "nomination", "precedence", "record", "award" and "title" rows.
    kind: str = "office"
    #: Wiki page titles the office title, predecessor and successor link to.
    title_link: str | None = None
    predecessor_link: str | None = None
    successor_link: str | None = None
    #: The note the source put beside the name ("acting", "as President", "1556").
    predecessor_qualifier: str | None = None
    successor_qualifier: str | None = None
    #: The predecessor slot says the post was new ("Position established").
    established: bool = False
    #: The successor slot says the post ended ("Office abolished").
    abolished: bool = False
    #: Every person served with, in source order (``serving_with`` keeps one per role).
    colleagues: list[Colleague] = field(default_factory=list)
    #: Where an untitled term's title came from: "succession_box" (the box row of
    #: the same term) or "lead" (the office the first sentence names); None when
    #: the title is the office's own heading.
    title_source: str | None = None


@dataclass
class Person:
    """The subject of a biography."""

    name: str
    full_name: str | None = None
    birth: Event | None = None
    death: Event | None = None
    offices: list[Office] = field(default_factory=list)
    birth_name: str | None = None
    resting_place: str | None = None
    nationality: str | None = None
    party: str | None = None
    spouse: list[str] = field(default_factory=list)
    children: str | None = None
    alma_mater: list[str] = field(default_factory=list)
    occupation: list[str] = field(default_factory=list)
    awards: list[str] = field(default_factory=list)
    #: Succession-box rows that are not offices: nominations, orders of
    #: precedence, records ("oldest living"), awards, noble titles.
    positions_other: list[Office] = field(default_factory=list)
    #: Where each of name, full_name, birth_date, birth_place, death_date and
    #: death_place came from: "infobox", "hints" (hCard, Personendaten),
    #: "title", "lead" (the first sentence) or "categories".  Fields left
    #: empty are absent.
    sources: dict[str, str] = field(default_factory=dict)
    #: Why the page was judged a biography: the signals that fired, e.g.
    #: "category:births", "infobox:officeholder", "lead:dates" (see docs/schema.md).
    evidence: list[str] = field(default_factory=list)


@dataclass
class Article:
    """Everything bioparse read from one page."""

    title: str | None
    source_format: SourceFormat
    person: Person | None = None
    infobox: Infobox | None = None
    sections: list[Section] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    #: Every infobox and succession box on the page, in order.
    infoboxes: list[Infobox] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    is_redirect: bool = False
    redirect_target: str | None = None
    is_disambiguation: bool = False
    #: Page metadata from the container (dump page id, Enterprise record ids, ...).
    meta: dict[str, str] = field(default_factory=dict)
    #: What the readers could not make sense of; never silently dropped.
    warnings: list[str] = field(default_factory=list)
    #: Set on error records: this page could not be parsed at all.
    error: str | None = None
    #: The page's Wikidata item ("Q91") when the input carries it (Enterprise
    #: ``main_entity``, the HTML page's ``wgWikibaseItemId``).
    wikidata_id: str | None = None
    #: Top-level fields left out on request (``--fields``): present but empty here.
    omitted: list[str] = field(default_factory=list)
    #: What the page is about: "person", "group", "fictional", "list",
    #: "disambiguation" or "other"; None for redirects and error records.
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The Article ``data`` describes; raises :class:`bioparse.decode.RecordError` on a wrong type."""
        return from_dict(cls, data)

    def wikicode(self, infobox: bool = False) -> Any:
        """mwparserfromhell ``Wikicode`` of the page's wikitext (or the ``Template`` of its main infobox).

        Only for records parsed from wikitext in this process: the source is
        kept on the Article by :func:`bioparse.parse`, never serialised.
        Parsed on demand (mwparserfromhell is imported here, not on the dump
        path).  Raises ValueError when the Article holds no wikitext.
        """
        from .wikicode import article_wikicode

        return article_wikicode(self, infobox=infobox)


T = TypeVar("T")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """Field names of a dataclass type (cached: this runs for every record of a dump)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(cls):
            return None
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_dict(obj: Any) -> Any:
    """JSON-ready view of a record (dicts, lists, str, int, bool, None)."""
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    if isinstance(obj, list):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    names = _field_names(type(obj))
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    return obj


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of :func:`to_dict`, validated against the type hints (see :mod:`bioparse.decode`).

    Unknown keys are ignored (forward compatible); a wrong type raises
    :class:`bioparse.decode.RecordError` naming its path.
    """
    from .decode import decode

    return decode(cls, data)
