"""Date shapes of issue 10, part 5, each a real string from a fixture page.

Expected values are what each string means to a reader of its language
(the fixture named beside each case, under fixtures/text_i18n or
fixtures/wikitext_i18n).
"""

from __future__ import annotations

import pytest

from bioparse.dates import (
    current_language,
    is_present,
    parse_date,
    parse_range,
    split_event,
    wiki_language,
)
from bioparse.dates.lexicon import localize


def _read(text: str, lang: str | None = None) -> tuple[str, str] | None:
    date = parse_date(text, lang=lang)
    return None if date is None else (date.iso, date.precision)


def _span(text: str) -> tuple[str | None, str | None, bool]:
    rng = parse_range(text)
    return (rng.start.iso if rng.start else None, rng.end.iso if rng.end else None, rng.open_ended)


# ---------------------------------------------------------------- Vietnamese (vo_van_kiet__vi)


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("23 tháng 11 năm 1922", "1922-11-23", "day"),      # lead
        ("ngày 8 tháng 8 năm 1991", "1991-08-08", "day"),   # lead, "từ ngày 8 tháng 8 năm 1991"
        ("Tháng 3 năm 1988", "1988-03", "month"),           # infobox term
        ("23 tháng 111922", "1922-11-23", "day"),           # infobox, month glued to the year
        ("11 tháng 62008 (85 tuổi)", "2008-06-11", "day"),  # one-digit month glued to the year
        ("tháng 11 năm 1939", "1939-11", "month"),          # prose
        ("năm 1986", "1986", "year"),
        ("2 tháng mười hai năm 1945", "1945-12-02", "day"),  # month as a word (CLDR "tháng mười hai")
        ("tháng năm 1922", "1922-05", "month"),              # "tháng năm" is May, "năm" no year word here
    ],
)
def test_vietnamese(text: str, iso: str, precision: str) -> None:
    assert _read(text) == (iso, precision)


def test_vietnamese_words_without_a_number_stay() -> None:
    """"Cách mạng tháng Tám" (the August Revolution) holds no date."""
    assert localize("Sau Cách mạng tháng Tám, khi") == "Sau Cách mạng tháng Tám, khi"


def test_vietnamese_born_value_splits_date_and_place() -> None:
    event = split_event("23 tháng 111922\nTỉnh Cửu Long (nay là Vĩnh Long)")
    assert event.date is not None and event.date.iso == "1922-11-23"
    assert event.place == "Tỉnh Cửu Long (nay là Vĩnh Long)"


def test_vietnamese_term() -> None:
    assert _span("8 tháng 8 năm 1991 – 25 tháng 9 năm 1997") == ("1991-08-08", "1997-09-25", False)
    assert _span("Tháng 3 năm 1988 – Tháng 6 năm 1988") == ("1988-03", "1988-06", False)


# ---------------------------------------------------------------- Asturian (eduardo_frei_montalva__ast)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("16 de xineru de 1911", "1911-01-16"),
        ("Santiagu16 de xineru de 1911[1]", "1911-01-16"),  # the place glued to the day
        ("22 de xineru de 1982", "1982-01-22"),
        ("16 d'avientu de 1911", "1911-12-16"),             # "d'" before a vowel
    ],
)
def test_asturian(text: str, iso: str) -> None:
    assert _read(text) == (iso, "day")


def test_catalan_elided_joiner() -> None:
    """"d'agost": the elided "de" is a joiner like the full one."""
    assert _read("1 d'agost de 1990") == ("1990-08-01", "day")


def test_capital_before_the_day_is_no_glued_place() -> None:
    assert _read("B12 May 1990") == ("1990-05", "month")


# ---------------------------------------------------------------- Latgalian (dumpsterdive__ltg__*)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("1883.goda 10.dekabris / 28.novembris (v.stiļs)", "1883-12-10"),  # Andrejs Višinskis, lead
        ("1954.goda 22.novembris", "1954-11-22"),
        ("1940.goda 16.juņa", "1940-06-16"),
        ("2015. gada 28. rudiņa mieness", "2015-09-28"),  # the wiki's own signature dates
        ("2008. gada 5. maijā", "2008-05-05"),            # Latvian, same year-day-month order
    ],
)
def test_year_day_month(text: str, iso: str) -> None:
    assert _read(text) == (iso, "day")


def test_year_day_month_needs_the_year_dot() -> None:
    """"from 1883 10 December 1890": the day belongs to the date after it."""
    assert _read("from 1883 10 December 1890") == ("1890-12-10", "day")


def test_latgalian_present() -> None:
    assert _span("2008 — niule") == ("2008", None, True)


