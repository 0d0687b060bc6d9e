"""The built sites in a real browser: headless Debian Chromium driven by Playwright.

Both examples are built once per run (``mkdocs build --strict`` into a
temporary folder), each served on its own port of 127.0.0.1 and opened at a
phone width (390 px) and a desktop width (1280 px). For each page: the main
content is visible and the page does not scroll sideways; programme and
kecamatan pages draw an inline ``<svg role="img">`` chart beside a table;
axe-core finds no WCAG 2.2 A/AA violation; every request stays on
127.0.0.1, none fails and no script throws. Search finds "menyalurkan" for
"salur" and filters by kapanewon; the share row, the lead photo's srcset
and the related articles work as a reader uses them.

Needs Chromium (Debian's ``chromium``, or ``WARTA_CHROMIUM=/path``) and
axe-core from ``npm ci``. Under CI a missing piece fails the run; locally,
without Chromium, these tests are skipped.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")

# Pages are "site:path": the Kupang example (the real event, no photo) and
# the Sleman example (a kapanewon region, photos, a crest, eight articles).
SITES = {"kupang": ROOT, "sleman": ROOT / "examples" / "sleman"}
ARTICLE = "kupang:/berita/2025-09-03-bangun-ntt-kupang/"
PROGRAMME = "kupang:/program/bangun-ntt/"
KECAMATAN = "kupang:/kecamatan/kelapa-lima/"
PHOTO_ARTICLE = "sleman:/berita/2025-10-08-pangan-posyandu-godean/"
PAGES = [
    pytest.param("kupang:/", id="home"),
    pytest.param(ARTICLE, id="article"),
    pytest.param(PROGRAMME, id="programme"),
    pytest.param(KECAMATAN, id="kecamatan"),
    pytest.param("sleman:/", id="sleman-home"),
    pytest.param("sleman:/berita/", id="sleman-news"),
    pytest.param(PHOTO_ARTICLE, id="sleman-article-photo"),
    pytest.param("sleman:/program/jamkesda/", id="sleman-programme"),
    pytest.param("sleman:/kecamatan/godean/", id="sleman-kapanewon"),
    pytest.param("sleman:/data/", id="sleman-data"),
    pytest.param("sleman:/cari/?q=salur", id="sleman-search"),
    pytest.param("sleman:/404.html", id="sleman-404"),
]
CHART_PAGES = [PAGES[2], PAGES[3], PAGES[7], PAGES[8]]
FACT_SHEETS = [PAGES[2], PAGES[3]]  # Kota Kupang's six kecamatan fit one A4 page; a kabupaten's many need more

VIEWPORTS = {
    "phone": dict(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True, has_touch=True),
    "desktop": dict(viewport={"width": 1280, "height": 800}),
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Debian's chromium as root, with nothing that phones home; Playwright adds
# --headless and a fresh temporary --user-data-dir for every launch.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        reason = f"no Chromium at {path}: apt-get install -y chromium (or set WARTA_CHROMIUM)"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)
    return path


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def chromium_path() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run `npm ci` in {ROOT}", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built_sites(chromium_path: str) -> Iterator[dict[str, Path]]:
    """Each example built with `mkdocs build --strict` into a private folder, once (module scope: the
    browser and servers are gone before the other test modules run)."""
    out = Path(tempfile.mkdtemp(prefix="warta-sites-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    try:
        for name, project in SITES.items():
            proc = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out / name)],
                cwd=project, env=env, capture_output=True, text=True, timeout=300,
            )
            if proc.returncode != 0:
                pytest.fail(f"mkdocs build --strict of {name} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}",
                            pytrace=False)
        yield {name: out / name for name in SITES}
    finally:
        shutil.rmtree(out, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def base_urls(built_sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each built site at the root of its own port of 127.0.0.1 (a 404 page links from the root), served from a thread."""
    servers = {}
    for name, folder in built_sites.items():
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name=f"warta-{name}-server", daemon=True).start()
        servers[name] = server
    try:
        yield {name: f"http://127.0.0.1:{server.server_address[1]}" for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -r requirements.txt", pytrace=False)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Traffic:
    """Everything a browser context asked for, and what went wrong."""

    origin: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        """Requests to anything but the site's own 127.0.0.1 server."""
        local = urlsplit(self.origin)
        bad = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname != "127.0.0.1" or parts.port != local.port:
                bad.append(url)
        return bad

    def assert_local(self) -> None:
        foreign = sorted(set(self.foreign()) | set(self.blocked))
        assert not foreign, "requests that leave 127.0.0.1:\n  " + "\n  ".join(foreign)

    def assert_healthy(self) -> None:
        problems = []
        if self.http_errors:
            counted = Counter(self.http_errors)
            problems.append(
                "requests that failed:\n  " + "\n  ".join(f"{e} (x{n})" if n > 1 else e for e, n in counted.items())
            )
        if self.page_errors:
            problems.append("JavaScript errors:\n  " + "\n  ".join(self.page_errors))
        assert not problems, "\n".join(problems)


@dataclass
class Tab:
    page: object  # playwright.sync_api.Page
    traffic: Traffic
    base_urls: dict[str, str]

    def open(self, where: str) -> None:
        """Open "site:path"; the traffic is checked against that site's own server."""
        site, path = where.split(":", 1)
        self.traffic.origin = self.base_urls[site]
        response = self.page.goto(self.base_urls[site] + path, wait_until="load")
        assert response is not None, f"no response for {where}"
        if response.status != 200:
            pytest.fail(f"{where} is not in the built site (HTTP {response.status})", pytrace=False)


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def tab(request: pytest.FixtureRequest, browser, base_urls: dict[str, str]) -> Iterator[Tab]:
    """A fresh browser context at one viewport, recording its traffic."""
    context = browser.new_context(**VIEWPORTS[request.param], locale="id-ID", service_workers="block")
    context.set_default_timeout(15_000)
    traffic = Traffic(origin=base_urls["kupang"])
    context.on("request", lambda r: traffic.requests.append(r.url))
    context.on(
        "response",
        lambda r: r.status >= 400 and traffic.http_errors.append(f"{r.status} {r.request.method} {r.url}"),
    )
    context.on(
        "requestfailed",
        lambda r: traffic.http_errors.append(f"failed ({r.failure}) {r.method} {r.url}"),
    )

    def guard(route) -> None:
        # Nothing may leave the machine: record and refuse any other host.
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            traffic.blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda e: traffic.page_errors.append(str(e)))
    try:
        yield Tab(page, traffic, base_urls)
    finally:
        context.close()


