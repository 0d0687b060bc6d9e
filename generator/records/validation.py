"""Plain data -> records, and pydantic's errors -> problems at the writer's lines.

The second of the loader's two passes. pydantic reports a place as a path
of field names and indexes; `Parsed.source` turns that back into the line
the writer typed, and the catalogue code says what went wrong in words a
PR officer reads.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, TypeVar, get_args

from pydantic import ValidationError

from ..core.errors import FieldPath, Problem, Source
from ..core.text import closest
from .model import KEY, Record
from .reading import Parsed, Path_

R = TypeVar("R", bound=Record)

# Parts pydantic adds to an error's place that are no place in the file:
# dict keys, and the two forms of a kecamatan's recipients.
_BRANCHES = frozenset({"[key]", "listed", "declared"})

# Records a writer usually gives as plain text (``venue: Aula``), a mapping
# being the longer form: what went wrong is that it is not text.
_TEXT_FIRST = frozenset({"Venue", "Recipient", "Quote"})

_PYDANTIC_CODES = {
    "bool_parsing": "schema.not_bool",
    "bool_type": "schema.not_bool",
    "int_parsing": "schema.not_int",
    "int_type": "schema.not_int",
    "list_type": "schema.not_list",
    "tuple_type": "schema.not_list",
    "dict_type": "schema.not_mapping",
    "model_type": "schema.not_mapping",
    "model_attributes_type": "schema.not_mapping",
    "too_short": "schema.too_short",
}


def validate(model: type[R], parsed: Parsed, *, context: Mapping[str, Any] | None = None) -> R | None:
    """`parsed.data` as a `model`, or None with the problems added to `parsed`."""
    if parsed.data is None:
        return None
    if not isinstance(parsed.data, dict):
        parsed.problems.append(Problem("file.not_mapping", parsed.source(())))
        return None
    try:
        return model.model_validate(parsed.data, context=context)
    except ValidationError as exc:
        parsed.problems.extend(_one_per_mistake([_problem(model, parsed, err) for err in _errors(exc)]))
        return None


def validate_each(model: type[R], parsed: Parsed) -> dict[str, R]:
    """A file that maps keys to records (organizations.yml, people.yml)."""
    if parsed.data is None:
        return {}
    if not isinstance(parsed.data, dict):
        parsed.problems.append(Problem("file.not_mapping", parsed.source(())))
        return {}
    out = {}
    for key, value in parsed.data.items():
        if not KEY.fullmatch(key):
            parsed.problems.append(Problem("key.format", parsed.source((key,)), {"value": key}))
            continue
        if not isinstance(value, dict):
            parsed.problems.append(Problem("schema.not_mapping", parsed.source((key,)), {"field": parsed.field((key,))}))
            continue
        try:
            out[key] = model.model_validate(value)
        except ValidationError as exc:
            parsed.problems.extend(_one_per_mistake([_problem(model, parsed, err, prefix=(key,)) for err in _errors(exc)]))
    return out


def _problem(model: type[Record], parsed: Parsed, err: Mapping[str, Any], prefix: Path_ = ()) -> Problem:
    # pydantic adds the branch name to `loc` for the str-or-mapping fields
    # and "[key]" for dict keys; neither is a place in the user's file.
    loc = tuple(p for p in err["loc"] if p not in _BRANCHES and not str(p).startswith("function-"))
    where = _as_written((*prefix, *loc), parsed.data)
    kind = err["type"]
    field = str(loc[-1]) if loc else "-"
    params: dict[str, Any] = {"field": parsed.field(where)}
    params.update(err.get("ctx") or {})
    if err.get("input") is None and kind not in ("missing", "extra_forbidden"):
        # `field:` with nothing after it, `~` or `null`: whatever the type,
        # the writer left it empty (never "bukan 'None'").
        code = "schema.empty"
    elif kind in ("string_type", "str_type") or (kind == "model_type" and (err.get("ctx") or {}).get("class_name") in _TEXT_FIRST):
        code = "schema.not_text"
    elif kind == "extra_forbidden":
        code = "schema.unknown_field"
        params["name"] = field
        params["suggestion"] = closest(field, _fields_at(model, loc[:-1]))
    elif kind == "missing":
        code = "schema.missing"
        params["name"] = field
    elif kind == "literal_error":
        code = "schema.choice"
        params["value"] = err.get("input")
        # pydantic joins the last two choices with an English "or".
        params["expected"] = re.sub(r" or (?=\S+$)", " atau ", params["expected"])
    elif kind in _PYDANTIC_CODES:
        code = _PYDANTIC_CODES[kind]
        params["value"] = err.get("input")
    elif kind.split(".")[0] in ("value", "text", "key", "date", "time", "amount", "quantity", "name", "person", "media", "region", "footer", "quote"):
        code = kind
    else:
        code = "schema.invalid"
    if "value" in params:
        params["value"] = _shown(params["value"])
    return Problem(code, parsed.source(where), params)


def _one_per_mistake(problems: list[Problem]) -> list[Problem]:
    """pydantic's errors, one per mistake the writer made.

    A misspelt key is one mistake that pydantic reports twice, as an
    unknown key and as a missing one: only the unknown key, with its
    suggestion, is kept. Unknown keys on one line (a ``{nama: .., jabatan: ..}``)
    are one message naming them all.
    """
    unknown = [p for p in problems if p.code == "schema.unknown_field"]
    misspelt = {(p.params["field"].parts[:-1], p.params["suggestion"]) for p in unknown if p.params.get("suggestion")}
    kept = [p for p in problems if not (
        p.code == "schema.missing" and (p.params["field"].parts[:-1], p.params["name"]) in misspelt
    )]
    by_line: dict[tuple[Source, Path_], list[Problem]] = {}
    for p in unknown:
        by_line.setdefault((p.source, p.params["field"].parts[:-1]), []).append(p)
    merged = []
    for (source, parent), same in by_line.items():
        if len(same) == 1:
            continue
        kept = [p for p in kept if p not in same]
        merged.append(Problem("schema.unknown_fields", source, {
            "field": FieldPath(parent, same[0].params["field"].record),
            "names": tuple(p.params["name"] for p in same),
            "suggestions": tuple((p.params["name"], p.params["suggestion"]) for p in same if p.params.get("suggestion")),
        }))
    return kept + merged


def _as_written(where: Path_, data: Any) -> Path_:
    """`where` cut at the first part the writer wrote as plain text.

    Why: a bare string may stand for a mapping (``venue: Aula`` is
    ``{name: Aula}``); the writer should read "venue", not "venue.name".
    Lists and the tuple branches pydantic adds ("tuple[...]") are walked
    through as they are.
    """
    for i, part in enumerate(where):
        if isinstance(data, str):
            return where[:i]
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return where
    return where


def _shown(value: Any) -> str:
    """A value as the writer wrote it, for a message: a list or mapping in
    YAML's flow form, never Python's repr."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(value)


def _errors(exc: ValidationError) -> list[Any]:
    """pydantic's errors without the "too short" it adds to a list whose items
    failed (it counts only the valid ones): the item errors say what is wrong."""
    errors = exc.errors()
    failed = [e["loc"] for e in errors]
    return [e for e in errors if not (
        e["type"] == "too_short" and any(len(loc) > len(e["loc"]) and loc[: len(e["loc"])] == e["loc"] for loc in failed)
    )]


def _fields_at(model: type[Record], loc: Path_) -> list[str]:
    """The field names allowed at `loc` inside `model`, for suggestions."""
    current: Any = model
    for part in loc:
        # Indexes and kecamatan names are not fields: the record type stays.
        if isinstance(part, str) and current is not None and part in current.model_fields:
            current = _record_type(current.model_fields[part].annotation)
    if current is None:
        return []
    return list(current.model_fields)


def _record_type(annotation: Any) -> type[Record] | None:
    """The record class inside Optional/tuple/dict/Annotated, if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in get_args(annotation):
        found = _record_type(arg)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------
# The content folder.


ReadCache = dict[tuple[str, bytes], "Parsed"]
