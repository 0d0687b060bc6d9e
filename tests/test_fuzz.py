"""Fuzz and property tests over the loader and the site build.

The loader fuzz writes arbitrary bytes, arbitrary text, YAML-shaped noise and
mutations of the example event (lines deleted, duplicated, characters
inserted, values swapped for other YAML types) as an event file: loading must
give Content or a WartaError whose every problem has a catalogue message with
every placeholder filled, never another exception.

The property tests make valid content for a random kabupaten/kota of the
gazetteer, with its real kecamatan and names with apostrophes, hyphens and
Unicode letters, and check that the pages build, that every named person
appears exactly once in the article, that the totals of the home,
programme and kecamatan pages and the open-data downloads agree, and that the
personal-data guard stays quiet on valid content (its false positives).

Budget: the profile is chosen by CI=true ("warta-ci": more examples) or not
("warta-lokal"); the whole file takes about 15-20 s locally and 30-35 s in CI.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from generator import records
from generator.compose import totals
from generator.compose.addresses import Addresses
from generator.core import privacy, wilayah
from generator.core.text import slugify
from generator.compose.templating import Templates
from generator.core.errors import WartaError, format_problem, format_problems

from .conftest import CONTENT, EVENT, TEMPLATES, composed, site_tally
from .test_pages import figure, key_figure

settings.register_profile("warta-lokal", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile("warta-ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
CI = os.environ.get("CI") == "true"
PROFILE = settings.get_profile("warta-ci" if CI else "warta-lokal")


def budget(local: int, ci: int) -> settings:
    """The profile with `local` examples, or `ci` examples when CI=true."""
    return settings(PROFILE, max_examples=ci if CI else local)


EXAMPLE = (CONTENT / EVENT).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def content_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example content whose event file each example rewrites."""
    root = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(CONTENT, root)
    return root


def load_cleanly(root: Path, data: bytes) -> None:
    (root / EVENT).write_bytes(data)
    try:
        records.load_content(root)
    except WartaError as exc:
        assert exc.problems
        for problem in exc.problems:
            line = format_problem(problem)  # KeyError: a code without message or a placeholder not filled
            assert line.startswith(f"{root}/"), line
            assert "__source__" not in line and "Source(" not in line, line
        format_problems(exc.problems)


# --------------------------------------------------------------------------
# The loader never fails other than with a clean WartaError.

