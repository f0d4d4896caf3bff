"""Shared fixtures: the seed article and small articles written in the tests."""

from pathlib import Path

import pytest

from newstables import load_article, paths


@pytest.fixture(scope="session")
def seed():
    return load_article(paths.SEED_ARTICLE)


@pytest.fixture
def write_article(tmp_path: Path):
    """Write ``text`` (str or bytes) as ``<name>.txt`` in a temporary folder; return its path."""

    def write(text: str | bytes, name: str = "article", sidecar: str | None = None) -> Path:
        path = tmp_path / f"{name}.txt"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def dask_cluster():
    """A local Dask cluster of two single-threaded worker processes on this machine."""
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        yield cluster, client


def kill_a_worker(client) -> int:
    """SIGKILL one worker process (its nanny starts a new one); returns its pid."""
    import os
    import signal

    pids = client.run(os.getpid)
    pid = pids[sorted(pids)[0]]
    os.kill(pid, signal.SIGKILL)
    return pid
