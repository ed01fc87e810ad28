"""Arabic normalisation for matching, with a map back to the original offsets.

Matching runs on a folded copy of the text (one alef, ya for alef maqsura, ha for
ta marbuta, no diacritics or tatweel, ASCII digits, straight quotes, single spaces). Every folded
character remembers the index of the character it came from, so a match found in
the folded text is reported as an exact span of the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'",
    "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\u200f": "", "\u200e": "",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "–": "-", "—": "-", "ـ": "",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)
# Harakat, tanwin, shadda, sukun, dagger alef and Quranic marks carry no lexical
# identity for matching purposes.
for _cp in (*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)):
    _FOLD[chr(_cp)] = ""

_TABLE = str.maketrans(_FOLD)
# No fold produces a character that is folded itself, so replacing one at a time is the same
# as translating.
assert not set(_FOLD.values()) & _FOLD.keys()
_SPACES = "".join(c for c, r in _FOLD.items() if r == " ") + " "
# A space after a space is dropped; the pattern opens with the space, not a look-behind, so
# the regex engine skips ahead to candidate characters. Captured, so that splitting keeps the
# dropped runs between the kept pieces.
_DROP = re.compile("([" + "".join(re.escape(c) for c, r in _FOLD.items() if r == "") + "]"
                   + f"|[{_SPACES}](?<=[{_SPACES}][{_SPACES}])[{_SPACES}]*)")
# The folds left once `_DROP` found nothing or took its runs out: half of `_FOLD` drops
# characters, and `fold_text` need not look for them again.
_REPLACES = {ch: to for ch, to in _FOLD.items() if to}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold a string without keeping offsets (lexicon entries, keys, single words)."""
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Normalized:
    """The folded text and, for each folded character, its index in the original."""

    original: str
    text: str
    offsets: Sequence[int]  # a range when nothing was deleted

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open folded span to the half-open original span it covers."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_folded(self, pos: int) -> int:
        """The first folded index at or after an original position."""
        return bisect_left(self.offsets, pos)


def fold_text(text: str, folds: dict[str, str] = _FOLD) -> str:
    """`text.translate(_TABLE)` for a whole article: translate looks every character up in a
    dict, while an article holds only a dozen of the folded characters and `in` rules out
    each of the others at memchr speed (ten times faster on a news article)."""
    for ch, to in folds.items():
        if ch in text:
            text = text.replace(ch, to)
    return text


def normalize(text: str) -> Normalized:
    """Fold `text` for matching and keep the offset map back to it."""
    if _DROP.search(text) is None:
        # Every fold is one character for one: the map is the identity.
        return Normalized(text, fold_text(text, _REPLACES), range(len(text)))
    return _normalize_slow(text)


def _normalize_slow(text: str) -> Normalized:
    """Drop what folds to nothing and repeated spaces, keeping the index of every kept char."""
    # Split with the dropped runs captured: kept pieces sit at even places, and the running
    # length gives each piece's offsets, so no Python code runs per dropped character.
    parts = _DROP.split(text)
    bounds = list(accumulate(map(len, parts), initial=0))
    offsets = list(chain.from_iterable(map(range, bounds[:-1:2], bounds[1::2])))
    return Normalized(text, fold_text("".join(parts[::2]), _REPLACES), offsets)
