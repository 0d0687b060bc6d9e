""""Mungkin maksud Anda ...?": offered for a slip, never for another word.

The measurement behind the threshold in `core.text.closest`: every field
name of the record format and the kecamatan of ten regions, misspelt once
(a letter dropped, added, changed, or two swapped), must be suggested
right; field names of other records, unrelated words staff type, and the
kecamatan of other regions must not be offered as something they are not.
"""

from __future__ import annotations

import inspect
import string
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from generator.core import wilayah
from generator.core.text import closest, edits, place_key
from generator.records import model

RECORDS = {
    name: tuple(cls.model_fields)
    for name, cls in vars(model).items()
    if inspect.isclass(cls) and issubclass(cls, BaseModel) and cls.__module__ == model.__name__ and cls.model_fields
}
EVERY_FIELD = {f for fields in RECORDS.values() for f in fields}

# What staff type instead of a field name: Indonesian words, English words
# from other tools, pieces of addresses.
UNRELATED = (
    "participants", "lokasi", "jabatan", "tanggal", "judul", "alamat", "keterangan", "catatan", "foto", "tempat",
    "peserta", "penerima", "jumlah", "sumber", "acara", "kegiatan", "pembicara", "description", "location",
    "organizer", "speaker", "quote", "photo", "comment", "notes", "status", "category", "image", "author", "phone",
    "email", "nik", "rt", "rw", "desa", "kecamatan",
)

# Singular and plural, or the Indonesian word for the field: a suggestion
# that is right although the word is not a slip of it.
RELATIVES = {("nama", "name")}

REGIONS = ("53.71", "34.04", "53.10", "91.71", "31.71", "63.71", "12.71", "61.71", "73.71", "53.07")
# Aceh, Sulawesi Barat and Maluku: none of them is one of REGIONS' provinces.
OTHER_PROVINCES = ("11", "76", "81")


def one_slip(word: str, letters: str) -> Iterator[str]:
    """Every way of misspelling `word` once with `letters`."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
        yield from (word[:i] + c + word[i + 1 :] for c in letters if c != word[i])
        if i + 1 < len(word) and word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(len(word) + 1):
        yield from (word[:i] + c + word[i:] for c in letters)


def a_tie(slip: str, meant: str, candidates: tuple[str, ...], key=str) -> bool:
    """Whether another candidate is as near `slip` as the one meant."""
    return any(edits(key(slip), key(c)) <= edits(key(slip), key(meant)) for c in candidates if key(c) != key(meant))


def related(word: str, suggestion: str) -> bool:
    stem = min(len(word), len(suggestion)) - 1
    return (word, suggestion) in RELATIVES or word[:stem] == suggestion[:stem]


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_every_field_name_misspelt_once_is_suggested(record: str) -> None:
    fields = RECORDS[record]
    wrong = []
    for field in fields:
        for slip in set(one_slip(field, string.ascii_lowercase + "_")) - set(fields):
            got = closest(slip, fields)
            if got != field and not (got is None and a_tie(slip, field, fields)):
                wrong.append((slip, field, got))
    assert wrong == []


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_other_words_are_not_offered_as_a_field(record: str) -> None:
    fields = RECORDS[record]
    offered = {}
    for word in (EVERY_FIELD | set(UNRELATED)) - set(fields):
        got = closest(word, fields)
        if got is not None and not related(word, got):
            offered[word] = got
    assert offered == {}


def test_participants_is_not_offered_as_recipients() -> None:
    assert closest("participants", RECORDS["Payment"]) is None
    assert closest("participants", RECORDS["Recipients"]) is None
    assert closest("participant", RECORDS["Event"]) == "participants"


@pytest.mark.parametrize("code", REGIONS)
def test_every_kecamatan_misspelt_once_is_suggested(code: str) -> None:
    region = wilayah.region(code)
    names = tuple(k.name for k in region.kecamatan)
    wrong = []
    for name in names:
        # Vowels and h: the letters Indonesian spellings trade (oe/u, dj/j, Tj/C).
        for slip in set(one_slip(place_key(name), "aeiouhjy")) - {place_key(n) for n in names}:
            got = region.suggest_kecamatan(slip)
            if got != name and not (got is None and a_tie(slip, name, names, place_key)):
                wrong.append((slip, name, got))
    assert wrong == []


def test_kecamatan_of_other_regions_are_rarely_offered_as_local_ones() -> None:
    codes = [code for code, (_, province) in wilayah.regencies().items() if province in OTHER_PROVINCES]
    others = sorted({k.name for code in codes for k in wilayah.region(code).kecamatan})
    checked, offered = 0, {}
    for code in REGIONS:
        region = wilayah.region(code)
        for name in others:
            if region.find_kecamatan(name) is None:
                checked += 1
                if got := region.suggest_kecamatan(name):
                    offered[name] = got
    # The few offered are one letter from a local name, as a slip would be
    # ("Kuta Raja" -> "Kota Raja", "Bula" -> "Bola"): 5 of 4,740 when measured.
    assert checked > 4000 and len(offered) <= checked // 200, offered
    assert all(edits(place_key(name), place_key(got)) <= 2 for name, got in offered.items())


@pytest.mark.parametrize("slip, meant", [
    ("Kelapa Lma", "Kelapa Lima"), ("Oebobbo", "Oebobo"), ("Kota Rja", "Kota Raja"), ("Maulafaa", "Maulafa"),
    ("Klapa Lma", "Kelapa Lima"),  # two slips in a long name
])
def test_realistic_kecamatan_slips(slip: str, meant: str) -> None:
    assert wilayah.region("53.71").suggest_kecamatan(slip) == meant
