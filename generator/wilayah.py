"""The Kemendagri gazetteer: provinces, kabupaten/kota, kecamatan, kelurahan.

Data: ``data/wilayah/`` (idn-area-data 4.0.1, ODbL 1.0, see its LICENSE.md
and SOURCE.md). The tables are read-only, so each region is read once per
process and cached; nothing here changes between builds.
"""

from __future__ import annotations

import csv
import difflib
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

# Time zone by province code (Keppres 41/1987 as applied today). West and
# Central Kalimantan keep WIB; the rest of Kalimantan, Bali, Nusa Tenggara
# and Sulawesi are WITA; Maluku and Papua are WIT.
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
IANA_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


@dataclass(frozen=True)
class Kecamatan:
    code: str
    name: str
    kelurahan: tuple[str, ...]

    def find_kelurahan(self, name: str) -> str | None:
        """The official spelling of kelurahan `name`, ignoring case and spacing."""
        wanted = fold(name)
        return next((k for k in self.kelurahan if fold(k) == wanted), None)


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
    def iana_zone(self) -> str:
        return IANA_ZONES[self.timezone]

    def find_kecamatan(self, name: str) -> Kecamatan | None:
        """The kecamatan called `name`, ignoring case and spacing."""
        return self._by_folded_name.get(fold(name))

    @functools.cached_property
    def _by_folded_name(self) -> dict[str, Kecamatan]:
        # Every recipient group looks its kecamatan up: a dict, not a scan.
        return {fold(k.name): k for k in self.kecamatan}

    def suggest_kecamatan(self, name: str) -> str | None:
        return closest(name, [k.name for k in self.kecamatan])


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


def closest(name: str, candidates: list[str]) -> str | None:
    """The candidate most like `name`, for a "did you mean" suggestion."""
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def fold(text: str) -> str:
    """A name as compared: case and runs of spaces ignored.

    >>> fold("  Kelapa   LIMA ")
    'kelapa lima'
    """
    return " ".join(text.split()).casefold()


def _rows(table: str) -> Iterator[dict[str, str]]:
    path = resources.files(__package__).joinpath("data", "wilayah", f"{table}.csv")
    with path.open(encoding="utf-8", newline="") as handle:
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
    >>> len(kupang.find_kecamatan("kelapa  lima").kelurahan)
    5
    """
    if code not in regencies():
        return None
    name, province_code = regencies()[code]
    villages: dict[str, list[str]] = {}
    prefix = code + "."
    # 83,000 villages: skip other regions' lines before the CSV parser sees them.
    path = resources.files(__package__).joinpath("data", "wilayah", "villages.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.startswith(prefix)]
    for _, district_code, village in csv.reader(lines):
        villages.setdefault(district_code, []).append(village)
    kecamatan = tuple(
        Kecamatan(r["code"], r["name"], tuple(villages.get(r["code"], ())))
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