# ---------------------------------------------------------------- layout

LAYOUT_JS = """() => {
  const main = document.querySelector('main');
  const article = document.querySelector('article.md-content__inner') || main;
  const h1 = article && article.querySelector('h1');
  const box = el => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, width: r.width, height: r.height}; };
  const shown = el => { if (!el) return false; const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0
      && r.width > 0 && r.height > 0; };
  let onTop = null;
  if (h1) {
    h1.scrollIntoView({block: 'center'});
    const r = h1.getBoundingClientRect();
    const hit = document.elementFromPoint(Math.min(r.left + 5, innerWidth - 1), r.top + r.height / 2);
    onTop = hit ? (h1.contains(hit) ? 'h1' : hit.outerHTML.slice(0, 160)) : 'nothing';
    window.scrollTo(0, 0);
  }
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    mainShown: shown(main), articleShown: shown(article), h1Shown: shown(h1),
    h1Text: h1 ? h1.textContent.trim() : null,
    articleText: article ? article.innerText.trim().length : 0,
    articleBox: article ? box(article) : null,
    h1OnTop: onTop,
    wide: [...document.querySelectorAll('body *')].filter(el => {
        const r = el.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1;
      }).filter(el => !el.closest('.md-typeset__scrollwrap, .md-sidebar, .md-search, pre, .md-nav'))
      .slice(0, 5).map(el => el.outerHTML.slice(0, 160)),
  };
}"""


