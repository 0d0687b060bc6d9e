"""The documentation staff read cannot drift from the code.

Every field an editor's YAML plug-in offers carries Indonesian help, and every
example record in docs/panduan/ is loaded by the real loader.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator import records
from generator.edges import schema

from .conftest import ROOT, SLEMAN

GUIDE = ROOT / "docs" / "panduan"

EXAMPLE = re.compile(r"<!--\s*contoh:\s*events/([a-z0-9-]+)\.yml\s*-->\s*\n```yaml\n(.*?)\n```", re.S)
"""A ```yaml block headed by ``<!-- contoh: events/NAME.yml -->``: a whole event record."""


def _properties(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object schema below `node` ($defs, items, anyOf ... included), with its path."""
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield f"{where}.{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{where}[{i}]")


def test_every_schema_property_has_a_description() -> None:
    seen = 0
    undescribed = []
    for name, text in schema.documents().items():
        for path, prop in _properties(json.loads(text), name):
            seen += 1
            if not (isinstance(prop, dict) and str(prop.get("description", "")).strip()):
                undescribed.append(path)
    assert seen > 100  # the walk reached the nested $defs, not only the top level
    assert not undescribed, "fields without description (add _describe and schema.field.* text):\n" + "\n".join(undescribed)


def _examples() -> list[tuple[str, str, str]]:
    """(page, event name, YAML text) of every event example in the staff guide."""
    found = []
    for page in sorted(GUIDE.glob("*.md")):
        for match in EXAMPLE.finditer(page.read_text(encoding="utf-8")):
            found.append((page.name, match[1], match[2] + "\n"))
    return found


EXAMPLES = _examples()


def test_the_guide_shows_an_example_of_every_kind_and_a_correction() -> None:
    texts = {name: text for _, name, text in EXAMPLES}
    kinds = {m for text in texts.values() for m in re.findall(r"^kind: ([a-z-]+)$", text, re.M)}
    assert kinds == {"penyerahan", "penyaluran", "bantuan-tunai", "pelatihan", "peluncuran", "sosialisasi", "rapat", "kunjungan"}
    assert any(page == "ralat.md" and "corrections:" in text for page, _, text in EXAMPLES)
    assert len(texts) == len(EXAMPLES), "two examples write the same events/NAME.yml"


@pytest.mark.parametrize(("page", "name", "text"), EXAMPLES, ids=[f"{p}:{n}" for p, n, _ in EXAMPLES])
def test_guide_example_loads(page: str, name: str, text: str, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(SLEMAN, root)
    (root / "events" / f"{name}.yml").write_text(text, encoding="utf-8")
    published = {event.slug for event in records.load_content(root).events}
    if re.search(r"^draft: true$", text, re.M):
        # A draft is sound enough for the preview and stays out of the public site.
        assert name not in published and name in records.load(root).drafts
    else:
        assert name in published, f"{page}: {name} was not published"


SECTIONS = {
    "site.yml": "site.schema.json",
    "organizations.yml": "organizations.schema.json",
    "people.yml": "people.schema.json",
    "programs/*.yml": "program.schema.json",
    "events/*.yml": "event.schema.json",
}


def _table_fields(page: str, heading: str) -> set[str]:
    """The last part of every field named in the first column of the tables under `## heading`."""
    section = page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return {cell.split(".")[-1] for cell in re.findall(r"^\| `([a-z_.]+)`", section, re.M)}


@pytest.mark.parametrize(("heading", "document"), SECTIONS.items())
def test_the_field_list_names_every_field(heading: str, document: str) -> None:
    page = (GUIDE / "menulis-kegiatan.md").read_text(encoding="utf-8")
    fields = {path.rsplit(".", 1)[-1] for path, _ in _properties(json.loads(schema.documents()[document]), document)}
    assert fields - _table_fields(page, heading) == set()
