"""Machine-readable person data in the HTML, as person hints.

``<span class="bday">1959-06-07</span>`` is what {{birth date}} emits for
machines; the extractor trusts it above the visible prose date.  German
pages carry the same facts in the {{Personendaten}} table (hidden on screen,
present in the HTML), which the wikitext reader reads from the template:
reading its rows here keeps the two formats of one revision in agreement.
"""

from __future__ import annotations

from lxml import etree

from .index import TreeIndex
from .text import classes, one_line, render, skip_in_cell, text_content

#: hCard class -> canonical hint key.
HCARD_CLASSES: dict[str, str] = {
    "bday": "birth_date",
    "dday": "death_date",
    "deathdate": "death_date",
    "birthplace": "birth_place",
    "deathplace": "death_place",
    "fn": "name",
    "nickname": "nickname",
}


def hcard_hints(boxes: list[etree._Element]) -> dict[str, str]:
    """First value of each hCard property across the page's infoboxes."""
    hints: dict[str, str] = {}
    for box in boxes:
        for el in box.iter():
            if not isinstance(el.tag, str) or not el.get("class"):
                continue
            for cls in classes(el):
                key = HCARD_CLASSES.get(cls)
                if key is None or key in hints:
                    continue
                value = el.get("datetime") if el.tag == "time" else None
                if not value:
                    if key.endswith("_date"):
                        value = one_line(text_content(el))
                    else:
                        value = one_line(render(el, skip_in_cell))
                value = value.strip(" ()")
                if value:
                    hints[key] = value
    return hints


#: {{Personendaten}} rows -> hint keys: the template's own (German) field names, as in
#: the wikitext reader; the table's id is the template's.
_PERSONENDATEN = "//table[@id='Vorlage_Personendaten']"
PERSONENDATEN_ROWS: dict[str, str] = {
    "NAME": "name",
    "GEBURTSDATUM": "birth_date",
    "GEBURTSORT": "birth_place",
    "STERBEDATUM": "death_date",
    "STERBEORT": "death_place",
}


def personendaten_hints(root: etree._Element, index: TreeIndex | None = None) -> dict[str, str]:
    """Name, birth and death from the rendered {{Personendaten}} table ("NAME | Einstein, Albert")."""
    hints: dict[str, str] = {}
    tables = root.xpath(_PERSONENDATEN) if index is None else index.with_id("table", "Vorlage_Personendaten")
    for table in tables[:1]:
        for row in table.iter("tr"):
            cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if len(cells) != 2:
                continue
            key = PERSONENDATEN_ROWS.get(one_line(render(cells[0])).strip())
            value = one_line(render(cells[1])).strip()
            if key is None or not value:
                continue
            if key == "name" and value.count(",") == 1:
                last, first = (part.strip() for part in value.split(","))
                value = f"{first} {last}".strip()  # "Einstein, Albert" is sorted, not written
            hints.setdefault(key, value)
    return hints
