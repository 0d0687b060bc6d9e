"""The figures the site publishes, counted once from the records.

Every total on the home, programme and kecamatan pages, in the charts and in
the open-data downloads comes from the flat tables made here, so the pages
and the downloads cannot disagree. Kecamatan are the records' resolved
places, so two spellings of one kecamatan are one row. Recipients are
counted by their unit (persons, households, institutions, groups) and never
added across units; a count declared by a document keeps that document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

from ..core.documented import doc
from ..core.wilayah import Kecamatan
from ..records import Content

UNITS = ("orang", "keluarga", "lembaga", "kelompok")
"""Recipient units (`recipients.kind`), in the order pages list them."""


@dataclass(frozen=True)
class GoodsLine:
    """An amount of one kind of goods."""

    item: str = doc("What: 'beras'.")
    quantity: Decimal = doc("How much (use the `quantity` filter: 2,5).")
    unit: str = doc("In what: 'ton', 'paket'.")


def goods_total(goods: Iterable[Any]) -> tuple[GoodsLine, ...]:
    """Goods (anything with `item`, `quantity`, `unit`) summed by item and unit, in the order first given."""
    total: dict[tuple[str, str], GoodsLine] = {}
    for g in goods:
        key = (g.item.casefold(), g.unit.casefold())
        before = total.get(key)
        total[key] = GoodsLine(g.item, g.quantity + (before.quantity if before else Decimal(0)), g.unit)
    return tuple(total.values())


@dataclass(frozen=True)
class RecipientCount:
    """How many recipients one event had in one kecamatan."""

    event: str  # event slug
    date: date
    program: str  # programme key
    kecamatan: Kecamatan
    unit: str  # one of UNITS
    recipients: int
    source: str | None  # the document a declared count comes from; None when counted from names
    certified: int | None = None  # in a training: how many passed
    representatives: int | None = None  # under a declared count: how many received on stage


@dataclass(frozen=True)
class PaymentCount:
    """One kind of payment at one event: how many received it, how much."""

    event: str
    position: int  # 1 for the event's first payment, in record order
    date: date
    program: str
    kind: str
    recipients: int
    amount: int | None  # rupiah per recipient, when the record gives it
    heirs: bool
    period: str | None
    channel: str | None

    @property
    def total(self) -> int | None:
        return None if self.amount is None else self.amount * self.recipients


@dataclass(frozen=True)
class GoodsCount:
    """One kind of goods handed over at one event (in one kecamatan, when the record says per recipient)."""

    event: str
    position: int
    date: date
    program: str
    item: str
    quantity: Decimal
    unit: str
    kecamatan: Kecamatan | None = None


@dataclass(frozen=True)
class ParticipantCount:
    """Who took part in one event, as the record counts them."""

    event: str
    date: date
    program: str
    participants: int
    source: str


@dataclass(frozen=True)
class UnitCount:
    """Recipients of one unit."""

    unit: str = doc("orang, keluarga, lembaga or kelompok.")
    count: int = doc("How many.")


@dataclass(frozen=True)
class Tally:
    """The headline figures of a slice of the records."""

    events: int = doc("Events counted.")
    units: tuple[UnitCount, ...] = doc("Recipients by unit (persons, households, institutions, groups), only units present, never added together.")
    kecamatan: int = doc("Distinct kecamatan the recipients come from.")
    declared: int = doc("How many of the recipients come from counts declared by a document rather than from names.")
    payments: int = doc("People who received a payment (santunan and the like).")
    paid: int = doc("Rupiah paid, where the records give amounts.")
    participants: int = doc("People who took part in events without recipients (launches, meetings ...).")
    goods: tuple[GoodsLine, ...] = doc("Goods handed over, summed by item and unit.")

    @property
    def people(self) -> int:
        """Recipients counted as persons (orang)."""
        return self.count("orang")

    def count(self, unit: str) -> int:
        return next((u.count for u in self.units if u.unit == unit), 0)


@dataclass(frozen=True)
class Tables:
    """Every count table of a site."""

    recipients: tuple[RecipientCount, ...]
    payments: tuple[PaymentCount, ...]
    goods: tuple[GoodsCount, ...]  # per event
    participants: tuple[ParticipantCount, ...]
    goods_by_place: tuple[GoodsCount, ...] = ()  # per event and kecamatan, from each recipient's goods


def tables(content: Content) -> Tables:
    """The count tables, oldest event first, record order within."""
    recipients = tuple(
        RecipientCount(e.slug, e.date, e.program, place.kecamatan, e.recipients.kind, place.count,
                       e.recipients.source if place.declared is not None else None,
                       place.certified if e.what == "pelatihan" else None,
                       len(place.recipients) if place.declared is not None else None)
        for e in content.events if e.recipients
        for place in e.places
    )
    payments = tuple(
        PaymentCount(e.slug, position, e.date, e.program, p.kind,
                     e.recipients.count if p.to and e.recipients else len(p.recipients),
                     p.amount, p.heirs, p.period, p.channel)
        for e in content.events
        for position, p in enumerate(e.payments, start=1)
    )
    goods = tuple(
        GoodsCount(e.slug, position, e.date, e.program, g.item, g.quantity, g.unit)
        for e in content.events
        for position, g in enumerate(goods_total(e.goods or [g for p in e.places for r in p.recipients for g in r.goods]), start=1)
    )
    participants = tuple(
        ParticipantCount(e.slug, e.date, e.program, e.participants.count, e.participants.source)
        for e in content.events if e.participants
    )
    by_place = tuple(
        GoodsCount(e.slug, position, e.date, e.program, g.item, g.quantity, g.unit, place.kecamatan)
        for e in content.events
        for place in e.places
        for position, g in enumerate(goods_total(g for r in place.recipients for g in r.goods), start=1)
    )
    return Tables(recipients, payments, goods, participants, by_place)


def tally(counts: Iterable[RecipientCount], payments: Iterable[PaymentCount] = (), goods: Iterable[GoodsCount] = (),
          participants: Iterable[ParticipantCount] = ()) -> Tally:
    """The headline figures of any slice of the tables."""
    counts, payments, goods, participants = tuple(counts), tuple(payments), tuple(goods), tuple(participants)
    per_unit = {unit: sum(c.recipients for c in counts if c.unit == unit) for unit in UNITS}
    summed = goods_total(goods)
    return Tally(
        events=len({c.event for c in counts} | {p.event for p in payments} | {g.event for g in goods}
                   | {p.event for p in participants}),
        units=tuple(UnitCount(unit, n) for unit, n in per_unit.items() if n),
        kecamatan=len({c.kecamatan.code for c in counts}),
        declared=sum(c.recipients for c in counts if c.source is not None),
        payments=sum(p.recipients for p in payments),
        paid=sum(p.total or 0 for p in payments),
        participants=sum(p.participants for p in participants),
        goods=summed,
    )


def per_kecamatan(counts: Iterable[RecipientCount], kecamatan: Iterable[Kecamatan], unit: str) -> tuple[tuple[Kecamatan, int], ...]:
    """Recipients of one unit per kecamatan, every kecamatan listed (zero where none yet), in gazetteer order."""
    per: dict[str, int] = {}
    for c in counts:
        if c.unit == unit:
            per[c.kecamatan.code] = per.get(c.kecamatan.code, 0) + c.recipients
    return tuple((k, per.get(k.code, 0)) for k in kecamatan)
