"""`warta impor`: a recipient spreadsheet -> the `recipients:` block of an event record.

PR offices receive recipient lists as spreadsheets full of NIK, KK, phone
and address columns. Only the name, the kecamatan and the kelurahan ever
leave the sheet, with what each recipient received (goods: item, quantity,
unit); everything else is dropped and said so. An amount of money per
person is never copied: one amount for everyone is pointed at `payments`.
A column is dropped as personal data by its header *and* by what its cells
hold, because headers lie ("Keterangan" holding phone numbers). Nothing is
written until every row is placed in the site's region and holds no
identifier, so a half-imported list never reaches the public repository.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

from .. import records
from ..core import bahasa, privacy
from ..core.errors import Problem, Source, WartaError, message, report_lines
from ..core.text import closest, fold, undecodable_line

NAME, KECAMATAN, KELURAHAN = "nama", "kecamatan", "kelurahan"
ITEM, QUANTITY, UNIT, AMOUNT = "barang", "banyaknya", "satuan", "nominal"

# Headers as `header_key` folds them.
ROLES: Mapping[str, str] = {
    **dict.fromkeys(("nama", "namalengkap", "namapenerima", "namapeserta", "namakepalakeluarga"), NAME),
    **dict.fromkeys(("kecamatan", "kec", "distrik", "kapanewon", "kemantren"), KECAMATAN),
    **dict.fromkeys(("kelurahan", "desa", "kel", "keldesa", "desakel", "desakelurahan", "kelurahandesa",
                     "kampung", "kalurahan"), KELURAHAN),
    **dict.fromkeys(("barang", "jenisbarang", "namabarang", "jenisbantuan", "bantuan"), ITEM),
    **dict.fromkeys(("jumlah", "jumlahbarang", "banyaknya", "volume", "qty"), QUANTITY),
    **dict.fromkeys(("satuan", "unit"), UNIT),
    **dict.fromkeys(("nominal", "jumlahuang", "besaran", "besaranbantuan", "nilaibantuan", "rupiah", "uang"), AMOUNT),
}

# Header -> why the column is personal data; each reason is an `impor.reason.*` message.
PRIVATE_HEADERS: Mapping[str, str] = {
    **dict.fromkeys(("nik", "noktp", "nomorktp", "nomorindukkependudukan", "nonik", "nomornik"), "nik"),
    **dict.fromkeys(("kk", "nokk", "nomorkk", "nokartukeluarga", "nomorkartukeluarga", "kartukeluarga"), "kk"),
    **dict.fromkeys(("telepon", "telp", "notelp", "notelepon", "nomortelepon", "hp", "nohp", "nomorhp", "wa", "nowa",
                     "nomorwa", "whatsapp", "nowhatsapp", "kontak", "nokontak"), privacy.PHONE),
    **dict.fromkeys(("alamat", "alamatlengkap", "alamatrumah", "jalan", "rt", "rw", "rtrw", "dusun", "lingkungan"),
                    privacy.ADDRESS),
    **dict.fromkeys(("tanggallahir", "tgllahir", "ttl", "tempattanggallahir", "tempattgllahir", "tempatlahir",
                     "lahir"), privacy.BIRTH_DATE),
    **dict.fromkeys(("usia", "umur"), "age"),
    **dict.fromkeys(("email", "surel", "alamatemail"), privacy.EMAIL),
    **dict.fromkeys(("rekening", "norekening", "nomorrekening", "norek"), privacy.ACCOUNT),
    **dict.fromkeys(("npwp", "nonpwp"), privacy.NPWP),
}

_REASONS: Mapping[str, str] = {
    "nik": "impor.reason.nik", "kk": "impor.reason.kk", privacy.PHONE: "impor.reason.phone",
    privacy.ADDRESS: "impor.reason.address", privacy.BIRTH_DATE: "impor.reason.birth_date", "age": "impor.reason.age",
    privacy.EMAIL: "impor.reason.email", privacy.ACCOUNT: "impor.reason.account", privacy.NPWP: "impor.reason.npwp",
}

# Lines of an existing block that say what the spreadsheet cannot know.
KEPT_FIELDS = ("group", "kind", "publish_names")

SPREADSHEETS = (".xlsx", ".xls", ".xlsm", ".ods")


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its 0-based index and its header as written."""

    index: int
    header: str

    @property
    def letter(self) -> str:
        """The spreadsheet's own name for the column: A, B, ..., Z, AA."""
        n, letters = self.index + 1, ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters

    @property
    def shown(self) -> str:
        return self.header or message("impor.untitled", {})


