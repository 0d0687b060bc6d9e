"""The MkDocs plugin: with `rendered` (its page converter), the only module that knows MkDocs.

Content is loaded and pages composed in ``on_pre_build``, which MkDocs runs
before it empties ``site/``, so a broken record stops ``mkdocs build`` with
the last good site untouched. ``on_files`` only adds the composed pages.

``mkdocs build`` writes into a staging folder beside ``site/`` (`staging`)
and swaps it in only when the whole build succeeded. Under ``mkdocs serve``
the plugin keeps one `ServeState` across rebuilds, and a broken record
must not hang the preview (MkDocs would keep every request waiting until
the file is fixed): the plugin then serves a page listing the problems, at
the address the editor is looking at.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Literal, Mapping, Sequence
from urllib.parse import urlsplit

import jinja2
import markupsafe
import mkdocs
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir
from mkdocs.utils.templates import TemplateContext

from .. import compose, records
from ..compose.addresses import Addresses
from ..compose.contexts import Crumb, ThemeContext, ThemePageContext
from ..compose.facts import SiteFacts
from ..compose.templating import Templates
from ..core import bahasa, cache, parallel, privacy
from ..core.errors import Problem, Source, WartaError, catalogue, message
from ..core.text import strings_in, undecodable_line
from ..records.reading import read_plain, refusal
from . import preview, search
from .rendered import Renderer
from .serve import Backing, Recovered, ServeState
from .staging import LOCK_WAIT, Staging

# Under "mkdocs." so MkDocs shows it with its own messages.
log = logging.getLogger("mkdocs.plugins.warta")


MARKDOWN_EXTENSIONS = ("tables", "attr_list", "md_in_html")
"""What the generated pages' Markdown needs: tables, classes on elements, Markdown inside HTML boxes."""


class WartaConfig(base.Config):
    """The plugin's options in mkdocs.yml, each relative to the folder of mkdocs.yml.

    content_dir: the records (site.yml, events/, ...), "content" by default.
    templates_dir: the site's own templates, "templates" by default; it may
        be missing or hold only the files the site changes, since every
        template, the theme overrides and the stylesheet come with Warta.
    lock_wait: seconds a build waits for another build of the same site to
        finish before giving up, 600 by default.
    """

    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    lock_wait = c.Type(int, default=int(LOCK_WAIT))


CACHE = Path(".cache") / "warta"
"""Where a site keeps what one build worked out for the next, below the folder of mkdocs.yml; safe to delete."""

# Placeholder addresses: any host with a "contoh" (example) label, as the
# examples and `warta init` write them, and the documentation domains.
PLACEHOLDER_HOSTS = ("example.com", "example.org")

# Outside the "mkdocs" loggers: MkDocs counts those under --strict, and a
# placeholder address must not stop a build, only be said.
notice = logging.getLogger("warta")


@dataclass(frozen=True)
class _Caches:
    """The build cache's stores (`core.cache`), one each below ``.cache/warta/``.

    Salted with every template folder and mkdocs.yml besides Warta's own
    code: a change to any of them is a cold build, never a stale page.
    """

    records: cache.Store  # parsed record files
    articles: cache.Store  # written articles
    html: cache.Store  # each page's Markdown -> HTML
    lint: cache.Store  # the privacy check's reading of each published file
    pages: cache.Folder  # composed texts, as the files MkDocs reads

    @classmethod
    def of(cls, folder: Path, salt: str) -> _Caches:
        def store(name: str) -> cache.Store:
            return cache.Store(folder / f"{name}.sqlite", salt)

        return cls(store("records"), store("articles"), store("html"), store("lint"), cache.Folder(folder / "pages", salt))

    def prune(self) -> None:
        """Drop what this build did not use: call it after a whole build only, never a preview's."""
        for kept in (self.records, self.articles, self.html, self.lint, self.pages):
            kept.prune()

    def close(self) -> None:
        for kept in (self.records, self.articles, self.html, self.lint):
            kept.close()


