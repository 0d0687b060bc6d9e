"""Profile one in-process `mkdocs build` of the Warta site (issue 5, item 3).

    .venv/bin/python bench/profile_build.py --events 1000

Uses the same generated content and derived mkdocs.yml as bench/run.py,
runs the build under cProfile exactly as `mkdocs build` does (on_startup,
build, on_shutdown), and writes

    bench/out/profile-N.prof   raw stats (snakeviz / pstats)
    bench/out/profile-N.txt    the report: phases, time by component, top functions

Time by component sums each function's own time (tottime) by where its code
lives, so the groups add up to the whole build; the phase table gives
cumulative times of the MkDocs and Warta entry points, which overlap.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

import run  # noqa: E402

# (label, test on "file:function"), first match wins.
GROUPS = [
    ("Warta: privacy lint of the built site", lambda f: "generator/core/privacy.py" in f or "html/parser.py" in f),
    ("Warta: records (YAML + pydantic)", lambda f: "generator/records/" in f or "/yaml/" in f or "pydantic" in f),
    ("Warta: other generator code", lambda f: "/generator/" in f and "site-packages" not in f),
    ("Warta: its Jinja templates (compiled)", lambda f: str(REPO / "templates") in f and "templates/theme" not in f),
    ("Material/theme templates (compiled Jinja)", lambda f: "material/templates" in f or "templates/theme" in f),
    ("Jinja2 runtime (both)", lambda f: "/jinja2/" in f),
    ("Markdown rendering (markdown, pymdownx)", lambda f: "/markdown/" in f or "/pymdownx/" in f),
    ("search index (mkdocs.contrib.search)", lambda f: "mkdocs/contrib/search" in f),
    ("MkDocs core (files, nav, pages, build)", lambda f: "/mkdocs/" in f),
    ("file I/O (open, write, stat, copy, rmtree)", lambda f: any(k in f for k in (
        "_io.", "posix.", "shutil.py", "method 'write'", "built-in method io.open", "os.py", "pathlib.py"))),
    ("regex (re module)", lambda f: "re/" in f or "'re.Pattern'" in f or "_sre" in f),
    ("gzip/zlib (sitemap)", lambda f: "gzip" in f or "zlib" in f),
    ("babel (dates, numbers)", lambda f: "/babel/" in f),
    ("feedgen / lxml (feeds)", lambda f: "feedgen" in f or "lxml" in f),
]

PHASES = [
    ("warta on_pre_build (load + compose)", "generator/edges/plugin.py", "on_pre_build"),
    ("  records.load_content", "records/load.py", "load_content"),
    ("  pages.build", "compose/pages.py", "build"),
    ("warta on_files", "generator/edges/plugin.py", "on_files"),
    ("warta on_post_build (privacy lint)", "generator/edges/plugin.py", "on_post_build"),
    ("mkdocs get_files (docs_dir scan)", "files.py", "get_files"),
    ("mkdocs _populate_page (read + Markdown -> HTML)", "build.py", "_populate_page"),
    ("  Page.render (Markdown conversion)", "pages.py", "render"),
    ("mkdocs _build_page (theme template + write)", "build.py", "_build_page"),
    ("  _build_template / template.render", "build.py", "_build_template"),
    ("  utils.write_file", "__init__.py", "write_file"),
    ("search on_page_context (index a page)", "material/plugins/search/plugin.py", "on_page_context"),
    ("search on_post_build (write index)", "material/plugins/search/plugin.py", "on_post_build"),
    ("mkdocs _build_theme_template (404, sitemap)", "build.py", "_build_theme_template"),
    ("copy static files (File.copy_file)", "files.py", "copy_file"),
]


def label(func: tuple[str, int, str]) -> str:
    file, _line, name = func
    return f"{file}:{name}"


def group_of(key: str) -> str:
    return next((g for g, test in GROUPS if test(key)), "other (stdlib, builtins)")


def report(stats: pstats.Stats, total: float, n: int, *, warm: bool = False) -> str:
    raw = stats.stats  # type: ignore[attr-defined]
    out = io.StringIO()
    which = "a second (warm) build" if warm else "a cold build"
    out.write(f"In-process mkdocs build of the Warta site, N={n:,} events, {which}: {total:.1f} s wall under cProfile\n\n")
    out.write("## Phases (cumulative seconds; nested rows are inside the row above)\n\n")
    for title, file_part, func in PHASES:
        cum = sum(v[3] for k, v in raw.items() if file_part in k[0] and (not func or k[2] == func)) if func else \
            sum(v[2] for k, v in raw.items() if file_part in k[0])
        calls = sum(v[1] for k, v in raw.items() if file_part in k[0] and (not func or k[2] == func))
        out.write(f"{title:55} {cum:8.2f} s  {calls:>8} calls\n")
    by_group: dict[str, float] = defaultdict(float)
    for key, value in raw.items():
        by_group[group_of(label(key))] += value[2]
    own = sum(by_group.values())
    out.write("\n## Own time by component (tottime, sums to the whole build)\n\n")
    for name, secs in sorted(by_group.items(), key=lambda kv: -kv[1]):
        out.write(f"{name:55} {secs:8.2f} s  {100 * secs / own:5.1f} %\n")
    out.write("\n## Top 40 functions by cumulative time\n\n")
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(40)
    out.write(_trim(buf.getvalue()))
    out.write("\n## Top 30 functions by own time\n\n")
    buf.seek(0)
    buf.truncate()
    stats.sort_stats("tottime").print_stats(30)
    out.write(_trim(buf.getvalue()))
    return out.getvalue()


def _trim(text: str) -> str:
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip().startswith("ncalls")), 0)
    site = str(Path(run.__file__).resolve().parent.parent)
    return "\n".join(ln.replace(site + "/", "").replace("/work/main/.venv/lib/python3.11/site-packages/", "")
                     for ln in lines[start:]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="cProfile one in-process mkdocs build of the Warta site.")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--region", default=run.generate.DEFAULT_REGION)
    parser.add_argument("--out", type=Path, default=run.OUT)
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from the last .prof")
    parser.add_argument("--warm", action="store_true",
                        help="profile a second build that finds the first one's .cache/warta (default: a cold build)")
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        stats = pstats.Stats(str(out / f"profile-{args.events}.prof"))
        text = report(stats, stats.total_tt, args.events)  # type: ignore[attr-defined]
        (out / f"profile-{args.events}.txt").write_text(text, encoding="utf-8")
        print(text[: text.index("## Top 40")])
        return
    content, _ = run.content_for(args.events, args.seed, args.region, out)
    config_path = run.warta_project(content, out / f"profile-n{args.events}")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def one_build(profiler: cProfile.Profile | None = None) -> None:
        config = load_config(config_file=str(config_path))
        if profiler:
            profiler.enable()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
        if profiler:
            profiler.disable()

    shutil.rmtree(config_path.parent / ".cache", ignore_errors=True)
    if args.warm:
        one_build()
    profiler = cProfile.Profile()
    start = time.perf_counter()
    one_build(profiler)
    total = time.perf_counter() - start
    name = f"profile-{args.events}{'-warm' if args.warm else ''}"
    profiler.dump_stats(out / f"{name}.prof")
    text = report(pstats.Stats(profiler), total, args.events, warm=args.warm)
    (out / f"{name}.txt").write_text(text, encoding="utf-8")
    print(text[: text.index("## Top 40")])
    print(f"full report: {out / f'{name}.txt'}")


if __name__ == "__main__":
    main()
