"""Tests for generator.privacy: identifier tables, then properties that must always hold."""

from __future__ import annotations

import ast
import dataclasses
import random
import re
import string
import unicodedata
import time
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType, ModuleType

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.core import privacy
from generator.core.privacy import (
    ACCOUNT,
    ADDRESS,
    BIRTH_DATE,
    EMAIL,
    KINDS,
    NIK,
    NPWP,
    PHONE,
    Finding,
    find_identifiers,
    is_official_email,
    mask_name,
)

ROOT = Path(__file__).resolve().parents[1]


def spans(
    text: str, *, allow: frozenset[str] = frozenset(), official_emails_ok: bool = False
) -> list[tuple[str, str]]:
    """Findings as (kind, matched text), which reads better in failures than offsets."""
    found = find_identifiers(text, allow=allow, official_emails_ok=official_emails_ok)
    return [(f.kind, text[f.start : f.end]) for f in found]


# --- True positives ------------------------------------------------------------

# (text, kind, the part of the text the finding must cover)
POSITIVES = [
    ("5371031234560001", NIK, "5371031234560001"),
    ("5371 0312 3456 0001", NIK, "5371 0312 3456 0001"),
    ("5371-0312-3456-0001", NIK, "5371-0312-3456-0001"),
    ("5371.0312.3456.0001", NIK, "5371.0312.3456.0001"),
    ("5371\u00a00312\u00a03456\u00a00001", NIK, "5371\u00a00312\u00a03456\u00a00001"),
    ("NIK: 5371031234560001", NIK, "5371031234560001"),
    ("No. KK 5371012345670002", NIK, "5371012345670002"),
    ("0812-3456-7890", PHONE, "0812-3456-7890"),
    ("081234567890", PHONE, "081234567890"),
    ("+62 812 3456 7890", PHONE, "+62 812 3456 7890"),
    ("+6281234567890", PHONE, "+6281234567890"),
    ("(+62) 812-3456-7890", PHONE, "(+62) 812-3456-7890"),
    ("WA 0812.3456.7890", PHONE, "0812.3456.7890"),
    ("(0380) 821234", PHONE, "(0380) 821234"),
    ("0380-821234", PHONE, "0380-821234"),
    ("+62 380 821234", PHONE, "+62 380 821234"),
    ("01.234.567.8-901.000", NPWP, "01.234.567.8-901.000"),
    ("NPWP 012345678901000", NPWP, "012345678901000"),
    ("no. rek 0123456789", ACCOUNT, "0123456789"),
    ("rekening 123456", ACCOUNT, "123456"),
    ("Rek. BRI: 1234-5678-90", ACCOUNT, "1234-5678-90"),
    ("rekening Bank NTT 0012345", ACCOUNT, "0012345"),
    ("KPJ 12345678", ACCOUNT, "12345678"),
    ("0012345678901", ACCOUNT, "0012345678901"),
    ("kartu KIS 0001 2345 6789 0", ACCOUNT, "0001 2345 6789 0"),
    ("1234-01-123456-50-1", ACCOUNT, "1234-01-123456-50-1"),
    ("budi@gmail.com", EMAIL, "budi@gmail.com"),
    ("x@contoh.id", EMAIL, "x@contoh.id"),
    ("budi.santoso+bansos@yahoo.co.id", EMAIL, "budi.santoso+bansos@yahoo.co.id"),
    ("ppid@kupangkota.go.id", EMAIL, "ppid@kupangkota.go.id"),
    ("RT 005/RW 002", ADDRESS, "RT 005/RW 002"),
    ("RT.05 RW.02", ADDRESS, "RT.05 RW.02"),
    ("Rt 3 Rw 4", ADDRESS, "Rt 3 Rw 4"),
    ("RT/RW 005/002", ADDRESS, "RT/RW 005/002"),
    ("Ketua RT 05", ADDRESS, "RT 05"),
    ("Jl. Sudirman No. 12", ADDRESS, "Jl. Sudirman No. 12"),
    ("Jalan Timor Raya No 5", ADDRESS, "Jalan Timor Raya No 5"),
    ("Jln. X no.7", ADDRESS, "Jln. X no.7"),
    ("Gang Mawar No. 3", ADDRESS, "Gang Mawar No. 3"),
    ("Jl. W.J. Lalamentik Nomor 7A", ADDRESS, "Jl. W.J. Lalamentik Nomor 7A"),
    ("lahir 12-03-1980", BIRTH_DATE, "12-03-1980"),
    ("tanggal lahir 12 Maret 1980", BIRTH_DATE, "12 Maret 1980"),
    ("tgl. lahir: 1980-03-12", BIRTH_DATE, "1980-03-12"),
    ("lahir di Kupang, 12 Maret 1980", BIRTH_DATE, "12 Maret 1980"),
    ("lahir di Kab. Kupang, 5 Agt. 1975", BIRTH_DATE, "5 Agt. 1975"),
    ("TTL Kupang, 12/03/1980", BIRTH_DATE, "12/03/1980"),
    ("Tempat/Tgl Lahir: Kupang / 12-03-1980", BIRTH_DATE, "12-03-1980"),
    ("kelahiran 12 Maret 1980", BIRTH_DATE, "12 Maret 1980"),
]

SENTENCES = ["{}", "Hubungi {} untuk info.", "Menurut petugas, data warga ({}) tercatat."]


@pytest.mark.parametrize("template", SENTENCES)
@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_identifier_is_found_with_its_kind_and_span(
    template: str, text: str, kind: str, value: str
) -> None:
    sentence = template.format(text)
    start = sentence.index(value)
    assert find_identifiers(sentence) == (Finding(kind, start, start + len(value)),)


