"""Counts -> inline SVG bar charts, drawn at build time with no JavaScript.

A chart is a `<figure>` holding one `<svg>`, written as a single block of raw
HTML. Why the figure: Python-Markdown passes a block-level tag through
untouched, but `svg` is not on its block-level list, so a bare `<svg>` would
be wrapped in `<p>` and its text run through emphasis and link rules.

Why it reads without colour: every bar carries its label above it and its
value at its end as text. Text uses `currentColor`, the page's own text
colour; bars take the theme's primary colour from the site's stylesheet
(class ``warta-chart``), which keeps 3:1 against the page in both palettes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from xml.sax.saxutils import escape

from ..core import bahasa

WIDTH = 360  # viewBox units; the SVG scales to the column width, so text stays
# at least 12px on a phone 320px wide held upright (15px at 390px)
_FONT = 15
_ROW = 44  # label line + bar + gap
_BAR = 16
_LABEL_BASELINE = 14
_BAR_TOP = 20
_GAP = 6  # between a bar's end and its value
# Digits of a system font are at most ~0.6em wide; the value column is
# sized from the longest value so the largest bar still leaves it room.
_DIGIT_WIDTH = 0.6 * _FONT


def bar_chart(title: str, rows: Sequence[tuple[str, int]], *, unit: str = "penerima") -> str:
    """An accessible horizontal bar chart of `rows` (label, count) as HTML.

    Bars keep the order of `rows`; their lengths are proportional to the
    counts, and a zero count is a zero-width bar that still shows "0". The
    SVG's `<desc>` lists every label with its count and `unit`, so a screen
    reader hears the whole table. Same input, same bytes: the element ids
    come from a hash of the input, never from a counter or the clock.
    """
    if any(n < 0 for _, n in rows):
        raise ValueError("a bar chart shows counts, which cannot be negative")
    title = _one_line(title)
    labels = [_one_line(label) for label, _ in rows]
    values = [bahasa.digits(n) for _, n in rows]
    top = max((n for _, n in rows), default=0)
    value_room = _GAP + _DIGIT_WIDTH * max((len(v) for v in values), default=1)
    bar_max = WIDTH - value_room
    height = max(_ROW * len(rows), _ROW // 2)
    ident = "chart-" + _digest(title, unit, rows)
    desc = "; ".join(f"{label}: {value} {unit}" for label, value in zip(labels, values))

    lines = [
        '<figure class="warta-chart">',
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-title {ident}-desc"'
        f' viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet"'
        f' font-size="{_FONT}" fill="currentColor">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for i, ((_, count), label, value) in enumerate(zip(rows, labels, values)):
        y = _ROW * i
        width = bar_max * count / top if top else 0.0
        lines += [
            '<g class="bar">',
            f'<text x="0" y="{y + _LABEL_BASELINE}">{escape(label)}</text>',
            f'<rect x="0" y="{y + _BAR_TOP}" width="{_number(width)}" height="{_BAR}"/>',
            f'<text x="{_number(width + _GAP)}" y="{y + _BAR_TOP + _BAR - 3}">{value}</text>',
            "</g>",
        ]
    lines += ["</svg>", "</figure>"]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    # A newline in a label could leave a blank line inside the raw HTML
    # block, which would end the block and hand the rest to Markdown.
    return " ".join(text.split())


def _number(x: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _digest(title: str, unit: str, rows: Sequence[tuple[str, int]]) -> str:
    data = "\x1f".join([title, unit, *(f"{label}\x1e{n}" for label, n in rows)])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]
