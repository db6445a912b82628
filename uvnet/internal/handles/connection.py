"""``ConnectionWrap``: what TCP and Pipe share for listen/accept/connect (Node's
``connection_wrap.cc``). ``onconnection(status, client)`` is called for every incoming
connection; ``req.oncomplete(status, handle, req, readable, writable)`` when a connect
finishes.

Listening is done as Node 20's libuv (1.46) does it: its ``uv__server_io`` accepts *one*
connection per poll event, and the listening fd, level-triggered, brings the next one
with the next poll, in the order epoll reports it among the other sockets. pyuv's libuv
1.13 accepts every pending connection at once. So the wrap makes the ``listen(2)`` itself
and watches the fd with a ``pyuv.Poll`` handle, accepting one connection per event.

At the fd limit, libuv's ``uv__emfile_trick`` keeps the server from spinning: the loop
holds one spare fd (``loop->emfile_fd``, opened when the first stream is made); an accept
that fails with EMFILE/ENFILE closes it, accepts and closes every connection waiting in
the backlog (their clients see an immediate EOF, not a hang), and reopens it. Without it
the level-triggered listening fd would report the same waiting connection at once,
forever.
"""

from __future__ import annotations

import errno
import os
import socket
from typing import Any, Callable

from uvnet._vendor import pyuv

from ..process import loop, makeCallback
from .handle import uv_call
from .stream import LibuvStreamWrap

SOCKET = 0
SERVER = 1
IPC = 2

_UV_EMFILE = -errno.EMFILE
_UV_ENFILE = -errno.ENFILE
_UV_EAGAIN = -errno.EAGAIN
# libuv's loop->emfile_fd: the spare fd of uv__emfile_trick (-1: none held).
_emfile_fd = -1


def _reserve_emfile_fd() -> None:
    """Open the spare fd, as ``uv__stream_init`` does for a loop's first stream."""
    global _emfile_fd
    if _emfile_fd != -1:
        return
    for path in ("/dev/null", "/"):  # "/" in the rare case /dev/null is not there
        try:
            _emfile_fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            return
        except OSError:
            continue


# ``uv__accept`` (patches/pyuv-1.4.0-stream-accept-hangup.patch): accept4 on a listening
# fd, the new fd non-blocking and close-on-exec, or a negative errno (EINTR retried).
_accept: Callable[[int], int] = pyuv.accept_fd


def _emfile_trick(sock: socket.socket) -> int:
    """``uv__emfile_trick``: free the spare fd, accept and close every waiting
    connection, take the spare fd again; the last accept's error (EAGAIN: drained)."""
    global _emfile_fd
    if _emfile_fd == -1:
        return _UV_EMFILE
    os.close(_emfile_fd)
    _emfile_fd = -1
    while True:
        err = _accept(sock.fileno())
        if err < 0:
            break
        os.close(err)
    _reserve_emfile_fd()
    return err


class ConnectWrap:
    """A connect request (Node's ``TCPConnectWrap``/``PipeConnectWrap``)."""

    __slots__ = ("oncomplete", "address", "port", "localAddress", "localPort", "addressType")

    def __init__(self) -> None:
        self.oncomplete: Callable[..., Any] | None = None
        self.address: str | None = None
        self.port: int | None = None
        self.localAddress: str | None = None
        self.localPort: int | None = None
        self.addressType: int | None = None


class ConnectionWrap(LibuvStreamWrap):
    """A stream that can listen and connect; subclasses make the pyuv handle."""

    # The fields a wrap starts with, as class defaults (set on the wrap when they change).
    onconnection: Callable[[int, Any], Any] | None = None
    _connect_req: ConnectWrap | None = None
    _listen_sock: socket.socket | None = None  # a dup of the listening fd
    _listen_poll: pyuv.Poll | None = None
    _delayed_error = 0  # libuv's delayed_error: a bind failure uv_listen reports

    def open(self, fd: int) -> int:
        raise NotImplementedError

    def _new_client(self) -> ConnectionWrap:
        raise NotImplementedError

    def listen(self, backlog: int) -> int:
        """``uv_listen``: ``listen(2)`` on the bound fd, then one accept per poll event.
        Listening again (Node's ``listen(handle)``) only makes the ``listen(2)`` again."""
        if self._delayed_error:
            return self._delayed_error
        sock = self._listen_sock
        if sock is None:
            try:  # fd: bound by the caller (createServerHandle), or opened on an fd
                sock = socket.socket(fileno=os.dup(self.fd))
            except OSError as exc:
                return -(exc.errno or errno.EBADF)
        try:
            sock.listen(backlog)
        except OSError as exc:
            if sock is not self._listen_sock:
                sock.close()
            return -(exc.errno or errno.EINVAL)
        if self._listen_poll is not None:
            return 0
        _reserve_emfile_fd()
        sock.setblocking(False)
        poll = pyuv.Poll(loop, self.fd)
        err = uv_call(poll.start, pyuv.UV_READABLE, makeCallback(self._on_connection))
        if err:
            poll.close()
            sock.close()
            return err
        poll.ref = self._handle.ref
        self._listen_sock = sock
        self._listen_poll = poll
        return 0

    def _on_connection(self, _poll: Any, _events: int, error: int | None) -> None:
        """``uv__server_io``: accept one connection. EAGAIN and ECONNABORTED are no
        connection; at the fd limit the waiting ones are refused (``_emfile_trick``); any
        other failure is reported as ``onconnection(err, None)`` (the server's 'error')."""
        sock = self._listen_sock
        if error or sock is None:
            return
        fd = _accept(sock.fileno())
        if fd < 0:
            err = fd
            if err in (_UV_EAGAIN, -errno.ECONNABORTED):
                return
            if err in (_UV_EMFILE, _UV_ENFILE):
                err = _emfile_trick(sock)
                if err == _UV_EAGAIN:
                    return
            if self.onconnection is not None:
                self.onconnection(err, None)
            return
        client = self._new_client()
        if uv_call(client._handle.open_accepted, fd):  # uv_accept's uv__stream_open
            os.close(fd)
            client.close()
            return
        onconnection = self.onconnection
        if onconnection is None:
            client.close()
            return
        onconnection(0, client)

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        """Stop listening (the poll handle first, as it watches this handle's fd), close."""
        if self._listen_poll is not None:
            self._listen_poll.close()
            self._listen_poll = None
        if self._listen_sock is not None:
            self._listen_sock.close()
            self._listen_sock = None
        super().close(callback)

    def ref(self) -> None:
        super().ref()
        if self._listen_poll is not None:
            self._listen_poll.ref = True

    def unref(self) -> None:
        super().unref()
        if self._listen_poll is not None:
            self._listen_poll.ref = False

    def _start_connect(self, req: ConnectWrap, target: Any) -> int:
        err = uv_call(self._handle.connect, target, makeCallback(self._after_connect))
        if not err:
            self._connect_req = req
        return err

    def _after_connect(self, _handle: Any, error: int | None) -> None:
        req = self._connect_req
        self._connect_req = None
        if req is not None and req.oncomplete is not None:
            req.oncomplete(error or 0, self, req, True, True)
