"""The records loader: the example is valid, and every rule of record-format.md
rejects what it should, with the file, the line and a message in Indonesian."""

from __future__ import annotations

import argparse
import re
import shutil
from datetime import date, time
from pathlib import Path

import pytest

from generator import records
from generator.compose import opendata
from generator.core import privacy
from generator.core.errors import WartaError, catalogue, format_problem
from generator.edges import cli
from generator.records import model, slips

from .conftest import CONTENT, EVENT, ROOT, edit


def problems_of(root: Path) -> list[str]:
    with pytest.raises(WartaError) as caught:
        records.load_content(root)
    return [format_problem(p).removeprefix(f"{root}/") for p in caught.value.problems]


def test_example_content_is_valid_and_typed(example: records.Content) -> None:
    event = example.events[0]
    assert event.slug == "2025-09-03-bangun-ntt-kupang"
    assert event.date == date(2025, 9, 3)
    assert event.time == time(9, 0)
    assert example.region.name == "Kota Kupang" and example.region.timezone == "WITA"
    assert event.recipients.count == 10
    assert list(event.recipients.by_kecamatan) == ["Kelapa Lima", "Alak", "Oebobo", "Kota Lama", "Kota Raja", "Maulafa"]
    assert [r.name for r in event.payments[0].recipients] == ["Duli", "Moses Kadji"]


def test_records_are_frozen(example: records.Content) -> None:
    with pytest.raises(Exception):
        example.events[0].venue = "elsewhere"  # type: ignore[misc]


def test_records_keep_their_source_lines(example: records.Content) -> None:
    event = example.events[0]
    susilowati = event.recipients.by_kecamatan["Oebobo"][0]
    assert susilowati.written_at.path.endswith(EVENT) and susilowati.written_at.line == 18
    assert event.speakers[0].quotes[0].written_at.line == 30


def test_folded_text_is_one_paragraph(example: records.Content) -> None:
    quote = example.events[0].speakers[0].quotes[0].text
    assert "\n" not in quote and "  " not in quote
    assert quote.startswith("Program jaminan sosial") and quote.endswith("pro rakyat.")


