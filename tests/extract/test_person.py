"""Person extraction rules, on small Documents built by hand."""

from __future__ import annotations

import pytest

from bioparse.dates import parse_date
from bioparse.document import Document, RawSection
from bioparse.extract.person import clean_name, extract_person
from bioparse.model import Infobox, InfoboxRow


def _doc(rows: list[InfoboxRow], lead: str = "", title: str | None = None, **kw: object) -> Document:
    doc = Document(source_format="text", title=title, infoboxes=[Infobox(rows=rows)] if rows else [])
    if lead:
        doc.sections.append(RawSection(title="", level=0, text=lead))
    for key, value in kw.items():
        setattr(doc, key, value)
    return doc


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("The Right Honourable Sir Marcus Fox MBE", "Marcus Fox"),
        ("The Rgt. Hon. John Napier Turner", "John Napier Turner"),
        ("Herbert Eser Gray PC CC QC", "Herbert Eser Gray"),
        ("His Imperial Majesty Haile Selassie I", "Haile Selassie I"),
        ("Louis XIII", "Louis XIII"),
        ("Harry McPherson", "Harry McPherson"),
        ("Haile Selassie ኀይለ ሥላሴ", "Haile Selassie"),
        ("Joseph Robinette Biden Jr.", "Joseph Robinette Biden Jr."),
    ],
)
def test_clean_name(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_lead_name_and_dates_without_infobox() -> None:
    lead = "Joseph Robinette Biden Jr. (born November 20, 1942) is an American politician."
    person = extract_person(_doc([], lead=lead, categories=["1942 births"]))
    assert person is not None
    assert person.name == "Joseph Robinette Biden Jr." and person.full_name == person.name
    assert person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "1942-11-20"


def test_hint_date_is_more_precise_than_the_row() -> None:
    rows = [InfoboxRow(label="Born", value="1970\nCuenca, Ecuador", key="birth")]
    person = extract_person(_doc(rows, person_hints={"birth_date": "1970-11-19"}))
    assert person is not None and person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "1970-11-19"
    assert person.birth.place == "Cuenca, Ecuador"


@pytest.mark.parametrize(
    ("row", "lead", "julian"),
    [
        # the lead's Old Style day beside the infobox's New Style one (George Washington's page)
        ("February 22, 1732", "George Washington (February 22, 1732 [O.S. February 11, 1731] – December 14, 1799) was a general.", "1731-02-11"),
        # bracket inside the date, as {{OldStyleDateDY}} renders on older pages (James Madison's)
        ("March 16, 1751", "James Madison (March 16 [O.S. March 5] 1751 – June 28, 1836) was a statesman.", "1751-03-05"),
        # the lead names another day: nothing is combined
        ("February 23, 1732", "George Washington (February 22, 1732 [O.S. February 11, 1731] – December 14, 1799) was a general.", None),
        # the lead gives no Old Style day
        ("February 22, 1732", "George Washington (February 22, 1732 – December 14, 1799) was a general.", None),
    ],
)
def test_old_style_day_from_the_lead(row: str, lead: str, julian: str | None) -> None:
    rows = [InfoboxRow(label="Born", value=row, key="birth")]
    person = extract_person(_doc(rows, lead=lead))
    assert person is not None and person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == parse_date(row).iso  # type: ignore[union-attr]
    assert person.birth.date.julian_iso == julian
    assert person.sources["birth_date"] == "infobox"
    if julian is not None:
        assert person.birth.date.calendar == "gregorian"


def test_category_year_is_the_last_resort() -> None:
    person = extract_person(_doc([], categories=["384 BC births", "322 BC deaths"], person_hints={"name": "X"}))
    assert person is not None and person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "-0383"
    assert person.death is not None and person.death.date is not None and person.death.date.iso == "-0321"


def test_dead_people_hold_no_office() -> None:
    rows = [
        InfoboxRow(label="", value="Mayor of X", header=True),
        InfoboxRow(label="Assumed office", value="1 May 2000", key="term"),
        InfoboxRow(label="Died", value="2 May 2001", key="death"),
    ]
    person = extract_person(_doc(rows))
    assert person is not None
    assert person.offices[0].start is not None and not person.offices[0].incumbent


def test_not_a_biography() -> None:
    rows = [InfoboxRow(label="Population", value="3,000,000"), InfoboxRow(label="Mayor", value="Y")]
    assert extract_person(_doc(rows, lead="Berlin is the capital of Germany.")) is None
