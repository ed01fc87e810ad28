"""Claims ledger at corpus scale: `rasd claims` docs/s and peak memory, and the grouping step alone.

    python benchmarks/claims.py [--articles 4000] [--keep DIR]

Articles are real Arabic news (the bundled samples, the seed and, when it sits beside the
checkout, the dev set) repeated with new ids, outlets and dates: every four copies of a text
share a publication date, as four outlets reporting one story, and each further four move a
week on, so the ledger sees both stories told several times and the same parties on other days.
`rasd claims --json` runs in its own process (wall time, peak RSS); the grouping step is then
timed alone in this process on the already coded articles.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from corpus import measure

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "samples" / "news.jsonl", ROOT / "tests" / "data" / "seed.gold.jsonl",
           ROOT.parent / "shared" / "eval" / "dev.gold.jsonl"]
OUTLETS = 40
WEEK = timedelta(days=7)  # past the ledger's date window: a new week is a new story


def pool() -> list[tuple[str, date]]:
    """(text, publication date) of every bundled article."""
    texts = sorted(ROOT.glob("samples/*.txt"))
    found = [(p.read_text(encoding="utf-8"), date.fromisoformat(p.name[:10])) for p in texts]
    for path in (p for p in SOURCES if p.exists()):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        found += [(row["text"], date.fromisoformat(row["published"][:10])) for row in rows]
    return found


def articles(n: int) -> list[dict[str, str]]:
    texts = pool()
    rows = []
    for i in range(n):
        text, published = texts[i % len(texts)]
        copy = i // len(texts)
        row = {"id": f"c{i}", "published": (published + copy // 4 * WEEK).isoformat(), "text": text}
        if i % 5:  # most with a URL, some named only by their outlet, as feeds and CSV exports give them
            row["url"] = f"https://www.outlet{(copy % 4 + i) % OUTLETS}.example/news/{i}"
        else:
            row["source"] = f"وكالة {copy % 4}"
        rows.append(row)
    return rows


def grouping_seconds(rows: list[dict[str, str]]) -> tuple[float, int, int, int]:
    """Seconds of `ledger` alone, with the number of sides, groups and contested groups."""
    import rasd
    from rasd.claims.ledger import ledger

    coded: dict[tuple[str, str], rasd.Doc] = {}  # copies that share text and date share the coding
    docs = []
    for row in rows:
        doc = coded.get((row["text"], row["published"])) or rasd.extract(row["text"], row["published"])
        coded[(row["text"], row["published"])] = doc
        docs.append(dataclasses.replace(doc, id=row["id"], url=row.get("url")))
    start = time.perf_counter()
    groups = ledger(docs)
    seconds = time.perf_counter() - start
    return seconds, sum(len(g.sides) for g in groups), len(groups), sum(g.contested for g in groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    opts = parser.parse_args()
    work = opts.keep or Path(tempfile.mkdtemp(prefix="rasd-claims-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = articles(opts.articles)
    path = work / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    seconds, cpu, peak = measure(["claims", str(path), "--json"])
    print(f"rasd claims, {opts.articles:,} articles: {seconds:.1f} s wall {cpu:.1f} s CPU  "
          f"{opts.articles / seconds:,.0f} docs/s  peak {peak:,.0f} MiB")
    grouping, sides, groups, contested = grouping_seconds(rows)
    print(f"grouping alone: {grouping:.2f} s for {sides:,} sides ({sides / grouping:,.0f} sides/s) "
          f"→ {groups:,} groups, {contested:,} contested")
    if not opts.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
