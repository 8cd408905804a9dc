"""JSON serialisation of records (orjson: fast, and byte-identical output for equal input)."""

from __future__ import annotations

from typing import Any

import orjson

from .model import Article, to_dict


def dumps(obj: Any, pretty: bool = False, sparse: bool = False) -> bytes:
    """Serialise a record or plain data to UTF-8 JSON bytes (no trailing newline).

    orjson serialises the dataclasses natively, field by field in declaration
    order, exactly as :func:`bioparse.model.to_dict` lays them out, without
    building the intermediate dicts.  ``sparse`` leaves out fields that are
    null, ``[]`` or ``{}`` (see :func:`sparse`).
    """
    option = orjson.OPT_INDENT_2 if pretty else 0
    if sparse:
        return orjson.dumps(sparse_view(to_dict(obj)), option=option)
    try:
        return orjson.dumps(obj, option=option)
    except TypeError:
        return orjson.dumps(to_dict(obj), option=option)


def sparse_view(value: Any) -> Any:
    """``value`` without the object members that are null, ``[]`` or ``{}`` (recursively).

    JSON readers that infer a schema from the first rows (``pyarrow.json``
    block by block, DuckDB ``read_json`` from a sample) cannot widen a column
    first seen as null or ``[]`` into an object or a list of objects seen
    later; a member that is absent instead is simply added when it appears.
    :meth:`Article.from_dict` fills absent members back with their defaults,
    so a sparse record reads back equal to the full one.
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if item is None or (isinstance(item, (list, dict)) and not item):
                continue
            out[key] = sparse_view(item)
        return out
    if isinstance(value, list):
        return [sparse_view(item) for item in value]
    return value


def loads_article(data: bytes | str) -> Article:
    """Read back one JSON record written by :func:`dumps` (full or sparse)."""
    return Article.from_dict(orjson.loads(data))
