"""Scraper debris: caption, tag, share, author and "read also" lines kept out of coding.

The text itself is never changed (every offset must index the input); debris lines
are reported as spans that the coding components skip.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.lexicons.loader import read_lexicon
from rasd.text.normalize import fold, fold_text
from rasd.text.segment import SPACE_CLASS

_LINE = re.compile(r"[^\n]+")
_EDGE_PUNCT = " \t:：.،,-–—|»«\"'"
# A photo caption ends with its credit in parentheses: "… في موسكو (وزارة الدفاع الروسية)".
_CAPTION = re.compile(r"\((?:[^()]{2,60})\)\s*$")
# Tag lines separate items by wide gaps or dashes; a comma-separated line is a sentence.
# \s{2,} or \s[-|/]\s, one whitespace test per position
_TAG_SEPARATOR = re.compile(f"[{SPACE_CLASS}](?:[{SPACE_CLASS}]+|[-|/][{SPACE_CLASS}])")


@cache
def _patterns() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = read_lexicon("debris")
    lines = frozenset(fold(r["pattern"]) for r in rows if r["kind"] == "line")
    prefixes = tuple(fold(r["pattern"]) for r in rows if r["kind"] == "prefix")
    return lines, prefixes


def _is_tag_line(line: str) -> bool:
    """Several short items and no sentence: "الأردن  إسرائيل  غزة" or "سوريا - الأردن - إسرائيل"."""
    items = [i for i in _TAG_SEPARATOR.split(line) if i.strip()]
    return len(items) >= 3 and all(len(i.split()) <= 3 for i in items)


def _is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line)) and len(line.split()) <= 30 and "." not in line[:-1].rstrip(")")


def debris_reason(line: str) -> str | None:
    """Why a line is debris, or None for body text."""
    # Not the cached `fold`: article lines are long and rarely seen twice.
    return _folded_reason(fold_text(line))


def _folded_reason(folded: str) -> str | None:
    # A line closed by a full stop is a sentence, though it end with its source in brackets
    # ("…، بحسب وكالة الأنباء السعودية (واس)."): captions and tag lines have none.
    sentence = folded.rstrip().endswith((".", "!", "?"))
    folded = folded.strip(_EDGE_PUNCT)
    if not folded:
        return None
    lines, prefixes = _patterns()
    if folded in lines:
        return "label"
    if folded.startswith(prefixes):
        return "link"
    if not sentence and _is_caption(folded):
        return "caption"
    if not sentence and _is_tag_line(folded):
        return "tags"
    return None


def debris_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every debris line, in original offsets."""
    # Folded once, not line by line: `fold_text` costs a search per folded character, whatever
    # the length. It maps characters one by one and keeps line breaks, so the folded text has
    # the lines of the text, in order.
    out: list[tuple[int, int, str]] = []
    start = 0
    for line, folded in zip(text.split("\n"), fold_text(text).split("\n"), strict=True):
        if line and (reason := _folded_reason(folded)):
            out.append((start, start + len(line), reason))
        start += len(line) + 1
    return out


# "بيروت - (الأناضول): …", "القاهرة ـ …", "الرباط - هسبريس: …": a place (and source) opening
# one of the first lines, before the dash that starts the body.
_DATELINE = re.compile(r"^(?P<place>[^\s\-ـ–:()]+(?: [^\s\-ـ–:()]+){0,2}) ?[ـ–-] ?"
                       r"(?:\([^)\n]{1,40}\) ?:?|[^\s:()]{2,20}:)? ?", re.MULTILINE)
_DATELINE_LINES = 3


def dateline(text: str) -> tuple[int, int, int] | None:
    """(start, end, place end) of the dateline in the first lines, if any."""
    for n, m in enumerate(_LINE.finditer(text)):
        if n >= _DATELINE_LINES:
            break
        d = _DATELINE.match(text, m.start(), m.end())
        if d and d.end() < m.end():
            return d.start(), d.end(), d.end("place")
    return None
