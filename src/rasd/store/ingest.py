"""Single-process ingest: read, code and store, committing one batch of documents at a time.

A run killed half-way keeps every batch it committed; the next run skips those documents by id
and picks up at the first one that is not stored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rasd.io.records import Skip
from rasd.io.sources import Unit, read_unit
from rasd.store.coding import code_items
from rasd.store.database import Store
from rasd.store.fusion import refresh_fused
from rasd.store.rows import RowBatch

BATCH_DOCS = 500
# Test hook: exit hard (no cleanup, no commit) after coding this many documents, to prove resume.
CRASH_ENV = "RASD_CRASH_AFTER_DOCS"


@dataclass
class RunStats:
    documents: int = 0
    events: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def add_skip(self, skip: Skip) -> None:
        self.skipped[skip.reason] = self.skipped.get(skip.reason, 0) + 1


def ingest(units: Iterable[Unit], store: Store, batch_docs: int = BATCH_DOCS,
           on_unit: Callable[[Unit, RunStats], None] | None = None) -> RunStats:
    """Code and store the records of `units` (see `discover`); returns what this run added."""
    crash_after = int(os.environ.get(CRASH_ENV, "0"))
    seen = store.doc_ids()
    stats, batch = RunStats(), RowBatch()
    for unit in units:
        for item in code_items(read_unit(unit), seen):
            if isinstance(item, Skip):
                batch.add_skip(item)
                stats.add_skip(item)
                continue
            batch.add_doc(*item)
            stats.documents += 1
            stats.events += len(item[1].events)
            if crash_after and stats.documents >= crash_after:
                os._exit(70)
            if batch.n_docs >= batch_docs:
                store.write(batch.tables())
                batch = RowBatch()
        if on_unit:
            on_unit(unit, stats)
    store.write(batch.tables())
    refresh_fused(store.con)
    return stats
