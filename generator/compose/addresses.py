"""Where every page and file of a site lives: the one address book.

Pages, templates (through `links` and `href`), feeds, the open data, the
theme, the menu and the output lint all take their paths from here, so
moving a family of pages is a change to one method. Paths are MkDocs source
paths below the site root ("berita/slug.md"); `url` and `built` say where
MkDocs publishes them.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..core import wilayah
from ..core.text import slugify
from .policy import Output, Where

SEARCH_INDEX = "search/search_index.json"
"""Material's search index, which holds the text of every page (for a site that keeps Material's search)."""

SEARCH_BUNDLE = "pagefind"
"""Where Pagefind writes Warta's search index and its scripts, below the site root."""

DATA_FOLDER = "data"

# The sections of the site in menu order; "pages" marks where the site's
# own hand-written pages (content/pages/*.md) go.
_SECTIONS = ("home", "berita", "program", "kecamatan", "narasumber", "data", "ralat", "pages", "pedoman", "privasi")

# Compiled once: `same_url` runs for every page and every pager link.
_INDEX = re.compile(r"(^|/)index$")


@functools.lru_cache(maxsize=65536)
def relative(target: str, *, page: str) -> str:
    """The link from `page` to `target`, both paths below the site root.

    Why relative: MkDocs resolves ``.md`` links from the page that holds
    them, and a strict build fails on any link that points nowhere.

    >>> relative("berita/a.md", page="berita/arsip/2025.md")
    '../a.md'
    >>> relative("index.md", page="index.md"), relative("berita/rss.xml", page="berita/index.md")
    ('index.md', 'rss.xml')
    """
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def absolute(site_url: str, url: str) -> str:
    """`url` (relative to the site root) as an absolute address: a feed entry's permanent id, a link to share.

    >>> absolute("https://contoh.go.id/warta", "berita/2025-09-03-bangun/")
    'https://contoh.go.id/warta/berita/2025-09-03-bangun/'
    """
    # Feed readers and share targets resolve nothing: the link must be
    # absolute. MkDocs' site_url may come with or without its trailing slash.
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"an absolute address needs an http(s) site_url, got {site_url!r}")
    return site_url.rstrip("/") + "/" + url


