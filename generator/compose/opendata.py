"""Records -> the open-data downloads: CSV and JSON tables and a Data Package.

Each table is described once, below, as columns with a type, an Indonesian
title and description, and constraints. That one description becomes the
Table Schema in ``data/datapackage.json`` and the data dictionary on the
Data terbuka page, so the files and their documentation cannot drift apart.
Every figure comes from `totals`, like every figure on the site's pages.

Privacy: names are in one table only, ``penerima``, which exists when the
privacy policy lets downloads carry names (`policy`), and holds exactly the
names it lets them carry; heirs and payees are never named.
"""

from __future__ import annotations

import csv
import io
import json
from json.encoder import encode_basestring as _encode_string
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Union

from ..core.documented import doc
from ..core.errors import catalogue
from ..core.text import slugify
from ..records import Content
from . import policy, totals
from .addresses import Addresses, relative
from .policy import Output, Shown, Where
from .recall import Afresh, Recall

Cell = Union[str, int, bool, Decimal, None]
Row = dict[str, Cell]
FieldType = Literal["string", "integer", "number", "boolean", "date"]


# --------------------------------------------------------------------------
# The tables, described once.


@dataclass(frozen=True)
class Column:
    """One field of a table, as Table Schema and the data dictionary state it."""

    name: str = doc("Column name in the files: 'jumlah_penerima'.")
    type: FieldType = doc("string, integer or date.")
    text: str = doc('Key of its title and description in messages.yml, below "data.column.".')
    required: bool = doc("Whether every row has a value.", default=True)
    rupiah: bool = doc("Whether it holds rupiah: a reader sees money ('Rp900.000'), not a bare run of digits.",
                       default=False)

    @property
    def title(self) -> str:
        """Its Indonesian title."""
        return catalogue()[f"data.column.{self.text}.title"]

    @property
    def description(self) -> str:
        """What it holds, in Indonesian."""
        return catalogue()[f"data.column.{self.text}.description"]

    def descriptor(self) -> dict[str, object]:
        constraints: dict[str, object] = {"required": self.required}
        if self.type in ("integer", "number"):
            constraints["minimum"] = 0
        return {
            "name": self.name,
            "type": self.type,
            "format": "default",
            "title": self.title,
            "description": self.description,
            "constraints": constraints,
        }


@dataclass(frozen=True)
class ForeignKey:
    """`fields` of this table name a row of table `resource` by its `reference`."""

    fields: tuple[str, ...] = doc("The columns of this table that refer.")
    resource: str = doc("The table referred to.")
    reference: tuple[str, ...] = doc("Its columns they name.")


@dataclass(frozen=True)
class Table:
    """One downloadable table, described once for its files and its dictionary."""

    name: str = doc("Resource name and file stem: 'kegiatan' is kegiatan.csv and kegiatan.json.")
    columns: tuple[Column, ...] = doc("Its columns, in file order.")
    primary_key: tuple[str, ...] = doc("The columns that make a row unique.", default=())
    foreign_keys: tuple[ForeignKey, ...] = doc("References to other tables.", default=())

    @property
    def title(self) -> str:
        """Its Indonesian title."""
        return catalogue()[f"data.table.{self.name}.title"]

    @property
    def description(self) -> str:
        """What it holds, in Indonesian."""
        return catalogue()[f"data.table.{self.name}.description"]

    def schema(self, *, fmt: str) -> dict[str, object]:
        """The Table Schema; foreign keys point at the table of the same format."""
        schema: dict[str, object] = {
            "fields": [c.descriptor() for c in self.columns],
            "missingValues": [""],
        }
        if fmt == "json":
            # JSON objects keep their keys sorted, not in column order; Table
            # Schema 2's "equal" says the names must match as a set.
            schema["fieldsMatch"] = "equal"
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(fk.fields),
                    "reference": {"resource": _resource_name(fk.resource, fmt), "fields": list(fk.reference)},
                }
                for fk in self.foreign_keys
            ]
        return schema


