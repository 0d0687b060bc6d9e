"""Records -> the open-data downloads: CSV and JSON tables and a Data Package.

Each table is described once, below, as columns with a type, an Indonesian
title and description, and constraints. That one description becomes the
Table Schema in ``data/datapackage.json`` and the data dictionary on the
Data terbuka page, so the files and their documentation cannot drift apart.
Every figure comes from `totals`, like every figure on the site's pages.

Privacy: a person's name is in no download unless the site publishes full
names, and then only in ``data/penerima.csv``, only for events whose
recipients agreed; heirs of a payment are never named.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, Union

from . import totals
from .errors import catalogue
from .records import Content

FOLDER = "data"
PACKAGE_FILE = "datapackage.json"
PAGE_PATH = f"{FOLDER}/index.md"  # the Data terbuka page; its links are relative to it

Cell = Union[str, int, None]
Row = dict[str, Cell]
FieldType = Literal["string", "integer", "date"]


# --------------------------------------------------------------------------
# The tables, described once.


@dataclass(frozen=True)
class Column:
    """One field of a table, as Table Schema and the data dictionary state it."""

    name: str
    type: FieldType
    text: str  # key of its title and description in messages.yml, below "data.column."
    required: bool = True

    @property
    def title(self) -> str:
        return catalogue()[f"data.column.{self.text}.title"]

    @property
    def description(self) -> str:
        return catalogue()[f"data.column.{self.text}.description"]

    def descriptor(self) -> dict[str, object]:
        constraints: dict[str, object] = {"required": self.required}
        if self.type == "integer":
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

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str  # resource name and file stem: "kegiatan" -> kegiatan.csv, kegiatan.json
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def title(self) -> str:
        return catalogue()[f"data.table.{self.name}.title"]

    @property
    def description(self) -> str:
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
        Column("kelompok_penerima", "string", "kegiatan.kelompok_penerima"),
        Column("jumlah_penerima", "integer", "kegiatan.jumlah_penerima"),
        Column("jumlah_kecamatan", "integer", "kegiatan.jumlah_kecamatan"),
        Column("halaman", "string", "kegiatan.halaman"),
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
        Column("nominal_per_penerima", "integer", "pembayaran.nominal_per_penerima", required=False),
        Column("total", "integer", "pembayaran.total", required=False),
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


@dataclass(frozen=True)
class License:
    name: str  # SPDX identifier
    title: str
    path: str
    scope: Literal["data", "wilayah"]  # what it covers: our tables, or the gazetteer codes in them


LICENSES = (
    License("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/", "data"),
    License("ODbL-1.0", "Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "wilayah"),
)


@dataclass(frozen=True)
class DataSource:
    title: str
    path: str


# Where the kecamatan codes and names in the tables come from (ODbL asks
# for this attribution); see generator/data/wilayah/SOURCE.md.
GAZETTEER = DataSource(
    "idn-area-data 4.0.1 (kode dan nama wilayah Kemendagri)",
    "https://github.com/fityannugroho/idn-area-data",
)


# --------------------------------------------------------------------------
# Rows, from the two count tables.


def _kegiatan(content: Content) -> list[Row]:
    per_event: dict[str, list[totals.RecipientCount]] = {}
    for c in totals.recipient_counts(content):
        per_event.setdefault(c.event, []).append(c)
    rows = []
    for event in content.events:
        tally = totals.tally(per_event.get(event.slug, ()), ())
        rows.append({
            "kegiatan": event.slug,
            "tanggal": event.date.isoformat(),
            "program": event.program,
            "nama_program": content.programs[event.program].name,
            "tempat": event.venue,
            "kode_wilayah": content.region.code,
            "kelompok_penerima": event.recipients.group,
            "jumlah_penerima": tally.recipients,
            "jumlah_kecamatan": tally.kecamatan,
            "halaman": f"berita/{event.slug}/",
        })
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"]))


def _per_kecamatan(content: Content) -> list[Row]:
    # Two spellings of one kecamatan in a record ("Alak", "alak") are one
    # kecamatan: their counts are summed so the primary key stays unique.
    first: dict[tuple[str, str], totals.RecipientCount] = {}
    recipients: dict[tuple[str, str], int] = {}
    for c in totals.recipient_counts(content):
        key = (c.event, c.kecamatan.code)
        first.setdefault(key, c)
        recipients[key] = recipients.get(key, 0) + c.recipients
    rows: list[Row] = [
        {
            "kegiatan": c.event,
            "tanggal": c.date.isoformat(),
            "program": c.program,
            "kode_kecamatan": c.kecamatan.code,
            "nama_kecamatan": c.kecamatan.name,
            "jumlah_penerima": recipients[key],
        }
        for key, c in first.items()
    ]
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["kode_kecamatan"]))


def _pembayaran(content: Content) -> list[Row]:
    rows = []
    position: dict[str, int] = {}
    for p in totals.payment_counts(content):
        position[p.event] = position.get(p.event, 0) + 1
        rows.append({
            "kegiatan": p.event,
            "urutan": position[p.event],
            "tanggal": p.date.isoformat(),
            "program": p.program,
            "jenis": p.kind,
            "jumlah_penerima": p.recipients,
            "nominal_per_penerima": p.amount,
            "total": p.total,
        })
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["urutan"]))


def _penerima(content: Content) -> list[Row]:
    """Named recipients of the events whose recipients agreed; never payment heirs."""
    rows = []
    for event in content.events:
        if not event.recipients.publish_names:
            continue
        for written, people in event.recipients.by_kecamatan.items():
            kecamatan = content.region.find_kecamatan(written)
            if kecamatan is None:
                continue  # impossible after loading; the records refuse it
            rows.extend({
                "kegiatan": event.slug,
                "tanggal": event.date.isoformat(),
                "program": event.program,
                "kode_kecamatan": kecamatan.code,
                "nama_kecamatan": kecamatan.name,
                "nama": person.name,
            } for person in people)
    return sorted(rows, key=lambda r: (r["tanggal"], r["kegiatan"], r["kode_kecamatan"], str(r["nama"]).casefold(), r["nama"]))


def _str(cell: Cell) -> str:
    return "" if cell is None else str(cell)


_ROWS: dict[str, Callable[[Content], list[Row]]] = {
    KEGIATAN.name: _kegiatan,
    PENERIMA_PER_KECAMATAN.name: _per_kecamatan,
    PEMBAYARAN.name: _pembayaran,
    PENERIMA.name: _penerima,
}


def _published(content: Content) -> tuple[Table, ...]:
    """The tables this site publishes, in download order (names only under `full`)."""
    tables = (KEGIATAN, PENERIMA_PER_KECAMATAN, PEMBAYARAN)
    return (*tables, PENERIMA) if content.site.privacy.recipient_names == "full" else tables


def _tables(content: Content) -> tuple[tuple[Table, list[Row]], ...]:
    """Every published table with its rows."""
    return tuple((table, [_neutralise(row) for row in _ROWS[table.name](content)]) for table in _published(content))


# A cell a spreadsheet would run as a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(row: Row) -> Row:
    """`row` with every text cell that a spreadsheet would evaluate made literal.

    Why in the JSON too: its rows equal the CSV rows, so a reader comparing
    the two finds the same values.
    """
    return {k: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for k, v in row.items()}


# --------------------------------------------------------------------------
# Files.


def downloads(content: Content) -> dict[str, str]:
    """Every open-data file as {path below the site root: text}, in a fixed order."""
    files: dict[str, str] = {}
    for table, rows in _tables(content):
        files[f"{FOLDER}/{table.name}.csv"] = _csv(table, rows)
        files[f"{FOLDER}/{table.name}.json"] = _json(rows)
    files[f"{FOLDER}/{PACKAGE_FILE}"] = _json(_package(content))
    return files


def _csv(table: Table, rows: Iterable[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_str(row[c.name]) for c in table.columns] for row in rows)
    return out.getvalue()


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


_FORMATS = {"csv": "text/csv", "json": "application/json"}


def _resource_name(table: str, fmt: str) -> str:
    # Resource names must be unique in a package; the CSV keeps the plain one.
    return table if fmt == "csv" else f"{table}-{fmt}"


def _package(content: Content) -> dict[str, object]:
    resources = [
        {
            "name": _resource_name(table.name, fmt),
            "path": f"{table.name}.{fmt}",
            "profile": "tabular-data-resource",
            "title": table.title,
            "description": table.description,
            "format": fmt,
            "mediatype": mediatype,
            "encoding": "utf-8",
            "schema": table.schema(fmt=fmt),
        }
        for table in _published(content)
        for fmt, mediatype in _FORMATS.items()
    ]
    return {
        "profile": "tabular-data-package",
        "name": package_name(content.site.title),
        "title": content.site.title,
        "licenses": [{"name": lic.name, "title": lic.title, "path": lic.path} for lic in LICENSES],
        "sources": [{"title": GAZETTEER.title, "path": GAZETTEER.path}],
        "resources": resources,
    }


def package_name(title: str) -> str:
    """The Data Package name: lower-case ASCII letters, digits and hyphens.

    >>> package_name("Transparansi Perlindungan Sosial Kota Kupang")
    'transparansi-perlindungan-sosial-kota-kupang'
    """
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "data"


# --------------------------------------------------------------------------
# The Data terbuka page: what templates/pages/data.j2 receives.


@dataclass(frozen=True)
class Download:
    format: str  # "csv" or "json"
    href: str  # relative to data/index.md: "kegiatan.csv"
    mediatype: str


@dataclass(frozen=True)
class TableInfo:
    table: Table  # name, title, description, columns, keys
    rows: int
    downloads: tuple[Download, ...]


@dataclass(frozen=True)
class DataPageContext:
    """The context of ``templates/pages/data.j2`` (as ``data``)."""

    title: str  # the site's title, which is also the package's
    package: str  # href of datapackage.json, relative to data/index.md
    tables: tuple[TableInfo, ...]
    licenses: tuple[License, ...]
    gazetteer: DataSource  # where the region codes come from
    names_published: bool  # whether penerima.csv (names of consenting recipients) exists
    updated: date | None  # the newest event or correction date; None without events


def data_page_context(content: Content) -> DataPageContext:
    """What the Data terbuka page states, from the same tables as the files."""
    tables = tuple(
        TableInfo(table, len(rows), tuple(Download(fmt, f"{table.name}.{fmt}", mt) for fmt, mt in _FORMATS.items()))
        for table, rows in _tables(content)
    )
    stamps = [d for e in content.events for d in (e.date, *(c.date for c in e.corrections))]
    return DataPageContext(
        title=content.site.title,
        package=PACKAGE_FILE,
        tables=tables,
        licenses=LICENSES,
        gazetteer=GAZETTEER,
        names_published=any(t.table is PENERIMA for t in tables),
        updated=max(stamps, default=None),
    )
