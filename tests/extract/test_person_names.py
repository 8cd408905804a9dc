"""Name cleaning in other languages: academic titles, degrees after a comma, nicknames in brackets.
Each name is copied from a fixture's infobox; the clean name is read from the article by hand."""

from __future__ import annotations

import pytest

from bioparse.extract.person import clean_name


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # vaclav_havel__cs__hqproductreviews.com.txt: Master of Arts before, honours and honoris causa after
        ("MgA. Václav Havel, GCB, dr. h. c. mult.", "Václav Havel"),
        # abdurrahman_wahid__id__m.wiki-indonesia.club.txt: "Gus Dur" is his nickname
        ("Abdurrahman Wahid (Gus Dur)", "Abdurrahman Wahid"),
        # a comma inside a name stays when what follows is no degree
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
        ("Joseph Robinette Biden Jr.", "Joseph Robinette Biden Jr."),
    ],
)
def test_clean_name_other_languages(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_a_name_that_is_only_a_title_is_kept() -> None:
    assert clean_name("Prof.") == "Prof."
