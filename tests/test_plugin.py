"""The MkDocs plugin end to end: real `mkdocs build` and `mkdocs serve` runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from generator import records

from .conftest import ENV, EVENT, MKDOCS, ROOT, build, edit, project_copy, search_records, snapshot

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    run = build(ROOT, site)
    assert run.returncode == 0, run.stderr
    return site


def test_strict_build_publishes_the_article(built: Path) -> None:
    html = (built / "berita" / "2025-09-03-bangun-ntt-kupang" / "index.html").read_text()
    assert "sepuluh pekerja rentan" in html
    assert '<html lang="id"' in (built / "index.html").read_text()


class _Refs(HTMLParser):
    """Every URL a page would fetch by itself (not links a reader may follow)."""

    FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("source", "srcset"),
                ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href")}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and ((tag, name) in self.FETCHING or (tag == "link" and name == "href" and values.get("rel") not in ("canonical", "alternate"))):
                self.urls.append(value)
        if values.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"] or "")


# Hosts named inside Material's JavaScript that a Warta page never contacts:
# Mermaid's CDN is loaded only for a page with a Mermaid diagram (Warta writes
# none, checked below); the repository APIs (and the `https://${host}`
# template beside them) only when `repo_url` is set (it is not); the search
# worker prints a bit.ly help address in a console warning; Pagefind's
# scripts parse result addresses against a dummy "https://example.com" base
# and never fetch it. Addresses in comments are ignored. Any other host
# fails the test.
INERT_JS_HOSTS = {"unpkg.com", "api.github.com", "${e}", "bit.ly", "example.com${anchored_url}", "example.com${normalized}"}


def test_built_site_fetches_nothing_from_another_host(built: Path) -> None:
    offenders = []
    for path in built.rglob("*"):
        if path.suffix == ".html":
            parser = _Refs()
            parser.feed(path.read_text(encoding="utf-8"))
            urls = parser.urls
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        elif path.suffix == ".js":
            text = re.sub(r"/\*[\s\S]*?\*/", "", path.read_text(encoding="utf-8"))
            text = re.sub(r"(?<![:\"'\\])//[^\n]*", "", text)
            urls = [u for u in re.findall(r"https?://[^\s\"'`)\\]+", text) if urlparse(u).netloc not in INERT_JS_HOSTS]
        else:
            continue
        offenders += [f"{path.relative_to(built)}: {u}" for u in urls if urlparse(u).netloc]
    assert offenders == []
    assert not any('class="mermaid"' in p.read_text() for p in built.rglob("*.html"))
    config = (ROOT / "mkdocs.yml").read_text()
    assert "repo_url" not in config


def test_broken_record_fails_the_build_and_leaves_the_last_site(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    before = snapshot(site)
    edit(root / "content" / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    run = build(root, site)
    assert run.returncode != 0
    assert f"{EVENT}:16: Kecamatan 'Kelapa Lma' tidak ada di Kota Kupang. Mungkin maksud Anda 'Kelapa Lima'?" in run.stderr
    assert "Traceback" not in run.stderr
    after = snapshot(site)
    assert after == before


def test_build_failing_after_pages_are_written_leaves_the_last_site(tmp_path: Path) -> None:
    # A broken link in a hand-written page is only caught by strict mode at
    # the very end, after MkDocs has written every page.
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    before = snapshot(site)
    page = root / "content" / "pages" / "tentang.md"
    page.write_text(page.read_text() + "\n[Lihat](tidak-ada.md)\n")
    run = build(root, site)
    assert run.returncode != 0 and "tidak-ada.md" in run.stderr
    after = snapshot(site)
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proyek", "site"]  # no staging folder left


@pytest.mark.parametrize(("where", "damage", "said"), [
    ("content/pages/tentang.md", lambda text: text + b"\nKec. Oeb\xf3bo\n", "Berkas bukan teks UTF-8"),
    ("templates/partials/footer.j2", lambda text: text.replace(b"Apabila", b"{% if %}Apabila", 1), "Templat tidak dapat dibaca"),
    # A site's own word list, hand-edited: YAML's own exception reached the editor.
    ("templates/kata.yml", lambda text: text.replace(b"\n", b'\n  x: "tanpa tutup\n', 1), "Tanda kutip"),
    ("templates/kata.yml", lambda text: b"- hanya daftar\n", "Daftar kata templat"),
])
def test_a_broken_page_or_template_fails_the_build_with_its_file_and_line(tmp_path: Path, where: str, damage, said: str) -> None:
    root = project_copy(tmp_path)
    path = root / where
    path.write_bytes(damage(path.read_bytes()))
    run = build(root, tmp_path / "site")
    assert run.returncode != 0
    assert re.search(rf"{re.escape(path.name)}:\d+: {said}", run.stderr), run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "site").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, needle: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = _fetch(url)
            if needle in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} not served at {url} within {seconds} s; last page:\n{text[:2000]}")


def _figure(html: str, label: str) -> str:
    """The number in the first table row labelled `label` (a figure may link to its rows)."""
    return re.search(rf"<td>{label}</td>\s*<td[^>]*>(?:<a [^>]*>)?([\d.]+)(?:</a>)?</td>", html)[1]


DRAFT = "events/2025-09-04-draf-uji.yml"
DRAFT_TITLE = "Uji Coba Berita Draf Penyerahan Kartu"


def _add_draft(root: Path, *, broken: bool = False) -> None:
    """A draft beside the example event: a copy of it with its own title, or with a field still empty."""
    text = (root / "content" / EVENT).read_text(encoding="utf-8")
    text = text.replace("\nprogram:", f"\ndraft: true\ntitle: {DRAFT_TITLE}\nprogram:", 1)
    if broken:
        text = text.replace("\nactivity:", "\nactivity: \"\"\nbekas_activity:", 1)
    (root / "content" / DRAFT).write_text(text, encoding="utf-8")


def test_a_draft_is_in_no_part_of_the_built_site_even_when_unfinished(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    before = snapshot(site)
    _add_draft(root, broken=True)
    run = build(root, site)
    assert run.returncode == 0, run.stderr
    after = snapshot(site)
    # Not one byte changes: no article, card, count, feed, download or search entry.
    assert after == before
    assert not any(b"Uji Coba Berita Draf" in data or b"draf-uji" in data for data in after.values())


def test_serve_previews_drafts_and_broken_records_and_recovers(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    port = _free_port()
    server = subprocess.Popen([*MKDOCS, "serve", "--dirty", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, cwd=root)
    base = f"http://127.0.0.1:{port}"
    article, home = f"{base}/berita/2025-09-03-bangun-ntt-kupang/", f"{base}/"
    kecamatan = f"{base}/kecamatan/oebobo/"
    try:
        _wait_for(article, "sepuluh pekerja rentan", 60)
        assert _figure(_fetch(kecamatan), "Penerima") == "1"
        event = root / "content" / EVENT
        edit(event, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Qzarina Contoh]")
        _wait_for(article, "sebelas pekerja rentan")
        assert _figure(_fetch(kecamatan), "Penerima") == "2"

        # A draft shows in the preview, marked, on its own page and in the lists.
        _add_draft(root)
        draft = _wait_for(f"{base}/berita/2025-09-04-draf-uji/", DRAFT_TITLE)
        assert 'class="warta-draf"' in draft and "<strong>DRAF</strong>" in draft
        assert "warta-draf-tanda" in _wait_for(f"{base}/berita/", DRAFT_TITLE)
        # The preview shows the site as it will be once the draft is published:
        # the draft's two Oebobo recipients count (a build leaves them out).
        assert _figure(_wait_for(kecamatan, DRAFT_TITLE), "Penerima") == "4"

        # A broken record: its own address lists its problems; every other
        # page keeps its last good version under a banner.
        edit(event, "Kelapa Lima: [", "Kelapa Lma: [")
        page = _wait_for(article, "Catatan belum bisa diterbitkan")
        assert "Kecamatan &#39;Kelapa Lma&#39; tidak ada di Kota Kupang" in page or "Kecamatan 'Kelapa Lma' tidak ada di Kota Kupang" in page
        assert f"{EVENT}:16" in page
        front = _wait_for(home, "halaman lain memakai versi terakhir yang baik")
        assert "Catatan belum bisa diterbitkan" not in front and "Kelapa Lma" in front
        assert _figure(_fetch(kecamatan), "Penerima") == "4"
        assert DRAFT_TITLE in _fetch(f"{base}/berita/2025-09-04-draf-uji/")
        edit(event, "Kelapa Lma: [", "Kelapa Lima: [")
        _wait_for(article, "Qzarina Contoh")
        assert "halaman lain memakai versi terakhir" not in _wait_for(kecamatan, "Oebobo")
        deadline = time.monotonic() + 30
        while "halaman lain memakai versi terakhir" in _fetch(home) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "halaman lain memakai versi terakhir" not in _fetch(home)

        # Preview caches must not hide an edited template; a broken one is a problem page, not a hang.
        footer = root / "templates" / "partials" / "footer.j2"
        edit(footer, "Apabila Anda menemukan", "Bila Anda menemukan")
        _wait_for(article, "Bila Anda menemukan")
        edit(footer, "Bila Anda menemukan", "Bila Anda {% if %} menemukan")
        broken = _wait_for(article, "Templat tidak dapat dibaca")
        assert "footer.j2:" in broken
        edit(footer, "Bila Anda {% if %} menemukan", "Bila Anda menemukan")
        _wait_for(article, "Bila Anda menemukan")

        # A hand-written page saved in another encoding shows its problem at its address.
        about = root / "content" / "pages" / "tentang.md"
        about.write_bytes(about.read_bytes() + b"\nKec. Oeb\xf3bo\n")
        lines = about.read_bytes().count(b"\n")
        bad = _wait_for(f"{base}/tentang/", "bukan teks UTF-8")
        assert f"tentang.md:{lines}" in bad
        assert "sebelas pekerja rentan" in _fetch(article)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_clean_serves_the_site(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    port = _free_port()
    server = subprocess.Popen([*MKDOCS, "serve", "--clean", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, cwd=root)
    try:
        _wait_for(f"http://127.0.0.1:{port}/berita/2025-09-03-bangun-ntt-kupang/", "sepuluh pekerja rentan", 90)
        edit(root / "content" / EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Qzarina Contoh]")
        _wait_for(f"http://127.0.0.1:{port}/berita/2025-09-03-bangun-ntt-kupang/", "sebelas pekerja rentan", 90)
    finally:
        server.terminate()
        server.wait(timeout=10)


class _Head(HTMLParser):
    """The <meta>, <link> and JSON-LD of a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str | None]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("content") is not None:
            self.meta[values.get("property") or values.get("name") or ""] = values["content"] or ""
        elif tag == "link":
            self.links.append(values)
        self._in_ld = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)
            self._in_ld = False


