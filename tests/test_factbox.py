""""Fakta dalam berita ini": every figure the text states has a line, every line's figure is in the text, and the rows behind a counted line sum to it."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator import records
from generator.core import bahasa

from .conftest import CONTENT, SLEMAN, composed, facts_of, writer_for

WORDS = {bahasa.number(n): n for n in (*range(12), 100, 1000)} | {"seorang": 1}
FIGURE = re.compile(r"Rp[\d.,]+(?: (?:juta|miliar|triliun))?|\d[\d.,]*\d|\d|\b(?:" + "|".join(WORDS) + r")\b")
# Dates, clock times, years and verbatim quotes are not figures of the record's counts.
NOT_FIGURES = re.compile(r"“[^”]*”|\(\d+/\d+/\d{4}\)|pukul \d\d\.\d\d|tahun anggaran \d{4}|pada \d{4}")


def _record_strings(facts) -> list[str]:
    """Every text the record gives, which the article copies: its digits are the writer's, not Warta's figures."""
    f = facts
    out = [f.venue, f.activity, f.purpose or "", f.program.name, f.program.summary, *f.program.benefits,
           f.program.how_to_join or "", f.source or "", f.region, f.group or "",
           *(o.name for o in f.organizers), *(k.name for k in f.kecamatan),
           *(n for k in f.kecamatan for n in k.names.names), *(m.kelurahan or "" for k in f.kecamatan for m in k.members),
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


def _value(token: str) -> object:
    """A count by its value ("10" and "sepuluh" are one figure); amounts and quantities as written."""
    if token in WORDS:
        return WORDS[token]
    return int(token.replace(".", "")) if re.fullmatch(r"\d{1,3}(?:\.\d{3})*", token) else token


def _forms(line) -> set[str]:
    if line.what in ("nominal", "total", "anggaran", "anggaran_program"):
        return {bahasa.rupiah_prose(line.value)}
    if line.what in ("barang", "barang_penerima"):
        return {bahasa.quantity(line.value)}
    return {bahasa.number(line.value), bahasa.digits(line.value)} | ({"seorang"} if line.value == 1 else set())


def _events() -> list[tuple[records.Content, records.Event]]:
    out = []
    for root in (CONTENT, SLEMAN):
        content = records.load_content(root)
        out += [(content, e) for e in content.events]
    return out


@pytest.mark.parametrize(("content", "event"), _events(), ids=lambda x: getattr(x, "slug", ""))
def test_every_figure_stated_has_a_line_and_every_line_is_stated(content, event) -> None:
    facts = facts_of(content, event)
    text = writer_for().render(facts, "text")
    body, _, box = text.partition("\n\nFakta dalam berita ini\n\n")
    box = box.split("\n\n")[0]
    lines = box.splitlines()
    for s in _record_strings(facts):
        body = re.sub(re.escape(s), " ", body, flags=re.IGNORECASE)
    body = NOT_FIGURES.sub(" ", body)
    stated = FIGURE.findall(body)
    # Each figure in the text is the figure of a line of the box.
    printed = {form for f in facts.figures for form in _forms(f)
               if any(bahasa.capitalize_first(form) in line or form in line for line in lines)}
    values = {_value(form) for form in printed}
    for token in stated:
        assert _value(token) in values, (token, lines)
    # And each line's figure is in the text (for a payment the text names, its names are).
    spoken = {_value(t) for t in stated}
    for line in lines:
        phrase = line.removeprefix("- ").split(": ")[0]
        figure = FIGURE.findall(phrase[0].lower() + phrase[1:])[-1 if phrase.startswith("Anggaran") else 0]
        named = any(p.names.names for p in facts.payments) and "penerima" in phrase and not FIGURE.search(body)
        assert _value(figure) in spoken or named or any(p.names.names and len(p.names.names) == WORDS.get(figure)
                                                                  for p in facts.payments), (line, stated)

def test_counted_lines_link_to_rows_that_sum_to_them() -> None:
    content = records.load_content(CONTENT)
    _, built = composed(content)
    article = built["berita/2025-09-03-bangun-ntt-kupang.md"]
    box = article[article.index("**Fakta dalam berita ini**"):].split("\n\n")[1]
    assert "- Sepuluh pekerja rentan: dihitung dari catatan kegiatan ([lihat baris data](#data-penerima-per-kecamatan))" in box
    assert "- Enam kecamatan: dihitung dari catatan kegiatan ([lihat baris data](#data-penerima-per-kecamatan))" in box
    assert "- Dua penerima santunan duka: dihitung dari catatan kegiatan ([lihat baris data](#data-pembayaran))" in box
    for anchor in re.findall(r"\(#([\w-]+)\)", box):
        assert f'<details class="warta-baris" id="{anchor}">' in article
    rows = list(csv.DictReader(io.StringIO(built["data/kegiatan/2025-09-03-bangun-ntt-kupang.csv"])))
    per_kecamatan = [r for r in rows if r["tabel"] == "penerima-per-kecamatan" and r["kolom"] == "jumlah_penerima"]
    assert sum(int(r["nilai"]) for r in per_kecamatan) == 10 and len(per_kecamatan) == 6
    paid = [r for r in rows if r["tabel"] == "pembayaran" and r["kolom"] == "jumlah_penerima"]
    assert [int(r["nilai"]) for r in paid] == [2]
    # The file's rows are the site-wide rows of this event: nothing more, nothing less.
    site = list(csv.DictReader(io.StringIO(built["data/penerima-per-kecamatan.csv"])))
    assert sum(int(r["jumlah_penerima"]) for r in site if r["kegiatan"] == "2025-09-03-bangun-ntt-kupang") == 10
