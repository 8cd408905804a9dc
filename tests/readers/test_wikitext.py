"""Unit tests of the wikitext reader at Document level (small hand-written pages)."""

from __future__ import annotations

import time

import pytest

from bioparse.dates import parse_date
from bioparse.readers.wikitext import read_wikitext
from bioparse.readers.wikitext import scan
from bioparse.readers.wikitext.render import Ctx
from bioparse.readers.wikitext.templates import install


def render(text: str) -> str:
    return install(Ctx()).render(text)


def rows(text: str, box: int = 0) -> list[tuple[str | None, str, str, bool]]:
    doc = read_wikitext(text)
    return [(r.key, r.label, r.value, r.header) for r in doc.infoboxes[box].rows]


# --- templates rendered -------------------------------------------------------------

@pytest.mark.parametrize(
    "source, want",
    [
        ("{{birth date|1970|11|19}}", "1970-11-19"),
        ("{{birth date and age|1970|11|19|df=y}}", "1970-11-19"),
        ("{{Birth date and age|mf=yes|1970|11|19}}", "1970-11-19"),
        ("{{death date and age|2020|3|5|1970|11|19}}", "2020-03-05"),
        ("{{birth year and age|1970}}", "1970"),
        ("{{death year and age|2020|1970}}", "2020"),
        ("{{start date|2005|5}}", "2005-05"),
        ("{{end date|2005}}", "2005"),
        ("{{dts|2005|5|1}}", "2005-05-01"),
        ("{{dts|1 May 2005}}", "1 May 2005"),
        ("{{circa|1650}}", "c. 1650"),
        ("{{c.|1650}}", "c. 1650"),
        ("{{OldStyleDate|4 January|1643|25 December 1642}}", "4 January 1643 [O.S. 25 December 1642]"),
        ("{{OldStyleDateDY|February 22,|1732|February 11, 1731}}", "February 22, 1732 [O.S. February 11, 1731]"),
        ("{{b-da|1970|11|19}}", "1970-11-19"),
        ("{{birth-date|19 November 1970}}", "19 November 1970"),
        ("{{birth date|-99|7|12}}", "12 July 99 BC"),
        ("{{birth date|1970|November|19}}", "1970-11-19"),
        ("{{marriage|[[Jane Doe|Jane]]|1917|1951|reason=died}}", "Jane (m. 1917; died 1951)"),
        ("{{marriage|Jane|1917}}", "Jane (m. 1917)"),
        ("{{flag|France}}", "France"),
        ("{{nowrap|a&nbsp;b}}", "a b"),
        ("{{small|(acting)}}", "(acting)"),
        ("{{lang|fr|[[Paris]]|italic=no}}", "Paris"),
        ("{{hlist|a|b|c}}", "a\nb\nc"),
        ("{{ubl|a|[[B|b]]}}", "a\nb"),
        ("{{unbulleted list|a|b}}", "a\nb"),
        ("{{plainlist|\n* a\n* b\n}}", "a\nb"),
        ("{{flatlist|\n* a\n* b}}", "a\nb"),
        ("{{collapsible list|title=T|a|b}}", "a\nb"),
        ("a<br />b<br>c", "a\nb\nc"),
        ("x<!-- hidden -->y", "xy"),
        ("'''bold''' and ''it''", "bold and it"),
        ("[[A (disambiguation)|]]", "A"),
        ("[https://example.org Example] site", "Example site"),
        ("{{unknown template|x}}kept", "kept"),
    ],
)
def test_value_templates(source: str, want: str) -> None:
    assert render(scan.strip_comments(source)) == want


def test_links_are_collected() -> None:
    ctx = install(Ctx())
    assert ctx.render("[[Scranton, Pennsylvania|Scranton]], [[Pennsylvania]], U.S.") == "Scranton, Pennsylvania, U.S."
    assert ctx.links == ["Scranton, Pennsylvania", "Pennsylvania"]


# --- infobox rows and keys ----------------------------------------------------------

PERSON = """{{Infobox person
| name = Jane Roe
| birth_date = {{birth date|1901|2|3}}
| birth_place = [[Lyon]], France<ref>{{cite web|title=Birth record|url=http://example.org/b}}</ref>
| death_date = {{death date and age|1990|4|5|1901|2|3}}
| death_place = Paris
| spouse = {{marriage|John Roe|1925}}
| alma_mater = [[Sorbonne]]
| image = Roe.jpg
}}
'''Jane Roe''' (3 February 1901 – 5 April 1990) was a writer.
"""


