"""The press release (siaran pers) as a Word file: the article's own text in a kop, privacy, same bytes."""

from __future__ import annotations

import dataclasses
import io
import shutil
import time
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from generator import records
from generator.compose import policy, pressrelease
from generator.core.docxfile import Paragraph, Run
from generator.edges.cli import main

from .conftest import CONTENT, EVENT, SLEMAN, edit, facts_of, writer_for

JAMKESDA = "events/2025-10-06-kartu-jamkesda-gamping.yml"
RECIPIENTS = ("Jonathan Agustinus Tali", "Juneidi Alimi", "Onanda Laurina Koby", "Doris Masang Nenu", "Susilowati",
              "Muhamad Yunus", "Cornelis Pulangga", "Jitron Arisamak Taklale", "Agustinus Tana", "Apriana Tanaale")


def release_of(content: records.Content, event: records.Event | None = None) -> pressrelease.PressRelease:
    writer = writer_for()
    rules = policy.Policy(content.site.privacy.recipient_names)
    return pressrelease.press_release(facts_of(content, event), content, writer, rules)


def render(content_dir: Path, event: str, out: Path) -> bytes:
    """The .docx `warta render --format docx` writes for `event` of `content_dir`."""
    assert main(["render", str(content_dir / event), "--content", str(content_dir), "--format", "docx", "--out", str(out)]) == 0
    return out.read_bytes()


