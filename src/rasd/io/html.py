"""HTML pages to records: main text, title, date and URL by trafilatura, charset from the page."""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from rasd.io.encoding import DecodeError, decode
from rasd.io.fields import parse_published
from rasd.io.records import Record, Skip

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def html_record(data: bytes, source: str, url: str | None = None,
                charset: str | None = None) -> Record | Skip:
    """One page; `charset` is what the transport said (HTTP header), else the page's own meta tag."""
    try:
        page = decode(data, charset or meta_charset(data))
    except DecodeError as err:
        return Skip(source, "encoding", str(err))
    try:
        # A Document with these arguments (a dict only with as_dict=True, the old default).
        found: Any = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    except (ValueError, TypeError) as err:  # trafilatura raises these on trees it cannot parse
        return Skip(source, "malformed", f"HTML: {err}")
    if found is None or not (found.text or "").strip():
        return Skip(source, "empty", "HTML: no main text found")
    return Record(text=found.text, source=source, url=found.url or url, title=found.title,
                  published=parse_published(found.date), outlet=found.sitename)
