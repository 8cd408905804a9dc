"""Text renderings: rows of a pipe table that are full width are headings, not the previous value's next line.

Fixture: ``fixtures/offices/jacques_chaban_delmas__it__pwojczyn.com.txt`` (itwiki
"Jacques Chaban-Delmas" through a mirror).  Its table draws headings as
``Sindaco di Bordeaux | |`` and ``Dati militari | |``: the next row's label, in
Italian, used to be glued onto the value above it ("Parigi, 10 novembre 2000"
then "Dati militari" became a death place of "Dati militari").
"""

from __future__ import annotations

from pathlib import Path

import bioparse
from bioparse.readers.text import read_text

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "offices" / "jacques_chaban_delmas__it__pwojczyn.com.txt"


def test_full_width_rows_are_headings() -> None:
    doc = read_text(FIXTURE.read_text(encoding="utf-8"))
    rows = [row for box in doc.infoboxes for row in box.rows]
    headers = [row.value for row in rows if row.header]
    assert "Sindaco di Bordeaux" in headers and "Dati militari" in headers and "Dati generali" in headers
    values = {row.label: row.value for row in rows if not row.header}
    assert values["Morte"] == "Parigi, 10 novembre 2000"
    successors = [row.value for row in rows if row.label == "Successore"]
    assert "Pierre de Chevigné" in successors and "Alain Juppé" in successors


def test_death_place_is_the_place() -> None:
    person = bioparse.parse(FIXTURE.read_text(encoding="utf-8"), format="text").person
    assert person is not None and person.death is not None
    assert person.death.place == "Parigi"
    assert person.death.date is not None and person.death.date.iso == "2000-11-10"
