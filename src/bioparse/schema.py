"""JSON Schema of the output, derived from the dataclasses' type hints.

Deriving it (rather than writing it by hand) keeps ``bioparse schema`` true
whenever a field is added.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from . import model
from .model import Article

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    Any: {},
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema_for(a, defs) for a in typing.get_args(tp)]}
    if tp is type(None):
        return {"type": "null"}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _schema_for(item, defs)}
    if origin is dict:
        _, item = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _schema_for(item, defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp, vars(model))
            fields = dataclasses.fields(tp)
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().split("\n")[0],
                "properties": {f.name: _schema_for(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                # fields may be added (docs/schema.md): a newer record stays valid
                "additionalProperties": True,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``bioparse parse`` output record."""
    defs: dict[str, Any] = {}
    root = _schema_for(Article, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://bioparse.invalid/schema/article.json",
        "title": "bioparse Article",
        **root,
        "$defs": defs,
    }
