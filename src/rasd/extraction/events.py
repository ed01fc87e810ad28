"""Event coding: triggers → PLOVER events with actor, recipient, modality, date and place.

Each trigger hit that reports an event (`readings`) is read in its clause (`frames`); the
event then takes the date and place of its clause, its auxiliary mode (`modality`), and the
targets a frame leaves open: the target of a reaction, an attack's place, a protest's
government. Mentions of the same real-world event merge into one record that keeps each
mention as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from rasd.doc import DateMention, Doc, Entity, Event, Mention, Place
from rasd.extraction.actors import ActorMention
from rasd.extraction.context import COMPLEMENTIZERS, Context, clause_of, sentence_of
from rasd.extraction.frames import CASUALTY_NOUNS, HARM, names_both_sides, names_other_side, roles
from rasd.extraction.modality import modality_of
from rasd.extraction.readings import SPONSORING, TREATIES, Reading, has_object_pronoun, read_trigger
from rasd.extraction.roles import RECIPIENT_REACH, Group, main_subject
from rasd.lexicons.check import INTERNATIONAL
from rasd.lexicons.triggers import Trigger, trigger_matcher
from rasd.text.matcher import Hit, longest, without_proclitic
from rasd.text.normalize import fold

POOLED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID"})
_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
_UNREALISED_CONTENT = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT"})  # what they introduce has not happened
_FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# Nouns that refer back to a reported event: the object of a reaction ("دان الضربة").
_EVENT_WORDS = frozenset({
    "ضربه", "ضربات", "هجوم", "هجمات", "اعتداء", "اعتداءات", "عمليه", "عمليات", "قرار", "اتفاق", "اتفاقيه",
    "خطوه", "غاره", "غارات", "تفجير", "تفجيرات", "اقتحام", "اعلان", "تصريحات", "توغل", "قصف",
})
# "المعاهدة الموقعة عام 1994": a treaty noun (TREATIES), then the passive participle of وقّع.
_SIGNED = frozenset({"الموقع", "الموقعه", "الموقعين", "الموقعتين"})
_TREATY_NAME_REACH = 5  # tokens from a treaty noun to its participle: "معاهدة وادي عربة للسلام الموقعة"
_TREATY_NAME_CHARS = 80  # the same reach in characters, an upper bound
_SIGNED_FORM = re.compile("الموقع")


def entities(group: Group | None) -> list[Entity]:
    return [m.entity for m in group.members] if group else []


def find_events(doc: Doc) -> None:
    ctx: Context = doc.layers["context"]
    events: list[Event] = []
    # Where earlier triggers ended, by part of speech: a noun right after a trigger verb is
    # its complement ("يشترط الانسحاب"); a verb right after a trigger noun describes it.
    # A threat, accusation, demand or refusal ends at "unrealised": the act it introduces is its content.
    ends: dict[str, set[int]] = {"verb": set(), "noun": set(), "participle": set(), "topic": set(),
                                 "unrealised": set()}
    # Most articles name no signed treaty and no "other side": rules read only where they might.
    text = doc.norm.text
    signed_at = [m.start() for m in _SIGNED_FORM.finditer(text)] if "الموقع" in text else []
    sides = "الاخر" in text
    victims: list[tuple[int, Group]] = []  # (sentence start, patient) of passives without an agent
    for hit in longest(trigger_matcher().find(text)):
        if signed_at and _before(signed_at, hit.end) and _signed_treaty(doc, ctx, hit, events):
            continue  # the noun names the signed treaty, not a new deal
        r = read_trigger(ctx, hit, ends)
        if r is None:
            continue
        ends[r.trigger.pos].add(r.t_end - 1)
        if r.trigger.pos == "verb" and r.trigger.type in _UNREALISED_CONTENT:
            ends["unrealised"].add(r.t_end - 1)
        s0, s1 = sentence_of(ctx, r.t)
        c0, c1 = clause_of(ctx, r.t)
        groups = ctx.groups(s0, s1)
        actor, recipient, rule = roles(ctx, r, groups, (c0, c1), (s0, s1), ctx.carried_subject(r.t))
        if actor is not None and names_both_sides(ctx, actor):
            actor, rule = _last_parties(events, actor.t0, actor.t1) or actor, rule + "+both-sides"
        elif _known_agreement(r, rule):
            actor, rule = _last_parties(events, r.t, r.t_end) or actor, rule + "+known-agreement"
        other = _other_side(ctx, groups, r, actor, events) if sides else None
        if other is not None:
            recipient, rule = other, rule + "+other-side"
        if rule == "passive" and actor is None and recipient is not None and r.trigger.type in HARM:
            # "قتل ثلاثة جنود في هجوم شنته …": the attack named next has the agent; victims whose
            # country is only the story's default leave the target to the attack's own place.
            if not all(m.entity.guessed for m in recipient.members):
                victims.append((s0, recipient))
            continue
        if recipient is None and actor is not None and r.trigger.type in HARM and victims and victims[-1][0] == s0:
            recipient, rule = victims.pop()[1], rule + "+passive-victims"
        if recipient is None and actor is not None and r.trigger.type == "ASSAULT":
            dead = _casualties(ctx, groups, s0)
            if dead is not None:
                recipient, rule = dead, rule + "+casualties"
        if (actor is None and recipient is None) or (r.trigger.type == "THREATEN" and _warning(ctx, r, actor, groups)):
            continue
        ctx.remember(r.t, actor)
        if actor is not None and recipient is not None and actor.full_codes == recipient.full_codes and \
                r.trigger.type not in POOLED:
            recipient = None
        if r.trigger.type in POOLED:
            recipient = _with_sponsors(ctx, groups, r.t_end, s1, recipient)
        event = _event(doc, ctx, r, actor, recipient, rule, (s0, s1), (c0, c1))
        _reaction_target(ctx, r, actor, event, events)
        if not event.recipient and actor is not None and r.trigger.type not in POOLED:
            target = _pronoun_target(ctx, r, groups, actor, s0) \
                or _other_party(groups, actor, r.t_end, ctx.conjoined_end(r.t_end, s1))
            event.recipient = entities(target)
        _target_from_place(event)
        _protest_target(event)
        _threat_target(event, events)
        # PLOVER events have an actor: a target alone ("الهجوم الذي استهدف دورية") is not coded.
        if any(e.country for e in event.actor) and not _lone_meeting(event, rule):
            _carry_date(doc, event, events)
            events.append(event)
            if event.modality == "historical":
                ctx.historical.append(r.t)
    doc.events = merge(events)


@cache
def _signing_trigger() -> Trigger:
    sign = next(v for v in trigger_matcher().get("وقع") if v.type == "SUPPORT")
    return replace(sign, pos="participle")


def _before(offsets: list[int], end: int) -> bool:
    """Whether one of the sorted offsets follows `end` within a treaty's name."""
    i = bisect_left(offsets, end)
    return i < len(offsets) and offsets[i] - end <= _TREATY_NAME_CHARS


