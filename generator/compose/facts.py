"""The facts of a whole site, computed once per build and handed to every page family.

Articles' facts, headlines and leads, the two count tables and the open-data
rows are made here once; the pages, the feeds and the data page all read
these, so none recomputes (or could recount) what another already states.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core import bahasa
from ..records import Content
from ..records.model import Event
from . import article, opendata, totals
from .addresses import Addresses
from .media import Media, Picture, Published
from .article import Organization
from .contexts import KecamatanRef, ProgramInfo, Progress, SiteInfo, Story
from .policy import NameKey, Policy, Setting, name_keys
from .recall import Afresh, Recall
from .writer import Writer


@dataclass(frozen=True)
class SiteFacts:
    """Everything the pages of one build state, from one content folder."""

    content: Content
    addresses: Addresses
    policy: Policy
    site: SiteInfo
    stories: tuple[Story, ...]  # oldest first, the records' order
    figures: totals.Tables
    data: tuple[opendata.TableRows, ...]  # the open-data tables with their rows
    event_rows: Mapping[str, tuple[opendata.TableRows, ...]]  # the same rows by event slug, for articles and per-event files
    programs: tuple[ProgramInfo, ...]  # by name
    updated: date | None  # the newest event or correction date; None without news
    site_url: str | None  # the public address; feeds are made only with it
    images: Mapping[str, Published]  # every image the pages use, by path below the site root

    def organization(self, key: str) -> Organization:
        return article.organization(self.content, key)


# The sharing cards: white on the theme's dark indigo (contrast 14:1).
CARD_COLOURS = ((26, 35, 126), (255, 255, 255))


def site_facts(content: Content, writer: Writer, *, site_url: str | None = None, directory_urls: bool = True,
               media_cache: Path | None = None, recall: Recall | None = None) -> SiteFacts:
    """Count, order and word-once everything the site will state.

    Photos and sharing cards are made here too (`media`), once per content
    digest when `media_cache` keeps them between builds. With `recall` (the
    preview's), an event's facts and words are made again only when the
    event, its photos or what every article reads changed.
    """
    book = Addresses.for_region(content.region, directory_urls=directory_urls)
    memory = recall or Afresh()
    rules = Policy.of(content, memory)
    images = Media(content.media or Path("media"), media_cache)
    publisher = article.organization(content, content.site.publisher)
    logo = content.site.logo
    # What `article.facts` and the templates read besides the event and the policy.
    words = memory.within("words", (content.site, content.region, content.organizations, content.people,
                                    content.programs, writer.templates))
    # Photos first, all of them at once: what the cache lacks is made on every core.
    images.prepare(photos=[p.file for event in content.events for p in event.photos])
    worded = []
    for event in content.events:
        # Read every time: a photo replaced under the same name is a new photo.
        photos = tuple(images.picture(p.file, alt=p.alt, caption=p.caption, credit=p.credit) for p in event.photos)

        def write(event: Event = event, photos: tuple[Picture, ...] = photos) -> tuple[article.ArticleFacts, str, str]:
            facts = article.facts(event, content, rules, writer.templates.words, photos)
            return facts, writer.headline(facts), writer.description(facts)

        line = f"{bahasa.formal_date(event.date)} · {publisher.short or publisher.name}"
        worded.append((event, photos, line, words(event.slug, (event, photos, bearing(memory, rules, event)), write)))
    # A card for each article without a photo, the same way.
    images.prepare(cards=[(headline, line) for _, photos, line, (_, headline, _) in worded if not photos],
                   logo=logo, colours=CARD_COLOURS)
    stories = []
    for event, photos, line, (facts, headline, description) in worded:
        image = photos[0].share if photos else images.card(headline, line, logo, CARD_COLOURS)
        told = (event.slug, book.article(event.slug), headline, description, event.date, event.program, facts, image)
        # The same Story object while nothing of it changed: every page that
        # lists it then compares it with last time's at a glance.
        stories.append(words(("story", event.slug), told, lambda told=told: Story(*told)))
    figures = totals.tables(content)
    data = opendata.tables(opendata.Sources(content, figures, rules, book))
    site = SiteInfo(content.site.title, content.region.name, content.region.system, publisher, content.site.footer.contact,
                    content.site.address, images.logo(logo) if logo else None,
                    images.card(content.site.title, content.region.name, logo, CARD_COLOURS))
    updated = max((d for e in content.events for d in (e.date, *(c.date for c in e.corrections))), default=None)
    return SiteFacts(content, book, rules, site, tuple(stories), figures, data, opendata.per_event(data),
                     _programs(content, book, tuple(stories), figures,
                               writer.templates.words["wilayah"][content.region.system]["kecamatan"]),
                     updated, site_url, images.files)


def bearing(recall: Recall, rules: Policy, event: Event) -> tuple[Setting, frozenset[NameKey]] | None:
    """What of `rules` a step about `event` reads (`Policy.bearing_on`), for the recall to compare.

    The event's `name_keys` are worked out once a rebuild however many steps
    compare them; a build, which compares nothing, works out neither.
    """
    return recall.costly(lambda: rules.bearing_on(recall(("names", event.slug), event, lambda: name_keys(event))))


def of_program(figures: totals.Tables, key: str) -> totals.Tally:
    """The figures of one programme."""
    return totals.tally(*(tuple(r for r in rows if r.program == key) for rows in
                          (figures.recipients, figures.payments, figures.goods, figures.participants)))


def _progress(target: article.Target, tally: totals.Tally, groups: Mapping[str, str], kecamatan_word: str) -> Progress | None:
    """How far the records have come towards `target`, when they count what it counts; none otherwise.

    A target in the recipients' own words ("5.000 warga", "1.200 keluarga")
    or without a unit is measured by the recipients of that unit; one in
    the region's word for a kecamatan ("17 kapanewon") by the kecamatan
    reached. Any other target (schools, when the records count pupils) is
    shown as it is written, never divided by a count of something else.
    """
    unit = (target.unit or "").casefold()
    if unit in ("kecamatan", kecamatan_word):
        reached = tally.kecamatan
    elif not unit and tally.units:
        reached = tally.units[0].count
    elif unit in groups or unit in totals.UNITS:
        reached = tally.count(groups.get(unit, unit))
    else:
        return None
    return Progress(reached, target.count, target.unit or "penerima", reached / target.count)


def _programs(content: Content, book: Addresses, stories: tuple[Story, ...], figures: totals.Tables,
              kecamatan_word: str) -> tuple[ProgramInfo, ...]:
    out = []
    for key, program in sorted(content.programs.items(), key=lambda kv: (kv[1].name, kv[0])):
        tally = of_program(figures, key)
        units = tuple(u.unit for u in tally.units)
        mine = [c for c in figures.recipients if c.program == key]
        per = [totals.per_kecamatan(mine, content.region.kecamatan, unit) for unit in units]
        facts = article.program_facts(content, key)
        groups = {e.recipients.group.casefold(): e.recipients.kind for e in content.events
                  if e.program == key and e.recipients}
        out.append(ProgramInfo(
            key=key,
            path=book.program(key),
            news_path=book.program_news(key),
            name=program.name,
            summary=program.summary,
            partners=tuple(article.organization(content, k) for k in program.partners),
            benefits=program.benefits,
            target_group=program.target_group,
            facts=facts,
            tally=tally,
            units=units,
            per_kecamatan=tuple(
                KecamatanRef(k.name, book.kecamatan(k.code), tuple(rows[i][1] for rows in per))
                for i, k in enumerate(content.region.kecamatan)
            ),
            progress=_progress(facts.target, tally, groups, kecamatan_word) if facts.target else None,
            stories=tuple(s for s in stories if s.program == key),
        ))
    return tuple(out)
