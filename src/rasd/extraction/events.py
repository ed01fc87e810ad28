"""Event coding: triggers → PLOVER events with actor, recipient, modality, date and place.

Each trigger hit (a conjugated verb, a verbal noun, a participle or an idiom from the
trigger lexicon) is read in its clause: the subject is the postposed group (VSO) or
the preposed one (SVO), else the subject carried from the previous clause; the
recipient follows the trigger's frame (direct object or a preposition). Mentions of
the same real-world event merge into one record that keeps each mention as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from rasd.doc import DateMention, Doc, Entity, Event, Mention, Place
from rasd.extraction.actors import ActorMention
from rasd.extraction.context import Context, clause_of, sentence_of, without_proclitic
from rasd.extraction.modality import modality_of
from rasd.extraction.roles import (
    RECIPIENT_REACH,
    Group,
    main_subject,
    recipient_after,
    subject_adjacent,
    subject_after,
    subject_before,
)
from rasd.lexicons.actors import ambiguous_forms
from rasd.lexicons.triggers import Trigger, trigger_matcher
from rasd.text.matcher import Hit, longest, proclitics_fit
from rasd.text.normalize import fold

POOLED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID"})
# Types whose verbal noun takes its agent as genitive ("انسحاب القوات التركية");
# for the others the genitive is the patient ("اعتقال صحافية").
_GENITIVE_AGENT = frozenset({"RETREAT", "CONCEDE", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "SUPPORT",
                             "COOPERATE", "REQUEST", "REJECT", "THREATEN"})


_TOPIC_WORDS = frozenset({"حول", "بشان", "بخصوص", "موضوع", "ملف", "الي", "علي", "عن", "اجل", "اطار", "سبل",
                          "امكانيه", "ضروره", "اهميه", "الحاجه", "بهدف", "اليه", "اليات",
                          # a time reference, not a report: "بعد سنوات من العداء خلال الحرب"
                          "خلال", "منذ", "اثناء", "طيله", "عقب", "قبيل", "بعد", "قبل",
                          # a definition, not a report: "التطبيع يعني انسحاب القوات"
                          "يعني", "تعني", "بغير", "دون"})
_PLURAL_SUFFIXES = ("وا", "ا", "تا", "ون", "ان", "ن", "و")
_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
_BOTH_SIDES = frozenset({"الطرفان", "الطرفين", "الجانبان", "الجانبين", "البلدان", "البلدين",
                         "طرفان", "طرفين", "جانبان", "جانبين", "بلدان", "بلدين"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
_DESCRIPTIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين", "لا", "ولا"})
_SPONSORING = frozenset({"برعايه", "رعايه", "بوساطه", "وساطه", "بمشاركه", "مشاركه", "بحضور", "حضور", "بمبادره"})
_FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# Nouns that refer back to a reported event: the object of a reaction ("دان الضربة").
_EVENT_WORDS = frozenset({
    "ضربه", "ضربات", "هجوم", "هجمات", "اعتداء", "اعتداءات", "عمليه", "عمليات", "قرار", "اتفاق", "اتفاقيه",
    "خطوه", "غاره", "غارات", "تفجير", "تفجيرات", "اقتحام", "اعلان", "تصريحات", "توغل", "قصف",
})
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
_IDIOM_GAP = 6  # tokens between an idiom's verb and its object when the subject comes between
_RELATIVE_REACH = 3
_SUPPORT_REACH = 5  # words from a support verb to its noun, not counting its subject and dates


@dataclass(slots=True)
class _Reading:
    trigger: Trigger
    hit: Hit[Trigger]
    t: int  # token index of the trigger's first word
    t_end: int


def _tail_follows(ctx: Context, t1: int, tail: tuple[str, ...]) -> bool:
    """The rest of a split idiom, in order, within reach: "أرسلت أنقرة قواتها" has قوات
    after the subject; "دعا المجلس إلى وقف إطلاق النار" has all three words."""
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in tail]
    k = 0
    for i in range(t1, min(t1 + _IDIOM_GAP + len(words), len(ctx.toks))):
        if ctx.toks[i].text.startswith(words[k]) or ctx.core(i).startswith(words[k]):
            k += 1
            if k == len(words):
                return True
        elif k:
            return False
    return False


def _choose(ctx: Context, hit: Hit[Trigger], t1: int) -> Trigger | None:
    """A split idiom whose tail follows, else a verb reading, a participle, then a noun."""
    order = {"verb": 0, "noun": 1, "participle": 2}
    plain = [tr for tr in hit.values if not tr.tail]
    idioms = [tr for tr in hit.values if tr.tail and _tail_follows(ctx, t1, tr.tail)] \
        if len(plain) < len(hit.values) else []
    ranked = idioms + sorted(plain, key=lambda tr: order.get(tr.pos, 3))
    return ranked[0] if ranked else None


def _entities(group: Group | None) -> list[Entity]:
    return [m.entity for m in group.members] if group else []


def _arresting_police(tr: Trigger, patient: Group | None) -> Group | None:
    """Whoever is arrested or detained without a named agent is held by the police of the
    patient's country."""
    if tr.type != "COERCE" or patient is None or not patient.members[0].entity.country:
        return None
    ent = patient.members[0].entity
    police = ActorMention(Entity(ent.country, "COP", ent.span, "passive-arrest-default"), patient.t0, patient.t1)
    return Group([police], patient.t0, patient.t1, "")


