"""Places: countries, cities, towns, regions, sites and waters mentioned in a document.

Names come from countries.tsv and places*.tsv. A name several places share (طرابلس in Libya
and in Lebanon, عمان the country and the Jordanian capital) goes to the place whose country
the sentence or the document otherwise mentions, else to the country, else to the most
populous. A direction or "countryside" word before a place makes a region: "شمال شرقي
سوريا" is northeastern Syria, "ريف دير الزور الشرقي" the eastern countryside of Deir ez-Zor.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rasd.doc import Doc, Place
from rasd.lexicons.countries import load_countries
from rasd.lexicons.loader import read_lexicon
from rasd.text.matcher import PROCLITICS, Hit, Matcher
from rasd.text.normalize import fold
from rasd.text.segment import range_index


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: str
    population: int
    source: str
    article: bool  # the name starts with ال: only then may a proclitic chain end in ال
    guarded: bool = False  # also a common word: needs a place cue or its country nearby
    capital: bool = False


# Words that announce a place name, so a guarded name after them is a place.
_CUES = frozenset(fold(w) for w in (
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "منطقة", "مخيم", "حي", "ميناء", "مطار", "قضاء",
    "ناحية", "إقليم", "العاصمة", "مدن", "بلدات", "قرى", "مناطق", "أحياء", "ضاحية", "جزيرة"))
_CAPITAL_CUE = fold("العاصمة")
# Direction (and outskirts) words before a place, with the English they give the region.
_DIRECTIONS = {fold(k): v for k, v in {
    "شمال": "northern", "شمالي": "northern", "جنوب": "southern", "جنوبي": "southern",
    "شرق": "eastern", "شرقي": "eastern", "غرب": "western", "غربي": "western", "وسط": "central",
    "ريف": "countryside of", "ضواحي": "suburbs of", "أطراف": "outskirts of", "محيط": "around",
}.items()}
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# "ريف حلب الشمالي": a compass adjective after the base narrows the countryside.
_TRAILING = {fold(k): v for k, v in {
    "الشمالي": "northern", "الجنوبي": "southern", "الشرقي": "eastern", "الغربي": "western",
    "الشمالية": "northern", "الجنوبية": "southern", "الشرقية": "eastern", "الغربية": "western",
}.items()}
_REGION_BASES = frozenset({"country", "governorate", "region", "city", "town", "area"})
_CUE_WORDS = _CUES | _DIRECTIONS.keys()
_LONGEST_CHAIN = max(map(len, PROCLITICS))


def _int(cell: str) -> int:
    return int(cell) if cell.isdigit() else 0


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _place_entries() -> list[tuple[str, _Entry]]:
    capitals = {(name, c.iso3) for c in load_countries().values() for name in c.capitals}
    out: list[tuple[str, _Entry]] = []
    for row in read_lexicon("places"):
        for name in row.items("names"):
            folded = fold(name.rstrip("?"))
            out.append((folded, _Entry(
                row["name_en"], row["country"], _float(row["lat"]), _float(row["lon"]), row["kind"],
                _int(row["population"]), row.where, folded.startswith("ال"), name.endswith("?"),
                (folded, row["country"]) in capitals)))
    return out


def _country_entries(places: list[tuple[str, _Entry]]) -> list[tuple[str, _Entry]]:
    known = {(name, e.country) for name, e in places}
    out: list[tuple[str, _Entry]] = []
    for c in load_countries().values():
        for name in c.names:
            out.append((name, _Entry(c.name_en, c.iso3, c.lat, c.lon, "country", 0, c.where,
                                     name.startswith("ال"))))
        # A capital spelling the gazetteer lacks ("القدس المحتلة") is still that city.
        listed = next((e for name, e in places if e.capital and e.country == c.iso3), None)
        for name in c.capitals:
            if (name, c.iso3) not in known:
                entry = listed or _Entry(f"capital of {c.name_en}", c.iso3, c.lat, c.lon, "city", 0,
                                         f"{c.where} capital", False, capital=True)
                out.append((name, replace(entry, article=name.startswith("ال"))))
    return out


@cache
def place_matchers() -> tuple[Matcher[_Entry], Matcher[str]]:
    places = _place_entries()
    gazetteer = Matcher([*places, *_country_entries(places)])
    nisba = Matcher([(form, c.iso3) for c in load_countries().values() for form in c.nisba])
    return gazetteer, nisba


def _word_before(text: str, pos: int) -> tuple[int, str]:
    """The word ending just before `pos` (skipping spaces) and where it starts."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    # Most words are letters back to a space: one search, no step per letter.
    start = text.rfind(" ", 0, end) + 1
    if not text[start:end].isalnum():
        start = end
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    return start, text[start:end]