def test_person_rows_and_keys() -> None:
    doc = read_wikitext(PERSON, title="Jane Roe")
    box = doc.infoboxes[0]
    assert box.name == "Infobox person"
    assert box.get("name") == "Jane Roe"
    assert box.get("birth_date") == "1901-02-03"
    assert box.get("birth_place") == "Lyon, France"
    assert box.get("death_date") == "1990-04-05"
    assert box.get("spouse") == "John Roe (m. 1925)"
    assert box.get("alma_mater") == "Sorbonne"
    place = next(r for r in box.rows if r.key == "birth_place")
    assert place.links == ["Lyon"]
    image = next(r for r in box.rows if r.label == "image")
    assert image.key is None


def test_ref_in_value_moves_to_references() -> None:
    doc = read_wikitext(PERSON)
    assert "Birth record" not in doc.infoboxes[0].get("birth_place")
    assert [r.fields.get("title") for r in doc.references] == ["Birth record"]
    assert doc.references[0].fields["url"] == "http://example.org/b"


@pytest.mark.parametrize(
    "name, params, keys",
    [
        ("Infobox Person", "Geburtsdatum = 1. Mai 1900\n| Geburtsort = Bonn", ["birth_date", "birth_place"]),
        ("Infobox Biographie2", "date de naissance = 1900\n| lieu de naissance = Lyon", ["birth_date", "birth_place"]),
        ("Ficha de persona", "fecha de nacimiento = 1900\n| lugar de nacimiento = Lima", ["birth_date", "birth_place"]),
        ("Infobox persoon", "geboortedatum = 1900\n| geboorteplaats = Gent", ["birth_date", "birth_place"]),
        ("Inligtingskas Persoon", "geboortedatum = 1900\n| geboorteplek = Pretoria", ["birth_date", "birth_place"]),
        ("infobox_person", "Birth_Place = X", ["birth_place"]),
    ],
)
def test_localized_infoboxes_and_params(name: str, params: str, keys: list[str]) -> None:
    doc = read_wikitext(f"{{{{{name}\n| {params}\n}}}}\nText.")
    assert doc.infoboxes and doc.infoboxes[0].name == name.replace("_", " ")
    assert [r.key for r in doc.infoboxes[0].rows] == keys


# --- offices --------------------------------------------------------------------------

OFFICEHOLDER = """{{Infobox officeholder
| name = A
| office2 = Second office
| term_start2 = 2001
| predecessor2 = [[P2]]
| order = 3rd
| office = First office
| president = [[Boss]]
| term_start = 2010
| term_end = 2012
| predecessor = P1
| successor = S1
| office12 = Twelfth office
| term_start12 = 1990
| jr/sr3 = United States Senator
| state3 = [[Delaware]]
| term_start3 = 1973
| birth_date = {{birth date|1950|1|1}}
}}"""


def test_office_slots_in_display_order() -> None:
    got = rows(OFFICEHOLDER)
    headers = [(label, value) for key, label, value, header in got if header]
    assert headers == [("office", "First office"), ("office2", "Second office"),
                       ("jr/sr3", "United States Senator from Delaware"), ("office12", "Twelfth office")]
    first = got[: [i for i, r in enumerate(got) if r[3]][1]]
    assert first == [
        ("office", "office", "First office", True),
        ("ordinal", "order", "3rd", False),
        ("term_start", "term_start", "2010", False),
        ("term_end", "term_end", "2012", False),
        ("serving_with", "President", "Boss", False),
        ("predecessor", "predecessor", "P1", False),
        ("successor", "successor", "S1", False),
    ]
    assert ("birth_date", "birth_date", "1950-01-01", False) in got


def test_office_without_title_and_old_order_spelling() -> None:
    got = rows("{{Infobox officeholder\n|order=[[List|1st]] [[President of Somewhere]]\n"
               "|term_start=1789\n|term_end=1797\n}}")
    assert got[0] == ("office", "order", "President of Somewhere", True)
    assert ("ordinal", "order", "1st", False) in got
    untitled = rows("{{Infobox officeholder\n|term_start=1789\n|predecessor=X\n}}")
    assert untitled[0][0] == "office" and untitled[0][3]