# Columns several tables share, so they read the same everywhere.
_EVENT = Column("kegiatan", "string", "kegiatan")
_DATE = Column("tanggal", "date", "tanggal")
_PROGRAM = Column("program", "string", "program")
_KECAMATAN_CODE = Column("kode_kecamatan", "string", "kode_kecamatan")
_KECAMATAN_NAME = Column("nama_kecamatan", "string", "nama_kecamatan")
_TO_EVENT = ForeignKey(("kegiatan",), "kegiatan", ("kegiatan",))

KEGIATAN = Table(
    "kegiatan",
    (
        _EVENT,
        _DATE,
        _PROGRAM,
        Column("nama_program", "string", "kegiatan.nama_program"),
        Column("tempat", "string", "kegiatan.tempat"),
        Column("kode_wilayah", "string", "kegiatan.kode_wilayah"),
        Column("kelompok_penerima", "string", "kegiatan.kelompok_penerima", required=False),
        Column("jumlah_penerima", "integer", "kegiatan.jumlah_penerima"),
        Column("jumlah_kecamatan", "integer", "kegiatan.jumlah_kecamatan"),
        Column("halaman", "string", "kegiatan.halaman"),
        Column("jenis_kegiatan", "string", "kegiatan.jenis_kegiatan"),
        Column("satuan_penerima", "string", "satuan_penerima", required=False),
        Column("sumber_jumlah", "string", "sumber_jumlah", required=False),
        Column("jumlah_peserta", "integer", "kegiatan.jumlah_peserta", required=False),
        Column("sumber_peserta", "string", "kegiatan.sumber_peserta", required=False),
        Column("anggaran", "integer", "kegiatan.anggaran", required=False, rupiah=True),
        Column("sumber_anggaran", "string", "kegiatan.sumber_anggaran", required=False),
    ),
    primary_key=("kegiatan",),
)

PENERIMA_PER_KECAMATAN = Table(
    "penerima-per-kecamatan",
    (
        _EVENT,
        _DATE,
        _PROGRAM,
        _KECAMATAN_CODE,
        _KECAMATAN_NAME,
        Column("jumlah_penerima", "integer", "penerima-per-kecamatan.jumlah_penerima"),
        Column("satuan_penerima", "string", "satuan_penerima"),
        Column("sumber_jumlah", "string", "sumber_jumlah", required=False),
        Column("jumlah_lulus", "integer", "penerima-per-kecamatan.jumlah_lulus", required=False),
        Column("jumlah_perwakilan", "integer", "penerima-per-kecamatan.jumlah_perwakilan", required=False),
    ),
    primary_key=("kegiatan", "kode_kecamatan"),
    foreign_keys=(_TO_EVENT,),
)

PEMBAYARAN = Table(
    "pembayaran",
    (
        _EVENT,
        Column("urutan", "integer", "pembayaran.urutan"),
        _DATE,
        _PROGRAM,
        Column("jenis", "string", "pembayaran.jenis"),
        Column("jumlah_penerima", "integer", "pembayaran.jumlah_penerima"),
        Column("nominal_per_penerima", "integer", "pembayaran.nominal_per_penerima", required=False, rupiah=True),
        Column("total", "integer", "pembayaran.total", required=False, rupiah=True),
        Column("ahli_waris", "boolean", "pembayaran.ahli_waris"),
        Column("periode", "string", "pembayaran.periode", required=False),
        Column("saluran", "string", "pembayaran.saluran", required=False),
    ),
    primary_key=("kegiatan", "urutan"),
    foreign_keys=(_TO_EVENT,),
)

BARANG = Table(
    "barang",
    (
        _EVENT,
        Column("urutan", "integer", "barang.urutan"),
        _DATE,
        _PROGRAM,
        Column("barang", "string", "barang.barang"),
        Column("jumlah", "number", "barang.jumlah"),
        Column("satuan", "string", "barang.satuan"),
    ),
    primary_key=("kegiatan", "urutan"),
    foreign_keys=(_TO_EVENT,),
)

