"""What a stream over a libuv handle shares (Node's ``lib/internal/stream_base_commons.js``).

``writeGeneric``/``writevGeneric`` issue a write on the handle and settle the stream's
callback through ``afterWriteDispatched`` (completed synchronously) or ``onWriteComplete``
(libuv's write callback). ``onStreamRead`` is installed as the handle's ``onread``.
``setStreamTimeout`` is ``Socket.prototype.setTimeout``.

Node keys some stream fields by symbols; here they are plain attributes of the stream:
``kUpdateTimer`` is the ``_unrefTimer`` method, ``kAfterAsyncWrite`` the
``_afterAsyncWrite`` method, ``kHandle`` the ``_handle`` attribute, ``kTimeout`` the
``_kTimeout`` attribute, and ``kBuffer``/``kBufferGen``/``kBufferCb`` the
``_kBuffer``/``_kBufferGen``/``_kBufferCb`` attributes (the ``onread`` option).
"""

from __future__ import annotations

import math
import warnings
from functools import partial
from typing import Any, Callable

from ..buffer import Buffer, encode
from ..events import listenerResult
from ..timers import TimeoutOverflowWarning, clearTimeout, setUnrefTimeout
from .errors import ERR_OUT_OF_RANGE, errnoException
from .handles.stream import UV_EOF, LibuvStreamWrap, WriteWrap
from .jscall import call_adapted
from .streams.readable import Readable
from .task_queues import _queue as _tickQueue
from .util.debuglog import enabled
from .validators import validateFunction, validateNumber

_DEBUG_STEPS = enabled("stream")

TIMEOUT_MAX = 2**31 - 1
_push = Readable.push
_emit = Readable.emit


def _handleWriteReq(req: WriteWrap, data: Any, encoding: str) -> int:
    """Node's ``handleWriteReq``: a string is encoded with its encoding, bytes go as they are."""
    if isinstance(data, str):
        data = encode(data, encoding)
    err: int = req.handle.writeBuffer(req, data)
    return err


def onWriteComplete(req: WriteWrap, status: int) -> None:
    """Node's ``onWriteComplete``: libuv finished an asynchronous write."""
    stream = req.handle.owner
    if stream.destroyed:
        if callable(req.callback):
            req.callback(None)
        return
    if status < 0:
        ex = errnoException(status, "write")
        if callable(req.callback):
            req.callback(ex)
        else:
            stream.destroy(ex)
        return
    stream._unrefTimer()
    stream._afterAsyncWrite(req)
    if callable(req.callback):
        req.callback(None)


def createWriteWrap(handle: LibuvStreamWrap, callback: Callable[..., Any]) -> WriteWrap:
    """Node's ``createWriteWrap``."""
    req = WriteWrap()
    req.handle = handle
    req.oncomplete = partial(onWriteComplete, req)
    req.async_ = False
    req.bytes = 0
    req.buffer = None
    req.callback = callback
    return req


def writevGeneric(self: Any, data: list[dict[str, Any]], cb: Callable[..., Any]) -> WriteWrap:
    """Node's ``writevGeneric``: ``data`` is the Writable's ``[{'chunk', 'encoding'}, ...]``."""
    req = createWriteWrap(self._handle, cb)
    chunks = [encode(entry["chunk"], entry["encoding"]) if isinstance(entry["chunk"], str)
              else entry["chunk"] for entry in data]
    err = req.handle.writev(req, chunks)
    afterWriteDispatched(req, err, cb)
    return req


def writeGeneric(self: Any, data: Any, encoding: str, cb: Callable[..., Any]) -> WriteWrap:
    """Node's ``writeGeneric`` (``createWriteWrap``, ``handleWriteReq`` and
    ``afterWriteDispatched`` inlined). ``req.oncomplete`` is only needed, and only made,
    when the write went asynchronous: libuv calls it no earlier than the next poll."""
    handle = self._handle
    req = WriteWrap(handle, cb)
    if type(data) is not bytes and isinstance(data, str):
        data = encode(data, encoding)
    err = handle.writeBuffer(req, data)
    if err != 0:
        cb(errnoException(err, "write"))
    elif req.async_:
        req.oncomplete = partial(onWriteComplete, req)
    elif callable(cb):
        cb()
    return req


def afterWriteDispatched(req: WriteWrap, err: int, cb: Callable[..., Any]) -> None:
    """Node's ``afterWriteDispatched``: a write that completed at once calls back now."""
    if err != 0:
        cb(errnoException(err, "write"))
        return
    if not req.async_ and callable(req.callback):
        req.callback()


def _stopReading(handle: LibuvStreamWrap, stream: Any) -> None:
    """``onStreamRead`` when ``push()`` returned false: stop reading until ``_read``."""
    handle.reading = False
    if not stream.destroyed:
        err = handle.readStop()
        if err:
            stream.destroy(errnoException(err, "read"))


