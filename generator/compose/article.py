"""One event record -> the facts of its news article, with no wording.

`facts` computes every count, list and choice the article states; the
templates (through `writer`) add only words. Names come already decided by
the privacy policy, for the article of the event itself.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ..core.documented import doc
from ..records import Content, Event
from . import policy
from .policy import Names, Output, Shown, Where

# Attribution verbs a newsroom rotates (id-style guide, §1.6): neutral ones
# for a speaker's first quote, continuation verbs for a further quote by the
# same speaker, and a closing verb for the article's last quote.
ATTRIBUTION_VERBS = {
    "first": ("kata", "ujar", "tutur", "ucap"),
    "again": ("tambah", "imbuh", "lanjut"),
    "last": ("pungkas",),
}


@dataclass(frozen=True)
class Organization:
    """An organisation as text names it."""

    key: str = doc("Its key in organizations.yml.")
    name: str = doc("Full name, for the first mention.")
    short: str | None = doc("Abbreviation used after the first mention, if it has one.")


def organization(content: Content, key: str) -> Organization:
    org = content.organizations[key]
    return Organization(key, org.name, org.short)


@dataclass(frozen=True)
class KecamatanGroup:
    """Recipients from one kecamatan, in the order the record lists them."""

    name: str = doc("The kecamatan's display name from the gazetteer.")
    code: str = doc("Its Kemendagri code.")
    count: int = doc("Recipients from this kecamatan.")
    names: Names = doc("The recipients as this article may name them.")


@dataclass(frozen=True)
class Payment:
    """One payment handed over at the event (santunan and the like)."""

    kind: str = doc("What was paid, as the record says: 'santunan duka'.")
    count: int = doc("How many people received it.")
    names: Names = doc("The people paid, as this article may name them.")
    amount: int | None = doc("Rupiah per person, if the record gives it.")
    total: int | None = doc("Rupiah in all, if the record gives an amount.")


@dataclass(frozen=True)
class Quote:
    text: str = doc("The words, verbatim.")
    verb: str = doc("The attribution verb chosen for it: kata, ujar, tambah, pungkas ...")


@dataclass(frozen=True)
class Speaker:
    key: str = doc("Their key in people.yml.")
    name: str = doc("Full name.")
    title: str = doc("Position, written before the name at first mention.")
    short: str = doc("How later mentions call them.")
    remarks: str | None = doc("Indirect speech, a verb phrase, if any.")
    quotes: tuple[Quote, ...] = doc("Verbatim quotes in record order.")


@dataclass(frozen=True)
class Correction:
    date: date = doc("When the correction was published.")
    time: time | None = doc("At what time, if recorded.")
    note: str = doc("What was corrected.")


@dataclass(frozen=True)
class ArticleFacts:
    """Everything an article may state; the templates add only words."""

    slug: str = doc("The event's file name without .yml.")
    title: str | None = doc("The record's own headline; none means the headline template writes one.")
    date: date = doc("The day of the event.")
    time: time | None = doc("When it began, local time, if recorded.")
    timezone: str = doc("WIB, WITA or WIT, from the region's province.")
    iana_zone: str = doc("The zone for machine-readable times: 'Asia/Makassar'.")
    dateline: str = doc("site.yml's dateline: 'KUPANG'.")
    region: str = doc("The kabupaten/kota: 'Kota Kupang'.")
    venue: str = doc("Where it took place.")
    program: str = doc("The programme's name.")
    activity: str = doc("What happened, a noun phrase.")
    purpose: str | None = doc("Why, a verb phrase, if given.")
    organizers: tuple[Organization, ...] = doc("Organisers in the order the lead names them.")
    group: str = doc("Plural noun for the recipients: 'pekerja rentan'.")
    recipient_count: int = doc("Recipients in all, counted from the record.")
    kecamatan: tuple[KecamatanGroup, ...] = doc("Recipients per kecamatan, each kecamatan once, in record order.")
    payments: tuple[Payment, ...] = doc("Payments handed over at the event.")
    speakers: tuple[Speaker, ...] = doc("Who spoke, in record order.")
    corrections: tuple[Correction, ...] = doc("Published corrections, oldest first.")
    tags: tuple[str, ...] = doc("Free keywords.")
    publisher: Organization = doc("The site's owner.")
    footer_preset: str = doc("pemerintah, media or custom: which press-law footer.")
    footer_contact: str = doc("Where readers send hak jawab and hak koreksi.")
    footer_text: str | None = doc("The footer text when the preset is custom.")

    @property
    def recipients_named(self) -> bool:
        """Whether the policy lets this article print every recipient's name."""
        return bool(self.kecamatan) and all(k.names.shown is Shown.FULL for k in self.kecamatan)

    @property
    def kecamatan_count(self) -> int:
        """How many kecamatan the recipients come from."""
        return len(self.kecamatan)

    @property
    def modified(self) -> date:
        """The date of the latest correction, else the event date."""
        return max((c.date for c in self.corrections), default=self.date)

    @property
    def published_at(self) -> datetime:
        """When the event began (midnight when no time is recorded), zone-aware."""
        return datetime.combine(self.date, self.time or time(0), ZoneInfo(self.iana_zone))

    @property
    def modified_at(self) -> datetime:
        """When the latest correction was made, else `published_at`."""
        if not self.corrections:
            return self.published_at
        last = max(self.corrections, key=lambda c: (c.date, c.time or time(0)))
        return datetime.combine(last.date, last.time or time(0), ZoneInfo(self.iana_zone))


