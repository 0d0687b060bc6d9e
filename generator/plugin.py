"""The MkDocs plugin: the only module that knows MkDocs.

Content is loaded and pages composed in ``on_pre_build``, which MkDocs runs
before it empties ``site/``, so a broken record stops ``mkdocs build`` with
the last good site untouched. ``on_files`` only adds the composed pages.

``mkdocs build`` writes into a staging folder beside ``site/`` and swaps it
in only when the whole build succeeded (strict-mode warnings come after
every page is written), so readers never get a half-built site.

Under ``mkdocs serve`` a broken record must not hang the preview (MkDocs
would keep every request waiting until the file is fixed): the plugin then
serves a page listing the problems, at the address the editor is looking at.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import Iterator, Literal

import markupsafe
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import article, pages, preview, privacy, records
from .errors import Problem, Source, WartaError, catalogue, message


# Under "mkdocs." so MkDocs shows it with its own messages.
log = logging.getLogger("mkdocs.plugins.warta")


class WartaConfig(base.Config):
    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")


class WartaPlugin(BasePlugin[WartaConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.staging: _Staging | None = None
        self.backing: _Backing | None = None
        # Serve only: what the previous rebuild read and wrote, so an edit to
        # one event re-reads one file and re-writes one article.
        self.read_cache: records.ReadCache | None = None
        self.memo: article.Memo | None = None
        self.templates_seen: tuple[tuple[str, int, int], ...] = ()
        # Paths the last good build published. Only `serve` reads it: an error
        # page goes to each of them, so whichever page the editor has open
        # reloads into the list of problems instead of a 404.
        self.published: tuple[str, ...] = ("index.md",)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Per-build state starts here, never in __init__: `mkdocs serve`
        # keeps one plugin object across rebuilds.
        root = Path(config.config_file_path).resolve().parent
        self.content_dir = root / self.config.content_dir
        self.templates_dir = root / self.config.templates_dir
        self.pages: tuple[pages.Page, ...] = ()
        self.content_date = ""
        if self.serving:
            if self.backing is None:
                self.backing = _Backing(root / ".cache" / "warta")
                self.read_cache = {}
            templates = _signature(self.templates_dir)
            if templates != self.templates_seen:
                # An edited template may change any text: start afresh.
                self.memo, self.templates_seen = {}, templates
        else:
            self.staging = _Staging(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        try:
            content = records.load_content(self.content_dir, today=date.today(), cache=self.read_cache)
            composed = pages.build(content, self.templates_dir, site_url=config.site_url, memo=self.memo)
        except WartaError as exc:
            if not self.serving:
                raise PluginError("\n" + exc.report()) from None
            self.pages = preview.error_pages(exc.problems, self.published, self.templates_dir)
            return
        self.content = content
        self.content_date = _newest_date(content)
        config["site_name"] = content.site.title
        config.extra["warta"] = _theme_context(content)
        self.pages = composed
        self.published = tuple(p.path for p in self.pages if p.path.endswith(".md"))

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with the build day, and stamps sitemap.xml.gz
        # with the newest of those dates: the same content would give other
        # bytes tomorrow. The content's own newest date keeps builds equal.
        if self.content_date:
            page.update_date = self.content_date
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs and Material print a page's front-matter title and
        # description into the HTML as they are (<title>, the header, meta
        # tags): to them it is HTML. Warta's front matter is plain text from
        # the records, so it is escaped here, once, for every page; the theme
        # override turns it back into text for JSON-LD with `striptags`.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = markupsafe.escape(page.meta[key])
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staging:
            leaks = _leaks(Path(config.site_dir), self.content)
            if leaks:
                raise PluginError("\n" + WartaError(leaks).report())
            self.staging.written = True

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging:
            self.staging.written = False

    def on_shutdown(self) -> None:
        if self.staging:
            if self.staging.finish():
                # MkDocs named the staging folder; say where the site now is.
                log.info(message("build.published", {"path": self.staging.target}))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)
            if self.backing:
                files.append(File.generated(config, page.path, abs_src_path=str(self.backing.write(page))))
            else:
                files.append(File.generated(config, page.path, content=page.text))
        return files


# Files Warta writes or MkDocs fills with page text; the theme's own assets
# hold no record data and are left out.
_LINTED = {".html", ".xml", ".json", ".csv", ".txt"}


def _leaks(site: Path, content: records.Content) -> list[Problem]:
    """Personal data in the built site: the check after the records check.

    Names never agreed to may appear nowhere. Agreed names may appear in their
    own article and in the search index of articles; on the transparency pages
    and downloads only recipients (never heirs) under ``recipient_names: full``.
    """
    never = content.recipient_names(consented=False) | content.payee_names(consented=False)
    article_only = content.payee_names(consented=True)
    if content.site.privacy.recipient_names != "full":
        article_only |= content.recipient_names(consented=True)
    paths = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*"))
             if p.suffix in _LINTED and p.is_file() and not p.relative_to(site).as_posix().startswith("assets/")]
    articles = {f"berita/{e.slug}/index.html" for e in content.events} | {"search/search_index.json"}

    def read(selected: list[str]) -> Iterator[tuple[str, str]]:
        # One file at a time: the whole built site would not fit the memory
        # budget of a 5,000-article archive.
        return ((path, (site / path).read_text(encoding="utf-8")) for path in selected)

    leaks = list(privacy.lint(read(paths), never))
    leaks += privacy.lint(read([path for path in paths if path not in articles]), article_only)
    labels = catalogue()
    return [
        Problem("leak", Source(leak.path, leak.line), {"label": labels[f"leak.label.{leak.kind}"], "excerpt": leak.excerpt})
        for leak in leaks
    ]


class _Backing:
    """Generated pages as files whose modification time moves only with their text.

    Why: ``mkdocs serve --dirty`` re-renders a page only when its source file
    is newer than its HTML. Backed by these files, an edit to one event
    re-renders that article and the pages whose figures changed, not the
    whole archive. Kept for one ``serve`` session: it remembers what it wrote.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: dict[str, str] = {}

    def write(self, page: pages.Page) -> Path:
        path = self.folder / page.path
        if self.written.get(page.path) != page.text:
            if not path.is_file() or path.read_text(encoding="utf-8") != page.text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page.text, encoding="utf-8")
            self.written[page.path] = page.text
        return path