# ---------------------------------------------------------------- two dates, dash lost or odd


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("1988年1月13日-2000年5月20日", "1988-01-13", "2000-05-20"),  # lee_teng_hui__zh
        ("1er novembre 189522 avril 1896", "1895-11-01", "1896-04-22"),  # leon_bourgeois__fr
        ("20 Oktober 199923 Juli 2001", "1999-10-20", "2001-07-23"),  # abdurrahman_wahid__id
        ("25 يوليو 19577 نوفمبر 1987", "1957-07-25", "1987-11-07"),  # habib_bourguiba__ar (wikiwand)
        ("25 يوليو1957 –سبعة نوفمبر 1987", "1957-07-25", "1987-11-07"),  # (kachaf): day as a word
        ("1592- 1613", "1592", "1613"),  # sunflower__pl__Abraham_von_Dohna
        ("27 de octubre de 1913-9 de dic. de 1915", "1913-10-27", "1915-12-09"),  # eduardo_dato__es
        ("11 de junio-3 de noviembre de 1917", "1917-06-11", "1917-11-03"),
        ("5 de mayo de 1920-8 de marzo de 1921", "1920-05-05", "1921-03-08"),
    ],
)
def test_ranges(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end, False)


def test_glued_year_keeps_the_written_sides() -> None:
    rng = parse_range("1er novembre 189522 avril 1896")
    assert rng.start is not None and rng.end is not None
    assert (rng.start.text, rng.end.text) == ("1er novembre 1895", "22 avril 1896")


@pytest.mark.parametrize("text", ["123456 May 1990", "1234567 avril 1896", "population 189522 in 1896"])
def test_longer_numbers_are_never_split(text: str) -> None:
    rng = parse_range(text)
    assert rng.end is None


def test_glued_year_split_only_before_a_whole_date() -> None:
    """"189540 avril": no day 40, so no split."""
    assert parse_range("1er novembre 189540 avril 1896").end is None


def test_day_word_only_before_a_month() -> None:
    assert localize("سبعة نوفمبر 1987") == "7 November 1987"
    assert localize("سبعة رجال 1987") == "سبعة رجال 1987"


# ---------------------------------------------------------------- still in office


@pytest.mark.parametrize("text", ["nadal sprawuje urząd", "Incumbent", "至今", "niule", "(present)"])
def test_present_phrases(text: str) -> None:
    assert is_present(text)


@pytest.mark.parametrize("text", ["Lech Wałęsa", "nadal sprawuje urząd prezydenta Jan Kowalski", "", "2008"])
def test_names_are_not_present_phrases(text: str) -> None:
    assert not is_present(text)


# ---------------------------------------------------------------- a repeated date (edward_babiuch__ro)


def test_repeated_date_is_not_the_place() -> None:
    event = split_event("( 28 decembrie 1927 )28 decembrie 1927\nGrabocin , Voievodatul Kielce , Polonia")
    assert event.date is not None and event.date.iso == "1927-12-28"
    assert event.place == "Grabocin , Voievodatul Kielce , Polonia"


def test_other_date_after_the_date_is_kept() -> None:
    """Only the same date is skipped; a different one stays in the text after it."""
    event = split_event("12 May 1990 (13 May 1990) Paris")
    assert event.place == "Paris"
    assert event.date is not None and event.date.julian_iso == "1990-05-12"


# ---------------------------------------------------------------- the wiki's language


def test_wiki_language_sets_the_calendar_rule() -> None:
    """ruwiki writes dates before 1918-02-14 in the Julian calendar."""
    assert parse_date("5 мая 1799") is not None and parse_date("5 мая 1799").calendar == "gregorian"
    with wiki_language("ru"):
        assert current_language() == "ru"
        date = parse_date("5 мая 1799")
        assert date is not None and date.calendar == "julian"
        rng = parse_range("1900 – 1910")
        assert rng.start is not None and rng.start.calendar == "julian"
    assert current_language() is None


def test_explicit_language_wins_over_the_block() -> None:
    with wiki_language("ru"):
        date = parse_date("5 May 1799", lang="en")
    assert date is not None and date.calendar == "gregorian"


def test_wiki_language_picks_its_own_month_word() -> None:
    """"listopad": November in Polish and Czech, October in Croatian."""
    assert _read("1 listopad 1990") == ("1990-11-01", "day")
    assert _read("1 listopad 1990", lang="hr") == ("1990-10-01", "day")
    with wiki_language("hr"):
        event = split_event("1. listopad 1990., Zagreb")
    assert event.date is not None and event.date.iso == "1990-10-01"


def test_article_dates_follow_the_wiki_of_the_page() -> None:
    """A page whose metadata names ruwiki reads its pre-1918 dates as Julian; unnamed, as Gregorian."""
    from bioparse.extract.article import build_article
    from bioparse.readers.wikitext import read_wikitext

    text = ("{{Государственный деятель\n| Имя = Пётр\n| Дата рождения = 5 мая 1799\n"
            "| Место рождения = Москва\n}}\n'''Пётр''' — деятель.")
    plain = build_article(read_wikitext(text, title="Пётр"))
    doc = read_wikitext(text, title="Пётр")
    doc.meta["wiki"] = "ruwiki"
    russian = build_article(doc)
    assert plain.person is not None and russian.person is not None
    assert plain.person.birth is not None and russian.person.birth is not None
    assert plain.person.birth.date is not None and russian.person.birth.date is not None
    assert plain.person.birth.date.iso == russian.person.birth.date.iso == "1799-05-05"
    assert (plain.person.birth.date.calendar, russian.person.birth.date.calendar) == ("gregorian", "julian")
    assert current_language() is None  # the block ended with the article
