"""Transparency pages: the facts a reader relies on, checked on a rich site.

The example content has one event, so most tests build a richer content
folder: 25 events over two programmes and two years, tags that slugify
alike, corrections, payments with amounts and named heirs, consenting and
non-consenting events, and a kecamatan nobody from which has received
anything yet.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import markdown
import pytest

from generator import records
from generator.compose import pages, templating, totals
from generator.compose.templating import escape_markdown
from generator.core import bahasa, privacy
from generator.core.errors import WartaError, format_problem
from generator.core.text import slugify

from .conftest import CONTENT, EVENT, TEMPLATES, composed, edit, figure, site_tally

# Hand-written pages (content/pages/), which MkDocs adds beside ours.
HAND_WRITTEN = {p.relative_to(CONTENT / "pages").as_posix() for p in (CONTENT / "pages").rglob("*.md")}
SITE_URL = "https://transparansi.contoh.go.id/"

CONSENTING = "Jonathan Agustinus Tali"  # named in an event whose recipients agreed
UNNAMED = "Maria Goreti Lende"  # in an event whose recipients did not agree
HEIRS = ("Zakarias Qolbu", "Xaverius Ursula")  # santunan duka: never on transparency pages
EMPTY_KECAMATAN = "Kota Lama"
KECAMATAN = ("Alak", "Maulafa", "Kelapa Lima", "Oebobo", "Kota Raja")
FIRST = ("Agnes", "Benediktus", "Carolina", "Dominggus", "Elisabet", "Frans", "Gerardus", "Hendrik")
LAST = ("Bana", "Lerik", "Manafe", "Ndun", "Pello", "Rihi", "Sabu", "Tefa")

PROGRAM = """name: Kupang Sejahtera
summary: Bantuan modal usaha bagi pelaku usaha mikro di Kota Kupang.
partners: [pemkot-kupang, bank-ntt]
benefits:
  - Modal usaha
target_group: pelaku usaha mikro
"""


def _event(i: int) -> str:
    """The YAML of the i-th generated event (0-based), all fields varied by i."""
    day = date(2024, 2, 1) + timedelta(days=31 * i)  # 25 events: Feb 2024 .. 2026
    program = "bangun-ntt" if i % 2 == 0 else "kupang-sejahtera"
    publish = "true" if i % 3 == 0 else "false"
    groups = []
    serial = iter(range(64))  # distinct names within one event
    for k, kecamatan in enumerate(KECAMATAN[: 1 + i % len(KECAMATAN)]):
        names = [f"{FIRST[(n := next(serial)) % 8]} {LAST[n // 8]} {LAST[i % 8]}" for _ in range(1 + (i + k) % 3)]
        if i == 1 and kecamatan == "Maulafa":
            names.append(UNNAMED)
        groups.append(f"    {kecamatan}: [{', '.join(names)}]")
    if i == 0:
        groups.append(f"    Kelapa Lima: [{CONSENTING}]")
    text = f"""program: {program}
date: {day.isoformat()}
time: "{8 + i % 8:02d}.30"
venue: Aula Kantor Camat
organizers: [pemkot-kupang]
activity: penyerahan bantuan ke-{i + 1}
recipients:
  group: pekerja rentan
  publish_names: {publish}
  by_kecamatan:
{chr(10).join(groups)}
"""
    if i % 4 == 1:
        text += f"""payments:
  - kind: santunan duka
    recipients: [{', '.join(HEIRS)}]
    publish_names: true
    amount: 42000000
"""
    if i % 5 == 0:
        text += """speakers:
  - person: christian-widodo
    remarks: meminta petugas memeriksa data penerima
    quotes:
      - Bantuan ini harus tepat sasaran.
"""
    if i in (3, 20):
        text += f"""corrections:
  - date: {(day + timedelta(days=2)).isoformat()}
    {'time: "14.30"' if i == 20 else ''}
    note: Jumlah penerima semula tertulis keliru.
