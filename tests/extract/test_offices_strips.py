"""A dewiki succession strip whose name cells a mirror left empty gives no person.

Fixture: ``fixtures/text_i18n/jacques_chaban_delmas__de__wikipedia2007.classicistranieri.com.txt``
(dewiki 2007 through a mirror).  Its strips read "Vorgänger | Verteidigungsminister von
Frankreich 6. November 1957-14. Mai 1958 | Nachfolger": the office and its term sit
where the predecessor's name would be, and both name cells are empty.
"""

from __future__ import annotations

import re
from pathlib import Path

import bioparse

FIXTURE = (Path(__file__).resolve().parents[2] / "fixtures" / "text_i18n"
           / "jacques_chaban_delmas__de__wikipedia2007.classicistranieri.com.txt")


def test_a_title_with_its_term_is_no_predecessor() -> None:
    person = bioparse.parse_file(FIXTURE).person
    assert person is not None
    names = [n for o in person.offices + person.positions_other for n in (o.predecessor, o.successor) if n]
    assert not any(re.search(r"\d{3,4}", n) for n in names), names
    assert not any("Verteidigungsminister" in n or "Nationalversammlung" in n for n in names)


def test_no_empty_office_is_left() -> None:
    person = bioparse.parse_file(FIXTURE).person
    assert person is not None
    assert all(o.title or o.start or o.predecessor or o.successor for o in person.offices)
