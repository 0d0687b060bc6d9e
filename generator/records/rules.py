"""Checks across records: keys that name nothing, places outside the region,
aliases that lead nowhere, the same recipient twice, corrections before
their event.

Every check reads the plain data the YAML reader made, not the validated
records, so a record with a schema error still has its keys and places
checked in the same run, and every problem keeps the writer's line.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..core import bahasa, imaging, privacy, wilayah
from ..core.errors import Problem, Source
from ..core.text import closest, fold, place_key
from .model import Event, Goods, media_name, parse_date
from .places import Resolver
from .reading import Identifier, Parsed, Path_, read_plain


@dataclass(frozen=True)
class References:
    """The keys other records may name; each check yields what names nothing.

    A key counts when it is written, even if its record has a mistake of its
    own (reported there). None stands for a file that could not be read at
    all: every name would dangle, and saying so would bury the one mistake.
    """

    organizations: Collection[str] | None
    people: Collection[str] | None
    programs: Collection[str]

    def organization(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.organization", doc, loc, key, self.organizations)

    def person(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.person", doc, loc, key, self.people)

    def program(self, doc: Parsed, loc: Path_, key: Any) -> Iterator[Problem]:
        return _dangling("ref.program", doc, loc, key, self.programs)


def written_keys(doc: Parsed | None) -> Collection[str] | None:
    """The keys a file of keyed records (organizations.yml, people.yml) writes; None if it is unreadable."""
    if doc is None:
        return ()
    return tuple(doc.data) if isinstance(doc.data, dict) else None


def _dangling(code: str, doc: Parsed, loc: Path_, key: Any, known: Collection[str] | None) -> Iterator[Problem]:
    # A key that is not text at all is a schema problem, reported there.
    if known is not None and isinstance(key, str) and key not in known:
        yield Problem(code, doc.source(loc), {"value": key, "suggestion": closest(key, known)})


def field(data: Any, name: str) -> Any:
    """`data[name]` when `data` is a mapping; None for anything else."""
    return data.get(name) if isinstance(data, dict) else None


def entries(data: Any) -> Iterator[tuple[Any, Any]]:
    """(key, value) of a mapping or (index, item) of a list; nothing otherwise."""
    if isinstance(data, dict):
        yield from data.items()
    elif isinstance(data, list):
        yield from enumerate(data)


def region(site_doc: Parsed) -> tuple[wilayah.Region | None, list[Problem]]:
    """The site's region, read even when another site.yml field is wrong."""
    code = field(site_doc.data, "region")
    if not isinstance(code, str) or not re.fullmatch(r"\d{2}\.\d{2}", code):
        return None, []  # a schema problem, reported there
    found = wilayah.region(code)
    if found is None:
        return None, [Problem("region.unknown", site_doc.source(("region",)), {"value": code, "suggestion": wilayah.suggest_region(code)})]
    return found, []


def alias_problems(site_doc: Parsed, region: wilayah.Region) -> Iterator[Problem]:
    """Aliases must lead to an official kecamatan or kelurahan and must not hide one."""
    official = {place_key(k.name): k.name for k in region.kecamatan}
    official |= {place_key(v.name): v.name for k in region.kecamatan for v in k.kelurahan}
    for local, target in entries(field(site_doc.data, "aliases")):
        if not isinstance(target, str):
            continue  # a schema problem, reported there
        where = site_doc.source(("aliases", local))
        if place_key(local) in official:
            yield Problem("alias.official", where, {"value": local, "official": official[place_key(local)], "region": region.name})
        elif place_key(target) not in official:
            yield Problem("alias.unknown", where, {
                "value": local, "target": target, "region": region.name, "suggestion": closest(target, official.values(), key=place_key),
            })


def event_problems(doc: Parsed, refs: References, places: Resolver | None) -> Iterator[Problem]:
    data = doc.data
    yield from refs.program(doc, ("program",), field(data, "program"))
    for i, key in entries(field(data, "organizers")):
        yield from refs.organization(doc, ("organizers", i), key)
    for i, speaker in entries(field(data, "speakers")):
        yield from refs.person(doc, ("speakers", i, "person"), field(speaker, "person"))
    yield from refs.organization(doc, ("training", "provider"), field(field(data, "training"), "provider"))
    by_kecamatan = field(field(data, "recipients"), "by_kecamatan")
    if places is not None:
        yield from _place_problems(doc, by_kecamatan, places)
    yield from _duplicates(doc, ("recipients", "by_kecamatan"), [
        (item, (kecamatan, *where)) for kecamatan, value in entries(by_kecamatan) for where, item in _listed(value)
    ])
    for p, payment in entries(field(data, "payments")):
        yield from _duplicates(doc, ("payments", p, "recipients"), [(item, (i,)) for i, item in entries(field(payment, "recipients"))])
    yield from _correction_problems(doc)


