"""What staff can type or leave in the folder: every attempt a message, never a traceback or a hang.

Each attempt runs the real ``warta`` command on a copy of the project
(in a subprocess, so a hang is caught by its timeout) and must exit 1
(2 for bad usage) with an Indonesian message naming the path, and write
nothing anywhere. The content-folder cases of a real build are in the
corpus (tests/bad_inputs/).
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.edges.cli import main

from .conftest import ENV, EVENT, ROOT

Setup = Callable[[Path], None]


def _nothing(root: Path) -> None:
    pass


def _mkdir(name: str) -> Setup:
    return lambda root: (root / name).mkdir()


def _write(name: str, data: bytes) -> Setup:
    return lambda root: (root / name).write_bytes(data)


def _symlink(name: str, to: str) -> Setup:
    return lambda root: os.symlink(to, root / name)


def _fifo(name: str) -> Setup:
    return lambda root: os.mkfifo(root / name)


def _rename(name: str, to: str) -> Setup:
    return lambda root: (root / name).rename(root / to)


# (name, setup inside the project, argv, exit code, text the message names)
ATTEMPTS: list[tuple[str, Setup, list[str], int, str]] = [
    ("render_missing_file", _nothing, ["render", "content/events/2025-01-01-tidak-ada.yml"], 1,
     "content/events/2025-01-01-tidak-ada.yml: Berkas ini tidak ada"),
    ("render_a_directory", _mkdir("content/events/folder.yml"), ["render", "content/events/folder.yml"], 1,
     "content/events/folder.yml: Berkas ini bukan catatan kegiatan"),
    ("render_a_binary_file", _write("content/events/foto.bin", bytes(range(256))), ["render", "content/events/foto.bin"], 1,
     "content/events/foto.bin: Berkas ini bukan catatan kegiatan"),
    ("render_a_binary_record", _write("content/events/2025-09-04-biner.yml", b"\xff\xfe\x00\x01" * 64),
     ["render", "content/events/2025-09-04-biner.yml"], 1, "content/events/2025-09-04-biner.yml:1: Berkas bukan teks UTF-8"),
    ("render_outside_content", _write("catatan.yml", b"title: x\n"), ["render", "catatan.yml"], 1,
     "catatan.yml: Berkas ini bukan catatan kegiatan di folder content/events"),
    ("render_name_with_trailing_newline", _nothing, ["render", f"content/{EVENT}\n"], 1,
     f"content/{EVENT}<U+000A>: Berkas ini tidak ada"),
    ("render_a_symlink", _symlink("content/events/2025-09-04-x.yml", "../site.yml"), ["render", "content/events/2025-09-04-x.yml"], 1,
     "content/events/2025-09-04-x.yml: Ini tautan (symlink)"),
    ("render_out_where_no_folder_can_be", _nothing, ["render", f"content/{EVENT}", "--out", "content/site.yml/x.md"], 1,
     "content/site.yml/x.md: Warta tidak dapat menulis di sini"),
    ("new_slug_climbing_out", _nothing, ["new", "--date", "2025-10-01", "--slug", "../../../x"], 1,
     "'../../../x' tidak dapat menjadi nama berkas kegiatan"),
    ("new_slug_with_spaces", _nothing, ["new", "--date", "2025-10-01", "--slug", "Bantuan Beras"], 1,
     "Mungkin maksud Anda 'bantuan-beras'?"),
    ("new_slug_with_newline", _nothing, ["new", "--date", "2025-10-01", "--slug", "beras\n"], 1,
     "content/events/2025-10-01-beras<U+000A>.yml: 'beras<U+000A>'"),
    ("init_where_no_folder_can_be", _nothing, ["init", "content/site.yml/baru", "--region", "53.71"], 1,
     "content/site.yml/baru/"),
    ("check_pipe_among_pages", _fifo("content/pages/pipa.md"), ["check"], 1, "content/pages/pipa.md: Ini bukan berkas biasa"),
    ("check_pipe_as_event", _fifo("content/events/2025-09-04-pipa.yml"), ["check"], 1,
     "content/events/2025-09-04-pipa.yml: Ini bukan berkas biasa"),
    ("render_beside_a_pipe", _fifo("content/events/2025-09-04-pipa.yml"), ["render", f"content/{EVENT}"], 1,
     "content/events/2025-09-04-pipa.yml: Ini bukan berkas biasa"),
    ("check_event_linked_to_dev_zero", _symlink("content/events/2025-09-04-nol.yml", "/dev/zero"), ["check"], 1,
     "content/events/2025-09-04-nol.yml: Ini tautan (symlink)"),
    ("check_symlink_loop", _symlink("content/events/2025-09-04-loop.yml", "2025-09-04-loop.yml"), ["check"], 1,
     "content/events/2025-09-04-loop.yml: Ini tautan (symlink)"),
    ("check_page_linked_to_git_config", _symlink("content/pages/x.txt", "../../.git/config"), ["check"], 1,
     "content/pages/x.txt: Ini tautan (symlink)"),
    ("check_event_name_with_trailing_newline", _rename(f"content/{EVENT}", f"content/{EVENT}\n"), ["check"], 1,
     f"content/{EVENT}<U+000A>: Nama berkas ini memuat karakter yang tidak terlihat"),
    ("render_with_unknown_format", _nothing, ["render", f"content/{EVENT}", "--format", "pdf"], 2, "--format"),
]


def _tree(root: Path) -> set[str]:
    """Every name below `root`, symlinks and pipes included, never opened or followed."""
    return {os.path.relpath(os.path.join(folder, name), root)
            for folder, dirs, files in os.walk(root) for name in (*dirs, *files)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proyek"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


@pytest.mark.parametrize(("name", "setup", "argv", "code", "names"), ATTEMPTS, ids=[a[0] for a in ATTEMPTS])
def test_every_attempt_is_a_message_naming_the_path(project: Path, name: str, setup: Setup, argv: list[str],
                                                    code: int, names: str) -> None:
    setup(project)
    before = _tree(project.parent)
    run = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=project, capture_output=True, text=True,
                         env=ENV, timeout=60)
    assert "Traceback" not in run.stderr
    assert run.returncode == code, run.stderr
    assert names in run.stderr
    assert _tree(project.parent) == before  # nothing written, inside content/ or out of it


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Refuse opening `denied` as a file the process may not read would (chmod 000: root reads it anyway)."""
    def refusing(real: Callable[..., object]) -> Callable[..., object]:
        def opener(path: object, *args: object, **kwargs: object) -> object:
            if isinstance(path, (str, Path)) and Path(path).absolute() == denied.absolute():
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)
        return opener

    # Both ways a file is opened: os.open and io.open (behind Path.read_bytes).
    monkeypatch.setattr(os, "open", refusing(os.open))
    monkeypatch.setattr(io, "open", refusing(io.open))


@pytest.mark.parametrize("argv", [["check"], ["render", f"content/{EVENT}"]], ids=["check", "render"])
@pytest.mark.parametrize("denied", ["content/site.yml", f"content/{EVENT}", "content/programs/bangun-ntt.yml"])
def test_a_record_warta_may_not_read_is_named(project: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                                              argv: list[str], denied: str) -> None:
    monkeypatch.chdir(project)
    _deny(monkeypatch, project / denied)
    assert main([*argv]) == 1
    err = capsys.readouterr().err
    assert f"{denied}: Warta tidak diizinkan membaca berkas atau folder ini" in err