@dataclass(frozen=True)
class Layout:
    """What each column of the sheet is for; `dropped` pairs a column with its reason kind."""

    roles: Mapping[str, Column]
    dropped: tuple[tuple[Column, str], ...]
    ignored: tuple[Column, ...]


@dataclass(frozen=True)
class Goods:
    """What one recipient received, as the record writes it: `quantity` as a YAML number."""

    item: str
    quantity: str
    unit: str


@dataclass(frozen=True)
class Row:
    """One recipient as the sheet gives it; `number` is the spreadsheet's 1-based row."""

    number: int
    name: str
    kecamatan: str
    kelurahan: str
    goods: Goods | None = None
    amount: int | None = None


@dataclass(frozen=True)
class Recipient:
    name: str
    kelurahan: str | None
    goods: Goods | None = None


# --- Reading ------------------------------------------------------------------


def read_sheet(path: Path) -> list[list[Any]]:
    """The first sheet of a workbook, or a CSV file, as rows of cells; row i is spreadsheet row i + 1."""
    suffix = path.suffix.casefold()
    if not path.is_file():
        raise WartaError([Problem("impor.missing", Source(str(path)))])
    if suffix == ".csv":
        return _read_csv(path)
    if suffix not in SPREADSHEETS:
        raise WartaError([Problem("impor.extension", Source(str(path)), {"suffix": path.suffix or "-"})])
    import python_calamine  # only this command needs it, so `warta check` starts without it

    try:
        sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        # Without the empty area the rows would not be numbered as the spreadsheet shows them.
        return sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # calamine's errors share no base class
        raise WartaError([Problem("impor.unreadable", Source(str(path)), {"detail": str(exc) or type(exc).__name__})])


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WartaError([Problem("impor.encoding", Source(str(path)))]) from None
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text)))


def csv_delimiter(text: str) -> str:
    """`;` (what Excel writes under an Indonesian locale), `,` or a tab: whichever the text has most of.

    Why counting, not csv.Sniffer: title rows above the header make the
    sniffer guess letters as delimiters.

    >>> csv_delimiter("Daftar penerima, 2025\\nNama;Kecamatan\\nAni;Alak\\n"), csv_delimiter("Nama,Kec\\n")
    (';', ',')
    """
    return max((";", ",", "\t"), key=text.count)


