"""Imports point one way, folder by folder: core <- records <- compose <- edges.

`core` holds leaves (messages, Indonesian rules, the gazetteer, identifiers,
text rules); `records` turns a content folder into records; `compose` turns
records into pages; `edges` (MkDocs plugin, CLI, preview) call them. Within
a folder, a module imports only modules listed before it. Only the plugin
knows MkDocs.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# The pipeline, in order; each folder's modules in the order they may import each other.
LAYERS: dict[str, tuple[str, ...]] = {
    "core": ("__init__", "parallel", "cache", "text", "documented", "errors", "bahasa", "wilayah", "privacy", "imaging", "docxfile",
             "canonical"),
    "records": ("places", "slips", "reading", "model", "kept", "validation", "rules", "pages", "load", "__init__"),
    "compose": ("recall", "totals", "policy", "addresses", "usul", "media", "article", "opendata", "contexts", "charts", "templating",
                "writer", "pressrelease", "facts", "feeds", "pages", "__init__"),
    "edges": ("__init__", "serve", "staging", "preview", "schema", "guide", "init", "impor", "cli", "search", "rendered",
              "plugin"),
}
ORDER = tuple(LAYERS)
TOP = {"__init__", "__main__"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _name(path: Path, root: Path = PACKAGE) -> tuple[str, str]:
    """(folder, module) of a file below generator/; folder "" for the package's own files."""
    rel = path.relative_to(root)
    return (rel.parts[0], path.stem) if len(rel.parts) == 2 else ("", path.stem)


def _imports(path: Path, root: Path = PACKAGE) -> tuple[set[tuple[str, str]], set[str]]:
    """Warta modules imported, as (folder, module); and external packages."""
    folder, _ = _name(path, root)
    warta, external = set(), set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = [folder] if node.level == 1 else []
            parts = [*base, *(node.module.split(".") if node.module else [])]
            if len(parts) == 2:
                warta.add((parts[0], parts[1]))
            elif len(parts) == 1 and parts[0] in LAYERS:
                warta |= {(parts[0], a.name) if a.name in LAYERS[parts[0]] else (parts[0], "__init__") for a in node.names}
            elif len(parts) == 1:
                warta.add((folder, parts[0]))
            else:
                warta |= {(a.name, "__init__") for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            external.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            external |= {a.name.split(".")[0] for a in node.names}
    return warta, external


def _rank(folder: str, module: str) -> tuple[int, int]:
    return ORDER.index(folder), LAYERS[folder].index(module)


def test_every_module_has_a_place_in_the_pipeline() -> None:
    for path in _modules():
        folder, module = _name(path)
        if folder == "":
            assert module in TOP, f"{path}: modules live in one of {ORDER}"
        else:
            assert folder in LAYERS and module in LAYERS[folder], f"{folder}/{module} is not listed in LAYERS"


def test_imports_point_one_way() -> None:
    for path in _modules():
        folder, module = _name(path)
        if folder == "":
            continue
        for target in _imports(path)[0]:
            assert _rank(*target) < _rank(folder, module), (
                f"{folder}/{module} imports {target[0]}/{target[1]}, which comes after it in the pipeline")


# The plugin, and the page converter that takes the place of MkDocs' own
# (it reuses MkDocs' link resolver, so that cached pages warn as MkDocs would).
KNOWS_MKDOCS = {("edges", "plugin"), ("edges", "rendered")}


def test_only_the_plugin_knows_mkdocs() -> None:
    for path in _modules():
        if _name(path) not in KNOWS_MKDOCS:
            assert "mkdocs" not in _imports(path)[1], f"{path} imports mkdocs"


def test_the_rule_catches_a_backward_import(tmp_path: Path) -> None:
    """The check above must fail on records importing compose."""
    bad = tmp_path / "generator" / "records" / "model.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from ..compose import pages\nfrom .load import load_content\n")
    targets = _imports(bad, tmp_path / "generator")[0]
    assert targets == {("compose", "pages"), ("records", "load")}
    assert all(_rank(*t) > _rank("records", "model") for t in targets)


def test_nothing_downstream_reads_place_names_as_written() -> None:
    """Kecamatan and kelurahan are resolved in records; compose and edges read `places` only."""
    for path in _modules():
        folder, _ = _name(path)
        if folder in ("compose", "edges"):
            text = path.read_text()
            assert ".by_kecamatan" not in text and "find_kecamatan" not in text, f"{path} reads written place names"
