"""Open data: tables valid against their own Table Schema, figures from totals, no names leaked."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import frictionless
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import records
from generator.compose import opendata, totals

from .conftest import CONTENT, EVENT, composed, downloads, edit, site_tally

# A second and third event beside the example one: a venue, a group and a
# payment kind a spreadsheet would run as formulas, known and unknown
# amounts, two events on one day, and recipients who did not agree to be named.
EXTRA_EVENTS = {
    "2025-10-01-santunan-alak": """\
program: bangun-ntt
date: 2025-10-01
time: "14.30"
venue: '=HYPERLINK("http://contoh.test","klik")'
organizers: [pemkot-kupang]
activity: penyerahan santunan
recipients:
  group: '@nelayan'
  publish_names: false
  by_kecamatan:
    Alak: [Maria Bunga, Yosef Tefa, Ani Lado]
    oebobo: [Petrus Ndun]
payments:
  - kind: -santunan duka
    amount: 1.500.000
    recipients: [Yohana Seran, Markus Lay]
    publish_names: true
  - kind: bantuan modal
    amount: 2500000
    recipients: [Maria Bunga]
""",
    "2025-10-01-sosialisasi-oebobo": """\
program: bangun-ntt
date: 2025-10-01
venue: Aula Kelurahan Oebobo, lantai 2
organizers: [pemkot-kupang]
activity: sosialisasi program
recipients:
  group: pekerja rentan
  publish_names: true
  by_kecamatan:
    Oebobo: [Sarah Fanggi, Élise Ndolu]
""",
}
NOT_CONSENTING = ("Maria Bunga", "Yosef Tefa", "Ani Lado", "Petrus Ndun")
HEIRS = ("Duli", "Moses Kadji", "Yohana Seran", "Markus Lay")
CONSENTING = (
    "Jonathan Agustinus Tali", "Juneidi Alimi", "Onanda Laurina Koby", "Doris Masang Nenu", "Susilowati",
    "Muhamad Yunus", "Cornelis Pulangga", "Jitron Arisamak Taklale", "Agustinus Tana", "Apriana Tanaale",
    "Sarah Fanggi", "Élise Ndolu",
)


def rich_content(content_dir: Path, names: str = "masked") -> records.Content:
    for slug, text in EXTRA_EVENTS.items():
        (content_dir / "events" / f"{slug}.yml").write_text(text, encoding="utf-8")
    edit(content_dir / "site.yml", "recipient_names: masked", f"recipient_names: {names}")
    return records.load_content(content_dir)


@pytest.fixture(params=["hidden", "masked", "full"])
def rich(request: pytest.FixtureRequest, content_dir: Path) -> records.Content:
    return rich_content(content_dir, request.param)


def package(files: dict[str, str]) -> dict:
    return json.loads(files["data/datapackage.json"])


def resources(files: dict[str, str]) -> dict[str, dict]:
    return {r["name"]: r for r in package(files)["resources"]}


def typed_csv(text: str, schema: dict) -> list[dict]:
    """CSV rows with cells read by the schema's types: what the JSON must hold."""
    types = {f["name"]: f["type"] for f in schema["fields"]}
    rows = []
    for raw in csv.DictReader(io.StringIO(text, newline="")):
        row: dict = {}
        for name, cell in raw.items():
            if cell == "":
                row[name] = None
            elif types[name] == "integer":
                row[name] = int(cell)
            elif types[name] == "boolean":
                row[name] = {"true": True, "false": False}[cell]
            else:
                if types[name] == "date":
                    date.fromisoformat(cell)
                row[name] = cell
        rows.append(row)
    return rows


def write(files: dict[str, str], root: Path) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return root / "data" / "datapackage.json"


def validate(descriptor: Path) -> frictionless.Report:
    # frictionless resolves resource paths against the working directory
    # when the descriptor path is relative; an absolute one is unambiguous.
    return frictionless.validate(str(descriptor))


def errors(report: frictionless.Report) -> list[str]:
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        e.message for e in report.errors
    ]