def test_several_findings_come_in_text_order() -> None:
    text = (
        "Budi (NIK 5371031234560001), HP 0812-3456-7890, surel budi@gmail.com, "
        "tinggal di Jl. Sudirman No. 12 RT 005/RW 002, lahir 12-03-1980, rek BRI 123456."
    )
    assert spans(text) == [
        (NIK, "5371031234560001"),
        (PHONE, "0812-3456-7890"),
        (EMAIL, "budi@gmail.com"),
        (ADDRESS, "Jl. Sudirman No. 12"),
        (ADDRESS, "RT 005/RW 002"),
        (BIRTH_DATE, "12-03-1980"),
        (ACCOUNT, "123456"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rekening 5371031234560001", [(NIK, "5371031234560001")]),
        ("rek 081234567890", [(PHONE, "081234567890")]),
        ("rekening 012345678901234", [(NPWP, "012345678901234")]),
        ("0812 3456 7890 1234", [(NIK, "0812 3456 7890 1234")]),
        ("081234567890@gmail.com", [(EMAIL, "081234567890@gmail.com")]),
        # Rank decides even against a candidate that starts earlier or runs longer.
        ("Jl. Sudirman No. 5371031234560001", [(NIK, "5371031234560001")]),
        ("rekening 0812 3456 7890 12", [(PHONE, "0812 3456 7890")]),
        # The next number after a phone stays out of its span.
        ("Hubungi 0812-3456-7890 2 kali", [(PHONE, "0812-3456-7890")]),
        # A comma separates CSV fields; it does not glue numbers together.
        ("nik,umur\n5371031234560001,45", [(NIK, "5371031234560001")]),
        ("jumlah,Rp1500000,5371031234560001", [(NIK, "5371031234560001")]),
    ],
)
def test_most_specific_kind_wins_an_overlap(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


# --- Must not match ------------------------------------------------------------

NEGATIVES = [
    "Rp1.500.000",
    "Rp2.500.000.000",
    "Rp16.800 per bulan",
    "Rp 2.500.000.000.000.000",
    "Rp2.500.000.000.000.000",
    "Rp1.500.000,00",
    "Rp 2500000000",
    "Rp. 5371.0312.3456.0001",
    "IDR 2500000000",
    "rekening senilai Rp 1500000",
    "2.500.000.000.000.000 rupiah",
    "2500000000000000 rupiah",
    "pukul 09.00 WITA",
    "pukul 09.00-12.00 WITA",
    "Rabu (3/9/2025)",
    "3/9/2025",
    "2025-09-03",
    "2025",
    "tahun 2024-2025",
    "tahun 2024 2025 2026",
    "Kemendagri code 53.71.03.1010",
    "53.71",
    "Nomor 40 Tahun 1999",
    "PP 44/2015",
    "Peraturan Dewan Pers Nomor 1/Peraturan-DP/III/2012",
    "Kepmendagri No 300.2.2-2138 Tahun 2025",
    "SK Nomor 050-2025",
    "Pasal 65 ayat (2) UU No. 27 Tahun 2022",
    "100.000 pekerja rentan",
    "30,85 juta",
    "desil 1 dan 2",
    "Jalan-jalan sore di Kota Kupang",
    "Ruang Garuda, Balai Kota Kupang",
    "Jl. El Tari, Kupang",
    "program RTLH 150 unit",
    "2025-09-03T09:00:00+08:00",
    "https://kupangkota.go.id/berita/2025/09/03/",
    # Numeric post ids in URLs look like a NIK or an account: see the module docstring.
    "https://www.facebook.com/kupangkota/posts/1234567890123456",
    "https://x.com/kupangkota/status/1834567890123456789",
    "Hari Lahir Pancasila, 1 Juni 2025",
    "bayi baru lahir. Pada 3 September 2025 ia",
    "pengurusan akta kelahiran 3 September 2025",
    "rekening senilai Rp1.500.000",
    "buku rekening Bank NTT untuk 100.000 pekerja",
    "rekening dibuka pada 03-09-2025",
    "rekening tahun 2024-2025",
    "logo@2x.png",
    "ikuti @kupangkota",
    # Digits glued to letters are hashes and slugs, not identifiers.
    "assets/app.a1234567890123456b.js",
]


@pytest.mark.parametrize("template", ["{}", "Pada Rabu, {} tercatat."])
@pytest.mark.parametrize("text", NEGATIVES)
def test_everyday_text_is_not_an_identifier(template: str, text: str) -> None:
    assert spans(template.format(text)) == []


# --- As people type them (issue 12) ---------------------------------------------

# (text, kind, the part of the text the finding must cover): the same
# identifiers as above, typed the ways staff and residents type them.
AS_TYPED = [
    ("NIK 5371\u20130312\u20133456\u20130001", NIK, "5371\u20130312\u20133456\u20130001"),
    ("NIK 5371\u20140312\u20143456\u20140001", NIK, "5371\u20140312\u20143456\u20140001"),
    ("NIK 5371/0312/3456/0001", NIK, "5371/0312/3456/0001"),
    ("NIK 5371 - 0312 - 3456 - 0001", NIK, "5371 - 0312 - 3456 - 0001"),
    ("KK 5371 / 0312 / 3456 / 0002", NIK, "5371 / 0312 / 3456 / 0002"),
    ("NIK 5371\u200b0312\u200b3456\u200b0001", NIK, "5371\u200b0312\u200b3456\u200b0001"),
    ("NIK 537103\u00ad1234560001", NIK, "537103\u00ad1234560001"),
    ("NIK 5371031234560001\u200b", NIK, "5371031234560001"),
    ("NIK5371031234560001", NIK, "5371031234560001"),
    ("KK5371012345670002", NIK, "5371012345670002"),
    ("nik5371031234560001", NIK, "5371031234560001"),
    ("NIK 5371O31234560OO1", NIK, "5371O31234560OO1"),
    ("NIK \uff15\uff13\uff17\uff11\uff10\uff13\uff11\uff12\uff13\uff14\uff15\uff16\uff10\uff10\uff10\uff11", NIK,
     "\uff15\uff13\uff17\uff11\uff10\uff13\uff11\uff12\uff13\uff14\uff15\uff16\uff10\uff10\uff10\uff11"),
    ("HP081234567890", PHONE, "081234567890"),
    ("WA 0812 3456 7890", PHONE, "0812 3456 7890"),
    ("WA081234567890", PHONE, "081234567890"),
    ("Telp0812-3456-7890", PHONE, "0812-3456-7890"),
    ("O812-3456-7890", PHONE, "O812-3456-7890"),
    ("0812\u20133456\u20137890", PHONE, "0812\u20133456\u20137890"),
    ("0812 \u2013 3456 \u2013 7890", PHONE, "0812 \u2013 3456 \u2013 7890"),
    ("0812/3456/7890", PHONE, "0812/3456/7890"),
    ("+62 (812) 3456-7890", PHONE, "+62 (812) 3456-7890"),
    ("+62(812)34567890", PHONE, "+62(812)34567890"),
    ("(0812) 3456 7890", PHONE, "(0812) 3456 7890"),
    ("+62218350123", PHONE, "+62218350123"),
    ("tel:+62218350123", PHONE, "+62218350123"),
    ("tel:+6281234567890", PHONE, "+6281234567890"),
    ("\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10", PHONE,
     "\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10"),
    ("0812\u200b3456\u200b7890", PHONE, "0812\u200b3456\u200b7890"),
    ("budi[at]gmail.com", EMAIL, "budi[at]gmail.com"),
    ("budi [at] gmail [dot] com", EMAIL, "budi [at] gmail [dot] com"),
    ("budi(at)gmail(dot)com", EMAIL, "budi(at)gmail(dot)com"),
    ("budi (AT) gmail (DOT) com", EMAIL, "budi (AT) gmail (DOT) com"),
    ("budi\uff20gmail.com", EMAIL, "budi\uff20gmail.com"),
    ("budi \uff20 gmail.com", EMAIL, "budi \uff20 gmail.com"),
    ("budi @ gmail.com", EMAIL, "budi @ gmail.com"),
    ("budi@ gmail.com", EMAIL, "budi@ gmail.com"),
    ("bu\u200bdi@gmail.com", EMAIL, "bu\u200bdi@gmail.com"),
    ("Jl. Sudirman 12", ADDRESS, "Jl. Sudirman 12"),
    ("Jl. Sudirman 12, Kupang", ADDRESS, "Jl. Sudirman 12"),
    ("Jalan Timor Raya 5A, Oebobo", ADDRESS, "Jalan Timor Raya 5A"),
    ("tinggal di Jl. Sudirman 12 bersama anaknya", ADDRESS, "Jl. Sudirman 12"),
    ("Gg. Mawar 3.", ADDRESS, "Gg. Mawar 3"),
    ("JL SUDIRMAN 12 Kel. Oebobo", ADDRESS, "JL SUDIRMAN 12"),
    ("R.T. 05/R.W. 02", ADDRESS, "R.T. 05/R.W. 02"),
    ("R.T 05 R.W 02", ADDRESS, "R.T 05 R.W 02"),
    ("RT.005 / RW.002", ADDRESS, "RT.005 / RW.002"),
    ("Rukun Tetangga 05 Rukun Warga 02", ADDRESS, "Rukun Tetangga 05 Rukun Warga 02"),
    ("rukun tetangga 7", ADDRESS, "rukun tetangga 7"),
    ("lahir 12 Agu 1980", BIRTH_DATE, "12 Agu 1980"),
    ("lahir 12-Agu-1980", BIRTH_DATE, "12-Agu-1980"),
    ("Lhr 12-03-1980", BIRTH_DATE, "12-03-1980"),
    ("Lhr. 12 Okt 1975", BIRTH_DATE, "12 Okt 1975"),
    ("Tgl. Lhr: 12 Agu 1980", BIRTH_DATE, "12 Agu 1980"),
    ("Tmpt/Tgl Lhr: Kupang, 5 Des 1961", BIRTH_DATE, "5 Des 1961"),
    ("lahir 3-4-1975", BIRTH_DATE, "3-4-1975"),
    ("lahir 3\u20134\u20131975", BIRTH_DATE, "3\u20134\u20131975"),
]

# Everyday text of social-programme news: none of it is personal data.
# NEGATIVES above are the first 50 of them.
AS_TYPED_NEGATIVES = [
    "Rp 1.000.000 \u2013 2.000.000 per keluarga",
    "Rp1.500.000 - Rp2.000.000",
    "tahun 2024 \u2013 2025",
    "periode 2020 - 2024",
    "pukul 09.00 \u2013 12.00 WITA",
    "Kamis\u2013Jumat, 4\u20135 September 2025",
    "Kode wilayah 53.71.03.1001",
    "Kemendagri 53.71.03.1001 dan 53.71.03.1002",
    "Nomor 40 Tahun 1999 tentang Pers",
    "UU Nomor 27 Tahun 2022",
    "Perwali Nomor 12 Tahun 2025",
    "SK Wali Kota Nomor 188.45/123/HK/2025",
    "Keputusan Nomor 400.9.2/456/Dinsos/2025",
    "Jalan Sudirman 17 Agustus",
    "Jl. Timor Raya Km 36",
    "Jl. Timor Raya Km. 36, Oesapa",
    "jalan kaki 5 km",
    "Jalan Sudirman, 12 warga hadir",
    "Gang Mawar, Kelurahan Oebobo",
    "tiba di Jalan El Tari pukul 10.00",
    "ikuti @kupangkota",
    "ikuti @humas.kupang di Instagram",
    "rapat @ Aula Kantor Lurah",
    "150 KK penerima",
    "sebanyak 1.250 KK",
    "HP1 dan HP2",
    "Botol O2 dan H2O",
    "10 Oktober 2025",
    "RT setempat",
    "ketua RW dan tokoh masyarakat",
    "bayi lahir sehat",
    "Hari Lahir Pancasila, 1 Juni",
    "sejak lahir, 2025",
    "versi 2.0.1 \u2013 3.0.0",
    "skor 3 - 1",
    "tanggal 3 - 5 September 2025",
    "pukul 08.00\u201310.00",
    "Mamre (at) Kupang",
    "kategori desil 1\u20132",
    "NIK dan KK dibawa saat verifikasi",
    "nomor WA posko ada di papan pengumuman",
    "https://wa.me/",
    "assets/app.wa1234ab.js",
    "halaman 12\u201314",
]


@pytest.mark.parametrize("template", SENTENCES)
@pytest.mark.parametrize(("text", "kind", "value"), AS_TYPED)
def test_identifier_as_typed_is_found_with_its_kind_and_span(
    template: str, text: str, kind: str, value: str
) -> None:
    sentence = template.format(text)
    start = sentence.index(value)
    assert find_identifiers(sentence) == (Finding(kind, start, start + len(value)),)


@pytest.mark.parametrize("template", ["{}", "Pada Rabu, {} tercatat."])
@pytest.mark.parametrize("text", AS_TYPED_NEGATIVES)
def test_everyday_text_as_typed_is_not_an_identifier(template: str, text: str) -> None:
    assert spans(template.format(text)) == []


def test_the_tables_hold_at_least_fifty_of_each() -> None:
    assert len(POSITIVES) + len(AS_TYPED) >= 100
    assert len(NEGATIVES) + len(AS_TYPED_NEGATIVES) >= 90


def test_an_obfuscated_official_email_is_still_official() -> None:
    assert spans("ppid[at]kupangkota.go.id", official_emails_ok=True) == []
    assert spans("budi[at]gmail.com", official_emails_ok=True) == [(EMAIL, "budi[at]gmail.com")]


def _valid_numbers(kind: int, count: int, rng: random.Random) -> list[phonenumbers.PhoneNumber]:
    """`count` Indonesian numbers of `kind` that libphonenumber calls valid."""
    first = "8" if kind == phonenumbers.PhoneNumberType.MOBILE else "234567"
    found: list[phonenumbers.PhoneNumber] = []
    while len(found) < count:
        national = rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(rng.randint(8, 11)))
        number = phonenumbers.parse("+62" + national)
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) == kind:
            found.append(number)
    return found


