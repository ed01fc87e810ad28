"""RSS and Atom feeds saved as files: every entry with text becomes a record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser
from selectolax.lexbor import LexborHTMLParser

from rasd.io.fields import parse_published
from rasd.io.records import Record, Skip


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    # Full content when the feed carries it, else the summary; both are HTML fragments.
    html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
    return LexborHTMLParser(html).text(separator="\n").strip() if html else ""


def read_feed(path: Path) -> Iterator[Record | Skip]:
    parsed = feedparser.parse(path.read_bytes())
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Skip(str(path), "malformed" if problem else "empty", f"feed: {problem or 'no entries'}")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        source = f"{path}#{n}"
        text = _entry_text(entry)
        if not text:
            yield Skip(source, "empty", "feed entry without content or summary")
            continue
        yield Record(text=text, source=source, id=entry.get("id"), url=entry.get("link"),
                     title=entry.get("title"), outlet=outlet,
                     published=parse_published(entry.get("published") or entry.get("updated")))
