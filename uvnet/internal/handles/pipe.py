"""``PipeWrap`` on ``pyuv.Pipe`` (Node's ``pipe_wrap.cc``): Unix domain sockets, including
Linux abstract names (a path starting with ``\\0``). libuv 1.13 has no
``uv_pipe_chmod``: :meth:`PipeWrap.fchmod` changes the bound path's mode instead.

Connecting is done as Node 20's libuv (1.46) does it (:meth:`PipeWrap.connect`): pyuv's
libuv 1.13 reports a ``connect(2)`` that fails at once (``ENOENT``, ``ECONNREFUSED``) from
the pending queue of the *next* loop iteration, and pyuv connects to an abstract name
through a zero-timeout timer (success and failure both a loop iteration late).
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import stat
from functools import partial
from typing import Any, Callable

from uvnet._vendor import pyuv

from ..process import feed, loop, makeCallback
from .connection import IPC, SERVER, SOCKET, ConnectionWrap, ConnectWrap
from .handle import uv_call
from .stream import _NO_WRITES, UV_ECANCELED
from .tcp import UV_EINVAL

UV_READABLE = 1
UV_WRITABLE = 2


class PipeWrap(ConnectionWrap):
    """A Unix-socket (or IPC pipe) socket or server handle."""

    def __init__(self, kind: int = SOCKET, handle: pyuv.Pipe | None = None) -> None:
        super().__init__(handle if handle is not None else pyuv.Pipe(loop, kind == IPC))
        self.kind = kind
        self._write_reqs = _NO_WRITES  # (an instance field: see LibuvStreamWrap._write_reqs)
        self._path: str | None = None
        self._connecting = False  # a connect of :meth:`connect` is waiting to complete
        self._connect_poll: pyuv.Poll | None = None

    def _new_client(self) -> PipeWrap:
        return PipeWrap(SOCKET)

    def open(self, fd: int) -> int:
        """``uv_pipe_open`` as in libuv 1.46: the stream is readable and writable as the
        fd's access mode allows (pyuv's libuv 1.13 makes every pipe both)."""
        try:
            mode = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
        except OSError as exc:
            return -(exc.errno or errno.EBADF)
        err = uv_call(self._handle.open, fd)
        if not err and mode == os.O_WRONLY:
            self._readable = False
        return err

    def bind(self, path: str) -> int:
        err = uv_call(self._handle.bind, path)
        if not err:
            self._path = path
        return err

    def connect(self, req: ConnectWrap, path: str) -> int:
        """``uv_pipe_connect2`` as in libuv 1.46: ``connect(2)`` on a new socket, the name
        cut to fit ``sun_path``. A connect that fails at once completes from the pending
        queue (``uv__io_feed``, see :func:`feed`), before the check phase when called from
        the poll phase; one under way completes when the fd polls writable
        (``uv__stream_connect``), from a ``pyuv.Poll`` on the fd, closed at completion."""
        name = os.fsencode(path)
        name = name[:108] if name.startswith(b"\0") else name[:107]
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError as exc:
            return -(exc.errno or errno.EMFILE)
        sock.setblocking(False)
        status = sock.connect_ex(name)
        fd = sock.detach()
        err = uv_call(self._handle.open, fd)
        if err:
            os.close(fd)
            return err
        self._connect_req = req
        self._connecting = True
        if status not in (0, errno.EINPROGRESS):
            feed(makeCallback(partial(self._connect_done, -status)))
            return 0
        poll = pyuv.Poll(loop, fd)
        err = uv_call(poll.start, pyuv.UV_WRITABLE, makeCallback(self._on_connect_io))
        if err:
            poll.close()
            feed(makeCallback(partial(self._connect_done, err)))
            return 0
        self._connect_poll = poll
        return 0

    def _on_connect_io(self, _poll: Any, _events: int, error: int | None) -> None:
        """``uv__stream_connect``: the connect's outcome is the socket's ``SO_ERROR``."""
        if error:
            status = error
        else:
            try:
                with socket.socket(fileno=os.dup(self.fd)) as sock:
                    status = -sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            except OSError as exc:
                status = -(exc.errno or errno.EBADF)
            if status == -errno.EINPROGRESS:
                return
        self._close_connect_poll()
        self._connect_done(status)

    def _connect_done(self, status: int) -> None:
        """Complete the connect request, unless :meth:`close` has cancelled it."""
        if not self._connecting:
            return
        self._connecting = False
        self._after_connect(self._handle, status)

    def _close_connect_poll(self) -> None:
        if self._connect_poll is not None:
            self._connect_poll.close()
            self._connect_poll = None

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        """Close; a connect still under way is completed with ``UV_ECANCELED`` in the close
        phase, before ``callback`` (``uv__stream_destroy``)."""
        self._close_connect_poll()
        if self._connecting and not self.closed:
            def cancelled() -> None:
                self._connect_done(UV_ECANCELED)
                if callback is not None:
                    callback()

            super().close(cancelled)
            return
        super().close(callback)

    def fchmod(self, mode: int) -> int:
        """Make the socket file readable and/or writable by all (``UV_READABLE|UV_WRITABLE``)."""
        path = self._path
        if not path or path.startswith("\0"):
            return UV_EINVAL
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
