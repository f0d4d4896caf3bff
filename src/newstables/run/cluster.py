"""A Dask client: on a local cluster started here, or on a running scheduler's address.

``local`` starts a ``distributed.LocalCluster`` of single-threaded worker processes (each
under a nanny that restarts it if it dies); any other value is a scheduler address such as
``tcp://10.0.0.5:8786`` started with ``dask scheduler`` (workers: ``dask worker ADDRESS``)
or by a cluster manager (dask-jobqueue, dask-kubernetes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newstables.errors import NewstablesError

if TYPE_CHECKING:
    from distributed import Client

LOCAL = "local"


def check_cluster(cluster: str, workers: int | None) -> None:
    """Refuse a blank address or a worker count below one before anything starts."""
    if not cluster or not cluster.strip():
        raise NewstablesError("--cluster needs 'local' or a scheduler address (tcp://host:port)")
    if workers is not None and workers < 1:
        raise NewstablesError(f"--workers must be at least 1, not {workers}")


@contextmanager
def connect(cluster: str = LOCAL, workers: int | None = None,
            connect_timeout: float = 10, workers_timeout: float = 120) -> Iterator[Client]:
    """A client on a new local cluster of ``workers`` processes (default: one per core), or
    on the scheduler at ``cluster``, waiting until ``workers`` (default 1) have joined."""
    import dask
    from distributed import Client, LocalCluster

    check_cluster(cluster, workers)
    if cluster == LOCAL:
        # Dask's statistical profiler samples every task's stack 100 times a second and keeps
        # an hour of history: a cost per task, and memory that grows with a long run.
        with dask.config.set({"distributed.worker.profile.enabled": False}), LocalCluster(
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        ) as local, Client(local) as client:
            yield client
        return
    try:
        client = Client(cluster, timeout=f"{connect_timeout}s")
    except (OSError, ValueError, TypeError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise NewstablesError(f"cannot reach a Dask scheduler at {cluster!r}: {detail}") from None
    with client:
        try:
            client.wait_for_workers(workers or 1, timeout=workers_timeout)
        except TimeoutError:
            raise NewstablesError(
                f"the scheduler at {cluster} has no {workers or 1} worker(s) after "
                f"{workers_timeout:g} s; start them with: dask worker {cluster}"
            ) from None
        yield client


def worker_count(client: Client) -> int:
    """Threads across the cluster's workers: how many tasks run at once."""
    return max(1, sum(client.nthreads().values()))
