"""Photos and sharing images of a build, each made once per content digest.

A photo in ``content/media/`` becomes WebP and JPEG renditions at the
widths of `imaging.WIDTHS` (never wider than the original) and a 1200×630
sharing crop; an article without a photo gets a sharing card drawn from
its headline. Every output is named by the digest of what it is made from,
and kept in a cache folder between builds, so an unchanged photo is never
processed again and the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core import imaging, parallel
from ..core.documented import doc

FOLDER = "media"
"""Where the published images live, below the site root."""

# Part of every cache key: a change to how images are made makes new files.
_RECIPE = "warta-media-1"


@dataclass(frozen=True)
class Rendition:
    path: str = doc("The file, below the site root.")
    width: int = doc("Its width in pixels.")
    height: int = doc("Its height in pixels.")
    format: str = doc("webp or jpeg.")


@dataclass(frozen=True)
class Picture:
    """A published photo: its renditions, its words, and its sharing crop."""

    width: int = doc("The width of the largest rendition, for the img element.")
    height: int = doc("Its height.")
    renditions: tuple[Rendition, ...] = doc("Every published size and format, smallest first.")
    alt: str = doc("What a screen reader reads.")
    caption: str | None = doc("What and who, if given.")
    credit: str = doc("Who took it: 'Humas Pemkot Kupang'.")
    share: str = doc("The 1200×630 sharing crop (og:image), below the site root.")

    def srcset(self, fmt: str, root: str = "") -> str:
        """srcset(fmt, root): the `srcset` of one format, each path after `root`: "../../media/x-480.webp 480w, ..."."""
        return ", ".join(f"{root}{r.path} {r.width}w" for r in self.renditions if r.format == fmt)

    @property
    def thumbnail(self) -> Rendition:
        """The smallest JPEG, for a news card's img element."""
        return [r for r in self.renditions if r.format == "jpeg"][0]

    @property
    def fallback(self) -> Rendition:
        """The largest JPEG, for the img element itself."""
        return [r for r in self.renditions if r.format == "jpeg"][-1]


Published = bytes | Path
"""An image to publish: its bytes, or (with a cache) the cached file itself."""



# Hex with its digits moved to letters: a hex name is all digits once in
# about 1,800 (5,000 sharing cards make two), and sixteen digits in a
# published address read as a NIK, to the output lint and to a reader.
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _name(data: bytes) -> str:
    """A file name of 16 letters (a-p) fixed by `data`: 64 bits of its SHA-256, and never a run of digits.

    >>> _name(b"foto"), _name(b"foto") == _name(b"foto")
    ('mhonebookaiikjdb', True)
    """
    return hashlib.sha256(data).hexdigest()[:16].translate(_LETTERS)

