"""`rasd batch` on a 2-worker local Dask cluster stores the same rows as `rasd ingest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from test_io_readers import BODY, BODY2
from test_store import make_corpus
from test_store_resume import dump


def test_batch_on_two_workers_equals_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative inputs, as typed at a prompt, must reach the workers
    make_corpus(Path("in"))
    with Path("in/more.jsonl").open("w", encoding="utf-8") as out:
        for i in range(60):
            out.write(json.dumps({"id": str(i), "url": f"https://n{i % 4}.example.com/{i}",
                                  "published": f"2024-03-{1 + i % 20:02d}",
                                  "text": f"{BODY if i % 2 else BODY2} ({i})"}, ensure_ascii=False) + "\n")
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", "in", "--db", "single.duckdb"])
    assert ingest.exit_code == 0, ingest.output
    batch = runner.invoke(app, ["batch", "in", "--out", "parts", "--db", "batch.duckdb", "--workers", "2"])
    assert batch.exit_code == 0, batch.output
    single = dump(Path("single.duckdb"))
    assert len(single["documents"]) == 67 and single["skipped"]
    assert dump(Path("batch.duckdb")) == single
    partitions = {p.parent.name for p in Path("parts").glob("*/part-*.parquet")}
    assert partitions >= {"documents", "skipped", "events"}

    again = runner.invoke(app, ["batch", "in", "--out", "parts", "--db", "batch.duckdb"])  # all tasks done
    assert again.exit_code == 0, again.output
    assert dump(Path("batch.duckdb")) == single
