"""How each kind of event reads (docs/stories.md): shapes of headlines and leads,
payments, units and region words, and properties over generated v2 events."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import records
from generator.core import bahasa, wilayah

from .conftest import CONTENT, EVENT, ROOT, facts_of, writer_for

WRITER = writer_for()
SLEMAN = ROOT / "examples" / "sleman" / "content"
LEAD_WORDS = 40
VERBS = {"penyerahan": "menyerahkan", "penyaluran": "menyalurkan", "bantuan-tunai": "menyalurkan", "pelatihan": "menutup",
         "peluncuran": "meluncurkan", "sosialisasi": "menggelar sosialisasi", "rapat": "menggelar rapat", "kunjungan": "meninjau"}


def text_of(content: records.Content, event: records.Event | None = None) -> str:
    return WRITER.render(facts_of(content, event), "text")


def lead_of(text: str) -> str:
    """The lead sentence, without the dateline."""
    return text.split("\n\n")[1].split(" – ", 1)[1]


def with_event(root: Path, yaml_text: str, *, site: dict[str, str] | None = None) -> records.Content:
    """The example content with its event replaced by `yaml_text` (and site.yml edits)."""
    target = root / "content"
    shutil.copytree(CONTENT, target)
    (target / EVENT).write_text(yaml_text, encoding="utf-8")
    for old, new in (site or {}).items():
        path = target / "site.yml"
        path.write_text(path.read_text().replace(old, new), encoding="utf-8")
    return records.load_content(target)


# --------------------------------------------------------------------------
# Every golden kind: the shape stories.md asks for.


@pytest.fixture(scope="module")
def sleman() -> records.Content:
    return records.load_content(SLEMAN)


@pytest.mark.parametrize("slug", sorted(p.stem for p in (SLEMAN / "events").glob("*.yml")))
def test_headline_keeps_the_verb_and_the_place_and_the_lead_is_short(sleman, slug: str) -> None:
    event = sleman.event(slug)
    facts = facts_of(sleman, event)
    headline, text = WRITER.headline(facts), text_of(sleman, event)
    assert len(headline) <= 100 and headline == bahasa.headline_case(headline)  # id-style 1.2: about 100 at most
    assert re.search(r" di (Kabupaten Sleman|Sleman|Kapanewon \w+)$", headline), headline
    lead = lead_of(text)
    assert len(lead.split()) <= LEAD_WORDS, lead
    assert VERBS[event.what] in lead
    assert lead.startswith("Pemerintah Kabupaten Sleman (Pemkab Sleman)")
    assert lead.endswith(f"{bahasa.news_date(event.date)}.")
    description = WRITER.description(facts)
    assert len(description) <= 160 and description.endswith(".") and "…" not in description


def test_a_training_says_how_many_passed_without_saying_who_failed(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-15-pelatihan-barista-depok"))
    assert "menyerahkan sertifikat kepada tiga peserta yang lulus" in text
    assert "Sertifikat diterima tiga dari empat peserta." in text
    assert "selama sepuluh hari (80 jam)" in text and "LSP Pariwisata Nusantara" in text
    assert "lulus" not in text.split("Sertifikat diterima")[1].split("\n")[0].replace("empat peserta.", "")
    assert "Rina Wulandari, peserta pelatihan barista, mengaku" in text  # a resident: role after the name


def test_a_cash_transfer_cites_its_source_and_its_representatives(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-10-blt-dana-desa-mlati"))
    assert "kepada 1.200 keluarga penerima manfaat dari dua kapanewon" in text
    assert "masing-masing Rp900.000 untuk Oktober–Desember 2025" in text
    assert "Menurut SK Bupati Sleman Nomor 45/Kep.KDH/A/2025, penerima tersebar di Kapanewon Mlati (840 keluarga) dan Depok (360)." in text
    assert "Secara simbolis, bantuan disalurkan kepada Sukirah dan Paijo." in text
    assert "seluruhnya Rp1,08 miliar" in text
    body = text.split("\n\nFakta dalam berita ini")[0]  # the box below restates each figure by design
    assert body.count("Rp900.000") == 1  # the lead says it once; the payment paragraph does not repeat it


def test_goods_go_to_institutions_with_their_kelurahan_and_add_up(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-08-pangan-posyandu-godean"))
    assert "kepada tiga posyandu di dua kapanewon Kabupaten Sleman" in text
    assert "Posyandu Melati (Kalurahan Sidorejo) dan Posyandu Mawar (Kalurahan Sidoluhur) di Kapanewon Godean" in text
    assert "berupa 2,5 ton beras dan 50 kilogram telur" in text
    assert "orang" not in text.split("Bantuan disalurkan")[1].split("\n")[0]  # posyandu are never "orang"


def test_events_without_recipients_count_participants_with_their_source(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-20-peluncuran-sleman-sehat"))
    assert "Sebanyak 650 peserta hadir, antara lain kader posyandu lansia, tenaga kesehatan, dan panewu, menurut daftar hadir panitia." in text
    assert "penerima" not in lead_of(text)


def test_a_correction_says_what_was_written_and_what_is_right(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-22-sosialisasi-jamkesda-turi"))
    assert "Sebelumnya tertulis “Balai Kalurahan Girikerto”; yang benar “Balai Kalurahan Donokerto”." in text


def test_the_programme_gives_context_and_the_closing_paragraph(sleman) -> None:
    text = text_of(sleman, sleman.event("2025-10-06-kartu-jamkesda-gamping"))
    assert "Program ini dibiayai APBD Kabupaten Sleman tahun anggaran 2025 sebesar Rp12,5 miliar." in text
    assert "Sasarannya 5.000 warga pada 2026, sesuai RPJMD Kabupaten Sleman 2021–2026." in text
    body = text.split("\n\nFakta dalam berita ini")[0]
    assert body.rstrip().split("\n\n")[-1] == "Warga dapat mendaftar di kantor kalurahan dengan membawa KTP dan kartu keluarga."
    assert "“Tidak ada lagi warga yang pulang dari puskesmas karena tidak punya kartu,” tutur Bambang. “Kami minta" in text


# --------------------------------------------------------------------------
# Payments, units, region words: table tests.

BASE = """program: bangun-ntt
date: 2025-09-03
venue: Aula Kantor Camat Alak
organizers: [pemkot-kupang]
activity: penyerahan bantuan
recipients:
  group: nelayan
  kind: {kind}
  publish_names: {consent}
  by_kecamatan:
    Alak: [Ina Ledo, Yosef Tefa]
    Oebobo: [Maria Bunga]
