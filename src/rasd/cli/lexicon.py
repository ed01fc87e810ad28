"""`rasd lexicon check|stats`: validate the lexicon files and report their breadth."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rasd.cli.app import app
from rasd.lexicons.check import check, stats

lexicon_app = typer.Typer(help="Validate and measure the lexicons.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("check")
def check_command() -> None:
    """Validate every lexicon file; exit 1 on any problem."""
    problems = check()
    for p in problems:
        typer.echo(str(p))
    typer.echo(f"{len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


@lexicon_app.command("stats")
def stats_command(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Breadth of the lexicons: countries, people, organisations, triggers, places."""
    figures = stats()
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    table = Table("lexicon", "size")
    for key, value in figures.items():
        table.add_row(key, str(value))
    Console().print(table)
