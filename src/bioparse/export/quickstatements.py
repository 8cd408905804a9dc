"""``--to quickstatements``: the Wikidata statements as QuickStatements v1 lines.

Tab-separated, one statement per line, qualifiers and sources (``S143``,
``S4656``) on the same line.  A person whose record carries its QID
(Enterprise ``main_entity``, the HTML page's item) is edited in place; any
other person is a new item: ``CREATE`` then ``LAST`` lines with its label
and sitelink (QuickStatements refuses a sitelink that another item already
has, so nothing is created twice unnoticed).  Items bioparse knows only by
name are ``somevalue`` (the name kept in P1932 "object named as").  Times are
``+1809-02-12T00:00:00Z/11``; Julian-calendar ones end in ``/J``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .dates import JULIAN


def _string(value: str) -> str:
    """A quoted QuickStatements string (tabs, newlines and double quotes cannot appear)."""
    cleaned = " ".join(value.replace('"', "'").split())
    return f'"{cleaned}"'


def snak_value(snak: dict[str, Any]) -> str | None:
    """A snak's value as QuickStatements writes it."""
    if snak.get("snaktype") == "somevalue":
        return "somevalue"
    if snak.get("snaktype") == "novalue":
        return "novalue"
    data = (snak.get("datavalue") or {}).get("value")
    kind = snak.get("datatype")
    if kind == "wikibase-item" and isinstance(data, dict):
        return str(data.get("id"))
    if kind == "time" and isinstance(data, dict):
        text = f"{data['time']}/{data['precision']}"
        return text + "/J" if data.get("calendarmodel") == JULIAN else text
    if isinstance(data, str):
        return _string(data)
    return None


def lines(entity: dict[str, Any]) -> Iterator[str]:
    """QuickStatements v1 lines for one entity made by :func:`bioparse.export.wikidata.entity`."""
    subject = entity.get("id")
    if not subject:
        yield "CREATE"
        subject = "LAST"
        for code, label in (entity.get("labels") or {}).items():
            yield f"{subject}\tL{code}\t{_string(label['value'])}"
        for site, link in (entity.get("sitelinks") or {}).items():
            yield f"{subject}\tS{site}\t{_string(link['title'])}"
    for prop, statements in (entity.get("claims") or {}).items():
        for statement in statements:
            value = snak_value(statement["mainsnak"])
            if value is None:
                continue
            parts = [subject, prop, value]
            for q_prop in statement.get("qualifiers-order", []):
                for snak in statement["qualifiers"][q_prop]:
                    q_value = snak_value(snak)
                    if q_value is not None:
                        parts += [q_prop, q_value]
            for reference in statement.get("references", [])[:1]:
                for s_prop in reference.get("snaks-order", []):
                    for snak in reference["snaks"][s_prop]:
                        s_value = snak_value(snak)
                        if s_value is not None:
                            parts += ["S" + s_prop[1:], s_value]
            yield "\t".join(parts)
