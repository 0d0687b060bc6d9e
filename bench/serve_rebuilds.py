"""What one save costs `mkdocs serve --dirty`, phase by phase, MkDocs included (issue 14, item 6).

Runs in one process what `mkdocs serve --dirty` runs on each save (a fresh
config from mkdocs.yml, then `build(config, serve_url=..., dirty=True)`
with the plugin kept), on a copy of a generated content folder, after the
bench's edit (a named recipient added to an event) to one event after
another. Prints, for each save: the whole rebuild in seconds, its phases
(Warta's load, policy check and compose; MkDocs' files, navigation, page
conversion, static files, page templates), the time Python's cycle
collector took and how many full passes it made, and the process's RSS.
No server and no polling: `run.py`'s edit-to-preview row measures those too.

    .venv/bin/python bench/serve_rebuilds.py --events 1000 --saves 6
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

import run  # noqa: E402
import mkdocs.commands.build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

import generator.compose as compose  # noqa: E402
import generator.records as records  # noqa: E402

URL = "http://127.0.0.1:8000/"


class Phases:
    """Seconds spent in each wrapped function, and in the cycle collector, since `clear`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.full_passes = 0
        self._started = 0.0
        gc.callbacks.append(self._collector)

    def clear(self) -> None:
        self.seconds.clear()
        self.full_passes = 0

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start

        setattr(owner, name, timed)

    def _collector(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.seconds["collector"] += time.perf_counter() - self._started
        self.full_passes += info["generation"] == 2


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=6)
    args = parser.parse_args()
    content, _ = run.content_for(args.events, 5, run.generate.DEFAULT_REGION, run.OUT)
    phases = Phases()
    for owner, name, label in [
        (records, "load", "load"), (compose, "problems", "check"), (compose, "site", "compose"),
        (mkdocs_build, "get_navigation", "navigation"), (mkdocs_build, "_populate_page", "pages: Markdown"),
        (mkdocs_build.Files, "copy_static_files", "static files"), (mkdocs_build, "_build_page", "pages: theme"),
        (mkdocs_build, "_build_theme_template", "theme templates"),
    ]:
        phases.wrap(owner, name, label)
    from generator.edges.plugin import WartaPlugin
    phases.wrap(WartaPlugin, "on_files", "files")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(content, folder)
        config_path = run.warta_project(folder, Path(scratch) / "project")
        site = Path(scratch) / "site"

        def config() -> Any:
            # As `mkdocs serve` makes it for each build: its own address as the site's.
            made = load_config(config_file=str(config_path), site_dir=str(site))
            made.site_url = URL
            return made

        first = config()
        first.plugins.on_startup(command="serve", dirty=True)
        start = time.perf_counter()
        mkdocs_build.build(first, serve_url=URL, dirty=True)
        print(f"first build {time.perf_counter() - start:.1f} s, RSS {rss_mb():.0f} MB")
        for i, path in enumerate(run.edit_targets(folder, args.saves)):
            path.write_text(run.edited(path, i)[2], encoding="utf-8")
            phases.clear()
            start = time.perf_counter()
            mkdocs_build.build(config(), serve_url=URL, dirty=True)
            total = time.perf_counter() - start
            shown = "  ".join(f"{label} {seconds:.2f}" for label, seconds in phases.seconds.items())
            print(f"save {i + 1}: {total:.2f} s  ({shown}; full passes {phases.full_passes})  RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
