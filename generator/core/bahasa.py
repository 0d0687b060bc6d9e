"""Indonesian language rules (EYD V) for Warta articles and pages.

Every function is pure: all inputs are arguments, the locale is fixed to ``id``,
and Babel is only ever called with explicit patterns.

Why: CLDR's named formats for Indonesian hide traps (``full`` zero-pads the day,
percent formatting drops decimals, plain decimal formatting groups years), so the
patterns the newsroom needs are spelled out here once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

_LOCALE = "id"

# Babel parses its CLDR pattern on every call, and a build formats the same
# few thousand dates and counts again and again: the pure formatters below
# remember their answers (same input, same output, so nothing goes stale).
_memo = functools.lru_cache(maxsize=16384)
_ZONES = ("WIB", "WITA", "WIT")
_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
# EYD V spells out a number in running text only when it is a single word.
_ONE_WORD = frozenset({*range(12), 100, 1000})
_FUNCTION_WORDS = frozenset(
    "di ke dari dan yang untuk kepada pada bagi serta atau oleh dengan tentang "
    "dalam atas sebagai melalui terhadap per para".split()
)


@_memo
def day_name(d: date) -> str:
    """Return the KBBI day name of ``d``, computed from the date itself.

    >>> day_name(date(2025, 9, 3))
    'Rabu'
    >>> day_name(date(2025, 8, 3)), day_name(date(2025, 9, 5))
    ('Minggu', 'Jumat')
    """
    return format_date(d, "EEEE", locale=_LOCALE)


@_memo
def news_date(d: date) -> str:
    """Return the news dateline form: day name, then day/month/year.

    >>> news_date(date(2025, 9, 3))
    'Rabu (3/9/2025)'
    """
    return format_date(d, "EEEE (d/M/y)", locale=_LOCALE)


@_memo
def formal_date(d: date) -> str:
    """Return the formal form with day name and comma, without a zero-padded day.

    >>> formal_date(date(2025, 9, 3))
    'Rabu, 3 September 2025'
    """
    return format_date(d, "EEEE, d MMMM y", locale=_LOCALE)


@_memo
def long_date(d: date) -> str:
    """Return day, month name and year.

    >>> long_date(date(2025, 11, 3))
    '3 November 2025'
    """
    return format_date(d, "d MMMM y", locale=_LOCALE)


@_memo
def month_year(year: int, month: int) -> str:
    """Return the month name and year; an invalid month raises ValueError.

    >>> month_year(2025, 9)
    'September 2025'
    """
    return format_date(date(year, month, 1), "MMMM y", locale=_LOCALE)


@_memo
def clock(t: time, zone: str) -> str:
    """Return the 24-hour time with a full stop and the zone: WIB, WITA or WIT only.

    >>> clock(time(9, 0), "WITA")
    'pukul 09.00 WITA'
    >>> clock(time(9, 0), "Wita")
    Traceback (most recent call last):
    ...
    ValueError: unknown time zone 'Wita'; expected one of WIB, WITA, WIT
    """
    return f"pukul {hour(t, zone)}"


@_memo
def hour(t: time, zone: str) -> str:
    """Return the 24-hour time and zone without "pukul", as a date line under a headline shows it.

    >>> hour(time(9, 0), "WITA")
    '09.00 WITA'
    """
    if zone not in _ZONES:
        raise ValueError(f"unknown time zone {zone!r}; expected one of {', '.join(_ZONES)}")
    return f"{format_time(t, 'HH.mm', locale=_LOCALE)} {zone}"


@_memo
def number(n: int) -> str:
    """Return a count for running text: words if it is one word, digits otherwise.

    >>> number(6), number(11), number(12), number(100), number(1000), number(1250)
    ('enam', 'sebelas', '12', 'seratus', 'seribu', '1.250')
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    return words(n) if n in _ONE_WORD else digits(n)


@_memo
def digits(n: int) -> str:
    """Return ``n`` in digits with a full stop between thousands (never for years or IDs).

    >>> digits(6), digits(12500)
    ('6', '12.500')
    """
    return format_decimal(n, format="#,##0", locale=_LOCALE)


