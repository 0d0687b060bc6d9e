"""Charts: accessible inline SVG that Markdown leaves alone and readers can read without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import pytest

from generator.compose.charts import bar_chart

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [("Alak", 2), ("Maulafa", 1250), ("Kelapa Lima", 625), ("Oebobo", 0)]


def svg_of(html: str) -> ET.Element:
    figure = ET.fromstring(html)
    assert figure.tag == "figure"
    (svg,) = list(figure)
    return svg


def bars(svg: ET.Element) -> list[tuple[str, float, str]]:
    """(label, bar width, value text) per bar, in drawing order."""
    out = []
    for group in svg.iter(f"{SVG}g"):
        label, value = group.findall(f"{SVG}text")
        rect = group.find(f"{SVG}rect")
        assert rect is not None
        out.append((label.text or "", float(rect.get("width", "nan")), value.text or ""))
    return out


def test_one_bar_per_row_with_its_label_and_value_as_text() -> None:
    svg = svg_of(bar_chart("Penerima per kecamatan", ROWS))
    found = bars(svg)
    assert len(found) == len(ROWS) == len(list(svg.iter(f"{SVG}rect")))
    assert [label for label, _, _ in found] == ["Alak", "Maulafa", "Kelapa Lima", "Oebobo"]
    # Thousands are grouped with a full stop, the Indonesian way.
    assert [value for _, _, value in found] == ["2", "1.250", "625", "0"]


def test_widths_are_proportional_and_the_largest_fits_with_its_value() -> None:
    svg = svg_of(bar_chart("Penerima", ROWS))
    widths = {label: width for label, width, _ in bars(svg)}
    assert widths["Kelapa Lima"] == pytest.approx(widths["Maulafa"] / 2, abs=0.01)
    assert widths["Alak"] == pytest.approx(widths["Maulafa"] * 2 / 1250, abs=0.01)
    view_width = float(svg.get("viewBox", "").split()[2])
    assert 0 < widths["Maulafa"] < view_width
    # The value of the longest bar starts right of it and inside the drawing.
    value_x = [float(t.get("x", "nan")) for g in svg.iter(f"{SVG}g") for t in g.findall(f"{SVG}text")[1:]]
    assert all(x < view_width - 20 for x in value_x)


def test_all_zero_rows_give_zero_width_bars_that_still_say_zero() -> None:
    svg = svg_of(bar_chart("Penerima", [("Alak", 0), ("Oebobo", 0)]))
    assert [(w, v) for _, w, v in bars(svg)] == [(0.0, "0"), (0.0, "0")]


def test_accessible_name_and_description_list_every_row() -> None:
    svg = svg_of(bar_chart("Penerima Bangun NTT", ROWS, unit="orang"))
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby", "").split()
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert (title.get("id"), title.text) == (title_id, "Penerima Bangun NTT")
    assert desc.get("id") == desc_id
    assert desc.text == "Alak: 2 orang; Maulafa: 1.250 orang; Kelapa Lima: 625 orang; Oebobo: 0 orang"


def test_responsive_and_single_colour_from_the_page_text() -> None:
    svg = svg_of(bar_chart("Penerima", ROWS))
    assert svg.get("width") == "100%"
    assert svg.get("viewBox", "").startswith("0 0 ")
    assert svg.get("fill") == "currentColor"
    assert all(rect.get("fill") is None for rect in svg.iter(f"{SVG}rect"))


def test_labels_are_escaped_text_never_markup() -> None:
    evil = '<script>alert("x")</script> & <b>Alak</b>'
    html = bar_chart(evil, [(evil, 3)])
    assert "<script" not in html and "<b>" not in html
    svg = svg_of(html)
    assert bars(svg)[0][0] == evil
    assert svg.find(f"{SVG}title").text == evil  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").text == f"{evil}: 3 penerima"  # type: ignore[union-attr]


def test_same_input_same_bytes_and_different_charts_different_ids() -> None:
    first = bar_chart("Penerima", ROWS)
    assert first == bar_chart("Penerima", list(ROWS))
    other = bar_chart("Penerima", ROWS[:2])
    assert svg_of(first).get("aria-labelledby") != svg_of(other).get("aria-labelledby")


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        bar_chart("Penerima", [("Alak", -1)])


@pytest.mark.parametrize("extensions", [[], ["tables", "attr_list"], ["md_in_html", "attr_list"]])
def test_markdown_passes_the_chart_through_untouched(extensions: list[str]) -> None:
    chart = bar_chart("Penerima *per* kecamatan_x", [("Kota_Lama *bintang*", 2), ("Alak\n\nbaru", 1)])
    assert "\n\n" not in chart  # a blank line would end the raw HTML block
    page = f"# Judul\n\nSebelum.\n\n{chart}\n\nSesudah.\n"
    html = markdown.markdown(page, extensions=extensions)
    assert chart in html
    assert "<em>" not in html and "<p><figure" not in html