def onStreamRead(handle: LibuvStreamWrap, nread: int, buf: Any) -> Any:
    """Node's ``onStreamRead``: the handle's ``onread`` (bound to the handle). With the
    ``onread`` option the data is in the user's buffer and, when a buffer function is
    given, the next buffer is returned to the handle."""
    stream = handle.owner
    if stream._kTimeout is not None or stream._parent is not None:
        stream._unrefTimer()  # (it returns at once without a timeout or a parent)

    if nread > 0:
        state = stream._readableState
        try:  # push and emit are Readable's (a function set on the instance has no __func__)
            plain = stream.push.__func__ is _push and stream.emit.__func__ is _emit \
                and not _DEBUG_STEPS  # (NODE_DEBUG=stream: push's own steps print lines)
        except AttributeError:
            plain = False
        if plain and state.flowing and state.dataListening and state.length == 0 \
                and not (state.sync or state.destroyed or state.ended or state.errored
                         or state.objectMode) \
                and state.decoder is None and stream._kBuffer is None and type(buf) is Buffer:
            # The common case, in one frame: stream.push(buf) of a Buffer to a flowing
            # stream with nothing buffered takes readableAddChunkPushByteMode's and
            # addChunk's steps to emit('data', buf), queues maybeReadMore_ (the socket's
            # own, _kMaybeReadMore), and returns true below the high-water mark
            # (Readable.push and addChunk, inlined).
            state.reading = False
            if state.multiAwaitDrain:
                state.awaitDrainWriters.clear()
            else:
                state.awaitDrainWriters = None
            state.dataEmitted = True
            listeners = stream._events.get("data")  # EventEmitter.emit('data', buf), inlined
            if listeners is not None:
                for fn in listeners:
                    try:
                        result = fn(buf)
                    except TypeError as exc:  # JavaScript's argument rule, as in emit
                        if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                            raise
                        result = call_adapted(fn, (buf,), exc)
                    if result is not None and result.__class__ is not bool:
                        listenerResult(stream, "data", (buf,), result)
            if not state.readingMore and state.constructed:
                state.readingMore = True
                # nextTick(maybeReadMore_, ...), inlined; the socket's own maybeReadMore_
                _tickQueue.append((stream._kMaybeReadMore, (stream, state)))
            if state.ended or not (state.length < state.highWaterMark or state.length == 0):
                _stopReading(handle, stream)  # push() returned false
            return None

    if nread > 0 and not stream.destroyed:
        ret = None
        userBuf = stream._kBuffer
        if userBuf is not None:
            result = stream._kBufferCb(nread, userBuf) is not False
            bufGen = stream._kBufferGen
            if bufGen is not None:
                nextBuf = bufGen()
                if isinstance(nextBuf, (bytearray, memoryview)):
                    stream._kBuffer = ret = nextBuf
        else:
            result = stream.push(buf)
        if not result:
            _stopReading(handle, stream)
        return ret

    if nread == 0:
        return None

    if nread != UV_EOF:
        stream.destroy(errnoException(nread, "read"))
        return None

    if not stream._readableState.endEmitted:
        stream.push(None)
        stream.read(0)
    return None


def getTimerDuration(msecs: Any, name: str) -> float:
    """Node's ``getTimerDuration`` (``internal/timers``): a non-negative finite number."""
    validateNumber(msecs, name)
    if msecs < 0 or not math.isfinite(msecs):
        raise ERR_OUT_OF_RANGE(name, "a non-negative finite number", msecs)
    if msecs > TIMEOUT_MAX:
        warnings.warn(f"{msecs} does not fit into a 32-bit signed integer.\n"
                      "Timer duration was truncated to 2147483647.",
                      TimeoutOverflowWarning, stacklevel=3)
        return TIMEOUT_MAX
    duration: float = msecs
    return duration


def setStreamTimeout(self: Any, msecs: Any = None,
                     callback: Callable[..., Any] | None = None) -> Any:
    """Emit ``'timeout'`` after ``msecs`` milliseconds without any activity on the socket
    (Node's ``socket.setTimeout(timeout[, callback])``); ``0`` turns the timeout off.

    The socket is not closed: a ``'timeout'`` listener decides (``socket.end()`` or
    ``socket.destroy()``). Every read or write restarts the count, and the timer does not
    keep :func:`uvnet.run` going. ``callback`` becomes a ``once('timeout')`` listener (with
    ``0``, it is removed). Returns the socket.

    Raises ``ERR_INVALID_ARG_TYPE`` when ``msecs`` is not a number, ``ERR_OUT_OF_RANGE``
    when it is negative or not finite, and ``ERR_INVALID_ARG_TYPE`` for a ``callback`` that
    is not callable.
    """
    # Node's setStreamTimeout (lib/internal/stream_base_commons.js), which net.Socket uses
    # as its prototype's setTimeout.
    if self.destroyed:
        return self
    self.timeout = msecs
    msecs = getTimerDuration(msecs, "msecs")
    clearTimeout(self._kTimeout)
    if msecs == 0:
        if callback is not None:
            validateFunction(callback, "callback")
            self.removeListener("timeout", callback)
    else:
        self._kTimeout = setUnrefTimeout(self._onTimeout, msecs)
        if callback is not None:
            validateFunction(callback, "callback")
            self.once("timeout", callback)
    return self


__all__ = [
    "afterWriteDispatched",
    "createWriteWrap",
    "getTimerDuration",
    "onStreamRead",
    "onWriteComplete",
    "setStreamTimeout",
    "writeGeneric",
    "writevGeneric",
]
