"""The pre-commit hook a site's repository uses to refuse bad records."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from pre_commit.clientlib import load_manifest

from .conftest import EVENT, ROOT, edit


def test_manifest_is_valid_for_pre_commit() -> None:
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "warta-check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the check needs the whole folder
    assert hook["files"] == "^content/"


def test_hook_entry_refuses_personal_data_and_passes_clean_records(tmp_path: Path, content_dir: Path) -> None:
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    command, *args = shlex.split(hook["entry"])
    assert command == "warta"  # the console script the package installs
    run = [sys.executable, "-m", "generator", *args]  # same entry point, no PATH needed
    site_repo = content_dir.parent  # pre-commit runs the hook at the repository root
    assert subprocess.run(run, cwd=site_repo, capture_output=True, text=True).returncode == 0
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati 0812-3456-7890]")
    refused = subprocess.run(run, cwd=site_repo, capture_output=True, text=True)
    assert refused.returncode == 1
    assert f"content/{EVENT}:18: Penerima ke-1 di Kecamatan Oebobo memuat nomor telepon." in refused.stderr
