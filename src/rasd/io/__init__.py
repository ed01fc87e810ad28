"""Readers: files, folders, JSONL, CSV, HTML, WARC and feeds to `Record`s, or `Skip`s with a reason."""

from typing import Any

from rasd.io.records import Record, Skip

__all__ = ["Record", "Skip", "Unit", "discover", "read_unit"]


def __getattr__(name: str) -> Any:
    # The readers pull in trafilatura, warcio and feedparser: loaded on first use, so that
    # `rasd.extract` and the light readers (fields, plain text) start fast.
    if name in ("Unit", "discover", "read_unit"):
        from rasd.io import sources

        return getattr(sources, name)
    raise AttributeError(f"module 'rasd.io' has no attribute {name!r}")
