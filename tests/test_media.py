"""Photos and sharing images: upright, stripped of every byte of metadata, in responsive sizes, made once."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator import compose, records
from generator.compose import media
from generator.compose.templating import Templates
from generator.core import imaging
from generator.core.errors import WartaError, format_problem
from generator.records import rules

from .conftest import EVENT, ROOT, TEMPLATES, composed

SLEMAN = ROOT / "examples" / "sleman" / "content"
PHOTO_EVENT = "events/2025-10-06-kartu-jamkesda-gamping.yml"


def camera_jpeg(width: int = 1800, height: int = 1200, *, orientation: int | None = None) -> bytes:
    """A JPEG as a phone writes it: EXIF with maker, time, GPS position and maker notes."""
    img = Image.new("RGB", (width, height), (120, 160, 210))
    img.paste((200, 40, 40), (0, 0, width // 3, height // 3))  # a red corner shows which way is up
    exif = Image.Exif()
    exif[0x010F] = "Kamera Rahasia"
    exif[0x0132] = "2025:10:06 09:12:00"
    if orientation:
        exif[0x0112] = orientation
    exif[0x8825] = {1: "S", 2: (10.0, 9.0, 0.0), 3: "E", 4: (123.0, 36.0, 0.0)}
    exif.get_ifd(0x8769)[0x927C] = b"MAKERNOTE-SECRET"
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def with_photo(tmp_path: Path, data: bytes, *, photo: str = "file: foto.jpg\n    credit: Humas Pemkot Kupang\n    alt: Penyerahan kartu") -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "media").mkdir()
    (content / "media" / "foto.jpg").write_bytes(data)
    (content / EVENT).write_text((content / EVENT).read_text() + f"photos:\n  - {photo}\n", encoding="utf-8")
    return content


def test_published_images_keep_no_metadata_at_all(tmp_path: Path) -> None:
    content = records.load_content(with_photo(tmp_path, camera_jpeg()))
    site, _ = composed(content)
    assert site.images
    for path, data in site.images.items():
        with Image.open(io.BytesIO(data)) as img:
            assert not img.getexif(), path
            assert "exif" not in img.info and "icc_profile" not in img.info and "xmp" not in img.info, path
        for secret in (b"Exif", b"GPS", b"Kamera Rahasia", b"MAKERNOTE", b"2025:10:06"):
            assert secret not in data, (path, secret)


def test_the_camera_orientation_is_applied_before_the_exif_goes(tmp_path: Path) -> None:
    # Orientation 6: the sensor's landscape image is shown turned 90° clockwise.
    content = records.load_content(with_photo(tmp_path, camera_jpeg(1800, 1200, orientation=6)))
    (picture,) = content_pictures(content)
    assert (picture.width, picture.height) == (1200, 1800)  # portrait now, and no wider than it is
    with Image.open(io.BytesIO(composed(content)[0].images[picture.fallback.path])) as img:
        assert img.size == (1200, 1800)
        assert img.getpixel((img.width - 5, 5))[0] > 150  # the red corner is now at the top right


def content_pictures(content: records.Content) -> tuple[media.Picture, ...]:
    site, _ = composed(content)
    return site.stories[0].facts.photos


def test_sizes_never_grow_and_every_size_comes_as_webp_and_jpeg(tmp_path: Path) -> None:
    content = records.load_content(with_photo(tmp_path, camera_jpeg(1000, 750)))
    (picture,) = content_pictures(content)
    assert [(r.width, r.format) for r in picture.renditions] == [(480, "jpeg"), (480, "webp"), (960, "jpeg"), (960, "webp"), (1000, "jpeg"), (1000, "webp")]
    assert all(r.height == round(r.width * 0.75) for r in picture.renditions)
    site, _ = composed(content)
    with Image.open(io.BytesIO(site.images[picture.share])) as share:
        assert share.size == imaging.SHARE_SIZE


def test_the_article_leads_with_its_photo_caption_and_credit(tmp_path: Path) -> None:
    content = records.load_content(with_photo(tmp_path, camera_jpeg(),
                                              photo="file: foto.jpg\n    caption: Wali Kota menyerahkan kartu.\n    credit: Humas Pemkot Kupang\n    alt: Wali Kota dan sepuluh penerima"))
    site, built = composed(content)
    article = built["berita/2025-09-03-bangun-ntt-kupang.md"]
    figure = article.split('<figure class="warta-photo">', 1)[1].split("</figure>", 1)[0]
    assert article.index('<figure class="warta-photo">') < article.index("**KUPANG**")
    assert 'type="image/webp" srcset="../../media/' in figure and ' 480w, ' in figure
    assert 'width="1440" height="960"' in figure and 'alt="Wali Kota dan sepuluh penerima"' in figure
    assert "<figcaption>Wali Kota menyerahkan kartu. <span class=\"warta-credit\">Foto: Humas Pemkot Kupang</span></figcaption>" in figure
    assert f'image: "{site.stories[0].image}"' in article and site.stories[0].image.endswith("-share.jpg")


def test_an_article_without_a_photo_shares_a_card_drawn_from_its_headline(example: records.Content) -> None:
    site, built = composed(example)
    card = site.stories[0].image
    assert card.endswith("-card.jpg")
    with Image.open(io.BytesIO(site.images[card])) as img:
        assert img.size == (1200, 630) and not img.getexif()
    assert site.site.share in site.images  # the card of every other page


@pytest.mark.parametrize(("photo", "data", "expected"), [
    ("file: hilang.jpg\n    credit: Humas\n    alt: Foto", b"", "Berkas hilang.jpg tidak ada di folder media/."),
    ("file: foto.jpg\n    credit: Humas\n    alt: Foto", b"bukan gambar", "Berkas foto.jpg bukan gambar yang dapat dibaca (JPEG, PNG, atau WebP)."),
    ("file: foto.jpg\n    alt: Foto", None, "Kolom 'credit' (pemilik foto) di foto ke-1 wajib diisi."),
    ("file: foto.jpg\n    credit: Humas", None, "Kolom 'alt' (teks untuk pembaca layar) di foto ke-1 wajib diisi."),
    ("file: ../site.yml\n    credit: Humas\n    alt: Foto", None, "Nama berkas '../site.yml' harus nama berkas di folder media/"),
])
def test_a_photo_that_cannot_be_published_is_refused_at_its_line(tmp_path: Path, photo: str, data: bytes | None, expected: str) -> None:
    content = with_photo(tmp_path, camera_jpeg() if data is None else data, photo=photo)
    with pytest.raises(WartaError) as caught:
        records.load_content(content)
    (problem,) = [format_problem(p) for p in caught.value.problems]
    text = (content / EVENT).read_text()
    line = text.count("\n", 0, text.index("photos:")) + 2  # the photo's first line
    assert problem.startswith(f"{content}/{EVENT}:{line}: ") and expected in problem, problem


def test_a_photo_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imaging, "MAX_BYTES", 10_000)
    content = with_photo(tmp_path, camera_jpeg())
    with pytest.raises(WartaError) as caught:
        records.load_content(content)
    assert "terlalu besar" in format_problem(caught.value.problems[0])


def test_an_unchanged_photo_is_not_processed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = records.load_content(with_photo(tmp_path, camera_jpeg()))
    cache = tmp_path / "cache"
    first, _ = compose.site(content, Templates([TEMPLATES]), media_cache=cache)
    calls = []
    real = imaging.clean
    monkeypatch.setattr(imaging, "clean", lambda data: calls.append(1) or real(data))
    second, _ = compose.site(content, Templates([TEMPLATES]), media_cache=cache)
    assert calls == []
    # The second build publishes the cached files themselves: the same bytes, none held in memory.
    assert all(isinstance(image, Path) and image.is_relative_to(cache) for image in second.images.values())
    assert first.images.keys() == second.images.keys()
    assert all(first.images[p].read_bytes() == second.images[p].read_bytes() for p in first.images)


def test_the_example_site_publishes_its_photos_and_logo_without_their_gps(tmp_path: Path) -> None:
    camera = (SLEMAN / "media" / "jamkesda-gamping-1.jpg").read_bytes()
    assert b"GPS" in camera or Image.open(io.BytesIO(camera)).getexif().get_ifd(0x8825)  # the source has a position
    site, built = composed(records.load_content(SLEMAN))
    for path, data in site.images.items():
        with Image.open(io.BytesIO(data)) as img:
            assert not img.getexif().get_ifd(0x8825) and not img.getexif(), path
    assert site.site.logo and site.site.logo.endswith("-logo.png")


def test_a_media_file_name_never_reads_as_a_number() -> None:
    # Five thousand hex names held two of sixteen digits: the output lint read
    # a sharing card's address as a NIK and refused the archive's build.
    names = [media._name(f"kartu berita {i}".encode()) for i in range(5000)]
    assert not [n for n in names if re.search(r"\d{4}", n)]
    assert len(set(names)) == len(names) and all(len(n) == 16 for n in names)


def test_photos_and_cards_made_on_every_core_are_those_made_in_turn(tmp_path: Path) -> None:
    # More than parallel.FEW of each, so worker processes make them.
    source = tmp_path / "media"
    source.mkdir()
    for i in range(20):
        img = Image.new("RGB", (900 + 10 * i, 600), (10 * i, 120, 200))
        img.save(source / f"foto-{i}.jpg", "JPEG", quality=85)
    photos = [f"foto-{i}.jpg" for i in range(20)]
    cards = [(f"Judul berita nomor {i}", "Senin, 6 Oktober 2025 · Pemkab") for i in range(20)]

    def made(cache: Path, ahead: bool) -> dict[str, bytes]:
        images = media.Media(source, cache)
        if ahead:
            images.prepare(photos=photos, cards=cards, colours=media_colours)
            assert len(list(cache.iterdir())) == 40  # every one made by `prepare`
        for file in photos:
            images.picture(file, alt="", caption=None, credit="")
        for headline, line in cards:
            images.card(headline, line, None, media_colours)
        return {path: data.read_bytes() if isinstance(data, Path) else data for path, data in images.files.items()}

    media_colours = ((26, 35, 126), (255, 255, 255))
    assert made(tmp_path / "ahead", True) == made(tmp_path / "in-turn", False)


def test_the_preview_opens_a_photo_again_only_when_the_file_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = with_photo(tmp_path, camera_jpeg(300, 200))
    opened: list[int] = []
    check = rules.imaging.problem
    monkeypatch.setattr(rules.imaging, "problem", lambda data: opened.append(len(data)) or check(data))
    read_cache, events, photos = {}, {}, {}

    def codes() -> list[str]:
        return [p.code for p in records.load(content, cache=read_cache, events=events, photos=photos).problems]

    assert codes() == [] and len(opened) == 1
    assert codes() == [] and len(opened) == 1  # unchanged: not opened again
    # Replaced by something that is no image: opened again, and refused.
    (content / "media" / "foto.jpg").write_bytes(b"bukan foto")
    assert codes() == ["media.not_image"] and opened[-1] == len(b"bukan foto")
    assert codes() == ["media.not_image"] and len(opened) == 2  # still refused, from what was found
    (content / "media" / "foto.jpg").unlink()
    assert codes() == ["media.missing"] and photos == {}