def _conjoined(ctx: Context, r: _Reading, s0: int) -> bool:
    """A verb joined by و/ف to an earlier verb of the same sentence."""
    return r.hit.prefix[:1] in ("و", "ف") and any(s0 <= pos < r.t for pos, _ in ctx.subjects)


def _is_passive(ctx: Context, r: _Reading) -> bool:
    """A past passive as careful outlets print it: damma on the first letter (قُتل، أُبلغ) or,
    in form VIII, on the third (اعتُقلت). An imperfect's damma (تُفرج) is active form IV."""
    original = ctx.doc.fspan(r.hit.start, r.hit.end).text
    letters = [(i, ch) for i, ch in enumerate(original) if ch.isalpha()]
    if len(letters) < 3:
        return False

    def damma_after(k: int) -> bool:
        i = letters[k][0]
        return original[i + 1:i + 2] == "\u064f"

    first = letters[0][1]
    if first not in "يتن" and damma_after(0):
        return True
    return first == "ا" and damma_after(2)


def _plural_subject(ctx: Context, r: _Reading) -> bool:
    """A verb that carries a dual or plural subject suffix (وقّعا، اتهموه، يطالبون) has a
    pronoun subject: a postposed noun is its object, never its subject."""
    form = ctx.doc.norm.text[r.hit.start:r.hit.end]
    tr = r.trigger
    past = tr.lemma.split()[0]
    if form in (fold(past), tr.present):
        return False
    for stem in (fold(past)[:-1] if fold(past).endswith(("ا", "ي")) else fold(past), tr.present[1:]):
        if stem and stem in form:
            suffix = form[form.index(stem) + len(stem):]
            return suffix.startswith(_PLURAL_SUFFIXES)
    return False


