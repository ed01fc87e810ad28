"""Fusion: the same real-world event told by several articles becomes one fused event.

Events fuse when they share the type, the actor and recipient countries and the place country
(or both have none), and their dates fall in one window: within `window_days` for day-precise
dates (an undated event takes its article's publication day), the same week, month or year
otherwise. Each fused event keeps its evidence: every article, trigger and offset behind it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Any

import duckdb
import pyarrow as pa

from rasd.io.records import content_id
from rasd.store.schema import SCHEMAS

WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class Reported:
    """One stored event with what fusion compares and what it keeps as evidence."""

    event_id: str
    doc_id: str
    url: str | None
    source_name: str
    type: str
    mode: str | None
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    place_country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    day: date | None  # first day of the event's date, else the publication day
    precision: str  # day | week | month | year | none
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo: str
    quad_class: int
    score: float

    @property
    def key(self) -> tuple[Any, ...]:
        period = self.day if self.precision not in ("day", "none") else None
        return (self.type, _countries(self.actor_codes), _countries(self.recipient_codes),
                self.place_country, self.precision, period)


def _countries(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({c.split("/")[0] for c in codes} - {"*"}))


def _windows(events: list[Reported], window_days: int) -> list[list[Reported]]:
    """Day-precise events in runs no wider than the window; any other group is one run."""
    if events[0].precision != "day":
        return [events]
    runs: list[list[Reported]] = []
    for event in sorted(events, key=lambda e: (e.day, e.event_id)):
        if runs and event.day - runs[-1][0].day <= timedelta(days=window_days):
            runs[-1].append(event)
        else:
            runs.append([event])
    return runs


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def _fused_row(members: list[Reported]) -> dict[str, Any]:
    members = sorted(members, key=lambda e: (e.day or date.min, e.event_id))
    cameo = _most_common(e.cameo for e in members)
    place = _most_common(e.place_name for e in members)
    placed = next((e for e in members if e.place_name == place), members[0])
    days = [e.day for e in members if e.day]
    first = members[0]
    return {
        "fused_id": content_id(*sorted(e.event_id for e in members)), "type": first.type,
        "mode": _most_common(e.mode for e in members),
        "date_start": min(days, default=None), "date_end": max(days, default=None),
        "date_precision": first.precision,
        "actor_countries": list(_countries(first.actor_codes)),
        "recipient_countries": list(_countries(first.recipient_codes)),
        "actor_codes": sorted({c for e in members for c in e.actor_codes}),
        "recipient_codes": sorted({c for e in members for c in e.recipient_codes}),
        "place_country": first.place_country, "place_name": place, "lat": placed.lat, "lon": placed.lon,
        "cameo": cameo, "root_code": cameo[:2] if cameo else None,
        "quad_class": next(e.quad_class for e in members if e.cameo == cameo),
        "score": round(fmean(e.score for e in members), 3),
        "n_articles": len({e.doc_id for e in members}),
        "n_sources": len({e.source_name for e in members}),
        "url": next((e.url for e in members if e.url), None),
        "evidence": [{"doc_id": e.doc_id, "event_id": e.event_id, "url": e.url, "source_name": e.source_name,
                      "trigger": e.trigger, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end,
                      "date": e.day} for e in members],
    }


def fuse(events: Iterable[Reported], window_days: int = WINDOW_DAYS) -> list[dict[str, Any]]:
    """Fused-event rows (the `fused_events` schema), in a stable order."""
    groups: dict[tuple[Any, ...], list[Reported]] = defaultdict(list)
    for event in events:
        groups[event.key].append(event)
    rows = [_fused_row(run) for group in groups.values() for run in _windows(group, window_days)]
    return sorted(rows, key=lambda r: (r["date_start"] or date.min, r["fused_id"]))


_EVENTS_SQL = """
SELECT e.event_id, e.doc_id, d.url, d.source_name, e.type, e.mode, e.actor_codes, e.recipient_codes,
       e.place_country, e.place_name, e.lat, e.lon, coalesce(e.date_start, d.published),
       CASE WHEN e.date_start IS NOT NULL THEN e.date_precision
            WHEN d.published IS NOT NULL THEN 'day' ELSE 'none' END,
       e.trigger, e.trigger_start, e.trigger_end, e.cameo, e.quad_class, e.score
FROM events e JOIN documents d USING (doc_id)
"""


def refresh_fused(con: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS) -> int:
    """Rebuild `fused_events` from every stored event; returns how many fused events there are."""
    reported = [Reported(*row[:6], tuple(row[6]), tuple(row[7]), *row[8:])
                for row in con.execute(_EVENTS_SQL).fetchall()]
    table = pa.Table.from_pylist(fuse(reported, window_days), schema=SCHEMAS["fused_events"])
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
