"""Who may be named where, and as what: the one privacy policy of a site.

Every output asks this module and nothing else: the article writer, the
transparency pages, the downloads, and the output lint that checks every
built file afterwards. Templates receive `Names` already decided; none of
them, and no page function, weighs consent or the site's setting again.

The table (``site.yml`` ``privacy.recipient_names`` is *hidden*, *masked*
or *full*; a recipient "consented" when their event says
``publish_names: true``, a payee when their payment does; institutions
and groups, ``recipients.kind`` *lembaga* or *kelompok*, are public names):

=========================  ===============  ================  ===============
person                     own article      pages             downloads
=========================  ===============  ================  ===============
recipient, consented       full             full              full if *full*
recipient, not consented   count only       per the setting   count only
payee (heirs among them)   full if consent  count only        count only
institution or group       full             full              full
=========================  ===============  ================  ===============

"Own article" is the article of the person's event in every format (web,
text, WhatsApp) with its feed and search entries; another event's article
never names them. A feed carries articles only; the search index carries
articles and pages, so a name may be in it wherever either may show it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..core.documented import doc
from ..core.errors import FieldPath, Problem, Source
from ..core.privacy import NameIndex, mask_name, name_words, words
from ..records import Content, Event, Payment, Place
from .recall import Afresh, Recall

Setting = Literal["hidden", "masked", "full"]


class Shown(str, enum.Enum):
    """How a name appears: in full, masked to initials, or only counted."""

    FULL = "full"
    MASKED = "masked"
    COUNT_ONLY = "count_only"


class Output(enum.Enum):
    """A kind of published file, as the policy tells them apart."""

    ARTICLE = "article"
    PAGE = "page"
    DOWNLOAD = "download"
    FEED = "feed"
    SEARCH = "search"


NameKey = tuple[str, tuple[str, ...]]
"""A listed person as the policy compares them: (kecamatan code, `name_words` of the name)."""


@dataclass(frozen=True)
class Where:
    """A place a name could be published: a kind of output, and the event whose article it is."""

    output: Output
    event: str | None = None


@dataclass(frozen=True)
class Named:
    """One name a record gives, with whose it is and on what terms."""

    name: str
    event: str  # slug of the event that names them
    role: Literal["recipient", "payee", "institution"]
    consented: bool
    kecamatan: str = ""  # code of the kecamatan they are listed under (recipients only)


@dataclass(frozen=True)
class Names:
    """A list of people as one output shows them; templates print it as it is."""

    shown: Shown = doc("What the policy decided: equal to 'full', 'masked' or 'count_only'.")
    names: tuple[str, ...] = doc("The names as they may be printed: full or masked; empty when only counted.")
    count: int = doc("How many people the list stands for, whatever is shown.")


@dataclass(frozen=True)
class Policy:
    """The privacy policy of one site."""

    setting: Setting
    named_on_pages: frozenset[NameKey] = frozenset()
    """(kecamatan code, `name_words`) of every recipient pages name in full."""

    @classmethod
    def of(cls, content: Content, recall: Recall | None = None) -> Policy:
        """The policy of `content`'s site, knowing whom its pages name in full.

        With `recall` (the preview's), whom an event's people add is worked
        out again only when the event or the site's setting changed.
        """
        bare = cls(content.site.privacy.recipient_names)
        on_pages = Where(Output.PAGE)

        def in_full(event: Event) -> frozenset[NameKey]:
            return frozenset((p.kecamatan, name_words(p.name)) for p in named_by(event) if bare.shown(p, on_pages) is Shown.FULL)

        memory = recall or Afresh()
        return cls(bare.setting, frozenset().union(*(
            memory(("in full", event.slug), (event, bare.setting), lambda event=event: in_full(event)) for event in content.events
        )))

    def shown(self, person: Named, where: Where) -> Shown:
        """How `person` may appear at `where`: the whole table above, in one place."""
        if person.role == "institution":
            return Shown.FULL
        if where.output is Output.ARTICLE:
            return Shown.FULL if person.consented and where.event == person.event else Shown.COUNT_ONLY
        if where.output is Output.FEED:
            return Shown.FULL if person.consented else Shown.COUNT_ONLY
        if where.output is Output.SEARCH:
            pages = self.shown(person, Where(Output.PAGE))
            return Shown.FULL if person.consented or pages is Shown.FULL else Shown.COUNT_ONLY
        if person.role == "payee":
            return Shown.COUNT_ONLY
        if where.output is Output.DOWNLOAD:
            # A list of names in a file is kept and passed on in a way a page
            # is not (id-style.md section 5.4): only those who agreed, and only
            # where the site publishes full names.
            return Shown.FULL if self.setting == "full" and person.consented else Shown.COUNT_ONLY
        if person.consented:
            return Shown.FULL
        return {"hidden": Shown.COUNT_ONLY, "masked": Shown.MASKED, "full": Shown.FULL}[self.setting]

    def names(self, people: Sequence[Named], where: Where) -> Names:
        """`people` (of one event, one role and one consent) as `where` may show them."""
        if not people:
            return Names(Shown.COUNT_ONLY, (), 0)
        shown = self.shown(people[0], where)
        if shown is Shown.MASKED and any((p.kecamatan, name_words(p.name)) in self.named_on_pages for p in people):
            # "M*** G*** U***" beside a Maria Goreti Ulu named in full in the
            # same kecamatan (consented at another event) names her: the whole
            # list goes, as one missing mask would point at her as well.
            shown = Shown.COUNT_ONLY
        printed = {
            Shown.FULL: tuple(p.name for p in people),
            Shown.MASKED: tuple(mask_name(p.name) for p in people),
            Shown.COUNT_ONLY: (),
        }[shown]
        return Names(shown, printed, len(people))

    def bearing_on(self, keys: frozenset[NameKey]) -> tuple[Setting, frozenset[NameKey]]:
        """What of this policy can change how an event naming `keys` (its `name_keys`) is shown.

        `names` reads the setting, and whether a masked list has someone
        that pages name in full: a preview rebuild words an event again
        only when this changes (`compose.recall`), not whenever anyone's
        consent anywhere changes the policy.
        """
        return self.setting, keys & self.named_on_pages

    def summary(self) -> PolicySummary:
        """What the privacy page states: the outcomes of the table for this site."""
        return PolicySummary(
            unconsented_on_pages=self.shown(Named("", "", "recipient", False), Where(Output.PAGE)),
            consented_in_downloads=self.shown(Named("", "", "recipient", True), Where(Output.DOWNLOAD)),
            payees_on_pages=self.shown(Named("", "", "payee", True), Where(Output.PAGE)),
        )

    def name_check(self, content: Content) -> tuple[tuple[str, ...], Callable[[str, Where], bool]]:
        """Every name the records give, and whether a name may appear at a place.

        For the output lint: a name is allowed where at least one of the
        people who bear it may be shown in full.
        """
        by_name: dict[str, list[Named]] = {}
        for person in named(content):
            by_name.setdefault(person.name, []).append(person)

        def allowed(name: str, where: Where) -> bool:
            return any(self.shown(person, where) is Shown.FULL for person in by_name.get(name, ()))

        return tuple(by_name), allowed


    def text_problems(self, content: Content, recall: Recall | None = None) -> list[Problem]:
        """Names typed into an event's own texts that its article may not print, into a hand-written page, and in event file names.

        The output lint's question, asked of the records: ``warta check``
        and ``warta render`` refuse a hidden recipient's name typed into a
        correction note, a quote or a title, naming the field to fix. A
        file name is the article's address, in every link, feed and
        download: no recipient's or payee's name may be in it, consented or not.
        With `recall` (the preview's), what each event names and the words
        of its texts are worked out again only when the event changed.
        """
        memory = recall or Afresh()
        memory.begin()
        read = [memory(("texts", event.slug), event, lambda event=event: _EventWords.of(event)) for event in content.events]
        memory.end()
        bearers: dict[str, list[Named]] = {}
        words_of: dict[str, tuple[str, ...]] = {}
        for said in read:
            for person in said.people:
                bearers.setdefault(person.name, []).append(person)
            words_of.update(said.name_words)
        index = NameIndex(bearers, words_of.__getitem__)
        problems = [_named_in_file_name(event, index) for event, said in zip(content.events, read) if index.find_in(said.slug)]
        for event, said in zip(content.events, read):
            here = Where(Output.ARTICLE, event.slug)
            for field, tokens, written_at in said.texts:
                for name, excerpt in index.find_in(tokens):
                    if any(self.shown(p, here) is Shown.FULL for p in bearers[name]):
                        continue
                    own = any(p.event == event.slug for p in bearers[name])
                    code = "name.unconsented" if own else "name.other_event"
                    problems.append(Problem(code, written_at, {"field": FieldPath(field, "Event"), "excerpt": excerpt}))
        # A hand-written page is published as it is: a name there is checked
        # as the build lint would check it on any page.
        page = Where(Output.PAGE)
        for name_of_file, text in content.pages:
            for number, line in enumerate(text.splitlines(), start=1):
                for name, excerpt in index.find(line):
                    if not any(self.shown(p, page) is Shown.FULL for p in bearers[name]):
                        problems.append(Problem("name.page", Source(name_of_file, number), {"excerpt": excerpt}))
        return problems


@dataclass(frozen=True)
class _EventWords:
    """What the policy's check reads of one event: the people it names, and the words of its file name and texts."""

    people: tuple[Named, ...]
    name_words: tuple[tuple[str, tuple[str, ...]], ...]  # each person's name, and its `name_words`
    slug: tuple[str, ...]
    texts: tuple[tuple[str, tuple[str, ...], Source], ...]  # (field, its words, where it is written)

    @classmethod
    def of(cls, event: Event) -> _EventWords:
        people = named_by(event)
        return cls(people, tuple((p.name, name_words(p.name)) for p in people), tuple(words(event.slug)),
                   tuple((field, tuple(words(text)), written_at) for field, text, written_at in event.texts()))


def _named_in_file_name(event: Event, index: NameIndex) -> Problem:
    """The refusal of `event`'s file name, which holds a name: it shows the name masked, in the path too."""
    # Slugs are a-z, 0-9 and hyphens, so their words are the hyphen-separated parts.
    parts = words(event.slug)
    found = {i for start, _, excerpt in index.matches(parts) for i in range(start, start + len(excerpt.split()))}
    masked = "-".join(f"{w[0]}***" if i in found else w for i, w in enumerate(parts))
    kept = "-".join(w for i, w in enumerate(parts) if i not in found) or "kegiatan"
    path = event.written_at.path
    where = Source(path[: len(path) - len(event.slug) - len(".yml")] + masked + ".yml")
    excerpt = next(excerpt for _, excerpt in index.find(event.slug))
    return Problem("name.in_file_name", where, {"excerpt": excerpt, "proposed": kept})


@dataclass(frozen=True)
class PolicySummary:
    """The decided outcomes the privacy page explains."""

    unconsented_on_pages: Shown = doc("How pages show recipients who did not agree to be named.")
    consented_in_downloads: Shown = doc("Whether downloads carry the names of recipients who agreed (FULL) or counts only; others are never in them.")
    payees_on_pages: Shown = doc("How pages show payees and heirs: always COUNT_ONLY.")


def recipients(event: Event, place: Place) -> tuple[Named, ...]:
    """The recipients of `event` in one of its places, as the policy weighs them."""
    listed = event.recipients
    if listed is None:
        return ()
    role = "institution" if listed.named_freely else "recipient"
    return tuple(Named(r.name, event.slug, role, listed.publish_names, place.kecamatan.code) for r in place.recipients)


def payees(event: Event, payment: Payment) -> tuple[Named, ...]:
    """The people one payment of `event` went to, as the policy weighs them."""
    return tuple(Named(r.name, event.slug, "payee", payment.publish_names) for r in payment.recipients)


def name_keys(event: Event) -> frozenset[NameKey]:
    """How `Policy.names` looks up each person `event` names: (kecamatan code, `name_words`)."""
    return frozenset(
        (person.kecamatan, name_words(person.name))
        for group in (*(recipients(event, p) for p in event.places), *(payees(event, p) for p in event.payments))
        for person in group
    )


def named(content: Content) -> tuple[Named, ...]:
    """Everyone the records name as a recipient or payee, in record order."""
    return tuple(person for event in content.events for person in named_by(event))


def named_by(event: Event) -> tuple[Named, ...]:
    """Everyone `event` names as a recipient or payee, in record order."""
    return tuple(
        person
        for group in (*(recipients(event, p) for p in event.places), *(payees(event, p) for p in event.payments))
        for person in group if person.role != "institution"
    )
