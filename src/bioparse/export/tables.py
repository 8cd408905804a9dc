"""``--to tables``: flat, typed Parquet tables for warehouses (see ``docs/etl.md``).

One directory, one Parquet file per table: ``pages``, ``people``, ``offices``,
``colleagues``, ``references`` and, only when asked, ``sections``.  Every row
carries the page key (``wiki``, ``page_id``, ``revision_id``, ``title``, and
``page_key`` which is never null); integers are integers; every date is
spread into ``*_iso``, ``*_precision``, ``*_calendar``, ``*_circa``,
``*_year`` and typed ``*_lower``/``*_upper`` DATE bounds.  Rows are written
in row groups as records stream in, never collected whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .dates import bounds, split_iso
from .wikis import page_id_of, revision_of, wiki_of

if TYPE_CHECKING:
    from .place import Place

KEY = [
    ("page_key", pa.string()),
    ("wiki", pa.string()),
    ("page_id", pa.int64()),
    ("revision_id", pa.int64()),
    ("title", pa.string()),
]


def _date_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [
        (f"{prefix}_iso", pa.string()),
        (f"{prefix}_precision", pa.string()),
        (f"{prefix}_calendar", pa.string()),
        (f"{prefix}_circa", pa.bool_()),
        (f"{prefix}_year", pa.int32()),
        (f"{prefix}_lower", pa.date32()),
        (f"{prefix}_upper", pa.date32()),
        (f"{prefix}_text", pa.string()),
        (f"{prefix}_julian_iso", pa.string()),
    ]


_STR_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "pages": pa.schema(
        KEY
        + [
            ("namespace", pa.int32()),
            ("timestamp", pa.timestamp("s", tz="UTC")),
            ("source", pa.string()),
            ("position", pa.int64()),
            ("source_format", pa.string()),
            ("wikidata_id", pa.string()),
            ("is_person", pa.bool_()),
            ("is_redirect", pa.bool_()),
            ("redirect_target", pa.string()),
            ("is_disambiguation", pa.bool_()),
            ("categories", _STR_LIST),
            ("warnings", _STR_LIST),
            ("error", pa.string()),
        ]
    ),
    "people": pa.schema(
        KEY
        + [
            ("wikidata_id", pa.string()),
            ("name", pa.string()),
            ("full_name", pa.string()),
            ("birth_name", pa.string()),
            *_date_fields("birth"),
            ("birth_place", pa.string()),
            ("birth_place_link", pa.string()),
            *_date_fields("death"),
            ("death_place", pa.string()),
            ("death_place_link", pa.string()),
            ("resting_place", pa.string()),
            ("nationality", pa.string()),
            ("party", pa.string()),
            ("children", pa.string()),
            ("spouse", _STR_LIST),
            ("alma_mater", _STR_LIST),
            ("occupation", _STR_LIST),
            ("awards", _STR_LIST),
            ("office_count", pa.int32()),
        ]
    ),
    "offices": pa.schema(
        KEY
        + [
            ("office_number", pa.int32()),
            ("office_title", pa.string()),
            ("office_title_link", pa.string()),
            ("ordinal", pa.int32()),
            *_date_fields("start"),
            *_date_fields("end"),
            ("incumbent", pa.bool_()),
            ("acting", pa.bool_()),
            ("predecessor", pa.string()),
            ("predecessor_link", pa.string()),
            ("successor", pa.string()),
            ("successor_link", pa.string()),
            ("constituency", pa.string()),
            ("source", pa.string()),
            ("term_text", pa.string()),
        ]
    ),
    "colleagues": pa.schema(
        KEY
        + [
            ("office_number", pa.int32()),
            ("colleague_number", pa.int32()),
            ("role", pa.string()),
            ("name", pa.string()),
            ("link", pa.string()),
        ]
    ),
    "references": pa.schema(
        KEY
        + [
            ("reference_number", pa.int32()),
            ("text", pa.string()),
            ("ref_title", pa.string()),
            ("url", pa.string()),
            *_date_fields("date"),
            ("archive_url", pa.string()),
            *_date_fields("archive_date"),
            *_date_fields("access_date"),
            ("language", pa.string()),
            ("cited", pa.int32()),
            ("publisher", pa.string()),
            ("work", pa.string()),
            ("authors", _STR_LIST),
            ("doi", pa.string()),
            ("isbn", pa.string()),
            ("name", pa.string()),
            ("ref_group", pa.string()),
            ("template", pa.string()),
        ]
    ),
    "sections": pa.schema(
        KEY
        + [
            ("section_number", pa.int32()),
            ("heading", pa.string()),
            ("level", pa.int32()),
            ("text", pa.string()),
            ("reference_numbers", pa.list_(pa.int32())),
            ("role", pa.string()),
        ]
    ),
}

TABLES = ("pages", "people", "offices", "colleagues", "references")


def page_key(record: dict[str, Any]) -> dict[str, Any]:
    """The key columns every row of a page carries."""
    wiki = wiki_of(record)
    page_id = page_id_of(record)
    title = record.get("title")
    db = wiki.dbname if wiki else None
    ident = str(page_id) if page_id is not None else f"title:{title or ''}"
    return {
        "page_key": f"{db}:{ident}" if db else ident,
        "wiki": db,
        "page_id": page_id,
        "revision_id": revision_of(record),
        "title": title,
    }


def date_columns(prefix: str, date: dict[str, Any] | None) -> dict[str, Any]:
    """``prefix_iso``, ``_precision``, ``_calendar``, ``_circa``, ``_year``, ``_lower``, ``_upper``, ..."""
    if not date:
        return {f"{prefix}_{name}": None for name in _DATE_PARTS}
    parts = split_iso(date.get("iso") or "")
    lower, upper = bounds(date)
    return {
        f"{prefix}_iso": date.get("iso"),
        f"{prefix}_precision": date.get("precision"),
        f"{prefix}_calendar": date.get("calendar"),
        f"{prefix}_circa": date.get("circa"),
        f"{prefix}_year": parts.year if parts else None,
        f"{prefix}_lower": lower,
        f"{prefix}_upper": upper,
        f"{prefix}_text": date.get("text"),
        f"{prefix}_julian_iso": date.get("julian_iso"),
    }


_DATE_PARTS = ("iso", "precision", "calendar", "circa", "year", "lower", "upper", "text", "julian_iso")


def _as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def colleagues_of(office: dict[str, Any]) -> list[dict[str, Any]]:
    """(role, name, link) of the people an office was held with.

    ``colleagues`` (with link targets) when the record has it, else the
    ``serving_with`` mapping (role -> name).
    """
    found = office.get("colleagues")
    out = []
    if isinstance(found, list) and found:
        for item in found:
            if isinstance(item, dict):
                out.append({
                    "role": item.get("role"),
                    "name": item.get("name") or item.get("person"),
                    "link": item.get("link") or item.get("name_link"),
                })
        return out
    for role, name in (office.get("serving_with") or {}).items():
        out.append({"role": role, "name": name, "link": None})
    return out


def rows_for(record: dict[str, Any], sections: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The rows one record contributes to each table."""
    key = page_key(record)
    meta = record.get("meta") or {}
    person = record.get("person")
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    out["pages"].append({
        **key,
        "namespace": _int_or_none(meta.get("namespace")),
        "timestamp": _timestamp(meta.get("timestamp") or meta.get("date_modified")),
        "source": meta.get("source"),
        "position": _int_or_none(meta.get("position")),
        "source_format": record.get("source_format"),
        "wikidata_id": record.get("wikidata_id"),
        "is_person": person is not None,
        "is_redirect": record.get("is_redirect"),
        "redirect_target": record.get("redirect_target"),
        "is_disambiguation": record.get("is_disambiguation"),
        "categories": record.get("categories") or [],
        "warnings": record.get("warnings") or [],
        "error": record.get("error"),
    })
    if person:
        birth = person.get("birth") or {}
        death = person.get("death") or {}
        offices = person.get("offices") or []
        out["people"].append({
            **key,
            "wikidata_id": record.get("wikidata_id"),
            "name": person.get("name"),
            "full_name": person.get("full_name"),
            "birth_name": person.get("birth_name"),
            **date_columns("birth", birth.get("date")),
            "birth_place": birth.get("place"),
            "birth_place_link": birth.get("place_link"),
            **date_columns("death", death.get("date")),
            "death_place": death.get("place"),
            "death_place_link": death.get("place_link"),
            "resting_place": person.get("resting_place"),
            "nationality": person.get("nationality"),
            "party": person.get("party"),
            "children": person.get("children"),
            "spouse": person.get("spouse") or [],
            "alma_mater": person.get("alma_mater") or [],
            "occupation": person.get("occupation") or [],
            "awards": person.get("awards") or [],
            "office_count": len(offices),
        })
        for number, office in enumerate(offices, 1):
            out["offices"].append({
                **key,
                "office_number": number,
                "office_title": office.get("title"),
                "office_title_link": office.get("title_link"),
                "ordinal": _as_int(office.get("ordinal")),
                **date_columns("start", office.get("start")),
                **date_columns("end", office.get("end")),
                "incumbent": office.get("incumbent"),
                "acting": office.get("acting"),
                "predecessor": office.get("predecessor"),
                "predecessor_link": office.get("predecessor_link"),
                "successor": office.get("successor"),
                "successor_link": office.get("successor_link"),
                "constituency": office.get("constituency"),
                "source": office.get("source"),
                "term_text": office.get("term_text"),
            })
            for c_number, colleague in enumerate(colleagues_of(office), 1):
                out["colleagues"].append({**key, "office_number": number, "colleague_number": c_number, **colleague})
    for ref in record.get("references") or []:
        out["references"].append({
            **key,
            "reference_number": _as_int(ref.get("number")),
            "text": ref.get("text"),
            "ref_title": ref.get("title"),
            "url": ref.get("url"),
            **date_columns("date", ref.get("date")),
            "archive_url": ref.get("archive_url"),
            **date_columns("archive_date", ref.get("archive_date")),
            **date_columns("access_date", ref.get("access_date")),
            "language": ref.get("language"),
            "cited": _as_int(ref.get("cited")),
            "publisher": ref.get("publisher"),
            "work": ref.get("work"),
            "authors": ref.get("authors") or [],
            "doi": ref.get("doi"),
            "isbn": ref.get("isbn"),
            "name": ref.get("name"),
            "ref_group": ref.get("group"),
            "template": ref.get("template"),
        })
    if sections:
        for number, section in enumerate(record.get("sections") or [], 1):
            out["sections"].append({
                **key,
                "section_number": number,
                "heading": section.get("title"),
                "level": _as_int(section.get("level")),
                "text": section.get("text"),
                "reference_numbers": [n for n in section.get("references") or [] if _as_int(n) is not None],
                "role": section.get("role") if isinstance(section.get("role"), str) else None,
            })
    return out