PENERIMA = Table(
    "penerima",
    (
        _EVENT,
        _DATE,
        _PROGRAM,
        _KECAMATAN_CODE,
        _KECAMATAN_NAME,
        Column("nama", "string", "penerima.nama"),
    ),
    foreign_keys=(_TO_EVENT,),
)


BARIS_KEGIATAN = Table(
    "baris-kegiatan",
    (
        _EVENT,
        Column("tabel", "string", "baris-kegiatan.tabel"),
        Column("baris", "integer", "baris-kegiatan.baris"),
        Column("kolom", "string", "baris-kegiatan.kolom"),
        Column("nilai", "string", "baris-kegiatan.nilai", required=False),
    ),
    primary_key=("kegiatan", "tabel", "baris", "kolom"),
)
"""The layout of every per-event file (CSV and JSON): one cell per row (event, table, row, column, value).

Why long: an event's rows come from tables with different columns, and one
layout lets every per-event file share one schema in datapackage.json, as
one multipart resource however many events there are.
"""


@dataclass(frozen=True)
class License:
    name: str = doc("SPDX identifier: CC-BY-4.0.")
    title: str = doc("Its full title.")
    path: str = doc("Where its text is published.")
    scope: Literal["data", "wilayah"] = doc("What it covers: 'data' (our tables) or 'wilayah' (the gazetteer codes in them).")


LICENSES = (
    License("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/", "data"),
    License("ODbL-1.0", "Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "wilayah"),
)


@dataclass(frozen=True)
class DataSource:
    title: str = doc("The source's name and version.")
    path: str = doc("Where it is published.")


# Where the kecamatan codes and names in the tables come from (ODbL asks
# for this attribution); see generator/data/wilayah/SOURCE.md.
GAZETTEER = DataSource(
    "idn-area-data 4.0.1 (kode dan nama wilayah Kemendagri)",
    "https://github.com/fityannugroho/idn-area-data",
)


# --------------------------------------------------------------------------
# Rows, from the two count tables.


@dataclass(frozen=True)
class Sources:
    """What every table is made from, computed once per build."""

    content: Content
    figures: totals.Tables
    rules: policy.Policy
    addresses: Addresses


def _kegiatan(src: Sources) -> list[Row]:
    per_event: dict[str, list[totals.RecipientCount]] = {}
    for c in src.figures.recipients:
        per_event.setdefault(c.event, []).append(c)
    rows = []
    for event in src.content.events:
        tally = totals.tally(per_event.get(event.slug, ()))
        recipients, budget, participants = event.recipients, event.budget, event.participants
        rows.append({
            "kegiatan": event.slug,
            "tanggal": event.date.isoformat(),
            "program": event.program,
            "nama_program": src.content.programs[event.program].name,
            "tempat": event.venue.name,
            "kode_wilayah": src.content.region.code,
            "kelompok_penerima": recipients.group if recipients else None,
            "jumlah_penerima": recipients.count if recipients else 0,
            "jumlah_kecamatan": tally.kecamatan,
            "halaman": src.addresses.url(src.addresses.article(event.slug)),
            "jenis_kegiatan": event.what,
            "satuan_penerima": recipients.kind if recipients else None,
            "sumber_jumlah": recipients.source if recipients and recipients.declared else None,
            "jumlah_peserta": participants.count if participants else None,
            "sumber_peserta": participants.source if participants else None,
            "anggaran": budget.amount if budget else None,
            "sumber_anggaran": f"{budget.source} {budget.fiscal_year}" if budget else None,
        })
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"]))


def _per_kecamatan(src: Sources) -> list[Row]:
    rows: list[Row] = [
        {
            "kegiatan": c.event,
            "tanggal": c.date.isoformat(),
            "program": c.program,
            "kode_kecamatan": c.kecamatan.code,
            "nama_kecamatan": c.kecamatan.name,
            "jumlah_penerima": c.recipients,
            "satuan_penerima": c.unit,
            "sumber_jumlah": c.source,
            "jumlah_lulus": c.certified,
            "jumlah_perwakilan": c.representatives,
        }
        for c in src.figures.recipients
    ]
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["kode_kecamatan"]))


