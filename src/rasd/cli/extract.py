"""`rasd extract`: code one article, or a JSONL stream of them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import typer

import rasd
from rasd.cli.app import app
from rasd.cli.render import render
from rasd.io.encoding import DecodeError, decode
from rasd.io.fields import parse_published


@app.command()
def extract(
    source: str = typer.Argument("-", help="A text file, a JSONL file with --jsonl, or - for stdin."),
    jsonl: bool = typer.Option(False, "--jsonl",
                               help="Input is JSONL (id, text, published…); print the FORMAT.md contract."),
    as_json: bool = typer.Option(False, "--json", help="Print the document as JSON."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) for a single text."),
) -> None:
    """Extract events, dates, places and statements from Arabic news."""
    if jsonl:
        if source == "-":
            _print_jsonl(sys.stdin)
        else:
            with _opened(source).open(encoding="utf-8", errors="replace") as stream:
                _print_jsonl(stream)
        return
    text = sys.stdin.read() if source == "-" else _read_text(_opened(source))
    try:
        doc = rasd.extract(text, published, doc_id=None if source == "-" else Path(source).name)
    except ValueError as err:  # an unreadable --published
        raise typer.BadParameter(str(err), param_hint="--published") from err
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
    try:
        return decode(path.read_bytes())
    except DecodeError as err:
        raise typer.BadParameter(f"{path}: {err}", param_hint="source") from err


def _print_jsonl(lines: Iterable[str]) -> None:
    """One output object per input document, in the FORMAT.md contract; a line that is not a
    JSON object with a text is reported on stderr and skipped, the others still coded."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("text") or "", str):
                raise ValueError("not a JSON object with a text")
        except ValueError as err:
            typer.echo(f"rasd extract: line {number} skipped: {err}", err=True)
            continue
        published = parse_published(rec.get("published"))
        if published is None and rec.get("published"):
            typer.echo(f"rasd extract: line {number}: unreadable published date {rec['published']!r}, "
                       "dates left unresolved", err=True)
        doc = rasd.extract(rec.get("text") or "", published, doc_id=rec.get("id"),
                           title=rec.get("title"), url=rec.get("url"))
        print(json.dumps(doc.to_dict(), ensure_ascii=False))