def cell_text(value: Any) -> str:
    """A cell as text, on one line, without invisible characters.

    >>> cell_text(5371031234560001.0), cell_text(" Ani\\n  Koby\\x07 "), cell_text(None)
    ('5371031234560001', 'Ani Koby', '')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    text = "".join(ch for ch in str(value) if unicodedata.category(ch) != "Cc" or ch.isspace())
    return " ".join(text.split())


def header_key(text: str) -> str:
    """A header as compared: case, spaces and punctuation ignored.

    >>> header_key("Kel./Desa"), header_key(" No. KK "), header_key("Tempat, Tgl. Lahir")
    ('keldesa', 'nokk', 'tempattgllahir')
    """
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """The index of the first row with a name header (title rows above it are common)."""
    for i, row in enumerate(rows):
        if any(ROLES.get(header_key(cell_text(cell))) == NAME for cell in row):
            return i
    return None


# --- Classifying columns --------------------------------------------------------


def cell_kind(value: Any) -> str | None:
    """The kind of personal identifier a cell holds, or None.

    A date-typed cell counts as a birth date: in a recipient list it is one.

    >>> cell_kind("0812-3456-7890"), cell_kind(date(1980, 3, 12)), cell_kind("Ani Koby")
    ('phone', 'birth_date', None)
    """
    if isinstance(value, (date, datetime)):
        return privacy.BIRTH_DATE
    found = privacy.find_identifiers(cell_text(value))
    return found[0].kind if found else None


def classify(headers: Sequence[Any], body: Sequence[Sequence[Any]]) -> Layout:
    """Which column holds the name, kecamatan and kelurahan; which are dropped and why; which are unknown.

    Why a named column whose cells are mostly identifiers is dropped
    rather than reported row by row: that column is not what its header
    says, and listing a thousand rows would hide the one sentence that matters.
    """
    roles: dict[str, Column] = {}
    dropped: list[tuple[Column, str]] = []
    ignored: list[Column] = []
    for index in range(max(len(headers), *(len(r) for r in body), 0)):
        column = Column(index, cell_text(headers[index]) if index < len(headers) else "")
        cells = [row[index] for row in body if index < len(row) and cell_text(row[index])]
        kinds = Counter(kind for kind in map(cell_kind, cells) if kind)
        key = header_key(column.header)
        role = ROLES.get(key)
        if key in PRIVATE_HEADERS:
            dropped.append((column, PRIVATE_HEADERS[key]))
        elif kinds and (role is None or role in roles or 2 * sum(kinds.values()) > len(cells)):
            dropped.append((column, kinds.most_common(1)[0][0]))
        elif role is not None and role not in roles:
            roles[role] = column
        elif cells or column.header:
            ignored.append(column)
    return Layout(roles, tuple(dropped), tuple(ignored))


# --- Rows -------------------------------------------------------------------------


def clean_rows(path: str, layout: Layout, body: Sequence[Sequence[Any]], first: int) -> tuple[list[Row], list[Problem]]:
    """The recipients of the body rows (spreadsheet row `first` onwards), and what is wrong with them.

    A row with nothing in the three kept columns is a blank or a footer and is skipped.
    """
    rows: list[Row] = []
    problems: list[Problem] = []
    for offset, raw in enumerate(body):
        number = first + offset
        cells = {role: raw[c.index] if c.index < len(raw) else None for role, c in layout.roles.items()}
        texts = {role: cell_text(value) for role, value in cells.items()}
        if not any(texts.values()):
            continue
        bad = False
        for role, value in cells.items():
            if (kind := cell_kind(value)) is not None:
                bad = True
                problems.append(_at(path, number, "impor.cell_identifier", layout.roles[role], {"what": _reason(kind)}))
        for role, code in ((NAME, "impor.nama_empty"), (KECAMATAN, "impor.kecamatan_empty")):
            if not texts.get(role):
                bad = True
                problems.append(_at(path, number, code, layout.roles[role], {}))
        goods, amount = None, None
        if texts.get(ITEM):
            quantity = number_text(cells.get(QUANTITY))
            if quantity is None or not texts.get(UNIT):
                bad = True
                problems.append(_at(path, number, "impor.goods_incomplete", layout.roles[ITEM], {"item": texts[ITEM]}))
            else:
                goods = Goods(texts[ITEM], quantity, texts[UNIT])
        if texts.get(AMOUNT):
            amount = rupiah(cells[AMOUNT])
            if amount is None:
                bad = True
                problems.append(_at(path, number, "impor.amount_invalid", layout.roles[AMOUNT], {"value": texts[AMOUNT]}))
        if not bad:
            rows.append(Row(number, texts[NAME], texts[KECAMATAN], texts.get(KELURAHAN, ""), goods, amount))
    return rows, problems


def number_text(value: Any) -> str | None:
    """A quantity as the record writes it (2.5, 10), from a number cell or Indonesian text ("2,5", "1.000").

    >>> number_text(10.0), number_text("2,5"), number_text("1.000"), number_text("dua")
    ('10', '2.5', '1000', None)
    """
    text = cell_text(value).replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # a thousands separator, as Indonesian writes it
        text = text.replace(".", "")
    try:
        quantity = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    if not quantity.is_finite() or quantity <= 0:
        return None
    return format(quantity.normalize(), "f")


def rupiah(value: Any) -> int | None:
    """Whole rupiah from a cell: 600000, "Rp600.000", "Rp 1.500.000,00".

    >>> rupiah(600000.0), rupiah("Rp600.000"), rupiah("Rp 1.500.000,00"), rupiah("enam ratus")
    (600000, 600000, 1500000, None)
    """
    text = re.sub(r"(?i)^rp\.?", "", cell_text(value).replace(" ", ""))
    text = re.sub(r",0+$", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
        return int(text.replace(".", ""))
    return None


def place_rows(path: str, rows: Iterable[Row], layout: Layout, places: records.Resolver, *,
               unique: bool = True) -> tuple[dict[str, list[Recipient]], list[Problem]]:
    """Recipients by official kecamatan name, in first-seen order, through the records' own resolver.

    With `unique`, the same name twice (in one kelurahan) is a problem, as
    the records make it; counts carry no name, and in a list of thousands
    two people share one.
    """
    grouped: dict[str, list[Recipient]] = {}
    seen: dict[tuple[str, str], int] = {}
    problems: list[Problem] = []
    region = places.region
    for row in rows:
        kecamatan = places.kecamatan(row.kecamatan) or places.kecamatan(_unprefixed(row.kecamatan))
        if kecamatan is None:
            problems.append(_at(path, row.number, "impor.kecamatan_unknown", layout.roles[KECAMATAN], {
                "value": row.kecamatan, "region": region.name,
                "suggestion": closest(row.kecamatan, [k.name for k in region.kecamatan]),
            }))
            continue
        kelurahan = (places.kelurahan(kecamatan, row.kelurahan) or places.kelurahan(kecamatan, _unprefixed(row.kelurahan))
                     if row.kelurahan else None)
        if row.kelurahan and kelurahan is None:
            problems.append(_at(path, row.number, "impor.kelurahan_unknown", layout.roles[KELURAHAN], {
                "value": row.kelurahan, "kecamatan": kecamatan.name,
                "suggestion": closest(row.kelurahan, [v.name for v in kecamatan.kelurahan]),
            }))
            continue
        # The records refuse the same person twice in one event; say so here, with both rows.
        key = (fold(row.name), kelurahan.code if kelurahan else "")
        if unique and key in seen:
            problems.append(_at(path, row.number, "impor.duplicate", layout.roles[NAME], {"other": seen[key]}))
            continue
        seen[key] = row.number
        grouped.setdefault(kecamatan.name, []).append(Recipient(row.name, kelurahan.name if kelurahan else None, row.goods))
    return grouped, problems


# Sheets often write "Kec. Alak" or "Desa Oesapa"; the word is tried only after the
# name as written, because it begins real names too ("Kampung Baru").
_PLACE_WORD = re.compile(r"(?i)(?:kecamatan|kec|kelurahan|kel|desa|ds|distrik|kampung|kapanewon|kalurahan|kemantren)(?:\.\s*|\s+)")


def _unprefixed(written: str) -> str:
    """`written` without a leading place word.

    >>> _unprefixed("Kec. Kelapa Lima"), _unprefixed("Desa Oesapa"), _unprefixed("Alak")
    ('Kelapa Lima', 'Oesapa', 'Alak')
    """
    match = _PLACE_WORD.match(written)
    return written[match.end():] if match and match.end() < len(written) else written


def _at(path: str, number: int, code: str, column: Column, params: Mapping[str, Any]) -> Problem:
    return Problem(code, Source(path, number), {"row": number, "column": column.shown, "letter": column.letter, **params})


def _reason(kind: str) -> str:
    return message(_REASONS.get(kind, "impor.reason.account"), {})


# --- Writing YAML -------------------------------------------------------------------


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escaping, which YAML reads as written, "No" and "a: b#c" included.

    >>> quoted("No"), quoted('Ba\\'a "Oce": #1')
    ('"No"', '"Ba\\'a \\\\"Oce\\\\": #1"')
    """
    return json.dumps(text, ensure_ascii=False)


