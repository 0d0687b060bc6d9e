"""Places: every spelling of a kecamatan or kelurahan resolves once, in records, and every output agrees."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator import records
from generator.core import wilayah
from generator.core.errors import WartaError, format_problem
from generator.edges.cli import main

from .conftest import EVENT, composed, edit, facts_of, figure, writer_for

# The user's own words from issue 8: one more recipient under a second spelling of Oebobo.
SECOND_SPELLING = ("Oebobo: [Susilowati]", "Oebobo: [Susilowati]\n    OEBOBO: [Budi Contoh]")


def problems_of(content_dir: Path) -> list[str]:
    with pytest.raises(WartaError) as caught:
        records.load_content(content_dir)
    return [format_problem(p).removeprefix(f"{content_dir}/") for p in caught.value.problems]


@pytest.mark.parametrize("spelling", ["OEBOBO", "oebobo", "Oe-bobo", "OE BOBO", "OEBOBO."])
def test_two_spellings_are_one_place_in_the_records(content_dir: Path, spelling: str) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", f"Oebobo: [Susilowati]\n    '{spelling}': [Budi Contoh]")
    recipients = records.load_content(content_dir).events[0].recipients
    assert [p.kecamatan.name for p in recipients.places] == ["Kelapa Lima", "Alak", "Oebobo", "Kota Lama", "Kota Raja", "Maulafa"]
    oebobo = recipients.places[2]
    assert (oebobo.kecamatan.code, [r.name for r in oebobo.recipients]) == ("53.71.04", ["Susilowati", "Budi Contoh"])
    assert recipients.count == 11


def test_two_spellings_are_counted_once_in_every_output(content_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(content_dir / EVENT, *SECOND_SPELLING)
    # A short activity, so that the headline has room for the count.
    edit(content_dir / EVENT, "activity: penyerahan secara simbolis kartu BPJS Ketenagakerjaan dan buku rekening Bank NTT",
         "activity: penyerahan kartu")
    content = records.load_content(content_dir)
    facts = facts_of(content)
    writer = writer_for()
    assert writer.headline(facts) == "Pemprov NTT Serahkan Kartu kepada 11 Pekerja Rentan di Kota Kupang"
    article = writer.render(facts, "text")
    assert "kepada sebelas pekerja rentan dari enam kecamatan di Kota Kupang" in article
    # Eleven names: counted per kecamatan in the body, listed after it.
    assert "Kecamatan Kelapa Lima (2 orang), Alak (2), Oebobo (2), Kota Lama (2), Kota Raja (1), dan Maulafa (2)" in article
    assert "- Kecamatan Oebobo: Susilowati, Budi Contoh" in article
    assert "7 kecamatan" not in article.lower() and "tujuh kecamatan" not in article

    _, built = composed(content)
    oebobo = built["kecamatan/oebobo.md"]
    assert figure(oebobo, "Penerima") == 2
    assert re.search(r"^\| \[Oebobo\]\(\.\./kecamatan/oebobo\.md\) \| 2 \|$", built["program/bangun-ntt.md"], re.MULTILINE)
    # The home page's key figures link to the rows they sum.
    assert re.search(r"<strong>(<a [^>]+>)?6(</a>)?</strong> kecamatan terjangkau", built["index.md"])
    assert re.search(r"<strong>(<a [^>]+>)?11(</a>)?</strong> penerima</p>", built["index.md"])
    (row,) = csv.DictReader(io.StringIO(built["data/kegiatan.csv"]))
    assert (row["jumlah_penerima"], row["jumlah_kecamatan"]) == ("11", "6")
    per = list(csv.DictReader(io.StringIO(built["data/penerima-per-kecamatan.csv"])))
    assert len(per) == 6 and [r["jumlah_penerima"] for r in per if r["nama_kecamatan"] == "Oebobo"] == ["2"]
    per_json = json.loads(built["data/penerima-per-kecamatan.json"])
    assert sorted(r["kode_kecamatan"] for r in per_json) == sorted({r["kode_kecamatan"] for r in per_json})

    assert main(["check", "--content", str(content_dir)]) == 0
    assert "6 kecamatan di Kota Kupang" in capsys.readouterr().out


def test_a_kelurahan_is_resolved_to_its_gazetteer_entry(content_dir: Path) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [{name: Susilowati, kelurahan: FATULULI}]")
    (place,) = [p for p in records.load_content(content_dir).events[0].recipients.places if p.kecamatan.name == "Oebobo"]
    assert place.recipients[0].kelurahan == wilayah.Kelurahan("53.71.04.1011", "Fatululi")


def test_aliases_lead_a_local_spelling_to_the_official_place(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "privacy:", "aliases:\n  Kotaraja Lama: Kota Raja\n  Kampung Fatululi: Fatululi\nprivacy:")
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [{name: Susilowati, kelurahan: kampung fatululi}]\n    Kotaraja Lama: [Budi Contoh]")
    places = records.load_content(content_dir).events[0].recipients.places
    kota_raja = next(p for p in places if p.kecamatan.name == "Kota Raja")
    assert [r.name for r in kota_raja.recipients] == ["Budi Contoh", "Jitron Arisamak Taklale"]  # record order
    oebobo = next(p for p in places if p.kecamatan.name == "Oebobo")
    assert oebobo.recipients[0].kelurahan is not None and oebobo.recipients[0].kelurahan.name == "Fatululi"


def test_an_alias_must_lead_to_an_official_place_and_must_not_hide_one(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "privacy:", "aliases:\n  Kota Baru: Kota Raya\n  Alak: Oebobo\nprivacy:")
    assert problems_of(content_dir) == [
        "site.yml:11: Alias 'Kota Baru' mengarah ke 'Kota Raya', yang bukan nama kecamatan atau kelurahan di Kota Kupang."
        " Tulis nama resminya sesuai daftar Kemendagri. Mungkin maksud Anda 'Kota Raja'?",
        "site.yml:12: 'Alak' sudah nama resmi di Kota Kupang (Alak), jadi tidak boleh menjadi alias."
        " Alias hanya untuk ejaan setempat yang berbeda dari nama resmi.",
    ]


def test_an_unknown_kecamatan_is_still_refused_with_a_suggestion(content_dir: Path) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobbo: [Susilowati]")
    (problem,) = problems_of(content_dir)
    assert problem.endswith("Kecamatan 'Oebobbo' tidak ada di Kota Kupang. Mungkin maksud Anda 'Oebobo'?")


def test_gazetteer_names_are_shown_with_capitals() -> None:
    names = {k.code: k.name for code in ("53.02", "11.17", "13.05") if (r := wilayah.region(code)) for k in r.kecamatan}
    shown = set(names.values())
    assert "Timang Gajah" in shown and "Timang gajah" not in shown
    assert "2 x 11 Kayu Tanam" in shown and "Kot Olin" in shown
    assert all(not word[:1].islower() or word == "x" for name in shown for word in name.split())