"""
    tags = ["Jaminan Sosial"] if i % 2 == 0 else ["jaminan-sosial", "UMKM"]
    text += f"tags: [{', '.join(tags)}]\n"
    return text


def rich_content(root: Path, policy: str = "masked") -> Path:
    """A content folder with 25 events; `policy` is site.privacy.recipient_names."""
    target = root / f"content-{policy}"
    shutil.copytree(CONTENT, target)
    (target / EVENT).unlink()
    edit(target / "site.yml", "recipient_names: masked", f"recipient_names: {policy}")
    (target / "programs" / "kupang-sejahtera.yml").write_text(PROGRAM, encoding="utf-8")
    for i in range(25):
        (target / "events" / f"kegiatan-{i + 1:02d}.yml").write_text(_event(i), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[records.Content, dict[str, str]]]:
    """Content and built pages (path -> text) for each privacy policy."""
    root = tmp_path_factory.mktemp("rich")
    out = {}
    for policy in ("masked", "hidden", "full"):
        content = records.load_content(rich_content(root, policy))
        out[policy] = (content, composed(content)[1])
    return out


@pytest.fixture(scope="module")
def site(rich) -> tuple[records.Content, dict[str, str]]:
    return rich["masked"]


def transparency(built: dict[str, str], content: records.Content) -> dict[str, str]:
    """Every page except the articles, which follow each event's own consent."""
    articles = {f"berita/{e.slug}.md" for e in content.events}
    return {path: text for path, text in built.items() if path not in articles}


def cards(text: str) -> list[str]:
    """The link targets of a page's news cards, in order."""
    return re.findall(r"^#{2,3} \[[^\]]+\]\(([^)]+)\)$", text, re.MULTILINE)


def key_figure(text: str, label: str) -> int:
    """The number in the front page's key-figure box labelled `label`; 0 if there is none."""
    match = re.search(rf"<p[^>]*><strong>(?:<a [^>]*>)?([\d.]+)(?:</a>)?</strong> {re.escape(label)}</p>", text)
    return int(match[1].replace(".", "")) if match else 0


def links(path: str, text: str, *, anchors: bool = False) -> list[str]:
    """Internal link targets of a page, as paths below the site root (with their #anchor if `anchors`)."""
    found = re.findall(r"\]\(([^)\s]+)\)", text)
    out = []
    for t in found:
        if "://" in t or t.startswith(("mailto:", "tel:")):
            continue
        target, _, anchor = t.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
        out.append(f"{target}#{anchor}" if anchors and anchor else target)
    return out


def has_anchor(text: str, anchor: str) -> bool:
    """Whether a generated page gives an element the id `anchor` (attr_list or raw HTML)."""
    return f"{{ #{anchor} }}" in text or f'id="{anchor}"' in text


def unescape(text: str) -> str:
    return text.replace("\\", "")


# --------------------------------------------------------------------------


def test_every_internal_link_resolves(rich) -> None:
    for _, built in rich.values():
        known = set(built) | HAND_WRITTEN
        for path, text in built.items():
            for target in links(path, text, anchors=True):
                page, _, anchor = target.partition("#")
                assert page in known, f"{path} links to {page}, which no page has"
                assert not anchor or page in HAND_WRITTEN or has_anchor(built[page], anchor), f"{path} links to {target}, which is no anchor there"


def test_links_are_relative_to_the_page_that_holds_them(site) -> None:
    _, built = site
    assert "](../../program/bangun-ntt.md)" in built["berita/program/bangun-ntt.md"]
    assert "](kecamatan/index.md)" in built["index.md"]
    assert "](../kegiatan-01.md)" in built["berita/arsip/2024-02.md"]


@pytest.mark.parametrize("site_url", [None, SITE_URL])
def test_example_site_links_resolve_with_or_without_feeds(example: records.Content, site_url: str | None) -> None:
    built = composed(example, site_url)[1]
    for path, text in built.items():
        for target in links(path, text):
            assert target in set(built) | HAND_WRITTEN, f"{path} -> {target}"
    feeds_made = "berita/rss.xml" in built and "berita/atom.xml" in built
    assert feeds_made == (site_url is not None)
    assert ("](berita/rss.xml)" in built["index.md"]) == feeds_made
    assert "](data/index.md)" in built["index.md"] and "data/index.md" in built


def test_totals_agree_home_programmes_kecamatan_and_tally(site) -> None:
    content, built = site
    tally = site_tally(content)
    home = built["index.md"]
    assert key_figure(home, "penerima") == tally.people > 0
    assert key_figure(home, "kegiatan") == tally.events == 25
    assert key_figure(home, "kecamatan terjangkau") == tally.kecamatan == len(KECAMATAN)
    assert key_figure(home, "penerima santunan/pembayaran") == tally.payments > 0
    assert f'<strong><a href="data/#unduh-pembayaran">Rp{tally.paid:,}</a></strong> santunan/pembayaran tercatat'.replace(",", ".") in home
    programmes = [built[f"program/{key}.md"] for key in content.programs]
    assert sum(figure(p, "Penerima") for p in programmes) == tally.people
    assert sum(figure(p, "Kegiatan") for p in programmes) == tally.events
    assert sum(figure(p, "Penerima santunan/pembayaran") for p in programmes) == tally.payments
    kecamatan = [built[f"kecamatan/{slugify(k.name)}.md"] for k in content.region.kecamatan]
    assert sum(figure(k, "Penerima") for k in kecamatan) == tally.people


def test_every_kecamatan_of_the_region_has_a_page_and_an_index_row(site) -> None:
    content, built = site
    index = built["kecamatan/index.md"]
    for kec in content.region.kecamatan:
        assert f"kecamatan/{slugify(kec.name)}.md" in built
        assert f"[{kec.name}]({slugify(kec.name)}.md)" in index
    assert "kecamatan/kelapa-lima.md" in built
    row = next(line for line in index.splitlines() if f"[{EMPTY_KECAMATAN}]" in line)
    assert "belum ada penerima" in row
    assert "belum ada penerima" not in next(line for line in index.splitlines() if "[Alak]" in line)


def test_programme_table_and_chart_show_every_kecamatan_largest_first_with_the_same_numbers(rich, monkeypatch, tmp_path) -> None:
    charted: dict[str, list[tuple[str, int]]] = {}

    def record(title: str, rows, **options):
        charted[title] = list(rows)
        return "<svg></svg>"

    monkeypatch.setattr(templating, "bar_chart", record)
    content, _ = rich["masked"]
    built = composed(content)[1]
    counts = totals.tables(content).recipients
    for key, program in content.programs.items():
        text = built[f"program/{key}.md"]
        rows = [(m[1], int(m[2].replace(".", ""))) for m in re.finditer(r"^\| \[([^\]]+)\]\(\.\./kecamatan/[a-z-]+\.md\) \| ([\d.]+) \|$", text, re.MULTILINE)]
        every = [(k.name, n) for k, n in totals.per_kecamatan((c for c in counts if c.program == key), content.region.kecamatan, "orang")]
        # Largest first; kecamatan with equal counts keep the gazetteer's order.
        expected = sorted(every, key=lambda row: -row[1])
        assert rows == expected
        assert (EMPTY_KECAMATAN, 0) in rows
        chart = next(rows for title, rows in charted.items() if program.name in title)
        assert chart == expected
        assert sum(n for _, n in rows) == figure(text, "Penerima")


def test_the_examples_programme_table_is_largest_first_not_gazetteer_order(example) -> None:
    text = composed(example)[1]["program/bangun-ntt.md"]
    rows = re.findall(r"^\| \[([^\]]+)\]\(\.\./kecamatan/[a-z-]+\.md\) \| (\d+) \|$", text, re.MULTILINE)
    # Gazetteer order is Alak, Maulafa, Kelapa Lima, Oebobo, Kota Raja, Kota Lama.
    assert rows == [("Alak", "2"), ("Maulafa", "2"), ("Kelapa Lima", "2"), ("Kota Lama", "2"), ("Oebobo", "1"), ("Kota Raja", "1")]


def test_news_index_paginates_every_article_exactly_once_newest_first(site) -> None:
    content, built = site
    assert pages.PER_PAGE == 10
    index_pages = ["berita/index.md", "berita/halaman/2.md", "berita/halaman/3.md"]
    assert "berita/halaman/4.md" not in built
    seen = []
    for path in index_pages:
        listed = cards(built[path])
        assert len(listed) <= pages.PER_PAGE
        seen += [posixpath.normpath(posixpath.join(posixpath.dirname(path), t)) for t in listed]
    assert seen == [f"berita/{e.slug}.md" for e in reversed(content.events)]
    assert "Halaman 2 dari 3" in built["berita/halaman/2.md"]
    assert "](3.md)" in built["berita/halaman/2.md"] and "](../index.md)" in built["berita/halaman/2.md"]


def test_archive_counts_match_the_articles_of_each_month(site) -> None:
    content, built = site
    index = built["berita/arsip/index.md"]
    total = 0
    for year, month in sorted({(e.date.year, e.date.month) for e in content.events}):
        expected = [e.slug for e in content.events if (e.date.year, e.date.month) == (year, month)]
        page = built[f"berita/arsip/{year}-{month:02d}.md"]
        assert sorted(re.findall(r"\(\.\./(kegiatan-\d+)\.md\)", page)) == sorted(expected)
        match = re.search(rf"\[[A-Za-z]+ {year}\]\({year}-{month:02d}\.md\): (\d+) berita", index)
        assert match and int(match[1]) == len(expected)
        total += int(match[1])
    assert total == len(content.events)
    assert "# Berita Februari 2024" in built["berita/arsip/2024-02.md"]
    year_2024 = sum(1 for e in content.events if e.date.year == 2024)
    assert f"memuat {bahasa.number(year_2024)} berita" in built["berita/arsip/2024.md"]


