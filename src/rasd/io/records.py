"""What readers hand on: an input `Record` to code, or a `Skip` that says why an input was left out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit


def content_id(*parts: str | None) -> str:
    """A stable id from content, so that the same input gets the same id on every run."""
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return digest.hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Record:
    """One article as read from an input, before coding."""

    text: str
    source: str  # where it came from: path plus a locator (line, record offset, entry)
    id: str | None = None  # the input's own id, if it had one
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None  # the publishing source's name when the input says (feed title, column)

    @property
    def doc_id(self) -> str:
        # Everything the coding depends on goes in, so one id always means one coding.
        published = self.published.isoformat() if self.published else None
        return content_id(self.url, self.title, published, self.text)

    @property
    def source_name(self) -> str:
        """The outlet counted by fusion: URL host, else the named outlet, else the input file."""
        host = urlsplit(self.url).hostname if self.url else None
        if host:
            return host.removeprefix("www.")
        return self.outlet or self.source.rsplit(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Skip:
    """An input left out, with the reason; stored so nothing disappears silently."""

    source: str
    reason: str  # short category: empty, encoding, language, too-large, malformed, unsupported, …
    detail: str = ""

    @property
    def skip_id(self) -> str:
        return content_id(self.source, self.reason, self.detail)