# --------------------------------------------------------------------------
# Files and formats.


def test_file_list_is_fixed_and_penerima_only_under_full_names(content_dir: Path) -> None:
    tables = ["kegiatan", "penerima-per-kecamatan", "pembayaran"]
    masked = downloads(records.load_content(CONTENT))
    per_event = ["data/kegiatan/2025-09-03-bangun-ntt-kupang.csv", "data/kegiatan/2025-09-03-bangun-ntt-kupang.json"]
    assert list(masked) == [f"data/{t}.{ext}" for t in tables for ext in ("csv", "json")] + per_event + ["data/datapackage.json"]
    full = downloads(rich_content(content_dir, "full"))
    slugs = sorted(["2025-09-03-bangun-ntt-kupang", *EXTRA_EVENTS])
    assert list(full) == [f"data/{t}.{ext}" for t in [*tables, "penerima"] for ext in ("csv", "json")] + [
        f"data/kegiatan/{slug}.{ext}" for slug in slugs for ext in ("csv", "json")] + ["data/datapackage.json"]


def test_every_file_is_valid_against_its_table_schema(rich: records.Content, tmp_path: Path) -> None:
    files = downloads(rich)
    report = validate(write(files, tmp_path / "site"))
    assert report.valid, errors(report)
    checked = {task.name: task.stats["rows"] for task in report.tasks}
    assert set(checked) == set(resources(files))
    assert checked["penerima-per-kecamatan"] == checked["penerima-per-kecamatan-json"] == 9


@pytest.mark.parametrize(
    ("path", "old", "new", "error"),
    [
        ("data/penerima-per-kecamatan.csv", ",53.71.04,", ",53.71.03,", "primary-key"),
        ("data/pembayaran.csv", "2025-09-03-bangun-ntt-kupang,1,", "tidak-ada,1,", "foreign-key"),
        ("data/kegiatan.json", '"jumlah_penerima": 10', '"jumlah_penerima": -1', "constraint"),
        ("data/kegiatan.csv", ",2025-09-03,", ",03/09/2025,", "type"),
    ],
)
def test_the_validation_catches_broken_files(tmp_path: Path, path: str, old: str, new: str, error: str) -> None:
    # The check above is only worth something if a broken file fails it.
    files = downloads(records.load_content(CONTENT))
    assert old in files[path]
    files[path] = files[path].replace(old, new, 1)
    report = validate(write(files, tmp_path / "site"))
    assert not report.valid
    assert any(error in e.type for task in report.tasks for e in task.errors), errors(report)


def test_json_rows_equal_csv_rows_typed(rich: records.Content) -> None:
    files = downloads(rich)
    for name, resource in resources(files).items():
        if resource["format"] != "csv":
            continue
        if isinstance(resource["path"], list):  # per event: each JSON beside its CSV
            for part in resource["path"]:
                from_json = [r | {"nilai": None if r["nilai"] is None else str(r["nilai"]).lower() if isinstance(r["nilai"], bool) else str(r["nilai"])}
                             for r in json.loads(files[f"data/{part.removesuffix('.csv')}.json"])]
                assert from_json == typed_csv(files[f"data/{part}"], resource["schema"])
            continue
        from_csv = typed_csv(files[f"data/{resource['path']}"], resource["schema"])
        from_json = json.loads(files[f"data/{name}.json"])
        assert from_json == from_csv, name
        header = files[f"data/{resource['path']}"].splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_csv_is_utf8_with_lf_and_rfc4180_quoting(rich: records.Content) -> None:
    files = downloads(rich)
    kegiatan = files["data/kegiatan.csv"]
    assert "\r" not in "".join(files.values()) and kegiatan.endswith("\n")
    assert ',"Ruang Garuda, Balai Kota Kupang",' in kegiatan
    # The double quotes of the formula are doubled inside a quoted cell.
    assert ',"\'=HYPERLINK(""http://contoh.test"",""klik"")",' in kegiatan


