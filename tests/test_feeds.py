"""Feeds: RSS and Atom of the news, dated from the records, byte-identical across builds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from generator import records
from generator.compose import feeds
from generator.compose.facts import site_facts
from generator.compose.writer import Writer
from generator.core import bahasa

from .conftest import CONTENT, EVENT, edit, facts_of, writer_for

SITE = "https://transparansi.contoh.go.id/"
ATOM = "{http://www.w3.org/2005/Atom}"
RSS_PATH, ATOM_PATH = "berita/rss.xml", "berita/atom.xml"


@pytest.fixture(scope="module")
def writer() -> Writer:
    return writer_for()


def files(content: records.Content, writer: Writer, site_url: str = SITE) -> dict[str, str]:
    return feeds.files(site_facts(content, writer, site_url=site_url), site_url)


def rss(content: records.Content, writer: Writer, site_url: str = SITE) -> str:
    return files(content, writer, site_url)[RSS_PATH]


def atom(content: records.Content, writer: Writer, site_url: str = SITE) -> str:
    return files(content, writer, site_url)[ATOM_PATH]


def add_event(content_dir: Path, slug: str, day: date, *, time: str | None = None, extra: str = "") -> None:
    """A small event record beside the example one."""
    clock = f'time: "{time}"\n' if time else ""
    (content_dir / "events" / f"{slug}.yml").write_text(
        f"program: bangun-ntt\ndate: {day.isoformat()}\n{clock}venue: Kantor Camat Alak\n"
        "organizers: [pemkot-kupang]\nactivity: sosialisasi program\n"
        f"recipients:\n  group: nelayan\n  by_kecamatan:\n    Alak: [Ina Ledo]\n{extra}",
        encoding="utf-8",
    )


def rss_items(text: str) -> list[ET.Element]:
    channel = ET.fromstring(text.encode()).find("channel")
    assert channel is not None
    return channel.findall("item")


def atom_entries(text: str) -> list[ET.Element]:
    return ET.fromstring(text.encode()).findall(f"{ATOM}entry")


def test_example_feeds_carry_the_article(example, writer) -> None:
    facts = facts_of(example)
    url = SITE + "berita/2025-09-03-bangun-ntt-kupang/"

    (item,) = rss_items(rss(example, writer, SITE))
    assert item.findtext("title") == writer.headline(facts)
    assert item.findtext("link") == url
    assert item.findtext("guid") == url and item.find("guid").get("isPermaLink") == "true"  # type: ignore[union-attr]
    assert item.findtext("description") == writer.description(facts)
    assert item.findtext("pubDate") == "Wed, 03 Sep 2025 09:00:00 +0800"

    (entry,) = atom_entries(atom(example, writer, SITE))
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.find(f"{ATOM}link").get("href") == url  # type: ignore[union-attr]
    assert entry.findtext(f"{ATOM}title") == writer.headline(facts)
    assert entry.findtext(f"{ATOM}summary") == writer.description(facts)
    assert entry.findtext(f"{ATOM}published") == "2025-09-03T09:00:00+08:00"  # WITA
    assert entry.findtext(f"{ATOM}updated") == "2025-09-03T09:00:00+08:00"


def test_feed_metadata_is_dated_from_the_news_not_the_build(example, writer) -> None:
    channel = ET.fromstring(rss(example, writer, SITE).encode()).find("channel")
    assert channel is not None
    assert channel.findtext("lastBuildDate") == "Wed, 03 Sep 2025 09:00:00 +0800"
    assert channel.findtext("language") == "id"
    assert channel.findtext("link") == SITE
    assert channel.find(f"{ATOM}link").get("href") == SITE + RSS_PATH  # type: ignore[union-attr]

    root = ET.fromstring(atom(example, writer, SITE).encode())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    assert root.findtext(f"{ATOM}updated") == "2025-09-03T09:00:00+08:00"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Pemerintah Kota Kupang"
    self_link = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [SITE + ATOM_PATH]


@pytest.mark.parametrize("site_url", ["https://contoh.go.id/warta", "https://contoh.go.id/warta/"])
def test_links_are_absolute_with_or_without_a_trailing_slash(example, writer, site_url: str) -> None:
    (item,) = rss_items(rss(example, writer, site_url))
    assert item.findtext("link") == "https://contoh.go.id/warta/berita/2025-09-03-bangun-ntt-kupang/"


@pytest.mark.parametrize("site_url", ["", "/", "berita/", "ftp://contoh.go.id/"])
def test_a_relative_or_missing_site_url_is_refused(example, writer, site_url: str) -> None:
    with pytest.raises(ValueError):
        rss(example, writer, site_url)


def test_same_content_same_bytes(example, writer) -> None:
    # A second build: content loaded again, a fresh writer.
    again = files(records.load_content(CONTENT), writer_for())
    assert files(example, writer) == again
    assert list(files(example, writer)) == [RSS_PATH, ATOM_PATH, "berita/sitemap.xml"]


def test_stub_sitemap_beside_the_feeds_is_an_empty_urlset(example, writer) -> None:
    # Material fetches sitemap.xml beside every rel=alternate link.
    stub = ET.fromstring(files(example, writer)["berita/sitemap.xml"].encode())
    assert stub.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(stub) == 0


def test_newest_first_at_most_fifty_with_times_in_wita(content_dir: Path, writer) -> None:
    start = date(2025, 1, 1)
    for i in range(55):
        add_event(content_dir, f"2025-kegiatan-{i:02d}", start + timedelta(days=i), time="14.30" if i % 2 else None)
    content = records.load_content(content_dir)

    items = rss_items(rss(content, writer, SITE))
    entries = atom_entries(atom(content, writer, SITE))
    assert len(items) == len(entries) == feeds.LIMIT
    published = [parsedate_to_datetime(i.findtext("pubDate") or "") for i in items]
    assert published == sorted(published, reverse=True)
    assert items[0].findtext("link") == SITE + "berita/2025-09-03-bangun-ntt-kupang/"
    # 56 articles: the six oldest fall off the end.
    links = {i.findtext("link") for i in items}
    assert SITE + "berita/2025-kegiatan-05/" not in links and SITE + "berita/2025-kegiatan-06/" in links
    stamps = [e.findtext(f"{ATOM}published") or "" for e in entries]
    assert all(s.endswith("+08:00") for s in stamps)
    assert "2025-02-23T14:30:00+08:00" in stamps  # with a time: the time of the event
    assert "2025-02-24T00:00:00+08:00" in stamps  # without one: midnight, local time


def test_a_correction_updates_the_entry_and_the_feed(content_dir: Path, writer) -> None:
    add_event(content_dir, "2025-08-01-sosialisasi", date(2025, 8, 1), time="10.00", extra=(
        "corrections:\n  - date: 2025-09-10\n    time: \"16.15\"\n    note: Nama tempat diperbaiki.\n"
        "  - date: 2025-08-01\n    note: Jam diperbaiki.\n"
    ))
    content = records.load_content(content_dir)
    entries = {e.findtext(f"{ATOM}id"): e for e in atom_entries(atom(content, writer, SITE))}
    corrected = entries[SITE + "berita/2025-08-01-sosialisasi/"]
    assert corrected.findtext(f"{ATOM}published") == "2025-08-01T10:00:00+08:00"
    assert corrected.findtext(f"{ATOM}updated") == "2025-09-10T16:15:00+08:00"
    root = ET.fromstring(atom(content, writer, SITE).encode())
    assert root.findtext(f"{ATOM}updated") == "2025-09-10T16:15:00+08:00"
    # The newest event still leads: order is by publication.
    assert next(iter(entries)) == SITE + "berita/2025-09-03-bangun-ntt-kupang/"


def test_a_correction_without_a_time_never_predates_publication(content_dir: Path, writer) -> None:
    add_event(content_dir, "2025-08-01-sosialisasi", date(2025, 8, 1), time="10.00", extra=(
        "corrections:\n  - date: 2025-08-01\n    note: Jam diperbaiki.\n"
    ))
    content = records.load_content(content_dir)
    entries = {e.findtext(f"{ATOM}id"): e for e in atom_entries(atom(content, writer, SITE))}
    assert entries[SITE + "berita/2025-08-01-sosialisasi/"].findtext(f"{ATOM}updated") == "2025-08-01T10:00:00+08:00"


def test_markup_in_a_headline_stays_text(content_dir: Path, writer) -> None:
    headline = "<script>alert(1)</script> & Bantuan \"Nelayan\""
    edit(content_dir / EVENT, "venue:", f"title: '{headline}'\nvenue:")
    content = records.load_content(content_dir)
    rss_text, atom_text = rss(content, writer, SITE), atom(content, writer, SITE)
    for text in (rss_text, atom_text):
        assert "<script>" not in text
    # A typed headline is set in headline case with curly quotes, and stays text.
    shown = bahasa.headline_case(bahasa.curly_quotes(headline))
    assert shown == "<Script>alert(1)</script> & Bantuan “Nelayan”"
    assert rss_items(rss_text)[0].findtext("title") == shown
    assert atom_entries(atom_text)[0].findtext(f"{ATOM}title") == shown


def test_without_news_the_feeds_are_valid_and_fixed(content_dir: Path, writer) -> None:
    (content_dir / EVENT).unlink()
    content = records.load_content(content_dir)
    assert rss_items(rss(content, writer, SITE)) == []
    root = ET.fromstring(atom(content, writer, SITE).encode())
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"
    assert atom(content, writer, SITE) == atom(content, writer, SITE)
