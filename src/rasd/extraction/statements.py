"""Reported speech: speaker, cue, content and stance (assert / deny), with `about`.

A verb cue (قال، أكد، نفى …) takes its speaker from the clause like an event trigger
(postposed, preposed or carried across "وأضاف"); a prepositional cue (بحسب، وفقاً لـ)
takes the group that follows it; a participle (مؤكداً) speaks for the speaker just
before it in the sentence, a phrase (لا صحة) for the sentence's subject. Speakers that
point back ("المصدر", "المجلس", "البيانان", "البيان التركي") take the actor they point
to. A denial names whose claim it denies: the source of "ما أوردته قناة …" / "ما جاء
في البيان التركي" when the text says, else the first party after the cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rasd.doc import Doc, Entity, Statement
from rasd.extraction.actors import ActorMention
from rasd.extraction.context import COMPLEMENTIZERS, Context, clause_of, sentence_of
from rasd.extraction.frames import names_both_sides
from rasd.extraction.readings import ANY, is_passive
from rasd.extraction.roles import Group, main_subject, subject_adjacent, subject_after, subject_before
from rasd.lexicons.triggers import Cue, cue_matcher
from rasd.text.matcher import Hit, longest, proclitics_fit
from rasd.text.normalize import fold

_PREP_REACH = 8  # tokens from "بحسب" to its source: "بحسب ما علمه مراسل الأناضول من مصادر …"
_DENY_REACH = 4  # "وقال: لا صحة …" makes the saying a denial
_QUOTING = frozenset({"نقلا عن", "علي لسان"})
_QUOTING_REACH = 8  # tokens from a reporting verb (and its speaker) to "نقلاً عن"
_QUOTING_VERBS = frozenset({"نقل"})  # "نقلت الوكالة عن مسؤول قوله"
_ABOUT_PREPS = ("", "في", "عن", "ب")
_REFERENCE_REACH = 5  # "ما تداولته منصات مقربة من الدعم السريع": relative to the claim's source
# "نفى ما أوردته قناة …", "لا صحة لما تروّجه …": a relative clause reports someone else's claim.
_RELATIVES = frozenset({"ما", "لما", "بما", "عما", "مما"})
# Head nouns of sources the text does not name: "مصدر مطلع", "مسؤول رفيع", "دبلوماسيون غربيون".
_ANONYMOUS_HEADS = frozenset(fold(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "مسؤولان", "مسؤولا",
    "دبلوماسي", "دبلوماسيون", "دبلوماسيين", "مقرب", "مقربون", "مقربين"))
_LEADING_PUNCTUATION = frozenset({"،", ",", ":", "؛", ";"})
_LATTER = frozenset({"الاخير", "الاخيره", "الاخيرين", "الاخيران", "الاخيرون"})
_DEFINITE = ("ال", "وال", "فال", "بال", "لل")


@dataclass(slots=True)
class _CueHit:
    t0: int
    t1: int
    hit: Hit[Cue]
    cue: Cue


@dataclass(frozen=True, slots=True)
class StatementNote:
    """What the claims layer needs beyond the FORMAT.md statement, parallel to doc.statements."""

    cue: Cue  # its stance tells hedges ("رجّح") and questions ("تساءل") from plain assertions
    about_by: str | None  # "reference" ("ما أوردته قناة …") or "party" (the first party after the cue)


def _choose(hit: Hit[Cue]) -> Cue:
    return hit.values[0]


class _Cues:
    """The cue hits of a document in token order, searched by position: a long document
    has thousands, and each statement looks only at the few around its own cue."""

    def __init__(self, hits: list[_CueHit]) -> None:
        self.hits = hits
        self.starts = [h.t0 for h in hits]
        self.longest = max((h.t1 - h.t0 for h in hits), default=0)  # tokens: how far back a cue may start

    def __iter__(self) -> Iterator[_CueHit]:
        return iter(self.hits)

    def between(self, lo: int, hi: int) -> list[_CueHit]:
        """The hits starting at tokens lo … hi (both included)."""
        return self.hits[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]

    def first_from(self, t: int, default: int) -> int:
        i = bisect_left(self.starts, t)
        return self.starts[i] if i < len(self.starts) else default


def _cue_hits(doc: Doc, ctx: Context) -> _Cues:
    out: list[_CueHit] = []
    for hit in longest(cue_matcher().find(doc.norm.text)):
        t0, t1 = ctx.token_range(hit.word_start, hit.end)
        cue = _choose(hit)
        fits = proclitics_fit(hit.prefix, cue.pos == "verb") and not _adjectival(ctx, hit, cue, t0) \
            and not (cue.pos == "verb" and is_passive(ctx, hit))  # "أُبلغت الحكومة": told, not telling
        if fits and not ctx.excluded_at(t0) and not ctx.in_actor(t0, t1):
            out.append(_CueHit(t0, t1, hit, cue))
    return _Cues(out)


def _adjectival(ctx: Context, hit: Hit[Cue], cue: Cue, t0: int) -> bool:
    """"مواقع غير معلنة", "أنباء غير مؤكدة", "من المؤكد أن": a participle after غير or with
    the article describes; it reports no one's words."""
    if "participle" not in (cue.kind, cue.pos):
        return False
    return "ال" in hit.prefix or (t0 > 0 and ctx.toks[t0 - 1].text == "غير")