def _pembayaran(src: Sources) -> list[Row]:
    rows: list[Row] = [
        {
            "kegiatan": p.event,
            "urutan": p.position,
            "tanggal": p.date.isoformat(),
            "program": p.program,
            "jenis": p.kind,
            "jumlah_penerima": p.recipients,
            "nominal_per_penerima": p.amount,
            "total": p.total,
            "ahli_waris": p.heirs,
            "periode": p.period,
            "saluran": p.channel,
        }
        for p in src.figures.payments
    ]
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["urutan"]))


def _barang(src: Sources) -> list[Row]:
    rows: list[Row] = [
        {
            "kegiatan": g.event,
            "urutan": g.position,
            "tanggal": g.date.isoformat(),
            "program": g.program,
            "barang": g.item,
            "jumlah": g.quantity,
            "satuan": g.unit,
        }
        for g in src.figures.goods
    ]
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["urutan"]))


def _penerima(src: Sources) -> list[Row]:
    """The recipients downloads may name, as the policy decides, one row each."""
    rows = []
    for event in src.content.events:
        for place in event.places:
            names = src.rules.names(policy.recipients(event, place), Where(Output.DOWNLOAD))
            rows.extend({
                "kegiatan": event.slug,
                "tanggal": event.date.isoformat(),
                "program": event.program,
                "kode_kecamatan": place.kecamatan.code,
                "nama_kecamatan": place.kecamatan.name,
                "nama": name,
            } for name in names.names if names.shown is Shown.FULL)
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["kode_kecamatan"], str(r["nama"]).casefold(), r["nama"]))


def _str(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, Decimal):
        return f"{cell.normalize():f}"
    return str(cell)


_ROWS = {
    KEGIATAN.name: _kegiatan,
    PENERIMA_PER_KECAMATAN.name: _per_kecamatan,
    PEMBAYARAN.name: _pembayaran,
    BARANG.name: _barang,
    PENERIMA.name: _penerima,
}


@dataclass(frozen=True)
class TableRows:
    """One published table with its rows, formula-proofed."""

    table: Table
    rows: tuple[Row, ...]


def tables(src: Sources) -> tuple[TableRows, ...]:
    """The tables this site publishes, in download order, with their rows.

    ``barang`` is published once there are goods, ``penerima`` only where the
    policy lets downloads name anyone.
    """
    published = [KEGIATAN, PENERIMA_PER_KECAMATAN, PEMBAYARAN]
    # Goods are a table of their own once a record gives any: most sites
    # hand over cards and cash, and an empty table is no open data.
    if src.figures.goods:
        published.append(BARANG)
    if src.rules.summary().consented_in_downloads is Shown.FULL:
        published.append(PENERIMA)
    return tuple(TableRows(t, tuple(_neutralise(row) for row in _ROWS[t.name](src))) for t in published)


# A cell a spreadsheet would run as a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(row: Row) -> Row:
    """`row` with every text cell that a spreadsheet would evaluate made literal.

    Why in the JSON too: its rows equal the CSV rows, so a reader comparing
    the two finds the same values.
    """
    return {k: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for k, v in row.items()}


# --------------------------------------------------------------------------
# One event's rows: the same rows, filtered, so the same privacy.


def per_event(published: Sequence[TableRows]) -> dict[str, tuple[TableRows, ...]]:
    """Each event's rows of every published table (tables without its rows left out), by event slug.

    Why filtered from `tables` and nothing else: the per-event files and the
    article's rows must hold exactly what the site-wide downloads hold, so
    no second decision on names can be made here.
    """
    rows: dict[str, dict[str, list[Row]]] = {}
    for t in published:
        for row in t.rows:
            rows.setdefault(str(row[_EVENT.name]), {}).setdefault(t.table.name, []).append(row)
    return {
        slug: tuple(TableRows(t.table, tuple(mine[t.table.name])) for t in published if t.table.name in mine)
        for slug, mine in rows.items()
    }


