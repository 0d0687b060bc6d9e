"""How Warta compares, suggests and addresses text: one rule for each, used everywhere.

`fold` is how two spellings of a person's name are compared, `place_key`
how two spellings of a place are, `closest` how a "did you mean" is found,
and `slugify` how any text becomes part of an address. A second version of
any of these would let two parts of a build disagree about what is the same.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator


def undecodable_line(raw: bytes) -> int | None:
    r"""The 1-based line of the first byte that is not UTF-8 (a BOM allowed), or None when all of it is.

    >>> undecodable_line("baris satu\nbaris dua".encode())
    >>> undecodable_line(b"baris satu\nKec. Oeb\xf3bo")
    2
    """
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return raw[: exc.start].count(b"\n") + 1
    return None


def fold(text: str) -> str:
    """A name as compared: case and runs of spaces ignored.

    >>> fold("  Kelapa   LIMA ")
    'kelapa lima'
    """
    return " ".join(text.split()).casefold()


# Characters people drop or add in place names without meaning another
# place: "Kota Raja", "Kotaraja" and "Kota-Raja" are one kecamatan.
_PLACE_NOISE = re.compile(r"[\s\-‐‑‒–—―'’‘`´.]+")


def place_key(name: str) -> str:
    """A place name as compared: case, spaces, hyphens, apostrophes and dots ignored.

    >>> place_key("Kota Raja") == place_key("KOTARAJA") == place_key("kota-raja")
    True
    >>> place_key("Kot olin"), place_key("Ba'a")
    ('kotolin', 'baa')
    """
    return _PLACE_NOISE.sub("", unicodedata.normalize("NFKC", name).casefold())


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `name`, for a "did you mean" suggestion.

    >>> closest("Kelapa Limaa", ["Alak", "Kelapa Lima"]), closest("xyz", ["Alak"])
    ('Kelapa Lima', None)
    """
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def slugify(text: str, *, fallback: str = "") -> str:
    """`text` as an address part of a-z, 0-9 and single hyphens; accents go, letters stay.

    >>> slugify("Kelapa Lima"), slugify("Jaminan Sosial & BPJS"), slugify("Pemberdayaan Ékonomi")
    ('kelapa-lima', 'jaminan-sosial-bpjs', 'pemberdayaan-ekonomi')
    >>> slugify("!!!", fallback="lain")
    'lain'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-") or fallback


def strings_in(value: object) -> Iterator[str]:
    """Every string in nested lists and mapping values, in order (JSON data, MkDocs' nav).

    >>> list(strings_in({"a": ["x", {"b": "y"}], "n": 3, "c": "z"}))
    ['x', 'y', 'z']
    """
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