def _roles(ctx: Context, r: _Reading, groups: list[Group], clause: tuple[int, int],
           sentence: tuple[int, int], carried: Group | None) -> tuple[Group | None, Group | None, str]:
    """Actor group, recipient group and the rule that placed them."""
    tr = r.trigger
    c0, c1 = clause
    s0, s1 = sentence
    if tr.pos == "noun":
        return _noun_roles(ctx, r, groups, (c0, c1), sentence)
    if tr.pos == "verb" and _is_passive(ctx, r):
        # "قُتل عنصر في حزب الله", "الصحافية قد اعتُقلت": the noun is the patient, the agent unsaid.
        patient = subject_after(groups, ctx.toks, r.t_end - 1, c1, ctx.date_tokens) \
            or subject_adjacent(groups, ctx.toks, r.t, c0)
        return _arresting_police(tr, patient), patient, "passive"
    if r.t and ctx.toks[r.t - 1].text in _RELATIVES and not _has_object_pronoun(ctx, r):
        # "الثورة التي طالبت …", "شويغو، الذي استضاف نظراءه": the antecedent is the subject (with
        # an object pronoun, "الاتفاق الذي وقعه البلدان", it is the object instead).
        antecedent = next((g for g in groups if g.t1 in (r.t - 1, r.t - 2) and not g.prep), None)
        obj = recipient_after(groups, ctx.toks, r.t_end - 1, s1, tr.recipient, antecedent)
        return antecedent, obj, "relative-clause"
    if _conjoined(ctx, r, s0) and carried is not None:
        # "أرسلت أنقرة قواتها … وأمدت قوات معارضة بالأسلحة": the second verb shares the
        # subject, and what follows it is its object.
        obj = recipient_after(groups, ctx.toks, r.t_end - 1, s1, tr.recipient, carried)
        return carried, obj, "conjoined-verb"
    subject, rule = subject_adjacent(groups, ctx.toks, r.t, c0), "svo"
    if subject is None and not _plural_subject(ctx, r):
        subject, rule = subject_after(groups, ctx.toks, r.t_end - 1, c1, ctx.date_tokens), "vso"
    if subject is None and tr.pos == "verb":
        subject, rule = subject_before(groups, r.t, s0), "svo-sentence"
    if subject is None or (subject.anaphoric and carried is not None and not _names_both_sides(ctx, subject)):
        subject, rule = carried, "carried-subject"
    obj = recipient_after(groups, ctx.toks, r.t_end - 1, s1, tr.recipient, subject)
    if obj is not None and (("obj:actor" in tr.recipient and not obj.prep)
                            or any(role.endswith(":actor") and role.split(":")[0] == obj.prep
                                   for role in tr.recipient)):
        return obj, subject, rule + "+host"
    return subject, obj, rule


def _noun_roles(ctx: Context, r: _Reading, groups: list[Group], clause: tuple[int, int],
                sentence: tuple[int, int]) -> tuple[Group | None, Group | None, str]:
    """Roles of a verbal noun: its genitive, its nisba, or the subject of its light verb.

    A noun never takes a carried subject: without a participant of its own in the
    sentence it is a topic ("تطبيع العلاقات"), not a reported event.
    """
    tr = r.trigger
    c1 = clause[1]
    s0, s1 = sentence
    nxt = next((g for g in groups if g.t0 >= r.t_end and g.t0 - r.t_end <= 1), None)
    recipient = recipient_after(groups, ctx.toks, r.t_end - 1, s1,
                                tuple(x for x in tr.recipient if x != "obj"), None)
    if nxt is not None and not nxt.prep:
        if tr.type in _GENITIVE_AGENT or "obj" not in tr.recipient:
            return nxt, recipient if recipient is not nxt else None, "noun-genitive-agent"
        return subject_before(groups, r.t, s0), nxt, "noun-genitive-patient"
    modifier = ctx.modifier_after(r.t_end)
    if modifier is not None:
        return modifier, recipient, "noun-nisba-agent"
    between = next((g for g in groups if r.t_end <= g.t0 <= r.t_end + 2 and g.prep == "بين"), None)
    if between is not None:
        return between, None, "noun-between-parties"  # "اتفاق بين إسرائيل وحركة حماس"
    relative = next((pos for pos, _ in ctx.supports if r.t_end <= pos <= r.t_end + 2), None)
    if relative is not None:
        # "غارة شنتها طائرة مسيرة إسرائيلية": the agent is the subject of the relative verb.
        actor = next((g for g in groups if relative < g.t0 <= relative + _RELATIVE_REACH and g.t0 < c1
                      and not g.prep and g is not recipient), None)
        if actor is not None:
            return actor, recipient, "noun-relative-subject"
    support = ctx.support_before(r.t, s0)
    if support is None or _loose_words(ctx, groups, support[0], r.t) > _SUPPORT_REACH:
        return None, None, "noun-topic"
    v, verb = support
    if verb.frame == "between":
        parties = next((g for g in groups if g.t0 >= r.t_end and g.prep == "بين"), None)
        return parties, recipient, "noun-support-between"
    if verb.frame == "receive":
        giver = next((g for g in groups if r.t_end <= g.t0 and g.prep == "من"), None)
        receiver = subject_adjacent(groups, ctx.toks, v, s0) or subject_after(groups, ctx.toks, v, r.t, ctx.date_tokens)
        return giver, receiver, "noun-support-receive"
    agent = subject_adjacent(groups, ctx.toks, v, s0) or subject_after(groups, ctx.toks, v, r.t, ctx.date_tokens)
    if agent is None and ctx.toks[v].text[:1] in ("و", "ف") and ctx.carried_subject(v) is not None:
        # "الأردن يستدعي سفيره … وينفّذ أول إنزال جوي": the conjoined verb shares the subject.
        return ctx.carried_subject(v), recipient, "noun-support-conjoined"
    agent = agent or subject_before(groups, v, s0) or ctx.carried_subject(v)
    return agent, recipient, "noun-support-subject"


