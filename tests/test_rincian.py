"""Every total on the home, programme and kecamatan pages links to the open-data rows it sums, and they sum to it.

The sums are checked on what a reader gets: the figures and the collapsed
row lists as the pages hold them (both examples, and a site whose pages
must summarise), and the links on the built site.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator import records
from generator.compose import opendata

from .conftest import CONTENT, SLEMAN, composed, rows_tables
from .test_usul import built  # noqa: F401  (the fixture: both examples built with --strict)

UNITS = {"Penerima": "orang", "Keluarga penerima": "keluarga", "Lembaga penerima": "lembaga", "Kelompok penerima": "kelompok"}


def value(cell: str) -> Decimal:
    """A number as the pages write it: 1.250, Rp10.000.000, 2,5."""
    return Decimal(cell.removeprefix("Rp").replace(".", "").replace(",", "."))


def linked_figures(text: str) -> list[tuple[str, str, str]]:
    """(label, figure, #anchor) of every row of the page's figure table that links to rows on the page."""
    return re.findall(r"^\| ([^|]+?) \| \[([^\]]+)\]\(#([^)]+)\) \|$", text, re.MULTILINE)


def column(rows: list[dict[str, str]], title: str, **where: str) -> Decimal:
    return sum((value(r[title]) for r in rows if r[title] and all(r[k] == v for k, v in where.items())), Decimal(0))


def summed(label: str, rows: list[dict[str, str]]) -> Decimal:
    """What the rows say the figure labelled `label` is."""
    grouped = "Jumlah baris" in rows[0]
    if label in UNITS:
        return column(rows, "Jumlah penerima", **{"Satuan penerima": UNITS[label]})
    if label == "Di antaranya menurut dokumen resmi":
        return sum((value(r["Jumlah penerima"]) for r in rows if r.get("Sumber jumlah")), Decimal(0))
    if label == "Kegiatan":
        # Summed rows no longer name their events; on a kecamatan page each row is one event there.
        return column(rows, "Jumlah baris") if grouped else Decimal(len({r["Kode kegiatan"] for r in rows}))
    if label.endswith("terjangkau"):
        return Decimal(len({r["Kecamatan"] for r in rows}))
    if label == "Peserta kegiatan tanpa penerima":
        return column(rows, "Jumlah peserta")
    if label == "Penerima santunan/pembayaran":
        return column(rows, "Jumlah penerima")
    if label == "Nilai santunan/pembayaran tercatat":
        return column(rows, "Total")
    if label.startswith("Barang: "):
        return column(rows, "Jumlah", Barang=label.removeprefix("Barang: "))
    raise AssertionError(f"no rule for {label!r}")


def check_page(path: str, text: str) -> int:
    """Assert each linked figure of a page equals the sum of its rows; how many figures were linked."""
    found = rows_tables(text)
    figures = linked_figures(text)
    for label, shown, anchor in figures:
        assert anchor in found, f"{path}: {label} links to #{anchor}, which the page does not list"
        number = value(shown.split(" ")[0])
        assert summed(label, found[anchor]) == number, f"{path}: {label} {shown} != its rows"
    return len(figures)


@pytest.fixture(scope="module", params=["kupang", "sleman"])
def example(request: pytest.FixtureRequest) -> tuple[records.Content, dict[str, str]]:
    content = records.load_content(CONTENT if request.param == "kupang" else SLEMAN)
    return content, composed(content)[1]


def test_every_programme_and_kecamatan_figure_links_to_rows_that_sum_to_it(example) -> None:
    content, pages = example
    for key in content.programs:
        path = f"program/{key}.md"
        text = pages[path]
        # Every non-zero figure of the programme's table links: none is left without its rows.
        assert check_page(path, text) == len(re.findall(r"^\| (?!Angka |---)[^|]+ \| (?!0 )[^|]+ \|$", text.split("## Angka program")[1].split("\n\n<details")[0], re.MULTILINE))
    reached = 0
    for path, text in pages.items():
        if path.startswith("kecamatan/") and path != "kecamatan/index.md":
            reached += check_page(path, text) > 0
    assert reached == len({p.kecamatan.code for e in content.events for p in e.places})


def test_a_kecamatan_with_many_rows_shows_one_row_per_programme_and_still_sums(monkeypatch) -> None:
    content = records.load_content(SLEMAN)
    monkeypatch.setattr(opendata, "ROWS_SHOWN", 0)
    pages = composed(content)[1]
    grouped = 0
    for path, text in pages.items():
        if path.startswith(("kecamatan/", "program/")) and not path.endswith("index.md"):
            check_page(path, text)
            for rows in rows_tables(text).values():
                assert "Kode kegiatan" not in rows[0] and "Jumlah baris" in rows[0]
                grouped += 1
    assert grouped > 0


def test_every_home_figure_links_to_a_data_table_whose_rows_sum_to_it(built) -> None:  # noqa: F811
    for name, site in built.items():
        home = (site / "index.html").read_text(encoding="utf-8")
        data = (site / "data" / "index.html").read_text(encoding="utf-8")
        figures = re.findall(r'<p[^>]*><strong><a href="data/#([^"]+)">([^<]+)</a></strong> ([^<]+)</p>', home)
        assert len(figures) >= 3
        for anchor, shown, label in figures:
            assert f'id="{anchor}"' in data, f"{name}: no #{anchor} on the data page"
            csv = site / "data" / (anchor.removeprefix("unduh-") + ".csv")
            header, *rows = [line.split(",") for line in csv.read_text(encoding="utf-8").splitlines()]
            at = {c: i for i, c in enumerate(header)}

            def total(col: str) -> Decimal:
                return sum((Decimal(r[at[col]]) for r in rows if r[at[col]]), Decimal(0))

            rule = {"kegiatan": lambda: Decimal(len(rows)), "terjangkau": lambda: Decimal(len({r[at["kode_kecamatan"]] for r in rows})),
                    "penerima santunan/pembayaran": lambda: total("jumlah_penerima"),
                    "santunan/pembayaran tercatat": lambda: total("total"),
                    "peserta kegiatan tanpa penerima": lambda: total("jumlah_peserta")}
            label = "terjangkau" if label.endswith(" terjangkau") else label  # kecamatan, distrik, kapanewon ...
            expected = rule[label]() if label in rule else sum(
                (Decimal(r[at["jumlah_penerima"]]) for r in rows
                 if r[at["satuan_penerima"]] == UNITS[label[0].upper() + label[1:]]), Decimal(0))
            assert value(shown) == expected, f"{name}: {shown} {label} != {csv.name}"


def test_every_breakdown_link_resolves_in_the_built_site(built) -> None:  # noqa: F811
    for name, site in built.items():
        pages = [*site.glob("program/*/index.html"), *site.glob("kecamatan/*/index.html")]
        linked = 0
        for page in pages:
            text = page.read_text(encoding="utf-8")
            for anchor in re.findall(r'href="#(data-[^"]+)"', text):
                assert f'id="{anchor}"' in text, f"{page}: #{anchor}"
                linked += 1
            for csv in re.findall(r'<a href="([^"]+\.csv)" download>', text):
                assert (page.parent / csv).resolve().is_file(), f"{page}: {csv}"
        assert linked > 0, name


def test_breakdown_rows_are_the_downloads_rows(example) -> None:
    # One privacy decision: the rows a page lists are the published table's own.
    content, pages = example
    csv = pages["data/penerima-per-kecamatan.csv"]
    published = {tuple(line.split(",")[:1] + [line.split(",")[3]]) for line in csv.splitlines()[1:]}
    names = {k.name: k.code for k in content.region.kecamatan}
    for key in content.programs:
        for row in rows_tables(pages[f"program/{key}.md"]).get("data-penerima-per-kecamatan", []):
            assert (row["Kode kegiatan"], names[row["Kecamatan"]]) in published
