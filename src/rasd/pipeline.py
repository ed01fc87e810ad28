"""The front door: `extract(text)` runs the components over one `Doc`, in order."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from functools import cache

from rasd.doc import Doc
from rasd.extraction.actors import find_actors, settle_countries
from rasd.extraction.claims import find_claims
from rasd.extraction.context import build_context
from rasd.extraction.dates import anchor_matcher, find_dates
from rasd.extraction.events import find_events
from rasd.extraction.places import add_places, place_matchers
from rasd.extraction.statements import find_statements
from rasd.io.fields import parse_published
from rasd.lexicons.actors import actor_matcher
from rasd.lexicons.triggers import cue_matcher, modality_matcher, support_matcher, trigger_matcher
from rasd.text.clean import dateline, debris_lines
from rasd.text.matcher import share_pass

Component = Callable[[Doc], object]


def mark_debris(doc: Doc) -> None:
    """Debris lines and the dateline ("بيروت - (الأناضول):") are not coded as content."""
    doc.excluded = [doc.span(start, end) for start, end, _ in debris_lines(doc.text)]
    found = dateline(doc.text)
    if found is not None:
        doc.layers["dateline"] = doc.span(found[0], found[1])


# Touches every lexicon once: actors, triggers, cues, modality, dates and places.
_WARM_UP = "وقال وزير الخارجية التركي في أنقرة، أمس الاثنين، إن الجيش قصف مواقع في شمالي سورية."


@cache
def _components() -> list[Component]:
    # Places come before actors: a word inside a place name ("عين الأسد") is not an actor.
    components: list[Component] = [mark_debris, add_dates, add_places, find_actors, settle_countries,
                                   build_context, find_statements, find_events, find_claims]
    _build_lexicons(components)
    return components


def _build_lexicons(components: list[Component]) -> None:
    """Build every lazily loaded lexicon now, with the cyclic collector paused.

    Building allocates a few hundred thousand small objects and none of them form cycles;
    left running, the collector triples the start-up time. Frozen afterwards, the
    lexicons are never scanned again by later collections.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        # Every matcher a document is read with shares one automaton pass (built before the
        # warm-up, so that no matcher builds an automaton of its own).
        share_pass([actor_matcher(), trigger_matcher(), cue_matcher(), modality_matcher(), support_matcher(),
                    anchor_matcher(), *place_matchers()])
        doc = Doc(_WARM_UP, date(2024, 1, 1))
        for component in components:
            component(doc)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def add_dates(doc: Doc) -> None:
    doc.dates = find_dates(doc)


def parse_date(value: date | str | None) -> date | None:
    """Accept a date, an ISO or RFC 822 string (a timestamp is cut to its day) or nothing."""
    if value is None or isinstance(value, date):
        return value
    parsed = parse_published(value)
    if parsed is None and value.strip():
        raise ValueError(f"unreadable date {value!r}: give YYYY-MM-DD")
    return parsed


def extract(text: str, published: date | str | None = None, *, doc_id: str | None = None,
            title: str | None = None, url: str | None = None) -> Doc:
    """Code one Arabic news article: events, actors, dates, places and statements."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    doc = Doc(text, parse_date(published), id=doc_id, title=title, url=url)
    for component in _components():
        component(doc)
    return doc
