"""A digest of a value that is the same in every process: a build cache's key for facts.

`hash()` and `repr()` will not do: string hashes change with every process
(PYTHONHASHSEED), sets iterate in that order, and a repr may leave fields
out. Values are walked instead, the way their own `==` compares them: a
frozen dataclass by its compared fields, a pydantic record by its fields
and private attributes, a mapping and a set whatever their order. A str
subclass counts as its text, as `==` counts it. Two equal values give one
digest; anything the walk does not know is refused (`TypeError`), so a new
kind of fact is never keyed by half of what it holds.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Mapping, Set
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Callable

from pydantic import BaseModel


def digest(*values: object) -> str:
    """The hex SHA-256 of `values`, walked as the module says."""
    h = hashlib.sha256()
    for value in values:
        h.update(encode(value))
    return h.hexdigest()


def encode(value: object) -> bytes:
    """`value` as bytes that equal values share and unequal ones do not."""
    out: list[bytes] = []
    _walk(value, out.append)
    return b"".join(out)


def _text(tag: bytes, text: str, put: Callable[[bytes], None]) -> None:
    data = text.encode("utf-8", "surrogatepass")
    put(tag + len(data).to_bytes(8, "big") + data)


def _walk(value: Any, put: Callable[[bytes], None]) -> None:
    kind = type(value)
    # The common exact types first: facts are mostly text, numbers and tuples.
    if kind is str:
        _text(b"s", value, put)
    elif kind is tuple or kind is list:
        put(b"(" + len(value).to_bytes(8, "big"))
        for item in value:
            _walk(item, put)
    elif value is None:
        put(b"N")
    elif kind in _FIELDS:
        _record(value, put)
    # bool before int, datetime before date: each is a subclass of the next.
    elif isinstance(value, bool):
        put(b"T" if value else b"F")
    elif isinstance(value, enum.Enum):
        _text(b"E", f"{kind.__qualname__}.{value.name}", put)
    elif isinstance(value, str):
        _text(b"s", value, put)
    elif isinstance(value, int):
        _text(b"i", str(int(value)), put)
    elif isinstance(value, float):
        _text(b"f", repr(value), put)
    elif isinstance(value, Decimal):
        # str, not the number: "1.50" and "1.5" are equal yet written differently.
        _text(b"d", str(value), put)
    elif isinstance(value, datetime):
        _text(b"t", value.isoformat(), put)
    elif isinstance(value, (date, time)):
        _text(b"D" if isinstance(value, date) else b"h", value.isoformat(), put)
    elif isinstance(value, (tuple, list)):
        put(b"(" + len(value).to_bytes(8, "big"))
        for item in value:
            _walk(item, put)
    elif isinstance(value, Mapping):
        items = sorted((encode(k), encode(v)) for k, v in value.items())
        put(b"{" + len(items).to_bytes(8, "big"))
        for k, v in items:
            put(k + v)
    elif isinstance(value, Set):
        members = sorted(encode(m) for m in value)
        put(b"<" + len(members).to_bytes(8, "big") + b"".join(members))
    elif isinstance(value, BaseModel) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        _record(value, put)
    else:
        raise TypeError(f"no stable encoding for {kind.__qualname__}")


_FIELDS: dict[type, tuple[bytes, tuple[str, ...], bool]] = {}
"""Per record class: its encoded name, the fields its `==` compares, whether it has pydantic private attributes."""


def _record(value: Any, put: Callable[[bytes], None]) -> None:
    kind = type(value)
    known = _FIELDS.get(kind)
    if known is None:
        name = f"{kind.__module__}.{kind.__qualname__}".encode("utf-8")
        if isinstance(value, BaseModel):
            known = (b"M" + len(name).to_bytes(8, "big") + name, tuple(kind.model_fields), True)
        else:
            compared = tuple(f.name for f in dataclasses.fields(value) if f.compare)
            known = (b"C" + len(name).to_bytes(8, "big") + name, compared, False)
        _FIELDS[kind] = known
    tag, names, private = known
    put(tag)
    for name in names:
        _walk(getattr(value, name), put)
    if private:
        _walk(value.__pydantic_private__ or {}, put)
