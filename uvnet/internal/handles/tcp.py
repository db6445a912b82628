"""``TCPWrap`` on ``pyuv.TCP`` (Node's ``tcp_wrap.cc``).

libuv 1.13 has no ``uv_tcp_close_reset``: :meth:`TCPWrap.reset` sets ``SO_LINGER``
to ``{1, 0}`` through the socket's fd and closes, which sends the same RST.
"""

from __future__ import annotations

import socket
import struct
from typing import Any, Callable

import pyuv

from ..process import loop
from .connection import SERVER, SOCKET, ConnectionWrap, ConnectWrap
from .handle import uv_call
from .stream import _NO_WRITES

UV_TCP_IPV6ONLY: int = pyuv.UV_TCP_IPV6ONLY
UV_EADDRINUSE: int = pyuv.errno.UV_EADDRINUSE


class TCPWrap(ConnectionWrap):
    """A TCP socket or server handle."""

    def __init__(self, kind: int = SOCKET, handle: pyuv.TCP | None = None) -> None:
        super().__init__(handle if handle is not None else pyuv.TCP(loop))
        self.kind = kind
        self._write_reqs = _NO_WRITES  # (an instance field: see LibuvStreamWrap._write_reqs)

    def _new_client(self) -> TCPWrap:
        return TCPWrap(SOCKET)

    def open(self, fd: int) -> int:
        return uv_call(self._handle.open, fd)

    def bind(self, address: str, port: int | None) -> int:
        """``TCPWrap::Bind``: the port is ``Int32Value`` of the argument, so
        ``undefined`` (a ``localAddress`` without ``localPort``) binds port 0."""
        return self._bound(uv_call(self._handle.bind, (address, port or 0)), port)

    def bind6(self, address: str, port: int | None, flags: int = 0) -> int:
        """``TCPWrap::Bind6``: as :meth:`bind`, with ``UV_TCP_IPV6ONLY`` in ``flags``."""
        return self._bound(uv_call(self._handle.bind, (address, port or 0), flags), port)

    def _bound(self, err: int, port: int | None) -> int:
        """libuv's ``uv__tcp_bind`` keeps an EADDRINUSE as ``delayed_error`` and reports
        success; ``uv_listen`` returns it. pyuv hides it, but getsockname reports it."""
        if not err and port and self.getsockname({}) == UV_EADDRINUSE:
            self._delayed_error = UV_EADDRINUSE
        return err

    def connect(self, req: ConnectWrap, address: str, port: int) -> int:
        return self._start_connect(req, (address, port))

    connect6 = connect

    def _name(self, getter: Callable[[], Any], out: dict[str, Any]) -> int:
        try:
            name = getter()
        except pyuv.error.UVError as exc:
            return int(exc.args[0]) if isinstance(exc.args[0], int) else pyuv.errno.UV_EBADF
        out["address"] = name[0]
        out["family"] = "IPv6" if len(name) == 4 else "IPv4"
        out["port"] = name[1]
        return 0

    def getsockname(self, out: dict[str, Any]) -> int:
        """Fill ``out`` with ``address``, ``family`` and ``port`` of the local end."""
        return self._name(self._handle.getsockname, out)

    def getpeername(self, out: dict[str, Any]) -> int:
        """Fill ``out`` with ``address``, ``family`` and ``port`` of the remote end."""
        return self._name(self._handle.getpeername, out)

    def setNoDelay(self, enable: bool) -> int:
        return uv_call(self._handle.nodelay, bool(enable))

    def setKeepAlive(self, enable: bool, delay: int) -> int:
        return uv_call(self._handle.keepalive, bool(enable), max(int(delay), 0))

    def reset(self, callback: Callable[[], Any] | None = None) -> int:
        """Close with a RST instead of a FIN (``uv_tcp_close_reset``)."""
        fd = self.fd
        if fd >= 0:
            sock = socket.socket(fileno=socket.dup(fd))
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            finally:
                sock.close()
        self.close(callback)
        return 0


__all__ = ["SERVER", "SOCKET", "UV_TCP_IPV6ONLY", "ConnectWrap", "TCPWrap"]
