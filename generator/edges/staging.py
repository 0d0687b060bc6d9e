"""`mkdocs build` into a folder beside the published site, swapped in only on success.

Readers never get a half-built site: strict-mode warnings come after every
page is written, so the swap waits for the whole build.
"""

from __future__ import annotations

import shutil
from pathlib import Path


class Staging:
    """A staging folder for the site at `target`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.folder = target.with_name(f".{target.name}-baru")
        self.written = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def finish(self) -> bool:
        """Swap the staged site in if the build succeeded; True when it did. Once: later calls do nothing."""
        if not self.folder.exists():
            return False
        if self.written:
            old = self.target.with_name(f".{self.target.name}-lama")
            shutil.rmtree(old, ignore_errors=True)
            if self.target.exists():
                self.target.rename(old)
            self.folder.rename(self.target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)
        return self.written