@pytest.mark.parametrize("path", PAGES)
def test_main_content_visible_without_sideways_scroll(tab: Tab, path: str) -> None:
    tab.open(path)
    m = tab.page.evaluate(LAYOUT_JS)
    where = f"{path} at {m['innerWidth']} px"
    assert m["mainShown"] and m["articleShown"], f"{where}: main content is not visible"
    assert m["h1Shown"], f"{where}: no visible <h1> in the main content"
    assert m["articleText"] > 40, f"{where}: main content is (nearly) empty"
    box = m["articleBox"]
    assert box["left"] >= -1 and box["right"] <= m["innerWidth"] + 1, f"{where}: main content sticks out: {box}"
    assert m["h1OnTop"] == "h1", f"{where}: the heading is covered by {m['h1OnTop']}"
    assert m["scrollWidth"] <= m["innerWidth"], (
        f"{where}: the page scrolls sideways (scrollWidth {m['scrollWidth']} > {m['innerWidth']}); "
        f"too wide: {m['wide']}"
    )


# ---------------------------------------------------------------- charts

CHARTS_JS = """() => {
  const root = document.querySelector('article.md-content__inner') || document.querySelector('main');
  const shown = el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  // Headings, tables and charts in document order; a chart's section runs
  // from the heading before it to the heading after it.
  const items = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, table, svg[role="img"]')];
  const charts = [];
  items.forEach((el, i) => {
    if (el.tagName.toLowerCase() !== 'svg') return;
    let tables = 0;
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < items.length && !/^H[1-6]$/.test(items[j].tagName); j += step) {
        if (items[j].tagName === 'TABLE' && shown(items[j])) tables++;
      }
    }
    el.scrollIntoView({block: 'center'});
    const r = el.getBoundingClientRect();
    const title = el.querySelector(':scope > title');
    const scale = r.width / el.viewBox.baseVal.width;
    const texts = [...el.querySelectorAll('g.bar text')].map(t => t.textContent.trim());
    let table = null;
    for (let j = i + 1; j < items.length && !/^H[1-6]$/.test(items[j].tagName); j++) {
      if (items[j].tagName === 'TABLE') { table = items[j]; break; }
    }
    const labelled = el.getAttribute('aria-labelledby');
    charts.push({
      html: el.outerHTML.slice(0, 160),
      shown: shown(el), left: r.left, right: r.right, width: r.width, height: r.height,
      name: el.getAttribute('aria-label') || (title && title.textContent.trim()) ||
            (labelled && labelled.split(/\\s+/)
              .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim()) || '',
      tablesBeside: tables,
      fontPx: parseFloat(el.getAttribute('font-size')) * scale,
      bars: [...el.querySelectorAll('g.bar rect')].map(b => parseFloat(b.getAttribute('width'))),
      rows: texts.reduce((acc, t, k) => (k % 2 ? acc[acc.length - 1].push(t) : acc.push([t]), acc), []),
      barColour: (el.querySelector('g.bar rect') && getComputedStyle(el.querySelector('g.bar rect')).fill) || '',
      table: table ? [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].slice(0, 2).map(c => c.textContent.trim())) : [],
    });
  });
  window.scrollTo(0, 0);
  return {innerWidth: window.innerWidth, charts};
}"""


@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_beside_table(tab: Tab, path: str) -> None:
    tab.open(path)
    m = tab.page.evaluate(CHARTS_JS)
    where = f"{path} at {m['innerWidth']} px"
    charts = m["charts"]
    assert charts, f'{where}: no inline <svg role="img"> chart in the main content'
    for c in charts:
        assert c["shown"], f"{where}: chart not visible: {c['html']}"
        assert c["left"] >= -1 and c["right"] <= m["innerWidth"] + 1, f"{where}: chart sticks out of the screen: {c}"
        assert c["name"], f"{where}: chart has no accessible name (aria-label, <title> or aria-labelledby): {c['html']}"
        assert c["tablesBeside"] > 0, f"{where}: no visible table in the same section as the chart {c['html']}"
        assert c["fontPx"] >= 12, f"{where}: chart labels are {c['fontPx']:.1f}px"
        assert c["bars"] == sorted(c["bars"], reverse=True), f"{where}: bars are not largest first: {c['rows']}"
        assert c["barColour"] not in ("", "rgb(0, 0, 0)"), f"{where}: bars are not in the theme's colour"
        if "/program/" in path:
            assert c["rows"] == c["table"], f"{where}: the chart and the table beside it disagree"


