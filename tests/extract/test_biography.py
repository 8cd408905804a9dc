"""The biography decision: one test per signal, on snippets of real articles, and the labelled set.

Every snippet below is copied from the article named in the test (corpus
pages listed in fixtures/README.md); the expected kind was decided by
reading the article.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

import bioparse
from bioparse.extract.biography import classify, lead_clause
from bioparse.readers.wikitext import read_wikitext

LABELLED = Path(__file__).resolve().parents[2] / "fixtures" / "biography"


def kind_and_evidence(wikitext: str, title: str) -> tuple[str | None, list[str]]:
    article = bioparse.parse(wikitext, format="wikitext", title=title)
    return article.kind, article.person.evidence if article.person else []


# --- categories -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Angela Merkel", "[[Category:1954 births]]"),
        ("Ang Lee", "[[Kategorie:Geboren 1954]]"),
        ("Antoine Meillet", "[[Catégorie:Naissance en novembre 1866]]"),
        ("Aleksandr Borodin", "[[Kategoria:Urodzeni w 1833]]"),
        ("郝富申", "[[Category:1999年出生]]"),
        ("Mark Behr", "[[Kategorie:Geboortes in 1963]]"),
        ("ولیم شیکسپیئر", "[[زمرہ:1564ء کی پیدائشیں]]"),
    ],
)
def test_births_category_in_each_language(title: str, category: str) -> None:
    kind, evidence = kind_and_evidence(f"Text without dates.\n\n{category}\n", title)
    assert kind == "person"
    assert evidence == ["category:births"]


def test_living_people_category_without_any_date() -> None:
    # Jim Pewter: no dates at all, only "Living people"-style categories
    text = (
        "'''Jim Pewter''' is an american radio DJ, songwriter, producer, linernotes author.\n\n"
        "[[Category:American radio personalities]]\n[[Category:Living people]]\n"
        "[[Category:Year of birth missing (living people)]]\n"
    )
    kind, evidence = kind_and_evidence(text, "Jim Pewter")
    assert kind == "person"
    assert evidence[:2] == ["category:births", "category:living"]


def test_people_category_of_a_smaller_language() -> None:
    # Latgalian: "Zeimeigi Latgolys ļauds" (notable people of Latgale)
    text = "Dzims Varakļuonu pogostā.\n\n[[Kategoreja:Zeimeigi Latgolys ļauds]]\n"
    assert kind_and_evidence(text, "Bonifacejs Briška") == ("person", ["category:people"])


def test_occupation_right_after_the_name() -> None:
    # Jezups Šmulāns (Latgalian): a potter, no dates, no categories
    text = (
        "'''Jezups Šmulāns''' — Ludzys apleicīnis pūdars, nu kura omotu vuicejīs vīns nu vysuzeimeiguokūs "
        "Latgolys pūdnīku [[Ontons Šmulāns]], taipoš [[Apolinarejs Dieglis]]."
    )
    assert kind_and_evidence(text, "Jezups Šmulāns") == ("person", ["lead:occupation"])
    # Daugpiļs Universitets: a name, then no occupation within a few words
    text = "'''Daugpiļs Universitets''' — universitets Daugpilī, pats lelais vuiceibys īstots."
    assert kind_and_evidence(text, "Daugpiļs Universitets") == ("other", [])


def test_occupation_after_an_appellation() -> None:
    # Ambrosiaster (enwiki 2012): an anonymous author known by a conventional name
    text = (
        "'''Ambrosiaster''' is the name given to the writer of a commentary on St [[Paul of Tarsus|Paul's]] "
        "epistles.\n\n[[Category:New Testament]]\n"
    )
    assert kind_and_evidence(text, "Ambrosiaster") == ("person", ["lead:occupation"])
    # a constructed counter-example: an appellation, then no occupation
    text = "'''Sea Peoples''' is the name given to the confederacy of seafaring raiders.\n"
    assert kind_and_evidence(text, "Sea Peoples") == ("other", [])


def test_uncertain_date_categories_are_births_and_deaths() -> None:
    # François Lapous (frwiki): no dates anywhere, only the tracking categories of unknown dates
    text = (
        "'''François Lapous''' est un nom porté par deux orfèvres bretons.\n\n"
        "[[Catégorie:Date de naissance incertaine (XVIe siècle)]]\n[[Catégorie:Date de décès incertaine (XVIIe siècle)]]\n"
    )
    assert kind_and_evidence(text, "François Lapous") == ("person", ["category:births", "category:deaths"])


# --- infobox type ---------------------------------------------------------------------------


def test_person_infobox_type() -> None:
    text = "{{Infobox officeholder\n| name = Angela Merkel\n| office = Chancellor of Germany\n}}\nShe leads."
    kind, evidence = kind_and_evidence(text, "Angela Merkel")
    assert kind == "person" and evidence == ["infobox:officeholder"]


def test_non_person_infobox_overrules_a_lifespan_like_range() -> None:
    # American Revolutionary War: "(1775–1783)" is not a birth and a death
    text = (
        "{{Infobox military conflict\n|conflict=American Revolutionary War\n}}\n"
        "The '''American Revolutionary War''' (1775–1783) was a war.\n"
    )
    assert kind_and_evidence(text, "American Revolutionary War") == ("other", [])


def test_persondata() -> None:
    # Wallace Neff: a bare year in the lead bracket, and Persondata
    text = (
        "'''Wallace Neff''' (1895 – June 8, 1982) was an architect.\n\n"
        "{{Persondata\n|NAME=Neff, Wallace\n|DATE OF BIRTH=1895\n|DATE OF DEATH=June 8, 1982\n}}\n"
    )
    kind, evidence = kind_and_evidence(text, "Wallace Neff")
    assert kind == "person"
    assert "persondata" in evidence and "lead:dates" in evidence


def test_hcard_birth_date_in_html() -> None:
    html = (
        '<table class="infobox vcard"><tr><th>Born</th><td>Angela Dorothea Kasner<br>'
        '<span style="display:none">(<span class="bday">1954-07-17</span>)</span> 17 July 1954</td></tr></table>'
        "<p><b>Angela Dorothea Merkel</b> is a German politician.</p>"
    )
    article = bioparse.parse(html, format="html", title="Angela Merkel")
    assert article.kind == "person"
    assert article.person is not None and "hcard:birth" in article.person.evidence


def test_plain_text_infobox_rows_speak_when_there_is_no_template_name() -> None:
    text = "Jane Doe\nMinister of Fish\nIn office\n1 May 2000 – 2 May 2001\nPreceded byJohn Roe"
    article = bioparse.parse(text, format="text")
    assert article.person is not None and "row:office" in article.person.evidence


# --- the lead -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "lead", "signal"),
    [
        ("Angela Merkel", "'''Angela Dorothea Merkel''' (; born 17 July 1954) is a German politician.", "lead:born"),
        ("Aristotle", "'''Aristotle''' (Ἀριστοτέλης, ''Aristotélēs''; 384–322 BC) was a Greek philosopher.",
         "lead:dates"),
        ("Arthur Schopenhauer",
         "'''Arthur Schopenhauer''' (* 22. Februar 1788 in Danzig; † 21. September 1860 in Frankfurt am Main) "
         "war ein deutscher Philosoph.", "lead:born"),
        ("Alan Turing", "'''Alan Mathison Turing''' (Londen, 23 juni 1912 – Wilmslow, 7 juni 1954) was een Britse "
         "wiskundige.", "lead:dates"),
        ("Gothards Ketlers", "Gothards Ketlers (Gotthard Kettler) (1517 — 1587) — pādejais Livonejis ordyna "
         "magistris.", "lead:dates"),
        ("Aleksejs Apīnis", "Aleksejs Apīnis (1926) — latvīšu literaturviesturnīks, rakstinīks.", "lead:year"),
        ("Eva Mārtuža", "Eva Mārtuža — dzymuse 1954 gods zīmys (dekabra) mieneša 15 dīnā Gaigalovā.", "lead:born"),
        ("Jezups Akelevičs", "Jezups Akelevičs (1768 voi 1779 (?) — 1842) — pyrmuos latgaļu gruomotys autors.",
         "lead:dates"),
    ],
)
def test_lead_subject_then_bracket(title: str, lead: str, signal: str) -> None:
    kind, evidence = kind_and_evidence(lead + "\n", title)
    assert kind == "person"
    assert evidence == [signal]


def test_dates_of_another_person_later_in_the_lead_are_not_the_subjects() -> None:
    # Algorithm: al-Khwārizmī's "c. 780-850" is in the second paragraph
    text = (
        "An '''algorithm''' ({{IPAc-en|ˈ|æ|l|ɡ|ə|r|ɪ|ð|əm}}) is a self-contained step-by-step set of operations.\n\n"
        "The words 'algorithm' and '[[algorism]]' come from the name al-Khwārizmī. [[Al-Khwārizmī]] "
        "({{lang-fa|خوارزمی}}, c. 780-850) was a [[Persian people|Persian]] mathematician.\n"
    )
    assert kind_and_evidence(text, "Algorithm") == ("other", [])


def test_a_bracket_after_the_sentence_has_begun_is_not_the_subjects() -> None:
    # Tiervete (Latgalian): the writer's dates follow "... saisteibā ar A.Brigaderi"
    lead = "Niule Tiervete vairuok pazeistoma saisteibā ar A.Brigaderi (1861.—1933.) — literaruos puorsokys žanra."
    assert lead_clause(lead, "Tiervete") is None


def test_the_name_must_share_a_word_with_the_title() -> None:
    lead = "Anarchism (from Greek 1890) is a political philosophy."
    assert lead_clause(lead, "Anarchism") is not None
    assert lead_clause(lead, "Alabama") is None


def test_lead_dates_of_the_person_come_from_the_subject_bracket() -> None:
    text = "'''Ayn Rand''' (born Alisa Rosenbaum; February 2, 1905 – March 6, 1982) was a writer.\n"
    person = bioparse.parse(text, format="wikitext", title="Ayn Rand").person
    assert person is not None and person.birth is not None and person.birth.date is not None
    assert person.birth.date.iso == "1905-02-02"


# --- not one person -------------------------------------------------------------------------


def test_states_by_admission_make_no_office_and_no_person() -> None:
    # Alabama: a succession box of U.S. states by date of admission
    text = (
        "'''Alabama''' is a [[U.S. state|state]].\n"
        "{{s-start}}\n{{s-bef|before=[[Mississippi]]}}\n"
        "{{s-ttl|title=[[List of U.S. states by date of admission to the Union]]"
        "|years=Admitted on December 14, 1819 (22nd)}}\n{{s-aft|after=[[Illinois]]}}\n{{s-end}}\n"
    )
    article = bioparse.parse(text, format="wikitext", title="Alabama")
    assert article.person is None and article.kind == "other"
    forced = bioparse.extract.person.extract_person(read_wikitext(text, title="Alabama"), decided=True)
    assert forced is not None and forced.offices == []


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Redd Kross", "'''Redd Kross''' is an American rock band.\n[[Category:Musical groups established in 1978]]",
         "group"),
        ("Apollo", "{{Infobox deity\n| type = Greek\n| name = Apollo\n}}\n'''Apollo''' is one of the Olympian deities.",
         "fictional"),
        ("List of anthropologists", "This is a list of anthropologists.\n* [[Franz Boas]] (1858–1942)", "list"),
        ("Austin (disambiguation)", "'''Austin''' may refer to:\n* [[Austin, Texas]]\n{{disambiguation}}",
         "disambiguation"),
    ],
)
def test_pages_about_people_but_not_one_person(title: str, text: str, kind: str) -> None:
    article = bioparse.parse(text, format="wikitext", title=title)
    assert article.kind == kind
    assert article.person is None


def test_a_births_category_outweighs_a_families_category() -> None:
    # Angela Merkel is in "Ministers for children, young people and families"
    text = "Text.\n[[Category:1954 births]]\n[[Category:Ministers for children, young people and families]]\n"
    assert kind_and_evidence(text, "Angela Merkel")[0] == "person"


def test_redirects_have_no_kind() -> None:
    article = bioparse.parse("#REDIRECT [[Angela Merkel]]\n[[Category:1954 births]]", format="wikitext")
    assert article.kind is None and article.person is None


def test_classify_on_an_empty_document_is_other() -> None:
    assert classify(read_wikitext("")).kind == "other"


# --- the labelled set -----------------------------------------------------------------------


@pytest.mark.skipif(not (LABELLED / "labels.tsv").is_file(), reason="labelled set not in fixtures/biography")
def test_precision_and_recall_on_the_labelled_set() -> None:
    with gzip.open(LABELLED / "pages.jsonl.gz", "rt", encoding="utf-8") as fh:
        pages = {p["id"]: p for p in map(json.loads, fh)}
    with open(LABELLED / "labels.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    tp = fp = fn = 0
    for row in rows:
        page = pages[row["id"]]
        predicted = bioparse.parse(page["wikitext"], format="wikitext", title=page["title"]).person is not None
        actual = row["label"] == "person"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"labelled set: {len(rows)} pages, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.99
    assert recall >= 0.98