# (file, text to replace, replacement, expected "file:line: message" report line)
BROKEN = [
    pytest.param(EVENT, "venue: Ruang", "venu: Ruang",
                 f"{EVENT}:6: Kolom 'venu' tidak dikenal di sini. Mungkin maksud Anda 'venue'?", id="unknown-field"),
    pytest.param(EVENT, "venue: Ruang Garuda, Balai Kota Kupang\n", "",
                 f"{EVENT}:3: Kolom 'venue' (tempat) wajib diisi.", id="missing-field"),
    pytest.param(EVENT, "publish_names: true           #", "publish_names: nope #",
                 f"{EVENT}:14: Kolom 'publish_names' (izin menyebut nama) di penerima harus true (ya) atau false (tidak), bukan 'nope'.", id="wrong-type-bool"),
    pytest.param(EVENT, "organizers: [pemprov-ntt, pemkot-kupang, bpjs-ketenagakerjaan, bank-ntt]", "organizers: pemprov-ntt",
                 f"{EVENT}:7: Kolom 'organizers' (penyelenggara) harus berupa daftar, misalnya [a, b] atau baris-baris yang diawali '- '.", id="wrong-type-list"),
    pytest.param(EVENT, "date: 2025-09-03", "date: 2025-09-31",
                 f"{EVENT}:4: Tanggal '2025-09-31' tidak ada di kalender.", id="impossible-date"),
    pytest.param(EVENT, "date: 2025-09-03", "date: 3/9/2025",
                 f"{EVENT}:4: Tanggal '3/9/2025' harus ditulis TTTT-BB-HH, misalnya 2025-09-03.", id="date-format"),
    pytest.param(EVENT, 'time: "09.00"', "time: 25.00",
                 f"{EVENT}:5: Jam '25.00' harus ditulis dalam tanda kutip dengan bentuk \"JJ.MM\", misalnya \"09.00\".", id="impossible-time"),
    pytest.param(EVENT, "program: bangun-ntt", "program: bangun-nt",
                 f"{EVENT}:3: Program 'bangun-nt' tidak ada di folder programs/. Mungkin maksud Anda 'bangun-ntt'?", id="dangling-program"),
    pytest.param(EVENT, "bpjs-ketenagakerjaan, bank-ntt]", "bpjs-ketenagakerja, bank-ntt]",
                 f"{EVENT}:7: Organisasi 'bpjs-ketenagakerja' tidak ada di organizations.yml. Mungkin maksud Anda 'bpjs-ketenagakerjaan'?", id="dangling-organization"),
    pytest.param(EVENT, "person: christian-widodo", "person: kristian-widodo",
                 f"{EVENT}:36: Narasumber 'kristian-widodo' tidak ada di people.yml. Mungkin maksud Anda 'christian-widodo'?", id="dangling-person"),
    pytest.param("people.yml", "organization: pemkot-kupang", "organization: pemkab-kupang",
                 "people.yml:12: Organisasi 'pemkab-kupang' tidak ada di organizations.yml. Mungkin maksud Anda 'pemkot-kupang'?", id="dangling-organization-in-people"),
    pytest.param(EVENT, "Kelapa Lima: [", "Kelapa Lma: [",
                 f"{EVENT}:16: Kecamatan 'Kelapa Lma' tidak ada di Kota Kupang. Mungkin maksud Anda 'Kelapa Lima'?", id="kecamatan-outside-region"),
    pytest.param(EVENT, "Oebobo: [Susilowati]", "Oebobo: [{name: Susilowati, kelurahan: Oesapa}]",
                 f"{EVENT}:18: Kelurahan 'Oesapa' tidak ada di Kecamatan Oebobo.", id="kelurahan-outside-kecamatan"),
    pytest.param(EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, Juneidi  Alimi]",
                 f"{EVENT}:18: Penerima 'Juneidi Alimi' sudah tercatat di baris 16 kegiatan ini. Jika orangnya berbeda, tuliskan kelurahan masing-masing.", id="duplicate-recipient"),
    pytest.param(EVENT, "program: bangun-ntt\n", "program: bangun-ntt\nprogram: bangun-ntt\n",
                 f"{EVENT}:4: Kolom 'program' ditulis dua kali (pertama di baris 3). Hapus salah satunya.", id="duplicate-key"),
    pytest.param("site.yml", 'region: "53.71"', 'region: "53.99"',
                 "site.yml:5: Kode wilayah '53.99' bukan kode kabupaten/kota Kemendagri.", id="unknown-region"),
    pytest.param("site.yml", "preset: pemerintah", "preset: pers",
                 "site.yml:8: Isi kolom 'preset' (bentuk) di kaki berita harus salah satu dari 'pemerintah', 'media' atau 'custom', bukan 'pers'.", id="wrong-choice"),
    pytest.param(EVENT, "Susilowati]", "Susilowati 5371031234560001]",
                 f"{EVENT}:18: Penerima ke-1 di Kecamatan Oebobo memuat angka 16 digit seperti NIK atau nomor KK. Data pribadi tidak boleh ditulis di catatan; hapus angkanya.", id="nik"),
    pytest.param(EVENT, "Susilowati]", "Susilowati HP 0812-3456-7890]",
                 f"{EVENT}:18: Penerima ke-1 di Kecamatan Oebobo memuat nomor telepon. Nomor telepon pribadi tidak boleh diterbitkan; hapus nomornya.", id="phone"),
    pytest.param(EVENT, "remarks: menyampaikan apresiasi", "remarks: menyampaikan lewat susi@gmail.com apresiasi",
                 f"{EVENT}:28: Kolom 'remarks' (pernyataan) di narasumber ke-1 memuat alamat e-mail pribadi. Hanya e-mail resmi instansi (misalnya @kupangkota.go.id) yang boleh ditulis.", id="private-email"),
    pytest.param(EVENT, "venue: Ruang Garuda, Balai Kota Kupang", "venue: rumah warga RT 005/RW 002 Oebobo",
                 f"{EVENT}:6: Kolom 'venue' (tempat) memuat alamat rumah (jalan dan nomor, atau RT/RW). Cukup tulis kecamatan dan kelurahan.", id="street-address"),
    pytest.param(EVENT, "Susilowati]", "Susilowati rek. 0012345678]",
                 f"{EVENT}:18: Penerima ke-1 di Kecamatan Oebobo memuat nomor panjang seperti nomor rekening atau kartu. Data keuangan pribadi tidak boleh ditulis; hapus nomornya.", id="bank-account"),
    pytest.param(EVENT, "    recipients: [Duli, Moses Kadji]", "    recipients: [Duli, Moses Kadji]\n    amount: dua juta",
                 f"{EVENT}:25: Jumlah uang 'dua juta' harus berupa bilangan bulat rupiah lebih dari nol, misalnya 2500000 atau 2.500.000.", id="amount-not-a-number"),
]


