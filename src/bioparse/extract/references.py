"""References and sections: raw text fields into typed records."""

from __future__ import annotations

from typing import Any

from ..dates import parse_date
from ..document import Document, RawReference
from ..model import Reference, Section
from .sections import page_language, section_role
from .text import tidy


#: Raw field name -> Reference attribute: text fields (tidied, None when empty) and dates.
_TEXT_FIELDS = {
    "title": "title", "url": "url", "archive-url": "archive_url", "language": "language",
    "publisher": "publisher", "work": "work", "doi": "doi", "isbn": "isbn", "template": "template",
}
_DATE_FIELDS = {"date": "date", "archive-date": "archive_date", "access-date": "access_date"}


def reference_from_raw(raw: RawReference, number: int) -> Reference:
    """One reference; dates normalized, the raw text kept.

    Only the fields the entry has are looked at (a citation fills a handful of the fourteen).
    """
    f = raw.fields
    values: dict[str, Any] = {}
    for key, value in f.items():
        if not value:
            continue
        name = _TEXT_FIELDS.get(key)
        if name is not None:
            values[name] = tidy(value) or None
            continue
        name = _DATE_FIELDS.get(key)
        if name is not None:
            values[name] = parse_date(value)
    authors_text = f.get("authors")
    authors = [a.strip() for a in authors_text.split(";") if a.strip()] if authors_text else []
    return Reference(
        number=raw.number or number,
        text=tidy(raw.text),
        cited=max(1, raw.cited),
        authors=authors,
        name=raw.name,
        group=raw.group,
        **values,
    )


def extract_references(doc: Document) -> list[Reference]:
    return [reference_from_raw(raw, i + 1) for i, raw in enumerate(doc.references)]


def extract_sections(doc: Document, references: list[Reference]) -> list[Section]:
    """Sections with the numbers of the references they cite and the role their heading names."""
    numbers: dict[str, int] = {}
    for raw, ref in zip(doc.references, references):
        numbers.setdefault(raw.id, ref.number)
        if raw.name:
            numbers.setdefault(raw.name, ref.number)
    sections = []
    language = page_language(doc.meta)
    for raw_section in doc.sections:
        cited: list[int] = []
        seen: set[int] = set()  # a list lookup here was quadratic on pages with 100,000 refs
        for ref_id in raw_section.ref_ids:
            number = numbers.get(ref_id)
            if number is not None and number not in seen:
                seen.add(number)
                cited.append(number)
        role = section_role(raw_section.title, language) if raw_section.level else None
        sections.append(
            Section(
                title=raw_section.title,
                level=raw_section.level,
                text=raw_section.text,
                references=cited,
                role=role,
            )
        )
    return sections
