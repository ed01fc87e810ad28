"""Validation and breadth figures for the lexicon files (`rasd lexicon check|stats`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rasd.lexicons.loader import DATA, Row, read_lexicon, read_rows

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD = {t: q for q, ts in ((1, TYPES[:4]), (2, TYPES[4:7]), (3, TYPES[7:11]), (4, TYPES[11:])) for t in ts}
SECTORS = frozenset({
    "GOV", "MIL", "SPY", "REB", "OPP", "COP", "JUD", "LEG", "PTY", "CVL", "REF", "MED", "JRN",
    "BUS", "REL", "UAF", "CRM", "EDU", "HLH", "LAB", "AGR", "ELI", "NGO", "IGO", "ENV",
})
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG"})
SUPPORT_FRAMES = ("subject", "between", "receive", "by", "in")  # who the agent of a support verb's noun is
# Where a trigger's recipient stands: its direct object or the preposition that introduces it.
RECIPIENT_SLOTS = frozenset({"obj", "على", "ضد", "مع", "إلى", "ب", "ل", "من", "عن", "في", "بين", "أمام", "نحو",
                             "بحق", "لدى", "حول", "تجاه"})
REQUIRED = {
    "countries": ("iso3", "name_en", "names", "capitals", "nisba", "lat", "lon"),
    "institutions": ("pattern", "kind"),  # an empty sector is taken from the context
    "organizations": ("names", "country", "sector", "kind"),
    "people": ("name", "country", "sector"),
    "triggers": ("lemma", "type", "cameo", "quad", "score"),  # an empty present: a past-only verb
    "cues": ("lemma", "stance", "kind"),
    "modality": ("pattern", "modality", "scope"),
    "places": ("names", "name_en", "country", "lat", "lon", "kind"),
    "months": ("names", "calendar", "month"),
    "debris": ("pattern", "kind"),
    "support-verbs": ("lemma", "present", "frame"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _country_codes() -> frozenset[str]:
    return frozenset(r["iso3"] for r in read_lexicon("countries")) | INTERNATIONAL


def _in_range(cell: str, lo: float, hi: float) -> bool:
    try:
        return lo <= float(cell) <= hi
    except ValueError:
        return False


def _check_row(stem: str, row: Row, header: list[str], codes: frozenset[str]) -> Iterator[str]:
    if row.width > len(header):
        yield f"{row.width} cells for {len(header)} columns"
    for col in REQUIRED[stem]:
        if not row[col] and not (stem == "organizations" and col in ("country", "sector")):
            yield f"empty `{col}`"
    country = row["country"] or row["iso3"]
    if country and country not in codes and stem != "countries":
        yield f"unknown country code {country!r}"
    sector = row["sector"]
    if sector and sector not in SECTORS:
        yield f"unknown sector {sector!r}"
    if stem in ("countries", "places") and not (_in_range(row["lat"], -90, 90) and _in_range(row["lon"], -180, 180)):
        yield "latitude/longitude missing or out of range"
    if stem == "triggers":
        yield from _check_trigger(row)
    if stem == "support-verbs" and row["frame"] not in SUPPORT_FRAMES:
        yield f"unknown frame {row['frame']!r} (one of {'|'.join(SUPPORT_FRAMES)})"


def _check_trigger(row: Row) -> Iterator[str]:
    if row["type"] not in QUAD:
        yield f"unknown type {row['type']!r}"
        return
    if not (row["cameo"].isdigit() and 1 <= int(row["cameo"]) <= 20):
        yield f"CAMEO root {row['cameo']!r} not in 01..20"
    if row["quad"] != str(QUAD[row["type"]]):
        yield f"quad {row['quad']} but {row['type']} is quad {QUAD[row['type']]}"
    if not _in_range(row["score"], -10, 10):
        yield f"score {row['score']!r} not in -10..10"
    for role in row.items("recipient"):
        slot, _, kind = role.partition(":")
        if slot not in RECIPIENT_SLOTS or kind not in ("", "actor", "co"):
            yield f"unknown recipient role {role!r} (a slot of {'|'.join(sorted(RECIPIENT_SLOTS))}, then :actor or :co)"


def _key(stem: str) -> Callable[[Row], tuple[str, ...]] | None:
    return {"triggers": lambda r: (r["lemma"], r["type"]), "countries": lambda r: (r["iso3"],),
            "people": lambda r: (r["name"],), "institutions": lambda r: (r["pattern"],),
            "cues": lambda r: (r["lemma"], r["stance"])}.get(stem)


def check() -> list[Problem]:
    """Every problem found in every lexicon file."""
    problems: list[Problem] = []
    codes = _country_codes()
    for stem in REQUIRED:
        seen: dict[tuple[str, ...], str] = {}
        for path in sorted(DATA.glob(f"{stem}*.tsv")):
            header = path.read_text(encoding="utf-8").split("\n")
            header = next(h for h in header if h.strip() and not h.startswith("#")).split("\t")
            missing = [c for c in REQUIRED[stem] if c not in header]
            if missing:
                problems.append(Problem(path.name, f"missing columns {missing}"))
                continue
            key = _key(stem)
            for row in read_rows(path):
                problems += [Problem(row.where, m) for m in _check_row(stem, row, header, codes)]
                if key is not None:
                    k = key(row)
                    if k in seen:
                        problems.append(Problem(row.where, f"duplicate of {seen[k]}"))
                    seen[k] = row.where
    return problems


def stats() -> dict[str, object]:
    """Breadth of the lexicons, as `rasd lexicon stats` reports it."""
    countries = {r["iso3"]: r for r in read_lexicon("countries")}
    members = [r["iso3"] for r in read_lexicon("un-members")]
    complete = [c for c in members if c in countries and countries[c]["names"]
                and countries[c]["capitals"] and countries[c]["nisba"]]
    triggers = read_lexicon("triggers")
    per_type = Counter(r["type"] for r in triggers)
    orgs = read_lexicon("organizations")
    return {
        "countries": len(countries),
        "un_members_complete": f"{len(complete)}/{len(members)}",
        "un_members_missing": sorted(set(members) - set(complete)),
        "country_name_variants": sum(len(r.items("names")) for r in countries.values()),
        "people": len(read_lexicon("people")),
        "organizations": len(orgs),
        "institutions": len(read_lexicon("institutions")),
        "trigger_lemmas": len({(r["lemma"], r["type"]) for r in triggers}),
        "trigger_lemmas_by_type": dict(sorted(per_type.items())),
        "cues": len(read_lexicon("cues")),
        "modality_markers": len(read_lexicon("modality")),
        "places": len(read_lexicon("places")),
        "places_with_coordinates": sum(1 for r in read_lexicon("places") if r["lat"] and r["lon"]),
    }