def _signed_treaty(doc: Doc, ctx: Context, hit: Hit[Trigger], events: list[Event]) -> bool:
    """Code the signing of a treaty the hit ends with; whether the hit is that treaty's noun."""
    treaty = ctx.token_range(hit.word_start, hit.end)[1] - 1
    signed = _signing(ctx, treaty)
    if signed is None:
        return False
    _add_signing(doc, ctx, signed, treaty, events)
    return any(v.type == "AGREE" and v.pos == "noun" for v in hit.values)


def _signing(ctx: Context, treaty: int) -> Reading | None:
    """"معاهدة وادي عربة للسلام الموقعة عام 1994", "إلغاء اتفاقية كامب ديفيد الموقعة": a treaty
    noun that a signing participle follows names a signed treaty; the signing is an event."""
    if without_proclitic(ctx.toks[treaty].text).removeprefix("ال") not in TREATIES:
        return None
    for t in range(treaty + 1, min(treaty + 1 + _TREATY_NAME_REACH, len(ctx.toks))):
        tok = ctx.toks[t]
        if tok.text in _SIGNED:
            sign = _signing_trigger()
            return Reading(sign, Hit(tok.start + 2, tok.end, "ال", (sign,), tok.start), t, t + 1)
        if not tok.is_word:
            return None
    return None


def _add_signing(doc: Doc, ctx: Context, r: Reading, treaty: int, events: list[Event]) -> None:
    """Code the signing of a treaty by its parties (none found: not coded)."""
    sentence, clause = sentence_of(ctx, r.t), clause_of(ctx, r.t)
    parties = _treaty_parties(ctx.groups(*sentence), treaty, r.t)
    if parties is not None:
        event = _event(doc, ctx, r, parties, None, "treaty-signed", sentence, clause)
        events.append(event)
        if event.modality == "historical":
            ctx.historical.append(r.t)


