"""Synthetic, valid Warta content folders for the benchmark.

    .venv/bin/python bench/generate.py --events 1000 --out bench/out/content-1000

The base (site.yml, organizations.yml, people.yml, programs/, pages/) is
copied from the repository's ``content/``, then a second programme, more
organisations and speakers are added, and N events are written across ten
years (2015-2024, so no date is ever in the future). Each event has 2-12
recipients over 1-8 real kecamatan of the region (default 53.01 Kabupaten
Kupang, which has 24: Kota Kupang has only six), 1-3 speakers with quotes of
30-80 words, tags, some payments with amounts, a few corrections, and
``publish_names`` mixed.

Every name is made up from syllables and unique across the whole folder:
a name shared by a consenting and a non-consenting recipient would be a
(false) privacy leak that stops the build, and a recipient named twice in
one event is refused. No name holds a digit or an ``@``, so no
``privacy.find_identifiers`` rule can match it; the generator checks anyway.

The output depends only on (N, seed, region): same arguments, same bytes.
The folder is then checked with ``warta check --content DIR``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.core import privacy, wilayah  # noqa: E402

DEFAULT_REGION = "53.01"
START, YEARS = date(2015, 1, 1), 10

# Syllables that read as East Nusa Tenggara-ish but form no real name in
# practice; names are 2-3 of these words.
_ONSETS = ["b", "d", "f", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "nd", "mb", "ng"]
_VOWELS = ["a", "e", "i", "o", "u"]
_CODAS = ["", "", "", "n", "s", "k", "l"]

_WORDS = (
    "program ini membantu masyarakat agar lebih terlindungi dalam bekerja setiap hari kami berharap "
    "penerima dapat memanfaatkan bantuan dengan baik pemerintah daerah terus hadir bagi warga yang "
    "membutuhkan perlindungan sosial merupakan hak semua orang kerja sama dengan mitra sangat penting "
    "untuk menjangkau desa terpencil petani nelayan dan pedagang kecil menjadi prioritas tahun ini "
    "pendataan dilakukan bersama aparat desa supaya tepat sasaran kami juga membuka layanan pengaduan "
    "bagi warga yang belum terdata semoga manfaatnya terasa sampai ke keluarga di rumah"
).split()

_TAGS = ["jaminan sosial", "pekerja rentan", "nelayan", "petani", "lansia", "disabilitas", "UMKM",
         "santunan", "BPJS Ketenagakerjaan", "pendataan", "desa", "perempuan kepala keluarga"]
_GROUPS = ["pekerja rentan", "nelayan", "petani", "pedagang kecil", "buruh harian", "lansia"]
_ACTIVITIES = [
    "penyerahan kartu BPJS Ketenagakerjaan",
    "sosialisasi jaminan kecelakaan kerja dan jaminan kematian",
    "penyerahan bantuan sosial",
    "pendataan dan verifikasi calon penerima",
    "penyerahan santunan kepada ahli waris",
]
_VENUES = ["Aula Kantor Camat {k}", "Balai Desa di Kecamatan {k}", "Gedung Serbaguna {k}", "Lapangan Kecamatan {k}"]
_KINDS = ["santunan duka", "santunan kecelakaan kerja", "bantuan modal usaha"]

EXTRA_ORGS = {
    "pemkab-kupang": {"name": "Pemerintah Kabupaten Kupang", "short": "Pemkab Kupang"},
    "dinsos-kupang": {"name": "Dinas Sosial Kabupaten Kupang", "short": "Dinsos"},
}
EXTRA_PROGRAM = {
    "name": "Sejahtera Pesisir",
    "summary": "Bantuan modal usaha dan perlindungan sosial bagi keluarga nelayan dan petani di desa pesisir.",
    "partners": ["pemkab-kupang", "dinsos-kupang", "bank-ntt"],
    "benefits": ["Bantuan modal usaha", "Pendampingan usaha"],
    "target_group": "keluarga nelayan dan petani desil 1",
}
# Officials: made-up names, as for recipients.
EXTRA_PEOPLE = [
    ("kepala-dinas-sosial", "Kepala Dinas Sosial Kabupaten Kupang", "dinsos-kupang"),
    ("bupati-kupang", "Bupati Kupang", "pemkab-kupang"),
    ("camat-setempat", "Camat", "pemkab-kupang"),
    ("kepala-cabang-bank", "Kepala Cabang Bank NTT", "bank-ntt"),
]


class Names:
    """Made-up names, each unique in the whole folder."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self) -> str:
        r = self.rng
        text = "".join(r.choice(_ONSETS) + r.choice(_VOWELS) for _ in range(r.randint(2, 3))) + r.choice(_CODAS)
        return text.capitalize()

    def __call__(self) -> str:
        while True:
            name = " ".join(self.word() for _ in range(self.rng.choice((2, 2, 3))))
            if name.casefold() not in self.used and not privacy.find_identifiers(name):
                self.used.add(name.casefold())
                return name


