"""Shared fixtures: the example content folder, loaded once, and editable copies."""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import compose, records
from generator.compose import article, policy, totals
from generator.compose.facts import SiteFacts
from generator.compose.templating import Templates
from generator.compose.writer import Writer

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SLEMAN = ROOT / "examples" / "sleman" / "content"
"""The second example site: one event of every kind, with a logo, an office address and photos."""
TEMPLATES = ROOT / "templates"
EVENT = "events/2025-09-03-bangun-ntt-kupang.yml"


SITE_URL = "https://transparansi.contoh.go.id/"


def writer_for(templates: Path = TEMPLATES) -> Writer:
    """An article writer over a templates folder (the project's by default)."""
    return Writer(Templates([templates]))


def facts_of(content: records.Content, event: records.Event | None = None) -> article.ArticleFacts:
    """The facts of `event`'s article (the first event by default), under the site's own policy."""
    rules = policy.Policy(content.site.privacy.recipient_names)
    return article.facts(event or content.events[0], content, rules, Templates([TEMPLATES]).words)


def composed(content: records.Content, site_url: str | None = SITE_URL,
             templates: Templates | None = None) -> tuple[SiteFacts, dict[str, str]]:
    """The facts of the site and every text page and file Warta hands to MkDocs, by path (images apart: `site.images`)."""
    site, pages = compose.site(content, templates or Templates([TEMPLATES]), site_url=site_url)
    return site, {p.path: p.text for p in pages if isinstance(p.text, str)}


def site_tally(content: records.Content) -> totals.Tally:
    """The figures of the whole site, as the home page states them."""
    f = totals.tables(content)
    return totals.tally(f.recipients, f.payments, f.goods, f.participants)


def downloads(content: records.Content) -> dict[str, str]:
    """The open-data files of a site, by path."""
    return {path: text for path, text in composed(content)[1].items() if path.startswith("data/") and not path.endswith(".md")}


@pytest.fixture(scope="session")
def example() -> records.Content:
    return records.load_content(CONTENT)


@pytest.fixture(scope="session")
def sleman() -> records.Content:
    return records.load_content(SLEMAN)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the example content, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
MKDOCS = [sys.executable, "-m", "mkdocs"]


def project_copy(base: Path) -> Path:
    """A throw-away copy of the project's site sources (config, content, templates) in base/proyek."""
    root = base / "proyek"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    return root


def build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of the project at `root` into `site`."""
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=ENV, timeout=300)


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, for byte-for-byte comparisons."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def figure(text: str, label: str) -> int:
    """The number in the first table row labelled `label` (a figure may link to its rows); 0 if there is none."""
    match = re.search(rf"^\| {re.escape(label)} \| \[?([\d.]+)(?:\]\([^)]*\))? \|", text, re.MULTILINE)
    return int(match[1].replace(".", "")) if match else 0


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there, once) by `new` in a content file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/<module>/<name>, or rewrite it with --update-golden."""

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / request.module.__name__.rsplit(".", 1)[-1] / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"no golden file {path}; run pytest --update-golden and review the diff"
        assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return check


_ROWS = re.compile(r'<details class="abstract warta-rincian" id="([^"]+)">(.*?)</details>', re.DOTALL)


def rows_tables(page: str) -> dict[str, list[dict[str, str]]]:
    """Each collapsed rows table of a page (partials/rincian.j2) by its id: its rows as {column title: cell}.

    A one-row table is written down, column | value.
    """
    def cell(text: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", text))

    out = {}
    for anchor, markup in _ROWS.findall(page):
        heads = re.findall(r'<th scope="col">(.*?)</th>', markup)
        if heads:
            out[anchor] = [dict(zip(map(cell, heads), map(cell, re.findall(r"<td>(.*?)</td>", row))))
                           for row in re.findall(r"<tr>\s*(<td>.*?)</tr>", markup, re.DOTALL)]
        else:
            out[anchor] = [{cell(k): cell(v) for k, v in re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', markup)}]
    return out


def search_records(site: Path) -> list[dict]:
    """What the built site's search index holds: one record (url, content, filters, meta) per indexed page.

    Pagefind keeps each page's text in a gzipped "fragment" file after a
    fixed signature, as JSON.
    """
    signature = b"pagefind_dcd"
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(signature), path
        records.append(json.loads(data[len(signature):]))
    return records
