"""Worker: execute one notebook with papermill and render its HTML, in its own process.

The runner forks one worker per notebook (``child``) from a fork server that has papermill
and nbconvert's templates loaded already, so a timeout or Ctrl-C can stop one cleanly
without every worker paying those imports again.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

# Seconds a worker whose runner died gives its kernel to shut down before it exits anyway.
ORPHAN_GRACE = 3.0


class StoppedInCell(Exception):
    """The run stopped inside a cell for a reason that is not the cell's own error (the
    kernel died): the message names the reason and the cell."""


def describe_failure(exc: BaseException) -> str:
    """One line: the failing cell and the exception line."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return f"cell {exc.exec_count or exc.cell_index + 1}: {exc.ename}: {exc.evalue}".strip()
    if isinstance(exc, StoppedInCell):
        return str(exc)
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}".strip().rstrip(":")


@functools.cache
def engine() -> str:
    """The name of papermill's nbclient engine as the workers run it (registered once): it
    saves the executed notebook when a code cell starts, so a run that hangs or is stopped
    shows the cell it was running with every output before it, and when the notebook ends
    (papermill also saves when any cell ends and when a markdown cell starts; the next save
    holds that state, since nothing runs in between)."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class Manager(NotebookExecutionManager):
        holding = False
        handling = None  # an exception the caller was already handling when the run began

        def save(self, **kwargs):
            if self.holding:
                return
            if self.end_time is not None or not self.output_path:
                super().save(**kwargs)  # the notebook as kept: validated by nbformat
                return
            # A save while the notebook runs shows how far it got. It is written as compact
            # JSON, without nbformat's validation, copy and line splitting (the kept notebook
            # is the final save's), which took a worker a third of its time; through
            # papermill's own I/O, so it lands where papermill's saves do.
            from nbformat.v4.nbjson import BytesEncoder
            from papermill.iorw import papermill_io

            text = json.dumps(self.nb, sort_keys=True, ensure_ascii=False, cls=BytesEncoder)
            papermill_io.write(text + "\n", self.output_path)
            self.last_save_time = self.now()

        def cell_start(self, cell, cell_index=None, **kwargs):
            self.holding = cell.cell_type != "code"
            try:
                super().cell_start(cell, cell_index, **kwargs)
            finally:
                self.holding = False

        def cell_complete(self, cell, cell_index=None, **kwargs):
            if sys.exc_info()[1] not in (None, self.handling):
                # papermill ends the cell while an error other than the cell's own is on its
                # way out (the kernel died, the worker is being stopped): the cell is marked
                # failed, not completed, so the cells after it stay pending.
                cell.metadata.papermill["status"] = self.FAILED
            self.holding = True
            try:
                super().cell_complete(cell, cell_index, **kwargs)
            finally:
                self.holding = False

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True,
                             log_output=False, autosave_cell_every=30, **kwargs):
            # papermill's Engine.execute_notebook, with the manager above; the cell papermill
            # injects gets a fixed id instead of a random one (same inputs, same notebook)
            for cell in nb.cells:
                if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
                    cell["id"] = "injected-parameters"
            manager = Manager(nb, output_path=output_path, progress_bar=progress_bar,
                              log_output=log_output, autosave_cell_every=autosave_cell_every)
            manager.handling = sys.exc_info()[1]
            manager.notebook_start()
            try:
                cls.execute_managed_notebook(manager, kernel_name, log_output=log_output,
                                             **kwargs)
            finally:
                manager.cleanup_pbar()
                manager.notebook_complete()
            return manager.nb

    papermill_engines.register("newstables", Engine)
    return "newstables"


def warm_up() -> None:
    """Load the HTML templates now (the fork server calls this, so workers inherit them)."""
    from newstables.run.notebook_pages import warm_up as load_templates

    load_templates()
    engine()


def execute(
    notebook: Path, output: Path, parameters: dict, cwd: Path, shown: dict | None = None,
    report: Path | None = None,
) -> None:
    """Execute ``notebook`` into ``output`` over IPC sockets; record the parameters as
    ``shown`` (paths as the report shows them); render its pages; raise on failure."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from newstables.run.kernels import kernel_manager_class
    from newstables.run.notebook_pages import render_pages
    from newstables.run.publish import places_of, record_parameters

    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name="python3",
            progress_bar=False, cwd=str(cwd), kernel_manager_class=kernel_manager_class(),
            engine_name=engine(),
        )
    except PapermillExecutionError:
        raise  # names its cell
    except Exception as exc:
        where = _cell_marked(output, "failed")  # the cell the engine marked (the kernel died)
        if not where:
            raise
        raise StoppedInCell(describe_failure(exc)[:1800] + where) from exc
    finally:
        if shown is not None and output.is_file():
            record_parameters(output, notebook, shown, report or output.parent,
                              places_of(parameters, shown))
    render_pages(output)


def running_cell(executed: Path) -> str:
    """" in cell N (first line)" for the cell papermill marked running in a partly executed
    notebook; " before any cell ran" when none had started (the kernel was starting)."""
    return _cell_marked(executed, "running") or " before any cell ran"


def _cell_marked(executed: Path, status: str) -> str:
    """" in cell N (first line)" for the first cell whose papermill status is ``status``;
    "" when there is none, or no notebook to read yet."""
    import nbformat

    try:
        nb = nbformat.read(executed, as_version=4)
    except Exception:  # noqa: BLE001 - not written yet, or half-written
        return ""
    for index, cell in enumerate(nb.cells):
        if cell.get("metadata", {}).get("papermill", {}).get("status") == status:
            first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
            shown = first if len(first) <= 60 else first[:59] + "…"
            return f" in cell {index + 1} ({shown})" if shown else f" in cell {index + 1}"
    return ""


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def watch_runner(conn) -> None:
    """End this worker when the runner's end of ``conn`` closes (the runner died, even by
    SIGKILL): SIGTERM first, so the kernel is shut down, then exit after a grace period."""

    def watch() -> None:
        try:
            conn.poll(None)  # the runner never writes: readable means end-of-file
        except (OSError, EOFError, ValueError):
            pass
        if getattr(conn, "closed", False):
            return  # this worker closed it on its way out
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(ORPHAN_GRACE)
        os._exit(1)

    threading.Thread(target=watch, name="runner-watch", daemon=True).start()


def child(notebook: str, output: str, parameters: dict, cwd: str, conn,
          shown: dict | None = None, report: str | None = None) -> None:
    """Worker process entry point: send "" on success, else one error line, through ``conn``."""
    os.setsid()  # Ctrl-C reaches the runner only; it stops the workers in order
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # papermill's and the kernel's chatter stays out of the run's log
    os.dup2(devnull, 2)
    # A SIGTERM from here on ends the worker through the except below, even one that comes
    # while the watcher thread starts (it used to escape with a traceback in the run's log).
    signal.signal(signal.SIGTERM, _terminate)
    try:
        watch_runner(conn)
        execute(Path(notebook), Path(output), parameters, Path(cwd), shown,
                Path(report) if report else None)
        message = ""
    except KeyboardInterrupt:
        message = "interrupted"
    except Exception as exc:  # the worker's whole job is to report this as one line
        message = describe_failure(exc)[:2000]
    try:
        conn.send(message)
    except OSError:
        pass  # the runner is gone
    finally:
        conn.close()
