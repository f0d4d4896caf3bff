"""Run the notebook collection on articles with papermill: parallel, strict, atomic.

A run for one article executes every notebook in ``notebooks/`` into a temporary folder
beside ``<out>/<article id>/`` and swaps it in only when every notebook succeeded. On
failure the last good report stays as it was and the failed run's notebooks are kept in
``<out>/<article id>/failed/<timestamp>/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import math
import multiprocessing
import multiprocessing.connection
import os
import platform
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path

from newstables import paths
from newstables.errors import NewstablesError
from newstables.extract.article import Article, load_article, parse_date
from newstables.extract.tables import extract_tables
from newstables.run import kernel_pool
from newstables.run.freshness import fingerprint, is_current
from newstables.run.locks import FileLock, report_lock
from newstables.run.notebook_pages import NOTEBOOKS_ENV
from newstables.run.pages import write_article_index, write_collection_index
from newstables.run.parameters import convert, declared_parameters
from newstables.run.publish import open_to_readers, places_of, scrub, shown_path
from newstables.run.report_folder import (
    clear_leftovers,
    discard,
    failed_folder,
    swap_in,
)
from newstables.run.scratch import private_tmp
from newstables.schema import write_table

# Parameters every notebook takes; the runner sets them.
RUNNER_PARAMETERS = ("article", "published", "output_dir")
# Articles up to this long (a long feature is about 60,000 characters) are extracted once by
# the kernel parent for all their notebooks' kernels; 100,000 characters take it about 0.2 s.
EXTRACT_AHEAD_CHARS = 100_000
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
    status: str = "pending"  # pending, ok, failed, current (report already up to date)
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
    """The parameters a notebook declares, from its parameters cell (read once per version
    of the file: the runner checks them, then passes each its own)."""
    return _inspect(str(notebook), notebook.stat().st_mtime_ns)


@functools.cache
def _inspect(notebook: str, mtime_ns: int) -> dict[str, dict]:  # noqa: ARG001 - cache key
    return declared_parameters(Path(notebook))


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
    _check_reserved(extra)
    unknown = sorted(set(extra) - set(declared))
    if unknown:
        raise NewstablesError(
            f"unknown parameter {', '.join(unknown)}; the notebooks take: "
            f"{', '.join(sorted(declared))}"
        )
    return {name: convert(name, value, declared[name]) for name, value in extra.items()}


def _check_reserved(extra: dict[str, str]) -> None:
    reserved = sorted(set(extra) & set(RUNNER_PARAMETERS))
    if reserved:
        raise NewstablesError(f"{', '.join(reserved)} is set by the runner: use --article, "
                              "--published or --out")


def expand_articles(sources: Iterable[str | Path]) -> list[Path]:
    """Article files from paths: a folder stands for every ``*.txt`` in it (none in an
    empty folder: a quiet day for a scheduler)."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found.extend(p for p in sorted(path.glob("*.txt")) if not p.name.startswith("."))
        elif not path.exists():
            raise NewstablesError(f"article file not found: {path}")
        else:
            found.append(path)
    return found


def default_jobs() -> int:
    """Notebooks run at once unless told: twice the cores, at most eight more than the cores.
    Each notebook spends time with no core busy (its worker starting, the kernel's
    ``kernel_info`` reply and 0.2 s of quiet on IOPub before the first cell, the kernel's
    shutdown, its worker waiting on the kernel and the kernel on its worker); on 2 cores, 20
    articles left the cores idle 15% of the run with 3 notebooks at once and 5% with 4. A
    notebook at once costs about 90 MB that is not shared (its kernel's and its worker's own
    pages), hence the bound on machines with many cores."""
    cores = os.cpu_count() or 1
    return min(2 * cores, cores + 8)


