"""An article's facts -> its press release (siaran pers), as a Word file.

The release holds the article itself, not a second text: the same template
writes it, in the "docx" format whose marks (`templating.MARKS`) become
bold and italic runs, so the lead, the counts, the quotes, the ralat and
the press-law footer are the sentences the berita has, and names are what
the privacy policy let the article print. Around the article go what
id-style.md 1.1 asks of a siaran pers: the letterhead (logo, publisher,
office address, contact), the label and the date before it, and
"Tentang [instansi]" and "Narahubung" after it. Their words are kata.yml's
``siaran_pers``. The finished text passes the output lint like any page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core import bahasa, docxfile, imaging, privacy
from ..core.docxfile import Logo, Paragraph, Properties, Run
from ..core.errors import Problem, Source, WartaError, catalogue
from ..records import Content
from .article import ArticleFacts
from .policy import Output, Policy, Where
from .templating import MARKS
from .writer import Writer

LANGUAGE = "id-ID"

# The logo is printed about 2 cm tall: 260 pixels keep it sharp at 300 dpi.
_LOGO_PIXELS = 260


@dataclass(frozen=True)
class PressRelease:
    """A press release, ready to write: its paragraphs in order, what the file says about itself, the logo."""

    slug: str
    paragraphs: tuple[Paragraph, ...]
    properties: Properties
    logo: Logo | None
    narahubung: bool  # whether site.yml names a press contact; without one the block is left out


def press_release(facts: ArticleFacts, content: Content, writer: Writer, rules: Policy) -> PressRelease:
    """The siaran pers of the article `facts` describe.

    Raises WartaError when the output lint finds a name the article may
    not print, or a personal identifier, anywhere in it.
    """
    words = writer.templates.words["siaran_pers"]
    site = content.site
    fill = {"instansi": facts.publisher.name, "situs": site.title}
    head = [_line("kop-name", facts.publisher.name)]
    head += [_line("kop", text) for text in (site.address, site.footer.contact) if text]
    head += [_line("label", words["label"]), _line("date", bahasa.formal_date(facts.date))]
    tail = [_line("heading", words["tentang"].format_map(fill)), _line("body", words["tentang_isi"].format_map(fill))]
    contact = site.press_contact
    if contact is not None:
        tail += [_line("heading", words["narahubung"])]
        tail += [_line("line", text) for text in (contact.name, contact.title, contact.contact)]
    headline = writer.headline(facts)
    body, annex = _annex(paragraphs(writer.render(facts, "docx")), writer.templates.words["fakta"]["lampiran"])
    release = PressRelease(
        slug=facts.slug,
        paragraphs=(*head, *body, *tail, *annex),
        properties=Properties(
            title=headline,
            author=facts.publisher.name,
            subject=facts.program.name,
            keywords=", ".join(facts.tags),
            created=facts.published_at,
            modified=facts.modified_at,
            revision=1 + len(facts.corrections),
            language=LANGUAGE,
        ),
        logo=_logo(content, words["lambang"].format_map(fill)),
        narahubung=contact is not None,
    )
    problems = leaks(release, content, rules)
    if problems:
        raise WartaError(problems)
    return release


def docx(release: PressRelease) -> bytes:
    """The release as the bytes of a .docx file; the same release gives the same bytes."""
    return docxfile.write(release.paragraphs, release.properties, release.logo)


def paragraphs(article: str) -> tuple[Paragraph, ...]:
    r"""An article written in the "docx" format, as paragraphs: its headline, its body, its list items.

    Blocks are separated by a blank line; a line starting "- " is a list item.

    >>> [(p.role, p.text) for p in paragraphs("\x01Judul\x04\n\n\x02KUPANG\x03 – Isi.\n\n- satu\n- dua")]
    [('headline', 'Judul'), ('body', 'KUPANG – Isi.'), ('item', 'satu'), ('item', 'dua')]
    >>> paragraphs("\x02KUPANG\x03 – Isi.")[0].runs
    (Run(text='KUPANG', bold=True, italic=False), Run(text=' – Isi.', bold=False, italic=False))
    """
    found: list[Paragraph] = []
    for block in article.strip().split("\n\n"):
        if block.startswith(MARKS["heading"][0]):
            found.append(Paragraph("headline", _runs(block)))
            continue
        prose: list[str] = []
        for line in block.split("\n") + ["- "]:  # the sentinel item ends the last run of prose
            if not line.startswith("- "):
                prose.append(line.strip())
                continue
            if prose:
                found.append(Paragraph("body", _runs(" ".join(prose))))
                prose = []
            if line[2:].strip():
                found.append(Paragraph("item", _runs(line[2:])))
    return tuple(found)


_TOGGLES = {MARKS["strong"][0]: ("bold", True), MARKS["strong"][1]: ("bold", False),
            MARKS["em"][0]: ("italic", True), MARKS["em"][1]: ("italic", False),
            MARKS["heading"][0]: ("", False), MARKS["heading"][1]: ("", False)}
_SPLIT = re.compile("([" + "".join(_TOGGLES) + "])")


def _annex(article: tuple[Paragraph, ...], title: str) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """The article without its "Fakta" box, and the box (its title and items), which the release prints last.

    Why an annex: a press release ends with its contacts; the list of
    figures and their sources is for the editor who checks them.
    """
    start = next((i for i, p in enumerate(article) if p.text == title), None)
    if start is None:
        return article, ()
    end = start + 1
    while end < len(article) and article[end].role == "item":
        end += 1
    return article[:start] + article[end:], (_line("heading", title), *article[start + 1:end])


def _runs(text: str) -> tuple[Run, ...]:
    runs = []
    state = {"bold": False, "italic": False, "": False}
    for piece in _SPLIT.split(text):
        if piece in _TOGGLES:
            name, value = _TOGGLES[piece]
            state[name] = value
        elif piece:
            runs.append(Run(piece, state["bold"], state["italic"]))
    return tuple(runs)


def _line(role: docxfile.Role, text: str) -> Paragraph:
    return Paragraph(role, (Run(text),))


def _logo(content: Content, alt: str) -> Logo | None:
    """site.yml's logo, scaled, every byte of metadata (EXIF, GPS, text chunks) gone."""
    if not content.site.logo or content.media is None:
        return None
    image = imaging.logo((content.media / content.site.logo).read_bytes(), height=_LOGO_PIXELS)
    return Logo(imaging.encode(image, "png"), alt)


def leaks(release: PressRelease, content: Content, rules: Policy) -> list[Problem]:
    """Names the article may not print, and personal identifiers, in the release's text or properties.

    The output lint the built site passes, asked as for the event's own
    article: the second line of defence behind the policy that chose the names.
    """
    names, allowed = rules.name_check(content)
    here = Where(Output.ARTICLE, release.slug)
    p = release.properties
    text = "\n".join([*(paragraph.text for paragraph in release.paragraphs), p.title, p.author, p.subject,
                      p.keywords, release.logo.alt if release.logo else ""])
    path = f"{release.slug}.docx"
    found = privacy.lint([(path, text)], names, lambda name, _: allowed(name, here), official=content.contacts)
    labels = catalogue()
    return [Problem("pressrelease.leak", Source(leak.path, leak.line),
                    {"label": labels[f"leak.label.{leak.kind}"], "excerpt": leak.excerpt}) for leak in found]
