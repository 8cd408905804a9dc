"""Tests for bioparse.dates: split_event (bioparse.dates.events).

Expected values are written from what each string means (a reader's reading
of the date), not from the parser's output.  BC years use astronomical
numbering: 1 BC = 0000, 100 BC = -0099, 340 BC = -0339.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bioparse.dates import (
    parse_date,
    split_event,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _iso(text: str) -> tuple[str, str] | None:
    date = parse_date(text)
    return None if date is None else (date.iso, date.precision)



# ---------------------------------------------------------------------------
# split_event


@pytest.mark.parametrize(
    "text, iso, place",
    [
        ("(1970-11-19) 19 November 1970\nCuenca, Ecuador", "1970-11-19", "Cuenca, Ecuador"),
        ("Cuenca, Ecuador | 19 November 1970", "1970-11-19", "Cuenca, Ecuador"),
        ("19 November 1970 Cuenca, Ecuador", "1970-11-19", "Cuenca, Ecuador"),
        (
            "27 August 1975(1975-08-27) (aged 83) National Palace, Addis Ababa, Ethiopia",
            "1975-08-27",
            "National Palace, Addis Ababa, Ethiopia",
        ),
        (
            "Tafari Makonnen (1892-07-23 ) 23 July 1892 Ejersa Goro, Harar, Ethiopian Empire",
            "1892-07-23",
            "Ejersa Goro, Harar, Ethiopian Empire",
        ),
        (
            "Died 15 January 1998 (aged 99) Ahmedabad, Gujarat, India",
            "1998-01-15",
            "Ahmedabad, Gujarat, India",
        ),
        ("8 December 1978 West Jerusalem | (aged 80)", "1978-12-08", "West Jerusalem"),
        (
            "14 May 1643 41) Saint-Germain-en-Laye, France | (aged",
            "1643-05-14",
            "Saint-Germain-en-Laye, France",
        ),
        ("c. 304 BCE Pataliputra", "-0303", "Pataliputra"),
        ("(1848-04-29)29 April 1848[1][2]", "1848-04-29", None),
        ("322 BC (aged 62)Euboea, Greece", "-0321", "Euboea, Greece"),
        (
            "(1905-08-29)29 August 1905[1]\nAllahabad, British India\n(present-day Prayagraj, India)",
            "1905-08-29",
            "Allahabad, British India (present-day Prayagraj, India)",
        ),
    ],
)
def test_split_event(text: str, iso: str, place: str | None) -> None:
    event = split_event(text)
    assert event.date is not None
    assert event.date.iso == iso
    assert event.place == place
    assert event.text == text


def test_split_event_ages_and_circa() -> None:
    event = split_event("27 August 1975(1975-08-27) (aged 83) National Palace, Addis Ababa")
    assert event.date is not None and event.date.age == 83
    event = split_event("14 May 1643 41) Saint-Germain-en-Laye, France | (aged")
    assert event.date is not None and event.date.age == 41
    event = split_event("c. 304 BCE Pataliputra")
    assert event.date is not None and event.date.circa


def test_split_event_place_only() -> None:
    event = split_event("Sialkot, Punjab Province, British India")
    assert event.date is None
    assert event.place == "Sialkot, Punjab Province, British India"


def test_name_before_date_is_not_a_place() -> None:
    # No place follows, and the leading line is a name, not a table cell.
    event = split_event("Herbert Eser Gray\n(1931-05-25)May 25, 1931")
    assert event.date is not None and event.date.iso == "1931-05-25"
    assert event.place is None


def test_truncated_prose_copy_is_not_a_place() -> None:
    # Real row whose rendered date lost its year: "(1920-04-05)5 April".
    event = split_event("Barend Willem Biesheuvel\n(1920-04-05)5 April")
    assert event.date is not None and event.date.iso == "1920-04-05"
    assert event.place is None


def test_event_date_text_is_the_date_part() -> None:
    event = split_event("c. 304 BCE Pataliputra")
    assert event.date is not None and event.date.text == "c. 304 BCE"
    event = split_event("(1848-04-29)29 April 1848[1][2]")
    assert event.date is not None and event.date.text == "(1848-04-29)29 April 1848"


@pytest.mark.parametrize("text", ["", "   ", "| | |", "(aged 80)"])
def test_split_event_empty(text: str) -> None:
    event = split_event(text)
    assert event.date is None and event.place is None


_ROW_LABELS = ("Born", "Died", "Political party", "Alma mater", "Burial", "Spouse")


def _infobox_value(path: Path, label: str) -> str:
    """A Born/Died row's value as a reader would hand it over.

    The value continues on the next line unless that line starts another row.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith(label + " ") or line == label + " |":
            value = line[len(label):]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not following.startswith(_ROW_LABELS):
                value += "\n" + following
            return value
    raise AssertionError(f"{label} not in {path.name}")


@pytest.mark.parametrize(
    "fixture, label, iso, place, age",
    [
        ("golda_meir__askwikinow.txt", "Born", "1898-05-03", "Kiev, Russian Empire", None),
        ("golda_meir__askwikinow.txt", "Died", "1978-12-08", "Jerusalem, Israel", 80),
        ("haile_selassie__askwikinow.txt", "Born", "1892-07-23", "Harar, Ethiopia", None),
        (
            "haile_selassie__askwikinow.txt",
            "Died",
            "1975-08-27",
            "Jubilee Palace, Addis Ababa, Ethiopia",
            83,
        ),
        ("jose_serrano.txt", "Born", "1970-11-19", "Cuenca, Ecuador", None),
        ("louis_xiii_of_france.txt", "Born", "1601-09-27", "Château de Fontainebleau, France", None),
        ("louis_xiii_of_france.txt", "Died", "1643-05-14", "Saint-Germain-en-Laye, France", 41),
        ("kwame_nkrumah.txt", "Died", "1972-04-27", "Bucharest, Romania", 62),
        ("chandragupta_maurya.txt", "Born", "-0339", "Pataliputra (now in Bihar)", None),
        ("chandragupta_maurya.txt", "Died", "-0296", "Shravanabelagola, Karnataka", 41),
    ],
)
def test_split_event_on_real_rows(
    fixture: str, label: str, iso: str, place: str, age: int | None
) -> None:
    event = split_event(_infobox_value(FIXTURES / "text" / fixture, label))
    assert event.date is not None
    assert (event.date.iso, event.place, event.date.age) == (iso, place, age)
