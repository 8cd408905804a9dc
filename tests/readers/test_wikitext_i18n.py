"""Non-English wikitext: real articles against values checked by reading their source.

Each ``fixtures/wikitext_i18n/expected/<stem>.json`` was written by reading
``fixtures/wikitext_i18n/<stem>.wiki`` by hand (see its ``notes``), with the
conventions of :mod:`expectations`.  Two extra keys:

* ``succession_offices``: the offices of the page's succession boxes, in order.
* ``pending``: field -> the part of the work that will supply it (a value only
  the lead sentence states, a date shape the date data does not know yet).
  A pending field is still checked: while it differs the test is an expected
  failure, and once it matches the test fails until the entry is removed, so
  an expectation can never rot silently.

Field names in ``pending``: ``person`` (no person found at all), ``name``, ``birth.date``, ``birth.place``,
``death.date``, ``death.place``, ``office#N.<field>``, ``succession#N.<field>``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bioparse
from bioparse.readers.wikitext.infobox import is_infobox

from expectations import check_article, check_expected_files, check_office, load

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wikitext_i18n"
EXPECTED = sorted((FIXTURES / "expected").glob("*.json"))
_STEM_LANG = re.compile(r"__([a-z]{2,3})(?:wiki)?__")
_FIELD = re.compile(
    r"^\S+: (?:(name|full_name)|(birth|death)\.(date|place)"
    r"|office #(\d+) \([^)]*\)\.(\w+)|succession #(\d+) \([^)]*\)\.(\w+))(?=:)"
)


def _field(error: str) -> str:
    """The ``pending`` name of the field an error message is about ('' for whole-article errors)."""
    m = _FIELD.match(error)
    if not m:
        return ""
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return f"{m.group(2)}.{m.group(3)}"
    if m.group(4):
        return f"office#{m.group(4)}.{m.group(5)}"
    return f"succession#{m.group(6)}.{m.group(7)}"


def test_every_fixture_has_expectations() -> None:
    wikis = {p.stem for p in FIXTURES.glob("*.wiki")}
    expected = {p.stem for p in EXPECTED}
    assert wikis == expected, f"without expectations: {sorted(wikis - expected)}; orphans: {sorted(expected - wikis)}"
    assert len(expected) >= 20


def test_fixtures_cover_at_least_eight_languages() -> None:
    langs = {m.group(1) for p in EXPECTED if (m := _STEM_LANG.search(p.name))}
    assert len(langs - {"en"}) >= 8, sorted(langs)


def test_expected_files_are_well_formed() -> None:
    check_expected_files(EXPECTED)
    for path in EXPECTED:
        data = load(path)
        for field in data.get("pending", {}):
            assert re.match(r"^(?:person|name|(?:birth|death)\.(?:date|place)|(?:office|succession)#\d+\.\w+)$", field), \
                f"{path.name}: pending field {field!r}"


def _succession_errors(stem: str, article: bioparse.Article, want: list[dict[str, object]]) -> list[str]:
    got = [o for o in (article.person.offices if article.person else []) if o.source == "succession_box"]
    errors: list[str] = []
    if len(got) != len(want):
        errors.append(f"{stem}: {len(got)} succession offices, want {len(want)}: {[o.title for o in got]}")
    for i, (office, expected) in enumerate(zip(got, want)):
        errors += [e.replace(f"office #{i} (", f"succession #{i} (", 1) for e in check_office(stem, i, office, expected)]
    return errors


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_wikitext_i18n_fixture(path: Path) -> None:
    want = load(path)
    stem = path.stem
    article = bioparse.parse_file(FIXTURES / f"{stem}.wiki", format="wikitext", title=want["title"])
    pending = want.get("pending", {})
    if article.person is None and "person" in pending:
        pytest.xfail(f"pending: person ({pending['person']})")
    assert "person" not in pending or article.person is None, \
        f"{path.name}: a person is found now, remove 'person' from 'pending'"
    errors = check_article(stem, article, want)
    if "succession_offices" in want:
        errors += _succession_errors(stem, article, want["succession_offices"])
    blocking = [e for e in errors if _field(e) not in pending]
    assert not blocking, f"{len(blocking)} mismatch(es); see notes in {path.name}:\n  " + "\n  ".join(blocking)
    waiting = sorted({_field(e) for e in errors})
    done = sorted(set(pending) - set(waiting))
    assert not done, f"{path.name}: pending fields now read right, remove them from 'pending': {done}"
    if waiting:
        pytest.xfail("pending: " + "; ".join(f"{f} ({pending[f]})" for f in waiting))


@pytest.mark.parametrize("name", [
    "Infobox Politiker", "Infobox Politique", "Infobox Biographie2", "Ficha de persona", "Ficha de político",
    "Bio", "Carica pubblica", "Info/Político", "Infobox politicus", "Polityk infobox", "Государственный деятель",
    "Карточка политика", "Infobox - politik", "Makam sahibi bilgi kutusu", "基礎情報 政治家", "政治家",
    "Infobox officeholder", "艺人", "صندوق معلومات سياسي", "Πληροφορίες πολιτικού", "Infoskreine",
    "Informkesto sanktulo", "خانہ معلومات مصنف/عربی", "Письменник", "Inligtingskas Persoon",
])
def test_person_infoboxes_of_every_language_are_infoboxes(name: str) -> None:
    assert is_infobox(re.sub(r"[\s_]+", " ", name).strip().lower())


@pytest.mark.parametrize("name", ["Lang", "Cite web", "Commonscat", "Personendaten", "Normdaten", "Reflist"])
def test_other_templates_are_not_infoboxes(name: str) -> None:
    assert not is_infobox(name.lower())


# Link templates, with calls as found in the corpus (zh and ja Berlin articles, fr and en pages).
@pytest.mark.parametrize("call, text, target", [
    ("{{link-de|边境总督|Markgraf}}", "边境总督", "边境总督"),
    ("{{link-en|柏林技術與經濟應用科學大學|Hochschule für Technik und Wirtschaft Berlin}}",
     "柏林技術與經濟應用科學大學", "柏林技術與經濟應用科學大學"),
    ("{{仮リンク|ベルリン・ボン法|en|Berlin-Bonn Act}}", "ベルリン・ボン法", "ベルリン・ボン法"),
    ("{{仮リンク|ベルリン＝アードラースホーフ|label=アードラースホーフ|de|Berlin-Adlershof}}",
     "アードラースホーフ", "ベルリン＝アードラースホーフ"),
    ("{{tsl|en|Hochschule für Technik|柏林技術大學}}", "柏林技術大學", "柏林技術大學"),
    ("{{le|朗汉斯|Carl Gotthard Langhans}}", "朗汉斯", "朗汉斯"),
    ("{{Lien|Jean Dupont|lang=en|trad=John Dupont}}", "Jean Dupont", "Jean Dupont"),
    ("{{Lien|fr=Jean Dupont|lang=en|trad=John Dupont|texte=Dupont}}", "Dupont", "Jean Dupont"),
    ("{{ill|Karl Hannibal von Dohna|de|Karl Hannibal von Dohna}}", "Karl Hannibal von Dohna",
     "Karl Hannibal von Dohna"),
])
def test_link_templates_show_their_display_text(call: str, text: str, target: str) -> None:
    from bioparse.readers.wikitext import read_wikitext

    doc = read_wikitext("{{Infobox officeholder\n| predecessor = " + call + "\n| office = X\n| term_start = 1990\n}}")
    row = next(r for b in doc.infoboxes for r in b.rows if r.key == "predecessor")
    assert row.value == text
    assert row.links == [target]


def test_localized_office_slots_are_read_from_data() -> None:
    """fr Infobox Politique numbers its office parameters ("fonction1", "début fonction1")."""
    text = ("{{Infobox Politique\n| nom = Jacques Chaban-Delmas\n| fonction1 = Président de l'Assemblée nationale\n"
            "| début fonction1 = 2 avril 1986\n| fin fonction1 = 12 juin 1988\n| prédécesseur 1 = Louis Mermaz\n"
            "| successeur 1 = Laurent Fabius\n| fonction2 = Premier ministre\n| début fonction2 = 20 juin 1969\n"
            "| fin fonction2 = 5 juillet 1972\n| président 2 = Georges Pompidou\n| prédécesseur 2 = Maurice Couve de Murville\n"
            "| successeur 2 = Pierre Messmer\n| date de naissance = 7 mars 1915\n| lieu de naissance = Paris\n}}")
    article = bioparse.parse(text, format="wikitext", title="Jacques Chaban-Delmas")
    assert article.person is not None
    offices = [(o.title, o.predecessor, o.successor) for o in article.person.offices]
    assert offices == [("Président de l'Assemblée nationale", "Louis Mermaz", "Laurent Fabius"),
                       ("Premier ministre", "Maurice Couve de Murville", "Pierre Messmer")]
    assert article.person.offices[1].serving_with == {"Président": "Georges Pompidou"}
    assert article.person.birth is not None and article.person.birth.place == "Paris"


def test_sports_infobox_start_is_not_an_office() -> None:
    text = "{{Ficha de deportista\n| nombre = X\n| inicio = 14 de agosto de 2002\n| lugar nacimiento = Funchal\n}}"
    article = bioparse.parse(text, format="wikitext", title="X")
    assert article.person is not None and article.person.offices == []
