"""Clitic-aware multi-pattern matching over folded Arabic text.

One Aho-Corasick automaton per lexicon finds every pattern in a single pass. A hit
counts only on word boundaries, where the left edge may carry a chain of proclitics
(و ف + ب ك ل + ال, لل, س): "وإيران", "للقوات" and "بالانسحاب" all match their entries.
Enclitics are not stripped here: the morphology generator writes them into the forms,
so a pattern decides exactly which suffixed words it accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import repeat
from operator import add, itemgetter, mul, sub
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

T = TypeVar("T")

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل", "ال", "بال", "كال", "لل", "س")
PROCLITICS = frozenset(c + p for c in _CONJ for p in _PREP)
# "لل" is ل + ال, so both spell a definite article on the word that follows.
_ARTICLE_ENDINGS = ("ال", "لل")
_MAX_PREFIX = max(map(len, PROCLITICS))
_LENGTH_BITS = 12  # patterns are shorter than 2**12; the rest of the stored int is the payload id
_LENGTH_SPAN = 1 << _LENGTH_BITS
_LENGTH_MASK = _LENGTH_SPAN - 1


class Hit(NamedTuple, Generic[T]):
    """A lexicon hit: folded offsets of the matched form, its proclitics and payloads
    (a tuple: an article yields hundreds of them). `word_start` is where the proclitics begin."""

    start: int
    end: int
    prefix: str
    values: tuple[T, ...]
    word_start: int


_START = itemgetter(0)
_END = itemgetter(1)
_WORD_START = itemgetter(4)


class Matcher(Generic[T]):
    """Maps folded patterns to payloads and finds them in folded text."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        # pattern → ([values], [values that need an article before them])
        table: dict[str, tuple[list[T], list[T]]] = {}
        for pattern, value in entries:
            if "  " in pattern or pattern[:1].isspace() or pattern[-1:].isspace():
                pattern = " ".join(pattern.split())
            if not pattern:
                continue
            table.setdefault(pattern, ([], []))[0].append(value)
            # Lets "للأمم المتحدة" (ل + الأمم) reach the entry "الأمم المتحدة".
            if pattern.startswith("ال") and len(pattern) > 4:
                table.setdefault(pattern[2:], ([], []))[1].append(value)
        # Per payload id: (values, values that need an article), None where there are none.
        self._payloads: list[tuple[tuple[T, ...] | None, tuple[T, ...] | None]] = []
        # Payloads deduplicated by object identity: hashing frozen dataclasses is slow.
        ids: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        self._pids: dict[str, int] = {}  # pattern → payload id
        for pattern, (plain, articled) in table.items():
            key = (tuple(map(id, plain)), tuple(map(id, articled)))
            pid = ids.setdefault(key, len(ids))
            if pid == len(self._payloads):
                self._payloads.append((tuple(plain) or None, tuple(articled) or None))
            self._pids[pattern] = pid
        self.size = len(table)
        # The pass that finds this matcher's hits: shared (`share_pass`) or, built on the first
        # `find`, its own.
        self._shared: _SharedPass | None = None
        self._slot = 0

    def get(self, pattern: str) -> tuple[T, ...]:
        """The payloads of one folded form as a whole word (no proclitics), without a text pass."""
        pid = self._pids.get(pattern)
        return (self._payloads[pid][0] or ()) if pid is not None else ()

    def find(self, text: str) -> list[Hit[T]]:
        """All boundary-respecting hits, in text order (overlaps kept)."""
        if not self.size:
            return []
        if self._shared is None:
            # Alone, a matcher is the one matcher of its own pass.
            self._shared, self._slot = _SharedPass([self]), 0
        return list(self._shared.hits(text)[self._slot])


