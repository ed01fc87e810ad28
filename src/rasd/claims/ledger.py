"""Contested claims across documents.

Every coded event is a side taken on a proposition (event type, parties, date): the
side asserts it, or denies it when the event is negated or reported inside a denial.
Sides from different documents about the same proposition (same type, shared parties,
dates within a window) form one group; a group with both an asserting and a denying
side is contested. Sides keep only what the ledger shows, never the document, and each new
side is compared only with the groups filed under its type, a country it could share, and
nearby days, so that a corpus of many thousand articles streams through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from rasd.doc import Doc, Event

POOLED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
DATE_WINDOW = timedelta(days=3)  # a denial published a day or two after the report


@dataclass(slots=True)
class Side:
    doc_id: str | None
    source: str | None  # the outlet as corpus fusion names it, else the URL host, else the document id
    published: date | None
    stance: str  # assert | deny
    speaker: str | None  # who is quoted, when the event is reported speech
    anonymous: bool
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    day: date | None  # the event's date at day precision, else the publication date
    evidence: str  # the clause that reports it

    @property
    def parties(self) -> frozenset[str]:
        return self.actors | self.recipients

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc_id, "source": self.source,
                "published": self.published.isoformat() if self.published else None,
                "stance": self.stance, "speaker": self.speaker, "anonymous": self.anonymous,
                "date": self.day.isoformat() if self.day else None, "evidence": self.evidence}


def _day(event: Event, published: date | None) -> date | None:
    value = event.date.value if event.date else ""
    if len(value) == 10 and value[4] == "-":
        return date.fromisoformat(value)
    return published


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _side(doc: Doc, event: Event, source: str | None) -> Side | None:
    if event.modality == "hypothetical":
        return None
    claims = doc.extra.get("claims", [])
    claim = claims[event.statement] if event.statement is not None and event.statement < len(claims) else None
    denied = event.modality == "negated" or (claim is not None and claim["stance"] == "deny")
    speaker = claim["speaker"] if claim else None
    return Side(doc.id, source, doc.published, "deny" if denied else "assert",
                speaker["code"] if speaker else None, bool(claim and claim["anonymous"]), event.type,
                frozenset(x.country for x in event.actor if x.country),
                frozenset(x.country for x in event.recipient if x.country),
                _day(event, doc.published), _evidence(event))


def _evidence(event: Event) -> str:
    return event.mentions[0].clause.text if event.mentions else event.trigger.text


def sides(doc: Doc, outlet: str | None = None) -> list[Side]:
    """The sides `doc` takes; `outlet` is its source as fusion names it (`Record.source_name`)."""
    source = outlet or _host(doc.url) or doc.id
    return [s for e in doc.events if (s := _side(doc, e, source)) is not None]


def same_proposition(a: Side, b: Side) -> bool:
    """Same event type, the same parties (pooled for meetings and agreements), close dates."""
    if a.type != b.type or (a.day and b.day and abs(a.day - b.day) > DATE_WINDOW):
        return False
    shared = a.parties & b.parties
    if a.type in POOLED:
        return len(shared) >= min(2, len(a.parties), len(b.parties)) and bool(shared)
    recipients_agree = not a.recipients or not b.recipients or bool(a.recipients & b.recipients)
    return bool(a.actors & b.actors) and recipients_agree


@dataclass(slots=True)
class Group:
    sides: list[Side]

    @property
    def contested(self) -> bool:
        stances = {s.stance for s in self.sides}
        return stances == {"assert", "deny"} and len({s.doc_id for s in self.sides}) > 1

    def to_dict(self) -> dict[str, Any]:
        first = self.sides[0]
        days = sorted(s.day for s in self.sides if s.day)
        return {"type": first.type, "parties": sorted(frozenset().union(*(s.parties for s in self.sides))),
                "dates": [days[0].isoformat(), days[-1].isoformat()] if days else None,
                "contested": self.contested, "sides": [s.to_dict() for s in self.sides]}


Key = tuple[str, str]  # event type, country


def _keys(side: Side) -> set[Key]:
    # same_proposition needs a shared actor (any shared party for pooled types): a group can
    # take this side only if one of its sides was filed under one of these keys.
    countries = side.parties if side.type in POOLED else side.actors
    return {(side.type, country) for country in countries}


@dataclass(slots=True)
class _Shelf:
    """The numbers of the groups filed under one key, by the days of their sides."""

    by_day: dict[date, set[int]] = field(default_factory=dict)
    undated: set[int] = field(default_factory=set)

    def file(self, day: date | None, number: int) -> None:
        (self.by_day.setdefault(day, set()) if day else self.undated).add(number)

    def near(self, day: date | None) -> set[int]:
        """Groups with a side in the date window of `day`; an undated side is near every day."""
        if day is None:
            return self.undated.union(*self.by_day.values())
        window = (day + timedelta(days=k) for k in range(-DATE_WINDOW.days, DATE_WINDOW.days + 1))
        return self.undated.union(*(self.by_day.get(d, ()) for d in window))


class Ledger:
    """Groups filled one document at a time; a side joins the first group it matches."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self._shelves: dict[Key, _Shelf] = {}

    def add(self, doc: Doc, outlet: str | None = None) -> None:
        for side in sides(doc, outlet):
            self._file(side)

    def _file(self, side: Side) -> None:
        keys = _keys(side)
        number = self._match(side, keys)
        if number is None:
            number = len(self.groups)
            self.groups.append(Group([]))
        self.groups[number].sides.append(side)
        for key in keys:
            self._shelves.setdefault(key, _Shelf()).file(side.day, number)

    def _match(self, side: Side, keys: set[Key]) -> int | None:
        near = set[int]().union(*(self._shelves[k].near(side.day) for k in keys if k in self._shelves))
        # In group order, so the side lands where a scan of every group would put it.
        return next((n for n in sorted(near) if any(same_proposition(side, s) for s in self.groups[n].sides)), None)


def ledger(docs: Iterable[Doc]) -> list[Group]:
    """Group every side of every document by proposition, outlets named by URL host."""
    book = Ledger()
    for doc in docs:
        book.add(doc)
    return book.groups
