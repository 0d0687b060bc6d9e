"""Markdown -> HTML of each page, kept between builds by the digest of its Markdown.

Converting Markdown is the largest single cost of a build, and an archive
changes by an event or two between builds: a page whose Markdown is the
same as last time gets last time's HTML, table of contents, title and
anchors back. What else MkDocs' conversion depends on is the other files a
page links to, so each entry keeps the links the page made and what they
became; before an entry is used, each link is resolved again against this
build's files (MkDocs' own resolver, with its own warnings), and the page
is converted afresh when any resolves differently.

MkDocs' ``Page.render`` is the model: `Renderer.render` takes its place
through `Renderer.attach`, and does exactly its work on a miss. MkDocs
converts its pages one after another; `Renderer.convert_ahead` converts the
pages the store lacks on every core first, so that MkDocs' loop finds them
kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from ..core.cache import Store

# MkDocs' link warnings go to this logger; `_Replayed` holds them back
# until the links are known to resolve as they did.
_LINKS_LOG = logging.getLogger("mkdocs.structure.pages")


class _Recording(_RelativePathTreeprocessor):
    """MkDocs' link rewriter, noting each link it rewrote and what into."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.seen: list[tuple[str, str]] = []

    def path_to_url(self, url: str) -> str:
        made = super().path_to_url(url)
        self.seen.append((url, made))
        return made


