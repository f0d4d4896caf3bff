"""A private temporary folder per runner process, and the removal of dead runs' folders.

Everything a run's workers and kernels put in the temporary folder (multiprocessing's
``pymp-*`` sockets, kernel IPC sockets, connection files) goes into
``$TMPDIR/newstables-run-*/``, locked by the runner while it lives. A later run removes
every such folder whose lock nobody holds: the leftovers of a run that was killed.
"""

from __future__ import annotations

import fcntl
import multiprocessing.util
import os
import shutil
import tempfile
from pathlib import Path

from newstables.run.locks import is_locked

PREFIX = "newstables-run-"
# Unix socket paths are limited to 107 bytes; a kernel's socket sits about 60 below the base.
LONGEST_BASE = 44
_own: tuple[Path, int] | None = None


def socket_safe_base(base: Path) -> Path:
    """``base``, or ``/tmp`` when ``base`` is too long for the kernels' socket paths."""
    fallback = Path("/tmp")
    if len(os.fsencode(base)) > LONGEST_BASE and fallback.is_dir():
        return fallback
    return base


def sweep(base: Path | None = None) -> list[Path]:
    """Remove the private folders of runs that are no longer alive; return them."""
    base = Path(base or tempfile.gettempdir())
    removed = []
    for folder in sorted(base.glob(f"{PREFIX}*")):
        if _own is not None and folder == _own[0]:
            continue
        if folder.is_dir() and not is_locked(folder / ".lock"):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def private_tmp() -> Path:
    """This process's private temporary folder (made, locked and exported as ``TMPDIR``
    and ``JUPYTER_RUNTIME_DIR`` on first use, so the workers and kernels started after it
    inherit it); removed when the process exits normally."""
    global _own
    if _own is not None and _own[0].is_dir():
        return _own[0]
    base = _own[0].parent if _own is not None else socket_safe_base(Path(tempfile.gettempdir()))
    sweep(base)
    # Locked before it takes the name a sweep looks for, so no sweep can take it for dead.
    making = Path(tempfile.mkdtemp(prefix=f".{PREFIX}", dir=base))
    fd = os.open(making / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    folder = base / making.name[1:]
    os.rename(making, folder)
    _own = (folder, fd)
    os.environ["TMPDIR"] = str(folder)
    os.environ["JUPYTER_RUNTIME_DIR"] = str(folder / "runtime")
    tempfile.tempdir = str(folder)
    # After multiprocessing's own exit clean-up of its pymp-* folders inside this one.
    multiprocessing.util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=-200)
    return folder
