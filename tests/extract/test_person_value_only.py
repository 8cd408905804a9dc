"""A value-only rendering (the infobox's labels dropped) still gives the person.

Fixture: ``fixtures/text/abraham_lincoln__amazing_everything.txt``.  The box's
values stand alone ("February 12, 1809", "April 15, 1865", no "Born" / "Died");
its one surviving label, "Years in office", has no value and reads as a
heading, so the opening sentence "Abraham Lincoln (b. February 12, 1809 – d.
April 15, 1865) was ..." sits in the first section, not in the lead.
"""

from __future__ import annotations

from pathlib import Path

import bioparse
from bioparse.extract.lead import read_lead

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "text" / "abraham_lincoln__amazing_everything.txt"


def test_value_only_rendering_gives_name_and_dates() -> None:
    article = bioparse.parse_file(FIXTURE)
    person = article.person
    assert person is not None, article.warnings
    assert person.name == "Abraham Lincoln"
    assert person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "1809-02-12"
    assert person.death is not None and person.death.date is not None
    assert person.death.date.iso == "1865-04-15"
    assert person.sources["birth_date"] == "lead" and person.sources["death_date"] == "lead"


def test_d_after_b_is_died() -> None:
    # "d." is "died" in English and "doğum" (born) in Turkish: after a birth it is the death
    sentence = next(line for line in FIXTURE.read_text(encoding="utf-8").splitlines()
                    if line.startswith("Abraham Lincoln (b."))
    facts = read_lead(sentence, "Abraham Lincoln")
    assert facts.birth is not None and facts.birth.date is not None and facts.birth.date.iso == "1809-02-12"
    assert facts.death is not None and facts.death.date is not None and facts.death.date.iso == "1865-04-15"

