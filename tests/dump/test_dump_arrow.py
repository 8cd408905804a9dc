"""The Arrow schema is derived from the model and round-trips records."""

from __future__ import annotations

import dataclasses

import pyarrow as pa

from bioparse import model
from bioparse.dump.arrow import arrow_schema, records_to_table, table_to_records
from bioparse.model import Article, Date, Event, Infobox, InfoboxRow, Office, Person, to_dict


def test_schema_has_every_article_field() -> None:
    schema = arrow_schema()
    assert schema.names == [f.name for f in dataclasses.fields(model.Article)]
    assert schema.field("meta").type == pa.map_(pa.string(), pa.string())
    assert schema.field("categories").type == pa.list_(pa.string())
    person = schema.field("person").type
    assert pa.types.is_struct(person)
    birth = person.field("birth").type
    date = birth.field("date").type
    assert [date.field(i).name for i in range(date.num_fields)] == [f.name for f in dataclasses.fields(Date)]
    office = person.field("offices").type.value_type
    assert office.field("serving_with").type == pa.map_(pa.string(), pa.string())
    assert schema.field("title").nullable and not schema.field("is_redirect").nullable


def test_round_trip() -> None:
    article = Article(
        title="Rafael Correa",
        source_format="wikitext",
        person=Person(
            name="Rafael Correa",
            birth=Event(date=Date(iso="1963-04-06", precision="day", text="6 April 1963"), place="Guayaquil"),
            offices=[Office(title="President of Ecuador", serving_with={"Vice President": "Lenín Moreno"})],
        ),
        infoboxes=[Infobox(name="Infobox officeholder", rows=[InfoboxRow(label="Born", value="6 April 1963", key="birth")])],
        meta={"page_id": "1"},
    )
    records = [to_dict(article), to_dict(Article(title=None, source_format="html", error="boom"))]
    table = records_to_table(records)
    assert table.num_rows == 2
    assert table_to_records(table) == records
