"""The PLOVER auxiliary modes of an event: negated, future, hypothetical, historical.

Markers come from modality.tsv with a scope (just before the trigger, anywhere in
its clause, just after it); the future prefix س on the verb, "قد" before an imperfect,
a denial that contains the event and the age of the event's date complete the picture.
"""

from __future__ import annotations

from datetime import date, timedelta

from rasd.doc import DateMention
from rasd.extraction.context import Context, sentence_of
from rasd.lexicons.triggers import Trigger
from rasd.text.matcher import Hit

_BEFORE_WINDOW = 3
_HISTORICAL_AGE = timedelta(days=180)
_RECENT = timedelta(days=31)
# First-listed wins when markers disagree: a negation outranks a plan, a plan a condition.
_PRIORITY = ("negated", "hypothetical", "future", "historical")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")


def _marker_modes(ctx: Context, t: int, clause: tuple[int, int]) -> set[str]:
    modes: set[str] = set()
    s0, s1 = sentence_of(ctx, t)
    for m0, marker in ctx.within(ctx.markers, s0, s1):
        if marker.scope == "sentence" and s0 <= m0 < s1:
            modes.add(marker.modality)
        if not clause[0] <= m0 < clause[1]:
            continue
        if marker.scope == "clause" or (marker.scope == "before" and 0 < t - m0 <= _BEFORE_WINDOW) \
                or (marker.scope == "after" and 0 < m0 - t <= _BEFORE_WINDOW):
            modes.add(marker.modality)
    return modes


def _age(d: DateMention | None, published: date | None) -> timedelta | None:
    """How long before publication a dated event happened (None: undated, future or weeks)."""
    if d is None or published is None or d.direction == "future" or "W" in d.value:
        return None
    try:
        parts = [int(x) for x in d.value.split("-")]
        when = date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    except ValueError:
        return None
    return published - when


def modality_of(ctx: Context, t: int, hit: Hit[Trigger], trigger: Trigger, clause: tuple[int, int],
                when: DateMention | None, own: bool) -> str:
    """The auxiliary mode; `own` says whether the event's date stands in its own clause."""
    modes = _marker_modes(ctx, t, clause)
    word = ctx.doc.norm.text[hit.start:hit.end]
    if trigger.pos == "verb" and "س" in hit.prefix:
        modes.add("future")
    before = ctx.toks[t - 1].text if t > 0 else ""
    if before in ("قد", "وقد") and word.startswith(_IMPERFECT_PREFIXES) and trigger.pos == "verb":
        modes.add("hypothetical")
    if any(a <= t < b for a, b in ctx.denials):
        modes.add("negated")
    if own and when is not None and when.direction == "future":
        modes.add("future")
    age = _age(when, ctx.doc.published)
    if (age is not None and age > _HISTORICAL_AGE) or (_continues_history(ctx, t) and when is None):
        modes.add("historical")
    elif age is not None and age <= _RECENT:
        modes.discard("historical")  # dated within weeks of publication: news, not background
    if trigger.type == "THREATEN":
        # A threat speaks of a conditional future act; the threat itself is made now ("سترد",
        # "هددت … إذا لم تتراجع"), as offering is (GUIDE: the act of offering is asserted).
        modes -= {"future", "hypothetical"}
    return next((m for m in _PRIORITY if m in modes), "asserted")


def _continues_history(ctx: Context, t: int) -> bool:
    """A sentence opening with "كما" ("also") goes on with the background of the one before."""
    s0, _ = sentence_of(ctx, t)
    if ctx.toks[s0].text not in ("كما", "وكما") or s0 == 0:
        return False
    p0, p1 = sentence_of(ctx, s0 - 1)
    return any(p0 <= pos < p1 for pos in ctx.historical)
