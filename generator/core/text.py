"""How Warta compares, suggests and addresses text: one rule for each, used everywhere.

`fold` is how two spellings of a person's name are compared, `place_key`
how two spellings of a place are, `closest` how a "did you mean" is found,
and `slugify` how any text becomes part of an address. A second version of
any of these would let two parts of a build disagree about what is the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator


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


# Characters that change nothing a reader sees but split a word for a
# program: zero-width spaces and joiners, the word joiner, an inner
# byte-order mark, the soft hyphen, and the bidirectional controls (which
# can also show text in another order than it is stored, U+202E).
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def invisible(text: str) -> tuple[int, str] | None:
    """The 1-based position and code (``U+200B``) of the first invisible character in `text`, or None.

    >>> invisible("Maria\u200bGoreti"), invisible("Maria Goreti")
    ((6, 'U+200B'), None)
    """
    return next(((i, f"U+{ord(ch):04X}") for i, ch in enumerate(text, 1) if ch in INVISIBLE), None)


# Cyrillic and Greek letters drawn like Latin ones: "Mаria" with a Cyrillic
# "а" reads as Maria to a person and as another word to a program.
_LOOKALIKE = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеһіјоӏрсѕхуԁԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ",
    "ABESIJKMHOPCTXYaehijolpcsxydqw" "ABEZHIKMNOPTYXaikvoptux",
)
# Apostrophes and dashes as keyboards, phones and word processors type them.
_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-"})


def mixed_scripts(word: str) -> bool:
    """Whether `word` mixes Latin letters with Cyrillic or Greek ones (a look-alike, never a real spelling).

    >>> mixed_scripts("M\u0430ria"), mixed_scripts("Maria"), mixed_scripts("\u041c\u0430\u0440\u0438\u044f")
    (True, False, False)
    """
    scripts = {_script(ch) for ch in word if ch.isalpha()}
    return "LATIN" in scripts and bool(scripts & {"CYRILLIC", "GREEK"})


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").partition(" ")[0]


def fold(text: str) -> str:
    """A name as compared: width, case, runs of spaces, apostrophe and dash variants, look-alike letters and invisible characters ignored.

    >>> fold("  Kelapa   LIMA "), fold("Ma’ruf Ｎｕｎｕ–Tali"), fold("M\u0430ri\u200ba")
    ('kelapa lima', "ma'ruf nunu-tali", 'maria')
    """
    # ASCII is its own NFKC form and holds no invisible character: the
    # character-by-character pass is for the rest (the lint folds every line of the site).
    plain = text if text.isascii() else "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch not in INVISIBLE)
    return " ".join(plain.translate(_LOOKALIKE).translate(_MARKS).split()).casefold()


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
    plain = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in INVISIBLE)
    return _PLACE_NOISE.sub("", plain.casefold())


# How far a written word may be from a known one and still be suggested:
# one edit (a letter dropped, added, changed, or two swapped), two for
# words of 8 letters or more, and no suggestion when two are as near.
# Measured by tests/test_suggestions.py: of every single slip of every
# field name, 41,004 of 41,016 are suggested right (the rest are ties:
# "tile" is as near "time" as "title"); of 2,422 field names of other
# records and unrelated words, 14 are offered a field, each its relative
# ("names" -> "name", "nama" -> "name", "photo" -> "photos"); kecamatan of
# ten regions misspelt once are suggested right or left as ties, and 5 of
# 4,740 kecamatan names of other provinces are offered a local one, each a
# letter away ("Kuta Raja" -> "Kota Raja"). difflib's ratio >= 0.6, used
# before, offered 109 unrelated words ("participants" -> "recipients",
# "tempat" -> "text") and 372 of the 4,740 ("Delima" -> "Kelapa Lima").
_NEAR = 1
_NEAR_LONG = 2
_LONG = 8


def closest(name: str, candidates: Iterable[str], *, key: Callable[[str], str] = fold) -> str | None:
    """The candidate a misspelt `name` most likely meant, for a "did you mean" suggestion.

    None when no candidate is near enough, or when two are equally near
    (a guess between them would mislead as often as help). `key` is how
    both are compared (`place_key` for place names).

    >>> closest("Kelapa Limaa", ["Alak", "Kelapa Lima"]), closest("xyz", ["Alak"])
    ('Kelapa Lima', None)
    >>> closest("participants", ["kind", "recipients", "amount"]), closest("tile", ["time", "title"])
    (None, None)
    """
    written = key(name)
    scored = sorted((edits(written, key(c)), c) for c in candidates)
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0] and key(scored[1][1]) != key(scored[0][1])):
        return None
    distance, best = scored[0]
    limit = _NEAR_LONG if max(len(written), len(key(best))) >= _LONG else _NEAR
    return best if distance <= limit else None


def edits(a: str, b: str) -> int:
    """How many letters must be dropped, added, changed or swapped with a neighbour to turn `a` into `b`.

    >>> edits("venue", "venu"), edits("venue", "vneue"), edits("Oebobo", "Oebobbo"), edits("kind", "recipients")
    (1, 1, 1, 8)
    """
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


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
