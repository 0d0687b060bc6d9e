"""Dataclass fields that carry their own help text.

Why: what a template may read is a contract with the editors who restyle
templates. Each field of a value a template receives says what it holds,
beside its type, and the editors' template guide is printed from these
texts, so the guide and the code cannot drift apart.
"""

from __future__ import annotations

import dataclasses
from typing import Any

HELP = "help"


def doc(text: str, **kwargs: Any) -> Any:
    """A dataclass field documented by `text`; `kwargs` go to `dataclasses.field`.

    >>> import dataclasses
    >>> @dataclasses.dataclass(frozen=True)
    ... class Town:
    ...     name: str = doc("The town's name.")
    >>> help_of(Town)
    {'name': "The town's name."}
    """
    return dataclasses.field(metadata={HELP: text}, **kwargs)


def help_of(cls: type) -> dict[str, str]:
    """Field name -> help text of a documented dataclass ('' where a field has none)."""
    return {f.name: f.metadata.get(HELP, "") for f in dataclasses.fields(cls)}
