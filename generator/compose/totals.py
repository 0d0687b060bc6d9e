"""The figures the site publishes, counted once from the records.

Every total on the home, programme and kecamatan pages, in the charts and in
the open-data downloads comes from the two flat tables made here, so the
pages and the downloads cannot disagree. Kecamatan are the records' resolved
places, so two spellings of one kecamatan are one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..core.documented import doc
from ..core.wilayah import Kecamatan
from ..records import Content


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
    position: int  # 1 for the event's first payment, in record order
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
    """The headline figures of a slice of the records."""

    events: int = doc("Events counted.")
    recipients: int = doc("Recipients counted, every kecamatan once.")
    kecamatan: int = doc("Distinct kecamatan the recipients come from.")
    payments: int = doc("People who received a payment (santunan and the like).")
    paid: int = doc("Rupiah paid, where the records give amounts.")


def recipient_counts(content: Content) -> tuple[RecipientCount, ...]:
    """One row per event and kecamatan, oldest event first, record order within."""
    return tuple(
        RecipientCount(e.slug, e.date, e.program, place.kecamatan, len(place.recipients))
        for e in content.events
        for place in e.recipients.places
    )


def payment_counts(content: Content) -> tuple[PaymentCount, ...]:
    return tuple(
        PaymentCount(e.slug, position, e.date, e.program, p.kind, len(p.recipients), p.amount)
        for e in content.events
        for position, p in enumerate(e.payments, start=1)
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


def per_kecamatan(counts: Iterable[RecipientCount], kecamatan: Iterable[Kecamatan]) -> tuple[tuple[Kecamatan, int], ...]:
    """Recipients per kecamatan, every kecamatan listed (zero where none yet), in gazetteer order."""
    per: dict[str, int] = {}
    for c in counts:
        per[c.kecamatan.code] = per.get(c.kecamatan.code, 0) + c.recipients
    return tuple((k, per.get(k.code, 0)) for k in kecamatan)
