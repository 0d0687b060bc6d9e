"""The Kemendagri gazetteer: provinces, kabupaten/kota, kecamatan, kelurahan.

Data: ``data/wilayah/`` (idn-area-data 4.0.1, ODbL 1.0, see its LICENSE.md
and SOURCE.md). The tables are read-only, so each region is read once per
process and cached; nothing here changes between builds.

Names are given as pages show them (`display_name`): the gazetteer writes a
few in lower case ("Timang gajah"), which no page should repeat.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Iterator

from .documented import doc
from .text import closest, place_key

# Time zone by province code (Keppres 41/1987 as applied today). West and
# Central Kalimantan keep WIB; the rest of Kalimantan, Bali, Nusa Tenggara
# and Sulawesi are WITA; Maluku and Papua are WIT.
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
_PAPUA = {"91", "92", "93", "94", "95", "96"}
IANA_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


@dataclass(frozen=True)
class Kelurahan:
    """A desa or kelurahan of the gazetteer."""

    code: str = doc("Kemendagri code, 53.71.03.1001.")
    name: str = doc("Display name: the gazetteer's, every word capitalised.")

    @property
    def urban(self) -> bool:
        """Whether it is a kelurahan (code 1xxx) rather than a desa (2xxx), as Kemendagri numbers them."""
        return self.code.rsplit(".", 1)[-1].startswith("1")


@dataclass(frozen=True)
class Kecamatan:
    """A kecamatan of the gazetteer, with its desa and kelurahan in code order."""

    code: str = doc("Kemendagri code, 53.71.03.")
    name: str = doc("Display name: the gazetteer's, every word capitalised.")
    kelurahan: tuple[Kelurahan, ...] = doc("Its desa and kelurahan, in code order.")

    def find_kelurahan(self, name: str) -> Kelurahan | None:
        """The kelurahan called `name` here, however it is spaced, cased or hyphenated.

        Why the first: the gazetteer lists a few names twice in one kecamatan
        (a desa and a kelurahan of the same name); a writer cannot tell them
        apart, so the lower code stands for both.
        """
        return self._by_key.get(place_key(name))

    @functools.cached_property
    def _by_key(self) -> dict[str, Kelurahan]:
        by_key: dict[str, Kelurahan] = {}
        for k in self.kelurahan:
            by_key.setdefault(place_key(k.name), k)
        return by_key


@dataclass(frozen=True)
class Region:
    """A kabupaten/kota with its kecamatan, as the site's `region` names it."""

    code: str
    name: str  # "Kota Kupang", "Kabupaten Kupang"
    province_code: str
    province_name: str
    kecamatan: tuple[Kecamatan, ...]

    @property
    def timezone(self) -> str:
        return time_zone(self.province_code)

    @property
    def short_name(self) -> str:
        """The name without "Kabupaten"/"Kota" where no other kabupaten/kota shares it, else the full name.

        >>> region("34.04").short_name, region("53.71").short_name
        ('Sleman', 'Kota Kupang')
        """
        short = self.name.removeprefix("Kabupaten ").removeprefix("Kota ")
        same = [n for n, _ in regencies().values() if n.removeprefix("Kabupaten ").removeprefix("Kota ") == short]
        return short if len(same) == 1 else self.name

    @property
    def system(self) -> str:
        """How the law names the places below this kabupaten/kota.

        'papua' (distrik and kampung, UU 21/2001), 'diy' (kapanewon and
        kalurahan in the kabupaten of Yogyakarta), 'kota-yogyakarta'
        (kemantren), else 'umum' (kecamatan and desa). The words themselves
        are in the templates' kata.yml.

        >>> region("91.71").system, region("34.04").system, region("34.71").system, region("53.71").system
        ('papua', 'diy', 'kota-yogyakarta', 'umum')
        """
        if self.province_code in _PAPUA:
            return "papua"
        if self.code == "34.71":
            return "kota-yogyakarta"
        return "diy" if self.province_code == "34" else "umum"

    @property
    def iana_zone(self) -> str:
        return IANA_ZONES[self.timezone]

    def find_kecamatan(self, name: str) -> Kecamatan | None:
        """The kecamatan called `name`, however it is spaced, cased or hyphenated."""
        return self._by_key.get(place_key(name))

    @functools.cached_property
    def _by_key(self) -> dict[str, Kecamatan]:
        # Every recipient group looks its kecamatan up: a dict, not a scan.
        return {place_key(k.name): k for k in self.kecamatan}

    def suggest_kecamatan(self, name: str) -> str | None:
        return closest(name, [k.name for k in self.kecamatan], key=place_key)


