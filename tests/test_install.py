"""Warta as another pemda gets it: the built wheel in a fresh virtualenv, `warta init`, a strict build.

The wheel and the sdist are built from the files git tracks (a clean
checkout), without network: setuptools comes from the project's virtualenv.
The fresh virtualenv holds only the wheel; its dependencies are borrowed from
the project's virtualenv through a path file, which adds their folder to
sys.path without running the editable install's hook, so every `generator`
module imported there is the wheel's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from .conftest import ENV, ROOT
from .test_plugin import _fetch, _free_port, _wait_for

# Files a site needs from the package, whichever way it was installed.
SHIPPED = (
    "generator/messages.yml",
    "generator/data/wilayah/villages.csv",
    "generator/data/wilayah/LICENSE.md",
    "generator/defaults/article.j2",
    "generator/defaults/kata.yml",
    "generator/defaults/pages/home.j2",
    "generator/defaults/init/README.md.j2",
    "generator/defaults/theme/main.html",
    "generator/defaults/theme/partials/header.html",
    "generator/defaults/theme/assets/stylesheets/warta.css",
    "generator/defaults/theme/assets/javascripts/cari.js",
)

# One region in each time zone; Jayapura also has Papua's words (distrik, kampung).
REGIONS = {"35.10": ("Kabupaten Banyuwangi", "WIB"), "53.07": ("Kabupaten Sikka", "WITA"), "91.03": ("Kabupaten Jayapura", "WIT")}

EVENT = """\
program: program-pertama
kind: sosialisasi
date: 2026-11-20
time: "09.00"
venue: Aula Kantor Bupati
organizers: [{publisher}]
activity: sosialisasi pendaftaran program pertama
participants: {{count: 40, who: [kepala desa, kader posyandu], source: daftar hadir}}
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, built from a copy of the tracked files."""
    out = tmp_path_factory.mktemp("dist")
    source = out / "checkout"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    # Without PYTHONDONTWRITEBYTECODE, which only makes setuptools say it skips byte-compiling.
    quiet = {k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}
    built = subprocess.run([sys.executable, "-c", "from setuptools import build_meta as b; b.build_wheel('..'); b.build_sdist('..')"],
                           cwd=source, capture_output=True, text=True, env=quiet)
    assert built.returncode == 0, built.stderr
    # Packaging hygiene: setuptools has nothing to warn about (a data folder left out of `packages`, a licence form).
    warned = [line for line in (built.stdout + built.stderr).splitlines() if "warn" in line.lower()]
    assert warned == [], warned
    return out


@pytest.fixture(scope="module")
def fresh(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtualenv with the wheel installed, and the path of its bin/."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(dist.glob("warta-*.whl"))
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                              "--no-index", str(wheel)], capture_output=True, text=True, env=ENV)
    assert install.returncode == 0, install.stderr
    return venv / "bin"


def test_the_wheel_and_the_sdist_carry_everything_a_site_needs(dist: Path) -> None:
    wheel = zipfile.ZipFile(next(dist.glob("warta-*.whl")))
    names = set(wheel.namelist())
    assert set(SHIPPED) <= names, set(SHIPPED) - names
    # Every default template is the repository's templates/ file, byte for byte.
    for path in (ROOT / "templates").rglob("*"):
        if path.is_file():
            assert wheel.read(f"generator/defaults/{path.relative_to(ROOT / 'templates').as_posix()}") == path.read_bytes()
    meta = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT AND ODbL-1.0" in meta and "Requires-Dist: tzdata" in meta
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    with tarfile.open(next(dist.glob("warta-*.tar.gz"))) as sdist:
        inside = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"templates/article.j2", "templates/init/mkdocs.yml.j2", "templates/theme/main.html", "LICENSE",
            "generator/data/wilayah/villages.csv", "generator/messages.yml"} <= inside


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "python"), "-m", *args], cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300)


@pytest.mark.parametrize("code", sorted(REGIONS))
def test_warta_init_makes_a_site_that_builds_strictly(fresh: Path, tmp_path: Path, code: str) -> None:
    name, zone = REGIONS[code]
    made = _run(fresh, "generator", "init", "situs", "--region", code, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert f"Situs {name} (kode {code}, zona waktu {zone})" in made.stdout
    assert "PRIVAT" in made.stdout and "site/" in made.stdout
    site = tmp_path / "situs"
    assert "harus\n> tetap **privat**" in (site / "README.md").read_text()
    assert len((site / "mkdocs.yml").read_text().splitlines()) <= 12
    for path in (".gitignore", ".pre-commit-config.yaml", ".github/workflows/terbit.yml", ".gitlab-ci.yml",
                 "content/organizations.yml", "content/programs/program-pertama.yml", "content/pages/tentang.md"):
        assert (site / path).is_file(), path
    assert f'region: "{code}"' in (site / "content" / "site.yml").read_text()
    assert f"Zona waktu mengikuti provinsi: {zone}." in (site / "content" / "site.yml").read_text()

    checked = _run(fresh, "generator", "check", cwd=site)
    assert checked.returncode == 0, checked.stderr
    assert "1 draf tidak diterbitkan" in checked.stdout
    built = _run(fresh, "mkdocs", "build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    home = (site / "site" / "index.html").read_text()
    assert '<html lang="id"' in home and f"Transparansi Program {name}" in home
    assert "fonts.googleapis" not in home
    places = "distrik" if code.startswith("91") else "kecamatan"
    assert places in (site / "site" / "kecamatan" / "index.html").read_text().casefold()
    # The draft the skeleton holds is in no part of the site.
    assert not any("kegiatan-pertama" in p.as_posix() for p in (site / "site").rglob("*"))
    # mkdocs.yml as Material's own documentation writes it (`search` listed) builds too, with Warta's search only.
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n  - warta\n", "plugins: [search, warta]\n"))
    assert "plugins: [search, warta]" in config.read_text()
    built = _run(fresh, "mkdocs", "build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    assert (site / "site" / "pagefind").is_dir() and not (site / "site" / "search").exists()
    # A second init never overwrites what is there.
    again = _run(fresh, "generator", "init", "situs", "--region", code, cwd=tmp_path)
    assert again.returncode == 1 and "tidak menimpa" in again.stderr


def test_a_sites_own_template_overrides_the_default_file_by_file(fresh: Path, tmp_path: Path) -> None:
    assert _run(fresh, "generator", "init", "situs", "--region", "53.07", cwd=tmp_path).returncode == 0
    site = tmp_path / "situs"
    (site / "content" / "events" / "2026-11-20-sosialisasi.yml").write_text(EVENT.format(publisher="pemkab-sikka"))
    built = _run(fresh, "mkdocs", "build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    article = site / "site" / "berita" / "2026-11-20-sosialisasi" / "index.html"
    assert "SIKKA" in article.read_text() and "Disunting Humas Sikka" not in article.read_text()
    located = subprocess.run([str(fresh / "python"), "-c", "import generator, pathlib; print(pathlib.Path(generator.__file__).parent)"],
                             cwd=tmp_path, capture_output=True, text=True, check=True)
    package = Path(located.stdout.strip())
    assert package.is_relative_to(fresh.parent), package  # the wheel's code, not the checkout's
    own = site / "templates" / "article.j2"
    own.parent.mkdir()
    own.write_text((package / "defaults" / "article.j2").read_text() + "\nDisunting Humas Sikka\n")
    built = _run(fresh, "mkdocs", "build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    assert "Disunting Humas Sikka" in article.read_text()
    # Every other template still comes from the package: the home page is as before.
    assert "Disunting Humas Sikka" not in (site / "site" / "index.html").read_text()


def test_serve_from_the_wheel_shows_a_broken_draft_on_its_own_page_and_recovers(fresh: Path, tmp_path: Path) -> None:
    assert _run(fresh, "generator", "init", "situs", "--region", "53.07", cwd=tmp_path).returncode == 0
    site = tmp_path / "situs"
    draft = next((site / "content" / "events").glob("*-kegiatan-pertama.yml"))
    port = _free_port()
    server = subprocess.Popen([str(fresh / "python"), "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    base = f"http://127.0.0.1:{port}"
    try:
        own = _wait_for(f"{base}/berita/{draft.stem}/", "Catatan belum bisa diterbitkan", 90)
        assert "tidak boleh kosong" in own
        assert "Catatan belum bisa diterbitkan" not in _wait_for(f"{base}/", "Transparansi Program Kabupaten Sikka")
        text = EVENT.format(publisher="pemkab-sikka").replace("date: 2026-11-20", f"draft: true\ndate: {draft.stem[:10]}")
        draft.write_text(text)
        shown = _wait_for(f"{base}/berita/{draft.stem}/", "<strong>DRAF</strong>")
        assert "Catatan belum bisa diterbitkan" not in shown
        time.sleep(0.5)
        assert "halaman lain memakai versi terakhir" not in _fetch(f"{base}/")
    finally:
        server.terminate()
        server.wait(timeout=10)