def _correction_problems(doc: Parsed) -> Iterator[Problem]:
    try:
        event_date = parse_date(field(doc.data, "date"))
    except PydanticCustomError:
        return  # already reported as a bad date
    for i, correction in entries(field(doc.data, "corrections")):
        try:
            when = parse_date(field(correction, "date"))
        except PydanticCustomError:
            continue
        if when < event_date:
            yield Problem("correction.before_event", doc.source(("corrections", i, "date")), {
                "value": when.isoformat(), "event_date": event_date.isoformat(),
            })


def _place_problems(doc: Parsed, by_kecamatan: Any, places: Resolver) -> Iterator[Problem]:
    """Kecamatan outside the site's region, kelurahan outside their kecamatan.

    Why the same resolver as the records: a name is refused here exactly
    when `Recipients.places` could not place it.
    """
    region = places.region
    forms: dict[str, tuple[bool, int]] = {}
    for name, value in entries(by_kecamatan):
        loc = ("recipients", "by_kecamatan", name)
        kecamatan = places.kecamatan(name)
        if kecamatan is None and _personal(name):
            continue
        if kecamatan is None:
            yield Problem("kecamatan.unknown", doc.source(loc), {
                "value": name, "region": region.name, "suggestion": region.suggest_kecamatan(name),
            })
            continue
        # Two spellings of one kecamatan merge, but a list and a count cannot.
        declared, line = isinstance(value, dict), doc.source(loc).line
        first = forms.setdefault(kecamatan.code, (declared, line))
        if first[0] != declared:
            yield Problem("kecamatan.mixed", doc.source(loc), {"kecamatan": kecamatan.name, "other": first[1]})
        for where, item in _listed(value):
            kelurahan = field(item, "kelurahan")
            if isinstance(kelurahan, str) and not _personal(kelurahan) and places.kelurahan(kecamatan, kelurahan) is None:
                yield Problem("kelurahan.unknown", doc.source((*loc, *where, "kelurahan")), {
                    "value": kelurahan, "kecamatan": kecamatan.name,
                    "suggestion": closest(kelurahan, [k.name for k in kecamatan.kelurahan], key=place_key),
                })


def _personal(place: str) -> bool:
    """Whether a written place holds personal data (an RT/RW, a phone number).

    Why: that is one mistake, reported as personal data; "no such
    kelurahan" on the same line would be a second message for it.
    """
    return bool(privacy.find_identifiers(place, official_emails_ok=True))


def _listed(value: Any) -> Iterator[tuple[Path_, Any]]:
    """The recipients one kecamatan lists, with their place below it: a list's items, or a count's `names`."""
    if isinstance(value, dict):
        yield from ((("names", i), item) for i, item in entries(field(value, "names")))
    else:
        yield from (((i,), item) for i, item in entries(value))


def _duplicates(doc: Parsed, base: Path_, items: list[tuple[Any, Path_]]) -> Iterator[Problem]:
    # Two people may share a name; the kelurahan tells them apart, so only
    # the same name in the same (or no) kelurahan is the same recipient.
    first: dict[tuple[str, str], Path_] = {}
    for item, loc in items:
        name = item if isinstance(item, str) else field(item, "name")
        kelurahan = field(item, "kelurahan")
        if not isinstance(name, str):
            continue
        identity = (fold(name), place_key(kelurahan) if isinstance(kelurahan, str) else "")
        if identity in first:
            other = doc.source((*base, *first[identity])).line
            yield Problem("recipient.duplicate", doc.source((*base, *loc)), {"value": " ".join(name.split()), "other": other})
        else:
            first[identity] = loc