def _word_after(text: str, pos: int) -> tuple[int, str]:
    start = pos
    while start < len(text) and text[start] == " ":
        start += 1
    end = start
    while end < len(text) and text[end].isalnum():
        end += 1
    return end, text[start:end]


def _strip_proclitic(word: str, stems: Collection[str]) -> tuple[int, str] | None:
    """The stem among `stems` that `word` is, behind a proclitic chain: (its offset, stem)."""
    # A chain is a few letters long: trying each split of the word beats trying each stem.
    splits = [k for k in range(min(len(word), _LONGEST_CHAIN) + 1) if word[k:] in stems and word[:k] in PROCLITICS]
    if len(splits) < 2:
        return (splits[0], word[splits[0]:]) if splits else None
    # Two readings: the first stem in the caller's order wins.
    return next((len(word) - len(stem), stem) for stem in stems
                if word.endswith(stem) and word[: len(word) - len(stem)] in PROCLITICS)


def _valid(hit: Hit[_Entry], entry: _Entry) -> bool:
    # "الصور" is not "صور": a bare name takes no article from the clitic chain.
    return entry.article or not hit.prefix.endswith(("ال", "لل"))


def _evidence(hits: list[Hit[_Entry]], nisba: list[Hit[str]], bounds: list[tuple[int, int]],
              sentence_at: list[int]) -> list[set[str]]:
    """Countries each sentence names unambiguously (index -1 of the list: the whole document)."""
    per: list[set[str]] = [set() for _ in bounds]
    for hit in hits:
        entries = [e for e in hit.values if not e.guarded and _valid(hit, e)]
        countries = {e.country for e in entries}
        if len(countries) == 1 and len(entries) == len(hit.values):
            per[sentence_at[hit.start]] |= countries
    for nationality in nisba:
        per[sentence_at[nationality.start]] |= set(nationality.values)
    return [*per, set().union(*per)]


@lru_cache(maxsize=1 << 12)  # the words before place names recur: "في", "مدينة", "العاصمة"
def _cues(before: str) -> tuple[bool, bool]:
    """Whether a word announces a place, and whether it is "العاصمة" (behind proclitics)."""
    return _strip_proclitic(before, _CUE_WORDS) is not None, _capital_cue(before) is not None


@lru_cache(maxsize=1 << 12)
def _capital_cue(word: str) -> tuple[int, str] | None:
    return _strip_proclitic(word, (_CAPITAL_CUE,))


def _choose(hit: Hit[_Entry], text: str, here: set[str], doc_wide: set[str]) -> _Entry | None:
    _, before = _word_before(text, hit.word_start)
    cued, after_capital = _cues(before)
    candidates = [e for e in hit.values if _valid(hit, e) and (not e.guarded or cued or e.country in here)]
    if not candidates:
        return None
    return max(candidates, key=lambda e: (after_capital and e.capital, e.country in here,
                                          e.country in doc_wide, e.kind == "country", e.population))


def _place(doc: Doc, start: int, end: int, entry: _Entry, name: str | None = None,
           kind: str | None = None, source: str | None = None) -> Place:
    return Place(doc.fspan(start, end), name or entry.name, entry.country, entry.lat, entry.lon,
                 kind or entry.kind, source or entry.source)


@lru_cache(maxsize=1 << 12)
def _direction(word: str) -> tuple[int, str] | None:
    # "الشرقي" after a place closes that place's name; it does not open the next region.
    found = _strip_proclitic(word, _DIRECTIONS)
    return None if found is None or word[: found[0]].endswith(("ال", "لل")) else found