YAML_NOISE = st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\n\t %@`,?~.0123456789abcxyz\ufeff\u00e9\\")), max_size=400)


@budget(local=150, ci=400)
@given(data=st.binary(max_size=1500))
def test_loader_survives_arbitrary_bytes(content_root: Path, data: bytes) -> None:
    load_cleanly(content_root, data)


@budget(local=150, ci=400)
@given(text=st.one_of(st.text(max_size=1500), YAML_NOISE))
def test_loader_survives_arbitrary_text(content_root: Path, text: str) -> None:
    load_cleanly(content_root, text.encode("utf-8", "surrogatepass"))


# Values a writer might put where another type belongs.
SWAPS = ["", "~", "null", "[]", "{}", "[a, b]", "{a: 1}", "true", "no", "0", "-1", "1e3", "0x10", "10:30", "09.00",
         "2025-02-30", "9999-99-99", "\"", "'", "&a x", "*a", "!!str x", "!!binary aGk=", "!x y", "|", ">-", "- x",
         "? x", "@x", "`x`", "%x", "\t", "5371031234560001", "0812-3456-7890", "a: b", "[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]"]


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    lines = EXAMPLE.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "indent"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            char = draw(st.sampled_from(list(":-[]{}#&*!|>'\"\t ,?~\n\ufeff\u00a0\u2028\x00\x1bé")))
            lines[i] = lines[i][:at] + char + lines[i][at:]
        elif action == "swap":
            head, sep, _ = lines[i].partition(": ")
            if sep:
                lines[i] = head + sep + draw(st.sampled_from(SWAPS)) + "\n"
        else:
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip(" ")
    return "".join(lines)


@budget(local=250, ci=700)
@given(text=mutated_example())
def test_loader_survives_mutations_of_the_example(content_root: Path, text: str) -> None:
    load_cleanly(content_root, text.encode("utf-8"))


# --------------------------------------------------------------------------
# Valid records anywhere in Indonesia: the build holds its promises.

REGIONS = sorted(wilayah.regencies())
WORDS = Templates([TEMPLATES]).words
LOWER = "abcdefghijklmnopqrstuvwyzéèáàâäöüñçşğāīūœøåõ"
UPPER = "ABCDEFGHIJKLMNOPRSTUWYZÉÁÖÜÑÇŞĀ"


@st.composite
def words(draw: st.DrawFn) -> str:
    """A name part: a capital, then letters, maybe an apostrophe or hyphen inside ("Ma'ruf", "Nunu-Tali")."""
    head = draw(st.sampled_from(UPPER))
    body = draw(st.text(alphabet=LOWER, min_size=2, max_size=8))
    joint = draw(st.sampled_from(["", "", "'", "-"]))
    tail = draw(st.text(alphabet=LOWER, min_size=2, max_size=6)) if joint else ""
    return head + body + joint + tail


names = st.builds(lambda parts: " ".join(parts), st.lists(words(), min_size=2, max_size=3))


@st.composite
def valid_content(draw: st.DrawFn) -> dict[str, str]:
    """A content folder as {path: YAML text} for one random kabupaten/kota."""
    code = draw(st.sampled_from(REGIONS))
    region = wilayah.region(code)
    assume(region is not None and region.kecamatan)
    all_names = draw(st.lists(names, min_size=1, max_size=14, unique_by=lambda n: n.casefold()))
    # No name inside another ("Ani Bere" in "Ani Bere-Lay"): then "exactly once" is well defined.
    assume(not any(a != b and a.casefold() in b.casefold() for a in all_names for b in all_names))
    policy = draw(st.sampled_from(["hidden", "masked", "full"]))
    files = {
        "site.yml": yaml.safe_dump({
            "title": f"Transparansi {region.name}", "publisher": "pemda", "region": code, "dateline": "KOTA",
            "footer": {"preset": "pemerintah", "contact": "ppid@contoh.go.id"}, "privacy": {"recipient_names": policy},
        }, allow_unicode=True),
        "organizations.yml": yaml.safe_dump({"pemda": {"name": f"Pemerintah {region.name}"}, "dinsos": {"name": "Dinas Sosial", "short": "Dinsos"}}, allow_unicode=True),
        "people.yml": yaml.safe_dump({"kadis": {"name": "Yohanes Contoh", "title": "Kepala Dinas Sosial", "short": "Yohanes", "organization": "dinsos"}}),
        "programs/bantuan-pangan.yml": yaml.safe_dump({"name": "Bantuan Pangan", "summary": "Bantuan bahan pangan bagi keluarga rentan.", "partners": ["dinsos"]}),
        "programs/jaminan-sosial.yml": yaml.safe_dump({"name": "Jaminan Sosial", "summary": "Iuran jaminan sosial dibayar pemerintah daerah."}),
    }
    pool = list(all_names)
    for n in range(draw(st.integers(1, 3))):
        kecamatan = draw(st.lists(st.sampled_from(region.kecamatan), min_size=1, max_size=min(4, len(region.kecamatan)), unique_by=lambda k: k.code))
        by_kecamatan: dict[str, list[str]] = {}
        for kec in kecamatan:
            take = draw(st.integers(1, 3)) if pool else 0
            chosen, pool = pool[:take], pool[take:]
            # Names run out: a stand-in, letters only, unique per kecamatan and event.
            by_kecamatan[kec.name] = chosen or [f"Warga Cadangan {'ABC'[n]}{kec.code.translate(str.maketrans('0123456789.', 'abcdefghijx'))}"]
        event: dict[str, object] = {
            "program": draw(st.sampled_from(["bantuan-pangan", "jaminan-sosial"])),
            "date": f"2025-0{n + 3}-1{n}",
            "time": "09.00",
            "venue": f"Aula Kantor {region.name}",
            "organizers": ["pemda", "dinsos"],
            "activity": "penyerahan bantuan",
            "recipients": {"group": "keluarga rentan", "publish_names": draw(st.booleans()), "by_kecamatan": by_kecamatan},
            "speakers": [{"person": "kadis", "quotes": ["Bantuan ini untuk warga yang paling membutuhkan."]}],
        }
        if pool and draw(st.booleans()):
            heirs, pool = pool[:2], pool[2:]
            event["payments"] = [{"kind": "santunan duka", "recipients": heirs, "publish_names": draw(st.booleans()),
                                  "amount": draw(st.sampled_from([None, 500000, 2500000, 15000000]))}]
        files[f"events/2025-0{n + 3}-1{n}-kegiatan-{n}.yml"] = yaml.safe_dump(event, allow_unicode=True, sort_keys=False)
    return files


def _count_name(name: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w'\-]){re.escape(name)}(?![\w'\-])", text))


# Each example builds a whole site (~0.3 s), so a failure is reported as
# found, unshrunk: shrinking one took minutes.
@settings(budget(local=20, ci=40), phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(files=valid_content())
def test_valid_content_anywhere_builds_and_keeps_its_promises(tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]) -> None:
    root = tmp_path_factory.mktemp("sah") / "content"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    content = records.load_content(root)
    site, built = composed(content)

    # Every named person is named exactly once in their article; the others never.
    for event in content.events:
        article = built[f"berita/{event.slug}.md"]
        people = [r.name for place in event.recipients.places for r in place.recipients]
        for name in people:
            assert _count_name(name, article) == (1 if event.recipients.publish_names else 0), name
        for payment in event.payments:
            for heir in payment.recipients:
                assert _count_name(heir.name, article) == (1 if payment.publish_names else 0), heir.name

    # Home, programme and kecamatan pages and the downloads give the same totals.
    tally = site_tally(content)
    home = built["index.md"]
    assert key_figure(home, "penerima") == tally.people
    assert key_figure(home, "kegiatan") == tally.events == len(content.events)
    place_word = WORDS["wilayah"][content.region.system]["kecamatan"]  # distrik in Papua
    assert key_figure(home, f"{place_word} terjangkau") == tally.kecamatan
    assert key_figure(home, "penerima santunan/pembayaran") == tally.payments
    programmes = [built[f"program/{key}.md"] for key in content.programs]
    assert sum(figure(p, "Penerima") for p in programmes) == tally.people
    assert sum(figure(p, "Kegiatan") for p in programmes) == tally.events
    kecamatan = [built[f"kecamatan/{slugify(k.name)}.md"] for k in content.region.kecamatan]
    assert sum(figure(k, "Penerima") for k in kecamatan) == tally.people
    downloads = {path: text for path, text in built.items() if path.startswith("data/") and not path.endswith(".md")}
    kegiatan = list(csv.DictReader(io.StringIO(downloads["data/kegiatan.csv"])))
    assert sum(int(row["jumlah_penerima"]) for row in kegiatan) == tally.people
    per_kecamatan = list(csv.DictReader(io.StringIO(downloads["data/penerima-per-kecamatan.csv"]))) if "data/penerima-per-kecamatan.csv" in downloads else None
    if per_kecamatan is not None:
        assert sum(int(row["jumlah_penerima"]) for row in per_kecamatan) == tally.people
        assert len({row["kode_kecamatan"] for row in per_kecamatan}) == tally.kecamatan
    for path, text in downloads.items():
        if path.endswith(".json"):
            json.loads(text)

    # The guard stays quiet on valid content: no identifier anywhere, names
    # only where the policy allows them (the plugin's rule), on the pages as
    # the site serves them (HTML: chart ids in attributes are not read).
    book: Addresses = site.addresses
    files_out = [(book.built(path), markdown.markdown(text, extensions=["tables", "attr_list"]))
                 if path.endswith(".md") else (path, text) for path, text in built.items()]
    names, allowed_at = site.policy.name_check(content)
    articles = {book.built(s.path): s.slug for s in site.stories}
    assert privacy.lint(files_out, names, lambda name, path: allowed_at(name, book.where(path, articles))) == ()


# --------------------------------------------------------------------------
# Names as people type them: other alphabets, look-alikes, invisible characters.

LOOKALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "M": "М", "T": "Т", "A": "Α", "o ": "ο "}
INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202e\u2066\u2069"
REMARKS = "remarks: menyampaikan apresiasi atas dukungan penuh pemerintah daerah"
UNICODE_NAME = st.text(alphabet=st.sampled_from(list("AaMmUuЛлаеορΑΩ’‘ʼ`–—‐-._ 　Ｍｍ\u0301é") + list(INVISIBLES)), min_size=1, max_size=30)


