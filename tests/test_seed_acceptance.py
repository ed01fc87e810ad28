"""The seed article's coding, point by point as the core issue states it must come out."""

from __future__ import annotations

from typing import Any

import pytest

import rasd
from rasd.doc import Doc, Event
from rasd.evaluation import score


@pytest.fixture(scope="module")
def seed(seed_gold: dict[str, Any]) -> Doc:
    return rasd.extract(seed_gold["text"], seed_gold["published"], doc_id=seed_gold["id"])


def _countries(ents: list) -> set[str]:
    return {e.country for e in ents if e.country}


def _events(doc: Doc, kind: str) -> list[Event]:
    return [e for e in doc.events if e.type == kind]


def test_moscow_meeting_is_one_consult_of_the_four_states(seed: Doc) -> None:
    four = {"TUR", "RUS", "IRN", "SYR"}
    meetings = [e for e in _events(seed, "CONSULT") if four <= _countries(e.actor + e.recipient)]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.date is not None and meeting.date.value == "2023-04-25"
    assert meeting.location is not None and (meeting.location.name, meeting.location.country) == ("Moscow", "RUS")
    assert meeting.modality == "asserted"
    assert len(meeting.mentions) >= 2  # the hosting and the talks, reported twice, are one record


def test_december_talks_are_a_historical_consult(seed: Doc) -> None:
    december = [e for e in _events(seed, "CONSULT") if e.date is not None and e.date.value == "2022-12"]
    assert december and december[0].modality == "historical"
    assert {"SYR", "TUR"} <= _countries(december[0].actor + december[0].recipient)


def test_damascus_demands_turkish_withdrawal(seed: Doc) -> None:
    demands = [e for e in _events(seed, "REQUEST")
               if _countries(e.actor) == {"SYR"} and "TUR" in _countries(e.recipient)]
    assert demands and demands[0].trigger.text == "يشترط"


def test_troops_sent_to_northern_syria_are_a_historical_mobilisation(seed: Doc) -> None:
    sent = _events(seed, "MOBILIZE")
    assert sent and _countries(sent[0].actor) == {"TUR"} and _countries(sent[0].recipient) == {"SYR"}
    assert sent[0].modality == "historical"
    assert sent[0].location is not None and sent[0].location.name == "northern Syria"


def test_syrian_official_denies_the_turkish_ministry_statement(seed: Doc) -> None:
    denials = [s for s in seed.statements if s.stance == "deny" and s.cue.text == "نفى"]
    assert denials and denials[0].speaker.country == "SYR"
    assert denials[0].about is not None and (denials[0].about.country, denials[0].about.sector) == ("TUR", "MIL")


def test_relative_dates_resolve_as_the_issue_states(seed: Doc) -> None:
    values = {d.span.text: d.value for d in seed.dates}
    assert values["الأسبوع الماضي"] == "2023-W16"
    assert values["أوائل أيار/ مايو"] == "2023-05"


def test_the_seed_scores_full_marks_with_no_extra_record(seed: Doc, seed_gold: dict[str, Any]) -> None:
    """Every seed figure at 1.000: nothing missed and, as important, nothing coded beyond the gold."""
    figures = score([seed_gold], [seed.to_dict()])
    assert {k: figures[k]["f1"] for k in ("event_type", "event_dyad", "dates", "statements")} == \
        {"event_type": 1.0, "event_dyad": 1.0, "dates": 1.0, "statements": 1.0}
