"""Article facts -> the article's words: headline, description and whole text.

The same templates write Markdown for the site, plain text, and WhatsApp
markup for pasting into a group: only the markup filters differ.
"""

from __future__ import annotations

import re
from typing import Callable

from .article import ArticleFacts
from .opendata import EventData
from .contexts import ArticleContext, DescriptionContext, HeadlineContext
from .templating import Format, Templates
from .usul import Usul

Memo = dict[tuple[object, str, ArticleFacts], str]
"""Written texts by (what, format, facts); `mkdocs serve` keeps one while the templates stay the same."""


class Writer:
    """Writes articles from one build's templates.

    Texts are remembered by their facts (frozen, so equal facts give equal
    text) in `memo`: within a build, and across preview rebuilds when the
    caller passes the same memo back while the templates are unchanged.
    """

    def __init__(self, templates: Templates, memo: Memo | None = None) -> None:
        self.templates = templates
        self._memo: Memo = {} if memo is None else memo

    def _remembered(self, what: object, fmt: str, article: ArticleFacts, write: Callable[[], str]) -> str:
        key = (what, fmt, article)
        if key not in self._memo:
            self._memo[key] = write()
        return self._memo[key]

    def headline(self, article: ArticleFacts) -> str:
        """The headline as plain text: the record's title or a generated one."""
        return self._remembered("headline", "text", article, lambda: self.templates.render(HeadlineContext(article), "text").strip())

    def description(self, article: ArticleFacts, limit: int = 160) -> str:
        """The meta description: a sentence of the article's facts, at most `limit` characters."""
        text = self._remembered("description", "text", article,
                                lambda: self.templates.render(DescriptionContext(article), "text").strip())
        return shorten(text, limit)

    def render(self, article: ArticleFacts, fmt: Format = "markdown", *, root: str = "", image: str = "",
               rows: EventData | None = None, usul: Usul | None = None) -> str:
        """The whole article in `fmt`, ending in exactly one newline.

        `root` is the site root relative to the article's address, `image`
        its sharing image, `rows` its event's open data and `usul` the block
        under it; a build gives all four, `warta render` none.
        """

        def write() -> str:
            context = ArticleContext(article, self.headline(article), self.description(article), root, image, rows, usul)
            return re.sub(r"\n{3,}", "\n\n", self.templates.render(context, fmt)).strip() + "\n"

        # The usul block's contacts come from site.yml, which a preview rebuild may change.
        return self._remembered(("article", root, image, rows, usul), fmt, article, write)


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
