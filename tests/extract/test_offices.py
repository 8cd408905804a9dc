"""Office grouping rules shared by every reader."""

from __future__ import annotations

import pytest

from bioparse.extract.offices import first_person, merge_offices, offices_from_infobox, split_title
from bioparse.model import Date, Infobox, InfoboxRow, Office


def _row(key: str | None, value: str, label: str = "", header: bool = False) -> InfoboxRow:
    return InfoboxRow(label=label or (key or ""), value=value, key=key, header=header)


@pytest.mark.parametrize(
    ("text", "title", "ordinal", "acting"),
    [
        ("3rd President of the National Assembly", "President of the National Assembly", 3, False),
        ("42nd President of Ecuador", "President of Ecuador", 42, False),
        ("Interim Prime Minister of India", "Prime Minister of India", None, True),
        ("President of South Africa (Acting)", "President of South Africa", None, True),
        ("Minister of Agriculture\nand Fisheries", "Minister of Agriculture and Fisheries", None, False),
        ("Member of Parliament for Windsor West (Essex West; 1962–1968)",
         "Member of Parliament for Windsor West", None, False),
    ],
)
def test_split_title(text: str, title: str, ordinal: int | None, acting: bool) -> None:
    assert split_title(text) == (title, ordinal, acting)


def test_first_person() -> None:
    assert first_person("Roelof Nelissen\nMolly Geertsema") == "Roelof Nelissen"
    assert first_person("Amha Selassie (designated) Aman Andom (chairman)") == "Amha Selassie (designated)"
    assert first_person("Elizabeth II as Queen of Ghana") == "Elizabeth II as Queen of Ghana"
    assert first_person("") is None


def test_numbered_slots_untitled_slot_is_another_term_or_completes_the_previous() -> None:
    box = Infobox(rows=[
        _row("office", "Chancellor of Germany", header=True),
        _row("term_start", "22 November 2005"),
        _row("term_end", "8 December 2021"),
        _row("office", "", header=True),            # predecessor2/successor2 without office2
        _row("predecessor", "Gerhard Schröder"),
        _row("successor", "Olaf Scholz"),
        _row("office", "Prime Minister of India", header=True),
        _row("term_start", "11 January 1966"),
        _row("term_end", "24 January 1966"),
        _row("office", "", header=True),            # term_start4 without office4
        _row("term_start", "27 May 1964"),
        _row("term_end", "9 June 1964"),
    ])
    offices = offices_from_infobox(box)
    assert [(o.title, o.start.iso if o.start else None) for o in offices] == [
        ("Chancellor of Germany", "2005-11-22"),
        ("Prime Minister of India", "1966-01-11"),
        ("Prime Minister of India", "1964-05-27"),
    ]
    assert offices[0].predecessor == "Gerhard Schröder" and offices[0].successor == "Olaf Scholz"


def test_term_start_without_end_is_incumbent() -> None:
    box = Infobox(rows=[_row("office", "Mayor", header=True), _row("term_start", "2020")])
    (office,) = offices_from_infobox(box)
    assert office.incumbent and office.end is None


def test_succession_box_merges_and_fills_gaps() -> None:
    infobox = Office(title="President of the United States", start=Date("1789-04-30", "day"),
                     end=Date("1797-03-04", "day"), successor="John Adams")
    box = Office(title="President of the United States", start=Date("1789", "year"),
                 end=Date("1797", "year"), predecessor="Position created", successor="John Adams",
                 source="succession_box")
    other = Office(title="Commander-in-Chief", source="succession_box")
    merged = merge_offices([infobox], [box, other])
    assert len(merged) == 2
    assert merged[0].start is not None and merged[0].start.iso == "1789-04-30"  # infobox dates win
    assert merged[0].predecessor == "Position created"  # the box fills the gap
    assert merged[1].source == "succession_box"