def _spellings(number: phonenumbers.PhoneNumber) -> Iterator[tuple[str, str]]:
    """(text, the part of it that is the number) for the ways people write `number`."""
    formats = phonenumbers.PhoneNumberFormat
    for style in (formats.E164, formats.INTERNATIONAL, formats.NATIONAL):
        written = phonenumbers.format_number(number, style)
        yield written, written
    link = phonenumbers.format_number(number, formats.RFC3966)
    yield link, link.removeprefix("tel:")
    groups = re.findall(r"\d+", phonenumbers.format_number(number, formats.INTERNATIONAL))[1:]
    for sep in (" ", "-", ".", "/", "\u2013", " - ", "\u200b"):
        yield "+62 " + sep.join(groups), "+62 " + sep.join(groups)
        yield "0" + sep.join(groups), "0" + sep.join(groups)
    bracketed = f"(0{groups[0]}) " + " ".join(groups[1:])
    yield bracketed, bracketed
    bracketed = f"+62 ({groups[0]}) " + "-".join(groups[1:])
    yield bracketed, bracketed
    yield "HP0" + "".join(groups), "0" + "".join(groups)
    yield "tel:0" + "".join(groups), "0" + "".join(groups)


@pytest.mark.parametrize(
    "kind", [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE], ids=["mobile", "landline"]
)
def test_every_valid_indonesian_number_is_found_however_written(kind: int) -> None:
    # libphonenumber is the oracle for what an Indonesian number is; the
    # finder must cover each, written in every way above (22 per number).
    missed = []
    for number in _valid_numbers(kind, 100, random.Random(12)):
        for written, core in _spellings(number):
            text = f"Hubungi {written} segera."
            start = text.index(core)
            found = find_identifiers(text)
            covered = [f for f in found if f.start <= start and start + len(core) <= f.end]
            if not covered or (kind == phonenumbers.PhoneNumberType.MOBILE and covered[0].kind != PHONE):
                missed.append(written)
    assert missed == []