def _negated_verb(cue: Cue) -> bool:
    """"لم يستبعد", "لا يستبعد": a negated verb, whose subject is found as a verb's is."""
    words = cue.lemma.split()
    return cue.kind == "phrase" and len(words) == 2 and words[0] in ("لم", "لا", "لن") \
        and words[1][:1] in ("ي", "ت")


def _content_start(ctx: Context, t1: int, s1: int) -> int:
    """Where the reported content opens: the first complementizer after the cue, else the sentence end."""
    at = ctx.complementizers
    i = bisect_left(at, t1)
    return at[i] if i < len(at) and at[i] < s1 else s1


def _speaker(ctx: Context, h: _CueHit, groups: list[Group], sentence: tuple[int, int],
             spoken: list[tuple[int, Group]]) -> tuple[Group | None, str]:
    cue, t0, t1 = h.cue, h.t0, h.t1
    s0, s1 = sentence
    if cue.kind == "prep":
        g = next((g for g in groups if t1 <= g.t0 <= t1 + _PREP_REACH), None)
        return g, "prep-source"
    if cue.pos == "verb" and t1 < s1 and ctx.toks[t1].text in _LATTER:
        g = next((g for g in reversed(groups) if g.t1 <= t0), None)  # "فيما قالت الأخيرة"
        return g, "latter"
    if (cue.kind == "verb" and cue.pos == "verb") or _negated_verb(cue):
        g = subject_adjacent(groups, ctx.toks, t0, s0)
        if g is not None:
            return g, "svo"
        g = subject_after(groups, ctx.toks, t1 - 1, _content_start(ctx, t1, s1), ctx.date_tokens)
        if g is not None:
            return g, "vso"
        g = subject_before(groups, t0, clause_of(ctx, t0)[0]) if cue.stance == "deny" else None
        if g is not None:
            # "الحكومة اليمنية المعترف بها دولياً رفضت وصف …": a denier with its own modifiers (a
            # denial is never reported content itself, so the wider search is safe there).
            return g, "svo-clause"
    if "participle" in (cue.kind, cue.pos):
        # "نفى المتحدث …، متهماً …": the participle goes on with the last speaker of its sentence.
        g = next((g for pos, g in reversed(spoken) if s0 <= pos < t0), None)
        if g is not None:
            return g, "participle-speaker"
    # A dropped subject is carried by a cue that opens a clause or is conjoined ("وأضاف أن",
    # "لكنه أعلن"); otherwise an unattributed verb belongs to reported content.
    c0, _ = clause_of(ctx, t0)
    reporting = t1 < s1 and ctx.toks[t1].text in COMPLEMENTIZERS  # "في خطوة قالت إنها …"
    if cue.pos == "verb" and t0 - c0 > 1 and not h.hit.prefix.startswith(("و", "ف")) and not reporting:
        return None, "no-speaker"
    g = main_subject(groups, t0, s0)
    if g is not None:
        return g, "sentence-subject"
    return ctx.carried_subject(t0), "carried-speaker"


