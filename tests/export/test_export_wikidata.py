"""``--to wikidata`` / ``quickstatements`` / ``jsonld``, claim by claim.

People: Aristotle (BC), Ayn Rand (Old Style dual date in the lead), Abraham
Lincoln (an officeholder with an ordinal), all from the enwiki sample dump
(page and revision ids from its XML); George Washington (Old Style lead, first
of a series), Abraham von Dohna (plwiki, Julian-calendar birth) and Dan Quayle
(fixture wikitext).  Every expected value is read from the article's text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
import pytest
from export_fixtures import FIXTURES

import bioparse
from bioparse.cli import main
from bioparse.export.dates import GREGORIAN, JULIAN, wikidata_time
from bioparse.export.quickstatements import lines
from bioparse.export.wikidata import entity

LINCOLN_URL = "https://en.wikipedia.org/w/index.php?title=Abraham_Lincoln&oldid=717901482"


def time_of(statement: dict[str, Any]) -> tuple[str, int, str]:
    value = statement["mainsnak"]["datavalue"]["value"]
    return value["time"], value["precision"], value["calendarmodel"]


def qualifier_values(statement: dict[str, Any], prop: str) -> list[Any]:
    out = []
    for snak in statement.get("qualifiers", {}).get(prop, []):
        if snak["snaktype"] == "somevalue":
            out.append(("somevalue", snak["bioparse"]["name"], snak["bioparse"].get("sitelink", {}).get("title")))
        elif snak["datatype"] == "time":
            value = snak["datavalue"]["value"]
            out.append((value["time"], value["precision"]))
        elif snak["datatype"] == "wikibase-item":
            out.append(snak["datavalue"]["value"]["id"])
        else:
            out.append(snak["datavalue"]["value"])
    return out


@pytest.fixture(scope="module")
def entities(sample_records: dict[str, dict]) -> dict[str, dict]:
    return {title: entity(r) for title, r in sample_records.items() if r["person"]}


def test_reference_points_at_the_revision(entities: dict[str, dict]) -> None:
    lincoln = entities["Abraham Lincoln"]
    assert lincoln["id"] is None  # an XML dump carries no QID
    assert lincoln["sitelinks"] == {"enwiki": {"site": "enwiki", "title": "Abraham Lincoln"}}
    assert lincoln["labels"]["en"]["value"] == "Abraham Lincoln"
    for statements in lincoln["claims"].values():
        for statement in statements:
            (ref,) = statement["references"]
            assert ref["snaks"]["P143"][0]["datavalue"]["value"]["id"] == "Q328"  # English Wikipedia
            assert ref["snaks"]["P4656"][0]["datavalue"]["value"] == LINCOLN_URL


def test_bc_person(entities: dict[str, dict]) -> None:
    """Aristotle: birth_date = 384 BC; death_date = 322 BC; Wikidata has no year 0."""
    claims = entities["Aristotle"]["claims"]
    # years long before the Gregorian reform are Julian (docs/schema.md, ``calendar``)
    assert time_of(claims["P569"][0]) == ("-0384-00-00T00:00:00Z", 9, JULIAN)
    assert time_of(claims["P570"][0]) == ("-0322-00-00T00:00:00Z", 9, JULIAN)
    # [[Stagira (ancient city)|Stagira]], ...: somevalue with the name and the link target
    (p19,) = claims["P19"]
    assert p19["mainsnak"]["snaktype"] == "somevalue"
    assert p19["mainsnak"]["bioparse"]["sitelink"] == {"site": "enwiki", "title": "Stagira (ancient city)"}
    assert qualifier_values(p19, "P1932")[0].startswith("Stagira")
    (p20,) = claims["P20"]
    assert p20["mainsnak"]["bioparse"]["sitelink"]["title"] == "Euboea"  # [[Euboea]], Greece
    assert "P39" not in claims


def test_old_style_person(entities: dict[str, dict]) -> None:
    """Ayn Rand: {{birth date|mf=yes|1905|02|02}}, the lead's {{OldStyleDate|February 2|1905|January 20}}.

    An Old Style double date keeps the New Style day as the date (docs/schema.md, ``calendar``):
    2 February 1905, Gregorian.  (20 January 1905 Julian is the same day.)
    """
    claims = entities["Ayn Rand"]["claims"]
    assert time_of(claims["P569"][0]) == ("+1905-02-02T00:00:00Z", 11, GREGORIAN)
    assert time_of(claims["P570"][0]) == ("+1982-03-06T00:00:00Z", 11, GREGORIAN)
    # death_place = [[New York City]], [[New York]], U.S.
    assert claims["P20"][0]["mainsnak"]["bioparse"]["sitelink"]["title"] == "New York City"


def _record(path: Path, title: str, wiki: str) -> dict[str, Any]:
    """A fixture article's record, as a dump of ``wiki`` at revision 1 would carry it."""
    record = bioparse.parse_file(path, title=title).to_dict()
    record["meta"].update({"wiki": wiki, "revision_id": "1"})
    return record