def recipients_block(grouped: Mapping[str, Sequence[Recipient]], *, source: str | None,
                     kept: Sequence[str] = (), header: str = "recipients:", indent: str = "  ") -> str:
    """The `recipients:` block: `kept` lines of the old block as they were, then the kecamatan.

    With `source`, only the count per kecamatan is written and never a name.
    """
    lines = [header, *kept, f"{indent}by_kecamatan:"]
    for kecamatan, people in grouped.items():
        if source is not None:
            lines.append(f"{indent * 2}{quoted(kecamatan)}: {{count: {len(people)}}}")
            continue
        lines.append(f"{indent * 2}{quoted(kecamatan)}:")
        for person in people:
            fields = [f"name: {quoted(person.name)}"]
            if person.kelurahan:
                fields.append(f"kelurahan: {quoted(person.kelurahan)}")
            if person.goods:
                g = person.goods
                fields.append(f"goods: [{{item: {quoted(g.item)}, quantity: {g.quantity}, unit: {quoted(g.unit)}}}]")
            lines.append(f"{indent * 3}- " + (f"{{{', '.join(fields)}}}" if len(fields) > 1 else quoted(person.name)))
    if source is not None:
        lines.append(f"{indent}source: {quoted(source)}")
    return "\n".join(lines) + "\n"


