"""``TCPWrap`` on ``pyuv.TCP`` (Node's ``tcp_wrap.cc``).

Addresses and ports reach libuv as ``tcp_wrap.cc`` makes them: ``bind``/``connect`` take
an IPv4 address only and ``bind6``/``connect6`` an IPv6 one (``uv_ip4_addr`` /
``uv_ip6_addr``, ``EINVAL`` otherwise; pyuv would pick the family from the string), an
IPv6 zone (``fe80::1%eth0``) is the scope id, and a port is ``Int32Value`` of the number
cut to 16 bits (``htons``), so that ``checkBindError`` sees what Node sees.

libuv 1.13 has no ``uv_tcp_close_reset``: :meth:`TCPWrap.reset` sets ``SO_LINGER``
to ``{1, 0}`` through the socket's fd and closes, which sends the same RST.
"""

from __future__ import annotations

import socket
import struct
from typing import Any, Callable

from uvnet._vendor import pyuv

from ..process import loop
from ..validators import toInt32
from .connection import SERVER, SOCKET, ConnectionWrap, ConnectWrap
from .handle import uv_call
from .stream import _NO_WRITES

UV_TCP_IPV6ONLY: int = pyuv.UV_TCP_IPV6ONLY
UV_EADDRINUSE: int = pyuv.errno.UV_EADDRINUSE
UV_EINVAL: int = pyuv.errno.UV_EINVAL


def _htons(port: Any) -> int:
    """The port a binding gives libuv: ``htons`` of ``Int32Value``, its low 16 bits."""
    return toInt32(port) & 0xFFFF


def uv_ip4_addr(address: str, port: Any) -> tuple[Any, ...] | None:
    """libuv's ``uv_ip4_addr`` for pyuv: ``None`` if ``address`` is no IPv4 address."""
    try:
        socket.inet_pton(socket.AF_INET, address)
    except (OSError, TypeError, ValueError):
        return None
    return (address, _htons(port))


def uv_ip6_addr(address: str, port: Any) -> tuple[Any, ...] | None:
    """libuv's ``uv_ip6_addr`` for pyuv: ``None`` if ``address`` is no IPv6 address; a
    ``%zone`` is the scope id of that interface name (0, ignored, when there is none)."""
    try:
        ip, percent, zone = address.partition("%")
        socket.inet_pton(socket.AF_INET6, ip)
    except (OSError, TypeError, ValueError, AttributeError):
        return None
    if not percent:
        return (address, _htons(port))
    try:
        scope = socket.if_nametoindex(zone)
    except (OSError, ValueError):
        scope = 0
    return (ip, _htons(port), 0, scope)


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
        """``TCPWrap::Bind``: an IPv4 address; the port is ``Int32Value`` of the argument,
        so ``undefined`` (a ``localAddress`` without ``localPort``) binds port 0."""
        addr = uv_ip4_addr(address, port)
        if addr is None:
            return UV_EINVAL
        return self._bound(uv_call(self._handle.bind, addr), port)

    def bind6(self, address: str, port: int | None, flags: int = 0) -> int:
        """``TCPWrap::Bind6``: as :meth:`bind` for an IPv6 address, with
        ``UV_TCP_IPV6ONLY`` in ``flags``."""
        addr = uv_ip6_addr(address, port)
        if addr is None:
            return UV_EINVAL
        return self._bound(uv_call(self._handle.bind, addr, flags), port)

    def _bound(self, err: int, port: int | None) -> int:
        """libuv's ``uv__tcp_bind`` keeps an EADDRINUSE as ``delayed_error`` and reports
        success; ``uv_listen`` returns it. pyuv hides it, but getsockname reports it."""
        if not err and port and self.getsockname({}) == UV_EADDRINUSE:
            self._delayed_error = UV_EADDRINUSE
        return err

    def connect(self, req: ConnectWrap, address: str, port: int) -> int:
        """``TCPWrap::Connect``: to an IPv4 address."""
        addr = uv_ip4_addr(address, port)
        if addr is None:
            return UV_EINVAL
        return self._start_connect(req, addr)

    def connect6(self, req: ConnectWrap, address: str, port: int) -> int:
        """``TCPWrap::Connect6``: to an IPv6 address (with its zone's scope id)."""
        addr = uv_ip6_addr(address, port)
        if addr is None:
            return UV_EINVAL
        return self._start_connect(req, addr)

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
