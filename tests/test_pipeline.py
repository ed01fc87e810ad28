"""`rasd.extract` end to end: exact spans on the seed article, degenerate inputs, the output contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import rasd
from helpers import span_objects
from rasd.doc import Doc, Span


@pytest.fixture(scope="module")
def seed_doc(seed_gold: dict[str, Any]) -> Doc:
    return rasd.extract(seed_gold["text"], seed_gold["published"], doc_id=seed_gold["id"])


def all_spans(doc: Doc) -> Iterator[tuple[str, Span]]:
    """Every span the document reports, with what it is."""
    for e in doc.entities:
        yield "entity", e.span
    for ev in doc.events:
        yield "trigger", ev.trigger
        for ent in ev.actor + ev.recipient:
            yield "event actor", ent.span
        if ev.date:
            yield "event date", ev.date.span
        if ev.location:
            yield "event location", ev.location.span
        for m in ev.mentions:
            yield "mention trigger", m.trigger
            yield "mention clause", m.clause
    for d in doc.dates:
        yield "date", d.span
    for p in doc.places:
        yield "place", p.span
    for s in doc.statements:
        yield "cue", s.cue
        for ent in (s.speaker, s.about, s.source_of):
            if ent is not None:
                yield "statement actor", ent.span
        if s.content is not None:
            yield "content", s.content
    for x in [*doc.excluded, *doc.sentences]:
        yield "excluded/sentence", x


def test_seed_finds_something_of_every_kind(seed_doc: Doc) -> None:
    assert seed_doc.entities and seed_doc.events and seed_doc.dates and seed_doc.places
    assert seed_doc.statements and seed_doc.excluded


def test_every_span_of_the_seed_is_an_exact_slice(seed_doc: Doc) -> None:
    text = seed_doc.text
    bad = [(kind, s) for kind, s in all_spans(seed_doc) if text[s.start:s.end] != s.text]
    assert bad == []
    assert all(0 <= s.start <= s.end <= len(text) for _, s in all_spans(seed_doc))
    assert all(s.text.strip() for kind, s in all_spans(seed_doc) if kind != "content")


def test_every_span_in_the_output_dict_is_an_exact_slice(seed_doc: Doc) -> None:
    text = seed_doc.text
    spans = list(span_objects(seed_doc.to_dict()))
    assert len(spans) > 100
    assert [s for s in spans if text[s["start"]:s["end"]] != s["text"]] == []


def test_seed_dates_are_all_found_with_their_values(seed_doc: Doc, seed_gold: dict[str, Any]) -> None:
    got = sorted((d.span.text, d.value) for d in seed_doc.dates)
    want = sorted((d["text"], d["value"]) for d in seed_gold["dates"])
    assert got == want


def test_seed_debris_is_the_caption_and_the_comments_heading(seed_doc: Doc) -> None:
    assert [s.text for s in seed_doc.excluded] == ["من الاجتماع الرباعي في موسكو (وزارة الدفاع الروسية)",
                                                   "التعليقات"]


def test_seed_main_meeting(seed_doc: Doc) -> None:
    """The quadrilateral talks in Moscow: a CONSULT among the four countries' MIL and SPY, on 2023-04-25."""
    wanted = {f"{c}/{s}" for c in ("TUR", "RUS", "IRN", "SYR") for s in ("MIL", "SPY")}
    meetings = [ev for ev in seed_doc.events if ev.type == "CONSULT"
                and wanted <= {e.code for e in ev.actor + ev.recipient}]
    assert meetings
    assert meetings[0].date is not None and meetings[0].date.value == "2023-04-25"
    assert meetings[0].modality == "asserted"


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t", "...!؟،؛", "«»()[]—-–", "Reuters reported that the talks in Moscow were constructive.",
    "1234 5678", "\u200f\u200e\u200b", "ـــــ", "\u064e\u064f\u0650",
])
def test_degenerate_inputs_give_an_empty_doc(text: str) -> None:
    doc = rasd.extract(text, "2023-04-25")
    assert doc.text == text
    assert (doc.entities, doc.events, doc.dates, doc.places, doc.statements) == ([], [], [], [], [])
    out = doc.to_dict()
    assert (out["events"], out["dates"], out["statements"], out["places"]) == ([], [], [], [])
    json.dumps(out)


def test_non_str_input_is_refused() -> None:
    with pytest.raises(TypeError):
        rasd.extract("قال الوزير".encode())  # type: ignore[arg-type]


@pytest.mark.parametrize(("published", "expected"), [
    ("2023-04-25", date(2023, 4, 25)), ("2023-04-25T10:15:00+03:00", date(2023, 4, 25)),
    (date(2023, 4, 25), date(2023, 4, 25)), ("", None), (None, None),
])
def test_published_forms(published: date | str | None, expected: date | None) -> None:
    doc = rasd.extract("قال وزير الخارجية التركي إن المحادثات بناءة.", published)
    assert doc.published == expected


def test_relative_date_resolves_against_publication() -> None:
    doc = rasd.extract("استضاف وزير الدفاع الروسي اليوم الثلاثاء محادثات في موسكو.", "2023-04-25")
    assert [(d.span.text, d.value) for d in doc.dates] == [("اليوم الثلاثاء", "2023-04-25")]


def test_to_dict_follows_the_format_contract(seed_doc: Doc) -> None:
    out = json.loads(json.dumps(seed_doc.to_dict(), ensure_ascii=False))
    assert {"id", "events", "dates", "statements"} <= out.keys()
    assert out["id"] == "seed-0001" and out["published"] == "2023-04-25"
    for ev in out["events"]:
        assert {"type", "mode", "actor", "recipient", "date", "location", "trigger", "modality"} <= ev.keys()
        assert ev["modality"] in ("asserted", "historical", "future", "hypothetical", "negated")
        assert {"text", "start", "end"} <= ev["trigger"].keys()
        for ent in ev["actor"] + ev["recipient"]:
            assert {"country", "sector", "text", "start", "end"} <= ent.keys()
        if ev["date"] is not None:
            assert {"value", "text", "start", "end"} <= ev["date"].keys()
        if ev["location"] is not None:
            assert {"name", "country", "lat", "lon"} <= ev["location"].keys()
    for d in out["dates"]:
        assert {"text", "start", "end", "value"} <= d.keys()
    for st in out["statements"]:
        assert {"speaker", "cue", "stance", "about"} <= st.keys()
        assert st["stance"] in ("assert", "deny")
        assert {"text", "start", "end"} <= st["cue"].keys()
        if st["speaker"] is not None:
            assert {"country", "sector", "text"} <= st["speaker"].keys()


def test_title_and_url_are_carried() -> None:
    out = rasd.extract("رحبت أنقرة بالاتفاق.", doc_id="x1", title="عنوان", url="https://example.org/a").to_dict()
    assert (out["id"], out["title"], out["url"]) == ("x1", "عنوان", "https://example.org/a")


def test_sentences_are_split_once_and_exposed_as_spans(seed_doc: Doc) -> None:
    assert len(seed_doc.sentences) > 5
    assert all(seed_doc.text[s.start:s.end] == s.text for s in seed_doc.sentences)
    assert seed_doc.sentence_bounds() is seed_doc.layers["sentences"]