HOSTILE = [
    "1 " * 500_000,
    "123 " * 250_000 + "x",
    "1-" * 500_000 + "x",
    "1" * 1_000_000 + "x",
    "lahir " * 170_000,
    "Jl. A " * 170_000,
    "Jalan A B C D E F G " * 50_000,
    "a@" * 500_000,
    "a." * 500_000 + "@",
    " " * 1_000_000 + "(",
    "1" + " " * 1_000_000 + "x",
    "(at)" * 250_000,
    " [ at " * 170_000,
    "O1" * 500_000 + "x",
    "NIK" * 333_333,
    "RT " * 333_333,
    "R.T. R.W. " * 100_000,
    "rek a " * 170_000,
    "\u200b1" * 500_000 + "x",
    "\u2013" * 1_000_000,
    "HP " * 333_333 + "0",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t[:12]) for t in HOSTILE])
def test_a_hostile_megabyte_is_answered_in_linear_time(text: str) -> None:
    # Every record string and every built file passes the finder: a pattern
    # that backtracks on some shape would hang a build. Linear time answers
    # a megabyte in well under a second; the bound is loose for slow machines.
    started = time.process_time()
    find_identifiers(text)
    assert time.process_time() - started < 5


def test_official_email_passes_only_when_asked() -> None:
    text = "Kirim ke ppid@kupangkota.go.id atau budi@gmail.com."
    assert spans(text) == [(EMAIL, "ppid@kupangkota.go.id"), (EMAIL, "budi@gmail.com")]
    assert spans(text, official_emails_ok=True) == [(EMAIL, "budi@gmail.com")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://wa.me/6281234567890", [(PHONE, "6281234567890")]),
        ("https://example.com/kontak?to=budi@gmail.com", [(EMAIL, "budi@gmail.com")]),
        ("mailto:budi@gmail.com", [(EMAIL, "budi@gmail.com")]),
    ],
)
def test_phones_and_emails_inside_urls_are_still_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(text) == expected