def test_json_is_readable_unicode_sorted_and_newline_terminated(rich: records.Content) -> None:
    files = downloads(rich)
    for path, text in files.items():
        if path.endswith(".json"):
            assert text.endswith("}\n") or text.endswith("]\n"), path
            data = json.loads(text)
            assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n", path
    if rich.site.privacy.recipient_names == "full":
        assert "Élise Ndolu" in files["data/penerima.json"]


def test_same_content_same_bytes() -> None:
    assert downloads(records.load_content(CONTENT)) == downloads(records.load_content(CONTENT))


def test_rows_are_sorted_by_date_then_event(rich: records.Content) -> None:
    files = downloads(rich)
    kegiatan = json.loads(files["data/kegiatan.json"])
    assert [r["kegiatan"] for r in kegiatan] == [
        "2025-09-03-bangun-ntt-kupang", "2025-10-01-santunan-alak", "2025-10-01-sosialisasi-oebobo",
    ]
    per = json.loads(files["data/penerima-per-kecamatan.json"])
    keys = [(r["tanggal"], r["kegiatan"], r["kode_kecamatan"]) for r in per]
    assert keys == sorted(keys)


# --------------------------------------------------------------------------
# Figures: every one from totals.


def test_figures_equal_the_totals(rich: records.Content) -> None:
    files = downloads(rich)
    tally = site_tally(rich)
    kegiatan = json.loads(files["data/kegiatan.json"])
    per = json.loads(files["data/penerima-per-kecamatan.json"])
    pembayaran = json.loads(files["data/pembayaran.json"])
    assert len(kegiatan) == tally.events == 3
    assert sum(r["jumlah_penerima"] for r in kegiatan) == sum(r["jumlah_penerima"] for r in per) == tally.people == 16
    assert len({r["kode_kecamatan"] for r in per}) == tally.kecamatan == 6
    assert sum(r["jumlah_penerima"] for r in pembayaran) == tally.payments == 5
    assert sum(r["total"] or 0 for r in pembayaran) == tally.paid == 5_500_000
    for event in kegiatan:
        mine = [r for r in per if r["kegiatan"] == event["kegiatan"]]
        assert event["jumlah_penerima"] == sum(r["jumlah_penerima"] for r in mine)
        assert event["jumlah_kecamatan"] == len(mine)


def test_kecamatan_carry_kemendagri_codes_and_official_names(rich: records.Content) -> None:
    per = json.loads(downloads(rich)["data/penerima-per-kecamatan.json"])
    alak = [(r["kode_kecamatan"], r["nama_kecamatan"], r["jumlah_penerima"]) for r in per if r["kegiatan"] == "2025-10-01-santunan-alak"]
    assert alak == [("53.71.01", "Alak", 3), ("53.71.04", "Oebobo", 1)]  # "oebobo" as the gazetteer spells it


def test_unknown_amounts_are_empty_cells(rich: records.Content) -> None:
    files = downloads(rich)
    assert "2025-09-03-bangun-ntt-kupang,1,2025-09-03,bangun-ntt,santunan duka,2,,,false,,\n" in files["data/pembayaran.csv"]
    paid = [r for r in json.loads(files["data/pembayaran.json"]) if r["kegiatan"] == "2025-10-01-santunan-alak"]
    assert [(r["urutan"], r["nominal_per_penerima"], r["total"]) for r in paid] == [(1, 1_500_000, 3_000_000), (2, 2_500_000, 2_500_000)]


def test_formula_cells_are_neutralised(rich: records.Content) -> None:
    files = downloads(rich)
    for path, text in files.items():
        if path.endswith(".csv"):
            for row in csv.reader(io.StringIO(text, newline="")):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (path, row)
    kegiatan = {r["kegiatan"]: r for r in json.loads(files["data/kegiatan.json"])}["2025-10-01-santunan-alak"]
    assert kegiatan["tempat"] == "'=HYPERLINK(\"http://contoh.test\",\"klik\")"
    assert kegiatan["kelompok_penerima"] == "'@nelayan"
    assert "'-santunan duka" in files["data/pembayaran.csv"]


