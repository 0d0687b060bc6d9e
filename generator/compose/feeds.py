"""Articles -> RSS 2.0 and Atom feeds of the news, with feedgen.

Reproducible: feedgen stamps a feed (and every Atom entry) with the time of
the build unless told otherwise, so every date here is set from the records:
an entry is published when its event began and updated at its latest
correction, and the feed is as new as its newest entry. The same content
gives the same bytes on every build.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from .addresses import absolute
from .article import ArticleFacts
from .contexts import Story
from .facts import SiteFacts

LIMIT = 50  # entries per feed; readers poll often, the archive pages hold the rest
LANGUAGE = "id"

# Why the epoch: Atom requires a feed date, and a site without news yet has
# no date of its own; a fixed one keeps the output reproducible.
_NO_NEWS = datetime(1970, 1, 1, tzinfo=timezone.utc)

_EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def files(site: SiteFacts, site_url: str) -> dict[str, str]:
    """Both feeds as {path below the site root: XML text}, and the sitemap stub beside them."""
    book = site.addresses
    return {
        book.feed("rss"): _feed(site, site_url, book.feed("rss")).rss_str(pretty=True).decode("utf-8"),
        book.feed("atom"): _feed(site, site_url, book.feed("atom")).atom_str(pretty=True).decode("utf-8"),
        book.feed_sitemap(): _EMPTY_SITEMAP,
    }


def _newest(stories: Sequence[Story]) -> list[Story]:
    """The articles a feed carries: newest first, ties broken by slug."""
    # Stories come ordered by (date, time, slug), the order of published_at
    # in the region's one time zone: only the newest LIMIT are looked at.
    return sorted(stories[-LIMIT:], key=lambda s: (s.facts.published_at, s.slug), reverse=True)


def _updated(facts: ArticleFacts) -> datetime:
    # A correction noted without a time falls at midnight, which can be
    # before the event began on the same day; an entry is never updated
    # before it was published.
    return max(facts.published_at, facts.modified_at)


def _feed(site: SiteFacts, site_url: str, path: str) -> FeedGenerator:
    book = site.addresses
    home = absolute(site_url, "")
    entries = _newest(site.stories)
    updated = max((_updated(s.facts) for s in entries), default=_NO_NEWS)

    feed = FeedGenerator()
    feed.id(home)
    feed.title(site.site.title)
    feed.description(site.site.title)
    feed.author({"name": site.site.publisher.name})
    # RSS has room for one channel link and feedgen takes the last one set,
    # so the site's home comes after the feed's own address.
    feed.link(href=absolute(site_url, path), rel="self")
    feed.link(href=home, rel="alternate")
    feed.language(LANGUAGE)
    # feedgen's own generator line carries its version; naming Warta keeps
    # the bytes stable across feedgen upgrades.
    feed.generator("Warta")
    feed.updated(updated)
    feed.lastBuildDate(updated)
    for story in entries:
        url = absolute(site_url, book.url(story.path))
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(story.headline)
        entry.link(href=url, rel="alternate")
        entry.summary(story.description)
        entry.published(story.facts.published_at)
        entry.updated(_updated(story.facts))
    return feed
