"""The wikitext reader's date templates, driven by lang/data/<code>/date_templates.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bioparse import lang
from bioparse.dates import parse_date
from bioparse.readers.wikitext import read_wikitext
from bioparse.readers.wikitext.render import Ctx
from bioparse.readers.wikitext.templates import HANDLERS, date_templates, install, looks_like_date

DATA = Path(lang.__file__).resolve().parent / "data"


def _date_of(source: str) -> tuple[str, str] | None:
    ctx = install(Ctx())
    date = parse_date(ctx.render(source))
    return None if date is None else (date.iso, date.precision)


@pytest.mark.parametrize(
    "source, iso, precision",
    [
        # fr: day | month (number or name) | year; death templates give the death first
        ("{{Date de naissance|21|septembre|1936}}", "1936-09-21", "day"),
        ("{{Date de décès|21|septembre|1936|11|novembre|1866}}", "1936-09-21", "day"),
        ("{{date|19|septembre|1996}}", "1996-09-19", "day"),
        ("{{date de naissance|17 11 1994}}", "1994-11-17", "day"),
        ("{{Date de naissance|1|1|-711}}", "-0710-01-01", "day"),  # 711 BC
        # es: year | month | day
        ("{{fecha de nacimiento|1946|6|14|edad=sí}}", "1946-06-14", "day"),
        ("{{fecha|27|7|1990}}", "1990-07-27", "day"),
        # pt: day | month | year
        ("{{dni|2|1|1950|idade}}", "1950-01-02", "day"),
        ("{{morte|11|6|2008|14|4|1924}}", "2008-06-11", "day"),
        # ja: birth first in the death template, so the death date is parameters 4-6
        ("{{生年月日と年齢|1950|1|2}}", "1950-01-02", "day"),
        ("{{死亡年月日と没年齢|1900|1|2|1980|3|4}}", "1980-03-04", "day"),
        # el: death first, like en
        ("{{ηθηλ|1996|03|18|1911|11|2}}", "1996-03-18", "day"),
        ("{{ηγη|1950|5|1}}", "1950-05-01", "day"),
        # zh {{bd}}: birth year | birth month-day | death year | death month-day
        ("{{bd|1959年|9月15日||catIdx=Hao}}", "1959-09-15", "day"),
        # ko, tr, ar: year | month | day
        ("{{출생일|1950|5|1}}", "1950-05-01", "day"),
        ("{{doğum tarihi ve yaşı|1950|5|1}}", "1950-05-01", "day"),
        ("{{تاريخ الميلاد والعمر|1950|5|1}}", "1950-05-01", "day"),
        # ru: day | month | year
        ("{{Дата рождения|12|4|1950}}", "1950-04-12", "day"),
        # en, unchanged
        ("{{birth date and age|1941|2|20}}", "1941-02-20", "day"),
        ("{{BirthDeathAge|B|1976|6|6|1990|8|8}}", "1976-06-06", "day"),
        ("{{BirthDeathAge| |1976| | |1990|8|8}}", "1990-08-08", "day"),
    ],
)
def test_date_templates(source: str, iso: str, precision: str) -> None:
    assert _date_of(source) == (iso, precision)


def test_zh_bd_gives_a_range_when_the_death_is_there() -> None:
    ctx = install(Ctx())
    assert ctx.render("{{bd|1900年|1月2日|1980年|3月4日}}") == "1900年1月2日－1980年3月4日"


def test_every_date_template_file_is_well_formed() -> None:
    shapes = {"ymd", "dmy", "year", "text", "dts", "old_style", "old_style_dy", "old_style_ny",
              "join_pairs", "birth_death_age"}
    files = sorted(DATA.glob("*/date_templates.json"))
    assert len(files) >= 15
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) <= {"templates", "date_words", "not_dates"}, path
        for spec in data["templates"]:
            assert spec["shape"] in shapes and spec["names"], path
            assert int(spec.get("first", 1)) >= 1


def test_handlers_come_from_the_data() -> None:
    handlers = date_templates()
    for name in ("birth date and age", "date de naissance", "生年月日と年齢", "ηθηλ", "fecha de nacimiento"):
        assert name in handlers and name in HANDLERS


def test_unknown_date_template_warns_and_shows_its_parts() -> None:
    doc = read_wikitext("{{Infobox person\n| birth_date = {{Geburtsdatum und Alter|1950|1|2}}\n}}\nText.")
    assert any("Geburtsdatum und Alter" in w for w in doc.warnings)
    value = doc.infoboxes[0].rows[0].value
    date = parse_date(value)
    assert date is not None and date.iso == "1950-01-02"


def test_unknown_date_template_in_prose_warns_once() -> None:
    doc = read_wikitext("Born {{fecha de bautismo|1|2|1700}} and {{fecha de bautismo|3|4|1701}}.")
    assert sum("fecha de bautismo" in w for w in doc.warnings) == 1


@pytest.mark.parametrize(
    "key, date_like",
    [
        ("geburtsdatum", True),
        ("data de nascimento", True),
        ("生年月日と年齢3", True),
        ("fecha de bautismo", True),
        ("use dmy dates", False),      # a formatting switch, listed in not_dates
        ("covid-19 data/algeria", False),  # "data" counts only at the start of a name
        ("infobox person", False),
        ("update", False),
        ("birth date and age", False),  # known: not "unknown"
    ],
)
def test_looks_like_date(key: str, date_like: bool) -> None:
    assert looks_like_date(key) is date_like


def test_known_and_unrelated_templates_do_not_warn() -> None:
    doc = read_wikitext("{{Use dmy dates|date=May 2020}}\n{{Infobox person\n| birth_date = {{birth date|1950|1|2}}\n}}")
    assert not any("date template" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "source, shown",
    [
        # zh {{bd}}: birth and death joined; a living person's call ends in an open dash
        ("{{bd|1959年|9月15日|2000年|1月1日}}", "1959年9月15日－2000年1月1日"),
        ("{{bd|1959年|9月15日||catIdx=Hao郝}}", "1959年9月15日－"),
        # zh {{BD}} is a page of its own (only the first letter's case is free): it prints brackets
        ("{{BD|1935年|11月|||catIdx=H郝}}", "（1935年11月－）"),
        ("{{bD|1935年|11月|||}}", "（1935年11月－）"),
        ("{{Bd|1935年|11月|||}}", "1935年11月－"),
    ],
)
def test_zh_birth_death_templates(source: str, shown: str) -> None:
    assert install(Ctx()).render(source) == shown
