"""Kernels that talk to their client over IPC sockets in a private folder, not TCP ports."""

from __future__ import annotations

import os
import shutil
import tempfile


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

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(self._ipc_folder, ignore_errors=True)

        cleanup_resources = _async_cleanup_resources

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            from newstables import kernel_pool

            if kernel_pool.address():  # fork a fresh kernel from the warm kernel parent
                self.provisioner.__class__ = kernel_pool.provisioner_class()
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return IPCKernelManager
