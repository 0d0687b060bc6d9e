"""The build cache of parsed records and written articles: warm gives exactly what cold gives.

A cache that changed a single byte of the output would be worse than none,
so every test compares a load (or a composition) through the cache with
one without it, after no change, after an edit, and with broken entries.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pickle
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator import compose, records
from generator.compose.contexts import ArticleContext, DescriptionContext, HeadlineContext
from generator.compose.templating import Templates
from generator.core import canonical
from generator.core.cache import Store
from generator.records import kept, reading

from .conftest import EVENT as CONTENT_EVENT
from .conftest import ROOT, SITE_URL, SLEMAN, TEMPLATES, build, edit, project_copy, snapshot

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


def _held(path: Path) -> dict[str, bytes]:
    """Every entry of the store file at `path`, by key."""
    store = Store(path, "")
    try:
        return {key: store.get(key) or b"" for key in store.keys()}
    finally:
        store.close()


def _entries(path: Path) -> set[str]:
    return set(_held(path))


def _overwrite(path: Path, entries: dict[str, bytes]) -> None:
    store = Store(path, "")
    for key, data in entries.items():
        store.put(key, data)
    store.close()


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
    _overwrite(folder, {key: {
        "empty": b"",
        "torn": data[: len(data) // 2],
        "garbage": b"\x80\x05not a pickle at all",
        "foreign": foreign,
        "wrong type": pickle.dumps({"not": "parsed"}),
    }[damage] for key, data in _held(folder).items()})
    warm = _loaded(sleman_dir, Store(folder, SALT))
    _same(_loaded(sleman_dir, None), warm)
    assert not ran.exists()
    # The damaged entries were written again, whole.
    assert all(isinstance(kept.unpack(data), reading.Parsed) for data in _held(folder).values())


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


# --------------------------------------------------------------------------
# Written articles.


def _pages(content: records.Content, store: Store | None) -> list[tuple[str, object]]:
    site, pages = compose.site(content, Templates([TEMPLATES]), site_url=SITE_URL, articles=store)
    return [(p.path, p.text) for p in pages]


def _article_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article templates rendered from now on, by context class."""
    rendered: list[str] = []
    original = Templates.render

    def counted(self: Templates, context: object, fmt: str = "markdown", **kwargs: object) -> str:
        if isinstance(context, (ArticleContext, HeadlineContext, DescriptionContext)):
            rendered.append(type(context).__name__)
        return original(self, context, fmt, **kwargs)

    monkeypatch.setattr(Templates, "render", counted)
    return rendered


def test_a_warm_composition_is_the_cold_one_without_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = records.load_content(SLEMAN)
    folder = tmp_path / "articles"
    plain = _pages(content, None)
    cold = _pages(content, Store(folder, SALT))
    # One entry for each article's text and one for its headline and description.
    assert len(_entries(folder)) == 2 * len(content.events)
    rendered = _article_renders(monkeypatch)
    warm = _pages(content, Store(folder, SALT))
    assert rendered == []
    assert plain == cold == warm


