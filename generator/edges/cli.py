"""The ``warta`` command: check, render, new, init, schema, guide.

An edge like the MkDocs plugin: it calls the same functions and turns a
WartaError into file:line messages on stderr (exit 1). Bad usage exits 2
(argparse); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence, get_args

from .. import compose, records
from ..compose import article, pressrelease
from ..compose.contexts import NewEventContext
from ..compose.policy import Policy
from ..compose.templating import FORMATS, Templates
from ..compose.writer import Writer
from ..core.errors import Problem, Source, WartaError, catalogue, message, report_lines
from ..core.text import slugify
from ..records.model import KEY, EventKind
from ..records.reading import printable, refusal
from . import guide, impor, init, schema


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except WartaError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="warta", description=_help("warta"))
    commands = parser.add_subparsers(required=True, metavar="PERINTAH")

    check = commands.add_parser("check", help=_help("check"))
    _content_option(check)
    check.set_defaults(run=_check)

    render = commands.add_parser("render", help=_help("render"))
    render.add_argument("event", type=Path, metavar="KEGIATAN.yml")
    render.add_argument("--format", choices=(*FORMATS, "docx"), default="markdown", help=_help("format"))
    render.add_argument("--out", type=Path, default=None, metavar="BERKAS", help=_help("out"))
    _content_option(render)
    render.set_defaults(run=_render)

    new = commands.add_parser("new", help=_help("new"))
    new.add_argument("--date", type=date.fromisoformat, default=None, help=_help("date"))
    new.add_argument("--slug", default="kegiatan-baru", help=_help("slug"))
    new.add_argument("--kind", choices=get_args(EventKind), default="penyerahan", help=_help("kind"))
    _content_option(new)
    new.set_defaults(run=_new)

    init_cmd = commands.add_parser("init", help=_help("init"))
    init_cmd.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="FOLDER")
    init_cmd.add_argument("--region", required=True, metavar="KODE", help=_help("region"))
    init_cmd.set_defaults(run=_init)

    impor_cmd = commands.add_parser("impor", help=_help("impor"))
    impor_cmd.add_argument("sheet", type=Path, metavar="BERKAS.xlsx")
    impor_cmd.add_argument("--event", type=Path, default=None, metavar="KEGIATAN.yml", help=_help("impor_event"))
    impor_cmd.add_argument("--counts", action="store_true", help=_help("impor_counts"))
    impor_cmd.add_argument("--source", default=None, metavar="DOKUMEN", help=_help("impor_source"))
    impor_cmd.add_argument("--content", type=Path, default=Path("content"), help=_help("content"))
    impor_cmd.set_defaults(run=lambda a: impor.run(a.sheet, content=a.content, event=a.event, counts=a.counts,
                                                   source=a.source, out=sys.stdout, err=sys.stderr))

    schema_cmd = commands.add_parser("schema", help=_help("schema"))
    schema_cmd.add_argument("--out", type=Path, default=Path("schema"), help=_help("schema_out"))
    schema_cmd.add_argument("--check", action="store_true", help=_help("schema_check"))
    schema_cmd.set_defaults(run=_schema)

    guide_cmd = commands.add_parser("guide", help=_help("guide"))
    guide_cmd.add_argument("--out", type=Path, default=Path("docs/templates.md"), help=_help("guide_out"))
    guide_cmd.add_argument("--check", action="store_true", help=_help("guide_check"))
    guide_cmd.set_defaults(run=_guide)
    return parser


# argparse's own texts (its gettext message ids, stable across versions) and
# the catalogue entry, ``cli.argparse.<name>``, that says each in Indonesian.
_ARGPARSE = {
    "usage: ": "usage",
    "positional arguments": "positionals",
    "options": "options",
    "show this help message and exit": "help",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "one of the arguments %s is required": "one_of",
    "unrecognized arguments: %s": "unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "choice",
    "invalid %(type)s value: %(value)r": "type",
    "expected one argument": "one",
    "expected at most one argument": "at_most_one",
    "expected at least one argument": "at_least_one",
    "expected %s argument": "count",
    "expected %s arguments": "count",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "not allowed with argument %s": "not_with",
    "ignored explicit argument %r": "ignored",
}


class Parser(argparse.ArgumentParser):
    """argparse in Indonesian: usage, headings, ``-h`` and every error frame; exit code 2 as ever.

    Why lend argparse a translation while it runs: it words all of these
    through the gettext function `_` of its own module, looked up at each
    call, and has no per-parser hook for them. Only while this parser is
    built, parses or prints does that `_` answer from the catalogue; a text
    it does not list stays English, which tests/test_cli.py catches.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        with _in_indonesian():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_indonesian():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_indonesian():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _in_indonesian():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_indonesian():
            return super().format_help()

    def error(self, message: str) -> Any:
        with _in_indonesian():
            return super().error(message)


