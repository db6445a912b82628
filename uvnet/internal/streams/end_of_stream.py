"""``finished(stream[, options], callback)`` (Node's ``lib/internal/streams/end-of-stream.js``).

Calls ``callback(err)`` once, when the stream is done: ``'end'`` (readable side) and
``'finish'`` (writable side) -- or at ``'close'`` when a stream that will emit it is
expected to -- with ``None`` on success, the stream's error, or
``ERR_STREAM_PREMATURE_CLOSE`` for a ``'close'`` before the end. Returns a function that
removes every listener it added.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE, AbortError
from ..jscall import jscall
from ..task_queues import nextTick
from ..validators import validateFunction, validateObject
from .add_abort_signal import addAbortListener, validateAbortSignal
from .utils import (
    isClosed,
    isNodeStream,
    isReadable,
    isReadableErrored,
    isReadableFinished,
    isReadableNodeStream,
    isWritable,
    isWritableErrored,
    isWritableFinished,
    isWritableNodeStream,
)
from .utils import willEmitClose as _willEmitClose


def _nop(*args: Any) -> None:
    pass


_UNSET: Any = object()


def eos(stream: Any, options: Any = _UNSET,
        callback: Any = _UNSET) -> Callable[[], None]:
    """Call ``callback(err)`` once ``stream`` is done: ended and/or finished, destroyed,
    or failed (Node's ``stream.finished(stream[, options], callback)``, also
    ``uvnet.stream.finished``). ``err`` is ``None`` on a clean end, the stream's error, or
    ``ERR_STREAM_PREMATURE_CLOSE`` when it closed before ending.

    ``options``: ``readable`` / ``writable`` (``False``: do not wait for that side),
    ``error`` (``False``: ignore ``'error'``), ``signal`` (an :class:`uvnet.AbortSignal`:
    abort calls back with an ``AbortError``). Returns a function that removes every
    listener ``finished`` added. Raises ``ERR_INVALID_ARG_TYPE`` when ``stream`` is not a
    stream or ``callback`` is not callable.
    """
    if callback is _UNSET:
        # finished(stream, callback): the second argument is the callback.
        callback = None if options is _UNSET else options
        options = {}
    elif options is None:
        options = {}
    else:
        validateObject(options, "options")
    validateFunction(callback, "callback")
    signal = options.get("signal")
    if signal is not None:
        validateAbortSignal(signal, "options.signal")

    user_callback = callback
    called = False

    def once(*args: Any) -> None:
        nonlocal called
        if called:
            return
        called = True
        jscall(user_callback, *args) if args else jscall(user_callback, None)

    cb: list[Callable[..., Any]] = [once]

    def call(*args: Any) -> None:
        cb[0](*args)

    if not isNodeStream(stream):
        raise ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream)

    readable = options.get("readable")
    if readable is None:
        readable = isReadableNodeStream(stream)
    writable = options.get("writable")
    if writable is None:
        writable = isWritableNodeStream(stream)

    wState = getattr(stream, "_writableState", None)
    rState = getattr(stream, "_readableState", None)

    def onlegacyfinish(*args: Any) -> None:
        if not getattr(stream, "writable", False):
            onfinish()

    # Trust 'close' to come when the stream is a standard one that will emit it.
    willEmitClose = (bool(_willEmitClose(stream))
                     and isReadableNodeStream(stream) == readable
                     and isWritableNodeStream(stream) == writable)

    writableFinished = isWritableFinished(stream, False)
    readableFinished = isReadableFinished(stream, False)

    def onfinish(*args: Any) -> None:
        nonlocal writableFinished, willEmitClose
        writableFinished = True
        # Destroyed already: user space did something unusual; don't wait for 'close'.
        if getattr(stream, "destroyed", False):
            willEmitClose = False
        if willEmitClose and (not getattr(stream, "readable", False) or readable):
            return
        if not readable or readableFinished:
            call()

    def onend(*args: Any) -> None:
        nonlocal readableFinished, willEmitClose
        readableFinished = True
        if getattr(stream, "destroyed", False):
            willEmitClose = False
        if willEmitClose and (not getattr(stream, "writable", False) or writable):
            return
        if not writable or writableFinished:
            call()

    def onerror(err: Any = None) -> None:
        call(err)

    closed = isClosed(stream)

    def onclose(*args: Any) -> None:
        nonlocal closed
        closed = True
        errored = isWritableErrored(stream) or isReadableErrored(stream)
        if errored and not isinstance(errored, bool):
            call(errored)
            return
        if readable and not readableFinished and isReadableNodeStream(stream, True):
            if not isReadableFinished(stream, False):
                call(ERR_STREAM_PREMATURE_CLOSE())
                return
        if writable and not writableFinished:
            if not isWritableFinished(stream, False):
                call(ERR_STREAM_PREMATURE_CLOSE())
                return
        call()

    def onclosed(*args: Any) -> None:
        nonlocal closed
        closed = True
        errored = isWritableErrored(stream) or isReadableErrored(stream)
        if errored and not isinstance(errored, bool):
            call(errored)
            return
        call()

    if writable and wState is None:  # legacy streams
        stream.on("end", onlegacyfinish)
        stream.on("close", onlegacyfinish)

    # Not all streams emit 'close' after 'aborted'.
    if not willEmitClose and isinstance(getattr(stream, "aborted", None), bool):
        stream.on("aborted", onclose)

    stream.on("end", onend)
    stream.on("finish", onfinish)
    if options.get("error") is not False:
        stream.on("error", onerror)
    stream.on("close", onclose)

    if closed:
        nextTick(onclose)
    elif getattr(wState, "errorEmitted", None) or getattr(rState, "errorEmitted", None):
        if not willEmitClose:
            nextTick(onclosed)
    elif (not readable and (not willEmitClose or isReadable(stream))
          and (writableFinished or isWritable(stream) is False)
          and getattr(wState, "pendingcb", 0) in (None, 0)):
        nextTick(onclosed)
    elif (not writable and (not willEmitClose or isWritable(stream))
          and (readableFinished or isReadable(stream) is False)):
        nextTick(onclosed)

    def cleanup() -> None:
        cb[0] = _nop
        stream.removeListener("aborted", onclose)
        stream.removeListener("end", onlegacyfinish)
        stream.removeListener("close", onlegacyfinish)
        stream.removeListener("finish", onfinish)
        stream.removeListener("end", onend)
        stream.removeListener("error", onerror)
        stream.removeListener("close", onclose)

    if signal is not None and not closed:
        def abort(*args: Any) -> None:
            endCallback = cb[0]
            cleanup()
            endCallback(AbortError(cause=getattr(signal, "reason", None)))

        if signal.aborted:
            nextTick(abort)
        else:
            dispose = addAbortListener(signal, abort)
            original = cb[0]

            def disposing(*args: Any) -> None:
                dispose()
                original(*args)
            cb[0] = disposing

    return cleanup
