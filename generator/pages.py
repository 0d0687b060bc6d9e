"""Records + articles -> every page of the site, as (path, text) values.

No writing and no MkDocs here: the plugin hands these to MkDocs, and tests
read them directly. Python computes facts only (every figure comes from
`totals`); every word lives in ``templates/pages/*.j2``, each of which
documents its context in the comment at its top. Each kind of page is one
small function returning pages.

Every link between pages is written relative to the page that holds it
(`relative`), because MkDocs resolves ``.md`` links that way and a strict
build fails on any link that points nowhere.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import jinja2

from . import article, feeds, opendata, privacy, totals
from .charts import bar_chart
from .errors import Problem, Source, WartaError
from .records import Content, Recipient
from .wilayah import Kecamatan

PER_PAGE = 10  # articles per page of the news index
LATEST = 5  # articles on the home page

# The fixed addresses of the site's sections (MkDocs src paths); other
# engineers' modules and links rely on them.
LINKS: Mapping[str, str] = {
    "home": "index.md",
    "berita": "berita/index.md",
    "arsip": "berita/arsip/index.md",
    "topik": "berita/topik/index.md",
    "program": "program/index.md",
    "kecamatan": "kecamatan/index.md",
    "narasumber": "narasumber/index.md",
    "ralat": "ralat.md",
    "pedoman": "pedoman-media-siber.md",
    "privasi": "kebijakan-privasi.md",
    "data": opendata.PAGE_PATH,
    "rss": feeds.RSS_PATH,
    "atom": feeds.ATOM_PATH,
}
FEEDS = ("rss", "atom")


@dataclass(frozen=True)
class Page:
    path: str  # path below the site root, as MkDocs' src_uri: "berita/slug.md"
    text: str


@functools.lru_cache(maxsize=65536)
def relative(target: str, *, page: str) -> str:
    """The link from `page` to `target`, both paths below the site root.

    >>> relative("berita/a.md", page="berita/arsip/2025.md")
    '../a.md'
    >>> relative("index.md", page="index.md"), relative("berita/rss.xml", page="berita/index.md")
    ('index.md', 'rss.xml')
    """
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def slugify(text: str) -> str:
    """`text` as an address part of a-z, 0-9 and single hyphens.

    >>> slugify("Kelapa Lima"), slugify("Jaminan Sosial & BPJS"), slugify("Pemberdayaan Ékonomi")
    ('kelapa-lima', 'jaminan-sosial-bpjs', 'pemberdayaan-ekonomi')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


# --------------------------------------------------------------------------
# Facts the templates receive: plain frozen values, no wording.


@dataclass(frozen=True)
class Story:
    """One article as other pages list it."""

    slug: str
    path: str
    headline: str  # plain text; templates escape it
    description: str  # the lead cut to fit, plain text
    date: date
    program: str  # programme key
    facts: article.ArticleFacts


@dataclass(frozen=True)
class KecamatanRef:
    name: str
    path: str
    recipients: int


@dataclass(frozen=True)
class ProgramInfo:
    key: str
    path: str
    news_path: str  # berita/program/<key>.md
    name: str
    summary: str
    partners: tuple[article.Organization, ...]
    benefits: tuple[str, ...]
    target_group: str | None
    tally: totals.Tally
    per_kecamatan: tuple[KecamatanRef, ...]  # every kecamatan of the region, gazetteer order
    stories: tuple[Story, ...]  # oldest first: a timeline


@dataclass(frozen=True)
class ProgramShare:
    """One programme's figures inside one kecamatan."""

    name: str
    path: str
    tally: totals.Tally


@dataclass(frozen=True)
class KecamatanEvent:
    """One event as a kecamatan page shows it: its count there, names per policy."""

    story: Story
    program: str  # programme name
    recipients: int
    names: tuple[str, ...]  # masked or real per site policy; empty when hidden


@dataclass(frozen=True)
class KecamatanInfo:
    name: str
    code: str
    slug: str
    path: str
    kelurahan: tuple[str, ...]
    tally: totals.Tally  # recipients only: payments are not recorded per kecamatan
    programs: tuple[ProgramShare, ...]
    events: tuple[KecamatanEvent, ...]  # newest first