class _Formatter(argparse.HelpFormatter):
    """Option values named in Indonesian (``--content FOLDER``), from ``cli.metavar.<dest>``."""

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return catalogue().get(f"cli.metavar.{action.dest}", action.dest.upper())


@contextlib.contextmanager
def _in_indonesian() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _argparse_text(one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _argparse_text(text: str) -> str:
    name = _ARGPARSE.get(text)
    return catalogue()[f"cli.argparse.{name}"] if name else text


def _help(name: str) -> str:
    return message(f"cli.help.{name}", {})


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help=_help("content"))
    parser.add_argument("--templates", type=Path, default=None, help=_help("templates"))


def _templates(args: argparse.Namespace) -> Templates:
    """The site's own templates (beside the content folder, or --templates) before Warta's."""
    return Templates.for_site(args.templates or args.content.parent / "templates")


def _check(args: argparse.Namespace) -> int:
    loading = records.load(args.content, today=date.today())
    content = loading.published()
    compose.check(content)
    used = {place.kecamatan.code for e in content.events for place in e.places}
    print(message("cli.ok", {
        "events": len(content.events), "programs": len(content.programs),
        "kecamatan": len(used), "region": content.region.name,
    }))
    if loading.drafts:
        # Unfinished drafts do not stop a build; the editor still sees what is left to fill in.
        print(message("cli.drafts", {"count": len(loading.drafts)}))
        for line in report_lines(loading.draft_problems()):
            print(f"  {line}")
    return 0


def _render(args: argparse.Namespace) -> int:
    events_dir = args.content / "events"
    _refuse_unless_event_file(args.event, events_dir)
    loading = records.load(args.content, today=date.today())
    # A draft is rendered too (marked DRAF): its article is read before it is published.
    content = loading.published(drafts=True)
    if problems := loading.broken().get(args.event.stem):
        raise WartaError(problems)
    if args.event.stem not in loading.event_files:
        raise WartaError([Problem("cli.render_not_record", Source(printable(str(args.event))), {"events_dir": events_dir})])
    compose.check(content)
    event = content.event(args.event.stem)
    templates = _templates(args)
    writer = Writer(templates)
    rules = Policy(content.site.privacy.recipient_names)
    facts = article.facts(event, content, rules, templates.words)
    if args.format != "docx" and args.out is None:
        sys.stdout.write(writer.render(facts, args.format))
        return 0
    # A .docx is binary: it goes to a file, never to the terminal.
    out = args.out or Path(f"{event.slug}.docx")
    if args.format == "docx":
        release = pressrelease.press_release(facts, content, writer, rules)
        if not release.narahubung:
            print(message("cli.no_press_contact", {}), file=sys.stderr)
        with _writing(out):
            out.write_bytes(pressrelease.docx(release))
    else:
        with _writing(out):
            out.write_text(writer.render(facts, args.format), encoding="utf-8")
    print(message("cli.render_written", {"path": out}))
    return 0


