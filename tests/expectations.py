"""Comparing parsed articles with expectations written by reading the source.

Shared by the corpus tests of every format (``tests/readers/test_*_corpus.py``)
so that text, wikitext and HTML are held to the same rules:

* ``offices`` lists the *infobox* offices in display order (one entry per
  term); succession-box offices are not counted.  With ``offices_complete``
  false the source is truncated and the list is a prefix of what the parser
  must find.
* An office ``title`` of null means the source shows no title for it (not
  checked); every other null means "the source does not say", and the parser
  must not invent a value.
* ``serving_with`` is a subset check (roles compared case-insensitively);
  ``sections`` are the headings of level >= 1 in order; ``references`` is the
  number of entries of the references list.
* Names and places are compared after normalizing whitespace only.  A
  predecessor or successor is the name alone: a placeholder the source shows
  ("Position established") is null with ``established`` / ``abolished``
  true, and a note beside the name ("(acting)", "as President") may be
  checked as ``predecessor_qualifier`` / ``successor_qualifier``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bioparse.model import Article, Date, Event, Office


def norm(value: str | None) -> str | None:
    """Whitespace-normalized text, so line wraps in the source do not matter."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", value).strip()


def iso(date: Date | None) -> str | None:
    return None if date is None else date.iso


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_event(stem: str, what: str, got: Event | None, want: dict[str, Any] | None) -> list[str]:
    """Differences between a parsed birth/death and the expected one."""
    errors: list[str] = []
    got_date = iso(got.date) if got is not None else None
    got_place = norm(got.place) if got is not None else None
    want_date = want["date"] if want is not None else None
    want_place = norm(want["place"]) if want is not None else None
    if got_date != want_date:
        errors.append(f"{stem}: {what}.date: got {got_date!r}, want {want_date!r}")
    if got_place != want_place:
        errors.append(f"{stem}: {what}.place: got {got_place!r}, want {want_place!r}")
    if want is not None and "julian" in want:
        # the Old Style day the page gives beside the New Style one ("[O.S. February 11, 1731]")
        got_julian = got.date.julian_iso if got is not None and got.date is not None else None
        if got_julian != want["julian"]:
            errors.append(f"{stem}: {what}.julian: got {got_julian!r}, want {want['julian']!r}")
    return errors


def check_office(stem: str, index: int, got: Office, want: dict[str, Any]) -> list[str]:
    """Differences between one parsed office and the expected one."""
    label = f"{stem}: office #{index} ({want['title'] or '<untitled>'})"
    errors: list[str] = []
    fields: list[tuple[str, Any, Any]] = [
        ("ordinal", got.ordinal, want["ordinal"]),
        ("start", iso(got.start), want["start"]),
        ("end", iso(got.end), want["end"]),
        ("predecessor", norm(got.predecessor), norm(want["predecessor"])),
        ("successor", norm(got.successor), norm(want["successor"])),
        ("incumbent", got.incumbent, want["incumbent"]),
        ("acting", got.acting, want["acting"]),
    ]
    if want["title"] is not None:
        fields.insert(0, ("title", norm(got.title), norm(want["title"])))
    # optional: placeholder flags and the notes split off predecessor/successor names
    for name in ("established", "abolished", "predecessor_qualifier", "successor_qualifier"):
        if name in want:
            fields.append((name, getattr(got, name), want[name]))
    for name, got_value, want_value in fields:
        if got_value != want_value:
            errors.append(f"{label}.{name}: got {got_value!r}, want {want_value!r}")
    got_with = {norm(role.lower()): norm(person) for role, person in got.serving_with.items()}
    for role, person in want.get("serving_with", {}).items():
        key = norm(role.lower())
        if got_with.get(key) != norm(person):
            errors.append(f"{label}.serving_with[{role!r}]: got {got_with.get(key)!r}, want {person!r} (all: {got.serving_with!r})")
    return errors


def check_article(stem: str, article: Article, want: dict[str, Any], *, check_title: bool = False) -> list[str]:
    errors: list[str] = []
    person = article.person
    assert person is not None, f"{stem}: no person (warnings: {article.warnings})"
    if check_title and want.get("title") is not None and article.title != want["title"]:
        errors.append(f"{stem}: title: got {article.title!r}, want {want['title']!r}")
    if norm(person.name) != norm(want["name"]):
        errors.append(f"{stem}: name: got {person.name!r}, want {want['name']!r}")
    if "full_name" in want and norm(person.full_name) != norm(want["full_name"]):
        errors.append(f"{stem}: full_name: got {person.full_name!r}, want {want['full_name']!r}")
    errors += check_event(stem, "birth", person.birth, want["birth"])
    errors += check_event(stem, "death", person.death, want["death"])

    got_offices = [o for o in person.offices if o.source == "infobox"]
    want_offices = want["offices"]
    if want["offices_complete"]:
        if len(got_offices) != len(want_offices):
            errors.append(
                f"{stem}: {len(got_offices)} infobox offices, want {len(want_offices)}: "
                f"got titles {[o.title for o in got_offices]}"
            )
    elif len(got_offices) < len(want_offices):
        errors.append(
            f"{stem}: {len(got_offices)} infobox offices, want at least {len(want_offices)}: "
            f"got titles {[o.title for o in got_offices]}"
        )
    for index, (got_office, want_office) in enumerate(zip(got_offices, want_offices)):
        errors += check_office(stem, index, got_office, want_office)

    if "sections" in want:
        got_sections = [norm(s.title) for s in article.sections if s.level >= 1]
        if got_sections != [norm(t) for t in want["sections"]]:
            errors.append(f"{stem}: sections: got {got_sections!r}, want {want['sections']!r}")
    if "references" in want and len(article.references) != want["references"]:
        errors.append(f"{stem}: references: got {len(article.references)}, want {want['references']}")
    return errors


def check_expected_files(expected: list[Path]) -> None:
    """Catch typos in the hand-written expectations before they mislead a run."""
    date_re = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
    for path in expected:
        data = load(path)
        for key in ("name", "birth", "death", "offices", "offices_complete", "notes"):
            assert key in data, f"{path.name}: missing {key!r}"
        for key in ("birth", "death"):
            event = data[key]
            if event is not None:
                assert set(event) in ({"date", "place"}, {"date", "place", "julian"}), f"{path.name}: {key} keys"
                assert event["date"] is None or date_re.match(event["date"]), f"{path.name}: {key}.date"
                assert event.get("julian") is None or date_re.match(event["julian"]), f"{path.name}: {key}.julian"
        for i, office in enumerate(data["offices"]):
            for key in ("title", "ordinal", "start", "end", "predecessor", "successor", "incumbent", "acting"):
                assert key in office, f"{path.name}: office {i} missing {key!r}"
            for key in ("start", "end"):
                assert office[key] is None or date_re.match(office[key]), f"{path.name}: office {i} {key}"
            if office["incumbent"]:
                assert office["end"] is None, f"{path.name}: office {i} incumbent with an end"
