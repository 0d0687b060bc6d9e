"""Photos and sharing cards with Pillow: check, orient, strip, resize, draw.

Pure functions over bytes. A published image keeps only pixels: the EXIF
orientation is applied and then everything else a camera or phone wrote is
dropped (GPS position, maker notes, time, owner, thumbnails, ICC extras),
because `ImageOps.exif_transpose` alone keeps the rest of the EXIF.
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

MAX_BYTES = 15_000_000
"""Largest photo file accepted: a phone's full-size JPEG is 3 to 8 MB."""

MAX_PIXELS = 50_000_000
"""Largest photo accepted, in pixels (a 50-megapixel camera); also Pillow's decompression-bomb guard."""

WIDTHS = (480, 960, 1440)
"""Widths published for a photo (srcset), never wider than the original."""

SHARE_SIZE = (1200, 630)
"""The sharing image (og:image) WhatsApp, Facebook, X and Telegram show."""

FORMATS = ("webp", "jpeg")
"""WebP for browsers that take it, JPEG as the fallback."""

def problem(data: bytes) -> str | None:
    """Why `data` cannot be published as a photo (a catalogue code), or None when it can.

    media.too_large, media.too_many_pixels or media.not_image. The file's
    header and EXIF are read, never its pixels, so checking a thousand
    photos costs about a second.
    """
    if len(data) > MAX_BYTES:
        return "media.too_large"
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                return "media.too_many_pixels"
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            img.getexif()  # turning the photo upright later reads it: broken EXIF is refused now
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return "media.not_image"
    return None


def clean(data: bytes) -> Image.Image:
    """The photo's pixels, turned upright, with no metadata at all."""
    with Image.open(io.BytesIO(data)) as img:
        upright = ImageOps.exif_transpose(img)
        rgb = upright.convert("RGB")
    # A new image from raw pixels carries no info: no EXIF, no GPS, no XMP, no ICC.
    return Image.frombytes("RGB", rgb.size, rgb.tobytes())


def logo(data: bytes, height: int = 96) -> Image.Image:
    """A logo scaled to `height`, transparency kept, metadata gone."""
    with Image.open(io.BytesIO(data)) as img:
        rgba = ImageOps.exif_transpose(img).convert("RGBA")
    clean_rgba = Image.frombytes("RGBA", rgba.size, rgba.tobytes())
    width = max(1, round(clean_rgba.width * height / clean_rgba.height))
    return clean_rgba.resize((width, height), Image.Resampling.LANCZOS) if clean_rgba.height > height else clean_rgba


def encode(img: Image.Image, fmt: str) -> bytes:
    """`img` as JPEG, WebP or PNG bytes, with no metadata."""
    out = io.BytesIO()
    options: dict[str, object] = {"png": {"optimize": True}, "jpeg": {"quality": 82, "optimize": True},
                                  "webp": {"quality": 78, "method": 4}}[fmt]
    img.save(out, format=fmt.upper(), **options)
    return out.getvalue()


def resized(img: Image.Image, width: int) -> Image.Image:
    """`img` scaled to `width` pixels wide (never up)."""
    if width >= img.width:
        return img
    height = round(img.height * width / img.width)
    return img.resize((width, height), Image.Resampling.LANCZOS)


def cover(img: Image.Image, size: tuple[int, int] = SHARE_SIZE) -> Image.Image:
    """`img` cropped from the centre and scaled to fill `size`."""
    return ImageOps.fit(img, size, Image.Resampling.LANCZOS)


def card(headline: str, line: str, logo: Image.Image | None, *, colours: tuple[tuple[int, int, int], tuple[int, int, int]]) -> Image.Image:
    """A sharing card: the headline large, one line below (date and publisher), the logo at the top.

    The font is the one Pillow ships (no font is fetched), so every build
    draws the same card from the same text.
    """
    background, foreground = colours
    img = Image.new("RGB", SHARE_SIZE, background)
    draw = ImageDraw.Draw(img)
    big, small = ImageFont.load_default(size=60), ImageFont.load_default(size=32)
    top = 60
    if logo is not None:
        mark = logo.copy()
        mark.thumbnail((120, 120))
        img.paste(mark, (60, top))
        top += 150
    lines = textwrap.wrap(headline, width=32)[:4]
    draw.multiline_text((60, top), "\n".join(lines), font=big, fill=foreground, spacing=14)
    draw.text((60, SHARE_SIZE[1] - 80), line, font=small, fill=foreground)
    return img