_TOP_KEY = re.compile(r"recipients:[ \t]*(?:#.*)?\r?\n?")
_CHILD = re.compile(r"(?P<indent>[ \t]+)(?P<key>[A-Za-z_]+)[ \t]*:")


def replace_block(text: str, grouped: Mapping[str, Sequence[Recipient]], *, source: str | None) -> str:
    """`text` (an event record) with its `recipients:` block rewritten, or one appended; every other byte kept.

    The old block's `group`, `kind` and `publish_names` lines (with their
    comments) stay, because the spreadsheet cannot know them.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _TOP_KEY.fullmatch(line)), None)
    if start is None:
        # A flow-style `recipients: {...}` is a block too: it is replaced whole.
        start = next((i for i, line in enumerate(lines) if line.startswith("recipients:")), None)
    if start is None:
        tail = "" if not text or text.endswith("\n") else "\n"
        return text + tail + recipients_block(grouped, source=source)
    end = start + 1
    # A comment at the margin inside the block is part of it; after the block, it belongs to what follows.
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#"):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1][0] == "#"):
        end -= 1
    kept, indent = _kept_fields(lines[start + 1:end])
    header = lines[start].rstrip("\r\n") if _TOP_KEY.fullmatch(lines[start]) else "recipients:"
    block = recipients_block(grouped, source=source, kept=kept, header=header, indent=indent)
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    return "".join(lines[:start]) + block.replace("\n", newline) + "".join(lines[end:])


def _kept_fields(body: Sequence[str]) -> tuple[list[str], str]:
    """The kept fields' lines (a folded value's continuation lines too), and the block's indentation."""
    first = next((m for line in body if (m := _CHILD.match(line))), None)
    indent = first.group("indent") if first else "  "
    kept: list[str] = []
    keeping = False
    for line in body:
        child = _CHILD.match(line)
        if child and child.group("indent") == indent:
            keeping = child.group("key") in KEPT_FIELDS
        elif line.strip() and not line.startswith(indent + " ") and not line.lstrip().startswith("#"):
            keeping = False
        if keeping:
            kept.append(line.rstrip("\r\n"))
    return kept, indent


# --- The command ------------------------------------------------------------------------


def notes(layout: Layout, amounts: set[int] = frozenset(), *, goods: bool = False) -> Iterator[str]:
    """What staff are told about the columns: each dropped one with its reason, the ignored ones, the money and goods not written.

    Why an amount is never written: the record format holds one amount per
    payment (`payments`), not per person, and a named person's own amount
    is financial data the public pages have no need of.
    """
    for column, kind in layout.dropped:
        yield message("impor.dropped", {"column": column.shown, "letter": column.letter, "what": _reason(kind)})
    if layout.ignored:
        names = ", ".join(f"'{c.shown}' (kolom {c.letter})" for c in layout.ignored)
        yield message("impor.ignored", {"columns": names})
    if AMOUNT in layout.roles and amounts:
        column = layout.roles[AMOUNT]
        code = "impor.amount_same" if len(amounts) == 1 else "impor.amount_varies"
        yield message(code, {"column": column.shown, "letter": column.letter, "amount": min(amounts),
                             "rupiah": bahasa.rupiah(min(amounts))})
    if goods:
        yield message("impor.goods_counts", {})


