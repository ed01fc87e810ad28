"""Loose input fields (JSONL objects, CSV rows, feed entries) to a `Record`."""

from __future__ import annotations

from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

from rasd.io.records import Record, Skip


def parse_published(value: Any) -> date | None:
    """An ISO date or timestamp, or an RFC 822 date as feeds write them; None when unreadable."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def lowered(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields by their names in lower case, without surrounding spaces."""
    return {str(k).strip().lower(): v for k, v in fields.items()}


def record_from_fields(fields: dict[str, Any], source: str, keep_empty: bool = False) -> Record | Skip:
    """Columns id/url/title/published/text (any case); a missing or empty text is a Skip, unless
    `keep_empty` asks for an empty record (an output row is still owed for it)."""
    lower = lowered(fields)
    text = lower.get("text", "" if keep_empty else None)
    if not isinstance(text, str) or not (text.strip() or keep_empty):
        return Skip(source, "empty", "no 'text' field" if text is None else "empty 'text' field")
    return Record(text=text, source=source, id=_text(lower.get("id")), url=_text(lower.get("url")),
                  title=_text(lower.get("title")), published=parse_published(lower.get("published")),
                  outlet=_text(lower.get("source")))
