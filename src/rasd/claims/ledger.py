"""Contested claims across documents.

Every coded event is a side taken on a proposition (event type, parties, date): the
side asserts it, or denies it when the event is negated or reported inside a denial.
Sides from different documents about the same proposition (same type, shared parties,
dates within a window) form one group; a group with both an asserting and a denying
side is contested.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from rasd.doc import Doc, Event

POOLED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
DATE_WINDOW = timedelta(days=3)  # a denial published a day or two after the report


@dataclass(slots=True)
class Side:
    doc_id: str | None
    source: str | None  # the outlet (URL host) or the document id
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


def _side(doc: Doc, event: Event) -> Side | None:
    if event.modality == "hypothetical":
        return None
    claims = doc.extra.get("claims", [])
    claim = claims[event.statement] if event.statement is not None and event.statement < len(claims) else None
    denied = event.modality == "negated" or (claim is not None and claim["stance"] == "deny")
    speaker = claim["speaker"] if claim else None
    source = urlparse(doc.url).hostname if doc.url else doc.id
    return Side(doc.id, source, doc.published, "deny" if denied else "assert",
                speaker["code"] if speaker else None, bool(claim and claim["anonymous"]), event.type,
                frozenset(x.country for x in event.actor if x.country),
                frozenset(x.country for x in event.recipient if x.country),
                _day(event, doc.published), _evidence(event))


def _evidence(event: Event) -> str:
    return event.mentions[0].clause.text if event.mentions else event.trigger.text


def sides(doc: Doc) -> list[Side]:
    return [s for e in doc.events if (s := _side(doc, e)) is not None]


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


def ledger(docs: list[Doc]) -> list[Group]:
    """Group every side of every document by proposition; a side joins the first group it matches."""
    groups: list[Group] = []
    for doc in docs:
        for side in sides(doc):
            target = next((g for g in groups if any(same_proposition(side, s) for s in g.sides)), None)
            if target is None:
                groups.append(Group([side]))
            else:
                target.sides.append(side)
    return groups