def test_after_one_edit_only_that_article_is_written(sleman_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    _pages(records.load_content(sleman_dir), Store(folder, SALT))
    before = _entries(folder)
    edit(sleman_dir / EVENT, "{name: Pendapa Parasamya,", "{name: Pendopo Parasamya,")
    content = records.load_content(sleman_dir)
    rendered = _article_renders(monkeypatch)
    warm = _pages(content, Store(folder, SALT))
    assert sorted(rendered) == ["ArticleContext", "DescriptionContext", "HeadlineContext"]
    assert len(_entries(folder) - before) == 2
    monkeypatch.undo()
    assert warm == _pages(content, None)
    assert any("Pendopo Parasamya" in str(text) for _, text in warm)


@pytest.mark.parametrize("damage", ["empty", "flipped", "another entry", "not json"])
def test_a_damaged_article_entry_is_a_miss(tmp_path: Path, damage: str) -> None:
    content = records.load_content(SLEMAN)
    folder = tmp_path / "articles"
    plain = _pages(content, Store(folder, SALT))
    originals = _held(folder)
    other = originals[min(originals)]
    _overwrite(folder, {key: {
        "empty": b"",
        "flipped": data[:-2] + bytes([data[-2] ^ 1]) + data[-1:],
        "another entry": other,
        "not json": data,
    }[damage] for key, data in originals.items()})
    if damage == "not json":
        # A headline-and-description entry sealed right, yet not a pair: still a miss.
        summaries = [key for key, was in originals.items() if was[16:].startswith(b'["')]
        assert len(summaries) == len(content.events)
        _overwrite(folder, {key: hashlib.blake2b(b"[1]", digest_size=16, key=key.encode()[:64]).digest() + b"[1]"
                            for key in summaries})
    assert _pages(content, Store(folder, SALT)) == plain
    assert _pages(content, Store(folder, SALT)) == plain


def test_another_salt_writes_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = records.load_content(SLEMAN)
    folder = tmp_path / "articles"
    _pages(content, Store(folder, SALT))
    rendered = _article_renders(monkeypatch)
    _pages(content, Store(folder, "templates changed"))
    assert rendered.count("ArticleContext") == len(content.events)


_DIGESTS = """
import sys
from generator import records
from generator.compose import article, policy
from generator.compose.templating import Templates
from generator.core import canonical
content = records.load_content(records_root := __import__("pathlib").Path(sys.argv[1]))
rules = policy.Policy(content.site.privacy.recipient_names)
words = Templates([__import__("pathlib").Path(sys.argv[2])]).words
facts = [article.facts(e, content, rules, words) for e in content.events]
print(canonical.digest(facts), canonical.digest({"b": frozenset({"x", "y", "z"}), "a": {3, 1, 2}}))
"""


def test_facts_digests_are_the_same_in_every_process() -> None:
    seen = set()
    for seed in ("0", "1", "4242"):
        run = subprocess.run([sys.executable, "-c", _DIGESTS, str(SLEMAN), str(TEMPLATES)], capture_output=True,
                             text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True, cwd=ROOT)
        seen.add(run.stdout)
    assert len(seen) == 1, seen


def test_canonical_tells_unequal_values_apart() -> None:
    distinct = [("ab", "c"), ("a", "bc"), 1, True, "1", 1.0, Decimal("1.5"), Decimal("1.50"), "1.5", None, (), [None],
                {"a": 1}, {"a": 2}, frozenset({"a"}), ("a",), date(2025, 1, 2), "2025-01-02"]
    assert len({canonical.digest(v) for v in distinct}) == len(distinct)
    event = records.load_content(SLEMAN).events[0]
    assert canonical.digest(event) == canonical.digest(event.model_copy())
    assert canonical.digest(event) != canonical.digest(event.model_copy(update={"activity": "lain"}))
    with pytest.raises(TypeError):
        canonical.digest(object())


def test_facts_canonical_cannot_key_are_written_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = records.load_content(SLEMAN)
    plain = _pages(content, None)
    folder = tmp_path / "articles"

    def refuse(*values: object) -> str:
        raise TypeError("no stable encoding")

    monkeypatch.setattr(canonical, "digest", refuse)
    assert _pages(content, Store(folder, SALT)) == plain
    assert not _entries(folder)


# --------------------------------------------------------------------------
# Whole builds.


def _cached(root: Path) -> dict[str, set[str]]:
    folder = root / ".cache" / "warta"
    return {kind: _entries(folder / f"{kind}.sqlite") for kind in ("records", "articles")}


def test_warm_and_edited_builds_are_byte_identical_to_cold_ones(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    sites = {name: tmp_path / name for name in ("cold", "warm", "edited", "fresh")}
    assert build(root, sites["cold"]).returncode == 0
    kept_cold = _cached(root)
    assert all(kept_cold.values())
    assert build(root, sites["warm"]).returncode == 0
    assert snapshot(sites["warm"]) == snapshot(sites["cold"])
    assert _cached(root) == kept_cold  # nothing written again, nothing pruned

    edit(root / "content" / CONTENT_EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Maria Goreti]")
    assert build(root, sites["edited"]).returncode == 0
    edited = _cached(root)
    # The edited event's entries replaced its old ones; the rest were reused.
    assert len(edited["records"] - kept_cold["records"]) == 1 and len(edited["records"]) == len(kept_cold["records"])
    assert len(edited["articles"] - kept_cold["articles"]) == 2
    shutil.rmtree(root / ".cache")
    assert build(root, sites["fresh"]).returncode == 0
    assert snapshot(sites["edited"]) == snapshot(sites["fresh"]) != snapshot(sites["cold"])


# --------------------------------------------------------------------------
# The preview's validated events (in memory).


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The events validated from now on, by file."""
    validated: list[str] = []
    original = load.validate

    def counted(model: type, parsed: reading.Parsed, **kwargs: object) -> object:
        if model is records.Event:
            validated.append(parsed.display)
        return original(model, parsed, **kwargs)

    monkeypatch.setattr(load, "validate", counted)
    return validated


def test_a_preview_rebuild_validates_only_the_edited_event(sleman_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: records.ReadCache = {}
    events: records.EventCache = {}
    first = records.load(sleman_dir, cache=parsed, events=events)
    validated = _validations(monkeypatch)
    again = records.load(sleman_dir, cache=parsed, events=events)
    assert validated == []
    _same(first, again)
    edit(sleman_dir / EVENT, "{name: Pendapa Parasamya,", "{name: Pendopo Parasamya,")
    edited = records.load(sleman_dir, cache=parsed, events=events)
    assert validated == [f"{sleman_dir}/{EVENT}"]
    assert len(events) == len(first.content.events)  # the old version forgotten
    _same(records.load(sleman_dir), edited)
    # The places the events were resolved in changed: every event is validated again.
    edit(sleman_dir / "site.yml", "region:", "aliases: {Gamping Kidul: Gamping}\nregion:")
    validated.clear()
    records.load(sleman_dir, cache=parsed, events=events)
    assert len(validated) == len(first.content.events)


def test_a_broken_event_is_validated_every_time(sleman_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: records.ReadCache = {}
    events: records.EventCache = {}
    edit(sleman_dir / EVENT, "kind: penyerahan", "kind: penyerahan\nbukan_kolom: 1")
    first = records.load(sleman_dir, cache=parsed, events=events)
    validated = _validations(monkeypatch)
    again = records.load(sleman_dir, cache=parsed, events=events)
    assert validated == [f"{sleman_dir}/{EVENT}"]
    assert first.problems and first.problems == again.problems


def test_the_events_cache_works_without_the_read_cache(sleman_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: records.EventCache = {}
    first = records.load(sleman_dir, events=events)
    validated = _validations(monkeypatch)
    _same(first, records.load(sleman_dir, events=events))
    assert validated == []