def _guessed(m: ActorMention) -> bool:
    """The mention's country was not told by its own words (home country, nearby mention)."""
    return m.entity.country is None or m.entity.guessed


def _head_stem(ctx: Context, m: ActorMention) -> str | None:
    """"المجلس" → "مجلس": the head noun of a definite mention, without its article."""
    word = ctx.toks[m.t0].text
    prefix = next((p for p in _DEFINITE if word.startswith(p) and len(word) > len(p) + 2), None)
    return word[len(prefix):] if prefix else None


def _antecedent(ctx: Context, m: ActorMention) -> ActorMention | None:
    """The latest earlier mention, coded by its own words, that the definite head repeats:
    "المجلس" → "مجلس الأمن الدولي", "المصدر" → "مصدر عسكري سوداني", "الحزب" → "حزب الله"."""
    stem = _head_stem(ctx, m)
    if stem is None:
        return None
    toks, text = ctx.toks, ctx.doc.norm.text
    for p in reversed(ctx.mentions):
        # A word of the mention ends with the stem only if its text holds the stem: one
        # substring test rules most mentions out without a look at each word.
        if p.t1 <= m.t0 and not p.weak and not _guessed(p) and stem in text[toks[p.t0].start:toks[p.t1 - 1].end] \
                and any(t.text.endswith(stem) and len(t.text) - len(stem) <= 4 for t in toks[p.t0:p.t1]):
            return p
    return None


def _adopt(m: ActorMention, source: Entity, how: str) -> None:
    """Code an anaphoric mention as the actor it points to, keeping its own span."""
    ent = m.entity
    ent.country, ent.sector = source.country, source.sector
    ent.name, ent.anonymous = source.name, source.anonymous
    ent.source = f"{ent.source} + {how} {source.span.text}"


def _issuer(doc: Doc, m: ActorMention) -> Entity | None:
    """A document speaks for whoever last issued statements of its country: "البيان التركي"
    → the Turkish ministry quoted before."""
    if not (m.heads and m.heads[0].kind == "document"):
        return None
    return next((s.speaker for s in reversed(doc.statements) if s.speaker is not None
                 and s.speaker is not m.entity and s.speaker.country == m.entity.country), None)


def _resolve(doc: Doc, ctx: Context, group: Group | None, t0: int) -> Group | None:
    """Speakers that point back take the actor they point to; one left without a country
    is not reported."""
    if group is None:
        return None
    for m in group.members:
        issuer = _issuer(doc, m) if m.entity.country else None
        antecedent = _antecedent(ctx, m) if _guessed(m) else None
        if issuer is not None:
            _adopt(m, issuer, "issuer")
        elif antecedent is not None:
            _adopt(m, antecedent.entity, "speaker-anaphora")
    if any(m.entity.country for m in group.members):
        return group
    if names_both_sides(ctx, group):
        return _two_parties(ctx, group)
    if all(m.heads and m.heads[0].kind in ("office", "document") for m in group.members):
        carried = ctx.carried_subject(t0)  # "البيانان" → the two ministries quoted before
        if carried is not None and any(m.entity.country for m in carried.members):
            return carried
    return None


def _two_parties(ctx: Context, group: Group) -> Group | None:
    """"استقبل الرئيس التونسي وزير الخارجية الجزائري، وأكد الجانبان …": the two sides are the
    two latest parties named in this sentence or the one before, each a speaker; a state
    named as where (في) is no party."""
    s0 = sentence_of(ctx, group.t0)[0]
    start = sentence_of(ctx, s0 - 1)[0] if s0 > 0 else s0
    found: dict[str, ActorMention] = {}
    for m in reversed(ctx.mentions_in(start, group.t0)):
        country = m.entity.country
        if m.weak or not country or country in found or (m.t0 and ctx.toks[m.t0 - 1].text in ("في", "وفي")):
            continue
        ent = replace(m.entity, span=group.members[0].entity.span, source=m.entity.source + " + both-sides")
        found[country] = ActorMention(ent, group.t0, group.t1)
        if len(found) == 2:
            return Group(list(reversed(found.values())), group.t0, group.t1, "")
    return None


