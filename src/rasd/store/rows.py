"""A coded document (or a skipped input) as table rows, gathered into Arrow batches."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date
from typing import Any

import pyarrow as pa

from rasd.doc import DateMention, Doc, Entity, Event, Span
from rasd.io.records import Record, Skip
from rasd.store.schema import INPUT_TABLES, SCHEMAS

Row = dict[str, Any]


def date_range(value: str, precision: str) -> tuple[date | None, date | None]:
    """First and last day a resolved date covers (2024-03 → 1 and 31 March)."""
    try:
        if precision == "week" or "-W" in value:
            year, week = value.split("-W")
            monday = date.fromisocalendar(int(year), int(week), 1)
            return monday, date.fromisocalendar(int(year), int(week), 7)
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None, None
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _span(prefix: str, span: Span | None) -> Row:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _entity(entity: Entity) -> Row:
    return {"country": entity.country, "sector": entity.sector, "code": entity.code, "name": entity.name,
            **_span("text", entity.span), "source": entity.source}


def _date_cols(mention: DateMention | None) -> Row:
    if mention is None:
        return {"date_value": None, "date_precision": None, "date_start": None, "date_end": None}
    start, end = date_range(mention.value, mention.precision)
    return {"date_value": mention.value, "date_precision": mention.precision, "date_start": start,
            "date_end": end}


def _event(event_id: str, doc_id: str, idx: int, event: Event) -> Row:
    place = event.location
    return {"event_id": event_id, "doc_id": doc_id, "idx": idx, "type": event.type, "mode": event.mode,
            "modality": event.modality, **_span("trigger", event.trigger), "cameo": event.cameo,
            "root_code": event.cameo[:2] if event.cameo else None, "quad_class": event.quad,
            "score": event.score, "rule": event.rule, **_date_cols(event.date),
            "place_name": place.name if place else None, "place_text": place.span.text if place else None,
            "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "actor_codes": [a.code for a in event.actor],
            "recipient_codes": [r.code for r in event.recipient], "statement": event.statement}


class RowBatch:
    """Rows of many documents, turned into one Arrow table per store table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self.n_docs = 0

    def add_skip(self, skip: Skip) -> None:
        self.rows["skipped"].append({"skip_id": skip.skip_id, "source": skip.source,
                                     "reason": skip.reason, "detail": skip.detail})

    def add_doc(self, record: Record, doc: Doc) -> None:
        doc_id, add = record.doc_id, self.rows.__getitem__
        self.n_docs += 1
        add("documents").append({
            "doc_id": doc_id, "external_id": record.id, "source": record.source,
            "source_name": record.source_name, "url": record.url, "title": record.title,
            "published": record.published, "text": record.text, "n_events": len(doc.events)})
        for i, event in enumerate(doc.events):
            event_id = f"{doc_id}-{i}"
            add("events").append(_event(event_id, doc_id, i, event))
            for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
                add("event_actors").extend({"event_id": event_id, "doc_id": doc_id, "role": role, "idx": j,
                                            **_entity(e)} for j, e in enumerate(parties))
            add("mentions").extend({"event_id": event_id, "doc_id": doc_id, "idx": j,
                                    **_span("trigger", m.trigger), **_span("clause", m.clause),
                                    "rule": m.rule} for j, m in enumerate(event.mentions))
        add("dates").extend({"doc_id": doc_id, "idx": i, **_span("text", d.span), "value": d.value,
                             "precision": d.precision, "rule": d.rule} for i, d in enumerate(doc.dates))
        add("places").extend({"doc_id": doc_id, "idx": i, "name": p.name, "country": p.country, "lat": p.lat,
                              "lon": p.lon, "kind": p.kind, **_span("text", p.span), "source": p.source}
                             for i, p in enumerate(doc.places))
        add("entities").extend({"doc_id": doc_id, "idx": i, **_entity(e), "anonymous": e.anonymous}
                               for i, e in enumerate(doc.entities))
        add("statements").extend({
            "doc_id": doc_id, "idx": i, "speaker_code": s.speaker.code if s.speaker else None,
            "speaker_text": s.speaker.span.text if s.speaker else None, **_span("cue", s.cue),
            **_span("content", s.content), "stance": s.stance, "rule": s.rule,
            "about_code": s.about.code if s.about else None,
            "about_text": s.about.span.text if s.about else None} for i, s in enumerate(doc.statements))

    def tables(self) -> dict[str, pa.Table]:
        """Every input table, empty ones included, so each partition has the full schema."""
        return {name: pa.Table.from_pylist(self.rows.get(name, []), schema=SCHEMAS[name])
                for name in INPUT_TABLES}
