"""Parsed files as bytes for the build cache, and back.

Pickle is what round-trips a parsed file exactly (the str and dict
subclasses that remember their line, problems, identifiers); JSON would
need a codec per class. A cache folder is only as trustworthy as the
checkout it sits in, and CI restores it from an earlier run, so reading one
never runs what an entry says: only the reader's own classes and a few
plain types may be built (`_Unpickler`), and anything else, a torn file or
an entry of an older Warta, reads as a miss.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

# The only classes an entry may name: what a parsed file holds.
_MODULES = frozenset({"generator.records.reading", "generator.core.errors"})
_PLAIN = frozenset({("builtins", "set"), ("builtins", "frozenset")})


def pack(value: object) -> bytes:
    """`value` as bytes `unpack` reads back equal."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes) -> Any | None:
    """What `pack` wrote, or None for anything it cannot read, whatever the reason."""
    try:
        return _Unpickler(io.BytesIO(data)).load()
    except Exception:  # a cache entry is a hint: any fault in one is a miss
        return None


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PLAIN:
            return super().find_class(module, name)
        if module in _MODULES:
            found = super().find_class(module, name)
            # Defined there, not imported there: `Path` in reading.py is no record.
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} may not be read from the cache")
