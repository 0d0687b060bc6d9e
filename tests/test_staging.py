"""Publishing the built site: one build at a time, and `site/` always a whole site.

The swap and the lock are tested on `Staging` directly; real `mkdocs build`
runs check that overlapping and killed builds never publish a mixed or a
missing site, and that what deployers keep in `site/` stays.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from generator.core.errors import WartaError
from generator.edges import staging
from generator.edges.staging import Staging

from .conftest import ENV, EVENT, MKDOCS, build, edit, project_copy, snapshot

SITE_FILES = {"index.html": b"lama", "berita/a.html": b"lama"}


def _site(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def _publish(target: Path, files: dict[str, bytes], **options) -> Staging:
    """One build that writes `files` and succeeds."""
    stage = Staging(target, **options)
    _site(stage.folder, files)
    stage.written = True
    assert stage.finish()
    return stage


def _codes(exc: pytest.ExceptionInfo[WartaError]) -> list[str]:
    return [p.code for p in exc.value.problems]


def test_site_is_never_missing_while_builds_are_swapped_in(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _publish(target, SITE_FILES)
    missing, done = [], threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (target / "index.html").exists():
                missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(300):
            _publish(target, {"index.html": str(n).encode()})
    finally:
        done.set()
        watcher.join()
    assert missing == []
    assert (target / "index.html").read_bytes() == b"299"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_deployers_files_in_site_are_kept_and_the_build_wins_on_its_own(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _publish(target, SITE_FILES)
    kept = {".git/HEAD": b"ref: refs/heads/gh-pages\n", ".htaccess": b"Options -Indexes\n",
            ".well-known/security.txt": b"Contact: mailto:tik@contoh.go.id\n"}
    _site(target, kept)
    (target / ".terbaru").symlink_to("berita/a.html")
    _publish(target, {"index.html": b"baru", ".htaccess": b"dari build\n"})
    after = snapshot(target)
    assert after == {".git/HEAD": kept[".git/HEAD"], ".htaccess": b"dari build\n",
                     ".well-known/security.txt": kept[".well-known/security.txt"], "index.html": b"baru"}
    assert os.readlink(target / ".terbaru") == "berita/a.html"  # a link stays a link


def test_leftovers_of_killed_builds_never_fail_or_redirect_a_build(tmp_path: Path) -> None:
    target, victim = tmp_path / "site", tmp_path / "lain"
    _site(victim, {"penting.txt": b"jangan dihapus"})
    # What killed builds leave: the old fixed staging names, unique ones, and
    # a symlink where a staging folder was (it must not be written through).
    (tmp_path / ".site-baru").symlink_to(victim)
    (tmp_path / ".site-lama").mkdir()
    _site(tmp_path / ".site-lama", {"index.html": b"setengah"})
    (tmp_path / ".site-baru-dead").mkdir()
    (tmp_path / ".site-lama-dead").symlink_to(victim)
    (tmp_path / ".site.lock").write_text("999999")
    _publish(target, SITE_FILES)
    assert snapshot(target) == SITE_FILES
    assert snapshot(victim) == {"penting.txt": b"jangan dihapus"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain", "site"]


def test_a_build_killed_between_two_renames_gets_its_old_site_back(tmp_path: Path) -> None:
    # Where the atomic exchange is not available, a kill between the two
    # renames leaves the old site aside; the next build puts it back first.
    target = tmp_path / "site"
    _site(tmp_path / ".site-lama-1234abcd", SITE_FILES)
    stage = Staging(target)
    assert snapshot(target) == SITE_FILES
    stage.finish()  # the build failed: nothing changes
    assert snapshot(target) == SITE_FILES


def test_without_the_atomic_exchange_builds_still_publish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    _publish(target, SITE_FILES)
    _site(target, {".htaccess": b"x"})
    _publish(target, {"index.html": b"baru"})
    assert snapshot(target) == {".htaccess": b"x", "index.html": b"baru"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_second_build_waits_for_the_first_then_gives_up_clearly(tmp_path: Path) -> None:
    target = tmp_path / "site"
    first = Staging(target)
    told: list[str] = []
    began = time.monotonic()
    with pytest.raises(WartaError) as exc:
        Staging(target, wait=1, waiting=told.append)
    assert 1 <= time.monotonic() - began < 5
    assert told == [str(os.getpid())]
    assert _codes(exc) == ["site.busy"]
    assert f"(proses {os.getpid()})" in exc.value.report()
    first.finish()
    Staging(target, wait=0).finish()  # free again


def test_the_lock_of_a_killed_build_blocks_nobody(tmp_path: Path) -> None:
    target = tmp_path / "site"
    code = f"from generator.edges.staging import Staging; from pathlib import Path; s = Staging(Path({str(target)!r})); print(s.folder, flush=True); input()"
    holder = subprocess.Popen([str(Path(os.sys.executable)), "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline()
    with pytest.raises(WartaError):
        Staging(target, wait=0)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    _publish(target, SITE_FILES, wait=0)
    assert snapshot(target) == SITE_FILES


@pytest.mark.parametrize("kind", ["symlink", "file", "mount"])
def test_a_site_dir_no_swap_may_replace_is_refused_and_left_alone(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real, target = tmp_path / "asli", tmp_path / "site"
    _site(real, SITE_FILES)
    if kind == "symlink":
        target.symlink_to(real)
    elif kind == "file":
        target.write_text("bukan folder")
    else:
        real.rename(target)
        monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == target)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WartaError) as exc:
        Staging(target)
    assert _codes(exc) == [f"site.{'not_folder' if kind == 'file' else kind}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert snapshot(target if kind == "mount" else real) == SITE_FILES


def test_an_unwritable_parent_is_said_and_the_site_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    _site(target, SITE_FILES)

    def refused(path, mode=0o777):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(staging.os, "mkdir", refused)
    with pytest.raises(WartaError) as exc:
        Staging(target)
    assert _codes(exc) == ["site.unwritable"]
    assert "Permission denied" in exc.value.report()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert snapshot(target) == SITE_FILES


# Real builds ---------------------------------------------------------------


def _build_command(root: Path, site: Path) -> list[str]:
    return [*MKDOCS, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]


def _variant(base: Path, name: str, old: str, new: str) -> Path:
    """A project copy in base/name whose event says `new` for `old`."""
    folder = base / name
    folder.mkdir()
    root = project_copy(folder)
    edit(root / "content" / EVENT, old, new)
    return root


def test_two_overlapping_builds_publish_exactly_one_whole_build(tmp_path: Path) -> None:
    one = _variant(tmp_path, "satu", "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Qzarina Contoh]")
    two = _variant(tmp_path, "dua", "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Qzarina Contoh, Yohana Contoh]")
    alone = {}
    for root in (one, two):
        assert build(root, tmp_path / f"sendiri-{root.parent.name}").returncode == 0
        alone[root] = snapshot(tmp_path / f"sendiri-{root.parent.name}")
    assert alone[one] != alone[two]
    site = tmp_path / "terbit" / "site"
    runs = [subprocess.Popen(_build_command(root, site), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
            for root in (one, two)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert any("sedang menulis situs ini; menunggu" in err for _, err in results)  # they did overlap
    published = snapshot(site)
    assert published in (alone[one], alone[two])
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_build_killed_mid_way_leaves_the_old_site_whole_and_the_next_build_works(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    _site(site, {".git/HEAD": b"ref: refs/heads/gh-pages\n", ".well-known/security.txt": b"Contact: tik\n"})
    before = snapshot(site)
    edit(root / "content" / EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Qzarina Contoh]")
    run = subprocess.Popen(_build_command(root, site), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".site-baru") and any(p.rglob("*.html")) for p in tmp_path.iterdir()):
        assert run.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert snapshot(site) == before
    began = time.monotonic()
    again = build(root, site)
    assert again.returncode == 0, again.stderr
    assert "menunggu" not in again.stderr and time.monotonic() - began < 120
    html = (site / "berita" / "2025-09-03-bangun-ntt-kupang" / "index.html").read_text()
    assert "sebelas pekerja rentan" in html
    assert (site / ".git" / "HEAD").read_bytes() == before[".git/HEAD"]
    assert (site / ".well-known" / "security.txt").read_bytes() == before[".well-known/security.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proyek", "site"]


def test_a_symlinked_site_dir_is_refused_in_indonesian_without_a_traceback(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    real = tmp_path / "asli"
    _site(real, SITE_FILES)
    (tmp_path / "site").symlink_to(real)
    run = build(root, tmp_path / "site")
    assert run.returncode == 1
    assert "Folder situs ini adalah tautan simbolik (symlink)" in run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(real) == SITE_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asli", "proyek", "site"]


def test_the_staging_module_needs_no_posix_only_module_to_load(monkeypatch) -> None:
    # Windows PCs (many a pemda's) have no fcntl: the module must still import and stage.
    import importlib
    import sys

    monkeypatch.setitem(sys.modules, "fcntl", None)
    module = importlib.reload(importlib.import_module("generator.edges.staging"))
    assert module._NO_FOLLOW >= 0
    importlib.reload(module)
