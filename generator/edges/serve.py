"""What `mkdocs serve` keeps from one rebuild to the next, in one object.

A build keeps nothing: every `mkdocs build` starts from the records. The
editors' preview rebuilds on every save, so it remembers what the previous
rebuild read and wrote, and an edit to one event re-reads one file,
re-writes one article and re-renders only the pages whose text changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..compose.pages import Page
from ..compose.writer import Memo
from ..records import ReadCache


class Backing:
    """Generated pages as files whose modification time moves only with their text.

    Why: ``mkdocs serve --dirty`` re-renders a page only when its source file
    is newer than its HTML. Backed by these files, an edit to one event
    re-renders that article and the pages whose figures changed, not the
    whole archive.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: dict[str, bytes] = {}

    def write(self, page: Page) -> Path:
        path = self.folder / page.path
        data = page.text.encode("utf-8") if isinstance(page.text, str) else page.text
        if self.written.get(page.path) != data:
            if not path.is_file() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            self.written[page.path] = data
        return path


@dataclass
class ServeState:
    """The preview's memory across rebuilds; the plugin owns exactly one per `serve`."""

    backing: Backing
    read_cache: ReadCache = field(default_factory=dict)
    memo: Memo = field(default_factory=dict)
    templates_seen: tuple[tuple[str, int, int], ...] = ()
    # Paths the last good build published: an error page goes to each of
    # them, so whichever page the editor has open reloads into the list of
    # problems instead of a 404.
    published: tuple[str, ...] = ("index.md",)

    def articles_memo(self, folders: Sequence[Path]) -> Memo:
        """The written-article memo, emptied when any template in `folders` changed since the last rebuild."""
        seen = tuple(entry for folder in folders for entry in _signature(folder))
        if seen != self.templates_seen:
            self.memo, self.templates_seen = {}, seen
        return self.memo


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every template: changes when any does."""
    return tuple(
        (p.as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    )