def _head(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_article_is_ready_for_sharing_and_search_engines(built: Path) -> None:
    import json
    url = "https://transparansi.contoh.go.id/berita/2025-09-03-bangun-ntt-kupang/"
    head = _head(built / "berita" / "2025-09-03-bangun-ntt-kupang" / "index.html")
    assert head.meta["og:type"] == "article" and head.meta["og:url"] == url and head.meta["og:locale"] == "id_ID"
    assert head.meta["og:title"] == head.meta["twitter:title"] == "Pemprov NTT Serahkan Kartu BPJS Ketenagakerjaan kepada 10 Pekerja Rentan di Kota Kupang"
    assert head.meta["description"].startswith("Pemprov NTT menyerahkan secara simbolis kartu BPJS Ketenagakerjaan")
    assert head.meta["description"] == head.meta["og:description"]
    assert {"rel": "canonical", "href": url} in head.links
    feeds = {link["type"]: link["href"] for link in head.links if link.get("rel") == "alternate"}
    assert set(feeds) == {"application/rss+xml", "application/atom+xml"}
    (ld,) = [json.loads(text) for text in head.json_ld]
    assert ld["@type"] == "NewsArticle" and ld["inLanguage"] == "id" and ld["mainEntityOfPage"] == url
    assert ld["datePublished"] == ld["dateModified"] == "2025-09-03T09:00:00+08:00"
    assert ld["publisher"] == {"@type": "GovernmentOrganization", "name": "Pemerintah Kota Kupang"}
    home = _head(built / "index.html")
    assert home.meta["og:type"] == "website" and home.json_ld == []


def test_sitemap_dates_come_from_the_records(built: Path) -> None:
    from xml.etree import ElementTree
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(built / "sitemap.xml").getroot()
    dated = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
    assert dated["https://transparansi.contoh.go.id/berita/2025-09-03-bangun-ntt-kupang/"] == "2025-09-03"
    assert "https://transparansi.contoh.go.id/kecamatan/kelapa-lima/" in dated
    # No page is dated by the build clock.
    assert {d for d in dated.values() if d} == {"2025-09-03"}


def test_planted_leak_in_a_template_stops_the_build(tmp_path: Path) -> None:
    # Defence in depth: a template that prints real names on a kecamatan
    # page (the policy is `masked`) must not publish.
    root = project_copy(tmp_path)
    template = root / "templates" / "pages" / "kecamatan.j2"
    template.write_text(template.read_text() + "\nSusilowati dan Moses Kadji\n")
    site = tmp_path / "site"
    run = build(root, site)
    assert run.returncode != 0
    assert "kecamatan/alak/index.html:" in run.stderr and "Hasil build memuat data pribadi" in run.stderr
    assert not site.exists()


def test_same_content_builds_to_the_same_bytes_whatever_the_clock(tmp_path: Path) -> None:
    # MkDocs takes the build date from SOURCE_DATE_EPOCH (else the clock);
    # two builds "years apart" must still be identical, file for file.
    sites = []
    for epoch in ("0", "2000000000"):
        site = tmp_path / f"site-{epoch}"
        run = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                             capture_output=True, text=True, env={**ENV, "SOURCE_DATE_EPOCH": epoch}, timeout=300)
        assert run.returncode == 0, run.stderr
        sites.append(snapshot(site))
    assert sites[0].keys() == sites[1].keys()
    assert [path for path in sites[0] if sites[0][path] != sites[1][path]] == []


