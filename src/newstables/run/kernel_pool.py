"""Fresh kernels without paying the imports each time: every kernel is forked from a warm
parent.

Starting a kernel and importing pandas, matplotlib and the package costs a notebook about
as much as all its own work. A *kernel parent* is started once per run: a process that has
imported ipykernel and the collection's libraries and then waits. For each notebook it
forks a new kernel, which serves that one notebook over its connection file and is then
shut down like any other; no kernel ever runs two notebooks, and no kernel sees what
another did (each is a copy of the parent, which never runs notebook code).

The runner turns it on with :func:`start`; ``NEWSTABLES_KERNEL_POOL=off`` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import errno
import functools
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = "NEWSTABLES_KERNEL_POOL"
# What a kernel imports as it starts (the debuggers, the completer, tornado's event loop) and
# what the notebooks import, or pandas and matplotlib import when a notebook shows a table or
# saves a chart as SVG; the kernel parent imports it once, before any fork.
PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "IPython",
    "IPython.core.logger", "IPython.core.debugger", "IPython.core.completer",
    "IPython.core.oinspect", "pdb", "tornado.platform.asyncio", "matplotlib_inline.backend_inline",
    "numpy", "pandas", "pandas.io.formats.html", "pandas.io.formats.csvs", "matplotlib",
    "matplotlib.pyplot", "matplotlib.ticker", "matplotlib.dates",
    "matplotlib.backends.backend_svg", "newstables", "newstables.analyse.notebook",
    "newstables.extract.tables", "newstables.charts", "newstables.charts.network",
    "newstables.charts.timeline", "newstables.reference_charts",
    "newstables.analyse.comparison", "newstables.reference", "newstables.analyse.arithmetic",
    "newstables.analyse.deal", "newstables.analyse.voices", "newstables.analyse.timeline",
    "newstables.analyse.summary",
)
_parent: subprocess.Popen | None = None
_folder: str | None = None


def enabled() -> bool:
    return os.name == "posix" and os.environ.get(ENV, "").lower() not in ("off", "0", "no")


def start(timeout: float = 60) -> str | None:
    """Start this process's kernel parent once; its socket path (also in ``$ENV``), or None
    when the pool is off. Call before the worker processes start, so they inherit ``$ENV``."""
    launch()
    return wait_ready(timeout)


def launch() -> None:
    """Start the kernel parent without waiting for it, and set ``$ENV`` to the socket it will
    listen on (processes started from now on inherit it); :func:`wait_ready` waits."""
    global _parent, _folder
    if not enabled() or (_parent is not None and _parent.poll() is None):
        return
    _folder = tempfile.mkdtemp(prefix="newstables-kernels-")
    os.chmod(_folder, 0o700)
    path = os.path.join(_folder, "parent.sock")
    _parent = subprocess.Popen(
        [sys.executable, "-m", "newstables.run.kernel_pool", path],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"},
        preexec_fn=_stop_with_parent,
    )
    os.environ[ENV] = path
    atexit.register(stop)


def wait_ready(timeout: float = 60) -> str | None:
    """The launched kernel parent's socket path once it listens; None when the pool is off
    or the parent did not start (kernels then start the usual way)."""
    if _parent is None:
        return None
    path = os.environ.get(ENV, "")
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if _parent.poll() is not None or time.monotonic() > deadline:
            stop()
            return None  # plain kernels then
        time.sleep(0.02)
    return path


def stop() -> None:
    """Stop the kernel parent (kernels it forked belong to their notebooks)."""
    global _parent, _folder
    if _parent is not None:
        if _parent.poll() is None:
            _parent.terminate()
            try:
                _parent.wait(10)
            except subprocess.TimeoutExpired:
                _parent.kill()
                _parent.wait()
        _parent = None
    if _folder is not None:
        import shutil

        shutil.rmtree(_folder, ignore_errors=True)
        _folder = None
    if os.environ.get(ENV, "").endswith("parent.sock"):
        del os.environ[ENV]


def _stop_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    try:
        ctypes.CDLL(None).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def address() -> str | None:
    """The running kernel parent's socket, if this process (or its parent) started one."""
    path = os.environ.get(ENV, "")
    return path if enabled() and path.endswith(".sock") and os.path.exists(path) else None


def fork_kernel(path: str, connection_file: str, cwd: str | None, env: dict | None,
                options: list[str] | None = None) -> int:
    """Ask the kernel parent at ``path`` for a kernel on ``connection_file`` (with the kernel
    command's ``--Class.trait=value`` ``options``); its pid."""
    reply = _ask(path, {"connection_file": connection_file, "cwd": cwd, "env": env or {},
                        "options": list(options or [])})
    if "pid" not in reply:
        raise OSError(f"the kernel parent did not start a kernel: {reply.get('error', 'no reply')}")
    return int(reply["pid"])