@dataclass(frozen=True)
class Contacts:
    """The public contacts ``site.yml`` lists: an identifier that is one of them may stay in any text."""

    official: tuple[str, ...]

    @classmethod
    def of(cls, site_doc: Parsed) -> Contacts:
        listed = [c for _, c in entries(field(site_doc.data, "official_contacts")) if isinstance(c, str)]
        office = [field(field(site_doc.data, "footer"), "contact"), field(site_doc.data, "address"),
                  field(field(site_doc.data, "press_contact"), "contact")]
        return cls(tuple(listed + [c for c in office if isinstance(c, str)]))

    def lists(self, found: Identifier) -> bool:
        """Whether `found` is (part of) an official contact: same digits, same address, same mailbox."""
        return privacy.is_listed(found.text, self.official)


# Where a file may hold what looks like personal data, by file and field:
# the site's own contacts, and the address of the public building an event
# takes place in (record-format.md, venue).
_SITE_FIELDS: dict[Path_, frozenset[str] | None] = {
    ("footer", "contact"): frozenset({privacy.EMAIL}),
    ("address",): frozenset({privacy.ADDRESS, privacy.PHONE}),  # the office's own address and telephone
    ("press_contact", "contact"): frozenset({privacy.EMAIL, privacy.PHONE}),  # the narahubung's office line
}
_EVENT_FIELDS: dict[Path_, frozenset[str]] = {("venue", "address"): frozenset({privacy.ADDRESS})}
# Fields the schema reads as numbers: a long run of digits there is an
# amount in rupiah (1080000000), not an account; a 16-digit NIK is still refused.
_NUMBER_FIELDS = frozenset({"amount", "count", "quantity"})


def identifier_problems(doc: Parsed, contacts: Contacts, *, site: bool = False, event: bool = False) -> Iterator[Problem]:
    """Personal data in one file, less what that file may hold and the official contacts."""
    for found in doc.identifiers:
        if site and (found.path[:1] == ("official_contacts",) or found.kind in (_SITE_FIELDS.get(found.path) or ())):
            continue
        if event and found.kind in _EVENT_FIELDS.get(found.path, ()):
            continue
        if found.kind == privacy.ACCOUNT and found.path[-1:] and found.path[-1] in _NUMBER_FIELDS:
            continue
        if contacts.lists(found):
            continue
        yield Problem(f"pii.{found.kind}", Source(doc.display, found.line), {"field": doc.field(found.path)})


# --------------------------------------------------------------------------
# Record format v2: what the kind of an event asks of it, declared counts,
# payments, goods.

NEEDS_RECIPIENTS = frozenset({"penyerahan", "penyaluran", "bantuan-tunai"})


def kind_problems(doc: Parsed) -> Iterator[Problem]:
    """An event's fields must fit its kind (record-format.md, events)."""
    data = doc.data
    if not isinstance(data, dict):
        return  # unreadable or not a mapping: reported as such
    kind, recipients = field(data, "kind"), field(data, "recipients")
    if recipients is None and kind is None:
        yield Problem("event.kind_missing", doc.source(("program",)))
    elif recipients is None and kind in NEEDS_RECIPIENTS:
        yield Problem("event.recipients_missing", doc.source(("kind",)), {"kind": kind})
    if field(data, "training") is not None and kind != "pelatihan":
        yield Problem("event.training_kind", doc.source(("training",)))
    by_kecamatan = field(recipients, "by_kecamatan")
    for name, value in entries(by_kecamatan):
        loc = ("recipients", "by_kecamatan", name)
        if not isinstance(value, dict):
            continue
        if field(recipients, "source") is None:
            yield Problem("recipients.source_missing", doc.source((*loc, "count")), {"kecamatan": name})
        count, names = field(value, "count"), field(value, "names")
        if isinstance(count, str) and count.isdigit() and isinstance(names, list) and len(names) > int(count):
            yield Problem("recipients.names_over_count", doc.source((*loc, "names")), {"names": len(names), "count": int(count)})
    payments = field(data, "payments")
    for i, payment in enumerate(payments if isinstance(payments, list) else ()):
        to, payees = field(payment, "to"), field(payment, "recipients")
        if to is not None and payees:
            yield Problem("payment.to_and_recipients", doc.source(("payments", i, "to")))
        elif to is None and not payees:
            yield Problem("payment.nobody", doc.source(("payments", i)))
        elif to is not None and recipients is None:
            yield Problem("payment.to_without_recipients", doc.source(("payments", i, "to")))


