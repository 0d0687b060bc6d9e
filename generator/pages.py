"""Records + articles -> every page of the site, as (path, text) values.

No writing and no MkDocs here: the plugin hands these to MkDocs, and tests
read them directly. Each kind of page is one small function.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import article
from .records import Content


@dataclass(frozen=True)
class Page:
    path: str  # path below the site root, as MkDocs' src_uri: "berita/slug.md"
    text: str


def build(content: Content, templates: Path) -> tuple[Page, ...]:
    """Every generated page of the site, in a fixed order."""
    writer = article.Writer(templates)
    facts = [article.facts(e, content) for e in content.events]
    pages = [Page(f"berita/{f.slug}.md", writer.render(f)) for f in facts]
    pages.append(_home(content, writer, facts))
    return tuple(pages)


def _home(content: Content, writer: article.Writer, facts: list[article.ArticleFacts]) -> Page:
    env = writer.env("markdown")
    latest = sorted(facts, key=lambda f: (f.date, f.slug), reverse=True)
    items = [(writer.headline(f), f"berita/{f.slug}.md", f) for f in latest]
    return Page("index.md", env.get_template("home.j2").render(site=content.site, region=content.region, news=items))