def time_zone(province_code: str) -> str:
    """'WIB', 'WITA' or 'WIT' for a province code.

    >>> time_zone("53"), time_zone("31"), time_zone("94")
    ('WITA', 'WIB', 'WIT')
    """
    if province_code in _WITA:
        return "WITA"
    if province_code in _WIT:
        return "WIT"
    return "WIB"


def display_name(name: str) -> str:
    """A gazetteer name as a page shows it: every word starts with a capital.

    Words the gazetteer writes in capitals (Roman numerals, abbreviations)
    and numbers stay as they are, and so does the "x" of a "2 x 11" name.

    >>> display_name("Timang gajah"), display_name("Kot olin"), display_name("IV Koto")
    ('Timang Gajah', 'Kot Olin', 'IV Koto')
    >>> display_name("2 x 11 Kayu Tanam"), display_name("Muko-muko Bathin VII")
    ('2 x 11 Kayu Tanam', 'Muko-muko Bathin VII')
    """
    words = name.split()
    out = []
    for i, word in enumerate(words):
        between_numbers = 0 < i < len(words) - 1 and words[i - 1].isdigit() and words[i + 1].isdigit()
        if word[:1].islower() and not (word == "x" and between_numbers):
            word = word[0].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def _table(name: str) -> Traversable:
    return resources.files("generator").joinpath("data", "wilayah", f"{name}.csv")


def _rows(table: str) -> Iterator[dict[str, str]]:
    with _table(table).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@functools.cache
def regencies() -> dict[str, tuple[str, str]]:
    """Every kabupaten/kota code -> (name, province code)."""
    return {r["code"]: (r["name"], r["province_code"]) for r in _rows("regencies")}


@functools.cache
def provinces() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("provinces")}


@functools.cache
def region(code: str) -> Region | None:
    """The kabupaten/kota with Kemendagri code `code` ("53.71"), or None.

    >>> kupang = region("53.71")
    >>> kupang.name, kupang.timezone, [k.name for k in kupang.kecamatan]
    ('Kota Kupang', 'WITA', ['Alak', 'Maulafa', 'Kelapa Lima', 'Oebobo', 'Kota Raja', 'Kota Lama'])
    >>> kupang.find_kecamatan("kelapa  lima").kelurahan[0]
    Kelurahan(code='53.71.03.1001', name='Kelapa Lima')
    """
    if code not in regencies():
        return None
    name, province_code = regencies()[code]
    villages: dict[str, list[Kelurahan]] = {}
    prefix = code + "."
    # 83,000 villages: skip other regions' lines before the CSV parser sees them.
    with _table("villages").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.startswith(prefix)]
    for village_code, district_code, village in csv.reader(lines):
        villages.setdefault(district_code, []).append(Kelurahan(village_code, display_name(village)))
    kecamatan = tuple(
        Kecamatan(r["code"], display_name(r["name"]), tuple(villages.get(r["code"], ())))
        for r in _rows("districts")
        if r["regency_code"] == code
    )
    return Region(code, name, province_code, provinces()[province_code], kecamatan)


def suggest_region(code: str) -> str | None:
    """The nearest real kabupaten/kota code.

    A code that lost its trailing zero (``53.10`` read as a number) is the
    likeliest slip, so it is tried first.

    >>> suggest_region("53.1"), suggest_region("53.7l")
    ('53.10', '53.71')
    """
    if code + "0" in regencies():
        return code + "0"
    return closest(code, list(regencies()))
