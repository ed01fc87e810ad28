"""`rasd batch` on a 2-worker local Dask cluster stores the same rows as `rasd ingest`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.store.batch import finished_partitions
from rasd.store.database import Store
from rasd.store.schema import INPUT_TABLES
from test_io_readers import BODY, BODY2
from test_store import make_corpus
from test_store_resume import dump


@pytest.mark.parametrize("duplicate", [False, True], ids=["each-once", "article-in-two-inputs"])
def test_batch_on_two_workers_equals_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            duplicate: bool) -> None:
    monkeypatch.chdir(tmp_path)  # relative inputs, as typed at a prompt, must reach the workers
    make_corpus(Path("in"))
    with Path("in/more.jsonl").open("w", encoding="utf-8") as out:
        for i in range(60):
            out.write(json.dumps({"id": str(i), "url": f"https://n{i % 4}.example.com/{i}",
                                  "published": f"2024-03-{1 + i % 20:02d}",
                                  "text": f"{BODY if i % 2 else BODY2} ({i})"}, ensure_ascii=False) + "\n")
    if duplicate:  # the same 60 articles again, coded by another task: the load must drop them
        shutil.copy("in/more.jsonl", "in/more-copy.jsonl")
    loads: list[bool] = []
    insert_all = Store._insert_all

    def spy(self: Store, sources: dict[str, str], unique: bool = False) -> None:
        loads.append(unique)
        insert_all(self, sources, unique)

    monkeypatch.setattr(Store, "_insert_all", spy)
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", "in", "--db", "single.duckdb"])
    assert ingest.exit_code == 0, ingest.output
    batch = runner.invoke(app, ["batch", "in", "--out", "parts", "--db", "batch.duckdb", "--workers", "2"])
    assert batch.exit_code == 0, batch.output
    assert loads[-1] is not duplicate  # the sort-free load only when no document comes twice
    single = dump(Path("single.duckdb"))
    assert len(single["documents"]) == 67 and single["skipped"] and single["fused_events"]
    assert dump(Path("batch.duckdb")) == single
    partitions = {p.parent.name for p in Path("parts").glob("*/part-*.parquet")}
    assert partitions >= {"documents", "skipped", "events"}

    again = runner.invoke(app, ["batch", "in", "--out", "parts", "--db", "batch.duckdb"])  # all tasks done
    assert again.exit_code == 0, again.output
    assert dump(Path("batch.duckdb")) == single


def test_only_finished_tasks_are_loaded(tmp_path: Path) -> None:
    for key in ("done", "killed"):  # "killed" wrote its events, then died before its marker
        (tmp_path / "events").mkdir(exist_ok=True)
        (tmp_path / "events" / f"part-{key}.parquet").touch()
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "part-done.parquet").touch()
    (tmp_path / "_done").mkdir()
    (tmp_path / "_done" / "done").touch()
    partitions = finished_partitions(tmp_path)
    assert partitions["events"] == [tmp_path / "events" / "part-done.parquet"]
    assert partitions["documents"] == [tmp_path / "documents" / "part-done.parquet"]
    assert set(partitions) == set(INPUT_TABLES) and partitions["skipped"] == []
