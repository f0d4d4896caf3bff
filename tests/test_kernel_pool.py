"""Kernels forked from a warm parent: a fresh kernel for every notebook, gone when it ends."""

import os

import nbformat
import papermill
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from newstables.run import kernel_pool
from newstables.run.kernels import kernel_manager_class

REPORTS = """
import os, sys
from newstables.analyse import series_lookup
print(os.getpid(), os.getppid(), "leftover" in globals(), "pandas" in sys.modules,
      series_lookup._series_rows_cached.cache_info().currsize > 0)
leftover = 1
"""


@pytest.fixture
def pool():
    path = kernel_pool.start()
    assert path is not None
    yield kernel_pool._parent.pid
    kernel_pool.stop()


def run_code(tmp_path, code: str, name: str) -> list[str]:
    """What one code cell printed, executed by papermill in a kernel (forked when the pool
    is on), as words."""
    nb = new_notebook(cells=[new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "in.ipynb")
    papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / name),
                               kernel_name="python3", progress_bar=False,
                               kernel_manager_class=kernel_manager_class())
    return nbformat.read(tmp_path / name, as_version=4).cells[0].outputs[0]["text"].split()


def execute(tmp_path, name: str) -> list[str]:
    return run_code(tmp_path, REPORTS, name)


def test_each_notebook_gets_a_fresh_kernel_forked_from_the_warm_parent(tmp_path, pool):
    first = execute(tmp_path, "one.ipynb")
    second = execute(tmp_path, "two.ipynb")
    assert first[1] == second[1] == str(pool)  # forked by the kernel parent
    assert first[0] != second[0]  # a new kernel each time
    assert first[2] == second[2] == "False"  # nothing left from the notebook before
    assert first[3] == "True"  # the libraries were imported before the fork
    assert first[4] == "True"  # and the reference series read (notebook.warm_up)
    assert not psutil.pid_exists(int(first[0])) and not psutil.pid_exists(int(second[0]))


def test_the_pool_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(kernel_pool.ENV, "off")
    assert kernel_pool.start() is None
    _, parent, *_ = execute(tmp_path, "plain.ipynb")
    assert int(parent) == os.getpid()  # started by this process, not forked by a parent


def test_stop_ends_the_kernel_parent():
    kernel_pool.start()
    parent = kernel_pool._parent.pid
    kernel_pool.stop()
    assert not psutil.pid_exists(parent) or psutil.Process(parent).status() == "zombie"
    assert kernel_pool.address() is None


def test_a_kernel_ends_when_the_process_that_asked_for_it_is_gone(tmp_path, pool):
    import subprocess
    import time

    from jupyter_client.connect import write_connection_file

    owner = subprocess.Popen(["sleep", "1"])
    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"))
    kernel = kernel_pool.fork_kernel(kernel_pool.address(), connection_file, str(tmp_path),
                                     {**os.environ, "JPY_PARENT_PID": str(owner.pid)})
    assert psutil.pid_exists(kernel)
    owner.wait()
    deadline = time.monotonic() + 20
    while psutil.pid_exists(kernel) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not psutil.pid_exists(kernel)


AHEAD = """
from newstables.analyse import notebook
from newstables.extract.tables import extract_tables
ahead = list(notebook._AHEAD.values())
ctx = notebook.prepare(ARTICLE, PUBLISHED, OUT)
fresh = extract_tables(ctx.article)
print(len(ahead), any(ctx.tables is t for t in ahead),
      all(ctx.tables.as_dict()[k].equals(v) for k, v in fresh.as_dict().items()))
"""


def test_kernels_start_with_the_tables_the_parent_extracted_ahead_for_their_article(
    tmp_path, pool
):
    from newstables import paths

    def code(published: str) -> str:
        return (f"ARTICLE, PUBLISHED, OUT = {str(paths.SEED_ARTICLE)!r}, {published!r}, "
                f"{str(tmp_path / 'out')!r}\n" + AHEAD)

    assert kernel_pool.extract_ahead(str(paths.SEED_ARTICLE), "") is True
    assert run_code(tmp_path, code(""), "same.ipynb") == ["1", "True", "True"]
    # Another date is another article to the notebooks: that kernel extracts its own.
    assert run_code(tmp_path, code("2024-01-02"), "other.ipynb") == ["1", "False", "True"]


def test_a_bad_article_asked_for_ahead_leaves_the_parent_serving(tmp_path, pool):
    assert kernel_pool.extract_ahead(str(tmp_path / "missing.txt"), "") is False
    assert execute(tmp_path, "after.ipynb")[1] == str(pool)


def test_a_client_that_hangs_up_leaves_the_parent_serving(tmp_path, pool):
    import socket

    for message in (b"", b'{"extract": {"article": "x"}}\n', b"not json\n"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(kernel_pool.address())
            conn.sendall(message)
            conn.shutdown(socket.SHUT_WR)  # gone before the parent replies
    assert execute(tmp_path, "after.ipynb")[1] == str(pool)


def test_an_article_read_differently_from_the_one_extracted_ahead_is_extracted_again(
    tmp_path, monkeypatch
):
    from collections import OrderedDict

    from newstables.analyse import notebook
    from newstables.extract.tables import extract_tables

    monkeypatch.setattr(notebook, "_AHEAD", OrderedDict())
    article = tmp_path / "deal.txt"
    article.write_text("Ministers met in London on Monday.\n\nThey agreed a plan.\n",
                       encoding="utf-8")
    notebook.extract_ahead(str(article), "2024-03-01")
    (ahead,) = notebook._AHEAD.values()
    # The same file name and date, another text: not the tables extracted ahead.
    article.write_text("Ministers met in Paris on Monday.\n\n“We agree,” said Jane Doe.\n",
                       encoding="utf-8")
    ctx = notebook.prepare(str(article), "2024-03-01", str(tmp_path / "out"))
    assert ctx.tables is not ahead
    fresh = extract_tables(ctx.article)
    assert all(ctx.tables.as_dict()[k].equals(v) for k, v in fresh.as_dict().items())
    assert not ctx.tables.as_dict()["paragraphs"].equals(ahead.as_dict()["paragraphs"])
    # The same article is taken once: a second prepare in the same kernel extracts afresh.
    notebook.extract_ahead(str(article), "2024-03-01")
    (ahead,) = (t for t in notebook._AHEAD.values() if t is not ahead)
    assert notebook.prepare(str(article), "2024-03-01", str(tmp_path / "out")).tables is ahead
    assert notebook.prepare(str(article), "2024-03-01", str(tmp_path / "out")).tables is not ahead