@dataclass(frozen=True)
class Appearance:
    story: Story
    remarks: tuple[str, ...]  # indirect speech, verb phrases as the record gives them
    quotes: tuple[str, ...]  # verbatim


@dataclass(frozen=True)
class PersonInfo:
    key: str
    path: str
    name: str
    title: str
    organization: article.Organization | None
    appearances: tuple[Appearance, ...]  # newest first

    @property
    def count(self) -> int:
        return len(self.appearances)


@dataclass(frozen=True)
class CorrectionItem:
    date: date
    time: time | None
    timezone: str
    note: str
    story: Story


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    path: str
    year_path: str
    stories: tuple[Story, ...]  # newest first

    @property
    def count(self) -> int:
        return len(self.stories)


@dataclass(frozen=True)
class Year:
    year: int
    path: str
    months: tuple[Month, ...]  # newest first

    @property
    def count(self) -> int:
        return sum(m.count for m in self.months)


@dataclass(frozen=True)
class Topic:
    slug: str
    path: str
    names: tuple[str, ...]  # every spelling merged into this address, sorted
    stories: tuple[Story, ...]  # newest first

    @property
    def count(self) -> int:
        return len(self.stories)


@dataclass(frozen=True)
class Pager:
    """Where one page of the news index sits among the others."""

    number: int
    last: int
    first_path: str
    previous_path: str | None
    next_path: str | None
    last_path: str


# --------------------------------------------------------------------------
# The build.


class _Renderer:
    """Renders one template into one page, with links relative to that page."""

    def __init__(self, env: jinja2.Environment, content: Content, links: Mapping[str, str]) -> None:
        self.env = env
        self.common = {"site": content.site, "region": content.region, "links": links}

    def __call__(self, path: str, template: str, **context: Any) -> Page:
        text = self.env.get_template(f"pages/{template}").render(
            **self.common, page=path, href=functools.partial(relative, page=path), bar_chart=bar_chart, **context
        )
        return Page(path, re.sub(r"\n{3,}", "\n\n", text).strip() + "\n")


def build(content: Content, templates: Path, *, site_url: str | None = None, memo: article.Memo | None = None) -> tuple[Page, ...]:
    """Every generated page and file of the site, in a fixed order.

    The feeds need the site's absolute address (feed readers resolve no
    relative link), so they are made, and linked to, only when `site_url`
    is given; every other page is made either way.
    """
    writer = article.Writer(templates, memo)
    env = writer.env("markdown")
    links = {name: path for name, path in LINKS.items() if site_url or name not in FEEDS}
    render = _Renderer(env, content, links)
    stories = _stories(content, writer)
    counts, payments = totals.recipient_counts(content), totals.payment_counts(content)
    programs = _programs(content, stories, counts, payments)
    kecamatan = _kecamatan(content, stories, counts)
    pages = [
        *_articles(stories, writer, render),
        _home(programs, stories, totals.tally(counts, payments), render),
        *_news_index(stories, render),
        *_archive(stories, render),
        *_program_news(programs, render),
        *_topics(stories, render),
        *_program_pages(programs, render),
        *_kecamatan_pages(kecamatan, render),
        *_people_pages(_people(content, stories), render),
        _corrections(content, stories, render),
        render(LINKS["pedoman"], "pedoman-media-siber.j2", publisher=_org(content, content.site.publisher)),
        render(LINKS["privasi"], "kebijakan-privasi.j2", publisher=_org(content, content.site.publisher),
               policy=content.site.privacy.recipient_names),
        *_open_data(content, render),
        *(_feeds(content, writer, site_url) if site_url else ()),
    ]
    _check_addresses(pages, {f"berita/{e.slug}.md": Source(e.source.path) for e in content.events})
    return tuple(pages)


