"""Countries: names, capitals, seats of power and nisba adjectives, from countries.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.lexicons.loader import read_lexicon
from rasd.text.normalize import fold

# A nisba (تركي) inflects regularly: feminine, duals, sound plurals, and the indefinite
# accusative after numbers ("17 فلسطينياً": the tanwin folds away, the alef stays).
_NISBA_ENDINGS = ("", "ه", "ان", "ين", "ون", "تان", "تين", "ات", "ا")


def nisba_forms(nisba: str) -> set[str]:
    """Every inflection of a folded masculine singular nisba (تركي → تركيه، تركيتين …)."""
    return {nisba + ending for ending in _NISBA_ENDINGS}


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name_en: str
    names: tuple[str, ...]  # folded
    capitals: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]  # (folded name, sector)
    nisba: tuple[str, ...]  # folded, every inflection
    people: tuple[str, ...]
    lat: float | None
    lon: float | None
    where: str


def _seat(cell: str) -> tuple[str, str]:
    name, _, sector = cell.partition(":")
    return fold(name.strip()), (sector.strip() or "GOV")


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


@cache
def load_countries() -> dict[str, Country]:
    """Countries by ISO alpha-3 code."""
    out: dict[str, Country] = {}
    for row in read_lexicon("countries"):
        out[row["iso3"]] = Country(
            iso3=row["iso3"], name_en=row["name_en"],
            names=tuple(fold(n) for n in row.items("names")),
            capitals=tuple(fold(n) for n in row.items("capitals")),
            seats=tuple(_seat(s) for s in row.items("seats")),
            nisba=tuple(sorted({f for n in row.items("nisba") for f in nisba_forms(fold(n))})),
            people=tuple(fold(n) for n in row.items("people")),
            lat=_float(row["lat"]), lon=_float(row["lon"]), where=row.where,
        )
    return out
