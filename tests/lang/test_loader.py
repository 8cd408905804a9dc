from bioparse import lang


def test_english_is_a_language_and_aspects_load():
    assert "en" in lang.languages()
    assert "References" in lang.aspect("en", "sections")["references"]


def test_missing_aspect_is_empty():
    assert lang.aspect("en", "no-such-aspect") == {}
    assert lang.aspect("xx-none", "sections") == {}


def test_merged_lists_drop_duplicates():
    refs = lang.merged("sections", "references")
    assert refs.count("References") == 1
