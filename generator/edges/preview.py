"""The editors' preview when records are broken: pages of problems.

`mkdocs serve` shows these instead of hanging: a broken event's problems at
its own article address, and, while no good version of the content exists
yet, the whole list at every address the last good build had, so the open
browser tab reloads straight into it.
"""

from __future__ import annotations

from typing import Iterable

from ..compose.contexts import PreviewContext
from ..compose.pages import Page
from ..compose.templating import Templates
from ..core.errors import Problem, report_lines


def error_pages(problems: Iterable[Problem], paths: Iterable[str], templates: Templates) -> tuple[Page, ...]:
    """The same problem list at each of `paths` (always at least the home page)."""
    text = templates.render(PreviewContext(lines(problems), None))
    return tuple(Page(path, text) for path in sorted({"index.md", *paths}))


def record_page(path: str, record: str, problems: Iterable[Problem], templates: Templates) -> Page:
    """The problems of one event file, at its article's address `path`."""
    return Page(path, templates.render(PreviewContext(lines(problems), record)))


def lines(problems: Iterable[Problem]) -> tuple[str, ...]:
    """Each mistake as the editor reads it, 'file:line: pesan', one repeated on many lines said once."""
    return tuple(report_lines(problems))
