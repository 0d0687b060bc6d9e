"""What the portal costs (issue 10): bytes a phone downloads, and build time of photos and search.

    .venv/bin/python bench/portal.py --events 1000            # about 10 minutes
    .venv/bin/python bench/portal.py --events 100 --before -  # quick, without the "before" site

On the benchmark's synthetic content (bench/generate.py, cached by
bench/run.py), it builds:

* **before**: the same content with Warta as it was before the portal
  (``--before``, a git revision: Material's lunr search, no photos, no
  cards), from a git worktree of that revision;
* **after, no photos**: today's Warta on the same content;
* **after, photos**: the same content with one photo per event (a distinct
  2000×1500 JPEG of about 430 kB with GPS EXIF, as phones send them over
  WhatsApp), built cold (no image cache) and again warm (every photo
  already in the cache).

Build times are wall-clock seconds of one ``mkdocs build --strict`` each;
the search index's own time is Pagefind run alone on the built site.

Then each site is served on 127.0.0.1 and Debian's Chromium, as a phone
(390×844, 3× pixels), opens the front page, an article, and searches once
("bantuan"): the bytes are the bodies it fetched, as served (raw) and as a
server with gzip would send them (gzip -6 of each text body; images and
Pagefind's files are already compressed). The search figure counts what
the search itself needs: Material's index and search worker before,
Pagefind's files and the search page's script after (the page around the
search box is counted as a page).

Figures are printed and written to bench/out/portal-N.json; none is asserted.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageFilter

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402  (bench/run.py: cached content, project files)

QUERY = "bantuan"
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def log(*parts: Any) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def timed_build(config: Path, *, pythonpath: Path | None = None) -> float:
    env = dict(ENV, PYTHONPATH=str(pythonpath)) if pythonpath else ENV
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
                   check=True, env=env, cwd=config.parent)
    return time.perf_counter() - start


def add_photos(content: Path) -> int:
    """One distinct photo per event, with camera EXIF and GPS, named in the event's `photos`."""
    media = content / "media"
    media.mkdir(exist_ok=True)
    events = sorted((content / "events").glob("*.yml"))
    rng = random.Random(10)
    # Softened noise, once: it compresses about as a real photo does (a
    # flat picture would make the photo bytes look far too small).
    texture = Image.merge("RGB", [Image.effect_noise((2000, 1500), 60) for _ in range(3)]).filter(ImageFilter.GaussianBlur(1.2))
    for i, path in enumerate(events):
        name = f"foto-{i:05d}.jpg"
        image = Image.blend(Image.new("RGB", texture.size, tuple(rng.randrange(256) for _ in range(3))), texture, 0.5)
        # A few blocks of colour, so no two photos (and no two digests) are alike.
        for _ in range(6):
            x, y = rng.randrange(1800), rng.randrange(1300)
            image.paste(tuple(rng.randrange(256) for _ in range(3)), (x, y, x + 200, y + 200))
        exif = Image.Exif()
        exif[0x010F] = "Kamera Contoh"  # Make
        exif.get_ifd(0x8825).update({1: "S", 2: (10.0, 10.0, 0.0), 3: "E", 4: (123.0, 36.0, 0.0)})  # GPS
        image.save(media / name, "JPEG", quality=85, exif=exif)
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record["photos"] = [{"file": name, "alt": "Suasana kegiatan", "credit": "Humas"}]
        path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(events)


