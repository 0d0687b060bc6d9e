"""The ``warta`` command: check, render, new, schema.

An edge like the MkDocs plugin: it calls the same functions and turns a
WartaError into file:line messages on stderr (exit 1). Bad usage exits 2
(argparse); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from . import article, records, schema
from .errors import Problem, Source, WartaError, message


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except WartaError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warta", description=_help("warta"))
    commands = parser.add_subparsers(required=True, metavar="PERINTAH")

    check = commands.add_parser("check", help=_help("check"))
    _content_option(check)
    check.set_defaults(run=_check)

    render = commands.add_parser("render", help=_help("render"))
    render.add_argument("event", type=Path, metavar="KEGIATAN.yml")
    render.add_argument("--format", choices=article.FORMATS, default="markdown", help=_help("format"))
    _content_option(render)
    render.set_defaults(run=_render)

    new = commands.add_parser("new", help=_help("new"))
    new.add_argument("--date", type=date.fromisoformat, default=None, help=_help("date"))
    new.add_argument("--slug", default="kegiatan-baru", help=_help("slug"))
    _content_option(new)
    new.set_defaults(run=_new)

    schema_cmd = commands.add_parser("schema", help=_help("schema"))
    schema_cmd.add_argument("--out", type=Path, default=Path("schema"))
    schema_cmd.add_argument("--check", action="store_true", help=_help("schema_check"))
    schema_cmd.set_defaults(run=_schema)
    return parser


def _help(name: str) -> str:
    return message(f"cli.help.{name}", {})


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help=_help("content"))
    parser.add_argument("--templates", type=Path, default=None, help=_help("templates"))


def _templates(args: argparse.Namespace) -> Path:
    return args.templates or args.content.parent / "templates"


def _check(args: argparse.Namespace) -> int:
    content = records.load_content(args.content, today=date.today())
    used = {k for e in content.events for k in e.recipients.by_kecamatan}
    print(message("cli.ok", {
        "events": len(content.events), "programs": len(content.programs),
        "kecamatan": len(used), "region": content.region.name,
    }))
    return 0


def _render(args: argparse.Namespace) -> int:
    content = records.load_content(args.content, today=date.today())
    events_dir = args.content / "events"
    if args.event.resolve().parent != events_dir.resolve():
        raise WartaError([Problem("cli.not_an_event", Source(str(args.event)), {"events_dir": events_dir})])
    event = content.event(args.event.stem)
    writer = article.Writer(_templates(args))
    sys.stdout.write(writer.render(article.facts(event, content), args.format))
    return 0


def _new(args: argparse.Namespace) -> int:
    when = args.date or date.today()
    path = args.content / "events" / f"{when.isoformat()}-{args.slug}.yml"
    if path.exists():
        raise WartaError([Problem("cli.new_exists", Source(str(path)))])
    env = article.environment(_templates(args), "text")
    programs = sorted(p.stem for p in (args.content / "programs").glob("*.yml"))
    text = env.get_template("new-event.yml.j2").render(date=when.isoformat(), programs=programs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {message('cli.new_written', {})}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    stale = []
    for name, text in schema.documents().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(Problem("cli.schema_stale", Source(str(path)), {"path": path}))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(message("cli.schema_written", {"path": path}))
    if stale:
        raise WartaError(stale)
    return 0
