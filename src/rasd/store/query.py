"""Event queries over the store, with the filters `rasd events` offers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

_PARTY = ("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id AND a.role IN ({roles}) "
          "AND (a.code = ? OR a.country = ? OR a.code LIKE ? || '/%'))")


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # a code (SYR/GOV) or a country (SYR)
    recipient: str | None = None
    country: str | None = None  # actor, recipient or place country
    type: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None  # part of the place name, or of its Arabic text
    text: str | None = None  # part of the trigger, title or article text
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for value, roles in ((self.actor, "'actor'"), (self.recipient, "'recipient'")):
            if value:
                clauses.append(_PARTY.format(roles=roles))
                params += [value.upper()] * 3
        if self.country:
            either = _PARTY.format(roles="'actor', 'recipient'")
            clauses.append(f"({either} OR e.place_country = ?)")
            params += [self.country.upper()] * 4
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type.upper())
        # A dated event overlaps the range; an undated one counts on its publication day.
        if self.since:
            clauses.append("coalesce(e.date_end, d.published) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("coalesce(e.date_start, d.published) <= ?")
            params.append(self.until)
        if self.place:
            clauses.append("(e.place_name ILIKE '%' || ? || '%' OR e.place_text LIKE '%' || ? || '%')")
            params += [self.place] * 2
        if self.text:
            clauses.append("(e.trigger LIKE '%' || ? || '%' OR d.title LIKE '%' || ? || '%' "
                           "OR d.text LIKE '%' || ? || '%')")
            params += [self.text] * 3
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


COLUMNS = ("date", "type", "mode", "actor", "recipient", "place", "country", "trigger", "cameo",
           "quad_class", "score", "url", "title", "doc_id", "event_id")


def find_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = flt.where()
    sql = (
        "SELECT coalesce(e.date_value, CAST(d.published AS VARCHAR)) AS date, e.type, e.mode, "
        "array_to_string(e.actor_codes, ';') AS actor, array_to_string(e.recipient_codes, ';') AS recipient, "
        "e.place_name AS place, e.place_country AS country, e.trigger, e.cameo, e.quad_class, e.score, "
        "d.url, d.title, e.doc_id, e.event_id "
        f"FROM events e JOIN documents d USING (doc_id){where} "
        "ORDER BY coalesce(e.date_start, d.published) NULLS LAST, e.event_id"
        + (f" LIMIT {int(flt.limit)}" if flt.limit else "")
    )
    cursor = con.execute(sql, params)
    return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]
