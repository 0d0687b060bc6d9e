"""One event record -> one news article: facts first, words second.

`facts` computes every count, list and choice the article states, with no
wording; `render` hands those facts to ``templates/article.j2``, which holds
every word. The same template writes Markdown for the site, plain text, and
WhatsApp markup for pasting into a group: only the markup filters differ.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Literal
from zoneinfo import ZoneInfo

import jinja2

from . import bahasa
from .records import Content, Event, Recipient

Format = Literal["markdown", "text", "whatsapp"]
FORMATS: tuple[Format, ...] = ("markdown", "text", "whatsapp")

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
    key: str
    name: str
    short: str | None


@dataclass(frozen=True)
class KecamatanGroup:
    """Recipients from one kecamatan, in the order the record lists them."""

    name: str  # the gazetteer's spelling
    code: str
    count: int
    names: tuple[str, ...]  # empty unless the recipients agreed to be named


@dataclass(frozen=True)
class Payment:
    kind: str
    count: int
    names: tuple[str, ...]  # empty unless the recipients agreed to be named
    amount: int | None  # rupiah per recipient
    total: int | None


@dataclass(frozen=True)
class Quote:
    text: str
    verb: str


@dataclass(frozen=True)
class Speaker:
    key: str
    name: str
    title: str
    short: str
    remarks: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Correction:
    date: date
    time: time | None
    note: str


@dataclass(frozen=True)
class ArticleFacts:
    """Everything an article template may state; the template adds only words.

    This is the documented context of ``templates/article.j2`` (as ``facts``).
    """

    slug: str
    title: str | None  # the record's own headline; None means the template writes one
    date: date
    time: time | None
    timezone: str  # WIB, WITA or WIT, from the region's province
    iana_zone: str  # "Asia/Makassar", for machine-readable times
    dateline: str
    region: str  # "Kota Kupang"
    venue: str
    program: str
    activity: str
    purpose: str | None
    organizers: tuple[Organization, ...]
    group: str  # plural noun for the recipients: "pekerja rentan"
    recipient_count: int
    kecamatan: tuple[KecamatanGroup, ...]
    names_published: bool
    payments: tuple[Payment, ...]
    speakers: tuple[Speaker, ...]
    corrections: tuple[Correction, ...]
    tags: tuple[str, ...]
    publisher: Organization
    footer_preset: str
    footer_contact: str
    footer_text: str | None

    @property
    def kecamatan_count(self) -> int:
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


def facts(event: Event, content: Content) -> ArticleFacts:
    """Count and order everything the article about `event` will say."""
    region = content.region
    publish = event.recipients.publish_names
    kecamatan = tuple(
        KecamatanGroup(
            name=(found := region.find_kecamatan(name)).name,
            code=found.code,
            count=len(people),
            names=_names(people, publish),
        )
        for name, people in event.recipients.by_kecamatan.items()
        if (found := region.find_kecamatan(name)) is not None
    )
    payments = tuple(
        Payment(
            kind=p.kind,
            count=len(p.recipients),
            names=_names(p.recipients, p.publish_names),
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
        organizers=tuple(_organization(content, key) for key in event.organizers),
        group=event.recipients.group,
        recipient_count=event.recipients.count,
        kecamatan=kecamatan,
        names_published=publish,
        payments=payments,
        speakers=_speakers(event, content),
        corrections=tuple(Correction(c.date, c.time, c.note) for c in event.corrections),
        tags=event.tags,
        publisher=_organization(content, content.site.publisher),
        footer_preset=content.site.footer.preset,
        footer_contact=content.site.footer.contact,
        footer_text=content.site.footer.text,
    )


def _names(people: tuple[Recipient, ...], publish: bool) -> tuple[str, ...]:
    return tuple(p.name for p in people) if publish else ()


def _organization(content: Content, key: str) -> Organization:
    org = content.organizations[key]
    return Organization(key, org.name, org.short)


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


# --------------------------------------------------------------------------
# Words: the template, with markup filters for the chosen format.

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")


def escape_markdown(text: str) -> str:
    r"""`text` as literal Markdown: no markup, link, HTML or entity survives.

    >>> escape_markdown("<b>A & B</b> [x](javascript:1) *y*")
    '&lt;b&gt;A &amp; B&lt;/b&gt; \\[x\\](javascript:1) \\*y\\*'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\\&lt;", "&lt;").replace("\\&gt;", "&gt;")


