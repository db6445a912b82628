"""The shapes of ``net``'s option objects and results, as ``TypedDict`` types.

These are the interfaces of Node's typings (``@types/node``'s ``net.d.ts``), under the same
names: a port passes a plain ``dict`` (or the same keys as keyword arguments), and a type
checker checks its keys and values. At run time they are ordinary ``dict`` classes; uvnet
never requires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Literal, TypedDict, Union

if TYPE_CHECKING:
    from ..abort_controller import AbortSignal
    from ..internal.handles.handle import HandleWrap
    from .server import Server
    from .socket import Socket

# Node's ``BufferEncoding``: the encodings a string chunk or ``setEncoding`` may name.
BufferEncoding = Literal["ascii", "utf8", "utf-8", "utf16le", "utf-16le", "ucs2", "ucs-2",
                         "base64", "base64url", "latin1", "binary", "hex"]

# What a socket writes: bytes-like data (a Buffer is one), or a str with its encoding.
Chunk = Union[bytes, bytearray, memoryview, str]

# The callbacks and listeners the net API takes. Each may take fewer arguments than it is
# given (JavaScript's argument rule, as uvnet calls them): a write or end callback gets
# None or the error, a 'connection' listener the socket.
WriteCallback = Union[Callable[[Union[Exception, None]], object], Callable[[], object]]
ConnectionListener = Union[Callable[["Socket"], object], Callable[[], object]]
ListeningListener = Callable[[], object]
ConnectListener = Callable[[], object]

# What ``server.listen(handle)`` takes besides options: a server, a socket or a wrap.
ListenHandle = Union["Server", "Socket", "HandleWrap"]

# Node's ``LookupFunction``: ``dns.lookup``'s signature, ``(hostname, options, callback)``.
LookupFunction = Callable[[str, dict[str, Any], Callable[..., object]], object]


class AddressInfo(TypedDict):
    """``server.address()`` and ``socket.address()``: ``{'address', 'family', 'port'}``."""

    address: str
    family: str
    port: int


class DropArgument(TypedDict, total=False):
    """The ``'drop'`` event's argument: the dropped connection's two ends."""

    localAddress: str
    localPort: int
    localFamily: str
    remoteAddress: str
    remotePort: int
    remoteFamily: str


class OnReadOpts(TypedDict):
    """``onread``: read into ``buffer`` (or what it returns), then call ``callback``."""

    buffer: bytearray | memoryview | Callable[[], bytearray | memoryview]
    callback: Callable[[int, bytearray | memoryview], object]


class _SocketKeys(TypedDict, total=False):
    fd: int
    allowHalfOpen: bool
    readable: bool
    writable: bool
    signal: AbortSignal


class SocketConstructorOpts(_SocketKeys, total=False):
    """``net.Socket(options)``."""

    onread: OnReadOpts
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float


class _SocketOpts(SocketConstructorOpts, total=False):
    # What Node's own modules pass besides (a server's accepted connections), and the
    # Duplex options a socket passes on.
    handle: HandleWrap
    pauseOnCreate: bool
    manualStart: bool
    highWaterMark: int
    readableHighWaterMark: int
    writableHighWaterMark: int


class ConnectOpts(TypedDict, total=False):
    """The keys every ``connect`` options object may have."""

    onread: OnReadOpts


class _TcpConnectKeys(ConnectOpts, total=False):
    host: str
    localAddress: str
    localPort: int
    hints: int
    family: int
    lookup: LookupFunction
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float
    autoSelectFamily: bool
    autoSelectFamilyAttemptTimeout: float


class TcpSocketConnectOpts(_TcpConnectKeys):
    """``socket.connect(options)`` for TCP: ``port`` and, optionally, the rest."""

    port: int | str


class IpcSocketConnectOpts(ConnectOpts):
    """``socket.connect(options)`` for a Unix socket: its ``path``."""

    path: str


SocketConnectOpts = Union[TcpSocketConnectOpts, IpcSocketConnectOpts]


class _NetConnectKeys(_SocketKeys, total=False):
    timeout: float


class _TcpNetConnectKeys(_TcpConnectKeys, _NetConnectKeys, total=False):
    # ``connect(port, host, **these)``: the port and host given positionally.
    pass


class TcpNetConnectOpts(TcpSocketConnectOpts, _NetConnectKeys, total=False):
    """``net.connect(options)`` for TCP: the socket's and the connection's options."""


class IpcNetConnectOpts(IpcSocketConnectOpts, _NetConnectKeys, total=False):
    """``net.connect(options)`` for a Unix socket."""


NetConnectOpts = Union[TcpNetConnectOpts, IpcNetConnectOpts]


class ListenOptions(TypedDict, total=False):
    """``server.listen(options)``: a ``port`` (with ``host``) or a ``path``."""

    port: int | str | None
    host: str
    backlog: int
    path: str
    exclusive: bool
    readableAll: bool
    writableAll: bool
    ipv6Only: bool
    signal: AbortSignal
    fd: int


class ServerOpts(TypedDict, total=False):
    """``net.createServer(options)`` / ``net.Server(options)``."""

    allowHalfOpen: bool
    pauseOnConnect: bool
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: float
    highWaterMark: int


__all__ = [
    "AddressInfo",
    "BufferEncoding",
    "Chunk",
    "ConnectListener",
    "ConnectOpts",
    "ConnectionListener",
    "DropArgument",
    "IpcNetConnectOpts",
    "IpcSocketConnectOpts",
    "ListenOptions",
    "ListenHandle",
    "ListeningListener",
    "LookupFunction",
    "NetConnectOpts",
    "OnReadOpts",
    "ServerOpts",
    "SocketConnectOpts",
    "SocketConstructorOpts",
    "TcpNetConnectOpts",
    "TcpSocketConnectOpts",
    "WriteCallback",
]
