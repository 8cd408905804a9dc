"""``--to wikidata``: Wikibase-JSON-shaped statements per person.

One entity per person (JSON Lines), shaped like Wikidata's own JSON
(``claims`` -> property -> statements with ``mainsnak``, ``qualifiers``,
``references``), ready for ``wbeditentity`` or for comparison with a Wikidata
dump:

- P569/P570 date of birth/death: precision 7 (century) .. 11 (day), calendar
  model Q1985727 (Gregorian) or Q1985786 (Julian) as the record's ``calendar``
  says, years BCE in Wikidata's numbering (no year zero); "c." adds the
  qualifier P1480 sourcing circumstances = Q5727902 (circa).
- P19/P20 place of birth/death, P39 position held with qualifiers P580 start,
  P582 end, P1365 replaces, P1366 replaced by, P1545 series ordinal and P768
  electoral district.  P642 ("of") is deprecated on Wikidata and not written.
- Every statement is referenced to the page revision: P143 imported from
  Wikimedia project (the edition's item, from ``bioparse.lang`` data) and
  P4656 Wikimedia import URL (the ``oldid`` permalink).

Items bioparse has no QID for (places, offices, predecessors) are
``somevalue`` snaks; the main statements also carry P1932 "object named as"
with the name as written, and every such snak a ``bioparse`` member with the
name and, when the source linked it, the sitelink (``{"site": "enwiki",
"title": ...}``) from which a QID can be looked up.
"""

from __future__ import annotations

import re
from typing import Any

from .. import lang
from .dates import wikidata_time
from .wikis import Wiki, revision_of, wiki_of

CIRCA = "Q5727902"
_QID = re.compile(r"^Q[1-9]\d{0,11}$")


def _not_a_person(wiki: Wiki | None) -> frozenset[str]:
    words: set[str] = set()
    for code in {"en", wiki.code if wiki else "en"}:
        words.update(w.casefold() for w in lang.aspect(code, "wikidata").get("not_a_person", []))
    return frozenset(words)


def item_value(qid: str) -> dict[str, Any]:
    return {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}, "type": "wikibase-entityid"}


def item_snak(prop: str, qid: str) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datatype": "wikibase-item", "datavalue": item_value(qid)}


def unknown_item_snak(prop: str, name: str, link: str | None, wiki: Wiki | None) -> dict[str, Any]:
    """A ``somevalue`` item snak for a thing known only by name (and maybe its link target)."""
    hint: dict[str, Any] = {"name": name}
    if link and wiki:
        hint["sitelink"] = {"site": wiki.dbname, "title": link}
    return {"snaktype": "somevalue", "property": prop, "datatype": "wikibase-item", "bioparse": hint}


