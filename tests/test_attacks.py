"""The attack replay (tools/attacks.py) as a test: its judge sees disguised data, and no attack gets through.

The replay's oracle is independent of Warta's own lint, so it is tested on
its own first: a judge that cannot see a NIK behind en dashes would pass
every attack. The bad-input corpus and the command attempts run as tests of
their own (test_bad_inputs.py, test_staff_attempts.py); here run the other
kinds, end to end on real builds.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("attacks", ROOT / "tools" / "attacks.py")
attacks = sys.modules.setdefault("attacks", importlib.util.module_from_spec(spec))
spec.loader.exec_module(attacks)


@pytest.mark.parametrize(("published", "secret"), [
    ("NIK 5371–0123–4567–0001", "5371012345670001"),
    ("NIK 5371O1234567OOO1", "5371012345670001"),
    ("&#53;&#51;&#55;&#49;012345670001", "5371012345670001"),
    ("mailto:nina.laurina%40gmail.com", "nina.laurina@gmail.com"),
    ("nina.laurina＠gmail.com", "nina.laurina@gmail.com"),
    ("+62 (812) 3456-7890", "81234567890"),
    ('{"nama": "Onanda Laurina \\u004boby"}', "Onanda Laurina Koby"),
    ("Оnanda Lau\u00adrina Kоby", "Onanda Laurina Koby"),
    ("ＯＮＡＮＤＡ-LAURINA_koby", "Onanda Laurina Koby"),
])
def test_the_judge_sees_a_value_however_it_is_disguised(published: str, secret: str) -> None:
    assert attacks.found(secret, attacks.skeleton(published))


def test_the_judge_reads_through_tags_and_compression(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("NIK <b>5371</b><i>0123</i><b>4567</b><i>0001</i>", encoding="utf-8")
    (tmp_path / "b.pf_fragment").write_bytes(gzip.compress("pagefind_dcd{\"content\": \"Laurina Koby\"}".encode()))
    text = attacks.published(tmp_path)
    assert attacks.found("5371012345670001", text) and attacks.found("Laurina Koby", text)
    assert not attacks.found("Onanda Laurina", text)


def test_every_kind_of_attack_is_replayed() -> None:
    kinds = {a.kind for a in attacks.all_attempts()}
    assert kinds == {"corpus", "identifier", "name", "page-code", "published-file", "markdown", "machine", "cli", "site"}
    assert len(attacks.all_attempts()) >= 450


def test_no_attack_gets_through_a_real_build(capsys: pytest.CaptureFixture[str]) -> None:
    kinds = ["identifier", "name", "page-code", "published-file", "markdown", "machine", "site"]
    code = attacks.main(["--only", *kinds])
    table = capsys.readouterr().out
    print(table)
    assert code == 0, table
