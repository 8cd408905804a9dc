"""A template error message is never a place or a value.

A mirror without a page's Lua modules prints, where the template's output
should be, the message MediaWiki's Scribunto extension defines
(``scribunto-common-nosuchmodule`` "Script error: No such module "$2".",
``scribunto-lua-error-location`` "Lua error $1: $2.", fr "Erreur de script : le
module « $2 » n’existe pas.", de "Skriptfehler: Ein solches Modul „$2“ ist
nicht vorhanden.", it "Errore script: nessun modulo "$2".", eswiki "Error en la
secuencia de órdenes ...").  No rendering holding one was found in the corpus
or the stored mirror pages, so the end-to-end case below is the real Julia
Gillard rendering (``fixtures/text/julia_gillard.txt``) with the message such a
mirror prints for ``{{Birth date and age}}`` in place of that template's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bioparse
from bioparse.extract.rendering import is_error, strip_errors

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "text" / "julia_gillard.txt"

MESSAGES = [
    'Script error: No such module "Birth date and age".',
    "Lua error in Module:Location_map at line 526: Unable to find the specified location map definition.",
    "Lua error in package.lua at line 80: module 'strict' not found.",
    "Erreur de script : le module « Wikidata » n’existe pas.",
    "Erreur Lua dans Module:Wikidata à la ligne 118 : attempt to index field 'wikibase' (a nil value).",
    "Error en la secuencia de órdenes: no existe el módulo «Wikidata».",
    "Error de Lua en Módulo:Wikidata en la línea 118: attempt to index field 'wikibase' (a nil value).",
    "Skriptfehler: Ein solches Modul „Wikidata“ ist nicht vorhanden.",
    'Errore script: nessun modulo "Wikidata".',
]


@pytest.mark.parametrize("message", MESSAGES)
def test_a_message_alone_is_nothing(message: str) -> None:
    assert is_error(message)
    assert strip_errors(message) == ""


@pytest.mark.parametrize("message", MESSAGES)
def test_the_place_after_a_message_stays(message: str) -> None:
    assert strip_errors(f"{message}\nBarry, United Kingdom") == "Barry, United Kingdom"
    assert strip_errors(f"29 September 1961 {message} Barry, Wales") == "29 September 1961 Barry, Wales"


def test_values_that_look_alike_stay() -> None:
    for value in ("Lualaba Province", "Script writer", "Madrid, España", "Errore di calcolo (film)"):
        assert strip_errors(value) == value and not is_error(value)


def test_a_rendering_with_the_message_gives_the_place_not_the_message() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    born = "Born (1961-09-29) 29 September 1961 (age 63)\n"
    assert born in text
    broken = text.replace(born, 'Born Script error: No such module "Birth date and age".\n', 1)
    person = bioparse.parse(broken, format="text").person
    assert person is not None and person.birth is not None
    assert person.birth.place == "Barry, United Kingdom"
    assert all("error" not in (o.title or "").lower() for o in person.offices)
