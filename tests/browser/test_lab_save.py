"""The notebooks as JupyterLab opens them: opened in `make lab`'s kernel and saved from the
real JupyterLab in Chromium, a notebook whose outputs did not change is byte for byte the same."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstables.run.runner import notebooks_in

from .conftest import launch, require_browser

require_browser()

TOKEN = "newstables-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on the loopback address over a copy of the committed notebooks."""
    root = tmp_path_factory.mktemp("lab")
    state = tmp_path_factory.mktemp("lab-state")  # workspaces and settings of this run only
    for nb in notebooks_in():
        shutil.copy(nb, root / nb.name)
    port = free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
         "--ServerApp.allow_root=True", "--LabApp.news_url=",
         f"--LabApp.workspaces_dir={state / 'workspaces'}",
         f"--LabApp.user_settings_dir={state / 'settings'}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        yield root, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(30)


@pytest.fixture(scope="module")
def lab_page(lab):
    from playwright.sync_api import sync_playwright

    _, base = lab
    outside: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1200, "height": 900})

        def route(r):
            if r.request.url.startswith((base, base.replace("http", "ws"), "data:", "blob:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        yield context.new_page(), outside
        browser.close()


# The first and the last notebook: every committed notebook carries the same kernelspec
# (tests/test_lab_save.py checks them all against the server's contents manager).
FIRST_AND_LAST = sorted({notebooks_in()[0], notebooks_in()[-1]})


@pytest.mark.parametrize("notebook", FIRST_AND_LAST, ids=lambda p: p.name)
def test_saving_an_unchanged_notebook_from_jupyterlab_leaves_no_diff(lab, lab_page, notebook):
    root, base = lab
    page, outside = lab_page
    before = (root / notebook.name).read_bytes()
    workspace = notebook.stem  # a fresh workspace: only this notebook open
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{notebook.name}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook",
                           timeout=120_000)
    # The kernel has started and told JupyterLab its spec and language.
    page.wait_for_function("/\\| Idle/.test(document.body.innerText)", timeout=120_000)
    page.click(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    page.keyboard.press("Control+s")
    page.wait_for_function("/Saving completed/.test(document.body.innerText)", timeout=60_000)
    assert (root / notebook.name).read_bytes() == before
    assert outside == []