def _anonymous(ctx: Context, m: ActorMention) -> bool:
    word = ctx.toks[m.t0].text
    stem = next((word[len(p):] for p in _DEFINITE if word.startswith(p)), word)
    return m.entity.name is None and (word in _ANONYMOUS_HEADS or stem in _ANONYMOUS_HEADS)


def _mark_anonymous(ctx: Context, group: Group) -> None:
    """Unnamed sources are marked; one the text places nowhere is local to the dateline."""
    for m in group.members:
        if not _anonymous(ctx, m):
            continue
        m.entity.anonymous = True
        if m.entity.country is None and ctx.dateline_place is not None:
            m.entity.country, m.entity.guessed = ctx.dateline_place.country, True
            m.entity.source += " + dateline"


def _deny_window(ctx: Context, t1: int, s1: int) -> tuple[int, int]:
    """Where a deny phrase turns a saying into a denial: right after the cue or its
    complementizer ("وقال الجيش في بيان إنه "لا صحة" …")."""
    opened = _content_start(ctx, t1, s1)
    start = opened if opened - t1 <= _DENY_REACH else t1
    return t1, min(start + _DENY_REACH, s1)


def _deny_phrase_after(ctx: Context, cues: _Cues, t1: int, s1: int) -> bool:
    lo, hi = _deny_window(ctx, t1, s1)
    return any(h.cue.stance == "deny" and h.cue.kind == "phrase" for h in cues.between(lo, hi))


def _carried_by_cue(ctx: Context, h: _CueHit, cues: _Cues) -> bool:
    """"وقال: لا صحة …" is one denial, carried by قال."""
    s1 = sentence_of(ctx, h.t0)[1]
    # A deny window ends at most 2 × _DENY_REACH tokens after its cue.
    before = cues.between(h.t0 - 2 * _DENY_REACH - cues.longest, h.t0 - 1)
    return any(_within(h.t0, _deny_window(ctx, o.t1, s1)) for o in before if o.cue.kind != "phrase")


def _within(t: int, window: tuple[int, int]) -> bool:
    return window[0] <= t <= window[1]


def _referenced(doc: Doc, ctx: Context, groups: list[Group], t1: int, s1: int) -> Entity | None:
    """The source of the claim a denial quotes back: "ما أوردته قناة", "ما جاء في البيان التركي"."""
    for t in range(t1, s1):
        if ctx.toks[t].text not in _RELATIVES:
            continue
        g = next((g for g in groups if t + 1 < g.t0 <= t + _REFERENCE_REACH and g.t0 < s1), None)
        if g is not None:
            m = g.members[0]
            return _issuer(doc, m) or m.entity
    return None


def _about(doc: Doc, ctx: Context, groups: list[Group], speaker: Group, t1: int, s1: int) -> Entity | None:
    """Whose claim a denial answers: the first other party after the cue, else the last
    other speaker quoted before ("في المقابل، نفت …" answers what was just said). The
    denier's own country is never the one answered ("نفى أن تكون إسرائيل قد …")."""
    mine = [m.entity for m in speaker.members]

    def other(ent: Entity) -> bool:
        return not any(ent.country == e.country and ent.sector in (None, e.sector) for e in mine)

    after = speaker.t1 if speaker.t0 >= t1 else t1
    for g in groups:
        # "في بيان" is where the denial was made, not whom it answers.
        found = next((m.entity for m in g.members if other(m.entity)
                      and not (m.heads and m.heads[0].kind == "document")), None)
        if after <= g.t0 < s1 and g is not speaker and g.prep in _ABOUT_PREPS and found is not None \
                and not _addressee(ctx, g):
            return found
    return next((s.speaker for s in reversed(doc.statements)
                 if s.speaker is not None and other(s.speaker)), None)


