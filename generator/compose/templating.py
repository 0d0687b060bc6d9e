"""The templates of a build: Jinja environments, their filters and globals, and where templates are found.

One environment per output format (Markdown for the site, plain text,
WhatsApp): the templates are the same, only the markup filters differ.
A template is rendered from its documented context (`contexts.INDEX`) and
nothing else, so what an editor may use is a list, not a guess.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
import yaml

from ..core import bahasa
from ..core.errors import Problem, Source, WartaError
from ..records.reading import parse_yaml
from .charts import bar_chart
from .contexts import INDEX

Format = Literal["markdown", "text", "whatsapp", "docx"]
FORMATS: tuple[Format, ...] = ("markdown", "text", "whatsapp")
"""The formats `warta render` prints as text; "docx" is the article inside a press release (`pressrelease`)."""

MARKS: Mapping[str, tuple[str, str]] = {"strong": ("\x02", "\x03"), "em": ("\x0e", "\x0f"), "heading": ("\x01", "\x04")}
"""The control characters the "docx" format puts around bold, italic and the headline.

Why control characters: `e` drops every one from record strings (a YAML
escape such as "\\a" could put one there, and XML refuses them anyway),
so the press release finds the template's emphasis and nothing a writer
typed can pose as it.
"""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


# What makes a line a Markdown block where the inline escapes above leave
# it text: a list marker ("1.", "2025)", "-", "+") and a setext underline
# ("===", "---" under a line). Templates print record strings at the start
# of lines, so every line start is escaped. (Indentation cannot start a code
# block: records fold white space, records.model._text.)
_BLOCK_MARK = re.compile(r"^(?:(\d+)([.)])(?=[ \t]|$)|([-+]))", re.MULTILINE)
_UNDERLINE = re.compile(r"^=+[ \t]*$", re.MULTILINE)


def escape_markdown(text: str) -> str:
    r"""`text` as literal Markdown: no markup, link, HTML, entity or block (list, heading, rule, code) survives.

    >>> escape_markdown("<b>A & B</b> [x](javascript:1) *y*")
    '&lt;b&gt;A &amp; B&lt;/b&gt; \\[x\\](javascript:1) \\*y\\*'
    >>> escape_markdown("2025. Tahun"), escape_markdown("- butir"), escape_markdown("+ plus"), escape_markdown("===")
    ('2025\\. Tahun', '\\- butir', '\\+ plus', '&#61;&#61;&#61;')
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\\&lt;", "&lt;").replace("\\&gt;", "&gt;")
    # Python-Markdown does not take `\~` as an escape (it would show the
    # backslash); an entity keeps a tilde literal whatever extensions a site adds.
    text = text.replace("~", "&#126;")
    text = _UNDERLINE.sub(lambda m: m.group().rstrip().replace("=", "&#61;"), text)
    return _BLOCK_MARK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


