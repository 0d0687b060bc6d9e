""""Fakta dalam berita ini": every figure the text states has a line, every line's figure is in the text, and the rows behind a counted line sum to it."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from generator import records
from generator.core import bahasa, privacy, wilayah

from .conftest import CONTENT, ROOT, SLEMAN, build, composed, facts_of, rows_tables, writer_for
from .test_fuzz import budget, names
from .test_opendata import NOT_CONSENTING, rich_content

WORDS = {bahasa.number(n): n for n in (*range(12), 100, 1000)} | {"seorang": 1}
SCALES = {"juta": 10**6, "miliar": 10**9, "triliun": 10**12}
FIGURE = re.compile(r"Rp\d(?:[\d.,]*\d)?(?: (?:juta|miliar|triliun)\b)?|\d(?:[\d.,]*\d)?|(?i:\b(?:" + "|".join(WORDS) + r")\b)")
# Dates, clock times, years and verbatim quotes are not figures of the record's counts.
NOT_FIGURES = re.compile(r"“[^”]*”|\(\d+/\d+/\d{4}\)|pukul \d\d\.\d\d|tahun anggaran \d{4}|pada \d{4}")


def _record_strings(facts) -> list[str]:
    """Every text the record gives, which the article copies: its digits are the writer's, not Warta's figures."""
    f = facts
    out = [f.venue, f.activity, f.purpose or "", f.program.name, f.program.summary, *f.program.benefits,
           f.program.how_to_join or "", f.source or "", f.region, f.group or "",
           *(o.name for o in f.organizers), *(k.name for k in f.kecamatan),
           *(n for k in f.kecamatan for n in k.names.names), *(m.kelurahan or "" for k in f.kecamatan for m in k.members),
           *(n for p in f.payments for n in p.names.names),
           *(p.kind for p in f.payments), *(p.period or "" for p in f.payments), *(p.channel or "" for p in f.payments),
           *(s.title for s in f.speakers), *(s.remarks or "" for s in f.speakers), *(q.text for s in f.speakers for q in s.quotes),
           *(g.item for g in f.goods), *(g.unit for g in f.goods)]
    if f.program.target:
        out += [f.program.target.source, f.program.target.unit or ""]
    for budget in (f.budget, f.program.budget):
        if budget:
            out.append(budget.source)
    if f.participants:
        out += [f.participants.source, *f.participants.who]
    if f.training:
        out.append(f.training.certifier or "")
    return sorted((s for s in out if s), key=len, reverse=True)


def _value(token: str) -> Decimal:
    """What a figure as written is worth: "10", "sepuluh" and "Sepuluh" are one figure, "Rp1,5 juta" is 1500000."""
    if token.lower() in WORDS:
        return Decimal(WORDS[token.lower()])
    number, _, scale = token.removeprefix("Rp").partition(" ")
    return Decimal(number.replace(".", "").replace(",", ".")) * SCALES.get(scale, 1)


def assert_box_matches_text(facts, text: str) -> None:
    """Every figure the body of `text` (the plain-text article) states is the figure of a line of its box, and back.

    A payment to listed names states its count by naming them: that line's
    figure is the number of names.
    """
    # The body ends where the box, a correction or the hak jawab footer starts.
    body = re.split(r"\n\n(?:Fakta dalam berita ini\n|Ralat, |Hak jawab dan hak koreksi\.)", text)[0]
    box = text.partition("\n\nFakta dalam berita ini\n\n")[2]
    lines = [line.removeprefix("- ") for line in box.split("\n\n")[0].splitlines()]
    for s in _record_strings(facts):
        body = re.sub(re.escape(s), " ", body, flags=re.IGNORECASE)
    stated = {_value(t) for t in FIGURE.findall(NOT_FIGURES.sub(" ", body))}
    # A line is "<what it counts>: <where it comes from>"; its figure comes first
    # but for a programme's budget, which names the programme first.
    figures = {}
    for line in lines:
        what = line.split(": ")[0]
        found = FIGURE.findall(what)
        assert found, line
        figures[line] = _value(found[-1] if what.startswith("Anggaran Program") else found[0])
    assert stated <= set(figures.values()), (sorted(stated - set(figures.values())), lines)
    named = {(p.kind, len(p.names.names)) for p in facts.payments if p.names.names}
    for line, value in figures.items():
        by_names = any(line.startswith(f"{bahasa.capitalize_first(bahasa.number(n))} penerima {kind}:")
                       for kind, n in named if n == value)
        assert value in stated or by_names, (line, sorted(stated))


def _events() -> list[tuple[records.Content, records.Event]]:
    out = []
    for root in (CONTENT, SLEMAN):
        content = records.load_content(root)
        out += [(content, e) for e in content.events]
    return out


@pytest.mark.parametrize(("content", "event"), _events(), ids=lambda x: getattr(x, "slug", ""))
def test_every_figure_stated_has_a_line_and_every_line_is_stated(content, event) -> None:
    facts = facts_of(content, event)
    assert_box_matches_text(facts, writer_for().render(facts, "text"))


def test_counted_lines_link_to_rows_that_sum_to_them() -> None:
    content = records.load_content(CONTENT)
    _, built = composed(content)
    article = built["berita/2025-09-03-bangun-ntt-kupang.md"]
    box = article[article.index("**Fakta dalam berita ini**"):].split("\n\n")[1]
    assert "- Sepuluh pekerja rentan: dihitung dari catatan kegiatan ([lihat baris data](#data-penerima-per-kecamatan))" in box
    assert "- Enam kecamatan: dihitung dari catatan kegiatan ([lihat baris data](#data-penerima-per-kecamatan))" in box
    assert "- Dua penerima santunan duka: dihitung dari catatan kegiatan ([lihat baris data](#data-pembayaran))" in box
    for anchor in re.findall(r"\(#([\w-]+)\)", box):
        assert f'<details class="abstract warta-rincian" id="{anchor}">' in article
    rows = list(csv.DictReader(io.StringIO(built["data/kegiatan/2025-09-03-bangun-ntt-kupang.csv"])))
    per_kecamatan = [r for r in rows if r["tabel"] == "penerima-per-kecamatan" and r["kolom"] == "jumlah_penerima"]
    assert sum(int(r["nilai"]) for r in per_kecamatan) == 10 and len(per_kecamatan) == 6
    paid = [r for r in rows if r["tabel"] == "pembayaran" and r["kolom"] == "jumlah_penerima"]
    assert [int(r["nilai"]) for r in paid] == [2]
    # The file's rows are the site-wide rows of this event: nothing more, nothing less.
    site = list(csv.DictReader(io.StringIO(built["data/penerima-per-kecamatan.csv"])))
    assert sum(int(r["jumlah_penerima"]) for r in site if r["kegiatan"] == "2025-09-03-bangun-ntt-kupang") == 10


# --------------------------------------------------------------------------
# Generated events of every kind.

KINDS = ("penyerahan", "penyaluran", "bantuan-tunai", "pelatihan", "peluncuran", "sosialisasi", "rapat", "kunjungan")
WITH_RECIPIENTS = KINDS[:4]
ACTIVITY = {"penyerahan": "penyerahan bantuan sosial", "penyaluran": "penyaluran bantuan pangan",
            "bantuan-tunai": "penyaluran bantuan langsung tunai", "pelatihan": "penutupan pelatihan menjahit",
            "peluncuran": "peluncuran gerakan hidup sehat", "sosialisasi": "sosialisasi pendaftaran bantuan",
            "rapat": "rapat koordinasi bantuan sosial", "kunjungan": "peninjauan sarana air bersih"}
KECAMATAN = [k.name for k in wilayah.region("34.04").kecamatan]
counts = st.integers(1, 12) | st.integers(13, 5000)
amounts = st.integers(1, 400).map(lambda n: n * 50_000) | st.sampled_from([900_000, 1_250_000, 42_000_000, 2_500_000_000])
quantities = st.sampled_from(["0,5", "1,25", 2, 30, 1200, 1.5])


@st.composite
def any_event(draw: st.DrawFn) -> tuple[dict, dict]:
    """(programme, event) records: one of each kind, with counts stated or counted, payments, goods, budgets, targets."""
    kind = draw(st.sampled_from(KINDS))
    program: dict = {"name": "Peduli Warga", "summary": "Bantuan bagi warga rentan di setiap kapanewon."}
    if draw(st.booleans()):
        program["budget"] = {"amount": draw(amounts), "source": "APBD Kabupaten Sleman", "fiscal_year": 2025}
    if draw(st.booleans()):
        program["target"] = {"count": draw(counts), "source": "RPJMD Kabupaten Sleman",
                             **({"unit": "keluarga"} if draw(st.booleans()) else {}),
                             **({"year": 2026} if draw(st.booleans()) else {})}
    event: dict = {"program": "peduli-warga", "kind": kind, "date": "2025-10-06", "venue": "Balai Kalurahan Contoh",
                   "organizers": ["dinsos"], "activity": ACTIVITY[kind],
                   "speakers": [{"person": "kadinsos", "remarks": "meminta warga memanfaatkan bantuan dengan baik"}]}
    people = iter(draw(st.lists(names, min_size=16, max_size=16, unique_by=str.casefold)))
    recipient_count = 0
    if kind in WITH_RECIPIENTS:
        who = "orang" if kind == "pelatihan" else draw(st.sampled_from(["orang", "keluarga", "lembaga", "kelompok"]))
        declared = kind != "pelatihan" and draw(st.booleans())
        per_recipient_goods = kind in ("penyerahan", "penyaluran") and not declared and draw(st.booleans())
        by_kecamatan: dict = {}
        for place in draw(st.lists(st.sampled_from(KECAMATAN), min_size=1, max_size=4, unique=True)):
            if declared:
                n = draw(counts)
                on_stage = [next(people) for _ in range(draw(st.integers(0, min(n, 2))))]
                by_kecamatan[place] = {"count": n, **({"names": on_stage} if on_stage else {})}
                recipient_count += n
                continue
            entries: list = []
            for _ in range(draw(st.integers(1, 3))):
                entry: dict = {"name": next(people)}
                if kind == "pelatihan" and draw(st.booleans()):
                    entry["certified"] = False
                if per_recipient_goods:
                    entry["goods"] = [{"item": "beras", "quantity": draw(quantities), "unit": "ton"}]
                entries.append(entry if len(entry) > 1 else entry["name"])
            by_kecamatan[place] = entries
            recipient_count += len(entries)
        event["recipients"] = {"group": "warga rentan", "kind": who, "by_kecamatan": by_kecamatan,
                               **({"source": "SK Bupati Sleman tentang penerima bantuan"} if declared else {}),
                               **({"publish_names": draw(st.booleans())} if who in ("orang", "keluarga") else {})}
        if kind in ("penyerahan", "penyaluran") and not per_recipient_goods and draw(st.booleans()):
            event["goods"] = [{"item": item, "quantity": draw(quantities), "unit": "kilogram"}
                              for item in draw(st.lists(st.sampled_from(["beras", "telur", "gula"]), min_size=1, max_size=2, unique=True))]
    payments: list = []
    paid = 0
    if kind == "bantuan-tunai" or (kind == "penyerahan" and draw(st.booleans())):
        amount = draw(amounts)
        payments.append({"kind": "bantuan langsung tunai", "to": "recipients", "amount": amount,
                         **({"period": "triwulan keempat"} if draw(st.booleans()) else {}),
                         **({"channel": "melalui rekening Bank BPD DIY"} if draw(st.booleans()) else {})})
        paid = amount * recipient_count
    if kind == "penyerahan" and draw(st.booleans()):
        payees = [next(people) for _ in range(draw(st.integers(1, 3)))]
        payments.append({"kind": "santunan duka", "recipients": payees, "heirs": draw(st.booleans()),
                         "publish_names": draw(st.booleans()), **({"amount": draw(amounts)} if draw(st.booleans()) else {})})
    if payments:
        event["payments"] = payments
    if kind == "pelatihan":
        event["training"] = {key: value for key, value in (("days", draw(st.none() | st.integers(1, 30))),
                                                           ("hours", draw(st.none() | st.integers(1, 240))),
                                                           ("provider", draw(st.sampled_from([None, "blk"]))),
                                                           ("certifier", draw(st.sampled_from([None, "LSP Nusantara"]))))
                             if value is not None}
    if kind not in WITH_RECIPIENTS and draw(st.booleans()):
        event["participants"] = {"count": draw(counts), "source": "daftar hadir panitia",
                                 **({"who": ["kader posyandu", "tenaga kesehatan"]} if draw(st.booleans()) else {})}
    if draw(st.booleans()):
        # A budget equal to what was paid is not restated: the text names only its source.
        spent = paid if paid and draw(st.booleans()) else draw(amounts)
        event["budget"] = {"amount": spent, "source": "Dana Desa", "fiscal_year": 2025}
    return program, event


@pytest.fixture(scope="module")
def one_event_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Sleman example without its events: each generated event is the only one."""
    root = tmp_path_factory.mktemp("fakta") / "content"
    shutil.copytree(SLEMAN, root)
    for path in (root / "events").glob("*.yml"):
        path.unlink()
    return root