# ---------------------------------------------------------------- axe-core

AXE_RUN_JS = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), html: n.html, summary: n.failureSummary}))}));
}"""


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for n in v["nodes"]:
            html = " ".join(n["html"].split())
            lines.append(f"    at {n['target']}: {html[:300]}")
            for s in (n["summary"] or "").splitlines():
                lines.append(f"        {s}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_violation(tab: Tab, axe_source: str, path: str) -> None:
    tab.open(path)
    tab.page.add_script_tag(content=axe_source)
    violations = tab.page.evaluate(AXE_RUN_JS, AXE_TAGS)
    width = tab.page.viewport_size["width"]
    assert not violations, f"axe-core on {path} at {width} px:\n{_report(violations)}"


# ---------------------------------------------------------------- network


def _settle(tab: Tab, path: str) -> None:
    """Open the page, let its scripts finish fetching, scroll to the end."""
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    tab.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    tab.page.wait_for_load_state("networkidle")
    assert tab.traffic.requests, "no request recorded"


@pytest.mark.parametrize("path", PAGES)
def test_requests_stay_on_localhost(tab: Tab, path: str) -> None:
    _settle(tab, path)
    tab.traffic.assert_local()


@pytest.mark.parametrize("path", PAGES)
def test_no_broken_request_or_script_error(tab: Tab, path: str) -> None:
    _settle(tab, path)
    tab.traffic.assert_healthy()


# ---------------------------------------------------------------- search


def test_search_for_salur_finds_menyalurkan_in_small_pieces(tab: Tab) -> None:
    """Pagefind's Indonesian stemming, from the header's search link, with the bytes it asked for."""
    page = tab.page
    tab.open("sleman:/")
    page.locator("a.warta-cari-tombol").click()
    page.wait_for_url("**/cari/")
    query = page.locator("#warta-cari-kata")
    query.fill("salur")
    query.press("Enter")
    results = page.locator(".warta-cari__hasil li")
    results.first.wait_for(state="visible", timeout=15_000)
    assert "salur" in page.url and re.match(r"\d+ hasil untuk “salur”", page.locator(".warta-cari__status").inner_text())
    first = results.first.locator("a")
    target = first.get_attribute("href")
    assert "/berita/" in target, f"the first result is not an article: {target}"
    # Found by its stem: the article says "menyalurkan", which the query never typed.
    first.click()
    page.wait_for_load_state("load")
    assert "menyalurkan" in page.locator("[data-pagefind-body]").inner_text()
    # The index came in pieces: nothing near the size of a whole index.
    fetched = [u for u in tab.traffic.requests if "/pagefind/" in u]
    assert any(u.endswith(".pf_index") for u in fetched) and any(u.endswith(".pf_fragment") for u in fetched)
    tab.traffic.assert_local()


def test_search_filters_by_kapanewon(tab: Tab) -> None:
    tab.open("sleman:/cari/?q=bantuan&kecamatan=Godean")
    results = tab.page.locator(".warta-cari__hasil li a")
    results.first.wait_for(state="visible", timeout=15_000)
    found = {a.get_attribute("href") for a in results.all()}
    assert found and all("godean" in href or "gamping" in href for href in found), found
    assert tab.page.locator("#warta-cari-kecamatan").input_value() == "Godean"


# ---------------------------------------------------------------- the article page


def test_share_row_is_plain_links_and_copies_the_address(tab: Tab) -> None:
    page = tab.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.open(PHOTO_ARTICLE)
    row = page.locator(".warta-bagikan")
    hosts = [urlsplit(a.get_attribute("href")).hostname for a in row.locator("a").all()]
    assert hosts == ["wa.me", "www.facebook.com", "x.com", "t.me"]
    for a in row.locator("a").all():
        assert "2025-10-08-pangan-posyandu-godean" in a.get_attribute("href")
        box = a.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, box
    copy = row.locator("button")
    assert copy.is_visible()
    copy.click()
    page.wait_for_function("() => document.querySelector('.warta-bagikan button').textContent.includes('disalin')")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/berita/2025-10-08-pangan-posyandu-godean/")
    tab.traffic.assert_local()  # tapping "copy" asked nothing of any host


def test_a_box_line_opens_the_rows_it_counts(tab: Tab) -> None:
    # The rows are collapsed; a tap on "lihat baris data" must show them, not scroll to a closed box.
    tab.open(ARTICLE)
    page = tab.page
    rows = page.locator("details#data-penerima-per-kecamatan")
    assert rows.get_attribute("open") is None
    page.locator('a[href="#data-penerima-per-kecamatan"]').first.click()
    page.wait_for_function("() => document.querySelector('details#data-penerima-per-kecamatan').open")
    assert page.locator("details#data-penerima-per-kecamatan table tbody tr").count() == 6
    tab.traffic.assert_local()


PHOTO_JS = """() => {
  const img = document.querySelector('figure.warta-photo img');
  const r = img.getBoundingClientRect();
  return {src: img.currentSrc, shown: r.width, right: r.right, inner: innerWidth, ratio: devicePixelRatio,
          width: img.getAttribute('width'), height: img.getAttribute('height'),
          webp: img.parentElement.querySelector('source[type="image/webp"]').srcset,
          caption: document.querySelector('figure.warta-photo figcaption').textContent};
}"""


def test_lead_photo_picks_a_size_from_its_srcset(tab: Tab) -> None:
    tab.open(PHOTO_ARTICLE)
    tab.page.wait_for_function("() => document.querySelector('figure.warta-photo img').complete")
    m = tab.page.evaluate(PHOTO_JS)
    candidates = [c.split()[0].rsplit("/", 1)[-1] for c in m["webp"].split(", ")]
    assert m["src"].rsplit("/", 1)[-1] in candidates, m  # the browser chose a WebP rendition
    assert m["width"] and m["height"]  # space kept before it loads: nothing jumps
    # Sharp enough for the screen (or the largest there is), without fetching the largest for a phone.
    widths = sorted(int(c.split()[1].removesuffix("w")) for c in m["webp"].split(", "))
    chosen = next(w for w in widths if m["src"].endswith(f"-{w}.webp"))
    assert m["right"] <= m["inner"] + 1, m
    assert chosen >= min(widths[-1], m["shown"] * m["ratio"] * 0.9), (chosen, m)
    assert "Foto: " in m["caption"]


def test_related_articles_lead_to_live_pages(tab: Tab) -> None:
    tab.open(PHOTO_ARTICLE)
    links = tab.page.locator("#berita-terkait ~ .warta-kartu-daftar .warta-kartu h3 a")
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert 3 <= len(hrefs) <= 5, hrefs
    for href in hrefs:
        response = tab.page.request.get(tab.page.url.rsplit("/berita/", 1)[0] + "/berita/" + href.removeprefix("../"))
        assert response.status == 200, href
    # The whole card is the link's target: a tap on the photo or the excerpt opens the article.
    card = links.first.locator("xpath=ancestor::article[1]")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 5)
    tab.page.wait_for_url("**" + hrefs[0].removeprefix("..").rstrip("/") + "/")


@pytest.mark.parametrize("path", FACT_SHEETS)
def test_programme_and_kecamatan_pages_print_on_one_a4_page(browser, base_urls: dict[str, str], path: str) -> None:
    # The print stylesheet turns these pages into one-page fact sheets for
    # offices without a reliable connection.
    context = browser.new_context()
    try:
        page = context.new_page()
        site, address = path.split(":", 1)
        page.goto(base_urls[site] + address, wait_until="load")
        page.emulate_media(media="print")
        assert page.locator("header.md-header").is_hidden()
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        context.close()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"{path} prints on {pages} pages"