@pytest.mark.parametrize("file, old, new, expected", BROKEN)
def test_each_rule_reports_file_line_and_message(content_dir: Path, file: str, old: str, new: str, expected: str) -> None:
    edit(content_dir / file, old, new)
    assert expected in problems_of(content_dir)


# The YAML 1.1 traps: each value is read as the writer meant it.
@pytest.mark.parametrize("written, meant", [
    ("time: 10:30", time(10, 30)),   # YAML 1.1: the sexagesimal number 630
    ("time: 09.00", time(9, 0)),     # YAML 1.1: the float 9.0
    ("time: 9.30", time(9, 30)),
    ('time: "09.00"', time(9, 0)),
])
def test_unquoted_times_mean_the_clock_time_written(content_dir: Path, written: str, meant: time) -> None:
    edit(content_dir / EVENT, 'time: "09.00"', written)
    assert records.load_content(content_dir).events[0].time == meant


def test_unquoted_region_code_keeps_its_trailing_zero(content_dir: Path) -> None:
    # YAML 1.1 reads 53.10 as the float 53.1: a different (non-existent) code.
    edit(content_dir / "site.yml", 'region: "53.71"', "region: 53.10")
    report = problems_of(content_dir)
    # Kecamatan of Kota Kupang are not in 53.10 (Kabupaten Manggarai): proof it was read as 53.10.
    assert any("tidak ada di Kabupaten Manggarai" in line for line in report)


@pytest.mark.parametrize("written", ["no", "No", "false", "off"])
def test_yaml_booleans_are_read_by_the_schema(content_dir: Path, written: str) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", f"publish_names: {written} #")
    assert records.load_content(content_dir).events[0].recipients.publish_names is False


def test_a_name_that_looks_like_a_boolean_stays_a_name(content_dir: Path) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati, No]")
    places = records.load_content(content_dir).events[0].recipients.places
    names = [r.name for place in places if place.kecamatan.name == "Oebobo" for r in place.recipients]
    assert names == ["Susilowati", "No"]


def test_every_problem_in_every_file_is_reported_in_one_run(content_dir: Path) -> None:
    edit(content_dir / EVENT, "venue: Ruang", "venu: Ruang")
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    edit(content_dir / "people.yml", "organization: pemkot-kupang", "organization: pemkab-kupang")
    edit(content_dir / "site.yml", "preset: pemerintah", "preset: pers")
    report = problems_of(content_dir)
    # "venu" is one slip: an unknown key whose suggestion is the missing one, said once.
    assert len(report) == 4  # venu + kecamatan + organization + preset
    files = [line.split(":")[0] for line in report]
    assert files == sorted(files)


def test_aliases_are_refused_without_expanding(content_dir: Path) -> None:
    bomb = "tags: &a [x, x, x, x, x, x, x, x, x]\nextra: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    (content_dir / EVENT).write_text((content_dir / EVENT).read_text() + bomb)
    report = problems_of(content_dir)
    assert any("Jangkar dan alias YAML" in line for line in report)


SLEMAN = ROOT / "examples" / "sleman" / "content"
GAMPING = "events/2025-10-06-kartu-jamkesda-gamping.yml"
BARISTA = "events/2025-10-15-pelatihan-barista-depok.yml"
DEEPER = "Kolom atau butir daftar yang setingkat harus diawali spasi sebanyak yang sama."

