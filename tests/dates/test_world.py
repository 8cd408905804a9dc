"""parse_date / parse_range / split_event on the world's date shapes (issue 10, "Dates").

Expected values are what each string means to a reader of its language.
"""

from __future__ import annotations

import pytest

from bioparse.dates import clear_caches, fallback_calls, parse_date, parse_range, split_event


def _read(text: str) -> tuple[str, str] | None:
    date = parse_date(text)
    return None if date is None else (date.iso, date.precision)


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        # genitive month names and ordinal day forms
        ("12 января 1990 г.", "1990-01-12", "day"),
        ("19 listopada 1970", "1970-11-19", "day"),
        ("3. května 1920", "1920-05-03", "day"),
        ("1η Δεκεμβρίου 2006", "2006-12-01", "day"),
        ("12 ιουνίου 2008", "2008-06-12", "day"),
        ("12 травня 1950", "1950-05-12", "day"),
        ("1er janvier 1900", "1900-01-01", "day"),
        ("1º de maio de 1950", "1950-05-01", "day"),
        ("3. Mai 1920", "1920-05-03", "day"),
        ("den 1:a maj 1920", "1920-05-01", "day"),
        ("1e januari 1900", "1900-01-01", "day"),
        ("1990. május 1.", "1990-05-01", "day"),
        ("1 de enero de 1900", "1900-01-01", "day"),
        ("15 agosto 1769", "1769-08-15", "day"),
        ("5 Mayıs 1920", "1920-05-05", "day"),
        ("20 مايو 1990", "1990-05-20", "day"),
        ("20 أيار 1990", "1990-05-20", "day"),
        ("٢٠ مايو ١٩٩٠", "1990-05-20", "day"),
        ("septiembre de 1936", "1936-09", "month"),
        ("σεπτέμβριος 2007", "2007-09", "month"),
        # CJK with era markers, regnal eras, Korean
        ("1959年9月15日", "1959-09-15", "day"),
        ("1959年", "1959", "year"),
        ("公元前221年", "-0220", "year"),
        ("紀元前20年", "-0019", "year"),
        ("西暦2012年", "2012", "year"),
        ("昭和20年8月15日", "1945-08-15", "day"),
        ("1990년 5월 1일", "1990-05-01", "day"),
        # eras in other languages and scripts
        ("15 mars 44 av. J.-C.", "-0043-03-15", "day"),
        ("44 v. Chr.", "-0043", "year"),
        ("44 a. C.", "-0043", "year"),
        ("44 a.C.", "-0043", "year"),
        ("500 до н. э.", "-0499", "year"),
        ("20 π.Χ.", "-0019", "year"),
        ("300 μ.Χ.", "0300", "year"),
        ("100 ق.م", "-0099", "year"),
        ("500 ዓ.ዓ", "-0499", "year"),
        ("1000 p.n.e.", "-0999", "year"),
        ("480 f.Kr.", "-0479", "year"),
        ("480 MÖ", "-0479", "year"),
        # circa words
        ("vers 1500", "1500", "year"),
        ("около 1500", "1500", "year"),
        ("um 1500", "1500", "year"),
        ("1500年頃", "1500", "year"),
    ],
)
def test_world_dates(text: str, iso: str, precision: str) -> None:
    assert _read(text) == (iso, precision)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("20. Jahrhundert", "1901"),
        ("19. Jh.", "1801"),
        ("XXe siècle", "1901"),
        ("XVe s.", "1401"),
        ("siglo XX", "1901"),
        ("siglo V a. C.", "-0499"),
        ("XX secolo", "1901"),
        ("século XIX", "1801"),
        ("XIX век", "1801"),
        ("20. století", "1901"),
        ("V wiek p.n.e.", "-0499"),
        ("5e eeuw v.Chr.", "-0499"),
        ("14ος αιώνας", "1301"),
        ("20世紀", "1901"),
    ],
)
def test_world_centuries(text: str, iso: str) -> None:
    """A century in any language, Arabic or Roman numbered, with its era: iso is its first year."""
    assert _read(text) == (iso, "century")


@pytest.mark.parametrize("text", ["Louis XIV", "Section IV 1990", "10 s. later", "Pius XII"])
def test_roman_numerals_alone_are_not_centuries(text: str) -> None:
    date = parse_date(text)
    assert date is None or date.precision != "century"


@pytest.mark.parametrize("text", ["vers 1500", "около 1500", "um 1500", "1500年頃", "ca. 1500"])
def test_world_circa_is_marked(text: str) -> None:
    date = parse_date(text)
    assert date is not None and date.circa


