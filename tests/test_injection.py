"""Injection: every string from a record reaches the built site as literal text.

One real ``mkdocs build --strict`` of content whose recipient name, quote,
venue, activity, programme name, organisation name, tag, correction note,
recipient group and payment kind each hold every hostile string below. The
built files are then read with real parsers (html.parser, JSON, XML, CSV):
the strings are there as text, and no element, attribute, link, heading,
table or comment was made from them; JSON-LD, feeds and the search index
still parse; spreadsheet formulas in the downloads are neutralised; and the
output privacy lint, which ran inside the build, let it publish.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator import records

from .conftest import CONTENT, EVENT, build, facts_of, project_copy, search_records, writer_for

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "# Judul palsu",
    "| a | b |",
    "<!-- komentar -->",
    "---",
    '=HYPERLINK("http://x")',
    "&amp;",
    "</script>",
    '{: onclick="alert(1)" }',
    "+cmd",
    "-2+3",
    "@SUM(A1)",
    # Block starts: at the start of a line each would make a list, a quote,
    # a rule or a code block of the text after it.
    "1. Pertama",
    "- butir",
    "+ plus",
    "* bintang",
    "2025. Tahun",
    "> kutip",
    "    empat spasi",
    "===",
)

# What a list item, quote or code block made from a block start above would begin with.
BLOCK_REMAINS = ("Pertama", "butir", "plus", "bintang", "Tahun", "kutip", "empat spasi")


def hostile(label: str, first: str) -> str:
    """Every hostile string, starting with `first` (a field's first characters
    are where Markdown blocks and spreadsheet formulas start), then `label`
    so that each field's text is unique on the site."""
    start = HOSTILE.index(first)
    # As the records keep it: runs of white space are one space (records.model._text).
    return " ".join(" ".join(HOSTILE[start:] + HOSTILE[:start] + (label,)).split())


FIELDS = {
    "name": hostile("Penerima Uji", "<script>alert(1)</script>"),
    "quote": hostile("kutipan uji", "<!-- komentar -->"),
    "venue": hostile("tempat uji", '=HYPERLINK("http://x")'),
    "activity": hostile("kegiatan uji", "# Judul palsu"),
    "program": hostile("Program Uji", "+cmd"),
    "organization": hostile("Organisasi Uji", "---"),
    "tag": hostile("topik uji", "| a | b |"),
    "correction": hostile("ralat uji.", "2025. Tahun"),
    "group": hostile("kelompok uji", "@SUM(A1)"),
    "payment": hostile("santunan uji", "-2+3"),
    "summary": hostile("ringkasan uji.", "1. Pertama"),
    "benefit": hostile("manfaat uji", "- butir"),
    "how_to_join": hostile("cara ikut uji", "* bintang"),
    "target_group": hostile("sasaran uji", "> kutip"),
    "title": hostile("jabatan uji", "+ plus"),
    "remarks": hostile("sambutan uji", "[x](javascript:alert(1))"),
    "purpose": hostile("tujuan uji", "    empat spasi"),
}


