"""The privacy policy: one table decides every name in every output, and the lint asks the same table."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import compose, records
from generator.compose.addresses import Addresses
from generator.compose.policy import Named, Output, Policy, Shown, Where, name_keys
from generator.compose.recall import Recall
from generator.core import privacy

from .conftest import EVENT, composed, edit

F, M, C = Shown.FULL, Shown.MASKED, Shown.COUNT_ONLY
OWN, OTHER = Where(Output.ARTICLE, "e1"), Where(Output.ARTICLE, "e2")
PAGE, DOWNLOAD, FEED, SEARCH = (Where(o) for o in (Output.PAGE, Output.DOWNLOAD, Output.FEED, Output.SEARCH))

# (role, consented, setting) -> shown at (own article, another article, pages, downloads, feeds, search)
TABLE = {
    ("recipient", True, "hidden"): (F, C, F, C, F, F),
    ("recipient", True, "masked"): (F, C, F, C, F, F),
    ("recipient", True, "full"): (F, C, F, F, F, F),
    ("recipient", False, "hidden"): (C, C, C, C, C, C),
    ("recipient", False, "masked"): (C, C, M, C, C, C),
    ("recipient", False, "full"): (C, C, F, C, C, F),
    ("payee", True, "hidden"): (F, C, C, C, F, F),
    ("payee", True, "masked"): (F, C, C, C, F, F),
    ("payee", True, "full"): (F, C, C, C, F, F),
    ("payee", False, "hidden"): (C, C, C, C, C, C),
    ("payee", False, "masked"): (C, C, C, C, C, C),
    ("payee", False, "full"): (C, C, C, C, C, C),
}


@pytest.mark.parametrize(("who", "expected"), TABLE.items(), ids=[f"{r}-{'consented' if c else 'no-consent'}-{s}" for r, c, s in TABLE])
def test_the_policy_table(who: tuple[str, bool, str], expected: tuple[Shown, ...]) -> None:
    role, consented, setting = who
    person = Named("Ani Ledo", "e1", role, consented)  # type: ignore[arg-type]
    rules = Policy(setting)  # type: ignore[arg-type]
    assert tuple(rules.shown(person, where) for where in (OWN, OTHER, PAGE, DOWNLOAD, FEED, SEARCH)) == expected


def test_names_are_printed_as_decided() -> None:
    people = [Named("Jonathan Agustinus Tali", "e1", "recipient", False), Named("Ani Ledo", "e1", "recipient", False)]
    assert Policy("masked").names(people, PAGE).names == ("J*** A*** T***", "A*** L***")
    assert Policy("full").names(people, PAGE).names == ("Jonathan Agustinus Tali", "Ani Ledo")
    hidden = Policy("hidden").names(people, PAGE)
    assert (hidden.shown, hidden.names, hidden.count) == (C, (), 2)


def test_the_lint_allows_a_name_exactly_where_the_policy_shows_it(example: records.Content) -> None:
    site, built = composed(example)
    book: Addresses = site.addresses
    names, allowed_at = site.policy.name_check(example)
    article = book.built(site.stories[0].path)
    files = [(article, "Jonathan Agustinus Tali"), ("kecamatan/kelapa-lima/index.html", "Jonathan Agustinus Tali"),
             ("data/kegiatan.csv", "Jonathan Agustinus Tali"), ("berita/lain/index.html", "Duli"),
             ("kecamatan/alak/index.html", "Moses Kadji")]
    leaks = privacy.lint(files, names, lambda name, path: allowed_at(name, book.where(path, {article: example.events[0].slug})))
    # Consented: in the article and on the kecamatan page, not in downloads (setting: masked).
    # Payees: in their own article only.
    assert [(leak.path, leak.excerpt) for leak in leaks] == [
        ("data/kegiatan.csv", "J*** A*** T***"), ("berita/lain/index.html", "D***"), ("kecamatan/alak/index.html", "M*** K***"),
    ]


def test_a_consented_name_in_another_events_article_is_a_leak(content_dir: Path) -> None:
    (content_dir / "events" / "2025-10-01-lain.yml").write_text(
        "program: bangun-ntt\ndate: 2025-10-01\nvenue: Kantor Camat Alak\norganizers: [pemkot-kupang]\n"
        "activity: sosialisasi program\nrecipients:\n  group: nelayan\n  by_kecamatan:\n    Alak: [Ina Ledo]\n",
        encoding="utf-8")
    content = records.load_content(content_dir)
    site, _ = composed(content)
    book = site.addresses
    names, allowed_at = site.policy.name_check(content)
    articles = {book.built(s.path): s.slug for s in site.stories}
    other = book.built(book.article("2025-10-01-lain"))
    leaks = privacy.lint([(other, "Bersama Jonathan Agustinus Tali")], names,
                         lambda name, path: allowed_at(name, book.where(path, articles)))
    assert [leak.kind for leak in leaks] == ["name"]


def test_without_consent_the_example_names_nobody_anywhere(content_dir: Path) -> None:
    edit(content_dir / EVENT, "publish_names: true           #", "publish_names: false #")
    _, built = composed(records.load_content(content_dir))
    for path, text in built.items():
        assert "Jonathan Agustinus Tali" not in text, path


def _second_event(content_dir: Path, kecamatan: str) -> None:
    (content_dir / "events" / "2025-10-01-lain.yml").write_text(
        "program: bangun-ntt\ndate: 2025-10-01\nvenue: Kantor Camat\norganizers: [pemkot-kupang]\n"
        f"activity: penyerahan bantuan\nrecipients:\n  group: nelayan\n  by_kecamatan:\n    {kecamatan}: [Ibu Jonathan Agustinus Tali, Ina Ledo]\n",
        encoding="utf-8")


def test_a_mask_never_sits_beside_the_same_name_in_full_in_its_kecamatan(content_dir: Path) -> None:
    # Jonathan Agustinus Tali consented at the example event in Kelapa Lima;
    # at another event there he did not: his initials beside his full name
    # would name him as a recipient of both.
    _second_event(content_dir, "Kelapa Lima")
    _, built = composed(records.load_content(content_dir))
    page = built["kecamatan/kelapa-lima.md"].replace("\\*", "*")
    assert "Jonathan Agustinus Tali" in page
    assert "J*** A*** T***" not in page and "L***" not in page


def test_a_mask_stays_where_nobody_of_the_list_is_named_in_full(content_dir: Path) -> None:
    _second_event(content_dir, "Alak")
    _, built = composed(records.load_content(content_dir))
    assert "J*** A*** T***, I*** L***" in built["kecamatan/alak.md"].replace("\\*", "*")


def test_what_the_policy_bears_on_an_event_moves_only_with_its_own_people(content_dir: Path) -> None:
    # The preview words an event again when this changes (compose.recall):
    # a consent at another event naming the same person in the same
    # kecamatan must move it, one naming someone else must not.
    _second_event(content_dir, "Kelapa Lima")
    content = records.load_content(content_dir)
    second = next(e for e in content.events if e.slug != "2025-09-03-bangun-ntt-kupang")
    keys = name_keys(second)
    with_consent = Policy.of(content).bearing_on(keys)
    assert with_consent[1], "Jonathan Agustinus Tali is named in full at the example event, in the same kecamatan"
    edit(content_dir / EVENT, "  publish_names: true           #", "  publish_names: false           #")
    assert Policy.of(records.load_content(content_dir)).bearing_on(keys) != with_consent
    assert Policy.of(records.load_content(content_dir)).bearing_on(frozenset()) == (with_consent[0], frozenset())


def test_the_previews_check_finds_after_each_edit_what_a_fresh_check_finds(content_dir: Path) -> None:
    # The preview keeps each event's words between saves (`recall`); a name
    # added to one event must still be found in another, unchanged event.
    (content_dir / "events" / "2025-10-01-lain.yml").write_text(
        "program: bangun-ntt\ndate: 2025-10-01\nvenue: Kantor Camat Alak\norganizers: [pemkot-kupang]\n"
        "kind: sosialisasi\nactivity: sosialisasi program bersama Ina Ledo\n", encoding="utf-8")
    recall, read_cache, events = Recall(), {}, {}

    def checked() -> list[str]:
        content = records.load(content_dir, cache=read_cache, events=events).content
        assert content is not None
        kept = compose.problems(content, recall)
        assert kept == compose.problems(content), "the check with the preview's memory differs from a fresh one"
        return [p.code for p in kept]

    assert checked() == []
    recall.made = 0
    assert checked() == [] and recall.made == 0  # nothing changed, nothing worked out again
    third = content_dir / "events" / "2025-10-02-ketiga.yml"
    third.write_text(
        "program: bangun-ntt\ndate: 2025-10-02\nvenue: Kantor Camat Alak\norganizers: [pemkot-kupang]\n"
        "activity: penyerahan bantuan\nrecipients:\n  group: nelayan\n  by_kecamatan:\n    Alak: [Ina Ledo]\n",
        encoding="utf-8")
    recall.made = 0
    assert checked() == ["name.other_event"] and recall.made == 1  # the new event alone was read
    edit(third, "Alak: [Ina Ledo]", "Alak: [Ina Bria]")
    assert checked() == []
