"""Imports point one way: records -> article -> pages; only plugin knows MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Which sibling modules each module may import. Leaves import none.
ALLOWED = {
    "errors": set(),
    "bahasa": set(),
    "privacy": set(),
    "wilayah": set(),
    "records": {"errors", "privacy", "wilayah"},
    "schema": {"records"},
    "article": {"bahasa", "records"},
    "totals": {"records", "wilayah"},
    "charts": {"bahasa"},
    "feeds": {"article", "records"},
    "opendata": {"errors", "privacy", "records", "totals", "wilayah"},
    "pages": {"article", "bahasa", "charts", "errors", "feeds", "opendata", "privacy", "records", "totals", "wilayah"},
    "preview": {"article", "errors", "pages"},
    "plugin": {"article", "errors", "pages", "preview", "privacy", "records"},
    "cli": {"article", "errors", "pages", "records", "schema"},
    "__main__": {"cli"},
    "__init__": set(),
}


def _imports(path: Path) -> tuple[set[str], set[str]]:
    siblings, external = set(), set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            siblings |= {node.module} if node.module else {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            external.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            external |= {a.name.split(".")[0] for a in node.names}
    return siblings, external


def test_every_module_is_listed() -> None:
    assert {p.stem for p in PACKAGE.glob("*.py")} <= set(ALLOWED)


def test_imports_point_one_way_and_only_plugin_imports_mkdocs() -> None:
    for path in PACKAGE.glob("*.py"):
        siblings, external = _imports(path)
        assert siblings <= ALLOWED[path.stem], f"{path.stem} imports {siblings - ALLOWED[path.stem]}"
        if path.stem != "plugin":
            assert "mkdocs" not in external, f"{path.stem} imports mkdocs"