def checked_event_problems(doc: Parsed, event: Event) -> Iterator[Problem]:
    """What only a whole, validated event shows: certificates outside a training, goods that do not add up."""
    if event.what != "pelatihan":
        for place in event.places:
            for r in place.recipients:
                if not r.certified:
                    yield Problem("recipient.certified_kind", r.written_at)
    each = _goods_sum(g for place in event.places for r in place.recipients for g in r.goods)
    if not each or not event.goods:
        return
    given = _goods_sum(event.goods)
    if given != each:
        yield Problem("goods.sum", doc.source(("goods",)), {"given": _goods_text(given), "counted": _goods_text(each)})


def _goods_sum(goods: Iterable[Goods]) -> dict[tuple[str, str], Decimal]:
    total: dict[tuple[str, str], Decimal] = {}
    for g in goods:
        key = (fold(g.item), fold(g.unit))
        total[key] = total.get(key, Decimal(0)) + g.quantity
    return total


def _goods_text(total: Mapping[tuple[str, str], Decimal]) -> str:
    return ", ".join(f"{quantity.normalize():f} {unit} {item}" for (item, unit), quantity in sorted(total.items()))


# --------------------------------------------------------------------------
# The counting rule: a number typed into prose must be one the record gives.

_COUNTED = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s+([^\W\d_][\w-]*)")
_MONEY = re.compile(r"(?<!\w)Rp\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(ribu|juta|miliar|triliun)\b)?", re.IGNORECASE)
_SCALE = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
_PEOPLE_WORDS = frozenset({"penerima", "orang", "warga", "keluarga", "kk", "lembaga", "kelompok", "jiwa"})
_PARTICIPANT_WORDS = frozenset({"peserta", "undangan", "hadirin"})
_PLACE_WORDS = frozenset({"kecamatan", "distrik", "kapanewon", "kemantren"})


def _number(whole: str, decimals: str | None) -> Decimal:
    return Decimal(whole.replace(".", "") + (f".{decimals}" if decimals else ""))


def _figures(event: Event) -> dict[str, set[Decimal]]:
    """Every figure the record gives, by what it counts (prose may state any of them)."""
    recipients = event.recipients
    counted: dict[str, set[Decimal]] = {"recipients": set(), "participants": set(), "places": set(), "rupiah": set()}
    if recipients is not None:
        counted["recipients"] |= {Decimal(recipients.count), *(Decimal(p.count) for p in event.places)}
        counted["recipients"] |= {Decimal(sum(r.certified for p in event.places for r in p.recipients))}
        counted["places"].add(Decimal(len(event.places)))
    for payment in event.payments:
        payees = recipients.count if payment.to and recipients else len(payment.recipients)
        counted["recipients"].add(Decimal(payees))
        if payment.amount:
            counted["rupiah"] |= {Decimal(payment.amount), Decimal(payment.amount * payees)}
    if event.participants is not None:
        counted["participants"].add(Decimal(event.participants.count))
        if event.what == "pelatihan":
            counted["participants"] |= counted["recipients"]
    if event.budget is not None:
        counted["rupiah"].add(Decimal(event.budget.amount))
    goods = [*event.goods, *(g for p in event.places for r in p.recipients for g in r.goods)]
    for total_key, total in _goods_sum(goods).items():
        counted.setdefault(f"unit:{total_key[1]}", set()).add(total)
    for g in goods:
        counted.setdefault(f"unit:{fold(g.unit)}", set()).add(g.quantity)
    if event.training is not None:
        counted["days"] = {Decimal(event.training.days)} if event.training.days else set()
        counted["hours"] = {Decimal(event.training.hours)} if event.training.hours else set()
    return counted


def _counts_what(noun: str, event: Event) -> str | None:
    """What a number followed by `noun` counts, in this event's words; None for anything else."""
    noun = noun.casefold()
    group = {w for w in fold(event.recipients.group).split() if len(w) > 2} if event.recipients else set()
    if noun in _PLACE_WORDS:
        return "places"
    if noun in _PARTICIPANT_WORDS or (event.participants and noun in {fold(w) for w in event.participants.who}):
        return "participants" if event.participants or event.what != "pelatihan" else "recipients"
    if noun in _PEOPLE_WORDS or noun in group:
        return "recipients"
    if noun == "hari":
        return "days"
    if noun == "jam":
        return "hours"
    return f"unit:{noun}"