# YAML slips on real event files: (example, file, text, slip, the one line staff read).
# The line is where the writer slipped, which is often not where YAML noticed.
SLIPS = [
    # A line indented deeper than its siblings, under a text: YAML reads it as more of that text.
    pytest.param(CONTENT, EVENT, "venue: Ruang Garuda, Balai Kota Kupang", "venue: Ruang Garuda, Balai Kota Kupang\n  address: Jl. Eltari",
                 f"{EVENT}:7: Baris ini menjorok lebih dalam (2 spasi) daripada baris 6 (0 spasi), sehingga terbaca sebagai lanjutan isi baris 6. {DEEPER}", id="indent-under-text"),
    pytest.param(CONTENT, EVENT, "  publish_names: true           #", "   publish_names: true           #",
                 f"{EVENT}:14: Baris ini menjorok lebih dalam (3 spasi) daripada baris 13 (2 spasi), sehingga terbaca sebagai lanjutan isi baris 13. {DEEPER}", id="indent-one-space"),
    pytest.param(SLEMAN, GAMPING, "    heirs: true", "     heirs: true",
                 f"{GAMPING}:18: Baris ini menjorok lebih dalam (5 spasi) daripada baris 17 (4 spasi), sehingga terbaca sebagai lanjutan isi baris 17. {DEEPER}", id="indent-in-a-list-item"),
    # A list item indented further (or less) than the items before it.
    pytest.param(CONTENT, EVENT, "  - person: christian-widodo", "    - person: christian-widodo",
                 f"{EVENT}:36: Indentasi baris ini tidak rata: diawali 4 spasi, sedangkan baris 27 yang setingkat diawali 2 spasi. {DEEPER}", id="item-deeper"),
    pytest.param(CONTENT, EVENT, "  - person: christian-widodo", " - person: christian-widodo",
                 f"{EVENT}:36: Indentasi baris ini tidak rata: diawali 1 spasi, sedangkan baris 27 yang setingkat diawali 2 spasi. {DEEPER}", id="item-shallower"),
    # Without any YAML error: "- a" then "   - b" would be the one tag "kesehatan - jamkesda".
    pytest.param(SLEMAN, GAMPING, "tags: [kesehatan, jamkesda]", "tags:\n  - kesehatan\n   - jamkesda",
                 f"{GAMPING}:29: Baris ini menjorok lebih dalam (3 spasi) daripada baris 28 (2 spasi), sehingga terbaca sebagai lanjutan isi baris 28. {DEEPER}", id="item-read-as-text"),
    pytest.param(CONTENT, EVENT, "  group: pekerja rentan", "   group: pekerja rentan",
                 f"{EVENT}:14: Indentasi baris ini tidak rata: diawali 2 spasi, sedangkan baris 13 yang setingkat diawali 3 spasi. {DEEPER}", id="first-key-deeper"),
    pytest.param(SLEMAN, GAMPING, "    Godean: [Sutarjo, Ngatini]", "     Godean: [Sutarjo, Ngatini]",
                 f"{GAMPING}:15: Indentasi baris ini tidak rata: diawali 5 spasi, sedangkan baris 14 yang setingkat diawali 4 spasi. {DEEPER}", id="key-deeper-after-a-flow-mapping"),
    pytest.param(CONTENT, EVENT, "venue: Ruang Garuda, Balai Kota Kupang", "venue: Ruang Garuda\n- Balai Kota Kupang",
                 f"{EVENT}:7: Baris ini diawali '- ' (butir daftar), tetapi tidak berada di bawah kolom daftar. Hapus '- ', atau tulis butir ini di bawah kolom daftarnya dengan spasi di awal baris.", id="item-outside-a-list"),
    # A field name without its colon: noticed on the next line, named on its own.
    pytest.param(CONTENT, EVENT, "venue: Ruang", "venue Ruang",
                 f"{EVENT}:6: Tanda titik dua (:) setelah nama kolom 'venue' tidak ditemukan. Tulis 'venue: isi', dengan spasi setelah titik dua.", id="colon-top-level"),
    pytest.param(CONTENT, EVENT, "  group: pekerja", "  group pekerja",
                 f"{EVENT}:13: Tanda titik dua (:) setelah nama kolom 'group' tidak ditemukan. Tulis 'group: isi', dengan spasi setelah titik dua.", id="colon-nested"),
    pytest.param(SLEMAN, GAMPING, "    amount: 10000000", "    amount 10000000",
                 f"{GAMPING}:20: Tanda titik dua (:) setelah nama kolom 'amount' tidak ditemukan. Tulis 'amount: isi', dengan spasi setelah titik dua.", id="colon-in-a-list-item"),
    # A tab, at the start of a line or after spaces.
    pytest.param(CONTENT, EVENT, "  group: pekerja", "\tgroup: pekerja",
                 f"{EVENT}:13: Indentasi memakai karakter tab. YAML hanya menerima spasi; ganti tab dengan dua spasi.", id="tab"),
    pytest.param(SLEMAN, GAMPING, "    heirs: true", "  \theirs: true",
                 f"{GAMPING}:18: Indentasi memakai karakter tab. YAML hanya menerima spasi; ganti tab dengan dua spasi.", id="tab-after-spaces"),
    # An unclosed quote: at the line it opened, whether YAML noticed at the end or at the next quote.
    pytest.param(CONTENT, EVENT, "venue: Ruang", 'venue: "Ruang',
                 f'{EVENT}:6: Tanda kutip (") dibuka di baris ini tetapi tidak ditutup. Tutup isinya dengan tanda kutip yang sama.', id="quote-to-the-end"),
    pytest.param(SLEMAN, GAMPING, 'time: "09.00"', 'time: "09.00',
                 f'{GAMPING}:5: Tanda kutip (") dibuka di baris ini tetapi tidak ditutup. Tutup isinya dengan tanda kutip yang sama.', id="quote-closed-by-the-next-one"),
    pytest.param(SLEMAN, BARISTA, "activity: penutupan pelatihan barista", "activity: 'penutupan pelatihan barista",
                 f"{BARISTA}:8: Tanda kutip (') dibuka di baris ini tetapi tidak ditutup. Tutup isinya dengan tanda kutip yang sama.", id="single-quote"),
    # The hints that were right already.
    pytest.param(CONTENT, EVENT, "activity: penyerahan", "activity: Catatan: penyerahan",
                 f'{EVENT}:8: Ada tanda \': \' di dalam isi. Beri tanda kutip pada isi itu, misalnya "Catatan: ...".', id="colon-in-text"),
    pytest.param(CONTENT, EVENT, "venue: Ruang Garuda, Balai Kota Kupang", "venue: @balaikotakupang",
                 f"{EVENT}:6: YAML tidak dapat dibaca di baris ini (huruf ke-8): isi diawali karakter yang tidak boleh berada di awal (misalnya @, ` atau %). Beri tanda kutip pada isinya.", id="at-sign"),
    pytest.param(CONTENT, EVENT, "bpjs-ketenagakerjaan, bank-ntt]", "bpjs-ketenagakerjaan, bank-ntt",
                 f"{EVENT}:7: YAML tidak dapat dibaca di baris ini (huruf ke-13): daftar dalam kurung [ ] atau {{ }} dibuka di baris ini tetapi belum ditutup, atau ada koma yang hilang.", id="unclosed-bracket"),
]