def _timestamp(value: Any) -> datetime | None:
    """The revision time ("2016-04-27T02:12:55Z") as an aware datetime; None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


class TablesWriter:
    """Streams rows into one Parquet file per table under ``directory``."""

    def __init__(self, directory: str | os.PathLike[str], sections: bool = False, row_group_rows: int = 20000,
                 place: Place | None = None):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.sections = sections
        self.names = TABLES + (("sections",) if sections else ())
        #: Where the tables go once written (a staged folder is moved there by ``finish``).
        self.place = place
        self._stale = [f"{name}.parquet" for name in SCHEMAS if name not in self.names]
        if place is None:
            for stale in self._stale:  # a table of an earlier run that this one does not write must not linger
                if (self.directory / stale).exists():
                    (self.directory / stale).unlink()
        self._pending: dict[str, list[dict[str, Any]]] = {name: [] for name in self.names}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._row_group_rows = row_group_rows
        self.counts: dict[str, int] = {name: 0 for name in self.names}

    def write(self, record: dict[str, Any]) -> None:
        for name, rows in rows_for(record, self.sections).items():
            if name in self._pending and rows:
                self._pending[name].extend(rows)
                self.counts[name] += len(rows)
                if len(self._pending[name]) >= self._row_group_rows:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self._pending[name]
        writer = self._writers.get(name)
        if writer is None:
            writer = self._writers[name] = pq.ParquetWriter(
                str(self.directory / f"{name}.parquet"), SCHEMAS[name], compression="zstd"
            )
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
        self._pending[name] = []

    def close(self) -> None:
        for name in self.names:
            self._flush(name)  # also creates the file of a table that got no rows
        self._close_writers()

    def finish(self, ok: bool) -> None:
        """Close, then move the tables into place (``ok``; tables of an earlier export that this one
        does not write are removed) or remove them (the OUT folder left as it was)."""
        close = self.close if ok else self._close_writers
        if self.place is None:
            close()
        else:
            self.place.settle(ok, close, drop=self._stale)

    def _close_writers(self) -> None:
        """Close the files begun, without flushing what is pending (they are being thrown away)."""
        for writer in self._writers.values():
            writer.close()


def write_tables(records: Iterable[dict[str, Any]], directory: str, sections: bool = False) -> dict[str, int]:
    """Write every record's rows; returns the row count per table."""
    writer = TablesWriter(directory, sections=sections)
    try:
        for record in records:
            writer.write(record)
    finally:
        writer.close()
    return writer.counts