def _region(doc: Doc, start: int, end: int, entry: _Entry) -> Place | None:
    """A direction word (or two) before a place, and a compass adjective after it."""
    text = doc.norm.text
    w1_start, w1 = _word_before(text, start)
    first = _direction(w1)
    if first is None:
        return None
    offset, stem = first
    left, words = w1_start + offset, [_DIRECTIONS[stem]]
    # "شمال شرقي سوريا": the word before the direction may be a second compass point.
    w0_start, w0 = _word_before(text, w1_start)
    outer = _direction(w0)
    if outer and _DIRECTIONS[outer[1]] in _COMPASS and words[0] in _COMPASS:
        left = w0_start + outer[0]
        words = [_COMPASS[_DIRECTIONS[outer[1]]] + words[0]]
    right, trailing = _word_after(text, end)
    if trailing in _TRAILING and words[0] in ("countryside of", "suburbs of", "outskirts of"):
        words.insert(0, _TRAILING[trailing])
    else:
        right = end
    if words[-1].endswith(" of") or words[-1] == "around":
        name = f"{' '.join(words)} {entry.name}"
    else:
        name = f"{words[0]} {entry.name}"
    return _place(doc, left, right, entry, name, "region", f"region rule + {entry.source}")


@cache
def _capitals() -> dict[str, _Entry]:
    """The gazetteer's capital of each country (the most populous, for countries with several)."""
    out: dict[str, _Entry] = {}
    for _, entry in sorted(_place_entries(), key=lambda item: item[1].population):
        if entry.capital:
            out[entry.country] = entry
    return out


def _capital_by_nisba(doc: Doc, nisba: list[Hit[str]], taken: list[tuple[int, int]]) -> list[Place]:
    """"العاصمة الإيطالية" with no name after it: the capital of that country."""
    text = doc.norm.text
    out = []
    for hit in nisba:
        start, before = _word_before(text, hit.word_start)
        cue = _capital_cue(before)
        capital = _capitals().get(hit.values[0])
        # "العاصمة الإيطالية روما" already yields Rome from the name itself.
        if cue is None or capital is None or any(s < hit.end + 3 and e > start for s, e in taken):
            continue
        out.append(_place(doc, start + cue[0], hit.end, capital, source=f"capital rule + {capital.source}"))
    return out


def _drop_overlaps(places: list[Place]) -> list[Place]:
    kept: list[Place] = []
    # Characters covered by the places kept: longest first, so every non-empty place is
    # tested before an empty one, and only an empty place needs the test against each kept.
    taken = bytearray(max((p.span.end for p in places), default=0))
    for p in sorted(places, key=lambda p: (-(p.span.end - p.span.start), p.span.start)):
        start, end = p.span.start, p.span.end
        if start < end:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
        elif not all(end <= k.span.start or start >= k.span.end for k in kept):
            continue
        kept.append(p)
    return sorted(kept, key=lambda p: p.span.start)


def find_places(doc: Doc) -> list[Place]:
    """Every place the document names, in text order, the longest of overlapping ones kept."""
    gazetteer, nisba_matcher = place_matchers()
    text = doc.norm.text
    hits = gazetteer.find(text)
    nisba = nisba_matcher.find(text)
    bounds = doc.sentence_bounds()
    sentence_at = range_index(bounds, len(text), default=len(bounds) - 1)  # else the last one
    evidence = _evidence(hits, nisba, bounds, sentence_at)
    places: list[Place] = []
    for hit in hits:
        entry = _choose(hit, text, evidence[sentence_at[hit.start]], evidence[-1])
        if entry is None:
            continue
        region = _region(doc, hit.start, hit.end, entry) if entry.kind in _REGION_BASES else None
        places.append(region or _place(doc, hit.start, hit.end, entry))
    places = _drop_overlaps(places)
    folded = [(doc.norm.to_folded(p.span.start), doc.norm.to_folded(p.span.end)) for p in places]
    return _drop_overlaps(places + _capital_by_nisba(doc, nisba, folded))


def add_places(doc: Doc) -> None:
    """Pipeline component: fill `doc.places`, and the `dateline_places` layer (the places of
    the dateline, where the report was filed)."""
    doc.places = find_places(doc)
    line = doc.layers.get("dateline")
    doc.layers["dateline_places"] = [p for p in doc.places
                                     if line is not None and line.start <= p.span.start < line.end]

