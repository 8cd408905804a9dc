"""Infobox parameters leaked into plain text, in any language (:mod:`bioparse.readers.params`)."""

from __future__ import annotations

from bioparse.readers.params import params_infobox, split_template_params


def test_localized_template_and_keys_are_split() -> None:
    name, pairs, _end = split_template_params(
        "{ Ficha de político | nombre = Eduardo Dato | cargo = Presidente del Consejo de Ministros"
        " | inicio = 1913 | predecesor = Álvaro de Figueroa | sucesor = Álvaro de Figueroa ))")
    assert name == "Ficha de político"
    assert [k for k, _v in pairs] == ["nombre", "cargo", "inicio", "predecesor", "sucesor"]


def test_localized_leaked_infobox_keeps_its_name_and_reads_offices() -> None:
    box, used = params_infobox([
        "{ Ficha de político | nombre = Eduardo Dato | cargo = Presidente del Consejo de Ministros"
        " | inicio = 1913 | predecesor = Álvaro de Figueroa | sucesor = Álvaro de Figueroa ))",
        "Eduardo Dato e Iradier fue un político español.",
    ])
    assert box is not None and box.name == "Ficha de político"
    assert used == {0}
    keys = [(r.key, r.value) for r in box.rows if r.key]
    assert ("office", "Presidente del Consejo de Ministros") in keys
    assert ("predecessor", "Álvaro de Figueroa") in keys
    assert ("name", "Eduardo Dato") in keys


def test_bare_english_redirect_implies_its_office() -> None:
    box, _used = params_infobox(["{ president | order = 42nd | term_start = 2005 | predecessor = X ))"])
    assert box is not None
    assert [(r.key, r.value) for r in box.rows][:2] == [("office", "President"), ("ordinal", "42nd")]