# The columns every row of one event repeats; its article page leaves them out.
_OWN = (_EVENT.name, _DATE.name, _PROGRAM.name)


@dataclass(frozen=True)
class EventData:
    """One event's open data, for its article: the rows behind the "Fakta" box and its two files."""

    tables: tuple[Breakdown, ...] = doc("Every table with rows of this event, in download order, all columns but the event's own.")
    csv: str = doc("Link to the event's CSV from the article.")
    json: str = doc("Link to the event's JSON from the article.")


def event_data(slug: str, rows: Sequence[TableRows], book: Addresses, behind: Collection[str]) -> EventData:
    """The event's rows for its article: the tables `behind` its box's figures (the files hold every table).

    Why not every table: the article already names its recipients; the
    penerima table under it would list them all again.
    """
    page = book.article(slug)
    tables = tuple(
        found for t in rows if t.table.name in behind
        if (found := breakdown(t.table, t.rows, book=book, columns=tuple(c.name for c in t.table.columns if c.name not in _OWN)))
    )
    return EventData(tables, relative(book.event_download(slug, "csv"), page=page),
                     relative(book.event_download(slug, "json"), page=page))


def _long(rows: Sequence[TableRows]) -> list[Row]:
    """One row per cell, each value of its own type: the JSON as it is, and the CSV, which writes each cell as `_str`.

    Why typed in the JSON: a rupiah total written as a string reads like an
    account number, to a reader and to the output lint alike.
    """
    return [
        {"kegiatan": row[_EVENT.name], "tabel": t.table.name, "baris": i, "kolom": c.name, "nilai": row[c.name]}
        for t in rows for i, row in enumerate(t.rows, start=1) for c in t.table.columns
    ]


# --------------------------------------------------------------------------
# Files.


def downloads(published: Sequence[TableRows], site_title: str, book: Addresses,
              events: Mapping[str, Sequence[TableRows]], recall: Recall | None = None) -> dict[str, str]:
    """Every open-data file as {path below the site root: text}, in a fixed order.

    `events` is `per_event(published)`: each event's rows get a CSV and a
    JSON of their own, in the layout of `BARIS_KEGIATAN`. With `recall`
    (the preview's), a file whose rows are unchanged is not written again.
    """
    made = (recall or Afresh()).within("downloads", book)
    files: dict[str, str] = {}
    for t in published:
        files.update(made(("table", t.table.name), t, lambda t=t: {
            book.download(t.table.name, "csv"): _csv(t.table, t.rows),
            book.download(t.table.name, "json"): _json(list(t.rows)),
        }))
    for slug in sorted(events):
        files.update(made(("event", slug), events[slug], lambda slug=slug: _event_files(book, slug, events[slug])))
    slugs = sorted(events)
    files[book.package()] = made("package", (published, site_title, slugs),
                                 lambda: _json(_package(published, site_title, book, slugs)))
    return files


def _event_files(book: Addresses, slug: str, rows: Sequence[TableRows]) -> dict[str, str]:
    # One list of rows for both files: the CSV writer turns each value into its text.
    long = _long(rows)
    return {book.event_download(slug, "csv"): _csv(BARIS_KEGIATAN, long), book.event_download(slug, "json"): _json(long)}


def _csv(table: Table, rows: Iterable[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_str(row[c.name]) for c in table.columns] for row in rows)
    return out.getvalue()


def _json(data: object) -> str:
    """`data` as the open-data files write JSON: indented by two, keys sorted, as `json.dumps` does with those options.

    Why a second way for a list of flat rows (nearly every file): with an
    indent, `json.dumps` encodes in Python a value at a time, and the tables
    of a 5,000-event archive hold a million values. `_rows` writes the same
    bytes a row at a time; anything else goes to `json.dumps`.
    """
    if isinstance(data, list):
        try:
            return _rows(data) + "\n"
        except _NotFlat:
            pass
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, default=_json_number) + "\n"


