"""Event triggers, reported-speech cues and modality markers, expanded to surface forms."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from rasd.lexicons.loader import Row, read_lexicon
from rasd.lexicons.morphology import idiom_forms, noun_forms, participle_forms, verb_forms
from rasd.text.matcher import Matcher
from rasd.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    cameo: str
    quad: int
    score: float
    recipient: tuple[str, ...]  # "obj", "obj:actor", prepositions ("على", "من:actor", "مع:co" …)
    pos: str  # verb | noun | participle
    lemma: str
    source: str
    present: str = ""  # folded 3ms imperfect: where the subject suffix of a form starts
    # For the head verb of an idiom split by its subject ("أرسلت أنقرة قواتها"): the words
    # that must follow within a few tokens; empty for ordinary entries.
    tail: tuple[str, ...] = ()
    future_only: bool = False  # "سيرد": an event only with a future marker (ردّ alone is a reply)


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str  # assert | deny | hedge
    kind: str  # verb | prep | participle | phrase
    pos: str
    lemma: str
    source: str


def _split(cell: str) -> list[str]:
    return cell.split()


def _forms(row: Row) -> list[tuple[str, str]]:
    """(surface form, part of speech) for every inflection of a row's lemma, masdar and participle."""
    lemma, present = row["lemma"], row["present"]
    is_noun = present == "-"  # an empty present is a verb used in the past only (أوقف: توقف is "stopped")
    out: list[tuple[str, str]] = []
    words = _split(lemma)
    if len(words) > 1:
        out += [(f, "noun" if is_noun else "verb") for f in idiom_forms(words, None if is_noun else present)]
    elif present.startswith("س"):
        # Future only: the imperfect forms that are not also past forms.
        out += [(f, "verb") for f in verb_forms(lemma, present[1:]) - verb_forms(lemma, None)]
    elif is_noun:
        out += [(f, "noun") for f in noun_forms(lemma)]
    else:
        out += [(f, "verb") for f in verb_forms(lemma, present)]
    for masdar in row.items("masdar"):
        parts = _split(masdar)
        out += [(f, "noun") for f in (idiom_forms(parts) if len(parts) > 1 else noun_forms(masdar))]
    for participle in row.items("participle"):
        out += [(f, "participle") for f in participle_forms(participle)]
    return out


def _trigger_entries() -> list[tuple[str, Trigger]]:
    out: list[tuple[str, Trigger]] = []
    for row in read_lexicon("triggers"):
        roles = tuple(fold(r) for r in row.items("recipient"))
        present = fold(row["present"]) if row["present"] != "-" else ""
        trigger = Trigger(row["type"], row["mode"] or None, row["cameo"].zfill(2), int(row["quad"] or 0),
                          float(row["score"] or 0), roles, "verb", row["lemma"], row.where,
                          present.removeprefix("س"), future_only=present.startswith("س"))
        by_pos = {pos: replace(trigger, pos=pos) for pos in ("verb", "noun", "participle")}
        out += [(form, by_pos[pos]) for form, pos in _forms(row)]
        words = _split(row["lemma"])
        if len(words) > 1 and row["present"] not in ("", "-"):
            head = replace(trigger, tail=tuple(fold(w.rstrip("+")) for w in words[1:]))
            out += [(form, head) for form in verb_forms(words[0], row["present"])]
        # A verb's masdar idiom is split by its agent as the verb is by its subject: "إطلاق إسرائيل
        # سراح" (a noun row's masdar cell lists other forms of the noun: "الضربة الجوية").
        for masdar in (_split(m) for m in row.items("masdar") if row["present"] != "-"):
            if len(masdar) > 1:
                head = replace(by_pos["noun"], tail=tuple(fold(w.rstrip("+")) for w in masdar[1:]))
                out += [(form, head) for form in idiom_forms([fold(masdar[0]).removeprefix("ال")])]
    return out


@cache
def trigger_matcher() -> Matcher[Trigger]:
    return Matcher(_trigger_entries())


@cache
def cue_matcher() -> Matcher[Cue]:
    entries: list[tuple[str, Cue]] = []
    for row in read_lexicon("cues"):
        if row["kind"] in ("prep", "phrase"):
            entries.append((fold(row["lemma"]), Cue(row["stance"], row["kind"], row["kind"], row["lemma"],
                                                    row.where)))
            continue
        entries += [(f, Cue(row["stance"], row["kind"], pos, row["lemma"], row.where)) for f, pos in _forms(row)]
    return Matcher(entries)


@dataclass(frozen=True, slots=True)
class Marker:
    modality: str
    scope: str
    source: str


@cache
def modality_matcher() -> Matcher[Marker]:
    return Matcher((fold(r["pattern"]), Marker(r["modality"], r["scope"], r.where))
                   for r in read_lexicon("modality"))


@dataclass(frozen=True, slots=True)
class Support:
    lemma: str
    frame: str  # subject | between | receive | by | in (support-verbs.tsv)
    source: str


@cache
def support_matcher() -> Matcher[Support]:
    """Support verbs: a trigger noun after one reports an event (support-verbs.tsv)."""
    entries: list[tuple[str, Support]] = []
    for row in read_lexicon("support-verbs"):
        support = Support(row["lemma"], row["frame"] or "subject", row.where)
        # The bare past of a doubled verb (شنّ → شن) is too short for the generator, which
        # guards short forms, but as a whole word it is unmistakable.
        forms = verb_forms(row["lemma"], row["present"]) | {fold(row["lemma"])}
        entries += [(form, support) for form in forms]
    return Matcher(entries)
