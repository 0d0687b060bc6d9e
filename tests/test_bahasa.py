"""Tests for generator.bahasa: newsroom cases from id-style.md, then sweeps of facts."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, time, timedelta
from decimal import Decimal

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core import bahasa
from generator.core.bahasa import (
    FILTERS,
    Mentions,
    capitalize_first,
    clock,
    day_name,
    digits,
    formal_date,
    headline_case,
    join_groups,
    join_list,
    long_date,
    month_year,
    name_with_short,
    news_date,
    number,
    percent,
    quote_sentence,
    rupiah,
    rupiah_prose,
    title_and_name,
    words,
)

EVENT = date(2025, 9, 3)  # Bangun NTT card handover in Kota Kupang


# --- dates and times -------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (EVENT, "Rabu"),
        (date(2025, 8, 3), "Minggu"),  # the wrong "Rabu (3/8/2025)" caption was a Sunday
        (date(2025, 9, 5), "Jumat"),  # KBBI: not Jum'at
        (date(2025, 9, 1), "Senin"),
        (date(2025, 9, 2), "Selasa"),
        (date(2025, 9, 4), "Kamis"),
        (date(2025, 9, 6), "Sabtu"),
        (date(1945, 8, 17), "Jumat"),
    ],
)
def test_day_name_cases(d: date, expected: str) -> None:
    assert day_name(d) == expected


def test_day_name_matches_weekday_for_every_date_1900_to_2100() -> None:
    kbbi = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    d, last, wrong = date(1900, 1, 1), date(2100, 12, 31), []
    while d <= last:
        if day_name(d) != kbbi[d.weekday()]:
            wrong.append(d)
        d += timedelta(days=1)
    assert wrong == []


@pytest.mark.parametrize(
    ("func", "d", "expected"),
    [
        (news_date, EVENT, "Rabu (3/9/2025)"),
        (news_date, date(2025, 12, 25), "Kamis (25/12/2025)"),  # day before month
        (formal_date, EVENT, "Rabu, 3 September 2025"),  # no zero-padded "03"
        (formal_date, date(2025, 2, 7), "Jumat, 7 Februari 2025"),
        (long_date, EVENT, "3 September 2025"),
        (long_date, date(2025, 11, 10), "10 November 2025"),  # not Nopember
        (long_date, date(2025, 8, 17), "17 Agustus 2025"),
    ],
)
def test_dates(func, d: date, expected: str) -> None:
    assert func(d) == expected


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [(2025, 9, "September 2025"), (2026, 1, "Januari 2026"), (1999, 12, "Desember 1999")],
)
def test_month_year_never_groups_the_year(year: int, month: int, expected: str) -> None:
    assert month_year(year, month) == expected


def test_month_year_rejects_month_13() -> None:
    with pytest.raises(ValueError):
        month_year(2025, 13)


@pytest.mark.parametrize(
    ("t", "zone", "expected"),
    [
        (time(9, 0), "WITA", "pukul 09.00 WITA"),
        (time(15, 30), "WIB", "pukul 15.30 WIB"),
        (time(7, 5), "WIT", "pukul 07.05 WIT"),
        (time(0, 0), "WITA", "pukul 00.00 WITA"),
    ],
)
def test_clock(t: time, zone: str, expected: str) -> None:
    assert clock(t, zone) == expected


@pytest.mark.parametrize("zone", ["Wita", "wib", "UTC", "WITA ", ""])
def test_clock_rejects_unknown_zone(zone: str) -> None:
    with pytest.raises(ValueError):
        clock(time(9, 0), zone)


# --- numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "nol"),
        (3, "tiga"),
        (6, "enam"),  # enam kecamatan
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "12"),  # 12 pekerja rentan: two words, so digits
        (20, "20"),
        (51, "51"),  # 51 kelurahan
        (100, "seratus"),
        (101, "101"),
        (250, "250"),
        (1000, "seribu"),
        (1001, "1.001"),
        (1250, "1.250"),
        (1_000_000, "1.000.000"),  # satu juta is two words
    ],
)
def test_number(n: int, expected: str) -> None:
    assert number(n) == expected


def test_number_rejects_negative() -> None:
    with pytest.raises(ValueError):
        number(-1)


def test_number_is_words_exactly_for_one_word_numbers() -> None:
    for n in range(20_000):
        spelled = words(n)
        assert number(n) == (spelled if " " not in spelled else digits(n)), n


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0"), (6, "6"), (12, "12"), (999, "999"), (1000, "1.000"), (12_500, "12.500"),
     (1_234_567, "1.234.567")],
)
def test_digits(n: int, expected: str) -> None:
    assert digits(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (51, "lima puluh satu"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_500_000, "satu juta lima ratus ribu"),
        (1_001_000, "satu juta seribu"),
        (2_001_000, "dua juta seribu"),
        (1_000_000_000, "satu miliar"),
        (1_001_000_000, "satu miliar satu juta"),
        (10**12, "satu triliun"),
        (10**12 + 1000, "satu triliun seribu"),
    ],
)
def test_words(n: int, expected: str) -> None:
    assert words(n) == expected


def test_words_rejects_negative() -> None:
    with pytest.raises(ValueError):
        words(-5)


_DIGIT_WORDS = dict(
    zip(
        "nol satu dua tiga empat lima enam tujuh delapan sembilan".split(),
        range(10),
        strict=True,
    )
)
_SCALE_WORDS = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def parse_words(text: str) -> int:
    """Read Indonesian number words back (an independent reader for the sweeps)."""
    tokens: list[str] = []
    for token in text.split():
        # The fused forms (sepuluh, sebelas, seratus, seribu) read as "satu" + unit.
        if token.startswith("se") and token != "sembilan":
            tokens += ["satu", token[2:]]
        else:
            tokens.append(token)
    total = group = digit = 0
    for token in tokens:
        if token in _DIGIT_WORDS:
            digit = _DIGIT_WORDS[token]
        elif token == "belas":
            group, digit = group + 10 + digit, 0
        elif token == "puluh":
            group, digit = group + 10 * digit, 0
        elif token == "ratus":
            group, digit = group + 100 * digit, 0
        else:
            total, group, digit = total + (group + digit) * _SCALE_WORDS[token], 0, 0
    return total + group + digit


def test_parse_words_is_itself_right() -> None:
    assert parse_words("dua juta seribu seratus lima puluh satu") == 2_001_151
    assert parse_words("sebelas ribu sembilan belas") == 11_019


# A lone one of a unit must fuse (seribu, seratus, sepuluh, sebelas); "satu ribu"
# is right only as the tail of a larger group (dua puluh satu ribu), "satu juta" always.
_UNFUSED_FORMS = ("satu ratus", "satu puluh", "satu belas", "\nsatu ribu", "juta satu ribu",
                  "miliar satu ribu", "triliun satu ribu")


def unfused(lines: str) -> bool:
    """Tell whether any line of spelled numbers misses a fused form."""
    text = "\n" + lines
    return any(form in text for form in _UNFUSED_FORMS)


def test_unfused_is_itself_right() -> None:
    assert unfused("satu juta satu ribu")
    assert unfused("satu ratus")
    assert unfused("dua\nsatu ribu")
    assert not unfused("dua puluh satu ribu")
    assert not unfused("seratus satu ribu lima ratus")


def test_words_sweep_0_to_1_200_000() -> None:
    spelled = [words(n) for n in range(1_200_001)]
    assert [(n, w) for n, w in enumerate(spelled) if parse_words(w) != n] == []
    # One pass over all lines is far cheaper than a search per number.
    assert not unfused("\n".join(spelled))
    assert [n for n, w in enumerate(spelled) if "nol" in w] == [0]


@given(st.integers(0, 10**15 - 1))
def test_words_round_trip_large(n: int) -> None:
    spelled = words(n)
    assert parse_words(spelled) == n
    assert not unfused(spelled)


# --- money and percent -----------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "Rp0"), (16_800, "Rp16.800"), (750_000, "Rp750.000"), (1_500_000, "Rp1.500.000"),
     (2_500_000, "Rp2.500.000")],
)
def test_rupiah(n: int, expected: str) -> None:
    assert rupiah(n) == expected


def test_rupiah_rejects_negative() -> None:
    with pytest.raises(ValueError):
        rupiah(-1)


@given(st.integers(0, 10**15))
def test_rupiah_shape_and_value(n: int) -> None:
    text = rupiah(n)
    assert re.fullmatch(r"Rp[1-9]\d{0,2}(\.\d{3})*|Rp0", text)
    assert int(text.removeprefix("Rp").replace(".", "")) == n


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (42_000_000, "Rp42 juta"),
        (1_000_000, "Rp1 juta"),
        (1_500_000, "Rp1,5 juta"),
        (1_250_000, "Rp1,25 juta"),
        (250_000_000, "Rp250 juta"),
        (2_500_000_000, "Rp2,5 miliar"),
        (1_200_000_000_000, "Rp1,2 triliun"),
        (1_234_567, "Rp1.234.567"),  # three decimals would be needed: never round
        (1_255_000, "Rp1.255.000"),
        (1_234_000_000, "Rp1.234.000.000"),
        (750_000, "Rp750.000"),  # below a million
        (999_999, "Rp999.999"),
        (0, "Rp0"),
    ],
)
def test_rupiah_prose(n: int, expected: str) -> None:
    assert rupiah_prose(n) == expected


_PROSE_SCALES = {"juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def parse_rupiah_prose(text: str) -> int:
    amount, _, scale = text.removeprefix("Rp").partition(" ")
    value = Decimal(amount.replace(".", "").replace(",", "."))
    return int(value * _PROSE_SCALES[scale]) if scale else int(value)


amounts = st.one_of(
    st.integers(0, 10**14),
    # Multiples of 0,01 juta/miliar/triliun, so the shortened forms get exercised too.
    st.builds(
        lambda k, step: k * step, st.integers(1, 99_999), st.sampled_from([10**4, 10**7, 10**10])
    ),
)


@given(amounts)
def test_rupiah_prose_never_changes_the_value(n: int) -> None:
    text = rupiah_prose(n)
    assert text.startswith("Rp") and text[2].isdigit()
    assert parse_rupiah_prose(text) == n
    # Shortened exactly when the largest fitting scale needs at most two decimals.
    scale = max((s for s in _PROSE_SCALES.values() if s <= n), default=None)
    assert (" " in text) == (scale is not None and n % (scale // 100) == 0)
    assert len(text.partition(",")[2].partition(" ")[0]) <= 2


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (0.125, "12,5%"),  # Babel's default pattern would say 12%
        (0.135, "13,5%"),  # ... and 14%
        (0.5, "50%"),
        (0.1, "10%"),
        (0.0, "0%"),
        (1.0, "100%"),
        (1 / 3, "33,3%"),
        (0.0125, "1,3%"),  # half up, not half to even
        (12.5, "1.250%"),
    ],
)
def test_percent(x: float, expected: str) -> None:
    assert percent(x) == expected


# --- lists -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Alak"], "Alak"),
        (["Alak", "Oebobo"], "Alak dan Oebobo"),
        (["kertas", "pena", "tinta"], "kertas, pena, dan tinta"),
        (("Alak", "Kelapa Lima", "Kota Lama", "Maulafa"), "Alak, Kelapa Lima, Kota Lama, dan Maulafa"),
    ],
)
def test_join_list(items: list[str], expected: str) -> None:
    assert join_list(items) == expected


@given(st.lists(st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True), unique=True, max_size=12))
def test_join_list_facts(names: list[str]) -> None:
    text = join_list(names)
    n = len(names)
    assert Counter(re.findall(r"[A-Za-z]+", text.replace(" dan ", " "))) == Counter(names)
    assert text.count(",") == (n - 1 if n >= 3 else 0)
    assert text.count(" dan ") == (1 if n >= 2 else 0)
    if n >= 2:
        assert text.endswith(f" dan {names[-1]}")


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ([], ""),
        (["Maria Contoh dari Kecamatan Alak"], "Maria Contoh dari Kecamatan Alak"),
        (
            ["Yohana Contoh dan Markus Contoh dari Kecamatan Kelapa Lima",
             "Maria Contoh dari Kecamatan Alak"],
            "Yohana Contoh dan Markus Contoh dari Kecamatan Kelapa Lima serta Maria Contoh dari Kecamatan Alak",
        ),
        (
            ["Yohana Contoh dan Markus Contoh dari Kecamatan Kelapa Lima",
             "Maria Contoh dari Kecamatan Alak",
             "Petrus Contoh dan Agnes Contoh dari Kecamatan Maulafa"],
            "Yohana Contoh dan Markus Contoh dari Kecamatan Kelapa Lima, Maria Contoh dari "
            "Kecamatan Alak, serta Petrus Contoh dan Agnes Contoh dari Kecamatan Maulafa",
        ),
        (
            ["A, B, dan C dari Kecamatan Alak", "D dari Kecamatan Oebobo"],
            "A, B, dan C dari Kecamatan Alak; serta D dari Kecamatan Oebobo",
        ),
        (
            ["A dari Kecamatan Alak", "B, C, dan D dari Kecamatan Oebobo", "E dan F dari Kecamatan Maulafa"],
            "A dari Kecamatan Alak; B, C, dan D dari Kecamatan Oebobo; serta E dan F dari Kecamatan Maulafa",
        ),
    ],
)
def test_join_groups(groups: list[str], expected: str) -> None:
    assert join_groups(groups) == expected


# --- capitals and names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("pemprov NTT menyerahkan kartu", "Pemprov NTT menyerahkan kartu"),
        ("sebanyak 12 pekerja", "Sebanyak 12 pekerja"),
        ("Kartu BPJS", "Kartu BPJS"),
        ("12 pekerja", "12 pekerja"),
        ("", ""),
    ],
)
def test_capitalize_first(s: str, expected: str) -> None:
    assert capitalize_first(s) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        (
            "Pemprov NTT dan Pemkot Kupang serahkan kartu BPJS Ketenagakerjaan kepada 12 pekerja rentan",
            "Pemprov NTT dan Pemkot Kupang Serahkan Kartu BPJS Ketenagakerjaan kepada 12 Pekerja Rentan",
        ),
        ("di kupang, warga terima JKK dan JKM", "Di Kupang, Warga Terima JKK dan JKM"),
        ("program yang benar-benar pro rakyat", "Program yang Benar-Benar Pro Rakyat"),
        ("bantuan untuk para lurah melalui dinas sosial", "Bantuan untuk para Lurah melalui Dinas Sosial"),
        ("rapat per 3 september 2025", "Rapat per 3 September 2025"),
        ("tahun 2020-an dan e-KTP", "Tahun 2020-an dan E-KTP"),
        ("“bangun NTT” dimulai", "“Bangun NTT” Dimulai"),
        ("sepuluh  pekerja", "Sepuluh  Pekerja"),
        ("Pekerja Kepada Pemkot", "Pekerja kepada Pemkot"),  # a typed capital on a function word goes
        ("Rapat DI Yogyakarta", "Rapat DI Yogyakarta"),  # capitals are an abbreviation: kept
    ],
)
def test_headline_case(s: str, expected: str) -> None:
    assert headline_case(s) == expected


def test_headline_case_never_lowercases_and_keeps_letters() -> None:
    s = "penyerahan kartu BPJS ketenagakerjaan oleh Pemkot kepada warga NTT di kupang"
    out = headline_case(s)
    assert out.lower() == s.lower()
    assert all(a == b or (a.islower() and b == a.upper()) for a, b in zip(s, out, strict=True))


@pytest.mark.parametrize(
    ("name", "short", "expected"),
    [
        ("Pemerintah Provinsi Nusa Tenggara Timur", "Pemprov NTT",
         "Pemerintah Provinsi Nusa Tenggara Timur (Pemprov NTT)"),
        ("Pemerintah Kota Kupang", "Pemkot Kupang", "Pemerintah Kota Kupang (Pemkot Kupang)"),
        ("Bank NTT", None, "Bank NTT"),
        ("Bank NTT", "", "Bank NTT"),
    ],
)
def test_name_with_short(name: str, short: str | None, expected: str) -> None:
    assert name_with_short(name, short) == expected


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        ("Wali Kota Kupang", "Christian Widodo", "Wali Kota Kupang Christian Widodo"),
        ("Kepala BPJS Ketenagakerjaan Provinsi NTT", "Wawan Burhanuddin",
         "Kepala BPJS Ketenagakerjaan Provinsi NTT Wawan Burhanuddin"),
    ],
)
def test_title_and_name(title: str, name: str, expected: str) -> None:
    assert title_and_name(title, name) == expected


def test_mentions_first_then_later_per_instance() -> None:
    first = "Pemerintah Provinsi Nusa Tenggara Timur (Pemprov NTT)"
    article_a = Mentions()
    said = [article_a.say("pemprov", first, "Pemprov NTT") for _ in range(3)]
    assert said == [first, "Pemprov NTT", "Pemprov NTT"]
    assert article_a.say("pemkot", "Pemerintah Kota Kupang (Pemkot Kupang)", "Pemkot Kupang") == (
        "Pemerintah Kota Kupang (Pemkot Kupang)"
    )
    # A new article starts fresh: nothing leaks between renders.
    assert Mentions().say("pemprov", first, "Pemprov NTT") == first


# --- quotes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "verb", "speaker", "expected"),
    [
        ("Ini nyata", "kata", "Wawan", "“Ini nyata,” kata Wawan."),
        ("Ini nyata.", "kata", "Wawan", "“Ini nyata,” kata Wawan."),
        (" Ini nyata. ", "kata", "Wawan", "“Ini nyata,” kata Wawan."),
        ("Kapan kartunya aktif?", "tanya", "warga", "“Kapan kartunya aktif?” tanya warga."),
        ("Terima kasih!", "ujar", "Maria", "“Terima kasih!” ujar Maria."),
        (
            "Ini kebijakan yang benar-benar pro rakyat.",
            "kata",
            "Wawan",
            "“Ini kebijakan yang benar-benar pro rakyat,” kata Wawan.",
        ),
        (
            'Warga menyebutnya "kartu sakti".',
            "kata",
            "Wawan",
            "“Warga menyebutnya ‘kartu sakti’,” kata Wawan.",
        ),
        ("Kami hadir.", "kata", "Yohana Contoh, S.Sos.", "“Kami hadir,” kata Yohana Contoh, S.Sos."),
    ],
)
def test_quote_sentence(quote: str, verb: str, speaker: str, expected: str) -> None:
    out = quote_sentence(quote, verb, speaker)
    assert out == expected
    assert "“ " not in out and " ”" not in out and ", ”" not in out


@pytest.mark.parametrize("quote", ["", "   ", 'Kata "siap tanpa tutup.'])
def test_quote_sentence_rejects_bad_quotes(quote: str) -> None:
    with pytest.raises(ValueError):
        quote_sentence(quote, "kata", "Wawan")


# --- Jinja filters ---------------------------------------------------------------


def test_filters_table_names_match_functions() -> None:
    expected = {
        "day_name", "news_date", "formal_date", "long_date", "month_year", "clock", "hour", "number", "digits",
        "words", "rupiah", "rupiah_prose", "percent", "join_list", "join_choices", "join_groups",
        "capitalize_first", "headline_case", "name_with_short", "title_and_name",
        "quote_sentence", "quantity", "curly_quotes", "full_stop", "sentence", "lower_first", "join_items", "fit_words",
        "activity_phrase",
    }
    assert set(FILTERS) == expected
    assert all(FILTERS[name] is getattr(bahasa, name) for name in FILTERS)


def test_filters_render_in_jinja() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    template = env.from_string(
        "{{ d|news_date }}, {{ t|clock('WITA') }}: {{ n|number }} pekerja, "
        "{{ money|rupiah_prose }}, {{ names|join_list }}."
    )
    out = template.render(
        d=EVENT, t=time(9, 0), n=10, money=1_500_000, names=["Alak", "Oebobo", "Maulafa"]
    )
    assert out == (
        "Rabu (3/9/2025), pukul 09.00 WITA: sepuluh pekerja, Rp1,5 juta, Alak, Oebobo, dan Maulafa."
    )