class _NotFlat(Exception):
    """A value `_rows` does not write: `json.dumps` writes the whole file instead."""


def _rows(rows: list[object]) -> str:
    if not rows:
        return "[]"
    written = []
    keys: dict[str, str] = {}  # each key as written, with its colon: rows share their keys
    for row in rows:
        if type(row) is not dict:
            raise _NotFlat
        fields = []
        for key in sorted(row):
            named = keys.get(key)
            if named is None:
                if type(key) is not str:
                    raise _NotFlat
                named = keys[key] = _encode_string(key) + ": "
            value = row[key]
            fields.append(named + (_encode_string(value) if type(value) is str else _scalar(value)))
        written.append("{\n    " + ",\n    ".join(fields) + "\n  }" if row else "{}")
    return "[\n  " + ",\n  ".join(written) + "\n]"


def _scalar(value: object) -> str:
    """One value but a string (`_rows` writes those) as `json.dumps` writes it; exact types only, a subclass goes back to `json.dumps`."""
    kind = type(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)  # type: ignore[arg-type]
    if kind is float or kind is Decimal:
        number = float(value)  # type: ignore[arg-type]
        if number != number:
            return "NaN"
        if number in (float("inf"), float("-inf")):
            return "Infinity" if number > 0 else "-Infinity"
        return float.__repr__(number)
    raise _NotFlat


def _json_number(value: object) -> float:
    # Quantities are Decimal so that 2,5 ton stays exact; JSON has one number type.
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


_FORMATS = {"csv": "text/csv", "json": "application/json"}


def _resource_name(table: str, fmt: str) -> str:
    # Resource names must be unique in a package; the CSV keeps the plain one.
    return table if fmt == "csv" else f"{table}-{fmt}"


def _package(published: Sequence[TableRows], site_title: str, book: Addresses, slugs: Sequence[str]) -> dict[str, object]:
    resources = [
        {
            "name": _resource_name(t.table.name, fmt),
            "path": relative(book.download(t.table.name, fmt), page=book.package()),
            "profile": "tabular-data-resource",
            "title": t.table.title,
            "description": t.table.description,
            "format": fmt,
            "mediatype": mediatype,
            "encoding": "utf-8",
            "schema": t.table.schema(fmt=fmt),
        }
        for t in published
        for fmt, mediatype in _FORMATS.items()
    ]
    if slugs:
        resources += _per_event_resources(slugs, book)
    return {
        "profile": "tabular-data-package",
        "name": slugify(site_title, fallback="data"),
        "title": site_title,
        "licenses": [{"name": lic.name, "title": lic.title, "path": lic.path} for lic in LICENSES],
        "sources": [{"title": GAZETTEER.title, "path": GAZETTEER.path}],
        "resources": resources,
    }


def _per_event_resources(slugs: Sequence[str], book: Addresses) -> list[dict[str, object]]:
    """The per-event CSVs as one multipart resource: one entry, however many events."""
    def paths(fmt: str) -> list[str]:
        return [relative(book.event_download(slug, fmt), page=book.package()) for slug in slugs]


    # Only the CSVs: a multipart resource is its parts joined, and joined
    # JSON documents are no JSON. Each JSON sits beside its CSV, same rows.
    table = BARIS_KEGIATAN
    return [{"name": table.name, "path": paths("csv"), "profile": "tabular-data-resource", "title": table.title,
             "description": table.description, "format": "csv", "mediatype": _FORMATS["csv"], "encoding": "utf-8",
             "schema": table.schema(fmt="csv")}]


# --------------------------------------------------------------------------
# The Data terbuka page: the facts templates/pages/data.j2 states.


@dataclass(frozen=True)
class Download:
    format: str = doc("csv or json.")
    href: str = doc("Link to the file from the Data terbuka page.")
    mediatype: str = doc("text/csv or application/json.")


