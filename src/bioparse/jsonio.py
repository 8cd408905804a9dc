"""JSON serialisation of records (orjson: fast, and byte-identical output for equal input)."""

from __future__ import annotations

from typing import Any

import orjson

from .model import Article, to_dict


def dumps(obj: Any, pretty: bool = False) -> bytes:
    """Serialise a record or plain data to UTF-8 JSON bytes (no trailing newline).

    orjson serialises the dataclasses natively, field by field in declaration
    order, exactly as :func:`bioparse.model.to_dict` lays them out, without
    building the intermediate dicts.
    """
    option = orjson.OPT_INDENT_2 if pretty else 0
    try:
        return orjson.dumps(obj, option=option)
    except TypeError:
        return orjson.dumps(to_dict(obj), option=option)


def loads_article(data: bytes | str) -> Article:
    """Read back one JSON record written by :func:`dumps`."""
    return Article.from_dict(orjson.loads(data))
