"""Who does what to whom around one trigger: the argument frames of verbs and verbal nouns.

A verb takes its subject after it (VSO), right before it (SVO) or from the clause it is
conjoined to, and its recipient from its lexicon frame; a passive's noun is its patient; a
relative clause's antecedent is its subject. A verbal noun takes its genitive, its nisba,
the subject of its support verb ("شنّت مقاتلات أمريكية غارات") or its relative clause.
"""

from __future__ import annotations

from bisect import bisect_left

from rasd.doc import Entity
from rasd.extraction.actors import QUANTIFIERS, ActorMention
from rasd.extraction.context import Context
from rasd.extraction.readings import (
    DURING,
    RELATIVE_PRONOUNS,
    Reading,
    has_object_pronoun,
    has_possessive,
    is_passive,
    plural_subject,
)
from rasd.extraction.roles import (
    PREPOSITIONS,
    QUOTES,
    Group,
    recipient_after,
    subject_adjacent,
    subject_after,
    subject_before,
)
from rasd.lexicons.triggers import Support, Trigger
from rasd.text.matcher import without_proclitic
from rasd.text.normalize import fold

CASUALTY_NOUNS = frozenset({"مقتل", "اصابه", "استشهاد", "جرح"})  # behind any proclitic (ومقتل)
# Types whose verbal noun takes its agent as genitive ("انسحاب القوات التركية");
# for the others the genitive is the patient ("اعتقال صحافية").
_GENITIVE_AGENT = frozenset({"RETREAT", "CONCEDE", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "SUPPORT",
                             "COOPERATE", "REQUEST", "REJECT", "THREATEN"})
_BOTH_SIDES = frozenset({"الطرفان", "الطرفين", "الجانبان", "الجانبين", "البلدان", "البلدين",
                         "طرفان", "طرفين", "جانبان", "جانبين", "بلدان", "بلدين"})
_ONE_SIDE = frozenset({"طرف", "جانب"})
_WARS = frozenset({"حرب", "معركه", "معارك"})
_RELATIVE_REACH = 3
# أنّ / إنّ / لكنّ with a pronoun: the verb right after it has that pronoun as its subject.
_PRONOUN_COMPLEMENTIZERS = frozenset(c + p for c in ("ان", "بان", "وان", "لكن", "ولكن")
                                     for p in ("ه", "ها", "هم", "هما"))
HARM = frozenset({"ASSAULT", "COERCE"})  # acts that have victims
# Names are definite by nature, and sites are targets, not the victims a passive reports.
_NOT_VICTIMS = frozenset({"person", "org", "country", "capital", "seat", "site"})
_CAUSE_WORDS = frozenset({"جراء", "اثر", "بنيران", "برصاص", "بقصف", "بغاره", "قرب"})
_SUPPORT_REACH = 5  # words from a support verb to its noun, not counting its subject and dates


def _arresting_police(tr: Trigger, patient: Group | None) -> Group | None:
    """Whoever is arrested or detained without a named agent is held by the police of the
    patient's country."""
    if tr.type != "COERCE" or patient is None or not patient.members[0].entity.country:
        return None
    ent = patient.members[0].entity
    police = ActorMention(Entity(ent.country, "COP", ent.span, "passive-arrest-default"), patient.t0, patient.t1)
    return Group([police], patient.t0, patient.t1, "")


def _unvowelled_passive(ctx: Context, r: Reading, groups: list[Group], c0: int, c1: int) -> bool:
    """"قتل ثلاثة جنود إسرائيليين في هجوم", "اعتقل خمسة فلسطينيين", "وقتل جندي تركي في …":
    news prints the passive (قُتل، اعتُقل) without vowels. A harm verb in its bare perfect, with
    no subject before it, followed by a count, or by an indefinite noun that only a preposition
    or the end of the clause follows, has the victim after it, not the agent."""
    tr = r.trigger
    if tr.type not in HARM or r.t_end >= c1 or ctx.doc.norm.text[r.hit.start:r.hit.end] != fold(tr.lemma.split()[0]):
        return False
    if subject_adjacent(groups, ctx.toks, r.t, c0) is not None:
        return False
    first = ctx.toks[r.t_end].text
    if first.isdigit() or first in QUANTIFIERS:
        return True
    g = next((g for g in groups if g.t0 >= r.t_end), None)
    if g is None or g.t0 != r.t_end or g.prep or first.startswith(("ال", "وال")) \
            or any(m.heads and m.heads[0].kind in _NOT_VICTIMS for m in g.members):
        return False
    after = next((t for t in ctx.toks[g.t1:c1] if t.text not in QUOTES), None)
    return after is None or not after.is_word or after.text in PREPOSITIONS or after.text in _CAUSE_WORDS


