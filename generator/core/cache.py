"""Work kept between builds, filed by the digest of everything it was made from.

A deployer's everyday build differs from the last one by an event or two,
and an editor's preview by one saved file: what an unchanged input gave
last time is read back instead of worked out again. An entry's key is the
digest of its inputs and of a salt that moves with everything else the
result depends on (`salt`: Warta's own code and templates, the site's
templates, mkdocs.yml), so a stale entry is never found, only left behind.
The folder (``.cache/warta/`` of a site) is safe to delete at any time: the
next build is then a cold one, with the same bytes out.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

# The whole package: core/ is one folder below it.
_OWN_CODE = Path(__file__).resolve().parent.parent
_OWN_SUFFIXES = (".py", ".j2", ".yml", ".yaml", ".json", ".csv", ".css", ".html", ".js", ".md")


def digest(*parts: str | bytes) -> str:
    """The hex SHA-256 of `parts`, each length-prefixed so that ("ab", "c") and ("a", "bc") differ.

    >>> digest("ab", "c") == digest("a", "bc")
    False
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def files_digest(folders: Iterable[Path], suffixes: tuple[str, ...] | None = None) -> str:
    """The digest of the names and bytes of every file below `folders` (with one of `suffixes`, if given)."""
    parts: list[str | bytes] = []
    for folder in folders:
        if not folder.is_dir():
            parts.append(f"missing:{folder}")
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            if suffixes is None or path.suffix in suffixes:
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def salt(*inputs: str | bytes) -> str:
    """A salt for `Store`: the digest of Warta's own code and data and of `inputs` (templates, settings).

    Warta's files are read rather than its version number trusted: an
    upgrade, a patched install or a developer's edit each give new keys.
    """
    return digest(files_digest([_OWN_CODE], _OWN_SUFFIXES), *inputs)


class Store:
    """One kind of cached result (``html``, ``lint`` ...): one SQLite file of entries by key.

    One file, not a file per entry: a 5,000-article archive has some 60,000
    entries, and creating that many files costs a cold build seconds that a
    table does not. A build killed mid-write leaves the last committed
    entries (SQLite's journal), never a torn one. `prune` deletes what this
    build neither read nor wrote, so the file holds one archive's worth,
    not every version ever built. Any fault of the file (locked by another
    build, damaged, unwritable) costs speed, never the build: entries then
    read as missing and are not kept.
    """

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self._salt = salt
        self._used: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def key(self, *parts: str | bytes) -> str:
        return digest(self._salt, *parts)

    def get(self, key: str) -> bytes | None:
        self._used.add(key)
        row = self._run("SELECT data FROM entry WHERE key = ?", (key,))
        found = row.fetchone() if row is not None else None
        return bytes(found[0]) if found is not None else None

    def has(self, key: str) -> bool:
        """Whether there is an entry under `key` (which counts as used, as `get` does)."""
        self._used.add(key)
        row = self._run("SELECT 1 FROM entry WHERE key = ?", (key,))
        return row is not None and row.fetchone() is not None

    def put(self, key: str, data: bytes) -> bool:
        """Keep `data` under `key`; False when it could not be kept."""
        self._used.add(key)
        return self._run("INSERT OR REPLACE INTO entry (key, data) VALUES (?, ?)", (key, data)) is not None

    def keys(self) -> list[str]:
        """Every key the file holds, sorted."""
        rows = self._run("SELECT key FROM entry ORDER BY key", ())
        return [key for (key,) in rows] if rows is not None else []

    def prune(self) -> None:
        """Delete the entries this build did not use (call it only after a whole build)."""
        db = self._open()
        if db is None:
            return
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM used")
            db.executemany("INSERT OR IGNORE INTO used (key) VALUES (?)", ((k,) for k in self._used))
            db.execute("DELETE FROM entry WHERE key NOT IN (SELECT key FROM used)")
        except sqlite3.Error:
            self._broken = True

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _run(self, sql: str, values: tuple[object, ...]) -> sqlite3.Cursor | None:
        db = self._open()
        if db is None:
            return None
        try:
            return db.execute(sql, values)
        except sqlite3.Error:
            self._broken = True
            return None

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        # A symlink planted in the cache would have a build write where it
        # points, or read entries someone else wrote.
        if any(step.is_symlink() for step in (self.path, *self.path.parents[:3])):
            self._broken = True
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, isolation_level=None, timeout=5)
            # Write-ahead logging with its "normal" sync survives a killed
            # build without a flush to disk at every entry.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        except (sqlite3.Error, OSError):
            self._broken = True
            return None
        self._db = db
        return db


class Folder:
    """Results that must be files (a page MkDocs reads), one file per key in `folder`.

    Entries are written whole to a temporary file and renamed, so a build
    killed mid-write leaves a missing entry, never a torn one.
    """

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self._salt = salt
        self._used: set[str] = set()
        self._shards: dict[str, bool] = {}  # sub-folder -> whether it may be used

    def key(self, *parts: str | bytes) -> str:
        return digest(self._salt, *parts)

    def keep(self, key: str, data: bytes) -> Path | None:
        """The file holding `data` under `key`, written unless there already; None when it cannot be."""
        path = self._path(key)
        self._used.add(key)
        if not self._usable(path.parent):
            return None
        # Keys are digests of the data and entries are written whole, so a
        # file that is there holds these bytes.
        if path.is_file() and not path.is_symlink():
            return path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            return None
        return path

    def prune(self) -> None:
        """Delete the files this build did not use (call it only after a whole build)."""
        if not self.folder.is_dir():
            return
        for shard in self.folder.iterdir():
            if shard.is_dir() and self._usable(shard):
                for path in shard.iterdir():
                    if path.name not in self._used:
                        path.unlink(missing_ok=True)

    def _usable(self, shard: Path) -> bool:
        """Whether files may be read and written in `shard`: no folder on the way is a symlink."""
        known = self._shards.get(shard.name)
        if known is None:
            steps = [shard, self.folder, *self.folder.parents[:2]]
            known = self._shards[shard.name] = not any(step.is_symlink() for step in steps)
        return known

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key
