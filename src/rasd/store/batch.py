"""Scale-out with Dask: workers code tasks of input and write Parquet partitions; DuckDB bulk-loads them.

Layout of the output folder: OUT/<table>/part-<task>.parquet for every input table, and
OUT/_done/<task> once all of a task's partitions are written, so a re-run redoes only
unfinished tasks. A task's id hashes its inputs (path, byte range, size, mtime).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dask
import pyarrow.parquet as pq
from distributed import Client, LocalCluster, as_completed

from rasd.io.records import Skip, content_id
from rasd.io.sources import JSONL_LINES_PER_UNIT, Unit, read_unit
from rasd.store.coding import code_items
from rasd.store.database import Store
from rasd.store.fusion import refresh_fused
from rasd.store.rows import RowBatch
from rasd.store.schema import INPUT_TABLES

DOCS_PER_TASK = 200  # small enough that 2 workers finish together, big enough for few files
# Settings of the local cluster (read when its scheduler and nannies start). Coding is pure
# Python and allocates many small objects: Dask's default malloc trim threshold (64 KiB, meant for
# workers that hold large arrays) and its stack-sampling profiler (every 10 ms) together cost the
# workers some 6 % of their CPU time. The event-loop tick (20 ms), memory monitor (100 ms) and
# system monitor (500 ms) feed warnings and a dashboard this cluster does not have; at their
# defaults the driver and nannies take ~3 s of CPU from the 2 workers over a 20,000-article run.
_LOCAL_CLUSTER = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                  "distributed.worker.profile.enabled": False,
                  "distributed.admin.tick.interval": "500ms",
                  "distributed.worker.memory.monitor-interval": "1s",
                  "distributed.admin.system-monitor.interval": "5s"}
_UNIT_DOCS = {"jsonl": JSONL_LINES_PER_UNIT, "csv": 100, "warc": 100, "feed": 20}  # guesses; else 1


@dataclass(frozen=True, slots=True)
class Task:
    units: tuple[Unit, ...]

    @property
    def key(self) -> str:
        stamps = []
        for unit in self.units:
            path = Path(unit.path)
            stat = path.stat() if path.exists() else None
            stamps.append(f"{unit.key}|{stat.st_size}|{stat.st_mtime_ns}" if stat else unit.key)
        return content_id(*stamps)


@dataclass(frozen=True, slots=True)
class TaskResult:
    documents: int
    skipped: int


def plan_tasks(units: list[Unit], docs_per_task: int = DOCS_PER_TASK) -> list[Task]:
    """Consecutive units grouped into tasks of about `docs_per_task` documents."""
    tasks: list[Task] = []
    group: list[Unit] = []
    size = 0
    for unit in units:
        group.append(unit)
        size += _UNIT_DOCS.get(unit.kind, 1)
        if size >= docs_per_task:
            tasks.append(Task(tuple(group)))
            group, size = [], 0
    if group:
        tasks.append(Task(tuple(group)))
    return tasks


def run_task(task: Task, out_dir: str) -> TaskResult:
    """On a worker: code the task's records and write one Parquet partition per table."""
    batch, skipped = RowBatch(), 0
    for unit in task.units:
        for item in code_items(read_unit(unit), set()):
            if isinstance(item, Skip):
                batch.add_skip(item)
                skipped += 1
            else:
                batch.add_doc(*item)
    key, out = task.key, Path(out_dir)
    for name, table in batch.tables().items():
        path = out / name / f"part-{key}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, f"{path}.tmp")
        os.replace(f"{path}.tmp", path)  # readers only ever see whole partitions
    (out / "_done").mkdir(parents=True, exist_ok=True)
    (out / "_done" / key).touch()
    return TaskResult(batch.n_docs, skipped)


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client on the given scheduler, or on a local cluster of single-threaded worker processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (dask.config.set(_LOCAL_CLUSTER),
          LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                       silence_logs=logging.ERROR) as cluster, Client(cluster) as client):
        yield client


def pending(tasks: list[Task], out_dir: Path) -> list[Task]:
    return [t for t in tasks if not (out_dir / "_done" / t.key).exists()]


def finished_partitions(out_dir: Path) -> dict[str, list[Path]]:
    """Each input table's partitions of finished tasks (by task key).

    A task killed mid-write leaves some partitions but no marker: its rows are not loaded
    (the re-run rewrites them whole), so no document is loaded without all it owns.
    """
    done = sorted(p.name for p in (out_dir / "_done").glob("*"))
    return {name: [path for key in done if (path := out_dir / name / f"part-{key}.parquet").exists()]
            for name in INPUT_TABLES}


def run_batch(units: list[Unit], out_dir: str | Path, store: Store, workers: int = 2,
              scheduler: str | None = None,
              on_task: Callable[[TaskResult], None] | None = None) -> list[TaskResult]:
    """Code units in parallel into OUT_DIR partitions, then bulk-load them all into `store`."""
    out = Path(out_dir).absolute()
    out.mkdir(parents=True, exist_ok=True)
    todo = pending(plan_tasks(units), out)
    results: list[TaskResult] = []
    if todo:
        with dask_client(workers, scheduler) as client:
            for future in as_completed(client.map(run_task, todo, out_dir=str(out), pure=False)):
                results.append(future.result())
                if on_task:
                    on_task(results[-1])
    store.load_parquet(finished_partitions(out))
    refresh_fused(store.con)
    return results
