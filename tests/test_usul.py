"""Usul, sanggah and koreksi: every article and kecamatan page tells a resident how to write to the office.

Checked on the built HTML of both examples, as a reader's phone would open
the links: the mail or WhatsApp message must carry the page's own title
and address, go only to a contact the site declares official, and nothing
may be asked of another host before the reader taps.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generator import records
from generator.core import privacy

from .conftest import CONTENT, ENV, MKDOCS, ROOT, SLEMAN, composed, edit
from .test_plugin import _Refs

EXAMPLES = {"kupang": (ROOT / "mkdocs.yml", CONTENT), "sleman": (ROOT / "examples" / "sleman" / "mkdocs.yml", SLEMAN)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example built with `mkdocs build --strict`."""
    out = {}
    for name, (config, _) in EXAMPLES.items():
        site = tmp_path_factory.mktemp(name) / "site"
        run = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site)],
                             capture_output=True, text=True, env=ENV, timeout=300)
        assert run.returncode == 0, run.stderr
        out[name] = site
    return out


def pages_with_block(site: Path) -> list[Path]:
    """Every article and every kecamatan page of a built site."""
    return sorted(p for p in [*site.glob("berita/*/index.html"), *site.glob("kecamatan/*/index.html")]
                  if p.parent.name not in ("arsip", "topik", "program", "halaman", "kecamatan"))


def block(page: str) -> str:
    found = re.search(r'<aside[^>]*class="warta-usul".*?</aside>', page, re.DOTALL)
    assert found, "no usul block"
    return found.group()


def title_and_url(page: str) -> tuple[str, str]:
    """The page's heading as a reader sees it, and its canonical address."""
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL).group(1)
    title = html.unescape(re.sub(r"<[^>]+>", "", h1)).strip()
    return title, html.unescape(re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1))


def hrefs(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', text)]


def official(content: records.Content) -> str:
    return " ".join((content.site.footer.contact, *content.site.official_contacts))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_article_and_kecamatan_page_says_how_to_propose_contest_or_correct(built, name: str) -> None:
    content = records.load_content(EXAMPLES[name][1])
    pages = pages_with_block(built[name])
    assert len(pages) == len(content.events) + len(content.region.kecamatan)
    for path in pages:
        text = html.unescape(re.sub(r"<[^>]+>", "", block(path.read_text(encoding="utf-8"))))
        for word in ("Usul.", "Sanggah.", "Koreksi.", "Kebijakan Privasi"):
            assert word in text, f"{path}: no {word!r}"


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_mail_and_whatsapp_links_carry_the_page_title_and_address_to_an_official_contact(built, name: str) -> None:
    content = records.load_content(EXAMPLES[name][1])
    declared = official(content)
    digits = re.sub(r"\D", "", declared)
    kinds = set()
    for path in pages_with_block(built[name]):
        page = path.read_text(encoding="utf-8")
        title, url = title_and_url(page)
        assert url.startswith("https://") and url.endswith("/")
        for href in hrefs(block(page)):
            parts = urlsplit(href)
            if parts.scheme == "mailto":
                kinds.add("mailto")
                assert parts.path in declared
                query = {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}
                assert set(query) == {"subject", "body"}
                assert "+" not in parts.query and " " not in href  # a mail program reads "+" as a plus
                assert query["subject"].endswith(": " + title)
                assert f"{title}\r\n{url}\r\n" in query["body"]
            elif parts.netloc == "wa.me":
                kinds.add("wa.me")
                number = parts.path.strip("/")
                assert number.startswith("628") and "0" + number[2:] in digits
                text = unquote(parts.query.removeprefix("text="))
                assert title in text and url in text and parts.query.startswith("text=")
            elif parts.scheme == "tel":
                kinds.add("tel")
                assert "0" + parts.path.removeprefix("+62") in digits
            else:
                assert href.startswith("../") and "kebijakan-privasi/#usul-sanggah-dan-koreksi" in href, href
    assert kinds == ({"mailto"} if name == "kupang" else {"mailto", "wa.me", "tel"})


def test_the_press_narahubung_is_never_offered(built) -> None:
    # The narahubung of press releases is a person, not an office line.
    content = records.load_content(CONTENT)
    mine = content.site.press_contact.contact
    assert mine not in official(content)
    for path in pages_with_block(built["kupang"]):
        assert mine not in block(path.read_text(encoding="utf-8"))


def test_the_privacy_policy_explains_what_happens_next(built) -> None:
    page = (built["kupang"] / "kebijakan-privasi" / "index.html").read_text(encoding="utf-8")
    part = page[page.index('id="usul-sanggah-dan-koreksi"'):]
    for said in ("Pejabat Pengelola Informasi dan Dokumentasi (PPID)", "Nomor 14 Tahun 2008",
                 "sepuluh hari kerja", "Komisi Informasi", "Nomor 40 Tahun 1999", "hak koreksi", "hak jawab"):
        assert said in part


def test_the_block_passes_the_privacy_lint_and_loads_nothing(built) -> None:
    for name, site in built.items():
        content = records.load_content(EXAMPLES[name][1])
        names = [r.name for e in content.events for p in e.places for r in p.recipients]
        blocks = [(str(p), block(p.read_text(encoding="utf-8"))) for p in pages_with_block(site)]
        assert privacy.lint(blocks, names, official=content.contacts) == ()
        for _, text in blocks:
            refs = _Refs()
            refs.feed(text)
            assert refs.urls == []


def test_a_tap_only_link_is_accepted_and_a_loaded_resource_still_refused() -> None:
    link = '<a href="https://wa.me/6281126004455?text=Usul">WhatsApp</a>'
    assert privacy.lint([("a.html", link)], official=["WhatsApp 0811-2600-4455"]) == ()
    assert [leak.kind for leak in privacy.lint([("a.html", link)])] == ["phone"]  # a number nobody declared
    refs = _Refs()
    refs.feed(link + '<img src="https://wa.me/p.gif">')
    assert refs.urls == ["https://wa.me/p.gif"]


def test_without_a_mailbox_or_number_the_block_sends_readers_to_the_office(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "contact: ppid@contoh.go.id", "contact: Bagian Protokol dan Komunikasi Pimpinan")
    content = records.load_content(content_dir)
    _, built = composed(content)
    for path in (f"berita/{content.events[0].slug}.md", "kecamatan/alak.md"):
        text = built[path]
        usul = text[text.index('<aside class="warta-usul"'):]
        usul = usul[:usul.index("</aside>")]
        assert "mailto:" not in usul and "wa.me" not in usul and "]()" not in usul
        assert "Sampaikan langsung ke kantor Pemerintah Kota Kupang." in usul


def test_a_web_contact_is_a_plain_link(content_dir: Path) -> None:
    edit(content_dir / "site.yml", "contact: ppid@contoh.go.id", "contact: https://ppid.contoh.go.id/permohonan")
    _, built = composed(records.load_content(content_dir))
    text = built["kecamatan/alak.md"]
    assert "Sampaikan melalui laman layanan [https://ppid.contoh.go.id/permohonan](https://ppid.contoh.go.id/permohonan)." in text
    assert "mailto:" not in text