# --- allow and official e-mails ------------------------------------------------


def test_allowed_kind_is_not_reported_but_others_are() -> None:
    text = "Telp. 0380-821234, rekening 7654321"
    assert spans(text, allow=frozenset({PHONE})) == [(ACCOUNT, "7654321")]
    assert spans(text, allow=frozenset({ACCOUNT})) == [(PHONE, "0380-821234")]
    assert spans(text, allow=KINDS) == []


def test_allowed_phone_is_not_reported_again_as_an_account() -> None:
    assert spans("0812-3456-7890", allow=frozenset({PHONE})) == []
    assert spans("rek 081234567890", allow=frozenset({PHONE})) == []


def test_allowing_a_weaker_kind_keeps_the_stronger_one() -> None:
    assert spans("rekening 5371031234560001", allow=frozenset({ACCOUNT})) == [
        (NIK, "5371031234560001")
    ]


def test_unknown_allowed_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="phones"):
        find_identifiers("0812-3456-7890", allow=frozenset({"phones"}))


@pytest.mark.parametrize(
    ("address", "official"),
    [
        ("ppid@kupangkota.go.id", True),
        ("PPID@NTTPROV.GO.ID", True),
        ("humas@undana.ac.id", True),
        ("tu@sman1kupang.sch.id", True),
        ("info@kodam.mil.id", True),
        ("admin@oebobo.desa.id", True),
        ("info@yayasan.or.id", False),
        ("humas@perusahaan.co.id", False),
        ("x@contoh.id", False),
        ("budi@gmail.com", False),
        ("ppid@kupangkota.go.id.example.com", False),
        ("ppid@go.id", False),
        ("ppid@kupangkota.go.id ", False),
        ("ppid kupangkota.go.id", False),
        ("", False),
    ],
)
def test_is_official_email(address: str, official: bool) -> None:
    assert is_official_email(address) is official


# --- mask_name -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Jonathan Agustinus Tali", "J*** A*** T***"),
        ("Susilowati", "S***"),
        ("Duli", "D***"),
        ("susilowati", "S***"),
        ("Ma'ruf Amin", "M*** A***"),
        ("Nunu-Tali", "N***"),
        ("Élise", "É***"),
        ("E\u0301lise", "É***"),
        ("  Budi \t Santoso\n", "B*** S***"),
        ("Budi - Santoso", "B*** S***"),
        ('"Budi"', "B***"),
        ("ßabine", "ß***"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "- . ,", "'"])
def test_mask_name_rejects_a_name_without_words(name: str) -> None:
    with pytest.raises(ValueError):
        mask_name(name)


# --- Properties ----------------------------------------------------------------

# Words that sit next to identifiers in real records, including every keyword
# the patterns use. "Rp" and magnitude words ("juta") are left out on purpose:
# a number right after "Rp" is money by design.
VOCABULARY = [
    "warga", "Kupang", "di", "dan", "no.", "Nomor", "nomor", "rekening", "rek", "a.n.",
    "lahir", "tanggal", "TTL", "Jalan", "Jl.", "Gang", "RT", "RW", "tahun", "pukul",
    "KPJ", "HP", "NIK", "Rabu", "(", ")", ":", ",",
]
words = st.lists(
    st.one_of(st.sampled_from(VOCABULARY), st.text(string.ascii_lowercase, min_size=1, max_size=8)),
    max_size=5,
).map(" ".join)


@given(
    before=words,
    after=words,
    digits=st.text("0123456789", min_size=16, max_size=16),
    seps=st.lists(st.sampled_from(["", " ", "-", "."]), min_size=3, max_size=3),
)
def test_any_sixteen_digits_are_a_nik_however_grouped(
    before: str, after: str, digits: str, seps: list[str]
) -> None:
    groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    nik = groups[0] + "".join(sep + group for sep, group in zip(seps, groups[1:]))
    text = f"{before} {nik} {after}"
    start = len(before) + 1
    found = find_identifiers(text)
    assert Finding(NIK, start, start + len(nik)) in found
    assert [f for f in found if f.start < start + len(nik) and start < f.end] == [
        Finding(NIK, start, start + len(nik))
    ]


# Separators as people type them between a NIK's groups: dashes of every
# kind, slashes, spaced hyphens and invisible characters.
JOINTS = ["", " ", "-", ".", "/", "\u00a0", "\u2013", "\u2014", "\u2212", " - ", " \u2013 ", " / ",
          "\u200b", "\u00ad", "\u2060", "\ufeff", "\u200b\u200b"]


@given(
    before=words,
    after=words,
    digits=st.text("0123456789", min_size=16, max_size=16),
    joints=st.lists(st.sampled_from(JOINTS), min_size=3, max_size=3),
    wide=st.booleans(),
    letter_o=st.integers(0, 15),
)
def test_any_sixteen_digits_are_a_nik_however_typed(
    before: str, after: str, digits: str, joints: list[str], wide: bool, letter_o: int
) -> None:
    if digits[letter_o] == "0":  # one zero typed as the letter O
        digits = digits[:letter_o] + "O" + digits[letter_o + 1 :]
    if wide:
        digits = digits.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    nik = groups[0] + "".join(joint + group for joint, group in zip(joints, groups[1:]))
    text = f"{before} {nik} {after}"
    start = len(before) + 1
    found = [f for f in find_identifiers(text) if f.start < start + len(nik) and start < f.end]
    assert found == [Finding(NIK, start, start + len(nik))]


