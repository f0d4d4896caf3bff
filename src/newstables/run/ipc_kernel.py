"""Kernel entry point (``python -m newstables.run.ipc_kernel -f CONNECTION.json``): ipykernel
with the pipe that carries output from forked subprocesses on an IPC socket beside the
connection file, where ipykernel would listen on a TCP port of 127.0.0.1."""

from __future__ import annotations

import os
import sys


def _connection_folder(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "-f" and i + 1 < len(argv):
            return os.path.dirname(os.path.abspath(argv[i + 1]))
        if arg.startswith(("--f=", "--IPKernelApp.connection_file=")):
            return os.path.dirname(os.path.abspath(arg.split("=", 1)[1]))
    raise SystemExit("newstables.run.ipc_kernel: needs -f CONNECTION_FILE")


def use_ipc_pipe(folder: str) -> None:
    """Make ipykernel's IOPub thread bind its subprocess pipe to ``ipc://folder/...``."""
    import zmq
    from ipykernel import iostream
    from zmq.eventloop.zmqstream import ZMQStream

    def setup_pipe_in(self) -> None:
        self._pipe_uuid = os.urandom(16)
        pipe_in = self.socket.context.socket(zmq.PULL)
        pipe_in.linger = 0
        self._pipe_address = f"ipc://{folder}/iopub-pipe-{os.getpid()}"
        pipe_in.bind(self._pipe_address)
        self._pipe_port = 0
        self._pipe_in = ZMQStream(pipe_in, self.io_loop)
        self._pipe_in.on_recv(self._handle_pipe_msg)

    def setup_pipe_out(self):
        ctx = zmq.Context()  # a new context after fork
        pipe_out = ctx.socket(zmq.PUSH)
        pipe_out.linger = 3000
        pipe_out.connect(self._pipe_address)
        return ctx, pipe_out

    iostream.IOPubThread._setup_pipe_in = setup_pipe_in
    iostream.IOPubThread._setup_pipe_out = setup_pipe_out


def main() -> None:
    use_ipc_pipe(_connection_folder(sys.argv[1:]))
    if sys.path and (sys.path[0] == "" or os.path.abspath(sys.path[0]) == os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher: the working folder is not an import root
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