def _sentence(rng: random.Random, words: int) -> str:
    out = " ".join(rng.choice(_WORDS) for _ in range(words))
    return out[0].upper() + out[1:] + "."


def quote(rng: random.Random) -> str:
    """30-80 words in two to four sentences."""
    total = rng.randint(30, 80)
    parts, left = [], total
    while left > 0:
        n = min(left, rng.randint(10, 25))
        if left - n < 5:
            n = left
        parts.append(_sentence(rng, n))
        left -= n
    return " ".join(parts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def event(rng: random.Random, names: Names, index: int, day: date, kecamatan: list[wilayah.Kecamatan],
          programs: list[str], people: list[str]) -> tuple[str, dict]:
    count = rng.randint(2, 12)
    places = rng.sample(kecamatan, rng.randint(1, min(8, count)))
    # Every place gets at least one recipient, the rest land anywhere.
    per = [1] * len(places)
    for _ in range(count - len(places)):
        per[rng.randrange(len(places))] += 1
    by_kecamatan: dict[str, list] = {}
    for place, n in zip(places, per):
        entries: list = []
        for _ in range(n):
            name = names()
            if place.kelurahan and rng.random() < 0.2:
                entries.append({"name": name, "kelurahan": rng.choice(place.kelurahan).name})
            else:
                entries.append(name)
        by_kecamatan[place.name] = entries
    program = programs[index % len(programs)] if rng.random() < 0.8 else rng.choice(programs)
    record: dict = {"program": program, "date": day.isoformat()}
    if rng.random() < 0.8:
        record["time"] = f"{rng.randint(7, 16):02d}.{rng.choice((0, 15, 30, 45)):02d}"
    if rng.random() < 0.15:
        record["title"] = f"Warga {places[0].name} Terima Manfaat Program"
    record["venue"] = rng.choice(_VENUES).format(k=places[0].name)
    record["organizers"] = rng.sample(["pemprov-ntt", "pemkab-kupang", "dinsos-kupang", "bpjs-ketenagakerjaan", "bank-ntt"], rng.randint(1, 3))
    record["activity"] = rng.choice(_ACTIVITIES)
    if rng.random() < 0.7:
        record["purpose"] = "memberikan perlindungan sosial bagi warga yang paling membutuhkan"
    record["recipients"] = {
        "group": rng.choice(_GROUPS),
        "publish_names": rng.random() < 0.5,
        "by_kecamatan": by_kecamatan,
    }
    if rng.random() < 0.3:
        payment: dict = {
            "kind": rng.choice(_KINDS),
            "recipients": [names() for _ in range(rng.randint(1, 3))],
            "publish_names": rng.random() < 0.5,
        }
        if rng.random() < 0.7:
            payment["amount"] = rng.choice((42_000_000, 5_000_000, 2_500_000, 70_000_000))
        record["payments"] = [payment]
    speakers = []
    for person in rng.sample(people, rng.randint(1, 3)):
        speaker: dict = {"person": person}
        if rng.random() < 0.6:
            speaker["remarks"] = "menyampaikan terima kasih atas dukungan semua pihak"
        quotes = [quote(rng) for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        if quotes:
            speaker["quotes"] = quotes
        if len(speaker) == 1:
            speaker["quotes"] = [quote(rng)]
        speakers.append(speaker)
    record["speakers"] = speakers
    if rng.random() < 0.03:
        fixed = day + timedelta(days=rng.randint(0, 5))
        record["corrections"] = [{"date": fixed.isoformat(), "time": "10.15",
                                  "note": "Nama tempat kegiatan telah diperbaiki sesuai keterangan panitia."}]
    if rng.random() < 0.8:
        record["tags"] = rng.sample(_TAGS, rng.randint(1, 3))
    slug = f"{day.isoformat()}-{_slug(program)}-{_slug(places[0].name)}-{index:05d}"
    return slug, record


def generate(out: Path, events: int, *, seed: int = 5, region_code: str = DEFAULT_REGION, check: bool = True) -> Path:
    """Write a content folder with `events` events into `out` (replaced) and check it."""
    region = wilayah.region(region_code)
    if region is None:
        raise SystemExit(f"unknown region {region_code}")
    rng = random.Random(f"{seed}-{events}-{region_code}")
    base = REPO / "content"
    if out.exists():
        shutil.rmtree(out)
    (out / "events").mkdir(parents=True)
    shutil.copytree(base / "pages", out / "pages")
    shutil.copytree(base / "programs", out / "programs")
    (out / "programs" / "sejahtera-pesisir.yml").write_text(_dump(EXTRA_PROGRAM), encoding="utf-8")

    site = yaml.safe_load((base / "site.yml").read_text(encoding="utf-8"))
    site.update(title=f"Transparansi Perlindungan Sosial {region.name}", region=region.code,
                dateline=region.name.split()[-1].upper())
    if "pemkab-kupang" in EXTRA_ORGS:
        site["publisher"] = "pemkab-kupang"
    (out / "site.yml").write_text(_dump(site), encoding="utf-8")
    orgs = yaml.safe_load((base / "organizations.yml").read_text(encoding="utf-8"))
    orgs.update(EXTRA_ORGS)
    (out / "organizations.yml").write_text(_dump(orgs), encoding="utf-8")

    names = Names(rng)
    people = yaml.safe_load((base / "people.yml").read_text(encoding="utf-8"))
    for key, title, org in EXTRA_PEOPLE:
        name = names()
        people[key] = {"name": name, "title": title, "short": name.split()[0], "organization": org}
    (out / "people.yml").write_text(_dump(people), encoding="utf-8")

    programs = sorted(p.stem for p in (out / "programs").glob("*.yml"))
    span = (date(START.year + YEARS, 1, 1) - START).days
    days = sorted(START + timedelta(days=rng.randrange(span)) for _ in range(events))
    kecamatan = list(region.kecamatan)
    header = "# yaml-language-server: $schema=../../schema/event.schema.json\n"
    for i, day in enumerate(days):
        slug, record = event(rng, names, i, day, kecamatan, programs, list(people))
        (out / "events" / f"{slug}.yml").write_text(header + _dump(record), encoding="utf-8")
    if check:
        warta_check(out)
    return out


def crowd(out: Path, recipients: int, events: int, *, seed: int = 5, region_code: str = DEFAULT_REGION) -> Path:
    """`events` generated events sharing `recipients` made-up recipients, each event's in its first kecamatan.

    Why: the worst case of issue 12 is many names in one place; with
    events=1 it is one event's list on one kecamatan page, with many events
    the same number of names in short lists. No one consents and payments
    go, so every name is masked on the pages and none is a payee's too.
    """
    generate(out, events, seed=seed, region_code=region_code, check=False)
    names = Names(random.Random(f"crowd-{seed}-{recipients}-{events}"))
    people = yaml.safe_load((out / "people.yml").read_text(encoding="utf-8"))
    names.used.update(p["name"].casefold() for p in people.values())
    paths = sorted((out / "events").glob("*.yml"))
    for i, path in enumerate(paths):
        header, _, body = path.read_text(encoding="utf-8").partition("\n")
        record = yaml.safe_load(body)
        share = recipients // events + (i < recipients % events)
        place = next(iter(record["recipients"]["by_kecamatan"]))
        record["recipients"].update(publish_names=False, by_kecamatan={place: [names() for _ in range(share)]})
        record.pop("payments", None)
        path.write_text(header + "\n" + _dump(record), encoding="utf-8")
    warta_check(out)
    return out


def with_photos(out: Path, events: int, *, seed: int = 5, region_code: str = DEFAULT_REGION) -> Path:
    """The folder of `generate` with one photo per event, each a distinct file.

    Why distinct: Warta caches processed photos by content digest, so copies
    of the three example photos would be resized three times, not once per
    article. Each event gets one of examples/sleman's photos with a JPEG
    comment naming the event: a valid, different file with the same pixels,
    so a cold build decodes and resizes every one.
    """
    generate(out, events, seed=seed, region_code=region_code, check=False)
    sources = sorted((REPO / "examples" / "sleman" / "content" / "media").glob("*.jpg"))
    (out / "media").mkdir()
    for i, path in enumerate(sorted((out / "events").glob("*.yml"))):
        data = sources[i % len(sources)].read_bytes()
        comment = f"bench photo {path.stem}".encode()
        # SOI, then a COM segment (length counts its own two bytes), then the rest.
        marked = data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]
        (out / "media" / f"{path.stem}.jpg").write_bytes(marked)
        with path.open("a", encoding="utf-8") as record:
            record.write(_dump({"photos": [{"file": f"{path.stem}.jpg", "credit": "Humas Pemkab Kupang",
                                            "alt": "Warga berdiri di depan balai desa menerima bantuan."}]}))
    warta_check(out)
    return out


def one_more_event(out: Path, *, seed: int = 5) -> Path:
    """Write one new event, the newest of the folder, into `out`/events; its path.

    Why its own names: a name that also stands in another event under the
    other consent would be a (false) leak that stops the build, so every
    name is checked against the text of all the folder's events.
    """
    events = sorted((out / "events").glob("*.yml"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in events).casefold()
    site = yaml.safe_load((out / "site.yml").read_text(encoding="utf-8"))
    people = yaml.safe_load((out / "people.yml").read_text(encoding="utf-8"))
    rng = random.Random(f"one-more-{seed}-{len(events)}")
    names = Names(rng)

    def fresh() -> str:
        return next(name for name in iter(names, None) if name.casefold() not in text)

    programs = sorted(p.stem for p in (out / "programs").glob("*.yml"))
    day = date.fromisoformat(events[-1].name[:10])
    slug, record = event(rng, fresh, len(events), day, list(wilayah.region(site["region"]).kecamatan),
                         programs, list(people))  # type: ignore[arg-type]
    path = out / "events" / f"{slug}.yml"
    path.write_text("# yaml-language-server: $schema=../../schema/event.schema.json\n" + _dump(record), encoding="utf-8")
    return path


def warta_check(content: Path) -> None:
    """`warta check --content DIR`; raise with its report if the folder is refused."""
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(content)],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit(f"generated content refused by warta check:\n{result.stderr[-4000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--region", default=DEFAULT_REGION, help="Kemendagri code, e.g. 53.01 or 53.71")
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()
    generate(args.out, args.events, seed=args.seed, region_code=args.region, check=not args.no_check)
    print(f"{args.out}: {args.events} events")


if __name__ == "__main__":
    main()