class _SharedPass:
    """One or several matchers' patterns in one automaton: a document is read once for all of
    them, and each matcher takes its own hits."""

    def __init__(self, matchers: Sequence[Matcher[Any]]) -> None:
        # pattern → ((slot, payload id), …) of every matcher that has it
        table: dict[str, tuple[tuple[int, int], ...]] = {}
        for slot, matcher in enumerate(matchers):
            for pattern, pid in matcher._pids.items():
                table[pattern] = (*table.get(pattern, ()), (slot, pid))
        # Per target id: (slot, values, values that need an article) for each matcher.
        self._targets: list[tuple[tuple[int, Any, Any], ...]] = []
        ids: dict[tuple[tuple[int, int], ...], int] = {}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for pattern, key in table.items():
            tid = ids.setdefault(key, len(ids))
            if tid == len(self._targets):
                self._targets.append(tuple((slot, *matchers[slot]._payloads[pid]) for slot, pid in key))
            self._automaton.add_word(pattern, tid * _LENGTH_SPAN + len(pattern))
        self._automaton.make_automaton()
        self._size = len(matchers)
        # The hits of the latest text: its matchers ask one after another for the same document.
        self._last: tuple[str, list[list[Hit[Any]]]] = ("", [[] for _ in matchers])

    def hits(self, text: str) -> list[list[Hit[Any]]]:
        """Each matcher's hits in `text`, by slot."""
        last = self._last
        if last[0] is text or last[0] == text:
            return last[1]
        out: list[list[Hit[Any]]] = [[] for _ in range(self._size)]
        targets = self._targets
        new = tuple.__new__
        proclitics, article_endings, bits, mask = PROCLITICS, _ARTICLE_ENDINGS, _LENGTH_BITS, _LENGTH_MASK
        # A space after the text lets every end be tested without a bounds check.
        padded = text + " "
        # The loop runs for every raw hit of every lexicon: a word character is alphanumeric
        # ("_" is not), and tuple.__new__ skips the Python-level NamedTuple constructor.
        # Boundary and proclitic checks are made once per raw hit, for all matchers.
        for last_char, code in self._automaton.iter(text):
            end = last_char + 1
            if padded[end].isalnum():
                continue
            start = end - (code & mask)
            if start and text[start - 1].isalnum():
                word_start = start - 1
                while word_start and start - word_start <= _MAX_PREFIX and text[word_start - 1].isalnum():
                    word_start -= 1
                prefix = text[word_start:start]
                if prefix not in proclitics:
                    continue
                articles = prefix.endswith(article_endings)
            else:
                word_start, prefix, articles = start, "", False
            for slot, plain, articled in targets[code >> bits]:
                if articled is not None and articles:
                    out[slot].append(new(Hit, (start, end, prefix, articled, word_start)))
                if plain is not None:
                    out[slot].append(new(Hit, (start, end, prefix, plain, word_start)))
        for hits in out:
            hits.reverse()
            hits.sort(key=_START)
        self._last = (text, out)
        return out


def share_pass(matchers: Sequence[Matcher[Any]]) -> None:
    """Let the matchers a document is always read with find their hits in one pass: each
    automaton pass costs a walk over the whole text, however few patterns it holds."""
    live = [m for m in matchers if m.size]
    shared = _SharedPass(live)
    for slot, matcher in enumerate(live):
        matcher._shared, matcher._slot = shared, slot


def longest(hits: list[Hit[T]]) -> list[Hit[T]]:
    """Non-overlapping hits, longest first, in text order: "وقائد قوات سوريا الديمقراطية"
    keeps the organisation rather than the shorter "قائد قوات" that starts earlier."""
    if not hits:
        return []
    starts = list(map(_WORD_START, hits))
    ends = list(map(_END, hits))
    taken = bytearray(max(ends))
    kept: list[Hit[T]] = []
    # By length descending, then start: one int per hit (start - end, scaled above any start,
    # plus start), made by C-level maps, sorts faster than a key tuple; scaled by the text's
    # length, not a fixed power of two, the keys stay one-digit ints, which the sort compares
    # on its fast path.
    keys = list(map(add, map(mul, map(sub, starts, ends), repeat(len(taken))), starts))
    for i in sorted(range(len(hits)), key=keys.__getitem__):
        start, end = starts[i], ends[i]
        if 1 in taken[start:end]:  # a slice and `in` cost less than find's argument parsing
            continue
        kept.append(hits[i])
        taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=_WORD_START)
    return kept


def proclitics_fit(prefix: str, verbal: bool) -> bool:
    """Verbs take و ف and the future س or لام التعليل; nouns take prepositions and ال, not س."""
    core = prefix.lstrip("وف") if len(prefix) > 1 or prefix in ("و", "ف") else prefix
    if verbal:
        return core in ("", "س", "ل")
    return "س" not in core


_CLITIC_CHAINS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")


@lru_cache(maxsize=1 << 14)  # the coders strip the same few hundred words over and over
def without_proclitic(word: str, min_stem: int = 0) -> str:
    """A word without its leading proclitic chain: "والقوات" → "قوات", "بالاتفاق" → "اتفاق";
    a chain is not stripped when fewer than `min_stem` letters would be left."""
    for clitic in _CLITIC_CHAINS:
        if word.startswith(clitic) and len(word) - len(clitic) >= min_stem:
            return word[len(clitic):]
    return word
