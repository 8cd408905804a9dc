"""Typed read-back: ``Article.from_dict`` / ``bioparse.loads`` validate and stay derived from the hints."""

from __future__ import annotations

import copy
import typing
from pathlib import Path

import pytest

import bioparse
from bioparse import decode
from bioparse.jsonio import dumps
from bioparse.model import Article

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "wikitext" / "presidentthing__Dan_Quayle.wiki"


@pytest.fixture(scope="module")
def record() -> dict:
    return bioparse.parse_file(FIXTURE).to_dict()


def test_round_trip(record: dict) -> None:
    article = Article.from_dict(record)
    assert article.to_dict() == record
    assert bioparse.loads(dumps(article)) == article


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("person", "offices", 0, "ordinal"), "third", "$.person.offices[0].ordinal: expected integer or null, got 'third'"),
        (("source_format",), "banana", "$.source_format: expected 'text' or 'wikitext' or 'html', got 'banana'"),
        (("person", "birth", "date", "precision"), "week", "$.person.birth.date.precision"),
        (("person", "offices", 0, "incumbent"), "yes", "$.person.offices[0].incumbent: expected boolean"),
        (("person", "offices", 0, "serving_with"), {"President": 3}, "$.person.offices[0].serving_with['President']"),
        (("references",), {}, "$.references: expected array"),
        (("person", "spouse"), ["ok", None], "$.person.spouse[1]: expected string"),
        (("meta",), [], "$.meta: expected object"),
    ],
)
def test_wrong_type_names_its_path(record: dict, path: tuple, value: object, message: str) -> None:
    bad = copy.deepcopy(record)
    target = bad
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(bioparse.RecordError) as info:
        Article.from_dict(bad)
    assert str(info.value).startswith(message)


def test_booleans_are_not_integers(record: dict) -> None:
    bad = copy.deepcopy(record)
    bad["person"]["offices"][0]["ordinal"] = True
    with pytest.raises(bioparse.RecordError, match=r"ordinal"):
        Article.from_dict(bad)


def test_unknown_keys_ignored_and_absent_fields_defaulted(record: dict) -> None:
    newer = copy.deepcopy(record)
    newer["field_from_a_newer_version"] = {"x": 1}
    newer["person"]["offices"][0]["also_new"] = 3
    assert Article.from_dict(newer) == Article.from_dict(record)
    minimal = Article.from_dict({"source_format": "text"})
    assert minimal.title is None and minimal.sections == []
    with pytest.raises(bioparse.RecordError, match=r"\$\.person: missing required field 'name'"):
        Article.from_dict({"source_format": "text", "person": {}})


def test_type_hints_resolved_once_per_class(record: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    Article.from_dict(record)  # compiled
    calls = []
    real = typing.get_type_hints
    monkeypatch.setattr(typing, "get_type_hints", lambda *a, **k: calls.append(a) or real(*a, **k))
    for _ in range(3):
        Article.from_dict(record)
    assert calls == []


def test_decoders_follow_new_fields() -> None:
    """A dataclass the decoder has never seen is compiled from its hints (as new model fields are)."""
    from dataclasses import dataclass, field

    @dataclass
    class Extra:
        count: int
        tags: list[str] = field(default_factory=list)

    assert decode.decode(Extra, {"count": 2, "tags": ["a"]}) == Extra(2, ["a"])
    with pytest.raises(decode.RecordError, match=r"\$\.tags\[0\]"):
        decode.decode(Extra, {"count": 2, "tags": [1]})
