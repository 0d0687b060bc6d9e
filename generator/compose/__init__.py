"""Records -> every page, article, feed and download of a site, in memory.

`compose` is the middle of the pipeline: it reads `records` and knows
nothing of MkDocs. `site` is the whole step in one call; the modules are
the pieces (`facts` computes once, `pages` makes the pages, `writer` the
articles, `policy` decides names, `addresses` decides paths, `recall` keeps
the preview's results from one rebuild to the next).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.cache import Store
from ..core.errors import Problem, WartaError
from ..records import Content
from .facts import SiteFacts, site_facts
from .policy import Policy
from .recall import Afresh, Recall
from .pages import Page, build
from .templating import Templates
from .writer import Memo, Writer


def site(content: Content, templates: Templates, *, site_url: str | None = None, directory_urls: bool = True,
         memo: Memo | None = None, media_cache: Path | None = None,
         articles: Store | None = None,
         keep: Callable[[Page], Page] | None = None, checked: bool = False,
         recall: Recall | None = None) -> tuple[SiteFacts, tuple[Page, ...]]:
    """The facts of the site and every page made from them (each passed through `keep`, see `pages.build`).

    The feeds need the site's absolute address (feed readers resolve no
    relative link), so they are made, and linked to, only when `site_url`
    is given; every other page is made either way. `articles` keeps written
    article texts between builds; its salt must move with `templates`.
    `checked` says the caller has run `check` on this very content.
    `recall` is the preview's memory of its last rebuild (`compose.recall`).
    """
    if not checked:
        check(content)
    writer = Writer(templates, memo, articles)
    memory = recall or Afresh()
    memory.begin()
    facts = site_facts(content, writer, site_url=site_url, directory_urls=directory_urls, media_cache=media_cache,
                       recall=memory)
    pages = build(facts, templates, writer, keep, memory)
    memory.end()
    return facts, pages


def problems(content: Content, recall: Recall | None = None) -> list[Problem]:
    """Texts that name someone their own article may not name (the policy's check of the records).

    `recall` is the preview's memory of its last check (one of its own, not the composing steps').
    """
    return Policy(content.site.privacy.recipient_names).text_problems(content, recall)


def check(content: Content) -> None:
    """Refuse content with any of `problems`."""
    found = problems(content)
    if found:
        raise WartaError(found)