@pytest.mark.parametrize("example, file, old, new, expected", SLIPS)
def test_each_yaml_slip_gets_its_advice_at_its_line(tmp_path: Path, example: Path, file: str, old: str, new: str, expected: str) -> None:
    root = tmp_path / "content"
    shutil.copytree(example, root)
    edit(root / file, old, new)
    assert problems_of(root) == [expected]


def test_file_names_must_be_addresses(content_dir: Path) -> None:
    (content_dir / EVENT).rename(content_dir / "events" / "Bangun NTT 3 Sept.yml")
    report = problems_of(content_dir)
    assert "events/Bangun NTT 3 Sept.yml: Nama berkas 'Bangun NTT 3 Sept.yml' tidak boleh memakai spasi" in report[0]
    assert "Mungkin maksud Anda 'bangun-ntt-3-sept.yml'?" in report[0]


def test_every_message_code_has_catalogue_text_and_every_text_is_used() -> None:
    package = Path(records.__file__).parent.parent
    source = "".join(p.read_text() for p in package.rglob("*.py"))
    texts = catalogue()

    def family(prefix: str) -> set[str]:
        return {code.removeprefix(prefix) for code in texts if code.startswith(prefix)}

    # Codes built from a prefix and a name: each family is exactly what uses it.
    assert family("pii.") == privacy.KINDS
    assert family("leak.label.") == privacy.KINDS | {privacy.NAME}
    assert family("cli.help.") == set(re.findall(r'_help\("(\w+)"\)', (package / "edges" / "cli.py").read_text()))
    tables = (opendata.KEGIATAN, opendata.PENERIMA_PER_KECAMATAN, opendata.PEMBAYARAN, opendata.BARANG, opendata.PENERIMA,
              opendata.BARIS_KEGIATAN)
    described = {f"table.{t.name}.{part}" for t in tables for part in ("title", "description")}
    columns = [*(c for t in tables for c in t.columns), opendata.ROW_COUNT]
    described |= {f"column.{c.text}.{part}" for c in columns for part in ("title", "description")}
    assert family("data.") == described
    assert family("yaml.hint.") == set(slips.HINTS.values()) | {"general"}
    # Every other code is named literally where it is raised.
    assert family("schema.field.") == set(re.findall(r'_describe\("([\w.]+)"\)', (package / "records" / "model.py").read_text()))
    # A label for every key of the record format, and no label for a key it does not have.
    fields = {f for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, model.Record) for f in cls.model_fields}
    kinds = {cls.__name__ for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, model.Record)}
    labels = family("field.")
    assert {f for f in labels if "." not in f} == fields
    for qualified in (f for f in labels if "." in f):
        owner, key = qualified.split(".")
        assert owner in fields | kinds and key in fields | {"each", "item"}, qualified
    # The command line's frame: argparse's texts, and the value names of Warta's options.
    assert family("cli.argparse.") == set(cli._ARGPARSE.values())
    parser = cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices.values()
    assert family("cli.metavar.") <= {a.dest for p in commands for a in p._actions if a.option_strings and a.metavar is None}
    dynamic = {"pii.", "leak.label.", "cli.help.", "data.", "yaml.hint.", "schema.field.", "field.", "cli.argparse.", "cli.metavar."}
    literal = {code for code in texts if not code.startswith(tuple(dynamic))} - {"summary", "suggestion"}
    assert {code for code in literal if f'"{code}"' not in source and f"'{code}'" not in source} == set()
    raised = {code for call in ("_custom", "Problem", "Slip") for code in re.findall(call + r'\("([a-z_.]+)"', source)}
    assert raised - set(texts) == set()


