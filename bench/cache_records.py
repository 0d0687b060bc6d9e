"""Cold against warm: `records.load_content` and `compose.site` with the build cache's stores (issue 14, item 1).

    .venv/bin/python bench/cache_records.py --content bench/out/content-1000

Each step runs without a store, with an empty one (cold: every entry
written) and again (warm: every entry read), in one process, and says
whether the three results are equal. The stores live in a scratch folder
under .cache/ (deleted first): what a second `mkdocs build` finds in
.cache/warta/records and .cache/warta/articles. Photos come from
.cache/bench/media, made on the first run. Figures are printed, never
asserted: the machine's load moves them by tens of per cent.
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date
from pathlib import Path

from generator import compose, records
from generator.compose.templating import Templates
from generator.core import cache

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "bench" / "out" / "content-1000")
    parser.add_argument("--scratch", type=Path, default=ROOT / ".cache" / "bench")
    args = parser.parse_args()
    templates = Templates.for_site(ROOT / "templates")
    salt = cache.salt(cache.files_digest(templates.folders), b"bench")
    for kind in ("records", "articles"):
        shutil.rmtree(args.scratch / kind, ignore_errors=True)

    def timed(label: str, work):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = work()
        print(f"  {label:20} {time.perf_counter() - start:6.2f} s")
        return result

    today = date(2026, 12, 1)
    print(f"records.load_content({args.content})")
    loads = [timed(label, lambda store=store: records.load_content(args.content, today=today, store=store))
             for label, store in (("no store", None),
                                  ("cold", cache.Store(args.scratch / "records", salt)),
                                  ("warm", cache.Store(args.scratch / "records", salt)))]
    print(f"  equal: {loads[0] == loads[1] == loads[2]}")

    content = loads[0]
    print("compose.site")

    def composed(store: cache.Store | None) -> list[tuple[str, object]]:
        _, pages = compose.site(content, templates, site_url="https://bench.contoh.go.id/", directory_urls=True,
                                media_cache=args.scratch / "media", articles=store)
        return [(p.path, p.text) for p in pages]

    timed("photos (once)", lambda: composed(None))
    pages = [timed(label, lambda store=store: composed(store))
             for label, store in (("no store", None),
                                  ("cold", cache.Store(args.scratch / "articles", salt)),
                                  ("warm", cache.Store(args.scratch / "articles", salt)))]
    print(f"  equal: {pages[0] == pages[1] == pages[2]}")


if __name__ == "__main__":
    main()