def _refuse_unless_event_file(path: Path, events_dir: Path) -> None:
    """Raise WartaError unless `path` is a plain .yml file directly in the events folder."""
    where, params = Source(printable(str(path))), {"events_dir": events_dir}
    if not os.path.lexists(path):
        raise WartaError([Problem("cli.render_missing", where, params)])
    try:
        # The folder is resolved, never the file: a symlinked record is refused, not followed.
        inside = path.absolute().parent.resolve() == events_dir.resolve()
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise WartaError([Problem("cli.not_an_event", where, params)])
    refused = refusal(path, where.path)
    if refused is not None:
        raise WartaError([refused])
    if path.is_dir() or path.suffix != ".yml":
        raise WartaError([Problem("cli.render_not_record", where, params)])


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn a refused write (permission, read-only disk, a file where a folder should be) into a message naming the place."""
    try:
        yield
    except OSError as exc:
        raise WartaError([Problem("cli.cannot_write", Source(printable(str(exc.filename or path))))]) from None


def _new(args: argparse.Namespace) -> int:
    when = args.date or date.today()
    stem = f"{when.isoformat()}-{args.slug}"
    path = args.content / "events" / f"{stem}.yml"
    # The slug becomes a file name and an address: "../../x" would write outside content/.
    if not KEY.fullmatch(stem):
        suggestion = slugify(args.slug, fallback="kegiatan-baru")
        where = Source(printable(str(path)))
        raise WartaError([Problem("cli.new_slug", where, {"slug": printable(args.slug), "suggestion": suggestion})])
    if path.exists():
        raise WartaError([Problem("cli.new_exists", Source(str(path)))])
    programs = tuple(sorted(p.stem for p in (args.content / "programs").glob("*.yml")))
    kecamatan, kelurahan = _example_place(args.content)
    text = _templates(args).render(NewEventContext(when.isoformat(), programs, args.kind, kecamatan, kelurahan), "text")
    with _writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{path}: {message('cli.new_written', {})}")
    return 0


def _init(args: argparse.Namespace) -> int:
    region = init.find_region(args.region)
    made = init.skeleton(region, Templates.for_site(None), date.today().isoformat())
    with _writing(args.folder):
        written = init.write(args.folder, made.files)
    for path in written:
        print(path)
    print(message("init.done", {"region": region.name, "code": region.code, "timezone": region.timezone,
                                "folder": args.folder}))
    print(message("init.privacy", {}))
    return 0


def _example_place(content: Path) -> tuple[str, str]:
    """A kecamatan of the site's region and one of its kelurahan, for the skeleton's example lines.

    `new` must work while the records are still broken, so it reads only
    the region code, and falls back on plain placeholders.
    """
    places = records.site_places(content)
    if places is None or not places.region.kecamatan:
        return message("cli.new_kecamatan", {}), message("cli.new_kelurahan", {})
    first = places.region.kecamatan[0]
    return first.name, first.kelurahan[0].name if first.kelurahan else message("cli.new_kelurahan", {})


def _schema(args: argparse.Namespace) -> int:
    files = {args.out / name: text for name, text in schema.documents().items()}
    return _write_generated(files, args.check, written="cli.schema_written", stale="cli.schema_stale")


def _guide(args: argparse.Namespace) -> int:
    return _write_generated({args.out: guide.markdown()}, args.check, written="cli.guide_written", stale="cli.guide_stale")


def _write_generated(files: dict[Path, str], check: bool, *, written: str, stale: str) -> int:
    """Write generated files, or with `check` only report the ones that are stale.

    `written` and `stale` are the catalogue codes of the two outcomes.
    """
    outdated = []
    for path, text in files.items():
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                outdated.append(Problem(stale, Source(str(path)), {"path": path}))
            continue
        with _writing(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(message(written, {"path": path}))
    if outdated:
        raise WartaError(outdated)
    return 0