def test_acting_and_ordinal_prefix() -> None:
    got = rows("{{Infobox officeholder\n|office=Acting [[Governor of X]]\n|term_start=2000\n}}")
    assert ("acting", "office", "Acting", False) in got
    got = rows("{{Infobox officeholder\n|office=[[List|44th]] [[Vice President of X]]\n|term_start=1989\n}}")
    assert got[0][2] == "Vice President of X"
    assert ("ordinal", "office", "44th", False) in got


def test_royalty_succession_and_reign() -> None:
    got = rows("{{Infobox royalty\n| title = [[Duke of X]]\n| succession = [[King of Y]]\n"
               "| reign = 20 January&nbsp;– {{nowrap|11 December 1936}}\n| predecessor = [[A]]\n"
               "| successor = [[B]]\n}}")
    assert got[0] == ("office", "succession", "King of Y", True)
    assert ("term", "reign", "20 January – 11 December 1936", False) in got


def test_embedded_infobox_follows_parent() -> None:
    doc = read_wikitext("{{Infobox royalty\n| name = K\n| module = {{Infobox military person\n"
                        "| embed = yes\n| allegiance = {{flag|United Kingdom}}}}\n}}\n"
                        "{{Infobox person\n| name = Other}}")
    assert [b.name for b in doc.infoboxes] == ["Infobox royalty", "Infobox military person", "Infobox person"]
    assert doc.infoboxes[1].rows[0].value == "United Kingdom"


def test_unbalanced_italics_keep_the_infobox() -> None:
    # mwparserfromhell drops such templates (its issues #40, #274); the scanner must not
    text = ("{{Infobox person\n| name = ''Unclosed italics\n| birth_date = {{birth date|1900|1|2}}\n"
            "| birth_place = [[Rome]]\n}}\n'''X''' was ''someone.")
    box = read_wikitext(text).infoboxes[0]
    assert box.get("name") == "Unclosed italics"
    assert box.get("birth_date") == "1900-01-02"
    assert box.get("birth_place") == "Rome"


def test_nested_templates_and_pipes_in_links() -> None:
    box = read_wikitext("{{Infobox person|name=N|spouse={{plainlist|\n* {{marriage|[[A|B]]|1|2}}\n"
                        "* C}}|children=[[X|Y]]}}").infoboxes[0]
    assert box.get("spouse") == "B (m. 1–2)\nC"
    assert box.get("children") == "Y"


# --- succession boxes -----------------------------------------------------------------

SUCCESSION = """== Offices ==
{{s-start}}
{{s-off}}
{{s-bef|before=[[Ursula Lehr]]}}
{{s-ttl|title=[[Ministry|Minister for Women]]|years=1991–1994}}
{{s-aft|after=[[Claudia Nolte]]}}
{{s-bef|rows=2|before=[[Shared Before]]}}
{{s-ttl|title=Office A|years=2000–2005}}
{{s-ttl|title=Office B|years=2000–2005}}
{{s-aft|rows=2|after=Shared After}}
{{s-bef|before=X}}
{{s-ttl|title=Chancellor|years=2005}}
{{s-inc}}
{{s-end}}
"""


def test_succession_box_rows() -> None:
    doc = read_wikitext(SUCCESSION)
    (box,) = doc.infoboxes
    assert box.kind == "succession_box" and box.name == "succession box"
    got = [(r.key, r.value) for r in box.rows]
    assert got == [
        ("section", "Political offices"),
        ("office", "Minister for Women"), ("term", "1991–1994"),
        ("predecessor", "Ursula Lehr"), ("successor", "Claudia Nolte"),
        ("office", "Office A"), ("term", "2000–2005"),
        ("predecessor", "Shared Before"), ("successor", "Shared After"),
        ("office", "Office B"), ("term", "2000–2005"),
        ("predecessor", "Shared Before"), ("successor", "Shared After"),
        ("office", "Chancellor"), ("term", "2005–present"), ("predecessor", "X"),
    ]


def test_old_succession_box_template() -> None:
    doc = read_wikitext("{{succession box|before=A|title=King|years=1900–1910|after=B}}")
    assert [(r.key, r.value) for r in doc.infoboxes[0].rows] == [
        ("office", "King"), ("term", "1900–1910"), ("predecessor", "A"), ("successor", "B")]


# --- references -----------------------------------------------------------------------

