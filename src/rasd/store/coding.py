"""Records to coded documents: new ones only, screened first, and a failure is a skip, not a crash."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.doc import Doc
from rasd.io.records import Record, Skip
from rasd.io.screen import screen
from rasd.pipeline import extract


def code_record(record: Record) -> Doc | Skip:
    if skip := screen(record):
        return skip
    try:
        return extract(record.text, record.published, doc_id=record.doc_id, title=record.title,
                       url=record.url)
    except Exception as err:  # one article the engine chokes on must not stop a corpus
        return Skip(record.source, "extraction-error", f"{type(err).__name__}: {err}")


def code_items(items: Iterable[Record | Skip], seen: set[str]) -> Iterator[tuple[Record, Doc] | Skip]:
    """Code every record whose id is not in `seen` (which grows as documents are coded)."""
    for item in items:
        if isinstance(item, Skip):
            yield item
            continue
        if item.doc_id in seen:
            continue
        seen.add(item.doc_id)
        coded = code_record(item)
        yield coded if isinstance(coded, Skip) else (item, coded)
