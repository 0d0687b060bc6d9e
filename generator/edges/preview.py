"""The editors' preview when the content is broken: a page of problems.

`mkdocs serve` shows this instead of hanging, at every address the last good
build had, so the open browser tab reloads straight into the list.
"""

from __future__ import annotations

from typing import Iterable

from ..compose.contexts import PreviewContext
from ..compose.pages import Page
from ..compose.templating import Templates
from ..core.errors import Problem, report_lines


def error_pages(problems: Iterable[Problem], paths: Iterable[str], templates: Templates) -> tuple[Page, ...]:
    """The same problem list at each of `paths` (always at least the home page)."""
    text = templates.render(PreviewContext(tuple(report_lines(problems))))
    return tuple(Page(path, text) for path in sorted({"index.md", *paths}))
