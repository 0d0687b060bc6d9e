"""Site facts -> every page and file of the site, as (path, text) values.

No writing and no MkDocs here: the plugin hands these to MkDocs, and tests
read them directly. Each family of pages is one small function with one
signature, ``family(site, render) -> pages``: the facts come in computed
once (`facts`), every address from `addresses`, every name as `policy`
decided, and every word from a template filled from its documented context.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from ..core import bahasa
from ..core.errors import Problem, Source, WartaError
from ..core.text import slugify
from ..records import Event
from . import feeds, opendata, policy, totals
from .addresses import SEARCH_BUNDLE, Addresses, absolute, relative
from .contexts import (
    Appearance,
    ArchiveContext,
    ArchiveMonthContext,
    ArchiveYearContext,
    ArticleLinksContext,
    Chart,
    CorrectionItem,
    CorrectionsContext,
    DataContext,
    HomeContext,
    KecamatanContext,
    KecamatanEvent,
    KecamatanIndexContext,
    KecamatanInfo,
    KecamatanRef,
    Month,
    NewsIndexContext,
    Pager,
    PageContext,
    PageLink,
    PedomanContext,
    PeopleContext,
    PersonContext,
    PersonInfo,
    PrivacyContext,
    ProgramContext,
    ProgramNewsContext,
    ProgramShare,
    ProgramsContext,
    SearchContext,
    Story,
    Topic,
    TopicContext,
    TopicsContext,
    Year,
)
from .facts import SiteFacts, bearing
from .policy import Output, Where
from .recall import Afresh, Recall
from .templating import Templates
from .usul import ANCHOR as USUL_ANCHOR, Office, Usul
from .writer import Writer

PER_PAGE = 10  # articles per page of the news index
LISTED = 40  # entries per page of every other listing that grows with the archive (see `listing`)
LATEST = 6  # articles on the home page: two rows of three cards
RELATED = 5  # related articles under an article


@dataclass(frozen=True)
class Page:
    path: str  # path below the site root, as MkDocs' src_uri: "berita/slug.md"
    text: str | bytes | Path  # bytes for an image; a Path for a cached image MkDocs copies as it is


class Render:
    """Fills one page template for one address, with links relative to that address."""

    def __init__(self, templates: Templates, writer: Writer, site: SiteFacts, recall: Recall | None = None) -> None:
        self.templates = templates
        self.writer = writer
        self.site = site.site
        self.addresses = site.addresses
        self.links = site.addresses.links(feeds=site.site_url is not None)
        self.office = Office.of(site.content, site.site.publisher.name, templates.words)
        self.site_url = site.site_url
        self.memory = recall or Afresh()
        # Every page reads these besides its own context (`recall`).
        self.recall = self.memory.within("pages", (templates, self.site, self.links, self.office, self.site_url,
                                                              self.addresses))

    def __call__(self, path: str, context: type[PageContext], **own: Any) -> Page:
        def fill() -> Page:
            filled = context(site=self.site, links=self.links, page=path, href=functools.partial(relative, page=path),
                             root=self.addresses.root_from(path), **own)
            return Page(path, re.sub(r"\n{3,}", "\n\n", self.templates.render(filled)).strip() + "\n")

        return self.recall(path, (context, own), fill)

    def usul(self, path: str, title: str) -> Usul:
        """The usul, sanggah and koreksi block of the page `title` at `path`."""
        url = absolute(self.site_url, self.addresses.url(path)) if self.site_url else None
        return self.office.block(title, url, relative(self.addresses.privacy(), page=path) + "#" + USUL_ANCHOR)


Family = Callable[[SiteFacts, Render], Iterable[Page]]


def build(site: SiteFacts, templates: Templates, writer: Writer,
          keep: Callable[[Page], Page] | None = None, recall: Recall | None = None) -> tuple[Page, ...]:
    """Every generated page and file of the site, in a fixed order.

    `keep` is given each page as soon as it is made, and what it returns
    is kept instead: a build passes one that writes the text to a file
    (a Page whose text is its Path), so that an archive's pages are never
    all in memory at once. With `recall` (the preview's), a page whose
    context is what it was last rebuild is not filled again.
    """
    render = Render(templates, writer, site, recall)
    pages = tuple(keep(page) if keep else page for family in FAMILIES for page in family(site, render))
    _check_addresses(site, pages)
    return pages


def _check_addresses(site: SiteFacts, pages: Sequence[Page]) -> None:
    """Refuse two pages at one address.

    Why: MkDocs serves ``x.md`` and ``x/index.md`` at the same URL, so an
    event file called ``index.yml`` or ``arsip.yml`` would silently replace
    a listing page.
    """
    book = site.addresses
    # Stories come in the records' order; looking each event up by slug instead was quadratic.
    articles = {s.path: Source(e.written_at.path) for s, e in zip(site.stories, site.content.events, strict=True)}
    seen: dict[str, str] = {}
    clashes = []
    for page in pages:
        url = book.same_url(page.path)
        if url in seen:
            # Point at the event file that made the clash, which staff can rename.
            source = articles.get(page.path) or articles.get(seen[url]) or Source(page.path)
            clashes.append(Problem("page.clash", source, {"url": url + "/"}))
        seen[url] = page.path
    if clashes:
        raise WartaError(clashes)


def _newest_first(stories: Iterable[Story]) -> tuple[Story, ...]:
    # Records come sorted by (date, time, slug), a total order, so reversing
    # them is newest first with no ties left to chance.
    return tuple(reversed(tuple(stories)))


# --------------------------------------------------------------------------
# News: articles, index, archive, per programme, per topic.


def articles(site: SiteFacts, render: Render) -> list[Page]:
    """Each article, with what the site adds under it (`ArticleLinksContext`)."""
    stories, book = site.stories, site.addresses
    programs = {p.key: p for p in site.programs}
    nearest = related(stories)
    pages = []
    for i, story in enumerate(stories):
        facts = story.facts
        program = programs[story.program]
        around = render(
            story.path, ArticleLinksContext, story=story,
            program=PageLink(program.name, program.path),
            kecamatan=tuple(PageLink(k.name, book.kecamatan(k.code)) for k in facts.kecamatan),
            speakers=tuple(PageLink(s.name, book.person(s.key)) for s in facts.speakers),
            url=absolute(site.site_url, book.url(story.path)) if site.site_url else None,
            related=nearest[i],
            previous=stories[i - 1] if i > 0 else None,
            next=stories[i + 1] if i + 1 < len(stories) else None,
        ).text
        own_rows = site.event_rows.get(story.slug, ())

        def write(story: Story = story, own_rows: tuple[opendata.TableRows, ...] = own_rows) -> str:
            rows = opendata.event_data(story.slug, own_rows, book, {f.table for f in story.facts.figures if f.table})
            return render.writer.render(story.facts, root=book.root_from(story.path), image=story.image, rows=rows,
                                        usul=render.usul(story.path, story.headline))

        text = render.recall(("article", story.path), (story, own_rows), write)
        pages.append(Page(story.path, text.rstrip("\n") + "\n\n" + str(around)))
    return pages


def related(stories: Sequence[Story], limit: int = RELATED) -> list[tuple[Story, ...]]:
    """For each article, up to `limit` others: its programme's nearest in time, then its kecamatan's, then any.

    Nearest by days apart, the newer first at equal distance. Stories come
    oldest first, so an article's nearest in a group sit around it in that
    group's list: only `limit` on either side are looked at, which keeps a
    5,000-article archive linear.
    """
    groups: dict[str, list[int]] = {"": list(range(len(stories)))}
    for i, story in enumerate(stories):
        groups.setdefault("program " + story.program, []).append(i)
        for code in dict.fromkeys(k.code for k in story.facts.kecamatan):
            groups.setdefault("kecamatan " + code, []).append(i)

    def nearest(i: int, group: list[int]) -> list[int]:
        at = bisect.bisect_left(group, i)
        window = group[max(0, at - limit): at] + group[at + 1: at + 1 + limit]
        day = stories[i].date.toordinal()
        return sorted(window, key=lambda j: (abs(stories[j].date.toordinal() - day), -j))

    out = []
    for i, story in enumerate(stories):
        chosen: dict[int, None] = {}
        # The whole archive last: a small site still shows a few to read next.
        keys = ["program " + story.program, *("kecamatan " + k.code for k in story.facts.kecamatan), ""]
        for key in keys:
            for j in nearest(i, groups[key]):
                if len(chosen) < limit:
                    chosen.setdefault(j)
        out.append(tuple(stories[j] for j in chosen))
    return out


def home(site: SiteFacts, render: Render) -> list[Page]:
    f = site.figures
    tally = totals.tally(f.recipients, f.payments, f.goods, f.participants)
    book = site.addresses
    published = {t.table.name for t in site.data}
    data = book.url(book.data())
    # Each figure links to the Data terbuka table whose rows, all of them, sum to it.
    sums = {figure: f"{data}#unduh-{table}" for figure, table in _SITE_SUMS.items() if table in published}
    return [render(book.home(), HomeContext, programs=site.programs, tally=tally,
                   news=_newest_first(site.stories)[:LATEST],
                   kecamatan=tuple(PageLink(k.name, book.kecamatan(k.code)) for k in site.content.region.kecamatan),
                   sums=sums)]


_SITE_SUMS = {
    "units": opendata.PENERIMA_PER_KECAMATAN.name, "declared": opendata.PENERIMA_PER_KECAMATAN.name,
    "kecamatan": opendata.PENERIMA_PER_KECAMATAN.name, "events": opendata.KEGIATAN.name,
    "participants": opendata.KEGIATAN.name, "payments": opendata.PEMBAYARAN.name, "paid": opendata.PEMBAYARAN.name,
    "goods": opendata.BARANG.name,
}
"""Which open-data table's rows each figure of a page sums."""


def _breakdowns(site: SiteFacts, column: str, tables: Iterable[str]) -> dict[str, dict[Any, list[opendata.Row]]]:
    """For each table, its published rows grouped by `column` (a programme key, a kecamatan code): one pass each."""
    return {name: opendata.rows_by(site.data, name, column) for name in tables}  # type: ignore[misc]


def _rincian(site: SiteFacts, grouped: Mapping[str, Any], key: Any, figures: Mapping[str, str], leave_out: tuple[str, ...] = ()
             ) -> tuple[tuple[opendata.Breakdown, ...], dict[str, str]]:
    """The rows behind one page's figures, and each figure's link to its rows on that page (`figures`: figure -> table)."""
    shown = {}
    for name, (table, rows) in grouped.items():
        found = opendata.breakdown(table, rows.get(key, ()), book=site.addresses, leave_out=leave_out)
        if found:
            shown[name] = found
    sums = {f: "#" + shown[table].anchor for f, table in figures.items() if table in shown}
    return tuple(shown.values()), sums


def listing(book: Addresses, path: str, items: Sequence[Any], per_page: int | None = None
            ) -> list[tuple[str, Pager, tuple[Any, ...]]]:
    """`items` cut into pages of `per_page` (`LISTED` by default), in order: (address, pager, entries) of each, the first at `path`.

    The rule every listing keeps: a list that grows with the archive (a
    kecamatan's events and names, a speaker's quotes, a topic's, a
    programme's or a month's articles) shows at most `per_page` entries on
    a page, and the rest on numbered pages after it (`Addresses.paged`),
    each linked to the first, the one before, the one after and the last,
    so every entry stays reachable. The figures a page states (totals, per
    kecamatan and per programme counts, charts) are counted from all the
    entries and stay whole on the first page. Why: at 5,000 events a
    speaker's page reached 1.5 MB of HTML and a kecamatan's 236 kB, too
    heavy for a reader's phone; no page may pass 150 kB.

    An empty list still has its one page, which says so.
    """
    size = per_page or LISTED
    last = max(1, -(-len(items) // size))
    at = functools.partial(book.paged, path)
    return [
        (at(number), Pager(number, last, at(1), at(number - 1) if number > 1 else None, at(number + 1) if number < last else None,
               at(last)), tuple(items[(number - 1) * size: number * size]))
        for number in range(1, last + 1)
    ]


def news_index(site: SiteFacts, render: Render) -> list[Page]:
    """All articles newest first, `PER_PAGE` to a page."""
    return [render(path, NewsIndexContext, stories=chunk, pager=pager)
            for path, pager, chunk in listing(site.addresses, site.addresses.news_page(1), _newest_first(site.stories), PER_PAGE)]


def _years(site: SiteFacts) -> tuple[Year, ...]:
    book = site.addresses
    by_month: dict[tuple[int, int], list[Story]] = {}
    for story in _newest_first(site.stories):
        by_month.setdefault((story.date.year, story.date.month), []).append(story)
    months = [Month(y, m, book.archive_month(y, m), book.archive_year(y), tuple(s)) for (y, m), s in by_month.items()]
    years = sorted({m.year for m in months}, reverse=True)
    return tuple(
        Year(y, book.archive_year(y), tuple(sorted((m for m in months if m.year == y), key=lambda m: m.month, reverse=True)))
        for y in years
    )


def archive(site: SiteFacts, render: Render) -> list[Page]:
    """An index of years and months, a page per year listing its months, a page per month listing its articles.

    Why year pages list months, not articles: a busy year holds hundreds of
    articles, and no unpaginated page should.
    """
    years = _years(site)
    pages = [render(site.addresses.archive(), ArchiveContext, years=years)]
    for year in years:
        pages.append(render(year.path, ArchiveYearContext, year=year))
        pages.extend(render(path, ArchiveMonthContext, month=m, stories=chunk, pager=pager)
                     for m in year.months for path, pager, chunk in listing(site.addresses, m.path, m.stories))
    return pages


def program_news(site: SiteFacts, render: Render) -> list[Page]:
    return [render(path, ProgramNewsContext, program=p, stories=chunk, pager=pager)
            for p in site.programs for path, pager, chunk in listing(site.addresses, p.news_path, _newest_first(p.stories))]


def _topics(site: SiteFacts) -> tuple[Topic, ...]:
    """One topic per tag slug; tags spelt differently but slugified alike share it."""
    names: dict[str, set[str]] = {}
    tagged: dict[str, dict[str, Story]] = {}
    for story in _newest_first(site.stories):
        for tag in story.facts.tags:
            slug = slugify(tag, fallback="lain")
            names.setdefault(slug, set()).add(tag)
            # A dict keyed by slug keeps each story once, in first-seen order.
            tagged.setdefault(slug, {}).setdefault(story.slug, story)
    return tuple(
        Topic(slug, site.addresses.topic(slug), tuple(sorted(names[slug], key=lambda n: (n.casefold(), n))),
              tuple(tagged[slug].values()))
        for slug in sorted(names)
    )


def topics(site: SiteFacts, render: Render) -> list[Page]:
    found = _topics(site)
    return [render(site.addresses.topics(), TopicsContext, topics=found),
            *(render(path, TopicContext, topic=t, stories=chunk, pager=pager)
              for t in found for path, pager, chunk in listing(site.addresses, t.path, t.stories))]


# --------------------------------------------------------------------------
# Programmes and kecamatan.


def program_pages(site: SiteFacts, render: Render) -> list[Page]:
    grouped = _breakdowns(site, "program", dict.fromkeys(_SITE_SUMS.values()))
    pages = [render(site.addresses.programs(), ProgramsContext, programs=site.programs)]
    for p in site.programs:
        rincian, sums = _rincian(site, grouped, p.key, _SITE_SUMS)
        charts = tuple(_chart(unit, i, p.per_kecamatan) for i, unit in enumerate(p.units))
        pages.extend(render(path, ProgramContext, program=p, breakdowns=rincian, sums=sums, charts=charts,
                            stories=chunk, pager=pager)
                     for path, pager, chunk in listing(site.addresses, p.path, p.stories))
    return pages


def _chart(unit: str, i: int, places: Sequence[KecamatanRef]) -> Chart:
    """The chart of unit `i`: largest first, so a reader sees at once where the programme reached most."""
    ordered = _largest_first(places, lambda k: k.counts[i])
    return Chart(unit, tuple((k.name, k.counts[i]) for k in ordered), ordered)


def _largest_first(items: Iterable[Any], count: Callable[[Any], int]) -> tuple[Any, ...]:
    # sorted() is stable: equal counts keep the order they came in (the gazetteer's).
    return tuple(sorted(items, key=lambda item: -count(item)))


def _kecamatan(site: SiteFacts, render: Render) -> tuple[KecamatanInfo, ...]:
    content, book = site.content, site.addresses
    by_slug = {s.slug: s for s in site.stories}
    on_pages = Where(Output.PAGE)

    def places(event: Event) -> tuple[tuple[str, KecamatanEvent], ...]:
        return tuple((place.kecamatan.code, KecamatanEvent(
            by_slug[event.slug], content.programs[event.program].name, place.count, event.recipients.kind,
            event.recipients.source if place.declared is not None else None,
            site.policy.names(policy.recipients(event, place), on_pages),
        )) for place in event.places)

    # Each event's place there, newest event first, gathered in one pass.
    events_at: dict[str, list[KecamatanEvent]] = {}
    for event in reversed(content.events):
        reads = (event, by_slug[event.slug], content.programs[event.program].name,
                 bearing(render.memory, site.policy, event))
        for code, entry in render.recall(("kecamatan", event.slug), reads, lambda event=event: places(event)):
            events_at.setdefault(code, []).append(entry)
    counts_at: dict[str, list[totals.RecipientCount]] = {}
    for count in site.figures.recipients:
        counts_at.setdefault(count.kecamatan.code, []).append(count)
    goods_at: dict[str, list[totals.GoodsCount]] = {}
    for goods in site.figures.goods_by_place:
        goods_at.setdefault(goods.kecamatan.code if goods.kecamatan else "", []).append(goods)
    out = []
    for kec in content.region.kecamatan:
        here = counts_at.get(kec.code, [])
        shares = tuple(
            ProgramShare(p.name, p.path, totals.tally(c for c in here if c.program == p.key), p.units[0] if p.units else None)
            for p in site.programs
        )
        path = book.kecamatan(kec.code)
        out.append(KecamatanInfo(kec.name, kec.code, book.kecamatan_slugs[kec.code], path, kec.kelurahan,
                                 totals.tally(here, goods=goods_at.get(kec.code, ())), shares,
                                 tuple(events_at.get(kec.code, ()))))
    return tuple(out)


def kecamatan_pages(site: SiteFacts, render: Render) -> list[Page]:
    found = _kecamatan(site, render)
    word = bahasa.capitalize_first(render.templates.words["wilayah"][site.content.region.system]["kecamatan"])
    # Goods per kecamatan have no open-data table of their own, so only the
    # recipients' figures link; each of a kecamatan's rows is one event there.
    table = opendata.PENERIMA_PER_KECAMATAN.name
    grouped = _breakdowns(site, "kode_kecamatan", (table,))
    pages = [render(site.addresses.kecamatan_index(), KecamatanIndexContext, kecamatan=found)]
    for k in found:
        rincian, sums = _rincian(site, grouped, k.code, dict.fromkeys(("units", "declared", "events"), table),
                                 leave_out=("nama_kecamatan",))
        chart_rows = _largest_first(((f"{p.name} ({p.unit})", p.tally.count(p.unit)) for p in k.programs if p.unit),
                                    lambda row: row[1])
        usul = render.usul(k.path, f"{word} {k.name}")
        pages.extend(render(path, KecamatanContext, kecamatan=k, breakdowns=rincian, sums=sums, chart_rows=chart_rows,
                            usul=usul, events=chunk, pager=pager)
                     for path, pager, chunk in listing(site.addresses, k.path, k.events))
    return pages


# --------------------------------------------------------------------------
# People who spoke, corrections, policies, open data, feeds.


def _people(site: SiteFacts) -> tuple[PersonInfo, ...]:
    spoke_at: dict[str, list[Appearance]] = {}
    for story in _newest_first(site.stories):
        by_key: dict[str, list[Any]] = {}
        for s in story.facts.speakers:
            by_key.setdefault(s.key, []).append(s)
        for key, spoke in by_key.items():
            spoke_at.setdefault(key, []).append(Appearance(
                story, tuple(s.remarks for s in spoke if s.remarks), tuple(q.text for s in spoke for q in s.quotes)))
    return tuple(
        PersonInfo(key, site.addresses.person(key), person.name, person.title or person.role or "",
                   site.organization(person.organization) if person.organization else None, tuple(spoke_at.get(key, ())))
        for key, person in sorted(site.content.people.items(), key=lambda kv: (kv[1].name, kv[0]))
    )


def people_pages(site: SiteFacts, render: Render) -> list[Page]:
    found = _people(site)
    return [render(site.addresses.people(), PeopleContext, people=found),
            *(render(path, PersonContext, person=p, appearances=chunk, pager=pager)
              for p in found for path, pager, chunk in listing(site.addresses, p.path, p.appearances))]


def corrections(site: SiteFacts, render: Render) -> list[Page]:
    """Every correction, newest first; same-moment ties fall back to the article order."""
    items = [
        (c.date, c.time or time.min, i, n, CorrectionItem(c.date, c.time, story.facts.timezone, c.note, story))
        for i, story in enumerate(site.stories)
        for n, c in enumerate(story.facts.corrections)
    ]
    items.sort(key=lambda item: item[:4], reverse=True)
    return [render(path, CorrectionsContext, corrections=chunk, pager=pager)
            for path, pager, chunk in listing(site.addresses, site.addresses.corrections(), [item[-1] for item in items])]


def policies(site: SiteFacts, render: Render) -> list[Page]:
    return [render(site.addresses.pedoman(), PedomanContext),
            render(site.addresses.privacy(), PrivacyContext, policy=site.policy.summary())]


def open_data(site: SiteFacts, render: Render) -> list[Page]:
    """The Data terbuka page and the files it offers (opendata holds the facts)."""
    book = site.addresses
    files = opendata.downloads(site.data, site.site.title, book, site.event_rows, render.recall)
    data = opendata.data_page(site.data, site.site.title, book, site.updated, site.event_rows)
    page = render(book.data(), DataContext, data=data)
    return [page, *(Page(path, text) for path, text in files.items())]


def search_page(site: SiteFacts, render: Render) -> list[Page]:
    """The search page; the plugin builds its index from the finished site."""
    return [render(site.addresses.search(), SearchContext, programs=tuple(p.name for p in site.programs),
                   kecamatan=tuple(k.name for k in site.content.region.kecamatan), bundle=SEARCH_BUNDLE)]


def feed_files(site: SiteFacts, render: Render) -> list[Page]:
    """The feeds need the site's absolute address (feed readers resolve no relative link)."""
    if site.site_url is None:
        return []
    return [Page(path, text) for path, text in feeds.files(site, site.site_url).items()]


def images(site: SiteFacts, render: Render) -> list[Page]:
    """Every photo rendition and sharing image the pages use."""
    return [Page(path, data) for path, data in sorted(site.images.items())]


FAMILIES: tuple[Family, ...] = (
    articles, home, news_index, archive, program_news, topics, program_pages,
    kecamatan_pages, people_pages, corrections, policies, open_data, search_page, feed_files, images,
)
"""Every family of pages, in the order the site lists them."""