class _Staging:
    """A build folder beside the published one, swapped in only on success."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.target = Path(config.site_dir)
        self.folder = self.target.with_name(f".{self.target.name}-baru")
        self.written = False
        shutil.rmtree(self.folder, ignore_errors=True)
        config["site_dir"] = str(self.folder)

    def finish(self) -> bool:
        """Swap the staged site in if the build succeeded; True when it did."""
        # gh-deploy reads site_dir after the build: point it back at the result.
        self.config["site_dir"] = str(self.target)
        if self.written:
            old = self.target.with_name(f".{self.target.name}-lama")
            shutil.rmtree(old, ignore_errors=True)
            if self.target.exists():
                self.target.rename(old)
            self.folder.rename(self.target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)
        return self.written


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every template: changes when any does."""
    return tuple(
        (p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    )


def _newest_date(content: records.Content) -> str:
    """The newest event or correction date, ISO; empty for a site with no news."""
    dates = [d for e in content.events for d in (e.date, *(c.date for c in e.corrections))]
    return max(dates).isoformat() if dates else ""


def _theme_context(content: records.Content) -> dict[str, str]:
    """What the theme overrides (templates/theme/) need beyond MkDocs' own context."""
    publisher = content.organizations[content.site.publisher]
    return {
        "publisher": publisher.name,
        "region": content.region.name,
        "contact": content.site.footer.contact,
    }