@dataclass(frozen=True)
class TableInfo:
    table: Table = doc("The table's description: name, title, description, columns, keys.")
    rows: int = doc("How many rows the downloads hold.")
    downloads: tuple[Download, ...] = doc("The table's files, CSV first.")


@dataclass(frozen=True)
class EventFiles:
    """One event's two files, as the Data terbuka page lists them."""

    slug: str = doc("The event's code, as the `kegiatan` column writes it.")
    date: date = doc("The day of the event.")
    program: str = doc("The programme's name.")
    article: str = doc("Link to the event's article from the Data terbuka page.")
    rows: int = doc("How many rows of the site-wide tables are this event's.")
    downloads: tuple[Download, ...] = doc("Its files, CSV first.")


EVENTS_LISTED = 30
"""Events the Data terbuka page lists with their files: five years of events would make it a page no phone opens."""


@dataclass(frozen=True)
class PerEvent:
    """The per-event files: one layout, one pair of files per event."""

    table: Table = doc("Their shared layout (kegiatan, tabel, baris, kolom, nilai), described as the tables are.")
    events: tuple[EventFiles, ...] = doc("The newest events with rows (at most `EVENTS_LISTED`), newest first.")
    more: int = doc("Events with files not listed here: each article's box links its own, and datapackage.json lists them all.")


@dataclass(frozen=True)
class DataPage:
    """What the Data terbuka page states, from the same tables as the files."""

    title: str = doc("The site's title, which is also the data package's.")
    package: str = doc("Link to datapackage.json from the Data terbuka page.")
    tables: tuple[TableInfo, ...] = doc("Every published table, in download order.")
    licenses: tuple[License, ...] = doc("The licences of the data and of the gazetteer codes in it.")
    gazetteer: DataSource = doc("Where the region codes come from.")
    names_published: bool = doc("Whether the penerima table (names) is among the downloads.")
    updated: date | None = doc("The newest event or correction date; none without events.")
    per_event: PerEvent | None = doc("Each event's rows in files of their own; none without events.", default=None)


def data_page(published: Sequence[TableRows], title: str, book: Addresses, updated: date | None,
              events: Mapping[str, Sequence[TableRows]]) -> DataPage:
    """The Data terbuka page's facts; `events` is `per_event(published)`, as `downloads` takes it."""
    page = book.data()

    def files(path: Callable[[str], str]) -> tuple[Download, ...]:
        return tuple(Download(fmt, relative(path(fmt), page=page), mt) for fmt, mt in _FORMATS.items())

    infos = tuple(
        TableInfo(t.table, len(t.rows), files(lambda fmt, t=t: book.download(t.table.name, fmt)))
        for t in published
    )
    listed = tuple(
        EventFiles(slug, date.fromisoformat(str(event[_DATE.name])), event["nama_program"], relative(book.article(slug), page=page),
                   sum(len(t.rows) for t in events[slug]),
                   files(lambda fmt, slug=slug: book.event_download(slug, fmt)))
        for slug in sorted(events, reverse=True)[:EVENTS_LISTED]
        for event in [next(t.rows[0] for t in events[slug] if t.table is KEGIATAN)]
    )
    return DataPage(
        title=title,
        package=relative(book.package(), page=page),
        tables=infos,
        licenses=LICENSES,
        gazetteer=GAZETTEER,
        names_published=any(t.table is PENERIMA for t in infos),
        updated=updated,
        per_event=PerEvent(BARIS_KEGIATAN, listed, len(events) - len(listed)) if listed else None,
    )


# --------------------------------------------------------------------------
# The rows behind a page's totals: a slice of one table, shown on the page.

ROWS_SHOWN = 60
"""The most rows a page lists under its totals; a larger slice is shown summed, one row per kind of row (programme, kecamatan, unit, source ...).

Why: a kecamatan of a five-year site can have thousands of rows; a summary
keeps its page small while every total still equals the sum of what is
shown, and the CSV holds each row.
"""

