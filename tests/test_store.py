"""The DuckDB store: every input kind lands in the tables, skips are recorded, re-runs add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from rasd.io import discover
from rasd.store.database import Store
from rasd.store.ingest import ingest
from rasd.store.schema import SCHEMAS
from test_io_readers import BODY, BODY2, PERSIAN, html_page, rss_feed, write_warc


def make_corpus(root: Path) -> Path:
    """One file of every kind, with a windows-1256 page, a Persian page and a broken file."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "2024-03-05-ankara.txt").write_text(BODY, encoding="utf-8")
    (root / "page.html").write_text(html_page(BODY2, "احتجاجات في عمّان", url="https://daily.example.net/amman",
                                              published="2024-03-06"), encoding="utf-8")
    (root / "legacy.htm").write_bytes(html_page(BODY, "زيارة سعودية", charset="windows-1256",
                                                url="https://old.example.com/ankara").encode("cp1256"))
    (root / "persian.html").write_text(html_page(PERSIAN, "دیدار وزیران", url="https://fa.example.ir/1"),
                                       encoding="utf-8")
    write_warc(root / "crawl.warc.gz", [
        ("https://news.example.com/1", html_page(BODY, "فيدان وبن فرحان")),
        ("https://news.example.com/2", html_page(BODY2, "مظاهرة قرب السفارة"))])
    (root / "feed.rss").write_text(rss_feed([
        ("زيارة", "https://agency.example.org/1", "Tue, 05 Mar 2024 10:00:00 +0000", BODY + " (وكالة)")]),
        encoding="utf-8")
    rows = [{"id": "j1", "url": "https://wire.example.com/1", "title": "خبر", "published": "2024-03-05",
             "text": BODY + " - الوكالة"}, {"id": "j2", "text": ""}]
    (root / "wire.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{bad",
                                     encoding="utf-8")
    (root / "broken.warc").write_bytes(b"this is not a warc file at all\n" * 3)
    return root


def table(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def run(paths: list[Path], db: Path) -> int:
    with Store(db) as store:
        return ingest(discover(paths), store).documents


def test_every_input_kind_is_stored_or_skipped_with_a_reason(tmp_path: Path) -> None:
    corpus, db = make_corpus(tmp_path / "in"), tmp_path / "rasd.duckdb"
    assert run([corpus], db) == 7
    docs = dict(table(db, "SELECT regexp_extract(source, '[^/]+$'), title FROM documents"))
    assert docs["2024-03-05-ankara.txt"] is None and docs["page.html"] == "احتجاجات في عمّان"
    assert docs["legacy.htm"] == "زيارة سعودية" and docs["wire.jsonl:1"] == "خبر"
    warc_titles = sorted(t for s, t in docs.items() if "crawl.warc.gz@" in s)
    assert warc_titles == ["فيدان وبن فرحان", "مظاهرة قرب السفارة"]
    [(text,)] = table(db, "SELECT text FROM documents WHERE source LIKE '%legacy.htm'")
    assert "هاكان فيدان" in text
    [(published, host)] = table(db, "SELECT published, source_name FROM documents "
                                    "WHERE source LIKE '%page.html'")
    assert str(published) == "2024-03-06" and host == "daily.example.net"
    rows = table(db, "SELECT source, reason, detail FROM skipped")
    skipped = {(Path(s).name, r, d.split(":")[0]) for s, r, d in rows}
    assert ("persian.html", "language", "not Arabic") in skipped
    assert {(n, r) for n, r, _ in skipped} >= {("wire.jsonl:2", "empty"), ("wire.jsonl:3", "malformed"),
                                                ("broken.warc", "malformed")}
    assert any(n.startswith("crawl.warc.gz@") and r == "unsupported" for n, r, _ in skipped)


def test_second_run_adds_nothing(tmp_path: Path) -> None:
    corpus, db = make_corpus(tmp_path / "in"), tmp_path / "rasd.duckdb"
    run([corpus], db)
    with Store(db) as store:
        before = store.counts()
    assert run([corpus, corpus / "wire.jsonl"], db) == 0
    with Store(db) as store:
        assert store.counts() == before


def test_the_same_article_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    db = tmp_path / "rasd.duckdb"
    assert run([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "a.txt"], db) == 1
    assert table(db, "SELECT count(*) FROM documents") == [(1,)]


def test_parquet_export_of_every_table(tmp_path: Path) -> None:
    corpus, db = make_corpus(tmp_path / "in"), tmp_path / "rasd.duckdb"
    run([corpus], db)
    with Store(db) as store:
        paths = store.export_parquet(tmp_path / "pq")
        counts = store.counts()
    assert {p.stem for p in paths} == set(SCHEMAS)
    for path in paths:
        [(n,)] = table(db, f"SELECT count(*) FROM read_parquet('{path}')")
        assert n == counts[path.stem]
