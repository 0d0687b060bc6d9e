"""Find personal identifiers in free text, and mask names for public lists.

This module is a leaf: it imports only Warta's text rules, so the records loader can
reject identifiers in every YAML string and the site builder can lint every
built file with the same rules. Findings are data (kind and span); the
Indonesian wording of a finding lives in the message catalogue.

Why the rules look the way they do (id-style.md section 5.4 and 5.6):

* A false negative publishes the NIK or phone number of a poor person; a false
  positive stops a build until an editor looks. So anything shaped like an
  identifier is reported, and the exemptions are narrow, named shapes that
  everyday social-programme news is full of: money (``Rp2.500.000.000``),
  thousands-grouped counts (``100.000 pekerja``), dates, times and year
  ranges. Dotted region codes (``53.71.03.1010``) and regulation numbers
  (``300.2.2-2138``) stay out because mixed or dotted short groups are not
  an identifier shape.
* A digit run glued to a letter (``abc1234567890``) is not an identifier: that
  keeps slugs, asset hashes and version strings quiet.
* Identifiers are matched as people type them: dashes of any kind, slashes,
  zero-width and full-width characters, "O" for "0", a label glued to the
  number, ``[at]`` and ``(dot)`` are folded first (see ``_fold``), and
  findings point at the text as written.
* Inside a URL only phone numbers and e-mails are reported. Social-media and
  news URLs carry long numeric post ids (a Facebook post id is 15-16 digits,
  like a NIK), while a ``wa.me/62812...`` link is a real phone number.
"""

from __future__ import annotations

import bisect
import csv
import gzip
import html
import io
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol

from .text import fold, strings_in

NIK = "nik"
NPWP = "npwp"
PHONE = "phone"
ACCOUNT = "account"
EMAIL = "email"
ADDRESS = "address"
BIRTH_DATE = "birth_date"

KINDS = frozenset({NIK, NPWP, PHONE, ACCOUNT, EMAIL, ADDRESS, BIRTH_DATE})

# When two findings overlap, the more specific kind wins: a 16-digit run is a
# NIK before it is "some account", a run starting 08 is a phone. An e-mail ranks
# first so that a phone number used as the local part does not split it.
_RANK = MappingProxyType(
    {
        kind: rank
        for rank, kind in enumerate((EMAIL, NIK, NPWP, PHONE, BIRTH_DATE, ADDRESS, ACCOUNT))
    }
)
_DIGIT_KINDS = frozenset({NIK, NPWP, PHONE, ACCOUNT})

_OFFICIAL_EMAIL_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".mil.id", ".desa.id")


@dataclass(frozen=True)
class Finding:
    """One personal identifier: its kind and the span ``text[start:end]``."""

    kind: str
    start: int
    end: int


# --- Shared pieces of the patterns -------------------------------------------

# Up to two separators between digits: a landline's area code sits in
# brackets, "(0380) 82123" and "+62 (380) 821234".
_MAYBE = re.compile(
    r"@|\d(?:[\s.\-()]{0,2}\d){5}|\d{3}/\d{3}|lahir|rukun|\+62|\b(?:r\.?[tw]|no(?:mor|mer)?|ttl|lhr|jl|jln|jalan|gg|gang|lr|lorong)(?![^\W\d_])",
    re.IGNORECASE,
)
# One separator between digit groups as people type them on forms.
_SEP = r"[ \u00a0.\-]"
# A card or phone number is also written in slashed groups, "5371/0312/3456/0001".
_SEP_OR_SLASH = r"[ \u00a0.\-/]"
# A number starts a fresh token: not glued to a word, not the tail of a dotted,
# hyphenated or slashed number such as "53.71.03.1010" or "2025-09-03".
# A comma does not join numbers: in CSV it separates fields, and a NIK in the
# first column of "5371031234560001,45" must still be found.
_START = r"(?<![\w+])(?<!\d[.\-/])"
# ... and ends one. A following space and digit is allowed, because running
# text puts unrelated numbers side by side ("0812-3456-7890 2 kali").
_END = r"(?!\w)(?![.\-/]\d)"

# "1.500.000" or "2.500.000.000.000.000,50": a quantity, never an identifier,
# even when it happens to have 16 digits.
_GROUPED_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")

_MONTHS = (
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|"
    r"oktober|nopember|november|desember|jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|"
    r"aug|sept|sep|okt|oct|nop|nov|des|dec)"
)
# What a number in running text counts, when it is not a house number.
_QUANTITY = (
    r"(?:km|kilometer|m|meter|ruas|unit|titik|kali|orang|warga|jiwa|kk|rumah|keluarga|"
    r"tahun|bulan|minggu|hari|jam|menit|persen|%|ribu|juta|miliar|lantai|lajur|jalur)"
)
_DATE = rf"""
    (?: \d{{1,2}} \s?[-/.]\s? \d{{1,2}} \s?[-/.]\s? (?:\d{{4}}|\d{{2}})   # 12-03-1980
      | \d{{4}} [-/.] \d{{1,2}} [-/.] \d{{1,2}}                        # 1980-03-12
      | \d{{1,2}} [\s\-/]{{1,3}} {_MONTHS} \.? [\s\-/]{{1,3}} \d{{4}}  # 12 Maret 1980, 12-Agu-1980
    )
    (?!\d)
"""


_EMAIL = re.compile(
    r"""
    (?<![\w.%+\-])
    [A-Za-z0-9][A-Za-z0-9._%+\-]*+
    @
    (?:[A-Za-z0-9\-]++\.)+
    # "logo@2x.png" is a retina image, not a mailbox.
    (?!(?:png|jpe?g|gif|webp|svg|avif|ico|bmp|css|js|json|pdf)(?![A-Za-z]))
    [A-Za-z]{2,}
    (?![\w\-])
    """,
    re.VERBOSE,
)


# --- Folding: identifiers as people type them ----------------------------------