def _open_data(content: Content, render: _Renderer) -> list[Page]:
    """The Data terbuka page and the files it offers (opendata holds the facts)."""
    files = [Page(path, text) for path, text in opendata.downloads(content).items()]
    return [render(opendata.PAGE_PATH, "data.j2", data=opendata.data_page_context(content)), *files]


def _feeds(content: Content, writer: article.Writer, site_url: str) -> list[Page]:
    return [Page(path, text) for path, text in feeds.files(content, writer, site_url).items()]


def _check_addresses(pages: Sequence[Page], articles: Mapping[str, Source]) -> None:
    """Refuse two pages at one address.

    Why: MkDocs serves ``x.md`` and ``x/index.md`` at the same URL, so an
    event file called ``index.yml`` or ``arsip.yml`` would silently replace
    a listing page.
    """
    seen: dict[str, str] = {}
    clashes = []
    for page in pages:
        url = re.sub(r"(^|/)index$", "", page.path.removesuffix(".md"))
        if url in seen:
            # Point at the event file that made the clash, which staff can rename.
            source = articles.get(page.path) or articles.get(seen[url]) or Source(page.path)
            clashes.append(Problem("page.clash", source, {"url": url + "/"}))
        seen[url] = page.path
    if clashes:
        raise WartaError(clashes)


def _stories(content: Content, writer: article.Writer) -> tuple[Story, ...]:
    """Every article, oldest first (the records' order)."""
    out = []
    for event in content.events:
        facts = article.facts(event, content)
        out.append(Story(event.slug, f"berita/{event.slug}.md", writer.headline(facts),
                         writer.description(facts), event.date, event.program, facts))
    return tuple(out)


def _newest_first(stories: Iterable[Story]) -> tuple[Story, ...]:
    # Records come sorted by (date, time, slug), a total order, so reversing
    # them is newest first with no ties left to chance.
    return tuple(reversed(tuple(stories)))


def _org(content: Content, key: str) -> article.Organization:
    org = content.organizations[key]
    return article.Organization(key, org.name, org.short)


def _shown_names(people: Sequence[Recipient], policy: str, consent: bool) -> tuple[str, ...]:
    """Recipient names as a transparency page may show them under `policy`."""
    if policy == "hidden":
        return ()
    if policy == "full" and consent:
        return tuple(p.name for p in people)
    return tuple(privacy.mask_name(p.name) for p in people)


# --------------------------------------------------------------------------
# News: articles, index, archive, per programme, per topic.


def _articles(stories: Sequence[Story], writer: article.Writer, render: _Renderer) -> list[Page]:
    """Each article with links to the one before and after it in time."""
    pages = []
    for i, story in enumerate(stories):
        previous = stories[i - 1] if i > 0 else None
        following = stories[i + 1] if i + 1 < len(stories) else None
        nav = render(story.path, "article-nav.j2", previous=previous, next=following).text
        pages.append(Page(story.path, writer.render(story.facts).rstrip("\n") + "\n\n" + nav))
    return pages


def _home(programs: Sequence[ProgramInfo], stories: Sequence[Story], tally: totals.Tally, render: _Renderer) -> Page:
    return render(LINKS["home"], "home.j2", programs=programs, tally=tally, news=_newest_first(stories)[:LATEST])


def _news_path(number: int) -> str:
    return LINKS["berita"] if number == 1 else f"berita/halaman/{number}.md"


