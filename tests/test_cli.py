"""The `warta` command as staff use it: exit codes, stderr, files written."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.edges import schema
from generator.edges import cli
from generator.edges.cli import main

from .conftest import CONTENT, EVENT, ROOT, TEMPLATES, edit


def test_check_passes_on_the_example(capsys) -> None:
    assert main(["check", "--content", str(CONTENT)]) == 0
    assert "1 kegiatan, 1 program, 6 kecamatan di Kota Kupang" in capsys.readouterr().out


def test_check_fails_with_file_line_messages_on_stderr(content_dir: Path, capsys) -> None:
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    assert main(["check", "--content", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert f"{content_dir}/{EVENT}:16: Kecamatan 'Kelapa Lma' tidak ada di Kota Kupang. Mungkin maksud Anda 'Kelapa Lima'?" in err
    assert "1 masalah ditemukan" in err
    assert "Traceback" not in err


def test_render_prints_the_article(capsys) -> None:
    assert main(["render", str(CONTENT / EVENT), "--content", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\ntitle: ")
    assert "sepuluh pekerja rentan" in out and "Rabu (3/9/2025)" in out


def test_render_whatsapp_uses_whatsapp_markup(capsys) -> None:
    assert main(["render", str(CONTENT / EVENT), "--content", str(CONTENT), "--format", "whatsapp"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("*Pemprov NTT Serahkan Kartu BPJS Ketenagakerjaan")
    assert "*KUPANG* – " in out and "**" not in out and "---" not in out


def test_render_refuses_a_file_outside_the_events_folder(capsys, tmp_path: Path) -> None:
    stray = tmp_path / "x.yml"
    stray.write_text("program: x\n")
    assert main(["render", str(stray), "--content", str(CONTENT)]) == 1
    assert "bukan catatan kegiatan" in capsys.readouterr().err


def test_new_writes_a_draft_that_check_lists_without_stopping_the_build(content_dir: Path, capsys) -> None:
    new = ["new", "--content", str(content_dir), "--templates", str(TEMPLATES), "--date", "2025-10-01"]
    assert main(new) == 0
    path = content_dir / "events" / "2025-10-01-kegiatan-baru.yml"
    assert path.read_text().startswith("# yaml-language-server: $schema=../../schema/event.schema.json")
    assert "\ndraft: true " in path.read_text()
    # A fresh skeleton is a draft: the site still builds, and check says what is left to fill.
    assert main(["check", "--content", str(content_dir)]) == 0
    out = capsys.readouterr().out
    assert "Konten sah: 1 kegiatan" in out and "1 draf tidak diterbitkan" in out
    assert "2025-10-01-kegiatan-baru.yml:10: Kolom 'venue' (tempat) tidak boleh kosong" in out
    assert "2025-10-01-kegiatan-baru.yml:12: Kolom 'activity' (uraian kegiatan) tidak boleh kosong.\n" in out
    # Once it is no longer a draft, the same problems stop the build.
    path.write_text(path.read_text().replace("\ndraft: true ", "\n# draft: true "))
    assert main(["check", "--content", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "2025-10-01-kegiatan-baru.yml:" in err and "tidak boleh kosong" in err
    # A second `new` never overwrites what staff already typed.
    before = path.read_text()
    assert main(new) == 1
    assert path.read_text() == before


KINDS = ("penyerahan", "penyaluran", "bantuan-tunai", "pelatihan", "peluncuran", "sosialisasi", "rapat", "kunjungan")


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_a_skeleton_per_kind_that_only_asks_for_the_empty_fields(content_dir: Path, kind: str, capsys) -> None:
    (content_dir / "events" / "2025-09-03-bangun-ntt-kupang.yml").unlink()
    assert main(["new", "--content", str(content_dir), "--templates", str(TEMPLATES), "--date", "2025-10-01", "--kind", kind]) == 0
    text = (content_dir / "events" / "2025-10-01-kegiatan-baru.yml").read_text()
    assert f"kind: {kind}\n" in text
    (content_dir / "events" / "2025-10-01-kegiatan-baru.yml").write_text(text.replace("\ndraft: true ", "\n# "))
    assert main(["check", "--content", str(content_dir)]) == 1
    problems = [line for line in capsys.readouterr().err.splitlines() if line.startswith(str(content_dir))]
    # Nothing is wrong with the skeleton itself: every problem is a field still to fill.
    assert problems and all("tidak boleh kosong" in line for line in problems), problems


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["render"])
    assert caught.value.code == 2


def test_python_m_generator_is_the_same_command() -> None:
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(CONTENT)], capture_output=True, text=True)
    assert run.returncode == 0 and "Konten sah" in run.stdout


def test_committed_json_schema_is_current() -> None:
    for name, text in schema.documents().items():
        path = ROOT / "schema" / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `warta schema`"


def test_every_content_file_points_editors_at_its_schema() -> None:
    for path in sorted(CONTENT.rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and json.loads(target.read_text())["type"] == "object", path


def test_check_and_render_refuse_a_hidden_name_typed_into_a_text(content_dir: Path, capsys) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", "publish_names: false          #")
    (content_dir / EVENT).write_text((content_dir / EVENT).read_text() + "corrections:\n  - date: 2025-09-04\n    note: Nama Susilowati salah tulis.\n")
    for argv in (["check"], ["render", str(content_dir / EVENT), "--format", "whatsapp"]):
        assert main([*argv, "--content", str(content_dir)]) == 1
        captured = capsys.readouterr()
        assert "Susilowati" not in captured.out
        assert "Kolom 'note' (catatan) di ralat ke-1 memuat nama penerima (S***)" in captured.err and "pengelola Warta" not in captured.err


def test_check_says_a_habit_repeated_on_many_lines_once(content_dir: Path, capsys) -> None:
    # An RT/RW typed for each of 30 recipients: one mistake, one message, every line listed.
    listed = "".join(f"      - {{name: Warga {i}, kelurahan: Oesapa RT {i:02d}/RW 02}}\n" for i in range(1, 31))
    edit(content_dir / EVENT, "    Kelapa Lima: [Jonathan Agustinus Tali, Juneidi Alimi]\n", "    Kelapa Lima:\n" + listed)
    assert main(["check", "--content", str(content_dir)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{content_dir}/{EVENT}:17: Kolom 'kelurahan' di penerima ke-1 di Kecamatan Kelapa Lima memuat alamat rumah"
        " (jalan dan nomor, atau RT/RW). Cukup tulis kecamatan dan kelurahan."
        " Kesalahan yang sama ada di baris 17, 18, 19, 20, 21, 22, 23, 24 … (30 baris).",
        "30 masalah ditemukan. Tidak ada yang diterbitkan; perbaiki lalu jalankan lagi.",
    ]


def test_check_names_every_unknown_key_of_a_line_in_one_message(content_dir: Path, capsys) -> None:
    edit(content_dir / EVENT, "Oebobo: [Susilowati]", "Oebobo: [{nama: Susilowati, kelurahn: Oebobo, jabatan: guru}]")
    assert main(["check", "--content", str(content_dir)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{content_dir}/{EVENT}:18: Kolom 'nama', 'kelurahn', 'jabatan' tidak dikenal di sini."
        " Mungkin maksud Anda 'name' untuk 'nama', 'kelurahan' untuk 'kelurahn'?"
    )


def test_different_mistakes_stay_apart_and_each_keeps_its_line(content_dir: Path, capsys) -> None:
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    edit(content_dir / EVENT, "Alak: [", "Alk: [")
    edit(content_dir / EVENT, "venue: Ruang", "venu: Ruang")
    assert main(["check", "--content", str(content_dir)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [f"{content_dir}/{EVENT}:{n}" for n in (6, 16, 17)]
    assert "Mungkin maksud Anda 'Kelapa Lima'?" in lines[1] and "Mungkin maksud Anda 'Alak'?" in lines[2]


# What argparse says on its own when nobody translates it.
ENGLISH = {
    "usage", "error", "the", "following", "arguments", "argument", "required", "invalid", "choice", "choose", "from",
    "show", "this", "help", "message", "and", "exit", "positional", "options", "optional", "expected", "one",
    "unrecognized", "value", "ambiguous", "could", "match", "allowed", "with", "at", "least", "most", "of", "or",
    "is", "are", "not", "content", "templates", "date", "slug", "out", "kind", "event", "command", "file", "ignored",
}


def _parsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **commands.choices}


def _own_words(parser: argparse.ArgumentParser) -> set[str]:
    """What staff type rather than read: option names, choices, command names."""
    words = set()
    for action in parser._actions:
        words |= {s.lstrip("-") for s in action.option_strings}
        words |= {str(c) for c in (action.choices or ())}
    return words


def _english(text: str, parser: argparse.ArgumentParser) -> set[str]:
    # Option names, {choices}, 'quoted values' and paths are what staff typed or will type.
    prose = re.sub(r"--?[\w-]+|\{[^}]*\}|'[^']*'|\S*[/.]\S*", " ", text)
    return {w for w in re.findall(r"[A-Za-z]+", prose) if w.lower() in ENGLISH and w not in _own_words(parser)}


@pytest.mark.parametrize("command", sorted(_parsers()))
def test_help_is_indonesian(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"] if command else ["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"penggunaan: warta{' ' + command if command else ''} ")
    assert "pilihan:" in out and "-h, --help" in out and "tampilkan bantuan ini lalu keluar" in out
    assert _english(out, _parsers()[command]) == set()


@pytest.mark.parametrize("argv, says", [
    ([], "warta: kesalahan: argumen berikut wajib diisi: PERINTAH"),
    (["chek"], "warta: kesalahan: PERINTAH: 'chek' tidak dikenal; pilih salah satu dari 'check', 'render'"),
    (["render"], "warta render: kesalahan: argumen berikut wajib diisi: KEGIATAN.yml"),
    (["render", "x.yml", "--format", "pdf"], "warta render: kesalahan: --format: 'pdf' tidak dikenal; pilih salah satu dari 'markdown'"),
    (["new", "--date", "2025-13-01"], "warta new: kesalahan: --date: isi '2025-13-01' tidak sah"),
    (["check", "--foo"], "warta: kesalahan: argumen tidak dikenal: --foo"),
    (["check", "--content"], "warta check: kesalahan: --content: wajib diikuti satu isi"),
])
def test_bad_usage_is_told_in_indonesian_and_exits_2(argv: list[str], says: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: warta") and says in err and "Lihat bantuannya: warta" in err
    command = argv[0] if argv and argv[0] in _parsers() else ""
    assert _english(err, _parsers()[command]) == set()


def test_the_check_finds_argparse_english() -> None:
    plain = argparse.ArgumentParser(prog="warta")
    plain.add_argument("--content")
    assert _english(plain.format_help(), plain) == {"usage", "options", "show", "this", "message", "and", "exit", "CONTENT"}


def test_argparse_texts_beyond_warta_s_own_options_are_translated_too(capsys) -> None:
    parser = cli.Parser(prog="x")
    parser.add_argument("--alpha", nargs=2)
    parser.add_argument("--alps")
    for argv, says in ((["--al", "1"], "--al bisa berarti --alpha, --alps; tulis lengkap"), (["--alpha", "1"], "--alpha: wajib diikuti 2 isi")):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        assert says in capsys.readouterr().err
    # Lent only while Warta's parser runs: argparse elsewhere is as it was.
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


def test_personal_data_in_a_draft_still_stops_the_build(content_dir: Path, capsys) -> None:
    new = ["new", "--content", str(content_dir), "--templates", str(TEMPLATES), "--date", "2025-10-01"]
    assert main(new) == 0
    path = content_dir / "events" / "2025-10-01-kegiatan-baru.yml"
    path.write_text(path.read_text().replace("\nvenue:", "\nvenue: rumah Ibu Ani, HP 081234567890 #", 1))
    assert main(["check", "--content", str(content_dir)]) == 1
    err = capsys.readouterr().err
    assert "2025-10-01-kegiatan-baru.yml:10:" in err and "nomor telepon" in err
    assert "tidak boleh kosong" not in err  # the draft's unfinished fields are not what stops it