def _fork_context():
    """Workers fork from a server that has imported papermill and nbconvert once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newstables.run.worker_preload"])
    return context


class Workers:
    """The notebook worker processes under way, so an interrupt can stop them all."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.procs: set = set()
        self.stopping = False
        self.context = _fork_context()

    def start_server(self) -> None:
        """Start the fork server now rather than at the first notebook."""
        from multiprocessing import forkserver

        forkserver.ensure_running()

    def run(self, notebook: Path, output: Path, parameters: dict, timeout: float | None,
            shown: dict | None = None, report: Path | None = None) -> str:
        """Execute one notebook in a worker; returns "" on success, else one error line.
        ``shown`` are the parameters as the report records them, ``report`` its final place."""
        from newstables.run.execute import child, running_cell

        # Duplex, so the worker sees end-of-file on its end when the runner dies, however.
        receive, send = self.context.Pipe(duplex=True)
        proc = self.context.Process(
            target=child,
            args=(str(notebook), str(output), parameters, str(notebook.parent), send, shown,
                  str(report) if report else None),
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
                where = running_cell(output)  # before the worker marks the cell finished
                self._stop(proc)
                return f"timed out after {timeout:g} s{where}"
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
    for name, df in extract_tables(article).as_dict().items():
        write_table(df, folder, name)


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


MAX_TIMEOUT = 7 * 24 * 3600  # a week: longer is a typo, and overflows the OS timers
MAX_WAIT = 24 * 3600


def _seconds(value: float | None, option: str, allow_zero: bool, limit: float) -> None:
    if value is None:
        return
    low_ok = value >= 0 if allow_zero else value > 0
    if not math.isfinite(value) or not low_ok or value > limit:
        least = "at least 0" if allow_zero else "more than 0"
        raise NewstablesError(f"{option} must be {least} and at most {limit:g} seconds, "
                              f"not {value:g}")


def _check_out(out_root: Path) -> None:
    """The reports folder is, or can be made as, a folder we can write in; else one line."""
    if out_root.exists() and not out_root.is_dir():
        raise NewstablesError(f"--out {out_root} is a file, not a folder")
    existing = out_root
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise NewstablesError(f"--out {out_root} is under a file, {existing}")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise NewstablesError(f"cannot write in {existing}: the reports folder is read-only")


def _make_out(out_root: Path) -> None:
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewstablesError(
            f"cannot make the reports folder {out_root}: {exc.strerror}"
        ) from None


def run_collection(
    articles: Sequence[str | Path],
    published: str | None = None,
    out: str | Path | None = None,
    jobs: int | None = None,
    timeout: float | None = 600,
    extra: dict[str, str] | None = None,
    notebooks: Sequence[Path] | None = None,
    quiet: bool = False,
    wait: float = 0.0,
    skip_current: bool = False,
) -> list[ArticleRun]:
    """Run every notebook on every article; returns one ArticleRun each (none for an empty
    folder of articles).

    All parameters are validated (articles load, dates are ISO, parameters are known and in
    range, the reports folder is writable) before any kernel starts; a bad one raises
    NewstablesError. Each article's report is locked for the run: a second run of the same
    article waits up to ``wait`` seconds, then raises BusyError. With ``skip_current``, an
    article whose report came from the same text, notebooks and parameters is not run again.
    """
    extra = dict(extra or {})
    if jobs is not None and not 1 <= jobs <= 1024:
        raise NewstablesError(f"--jobs must be from 1 to 1024, not {jobs}")
    _seconds(timeout, "--timeout", allow_zero=False, limit=MAX_TIMEOUT)
    _seconds(wait, "--wait", allow_zero=True, limit=MAX_WAIT)
    parse_date(published)
    _check_reserved(extra)
    out_root = (Path(out) if out is not None else paths.REPORTS).absolute()
    _check_out(out_root)
    sources = expand_articles(articles)
    loaded: list[tuple[Path, Article]] = []
    seen: dict[str, Path] = {}
    for source in sources:
        article = load_article(source, published=published)
        if article.id in seen:
            raise NewstablesError(
                f"two articles share the id {article.id!r}: {seen[article.id]} and {source}"
            )
        seen[article.id] = source
        target = out_root / article.id
        if target.exists() and not target.is_dir():
            raise NewstablesError(f"{source}: {target} exists and is not a report folder")
        loaded.append((source, article))
    if not loaded:
        return []
    notebooks = article_notebooks(notebooks if notebooks is not None else notebooks_in())
    extra = check_parameters(notebooks, extra)
    _make_out(out_root)

    runs = [ArticleRun(article, source.resolve(), out_root / article.id)
            for source, article in loaded]
    private_tmp()
    locks = [report_lock(out_root, run.article.id) for run in runs]
    try:
        for lock in sorted(locks, key=lambda lock: lock.path.name):
            lock.acquire(wait)
        for run in runs:
            clear_leftovers(out_root, run.article.id)
        jobs = max(1, jobs or default_jobs())
        pending = []
        for run in runs:
            inputs = fingerprint(run.source, notebooks, run.article, extra)
            if skip_current and is_current(run.target, inputs):
                run.status = "current"
            else:
                pending.append((run, inputs))
        progress = Progress(len(pending) * len(notebooks), quiet=quiet)
        if pending:
            _run_articles(pending, notebooks, extra, jobs, timeout, progress)
        progress.close()
    finally:
        for lock in locks:
            lock.release()
    with FileLock(out_root / ".index.lock", f"{out_root}/index.html").acquire(wait=60):
        write_collection_index(out_root)
    return runs


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, so a report is never half swapped."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda signum, frame: caught.append(signum))  # noqa: ARG005
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if caught:
        raise KeyboardInterrupt


@dataclass
class _Article:
    """An article whose notebooks are queued or running, and its staging folder."""

    run: ArticleRun
    staging: Path
    shown: dict
    inputs: dict
    started: dt.datetime
    futures: list = field(default_factory=list)
    begun: bool = False  # whether a notebook of it has started


def _run_articles(
    pending: Sequence[tuple[ArticleRun, dict]],
    notebooks: Sequence[Path],
    extra: dict[str, object],
    jobs: int,
    timeout: float | None,
    progress: Progress,
) -> None:
    """Every article's notebooks through one set of ``jobs`` workers, in article order. The
    next article's notebooks are queued behind the current one's, so a worker that is free
    while an article finishes (its last notebooks, its report written and swapped in) takes
    a notebook of the next article instead of waiting."""
    kernel_pool.launch()  # its address first: the fork server below inherits it
    # the notebooks whose cells the fork server renders for the report pages, once
    os.environ[NOTEBOOKS_ENV] = os.pathsep.join(str(n) for n in notebooks)
    workers = Workers()
    workers.start_server()  # the fork server and the kernel parent start side by side
    kernel_pool.wait_ready()
    # The libraries the report pages need load while the first notebooks run, not after.
    loader = threading.Thread(target=_load_page_libraries, name="page-libraries")
    loader.start()
    ahead = 1 + jobs // len(notebooks)  # articles queued behind the one being finished
    pool = ThreadPoolExecutor(max_workers=jobs)
    flight: deque[_Article] = deque()
    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM)
    if on_main:  # a kill stops the run the way Ctrl-C does
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        for run, inputs in pending:
            flight.append(_start_article(run, notebooks, extra, timeout, progress, workers,
                                         pool, inputs))
            while len(flight) > ahead:
                _finish_article(flight[0])
                flight.popleft()
        while flight:
            _finish_article(flight[0])
            flight.popleft()
    except BaseException:
        workers.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        for article in flight:
            discard(article.staging, article.run.target)
        raise
    finally:
        pool.shutdown(wait=True)
        loader.join()
        if on_main:
            signal.signal(signal.SIGTERM, previous)


