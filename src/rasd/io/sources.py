"""Inputs to work units: files and folders are found, sorted, sized up, and read by kind.

A `Unit` is the smallest piece of input one worker reads on its own: a whole file, or a run
of lines of a JSONL file, so that one big file still spreads over many workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.io.feeds import read_feed
from rasd.io.html import html_record
from rasd.io.plain import read_text_file
from rasd.io.records import Record, Skip
from rasd.io.screen import MAX_CHARS
from rasd.io.tabular import read_csv, read_jsonl_lines
from rasd.io.warc import read_warc

_KINDS = {
    ".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".html": "html",
    ".htm": "html", ".warc": "warc", ".warc.gz": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_WHOLE_FILE_LIMIT = 4 * MAX_CHARS  # bytes; a single article file past this is skipped unread
JSONL_LINES_PER_UNIT = 200


@dataclass(frozen=True, slots=True)
class Unit:
    path: str
    kind: str  # a key of _KINDS' values, or "unsupported" / "missing"
    start: int = 0  # byte range, for JSONL runs of lines
    end: int | None = None
    first_line: int = 1

    @property
    def key(self) -> str:
        return f"{self.path}@{self.start}-{self.end}"


def _kind(path: Path) -> str:
    name = path.name.lower()
    return next((kind for suffix, kind in _KINDS.items() if name.endswith(suffix)), "unsupported")


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file()
                          and not any(part.startswith(".") for part in p.relative_to(path).parts))
    else:
        yield path


def _jsonl_units(path: Path, lines_per_unit: int) -> Iterator[Unit]:
    start = pos = 0
    first = line = 1
    with path.open("rb") as stream:
        for raw in stream:
            pos += len(raw)
            if line - first + 1 == lines_per_unit:
                yield Unit(str(path), "jsonl", start, pos, first)
                start, first = pos, line + 1
            line += 1
    if start < pos or start == 0:
        yield Unit(str(path), "jsonl", start, None, first)


def discover(paths: Iterable[str | Path], lines_per_unit: int = JSONL_LINES_PER_UNIT) -> list[Unit]:
    """Every unit of work under the given files and folders, in a stable order."""
    units: list[Unit] = []
    for given in paths:
        given = Path(given)
        if not given.exists():
            units.append(Unit(str(given), "missing"))
            continue
        for path in _files(given):
            kind = _kind(path)
            units.extend(_jsonl_units(path, lines_per_unit) if kind == "jsonl" else [Unit(str(path), kind)])
    return units


def read_unit(unit: Unit) -> Iterator[Record | Skip]:
    """The records (and skipped inputs) of one unit; never raises on bad input."""
    try:
        yield from _read(unit)
    except OSError as err:
        yield Skip(unit.path, "unreadable", str(err))


def _read(unit: Unit) -> Iterator[Record | Skip]:
    path = Path(unit.path)
    if unit.kind == "missing":
        yield Skip(unit.path, "missing", "no such file or folder")
    elif unit.kind == "unsupported":
        yield Skip(unit.path, "unsupported", f"unknown file type {path.suffix or path.name!r}")
    elif unit.kind == "jsonl":
        yield from read_jsonl_lines(path, unit.start, unit.end, unit.first_line)
    elif unit.kind == "csv":
        yield from read_csv(path)
    elif unit.kind == "warc":
        yield from read_warc(path)
    elif unit.kind == "feed":
        yield from read_feed(path)
    elif path.stat().st_size > _WHOLE_FILE_LIMIT:
        yield Skip(unit.path, "too-large", f"{path.stat().st_size:,} bytes > {_WHOLE_FILE_LIMIT:,}")
    elif unit.kind == "html":
        yield html_record(path.read_bytes(), unit.path)
    else:
        yield read_text_file(path)