def test_tags_that_slugify_alike_share_one_topic_page(site) -> None:
    content, built = site
    page = built["berita/topik/jaminan-sosial.md"]
    assert "Jaminan Sosial / jaminan-sosial" in page
    assert len(cards(page)) == len(content.events)
    assert "berita/topik/umkm.md" in built
    assert "](jaminan-sosial.md)" in built["berita/topik/index.md"]


def test_programme_news_lists_only_that_programme(site) -> None:
    content, built = site
    for key in content.programs:
        listed = re.findall(r"\(\.\./(kegiatan-\d+)\.md\)", built[f"berita/program/{key}.md"])
        assert listed == [e.slug for e in reversed(content.events) if e.program == key]


def test_articles_link_to_their_neighbours_in_time(site) -> None:
    content, built = site
    slugs = [e.slug for e in content.events]
    for i, slug in enumerate(slugs):
        text = built[f"berita/{slug}.md"]
        nav = text[text.rindex("\n---\n"):]
        if i:
            assert re.search(rf"Berita sebelumnya:\*\* \[[^\]]+\]\({slugs[i - 1]}\.md\)", nav)
        else:
            assert "Berita sebelumnya" not in nav
        if i + 1 < len(slugs):
            assert re.search(rf"Berita berikutnya:\*\* \[[^\]]+\]\({slugs[i + 1]}\.md\)", nav)
        else:
            assert "Berita berikutnya" not in nav


def box(text: str) -> str:
    """The box of links the site puts under an article."""
    start = text.index('<aside class="warta-kotak"')
    return text[start:text.index("</aside>", start)]


def test_articles_link_to_their_programme_kecamatan_and_speakers(site) -> None:
    content, built = site
    for event in content.events:
        links_box = box(built[f"berita/{event.slug}.md"])
        assert f"**Program:** [{content.programs[event.program].name}](../program/{event.program}.md)" in links_box
        places = re.findall(r"\]\(\.\./kecamatan/([a-z-]+)\.md\)", links_box)
        assert places == [slugify(p.kecamatan.name) for p in event.places]
        people = re.findall(r"\]\(\.\./narasumber/([a-z-]+)\.md\)", links_box)
        assert people == [s.person for s in event.speakers]


def _naive_related(stories, i: int, limit: int) -> list[str]:
    """Related articles by the rule itself, looking at every article: programme first, then each kecamatan, then any."""
    me = stories[i]
    def near(group: list[int]) -> list[int]:
        return sorted(group, key=lambda j: (abs((stories[j].date - me.date).days), -j))
    groups = [[j for j, s in enumerate(stories) if j != i and s.program == me.program]]
    for k in me.facts.kecamatan:
        groups.append([j for j, s in enumerate(stories) if j != i and k.code in {x.code for x in s.facts.kecamatan}])
    groups.append([j for j in range(len(stories)) if j != i])
    chosen: list[int] = []
    for group in groups:
        chosen += [j for j in near(group) if j not in chosen]
    return [stories[j].slug for j in chosen[:limit]]


@pytest.mark.parametrize("limit", [3, 5, 15])
def test_related_articles_are_the_programmes_nearest_then_the_kecamatans(site, limit: int) -> None:
    facts, _ = composed(site[0])
    stories = facts.stories
    found = pages.related(stories, limit)
    for i in range(len(stories)):
        assert [s.slug for s in found[i]] == _naive_related(stories, i, limit)
    # 12 or 13 articles per programme: only at 15 do the kecamatan fill the rest.
    assert any(s.program != stories[0].program for s in found[0]) is (limit == 15)


def test_article_page_lists_five_related_articles_of_its_programme(site) -> None:
    content, built = site
    text = built[f"berita/{content.events[10].slug}.md"]
    related = text.split("## Berita terkait", 1)[1].split("\n---\n", 1)[0]
    slugs = re.findall(r"\]\(([\w-]+)\.md\)", related)
    assert len(slugs) == 5 and content.events[10].slug not in slugs
    assert {content.event(s).program for s in slugs} == {content.events[10].program}