def _load_page_libraries() -> None:
    """Import what writing an article's index takes (nbformat, Pillow, the summary's section
    titles)."""
    import nbformat  # noqa: F401
    from PIL import Image  # noqa: F401

    import newstables.analyse.summary  # noqa: F401


def _start_article(
    run: ArticleRun,
    notebooks: Sequence[Path],
    extra: dict[str, object],
    timeout: float | None,
    progress: Progress,
    workers: Workers,
    pool: ThreadPoolExecutor,
    inputs: dict | None = None,
) -> _Article:
    """Make the article's staging folder, write its tables and queue its notebooks."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{run.target.name}.run-", dir=run.target.parent))
    except OSError as exc:
        raise NewstablesError(f"cannot write in {run.target.parent}: {exc.strerror}") from None
    open_to_readers(staging)
    parameters = {
        "article": str(run.source),
        "published": run.article.published.isoformat() if run.article.published else "",
        "output_dir": str(staging),
        **extra,
    }
    # What the report records: paths relative to the project or the report, no staging.
    shown = {**parameters, "article": shown_path(run.source, run.target),
             "output_dir": shown_path(run.target, run.target)}
    places = places_of(parameters, shown)
    run.results = [NotebookResult(nb.stem) for nb in notebooks]
    article = _Article(run, staging, shown, inputs or {}, dt.datetime.now(dt.UTC))

    def one(nb: Path, result: NotebookResult) -> None:
        with workers.lock:
            if not article.begun:  # the article's run starts with its first notebook
                article.begun, article.started = True, dt.datetime.now(dt.UTC)
        label = f"{run.article.id}/{nb.stem}"
        progress.start(label)
        t0 = time.perf_counter()
        own = set(notebook_parameters(nb))
        error = workers.run(
            nb, staging / nb.name, {k: v for k, v in parameters.items() if k in own}, timeout,
            {k: v for k, v in shown.items() if k in own}, run.target,
        )
        result.status, result.error = ("failed", scrub(error, places)) if error else ("ok", "")
        result.seconds = round(time.perf_counter() - t0, 2)
        progress.finish(label, result)

    try:
        write_tables(run.article, staging)
        # The kernel parent extracts the article once for the kernels of all its notebooks
        # (not a very long text: the parent forks no kernel while it extracts).
        if len(run.article.text) <= EXTRACT_AHEAD_CHARS:
            kernel_pool.extract_ahead(parameters["article"], parameters["published"])
    except BaseException:
        discard(staging, run.target)
        raise
    pairs = zip(notebooks, run.results, strict=True)
    article.futures = [pool.submit(one, nb, result) for nb, result in pairs]
    return article


def _finish_article(article: _Article) -> None:
    """Wait for the article's notebooks; record the run, then swap the report in (or keep
    the failed run beside it)."""
    for future in article.futures:
        future.result()
    run, staging, shown, started = article.run, article.staging, article.shown, article.started
    ended = dt.datetime.now(dt.UTC)
    failed = [r for r in run.results if r.status != "ok"]
    run.status = "failed" if failed else "ok"
    if failed:
        first = failed[0]
        run.error = f"{first.name}.ipynb failed: {first.error}"
    record = {
        "article": run.article.id,
        "title": run.article.title,
        "outlet": str(run.article.metadata.get("outlet", "")),
        "status": run.status,
        "error": run.error,
        "parameters": shown,
        "inputs": article.inputs,
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
    try:
        with _interrupts_deferred():
            if failed:
                keep = failed_folder(run.target, started)
                record["parameters"] = {**shown, "output_dir": shown_path(keep, run.target)}
                _write_record(staging, record)
                os.replace(staging, keep)
                return
            _write_record(staging, record)
            write_article_index(staging, run.article, record)
            swap_in(staging, run.target)
    except OSError as exc:
        raise NewstablesError(
            f"{run.article.id}: cannot write the report in {run.target.parent}: "
            f"{exc.strerror or exc}; the last good report is unchanged"
        ) from None
    finally:
        discard(staging, run.target)  # gone already unless the swap failed


def _write_record(folder: Path, record: dict) -> None:
    """``run.json``: strict JSON (a NaN or infinity is an error, never written)."""
    text = json.dumps(record, indent=2, allow_nan=False)
    (folder / "run.json").write_text(text + "\n", encoding="utf-8")


def _raise_keyboard_interrupt(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt
