"""One event record -> the facts of its news article, with no wording.

`facts` computes every count, list and choice the article states; the
templates (through `writer`) add only words. Names come already decided by
the privacy policy, for the article of the event itself. Choices between
words (attribution verbs) are made here from the templates' own word list
(``kata.yml``), so an editor changes them without touching Python.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from ..core.documented import doc
from ..records import Content, Event, Place
from . import policy
from .totals import GoodsLine, goods_total
from .media import Picture
from .policy import Names, Output, Shown, Where


@dataclass(frozen=True)
class Organization:
    """An organisation as text names it."""

    key: str = doc("Its key in organizations.yml.")
    name: str = doc("Full name, for the first mention.")
    short: str | None = doc("Abbreviation used after the first mention, if it has one.")
    parent: Organization | None = doc("The government it belongs to, if organizations.yml gives one.", default=None)


def organization(content: Content, key: str) -> Organization:
    org = content.organizations[key]
    parent = organization(content, org.parent) if org.parent and org.parent in content.organizations else None
    return Organization(key, org.name, org.short, parent)


@dataclass(frozen=True)
class Member:
    """One recipient the article may name, with what it records of them."""

    name: str = doc("The name.")
    kelurahan: str | None = doc("Their desa or kelurahan, if written.")
    urban: bool = doc("Whether that is a kelurahan (true) or a desa (false).")
    goods: tuple[GoodsLine, ...] = doc("What they received, if the record says per recipient.")
    certified: bool = doc("In a training: whether they passed.")


@dataclass(frozen=True)
class KecamatanGroup:
    """Recipients from one kecamatan, in the order the record lists them."""

    name: str = doc("The kecamatan's display name from the gazetteer.")
    code: str = doc("Its Kemendagri code.")
    count: int = doc("Recipients from this kecamatan: counted from names, or declared.")
    declared: bool = doc("Whether the count comes from a document (`recipients.source`).")
    names: Names = doc("The recipients (under a declared count, the representatives) as this article may name them.")
    members: tuple[Member, ...] = doc("The same people with their details; empty unless the names are shown in full.")
    certified: int = doc("In a training: how many from here passed.")


@dataclass(frozen=True)
class Payment:
    """One payment handed over at the event (santunan and the like)."""

    position: int = doc("Its place among the event's payments, from 1 (the `pembayaran` table's `urutan`).")
    kind: str = doc("What was paid, as the record says: 'santunan duka'.")
    count: int = doc("How many people received it.")
    names: Names = doc("The people paid, as this article may name them.")
    amount: int | None = doc("Rupiah per person, if the record gives it.")
    total: int | None = doc("Rupiah in all, if the record gives an amount.")
    to_recipients: bool = doc("Whether it went to the event's own recipients (then it is the event itself).")
    heirs: bool = doc("Whether the names are deceased participants and the money went to their heirs.")
    period: str | None = doc("For what period: 'Oktober–Desember 2025'.")
    channel: str | None = doc("How it was paid: 'melalui rekening Bank NTT'.")


@dataclass(frozen=True)
class Quote:
    text: str = doc("The words, verbatim.")
    verb: str = doc("The attribution verb chosen for it: kata, ujar, tambah, pungkas ...")
    again: bool = doc("Whether it follows a quote of the same speaker (then it shares that paragraph).")


@dataclass(frozen=True)
class Speaker:
    key: str = doc("Their key in people.yml.")
    name: str = doc("Full name.")
    resident: bool = doc("Whether they are a resident (warga): named with their role after the name.")
    title: str = doc("Officials: position, written before the name at first mention; residents: their role.")
    short: str = doc("How later mentions call them.")
    remarks: str | None = doc("Indirect speech, a verb phrase, if any.")
    quotes: tuple[Quote, ...] = doc("Verbatim quotes in record order.")


@dataclass(frozen=True)
class Correction:
    date: date = doc("When the correction was published.")
    time: time | None = doc("At what time, if recorded.")
    note: str = doc("What was corrected.")
    before: str | None = doc("The wrong text, if given.")
    after: str | None = doc("The right text, if given.")


@dataclass(frozen=True)
class Participants:
    count: int = doc("How many took part.")
    who: tuple[str, ...] = doc("Who they were: 'kepala desa', 'kader posyandu'.")
    source: str = doc("Where the count comes from: 'daftar hadir'.")


@dataclass(frozen=True)
class Training:
    days: int | None = doc("How many days, if recorded.")
    hours: int | None = doc("How many hours, if recorded.")
    provider: Organization | None = doc("Who ran it, if recorded.")
    certifier: str | None = doc("Who issued the certificates, if recorded.")


@dataclass(frozen=True)
class Budget:
    amount: int = doc("Rupiah.")
    source: str = doc("From which budget: 'APBD Kabupaten Sikka'.")
    fiscal_year: int = doc("The fiscal year.")


@dataclass(frozen=True)
class Target:
    count: int = doc("How many the programme aims to reach.")
    unit: str | None = doc("Of what: 'pekerja rentan'.")
    year: int | None = doc("By when, if given.")
    source: str = doc("The document that sets it: RPJMD, SK ...")


@dataclass(frozen=True)
class ProgramFacts:
    """The programme an event belongs to, as its article may tell it."""

    key: str = doc("Its file name in programs/.")
    name: str = doc("Its name.")
    summary: str = doc("One sentence about it.")
    benefits: tuple[str, ...] = doc("What it gives.")
    target: Target | None = doc("What it aims to reach, if given.")
    budget: Budget | None = doc("Its budget, if given.")
    how_to_join: str | None = doc("How residents join or ask, if given: the article's closing paragraph.")


@dataclass(frozen=True)
class FactLine:
    """One figure the article may state, with where it comes from: a line of "Fakta dalam berita ini".

    The article template marks each line it states (by `key`) and the box
    prints the marked ones, so the box and the text share these values.
    """

    key: str = doc("Names the figure within its article: 'penerima', 'kecamatan', 'pembayaran-1-total' ...")
    what: str = doc("What kind of figure, the key of its words in kata.fakta.jenis: penerima, kecamatan, "
                    "penerima_kecamatan, lulus, perwakilan, barang, barang_penerima, pembayaran_penerima, nominal, "
                    "total, peserta, anggaran, hari, jam, anggaran_program, target.")
    value: int | Decimal = doc("The figure: a count, rupiah, or a quantity of goods (use `quantity`).")
    noun: str = doc("What it counts, as the record names it: the recipients' group, the kecamatan, 'ton beras', 'santunan duka'.")
    source: str | None = doc("The document it comes from, when the record cites one: then the box says 'menurut ...'.")
    counted: bool = doc("Whether Warta counted or summed it from the record's rows (names, per-kecamatan counts), not copied a given figure.")
    table: str | None = doc("The open-data table whose rows of this event are behind it, if one is.")
    year: int | None = doc("A budget's fiscal year, a target's year, if given.", default=None)
    who: str | None = doc("Goods given per recipient: who received them, as the article names them.", default=None)


@dataclass(frozen=True)
class ArticleFacts:
    """Everything an article may state; the templates add only words."""

    slug: str = doc("The event's file name without .yml.")
    kind: str = doc("What happened: penyerahan, penyaluran, bantuan-tunai, pelatihan, peluncuran, sosialisasi, rapat, kunjungan.")
    seed: int = doc("A number fixed by the slug, to rotate connectives (`kata` lists) so articles vary yet stay the same.")
    title: str | None = doc("The record's own headline; none means the headline template writes one.")
    date: date = doc("The day of the event.")
    time: time | None = doc("When it began, local time, if recorded.")
    timezone: str = doc("WIB, WITA or WIT, from the region's province.")
    iana_zone: str = doc("The zone for machine-readable times: 'Asia/Makassar'.")
    dateline: str = doc("site.yml's dateline: 'KUPANG'.")
    region: str = doc("The kabupaten/kota: 'Kota Kupang'.")
    region_short: str = doc("Its name for a headline: 'Sleman' where that names one place only, else as `region`.")
    places: str = doc("How the law names its places: 'umum', 'papua', 'diy', 'kota-yogyakarta' (a key of kata.wilayah).")
    venue: str = doc("Where it took place.")
    venue_address: str | None = doc("The venue's public address, if given.")
    program: ProgramFacts = doc("The programme.")
    activity: str = doc("What happened, a noun phrase.")
    purpose: str | None = doc("Why, a verb phrase, if given.")
    organizers: tuple[Organization, ...] = doc("Organisers in the order the lead names them.")
    group: str | None = doc("Plural noun for the recipients: 'pekerja rentan'; none without recipients.")
    recipient_kind: str | None = doc("orang, keluarga, lembaga or kelompok; none without recipients.")
    recipient_count: int = doc("Recipients in all: counted from the names, or declared.")
    source: str | None = doc("The document declared counts come from, if any.")
    kecamatan: tuple[KecamatanGroup, ...] = doc("Recipients per kecamatan, each kecamatan once, in record order.")
    certified: int = doc("In a training: how many passed (all, unless the record says otherwise).")
    goods: tuple[GoodsLine, ...] = doc("Goods handed over in all: as given, or summed from each recipient's.")
    payments: tuple[Payment, ...] = doc("Payments handed over at the event.")
    participants: Participants | None = doc("Who took part, when the record counts them.")
    training: Training | None = doc("A training's duration, provider and certifier.")
    budget: Budget | None = doc("What the event itself cost or disbursed, if given.")
    speakers: tuple[Speaker, ...] = doc("Who spoke, in record order.")
    corrections: tuple[Correction, ...] = doc("Published corrections, oldest first.")
    tags: tuple[str, ...] = doc("Free keywords.")
    photos: tuple[Picture, ...] = doc("The event's photos, published; the first leads the article.")
    publisher: Organization = doc("The site's owner.")
    footer_preset: str = doc("pemerintah, media or custom: which press-law footer.")
    footer_contact: str = doc("Where readers send hak jawab and hak koreksi.")
    footer_text: str | None = doc("The footer text when the preset is custom.")
    draft: bool = doc("Written `draft: true`: only the editors' preview (and `warta render`) has it, marked DRAF.")

    @property
    def recipients_named(self) -> bool:
        """Whether the policy lets this article print every recipient's (or representative's) name."""
        return any(k.names.names for k in self.kecamatan) and all(
            k.names.shown is Shown.FULL for k in self.kecamatan if k.names.count)

    @property
    def named_count(self) -> int:
        """How many names the article may print (recipients, or the representatives of declared counts)."""
        return sum(len(k.names.names) for k in self.kecamatan) if self.recipients_named else 0

    @property
    def declared(self) -> bool:
        """Whether any count comes from a document rather than from names."""
        return any(k.declared for k in self.kecamatan)

    @property
    def kecamatan_count(self) -> int:
        """How many kecamatan the recipients come from."""
        return len(self.kecamatan)

    @property
    def figures(self) -> tuple[FactLine, ...]:
        """Every figure the article may state, with its source; the article marks those it does."""
        return fact_lines(self)

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


def facts(event: Event, content: Content, rules: policy.Policy, words: Mapping[str, Any],
          photos: tuple[Picture, ...] = ()) -> ArticleFacts:
    """Count and order everything the article about `event` will say.

    `words` is the templates' word list (kata.yml): the attribution verbs
    are chosen from it. `photos` are the event's photos as published (a
    build makes them; `warta render` has none).
    """
    region = content.region
    here = Where(Output.ARTICLE, event.slug)
    recipients = event.recipients
    kecamatan = tuple(_group(event, place, rules, here) for place in event.places)
    payments = tuple(_payment(event, i, p, rules, here) for i, p in enumerate(event.payments, start=1))
    each = [g for place in event.places for r in place.recipients for g in r.goods]
    return ArticleFacts(
        slug=event.slug,
        kind=event.what,
        seed=zlib.crc32(event.slug.encode()),
        title=event.title,
        date=event.date,
        time=event.time,
        timezone=region.timezone,
        iana_zone=region.iana_zone,
        dateline=content.site.dateline,
        region=region.name,
        region_short=region.short_name,
        places=region.system,
        venue=event.venue.name,
        venue_address=event.venue.address,
        program=program_facts(content, event.program),
        activity=event.activity,
        purpose=event.purpose,
        organizers=tuple(organization(content, key) for key in event.organizers),
        group=recipients.group if recipients else None,
        recipient_kind=recipients.kind if recipients else None,
        recipient_count=recipients.count if recipients else 0,
        source=recipients.source if recipients else None,
        kecamatan=kecamatan,
        certified=sum(k.certified for k in kecamatan),
        goods=goods_total(event.goods or each),
        payments=payments,
        participants=Participants(event.participants.count, event.participants.who, event.participants.source)
        if event.participants else None,
        training=_training(event, content),
        budget=Budget(event.budget.amount, event.budget.source, event.budget.fiscal_year) if event.budget else None,
        speakers=_speakers(event, content, words),
        corrections=tuple(Correction(c.date, c.time, c.note, c.before, c.after) for c in event.corrections),
        tags=event.tags,
        photos=photos,
        publisher=organization(content, content.site.publisher),
        footer_preset=content.site.footer.preset,
        footer_contact=content.site.footer.contact,
        footer_text=content.site.footer.text,
        draft=event.draft,
    )


def fact_lines(f: ArticleFacts) -> tuple[FactLine, ...]:
    """The figures of `f`, in article order, each once.

    Why all of them and not only the stated ones: which the text states is
    the template's choice (a long lead drops the kecamatan count), so the
    template marks what it printed and the box keeps those lines.
    """
    counts, rows = "penerima-per-kecamatan", "kegiatan"
    lines: list[FactLine] = []
    if f.group:
        lines.append(FactLine("penerima", "penerima", f.recipient_count, f.group, f.source if f.declared else None,
                              not f.declared, counts))
        lines.append(FactLine("kecamatan", "kecamatan", f.kecamatan_count, "", None, True, counts))
        lines.extend(FactLine(f"kecamatan-{k.code}", "penerima_kecamatan", k.count, k.name,
                              f.source if k.declared else None, not k.declared, counts) for k in f.kecamatan)
        lines.append(FactLine("lulus", "lulus", f.certified, f.group, None, True, counts))
        representatives = sum(k.names.count for k in f.kecamatan)
        lines.append(FactLine("perwakilan", "perwakilan", representatives, f.group, None, True, counts))
    # Goods given per recipient make the event's goods their sum.
    each = [(m.name, g) for k in f.kecamatan for m in k.members for g in m.goods]
    for i, g in enumerate(f.goods, start=1):
        lines.append(FactLine(f"barang-{i}", "barang", g.quantity, f"{g.unit} {g.item}", None, bool(each), "barang"))
    lines.extend(FactLine(f"barang-penerima-{i}", "barang_penerima", g.quantity, f"{g.unit} {g.item}", None, False, None,
                          who=name)
                 for i, (name, g) in enumerate(each, start=1))
    for pay in f.payments:
        lines.append(FactLine(f"pembayaran-{pay.position}-penerima", "pembayaran_penerima", pay.count, pay.kind, None, True, "pembayaran"))
        if pay.amount:
            lines.append(FactLine(f"pembayaran-{pay.position}-nominal", "nominal", pay.amount, pay.kind, None, False, "pembayaran"))
            lines.append(FactLine(f"pembayaran-{pay.position}-total", "total", pay.total or 0, pay.kind, None, True, "pembayaran"))
    if f.training:
        for what, value in (("hari", f.training.days), ("jam", f.training.hours)):
            if value:
                lines.append(FactLine(what, what, value, "", None, False, None))
    if f.participants:
        lines.append(FactLine("peserta", "peserta", f.participants.count, "", f.participants.source, False, rows))
    if f.budget:
        lines.append(FactLine("anggaran", "anggaran", f.budget.amount, "", f.budget.source, False, rows,
                              f.budget.fiscal_year))
    program = f.program
    if program.budget:
        lines.append(FactLine("anggaran-program", "anggaran_program", program.budget.amount, program.name,
                              program.budget.source, False, None, program.budget.fiscal_year))
    if program.target:
        lines.append(FactLine("target", "target", program.target.count, program.target.unit or f.group or "",
                              program.target.source, False, None, program.target.year))
    return tuple(lines)


def _group(event: Event, place: Place, rules: policy.Policy, here: Where) -> KecamatanGroup:
    names = rules.names(policy.recipients(event, place), here)
    members = tuple(
        Member(r.name, r.kelurahan.name if r.kelurahan else None, bool(r.kelurahan and r.kelurahan.urban),
               goods_total(r.goods), r.certified)
        for r in place.recipients
    ) if names.shown is Shown.FULL else ()
    return KecamatanGroup(place.kecamatan.name, place.kecamatan.code, place.count, place.declared is not None,
                          names, members, place.certified)


def _payment(event: Event, position: int, payment: Any, rules: policy.Policy, here: Where) -> Payment:
    to_recipients = payment.to == "recipients"
    count = event.recipients.count if to_recipients and event.recipients else len(payment.recipients)
    return Payment(
        position=position,
        kind=payment.kind,
        count=count,
        names=rules.names(policy.payees(event, payment), here),
        amount=payment.amount,
        total=payment.amount * count if payment.amount else None,
        to_recipients=to_recipients,
        heirs=payment.heirs,
        period=payment.period,
        channel=payment.channel,
    )


def program_facts(content: Content, key: str) -> ProgramFacts:
    program = content.programs[key]
    target = program.target
    return ProgramFacts(
        key=key,
        name=program.name,
        summary=program.summary,
        benefits=program.benefits,
        target=Target(target.count, target.unit, target.year, target.source) if target else None,
        budget=Budget(program.budget.amount, program.budget.source, program.budget.fiscal_year) if program.budget else None,
        how_to_join=program.how_to_join,
    )


def _training(event: Event, content: Content) -> Training | None:
    t = event.training
    if t is None:
        return None
    return Training(t.days, t.hours, organization(content, t.provider) if t.provider else None, t.certifier)


def _speakers(event: Event, content: Content, words: Mapping[str, Any]) -> tuple[Speaker, ...]:
    quoted = [s.person for s in event.speakers for _ in s.quotes]
    verbs = iter(attribution_verbs(quoted, words["kutipan"], seed=zlib.crc32(event.slug.encode())))
    speakers = []
    for speaker in event.speakers:
        person = content.people[speaker.person]
        quotes = tuple(Quote(q.text, next(verbs), i > 0) for i, q in enumerate(speaker.quotes))
        resident = person.kind == "warga"
        title = (person.role if resident else person.title) or ""
        speakers.append(Speaker(speaker.person, person.name, resident, title, person.short, speaker.remarks, quotes))
    return tuple(speakers)


def attribution_verbs(speakers: list[str], verbs: Mapping[str, Sequence[str]], *, seed: int) -> list[str]:
    """One attribution verb per quote, for quotes by `speakers` in article order.

    `verbs` gives the choices (kata.yml ``kutipan``): `pertama` for a
    speaker's first quote, `lanjutan` for a further quote by the same
    speaker (it shares the paragraph, so it takes "-nya"), `penutup` for
    the article's last quote when it opens a paragraph of its own. The same
    verb never comes twice in a row; the choice rotates from `seed`, so
    articles don't all read alike, yet one event always gets the same verbs.

    >>> table = {"pertama": ["kata", "ujar"], "lanjutan": ["tambah", "imbuh"], "penutup": ["pungkas"]}
    >>> attribution_verbs(["wawan", "christian"], table, seed=0)
    ['kata', 'pungkas']
    >>> attribution_verbs(["a", "a", "b"], table, seed=1)
    ['ujar', 'tambahnya', 'pungkas']
    """
    chosen: list[str] = []
    for i, speaker in enumerate(speakers):
        again = i > 0 and speakers[i - 1] == speaker
        if again:
            role, suffix = "lanjutan", "nya"
        elif i == len(speakers) - 1 and i > 0:
            role, suffix = "penutup", ""
        else:
            role, suffix = "pertama", ""
        options = [v for v in verbs[role] if not chosen or v + suffix != chosen[-1]] or list(verbs[role])
        chosen.append(options[(seed + i) % len(options)] + suffix)
    return chosen