# Why fold before matching rather than widen every pattern: a NIK typed with
# en dashes, zero-width spaces or full-width digits, "O" for "0", a label
# glued to it ("NIK5371..."), or an e-mail spelled "budi[at]gmail(dot)com" is
# the same identifier, and one pass that rewrites these spellings keeps each
# pattern readable. Findings are mapped back to spans of the text as written.
_DASH = "\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_SPACE = "[ \u00a0]"
_INVISIBLE_FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_FOLD = re.compile(
    rf"""
    # " - ", " / " and any dash between two digits: "5371 - 0312", "0812–3456".
    # (An "O" counts as a digit here: it may be a zero, folded on its own.)
      (?P<joint> (?<=[\dOo]) (?: {_SPACE}++ [\-/{_DASH}\uff0f] {_SPACE}*+ | [\-/] {_SPACE}++ | [{_DASH}\uff0f] {_SPACE}*+ ) (?=[\dOo]) )
    # An invisible character between digits separates groups as a space
    # would ("0380<ZWSP>821234"); elsewhere it is dropped (see _fold_char).
    | (?P<gap> (?<=[\dOo]) [{_INVISIBLE_FORMAT}]++ (?=[\dOo]) )
    # "[at]", "(at)", " @ ", "@ ": each starts where its spaces start, so a
    # long run of spaces is not rescanned from every position in it.
    | (?P<at> (?<!{_SPACE}) {_SPACE}*+ (?: [\[({{<] {_SPACE}*+ (?i:at) {_SPACE}*+ [\])}}>] | [@\uff20\ufe6b] (?={_SPACE}) | [\uff20\ufe6b] ) {_SPACE}*+ )
    | (?P<dot> (?<!{_SPACE}) {_SPACE}*+ [\[({{<] {_SPACE}*+ (?i:dot|titik) {_SPACE}*+ [\])}}>] {_SPACE}*+ )
    # A label glued to its number: "NIK5371...", "HP0812...".
    | (?P<label> (?<![^\W\d_]) (?i:nik|kk|ktp|npwp|hp|wa|telp|tlp|tel|rek) (?=\d) )
    # The letter O typed for a zero inside a number: "5371O3...", "O812...",
    # a group of its own "5371 OOO1".
    | (?P<zero> (?<![^\W\d_]) (?: (?:(?<=\d)|(?<=\d[ .\-/])) [Oo]++ (?![^\W\d_]) | [Oo]++ (?=[ .\-/]?\d) ) )
    | (?P<other> [^\x00-\x7f] )
    """,
    re.VERBOSE,
)
# Where `_fold` may rewrite text so that `_MAYBE` matches. Everyday
# typography (quotes, accented letters, a dash between words, a bullet) is
# left out: it folds to nothing an identifier is made of.
_FOLD_MATTERS = re.compile(
    rf"""\d[ .\-/]?[Oo] | [Oo][ .\-/]?\d | @{_SPACE}
    | \d{_SPACE}++[\-/] | [\-/]{_SPACE}++\d | \d{_SPACE}*+[{_DASH}] | [{_DASH}]{_SPACE}*+\d
    | [\[({{<]{_SPACE}*+(?i:at|dot|titik){_SPACE}*+[\])}}>]
    | [^\x00-\x7f\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4-\u00b8\u00bb\u00bf\u00c0-\u024f{_DASH}\u2018-\u201f\u2022\u2026]
    """,
    re.VERBOSE,
)
# Invisible letters that are not format characters (Hangul fillers, the
# combining grapheme joiner): typed between digits they hide a number too.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0")


def _fold_char(ch: str) -> str:
    """One non-ASCII character as the patterns read it."""
    category = unicodedata.category(ch)
    if category == "Cf" or ch in _INVISIBLE:
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category == "Pd" or ch == "\u2212":
        return "-"
    if category == "Zs":
        return " "
    # Full-width "＠", "（", letters: their ASCII twins.
    return unicodedata.normalize("NFKC", ch)


def _fold_match(match: re.Match[str]) -> str:
    kind, value = match.lastgroup, match.group()
    if kind == "joint":
        return "/" if "/" in value or "\uff0f" in value else "-"
    if kind == "gap":
        return " "
    if kind == "at":
        return "@"
    if kind == "dot":
        return "."
    if kind == "label":
        return value + " "
    if kind == "zero":
        return "0" * len(value)
    return _fold_char(value)


@dataclass(frozen=True)
class _Folded:
    """Text as the patterns read it, and the way back to the text as written.

    ``pieces`` are the rewritten parts, each (start, end) in ``text`` and
    (start, end) in the original, in order; between them the two agree.
    """

    text: str
    starts: tuple[int, ...]
    pieces: tuple[tuple[int, int, int, int], ...]

    def original(self, found: Finding) -> Finding:
        """``found``, a span of the folded text, as the span of the original it was folded from."""
        return Finding(found.kind, self._at(found.start, start=True), self._at(found.end - 1, start=False))

    def _at(self, position: int, *, start: bool) -> int:
        at = bisect.bisect_right(self.starts, position) - 1
        if at < 0:
            return position if start else position + 1
        begin, end, original_begin, original_end = self.pieces[at]
        if position < end:  # inside a rewritten part: the whole of what it came from
            return original_begin if start else original_end
        shifted = original_end + position - end
        return shifted if start else shifted + 1


# Where `_FOLD` can rewrite ASCII text at all: a superset of its ASCII
# branches (a digit or "O" before a spaced dash or slash, a bracketed
# "at"/"dot", "@ ", a letter glued to a digit, an "O" beside a digit). Every
# other rewrite needs a non-ASCII character.
_ASCII_FOLDS = re.compile(
    r"[\dOo](?: +[\-/]|[\-/] )|[\[({<] *(?i:at|dot|titik)|@ |[A-Za-z]\d"
    r"|\d[ .\-/]?[Oo]+(?![A-Za-z])|(?<![A-Za-z])[Oo]+[ .\-/]?\d"
)


def _fold(text: str) -> _Folded:
    # Why the shortcut: most lines of a built site are plain ASCII that
    # `_FOLD` leaves as it is, and scanning them with it is the dearest step
    # of reading a line.
    if text.isascii() and not _ASCII_FOLDS.search(text):
        return _Folded(text, (), ())
    return _fold_all(text)


def _fold_all(text: str) -> _Folded:
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    done = 0  # how much of `text` is in `parts`
    length = 0  # the length of the folded text so far
    for match in _FOLD.finditer(text):
        value = _fold_match(match)
        if value == match.group():
            continue
        start, end = match.span()
        parts.append(text[done:start])
        length += start - done
        parts.append(value)
        pieces.append((length, length + len(value), start, end))
        length += len(value)
        done = end
    if not pieces:
        return _Folded(text, (), ())
    parts.append(text[done:])
    return _Folded("".join(parts), tuple(p[0] for p in pieces), tuple(pieces))


# --- Exempt zones --------------------------------------------------------------


@dataclass(frozen=True)
class _Zone:
    """Text shaped like ``pattern`` cannot hold a finding of ``kinds``."""

    pattern: re.Pattern[str]
    kinds: frozenset[str]


_ZONES = (
    # Money: whatever follows "Rp" is an amount, whatever its grouping. Only a
    # short decimal tail may follow a comma, so a CSV row "Rp1500000,5371..."
    # does not hide the next field.
    _Zone(
        re.compile(r"(?<![A-Za-z])(?:Rp|RP|IDR)\.?[ \u00a0]?-?\d[\d.]*(?:,\d{1,2}(?!\d))?"),
        KINDS,
    ),
    _Zone(
        re.compile(
            r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?[ \u00a0]?"
            r"(?i:rupiah|ribu|juta|miliar|milyar|triliun)(?!\w)"
        ),
        KINDS,
    ),
    # Dates, times and year ranges only matter for the short digit runs that
    # follow an account keyword ("rekening ... 03-09-2025"); the other digit
    # kinds are too long to fit inside them.
    _Zone(
        re.compile(
            rf"""(?<![\w.,\-/])(?:
                  \d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+(?:Z|[+\-]\d{{2}}:?\d{{2}})?)?
                | {_DATE}
                | \d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?(?!\d)
                | (?:19|20)\d\d\s?[-\u2013/]\s?(?:19|20)\d\d(?!\d)
            )""",
            re.VERBOSE | re.IGNORECASE,
        ),
        frozenset({ACCOUNT}),
    ),
    _Zone(
        re.compile(r"(?i)\b(?:https?://|ftps?://|www\.)[^\s<>\"'`]+"),
        frozenset({NIK, NPWP, ACCOUNT}),
    ),
)


