"""The preview's dependency map (`compose.recall`): what a rebuild takes from the last one is what composing afresh makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import compose, records
from generator.compose.recall import Recall
from generator.compose.templating import Templates

from .conftest import SITE_URL, SLEMAN, TEMPLATES, edit

# --------------------------------------------------------------------------
# Recall itself.


def test_a_step_is_made_again_only_when_what_it_read_differs() -> None:
    recall, made = Recall(), []

    def step(reads: object) -> str:
        return recall("page", reads, lambda: made.append(reads) or f"text of {reads}")

    recall.begin()
    assert step(("a", 1)) == "text of ('a', 1)"
    recall.end()
    recall.begin()
    assert step(("a", 1)) == "text of ('a', 1)" and made == [("a", 1)]
    assert recall.total_made() == 0
    assert step(("a", 2)) == "text of ('a', 2)" and made == [("a", 1), ("a", 2)]
    assert recall.total_made() == 1


def test_what_a_rebuild_did_not_ask_for_is_forgotten() -> None:
    recall, made = Recall(), []
    recall.begin()
    recall("deleted event", 1, lambda: made.append("first"))
    recall.end()
    recall.begin()
    recall.end()  # the event's page is no longer asked for
    recall.begin()
    recall("deleted event", 1, lambda: made.append("again"))
    assert made == ["first", "again"]


def test_a_rebuild_that_failed_half_way_still_offers_the_last_ones_results() -> None:
    recall, made = Recall(), []
    recall.begin()
    recall("a", 1, lambda: made.append("a"))
    recall("b", 1, lambda: made.append("b"))
    recall.end()
    recall.begin()
    recall("a", 1, lambda: made.append("a again"))
    # No end(): a template error stopped this rebuild.
    recall.begin()
    recall("a", 1, lambda: made.append("a again"))
    recall("b", 1, lambda: made.append("b again"))
    assert made == ["a", "b"]


def test_a_scope_is_emptied_when_what_all_its_steps_read_differs() -> None:
    recall, made = Recall(), []
    recall.begin()
    recall.within("pages", "templates 1")("home", 1, lambda: made.append(1))
    recall.end()
    recall.begin()
    recall.within("pages", "templates 1")("home", 1, lambda: made.append(2))
    recall.within("pages", "templates 2")("home", 1, lambda: made.append(3))
    assert made == [1, 3]


# --------------------------------------------------------------------------
# The preview composing with it, after every kind of edit staff make.


@pytest.fixture
def sleman_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SLEMAN, target)
    return target


JAMKESDA = "events/2025-10-06-kartu-jamkesda-gamping.yml"
PANGAN = "events/2025-10-08-pangan-posyandu-godean.yml"


def _texts(pages: tuple[compose.Page, ...]) -> dict[str, object]:
    return {p.path: p.text for p in pages}


class _Preview:
    """What `mkdocs serve` keeps across saves of one content folder: its templates, events and recall."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.templates, self.events, self.recall = folder, Templates([TEMPLATES]), {}, Recall()

    def save(self) -> dict[str, object]:
        """Every text the preview composes after a save."""
        content = records.load(self.folder, events=self.events).content
        assert content is not None
        return _texts(compose.site(content, self.templates, site_url=SITE_URL, recall=self.recall)[1])

    def fresh(self) -> dict[str, object]:
        """Every text a compose from nothing makes of the folder as it is now."""
        return _texts(compose.site(records.load_content(self.folder), Templates([TEMPLATES]), site_url=SITE_URL)[1])


EDITS = {
    "a named recipient added": (JAMKESDA, "Godean: [Sutarjo, Ngatini]", "Godean: [Sutarjo, Ngatini, Zuvarek Molindap]"),
    "a consent withdrawn": (JAMKESDA, "  publish_names: true\n", "  publish_names: false\n"),
    "a date moved, so the order changes": (JAMKESDA, "date: 2025-10-06", "date: 2025-10-30"),
    "a quote reworded": (JAMKESDA, "Tidak ada lagi warga", "Tak ada lagi warga"),
    "a photo caption": (JAMKESDA, "menerima kartu Jaminan", "menerima kartu JKD"),
    "a tag": (JAMKESDA, "tags: [kesehatan, jamkesda]", "tags: [kesehatan, kartu]"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_after_an_event_edit_the_preview_composes_what_a_fresh_compose_does(sleman_dir: Path, kind: str) -> None:
    preview = _Preview(sleman_dir)
    before = preview.save()
    assert preview.recall.total_made() > 0
    path, old, new = EDITS[kind]
    edit(sleman_dir / path, old, new)
    after = preview.save()
    fresh = preview.fresh()
    assert after == fresh
    assert after != before  # the edit shows
    # The map at work: one event's edit leaves most pages as they were made.
    made = preview.recall.total_made()
    assert 0 < made < len(fresh) / 2, made


def test_edits_to_shared_files_reach_every_page_that_reads_them(sleman_dir: Path) -> None:
    preview = _Preview(sleman_dir)
    preview.save()
    site = (sleman_dir / "site.yml").read_text(encoding="utf-8")
    title = next(line for line in site.splitlines() if line.startswith("title:"))
    edit(sleman_dir / "site.yml", title, title + " Baru")
    assert preview.save() == preview.fresh()
    people = (sleman_dir / "people.yml").read_text(encoding="utf-8")
    name_line = next(line for line in people.splitlines() if line.strip().startswith("name:"))
    edit(sleman_dir / "people.yml", name_line, name_line + " Wijaya")
    assert preview.save() == preview.fresh()
    (sleman_dir / PANGAN).unlink()
    assert preview.save() == preview.fresh()
    shutil.copy(sleman_dir / JAMKESDA, sleman_dir / "events" / "2025-11-02-kartu-jamkesda-gamping.yml")
    edit(sleman_dir / "events" / "2025-11-02-kartu-jamkesda-gamping.yml", "date: 2025-10-06", "date: 2025-11-02")
    assert preview.save() == preview.fresh()


def test_a_consent_in_one_event_changes_another_events_list_on_the_kecamatan_page(sleman_dir: Path) -> None:
    # A masked "R*** W***" beside a Rina Wulandari named in full in the same
    # kecamatan names her: the policy drops the masked list (`Policy.names`).
    # The barista event's record is untouched, yet its list must go.
    preview, depok = _Preview(sleman_dir), "kecamatan/depok.md"
    edit(sleman_dir / "events/2025-10-15-pelatihan-barista-depok.yml", "  publish_names: true\n", "  publish_names: false\n")
    masked = preview.save()[depok]
    assert "R*** W***, D*** P***" in str(masked)
    edit(sleman_dir / JAMKESDA, "Godean: [Sutarjo, Ngatini]", "Godean: [Sutarjo, Ngatini]\n    Depok: [Rina Wulandari]")
    after = preview.save()
    assert "R*** W***, D*** P***" not in str(after[depok])
    assert after == preview.fresh()
