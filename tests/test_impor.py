"""`warta impor` as PR staff use it: a recipient spreadsheet in, a recipients block out, no personal data."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from xml.sax.saxutils import escape

from generator import records
from generator.edges.cli import main

from .conftest import EVENT

HEADER = ["No", "Nama Lengkap", "NIK", "No. KK", "No HP", "Alamat", "Tempat/Tgl Lahir", "Kecamatan", "Kel/Desa", "Keterangan"]
# Values of the private columns, as a real list holds them; none may ever reach a record.
SHEET = [
    [1, "Maria Goreti Nahak", "5371031234560001", "5371030101100001", "081234567890", "Jl. Sudirman No. 12",
     "Kupang, 12-03-1980", "Kelapa Lima", "Oesapa", "hadir"],
    [2, "Yohanes Ndolu", "5371031234560002", "5371030101100002", "0852-3999-1234", "RT 003/RW 002",
     "Kupang, 01-02-1975", "Alak", "Namosain", ""],
    [3, "Arnoldus Seran", "5371031234560003", "5371030101100003", "+62 813 3555 7788", "Gg. Mawar No. 3",
     "Atambua, 07-07-1990", "KELAPA LIMA", "Lasiana", "wakil"],
]
PRIVATE = [cell for row in SHEET for cell in row[2:7]]
OLD_BLOCK_START = "recipients:\n  group: pekerja rentan\n  publish_names: true           # penerima setuju namanya disebut dalam berita\n"


def xlsx(path: Path, rows: list[list[object]], *, title: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append(["DAFTAR PENERIMA KARTU BPJS KETENAGAKERJAAN TAHUN 2025"])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[object]], *, delimiter: str = ";", bom: bool = True) -> Path:
    text = "\r\n".join(delimiter.join(str(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def ods(path: Path, rows: list[list[object]]) -> Path:
    """The smallest OpenDocument spreadsheet LibreOffice and calamine read: text cells only."""
    def cells(row: list[object]) -> str:
        return "".join(f'<table:table-cell office:value-type="string"><text:p>{escape(str(c))}</text:p></table:table-cell>'
                       for c in row)
    body = "".join(f"<table:table-row>{cells(r)}</table:table-row>" for r in rows)
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}:office:1.0" '
               f'xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Lembar1">{body}</table:table></office:spreadsheet>'
               '</office:body></office:document-content>')
    kind = "application/vnd.oasis.opendocument.spreadsheet"
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="{office}:manifest:1.0" '
                f'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="{kind}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", kind)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def impor(*args: object) -> int:
    return main(["impor", *map(str, args)])


def test_an_xlsx_list_goes_into_the_event_without_one_personal_value(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = xlsx(tmp_path / "penerima.xlsx", [HEADER, *SHEET])
    event = content_dir / EVENT
    before = event.read_text(encoding="utf-8")
    assert impor(sheet, "--event", event, "--content", content_dir) == 0
    out = capsys.readouterr()
    after = event.read_text(encoding="utf-8")
    for value in PRIVATE:
        assert value not in after and value not in out.out and value not in out.err
        assert value.replace(" ", "") not in after.replace(" ", "")
    assert "Kolom 'NIK' (kolom C) tidak disalin: berisi NIK. Data pribadi tidak pernah masuk catatan." in out.out
    assert "Kolom 'No. KK' (kolom D) tidak disalin: berisi nomor KK." in out.out
    assert "Kolom 'No HP' (kolom E) tidak disalin: berisi nomor telepon." in out.out
    assert "Kolom 'Alamat' (kolom F) tidak disalin: berisi alamat rumah." in out.out
    assert "Kolom 'Tempat/Tgl Lahir' (kolom G) tidak disalin: berisi tanggal lahir." in out.out
    assert "Kolom yang tidak dikenal dan tidak disalin: 'No' (kolom A), 'Keterangan' (kolom J)." in out.out
    assert f"3 penerima di 2 kecamatan dari {sheet} ditulis ke {event}." in out.out
    # Official names, grouped in first-seen order, kelurahan included; the old group line and its comment kept.
    assert OLD_BLOCK_START + (
        '  by_kecamatan:\n'
        '    "Kelapa Lima":\n'
        '      - {name: "Maria Goreti Nahak", kelurahan: "Oesapa"}\n'
        '      - {name: "Arnoldus Seran", kelurahan: "Lasiana"}\n'
        '    "Alak":\n'
        '      - {name: "Yohanes Ndolu", kelurahan: "Namosain"}\n'
        'payments:\n') in after
    # Every other line, comments included, is as it was.
    head, tail = before.split(OLD_BLOCK_START)
    assert after.startswith(head) and after.endswith(tail[tail.index("payments:"):])
    loading = records.load(content_dir)
    assert not loading.problems
    event_record = loading.published().event(event.stem)
    assert [(p.kecamatan.name, [r.name for r in p.recipients]) for p in event_record.recipients.places] == [
        ("Kelapa Lima", ["Maria Goreti Nahak", "Arnoldus Seran"]), ("Alak", ["Yohanes Ndolu"])]


def test_a_csv_with_semicolons_a_bom_a_title_and_other_header_words_is_printed_for_pasting(content_dir: Path, tmp_path: Path, capsys) -> None:
    rows = [
        ["Daftar Penerima Bantuan, Kota Kupang", "", "", "", ""],
        ["", "", "", "", ""],
        ["NAMA PENERIMA", "Nomor Induk Kependudukan", "Kec", "Desa/Kelurahan", "TTL"],
        ["Maria Goreti Nahak", "5371031234560001", "Kelapa Lima", "oesapa", "Kupang, 12-03-1980"],
        ["No", "5371031234560002", "Alak", "", "Kupang, 01-02-1975"],
    ]
    sheet = csv_file(tmp_path / "penerima.csv", rows)
    before = (content_dir / EVENT).read_bytes()
    assert impor(sheet, "--content", content_dir) == 0
    out = capsys.readouterr()
    assert out.out == (
        'recipients:\n  by_kecamatan:\n'
        '    "Kelapa Lima":\n      - {name: "Maria Goreti Nahak", kelurahan: "Oesapa"}\n'
        '    "Alak":\n      - "No"\n')
    # "No" stays a name, not YAML 1.1's false.
    assert yaml.safe_load(out.out)["recipients"]["by_kecamatan"]["Alak"] == ["No"]
    assert "Kolom 'Nomor Induk Kependudukan' (kolom B) tidak disalin: berisi NIK." in out.err
    assert "Kolom 'TTL' (kolom E) tidak disalin: berisi tanggal lahir." in out.err
    assert "5371031234560001" not in out.out + out.err
    assert (content_dir / EVENT).read_bytes() == before
    # Same sheet, same bytes.
    assert impor(sheet, "--content", content_dir) == 0
    assert capsys.readouterr().out == out.out


def test_a_column_holding_phone_numbers_is_dropped_whatever_its_header(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = csv_file(tmp_path / "p.csv", [["Nama", "Kecamatan", "Catatan"], ["Ani", "Alak", "0812 3456 7890"],
                                          ["Budi", "Alak", "081298765432"]], delimiter=",", bom=False)
    assert impor(sheet, "--content", content_dir) == 0
    out = capsys.readouterr()
    assert "Kolom 'Catatan' (kolom C) tidak disalin: berisi nomor telepon." in out.err
    assert "0812" not in out.out


@pytest.mark.parametrize("names", [["Nama Peserta", "Kapanewon", "Kalurahan"], ["nama", "KEC.", "kel"], ["Nama", "Distrik", "Kampung"]])
def test_header_words_are_read_in_any_case_and_punctuation(content_dir: Path, tmp_path: Path, capsys, names: list[str]) -> None:
    sheet = xlsx(tmp_path / "p.xlsx", [names, ["Ani Koby", "Oebobo", "Liliba"]])
    assert impor(sheet, "--content", content_dir) == 0
    assert '"Oebobo":\n      - {name: "Ani Koby", kelurahan: "Liliba"}' in capsys.readouterr().out


def test_names_are_quoted_so_yaml_reads_them_as_written(content_dir: Path, tmp_path: Path, capsys) -> None:
    names = ["Yes", "On", "Ba'a: Oce", "Maria #2", 'Yohanes "Jo" Ndolu', "Null", "08.30 Ani"]
    sheet = xlsx(tmp_path / "p.xlsx", [["Nama", "Kecamatan"], *[[n, "Alak"] for n in names]], title=False)
    assert impor(sheet, "--content", content_dir) == 0
    assert yaml.safe_load(capsys.readouterr().out)["recipients"]["by_kecamatan"]["Alak"] == names


def test_an_unknown_kecamatan_names_file_row_and_column_and_nothing_is_written(content_dir: Path, tmp_path: Path, capsys) -> None:
    rows = [HEADER, *SHEET, [4, "Ani Koby", "", "", "", "", "", "Kelapa Lma", "", ""], [5, "Budi", "", "", "", "", "", "Ngada", "", ""],
            [6, "Cici", "", "", "", "", "", "Oebobo", "Lilibaa", ""]]
    sheet = xlsx(tmp_path / "penerima.xlsx", rows)
    before = (content_dir / EVENT).read_bytes()
    assert impor(sheet, "--event", content_dir / EVENT, "--content", content_dir) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{sheet}:7: Baris 7, kolom 'Kecamatan' (kolom H): Kecamatan 'Kelapa Lma' tidak ada di Kota Kupang. "
                      "Mungkin maksud Anda 'Kelapa Lima'?")
    assert err[1] == f"{sheet}:8: Baris 8, kolom 'Kecamatan' (kolom H): Kecamatan 'Ngada' tidak ada di Kota Kupang."
    assert err[2] == f"{sheet}:9: Baris 9, kolom 'Kel/Desa' (kolom I): Kelurahan 'Lilibaa' tidak ada di Kecamatan Oebobo. Mungkin maksud Anda 'Liliba'?"
    assert err[3].startswith("3 masalah ditemukan")
    assert (content_dir / EVENT).read_bytes() == before


def test_a_phone_number_in_the_name_column_refuses_the_import_with_its_row(content_dir: Path, tmp_path: Path, capsys) -> None:
    rows = [HEADER, *SHEET, [4, "Ani 0812-7777-8888", "", "", "", "", "", "Alak", "", ""]]
    sheet = xlsx(tmp_path / "penerima.xlsx", rows)
    before = (content_dir / EVENT).read_bytes()
    assert impor(sheet, "--event", content_dir / EVENT, "--content", content_dir) == 1
    err = capsys.readouterr().err
    assert (f"{sheet}:7: Baris 7: kolom 'Nama Lengkap' (kolom B) berisi nomor telepon, bukan nama atau wilayah. "
            "Data pribadi tidak pernah masuk catatan") in err
    assert "7777" not in err
    assert (content_dir / EVENT).read_bytes() == before


def test_counts_need_a_source_and_then_carry_no_name(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = xlsx(tmp_path / "penerima.xlsx", [HEADER, *SHEET])
    event = content_dir / EVENT
    before = event.read_bytes()
    assert impor(sheet, "--counts", "--event", event, "--content", content_dir) == 1
    assert "Dengan --counts, tulis juga --source" in capsys.readouterr().err
    assert event.read_bytes() == before
    assert impor(sheet, "--counts", "--source", "SK Wali Kota Kupang Nomor 12/2025", "--event", event, "--content", content_dir) == 0
    capsys.readouterr()
    after = event.read_text(encoding="utf-8")
    assert OLD_BLOCK_START + (
        '  by_kecamatan:\n    "Kelapa Lima": {count: 2}\n    "Alak": {count: 1}\n'
        '  source: "SK Wali Kota Kupang Nomor 12/2025"\npayments:\n') in after
    assert not any(row[1] in after for row in SHEET)
    content = records.load(content_dir).published()
    assert content.event(event.stem).recipients.source == "SK Wali Kota Kupang Nomor 12/2025"


def test_an_event_without_recipients_gets_a_block_appended_and_its_problems_are_told(content_dir: Path, tmp_path: Path, capsys) -> None:
    event = content_dir / "events" / "2025-10-01-rapat.yml"
    text = "# yaml-language-server: $schema=../../schema/event.schema.json\nprogram: bangun-ntt\ndate: 2025-10-01\nvenue: Balai Kota\norganizers: [pemkot-kupang]\nactivity: rapat koordinasi"
    event.write_text(text, encoding="utf-8")
    sheet = xlsx(tmp_path / "p.xlsx", [["Nama", "Kecamatan"], ["Ani Koby", "Alak"]])
    assert impor(sheet, "--event", event, "--content", content_dir) == 1
    out = capsys.readouterr()
    assert event.read_text(encoding="utf-8") == text + '\nrecipients:\n  by_kecamatan:\n    "Alak":\n      - "Ani Koby"\n'
    assert "1 penerima di 1 kecamatan" in out.out
    assert "Catatan kegiatan itu masih bermasalah" in out.err and f"{event}:" in out.err and "'group'" in out.err


def test_a_sheet_without_a_name_header_or_a_missing_file_is_refused(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = csv_file(tmp_path / "p.csv", [["Penerima", "Kecamatan"], ["Ani", "Alak"]])
    assert impor(sheet, "--content", content_dir) == 1
    assert "Tidak ada baris judul kolom dengan kolom nama" in capsys.readouterr().err
    assert impor(tmp_path / "tidak-ada.xlsx", "--content", content_dir) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_date_cells_are_birth_dates_even_under_an_unknown_header(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = xlsx(tmp_path / "p.xlsx", [["Nama", "Kecamatan", "Data"], ["Ani", "Alak", datetime.date(1980, 3, 12)]])
    assert impor(sheet, "--content", content_dir) == 0
    out = capsys.readouterr()
    assert "Kolom 'Data' (kolom C) tidak disalin: berisi tanggal lahir." in out.err and "1980" not in out.out


def test_place_words_in_cells_and_counts_of_namesakes_are_accepted(content_dir: Path, tmp_path: Path, capsys) -> None:
    rows = [["Nama", "Kecamatan", "Kelurahan"], ["Ani", "Kec. Kelapa Lima", "Kel. Oesapa"], ["Ani", "Kecamatan Kelapa Lima", "Oesapa"]]
    sheet = xlsx(tmp_path / "p.xlsx", rows)
    assert impor(sheet, "--content", content_dir) == 1
    assert "Baris 5: penerima di kolom 'Nama' (kolom A) sama dengan baris 4." in capsys.readouterr().err
    assert impor(sheet, "--counts", "--source", "data DTKS Dinas Sosial, Oktober 2025", "--content", content_dir) == 0
    assert capsys.readouterr().out == ('recipients:\n  by_kecamatan:\n    "Kelapa Lima": {count: 2}\n'
                                       '  source: "data DTKS Dinas Sosial, Oktober 2025"\n')


def test_an_ods_list_is_read_like_an_xlsx_one(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = ods(tmp_path / "penerima.ods", [["Daftar penerima"], HEADER, *SHEET])
    assert impor(sheet, "--content", content_dir) == 0
    out = capsys.readouterr()
    assert '"Alak":\n      - {name: "Yohanes Ndolu", kelurahan: "Namosain"}' in out.out
    assert all(value not in out.out + out.err for value in PRIVATE)
    assert "Kolom 'No HP' (kolom E) tidak disalin: berisi nomor telepon." in out.err


def test_goods_per_recipient_are_copied_and_money_per_person_is_not(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = csv_file(tmp_path / "barang.csv", [
        ["Nama Penerima", "Kecamatan", "Kelurahan", "Jenis Bantuan", "Jumlah", "Satuan", "Nominal"],
        ["Posyandu Mawar", "Alak", "Namosain", "beras", "2,5", "kilogram", "Rp600.000"],
        ["Posyandu Melati", "Oebobo", "", "minyak goreng", "10", "liter", "600000"],
    ])
    event = content_dir / EVENT
    assert impor(sheet, "--event", event, "--content", content_dir) == 0
    out = capsys.readouterr().out
    after = event.read_text(encoding="utf-8")
    assert '- {name: "Posyandu Mawar", kelurahan: "Namosain", goods: [{item: "beras", quantity: 2.5, unit: "kilogram"}]}' in after
    assert '- {name: "Posyandu Melati", goods: [{item: "minyak goreng", quantity: 10, unit: "liter"}]}' in after
    assert "600000" not in after and "600.000" not in after
    assert "setiap penerima mendapat Rp600.000. Tulis sekali di catatan: payments: [{kind: ..., to: recipients, amount: 600000}]" in out
    loaded = records.load(content_dir).published().event(event.stem)
    goods = [(r.name, [(g.item, str(g.quantity), g.unit) for g in r.goods]) for p in loaded.places for r in p.recipients]
    assert goods == [("Posyandu Mawar", [("beras", "2.5", "kilogram")]), ("Posyandu Melati", [("minyak goreng", "10", "liter")])]


def test_goods_without_a_quantity_or_a_unit_and_unreadable_money_are_refused_by_row(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = csv_file(tmp_path / "barang.csv", [
        ["Nama", "Kecamatan", "Barang", "Jumlah", "Satuan", "Nominal"],
        ["Posyandu Mawar", "Alak", "beras", "", "kilogram", "600000"],
        ["Posyandu Melati", "Alak", "beras", "5", "kilogram", "enam ratus ribu"],
    ], bom=False)
    event = content_dir / EVENT
    before = event.read_bytes()
    assert impor(sheet, "--event", event, "--content", content_dir) == 1
    err = capsys.readouterr().err
    assert f"{sheet}:2: Baris 2, kolom 'Barang' (kolom C): barang 'beras' perlu banyaknya" in err
    assert f"{sheet}:3: Baris 3, kolom 'Nominal' (kolom F): 'enam ratus ribu' bukan nominal rupiah." in err
    assert event.read_bytes() == before


def test_different_amounts_per_person_are_said_and_not_copied(content_dir: Path, tmp_path: Path, capsys) -> None:
    sheet = csv_file(tmp_path / "uang.csv", [
        ["Nama", "Kecamatan", "Nominal"], ["Ani Koby", "Alak", "300000"], ["Beni Tefa", "Alak", "450000"]])
    assert impor(sheet, "--content", content_dir) == 0
    captured = capsys.readouterr()
    assert "nominalnya berbeda-beda per penerima" in captured.err
    assert "300000" not in captured.out and "450000" not in captured.out


def test_a_source_with_a_phone_number_is_refused_before_anything_is_printed(content_dir: Path, tmp_path: Path, capsys) -> None:
    # Without --event the block goes to stdout, to be pasted into a record as it is.
    sheet = xlsx(tmp_path / "penerima.xlsx", [HEADER, *SHEET])
    assert impor(sheet, "--counts", "--source", "daftar dari Pak Yos, HP 0812–3456–7890", "--content", content_dir) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "--source memuat nomor telepon" in out.err and "3456" not in out.err