def _treaty_parties(groups: list[Group], treaty: int, t: int) -> Group | None:
    """The parties of a signed treaty: the nisbas or the بين-phrase naming them ("التفاهم التركي
    الروسي", "الاتفاقية الموقعة بين مصر وإسرائيل"), else the two states of the sentence."""
    named = [g for g in groups if treaty < g.t0 <= t + 3 and (g.weak or g.prep == "بين")]
    if not named:
        states = {m.entity.country for g in groups for m in g.members} - INTERNATIONAL - {None, "*"}
        if len(states) != 2:
            return None
        named = [g for g in groups if g.codes & states]
    members = [m for g in named for m in g.members if m.entity.country not in INTERNATIONAL]
    first: dict[str | None, ActorMention] = {}
    for m in members:
        first.setdefault(m.entity.country, m)
    return Group(list(first.values()), t, t + 1, "") if len(first) >= 2 else None


def _warning(ctx: Context, r: Reading, actor: Group | None, groups: list[Group]) -> bool:
    """"حذّر من عواقب وخيمة", "حذّروا من أن استمرار القطيعة قد …": a warning (a statement). Someone
    warned ("حذّر إسرائيل من …") or the speaker's own side acting ("حذّر من أن طهران ستتخذ
    إجراءات", "من أنها سترد") make it a threat."""
    toks, t = ctx.toks, r.t_end
    if actor is not None and actor.t0 >= t:
        t = actor.t1  # the postposed subject: "حذّر دبلوماسيون من أن …"
    # "من" may follow an adjective of the subject ("دبلوماسيون أفارقة من أن"), not an object.
    k = next((i for i in range(t, min(t + 3, len(toks))) if toks[i].text == "من"), None)
    if k is None or any(t <= g.t0 < k for g in groups):
        return False
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    if nxt not in COMPLEMENTIZERS or actor is None:
        return True
    if nxt not in ("ان", "بان"):
        return False  # "من أنها سترد": the pronoun is the speaker's own side
    subject = next((g for g in groups if k + 1 < g.t0 <= k + 3), None)
    return subject is None or not subject.codes & actor.codes


def _reaction_target(ctx: Context, r: Reading, actor: Group | None, event: Event, earlier: list[Event]) -> None:
    """"دان الناطق … الضربة", "رحبت الخارجية التركية بالاتفاق": a reaction to an event
    reported before targets that event's actor."""
    weak = all("nisba-modifier" in e.source for e in event.recipient)  # an adjective, not a party
    if not weak or event.type not in _REACTIONS or actor is None:
        return
    start = max(r.t_end, actor.t1 if actor.t0 > r.t else r.t_end)
    words = [t.text for i, t in enumerate(ctx.toks[start:start + 6], start) if t.is_word and i not in ctx.date_tokens]
    named = {without_proclitic(w).removeprefix("ال") for w in words[:4]} & _EVENT_WORDS
    if not named:
        return
    own = {e.code for e in event.actor}  # a government may react to rebels of its own country
    others = [e for e in reversed(earlier) if e.actor and not {a.code for a in e.actor} & own]
    # "دان … الضربة" names the strike reported before, not the attack it was told to answer.
    before = next((e for e in others if _trigger_noun(e) in named), others[0] if others else None)
    if before is not None:
        event.recipient = [replace(a, source=a.source + " + reaction-target") for a in before.actor]


def _trigger_noun(e: Event) -> str:
    return without_proclitic(fold(e.trigger.text).split()[0]).removeprefix("ال")


def _event(doc: Doc, ctx: Context, r: Reading, actor: Group | None, recipient: Group | None, rule: str,
           sentence: tuple[int, int], clause: tuple[int, int]) -> Event:
    tr = r.trigger
    trigger = doc.fspan(r.hit.start, r.hit.end)
    clause_span = doc.fspan(ctx.toks[clause[0]].start, ctx.toks[clause[1] - 1].end)
    # The date of the trigger's clause, else the nearest one in its sentence. Only a date of
    # the trigger's own clause speaks for its tense; any date of the sentence dates it.
    own_date = ctx.date_in(r.t, clause)
    date: DateMention | None = own_date if own_date is not None else ctx.date_in(r.t, sentence)
    # A phone call joins two places and happens in neither.
    place: Place | None = None if tr.mode == "phone" else ctx.place_near(r.t, sentence, actor, recipient)
    modality = modality_of(ctx, r.t, r.hit, tr, clause, date, own_date is not None)
    kind = _future_type(tr.type, modality)
    return Event(type=kind, mode=tr.mode, actor=entities(actor), recipient=entities(recipient),
                 trigger=trigger, modality=modality, cameo=tr.cameo, quad=tr.quad, score=tr.score,
                 rule=f"{tr.source} {tr.lemma} [{tr.pos}; {rule}]", date=date, location=place,
                 mentions=[Mention(trigger, clause_span, rule)])


