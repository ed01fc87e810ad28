"""The DuckDB store: one file (`rasd.duckdb`), batched Arrow inserts, Parquet in and out.

Every insert goes through the same anti-join on content-hash keys, so a re-run, a resumed run
or a duplicate input never stores a row twice; each batch is one transaction, so a document is
either stored with everything it owns or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from rasd.store.schema import INPUT_TABLES, KEYS, SCHEMAS

DEFAULT_DB = "rasd.duckdb"


def sql_path(path: Path) -> str:
    """A path as a SQL string literal."""
    return "'" + path.as_posix().replace("'", "''") + "'"


def _fresh(table: str) -> str:
    if table == "skipped":
        return "skip_id NOT IN (SELECT skip_id FROM skipped)"
    return "doc_id NOT IN (SELECT doc_id FROM documents)"


def _new_rows_sql(table: str, source: str) -> str:
    keys = ", ".join(KEYS[table])
    # DISTINCT ON: the same document may come twice in one batch (same article in two inputs).
    return (f"INSERT INTO {table} SELECT DISTINCT ON ({keys}) * FROM {source} WHERE {_fresh(table)} "
            f"ORDER BY {keys}{', source' if table == 'documents' else ''}")


def _unique_rows_sql(table: str, source: str) -> str:
    """`_new_rows_sql` for a source known to hold each key once: no sort to drop duplicates."""
    return f"INSERT INTO {table} SELECT * FROM {source} WHERE {_fresh(table)}"


def _parquet(files: Sequence[Path]) -> str:
    return f"read_parquet([{', '.join(sql_path(f) for f in files)}])"


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        for name, schema in SCHEMAS.items():
            self.con.register("_empty", schema.empty_table())
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} AS SELECT * FROM _empty")
            self.con.unregister("_empty")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def doc_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def _insert_all(self, sources: Mapping[str, str], unique: bool = False) -> None:
        insert = _unique_rows_sql if unique else _new_rows_sql
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, source in sources.items():
                self.con.execute(insert(table, source))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def write(self, tables: dict[str, pa.Table]) -> None:
        """Insert one batch (from `RowBatch.tables()`) in one transaction."""
        for name, table in tables.items():
            self.con.register(f"_batch_{name}", table)
        try:
            self._insert_all({name: f"_batch_{name}" for name in INPUT_TABLES})
        finally:
            for name in tables:
                self.con.unregister(f"_batch_{name}")

    def load_parquet(self, partitions: Mapping[str, Sequence[Path]]) -> None:
        """Bulk-load Parquet partitions (input table → files, one per coding task) in one transaction."""
        sources = {name: _parquet(files) for name in INPUT_TABLES if (files := partitions.get(name))}
        self._insert_all(sources, unique=self._each_once(sources))

    def _each_once(self, sources: Mapping[str, str]) -> bool:
        """Whether no document and no skip comes twice in the sources.

        A task codes each document once, so then no child row comes twice either, and the load
        can skip the sort that drops duplicates (a third of its time on 20,000 documents).
        """
        for table, key in (("documents", "doc_id"), ("skipped", "skip_id")):
            if table in sources and self.con.execute(
                    f"SELECT count(*) <> count(DISTINCT {key}) FROM {sources[table]}").fetchone()[0]:
                return False
        return True

    def export_parquet(self, out_dir: str | Path) -> list[Path]:
        """Every table as OUT_DIR/<table>.parquet."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in SCHEMAS:
            path = out / f"{name}.parquet"
            self.con.execute(f"COPY {name} TO {sql_path(path)} (FORMAT PARQUET)")
            paths.append(path)
        return paths

    def counts(self) -> dict[str, int]:
        return {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in SCHEMAS}

