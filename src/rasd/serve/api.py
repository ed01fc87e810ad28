"""The HTTP API: extract one article, query stored events, report health.

    uvicorn --factory rasd.serve.api:create_app    # or: rasd serve --db rasd.duckdb
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

import rasd
from rasd.io.records import Record
from rasd.io.screen import MAX_CHARS, screen
from rasd.pipeline import parse_date
from rasd.store.query import EventFilter, find_events

# Checked before the body is read: MAX_CHARS characters escaped as \uXXXX take six bytes each.
MAX_BODY_BYTES = 8 * MAX_CHARS
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000


class ExtractRequest(BaseModel):
    text: str = Field(description=f"Arabic article text, at most {MAX_CHARS:,} characters.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD; relative dates resolve "
                                                    "against it.", examples=["2024-05-14"])
    id: str | None = None
    title: str | None = None
    url: str | None = None


class Health(BaseModel):
    status: str
    version: str


class EventRow(BaseModel):
    """One stored event, as `rasd events` lists it (fields follow `rasd.store.query.COLUMNS`)."""

    date: str | None
    type: str
    mode: str | None
    actor: str | None = Field(description="Actor codes joined by ';'.")
    recipient: str | None = Field(description="Recipient codes joined by ';'.")
    place: str | None
    country: str | None = Field(description="Country of the place (ISO 3166 alpha-3).")
    trigger: str
    cameo: str | None
    quad_class: int | None
    score: float | None
    url: str | None
    title: str | None
    doc_id: str
    event_id: str


def _published(value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError as err:
        raise HTTPException(400, f"published must be a date, YYYY-MM-DD (got {value!r}): {err}") from err


def _screen(request: ExtractRequest) -> None:
    """Refuse what `rasd ingest` would skip, with its reason: too large is 413, the rest 422."""
    skip = screen(Record(request.text, "request", request.id, request.url, request.title))
    if skip:
        status = 413 if skip.reason == "too-large" else 422
        raise HTTPException(status, f"text not coded ({skip.reason}): {skip.detail}")


def _query(db: Path | None, flt: EventFilter) -> list[dict[str, Any]]:
    if db is None:
        raise HTTPException(503, "No event store is configured: start the server with --db PATH.")
    # A short read-only connection per request leaves the file free for `rasd ingest` in between.
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return find_events(con, flt)
    except duckdb.IOException as err:
        raise HTTPException(503, f"The event store is busy or unreadable: {err}") from err


async def _limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse an oversized body from its Content-Length, before reading it into memory."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        return JSONResponse({"detail": f"Request body over {MAX_BODY_BYTES:,} bytes."}, status_code=413)
    return await call_next(request)


@asynccontextmanager
async def _warm_up(_app: FastAPI) -> AsyncIterator[None]:
    # Building the lexicons and the language detector takes a moment: pay it at start-up, not
    # on the first request.
    rasd.extract("")
    screen(Record("نص عربي", "warm-up"))
    yield


def create_app(db: Path | None = None) -> FastAPI:
    """The API; `db` is a store written by `rasd ingest` (without one, /events answers 503)."""
    if db is not None and not Path(db).is_file():
        raise FileNotFoundError(f"no event store at {db}")
    app = FastAPI(title="Rasd", version=rasd.__version__, lifespan=_warm_up,
                  description="Arabic news to political event data: PLOVER events with coded actors, "
                              "dates, places and statements.")
    app.middleware("http")(_limit_body)

    @app.get("/health")
    def health() -> Health:
        return Health(status="ok", version=rasd.__version__)

    @app.post("/extract")
    def extract(request: ExtractRequest) -> dict[str, Any]:
        """Code one article: the document with its events, dates, statements, places and entities.
        A text `rasd ingest` would skip (empty, too large, binary, not Arabic) is refused, with the reason."""
        _screen(request)
        doc = rasd.extract(request.text, _published(request.published), doc_id=request.id,
                           title=request.title, url=request.url)
        return doc.to_dict()

    @app.get("/events")
    def events(
        actor: Annotated[str | None, Query(description="Actor code or country, e.g. SYR/GOV or SYR.")] = None,
        recipient: Annotated[str | None, Query(description="Recipient code or country.")] = None,
        country: Annotated[str | None, Query(description="Country as actor, recipient or place.")] = None,
        type_: Annotated[str | None, Query(alias="type", description="PLOVER type, e.g. CONSULT.")] = None,
        since: Annotated[date | None, Query(description="From this date (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
        place: Annotated[str | None, Query(description="Part of the place name (English or Arabic).")] = None,
        text: Annotated[str | None, Query(description="Part of the trigger, title or article text.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many events.")] = DEFAULT_LIMIT,
    ) -> list[EventRow]:
        """Stored events matching the filters, the same rows as `rasd events`."""
        flt = EventFilter(actor, recipient, country, type_, since, until, place, text, limit)
        return [EventRow(**row) for row in _query(db, flt)]

    return app
