"""The lead sentence as a source of name, birth and death, in many languages."""

from __future__ import annotations

import pytest

import bioparse
from bioparse.extract.lead import read_lead

# (lead, title, name, birth (iso, place), death (iso, place)); shapes from real leads
CASES = [
    ("Joe Smith (born March 4, 1931, in Boston, Massachusetts) is an American lawyer.", "Joe Smith",
     "Joe Smith", ("1931-03-04", "Boston, Massachusetts"), None),
    ("Mario Rossi (Roma, 12 marzo 1950) è un politico italiano.", "Mario Rossi",
     "Mario Rossi", ("1950-03-12", "Roma"), None),
    ("Hans Müller (* 3. Mai 1920 in Köln; † 5. Juni 1990 in Bonn) war ein deutscher Politiker.", "Hans Müller",
     "Hans Müller", ("1920-05-03", "Köln"), ("1990-06-05", "Bonn")),
    ("Jean Dupont, né le 2 avril 1948 à Lyon, est un homme politique français.", "Jean Dupont",
     "Jean Dupont", ("1948-04-02", "Lyon"), None),
    ("Juan Pérez (Madrid, 1 de enero de 1900 - Sevilla, 2 de febrero de 1980) fue un político.", "Juan Pérez",
     "Juan Pérez", ("1900-01-01", "Madrid"), ("1980-02-02", "Sevilla")),
    ("山田太郎（1950年3月12日 - 2010年5月1日）は、日本の政治家。", "山田太郎",
     "山田太郎", ("1950-03-12", None), ("2010-05-01", None)),
    ("Bülent Ecevit (ur. 28 maja 1925 w Stambule, zm. 5 listopada 2006 w Ankarze) – turecki polityk.", "Bülent Ecevit",
     "Bülent Ecevit", ("1925-05-28", "Stambule"), ("2006-11-05", "Ankarze")),
    ("Sven Olof Joachim Palme (Stockholm, 30 januari 1927 – aldaar, 28 februari 1986) was een Zweeds politicus.", "Olof Palme",
     "Sven Olof Joachim Palme", ("1927-01-30", "Stockholm"), ("1986-02-28", "Stockholm")),
    ("Léon Victor Auguste Bourgeois, né à Paris le 21 mai 1851 et mort au château d’Oger (Marne) le 29 septembre 1925, est un homme politique français.",
     "Léon Bourgeois", "Léon Victor Auguste Bourgeois", ("1851-05-21", "Paris"), ("1925-09-29", "château d’Oger (Marne)")),
    ("Eduardo Dato e Iradier (La Coruña, 12 de agosto de 1856-Madrid, 8 de marzo de 1921) fue un abogado.", "Eduardo Dato",
     "Eduardo Dato e Iradier", ("1856-08-12", "La Coruña"), ("1921-03-08", "Madrid")),
    ("Juscelino Kubitschek de Oliveira (Diamantina, 12 de setembro de 1902Resende, 22 de agosto de 1976), também conhecido como JK.",
     "Juscelino Kubitschek", "Juscelino Kubitschek de Oliveira", ("1902-09-12", "Diamantina"), ("1976-08-22", "Resende")),
    ("Mátyás Szűrös n. 11 septembrie 1933 în Püspökladány, politician a servit ca preşedinte provizional.", "Mátyás Szűrös",
     None, ("1933-09-11", "Püspökladány"), None),
    ("Mauno Henrik Koivisto (s. 25. marraskuuta 1923 Turku) on Suomen yhdeksäs presidentti.", "Mauno Koivisto",
     "Mauno Henrik Koivisto", ("1923-11-25", "Turku"), None),
    # Raymond Beaudet (frwiki): an open range after a place written without a comma
    ("Raymond Beaudet (Québec 1950 - ) est un écrivain et scénariste québécois.", "Raymond Beaudet",
     "Raymond Beaudet", ("1950", "Québec"), None),
    # Andris Bierzeņš (ltgwiki): the native name, then the birth year alone
    ("Andris Bierzeņš (latvīšu: Andris Bērziņš; 1944) — latvīšu baņkirs i politiks.", "Andris Bierzeņš",
     "Andris Bierzeņš", ("1944", None), None),
    # 성재기 (lead of femiwiki.com, the Korean-wiki shape): dates written year first, day last
    ("성재기(1967년 8월 8일~ 2013년 7월 26일)는 남성운동가이자 기업인이다.", "성재기",
     None, ("1967-08-08", None), ("2013-07-26", None)),
    # Sung Jae-gi (ltgwiki, dumpster-dive smallwiki dump): "nūmyrs" (died) in a second clause
    ("Sung Jae-gi(Koreja:성재기;成在基, pīdzims 1967 godā September 11 - nūmyrs 2013 godā July 26) - "
     "Dienvidkorejas politiks.", "Sung Jae-gi", "Sung Jae-gi", ("1967-09-11", None), ("2013-07-26", None)),
    # Anibals Kavaku Silva (ltgwiki): "dzims" (born)
    ("Anibals Kavaku Silva (portugalīšu: Aníbal Cavaco Silva; dzims 1939) — portugalīšu politiks.",
     "Anibals Kavaku Silva", "Anibals Kavaku Silva", ("1939", None), None),
]


@pytest.mark.parametrize("lead,title,name,birth,death", CASES, ids=[c[1] for c in CASES])
def test_read_lead(lead: str, title: str, name: str | None, birth: tuple | None, death: tuple | None) -> None:
    facts = read_lead(lead, title)
    assert facts.name == name
    got_birth = None if facts.birth is None else (facts.birth.date and facts.birth.date.iso, facts.birth.place)
    got_death = None if facts.death is None else (facts.death.date and facts.death.date.iso, facts.death.place)
    assert got_birth == birth
    assert got_death == death


