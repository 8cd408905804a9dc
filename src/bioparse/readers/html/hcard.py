"""hCard microformat data hidden in infoboxes, as person hints.

``<span class="bday">1959-06-07</span>`` is what {{birth date}} emits for
machines; the extractor trusts it above the visible prose date.
"""

from __future__ import annotations

from lxml import etree

from .text import classes, one_line, render, skip_in_cell

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
                        value = one_line(el.text_content())
                    else:
                        value = one_line(render(el, skip_in_cell))
                value = value.strip(" ()")
                if value:
                    hints[key] = value
    return hints