def mailto(mailbox: str, subject: str, body: str) -> str:
    """A link that opens the reader's own mail program, addressed and filled in (RFC 6068).

    >>> mailto("ppid@contoh.go.id", "Koreksi: A & B", "Halaman: https://x.go.id/a/?b=1")
    'mailto:ppid@contoh.go.id?subject=Koreksi%3A%20A%20%26%20B&body=Halaman%3A%20https%3A%2F%2Fx.go.id%2Fa%2F%3Fb%3D1'
    """
    # Every reserved character is encoded (a space as %20: mail programs
    # read "+" literally), and line breaks as CRLF, as RFC 6068 asks.
    def q(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{mailbox}?subject={q(subject)}&body={q(body)}"


def whatsapp(number: str, text: str) -> str:
    """A link that opens the reader's WhatsApp at `number` (Indonesian, 08...) with `text` typed in.

    Nothing is asked of wa.me until the reader taps it.

    >>> whatsapp("081234567890", "Usul: Kartu & data")
    'https://wa.me/6281234567890?text=Usul%3A%20Kartu%20%26%20data'
    """
    digits = "62" + number[1:] if number.startswith("0") else number
    return f"https://wa.me/{digits}?text={quote(text, safe='')}"


def telephone(number: str) -> str:
    """A link that offers to call `number` (Indonesian digits) from the reader's phone.

    >>> telephone("0274868405")
    'tel:+62274868405'
    """
    return "tel:+62" + number[1:] if number.startswith("0") else "tel:+" + number


@dataclass(frozen=True)
class Addresses:
    """The address book of one site: its region's kecamatan decide their own paths."""

    kecamatan_slugs: Mapping[str, str]  # kecamatan code -> address slug
    directory_urls: bool = True

    @classmethod
    def for_region(cls, region: wilayah.Region, *, directory_urls: bool = True) -> Addresses:
        """Kecamatan get their name's slug, and the code as well where two names slugify alike."""
        plain = [slugify(k.name) or k.code.replace(".", "-") for k in region.kecamatan]
        slugs = {
            k.code: slug if plain.count(slug) == 1 else f"{slug}-{k.code.replace('.', '-')}"
            for k, slug in zip(region.kecamatan, plain)
        }
        return cls(slugs, directory_urls)

    # -- News ---------------------------------------------------------------

    def article(self, slug: str) -> str:
        return f"berita/{slug}.md"

    def news_page(self, number: int) -> str:
        """Page `number` of the news index; page 1 is the news section itself."""
        return self.paged("berita/index.md", number)

    def paged(self, path: str, number: int) -> str:
        """Page `number` of the listing whose first page is `path`: later pages sit in a folder below it.

        >>> book = Addresses({})
        >>> book.paged("berita/index.md", 1), book.paged("berita/index.md", 3), book.paged("kecamatan/alak.md", 2)
        ('berita/index.md', 'berita/halaman/3.md', 'kecamatan/alak/halaman/2.md')
        """
        if number == 1:
            return path
        return f"{self.same_url(path)}/halaman/{number}.md".lstrip("/")

    def archive(self) -> str:
        return "berita/arsip/index.md"

    def archive_year(self, year: int) -> str:
        return f"berita/arsip/{year:04d}.md"

    def archive_month(self, year: int, month: int) -> str:
        return f"berita/arsip/{year:04d}-{month:02d}.md"

    def topics(self) -> str:
        return "berita/topik/index.md"

    def topic(self, slug: str) -> str:
        return f"berita/topik/{slug}.md"

    def program_news(self, key: str) -> str:
        return f"berita/program/{key}.md"

    def feed(self, kind: str) -> str:
        """The RSS ("rss") or Atom ("atom") feed of the news."""
        return f"berita/{kind}.xml"

    def feed_sitemap(self) -> str:
        """An empty sitemap beside the feeds.

        Why: Material's script reads every ``<link rel="alternate">`` as a
        language version and fetches "sitemap.xml" beside it; this keeps that
        request a few bytes instead of a 404 on every page a reader opens.
        """
        return posixpath.join(posixpath.dirname(self.feed("rss")), "sitemap.xml")

    # -- Transparency -------------------------------------------------------

    def home(self) -> str:
        return "index.md"

    def programs(self) -> str:
        return "program/index.md"

    def program(self, key: str) -> str:
        return f"program/{key}.md"

    def kecamatan_index(self) -> str:
        return "kecamatan/index.md"

    def kecamatan(self, code: str) -> str:
        return f"kecamatan/{self.kecamatan_slugs[code]}.md"

    def people(self) -> str:
        return "narasumber/index.md"

    def person(self, key: str) -> str:
        return f"narasumber/{key}.md"

    def corrections(self) -> str:
        return "ralat.md"

    def pedoman(self) -> str:
        return "pedoman-media-siber.md"

    def privacy(self) -> str:
        return "kebijakan-privasi.md"

    def data(self) -> str:
        return f"{DATA_FOLDER}/index.md"

    def search(self) -> str:
        return "cari.md"

    def download(self, table: str, fmt: str) -> str:
        return f"{DATA_FOLDER}/{table}.{fmt}"

    def package(self) -> str:
        return f"{DATA_FOLDER}/datapackage.json"

    def event_download(self, slug: str, fmt: str) -> str:
        """One event's rows of every open-data table (csv or json), which its article's "Fakta" box links to.

        Why files and no page per event: a page each would double the pages
        MkDocs renders; a file is copied as it is.
        """
        return f"{DATA_FOLDER}/kegiatan/{slug}.{fmt}"

    def rows_anchor(self, table: str) -> str:
        """The id of a table's rows on the page whose figures they sum (an article, a programme, a kecamatan): 'data-pembayaran'."""
        return f"data-{table}"

    # -- Derived ------------------------------------------------------------

    def links(self, *, feeds: bool) -> dict[str, str]:
        """The section addresses templates read as `links` (the feeds only when a build makes them)."""
        links = {
            "home": self.home(), "berita": self.news_page(1), "arsip": self.archive(), "topik": self.topics(),
            "program": self.programs(), "kecamatan": self.kecamatan_index(), "narasumber": self.people(),
            "ralat": self.corrections(), "pedoman": self.pedoman(), "privasi": self.privacy(), "data": self.data(),
            "cari": self.search(),
        }
        if feeds:
            links |= {"rss": self.feed("rss"), "atom": self.feed("atom")}
        return links

    def menu(self, own_pages: Iterable[str]) -> list[tuple[str, str | None]]:
        """The menu as (section name, path) in order; a hand-written page has no section name."""
        links = self.links(feeds=False)
        out: list[tuple[str, str | None]] = []
        for section in _SECTIONS:
            if section == "pages":
                out.extend((path, None) for path in own_pages)
            else:
                out.append((links[section], section))
        return out

    def trail(self, path: str) -> tuple[str, ...]:
        """The pages above `path`, home first: each folder's index page, and an archive month's year.

        Breadcrumbs keep those that exist (berita/halaman/ has no index of
        its own); the first one in the menu is the page's section.

        >>> book = Addresses({})
        >>> book.trail("berita/arsip/2025-09.md")
        ('index.md', 'berita/index.md', 'berita/arsip/index.md', 'berita/arsip/2025.md')
        >>> book.trail("index.md"), book.trail("tentang.md"), book.trail("program/index.md")
        ((), ('index.md',), ('index.md',))
        >>> book.trail("narasumber/camat/halaman/2.md")[-1]
        'narasumber/camat.md'
        """
        if path == self.home():
            return ()
        folders = path.split("/")[:-1]
        above = [self.home(), *(("/".join(folders[: i + 1]) + "/index.md") for i in range(len(folders)))]
        month = re.fullmatch(r"(\d{4})-\d{2}\.md", posixpath.basename(path))
        if month and posixpath.dirname(path) == posixpath.dirname(self.archive()):
            above.append(self.archive_year(int(month.group(1))))
        # A listing's later pages lead back to its first (kecamatan/alak/halaman/2.md to kecamatan/alak.md).
        later = re.fullmatch(r"(.+)/halaman/\d+\.md", path)
        if later and later.group(1) != posixpath.dirname(self.news_page(1)):
            above.append(later.group(1) + ".md")
        return tuple(p for p in above if p != path)

    def searchable(self, path: str) -> bool:
        """Whether search indexes the page at `path`: what a reader looks for, not the lists that lead to it.

        Articles, programmes, kecamatan and speakers; the listings (news
        index, archive, topics, section indexes) would only repeat them.

        >>> book = Addresses({})
        >>> [book.searchable(p) for p in ("berita/a.md", "program/x.md", "berita/arsip/2025.md", "program/index.md", "index.md")]
        [True, True, False, False, False]
        """
        folder, name = posixpath.split(path)
        kinds = {posixpath.dirname(p) for p in (self.article("x"), self.program("x"), self.kecamatan_index(), self.person("x"))}
        return name != "index.md" and folder in kinds

    def url(self, path: str) -> str:
        """The address MkDocs serves `path` at, relative to the site root ("" for the home page).

        >>> book = Addresses({})
        >>> book.url("berita/a.md"), book.url("index.md"), book.url("data/kegiatan.csv")
        ('berita/a/', '', 'data/kegiatan.csv')
        >>> Addresses({}, directory_urls=False).url("berita/a.md")
        'berita/a.html'
        """
        if not path.endswith(".md"):
            return path
        stem = path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def root_from(self, path: str) -> str:
        """The site root as a relative address from the page `path` is served at: raw HTML links start with it.

        >>> Addresses({}).root_from("berita/a.md"), Addresses({}).root_from("index.md"), Addresses({}, directory_urls=False).root_from("berita/a.md")
        ('../../', '', '../')
        """
        return "../" * self.url(path).count("/")

    def built(self, path: str) -> str:
        """The file MkDocs writes for `path`, below the site folder.

        >>> Addresses({}).built("berita/a.md"), Addresses({}).built("index.md")
        ('berita/a/index.html', 'index.html')
        """
        url = self.url(path)
        return url + "index.html" if url == "" or url.endswith("/") else url

    def where(self, built: str, articles: Mapping[str, str]) -> Where:
        """What kind of output a built file is, for the privacy policy.

        `articles` maps the built file of each article to its event's slug.
        """
        if built in articles:
            return Where(Output.ARTICLE, articles[built])
        if built == SEARCH_INDEX:
            return Where(Output.SEARCH)
        if built in (self.feed("rss"), self.feed("atom")):
            return Where(Output.FEED)
        if built.startswith(DATA_FOLDER + "/") and not built.endswith(".html"):
            return Where(Output.DOWNLOAD)
        return Where(Output.PAGE)

    def generated(self, path: str) -> bool:
        """Whether `path` is, or may become, an address Warta generates: a hand-written page may not take it.

        Why whole sections: a page written as berita/<slug>.md today would
        shadow an article tomorrow (and enter the search as one), and
        berita/<slug>/index.md is the same address.

        >>> book = Addresses({})
        >>> [book.generated(p) for p in ("tentang.md", "berita/x/index.md", "ralat/index.md", "data/x.md", "layanan/a.md")]
        [False, True, True, True, False]
        >>> book.generated("ralat/halaman/2.md"), book.generated("tentang/kami.md")
        (True, False)
        """
        own = (self.home(), self.corrections(), self.pedoman(), self.privacy(), self.search())
        sections = {p.split("/")[0] for p in (self.article("x"), self.program("x"), self.kecamatan_index(),
                                                self.person("x"), self.data(), SEARCH_INDEX)}
        # Below an own page are its later pages (ralat/halaman/2.md, see `paged`).
        own_urls = {self.same_url(p) for p in own}
        return self.same_url(path) in own_urls or path.split("/")[0] in sections | own_urls | {SEARCH_BUNDLE}

    def same_url(self, path: str) -> str:
        """The address two source paths clash on: ``x.md`` and ``x/index.md`` are one page."""
        return _INDEX.sub("", path.removesuffix(".md"))
