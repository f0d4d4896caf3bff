"""Time `python -m newstables run` on the seed against its floor, and print the ratio.

The floor is papermill executing as many notebooks as the collection has, one after
another, each of which only imports the libraries the collection imports. A ratio at or
below 1.0 means the whole run (extraction, analysis, HTML, report) costs no more than
starting that many kernels and importing the libraries in sequence.

    .venv/bin/python benchmarks/run.py [--jobs N] [--repeat K]
"""

from __future__ import annotations

import argparse
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

from newstables import paths
from newstables.run.runner import notebooks_in

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
    t0 = time.perf_counter()
    for i in range(count):
        papermill.execute_notebook(str(source), str(folder / f"out-{i}.ipynb"),
                                   kernel_name="python3", progress_bar=False, cwd=str(folder))
    return time.perf_counter() - t0


def run_seconds(jobs: int | None, folder: Path) -> float:
    """The real collection on the seed, as a user runs it."""
    command = [sys.executable, "-m", "newstables", "run", "--article", str(paths.SEED_ARTICLE),
               "--out", str(folder / "reports"), "--quiet"]
    if jobs:
        command += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    subprocess.run(command, check=True, cwd=paths.ROOT)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, help="passed to run --jobs (default: its default)")
    parser.add_argument("--repeat", type=int, default=2, help="timed repetitions (median)")
    args = parser.parse_args()
    count = len(notebooks_in())
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
    print(f"jobs                            {args.jobs or os.cpu_count()}")
    print(f"floor (papermill, sequential)   {floor:6.1f} s  ({floor / count:.2f} s a notebook)")
    print(f"newstables run on the seed      {run:6.1f} s")
    print(f"ratio run / floor               {run / floor:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