def test_language_files_spare_dateparser() -> None:
    clear_caches()
    for text in ("12 января 1990", "1η δεκεμβρίου 2006", "5 Mayıs 1920", "1er mai 1920", "20 أيار 1990"):
        assert parse_date(text) is not None
    assert fallback_calls() == 0


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("2015/12/31", "2015-12-31", "day"),
        ("2015.12.31", "2015-12-31", "day"),
        ("2015 12 31", "2015-12-31", "day"),
        ("31-12-2015", "2015-12-31", "day"),
        ("31.12.2015", "2015-12-31", "day"),
        ("31. 12. 2015", "2015-12-31", "day"),
        ("31 12 2015", "2015-12-31", "day"),
        ("12/31/2015", "2015-12-31", "day"),
        ("03.04.1970", "1970-04-03", "day"),   # "." day first
        ("03/04/1970", "1970-03-04", "day"),   # "/" month first
        ("03-04-1970", "1970-04-03", "day"),   # "-" day first
        ("1/1999", "1999-01", "month"),
        ("12.1999", "1999-12", "month"),
        ("31 12 2015 BC", "-2014-12-31", "day"),
    ],
)
def test_all_numeric_shapes(text: str, iso: str, precision: str) -> None:
    assert _read(text) == (iso, precision)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("32-12-31", ("0032-12-31", "day")),  # only 32 can be the year: read as written
        ("31.12.32", ("0032-12-31", "day")),
        ("6 June 07", None),                  # no century guessed
        ("15 mars 44", None),
        ("10/10/10", None),                   # no part can only be a year
        ("07-24-07", None),
        ("32 2 1", None),                     # year found, month and day not told apart
        ("44", ("0044", "year")),             # the whole text: a year as written
        ("44 BC", ("-0043", "year")),
    ],
)
def test_two_digit_years(text: str, expected: tuple[str, str] | None) -> None:
    assert _read(text) == expected


def test_two_digit_year_after_a_full_year_in_a_range() -> None:
    rng = parse_range("1964–66")
    assert rng.end is not None and rng.end.iso == "1966"


@pytest.mark.parametrize(
    "text, start, end, open_ended",
    [
        ("del 1 de enero de 1990 al 5 de marzo de 1995", "1990-01-01", "1995-03-05", False),
        ("de 1990 a 1995", "1990", "1995", False),
        ("du 1er mai 1990 au 5 juin 1995", "1990-05-01", "1995-06-05", False),
        ("von 1990 bis 1995", "1990", "1995", False),
        ("vom 3. Mai 1990 bis 5. Juni 1995", "1990-05-03", "1995-06-05", False),
        ("dal 1990 al 1995", "1990", "1995", False),
        ("с 1990 по 1995", "1990", "1995", False),
        ("od 1990 do 1995", "1990", "1995", False),
        ("2016年12月－2018年10月", "2016-12", "2018-10", False),
        ("seit 2010", "2010", None, True),
        ("depuis 2010", "2010", None, True),
        ("2005 bis heute", "2005", None, True),
        ("1999 – présent", "1999", None, True),
        ("2010–actualidad", "2010", None, True),
        ("2012 – in carica", "2012", None, True),
        ("2022年6月－至今", "2022-06", None, True),
    ],
)
def test_world_ranges(text: str, start: str, end: str | None, open_ended: bool) -> None:
    rng = parse_range(text)
    assert rng.start is not None and rng.start.iso == start
    assert (rng.end.iso if rng.end else None) == end
    assert rng.open_ended is open_ended


def test_dash_template_rendered_between_years() -> None:
    """{{snd}} / {{ndash}} render as dashes; the range splits on them."""
    for text in ("1990 – 1995", "1990–1995", "1990 — 1995"):
        rng = parse_range(text)
        assert rng.start is not None and rng.end is not None
        assert (rng.start.iso, rng.end.iso) == ("1990", "1995")


@pytest.mark.parametrize(
    "text, iso, place, written",
    [
        ("3. Mai 1920 in Köln", "1920-05-03", "in Köln", "3. Mai 1920"),
        ("Madrid, 1 de enero de 1900", "1900-01-01", "Madrid", "1 de enero de 1900"),
        ("12 января 1950 г., Москва, СССР", "1950-01-12", "Москва, СССР", "12 января 1950 г."),
    ],
)
def test_world_events_keep_the_written_date(text: str, iso: str, place: str, written: str) -> None:
    event = split_event(text)
    assert event.date is not None and event.date.iso == iso
    assert event.place == place
    assert event.date.text == written
