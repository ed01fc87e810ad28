"""JSONL and CSV files with id/url/title/published/text columns."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.io.encoding import DecodeError, decode
from rasd.io.fields import record_from_fields
from rasd.io.records import Record, Skip

csv.field_size_limit(sys.maxsize)  # articles are long; the default 128 KiB cap cuts them


def read_jsonl_lines(path: Path, start: int, end: int | None, first_line: int) -> Iterator[Record | Skip]:
    """Lines of a JSONL file between two byte offsets; a bad line is skipped, not fatal."""
    with path.open("rb") as stream:
        stream.seek(start)
        data = stream.read() if end is None else stream.read(end - start)
    for n, raw in enumerate(data.splitlines(), first_line):
        if raw.strip():
            obj = json_object(raw, f"{path}:{n}")
            yield obj if isinstance(obj, Skip) else record_from_fields(obj, f"{path}:{n}")


def json_object(raw: bytes, source: str) -> dict[str, Any] | Skip:
    """One JSONL line as an object, in whatever encoding the line is in."""
    try:
        obj = json.loads(decode(raw))
    except (DecodeError, ValueError) as err:
        return Skip(source, "malformed", f"JSON line: {err}")
    if not isinstance(obj, dict):
        return Skip(source, "malformed", f"JSON line is a {type(obj).__name__}, not an object")
    return obj


def read_csv(path: Path) -> Iterator[Record | Skip]:
    try:
        text = decode(path.read_bytes())
    except DecodeError as err:
        yield Skip(str(path), "encoding", str(err))
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if "text" not in {(name or "").strip().lower() for name in reader.fieldnames or ()}:
        yield Skip(str(path), "malformed", f"CSV has no 'text' column (columns: {reader.fieldnames})")
        return
    try:
        for row in reader:
            yield record_from_fields(row, f"{path}:{reader.line_num}")
    except csv.Error as err:
        yield Skip(f"{path}:{reader.line_num}", "malformed", f"CSV: {err}")
