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
import html
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import MappingProxyType

from .text import strings_in

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


def _fold(text: str) -> _Folded:
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
            (?: (?!(?i:km|kilometer|no|nomor)(?![^\W\d_])) [A-Z][\w'.\-]*+ [ \u00a0]++ ){{1,6}}?
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
    """Every identifier in `text`, without the quick pre-check (tests compare the two)."""
    folded = _fold(text)
    return tuple(map(folded.original, _folded_findings(folded.text)))


def _folded_findings(text: str) -> tuple[Finding, ...]:
    exempt = _exempt_zones(text)
    return _resolve(found for found in _candidates(text) if not _exempt(found, exempt))


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


def _contact_digits(text: str) -> str:
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
    digits = _contact_digits(found)
    folded = " ".join(found.casefold().split())
    for contact in contacts:
        if len(digits) >= 6 and digits in _contact_digits(contact):
            return True
        if folded and folded in " ".join(contact.casefold().split()):
            return True
    return False


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
    >>> mask_name("  ")
    Traceback (most recent call last):
    ...
    ValueError: name has no word to mask
    """
    # NFC so that a decomposed "É" (E + combining accent) keeps its accent.
    words = unicodedata.normalize("NFC", name).split()
    masked = tuple(_initial(first) + "***" for first in map(_first_alnum, words) if first)
    if not masked:
        raise ValueError("name has no word to mask")
    return " ".join(masked)


# --- Helpers -------------------------------------------------------------------


def _candidates(text: str) -> Iterator[Finding]:
    for rule in _RULES:
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


class NameIndex:
    """Names to look for in text, matched whole word by whole word, ignoring case.

    Why an index on the first word: one regex alternation of thousands of
    names is far too slow.

    >>> NameIndex(["Ani Ledo", "Ma'ruf"]).find("Bersama ANI LEDO dan Ma’ruf")
    [('Ani Ledo', 'A*** L***')]
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], str]] = {}
        for name in names:
            words = tuple(_words(name))
            if words:
                self._by_first.setdefault(words[0], {})[words] = name

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[tuple[str, str]]:
        """(name, masked excerpt) for every listed name in `text`."""
        found = []
        tokens = _words(text)
        for i, word in enumerate(tokens):
            for words, name in self._by_first.get(word, {}).items():
                if tuple(tokens[i : i + len(words)]) == words:
                    found.append((name, " ".join(_initial(w[0]) + "***" for w in words)))
        return found


def lint(
    files: Iterable[tuple[str, str]],
    names: Iterable[str] = (),
    allowed: Callable[[str, str], bool] = lambda name, path: False,
    official: Iterable[str] = (),
) -> tuple[Leak, ...]:
    """Every identifier, and every one of `names` not `allowed` there, in the built `files` (path, text).

    The second line of defence: records are checked before composing, and
    this runs over what was composed, so a template or code change that
    leaks cannot publish. Each file is read as a person or a crawler would
    read it (see `readable_text`); names match whole words, ignoring case.
    ``allowed(name, path)`` says whether a name may appear in that file; an
    identifier that is one of the site's `official` contacts is no leak.
    Line numbers count lines of that readable text.

    >>> lint([("a.html", "<p>Hubungi 0812-3456-7890</p>"), ("b.csv", "Ma&#39;ruf Contoh,3")], ["Ma'ruf Contoh"])
    (Leak(path='a.html', line=1, kind='phone', excerpt='0***'), Leak(path='b.csv', line=1, kind='name', excerpt='M*** C***'))
    >>> lint([("a.html", "Ani Ledo"), ("b.html", "Ani Ledo")], ["Ani Ledo"], lambda name, path: path == "a.html")
    (Leak(path='b.html', line=1, kind='name', excerpt='A*** L***'),)
    >>> lint([("a.html", "Layanan (0380) 821234")], official=["(0380) 821234"])
    ()
    """
    index = NameIndex(names)
    contacts = tuple(official)
    # The theme repeats its menus and footer on every page: each distinct
    # line is scanned once, and its findings reused wherever it recurs.
    # Only short lines are remembered: menus and labels recur, paragraphs of
    # articles do not, and remembering them would hold the whole site.
    seen: dict[str, list[tuple[str, str, str]]] = {}
    leaks = []
    for path, raw in files:
        for number, line in enumerate(readable_text(path, raw).split("\n"), start=1):
            found = seen.get(line)
            if found is None:
                found = _line_findings(line, index, contacts)
                if len(line) < 200:
                    seen[line] = found
            leaks.extend(Leak(path, number, kind, excerpt) for kind, excerpt, name in found
                         if kind != NAME or not allowed(name, path))
    return tuple(leaks)


def _line_findings(line: str, index: NameIndex, official: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(kind, masked excerpt, name or "") of every identifier and listed name in one line."""
    found = [(f.kind, _initial(line[f.start]) + "***", "") for f in find_identifiers(line, official_emails_ok=True)
             if not (official and is_listed(line[f.start : f.end], official))]
    if index:
        found += [(NAME, excerpt, name) for name, excerpt in index.find(line)]
    return found


_WORD = re.compile(r"\w(?:[\w'’.-]*\w)?")


def _words(text: str) -> list[str]:
    """The case-folded words of `text`; apostrophes and hyphens stay inside a word."""
    return [m.group().casefold() for m in _WORD.finditer(text)]


# Built pages are machine-written HTML, so regular expressions read them
# reliably, and far faster than an HTML parser over thousands of pages.
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_SKIPPED = re.compile(r"<(style|script)(?![^>]*application/ld\+json)[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_READ_ATTRIBUTE = re.compile(r"""\s(?:content|alt|title|aria-label|value|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _html_parts(raw: str) -> Iterator[str]:
    text = _SKIPPED.sub(" ", raw)
    for tag in _TAG.finditer(text):
        for match in _READ_ATTRIBUTE.finditer(tag.group()):
            yield html.unescape(match.group(1) or match.group(2) or "")
    for part in _TAG.split(text):
        yield html.unescape(part)


def readable_text(path: str, raw: str) -> str:
    """The text of a built file as a person or a crawler reads it.

    HTML gives its text and the attributes people and search engines read
    (not SVG path data or class names); JSON gives its string values, decoded;
    CSV its cells that are not plain figures.

    >>> readable_text("a.html", '<p title="Ani">Budi <b>Citra</b></p><svg><path d="M1234567890 0"/></svg>').split()
    ['Ani', 'Budi', 'Citra']
    >>> readable_text("a.json", '{"t": "Ma\\u0027ruf", "n": 3}')
    "Ma'ruf"
    """
    if path.endswith((".html", ".htm")):
        return "\n".join(line.strip() for part in _html_parts(raw) for line in part.splitlines() if line.strip())
    if path.endswith(".json"):
        return "\n".join(strings_in(json.loads(raw)))
    if path.endswith(".csv"):
        # A cell of digits alone is a figure (an amount, a count): the text
        # cells, where a leaked identifier would sit, are what is read.
        rows = csv.reader(io.StringIO(raw, newline=""))
        return html.unescape("\n".join(",".join(c for c in row if not _FIGURE.fullmatch(c)) for row in rows))
    return html.unescape(raw)