def test_share_row_links_the_articles_public_address_and_needs_a_site_url(site) -> None:
    content, built = site
    slug = content.events[0].slug
    text = built[f"berita/{slug}.md"]
    url = f"{SITE_URL}berita/{slug}/".replace(":", "%3A")
    for service in ("https://wa.me/?text=", "https://www.facebook.com/sharer/sharer.php?u=", "https://x.com/intent/post?text=",
                    "https://t.me/share/url?url="):
        assert re.search(rf'href="{re.escape(service)}[^"]*{re.escape(url)}', text), service
    assert f'data-warta-salin="{SITE_URL}berita/{slug}/"' in text
    without = composed(content, None)[1][f"berita/{slug}.md"]
    assert "warta-bagikan" not in without and "warta-kotak" in without


def recipients(content: records.Content, *, consented: bool) -> set[str]:
    """Names of recipients whose event did (or did not) agree to naming."""
    return {r.name for e in content.events if e.recipients.publish_names == consented
            for place in e.recipients.places for r in place.recipients}


def names_section(text: str) -> list[str]:
    """The list items of a kecamatan page's "Nama penerima" section."""
    if "## Nama penerima" not in text:
        return []
    section = text.split("## Nama penerima", 1)[1].split("\n## ", 1)[0]
    return [html.unescape(line[4:-5]) for line in section.splitlines() if line.startswith("<li>") and line.endswith("</li>")]


def test_masked_policy_masks_the_unconsented_and_names_the_consented(site) -> None:
    content, built = site
    kelapa_lima = names_section(built["kecamatan/kelapa-lima.md"])
    # The consented recipient is printed in full, as their own article prints them.
    assert any(CONSENTING in line and "(nama disamarkan)" not in line for line in kelapa_lima)
    masked = [line for k in KECAMATAN for line in names_section(built[f"kecamatan/{slugify(k)}.md"]) if line.endswith("(nama disamarkan)")]
    assert masked
    # UNNAMED's list in Maulafa also holds a name that event 9, whose
    # recipients agreed, prints in full there: beside it a mask would name
    # that person, so the list is only counted (Policy.names).
    maulafa = names_section(built["kecamatan/maulafa.md"])
    listed = next(e for e in content.events if any(r.name == UNNAMED for p in e.places for r in p.recipients))
    beside = {r.name for p in listed.places if p.kecamatan.name == "Maulafa" for r in p.recipients}
    assert any(name in line for line in maulafa if "(nama disamarkan)" not in line for name in beside)
    assert not any(privacy.mask_name(UNNAMED) in line for line in maulafa)
    private = recipients(content, consented=False) - recipients(content, consented=True)
    assert UNNAMED in private
    for path, text in transparency(built, content).items():
        for name in private:
            assert name not in text, f"{name} on {path}"
    for line in (line for text in built.values() for line in names_section(text)):
        masked = "***" in line
        assert line.endswith("(nama disamarkan)") == masked, line


def test_hidden_policy_shows_no_unconsented_name_and_no_mask(rich) -> None:
    content, built = rich["hidden"]
    private = recipients(content, consented=False) - recipients(content, consented=True)
    for path, text in transparency(built, content).items():
        assert "***" not in unescape(text), path
        for name in private:
            assert name not in text, f"{name} on {path}"
    assert figure(built["kecamatan/kelapa-lima.md"], "Penerima") > 0
    assert any(CONSENTING in line for line in names_section(built["kecamatan/kelapa-lima.md"]))


def test_full_policy_names_everyone_and_masks_no_one(rich) -> None:
    content, built = rich["full"]
    assert any(CONSENTING in line for line in names_section(built["kecamatan/kelapa-lima.md"]))
    assert any(UNNAMED in line for line in names_section(built["kecamatan/maulafa.md"]))
    for path, text in transparency(built, content).items():
        assert "***" not in unescape(text) and "(nama disamarkan)" not in text, path


@pytest.mark.parametrize("policy", ["masked", "hidden", "full"])
def test_the_article_and_the_kecamatan_page_agree_on_a_consented_name(rich, policy: str) -> None:
    content, built = rich[policy]
    article = next(built[f"berita/{e.slug}.md"] for e in content.events if e.recipients.publish_names)
    assert CONSENTING in article
    assert any(CONSENTING in line for line in names_section(built["kecamatan/kelapa-lima.md"]))


def test_heirs_never_appear_on_transparency_pages(rich) -> None:
    for content, built in rich.values():
        for path, text in transparency(built, content).items():
            for heir in HEIRS:
                assert heir not in text, f"{heir} on {path}"
                assert privacy.mask_name(heir) not in unescape(text), f"mask of {heir} on {path}"


