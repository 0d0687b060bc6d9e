"""What one build keeps for the next (.cache/warta): the same bytes out, whatever the cache holds."""

from __future__ import annotations

import shutil
from typing import Any
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from generator.core import cache, parallel, privacy
from generator.edges.rendered import Renderer

from .conftest import ROOT, build, edit, snapshot

SLEMAN = ROOT / "examples" / "sleman"


def _sleman_copy(base: Path) -> Path:
    root = base / "proyek"
    shutil.copytree(SLEMAN, root, ignore=shutil.ignore_patterns("site", ".cache"))
    return root


def _cold(root: Path, site: Path) -> dict[str, bytes]:
    shutil.rmtree(root / ".cache", ignore_errors=True)
    run = build(root, site)
    assert run.returncode == 0, run.stderr
    return snapshot(site)


def _warm(root: Path, site: Path) -> dict[str, bytes]:
    run = build(root, site)
    assert run.returncode == 0, run.stderr
    return snapshot(site)


def _store(root: Path, kind: str) -> cache.Store:
    return cache.Store(root / ".cache" / "warta" / f"{kind}.sqlite", "")


def _entries(root: Path, kind: str) -> list[str]:
    store = _store(root, kind)
    try:
        return store.keys()
    finally:
        store.close()


def test_warm_and_edited_builds_are_byte_identical_to_cold_ones(tmp_path: Path) -> None:
    root, site = _sleman_copy(tmp_path), tmp_path / "site"
    cold = _cold(root, site)
    html, lint = _entries(root, "html"), _entries(root, "lint")
    assert len(html) >= 20 and len(lint) >= 40
    assert _warm(root, site) == cold
    # The warm build read its entries back and wrote no new ones.
    assert _entries(root, "html") == html and _entries(root, "lint") == lint

    # An edit to one event and the removal of another move articles,
    # listings and totals: the build that reuses the rest equals a cold one.
    edit(root / "content" / "events" / "2025-10-08-pangan-posyandu-godean.yml", "telur, quantity: 20", "telur, quantity: 25")
    (root / "content" / "events" / "2025-10-27-rapat-stunting.yml").unlink()
    edited = _warm(root, site)
    assert edited != cold
    assert not any(path.startswith("berita/") and "rapat-stunting" in path for path in edited)
    assert _cold(root, tmp_path / "again") == edited
    # Entries of the pages that are no more were pruned, not kept for ever.
    assert set(_entries(root, "html")) != set(html)


def test_a_torn_or_foreign_entry_is_worked_out_again(tmp_path: Path) -> None:
    root, site = _sleman_copy(tmp_path), tmp_path / "site"
    cold = _cold(root, site)
    for kind in ("html", "lint", "records", "articles"):
        store = _store(root, kind)
        for number, key in enumerate(store.keys()):
            store.put(key, [b"", b"{", b"[1, 2]", b'{"html": 1}', b"\xff\xfe"][number % 5])
        store.close()
    assert _warm(root, site) == cold
    # A whole file that is no database is a cache that is not there.
    (root / ".cache" / "warta" / "html.sqlite").write_bytes(b"not a database" * 100)
    assert _warm(root, site) == cold


def test_a_link_to_a_page_gone_since_still_fails_the_build(tmp_path: Path) -> None:
    root, site = _sleman_copy(tmp_path), tmp_path / "site"
    pages = root / "content" / "pages"
    (pages / "tautan.md").write_text("# Tautan\n\n[Tentang kami](tentang.md)\n", encoding="utf-8")
    _cold(root, site)
    (pages / "tentang.md").unlink()
    # The page that links is unchanged, so its HTML is in the cache; its
    # link is resolved again, and MkDocs' warning fails the strict build.
    run = build(root, site)
    assert run.returncode != 0
    assert "tautan.md' contains a link 'tentang.md'" in run.stderr


def test_a_cold_build_says_each_broken_link_once(tmp_path: Path) -> None:
    # A cold build converts its pages on worker processes before MkDocs
    # asks for them; what MkDocs says of a link is said by the build, once.
    root, site = _sleman_copy(tmp_path), tmp_path / "site"
    (root / "content" / "pages" / "tautan.md").write_text("# Tautan\n\n[Hilang](hilang.md)\n", encoding="utf-8")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    run = build(root, site)
    assert run.returncode != 0
    assert run.stderr.count("tautan.md' contains a link 'hilang.md'") == 1, run.stderr


