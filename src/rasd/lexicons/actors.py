"""The actor lexicon: every word form that names or describes an actor, in one matcher.

Countries (names, capitals, seats of power, nisba adjectives, peoples), institutions and
roles, organisations and named office holders all feed one clitic-aware matcher whose
payloads say what kind of actor word each form is and which lexicon line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from rasd.lexicons.countries import load_countries
from rasd.lexicons.loader import read_lexicon
from rasd.text.matcher import Matcher
from rasd.text.normalize import fold

# Kinds of actor words. Institutions (office, body, group, media) need a country from
# the context; the others carry their own.
INSTITUTION_KINDS = frozenset({"office", "body", "group", "media", "document", "site", "self"})


@dataclass(frozen=True, slots=True)
class ActorWord:
    kind: str  # country capital seat nisba people org person office body group media document site self
    country: str | None
    sector: str | None
    source: str
    name: str | None = None
    ambiguous: bool = False  # a form that is usually an ordinary word (المالي "financial")

    @property
    def is_institution(self) -> bool:
        return self.kind in INSTITUTION_KINDS


def _country_words() -> list[tuple[str, ActorWord]]:
    out: list[tuple[str, ActorWord]] = []
    for c in load_countries().values():
        out += [(n, ActorWord("country", c.iso3, None, c.where, c.name_en)) for n in c.names]
        out += [(n, ActorWord("capital", c.iso3, "GOV", c.where, c.name_en)) for n in c.capitals]
        out += [(n, ActorWord("seat", c.iso3, s, c.where, c.name_en)) for n, s in c.seats]
        out += [(n, ActorWord("nisba", c.iso3, None, c.where, c.name_en)) for n in c.nisba]
        out += [(n, ActorWord("people", c.iso3, "CVL", c.where, c.name_en)) for n in c.people]
    return out


def institution_forms(pattern: str) -> set[str]:
    """Number and case forms of a role word (وزارة → وزارتا، وزارات), without pronouns:
    a suffixed "قواتها" is the subject itself, and 1s "رئيسي" would read "main"."""
    if " " in pattern:
        return {pattern}
    forms = {pattern}
    # In construct the article drops: "النظام" is also "نظام بشار الأسد".
    if pattern.startswith("ال") and len(pattern) > 4:
        forms.add(pattern[2:])
    out: set[str] = set()
    for base in forms:
        stem = base[:-1] + "ت" if base.endswith("ه") else base
        plural = {base[:-1] + "ات"} if base.endswith("ه") else {base + "ات", base + "ون", base + "ين"}
        out |= {base} | {stem + e for e in ("ا", "ان", "ين", "ون")} | plural
    return out


def _institution_words() -> list[tuple[str, ActorWord]]:
    out: list[tuple[str, ActorWord]] = []
    for row in read_lexicon("institutions"):
        word = ActorWord(row["kind"] or "body", None, row["sector"] or None, row.where)
        out += [(f, word) for f in institution_forms(fold(row["pattern"]))]
    return out


def _org_words() -> list[tuple[str, ActorWord]]:
    out: list[tuple[str, ActorWord]] = []
    for row in read_lexicon("organizations"):
        word = ActorWord("org", row["country"] or None, row["sector"] or None, row.where,
                         row["name_en"] or None)
        out += [(fold(n), word) for n in row.items("names")]
    return out


def _person_words() -> list[tuple[str, ActorWord]]:
    out: list[tuple[str, ActorWord]] = []
    for row in read_lexicon("people"):
        word = ActorWord("person", row["country"] or None, row["sector"] or None, row.where, row["name"])
        out += [(fold(n), word) for n in [row["name"], *row.items("variants")] if n]
    return out


@cache
def ambiguous_forms() -> frozenset[str]:
    """Name forms that are usually ordinary words (ambiguous.tsv)."""
    return frozenset(fold(r["form"]) for r in read_lexicon("ambiguous"))


@cache
def actor_matcher() -> Matcher[ActorWord]:
    """One matcher over every actor word form."""
    skip = ambiguous_forms()
    words = _country_words() + _institution_words() + _org_words() + _person_words()
    # An ambiguous nisba or country name is kept, flagged: after an institution ("الجيش المالي")
    # it is a nationality, next to other states ("مالي والنيجر") a state.
    return Matcher((form, replace(word, ambiguous=True) if form in skip else word) for form, word in words
                   if form not in skip or word.kind in ("nisba", "country"))