def _addressee(ctx: Context, g: Group) -> bool:
    """"في تصريح لـ"هسبريس"": the outlet the denier speaks to, not the one it answers."""
    before = [t.text for t in ctx.toks[max(g.t0 - 2, 0):g.t0] if t.text not in ('"', "«")]
    return g.prep == "ل" or (bool(before) and before[-1] == "ل")


def _relative_report(ctx: Context, h: _CueHit, prep_ends: set[int]) -> bool:
    """"نفى ما أوردته قناة …": a verb cue in a relative clause reports the claim being
    answered, not a new statement; after "وفق ما"/"بحسب ما" it is the attribution itself."""
    return h.cue.kind == "verb" and h.t0 > 0 and ctx.toks[h.t0 - 1].text in _RELATIVES \
        and h.t0 - 1 not in prep_ends and h.t0 not in prep_ends


def _prep_before_verb(ctx: Context, h: _CueHit, verb_starts: set[int]) -> bool:
    """"وفق ما أفادت قناة …", "بحسب ما أفاد مصدر": the verb carries the attribution, not the preposition."""
    nxt = h.t1 + 1 if h.t1 < len(ctx.toks) and ctx.toks[h.t1].text in _RELATIVES else h.t1
    return h.cue.kind == "prep" and nxt in verb_starts


def find_statements(doc: Doc) -> None:
    ctx: Context = doc.layers["context"]
    hits = _cue_hits(doc, ctx)
    verb_starts = {h.t0 for h in hits if h.cue.kind == "verb"}
    # Token positions a prepositional cue reaches, "ما" included: "وفق ما" + verb is one attribution.
    prep_ends = {t for h in hits if h.cue.kind == "prep" for t in (h.t1 - 1, h.t1)}
    spoken: list[tuple[int, Group]] = []
    for h in hits:
        cue, t0 = h.cue, h.t0
        if _prep_before_verb(ctx, h, verb_starts) or _relative_report(ctx, h, prep_ends):
            continue
        if cue.kind != "phrase" and ctx.quoted_at(t0):
            continue
        if cue.kind == "phrase" and _carried_by_cue(ctx, h, hits):
            continue
        if _quotes_for(h, hits):
            continue  # "قالت رويترز نقلاً عن مصدر": the origin of the verb's report (`source_of`)
        if cue.kind == "verb" and h.t1 < len(ctx.toks) and ctx.toks[h.t1].text in ANY:
            continue  # "ولم تعلن أي جهة مسؤوليتها": no one in particular said anything
        s0, s1 = sentence_of(ctx, t0)
        groups = ctx.groups(s0, s1)
        group, rule = _speaker(ctx, h, groups, (s0, s1), spoken)
        if group is not None:
            _mark_anonymous(ctx, group)
        group = _resolve(doc, ctx, group, t0)
        if group is None:
            continue
        if cue.kind != "prep":
            ctx.remember(t0, group)
            spoken.append((t0, group))
        _add(doc, ctx, h, group, groups, rule, hits, s1)


