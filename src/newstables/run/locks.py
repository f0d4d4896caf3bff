"""One run per report at a time, and file changes a reader never sees half-done.

A run holds an exclusive ``flock`` on ``<out>/.<article id>.lock`` while it writes that
article's report; the kernel drops the lock when the process ends, however it ends, so a
killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import tempfile
import time
from pathlib import Path

from newstables.errors import NewstablesError


class BusyError(NewstablesError):
    """Another run holds the lock (exit status 75, "try again later")."""


class FileLock:
    """An exclusive lock on ``path``, taken within ``wait`` seconds or BusyError."""

    def __init__(self, path: Path, what: str) -> None:
        self.path, self.what = path, what
        self.fd: int | None = None

    def acquire(self, wait: float = 0.0, poll: float = 0.1) -> FileLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise NewstablesError(f"cannot write in {self.path.parent}: {exc.strerror}") from None
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder(fd)
                    os.close(fd)
                    waited = f" after waiting {wait:g} s" if wait > 0 else ""
                    raise BusyError(
                        f"another run{holder} is writing {self.what}{waited}; "
                        "try again later or pass --wait SECONDS"
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the flock
            self.fd = None

    def __enter__(self) -> FileLock:
        return self if self.fd is not None else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def report_lock(out: Path, article_id: str) -> FileLock:
    """The lock of ``out/<article_id>``: a hidden file beside it, never removed."""
    return FileLock(out / f".{article_id}.lock", f"{out / article_id}")


def is_locked(path: Path) -> bool:
    """Whether some process holds the flock on ``path`` now."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file and a rename: readers see old or new, whole."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step (Linux ``renameat2`` with RENAME_EXCHANGE).
    False where the system cannot; the caller then renames in two steps."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                            _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))
