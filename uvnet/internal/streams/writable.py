"""Node's ``Writable`` (``lib/internal/streams/writable.js``), step for step.

``write`` -> ``_write`` (type checks raise synchronously; after ``end``/``destroy`` the
callback gets the error on a tick, then ``errorOrDestroy``) -> ``writeOrBuffer`` (one
``_write`` in flight; the rest buffered, flushed by ``clearBuffer`` through ``_writev``
when there is one) -> ``onwrite``: a synchronous completion defers the user callback to a
tick (``afterWriteTick``, batching repeated identical callbacks), an asynchronous one runs
``afterWrite`` at once (``'drain'`` first, then the callbacks). ``end`` -> ``finishMaybe``
-> ``prefinish`` (``_final``) -> ``'prefinish'`` -> tick ``finish`` -> ``'finish'`` and,
with ``autoDestroy``, ``destroy()``.

State lives in ``stream._writableState`` (:class:`WritableState`) with Node's field names.
"""

from __future__ import annotations

import functools
from types import MethodType
from typing import TYPE_CHECKING, Any, Callable, overload

from ...buffer import Buffer, isEncoding, jsLength
from ...buffer import encode as _encode
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
    MISSING,
)
from ..jscall import call_adapted, fitArgs, jscall, started
from ..task_queues import _queue as _tickQueue
from ..task_queues import nextTick
from ..validators import js_truthy
from . import destroy as destroyImpl
from .add_abort_signal import addAbortSignal
from .legacy import Stream
from .readable import _CHUNK_TYPES, _options, nop
from .state import getHighWaterMark

if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import Literal

    from typing_extensions import Self

    from ...net.types import BufferEncoding, WriteCallback
    from .readable import Readable

errorOrDestroy = destroyImpl.errorOrDestroy
_NULL = (None,)  # the arguments of a write callback's cb(null)


class WriteChunks(list):  # type: ignore[type-arg]
    """What ``_writev`` receives: a list of ``{'chunk', 'encoding', 'callback'}`` dicts,
    with Node's ``allBuffers`` flag (``True`` when every chunk is ``bytes``)."""

    __slots__ = ("allBuffers",)
    allBuffers: bool


# The pending callbacks of synchronous writes (Node's ``afterWriteTickInfo``, the object
# literal ``{count, cb, stream, state}`` queued by ``nextTick(afterWriteTick, info)``): a
# list ``[stream, state, cb, count]``, queued as the tick's own arguments. Node queues one
# tick per info; while a stream's list is the last tick in the queue (nothing was queued
# behind it), the next info's tick, which would come right after it, is appended to it as
# one more ``cb, count`` pair instead, and ``afterWriteTick`` takes the pairs in order, each
# with Node's steps: so a pending write callback costs 16 bytes of that list and no object
# of its own. The live info (``state.afterWriteTickInfo``, whose count a write with the
# same callback raises) is the last pair of its list.
AfterWriteTickInfo = list[Any]


