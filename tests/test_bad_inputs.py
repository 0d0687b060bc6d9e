"""The bad-input corpus: broken and hostile content, each with its exact report.

Every case is one file in ``tests/bad_inputs/``, named for what it breaks.
A case starts from a copy of the example content, applies its ``steps``,
and states the exact ``path:line: pesan`` lines the loader must report
(paths relative to the content folder), or none for inputs that look odd but
are right (a byte-order mark, ``10:30`` unquoted), with the values they must
load as. Cases marked ``build: true`` also run a real ``mkdocs build`` on a
project that had a good build first: it must fail with the same lines and
leave ``site/`` byte for byte as it was, with no staging folder behind.

Steps (each a mapping, applied in order; FILE is relative to the content folder):

* ``patch: FILE, old, new`` replaces ``old`` (present exactly once) by ``new``;
  ``encoding`` writes the result in that encoding instead of UTF-8.
* ``write: FILE, text`` (optional ``encoding``) writes a whole file.
* ``append: FILE, text`` (optional ``repeat`` x ``times``) adds to a file.
* ``delete: FILE``; ``rename: FILE, to: FILE``; ``crlf: FILE`` (Windows line ends).
* ``symlink: FILE, to: TARGET`` makes FILE a symlink to TARGET (as written);
  ``fifo: FILE`` makes it a named pipe.
* ``grow: FILE, size`` pads a file with comment lines to ``size`` bytes
  (the 50 MB file is made here, in tmp, not stored in the repository).

Other keys: ``today`` (for the future-date horizon), ``stage: pages`` (the
problem is found while composing pages, after loading), ``max_seconds``
(the loader must answer this fast), ``values`` (dotted path -> ``str`` of the
loaded value, for accepted inputs), ``note`` (why the case exists).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import records
from generator.core.errors import Problem, WartaError, format_problem, report_lines

from .conftest import CONTENT, build, composed, project_copy, snapshot

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(CORPUS.glob("*.yml"))


def load_case(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def apply_steps(root: Path, steps: list[Mapping[str, Any]]) -> None:
    """Break the content folder `root` as the case's steps say."""
    for step in steps:
        if "patch" in step:
            path = root / step["patch"]
            text = path.read_text(encoding="utf-8")
            assert text.count(step["old"]) == 1, f"{step['old']!r} is not in {path} exactly once"
            path.write_bytes(text.replace(step["old"], step["new"]).encode(step.get("encoding", "utf-8")))
        elif "write" in step:
            path = root / step["write"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(step["text"].encode(step.get("encoding", "utf-8")))
        elif "append" in step:
            path = root / step["append"]
            extra = step["text"] + step.get("repeat", "") * step.get("times", 0)
            path.write_bytes(path.read_bytes() + extra.encode("utf-8"))
        elif "delete" in step:
            (root / step["delete"]).unlink()
        elif "rename" in step:
            (root / step["rename"]).rename(root / step["to"])
        elif "symlink" in step:
            os.symlink(step["to"], root / step["symlink"])
        elif "fifo" in step:
            os.mkfifo(root / step["fifo"])
        elif "crlf" in step:
            path = root / step["crlf"]
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        elif "grow" in step:
            path = root / step["grow"]
            line = b"# " + b"x" * 97 + b"\n"
            with path.open("ab") as handle:
                missing = step["size"] - path.stat().st_size
                handle.write(line * (missing // len(line)))
                handle.write(b"#" * (missing % len(line)))
            assert path.stat().st_size == step["size"]
        else:
            raise AssertionError(f"unknown step {step}")


def problems_of(root: Path, case: Mapping[str, Any]) -> tuple[tuple[Problem, ...], records.Content | None]:
    """The problems `root` has, and the content if none."""
    today = case.get("today")
    try:
        content = records.load_content(root, today=date.fromisoformat(str(today)) if today else None)
        if case.get("stage") == "pages":
            composed(content)
    except WartaError as exc:
        return exc.problems, None
    return (), content


def report(root: Path, case: Mapping[str, Any]) -> tuple[list[str], records.Content | None]:
    """The problems `root` has, as the case states them (one line each), and the content if none."""
    problems, content = problems_of(root, case)
    return [format_problem(p).removeprefix(f"{root}/") for p in problems], content


def value_at(content: object, dotted: str) -> object:
    value = content
    for part in dotted.split("."):
        if isinstance(value, Mapping):
            value = value[part]
        elif isinstance(value, (tuple, list)):
            value = value[int(part)]
        else:
            value = getattr(value, part)
    return value


def test_corpus_is_large_and_every_case_is_complete() -> None:
    assert len(CASES) >= 60
    for path in CASES:
        case = load_case(path)
        assert set(case) <= {"note", "steps", "expect", "values", "today", "stage", "build", "max_seconds"}, path.name
        assert case.get("note") and "expect" in case, f"{path.name}: every case says why, and what it must report"
        assert case["expect"] or case.get("values"), f"{path.name}: an accepted input states the values it loads as"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_loader_reports_exactly_the_expected_problems(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    apply_steps(root, case["steps"])
    started = time.perf_counter()
    problems, content = report(root, case)
    elapsed = time.perf_counter() - started
    assert problems == case["expect"]
    for dotted, expected in (case.get("values") or {}).items():
        assert str(value_at(content, dotted)) == str(expected), dotted
    if "max_seconds" in case:
        assert elapsed < case["max_seconds"], f"took {elapsed:.2f} s"


# --------------------------------------------------------------------------
# The same inputs through a real `mkdocs build`: nothing is published.

# Every refused case also goes through a real build, except those whose
# verdict depends on a fixed "today" (the build uses the real date) unless
# the case says its verdict holds for any date.
BUILT_CASES = [
    p for p in CASES
    if load_case(p).get("expect") and (load_case(p).get("build") or "today" not in load_case(p))
]


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project copy with a good build in its site/, and that site's bytes."""
    base = tmp_path_factory.mktemp("gut")
    root = project_copy(base)
    run = build(root, base / "site")
    assert run.returncode == 0, run.stderr
    return base, snapshot(base / "site")


def test_every_refused_case_also_fails_a_real_build() -> None:
    stems = {p.stem for p in BUILT_CASES}
    assert len(stems) >= 100
    assert {"event_with_unclosed_quote", "pii_nik_in_recipient_name", "event_with_unknown_program", "event_of_50_megabytes"} <= stems


@pytest.mark.parametrize("path", BUILT_CASES, ids=[p.stem for p in BUILT_CASES])
def test_real_build_fails_and_leaves_site_untouched(path: Path, tmp_path: Path, good_build: tuple[Path, dict[str, bytes]]) -> None:
    base, before = good_build
    shutil.copytree(base, tmp_path, dirs_exist_ok=True)
    root, site = tmp_path / "proyek", tmp_path / "site"
    case = load_case(path)
    apply_steps(root / "content", case["steps"])
    run = build(root, site)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    shown = run.stderr.replace(f"{root / 'content'}/", "")
    # The build says what `warta check` says: a mistake repeated on many lines once.
    problems, _ = problems_of(root / "content", case)
    assert [format_problem(p).removeprefix(f"{root / 'content'}/") for p in problems] == case["expect"]
    for line in report_lines(problems):
        assert line.replace(f"{root / 'content'}/", "") in shown
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proyek", "site"]  # no staging folder left
