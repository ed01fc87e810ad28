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
PERSIAN = "وزیر امور خارجه ترکیه گفت که کشورش هرگونه دخالت در امور سوریه را رد می‌کند."
ENGLISH = "The Turkish foreign minister said his country rejects any interference in Syria's affairs."
REFUSED = [  # text, HTTP status, the reason `rasd ingest` records, what the detail says
    (" \n ", 422, "empty", "empty"),
    (PERSIAN, 422, "language", "not Arabic: Persian"),
    (ENGLISH, 422, "language", "not Arabic: English"),
    (AMMAN.replace(" ", "\x00"), 422, "encoding", "binary data"),
    ("ا" * (MAX_CHARS + 1), 413, "too-large", f"{MAX_CHARS + 1:,} characters"),
]
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
])
def test_extract_rejects_bad_requests(client: TestClient, body: dict[str, str], status: int, detail: str) -> None:
    response = client.post("/extract", json=body)
    assert response.status_code == status
    assert detail in json.dumps(response.json())


@pytest.mark.parametrize(("text", "status", "reason", "detail"), REFUSED)
def test_extract_refuses_what_ingest_would_skip(client: TestClient, text: str, status: int, reason: str,
                                                detail: str) -> None:
    response = client.post("/extract", json={"text": text, "published": "2024-05-14"})
    assert response.status_code == status
    assert response.json()["detail"].startswith(f"text not coded ({reason}): ")
    assert detail in response.json()["detail"]


@pytest.mark.parametrize(("text", "reason", "detail"), [(text, reason, detail) for text, _, reason, detail in REFUSED])
def test_the_cli_skips_what_the_api_refuses_for_the_same_reason(tmp_path: Path, text: str, reason: str,
                                                                detail: str) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "x", "published": "2024-05-14", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["claims", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert f"news.jsonl:1 skipped ({reason}): " in result.stderr and detail in result.stderr
    assert json.loads(result.stdout) == []


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
