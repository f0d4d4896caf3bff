"""``run --cluster``: each article's collection as a task on a Dask worker.

A task runs ``python -m newstables run`` for one article on its worker, so each article's
report is written, swapped in and recorded exactly as a local run does it. The report folder
(and the articles) must be on a filesystem every worker reaches at the same path. If a
worker dies mid-task, its runner is stopped with it (SIGTERM: it stops its kernels and
leaves no half-written report) and the scheduler gives the task to another worker.
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstables import paths
from newstables.errors import NewstablesError
from newstables.extract.article import load_article, parse_date
from newstables.ids import check_article_id
from newstables.run.cluster import connect

_PR_SET_PDEATHSIG = 1


@dataclass
class ClusterArticle:
    id: str
    source: Path
    status: str = "pending"  # ok, failed, bad input, interrupted
    error: str = ""
    seconds: float = 0.0


def _stop_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """The runner gets SIGTERM when the worker that started it dies (Linux)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))
    except (OSError, AttributeError):
        pass


def run_article(command: list[str]) -> dict[str, Any]:
    """A Dask task: run the collection for one article; its exit status and last error line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=paths.ROOT, preexec_fn=_stop_with_parent)
    _, err = proc.communicate()
    lines = [line for line in err.decode("utf-8", "replace").splitlines() if "error:" in line]
    return {"returncode": proc.returncode, "error": lines[-1] if lines else "",
            "seconds": round(time.perf_counter() - t0, 2)}


def _articles(sources: Sequence[str | Path], published: str | None) -> list[ClusterArticle]:
    from newstables.run.runner import expand_articles

    found: list[ClusterArticle] = []
    seen: dict[str, Path] = {}
    for source in expand_articles(sources):
        article = load_article(source, published=published)
        check_article_id(article.id, str(source))  # it names the report folder
        if article.id in seen:
            raise NewstablesError(
                f"two articles share the id {article.id!r}: {seen[article.id]} and {source}")
        seen[article.id] = source
        found.append(ClusterArticle(article.id, Path(source).resolve()))
    return found


def run_on_cluster(
    articles: Sequence[str | Path],
    cluster: str,
    workers: int | None = None,
    published: str | None = None,
    out: str | Path | None = None,
    jobs: int | None = None,
    timeout: float | None = 600,
    extra: dict[str, str] | None = None,
    notebooks: str | Path | None = None,
    quiet: bool = False,
    stream=sys.stderr,
) -> list[ClusterArticle]:
    """Run the collection for every article as Dask tasks; every input is checked first."""
    from distributed import as_completed

    from newstables.run.pages import write_collection_index
    from newstables.run.runner import article_notebooks, check_parameters, notebooks_in

    if jobs is not None and jobs < 1:
        raise NewstablesError(f"--jobs must be at least 1, not {jobs}")
    if timeout is not None and timeout <= 0:
        raise NewstablesError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    parse_date(published)
    folder = Path(notebooks).resolve() if notebooks else paths.NOTEBOOKS
    check_parameters(article_notebooks(notebooks_in(folder)), dict(extra or {}))
    todo = _articles(articles, published)
    out_root = (Path(out) if out is not None else paths.REPORTS).resolve()
    out_root.mkdir(parents=True, exist_ok=True)

    base = [sys.executable, "-m", "newstables", "run", "--out", str(out_root), "--quiet",
            "--jobs", str(jobs or 1), "--notebooks", str(folder)]
    if timeout is not None:
        base += ["--timeout", f"{timeout:g}"]
    if published:
        base += ["--published", published]
    for name, value in (extra or {}).items():
        base += ["-p", f"{name}={value}"]
    by_key = {}
    token = uuid.uuid4().hex[:8]  # a fresh key: never a result cached from an earlier run
    with connect(cluster, workers) as client:
        futures = []
        for item in todo:
            future = client.submit(run_article, [*base, "--article", str(item.source)],
                                   key=f"newstables-run-{item.id}-{token}")
            by_key[future.key] = item
            futures.append(future)
        for future in as_completed(futures):
            item = by_key[future.key]
            try:
                done = future.result()
            except Exception as exc:  # the task was lost on every worker it was given
                item.status, item.error = "failed", f"{type(exc).__name__}: {exc}".strip()
            else:
                item.seconds = done["seconds"]
                item.status = {0: "ok", 1: "failed", 2: "bad input", 130: "interrupted"}.get(
                    done["returncode"], "failed")
                item.error = done["error"].removeprefix("newstables: error: ")
                if item.status == "failed" and not item.error:
                    item.error = f"runner exited with status {done['returncode']}"
            if not quiet:
                mark = "ok" if item.status == "ok" else "FAILED"
                line = f"{mark:6} {item.id} ({item.seconds:.1f}s)"
                print(line + (f": {item.error}" if item.error else ""), file=stream, flush=True)
    write_collection_index(out_root)
    return todo
