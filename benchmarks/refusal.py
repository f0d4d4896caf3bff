"""Time how long `python -m newstables` takes to refuse bad input (one line, non-zero exit),
with the committed notebooks: every case should take well under a second.

    .venv/bin/python benchmarks/refusal.py [--repeat K]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newstables import paths

SEED = str(paths.SEED_ARTICLE)


def cases(tmp: Path) -> dict[str, list[str]]:
    afile = tmp / "afile"
    afile.write_text("x")
    nested = tmp / "nested.txt"
    nested.write_text("Text.")
    nested.with_suffix(".json").write_text("[" * 100_000 + "]" * 100_000)
    reserved = tmp / "reserved.txt"
    reserved.write_text("Text.")
    reserved.with_suffix(".json").write_text('{"id": "index.html"}')
    out = str(tmp / "reports")
    return {
        "missing article": ["run", "--article", str(tmp / "missing.txt"), "--out", out],
        "-p tolerance=nan": ["run", "-p", "tolerance=nan", "--out", out],
        "-p max_actors=-5": ["run", "-p", "max_actors=-5", "--out", out],
        "-p colour=red (unknown)": ["run", "-p", "colour=red", "--out", out],
        "--timeout nan": ["run", "--timeout", "nan", "--out", out],
        "--out on a file": ["run", "--out", str(afile)],
        "nested sidecar (run)": ["run", "--article", str(nested), "--out", out],
        "reserved id (run)": ["run", "--article", str(reserved), "--out", out],
        "nested sidecar (extract)": ["extract", str(nested)],
        "bad date (extract)": ["extract", SEED, "--published", "2023-02-30"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name, argv in cases(Path(folder)).items():
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                out = subprocess.run([sys.executable, "-m", "newstables", *argv],
                                     capture_output=True, cwd=paths.ROOT)
                times.append(time.perf_counter() - t0)
                assert out.returncode != 0 and out.stderr.count(b"\n") == 1, (name, out.stderr)
            print(f"{name:28} exit {out.returncode}  median {statistics.median(times):.2f} s  "
                  f"max {max(times):.2f} s")


if __name__ == "__main__":
    main()
