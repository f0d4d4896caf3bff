"""Faults an operator meets (kill -9, SIGTERM at start-up, two schedulers, a read-only
folder, bad batch lines, hostile sidecars): each ends cleanly, and nothing is lost."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from faults import (
    Run,
    alive,
    listening_tcp_inodes,
    running,
    socket_inodes,
    started,
    wait_for,
)
from test_runner import make_notebook

from newstables import paths

SLOW = "import time\ntime.sleep(120)"


@pytest.fixture
def runs():
    started: list[Run] = []
    yield started
    for run in started:
        run.kill_all()


@pytest.fixture
def article(write_article):
    return write_article("First paragraph.\nSecond paragraph.", name="tiny")


@pytest.fixture
def fast(tmp_path):
    folder = tmp_path / "fast"
    folder.mkdir()
    make_notebook(folder, "01-quick.ipynb", "print(len(article))")
    return folder


@pytest.fixture
def slow(tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    make_notebook(folder, "01-quick.ipynb", "print(len(article))")
    make_notebook(folder, "02-slow.ipynb", SLOW)
    return folder


@pytest.fixture
def tmp():
    """A temporary folder for the runs, short enough for their socket paths."""
    folder = Path(tempfile.mkdtemp(prefix="nt-faults-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def start(runs, tmp, *args):
    run = Run(*map(str, args), tmp=tmp)
    runs.append(run)
    return run


def files_of(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def good_report(runs, tmp, article, fast, out):
    run = start(runs, tmp, "--article", article, "--out", out, "--notebooks", fast)
    code, err = run.finish()
    assert code == 0, err
    return files_of(out / "tiny")


def test_after_kill_9_no_process_of_the_run_lives_and_the_next_run_cleans_up(
    runs, tmp, tmp_path, article, fast, slow
):
    out = tmp_path / "reports"
    run = start(runs, tmp, "--article", article, "--out", out, "--notebooks", slow)
    wait_for(lambda: running(out, "tiny", "02-slow.ipynb"), 120, "a kernel running a cell")
    processes = run.processes()
    run.proc.send_signal(signal.SIGKILL)
    run.proc.wait(timeout=30)
    wait_for(lambda: not [p for p in processes if alive(p)], 10,
             "the run's workers and kernels to end")
    assert list(out.glob(".tiny.run-*")) and list(tmp.glob("newstables-run-*"))

    again = start(runs, tmp, "--article", article, "--out", out, "--notebooks", fast)
    code, err = again.finish()
    assert code == 0, err
    assert (out / "tiny" / "run.json").is_file()
    assert not list(out.glob(".tiny.run-*")), "the dead run's staging folder is left"
    assert not list(tmp.iterdir()), "temporary files of the runs are left"


def test_sigterm_while_kernels_start_stops_everything_and_keeps_the_report(
    runs, tmp, tmp_path, article, fast, slow
):
    out = tmp_path / "reports"
    before = good_report(runs, tmp, article, fast, out)
    run = start(runs, tmp, "--article", article, "--out", out, "--notebooks", slow)
    wait_for(lambda: started(out, "tiny", "02-slow.ipynb"), 120, "a kernel starting")
    run.proc.send_signal(signal.SIGTERM)
    processes = run.processes()
    code, err = run.finish(timeout=60)
    assert code == 130 and err.count("\n") == 1, err
    wait_for(lambda: not [p for p in processes if alive(p)], 10,
             "every process of the run to end")
    assert files_of(out / "tiny") == before
    assert not list(out.glob(".tiny.run-*"))


def test_no_process_of_a_run_listens_on_a_tcp_port(runs, tmp, tmp_path, article):
    out = tmp_path / "reports"
    both_slow = tmp_path / "both-slow"
    both_slow.mkdir()
    for name in ("01-slow.ipynb", "02-slow.ipynb"):
        make_notebook(both_slow, name, SLOW)
    run = start(runs, tmp, "--article", article, "--out", out, "--notebooks", both_slow,
                "--jobs", "2")
    both = ("01-slow.ipynb", "02-slow.ipynb")
    wait_for(lambda: all(running(out, "tiny", nb) for nb in both), 120,
             "both kernels running a cell")  # every socket is bound by then
    listening = listening_tcp_inodes()
    for pid in {run.proc.pid, *run.processes()}:
        assert not socket_inodes(pid) & listening, f"process {pid} listens on TCP"


def test_two_runs_of_one_article_at_once_leave_one_report_and_all_failed_history(
    runs, tmp, tmp_path, article, fast
):
    out = tmp_path / "reports"
    good_report(runs, tmp, article, fast, out)
    history = out / "tiny" / "failed" / "20240101T000000Z"
    history.mkdir(parents=True)
    (history / "run.json").write_text('{"status": "failed"}')
    make_notebook(fast, "02-pause.ipynb", "import time\ntime.sleep(8)")
    both = [start(runs, tmp, "--article", article, "--out", out, "--notebooks", fast,
                  "--wait", "120") for _ in range(2)]
    wait_for(lambda: started(out, "tiny", "02-pause.ipynb"), 120, "one run to start")
    refused = start(runs, tmp, "--article", article, "--out", out, "--notebooks", fast)
    code, err = refused.finish()
    assert code == 75 and err.count("\n") == 1 and "another run" in err, err
    for run in both:
        code, err = run.finish()
        assert code == 0, err
    record = json.loads((out / "tiny" / "run.json").read_text())
    assert record["status"] == "ok" and [n["status"] for n in record["notebooks"]] == ["ok"] * 2
    assert (history / "run.json").read_text() == '{"status": "failed"}'
    assert sorted(p.name for p in out.iterdir() if not p.name.endswith(".lock")) == [
        "index.html", "tiny"]


def test_a_read_only_reports_folder_is_one_line_and_loses_nothing(
    runs, tmp, tmp_path, article, fast
):
    out = tmp_path / "reports"
    before = good_report(runs, tmp, article, fast, out)
    if os.geteuid() == 0:  # root writes through permissions: make the folder immutable
        made = subprocess.run(["chattr", "+i", str(out)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"cannot make a folder read-only as root here: {made.stderr!r}")
        undo = ["chattr", "-i", str(out)]
    else:
        out.chmod(0o555)
        undo = ["chmod", "755", str(out)]
    try:
        run = start(runs, tmp, "--article", article, "--out", out, "--notebooks", fast)
        code, err = run.finish()
    finally:
        subprocess.run(undo, check=True)
    assert code == 2 and err.count("\n") == 1 and "read-only" in err, err
    assert files_of(out / "tiny") == before


def test_a_batch_with_bad_lines_in_the_middle_outputs_every_other_line(tmp_path):
    good = [{"id": f"doc{i}", "text": f"Paragraph {i}.\nAnother one."} for i in range(4)]
    lines = [
        json.dumps(good[0]), "{broken", json.dumps(good[1]),
        json.dumps({"id": "../../etc", "text": "Hostile."}), json.dumps(good[2]),
        "[" * 50_000, json.dumps({"id": "x", "text": "\x00\x01"}), json.dumps(good[3]),
    ]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newstables", "extract", "--batch", str(docs)],
                         capture_output=True, cwd=paths.ROOT, timeout=120)
    assert out.returncode == 2
    assert [json.loads(line)["id"] for line in out.stdout.decode().splitlines()] == [
        "doc0", "doc1", "doc2", "doc3"]
    errors = out.stderr.decode().splitlines()
    assert [e.split(":")[2].strip() for e in errors[:-1]] == [
        "docs.jsonl line 2", "docs.jsonl line 4", "docs.jsonl line 6", "docs.jsonl line 7"]
    assert "4 bad line(s)" in errors[-1] and "Traceback" not in out.stderr.decode()