def test_old_style_officeholder() -> None:
    """George Washington: lead {{OldStyleDateDY|February 22,|1732|February 11, 1731}}; infobox
    {{Birth date|1732|2|22}}, {{Death date and age|1799|12|14|1732|2|22}}, death_place = [[Mount Vernon]],
    office = [[...|1st President of the United States]], April 30, 1789 - March 4, 1797,
    predecessor = Inaugural holder, successor = [[John Adams]]."""
    item = entity(_record(FIXTURES / "dumps" / "presidents" / "George_Washington.wiki", "George Washington", "enwiki"))
    assert item is not None
    claims = item["claims"]
    assert time_of(claims["P569"][0]) == ("+1732-02-22T00:00:00Z", 11, GREGORIAN)  # the New Style day
    assert time_of(claims["P570"][0]) == ("+1799-12-14T00:00:00Z", 11, GREGORIAN)
    assert claims["P20"][0]["mainsnak"]["bioparse"]["sitelink"] == {"site": "enwiki", "title": "Mount Vernon"}
    president = claims["P39"][0]
    assert qualifier_values(president, "P1932") == ["President of the United States"]
    assert qualifier_values(president, "P1545") == ["1"]
    assert qualifier_values(president, "P580") == [("+1789-04-30T00:00:00Z", 11)]
    assert qualifier_values(president, "P582") == [("+1797-03-04T00:00:00Z", 11)]
    assert "P1365" not in president["qualifiers"]  # "Inaugural holder" names no one
    assert qualifier_values(president, "P1366") == [("somevalue", "John Adams", "John Adams")]
    url = "https://en.wikipedia.org/w/index.php?title=George_Washington&oldid=1"
    assert president["references"][0]["snaks"]["P4656"][0]["datavalue"]["value"] == url


def test_julian_calendar_person() -> None:
    """Abraham von Dohna (plwiki): "ur. [[11 grudnia]] [[1561]]r., zm. [[1 maja]] [[1613]] r. we [[Wrocław]]iu";
    {{Poprzednik Następca|urząd=...[[Syców|Wolny pan stanowy Sycowa]]...|lata=[[1592]]- [[1613]]|
    pop=[[Georg Wilhelm von Braun]]|nast=[[Karl Hannibal von Dohna]]}}.

    1561 is before the Gregorian reform (15 October 1582): the date is Julian, and Wikidata's
    calendar model says so; 1613 is after it."""
    record = _record(FIXTURES / "wikitext_i18n" / "sunflower__pl__Abraham_von_Dohna.wiki", "Abraham von Dohna", "plwiki")
    item = entity(record)
    assert item is not None
    claims = item["claims"]
    assert item["labels"] == {"pl": {"language": "pl", "value": "Abraham von Dohna"}}
    assert item["sitelinks"] == {"plwiki": {"site": "plwiki", "title": "Abraham von Dohna"}}
    assert time_of(claims["P569"][0]) == ("+1561-12-11T00:00:00Z", 11, JULIAN)
    assert time_of(claims["P570"][0]) == ("+1613-05-01T00:00:00Z", 11, GREGORIAN)
    assert qualifier_values(claims["P20"][0], "P1932") == ["Wrocław"]
    (office,) = claims["P39"]
    assert qualifier_values(office, "P1932") == ["Wolny pan stanowy Sycowa"]
    assert qualifier_values(office, "P580") == [("+1592-00-00T00:00:00Z", 9)]
    assert qualifier_values(office, "P582") == [("+1613-00-00T00:00:00Z", 9)]
    assert qualifier_values(office, "P1365") == [("somevalue", "Georg Wilhelm von Braun", "Georg Wilhelm von Braun")]
    assert qualifier_values(office, "P1366") == [("somevalue", "Karl Hannibal von Dohna", "Karl Hannibal von Dohna")]
    url = "https://pl.wikipedia.org/w/index.php?title=Abraham_von_Dohna&oldid=1"
    assert office["references"][0]["snaks"]["P4656"][0]["datavalue"]["value"] == url
    out = list(lines(item))
    assert f'LAST\tP569\t+1561-12-11T00:00:00Z/11/J\tS4656\t"{url}"' in out
    assert f'LAST\tP570\t+1613-05-01T00:00:00Z/11\tS4656\t"{url}"' in out
    # tables: the Julian day as the day it was (10 days behind the Gregorian calendar in 1561)
    from bioparse.export.tables import rows_for

    (person,) = rows_for(record)["people"]
    day = (dt.date(1561, 12, 21) - dt.date(1970, 1, 1)).days
    assert (person["birth_iso"], person["birth_calendar"], person["birth_lower"], person["birth_upper"]) == (
        "1561-12-11", "julian", day, day)