def test_named_people_carry_no_poverty_label(rich) -> None:
    for policy in ("masked", "full"):
        content, built = rich[policy]
        for path, text in transparency(built, content).items():
            for line in unescape(text).splitlines():
                if "***" in line or CONSENTING in line:
                    assert not re.search(r"rentan|miskin|desil|pelaku usaha", line, re.IGNORECASE), f"{path}: {line}"


def test_corrections_page_is_newest_first_with_time_and_link(site) -> None:
    content, built = site
    text = built["ralat.md"]
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    corrected = [e for e in content.events if e.corrections]
    assert len(headings) == 2
    newest, oldest = corrected[1], corrected[0]
    assert headings[0].endswith("pukul 14.30 WITA")
    assert "pukul" not in headings[1]
    assert text.index(f"](berita/{newest.slug}.md)") < text.index(f"](berita/{oldest.slug}.md)")
    assert text.count("Jumlah penerima semula tertulis keliru.") == 2


def test_speaker_pages_quote_verbatim_with_date_and_link(site) -> None:
    content, built = site
    text = built["narasumber/christian-widodo.md"]
    spoken = [e for e in content.events if e.speakers]
    assert text.count("> “Bantuan ini harus tepat sasaran.”") == len(spoken)
    for event in spoken:
        assert f"](../berita/{event.slug}.md)" in text
    assert "Wali Kota Kupang" in text
    remarks = [s.remarks for e in spoken for s in e.speakers if s.person == "christian-widodo" and s.remarks]
    assert remarks  # the content gives him indirect speech to show
    for remark in remarks:
        assert f"Christian Widodo {escape_markdown(remark)}." in text
    assert "narasumber/wawan-burhanuddin.md" in built
    assert "](wawan-burhanuddin.md)" in built["narasumber/index.md"]


def test_policy_pages_cite_the_law_and_give_the_contact(rich) -> None:
    content, built = rich["masked"]
    pedoman = built["pedoman-media-siber.md"]
    for citation in ("Pasal 1 angka 11", "angka 12", "Pasal 5 ayat (2)", "1/Peraturan-DP/III/2012", content.site.footer.contact):
        assert citation in pedoman
    says = {
        "masked": "tidak memberikan persetujuan disamarkan",
        "hidden": "tidak memberikan persetujuan tidak dimuat",
        "full": "termasuk penerima yang tidak memberikan persetujuan",
    }
    for policy, (content, built) in rich.items():
        text = built["kebijakan-privasi.md"]
        for citation in ("Nomor 27 Tahun 2022", "Pasal 17 huruf h", content.site.footer.contact):
            assert citation in text
        assert ("***" in unescape(text)) == (policy == "masked")
        for other, words in says.items():
            assert (words in text) == (other == policy), (policy, words)
        assert ("Unduhan data terbuka tidak memuat nama orang" in text) == (policy != "full")


def test_home_lists_programmes_latest_news_and_sections(site) -> None:
    content, built = site
    home = built["index.md"]
    latest = cards(home.split("## Berita terbaru", 1)[1].split("\n## ", 1)[0])
    assert latest == [f"berita/{e.slug}.md" for e in reversed(content.events)][: pages.LATEST]
    for key, program in content.programs.items():
        assert f"[{program.name}](program/{key}.md)" in home
    for target in ("berita/index.md", "program/index.md", "kecamatan/index.md", "data/index.md"):
        assert f"]({target})" in home


def test_news_cards_give_the_leads_sentence_and_name_no_recipient(site) -> None:
    content, built = site
    index = built["berita/index.md"]
    for event in list(reversed(content.events))[: pages.PER_PAGE]:
        article = built[f"berita/{event.slug}.md"]
        description = json.loads(re.search(r"^description: (.+)$", article, re.MULTILINE)[1])
        card = index.split(f"]({event.slug}.md)", 1)[1].split("\n\n")[2]  # headline, date, then the sentence
        assert unescape(card) == description and description.startswith("Pemkot Kupang menyerahkan")
        assert not any(r.name in card for place in event.places for r in place.recipients)


SLEMAN = Path(__file__).resolve().parent.parent / "examples" / "sleman" / "content"


def test_sleman_cards_carry_the_event_photo_and_the_front_page_every_kapanewon() -> None:
    content = records.load_content(SLEMAN)
    facts, built = composed(content)
    home = built["index.md"]
    latest = list(reversed(facts.stories))[: pages.LATEST]
    with_photo = [s for s in latest if s.facts.photos]
    assert with_photo and all(f'src="{s.facts.photos[0].thumbnail.path}"' in home for s in with_photo)
    assert home.count('<figure class="warta-kartu__foto">') == len(with_photo)
    for kec in content.region.kecamatan:
        assert f"[{kec.name}](kecamatan/{slugify(kec.name)}.md)" in home


