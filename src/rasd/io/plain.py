"""Plain text files: one article per file; a leading YYYY-MM-DD in the file name is its date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from rasd.io.encoding import DecodeError, decode
from rasd.io.records import Record, Skip

_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _published(path: Path) -> date | None:
    found = _DATED_NAME.match(path.name)
    try:
        return date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None


def read_text_file(path: Path) -> Record | Skip:
    try:
        text = decode(path.read_bytes())
    except DecodeError as err:
        return Skip(str(path), "encoding", str(err))
    return Record(text=text, source=str(path), id=path.stem, published=_published(path))
