"""Checks across records: keys that name nothing, places outside the region,
aliases that lead nowhere, the same recipient twice, corrections before
their event.

Every check reads the plain data the YAML reader made, not the validated
records, so a record with a schema error still has its keys and places
checked in the same run, and every problem keeps the writer's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticCustomError

from ..core import wilayah
from ..core.errors import Problem
from ..core.text import closest, fold, place_key
from .model import Organization, Person, Program, parse_date
from .places import Resolver
from .reading import Parsed, Path_


@dataclass(frozen=True)
class References:
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
                "value": local, "target": target, "region": region.name, "suggestion": closest(target, official.values()),
            })


def event_problems(doc: Parsed, refs: References, places: Resolver | None) -> Iterator[Problem]:
    data = doc.data
    yield from refs.program(doc, ("program",), field(data, "program"))
    for i, key in entries(field(data, "organizers")):
        yield from refs.organization(doc, ("organizers", i), key)
    for i, speaker in entries(field(data, "speakers")):
        yield from refs.person(doc, ("speakers", i, "person"), field(speaker, "person"))
    by_kecamatan = field(field(data, "recipients"), "by_kecamatan")
    if places is not None:
        yield from _place_problems(doc, by_kecamatan, places)
    yield from _duplicates(doc, ("recipients", "by_kecamatan"), [
        (item, (kecamatan, i))
        for kecamatan, items in entries(by_kecamatan)
        for i, item in entries(items)
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
    for name, items in entries(by_kecamatan):
        loc = ("recipients", "by_kecamatan", name)
        kecamatan = places.kecamatan(name)
        if kecamatan is None:
            yield Problem("kecamatan.unknown", doc.source(loc), {
                "value": name, "region": region.name, "suggestion": region.suggest_kecamatan(name),
            })
            continue
        for i, item in entries(items):
            kelurahan = field(item, "kelurahan")
            if isinstance(kelurahan, str) and places.kelurahan(kecamatan, kelurahan) is None:
                yield Problem("kelurahan.unknown", doc.source((*loc, i, "kelurahan")), {
                    "value": kelurahan, "kecamatan": kecamatan.name,
                    "suggestion": closest(kelurahan, [k.name for k in kecamatan.kelurahan]),
                })


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