# --------------------------------------------------------------------------
# Privacy.


@pytest.mark.parametrize("names", ["hidden", "masked"])
def test_no_name_in_any_download_unless_full(content_dir: Path, names: str) -> None:
    files = downloads(rich_content(content_dir, names))
    text = "\n".join(files.values())
    for name in (*CONSENTING, *NOT_CONSENTING, *HEIRS):
        assert name not in text, name
    assert "***" not in text  # not even masked
    assert "nama" not in {f["name"] for r in package(files)["resources"] for f in r["schema"]["fields"]}


def test_under_full_only_consenting_recipients_are_named(content_dir: Path) -> None:
    files = downloads(rich_content(content_dir, "full"))
    named = json.loads(files["data/penerima.json"])
    assert sorted(r["nama"] for r in named) == sorted(CONSENTING)
    assert {r["kegiatan"] for r in named} == {"2025-09-03-bangun-ntt-kupang", "2025-10-01-sosialisasi-oebobo"}
    assert ("Kelapa Lima", "53.71.03") in {(r["nama_kecamatan"], r["kode_kecamatan"]) for r in named}
    everywhere = "\n".join(files.values())
    for name in (*NOT_CONSENTING, *HEIRS):
        assert name not in everywhere, name
    # The per-event files hold the same rows as the site-wide ones, names included.
    others = "\n".join(text for path, text in files.items() if not path.startswith(("data/penerima.", "data/kegiatan/")))
    for name in CONSENTING:
        assert name not in others, name


def test_under_full_without_consent_the_names_table_is_empty(content_dir: Path) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", "publish_names: false          #")
    edit(content_dir / "site.yml", "recipient_names: masked", "recipient_names: full")
    files = downloads(records.load_content(content_dir))
    assert files["data/penerima.csv"] == "kegiatan,tanggal,program,kode_kecamatan,nama_kecamatan,nama\n"
    assert files["data/penerima.json"] == "[]\n"


def test_two_spellings_of_a_kecamatan_are_one_row(content_dir: Path) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [Susilowati]\n    OEBOBO: [Budi Contoh]")
    edit(content_dir / "site.yml", "recipient_names: masked", "recipient_names: full")
    files = downloads(records.load_content(content_dir))
    per = [r for r in json.loads(files["data/penerima-per-kecamatan.json"]) if r["nama_kecamatan"] == "Oebobo"]
    assert [r["jumlah_penerima"] for r in per] == [2]
    (event,) = json.loads(files["data/kegiatan.json"])
    assert (event["jumlah_penerima"], event["jumlah_kecamatan"]) == (11, 6)
    named = {r["nama"]: r["nama_kecamatan"] for r in json.loads(files["data/penerima.json"])}
    assert named["Budi Contoh"] == named["Susilowati"] == "Oebobo"


# --------------------------------------------------------------------------
# The Data Package descriptor.


def test_datapackage_describes_every_table_in_indonesian(rich: records.Content) -> None:
    files = downloads(rich)
    descriptor = package(files)
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["name"] == "transparansi-perlindungan-sosial-kota-kupang"
    assert {lic["name"] for lic in descriptor["licenses"]} == {"CC-BY-4.0", "ODbL-1.0"}
    assert "idn-area-data" in descriptor["sources"][0]["title"]
    for resource in descriptor["resources"]:
        parts = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        assert all(f"data/{part}" in files for part in parts)
        assert resource["encoding"] == "utf-8"
        assert resource["mediatype"] == {"csv": "text/csv", "json": "application/json"}[resource["format"]]
        for field in resource["schema"]["fields"]:
            assert field["type"] in ("string", "integer", "number", "boolean", "date")
            assert field["title"] and field["description"]
            if field["type"] in ("integer", "number"):
                assert field["constraints"]["minimum"] == 0
    schema = resources(files)["penerima-per-kecamatan"]["schema"]
    assert schema["primaryKey"] == ["kegiatan", "kode_kecamatan"]
    assert schema["foreignKeys"] == [{"fields": ["kegiatan"], "reference": {"resource": "kegiatan", "fields": ["kegiatan"]}}]
    json_fk = resources(files)["penerima-per-kecamatan-json"]["schema"]["foreignKeys"][0]
    assert json_fk["reference"]["resource"] == "kegiatan-json"


