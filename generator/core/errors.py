"""Problems found in the user's content, and how they are worded.

A problem is data (a code, where it was found, and the values the message
needs); the Indonesian words come from ``messages.yml`` only when a problem
is shown, at the edges (CLI, MkDocs plugin, preview error page).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Mapping, Union

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


Part = Union[str, int]


@dataclass(frozen=True)
class FieldPath:
    """A place inside a record file: the keys and list indexes that lead to it.

    ``FieldPath(("payments", 0, "recipients"))``. Indexes count from 0 like
    Python's; a message names the place in words, counting from 1
    ("kolom 'recipients' (penerima) di pembayaran ke-1", see `field_words`).
    """

    parts: tuple[Part, ...]
    record: str = ""  # the record the file holds ("Event", "Person"), for keys it words its own way


@dataclass(frozen=True, eq=False)
class Problem:
    """One thing wrong with the content, to be reported with all the others.

    Two problems are the same only when code, place and params all are:
    two unknown keys on one line are two problems, not one kept at random.
    """

    code: str
    source: Source
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        # Code and rendered params break ties so the report order never depends
        # on the order the checks happened to run in.
        return (self.source.path, self.source.line, self.code, repr(sorted(self.params.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self.sort_key == other.sort_key

    def __hash__(self) -> int:
        return hash(self.sort_key)


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
    template = texts[code]
    shown = {k: _shown(v) for k, v in params.items()}
    if "hint" in params:
        # A hint names another catalogue entry, worded like the rest.
        shown["hint"] = texts[params["hint"]]
    if template.startswith("{field}"):
        # A place opens the sentence: "Kolom 'venue' ...", "Penerima ke-1 ...".
        shown["field"] = shown["field"][:1].upper() + shown["field"][1:]
    text = template.format_map(shown)
    if params.get("suggestion"):
        text += " " + texts["suggestion"].format_map(shown)
    if params.get("suggestions"):
        each = (texts["suggestion.for"].format(name=name, suggestion=s) for name, s in params["suggestions"])
        text += " " + texts["suggestions"].format(suggestions=", ".join(each))
    return text


def _shown(value: Any) -> Any:
    """A param as a message shows it: a place in words, a list of names quoted and comma-separated."""
    if isinstance(value, FieldPath):
        return field_words(value)
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return ", ".join(f"'{v}'" for v in value)
    return value


def field_words(path: FieldPath) -> str:
    """A place in a file as a message names it, innermost first, counting from 1.

    The innermost field keeps its YAML key, which is what staff look for on
    the line; the fields around it are named by their label only:
    ``("payments", 0, "recipients")`` is "kolom 'recipients' (penerima) di
    pembayaran ke-1", ``("recipients", "by_kecamatan", "Oebobo", 0)`` is
    "penerima ke-1 di Kecamatan Oebobo". Labels are the catalogue's
    ``field.<key>``; a mapping whose keys are data (a kecamatan, an alias)
    words them by ``field.<key>.each`` and its list items by ``.item``.
    """
    texts = catalogue()
    steps: list[_Step] = []
    parent: Part | None = path.record or None  # a file of keyed records words its keys too
    owner = path.record
    for part in path.parts:
        each = texts.get(f"field.{parent}.each") if isinstance(parent, str) else None
        if isinstance(part, int) and steps and steps[-1].n is None:
            steps[-1] = dataclasses.replace(steps[-1], n=part + 1)
        elif isinstance(part, int):
            steps.append(_Step(texts["path.item_of_item"], n=part + 1))
        elif each is not None:
            item = texts.get(f"field.{parent}.item", "").replace("{key}", part)
            steps[-1:] = [_Step(each.format(key=part), item=item)]
        elif f"field.{part}" in texts:
            steps.append(_Step(texts.get(f"field.{owner}.{part}", texts[f"field.{part}"]), key=part))
            owner = part
        else:
            steps.append(_Step(texts["path.key"].format(key=part)))
        parent = part
    if not steps:
        return texts["path.file"]
    words = [step.words(innermost=i == len(steps) - 1) for i, step in enumerate(steps)]
    # "penerima" around "penerima ke-1 di Kecamatan Oebobo" says nothing new.
    outer = [w for i, w in enumerate(words[:-1]) if not any(inner.split()[0] == w for inner in words[i + 1 :])]
    if not outer:
        return words[-1]
    return texts["path.in"].format(inner=words[-1], outer=", ".join(reversed(outer)))


@dataclass(frozen=True)
class _Step:
    """One part of a place: a field's label (and key), with its position when it is a list item."""

    label: str
    key: str | None = None
    n: int | None = None
    item: str = ""  # how an item of this mapping's list is worded, "{n}" for its position

    def words(self, *, innermost: bool) -> str:
        texts = catalogue()
        if self.n is not None and self.item:
            return self.item.replace("{n}", str(self.n))
        if self.n is not None:
            return texts["path.item"].format(label=self.label, n=self.n)
        if self.key is None or not innermost:
            return self.label
        if self.label == self.key:
            return texts["path.field_plain"].format(key=self.key)
        return texts["path.field"].format(key=self.key, label=self.label)


def format_problem(problem: Problem) -> str:
    """``path:line: message``, the form editors can click in their editor."""
    return f"{problem.source}: {message(problem.code, problem.params)}"


def report_lines(problems: Iterable[Problem]) -> list[str]:
    """One line per mistake: a mistake repeated on many lines of a file is said once.

    Why: one habit (an RT/RW address typed for every recipient) would
    otherwise bury the other problems under thirty copies of one advice.
    The line keeps the first place's ``path:line``, so an editor still
    jumps there, and lists the other lines.
    """
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault(_same_mistake(problem), []).append(problem)
    lines = []
    for group in groups.values():
        text = format_problem(group[0])
        at = sorted({p.source.line for p in group})
        if len(at) > 1:
            text += " " + message("repeated", {"lines": _line_list(at), "count": len(at)})
        lines.append(text)
    return lines


_LINES_SHOWN = 8


def _line_list(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_LINES_SHOWN])
    return shown + " …" if len(lines) > _LINES_SHOWN else shown


def _same_mistake(problem: Problem) -> tuple[str, str, str]:
    """What problems share when they are one mistake repeated: file, code,
    and every param but the place in the file (a file-level problem is never grouped)."""
    if not problem.source.line:
        return (problem.source.path, problem.code, repr(problem.sort_key))
    # The field itself counts (an empty `venue` and an empty `activity` are
    # two mistakes); where it sits (which recipient, which kecamatan) does not.
    same = sorted((k, _leaf(v) if isinstance(v, FieldPath) else v) for k, v in problem.params.items())
    return (problem.source.path, problem.code, repr(same))


def _leaf(path: FieldPath) -> str:
    """The innermost key of `path`: `kelurahan` in every recipient's kelurahan."""
    return next((str(p) for p in reversed(path.parts) if isinstance(p, str)), "")


def format_problems(problems: Iterable[Problem]) -> str:
    problems = tuple(problems)
    lines = report_lines(problems)
    lines.append(message("summary", {"count": len(problems)}))
    return "\n".join(lines)