@pytest.mark.parametrize(("unit", "shown"), [
    ("warga", "Tercapai 5 dari sasaran 5.000 warga (0,1%)"),  # the recipients' group
    ("orang", "Tercapai 5 dari sasaran 5.000 orang (0,1%)"),  # the recipients' unit
    ("kapanewon", "Tercapai 2 dari sasaran 5.000 kapanewon (0%)"),  # the region's word: Gamping and Godean reached
    ("sekolah", None),  # the records count no schools: the target is stated, never divided
])
def test_progress_is_measured_only_against_what_the_records_count(tmp_path: Path, unit: str, shown: str | None) -> None:
    folder = tmp_path / "content"
    shutil.copytree(SLEMAN, folder)
    edit(folder / "programs" / "jamkesda.yml", "unit: warga", f"unit: {unit}")
    built = composed(records.load_content(folder))[1]
    home, program = built["index.md"], built["program/jamkesda.md"]
    assert f"Sasaran: 5.000 {unit} pada 2026" in program
    if shown:
        assert shown in home and "Tercapai" in program
    else:
        assert "Tercapai" not in home.split("[Jaminan Kesehatan Daerah]", 1)[1].split("</div>", 1)[0]
        assert "Tercapai" not in program


def test_same_content_gives_the_same_bytes(site) -> None:
    content, built = site
    assert composed(content)[1] == built


def test_two_pages_at_one_address_are_refused(tmp_path: Path) -> None:
    target = rich_content(tmp_path)
    (target / "events" / "kegiatan-01.yml").rename(target / "events" / "arsip.yml")
    with pytest.raises(WartaError) as caught:
        composed(records.load_content(target))
    assert [format_problem(p) for p in caught.value.problems] == [
        f"{target}/events/arsip.yml: Nama berkas ini membuat berita di alamat /berita/arsip/, yang sudah dipakai "
        "halaman lain situs. Ganti nama berkasnya, misalnya dengan tanggal di depannya."
    ]


def test_every_page_template_names_its_documented_context() -> None:
    for template in sorted((TEMPLATES / "pages").rglob("*.j2")):
        text = template.read_text(encoding="utf-8")
        assert text.startswith("{#-") and "Context:" in text.split("#}")[0], template


def _inline_pieces(content_dir: Path, recipients: int) -> int:
    """How many inline elements Python-Markdown makes of Maulafa's page when one
    unconsented event lists `recipients` masked names there."""
    syllables = ("ba", "di", "ko", "lu", "me", "na", "ro", "si", "tu", "we")
    names = [" ".join(("Ama", *(syllables[int(d)] + "n" for d in f"{i:04d}"))).title() for i in range(recipients)]
    event = content_dir / EVENT
    text = event.read_text(encoding="utf-8").replace("publish_names: true ", "publish_names: false")
    event.write_text(text.replace("Maulafa: [Agustinus Tana, Apriana Tanaale]", "Maulafa: " + json.dumps(names)), encoding="utf-8")
    page = composed(records.load_content(content_dir))[1]["kecamatan/maulafa.md"]
    converter = markdown.Markdown(extensions=["tables", "attr_list"])
    assert privacy.mask_name(names[-1]) + " (nama disamarkan)" in converter.convert(page)
    return len(converter.treeprocessors["inline"].stashed_nodes)


def test_masked_names_cost_markdown_nothing_per_name(tmp_path: Path) -> None:
    # Python-Markdown rebuilds a text's whole string for each inline element
    # in it (an escaped "*" is one), so a count that grows with the names is
    # quadratic time: 8,000 masked names of one event took 25.7 s of CPU (issue 12).
    counts = []
    for n in (50, 100):
        folder = tmp_path / str(n)
        shutil.copytree(CONTENT, folder)
        counts.append(_inline_pieces(folder, n))
    assert counts[0] == counts[1]


# --------------------------------------------------------------------------
# Listings that grow with the archive are cut into pages (issue 14 item 4).


def _listing_pages(built: dict[str, str], first: str) -> list[str]:
    """The pages of the listing that starts at `first`, in the order its pager's "next" links walk them."""
    walked = [first]
    while True:
        text = built[walked[-1]]
        after = re.search(r"\[Berikutnya ›\]\(([^)]+)\)", text)
        if not after:
            return walked
        walked.append(posixpath.normpath(posixpath.join(posixpath.dirname(walked[-1]), after[1])))


def _section(text: str, start: str, end: str = "\n## ") -> str:
    _, _, rest = text.partition(start)
    return rest.split(end)[0]


