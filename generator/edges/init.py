"""`warta init`: a new site repository for one kabupaten/kota, from nothing.

Everything region-specific (name, province, time zone, the words for its
places) comes from the gazetteer; what only the office knows (contacts,
address, programmes) is left as commented placeholders. The files' words
are templates (templates/init/), like every other text staff read.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..compose.contexts import NewEventContext, NewSite, SkeletonContext
from ..compose.templating import Templates
from ..core import wilayah
from ..core.errors import Problem, Source, WartaError
from ..core.text import closest, place_key, slugify
from . import schema

# Where each init template's file goes in the new repository.
_PLACES = {
    "init/site.yml.j2": "content/site.yml",
    "init/organizations.yml.j2": "content/organizations.yml",
    "init/program.yml.j2": "content/programs/program-pertama.yml",
    "init/tentang.md.j2": "content/pages/tentang.md",
    "init/mkdocs.yml.j2": "mkdocs.yml",
    "init/gitignore.j2": ".gitignore",
    "init/pre-commit-config.yaml.j2": ".pre-commit-config.yaml",
    "init/github-actions.yml.j2": ".github/workflows/terbit.yml",
    "init/gitlab-ci.yml.j2": ".gitlab-ci.yml",
    "init/README.md.j2": "README.md",
}
FIRST_PROGRAM = "program-pertama"


@dataclass(frozen=True)
class Skeleton:
    """The files of a new site repository, by path relative to its folder."""

    site: NewSite
    files: dict[str, str]


def find_region(asked: str) -> wilayah.Region:
    """The kabupaten/kota `asked` names: its code ("53.07"), or its name where only one has it ("Sikka")."""
    if (region := wilayah.region(asked.strip())) is not None:
        return region
    key = place_key(asked)
    names = {code: name for code, (name, _) in wilayah.regencies().items()}
    found = [code for code, name in names.items()
             if key in (place_key(name), place_key(name.removeprefix("Kabupaten ").removeprefix("Kota ")))]
    if len(found) == 1:
        return wilayah.region(found[0])  # type: ignore[return-value]
    if found:
        choices = ", ".join(f'"{code}" ({names[code]})' for code in sorted(found))
        raise WartaError([Problem("init.region_ambiguous", Source("--region"), {"value": asked, "choices": choices})])
    near = wilayah.suggest_region(asked) if any(ch.isdigit() for ch in asked) else closest(asked, names.values())
    suggestion = next((f"{code} ({name})" for code, name in names.items() if near in (code, name)), None)
    raise WartaError([Problem("init.region_unknown", Source("--region"), {"value": asked, "suggestion": suggestion})])


def new_site(region: wilayah.Region) -> NewSite:
    """The facts of a new site for `region`: the pemda publishes it, the dateline is its name."""
    kota = region.name.startswith("Kota ")
    place = region.name.removeprefix("Kabupaten ").removeprefix("Kota ")
    short = f"{'Pemkot' if kota else 'Pemkab'} {place}"
    return NewSite(
        region=region.name, code=region.code, province=region.province_name, timezone=region.timezone,
        places=region.system, title=f"Transparansi Program {region.name}", dateline=place.upper(),
        publisher=slugify(short), publisher_name=f"Pemerintah {region.name}", publisher_short=short,
        version=metadata.version("warta"), source=_source(),
    )


def skeleton(region: wilayah.Region, templates: Templates, today: str) -> Skeleton:
    """Every file of the new repository: records to fill in, site and CI configuration, the staff README, the schema."""
    site = new_site(region)
    files = {_PLACES[name]: templates.render(SkeletonContext(site), "text", template=name) for name in SkeletonContext.TEMPLATES}
    kecamatan = region.kecamatan[0]
    event = NewEventContext(today, (FIRST_PROGRAM,), "penyerahan", kecamatan.name,
                            kecamatan.kelurahan[0].name if kecamatan.kelurahan else "Nama Kelurahan")
    files[f"content/events/{today}-kegiatan-pertama.yml"] = templates.render(event, "text")
    files.update({f"schema/{name}": text for name, text in schema.documents().items()})
    return Skeleton(site, files)


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write `files` below `folder`; refuse (writing nothing) if any of them exists already."""
    taken = [name for name in files if (folder / name).exists()]
    if taken:
        raise WartaError([Problem("init.exists", Source(str(folder / name))) for name in taken])
    written = []
    for name, text in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _source() -> str:
    """The repository pyproject.toml names as Warta's source: the pre-commit hook is fetched from it."""
    urls = metadata.metadata("warta").get_all("Project-URL") or []
    return next(url.split(", ", 1)[1] for url in urls if url.lower().startswith("source, "))
