"""Content folder -> typed, frozen records, with every problem found at once.

Reading happens in two passes over each file. First the YAML is composed
into a node tree (never constructed), and one walk over it turns it into
plain data in which every scalar is the text as written, while noting the
line of every key, duplicate keys, anchors, odd tags and personal data.
Then pydantic converts that text by the schema below, so ``time: 10:30``
stays the time the writer meant instead of YAML 1.1's number 630.
Cross-file checks (keys that name nothing, kecamatan outside the region,
duplicate recipients) come last, and all problems are raised together.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator, Literal, Mapping, Union, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from . import privacy, wilayah
from .errors import NOWHERE, Problem, Source, WartaError, catalogue

MAX_FILE_BYTES = 1_000_000
"""Largest record file accepted; a real event record is a few kilobytes."""

MAX_DEPTH = 12
"""Deepest nesting accepted; the record format itself needs five levels."""

SCHEMA_URL = "../schema/warta.schema.json"

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NULLS = {"", "~", "null", "Null", "NULL"}
# The tags YAML resolves by itself; anything else (!!python/object, !foo)
# was written on purpose and means nothing to Warta.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "omap", "pairs", "set", "merge", "binary", "value", "yaml")}


# --------------------------------------------------------------------------
# Scalar types: each takes the text as written and gives the value meant.


def _describe(field: str) -> str:
    # The JSON Schema shows these to staff in their editor: Indonesian, so
    # they live in the message catalogue with every other word they read.
    return catalogue()[f"schema.field.{field}"]


def _custom(code: str, **params: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, params)


def _text(value: str) -> str:
    # Records are plain text, one paragraph per field: runs of white space
    # (folded YAML, stray newlines) are one space, so nothing a writer types
    # can start a Markdown block or a front-matter fence in the output.
    text = " ".join(value.split())
    if not text:
        raise _custom("value.empty")
    return text


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise _custom("key.format", value=value)
    return str(value)


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _custom("date.format", value=value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _custom("date.impossible", value=value) from None


def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    # Writers use 09.00 (EYD), and 09:00 slips through from habit; both mean
    # the same clock time.
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", value) if isinstance(value, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _custom("time.format", value=value)
    return time(int(match[1]), int(match[2]))


def _amount(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:([._])\d{3})?(?:\1\d{3})*|\d+", value):
        amount = int(re.sub(r"[._]", "", value))
    else:
        raise _custom("amount.format", value=value)
    if amount <= 0:
        raise _custom("amount.format", value=value)
    return amount


def _region_code(value: str) -> str:
    if not re.fullmatch(r"\d{2}\.\d{2}", value):
        raise _custom("region.format", value=value)
    return str(value)


Text = Annotated[str, AfterValidator(_text)]
Key = Annotated[str, AfterValidator(_key), Field(json_schema_extra={"pattern": _KEY.pattern})]
EventDate = Annotated[date, BeforeValidator(_date, json_schema_input_type=str), Field(json_schema_extra={"format": "date"})]
ClockTime = Annotated[
    time,
    BeforeValidator(_time, json_schema_input_type=str),
    Field(json_schema_extra={"pattern": r"^\d{1,2}[.:]\d{2}$"}),
]
Amount = Annotated[int, BeforeValidator(_amount, json_schema_input_type=Union[int, str])]
RegionCode = Annotated[str, AfterValidator(_region_code), Field(json_schema_extra={"pattern": r"^\d{2}\.\d{2}$"})]


class Record(BaseModel):
    """Base of every record: frozen, unknown fields refused, source kept."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: SkipJsonSchema[Source] = Field(default=NOWHERE, alias="__source__", exclude=True, repr=False)


def _from_text(field: str):
    """Before-validator letting a bare string stand for ``{field: string}``."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return {field: value, "__source__": getattr(value, "source", NOWHERE)}
        return value

    return convert


def _without_source(value: Any) -> Any:
    """A mapping whose keys are data (kecamatan names) has no place for a source."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "__source__"}
    return value


