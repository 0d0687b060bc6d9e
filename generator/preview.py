"""The editors' preview when the content is broken: a page of problems.

`mkdocs serve` shows this instead of hanging, at every address the last good
build had, so the open browser tab reloads straight into the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from . import article
from .errors import Problem, format_problem
from .pages import Page


def error_pages(problems: Iterable[Problem], paths: Iterable[str], templates: Path) -> tuple[Page, ...]:
    """The same problem list at each of `paths` (always at least the home page)."""
    env = article.Writer(templates).env("markdown")
    text = env.get_template("preview-errors.j2").render(problems=[format_problem(p) for p in problems])
    return tuple(Page(path, text) for path in sorted({"index.md", *paths}))