# The one line a maintainer would change in generator/compose/addresses.py.
MOVE_ARTICLES = "from generator.compose.addresses import Addresses; Addresses.article = lambda self, slug: f'artikel/{slug}.md'"


def test_moving_the_articles_is_one_change_in_the_address_book(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    code = f"{MOVE_ARTICLES}\nfrom mkdocs.__main__ import cli\ncli()"
    run = subprocess.run([MKDOCS[0], "-c", code, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert run.returncode == 0, run.stderr
    slug = "2025-09-03-bangun-ntt-kupang"
    assert (site / "artikel" / slug / "index.html").is_file()
    assert not (site / "berita" / slug).exists()
    # Every page that links to the article links to its new address.
    linking = [p for p in site.rglob("*.html") if slug in p.read_text(encoding="utf-8")]
    assert len(linking) > 10
    for page in linking:
        # The event's own data files carry its slug too; they are not the article.
        hrefs = [h for h in re.findall(rf'href="([^"]*{slug}[^"]*)"', page.read_text(encoding="utf-8"))
                 if f"kegiatan/{slug}." not in h]
        assert hrefs and all("artikel/" in unquote(h) and "berita/" + slug not in unquote(h) for h in hrefs), (page, hrefs)
    url = f"https://transparansi.contoh.go.id/artikel/{slug}/"
    for feed in ("rss.xml", "atom.xml"):
        text = (site / "berita" / feed).read_text(encoding="utf-8")
        assert url in text and f"berita/{slug}" not in text
    assert f"<loc>{url}</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"artikel/{slug}/" in (site / "data" / "kegiatan.csv").read_text(encoding="utf-8")
    assert f"/artikel/{slug}/" in {record["url"] for record in search_records(site)}


@pytest.fixture(scope="module")
def sleman(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sleman")
    run = build(ROOT / "examples" / "sleman", site)
    assert run.returncode == 0, run.stderr
    return site


def test_the_second_example_site_builds_strictly_with_its_region_words(sleman: Path) -> None:
    site = sleman
    kecamatan = (site / "kecamatan" / "index.html").read_text(encoding="utf-8")
    assert "Kapanewon di Kabupaten Sleman" in kecamatan and "kecamatan" not in kecamatan.split("<article", 1)[1].split("</article>", 1)[0].casefold()
    assert (site / "data" / "barang.csv").read_text(encoding="utf-8").startswith("kegiatan,urutan,tanggal,program,barang,jumlah,satuan\n")
    program = (site / "program" / "jamkesda" / "index.html").read_text(encoding="utf-8")
    assert "Tercapai 5, atau 0,1% dari sasaran" in program and "Rp12.500.000.000 dari APBD Kabupaten Sleman" in program


def _tabs_and_trail(html: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The lit menu tabs, and the breadcrumbs as (title, link)."""
    lit = re.findall(r'md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">\s*([^<]+?)\s*</a>', html)
    trail = html.split('class="warta-jejak"', 1)[1].split("</nav>", 1)[0] if 'class="warta-jejak"' in html else ""
    return lit, re.findall(r'<a href="([^"]*)">([^<]*)</a>', trail)


@pytest.mark.parametrize(("page", "tab", "trail"), [
    ("berita/2025-10-06-kartu-jamkesda-gamping/index.html", "Berita", [("../..", "Beranda"), ("../", "Berita")]),
    ("berita/arsip/2025-10/index.html", "Berita",
     [("../../..", "Beranda"), ("../../", "Berita"), ("../", "Arsip berita"), ("../2025/", "Arsip berita 2025")]),
    ("program/jamkesda/index.html", "Program", [("../..", "Beranda"), ("../", "Program")]),
    ("kecamatan/gamping/index.html", "Kapanewon", [("../..", "Beranda"), ("../", "Kapanewon")]),
    ("data/index.html", "Data", [("..", "Beranda")]),
    ("index.html", "Beranda", []),
])
def test_every_page_lights_its_section_tab_and_shows_the_way_back(sleman: Path, page: str, tab: str, trail: list) -> None:
    lit, crumbs = _tabs_and_trail((sleman / page).read_text(encoding="utf-8"))
    assert lit == [tab]
    assert [(href, title) for href, title in crumbs] == trail


def test_search_indexes_what_readers_look_for_and_only_what_they_see(built: Path, sleman: Path) -> None:
    urls = {record["url"] for record in search_records(sleman)}
    assert "/berita/2025-10-08-pangan-posyandu-godean/" in urls and "/program/jamkesda/" in urls
    assert "/kecamatan/godean/" in urls and "/narasumber/kadinkes/" in urls and "/tentang/" in urls
    # Lists that only repeat the articles, and the search page itself, are left out.
    assert not urls & {"/", "/berita/", "/berita/arsip/", "/program/", "/kecamatan/", "/cari/", "/data/"}
    article = next(r for r in search_records(sleman) if r["url"] == "/berita/2025-10-08-pangan-posyandu-godean/")
    # The article's own text, filtered by its programme and kapanewon; not the menu, the footer or the related news.
    assert "menyalurkan bantuan pangan bergizi" in article["content"]
    assert article["filters"] == {"program": ["Pangan Sehat Posyandu"], "kecamatan": ["Godean", "Gamping"]}
    for elsewhere in ("Kebijakan Privasi", "Bagikan", "Berita terkait", "Pemkab Sleman Serahkan Kartu"):
        assert elsewhere not in article["content"], elsewhere
    kupang = search_records(built)
    assert {r["url"] for r in kupang} >= {"/berita/2025-09-03-bangun-ntt-kupang/", "/kecamatan/kelapa-lima/"}


def test_search_never_holds_a_name_the_pages_may_not_show(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    edit(root / "content" / EVENT, "publish_names: true           #", "publish_names: false #")
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    text = json.dumps(search_records(site), ensure_ascii=False)
    event = records.load_content(root / "content").events[0]
    names = [r.name for place in event.places for r in place.recipients]
    assert len(names) == 10 and not [name for name in names if name in text]
    assert "sepuluh pekerja rentan" in text  # the article's count is searched instead


def test_every_page_ends_with_the_offices_footer(sleman: Path) -> None:
    for page in ("index.html", "berita/2025-10-08-pangan-posyandu-godean/index.html", "data/index.html", "404.html"):
        footer = (sleman / page).read_text(encoding="utf-8").split('<footer class="md-footer warta-kaki">', 1)[1]
        assert "Pemerintah Kabupaten Sleman" in footer
        assert "<address>Jl. Parasamya No. 1, Beran, Tridadi, Sleman 55511</address>" in footer
        assert '<a href="mailto:humas@slemankab.go.id">' in footer and "Layanan Dinas Sosial (0274) 868405" in footer
        assert re.search(r'href="[./]*pedoman-media-siber/">Pedoman Media Siber</a>', footer), page
        assert re.search(r'href="[./]*kebijakan-privasi/">Kebijakan Privasi</a>', footer), page
        assert "Made with" not in footer


def test_the_404_page_speaks_indonesian_and_offers_search_and_the_way_home(sleman: Path) -> None:
    html = (sleman / "404.html").read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "<h1>Halaman tidak ditemukan</h1>" in body and "Not found" not in html
    # Served at any depth, so its links start at the site's root.
    assert '<form class="warta-cari" role="search" method="get" action="/cari/">' in body
    assert '<a href="/.">Kembali ke beranda</a>' in body  # MkDocs' url filter on the home page
    assert "<title>Halaman tidak ditemukan - Warta Program Sosial Kabupaten Sleman</title>" in html
    assert _english_for_readers(html) == set()


class _ReadersText(HTMLParser):
    """What a reader sees or hears of a page: its text, and the labels a screen reader reads."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")
        self.texts += [v for k, v in attrs if k in ("aria-label", "title", "alt", "placeholder") and v]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.texts.append(data)


# Material's own English, and what an untranslated 404 says.
_READERS_ENGLISH = {"header", "footer", "tab", "tabs", "not", "found", "skip", "back", "top", "search", "page", "navigation", "share"}


def _english_for_readers(html: str) -> set[str]:
    reader = _ReadersText()
    reader.feed(html)
    return {w for text in reader.texts for w in re.findall(r"[A-Za-z]+", text) if w.lower() in _READERS_ENGLISH}


def test_the_check_for_english_finds_it() -> None:
    assert _english_for_readers('<nav aria-label="Header"><h1>404 - Not found</h1></nav><script>var tab;</script>') == {"Header", "Not", "found"}


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_page_passes_the_w3c_html_checker(built: Path, sleman: Path) -> None:
    """The Nu HTML Checker (vnu.jar from npm ci, run by Java) over every page of both examples, 404 included."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        reason = "the W3C checker needs java (apt-get install default-jre-headless) and node_modules/vnu-jar (npm ci)"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    run = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(built), str(sleman)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr
    assert len(list(built.rglob("*.html"))) > 20 and (sleman / "404.html").is_file()


# Files copied as they are from content/pages/ or a site's theme folder
# reach the site without passing any record check (issue 12, item 4).
@pytest.mark.parametrize(("where", "text"), [
    ("content/pages/kontak.vcf", "BEGIN:VCARD\nFN:Posko\nTEL;TYPE=cell:081234567890\nEND:VCARD\n"),
    ("content/pages/peta.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>Moses <tspan>Kadji</tspan></text></svg>'),
    ("content/pages/lama.htm", "<p>Arsip</p><!-- NIK 5371031234560001 -->"),
    ("content/pages/catatan", "Hubungi 0812 3456 7890"),
    ("templates/theme/assets/javascripts/tambahan.js", 'const wa = "https://wa.me/6281234567890";'),
])
def test_a_leak_in_any_published_file_stops_the_build(tmp_path: Path, where: str, text: str) -> None:
    root = project_copy(tmp_path)
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    (root / where).write_text(text, encoding="utf-8")
    run = build(root, tmp_path / "site")
    assert run.returncode != 0
    # Caught at input (content/pages/ is read like the records) or, for a
    # name or a theme file, by the lint of the built site.
    said = ("Hasil build memuat data pribadi", "Data pribadi tidak boleh ditulis di halaman situs")
    assert f"{Path(where).name}:" in run.stderr and any(s in run.stderr for s in said), run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "site").exists()


@pytest.mark.parametrize("where", ["berita/2025-09-03-bangun-ntt-kupang.md", "berita/palsu/index.md", "kecamatan/alak.md", "ralat/index.md",
                                   "data/kegiatan.csv", "berita/rss.xml", "sitemap.xml", "pagefind/pagefind-entry.json"])
def test_a_hand_written_page_cannot_take_a_generated_address(tmp_path: Path, where: str) -> None:
    # Today's article, a future one, a kecamatan page: a fake would also enter the search.
    # A download, a feed, the sitemap or the search bundle: the generated file
    # would silently win, and the writer would never learn theirs is not published.
    root = project_copy(tmp_path)
    page = root / "content" / "pages" / where
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# Berita palsu\n\nBantuan dibatalkan.\n", encoding="utf-8")
    run = build(root, tmp_path / "site")
    assert run.returncode != 0
    assert f"Berkas {where} memakai alamat yang dibuat Warta sendiri" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "site").exists()


def test_serve_dirty_stops_serving_the_article_of_a_deleted_event(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    second = root / "content" / "events" / "2025-09-04-kedua.yml"
    shutil.copy(root / "content" / EVENT, second)
    port = _free_port()
    server = subprocess.Popen([*MKDOCS, "serve", "--dirty", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, cwd=root)
    article = f"http://127.0.0.1:{port}/berita/2025-09-04-kedua/"
    try:
        _wait_for(article, "sepuluh pekerja rentan", 90)
        second.unlink()
        deadline, status = time.monotonic() + 30, 200
        while status == 200 and time.monotonic() < deadline:
            time.sleep(0.5)
            try:
                urllib.request.urlopen(article, timeout=10).close()
            except urllib.error.HTTPError as exc:
                status = exc.code
        assert status == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