def before_project(rev: str, content: Path, project: Path) -> tuple[Path, Path]:
    """A worktree of `rev` and a project of its mkdocs.yml on `content`."""
    source = project / "src"
    if not source.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(source), rev], cwd=REPO, check=True, capture_output=True)
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(content / "pages")
    config["site_dir"] = str(project / "site")
    config["theme"]["custom_dir"] = str(source / config["theme"]["custom_dir"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "warta" in plugin:
            plugin["warta"] = {"content_dir": str(content), "templates_dir": str(source / "templates")}
    config.pop("watch", None)
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, source


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _size(body: bytes, kind: str) -> tuple[int, int]:
    squeezed = len(gzip.compress(body, 6, mtime=0)) if kind.startswith(TEXT_TYPES) else len(body)
    return len(body), squeezed


def phone_bytes(site: Path, article: str, search: str) -> dict[str, dict[str, int]]:
    """Bytes a phone fetches for the front page, `article`, and one search (`search`: 'material' or 'pagefind')."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out: dict[str, dict[str, int]] = {}
    chromium = os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])

        def visit(name: str, path: str, then: Any = None, only: tuple[str, ...] = ()) -> None:
            """Open `path` (and do `then`); count every body fetched, or with `only` those whose URL holds one of them."""
            context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3,
                                          is_mobile=True, has_touch=True, service_workers="block")
            bodies: list[tuple[str, int, int]] = []

            def seen(response: Any) -> None:
                if response.ok and (not only or any(part in response.url for part in only)):
                    raw, squeezed = _size(response.body(), response.headers.get("content-type", ""))
                    bodies.append((response.url, raw, squeezed))

            context.on("response", seen)
            page = context.new_page()
            page.goto(base + path, wait_until="networkidle")
            if then is not None:
                then(page)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
            out[name] = {"raw": sum(b[1] for b in bodies), "gzip": sum(b[2] for b in bodies), "requests": len(bodies)}
            context.close()

        def material_search(page: Any) -> None:
            page.locator('label.md-header__button[for="__search"]').first.click()
            page.locator("input.md-search__input").press_sequentially(QUERY, delay=30)
            page.locator(".md-search-result__item").first.wait_for(timeout=120_000)

        def pagefind_search(page: Any) -> None:
            page.locator("#warta-cari-kata").fill(QUERY)
            page.locator("#warta-cari-kata").press("Enter")
            page.locator(".warta-cari__hasil li").first.wait_for(timeout=60_000)

        visit("front page", "/")
        visit("article", article)
        # A search's own bytes: its index and the scripts that read it, not the page around it.
        if search == "material":
            visit("one search", "/", material_search, only=("/search/search_index.json", "/workers/search"))
        else:
            visit("one search", "/cari/", pagefind_search, only=("/pagefind/", "/cari.js"))
        browser.close()
    server.shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--before", default="e904286", help="git revision before the portal; '-' to skip")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    n = args.events
    out = BENCH / "out" / f"portal-{n}"
    out.mkdir(parents=True, exist_ok=True)
    content, _ = bench.content_for(n, args.seed, bench.generate.DEFAULT_REGION, BENCH / "out")
    article = "/berita/" + sorted(p.stem for p in (content / "events").glob("*.yml"))[-1] + "/"
    results: dict[str, Any] = {"events": n, "query": QUERY, "article": article}

    log(f"N={n}: after, no photos")
    plain = bench.warta_project(content, out / "after-plain")
    results["build s: after, no photos"] = timed_build(plain)
    site = out / "after-plain" / "site"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out / "pagefind-alone"), "--silent"],
                   check=True)
    results["search index s (Pagefind alone)"] = time.perf_counter() - start
    shutil.rmtree(out / "pagefind-alone")
    results["search bundle bytes"] = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())

    log(f"N={n}: after, one photo per event")
    photographed = out / "content-photos"
    if photographed.exists():
        shutil.rmtree(photographed)
    shutil.copytree(content, photographed)
    results["photos"] = add_photos(photographed)
    with_photos = bench.warta_project(photographed, out / "after-photos")
    shutil.rmtree(out / "after-photos" / ".cache", ignore_errors=True)
    results["build s: after, photos, cold cache"] = timed_build(with_photos)
    results["build s: after, photos, warm cache"] = timed_build(with_photos)
    results["media bytes published"] = sum(p.stat().st_size for p in (out / "after-photos" / "site" / "media").rglob("*"))

    if args.before != "-":
        log(f"N={n}: before ({args.before})")
        config, source = before_project(args.before, content, out / "before")
        results["build s: before"] = timed_build(config, pythonpath=source)
        # The old sources were needed only to build; the built site stays.
        subprocess.run(["git", "worktree", "remove", "--force", str(source)], cwd=REPO, check=True, capture_output=True)
        log("phone bytes: before")
        results["phone before"] = phone_bytes(out / "before" / "site", article, "material")
    log("phone bytes: after (no photos, with photos)")
    results["phone after, no photos"] = phone_bytes(site, article, "pagefind")
    results["phone after, photos"] = phone_bytes(out / "after-photos" / "site", article, "pagefind")

    (BENCH / "out" / f"portal-{n}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    for key, value in results.items():
        if isinstance(value, dict):
            for what, size in value.items():
                print(f"{key:28} {what:12} {size['raw'] / 1024:9.1f} KiB raw {size['gzip'] / 1024:9.1f} KiB gzip"
                      f" {size['requests']:4d} requests")
        elif isinstance(value, float):
            print(f"{key:44} {value:8.1f}")
        else:
            print(f"{key:44} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