_CONTROL = {c: None for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def _marked(kind: str) -> Callable[[str], str]:
    start, end = MARKS[kind]
    return f"{start}{{}}{end}".format


@dataclass(frozen=True)
class Markup:
    """How one output format writes plain text, emphasis and a headline."""

    escape: Callable[[str], str]
    strong: Callable[[str], str]
    em: Callable[[str], str]
    heading: Callable[[str], str]


MARKUP: Mapping[Format, Markup] = {
    "markdown": Markup(escape_markdown, "**{}**".format, "*{}*".format, "# {}".format),
    "text": Markup(str, str, str, str),
    "whatsapp": Markup(str, "*{}*".format, "_{}_".format, "*{}*".format),
    "docx": Markup(lambda text: text.translate(_CONTROL), _marked("strong"), _marked("em"), _marked("heading")),
}


def _fit(candidates: list[str], limit: int, hard: int | None = None) -> str:
    """The first candidate no longer than `limit` characters, else the first within `hard`, else the shortest."""
    for bound in (limit, hard or limit):
        found = next((c for c in candidates if len(c) <= bound), None)
        if found is not None:
            return found
    return min(candidates, key=len)


def _html(text: str) -> str:
    """`text` as literal HTML, for raw HTML blocks (figures, cards) where Markdown escaping would show."""
    return html.escape(text, quote=True)


def _yaml_text(text: str) -> str:
    """`text` as a quoted YAML (JSON) string, for front matter."""
    return json.dumps(text, ensure_ascii=False)


WORDS = "kata.yml"
"""The templates' word list: verbs, unit words, region words, connectives (read as `kata`)."""

GLOBALS: Mapping[str, str] = {
    "format": "The output format: 'markdown', 'text', 'whatsapp', or 'docx' (the article inside a press release).",
    "kata": "The word list templates/kata.yml: verbs per kind of event, unit and region words, connectives.",
    "Mentions": "Mentions() tracks first mentions: say(key, first, later) gives `first` once, then `later`.",
    "bar_chart": "bar_chart(title, rows) draws (label, count) rows as an accessible inline SVG chart.",
}
"""What every template may use beyond its context, with what it is."""


def filters(fmt: Format) -> dict[str, Callable[..., str]]:
    """Every filter a template may use when writing `fmt`: Indonesian rules from `bahasa`, and markup."""
    markup = MARKUP[fmt]
    return {
        **bahasa.FILTERS,
        "e": markup.escape,
        "strong": markup.strong,
        "em": markup.em,
        "heading": markup.heading,
        "yaml_text": _yaml_text,
        "html": _html,
        "fit": _fit,
    }


def default_folder() -> Path:
    """Warta's own templates: `generator/defaults/` in an installed wheel, else the checkout's templates/.

    The repository's top-level templates/ is their one source; the wheel
    installs it as `generator/defaults` (pyproject.toml).
    """
    package = Path(__file__).resolve().parent.parent
    installed = package / "defaults"
    return installed if installed.is_dir() else package.parent / "templates"



def _read_words(path: Path) -> Mapping[str, Any]:
    """A kata.yml, or the problems that say where an editor broke it (a site's own copy is hand-edited)."""
    raw = path.read_bytes()
    try:
        words = yaml.safe_load(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError):
        # The records' reader says what is wrong, and where, in Indonesian.
        words = None
    if not isinstance(words, dict):
        said = parse_yaml(raw, str(path)).problems
        raise WartaError(said or [Problem("template.words", Source(str(path), 1))])
    return words


class Templates:
    """The templates of one build, from `folders` (the first that holds a file wins).

    Why a class: the Jinja environments (one per format) are costly to make
    and cache compiled templates, so a build makes them once.
    Why StrictUndefined: a misspelt fact in a restyled template must stop the
    build, not silently print nothing in a published article.
    """

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = tuple(folders)
        self._envs: dict[Format, jinja2.Environment] = {}
        self._words: Mapping[str, Any] | None = None

    @classmethod
    def for_site(cls, own: Path | None) -> Templates:
        """A site's own templates folder (if it exists) before Warta's defaults, file by file.

        Like Material's `custom_dir`: a site copies only the templates it
        changes; every other one comes from the package.
        """
        defaults = default_folder().resolve()
        folders = [own.resolve()] if own is not None and own.is_dir() and own.resolve() != defaults else []
        return cls([*folders, defaults])

    @property
    def words(self) -> Mapping[str, Any]:
        """kata.yml from the first folder that has one: the word choices templates read."""
        if self._words is None:
            path = next((f / WORDS for f in self.folders if (f / WORDS).is_file()), None)
            if path is None:
                raise FileNotFoundError(f"{WORDS} is in none of {[str(f) for f in self.folders]}")
            self._words = _read_words(path)
        return self._words

    def env(self, fmt: Format) -> jinja2.Environment:
        if fmt not in self._envs:
            env = jinja2.Environment(
                loader=jinja2.FileSystemLoader(self.folders),
                undefined=jinja2.StrictUndefined,
                autoescape=False,
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
                extensions=["jinja2.ext.do"],
            )
            env.filters.update(filters(fmt))
            env.globals.update(format=fmt, Mentions=bahasa.Mentions, bar_chart=bar_chart, kata=self.words)
            self._envs[fmt] = env
        return self._envs[fmt]

    def render(self, context: Any, fmt: Format = "markdown", *, template: str | None = None) -> str:
        """The template of `context`'s class (or `template`, one of those it documents), filled from `context`'s fields only."""
        name = template or type(context).TEMPLATE
        if INDEX.get(name) is not type(context):
            raise TypeError(f"{type(context).__name__} is not the documented context of {name}")
        try:
            return self.env(fmt).get_template(name).render(self.values(context))
        except jinja2.TemplateError as exc:
            raise WartaError([_problem(exc, name)]) from None

    def values(self, context: Any) -> dict[str, Any]:
        """The variables a template sees: exactly the fields of its context."""
        return {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}


def _problem(exc: jinja2.TemplateError, name: str) -> Problem:
    """A broken template as a problem with its file and line, for the build error and the preview page.

    A syntax error knows its place; an error while filling a template
    (a variable the context does not have) is found in the traceback,
    where Jinja puts the template's own file and line.
    """
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem("template.syntax", Source(exc.filename or name, exc.lineno or 0), {"detail": exc.message or ""})
    where = Source(name)
    tb = exc.__traceback__
    while tb is not None:  # the innermost template frame is the line at fault
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            where = Source(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return Problem("template.error", where, {"detail": str(exc)})
