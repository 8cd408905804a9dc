"""``--to jsonld``: each person as a schema.org ``Person`` in JSON-LD.

``sameAs`` lists the Wikidata entity (when the record carries its QID) and the
Wikipedia page; places are ``Place`` objects whose ``sameAs`` is the linked
Wikipedia page; offices are ``hasOccupation`` ``Role`` objects with start and
end dates.  Dates are ISO 8601 (astronomical years, as in the records); a
Julian-calendar day is given as its proleptic Gregorian day, as ISO 8601 wants.
"""

from __future__ import annotations

from typing import Any

from .dates import bounds
from .wikis import Wiki, revision_of, wiki_of

_JD_EPOCH = 2440588


def _gregorian(epoch_day: int) -> str:
    """ISO text of a day number (days since 1970-01-01), any year (astronomical)."""
    # Fliegel & Van Flandern, from the Julian Day Number.
    j = epoch_day + _JD_EPOCH + 68569
    n = 4 * j // 146097
    j = j - (146097 * n + 3) // 4
    i = 4000 * (j + 1) // 1461001
    j = j - 1461 * i // 4 + 31
    k = 80 * j // 2447
    day = j - 2447 * k // 80
    j = k // 11
    month = k + 2 - 12 * j
    year = 100 * (n - 49) + i + j
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def iso_date(date: dict[str, Any] | None) -> str | None:
    """The date for schema.org: ``iso`` as is, a Julian day converted to the Gregorian day."""
    if not date or not date.get("iso"):
        return None
    if date.get("calendar") == "julian" and date.get("precision") == "day":
        first, _ = bounds(date)
        return _gregorian(first) if first is not None else None
    return str(date["iso"])


def _place(event: dict[str, Any], wiki: Wiki | None) -> dict[str, Any] | None:
    name = event.get("place")
    if not name:
        return None
    place: dict[str, Any] = {"@type": "Place", "name": name}
    if event.get("place_link") and wiki:
        place["sameAs"] = wiki.page_url(event["place_link"])
    return place


def person_ld(record: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON-LD object for a record's person; None when it has none."""
    person = record.get("person")
    if not person:
        return None
    wiki = wiki_of(record)
    title = record.get("title")
    same_as = []
    qid = record.get("wikidata_id")
    if qid:
        same_as.append(f"http://www.wikidata.org/entity/{qid}")
    if wiki and title:
        same_as.append(wiki.page_url(title))
    out: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person"}
    if same_as:
        out["@id"] = same_as[0]
    out["name"] = person.get("name")
    if person.get("full_name") and person["full_name"] != person.get("name"):
        out["alternateName"] = person["full_name"]
    for key, which, place_key in (("birthDate", "birth", "birthPlace"), ("deathDate", "death", "deathPlace")):
        event = person.get(which) or {}
        date = iso_date(event.get("date"))
        if date:
            out[key] = date
        place = _place(event, wiki)
        if place:
            out[place_key] = place
    roles = []
    for office in person.get("offices") or []:
        if not office.get("title"):
            continue
        role: dict[str, Any] = {"@type": "Role", "roleName": office["title"]}
        start, end = iso_date(office.get("start")), iso_date(office.get("end"))
        if start:
            role["startDate"] = start
        if end:
            role["endDate"] = end
        if office.get("title_link") and wiki:
            role["sameAs"] = wiki.page_url(office["title_link"])
        roles.append(role)
    if roles:
        out["hasOccupation"] = roles
    for key, field in (("nationality", "nationality"), ("award", "awards"), ("alumniOf", "alma_mater")):
        value = person.get(field)
        if value:
            out[key] = value
    if same_as:
        out["sameAs"] = same_as
    if wiki and title:
        out["mainEntityOfPage"] = wiki.page_url(title, revision_of(record))
    return out
