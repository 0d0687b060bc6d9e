"""Screenshots of the example sites at a phone's and a desktop's width: ``make screenshots``.

Builds each example site strictly into a temporary folder, serves it on
127.0.0.1 and photographs the pages a reader meets first (front page, an
article with a photo, a programme, the open data) at 390 px and 1280 px
with Debian's Chromium, into docs/screenshots/ as ``<site>-<page>-<width>.png``.
Every request to another host is refused, as in the browser tests, so a
screenshot shows only what the site itself serves.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

SITES = {
    # The Sleman example has photos and a crest; Kupang's real event has none.
    "sleman": (ROOT / "examples" / "sleman", {
        "beranda": "/",
        "berita-foto": "/berita/2025-10-08-pangan-posyandu-godean/",
        "program": "/program/jamkesda/",
        "data": "/data/",
    }),
    "kupang": (ROOT, {
        "beranda": "/",
        "berita": "/berita/2025-09-03-bangun-ntt-kupang/",
    }),
}
WIDTHS = {390: 844, 1280: 800}
MAX_HEIGHT = 3200  # a long page is cut here: the first screens are what a reader judges
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(project: Path, into: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(into)],
                   cwd=project, env=env, check=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def shoot(browser, folder: Path, pages: dict[str, str], site: str, out: Path) -> list[Path]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    try:
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID",
                                          is_mobile=width < 600, has_touch=width < 600, color_scheme="light")
            context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
                          else route.abort("blockedbyclient"))
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path, wait_until="networkidle")
                # A full-page picture shows every card's photo, not only those a reader has scrolled to.
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
                page.wait_for_load_state("networkidle")
                full = page.evaluate("document.documentElement.scrollHeight")
                target = out / f"{site}-{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT)})
                written.append(target)
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--chromium", default=os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="warta-shots-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for site, (project, pages) in SITES.items():
                folder = Path(tmp) / site
                build(project, folder)
                for path in shoot(browser, folder, pages, site, args.out):
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