class Media:
    """The images of one build. Files it makes are remembered in `files` (path below the site root -> image).

    With a cache folder, `files` names the cached files rather than holding
    their bytes: a thousand photos are half a gigabyte of renditions, which
    MkDocs then copies from the cache without any of it in memory.
    """

    def __init__(self, source: Path, cache: Path | None) -> None:
        self.source = source
        self.cache = cache
        self.files: dict[str, Published] = {}
        self._digests: dict[str, str] = {}  # photo file -> digest of its bytes, as `prepare` read them

    def prepare(self, *, photos: Sequence[str] = (), cards: Sequence[tuple[str, str]] = (), logo: str | None = None,
                colours: tuple[tuple[int, int, int], tuple[int, int, int]] = ((0, 0, 0), (255, 255, 255))) -> None:
        """Make what the cache folder lacks of these photos and cards (headline, line), on every core.

        Resizing a photo or drawing a card is the costliest step of a cold
        build, and each is on its own. `picture` and `card` then find them
        made. Without a cache folder there is nowhere to keep them: nothing
        is made ahead.
        """
        if self.cache is None:
            return
        todo: dict[str, tuple[str, ...]] = {}
        for file in photos:
            self._digests[file] = self._photo_digest((self.source / file).read_bytes())
            todo.setdefault(self._digests[file], ("photo", file))
        logo_data = (self.source / logo).read_bytes() if logo and cards else b""
        for headline, line in cards:
            todo.setdefault(self._card_digest(headline, line, logo_data, colours), ("card", headline, line))
        missing = [job for digest, job in todo.items() if not (self.cache / digest / "sizes.json").is_file()]

        def make(job: tuple[str, ...]) -> None:
            if job[0] == "photo":
                self.picture(job[1], alt="", caption=None, credit="")
            else:
                self.card(job[1], job[2], logo, colours)

        with parallel.Cores(make) as cores:
            cores.map(missing)

    def picture(self, file: str, *, alt: str, caption: str | None, credit: str) -> Picture:
        # `prepare` read the photo already; read again only what the cache
        # does not hold (made since under the digest of what the file is now).
        known = self._digests.get(file)
        if known is not None and self.cache is not None and (self.cache / known / "sizes.json").is_file():
            digest, made = known, self._cached(known, lambda: _photo((self.source / file).read_bytes()))
        else:
            data = (self.source / file).read_bytes()
            digest = self._photo_digest(data)
            made = self._cached(digest, lambda: _photo(data))
        renditions = []
        for name, (width, height, fmt) in made.sizes.items():
            if name == "share.jpg":
                continue
            path = f"{FOLDER}/{digest}-{name}"
            self.files[path] = made.data[name]
            renditions.append(Rendition(path, width, height, fmt))
        share = f"{FOLDER}/{digest}-share.jpg"
        self.files[share] = made.data["share.jpg"]
        biggest = max((r for r in renditions if r.format == "jpeg"), key=lambda r: r.width)
        return Picture(biggest.width, biggest.height, tuple(sorted(renditions, key=lambda r: (r.width, r.format))),
                       alt, caption, credit, share)

    def card(self, headline: str, line: str, logo: str | None, colours: tuple[tuple[int, int, int], tuple[int, int, int]]) -> str:
        """A sharing card for a page without a photo; its path below the site root."""
        logo_data = (self.source / logo).read_bytes() if logo else b""
        digest = self._card_digest(headline, line, logo_data, colours)

        def draw() -> _Made:
            mark = imaging.clean(logo_data) if logo_data else None
            image = imaging.card(headline, line, mark, colours=colours)
            return _Made({"share.jpg": (image.width, image.height, "jpeg")}, {"share.jpg": imaging.encode(image, "jpeg")})

        made = self._cached(digest, draw)
        path = f"{FOLDER}/{digest}-card.jpg"
        self.files[path] = made.data["share.jpg"]
        return path

    @staticmethod
    def _photo_digest(data: bytes) -> str:
        return _name(_RECIPE.encode() + data)

    @staticmethod
    def _card_digest(headline: str, line: str, logo: bytes, colours: tuple[tuple[int, int, int], tuple[int, int, int]]) -> str:
        key = json.dumps([_RECIPE, headline, line, colours, hashlib.sha256(logo).hexdigest()], ensure_ascii=False)
        return _name(key.encode())

    def logo(self, file: str) -> str:
        """The site's logo as a small PNG for the header (transparency kept, metadata gone)."""
        data = (self.source / file).read_bytes()
        digest = _name(_RECIPE.encode() + b"logo" + data)

        def make() -> _Made:
            image = imaging.logo(data)
            return _Made({"logo.png": (image.width, image.height, "png")}, {"logo.png": imaging.encode(image, "png")})

        made = self._cached(digest, make)
        path = f"{FOLDER}/{digest}-logo.png"
        self.files[path] = made.data["logo.png"]
        return path

    def _cached(self, digest: str, make: Callable[[], _Made]) -> _Made:
        folder = self.cache / digest if self.cache else None
        if folder is not None and (folder / "sizes.json").is_file():
            sizes = {k: tuple(v) for k, v in json.loads((folder / "sizes.json").read_text()).items()}
            return _Made(sizes, {name: folder / name for name in sizes})  # type: ignore[arg-type]
        made = make()
        if folder is None:
            return made
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in made.data.items():
            (folder / name).write_bytes(data)  # type: ignore[arg-type]
        # Written last: a folder without it is an interrupted write, made again.
        (folder / "sizes.json").write_text(json.dumps(made.sizes, sort_keys=True))
        return _Made(made.sizes, {name: folder / name for name in made.data})


@dataclass(frozen=True)
class _Made:
    sizes: dict[str, tuple[int, int, str]]  # file name -> (width, height, format)
    data: dict[str, Published]  # bytes when just made without a cache, else the cached files


def _photo(data: bytes) -> _Made:
    img = imaging.clean(data)
    sizes: dict[str, tuple[int, int, str]] = {}
    out: dict[str, bytes] = {}
    widths = sorted({min(w, img.width) for w in imaging.WIDTHS})
    for width in widths:
        scaled = imaging.resized(img, width)
        for fmt in imaging.FORMATS:
            name = f"{width}.{'jpg' if fmt == 'jpeg' else fmt}"
            sizes[name] = (scaled.width, scaled.height, fmt)
            out[name] = imaging.encode(scaled, fmt)
    share = imaging.cover(img)
    sizes["share.jpg"] = (share.width, share.height, "jpeg")
    out["share.jpg"] = imaging.encode(share, "jpeg")
    return _Made(sizes, out)