# --------------------------------------------------------------------------
# The records, exactly as record-format.md v1 describes them.


class Footer(Record):
    preset: Literal["pemerintah", "media", "custom"] = Field("pemerintah", description=_describe("Footer.preset"))
    contact: Text = Field(description=_describe("Footer.contact"))
    text: Text | None = Field(None, description=_describe("Footer.text"))

    @model_validator(mode="after")
    def _custom_has_text(self) -> Footer:
        if self.preset == "custom" and not self.text:
            raise _custom("footer.custom_text")
        return self


class Privacy(Record):
    recipient_names: Literal["hidden", "masked", "full"] = Field(
        "masked", description=_describe("Privacy.recipient_names")
    )


class Site(Record):
    title: Text
    publisher: Key = Field(description=_describe("Site.publisher"))
    region: RegionCode = Field(description=_describe("Site.region"))
    dateline: Text = Field(description=_describe("Site.dateline"))
    footer: Footer
    privacy: Privacy = Privacy()
    future_days: int = Field(
        30, ge=0, description=_describe("Site.future_days")
    )


class Organization(Record):
    name: Text
    short: Text | None = Field(None, description=_describe("Organization.short"))


class Person(Record):
    name: Text
    title: Text = Field(description=_describe("Person.title"))
    short: Text = Field(description=_describe("Person.short"))
    organization: Key | None = None


class Program(Record):
    name: Text
    summary: Text
    partners: tuple[Key, ...] = ()
    benefits: tuple[Text, ...] = ()
    target_group: Text | None = None


class Recipient(Record):
    name: Text
    kelurahan: Text | None = None


RecipientEntry = Annotated[Recipient, BeforeValidator(_from_text("name"), json_schema_input_type=Union[str, Recipient])]


class Recipients(Record):
    group: Text = Field(description=_describe("Recipients.group"))
    publish_names: bool = Field(False, description=_describe("Recipients.publish_names"))
    by_kecamatan: Annotated[
        dict[Text, tuple[RecipientEntry, ...]],
        BeforeValidator(_without_source),
    ] = Field(min_length=1, description=_describe("Recipients.by_kecamatan"))

    @property
    def count(self) -> int:
        return sum(len(names) for names in self.by_kecamatan.values())


class Payment(Record):
    kind: Text = Field(description=_describe("Payment.kind"))
    recipients: tuple[RecipientEntry, ...] = Field(min_length=1)
    publish_names: bool = False
    amount: Amount | None = Field(None, description=_describe("Payment.amount"))


def _balanced(text: str) -> str:
    # A quote is printed inside curly marks with inner "..." turned into
    # single marks; an odd straight mark would leave the reader unsure
    # where the speaker's words end.
    if text.count('"') % 2:
        raise _custom("quote.unbalanced")
    return text


class Quote(Record):
    text: Annotated[Text, AfterValidator(_balanced)] = Field(description=_describe("Quote.text"))


class Speaker(Record):
    person: Key
    remarks: Text | None = Field(None, description=_describe("Speaker.remarks"))
    quotes: tuple[Annotated[Quote, BeforeValidator(_from_text("text"), json_schema_input_type=Union[str, Quote])], ...] = ()


class Correction(Record):
    date: EventDate
    time: ClockTime | None = None
    note: Text


