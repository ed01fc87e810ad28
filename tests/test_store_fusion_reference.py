"""Fusion equals its first, plainly written version (kept here as the reference) on coded Arabic news.

The store's fusion takes shortcuts for speed (a run of one event skips the tallies, rows go to
Arrow column by column); this asserts the same `fused_events` rows, in the same order.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from statistics import fmean
from typing import Any

import pyarrow as pa

from rasd.io import discover
from rasd.io.records import content_id
from rasd.store.database import Store
from rasd.store.fusion import _EVENTS_SQL
from rasd.store.fusion import Reported as StoredEvent
from rasd.store.ingest import ingest
from rasd.store.schema import SCHEMAS


class Reported(StoredEvent):
    """Fusion's stored event, with the grouping key the first version computed on it."""

    __slots__ = ()

    @property
    def key(self) -> tuple[Any, ...]:
        period = self.day if self.precision not in ("day", "none") else None
        return (self.type, _countries(self.actor_codes), _countries(self.recipient_codes),
                self.place_country, self.precision, period)


def _countries(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({c.split("/")[0] for c in codes} - {"*"}))


def _windows(events: list[Reported], window_days: int) -> list[list[Reported]]:
    """A new run wherever a day lies beyond the window from its run's first day."""
    if events[0].precision != "day":
        return [events]
    ordered = sorted(events, key=lambda e: (e.day, e.event_id))
    runs: list[list[Reported]] = [[ordered[0]]]
    for event in ordered[1:]:
        if (event.day - runs[-1][0].day).days > window_days:
            runs.append([])
        runs[-1].append(event)
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


def reference_fused(store: Store, window_days: int = 1) -> list[tuple[Any, ...]]:
    """`fused_events` rows as the first version of fusion computed them."""
    reported = [Reported(*row[:6], tuple(row[6]), tuple(row[7]), *row[8:])
                for row in store.con.execute(_EVENTS_SQL).fetchall()]
    groups: dict[tuple[Any, ...], list[Reported]] = defaultdict(list)
    for event in reported:
        groups[event.key].append(event)
    rows = [_fused_row(run) for group in groups.values() for run in _windows(group, window_days)]
    rows.sort(key=lambda r: (r["date_start"] or date.min, r["fused_id"]))
    table = pa.Table.from_pylist(rows, schema=SCHEMAS["fused_events"])
    store.con.register("_reference", table)
    try:
        return store.con.execute("SELECT * FROM _reference").fetchall()
    finally:
        store.con.unregister("_reference")


PARTIES = [("تركيا", "التركي", "أنقرة"), ("السعودية", "السعودي", "الرياض"), ("الأردن", "الأردني", "عمّان")]
TEMPLATES = [
    "استقبل وزير الخارجية {n1} {day} في {cap1} نظيره {n2}، وبحث الجانبان العلاقات الثنائية.",
    "اتهمت وزارة الخارجية {n1a} {c2} {day} بدعم جماعات مسلحة.",
    "تظاهر آلاف المحتجين {day} أمام سفارة {c2} في {cap1} احتجاجاً على الأوضاع في غزة.",
    "وقّعت {c1} و{c2} {day} في {cap2} اتفاقية للتعاون الاقتصادي.",
]
# One meeting told many ways: modes, scores and Turkish cities differ within a fused event.
MEETING = [
    "التقى وزير الخارجية التركي {day} في {city} نظيره السعودي.",
    "اجتمع وزير الخارجية التركي {day} في {city} مع نظيره السعودي.",
    "بحث وزير الخارجية التركي {day} في {city} مع نظيره السعودي العلاقات الثنائية.",
    "أجرى وزير الخارجية التركي {day} اتصالاً هاتفياً مع نظيره السعودي.",
    "زار وزير الخارجية التركي {day} الرياض والتقى نظيره السعودي.",
]
CITIES = ["أنقرة", "إسطنبول", "أنطاليا"]
DAYS = ["أمس", "اليوم", "الأحد", "في مارس الماضي"]


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(MEETING).format(day=rng.choice(DAYS), city=rng.choice(CITIES))
    (c1, n1, cap1), (c2, n2, cap2) = rng.sample(PARTIES, 2)
    return rng.choice(TEMPLATES).format(n1=n1, n1a=n1 + "ة", cap1=cap1, cap2=cap2, c1=c1, c2=c2, n2=n2,
                                        day=rng.choice(DAYS))


def _articles(path: Path, n: int = 90) -> Path:
    """Few parties, places and days, so that many reports tell one event (ties included)."""
    rng = random.Random(3)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            published = None if i % 9 == 0 else f"2024-04-{1 + i % 6:02d}"
            url = f"https://outlet{i % 5}.example.com/{i}" if i % 7 else None
            out.write(json.dumps({"id": f"r{i}", "url": url, "published": published, "text": text},
                                 ensure_ascii=False) + "\n")
    return path


def test_fusion_equals_its_reference_version(tmp_path: Path) -> None:
    with Store(tmp_path / "rasd.duckdb") as store:
        ingest(discover([_articles(tmp_path / "news.jsonl")]), store)
        fused = store.con.execute("SELECT * FROM fused_events").fetchall()  # insertion order counts too
        assert fused == reference_fused(store)
        counts = store.con.execute("SELECT count(*) FILTER (n_articles > 1), count(*) FILTER (n_articles = 1), "
                                   "count(DISTINCT date_precision) FROM fused_events").fetchone()
    assert counts[0] >= 10 and counts[1] >= 10 and counts[2] >= 2, counts  # both paths, several precisions