@budget(local=150, ci=400)
@given(name=UNICODE_NAME, quote=UNICODE_NAME)
def test_loader_survives_any_alphabet_in_names_and_texts(content_root: Path, name: str, quote: str) -> None:
    text = EXAMPLE.replace("[Susilowati]", json.dumps([name])).replace(REMARKS, f"remarks: {json.dumps(quote)}")
    load_cleanly(content_root, text.encode("utf-8", "surrogatepass"))


@st.composite
def typed_as_people_do(draw: st.DrawFn, name: str) -> str:
    """`name` as someone might type it into a quote: other separators, an honorific, other widths, look-alikes, invisibles."""
    parts = name.split()
    if len(parts) >= 3 and draw(st.booleans()):
        start = draw(st.integers(0, len(parts) - 2))
        parts = parts[start : start + 2]
    seps = [draw(st.sampled_from([" ", "-", ".", "_", "  ", "\n", " - "])) for _ in parts[1:]]
    text = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:]))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Ibu ", "Bapak ", "Alm. ", "Sdri. ", "Mama "])) + text
    change = draw(st.sampled_from(["upper", "lower", "wide", "lookalike", "invisible", "none"]))
    if change == "upper":
        text = text.upper()
    elif change == "lower":
        text = text.lower()
    elif change == "wide":
        text = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)
    elif change == "lookalike":
        plain, twin = draw(st.sampled_from(sorted(LOOKALIKES.items())))
        text = text.replace(plain, twin, 1)
    elif change == "invisible":
        at = draw(st.integers(1, len(text) - 1))
        text = text[:at] + draw(st.sampled_from(INVISIBLES)) + text[at:]
    return text


