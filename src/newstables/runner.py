"""Run the notebook collection on articles with papermill: parallel, strict, atomic.

A run for one article executes every notebook in ``notebooks/`` into a temporary folder
beside ``<out>/<article id>/`` and swaps it in only when every notebook succeeded. On
failure the last good report stays as it was and the failed run's notebooks are kept in
``<out>/<article id>/failed/<timestamp>/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import multiprocessing
import multiprocessing.connection
import os
import platform
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

from newstables import kernel_pool, paths
from newstables.article import ARTICLE_ID, Article, load_article, parse_date
from newstables.errors import NewstablesError
from newstables.report import write_article_index, write_collection_index
from newstables.tables import extract_tables

# Parameters every notebook takes; the runner sets them.
RUNNER_PARAMETERS = ("article", "published", "output_dir")
VERSIONED = ("newstables", "pandas", "matplotlib", "papermill", "nbclient", "nbconvert",
             "jupyter_client", "ipykernel", "numpy")


@dataclass
class NotebookResult:
    name: str
    status: str = "pending"  # pending, ok, failed
    seconds: float = 0.0
    error: str = ""


@dataclass
class ArticleRun:
    article: Article
    source: Path
    target: Path
    results: list[NotebookResult] = field(default_factory=list)
    status: str = "pending"
    error: str = ""


def notebooks_in(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The collection: every ``NN-*.ipynb`` in ``folder``, in name order."""
    found = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())
    if not found:
        raise NewstablesError(f"no notebooks (NN-name.ipynb) found in {folder}")
    return found


def article_notebooks(notebooks: Sequence[Path]) -> list[Path]:
    """The notebooks a run executes per article: a corpus notebook (parameter ``corpus``)
    compares many articles and is run on its own."""
    return [nb for nb in notebooks if "corpus" not in notebook_parameters(nb)]


def notebook_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares, from papermill's inspection of its parameters cell
    (read once per version of the file: the runner checks them, then passes each its own)."""
    return _inspect(str(notebook), notebook.stat().st_mtime_ns)


@functools.cache
def _inspect(notebook: str, mtime_ns: int) -> dict[str, dict]:  # noqa: ARG001 - cache key
    import papermill

    return papermill.inspect_notebook(notebook)


_CONVERT = {"int": int, "float": float, "bool": lambda v: {"true": True, "false": False}[
    v.strip().lower()], "str": str}


def check_parameters(notebooks: Sequence[Path], extra: dict[str, str]) -> dict[str, object]:
    """Refuse a parameter that no notebook declares (papermill would only warn), or that the
    runner sets itself; return the values converted to the types the notebooks declare."""
    declared: dict[str, str] = {}
    for nb in notebooks:
        params = notebook_parameters(nb)
        missing = [p for p in RUNNER_PARAMETERS if p not in params]
        if missing:
            raise NewstablesError(f"{nb.name}: parameters cell lacks {', '.join(missing)}")
        for name, p in params.items():
            declared.setdefault(name, p["inferred_type_name"])
    reserved = sorted(set(extra) & set(RUNNER_PARAMETERS))
    if reserved:
        raise NewstablesError(f"{', '.join(reserved)} is set by the runner: use --article, "
                              "--published or --out")
    unknown = sorted(set(extra) - set(declared))
    if unknown:
        raise NewstablesError(
            f"unknown parameter {', '.join(unknown)}; the notebooks take: "
            f"{', '.join(sorted(declared))}"
        )
    converted: dict[str, object] = {}
    for name, value in extra.items():
        kind = declared[name]
        try:
            converted[name] = _CONVERT.get(kind, str)(value)
        except (KeyError, ValueError):
            raise NewstablesError(f"parameter {name}={value!r} is not a {kind}") from None
    return converted


def expand_articles(sources: Iterable[str | Path]) -> list[Path]:
    """Article files from paths: a folder stands for every ``*.txt`` in it."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            texts = sorted(path.glob("*.txt"))
            if not texts:
                raise NewstablesError(f"no article (*.txt) in folder {path}")
            found.extend(texts)
        elif not path.exists():
            raise NewstablesError(f"article file not found: {path}")
        else:
            found.append(path)
    return found


