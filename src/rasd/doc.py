"""The data model: one `Doc` with character-offset spans that every component fills in.

All `start`/`end` values index the original input text (Python string indices, end
exclusive), so `doc.text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import sentences


class Span(NamedTuple):
    """Original-text offsets and the text between them (a tuple: an article has hundreds)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


# tuple.__new__ skips the Python-level NamedTuple constructor (hundreds of spans per article).
_new_span = tuple.__new__


@dataclass(slots=True)
class Entity:
    """A coded actor mention: country + PLOVER sector, with what produced the coding."""

    country: str | None
    sector: str | None
    span: Span
    source: str  # lexicon entry or rule, e.g. "countries:TUR nisba"
    name: str | None = None  # canonical name when known (person, organisation)
    anonymous: bool = False
    # The coding was not told by the mention's own words but taken by default (the story's home
    # country, the dateline) or from an earlier mention ("الوزارة" → the ministry named before).
    guessed: bool = False

    @property
    def code(self) -> str:
        return f"{self.country or '*'}/{self.sector}" if self.sector else (self.country or "*")

    def to_dict(self) -> dict[str, Any]:
        out = {"country": self.country, "sector": self.sector, "code": self.code,
               **self.span.to_dict(), "source": self.source}
        if self.name:
            out["name"] = self.name
        if self.anonymous:
            out["anonymous"] = True
        if self.guessed:
            out["guessed"] = True
        return out


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved against the publication date."""

    span: Span
    value: str  # YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www
    precision: str  # day | week | month | year
    rule: str
    direction: str = "past"  # past | future | present: which way it was resolved

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "value": self.value, "precision": self.precision,
                "rule": self.rule}


@dataclass(slots=True)
class Place:
    span: Span
    name: str  # English canonical name
    country: str  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # country | region | city | town | area | site
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "kind": self.kind, **self.span.to_dict(), "source": self.source}


@dataclass(slots=True)
class Mention:
    """One textual mention of an event: the trigger and the clause it sits in."""

    trigger: Span
    clause: Span
    rule: str


@dataclass(slots=True)
class Event:
    type: str
    mode: str | None
    actor: list[Entity]
    recipient: list[Entity]
    trigger: Span
    modality: str  # asserted | historical | future | hypothetical | negated
    cameo: str
    quad: int
    score: float
    rule: str  # lexicon entry that produced it, e.g. "triggers:استضاف"
    date: DateMention | None = None
    location: Place | None = None
    mentions: list[Mention] = field(default_factory=list)
    statement: int | None = None  # index of the statement that attributes it

    def parties(self) -> set[str]:
        """The countries on either side."""
        return {x.country for x in self.actor + self.recipient if x.country}

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "mode": self.mode,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger.to_dict(),
            "modality": self.modality,
            "cameo": self.cameo, "quad_class": self.quad, "score": self.score,
            "rule": self.rule,
            "mentions": [{"trigger": m.trigger.to_dict(), "clause": m.clause.to_dict(),
                          "rule": m.rule} for m in self.mentions],
            "statement": self.statement,
        }


@dataclass(slots=True)
class Statement:
    speaker: Entity | None
    cue: Span
    content: Span | None
    stance: str  # assert | deny
    rule: str
    about: Entity | None = None
    source_of: Entity | None = None  # "X quoting Y": the quoted origin when the text says

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "stance": self.stance, "rule": self.rule,
            "about": self.about.to_dict() if self.about else None,
        }
        if self.source_of:
            out["source_of"] = self.source_of.to_dict()
        return out


@dataclass(slots=True, weakref_slot=True)  # the token-level context refers back to it weakly
class Doc:
    """An article and everything Rasd found in it."""

    text: str
    published: date | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    norm: Normalized = field(init=False, repr=False)  # the folded text, made from `text`
    excluded: list[Span] = field(default_factory=list)  # scraper debris, kept out of coding
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # later layers (claims) add here
    # Working annotations shared by components (tokens, actor mentions…); never serialised.
    layers: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.norm = normalize(self.text)

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """Sentence bounds in folded offsets, split once and kept; `sentences` holds their spans."""
        bounds = self.layers.get("sentences")
        if bounds is None:
            bounds = self.layers["sentences"] = sentences(self.norm.text)
            self.sentences = [self.fspan(a, b) for a, b in bounds]
        return bounds

    def span(self, start: int, end: int) -> Span:
        """A span from original offsets."""
        return _new_span(Span, (start, end, self.text[start:end]))

    def fspan(self, fstart: int, fend: int) -> Span:
        """A span from folded offsets, mapped back to the original text."""
        if fstart < fend:  # `Normalized.to_original`, inlined: the coders make hundreds of spans
            offsets = self.norm.offsets
            start, end = offsets[fstart], offsets[fend - 1] + 1
        else:
            start, end = self.norm.to_original(fstart, fend)
        return _new_span(Span, (start, end, self.text[start:end]))

    def to_dict(self) -> dict[str, Any]:
        """The output contract of FORMAT.md, with Rasd's extra fields."""
        out: dict[str, Any] = {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "events": [e.to_dict() for e in self.events],
            "dates": [d.to_dict() for d in self.dates],
            "statements": [s.to_dict() for s in self.statements],
            "places": [p.to_dict() for p in self.places],
            "entities": [e.to_dict() for e in self.entities],
        }
        if self.title:
            out["title"] = self.title
        if self.url:
            out["url"] = self.url
        out.update(self.extra)
        return out
