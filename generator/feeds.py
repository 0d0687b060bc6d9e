"""Articles -> RSS 2.0 and Atom feeds of the news, with feedgen.

Reproducible: feedgen stamps a feed (and every Atom entry) with the time of
the build unless told otherwise, so every date here is set from the records:
an entry is published when its event began and updated at its latest
correction, and the feed is as new as its newest entry. The same content
gives the same bytes on every build.
"""

from __future__ import annotations

import posixpath

from collections.abc import Sequence
from datetime import datetime, timezone
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from . import article
from .records import Content

RSS_PATH = "berita/rss.xml"
ATOM_PATH = "berita/atom.xml"
LIMIT = 50  # entries per feed; readers poll often, the archive pages hold the rest
LANGUAGE = "id"

# Why the epoch: Atom requires a feed date, and a site without news yet has
# no date of its own; a fixed one keeps the output reproducible.
_NO_NEWS = datetime(1970, 1, 1, tzinfo=timezone.utc)


# Material's script reads every <link rel="alternate"> as a language version
# and fetches "sitemap.xml" beside it; beside the feeds that is this empty
# sitemap, a few bytes instead of a 404 (or the whole site's sitemap) on
# every page a reader opens.
_EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def files(content: Content, writer: article.Writer, site_url: str) -> dict[str, str]:
    """Both feeds as {path below the site root: XML text}, and the sitemap stub beside them."""
    return {
        RSS_PATH: rss(content, writer, site_url),
        ATOM_PATH: atom(content, writer, site_url),
        posixpath.join(posixpath.dirname(RSS_PATH), "sitemap.xml"): _EMPTY_SITEMAP,
    }


def rss(content: Content, writer: article.Writer, site_url: str) -> str:
    """The RSS 2.0 feed of the newest articles, newest first."""
    return _feed(content, writer, site_url, RSS_PATH).rss_str(pretty=True).decode("utf-8")


def atom(content: Content, writer: article.Writer, site_url: str) -> str:
    """The Atom feed of the newest articles, newest first."""
    return _feed(content, writer, site_url, ATOM_PATH).atom_str(pretty=True).decode("utf-8")


def article_url(site_url: str, slug: str) -> str:
    """The absolute address of an article, which is also its permanent id.

    >>> article_url("https://contoh.go.id/warta", "2025-09-03-bangun")
    'https://contoh.go.id/warta/berita/2025-09-03-bangun/'
    """
    return f"{_base(site_url)}berita/{slug}/"


def _base(site_url: str) -> str:
    # Feed readers resolve nothing: every link must be absolute. MkDocs'
    # site_url may come with or without its trailing slash.
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"feeds need an absolute http(s) site_url, got {site_url!r}")
    return site_url.rstrip("/") + "/"


def _newest(content: Content) -> Sequence[article.ArticleFacts]:
    """The articles a feed carries: newest first, ties broken by slug."""
    # Records come ordered by (date, time, slug), the order of published_at
    # in the region's one time zone: only the newest LIMIT need their facts.
    recent = (article.facts(e, content) for e in content.events[-LIMIT:])
    return sorted(recent, key=lambda f: (f.published_at, f.slug), reverse=True)


def _updated(facts: article.ArticleFacts) -> datetime:
    # A correction noted without a time falls at midnight, which can be
    # before the event began on the same day; an entry is never updated
    # before it was published.
    return max(facts.published_at, facts.modified_at)


def _feed(content: Content, writer: article.Writer, site_url: str, path: str) -> FeedGenerator:
    base = _base(site_url)
    publisher = content.organizations[content.site.publisher].name
    entries = _newest(content)
    updated = max((_updated(f) for f in entries), default=_NO_NEWS)

    feed = FeedGenerator()
    feed.id(base)
    feed.title(content.site.title)
    feed.description(content.site.title)
    feed.author({"name": publisher})
    # RSS has room for one channel link and feedgen takes the last one set,
    # so the site's home comes after the feed's own address.
    feed.link(href=base + path, rel="self")
    feed.link(href=base, rel="alternate")
    feed.language(LANGUAGE)
    # feedgen's own generator line carries its version; naming Warta keeps
    # the bytes stable across feedgen upgrades.
    feed.generator("Warta")
    feed.updated(updated)
    feed.lastBuildDate(updated)
    for facts in entries:
        url = article_url(base, facts.slug)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(writer.headline(facts))
        entry.link(href=url, rel="alternate")
        entry.summary(writer.description(facts))
        entry.published(facts.published_at)
        entry.updated(_updated(facts))
    return feed
