"""The figures the site publishes, counted once from the records.

Every total on the home, programme and kecamatan pages, in the charts and in
the open-data downloads comes from the two flat tables made here, so the
pages and the downloads cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .records import Content, Event
from .wilayah import Kecamatan


@dataclass(frozen=True)
class RecipientCount:
    """How many recipients one event had in one kecamatan."""

    event: str  # event slug
    date: date
    program: str  # programme key
    kecamatan: Kecamatan
    recipients: int


@dataclass(frozen=True)
class PaymentCount:
    """One kind of payment at one event: how many received it, how much."""

    event: str
    date: date
    program: str
    kind: str
    recipients: int
    amount: int | None  # rupiah per recipient, when the record gives it

    @property
    def total(self) -> int | None:
        return None if self.amount is None else self.amount * self.recipients


@dataclass(frozen=True)
class Tally:
    events: int
    recipients: int
    kecamatan: int
    payments: int  # people who received a payment
    paid: int  # rupiah paid, where amounts are recorded


def recipient_counts(content: Content) -> tuple[RecipientCount, ...]:
    """One row per event and kecamatan, oldest event first, record order within."""
    return tuple(
        RecipientCount(e.slug, e.date, e.program, kecamatan, len(people))
        for e in content.events
        for name, people in e.recipients.by_kecamatan.items()
        if (kecamatan := content.region.find_kecamatan(name)) is not None
    )


def payment_counts(content: Content) -> tuple[PaymentCount, ...]:
    return tuple(
        PaymentCount(e.slug, e.date, e.program, p.kind, len(p.recipients), p.amount)
        for e in content.events
        for p in e.payments
    )


def tally(counts: Iterable[RecipientCount], payments: Iterable[PaymentCount]) -> Tally:
    """The headline figures of any slice of the two tables."""
    counts, payments = tuple(counts), tuple(payments)
    return Tally(
        events=len({c.event for c in counts} | {p.event for p in payments}),
        recipients=sum(c.recipients for c in counts),
        kecamatan=len({c.kecamatan.code for c in counts}),
        payments=sum(p.recipients for p in payments),
        paid=sum(p.total or 0 for p in payments),
    )


def by_kecamatan(counts: Iterable[RecipientCount], kecamatan: Iterable[Kecamatan]) -> tuple[tuple[Kecamatan, int], ...]:
    """Recipients per kecamatan, every kecamatan listed (zero where none yet), in gazetteer order."""
    per: dict[str, int] = {}
    for c in counts:
        per[c.kecamatan.code] = per.get(c.kecamatan.code, 0) + c.recipients
    return tuple((k, per.get(k.code, 0)) for k in kecamatan)


def events_of(content: Content, slugs: Iterable[str]) -> tuple[Event, ...]:
    """The events named by `slugs`, newest first (ties by slug, for a fixed order)."""
    wanted = set(slugs)
    return tuple(sorted((e for e in content.events if e.slug in wanted), key=lambda e: (e.date, e.slug), reverse=True))
