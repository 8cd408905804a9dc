"""The output contract: round trips, schema validity, stable names."""

from __future__ import annotations

import jsonschema
import orjson

from bioparse import Article, Date, Event, Office, Person, Reference, Section
from bioparse.jsonio import dumps, loads_article
from bioparse.model import InfoboxRow, Infobox
from bioparse.schema import json_schema


def _sample() -> Article:
    return Article(
        title="José Serrano (Ecuadorian politician)",
        source_format="text",
        person=Person(
            name="José Serrano",
            birth=Event(date=Date(iso="1970-11-19", precision="day", text="19 November 1970"), place="Cuenca, Ecuador"),
            offices=[
                Office(
                    title="President of the National Assembly",
                    ordinal=3,
                    start=Date(iso="2017-05-14", precision="day"),
                    serving_with={"President": "Rafael Correa"},
                )
            ],
        ),
        infobox=Infobox(rows=[InfoboxRow(label="Born", value="x", key="birth")]),
        sections=[Section(title="Early life", level=2, text="...", references=[1])],
        references=[Reference(number=1, text="t", cited=3, date=Date(iso="-0099", precision="year"))],
    )


def test_round_trip_is_exact() -> None:
    article = _sample()
    assert Article.from_dict(article.to_dict()) == article
    assert loads_article(dumps(article)) == article


def test_from_dict_ignores_unknown_fields() -> None:
    data = _sample().to_dict()
    data["added_later"] = 1
    data["person"]["nickname_v2"] = "x"
    assert Article.from_dict(data).person is not None


def test_output_validates_against_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(orjson.loads(dumps(_sample())), schema)
    jsonschema.validate(Article(title=None, source_format="html").to_dict(), schema)


def test_contract_names_are_present() -> None:
    """Downstream ETL depends on these names (docs/schema.md): never rename them."""
    defs = json_schema()["$defs"]
    contract = {
        "Article": {"title", "source_format", "person", "infobox", "sections", "references"},
        "Person": {"name", "full_name", "birth", "death", "offices"},
        "Office": {
            "title", "ordinal", "start", "end", "incumbent", "acting",
            "predecessor", "successor", "serving_with",
        },
        "Date": {"iso", "precision", "circa", "calendar", "text"},
        "Section": {"title", "level", "text"},
        "Reference": {"number", "title", "url", "date", "archive_date", "language", "cited", "text"},
        "Event": {"date", "place"},
    }
    for name, fields in contract.items():
        assert fields <= set(defs[name]["properties"]), name


def test_bc_year_property() -> None:
    assert Date(iso="-0099-07-12", precision="day").year == -99
    assert Date(iso="0000", precision="year").year == 0
    assert Date(iso="1970-11", precision="month").year == 1970


def test_native_json_equals_the_dict_view() -> None:
    """jsonio serialises dataclasses directly; it must be byte-identical to to_dict."""
    from bioparse.model import to_dict

    article = _sample()
    assert dumps(article) == orjson.dumps(to_dict(article))


def test_schema_allows_added_fields() -> None:
    """docs/schema.md promises fields may be added: a record from a newer version stays valid."""
    schema = json_schema()
    record = _sample().to_dict()
    record["added_later"] = {"x": 1}
    record["person"]["nickname_v2"] = "x"
    record["person"]["offices"][0]["also_new"] = [1, 2]
    record["person"]["birth"]["date"]["era_v2"] = "CE"
    jsonschema.validate(record, schema)
    assert all(d["additionalProperties"] is True for d in schema["$defs"].values())
    bad = _sample().to_dict()
    bad["person"]["offices"][0]["ordinal"] = "third"  # added members are free, known ones are typed
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_sparse_records_validate_once_read_back() -> None:
    """docs/schema.md: a sparse record leaves out required members; read back, it is whole again."""
    schema = jsonschema.Draft202012Validator(json_schema())
    sparse = dumps(_sample(), sparse=True)
    assert not schema.is_valid(orjson.loads(sparse))
    assert schema.is_valid(loads_article(sparse).to_dict())