def _loose_words(ctx: Context, groups: list[Group], a: int, b: int) -> int:
    """Words between two tokens that belong to no actor and no date: how far apart they
    really are once "أجرى وزراء الدفاع … في تركيا وروسيا وإيران" is read as one subject."""
    inside = {t for g in groups for t in range(g.t0, g.t1)} | ctx.date_tokens
    return sum(1 for t in range(a + 1, b) if ctx.toks[t].is_word and t not in inside)


def _reading(ctx: Context, hit: Hit[Trigger], verb_ends: set[int]) -> _Reading | None:
    """A trigger hit on tokens, unless it sits in debris or inside an actor name."""
    t0, t1 = ctx.token_range(hit.word_start, hit.end)
    if ctx.excluded_at(t0) or ctx.in_actor(t0, t1):
        return None
    trigger = _choose(ctx, hit, t1)
    if trigger is None:
        return None
    if ctx.doc.norm.text[hit.word_start:hit.end] in ambiguous_forms():
        return None  # "فيصل" is a name, not ف + يصل
    if not proclitics_fit(hit.prefix, trigger.pos == "verb"):
        return None
    if trigger.pos == "noun" and (_is_topic(ctx, hit, t0) or ctx.quoted_at(t0) or t0 - 1 in verb_ends
                                  or _is_adverbial(ctx, t0)):
        return None
    if trigger.pos == "verb" and (_is_descriptive(ctx, hit, trigger, t0) or _warns_that(ctx, trigger, t1)):
        return None
    if trigger.pos == "participle" and (not _circumstantial(ctx, hit, t0) or _warns_that(ctx, trigger, t1)):
        return None
    return _Reading(trigger, hit, t0, t1)


def _circumstantial(ctx: Context, hit: Hit[Trigger], t0: int) -> bool:
    """A participle reports an act only as a circumstantial clause after a comma ("، متهماً
    الطرف الآخر"); elsewhere it is a noun ("كبير مفاوضي الجماعة")."""
    before = ctx.toks[t0 - 1].text if t0 else ""
    return before in ("،", ",") or hit.prefix.startswith("و")


def _is_adverbial(ctx: Context, t0: int) -> bool:
    """"، احتجاجاً على …", "، مطالبين بطرد السفير", "بمبادرة من فرنسا": a masdar or participle
    giving the motive or the manner of another act, not an act of its own."""
    word = ctx.toks[t0].text
    before = ctx.toks[t0 - 1].text if t0 else ""
    after_date = t0 >= 2 and t0 - 2 in ctx.date_tokens  # "تلقى X، مساء أمس، اتصالاً": an object
    return word in _SPONSORING or (word.endswith(("ا", "ين")) and before in ("،", ",") and not after_date)


def _is_imperfect(ctx: Context, hit: Hit[Trigger], trigger: Trigger) -> bool:
    form = ctx.doc.norm.text[hit.start:hit.end]
    return bool(trigger.present) and form[:1] in ("ي", "ت") and trigger.present[1:3] == form[1:3]


def _is_descriptive(ctx: Context, hit: Hit[Trigger], trigger: Trigger, t0: int) -> bool:
    """An imperfect after a relative pronoun or "لا" describes ("حملة تستهدف الجزائر", "لا
    تستهدف أي دولة"); news reports acts in the perfect or with a future marker."""
    if "س" in hit.prefix or not _is_imperfect(ctx, hit, trigger):
        return False
    before = ctx.toks[t0 - 1].text if t0 else ""
    return before in _DESCRIPTIVE or (trigger.quad == 4 and not ctx.toks[t0 - 1].is_word if t0 else False)


