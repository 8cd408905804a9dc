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


# --- names, placeholders, kinds (language data in lang/data/<code>/offices.json) ----------

from bioparse.extract.offices import classify, colleagues_of, placeholder_flag, split_person  # noqa: E402


@pytest.mark.parametrize(
    ("cell", "name", "qualifier"),
    [
        ("Yigal Allon (interim)", "Yigal Allon", "interim"),
        ("Bud Drury (Acting)", "Bud Drury", "Acting"),
        ("Henry Knox (Senior Officer of the Army)", "Henry Knox", "Senior Officer of the Army"),
        ("Charles V (King in 1556)", "Charles V", "King in 1556"),
        ("Gerald Ford\nas President", "Gerald Ford", "as President"),
        ("Elizabeth II as Queen of Ghana", "Elizabeth II", "as Queen of Ghana"),
        ("Charles W. F. Dumas\nActing", "Charles W. F. Dumas", "Acting"),
        ("Maj. Gen. Henry Knox\n(Senior Officer of the US Army)", "Henry Knox", "Senior Officer of the US Army"),
        ("Thomas Pinckney²", "Thomas Pinckney", None),
        ("George (V)", "George V", None),
        ("Arthur MacArthur, Jr.", "Arthur MacArthur, Jr.", None),
        ("Wolfgang Schäuble\nals Bundestagspräsident", "Wolfgang Schäuble", "als Bundestagspräsident"),
    ],
)
def test_split_person_keeps_the_name_and_moves_the_note(cell: str, name: str, qualifier: str | None) -> None:
    person = split_person(cell)
    assert (person.name, person.qualifier) == (name, qualifier)


@pytest.mark.parametrize(
    ("cell", "flag"),
    [
        ("Position established", "established"), ("Inaugural holder", "established"),
        ("Post created", "established"), ("(New office)", "established"), ("Office Created", "established"),
        ("Office abolished", "abolished"), ("Party dissolved", "abolished"), ("Vacant", "vacant"),
        ("Amt geschaffen", "established"), ("Poste créé", "established"), ("Cargo creado", "established"),
        ("Carica istituita", "established"), ("Cargo extinto", "abolished"), ("Functie opgeheven", "abolished"),
        ("Urząd utworzony", "established"), ("Должность учреждена", "established"), ("首任", "established"),
        ("初代", "established"), ("Henry Knox", None),
    ],
)
def test_placeholders_in_every_language(cell: str, flag: str | None) -> None:
    assert placeholder_flag(cell) == flag
    person = split_person(cell)
    assert (person.name is None) == (flag is not None)


def test_placeholder_sets_the_flag_not_the_name() -> None:
    box = Infobox(rows=[_row("office", "Minister", header=True), _row("term", "1990–1994"),
                        _row("predecessor", "Position established"), _row("successor", "Office abolished")])
    (office,) = offices_from_infobox(box)
    assert office.predecessor is None and office.established
    assert office.successor is None and office.abolished


def test_links_follow_the_name_not_the_note() -> None:
    person = split_person("Wolfgang Schäuble\nas President of the Bundestag",
                          ["President of the Bundestag", "Wolfgang Schäuble"])
    assert person.link == "Wolfgang Schäuble"
    assert split_person("Sir Brian Leveson", ["Brian Leveson"]).link == "Brian Leveson"


def test_every_colleague_with_its_span() -> None:
    people = colleagues_of("Vice President", "Hannibal Hamlin (1861–1865)\nAndrew Johnson (1865)",
                           ["Hannibal Hamlin", "Andrew Johnson"])
    assert [(c.name, c.link, c.start.iso if c.start else None, c.end.iso if c.end else None) for c in people] == [
        ("Hannibal Hamlin", "Hannibal Hamlin", "1861", "1865"), ("Andrew Johnson", "Andrew Johnson", "1865", None)]
    listed = colleagues_of("Serving with", "Benjamin Franklin, Arthur Lee", ["Benjamin Franklin", "Arthur Lee (diplomat)"])
    assert [c.name for c in listed] == ["Benjamin Franklin", "Arthur Lee"]
    assert [c.name for c in colleagues_of("Deputy", "See list\nVolker Bouffier\nChristian Wulff")] == [
        "Volker Bouffier", "Christian Wulff"]
    assert [c.name for c in colleagues_of("Vice President", "James S. Sherman (1909–1912)\nNone (1912–1913)")] == [
        "James S. Sherman"]