def write_hostile_content(content: Path) -> None:
    """The example content with every field above made hostile (JSON is YAML)."""
    programs = content / "programs" / "bangun-ntt.yml"
    program = yaml.safe_load(programs.read_text(encoding="utf-8"))
    program.update(name=FIELDS["program"], summary=FIELDS["summary"], benefits=[FIELDS["benefit"], "Jaminan Kematian (JKM)"],
                   how_to_join=FIELDS["how_to_join"], target_group=FIELDS["target_group"])
    programs.write_text(json.dumps(program, ensure_ascii=False), encoding="utf-8")
    people = content / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "title: Kepala BPJS Ketenagakerjaan Provinsi NTT", "title: " + json.dumps(FIELDS["title"])), encoding="utf-8")
    orgs = content / "organizations.yml"
    orgs.write_text(orgs.read_text().replace(
        "name: Pemerintah Provinsi Nusa Tenggara Timur", "name: " + json.dumps(FIELDS["organization"])))
    event = {
        "program": "bangun-ntt",
        "date": "2025-09-03",
        "time": "09.00",
        "venue": FIELDS["venue"],
        "organizers": ["pemprov-ntt", "pemkot-kupang"],
        "activity": FIELDS["activity"],
        "purpose": "    " + FIELDS["purpose"],  # indented as a code block would be
        "recipients": {
            "group": FIELDS["group"],
            "publish_names": True,
            "by_kecamatan": {"Alak": [FIELDS["name"], "Onanda Laurina Koby"], "Oebobo": ["Susilowati"]},
        },
        "payments": [{"kind": FIELDS["payment"], "recipients": ["Duli"], "publish_names": True, "amount": "1.000.000"}],
        "speakers": [{"person": "wawan-burhanuddin", "remarks": FIELDS["remarks"], "quotes": [FIELDS["quote"]]}],
        "corrections": [{"date": "2025-09-04", "note": FIELDS["correction"]}],
        "tags": [FIELDS["tag"]],
    }
    (content / EVENT).write_text(json.dumps(event, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("injeksi")
    root = project_copy(base)
    write_hostile_content(root / "content")
    run = build(root, base / "site")
    # The build ran the output privacy lint (plugin._leaks): passing means
    # the consenting recipient's name appeared only where it may.
    assert run.returncode == 0, run.stderr
    return base / "site"


def test_hostile_content_is_valid_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    write_hostile_content(content)
    event = records.load_content(content).events[0]
    assert event.venue.name == FIELDS["venue"] and event.tags == (FIELDS["tag"],)


BLOCKS = ("li", "blockquote", "pre", "code", "dd")


class Page(HTMLParser):
    """What a browser would make of a page: its text, elements, links and comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []  # visible text, outside <script> and <style>
        self.title = ""
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.headings: list[str] = []
        self.blocks: list[tuple[str, str]] = []  # (tag, its text) of list items, quotes, code
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._blocks: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._open.append(tag)
            if tag == "script":
                self.scripts.append((dict(attrs), ""))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        if tag in BLOCKS:
            self._blocks.append((tag, len(self.text)))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS and self._blocks and self._blocks[-1][0] == tag:
            start = self._blocks.pop()[1]
            self.blocks.append((tag, " ".join("".join(self.text[start:]).split())))
        if self._open and self._open[-1] == tag:
            self._open.pop()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else None
        if where == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif where == "title":
            self.title += data
        elif where != "style":
            self.text.append(data)
            if self._heading is not None:
                self._heading.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    @property
    def visible(self) -> str:
        return same_marks(" ".join("".join(self.text).split()))


# A quote is printed inside curly marks, with its inner straight marks made
# single curly ones (records._balanced): the same text, typeset.
_MARKS = str.maketrans({c: '"' for c in "\u201c\u201d\u2018\u2019"})


def same_marks(text: str) -> str:
    return text.translate(_MARKS)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith("assets/")}


ARTICLE = "berita/2025-09-03-bangun-ntt-kupang/index.html"


def test_no_page_gets_markup_from_a_record(pages: dict[str, Page]) -> None:
    assert len(pages) > 20
    for path, page in pages.items():
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()), (path, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path
        assert not any("alert" in text or "HYPERLINK" in text for attrs, text in page.scripts if attrs.get("type") != "application/ld+json"), path
        assert not any("komentar" in c for c in page.comments), path
        assert not any(h.startswith(("Judul palsu", "a | b")) for h in page.headings), (path, page.headings)
        assert "49" not in page.visible.replace("1.000.000", ""), path  # {{ 7*7 }} never evaluated


def test_no_record_text_starts_a_list_quote_or_code_block(pages: dict[str, Page]) -> None:
    for path, page in pages.items():
        for tag, text in page.blocks:
            assert not text.startswith(BLOCK_REMAINS), (path, tag, text[:80])
    benefits = pages["program/bangun-ntt/index.html"].blocks
    assert ("li", same_marks(FIELDS["benefit"])) in [(t, same_marks(x)) for t, x in benefits]


@pytest.mark.parametrize("fmt", ["text", "whatsapp"])
def test_plain_formats_print_block_starts_without_backslashes(tmp_path: Path, fmt: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    write_hostile_content(content)
    text = writer_for().render(facts_of(records.load_content(content)), fmt)
    assert "\\" not in text
    for field in ("correction", "how_to_join", "remarks"):
        assert same_marks(FIELDS[field]) in same_marks(text), field


def test_every_field_reaches_some_page_as_literal_text(pages: dict[str, Page]) -> None:
    for field, value in FIELDS.items():
        shown_on = [path for path, page in pages.items() if same_marks(value) in page.visible]
        assert shown_on, f"{field}: {value!r} appears literally on no page"
    article = pages[ARTICLE]
    for field in ("name", "quote", "venue", "activity", "program", "organization", "correction", "payment"):
        assert same_marks(FIELDS[field]) in article.visible, field
    assert FIELDS["tag"] in pages["berita/topik/index.html"].visible
    assert FIELDS["name"] in article.visible  # consented: named in the article


def test_the_article_has_one_heading_and_no_table(site: Path) -> None:
    html = (site / ARTICLE).read_text(encoding="utf-8")
    # The article's own text: from its headline to the "Fakta" box the site adds under it.
    body = html[html.index('<h1'):html.index('<p><strong>Fakta dalam berita ini</strong></p>')]
    page = Page()
    page.feed(body)
    assert [tag for tag, _ in page.tags if tag in ("h1", "h2", "h3", "table", "ol", "ul", "blockquote", "hr", "script", "img", "pre", "code")] == ["h1"]
    assert len(page.headings) == 1 and "<script>alert(1)</script>" in page.headings[0].casefold()


def headline(pages: dict[str, Page]) -> str:
    """The article's headline as a reader sees it (headline case, so not the
    records' spelling: "+Cmd ... <Script>")."""
    return pages[ARTICLE].headings[0]


def test_titles_and_sharing_metadata_hold_the_literal_text(pages: dict[str, Page]) -> None:
    for path, page in pages.items():
        meta = {(attrs.get("property") or attrs.get("name")): attrs.get("content") for tag, attrs in page.tags if tag == "meta"}
        heading = page.headings[0] if page.headings else ""
        if FIELDS["program"] in heading or heading == headline(pages):
            # A page named after a record: its title, shared title and tab title are that text.
            assert same_marks(meta["og:title"]) == same_marks(meta["twitter:title"]) == heading, path
            assert page.title.startswith(heading + " - "), path
    meta = {(attrs.get("property") or attrs.get("name")): attrs.get("content") for tag, attrs in pages[ARTICLE].tags if tag == "meta"}
    # The description is a sentence: the organiser's short form, the verb, the activity as written.
    assert meta["description"].startswith("Pemprov NTT menyerahkan " + FIELDS["activity"][:40])
    assert meta["description"] == meta["og:description"] == meta["twitter:description"]
    assert sum(FIELDS["program"] in (p.headings[0] if p.headings else "") for p in pages.values()) >= 2


def test_json_ld_parses_and_holds_the_literal_strings(site: Path, pages: dict[str, Page]) -> None:
    raw = (site / ARTICLE).read_text(encoding="utf-8")
    (ld_text,) = [text for attrs, text in pages[ARTICLE].scripts if attrs.get("type") == "application/ld+json"]
    ld = json.loads(ld_text)
    assert ld["headline"] == headline(pages)
    assert ld["description"].startswith("Pemprov NTT menyerahkan " + FIELDS["activity"][:40])
    assert "</script>" in ld["description"] and "&amp;" in ld["description"] and '{: onclick="alert(1)" }' in ld["description"]
    # The raw HTML holds exactly one "</script>" per script element: the one
    # inside the JSON is escaped, so it cannot end the element early.
    assert raw.count("</script>") == len(pages[ARTICLE].scripts)


def test_feeds_parse_and_hold_the_literal_strings(site: Path, pages: dict[str, Page]) -> None:
    for name in ("rss.xml", "atom.xml"):
        tree = ElementTree.parse(site / "berita" / name)
        texts = [" ".join("".join(el.itertext()).split()) for el in tree.iter()]
        assert headline(pages) in texts, name
        assert any(t.startswith("Pemprov NTT menyerahkan " + FIELDS["activity"][:40]) for t in texts), name


def test_downloads_neutralise_formulas_and_keep_the_text(site: Path) -> None:
    tables = {}
    for path in sorted((site / "data").glob("*.csv")):
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        tables[path.stem] = rows
        for row in rows:
            for column, cell in row.items():
                assert not cell.startswith(("=", "+", "-", "@")), (path.name, column, cell)
    (kegiatan,) = tables["kegiatan"]
    assert kegiatan["tempat"] == "'" + FIELDS["venue"]
    assert kegiatan["nama_program"] == "'" + FIELDS["program"]
    assert kegiatan["kelompok_penerima"] == "'" + FIELDS["group"]
    (payment,) = tables["pembayaran"]
    assert payment["jenis"] == "'" + FIELDS["payment"]
    json_rows = json.loads((site / "data" / "kegiatan.json").read_text(encoding="utf-8"))
    assert json_rows[0]["tempat"] == kegiatan["tempat"]
    json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_search_index_holds_the_markup_as_text(site: Path) -> None:
    text = json.dumps(search_records(site), ensure_ascii=False)
    # Markup typed into a record reaches the index as the text a reader saw.
    assert "Judul palsu" in text and "HYPERLINK" in text and "<script>alert(1)</script>" in text


def test_a_tilde_shows_as_a_tilde() -> None:
    import markdown

    from generator.compose.templating import escape_markdown

    # `\~` is no escape to Python-Markdown: the reader saw the backslash.
    html = markdown.markdown(escape_markdown("Rp600.000 ~ Rp700.000"), extensions=["tables", "attr_list", "md_in_html"])
    assert "\\" not in html and "&#126;" in html