class Event(Record):
    program: Key
    date: EventDate
    time: ClockTime | None = None
    title: Text | None = None
    venue: Text
    organizers: tuple[Key, ...] = Field(min_length=1)
    activity: Text
    purpose: Text | None = None
    recipients: Recipients
    payments: tuple[Payment, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    corrections: tuple[Correction, ...] = ()
    tags: tuple[Text, ...] = ()
    slug: SkipJsonSchema[str] = Field("", alias="__slug__", exclude=True)


@dataclass(frozen=True)
class Content:
    """Everything one content folder says, checked and cross-referenced."""

    site: Site
    region: wilayah.Region
    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    programs: Mapping[str, Program]
    events: tuple[Event, ...]  # oldest first, then by slug

    def event(self, slug: str) -> Event:
        return next(e for e in self.events if e.slug == slug)

    def recipient_names(self, *, consented: bool) -> frozenset[str]:
        """Names of recipients whose event did (or did not) agree to naming."""
        return frozenset(
            r.name for e in self.events if e.recipients.publish_names == consented
            for people in e.recipients.by_kecamatan.values() for r in people
        )

    def payee_names(self, *, consented: bool) -> frozenset[str]:
        """Names of payment recipients (heirs, mostly) with or without consent."""
        return frozenset(r.name for e in self.events for p in e.payments if p.publish_names == consented for r in p.recipients)


# --------------------------------------------------------------------------
# Pass 1: YAML text -> plain data, lines, and the problems the tree shows.

Path_ = tuple[Union[str, int], ...]


class SourcedText(str):
    """A string from a YAML sequence that remembers where it was written.

    Why: a recipient or a quote may be a bare string, and records keep the
    line of every recipient and quote; mappings carry it as ``__source__``.
    """

    source: Source


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int]
    problems: list[Problem]
    display: str

    def source(self, loc: Iterable[Union[str, int]]) -> Source:
        """The line of `loc`, or of its nearest enclosing part that has one."""
        path = tuple(loc)
        while path and path not in self.lines:
            path = path[:-1]
        return Source(self.display, self.lines.get(path, 1))