def _warns_that(ctx: Context, trigger: Trigger, t1: int) -> bool:
    """"حذّر من أن …" reports a warning (a statement), not a threat against someone."""
    if trigger.type != "THREATEN":
        return False
    after = [t.text for t in ctx.toks[t1:t1 + 6]]  # the subject may come between: "حذّر دبلوماسيون من أن"
    return any(a == "من" and b in ("ان", "انه", "انها", "انهم") for a, b in pairwise(after))


def _is_topic(ctx: Context, hit: Hit[Trigger], t0: int) -> bool:
    """A noun governed by purpose ل or a topic word names what is discussed, not an event:
    "تهدف إلى تطبيع العلاقات", "بحثت في موضوع انسحاب القوات", "لإعادة بناء العلاقات"."""
    if hit.prefix.lstrip("وف").startswith("ل"):
        return True
    before = ctx.toks[t0 - 1].text if t0 > 0 else ""
    return before in _TOPIC_WORDS


def find_events(doc: Doc) -> None:
    ctx: Context = doc.layers["context"]
    events: list[Event] = []
    # A noun right after a trigger verb is its complement ("يشترط الانسحاب"), not an event.
    verb_ends: set[int] = set()
    for hit in longest(trigger_matcher().find(doc.norm.text)):
        r = _reading(ctx, hit, verb_ends)
        if r is None:
            continue
        if r.trigger.pos == "verb":
            verb_ends.add(r.t_end - 1)
        s0, s1 = sentence_of(ctx, r.t)
        c0, c1 = clause_of(ctx, r.t)
        groups = ctx.groups(s0, s1)
        actor, recipient, rule = _roles(ctx, r, groups, (c0, c1), (s0, s1), ctx.carried_subject(r.t))
        if actor is not None and _names_both_sides(ctx, actor):
            actor, rule = _last_parties(events, actor) or actor, rule + "+both-sides"
        if actor is None and recipient is None:
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
            event.recipient = _entities(target)
        _target_from_place(event)
        _protest_target(event)
        # PLOVER events have an actor: a target alone ("الهجوم الذي استهدف دورية") is not coded.
        if any(e.country for e in event.actor) and not _lone_meeting(event, rule):
            events.append(event)
            if event.modality == "historical":
                ctx.historical.append(r.t)
    doc.events = merge(events)


def _reaction_target(ctx: Context, r: _Reading, actor: Group | None, event: Event, earlier: list[Event]) -> None:
    """"دان الناطق … الضربة", "رحبت الخارجية التركية بالاتفاق": a reaction to an event
    reported before targets that event's actor."""
    weak = all("nisba-modifier" in e.source for e in event.recipient)  # an adjective, not a party
    if not weak or event.type not in _REACTIONS or actor is None:
        return
    start = max(r.t_end, actor.t1 if actor.t0 > r.t else r.t_end)
    words = [t.text for i, t in enumerate(ctx.toks[start:start + 6], start) if t.is_word and i not in ctx.date_tokens]
    if not any(without_proclitic(w).removeprefix("ال") in _EVENT_WORDS for w in words[:4]):
        return
    own = {e.country for e in event.actor}
    before = next((e for e in reversed(earlier) if e.actor and not {a.country for a in e.actor} & own), None)
    if before is not None:
        event.recipient = [replace(a, source=a.source + " + reaction-target") for a in before.actor]