def import_sheet(path: Path, content: Path, *, counts: bool = False) -> tuple[Layout, dict[str, list[Recipient]], set[int]]:
    """The recipients of a spreadsheet by kecamatan, and the amounts of money it gives; WartaError with every problem of the sheet."""
    shown = str(path)
    places = records.site_places(content)
    if places is None:
        raise WartaError([Problem("impor.no_region", Source(f"{content}/site.yml"))])
    rows = read_sheet(path)
    top = header_row(rows)
    if top is None:
        raise WartaError([Problem("impor.no_name_column", Source(shown))])
    layout = classify(rows[top], rows[top + 1:])
    missing = [code for role, code in ((NAME, "impor.no_nama_column"), (KECAMATAN, "impor.no_kecamatan_column"))
               if role not in layout.roles]
    if missing:
        raise WartaError([Problem(code, Source(shown, top + 1)) for code in missing])
    cleaned, problems = clean_rows(shown, layout, rows[top + 1:], top + 2)
    grouped, place_problems = place_rows(shown, cleaned, layout, places, unique=not counts)
    problems += place_problems
    if not problems and not grouped:
        problems.append(Problem("impor.empty", Source(shown)))
    if problems:
        raise WartaError(problems)
    return layout, grouped, {row.amount for row in cleaned if row.amount is not None}


def run(sheet: Path, *, content: Path, event: Path | None, counts: bool, source: str | None, out: TextIO, err: TextIO) -> int:
    """`warta impor`: print the block, or write it into `event` and check that event as `warta check` would."""
    if counts != (source is not None):
        raise WartaError([Problem("impor.source_missing" if counts else "impor.source_without_counts", Source(str(sheet)))])
    # The source is pasted into a record as it is: refused here, not at the next check.
    if source is not None and (found := privacy.find_identifiers(source, official_emails_ok=True)):
        raise WartaError([Problem(f"pii.{found[0].kind}", Source(str(sheet)), {"field": "--source"})])
    if event is not None:
        events_dir = content / "events"
        if not event.is_file() or event.resolve().parent != events_dir.resolve():
            raise WartaError([Problem("cli.not_an_event", Source(str(event)), {"events_dir": events_dir})])
    layout, grouped, amounts = import_sheet(sheet, content, counts=counts)
    total = {"count": sum(map(len, grouped.values())), "kecamatan": len(grouped), "file": sheet}
    # The block alone goes to stdout, so `warta impor x.xlsx > blok.yml` holds nothing else.
    told = out if event is not None else err
    for line in notes(layout, amounts, goods=counts and any(r.goods for people in grouped.values() for r in people)):
        print(line, file=told)
    if event is None:
        out.write(recipients_block(grouped, source=source))
        print(message("impor.printed", total), file=err)
        return 0
    _write_into(event, grouped, source=source)
    print(message("impor.written", {**total, "event": event}), file=out)
    problems = records.load(content).broken().get(event.stem, ())
    if problems:
        print(message("impor.event_problems", {}), file=err)
        for line in report_lines(problems):
            print(f"  {line}", file=err)
        return 1
    return 0


def _write_into(event: Path, grouped: Mapping[str, Sequence[Recipient]], *, source: str | None) -> None:
    raw = event.read_bytes()
    if (bad := undecodable_line(raw)) is not None:
        raise WartaError([Problem("file.encoding", Source(str(event), bad))])
    before = raw.decode("utf-8")  # a BOM stays where it was
    event.write_bytes(replace_block(before, grouped, source=source).encode("utf-8"))
