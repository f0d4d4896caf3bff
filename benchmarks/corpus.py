"""Time `corpus extract` on a 2-worker local Dask cluster against `extract --batch` in one
process, on generated corpora; peak memory per worker; the cost of a rerun after a kill.

The corpora are variants of the seed and the benchmark articles (paragraphs rotated, ids and
publication dates changed), written as JSON lines that both commands read.

    .venv/bin/python benchmarks/corpus.py [--articles 10000] [--memory-sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newstables import load_article, paths
from newstables.run.cluster import LOCAL, connect
from newstables.run.corpus import extract_corpus, read_manifest

BASES = [paths.SEED_ARTICLE, *sorted((paths.ROOT / "benchmarks" / "articles").glob("*.txt"))]


def write_corpus(path: Path, count: int) -> Path:
    """``count`` variants of the base articles as JSON lines."""
    bases = [load_article(p) for p in BASES]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            base = bases[i % len(bases)]
            turn = (i // len(bases)) % len(base.paragraphs)
            paragraphs = [p.text for p in base.paragraphs]
            text = "\n".join(paragraphs[turn:] + paragraphs[:turn])
            published = (base.published or dt.date(2024, 1, 1)) + dt.timedelta(days=i // 7)
            doc = {"id": f"{base.id}-v{i:05d}", "text": text,
                   "published": published.isoformat(),
                   "outlet": base.metadata.get("outlet", "")}
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def batch_seconds(corpus: Path) -> float:
    """`extract --batch` in one process, output discarded."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newstables", "extract", "--batch", str(corpus)],
                   check=True, stdout=subprocess.DEVNULL, cwd=paths.ROOT)
    return time.perf_counter() - t0


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_seconds(corpus: Path, out: Path, workers: int) -> tuple[float, list[float]]:
    """`corpus extract` on a new local cluster (its start-up included); the seconds and each
    worker's peak resident memory (MiB)."""
    t0 = time.perf_counter()
    with connect(LOCAL, workers) as client:
        extract_corpus(corpus, out, cluster=client.scheduler.address, quiet=True)
        seconds = time.perf_counter() - t0
        peaks = sorted(client.run(_peak_rss_mib).values())
    return seconds, peaks


def rerun_after_kill(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    """Kill `corpus extract` (SIGKILL) half-way through, then time the rerun."""
    command = [sys.executable, "-m", "newstables", "corpus", "extract", str(corpus), "--out",
               str(out), "--workers", str(workers)]
    t0 = time.perf_counter()
    subprocess.run(command + ["--quiet"], check=True, cwd=paths.ROOT)
    full = time.perf_counter() - t0
    done_partitions = len(set(read_manifest(out)["partition"]))
    for child in out.iterdir():
        if child.is_dir():
            for f in child.iterdir():
                f.unlink()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, cwd=paths.ROOT,
                            start_new_session=True)
    seen = 0
    for line in proc.stderr:
        seen += line.startswith(b"partition ")
        if seen >= done_partitions // 2:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its local cluster
    proc.wait()
    proc.stderr.close()
    kept = len(read_manifest(out))
    t0 = time.perf_counter()
    subprocess.run(command + ["--quiet"], check=True, cwd=paths.ROOT)
    rerun = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(command + ["--quiet"], check=True, cwd=paths.ROOT)
    nothing = time.perf_counter() - t0
    return {"full": full, "kept": kept, "rerun": rerun, "nothing": nothing}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus for the ratio")
    parser.add_argument("--memory-sizes", default="1000,10000",
                        help="corpus sizes for peak memory per worker (comma-separated)")
    parser.add_argument("--rerun-articles", type=int, default=1000,
                        help="corpus for the kill-and-rerun measurement")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.memory_sizes.split(",")} | {args.articles})
    print(f"cores {os.cpu_count()}, workers {args.workers}")
    with tempfile.TemporaryDirectory(prefix="newstables-corpus-bench-") as tmp:
        root = Path(tmp)
        runs = {}
        for size in sizes:
            corpus = write_corpus(root / f"corpus-{size}.jsonl", size)
            runs[size] = corpus_seconds(corpus, root / f"out-{size}", args.workers)
            peaks = ", ".join(f"{p:.0f}" for p in runs[size][1])
            print(f"corpus extract {size:>6} articles   {runs[size][0]:7.1f} s   "
                  f"peak MiB per worker: {peaks}", flush=True)
        corpus = root / f"corpus-{args.articles}.jsonl"
        one = batch_seconds(corpus)
        many = runs[args.articles][0]
        print(f"extract --batch {args.articles:>5} articles   {one:7.1f} s   (one process)")
        print(f"ratio corpus extract / extract --batch   {many / one:.2f}")
        small = write_corpus(root / "rerun.jsonl", args.rerun_articles)
        r = rerun_after_kill(small, root / "rerun-out", args.workers)
        print(f"rerun after a kill ({args.rerun_articles} articles): full run {r['full']:.1f} s;"
              f" killed with {r['kept']:.0f} articles done; rerun {r['rerun']:.1f} s; "
              f"rerun with nothing left {r['nothing']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
