"""YAML text -> plain data with lines: the first of the loader's two passes.

Files are composed into a node tree (never constructed), and one walk over
it turns it into plain data in which every scalar is the text as written,
while noting the line of every key, duplicate keys, anchors, odd tags and
personal data. Nothing here knows what a record means; `validation` turns
the data into records.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Union

import yaml

from ..core import privacy
from ..core.errors import FieldPath, Problem, Source
from ..core.text import undecodable_line
from . import slips

MAX_FILE_BYTES = 1_000_000
"""Largest record file accepted; a real event record is a few kilobytes."""

MAX_DEPTH = 12
"""Deepest nesting accepted; the record format itself needs five levels."""

_NULLS = {"", "~", "null", "Null", "NULL"}
# The tags YAML resolves by itself; anything else (!!python/object, !foo)
# was written on purpose and means nothing to Warta.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "omap", "pairs", "set", "merge", "binary", "value", "yaml")}

Path_ = tuple[Union[str, int], ...]


class SourcedText(str):
    """A string from a YAML sequence that remembers where it was written.

    Why: a recipient or a quote may be a bare string, and records keep the
    line of every recipient and quote.
    """

    source: Source


class SourcedDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers where it was written; its keys are only the writer's."""

    source: Source

    def __init__(self, items: Any, source: Source) -> None:
        super().__init__(items)
        self.source = source


@dataclass(frozen=True)
class Identifier:
    """Something shaped like personal data, where it was written.

    Why not a problem at once: whether it may stay (an office hotline in
    ``official_contacts``, the address of a public venue) depends on other
    files, and a parsed file is cached on its own bytes alone.
    """

    path: Path_
    line: int
    kind: str  # one of privacy.KINDS
    text: str  # what matched


@dataclass
class Parsed:
    data: Any
    lines: dict[Path_, int]
    problems: list[Problem]
    display: str
    identifiers: list[Identifier] = field(default_factory=list)
    record: str = ""  # what the file holds: "Site", "Event", "Person"...; messages word a few keys by it

    def field(self, loc: Iterable[Union[str, int]]) -> FieldPath:
        """`loc` as the place a message names ("kolom 'recipients' (penerima) di pembayaran ke-1")."""
        return FieldPath(tuple(loc), self.record)

    def source(self, loc: Iterable[Union[str, int]]) -> Source:
        """The line of `loc`, or of its nearest enclosing part that has one."""
        path = tuple(loc)
        while path and path not in self.lines:
            path = path[:-1]
        return Source(self.display, self.lines.get(path, 1))


def read_yaml(path: Path, display: str, record: str = "") -> Parsed:
    """Read one record file without ever letting YAML guess a type."""
    raw = read_plain(path, display)
    if isinstance(raw, Problem):
        return Parsed(None, {}, [raw], display, record=record)
    return parse_yaml(raw, display, record)


def parse_yaml(raw: bytes, display: str, record: str = "") -> Parsed:
    """The bytes of one record file as plain data with lines, and every problem of its text."""
    parsed = Parsed(None, {}, [], display, record=record)
    if (bad := undecodable_line(raw)) is not None:
        parsed.problems.append(Problem("file.encoding", Source(display, bad)))
        return parsed
    text = raw.decode("utf-8-sig")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        parsed.problems.append(Problem("file.empty", Source(display)))
        return parsed
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        parsed.problems.append(_syntax_problem(exc, text, display))
        return parsed
    except yaml.reader.ReaderError as exc:
        # A control character (NUL, ESC...) that YAML refuses to read at all.
        line = text[: exc.position].count("\n") + 1
        char = ord(exc.character) if isinstance(exc.character, str) else exc.character  # libyaml gives an int
        parsed.problems.append(Problem("file.control", Source(display, line), {"code": f"U+{char:04X}"}))
        return parsed
    walker = _Walker(parsed, text.splitlines())
    data = walker.value(root, ())
    # A list item read as more words of the item above is a slip in the
    # file's shape, like a syntax error: its values mean nothing yet.
    parsed.data = None if walker.swallowed else data
    return parsed


# --------------------------------------------------------------------------
# Only plain files are read: nothing of the build machine reaches the site.


def read_plain(path: Path, display: str, limit: int = MAX_FILE_BYTES) -> bytes | Problem:
    """The bytes of a plain file of at most `limit` bytes, or the problem that stops Warta opening it.

    Why check before opening: a symlink publishes whatever it points at
    (``.git/config``, a key), opening a named pipe waits for ever, and a
    device never ends (``/dev/zero``). ``O_NOFOLLOW`` and the second check
    on the open file cover one swapped in between.
    """
    refused = refusal(path, display)
    if refused is not None:
        return refused
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return Problem("file.special", Source(display))
            if info.st_size > limit:
                return Problem("file.too_large", Source(display), {"size": info.st_size, "limit": limit})
            return handle.read(info.st_size + 1)
    except OSError as exc:
        return _os_problem(exc, display)


