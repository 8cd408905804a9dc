"""Typed, validating read-back of records: JSON-ready dicts into the dataclasses.

One decoder is compiled per dataclass from its type hints, the first time
that class is read, and cached: resolving hints (``typing.get_type_hints``)
is the slow part and never depends on the data.  Because the decoders are
derived from the hints, a field added to :mod:`bioparse.model` is read back
without touching this module.

A value of the wrong type is an error naming where it is, in JSONPath form
(``$.person.offices[0].ordinal: expected integer or null, got 'third'``).
Keys the class does not know are ignored (records from newer versions still
read); an absent field takes its default (None for a nullable field, as in
sparse records); a required field that is missing is an error.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")

#: value -> decoded value; raises :class:`_Invalid` on a mismatch.
Decoder = Callable[[Any], Any]


class RecordError(ValueError):
    """A record does not match the schema; ``path`` says where (``$.person.name``)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class _Invalid(Exception):
    """Raised deep inside a decoder; each enclosing level prepends its path segment."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
        self.segments: list[str] = []


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _scalar(kind: type, label: str) -> Decoder:
    if kind is int:

        def decode_int(value: Any) -> Any:
            if type(value) is int:
                return value
            if isinstance(value, int) and not isinstance(value, bool):
                return int(value)
            raise _Invalid(f"expected {label}, got {_describe(value)}")

        return decode_int
    if kind is float:

        def decode_float(value: Any) -> Any:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return value
            raise _Invalid(f"expected {label}, got {_describe(value)}")

        return decode_float

    def decode(value: Any) -> Any:
        if isinstance(value, kind):
            return value
        raise _Invalid(f"expected {label}, got {_describe(value)}")

    return decode


_SCALARS = {str: "string", int: "integer", bool: "boolean", float: "number"}


def _label(tp: Any) -> str:
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin is Literal:
        return " or ".join(repr(v) for v in typing.get_args(tp))
    if origin in (Union, types.UnionType):
        return " or ".join("null" if a is type(None) else _label(a) for a in typing.get_args(tp))
    if origin is list:
        return "array"
    if origin is dict or (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
        return "object"
    return getattr(tp, "__name__", str(tp))


def _build(tp: Any) -> Decoder:
    """The decoder for one type hint."""
    if tp is Any:
        return lambda value: value
    if tp in _SCALARS:
        return _scalar(tp, _SCALARS[tp])
    origin = typing.get_origin(tp)
    if origin is Literal:
        allowed = frozenset(typing.get_args(tp))
        label = _label(tp)

        def decode_literal(value: Any) -> Any:
            if isinstance(value, (str, int)) and value in allowed:
                return value
            raise _Invalid(f"expected {label}, got {_describe(value)}")

        return decode_literal
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(tp))
        if len(args) == 1:
            inner = _build(args[0])
            label = _label(tp)

            def decode_optional(value: Any) -> Any:
                if value is None:
                    if nullable:
                        return None
                    raise _Invalid(f"expected {label}, got null")
                try:
                    return inner(value)
                except _Invalid as exc:
                    if not exc.segments and exc.message.startswith("expected"):  # name the whole union
                        exc.message = f"expected {label}, got {_describe(value)}"
                        exc.args = (exc.message,)
                    raise

            return decode_optional
        options = [_build(a) for a in args]

        def decode_union(value: Any) -> Any:
            if value is None and nullable:
                return None
            for option in options:
                try:
                    return option(value)
                except _Invalid:
                    continue
            raise _Invalid(f"expected {_label(tp)}, got {_describe(value)}")

        return decode_union
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        item = _build(item_tp)
        plain = item_tp in (str, int, bool)

        def decode_list(value: Any) -> Any:
            if not isinstance(value, list):
                raise _Invalid(f"expected array, got {_describe(value)}")
            if plain and all(type(v) is item_tp for v in value):
                return list(value)
            out = []
            for i, v in enumerate(value):
                try:
                    out.append(item(v))
                except _Invalid as exc:
                    exc.segments.append(f"[{i}]")
                    raise
            return out

        return decode_list
    if origin is dict:
        key_tp, item_tp = typing.get_args(tp)
        item = _build(item_tp)
        plain = item_tp in (str, int, bool)

        def decode_dict(value: Any) -> Any:
            if not isinstance(value, dict):
                raise _Invalid(f"expected object, got {_describe(value)}")
            if plain and all(type(v) is item_tp for v in value.values()):
                return dict(value)
            out = {}
            for k, v in value.items():
                try:
                    out[k] = item(v)
                except _Invalid as exc:
                    exc.segments.append(f"[{k!r}]")
                    raise
            return out

        return decode_dict
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    raise TypeError(f"no decoder for type {tp!r}")


def _nullable(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType) and type(None) in typing.get_args(tp)


_DECODERS: dict[type, Decoder] = {}


def _dataclass_decoder(cls: type) -> Decoder:
    """The (cached) decoder of a dataclass; built lazily so recursive types work."""
    cached = _DECODERS.get(cls)
    if cached is not None:
        return cached
    compiled: list[tuple[str, Decoder, bool]] = []
    defaults_none: list[str] = []  # nullable fields without a default: None when absent

    def decode_object(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"expected object ({cls.__name__}), got {_describe(value)}")
        kwargs = {}
        for name, decoder, required in compiled:
            if name in value:
                try:
                    kwargs[name] = decoder(value[name])
                except _Invalid as exc:
                    exc.segments.append(f".{name}")
                    raise
            elif required:
                raise _Invalid(f"missing required field {name!r}")
        for name in defaults_none:
            kwargs.setdefault(name, None)
        return cls(**kwargs)

    _DECODERS[cls] = decode_object
    module = sys.modules[cls.__module__]
    hints = typing.get_type_hints(cls, vars(module))
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        tp = hints[f.name]
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and _nullable(tp):
            # absent from a sparse record (``--sparse``): None is what was left out
            compiled.append((f.name, _build(tp), False))
            defaults_none.append(f.name)
        else:
            compiled.append((f.name, _build(tp), required))
    return decode_object


def decode(cls: type[T], data: Any) -> T:
    """``data`` (a JSON-ready dict) as a ``cls`` instance, validated against its type hints.

    Raises :class:`RecordError` naming the path of the first mismatch.
    """
    decoder = _dataclass_decoder(cls)
    try:
        return decoder(data)  # type: ignore[no-any-return,unused-ignore]
    except _Invalid as exc:
        path = "$" + "".join(reversed(exc.segments))
        raise RecordError(path, exc.message) from None
