"""What one save costs the preview, step by step, in one process (issue 14, item 6).

Loads and composes a generated content folder as `mkdocs serve` does
between saves (the records' and events' caches, the preview's `Recall`),
then makes the bench's edit (a named recipient added to an event) to a few
events in turn and prints, for each save: seconds to load, to run the
policy's check and to compose, and how many composing steps were made again
of those the first compose made. Nothing of MkDocs runs: `run.py`'s
edit-to-preview row measures the whole preview.

    .venv/bin/python bench/preview_steps.py --content bench/out/content-1000

The folder is copied first; the copy is edited, never the original.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import run  # noqa: E402

from generator import compose, records  # noqa: E402
from generator.compose.recall import Recall  # noqa: E402
from generator.compose.templating import Templates  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=run.OUT / "content-1000")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(args.content, folder)
        templates, read_cache, events, recall, checking = Templates.for_site(None), {}, {}, Recall(), Recall()
        media = Path(scratch) / "media"

        def save(label: str) -> None:
            start = time.perf_counter()
            loading = records.load(folder, cache=read_cache, events=events)
            loaded = time.perf_counter()
            assert loading.content is not None, loading.problems
            found = compose.problems(loading.content, checking)
            checked = time.perf_counter()
            assert not found, found
            compose.site(loading.content, templates, site_url="https://transparansi.contoh.go.id/", recall=recall,
                         media_cache=media, checked=True)
            done = time.perf_counter()
            print(f"{label:<28} load {loaded - start:5.2f} s   check {checked - loaded:5.2f} s   "
                  f"compose {done - checked:5.2f} s   steps made {recall.total_made():,}")

        save("first compose")
        save("saved, nothing changed")
        for i, path in enumerate(run.edit_targets(folder, args.edits)):
            path.write_text(run.edited(path, i)[2], encoding="utf-8")
            save(f"one recipient added ({i + 1})")


if __name__ == "__main__":
    main()
