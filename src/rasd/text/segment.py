"""Sentences, clauses and tokens of folded Arabic text (offsets are folded offsets)."""

from __future__ import annotations

import re

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


class Token:
    """A word or a punctuation mark, in folded offsets. Documents have thousands: a class with
    slots, whose fields compiled code reads directly (a named tuple's go through a descriptor)."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"

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
    # Split keeps the tokens with the whitespace between them (tokens at odd places).
    parts = _TOKEN.split(text)
    found: list[Token] = []
    end = 0
    for i in range(1, len(parts), 2):
        start = end + len(parts[i - 1])
        end = start + len(parts[i])
        found.append(Token(start, end, parts[i]))
    return found


def range_index(ranges: list[tuple[int, int]], n: int, default: int = -1) -> list[int]:
    """For each position below n, the index of the first range holding it, else `default`:
    the coders ask which sentence or clause a token or offset is in hundreds of times."""
    at = [default] * n
    for i in range(len(ranges) - 1, -1, -1):  # backwards, so the first range wins
        lo, hi = max(ranges[i][0], 0), min(ranges[i][1], n)
        if lo < hi:
            at[lo:hi] = [i] * (hi - lo)
    return at
