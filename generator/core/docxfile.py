"""Styled paragraphs -> the bytes of a Word (.docx) file: the same paragraphs, the same bytes.

python-docx writes the file. What it would take from the clock or from its
own template is fixed or dropped: the zip entries' times, the core
properties ("python-docx" as author, 2013 as date), and the template's
thumbnail of a blank page (a JPEG with EXIF of its own). Pure functions
over values: the caller decides every word, this module only the look.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

Role = Literal["kop-name", "kop", "label", "date", "headline", "body", "item", "heading", "line"]
"""What a paragraph is, which decides its look: the letterhead's name and lines, the document's
label ("SIARAN PERS") and date, the headline, body text, a list item, a section heading, a short line."""


@dataclass(frozen=True)
class Run:
    """Text in one look."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    role: Role
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Properties:
    """What the file says about itself (docProps/core.xml): set from the record, never from the clock."""

    title: str
    author: str
    subject: str
    keywords: str
    created: datetime  # zone-aware
    modified: datetime  # zone-aware
    revision: int
    language: str  # BCP 47: "id-ID"


@dataclass(frozen=True)
class Logo:
    png: bytes  # already cleaned of metadata by the caller (`imaging.logo`)
    alt: str  # what a screen reader reads


@dataclass(frozen=True)
class _Look:
    style: str | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    size: float | None = None
    bold: bool = False
    caps: bool = False
    before: float = 0
    after: float = 0
    rule: bool = False  # a line above: the end of the letterhead


_CENTER, _JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
_LOOKS: Mapping[Role, _Look] = {
    "kop-name": _Look(align=_CENTER, size=14, bold=True, caps=True),
    "kop": _Look(align=_CENTER, size=9),
    "label": _Look(align=_CENTER, size=16, bold=True, before=10, rule=True),
    "date": _Look(align=_CENTER, after=12),
    # Word's own heading styles, so the outline and screen readers find the parts.
    "headline": _Look(style="Heading 1", size=14, after=12),
    "body": _Look(align=_JUSTIFY, after=8),
    "item": _Look(style="List Bullet"),
    "heading": _Look(style="Heading 2", size=11, before=12, after=4),
    "line": _Look(),
}
_FONT = "Arial"
_LOGO_HEIGHT = Mm(22)
# The earliest time a zip entry can carry; any fixed value would do.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write(paragraphs: Sequence[Paragraph], properties: Properties, logo: Logo | None = None) -> bytes:
    """The .docx file of `paragraphs` on A4, the logo (if any) centred above them."""
    document = docx.Document()
    _page(document)
    _styles(document, properties.language)
    if logo is not None:
        _picture(document, logo)
    for paragraph in paragraphs:
        _paragraph(document, paragraph)
    _properties(document, properties)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _page(document: Document) -> None:
    section = document.sections[0]
    # python-docx's template is US Letter; Indonesian offices print on A4.
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(25)


def _styles(document: Document, language: str) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _plain_font(defaults)
    # Word checks spelling in the document's language (and the template says en-US).
    defaults.find(qn("w:lang")).set(qn("w:val"), language)
    proof = document.settings.element.find(qn("w:proofState"))
    if proof is not None:  # the template claims "already checked", which would stop Word checking
        proof.getparent().remove(proof)
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        _plain_font(style.element.get_or_add_rPr())
        style.font.color.rgb = RGBColor(0, 0, 0)


def _plain_font(rpr: OxmlElement) -> None:
    """One named font instead of the template's theme fonts (which Word prefers when both are set)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), _FONT)


def _picture(document: Document, logo: Logo) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = _CENTER
    paragraph.paragraph_format.space_after = Pt(4)
    shape = paragraph.add_run().add_picture(io.BytesIO(logo.png), height=_LOGO_HEIGHT)
    shape._inline.docPr.set("descr", logo.alt)


def _paragraph(document: Document, paragraph: Paragraph) -> None:
    look = _LOOKS[paragraph.role]
    made = document.add_paragraph(style=look.style)
    fmt = made.paragraph_format
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    if look.align is not None:
        made.alignment = look.align
    if look.rule:
        _rule_above(made._p.get_or_add_pPr())
    for run in paragraph.runs:
        made_run = made.add_run(run.text)
        made_run.bold = True if run.bold or look.bold else None
        made_run.italic = True if run.italic else None
        made_run.font.all_caps = True if look.caps else None
        if look.size is not None:
            made_run.font.size = Pt(look.size)


def _rule_above(ppr: OxmlElement) -> None:
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")


def _properties(document: Document, properties: Properties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.keywords = properties.keywords
    core.author = core.last_modified_by = properties.author
    core.comments = core.category = ""
    core.language = properties.language
    core.revision = properties.revision
    # python-docx writes these as UTC ("...Z") from naive datetimes.
    core.created = properties.created.astimezone(timezone.utc).replace(tzinfo=None)
    core.modified = properties.modified.astimezone(timezone.utc).replace(tzinfo=None)
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[rid]


def _fixed_zip(data: bytes) -> bytes:
    """`data`'s zip rewritten with every entry's time and attributes fixed, in the same order.

    Why: python-docx stamps each entry with the time of saving, so two runs
    a second apart would differ although nothing in the document does.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3  # Unix, whatever system writes it
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
