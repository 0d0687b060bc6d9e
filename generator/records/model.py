"""The records: typed, frozen models of what a content folder says.

Exactly as record-format.md describes them. pydantic converts the text the
YAML reader kept by the types below, so ``time: 10:30`` stays the time the
writer meant instead of YAML 1.1's number 630. Field help comes from the
message catalogue: the JSON Schema shows it to staff in their editor.

Written place names are resolved while an event is validated (the
`Resolver` travels in the validation context): `Recipients.places` holds the
gazetteer's entries, and nothing outside `records` reads the spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from decimal import Decimal
from typing import Annotated, Any, Iterable, Iterator, Literal, Mapping, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..core import wilayah
from ..core.errors import NOWHERE, Source, catalogue
from ..core.text import invisible, mixed_scripts
from .places import Resolver
from .reading import SourcedDict

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # anchored for the JSON Schema; Python always uses fullmatch, which a final newline fails
"""File names and mapping keys that other records refer to."""


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
    # An invisible character is refused, not removed: it splits a name so no
    # check recognises it, and the writer should see the copy they pasted
    # is not what it looks like. NFKC makes full-width and other compatibility
    # forms ("Ｍａｒｉａ") the letters every later check compares.
    hidden = invisible(value)
    if hidden:
        raise _custom("text.invisible", position=hidden[0], char=hidden[1])
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    if not text:
        raise _custom("value.empty")
    return text


def _key(value: str) -> str:
    if not KEY.fullmatch(value):
        raise _custom("key.format", value=value)
    return str(value)


def parse_date(value: Any) -> date:
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
    if value == "":
        raise _custom("value.empty")  # the skeleton's `time: ""`, left as it was
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


def _quantity(value: Any) -> Decimal:
    # Goods are counted in Indonesian ("2,5 ton") or as YAML writes a decimal
    # ("2.5"); "2.500" could be either, so it is refused rather than guessed.
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    match = re.fullmatch(r"(\d+)(?:([.,])(\d+))?", text or "")
    if match and match[2] == "." and len(match[3]) == 3:
        raise _custom("quantity.ambiguous", value=value)
    if not match:
        raise _custom("quantity.format", value=value)
    quantity = Decimal(f"{match[1]}.{match[3]}" if match[3] else match[1])
    if quantity <= 0:
        raise _custom("quantity.format", value=value)
    return quantity


def _has_letter(value: str) -> str:
    # "512", "-" or an emoji is a slip, never a person or an institution.
    if not any(ch.isalpha() for ch in value):
        raise _custom("name.no_letter", value=value)
    # The name is not echoed: it may be one that must not be published.
    mixed = next((i for i, word in enumerate(value.split(), 1) if mixed_scripts(word)), None)
    if mixed:
        raise _custom("name.lookalike", word=mixed)
    return value


_MEDIA = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$")


def media_name(value: str) -> bool:
    """Whether `value` names a file inside content/media/: never outside it, no "..", no absolute path."""
    return bool(_MEDIA.match(value)) and ".." not in value.split("/")


def _media_file(value: str) -> str:
    if not media_name(value):
        raise _custom("media.name", value=value)
    return value


def _region_code(value: str) -> str:
    if not re.fullmatch(r"\d{2}\.\d{2}", value):
        raise _custom("region.format", value=value)
    return str(value)


Text = Annotated[str, AfterValidator(_text)]
Key = Annotated[str, AfterValidator(_key), Field(json_schema_extra={"pattern": KEY.pattern})]
EventDate = Annotated[date, BeforeValidator(parse_date, json_schema_input_type=str), Field(json_schema_extra={"format": "date"})]
ClockTime = Annotated[
    time,
    BeforeValidator(_time, json_schema_input_type=str),
    Field(json_schema_extra={"pattern": r"^\d{1,2}[.:]\d{2}$"}),
]
Amount = Annotated[int, BeforeValidator(_amount, json_schema_input_type=Union[int, str])]
Quantity = Annotated[Decimal, BeforeValidator(_quantity, json_schema_input_type=Union[int, float, str])]
Count = Annotated[int, Field(gt=0)]
Year = Annotated[int, Field(ge=1945, le=2100)]
Name = Annotated[str, AfterValidator(_text), AfterValidator(_has_letter)]
MediaFile = Annotated[str, AfterValidator(_media_file), Field(json_schema_extra={"pattern": _MEDIA.pattern})]
RegionCode = Annotated[str, AfterValidator(_region_code), Field(json_schema_extra={"pattern": r"^\d{2}\.\d{2}$"})]


class Record(BaseModel):
    """Base of every record: frozen, unknown fields refused, source kept."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    _source: Source = PrivateAttr(NOWHERE)

    @model_validator(mode="wrap")
    @classmethod
    def _located(cls, data: Any, handler: Any) -> Any:
        # The YAML reader hands over mappings that know their line; keeping
        # it beside the fields means no key of the writer's is ever ours.
        record = handler(data)
        record._source = getattr(data, "source", NOWHERE)
        return record

    @property
    def written_at(self) -> Source:
        """Where this record, or this part of one, was written (file and line)."""
        return self._private("_source")  # type: ignore[no-any-return]

    def _private(self, name: str) -> Any:
        # Straight from pydantic's store of private attributes: the attribute
        # route costs thirty times more, and a build of a large archive reads
        # slugs and places hundreds of thousands of times.
        return self.__pydantic_private__[name]  # type: ignore[index]


