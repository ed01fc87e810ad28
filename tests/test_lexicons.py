"""The shipped lexicons load, the checker catches broken lines, and the breadth meets the targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.lexicons import check as check_module
from rasd.lexicons import loader
from rasd.lexicons.actors import actor_matcher
from rasd.lexicons.check import RECIPIENT_SLOTS, REQUIRED, check, stats
from rasd.lexicons.countries import load_countries
from rasd.lexicons.loader import read_lexicon
from rasd.lexicons.triggers import cue_matcher, modality_matcher, trigger_matcher
from rasd.text.normalize import fold


@pytest.mark.parametrize("stem", [*REQUIRED, "un-members"])
def test_every_lexicon_loads_with_its_columns(stem: str) -> None:
    rows = read_lexicon(stem)
    assert rows
    for column in REQUIRED.get(stem, ("iso3",)):
        assert column in rows[0].cells, (stem, column)


def test_matchers_build() -> None:
    assert actor_matcher().size > 5000
    assert trigger_matcher().size > 10000
    assert cue_matcher().size > 100
    assert modality_matcher().size > 50


def test_un_members_are_all_named_in_countries() -> None:
    countries = load_countries()
    members = [r["iso3"] for r in read_lexicon("un-members")]
    assert len(members) == len(set(members)) == 193
    assert [m for m in members if m not in countries or not countries[m].names] == []
    assert [m for m in members if not countries[m].capitals] == []


def test_country_rows_fold_their_names() -> None:
    syria = load_countries()["SYR"]
    assert {"سوريه", "سوريا"} <= set(syria.names)
    assert {"سوري", "سوريه", "السوري"} & set(syria.nisba)
    assert {"سوريين", "سوريتين"} <= set(syria.nisba)
    assert fold("أنقرة") in load_countries()["TUR"].capitals


def test_shipped_lexicons_have_no_problems() -> None:
    assert [str(p) for p in check()] == []


def test_every_un_member_is_complete() -> None:
    figures = stats()
    assert figures["un_members_missing"] == []
    assert figures["un_members_complete"] == "193/193"


@pytest.mark.parametrize(("key", "minimum"), [
    ("people", 400), ("organizations", 150), ("trigger_lemmas", 600), ("places_with_coordinates", 300),
])
def test_breadth_targets(key: str, minimum: int) -> None:
    assert stats()[key] >= minimum


def test_every_event_type_has_triggers() -> None:
    per_type = stats()["trigger_lemmas_by_type"]
    assert set(per_type) == set(check_module.TYPES)
    assert min(per_type.values()) >= 20


BROKEN = {
    "countries.tsv": "iso3\tname_en\tnames\tcapitals\tnisba\tlat\tlon\n"
                     "SYR\tSyria\tسوريا\tدمشق\tسوري\t35\t38\n"
                     "TUR\tTurkey\tتركيا\tأنقرة\t\t39\t35\n"
                     "IRN\tIran\tإيران\tطهران\tإيراني\t95\t53\n",
    "institutions.tsv": "pattern\tsector\tkind\n"
                        "وزير الدفاع\tMIL\toffice\nالجيش\tARMY\tbody\nوزير الدفاع\tMIL\toffice\n",
    "people.tsv": "name\tcountry\tsector\nسيرغي شويغو\tRUS\tMIL\tوزير\textra\n",
    "triggers.tsv": "lemma\tpresent\ttype\tcameo\tquad\tscore\trecipient\n"
                    "استضاف\tيستضيف\tCONSULT\t04\t1\t1\tobj:actor\nقصف\tيقصف\tASSAULT\t19\t3\t-10\tعلى|فوق:host\n"
                    "هدد\tيهدد\tTHREATEN\t25\t3\t-15\nدعم\tيدعم\tHELP\t05\t1\t3\n",
    "places.tsv": "names\tname_en\tcountry\tlat\tlon\tkind\nحلب\tAleppo\tSYR\t36.2\t37.15\tcity\n",
    "cues.tsv": "lemma\tstance\n",
    "support-verbs.tsv": "lemma\tpresent\tframe\nشن\tيشن\tsubject\nأجرى\tيجري\tobject\n",
}


@pytest.fixture
def broken_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, content in BROKEN.items():
        (tmp_path / name).write_text("# a comment line\n" + content, encoding="utf-8")
    monkeypatch.setattr(loader, "DATA", tmp_path)
    monkeypatch.setattr(check_module, "DATA", tmp_path)
    return tmp_path


def test_check_reports_where_each_problem_is(broken_data: Path) -> None:
    problems = check()
    assert problems
    for problem in problems:
        file, _, line = problem.where.partition(":")
        assert file.endswith(".tsv") and (line == "" or line.isdigit()), problem


def test_check_finds_each_kind_of_problem(broken_data: Path) -> None:
    found = {(p.where, p.message) for p in check()}
    assert found == {
        ("countries.tsv:4", "empty `nisba`"),
        ("countries.tsv:5", "latitude/longitude missing or out of range"),
        ("institutions.tsv:4", "unknown sector 'ARMY'"),
        ("institutions.tsv:5", "duplicate of institutions.tsv:3"),
        ("people.tsv:3", "5 cells for 3 columns"),
        ("people.tsv:3", "unknown country code 'RUS'"),
        ("triggers.tsv:4", "quad 3 but ASSAULT is quad 4"),
        ("triggers.tsv:4", "unknown recipient role 'فوق:host' (a slot of " + "|".join(sorted(RECIPIENT_SLOTS))
         + ", then :actor or :co)"),
        ("triggers.tsv:5", "CAMEO root '25' not in 01..20"),
        ("triggers.tsv:5", "score '-15' not in -10..10"),
        ("triggers.tsv:6", "unknown type 'HELP'"),
        ("cues.tsv", "missing columns ['kind']"),
        ("support-verbs.tsv:4", "unknown frame 'object' (one of subject|between|receive|by|in)"),
    }
