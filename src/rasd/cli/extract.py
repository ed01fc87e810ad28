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
            with Path(source).open(encoding="utf-8") as stream:
                _print_jsonl(stream)
        return
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    doc = rasd.extract(text, published, doc_id=None if source == "-" else Path(source).name)
    if as_json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
    else:
        render(doc)


def _print_jsonl(lines: Iterable[str]) -> None:
    """One output object per input document, in the FORMAT.md contract."""
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            doc = rasd.extract(rec.get("text") or "", rec.get("published"), doc_id=rec.get("id"),
                               title=rec.get("title"), url=rec.get("url"))
            print(json.dumps(doc.to_dict(), ensure_ascii=False))