NOT_CONSENTED = ["Jonathan Agustinus Tali", "Onanda Laurina Koby", "Doris Masang Nenu", "Susilowati", "Muhamad Yunus"]


@settings(budget(local=25, ci=60), phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(data=st.data())
def test_a_name_typed_any_way_never_reaches_the_pages(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(NOT_CONSENTED))
    typed = data.draw(typed_as_people_do(name))
    root = tmp_path_factory.mktemp("nama") / "content"
    shutil.copytree(CONTENT, root)
    text = EXAMPLE.replace("publish_names: true           #", "publish_names: false          #")
    (root / EVENT).write_text(text.replace(REMARKS, f"remarks: {json.dumps(f'menyapa {typed} dengan hangat')}"), encoding="utf-8")
    try:
        content = records.load_content(root)
        _, built = composed(content)
    except WartaError as exc:
        # Refused at the records, for the name or the invisible character: nothing built.
        assert {p.code for p in exc.problems} <= {"name.unconsented", "text.invisible"}, format_problems(exc.problems)
        return
    wanted = privacy.name_words(name)
    for path, page in built.items():
        found = privacy.words(page)
        pairs = {tuple(found[i : i + 2]) for i in range(len(found))}
        assert not any(tuple(found[i : i + len(wanted)]) == wanted for i in range(len(found))), (path, typed)
        if len(wanted) >= 3:
            assert not any(wanted[i : i + 2] in pairs for i in range(len(wanted) - 1)), (path, typed)