def extract_ahead(article: str, published: str) -> bool:
    """Have the running kernel parent extract ``article`` before it forks the kernels of its
    notebooks (they then start with its tables); whether it did. Nothing when no parent runs.
    Waits for the parent, so the kernels asked for after this call have them."""
    path = address()
    if path is None:
        return False
    try:
        reply = _ask(path, {"extract": {"article": article, "published": published}})
    except (OSError, ValueError):
        return False  # each kernel extracts its article itself
    return reply.get("ok") is True


def _ask(path: str, request: dict) -> dict:
    """Send the kernel parent at ``path`` one request (a JSON line); its reply."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(30)
        conn.connect(path)
        conn.sendall(json.dumps(request).encode() + b"\n")
        return json.loads(conn.makefile("rb").readline() or b"{}")


class ForkedKernel:
    """The Popen-like handle jupyter_client's provisioner keeps for a forked kernel (the
    kernel parent reaps it, so it is watched by pid)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            else:
                if _is_zombie(self.pid):
                    self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("kernel", timeout)
            time.sleep(0.05)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


@functools.cache
def provisioner_class():
    """jupyter_client's local provisioner, launching the kernel by a fork of the parent."""
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkedProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs):
            path = address()
            if path is None or "-f" not in cmd:
                return await super().launch_kernel(cmd, **kwargs)
            connection_file = cmd[cmd.index("-f") + 1]
            options = [a for a in cmd[cmd.index("-f") + 2:] if a.startswith("--")]
            cwd = kwargs.get("cwd")
            env = {**(kwargs.get("env") or os.environ), "JPY_PARENT_PID": str(os.getpid())}
            pid = fork_kernel(path, connection_file, str(cwd) if cwd else None, env, options)
            self.process = ForkedKernel(pid)
            self.pid = self.pgid = pid  # the kernel leads its own process group
            self.cwd = cwd
            return self.connection_info

    return ForkedProvisioner


# --- the kernel parent ---------------------------------------------------------------------

def _serve(path: str) -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    try:
        importlib.import_module("newstables.analyse.notebook").warm_up()
    except Exception:  # noqa: BLE001 - a notebook that needs what failed reports it itself
        pass
    # What is imported and loaded now stays out of the kernels' garbage collections: a
    # collection would otherwise visit, and so copy into each forked kernel, the pages of
    # every object here.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked kernels are reaped at once
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    tmp = path + ".tmp"
    listener.bind(tmp)
    os.rename(tmp, path)  # the path appears only once the parent is ready
    listener.listen(16)
    while True:
        conn, _ = listener.accept()
        with conn:
            # A client that is gone by the time of the reply (it timed out, or hung up) costs
            # its reply only: the parent goes on serving.
            try:
                request = json.loads(conn.makefile("rb").readline())
                if "extract" in request:
                    _reply(conn, _extract(request["extract"]))
                    continue
                pid = os.fork()
            except (OSError, ValueError) as exc:
                _reply(conn, {"error": str(exc)})
                continue
            if pid == 0:
                listener.close()
                conn.close()
                _become_kernel(request)
            _reply(conn, {"pid": pid})


def _reply(conn: socket.socket, message: dict) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(json.dumps(message).encode() + b"\n")


def _extract(ahead: dict) -> dict:
    """In the kernel parent: an article's tables extracted for the kernels forked next."""
    try:
        from newstables.analyse.notebook import extract_ahead

        extract_ahead(str(ahead.get("article", "")), str(ahead.get("published", "")))
    except Exception as exc:  # noqa: BLE001 - the notebooks report a bad article themselves
        return {"error": str(exc)[:200]}
    return {"ok": True}


def _become_kernel(request: dict) -> None:  # pragma: no cover - runs in the forked kernel
    """In the forked child: a fresh kernel on the request's connection file."""
    code = 1
    try:
        os.setsid()
        _stop_with_parent()  # the kernel parent ends with the runner; its kernels with it
        from newstables.run.ipc_kernel import use_ipc_pipe

        use_ipc_pipe(os.path.dirname(os.path.abspath(request["connection_file"])))
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        env = {k: str(v) for k, v in (request.get("env") or {}).items()}
        if env:
            os.environ.clear()
            os.environ.update(env)
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        if request.get("cwd"):
            os.chdir(request["cwd"])
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        owner = int(env.get("JPY_PARENT_PID") or 0)
        if owner > 1:
            _exit_with(owner)
        from ipykernel.kernelapp import IPKernelApp

        sys.argv = ["ipykernel_launcher", "-f", request["connection_file"],
                    *[str(a) for a in request.get("options") or [] if str(a).startswith("--")]]
        IPKernelApp.launch_instance(argv=sys.argv[1:])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - a kernel that cannot start just exits
        code = 1
    finally:
        os._exit(code)


def _exit_with(owner: int, interval: float = 1.0) -> None:  # pragma: no cover - in a kernel
    """End this kernel when the process that asked for it (the notebook's worker) is gone, as
    ipykernel does for the process that starts a kernel the usual way."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


if __name__ == "__main__":
    try:
        _serve(sys.argv[1])
    except OSError as exc:
        if exc.errno not in (errno.EPIPE, errno.ECONNRESET):
            raise
