"""Corpus commands: `rasd ingest`, `rasd batch`, `rasd events`, `rasd export`."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from rasd.cli.app import app
from rasd.io.sources import discover
from rasd.store.database import DEFAULT_DB, Store
from rasd.store.export import export_gdelt, export_plover
from rasd.store.ingest import BATCH_DOCS, RunStats
from rasd.store.ingest import ingest as run_ingest
from rasd.store.query import COLUMNS, EventFilter, find_events

console = Console(stderr=True)
Db = Annotated[Path, typer.Option("--db", help="DuckDB file of the store.")]
Inputs = Annotated[list[str], typer.Argument(
    help="Files and folders: .txt .jsonl .csv .html .warc(.gz) .rss .atom .xml")]
Opt = typer.Option


@contextmanager
def _progress(label: str, total: int) -> Iterator[tuple[Progress, TaskID]]:
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[docs]:,} docs · {task.fields[rate]:,.0f} docs/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        yield progress, progress.add_task(label, total=total, docs=0, rate=0.0)


def _summary(store: Store, docs: int, seconds: float) -> None:
    counts = store.counts()
    console.print(f"added {docs:,} documents in {seconds:.1f}s ({docs / max(seconds, 1e-9):,.0f} docs/s) → "
                  f"{store.path}: " + ", ".join(f"{name} {n:,}" for name, n in counts.items()))


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = Path(DEFAULT_DB),
    commit_every: Annotated[int, Opt(
        "--commit-every", min=1, help="Documents per transaction; a crash loses at most one.")] = BATCH_DOCS,
) -> None:
    """Read, code and store a corpus in one process (resumable, idempotent)."""
    units = discover(inputs)
    start = time.perf_counter()
    with Store(db) as store:
        with _progress("ingest", len(units)) as (progress, task):
            def advance(_unit: object, stats: RunStats) -> None:
                rate = stats.documents / (time.perf_counter() - start)
                progress.update(task, advance=1, docs=stats.documents, rate=rate)

            stats = run_ingest(units, store, commit_every, on_unit=advance)
        _summary(store, stats.documents, time.perf_counter() - start)
    if stats.skipped:
        console.print("skipped this run: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.skipped.items())))


@app.command()
def batch(
    inputs: Inputs,
    out: Annotated[Path, Opt("--out", help="Folder for the partitioned Parquet output.")],
    db: Db = Path(DEFAULT_DB),
    workers: Annotated[int, Opt("--workers", min=1, help="Worker processes of the local cluster.")] = 2,
    scheduler: Annotated[str | None, Opt(
        "--scheduler", help="tcp://HOST:PORT of an existing Dask cluster (its workers need rasd "
                            "installed and must see the inputs and --out).")] = None,
) -> None:
    """Code a corpus in parallel with Dask into Parquet partitions, then load them into DuckDB."""
    # Dask is imported here: it costs every other command a second of start-up.
    from rasd.store.batch import TaskResult, pending, plan_tasks, run_batch

    units = discover(inputs)
    todo = len(pending(plan_tasks(units), out.absolute()))
    start = time.perf_counter()
    docs = skipped = 0
    with Store(db) as store:
        with _progress("batch", todo) as (progress, task):
            def advance(result: TaskResult) -> None:
                nonlocal docs, skipped
                docs += result.documents
                skipped += result.skipped
                progress.update(task, advance=1, docs=docs, rate=docs / (time.perf_counter() - start))

            run_batch(units, out, store, workers=workers, scheduler=scheduler, on_task=advance)
        _summary(store, docs, time.perf_counter() - start)
    if skipped:
        console.print(f"skipped this run: {skipped:,} inputs (reasons in the skipped table)")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def events(
    db: Db = Path(DEFAULT_DB),
    actor: Annotated[str | None, Opt(help="Actor code or country, e.g. SYR/GOV or SYR.")] = None,
    recipient: Annotated[str | None, Opt(help="Recipient code or country.")] = None,
    country: Annotated[str | None, Opt(help="Country as actor, recipient or place.")] = None,
    type_: Annotated[str | None, Opt("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, Opt(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Opt(help="Up to this date (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Opt(help="Part of the place name (English or Arabic).")] = None,
    text: Annotated[str | None, Opt(help="Part of the trigger, title or article text.")] = None,
    limit: Annotated[int | None, Opt(help="At most this many events.")] = None,
    fmt: Annotated[Format, Opt("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """List stored events matching the filters."""
    flt = EventFilter(actor, recipient, country, type_, date.fromisoformat(since) if since else None,
                      date.fromisoformat(until) if until else None, place, text, limit)
    with Store(db) as store:
        rows = find_events(store.con, flt)
    if fmt is Format.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(*COLUMNS[:8], title=f"{len(rows)} events")
        for row in rows:
            table.add_row(*("" if row[c] is None else str(row[c]) for c in COLUMNS[:8]))
        Console().print(table)


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    parquet = "parquet"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file (plover, gdelt) or folder (parquet).")],
    fmt: Annotated[ExportFormat, Opt("--format", help="plover (JSON lines of fused events), gdelt (TSV), "
                                                      "parquet (every table).")] = ExportFormat.plover,
    db: Db = Path(DEFAULT_DB),
) -> None:
    """Export fused events as PLOVER JSON or GDELT-style TSV, or every table as Parquet."""
    with Store(db) as store:
        if fmt is ExportFormat.parquet:
            console.print(f"wrote {len(store.export_parquet(out))} tables to {out}")
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        n = (export_plover if fmt is ExportFormat.plover else export_gdelt)(store.con, out)
    console.print(f"wrote {n:,} fused events to {out}")
