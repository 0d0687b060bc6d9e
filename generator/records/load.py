"""A content folder -> `Content`, with every problem of every file found at once.

Reading (`reading`), converting (`validation`) and checking across files
(`rules`) happen here in order; all problems are raised together, sorted,
so an editor fixes a whole folder in one pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from pydantic import TypeAdapter, ValidationError

from ..core import privacy, wilayah
from ..core.cache import Store
from ..core.errors import FieldPath, Problem, Source, WartaError
from ..core.text import slugify
from . import kept, pages, rules
from .model import KEY, Content, chronological, Event, Organization, Person, Program, Site, validation_context
from .places import Resolver
from .reading import Parsed, has_control, parse_yaml, read_plain, read_yaml, refused_entries, shown_path
from .validation import validate, validate_each

ReadCache = dict[tuple[str, bytes], Parsed]
"""Parsed files by (path, content digest), kept by `mkdocs serve` between rebuilds."""

EventCache = dict[tuple[str, bytes, str], Event]
"""Sound events by (path, content digest, the places they were resolved in), kept by `mkdocs serve` between rebuilds."""


class _Reader:
    """Reads the files of one load, through the serve cache and the build cache when there are any."""

    def __init__(self, root: Path, cache: ReadCache | None, store: Store | None = None,
                 events: EventCache | None = None) -> None:
        self.root = root
        self.cache = cache
        self.store = store
        self.events = events
        self.docs: list[Parsed] = []
        self.used: set[tuple[str, bytes]] = set()
        self.fingerprints: dict[str, bytes] = {}  # display name -> digest of the bytes read
        self.events_used: set[tuple[str, bytes, str]] = set()

    def __call__(self, path: Path, record: str) -> Parsed:
        name = shown_path(self.root, path)
        raw = read_plain(path, name)
        if isinstance(raw, Problem):
            self.docs.append(Parsed(None, {}, [raw], name, record=record))
            return self.docs[-1]
        if self.cache is None and self.store is None and self.events is None:
            self.docs.append(parse_yaml(raw, name, record))
            return self.docs[-1]
        # A preview rebuild after one edit re-reads one file, not the archive;
        # so does a build after one new event, from the build cache.
        fingerprint = hashlib.blake2b(raw, digest_size=16).digest()
        self.fingerprints[name] = fingerprint
        key = (name, fingerprint)
        self.used.add(key)
        hit = self.cache.get(key) if self.cache is not None else None
        if hit is None:
            hit = self._stored(name, record, fingerprint, raw)
            if self.cache is not None:
                self.cache[key] = hit
        # Validation adds its problems to the copy, never to the cached original.
        self.docs.append(Parsed(hit.data, hit.lines, list(hit.problems), hit.display, hit.identifiers, hit.record))
        return self.docs[-1]

    def _stored(self, name: str, record: str, fingerprint: bytes, raw: bytes) -> Parsed:
        """The file parsed, as the build cache kept it or afresh (and then kept)."""
        if self.store is None:
            return parse_yaml(raw, name, record)
        key = self.store.key("parsed", name, record, fingerprint)
        data = self.store.get(key)
        hit = kept.unpack(data) if data is not None else None
        if isinstance(hit, Parsed):
            return hit
        parsed = parse_yaml(raw, name, record)
        self.store.put(key, kept.pack(parsed))
        return parsed

    def event(self, doc: Parsed, places: Resolver | None, slug: str) -> Event | None:
        """The event `doc` holds, validated, or as a preview rebuild validated it from the same bytes and places."""
        fingerprint = self.fingerprints.get(doc.display)
        if self.events is None or places is None or fingerprint is None:
            return validate(Event, doc, context=validation_context(places, slug=slug))
        key = (doc.display, fingerprint, repr((places.region.code, sorted(places.aliases.items()))))
        self.events_used.add(key)
        if key not in self.events:
            event = validate(Event, doc, context=validation_context(places, slug=slug))
            if event is None:
                return None  # a broken event's problems are worked out again, on its copy of the parse
            self.events[key] = event
        return self.events[key]

    def forget_the_rest(self) -> None:
        """Drop cached files and events this load did not read (deleted or changed since)."""
        if self.cache is not None:
            for stale in self.cache.keys() - self.used:
                del self.cache[stale]
        if self.events is not None:
            for stale in self.events.keys() - self.events_used:
                del self.events[stale]


@dataclass(frozen=True)
class Loading:
    """One reading of a content folder: the records that are sound, and every problem found.

    A build publishes only when nothing but drafts has problems
    (`published`); the editors' preview shows what it can (`preview`).
    Problems are told apart by the file they were found in.
    """

    content: Content | None  # every sound record, drafts included; None when a shared file is broken
    problems: tuple[Problem, ...]
    event_files: Mapping[str, str]  # event slug -> the file it is written in, as problems name it
    drafts: frozenset[str]  # slugs of events written `draft: true`, sound or not

    def published(self, *, drafts: bool = False) -> Content:
        """The public content, without drafts (sound drafts too with `drafts`); raise WartaError unless every other record is sound.

        A draft's own problems do not stop the build (it is unfinished by
        definition), but personal data does: it is refused in any record.
        """
        forgiven = set(self.draft_problems())
        blocking = [p for p in self.problems if p not in forgiven]
        if blocking or self.content is None:
            raise WartaError(blocking or list(self.problems))
        return replace(self.content, events=tuple(e for e in self.content.events if drafts or not e.draft))

    def draft_problems(self) -> tuple[Problem, ...]:
        """The problems that do not stop a build: those of drafts (their personal data aside)."""
        draft_files = {self.event_files[slug] for slug in self.drafts}
        return tuple(p for p in self.problems if p.source.path in draft_files and not p.code.startswith("pii."))

    def broken(self, more: Sequence[Problem] = ()) -> Mapping[str, tuple[Problem, ...]]:
        """Problems by event slug, with `more` found later (the privacy check of the texts)."""
        slug_of = {file: slug for slug, file in self.event_files.items()}
        found: dict[str, list[Problem]] = {}
        for problem in (*self.problems, *more):
            if problem.source.path in slug_of:
                found.setdefault(slug_of[problem.source.path], []).append(problem)
        return {slug: tuple(problems) for slug, problems in found.items()}

    def shared_problems(self) -> tuple[Problem, ...]:
        """Problems outside the event files: site.yml, organisations, people, programmes."""
        files = set(self.event_files.values())
        return tuple(p for p in self.problems if p.source.path not in files)


def load_content(root: Path, *, today: date | None = None, cache: ReadCache | None = None,
                 store: Store | None = None, events: EventCache | None = None) -> Content:
    """The public content of a folder (drafts left out); raise WartaError with every problem that stops it."""
    return load(root, today=today, cache=cache, store=store, events=events).published()


def load(root: Path, *, today: date | None = None, cache: ReadCache | None = None, store: Store | None = None,
         events: EventCache | None = None, photos: rules.PhotoChecks | None = None) -> Loading:
    """Read and check a whole content folder, keeping every problem with the file it is in.

    With `today`, an event dated more than ``site.future_days`` after it is
    refused (a typo in the year, usually). Without it, nothing depends on
    the clock, which tests and reproducible builds rely on. With `store`,
    a file whose bytes the build cache has seen is not parsed again; with
    `events` (the preview's, in memory), an unchanged event is not
    validated again either; with `photos` (the preview's too), an unchanged
    media file is not opened again.
    """
    # Nothing is read before every symlink, pipe and device is known: the
    # build then fails with the whole list, the old site untouched.
    problems: list[Problem] = refused_entries(root) if root.is_dir() else []
    read = _Reader(root, cache, store, events)

    site_path = root / "site.yml"
    if not site_path.is_file():
        missing = (Problem("file.missing", Source(f"{root}/site.yml")),)
        return Loading(None, tuple(sorted({*problems, *missing}, key=lambda p: p.sort_key)), {}, frozenset())
    site_doc = read(site_path, "Site")
    site = validate(Site, site_doc)
    orgs_doc = read(root / "organizations.yml", "Organization") if (root / "organizations.yml").is_file() else None
    people_doc = read(root / "people.yml", "Person") if (root / "people.yml").is_file() else None
    organizations = validate_each(Organization, orgs_doc) if orgs_doc else {}
    people = validate_each(Person, people_doc) if people_doc else {}

    region, region_problems = rules.region(site_doc)
    problems += region_problems
    if region is not None:
        problems += rules.alias_problems(site_doc, region)
    places = Resolver(region, site.aliases if site else {}) if region is not None else None

    programs: dict[str, Program] = {}
    program_docs: list[Parsed] = []
    program_slugs: list[str] = []
    for path, slug in _record_files(root, "programs", problems):
        doc = read(path, "Program")
        program_docs.append(doc)
        program_slugs.append(slug)
        if (program := validate(Program, doc)) is not None:
            programs[slug] = program

    events: list[Event] = []
    event_docs: dict[str, Parsed] = {}
    for path, slug in _record_files(root, "events", problems):
        doc = event_docs[slug] = read(path, "Event")
        # Validated events are kept in memory only: reading one back from
        # the build cache costs more than validating it again (0.35 s
        # against 0.28 s for 1,000).
        if (event := read.event(doc, places, slug)) is not None:
            events.append(event)

    refs = rules.References(rules.written_keys(orgs_doc), rules.written_keys(people_doc), tuple(program_slugs))
    problems += refs.organization(site_doc, ("publisher",), rules.field(site_doc.data, "publisher"))
    for key, person in rules.entries(people_doc.data if people_doc else None):
        problems += refs.organization(people_doc, (key, "organization"), rules.field(person, "organization"))
    for key, org in rules.entries(orgs_doc.data if orgs_doc else None):
        problems += refs.organization(orgs_doc, (key, "parent"), rules.field(org, "parent"))
    for doc in program_docs:
        for i, key in rules.entries(rules.field(doc.data, "partners")):
            problems += refs.organization(doc, ("partners", i), key)
    media = root / "media"
    photos_now: rules.PhotoChecks = {}
    problems += rules.media_problems(site_doc, media, [("logo",)], photos, photos_now)
    for doc in event_docs.values():
        problems += rules.event_problems(doc, refs, places)
        problems += rules.kind_problems(doc)
        problems += rules.media_problems(doc, media, rules.photo_fields(doc), photos, photos_now)
    if photos is not None:
        # Only what this load saw: a photo replaced or deleted is forgotten.
        photos.clear()
        photos.update(photos_now)
    for event in events:
        problems += rules.checked_event_problems(event_docs[event.slug], event)
        problems += rules.prose_problems(event_docs[event.slug], event)
    if today is not None and site is not None:
        horizon = today + timedelta(days=site.future_days)
        problems += (
            Problem("date.future", event_docs[e.slug].source(("date",)), {"value": e.date.isoformat(), "days": site.future_days})
            for e in events if e.date > horizon
        )

    contacts = rules.Contacts.of(site_doc)
    hand_written = pages.read(root / "pages", f"{root}/pages")
    problems += pages.problems(hand_written, contacts)
    # By identity: `in` on the docs themselves compares whole files, 1,000 by 1,000.
    event_ids = {id(doc) for doc in event_docs.values()}
    for doc in read.docs:
        problems += doc.problems
        problems += rules.identifier_problems(doc, contacts, site=doc is site_doc, event=id(doc) in event_ids)
    read.forget_the_rest()
    event_files = {slug: doc.display for slug, doc in event_docs.items()}
    drafts = frozenset(slug for slug, doc in event_docs.items() if _marked_draft(doc))
    problems = sorted({_quotable(p) for p in problems}, key=lambda p: p.sort_key)
    troubled = {p.source.path for p in problems}
    if site is None or region is None or troubled - set(event_files.values()):
        return Loading(None, tuple(problems), event_files, drafts)
    events = list(chronological(e for e in events if event_files[e.slug] not in troubled))
    venues = tuple(e.venue.address for e in events if e.venue.address)
    content = Content(site, region, organizations, people, programs, tuple(events), contacts.official + venues, media,
                      tuple((name, text) for name, text in hand_written if text is not None))
    return Loading(content, tuple(problems), event_files, drafts)


def _quotable(problem: Problem) -> Problem:
    """`problem` as it may be shown: an identifier it quotes (a value, a key in its field path) is masked."""
    def clean(value: object) -> object:
        if isinstance(value, str):
            return privacy.redact(value)
        if isinstance(value, FieldPath):
            return replace(value, parts=tuple(privacy.redact(p) if isinstance(p, str) else p for p in value.parts))
        return value

    params = {key: clean(value) for key, value in problem.params.items()}
    return problem if params == dict(problem.params) else Problem(problem.code, problem.source, params)


def site_places(root: Path) -> Resolver | None:
    """The places of the region root/site.yml names, with its `aliases`, read however broken the rest of the folder is.

    For the commands that write records (`warta new`, `warta impor`): they
    must work while the records they are about to fix are still broken.
    """
    path = root / "site.yml"
    if not path.is_file():
        return None
    doc = read_yaml(path, str(path))
    region = rules.region(doc)[0]
    if region is None:
        return None
    written = rules.field(doc.data, "aliases")
    aliases = {str(k): v for k, v in written.items() if isinstance(v, str)} if isinstance(written, dict) else {}
    return Resolver(region, aliases)


def _marked_draft(doc: Parsed) -> bool:
    """Whether an event file says `draft: true`, read as the schema reads it, however broken the rest is."""
    try:
        return _FLAG.validate_python(rules.field(doc.data, "draft"))
    except ValidationError:
        return False


_FLAG = TypeAdapter(bool)


def _record_files(root: Path, folder: str, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """The record files of one folder, in a fixed order, with their keys."""
    base = root / folder
    if not base.is_dir():
        return
    try:
        entries = sorted(base.iterdir())
    except OSError:
        return  # an unlistable folder is reported by `refused_entries`
    for path in entries:
        display = f"{root}/{folder}/{path.name}"
        # A name with a control character is reported by `refused_entries`, once.
        if path.name.startswith(".") or path.is_dir() or has_control(path.name):
            continue
        stem, suffix = path.stem, path.suffix
        suggestion = slugify(stem, fallback="kegiatan") + ".yml"
        if suffix.casefold() == ".yaml":
            problems.append(Problem("file.extension", Source(display), {"suggestion": suggestion}))
            continue
        if suffix.casefold() != ".yml":
            continue
        # ".YML" (as Windows may save it) is a record too: reported, never skipped.
        if suffix != ".yml" or not KEY.fullmatch(stem):
            problems.append(Problem("file.name", Source(display), {"name": path.name, "suggestion": suggestion}))
            continue
        yield path, stem
