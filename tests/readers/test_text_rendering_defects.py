"""Rendering defects of mirror pages (issue 12): captions, furniture and template errors are
neither the person's name nor a value.  Expectations are read from the fixture text by hand."""

from __future__ import annotations

from pathlib import Path

import bioparse
from bioparse.readers.text import is_caption, read_text

I18N = Path(__file__).resolve().parents[2] / "fixtures" / "text_i18n"


def _read(name: str) -> str:
    return (I18N / name).read_text(encoding="utf-8")


def test_first_line_caption_is_not_the_name() -> None:
    # lines 1-2 of the page: '故總統' (the late President, a caption) then '李登輝'
    article = bioparse.parse(_read("lee_teng_hui__zh__zh-wiki.info.txt"), format="text")
    assert article.person is not None
    assert article.person.name == "李登輝"


def test_portrait_caption_and_file_name_are_no_rows() -> None:
    # '總統李登輝先生玉照 (國民大會實錄).jpg' and '總統官方肖像' (presidential official portrait)
    # begin with the label '總統' (President) but describe the picture
    doc = read_text(_read("lee_teng_hui__zh__zh-wiki.info.txt"))
    values = [row.value for box in doc.infoboxes for row in box.rows]
    assert not any("肖像" in value or value.endswith(".jpg") for value in values)
    article = bioparse.parse(_read("lee_teng_hui__zh__zh-wiki.info.txt"), format="text")
    assert article.person is not None
    # the first office's deputy row keeps its value: '副总统李元簇 連戰'
    assert "李元簇" in (article.person.offices[0].serving_with or {}).get("副总统", "")


def test_translated_image_caption_is_no_header() -> None:
    # line 4: '(Turgut Özal) Felipe González ruft ... 15. September 1989 (beschnitten).jpeg'
    doc = read_text(_read("turgut_ozal__de__de.xcv.wiki.txt"))
    rows = doc.infoboxes[0].rows
    assert not any("Felipe González" in row.value for row in rows)
    assert [row.value for row in rows[:2]] == ["Turgut Özal", "8. Präsident der Türkei"]


def test_is_caption() -> None:
    assert is_caption("Official portrait, 2009")
    assert is_caption("總統官方肖像")
    assert is_caption("Taiwan Province Government emblem.svg")
    assert not is_caption("Taiwan Province Government emblem.svg 第11任臺灣省政府主席")
    assert not is_caption("President of the Senate")


def test_site_banner_is_no_row() -> None:
    # line 3: 'Aller à la navigation Aller à la recherche', the site's skip links (lang/data/fr)
    doc = read_text(_read("nicolas_sarkozy__fr__fr.wiki34.com.txt"))
    rows = doc.infoboxes[0].rows
    assert not any("Aller à la" in row.value for row in rows)
    assert rows[0].key == "name" and rows[0].value == "Nicolas Sarkozy"
    # file names ('Armoires république française.svg') are no office titles
    assert not any(row.value.endswith((".svg", ".jpg")) for row in rows)


def test_caption_with_the_pictures_year_is_not_the_name() -> None:
    # the caption shape of the de Helmut Schmidt page ('Helmut Schmidt (1969)') above an infobox
    text = (
        "Jane Doe\nJane Doe (1969)\nMinister of Fish\nIn office\n1 May 2000 – 2 May 2001\n"
        "Preceded byJohn Roe\nPersonal details\nBorn\n3 March 1940\n"
    )
    article = bioparse.parse(text, format="text")
    assert article.person is not None
    assert article.person.name == "Jane Doe"