def dotted(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


rupiah = st.one_of(
    st.builds(
        lambda n, cents: dotted(n) + cents,
        st.integers(min_value=0, max_value=10**21),
        st.sampled_from(["", ",00", ",50"]),
    ),
    st.integers(min_value=0, max_value=10**21).map(str),
    # Dotted groups of any size: after "Rp" it is still an amount.
    st.lists(st.text("0123456789", min_size=1, max_size=6), min_size=1, max_size=7).map(".".join),
)


@given(before=words, after=words, amount=rupiah, gap=st.sampled_from(["", " ", ". "]))
def test_rupiah_amounts_are_never_identifiers(
    before: str, after: str, amount: str, gap: str
) -> None:
    assert find_identifiers(f"{before} Rp{gap}{amount} {after}") == ()


@given(st.integers(min_value=1000, max_value=10**21))
def test_dotted_amounts_without_currency_are_never_identifiers(amount: int) -> None:
    assert find_identifiers(f"sebanyak {dotted(amount)} pekerja rentan") == ()


PIECES = [
    "5371031234560001", "0812-3456-7890", "+62", "62", "08", "0380", "(", ")", " ", "-", ".",
    ",", "/", ":", "@", "Rp", "rek", "rekening", "lahir", "TTL", "Jl.", "Jalan", "No.", "RT",
    "RW", "budi", "gmail.com", "go.id", "https://", "12", "03", "1980", "Maret", "2025",
    "000", "1234", "56789",
]
texts = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.text("0123456789 .-", max_size=6)), max_size=25
    ).map("".join),
    st.text(max_size=60),
)


@given(texts, st.frozensets(st.sampled_from(sorted(KINDS))))
def test_findings_are_sorted_in_bounds_and_never_overlap(text: str, allow: frozenset[str]) -> None:
    found = find_identifiers(text, allow=allow)
    for finding in found:
        assert finding.kind in KINDS - allow
        assert 0 <= finding.start < finding.end <= len(text)
    for first, second in zip(found, found[1:]):
        assert first.end <= second.start


name_words = st.lists(
    st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=1, max_size=10),
    min_size=1,
    max_size=5,
)


def initial(word: str) -> str:
    return unicodedata.normalize("NFC", word)[0]


@given(name_words, st.sampled_from([" ", "  ", "\t", " \n "]))
@example(["MAMA", "A"], " ")
def test_mask_has_a_fixed_shape_per_word(parts: list[str], space: str) -> None:
    masked = mask_name(space.join(parts))
    assert re.fullmatch(r"(\w\*\*\*)( \w\*\*\*)*", masked)
    # Honorifics typed before the name ("Mama", "Ibu") are not the person and are left out.
    while len(parts) > 1 and set(privacy.words(parts[0])) <= privacy.HONORIFICS:
        parts = parts[1:]
    assert len(masked.split()) == len(parts)
    for word, shown in zip(parts, masked.split()):
        assert shown[0] in {initial(word), initial(word).upper()}


@given(name_words, st.data())
def test_mask_shows_nothing_after_the_first_letter(parts: list[str], data: st.DataObject) -> None:
    masked = mask_name(" ".join(parts))
    initials = {c for word in parts for c in (initial(word), initial(word).upper())}
    assert set(masked) - {"*", " "} <= initials
    # Any other length and any other later letters give the very same mask.
    tails = [data.draw(st.text(string.ascii_lowercase, max_size=12)) for _ in parts]
    other = " ".join(initial(word) + tail for word, tail in zip(parts, tails))
    assert mask_name(other) == masked


# --- Names as people type them -------------------------------------------------

ULU = "Maria Goreti Ulu"


@pytest.mark.parametrize(
    "page",
    [
        "Maria-Goreti-Ulu", "maria.goreti.ulu", "maria_goreti_ulu", "MARIA GORETI ULU", "Maria   Goreti\n  Ulu",
        "<p>Maria</p>\n<p>Goreti Ulu</p>", "Ibu Maria Goreti Ulu", "Alm. Maria Goreti Ulu",
        "Ｍａｒｉａ Ｇｏｒｅｔｉ Ｕｌｕ", "M\u0430ria Goreti Ulu", "Maria Gore\u200bti Ulu",
        "foto Maria Goreti", "Goreti Ulu menerima", "goreti-ulu",
    ],
    ids=lambda page: page.encode("unicode_escape").decode()[:30],
)
def test_a_name_is_found_however_the_page_writes_it(page: str) -> None:
    assert [leak.kind for leak in privacy.lint([("x.html", page)], [ULU])] == ["name"]


@pytest.mark.parametrize("record", ["Ibu Maria Goreti Ulu", "Bpk. Maria Goreti Ulu", "Sdri. Maria Goreti Ulu", "Mama Maria-Goreti Ulu"])
def test_an_honorific_in_the_record_is_not_needed_on_the_page(record: str) -> None:
    assert [leak.excerpt for leak in privacy.lint([("x.html", "Bersama Maria Goreti Ulu")], [record])] == ["M*** G*** U***"]


def test_two_words_of_a_longer_name_are_not_a_leak_inside_another_name_found_whole() -> None:
    names = [ULU, "Maria Goreti Bere"]
    leaks = privacy.lint([("x.html", "Maria Goreti Bere")], names, lambda name, path: name == "Maria Goreti Bere")
    assert leaks == ()


def test_a_name_in_a_built_path_is_a_leak_with_line_zero() -> None:
    leaks = privacy.lint([("berita/2025-09-03-maria-goreti-ulu/index.html", "<p>Berita</p>")], [ULU])
    assert [(leak.line, leak.excerpt) for leak in leaks] == [(0, "M*** G*** U***")]


def test_two_words_are_enough_only_for_a_persons_name() -> None:
    # A "name" of many words (a slip, or tests/test_injection.py's hostile
    # one) and pairs with a digit or an initial would match everyday text.
    names = ["script alert 1 judul palsu a b komentar penerima uji", "Maria G Ulu", "Ani 7 7 Ledo"]
    assert privacy.lint([("x.csv", "judul palsu, Maria G, G Ulu, 7 7")], names) == ()