class WritableState:
    """``stream._writableState``: Node's WritableState fields, one slot each."""

    __slots__ = (
        "objectMode", "highWaterMark", "finalCalled", "needDrain", "ending", "ended",
        "finished", "destroyed", "decodeStrings", "defaultEncoding", "length", "writing",
        "corked", "sync", "bufferProcessing", "onwrite", "writecb", "writelen",
        "afterWriteTickInfo", "buffered", "bufferedIndex", "allBuffers", "allNoop",
        "pendingcb", "constructed", "prefinished", "errorEmitted", "emitClose",
        "autoDestroy", "errored", "closed", "closeEmitted", "writable", "expectWriteCb",
        "afterWritePending", "onFinished", "__weakref__",
    )

    def __init__(self, options: dict[str, Any] | None = None, stream: Any = None,
                 isDuplex: bool = False) -> None:
        self.objectMode = bool(options and (
            options.get("objectMode") or (isDuplex and options.get("writableObjectMode"))))
        # write() returns False from this many buffered bytes (objects) on; 0 is valid.
        self.highWaterMark = getHighWaterMark(self, options, "writableHighWaterMark", isDuplex)
        self.finalCalled = False
        self.needDrain = False
        self.ending = False  # end() was called
        self.ended = False  # end() has returned
        self.finished = False  # 'finish' was emitted
        self.destroyed = False
        # Whether strings are encoded to bytes before _write (net.Socket turns this off).
        self.decodeStrings = not (options and options.get("decodeStrings") is False)
        self.emitClose = not (options and options.get("emitClose") is False)
        self.autoDestroy = not (options and options.get("autoDestroy") is False)
        defaultEncoding = options.get("defaultEncoding") if options else None
        if defaultEncoding is None or defaultEncoding == "utf8" or defaultEncoding == "utf-8":
            self.defaultEncoding = "utf8"
        elif isEncoding(defaultEncoding):
            self.defaultEncoding = defaultEncoding
        else:
            raise ERR_UNKNOWN_ENCODING(defaultEncoding)
        self.length = 0
        self.writing = False
        self.corked = 0
        self.sync = True
        self.bufferProcessing = False
        # The callback handed to every _write/_writev (Node: onwrite.bind(undefined, stream)),
        # a method object: CPython 3.11 calls one as a plain Python call (a partial is not).
        self.onwrite: Callable[..., None] = (
            functools.partial(onwrite, stream) if stream is None else MethodType(onwrite, stream))
        self.writecb: Callable[..., Any] = nop
        self.writelen = 0
        self.afterWriteTickInfo: AfterWriteTickInfo | None = None
        self.buffered: list[Any] = []
        self.bufferedIndex = 0
        self.allBuffers = True
        self.allNoop = True
        # User write callbacks not yet called; must be 0 before 'finish'.
        self.pendingcb = 0
        self.constructed = True
        self.prefinished = False
        self.errorEmitted = False
        self.errored: Any = None
        self.closed = False
        self.closeEmitted = False
        # False only for a Duplex built with writable: False (or the legacy setter).
        self.writable: bool | None = None
        self.expectWriteCb = False
        self.afterWritePending = False
        self.onFinished: list[Callable[..., Any]] | None = None

    def getBuffer(self) -> list[Any]:
        # An entry already taken by clearBuffer is None, as in Node.
        buffered = self.buffered
        return [None if buffered[k + 2] is None else _entryDict(buffered, k)
                for k in range(3 * self.bufferedIndex, len(buffered), 3)]

    @property
    def bufferedRequestCount(self) -> int:
        return len(self.buffered) // 3 - self.bufferedIndex if self.buffered else 0

    def onConstructed(self, stream: Any) -> None:
        if not self.writing:
            clearBuffer(stream, self)
        if self.ending:
            finishMaybe(stream, self)


# state.buffered, Node's array of {chunk, encoding, callback} objects, is one flat list
# [chunk, encoding, callback, chunk, encoding, callback, ...]: a buffered write costs three
# slots of it (24 bytes) and no object that the cyclic GC would walk; bufferedIndex counts
# entries, as Node's does (entry n starts at 3 * n), and an entry clearBuffer has taken is
# three Nones (a callback is never None). The dicts that Node code sees (writableBuffer,
# the chunks given to _writev) are made from it when asked for.
def _entryDict(buffered: list[Any], k: int) -> dict[str, Any]:
    """The buffered entry that starts at ``buffered[k]``, as Node's object."""
    return {"chunk": buffered[k], "encoding": buffered[k + 1], "callback": buffered[k + 2]}


_TAKEN = (None, None, None)  # (an entry clearBuffer has taken)


def resetBuffer(state: WritableState) -> None:
    state.buffered = []
    state.bufferedIndex = 0
    state.allBuffers = True
    state.allNoop = True


