"""Problems found in the user's content, and how they are worded.

A problem is data (a code, where it was found, and the values the message
needs); the Indonesian words come from ``messages.yml`` only when a problem
is shown, at the edges (CLI, MkDocs plugin, preview error page).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Mapping

import yaml


@dataclass(frozen=True, order=True)
class Source:
    """Where a record, or a part of it, was written: a file and a 1-based line.

    Line 0 stands for the file as a whole (an empty file, a missing one).
    """

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


NOWHERE = Source("<memori>")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, to be reported with all the others."""

    code: str
    source: Source
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        # Code and rendered params break ties so the report order never depends
        # on the order the checks happened to run in.
        return (self.source.path, self.source.line, self.code, repr(sorted(self.params.items())))


class WartaError(Exception):
    """The content cannot be published; carries every problem found, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems), key=lambda p: p.sort_key))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def report(self) -> str:
        return format_problems(self.problems)


@functools.cache
def catalogue() -> Mapping[str, str]:
    """The Indonesian message for every problem code (read-only, so cached)."""
    text = resources.files("generator").joinpath("messages.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.SafeLoader)


def message(code: str, params: Mapping[str, Any]) -> str:
    """The message for `code`, with an optional suggestion sentence appended."""
    texts = catalogue()
    if "hint" in params:
        # A hint names another catalogue entry, worded like the rest.
        params = {**params, "hint": texts[params["hint"]]}
    text = texts[code].format_map(params)
    if params.get("suggestion"):
        text += " " + texts["suggestion"].format_map(params)
    return text


def format_problem(problem: Problem) -> str:
    """``path:line: message``, the form editors can click in their editor."""
    return f"{problem.source}: {message(problem.code, problem.params)}"


def format_problems(problems: Iterable[Problem]) -> str:
    lines = [format_problem(p) for p in problems]
    lines.append(message("summary", {"count": len(lines)}))
    return "\n".join(lines)
