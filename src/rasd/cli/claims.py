"""`rasd claims`: the claims ledger of a set of articles, readable or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import typer

import rasd
from rasd.claims.ledger import Group, ledger
from rasd.cli.app import app
from rasd.doc import Doc


def _docs(path: Path) -> Iterator[Doc]:
    """JSONL records (id, text, published, url/source) one per line, or one plain-text article."""
    if path.suffix != ".jsonl":
        yield rasd.extract(path.read_text(encoding="utf-8"), doc_id=path.stem)
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                yield rasd.extract(rec.get("text") or "", rec.get("published"), doc_id=rec.get("id"),
                                   title=rec.get("title"), url=rec.get("url") or rec.get("source"))


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
    files: list[Path] = typer.Argument(..., exists=True, help="JSONL documents or plain-text articles."),
    contested: bool = typer.Option(False, "--contested", help="Only propositions sources disagree on."),
    as_json: bool = typer.Option(False, "--json", help="Print the ledger as JSON."),
) -> None:
    """Who asserts and who denies each claim, across articles."""
    groups = ledger([doc for path in files for doc in _docs(path)])
    if contested:
        groups = [g for g in groups if g.contested]
    if as_json:
        print(json.dumps([g.to_dict() for g in groups], ensure_ascii=False, indent=1))
        return
    print("\n\n".join(_show(g) for g in groups) or "no claims")