def _prose(event: Event) -> Iterator[tuple[Path_, str]]:
    """The prose fields, where no number may disagree with the record."""
    for name in ("title", "activity", "purpose"):
        if getattr(event, name):
            yield (name,), getattr(event, name)
    for i, speaker in enumerate(event.speakers):
        if speaker.remarks:
            yield ("speakers", i, "remarks"), speaker.remarks


def prose_problems(doc: Parsed, event: Event) -> Iterator[Problem]:
    """"Judul menyebut 25 penerima, catatan berisi 24": a typed number must match a figure of the record."""
    figures = _figures(event)
    for path, text in _prose(event):
        for m in _COUNTED.finditer(text):
            counts = _counts_what(m[3], event) or ""
            known = figures.get(counts, set())
            if known and _number(m[1], m[2]) not in known:
                yield Problem("prose.count", doc.source(path), {
                    "field": doc.field(path), "stated": f"{m[1]}{',' + m[2] if m[2] else ''} {m[3]}",
                    "counted": _main_figure(event, counts, known),
                })
        for m in _MONEY.finditer(text):
            amount = _number(m[1], m[2]) * _SCALE.get((m[3] or "").casefold(), 1)
            if figures["rupiah"] and amount not in figures["rupiah"]:
                yield Problem("prose.amount", doc.source(path), {
                    "field": doc.field(path), "stated": m[0],
                    "counted": " atau ".join(bahasa.rupiah(int(v)) for v in sorted(figures["rupiah"])),
                })


def _main_figure(event: Event, counts: str, known: set[Decimal]) -> str:
    """The figure a message names: the total of what was counted, not every part of it."""
    if counts == "recipients" and event.recipients is not None:
        return bahasa.digits(event.recipients.count)
    if counts == "participants" and event.participants is not None:
        return bahasa.digits(event.participants.count)
    return " atau ".join(bahasa.quantity(v) for v in sorted(known))


# --------------------------------------------------------------------------
# Photos and the logo: files in content/media/ that can be published.


PhotoChecks = dict[tuple[str, int, int, int, int], str | None]
"""What `imaging.problem` said of each media file, by (path, inode, size, modification and change times in ns).

Kept by `mkdocs serve` between rebuilds, as git's index keeps what it
knows of a file by its status: opening every photo of the archive at every
save cost half of a save's loading at 1,000 events with a photo each.
"""


def media_problems(doc: Parsed, media: Path, locs: Iterable[Path_], checked: PhotoChecks | None = None,
                   used: PhotoChecks | None = None) -> Iterator[Problem]:
    """Each named file must be in `media` and be an image within the limits.

    With `checked`, a plain file whose status is as it was then is not
    opened again; what this call found is put in `used` (the next rebuild's `checked`).
    """
    for loc in locs:
        name = _at(doc.data, loc)
        if not isinstance(name, str) or not media_name(name):
            continue  # a schema problem, reported there
        path = media / name
        status = _status(path) if checked is not None else None
        if status is not None and status in checked:
            code, size = checked[status], status[2]
        else:
            # The size is checked on the bytes, as for any photo; only what may be opened is read.
            data = read_plain(path, str(path), limit=sys.maxsize) if not path.is_dir() else Problem("file.missing", doc.source(loc))
            if isinstance(data, Problem):
                yield Problem("media.missing", doc.source(loc), {"file": name}) if data.code == "file.missing" else data
                continue
            code, size = imaging.problem(data), len(data)
        if status is not None and used is not None:
            used[status] = code
        if code:
            yield Problem(code, doc.source(loc), {
                "file": name, "size": round(size / 1e6, 1), "limit": imaging.MAX_BYTES // 1_000_000,
                "pixels": "lebih dari 50" if code == "media.too_many_pixels" else "",
            })


def _status(path: Path) -> tuple[str, int, int, int, int] | None:
    """What `PhotoChecks` knows a plain file by; None for anything else (a link, a folder, a missing file): those are read."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return str(path), found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def photo_fields(doc: Parsed) -> list[Path_]:
    """Where an event names its photo files."""
    photos = field(doc.data, "photos")
    return [("photos", i, "file") for i in range(len(photos))] if isinstance(photos, list) else []


def _at(data: Any, loc: Path_) -> Any:
    for part in loc:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = field(data, part)
    return data