def time_snak(prop: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datatype": "time", "datavalue": {"value": value, "type": "time"}}


def string_snak(prop: str, value: str, datatype: str = "string") -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datatype": datatype, "datavalue": {"value": value, "type": "string"}}


def _statement(mainsnak: dict[str, Any], qualifiers: list[dict[str, Any]], reference: dict[str, Any] | None) -> dict[str, Any]:
    statement: dict[str, Any] = {"mainsnak": mainsnak, "type": "statement", "rank": "normal"}
    if qualifiers:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for snak in qualifiers:
            grouped.setdefault(snak["property"], []).append(snak)
        statement["qualifiers"] = grouped
        statement["qualifiers-order"] = list(grouped)
    if reference:
        statement["references"] = [reference]
    return statement


def reference_of(record: dict[str, Any], wiki: Wiki | None) -> dict[str, Any] | None:
    """P143 (the Wikipedia edition) and P4656 (the revision's permalink) for ``record``."""
    snaks: dict[str, list[dict[str, Any]]] = {}
    if wiki and wiki.item:
        snaks["P143"] = [item_snak("P143", wiki.item)]
    title = record.get("title")
    if wiki and title:
        snaks["P4656"] = [string_snak("P4656", wiki.page_url(title, revision_of(record)), "url")]
    if not snaks:
        return None
    return {"snaks": snaks, "snaks-order": list(snaks)}


def _item_or_unknown(prop: str, name: str, link: str | None, qid: str | None, wiki: Wiki | None) -> dict[str, Any]:
    if qid and _QID.match(qid):
        return item_snak(prop, qid)
    return unknown_item_snak(prop, name, link, wiki)


def _date_statement(prop: str, date: dict[str, Any] | None, reference: dict[str, Any] | None) -> dict[str, Any] | None:
    if not date:
        return None
    value = wikidata_time(date)
    if value is None:
        return None
    qualifiers = [item_snak("P1480", CIRCA)] if date.get("circa") else []
    return _statement(time_snak(prop, value), qualifiers, reference)


def _place_statement(prop: str, event: dict[str, Any] | None, wiki: Wiki | None, reference: dict[str, Any] | None) -> dict[str, Any] | None:
    place = (event or {}).get("place")
    if not place:
        return None
    snak = _item_or_unknown(prop, place, event.get("place_link"), event.get("place_qid"), wiki)  # type: ignore[union-attr]
    qualifiers = [string_snak("P1932", place)] if snak["snaktype"] == "somevalue" else []
    return _statement(snak, qualifiers, reference)


def _neighbour(prop: str, office: dict[str, Any], which: str, wiki: Wiki | None, skip: frozenset[str]) -> dict[str, Any] | None:
    """P1365/P1366 qualifier from ``predecessor``/``successor`` (not "Position established")."""
    name = office.get(which)
    if not isinstance(name, str) or not name.strip() or name.strip().casefold() in skip:
        return None
    return _item_or_unknown(prop, name, office.get(f"{which}_link"), office.get(f"{which}_qid"), wiki)


def _office_statement(office: dict[str, Any], wiki: Wiki | None, reference: dict[str, Any] | None,
                      skip: frozenset[str]) -> dict[str, Any] | None:
    title = office.get("title")
    if not title:
        return None
    snak = _item_or_unknown("P39", title, office.get("title_link"), office.get("title_qid"), wiki)
    qualifiers: list[dict[str, Any]] = []
    for prop, key in (("P580", "start"), ("P582", "end")):
        value = wikidata_time(office[key]) if office.get(key) else None
        if value:
            qualifiers.append(time_snak(prop, value))
    for prop, which in (("P1365", "predecessor"), ("P1366", "successor")):
        found = _neighbour(prop, office, which, wiki, skip)
        if found:
            qualifiers.append(found)
    ordinal = office.get("ordinal")
    if isinstance(ordinal, int) and not isinstance(ordinal, bool):
        qualifiers.append(string_snak("P1545", str(ordinal)))
    constituency = office.get("constituency")
    if isinstance(constituency, str) and constituency.strip():
        qualifiers.append(unknown_item_snak("P768", constituency, office.get("constituency_link"), wiki))
    if snak["snaktype"] == "somevalue":
        qualifiers.append(string_snak("P1932", title))
    return _statement(snak, qualifiers, reference)


def entity(record: dict[str, Any]) -> dict[str, Any] | None:
    """The Wikibase entity (JSON) for a record's person; None when it has none."""
    person = record.get("person")
    if not person:
        return None
    wiki = wiki_of(record)
    reference = reference_of(record, wiki)
    skip = _not_a_person(wiki)
    claims: dict[str, list[dict[str, Any]]] = {}

    def add(prop: str, statement: dict[str, Any] | None) -> None:
        if statement is not None:
            claims.setdefault(prop, []).append(statement)

    birth, death = person.get("birth") or {}, person.get("death") or {}
    add("P569", _date_statement("P569", birth.get("date"), reference))
    add("P570", _date_statement("P570", death.get("date"), reference))
    add("P19", _place_statement("P19", birth, wiki, reference))
    add("P20", _place_statement("P20", death, wiki, reference))
    for office in person.get("offices") or []:
        add("P39", _office_statement(office, wiki, reference, skip))
    qid = record.get("wikidata_id")
    out: dict[str, Any] = {"type": "item", "id": qid if isinstance(qid, str) and _QID.match(qid) else None}
    name = person.get("name")
    if wiki and name:
        out["labels"] = {wiki.code: {"language": wiki.code, "value": name}}
    if wiki and record.get("title"):
        out["sitelinks"] = {wiki.dbname: {"site": wiki.dbname, "title": record["title"]}}
    out["claims"] = claims
    return out
