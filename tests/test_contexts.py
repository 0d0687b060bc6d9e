"""Template contexts are a contract: each template reads only documented fields and uses every field its class adds.

Two checks, as Datasette's template-context tests do it:

* statically, over every branch of every template: the variables a
  template (with the partials it includes) looks up are its context's
  fields and the documented globals, and every field its class adds is
  looked up somewhere;
* at render time, over whole sites built from several content folders:
  every attribute a template reads on a value is a documented field or a
  documented property of that value's class.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import meta, nodes

from generator import records
from generator.compose import contexts
from generator.compose.templating import GLOBALS, Templates
from generator.core.documented import help_of
from generator.edges import guide
from generator.edges.cli import main

from .conftest import EVENT, ROOT, TEMPLATES, composed, edit, facts_of

THEME = "theme/main.html"  # rendered by MkDocs, with MkDocs' own context; checked apart below
TRAIL = "theme/partials/trail.html"  # likewise
MKDOCS = {THEME, TRAIL}


def _env(folder: Path = TEMPLATES) -> jinja2.Environment:
    return Templates([folder]).env("markdown")


def _lookups(env: jinja2.Environment, name: str) -> tuple[set[str], list[str]]:
    """Variables `name` looks up from its context, and the templates it includes.

    Jinja counts a variable the template sets only in some branch (or reads
    when it ``is defined``) as undeclared; those are the template's own.
    """
    tree = env.parse(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return set(meta.find_undeclared_variables(tree)) - assigned, [t for t in meta.find_referenced_templates(tree) if t]


def _reads(env: jinja2.Environment, name: str) -> set[str]:
    """Variables `name` and the templates it includes look up (a partial's are checked on its own)."""
    names, included = _lookups(env, name)
    for other in included:
        if other not in contexts.PARTIALS:
            names |= _reads(env, other)
    return names


def _own_reads(env: jinja2.Environment, name: str) -> set[str]:
    """What `name` looks up, with every template it includes (whose variables it provides)."""
    names, included = _lookups(env, name)
    for other in included:
        names |= _own_reads(env, other)
    return names


def _fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def _own_fields(cls: type) -> set[str]:
    inherited = set().union(*(_fields(b) for b in cls.__mro__[1:] if dataclasses.is_dataclass(b)))
    return _fields(cls) - inherited


def undocumented_reads(env: jinja2.Environment) -> dict[str, set[str]]:
    """Per template, the variables it reads that its context does not document."""
    out = {}
    for name, cls in contexts.INDEX.items():
        if name in MKDOCS:
            continue
        # A partial also sees what the including template set (`said`, `stories`):
        # those are its documented fields, so the same rule holds for it.
        extra = _reads(env, name) - _fields(cls) - set(GLOBALS)
        if extra:
            out[name] = extra
    return out


def test_every_template_reads_only_documented_variables() -> None:
    assert undocumented_reads(_env()) == {}


def test_every_field_a_context_adds_is_used_by_its_template() -> None:
    env = _env()
    for name, cls in contexts.INDEX.items():
        if name in MKDOCS:
            continue
        unused = _own_fields(cls) - _own_reads(env, name)
        assert unused == set(), f"{name} never reads {sorted(unused)} of {cls.__name__}"


def test_every_template_has_a_documented_context() -> None:
    # Theme partials override Material's own files and see MkDocs' context only.
    found = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*") if p.suffix in (".j2", ".html")}
    # Theme overrides read ThemeContext (checked below), like main.html.
    overrides = {f for f in found if f.startswith("theme/partials/") or f == "theme/404.html"} - {TRAIL}
    assert found - overrides == set(contexts.INDEX)


def test_reading_an_undocumented_variable_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    home = folder / "pages" / "home.j2"
    home.write_text(home.read_text() + "\n{{ content.site.title }}\n")
    assert undocumented_reads(_env(folder)) == {"pages/home.j2": {"content"}}


def test_theme_reads_only_documented_fields_of_its_context() -> None:
    read = set()
    for path in (TEMPLATES / "theme").rglob("*.html"):
        read |= set(re.findall(r"(?<![/\w])warta\.(\w+)", path.read_text()))
    assert read == _fields(contexts.ThemeContext)
    per_page = set()
    for path in (TEMPLATES / "theme").rglob("*.html"):
        per_page |= set(re.findall(r"warta_page\.(\w+)", path.read_text()))
    assert per_page == _fields(contexts.ThemePageContext)
    assert set(re.findall(r"crumb\.(\w+)", (TEMPLATES / TRAIL).read_text())) == _fields(contexts.Crumb)


# --------------------------------------------------------------------------
# At render time: attributes read on values.


class _Recorder:
    def __init__(self) -> None:
        self.undocumented: set[str] = set()
        self.read: set[str] = set()

    def wrap(self, value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return _Proxy(value, self)
        if isinstance(value, tuple) and any(dataclasses.is_dataclass(v) for v in value):
            return tuple(self.wrap(v) for v in value)
        return value


def _documented(cls: type, name: str) -> bool:
    if help_of(cls).get(name):
        return True
    attribute = getattr(cls, name, None)
    return isinstance(attribute, property) and bool(attribute.__doc__)


class _Proxy:
    """A value as a template sees it, noting every attribute read."""

    __slots__ = ("_value", "_recorder")

    def __init__(self, value: Any, recorder: _Recorder) -> None:
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_recorder", recorder)

    def __getattr__(self, name: str) -> Any:
        value, recorder = object.__getattribute__(self, "_value"), object.__getattribute__(self, "_recorder")
        if name.startswith("_"):
            raise AttributeError(name)
        where = f"{type(value).__name__}.{name}"
        recorder.read.add(where)
        if not _documented(type(value), name):
            recorder.undocumented.add(where)
        return recorder.wrap(getattr(value, name))


class _RecordingTemplates(Templates):
    def __init__(self, folders: list[Path], recorder: _Recorder) -> None:
        super().__init__(folders)
        self.recorder = recorder

    def values(self, context: Any) -> dict[str, Any]:
        return {k: self.recorder.wrap(v) for k, v in super().values(context).items()}


def _variants(base: Path) -> list[records.Content]:
    """The example, and copies that take the other branches: no consent, payments with amounts, corrections, each policy."""
    out = [records.load_content(ROOT / "content")]
    for i, (policy, consent) in enumerate([("hidden", "false"), ("full", "false"), ("masked", "false")]):
        target = base / f"c{i}"
        shutil.copytree(ROOT / "content", target)
        edit(target / "site.yml", "recipient_names: masked", f"recipient_names: {policy}")
        edit(target / EVENT, "publish_names: true           #", f"publish_names: {consent} #")
        edit(target / EVENT, "    publish_names: true\n", "    publish_names: false\n    amount: 42000000\n")
        (target / EVENT).write_text((target / EVENT).read_text() + 'corrections:\n  - date: 2025-09-04\n    time: "10.15"\n    note: Jam diperbaiki.\ntags: [BPJS, bpjs]\ntitle: Judul Sendiri\n')
        if i == 1:
            edit(target / "site.yml", "preset: pemerintah", "preset: custom\n  text: Teks kaki sendiri.")
        if i == 2:
            edit(target / "site.yml", "preset: pemerintah", "preset: media")
        out.append(records.load_content(target))
    return out


def test_templates_read_only_documented_attributes_when_rendering_whole_sites(tmp_path: Path) -> None:
    recorder = _Recorder()
    templates = _RecordingTemplates([TEMPLATES], recorder)
    for content in _variants(tmp_path):
        for site_url in (None, "https://transparansi.contoh.go.id/"):
            composed(content, site_url, templates)
        from generator.compose.writer import Writer

        for fmt in ("text", "whatsapp"):
            Writer(templates).render(facts_of(content), fmt)
    templates.render(contexts.PreviewContext(("a.yml:1: pesan",), None))
    templates.render(contexts.PreviewContext(("a.yml:1: pesan",), "a.yml"))
    templates.render(contexts.NewEventContext("2025-10-01", ("bangun-ntt",), "pelatihan", "Alak", "Namosain"), "text")
    from generator.edges import init

    for name in contexts.SkeletonContext.TEMPLATES:
        templates.render(contexts.SkeletonContext(init.new_site(content.region)), "text", template=name)
    assert recorder.undocumented == set()
    # The recording saw the templates at work, not an empty render.
    assert {"ArticleFacts.kecamatan", "Names.shown", "KecamatanInfo.events", "Table.columns"} <= recorder.read


def test_reading_an_undocumented_attribute_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    lead = folder / "lead.j2"
    lead.write_text(lead.read_text() + "{{ facts.iana_zone }}{{ facts.published_at.year }}{{ facts.__class__ }}\n")
    recorder = _Recorder()
    templates = _RecordingTemplates([folder], recorder)
    templates.render(contexts.LeadContext(facts_of(records.load_content(ROOT / "content"))))
    assert recorder.undocumented == set()  # documented field and property, and dunder refused
    (folder / "lead.j2").write_text("{{ facts.organizers[0].secret | default('') }}")
    templates = _RecordingTemplates([folder], recorder)
    templates.render(contexts.LeadContext(facts_of(records.load_content(ROOT / "content"))))
    assert recorder.undocumented == {"Organization.secret"}


def test_every_value_a_template_can_reach_documents_every_field() -> None:
    for cls in guide.documented_values():
        missing = [name for name, text in help_of(cls).items() if not text]
        assert missing == [], f"{cls.__name__} has no help for {missing}"


def test_committed_template_guide_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide", "--check", "--out", str(ROOT / "docs" / "templates.md")]) == 0, "docs/templates.md is stale: run `warta guide`"
    assert (ROOT / "docs" / "templates.md").read_text(encoding="utf-8") == guide.markdown()
