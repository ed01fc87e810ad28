"""Who does what to whom: finding the actor groups around a trigger or a cue.

Arabic news puts the subject after the verb (VSO: "استضاف وزير الدفاع الروسي …") or
before it (SVO: "الجيش الإسرائيلي اعتقل …"); recipients follow a direct-object slot or
a preposition (على، ضد، مع، إلى، بـ، لـ). These helpers read the clause around a token
position and return coordinated actor groups.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter, itemgetter

from rasd.extraction.actors import PREPOSITIONS, QUANTIFIERS, ActorMention
from rasd.text.segment import Token

MAX_VSO_GAP = 4  # tokens between a verb and its postposed subject (dates, "اليوم", commas)
# Words that may stand between a verb and its postposed subject: time words, and
# pronoun-carrying prepositions ("المسيرة التي دعت إليها الجبهة").
_TIME_WORDS = frozenset({
    "اليوم", "امس", "مساء", "صباح", "فجر", "ظهر", "ليل", "الليله", "ايضا", "مجددا", "رسميا", "بدوره", "بدورها",
    "كذلك", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اول", "قد", "وقد", "فيه",
    "فيها", "اليه", "اليها", "اليهم", "عليه", "عليها", "عليهم", "له", "لها",
    "لهم", "منه", "منها", "عنه", "عنها", "به", "بها", "معه", "معها", "خلاله", "خلالها",
})
_AUXILIARIES = frozenset({
    "كان", "كانت", "كانوا", "قد", "وقد", "لم", "ولم", "لن", "ولن", "لا", "ولا", "ما", "سوف", "سبق", "سبقت",
    "عاد", "عادت", "بات", "باتت", "ظل", "ظلت", "تكاد", "يكاد",
})
# Counting words before a noun: "تظاهر آلاف الأردنيين", "أوقفت عدداً من المحتجين".
# Words that bring in a party acting alongside the subject, never its target.
_ALONGSIDE = frozenset({"بحمايه", "بدعم", "بمساعده", "باسناد", "بغطاء", "بمشاركه", "برعايه", "بوساطه", "بحضور"})
QUOTES = frozenset({'"', "'"})  # the text is folded: « and » are already "
_T0 = attrgetter("t0")
_T1 = attrgetter("t1")
RECIPIENT_REACH = 15  # words from a trigger to its recipient; commas do not end the search


@dataclass(slots=True)
class Group:
    """Coordinated actor mentions ("تركيا وروسيا وإيران")."""

    members: list[ActorMention]
    t0: int
    t1: int
    prep: str  # the preposition introducing the group, "" when none

    @property
    def weak(self) -> bool:
        """Only bare nisba adjectives or sites ("أحياء سكنية"): fit to be a recipient, not a subject."""
        members = self.members
        if len(members) == 1:  # most groups: no generator for them
            return _weak(members[0])
        return all(map(_weak, members))

    @property
    def anaphoric(self) -> bool:
        """No member has a country ("الطرفان", "المصدر"): it stands for someone named before."""
        members = self.members
        if len(members) == 1:
            return members[0].entity.country is None
        return all(m.entity.country is None for m in members)

    @property
    def full_codes(self) -> set[str]:
        """Country and sector of every member: the subject repeated in apposition has the same."""
        return {m.entity.code for m in self.members}

    @property
    def codes(self) -> set[str | None]:
        return {m.entity.country for m in self.members}


def _weak(m: ActorMention) -> bool:
    return m.weak or (bool(m.heads) and m.heads[0].kind == "site")


def groups_in(mentions: list[ActorMention], toks: list[Token], t0: int, t1: int) -> list[Group]:
    """The actor groups lying within tokens [t0, t1)."""
    by_id: dict[int, list[ActorMention]] = {}
    for m in mentions:
        if m.t0 >= t0 and m.t1 <= t1:
            by_id.setdefault(m.group, []).append(m)
    out = [Group(ms, min(map(_T0, ms)), max(map(_T1, ms)), "") for ms in by_id.values()]
    for g in out:
        g.prep = preposition_before(toks, g)
    out.sort(key=_T0)
    return out


def preposition_before(toks: list[Token], g: Group) -> str:
    """The preposition governing a group: a clitic on its first word or a word before it."""
    clitic = g.members[0].prefix.lstrip("وف")
    if clitic[:1] in ("ب", "ل", "ك"):
        return clitic[:1]
    before = g.t0 - 1
    while before > 0 and toks[before].text in QUOTES:  # "بين \"جهاز الردع\"": the quote is no word
        before -= 1
    prev = toks[before].text if before >= 0 else ""
    if prev in PREPOSITIONS:
        return prev
    if prev[:1] in ("و", "ف") and prev[1:] in PREPOSITIONS:
        return prev[1:]
    return ""


def subject_after(groups: list[Group], toks: list[Token], t: int, limit: int,
                  skippable: frozenset[int] = frozenset()) -> Group | None:
    """The postposed subject of a verb at token t (VSO). Only punctuation, time words and
    dates may stand between: "أعلنت، اليوم الأربعاء، وزارة …", not "رفضهما القاطع لأي …"."""
    for g in groups:
        if g.t0 > t and g.t0 - t <= MAX_VSO_GAP + 1 and g.t0 < limit and not g.weak:
            gap = range(t + 1, g.t0)
            if any(toks[i].is_word and toks[i].text not in _TIME_WORDS and toks[i].text not in QUANTIFIERS
                   and not toks[i].text.isdigit() and i not in skippable for i in gap):
                return None
            return g if not g.prep else None
    return None


def subject_adjacent(groups: list[Group], toks: list[Token], t: int, start: int) -> Group | None:
    """A subject right before the verb, with at most auxiliaries and negation between
    ("الجزائر كانت قد حذّرت"); "النظام على أنها بحثت" has its own pronoun subject."""
    for g in reversed(groups):
        if g.t1 <= t and not g.weak:
            gap = [x.text for x in toks[g.t1:t]]
            loose = sum(x not in _AUXILIARIES for x in gap)
            # "وكانت طائرة أمريكية مسيرة قد اغتالت": before قد, the subject may trail an adjective.
            fits = loose == 0 or (loose == 1 and gap[-1] in ("قد", "وقد") and gap[0] not in _AUXILIARIES)
            if g.t0 >= start and not g.prep and len(gap) <= 2 and fits:
                return g
            return None
    return None


def main_subject(groups: list[Group], t: int, start: int) -> Group | None:
    """The first ungoverned group of the sentence before t: who the sentence is about."""
    return next((g for g in groups if start <= g.t0 and g.t1 <= t and not g.prep and not g.weak), None)


def subject_before(groups: list[Group], t: int, start: int) -> Group | None:
    """The nearest preposed subject before token t (SVO), not governed by a preposition."""
    for g in reversed(groups):
        if g.t1 <= t and g.t0 >= start and not g.prep and not g.weak:
            return g
    return None


def recipient_after(groups: list[Group], toks: list[Token], t: int, limit: int, roles: tuple[str, ...],
                    skip: Group | None, counts: list[int]) -> Group | None:
    """The first group after t introduced the way the trigger's frame allows.

    A possessor counts too: in "غارات على مواقع لجماعة الحوثي" the target is the group
    that owns the positions the preposition introduces.
    """
    preps = {r.split(":")[0] for r in roles} | {"لدي"}
    if skip is not None and skip.t0 > t:
        t = skip.t1 - 1  # VSO: the object comes after the postposed subject
    limit = min(limit, _reach(counts, t, RECIPIENT_REACH))
    return next((g for g in groups if t < g.t0 < limit and _fits(g, toks, t, preps, skip)), None)


def _fits(g: Group, toks: list[Token], t: int, preps: set[str], skip: Group | None) -> bool:
    if g is skip or g.anaphoric or (skip is not None and g.full_codes == skip.full_codes):
        return False
    if g.t0 and toks[g.t0 - 1].text in _ALONGSIDE:
        return False  # "اقتحم مستوطنون، بحماية قوات الاحتلال، الأقصى": a helper, not a target
    if _on_the_sidelines(toks, t, g.t0):
        return False
    if skip is not None and g.codes == skip.codes and 0 <= g.t0 - skip.t1 <= 2 \
            and all(m.entity.name for m in g.members) and not g.prep and _sectors_agree(g, skip):
        # The subject named again in apposition: "الأمين العام للجامعة، أحمد أبو الغيط"; not
        # another body of the same country ("اتهم الجيش السوداني قوات الدعم السريع").
        return False
    if g.prep and g.prep in preps:
        return True
    if "obj" in preps and (not g.prep or (g.prep == "من" and _partitive(toks, g.t0))):
        return True  # "أوقفت قوات الأمن عدداً من المحتجين": a part of the object is the object
    if "obj" in preps and g.prep == "ل" and g.t0 - t == 2 and toks[t + 1].is_word:
        return True  # "استهدفت تجمعات لقوات الدعم السريع": the owner of the object is the target
    return g.prep in ("ل", "في") and any(_governs(x.text, preps) for x in toks[t + 1:g.t0])


def _on_the_sidelines(toks: list[Token], t: int, t0: int) -> bool:
    """"التقى …، على هامش أعمال الجمعية العامة للأمم المتحدة، نظيره الإيراني": a body named in
    the occasion, up to the comma that closes it, is where the act took place, not a party."""
    for i in range(t0 - 1, t, -1):
        word = toks[i].text
        if word == "هامش":
            return True
        if word in ("،", ","):
            return False
    return False


def _sectors_agree(g: Group, other: Group) -> bool:
    sectors = {m.entity.sector for m in other.members}
    return all(m.entity.sector is None or m.entity.sector in sectors or None in sectors for m in g.members)


def _partitive(toks: list[Token], t0: int) -> bool:
    """"عدداً من المحتجين", "153 محتجزاً من القوات الحكومية": a count before من."""
    count = toks[t0 - 2].text if t0 >= 2 else ""
    counted = toks[t0 - 3].text if t0 >= 3 else ""
    return count in QUANTIFIERS or counted.isdigit() or counted in QUANTIFIERS


def word_counts(texts: list[str]) -> list[int]:
    """For each token index (and the end), how many words come before it (from the token texts)."""
    # A word starts with a letter or digit (`Token.is_word`); the maps keep the loop in C.
    return list(accumulate(map(str.isalnum, map(itemgetter(0), texts)), initial=0))


def _reach(counts: list[int], t: int, words: int) -> int:
    """The token index `words` words after t (from `word_counts`): commas, brackets and quotes
    do not count."""
    if t + 1 >= len(counts):
        return len(counts) - 1
    return bisect_right(counts, counts[t + 1] + words) - 1


def _governs(word: str, preps: set[str]) -> bool:
    return word in preps or (word[:1] in ("و", "ف") and word[1:] in preps)
