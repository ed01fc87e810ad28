"""WARC web archives (Common Crawl style): every HTML response record becomes a page."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasd.io.html import html_record
from rasd.io.records import Record, Skip


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            return value.strip("\"' ") or None
    return None


def _starts_as_warc(path: Path) -> bool:
    # warcio reads any text as a legacy ARC file, so junk would pass as "records".
    try:
        with gzip.open(path) as stream:
            head = stream.read(5)
    except (OSError, EOFError, zlib.error):
        with path.open("rb") as stream:
            head = stream.read(5)
    return head == b"WARC/"


def read_warc(path: Path) -> Iterator[Record | Skip]:
    """Response records only: requests, metadata and the like are not inputs."""
    if not _starts_as_warc(path):
        yield Skip(str(path), "malformed", "not a WARC file (no WARC/ header)")
        return
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for rec in records:
                if rec.rec_type != "response":
                    continue
                content_type = rec.http_headers.get_header("Content-Type", "") if rec.http_headers else ""
                html = "html" in content_type.lower()
                # Only pages are read; asking for the offset consumes the record without buffering it.
                body = rec.content_stream().read() if html else b""
                source = f"{path}@{records.get_record_offset()}"
                if not html:
                    yield Skip(source, "unsupported", f"WARC response is {content_type or 'untyped'}, not HTML")
                    continue
                yield html_record(body, source, rec.rec_headers.get_header("WARC-Target-URI"), _charset(content_type))
        except ArchiveLoadFailed as err:
            yield Skip(str(path), "malformed", f"WARC: {err}")
