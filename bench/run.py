"""The Warta benchmark: one command, every figure of issue 5, on the same content.

    .venv/bin/python bench/run.py --sizes 100 1000 5000   # full run
    .venv/bin/python bench/run.py --quick                 # N=100, short serve check (CI)

For each N it generates (or reuses) a content folder (bench/generate.py), then
measures:

  a. the generator alone: records.load_content + compose.site in a fresh
     process, best of 3 in-process runs (time.perf_counter) -> events/s;
  b. `mkdocs build` of the Warta site: the repository's mkdocs.yml with only
     its folder paths pointed at the generated content (wall time);
  c. the baseline: every article's Markdown (writer.Writer.render) written to
     plain files and built by stock MkDocs + Material with the same theme
     settings, search, pruned navigation and no plugin of ours;
  d. edit-to-preview under `mkdocs serve` (flags taken from the Makefile's
     `serve` target): append a made-up recipient to one event, poll the
     article over HTTP until the name shows, then check the kecamatan page's
     recipient total went up by one; median of 3 edits;
  e. peak RSS of b (and of c), from /usr/bin/time -v;
  f. once per run, `mkdocs build` of one event whose 10,000 unconsented
     recipients (--crowd) are all in one kecamatan, against the same number
     spread ten to an event over 1,000 events (bench/generate.py `crowd`):
     the ratio one/spread shows whether one long list costs more than linear;
  g. the warm rebuild: after the cold builds, one new event file added and
     `mkdocs build` run again on the same project (its .cache/warta kept);
     stock rebuilds with one article page added;
  h. photos: the same N with one distinct photo per article, built cold
     (.cache/warta emptied) and warm (nothing changed);
  i. what a phone downloads: the largest HTML page (path, bytes) and the
     bytes one search fetches (Pagefind's own script run by Node over the
     built files, bench/search_bytes.mjs; stock: the lunr index and worker).

b and c run alternately (--repeat times each) so drift on a shared machine
hits both; the medians are reported. It prints a table and writes
bench/out/results.json. Ratios are the figures to quote. Exit status is
non-zero only when a step fails or times out (never for a slow figure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONUNBUFFERED": "1"}
GNU_TIME = Path("/usr/bin/time")

sys.path.insert(0, str(BENCH))
import generate  # noqa: E402


class StepFailed(Exception):
    pass


class StepTimeout(StepFailed):
    """A step that did not finish in time: recorded as a figure (> timeout), not fatal."""


def log(*parts: Any) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Content and projects.


PHOTOS = REPO / "examples" / "sleman" / "content" / "media"


def content_for(n: int, seed: int, region: str, out: Path, crowd: int | None = None,
                photos: bool = False) -> tuple[Path, float | None]:
    """The generated content folder for `n` events (sharing `crowd` recipients, or with a photo each, if asked), reused while its inputs are unchanged."""
    folder = out / (f"crowd-{crowd}-in-{n}" if crowd is not None else f"content-{n}" + ("-photos" if photos else ""))
    digest = hashlib.sha256()
    digest.update((f"{n}-{seed}-{region}" + ("" if crowd is None else f"-{crowd}") + ("-photos" if photos else "")).encode())
    for path in sorted([BENCH / "generate.py", *(REPO / "content").rglob("*"), *(PHOTOS.glob("*.jpg") if photos else [])]):
        if path.is_file() and "events" not in path.parts:
            digest.update(path.read_bytes())
    stamp = folder / ".bench-stamp"
    if stamp.is_file() and stamp.read_text() == digest.hexdigest():
        return folder, None
    log(f"N={n}: generating content" + ("" if crowd is None else f" with {crowd:,} recipients") + (" with photos" if photos else ""))
    start = time.perf_counter()
    if crowd is not None:
        generate.crowd(folder, crowd, n, seed=seed, region_code=region)
    elif photos:
        generate.with_photos(folder, n, seed=seed, region_code=region)
    else:
        generate.generate(folder, n, seed=seed, region_code=region)
    stamp.write_text(digest.hexdigest())
    return folder, time.perf_counter() - start


def warta_project(content: Path, project: Path) -> Path:
    """The repository's mkdocs.yml with only its folder paths moved to `content`."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    docs_dir = Path(config.get("docs_dir", "docs"))
    # docs_dir is content/pages in the repo: the same place in the generated folder.
    config["docs_dir"] = str(content / docs_dir.relative_to("content")) if docs_dir.parts[0] == "content" else str(REPO / docs_dir)
    config["site_dir"] = str(project / "site")
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "warta" in plugin:
            options = plugin["warta"] or {}
            options["content_dir"] = str(content)
            options["templates_dir"] = str(REPO / options.get("templates_dir", "templates"))
            plugin["warta"] = options
    config["watch"] = [str(content if w == "content" else REPO / w) for w in config.get("watch", [])]
    project.mkdir(parents=True, exist_ok=True)
    path = project / "mkdocs.yml"
    path.write_text("# Generated by bench/run.py from the repository's mkdocs.yml.\n"
                    + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def baseline_project(project: Path, docs: Path) -> Path:
    """Stock MkDocs + Material with the repo's theme settings, search, no Warta.

    Same theme options (language, fonts, palette, features) without our
    custom_dir, the same Markdown extensions and validation, search as the
    only plugin, and a pruned navigation: the articles are not_in_nav.
    """
    repo = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {k: v for k, v in repo["theme"].items() if k != "custom_dir"}
    # Stock Material searches with its own lunr index; Warta replaced it by
    # Pagefind, so the baseline names it rather than inherit the repo's list.
    plugins = ["search"]
    config = {
        "site_name": repo["site_name"],
        "site_url": repo.get("site_url"),
        "docs_dir": str(docs),
        "site_dir": str(project / "site"),
        "use_directory_urls": repo.get("use_directory_urls", True),
        "theme": theme,
        "extra": repo.get("extra", {}),
        "plugins": plugins,
        "markdown_extensions": repo.get("markdown_extensions", []),
        "validation": repo.get("validation", {}),
        "nav": [{"Beranda": "index.md"}],
        "not_in_nav": "/berita/**\n",
    }
    path = project / "mkdocs.yml"
    path.write_text("# Generated by bench/run.py: the baseline (stock MkDocs + Material).\n"
                    + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# (a) The generator alone, in a fresh process; it also writes the baseline docs.


def generator_child(content: Path, docs: Path | None, repeat: int) -> dict:
    sys.path.insert(0, str(REPO))
    from generator import compose, records
    from generator.compose import article
    from generator.compose.policy import Policy
    from generator.compose.templating import Templates
    from generator.compose.writer import Writer

    from generator.core import cache

    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")
    # The build cache a build keeps (records, articles, photos and cards), in
    # a scratch folder emptied first: the first run fills it (cold), the
    # others find it (warm), as a second `mkdocs build` does.
    kept = OUT / "generator-cache"
    shutil.rmtree(kept, ignore_errors=True)
    templates = Templates([REPO / "templates"])
    salt = cache.salt(cache.files_digest(templates.folders))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        stores = [cache.Store(kept / f"{kind}.sqlite", salt) for kind in ("records", "articles")]
        loaded = records.load_content(content, store=stores[0])
        t_load = time.perf_counter() - start
        _, composed = compose.site(loaded, templates, site_url=site_url, media_cache=kept / "media", articles=stores[1])
        for store in stores:
            store.close()
        runs.append({"load": t_load, "total": time.perf_counter() - start})
    result = {"runs": runs, "events": len(loaded.events), "pages": len(composed),
              "markdown_pages": sum(p.path.endswith(".md") for p in composed)}
    if docs is not None:
        if docs.exists():
            shutil.rmtree(docs)
        (docs / "berita").mkdir(parents=True)
        templates = Templates([REPO / "templates"])
        writer = Writer(templates)
        rules = Policy(loaded.site.privacy.recipient_names)
        for event in loaded.events:
            text = writer.render(article.facts(event, loaded, rules, templates.words))
            (docs / "berita" / f"{event.slug}.md").write_text(text, encoding="utf-8")
        (docs / "index.md").write_text(f"# {loaded.site.title}\n\n{len(loaded.events)} berita.\n", encoding="utf-8")
    return result


def measure_generator(content: Path, docs: Path, repeat: int, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_generator", str(content), str(docs), str(repeat)]
    proc = run(cmd, timeout, "generator")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    best = min(r["total"] for r in result["runs"])
    result["best_s"] = best
    result["first_s"] = result["runs"][0]["total"]
    result["events_per_s"] = result["events"] / best
    return result


def run(cmd: list[str], timeout: float, what: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    # A session of its own, so a timeout stops /usr/bin/time and mkdocs under it.
    child = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        child.communicate()
        raise StepTimeout(f"{what}: no result within {timeout:.0f} s") from None
    proc = subprocess.CompletedProcess(cmd, child.returncode, stdout, stderr)
    if proc.returncode != 0:
        raise StepFailed(f"{what}: exit {proc.returncode}\n{proc.stderr[-3000:]}")
    return proc


# --------------------------------------------------------------------------
# (b, c, e) mkdocs build: wall time and peak RSS.


def measure_build(config: Path, timeout: float, what: str, *, cold: bool = True) -> dict:
    """Wall time and peak RSS of one `mkdocs build`; `cold` empties the project's .cache first.

    Why: Warta keeps processed photos and sharing cards in .cache/warta
    between builds (and, with issue 14, more): a cold build must not find
    the previous run's work, a warm one must.
    """
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    mkdocs = [str(BIN / "mkdocs"), "build", "-q", "-f", str(config)]
    report = config.parent / "time.txt"
    if GNU_TIME.exists():
        cmd = [str(GNU_TIME), "-v", "-o", str(report), *mkdocs]
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--_rss", str(report), *mkdocs]
    start = time.perf_counter()
    try:
        run(cmd, timeout, what, cwd=config.parent)
    except StepTimeout as exc:
        log(f"TIMEOUT: {exc}")
        return {"wall_s": None, "timeout_s": timeout, "rss_mb": None}
    wall = time.perf_counter() - start
    text = report.read_text()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text) or re.search(r"maxrss_kb=(\d+)", text)
    # CPU seconds too: on the shared machine wall time moves with the others' load, CPU time much less.
    cpu = [float(gnu or ours) for gnu, ours in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)|cpu_s=([\d.]+)", text)]
    return {"wall_s": wall, "rss_mb": int(rss[1]) / 1024 if rss else None, "cpu_s": sum(cpu) if cpu else None}


def rss_child(report: Path, cmd: list[str]) -> int:
    import resource

    code = subprocess.call(cmd)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report.write_text(f"maxrss_kb={usage.ru_maxrss}\ncpu_s={usage.ru_utime + usage.ru_stime}\n")
    return code


# --------------------------------------------------------------------------
# (d) Edit-to-preview under mkdocs serve.


def serve_flags() -> list[str]:
    """The flags of the Makefile's `serve` target: the documented preview command."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^serve:.*\n(?:\t.*\n)*?\t\S*mkdocs serve(.*)$", text, re.MULTILINE)
    return match[1].split() if match else ["--livereload"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


_TOTAL = re.compile(r"<td[^>]*>Penerima</td>\s*<td[^>]*>(?:<a [^>]*>)?([\d.]+)(?:</a>)?</td>")  # the figure may link to its rows


def kecamatan_total(html: str | None) -> int | None:
    match = _TOTAL.search(html or "")
    return int(match[1].replace(".", "")) if match else None


def edit_targets(content: Path, count: int) -> list[Path]:
    """`count` events spread over the archive whose recipients agreed to be named."""
    events = sorted((content / "events").glob("*.yml"))
    named = [p for p in events if "publish_names: true\n  by_kecamatan" in p.read_text(encoding="utf-8")]
    return [named[int(len(named) * (i + 1) / (count + 1))] for i in range(count)]


def measure_serve(config: Path, content: Path, repeats: int, timeout: float, log_path: Path) -> dict:
    sys.path.insert(0, str(REPO))
    from generator.core.text import slugify

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    flags = serve_flags()
    cmd = [str(BIN / "mkdocs"), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", *flags]
    targets = edit_targets(content, repeats)
    originals = {p: p.read_bytes() for p in targets}
    result: dict[str, Any] = {"flags": flags, "edits": []}
    with open(log_path, "w") as log_file:
        start = time.perf_counter()
        server = subprocess.Popen(cmd, cwd=config.parent, env=ENV, stdout=log_file, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            while fetch(base + "/", 5) is None:
                if server.poll() is not None:
                    raise StepFailed(f"mkdocs serve exited {server.returncode}; see {log_path}")
                if time.perf_counter() - start > timeout:
                    raise StepFailed(f"mkdocs serve: not ready within {timeout:.0f} s; see {log_path}")
                time.sleep(0.2)
            result["startup_s"] = time.perf_counter() - start
            for i, path in enumerate(targets):
                result["edits"].append(_one_edit(base, path, i, slugify, timeout))
                time.sleep(1.5)  # let the watcher settle before the next edit
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, 9)
                server.wait()
            for path, data in originals.items():
                path.write_bytes(data)
    result["article_s"] = statistics.median(e["article_s"] for e in result["edits"])
    result["total_s"] = statistics.median(e["total_s"] for e in result["edits"])
    result["correct"] = all(e["total_ok"] for e in result["edits"])
    return result


def edited(path: Path, i: int) -> tuple[str, str, str]:
    """The bench's edit to the event at `path`: a made-up named recipient added to its first kecamatan.

    (the name, that kecamatan, the file's new text); the caller writes it.
    """
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    kecamatan = next(iter(record["recipients"]["by_kecamatan"]))
    name = f"Zuvarek Molindap Tesuka{'bcdfghjklmnpqrstvwxyz'[i % 21]}"  # made up, unlike any generated name
    record["recipients"]["by_kecamatan"][kecamatan].append(name)
    return name, kecamatan, "# yaml-language-server: $schema=../../schema/event.schema.json\n" + generate._dump(record)


def _one_edit(base: str, path: Path, i: int, slugify: Any, timeout: float) -> dict:
    name, kecamatan, text = edited(path, i)
    article_url = f"{base}/berita/{path.stem}/"
    kecamatan_url = f"{base}/kecamatan/{slugify(kecamatan)}/"
    before = kecamatan_total(fetch(kecamatan_url, 60))
    if before is None or fetch(article_url, 60) is None:
        raise StepFailed(f"serve: {article_url} or the Penerima total of {kecamatan_url} not found")
    path.write_text(text, encoding="utf-8")
    written = time.perf_counter()
    article_s = total_s = None
    after = before
    while time.perf_counter() - written < timeout:
        if article_s is None:
            page = fetch(article_url, timeout)
            if page and name in page:
                article_s = time.perf_counter() - written
        if article_s is not None:
            after = kecamatan_total(fetch(kecamatan_url, timeout))
            if after == before + 1:
                total_s = time.perf_counter() - written
                break
            if time.perf_counter() - written - article_s > 30:
                break  # the article updated, the total never did: an incorrect preview
        time.sleep(0.05)
    if article_s is None:
        raise StepFailed(f"serve: {article_url} did not show the edit within {timeout:.0f} s")
    return {"event": path.stem, "kecamatan": kecamatan, "article_s": article_s,
            "total_s": total_s if total_s is not None else float("nan"),
            "total_before": before, "total_after": after, "total_ok": total_s is not None}


# --------------------------------------------------------------------------
# The run.


def bench_size(n: int, args: argparse.Namespace) -> dict:
    out: Path = args.out
    timeout = args.timeout or (300.0 if n < 1000 else 600.0)
    content, gen_s = content_for(n, args.seed, args.region, out)
    work = out / f"n{n}"
    result: dict[str, Any] = {"events": n, "content": str(content), "generate_s": gen_s}

    log(f"N={n}: (a) generator alone, best of {args.generator_repeat}")
    result["generator"] = measure_generator(content, work / "baseline" / "docs", args.generator_repeat, timeout)
    warta_cfg = warta_project(content, work / "warta")
    base_cfg = baseline_project(work / "baseline", work / "baseline" / "docs")

    builds: dict[str, list[dict]] = {"warta": [], "baseline": []}
    for i in range(args.repeat):
        for kind, cfg in (("baseline", base_cfg), ("warta", warta_cfg)) if i % 2 == 0 else (("warta", warta_cfg), ("baseline", base_cfg)):
            log(f"N={n}: ({'b' if kind == 'warta' else 'c'}) mkdocs build {kind} {i + 1}/{args.repeat}")
            builds[kind].append(measure_build(cfg, timeout, f"{kind} build N={n}"))
        # Long builds vary little relative to their length: one pair is enough.
        if any(r["wall_s"] is None or r["wall_s"] > args.long_build for r in builds["warta"] + builds["baseline"]):
            break
    for kind, runs in builds.items():
        walls = [r["wall_s"] for r in runs if r["wall_s"] is not None]
        result[kind] = {
            "runs": runs,
            "wall_s": statistics.median(walls) if len(walls) == len(runs) else None,
            "timeout_s": None if len(walls) == len(runs) else timeout,
            "rss_mb": max((r["rss_mb"] for r in runs if r["rss_mb"] is not None), default=None),
        }
        site = work / kind / "site"
        result[kind]["html_pages"] = sum(1 for _ in site.rglob("*.html")) if result[kind]["wall_s"] else None
        if result[kind]["wall_s"]:
            result[kind]["largest_html"] = largest_html(site)
            result[kind]["search"] = search_bytes(site, args.search_word, timeout)
    if result["warta"]["wall_s"] and result["baseline"]["wall_s"]:
        result["build_over_baseline"] = result["warta"]["wall_s"] / result["baseline"]["wall_s"]
    elif result["baseline"]["wall_s"]:
        result["build_over_baseline_more_than"] = timeout / result["baseline"]["wall_s"]

    if result["warta"]["wall_s"] and result["baseline"]["wall_s"]:
        result["one_more"] = measure_one_more(n, content, warta_cfg, base_cfg, args, timeout)
    if n in args.photo_sizes:
        result["photos"] = measure_photos(n, args, timeout)

    if n in args.serve_sizes:
        log(f"N={n}: (d) mkdocs serve, {args.serve_repeat} edit(s)")
        try:
            result["serve"] = measure_serve(warta_cfg, content, args.serve_repeat, timeout, work / "serve.log")
        except StepTimeout as exc:
            log(f"TIMEOUT: {exc}")
            result["serve"] = {"timeout_s": timeout, "error": str(exc)}
    return result


def measure_one_more(n: int, content: Path, warta_cfg: Path, base_cfg: Path, args: argparse.Namespace,
                     timeout: float) -> dict:
    """(g) A build after one new event, on the project the cold builds left; stock with one page more.

    Why one run each: the cold figures above are medians already, and this
    is the deployer's everyday case measured once per size. Both added
    files are removed again so the cached content folder stays as made.
    """
    added = generate.one_more_event(content, seed=args.seed)
    articles = sorted((base_cfg.parent / "docs" / "berita").glob("*.md"))
    page = articles[-1].with_name("zz-bench-one-more.md")
    try:
        log(f"N={n}: (g) mkdocs build warta after one new event {added.stem}")
        warta = measure_build(warta_cfg, timeout, f"warm warta build N={n}", cold=False)
        page.write_bytes(articles[-1].read_bytes())
        log(f"N={n}: (g) mkdocs build baseline with one page more")
        stock = measure_build(base_cfg, timeout, f"baseline build +1 N={n}", cold=False)
    finally:
        added.unlink(missing_ok=True)
        page.unlink(missing_ok=True)
    return {"event": added.stem, "warta": warta, "baseline": stock}


def measure_photos(n: int, args: argparse.Namespace, timeout: float) -> dict:
    """(h) The N-event site with one distinct photo per article: a cold build, then a warm one."""
    content, _ = content_for(n, args.seed, args.region, args.out, photos=True)
    config = warta_project(content, args.out / f"n{n}" / "photos")
    log(f"N={n}: (h) mkdocs build warta with {n:,} photos, cold")
    cold = measure_build(config, timeout, f"photo build N={n}")
    log(f"N={n}: (h) mkdocs build warta with {n:,} photos, warm")
    warm = measure_build(config, timeout, f"warm photo build N={n}", cold=False)
    media = config.parent / ".cache" / "warta" / "media"
    cached = sum(p.stat().st_size for p in media.rglob("*") if p.is_file()) if media.is_dir() else 0
    return {"cold": cold, "warm": warm, "cache_mb": cached / 1e6}


def largest_html(site: Path) -> dict:
    """The biggest HTML file of a built site: what the heaviest page costs a phone."""
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return {"path": str(path.relative_to(site)), "bytes": size}


def search_bytes(site: Path, word: str, timeout: float) -> dict | None:
    """Bytes one search for `word` downloads, as files are published (None if there is no search or no Node).

    Pagefind (Warta): bench/search_bytes.mjs runs the site's own
    pagefind.js under Node and counts every file it fetches for the query
    and the first page of results, plus pagefind-worker.js, which a browser
    also loads. Stock Material (lunr): the whole search_index.json and the
    search worker, fetched whatever the word.
    """
    bundle = site / "pagefind"
    if bundle.is_dir():
        node = shutil.which("node")
        if node is None:
            return None
        proc = run([node, "--no-warnings", str(BENCH / "search_bytes.mjs"), str(site), word, "10"], timeout, "search bytes")
        found = json.loads(proc.stdout.strip().splitlines()[-1])
        files = dict(found["files"])
        worker = bundle / "pagefind-worker.js"
        if worker.is_file():
            files["pagefind-worker.js"] = worker.stat().st_size
        return {"word": word, "results": found["results"], "bytes": sum(files.values()), "files": files}
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    files = {str(p.relative_to(site)): p.stat().st_size
             for p in [index, *sorted((site / "assets" / "javascripts" / "workers").glob("search*.js"))]}
    return {"word": word, "results": None, "bytes": sum(files.values()), "files": files}


def bench_crowd(recipients: int, args: argparse.Namespace) -> dict:
    """(f) One event of `recipients` unconsented recipients in one kecamatan vs as many over many events.

    Issue 12: one kecamatan page listing one event's 4,000 masked names took
    7.2 s of CPU, 8,000 took 25.7 s. The ratio one/spread stays near or below
    1 when the cost is linear in the names (spread has more articles).
    """
    timeout = args.timeout or 600.0
    spread = max(2, recipients // 10)
    result: dict[str, Any] = {"recipients": recipients, "spread_events": spread}
    projects = {}
    for kind, events in (("one", 1), ("spread", spread)):
        content, _ = content_for(events, args.seed, args.region, args.out, crowd=recipients)
        projects[kind] = warta_project(content, args.out / f"crowd-{recipients}" / kind)
    runs: dict[str, list[dict]] = {"one": [], "spread": []}
    for i in range(args.repeat):
        for kind in ("one", "spread") if i % 2 == 0 else ("spread", "one"):
            log(f"{recipients:,} recipients: (f) mkdocs build, {kind} {i + 1}/{args.repeat}")
            runs[kind].append(measure_build(projects[kind], timeout, f"{kind} build of {recipients} recipients"))
    for kind, done in runs.items():
        walls = [r["wall_s"] for r in done if r["wall_s"] is not None]
        result[kind] = {"runs": done, "wall_s": statistics.median(walls) if len(walls) == len(done) else None,
                        "timeout_s": None if len(walls) == len(done) else timeout}
    return result


def summary(results: dict) -> dict:
    sizes = {r["events"]: r for r in results["sizes"]}
    ratios: dict[str, Any] = {}
    for n, r in sizes.items():
        ratios[f"build/baseline@{n}"] = r.get("build_over_baseline") or (
            f"> {r['build_over_baseline_more_than']:.1f} (timeout)" if "build_over_baseline_more_than" in r else None)

    def ratio(a: float | None, b: float | None, a_timeout: float | None = None) -> Any:
        if a and b:
            return a / b
        return f"> {a_timeout / b:.1f} (timeout)" if a_timeout and b else None

    if 1000 in sizes and 5000 in sizes:
        big, small = sizes[5000], sizes[1000]
        ratios["build(5000)/build(1000)"] = ratio(big["warta"]["wall_s"], small["warta"]["wall_s"], big["warta"]["timeout_s"])
        ratios["baseline(5000)/baseline(1000)"] = ratio(big["baseline"]["wall_s"], small["baseline"]["wall_s"], big["baseline"]["timeout_s"])
        ratios["generator(5000)/generator(1000)"] = ratio(big["generator"]["best_s"], small["generator"]["best_s"])
    crowd = results.get("crowd")
    if crowd:
        ratios[f"one event/spread@{crowd['recipients']}"] = ratio(
            crowd["one"]["wall_s"], crowd["spread"]["wall_s"], crowd["one"]["timeout_s"])
    return ratios


# The issue 14 targets, printed beside the figures (never asserted).
TARGETS = {
    "cold build s": "≤ 1.2× stock",
    "build after +1 event s": "≤ 1 s @1,000, ≤ 2 s @5,000",
    "largest HTML kB": "≤ 150 kB",
    "search KB per query": "≤ 300 KB",
    "peak RSS MB": "≤ 300 MB @5,000",
    "generator ev/s": "≥ 2,000 (warm)",
    "edit → preview s": "≤ 1 s @1,000, ≤ 2 s @5,000",
}


def secs(part: dict | None) -> str:
    """A build's seconds, `>T` when it timed out."""
    if not part:
        return "-"
    return f"{part['wall_s']:.1f}" if part.get("wall_s") else f">{part.get('timeout_s') or 0:.0f}"


def _rows(r: dict) -> list[tuple[str, str, str, float | None]]:
    """(figure, Warta, stock or the other side, Warta/other) for one size."""
    def over(a: float | None, b: float | None) -> float | None:
        return a / b if a and b else None

    warta, stock = r["warta"], r["baseline"]
    rows = [("cold build s", secs(warta), secs(stock), r.get("build_over_baseline"))]
    cpu, base_cpu = (statistics.median(c) if (c := [x["cpu_s"] for x in part["runs"] if x.get("cpu_s")]) else None
                     for part in (warta, stock))
    if cpu and base_cpu:
        rows.append(("cold build CPU s", f"{cpu:.1f}", f"{base_cpu:.1f}", cpu / base_cpu))
    more = r.get("one_more")
    if more:
        rows.append(("build after +1 event s", secs(more["warta"]), secs(more["baseline"]),
                     over(more["warta"]["wall_s"], more["baseline"]["wall_s"])))
    photos = r.get("photos")
    if photos:
        for kind in ("cold", "warm"):
            rows.append((f"{r['events']:,} photos, {kind} s", secs(photos[kind]), secs(stock) + " (no photos)",
                         over(photos[kind]["wall_s"], stock["wall_s"])))
    big, base_big = warta.get("largest_html"), stock.get("largest_html")
    if big and base_big:
        rows.append(("largest HTML kB", f"{big['bytes'] / 1000:,.0f} {big['path']}", f"{base_big['bytes'] / 1000:,.0f}",
                     big["bytes"] / base_big["bytes"]))
    found, base_found = warta.get("search"), stock.get("search")
    if found or base_found:
        rows.append(("search KB per query", f"{found['bytes'] / 1000:,.0f} ('{found['word']}')" if found else "-",
                     f"{base_found['bytes'] / 1000:,.0f}" if base_found else "-",
                     over(found and found["bytes"], base_found and base_found["bytes"])))
    rows.append(("peak RSS MB", f"{warta['rss_mb']:.0f}" if warta["rss_mb"] else "-",
                 f"{stock['rss_mb']:.0f}" if stock["rss_mb"] else "-", over(warta["rss_mb"], stock["rss_mb"])))
    rows.append(("HTML pages", f"{warta['html_pages'] or '-'}", f"{stock['html_pages'] or '-'}",
                 over(warta["html_pages"], stock["html_pages"])))
    gen = r["generator"]
    rows.append(("generator ev/s", f"{gen['events_per_s']:,.0f} (cold {gen['events'] / gen['first_s']:,.0f})", "-", None))
    serve = r.get("serve")
    if serve:
        if "article_s" in serve:
            rows.append(("edit → preview s", f"{serve['article_s']:.2f}, totals {serve['total_s']:.2f}"
                         + ("" if serve["correct"] else " WRONG"), "-", None))
        else:
            rows.append(("edit → preview s", f">{serve.get('timeout_s') or 0:.0f}", "-", None))
    return rows


def table(results: dict) -> str:
    """Every figure of the run in one table: Warta, stock (or what the row says), the ratio, the target."""
    rows = [("N", "figure", "Warta", "stock", "ratio", "target")]
    for r in results["sizes"]:
        for figure, ours, theirs, ratio in _rows(r):
            rows.append((f"{r['events']:,}", figure, ours, theirs, f"{ratio:.2f}" if ratio else "-", TARGETS.get(figure, "")))
    crowd = results.get("crowd")
    if crowd:
        ratio = results["ratios"].get(f"one event/spread@{crowd['recipients']}")
        rows.append((f"{crowd['recipients']:,} recipients", "1 event, 1 kecamatan s (vs spread)", secs(crowd["one"]),
                     f"{secs(crowd['spread'])} over {crowd['spread_events']:,} events",
                     f"{ratio:.2f}" if isinstance(ratio, float) else str(ratio or "-"), "≤ 1 (linear)"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    align = [str.rjust, str.ljust, str.rjust, str.rjust, str.rjust, str.ljust]
    lines = [" | ".join(fit(cell, w) for cell, w, fit in zip(row, widths, align)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append("")
    lines.extend(f"{name:32} {value:.2f}" if isinstance(value, float) else f"{name:32} {value}"
                 for name, value in results["ratios"].items())
    lines.append(f"{'whole run (s)':32} {results['elapsed_s']:.0f}")
    return "\n".join(lines)


def main() -> int:
    if sys.argv[1:2] == ["--_generator"]:
        content, docs, repeat = sys.argv[2:5]
        print(json.dumps(generator_child(Path(content), Path(docs) if docs != "-" else None, int(repeat))))
        return 0
    if sys.argv[1:2] == ["--_rss"]:
        return rss_child(Path(sys.argv[2]), sys.argv[3:])

    parser = argparse.ArgumentParser(description="Warta benchmark (issue 5).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--quick", action="store_true", help="N=100 only, one build each, one short serve edit (CI)")
    parser.add_argument("--repeat", type=int, default=None, help="builds of each kind per N (default 3, 1 at N>=5000, 1 with --quick)")
    parser.add_argument("--generator-repeat", type=int, default=3)
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=None,
                        help="sizes to run (d) at (default: 1000 if measured; --serve-sizes 1000 5000 adds 5000)")
    parser.add_argument("--serve-repeat", type=int, default=None, help="edits under serve (default 3, 1 with --quick)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--region", default=generate.DEFAULT_REGION)
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per step (default 300 below N=1000, else 600); a build that times out is reported as > timeout")
    parser.add_argument("--long-build", type=float, default=60.0,
                        help="after a build pair longer than this (s), skip the remaining repeats at that N")
    parser.add_argument("--crowd", type=int, default=None,
                        help="recipients of the one-event case (f) (default 10000, 1000 with --quick; 0 skips it)")
    parser.add_argument("--photo-sizes", type=int, nargs="*", default=None,
                        help="sizes to run (h), one photo per article, at (default: the measured sizes up to 1000)")
    parser.add_argument("--search-word", default="bantuan", help="the query of (i), a word most articles hold")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.crowd is None:
        args.crowd = 1000 if args.quick else 10000
    if args.quick:
        args.sizes = [100]
        args.serve_sizes = [100] if args.serve_sizes is None else args.serve_sizes
        args.repeat = args.repeat or 1
        args.serve_repeat = args.serve_repeat or 1
    if args.serve_sizes is None:
        args.serve_sizes = [n for n in args.sizes if n == 1000]
    if args.photo_sizes is None:
        # Resizing costs about 0.1-0.2 s a photo cold on this machine: N=5,000
        # would add 10-15 minutes, and --quick must stay under a minute.
        args.photo_sizes = [] if args.quick else [n for n in args.sizes if n <= 1000]
    args.serve_repeat = args.serve_repeat or 3
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip(),
        "dirty": bool(subprocess.run(["git", "status", "--porcelain", "generator", "templates", "mkdocs.yml"],
                                     cwd=REPO, capture_output=True, text=True).stdout.strip()),
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "sizes": [],
    }
    status = 0
    try:
        for n in sorted(args.sizes):
            size_args = argparse.Namespace(**vars(args))
            size_args.repeat = args.repeat or (1 if n >= 5000 else 3)
            results["sizes"].append(bench_size(n, size_args))
            results["ratios"] = summary(results)
            results["elapsed_s"] = time.perf_counter() - started
            (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
        if args.crowd:
            crowd_args = argparse.Namespace(**vars(args))
            crowd_args.repeat = args.repeat or 3
            results["crowd"] = bench_crowd(args.crowd, crowd_args)
    except StepFailed as exc:
        log(f"FAILED: {exc}")
        results["failed"] = str(exc)
        status = 1
    if args.quick and any(r[k].get("timeout_s") for r in results["sizes"] for k in ("warta", "baseline")):
        status = 1  # at N=100 a timeout is a hang, not a figure
    results["ratios"] = summary(results)
    results["elapsed_s"] = time.perf_counter() - started
    (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    if results["sizes"]:
        print(table(results))
    print(f"results: {args.out / 'results.json'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