def refusal(path: Path, display: str) -> Problem | None:
    """Why `path` is no plain file or folder Warta may open (a symlink, a pipe, a device, unreadable), or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return _os_problem(exc, display)
    if stat.S_ISLNK(mode):
        return Problem("file.symlink", Source(display))
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return Problem("file.special", Source(display))
    return None


def refused_entries(root: Path) -> list[Problem]:
    """Everything inside the content folder that is not a plain file or folder, or cannot be listed.

    Why the whole folder, before anything is read: MkDocs copies the pages
    and media as they are, so a symlink there is published even though no
    record names it. Hidden names are skipped, as MkDocs and the loader
    skip them (an editor's lock file is a dangling symlink).
    """
    found: list[Problem] = []

    def unlisted(exc: OSError) -> None:
        found.append(_os_problem(exc, shown_path(root, Path(exc.filename or root))))

    for folder, dirs, files in os.walk(root, onerror=unlisted):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted([*dirs, *files]):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            display = shown_path(root, path)
            if (control := _control_in(name)) is not None:
                found.append(Problem("file.name_control", Source(display), {"code": control}))
            elif (problem := refusal(path, display)) is not None:
                found.append(problem)
        # A refused folder (a symlink) is never walked into.
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
    return found


def shown_path(root: Path, path: Path) -> str:
    """`path` as messages name it, below `root`, with any control character in a name written as its code.

    Why: a newline or an escape sequence in a file name would break the
    ``path:line: message`` lines, or rewrite the editor's terminal.
    """
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return printable(f"{root}/{relative}" if relative != "." else str(root))


def printable(text: str) -> str:
    """`text` with each character that cannot be seen (newline, tab, escape) written as its code."""
    # A printable text (str.isprintable, in C) holds none of _is_control's
    # categories: the common case costs no loop over the characters.
    if text.isprintable():
        return text
    return "".join(f"<U+{ord(ch):04X}>" if _is_control(ch) else ch for ch in text)


def has_control(name: str) -> bool:
    """Whether a file name holds a character that cannot be seen (a newline, a tab, an escape)."""
    return _control_in(name) is not None


def _control_in(name: str) -> str | None:
    if name.isprintable():
        return None
    return next((f"U+{ord(ch):04X}" for ch in name if _is_control(ch)), None)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def _os_problem(exc: OSError, display: str) -> Problem:
    """A refused open or listing, worded for staff: permission, a symlink loop, or the system's code."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Problem("file.permission", Source(display))
    if exc.errno == errno.ELOOP:
        return Problem("file.symlink", Source(display))
    if exc.errno == errno.ENOENT:
        return Problem("file.missing", Source(display))
    return Problem("file.unreadable", Source(display), {"code": errno.errorcode.get(exc.errno or 0, str(exc.errno))})


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    if "nesting depth" in (exc.problem or ""):
        mark = exc.problem_mark or exc.context_mark
        return Problem("yaml.too_deep", Source(display, mark.line + 1 if mark else 1), {"limit": MAX_DEPTH})
    slip = slips.diagnose(exc, text)
    return Problem(slip.code, Source(display, slip.line), slip.params)


class _Walker:
    def __init__(self, parsed: Parsed, lines: list[str]) -> None:
        self.parsed = parsed
        self.lines = lines
        self.seen: set[int] = set()
        self.swallowed = False

    def problem(self, code: str, line: int, **params: Any) -> None:
        self.parsed.problems.append(Problem(code, Source(self.parsed.display, line), params))

    def value(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        self.parsed.lines.setdefault(path, line)
        if len(path) > MAX_DEPTH:
            # Deeper than any record can be: stop before Python's own limit.
            self.problem("yaml.too_deep", line, limit=MAX_DEPTH)
            return None
        # compose() resolves an alias to the very node its anchor named; a
        # node met twice is an alias, refused so no file can expand itself
        # into gigabytes ("billion laughs").
        if id(node) in self.seen:
            self.problem("yaml.alias", line)
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.problem("yaml.tag", line, tag=node.tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path, line)
        if isinstance(node, yaml.SequenceNode):
            return [self.item(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.mapping(node, path, line)

    def item(self, node: yaml.Node, path: Path_) -> Any:
        value = self.value(node, path)
        if isinstance(value, str):
            value = SourcedText(value)
            value.source = Source(self.parsed.display, node.start_mark.line + 1)
        return value

    def scalar(self, node: yaml.ScalarNode, path: Path_, line: int) -> str | None:
        # The C loader marks plain scalars with style '' and the Python one
        # with None: both mean "not quoted".
        if not node.style and node.value in _NULLS:
            return None
        if not node.style and node.end_mark.line > node.start_mark.line:
            slip = slips.swallowed_item(self.lines, node.start_mark.line, node.end_mark.line)
            if slip is not None:
                self.problem(slip.code, slip.line, **slip.params)
                self.swallowed = True
        self.scan(node.value, path, line)
        return node.value

    def scan(self, text: str, path: Path_, line: int) -> None:
        for found in privacy.find_identifiers(text, official_emails_ok=True):
            self.parsed.identifiers.append(Identifier(path, line, found.kind, text[found.start : found.end]))

    def mapping(self, node: yaml.MappingNode, path: Path_, line: int) -> SourcedDict:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problem("yaml.complex_key", key_line)
                continue
            key = " ".join(key_node.value.split())
            self.scan(key, (*path, key), key_line)
            if key in first_line:
                self.problem("yaml.duplicate_key", key_line, key=key, other=first_line[key])
                continue
            first_line[key] = key_line
            self.parsed.lines[(*path, key)] = key_line
            out[key] = self.value(value_node, (*path, key))
        return SourcedDict(out, Source(self.parsed.display, line))