@pytest.mark.parametrize(
    ("title", "section", "kind"),
    [
        ("Republican nominee for Vice President of the United States", "Party political offices", "nomination"),
        ("New York Republican gubernatorial nominee", None, "nomination"),
        ("Order of precedence of Germany as Chancellor", "Order of precedence", "precedence"),
        ("Oldest living President of the United States", "Honorary titles", "record"),
        ("Time Person of the Year", "Awards and achievements", "award"),
        ("Prince of Wales", "Royal titles", "title"),
        ("Leader of the Christian Democratic Union", "Party political offices", "office"),
        ("Poet Laureate of the United Kingdom", "Political offices", "office"),
        ("King of the United Kingdom", "Regnal titles", "office"),
        ("Kanzlerkandidat der CDU", None, "nomination"),
        ("Ordre de préséance", None, "precedence"),
    ],
)
def test_classify_rows(title: str, section: str | None, kind: str) -> None:
    assert classify(title, section) == kind


@pytest.mark.parametrize(
    ("text", "title", "ordinal"),
    [("1er Président de la République", "Président de la République", 1),
     ("2. Bundeskanzler", "Bundeskanzler", 2),
     ("3º Presidente de Portugal", "Presidente de Portugal", 3),
     ("第4任中华民国总统", "中华民国总统", 4),
     ("第45代内閣総理大臣", "内閣総理大臣", 45)],
)
def test_ordinal_forms_of_other_languages(text: str, title: str, ordinal: int) -> None:
    assert split_title(text)[:2] == (title, ordinal)


def _office(title: str, start: str, end: str, pred: str | None, succ: str | None,
            source: str = "infobox") -> Office:
    return Office(title=title, start=Date(start, "year"), end=Date(end, "year"),
                  predecessor=pred, successor=succ, source=source)


def test_box_row_merges_into_the_infobox_office_it_duplicates() -> None:
    infobox = [_office("United States Senator from Indiana", "1981", "1989", "Birch Bayh", "Dan Coats"),
               _office("Member of the U.S. House of Representatives from Indiana's 4th district", "1977", "1981",
                       "Edward Roush", "Dan Coats")]
    box = [_office("United States Senator (Class 3) from Indiana", "1981", "1989", "Birch Bayh", "Dan Coats",
                   "succession_box"),
           _office("Member of the U.S. House of Representatives from Indiana's 4th congressional district",
                   "1977", "1981", "Edward Roush", "Dan Coats", "succession_box"),
           _office("Vice President of the United States", "1989", "1993", "George H. W. Bush", "Al Gore",
                   "succession_box")]
    merged = merge_offices(infobox, box)
    assert [o.title for o in merged] == [
        "United States Senator from Indiana",
        "Member of the U.S. House of Representatives from Indiana's 4th district",
        "Vice President of the United States"]


def test_a_look_alike_row_does_not_take_the_office_another_row_names() -> None:
    infobox = [_office("President of Angola", "1979", "2017", "Agostinho Neto", "João Lourenço")]
    box = [_office("President of the MPLA", "1979", "2018", "Agostinho Neto", "João Lourenço", "succession_box"),
           _office("President of Angola", "1979", "2017", "Agostinho Neto", "João Lourenço", "succession_box")]
    merged = merge_offices(infobox, box)
    assert [o.title for o in merged] == ["President of Angola", "President of the MPLA"]


def test_different_neighbours_and_years_stay_apart() -> None:
    infobox = [_office("Minister to France", "1785", "1789", "Benjamin Franklin", "William Short")]
    box = [_office("Vice President", "1797", "1801", "John Adams", "Aaron Burr", "succession_box")]
    assert len(merge_offices(infobox, box)) == 2


def test_same_office_under_other_words_and_a_year_off() -> None:
    """William Henry Harrison and John Quincy Adams (presidentthing wikitext): the box
    counts the term from another year, or names another successor (the acting one)."""
    infobox = [_office("Governor of the Indiana Territory", "1801", "1812", None, "Thomas Posey"),
               _office("United States Minister to the Court of St. James's", "1814", "1817",
                       "Jonathan Russell", "Richard Rush")]
    box = [_office("Territorial Governor of Indiana", "1800", "1812", None, "John Gibson", "succession_box"),
           _office("United States Minister to the United Kingdom", "1815", "1817", "Jonathan Russell",
                   "Richard Rush", "succession_box")]
    assert [o.title for o in merge_offices(infobox, box)] == [
        "Governor of the Indiana Territory", "United States Minister to the Court of St. James's"]


def test_footnote_marks_do_not_hide_a_nomination() -> None:
    assert classify("Democratic-Republican nominee¹ for President of the United States", None) == "nomination"
    assert split_title("Democratic-Republican nominee¹ for President")[0] == "Democratic-Republican nominee for President"
