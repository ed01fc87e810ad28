"""Table layouts, written once as Arrow schemas: DuckDB tables, Parquet partitions and batches share them."""

from __future__ import annotations

import pyarrow as pa

_s, _i, _f, _d = pa.string(), pa.int32(), pa.float64(), pa.date32()


def _span(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(prefix, _s), (f"{prefix}_start", _i), (f"{prefix}_end", _i)]


EVIDENCE = pa.struct([("doc_id", _s), ("event_id", _s), ("url", _s), ("source_name", _s),
                      ("trigger", _s), ("trigger_start", _i), ("trigger_end", _i), ("date", _d)])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("doc_id", _s), ("external_id", _s), ("source", _s), ("source_name", _s),
                            ("url", _s), ("title", _s), ("published", _d), ("text", _s),
                            ("n_events", _i)]),
    "events": pa.schema([("event_id", _s), ("doc_id", _s), ("idx", _i), ("type", _s), ("mode", _s),
                         ("modality", _s), *_span("trigger"), ("cameo", _s), ("root_code", _s),
                         ("quad_class", _i), ("score", _f), ("rule", _s), ("date_value", _s),
                         ("date_precision", _s), ("date_start", _d), ("date_end", _d),
                         ("place_name", _s), ("place_text", _s), ("place_country", _s), ("lat", _f),
                         ("lon", _f), ("actor_codes", pa.list_(_s)), ("recipient_codes", pa.list_(_s)),
                         ("statement", _i)]),
    "event_actors": pa.schema([("event_id", _s), ("doc_id", _s), ("role", _s), ("idx", _i),
                               ("country", _s), ("sector", _s), ("code", _s), ("name", _s),
                               *_span("text"), ("source", _s)]),
    "mentions": pa.schema([("event_id", _s), ("doc_id", _s), ("idx", _i), *_span("trigger"),
                           *_span("clause"), ("rule", _s)]),
    "dates": pa.schema([("doc_id", _s), ("idx", _i), *_span("text"), ("value", _s), ("precision", _s),
                        ("rule", _s)]),
    "places": pa.schema([("doc_id", _s), ("idx", _i), ("name", _s), ("country", _s), ("lat", _f),
                         ("lon", _f), ("kind", _s), *_span("text"), ("source", _s)]),
    "entities": pa.schema([("doc_id", _s), ("idx", _i), ("country", _s), ("sector", _s), ("code", _s),
                           ("name", _s), *_span("text"), ("source", _s), ("anonymous", pa.bool_())]),
    "statements": pa.schema([("doc_id", _s), ("idx", _i), ("speaker_code", _s), ("speaker_text", _s),
                             *_span("cue"), *_span("content"), ("stance", _s), ("rule", _s),
                             ("about_code", _s), ("about_text", _s)]),
    "skipped": pa.schema([("skip_id", _s), ("source", _s), ("reason", _s), ("detail", _s)]),
    "fused_events": pa.schema([("fused_id", _s), ("type", _s), ("mode", _s), ("date_start", _d),
                               ("date_end", _d), ("date_precision", _s),
                               ("actor_countries", pa.list_(_s)), ("recipient_countries", pa.list_(_s)),
                               ("actor_codes", pa.list_(_s)), ("recipient_codes", pa.list_(_s)),
                               ("place_country", _s), ("place_name", _s), ("lat", _f), ("lon", _f),
                               ("cameo", _s), ("root_code", _s), ("quad_class", _i), ("score", _f),
                               ("n_articles", _i), ("n_sources", _i), ("url", _s),
                               ("evidence", pa.list_(EVIDENCE))]),
}

# What makes a row unique, so a re-run or a duplicate input never stores it twice.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",), "events": ("event_id",), "event_actors": ("event_id", "role", "idx"),
    "mentions": ("event_id", "idx"), "dates": ("doc_id", "idx"), "places": ("doc_id", "idx"),
    "entities": ("doc_id", "idx"), "statements": ("doc_id", "idx"), "skipped": ("skip_id",),
}
# Tables filled per document; the parent `documents` goes in last so a document counts as
# stored only once everything it owns is.
DOC_TABLES = ("events", "event_actors", "mentions", "dates", "places", "entities", "statements",
              "documents")
INPUT_TABLES = (*DOC_TABLES, "skipped")
