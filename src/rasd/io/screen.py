"""Checks every record passes before coding, whatever brought it (files, the API): it has text,
a sane size, no binary data, and it is Arabic."""

from __future__ import annotations

from rasd.io.language import not_arabic_reason
from rasd.io.records import Record, Skip

MAX_CHARS = 1_000_000  # far beyond any article: bigger inputs are dumps or junk, not news


def screen(record: Record) -> Skip | None:
    """A Skip saying why this record must not be coded, or None when it is fit."""
    text = record.text.strip()
    if not text:
        return Skip(record.source, "empty", "no text")
    if len(text) > MAX_CHARS:
        return Skip(record.source, "too-large", f"{len(text):,} characters > {MAX_CHARS:,}")
    if "\x00" in text:  # decoded files were refused for NUL bytes already; JSON strings can still carry them
        return Skip(record.source, "encoding", "binary data (NUL characters), not text")
    reason = not_arabic_reason(text)
    if reason:
        return Skip(record.source, "language", f"not Arabic: {reason}")
    return None