def test_the_cache_key_moves_with_a_template(tmp_path: Path) -> None:
    root, site = _sleman_copy(tmp_path), tmp_path / "site"
    footer = root / "templates" / "partials" / "footer.j2"
    footer.parent.mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "partials" / "footer.j2", footer)
    _cold(root, site)
    before = set(_entries(root, "html"))
    footer.write_text(footer.read_text(encoding="utf-8").replace("hak jawab", "hak  jawab", 1), encoding="utf-8")
    changed = _warm(root, site)
    assert changed == _cold(root, tmp_path / "again")
    # Every key moved, so nothing made with the old footer was reused.
    assert before.isdisjoint(_entries(root, "html"))


@pytest.fixture
def pages_project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Beranda\n\n## Bagian *satu* {#satu}\n\n[b](b.md#dua) [hilang](hilang.md) [luar](https://x.id) "
        "![foto](gambar.png) [diri](#satu) [rujukan][ref]\n\n<div id=\"kotak\" markdown>\n**tebal**\n</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        "\n[ref]: https://x.id/rujukan\n",
        encoding="utf-8")
    (docs / "b.md").write_text("Tanpa judul\n\n## Dua\n", encoding="utf-8")
    # The same headings again, and a reference only index.md defines: one
    # converter serves every page, and nothing of one page may reach the next.
    (docs / "c.md").write_text("# Beranda\n\n## Dua\n\n## Bagian *satu*\n\n[b](b.md#dua) [rujukan][ref]\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Uji\nmarkdown_extensions:\n  - toc\n  - tables\n  - attr_list\n  - md_in_html\n", encoding="utf-8")
    return tmp_path


def test_the_renderer_converts_as_mkdocs_does(pages_project: Path, tmp_path: Path) -> None:
    """On a miss and on a hit, a page gets what MkDocs' own Page.render gives it."""
    config = load_config(str(pages_project / "mkdocs.yml"))
    files = get_files(config)
    store = cache.Store(tmp_path / "html.sqlite", "salt")
    for attempt in ("miss", "hit"):
        renderer = Renderer.for_config(store, config)
        _renders_as_mkdocs(renderer, config, files)
        assert renderer.hits == (3 if attempt == "hit" else 0)


def _renders_as_mkdocs(renderer: Renderer, config: Any, files: Any) -> None:
    """Each page through `renderer` gets what MkDocs' own Page.render gives it: content, toc, title, anchors, links to anchors."""
    for file in files.documentation_pages():
        theirs, ours = Page(None, file, config), Page(None, file, config)
        for page in (theirs, ours):
            page.read_source(config)
        theirs.render(config, files)
        renderer.attach(ours)
        ours.render(config, files)
        assert (ours.content, str(ours.toc), ours.title) == (theirs.content, str(theirs.toc), theirs.title)
        assert ours.present_anchor_ids == theirs.present_anchor_ids
        assert ours.links_to_anchors == theirs.links_to_anchors


