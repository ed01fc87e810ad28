"""The token-level view of a document that the statement and event coders share.

It places sentences, clauses, debris lines, actor mentions, dates, places and
unattached nisba adjectives on token indices, and remembers the subjects already
coded so a clause with a dropped subject ("وأضاف …") can carry the last one.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field, fields
from itertools import chain, compress, count
from operator import attrgetter, itemgetter

from rasd.doc import DateMention, Doc, Entity, Place
from rasd.extraction.actors import ActorMention
from rasd.extraction.roles import Group, groups_in, word_counts
from rasd.lexicons.triggers import Marker, Support, modality_matcher, support_matcher
from rasd.text.matcher import longest, proclitics_fit, without_proclitic
from rasd.text.segment import CONNECTIVES, Token, clauses, range_index

_AT, _TOWARDS, _NOWHERE = 0, 1, 2  # how a place is introduced, best first
_LOCATIVE_WORDS = frozenset({
    "في", "وفي", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "داخل",
    "الي", "عند", "مدينه", "بلده", "منطقه", "محافظه", "العاصمه", "ولايه", "مخيم",
})
_ATTRIBUTIVE = ("الموقع", "المبرم", "الصادر", "المؤرخ", "المنعقد", "المعقود")  # + ة، ين …
_QUOTE = re.compile(r'"[^"\n]{1,600}"')
# Words that open reported content ("قال إن …", "أكد أنها …", "أفاد بأنهم …"), folded.
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم", "بانهما"})
_FIRST = itemgetter(0)  # bisect keys: C-level getters instead of lambdas
_T0 = attrgetter("t0")
_T1 = attrgetter("t1")


@dataclass(slots=True)
class Context:
    # The document holds this context in its layers: a strong reference back would make every
    # coded document a cycle, freed only by the cyclic collector, which then costs a tenth of
    # the run time; held weakly, a document is freed as soon as it is dropped.
    doc_ref: weakref.ref[Doc]
    toks: list[Token]
    mentions: list[ActorMention]
    starts: list[int] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    dates: list[tuple[int, DateMention]] = field(default_factory=list)
    # Dates that belong to a noun through a participle ("المعاهدة الموقعة عام 1994"): token of
    # the date → token of that participle, the one event they may date.
    attributive: dict[int, int] = field(default_factory=dict)
    places: list[tuple[int, int, Place]] = field(default_factory=list)
    modifiers: list[tuple[int, str]] = field(default_factory=list)
    subjects: list[tuple[int, Group]] = field(default_factory=list)
    dateline_place: Place | None = None  # where the report was filed: the fallback location
    markers: list[tuple[int, Marker]] = field(default_factory=list)
    actor_tokens: frozenset[int] = frozenset()  # tokens inside an actor mention
    _groups: dict[tuple[int, int], list[Group]] = field(default_factory=dict)
    denials: list[tuple[int, int]] = field(default_factory=list)  # contents of deny statements
    quoted: list[tuple[int, int]] = field(default_factory=list)  # token ranges inside quotation marks
    historical: list[int] = field(default_factory=list)  # trigger tokens of events coded historical
    date_tokens: frozenset[int] = frozenset()  # every token inside a date expression
    supports: list[tuple[int, Support]] = field(default_factory=list)  # support verbs, by token
    complementizers: list[int] = field(default_factory=list)  # tokens that open reported content ("أن")
    word_counts: list[int] = field(default_factory=list)  # words before each token index (`roles.word_counts`)
    # For each token, the index of the first sentence / clause holding it (-1: none); the
    # coders ask for a token's sentence and clause hundreds of times per document.
    sentence_at: list[int] = field(default_factory=list)
    clause_at: list[int] = field(default_factory=list)

    @property
    def doc(self) -> Doc:
        """The document; an error once nothing else holds it."""
        doc = self.doc_ref()
        if doc is None:
            raise ReferenceError("the document of this context was freed")
        return doc

    def __getstate__(self) -> list[object]:
        # A copy or a pickle carries the document itself: a weak reference cannot be pickled.
        return [self.doc if f.name == "doc_ref" else getattr(self, f.name) for f in fields(self)]

    def __setstate__(self, state: list[object]) -> None:
        for f, value in zip(fields(self), state, strict=True):
            object.__setattr__(self, f.name, weakref.ref(value) if f.name == "doc_ref" else value)

    def conjoined_end(self, t: int, s1: int) -> int:
        """Where the proposition at t ends: at a comma followed by a conjoined clause ("…، ودعت
        الأمم المتحدة"), else at the sentence end s1."""
        for i in range(t, s1 - 1):
            nxt = self.toks[i + 1].text
            if self.toks[i].text in ("،", ",") and nxt[:1] in ("و", "ف") and not nxt.startswith(("وان", "وانه")):
                return i
        return s1

    def core(self, t: int) -> str:
        """Token t without its proclitics."""
        return without_proclitic(self.toks[t].text)

    def mentions_in(self, t0: int, t1: int) -> list[ActorMention]:
        """The actor mentions that start within tokens [t0, t1)."""
        return self.mentions[bisect_left(self.mentions, t0, key=_T0):bisect_left(self.mentions, t1, key=_T0)]

    def groups(self, t0: int, t1: int) -> list[Group]:
        """The actor groups of a sentence, computed once per sentence."""
        key = (t0, t1)
        if key not in self._groups:
            self._groups[key] = groups_in(self.mentions_in(t0, t1), self.toks, t0, t1)
        return self._groups[key]

    def token_at(self, folded: int) -> int:
        """Index of the token containing (or following) a folded offset."""
        i = bisect_right(self.starts, folded) - 1
        return i if i > 0 else 0

    def token_range(self, fstart: int, fend: int) -> tuple[int, int]:
        first = bisect_right(self.starts, fstart) - 1
        if first < 0:
            first = 0
        last = bisect_left(self.starts, fend)
        return first, last if last > first else first + 1

    def support_before(self, t: int, start: int) -> tuple[int, Support] | None:
        """The nearest support verb before token t, not before `start`."""
        i = bisect_left(self.supports, t, key=_FIRST) - 1
        return self.supports[i] if i >= 0 and self.supports[i][0] >= start else None

    def quoted_at(self, t: int) -> bool:
        return _inside(self.quoted, t)

    def excluded_at(self, t: int) -> bool:
        return _inside(self.excluded, t)

    def in_actor(self, t0: int, t1: int) -> bool:
        return self.actor_tokens.issuperset(range(t0, t1))

    @staticmethod
    def within(items: list, lo: int, hi: int) -> list:
        """The items, sorted by their first field (a token index), that lie in [lo, hi)."""
        return items[bisect_left(items, lo, key=_FIRST):bisect_left(items, hi, key=_FIRST)]

    def carried_subject(self, t: int) -> Group | None:
        """The latest subject coded before token t."""
        i = bisect_left(self.subjects, t, key=_FIRST) - 1
        return self.subjects[i][1] if i >= 0 else None

    def remember(self, t: int, group: Group | None) -> None:
        if group is not None:
            insort(self.subjects, (t, group), key=_FIRST)

    def date_in(self, t: int, span: tuple[int, int]) -> DateMention | None:
        """The date within a token span nearest to the trigger at t (one a participle claims
        only if t is that participle)."""
        inside = [x for x in self.within(self.dates, *span) if self.attributive.get(x[0], t) == t]
        return min(inside, key=lambda x: (abs(x[0] - t), x[0] < t))[1] if inside else None

    def place_near(self, t: int, sentence: tuple[int, int], actor: Group | None,
                   recipient: Group | None) -> Place | None:
        """Where the event happened: the nearest place of the sentence introduced as a
        location (في، بـ، قرب …), else the nearest city or region; a bare country name is
        a party ("بين تركيا والنظام السوري"), not a location."""
        taken = [(m.t0, m.t1) for g in (actor, recipient) if g for m in g.members]
        own = clause_of(self, t)
        # A place inside a party's name is no location ("بين تركيا والنظام السوري") unless it
        # is introduced as one ("سفارتها في الرياض"); nor is one in a later proposition ("…،
        # إلا أن القتال لم يتوقف في الخرطوم").
        inside = [(p0, p, rank) for p0, p1, p in self.within(self.places, *sentence)
                  if ((rank := self._locative(p0)) == _AT or not any(a <= p0 and p1 <= b for a, b in taken))
                  and not (p0 >= own[1] and self._opens_proposition(clause_of(self, p0)[0]))]
        # Without في/بـ, a country, or a capital standing for its state ("وصفتها أنقرة"), is a party.
        inside = [x for x in inside
                  if x[2] < _NOWHERE or (x[1].kind != "country" and not self.in_actor(x[0], x[0] + 1))]
        if not inside:
            return self.dateline_place
        return min(inside, key=lambda x: (x[2], abs(x[0] - t), x[0] < t))[1]

    def _locative(self, t: int) -> int:
        """How a place is introduced: where (في، بـ، قرب …), whither (إلى: a venue only when
        nothing says where), or not as a place."""
        word = self.toks[t].text
        prev = self.toks[t - 1].text if t > 0 else ""
        if t > 1 and prev not in _LOCATIVE_WORDS and prev.endswith(("يه", "ي")) \
                and self.toks[t - 2].text in _LOCATIVE_WORDS:
            prev = self.toks[t - 2].text  # "في العاصمة العمانية مسقط": past the adjective
        if word.startswith(("ب", "وب")) or (prev in _LOCATIVE_WORDS and prev != "الي"):
            return _AT
        return _TOWARDS if prev == "الي" else _NOWHERE

    def _opens_proposition(self, c0: int) -> bool:
        """Whether the clause at c0 opens with a connective ("فيما", "إلا أن") and so says something new."""
        first = self.toks[c0].text
        pair = f"{first} {self.toks[c0 + 1].text}" if c0 + 1 < len(self.toks) else first
        return first in CONNECTIVES or pair in CONNECTIVES

    def modifier_after(self, t_end: int) -> Group | None:
        """A nisba right after a noun trigger names its agent: "غارة جوية أمريكية" → USA."""
        for pos, country in self.modifiers:
            if t_end <= pos <= t_end + 1 and country:
                tok = self.toks[pos]
                ent = Entity(country, None, self.doc.fspan(tok.start, tok.end), "nisba-modifier")
                mention = ActorMention(ent, pos, pos + 1, group=-2)
                return Group([mention], pos, pos + 1, "")
        return None


def _inside(ranges: list[tuple[int, int]], t: int) -> bool:
    """Whether t falls in one of the sorted, disjoint ranges."""
    if not ranges:
        return False  # most articles have no debris and few quotes
    i = bisect_right(ranges, t, key=_FIRST) - 1
    return i >= 0 and t < ranges[i][1]


def _ranges(ctx: Context, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [ctx.token_range(a, b) for a, b in spans]


def build_context(doc: Doc) -> Context:
    toks: list[Token] = doc.layers["tokens"]
    ctx = Context(weakref.ref(doc), toks, doc.layers["actors"], starts=doc.layers["token_starts"])
    texts: list[str] = doc.layers["token_texts"]
    text = doc.norm.text
    sents = doc.sentence_bounds()
    ctx.sentences = _ranges(ctx, sents)
    ctx.clauses = _ranges(ctx, [c for s0, s1 in sents for c in clauses(text, s0, s1)])
    ctx.word_counts = word_counts(texts)
    # compress/count keep the test of every token in C
    ctx.complementizers = list(compress(count(), map(COMPLEMENTIZERS.__contains__, texts)))
    ctx.sentence_at = range_index(ctx.sentences, len(toks))
    ctx.clause_at = range_index(ctx.clauses, len(toks))
    ctx.excluded = [ctx.token_range(doc.norm.to_folded(s.start), doc.norm.to_folded(s.end))
                    for s in doc.excluded]
    ctx.dates = [(ctx.token_at(doc.norm.to_folded(d.span.start)), d) for d in doc.dates]
    ctx.attributive = _attributive_dates(toks, ctx.dates)
    ctx.date_tokens = frozenset(t for d in doc.dates for t in range(
        *ctx.token_range(doc.norm.to_folded(d.span.start), doc.norm.to_folded(d.span.end))))
    in_line = doc.layers.get("dateline_places", [])
    ctx.dateline_place = in_line[0] if in_line else None
    ctx.places = [(*ctx.token_range(doc.norm.to_folded(p.span.start), doc.norm.to_folded(p.span.end)), p)
                  for p in doc.places if p not in in_line]
    ctx.modifiers = doc.layers.get("modifiers", [])
    ctx.actor_tokens = frozenset(chain.from_iterable(map(range, map(_T0, ctx.mentions), map(_T1, ctx.mentions))))
    ctx.quoted = [ctx.token_range(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text)]
    ctx.supports = [(ctx.token_at(h.word_start), h.values[0]) for h in longest(support_matcher().find(text))
                    if proclitics_fit(h.prefix, verbal=True)]
    ctx.markers = [(ctx.token_at(h.word_start), m) for h in modality_matcher().find(text) for m in h.values]
    doc.layers["context"] = ctx
    return ctx


def _attributive_dates(toks: list[Token], dates: list[tuple[int, DateMention]]) -> dict[int, int]:
    """Dates right after a participle that qualifies a noun ("الموقعة عام 1974", "المبرم في 2015")."""
    out: dict[int, int] = {}
    for t, _ in dates:
        back = 2 if t >= 2 and toks[t - 1].text == "في" else 1  # "الموقعة عام 1974", "المبرم في 2015"
        if t >= back and toks[t - back].text.startswith(_ATTRIBUTIVE):
            out[t] = t - back
    return out


def _containing(ranges: list[tuple[int, int]], at: list[int], t: int) -> tuple[int, int]:
    i = at[t] if 0 <= t < len(at) else -1
    return ranges[i] if i >= 0 else (t, t + 1)


def sentence_of(ctx: Context, t: int) -> tuple[int, int]:
    return _containing(ctx.sentences, ctx.sentence_at, t)


def clause_of(ctx: Context, t: int) -> tuple[int, int]:
    return _containing(ctx.clauses, ctx.clause_at, t)
