"""``--fields``: which parts of a record to write, and what that spares.

A record always keeps its identity (title, format, meta, flags, warnings,
error, ``wikidata_id``).  The optional parts are grouped:

``person``      the Person (name, birth, death, offices, ...); ``offices`` is another name for it
``infobox``     ``infobox`` and ``infoboxes`` (the rows as read)
``sections``    ``sections`` (the page text: most of a record's bytes)
``references``  ``references``
``categories``  ``categories``

Presets: ``all`` (every group, the default) and ``person`` (the person
alone: ``--fields person``).  A left-out part is written empty (``null``/``[]``: the schema
does not change) and named in the record's ``omitted`` list, so a reader can
tell "left out" from "not on the page".  Leaving parts out also skips work:
references are not built and section text beyond the lead is not rendered
when neither is written (wikitext, the dump format).
"""

from __future__ import annotations

from collections.abc import Collection

from .model import Article

GROUPS = ("person", "infobox", "sections", "references", "categories")
#: Names that stand for groups: presets, and "offices" (they live in the person).
PRESETS: dict[str, frozenset[str]] = {
    "all": frozenset(GROUPS),
    "offices": frozenset({"person"}),
}


def parse_fields(spec: str) -> frozenset[str]:
    """``"person,references"`` -> the groups to keep; raises ValueError naming an unknown one."""
    keep: set[str] = set()
    for item in spec.split(","):
        name = item.strip().lower()
        if not name:
            continue
        if name in PRESETS:
            keep |= PRESETS[name]
        elif name in GROUPS:
            keep.add(name)
        else:
            known = ", ".join(list(GROUPS) + [p for p in PRESETS if p not in GROUPS])
            raise ValueError(f"unknown field {name!r}: expected {known}")
    return frozenset(keep)


def wants(fields: Collection[str] | None, group: str) -> bool:
    """Whether ``group`` is written (``fields`` None means everything)."""
    return fields is None or group in fields


def apply_fields(article: Article, fields: Collection[str] | None) -> Article:
    """Empty the parts of ``article`` not in ``fields`` and list them in ``omitted``."""
    if fields is None:
        return article
    omitted: list[str] = []
    if "person" not in fields:
        article.person = None
        omitted.append("person")
    if "infobox" not in fields:
        article.infobox = None
        article.infoboxes = []
        omitted += ["infobox", "infoboxes"]
    if "sections" not in fields:
        article.sections = []
        omitted.append("sections")
    if "references" not in fields:
        article.references = []
        omitted.append("references")
    if "categories" not in fields:
        article.categories = []
        omitted.append("categories")
    article.omitted = omitted
    return article