def _object_with_lam(ctx: Context, genitive: Group, groups: list[Group]) -> bool:
    """A verbal noun whose genitive is followed by a لـ-object ("اقتحام بن غفير للمسجد"): the
    masdar takes its agent as genitive and its object with لـ."""
    if genitive.t1 >= len(ctx.toks):
        return False
    return ctx.toks[genitive.t1].text.startswith("لل") or any(g.t0 == genitive.t1 and g.prep == "ل" for g in groups)


def _agrees(ctx: Context, complementizer: str, group: Group) -> bool:
    """Whether the pronoun on أنّ can stand for the group: "أنه" for a masculine head (النظام،
    الوزير), "أنها" for a state or a feminine one (تركيا، الوزارة); "أنها" after "النظام
    السوري" points to something else ("شدد النظام على أنها بحثت": the talks)."""
    if complementizer.endswith(("هم", "هما")):
        return True
    m = group.members[0]
    head = without_proclitic(ctx.toks[m.t0].text)
    feminine = (bool(m.heads) and m.heads[0].kind in ("country", "capital")) or head.endswith(("ه", "ات"))
    return feminine == complementizer.endswith("ها")


def _reported_subject(ctx: Context, groups: list[Group], t: int, carried: Group) -> Group:
    """"قالت مصادر إن قوة إسرائيلية تسللت إلى المخيم واشتبكت مع مقاومين": a verb conjoined
    inside reported content shares the content's subject, not the speaker's."""
    i = bisect_left(ctx.complementizers, t) - 1
    if i < 0 or ctx.complementizers[i] <= carried.t0:
        return carried
    # The content's subject opens it, right after أنّ/إنّ.
    opened = ctx.complementizers[i] + 1
    return next((g for g in groups if opened <= g.t0 <= opened + 1 and g.t1 <= t and not g.prep and not g.weak),
                carried)


def _shared_subject(ctx: Context, r: Reading, groups: list[Group], s0: int,
                    carried: Group | None) -> tuple[Group, str] | None:
    """A verb whose subject is one named before, so that the noun after it is its object: a
    circumstantial participle ("، متهماً الطرف الآخر"), a verb after أنّ with its pronoun
    ("أعلن الوزير أنه سيزور الرياض"), a verb conjoined to an earlier one ("أرسلت أنقرة قواتها
    … وأمدت قوات معارضة بالأسلحة")."""
    if carried is None:
        return None
    if r.trigger.pos == "participle":
        return carried, "participle-subject"
    before = ctx.toks[r.t - 1].text if r.t else ""
    if before in _PRONOUN_COMPLEMENTIZERS and _agrees(ctx, before, carried):
        return carried, "pronoun-subject"
    if _conjoined(ctx, r, s0):
        return _reported_subject(ctx, groups, r.t, carried), "conjoined-verb"
    return None


def _conjoined(ctx: Context, r: Reading, s0: int) -> bool:
    """A verb joined by و/ف to an earlier verb of the same sentence."""
    return r.hit.prefix[:1] in ("و", "ف") and bool(ctx.within(ctx.subjects, s0, r.t))


