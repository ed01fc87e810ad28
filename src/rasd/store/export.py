"""Fused events out as PLOVER JSON lines and as a GDELT-style TSV, each with its article count."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
    "PLOVERType", "PLOVERMode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "SOURCEURL",
)


def fused_rows(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cursor = con.execute("SELECT * FROM fused_events ORDER BY date_start NULLS LAST, fused_id")
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(1000):
        yield from (dict(zip(names, row, strict=True)) for row in chunk)


def _split(code: str | None) -> tuple[str | None, str | None]:
    if not code:
        return None, None
    country, _, sector = code.partition("/")
    return (None if country == "*" else country), sector or None


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One fused event in the PLOVER layout (event, mode, source/target actor and agent)."""
    actor, recipient = (row["actor_codes"] or [None])[0], (row["recipient_codes"] or [None])[0]
    (src, src_agent), (tgt, tgt_agent) = _split(actor), _split(recipient)
    return {
        "id": row["fused_id"], "date": _iso(row["date_start"]), "date_end": _iso(row["date_end"]),
        "date_precision": row["date_precision"], "event": row["type"], "mode": row["mode"],
        "source": actor, "src_actor": src, "src_agent": src_agent,
        "target": recipient, "tgt_actor": tgt, "tgt_agent": tgt_agent,
        "actors": row["actor_codes"], "recipients": row["recipient_codes"],
        "location": {"name": row["place_name"], "country": row["place_country"], "lat": row["lat"],
                     "lon": row["lon"]} if row["place_name"] or row["place_country"] else None,
        "cameo": row["cameo"], "quad_class": row["quad_class"], "score": row["score"],
        "language": "ar", "num_articles": row["n_articles"], "num_sources": row["n_sources"],
        "url": row["url"],
        "evidence": [{**e, "date": _iso(e["date"])} for e in row["evidence"]],
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    actor, recipient = (row["actor_codes"] or [""])[0], (row["recipient_codes"] or [""])[0]
    return [row["fused_id"], row["date_start"].strftime("%Y%m%d") if row["date_start"] else "",
            actor, _split(actor)[0] or "", recipient, _split(recipient)[0] or "", row["type"],
            row["mode"] or "", row["cameo"] or "", row["root_code"] or "", row["quad_class"], row["score"],
            row["n_sources"], row["n_articles"], row["place_name"] or "", row["place_country"] or "",
            "" if row["lat"] is None else row["lat"], "" if row["lon"] is None else row["lon"],
            row["url"] or ""]


def export_plover(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """PLOVER JSON, one fused event per line; returns the number written."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for row in fused_rows(con):
            out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            n += 1
    return n


def export_gdelt(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """GDELT-style TSV with a header line; returns the number of events written."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for row in fused_rows(con):
            writer.writerow(gdelt_row(row))
            n += 1
    return n