def _fork_context():
    """Workers fork from a server that has imported papermill and nbconvert once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newstables.worker_preload"])
    return context


class Workers:
    """The notebook worker processes under way, so an interrupt can stop them all."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.procs: set = set()
        self.stopping = False
        self.context = _fork_context()

    def run(self, notebook: Path, output: Path, parameters: dict, timeout: float | None) -> str:
        """Execute one notebook in a worker; returns "" on success, else one error line."""
        from newstables.execute import child

        receive, send = self.context.Pipe(duplex=False)
        proc = self.context.Process(
            target=child,
            args=(str(notebook), str(output), parameters, str(notebook.parent), send),
            name=f"newstables-{notebook.stem}",
        )
        with self.lock:
            if self.stopping:
                return "interrupted"
            proc.start()
            self.procs.add(proc)
        send.close()
        try:
            # Read the result as soon as it comes, so a long message cannot block the worker.
            ready = multiprocessing.connection.wait([receive, proc.sentinel], timeout)
            message = None
            if receive in ready:
                try:
                    message = receive.recv()
                except EOFError:
                    message = None
            elif not ready:
                self._stop(proc)
                return f"timed out after {timeout:g} s"
            proc.join()
        finally:
            receive.close()
            with self.lock:
                self.procs.discard(proc)
        if message is None:
            return f"worker exited with status {proc.exitcode}"
        return message

    @staticmethod
    def _stop(proc) -> None:
        """SIGTERM lets the worker shut its kernel down; SIGKILL if it does not stop."""
        if proc.is_alive():
            proc.terminate()
            proc.join(15)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def stop_all(self) -> None:
        with self.lock:
            self.stopping = True
            procs = list(self.procs)
        for proc in procs:
            self._stop(proc)


def write_tables(article: Article, folder: Path) -> None:
    """Every extracted table as CSV under ``folder/tables``."""
    tables_dir = folder / "tables"
    tables_dir.mkdir(parents=True, exist_ok=True)
    for name, df in extract_tables(article).as_dict().items():
        df.to_csv(tables_dir / f"{name}.csv", index=False, lineterminator="\n")


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


class Progress:
    """A live status line on a terminal; plain log lines otherwise."""

    def __init__(self, total: int, stream=sys.stderr, quiet: bool = False):
        self.total, self.done, self.stream, self.quiet = total, 0, stream, quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.running: list[str] = []
        self.lock = threading.Lock()

    def _status(self) -> None:
        names = ", ".join(self.running) or "finishing"
        self.stream.write(f"\r\x1b[K[{self.done}/{self.total}] running: {names}")
        self.stream.flush()

    def start(self, label: str) -> None:
        with self.lock:
            self.running.append(label)
            if self.quiet:
                return
            if self.tty:
                self._status()
            else:
                print(f"start {label}", file=self.stream, flush=True)

    def finish(self, label: str, result: NotebookResult) -> None:
        with self.lock:
            self.running.remove(label)
            self.done += 1
            if self.quiet:
                return
            mark = "ok" if result.status == "ok" else "FAILED"
            line = f"{mark:6} {label} ({result.seconds:.1f}s)"
            if result.error:
                line += f": {result.error}"
            if self.tty:
                self.stream.write(f"\r\x1b[K{line}\n")
                self._status()
            else:
                print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.tty and not self.quiet:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _unique_folder(parent: Path, moment: dt.datetime) -> Path:
    """``parent/<timestamp>``, with a suffix if a run in the same second got there first."""
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    folder, n = parent / stamp, 1
    while folder.exists():
        n += 1
        folder = parent / f"{stamp}-{n}"
    return folder


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``, keeping ``target/failed`` history."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if (target / "failed").is_dir():
        shutil.move(str(target / "failed"), str(staging / "failed"))
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old.exists():
            os.replace(old, target)  # put the last good report back
        raise
    shutil.rmtree(old, ignore_errors=True)


