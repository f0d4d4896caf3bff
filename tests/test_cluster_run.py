"""run --cluster: each article's collection is a task on a Dask worker, and survives one dying."""

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil
from conftest import kill_a_worker
from nbformat.v4 import new_code_cell, new_notebook

from newstables import paths

PARAMETERS = (
    'article: str = ""  # article path\npublished: str = ""  # date\noutput_dir: str = ""  # out'
)
# Slow enough that a worker can be killed while it runs.
COUNTS_PARAGRAPHS = """
import time
from pathlib import Path
import newstables
art = newstables.load_article(article, published=published or None)
time.sleep(4)
(Path(output_dir) / "tables").mkdir(parents=True, exist_ok=True)
(Path(output_dir) / "tables" / "count.csv").write_text(f"paragraphs\\n{len(art.paragraphs)}\\n")
"""


def write_collection(folder: Path) -> Path:
    folder.mkdir()
    nb = new_notebook(cells=[new_code_cell(PARAMETERS), new_code_cell(COUNTS_PARAGRAPHS)])
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, folder / "01-count-paragraphs.ipynb")
    return folder


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        text = "\n".join(f"Paragraph {p} of article {i}." for p in range(i + 1))
        (folder / f"art{i}.txt").write_text(text, encoding="utf-8")
    return folder


def run_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newstables", "run", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=paths.ROOT)


def check_reports(out: Path, count: int) -> None:
    for i in range(count):
        report = out / f"art{i}"
        record = json.loads((report / "run.json").read_text())
        assert record["status"] == "ok"
        assert (report / "tables" / "count.csv").read_text() == f"paragraphs\n{i + 1}\n"
        assert (report / "01-count-paragraphs.html").is_file()
    # lock files stay (a run locks each report); staging folders must not
    assert not [p.name for p in out.iterdir()
                if p.name.startswith(".") and not p.name.endswith(".lock")], "staging left"
    index = (out / "index.html").read_text()
    assert all(f'href="art{i}/index.html"' in index for i in range(count))


def test_a_worker_killed_mid_task_is_retried_and_the_run_completes(tmp_path, dask_cluster):
    cluster, client = dask_cluster
    articles, out = write_articles(tmp_path / "articles", 3), tmp_path / "reports"
    notebooks = write_collection(tmp_path / "notebooks")
    proc = run_cli("--article", str(articles), "--out", str(out), "--notebooks",
                   str(notebooks), "--cluster", cluster.scheduler_address)
    killed: list[int] = []

    def kill_when_busy() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            busy = client.run(lambda dask_worker: dask_worker.state.executing_count)
            if all(busy.values()):
                time.sleep(1)  # the runners have started their notebooks
                killed.append(kill_a_worker(client))
                return
            time.sleep(0.2)

    killer = threading.Thread(target=kill_when_busy)
    killer.start()
    _, err = proc.communicate(timeout=300)
    killer.join()
    assert killed, "no worker was busy to kill"
    assert proc.returncode == 0, err
    check_reports(out, 3)
    # the killed worker's runner stopped with it: no runner is left for these reports
    left = [p for p in psutil.process_iter(["cmdline"])
            if str(out) in " ".join(p.info["cmdline"] or [])]
    assert not left
    client.wait_for_workers(2, timeout=120)


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    articles = write_articles(tmp_path / "articles", 1)
    proc = run_cli("--article", str(articles), "--out", str(tmp_path / "r"), "--cluster",
                   "tcp://127.0.0.1:9")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.count(b"\n") == 1 and b"cannot reach a Dask scheduler" in err
    assert not (tmp_path / "r" / "art0").exists()
