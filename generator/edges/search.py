"""The site's search index: Pagefind, run over the finished site.

Why Pagefind: a phone that searches loads a small script, a WebAssembly
module and then only the index pieces for the words it looks up, not the
whole index as with Material's lunr search; and it stems Indonesian, so
"salur" finds "menyalurkan". It runs after the output privacy check on the
same folder, so it indexes only pages that passed; the theme marks which
pages and which part of them (``data-pagefind-body``: the article, not the
menu or the related news) it reads.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

from ..compose.addresses import SEARCH_BUNDLE
from ..core.errors import Problem, Source, WartaError


# Pagefind also writes its ready-made interfaces; the search page has its
# own few lines (templates/theme/assets/javascripts/cari.js), so these
# would only be published for nothing.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def index(folder: Path) -> None:
    """Write the search bundle into `folder`/pagefind; a failure is a `WartaError` naming the folder."""
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", SEARCH_BUNDLE, "--silent"],
        capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:
        detail = (run.stderr or run.stdout).strip().splitlines()
        raise WartaError([Problem("search.failed", Source(str(folder)), {"detail": detail[-1] if detail else run.returncode})])
    bundle = folder / SEARCH_BUNDLE
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    _settle_filters(bundle)


# Pagefind files are gzipped CBOR after this signature.
_SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind file")
    return cbor2.loads(data[len(_SIGNATURE):])


def _write(folder: Path, stem: str, suffix: str, value: object, digits: int) -> str:
    """Write `value` as a Pagefind file named by its content, as Pagefind names them; the new hash."""
    data = _SIGNATURE + cbor2.dumps(value, canonical=True)
    prefix = stem.split("_", 1)[0]
    digest = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{digest}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return digest


def _settle_filters(bundle: Path) -> None:
    """Give Pagefind's filter indexes one order, so the same site makes the same bytes.

    Why: Pagefind 1.5 writes each filter's values in hash-map order, which
    changes from run to run (its issue 638: only fragments were made
    stable), and the filter file's name, the metadata file that lists it
    and the entry file that names that all change with it. Sorting the
    values and renaming the chain by content makes every build of the same
    pages identical. The files keep Pagefind's layout, so its script reads
    them as its own.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, digest in meta[3]:
            path = bundle / "filter" / f"{digest}.pf_filter"
            key, values = _read(path)
            path.unlink()
            settled = sorted([value, sorted(pages)] for value, pages in values)
            filters.append([name, _write(bundle / "filter", digest, ".pf_filter", [key, settled], 7)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        digest = _write(bundle, language["hash"], ".pf_meta", meta, 10)
        (bundle / f"{digest}.pf_meta").rename(bundle / f"pagefind.{digest}.pf_meta")
        language["hash"] = digest
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