REFS = """Lead.<ref name="a">{{cite web |last=Doe |first=Jane |author2=Bob Smith |title=T1 |url=http://x/1 |date=5 May 2020 |access-date=6 May 2020 |website=Site |publisher=Pub |language=fr}}</ref>

== One ==
Text<ref>Plain note</ref> again<ref name="a" /> and<ref name=b/>.{{efn|A footnote}}

== Two ==
More.<ref group="n">Grouped</ref><ref name="a"/>{{sfn|Smith|2000|p=5}}{{sfn|Smith|2000|p=5}}

== Sources ==
* {{cite book |last=Smith |title=Big Book |year=2000}}
{{reflist|refs=
<ref name=b>{{cite news |title=Listed |url=http://x/b}}</ref>
}}
"""


def test_reference_numbering_and_cited() -> None:
    doc = read_wikitext(REFS)
    default = [r for r in doc.references if r.group is None]
    assert [(r.number, r.name, r.cited) for r in default] == [
        (1, "a", 3), (2, None, 1), (3, "b", 1), (4, None, 2)]
    a = default[0]
    assert a.fields["title"] == "T1" and a.fields["url"] == "http://x/1"
    assert a.fields["date"] == "5 May 2020" and a.fields["access-date"] == "6 May 2020"
    assert a.fields["work"] == "Site" and a.fields["publisher"] == "Pub"
    assert a.fields["authors"] == "Doe, Jane; Bob Smith" and a.fields["language"] == "fr"
    assert a.fields["template"] == "cite web"
    assert default[1].text == "Plain note"
    assert default[2].fields["title"] == "Listed"  # list-defined, numbered at first use
    sfn = default[3]
    assert sfn.text == "Smith 2000, p. 5" and sfn.fields["target"] == "Big Book"
    groups = {(r.group, r.number, r.text) for r in doc.references if r.group}
    assert groups == {("lower-alpha", 1, "A footnote"), ("n", 1, "Grouped")}


def test_section_ref_ids() -> None:
    doc = read_wikitext(REFS)
    by_title = {s.title: s for s in doc.sections}
    assert by_title[""].ref_ids == ["1"]
    assert by_title["One"].ref_ids == ["2", "1", "3", "lower-alpha 1"]
    assert by_title["Two"].ref_ids == ["n 1", "1", "4"]


def test_references_tag_list_defined() -> None:
    doc = read_wikitext("A<ref name=x/>.\n==Notes==\n<references>\n<ref name=x>Defined later</ref>\n</references>")
    assert [(r.number, r.text) for r in doc.references] == [(1, "Defined later")]


# --- sections, categories, redirects ---------------------------------------------------

PAGE = """{{Short description|x}}
{{Infobox person|name=A}}
'''A B''' ({{IPAc-en|ˈ|b}}; born 19 November 1970) is a [[person]].<ref>r</ref>

== Life ==
Some [[text|words]] here.
{| class="wikitable"
| cell || cell
|}
[[File:X.jpg|thumb|A caption with [[link]]]]
=== Early ===
Early text {{convert|5|km}}.
[[Category:1970 births]]
[[Kategorie:Mann|B, A]]
[[de:A B]]
"""


def test_sections_tree_and_text() -> None:
    doc = read_wikitext(PAGE)
    assert [(s.level, s.title) for s in doc.sections] == [(0, ""), (2, "Life"), (3, "Early")]
    assert doc.lead == "A B (born 19 November 1970) is a person."
    assert doc.sections[1].text == "Some words here."
    assert doc.sections[2].text == "Early text 5 km."
    assert doc.categories == ["1970 births", "Mann"]


@pytest.mark.parametrize(
    "source, target",
    [("#REDIRECT [[Joe Biden]]", "Joe Biden"), ("#redirect[[Foo_Bar#Sec|x]]", "Foo Bar#Sec"),
     ("#WEITERLEITUNG [[Angela Merkel]]", "Angela Merkel"), ("#REDIRECTION [[Paris]]", "Paris")],
)
def test_redirect(source: str, target: str) -> None:
    doc = read_wikitext(source + "\n{{R from move}}")
    assert doc.is_redirect and doc.redirect_target == target


@pytest.mark.parametrize("tpl", ["{{disambiguation}}", "{{dab}}", "{{hndis|Smith}}", "{{Begriffsklärung}}",
                                 "{{homonymie}}"])
def test_disambiguation(tpl: str) -> None:
    assert read_wikitext(f"'''X''' may refer to:\n* [[X (a)]]\n{tpl}").is_disambiguation
    assert not read_wikitext("'''X''' is a person.").is_disambiguation


