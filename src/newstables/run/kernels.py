"""Kernels that talk to their client over IPC sockets in a private folder, not TCP ports.

Every socket of the kernel, its connection file, and ipykernel's own pipe for output from
forked subprocesses (``newstables.run.ipc_kernel``) live in one folder only the user can open,
removed when the kernel shuts down.
"""

from __future__ import annotations

import os
import shutil
import tempfile

# The kernel entry point ipykernel's spec names, and ours that keeps its pipe off TCP.
IPYKERNEL_ENTRY = ["-m", "ipykernel_launcher"]
IPC_ENTRY = ["-m", "newstables.run.ipc_kernel"]
# A kernel that runs one notebook keeps no input history: IPython would write every cell of
# every run into the user's history database (an SQLite commit a cell, a file that only grows).
KERNEL_OPTIONS = ["--HistoryManager.enabled=False"]


def ipc_command(cmd: list[str]) -> list[str]:
    """The kernel command with ipykernel's entry point replaced by ``newstables.run.ipc_kernel``."""
    for i in range(len(cmd) - 1):
        if cmd[i : i + 2] == IPYKERNEL_ENTRY:
            return [*cmd[:i], *IPC_ENTRY, *cmd[i + 2 :]]
    return list(cmd)


def kernel_manager_class():
    """An AsyncKernelManager subclass using IPC transport where the platform supports it."""
    from jupyter_client.manager import AsyncKernelManager

    if os.name != "posix":
        return AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            folder = tempfile.mkdtemp(prefix="newstables-kernel-")
            os.chmod(folder, 0o700)
            self._ipc_folder = folder
            self.transport = "ipc"
            self.ip = os.path.join(folder, "kernel")
            self.connection_file = os.path.join(folder, "connection.json")

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            return [*ipc_command(super().format_kernel_cmd(extra_arguments)), *KERNEL_OPTIONS]

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(self._ipc_folder, ignore_errors=True)

        cleanup_resources = _async_cleanup_resources

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            from newstables.run import kernel_pool

            if kernel_pool.address():  # fork a fresh kernel from the warm kernel parent
                self.provisioner.__class__ = kernel_pool.provisioner_class()
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return IPCKernelManager