def test_officeholder_with_ordinals(entities: dict[str, dict]) -> None:
    claims = entities["Abraham Lincoln"]["claims"]
    assert time_of(claims["P569"][0]) == ("+1809-02-12T00:00:00Z", 11, GREGORIAN)
    assert time_of(claims["P570"][0]) == ("+1865-04-15T00:00:00Z", 11, GREGORIAN)
    assert claims["P19"][0]["mainsnak"]["bioparse"]["sitelink"]["title"] == "Hodgenville, Kentucky"
    president, house, illinois = claims["P39"]
    assert qualifier_values(president, "P1932") == ["President of the United States"]
    assert qualifier_values(president, "P580") == [("+1861-03-04T00:00:00Z", 11)]
    assert qualifier_values(president, "P582") == [("+1865-04-15T00:00:00Z", 11)]
    assert qualifier_values(president, "P1545") == ["16"]  # order = 16th
    assert [v[1] for v in qualifier_values(president, "P1365")] == ["James Buchanan"]
    assert [v[1] for v in qualifier_values(president, "P1366")] == ["Andrew Johnson"]
    assert qualifier_values(house, "P580") == [("+1847-03-04T00:00:00Z", 11)]
    assert qualifier_values(house, "P582") == [("+1849-03-03T00:00:00Z", 11)]
    assert "P1545" not in house.get("qualifiers", {})  # no order for the House seat
    # term_start3 = 1834, term_end3 = 1842: year precision
    assert qualifier_values(illinois, "P580") == [("+1834-00-00T00:00:00Z", 9)]
    assert qualifier_values(illinois, "P582") == [("+1842-00-00T00:00:00Z", 9)]
    assert qualifier_values(illinois, "P1932") == ["Member of the Illinois House of Representatives"]


def _quayle() -> dict[str, Any]:
    path = FIXTURES / "wikitext" / "presidentthing__Dan_Quayle.wiki"
    record = bioparse.parse_file(path, title="Dan Quayle").to_dict()
    record["meta"].update({"wiki": "enwiki", "revision_id": "1"})
    return record


def test_vice_president_and_quickstatements() -> None:
    """Dan Quayle: 44th Vice President, January 20, 1989 - January 20, 1993, after George H. W. Bush."""
    item = entity(_quayle())
    assert item is not None
    vp = item["claims"]["P39"][0]
    assert qualifier_values(vp, "P1932") == ["Vice President of the United States"]
    assert qualifier_values(vp, "P1545") == ["44"]
    assert qualifier_values(vp, "P580") == [("+1989-01-20T00:00:00Z", 11)]
    assert qualifier_values(vp, "P582") == [("+1993-01-20T00:00:00Z", 11)]
    assert [v[1] for v in qualifier_values(vp, "P1365")] == ["George H. W. Bush"]
    assert [v[1] for v in qualifier_values(vp, "P1366")] == ["Al Gore"]
    assert "P570" not in item["claims"]  # death_date is empty: living
    out = list(lines(item))
    assert out[:3] == ["CREATE", 'LAST\tLen\t"Dan Quayle"', 'LAST\tSenwiki\t"Dan Quayle"']
    birth = next(line for line in out if "\tP569\t" in line)
    url = "https://en.wikipedia.org/w/index.php?title=Dan_Quayle&oldid=1"
    assert birth == f'LAST\tP569\t+1947-02-04T00:00:00Z/11\tS143\tQ328\tS4656\t"{url}"'
    vp_line = next(line for line in out if "\tP39\t" in line)
    assert vp_line.startswith("LAST\tP39\tsomevalue\tP580\t+1989-01-20T00:00:00Z/11\tP582\t+1993-01-20T00:00:00Z/11\t")
    assert '\tP1545\t"44"\t' in vp_line and '\tP1932\t"Vice President of the United States"\t' in vp_line


