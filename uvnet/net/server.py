"""``net.Server`` (the server half of Node's ``lib/net.js``) on the wrap layer.

Every step keeps Node's name and order: ``listen`` dispatches to ``lookupAndListen`` (a
host is given: a ``dns.lookup`` first, even for an IP literal) or straight to
``listenInCluster`` -> ``_listen2`` (``setupListenHandle``), which makes the handle with
``createServerHandle`` (``::`` falling back to ``0.0.0.0`` when no host is given), listens,
and queues ``'listening'`` on the next tick; bind and listen errors are queued the same
way as ``'error'``. Accepted handles arrive in ``onconnection``, which drops them past
``maxConnections`` or wraps them in a ``Socket`` and emits ``'connection'`` synchronously.
``close`` closes the handle at once; ``'close'`` waits until the last connection is gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, overload

from .. import dns
from ..events import EventEmitter
from ..internal.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    NodeError,
    errnoException,
    uvExceptionWithHostPort,
)
from ..internal.handles.connection import SERVER
from ..internal.handles.handle import HandleWrap
from ..internal.handles.pipe import UV_READABLE, UV_WRITABLE, PipeWrap
from ..internal.handles.tcp import UV_EINVAL, UV_TCP_IPV6ONLY, TCPWrap
from ..internal.jscall import jscall
from ..internal.net import createHandle, isPipeName, toNumber
from ..internal.streams.add_abort_signal import addAbortListener, validateAbortSignal
from ..internal.streams.state import getDefaultHighWaterMark
from ..internal.task_queues import nextTick
from ..internal.util.debuglog import debuglog, enabled
from ..internal.validators import (
    is_number,
    is_object,
    js_spread,
    toInt32,
    validateFunction,
    validateNumber,
    validatePort,
)
from .socket import Socket, normalizeArgs

if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import Literal

    from typing_extensions import Self, Unpack

    from .types import (
        AddressInfo,
        ConnectionListener,
        DropArgument,
        ListenHandle,
        ListeningListener,
        ListenOptions,
        ServerOpts,
    )

DEFAULT_IPV4_ADDR = "0.0.0.0"
DEFAULT_IPV6_ADDR = "::"
# NODE_DEBUG=net: Node's debug('...') lines, each behind this flag (no call when off).
_DEBUG = enabled("net")
debug = debuglog("net")

_ABSTRACT_FCHMOD = ("can not set readableAll or writableAllt to true when path is abstract "
                    "unix socket")


def _get(options: Any, key: str) -> Any:
    """``options.key`` for a dict or any other object (``undefined`` is ``None``)."""
    if isinstance(options, dict):
        return options.get(key)
    return getattr(options, key, None)



def _getFlags(ipv6Only: Any) -> int:
    """``getFlags``: ``UV_TCP_IPV6ONLY`` when ``ipv6Only`` is exactly ``True``."""
    return UV_TCP_IPV6ONLY if ipv6Only is True else 0


def createServerHandle(address: str | None, port: int | None, addressType: int | None,
                       fd: int | None = None, flags: int = 0) -> TCPWrap | PipeWrap | int:
    """Node's ``createServerHandle``: a bound TCP or Pipe server handle, or a libuv errno.

    With an ``fd`` the handle is opened on it; ``port == addressType == -1`` makes a pipe;
    anything else a TCP handle, bound to ``::`` (then ``0.0.0.0``) when no address is given.
    A handle that fails is closed before the error is returned.
    """
    handle: TCPWrap | PipeWrap
    isTCP = False
    err = 0
    if fd is not None and fd >= 0:
        try:
            handle = createHandle(fd, True)
        except NodeError as e:
            if _DEBUG:
                debug("listen invalid fd=%d:", fd, e.message)
            return UV_EINVAL
        err = handle.open(fd)
        if err:
            handle.close()
            return err
    elif port == -1 and addressType == -1:
        handle = PipeWrap(SERVER)
    else:
        handle = TCPWrap(SERVER)
        isTCP = True

    if address or port or isTCP:
        if _DEBUG:
            debug("bind to", address or "any")
        if isinstance(handle, PipeWrap):
            err = handle.bind(address or "")
        elif not address:
            err = handle.bind6(DEFAULT_IPV6_ADDR, port or 0, flags)
            if err:
                handle.close()
                return createServerHandle(DEFAULT_IPV4_ADDR, port, 4)
        elif addressType == 6:
            err = handle.bind6(address, port or 0, flags)
        else:
            err = handle.bind(address, port or 0)
    if err:
        handle.close()
        return err
    return handle


def _emitErrorNT(server: Server, err: BaseException) -> None:
    server.emit("error", err)


def _emitListeningNT(server: Server) -> None:
    """``emitListeningNT``: ``'listening'``, unless the handle was closed meanwhile."""
    if server._handle:
        server.emit("listening")


def _emitCloseNT(server: Server) -> None:
    if _DEBUG:
        debug("SERVER: emit close")
    server.emit("close")


class Server(EventEmitter):
    """Node's net.Server: a TCP or Unix domain socket (pipe) server.

    Made by :func:`uvnet.createServer` (or ``Server(...)``), it does nothing until
    :meth:`listen`. Each accepted connection is a :class:`Socket` handed to the
    ``'connection'`` listeners. Its events: ``'listening'``, ``'connection'``
    ``(socket)``, ``'error'`` ``(err)``, ``'close'`` and ``'drop'`` ``(data)``.
    """

    @overload
    def __init__(self, connectionListener: ConnectionListener | None = None, /,
                 **options: Unpack[ServerOpts]) -> None: ...
    @overload
    def __init__(self, options: ServerOpts | None,
                 connectionListener: ConnectionListener | None = None, /,
                 **kw: Unpack[ServerOpts]) -> None: ...
    def __init__(self, options: Any = None,
                 connectionListener: Callable[..., Any] | None = None, **kw: Any) -> None:
        """``Server([options][, connectionListener])``, as Node's ``new net.Server()``.

        ``options`` is a dict, or the same keys as keywords: ``allowHalfOpen`` (accepted
        sockets do not end their side when the peer ends), ``pauseOnConnect`` (accepted
        sockets start paused), ``noDelay``, ``keepAlive``, ``keepAliveInitialDelay`` (ms)
        and ``highWaterMark``, given to every accepted socket. A callable as the first
        argument is the ``connectionListener``, added as a ``'connection'`` listener.

        Raises ``ERR_INVALID_ARG_TYPE`` when ``options`` is neither a dict nor callable,
        or when a numeric option is not a number.
        """
        super().__init__()
        if callable(options):
            connectionListener = options
            options = dict(kw)
        elif options is None or is_object(options):  # Node: {...options}
            options = {**js_spread(options), **kw}
        else:
            raise ERR_INVALID_ARG_TYPE("options", "object", options)
        if callable(connectionListener):
            self.on("connection", connectionListener)

        delay = options.get("keepAliveInitialDelay")
        if delay is not None:
            validateNumber(delay, "options.keepAliveInitialDelay")
            delay = max(delay, 0)
        hwm = options.get("highWaterMark")
        if hwm is not None:
            validateNumber(hwm, "options.highWaterMark")
            if hwm < 0:
                hwm = getDefaultHighWaterMark()

        self._connections = 0
        self._handle: TCPWrap | PipeWrap | None = None
        self._usingWorkers = False
        self._workers: list[Any] = []
        self._unref = False
        self._listeningId = 1
        self._pipeName: str | None = None
        self._connectionKey: str | None = None
        #: Refuse connections once this many are open (Node's ``server.maxConnections``):
        #: each refused one is closed at once and reported by a ``'drop'`` event.
        #: ``None``: no limit.
        self.maxConnections: int | None = None

        self.allowHalfOpen = options.get("allowHalfOpen") or False
        self.pauseOnConnect = bool(options.get("pauseOnConnect"))
        self.noDelay = bool(options.get("noDelay"))
        self.keepAlive = bool(options.get("keepAlive"))
        self.keepAliveInitialDelay = toInt32(delay / 1000) if delay is not None else 0
        self.highWaterMark = hwm if hwm is not None else getDefaultHighWaterMark()

    # --- listen ------------------------------------------------------------------------------

    # Node's overloads (@types/node), positional; listen(**options) and
    # listen(listeningListener, **options) are the keyword form of listen(options[, cb]).
    @overload
    def listen(self, port: int | None = None, hostname: str | None = None,
               backlog: int | None = None, listeningListener: ListeningListener | None = None,
               /) -> Self: ...
    @overload
    def listen(self, port: int | None, hostname: str,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, port: int | None, backlog: int,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, port: int | None, listeningListener: ListeningListener | None = None,
               /) -> Self: ...
    @overload
    def listen(self, path: str, backlog: int,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, path: str, listeningListener: ListeningListener | None = None,
               /) -> Self: ...
    @overload
    def listen(self, options: ListenOptions,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, handle: ListenHandle, backlog: int,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, handle: ListenHandle,
               listeningListener: ListeningListener | None = None, /) -> Self: ...
    @overload
    def listen(self, listeningListener: ListeningListener | None = None, /,
               **options: Unpack[ListenOptions]) -> Self: ...
    def listen(self, *args: Any, **kw: Any) -> Self:
        """Start accepting connections (Node's ``server.listen()``, every overload);
        returns the server.

        - ``listen([port[, host[, backlog]]][, callback])``: TCP. Port ``0`` or none picks a
          free port (read it from :meth:`address`); without ``host`` the server listens on
          ``'::'`` (every IPv6 and IPv4 address) when IPv6 is available, else ``'0.0.0.0'``.
        - ``listen(path[, backlog][, callback])``: a Unix domain socket at ``path`` (a
          string that is not a number).
        - ``listen(options[, callback])``, or the options as keywords: ``port``, ``host``,
          ``path``, ``backlog``, ``exclusive``, ``ipv6Only``, ``readableAll``,
          ``writableAll``, ``signal`` (an :class:`uvnet.AbortSignal` that closes the server).
        - ``listen(handle[, backlog][, callback])``: an already bound handle or
          ``{'fd': n}``.

        ``callback`` is added as a ``'listening'`` listener. The server binds when
        :func:`uvnet.run` runs; ``'listening'`` follows, or ``'error'`` with a
        :class:`uvnet.UVException` (``EADDRINUSE``, ``EACCES`` ...).

        Raises ``ERR_SERVER_ALREADY_LISTEN`` when already listening, ``ERR_SOCKET_BAD_PORT``
        for a port outside 0..65535, ``ERR_INVALID_ARG_VALUE`` for options with neither
        port nor path, and ``ERR_INVALID_ARG_TYPE`` for arguments of the wrong type, as
        Node throws them.
        """
        if kw and (not args or callable(args[0])):
            args, kw = (dict(kw), *args), {}
        if args and args[0] is not None and not callable(args[0]) \
                and not isinstance(args[0], (dict, str, int, float)):
            # (handle[, backlog][, cb]): any object with a handle or an fd.
            options: Any = args[0]
            cb = args[-1] if callable(args[-1]) else None
        else:
            options, cb = normalizeArgs(args, kw)
            options = dict(options)

        if self._handle:
            raise ERR_SERVER_ALREADY_LISTEN()
        if cb is not None:
            self.once("listening", cb)

        backlogFromArgs = (toNumber(args[1] if len(args) > 1 else False)
                           or toNumber(args[2] if len(args) > 2 else False))
        if not isinstance(options, HandleWrap):  # a wrap's own _handle is its pyuv handle
            options = _get(options, "_handle") or _get(options, "handle") or options
        flags = _getFlags(_get(options, "ipv6Only"))
        self._listeningId += 1

        if isinstance(options, TCPWrap):
            self._handle = options
            self._listenInCluster(None, -1, -1, backlogFromArgs, None, True)
            return self

        self._addAbortSignalOption(options)
        fd = _get(options, "fd")
        if is_number(fd) and fd >= 0:
            self._listenInCluster(None, None, None, backlogFromArgs, int(fd))
            return self

        if not isinstance(options, dict):  # an object with neither a handle nor an fd
            raise ERR_INVALID_ARG_VALUE("options", options,
                                        'must have the property "port" or "path"')

        if not args or callable(args[0]) or options.get("port", 0) is None:
            options["port"] = 0

        port = options.get("port")
        if (is_number(port) or isinstance(port, str)):
            port = validatePort(port, "options.port")
            backlog = options.get("backlog") or backlogFromArgs
            if options.get("host"):
                self._lookupAndListen(port, options["host"], backlog,
                                      options.get("exclusive"), flags)
            else:
                self._listenInCluster(None, port, 4, backlog, None, options.get("exclusive"))
            return self

        path = options.get("path")
        if path and isPipeName(path):
            readableAll = options.get("readableAll")
            writableAll = options.get("writableAll")
            if path[0] == "\0" and (readableAll or writableAll):
                raise ERR_INVALID_ARG_VALUE("options", options, _ABSTRACT_FCHMOD)
            self._pipeName = path
            backlog = options.get("backlog") or backlogFromArgs
            self._listenInCluster(path, -1, -1, backlog, None, options.get("exclusive"))
            if not self._handle:
                return self
            mode = (UV_READABLE if readableAll is True else 0) | \
                (UV_WRITABLE if writableAll is True else 0)
            if mode:
                handle = self._handle
                assert isinstance(handle, PipeWrap)
                err = handle.fchmod(mode)
                if err:
                    handle.close()
                    self._handle = None
                    raise errnoException(err, "uv_pipe_chmod")
            return self

        if "port" not in options and "path" not in options:
            raise ERR_INVALID_ARG_VALUE("options", options,
                                        'must have the property "port" or "path"')
        raise ERR_INVALID_ARG_VALUE("options", options)

    def _addAbortSignalOption(self, options: Any) -> None:
        """Node's ``addServerAbortSignalOption``: aborting ``options.signal`` closes the
        server (on the next tick if it is already aborted)."""
        signal = _get(options, "signal")
        if signal is None:
            return
        validateAbortSignal(signal, "options.signal")
        if signal.aborted:
            nextTick(self.close)
        else:
            dispose = addAbortListener(signal, lambda *_args: self.close())
            self.once("close", dispose)

    def _lookupAndListen(self, port: int, address: str, backlog: Any, exclusive: Any,
                         flags: int) -> None:
        """Node's ``lookupAndListen``: resolve ``address``, then listen on what it gave.

        A newer ``listen()`` or a ``close()`` meanwhile makes the answer stale.
        """
        listeningId = self._listeningId

        def doListen(err: BaseException | None, ip: str | None = None,
                     addressType: int | None = None) -> None:
            if listeningId != self._listeningId:
                return
            if err:
                self.emit("error", err)
            else:
                self._listenInCluster(ip, port, addressType if ip else 4, backlog, None,
                                      exclusive, flags)

        dns.lookup(address, doListen)

    def _listenInCluster(self, address: str | None, port: int | None,
                         addressType: int | None, backlog: Any, fd: int | None = None,
                         exclusive: Any = None, flags: int = 0) -> None:
        """Node's ``listenInCluster``: uvnet is always the primary, so straight to ``_listen2``."""
        self._listen2(address, port, addressType, backlog, fd, flags)

    def _setupListenHandle(self, address: str | None, port: int | None,
                           addressType: int | None, backlog: Any, fd: int | None = None,
                           flags: int = 0) -> None:
        """Node's ``setupListenHandle`` (alias ``_listen2``): create and bind the handle
        unless one was given, listen, and queue ``'listening'`` (or ``'error'``)."""
        if _DEBUG:
            debug("setupListenHandle", address, port, addressType, backlog, fd)
        if self._handle:
            if _DEBUG:
                debug("setupListenHandle: have a handle already")
        else:
            if _DEBUG:
                debug("setupListenHandle: create a handle")
            rval: TCPWrap | PipeWrap | int | None = None
            if not address and fd is None:
                rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags)
                if isinstance(rval, int):
                    rval = None
                    address = DEFAULT_IPV4_ADDR
                    addressType = 4
                else:
                    address = DEFAULT_IPV6_ADDR
                    addressType = 6
            if rval is None:
                rval = createServerHandle(address, port, addressType, fd, flags)
            if isinstance(rval, int):
                nextTick(_emitErrorNT, self,
                         uvExceptionWithHostPort(rval, "listen", address, port))
                return
            self._handle = rval

        handle = self._handle
        handle.onconnection = self._onconnection
        handle.owner = self
        err = handle.listen(toInt32(backlog) or 511)
        if err:
            ex = uvExceptionWithHostPort(err, "listen", address, port)
            handle.close()
            self._handle = None
            nextTick(_emitErrorNT, self, ex)
            return

        self._connectionKey = ":".join("null" if part is None else str(part)
                                       for part in (addressType, address, port))
        if self._unref:
            self.unref()
        nextTick(_emitListeningNT, self)

    _listen2 = _setupListenHandle

    # --- connections -------------------------------------------------------------------------

    def _onconnection(self, err: int, clientHandle: Any) -> None:
        """Node's ``onconnection``: wrap an accepted handle in a ``Socket`` and emit
        ``'connection'``, or drop it past ``maxConnections``."""
        if _DEBUG:
            debug("onconnection")
        if err:
            self.emit("error", errnoException(err, "accept"))
            return

        if self.maxConnections and self._connections >= self.maxConnections:
            if hasattr(clientHandle, "getsockname") or hasattr(clientHandle, "getpeername"):
                data: dict[str, Any] = {}
                local: dict[str, Any] = {}
                clientHandle.getsockname(local)
                data["localAddress"] = local.get("address")
                data["localPort"] = local.get("port")
                data["localFamily"] = local.get("family")
                remote: dict[str, Any] = {}
                clientHandle.getpeername(remote)
                data["remoteAddress"] = remote.get("address")
                data["remotePort"] = remote.get("port")
                data["remoteFamily"] = remote.get("family")
                self.emit("drop", data)
            else:
                self.emit("drop")
            clientHandle.close()
            return

        socket = Socket({
            "handle": clientHandle,
            "allowHalfOpen": self.allowHalfOpen,
            "pauseOnCreate": self.pauseOnConnect,
            "readable": True,
            "writable": True,
            "readableHighWaterMark": self.highWaterMark,
            "writableHighWaterMark": self.highWaterMark,
        })
        if self.noDelay and hasattr(clientHandle, "setNoDelay"):
            socket._kSetNoDelay = True
            clientHandle.setNoDelay(True)
        if self.keepAlive and hasattr(clientHandle, "setKeepAlive"):
            socket._kSetKeepAlive = True
            socket._kSetKeepAliveInitialDelay = self.keepAliveInitialDelay
            clientHandle.setKeepAlive(True, self.keepAliveInitialDelay)

        self._connections += 1
        socket.server = self
        socket._server = self
        self.emit("connection", socket)

    def getConnections(self, cb: Callable[[BaseException | None, int], Any] | None = None,
                       *, callback: Callable[..., Any] | None = None) -> Self:
        """Node's ``getConnections``: ``cb(None, count)`` on the next tick (no callable:
        ``ERR_INVALID_ARG_TYPE`` for "callback", from Node's ``process.nextTick``)."""
        if callback is not None:
            cb = callback
        validateFunction(cb, "callback")
        assert cb is not None
        nextTick(cb, None, self._connections)
        return self

    # --- state -------------------------------------------------------------------------------

    @property
    def listening(self) -> bool:
        """``True`` while the server is listening for connections (Node's
        ``server.listening``)."""
        return bool(self._handle)

    def address(self) -> AddressInfo | str | None:
        """Where the server listens (Node's ``server.address()``): for TCP a dict such as
        ``{'address': '::', 'family': 'IPv6', 'port': 8124}``, for a pipe server its path
        (also after :meth:`close`), and ``None`` before :meth:`listen`."""
        handle = self._handle
        if handle is not None and hasattr(handle, "getsockname"):
            out: dict[str, Any] = {}
            err = handle.getsockname(out)
            if err:
                raise errnoException(err, "address")
            return out  # type: ignore[return-value]  # (getsockname filled AddressInfo's keys)
        if self._pipeName:
            return self._pipeName
        return None

    # --- close -------------------------------------------------------------------------------

    def _nodejs_rejection(self, err: Any, event: Any = None, sock: Any = None,
                          *args: Any) -> None:
        """Node's ``Server.prototype[EventEmitter.captureRejectionSymbol]``: a rejected
        async ``'connection'`` listener destroys that socket; any other event's rejection
        is emitted as ``'error'``."""
        if event == "connection":
            sock.destroy(err)
        else:
            self.emit("error", err)

    def close(self, cb: Callable[..., Any] | None = None) -> Self:
        """Stop accepting connections (Node's ``server.close([callback])``); returns the
        server.

        Open connections are not closed: ``'close'`` is emitted once the last of them has
        closed. ``cb`` becomes a ``once('close')`` listener; if the server was not
        listening it is called with ``ERR_SERVER_NOT_RUNNING`` instead.
        """
        self._listeningId += 1
        if callable(cb):
            if not self._handle:
                def close(*_args: Any) -> None:
                    jscall(cb, ERR_SERVER_NOT_RUNNING())

                self.once("close", close)
            else:
                self.once("close", cb)
        if self._handle:
            self._handle.close()
            self._handle = None
        self._emitCloseIfDrained()
        return self

    def _emitCloseIfDrained(self) -> None:
        """Node's ``_emitCloseIfDrained``: queue ``'close'`` once there is neither a handle
        nor a connection (called by ``close`` and by every accepted socket's ``_destroy``)."""
        if _DEBUG:
            debug("SERVER _emitCloseIfDrained")
        if self._handle or self._connections:
            if _DEBUG:
                debug("SERVER handle? %j   connections? %d", bool(self._handle),
                      self._connections)
            return
        nextTick(_emitCloseNT, self)

    def ref(self) -> Self:
        """Let the server keep :func:`uvnet.run` running again after :meth:`unref`
        (Node's ``server.ref()``; the default). Returns the server."""
        self._unref = False
        if self._handle:
            self._handle.ref()
        return self

    def unref(self) -> Self:
        """Let :func:`uvnet.run` return while the server listens, as a Node process exits
        (Node's ``server.unref()``; also before :meth:`listen`). Returns the server."""
        self._unref = True
        if self._handle:
            self._handle.unref()
        return self

    if TYPE_CHECKING:
        # The events a server emits, each with its listener's arguments (@types/node's
        # net.d.ts); a listener may take fewer of them (JS's argument rule). Only these
        # names, as Readable.on's overloads (why: there).
        @overload  # type: ignore[override]
        def on(self, type: Literal["close"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connection"], listener: Callable[[Socket], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connection"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["drop"],
               listener: Callable[[DropArgument | None], object]) -> Self: ...
        @overload
        def on(self, type: Literal["drop"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["listening"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"],
               listener: Callable[[Hashable, Callable[..., Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"],
               listener: Callable[[Hashable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"],
               listener: Callable[[Hashable, Callable[..., Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"],
               listener: Callable[[Hashable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"], listener: Callable[[], object]) -> Self: ...

        def on(self, type: Hashable, listener: Callable[..., object]) -> Self: ...
        addListener = once = prependListener = prependOnceListener = on  # type: ignore[assignment]


@overload
def createServer(connectionListener: ConnectionListener | None = None, /,
                 **options: Unpack[ServerOpts]) -> Server: ...
@overload
def createServer(options: ServerOpts | None,
                 connectionListener: ConnectionListener | None = None, /,
                 **kw: Unpack[ServerOpts]) -> Server: ...
def createServer(options: Any = None,
                 connectionListener: Callable[..., Any] | None = None, **kw: Any) -> Server:
    """Make a new :class:`Server` (Node's ``net.createServer([options][,
    connectionListener])``): ``connectionListener`` is called with each accepted
    :class:`Socket`. The options, also as keywords, are those of the :class:`Server`
    constructor: ``createServer(lambda sock: sock.pipe(sock), allowHalfOpen=True)``.
    Call :meth:`Server.listen` to start it."""
    return Server(options, connectionListener, **kw)


__all__ = ["Server", "createServer", "createServerHandle"]
