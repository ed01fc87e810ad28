"""Claims inside one document: what each statement claims, and which denial answers which claim.

Every statement's content is a claim with a finer stance (assert, deny, hedge, question)
and the events reported inside it; those events get the statement as their source of
attribution (`Event.statement`). A denial is linked to the claim it denies: the claim of
the source it quotes back ("ما جاء في البيان التركي"), of the party it answers (`about`),
or, with neither, a claim sharing its events. Runs after `find_events`; the result goes
to `doc.extra["claims"]` and `doc.extra["contradictions"]` as plain JSON-ready dicts.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import lru_cache

from rasd.doc import Doc, Entity, Span, Statement
from rasd.extraction.statements import StatementNote
from rasd.text.normalize import fold

_HEDGE_MARKERS = ("hypothetical",)  # a modality marker opening the content makes it a hedge
_MIN_WORD = 4  # content words shorter than this are particles, not topic
_ARTICLES = ("وال", "بال", "لل", "ال")


@dataclass(slots=True)
class Claim:
    statement: int
    speaker: Entity | None
    stance: str  # assert | deny | hedge | question
    content: Span | None
    events: list[int]
    about: Entity | None

    def to_dict(self) -> dict[str, object]:
        return {"statement": self.statement, "speaker": self.speaker.to_dict() if self.speaker else None,
                "anonymous": bool(self.speaker and self.speaker.anonymous), "stance": self.stance,
                "content": self.content.to_dict() if self.content else None, "events": self.events,
                "about": self.about.to_dict() if self.about else None}


@dataclass(slots=True)
class Contradiction:
    denial: int  # claim index
    claim: int  # claim index of what is denied
    by: str  # reference | about | content
    shared: list[str]  # the events or words the two claims share

    def to_dict(self) -> dict[str, object]:
        return {"denial": self.denial, "claim": self.claim, "by": self.by, "shared": self.shared}


def link_events(doc: Doc) -> dict[int, list[int]]:
    """Give each event the innermost statement whose content holds one of its mentions."""
    by_statement: dict[int, list[int]] = {}
    holder = _innermost_contents(doc)
    for ei, event in enumerate(doc.events):
        held = [holder[m.trigger.start] for m in event.mentions if holder[m.trigger.start] >= 0]
        if held:
            event.statement = min(held, key=lambda si: (_length(doc.statements[si]), si))
            by_statement.setdefault(event.statement, []).append(ei)
    return by_statement


def _length(statement: Statement) -> int:
    return statement.content.end - statement.content.start if statement.content else 0


def _innermost_contents(doc: Doc) -> array[int]:
    """For each character, the statement with the shortest content holding it (-1 for none):
    contents are painted longest first, so a nested one overwrites its host."""
    holder = array("i", [-1]) * (len(doc.text) + 1)
    with_content = [(si, s.content) for si, s in enumerate(doc.statements) if s.content is not None]
    # On equal lengths the first statement wins, as it is painted last.
    for si, content in sorted(with_content, key=lambda c: (c[1].start - c[1].end, -c[0])):
        holder[content.start:content.end] = array("i", [si]) * (content.end - content.start)
    return holder


def _stance(doc: Doc, statement: Statement, note: StatementNote | None) -> str:
    if statement.stance == "deny":
        return "deny"
    if note is not None and note.cue.stance in ("hedge", "question"):
        return note.cue.stance
    ctx = doc.layers.get("context")
    if ctx is not None and statement.content is not None:
        start = doc.norm.to_folded(statement.content.start)
        first = ctx.token_at(start)
        if any(m.modality in _HEDGE_MARKERS for _, m in ctx.within(ctx.markers, first, first + 4)):
            return "hedge"
    return "assert"


def _words(span: Span | None) -> frozenset[str]:
    """Content words, folded and without the article: the claim's topic."""
    return _topic(span.text) if span else frozenset()


@lru_cache(maxsize=1 << 10)  # a denial is scored against every other claim, each pair afresh
def _topic(text: str) -> frozenset[str]:
    out: set[str] = set()
    for word in fold(text).split():
        word = word.strip("\"'.,،:؛()")
        prefix = next((a for a in _ARTICLES if word.startswith(a) and len(word) > len(a) + 2), "")
        if len(word) - len(prefix) >= _MIN_WORD:
            out.add(word[len(prefix):])
    return frozenset(out)


def _shared_events(doc: Doc, a: Claim, b: Claim) -> list[str]:
    pairs = ((doc.events[i], doc.events[j]) for i in a.events for j in b.events)
    return sorted({x.type for x, y in pairs if x.type == y.type and x.parties() & y.parties()})


def _same_party(ent: Entity | None, about: Entity) -> bool:
    if ent is None or ent.country != about.country:
        return False
    return not about.sector or ent.sector in (None, about.sector)


def _denied(doc: Doc, claims: list[Claim], d: int, by_reference: bool) -> Contradiction | None:
    """The claim a denial answers: among the other speakers' claims, the party it names,
    then the claim sharing most of its events and words."""
    denial = claims[d]
    others = [i for i, c in enumerate(claims) if c.stance != "deny" and c.speaker is not None
              and denial.speaker is not None and c.speaker.country != denial.speaker.country]
    named = [i for i in others if denial.about is not None and _same_party(claims[i].speaker, denial.about)]
    words = _words(denial.content)

    def score(i: int) -> tuple[int, int, int]:
        other = claims[i]
        return len(_shared_events(doc, denial, other)), len(words & _words(other.content)), -abs(d - i)

    if named:
        best = max(named, key=score)
        by = "reference" if by_reference else "about"
        return Contradiction(d, best, by, _evidence(doc, denial, claims[best]))
    # Only claims reporting events can share one (most report none).
    with_events = [i for i in others if denial.events and claims[i].events and _shared_events(doc, denial, claims[i])]
    if with_events:
        best = max(with_events, key=score)
        return Contradiction(d, best, "content", _evidence(doc, denial, claims[best]))
    return None


def _evidence(doc: Doc, a: Claim, b: Claim) -> list[str]:
    return _shared_events(doc, a, b) + sorted(_words(a.content) & _words(b.content))


def find_claims(doc: Doc) -> None:
    """Fill doc.extra["claims"] and doc.extra["contradictions"], and Event.statement."""
    events = link_events(doc)
    notes: list[StatementNote] = doc.layers.get("statement_notes", [])
    claims = [Claim(i, s.speaker, _stance(doc, s, notes[i] if i < len(notes) else None), s.content,
                    events.get(i, []), s.about) for i, s in enumerate(doc.statements)]
    contradictions = [c for d, claim in enumerate(claims) if claim.stance == "deny"
                      if (c := _denied(doc, claims, d, d < len(notes) and notes[d].about_by == "reference"))]
    doc.extra["claims"] = [c.to_dict() for c in claims]
    doc.extra["contradictions"] = [c.to_dict() for c in contradictions]
