"""`rasd eval GOLD.jsonl`: run the extractor on a gold file and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

import rasd
from rasd.cli.app import app
from rasd.evaluation import load_jsonl, report, score


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(exists=True, help="Gold JSONL (see ../shared/eval/FORMAT.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    save: Annotated[Path | None, typer.Option(help="Also write the predictions as JSONL here.")] = None,
) -> None:
    """Score Rasd on a gold file with the reference scorer's figures."""
    golds = load_jsonl(gold)
    preds = [rasd.extract(g["text"], g.get("published"), doc_id=g["id"]).to_dict() for g in golds]
    if save:
        save.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    res = score(golds, preds)
    typer.echo(json.dumps(res) if as_json else report(res))