def _add(doc: Doc, ctx: Context, h: _CueHit, group: Group, groups: list[Group], rule: str,
         hits: _Cues, s1: int) -> None:
    """One statement per country of the speaker group ("قالت وزارتا الدفاع التركية والروسية")."""
    cue, t1 = h.cue, h.t1
    stance = "deny" if cue.stance == "deny" or _deny_phrase_after(ctx, hits, t1, s1) else "assert"
    following = hits.first_from(t1, s1)
    c0, c1 = _content_range(ctx, h, group, min(following, s1), s1)
    while c0 < c1 and ctx.toks[c0].text in _LEADING_PUNCTUATION:
        c0 += 1
    content = doc.fspan(ctx.toks[c0].start, ctx.toks[c1 - 1].end) if c0 < c1 else None
    _speakers_country(ctx, group, c0, c1)
    about, about_by = None, None
    if stance == "deny":
        # "نفت مسؤوليتها عن الهجوم، واتهمت الجيش …": the denial stops where a new act begins.
        # … or at a circumstantial participle ("…، متهماً الطرف الآخر"), which asserts.
        circumstance = next((o.t0 for o in hits.between(t1, s1) if "participle" in (o.cue.kind, o.cue.pos)), s1)
        ctx.denials.append((t1, min(ctx.conjoined_end(t1, s1), circumstance)))
        about, about_by = _referenced(doc, ctx, groups, t1, s1), "reference"
        if about is None:
            # The search ends where the next report begins ("…، معتبرة أن المفرج عنهم …").
            about, about_by = _about(doc, ctx, groups, group, t1, min(following, s1)), "party"
    cue_span = doc.fspan(h.hit.start, h.hit.end)
    quoted = _quoted_source(h, hits, groups, s1) if cue.kind != "prep" else None
    seen: set[str | None] = set()
    for m in group.members:
        if m.entity.country in seen:
            continue
        seen.add(m.entity.country)
        doc.statements.append(Statement(m.entity, cue_span, content, stance,
                                        f"{cue.source} {cue.lemma} [{cue.kind}; {rule}]", about, quoted))
        doc.layers.setdefault("statement_notes", []).append(
            StatementNote(cue, about_by if about is not None else None))


def _speakers_country(ctx: Context, speaker: Group, c0: int, c1: int) -> None:
    """"قال فيدان إن بلاده …": "his country" in what a speaker says is the speaker's country."""
    countries = {m.entity.country for m in speaker.members}
    if len(countries) != 1 or None in countries:
        return
    (country,) = countries
    for m in ctx.mentions_in(c0, c1):
        if m.entity.country is None and m.heads and m.heads[0].kind == "self":
            m.entity.country = country
            m.entity.source += " + speaker's country"


def _quoting_chain(h: _CueHit, o: _CueHit) -> bool:
    """Whether `o` ("نقلاً عن", "على لسان") names the origin of what the verb cue `h` reports."""
    return h.cue.kind != "prep" and o.cue.kind == "prep" and h.t1 <= o.t0 <= h.t1 + _QUOTING_REACH \
        and fold(o.cue.lemma) in _QUOTING


def _quotes_for(o: _CueHit, cues: _Cues) -> bool:
    return any(_quoting_chain(h, o) for h in cues.between(o.t0 - _QUOTING_REACH - cues.longest, o.t0))


def _quoted_source(h: _CueHit, cues: _Cues, groups: list[Group], s1: int) -> Entity | None:
    """"قالت رويترز نقلاً عن مصدر مطلع إن …": the reporter speaks, quoting an origin of its own."""
    chain = next((o for o in cues.between(h.t1, h.t1 + _QUOTING_REACH) if _quoting_chain(h, o)), None)
    if chain is not None:
        origin = next((g for g in groups if chain.t1 <= g.t0 <= chain.t1 + 2 and g.t0 < s1), None)
    elif fold(h.cue.lemma) in _QUOTING_VERBS:
        # "نقلت وكالة رويترز عن مسؤول أمريكي قوله": the verb itself quotes, with عن.
        origin = next((g for g in groups if h.t1 <= g.t0 <= h.t1 + _QUOTING_REACH and g.prep == "عن"
                       and g.t0 < s1), None)
    else:
        origin = None
    return origin.members[0].entity if origin is not None else None


def _content_range(ctx: Context, h: _CueHit, group: Group, next_cue: int, s1: int) -> tuple[int, int]:
    """What was said: after the complementizer or the speaker, or, for "…، بحسب الوكالة"
    closing a sentence, before the cue."""
    if h.cue.kind != "prep":
        opened = _content_start(ctx, h.t1, next_cue)  # not the "أن" of the next saying
        if opened < next_cue:
            return opened + 1, s1
        return (group.t1 if group.t0 >= h.t1 else h.t1), s1
    s0 = sentence_of(ctx, h.t0)[0]
    if h.t0 - s0 > 1:
        return s0, h.t0
    return group.t1, s1
