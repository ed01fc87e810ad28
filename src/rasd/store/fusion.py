"""Fusion: the same real-world event told by several articles becomes one fused event.

Events fuse when they share the type, the actor and recipient countries and the place country
(or both have none), and their dates fall in one window: within `window_days` for day-precise
dates (an undated event takes its article's publication day), the same week, month or year
otherwise. Each fused event keeps its evidence: every article, trigger and offset behind it.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from functools import lru_cache
from statistics import fmean
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from rasd.io.records import content_id
from rasd.store.schema import SCHEMAS

WINDOW_DAYS = 1
FUSED = SCHEMAS["fused_events"]


class Reported(NamedTuple):
    """One stored event with what fusion compares and what it keeps as evidence."""

    # A named tuple, not a frozen dataclass: a store holds ~10⁵ events and the tuple builds 10× faster.
    event_id: str
    doc_id: str
    url: str | None
    source_name: str
    type: str
    mode: str | None
    actor_codes: Sequence[str]
    recipient_codes: Sequence[str]
    place_country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    day: date | None  # first day of the event's date, else the publication day
    precision: str  # day | week | month | year | none
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo: str | None
    quad_class: int
    score: float

    @property
    def key(self) -> tuple[Any, ...]:
        period = self.day if self.precision not in ("day", "none") else None
        return (self.type, _countries(tuple(self.actor_codes)), _countries(tuple(self.recipient_codes)),
                self.place_country, self.precision, period)


@lru_cache(maxsize=4096)  # few distinct code lists recur over a whole store
def _countries(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({c.split("/")[0] for c in codes} - {"*"}))


def _windows(events: list[Reported], window_days: int) -> list[list[Reported]]:
    """Day-precise events in runs no wider than the window; any other group is one run."""
    if len(events) == 1 or events[0].precision != "day":
        return [events]
    runs: list[list[Reported]] = []
    for event in sorted(events, key=lambda e: (e.day, e.event_id)):
        if runs and event.day - runs[-1][0].day <= timedelta(days=window_days):
            runs[-1].append(event)
        else:
            runs.append([event])
    return runs


def _most_common(values: Iterable[Any]) -> Any:
    counts: dict[Any, int] = {}  # a plain dict: Counter's set-up dominated fusion time
    for value in values:
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def _evidence(e: Reported) -> tuple[Any, ...]:
    """One member in the field order of the EVIDENCE struct."""
    return (e.doc_id, e.event_id, e.url, e.source_name, e.trigger, e.trigger_start, e.trigger_end, e.day)


def _single_row(e: Reported) -> tuple[Any, ...]:
    """`_fused_row` of a run of one event, without its tallies (most fused events have one report)."""
    return (content_id(e.event_id), e.type, e.mode, e.day, e.day, e.precision,
            list(_countries(tuple(e.actor_codes))), list(_countries(tuple(e.recipient_codes))),
            sorted(set(e.actor_codes)), sorted(set(e.recipient_codes)), e.place_country, e.place_name,
            e.lat, e.lon, e.cameo, e.cameo[:2] if e.cameo else None, e.quad_class, round(float(e.score), 3),
            1, 1, e.url or None, [_evidence(e)])


def _fused_row(members: list[Reported]) -> tuple[Any, ...]:
    """One `fused_events` row, its values in the schema's column order."""
    if len(members) == 1:
        return _single_row(members[0])
    members = sorted(members, key=lambda e: (e.day or date.min, e.event_id))
    cameo = _most_common(e.cameo for e in members)
    place = _most_common(e.place_name for e in members)
    placed = next((e for e in members if e.place_name == place), members[0])
    days = [e.day for e in members if e.day]
    first = members[0]
    return (
        content_id(*sorted(e.event_id for e in members)), first.type, _most_common(e.mode for e in members),
        min(days, default=None), max(days, default=None), first.precision,
        list(_countries(tuple(first.actor_codes))), list(_countries(tuple(first.recipient_codes))),
        sorted({c for e in members for c in e.actor_codes}),
        sorted({c for e in members for c in e.recipient_codes}),
        first.place_country, place, placed.lat, placed.lon,
        cameo, cameo[:2] if cameo else None, next(e.quad_class for e in members if e.cameo == cameo),
        round(fmean(e.score for e in members), 3),
        len({e.doc_id for e in members}), len({e.source_name for e in members}),
        next((e.url for e in members if e.url), None), [_evidence(e) for e in members])


def fuse(events: Iterable[Reported], window_days: int = WINDOW_DAYS) -> list[tuple[Any, ...]]:
    """Fused-event rows (values in `fused_events` column order), in a stable order."""
    groups: dict[tuple[Any, ...], list[Reported]] = defaultdict(list)
    for event in events:
        groups[event.key].append(event)
    rows = [_fused_row(run) for group in groups.values() for run in _windows(group, window_days)]
    return sorted(rows, key=lambda r: (r[3] or date.min, r[0]))  # date_start, fused_id


def _fused_table(rows: list[tuple[Any, ...]]) -> pa.Table:
    """Rows to Arrow column by column: far cheaper than `from_pylist` over one dict per row."""
    columns = list(zip(*rows, strict=True)) or [()] * len(FUSED)
    return pa.Table.from_arrays([pa.array(col, type=field.type) for col, field in zip(columns, FUSED, strict=True)],
                                schema=FUSED)


_EVENTS_SQL = """
SELECT e.event_id, e.doc_id, d.url, d.source_name, e.type, e.mode, e.actor_codes, e.recipient_codes,
       e.place_country, e.place_name, e.lat, e.lon, coalesce(e.date_start, d.published),
       CASE WHEN e.date_start IS NOT NULL THEN e.date_precision
            WHEN d.published IS NOT NULL THEN 'day' ELSE 'none' END,
       e.trigger, e.trigger_start, e.trigger_end, e.cameo, e.quad_class, e.score
FROM events e JOIN documents d USING (doc_id)
"""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic collector off while fusion builds ~10⁵ tuples that form no cycles.

    Left on, it rescans every live object many times over and doubles the refresh time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def refresh_fused(con: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS) -> int:
    """Rebuild `fused_events` from every stored event; returns how many fused events there are."""
    with _collector_paused():
        reported = map(Reported._make, con.execute(_EVENTS_SQL).fetchall())
        table = _fused_table(fuse(reported, window_days))
    con.register("_fused", table)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM fused_events")
        con.execute("INSERT INTO fused_events SELECT * FROM _fused")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_fused")
    return table.num_rows
