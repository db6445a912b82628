"""``net.Socket`` and the client side of Node's ``lib/net.js`` (v20), on the wrap layer.

Each function mirrors its namesake in ``lib/net.js``: ``Socket`` (the constructor),
``initSocketHandle``, ``Socket.connect``, ``normalizeArgs``, ``lookupAndConnect``,
``lookupAndConnectMultiple``, ``internalConnect``, ``internalConnectMultiple``,
``afterConnect``, ``afterConnectMultiple``, ``internalConnectMultipleTimeout``,
``_writeGeneric``, ``_final``/``afterShutdown``, ``writeAfterFIN``,
``onReadableStreamEnd``, ``_destroy``, and the module functions ``connect``/
``createConnection`` and the ``autoSelectFamily`` defaults. Reading and writing on the
handle is in :mod:`uvnet.internal.stream_base_commons`.

Fields Node keys by symbol are attributes named after the symbol: ``_kTimeout``,
``_kBuffer``, ``_kBufferCb``, ``_kBufferGen``, ``_kSetNoDelay``, ``_kSetKeepAlive``,
``_kSetKeepAliveInitialDelay``, ``_kBytesRead``, ``_kBytesWritten``,
``_kLastWriteQueueSize``. The handle's ``owner`` is Node's ``handle[owner_symbol]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from os import write as _os_write
from types import MethodType
from typing import TYPE_CHECKING, Any, Callable, overload

from uvnet._vendor import pyuv

from .. import dns
from ..buffer import Buffer, byteLength
from ..internal.errors import (
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_SOCKET_CONNECTION_TIMEOUT,
    MISSING,
    NodeAggregateError,
    errnoException,
    exceptionWithHostPort,
)
from ..internal.handles.connection import SOCKET, ConnectWrap
from ..internal.handles.pipe import PipeWrap
from ..internal.handles.stream import LibuvStreamWrap, ShutdownWrap, WriteWrap, tryWriteErrno
from ..internal.handles.tcp import TCPWrap
from ..internal.net import createHandle, isIP, isPipeName
from ..internal.stream_base_commons import (
    onStreamRead,
    onWriteComplete,
    setStreamTimeout,
    writeGeneric,
    writevGeneric,
)
from ..internal.streams.add_abort_signal import addAbortListener, validateAbortSignal
from ..internal.streams.duplex import Duplex
from ..internal.streams.readable import ReadableState, _read0, maybeReadMore_
from ..internal.streams.writable import writeResult
from ..internal.task_queues import nextTick
from ..internal.util.debuglog import debuglog, enabled
from ..internal.validators import (
    is_number,
    is_object,
    js_number,
    js_spread,
    js_truthy,
    toInt32,
    validateBoolean,
    validateFunction,
    validateInt32,
    validateNumber,
    validatePort,
    validateString,
)
from ..timers import clearTimeout, setTimeout

if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import Literal

    from typing_extensions import Never, Self, Unpack

    from ..internal.streams.readable import Readable
    from .types import (
        AddressInfo,
        BufferEncoding,
        Chunk,
        ConnectListener,
        IpcNetConnectOpts,
        IpcSocketConnectOpts,
        NetConnectOpts,
        SocketConnectOpts,
        TcpNetConnectOpts,
        TcpSocketConnectOpts,
        WriteCallback,
        _SocketOpts,
        _TcpNetConnectKeys,
    )

UV_EADDRINUSE: int = pyuv.errno.UV_EADDRINUSE
UV_ECANCELED: int = pyuv.errno.UV_ECANCELED
UV_ENOTCONN: int = pyuv.errno.UV_ENOTCONN
UV_ETIMEDOUT: int = pyuv.errno.UV_ETIMEDOUT

DEFAULT_IPV4_ADDR = "0.0.0.0"
DEFAULT_IPV6_ADDR = "::"

_autoSelectFamilyDefault = True
# NODE_DEBUG=net: Node's debug('...') lines, each behind this flag (no call when off).
_DEBUG = enabled("net")
debug = debuglog("net")
# The fast paths below skip steps that print NODE_DEBUG=net/stream lines: with either on,
# the general path runs instead.
_DEBUG_STEPS = _DEBUG or enabled("stream")
_autoSelectFamilyAttemptTimeoutDefault = 250


def _noop(*_args: Any) -> None:
    pass


def _js(value: Any) -> str:
    """How JavaScript prints a value in a template string (``undefined`` for ``None``)."""
    return "undefined" if value is None else str(value)


# --- module functions ---------------------------------------------------------------------


# @types/node's overloads, with the options also as keywords (beside a port and host too).
@overload
def connect(options: NetConnectOpts, connectionListener: ConnectListener | None = None,
            /) -> Socket: ...
@overload
def connect(port: int, host: str | None = None,
            connectionListener: ConnectListener | None = None, /,
            **options: Unpack[_TcpNetConnectKeys]) -> Socket: ...
@overload
def connect(port: int, connectionListener: ConnectListener | None, /,
            **options: Unpack[_TcpNetConnectKeys]) -> Socket: ...
@overload
def connect(path: str, connectionListener: ConnectListener | None = None, /,
            **options: Unpack[_TcpNetConnectKeys]) -> Socket: ...
@overload
def connect(connectionListener: ConnectListener | None = None, /,
            **options: Unpack[TcpNetConnectOpts]) -> Socket: ...
@overload
def connect(connectionListener: ConnectListener | None = None, /,
            **options: Unpack[IpcNetConnectOpts]) -> Socket: ...
def connect(*args: Any, **kwargs: Any) -> Socket:
    """Open a connection and return its new :class:`Socket` (Node's ``net.connect()``,
    also named ``createConnection``).

    Called as ``connect(options[, connectListener])``, ``connect(port[, host][,
    connectListener])`` or ``connect(path[, connectListener])``; the options may be given
    as keywords instead (``connect(port=80, host='example.org')``). TCP options: ``port``,
    ``host`` (default ``'localhost'``), ``localAddress``, ``localPort``, ``family``,
    ``lookup``, ``autoSelectFamily``, ``autoSelectFamilyAttemptTimeout``, ``noDelay``,
    ``keepAlive``, ``keepAliveInitialDelay``; a pipe takes ``path``. Every option of the
    :class:`Socket` constructor is accepted too, and ``timeout`` calls
    :meth:`Socket.setTimeout` first. ``connectListener`` is added as a ``'connect'``
    listener.

    The socket is returned at once; the connection is made once :func:`uvnet.run` runs,
    after a DNS lookup when ``host`` is a name (``'lookup'``), and ends in ``'connect'`` and
    ``'ready'``, or in ``'error'`` with a :class:`uvnet.UVException` (``ECONNREFUSED``,
    ``ENOTFOUND``, ``ETIMEDOUT`` ...) followed by ``'close'``.

    Raises ``ERR_MISSING_ARGS`` with neither port nor path, ``ERR_SOCKET_BAD_PORT`` for a
    port outside 0..65535, ``ERR_INVALID_ARG_TYPE`` for an option of the wrong type and
    ``ERR_INVALID_IP_ADDRESS`` for a ``localAddress`` that is no IP address, as Node throws
    them.
    """
    normalized = normalizeArgs(args, kwargs)
    options = normalized[0]
    if _DEBUG:
        debug("createConnection", normalized)
    socket = Socket(options)
    if js_truthy(options.get("timeout")):
        socket.setTimeout(options["timeout"])
    return socket.connect(normalized)


createConnection = connect


def getDefaultAutoSelectFamily() -> bool:
    """The default of the ``autoSelectFamily`` connect option (Node's
    ``net.getDefaultAutoSelectFamily()``): ``True``, as in Node v20, unless changed by
    :func:`setDefaultAutoSelectFamily`."""
    return _autoSelectFamilyDefault


def setDefaultAutoSelectFamily(value: bool) -> None:
    """Set the default of the ``autoSelectFamily`` connect option (Node's
    ``net.setDefaultAutoSelectFamily(value)``). With it, a host name that resolves to
    several addresses is tried address by address, IPv6 and IPv4 in turn ("happy
    eyeballs"). Raises ``ERR_INVALID_ARG_TYPE`` when ``value`` is not a ``bool``."""
    global _autoSelectFamilyDefault
    validateBoolean(value, "value")
    _autoSelectFamilyDefault = value


def getDefaultAutoSelectFamilyAttemptTimeout() -> int:
    """The default of the ``autoSelectFamilyAttemptTimeout`` connect option, in
    milliseconds (Node's ``net.getDefaultAutoSelectFamilyAttemptTimeout()``; 250)."""
    return _autoSelectFamilyAttemptTimeoutDefault


def setDefaultAutoSelectFamilyAttemptTimeout(value: int) -> None:
    """Set how long, in milliseconds, each address is tried before the next one when
    ``autoSelectFamily`` is on (Node's ``net.setDefaultAutoSelectFamilyAttemptTimeout``).
    Values below 10 become 10. Raises ``ERR_INVALID_ARG_TYPE`` / ``ERR_OUT_OF_RANGE`` when
    ``value`` is not a positive 32-bit integer."""
    global _autoSelectFamilyAttemptTimeoutDefault
    validateInt32(value, "value", 1)
    _autoSelectFamilyAttemptTimeoutDefault = max(value, 10)


class _NormalizedArgsSymbol:
    def __repr__(self) -> str:
        return "Symbol(normalizedArgs)"


normalizedArgsSymbol = _NormalizedArgsSymbol()


class NormalizedArgs(list):  # type: ignore[type-arg]
    """``[options, cb]`` from :func:`normalizeArgs` (Node tags it with ``normalizedArgsSymbol``)."""

    def __init__(self, items: list[Any]) -> None:
        super().__init__(items)
        # (util.inspect shows it, as Node's debug('createConnection', normalized) does)
        self.__dict__[normalizedArgsSymbol] = True  # type: ignore[index]


def normalizeArgs(args: Sequence[Any], kwargs: dict[str, Any] | None = None) -> NormalizedArgs:
    """Node's ``normalizeArgs``: ``(options[...][, cb])``, ``(path[...][, cb])`` or
    ``([port][, host][...][, cb])`` to ``[options, cb]``. Keyword arguments are options
    too (``connect(port=80, host='example.org')``)."""
    if not args:
        return NormalizedArgs([dict(kwargs or {}), None])
    arg0 = args[0]
    options: dict[str, Any]
    if isinstance(arg0, dict):
        options = {**arg0, **kwargs} if kwargs else arg0
    elif is_object(arg0):  # a Buffer, a list ...: an object, with no option in it
        options = {**js_spread(arg0), **(kwargs or {})}
    else:
        options = {}
        if isPipeName(arg0):
            options["path"] = arg0
        else:
            options["port"] = arg0
            if len(args) > 1 and isinstance(args[1], str):
                options["host"] = args[1]
        if kwargs:
            options.update(kwargs)
    cb = args[-1]
    return NormalizedArgs([options, cb if callable(cb) else None])


def emitCloseNT(self: Any) -> None:
    """Node's ``emitCloseNT``: ``'close'`` with no argument."""
    self.emit("close")


# --- the socket -------------------------------------------------------------------------


def initSocketHandle(self: Socket) -> None:
    """Node's ``initSocketHandle``: revive the stream, adopt ``self._handle``."""
    self._undestroy()
    self._sockname = None
    handle = self._handle
    if handle is not None:
        handle.owner = self
        handle.onread = partial(onStreamRead, handle)
        userBuf = self._kBuffer
        if userBuf is not None:
            if self._kBufferGen is not None:
                userBuf = self._kBufferGen()
                if not _isUint8Array(userBuf):
                    return
                self._kBuffer = userBuf
            handle.useUserBuffer(userBuf)


def closeSocketHandle(self: Socket, isException: bool) -> None:
    """Node's ``closeSocketHandle``: ``'close'`` comes from the handle's close callback."""
    if self._handle is not None:
        self._handle.close(lambda: _emitClose(self, isException))


def _emitClose(self: Socket, isException: bool) -> None:
    if _DEBUG:
        debug("emit close")
    self.emit("close", isException)


def _isUint8Array(value: Any) -> bool:
    return isinstance(value, bytearray) or (
        isinstance(value, memoryview) and not value.readonly)


def addClientAbortSignalOption(self: Socket, options: dict[str, Any]) -> None:
    """Node's ``addClientAbortSignalOption``: the Duplex destroys the socket on abort; net
    also marks it ``_aborted`` so that no further happy-eyeballs attempt starts."""
    validateAbortSignal(options["signal"], "options.signal")
    signal = options["signal"]
    dispose: list[Callable[[], None]] = []

    def onAbort(*_args: Any) -> None:
        for fn in dispose:
            fn()
        self._aborted = True

    if signal.aborted:
        nextTick(onAbort)
    else:
        nextTick(lambda: dispose.append(addAbortListener(signal, onAbort)))


def _afterTryWrite(socket: Socket, handle: LibuvStreamWrap, data: bytes | bytearray,
                   written: int, err: int, cb: Callable[..., Any]) -> None:
    """The rest of ``writeGeneric`` after a try-write that failed (``err``) or wrote only
    ``written`` bytes of ``data``: ``cb`` gets the error, or the rest is queued on libuv."""
    if err:
        cb(errnoException(err, "write"))
        return
    size = len(data)
    req = WriteWrap(handle, cb)
    req.bytes = size
    err = handle._writeQueued(req, memoryview(data)[written:], size)
    if err:
        cb(errnoException(err, "write"))
        return
    req.oncomplete = partial(onWriteComplete, req)
    socket._kLastWriteQueueSize = size


def _maybeReadMore(stream: Socket, state: ReadableState) -> None:
    """Readable's ``maybeReadMore_`` as a chunk read from the handle queues it (emitted as
    ``'data'`` by ``onStreamRead``, or buffered by ``addChunk``): while the handle reads,
    the loop's one ``read(0)`` (below the high-water mark) takes Readable.read's
    (``_read0``) steps with :meth:`Socket._read` doing nothing then; it marks the stream
    reading and needing ``'readable'``, brings no data, and so ends the loop. Otherwise
    ``maybeReadMore_``."""
    length = state.length
    if not state.reading and not state.ended and (
            length < state.highWaterMark or (state.flowing and length == 0)):
        try:
            fast = (stream._handle.reading
                    and stream.read.__func__ is _socketReadMethod  # type: ignore[attr-defined]
                    and stream._read.__func__ is _socketRead)  # type: ignore[attr-defined]
        except AttributeError:  # no handle (or not a wrap), or another read/_read
            fast = False
        if not fast or stream.connecting or _DEBUG_STEPS:
            maybeReadMore_(stream, state)
            return
        if not (state.destroyed or state.errored or not state.constructed) \
                and (length == 0 or length < state.highWaterMark):
            state.reading = True
            state.needReadable = True
            state.sync = False
        elif length <= state.highWaterMark or length == 0:
            state.needReadable = True
    state.readingMore = False


class Socket(Duplex):
    """Node's net.Socket: a TCP connection or a Unix domain socket (pipe), as a Duplex
    stream.

    A socket is made by :func:`uvnet.connect` on the client side and handed to the
    ``'connection'`` listener of a :class:`Server` on the server side. Reading it is
    reading a Readable (``'data'``, ``'end'``, ``pipe()``, ``setEncoding()``, ``pause()``
    ...), writing it is writing a Writable (``write()``, ``end()``, ``'drain'``,
    ``'finish'``), and it has the events of a connection: ``'connect'``, ``'ready'``,
    ``'lookup'``, ``'timeout'``, ``'error'`` and ``'close'`` (with ``hadError``).
    """

    # The fields every socket sets in __init__, as slots: a socket's __dict__ keeps only the
    # stream fields (and whatever else is set on it), ~1 KiB less per connection. A dict of
    # slots: the values are the public attributes' docstrings (what help() shows).
    __slots__ = {
        **dict.fromkeys((
            "_aborted", "_hadError", "_handle", "_host", "_kBuffer", "_kBufferCb",
            "_kBufferGen", "_kBytesRead", "_kBytesWritten", "_kLastWriteQueueSize",
            "_kSetKeepAlive", "_kSetKeepAliveInitialDelay", "_kSetNoDelay", "_kTimeout",
            "_parent", "_peername", "_pendingData", "_pendingEncoding", "_server",
            "_sockname",
        )),
        "autoSelectFamilyAttemptedAddresses":
            "The addresses tried, as ``'ip:port'`` strings, when the connection was made "
            "with ``autoSelectFamily`` (Node's ``socket.autoSelectFamilyAttemptedAddresses``"
            "); ``None`` otherwise.",
        "connecting":
            "``True`` from :meth:`connect` until ``'connect'`` (or the connection's failure)"
            " (Node's ``socket.connecting``).",
        "resetAndClosing":
            "``True`` once :meth:`resetAndDestroy` is closing the connection with a reset.",
        "server":
            "The :class:`Server` that accepted this socket, or ``None`` for a client socket "
            "(Node's ``socket.server``).",
        "timeout":
            "The idle timeout in milliseconds set by :meth:`setTimeout`, or ``None`` "
            "(Node's ``socket.timeout``).",
    }

    @overload
    def __init__(self, options: _SocketOpts | None = None, /) -> None: ...
    @overload
    def __init__(self, fd: int, /) -> None: ...
    @overload
    def __init__(self, **options: Unpack[_SocketOpts]) -> None: ...
    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        """``Socket([options])``, as Node's ``new net.Socket([options])``: a socket that is
        not connected yet (call :meth:`connect`), or one that wraps an open descriptor.

        ``options`` is a dict, or the same keys as keywords: ``fd`` (an open socket's file
        descriptor; an ``int`` alone means ``{'fd': n}``), ``allowHalfOpen`` (default
        ``False``: the socket ends its side when the other side ends), ``readable`` /
        ``writable`` (with ``fd``), ``signal`` (an :class:`uvnet.AbortSignal` that destroys
        the socket), ``onread`` (``{'buffer': buf, 'callback': fn}``: read into one buffer
        instead of ``'data'`` events), ``noDelay``, ``keepAlive`` and
        ``keepAliveInitialDelay`` (applied once connected).

        Raises ``ERR_INVALID_ARG_VALUE`` for ``objectMode`` (a socket carries bytes), and
        a :class:`uvnet.UVException` when ``fd`` cannot be opened.
        """
        # Node: a number is the legacy fd; anything else is copied with {...options}, so a
        # string, a Buffer or true gives no option at all (not a Python error).
        if is_number(options):
            options = {"fd": options, **kwargs}
        else:
            options = js_spread(options)  # (a new dict: the keywords go into it)
            if kwargs:
                options.update(kwargs)
        if js_truthy(options.get("objectMode")):
            raise ERR_INVALID_ARG_VALUE("options.objectMode", options["objectMode"],
                                        "is not supported")
        readableObjectMode = js_truthy(options.get("readableObjectMode"))
        if readableObjectMode or js_truthy(options.get("writableObjectMode")):
            which = "readableObjectMode" if readableObjectMode else "writableObjectMode"
            raise ERR_INVALID_ARG_VALUE(f"options.{which}", options[which], "is not supported")
        keepAliveInitialDelay = options.get("keepAliveInitialDelay")
        if keepAliveInitialDelay is not None:
            validateNumber(keepAliveInitialDelay, "options.keepAliveInitialDelay")
            if keepAliveInitialDelay < 0:
                options["keepAliveInitialDelay"] = keepAliveInitialDelay = 0

        self.connecting = False
        self._hadError = False
        self._handle: Any = None
        self._parent: Any = None
        self._host: str | None = None
        self._peername: dict[str, Any] | None = None
        self._sockname: dict[str, Any] | None = None
        self._kLastWriteQueueSize = 0
        self._kTimeout: Any = None
        self._kBuffer: Any = None
        self._kBufferCb: Callable[..., Any] | None = None
        self._kBufferGen: Callable[[], Any] | None = None
        self.timeout: Any = None
        self.resetAndClosing = False
        self._aborted = False
        self.autoSelectFamilyAttemptedAddresses: list[str] | None = None

        options["allowHalfOpen"] = js_truthy(options.get("allowHalfOpen"))
        options["emitClose"] = False
        options["autoDestroy"] = True
        options["decodeStrings"] = False
        super().__init__(options)

        handle = options.get("handle")
        if handle:
            self._handle = handle
        elif options.get("fd") is not None:
            fd = options["fd"]
            self._handle = createHandle(fd, False)
            err = self._handle.open(fd)
            if err:
                raise errnoException(err, "open")

        onread = options.get("onread")
        if isinstance(onread, dict) and (
                _isUint8Array(onread.get("buffer")) or callable(onread.get("buffer"))) \
                and callable(onread.get("callback")):
            if callable(onread["buffer"]):
                self._kBuffer = True
                self._kBufferGen = onread["buffer"]
            else:
                self._kBuffer = onread["buffer"]
            self._kBufferCb = onread["callback"]

        self._kSetNoDelay = js_truthy(options.get("noDelay"))
        self._kSetKeepAlive = js_truthy(options.get("keepAlive"))
        # Node's ~~(delay / 1000): truncated to an int32, NaN is 0
        self._kSetKeepAliveInitialDelay = toInt32(js_number(keepAliveInitialDelay) / 1000) \
            if js_truthy(keepAliveInitialDelay) else 0

        self.on("end", MethodType(onReadableStreamEnd, self))

        initSocketHandle(self)

        self._pendingData: Any = None
        self._pendingEncoding = ""

        if self._handle is not None and options.get("readable") is not False:
            if js_truthy(options.get("pauseOnCreate")):
                self._handle.reading = False
                self._handle.readStop()
                self.readableFlowing = False
            elif not options.get("manualStart"):
                self.read(0)

        if js_truthy(options.get("signal")):
            addClientAbortSignalOption(self, options)

        self.server: Any = None
        self._server: Any = None
        self._kBytesRead = 0
        self._kBytesWritten = 0

    # --- timers ---------------------------------------------------------------------------

    def _unrefTimer(self) -> None:
        """Node's ``_unrefTimer`` (``kUpdateTimer``): refresh the idle timeout."""
        if self._kTimeout is None and self._parent is None:
            return  # the common case: no timeout, no parent
        s: Any = self
        while s is not None:
            if s._kTimeout is not None:
                s._kTimeout.refresh()
            s = s._parent

    if TYPE_CHECKING:
        def setTimeout(self, timeout: float,
                       callback: Callable[[], object] | None = None) -> Self: ...
    else:
        setTimeout = setStreamTimeout

    def _onTimeout(self) -> None:
        """Node's ``_onTimeout``: emit ``'timeout'`` unless a write is still in flight."""
        handle = self._handle
        lastWriteQueueSize = self._kLastWriteQueueSize
        if lastWriteQueueSize > 0 and handle is not None:
            writeQueueSize = handle.writeQueueSize
            if lastWriteQueueSize != writeQueueSize:
                self._kLastWriteQueueSize = writeQueueSize
                self._unrefTimer()
                return
        if _DEBUG:
            debug("_onTimeout")
        self.emit("timeout")

    def _afterAsyncWrite(self, _req: Any = None) -> None:
        """Node's ``Socket.prototype[kAfterAsyncWrite]``."""
        self._kLastWriteQueueSize = 0

    # --- stream hooks -----------------------------------------------------------------------

    def _final(self, cb: Callable[..., Any]) -> Any:
        """Node's ``Socket.prototype._final``: send a FIN once the writes are flushed."""
        if self.pending:
            if _DEBUG:
                debug("_final: not yet connected")
            return self.once("connect", lambda: self._final(cb))
        if self._handle is None:
            return cb()
        if _DEBUG:
            debug("_final: not ended, call shutdown()")
        req = ShutdownWrap()
        req.oncomplete = partial(afterShutdown, req)
        req.handle = self._handle
        req.callback = cb
        err = self._handle.shutdown(req)
        if err == 1 or err == UV_ENOTCONN:
            return cb()
        if err != 0:
            return cb(errnoException(err, "shutdown"))
        return None

    def _read(self, n: int) -> None:
        """Node's ``Socket.prototype._read``: start the handle reading (after connect)."""
        if _DEBUG:
            debug("_read - n", n, "isConnecting?", bool(self.connecting),
                  "hasHandle?", self._handle is not None)
        if self.connecting or self._handle is None:
            if _DEBUG:
                debug("_read wait for connection")
            self.once("connect", lambda: self._read(n))
        elif not self._handle.reading:
            tryReadStart(self)

    def _writeGeneric(self, writev: bool, data: Any, encoding: str,
                      cb: Callable[..., Any]) -> Any:
        """Node's ``_writeGeneric``: hold the data while connecting, else write it."""
        if self.connecting:
            self._pendingData = data
            self._pendingEncoding = encoding

            def onClose(*_args: Any) -> None:
                cb(ERR_SOCKET_CLOSED_BEFORE_CONNECTION())

            def onConnect() -> None:
                self.off("close", onClose)
                self._writeGeneric(writev, data, encoding, cb)

            self.once("connect", onConnect)
            self.once("close", onClose)
            return None
        self._pendingData = None
        self._pendingEncoding = ""

        if self._handle is None:
            cb(ERR_SOCKET_CLOSED())
            return False

        if self._kTimeout is not None or self._parent is not None:
            self._unrefTimer()
        if writev:
            req = writevGeneric(self, data, cb)
        else:
            req = writeGeneric(self, data, encoding, cb)
        if req.async_:
            self._kLastWriteQueueSize = req.bytes
        return None

    def _writev(self, chunks: list[dict[str, Any]], cb: Callable[..., Any]) -> None:
        """Node's ``Socket.prototype._writev``."""
        self._writeGeneric(True, chunks, "", cb)

    def _write(self, data: Any, encoding: str, cb: Callable[..., Any]) -> None:
        """Node's ``Socket.prototype._write``: ``_writeGeneric(False, ...)``. (A socket's
        common write never gets here: :meth:`write` does it in one frame.)"""
        self._writeGeneric(False, data, encoding, cb)

    @overload
    def write(self, chunk: Chunk, cb: WriteCallback | None = None, /, *,
              callback: WriteCallback | None = None) -> bool: ...
    @overload
    def write(self, chunk: Chunk, encoding: BufferEncoding | None,
              cb: WriteCallback | None = None,
              callback: WriteCallback | None = None) -> bool: ...
    def write(self, chunk: Any = MISSING, encoding: Any = None,
              cb: Callable[..., Any] | None = None,
              callback: Callable[..., Any] | None = None) -> bool:
        """Send ``chunk`` (Node's ``socket.write(data[, encoding][, callback])``).

        ``chunk`` is a Buffer, ``bytes``, ``bytearray`` or ``memoryview``, or a ``str``
        encoded with ``encoding`` (default ``'utf8'``). Data written before the socket is
        connected is sent once it is. ``cb`` (also ``callback=``) is called with ``None``
        once the data is handed to the kernel, or with the error.

        Returns ``True`` if the data was flushed or buffered below
        ``writableHighWaterMark``, ``False`` when the caller should wait for ``'drain'``
        before writing more, as in Node.

        Raises ``ERR_INVALID_ARG_TYPE`` for another type of chunk, ``None`` included (Node's
        ``write(undefined)``). Writing after :meth:`end` gives
        ``ERR_STREAM_WRITE_AFTER_END`` to ``cb`` and emits it as ``'error'``; after
        :meth:`destroy`, ``cb`` gets ``ERR_STREAM_DESTROYED``. A socket whose peer ended it
        (without ``allowHalfOpen``) fails with ``EPIPE``, as in Node.
        """
        # The common case of a connected socket runs in this one frame: a Buffer, bytes or
        # ASCII str chunk (in the default 'utf8') without encoding, with or without a
        # callback, nothing being written, buffered or awaiting 'drain'. It takes
        # Writable.write's, _write's, writeOrBuffer's, _writeGeneric's and writeGeneric's
        # steps (the try-write of writeBuffer) and, as writeGeneric does, calls onwrite
        # (state.onwrite) once one write(2) took it all. Without a callback that call
        # is skipped: what write() sets, onwrite takes back, and no tick is needed, so the
        # stream's state ends as it was but for `sync`. A short or failed write(2) goes on
        # as writeGeneric would, within Writable.write's steps.
        if callback is not None:
            cb = callback
        if encoding is not None and callable(encoding):  # write(chunk, cb)
            cb = encoding
            encoding = None
        t = type(chunk)
        if encoding is None and (t is Buffer or t is bytes or (t is str and chunk.isascii())):
            state = self._writableState
            handle = self._handle
            if not (state.writing or state.corked or state.needDrain or state.ending
                    or state.destroyed or state.errored or state.objectMode or state.buffered
                    or self.connecting or handle is None) and state.constructed \
                    and self._kTimeout is None and self._parent is None:
                try:
                    fast = (not handle._write_reqs
                            and self._write.__func__ is _socketWrite  # type: ignore[attr-defined]
                            and type(handle).writeBuffer is _writeBuffer)
                except AttributeError:  # not a wrap, or another _write
                    fast = False
                if fast and t is str:  # ASCII: its bytes, in the default 'utf8' only
                    if state.defaultEncoding == "utf8" and not state.decodeStrings:
                        chunk = chunk.encode()
                    else:
                        fast = False
                if fast:
                    self._pendingData = None
                    self._pendingEncoding = ""
                    try:
                        written = _os_write(handle._handle.fileno(), chunk)
                        err = 0
                    except (OSError, pyuv.error.UVError) as exc:
                        written = 0
                        err = tryWriteErrno(exc)
                    size = len(chunk)
                    if written == size and not err and (cb is None or not callable(cb)):
                        handle.bytesWritten += size
                        state.sync = False
                        return True
                    # Writable.write's steps around _write, with the rest of writeGeneric's.
                    state.pendingcb += 1
                    state.length += size
                    state.writelen = size
                    if cb is not None and callable(cb):  # (else Writable's nop)
                        state.writecb = cb
                    state.writing = state.sync = state.expectWriteCb = True
                    if written == size and not err:
                        handle.bytesWritten += size
                        state.onwrite()
                    else:
                        _afterTryWrite(self, handle, chunk, written, err, state.onwrite)
                    state.sync = False
                    return writeResult(state)
        return Duplex.write(self, chunk, encoding, cb)  # (cb: callback= is in it now)

    def _destroy(self, exception: BaseException | None, cb: Callable[..., Any]) -> None:
        """Node's ``Socket.prototype._destroy``: close the handle (``'close'`` comes from its
        close callback) or, with no handle, emit ``'close'`` on the next tick."""
        if _DEBUG:
            debug("destroy")
        self.connecting = False
        s: Any = self
        while s is not None:
            if s._kTimeout is not None:  # (clearTimeout(undefined) does nothing)
                clearTimeout(s._kTimeout)
            s = s._parent

        if _DEBUG:
            debug("close")
        handle = self._handle
        if handle is not None:
            if _DEBUG:
                debug("close handle")
            isException = bool(exception)
            self._kBytesRead = handle.bytesRead
            self._kBytesWritten = handle.bytesWritten
            if self.resetAndClosing:
                self.resetAndClosing = False
                err = handle.reset(lambda: _emitClose(self, isException))
                if err:
                    self.emit("error", errnoException(err, "reset"))
            else:
                closeSocketHandle(self, isException)
            handle.onread = _noop
            self._handle = None
            self._sockname = None
            cb(exception)
        else:
            cb(exception)
            nextTick(emitCloseNT, self)

        server = self._server
        if server is not None:
            if _DEBUG:
                debug("has server")
            server._connections -= 1
            emitCloseIfDrained = getattr(server, "_emitCloseIfDrained", None)
            if emitCloseIfDrained is not None:
                emitCloseIfDrained()

    # --- public methods -------------------------------------------------------------------

    @overload
    def connect(self, normalized: NormalizedArgs, /) -> Self: ...
    @overload
    def connect(self, options: SocketConnectOpts,
                connectionListener: ConnectListener | None = None, /) -> Self: ...
    @overload
    def connect(self, port: int, host: str | None = None,
                connectionListener: ConnectListener | None = None, /) -> Self: ...
    @overload
    def connect(self, port: int, connectionListener: ConnectListener | None, /) -> Self: ...
    @overload
    def connect(self, path: str, connectionListener: ConnectListener | None = None,
                /) -> Self: ...
    @overload
    def connect(self, connectionListener: ConnectListener | None = None, /,
                **options: Unpack[TcpSocketConnectOpts]) -> Self: ...
    @overload
    def connect(self, connectionListener: ConnectListener | None = None, /,
                **options: Unpack[IpcSocketConnectOpts]) -> Self: ...
    def connect(self, *args: Any, **kwargs: Any) -> Self:
        """Connect this socket (Node's ``socket.connect()``); returns the socket.

        Takes the same arguments as :func:`uvnet.connect`: ``(options[, connectListener])``,
        ``(port[, host][, connectListener])`` or ``(path[, connectListener])``, options as
        keywords too. ``connectListener`` becomes a ``once('connect')`` listener. A
        destroyed socket can be connected again, on a new handle.

        Raises ``ERR_MISSING_ARGS``, ``ERR_SOCKET_BAD_PORT``, ``ERR_INVALID_ARG_TYPE`` or
        ``ERR_INVALID_IP_ADDRESS`` for bad arguments, as Node throws them; a failed
        connection is an ``'error'`` event with a :class:`uvnet.UVException`
        (``ECONNREFUSED``, ``ENOTFOUND``, ``ETIMEDOUT`` ...), then ``'close'``.
        """
        if args and isinstance(args[0], NormalizedArgs):
            normalized = args[0]
        else:
            normalized = normalizeArgs(args, kwargs)
        options, cb = normalized

        if cb is not None:
            self.once("connect", cb)

        if self._parent is not None and self._parent.connecting:
            return self

        if "port" not in options and options.get("path") is None:
            raise ERR_MISSING_ARGS(["options", "port", "path"])

        if "write" in self.__dict__:
            del self.write

        if self.destroyed:
            self._handle = None
            self._peername = None
            self._sockname = None

        path = options.get("path")
        pipe = js_truthy(path)
        if _DEBUG:
            debug("pipe", pipe, path)

        if self._handle is None:
            self._handle = PipeWrap(SOCKET) if pipe else TCPWrap(SOCKET)
            initSocketHandle(self)

        self._unrefTimer()
        self.connecting = True

        if pipe:
            validateString(path, "options.path")
            internalConnect(self, path)
        else:
            lookupAndConnect(self, options)
        return self

    def _reinitializeHandle(self, handle: TCPWrap) -> None:
        """Node's ``Socket.prototype[kReinitializeHandle]``: a fresh handle per attempt."""
        if self._handle is not None:
            self._handle.close()
        self._handle = handle
        handle.owner = self
        initSocketHandle(self)

    def setNoDelay(self, enable: bool | None = None, *, noDelay: bool | None = None) -> Self:
        """Turn Nagle's algorithm off (``True``, the default) or on (``False``) for a TCP
        socket (Node's ``socket.setNoDelay([noDelay])``; also ``noDelay=`` as a keyword).
        Set before the socket is connected, it applies once it is. No effect on a pipe.
        Returns the socket."""
        if noDelay is not None:
            enable = noDelay
        enable = True if enable is None else bool(enable)
        if self._handle is None:
            self._kSetNoDelay = enable
            return self
        if getattr(self._handle, "setNoDelay", None) and enable != self._kSetNoDelay:
            self._kSetNoDelay = enable
            self._handle.setNoDelay(enable)
        return self

    def setKeepAlive(self, enable: bool = False, initialDelayMsecs: float | None = None, *,
                     initialDelay: float | None = None) -> Self:
        """Turn TCP keep-alive probes on or off (Node's ``socket.setKeepAlive([enable][,
        initialDelay])``). ``initialDelay`` (also ``initialDelay=``) is the idle time in
        milliseconds before the first probe; ``0`` keeps the system's setting. Set before
        the socket is connected, it applies once it is. No effect on a pipe. Returns the
        socket."""
        if initialDelay is not None:
            initialDelayMsecs = initialDelay
        enable = bool(enable)
        initialDelay = _toInt32(js_number(initialDelayMsecs) / 1000
                                if initialDelayMsecs is not None else 0)
        if self._handle is None:
            self._kSetKeepAlive = enable
            self._kSetKeepAliveInitialDelay = initialDelay
            return self
        if not getattr(self._handle, "setKeepAlive", None):
            return self
        if enable != self._kSetKeepAlive or (
                enable and self._kSetKeepAliveInitialDelay != initialDelay):
            self._kSetKeepAlive = enable
            self._kSetKeepAliveInitialDelay = initialDelay
            self._handle.setKeepAlive(enable, initialDelay)
        return self

    def address(self) -> AddressInfo | dict[str, Never]:
        """The local end of the socket as the operating system reports it (Node's
        ``socket.address()``): ``{'address': '127.0.0.1', 'family': 'IPv4', 'port':
        50412}`` for TCP, ``{}`` before the socket is bound or connected."""
        return self._getsockname()

    @overload
    def end(self, cb: WriteCallback | None = None, /, *,
            callback: WriteCallback | None = None) -> Self: ...
    @overload
    def end(self, chunk: Chunk, cb: WriteCallback | None = None, /, *,
            callback: WriteCallback | None = None) -> Self: ...
    @overload
    def end(self, chunk: Chunk, encoding: BufferEncoding | None,
            cb: WriteCallback | None = None,
            callback: WriteCallback | None = None) -> Self: ...
    def end(self, *args: Any, **kwargs: Any) -> Self:
        """Half-close the socket: send ``chunk`` if given, then a FIN once everything
        written is flushed (Node's ``socket.end([data[, encoding]][, callback])``).

        The other side gets ``'end'``; this side can still receive data until it does too
        (or at once unless ``allowHalfOpen``). ``callback`` is called once the socket's
        ``'finish'`` is emitted, or with the error. The arguments are those of
        :meth:`write`; calling ``end()`` twice is allowed. Returns the socket.
        """
        super().end(*args, **kwargs)
        return self

    def resetAndDestroy(self) -> Self:
        """Close a TCP connection at once with a reset (RST) instead of a FIN, and destroy
        the socket (Node's ``socket.resetAndDestroy()``). The peer gets ``ECONNRESET``.
        A socket still connecting resets once connected; one without a handle is
        destroyed with ``ERR_SOCKET_CLOSED``. Raises ``ERR_INVALID_HANDLE_TYPE`` on a pipe.
        Returns the socket."""
        if self._handle is not None:
            if not isinstance(self._handle, TCPWrap):
                raise ERR_INVALID_HANDLE_TYPE()
            if self.connecting:
                if _DEBUG:
                    debug("reset wait for connection")
                self.once("connect", lambda: self._reset())
            else:
                self._reset()
        else:
            self.destroy(ERR_SOCKET_CLOSED())
        return self

    def _reset(self) -> Self:
        if _DEBUG:
            debug("reset connection")
        self.resetAndClosing = True
        return self.destroy()

    def pause(self) -> Self:
        """Stop emitting ``'data'`` (Node's ``socket.pause()``): incoming data is buffered,
        and once ``readableHighWaterMark`` is reached the socket stops reading from the
        kernel, so TCP flow control slows the sender down. Returns the socket."""
        if self._kBuffer and not self.connecting and self._handle is not None \
                and self._handle.reading:
            self._handle.reading = False
            if not self.destroyed:
                err = self._handle.readStop()
                if err:
                    self.destroy(errnoException(err, "read"))
        super().pause()
        return self

    def resume(self) -> Self:
        """Emit ``'data'`` again after :meth:`pause` (Node's ``socket.resume()``): the
        buffered data first, then what arrives. Returns the socket."""
        if self._kBuffer and not self.connecting and self._handle is not None \
                and not self._handle.reading:
            tryReadStart(self)
        super().resume()
        return self

    def read(self, n: Any = None) -> Any:
        """Take up to ``n`` bytes (all that is buffered when ``n`` is ``None``) from the
        read buffer, or ``None`` when there are not enough yet (Node's
        ``readable.read([size])``); used with the ``'readable'`` event. A string with
        :meth:`setEncoding`, a Buffer otherwise."""
        if self._kBuffer and not self.connecting and self._handle is not None \
                and not self._handle.reading:
            tryReadStart(self)
        if n == 0 and type(n) is int and not _DEBUG_STEPS:  # Readable.read's first step
            state = self._readableState
            if not state.ended and (state.length == 0 or not state.needReadable
                                    or state.length < state.highWaterMark):
                return _read0(self, state)
        return Duplex.read(self, n)  # Node: stream.Duplex.prototype.read.call(this, n)

    # The maybeReadMore_ tick queued after a chunk (by onStreamRead and addChunk).
    _kMaybeReadMore = staticmethod(_maybeReadMore)

    def destroySoon(self) -> None:
        """End the socket and destroy it once everything written has been flushed (Node's
        ``socket.destroySoon()``)."""
        if self.writable:
            self.end()
        if self.writableFinished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    def ref(self) -> Self:
        """Let the socket keep :func:`uvnet.run` running again after :meth:`unref` (Node's
        ``socket.ref()``; the default). Returns the socket."""
        if self._handle is None:
            self.once("connect", self.ref)
            return self
        self._handle.ref()
        return self

    def unref(self) -> Self:
        """Let :func:`uvnet.run` return even though this socket is open, as a Node
        process exits (Node's ``socket.unref()``). Returns the socket."""
        if self._handle is None:
            self.once("connect", self.unref)
            return self
        self._handle.unref()
        return self

    # --- addresses ---------------------------------------------------------------------------

    def _getpeername(self) -> dict[str, Any]:
        handle = self._handle
        if handle is None or not getattr(handle, "getpeername", None) or self.connecting:
            return self._peername or {}
        if not self._peername:
            out: dict[str, Any] = {}
            if handle.getpeername(out):
                return out
            self._peername = out
        return self._peername

    def _getsockname(self) -> dict[str, Any]:
        handle = self._handle
        if handle is None or not getattr(handle, "getsockname", None):
            return {}
        if self._sockname is None:
            self._sockname = {}
            handle.getsockname(self._sockname)
        return self._sockname

    # --- properties -------------------------------------------------------------------------

    @property
    def _connecting(self) -> bool:
        return self.connecting

    @property
    def pending(self) -> bool:
        """``True`` while the socket is not connected yet: before :meth:`connect`, or
        while connecting (Node's ``socket.pending``)."""
        return self._handle is None or self.connecting

    @property
    def readyState(self) -> str:
        """The connection's state, as Node's ``socket.readyState``: ``'opening'`` while
        connecting, ``'open'``, ``'readOnly'`` (this side ended), ``'writeOnly'`` (the other
        side ended) or ``'closed'``."""
        if self.connecting:
            return "opening"
        if self.readable and self.writable:
            return "open"
        if self.readable and not self.writable:
            return "readOnly"
        if not self.readable and self.writable:
            return "writeOnly"
        return "closed"

    @property
    def bufferSize(self) -> int | None:
        """Deprecated in Node: :attr:`writableLength`, or ``None`` before the socket has a
        handle (Node's ``socket.bufferSize``)."""
        if self._handle is not None:
            return self.writableLength
        return None

    @property
    def bytesRead(self) -> int:
        """The number of bytes received (Node's ``socket.bytesRead``)."""
        return self._handle.bytesRead if self._handle is not None else self._kBytesRead

    @property
    def _bytesDispatched(self) -> int:
        return self._handle.bytesWritten if self._handle is not None else self._kBytesWritten

    @property
    def bytesWritten(self) -> int | None:
        """The number of bytes written, counting those still buffered and not sent yet
        (Node's ``socket.bytesWritten``)."""
        bytes_ = self._bytesDispatched
        data = self._pendingData
        encoding = self._pendingEncoding
        writableBuffer = self.writableBuffer
        if writableBuffer is None:
            return None
        for el in writableBuffer:
            bytes_ += _chunkLength(el["chunk"], el["encoding"])
        if isinstance(data, list):
            for entry in data:
                bytes_ += _chunkLength(entry["chunk"], entry["encoding"])
        elif data:
            bytes_ += _chunkLength(data, encoding)
        return bytes_

    @property
    def remoteAddress(self) -> str | None:
        """The peer's IP address (``'127.0.0.1'``, ``'::1'``), or ``None`` when not
        connected, or a pipe (Node's ``socket.remoteAddress``)."""
        return self._getpeername().get("address")

    @property
    def remoteFamily(self) -> str | None:
        """``'IPv4'`` or ``'IPv6'``: the peer's address family, or ``None`` when not
        connected (Node's ``socket.remoteFamily``)."""
        return self._getpeername().get("family")

    @property
    def remotePort(self) -> int | None:
        """The peer's port, or ``None`` when not connected (Node's ``socket.remotePort``)."""
        return self._getpeername().get("port")

    @property
    def localAddress(self) -> str | None:
        """The local IP address the socket is bound to, or ``None`` (Node's
        ``socket.localAddress``)."""
        return self._getsockname().get("address")

    @property
    def localPort(self) -> int | None:
        """The local port, or ``None`` (Node's ``socket.localPort``)."""
        return self._getsockname().get("port")

    @property
    def localFamily(self) -> str | None:
        """``'IPv4'`` or ``'IPv6'``: the local address's family, or ``None`` (Node's
        ``socket.localFamily``)."""
        return self._getsockname().get("family")

    if TYPE_CHECKING:
        # The events a socket emits, each with its listener's arguments (@types/node's
        # net.d.ts, and Node 20's connectionAttempt*); a listener may take fewer of them
        # (JS's argument rule). Only these names, as Readable.on's overloads (why: there).
        @overload  # type: ignore[override]
        def on(self, type: Literal["close"], listener: Callable[[bool], object]) -> Self: ...
        @overload
        def on(self, type: Literal["close"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connect"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttempt"],
               listener: Callable[[str, int, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttempt"],
               listener: Callable[[str, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttempt"],
               listener: Callable[[str], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttempt"],
               listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptFailed"],
               listener: Callable[[str, int, int, Exception], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptFailed"],
               listener: Callable[[str, int, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptFailed"],
               listener: Callable[[str, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptFailed"],
               listener: Callable[[str], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptFailed"],
               listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptTimeout"],
               listener: Callable[[str, int, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptTimeout"],
               listener: Callable[[str, int], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptTimeout"],
               listener: Callable[[str], object]) -> Self: ...
        @overload
        def on(self, type: Literal["connectionAttemptTimeout"],
               listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["data"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["data"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["drain"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["end"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["finish"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["lookup"],
               listener: Callable[[Exception | None, str | None, int | None, str], object],
               ) -> Self: ...
        @overload
        def on(self, type: Literal["lookup"],
               listener: Callable[[Exception | None, str | None, int | None], object]) -> Self: ...
        @overload
        def on(self, type: Literal["lookup"],
               listener: Callable[[Exception | None, str | None], object]) -> Self: ...
        @overload
        def on(self, type: Literal["lookup"],
               listener: Callable[[Exception | None], object]) -> Self: ...
        @overload
        def on(self, type: Literal["lookup"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pause"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[Readable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["prefinish"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["readable"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["ready"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["resume"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["timeout"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"],
               listener: Callable[[Readable, dict[str, Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"], listener: Callable[[Readable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"], listener: Callable[[], object]) -> Self: ...
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
        addListener = once = prependListener = prependOnceListener = on


def _chunkLength(chunk: Any, encoding: str) -> int:
    if isinstance(chunk, str):
        return byteLength(chunk, encoding)
    return len(memoryview(chunk).cast("B"))


def _toInt32(x: float) -> int:
    """JavaScript's ``~~x``."""
    if x != x or x in (float("inf"), float("-inf")):
        return 0
    n = int(x) & 0xFFFFFFFF
    return n - 0x100000000 if n & 0x80000000 else n


# --- reading and writing helpers ------------------------------------------------------------


def tryReadStart(socket: Socket) -> None:
    """Node's ``tryReadStart``."""
    if _DEBUG:
        debug("Socket._handle.readStart")
    socket._handle.reading = True
    err = socket._handle.readStart()
    if err:
        socket.destroy(errnoException(err, "read"))


def afterShutdown(req: ShutdownWrap, _status: int = 0) -> None:
    """Node's ``afterShutdown``: the FIN is out; finish the writable side."""
    if _DEBUG:
        debug("afterShutdown destroyed=%j", req.handle.owner.destroyed)
    req.callback()


def onReadableStreamEnd(self: Socket) -> None:
    """Node's ``onReadableStreamEnd``: without ``allowHalfOpen``, later writes fail with EPIPE."""
    if not self.allowHalfOpen:
        self.write = MethodType(writeAfterFIN, self)  # type: ignore[method-assign]


class _EPIPE(Exception):
    """Node's ``genericNodeError('This socket has been ended by the other party',
    {code: 'EPIPE'})``: a plain ``Error`` with just a ``code``."""

    code = "EPIPE"
    name = "Error"

    def __init__(self) -> None:
        self.message = "This socket has been ended by the other party"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def writeAfterFIN(self: Socket, chunk: Any, encoding: Any = None,
                  cb: Callable[..., Any] | None = None,
                  callback: Callable[..., Any] | None = None) -> bool:
    """Node's ``writeAfterFIN``: once ended, writing fails with EPIPE and destroys."""
    if callback is not None:
        cb = callback
    if not self.writableEnded:
        return Duplex.write(self, chunk, encoding, cb)
    if callable(encoding):
        cb = encoding
    er = _EPIPE()
    if callable(cb):
        nextTick(cb, er)
    self.destroy(er)
    return False


# --- connecting ------------------------------------------------------------------------------


def _socketToDnsFamily(family: Any) -> Any:
    if family == "IPv4":
        return 4
    if family == "IPv6":
        return 6
    return family


def lookupAndConnect(self: Socket, options: dict[str, Any]) -> None:
    """Node's ``lookupAndConnect``: validate, then connect to an IP literal on the next tick
    or resolve the host first (all addresses, with ``autoSelectFamily``)."""
    localAddress = options.get("localAddress")
    localPort = options.get("localPort")
    host = options.get("host") or "localhost"
    port = options.get("port")
    autoSelectFamilyAttemptTimeout = options.get("autoSelectFamilyAttemptTimeout")
    autoSelectFamily = options.get("autoSelectFamily")

    if localAddress and not isIP(localAddress):
        raise ERR_INVALID_IP_ADDRESS(localAddress)
    if localPort:
        validateNumber(localPort, "options.localPort")
    if "port" in options:
        if not (isinstance(port, str) or (
                isinstance(port, (int, float)) and not isinstance(port, bool))):
            raise ERR_INVALID_ARG_TYPE("options.port", ["number", "string"], port)
        validatePort(port)
    port = _toInt32(js_number(port)) if port is not None else 0

    if autoSelectFamily is not None:
        validateBoolean(autoSelectFamily, "options.autoSelectFamily")
    else:
        autoSelectFamily = _autoSelectFamilyDefault

    if autoSelectFamilyAttemptTimeout is not None:
        validateInt32(autoSelectFamilyAttemptTimeout,
                      "options.autoSelectFamilyAttemptTimeout", 1)
        autoSelectFamilyAttemptTimeout = max(autoSelectFamilyAttemptTimeout, 10)
    else:
        autoSelectFamilyAttemptTimeout = _autoSelectFamilyAttemptTimeoutDefault

    addressType = isIP(host)
    if addressType:
        def connectToLiteral() -> None:
            if self.connecting:
                internalConnect(self, host, port, addressType, localAddress, localPort)
        nextTick(connectToLiteral)
        return

    if options.get("lookup") is not None:
        validateFunction(options["lookup"], "options.lookup")

    # Node's ``{family: options.family, hints}``: an absent family stays absent (undefined).
    dnsopts: dict[str, Any] = {}
    if "family" in options:
        dnsopts["family"] = _socketToDnsFamily(options["family"])
    dnsopts["hints"] = options.get("hints") or 0
    family = dnsopts.get("family")
    if family not in (4, 6) and dnsopts["hints"] == 0:
        dnsopts["hints"] = dns.ADDRCONFIG

    if _DEBUG:
        debug("connect: find host", host)
        debug("connect: dns options", dnsopts)
    self._host = host
    lookup = options.get("lookup") or dns.lookup

    if family not in (4, 6) and not localAddress and autoSelectFamily:
        if _DEBUG:
            debug("connect: autodetecting")
        dnsopts["all"] = True
        lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localAddress,
                                 localPort, autoSelectFamilyAttemptTimeout)
        return

    def emitLookup(err: Any, ip: Any = None, addressType: Any = None, *_: Any) -> None:
        self.emit("lookup", err, ip, addressType, host)
        if not self.connecting:
            return
        if err:
            nextTick(connectErrorNT, self, err)
        elif not isIP(ip):
            nextTick(connectErrorNT, self, ERR_INVALID_IP_ADDRESS(ip))
        elif addressType not in (4, 6):
            nextTick(connectErrorNT, self, ERR_INVALID_ADDRESS_FAMILY(
                addressType, options.get("host"), options.get("port")))
        else:
            self._unrefTimer()
            internalConnect(self, ip, port, addressType, localAddress, localPort)

    lookup(host, dnsopts, emitLookup)


def lookupAndConnectMultiple(self: Socket, lookup: Callable[..., Any], host: str,
                             options: dict[str, Any], dnsopts: dict[str, Any], port: int,
                             localAddress: str | None, localPort: int | None,
                             timeout: int) -> None:
    """Node's ``lookupAndConnectMultiple``: resolve every address, order them alternating
    families (the first answer's family first) and try them one by one."""

    def emitLookup(err: Any, addresses: Any = None, *_: Any) -> None:
        """A JS callback: extra arguments (a lookup answering ``(err, ip, family)``
        although asked for ``all``) are ignored, and an answer that is not an address
        object (a character of that ``ip``) has ``undefined`` fields."""
        if not self.connecting:
            return
        if err:
            self.emit("lookup", err, None, None, host)
            nextTick(connectErrorNT, self, err)
            return

        validAddresses: list[list[dict[str, Any]]] = [[], []]
        validIps: list[list[Any]] = [[], []]
        destinations: dict[int, int] | None = None
        for address in addresses:
            if not isinstance(address, dict):
                address = {}
            ip = address.get("address")
            addressType = address.get("family")
            self.emit("lookup", err, ip, addressType, host)
            if not self.connecting:
                return
            if isIP(ip) and addressType in (4, 6):
                if destinations is None:
                    destinations = {6: 0, 4: 1} if addressType == 6 else {4: 0, 6: 1}
                destination = destinations[addressType]
                if ip not in validIps[destination]:
                    validAddresses[destination].append(address)
                    validIps[destination].append(ip)

        if not validAddresses[0] and not validAddresses[1]:
            first = addresses[0] if isinstance(addresses[0], dict) else {}
            if not isIP(first.get("address")):
                nextTick(connectErrorNT, self, ERR_INVALID_IP_ADDRESS(first.get("address")))
            elif first.get("family") not in (4, 6):
                nextTick(connectErrorNT, self, ERR_INVALID_ADDRESS_FAMILY(
                    first.get("family"), options.get("host"), options.get("port")))
            return

        toAttempt: list[dict[str, Any]] = []
        for i in range(max(len(validAddresses[0]), len(validAddresses[1]))):
            if i < len(validAddresses[0]):
                toAttempt.append(validAddresses[0][i])
            if i < len(validAddresses[1]):
                toAttempt.append(validAddresses[1][i])

        if len(toAttempt) == 1:
            self._unrefTimer()
            internalConnect(self, toAttempt[0]["address"], port, toAttempt[0]["family"],
                            localAddress, localPort)
            return

        self.autoSelectFamilyAttemptedAddresses = []
        context = _ConnectMultipleContext(self, toAttempt, port, localPort, timeout)
        self._unrefTimer()
        internalConnectMultiple(context)

    lookup(host, dnsopts, emitLookup)


def connectErrorNT(self: Socket, err: BaseException) -> None:
    """Node's ``connectErrorNT``."""
    self.destroy(err)


def _checkBindError(err: int, port: int | None, handle: Any) -> int:
    """Node's ``checkBindError``: EADDRINUSE may only show as a different bound port."""
    if err == 0 and port and port > 0 and getattr(handle, "getsockname", None):
        out: dict[str, Any] = {}
        err = handle.getsockname(out)
        if err == 0 and port != out.get("port"):
            if _DEBUG:
                debug(f"checkBindError, bound to {out.get('port')} instead of {port}")
            err = UV_EADDRINUSE
    return err


def _syncConnectError(self: Socket, err: int, address: str, port: int | None) -> BaseException:
    sockname = self._getsockname()
    details = f"{_js(sockname.get('address'))}:{_js(sockname.get('port'))}"
    return exceptionWithHostPort(err, "connect", address, port, details)


def internalConnect(self: Socket, address: str, port: int | None = None,
                    addressType: int | None = None, localAddress: str | None = None,
                    localPort: int | None = None, flags: int = 0) -> None:
    """Node's ``internalConnect``: optional local bind, then ``connect`` on the handle."""
    if localAddress or localPort:
        if addressType == 4:
            localAddress = localAddress or DEFAULT_IPV4_ADDR
            err = self._handle.bind(localAddress, localPort)
        else:
            localAddress = localAddress or DEFAULT_IPV6_ADDR
            err = self._handle.bind6(localAddress, localPort, flags)
        if _DEBUG:
            debug("connect: binding to localAddress: %s and localPort: %d (addressType: %d)",
                  localAddress, localPort, addressType)
        err = _checkBindError(err, localPort, self._handle)
        if err:
            self.destroy(exceptionWithHostPort(err, "bind", localAddress, localPort))
            return

    if _DEBUG:
        debug("connect: attempting to connect to %s:%d (addressType: %d)", address, port,
              addressType)
    self.emit("connectionAttempt", address, port, addressType)

    req = ConnectWrap()
    req.oncomplete = afterConnect
    req.address = address
    if addressType in (4, 6):
        req.port = port
        req.localAddress = localAddress
        req.localPort = localPort
        req.addressType = addressType
        if addressType == 4:
            err = self._handle.connect(req, address, port)
        else:
            err = self._handle.connect6(req, address, port)
    else:
        err = self._handle.connect(req, address)

    if err:
        self.destroy(_syncConnectError(self, err, address, port))


class _ConnectMultipleContext:
    """The ``context`` of Node's ``internalConnectMultiple``."""

    __slots__ = ("socket", "addresses", "current", "port", "localPort", "timeout",
                 "timer", "errors", "flags")

    def __init__(self, socket: Socket, addresses: list[dict[str, Any]], port: int,
                 localPort: int | None, timeout: int) -> None:
        self.socket = socket
        self.addresses = addresses
        self.current = 0
        self.port = port
        self.localPort = localPort
        self.timeout = timeout
        self.timer: Any = None
        self.errors: list[BaseException] = []
        self.flags = 0


def internalConnectMultiple(context: _ConnectMultipleContext, canceled: bool = False) -> None:
    """Node's ``internalConnectMultiple``: the next happy-eyeballs attempt, on a new handle."""
    clearTimeout(context.timer)
    self = context.socket

    if self._aborted:
        return

    if canceled or context.current == len(context.addresses):
        if not context.errors:
            self.destroy(ERR_SOCKET_CONNECTION_TIMEOUT())
            return
        self.destroy(NodeAggregateError(context.errors))
        return

    current = context.current
    context.current += 1

    if current > 0:
        self._reinitializeHandle(TCPWrap(SOCKET))

    localPort, port, flags = context.localPort, context.port, context.flags
    address = context.addresses[current]["address"]
    addressType = context.addresses[current]["family"]
    localAddress = None

    if localPort:
        if addressType == 4:
            localAddress = DEFAULT_IPV4_ADDR
            err = self._handle.bind(localAddress, localPort)
        else:
            localAddress = DEFAULT_IPV6_ADDR
            err = self._handle.bind6(localAddress, localPort, flags)
        err = _checkBindError(err, localPort, self._handle)
        if err:
            context.errors.append(exceptionWithHostPort(err, "bind", localAddress, localPort))
            internalConnectMultiple(context)
            return

    self.emit("connectionAttempt", address, port, addressType)

    req = ConnectWrap()
    req.oncomplete = partial(afterConnectMultiple, context, current)
    req.address = address
    req.port = port
    req.localAddress = localAddress
    req.localPort = localPort
    req.addressType = addressType

    attempted = self.autoSelectFamilyAttemptedAddresses
    assert attempted is not None  # set by lookupAndConnectMultiple
    attempted.append(f"{address}:{port}")

    if addressType == 4:
        err = self._handle.connect(req, address, port)
    else:
        err = self._handle.connect6(req, address, port)

    if err:
        ex = _syncConnectError(self, err, address, port)
        context.errors.append(ex)
        self.emit("connectionAttemptFailed", address, port, addressType, ex)
        internalConnectMultiple(context)
        return

    if current < len(context.addresses) - 1:
        context.timer = setTimeout(internalConnectMultipleTimeout, context.timeout, context,
                                   req, self._handle)


def createConnectionError(req: ConnectWrap, status: int) -> BaseException:
    """Node's ``createConnectionError``: ``connect ECONNREFUSED 127.0.0.1:1[ - Local (...)]``."""
    assert req.address is not None
    details = None
    if req.localAddress and req.localPort:
        details = f"{req.localAddress}:{req.localPort}"
    ex = exceptionWithHostPort(status, "connect", req.address, req.port, details)
    if details:
        ex.localAddress = req.localAddress  # type: ignore[attr-defined]
        ex.localPort = req.localPort  # type: ignore[attr-defined]
    return ex


def afterConnect(status: int, handle: Any, req: ConnectWrap, readable: bool,
                 writable: bool) -> None:
    """Node's ``afterConnect``: emit ``'connect'`` and ``'ready'`` and start reading, or
    destroy with the connect error."""
    self = handle.owner
    if self.destroyed:
        return
    if _DEBUG:
        debug("afterConnect")
    self.connecting = False
    self._sockname = None

    if status == 0:
        if self.readable and not readable:
            self.push(None)
            self.read()
        if self.writable and not writable:
            self.end()
        self._unrefTimer()
        if self._kSetNoDelay and getattr(self._handle, "setNoDelay", None):
            self._handle.setNoDelay(True)
        if self._kSetKeepAlive and getattr(self._handle, "setKeepAlive", None):
            self._handle.setKeepAlive(True, self._kSetKeepAliveInitialDelay)
        self.emit("connect")
        self.emit("ready")
        if readable and not self.isPaused():
            self.read(0)
    else:
        ex = createConnectionError(req, status)
        self.emit("connectionAttemptFailed", req.address, req.port,
                  req.addressType, ex)
        self.destroy(ex)


def afterConnectMultiple(context: _ConnectMultipleContext, current: int, status: int,
                         handle: Any, req: ConnectWrap, readable: bool,
                         writable: bool) -> None:
    """Node's ``afterConnectMultiple``: one happy-eyeballs attempt completed."""
    clearTimeout(context.timer)

    if status == 0 and current != context.current - 1:
        handle.close()
        return

    self = context.socket
    if status != 0:
        ex = createConnectionError(req, status)
        context.errors.append(ex)
        self.emit("connectionAttemptFailed", req.address, req.port,
                  req.addressType, ex)
        if self.connecting:
            internalConnectMultiple(context, status == UV_ECANCELED)
        return

    afterConnect(status, self._handle, req, readable, writable)


def internalConnectMultipleTimeout(context: _ConnectMultipleContext, req: ConnectWrap,
                                   handle: Any) -> None:
    """Node's ``internalConnectMultipleTimeout``: give up on this attempt, try the next."""
    context.socket.emit("connectionAttemptTimeout", req.address, req.port,
                        req.addressType)
    req.oncomplete = None
    context.errors.append(createConnectionError(req, UV_ETIMEDOUT))
    handle.close()
    if context.socket.connecting:
        internalConnectMultiple(context)


Stream = Socket

__all__ = [
    "Socket",
    "Stream",
    "connect",
    "createConnection",
    "getDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout",
    "emitCloseNT",
    "normalizeArgs",
    "setDefaultAutoSelectFamily",
    "setDefaultAutoSelectFamilyAttemptTimeout",
]


_writeBuffer = LibuvStreamWrap.writeBuffer
_socketRead = Socket._read
_socketReadMethod = Socket.read
_socketWrite = Socket._write