def test_personendaten_and_bio() -> None:
    doc = read_wikitext("'''Arthur''' war ein Philosoph.\n{{Personendaten\n|NAME=Schopenhauer, Arthur\n"
                        "|GEBURTSDATUM=22. Februar 1788\n|GEBURTSORT=[[Danzig]]\n"
                        "|STERBEDATUM=21. September 1860\n|STERBEORT=[[Frankfurt am Main]]\n}}")
    assert doc.person_hints == {"name": "Arthur Schopenhauer", "birth_date": "22 February 1788",
                                "birth_place": "Danzig", "death_date": "21 September 1860",
                                "death_place": "Frankfurt am Main"}
    doc = read_wikitext("{{Bio\n|Nome = Giuseppe\n|Cognome = Verdi\n|LuogoNascita = Busseto\n"
                        "|GiornoMeseNascita = 10 ottobre\n|AnnoNascita = 1813\n|LuogoMorte = Milano\n"
                        "|GiornoMeseMorte = 27 gennaio\n|AnnoMorte = 1901\n}}")
    assert doc.person_hints["name"] == "Giuseppe Verdi"
    assert doc.person_hints["birth_date"] == "10 October 1813"
    assert doc.person_hints["death_place"] == "Milano"
    assert doc.infoboxes[0].name == "Bio" and doc.infoboxes[0].get("birth_place") == "Busseto"


# --- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "source",
    ["", "   ", "{{", "}}", "{{Infobox person|name=", "[[", "<ref>unclosed", "<!-- open comment",
     "{|\n| a", "== ==", "=", "{{{{{{x}}}}}}", "\x00\x7f\ufffd", "{{Infobox officeholder|office99999999999=X}}",
     "<ref name=a/><ref name=a/>", "{{s-start}}{{s-aft|after=x}}{{s-ttl}}", "{{reflist|refs=<ref>x</ref>}}"],
)
def test_garbage_gives_a_document(source: str) -> None:
    doc = read_wikitext(source)
    assert doc.source_format == "wikitext"


def test_pathological_inputs_are_linear() -> None:
    start = time.perf_counter()
    read_wikitext("{{" * 1000 + "x" + "}}" * 1000)
    read_wikitext("{{Infobox person|name=" + "[[a|" * 20000)
    read_wikitext("a" * 2_000_000 + "<ref>" * 1000 + "<!--" + "(" * 1000)
    read_wikitext(("== h ==\n" + "'''" + "x " * 50) * 2000)
    read_wikitext("[http://" + "a" * 1_000_000)
    read_wikitext("( " + " " * 1_000_000 + ";")
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize(
    "template",
    ["{{Date de naissance|17|11|1994|âge=oui}}", "{{date de naissance|17 11 1994}}",
     "{{Date de naissance|17|novembre|1994}}"],
)
def test_french_birth_date_template_keeps_the_day(template: str) -> None:
    doc = read_wikitext("{{Infobox Sportif|nom=X|date de naissance=" + template + "}}")
    (box,) = doc.infoboxes
    value = next(r.value for r in box.rows if r.key == "birth_date")
    assert parse_date(value) is not None and parse_date(value).iso == "1994-11-17"  # type: ignore[union-attr]


def test_awrap_keeps_its_text_in_office_titles() -> None:
    doc = read_wikitext(
        "{{Infobox officeholder|office7=Leader of the Party {{awrap|in [[Mecklenburg-Vorpommern]]}}"
        "|term_start7=1993}}"
    )
    (box,) = doc.infoboxes
    header = next(r for r in box.rows if r.key == "office")
    assert header.value == "Leader of the Party in Mecklenburg-Vorpommern"


def test_the_lead_keeps_its_links_shown_text_and_target() -> None:
    # Abraham von Dohna (plwiki): a link trail ("[[Wrocław]]iu") and a piped link; a later section's
    # links are not the lead's
    doc = read_wikitext(
        "'''Abraham von Dohna''' (zm. [[1613]] r. we [[Wrocław]]iu) – władca [[Syców|sycowskiego]].\n"
        "== Życiorys ==\n[[Berlin]]\n",
        title="Abraham von Dohna",
    )
    assert doc.lead_links == [("1613", "1613"), ("Wrocław", "Wrocław"), ("sycowskiego", "Syców")]