def test_pages_converted_ahead_on_every_core_are_what_mkdocs_converts(pages_project: Path, tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    docs = pages_project / "docs"
    for number in range(parallel.FEW):  # enough pages for the workers
        (docs / f"p{number:02d}.md").write_text(f"# Halaman {number}\n\n[b](b.md#dua) [hilang](hilang.md)\n\n## Dua\n", encoding="utf-8")
    config = load_config(str(pages_project / "mkdocs.yml"))
    files = get_files(config)
    pages = files.documentation_pages()
    store = cache.Store(tmp_path / "html.sqlite", "salt")
    renderer = Renderer.for_config(store, config)

    def two(job: Any) -> parallel.Cores[Any, Any]:
        return parallel.Cores(job, workers=2)

    with caplog.at_level("INFO", logger="mkdocs.structure.pages"):
        assert renderer.convert_ahead(files, config, two) == len(pages)
        _renders_as_mkdocs(renderer, config, files)
    assert renderer.hits == len(pages)
    said = [record.getMessage() for record in caplog.records if "hilang.md" in record.getMessage()]
    # Each page's warning twice: once from MkDocs' Page.render, once from the renderer's check of its entry.
    assert len(said) == 2 * (parallel.FEW + 1)
    # Converted already: nothing is converted twice.
    assert renderer.convert_ahead(files, config, two) == 0


LEAKY = [
    ("berita/a/index.html", "<p>Hadir Ani Ledo dan Yohana Bria.</p><p>NIK 5371012345678901</p>"),
    ("berita/b/index.html", "<p>Ibu <b>Maria</b> Goreti Ulu menerima kartu.</p>"),
    ("data/c.csv", "nama,jumlah\nYohana Bria,3\n"),
    ("berita/d/index.html", "<p>Tidak ada nama di sini.</p>"),
]


def test_the_lint_finds_with_a_store_what_it_finds_without(tmp_path: Path) -> None:
    store = cache.Store(tmp_path / "lint.sqlite", "salt")
    for names in ([], ["Ani Ledo"], ["Ani Ledo", "Maria Goreti Ulu"], ["Yohana Bria", "Maria Goreti Ulu"], []):
        # The same files each time: from the second call on, every reading
        # comes from the store, and a name new since is still found.
        without = privacy.lint(LEAKY, names)
        assert privacy.lint(LEAKY, names, store=store) == without
        assert privacy.lint(LEAKY, names, store=store) == without
    assert {leak.kind for leak in privacy.lint(LEAKY, ["Yohana Bria"], store=store)} == {"nik", "name"}


def test_the_names_that_could_match_need_every_word() -> None:
    index = privacy.NameIndex(["Maria Goreti Ulu"])
    assert index.could_match({"maria", "goreti", "ulu", "kartu"})
    # A pair of a three-word name is enough for the lint, so it is for the filter.
    assert index.could_match({"goreti", "ulu"})
    assert not index.could_match({"maria", "kartu"})


def test_the_ci_of_a_new_site_keeps_the_cache_between_runs() -> None:
    import yaml

    from generator.compose.templating import Templates
    from generator.core import wilayah
    from generator.edges import init

    files = init.skeleton(wilayah.region("53.71"), Templates.for_site(None), "2026-01-05").files
    github = yaml.safe_load(files[".github/workflows/terbit.yml"])
    steps = github["jobs"]["periksa"]["steps"]
    kept = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert kept["with"]["path"] == ".cache/warta" and kept["with"]["restore-keys"] == "warta-"
    # Restored before the build, so the build finds it.
    assert steps.index(kept) < next(i for i, step in enumerate(steps) if "mkdocs build" in step.get("run", ""))
    assert yaml.safe_load(files[".gitlab-ci.yml"])["cache"]["paths"] == [".cache/warta/"]


def test_a_pages_html_waits_in_the_cache_between_conversion_and_template(pages_project: Path, tmp_path: Path) -> None:
    config = load_config(str(pages_project / "mkdocs.yml"))
    files = get_files(config)
    store = cache.Store(tmp_path / "html.sqlite", "salt")
    renderer = Renderer.for_config(store, config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    renderer.attach(page)
    page.render(config, files)
    html = page.content
    assert html and "<strong>tebal</strong>" in html
    # What another plugin changed stays in memory: the entry is not what the page shows.
    assert renderer.set_aside(page, html + "<p>tambahan</p>") == html + "<p>tambahan</p>"
    assert renderer.set_aside(page, html) == ""
    page.content = ""
    renderer.restore(page)
    assert page.content == html
    renderer.drop(page)
    assert page.content == ""
    # A page is never written without its text.
    store.close()
    store.path.unlink()
    with pytest.raises(RuntimeError, match="index.md"):
        renderer.restore(page)


def test_the_cache_never_writes_or_reads_through_a_symlink(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "html.sqlite").symlink_to(elsewhere / "html.sqlite")
    store = cache.Store(tmp_path / "cache" / "html.sqlite", "salt")
    key = store.key("a")
    assert not store.put(key, b"x") and store.get(key) is None
    (tmp_path / "linked").symlink_to(elsewhere)
    assert not cache.Store(tmp_path / "linked" / "html.sqlite", "salt").put(key, b"x")
    assert list(elsewhere.iterdir()) == []
    # A planted shard link among the page files: files behind it are neither used nor pruned.
    pages = cache.Folder(tmp_path / "pages", "salt")
    key = pages.key("b")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / key[:2]).symlink_to(elsewhere)
    (elsewhere / key).write_bytes(b"forged")
    assert pages.keep(key, b"real") is None
    pages.prune()
    assert (elsewhere / key).read_bytes() == b"forged"
    assert cache.Folder(tmp_path / "other", "salt").keep(key, b"real").read_bytes() == b"real"


def test_the_lint_on_every_core_finds_what_one_process_finds(tmp_path: Path) -> None:
    # Enough files for the lint to read them on worker processes, each kind
    # of finding among them, and lines that recur across files (the memos).
    files = [(f"berita/{i:03d}/index.html", text + f"<p>Berita nomor {i}.</p>") for i in range(150)
             for text in (LEAKY[i % len(LEAKY)][1],)]
    files += [(path, text) for path, text in LEAKY]  # more than parallel.FEW: read by workers
    names = ["Ani Ledo", "Maria Goreti Ulu", "Yohana Bria"]
    def two(job: Any) -> parallel.Cores[Any, Any]:
        return parallel.Cores(job, workers=2)

    alone = privacy.lint(files, names)
    assert alone and {leak.kind for leak in alone} == {"nik", "name"}
    assert privacy.lint(files, names, spread=two) == alone
    store = cache.Store(tmp_path / "lint.sqlite", "salt")
    assert privacy.lint(files, names, store=store, spread=two) == alone
    assert privacy.lint(files[::-1], names, store=store, spread=two) == privacy.lint(files[::-1], names)
