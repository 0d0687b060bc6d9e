"""A YAML syntax error -> the slip the writer made, on the line they made it.

libyaml stops where it noticed a problem, which is often not where the
writer slipped: an unclosed quote is noticed at the next quote or at the end
of the file, a missing colon on the line after, a line indented one space
too deep as "mapping values are not allowed". `diagnose` reads the text
around the error (and the tokens before it, from PyYAML's own scanner) to
name the slip and its line. The words are the catalogue's; this module
only chooses the code, the line and the numbers the message gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any

import yaml

# libyaml's problem texts for the slips that need no reading around them,
# stable for many years, and the hint that explains each; a text not listed
# gets the general advice only.
HINTS = {
    "found character that cannot start any token": "token",
    "did not find expected ',' or ']'": "flow",
    "did not find expected ',' or '}'": "flow",
}

# The start of a "key: value" line, with or without a list dash: the key
# (group 2) and whether a value follows on the same line (group 3).
_KEY_LINE = re.compile(r"^(\s*(?:- )?)([\w-]+):(?:\s+(\S))?")
_KEY_ONLY = re.compile(r"\s*(?:- )?[\w-]+\s*")


@dataclass(frozen=True)
class Slip:
    """What went wrong: a catalogue code, the 1-based line, the message's values."""

    code: str
    line: int
    params: dict[str, Any]


def diagnose(exc: yaml.MarkedYAMLError, text: str) -> Slip:
    """The slip behind a YAML error in `text`, on the line to fix."""
    lines = text.splitlines()
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    at = mark.line if mark else 0  # 0-based
    tab = next((i for i, ln in enumerate(lines[: at + 1]) if "\t" in _leading(ln)), None)
    if tab is not None or "'\\t'" in problem:
        return Slip("yaml.tab", (tab if tab is not None else at) + 1, {})
    quote = _unclosed_quote(text, exc)
    if quote is not None:
        return quote
    if "mapping values are not allowed" in problem and mark is not None:
        return _colon_after(lines, at, mark.column)
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        return _missing_colon(lines, exc.context_mark.line)
    if "did not find expected key" in problem or "did not find expected '-' indicator" in problem:
        found = _indent_mismatch(text, lines, at)
        if found is not None:
            return found
    hint = next((code for text_, code in HINTS.items() if text_ in problem), "general")
    if hint == "flow" and exc.context_mark is not None:
        # A bracket left open is noticed on a later line; it opened here.
        mark = exc.context_mark
    return Slip("yaml.syntax", mark.line + 1 if mark else 1, {
        "column": mark.column + 1 if mark else 1, "hint": "yaml.hint." + hint,
    })


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_before(lines: list[str], at: int) -> int | None:
    """The nearest line above `at` with something on it other than a comment."""
    for i in range(at - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> Slip | None:
    """A quote opened and never closed, found at the end of the file or at
    the next quote, which closed it lines later."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        mark = exc.context_mark
        return Slip("yaml.unclosed_quote", mark.line + 1, {"quote": text[mark.index : mark.index + 1]})
    if exc.problem_mark is None:
        return None
    last = _tokens_before(text, exc.problem_mark.index)
    token = last[-1] if last else None
    # A quoted text may run over lines on purpose; one that ends right where
    # YAML broke down swallowed the lines in between.
    if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') and token.end_mark.line > token.start_mark.line:
        return Slip("yaml.unclosed_quote", token.start_mark.line + 1, {"quote": token.style})
    return None


def _colon_after(lines: list[str], at: int, column: int) -> Slip:
    """': ' where YAML was reading a text: a colon in the text, a line indented
    so deep that it continues the line above, or a key above without its colon."""
    above = _content_before(lines, at)
    if not _KEY_ONLY.fullmatch(lines[at][:column]) or above is None:
        return Slip("yaml.colon_in_text", at + 1, {})
    key_above = _KEY_LINE.match(lines[above])
    if key_above and key_above[3] and _indent(lines[at]) > len(key_above[1]):
        return Slip("yaml.indent_continues", at + 1, {
            "found": _indent(lines[at]), "expected": len(key_above[1]), "other": above + 1,
        })
    if ":" not in lines[above] and _indent(lines[at]) == _indent(lines[above]):
        return _missing_colon(lines, above)
    return Slip("yaml.colon_in_text", at + 1, {})


def _missing_colon(lines: list[str], at: int) -> Slip:
    words = lines[at].strip().removeprefix("- ").split()
    return Slip("yaml.colon_missing", at + 1, {"key": words[0] if words else ""})


def _indent_mismatch(text: str, lines: list[str], at: int) -> Slip | None:
    """A key or list item whose indentation matches no sibling: name the sibling.

    The sibling of a key is the key before it; of a list item, the nearest
    item above that is less indented (it went too deep), else the nearest
    more indented one (it did not go deep enough).
    """
    found = _indent(lines[at])
    before = [t for t in _block_tokens(_tokens_before(text, _line_start(lines, at))) if isinstance(t, (yaml.KeyToken, yaml.BlockEntryToken))]
    if lines[at].lstrip().startswith("-"):
        items = [t for t in before if isinstance(t, yaml.BlockEntryToken)]
        shallower = [t for t in items if t.start_mark.column < found]
        deeper = [t for t in items if t.start_mark.column > found]
        if shallower:
            best = max(t.start_mark.column for t in shallower)
            sibling = [t for t in shallower if t.start_mark.column == best][-1]
        elif deeper:
            best = min(t.start_mark.column for t in deeper)
            sibling = [t for t in deeper if t.start_mark.column == best][-1]
        else:
            return Slip("yaml.item_outside_list", at + 1, {})
    else:
        keys = [t for t in before if isinstance(t, yaml.KeyToken) and t.start_mark.column != found]
        if not keys:
            return None
        sibling = keys[-1]
    return Slip("yaml.indent", at + 1, {
        "found": found, "expected": sibling.start_mark.column, "other": sibling.start_mark.line + 1,
    })


def _block_tokens(tokens: list[yaml.Token]) -> Iterator[yaml.Token]:
    """`tokens` less those inside [ ] and { }, whose keys and items have no indentation."""
    depth = 0
    for token in tokens:
        if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
            depth += 1
        elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
            depth -= 1
        elif depth == 0:
            yield token


def _line_start(lines: list[str], at: int) -> int:
    return sum(len(ln) + 1 for ln in lines[:at])


def _tokens_before(text: str, index: int) -> list[yaml.Token]:
    """The tokens PyYAML's scanner reads before character `index` (all it can, if it fails first).

    Why the pure-Python scanner: libyaml's marks say where it stopped, not
    what it had read; this runs only on a file that already failed.
    """
    tokens = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def swallowed_item(lines: list[str], first: int, last: int) -> Slip | None:
    """A list item indented deeper than the one above, which YAML reads, without
    any error, as more words of it ("- a" then "   - b" is the one text "a - b").

    `first` and `last` are the 0-based lines a plain (unquoted) text spans.
    """
    for at in range(first + 1, min(last, len(lines) - 1) + 1):
        if lines[at].lstrip(" ").startswith("- "):
            start = _KEY_LINE.match(lines[first])
            expected = len(start[1]) if start else _indent(lines[first])
            return Slip("yaml.indent_continues", at + 1, {"found": _indent(lines[at]), "expected": expected, "other": first + 1})
    return None
