"""An infobox term with dates but no title takes the title the page itself gives it.

Fixtures (real mirror renderings, see fixtures/README.md):

* ``fixtures/text/john_turner__factindex.txt``: the infobox reads "Term: June 30 -
  September 17, 1984" with no title line; the lead says "was the seventeenth Prime
  Minister of Canada from June 30, 1984 to September 17, 1984".
* ``fixtures/text/alfredo_palacio__worldwizzy.txt``: the title was an image the mirror
  dropped ("Assumed office April 20, 2005"); the lead says "is the former President of
  Ecuador".
* ``fixtures/text_i18n/olof_palme__sv__sv.wikipedia.org.txt``: six terms drawn without
  their titles and no lead at all: nothing names them, so they stay untitled.
"""

from __future__ import annotations

from pathlib import Path

import bioparse
from bioparse.extract.offices import lead_office_phrase
from bioparse.model import Office

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _infobox_offices(path: Path) -> list[Office]:
    person = bioparse.parse_file(path).person
    assert person is not None
    return [o for o in person.offices if o.source == "infobox"]


def test_lead_names_the_untitled_term_with_its_years() -> None:
    offices = _infobox_offices(FIXTURES / "text" / "john_turner__factindex.txt")
    assert len(offices) == 1
    office = offices[0]
    assert office.title == "Prime Minister of Canada"
    assert office.title_source == "lead"
    assert office.ordinal is None  # the infobox gives none ("seventeenth" is the lead's word)
    assert office.start is not None and office.start.iso == "1984-06-30"
    assert office.end is not None and office.end.iso == "1984-09-17"


def test_lead_without_years_titles_the_first_office() -> None:
    offices = _infobox_offices(FIXTURES / "text" / "alfredo_palacio__worldwizzy.txt")
    assert offices[0].title == "President of Ecuador"
    assert offices[0].title_source == "lead"
    assert offices[0].predecessor == "Lucio Gutiérrez" and offices[0].successor == "Rafael Correa"


def test_nothing_names_the_terms_so_they_stay_untitled() -> None:
    offices = _infobox_offices(FIXTURES / "text_i18n" / "olof_palme__sv__sv.wikipedia.org.txt")
    assert len(offices) == 6
    assert all(o.title is None and o.title_source is None for o in offices)


def test_lead_phrase_reads_the_first_sentence_only() -> None:
    paragraphs = (FIXTURES / "text" / "john_turner__factindex.txt").read_text(encoding="utf-8").split("\n\n")
    lead = next(p for p in paragraphs if p.startswith("John Napier Turner (born"))
    assert lead_office_phrase(lead) == ("Prime Minister of Canada", 1984, 1984)


def test_no_office_phrase_in_a_description() -> None:
    # "is an American ..." / "was a physician" name no office: only "the X of Y" or "X of Y" does
    assert lead_office_phrase("Palacio is a physician by profession, specialising in cardiology.") is None
    assert lead_office_phrase("Haile Selassie This article is about the Emperor of Ethiopia.") is None


def test_titled_offices_carry_no_title_source() -> None:
    offices = _infobox_offices(FIXTURES / "text" / "julia_gillard.txt")
    assert offices and all(o.title and o.title_source is None for o in offices)


def test_box_row_of_the_same_term_titles_a_slot_without_office() -> None:
    # John Adams (fixtures/offices/presidentthing__John_Adams.wiki): slot 3 gives
    # minister_from3 / country3 and term_start3 = April 19, 1782, term_end3 = March 30, 1788,
    # but no office3; the succession box has "United States Minister to the Netherlands",
    # years=1782–1788, after=Charles W. F. Dumas
    offices = _infobox_offices(FIXTURES / "offices" / "presidentthing__John_Adams.wiki")
    term = next(o for o in offices if o.start is not None and o.start.iso == "1782-04-19")
    assert term.title == "United States Minister to the Netherlands"
    assert term.title_source == "succession_box"
    assert term.successor == "Charles W. F. Dumas"
    president = next(o for o in offices if o.title == "President of the United States")
    assert president.title_source is None  # its own heading
