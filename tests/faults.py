"""Helpers for the fault tests: start a run as its own process, watch every process it
starts, and make sure none outlives a test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newstables import paths


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``condition`` until it is truthy; AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now (workers and kernels included, whatever session)."""
    found: set[int] = set()
    todo = children(pid)
    while todo:
        child = todo.pop()
        if child not in found:
            found.add(child)
            todo += children(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def started(out: Path, article_id: str, notebook: str) -> bool:
    """Whether a run has begun executing ``notebook`` (its executed copy exists: papermill
    writes it just before it starts the kernel)."""
    return bool(list(out.glob(f".{article_id}.run-*/{notebook}")))


def running(out: Path, article_id: str, notebook: str) -> bool:
    """Whether a kernel is executing a cell of ``notebook`` in a run now."""
    for executed in out.glob(f".{article_id}.run-*/{notebook}"):
        try:
            cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        if any(c.get("metadata", {}).get("papermill", {}).get("status") == "running"
               for c in cells):
            return True
    return False


def listening_tcp_inodes() -> set[str]:
    """Socket inodes of every TCP socket in the LISTEN state (what ``ss -ltn`` lists)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[3] == "0A":
                inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    return inodes


class Run:
    """``python -m newstables run ...`` as a child process, with its temporary folder set."""

    def __init__(self, *args: str, tmp: Path) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        self.seen: set[int] = set()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newstables", "run", "--quiet", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=paths.ROOT,
            env={**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"},
        )

    def processes(self) -> set[int]:
        """Every process the run has started so far (remembered once seen)."""
        self.seen |= descendants(self.proc.pid)
        return self.seen

    def finish(self, timeout: float = 180) -> tuple[int, str]:
        _, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, err.decode()

    def kill_all(self) -> None:
        """Leave nothing behind, whatever the test did."""
        for pid in [self.proc.pid, *self.processes()]:
            if alive(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        try:
            self.proc.communicate(timeout=30)
        except (subprocess.TimeoutExpired, ValueError):
            pass
