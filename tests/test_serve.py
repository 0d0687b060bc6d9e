"""What the editors' preview shows after each save: `ServeState.recover` over real content folders."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from generator import compose, records
from generator.compose.templating import Templates
from generator.core import cache
from generator.edges.serve import Backing, ServeState

from .conftest import EVENT, edit


def _state(tmp_path: Path) -> ServeState:
    return ServeState(Backing(tmp_path / "backing"))


def test_a_broken_event_keeps_its_last_good_version_and_its_problems(content_dir: Path, tmp_path: Path) -> None:
    state = _state(tmp_path)
    first = state.recover(records.load(content_dir), compose.problems)
    assert first.broken == {} and [e.slug for e in first.content.events] == ["2025-09-03-bangun-ntt-kupang"]
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    shown = state.recover(records.load(content_dir), compose.problems)
    # The article stays on show as it last was; its problems go to its own page and the banner.
    assert [e.slug for e in shown.content.events] == ["2025-09-03-bangun-ntt-kupang"]
    assert "Kelapa Lima" in [p.kecamatan.name for p in shown.content.events[0].places]
    assert list(shown.broken) == ["2025-09-03-bangun-ntt-kupang"]
    assert shown.files["2025-09-03-bangun-ntt-kupang"].endswith(EVENT)
    assert shown.problems and all(p.source.path.endswith(EVENT) for p in shown.problems)


def test_only_content_the_check_passed_whole_is_composed_unchecked(content_dir: Path, tmp_path: Path) -> None:
    state = _state(tmp_path)
    assert state.recover(records.load(content_dir), compose.problems).checked
    edit(content_dir / EVENT, "Kelapa Lima: [", "Kelapa Lma: [")
    # The last good version stands in for the broken one: composing checks it again.
    assert not state.recover(records.load(content_dir), compose.problems).checked
    edit(content_dir / "site.yml", "publisher: pemkot-kupang", "publisher: pemkot-kupangg")
    assert not state.recover(records.load(content_dir), compose.problems).checked


def test_a_new_broken_event_has_only_its_problems_page(content_dir: Path, tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.recover(records.load(content_dir), compose.problems)
    (content_dir / "events" / "2025-10-01-baru.yml").write_text("program: bangun-ntt\n")
    shown = state.recover(records.load(content_dir), compose.problems)
    assert [e.slug for e in shown.content.events] == ["2025-09-03-bangun-ntt-kupang"]
    assert list(shown.broken) == ["2025-10-01-baru"]


def test_a_broken_shared_file_keeps_the_whole_last_good_content(content_dir: Path, tmp_path: Path) -> None:
    state = _state(tmp_path)
    good = state.recover(records.load(content_dir), compose.problems).content
    edit(content_dir / "site.yml", "publisher: pemkot-kupang", "publisher: pemkot-kupangg")
    shown = state.recover(records.load(content_dir), compose.problems)
    assert shown.content is good and shown.broken == {}
    assert any(p.source.path.endswith("site.yml") for p in shown.problems)


def test_with_no_good_version_yet_there_is_nothing_to_show(content_dir: Path, tmp_path: Path) -> None:
    edit(content_dir / "site.yml", "publisher: pemkot-kupang", "publisher: pemkot-kupangg")
    shown = _state(tmp_path).recover(records.load(content_dir), compose.problems)
    assert shown.content is None and shown.problems


def test_a_name_the_article_may_not_print_breaks_only_that_event(content_dir: Path, tmp_path: Path) -> None:
    state = _state(tmp_path)
    state.recover(records.load(content_dir), compose.problems)
    # Recipients who did not consent, and one of them named in the activity: the policy's check finds it.
    edit(content_dir / EVENT, "  publish_names: true ", "  publish_names: false ")
    edit(content_dir / EVENT, "activity: penyerahan secara simbolis", "activity: penyerahan kepada Susilowati secara simbolis")
    shown = state.recover(records.load(content_dir), compose.problems)
    assert list(shown.broken) == ["2025-09-03-bangun-ntt-kupang"]
    assert "Susilowati" not in shown.content.events[0].activity  # the last good version is on show


def test_the_templates_stay_compiled_until_a_template_file_changes(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    (own / "partials").mkdir(parents=True)
    footer = own / "partials" / "footer.j2"
    footer.write_text("Kaki halaman.\n", encoding="utf-8")
    state = _state(tmp_path)

    def templates() -> Templates:
        fresh = Templates.for_site(own)
        return state.templates_for(fresh, cache.files_digest(fresh.folders))

    first = templates()
    state.memo[("headline", "text", None)] = "kept"  # type: ignore[index]
    assert templates() is first and state.memo
    footer.write_text("Kaki halaman yang lain.\n", encoding="utf-8")
    again = templates()
    # New templates, and no text the old ones wrote.
    assert again is not first and again.folders == first.folders and state.memo == {}
    (own / "partials" / "usul.j2").write_text("Usul.\n", encoding="utf-8")
    assert templates() is not again


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_from_the_first_rebuild_the_preview_collects_once_a_build_and_sets_aside_what_it_held_then(tmp_path: Path) -> None:
    state = _state(tmp_path)
    collecting = gc.isenabled()
    try:
        state.settle()  # the first build: the collector as it was
        assert gc.isenabled() == collecting and gc.get_freeze_count() == 0
        gc.disable()  # only the preview's own passes may free the cycles below
        held, dropped = _Cycle(), _Cycle()
        gone = weakref.ref(dropped)
        del dropped
        state.settle()  # the first rebuild
        # The first build's garbage was collected, not set aside for good;
        # what the preview holds is out of the collector's way.
        assert gone() is None
        assert gc.get_freeze_count() > 0 and not any(o is held for o in gc.get_objects())
        # Later rebuilds: one pass each, which frees the last build's cycles; none set aside.
        frozen, later = gc.get_freeze_count(), weakref.ref(_Cycle())
        assert later() is not None
        state.settle()
        assert later() is None and gc.get_freeze_count() == frozen and not gc.isenabled()
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
