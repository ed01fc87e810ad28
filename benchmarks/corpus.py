"""Corpus throughput: `rasd ingest` vs `rasd batch` on generated Arabic news, with peak memory.

    python benchmarks/corpus.py [--articles 20000] [--workers 2] [--keep DIR]

Articles are built from templates and lexicon words (countries, officials, cities, actions,
topics), so every one differs. Each command runs in its own wrapper process so that peak
memory (max RSS of the largest process, workers included) and CPU time are measured per
command. Other processes on the machine slow `batch` (which wants every core) more than
`ingest` (one core): compare CPU seconds too, and run on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = [  # name, nisba, capital
    ("السعودية", "السعودي", "الرياض"), ("تركيا", "التركي", "أنقرة"), ("مصر", "المصري", "القاهرة"),
    ("الأردن", "الأردني", "عمّان"), ("العراق", "العراقي", "بغداد"), ("إيران", "الإيراني", "طهران"),
    ("قطر", "القطري", "الدوحة"), ("لبنان", "اللبناني", "بيروت"), ("سوريا", "السوري", "دمشق"),
    ("الجزائر", "الجزائري", "الجزائر"), ("المغرب", "المغربي", "الرباط"), ("تونس", "التونسي", "تونس"),
    ("الإمارات", "الإماراتي", "أبوظبي"), ("الكويت", "الكويتي", "الكويت"), ("عمان", "العماني", "مسقط"),
    ("روسيا", "الروسي", "موسكو"), ("فرنسا", "الفرنسي", "باريس"), ("الصين", "الصيني", "بكين"),
]
OFFICIALS = ["وزير الخارجية", "رئيس الوزراء", "وزير الدفاع", "الرئيس", "وزير الداخلية", "رئيس البرلمان",
             "وزير الاقتصاد", "المتحدث باسم الحكومة"]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "أمس", "اليوم"]
TOPICS = ["العلاقات الثنائية", "الأوضاع في غزة", "أمن الحدود", "التعاون الاقتصادي", "ملف اللاجئين",
          "إمدادات الطاقة", "مكافحة الإرهاب", "الأزمة في السودان", "الاستثمارات المشتركة"]
TEMPLATES = [
    "استقبل {off} {n1} {cap1} يوم {day} نظيره {n2}، وبحث الجانبان {topic} وسبل تعزيز التعاون.",
    "قال {off} {n1} في مؤتمر صحفي في {cap1} إن بلاده ترفض أي تدخل في شؤونها الداخلية، "
    "داعياً {c2} إلى احترام الاتفاقات.",
    "اتهمت وزارة الخارجية {n1a} {c2} بدعم جماعات مسلحة، وقالت في بيان إن ذلك يهدد {topic}.",
    "وقّعت {c1} و{c2} {day} في {cap2} اتفاقية تتعلق ب{topic} لمدة خمس سنوات.",
    "تظاهر آلاف المحتجين {day} أمام سفارة {c2} في {cap1} احتجاجاً على {topic}، واعتقلت الشرطة عدداً منهم.",
    "أعلن الجيش {n1} {day} أن قواته قصفت مواقع لمسلحين قرب الحدود مع {c2}، ما أسفر عن سقوط قتلى.",
    "أجرى {off} {n1} اتصالاً هاتفياً مع نظيره {n2} تناول {topic}، وفق بيان رسمي.",
    "نفى {off} {n1} التقارير التي تحدثت عن وساطة مع {c2}، مؤكداً أن موقف بلاده لم يتغير.",
]


def article(rng: random.Random, i: int) -> dict[str, str]:
    (c1, n1, cap1), (c2, n2, cap2) = rng.sample(COUNTRIES, 2)
    fill = {"off": rng.choice(OFFICIALS), "n1": n1, "n1a": n1 + "ة", "cap1": cap1, "cap2": cap2, "c1": c1,
            "c2": c2, "n2": n2, "day": rng.choice(DAYS), "topic": rng.choice(TOPICS)}
    sentences = [rng.choice(TEMPLATES).format(**fill) for _ in range(rng.randint(4, 9))]
    return {"id": f"b{i}", "url": f"https://outlet{i % 40}.example.com/news/{i}",
            "title": sentences[0][:60], "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": f"{cap1} - " + " ".join(sentences)}


def generate(path: Path, n: int, files: int = 8) -> None:
    rng = random.Random(7)
    path.mkdir(parents=True, exist_ok=True)
    outs = [(path / f"part-{k}.jsonl").open("w", encoding="utf-8") for k in range(files)]
    for i in range(n):
        outs[i % files].write(json.dumps(article(rng, i), ensure_ascii=False) + "\n")
    for out in outs:
        out.close()


_MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "quiet = subprocess.DEVNULL; "
            "rc = subprocess.run(sys.argv[1:], stdout=quiet, stderr=quiet).returncode; "
            "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(rc, time.perf_counter() - t, use.ru_utime + use.ru_stime, use.ru_maxrss)")


def measure(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (all processes) and peak RSS (MiB) of one `rasd` command."""
    cli = [sys.executable, "-c", "from rasd.cli import app; app()", *args]
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cli], capture_output=True, text=True, check=True)
    rc, seconds, cpu, rss_kib = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"rasd {' '.join(args)} failed with exit code {rc}")
    return float(seconds), float(cpu), int(rss_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    opts = parser.parse_args()
    work = opts.keep or Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    corpus = work / "corpus"
    generate(corpus, opts.articles)
    runs = {
        "ingest": ["ingest", str(corpus), "--db", str(work / "ingest.duckdb")],
        f"batch ({opts.workers} workers)": ["batch", str(corpus), "--out", str(work / "parts"), "--db",
                                            str(work / "batch.duckdb"), "--workers", str(opts.workers)],
    }
    rates = {}
    print(f"{opts.articles:,} generated articles in {work}")
    for name, args in runs.items():
        seconds, cpu, peak = measure(args)
        rates[name] = opts.articles / seconds
        print(f"{name:<20} {seconds:7.1f} s wall {cpu:7.1f} s CPU  {rates[name]:6,.0f} articles/s  "
              f"peak {peak:,.0f} MiB")
    ingest_rate, batch_rate = rates.values()
    print(f"batch / ingest speed-up: {batch_rate / ingest_rate:.2f}x")
    if not opts.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark total {time.perf_counter() - started:.0f} s)")