def roles(ctx: Context, r: Reading, groups: list[Group], clause: tuple[int, int],
           sentence: tuple[int, int], carried: Group | None) -> tuple[Group | None, Group | None, str]:
    """Actor group, recipient group and the rule that placed them."""
    tr = r.trigger
    c0, c1 = clause
    s0, s1 = sentence
    if tr.pos == "noun":
        return _noun_roles(ctx, r, groups, (c0, c1), sentence)
    if tr.pos == "verb" and (is_passive(ctx, r.hit) or _unvowelled_passive(ctx, r, groups, c0, c1)):
        # "قُتل عنصر في حزب الله", "الصحافية قد اعتُقلت": the noun is the patient, the agent unsaid.
        patient = subject_after(groups, ctx.toks, r.t_end - 1, c1, ctx.date_tokens) \
            or subject_adjacent(groups, ctx.toks, r.t, c0)
        return _arresting_police(tr, patient), patient, "passive"
    if r.t and ctx.toks[r.t - 1].text in RELATIVE_PRONOUNS:
        found = _relative_clause(ctx, r, groups, c1, s1)
        if found is not None:
            return found
    shared = _shared_subject(ctx, r, groups, s0, carried)
    subject: Group | None
    if shared is not None:
        subject, rule = shared
        return subject, recipient_after(groups, ctx.toks, r.t_end - 1, s1, tr.recipient, subject,
                                        ctx.word_counts), rule
    subject, rule = subject_adjacent(groups, ctx.toks, r.t, c0), "svo"
    if subject is None and not plural_subject(ctx, r):
        subject, rule = subject_after(groups, ctx.toks, r.t_end - 1, c1, ctx.date_tokens), "vso"
    if subject is None and "obj" not in tr.recipient:
        subject, rule = _inside_idiom(groups, r), "idiom-subject"
    if subject is None and _unnamed_subject(ctx, groups, r.t, s0):
        return None, None, "unnamed-subject"
    if subject is None and tr.pos == "verb":
        subject, rule = subject_before(groups, r.t, s0), "svo-sentence"
    if subject is None or (subject.anaphoric and carried is not None and not names_both_sides(ctx, subject)):
        subject, rule = carried, "carried-subject"
    obj = recipient_after(groups, ctx.toks, r.t_end - 1, _aside(ctx, r.t_end, s1), tr.recipient, subject,
                          ctx.word_counts)
    if obj is not None and (("obj:actor" in tr.recipient and not obj.prep)
                            or any(role.endswith(":actor") and role.split(":")[0] == obj.prep
                                   for role in tr.recipient)):
        return obj, subject, rule + "+host"
    if obj is not None and subject is not None and f"{obj.prep}:co" in tr.recipient:
        # "يوقع العراق مع إيران اتفاقاً": both sign, as in "وقّع العراق وإيران اتفاقاً".
        return Group(subject.members + obj.members, subject.t0, obj.t1, ""), None, rule + "+co-actor"
    return subject, obj, rule


def _unnamed_subject(ctx: Context, groups: list[Group], t: int, s0: int) -> bool:
    """"قالت مصادر أمنية إن طائرة مسيرة استهدفت القاعدة": the noun after a bare أنّ/إنّ is the
    subject of the reported verb; an indefinite one that is no actor is someone new, not the
    speaker (a definite one, "أن الجهاز استهدف", may point back to an actor)."""
    i = bisect_left(ctx.complementizers, t) - 1
    if i < 0 or ctx.complementizers[i] < s0:
        return False
    c = ctx.complementizers[i]
    noun = ctx.toks[c + 1].text if c + 1 < t else ""
    if ctx.toks[c].text not in ("ان", "بان") or not noun.isalpha() or noun.startswith(("ال", "لل")) \
            or noun[:1] in ("ي", "ت"):  # "أن يكون الجهاز قد …": a verb, its subject after it
        return False
    return not any(c < g.t0 < t for g in groups)


def _relative_clause(ctx: Context, r: Reading, groups: list[Group], c1: int,
                     s1: int) -> tuple[Group | None, Group | None, str] | None:
    """"الثورة التي طالبت …", "شويغو، الذي استضاف نظراءه": the antecedent is the subject. With an
    object pronoun ("المعتقلين الذين احتجزهم النظام السابق") it is the object, and the subject
    follows the verb."""
    if not has_object_pronoun(ctx, r):
        antecedent = next((g for g in groups if g.t1 in (r.t - 1, r.t - 2) and not g.prep), None)
        obj = recipient_after(groups, ctx.toks, r.t_end - 1, s1, r.trigger.recipient, antecedent, ctx.word_counts)
        return antecedent, obj, "relative-clause"
    antecedent = next((g for g in groups if g.t1 in (r.t - 1, r.t - 2)), None)
    subject = subject_after(groups, ctx.toks, r.t_end - 1, c1, ctx.date_tokens)
    return (subject, antecedent, "relative-object") if antecedent is not None and subject is not None else None


def _announced_act(ctx: Context, groups: list[Group], t: int, s0: int) -> bool:
    """"أعلن الجيش اعتقال ثلاثة عناصر": a light verb's subject does the act its noun names, where
    the subject of a verb of judgement ("أدانت مصر اعتقال …") does not, nor does one who
    announces deaths or wounds ("أعلنت الوزارة مقتل جنديين": who killed them is told apart)."""
    support = _light_verb(ctx, groups, t, s0)
    return support is not None and support[1].frame == "subject" and ctx.core(t) not in CASUALTY_NOUNS


