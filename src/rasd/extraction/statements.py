"""Reported speech: speaker, cue, content and stance (assert / deny), with `about`.

A verb cue (قال، أكد، نفى …) takes its speaker from the clause like an event trigger
(postposed, preposed or carried across "وأضاف"); a prepositional cue (بحسب، وفقاً لـ)
takes the group that follows it; a participle (مؤكداً) or a phrase (لا صحة) speaks for
the sentence's subject. A denial names whose claim it denies when the text says it.
"""

from __future__ import annotations

from rasd.doc import Doc, Entity, Statement
from rasd.extraction.context import Context, clause_of, sentence_of
from rasd.extraction.roles import Group, groups_in, main_subject, subject_adjacent, subject_after
from rasd.lexicons.triggers import Cue, cue_matcher
from rasd.text.matcher import Hit, longest, proclitics_fit

_PREP_REACH = 8  # tokens from "بحسب" to its source: "بحسب ما علمه مراسل الأناضول من مصادر …"
_DENY_REACH = 4  # "وقال: لا صحة …" makes the saying a denial
_ABOUT_PREPS = ("", "في", "عن", "ب")



def _choose(hit: Hit[Cue]) -> Cue:
    return hit.values[0]


def _speaker(ctx: Context, cue: Cue, hit: Hit[Cue], t0: int, t1: int, groups: list[Group],
             s0: int, s1: int) -> tuple[Group | None, str]:
    if cue.kind == "prep":
        g = next((g for g in groups if t1 <= g.t0 <= t1 + _PREP_REACH), None)
        return g, "prep-source"
    if cue.kind == "verb" and cue.pos == "verb":
        g = subject_adjacent(groups, ctx.toks, t0, s0)
        if g is not None:
            return g, "svo"
        g = subject_after(groups, t1 - 1, s1)
        if g is not None:
            return g, "vso"
    # A dropped subject is carried by a cue that opens a clause or is conjoined ("وأضاف أن",
    # "لكنه أعلن"); otherwise an unattributed verb belongs to reported content.
    c0, _ = clause_of(ctx, t0)
    if cue.pos == "verb" and t0 - c0 > 1 and not hit.prefix.startswith(("و", "ف")):
        return None, "no-speaker"
    g = main_subject(groups, t0, s0)
    if g is not None:
        return g, "sentence-subject"
    return ctx.carried_subject(t0), "carried-speaker"


def _anaphoric(ctx: Context, group: Group | None, t0: int) -> Group | None:
    """"المصدر", "المتحدث" or "البيانان" with no country speak for the last coded speaker;
    a speaker that stays without a country is not reported."""
    if group is None or any(m.entity.country for m in group.members):
        return group
    if all(m.heads and m.heads[0].kind in ("office", "document") for m in group.members):
        carried = ctx.carried_subject(t0)
        if carried is not None and any(m.entity.country for m in carried.members):
            return carried
    return None


def _deny_phrase_after(doc: Doc, ctx: Context, t1: int, s1: int) -> bool:
    hits = doc.layers["cue_hits"]
    return any(t1 <= pos <= min(t1 + _DENY_REACH, s1) and cue.stance == "deny" and cue.kind == "phrase"
               for pos, cue in hits)


def _about(groups: list[Group], speaker: Group | None, t1: int, s1: int) -> Entity | None:
    after = speaker.t1 if speaker is not None and speaker.t0 >= t1 else t1
    for g in groups:
        if g.t0 >= after and g.t0 < s1 and g is not speaker and g.prep in _ABOUT_PREPS:
            return g.members[0].entity
    return None


def _followed_by_verb_cue(ctx: Context, t1: int, cue_positions: set[int]) -> bool:
    """"وفق ما أفادت قناة …": the verb after "ما" carries the attribution, not "وفق"."""
    return t1 < len(ctx.toks) and ctx.toks[t1].text == "ما" and (t1 + 1) in cue_positions


def find_statements(doc: Doc) -> None:
    ctx: Context = doc.layers["context"]
    hits: list[tuple[int, int, Hit[Cue]]] = []
    for hit in longest(cue_matcher().find(doc.norm.text)):
        t0, t1 = ctx.token_range(hit.word_start, hit.end)
        verbal = _choose(hit).pos == "verb"
        if not ctx.excluded_at(t0) and not ctx.in_actor(t0, t1) and proclitics_fit(hit.prefix, verbal):
            hits.append((t0, t1, hit))
    doc.layers["cue_hits"] = [(t0, _choose(h)) for t0, _, h in hits]
    cue_positions = {t0 for t0, _, _ in hits}
    for t0, t1, hit in hits:
        cue = _choose(hit)
        if cue.kind == "prep" and _followed_by_verb_cue(ctx, t1, cue_positions):
            continue
        if cue.kind != "phrase" and ctx.quoted_at(t0):
            continue
        if cue.kind == "phrase" and any(0 < t0 - p <= _DENY_REACH for p in cue_positions):
            continue  # "وقال: لا صحة …" is one denial, carried by قال
        s0, s1 = sentence_of(ctx, t0)
        groups = groups_in(ctx.mentions, ctx.toks, s0, s1)
        group, rule = _speaker(ctx, cue, hit, t0, t1, groups, s0, s1)
        group = _anaphoric(ctx, group, t0)
        if group is None:
            continue
        if cue.kind != "prep":
            ctx.remember(t0, group)
        stance = cue.stance if cue.stance in ("assert", "deny") else "assert"
        if stance == "assert" and _deny_phrase_after(doc, ctx, t1, s1):
            stance = "deny"
        content = doc.fspan(ctx.toks[t1].start, ctx.toks[s1 - 1].end) if t1 < s1 else None
        if stance == "deny":
            ctx.denials.append((t1, s1))
        about = _about(groups, group, t1, s1) if stance == "deny" else None
        cue_span = doc.fspan(hit.start, hit.end)
        seen: set[str | None] = set()
        for m in group.members:
            if m.entity.country in seen:
                continue
            seen.add(m.entity.country)
            doc.statements.append(Statement(m.entity, cue_span, content, stance,
                                             f"{cue.source} {cue.lemma} [{cue.kind}; {rule}]", about))