def read_yaml(path: Path, display: str, *, email_ok: Iterable[Path_] = ()) -> Parsed:
    """Read one record file without ever letting YAML guess a type."""
    parsed = Parsed(None, {}, [], display)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        parsed.problems.append(Problem("file.too_large", Source(display), {"size": size, "limit": MAX_FILE_BYTES}))
        return parsed
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        parsed.problems.append(Problem("file.encoding", Source(display, line)))
        return parsed
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        parsed.problems.append(Problem("file.empty", Source(display)))
        return parsed
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        parsed.problems.append(_syntax_problem(exc, text, display))
        return parsed
    except yaml.reader.ReaderError as exc:
        # A control character (NUL, ESC...) that YAML refuses to read at all.
        line = text[: exc.position].count("\n") + 1
        char = ord(exc.character) if isinstance(exc.character, str) else exc.character  # libyaml gives an int
        parsed.problems.append(Problem("file.control", Source(display, line), {"code": f"U+{char:04X}"}))
        return parsed
    walker = _Walker(parsed, frozenset(email_ok))
    parsed.data = walker.value(root, ())
    return parsed


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# libyaml's problem texts, stable for many years, and the hint that explains
# each to a writer; a text not listed gets the general advice only.
_YAML_HINTS = {
    "could not find expected ':'": "colon",
    "mapping values are not allowed": "colon_in_text",
    "found unexpected end of stream": "unclosed",
    "did not find expected key": "indent",
    "did not find expected '-' indicator": "indent",
    "found character that cannot start any token": "token",
    "did not find expected ',' or ']'": "flow",
    "did not find expected ',' or '}'": "flow",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    problem = exc.problem or ""
    hint = next((code for text_, code in _YAML_HINTS.items() if text_ in problem), "general")
    # An unclosed quote is found at the end of the file and a missing colon
    # on the line after; where the scanning started is where the slip is.
    mark = (exc.context_mark if hint in ("unclosed", "colon") else None) or exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "'\\t'" in problem:
        return Problem("yaml.tab", Source(display, line))
    if "nesting depth" in problem:
        return Problem("yaml.too_deep", Source(display, line), {"limit": MAX_DEPTH})
    return Problem("yaml.syntax", Source(display, line), {"column": (mark.column + 1) if mark else 1, "hint": "yaml.hint." + hint})


class _Walker:
    def __init__(self, parsed: Parsed, email_ok: frozenset[Path_]) -> None:
        self.parsed = parsed
        self.email_ok = email_ok
        self.seen: set[int] = set()

    def problem(self, code: str, line: int, **params: Any) -> None:
        self.parsed.problems.append(Problem(code, Source(self.parsed.display, line), params))

    def value(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        self.parsed.lines.setdefault(path, line)
        if len(path) > MAX_DEPTH:
            # Deeper than any record can be: stop before Python's own limit.
            self.problem("yaml.too_deep", line, limit=MAX_DEPTH)
            return None
        # compose() resolves an alias to the very node its anchor named; a
        # node met twice is an alias, refused so no file can expand itself
        # into gigabytes ("billion laughs").
        if id(node) in self.seen:
            self.problem("yaml.alias", line)
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problem("yaml.tag", line, tag=node.tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path, line)
        if isinstance(node, yaml.SequenceNode):
            return [self.item(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.mapping(node, path, line)

    def item(self, node: yaml.Node, path: Path_) -> Any:
        value = self.value(node, path)
        if isinstance(value, str):
            value = SourcedText(value)
            value.source = Source(self.parsed.display, node.start_mark.line + 1)
        return value

    def scalar(self, node: yaml.ScalarNode, path: Path_, line: int) -> str | None:
        # The C loader marks plain scalars with style '' and the Python one
        # with None: both mean "not quoted".
        if not node.style and node.value in _NULLS:
            return None
        self.scan(node.value, path, line)
        return node.value

    def scan(self, text: str, path: Path_, line: int) -> None:
        for found in privacy.find_identifiers(text, official_emails_ok=True):
            if found.kind == privacy.EMAIL and path in self.email_ok:
                continue
            self.problem("pii." + found.kind, line, field=_dotted(path))

    def mapping(self, node: yaml.MappingNode, path: Path_, line: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problem("yaml.complex_key", key_line)
                continue
            key = " ".join(key_node.value.split())
            self.scan(key, (*path, key), key_line)
            if key in first_line:
                self.problem("yaml.duplicate_key", key_line, key=key, other=first_line[key])
                continue
            first_line[key] = key_line
            self.parsed.lines[(*path, key)] = key_line
            out[key] = self.value(value_node, (*path, key))
        out["__source__"] = Source(self.parsed.display, line)
        return out


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "-"


# --------------------------------------------------------------------------
# Pass 2: plain data -> records, pydantic errors -> problems with lines.

_PYDANTIC_CODES = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown_field",
    "bool_parsing": "schema.not_bool",
    "bool_type": "schema.not_bool",
    "int_parsing": "schema.not_int",
    "int_type": "schema.not_int",
    "list_type": "schema.not_list",
    "tuple_type": "schema.not_list",
    "dict_type": "schema.not_mapping",
    "model_type": "schema.not_mapping",
    "model_attributes_type": "schema.not_mapping",
    "literal_error": "schema.choice",
    "too_short": "schema.too_short",
}


def validate(model: type[Record], parsed: Parsed, **extra: Any) -> Any:
    """`parsed.data` as a `model`, or None with the problems added to `parsed`."""
    if parsed.data is None:
        return None
    if not isinstance(parsed.data, dict):
        parsed.problems.append(Problem("file.not_mapping", parsed.source(())))
        return None
    try:
        return model.model_validate({**parsed.data, **extra})
    except ValidationError as exc:
        parsed.problems.extend(_problem(model, parsed, err) for err in _errors(exc))
        return None


def validate_each(model: type[Record], parsed: Parsed) -> dict[str, Any]:
    """A file that maps keys to records (organizations.yml, people.yml)."""
    if parsed.data is None:
        return {}
    if not isinstance(parsed.data, dict):
        parsed.problems.append(Problem("file.not_mapping", parsed.source(())))
        return {}
    out = {}
    for key, value in parsed.data.items():
        if key == "__source__":
            continue
        if not _KEY.match(key):
            parsed.problems.append(Problem("key.format", parsed.source((key,)), {"value": key}))
            continue
        if not isinstance(value, dict):
            parsed.problems.append(Problem("schema.not_mapping", parsed.source((key,)), {"field": key}))
            continue
        try:
            out[key] = model.model_validate(value)
        except ValidationError as exc:
            parsed.problems.extend(_problem(model, parsed, err, prefix=(key,)) for err in _errors(exc))
    return out


def _problem(model: type[Record], parsed: Parsed, err: Mapping[str, Any], prefix: Path_ = ()) -> Problem:
    # pydantic adds the branch name to `loc` for the str-or-mapping fields
    # and "[key]" for dict keys; neither is a place in the user's file.
    loc = tuple(p for p in err["loc"] if p != "[key]" and not str(p).startswith("function-"))
    where = (*prefix, *loc)
    kind = err["type"]
    field = str(loc[-1]) if loc else "-"
    params: dict[str, Any] = {"field": _dotted(where) if where else "-"}
    params.update(err.get("ctx") or {})
    if err.get("input") is None and kind not in ("missing", "extra_forbidden"):
        # `field:` with nothing after it, `~` or `null`: whatever the type,
        # the writer left it empty (never "bukan 'None'").
        code = "schema.empty"
    elif kind in ("string_type", "str_type"):
        code = "schema.not_text"
    elif kind == "extra_forbidden":
        code = "schema.unknown_field"
        params["name"] = field
        params["suggestion"] = wilayah.closest(field, _fields_at(model, loc[:-1]))
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
    elif kind.split(".")[0] in ("value", "key", "date", "time", "amount", "region", "footer", "quote"):
        code = kind
    else:
        code = "schema.invalid"
    if "value" in params:
        params["value"] = _shown(params["value"])
    return Problem(code, parsed.source(where), params)


def _shown(value: Any) -> str:
    """A value as the writer wrote it, for a message: a list or mapping in
    YAML's flow form, never Python's repr with the internal ``__source__``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items() if k != "__source__") + "}"
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
    return [name for name in current.model_fields if name not in ("source", "slug")]


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
"""Parsed files by (path, content digest), kept by `mkdocs serve` between rebuilds."""


def load_content(root: Path, *, today: date | None = None, cache: ReadCache | None = None) -> Content:
    """Load and check a whole content folder; raise WartaError with every problem.

    With `today`, an event dated more than ``site.future_days`` after it is
    refused (a typo in the year, usually). Without it, nothing depends on
    the clock, which tests and reproducible builds rely on.
    """
    problems: list[Problem] = []
    docs: list[Parsed] = []
    display = str(root)

    used: set[tuple[str, bytes]] = set()

    def read(path: Path, **kw: Any) -> Parsed:
        name = f"{display}/{path.relative_to(root).as_posix()}"
        if cache is None or path.stat().st_size > MAX_FILE_BYTES:
            docs.append(read_yaml(path, name, **kw))
            return docs[-1]
        # A preview rebuild after one edit re-reads one file, not the archive.
        key = (name, hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
        used.add(key)
        if key not in cache:
            cache[key] = read_yaml(path, name, **kw)
        hit = cache[key]
        # Validation adds its problems to the copy, never to the cached original.
        docs.append(Parsed(hit.data, hit.lines, list(hit.problems), hit.display))
        return docs[-1]

    site_path = root / "site.yml"
    if not site_path.is_file():
        raise WartaError([Problem("file.missing", Source(f"{display}/site.yml"))])
    # site.yml is the one place a contact e-mail may be any address: it is the
    # office's public channel for hak jawab, not a private person's.
    site_doc = read(site_path, email_ok=[("footer", "contact")])
    site = validate(Site, site_doc)
    orgs_doc = read(root / "organizations.yml") if (root / "organizations.yml").is_file() else None
    people_doc = read(root / "people.yml") if (root / "people.yml").is_file() else None
    organizations = validate_each(Organization, orgs_doc) if orgs_doc else {}
    people = validate_each(Person, people_doc) if people_doc else {}

    programs: dict[str, Program] = {}
    program_docs: dict[str, Parsed] = {}
    for path, slug in _record_files(root, "programs", problems):
        doc = read(path)
        program = validate(Program, doc)
        program_docs[slug] = doc
        if program is not None:
            programs[slug] = program

    events: list[Event] = []
    event_docs: dict[str, Parsed] = {}
    for path, slug in _record_files(root, "events", problems):
        doc = event_docs[slug] = read(path)
        event = validate(Event, doc, __slug__=slug)
        if event is not None:
            events.append(event)

    # Cross-file checks read the raw data, so a record with a schema error
    # still has its keys and places checked in the same run.
    refs = _References(organizations, people, programs)
    region = _region(site_doc, problems)
    problems.extend(refs.organization(site_doc, ("publisher",), _field(site_doc.data, "publisher")))
    for key, person in _entries(people_doc.data if people_doc else None):
        problems.extend(refs.organization(people_doc, (key, "organization"), _field(person, "organization")))
    for doc in program_docs.values():
        for i, key in _entries(_field(doc.data, "partners")):
            problems.extend(refs.organization(doc, ("partners", i), key))
    for doc in event_docs.values():
        problems.extend(_event_problems(doc, refs, region))
    if today is not None and site is not None:
        horizon = today + timedelta(days=site.future_days)
        problems.extend(
            Problem("date.future", event_docs[e.slug].source(("date",)), {"value": e.date.isoformat(), "days": site.future_days})
            for e in events if e.date > horizon
        )

    problems.extend(p for doc in docs for p in doc.problems)
    if cache is not None:
        for stale in cache.keys() - used:
            del cache[stale]
    if problems or site is None or region is None:
        raise WartaError(problems)
    events.sort(key=lambda e: (e.date, e.time or time(0), e.slug))
    return Content(site, region, organizations, people, programs, tuple(events))


def _record_files(root: Path, folder: str, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """The record files of one folder, in a fixed order, with their keys."""
    base = root / folder
    if not base.is_dir():
        return
    for path in sorted(base.iterdir()):
        display = f"{root}/{folder}/{path.name}"
        if path.name.startswith(".") or path.is_dir():
            continue
        stem, suffix = path.stem, path.suffix
        if suffix.casefold() == ".yaml":
            problems.append(Problem("file.extension", Source(display), {"suggestion": f"{_slugify(stem)}.yml"}))
            continue
        if suffix.casefold() != ".yml":
            continue
        # ".YML" (as Windows may save it) is a record too: reported, never skipped.
        if suffix != ".yml" or not _KEY.match(stem):
            problems.append(Problem("file.name", Source(display), {"name": path.name, "suggestion": _slugify(stem) + ".yml"}))
            continue
        yield path, stem


def _slugify(text: str) -> str:
    # "ékonomi" -> "ekonomi": the accent goes, the letter stays.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-") or "kegiatan"


@dataclass(frozen=True)
class _References:
    """The keys other records may name; each check yields what names nothing."""

    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    programs: Mapping[str, Program]

    def organization(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.organization", doc, loc, key, self.organizations)

    def person(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.person", doc, loc, key, self.people)

    def program(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.program", doc, loc, key, self.programs)


def _dangling(code: str, doc: Parsed, loc: Path_, key: Any, known: Mapping[str, Any]) -> Iterator[Problem]:
    # A key that is not text at all is a schema problem, reported there.
    if isinstance(key, str) and key not in known:
        yield Problem(code, doc.source(loc), {"value": key, "suggestion": wilayah.closest(key, list(known))})


def _region(site_doc: Parsed, problems: list[Problem]) -> wilayah.Region | None:
    """The site's region, read even when another site.yml field is wrong."""
    code = _field(site_doc.data, "region")
    if not isinstance(code, str) or not re.fullmatch(r"\d{2}\.\d{2}", code):
        return None  # a schema problem, reported there
    region = wilayah.region(code)
    if region is None:
        problems.append(Problem("region.unknown", site_doc.source(("region",)), {"value": code, "suggestion": wilayah.suggest_region(code)}))
    return region


def _field(data: Any, name: str) -> Any:
    return data.get(name) if isinstance(data, dict) else None


def _entries(data: Any) -> Iterator[tuple[Any, Any]]:
    """(key, value) of a mapping or (index, item) of a list; nothing otherwise."""
    if isinstance(data, dict):
        yield from ((k, v) for k, v in data.items() if k != "__source__")
    elif isinstance(data, list):
        yield from enumerate(data)


def _event_problems(doc: Parsed, refs: _References, region: wilayah.Region | None) -> Iterator[Problem]:
    data = doc.data
    yield from refs.program(doc, ("program",), _field(data, "program"))
    for i, key in _entries(_field(data, "organizers")):
        yield from refs.organization(doc, ("organizers", i), key)
    for i, speaker in _entries(_field(data, "speakers")):
        yield from refs.person(doc, ("speakers", i, "person"), _field(speaker, "person"))
    by_kecamatan = _field(_field(data, "recipients"), "by_kecamatan")
    if region is not None:
        yield from _place_problems(doc, by_kecamatan, region)
    yield from _duplicates(doc, ("recipients", "by_kecamatan"), [
        (item, (kecamatan, i))
        for kecamatan, items in _entries(by_kecamatan)
        for i, item in _entries(items)
    ])
    for p, payment in _entries(_field(data, "payments")):
        yield from _duplicates(doc, ("payments", p, "recipients"), [(item, (i,)) for i, item in _entries(_field(payment, "recipients"))])
    yield from _correction_problems(doc)


def _correction_problems(doc: Parsed) -> Iterator[Problem]:
    try:
        event_date = _date(_field(doc.data, "date"))
    except PydanticCustomError:
        return  # already reported as a bad date
    for i, correction in _entries(_field(doc.data, "corrections")):
        try:
            when = _date(_field(correction, "date"))
        except PydanticCustomError:
            continue
        if when < event_date:
            yield Problem("correction.before_event", doc.source(("corrections", i, "date")), {
                "value": when.isoformat(), "event_date": event_date.isoformat(),
            })


def _place_problems(doc: Parsed, by_kecamatan: Any, region: wilayah.Region) -> Iterator[Problem]:
    """Kecamatan outside the site's region, kelurahan outside their kecamatan."""
    for name, items in _entries(by_kecamatan):
        loc = ("recipients", "by_kecamatan", name)
        kecamatan = region.find_kecamatan(name)
        if kecamatan is None:
            yield Problem("kecamatan.unknown", doc.source(loc), {
                "value": name, "region": region.name, "suggestion": region.suggest_kecamatan(name),
            })
            continue
        for i, item in _entries(items):
            kelurahan = _field(item, "kelurahan")
            if isinstance(kelurahan, str) and kecamatan.find_kelurahan(kelurahan) is None:
                yield Problem("kelurahan.unknown", doc.source((*loc, i, "kelurahan")), {
                    "value": kelurahan, "kecamatan": kecamatan.name,
                    "suggestion": wilayah.closest(kelurahan, list(kecamatan.kelurahan)),
                })


def _duplicates(doc: Parsed, base: Path_, entries: list[tuple[Any, Path_]]) -> Iterator[Problem]:
    # Two people may share a name; the kelurahan tells them apart, so only
    # the same name in the same (or no) kelurahan is the same recipient.
    first: dict[tuple[str, str], Path_] = {}
    for item, loc in entries:
        name = item if isinstance(item, str) else _field(item, "name")
        kelurahan = _field(item, "kelurahan")
        if not isinstance(name, str):
            continue
        identity = (wilayah.fold(name), wilayah.fold(kelurahan) if isinstance(kelurahan, str) else "")
        if identity in first:
            other = doc.source((*base, *first[identity])).line
            yield Problem("recipient.duplicate", doc.source((*base, *loc)), {"value": " ".join(name.split()), "other": other})
        else:
            first[identity] = loc