# No date column: a row's event code already starts with its date.
_SHOWN = {
    PENERIMA_PER_KECAMATAN.name: ("kegiatan", "program", "nama_kecamatan", "jumlah_penerima", "satuan_penerima", "sumber_jumlah"),
    PEMBAYARAN.name: ("kegiatan", "jenis", "jumlah_penerima", "nominal_per_penerima", "total"),
    BARANG.name: ("kegiatan", "barang", "jumlah", "satuan"),
    KEGIATAN.name: ("kegiatan", "jenis_kegiatan", "jumlah_penerima", "jumlah_peserta", "sumber_peserta"),
}
_SUMMED = ("jumlah_penerima", "total", "jumlah", "jumlah_peserta", "jumlah_lulus", "jumlah_perwakilan")
ROW_COUNT = Column("jumlah_baris", "integer", "rincian.jumlah_baris")
"""The column a summarised breakdown adds: how many rows each of its rows sums."""


@dataclass(frozen=True)
class Breakdown:
    """The open-data rows behind a page's figures (an article's box, a programme's or kecamatan's totals), listed on that page."""

    anchor: str = doc("The id of the list: the figures it sums link to '#' + anchor.")
    table: Table = doc("The open-data table the rows come from (its title, description).")
    columns: tuple[Column, ...] = doc("The columns shown, in order (each has a title).")
    rows: tuple[tuple[Cell, ...], ...] = doc("The cells of each row, in column order; empty cells are none.")
    grouped: bool = doc(f"True when the slice had more than {ROWS_SHOWN} rows: each row then sums the table's rows alike in every text column but the event's code.")
    download: str = doc("The whole table's CSV, below the site root: in raw HTML, link to `root` followed by it.")

    @property
    def one_row(self) -> bool:
        """Whether it has a single row, which a page can show as column | value."""
        return len(self.rows) == 1


def rows_by(published: Sequence[TableRows], name: str, column: str) -> tuple[Table | None, dict[Cell, list[Row]]]:
    """Table `name` (none when not published) and its rows grouped by one column, in one pass."""
    found = next((t for t in published if t.table.name == name), None)
    groups: dict[Cell, list[Row]] = {}
    for row in found.rows if found else ():
        groups.setdefault(row[column], []).append(row)
    return (found.table if found else None), groups


def breakdown(table: Table | None, rows: Sequence[Row], *, book: Addresses, leave_out: tuple[str, ...] = (),
              columns: Sequence[str] | None = None) -> Breakdown | None:
    """Rows of `table` (a slice of its published rows) as a page lists them; none when there is no row.

    `columns` are those shown (by default the table's usual few), less
    `leave_out`, those the page already states (a kecamatan page's own
    kecamatan), and less any no row fills. A row is one of the table's own
    rows, the same a download holds: privacy was decided once, when they were made.
    """
    if table is None or not rows:
        return None
    name = table.name
    by_name = {c.name: c for c in table.columns}
    shown = [by_name[c] for c in (columns or _SHOWN[name]) if c not in leave_out and any(r[c] is not None for r in rows)]
    grouped = len(rows) > ROWS_SHOWN
    if grouped:
        # One row per kind of row: every text column shown but the event's code.
        keys = [c.name for c in shown if c.type == "string" and c.name != _EVENT.name]
        sums: dict[tuple[Cell, ...], list[int]] = {}
        summed = [c for c in shown if c.name in _SUMMED]
        for r in rows:
            total = sums.setdefault(tuple(r[k] for k in keys), [0] * (len(summed) + 1))
            total[0] += 1
            for i, c in enumerate(summed, start=1):
                total[i] += r[c.name] or 0  # type: ignore[operator]
        shown = [by_name[k] for k in keys] + [ROW_COUNT] + summed
        cells = tuple((*key, *total) for key, total in sorted(sums.items(), key=lambda kv: tuple(map(_str, kv[0]))))
    else:
        cells = tuple(tuple(r[c.name] for c in shown) for r in rows)
    return Breakdown(book.rows_anchor(name), table, tuple(shown), cells, grouped, book.download(name, "csv"))