def test_events_far_in_the_future_are_refused_given_today(content_dir: Path) -> None:
    edit(content_dir / EVENT, "date: 2025-09-03", "date: 2052-09-03")
    assert records.load_content(content_dir).events[0].date.year == 2052  # no clock, no check
    with pytest.raises(WartaError) as caught:
        records.load_content(content_dir, today=date(2025, 9, 1))
    assert [format_problem(p).removeprefix(f"{content_dir}/") for p in caught.value.problems] == [
        f"{EVENT}:4: Tanggal 2052-09-03 lebih dari 30 hari ke depan. Periksa tahunnya; bila memang benar, ubah future_days di site.yml."
    ]
    edit(content_dir / "site.yml", "privacy:", "future_days: 10000\nprivacy:")
    assert records.load_content(content_dir, today=date(2025, 9, 1)).events[0].date.year == 2052


COMMENT_ENGLISH = {"the", "of", "and", "every", "one", "file", "key", "who", "where", "when", "always", "quoted", "optional",
                   "agreed", "named", "news", "site", "shown", "header", "invented", "officials", "residents", "by", "is", "are"}


def test_example_records_are_commented_in_indonesian() -> None:
    # Staff copy the examples: their comments are the first help they read.
    for path in sorted([*CONTENT.rglob("*.yml"), *SLEMAN.rglob("*.yml")]):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            comment = line.split("#", 1)[1] if "#" in line and "yaml-language-server" not in line else ""
            words = {w for w in re.findall(r"[A-Za-z]+", comment)} & COMMENT_ENGLISH
            assert not words, f"{path}:{n}: {words}"


def test_messages_never_quote_a_refused_identifier_in_full(content_dir: Path) -> None:
    # A phone typed as a kecamatan, a NIK typed as the date: the message points at the line, masked.
    edit(content_dir / EVENT, "Kelapa Lima: [", "081234567890: [")
    edit(content_dir / EVENT, "date: 2025-09-03", "date: 5371031234560001")
    with pytest.raises(WartaError) as caught:
        records.load_content(content_dir)
    report = caught.value.report()
    assert "081234567890" not in report and "5371031234560001" not in report
    assert "Penerima Kecamatan 08********** memuat nomor telepon" in report
    assert "Tanggal '53**************' harus ditulis TTTT-BB-HH" in report
