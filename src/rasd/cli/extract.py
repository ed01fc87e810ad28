"""`rasd extract`: code one article, or a JSONL stream of them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

import rasd
from rasd.cli.app import app
from rasd.cli.render import render
from rasd.io.fields import lowered, record_from_fields
from rasd.io.plain import read_text_file
from rasd.io.records import Record, Skip
from rasd.io.screen import screen
from rasd.io.tabular import json_object
from rasd.pipeline import parse_date


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A text file, a JSONL file with --jsonl, or - for stdin.")] = "-",
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Input is JSONL (id, text, published…); print the FORMAT.md contract.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the document as JSON.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for a single text.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Code texts the input checks refuse (not Arabic, empty, huge).")] = False,
) -> None:
    """Extract events, dates, places and statements from Arabic news."""
    if jsonl:
        if source == "-":
            _print_jsonl(sys.stdin.buffer, force)
        else:
            with _opened(source).open("rb") as stream:
                _print_jsonl(stream, force)
        return
    try:
        date = parse_date(published)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--published") from err
    text = sys.stdin.read() if source == "-" else _read_text(_opened(source))
    refused = None if force else screen(Record(text, source))
    if refused is not None:
        typer.echo(f"rasd extract: {source}: not coded ({refused.reason}): {refused.detail}; "
                   "--force codes it anyway", err=True)
        raise typer.Exit(1)
    doc = rasd.extract(text, date, doc_id=None if source == "-" else Path(source).name)
    if as_json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
    else:
        render(doc)


def _opened(source: str) -> Path:
    path = Path(source)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {source}", param_hint="source")
    return path


def _read_text(path: Path) -> str:
    """The file's text in whatever encoding it is in (UTF-8, UTF-16, windows-1256 …)."""
    record = read_text_file(path)
    if isinstance(record, Skip):
        raise typer.BadParameter(f"{path}: {record.detail}", param_hint="source")
    return record.text


def _print_jsonl(lines: Iterable[bytes], force: bool) -> None:
    """One output object per input document, in the FORMAT.md contract; a text the input
    checks refuse (empty, not Arabic …) gets an empty one with a `skipped` reason. A line that
    is not a JSON object is reported on stderr and skipped, the others still coded."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        obj = json_object(raw, f"line {number}")
        record = obj if isinstance(obj, Skip) else record_from_fields(obj, f"line {number}", keep_empty=True)
        if isinstance(record, Skip):
            typer.echo(f"rasd extract: {record.source} skipped: {record.detail}", err=True)
            continue
        raw_date = lowered(obj).get("published")
        if record.published is None and raw_date:
            typer.echo(f"rasd extract: line {number}: unreadable published date {raw_date!r}, "
                       "dates left unresolved", err=True)
        refused = None if force else screen(record)
        if refused is not None:
            typer.echo(f"rasd extract: {record.source} not coded ({refused.reason}): {refused.detail}", err=True)
        print(json.dumps(coded(record, refused), ensure_ascii=False))


def coded(record: Record, refused: Skip | None = None) -> dict[str, Any]:
    """One record's output object: coded, or empty with the reason it was not."""
    try:
        doc = rasd.extract("" if refused else record.text, record.published, doc_id=record.id,
                           title=record.title, url=record.url)
    except Exception as err:  # one document the engine chokes on must not lose the others
        typer.echo(f"rasd extract: {record.source} not coded (extraction-error): {err!r}", err=True)
        refused = Skip(record.source, "extraction-error", f"{type(err).__name__}: {err}")
        doc = rasd.extract("", record.published, doc_id=record.id, title=record.title, url=record.url)
    out = doc.to_dict()
    if refused is not None:
        out["skipped"] = {"reason": refused.reason, "detail": refused.detail}
    return out