def test_words_of_other_text_are_not_a_name() -> None:
    assert privacy.lint([("x.html", "Maria datang. Ulu Goreti pergi. Gorettiulu")], [ULU]) == ()


# --- The module itself ---------------------------------------------------------


def test_example_content_lints_clean() -> None:
    files = sorted((ROOT / "content").rglob("*.yml"))
    assert files
    leaks = {
        str(path.relative_to(ROOT)): spans(
            path.read_text(encoding="utf-8"), official_emails_ok=True
        )
        for path in files
    }
    assert {path: found for path, found in leaks.items() if found} == {}


def test_finding_is_frozen() -> None:
    finding = Finding(NIK, 0, 16)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 1  # type: ignore[misc]


def test_privacy_imports_only_the_text_rules() -> None:
    tree = ast.parse(Path(privacy.__file__).read_text(encoding="utf-8"))
    imported = [
        node.module or "" if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    relative = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level]
    assert relative == ["text"]
    assert not [name for name in imported if name.split(".")[0] == "generator"]


def immutable(value: object) -> bool:
    if isinstance(value, ModuleType):
        return True
    if isinstance(value, str | bytes | int | bool | re.Pattern) or value is None or callable(value):
        return True
    if isinstance(value, tuple | frozenset):
        return all(immutable(item) for item in value)
    if isinstance(value, MappingProxyType):
        return all(immutable(item) for item in value.values())
    params = getattr(type(value), "__dataclass_params__", None)
    if dataclasses.is_dataclass(value) and params is not None and params.frozen:
        return all(immutable(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def test_module_state_is_immutable() -> None:
    mutable = [
        name
        for name, value in vars(privacy).items()
        if not name.startswith("__") and name != "annotations" and not immutable(value)
    ]
    assert mutable == []


_PIECES = st.sampled_from([
    " ", "-", ".", "/", "(", ")", ":", ",", "@", "x@contoh.id", "0812", "+62", "5371", "0", "1", "12", "345", "6789",
    "RT", "rw", "No.", "nomor", "Jl.", "Jalan", "Gang", "lahir", "TTL", "kelahiran", "rek", "a.n.", "Rp", "juta",
    "Maret", "1980", "Kupang", "Sudirman", "\u00a0", "e", "k",
])


def _positive_text(example: object) -> str:
    return example.values[0] if hasattr(example, "values") else example[0]  # pytest.param or tuple


# Real identifiers cut, joined and mixed with noise: the pre-check sees
# everything from whole identifiers to fragments of them.
_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=14).map("".join),
    st.builds(
        lambda text, a, b, noise: noise[:1] + text[a:b] + noise[1:],
        st.sampled_from([_positive_text(p) for p in POSITIVES + AS_TYPED]),
        st.integers(0, 6), st.integers(6, 60), st.lists(_PIECES, max_size=4).map("".join),
    ),
)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_quick_precheck_never_hides_an_identifier(text: str) -> None:
    # find_identifiers skips text the pre-check rules out; it must rule out
    # only text in which the full patterns find nothing.
    assert find_identifiers(text) == privacy._all_findings(text)


# The smallest shapes of each rule, where the quick choice of rules (digits
# in a chain, a keyword in ASCII text) cuts closest, and keywords spelled
# with letters that IGNORECASE matches but lower() does not.
_RULE_EDGES = [
    "081-234-567", "(81) 234 567", "+62 (812) 3456-7890", "(+62) 812 3456 7890", "0 (812) 3456",
    "+62 (380) 821234", "(0380) 821234", "0380-821234", "tel:62218350123", "HP 0 (8123) 456", "WA.08123456",
    "rek 123456", "a.n. Budi 1234567", "No. Kartu 123 456", "KPJ 1234567", "RT 5", "r.w.02", "RT/RW 005/002",
    "Jl. Sudirman 12", "GANG Mawar No. 3", "Blok C No 7", "TTL Kupang, 12-03-1980", "kelahiran 12 Maret 1980",
    "lahir 1-2-1980", "Lah\u0131r 12-03-1980", "\u212aPJ 1234567", "Re\u212a 1234567", "x@contoh.id",
    "2025-09-03-bantuan-00046,2015-11-05", "5371 0312 3456 0001 2025-09-03",
]


@pytest.mark.parametrize("text", [p[0] for p in POSITIVES + AS_TYPED] + AS_TYPED_NEGATIVES + _RULE_EDGES)
def test_quick_rule_choice_finds_what_every_rule_finds(text: str) -> None:
    assert find_identifiers(text) == privacy._all_findings(text)


def test_lint_reports_a_remembered_line_in_every_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # The lint reads each distinct line and tag once and reuses what it
    # found (a memo of one call): a repeat must still be reported wherever
    # it is, and the findings must be those of a lint that remembers nothing.
    long = "<p>Maria Goreti Ulu, HP 0812-3456-7890, " + "kegiatan " * 30 + "</p>"
    short = '<p title="Maria Goreti Ulu">0812-3456-7890</p>'
    files = [
        ("p/a.html", f"<nav>Beranda</nav>{long}{long}{short}"),
        ("p/b.html", f"<nav>Beranda</nav>\n{long}\n{short}"),
        ("p/c.html", f"<nav>Beranda</nav>{long}{short}"),
        *HIDDEN_LEAKS.values(),
    ]
    allowed = lambda name, path: path == "p/c.html"  # noqa: E731
    remembered = privacy.lint(files, ["Maria Goreti Ulu"], allowed)
    # Line 1 is the title attribute, 2 the menu, then the paragraphs.
    assert [(leak.path, leak.line, leak.kind) for leak in remembered if leak.path.startswith("p/")] == [
        ("p/a.html", 1, "name"), ("p/a.html", 3, PHONE), ("p/a.html", 3, "name"), ("p/a.html", 4, PHONE),
        ("p/a.html", 4, "name"), ("p/a.html", 5, PHONE),
        ("p/b.html", 1, "name"), ("p/b.html", 3, PHONE), ("p/b.html", 3, "name"), ("p/b.html", 4, PHONE),
        ("p/c.html", 3, PHONE), ("p/c.html", 4, PHONE),
    ]
    monkeypatch.setattr(privacy, "_MEMO_CHARS", 0)
    assert privacy.lint(files, ["Maria Goreti Ulu"], allowed) == remembered


