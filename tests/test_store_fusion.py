"""Fusion of one real-world event across articles, and the PLOVER / GDELT exports of the result."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from rasd.doc import DateMention, Doc, Entity, Event, Place, Span
from rasd.io.records import Record
from rasd.store.database import Store
from rasd.store.export import GDELT_COLUMNS, export_gdelt, export_plover
from rasd.store.fusion import refresh_fused
from rasd.store.query import EventFilter, find_events
from rasd.store.rows import RowBatch, date_range

TEXT = "استقبل وزير الخارجية التركي نظيره السعودي في أنقرة أمس"
ANKARA = Place(Span(43, 48, "أنقرة"), "Ankara", "TUR", 39.93, 32.86, "city", "places:أنقرة")


def _article(url: str, *, day: str | None, published: str, kind: str = "CONSULT", precision: str = "day",
             place: Place | None = ANKARA) -> tuple[Record, Doc]:
    record = Record(text=f"{TEXT} {url}", source=url, url=url, published=date.fromisoformat(published))
    doc = Doc(record.text, record.published)
    actor = Entity("TUR", "GOV", Span(6, 21, "وزير الخارجية التركي"), "countries:TUR nisba")
    recipient = Entity("SAU", "GOV", Span(22, 34, "نظيره السعودي"), "countries:SAU nisba")
    when = DateMention(Span(49, 52, "أمس"), day, precision, "relative") if day else None
    doc.events.append(Event(kind, "visit", [actor], [recipient], Span(0, 5, "استقبل"), "asserted", "042", 1,
                            1.9, "triggers:استقبل", date=when, location=place))
    return record, doc


def _store(tmp_path: Path, articles: list[tuple[Record, Doc]]) -> Store:
    store = Store(tmp_path / "rasd.duckdb")
    batch = RowBatch()
    for record, doc in articles:
        batch.add_doc(record, doc)
    store.write(batch.tables())
    refresh_fused(store.con)
    return store


ARTICLES = [
    _article("https://a.example.com/1", day="2024-03-05", published="2024-03-06"),
    _article("https://www.a.example.com/2", day="2024-03-05", published="2024-03-05"),
    _article("https://b.example.net/3", day=None, published="2024-03-06"),  # undated: its publication day
    _article("https://c.example.org/4", day="2024-03-09", published="2024-03-10"),  # days later: a new visit
    _article("https://c.example.org/5", day="2024-03-05", published="2024-03-06", kind="ACCUSE"),
    _article("https://c.example.org/6", day="2024-03-05", published="2024-03-06", place=None),
    _article("https://d.example.com/7", day="2024-03", published="2024-03-20", precision="month"),
    _article("https://e.example.com/8", day="2024-03", published="2024-03-28", precision="month"),
]


def fused(store: Store) -> list[dict]:
    cur = store.con.execute("SELECT * FROM fused_events ORDER BY n_articles DESC, date_start, fused_id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def test_reports_of_one_event_fuse_with_counts_and_evidence(tmp_path: Path) -> None:
    with _store(tmp_path, ARTICLES) as store:
        rows = fused(store)
    summary = sorted((r["type"], r["n_articles"], r["place_country"] or "-", r["date_precision"])
                     for r in rows)
    assert summary == [
        ("ACCUSE", 1, "TUR", "day"), ("CONSULT", 1, "-", "day"), ("CONSULT", 1, "TUR", "day"),
        ("CONSULT", 2, "TUR", "month"), ("CONSULT", 3, "TUR", "day")]
    top = rows[0]
    assert top["n_articles"] == 3 and top["n_sources"] == 2  # a.example.com twice, b.example.net
    assert (top["date_start"], top["date_end"]) == (date(2024, 3, 5), date(2024, 3, 6))
    assert top["actor_countries"] == ["TUR"] and top["recipient_countries"] == ["SAU"]
    assert top["root_code"] == "04" and top["lat"] == pytest.approx(39.93)
    assert sorted(e["url"] for e in top["evidence"]) == ["https://a.example.com/1", "https://b.example.net/3",
                                                         "https://www.a.example.com/2"]
    triggers = {(e["trigger"], e["trigger_start"], e["trigger_end"]) for e in top["evidence"]}
    assert triggers == {("استقبل", 0, 5)}


def test_fusion_is_stable_and_rebuilt_not_appended(tmp_path: Path) -> None:
    with _store(tmp_path, ARTICLES) as store:
        first = fused(store)
        refresh_fused(store.con)
        assert fused(store) == first


def test_plover_and_gdelt_exports(tmp_path: Path) -> None:
    with _store(tmp_path, ARTICLES) as store:
        assert export_plover(store.con, tmp_path / "events.jsonl") == 5
        assert export_gdelt(store.con, tmp_path / "events.tsv") == 5
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    plover = [json.loads(line) for line in lines]
    top = max(plover, key=lambda r: r["num_articles"])
    assert (top["event"], top["mode"], top["src_actor"], top["src_agent"], top["tgt_actor"]) == (
        "CONSULT", "visit", "TUR", "GOV", "SAU")
    assert top["location"]["name"] == "Ankara" and top["num_sources"] == 2 and len(top["evidence"]) == 3
    with (tmp_path / "events.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    row = max(rows, key=lambda r: int(r["NumArticles"]))
    wanted = {"SQLDATE": "20240305", "Actor1Code": "TUR/GOV", "Actor2CountryCode": "SAU",
              "EventRootCode": "04", "QuadClass": "1", "NumArticles": "3", "ActionGeo_Lat": "39.93"}
    assert {k: row[k] for k in wanted} == wanted
    assert row["SOURCEURL"].startswith("https://")


def test_event_filters(tmp_path: Path) -> None:
    with _store(tmp_path, ARTICLES) as store:
        def ids(**kw: object) -> set[str]:
            return {r["url"].rsplit("/", 1)[1] for r in find_events(store.con, EventFilter(**kw))}

        assert ids(type="accuse") == {"5"}
        everything = {str(i) for i in range(1, 9)}
        assert ids(actor="TUR/GOV") == ids(actor="tur") == ids(recipient="SAU") == everything
        assert ids(actor="SAU") == set()
        assert ids(place="أنقرة") == ids(place="ankara") == {"1", "2", "3", "4", "5", "7", "8"}
        assert ids(since=date(2024, 3, 8), until=date(2024, 3, 9)) == {"4", "7", "8"}  # month overlaps
        assert ids(text="/6") == {"6"} and len(find_events(store.con, EventFilter(limit=2))) == 2


def test_date_ranges() -> None:
    assert date_range("2024-02", "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_range("2024-W10", "week") == (date(2024, 3, 4), date(2024, 3, 10))
    assert date_range("2024", "year") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_range("soon", "day") == (None, None)
