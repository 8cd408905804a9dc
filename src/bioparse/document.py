"""The intermediate every reader produces and every extractor consumes.

A reader (text, wikitext, html) only has to say what is on the page: infobox
rows in display order, sections with their text, reference entries with their
fields still as text.  Dates stay as strings here; names, offices and dates are
decided once, by :mod:`bioparse.extract`, so every format gets the same person
logic and formats agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Infobox


@dataclass
class RawSection:
    """A heading and its plain text; level 0 is the lead (title "")."""

    title: str
    level: int
    text: str = ""
    #: Reference ids cited in this section (footnote numbers as strings, ref
    #: names, or HTML anchor ids), matching :attr:`RawReference.id`.
    ref_ids: list[str] = field(default_factory=list)
    #: (text shown, target page) of the links in this section's text, in order; filled for the
    #: lead by readers that see links (an inflected place, "we [[Wrocław]]iu", names its page).
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class RawReference:
    """One references-list entry, fields still as text.

    ``fields`` uses cite-template names: title, url, date, access-date,
    archive-url, archive-date, publisher, work, language, doi, isbn, authors
    (joined by "; "), template.
    """

    id: str
    text: str
    number: int | None = None
    cited: int = 1
    name: str | None = None
    group: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    """What a reader saw on one page, before interpretation."""

    source_format: str
    title: str | None = None
    #: Infoboxes and succession boxes in page order.  Rows carry canonical
    #: keys (see :mod:`bioparse.extract.labels`) and offices appear as an
    #: ``office`` header row followed by that office's rows.
    infoboxes: list[Infobox] = field(default_factory=list)
    sections: list[RawSection] = field(default_factory=list)
    references: list[RawReference] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    is_redirect: bool = False
    redirect_target: str | None = None
    is_disambiguation: bool = False
    #: Structured person data the page carries outside the infobox (hCard
    #: microformats, {{Personendaten}}, ...): canonical key -> text.
    person_hints: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def lead(self) -> str:
        """The text before the first heading."""
        for section in self.sections:
            if section.level == 0:
                return section.text
        return ""

    @property
    def lead_links(self) -> list[tuple[str, str]]:
        """(text shown, target page) of the lead's links, where the reader saw them."""
        for section in self.sections:
            if section.level == 0:
                return section.links
        return []