def _casualties(ctx: Context, groups: list[Group], s0: int) -> Group | None:
    """"مقتل جنديين تركيين إثر هجوم …", "… ما أسفر عن مقتل خمسة فلسطينيين": those the sentence
    says were killed or wounded are the attack's victims."""
    return next((g for g in groups if s0 < g.t0 and not g.prep and ctx.core(g.t0 - 1) in CASUALTY_NOUNS),
                None)


def _carry_date(doc: Doc, event: Event, events: list[Event]) -> None:
    """An undated act told right after a dated one goes on with its day: "قُتل عنصر …، اليوم
    الأحد … وفي وقت لاحق، أعلن الحزب أنه استهدف …" — within a paragraph, and a day, not a year
    of background."""
    if event.date is not None or event.modality != "asserted" or not events:
        return
    prev = events[-1]
    if prev.date is not None and prev.date.precision == "day" and prev.modality == "asserted" \
            and "\n" not in doc.text[prev.trigger.end:event.trigger.start]:
        event.date = prev.date


def _other_party(groups: list[Group], actor: Group, t: int, s1: int) -> Group | None:
    """Failing the frame, the next other party of the sentence is the likeliest target."""
    return next((g for g in groups if t <= g.t0 < min(s1, t + RECIPIENT_REACH) and g is not actor
                 and not g.codes <= actor.codes and not g.anaphoric), None)


def _pronoun_target(ctx: Context, r: Reading, groups: list[Group], actor: Group | None, s0: int) -> Group | None:
    """A verb with an object pronoun ("ويطالبها", "استهدفته") points back to the sentence's
    subject: "رفضت إيران القرار الذي … ويطالبها بالتعاون" targets Iran."""
    if not has_object_pronoun(ctx, r):
        return None
    main = main_subject(groups, r.t, s0)
    return main if main is not None and actor is not None and main.codes != actor.codes else None


def _threat_target(e: Event, earlier: list[Event]) -> None:
    """A threat names no target when the story has one adversary ("مؤكدة أنها سترد بكل
    الوسائل"): it is aimed at the actor's counterpart in the latest event between them."""
    if e.type != "THREATEN" or e.recipient or not e.actor:
        return
    own = {x.country for x in e.actor}
    for before in reversed(earlier):
        for side, other in ((before.actor, before.recipient), (before.recipient, before.actor)):
            them = [x for x in other if x.country and x.country not in own]
            if them and own & {x.country for x in side}:
                e.recipient = [replace(x, source=x.source + " + counterpart") for x in them]
                return


def _protest_target(e: Event) -> None:
    """Protesters with no named target protest against their own government."""
    if e.type == "PROTEST" and not e.recipient and e.actor and e.actor[0].country:
        e.recipient = [Entity(e.actor[0].country, "GOV", e.actor[0].span, "protest-default-target")]


def _target_from_place(e: Event) -> None:
    """An attack or raid without a named target hits the country where it happens
    ("غارات على منشأة قرب أصفهان" → IRN), when that is not the attacker's own."""
    if e.recipient or e.location is None or e.type not in _PLACE_TARGETED:
        return
    if e.location.country in {a.country for a in e.actor}:
        return
    e.recipient = [Entity(e.location.country, None, e.location.span, f"place-target {e.location.source}")]


def _known_agreement(r: Reading, rule: str) -> bool:
    """"لضمان التزام الطرفين ببنود الاتفاق": the article marks an agreement already reported,
    whose parties it keeps, not a new one by the subject of a verb nearby."""
    return r.trigger.type == "AGREE" and r.trigger.pos == "noun" and "ال" in r.hit.prefix \
        and rule.startswith("noun-support")