def facts(event: Event, content: Content, rules: policy.Policy) -> ArticleFacts:
    """Count and order everything the article about `event` will say."""
    region = content.region
    here = Where(Output.ARTICLE, event.slug)
    kecamatan = tuple(
        KecamatanGroup(
            name=place.kecamatan.name,
            code=place.kecamatan.code,
            count=len(place.recipients),
            names=rules.names(policy.recipients(event, place), here),
        )
        for place in event.recipients.places
    )
    payments = tuple(
        Payment(
            kind=p.kind,
            count=len(p.recipients),
            names=rules.names(policy.payees(event, p), here),
            amount=p.amount,
            total=p.amount * len(p.recipients) if p.amount else None,
        )
        for p in event.payments
    )
    return ArticleFacts(
        slug=event.slug,
        title=event.title,
        date=event.date,
        time=event.time,
        timezone=region.timezone,
        iana_zone=region.iana_zone,
        dateline=content.site.dateline,
        region=region.name,
        venue=event.venue,
        program=content.programs[event.program].name,
        activity=event.activity,
        purpose=event.purpose,
        organizers=tuple(organization(content, key) for key in event.organizers),
        group=event.recipients.group,
        recipient_count=event.recipients.count,
        kecamatan=kecamatan,
        payments=payments,
        speakers=_speakers(event, content),
        corrections=tuple(Correction(c.date, c.time, c.note) for c in event.corrections),
        tags=event.tags,
        publisher=organization(content, content.site.publisher),
        footer_preset=content.site.footer.preset,
        footer_contact=content.site.footer.contact,
        footer_text=content.site.footer.text,
    )


def _speakers(event: Event, content: Content) -> tuple[Speaker, ...]:
    quoted = [(s.person, q.text) for s in event.speakers for q in s.quotes]
    verbs = iter(attribution_verbs([person for person, _ in quoted], seed=zlib.crc32(event.slug.encode())))
    speakers = []
    for speaker in event.speakers:
        person = content.people[speaker.person]
        quotes = tuple(Quote(q.text, next(verbs)) for q in speaker.quotes)
        speakers.append(Speaker(speaker.person, person.name, person.title, person.short, speaker.remarks, quotes))
    return tuple(speakers)


def attribution_verbs(speakers: list[str], *, seed: int) -> list[str]:
    """One attribution verb per quote, for quotes by `speakers` in article order.

    Rules: a further quote by the same speaker takes a continuation verb; the
    last of several quotes closes with "pungkas"; the same verb never comes
    twice in a row, and "kata" never twice in a row. The choice among the
    allowed verbs rotates from `seed` so articles don't all read alike, yet
    the same event always gets the same verbs.

    >>> attribution_verbs(["wawan", "christian"], seed=0)
    ['kata', 'pungkas']
    >>> attribution_verbs(["a", "a", "b"], seed=1)
    ['ujar', 'lanjut', 'pungkas']
    """
    chosen: list[str] = []
    for i, speaker in enumerate(speakers):
        if i == len(speakers) - 1 and i > 0 and chosen[-1] != "pungkas":
            role = "last"
        elif i > 0 and speakers[i - 1] == speaker:
            role = "again"
        else:
            role = "first"
        options = [v for v in ATTRIBUTION_VERBS[role] if not chosen or v != chosen[-1]]
        chosen.append(options[(seed + i) % len(options)])
    return chosen