def _event(doc: Doc, ctx: Context, r: _Reading, actor: Group | None, recipient: Group | None, rule: str,
           sentence: tuple[int, int], clause: tuple[int, int]) -> Event:
    tr = r.trigger
    trigger = doc.fspan(r.hit.start, r.hit.end)
    clause_span = doc.fspan(ctx.toks[clause[0]].start, ctx.toks[clause[1] - 1].end)
    date: DateMention | None = ctx.date_near(r.t, clause, sentence)
    place: Place | None = ctx.place_near(r.t, sentence, actor, recipient)
    # Only a date of the trigger's own clause speaks for its tense; any date of the sentence
    # dates it.
    own = date is not None and date is ctx.date_near(r.t, clause, clause)
    modality = modality_of(ctx, r.t, r.hit, tr, clause, date, own)
    kind = _future_type(tr.type, modality)
    return Event(type=kind, mode=tr.mode, actor=_entities(actor), recipient=_entities(recipient),
                 trigger=trigger, modality=modality, cameo=tr.cameo, quad=tr.quad, score=tr.score,
                 rule=f"{tr.source} {tr.lemma} [{tr.pos}; {rule}]", date=date, location=place,
                 mentions=[Mention(trigger, clause_span, rule)])


def _other_party(groups: list[Group], actor: Group, t: int, s1: int) -> Group | None:
    """Failing the frame, the next other party of the sentence is the likeliest target."""
    return next((g for g in groups if t <= g.t0 < min(s1, t + RECIPIENT_REACH) and g is not actor
                 and g.codes != actor.codes and not g.anaphoric), None)


def _has_object_pronoun(ctx: Context, r: _Reading) -> bool:
    return r.trigger.pos == "verb" and ctx.doc.norm.text[r.hit.start:r.hit.end].endswith(_OBJECT_PRONOUNS)


def _pronoun_target(ctx: Context, r: _Reading, groups: list[Group], actor: Group | None, s0: int) -> Group | None:
    """A verb with an object pronoun ("ويطالبها", "استهدفته") points back to the sentence's
    subject: "رفضت إيران القرار الذي … ويطالبها بالتعاون" targets Iran."""
    if not _has_object_pronoun(ctx, r):
        return None
    main = main_subject(groups, r.t, s0)
    return main if main is not None and actor is not None and main.codes != actor.codes else None


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


def _names_both_sides(ctx: Context, group: Group) -> bool:
    """"الطرفان", "الجانبين", "البلدان": a subject that stands for the two parties named before."""
    return group.anaphoric and any(ctx.core(m.t0) in _BOTH_SIDES or ctx.toks[m.t0].text in _BOTH_SIDES
                                   for m in group.members)


def _last_parties(events: list[Event], at: Group) -> Group | None:
    """The parties of the latest meeting or agreement, as the subject "الطرفان" refers to."""
    last = next((e for e in reversed(events) if e.type in POOLED and len(_parties(e)) >= 2), None)
    if last is None:
        return None
    members = [ActorMention(replace(ent, source=ent.source + " + both-sides"), at.t0, at.t1)
               for ent in last.actor + last.recipient]
    return Group(members, at.t0, at.t1, "")


def _with_sponsors(ctx: Context, groups: list[Group], t: int, s1: int, recipient: Group | None) -> Group | None:
    """Sponsors and mediators are parties to a meeting: "المفاوضات … برعاية سعودية أمريكية"."""
    sponsors = [g for g in groups if t <= g.t0 < s1 and g is not recipient
                and (ctx.toks[g.t0 - 1].text in _SPONSORING or ctx.toks[g.t0].text in _SPONSORING)]
    if not sponsors:
        return recipient
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


def _parties(e: Event) -> set[str]:
    return {x.country for x in e.actor + e.recipient if x.country}


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.date and b.date and a.date.value[:7] != b.date.value[:7]:
        return False
    pa, pb = _parties(a), _parties(b)
    if a.type in POOLED:
        return bool(pa & pb) and (pa <= pb or pb <= pa or len(pa & pb) >= 2)
    return {x.country for x in a.actor} & {x.country for x in b.actor} != set() and \
        ({x.country for x in a.recipient} == {x.country for x in b.recipient}
         or not a.recipient or not b.recipient)


def _absorb(into: Event, other: Event) -> None:
    seen = {(x.country, x.sector) for x in into.actor + into.recipient}
    for side, more in ((into.actor, other.actor), (into.recipient, other.recipient)):
        for ent in more:
            if (ent.country, ent.sector) not in seen:
                side.append(ent)
                seen.add((ent.country, ent.sector))
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

