"""References and sections: raw text fields into typed records."""

from __future__ import annotations

from ..dates import parse_date
from ..document import Document, RawReference
from ..model import Date, Reference, Section
from .sections import page_language, section_role
from .text import tidy


def _opt(fields: dict[str, str], key: str) -> str | None:
    value = fields.get(key)
    return (tidy(value) or None) if value else None  # most fields are absent: no call for them


def _date(fields: dict[str, str], key: str) -> Date | None:
    value = fields.get(key)
    return parse_date(value) if value else None


def reference_from_raw(raw: RawReference, number: int) -> Reference:
    """One reference; dates normalized, the raw text kept."""
    f = raw.fields
    authors_text = f.get("authors")
    authors = [a.strip() for a in authors_text.split(";") if a.strip()] if authors_text else []
    return Reference(
        number=raw.number or number,
        text=tidy(raw.text),
        title=_opt(f, "title"),
        url=_opt(f, "url"),
        date=_date(f, "date"),
        archive_date=_date(f, "archive-date"),
        archive_url=_opt(f, "archive-url"),
        access_date=_date(f, "access-date"),
        language=_opt(f, "language"),
        cited=max(1, raw.cited),
        publisher=_opt(f, "publisher"),
        work=_opt(f, "work"),
        authors=authors,
        doi=_opt(f, "doi"),
        isbn=_opt(f, "isbn"),
        name=raw.name,
        group=raw.group,
        template=_opt(f, "template"),
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