@dataclass
class _Build:
    """What one build (or one preview rebuild) knows; made afresh in every ``on_config``."""

    config: MkDocsConfig
    root: Path  # the folder of mkdocs.yml
    content_dir: Path
    templates: Templates
    staging: Staging | None
    caches: _Caches
    pages: tuple[compose.Page, ...] = ()
    generated: frozenset[str] = frozenset()  # the paths of `pages`
    site: SiteFacts | None = None
    own_menu: bool = False  # mkdocs.yml gives no nav: the plugin makes the menu
    files: Files | None = None
    lit: Page | None = None  # the menu page marked active for the page being rendered
    renderer: Renderer = field(default_factory=lambda: Renderer(None))


class WartaPlugin(BasePlugin[WartaConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.serve: ServeState | None = None
        self.build: _Build | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Per-build state starts here, never in __init__: `mkdocs serve`
        # keeps one plugin object across rebuilds.
        root = Path(config.config_file_path).resolve().parent
        if self.build is not None:
            self.build.caches.close()
        staging = None
        if self.command == "serve":
            self.serve = self.serve or ServeState(Backing(root / CACHE))
        else:
            staging = self._staging(Path(config.site_dir))
            config["site_dir"] = str(staging.folder)
        templates = Templates.for_site(root / self.config.templates_dir)
        seen = cache.files_digest(templates.folders)
        if self.serve:
            templates = self.serve.templates_for(templates, seen)
        # What a build worked out is kept for the next (core/cache): under
        # a salt that moves with Warta, the templates and mkdocs.yml.
        salt = cache.salt(seen, Path(config.config_file_path).read_bytes())
        kept = root / CACHE
        self.build = _Build(config, root, root / self.config.content_dir, templates, staging, _Caches.of(kept, salt),
                            own_menu=config.nav is None)
        # Warta's theme overrides (and a site's own templates/theme/) come
        # after mkdocs.yml's custom_dir and before Material itself.
        themes = [str(folder / "theme") for folder in templates.folders if (folder / "theme").is_dir()]
        at = 1 if config.theme.custom_dir else 0
        config.theme.dirs[at:at] = [d for d in themes if d not in config.theme.dirs]
        # A pemda's site speaks Indonesian, and the built site asks no other
        # host for anything: Material's defaults (English, Google Fonts) are
        # turned round. Another language mkdocs.yml chooses (a regional one)
        # is kept; English, being also the default, is taken for unchosen.
        if config.theme.get("language", "en") == "en":
            config.theme["language"] = "id"
        config.theme["font"] = False
        _say_if_placeholder(config.site_url, self.command)
        # Material's search would publish one index of every page's text and
        # have every phone fetch it whole; Warta's search (edges/search)
        # replaces it, so a mkdocs.yml that lists `search` as Material's
        # documentation shows is turned off here rather than refused.
        material_search = config.plugins.get("material/search")
        if material_search is not None and material_search.config.enabled:
            material_search.config.enabled = False
            log.info(message("search.material_off", {}))
        # The generated pages are written with these; a site's mkdocs.yml
        # need not know which.
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        self.build.renderer = Renderer.for_config(self.build.caches.html, config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        build = self._current()
        if self.serve is None:
            try:
                self._compose(records.load_content(build.content_dir, today=date.today(), store=build.caches.records))
            except WartaError as exc:
                raise PluginError("\n" + exc.report()) from None
            return
        self._preview()

    def _compose(self, content: records.Content, shown: Sequence[Problem] = (), *, checked: bool = False) -> None:
        """Compose every page of `content` into this build; `shown` are the preview banner's problems.

        `checked`: the policy's check of `content` has run (the preview's recovery runs it on every rebuild).
        """
        build, config = self._current(), self._current().config
        memo = self.serve.memo if self.serve else None
        site, composed = compose.site(content, build.templates, site_url=config.site_url,
                                      directory_urls=config.use_directory_urls, memo=memo,
                                      media_cache=build.root / CACHE / "media", articles=build.caches.articles,
                                      keep=None if self.serve else _written_to(build.caches.pages), checked=checked,
                                      recall=self.serve.recall if self.serve else None)
        build.site, build.pages = site, composed
        build.generated = frozenset(p.path for p in composed)
        self._set_menu(content.region.system)
        config["site_name"] = content.site.title
        config.extra["warta"] = _theme_context(site, preview.lines(shown))
        if site.site.logo:
            config.theme["logo"] = site.site.logo

    def _preview(self) -> None:
        """The editors' preview: every sound record and draft, and each broken event's problems at its address.

        Other pages keep the last good version of a broken record, under a
        banner; until a good version exists, every address lists the problems.
        A broken template is one more problem on that page, never a hang.
        """
        build, serve = self._current(), self.serve
        assert serve is not None
        serve.settle()
        try:
            loading = records.load(build.content_dir, today=date.today(), cache=serve.read_cache,
                                   store=build.caches.records, events=serve.events, photos=serve.photos)
            shown = serve.recover(loading, compose.problems)
            if shown.content is not None:
                self._compose(shown.content, shown.problems, checked=shown.checked)
        except WartaError as exc:
            shown = Recovered(None, exc.problems, {}, {})
        if shown.content is None:
            build.site = None
            build.pages = preview.error_pages(shown.problems, serve.published, build.templates)
            self._set_menu("umum")
            return
        book = Addresses.for_region(shown.content.region, directory_urls=build.config.use_directory_urls)
        own = {book.article(slug): preview.record_page(book.article(slug), shown.files[slug], problems, build.templates)
               for slug, problems in shown.broken.items()}
        build.pages = (*(p for p in build.pages if p.path not in own), *own.values())
        build.generated = frozenset(p.path for p in build.pages)
        if shown.problems != serve.shown:
            serve.backing.touch()
            serve.shown = shown.problems
        serve.published = tuple(p.path for p in build.pages if p.path.endswith(".md"))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        # The records and the site's own templates are sources too.
        build = self._current()
        for folder in (build.content_dir, *build.templates.folders[:-1]):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.serve is not None:
            env.bytecode_cache = self.serve.compiled
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self._current()
        _keep_records_private(files, build.content_dir)
        for file, problem in (*_unreadable_pages(files, Path(config.docs_dir)), *_shadowing_pages(files, config, build.generated)):
            # MkDocs would stop at its first undecodable page with a
            # traceback, copy a symlink's target, or wait on a pipe for ever
            # (and the preview would hang on it): said here instead.
            if self.serve is None:
                raise PluginError("\n" + WartaError([problem]).report())
            files.remove(file)
            if file.is_documentation_page():
                build.pages = (*build.pages, preview.record_page(file.src_uri, problem.source.path, [problem], build.templates))
        in_menu = set(strings_in(config.nav))
        for page in build.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)
            # Thousands of articles and listings are reached from the
            # sections; only the sections are in the menu.
            inclusion = InclusionLevel.INCLUDED if page.path in in_menu else InclusionLevel.NOT_IN_NAV
            if isinstance(page.text, Path):
                files.append(File.generated(config, page.path, abs_src_path=str(page.text), inclusion=inclusion))
            elif self.serve:
                files.append(File.generated(config, page.path, abs_src_path=str(self.serve.backing.write(page)), inclusion=inclusion))
            else:
                files.append(File.generated(config, page.path, content=page.text, inclusion=inclusion))
        return files

    @event_priority(-100)  # last: the pages are as every other plugin left them
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        build = self._current()
        build.files = files
        # The preview never forks (parallel.Cores), and a --dirty build
        # converts only the pages that changed.
        if self.serve is None and not self.dirty:
            build.renderer.convert_ahead(files, config, parallel.Cores)
        return nav

    @event_priority(100)  # first: the page's HTML is back before any other plugin reads it
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Breadcrumbs, and the menu tab of the page's section lit.

        Thousands of generated pages are outside the menu, so MkDocs would
        light no tab and Material show no path: both follow from where the
        page lives (`Addresses.trail`).
        """
        build = self._current()
        build.renderer.restore(page)
        files = build.files or Files([])
        # The trail depends on folders only, not on the region's kecamatan.
        found = (files.get_file_from_path(path) for path in Addresses({}).trail(page.file.src_uri))
        above = [f.page for f in found if f is not None and f.page is not None]
        # Search reads the generated pages a reader looks for, and the site's own pages.
        src = page.file.src_uri
        searchable = build.site is not None and (src not in build.generated or build.site.addresses.searchable(src))
        context["warta_page"] = ThemePageContext(tuple(Crumb(p.title or "", p.url) for p in above), searchable)
        section = next((p for p in above if p is not nav.homepage and p in nav.pages), None)
        if section is not None and page not in nav.pages:
            section.active = True
            build.lit = section
        return context

    @event_priority(-100)  # last: whatever other plugins make of the HTML is what is kept
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Memory: MkDocs holds every page's HTML from the first conversion
        # to the last template; a build's pages wait in the cache instead.
        # The preview keeps them (a build may prune the cache meanwhile).
        return html if self.serve else self._current().renderer.set_aside(page, html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        build = self._current()
        build.renderer.drop(page)
        if build.lit is not None:
            build.lit.active = False
            build.lit = None
        return _valid_switches(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # 404.html is a theme template, not a page.
        return _valid_switches(output_content)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with the build day, and stamps sitemap.xml.gz
        # with the newest of those dates: the same content would give other
        # bytes tomorrow. The content's own newest date keeps builds equal.
        build = self._current()
        if build.site is not None and build.site.updated is not None:
            page.update_date = build.site.updated.isoformat()
        build.renderer.attach(page)
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
        build = self._current()
        if self.serve is not None:
            self._drop_vanished_pages(config)
        if build.staging and build.site is not None:
            folder = Path(config.site_dir)
            leaks = _leaks(folder, build.site, _theme_folders(config), build.caches.lint)
            if leaks:
                raise PluginError("\n" + WartaError(leaks).report())
            # Only a site that passed the check is indexed; the preview has no index.
            try:
                search.index(folder)
            except WartaError as exc:
                raise PluginError("\n" + exc.report()) from None
            build.staging.written = True
            # A whole build used every entry it needs: the rest are of pages
            # and files that are no more (a --dirty build used only some).
            if not self.dirty:
                build.caches.prune()
            # Without --strict nothing after this event can fail the build, so
            # the site is swapped in now: `mkdocs serve --clean` serves it
            # between rebuilds, long before on_shutdown.
            if not config.strict:
                self._publish()

    def _drop_vanished_pages(self, config: MkDocsConfig) -> None:
        """Under serve, remove the built HTML of pages the previous rebuild generated and this one did not."""
        serve, now = self.serve, frozenset(p.path for p in self._current().pages)
        assert serve is not None
        for path in sorted(serve.generated - now):
            serve.backing.forget(path)
            Path(File(path, None, config.site_dir, config.use_directory_urls).abs_dest_path).unlink(missing_ok=True)
        serve.generated = now

    def on_build_error(self, *, error: Exception) -> None:
        if self.build and self.build.staging:
            self.build.staging.written = False

    def on_shutdown(self) -> None:
        if self.build is not None:
            self.build.caches.close()
        if self.build is not None and self.build.staging is not None:
            try:
                self._publish()
            except PluginError as exc:
                # MkDocs' build error handling is over by now: said as it says its own.
                log.error(str(exc))
                raise Abort("Aborted with a BuildError!") from None

    def _staging(self, site_dir: Path) -> Staging:
        """This build's staging folder, once no other build is writing the site."""
        wait = self.config.lock_wait

        def waiting(holder: str) -> None:
            # Not on MkDocs' own loggers: --strict must not count a wait as a warning.
            notice.warning(message("site.waiting", {"pid": holder, "seconds": wait}))

        try:
            return Staging(site_dir, wait=wait, waiting=waiting)
        except WartaError as exc:
            raise PluginError("\n" + exc.report()) from None

    def _publish(self) -> None:
        """Swap the staged site in (once), and point site_dir back at it: gh-deploy reads it after the build."""
        build = self._current()
        assert build.staging is not None
        build.config["site_dir"] = str(build.staging.target)
        try:
            published = build.staging.finish()
        except WartaError as exc:
            raise PluginError("\n" + exc.report()) from None
        if published:
            # MkDocs named the staging folder; say where the site now is.
            log.info(message("build.published", {"path": build.staging.target}))

    def _set_menu(self, places: str) -> None:
        build = self._current()
        if build.own_menu:
            build.config["nav"] = _menu(Addresses({}), Path(build.config.docs_dir), build.templates.words, places)

    def _current(self) -> _Build:
        if self.build is None:
            raise RuntimeError("on_config has not run")
        return self.build


def _written_to(store: cache.Folder | None) -> Callable[[compose.Page], compose.Page] | None:
    """A `pages.build` keep that writes each composed text to `store`, so MkDocs reads it from there.

    Why: held in memory, the texts of a 5,000-article archive (articles,
    listings, every event's data files) weigh hundreds of megabytes, and
    MkDocs keeps each one to the end of the build.
    """
    if store is None:
        return None

    def keep(page: compose.Page) -> compose.Page:
        if isinstance(page.text, Path):
            return page
        data = page.text.encode("utf-8") if isinstance(page.text, str) else page.text
        written = store.keep(store.key(page.path, data), data)
        return page if written is None else compose.Page(page.path, written)

    return keep


def _keep_records_private(files: Files, content_dir: Path) -> None:
    """Never publish a record or an original photo, whatever docs_dir holds.

    A docs_dir that is the content folder (or holds it) would have MkDocs copy
    every YAML record, with the names of people who did not agree to be
    named, and every photo with its GPS position, into the site. Only the
    hand-written pages (content/pages/) are the site's own.
    """
    records_root, pages = content_dir.resolve(), (content_dir / "pages").resolve()
    for file in list(files):
        if file.abs_src_path is None:
            continue
        source = Path(file.abs_src_path).resolve()
        if source.is_relative_to(records_root) and not source.is_relative_to(pages):
            files.remove(file)


def _unreadable_pages(files: Files, docs_dir: Path) -> Iterator[tuple[File, Problem]]:
    """The site's own files MkDocs must not read, each with its problem.

    A file that is, or lies in a folder that is, a symlink, a pipe or a
    device (MkDocs follows symlinked folders), an unreadable file, and a
    Markdown page that is not UTF-8 (with the line of its first bad byte).
    """
    for file in list(files):
        if not file.abs_src_path or file.generated_by:
            continue
        path = Path(file.abs_src_path)
        refused = next((r for step in _folders_between(docs_dir, path) if (r := refusal(step, str(step))) is not None), None)
        if refused is None:
            data = read_plain(path, file.abs_src_path, limit=sys.maxsize) if file.is_documentation_page() else refusal(path, file.abs_src_path)
            refused = data if isinstance(data, Problem) else None
            if isinstance(data, bytes) and (line := undecodable_line(data)) is not None:
                refused = Problem("file.encoding", Source(file.abs_src_path, line))
        if refused is not None:
            yield file, refused


def _folders_between(docs_dir: Path, path: Path) -> list[Path]:
    """The folders from `docs_dir` down to `path`, `docs_dir` and `path` left out."""
    parts = path.relative_to(docs_dir).parts if path.is_relative_to(docs_dir) else ()
    return [docs_dir.joinpath(*parts[:n]) for n in range(1, len(parts))]


def _shadowing_pages(files: Files, config: MkDocsConfig, generated: frozenset[str]) -> Iterator[tuple[File, Problem]]:
    """The site's own files written where Warta or the theme writes one (`Addresses.generated`).

    Any file, not only pages: a hand-written data/kegiatan.csv or sitemap.xml
    would silently lose to the generated one, and its writer never learn.
    """
    book = Addresses({})  # sections do not depend on the region
    docs = Path(config.docs_dir).resolve()
    own = [f for f in files if f.abs_src_path and not f.generated_by and Path(f.abs_src_path).is_relative_to(docs)]
    theirs = {f.src_uri for f in files} - {f.src_uri for f in own}
    taken = {book.same_url(p) for p in (*generated, *config.theme.static_templates, *theirs)}
    for file in own:
        if book.generated(file.src_uri) or book.same_url(file.src_uri) in taken:
            yield file, Problem("page.address", Source(file.abs_src_path), {"path": file.src_uri, "url": "/" + book.url(file.src_uri)})


def _say_if_placeholder(site_url: str | None, command: str) -> None:
    """Warn (without failing a --strict build) when the public address is still an example's."""
    labels = (urlsplit(site_url or "").hostname or "").split(".")
    if command != "serve" and ("contoh" in labels or ".".join(labels[-2:]) in PLACEHOLDER_HOSTS):
        notice.warning(message("site_url.placeholder", {"site_url": site_url}))


def _valid_switches(html: str) -> str:
    """Material's two menu switches without the attribute the W3C checker refuses.

    Material's base template gives the checkboxes that open the menu and the
    search autocomplete="off", which HTML allows only on text-like inputs,
    so the checker reports it on every page; the switches start unchecked on
    every load without it.
    """
    for switch in ("__drawer", "__search"):
        html = html.replace(f' type="checkbox" id="{switch}" autocomplete="off">', f' type="checkbox" id="{switch}">')
    return html


def _menu(book: Addresses, docs_dir: Path, words: Mapping[str, Any], places: str) -> list[object]:
    """The site menu: the sections, with the site's own pages among them.

    Labels come from the templates' word list (`kata.menu`); the kecamatan
    section takes the region's own word (kapanewon, distrik ...).
    """
    own = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    labels = {**words["menu"], "kecamatan": bahasa.capitalize_first(words["wilayah"][places]["kecamatan"])}
    return [{labels[name]: path} if name else path for path, name in book.menu(own)]


def _leaks(folder: Path, site: SiteFacts, theme: Sequence[Path] = (), store: cache.Store | None = None) -> list[Problem]:
    """Personal data in the built site: the check after the records check.

    Every file is read, whatever its name (`privacy.published_text` tells
    text from images), but the files the installed `theme` copied unchanged:
    they hold no record data, and their licences' e-mail addresses would
    stop every build. Which name may appear in which file is the privacy
    policy's answer (`Policy.name_check`), asked for the kind of output each
    file is.
    """
    book = site.addresses
    names, allowed_at = site.policy.name_check(site.content)
    articles = {book.built(s.path): s.slug for s in site.stories}
    paths = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*")) if p.is_file()]

    def read() -> Iterator[tuple[str, str]]:
        # One file at a time: the whole built site would not fit the memory
        # budget of a 5,000-article archive.
        for path in paths:
            data = (folder / path).read_bytes()
            text = None if _theme_original(path, data, theme) else privacy.published_text(path, data)
            if text is not None:
                yield path, text

    leaks = privacy.lint(read(), names, lambda name, path: allowed_at(name, book.where(path, articles)),
                         official=site.content.contacts, store=store, spread=parallel.Cores)
    labels = catalogue()
    return [
        Problem("leak", Source(leak.path, leak.line), {"label": labels[f"leak.label.{leak.kind}"], "excerpt": leak.excerpt})
        for leak in leaks
    ]


def _theme_folders(config: MkDocsConfig) -> tuple[Path, ...]:
    """The folders of the installed theme and of MkDocs itself, which no site edits (custom_dir and Warta's own are not among them)."""
    if not config.theme.name:
        return ()
    return Path(get_theme_dir(config.theme.name)), Path(mkdocs.__file__).parent / "templates"


def _theme_original(path: str, data: bytes, theme: Sequence[Path]) -> bool:
    """Whether `data`, published at `path`, is byte for byte the installed theme's own file there."""
    for folder in theme:
        original = folder / path
        if original.is_file() and original.stat().st_size == len(data) and original.read_bytes() == data:
            return True
    return False


def _theme_context(site: SiteFacts, problems: tuple[str, ...] = ()) -> ThemeContext:
    """What the theme overrides (templates/theme/) need beyond MkDocs' own context."""
    feeds = site.site_url is not None
    book = site.addresses
    return ThemeContext(
        publisher=site.site.publisher.name,
        region=site.site.region,
        address=site.site.address,
        contact=site.site.contact,
        contacts=site.content.site.official_contacts,
        links={name: book.url(path) for name, path in book.links(feeds=feeds).items()},
        share=site.site.share,
        rss=book.feed("rss") if feeds else None,
        atom=book.feed("atom") if feeds else None,
        problems=problems,
    )