# --- Candidate rules -----------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    """Matches of ``pattern`` (its ``value`` group if present) are ``kind``.

    ``accept`` vetoes a matched value by its shape when a regex alone would be
    unreadable.
    """

    kind: str
    pattern: re.Pattern[str]
    accept: Callable[[str], bool] | None = None


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _long_hyphenated(value: str) -> bool:
    return _digit_count(value) >= 10


def _long_spaced(value: str) -> bool:
    groups = value.split()
    # Three or more years in a row ("2024 2025 2026") is a list, not a card.
    return (
        _digit_count(value) >= 10
        and len(groups) >= 3
        and not all(_YEAR.fullmatch(group) for group in groups)
    )


_RULES = (
    _Rule(EMAIL, _EMAIL),
    # Every 16-digit run is a NIK or a Nomor KK, valid or not, however grouped.
    _Rule(NIK, re.compile(rf"{_START}(?:\d{_SEP_OR_SLASH}?){{15}}\d{_END}")),
    _Rule(
        NPWP,
        re.compile(
            rf"{_START}(?:\d{{2}}\.\d{{3}}\.\d{{3}}\.\d[.\-]\d{{3}}\.\d{{3}}|\d{{15}}){_END}"
        ),
    ),
    # Mobile: 08 + 8-11 digits, or 62/+62 + 8 + 8-11 digits. The usual
    # three-group shape is tried before any grouping, so that in
    # "0812-3456-7890 2 kali" the "2" stays outside the span.
    _Rule(
        PHONE,
        re.compile(
            rf"""{_START}
            (?: (?:\+62|\(\+62\)|62)[ \u00a0.\-]? | 0 ) 8
            (?: \d{{8,11}}{_END}
              | \d{{1,3}}({_SEP_OR_SLASH})\d{{3,4}}\1\d{{3,5}}{_END}
              | (?:{_SEP}?\d){{8,11}}{_END}
            )""",
            re.VERBOSE,
        ),
    ),
    # The operator code in brackets: "+62 (812) 3456-7890", "(0812) 3456 7890".
    _Rule(
        PHONE,
        re.compile(
            rf"""{_START}
            (?: (?:\+62|62)[ \u00a0]? )? \( 0?8\d{{1,3}} \) [ \u00a0.\-]?
            \d{{3,4}} {_SEP}? \d{{3,5}}
            {_END}""",
            re.VERBOSE,
        ),
    ),
    # A landline in E.164, as a "tel:" link writes it: "+62218350123".
    _Rule(PHONE, re.compile(rf"{_START}(?:\+62[ \u00a0]?|(?<=tel:)62)[1-79]\d{{7,10}}{_END}")),
    # After a phone label any number is a phone, however short its area
    # code or grouping: "tel:032379732", "HP 0380 821 234".
    _Rule(
        PHONE,
        re.compile(
            rf"""
            (?<![^\W\d_]) (?i: tel | telp | tlp | telepon | hp | wa | ponsel ) (?![^\W\d_]) \.?
            [\s:]*+
            (?P<value> (?:\+62|62|0) [ \u00a0]? \(? [1-9] (?:[ \u00a0.\-/()]?\d){{6,12}} )
            {_END}
            """,
            re.VERBOSE,
        ),
    ),
    # Landline: only with a visible area code, "(0380) 821234", "0380-821234"
    # or "+62 380 821234"; a bare "0380821234" stays an ACCOUNT.
    _Rule(
        PHONE,
        re.compile(
            rf"""{_START}
            (?: \(0[1-79]\d{{1,2}}\)[ \u00a0]?
              | 0[1-79]\d{{1,2}}{_SEP_OR_SLASH}
              | \+62[ \u00a0\-]?\(?[1-79]\d{{1,2}}\)?{_SEP_OR_SLASH}
            )
            \d{{3,4}}[ \u00a0\-]?\d{{2,4}}
            {_END}""",
            re.VERBOSE,
        ),
    ),
    _Rule(ACCOUNT, re.compile(rf"{_START}\d{{10,}}{_END}")),
    _Rule(ACCOUNT, re.compile(rf"{_START}\d+(?:-\d+)+{_END}"), _long_hyphenated),
    _Rule(
        ACCOUNT,
        re.compile(rf"{_START}\d{{3,6}}(?:[ \u00a0]\d{{3,6}})+(?:[ \u00a0]\d{{1,6}})?{_END}"),
        _long_spaced,
    ),
    # After an account keyword even six digits are an account: bank account
    # numbers are as short as 6-10 digits. A bank name may sit in between.
    _Rule(
        ACCOUNT,
        re.compile(
            rf"""
            (?<!\w)
            (?: rek(?:ening)? | a\.\s?n | kpj | no(?:mor)?\.?\s*kartu )
            (?!\w) \.?
            (?: [\s:#]*+ [^\W\d_]++ \.? ){{0,3}}?
            [\s:#]*+
            (?P<value> \d(?:{_SEP}?\d){{5,}} )
            {_END}
            """,
            re.VERBOSE | re.IGNORECASE,
        ),
    ),
    _Rule(
        ADDRESS,
        re.compile(
            r"""
            (?<!\w)
            (?: (?:R\.?T|rukun\s++tetangga) \s*+[./]?\s*+ (?:R\.?W|rukun\s++warga)
                \s*+[.:]?\s*+ \d{1,3} \s*+/\s*+ \d{1,3}                       # RT/RW 005/002
              | (?:R\.?[TW]|rukun\s++(?:tetangga|warga)) \s*+\.?\s*+:?\s*+ \d{1,3}(?!\d)  # RT 005, R.W.02
                (?: \s*+[/,]?\s*+ (?:R\.?W|rukun\s++warga) \s*+\.?\s*+:?\s*+ \d{1,3} )?  # ... /RW 002
            )
            (?!\d)
            """,
            re.VERBOSE | re.IGNORECASE,
        ),
    ),
    # A street is a public place; a street with a house number is a home.
    # "Jalan"/"Gang" must be capitalised, so prose ("jalan kaki", "Jalan-jalan")
    # stays out; the abbreviations are accepted in any case.
    _Rule(
        ADDRESS,
        re.compile(
            r"""
            (?<!\w)
            (?: (?i:jln?|gg|lr)\.\s*+ | (?i:jln?|gg|lr)\s++
              | (?:Jalan|JALAN|Gang|GANG|Lorong|LORONG|Blok|BLOK)\s++
            )
            (?: [A-Z0-9][\w'.\-]*+ ,?\s++ ){0,6}?
            (?i:no(?:mor|mer)?) \.?\s*+:?\s*+ \d++[A-Za-z]?
            (?!\w)
            """,
            re.VERBOSE,
        ),
    ),
    # A house number needs no "No.": "Jl. Sudirman 12". Without the keyword
    # the number must not read as a date, a quantity or a distance
    # ("Jalan Sudirman 17 Agustus", "Jalan Nasional 2 ruas", a road's
    # kilometre post "Jl. Timor Raya Km 36").
    _Rule(
        ADDRESS,
        re.compile(
            rf"""
            (?<!\w)
            (?: (?i:jln?|gg|lr)\.\s*+ | (?i:jln?|gg|lr)\s++
              | (?:Jalan|JALAN|Gang|GANG|Lorong|LORONG)\s++
            )
            (?: (?!(?i:km|kilometer|no|nomor|rp)(?![^\W\d_])) [A-Z][\w'.\-]*+ [ \u00a0]++ ){{1,6}}?
            \d{{1,4}}[A-Za-z]?
            (?!\w) (?![.,:/\-]\d)
            (?! [ \u00a0]*+ (?i: {_MONTHS} | {_QUANTITY} ) (?![^\W\d_]) )
            """,
            re.VERBOSE,
        ),
    ),
    # The date after a birth keyword; the place of birth may sit in between.
    # "Hari Lahir Pancasila, 1 Juni" is a holiday, and a sentence end stops the
    # search so "bayi baru lahir. Pada 3 September 2025" is not a birth date.
    _Rule(
        BIRTH_DATE,
        re.compile(
            rf"""
            (?<!\w)(?<!hari\s)
            (?: ttl
              | (?:(?:tempat|tmpt|tmp)\.? \s*+[,/]?\s*+)? (?:tanggal|tgl\.?) \s*+ (?:lahir|lhr)
              | lahir | lhr
            )
            (?!\w)
            (?: [^\d.!?;]
              | \.(?=\S)
              | (?<=kab)\. | (?<=kec)\. | (?<=kel)\. | (?<=ds)\. | (?<=prov)\. | (?<=tgl)\. | (?<=lhr)\.
            ){{0,40}}?
            (?<!\w)
            (?P<value> {_DATE} )
            """,
            re.VERBOSE | re.IGNORECASE,
        ),
    ),
    # "kelahiran" also names birth certificates ("akta kelahiran") and
    # registration services, so it counts only with the date right after it.
    _Rule(
        BIRTH_DATE,
        re.compile(
            rf"(?<!\w)(?<!akta\s)kelahiran[\s:,]*+(?P<value>{_DATE})",
            re.VERBOSE | re.IGNORECASE,
        ),
    ),
)


# What every match of each rule holds, counted from its pattern: the fewest
# digits in one chain (see `_rules_for`), and words of which it holds one
# (lower case; None: no word needed). A NIK has 16 digits, an NPWP 15, a
# bare "08" mobile grouped 081-234-567 9, a bracketed, labelled or landline
# number 8, E.164 "+62" and 8 digits 10, the three shape-vetoed account
# rules 10; the keyword rules need their keyword.
def _any_of(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


_JALAN = _any_of("jl", "gg", "lr", "jalan", "gang", "lorong", "blok")
_NEEDS: tuple[tuple[_Rule, int, re.Pattern[str] | None], ...] = tuple(
    zip(
        _RULES,
        (0, 16, 15, 9, 8, 10, 8, 8, 10, 10, 10, 0, 0, 0, 0, 0, 0),
        (_any_of("@"), None, None, None, _any_of("("), None, _any_of("tel", "tlp", "hp", "wa", "ponsel"), None,
         None, None, None, _any_of("rek", "a.", "kpj", "kartu"), _any_of("rt", "r.t", "rw", "r.w", "rukun"),
         _JALAN, _JALAN, _any_of("ttl", "lahir", "lhr"), _any_of("kelahiran")),
        strict=True,
    )
)


# --- Public API ----------------------------------------------------------------


def find_identifiers(
    text: str,
    *,
    allow: AbstractSet[str] = frozenset(),
    official_emails_ok: bool = False,
) -> tuple[Finding, ...]:
    """Return every personal identifier in ``text``, sorted and non-overlapping.

    Kinds in ``allow`` are not reported. Overlaps are settled before that, so
    an allowed phone number is not reported again as the account number that
    its digits also look like. With ``official_emails_ok``, e-mail addresses
    that ``is_official_email`` accepts are skipped the same way.

    >>> find_identifiers("Hubungi 0812-3456-7890 untuk info.")
    (Finding(kind='phone', start=8, end=22),)
    >>> text = "NIK 5371031234560001, Jl. Sudirman No. 12, no. rek 0123456789"
    >>> [(f.kind, text[f.start:f.end]) for f in find_identifiers(text)]
    [('nik', '5371031234560001'), ('address', 'Jl. Sudirman No. 12'), ('account', '0123456789')]
    >>> find_identifiers("Rp2.500.000.000 untuk 100.000 pekerja rentan, Rabu (3/9/2025)")
    ()
    >>> find_identifiers("ppid@kupangkota.go.id", official_emails_ok=True)
    ()
    >>> find_identifiers("0812-3456-7890", allow=frozenset({PHONE}))
    ()
    """
    unknown = set(allow) - KINDS
    if unknown:
        raise ValueError(f"unknown identifier kinds in allow: {sorted(unknown)}")
    # Every kind needs six digits in a row (give or take separators), an
    # "@", or one of the address and birth-date keywords; most text (names,
    # venues, dates, counts) has none, and this keeps it cheap.
    # Text with no spelling that `_fold` rewrites is checked as it is.
    if not _MAYBE.search(text) and not _FOLD_MATTERS.search(text):
        return ()
    folded = _fold(text)
    if not _MAYBE.search(folded.text):
        return ()
    return tuple(
        folded.original(found)
        for found in _folded_findings(folded.text)
        if found.kind not in allow
        and not (
            official_emails_ok
            and found.kind == EMAIL
            and is_official_email(folded.text[found.start : found.end])
        )
    )


def _all_findings(text: str) -> tuple[Finding, ...]:
    """Every identifier in `text`, without the quick pre-checks (tests compare the two)."""
    folded = _fold_all(text)
    exempt = _exempt_zones(folded.text)
    found = _resolve(f for f in _candidates(folded.text, _RULES) if not _exempt(f, exempt))
    return tuple(map(folded.original, found))


def _folded_findings(text: str) -> tuple[Finding, ...]:
    candidates = list(_candidates(text, _rules_for(text)))
    if not candidates:  # the exempt zones only ever remove candidates
        return ()
    exempt = _exempt_zones(text)
    return _resolve(found for found in candidates if not _exempt(found, exempt))


# A chain of digits, each at most three non-word characters from the next:
# every digit rule's match is one, however it groups, brackets or prefixes
# its number ("+62 (812) 3456-7890" has two-character gaps at most).
_DIGIT_CHAIN = re.compile(r"\d(?:\W{0,3}\d){7,}")
_DIGITS = re.compile(r"\d")


def _rules_for(text: str) -> tuple[_Rule, ...]:
    """The rules that can match `text` (folded): those whose digits fit in its longest chain and whose word it holds.

    Why: a built site is full of dates and slugs ("2025-09-03-bantuan-
    00046") that pass `_MAYBE` but hold no chain of eight digits or more
    and none of the keywords, and running every rule on each of them was
    most of the lint. Words are looked for only in ASCII text: there
    ``lower()`` is exactly what the patterns' IGNORECASE compares, while
    a few other letters ("ı", "K") match ASCII ones under it.
    """
    chain = max((len(_DIGITS.findall(m.group())) for m in _DIGIT_CHAIN.finditer(text)), default=0)
    low = text.lower() if text.isascii() else None
    return tuple(
        rule for rule, fewest, needs in _NEEDS
        if fewest <= chain and (needs is None or low is None or needs.search(low))
    )


def is_official_email(address: str) -> bool:
    """Return True when ``address`` is a government or school mailbox.

    Why: an office's public contact address (``ppid@...go.id``) may be
    published, a person's mailbox may not. ``.or.id``, ``.co.id``, ``.id``
    and webmail domains can be registered by anyone, so they are not official.

    >>> is_official_email("ppid@kupangkota.go.id")
    True
    >>> is_official_email("humas@undana.ac.id"), is_official_email("PPID@NTTPROV.GO.ID")
    (True, True)
    >>> is_official_email("info@yayasan.or.id"), is_official_email("budi@gmail.com")
    (False, False)
    >>> is_official_email("ppid@kupangkota.go.id.example.com")
    False
    """
    if _EMAIL.fullmatch(address) is None:
        return False
    domain = address.rpartition("@")[2].lower()
    return domain.endswith(_OFFICIAL_EMAIL_SUFFIXES)


def contact_digits(text: str) -> str:
    """A telephone number's digits in national form, however it is written.

    >>> contact_digits("+62 380 821234"), contact_digits("(0380) 821-234")
    ('0380821234', '0380821234')
    """
    digits = re.sub(r"\D", "", text)
    # +62 380 821234 and 0380 821234 are one number.
    return "0" + digits[2:] if digits.startswith("62") else digits


def is_listed(found: str, contacts: Iterable[str]) -> bool:
    """Whether identifier text `found` is one of `contacts`, or part of one, however it is spaced.

    Why: an office hotline or a public building's address listed as an
    official contact may appear in any text; nothing else shaped like them may.

    >>> is_listed("0380-821234", ["Call center (0380) 821234"]), is_listed("+62 380 821234", ["0380 821234"])
    (True, True)
    >>> is_listed("Jl. El Tari No. 2", ["Kantor Wali Kota, Jl. El  Tari No. 2, Kupang"]), is_listed("0812-1111-2222", ["0380 821234"])
    (True, False)
    """
    digits = contact_digits(found)
    folded = " ".join(found.casefold().split())
    for contact in contacts:
        if len(digits) >= 6 and digits in contact_digits(contact):
            return True
        if folded and folded in " ".join(contact.casefold().split()):
            return True
    return False


def redact(text: str) -> str:
    """`text` with each personal identifier in it masked, for a message that quotes what was written.

    The message already points at the file and line; the number itself must
    not travel on, to a terminal, a CI log or a chat where staff paste it.

    >>> redact("Tanggal 5371031234560001"), redact("Hubungi 0812-3456-7890 segera")
    ('Tanggal 53**************', 'Hubungi 08************ segera')
    """
    for found in reversed(find_identifiers(text)):
        text = text[: found.start] + text[found.start : found.start + 2] + "*" * (found.end - found.start - 2) + text[found.end :]
    return text


def mask_name(name: str) -> str:
    """Return ``name`` as fixed-shape initials: each word becomes ``X***``.

    Why: per-letter masks (``W****N``) leak the length and the last letter,
    which in a small kelurahan can be enough to re-identify a person. Words
    without a letter or digit are dropped; apostrophes and hyphens stay inside
    their word.

    >>> mask_name("Jonathan Agustinus Tali")
    'J*** A*** T***'
    >>> mask_name("susilowati"), mask_name("Ma'ruf Nunu-Tali"), mask_name("Élise")
    ('S***', 'M*** N***', 'É***')
    >>> mask_name("Ibu Maria Goreti Ulu"), mask_name("Bpk. Ulu"), mask_name("Mama")
    ('M*** G*** U***', 'U***', 'M***')
    >>> mask_name("  ")
    Traceback (most recent call last):
    ...
    ValueError: name has no word to mask
    """
    # NFC so that a decomposed "É" (E + combining accent) keeps its accent.
    parts = unicodedata.normalize("NFC", name).split()
    # An honorific typed with the name is not the person: "I*** M***" would
    # mask a word that tells nothing and show one initial too many.
    while len(parts) > 1 and set(words(parts[0])) <= HONORIFICS:
        parts = parts[1:]
    masked = tuple(_initial(first) + "***" for first in map(_first_alnum, parts) if first)
    if not masked:
        raise ValueError("name has no word to mask")
    return " ".join(masked)


# --- Helpers -------------------------------------------------------------------


def _candidates(text: str, rules: Sequence[_Rule]) -> Iterator[Finding]:
    for rule in rules:
        group = "value" if "value" in rule.pattern.groupindex else 0
        for match in rule.pattern.finditer(text):
            start, end = match.span(group)
            value = text[start:end]
            if rule.kind in _DIGIT_KINDS and _GROUPED_AMOUNT.fullmatch(value):
                continue
            if rule.accept is not None and not rule.accept(value):
                continue
            yield Finding(rule.kind, start, end)


# Per kind: zone starts in order, and the furthest end reached by any zone up
# to each of them.
_ZoneIndex = dict[str, tuple[list[int], list[int]]]


def _exempt_zones(text: str) -> _ZoneIndex:
    spans = sorted(
        (match.start(), match.end(), kind)
        for zone in _ZONES
        for match in zone.pattern.finditer(text)
        for kind in zone.kinds
    )
    index: _ZoneIndex = {}
    for start, end, kind in spans:
        starts, reach = index.setdefault(kind, ([], []))
        starts.append(start)
        reach.append(max(end, reach[-1]) if reach else end)
    return index


def _exempt(found: Finding, index: _ZoneIndex) -> bool:
    """Whether one zone that exempts ``found.kind`` contains all of ``found``."""
    # Why the running maximum: a page can hold thousands of dates and amounts,
    # and among the zones starting at or before the finding, one covers its
    # end exactly when the furthest-reaching one does.
    starts, reach = index.get(found.kind, ([], []))
    at = bisect.bisect_right(starts, found.start)
    return at > 0 and reach[at - 1] >= found.end


def _resolve(candidates: Iterator[Finding]) -> tuple[Finding, ...]:
    """Keep the most specific of overlapping candidates, ordered by position."""
    # Kept findings never overlap, so ordered by start they are also ordered by
    # end, and a newcomer only has to be checked against its two neighbours.
    # Why: a built page can hold thousands of candidates.
    kept: list[Finding] = []
    starts: list[int] = []
    for found in sorted(candidates, key=lambda f: (_RANK[f.kind], f.start, f.start - f.end)):
        at = bisect.bisect_right(starts, found.start)
        if at and kept[at - 1].end > found.start:
            continue
        if at < len(kept) and kept[at].start < found.end:
            continue
        kept.insert(at, found)
        starts.insert(at, found.start)
    return tuple(kept)


def _first_alnum(word: str) -> str:
    return next((ch for ch in word if ch.isalnum()), "")


def _initial(ch: str) -> str:
    # "ß".upper() is "SS": two characters would break the fixed shape.
    upper = ch.upper()
    return upper if len(upper) == 1 else ch


@dataclass(frozen=True)
class Leak:
    """Personal data found in a built file: an identifier, or a name that must not appear."""

    path: str
    line: int
    kind: str  # one of KINDS, or NAME
    excerpt: str  # the matched text with digits and letters masked, safe to print


NAME = "name"


# Words written before a name that are not part of it: "Ibu Maria Goreti
# Ulu" in a record is the Maria Goreti Ulu a page may print, and back.
HONORIFICS = frozenset({
    "bapak", "bapa", "bpk", "pak", "ibu", "bu", "mama", "alm", "almh", "almarhum", "almarhumah",
    "sdr", "sdri", "saudara", "saudari", "tn", "ny", "nn",
})


_LONGEST_NAME = 6
"""Words of the longest name found also by two of its words in a row."""


class NameIndex:
    r"""Names to look for in text, matched word by word as `fold` compares them.

    A word is a run of letters and digits: hyphens, dots, underscores and
    apostrophes separate words, so ``maria.goreti-ulu`` and ``Ma\'ruf``
    are found. Honorifics before a name are not part of it. A name of
    three words or more is also found by any two of its words in a row,
    unless those are part of another listed name found whole there; and a
    name inside a longer listed name found whole there is that longer name
    (one person called Wati, another Sri Wati).

    Why an index on the first word: one regex alternation of thousands of
    names is far too slow.

    >>> NameIndex(["Ani Ledo", "Ma'ruf"]).find("Bersama ANI\nLEDO dan Ma’ruf")
    [('Ani Ledo', 'A*** L***'), ("Ma'ruf", 'M*** R***')]
    >>> NameIndex(["Ibu Maria Goreti Ulu"]).find("foto maria_goreti dan Goreti-Ulu")
    [('Ibu Maria Goreti Ulu', 'M*** G***'), ('Ibu Maria Goreti Ulu', 'G*** U***')]
    >>> NameIndex(["Wati", "Sri Wati"]).find("Sri Wati dan Wati")
    [('Sri Wati', 'S*** W***'), ('Wati', 'W***')]
    """

    def __init__(self, names: Iterable[str], words_of: Callable[[str], tuple[str, ...]] | None = None) -> None:
        """`words_of` gives a name's `name_words` where the caller has them already (the preview keeps them)."""
        self._by_first: dict[str, dict[tuple[str, ...], dict[str, bool]]] = {}
        for name in names:
            words = (words_of or name_words)(name)
            self._add(words, name, whole=True)
            # Only a person's name: a "name" of many words is a slip or an
            # attack, and its pairs are everyday phrases; "7 7" or an
            # initial beside a word is no one in particular.
            if 3 <= len(words) <= _LONGEST_NAME:
                for pair in zip(words, words[1:]):
                    if all(sum(ch.isalpha() for ch in word) >= 2 for word in pair):
                        self._add(pair, name, whole=False)

    def _add(self, words: tuple[str, ...], name: str, *, whole: bool) -> None:
        if words:
            bearers = self._by_first.setdefault(words[0], {}).setdefault(words, {})
            bearers[name] = bearers.get(name, False) or whole

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def could_match(self, found: AbstractSet[str]) -> bool:
        """Whether a text whose words are `found` could hold a listed name: every word of one is among them.

        >>> NameIndex(["Ani Ledo"]).could_match({"ledo", "ani", "hadir"}), NameIndex(["Ani Ledo"]).could_match({"ani"})
        (True, False)
        """
        return any(all(w in found for w in entry) for first in self._by_first.keys() & found
                   for entry in self._by_first[first])

    def find(self, text: str) -> list[tuple[str, str]]:
        """(name, masked excerpt) for every listed name in `text`."""
        return self.find_in(words(text))

    def find_in(self, tokens: Sequence[str]) -> list[tuple[str, str]]:
        """`find` of a text whose `words` are `tokens`."""
        return [(name, excerpt) for _, name, excerpt in self.matches(tokens)]

    def matches(self, tokens: Sequence[str]) -> list[tuple[int, str, str]]:
        """(index of the first token, name, masked excerpt) for every listed name in `tokens` (as `words` gives them)."""
        found: list[tuple[int, int, str, bool]] = []
        by_first = self._by_first
        # Most words start no listed name: find those that do in one pass.
        for i in [i for i, word in enumerate(tokens) if word in by_first]:
            for words_, bearers in by_first[tokens[i]].items():
                if tuple(tokens[i : i + len(words_)]) == words_:
                    found.extend((i, i + len(words_), name, whole) for name, whole in bearers.items())
        spans = [(start, end) for start, end, _, whole in found if whole]
        # Words inside a longer listed name found whole are that name's: "Wati"
        # in "Sri Wati" is Sri Wati, whom the policy may show; a pair inside any
        # whole name is that name. The longer name answers for them.
        def inside(start: int, end: int, strictly: bool) -> bool:
            return any(s <= start and end <= e and (e - s > end - start or not strictly) for s, e in spans)

        return [
            (start, name, " ".join(_initial(w[0]) + "***" for w in tokens[start:end]))
            for start, end, name, whole in found
            if not inside(start, end, strictly=whole)
        ]


def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a person: `words` of the name, honorifics before it left out.

    >>> name_words("Bpk. Maria-Goreti Ulu") == name_words("maria goreti ulu")
    True
    """
    all_words = words(name)
    at = 0
    while at < len(all_words) and all_words[at] in HONORIFICS:
        at += 1
    return tuple(all_words[at:] or all_words)


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of `text` as names are compared (`fold`): runs of letters and digits, nothing between them.

    >>> words("Ma’ruf NUNU-tali_Ｏｅ.bobo")
    ['ma', 'ruf', 'nunu', 'tali', 'oe', 'bobo']
    """
    return _WORD.findall(fold(text))


def lint(
    files: Iterable[tuple[str, str]],
    names: Iterable[str] = (),
    allowed: Callable[[str, str], bool] = lambda name, path: False,
    official: Iterable[str] = (),
    store: Kept | None = None,
    spread: Spread | None = None,
) -> tuple[Leak, ...]:
    r"""Every identifier, and every one of `names` not `allowed` there, in the built `files` (path, text).

    The second line of defence: records are checked before composing, and
    this runs over what was composed, so a template or code change that
    leaks cannot publish. Each file is read as a person or a crawler would
    read it (see `readable_text`); names are matched as `NameIndex` does,
    across line breaks, and in the file's path too (line 0): an event's
    file name reaches its URL, the feeds and the downloads.
    ``allowed(name, path)`` says whether a name may appear in that file; an
    identifier that is one of the site's `official` contacts is no leak.
    Line numbers count lines of that readable text.

    With a `store`, what a file's text gives whatever the names are (its
    identifiers and the set of its words) is kept by the digest of its
    path and text, so a build after one new event reads again only the
    files that changed, and the unchanged ones whose words could hold one
    of `names` (`NameIndex.could_match`): the findings are the same.
    `spread` may read the files on other processes (`parallel.Cores`, as
    a build passes it); the findings are those of reading them in turn.

    >>> lint([("a.html", "<p>Hubungi 0812-3456-7890</p>"), ("b.csv", "Ma&#39;ruf Contoh,3")], ["Ma'ruf Contoh"])
    (Leak(path='a.html', line=1, kind='phone', excerpt='0***'), Leak(path='b.csv', line=1, kind='name', excerpt='M*** R*** C***'))
    >>> lint([("a.html", "Ani Ledo"), ("b.html", "Ani Ledo")], ["Ani Ledo"], lambda name, path: path == "a.html")
    (Leak(path='b.html', line=1, kind='name', excerpt='A*** L***'),)
    >>> lint([("berita/ani-ledo/index.html", "<p>Ani</p>\n<p>Ledo</p>")], ["Ani Ledo"])
    (Leak(path='berita/ani-ledo/index.html', line=0, kind='name', excerpt='A*** L***'), Leak(path='berita/ani-ledo/index.html', line=1, kind='name', excerpt='A*** L***'))
    >>> lint([("a.html", "Layanan (0380) 821234")], official=["(0380) 821234"])
    ()
    """
    index = NameIndex(names)
    contacts = tuple(official)
    reader = _Reader(contacts, keep_words=bool(index or store))
    leaks: list[Leak] = []
    # Reading is most of the lint's cost, and each file is read on its own.
    with (spread or _InTurn)(reader) as readers:
        for batch in _batches(files, _BATCH):
            keys = [store.key("lint", path, raw, *contacts) if store else "" for path, raw in batch]
            readings = [_Reading.loads(store.get(key)) if store else None for key in keys]
            made = iter(readers.map([file for file, reading in zip(batch, readings) if reading is None]))
            for (path, raw), key, reading in zip(batch, keys, readings):
                if reading is None:
                    reading = next(made)
                    if store:
                        store.put(key, reading.dumps())
                leaks.extend(_leaks_in(path, reading, index, allowed))
    return tuple(leaks)


def _leaks_in(path: str, reading: _Reading, index: NameIndex, allowed: Callable[[str, str], bool]) -> list[Leak]:
    """The leaks of one file, from its path and its `_Reading`, by line."""
    here: list[Leak] = []
    if index:
        here.extend(Leak(path, 0, NAME, excerpt) for _, name, excerpt in index.matches(words(path))
                    if not allowed(name, path))
    here.extend(Leak(path, number, kind, excerpt) for number, kind, excerpt in reading.identifiers)
    # Names are matched over the whole file, so one split by a line break
    # or across HTML elements is still one name.
    if index and index.could_match(frozenset(reading.words)):
        here.extend(Leak(path, bisect.bisect_right(reading.starts, at), NAME, excerpt)
                    for at, name, excerpt in index.matches(reading.words) if not allowed(name, path))
    return sorted(here, key=lambda leak: leak.line)


_BATCH = 64
"""Files read at once: what the lint holds of the site, whatever its size."""


def _batches(files: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for file in files:
        batch.append(file)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Reader:
    """Reads files into `_Reading`s, each distinct line once (the memos), for one lint call."""

    def __init__(self, contacts: tuple[str, ...], keep_words: bool) -> None:
        self.contacts = contacts
        self.keep_words = keep_words
        # The theme repeats its menus, footer and boxes on every page, and an
        # article's paragraphs recur in its feed entry, listings and data
        # files: each distinct line is read once, and its findings reused
        # wherever it recurs. Its words are kept only for short lines (menus,
        # labels), which are most of the repeats; longer ones are split again.
        self.lines = _Memo(_MEMO_CHARS)
        self.tags = _Memo(_MEMO_CHARS // 4)

    def line(self, line: str) -> tuple[list[tuple[str, str]], list[str] | None]:
        kept = None if len(line) >= 200 else words(line) if self.keep_words else []
        return _identifiers(line, self.contacts), kept

    def __call__(self, file: tuple[str, str]) -> _Reading:
        return _read_file(*file, self.lines.get, self.line, self.tags, keep_words=self.keep_words)


class _Mapper(Protocol):
    def map(self, items: Sequence[tuple[str, str]]) -> list[_Reading]: ...


class Spread(Protocol):
    """How `lint` has its files read: given the reader, a context whose `map` reads a batch, in order."""

    def __call__(self, job: Callable[[tuple[str, str]], _Reading]) -> AbstractContextManager[_Mapper]: ...


class _InTurn:
    """Every file read in this process, in turn: the lint's own way, where no `spread` is given."""

    def __init__(self, job: Callable[[tuple[str, str]], _Reading]) -> None:
        self.job = job

    def __enter__(self) -> _InTurn:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, items: Sequence[tuple[str, str]]) -> list[_Reading]:
        return [self.job(item) for item in items]


class Kept(Protocol):
    """Where `lint` keeps readings between builds: `cache.Store` (privacy itself reads no folder)."""

    def key(self, *parts: str | bytes) -> str: ...
    def get(self, key: str) -> bytes | None: ...
    def put(self, key: str, data: bytes) -> bool: ...


@dataclass(frozen=True)
class _Reading:
    """What the lint reads in one file whatever the names are: its identifiers (line, kind, excerpt) and its words.

    `starts` holds, per line, the index of its first word in `words`.
    """

    identifiers: tuple[tuple[int, str, str], ...]
    words: tuple[str, ...]
    starts: tuple[int, ...]

    def dumps(self) -> bytes:
        # Words never hold a space (`words`), so one string keeps them all.
        return json.dumps([list(self.identifiers), " ".join(self.words), list(self.starts)],
                          ensure_ascii=False).encode("utf-8")

    @classmethod
    def loads(cls, data: bytes | None) -> _Reading | None:
        """The reading `dumps` wrote, or None for no entry or a torn one."""
        try:
            identifiers, found, starts = json.loads(data) if data is not None else (None, None, None)
            return cls(tuple((int(n), str(k), str(e)) for n, k, e in identifiers), tuple(found.split()),
                       tuple(int(n) for n in starts))
        except (ValueError, TypeError, AttributeError):
            return None


def _read_file(path: str, raw: str, remembered: Callable[[str, Callable[[str], Any]], Any],
               read: Callable[[str], tuple[list[tuple[str, str]], list[str] | None]], tags: _Memo,
               keep_words: bool) -> _Reading:
    """One file's `_Reading`, each distinct line worked out once (`remembered`) by `read`."""
    found_here: list[tuple[int, str, str]] = []
    tokens: list[str] = []
    starts: list[int] = []
    for number, line in enumerate(readable_text(path, raw, tags=tags).split("\n"), start=1):
        found, line_words = remembered(line, read)
        found_here.extend((number, kind, excerpt) for kind, excerpt in found)
        starts.append(len(tokens))
        if keep_words:
            tokens.extend(words(line) if line_words is None else line_words)
    return _Reading(tuple(found_here), tuple(tokens), tuple(starts))


_MEMO_CHARS = 8_000_000
"""Characters of text one lint call remembers results for: a bound on its memory, whatever the site's size."""

class _Memo:
    """Results by the text they were worked out from, within one call: a cache that holds no state between builds.

    Why the budget: the texts are kept as keys, so once `room` characters
    are held, new texts are worked out each time instead of remembered.
    """

    def __init__(self, room: int) -> None:
        self._held: dict[str, Any] = {}
        self._room = room

    def get(self, text: str, work_out: Callable[[str], Any]) -> Any:
        found = self._held.get(text)
        if found is None:
            found = work_out(text)
            if len(text) <= self._room:
                self._room -= len(text)
                self._held[text] = found
        return found


def _identifiers(line: str, official: tuple[str, ...]) -> list[tuple[str, str]]:
    """(kind, masked excerpt) of every identifier in one line."""
    return [(f.kind, _initial(line[f.start]) + "***") for f in find_identifiers(line, official_emails_ok=True)
            if not (official and is_listed(line[f.start : f.end], official))]


# --- Reading published files ---------------------------------------------------
#
# Built pages are machine-written HTML, so regular expressions read them
# reliably, and far faster than an HTML parser over thousands of pages. What
# a page hides from the eye (comments, scripts, attributes) is still
# published: a crawler or "view source" reads it, so it is read too.

_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_TAG = re.compile(r"""<(/?)([A-Za-z][\w:.\-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>""")
_HIDDEN = re.compile(r"<!--(.*?)(?:-->|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)|<[!?][^>]*>", re.DOTALL)
_RAW = re.compile(r"""<(script|style|textarea|title)\b((?:"[^"]*"|'[^']*'|[^'">])*)>(.*?)(?:</\1\s*>|\Z)""",
                  re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Drawing, layout and references between elements, never words: an SVG
# path, a chart's coordinates and a chart's digest id ("chart-2840293847")
# are runs of digits that would read as account numbers. What an element is
# called is still read where people read it (its text, title, aria-label).
_UNREAD = frozenset({
    "id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
    "d", "points", "viewbox", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry",
    "dx", "dy", "width", "height", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "offset",
    "font-size", "opacity", "fill-opacity", "stroke-opacity", "pathlength",
})
# A reader sees no gap where these open or close ("Maria <b>Goreti</b>" is
# one name, "08<span>12</span>…" one number); every other tag breaks the line,
# but a table row is read as one line, as a screen reader reads it.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "tspan",
})
_CELL = frozenset({"td", "th"})
_GAPS = MappingProxyType({**dict.fromkeys(_INLINE, ""), **dict.fromkeys(_CELL, " | ")})
_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\([0-9a-fA-F]{1,6})\s?")
_BREAK = "\x00"


def _unescaped(text: str) -> str:
    """`text` with JavaScript, JSON, CSS and URL escapes decoded (``\\u0035``, ``\\35 ``, ``%35``)."""
    def char(match: re.Match[str]) -> str:
        code = int(next(g for g in match.groups() if g), 16)
        return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
    return urllib.parse.unquote(_ESCAPE.sub(char, text))


def _with_decoded(lines: Iterable[str]) -> Iterator[str]:
    """Each line, and after it the same line decoded when escapes change it."""
    for line in lines:
        yield line
        if "\\" in line or "%" in line:
            decoded = _unescaped(line)
            if decoded != line:
                yield decoded


def _markup_lines(raw: str, depth: int = 0, tags: _Memo | None = None) -> Iterator[str]:
    """The lines a person, a crawler or "view source" reads in HTML, SVG or XML; `tags` remembers what each tag's attributes read."""
    tags = _Memo(0) if tags is None else tags
    raw = raw.replace(_BREAK, " ")
    bodies: list[str] = []

    def hide(match: re.Match[str]) -> str:
        bodies.append(match.group(0))
        return _BREAK

    text = _HIDDEN.sub(hide, _RAW.sub(hide, raw))
    for body in bodies:
        yield from _hidden_lines(body, depth, tags)
    read: list[str] = []

    def gap(tag: re.Match[str]) -> str:
        # One pass over the tags reads their attributes and leaves their
        # gaps; pages repeat the same tags (menus, icons, links) hundreds
        # of times, so what a tag's attributes read is remembered.
        read.extend(tags.get(tag.group(3), _tag_lines))
        return _tag_gap(tag)

    visible = _TAG.sub(gap, text)
    yield from read
    for line in html.unescape(visible).split(_BREAK):
        line = " ".join(line.split())
        if not line:
            continue
        # Escaped markup inside markup: an RSS description, a comment.
        if depth < 2 and "<" in line and _TAG.search(line):
            yield from _markup_lines(line, depth + 1, tags)
        else:
            yield line


def attributes(text: str) -> Iterator[tuple[str, str]]:
    """(name, value as written) of each attribute in the inside of a tag; a bare attribute has the value "".

    >>> list(attributes(' href="a b" hidden data-x=1'))
    [('href', 'a b'), ('hidden', ''), ('data-x', '1')]
    """
    for name, *values in _ATTRIBUTE.findall(text):
        yield name, next((v for v in values if v), "")


def _tag_lines(inside: str) -> tuple[str, ...]:
    return tuple(_attribute_lines(inside))


def _attribute_lines(inside: str) -> Iterator[str]:
    for name, value in attributes(inside):
        if value and name.casefold() not in _UNREAD:
            yield from _with_decoded([html.unescape(value)])


def _tag_gap(tag: re.Match[str]) -> str:
    # Cells of a row read as one line, so a name split over two cells is
    # still found; but with a bar between them, as a reader sees columns:
    # counts and amounts side by side (1.200 | 900.000 | 1.080.000.000) are
    # not a 16-digit number.
    return _GAPS.get(tag.group(2).casefold(), _BREAK)


def _hidden_lines(body: str, depth: int, tags: _Memo) -> Iterator[str]:
    """The text of a comment, a CDATA section, or a script, style, title or textarea element."""
    raw = _RAW.fullmatch(body)
    if raw is None:
        inner = _HIDDEN.fullmatch(body)
        text = next((g for g in inner.groups() if g), "") if inner else body
        yield from (_markup_lines(text, depth + 1, tags) if depth < 2 else _with_decoded(text.splitlines()))
        return
    kind, attributes, text = raw.group(1).casefold(), raw.group(2), raw.group(3)
    yield from _attribute_lines(attributes)
    if kind in ("title", "textarea"):
        text = html.unescape(text)
    elif "json" in attributes.casefold():
        yield from _json_lines(text)
    yield from _with_decoded(line.strip() for line in text.splitlines() if line.strip())


def _json_lines(raw: str) -> list[str]:
    """The string values of JSON text, and integers long enough to be a NIK; [] when it is no JSON."""
    try:
        data = json.loads(raw, parse_float=str, parse_int=lambda digits: digits if len(digits) >= 15 else "")
    except (ValueError, RecursionError):
        return []
    return [line for text in strings_in(data) for line in text.split("\n") if line]


def readable_text(path: str, raw: str, *, tags: _Memo | None = None) -> str:
    """The text of a published file as a person, a crawler or "view source" reads it.

    Markup (HTML, SVG, XML, as its first character shows, whatever the
    file's name) gives its visible text, one line per block, inline tags
    joined as the eye joins them; every attribute but drawing coordinates;
    comments, scripts and styles; escapes decoded. JSON gives its string
    values, decoded; CSV its cells that are not plain figures; any other
    file its text.

    >>> readable_text("a.html", '<p title="Ani">Maria <b>Goreti</b> &#85;lu</p><svg><path d="M1234567890 0"/></svg>').splitlines()
    ['Ani', 'Maria Goreti Ulu']
    >>> readable_text("a.json", '{"t": "Ma\\u0027ruf", "n": 3}')
    "Ma'ruf"
    >>> readable_text("x.png", '<!-- 0812 --><a href="tel:%2B62812">x</a>').splitlines()
    ['0812', 'tel:%2B62812', 'tel:+62812', 'x']
    """
    start = raw.lstrip("\ufeff \t\r\n")[:1]
    if start == "<" or path.endswith((".html", ".htm", ".xhtml", ".svg", ".xml")):
        return "\n".join(_markup_lines(raw, tags=tags))
    if path.endswith(".csv"):
        # A cell of digits alone is a figure (an amount, a count): the text
        # cells, where a leaked identifier would sit, are what is read.
        rows = csv.reader(io.StringIO(raw, newline=""))
        return html.unescape("\n".join(",".join(c for c in row if not _FIGURE.fullmatch(c)) for row in rows))
    found = _json_lines(raw) if start in ("{", "[") or path.endswith(".json") else []
    if found:
        return "\n".join(found)
    return "\n".join(_with_decoded(html.unescape(raw).split("\n")))


# Formats that hold no text to read: images, fonts, archives. Anything else
# is read as text, whatever its name says.
_BINARY = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
           b"\x00\x01\x00\x00", b"OTTO", b"%PDF", b"PK\x03\x04", b"\x00asm")
_GZIP = b"\x1f\x8b"
_MAX_UNPACKED = 64 * 1024 * 1024


def published_text(path: str, data: bytes) -> str | None:
    """The text of a published file's bytes, or None for an image, a font or another binary format.

    A gzip file (MkDocs' ``sitemap.xml.gz``) is read unpacked. Text that is
    not UTF-8 is read as Latin-1: never skipped, since every digit of an
    identifier survives that reading.

    >>> published_text("a.txt", "NIK ✓".encode()), published_text("b.png", b"\\x89PNG\\r\\n"), published_text("c", b"Jos\\xe9")
    ('NIK ✓', None, 'José')
    """
    if data.startswith(_GZIP):
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            return published_text(path.removesuffix(".gz"), packed.read(_MAX_UNPACKED))
    if data.startswith(_BINARY) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or data[4:8] == b"ftyp":
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