class _Held(logging.Handler):
    """Collects what the link resolver says while a cached entry is checked."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _held() -> Iterator[_Held]:
    """What MkDocs' link resolver says meanwhile, held back from MkDocs' log."""
    held, propagate = _Held(), _LINKS_LOG.propagate
    _LINKS_LOG.addHandler(held)
    _LINKS_LOG.propagate = False
    try:
        yield held
    finally:
        _LINKS_LOG.removeHandler(held)
        _LINKS_LOG.propagate = propagate


class Spread(Protocol):
    """What `Renderer.convert_ahead` needs of `parallel.Cores`."""

    def __enter__(self) -> Spread: ...
    def __exit__(self, *exc: object) -> None: ...
    def spreads(self, count: int) -> bool: ...
    def map(self, items: list[int]) -> list[bytes]: ...


@dataclass
class Renderer:
    """Converts one build's pages, through `store` when there is one.

    With a store, a page's HTML need not stay in memory from its conversion
    to its template (MkDocs converts every page before it renders any, so
    a 5,000-article archive would hold all of it at once): `set_aside`
    drops it while its entry holds it, `restore` reads it back.
    """

    store: Store | None
    settings: str = ""  # what of the configuration the conversion depends on
    hits: int = field(default=0)
    _entries: dict[str, str] = field(default_factory=dict)  # page -> the key of its entry this build
    _aside: dict[str, str] = field(default_factory=dict)  # page -> the key its HTML was set aside under
    _md: markdown.Markdown | None = None

    @classmethod
    def for_config(cls, store: Store | None, config: MkDocsConfig) -> Renderer:
        # Plugins add extensions at run time (Warta does), so the list
        # mkdocs.yml gives is not the whole of it.
        settings = json.dumps([config.markdown_extensions, config.mdx_configs], sort_keys=True, default=repr)
        return cls(store, settings)

    def attach(self, page: Page) -> None:
        """Make `page.render` go through this renderer (MkDocs calls it right after ``on_pre_page``)."""
        page.render = lambda config, files: self.render(page, config, files)  # type: ignore[method-assign]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        key = self._key(page.file, page.markdown)
        entry = self._entry(key)
        self._entries.pop(page.file.src_uri, None)
        if entry is not None and self._reuse(page, entry, config, files):
            self.hits += 1
            self._entries[page.file.src_uri] = key
            return
        made, links = _convert(page.file, page.markdown, config, files, self._markdown(config))
        _fill(page, made, links)
        if self.store is not None and self.store.put(key, _dumps(made)):
            self._entries[page.file.src_uri] = key

    def convert_ahead(self, files: Files, config: MkDocsConfig, spread: Callable[[Callable[[int], bytes]], Spread]) -> int:
        """Convert on every core the pages of `files` the store has no entry for; how many were converted.

        MkDocs then finds each kept, as in a build after this one: the
        output is the same, and so are the link warnings, which `render`
        says when it checks the entry (a worker's are dropped). A page whose
        Markdown another plugin changes on the way is under another key, and
        MkDocs' loop converts it as before. Without a store, or where
        `spread` would convert in turn, this does nothing.
        """
        if self.store is None:
            return 0
        # Each page's Markdown is read again where it is converted: a
        # 5,000-article archive's would take 80 MB held here meanwhile.
        wanted: list[tuple[File, str]] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            try:
                key = self._key(file, _markdown_of(file))
            except (OSError, ValueError):
                continue  # MkDocs' loop says what is wrong with it
            if not self.store.has(key):
                wanted.append((file, key))

        def job(at: int) -> bytes:
            file, _ = wanted[at]
            markdown_text = _markdown_of(file)
            with _held():
                made, _ = _convert(file, markdown_text, config, files, self._markdown(config))
            return _dumps(made)

        converted = 0
        with spread(job) as cores:
            if not cores.spreads(len(wanted)):
                return 0
            # In batches: the converted pages come back whole, and a
            # 5,000-article archive's would not all fit in memory at once.
            for start in range(0, len(wanted), _AHEAD_BATCH):
                batch = list(range(start, min(start + _AHEAD_BATCH, len(wanted))))
                for at, data in zip(batch, cores.map(batch)):
                    converted += self.store.put(wanted[at][1], data)
        return converted

    def _key(self, file: File, markdown_text: str) -> str:
        return self.store.key(self.settings, file.src_uri, file.url, markdown_text) if self.store else ""

    def _markdown(self, config: MkDocsConfig) -> markdown.Markdown:
        """One converter for the whole build, reset before each page.

        Why: setting up Python-Markdown with its extensions costs about
        0.4 ms, paid by MkDocs for every page (4,500 pages at 1,000 events).
        `Markdown.reset` is Python-Markdown's own way to convert another
        document with the same instance; the per-page processors MkDocs adds
        replace those of the page before under the same names.
        """
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        return self._md.reset()

    def set_aside(self, page: Page, html: str) -> str:
        """`html` as the page will show it: "" for now when its entry holds exactly that, to be `restore`d."""
        key = self._entries.get(page.file.src_uri)
        # Another plugin's on_page_content may have changed it: then the
        # entry is not what the page shows, and the HTML stays in memory.
        if key is None or html != page.content:
            return html
        self._aside[page.file.src_uri] = key
        return ""

    def restore(self, page: Page) -> None:
        """Put back the HTML `set_aside` dropped, before the page's template reads it."""
        key = self._aside.get(page.file.src_uri)
        if key is None:
            return
        entry = self._entry(key)
        if entry is None:
            # Never a page without its text: the build stops instead.
            raise RuntimeError(f"the cached HTML of {page.file.src_uri} vanished during the build ({self.store.path if self.store else ''})")
        page.content = entry["html"]

    def drop(self, page: Page) -> None:
        """Let go of a set-aside page's HTML once its page is written."""
        if page.file.src_uri in self._aside:
            page.content = ""

    def _entry(self, key: str) -> dict[str, Any] | None:
        data = self.store.get(key) if self.store else None
        if data is None:
            return None
        try:
            entry = json.loads(data)
        except ValueError:
            return None  # a torn or foreign file is a miss
        return entry if isinstance(entry, dict) and _SHAPE <= entry.keys() else None

    def _reuse(self, page: Page, entry: dict[str, Any], config: MkDocsConfig, files: Files) -> bool:
        """Fill `page` from `entry` when every link of it resolves as it did; say what MkDocs would have said."""
        links = _RelativePathTreeprocessor(page.file, files, config)
        with _held() as held:
            same = all(links.path_to_url(url) == made for url, made in entry["links"])
        if not same:
            return False
        for record in held.records:
            _LINKS_LOG.handle(record)
        _fill(page, entry, links)
        return True


_SHAPE = {"html", "toc", "title", "anchors", "links"}
_AHEAD_BATCH = 256


def _convert(file: File, markdown_text: str, config: MkDocsConfig, files: Files,
             md: markdown.Markdown) -> tuple[dict[str, Any], _RelativePathTreeprocessor]:
    """MkDocs' own conversion of a page (as ``Page.render`` does it, with `md` reset): its cache entry, and its link rewriter."""
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(file, files, config)
    anchors._register(md)
    links = _Recording(file, files, config)
    links._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    html = md.convert(markdown_text)
    entry = {
        "html": html,
        "toc": getattr(md, "toc_tokens", []),
        "title": title.title,
        "anchors": sorted(anchors.present_anchor_ids | raw_html.present_anchor_ids),
        "links": links.seen,
    }
    return entry, links


def _fill(page: Page, entry: dict[str, Any], links: _RelativePathTreeprocessor) -> None:
    """What ``Page.render`` leaves on `page`, from its entry."""
    page.content = entry["html"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if _LINKS_LOG.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links.links_to_anchors


def _markdown_of(file: File) -> str:
    """The Markdown MkDocs reads of `file` (``Page.read_source``): its text without the front matter."""
    return meta.get_data(file.content_string)[0]


def _dumps(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8")
