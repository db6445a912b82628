"""``pipeline(...streams, callback)`` (Node's ``lib/internal/streams/pipeline.js``).

Pipes each stage into the next, destroys every stream when one fails (the first real
error wins over ``ERR_STREAM_PREMATURE_CLOSE``), and calls ``callback(err, value)`` on a
tick once the last stage has finished. Returns the last stream.

A stage may be a stream, or, as in Node, a function: the first one is called as
``source({'signal': signal})`` and returns an iterable or async iterable (an async
generator function is the usual source); a middle one as ``stage(source, {'signal'})``
with the previous stage as an async iterable, and returns an async iterable; the last
one likewise, and returns an async iterable or a Promise (an ``async def`` destination),
whose value is the callback's ``value``. An iterable source or middle stage is written
into a following stream with ``write``/``'drain'`` (Node's ``pumpToNode``).
``signal=`` (in ``uvnet.stream.promises.pipeline``'s options) aborts the whole pipeline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Callable

from ...abort_controller import AbortController
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
    AbortError,
)
from ..jscall import jscall
from ..promise import Promise
from ..task_queues import nextTick
from ..validators import validateAbortSignal, validateFunction
from . import destroy as destroyImpl
from .add_abort_signal import addAbortListener
from .end_of_stream import eos
from .from_iterable import isThenable
from .utils import isIterable, isNodeStream, isReadable, isReadableFinished, isReadableNodeStream


def destroyer(stream: Any, reading: bool, writing: bool) -> tuple[Callable[[Any], None],
                                                                    Callable[[], None]]:
    finished = False

    def onclose(*args: Any) -> None:
        nonlocal finished
        finished = True

    stream.on("close", onclose)

    def oneos(err: Any = None) -> None:
        nonlocal finished
        finished = not err

    cleanup = eos(stream, {"readable": reading, "writable": writing}, oneos)

    def destroy(err: Any) -> None:
        nonlocal finished
        if finished:
            return
        finished = True
        destroyImpl.destroyer(stream, err or ERR_STREAM_DESTROYED("pipe"))

    return destroy, cleanup


def popCallback(streams: list[Any]) -> Callable[..., Any]:
    validateFunction(streams[-1] if streams else None, "streams[stream.length - 1]")
    callback: Callable[..., Any] = streams.pop()
    return callback


def pipeline(*streams: Any) -> Any:
    """``stream.pipeline(source, ...transforms, destination, callback)``."""
    streams_list = list(streams)
    callback = popCallback(streams_list)
    called = False

    def once(*args: Any) -> None:
        nonlocal called
        if called:
            return
        called = True
        jscall(callback, *args)

    return pipelineImpl(streams_list, once)


def _isIterable(obj: Any, isAsync: bool | None = None) -> bool:
    """``isIterable`` as JS sees it: a dict is a plain object, not an iterable."""
    return not isinstance(obj, dict) and isIterable(obj, isAsync)


def makeAsyncIterable(val: Any) -> Any:
    if _isIterable(val, True):
        return val
    if _isIterable(val):
        return fromSyncIterable(val)  # JS's for await takes a sync iterable; Python's not
    if isReadableNodeStream(val):
        return fromReadable(val)  # legacy streams are not iterable
    raise ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable"], val)


async def fromSyncIterable(val: Any) -> AsyncIterator[Any]:
    for value in val:
        yield await Promise.resolve(value) if isThenable(value) else value


async def fromReadable(val: Any) -> AsyncIterator[Any]:
    from .readable import Readable
    async for chunk in Readable.__aiter__(val):
        yield chunk


async def pumpToNode(iterable: Any, writable: Any, finish: Callable[..., Any],
                     end: bool) -> None:
    """Write each value of ``iterable`` into ``writable``, waiting for ``'drain'`` when
    ``write`` returns False; ``end()`` it at the end (with ``end``), then ``finish()``."""
    error: Any = None
    onresolve: Callable[[], None] | None = None

    def resume(err: Any = None) -> None:
        nonlocal error, onresolve
        if err:
            error = err
        if onresolve is not None:
            callback, onresolve = onresolve, None
            callback()

    def wait() -> Promise[Any]:
        def executor(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
            nonlocal onresolve
            if error:
                reject(error)
            else:
                onresolve = lambda: reject(error) if error else resolve(None)  # noqa: E731
        return Promise(executor)

    writable.on("drain", resume)
    cleanup = eos(writable, {"readable": False}, resume)
    try:
        if getattr(writable, "writableNeedDrain", False):
            await wait()
        if hasattr(iterable, "__aiter__"):
            async for chunk in iterable:
                if not writable.write(chunk):
                    await wait()
        else:
            for chunk in iterable:
                if not writable.write(chunk):
                    await wait()
        if end:
            writable.end()
            await wait()
        finish()
    except Exception as err:  # noqa: BLE001 - reported to the pipeline
        finish(destroyImpl.aggregateTwoErrors(error, err) if error is not err else err)
    finally:
        cleanup()
        writable.off("drain", resume)


def pipelineImpl(streams: list[Any], callback: Callable[..., Any],
                 opts: dict[str, Any] | None = None) -> Any:
    if len(streams) == 1 and isinstance(streams[0], (list, tuple)):
        streams = list(streams[0])
    if len(streams) < 2:
        raise ERR_MISSING_ARGS("streams")

    ac = AbortController()
    signal = ac.signal
    outerSignal = (opts or {}).get("signal")
    # Need to clean up the listeners when the last stream is readable (nodejs/node#35452).
    lastStreamCleanup: list[Callable[[], None]] = []
    validateAbortSignal(outerSignal, "options.signal")

    def abort(*args: Any) -> None:
        finishImpl(AbortError(cause=getattr(outerSignal, "reason", None)), False)

    disposable: Callable[[], None] | None = None
    if outerSignal is not None:
        disposable = addAbortListener(outerSignal, abort)

    error: Any = None
    value: Any = None
    destroys: list[Callable[[Any], None]] = []
    finishCount = 0

    def finish(err: Any = None) -> None:
        nonlocal finishCount
        finishCount -= 1
        finishImpl(err, finishCount == 0)

    def finishImpl(err: Any, final: bool) -> None:
        nonlocal error, disposable
        if err and (not error or getattr(error, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"):
            error = err
        if not error and not final:
            return
        while destroys:
            destroys.pop(0)(error)
        if disposable is not None:
            disposable()
            disposable = None
        ac.abort()
        if final:
            if not error:
                for fn in lastStreamCleanup:
                    fn()
            nextTick(callback, error, value)

    ret: Any = None
    for i, stream in enumerate(streams):
        reading = i < len(streams) - 1
        writing = i > 0
        end = reading or (opts or {}).get("end") is not False
        isLastStream = i == len(streams) - 1

        if isNodeStream(stream):
            if end:
                destroy, cleanup = destroyer(stream, reading, writing)
                destroys.append(destroy)
                if isReadable(stream) and isLastStream:
                    lastStreamCleanup.append(cleanup)

            def onError(err: Any, stream: Any = stream) -> None:
                # Catch errors that happen after the pipe has completed.
                if err and getattr(err, "name", None) != "AbortError" \
                        and getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE":
                    finish(err)

            stream.on("error", onError)
            if isReadable(stream) and isLastStream:
                def removeOnError(stream: Any = stream, onError: Any = onError) -> None:
                    stream.removeListener("error", onError)
                lastStreamCleanup.append(removeOnError)

        isFunction = callable(stream) and not isNodeStream(stream)
        if i == 0:
            if isFunction:
                ret = jscall(stream, {"signal": signal})
                if not _isIterable(ret):
                    raise ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or Stream",
                                                   "source", ret)
            elif _isIterable(stream) or isReadableNodeStream(stream):
                ret = stream
            else:
                from .duplex import Duplex
                ret = Duplex.from_(stream)
        elif isFunction:
            ret = makeAsyncIterable(ret)
            ret = jscall(stream, ret, {"signal": signal})
            if reading:
                if not _isIterable(ret, True):
                    raise ERR_INVALID_RETURN_VALUE("AsyncIterable", f"transform[{i - 1}]", ret)
            else:
                # The last stage is no stream: a PassThrough stands for it, so that
                # pipeline() always returns a stream.
                from .passthrough import PassThrough
                pt = PassThrough({"objectMode": True})
                if isThenable(ret):
                    finishCount += 1

                    def onvalue(val: Any, pt: Any = pt, end: bool = end) -> None:
                        nonlocal value
                        value = val
                        if val is not None:
                            pt.write(val)
                        if end:
                            pt.end()
                        nextTick(finish)

                    def onerror(err: Any, pt: Any = pt) -> None:
                        pt.destroy(err)
                        nextTick(finish, err)

                    Promise.resolve(ret).then(onvalue, onerror)
                elif _isIterable(ret, True):
                    finishCount += 1
                    Promise.resolve(pumpToNode(ret, pt, finish, end))
                else:
                    raise ERR_INVALID_RETURN_VALUE("AsyncIterable or Promise", "destination",
                                                   ret)
                ret = pt
                destroy, cleanup = destroyer(ret, False, True)
                destroys.append(destroy)
                if isLastStream:
                    lastStreamCleanup.append(cleanup)
        elif isNodeStream(stream):
            if isReadableNodeStream(ret):
                finishCount += 2
                cleanup = pipe(ret, stream, finish, end)
                if isReadable(stream) and isLastStream:
                    lastStreamCleanup.append(cleanup)
            elif _isIterable(ret):
                finishCount += 1
                Promise.resolve(pumpToNode(ret, stream, finish, end))
            else:
                raise ERR_INVALID_ARG_TYPE(
                    "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream",
                            "TransformStream"], ret)
            ret = stream
        else:
            from .duplex import Duplex
            ret = Duplex.from_(stream)

    if signal.aborted or (outerSignal is not None and outerSignal.aborted):
        nextTick(abort)
    return ret


def pipe(src: Any, dst: Any, finish: Callable[..., Any], end: bool) -> Callable[[], None]:
    ended = False

    def ondstclose(*args: Any) -> None:
        if not ended:
            # The destination closed before the source completed.
            finish(ERR_STREAM_PREMATURE_CLOSE())

    dst.on("close", ondstclose)
    src.pipe(dst, {"end": False})  # with end, our own listener ends dst

    if end:
        def endFn(*args: Any) -> None:
            nonlocal ended
            ended = True
            dst.end()

        if isReadableFinished(src):
            nextTick(endFn)
        else:
            src.once("end", endFn)
    else:
        finish()

    def onsrc(err: Any = None) -> None:
        rState = getattr(src, "_readableState", None)
        if (err and getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
                and rState is not None and rState.ended and not rState.errored
                and not rState.errorEmitted):
            # Some streams emit 'close' before 'end'; 'end' is still due since the
            # source ended without error.
            src.once("end", finish).once("error", finish)
        else:
            finish(err)

    eos(src, {"readable": True, "writable": False}, onsrc)
    return eos(dst, {"readable": False, "writable": True}, finish)