def parts(data: bytes) -> dict[str, str]:
    """Every XML part of a .docx (document, styles, core and app properties, relationships), by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_the_kupang_example_renders_to_slug_docx_in_the_current_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(CONTENT / EVENT), "--content", str(CONTENT), "--format", "docx"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Ditulis ke 2025-09-03-bangun-ntt-kupang.docx.\n"
    assert captured.err == ""  # the example names its narahubung
    text = paragraphs((tmp_path / "2025-09-03-bangun-ntt-kupang.docx").read_bytes())
    assert text[:4] == ["Pemerintah Kota Kupang", "ppid@contoh.go.id", "SIARAN PERS", "Rabu, 3 September 2025"]
    assert "Pemprov NTT Serahkan Kartu BPJS Ketenagakerjaan kepada 10 Pekerja Rentan di Kota Kupang" in text
    # The narahubung closes the release; the "Fakta" box follows it as an annex.
    annex = text.index("Lampiran: Fakta dalam berita ini")
    assert text[annex - 3:annex] == ["Maria Yohana Contoh", "Kepala Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kota Kupang",
                                     "humas@contoh.go.id"]
    assert text[annex + 1:] == ["Sepuluh pekerja rentan: dihitung dari catatan kegiatan",
                                "Enam kecamatan: dihitung dari catatan kegiatan",
                                "Dua penerima santunan duka: dihitung dari catatan kegiatan"]


def test_the_document_is_kop_label_date_headline_the_article_then_tentang_and_narahubung(sleman) -> None:
    event = sleman.event("2025-10-06-kartu-jamkesda-gamping")
    release = release_of(sleman, event)
    logo, *text = paragraphs(pressrelease.docx(release))
    assert logo == ""  # the paragraph that holds the logo
    facts = facts_of(sleman, event)
    article = writer_for().render(facts, "text").strip().split("\n\n")
    box = article.index("Fakta dalam berita ini")
    article, lines = article[:box] + article[box + 2:], [line.removeprefix("- ") for line in article[box + 1].split("\n")]
    assert text[:5] == ["Pemerintah Kabupaten Sleman", "Jl. Parasamya No. 1, Beran, Tridadi, Sleman 55511",
                        "humas@slemankab.go.id", "SIARAN PERS", "Senin, 6 Oktober 2025"]
    assert text[5] == article[0] == writer_for().headline(facts)
    # The dateline, the body, the quotes and the press-law footer are the article's, every sentence of it.
    assert text[6:6 + len(article) - 1] == article[1:]
    assert text[6].startswith("SLEMAN – Pemerintah Kabupaten Sleman (Pemkab Sleman) melalui Dinas Kesehatan")
    for quote in event.speakers[0].quotes:
        assert any(quote.text.removesuffix(".") in p for p in text)
    assert text[6 + len(article) - 2].startswith("Hak jawab dan hak koreksi.")
    assert text[6 + len(article) - 1:] == [
        "Tentang Pemerintah Kabupaten Sleman",
        "Siaran pers ini diterbitkan oleh Pemerintah Kabupaten Sleman. Berita, data program, dan ralat setiap "
        "kegiatan dimuat di situs Warta Program Sosial Kabupaten Sleman.",
        "Narahubung", "Dwi Rahayu Contoh",
        "Kepala Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah Kabupaten Sleman", "humas@slemankab.go.id",
        "Lampiran: Fakta dalam berita ini", *lines,
    ]


def test_styles_mark_the_parts(sleman) -> None:
    document = docx.Document(io.BytesIO(pressrelease.docx(release_of(sleman, sleman.event("2025-10-06-kartu-jamkesda-gamping")))))
    by_text = {p.text: p for p in document.paragraphs}
    assert by_text["SIARAN PERS"].runs[0].bold
    headline = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headline] == [writer_for().headline(facts_of(sleman, sleman.event("2025-10-06-kartu-jamkesda-gamping")))]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == ["Tentang Pemerintah Kabupaten Sleman", "Narahubung",
                                                                                     "Lampiran: Fakta dalam berita ini"]
    dateline = next(p for p in document.paragraphs if p.text.startswith("SLEMAN – "))
    assert dateline.runs[0].text == "SLEMAN" and dateline.runs[0].bold and not dateline.runs[1].bold
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_logo_is_embedded_scaled_and_without_metadata(tmp_path: Path) -> None:
    sleman_dir = tmp_path / "sleman"
    shutil.copytree(SLEMAN, sleman_dir)
    logo = sleman_dir / "media" / "lambang-contoh.png"
    exif = Image.Exif()
    exif[0x013B] = "Fotografer Rahasia"  # Artist
    exif.get_ifd(0x8825)[2] = (7.0, 46.0, 12.0)  # GPSLatitude
    info = PngInfo()
    info.add_text("Comment", "Koordinat rumah penjaga")
    with Image.open(logo) as img:
        big = img.convert("RGBA").resize((1200, 1200))
    big.save(logo, exif=exif, pnginfo=info)
    data = render(sleman_dir, JAMKESDA, tmp_path / "x.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        embedded = z.read(media[0])
        assert "docProps/thumbnail.jpeg" not in z.namelist()  # python-docx's template's own picture, with its EXIF
    assert b"Rahasia" not in embedded and b"Koordinat" not in embedded and b"eXIf" not in embedded
    with Image.open(io.BytesIO(embedded)) as img:
        assert not img.getexif() and "Comment" not in img.info
        assert img.height == 260
    assert 'descr="Lambang Pemerintah Kabupaten Sleman"' in parts(data)["word/document.xml"]


def test_no_recipient_who_did_not_consent_is_in_any_part_of_the_file(content_dir: Path, tmp_path: Path) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", "publish_names: false #")
    (content_dir / EVENT).write_text((content_dir / EVENT).read_text() + "tags: [BPJS]\n")
    data = render(content_dir, EVENT, tmp_path / "x.docx")
    every = parts(data)
    assert {"word/document.xml", "docProps/core.xml", "docProps/app.xml", "word/styles.xml"} <= set(every)
    for name, xml in every.items():
        for person in RECIPIENTS:
            assert person.casefold() not in xml.casefold(), (person, name)
    # The payees agreed: their article, and so their press release, names them.
    assert "Duli dan Moses Kadji" in every["word/document.xml"]
    assert "Para penerima berasal dari Kecamatan Kelapa Lima (2 orang)" in every["word/document.xml"]


def test_a_name_the_article_may_not_print_is_refused_by_the_output_lint(content_dir: Path) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", "publish_names: false #")
    content = records.load_content(content_dir)
    release = release_of(content)
    rules = policy.Policy(content.site.privacy.recipient_names)
    assert pressrelease.leaks(release, content, rules) == []
    planted = dataclasses.replace(release, paragraphs=(*release.paragraphs, Paragraph("body", (Run("Bersama Susilowati."),))))
    found = pressrelease.leaks(planted, content, rules)
    assert [(p.code, p.params["excerpt"]) for p in found] == [("pressrelease.leak", "S***")]


def test_same_record_same_bytes_whatever_the_clock(tmp_path: Path, monkeypatch) -> None:
    first = render(CONTENT, EVENT, tmp_path / "a.docx")
    later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: later)  # zip entries and any "now" python-docx would stamp
    assert render(CONTENT, EVENT, tmp_path / "b.docx") == first
    core = parts(first)["docProps/core.xml"]
    assert "<dc:creator>Pemerintah Kota Kupang</dc:creator>" in core
    assert "<cp:lastModifiedBy>Pemerintah Kota Kupang</cp:lastModifiedBy>" in core
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-03T01:00:00Z</dcterms:created>' in core  # 09.00 WITA
    assert "python-docx" not in core and "<cp:revision>1</cp:revision>" in core


def test_corrections_are_in_the_release_as_in_the_article(content_dir: Path, tmp_path: Path) -> None:
    (content_dir / EVENT).write_text((content_dir / EVENT).read_text() + 'corrections:\n  - date: 2025-09-04\n    time: "10.15"\n    note: Nama kecamatan salah tulis.\n')
    data = render(content_dir, EVENT, tmp_path / "x.docx")
    assert "Ralat, Kamis (4/9/2025) pukul 10.15 WITA: Nama kecamatan salah tulis." in paragraphs(data)
    core = parts(data)["docProps/core.xml"]
    assert "<cp:revision>2</cp:revision>" in core and "2025-09-04T02:15:00Z</dcterms:modified>" in core


def test_without_a_press_contact_the_narahubung_is_left_out_with_a_notice(content_dir: Path, tmp_path: Path, capsys) -> None:
    site = content_dir / "site.yml"
    site.write_text(site.read_text().split("press_contact:")[0])
    data = render(content_dir, EVENT, tmp_path / "x.docx")
    captured = capsys.readouterr()
    assert "Catatan: site.yml tidak memuat press_contact" in captured.err and "Ditulis ke" in captured.out
    assert "Narahubung" not in paragraphs(data)


def test_markup_a_writer_types_stays_text(content_dir: Path, tmp_path: Path) -> None:
    # A YAML escape can put a control character (one of the docx format's marks) into a record.
    edit(content_dir / EVENT, "venue: Ruang Garuda, Balai Kota Kupang", 'venue: "Ruang \\x02Garuda\\x03, Balai \\aKota Kupang"')
    document = docx.Document(io.BytesIO(render(content_dir, EVENT, tmp_path / "x.docx")))
    venue = next(p for p in document.paragraphs if "Ruang Garuda" in p.text)
    assert "di Ruang Garuda, Balai Kota Kupang" in venue.text
    assert not any(r.bold for r in venue.runs)


def test_text_formats_can_go_to_a_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "berita.txt"
    assert main(["render", str(CONTENT / EVENT), "--content", str(CONTENT), "--format", "text", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Ditulis ke {out}.\n"
    assert out.read_text(encoding="utf-8").startswith("Pemprov NTT Serahkan Kartu BPJS Ketenagakerjaan")


def test_a_long_list_of_recipients_becomes_list_items(content_dir: Path, tmp_path: Path) -> None:
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lima: [Yosef Contoh, ")  # eleven names: listed after the body
    document = docx.Document(io.BytesIO(render(content_dir, EVENT, tmp_path / "x.docx")))
    items = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    article = writer_for().render(facts_of(records.load_content(content_dir)), "text")
    assert items and items == [line.removeprefix("- ") for line in article.splitlines() if line.startswith("- ")]
    assert items[0] == "Kecamatan Kelapa Lima: Yosef Contoh, Jonathan Agustinus Tali, Juneidi Alimi"