def _from_text(field: str):  # type: ignore[no-untyped-def]
    """Before-validator letting a bare string stand for ``{field: string}``."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return SourcedDict({field: value}, getattr(value, "source", NOWHERE))
        return value

    return convert


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


class PressContact(Record):
    name: Name = Field(description=_describe("PressContact.name"))
    title: Text = Field(description=_describe("PressContact.title"))
    contact: Text = Field(description=_describe("PressContact.contact"))


class Site(Record):
    title: Text = Field(description=_describe("Site.title"))
    publisher: Key = Field(description=_describe("Site.publisher"))
    region: RegionCode = Field(description=_describe("Site.region"))
    dateline: Text = Field(description=_describe("Site.dateline"))
    footer: Footer = Field(description=_describe("Site.footer"))
    privacy: Privacy = Field(Privacy(), description=_describe("Site.privacy"))
    aliases: dict[Text, Text] = Field(default_factory=dict, description=_describe("Site.aliases"))
    official_contacts: tuple[Text, ...] = Field((), description=_describe("Site.official_contacts"))
    logo: MediaFile | None = Field(None, description=_describe("Site.logo"))
    address: Text | None = Field(None, description=_describe("Site.address"))
    press_contact: PressContact | None = Field(None, description=_describe("Site.press_contact"))
    future_days: int = Field(
        30, ge=0, description=_describe("Site.future_days")
    )


class Organization(Record):
    name: Text = Field(description=_describe("Organization.name"))
    short: Text | None = Field(None, description=_describe("Organization.short"))
    parent: Key | None = Field(None, description=_describe("Organization.parent"))


class Person(Record):
    name: Name = Field(description=_describe("Person.name"))
    kind: Literal["pejabat", "warga"] = Field("pejabat", description=_describe("Person.kind"))
    title: Text | None = Field(None, description=_describe("Person.title"))
    role: Text | None = Field(None, description=_describe("Person.role"))
    short: Text = Field(description=_describe("Person.short"))
    organization: Key | None = Field(None, description=_describe("Person.organization"))
    consent: bool = Field(False, description=_describe("Person.consent"))

    @model_validator(mode="after")
    def _kind_fields(self) -> Person:
        # An official is named by office; a resident by what they are at the
        # event, and only with their consent (record-format.md, people.yml).
        if self.kind == "pejabat" and not self.title:
            raise _custom("person.title")
        if self.kind == "warga" and not self.role:
            raise _custom("person.role")
        if self.kind == "warga" and not self.consent:
            raise _custom("person.consent")
        return self


class Target(Record):
    count: Count = Field(description=_describe("Target.count"))
    unit: Text | None = Field(None, description=_describe("Target.unit"))
    year: Year | None = Field(None, description=_describe("Target.year"))
    source: Text = Field(description=_describe("Target.source"))


class Budget(Record):
    amount: Amount = Field(description=_describe("Budget.amount"))
    source: Text = Field(description=_describe("Budget.source"))
    fiscal_year: Year = Field(description=_describe("Budget.fiscal_year"))


class Program(Record):
    name: Text = Field(description=_describe("Program.name"))
    summary: Text = Field(description=_describe("Program.summary"))
    partners: tuple[Key, ...] = Field((), description=_describe("Program.partners"))
    benefits: tuple[Text, ...] = Field((), description=_describe("Program.benefits"))
    target_group: Text | None = Field(None, description=_describe("Program.target_group"))
    target: Target | None = Field(None, description=_describe("Program.target"))
    budget: Budget | None = Field(None, description=_describe("Program.budget"))
    how_to_join: Text | None = Field(None, description=_describe("Program.how_to_join"))


class Goods(Record):
    item: Text = Field(description=_describe("Goods.item"))
    quantity: Quantity = Field(description=_describe("Goods.quantity"))
    unit: Text = Field(description=_describe("Goods.unit"))


class Recipient(Record):
    name: Name = Field(description=_describe("Recipient.name"))
    kelurahan: Text | None = Field(None, description=_describe("Recipient.kelurahan"))
    goods: tuple[Goods, ...] = Field((), description=_describe("Recipient.goods"))
    certified: bool = Field(True, description=_describe("Recipient.certified"))


RecipientEntry = Annotated[Recipient, BeforeValidator(_from_text("name"), json_schema_input_type=Union[str, Recipient])]


class Declared(Record):
    """Recipients too many to list, or who must not be listed: a count from a document."""

    count: Count = Field(description=_describe("Declared.count"))
    names: tuple[RecipientEntry, ...] = Field((), description=_describe("Declared.names"))


def _form(value: Any) -> str:
    # A kecamatan holds a list of recipients, or {count, names?}; deciding
    # which up front keeps pydantic from reporting the other form's errors.
    return "declared" if isinstance(value, dict) else "listed"


Placed = Annotated[
    Union[Annotated[tuple[RecipientEntry, ...], Tag("listed")], Annotated[Declared, Tag("declared")]],
    Discriminator(_form),
]


class Recipients(Record):
    group: Text = Field(description=_describe("Recipients.group"))
    kind: Literal["orang", "keluarga", "lembaga", "kelompok"] = Field("orang", description=_describe("Recipients.kind"))
    publish_names: bool = Field(False, description=_describe("Recipients.publish_names"))
    by_kecamatan: dict[Text, Placed] = Field(min_length=1, description=_describe("Recipients.by_kecamatan"))
    """As written; only `records` reads it. Everything else reads `places`."""
    source: Text | None = Field(None, description=_describe("Recipients.source"))

    _places: tuple[Place, ...] = PrivateAttr(())

    @model_validator(mode="after")
    def _resolve(self, info: ValidationInfo) -> Recipients:
        self._places = _places(self.by_kecamatan, _resolver(info))
        return self

    @property
    def places(self) -> tuple[Place, ...]:
        """The recipients by kecamatan, each kecamatan once, in the order first written."""
        return self._private("_places")  # type: ignore[no-any-return]

    @property
    def count(self) -> int:
        """Recipients in all: counted from the names, or as declared."""
        return sum(place.count for place in self.places)

    @property
    def declared(self) -> bool:
        """Whether any count comes from a document (`source`) rather than from names."""
        return any(place.declared is not None for place in self.places)

    @property
    def named_freely(self) -> bool:
        """Institutions and groups are named without consent; persons and households only with it."""
        return self.kind in ("lembaga", "kelompok")


class Payment(Record):
    kind: Text = Field(description=_describe("Payment.kind"))
    recipients: tuple[RecipientEntry, ...] = Field((), description=_describe("Payment.recipients"))
    to: Literal["recipients"] | None = Field(None, description=_describe("Payment.to"))
    publish_names: bool = Field(False, description=_describe("Payment.publish_names"))
    amount: Amount | None = Field(None, description=_describe("Payment.amount"))
    heirs: bool = Field(False, description=_describe("Payment.heirs"))
    period: Text | None = Field(None, description=_describe("Payment.period"))
    channel: Text | None = Field(None, description=_describe("Payment.channel"))


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
    person: Key = Field(description=_describe("Speaker.person"))
    remarks: Text | None = Field(None, description=_describe("Speaker.remarks"))
    quotes: tuple[Annotated[Quote, BeforeValidator(_from_text("text"), json_schema_input_type=Union[str, Quote])], ...] = Field(
        (), description=_describe("Speaker.quotes")
    )


class Correction(Record):
    date: EventDate = Field(description=_describe("Correction.date"))
    time: ClockTime | None = Field(None, description=_describe("Correction.time"))
    note: Text = Field(description=_describe("Correction.note"))
    before: Text | None = Field(None, description=_describe("Correction.before"))
    after: Text | None = Field(None, description=_describe("Correction.after"))


class Venue(Record):
    name: Text = Field(description=_describe("Venue.name"))
    address: Text | None = Field(None, description=_describe("Venue.address"))


class Participants(Record):
    count: Count = Field(description=_describe("Participants.count"))
    who: tuple[Text, ...] = Field((), description=_describe("Participants.who"))
    source: Text = Field(description=_describe("Participants.source"))


class Training(Record):
    days: Count | None = Field(None, description=_describe("Training.days"))
    hours: Count | None = Field(None, description=_describe("Training.hours"))
    provider: Key | None = Field(None, description=_describe("Training.provider"))
    certifier: Text | None = Field(None, description=_describe("Training.certifier"))


class Photo(Record):
    file: MediaFile = Field(description=_describe("Photo.file"))
    caption: Text | None = Field(None, description=_describe("Photo.caption"))
    credit: Text = Field(description=_describe("Photo.credit"))
    alt: Text = Field(description=_describe("Photo.alt"))


EventKind = Literal["penyerahan", "penyaluran", "bantuan-tunai", "pelatihan", "peluncuran", "sosialisasi", "rapat", "kunjungan"]


class Event(Record):
    program: Key = Field(description=_describe("Event.program"))
    kind: EventKind | None = Field(None, description=_describe("Event.kind"))
    date: EventDate = Field(description=_describe("Event.date"))
    time: ClockTime | None = Field(None, description=_describe("Event.time"))
    title: Text | None = Field(None, description=_describe("Event.title"))
    venue: Annotated[Venue, BeforeValidator(_from_text("name"), json_schema_input_type=Union[str, Venue])] = Field(
        description=_describe("Event.venue")
    )
    organizers: tuple[Key, ...] = Field(min_length=1, description=_describe("Event.organizers"))
    activity: Text = Field(description=_describe("Event.activity"))
    purpose: Text | None = Field(None, description=_describe("Event.purpose"))
    recipients: Recipients | None = Field(None, description=_describe("Event.recipients"))
    goods: tuple[Goods, ...] = Field((), description=_describe("Event.goods"))
    payments: tuple[Payment, ...] = Field((), description=_describe("Event.payments"))
    participants: Participants | None = Field(None, description=_describe("Event.participants"))
    training: Training | None = Field(None, description=_describe("Event.training"))
    budget: Budget | None = Field(None, description=_describe("Event.budget"))
    speakers: tuple[Speaker, ...] = Field((), description=_describe("Event.speakers"))
    corrections: tuple[Correction, ...] = Field((), description=_describe("Event.corrections"))
    tags: tuple[Text, ...] = Field((), description=_describe("Event.tags"))
    photos: tuple[Photo, ...] = Field((), description=_describe("Event.photos"))
    draft: bool = Field(False, description=_describe("Event.draft"))

    def texts(self) -> Iterator[tuple[tuple[str | int, ...], str, Source]]:
        """Every free text of the event (not the names of its recipients), with its field's path and where it was written.

        The venue's name has the venue's own path: most venues are written as
        plain text, where a message about a 'name' key would send staff looking for one.
        """
        here = self.written_at
        for name in ("title", "activity", "purpose"):
            if getattr(self, name):
                yield (name,), getattr(self, name), here
        yield ("venue",), self.venue.name, self.venue.written_at
        if self.venue.address:
            yield ("venue", "address"), self.venue.address, self.venue.written_at
        if self.recipients:
            yield ("recipients", "group"), self.recipients.group, self.recipients.written_at
        for i, tag in enumerate(self.tags):
            yield ("tags", i), tag, here
        for i, s in enumerate(self.speakers):
            if s.remarks:
                yield ("speakers", i, "remarks"), s.remarks, s.written_at
            for j, q in enumerate(s.quotes):
                yield ("speakers", i, "quotes", j), q.text, q.written_at
        for i, p in enumerate(self.payments):
            for name in ("kind", "period", "channel"):
                if getattr(p, name):
                    yield ("payments", i, name), getattr(p, name), p.written_at
        for i, c in enumerate(self.corrections):
            for name in ("note", "before", "after"):
                if getattr(c, name):
                    yield ("corrections", i, name), getattr(c, name), c.written_at
        if self.participants:
            for i, who in enumerate(self.participants.who):
                yield ("participants", "who", i), who, self.participants.written_at
        for i, photo in enumerate(self.photos):
            for name in ("caption", "alt", "credit"):
                if getattr(photo, name):
                    yield ("photos", i, name), getattr(photo, name), photo.written_at

    @property
    def places(self) -> tuple[Place, ...]:
        """The recipients by kecamatan (none for an event without recipients)."""
        return self.recipients.places if self.recipients else ()

    @property
    def what(self) -> str:
        """The kind of event: as written, or a handover when it has recipients (record-format.md)."""
        return self.kind or "penyerahan"

    _slug: str = PrivateAttr("")

    @model_validator(mode="after")
    def _named(self, info: ValidationInfo) -> Event:
        self._slug = (info.context or {}).get("slug", "")
        return self

    @property
    def slug(self) -> str:
        """The file name without ``.yml``: the article's address."""
        return self._private("_slug")  # type: ignore[no-any-return]




