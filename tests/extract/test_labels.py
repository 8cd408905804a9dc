"""Rendered infobox labels are data: every language's labels.json, merged."""

from __future__ import annotations

from bioparse import lang
from bioparse.extract.labels import (
    KEYS,
    LABELS,
    RUN_TOGETHER_LABELS,
    SECTION_HEADERS,
    is_section_header,
    label_key,
)


def test_every_label_uses_the_canonical_vocabulary() -> None:
    for code, data in lang.table("labels").items():
        for label, key in data.get("labels", {}).items():
            assert key in KEYS, (code, label, key)


def test_languages_of_the_issue_have_labels() -> None:
    wanted = "en de fr es it pt nl pl ru sv cs tr ja zh ar el".split()
    assert set(wanted) <= set(lang.table("labels"))


def test_english_labels_moved_unchanged() -> None:
    assert label_key("Preceded by") == "predecessor"
    assert label_key("In office:") == "term"
    assert is_section_header("Personal details")
    assert "Preceded by" in RUN_TOGETHER_LABELS


def test_native_and_machine_translated_labels() -> None:
    """Labels seen on real renderings, native and machine-translated from English."""
    expected = {
        "Im Büro": "term", "Angenommenes Amt": "term", "Vorangegangen von": "predecessor",
        "Prédécesseur": "predecessor", "Predecesor": "predecessor", "Precedat de": "predecessor",
        "Preceduto da": "predecessor", "先行": "predecessor", "前任": "predecessor", "继任": "successor",
        "Företrädare": "predecessor", "Poprzednik": "predecessor", "Предшественник": "predecessor",
        "Önce gelen": "predecessor", "سبقه": "predecessor", "Προκάτοχος": "predecessor",
        "Görev süresi": "term", "在任期間": "term", "Tid i befattningen": "term", "Ve funkci:": "term",
        "Nacimiento": "birth", "Geboren": "birth", "Urodzony": "birth", "Рождение": "birth", "Γέννηση": "birth",
    }
    for label, key in expected.items():
        assert label_key(label) == key, label


def test_run_together_is_longest_first() -> None:
    lengths = [len(label) for label in RUN_TOGETHER_LABELS]
    assert lengths == sorted(lengths, reverse=True)


def test_collisions_keep_english_first() -> None:
    """A label in two languages keeps one meaning; English wins the merge."""
    assert LABELS["president"] == "serving_with"
    assert "personal details" in SECTION_HEADERS