class Writable(Stream):
    """Node's stream.Writable: a destination for data, with buffering and backpressure.

    To make one, subclass it and implement ``_write(self, chunk, encoding, callback)``
    (and, if useful, ``_writev(self, chunks, callback)`` for a batch, ``_final(self,
    callback)`` before ``'finish'``), calling ``callback()`` when the chunk is handled, or
    ``callback(err)``; or pass ``write=`` ... to the constructor. Its events: ``'drain'``,
    ``'finish'``, ``'error'`` ``(err)``, ``'close'``, ``'pipe'`` / ``'unpipe'`` ``(src)``.
    """

    _shapeKeys: tuple[str, ...] = ("close", "error", "prefinish", "finish", "drain")
    _writev: Callable[..., Any] | None = None

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """``Writable([options])``, as Node's ``new stream.Writable([options])``.

        ``options`` is a dict, or the same keys as keywords: ``highWaterMark`` (the
        buffered amount above which :meth:`write` returns ``False``; default 16 KiB or
        16 objects), ``decodeStrings`` (default ``True``: a ``str`` reaches ``_write`` as
        bytes), ``defaultEncoding`` (``'utf8'``), ``objectMode``, ``emitClose``,
        ``autoDestroy`` (default ``True``), ``signal`` (an :class:`uvnet.AbortSignal` that
        destroys the stream), and the hooks ``write``, ``writev``, ``final``, ``destroy``
        and ``construct``, which stand for the methods of the same names with a ``_``.

        Raises ``ERR_INVALID_ARG_VALUE`` for a negative or non-integer ``highWaterMark``.
        """
        options = _options(options, kwargs)
        Stream.__init__(self, options)
        self._writableState = WritableState(options, self, False)
        if options:
            if callable(options.get("write")):
                self._write = options["write"]  # type: ignore[method-assign]
            if callable(options.get("writev")):
                self._writev = options["writev"]
            if callable(options.get("destroy")):
                self._destroy = options["destroy"]  # type: ignore[method-assign]
            if callable(options.get("final")):
                self._final = options["final"]
            if callable(options.get("construct")):
                self._construct = options["construct"]
            if options.get("signal"):
                addAbortSignal(options["signal"], self)
        if getattr(self, "_construct", None) is not None:
            destroyImpl.construct(self, self._writableState_onConstructed)

    def _writableState_onConstructed(self) -> None:
        self._writableState.onConstructed(self)

    def pipe(self, *args: Any, **kwargs: Any) -> None:
        """A Writable is no source: emits ``ERR_STREAM_CANNOT_PIPE`` as an ``'error'``,
        as Node's ``Writable.prototype.pipe`` does."""
        errorOrDestroy(self, ERR_STREAM_CANNOT_PIPE())

    @overload
    def write(self, chunk: Any, cb: WriteCallback | None = None, /, *,
              callback: WriteCallback | None = None) -> bool: ...
    @overload
    def write(self, chunk: Any, encoding: BufferEncoding | None,
              cb: WriteCallback | None = None,
              callback: WriteCallback | None = None) -> bool: ...
    def write(self, chunk: Any = MISSING, encoding: Any = None,
              cb: Callable[..., Any] | None = None,
              callback: Callable[..., Any] | None = None) -> bool:
        """Write ``chunk`` (Node's ``writable.write(chunk[, encoding][, callback])``).

        ``chunk`` is a Buffer, ``bytes``, ``bytearray``, ``memoryview`` or ``str`` (any
        value but ``None`` in object mode); a ``str`` is encoded with ``encoding`` (default
        the stream's ``defaultEncoding``, ``'utf8'``). ``write(chunk, cb)`` works as in
        Node, and ``callback=`` is the same as ``cb=``: it is called with ``None`` once
        the chunk is handled, or with the error.

        Returns ``False`` when the buffered amount has reached ``highWaterMark``: stop
        writing until ``'drain'``. The chunk is buffered either way.

        Raises ``ERR_INVALID_ARG_TYPE`` for a chunk of another type, ``None`` included
        (Node's ``write(undefined)``), and ``ERR_STREAM_NULL_VALUES`` for ``None`` in object
        mode; ``ERR_UNKNOWN_ENCODING`` for an unknown
        encoding. After :meth:`end`, ``ERR_STREAM_WRITE_AFTER_END`` goes to ``cb`` and is
        emitted as ``'error'``; after :meth:`destroy`, ``cb`` gets ``ERR_STREAM_DESTROYED``.

        A Buffer (and ``bytes``) reaches ``_write`` as it is, so a change made to a Buffer
        before a queued write goes out is sent, as in Node. A ``bytearray`` or
        ``memoryview`` (Node's Uint8Array) reaches it as a Buffer too, but a copy: Python
        cannot make a Buffer over another object's memory. A string is encoded into a
        Buffer unless ``decodeStrings`` is false.
        """
        if callback is not None:
            cb = callback
        if encoding is not None and callable(encoding):
            cb = encoding
            encoding = None
        if encoding is None and type(chunk) is str:
            state = self._writableState
            if not state.decodeStrings and not state.objectMode and not state.ending \
                    and not state.destroyed and (state.writing or state.corked or state.errored
                                                 or not state.constructed):
                # The common case of _write for a str kept as a str (decodeStrings false,
                # as on a net.Socket) behind a write in flight: buffered, one call shorter.
                if cb is None or not callable(cb):
                    cb = nop
                state.pendingcb += 1
                return writeOrBuffer(self, state, chunk, state.defaultEncoding, cb)
        elif encoding is None and (type(chunk) is Buffer or type(chunk) is bytes):
            state = self._writableState
            if not state.objectMode and not state.ending and not state.destroyed:
                # The common case of _write (a Buffer or bytes, no encoding), one call shorter.
                if cb is None or not callable(cb):
                    cb = nop
                state.pendingcb += 1
                if state.writing or state.corked or state.errored or not state.constructed:
                    return writeOrBuffer(self, state, chunk, "buffer", cb)
                # writeOrBuffer's write-now branch, one call shorter (same steps).
                length = len(chunk)
                state.length += length
                state.writelen = length
                if cb is not nop:
                    state.writecb = cb
                state.writing = state.sync = state.expectWriteCb = True
                write = self._write
                onwrite_ = state.onwrite
                try:
                    result = write(chunk, "buffer", onwrite_)
                except TypeError as exc:  # JavaScript's argument rule (uvnet.internal.jscall)
                    if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                        raise
                    result = call_adapted(write, (chunk, "buffer", onwrite_), exc)
                if result is not None:  # an async def _write
                    started(result)
                state.sync = False
                return writeResult(state)
        return _write(self, chunk, encoding, cb) is True

    def cork(self) -> None:
        """Hold every following write in the buffer until :meth:`uncork` (or :meth:`end`),
        so that they reach ``_writev`` together (Node's ``writable.cork()``). Calls nest:
        as many ``uncork()`` calls as ``cork()`` calls release the buffer."""
        self._writableState.corked += 1

    def uncork(self) -> None:
        """Undo one :meth:`cork`; the last one writes out what was held (Node's
        ``writable.uncork()``)."""
        state = self._writableState
        if state.corked:
            state.corked -= 1
            if not state.writing:
                clearBuffer(self, state)

    def setDefaultEncoding(self, encoding: str) -> Self:
        """Set the encoding of ``str`` chunks written without one (Node's
        ``writable.setDefaultEncoding(encoding)``). Returns the stream; raises
        ``ERR_UNKNOWN_ENCODING`` for an unknown encoding."""
        if isinstance(encoding, str):
            encoding = encoding.lower()
        if not isEncoding(encoding):
            raise ERR_UNKNOWN_ENCODING(encoding)
        self._writableState.defaultEncoding = encoding
        return self

    def _write(self, chunk: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        if self._writev:
            jscall(self._writev, [{"chunk": chunk, "encoding": encoding}], cb)
        else:
            raise ERR_METHOD_NOT_IMPLEMENTED("_write()")

    @overload
    def end(self, cb: WriteCallback | None = None, /, *,
            callback: WriteCallback | None = None) -> Self: ...
    @overload
    def end(self, chunk: Any, cb: WriteCallback | None = None, /, *,
            callback: WriteCallback | None = None) -> Self: ...
    @overload
    def end(self, chunk: Any, encoding: BufferEncoding | None,
            cb: WriteCallback | None = None,
            callback: WriteCallback | None = None) -> Self: ...
    def end(self, chunk: Any = None, encoding: Any = None,
            cb: Callable[..., Any] | None = None,
            callback: Callable[..., Any] | None = None) -> Self:
        """Finish writing (after an optional last ``chunk``); ``cb`` (or ``callback=``) runs
        at ``'finish'``."""
        state = self._writableState
        if callback is not None:
            cb = callback
        if callable(chunk):
            cb = chunk
            chunk = None
            encoding = None
        elif callable(encoding):
            cb = encoding
            encoding = None

        err = None
        if chunk is not None:
            ret = _write(self, chunk, encoding, None)
            if isinstance(ret, BaseException):
                err = ret

        # end() fully uncorks.
        if state.corked:
            state.corked = 1
            self.uncork()

        if err:
            pass
        elif not state.ending and not state.errored:
            # Forgiving of repeated end() calls.
            state.ending = True
            finishMaybe(self, state, True)
            state.ended = True
        elif state.finished:
            err = ERR_STREAM_ALREADY_FINISHED("end")
        elif state.destroyed:
            err = ERR_STREAM_DESTROYED("end")

        if callable(cb):
            if err:
                nextTick(cb, err)
            elif state.errored:
                nextTick(cb, state.errored)
            elif state.finished:
                nextTick(cb, None)
            else:
                if state.onFinished is None:
                    state.onFinished = []
                state.onFinished.append(cb)
        return self

    def destroy(self, err: Any = None, cb: Callable[..., Any] | None = None) -> Self:
        """Destroy the stream at once (Node's ``writable.destroy([error])``): buffered data
        is dropped, and the callbacks of pending writes and of :meth:`end` get the error
        (``ERR_STREAM_DESTROYED`` without one) on a later tick. Then ``'error'`` (if
        ``err`` is given) and ``'close'`` are emitted. Returns the stream."""
        state = self._writableState
        if (state.buffered or state.onFinished) and not state.destroyed:
            nextTick(errorBuffer, state)
        destroyImpl.destroy(self, err, cb)
        return self

    _undestroy = destroyImpl.undestroy  # Node's ``_undestroy = destroyImpl.undestroy``

    def _destroy(self, err: Any, cb: Callable[..., Any]) -> None:
        cb(err)

    def _nodejs_rejection(self, err: Any, *args: Any) -> None:
        """Node's ``Writable.prototype[EE.captureRejectionSymbol]``: a rejected async
        listener destroys the stream with its reason (see ``captureRejections``)."""
        self.destroy(err)

    # --- properties -----------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """``True`` once ``'close'`` has been emitted (Node's ``writable.closed``)."""
        w = getattr(self, "_writableState", None)
        return w.closed if w is not None else False

    @property
    def destroyed(self) -> bool:
        """``True`` once :meth:`destroy` has been called (Node's ``writable.destroyed``)."""
        w = getattr(self, "_writableState", None)
        return w.destroyed if w is not None else False

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        w = getattr(self, "_writableState", None)
        if w is not None:
            w.destroyed = bool(value)

    @property
    def writable(self) -> bool:
        """``True`` while :meth:`write` can be called: not ended, destroyed or errored
        (Node's ``writable.writable``)."""
        w = getattr(self, "_writableState", None)
        return (w is not None and w.writable is not False and not w.ending and not w.ended
                and not w.destroyed and not w.errored)

    @writable.setter
    def writable(self, val: Any) -> None:
        w = getattr(self, "_writableState", None)
        if w is not None:
            w.writable = bool(val)

    @property
    def writableFinished(self) -> bool:
        """``True`` once ``'finish'`` has been emitted: everything was written (Node's
        ``writable.writableFinished``)."""
        w = getattr(self, "_writableState", None)
        return w.finished if w is not None else False

    @property
    def writableObjectMode(self) -> bool:
        """Whether this side is in object mode (Node's ``writable.writableObjectMode``)."""
        w = getattr(self, "_writableState", None)
        return w.objectMode if w is not None else False

    @property
    def writableBuffer(self) -> list[Any] | None:
        """The writes buffered and not handed to ``_write`` yet, as a list (Node's
        ``writable.writableBuffer``)."""
        w = getattr(self, "_writableState", None)
        return w.getBuffer() if w is not None else None

    @property
    def writableEnded(self) -> bool:
        """``True`` once :meth:`end` has been called (Node's ``writable.writableEnded``);
        see :attr:`writableFinished` for the end of the writing."""
        w = getattr(self, "_writableState", None)
        return w.ending if w is not None else False

    @property
    def writableNeedDrain(self) -> bool:
        """``True`` when :meth:`write` returned ``False`` and ``'drain'`` has not been
        emitted yet (Node's ``writable.writableNeedDrain``)."""
        w = getattr(self, "_writableState", None)
        return w is not None and w.needDrain and not w.destroyed and not w.ending

    @property
    def writableHighWaterMark(self) -> int | None:
        """The ``highWaterMark`` given to the constructor (Node's
        ``writable.writableHighWaterMark``)."""
        w = getattr(self, "_writableState", None)
        return w.highWaterMark if w is not None else None

    @property
    def writableCorked(self) -> int:
        """How many :meth:`uncork` calls it takes to release the buffer (Node's
        ``writable.writableCorked``)."""
        w = getattr(self, "_writableState", None)
        return w.corked if w is not None else 0

    @property
    def writableLength(self) -> int | None:
        """How much is buffered for writing: bytes, or values in object mode (Node's
        ``writable.writableLength``)."""
        w = getattr(self, "_writableState", None)
        return w.length if w is not None else None

    @property
    def errored(self) -> Any:
        """The error the stream was destroyed with, or ``None`` (Node's
        ``writable.errored``)."""
        w = getattr(self, "_writableState", None)
        return w.errored if w is not None else None

    @property
    def writableAborted(self) -> bool:
        """``True`` when the stream was destroyed or errored before ``'finish'`` (Node's
        ``writable.writableAborted``)."""
        w = self._writableState
        return bool(w.writable is not False and (w.destroyed or w.errored) and not w.finished)

    if TYPE_CHECKING:
        # The events a Writable emits, each with its listener's arguments (@types/node's
        # stream.d.ts); a listener may take fewer of them (JS's argument rule).
        @overload  # type: ignore[override]
        def on(self, type: Literal["close"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["drain"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["finish"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[Readable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["prefinish"], listener: Callable[[], object]) -> Self: ...
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
        addListener = once = prependListener = prependOnceListener = on  # type: ignore[assignment]


Writable.WritableState = WritableState  # type: ignore[attr-defined]


# --- write internals -------------------------------------------------------------------------


def _write(stream: Any, chunk: Any, encoding: Any, cb: Any) -> Any:
    state = stream._writableState
    if cb is None or not callable(cb):
        cb = nop
    # None is undefined here (docs/null-undefined.md): write(reply()) with a reply() that
    # returns nothing is Node's ERR_INVALID_ARG_TYPE (the else below), and only an
    # object-mode stream, where None cannot be a chunk, refuses it as Node refuses null.
    if chunk is None and state.objectMode:
        raise ERR_STREAM_NULL_VALUES()

    if chunk is MISSING and state.objectMode:
        chunk = None  # write(undefined) in object mode writes undefined
    elif not state.objectMode:
        # Node's order: the encoding (JS truthiness: {} is one, and unknown), then the
        # chunk's type.
        if not js_truthy(encoding):
            encoding = state.defaultEncoding
        elif encoding != "buffer" and not isEncoding(encoding):
            raise ERR_UNKNOWN_ENCODING(encoding)
        t = type(chunk)
        if t is Buffer or t is bytes:
            encoding = "buffer"
        elif t is str:
            if state.decodeStrings:
                chunk = Buffer(_encode(chunk, encoding))
                encoding = "buffer"
        elif isinstance(chunk, Buffer):
            encoding = "buffer"
        elif isinstance(chunk, (bytearray, memoryview)):
            # Node's _write gets the caller's Buffer itself, and a Uint8Array as a Buffer
            # over its memory; Python can only copy a bytearray or memoryview into one.
            if type(chunk) is memoryview and (chunk.format != "B" or chunk.ndim != 1):
                chunk = chunk.cast("B") if chunk.c_contiguous else memoryview(chunk.tobytes())
            chunk = Buffer(chunk)
            encoding = "buffer"
        elif isinstance(chunk, bytes):
            chunk = bytes(chunk)
            encoding = "buffer"
        elif isinstance(chunk, str):
            chunk = str(chunk)
            if state.decodeStrings:
                chunk = Buffer(_encode(chunk, encoding))
                encoding = "buffer"
        else:
            raise ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk)

    if state.ending:
        err: Any = ERR_STREAM_WRITE_AFTER_END()
    elif state.destroyed:
        err = ERR_STREAM_DESTROYED("write")
    else:
        state.pendingcb += 1
        return writeOrBuffer(stream, state, chunk, encoding, cb)
    nextTick(cb, err)
    errorOrDestroy(stream, err, True)
    return err


def writeOrBuffer(stream: Any, state: WritableState, chunk: Any, encoding: Any,
                  callback: Callable[..., Any]) -> bool:
    """One write in flight: call ``_write`` now, or queue the chunk behind the current one."""
    t = type(chunk)
    length = 1 if state.objectMode else len(chunk) \
        if t is Buffer or t is bytes or (t is str and chunk.isascii()) else jsLength(chunk)
    state.length += length

    if state.writing or state.corked or state.errored or not state.constructed:
        state.buffered += (chunk, encoding, callback)
        if state.allBuffers and encoding != "buffer":
            state.allBuffers = False
        if state.allNoop and callback is not nop:
            state.allNoop = False
    else:
        state.writelen = length
        if callback is not nop:
            state.writecb = callback
        state.writing = state.sync = state.expectWriteCb = True
        write = stream._write
        try:
            result = write(chunk, encoding, state.onwrite)
        except TypeError as exc:  # JavaScript's argument rule (uvnet.internal.jscall)
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            result = call_adapted(write, (chunk, encoding, state.onwrite), exc)
        if result is not None:  # an async def _write
            started(result)
        state.sync = False

    return writeResult(state)


def writeResult(state: WritableState) -> bool:
    """What ``write()`` returns once the chunk went to ``_write`` or was buffered: false
    at the high-water mark (``'drain'`` is then due) and, to break synchronous
    ``while (write())`` loops, once errored or destroyed."""
    ret = state.length < state.highWaterMark or state.length == 0
    if not ret:
        state.needDrain = True
    return ret and not state.destroyed and not state.errored


def doWrite(stream: Any, state: WritableState, writev: bool, length: int, chunk: Any,
            encoding: Any, cb: Callable[..., Any]) -> None:
    state.writelen = length
    if cb is not nop:
        state.writecb = cb
    state.writing = state.sync = state.expectWriteCb = True
    if state.destroyed:
        state.onwrite(ERR_STREAM_DESTROYED("write"))
    elif writev:
        jscall(stream._writev, chunk, state.onwrite)
    else:
        jscall(stream._write, chunk, encoding, state.onwrite)
    state.sync = False


def onwriteError(stream: Any, state: WritableState, er: Any, cb: Callable[..., Any]) -> None:
    state.pendingcb -= 1
    jscall(cb, er)
    # The buffered writes fail too (even without autoDestroy) -- with their own error.
    errorBuffer(state)
    # This can emit 'error', which must always come after the callback.
    errorOrDestroy(stream, er)


def onwrite(stream: Any, er: Any = None, *_: Any) -> None:
    """The callback of every ``_write``/``_writev`` (``state.onwrite``)."""
    state = stream._writableState
    if not state.expectWriteCb:
        errorOrDestroy(stream, ERR_MULTIPLE_CALLBACK())
        return

    sync = state.sync
    cb = state.writecb
    state.writecb = nop
    state.writing = False
    state.expectWriteCb = False
    state.length -= state.writelen
    state.writelen = 0

    if er:
        if not state.errored:
            state.errored = er
        # A Duplex's readable side learns about the error too.
        rState = getattr(stream, "_readableState", None)
        if rState is not None and not rState.errored:
            rState.errored = er
        if sync:
            nextTick(onwriteError, stream, state, er, cb)
        else:
            onwriteError(stream, state, er, cb)
        return

    if state.buffered:
        clearBuffer(stream, state)

    if sync:
        # A tick is needed when 'drain' is due or a callback waits; Node writes (kState &
        # kDestroyed !== 0), which tests the objectMode bit. Repeated identical callbacks
        # ride one tick with a counter (no allocation).
        if cb is nop:
            if not state.afterWritePending and (
                    (state.needDrain and state.length == 0) or state.objectMode):
                nextTick(afterWrite, stream, state, 1, cb)
                state.afterWritePending = True
                return
        else:
            info = state.afterWriteTickInfo
            if info is not None:
                if info[-2] is cb:
                    info[-1] += 1
                    return
                last: Any = _tickQueue[-1][1] if _tickQueue else None
                if last is info:
                    # Its tick is the last one queued: this info's, next in line, rides it.
                    info += (cb, 1)
                    state.afterWritePending = True
                    return
            info = [stream, state, cb, 1]
            state.afterWriteTickInfo = info
            _tickQueue.append((afterWriteTick, info))  # type: ignore[arg-type]  # nextTick
            state.afterWritePending = True
            return
        state.pendingcb -= 1
        if state.ending:
            finishMaybe(stream, state, True)
    else:
        afterWrite(stream, state, 1, cb)


def afterWriteTick(stream: Any, state: WritableState, *pairs: Any) -> None:
    """Node's ``afterWriteTick({stream, state, count, cb})`` for each ``cb, count`` pair
    of an info list (see ``AfterWriteTickInfo``): the ticks Node would run one after the
    other. If a callback raises, the pairs after it stay queued, first in line, as Node's
    ticks would."""
    it = iter(pairs)
    try:
        for cb, count in zip(it, it):
            state.afterWriteTickInfo = None
            afterWrite(stream, state, count, cb)
    except BaseException:
        rest = list(it)
        if rest:
            _tickQueue.appendleft((afterWriteTick, [stream, state, *rest]))  # type: ignore[arg-type]
        raise


def afterWrite(stream: Any, state: WritableState, count: int, cb: Callable[..., Any]) -> None:
    state.afterWritePending = False
    if state.needDrain and not state.ending and not state.destroyed and state.length == 0:
        state.needDrain = False
        stream.emit("drain")
    if count > 0:
        # cb(null) with JavaScript's argument rule, the fit found once for the batch (a
        # failed call and its TypeError would cost more than the callback).
        args = fitArgs(cb, _NULL)
        while count > 0:
            count -= 1
            state.pendingcb -= 1
            try:
                result = cb(*args)
            except TypeError as exc:  # JavaScript's argument rule (uvnet.internal.jscall)
                if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                    raise
                result = call_adapted(cb, args, exc)
            if result is not None:  # an async def write callback
                started(result)
    if state.destroyed:
        errorBuffer(state)
    if state.ending:
        finishMaybe(stream, state, True)


def errorBuffer(state: WritableState) -> None:
    """Fail every buffered write and end callback (the stream errored or was destroyed)."""
    if state.writing:
        return
    buffered = state.buffered
    if buffered:
        objectMode = state.objectMode
        for k in range(3 * state.bufferedIndex, len(buffered), 3):
            callback = buffered[k + 2]
            if callback is None:
                continue
            state.length -= 1 if objectMode else jsLength(buffered[k])
            jscall(callback, state.errored if state.errored is not None
                   else ERR_STREAM_DESTROYED("write"))
    callFinishedCallbacks(state, state.errored if state.errored is not None
                          else ERR_STREAM_DESTROYED("end"))
    resetBuffer(state)


def clearBuffer(stream: Any, state: WritableState) -> None:
    """Flush the buffered writes: all at once through ``_writev``, else one by one."""
    if state.destroyed or state.bufferProcessing or state.corked or not state.buffered \
            or not state.constructed:
        return
    objectMode = state.objectMode
    buffered = state.buffered
    bufferedIndex = state.bufferedIndex
    bufferedLength = len(buffered) // 3 - bufferedIndex  # (entries: see _entryDict)
    if not bufferedLength:
        return

    i = bufferedIndex
    state.bufferProcessing = True
    if bufferedLength > 1 and stream._writev:
        state.pendingcb -= bufferedLength - 1
        if state.allNoop:
            callback: Callable[..., Any] = nop
        else:
            def callback(err: Any = None, *_: Any) -> None:
                args = (err,)
                for cb in buffered[3 * i + 2::3]:
                    jscall(cb, *fitArgs(cb, args))  # (no TypeError per callback)
        chunks = WriteChunks([_entryDict(buffered, k) for k in range(3 * i, len(buffered), 3)])
        chunks.allBuffers = state.allBuffers
        doWrite(stream, state, True, state.length, chunks, "", callback)
        resetBuffer(state)
    else:
        while True:
            k = 3 * i
            chunk, encoding, callback = buffered[k:k + 3]
            buffered[k:k + 3] = _TAKEN
            i += 1
            doWrite(stream, state, False, 1 if objectMode else jsLength(chunk), chunk,
                    encoding, callback)
            if not (3 * i < len(buffered) and not state.writing):  # (_write may write more)
                break
        if 3 * i == len(buffered):
            resetBuffer(state)
        elif i > 256:
            del buffered[:3 * i]
            state.bufferedIndex = 0
        else:
            state.bufferedIndex = i
    state.bufferProcessing = False


# --- end / finish ----------------------------------------------------------------------------


def needFinish(state: WritableState) -> bool:
    return (state.ending and state.constructed and state.length == 0 and not state.destroyed
            and not state.finished and not state.writing and not state.errorEmitted
            and not state.closeEmitted and not state.errored and not state.buffered)


def onFinish(stream: Any, state: WritableState, err: Any = None) -> None:
    if state.prefinished:
        errorOrDestroy(stream, err if err is not None else ERR_MULTIPLE_CALLBACK())
        return
    state.pendingcb -= 1
    if err:
        callFinishedCallbacks(state, err)
        errorOrDestroy(stream, err, state.sync)
    elif needFinish(state):
        state.prefinished = True
        stream.emit("prefinish")
        # 'finish' stays asynchronous relative to the _final callback (backwards compat).
        state.pendingcb += 1
        _tickQueue.append((finish, (stream, state)))  # nextTick, inlined


def prefinish(stream: Any, state: WritableState) -> None:
    if state.prefinished or state.finalCalled:
        return
    final = getattr(stream, "_final", None)
    if callable(final) and not state.destroyed:
        state.finalCalled = True
        state.sync = True
        state.pendingcb += 1

        def finalCallback(err: Any = None, *_: Any) -> None:
            onFinish(stream, state, err)

        try:
            jscall(final, finalCallback)
        except Exception as err:  # noqa: BLE001 - Node catches what _final throws
            onFinish(stream, state, err)
        state.sync = False
    else:
        state.finalCalled = True
        state.prefinished = True
        stream.emit("prefinish")


def _finishMaybeNT(stream: Any, state: WritableState) -> None:
    if needFinish(state):
        finish(stream, state)
    else:
        state.pendingcb -= 1


def finishMaybe(stream: Any, state: WritableState, sync: bool = False) -> None:
    if state.pendingcb and (state.prefinished or state.finalCalled):
        # (What needFinish answers changes nothing then: prefinish returns at once and no
        # finish is due. The common case of the write callbacks that run after end().)
        return
    if needFinish(state):
        prefinish(stream, state)
        if state.pendingcb == 0:
            if sync:
                state.pendingcb += 1
                nextTick(_finishMaybeNT, stream, state)
            elif needFinish(state):
                state.pendingcb += 1
                finish(stream, state)


def finish(stream: Any, state: WritableState) -> None:
    state.pendingcb -= 1
    state.finished = True
    if state.onFinished:
        callFinishedCallbacks(state, None)
    stream.emit("finish")
    if state.autoDestroy:
        # A Duplex is destroyed only once its readable side has ended as well.
        rState = getattr(stream, "_readableState", None)
        if rState is None or (rState.autoDestroy and (
                rState.endEmitted or rState.readable is False)):
            stream.destroy()


def callFinishedCallbacks(state: WritableState, err: Any) -> None:
    callbacks = state.onFinished
    if not callbacks:
        return
    state.onFinished = None
    for cb in callbacks:
        jscall(cb, err)
