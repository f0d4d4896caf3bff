"""Report locks, atomic writes and the one-step swap of a report folder."""

import json
import threading

import pytest

from newstables.run.locks import BusyError, atomic_write_text, exchange, report_lock
from newstables.run.report_folder import clear_leftovers, swap_in


def test_a_second_lock_on_the_same_report_is_refused_with_the_holder(tmp_path):
    with report_lock(tmp_path, "a").acquire():
        with pytest.raises(BusyError, match=r"another run \(process \d+\) is writing"):
            report_lock(tmp_path, "a").acquire(wait=0)


def test_reports_of_different_articles_lock_independently(tmp_path):
    with report_lock(tmp_path, "a").acquire(), report_lock(tmp_path, "b").acquire(wait=0):
        pass


def test_a_waiting_run_gets_the_lock_when_the_first_releases_it(tmp_path):
    first = report_lock(tmp_path, "a").acquire()
    threading.Timer(0.3, first.release).start()
    second = report_lock(tmp_path, "a").acquire(wait=30)
    second.release()


def test_a_wait_is_bounded(tmp_path):
    with report_lock(tmp_path, "a").acquire():
        with pytest.raises(BusyError, match="after waiting 0.3 s"):
            report_lock(tmp_path, "a").acquire(wait=0.3)


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from-a").write_text("a")
    if not exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("this system has no renameat2")
    assert (tmp_path / "b" / "from-a").is_file() and not (tmp_path / "a" / "from-a").exists()


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "index.html"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two" and [p.name for p in tmp_path.iterdir()] == ["index.html"]


def _report(folder, marker, history=()):
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps({"marker": marker}))
    for stamp in history:
        (folder / "failed" / stamp).mkdir(parents=True)
        (folder / "failed" / stamp / "run.json").write_text("{}")


def test_swap_replaces_the_report_and_keeps_its_failed_history(tmp_path):
    _report(tmp_path / "x", "old", history=["20240101T000000Z"])
    _report(tmp_path / ".x.run-abc", "new")
    swap_in(tmp_path / ".x.run-abc", tmp_path / "x")
    assert json.loads((tmp_path / "x" / "run.json").read_text()) == {"marker": "new"}
    assert (tmp_path / "x" / "failed" / "20240101T000000Z" / "run.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


def test_leftovers_of_dead_runs_are_removed_and_their_history_kept(tmp_path):
    _report(tmp_path / "x", "good", history=["20240101T000000Z"])
    _report(tmp_path / ".x.run-dead1", "half", history=["20240202T000000Z"])
    _report(tmp_path / ".x.old-123", "older")
    _report(tmp_path / ".x.y.run-other", "another article's staging")
    removed = clear_leftovers(tmp_path, "x")
    assert sorted(p.name for p in removed) == [".x.old-123", ".x.run-dead1"]
    assert sorted(p.name for p in (tmp_path / "x" / "failed").iterdir()) == [
        "20240101T000000Z", "20240202T000000Z"]
    assert (tmp_path / ".x.y.run-other").is_dir()
