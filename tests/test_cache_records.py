"""The build cache of parsed records and written articles: warm gives exactly what cold gives.

A cache that changed a single byte of the output would be worse than none,
so every test compares a load (or a composition) through the cache with
one without it, after no change, after an edit, and with broken entries.
"""

from __future__ import annotations

import importlib
import pickle
import shutil
from pathlib import Path

import pytest

from generator import records
from generator.core.cache import Store
from generator.records import kept, reading

from .conftest import SLEMAN, edit

# The module, not the function `records.load` the package exports under its name.
load = importlib.import_module("generator.records.load")
SALT = "test"
EVENT = "events/2025-10-06-kartu-jamkesda-gamping.yml"


@pytest.fixture
def sleman_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SLEMAN, target)
    return target


def _loaded(root: Path, store: Store | None) -> records.Loading:
    return records.load(root, store=store)


def _entries(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*/*")}


def _same(a: records.Loading, b: records.Loading) -> None:
    assert a.content == b.content
    assert a.problems == b.problems
    assert [p.params for p in a.problems] == [p.params for p in b.problems]
    assert a.event_files == b.event_files and a.drafts == b.drafts


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again although the cache holds the file")

    monkeypatch.setattr(load, "parse_yaml", refuse)


def test_a_warm_load_is_the_cold_load_without_parsing(sleman_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    plain = _loaded(sleman_dir, None)
    cold = _loaded(sleman_dir, Store(folder, SALT))
    assert len(_entries(folder)) == len(list(sleman_dir.rglob("*.yml")))
    _no_parsing(monkeypatch)
    warm = _loaded(sleman_dir, Store(folder, SALT))
    _same(plain, cold)
    _same(plain, warm)
    # What rules and messages read off a parsed file beyond the records.
    assert [e.written_at for e in warm.content.events] == [e.written_at for e in plain.content.events]
    assert [e.slug for e in warm.content.events] == [e.slug for e in plain.content.events]


def test_one_edited_event_is_the_only_file_parsed_again(sleman_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _loaded(sleman_dir, Store(folder, SALT))
    before = _entries(folder)
    edit(sleman_dir / EVENT, "{name: Pendapa Parasamya,", "{name: Pendopo Parasamya,")
    parsed: list[str] = []
    original = load.parse_yaml

    def counted(raw: bytes, display: str, record: str = "") -> reading.Parsed:
        parsed.append(display)
        return original(raw, display, record)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "parse_yaml", counted)
        warm = _loaded(sleman_dir, Store(folder, SALT))
    assert parsed == [f"{sleman_dir}/{EVENT}"]
    assert len(_entries(folder) - before) == 1
    _same(_loaded(sleman_dir, None), warm)
    assert "Pendopo Parasamya" in {e.venue.name for e in warm.content.events}


def test_a_broken_file_gives_the_same_problems_warm(sleman_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    edit(sleman_dir / EVENT, "kind: penyerahan", "kind: penyerahan\nkind: rapat\nfoo: [")
    (sleman_dir / "events" / "2025-10-07-kosong.yml").write_text("# nothing yet\n")
    cold = _loaded(sleman_dir, Store(folder, SALT))
    warm = _loaded(sleman_dir, Store(folder, SALT))
    assert cold.problems
    _same(_loaded(sleman_dir, None), cold)
    _same(cold, warm)


@pytest.mark.parametrize("damage", ["empty", "torn", "garbage", "foreign", "wrong type"])
def test_a_damaged_entry_is_a_miss(sleman_dir: Path, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    _loaded(sleman_dir, Store(folder, SALT))
    ran = tmp_path / "ran"
    # An entry that would run code if it were unpickled as pickle allows.
    foreign = b"cos\nsystem\n(S'touch " + str(ran).encode() + b"'\ntR."
    for entry in folder.glob("*/*"):
        data = entry.read_bytes()
        entry.write_bytes({
            "empty": b"",
            "torn": data[: len(data) // 2],
            "garbage": b"\x80\x05not a pickle at all",
            "foreign": foreign,
            "wrong type": pickle.dumps({"not": "parsed"}),
        }[damage])
    warm = _loaded(sleman_dir, Store(folder, SALT))
    _same(_loaded(sleman_dir, None), warm)
    assert not ran.exists()
    # The damaged entries were written again, whole.
    assert all(isinstance(kept.unpack(p.read_bytes()), reading.Parsed) for p in folder.glob("*/*"))


def test_the_unpickler_builds_only_the_readers_classes() -> None:
    assert kept.unpack(pickle.dumps(Path("/etc/passwd"))) is None
    assert kept.unpack(pickle.dumps(reading.Path)) is None  # imported into reading, not defined there
    parsed = reading.parse_yaml(b"a: [1, {b: c}]\n", "x.yml", "Event")
    again = kept.unpack(kept.pack(parsed))
    assert again == parsed and again.data["a"][1].source == parsed.data["a"][1].source


def test_another_salt_or_path_is_another_entry(sleman_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    _loaded(sleman_dir, Store(folder, SALT))
    first = _entries(folder)
    _loaded(sleman_dir, Store(folder, "another Warta"))
    assert not first & (_entries(folder) - first) and len(_entries(folder)) == 2 * len(first)
    # Problems name files by the path they were read at: a moved folder is parsed again.
    moved = tmp_path / "moved"
    shutil.copytree(sleman_dir, moved)
    _same(_loaded(moved, None), _loaded(moved, Store(folder, SALT)))
