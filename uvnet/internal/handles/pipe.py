"""``PipeWrap`` on ``pyuv.Pipe`` (Node's ``pipe_wrap.cc``): Unix domain sockets, including
Linux abstract names (a path starting with ``\\0``). libuv 1.13 has no
``uv_pipe_chmod``: :meth:`PipeWrap.fchmod` changes the bound path's mode instead.
"""

from __future__ import annotations

import errno
import os
import stat

import pyuv

from ..process import loop
from .connection import IPC, SERVER, SOCKET, ConnectionWrap, ConnectWrap
from .handle import uv_call

UV_READABLE = 1
UV_WRITABLE = 2


class PipeWrap(ConnectionWrap):
    """A Unix-socket (or IPC pipe) socket or server handle."""

    def __init__(self, kind: int = SOCKET, handle: pyuv.Pipe | None = None) -> None:
        super().__init__(handle if handle is not None else pyuv.Pipe(loop, kind == IPC))
        self.kind = kind
        self._path: str | None = None

    def _new_client(self) -> PipeWrap:
        return PipeWrap(SOCKET)

    def open(self, fd: int) -> int:
        return uv_call(self._handle.open, fd)

    def bind(self, path: str) -> int:
        err = uv_call(self._handle.bind, path)
        if not err:
            self._path = path
        return err

    def connect(self, req: ConnectWrap, path: str) -> int:
        return self._start_connect(req, path)

    def fchmod(self, mode: int) -> int:
        """Make the socket file readable and/or writable by all (``UV_READABLE|UV_WRITABLE``)."""
        path = self._path
        if not path or path.startswith("\0"):
            return pyuv.errno.UV_EINVAL
        bits = 0
        if mode & UV_READABLE:
            bits |= stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
        if mode & UV_WRITABLE:
            bits |= stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        try:
            current = os.stat(path).st_mode
            if current & bits != bits:  # uv_pipe_chmod adds the bits to the current mode
                os.chmod(path, stat.S_IMODE(current) | bits)
        except OSError as exc:
            return -(exc.errno or errno.EIO)
        return 0


__all__ = ["IPC", "SERVER", "SOCKET", "UV_READABLE", "UV_WRITABLE", "PipeWrap"]
