"""A run killed mid-way (hard exit, no cleanup) and restarted ends with the tables of an unbroken run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from rasd.store.ingest import CRASH_ENV
from rasd.store.schema import DOC_TABLES, KEYS, SCHEMAS
from test_io_readers import BODY, BODY2

CITIES = ["أنقرة", "الرياض", "عمّان", "بغداد", "القاهرة", "بيروت", "الدوحة", "تونس"]


def _corpus(path: Path, n: int = 30) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = (BODY if i % 2 else BODY2).replace("أنقرة", CITIES[i % len(CITIES)])
            out.write(json.dumps({"id": f"a{i}", "url": f"https://news{i % 3}.example.com/{i}",
                                  "published": f"2024-03-{1 + i % 28:02d}", "text": f"{body} ({i})"},
                                 ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": "fa", "text": "این یک متن فارسی درباره سیاست خارجی ایران است."}) + "\n")
    return path


def _ingest(corpus: Path, db: Path, crash_after: int | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
    if crash_after:
        env[CRASH_ENV] = str(crash_after)
    return subprocess.run([sys.executable, "-c", "from rasd.cli import app; app()", "ingest", str(corpus),
                           "--db", str(db), "--commit-every", "4"], env=env, capture_output=True, text=True,
                          timeout=300)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in key order: two stores are equal when their dumps are."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY {', '.join(KEYS.get(name, ('fused_id',)))}")
                .fetchall() for name in SCHEMAS}


def test_killed_run_resumes_to_the_same_tables(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news.jsonl")
    whole, broken = tmp_path / "whole.duckdb", tmp_path / "broken.duckdb"
    assert _ingest(corpus, whole).returncode == 0

    crashed = _ingest(corpus, broken, crash_after=10)
    assert crashed.returncode == 70
    partial = dump(broken)
    assert len(partial["documents"]) == 8  # two whole commits of 4; the 2 coded after are lost
    stored = {r[0] for r in partial["documents"]}
    for name in DOC_TABLES:  # nothing of a lost document was kept
        col = SCHEMAS[name].get_field_index("doc_id")
        assert {row[col] for row in partial[name]} <= stored
    assert partial["entities"], "the engine codes entities in these articles"

    assert _ingest(corpus, broken).returncode == 0
    assert dump(broken) == dump(whole)
    assert len(dump(whole)["documents"]) == 30 and len(dump(whole)["skipped"]) == 1
