"""Readers: files, folders, JSONL, CSV, HTML, WARC and feeds to `Record`s, or `Skip`s with a reason."""

from rasd.io.records import Record, Skip
from rasd.io.sources import Unit, discover, read_unit

__all__ = ["Record", "Skip", "Unit", "discover", "read_unit"]