def test_position_established_is_not_a_predecessor() -> None:
    record = {"title": "X", "meta": {"wiki": "enwiki"}, "person": {"name": "X", "offices": [
        {"title": "President", "predecessor": "Position established", "successor": "Y"}]}}
    item = entity(record)
    assert item is not None
    (p39,) = item["claims"]["P39"]
    assert "P1365" not in p39["qualifiers"] and "P1366" in p39["qualifiers"]


def test_qid_from_the_input_is_the_subject(tmp_path: Path) -> None:
    """The Enterprise record's main_entity (Q937) becomes the item id; QuickStatements edits it in place."""
    article = bioparse.parse_file(FIXTURES / "html" / "enterprise_simplewiki_Albert_Einstein.json")
    assert article.wikidata_id == "Q937"
    record = article.to_dict()
    item = entity(record)
    assert item is not None and item["id"] == "Q937"
    out = list(lines(item))
    assert "CREATE" not in out and all(line.startswith("Q937\t") for line in out)
    # simplewiki: Simple English Wikipedia is Q200183; its labels are English
    ref = item["claims"]["P569"][0]["references"][0]
    assert ref["snaks"]["P143"][0]["datavalue"]["value"]["id"] == "Q200183"
    assert item["labels"] == {"en": {"language": "en", "value": "Albert Einstein"}}
    assert item["sitelinks"] == {"simplewiki": {"site": "simplewiki", "title": "Albert Einstein"}}


def test_julian_calendar_and_bc_numbering() -> None:
    assert wikidata_time({"iso": "1564-02-15", "precision": "day", "calendar": "julian"}) == {
        "time": "+1564-02-15T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11,
        "calendarmodel": JULIAN,
    }
    assert wikidata_time({"iso": "0000", "precision": "year"})["time"] == "-0001-00-00T00:00:00Z"  # 1 BC
    assert wikidata_time({"iso": "-0339", "precision": "decade"})["time"] == "-0340-00-00T00:00:00Z"  # 340s BC
    assert wikidata_time({"iso": "-0499", "precision": "century"})["precision"] == 7  # 5th century BC
    assert wikidata_time({"iso": "1801", "precision": "century"})["time"] == "+1801-00-00T00:00:00Z"
    item = {"id": None, "claims": {"P569": [{"mainsnak": {
        "snaktype": "value", "property": "P569", "datatype": "time",
        "datavalue": {"type": "time", "value": wikidata_time({"iso": "1564-02-15", "precision": "day",
                                                             "calendar": "julian"})}}}]}}
    assert list(lines(item))[-1] == "LAST\tP569\t+1564-02-15T00:00:00Z/11/J"


def test_cli_formats(sample_jsonl: Path, tmp_path: Path) -> None:
    names = {"wikidata": "wikidata.jsonl", "quickstatements": "quickstatements.txt", "jsonld": "jsonld.jsonl"}
    for fmt, name in names.items():
        assert main(["export", str(sample_jsonl), "--to", fmt, "-o", str(tmp_path / name)]) == 0
    people = [orjson.loads(line) for line in (tmp_path / "wikidata.jsonl").read_bytes().splitlines()]
    assert {"Abraham Lincoln", "Aristotle", "Ayn Rand"} <= {p["labels"]["en"]["value"] for p in people}
    ld = {p["name"]: p for p in map(orjson.loads, (tmp_path / "jsonld.jsonl").read_bytes().splitlines())}
    lincoln = ld["Abraham Lincoln"]
    assert lincoln["@type"] == "Person" and lincoln["birthDate"] == "1809-02-12"
    assert lincoln["sameAs"] == ["https://en.wikipedia.org/wiki/Abraham_Lincoln"]
    assert lincoln["birthPlace"]["sameAs"] == "https://en.wikipedia.org/wiki/Hodgenville,_Kentucky"
    want = {"@type": "Role", "roleName": "President of the United States", "startDate": "1861-03-04",
            "endDate": "1865-04-15"}
    assert any(want.items() <= role.items() for role in lincoln["hasOccupation"])
    qs = (tmp_path / "quickstatements.txt").read_text(encoding="utf-8").splitlines()
    assert qs.count("CREATE") == len(people)


