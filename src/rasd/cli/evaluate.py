"""`rasd eval GOLD.jsonl`: run the extractor on a gold file and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from rasd.cli.app import app
from rasd.cli.extract import coded
from rasd.evaluation import load_jsonl, report, score
from rasd.io.records import Record
from rasd.pipeline import parse_date


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(exists=True, help="Gold JSONL (see ../shared/eval/FORMAT.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    save: Annotated[Path | None, typer.Option(help="Also write the predictions as JSONL here.")] = None,
) -> None:
    """Score Rasd on a gold file with the reference scorer's figures."""
    golds = load_jsonl(gold)
    # An engine error on a document scores it as an empty prediction (and says so on stderr).
    preds = [coded(Record(g["text"], f"{gold.name}:{g['id']}", id=g["id"], published=parse_date(g.get("published"))))
             for g in golds]
    if save:
        save.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    res = score(golds, preds)
    typer.echo(json.dumps(res) if as_json else report(res))