def _times(count: int, unit: str) -> str:
    # One of a unit fuses into a single word: seratus, sepuluh, sebelas, seribu.
    return f"se{unit}" if count == 1 else f"{_UNITS[count]} {unit}"


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    out = [_times(hundreds, "ratus")] if hundreds else []
    if tens == 1 and unit:
        out.append(_times(unit, "belas"))
    else:
        if tens:
            out.append(_times(tens, "puluh"))
        if unit:
            out.append(_UNITS[unit])
    return out


def words(n: int) -> str:
    """Return ``n`` in full words (terbilang).

    >>> words(0), words(1100), words(1001000), words(2001000)
    ('nol', 'seribu seratus', 'satu juta seribu', 'dua juta seribu')
    >>> words(2_500_000_000)
    'dua miliar lima ratus juta'

    Why not num2words: it writes "satu ribu" whenever a larger scale precedes the
    thousands; a lone thousand is always "seribu", while juta and above never fuse.
    """
    if n < 0:
        raise ValueError(f"cannot spell a negative number: {n}")
    if n == 0:
        return "nol"
    parts: list[str] = []
    for value, scale in _SCALES:
        count, n = divmod(n, value)
        if count == 1 and scale == "ribu":
            parts.append("seribu")
        elif count:
            parts.append(f"{words(count)} {scale}")
    return " ".join(parts + _below_thousand(n))


@_memo
def rupiah(n: int) -> str:
    """Return a whole-rupiah amount: ``Rp`` attached, thousands grouped, no ``,00``.

    >>> rupiah(2_500_000), rupiah(0)
    ('Rp2.500.000', 'Rp0')
    """
    if n < 0:
        raise ValueError(f"an amount cannot be negative: {n}")
    return format_currency(n, "IDR", format="¤#,##0", currency_digits=False, locale=_LOCALE)