def test_stdin_to_stdout(sample_jsonl: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "bioparse.cli", "export", "-", "--to", "jsonld", "-o", "-"],
                            input=sample_jsonl.read_bytes(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    names = {orjson.loads(line)["name"] for line in result.stdout.splitlines()}
    assert {"Abraham Lincoln", "Aristotle"} <= names


def test_dump_to_wikidata_in_one_step(tmp_path: Path, sample_records: dict[str, dict]) -> None:
    from export_fixtures import SAMPLE

    out = tmp_path / "wd.jsonl"
    assert main(["dump", str(SAMPLE), "--to", "wikidata", "-o", str(out), "--workers", "1", "--quiet",
                 "--fields", "person"]) == 0
    one_step = {e["labels"]["en"]["value"]: e for e in map(orjson.loads, out.read_bytes().splitlines())}
    two_step = {title: entity(r) for title, r in sample_records.items() if r["person"]}
    assert one_step["Abraham Lincoln"] == two_step["Abraham Lincoln"]
    assert len(one_step) == len(two_step)


def test_electoral_district() -> None:
    """Angela Merkel: office9 = [[Member of the German Bundestag|Member]] of the [[Bundestag]] for
    [[Mecklenburg-Vorpommern]], 20 December 1990 - 26 October 2021, constituency9 = {{ubl|
    [[...|Stralsund – Rügen – Grimmen]] (1990–2002)|...}}: P768 on that P39 statement only."""
    item = entity(_record(FIXTURES / "wikitext" / "dbpminidump__en__Angela_Merkel.wiki", "Angela Merkel", "enwiki"))
    assert item is not None
    with_district = [s for s in item["claims"]["P39"] if "P768" in s.get("qualifiers", {})]
    (member,) = with_district
    assert qualifier_values(member, "P1932") == ["Member of the Bundestag for Mecklenburg-Vorpommern"]
    assert qualifier_values(member, "P580") == [("+1990-12-20T00:00:00Z", 11)]
    assert qualifier_values(member, "P582") == [("+2021-10-26T00:00:00Z", 11)]
    ((kind, name, _link),) = qualifier_values(member, "P768")
    assert kind == "somevalue" and name.startswith("Stralsund – Rügen – Grimmen")
    assert "\tP768\tsomevalue\t" in next(line for line in lines(item) if "Bundestag for" in line)


def test_no_reference_without_a_known_wiki() -> None:
    """An article file parsed on its own names no wiki: no permalink to cite, no edition (docs/etl.md)."""
    record = bioparse.parse_file(FIXTURES / "dumps" / "presidents" / "John_Adams.wiki", title="John Adams").to_dict()
    item = entity(record)
    assert item is not None and item["claims"]["P569"]  # |birth_date = {{birth date|1735|10|30}}
    assert all("references" not in s for statements in item["claims"].values() for s in statements)
    assert "sitelinks" not in item and "labels" not in item


def test_simple_english_desktop_page_is_referenced_to_simple_english_wikipedia() -> None:
    """A desktop page says its wiki only through its address (``<link rel="canonical"
    href="https://simple.wikipedia.org/wiki/Mike_Pence">``): its content language is "en"."""
    article = bioparse.parse_file(FIXTURES / "html" / "wme_desktop_simplewiki_Mike_Pence.html")
    assert article.meta["wiki"] == "simplewiki" and article.meta["language"] == "en"
    item = entity(article.to_dict())
    assert item is not None
    ref = item["claims"]["P569"][0]["references"][0]
    assert ref["snaks"]["P143"][0]["datavalue"]["value"]["id"] == "Q200183"
    url = ref["snaks"]["P4656"][0]["datavalue"]["value"]
    assert url.startswith("https://simple.wikipedia.org/w/index.php?title=Mike_Pence&oldid=")
