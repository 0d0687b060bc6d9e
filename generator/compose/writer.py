"""Article facts -> the article's words: headline, description and whole text.

The same templates write Markdown for the site, plain text, and WhatsApp
markup for pasting into a group: only the markup filters differ.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Callable

from ..core import canonical
from ..core.cache import Store
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
    With `store` (the build cache, salted with the templates), a text is
    also kept between builds under the digest of its facts (`canonical`),
    since a process's own hashes change from one build to the next.
    """

    def __init__(self, templates: Templates, memo: Memo | None = None, store: Store | None = None) -> None:
        self.templates = templates
        self._memo: Memo = {} if memo is None else memo
        self._store = store
        self._digests: dict[int, tuple[ArticleFacts, str]] = {}  # by id: the facts kept alive so no id is reused

    def _remembered(self, what: object, fmt: str, article: ArticleFacts, write: Callable[[], str]) -> str:
        key = (what, fmt, article)
        if key not in self._memo:
            self._memo[key] = self._kept((what, fmt), article, write)
        return self._memo[key]

    def _kept(self, what: object, article: ArticleFacts, write: Callable[[], str],
              sound: Callable[[str], bool] = lambda text: True) -> str:
        """The text as the build cache kept it (if `sound`), or written (and then kept)."""
        if self._store is None:
            return write()
        try:
            known = self._digests.get(id(article))
            if known is None or known[0] is not article:
                known = self._digests[id(article)] = (article, canonical.digest(article))
            key = self._store.key(known[1], canonical.digest(what))
        except TypeError:
            return write()  # a fact `canonical` cannot key yet: written every time, never mis-keyed
        data = self._store.get(key)
        # An entry starts with the digest of its key and text: a damaged one,
        # or one copied under another key, is a miss.
        if data is not None and _sealed(key, data[16:]) == data[:16]:
            text = data[16:].decode("utf-8", "replace")
            if sound(text):
                return text
        text = write()
        raw = text.encode("utf-8")
        self._store.put(key, _sealed(key, raw) + raw)
        return text

    def _summary(self, article: ArticleFacts) -> None:
        """Remember the headline and the description of `article`, written or from one cache entry.

        One entry for the two, since every article needs both: one read
        of the store serves them.
        """
        headline, description = ("headline", "text", article), ("description", "text", article)
        if headline in self._memo and description in self._memo:
            return

        def write() -> str:
            return json.dumps([self.templates.render(HeadlineContext(article), "text").strip(),
                               self.templates.render(DescriptionContext(article), "text").strip()])

        def sound(text: str) -> bool:
            try:
                pair = json.loads(text)
            except ValueError:
                return False
            return isinstance(pair, list) and len(pair) == 2 and all(isinstance(t, str) for t in pair)

        self._memo[headline], self._memo[description] = json.loads(self._kept("summary", article, write, sound))

    def headline(self, article: ArticleFacts) -> str:
        """The headline as plain text: the record's title or a generated one."""
        self._summary(article)
        return self._memo[("headline", "text", article)]

    def description(self, article: ArticleFacts, limit: int = 160) -> str:
        """The meta description: a sentence of the article's facts, at most `limit` characters."""
        self._summary(article)
        return shorten(self._memo[("description", "text", article)], limit)

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


def _sealed(key: str, raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16, key=key.encode("ascii")[:64]).digest()


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
