"""The HTTP API end to end with FastAPI's test client: extract, stored events, health, `rasd serve`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import rasd
from helpers import span_objects
from rasd.cli import app as cli
from rasd.io.screen import MAX_CHARS
from rasd.io.sources import discover
from rasd.serve.api import MAX_BODY_BYTES, EventRow, create_app
from rasd.store.database import Store
from rasd.store.ingest import ingest
from rasd.store.query import COLUMNS

AMMAN = ("عمّان - استقبل العاهل الأردني الملك عبد الله الثاني في عمّان أمس الاثنين وزير الخارجية المصري "
         "سامح شكري، وبحث الجانبان تطورات الأوضاع في غزة.")
FASHER = ("الخرطوم - قصف الجيش السوداني يوم الأربعاء مواقع لقوات الدعم السريع في مدينة الفاشر، "
          "وفق ما أفاد شهود عيان.")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    articles = [{"id": "amman", "title": "الملك يستقبل شكري", "published": "2024-05-14", "text": AMMAN},
                {"id": "fasher", "title": "قصف في الفاشر", "published": "2024-05-16", "text": FASHER}]
    (folder / "news.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                                       encoding="utf-8")
    db = folder / "rasd.duckdb"
    with Store(db) as opened:
        ingest(discover([str(folder / "news.jsonl")]), opened)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as started:
        yield started


def test_extract_codes_an_article(client: TestClient) -> None:
    response = client.post("/extract", json={"text": AMMAN, "published": "2024-05-14", "id": "a1",
                                             "url": "https://example.org/a1"})
    assert response.status_code == 200
    doc = response.json()
    assert (doc["id"], doc["published"], doc["url"]) == ("a1", "2024-05-14", "https://example.org/a1")
    [event] = doc["events"]
    assert event["type"] == "CONSULT"
    assert [a["country"] for a in event["actor"]] == ["EGY"]
    assert [r["country"] for r in event["recipient"]] == ["JOR"]
    assert event["date"]["value"] == "2024-05-13"  # "أمس الاثنين", the day before publication
    spans = list(span_objects(doc))
    assert len(spans) > 5
    assert all(AMMAN[s["start"]:s["end"]] == s["text"] for s in spans)


@pytest.mark.parametrize(("body", "status", "detail"), [
    ({"published": "2024-05-14"}, 422, "text"),
    ({"text": AMMAN, "published": "14/05/2024"}, 400, "YYYY-MM-DD"),
    ({"text": "ا" * (MAX_CHARS + 1)}, 400, "limit"),
])
def test_extract_rejects_bad_requests(client: TestClient, body: dict[str, str], status: int, detail: str) -> None:
    response = client.post("/extract", json=body)
    assert response.status_code == status
    assert detail in json.dumps(response.json())


def test_extract_refuses_an_oversized_body_unread(client: TestClient) -> None:
    response = client.post("/extract", content=b" " * (MAX_BODY_BYTES + 1),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_events_filters_the_store(client: TestClient) -> None:
    everything = client.get("/events").json()
    assert {row["type"] for row in everything} >= {"CONSULT", "ASSAULT"}
    [assault] = client.get("/events", params={"type": "assault"}).json()
    assert (assault["actor"], assault["place"], assault["title"]) == ("SDN/MIL", "El Fasher", "قصف في الفاشر")
    assert {row["title"] for row in client.get("/events", params={"country": "JOR"}).json()} == {"الملك يستقبل شكري"}
    assert client.get("/events", params={"since": "2024-05-14", "type": "CONSULT"}).json() == []
    assert len(client.get("/events", params={"limit": 1}).json()) == 1
    assert client.get("/events", params={"since": "May 14"}).status_code == 422


def test_events_without_a_store_is_503() -> None:
    response = TestClient(create_app()).get("/events")
    assert response.status_code == 503
    assert "--db" in response.json()["detail"]


def test_event_rows_follow_the_query_columns() -> None:
    assert tuple(EventRow.model_fields) == COLUMNS


def test_health(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok", "version": rasd.__version__}
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/extract", "/events", "/health"}


def test_serve_command_runs_uvicorn(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[FastAPI, dict[str, Any]]] = []
    monkeypatch.setitem(sys.modules, "uvicorn", SimpleNamespace(run=lambda app, **kw: calls.append((app, kw))))
    result = CliRunner().invoke(cli, ["serve", "--db", str(store), "--port", "8765"])
    assert result.exit_code == 0, result.output
    [(served, options)] = calls
    assert isinstance(served, FastAPI)
    assert options == {"host": "127.0.0.1", "port": 8765}
    assert CliRunner().invoke(cli, ["serve", "--db", str(store.with_name("missing.duckdb"))]).exit_code == 2