# Every published byte is read: what the eye skips, a crawler or "view
# source" still reads (issue 12, item 4). Each file hides one leak.
HIDDEN_LEAKS = {
    "comment": ("a.html", "<p>Selamat datang</p><!-- NIK 5371031234560001 -->"),
    "script": ("a.html", '<script>var hp = "081234567890";</script>'),
    "script escapes": ("a.html", '<script type="application/ld+json">{"t": "\\u0030812 3456 7890"}</script>'),
    "style": ("a.html", '<style>.x::after { content: "0812 3456 7890" }</style>'),
    "data attribute": ("a.html", '<div data-hp="081234567890">Kontak</div>'),
    "unquoted title": ("a.html", "<abbr title=081234567890>HP</abbr>"),
    "mailto": ("a.html", '<a href="mailto:budi.ulu%40gmail.com">surat</a>'),
    "tel": ("a.html", '<a href="tel:%2B6281234567890">telepon</a>'),
    "wa.me": ("a.html", '<a href="https://wa.me/6281234567890">WA</a>'),
    "name split by tags": ("a.html", "<p>Maria <b>Goreti</b> Ulu</p>"),
    "name inside a word's tags": ("a.html", "<p>Ma<span>ria</span> Goreti Ulu</p>"),
    "entities": ("a.html", "<p>&#77;aria &#x47;oreti Ulu</p>"),
    "name over a line break": ("a.html", "<p>Maria\nGoreti Ulu menerima</p>"),
    "name in table cells": ("a.html", "<table><tr><td>Maria Goreti</td><td>Ulu</td></tr></table>"),
    "htm": ("a.htm", "<p>Maria <i>Goreti</i> Ulu</p>"),
    "svg": ("a.svg", "<svg><text>Maria <tspan>Goreti</tspan> Ulu</text></svg>"),
    "svg title": ("a.svg", '<svg><g aria-label="Maria Goreti Ulu"/></svg>'),
    "vcard": ("kontak.vcf", "BEGIN:VCARD\nFN:Budi\nTEL;TYPE=cell:081234567890\nEND:VCARD"),
    "txt": ("catatan.txt", "Maria Goreti Ulu"),
    "markup under another name": ("x.png", "<p>Maria <b>Goreti</b> Ulu</p>"),
    "rss description": ("rss.xml", "<item><description>&lt;p&gt;Maria &lt;b&gt;Goreti&lt;/b&gt; Ulu&lt;/p&gt;</description></item>"),
    "cdata": ("rss.xml", "<item><description><![CDATA[<p>Maria <b>Goreti</b> Ulu</p>]]></description></item>"),
    "json number": ("a.json", '{"nik": 5371031234560001}'),
    "broken json": ("a.json", '{"hp": "081234567890",'),
    "javascript": ("x.js", 'const hp = "\\u0030812-3456-7890";'),
}


@pytest.mark.parametrize("case", HIDDEN_LEAKS)
def test_the_lint_reads_what_a_page_hides_from_the_eye(case: str) -> None:
    path, text = HIDDEN_LEAKS[case]
    leaks = privacy.lint([(path, text)], ["Maria Goreti Ulu"])
    assert leaks, case


def test_a_hidden_name_inside_a_longer_consented_name_is_that_person() -> None:
    # Two people: Wati (not consented) and Sri Wati (consented, shown on this page).
    # Five thousand generated events failed to build on this: the lint read Sri Wati as Wati.
    allowed = lambda name, path: name == "Sri Wati"  # noqa: E731
    assert privacy.lint([("a.html", "<p>Diserahkan kepada Sri Wati.</p>")], ["Wati", "Sri Wati"], allowed) == ()
    (leak,) = privacy.lint([("a.html", "<p>Diserahkan kepada Sri Wati dan Wati.</p>")], ["Wati", "Sri Wati"], allowed)
    assert leak.excerpt == "W***"


def test_the_lint_reads_table_cells_as_the_columns_a_reader_sees() -> None:
    # A row of figures (a count, an amount, a total; two dates) is no NIK; a NIK in one cell still is.
    figures = ("<table><tr><td>1.200</td><td>900.000</td><td>1.080.000.000</td></tr>"
               "<tr><td>2025-09-03</td><td>2025-09-10</td></tr></table>")
    assert privacy.lint([("a.html", figures)]) == ()
    assert privacy.lint([("a.html", "<table><tr><td>Ani</td><td>5371 0312 3456 0001</td></tr></table>")])


def test_the_lint_leaves_drawings_and_element_references_alone() -> None:
    chart = ('<svg aria-labelledby="chart-2840293847-title"><title id="chart-2840293847-title">Penerima</title>'
             '<path d="M1234567890 0 L 5371031234560001 1"/><rect x="0" width="1234567890"/></svg>')
    assert privacy.lint([("a.html", chart)]) == ()


def test_published_bytes_are_read_as_text_unless_they_are_an_image_or_a_font() -> None:
    import gzip
    sitemap = gzip.compress(b"<urlset><url><loc>https://x/?hp=081234567890</loc></url></urlset>")
    assert "081234567890" in (privacy.published_text("sitemap.xml.gz", sitemap) or "")
    assert privacy.published_text("foto.jpg", b"\xff\xd8\xff\xe0 5371031234560001") is None
    # A text file is text whatever its name, in any 8-bit encoding.
    assert privacy.published_text("foto.jpg", b"NIK 5371031234560001") == "NIK 5371031234560001"
    assert privacy.published_text("a.txt", "Maria Goreti Ulu, Jos\u00e9".encode("latin-1")) == "Maria Goreti Ulu, Jos\u00e9"