def _light_verb(ctx: Context, groups: list[Group], t: int, s0: int) -> tuple[int, Support] | None:
    """The support verb whose act the noun at t names: before it in the sentence, within reach,
    and not behind أنّ."""
    support = ctx.support_before(t, s0)
    if support is None or _inner_clause(ctx, support[0], t):
        return None
    return support if _loose_words(ctx, groups, support[0], t) <= _SUPPORT_REACH else None


def _inner_clause(ctx: Context, verb: int, t: int) -> bool:
    """"أعلن الجيش أنه صد الهجوم", "أعلن أن الهجوم أسفر عن …": past أنّ a noun belongs to the
    reported clause (its verb's object or its subject), not to the support verb before أنّ."""
    i = bisect_left(ctx.complementizers, verb)
    return i < len(ctx.complementizers) and ctx.complementizers[i] < t


def _inside_idiom(groups: list[Group], r: Reading) -> Group | None:
    """"انتشرت قوات الأمن": an intransitive idiom that ends inside a name has that name as its
    subject (a transitive one, "استدعى القائم بالأعمال", holds its object instead)."""
    return next((g for g in groups if r.t < g.t0 < r.t_end and not g.prep and not g.weak), None)


def _noun_roles(ctx: Context, r: Reading, groups: list[Group], clause: tuple[int, int],
                sentence: tuple[int, int]) -> tuple[Group | None, Group | None, str]:
    """Roles of a verbal noun: its genitive, its nisba, or the subject of its light verb.

    A noun never takes a carried subject: without a participant of its own in the
    sentence it is a topic ("تطبيع العلاقات"), not a reported event.
    """
    tr = r.trigger
    c1 = clause[1]
    s0, s1 = sentence
    # A genitive is a party; a bare nisba right after the noun ("قصف إسرائيلي") is its adjective.
    nxt = next((g for g in groups if g.t0 >= r.t_end and g.t0 - r.t_end <= 1 and not g.weak), None)
    recipient = recipient_after(groups, ctx.toks, r.t_end - 1, s1,
                                tuple(x for x in tr.recipient if x != "obj"), None, ctx.word_counts)
    if nxt is not None and not nxt.prep and {"obj", "obj:actor"} & set(tr.recipient) and has_possessive(ctx, r):
        # "خلال لقائه الرئيس الأمريكي", "إدانتها الهجوم": the pronoun holds the agent, so the
        # noun after it is the object, not a genitive (a host's object is the visitor, the actor).
        owner = subject_before(groups, r.t, s0) or ctx.carried_subject(r.t)
        if "obj:actor" in tr.recipient:
            return nxt, owner, "noun-pronoun-object"
        return owner, nxt, "noun-pronoun-object"
    if nxt is not None and not nxt.prep:
        if tr.type in _GENITIVE_AGENT or "obj" not in tr.recipient:
            return nxt, recipient if recipient is not nxt else None, "noun-genitive-agent"
        if _object_with_lam(ctx, nxt, groups):
            # "اقتحام بن غفير للأقصى": with its object behind لـ, the genitive is the agent.
            target = next((g for g in groups if g.t0 >= nxt.t1 and g.prep == "ل"), None)
            return nxt, target, "noun-genitive-agent-lam"
        agent = subject_before(groups, r.t, s0)
        if agent is not None and any(agent.codes <= g.codes for _, g in ctx.within(ctx.subjects, s0, r.t)) \
                and not _announced_act(ctx, groups, r.t, s0):
            # "أدانت مصر اعتقال الصحفيين": the arrest is the condemnation's object, not Egypt's act.
            agent = None
        return agent, nxt, "noun-genitive-patient"
    modifier = ctx.modifier_after(r.t_end)
    if modifier is not None and _war_of_a_country(ctx, r, modifier, recipient):
        return None, None, "noun-war-place"
    if modifier is not None:
        return modifier, recipient, "noun-nisba-agent"
    between = next((g for g in groups if r.t_end <= g.t0 <= r.t_end + 3 and g.prep == "بين"), None)
    if between is not None:
        return between, None, "noun-between-parties"  # "اتفاق بين إسرائيل وحركة حماس"
    relative, verb = next(((pos, v) for pos, v in ctx.supports if r.t_end <= pos <= r.t_end + 2), (-1, None))
    if verb is not None and verb.frame == "between":
        # "اشتباكات عنيفة اندلعت بين الجيش وقوات الدعم السريع": the noun is the verb's subject.
        parties = next((g for g in groups if relative < g.t0 <= relative + _RELATIVE_REACH + 2 and g.prep == "بين"),
                       None)
        if parties is not None:
            return parties, None, "noun-between-parties"
    if verb is not None:
        # "غارة شنتها طائرة مسيرة إسرائيلية": the agent is the subject of the relative verb.
        actor = next((g for g in groups if relative < g.t0 <= relative + _RELATIVE_REACH and g.t0 < c1
                      and not g.prep and g is not recipient), None)
        if actor is not None:
            return actor, recipient, "noun-relative-subject"
    if tr.type == "CONSULT" and r.t and ctx.toks[r.t - 1].text in DURING:
        # "وشدد الصفدي خلال اتصال هاتفي مع نظيره": whoever speaks or acts during it holds it.
        return subject_before(groups, r.t, s0) or ctx.carried_subject(r.t), recipient, "noun-during"
    support = _light_verb(ctx, groups, r.t, s0)
    with_b = r.hit.prefix.lstrip("وف").startswith("ب")
    governed = r.t and (ctx.toks[r.t - 1].text in ("في", "من", "عن") or with_b)
    # "قامت القوات بقصف", "شارك الأردن في قمة": the act comes with its verb's preposition.
    frame = support[1].frame if support is not None else None
    if frame == "by":
        governed = not with_b
    elif frame == "in":
        governed = not (r.t and ctx.toks[r.t - 1].text in ("في", "وفي"))
    if support is None or governed:
        if tr.type in _GENITIVE_AGENT and has_possessive(ctx, r):
            # "وافق وزراء دفاع الحلف، في اجتماعهم أمس، على …": the pronoun is the subject before.
            return ctx.carried_subject(r.t), recipient, "noun-pronoun-agent"
        # "أعلن تشكيل لجنة للتحقيق في الهجوم": a noun behind a preposition is not the verb's act.
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