def run_collection(
    articles: Sequence[str | Path],
    published: str | None = None,
    out: str | Path | None = None,
    jobs: int | None = None,
    timeout: float | None = 600,
    extra: dict[str, str] | None = None,
    notebooks: Sequence[Path] | None = None,
    quiet: bool = False,
) -> list[ArticleRun]:
    """Run every notebook on every article; returns one ArticleRun each.

    All parameters are validated (articles load, dates are ISO, parameters are known)
    before any kernel starts; a bad one raises NewstablesError.
    """
    extra = dict(extra or {})
    if jobs is not None and jobs < 1:
        raise NewstablesError(f"--jobs must be at least 1, not {jobs}")
    if timeout is not None and timeout <= 0:
        raise NewstablesError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    parse_date(published)
    notebooks = article_notebooks(notebooks if notebooks is not None else notebooks_in())
    extra = check_parameters(notebooks, extra)
    out_root = Path(out) if out is not None else paths.REPORTS
    runs: list[ArticleRun] = []
    seen: dict[str, Path] = {}
    for source in expand_articles(articles):
        article = load_article(source, published=published)
        if not ARTICLE_ID.fullmatch(article.id):
            raise NewstablesError(
                f"{source}: article id {article.id!r} names its report folder, so it must be "
                "letters, digits, '.', '-' or '_'"
            )
        if article.id in seen:
            raise NewstablesError(
                f"two articles share the id {article.id!r}: {seen[article.id]} and {source}"
            )
        seen[article.id] = source
        runs.append(ArticleRun(article, source.resolve(), out_root.resolve() / article.id))
    out_root.mkdir(parents=True, exist_ok=True)

    jobs = max(1, jobs or os.cpu_count() or 1)
    kernel_pool.start()  # before the workers start: they inherit its address
    progress = Progress(len(runs) * len(notebooks), quiet=quiet)
    for run in runs:
        _run_article(run, notebooks, extra, jobs, timeout, progress)
    progress.close()
    write_collection_index(out_root)
    return runs


def _run_article(
    run: ArticleRun,
    notebooks: Sequence[Path],
    extra: dict[str, str],
    jobs: int,
    timeout: float | None,
    progress: Progress,
) -> None:
    started = dt.datetime.now(dt.UTC)
    staging = Path(tempfile.mkdtemp(prefix=f".{run.target.name}.run-", dir=run.target.parent))
    parameters = {
        "article": str(run.source),
        "published": run.article.published.isoformat() if run.article.published else "",
        "output_dir": str(staging),
        **extra,
    }
    run.results = [NotebookResult(nb.stem) for nb in notebooks]
    workers = Workers()

    def one(nb: Path, result: NotebookResult) -> None:
        label = f"{run.article.id}/{nb.stem}"
        progress.start(label)
        t0 = time.perf_counter()
        own = set(notebook_parameters(nb))
        error = workers.run(
            nb, staging / nb.name, {k: v for k, v in parameters.items() if k in own}, timeout
        )
        result.status, result.error = ("failed", error) if error else ("ok", "")
        result.seconds = round(time.perf_counter() - t0, 2)
        progress.finish(label, result)

    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM)
    if on_main:  # a kill stops the run the way Ctrl-C does
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        write_tables(run.article, staging)
        pairs = zip(notebooks, run.results, strict=True)
        for future in [pool.submit(one, nb, result) for nb, result in pairs]:
            future.result()
    except BaseException:
        workers.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        pool.shutdown(wait=True)
        if on_main:
            signal.signal(signal.SIGTERM, previous)

    ended = dt.datetime.now(dt.UTC)
    failed = [r for r in run.results if r.status != "ok"]
    run.status = "failed" if failed else "ok"
    if failed:
        first = failed[0]
        run.error = f"{first.name}.ipynb failed in {first.error}"
    record = {
        "article": run.article.id,
        "title": run.article.title,
        "status": run.status,
        "error": run.error,
        "parameters": {**parameters, "output_dir": str(run.target)},
        "started": started.isoformat(timespec="seconds"),
        "ended": ended.isoformat(timespec="seconds"),
        "seconds": round((ended - started).total_seconds(), 2),
        "notebooks": [
            {"notebook": f"{r.name}.ipynb", "status": r.status, "seconds": r.seconds,
             "error": r.error}
            for r in run.results
        ],
        "versions": library_versions(),
    }
    if failed:
        (run.target / "failed").mkdir(parents=True, exist_ok=True)
        keep = _unique_folder(run.target / "failed", started)
        record["parameters"]["output_dir"] = str(keep)
        (staging / "run.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        shutil.move(str(staging), str(keep))
        return
    try:
        (staging / "run.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        write_article_index(staging, run.article, record)
        _swap_in(staging, run.target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already unless the swap failed


def _raise_keyboard_interrupt(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt
