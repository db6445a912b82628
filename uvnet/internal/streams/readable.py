"""Node's ``Readable`` (``lib/internal/streams/readable.js``), step for step.

The state machine and the names are Node's: ``push`` -> ``readableAddChunk*`` ->
``addChunk`` (emits ``'data'`` directly when flowing with an empty buffer, else buffers
and ``emitReadable``) -> ``maybeReadMore`` (a tick that calls ``read(0)`` until the
high-water mark); ``resume`` -> tick ``resume_`` -> ``flow``; ``push(None)`` ->
``onEofChunk``; the last ``read`` -> ``endReadable`` -> tick ``endReadableNT`` (``'end'``,
then the Duplex auto-``end()`` or ``autoDestroy``). Every deferral is a ``nextTick``
exactly where Node uses ``process.nextTick``, so event order is Node's.

State lives in ``stream._readableState`` (:class:`ReadableState`) with Node's field names.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Hashable
from types import MethodType
from typing import TYPE_CHECKING, Any, Callable, overload

from ...buffer import Buffer, isEncoding, jsConcat, jsLength, jsSlice
from ...buffer import decode as _decode
from ...buffer import encode as _encode
from ...string_decoder import StringDecoder
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    ERR_UNKNOWN_ENCODING,
    MISSING,
    AbortError,
)
from ..jscall import call_adapted, jscall, started
from ..promise import Promise, createDeferredResolve
from ..task_queues import _queue as _tickQueue
from ..task_queues import nextTick
from ..util.debuglog import debuglog, enabled
from ..validators import js_truthy, validateObject
from . import destroy as destroyImpl
from .add_abort_signal import addAbortSignal
from .legacy import Stream, prependListener
from .state import getHighWaterMark

if TYPE_CHECKING:
    from typing import Literal

    from typing_extensions import Self

    from ...net.types import BufferEncoding

errorOrDestroy = destroyImpl.errorOrDestroy

# NODE_DEBUG=stream: Node's debug('...') lines, each behind this flag (no call when off).
_DEBUG = enabled("stream")
debug = debuglog("stream")

_CHUNK_TYPES = ["string", "Buffer", "TypedArray", "DataView"]


def nop(*args: Any) -> None:
    pass


def _options(options: dict[str, Any] | None, kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """Options as Node takes them: a dict, keywords, or both (keywords win)."""
    if kwargs:
        merged = dict(options) if options else {}
        merged.update(kwargs)
        return merged
    return options


class ReadableState:
    """``stream._readableState``: Node's ReadableState fields, one slot each."""

    __slots__ = (
        "objectMode", "highWaterMark", "buffer", "bufferIndex", "length", "pipes",
        "flowing", "ended", "endEmitted", "reading", "constructed", "sync", "needReadable",
        "emittedReadable", "readableListening", "resumeScheduled", "errorEmitted",
        "emitClose", "autoDestroy", "destroyed", "errored", "closed", "closeEmitted",
        "defaultEncoding", "awaitDrainWriters", "multiAwaitDrain", "readingMore",
        "dataEmitted", "decoder", "encoding", "paused", "hasPaused", "dataListening",
        "readable", "__weakref__",
    )

    def __init__(self, options: dict[str, Any] | None = None, stream: Any = None,
                 isDuplex: bool = False) -> None:
        self.objectMode = bool(options and (
            options.get("objectMode") or (isDuplex and options.get("readableObjectMode"))))
        self.highWaterMark = getHighWaterMark(self, options, "readableHighWaterMark", isDuplex)
        self.buffer: list[Any] = []
        self.bufferIndex = 0
        self.length = 0
        self.pipes: list[Any] = []
        # None: no mechanism to consume data yet; True/False: flowing / explicitly paused.
        self.flowing: bool | None = None
        self.ended = False
        self.endEmitted = False
        self.reading = False
        # Async construction is opt in, so a stream starts constructed.
        self.constructed = True
        # True until the first read(): 'readable'/'data' from it must wait for a tick.
        self.sync = True
        self.needReadable = False
        self.emittedReadable = False
        self.readableListening = False
        self.resumeScheduled = False
        self.errorEmitted = False
        self.emitClose = not (options and options.get("emitClose") is False)
        self.autoDestroy = not (options and options.get("autoDestroy") is False)
        self.destroyed = False
        self.errored: Any = None
        self.closed = False
        self.closeEmitted = False
        defaultEncoding = options.get("defaultEncoding") if options else None
        if defaultEncoding is None or defaultEncoding == "utf8" or defaultEncoding == "utf-8":
            self.defaultEncoding = "utf8"
        elif isEncoding(defaultEncoding):
            self.defaultEncoding = defaultEncoding
        else:
            raise ERR_UNKNOWN_ENCODING(defaultEncoding)
        # The piped destinations we wait 'drain' from: None, one Writable, or a set.
        self.awaitDrainWriters: Any = None
        self.multiAwaitDrain = False
        self.readingMore = False
        self.dataEmitted = False
        self.decoder: StringDecoder | None = None
        self.encoding: str | None = None
        self.paused = False
        self.hasPaused = False
        self.dataListening = False
        # False only for a Duplex built with readable: False (or the legacy setter).
        self.readable: bool | None = None
        if options and js_truthy(options.get("encoding")):  # JS's truthiness: [] is one
            self.decoder = StringDecoder(options["encoding"])
            self.encoding = options["encoding"]

    @property
    def pipesCount(self) -> int:
        """Legacy getter: ``len(pipes)``."""
        return len(self.pipes)

    def onConstructed(self, stream: Any) -> None:
        if self.needReadable:
            maybeReadMore(stream, self)


class Readable(Stream):
    """Node's stream.Readable: a source of data, read in flowing mode (``'data'`` events)
    or paused mode (``'readable'`` and :meth:`read`).

    To make one, subclass it and implement ``_read(self, size)``, which calls
    :meth:`push` with data (``push(None)`` at the end), or pass ``read=`` to the
    constructor. Its events: ``'data'`` ``(chunk)``, ``'readable'``, ``'end'``,
    ``'error'`` ``(err)``, ``'close'``, ``'pause'``, ``'resume'``.
    """

    _shapeKeys: tuple[str, ...] = ("close", "error", "data", "end", "readable")
    # The maybeReadMore_ tick addChunk queues: Readable's, or a subclass's one-frame
    # version of its steps (net.Socket's).
    _kMaybeReadMore: Callable[[Any, ReadableState], None]

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """``Readable([options])``, as Node's ``new stream.Readable([options])``.

        ``options`` is a dict, or the same keys as keywords: ``highWaterMark`` (bytes, or
        objects in object mode, buffered before ``_read`` stops being called; default
        16 KiB or 16 objects), ``encoding`` (decode to ``str``, as :meth:`setEncoding`),
        ``objectMode`` (any Python value but ``None`` is a chunk), ``emitClose`` (default
        ``True``), ``autoDestroy`` (default ``True``), ``signal`` (an
        :class:`uvnet.AbortSignal` that destroys the stream), and the hooks ``read``,
        ``destroy`` and ``construct``, which stand for ``_read``, ``_destroy`` and
        ``_construct``.

        Raises ``ERR_INVALID_ARG_VALUE`` for a negative or non-integer ``highWaterMark``
        and ``ERR_UNKNOWN_ENCODING`` for an unknown ``encoding``.
        """
        options = _options(options, kwargs)
        Stream.__init__(self, options)
        self._readableState = ReadableState(options, self, False)
        if options:
            if callable(options.get("read")):
                self._read = options["read"]  # type: ignore[method-assign]
            if callable(options.get("destroy")):
                self._destroy = options["destroy"]  # type: ignore[method-assign]
            if callable(options.get("construct")):
                self._construct = options["construct"]
            if options.get("signal"):
                addAbortSignal(options["signal"], self)
        if getattr(self, "_construct", None) is not None:
            destroyImpl.construct(self, self._readableState_onConstructed)

    def _readableState_onConstructed(self) -> None:
        self._readableState.onConstructed(self)

    # --- destroy --------------------------------------------------------------------------

    def destroy(self, err: Any = None, cb: Callable[..., Any] | None = None) -> Self:
        """Destroy the stream (Node's ``readable.destroy([error])``): release it through
        ``_destroy``, then emit ``'error'`` (if ``err`` is given) and ``'close'`` on a
        later tick. Buffered data is dropped and later calls are ignored. ``cb``, if
        given, is called with the error once ``_destroy`` is done. Returns the stream."""
        return destroyImpl.destroy(self, err, cb)

    _undestroy = destroyImpl.undestroy  # Node's ``_undestroy = destroyImpl.undestroy``

    def _destroy(self, err: Any, cb: Callable[..., Any]) -> None:
        cb(err)

    def _nodejs_rejection(self, err: Any, *args: Any) -> None:
        """Node's ``Readable.prototype[EE.captureRejectionSymbol]``: a rejected async
        listener destroys the stream with its reason (see ``captureRejections``)."""
        self.destroy(err)

    # --- push / unshift -------------------------------------------------------------------

    def push(self, chunk: Any, encoding: str | None = None) -> bool:
        """Add ``chunk`` to the read buffer, for ``'data'`` or :meth:`read` (Node's
        ``readable.push(chunk[, encoding])``), to be called by ``_read``. ``None`` ends
        the stream (``'end'`` follows once the buffer is consumed). A ``str`` is encoded
        with ``encoding`` (default ``'utf8'``) unless the stream decodes to ``str``.

        Returns ``False`` once the buffer has reached ``highWaterMark``: ``_read`` should
        stop pushing until it is called again. After the end, pushing emits
        ``ERR_STREAM_PUSH_AFTER_EOF`` as an ``'error'``; a chunk that is no bytes-like
        object or ``str`` (outside object mode) emits ``ERR_INVALID_ARG_TYPE``.
        """
        if _DEBUG:
            debug("push", "null" if chunk is None else chunk)  # (push(None) is push(null))
        state = self._readableState
        if state.objectMode:
            return readableAddChunkPushObjectMode(self, state, chunk, encoding)
        if type(chunk) is Buffer and chunk and state.decoder is None and not (
                state.ended or state.destroyed or state.errored):
            # The common case of readableAddChunkPushByteMode, one call shorter.
            state.reading = False
            addChunk(self, state, chunk, False)
            return not state.ended and (state.length < state.highWaterMark or state.length == 0)
        return readableAddChunkPushByteMode(self, state, chunk, encoding)

    def unshift(self, chunk: Any, encoding: str | None = None) -> bool:
        """Put ``chunk`` back at the front of the read buffer, to be read again first
        (Node's ``readable.unshift(chunk[, encoding])``), as a parser does with the bytes it
        read too far. Returns as :meth:`push` does."""
        if _DEBUG:
            debug("unshift", "null" if chunk is None else chunk)
        state = self._readableState
        if state.objectMode:
            return readableAddChunkUnshiftObjectMode(self, state, chunk)
        return readableAddChunkUnshiftByteMode(self, state, chunk, encoding)

    def isPaused(self) -> bool:
        """``True`` after :meth:`pause` (and before :meth:`resume`), or when a
        ``'readable'`` listener keeps the stream out of flowing mode (Node's
        ``readable.isPaused()``)."""
        state = self._readableState
        return state.paused or state.flowing is False

    def setEncoding(self, enc: BufferEncoding | None = None) -> Self:
        """Make ``'data'`` and :meth:`read` give ``str`` instead of Buffers, decoded with
        ``enc`` (``'utf8'`` when omitted; ``'latin1'``, ``'hex'``, ``'base64'`` ... as in
        Node) (Node's ``readable.setEncoding(encoding)``). A multi-byte character split
        between two chunks is held back until it is complete. What is already buffered is
        decoded too. Returns the stream; raises ``ERR_UNKNOWN_ENCODING`` for an unknown
        encoding."""
        state = self._readableState
        decoder = StringDecoder(enc)
        state.decoder = decoder
        state.encoding = decoder.encoding
        content = "".join([decoder.write(data) for data in state.buffer[state.bufferIndex:]])
        state.buffer.clear()
        state.bufferIndex = 0
        if content != "":
            state.buffer.append(content)
        state.length = jsLength(content)
        return self

    # --- read -----------------------------------------------------------------------------

    def read(self, n: Any = None) -> Any:
        """Take ``n`` bytes (characters with an encoding, one value in object mode) out of
        the read buffer (Node's ``readable.read([size])``); without ``n``, all that is
        buffered. Returns ``None`` when fewer than ``n`` are buffered and the stream has
        not ended, and calls ``_read`` to fill the buffer; used with the ``'readable'``
        event. ``read(0)`` only fills the buffer."""
        # n None stands for Node's NaN (read() / read(undefined)).
        if _DEBUG:
            debug("read", n)
        state = self._readableState
        if n is None:
            # read(): Node's steps for a NaN n, which skip every read(0) step.
            nOrig = None
            state.emittedReadable = False
            n = howMuchToRead(None, state)
        else:
            if type(n) is not int:
                n = _parseInt(n)
            if n == 0 and not state.ended and (
                    state.length == 0 or not state.needReadable
                    or state.length < state.highWaterMark):
                return _read0(self, state)
            nOrig = n

            if n is not None and n > state.highWaterMark:
                state.highWaterMark = computeNewHighWaterMark(n)

            if n != 0:
                state.emittedReadable = False

            # read(0) with data (or EOF) already there: just trigger 'readable' (or the end).
            if n == 0 and state.needReadable and (
                    (state.length >= state.highWaterMark if state.highWaterMark != 0
                     else state.length > 0) or state.ended):
                if _DEBUG:
                    debug("read: emitReadable")
                if state.length == 0 and state.ended:
                    endReadable(self)
                else:
                    emitReadable(self)
                return None

            if n != 0:
                n = howMuchToRead(n, state)

        if n == 0 and state.ended:
            if state.length == 0:
                endReadable(self)
            return None

        doRead = state.needReadable
        if _DEBUG:
            debug("need readable", doRead)
        length = state.length
        if length == 0 or length - n < state.highWaterMark:
            doRead = True
            if _DEBUG:
                debug("length less than watermark", doRead)

        if state.reading or state.ended or state.destroyed or state.errored \
                or not state.constructed:
            doRead = False
            if _DEBUG:
                debug("reading, ended or constructing", doRead)
        elif doRead:
            if _DEBUG:
                debug("do read")
            state.reading = True
            state.sync = True
            if length == 0:
                state.needReadable = True
            try:
                jscall(self._read, state.highWaterMark)  # `_read() {}` is common
            except Exception as err:  # noqa: BLE001 - Node catches what _read throws
                errorOrDestroy(self, err)
            state.sync = False
            # _read may have pushed synchronously: look again at what can be returned.
            if not state.reading and nOrig != 0:
                n = howMuchToRead(nOrig, state)

        ret = fromList(n, state) if n > 0 else None

        if ret is None:
            if state.length <= state.highWaterMark:
                state.needReadable = True
            n = 0
        else:
            state.length -= n
            if state.multiAwaitDrain:
                state.awaitDrainWriters.clear()
            else:
                state.awaitDrainWriters = None

        if state.length == 0:
            if not state.ended:
                state.needReadable = True
            # read() past EOF: emit 'end' on the next tick.
            if nOrig != n and state.ended:
                endReadable(self)

        if ret is not None and not state.errorEmitted and not state.closeEmitted:
            state.dataEmitted = True
            self.emit("data", ret)

        return ret

    def _read(self, n: int) -> None:
        raise ERR_METHOD_NOT_IMPLEMENTED("_read()")

    # --- pipe -----------------------------------------------------------------------------

    def pipe(self, dest: Any, pipeOpts: dict[str, Any] | None = None) -> Any:
        """Send everything this stream emits to the Writable ``dest`` (Node's
        ``readable.pipe(destination[, options])``), and return ``dest`` so that pipes chain.

        Backpressure is handled: when ``dest.write()`` returns ``False`` the source pauses
        until ``dest`` emits ``'drain'``. At the end, ``dest.end()`` is called unless
        ``pipeOpts`` is ``{'end': False}``. An error on either side does not end the other
        (use :func:`uvnet.stream.pipeline` for that). ``dest`` emits ``'pipe'`` with the
        source.
        """
        src = self
        state = src._readableState

        if len(state.pipes) == 1 and not state.multiAwaitDrain:
            state.multiAwaitDrain = True
            state.awaitDrainWriters = {state.awaitDrainWriters} \
                if state.awaitDrainWriters else set()

        state.pipes.append(dest)
        if _DEBUG:
            debug("pipe count=%d opts=%j", len(state.pipes), pipeOpts)

        doEnd = not pipeOpts or pipeOpts.get("end") is not False

        p = _Pipe(src, dest, state)

        endFn = p.onend if doEnd else p.unpipe
        if state.endEmitted:
            nextTick(endFn)
        else:
            src.once("end", endFn)

        dest.on("unpipe", p.onunpipe)
        src.on("data", p.ondata)
        # Our error handler goes before any the user adds.
        prependListener(dest, "error", p.onerror)
        dest.once("close", p.onclose)
        dest.once("finish", p.onfinish)

        dest.emit("pipe", src)

        if getattr(dest, "writableNeedDrain", None) is True:
            p.pause()
        elif not state.flowing:
            src.resume()
        return dest

    def unpipe(self, dest: Any = None) -> Self:
        """Undo :meth:`pipe` for ``dest``, or for every destination without one (Node's
        ``readable.unpipe([destination])``); each emits ``'unpipe'``. The stream stops
        flowing when no destination is left. Returns the stream."""
        state = self._readableState
        if not state.pipes:
            return self
        if not dest:
            dests = state.pipes
            state.pipes = []
            self.pause()
            for d in dests:
                d.emit("unpipe", self, {"hasUnpiped": False})
            return self
        try:
            index = state.pipes.index(dest)
        except ValueError:
            return self
        del state.pipes[index]
        if not state.pipes:
            self.pause()
        dest.emit("unpipe", self, {"hasUnpiped": False})
        return self

    # --- listeners ------------------------------------------------------------------------

    # The events a Readable emits, each with its listener's arguments (@types/node's
    # stream.d.ts); a listener may take fewer of them (JS's argument rule): one overload
    # per arity, since a lambda checked against a union of callables gets no argument
    # types. No overload takes any other name: mypy picks the first overload a call fits,
    # so a catch-all one would take every listener that does not fit its event's, and
    # hide the mistake. Another event name: EventEmitter.on(stream, name, listener).
    # 'error' passes Any: a port annotates its listener with the class it expects
    # (UVException, NodeError ...) or reads err.code, as Node code does with an Error.
    @overload  # type: ignore[override]
    def on(self, type: Literal["close"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["data"], listener: Callable[[Any], object]) -> Self: ...
    @overload
    def on(self, type: Literal["data"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["end"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["error"], listener: Callable[[Any], object]) -> Self: ...
    @overload
    def on(self, type: Literal["error"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["pause"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["readable"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["resume"], listener: Callable[[], object]) -> Self: ...
    @overload
    def on(self, type: Literal["newListener"],
           listener: Callable[[Hashable, Callable[..., Any]], object]) -> Self: ...
    @overload
    def on(self, type: Literal["newListener"], listener: Callable[[Hashable], object]) -> Self: ...
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

    def on(self, type: Hashable = None, listener: Callable[..., Any] = MISSING) -> Self:
        """:meth:`EventEmitter.on`, with a Readable's two special events, as in Node:
        adding a ``'data'`` listener starts flowing mode (unless :meth:`pause` was called),
        and adding a ``'readable'`` listener switches to paused mode, with :meth:`read`
        to take the data. Returns the stream."""
        res = self._addListener(type, listener, False)  # EventEmitter.on, one call shorter
        if type == "data":
            state = self._readableState
            state.dataListening = True
            # So that resume() may be a no-op below (supports once('readable')).
            if self.listenerCount("readable") > 0:
                state.readableListening = True
            if state.flowing is not False:
                self.resume()
        elif type == "readable":
            state = self._readableState
            if not state.endEmitted and not state.readableListening:
                state.readableListening = state.needReadable = True
                state.flowing = False
                state.emittedReadable = False
                if _DEBUG:
                    debug("on readable")
                if state.length:
                    emitReadable(self)
                elif not state.reading:
                    nextTick(nReadingNextTick, self)
        return res

    addListener = on  # type: ignore[assignment]
    if TYPE_CHECKING:
        once = prependListener = prependOnceListener = on  # type: ignore[assignment]

    def removeListener(self, type: Hashable = None,
                       listener: Callable[..., Any] = MISSING) -> Self:
        """:meth:`EventEmitter.removeListener` (also ``off``); removing the last
        ``'readable'`` listener lets a stream with ``'data'`` listeners flow again.
        Returns the stream."""
        state = self._readableState
        res = Stream.removeListener(self, type, listener)
        if type == "readable":
            # After 'readable' was emitted but before I/O: supports once('readable') cycles.
            nextTick(updateReadableListening, self)
        elif type == "data" and self.listenerCount("data") == 0:
            state.dataListening = False
        return res

    off = removeListener

    def removeAllListeners(self, ev: Hashable = None, *more: Any) -> Self:
        """:meth:`EventEmitter.removeAllListeners`, with :meth:`removeListener`'s rule for
        ``'readable'``. Returns the stream."""
        res = Stream.removeAllListeners(self, ev, *more)
        if ev == "readable" or (ev is None and not more):
            nextTick(updateReadableListening, self)
        return res

    # --- pause / resume -------------------------------------------------------------------

    def resume(self) -> Self:
        """Start or restart flowing mode: buffered and new data is emitted as ``'data'``
        (Node's ``readable.resume()``). Takes effect on the next tick, emitting
        ``'resume'``; without a ``'data'`` listener the data is discarded, which lets a
        stream run to its end. Returns the stream."""
        state = self._readableState
        if not state.flowing:
            if _DEBUG:
                debug("resume")
            # Flow only if nobody listens for 'readable'; resume_ still runs either way.
            state.flowing = not state.readableListening
            resume(self, state)
        state.hasPaused = True
        state.paused = False
        return self

    def pause(self) -> Self:
        """Stop flowing mode: no more ``'data'`` until :meth:`resume`; data is kept in the
        buffer (Node's ``readable.pause()``). Emits ``'pause'`` if the stream was flowing.
        Returns the stream."""
        state = self._readableState
        if _DEBUG:
            debug("call pause")
        if state.flowing is not False:
            if _DEBUG:
                debug("pause")
            state.flowing = False
            self.emit("pause")
        state.hasPaused = True
        state.paused = True
        return self

    def wrap(self, stream: Any) -> Self:
        """Use an old-style stream, an emitter of ``'data'`` and ``'end'`` events, as the
        source of this Readable (Node's ``readable.wrap(stream)``). Returns this stream."""
        paused = False

        def ondata(chunk: Any) -> None:
            nonlocal paused
            if not self.push(chunk) and callable(getattr(stream, "pause", None)):
                paused = True
                stream.pause()

        stream.on("data", ondata)
        stream.on("end", lambda *a: self.push(None))
        stream.on("error", lambda err: errorOrDestroy(self, err))
        stream.on("close", lambda *a: self.destroy())
        stream.on("destroy", lambda *a: self.destroy())

        def _read(n: int) -> None:
            nonlocal paused
            if paused and callable(getattr(stream, "resume", None)):
                paused = False
                stream.resume()

        self._read = _read  # type: ignore[method-assign]
        return self

    def __aiter__(self) -> AsyncIterator[Any]:
        """``for await (const chunk of readable)``: ``async for chunk in readable``.

        Node's ``createAsyncIterator``: each chunk ``read()`` returns, until ``'end'``;
        the stream's error is raised; leaving the loop early (``break``, an exception)
        destroys the stream, as JS's ``return()`` does.
        """
        return streamToAsyncIterator(self)

    def iterator(self, options: dict[str, Any] | None = None, **kwargs: Any
                 ) -> AsyncIterator[Any]:
        """``readable.iterator({destroyOnReturn})``: :meth:`__aiter__`, where
        ``destroyOnReturn=False`` leaves the stream open when the loop is left early."""
        options = _options(options, kwargs)
        if options is not None:
            validateObject(options, "options")
        return streamToAsyncIterator(self, options)

    if TYPE_CHECKING:  # the operators: set by uvnet.stream, as Node's stream.js does
        def map(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                **kwargs: Any) -> Readable: ...

        def filter(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                   **kwargs: Any) -> Readable: ...

        def flatMap(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                    **kwargs: Any) -> Readable: ...

        def drop(self, number: Any, options: dict[str, Any] | None = None,
                 **kwargs: Any) -> Readable: ...

        def take(self, number: Any, options: dict[str, Any] | None = None,
                 **kwargs: Any) -> Readable: ...

        def forEach(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                    **kwargs: Any) -> Promise[None]: ...

        def reduce(self, reducer: Callable[..., Any], initialValue: Any = ...,
                   options: dict[str, Any] | None = None, **kwargs: Any) -> Promise[Any]: ...

        def toArray(self, options: dict[str, Any] | None = None,
                    **kwargs: Any) -> Promise[list[Any]]: ...

        def some(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                 **kwargs: Any) -> Promise[bool]: ...

        def every(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                  **kwargs: Any) -> Promise[bool]: ...

        def find(self, fn: Callable[..., Any], options: dict[str, Any] | None = None,
                 **kwargs: Any) -> Promise[Any]: ...

    @classmethod
    def from_(cls, iterable: Any, opts: dict[str, Any] | None = None, **kwargs: Any) -> Self:
        """A Readable that yields the items of ``iterable`` (Node's
        ``Readable.from(iterable[, options])``; ``from`` is a Python keyword, so the name
        is ``from_``): each value is one chunk, except that a ``str`` or Buffer is not
        iterated but pushed whole. Object mode is on unless ``options`` say ``objectMode=False``."""
        from .from_iterable import from_iterable
        stream: Self = from_iterable(cls, iterable, _options(opts, kwargs))
        return stream

    # --- properties -----------------------------------------------------------------------

    @property
    def readable(self) -> bool:
        """``True`` while data can still be read: not destroyed, no error, no ``'end'`` yet
        (Node's ``readable.readable``)."""
        r = getattr(self, "_readableState", None)
        return (r is not None and r.readable is not False and not r.destroyed
                and not r.errorEmitted and not r.endEmitted)

    @readable.setter
    def readable(self, val: Any) -> None:
        r = getattr(self, "_readableState", None)
        if r is not None:
            r.readable = bool(val)

    @property
    def readableDidRead(self) -> bool:
        """``True`` once a ``'data'`` event has been emitted (Node's
        ``readable.readableDidRead``)."""
        return self._readableState.dataEmitted

    @property
    def readableAborted(self) -> bool:
        """``True`` when the stream was destroyed or errored before ``'end'`` (Node's
        ``readable.readableAborted``)."""
        r = self._readableState
        return bool(r.readable is not False and (r.destroyed or r.errored) and not r.endEmitted)

    @property
    def readableHighWaterMark(self) -> int:
        """The ``highWaterMark`` given to the constructor (Node's
        ``readable.readableHighWaterMark``)."""
        return self._readableState.highWaterMark

    @property
    def readableBuffer(self) -> list[Any]:
        """The buffered chunks, not read yet, as a list (Node's
        ``readable.readableBuffer``)."""
        r = self._readableState
        return r.buffer[r.bufferIndex:]

    @property
    def readableFlowing(self) -> bool | None:
        """The mode: ``None`` before anything started or stopped the flow, ``True`` when
        flowing, ``False`` when paused (Node's ``readable.readableFlowing``)."""
        return self._readableState.flowing

    @readableFlowing.setter
    def readableFlowing(self, value: bool | None) -> None:
        r = getattr(self, "_readableState", None)
        if r is not None:
            r.flowing = None if value is None else bool(value)

    @property
    def readableLength(self) -> int:
        """How much is buffered for reading: bytes (UTF-16 units for ``str`` chunks), or
        values in object mode (Node's ``readable.readableLength``)."""
        return self._readableState.length

    @property
    def readableObjectMode(self) -> bool:
        """Whether this side is in object mode (Node's ``readable.readableObjectMode``)."""
        r = getattr(self, "_readableState", None)
        return r.objectMode if r is not None else False

    @property
    def readableEncoding(self) -> str | None:
        """The encoding given to :meth:`setEncoding` or the constructor, or ``None``
        (Node's ``readable.readableEncoding``)."""
        r = getattr(self, "_readableState", None)
        return r.encoding if r is not None else None

    @property
    def errored(self) -> Any:
        """The error the stream was destroyed with, or ``None`` (Node's
        ``readable.errored``)."""
        r = getattr(self, "_readableState", None)
        return r.errored if r is not None else None

    @property
    def closed(self) -> bool:
        """``True`` once ``'close'`` has been emitted (Node's ``readable.closed``)."""
        r = getattr(self, "_readableState", None)
        return r.closed if r is not None else False

    @property
    def destroyed(self) -> bool:
        """``True`` once :meth:`destroy` has been called (Node's ``readable.destroyed``)."""
        r = getattr(self, "_readableState", None)
        return r.destroyed if r is not None else False

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        r = getattr(self, "_readableState", None)
        if r is not None:
            r.destroyed = value

    @property
    def readableEnded(self) -> bool:
        """``True`` once ``'end'`` has been emitted (Node's ``readable.readableEnded``)."""
        r = getattr(self, "_readableState", None)
        return r.endEmitted if r is not None else False


Readable.ReadableState = ReadableState  # type: ignore[attr-defined]
setattr(Readable, "from", Readable.from_)


def _parseInt(n: Any) -> int | None:
    """``parseInt(n, 10)``; ``None`` stands for NaN."""
    if isinstance(n, bool):
        return None
    if isinstance(n, float):
        if math.isnan(n) or math.isinf(n):
            return None
        return int(n)
    s = str(n).strip()
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    digits = ""
    for ch in s:
        if "0" <= ch <= "9":
            digits += ch
        else:
            break
    return sign * int(digits) if digits else None


# --- push / unshift internals ---------------------------------------------------------------


def readableAddChunkUnshiftByteMode(stream: Readable, state: ReadableState, chunk: Any,
                                    encoding: str | None) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False
    if isinstance(chunk, str):
        encoding = encoding or state.defaultEncoding
        if state.encoding != encoding:
            if state.encoding:
                # Unshifted strings are stored in the stream's own encoding.
                from ...buffer import decode
                chunk = decode(_encode(chunk, encoding), state.encoding)
            else:
                chunk = Buffer(_encode(chunk, encoding))
    elif isinstance(chunk, Buffer):
        pass
    elif isinstance(chunk, (bytes, bytearray, memoryview)):
        chunk = _toBuffer(chunk)
    else:
        errorOrDestroy(stream, ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk))
        return False
    if not chunk:
        return canPushMore(state)
    return readableAddChunkUnshiftValue(stream, state, chunk)


def readableAddChunkUnshiftObjectMode(stream: Readable, state: ReadableState, chunk: Any) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False
    return readableAddChunkUnshiftValue(stream, state, chunk)


def readableAddChunkUnshiftValue(stream: Readable, state: ReadableState, chunk: Any) -> bool:
    if state.endEmitted:
        errorOrDestroy(stream, ERR_STREAM_UNSHIFT_AFTER_END_EVENT())
    elif state.destroyed or state.errored:
        return False
    else:
        addChunk(stream, state, chunk, True)
    return canPushMore(state)


def readableAddChunkPushByteMode(stream: Readable, state: ReadableState, chunk: Any,
                                 encoding: str | None) -> bool:
    if type(chunk) is Buffer:
        encoding = ""
    elif chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False
    elif isinstance(chunk, str):
        encoding = encoding or state.defaultEncoding
        if state.encoding != encoding:
            chunk = Buffer(_encode(chunk, encoding))
            encoding = ""
    elif isinstance(chunk, (bytes, bytearray, memoryview)):
        chunk = _toBuffer(chunk)
        encoding = ""
    else:
        errorOrDestroy(stream, ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk))
        return False

    if not chunk:
        state.reading = False
        maybeReadMore(stream, state)
        return canPushMore(state)

    if state.ended:
        errorOrDestroy(stream, ERR_STREAM_PUSH_AFTER_EOF())
        return False

    if state.destroyed or state.errored:
        return False

    state.reading = False
    decoder = state.decoder
    if decoder is not None and not encoding:
        chunk = decoder.write(chunk)
        if not chunk:
            maybeReadMore(stream, state)
            return canPushMore(state)

    addChunk(stream, state, chunk, False)
    return not state.ended and (state.length < state.highWaterMark or state.length == 0)


def readableAddChunkPushObjectMode(stream: Readable, state: ReadableState, chunk: Any,
                                   encoding: str | None) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False
    if state.ended:
        errorOrDestroy(stream, ERR_STREAM_PUSH_AFTER_EOF())
        return False
    if state.destroyed or state.errored:
        return False
    state.reading = False
    if state.decoder is not None and not encoding:
        chunk = state.decoder.write(chunk)
    addChunk(stream, state, chunk, False)
    return not state.ended and (state.length < state.highWaterMark or state.length == 0)


def canPushMore(state: ReadableState) -> bool:
    # Below the high-water mark -- or empty, for highWaterMark 0.
    return not state.ended and (state.length < state.highWaterMark or state.length == 0)


def addChunk(stream: Readable, state: ReadableState, chunk: Any, addToFront: bool) -> None:
    if state.flowing and state.length == 0 and not state.sync and state.dataListening:
        if state.multiAwaitDrain:
            state.awaitDrainWriters.clear()
        else:
            state.awaitDrainWriters = None
        state.dataEmitted = True
        stream.emit("data", chunk)
    else:
        if state.objectMode:
            state.length += 1
        else:
            state.length += len(chunk) if type(chunk) is Buffer else jsLength(chunk)
        if addToFront:
            if state.bufferIndex > 0:
                state.bufferIndex -= 1
                state.buffer[state.bufferIndex] = chunk
            else:
                state.buffer.insert(0, chunk)
        else:
            state.buffer.append(chunk)
        if state.needReadable:
            emitReadable(stream)
    if not state.readingMore and state.constructed:
        state.readingMore = True
        # nextTick(maybeReadMore_, stream, state), inlined (the stream's own maybeReadMore_)
        _tickQueue.append((stream._kMaybeReadMore, (stream, state)))


# --- read internals --------------------------------------------------------------------------

MAX_HWM = 0x40000000


def computeNewHighWaterMark(n: int) -> int:
    if n > MAX_HWM:
        raise ERR_OUT_OF_RANGE("size", "<= 1GiB", n)
    # The next power of 2, so the hwm doesn't creep up in tiny steps.
    n -= 1
    n |= n >> 1
    n |= n >> 2
    n |= n >> 4
    n |= n >> 8
    n |= n >> 16
    return n + 1


def _read0(stream: Readable, state: ReadableState) -> None:
    """``read(0)`` before the end with nothing buffered, ``needReadable`` unset, or less
    than the high-water mark buffered (what ``maybeReadMore_`` and ``resume_`` call after
    each chunk): the steps of
    :meth:`Readable.read` that such a call takes, in the same order, with the branches it
    cannot take left out (it never emits ``'readable'`` or ends the stream)."""
    if _DEBUG:
        _debugRead0(state)
    if not (state.reading or state.destroyed or state.errored or not state.constructed):
        length = state.length
        hwm = state.highWaterMark
        if length == 0 or length < hwm:
            state.reading = True
            state.sync = True
            if length == 0:
                state.needReadable = True
            try:
                _read = stream._read
                try:  # jscall(stream._read, hwm), inlined (this runs after every chunk)
                    result = _read(hwm)
                except TypeError as exc:
                    if exc.__traceback__ is not None and exc.__traceback__.tb_next is not None:
                        raise
                    result = call_adapted(_read, (hwm,), exc)
                if result is not None:  # an async def _read
                    started(result)
            except Exception as err:  # noqa: BLE001 - Node catches what _read throws
                errorOrDestroy(stream, err)
            state.sync = False
    if state.length <= state.highWaterMark:
        state.needReadable = True
    if state.length == 0 and not state.ended:
        state.needReadable = True
    return None


def _debugRead0(state: ReadableState) -> None:
    """The lines Readable.read(0) prints on the way _read0 takes (its steps, in order)."""
    debug("need readable", state.needReadable)
    if state.length == 0 or state.length < state.highWaterMark:
        debug("length less than watermark", True)
        doRead = True
    else:
        doRead = state.needReadable
    if state.reading or state.ended or state.destroyed or state.errored \
            or not state.constructed:
        debug("reading, ended or constructing", False)
    elif doRead:
        debug("do read")


def howMuchToRead(n: int | None, state: ReadableState) -> int:
    if (n is not None and n <= 0) or (state.length == 0 and state.ended):
        return 0
    if state.objectMode:
        return 1
    if n is None:
        # Only flow one buffer at a time.
        if state.flowing and state.length:
            return jsLength(state.buffer[state.bufferIndex])
        return state.length
    if n <= state.length:
        return n
    return state.length if state.ended else 0


def _toBuffer(chunk: bytes | bytearray | memoryview) -> Buffer:
    """Node's ``Stream._uint8ArrayToBuffer`` (a pushed Uint8Array becomes a Buffer): here a
    copy, a Python object's memory cannot be shared; ``bytes`` too, so that every chunk
    read is a Buffer."""
    if type(chunk) is memoryview and (chunk.format != "B" or chunk.ndim != 1):
        chunk = chunk.cast("B") if chunk.c_contiguous else memoryview(chunk.tobytes())
    return Buffer(chunk)


def _concat(chunks: list[Any]) -> str:
    """Node's ``ret += chunk`` over the buffer of a stream with a decoder: strings as they
    are, and a Buffer (``unshift`` keeps one as it is) as ``buf.toString()``, UTF-8."""
    return jsConcat([chunk if isinstance(chunk, str) else _decode(chunk) for chunk in chunks])


def _slice(chunk: Any, start: int, end: int | None = None) -> Any:
    """``chunk.slice(start, end)``, the same for buffers and (in UTF-16 units) strings."""
    return jsSlice(chunk, start, end) if type(chunk) is str else chunk.subarray(start, end)


def fromList(n: int, state: ReadableState) -> Any:
    """Take ``n`` bytes (characters with a decoder; one object in object mode) off the buffer."""
    if state.length == 0:
        return None
    idx = state.bufferIndex
    buf = state.buffer
    length = len(buf)

    if state.objectMode:
        ret = buf[idx]
        buf[idx] = None
        idx += 1
    elif not n or n >= state.length:
        # Read it all, truncate the list.
        if state.decoder is not None:
            ret = _concat(buf[idx:])
            idx = length
        elif length - idx == 0:
            ret = Buffer()
        elif length - idx == 1:
            ret = buf[idx]
            buf[idx] = None
            idx += 1
        else:
            ret = Buffer.concat(buf[idx:])
            idx = length
    elif state.decoder is not None:
        # Strings (and unshifted Buffers) are measured and cut in JavaScript's units.
        first = buf[idx]
        firstLength = jsLength(first)
        if n < firstLength:
            ret = _slice(first, 0, n)
            buf[idx] = _slice(first, n)
        elif n == firstLength:
            # First chunk is a perfect match.
            ret = first
            buf[idx] = None
            idx += 1
        else:
            parts = []
            while idx < length:
                data = buf[idx]
                dataLength = jsLength(data)
                if n > dataLength:
                    parts.append(data)
                    n -= dataLength
                    buf[idx] = None
                    idx += 1
                else:
                    if n == length:
                        # Node compares n with the number of buffered chunks here.
                        parts.append(data)
                        buf[idx] = None
                        idx += 1
                    else:
                        parts.append(_slice(data, 0, n))
                        buf[idx] = _slice(data, n)
                    break
            ret = _concat(parts)
    elif n < len(buf[idx]):
        first = buf[idx]
        ret = first.subarray(0, n)
        buf[idx] = first.subarray(n)
    elif n == len(buf[idx]):
        # First chunk is a perfect match.
        ret = buf[idx]
        buf[idx] = None
        idx += 1
    else:
        parts = []
        while idx < length:
            data = buf[idx]
            if n > len(data):
                parts.append(data)
                n -= len(data)
                buf[idx] = None
                idx += 1
            else:
                if n == len(data):
                    parts.append(data)
                    buf[idx] = None
                    idx += 1
                else:
                    parts.append(data.subarray(0, n))
                    buf[idx] = data.subarray(n)
                break
        ret = Buffer.concat(parts)

    if idx == length:
        buf.clear()
        state.bufferIndex = 0
    elif idx > 1024:
        del buf[:idx]
        state.bufferIndex = 0
    else:
        state.bufferIndex = idx
    return ret


def onEofChunk(stream: Readable, state: ReadableState) -> None:
    if _DEBUG:
        debug("onEofChunk")
    if state.ended:
        return
    decoder = state.decoder
    if decoder is not None:
        chunk = decoder.end()
        if chunk:
            state.buffer.append(chunk)
            state.length += 1 if state.objectMode else jsLength(chunk)
    state.ended = True
    if state.sync:
        # Inside a read(): wait for the next tick, or 'data' could come from within read().
        emitReadable(stream)
    else:
        # Emit 'readable' now, synchronously (modules rely on it).
        state.needReadable = False
        state.emittedReadable = True
        emitReadable_(stream)


def emitReadable(stream: Readable) -> None:
    state = stream._readableState
    if _DEBUG:
        debug("emitReadable")
    state.needReadable = False
    if not state.emittedReadable:
        if _DEBUG:
            debug("emitReadable", bool(state.flowing))
        state.emittedReadable = True
        _tickQueue.append((emitReadable_, (stream,)))  # nextTick, inlined


def emitReadable_(stream: Readable) -> None:
    state = stream._readableState
    if _DEBUG:
        debug("emitReadable_")
    if not state.destroyed and not state.errored and (state.length or state.ended):
        stream.emit("readable")
        state.emittedReadable = False
    # Another 'readable' is needed if not flowing, not ended, and below the mark.
    if not state.flowing and not state.ended and state.length <= state.highWaterMark:
        state.needReadable = True
    if state.flowing or _DEBUG:  # flow(stream) (a paused stream's: its debug line only)
        flow(stream)


def maybeReadMore(stream: Readable, state: ReadableState) -> None:
    if not state.readingMore and state.constructed:
        state.readingMore = True
        nextTick(maybeReadMore_, stream, state)


def maybeReadMore_(stream: Readable, state: ReadableState) -> None:
    # Read until the high-water mark (or, flowing, until something comes) while nothing
    # is pending and the stream hasn't ended; stop when a read(0) brings nothing.
    while not state.reading and not state.ended and (
            state.length < state.highWaterMark or (state.flowing and state.length == 0)):
        length = state.length
        if _DEBUG:
            debug("maybeReadMore read 0")
        stream.read(0)
        if length == state.length:
            break
    state.readingMore = False


Readable._kMaybeReadMore = staticmethod(maybeReadMore_)  # type: ignore[assignment]


def nReadingNextTick(self: Readable) -> None:
    if _DEBUG:
        debug("readable nexttick read 0")
    self.read(0)


def updateReadableListening(self: Readable) -> None:
    state = self._readableState
    state.readableListening = self.listenerCount("readable") > 0
    if state.hasPaused and not state.paused and state.resumeScheduled:
        # Flowing must be set now, or the upcoming resume_ won't flow.
        state.flowing = True
    elif state.dataListening:
        self.resume()
    elif not state.readableListening:
        state.flowing = None


def resume(stream: Readable, state: ReadableState) -> None:
    if not state.resumeScheduled:
        state.resumeScheduled = True
        _tickQueue.append((resume_, (stream, state)))  # nextTick, inlined


def resume_(stream: Readable, state: ReadableState) -> None:
    if _DEBUG:
        debug("resume", bool(state.reading))
    if not state.reading:
        stream.read(0)
    state.resumeScheduled = False
    stream.emit("resume")
    flow(stream)
    if state.flowing and not state.reading:
        stream.read(0)


def flow(stream: Readable) -> None:
    state = stream._readableState
    if _DEBUG:
        debug("flow")
    read = stream.read
    while state.flowing and read() is not None:
        pass


def endReadable(stream: Readable) -> None:
    state = stream._readableState
    if _DEBUG:
        debug("endReadable")
    if not state.endEmitted:
        state.ended = True
        _tickQueue.append((endReadableNT, (state, stream)))  # nextTick, inlined


def endReadableNT(state: ReadableState, stream: Any) -> None:
    if _DEBUG:
        debug("endReadableNT")
    # Check that we didn't get one last unshift.
    if not state.errored and not state.closeEmitted and not state.endEmitted \
            and state.length == 0:
        state.endEmitted = True
        stream.emit("end")
        if getattr(stream, "writable", False) and getattr(stream, "allowHalfOpen", None) is False:
            nextTick(endWritableNT, stream)
        elif state.autoDestroy:
            # A Duplex is destroyed only once its writable side is done as well.
            wState = getattr(stream, "_writableState", None)
            autoDestroy = wState is None or (
                wState.autoDestroy and (wState.finished or wState.writable is False))
            if autoDestroy:
                stream.destroy()


def endWritableNT(stream: Any) -> None:
    if stream.writable and not stream.writableEnded and not stream.destroyed:
        stream.end()


# --- pipe ------------------------------------------------------------------------------------


class _Pipe:
    """One ``src.pipe(dest)``: Node's ``Readable.prototype.pipe`` closures as one object.

    Node makes a closure per handler; here they are methods of one object, and each handler
    registered as a listener is bound once (the same object is added and later removed), so
    listener order, identity and events are Node's, at the cost of one object per pipe.
    """

    __slots__ = ("src", "dest", "state", "ondrain", "cleanedUp", "onunpipe", "onend",
                 "ondata", "onerror", "onclose", "onfinish", "unpipe")

    def __init__(self, src: Readable, dest: Any, state: ReadableState) -> None:
        self.src = src
        self.dest = dest
        self.state = state
        self.ondrain: Callable[..., Any] | None = None
        self.cleanedUp = False
        self.onunpipe = self._onunpipe
        self.onend = self._onend
        self.ondata = self._ondata
        self.onerror = self._onerror
        self.onclose = self._onclose
        self.onfinish = self._onfinish
        self.unpipe = self._unpipe

    def _onunpipe(self, readable: Any, unpipeInfo: Any = None) -> None:
        if _DEBUG:
            debug("onunpipe")
        if readable is self.src:
            if unpipeInfo and unpipeInfo.get("hasUnpiped") is False:
                unpipeInfo["hasUnpiped"] = True
                self.cleanup()

    def _onend(self, *args: Any) -> None:
        if _DEBUG:
            debug("onend")
        self.dest.end()

    def cleanup(self) -> None:
        if _DEBUG:
            debug("cleanup")
        dest = self.dest
        src = self.src
        ondrain = self.ondrain
        destRemove = _removeListener(dest)
        destRemove("close", self.onclose)
        destRemove("finish", self.onfinish)
        if ondrain:
            destRemove("drain", ondrain)
        destRemove("error", self.onerror)
        destRemove("unpipe", self.onunpipe)
        srcRemove = _removeListener(src)
        srcRemove("end", self.onend)
        srcRemove("end", self.unpipe)
        src.removeListener("data", self.ondata)
        self.cleanedUp = True
        # If the source waits for a 'drain' from this destination, it would never flow
        # again: call the handler now (assume a wait when we can't tell).
        wState = getattr(dest, "_writableState", None)
        if ondrain and self.state.awaitDrainWriters is not None and (
                wState is None or wState.needDrain):
            ondrain()

    def pause(self) -> None:
        state = self.state
        dest = self.dest
        # unpipe() inside dest.write() that returned False must not leave src paused forever.
        if not self.cleanedUp:
            if len(state.pipes) == 1 and state.pipes[0] is dest:
                if _DEBUG:
                    debug("false write response, pause", 0)
                state.awaitDrainWriters = dest
                state.multiAwaitDrain = False
            elif len(state.pipes) > 1 and dest in state.pipes:
                if _DEBUG:
                    debug("false write response, pause", len(state.awaitDrainWriters))
                state.awaitDrainWriters.add(dest)
            self.src.pause()
        if not self.ondrain:
            # Added once: adding and removing per 'drain' is too slow.
            self.ondrain = pipeOnDrain(self.src, dest)
            dest.on("drain", self.ondrain)

    def _ondata(self, chunk: Any) -> None:
        if _DEBUG:
            debug("ondata")
            ret = self.dest.write(chunk)
            debug("dest.write", ret)
            if ret is False:
                self.pause()
        elif self.dest.write(chunk) is False:
            self.pause()

    def _onerror(self, er: Any) -> None:
        if _DEBUG:
            debug("onerror", er)
        dest = self.dest
        self.unpipe()
        dest.removeListener("error", self.onerror)
        if dest.listenerCount("error") == 0:
            s = getattr(dest, "_writableState", None) or getattr(dest, "_readableState", None)
            if s is not None and not s.errorEmitted:
                # The user emitted 'error' directly on the stream.
                errorOrDestroy(dest, er)
            else:
                dest.emit("error", er)

    def _onclose(self, *args: Any) -> None:
        dest = self.dest
        dest.removeListener("finish", self.onfinish)
        if _DEBUG:
            debug("unpipe")
        self.src.unpipe(dest)  # Node's unpipe(), without its frame

    def _onfinish(self, *args: Any) -> None:
        if _DEBUG:
            debug("onfinish")
        dest = self.dest
        dest.removeListener("close", self.onclose)
        if _DEBUG:
            debug("unpipe")
        self.src.unpipe(dest)  # Node's unpipe(), without its frame

    def _unpipe(self, *args: Any) -> None:
        if _DEBUG:
            debug("unpipe")
        self.src.unpipe(self.dest)


def _removeListener(emitter: Any) -> Callable[[Hashable, Callable[..., Any]], Any]:
    """``emitter.removeListener``, for an event other than ``'data'`` and ``'readable'``:
    Readable's own adds steps for those two only, so for the others it is, one call
    shorter, Stream's (a subclass's or an instance's own removeListener is kept)."""
    remove: Callable[[Hashable, Callable[..., Any]], Any] = emitter.removeListener
    if getattr(remove, "__func__", None) is Readable.removeListener:
        return MethodType(Stream.removeListener, emitter)
    return remove


def pipeOnDrain(src: Readable, dest: Any) -> Callable[..., None]:
    def pipeOnDrainFunctionResult(*args: Any) -> None:
        state = src._readableState
        if state.awaitDrainWriters is dest:
            if _DEBUG:
                debug("pipeOnDrain", 1)
            state.awaitDrainWriters = None
        elif state.multiAwaitDrain:
            if _DEBUG:
                debug("pipeOnDrain", len(state.awaitDrainWriters))
            state.awaitDrainWriters.discard(dest)
        aw = state.awaitDrainWriters
        if (aw is None or (type(aw) is set and not aw)) and state.dataListening:
            src.resume()
    return pipeOnDrainFunctionResult


# Used by Readable[Symbol.asyncDispose] in Node; kept for ports that destroy on exit.
def _abort_error() -> AbortError:
    return AbortError()


# --- async iteration (Node's streamToAsyncIterator / createAsyncIterator) ----------------

def streamToAsyncIterator(stream: Any, options: dict[str, Any] | None = None
                          ) -> AsyncIterator[Any]:
    if not callable(getattr(stream, "read", None)):
        stream = Readable({"objectMode": True}).wrap(stream)
    return createAsyncIterator(stream, options)


async def createAsyncIterator(stream: Any, options: dict[str, Any] | None
                              ) -> AsyncIterator[Any]:
    from .end_of_stream import eos

    callback: Callable[[], Any] = nop

    def next_(*args: Any) -> None:  # the 'readable' listener
        nonlocal callback
        cb, callback = callback, nop
        cb()

    stream.on("readable", next_)
    error: Any = _UNSET  # undefined until the stream finished; then None or the error

    def onfinished(err: Any = None) -> None:
        nonlocal error, callback
        error = destroyImpl.aggregateTwoErrors(None if error is _UNSET else error, err) \
            if err else None
        cb, callback = callback, nop
        cb()

    cleanup = eos(stream, {"writable": False}, onfinished)
    try:
        while True:
            chunk = None if stream.destroyed else stream.read()
            if chunk is not None:
                yield chunk
            elif error is not _UNSET and error is not None:
                raise error
            elif error is None:
                return
            else:
                # Node's `await new Promise(next)`: next(resolve) keeps resolve as the
                # callback (the executor's reject is never used).
                promise, callback = createDeferredResolve()
                await promise
    except Exception as err:  # (not GeneratorExit: a return() goes to finally only)
        error = destroyImpl.aggregateTwoErrors(None if error is _UNSET else error, err)
        raise error  # noqa: B904 - JS rethrows the (aggregated) error as is
    finally:
        if ((error not in (_UNSET, None) or (options or {}).get("destroyOnReturn") is not False)
                and (error is _UNSET or stream._readableState.autoDestroy)):
            destroyImpl.destroyer(stream, None)
        else:
            stream.off("readable", next_)
            cleanup()


class _Unset:
    def __repr__(self) -> str:
        return "undefined"


_UNSET: Any = _Unset()