@pytest.fixture(scope="module")
def split(site) -> dict[str, str]:
    """The rich site composed with four entries to a listing page."""
    content, _ = site
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "LISTED", 4)
        return composed(content)[1]


def test_a_long_topic_is_split_and_every_article_reached_from_its_first_page(site, split) -> None:
    content, whole = site
    walked = _listing_pages(split, "berita/topik/jaminan-sosial.md")
    assert walked[1] == "berita/topik/jaminan-sosial/halaman/2.md"
    assert len(walked) == -(-len(content.events) // 4)
    seen = []
    for path in walked:
        listed = cards(split[path])
        assert 0 < len(listed) <= 4
        seen += [posixpath.normpath(posixpath.join(posixpath.dirname(path), t)) for t in listed]
    whole_cards = [posixpath.normpath(posixpath.join("berita/topik", t)) for t in cards(whole["berita/topik/jaminan-sosial.md"])]
    assert seen == whole_cards == [f"berita/{e.slug}.md" for e in reversed(content.events)]
    assert "Halaman 2 dari 7" in split[walked[1]] and "# Topik: Jaminan Sosial / jaminan-sosial: halaman 2" in split[walked[1]]
    # The topic index still counts every article.
    assert "](jaminan-sosial.md): 25 berita" in split["berita/topik/index.md"]


@pytest.mark.parametrize("first", ["kecamatan/alak.md", "program/bangun-ntt.md", "berita/program/bangun-ntt.md",
                                   "narasumber/christian-widodo.md"])
def test_every_entry_of_a_split_listing_is_on_exactly_one_page_in_order(site, split, first: str) -> None:
    _, whole = site
    walked = _listing_pages(split, first)
    assert len(walked) > 1, first
    # Every page of the listing is reached from the first by its links, and only those exist.
    prefix = first.removesuffix(".md") + "/halaman/"
    assert sorted(walked[1:]) == sorted(p for p in split if p.startswith(prefix))
    article_links = lambda path, text: [t for t in links(path, text) if re.fullmatch(r"berita/kegiatan-\d+\.md", t)]
    seen = [t for path in walked for t in article_links(path, split[path])]
    assert seen == article_links(first, whole[first])
    assert all(p in whole or p.startswith(prefix) for p in walked)


def test_a_split_kecamatan_keeps_its_totals_and_names_whole(site, split) -> None:
    content, whole = site
    walked = _listing_pages(split, "kecamatan/alak.md")
    assert len(walked) > 1
    # Figures, rows behind them and the per-programme table stand on the first page, as before.
    for start in ("## Angka", "## Per program"):
        assert _section(split[walked[0]], start) == _section(whole["kecamatan/alak.md"], start)
    assert all("## Angka" not in split[p] for p in walked[1:])
    names = [n for p in walked for n in names_section(split[p])]
    assert names == names_section(whole["kecamatan/alak.md"])
    # The Kegiatan rows, with each article link made relative to the site root (pages sit at different depths).
    def rows(path: str, text: str) -> list[str]:
        found = re.findall(r"^(\| .+ \| \[.+\]\()([^)]+)(\) \| .+ \|)$", text, re.MULTILINE)
        return [a + posixpath.normpath(posixpath.join(posixpath.dirname(path), t)) + b for a, t, b in found]
    assert [r for p in walked for r in rows(p, split[p])] == rows("kecamatan/alak.md", whole["kecamatan/alak.md"])


def test_no_page_of_a_few_hundred_events_grows_with_its_listings(tmp_path: Path, monkeypatch) -> None:
    # Ten entries a page at 300 generated events holds each page to what
    # 5,000 events at 40 a page give: a page's size must come from the
    # page size, never from the archive (150 kB of HTML at 5,000, issue 14).
    # The benchmark's own content generator: valid, varied events over 24 kecamatan.
    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "bench"))
    import generate

    content = records.load_content(generate.generate(tmp_path / "c", 300, check=False))
    monkeypatch.setattr(pages, "LISTED", 10)
    built = composed(content)[1]
    sizes = {path: len(text.encode()) for path, text in built.items() if path.endswith(".md")}
    assert max(sizes.values()) < 40_000, max(sizes.items(), key=lambda kv: kv[1])
    for path, text in built.items():
        if path.startswith(("berita/topik/", "berita/program/", "berita/arsip/")):
            assert len(cards(text)) <= 10, path
        if path.startswith("narasumber/") and not path.endswith("index.md"):
            assert text.count("\n### ") <= 10, path