def _load(root: Path, program: dict, event: dict) -> records.Content:
    (root / "programs" / "peduli-warga.yml").write_text(yaml.safe_dump(program, allow_unicode=True), encoding="utf-8")
    (root / "events" / "2025-10-06-kegiatan.yml").write_text(yaml.safe_dump(event, allow_unicode=True), encoding="utf-8")
    return records.load_content(root)


# A failure is reported as found: shrinking a whole record takes minutes.
@settings(budget(local=60, ci=200), phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(drawn=any_event())
def test_generated_events_of_every_kind_state_each_figure_in_text_and_box(one_event_site: Path, drawn) -> None:
    content = _load(one_event_site, *drawn)
    facts = facts_of(content, content.events[0])
    for fmt in ("text", "whatsapp"):
        text = writer_for().render(facts, fmt)
        if fmt == "whatsapp":
            # WhatsApp marks bold with asterisks; the figures are the same.
            text = text.replace("*", "")
        assert_box_matches_text(facts, text)


# --------------------------------------------------------------------------
# The built examples: every link of every box leads somewhere, and to rows that add up.

@pytest.fixture(scope="module", params=["content", "examples/sleman"], ids=["kupang", "sleman"])
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An example built by `mkdocs build --strict`: the output privacy lint passed on every file."""
    site = tmp_path_factory.mktemp("situs")
    result = build(ROOT if request.param == "content" else ROOT / request.param, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


_CELL_NUMBER = re.compile(r"(?:Rp)?\d{1,3}(?:\.\d{3})*(?:,\d+)?")  # "3", "1.200", "0,5", "Rp900.000"; not "34.04.01"


def _number(text: str) -> Decimal | None:
    return _value(text) if _CELL_NUMBER.fullmatch(text) else None


def _sums(line: str, rows: list[dict[str, str]]) -> set[Decimal]:
    """What a line may count of `rows`: how many there are, or a column's sum, over the rows the line names.

    A line names rows by a text cell not every row shares ("... dari
    Kapanewon Gamping", "... penerima santunan duka"); naming none, it
    speaks of them all.
    """
    shared = set.intersection(*(set(r.values()) for r in rows))
    named = [r for r in rows if any(v and v not in shared and _number(v) is None and v in line for v in r.values())]
    chosen = named or rows
    columns = {c for r in chosen for c, v in r.items() if _number(v) is not None}
    return {Decimal(len(chosen))} | {sum(_number(r[c]) or 0 for r in chosen) for c in columns}


def test_every_box_link_leads_to_rows_that_sum_to_its_figure(built_site: Path) -> None:
    pages = sorted((built_site / "berita").glob("20*/index.html"))
    assert pages
    linked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text.index("<p><strong>Fakta dalam berita ini</strong></p>")
        box = text[head:text.index("</ul>", head)]
        tables = rows_tables(text)
        # The event's own files, linked under the box: they exist and hold the rows the page shows.
        downloads = re.findall(r'<a href="([^"]+/data/kegiatan/[^"]+)">', text[head:])
        assert len(downloads) == 2, page
        for href in downloads:
            assert (page.parent / href).resolve().is_file(), (page, href)
        rows = list(csv.DictReader((page.parent / downloads[0]).resolve().open(encoding="utf-8")))
        for anchor, shown in tables.items():
            table = anchor.removeprefix("data-")
            assert len({r["baris"] for r in rows if r["tabel"] == table}) == len(shown), (page, table)
        for line in re.findall(r"<li>(.*?)</li>", box, re.DOTALL):
            # A figure Warta counted always shows the rows it counted.
            assert "dihitung dari catatan kegiatan" not in line or 'href="#' in line, (page, line)
            for anchor in re.findall(r'href="#([^"]+)"', line):
                assert anchor in tables and f'id="{anchor}"' in text, (page, anchor)
                said = html.unescape(re.sub(r"<[^>]+>", "", line)).split(": ")[0]
                figure = FIGURE.findall(said[0].lower() + said[1:])[0]
                assert _value(figure) in _sums(said, tables[anchor]), (page, said, tables[anchor])
                linked += 1
    assert linked


# --------------------------------------------------------------------------
# Recipients who did not agree to be named.


@pytest.mark.parametrize("policy", ["hidden", "masked"])
def test_without_consent_the_box_and_the_event_files_name_no_one(content_dir: Path, policy: str) -> None:
    content = rich_content(content_dir, policy)
    _, built = composed(content)
    slug = "2025-10-01-santunan-alak"  # four recipients and one payee, none of whom agreed to be named
    event = content.event(slug)
    unnamed = [r.name for place in event.recipients.places for r in place.recipients]
    unnamed += [r.name for p in event.payments if not p.publish_names for r in p.recipients]
    assert sorted(unnamed) == sorted([*NOT_CONSENTING, "Maria Bunga"])
    article = built[f"berita/{slug}.md"]
    web_box = article[article.index("**Fakta dalam berita ini**"):article.index("**Hak jawab")]
    text = writer_for().render(facts_of(content, event), "text")
    text_box = text[text.index("Fakta dalam berita ini"):text.index("Hak jawab")]
    files = {path: body for path, body in built.items() if path.startswith(f"data/kegiatan/{slug}.")}
    assert len(files) == 2 and "- Empat @nelayan: dihitung dari catatan kegiatan" in web_box and "- Empat" in text_box
    published = [("box.md", web_box), ("box.txt", text_box), *files.items()]
    assert privacy.lint(published, unnamed) == ()
    for _, body in published:
        assert "***" not in body  # nor masked
