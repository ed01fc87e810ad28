"""The corpus commands end to end on the bundled samples: ingest, events, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from rasd.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_samples_ingest_query_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.duckdb")
    _ok("ingest", str(SAMPLES), "--db", db)
    _ok("ingest", str(SAMPLES), "--db", db)
    rows = json.loads(_ok("events", "--db", db, "--format", "json"))
    assert all(r["url"] is None or r["url"].startswith("https://") for r in rows)
    assert len({r["event_id"] for r in rows}) == len(rows)  # the second ingest added nothing
    table = list(csv.DictReader(io.StringIO(_ok("events", "--db", db, "--format", "csv", "--type", "NOPE"))))
    assert table == []
    for fmt, name in (("plover", "e.jsonl"), ("gdelt", "e.tsv"), ("parquet", "pq")):
        _ok("export", str(tmp_path / name), "--format", fmt, "--db", db)
    assert (tmp_path / "e.tsv").read_text(encoding="utf-8").startswith("GLOBALEVENTID\tSQLDATE")
    assert {p.stem for p in (tmp_path / "pq").iterdir()} >= {"documents", "events", "statements", "skipped"}
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (11,)
    assert "events" in _ok("events", "--db", db, "--country", "TUR")
