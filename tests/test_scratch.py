"""The runner's private temporary folder: dead runs' folders are swept, live ones kept."""

import fcntl
import os

from newstables.run.scratch import PREFIX, socket_safe_base, sweep


def test_sweep_removes_folders_of_dead_runs_and_keeps_live_ones(tmp_path):
    dead = tmp_path / f"{PREFIX}dead"
    live = tmp_path / f"{PREFIX}live"
    for folder in (dead, live):
        (folder / "pymp-x").mkdir(parents=True)
        (folder / ".lock").touch()
    fd = os.open(live / ".lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert sweep(tmp_path) == [dead]
    finally:
        os.close(fd)
    assert not dead.exists() and live.is_dir()
    assert sweep(tmp_path) == [live], "once its process is gone, a folder is swept"


def test_a_temporary_folder_too_long_for_socket_paths_is_not_used(tmp_path):
    long_base = tmp_path / ("x" * 60)
    assert str(socket_safe_base(long_base)) == "/tmp"
    assert socket_safe_base(tmp_path.parents[-2]) == tmp_path.parents[-2]
