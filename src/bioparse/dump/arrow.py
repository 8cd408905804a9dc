"""Arrow/Parquet schema of the output records, derived from the model's type hints.

Like :mod:`bioparse.schema` for JSON Schema, deriving it means a field added
to :mod:`bioparse.model` appears in Parquet output without touching this
file, and the column names are exactly the JSON keys.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, Literal, Union

import pyarrow as pa

from .. import model

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    bool: pa.bool_(),
    float: pa.float64(),
}


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type for one type hint (Optional only changes nullability)."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin is Literal:
        values = typing.get_args(tp)
        if all(isinstance(v, str) for v in values):
            return pa.string()
        raise TypeError(f"no Arrow type for {tp!r}")
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"no Arrow type for union {tp!r}")
        return arrow_type(args[0])
    if origin is list:
        (item,) = typing.get_args(tp)
        return pa.list_(arrow_type(item))
    if origin is dict:
        key, item = typing.get_args(tp)
        return pa.map_(arrow_type(key), arrow_type(item))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return pa.struct(_fields(tp))
    raise TypeError(f"no Arrow type for {tp!r}")


def _nullable(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return origin in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def _fields(cls: type) -> list[pa.Field]:
    hints = typing.get_type_hints(cls, vars(model))
    return [
        pa.field(f.name, arrow_type(hints[f.name]), nullable=_nullable(hints[f.name]) or _is_nested(hints[f.name]))
        for f in dataclasses.fields(cls)
    ]


def _is_nested(tp: Any) -> bool:
    # Lists and maps are never null in the JSON, but Parquet readers handle
    # nullable nested columns better; keep them nullable for compatibility.
    return typing.get_origin(tp) in (list, dict)


@lru_cache(maxsize=1)
def arrow_schema() -> pa.Schema:
    """The nested Arrow schema of one ``bioparse dump`` record (an :class:`~bioparse.model.Article`)."""
    return pa.schema(_fields(model.Article))


def records_to_table(records: list[dict[str, Any]]) -> pa.Table:
    """Output records (``to_dict`` of Articles) as an Arrow table with :func:`arrow_schema`."""
    return pa.Table.from_pylist(records, schema=arrow_schema())


def table_to_records(table: pa.Table) -> list[dict[str, Any]]:
    """Inverse of :func:`records_to_table`: maps come back as dicts, as in the JSON."""
    schema = table.schema
    rows = table.to_pylist()
    return [_restore(row, pa.struct(list(schema))) for row in rows]


def _restore(value: Any, tp: pa.DataType) -> Any:
    if value is None:
        return None
    if pa.types.is_map(tp):
        return {k: _restore(v, tp.item_type) for k, v in value}
    if pa.types.is_struct(tp):
        return {tp.field(i).name: _restore(value.get(tp.field(i).name), tp.field(i).type) for i in range(tp.num_fields)}
    if pa.types.is_list(tp):
        return [_restore(v, tp.value_type) for v in value]
    return value
