"""Time `python -m newstables run` against papermill's floor, and print the ratios.

Two floors, measured in the same run: papermill executing as many notebooks as the
collection has, one after another, each of which only imports the libraries the collection
imports (the seed's whole-collection ratio); and papermill executing one such notebook (the
floor per article, measured again after the article runs, since other work on the machine
changes it). Seconds per article are measured for runs of 1 and of 100 articles (variants of
the seed and the benchmark articles), with the kernel pool on and, with --pool-off, off,
and for each --figure-formats value asked for (the notebooks' parameter: "png,svg", the
default, or "svg" alone, which draws each chart once instead of twice).

    .venv/bin/python benchmarks/run.py [--jobs N] [--repeat K] [--articles 1,100] [--pool-off]
                                       [--figure-formats png,svg svg]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill
from nbformat.v4 import new_code_cell, new_notebook

from newstables import load_article, paths
from newstables.run.runner import article_notebooks, default_jobs, notebooks_in

IMPORTS = """
import matplotlib.pyplot as plt
import pandas as pd

import newstables
from newstables import charts
from newstables.analyse import notebook
from newstables.extract.tables import extract_tables
"""


def floor_seconds(count: int, folder: Path) -> float:
    """papermill executing ``count`` import-only notebooks, one after another."""
    nb = new_notebook(cells=[new_code_cell(IMPORTS)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    source = folder / "imports-only.ipynb"
    nbformat.write(nb, source)
    with _kernel_stderr_kept(folder / "floor-kernels.log"):
        t0 = time.perf_counter()
        for i in range(count):
            papermill.execute_notebook(str(source), str(folder / f"out-{i}.ipynb"),
                                       kernel_name="python3", progress_bar=False,
                                       cwd=str(folder))
        return time.perf_counter() - t0


@contextlib.contextmanager
def _kernel_stderr_kept(log: Path):
    """The kernels papermill starts write to this process's stderr (a warning each, about
    TCP); while they run, that goes to ``log``, shown only when papermill fails."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log, "wb") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            sys.stderr.write(log.read_text(errors="replace"))
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def write_articles(folder: Path, count: int) -> Path:
    """``count`` articles: the seed and the benchmark articles, under new ids."""
    bases = [paths.SEED_ARTICLE, *sorted((paths.ROOT / "benchmarks" / "articles").glob("*.txt"))]
    folder.mkdir(parents=True)
    for i in range(count):
        base = load_article(bases[i % len(bases)])
        name = f"{base.id}-v{i:03d}"
        (folder / f"{name}.txt").write_text(base.text, encoding="utf-8")
        meta = {k: v for k, v in base.metadata.items() if k != "sha256"}
        (folder / f"{name}.json").write_text(json.dumps({**meta, "id": name}), encoding="utf-8")
    return folder


def per_article_seconds(count: int, jobs: int | None, folder: Path, pool: bool,
                        formats: str = "png,svg") -> float:
    """Seconds per article of `run` over ``count`` articles, charts saved as ``formats``."""
    key = f"{count}-{pool}-{formats.replace(',', '-')}"
    articles = write_articles(folder / f"articles-{key}", count)
    command = [sys.executable, "-m", "newstables", "run", "--article", str(articles),
               "--out", str(folder / f"reports-{key}"), "--quiet",
               "-p", f"figure_formats={formats}"]
    if jobs:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "NEWSTABLES_KERNEL_POOL": "on" if pool else "off"}
    t0 = time.perf_counter()
    _run(command, env)
    return (time.perf_counter() - t0) / count


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run ``command``; its report lines are kept out of the benchmark's output, and shown
    with the error when it fails."""
    done = subprocess.run(command, cwd=paths.ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"benchmark: newstables run exited with {done.returncode}")


def run_seconds(jobs: int | None, folder: Path) -> float:
    """The real collection on the seed, as a user runs it."""
    command = [sys.executable, "-m", "newstables", "run", "--article", str(paths.SEED_ARTICLE),
               "--out", str(folder / "reports"), "--quiet"]
    if jobs:
        command += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    _run(command)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, help="passed to run --jobs (default: its default)")
    parser.add_argument("--repeat", type=int, default=2, help="timed repetitions (median)")
    parser.add_argument("--articles", default="1,100",
                        help="article counts for seconds per article (comma-separated)")
    parser.add_argument("--pool-off", action="store_true",
                        help="also time each article count with the kernel pool off")
    parser.add_argument("--figure-formats", nargs="+", default=["png,svg"], metavar="FORMATS",
                        help="the notebooks' figure_formats to time each article count with "
                        "(default: png,svg; e.g. png,svg svg)")
    args = parser.parse_args()
    count = len(article_notebooks(notebooks_in()))
    load_at_start = os.getloadavg()[0]  # other work on the machine slows both sides
    floors, runs = [], []
    with tempfile.TemporaryDirectory(prefix="newstables-bench-") as tmp:
        folder = Path(tmp)
        floor_seconds(1, folder)  # warm the disk cache and the kernel spec lookup
        for _ in range(args.repeat):
            floors.append(floor_seconds(count, folder))
            runs.append(run_seconds(args.jobs, folder))
    floor, run = statistics.median(floors), statistics.median(runs)
    print(f"notebooks in the collection     {count}")
    print(f"cores                           {os.cpu_count()}")
    print(f"load average (1 min) at start   {load_at_start:6.2f}")
    print(f"jobs                            {args.jobs or default_jobs()}")
    print(f"floor (papermill, sequential)   {floor:6.1f} s  ({floor / count:.2f} s a notebook)")
    print(f"newstables run on the seed      {run:6.1f} s")
    print(f"ratio run / floor               {run / floor:6.2f}")
    one = floor / count
    print(f"floor per article (papermill, one import-only notebook)  {one:6.2f} s")
    with tempfile.TemporaryDirectory(prefix="newstables-bench-") as tmp:
        for n in (int(a) for a in args.articles.split(",")):
            for formats in args.figure_formats:
                for pool in (True, False) if args.pool_off else (True,):
                    each = per_article_seconds(n, args.jobs, Path(tmp), pool, formats)
                    label = "pool on " if pool else "pool off"
                    print(f"run, {n:>3} article(s), {label}, charts {formats:<7}  "
                          f"{each:6.2f} s an article  ({each / one:.2f} x the floor)",
                          flush=True)
    with tempfile.TemporaryDirectory(prefix="newstables-bench-") as tmp:
        after = floor_seconds(count, Path(tmp)) / count  # the machine's load may have changed
    print(f"floor per article, measured again after the runs  {after:6.2f} s")
    print(f"load average (1 min) at the end {os.getloadavg()[0]:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