# --------------------------------------------------------------------------
# The Data terbuka page.


def render_page(content: records.Content) -> str:
    return composed(content)[1]["data/index.md"]


def test_data_page_links_every_download_relative_to_itself(rich: records.Content) -> None:
    page = render_page(rich)
    for path in downloads(rich):
        assert f"]({path.removeprefix('data/')})" in page, path


def test_data_page_lists_the_newest_events_files_and_counts_the_rest(content_dir: Path) -> None:
    # Five years of events would make the list a page no phone opens; every
    # article's box links its own files, and the package lists them all.
    event = (content_dir / EVENT).read_text(encoding="utf-8")
    for day in range(1, 36):
        (content_dir / "events" / f"2025-08-{day % 28 + 1:02d}-kegiatan-{day}.yml").write_text(
            event.replace("date: 2025-09-03", f"date: 2025-08-{day % 28 + 1:02d}"), encoding="utf-8")
    content = records.load_content(content_dir)
    page, files = render_page(content), downloads(content)
    listed = [p for p in files if p.startswith("data/kegiatan/") and p.endswith(".csv") and f"]({p.removeprefix('data/')})" in page]
    assert len(listed) == 30 and "data/kegiatan/2025-09-03-bangun-ntt-kupang.csv" in listed
    assert "Berkas enam kegiatan yang lebih lama ditautkan" in page
    assert len(package(files)["resources"][-1]["path"]) == 36


def test_data_dictionary_comes_from_the_package_schemas(rich: records.Content) -> None:
    files = downloads(rich)
    page = render_page(rich)
    for resource in package(files)["resources"]:
        assert resource["title"] in page
        for field in resource["schema"]["fields"]:
            assert f"| `{field['name']}` | {field['title']} |" in page
            assert field["description"] in page
    assert ("penerima.csv" in page) == (rich.site.privacy.recipient_names == "full")


def test_data_page_states_rows_date_and_licences(rich: records.Content) -> None:
    page = render_page(rich)
    box = page.split('<section class="warta-unduhan__tabel" markdown="1">', 2)[1]
    assert "### Kegiatan { #unduh-kegiatan }" in box and " 3 baris." in box
    assert '[Unduh CSV<span class="warta-tersembunyi"> Kegiatan</span>](kegiatan.csv)' in box
    assert '[Unduh JSON<span class="warta-tersembunyi"> Kegiatan</span>](kegiatan.json)' in box
    assert "Data per 1 Oktober 2025." in page
    assert "(CC-BY-4.0)" in page and "(ODbL-1.0)" in page


def test_package_name_keeps_accented_letters(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "title: Transparansi Perlindungan Sosial Kota Kupang", "title: Data Pemberdayaan Ékonomi Kota Kupang")
    assert package(downloads(records.load_content(content_dir)))["name"] == "data-pemberdayaan-ekonomi-kota-kupang"


def test_data_page_escapes_record_text(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "title: Transparansi", "title: <b>Transparansi</b> *Data* |")
    page = render_page(records.load_content(content_dir))
    assert "<b>" not in page and "&lt;b&gt;Transparansi&lt;/b&gt; \\*Data\\* \\|" in page


_VALUES = st.one_of(st.text(), st.integers(), st.floats(), st.decimals(allow_nan=False), st.booleans(), st.none())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.text(), _VALUES, max_size=6), max_size=6) | st.lists(_VALUES | st.lists(_VALUES), max_size=3))
def test_a_json_download_is_what_json_dumps_writes(rows: list) -> None:
    # The rows are written a row at a time (opendata._json): the same bytes
    # as the standard library's indented, sorted JSON, whatever they hold.
    expected = json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=2, default=float) + "\n"
    assert opendata._json(rows) == expected
