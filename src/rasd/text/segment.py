"""Sentences, clauses and tokens of folded Arabic text (offsets are folded offsets)."""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

# A sentence ends at . ! ? (Arabic ؟ is folded to ?) or a line break; a dot between
# digits (1.2%) is a decimal point, not an end.
# Every match opens with one character class, which lets the regex engine skip to the marks.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?:(?<!\d[.!?])|(?!\d))[\"')\]]*)")
# The characters of `\s`, as the body of a class: the regex engine tests a class of plain
# characters by a table look-up, but `\s` by a call per character (a test checks they are the same).
SPACE_CLASS = "\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Clauses split at commas and semicolons and before the connectives that open a new
# proposition; the connective stays with the clause it opens.
CONNECTIVES = ("فيما", "بينما", "في حين", "لكن", "لكنه", "لكنها", "غير ان", "الا ان", "كما", "ثم", "حيث")
_CLAUSE_BREAK = re.compile(rf"[،,;:{SPACE_CLASS}](?:(?<=[،,;:])|(?=(?:" + "|".join(CONNECTIVES) + r")\s))")
# A token is a word or one punctuation mark (where \w+ fails, a non-space is a non-word
# character); captured, so that splitting keeps the tokens.
_TOKEN = re.compile(rf"(\w+|[^{SPACE_CLASS}])")


class Token(NamedTuple):
    """A word or a punctuation mark (a tuple: documents have thousands of them)."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def _pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        _add_trimmed(out, text, pos, m.end())
        pos = m.end()
    _add_trimmed(out, text, pos, end)
    return out


def _add_trimmed(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """text[start:end] without its outer whitespace, unless nothing is left."""
    rest = text[start:end].lstrip()
    if rest:
        start = end - len(rest)
        out.append((start, start + len(rest.rstrip())))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence ranges within text[start:end]."""
    return _pieces(text, start, len(text) if end is None else end, _SENTENCE_END)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause ranges within one sentence."""
    return _pieces(text, start, end, _CLAUSE_BREAK)


def tokens(text: str) -> list[Token]:
    """Words (letters and digits) and single punctuation marks."""
    # An article has ~700 tokens: split keeps them with the whitespace between (at odd places),
    # the running length gives every offset, and tuple.__new__ skips the Python-level
    # NamedTuple constructor, so no Python code runs per token.
    parts = _TOKEN.split(text)
    ends = list(accumulate(map(len, parts)))
    return list(map(tuple.__new__, repeat(Token), zip(ends[:-1:2], ends[1::2], parts[1::2], strict=True)))


def range_index(ranges: list[tuple[int, int]], n: int, default: int = -1) -> list[int]:
    """For each position below n, the index of the first range holding it, else `default`:
    the coders ask which sentence or clause a token or offset is in hundreds of times."""
    at = [default] * n
    for i in range(len(ranges) - 1, -1, -1):  # backwards, so the first range wins
        lo, hi = max(ranges[i][0], 0), min(ranges[i][1], n)
        if lo < hi:
            at[lo:hi] = [i] * (hi - lo)
    return at