@_memo
def rupiah_prose(n: int) -> str:
    """Return an amount for news prose, shortened to juta/miliar/triliun only when exact.

    >>> rupiah_prose(42_000_000), rupiah_prose(1_500_000), rupiah_prose(1_250_000)
    ('Rp42 juta', 'Rp1,5 juta', 'Rp1,25 juta')
    >>> rupiah_prose(2_500_000_000), rupiah_prose(1_234_567), rupiah_prose(750_000)
    ('Rp2,5 miliar', 'Rp1.234.567', 'Rp750.000')
    >>> rupiah_prose(1_234_000_000)
    'Rp1.234.000.000'

    The scale is the largest one not above ``n``; if that needs more than two
    decimals, or ``n`` is below a million, the full amount is written.
    """
    for value, scale in _SCALES[:3]:
        if n >= value:
            # A money amount is never rounded, so shorten only without remainder.
            if n % (value // 100):
                break
            amount = format_decimal(Decimal(n) / value, format="#,##0.##", locale=_LOCALE)
            return f"Rp{amount} {scale}"
    return rupiah(n)


def percent(x: float) -> str:
    """Return a share as a percentage with at most one decimal, rounded half up.

    >>> percent(0.125), percent(0.5), percent(1 / 3)
    ('12,5%', '50%', '33,3%')

    Why not ``format_percent``: its default pattern silently drops the decimals
    (12,5% becomes 12%) and rounds half to even, which readers do not expect.
    """
    share = (Decimal(str(x)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return format_decimal(share, format="#,##0.#", locale=_LOCALE) + "%"


def join_list(items: Sequence[str]) -> str:
    """Join items with ``dan``, using the serial comma from three items on.

    >>> join_list([]), join_list(["A"]), join_list(["A", "B"]), join_list(["A", "B", "C"])
    ('', 'A', 'A dan B', 'A, B, dan C')
    """
    return format_list(list(items), locale=_LOCALE)


def join_choices(items: Sequence[str]) -> str:
    """Join alternatives with ``atau``, with the serial comma as `join_list` has it.

    >>> join_choices(["A"]), join_choices(["A", "B"]), join_choices(["A", "B", "C"])
    ('A', 'A atau B', 'A, B, atau C')
    """
    return format_list(list(items), style="or", locale=_LOCALE)


def join_groups(groups: Sequence[str]) -> str:
    """Join already formatted groups with ``serta`` before the last one.

    >>> join_groups(["A dan B dari Alak", "C dari Oebobo", "D dari Maulafa"])
    'A dan B dari Alak, C dari Oebobo, serta D dari Maulafa'
    >>> join_groups(["A dan B dari Alak", "C dari Oebobo"])
    'A dan B dari Alak serta C dari Oebobo'
    >>> join_groups(["A, B, dan C dari Alak", "D dari Oebobo"])
    'A, B, dan C dari Alak; serta D dari Oebobo'

    Groups are separated by commas, or by semicolons as soon as any group
    contains a comma of its own, so that the reader can still see the groups.
    """
    if len(groups) < 2:
        return "".join(groups)
    separator = "; " if any("," in g for g in groups) else ", "
    # Like "A dan B", two comma-free groups need no comma before the conjunction.
    before_last = " " if separator == ", " and len(groups) == 2 else separator
    return f"{separator.join(groups[:-1])}{before_last}serta {groups[-1]}"


def capitalize_first(s: str) -> str:
    """Upper-case the first character only; the rest stays as written.

    >>> capitalize_first("pemprov NTT menyerahkan kartu")
    'Pemprov NTT menyerahkan kartu'
    """
    return s[:1].upper() + s[1:]


def _capitalize_word(word: str) -> str:
    # Leading punctuation (an opening quote or bracket) must not hide the first letter.
    return re.sub(r"^(\W*)([^\W\d])", lambda m: m[1] + m[2].upper(), word)


def headline_case(s: str) -> str:
    """Return ``s`` in EYD title case.

    >>> headline_case("pemkot kupang serahkan kartu BPJS kepada 12 pekerja benar-benar rentan")
    'Pemkot Kupang Serahkan Kartu BPJS kepada 12 Pekerja Benar-Benar Rentan'
    >>> headline_case("Bupati Serahkan Bantuan Kepada Nelayan Di Sikka")
    'Bupati Serahkan Bantuan kepada Nelayan di Sikka'

    Every word starts with a capital except function words after the first
    word, which are lower case even when typed capitalised; each part of a
    hyphenated word is capitalised; words starting with a digit, and words in
    capitals (BPJS, DI as an abbreviation), are left alone.
    """
    first = len(s) - len(s.lstrip())

    def fix(m: re.Match[str]) -> str:
        word = m[0]
        if m.start() != first and word.casefold() in _FUNCTION_WORDS and not word.isupper():
            return word.casefold()
        if word[0].isdigit():
            return word
        return "-".join(_capitalize_word(part) for part in word.split("-"))

    return re.sub(r"\S+", fix, s)


def name_with_short(name: str, short: str | None) -> str:
    """Return the first-mention form of an organisation: full name, then its short form.

    >>> name_with_short("Pemerintah Provinsi Nusa Tenggara Timur", "Pemprov NTT")
    'Pemerintah Provinsi Nusa Tenggara Timur (Pemprov NTT)'
    >>> name_with_short("Bank NTT", None)
    'Bank NTT'
    """
    return f"{name} ({short})" if short else name


def title_and_name(title: str, name: str) -> str:
    """Return the title before the name, with no comma between them.

    >>> title_and_name("Wali Kota Kupang", "Christian Widodo")
    'Wali Kota Kupang Christian Widodo'
    """
    return f"{title} {name}"


class Mentions:
    """Tracks, for one article, which keys have been mentioned already.

    >>> m = Mentions()
    >>> m.say("pemprov", "Pemerintah Provinsi NTT (Pemprov NTT)", "Pemprov NTT")
    'Pemerintah Provinsi NTT (Pemprov NTT)'
    >>> m.say("pemprov", "Pemerintah Provinsi NTT (Pemprov NTT)", "Pemprov NTT")
    'Pemprov NTT'
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def say(self, key: str, first: str, later: str) -> str:
        """Return ``first`` the first time ``key`` is said, ``later`` every time after.

        >>> Mentions().say("x", "first", "later")
        'first'
        """
        if key in self._seen:
            return later
        self._seen.add(key)
        return first


def quote_sentence(quote: str, verb: str, speaker: str) -> str:
    """Return an attributed direct quote punctuated per EYD.

    >>> quote_sentence("Ini nyata.", "kata", "Wawan")
    '“Ini nyata,” kata Wawan.'
    >>> quote_sentence('Kapan "kartu" aktif?', "tanya", "warga")
    '“Kapan ‘kartu’ aktif?” tanya warga.'
    >>> quote_sentence("Terima kasih.", "tambahnya", "")
    '“Terima kasih,” tambahnya.'

    Curly marks with no inner spaces; the comma goes inside the closing mark
    unless the quote ends in ``?`` or ``!``; a final full stop becomes that comma;
    straight double quotes inside become single curly marks. The verb is used as
    given (lower case after a quote).
    """
    text = re.sub(r'"([^"]*)"', "‘\\1’", quote.strip())
    if not text or '"' in text:
        raise ValueError(f"empty quote or unbalanced inner quotation marks: {quote!r}")
    if text[-1] not in "?!,":
        text = text.removesuffix(".") + ","
    # A speaker ending in an abbreviation (S.Sos.) already supplies the full stop.
    end = "" if speaker.endswith(".") else "."
    # A continued quote has no speaker: the verb carries "-nya" ("tambahnya").
    return f"“{text}” {verb}{' ' + speaker if speaker else ''}{end}"


@_memo
def quantity(q: Decimal) -> str:
    """Return a quantity of goods: decimal comma, thousands dot, no trailing zeros.

    >>> quantity(Decimal("2.5")), quantity(Decimal("2500")), quantity(Decimal("1.250")), quantity(Decimal("10.00"))
    ('2,5', '2.500', '1,25', '10')
    """
    return format_decimal(q.normalize(), format="#,##0.###", locale=_LOCALE)


def curly_quotes(text: str) -> str:
    """Return ``text`` with straight double quotation marks turned into curly ones.

    Single marks stay: an apostrophe in a name (Ma'ruf) looks the same.

    >>> curly_quotes('Program "Sikka Sehat" Diluncurkan')
    'Program “Sikka Sehat” Diluncurkan'
    """
    return re.sub(r'"([^"]*)"', "“\\1”", text)


def full_stop(text: str) -> str:
    """Return ``text`` ending in exactly one closing mark (a full stop unless it has one).

    >>> full_stop("dibayar pemerintah daerah"), full_stop("dibayar."), full_stop("Siap?")
    ('dibayar pemerintah daerah.', 'dibayar.', 'Siap?')
    """
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def sentence(text: str) -> str:
    """Return ``text`` as a sentence: first letter capitalised, one closing mark.

    >>> sentence("warga dapat mendaftar di kantor desa"), sentence("Hubungi kantor desa.")
    ('Warga dapat mendaftar di kantor desa.', 'Hubungi kantor desa.')
    """
    return full_stop(capitalize_first(text.strip()))


def lower_first(text: str) -> str:
    """Lower-case the first letter of a phrase going mid-sentence, unless the phrase is a name.

    A name: its first word is an abbreviation (BPJS), or its second word is
    capitalised too (Jaminan Kecelakaan Kerja).

    >>> lower_first("Perlindungan jaminan sosial"), lower_first("BPJS Ketenagakerjaan"), lower_first("Jaminan Kematian (JKM)")
    ('perlindungan jaminan sosial', 'BPJS Ketenagakerjaan', 'Jaminan Kematian (JKM)')
    """
    words = text.split(" ")
    if len(words[0]) > 1 and words[0][1:2].isupper():
        return text
    if len(words) > 1 and words[1][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def join_items(items: Sequence[str]) -> str:
    """Join items that may hold "dan" or commas themselves, so the reader still sees the items.

    Plain items take ``dan``; once any item has its own "dan" or comma, the
    last is joined with ``serta`` (and commas become semicolons), as
    `join_groups` does.

    >>> join_items(["beras", "telur"]), join_items(["rawat jalan dan rawat inap", "pemeriksaan gratis"])
    ('beras dan telur', 'rawat jalan dan rawat inap serta pemeriksaan gratis')
    """
    if any("," in item or " dan " in item for item in items):
        return join_groups(items)
    return join_list(items)


# Adverbs that stay with the verb in a lead and are dropped in a headline.
_ADVERB = re.compile(r"^(secara\s+\w+)\s+(.*)$", re.IGNORECASE)
# Where the detail of an object begins: "kartu BPJS Ketenagakerjaan | dan buku rekening ...".
_DETAIL = re.compile(r",| dan | serta | bagi | untuk | kepada | yang | melalui ")


def activity_phrase(activity: str, openers: dict[str, dict[str, str]], default: dict[str, str]) -> dict[str, str]:
    """The verb phrases an activity (a noun phrase) gives, with its object.

    `openers` maps a noun that may open the activity to its words (`kerja`,
    the lead's verb; `judul`, the headline's; `nama`, the noun; `pasif`, the
    passive); `default` gives them when the activity opens otherwise.

    >>> words = {"penyerahan": {"kerja": "menyerahkan", "judul": "Serahkan", "nama": "penyerahan", "pasif": "diserahkan"}}
    >>> p = activity_phrase("penyerahan secara simbolis kartu BPJS Ketenagakerjaan dan buku rekening", words, {})
    >>> p["lead"], p["headline"], p["short"], p["head"]
    ('menyerahkan secara simbolis kartu BPJS Ketenagakerjaan dan buku rekening', 'Serahkan Kartu BPJS Ketenagakerjaan dan Buku Rekening', 'kartu BPJS Ketenagakerjaan', 'kartu')
    >>> activity_phrase("penanaman pohon", words, {"kerja": "menggelar", "judul": "Gelar", "nama": "kegiatan", "pasif": "ditanam"})["lead"]
    'menggelar penanaman pohon'
    """
    first, _, rest = activity.partition(" ")
    opener = openers.get(first.casefold())
    words, phrase = (opener, rest) if opener is not None else (default, activity)
    adverb = _ADVERB.match(phrase)
    target = adverb[2] if adverb else phrase
    short = _DETAIL.split(target, maxsplit=1)[0].strip() or target
    return {
        "verb": words["kerja"],
        "lead": f"{words['kerja']} {phrase}".strip(),
        "headline": headline_case(f"{words['judul']} {target}".strip()),
        "headline_short": headline_case(f"{words['judul']} {short}".strip()),
        "object": target,
        "short": short,
        "head": target.split(" ", 1)[0] if target else "",
        "noun": words["nama"],
        "passive": words["pasif"],
    }


def fit_words(candidates: Sequence[str], limit: int) -> str:
    """The first candidate of at most `limit` words, else the one with fewest.

    >>> fit_words(["satu dua tiga", "satu dua"], 2)
    'satu dua'
    """
    return next((c for c in candidates if len(c.split()) <= limit), min(candidates, key=lambda c: len(c.split())))


# Keyed by each function's own name so a template filter and its function never drift apart.
FILTERS: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (
        day_name,
        news_date,
        formal_date,
        long_date,
        month_year,
        clock,
        hour,
        number,
        digits,
        words,
        rupiah,
        rupiah_prose,
        percent,
        join_list,
        join_choices,
        join_groups,
        capitalize_first,
        headline_case,
        name_with_short,
        title_and_name,
        quote_sentence,
        quantity,
        curly_quotes,
        full_stop,
        sentence,
        lower_first,
        join_items,
        fit_words,
        activity_phrase,
    )
}
