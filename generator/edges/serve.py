"""What `mkdocs serve` keeps from one rebuild to the next, in one object.

A build keeps only what the build cache holds on disk (`core.cache`). The
editors' preview rebuilds on every save, so it remembers in memory what the
previous rebuild read and wrote, and an edit to one event re-reads and
re-validates one file, re-writes one article and re-renders only the pages
whose text changed.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2
import jinja2.bccache

from ..compose.pages import Page
from ..compose.recall import Recall
from ..compose.templating import Templates
from ..compose.writer import Memo
from ..core.errors import Problem
from ..records import Content, EventCache, Loading, ReadCache
from ..records.model import chronological
from ..records.rules import PhotoChecks


class Backing:
    """Generated pages as files whose modification time moves only with their text.

    Why: ``mkdocs serve --dirty`` re-renders a page only when its source file
    is newer than its HTML. Backed by these files, an edit to one event
    re-renders that article and the pages whose figures changed, not the
    whole archive.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # Each page's text as last written, and its file. The text is the
        # very object the recall kept for an unchanged page, so comparing
        # it costs nothing; the file's path is made once.
        self.written: dict[str, str | bytes] = {}
        self._files: dict[str, Path] = {}

    def write(self, page: Page) -> Path:
        path = self._files.get(page.path) or self._files.setdefault(page.path, self.folder / page.path)
        text = page.text
        assert not isinstance(text, Path), "a cached image is copied by MkDocs from where it is"
        if self.written.get(page.path) != text:
            data = text.encode("utf-8") if isinstance(text, str) else text
            if not path.is_file() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            self.written[page.path] = text
        return path

    def forget(self, path: str) -> None:
        """Delete the file of a page no longer generated (its event was deleted or renamed)."""
        self.written.pop(path, None)
        self._files.pop(path, None)
        (self.folder / path).unlink(missing_ok=True)

    def touch(self) -> None:
        """Mark every page as changed, so a --dirty rebuild renders each again (the banner came or went)."""
        for name in self.written:
            if (self.folder / name).is_file():
                os.utime(self.folder / name)


class Compiled(jinja2.BytecodeCache):
    """The theme's compiled templates, in memory from one preview rebuild to the next.

    Why: MkDocs makes a new Jinja environment on every rebuild, and
    compiling Material's templates again costs a third of a second each
    time. Jinja checks each entry against its template's source, so an
    edited template is compiled afresh. Only in memory: compiled code kept
    on disk would run whatever a planted file holds.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@dataclass(frozen=True)
class Recovered:
    """What the preview shows after one reading of the records."""

    content: Content | None  # none while no good version of the content exists
    problems: tuple[Problem, ...]  # every problem, for the banner
    broken: Mapping[str, tuple[Problem, ...]]  # slug -> its problems, shown at its own address
    files: Mapping[str, str]  # slug -> its event file, as the problems name it
    checked: bool = False  # `content` is what the policy's check passed, event for event


@dataclass
class ServeState:
    """The preview's memory across rebuilds; the plugin owns exactly one per `serve`."""

    backing: Backing
    read_cache: ReadCache = field(default_factory=dict)
    events: EventCache = field(default_factory=dict)
    photos: PhotoChecks = field(default_factory=dict)  # what the last load found of each media file
    memo: Memo = field(default_factory=dict)
    recall: Recall = field(default_factory=Recall)  # what the last rebuild composed, by what each step read
    checking: Recall = field(default_factory=Recall)  # what the last policy check read of each event
    compiled: Compiled = field(default_factory=Compiled)  # the theme's templates
    templates: Templates | None = None
    templates_seen: str = ""  # `cache.files_digest` of `templates.folders`
    # Paths the last good build published: an error page goes to each of
    # them, so whichever page the editor has open reloads into the list of
    # problems instead of a 404.
    published: tuple[str, ...] = ("index.md",)
    # Every page the last rebuild generated: one gone since has its HTML
    # removed, as --dirty never empties the folder it serves.
    generated: frozenset[str] = frozenset()

    last_good: Content | None = None
    shown: tuple[Problem, ...] = ()  # the problems the last rebuild's banner listed
    builds: int = 0  # how many builds this preview has begun

    def settle(self) -> None:
        """Call as each build begins: from the first rebuild on, the preview collects cyclic garbage here, once a build.

        Why: Python's cycle collector, left to itself, made several full
        passes a rebuild over everything the preview holds (the records,
        the templates, every recalled step): 0.25-0.5 s of a rebuild at
        1,000 events, 1.8 s at 5,000. Instead, each rebuild begins with one
        pass, which frees the last build's garbage (MkDocs' pages and files,
        with their cycles), and automatic passes are off while the preview
        runs, so the garbage is never more than one build's. At the first
        rebuild, what the preview then holds is set aside from every later
        pass (`gc.freeze`): such objects are still freed when nothing refers
        to them, and only a cycle among them would stay, so what can stay
        is at most what the preview held then. (Freezing at every rebuild
        would let each rebuild's cycles stay: 4.7 MB a save at 1,000.)
        """
        self.builds += 1
        if self.builds >= 2:
            gc.collect()
            gc.disable()
        if self.builds == 2:
            gc.freeze()

    def recover(self, loading: Loading, check: Callable[[Content, Recall], Sequence[Problem]]) -> Recovered:
        """Sound records (drafts too), and the last good version of each broken one.

        `check` finds the problems only the composed texts show (the privacy
        policy's); an event with one counts as broken. A broken shared file
        (site.yml, a programme ...) keeps the whole last good content on show.
        """
        if loading.content is None:
            return Recovered(self.last_good, loading.problems, loading.broken(), loading.event_files)
        found = tuple(check(loading.content, self.checking))
        broken = loading.broken(found)
        sound = [e for e in loading.content.events if e.slug not in broken]
        kept = [e for e in self.last_good.events if e.slug in broken] if self.last_good else []
        self.last_good = replace(loading.content, events=chronological([*sound, *kept]))
        # Nothing broken: the content shown is the content just checked. A
        # last good version beside new ones is checked again when composed
        # (a name may be allowed in one event and not in another).
        return Recovered(self.last_good, (*loading.problems, *found), broken, loading.event_files,
                         checked=not broken and not found)

    def templates_for(self, fresh: Templates, seen: str) -> Templates:
        """The templates last returned while their files' digest is still `seen`; else `fresh`.

        Why: a new `Templates` compiles every Jinja template again. New
        templates also empty the written-article memo, which holds texts the
        old ones wrote. `seen` is `cache.files_digest` of `fresh.folders`,
        the digest the build cache salts its keys with: one answer to
        whether the templates changed.
        """
        if self.templates is None or seen != self.templates_seen or fresh.folders != self.templates.folders:
            self.templates, self.memo, self.recall, self.templates_seen = fresh, {}, Recall(), seen
        return self.templates