def _news_index(stories: Sequence[Story], render: _Renderer) -> list[Page]:
    """All articles newest first, `PER_PAGE` to a page; page 1 is berita/index.md."""
    newest = _newest_first(stories)
    last = max(1, -(-len(newest) // PER_PAGE))
    pages = []
    for number in range(1, last + 1):
        pager = Pager(
            number, last, _news_path(1),
            _news_path(number - 1) if number > 1 else None,
            _news_path(number + 1) if number < last else None,
            _news_path(last),
        )
        chunk = newest[(number - 1) * PER_PAGE : number * PER_PAGE]
        pages.append(render(_news_path(number), "berita-index.j2", stories=chunk, pager=pager))
    return pages


def _year_path(year: int) -> str:
    return f"berita/arsip/{year:04d}.md"


def _years(stories: Sequence[Story]) -> tuple[Year, ...]:
    by_month: dict[tuple[int, int], list[Story]] = {}
    for story in _newest_first(stories):
        by_month.setdefault((story.date.year, story.date.month), []).append(story)
    months = [Month(y, m, f"berita/arsip/{y:04d}-{m:02d}.md", _year_path(y), tuple(s)) for (y, m), s in by_month.items()]
    years = sorted({m.year for m in months}, reverse=True)
    return tuple(
        Year(y, _year_path(y), tuple(sorted((m for m in months if m.year == y), key=lambda m: m.month, reverse=True)))
        for y in years
    )


def _archive(stories: Sequence[Story], render: _Renderer) -> list[Page]:
    """An index of years and months, a page per year listing its months, a page per month listing its articles.

    Why year pages list months, not articles: a busy year holds hundreds of
    articles, and no unpaginated page should.
    """
    years = _years(stories)
    pages = [render(LINKS["arsip"], "arsip-index.j2", years=years)]
    for year in years:
        pages.append(render(year.path, "arsip-tahun.j2", year=year))
        pages.extend(render(m.path, "arsip-bulan.j2", month=m) for m in year.months)
    return pages


def _program_news(programs: Sequence[ProgramInfo], render: _Renderer) -> list[Page]:
    return [render(p.news_path, "berita-program.j2", program=p, stories=_newest_first(p.stories)) for p in programs]


def _topic_list(stories: Sequence[Story]) -> tuple[Topic, ...]:
    """One topic per tag slug; tags spelt differently but slugified alike share it."""
    names: dict[str, set[str]] = {}
    tagged: dict[str, list[Story]] = {}
    for story in _newest_first(stories):
        for tag in story.facts.tags:
            slug = slugify(tag) or "lain"
            names.setdefault(slug, set()).add(tag)
            if story not in tagged.setdefault(slug, []):
                tagged[slug].append(story)
    return tuple(
        Topic(slug, f"berita/topik/{slug}.md", tuple(sorted(names[slug], key=lambda n: (n.casefold(), n))), tuple(tagged[slug]))
        for slug in sorted(names)
    )


def _topics(stories: Sequence[Story], render: _Renderer) -> list[Page]:
    topics = _topic_list(stories)
    return [render(LINKS["topik"], "topik-index.j2", topics=topics),
            *(render(t.path, "topik.j2", topic=t) for t in topics)]


# --------------------------------------------------------------------------
# Programmes.


def _kecamatan_slugs(kecamatan: Sequence[Kecamatan]) -> dict[str, str]:
    """Kecamatan code -> address slug; the name's slug, plus the code if two collide."""
    plain = [slugify(k.name) or k.code.replace(".", "-") for k in kecamatan]
    return {
        k.code: slug if plain.count(slug) == 1 else f"{slug}-{k.code.replace('.', '-')}"
        for k, slug in zip(kecamatan, plain)
    }


def _kecamatan_path(slug: str) -> str:
    return f"kecamatan/{slug}.md"


def _programs(content: Content, stories: Sequence[Story], counts: Sequence[totals.RecipientCount],
              payments: Sequence[totals.PaymentCount]) -> tuple[ProgramInfo, ...]:
    slugs = _kecamatan_slugs(content.region.kecamatan)
    out = []
    for key, program in sorted(content.programs.items(), key=lambda kv: (kv[1].name, kv[0])):
        mine = [c for c in counts if c.program == key]
        per = totals.by_kecamatan(mine, content.region.kecamatan)
        out.append(ProgramInfo(
            key=key,
            path=f"program/{key}.md",
            news_path=f"berita/program/{key}.md",
            name=program.name,
            summary=program.summary,
            partners=tuple(_org(content, k) for k in program.partners),
            benefits=program.benefits,
            target_group=program.target_group,
            tally=totals.tally(mine, (p for p in payments if p.program == key)),
            per_kecamatan=tuple(KecamatanRef(k.name, _kecamatan_path(slugs[k.code]), n) for k, n in per),
            stories=tuple(s for s in stories if s.program == key),
        ))
    return tuple(out)


def _program_pages(programs: Sequence[ProgramInfo], render: _Renderer) -> list[Page]:
    return [render(LINKS["program"], "program-index.j2", programs=programs),
            *(render(p.path, "program.j2", program=p, chart_rows=[(k.name, k.recipients) for k in p.per_kecamatan])
              for p in programs)]


# --------------------------------------------------------------------------
# Kecamatan.


def _kecamatan(content: Content, stories: Sequence[Story], counts: Sequence[totals.RecipientCount]) -> tuple[KecamatanInfo, ...]:
    slugs = _kecamatan_slugs(content.region.kecamatan)
    by_slug = {s.slug: s for s in stories}
    policy = content.site.privacy.recipient_names
    out = []
    for kec in content.region.kecamatan:
        here = [c for c in counts if c.kecamatan.code == kec.code]
        rows: dict[str, list[totals.RecipientCount]] = {}
        for count in here:
            rows.setdefault(count.event, []).append(count)
        events = []
        for event in reversed(content.events):
            if event.slug not in rows:
                continue
            # Two spellings of one kecamatan in a record are one place.
            people = [p for n, group in event.recipients.by_kecamatan.items()
                      if content.region.find_kecamatan(n) == kec for p in group]
            events.append(KecamatanEvent(by_slug[event.slug], content.programs[event.program].name,
                                         totals.tally(rows[event.slug], ()).recipients,
                                         _shown_names(people, policy, event.recipients.publish_names)))
        shares = tuple(
            ProgramShare(p.name, f"program/{key}.md", totals.tally((c for c in here if c.program == key), ()))
            for key, p in sorted(content.programs.items(), key=lambda kv: (kv[1].name, kv[0]))
        )
        out.append(KecamatanInfo(kec.name, kec.code, slugs[kec.code], _kecamatan_path(slugs[kec.code]), kec.kelurahan,
                                 totals.tally(here, ()), shares, tuple(events)))
    return tuple(out)


def _kecamatan_pages(kecamatan: Sequence[KecamatanInfo], render: _Renderer) -> list[Page]:
    return [render(LINKS["kecamatan"], "kecamatan-index.j2", kecamatan=kecamatan),
            *(render(k.path, "kecamatan.j2", kecamatan=k, chart_rows=[(p.name, p.tally.recipients) for p in k.programs])
              for k in kecamatan)]


# --------------------------------------------------------------------------
# People who spoke, corrections.


def _people(content: Content, stories: Sequence[Story]) -> tuple[PersonInfo, ...]:
    out = []
    for key, person in sorted(content.people.items(), key=lambda kv: (kv[1].name, kv[0])):
        appearances = tuple(
            Appearance(
                story,
                tuple(s.remarks for s in spoke if s.remarks),
                tuple(q.text for s in spoke for q in s.quotes),
            )
            for story in _newest_first(stories)
            if (spoke := [s for s in story.facts.speakers if s.key == key])
        )
        org = _org(content, person.organization) if person.organization else None
        out.append(PersonInfo(key, f"narasumber/{key}.md", person.name, person.title, org, appearances))
    return tuple(out)


def _people_pages(people: Sequence[PersonInfo], render: _Renderer) -> list[Page]:
    return [render(LINKS["narasumber"], "narasumber-index.j2", people=people),
            *(render(p.path, "narasumber.j2", person=p) for p in people)]


def _corrections(content: Content, stories: Sequence[Story], render: _Renderer) -> Page:
    """Every correction, newest first; same-moment ties fall back to the article order."""
    items = [
        (c.date, c.time or time.min, i, n, CorrectionItem(c.date, c.time, story.facts.timezone, c.note, story))
        for i, story in enumerate(stories)
        for n, c in enumerate(story.facts.corrections)
    ]
    items.sort(key=lambda item: item[:4], reverse=True)
    return render(LINKS["ralat"], "ralat.j2", corrections=tuple(item[-1] for item in items))