"""


@pytest.mark.parametrize(("payment", "expected", "never"), [
    ("{kind: santunan duka, recipients: [Duli], publish_names: true, amount: 42000000}",
     "diserahkan pula santunan duka kepada Duli sebesar Rp42 juta.", "masing-masing"),
    ("{kind: santunan duka, recipients: [Duli, Moses Kadji], publish_names: true, amount: 42000000}",
     "kepada Duli dan Moses Kadji, masing-masing sebesar Rp42 juta atau seluruhnya Rp84 juta.", "seorang"),
    ("{kind: santunan duka, recipients: [Duli], amount: 42000000}",
     "diserahkan pula santunan duka kepada seorang penerima sebesar Rp42 juta.", "Duli"),
    ("{kind: santunan duka, recipients: [A Satu, B Dua, C Tiga, D Empat, E Lima]}",
     "diserahkan pula santunan duka kepada lima penerima.", "A Satu"),
    ("{kind: santunan jaminan kematian, heirs: true, recipients: [Duli, Moses Kadji], publish_names: true}",
     "santunan jaminan kematian kepada ahli waris mendiang Duli dan mendiang Moses Kadji.", "masing-masing"),
    ("{kind: santunan jaminan kematian, heirs: true, recipients: [Duli]}",
     "santunan jaminan kematian kepada ahli waris seorang peserta.", "Duli"),
    ("{kind: bantuan usaha, to: recipients, amount: 600000, period: Oktober 2025, channel: melalui rekening Bank NTT}",
     "Setiap penerima mendapat Rp600.000 untuk Oktober 2025 melalui rekening Bank NTT, seluruhnya Rp1,8 juta.", "pula"),
])
def test_payments_read_right_for_their_count_heirs_and_kind(tmp_path: Path, payment: str, expected: str, never: str) -> None:
    content = with_event(tmp_path, BASE.format(kind="orang", consent="false") + f"payments:\n  - {payment}\n")
    text = text_of(content)
    assert expected in text
    assert never not in text.split("\n\n", 2)[2]


@pytest.mark.parametrize(("kind", "consent", "expected"), [
    ("orang", "false", "Para penerima berasal dari Kecamatan Alak (2 orang) dan Oebobo (1)."),
    ("keluarga", "false", "Para penerima berasal dari Kecamatan Alak (2 keluarga) dan Oebobo (1)."),
    ("orang", "true", "Bantuan diserahkan kepada Ina Ledo dan Yosef Tefa dari Kecamatan Alak serta Maria Bunga dari Kecamatan Oebobo."),
    # Institutions and groups are named whatever publish_names says, and sit "di" a place.
    ("lembaga", "false", "Bantuan diserahkan kepada Ina Ledo dan Yosef Tefa di Kecamatan Alak serta Maria Bunga di Kecamatan Oebobo."),
    ("kelompok", "false", "Bantuan diserahkan kepada Ina Ledo dan Yosef Tefa di Kecamatan Alak serta Maria Bunga di Kecamatan Oebobo."),
])
def test_recipients_are_phrased_by_their_unit(tmp_path: Path, kind: str, consent: str, expected: str) -> None:
    text = text_of(with_event(tmp_path, BASE.format(kind=kind, consent=consent)))
    assert expected in text


def test_past_ten_names_the_body_counts_and_the_names_follow_it(tmp_path: Path) -> None:
    names = ", ".join(f"Warga {c}{c}" for c in "ABCDEFGHIJKL")
    event = BASE.format(kind="orang", consent="true").replace("Alak: [Ina Ledo, Yosef Tefa]", f"Alak: [{names}]")
    text = text_of(with_event(tmp_path, event))
    assert "Para penerima berasal dari Kecamatan Alak (12 orang) dan Oebobo (1)." in text
    assert "- Kecamatan Alak: Warga AA, Warga BB" in text
    for c in "ABCDEFGHIJKL":
        assert text.count(f"Warga {c}{c}") == 1


REGIONS = [
    # (region code, two kecamatan, the word for them, a desa word)
    ("91.71", "Jayapura Utara", "Abepura", "distrik"),
    ("34.04", "Gamping", "Godean", "kapanewon"),
    ("34.71", "Mantrijeron", "Kraton", "kemantren"),
    ("33.74", "Semarang Tengah", "Semarang Utara", "kecamatan"),
]


@pytest.mark.parametrize(("code", "first", "second", "word"), REGIONS)
def test_region_words_follow_the_province(tmp_path: Path, code: str, first: str, second: str, word: str) -> None:
    region = wilayah.region(code)
    assert region is not None and region.find_kecamatan(first) and region.find_kecamatan(second)
    event = BASE.format(kind="orang", consent="false").replace("Alak:", f"{first}:").replace("Oebobo:", f"{second}:")
    content = with_event(tmp_path, event, site={'region: "53.71"': f'region: "{code}"'})
    text = text_of(content)
    assert f"dari dua {word}" in text
    assert f"berasal dari {word.capitalize()} {first} (2 orang)" in text
    if word != "kecamatan":
        assert "kecamatan" not in text.casefold().replace("kecamatan word", "")


# --------------------------------------------------------------------------
# Properties over generated v2 events.

NAME = st.text(string.ascii_lowercase, min_size=3, max_size=7).map(lambda s: "Qz" + s)
# An activity for each kind, and the verb its lead must use.
ACTIVITIES = {
    "penyerahan": ("penyerahan bantuan modal usaha", "menyerahkan"), "penyaluran": ("penyaluran bantuan pangan", "menyalurkan"),
    "bantuan-tunai": ("penyaluran bantuan langsung tunai", "menyalurkan"), "pelatihan": ("penutupan pelatihan menjahit", "menutup"),
    "peluncuran": ("peluncuran program", "meluncurkan"), "sosialisasi": ("sosialisasi program", "menggelar sosialisasi"),
    "rapat": ("rapat koordinasi", "menggelar rapat"), "kunjungan": ("kunjungan kerja ke pasar", "melakukan kunjungan"),
}
KUPANG = ["Alak", "Maulafa", "Kelapa Lima", "Oebobo", "Kota Raja", "Kota Lama"]


@st.composite
def v2_events(draw) -> tuple[str, dict]:
    kind = draw(st.sampled_from(list(VERBS)))
    event: dict = {"program": "bangun-ntt", "kind": kind, "date": "2025-09-03", "venue": "Aula Balai Kota",
                   "organizers": ["pemkot-kupang", "bank-ntt"][: draw(st.integers(1, 2))],
                   "activity": ACTIVITIES[kind][0]}
    facts: dict = {"kind": kind}
    if kind in ("penyerahan", "penyaluran", "bantuan-tunai", "pelatihan"):
        places = draw(st.lists(st.sampled_from(KUPANG), min_size=1, max_size=4, unique=True))
        declared = kind == "bantuan-tunai"
        recipients: dict = {"group": "nelayan", "kind": draw(st.sampled_from(["orang", "keluarga", "lembaga"])),
                            "publish_names": draw(st.booleans())}
        by: dict = {}
        used: set[str] = set()
        for place in places:
            names = [n for n in draw(st.lists(NAME, min_size=1, max_size=4, unique=True)) if n not in used]
            names = names or [f"Qzcadangan{len(used)}"]
            used |= set(names)
            by[place] = {"count": len(names) * 100, "names": names[:2]} if declared else names
        if declared:
            recipients["source"] = "SK Wali Kota Kupang Nomor 1/2025"
        recipients["by_kecamatan"] = by
        event["recipients"] = recipients
        facts["names"] = [n for v in by.values() for n in (v["names"] if declared else v)]
        facts["count"] = sum(v["count"] for v in by.values()) if declared else len(facts["names"])
    else:
        count = draw(st.integers(1, 900))
        event["participants"] = {"count": count, "who": ["kader"], "source": "daftar hadir"}
        facts["participants"] = count
    return yaml.safe_dump(event, allow_unicode=True, sort_keys=False), facts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=v2_events())
def test_generated_v2_events_keep_their_promises(tmp_path_factory: pytest.TempPathFactory, case) -> None:
    text_yaml, expected = case
    content = with_event(tmp_path_factory.mktemp("v2"), text_yaml)
    event = content.events[0]
    facts = facts_of(content)
    headline, text = WRITER.headline(facts), text_of(content)
    lead = lead_of(text)
    assert len(lead.split()) <= LEAD_WORDS, lead
    assert re.search(r" di \S", headline), headline  # the place is never dropped
    assert ACTIVITIES[expected["kind"]][1] in lead
    if "count" in expected:
        assert facts.recipient_count == expected["count"]
        # Every number the lead states is the record's.
        spoken = {bahasa.number(expected["count"]), bahasa.digits(expected["count"])}
        assert any(f" {s} nelayan" in lead for s in spoken) or (expected["count"] == 1 and "Qz" in lead), lead
        named = event.recipients.publish_names or event.recipients.kind == "lembaga"
        for name in expected["names"]:
            assert text.count(name) == (1 if named else 0), name
    else:
        assert f"{bahasa.digits(expected['participants']) if expected['participants'] > 11 else bahasa.number(expected['participants']).capitalize()} peserta hadir" in text


def test_kecamatan_pages_count_goods_institutions_and_households_apart(sleman) -> None:
    from .conftest import composed

    _, built = composed(sleman)
    # A figure links to the rows it sums ([2](#data-...)); read as its number.
    godean, gamping, mlati = (re.sub(r"\[([^\]]+)\]\(#[^)]+\)", r"\1", built[f"kecamatan/{k}.md"]) for k in ("godean", "gamping", "mlati"))
    assert "| Barang: beras | 1 ton |" in godean and "| Barang: telur | 50 kilogram |" in godean
    assert "| Barang: beras | 1,5 ton |" in gamping
    assert "| Lembaga penerima | 2 |" in godean and "| Penerima | 2 |" in godean
    assert "| Keluarga penerima | 840 |" in mlati and "| Di antaranya menurut dokumen resmi | 840 |" in mlati
    assert "840 keluarga (menurut SK Bupati Sleman Nomor 45/Kep.KDH/A/2025)" in mlati
