"""``ConnectionWrap``: what TCP and Pipe share for listen/accept/connect (Node's
``connection_wrap.cc``). ``onconnection(status, client)`` is called for every incoming
connection; ``req.oncomplete(status, handle, req, readable, writable)`` when a connect
finishes.

Listening is done as Node 20's libuv (1.46) does it: its ``uv__server_io`` accepts *one*
connection per poll event, and the listening fd, level-triggered, brings the next one
with the next poll, in the order epoll reports it among the other sockets. pyuv's libuv
1.13 accepts every pending connection at once. So the wrap makes the ``listen(2)`` itself
and watches the fd with a ``pyuv.Poll`` handle, accepting one connection per event.
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
        """``uv__server_io``: accept one connection; an accept that fails is dropped."""
        if error or self._listen_sock is None:
            return
        try:  # the fd alone (socket.accept would wrap it); uv_tcp/pipe_open sets O_NONBLOCK
            fd, _address = self._listen_sock._accept()  # type: ignore[attr-defined]
        except OSError:
            return
        client = self._new_client()
        if client.open(fd):
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