# --------------------------------------------------------------------------
# Places, as resolved from what the writer typed.


@dataclass(frozen=True)
class PlacedRecipient:
    """A recipient whose kelurahan, if written, is the gazetteer's entry."""

    name: str
    kelurahan: wilayah.Kelurahan | None
    goods: tuple[Goods, ...]
    certified: bool
    written_at: Source


@dataclass(frozen=True)
class Place:
    """One kecamatan of an event: every spelling of it written in the record, merged."""

    kecamatan: wilayah.Kecamatan
    recipients: tuple[PlacedRecipient, ...]  # everyone listed; under a declared count, the representatives
    declared: int | None = None  # the count a document gives (`recipients.source`), if not counted from names

    @property
    def count(self) -> int:
        return len(self.recipients) if self.declared is None else self.declared

    @property
    def certified(self) -> int:
        """In a training: how many from here passed (all but those the record marks `certified: false`)."""
        return self.count - sum(not r.certified for r in self.recipients)


def validation_context(places: Resolver | None, *, slug: str = "") -> dict[str, Any]:
    """What validating an event needs beyond its data: the resolver and the event's slug."""
    return {"places": places, "slug": slug}


def _resolver(info: ValidationInfo) -> Resolver | None:
    return (info.context or {}).get("places")


def _places(by_kecamatan: Mapping[str, Declared | tuple[Recipient, ...]], resolver: Resolver | None) -> tuple[Place, ...]:
    """Recipients grouped by the kecamatan their written name resolves to.

    A name that resolves nowhere is left out here and reported, with its
    line, by `rules`; without a resolver (the site's region is broken)
    nothing resolves, and the load fails on the region. (`rules` also
    refuses one kecamatan written both as a list and as a count.)
    """
    if resolver is None:
        return ()
    groups: dict[str, tuple[wilayah.Kecamatan, list[PlacedRecipient], list[int]]] = {}
    for written, value in by_kecamatan.items():
        kecamatan = resolver.kecamatan(written)
        if kecamatan is None:
            continue
        _, placed, declared = groups.setdefault(kecamatan.code, (kecamatan, [], []))
        people = value.names if isinstance(value, Declared) else value
        if isinstance(value, Declared):
            declared.append(value.count)
        placed.extend(
            PlacedRecipient(p.name, resolver.kelurahan(kecamatan, p.kelurahan) if p.kelurahan else None,
                            p.goods, p.certified, p.written_at)
            for p in people
        )
    return tuple(Place(k, tuple(placed), sum(declared) if declared else None) for k, placed, declared in groups.values())


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events oldest first, then by time of day and file name: the one order every listing starts from."""
    return tuple(sorted(events, key=lambda e: (e.date, e.time or time(0), e.slug)))


@dataclass(frozen=True)
class Content:
    """Everything one content folder says, checked, cross-referenced and resolved."""

    site: Site
    region: wilayah.Region
    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    programs: Mapping[str, Program]
    events: tuple[Event, ...]  # oldest first, then by slug
    contacts: tuple[str, ...] = ()  # what may appear though shaped like personal data: official contacts, venue addresses
    media: Path | None = None  # the folder photos and the logo are read from
    pages: tuple[tuple[str, str], ...] = ()  # the hand-written pages' texts as published, by file, for the policy's check

    def event(self, slug: str) -> Event:
        return next(e for e in self.events if e.slug == slug)
