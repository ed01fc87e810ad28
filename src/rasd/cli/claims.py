"""`rasd claims`: the claims ledger of a set of articles, readable or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

import rasd
from rasd.claims.ledger import Group, Ledger
from rasd.cli.app import app
from rasd.doc import Doc
from rasd.io import Record, Skip, discover, read_unit
from rasd.io.screen import screen


def _coded(paths: list[Path]) -> Iterator[tuple[Doc, str]]:
    """Each coded article with its outlet, read and named as `rasd ingest` does; skips go to stderr."""
    for unit in discover(paths):
        for read in read_unit(unit):
            record = screen(read) or read if isinstance(read, Record) else read
            if isinstance(record, Skip):
                typer.echo(f"rasd claims: {record.source} skipped ({record.reason}): {record.detail}", err=True)
                continue
            doc = rasd.extract(record.text, record.published, doc_id=record.id or record.doc_id,
                               title=record.title, url=record.url)
            yield doc, record.source_name


def _show(group: Group) -> str:
    head = group.to_dict()
    dates = "–".join(dict.fromkeys(head["dates"])) if head["dates"] else "undated"
    flag = "CONTESTED " if group.contested else ""
    lines = [f"{flag}{head['type']} {'/'.join(head['parties'])} {dates}"]
    for s in group.sides:
        who = s.speaker or "reporter"
        lines.append(f"  {s.stance:<6} {s.source} ({s.published or '?'}) {who}"
                     f"{' [anonymous]' if s.anonymous else ''}: {s.evidence}")
    return "\n".join(lines)


@app.command()
def claims(
    files: Annotated[list[Path], typer.Argument(
        exists=True, help="Articles: text, JSONL, CSV, HTML, WARC or feed files, or folders.")],
    contested: Annotated[bool, typer.Option("--contested", help="Only propositions sources disagree on.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ledger as JSON.")] = False,
) -> None:
    """Who asserts and who denies each claim, across articles."""
    book = Ledger()
    for doc, outlet in _coded(files):  # one document at a time: the ledger keeps its sides only
        book.add(doc, outlet)
    groups = book.groups
    if contested:
        groups = [g for g in groups if g.contested]
    if as_json:
        print(json.dumps([g.to_dict() for g in groups], ensure_ascii=False, indent=1))
        return
    print("\n\n".join(_show(g) for g in groups) or "no claims")