def test_a_caption_is_not_the_subjects_bracket() -> None:
    """"Helmut Schmidt (1969)" under a portrait: the year is the photo's."""
    facts = read_lead("Helmut Schmidt (1969)\nHelmut Schmidt (* 23. Dezember 1918 in Hamburg) ist ein Politiker.", "Helmut Schmidt")
    assert facts.birth is not None and facts.birth.date is not None and facts.birth.date.iso == "1918-12-23"


def test_only_the_first_sentence_counts() -> None:
    """A bracket in a later sentence belongs to someone or something else."""
    facts = read_lead("Anna Berg ist eine Malerin. Ihr Vater Karl Berg (* 3. Mai 1920 in Köln) war Arzt.", "Anna Berg")
    assert facts.birth is None


def test_words_running_into_the_date_are_no_place() -> None:
    """"ولد في ثلاثة أوت 1903" ("born on three August 1903"): the words before the year are its date."""
    facts = read_lead("الحبيب بورقيبة ولد في ثلاثة أوت 1903 - توفي في ستة أفريل 2000 .أول رئيس", "الحبيب بورقيبة")
    assert facts.birth is None or facts.birth.place is None


def test_shared_era_applies_to_both_ends() -> None:
    facts = read_lead("Ashoka (c.304 – 232 BCE), popularly known as Ashoka the Great, was an emperor.", "Ashoka")
    assert facts.birth is not None and facts.birth.date is not None and facts.birth.date.iso == "-0303"
    assert facts.death is not None and facts.death.date is not None and facts.death.date.iso == "-0231"
    assert facts.birth.place is None and facts.death.place is None


def test_a_lone_full_date_is_not_a_birth() -> None:
    """A bracket holding only a day may date anything (a treaty, a battle); only a lone year is read."""
    # a constructed counter-example
    facts = read_lead("Daugava Treaty (German: Daugava-Vertrag; 12 March 1950) was signed in Riga.", "Daugava Treaty")
    assert facts.birth is None


def test_baptism_is_not_birth() -> None:
    """ولیم شیکسپیئر (urwiki): "(بپتسمہ 26 اپریل 1564؛ انتقال 23 اپریل 1616)": baptised 26 April 1564
    (not his birth), died (انتقال) 23 April 1616; the Urdu semicolon ends the clause."""
    facts = read_lead(
        "ولیم شیکسپیئر (بپتسمہ 26 اپریل 1564؛ انتقال 23 اپریل 1616) ایک انگریز مصنف اور شاعر تھا۔", "ولیم شیکسپیئر"
    )
    assert facts.birth is None
    assert facts.death is not None and facts.death.date is not None and facts.death.date.iso == "1616-04-23"


@pytest.mark.parametrize("text", ["", "(((((", "x (" * 500, "1234 " * 1000, "né " * 2000, "(* 1. 2. 3.)"])
def test_bad_input_never_crashes(text: str) -> None:
    read_lead(text, "X")
    read_lead(text, None)


def test_an_inflected_linked_place_is_given_as_its_page() -> None:
    """Aleksandr Borodin (plwiki): "w [[Sankt Petersburg|Petersburgu]]" (locative), died "tamże" (there);
    Abraham von Dohna (plwiki): "zm. [[1 maja]] [[1613]] r. we [[Wrocław]]iu" ("r." is the year's word)."""
    borodin = bioparse.parse(
        "'''Aleksandr Porfirjewicz Borodin''' (ur. [[12 listopada]] [31 października st.st.] [[1833]] w "
        "[[Sankt Petersburg|Petersburgu]], zm. [[27 lutego]] [15 lutego st.st] [[1887]] tamże) – "
        "[[chemia|chemik]] [[Rosja|rosyjski]], w wolnym czasie [[kompozytor]] i [[muzyk]].\n",
        format="wikitext", title="Aleksandr Borodin",
    )
    assert borodin.person is not None and borodin.person.birth is not None and borodin.person.death is not None
    assert borodin.person.birth.place == "Sankt Petersburg"
    assert borodin.person.death.place == "Sankt Petersburg"
    dohna = bioparse.parse(
        "'''Abraham von Dohna''' (ur. [[11 grudnia]] [[1561]]r., zm. [[1 maja]] [[1613]] r. we [[Wrocław]]iu) – "
        "władca [[Syców|sycowskiego]] [[wolne państwo stanowe|wolnego państwa stanowego]] od [[1592]]\n",
        format="wikitext", title="Abraham von Dohna",
    )
    assert dohna.person is not None and dohna.person.death is not None
    assert dohna.person.death.place == "Wrocław"


def test_a_place_the_page_name_contains_stays_as_written() -> None:
    """"[[Boston, Massachusetts|Boston]]": the place is written in full already, it is not an inflection."""
    facts = read_lead("Joe Smith (born March 4, 1931, in Boston) is an American lawyer.", "Joe Smith",
                      [("Boston", "Boston, Massachusetts")])
    assert facts.birth is not None and facts.birth.place == "Boston"


def test_a_lone_date_before_an_open_dash_is_a_birth() -> None:
    """zh {{bd|1959年|9月15日||}} renders '1959年9月15日－' for a living person (郝平, chinapedia mirror)."""
    facts = read_lead("郝平（1959年9月15日－），男，山东青岛人，中华人民共和国政治人物。", "郝平")
    assert facts.birth is not None and facts.birth.date is not None
    assert facts.birth.date.iso == "1959-09-15" and facts.death is None
    # without the open dash a lone full date may be anything's: no birth
    assert read_lead("郝平（1959年9月15日），男，山东青岛人。", "郝平").birth is None