@dataclass(frozen=True)
class Markup:
    """How one output format writes plain text, emphasis and a headline."""

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    em: Callable[[str], str]
    heading: Callable[[str], str]


MARKUP: dict[Format, Markup] = {
    "markdown": Markup(escape_markdown, "**{}**".format, "*{}*".format, "# {}".format),
    "text": Markup(str, str, str, str),
    "whatsapp": Markup(str, "*{}*".format, "_{}_".format, "*{}*".format),
}


def environment(templates: Path, fmt: Format = "markdown") -> jinja2.Environment:
    """A Jinja environment over `templates` that writes `fmt`.

    Why StrictUndefined: a misspelt fact in a restyled template must stop the
    build, not silently print nothing in a published article.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    markup = MARKUP[fmt]
    env.filters.update(bahasa.FILTERS)
    env.filters.update(
        e=markup.escape,
        strong=markup.strong,
        em=markup.em,
        heading=markup.heading,
        yaml_text=lambda s: json.dumps(s, ensure_ascii=False),
        fit=_fit,
    )
    env.globals.update(format=fmt, Mentions=bahasa.Mentions)
    return env


def _fit(candidates: list[str], limit: int) -> str:
    """The first candidate no longer than `limit` characters, else the shortest."""
    return next((c for c in candidates if len(c) <= limit), min(candidates, key=len))


Memo = dict[tuple[str, str, "ArticleFacts"], str]
"""Written texts by (what, format, facts); `mkdocs serve` keeps one while the templates stay the same."""


class Writer:
    """Writes articles from one templates folder; make one per build.

    Why a class: the Jinja environments (one per format) are costly to make
    and cache compiled templates, so a build makes them once. Texts are
    remembered by their facts (frozen, so equal facts give equal text) in
    `memo`: within a build, and across preview rebuilds when the caller
    passes the same memo back while the templates are unchanged.
    """

    def __init__(self, templates: Path, memo: Memo | None = None) -> None:
        self.templates = templates
        self._envs: dict[Format, jinja2.Environment] = {}
        self._memo: Memo = {} if memo is None else memo

    def env(self, fmt: Format) -> jinja2.Environment:
        if fmt not in self._envs:
            self._envs[fmt] = environment(self.templates, fmt)
        return self._envs[fmt]

    def _remembered(self, what: str, fmt: str, article: ArticleFacts, write: Callable[[], str]) -> str:
        key = (what, fmt, article)
        if key not in self._memo:
            self._memo[key] = write()
        return self._memo[key]

    def headline(self, article: ArticleFacts) -> str:
        """The headline as plain text: the record's title or a generated one."""
        return self._remembered("headline", "text", article, lambda: self.env("text").get_template("headline.j2").render(facts=article).strip())

    def description(self, article: ArticleFacts, limit: int = 160) -> str:
        """The lead as plain text, cut at a word to fit `limit` characters."""
        lead = self._remembered("lead", "text", article, lambda: self.env("text").get_template("lead.j2").render(facts=article).strip())
        return shorten(lead, limit)

    def render(self, article: ArticleFacts, fmt: Format = "markdown") -> str:
        """The whole article in `fmt`, ending in exactly one newline."""

        def write() -> str:
            text = self.env(fmt).get_template("article.j2").render(facts=article, description=self.description(article))
            return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

        return self._remembered("article", fmt, article, write)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis.

    >>> shorten("satu dua tiga empat", 12)
    'satu dua…'
    >>> shorten("pendek", 12)
    'pendek'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
