"""Single-core speed of `rasd.extract`: start-up, articles/s and MB/s, peak memory.

    python benchmarks/throughput.py [--articles 2000] [--startup-runs 3] [--json] [--profile]

Articles are seed-sized: the seed article, and the dev-set texts joined in order (cycled)
until each piece is as long as the seed, so lengths and vocabulary are real news. Everything
runs in this one process on one core, except start-up, which is timed in fresh
subprocesses (import, then the first `extract`, which builds the lexicon matchers).
Targets: start-up < 1 s, >= 200 articles/s, peak RSS < 300 MB. A fixed pure-Python loop is
timed too: on a shared VM the speed of the host varies, and the loop shows by how much.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import pstats
import resource
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TARGETS = {"startup_s": 1.0, "articles_per_s": 200.0, "peak_rss_mb": 300.0}
SENTENCE = "قال وزير الخارجية التركي اليوم الثلاثاء إن بلاده ترفض أي تدخل في شؤون سوريا."

_CHILD = """
import json, time
t0 = time.perf_counter()
import rasd
t1 = time.perf_counter()
rasd.extract({sentence!r}, "2023-04-25")
t2 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "first_extract_s": t2 - t1}}))
"""


def _texts(eval_dir: Path) -> tuple[str, list[str]]:
    """The seed text and the dev texts, from the evaluation folder."""
    def read(name: str) -> list[str]:
        with (eval_dir / name).open(encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]

    return read("seed.gold.jsonl")[0], read("dev.gold.jsonl")


def seed_sized(seed: str, dev: list[str]) -> list[str]:
    """The seed, then the dev texts joined into pieces at least as long as the seed."""
    pieces, current = [seed], ""
    for text in dev:
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= len(seed):
            pieces.append(current)
            current = ""
    return pieces


def corpus(n: int, eval_dir: Path) -> list[str]:
    seed, dev = _texts(eval_dir)
    return list(islice(cycle(seed_sized(seed, dev)), n))


def startup(runs: int) -> dict[str, float]:
    """Median wall time of a fresh `import rasd; rasd.extract(…)`, split into its parts."""
    rows: list[dict[str, float]] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _CHILD.format(sentence=SENTENCE)],
                              capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        rows.append({**json.loads(done.stdout.strip().splitlines()[-1]), "wall_s": wall})
    return {key: statistics.median(r[key] for r in rows) for key in rows[0]}


def throughput(texts: list[str], chunks: int = 10) -> dict[str, float]:
    """Articles/s and MB/s over `texts`, after one warm-up call that builds the lexicons.

    The run is timed in `chunks` equal slices too: on a shared VM another tenant's burst slows
    one slice, so the median slice rate is the steadier figure; the whole-run rate is kept."""
    import rasd

    rasd.extract(SENTENCE)
    size = sum(len(t.encode("utf-8")) for t in texts)
    events, rates = 0, []
    step = max(1, len(texts) // chunks)
    t0 = time.perf_counter()
    for lo in range(0, len(texts), step):
        c0 = time.perf_counter()
        for text in texts[lo:lo + step]:
            events += len(rasd.extract(text, "2023-04-25").events)
        rates.append(len(texts[lo:lo + step]) / (time.perf_counter() - c0))
    seconds = time.perf_counter() - t0
    return {"articles": len(texts), "seconds": seconds, "articles_per_s": statistics.median(rates),
            "overall_articles_per_s": len(texts) / seconds, "slowest_slice_per_s": min(rates),
            "mb_per_s": size / 1e6 / seconds, "mean_chars": sum(map(len, texts)) / len(texts),
            "events_per_article": events / len(texts)}


def reference_loop_s() -> float:
    """Best of three runs of a fixed pure-Python loop: how fast this machine runs Python right
    now, so that figures from different machines (or a loaded VM) can be compared."""
    def once() -> float:
        t0 = time.perf_counter()
        sum(i * i for i in range(10**7))
        return time.perf_counter() - t0

    return min(once() for _ in range(3))


def engine() -> str:
    """Whether the coding layers run compiled (a wheel install) or as pure Python (editable)."""
    origin = importlib.util.find_spec("rasd.extraction.events").origin or ""
    return "compiled (mypyc)" if origin.endswith((".so", ".pyd")) else "pure Python"


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


_PROFILE_CHILD = """
import cProfile, pstats
prof = cProfile.Profile()
prof.enable()
import rasd
rasd.extract({sentence!r})
prof.disable()
pstats.Stats(prof).sort_stats("cumulative").print_stats({top})
"""


def profile_cold(top: int = 30) -> str:
    """cProfile of import + first extract in a fresh process, by cumulative time."""
    code = _PROFILE_CHILD.format(sentence=SENTENCE, top=top)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def profile_warm(texts: list[str], top: int = 30) -> str:
    """cProfile of extract over `texts` once the lexicons are built, by cumulative time."""
    import rasd

    rasd.extract(SENTENCE)
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        rasd.extract(text)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def verdict(value: float, key: str) -> str:
    target = TARGETS[key]
    ok = value >= target if key == "articles_per_s" else value < target
    return "ok" if ok else "MISSED"


def table(res: dict[str, Any]) -> str:
    s, t = res["startup"], res["throughput"]
    rows = [
        ("engine", res["engine"], "", ""),
        ("start-up wall (fresh process)", f"{s['wall_s']:.2f} s", verdict(s["wall_s"], "startup_s"), "< 1 s"),
        ("  import rasd", f"{s['import_s']:.2f} s", "", ""),
        ("  first extract (lexicon build)", f"{s['first_extract_s']:.2f} s", "", ""),
        ("articles", f"{t['articles']:,} × {t['mean_chars']:,.0f} chars", "", ""),
        ("articles/s (1 core, median slice)", f"{t['articles_per_s']:,.0f}",
         verdict(t["articles_per_s"], "articles_per_s"), ">= 200"),
        ("  whole run / slowest slice",
         f"{t['overall_articles_per_s']:,.0f} / {t['slowest_slice_per_s']:,.0f}", "", ""),
        ("MB/s (UTF-8)", f"{t['mb_per_s']:.2f}", "", ""),
        ("events/article", f"{t['events_per_article']:.1f}", "", ""),
        ("peak RSS", f"{res['peak_rss_mb']:.0f} MB", verdict(res["peak_rss_mb"], "peak_rss_mb"), "< 300 MB"),
        ("reference Python loop (machine speed)", f"{res['reference_loop_s']:.3f} s", "", ""),
    ]
    return "\n".join(f"{a:34s} {b:>24s}  {c:6s} {d}" for a, b, c, d in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="articles to extract (default 2000)")
    ap.add_argument("--startup-runs", type=int, default=3, help="fresh processes timed (median)")
    ap.add_argument("--eval-dir", type=Path, default=EVAL, help="folder with seed/dev .gold.jsonl")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of cold and warm runs")
    args = ap.parse_args()
    res: dict[str, Any] = {"engine": engine(), "startup": startup(args.startup_runs)}
    texts = corpus(args.articles, args.eval_dir)
    res["throughput"] = throughput(texts)
    res["peak_rss_mb"] = peak_rss_mb()
    res["reference_loop_s"] = reference_loop_s()
    res["targets"] = TARGETS
    print(json.dumps(res, indent=1) if args.json else table(res))
    if args.profile:
        print("== import + first extract, fresh process ==\n" + profile_cold())
        print("== warm extract ==\n" + profile_warm(texts[:300]))


if __name__ == "__main__":
    main()