def _last_parties(events: list[Event], t0: int, t1: int) -> Group | None:
    """The parties of the latest meeting or agreement, as the subject "الطرفان" refers to."""
    last = next((e for e in reversed(events) if e.type in POOLED and len(e.parties()) >= 2), None)
    if last is None:
        return None
    members = [ActorMention(replace(ent, source=ent.source + " + both-sides"), t0, t1)
               for ent in last.actor + last.recipient]
    return Group(members, t0, t1, "")


def _other_side(ctx: Context, groups: list[Group], r: Reading, actor: Group | None,
                events: list[Event]) -> Group | None:
    """"متهماً الطرف الآخر": the object is whoever faced the actor in the latest event where
    both acted together (a clash, a meeting, an agreement)."""
    at = next((g for g in groups if r.t_end <= g.t0 <= r.t_end + 1), None)
    if actor is None or at is None or not names_other_side(ctx, at):
        return None
    own = actor.full_codes
    for e in reversed(events):
        sides = {x.code: x for x in e.actor + (e.recipient if e.type in POOLED else [])}
        others = [x for code, x in sides.items() if code not in own]
        if len(sides) >= 2 and own & sides.keys() and others:
            members = [ActorMention(replace(x, source=x.source + " + other-side"), at.t0, at.t1) for x in others]
            return Group(members, at.t0, at.t1, at.prep)
    return None


def _with_sponsors(ctx: Context, groups: list[Group], t: int, s1: int, recipient: Group | None) -> Group | None:
    """Sponsors and mediators are parties to a meeting: "المفاوضات … برعاية سعودية أمريكية"."""
    sponsors = [g for g in groups if t <= g.t0 < s1 and g is not recipient
                and (ctx.toks[g.t0 - 1].text in SPONSORING or ctx.toks[g.t0].text in SPONSORING)]
    if not sponsors:
        return recipient
    # Stacked nisbas share the sponsorship: "برعاية سعودية أمريكية".
    sponsors += [g for g in groups if g.weak and any(g.t0 == s.t1 for s in sponsors) and g not in sponsors]
    members = [m for g in ([recipient] if recipient else []) + sponsors for m in g.members]
    return Group(members, min(m.t0 for m in members), max(m.t1 for m in members), "")


def _future_type(kind: str, modality: str) -> str:
    """PLOVER codes a promised meeting, support or cooperation as AGREE, and an announced,
    not yet done, withdrawal or release as CONCEDE."""
    if modality != "future":
        return kind
    return _FUTURE_TYPES.get(kind, kind)


def _lone_meeting(e: Event, rule: str) -> bool:
    """A meeting needs two parties: one found only by a fallback ("على أنها بحثت …") is a guess."""
    sides = {x.code for x in e.actor + e.recipient if x.country}
    return e.type == "CONSULT" and len(sides) < 2 and rule in ("svo-sentence", "carried-subject")


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.type == "CONSULT" and a.mode and b.mode and a.mode != b.mode:
        return False  # a phone call is not the visit it preceded
    if a.date and b.date and a.date.value[:7] != b.date.value[:7]:
        return False
    pa, pb = a.parties(), b.parties()
    if a.type in POOLED:
        return bool(pa & pb) and (pa <= pb or pb <= pa or len(pa & pb) >= 2)
    return _shares_actor(a, b) and ({x.country for x in a.recipient} == {x.country for x in b.recipient}
                                     or not a.recipient or not b.recipient)


def _shares_actor(a: Event, b: Event) -> bool:
    """The same actor on both: one country and no clash of sectors, since in a domestic fight
    the army and the rebels of one country are the two opposite sides (TUR/MIL, TUR/REB)."""
    return any(x.country and x.country == y.country and (not x.sector or not y.sector or x.sector == y.sector)
               for x in a.actor for y in b.actor)


def _absorb(into: Event, other: Event) -> None:
    seen = {(x.country, x.sector) for x in into.actor + into.recipient}
    for side, more in ((into.actor, other.actor), (into.recipient, other.recipient)):
        for ent in more:
            if (ent.country, ent.sector) not in seen:
                side.append(ent)
                seen.add((ent.country, ent.sector))
    into.mode = into.mode or other.mode
    into.date = into.date or other.date
    into.location = into.location or other.location
    into.mentions += other.mentions


def merge(events: list[Event]) -> list[Event]:
    """One record per real-world event: later mentions fold into the first matching record."""
    out: list[Event] = []
    for e in events:
        target = next((o for o in out if _same(o, e)), None)
        if target is None:
            out.append(e)
        else:
            _absorb(target, e)
    return out