def _war_of_a_country(ctx: Context, r: Reading, modifier: Group, recipient: Group | None) -> bool:
    """"الحرب الأوكرانية", "المعارك السودانية": one nisba on a war names where it is fought, not
    who wages it; with a target ("الحرب الإسرائيلية على غزة") or a second nisba ("الحرب الروسية
    الأوكرانية") the nisbas are its sides."""
    if recipient is not None or ctx.core(r.t_end - 1).removeprefix("ال") not in _WARS:
        return False
    after = ctx.toks[modifier.t1].text if modifier.t1 < len(ctx.toks) else ""
    return after not in ("علي", "ضد") and not any(pos == modifier.t1 for pos, _ in ctx.modifiers)


def _loose_words(ctx: Context, groups: list[Group], a: int, b: int) -> int:
    """Words between two tokens that belong to no actor and no date: how far apart they
    really are once "أجرى وزراء الدفاع … في تركيا وروسيا وإيران" is read as one subject."""
    inside = {t for g in groups for t in range(g.t0, g.t1)} | ctx.date_tokens
    return sum(1 for t in range(a + 1, b) if ctx.toks[t].is_word and t not in inside)


def names_both_sides(ctx: Context, group: Group) -> bool:
    """"الطرفان", "الجانبين", "البلدان": a subject that stands for the two parties named before."""
    return group.anaphoric and any(ctx.core(m.t0) in _BOTH_SIDES or ctx.toks[m.t0].text in _BOTH_SIDES
                                   for m in group.members)


def names_other_side(ctx: Context, group: Group) -> bool:
    """"الطرف الآخر", "الجانب الآخر": the party facing the speaker in a two-sided affair."""
    t = group.t0
    return len(group.members) == 1 and ctx.core(t) in _ONE_SIDE and t + 1 < len(ctx.toks) \
        and ctx.toks[t + 1].text == "الاخر"


def _aside(ctx: Context, t: int, s1: int) -> int:
    """Where a circumstantial clause with reported content begins ("، معتبرة أن …"): its
    nouns belong to the embedded clause, not to the verb before the comma."""
    for c in ctx.complementizers[bisect_left(ctx.complementizers, t):]:
        if c >= s1:
            break
        if c - 2 >= t and ctx.toks[c - 2].text in ("،", ","):
            return c - 2
    return s1
