"""Clitic-aware multi-pattern matching over folded Arabic text.

One Aho-Corasick automaton per lexicon finds every pattern in a single pass. A hit
counts only on word boundaries, where the left edge may carry a chain of proclitics
(و ف + ب ك ل + ال, لل, س): "وإيران", "للقوات" and "بالانسحاب" all match their entries.
Enclitics are not stripped here: the morphology generator writes them into the forms,
so a pattern decides exactly which suffixed words it accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

T = TypeVar("T")

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل", "ال", "بال", "كال", "لل", "س")
PROCLITICS = frozenset(c + p for c in _CONJ for p in _PREP)
# "لل" is ل + ال, so both spell a definite article on the word that follows.
_ARTICLE_ENDINGS = ("ال", "لل")
_MAX_PREFIX = max(map(len, PROCLITICS))
_LENGTH_SPAN = 1 << 12  # patterns are shorter than this; the rest of the stored int is the payload id


def is_word_char(ch: str) -> bool:
    return ch.isalnum() and ch != "_"


class Hit(NamedTuple, Generic[T]):
    """A lexicon hit: folded offsets of the matched form, its proclitics and payloads
    (a tuple: an article yields hundreds of them). `word_start` is where the proclitics begin."""

    start: int
    end: int
    prefix: str
    values: tuple[T, ...]
    word_start: int


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
        # The automaton stores ints (payload id and pattern length): it builds faster and
        # pickles in milliseconds, which is what makes the on-disk cache worth having.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._payloads: list[tuple[tuple[bool, tuple[T, ...]], ...]] = []
        # Payloads deduplicated by object identity: hashing frozen dataclasses is slow.
        ids: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        for pattern, (plain, articled) in table.items():
            key = (tuple(map(id, plain)), tuple(map(id, articled)))
            pid = ids.setdefault(key, len(ids))
            if pid == len(self._payloads):
                variants = ((False, plain), (True, articled))
                self._payloads.append(tuple((needs, tuple(vals)) for needs, vals in variants if vals))
            self._automaton.add_word(pattern, pid * _LENGTH_SPAN + len(pattern))
        self.size = len(table)
        if table:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit[T]]:
        """All boundary-respecting hits, in text order (overlaps kept)."""
        if not self.size:
            return []
        hits: list[Hit[T]] = []
        n = len(text)
        payloads = self._payloads
        # The loop runs for every raw hit of every lexicon: `isalnum` is `is_word_char` ("_" is
        # not alphanumeric), and tuple.__new__ skips the Python-level NamedTuple constructor.
        new = tuple.__new__
        for last, code in self._automaton.iter(text):
            end = last + 1
            if end < n and text[end].isalnum():
                continue
            pid, length = divmod(code, _LENGTH_SPAN)
            start = end - length
            if start and text[start - 1].isalnum():
                # Proclitic chains are at most four letters: a longer run before the match
                # means it sits inside another word.
                word_start = start - 1
                while word_start and start - word_start <= _MAX_PREFIX and text[word_start - 1].isalnum():
                    word_start -= 1
                prefix = text[word_start:start]
                if prefix not in PROCLITICS:
                    continue
            else:
                word_start, prefix = start, ""
            for needs_article, values in payloads[pid]:
                if needs_article and not prefix.endswith(_ARTICLE_ENDINGS):
                    continue
                hits.append(new(Hit, (start, end, prefix, values, word_start)))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def longest(hits: list[Hit[T]]) -> list[Hit[T]]:
    """Non-overlapping hits, longest first, in text order: "وقائد قوات سوريا الديمقراطية"
    keeps the organisation rather than the shorter "قائد قوات" that starts earlier."""
    if not hits:
        return []
    taken = bytearray(max(h.end for h in hits))
    kept: list[Hit[T]] = []
    for hit in sorted(hits, key=lambda h: (h.word_start - h.end, h.word_start)):
        start = hit.word_start
        if taken.find(1, start, hit.end) != -1:
            continue
        kept.append(hit)
        taken[start:hit.end] = b"\x01" * (hit.end - start)
    return sorted(kept, key=lambda h: h.word_start)


def proclitics_fit(prefix: str, verbal: bool) -> bool:
    """Verbs take و ف and the future س or لام التعليل; nouns take prepositions and ال, not س."""
    core = prefix.lstrip("وف") if len(prefix) > 1 or prefix in ("و", "ف") else prefix
    if verbal:
        return core in ("", "س", "ل")
    return "س" not in core
