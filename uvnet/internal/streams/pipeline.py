"""``pipeline(...streams, callback)`` (Node's ``lib/internal/streams/pipeline.js``).

Pipes each stream into the next, destroys every stream when one fails (the first real
error wins over ``ERR_STREAM_PREMATURE_CLOSE``), and calls ``callback(err)`` on a tick once
the last stream has finished. Returns the last stream.

Python has no promises on uvnet's loop, so the async-generator and promise stages of
Node's pipeline are not supported; a source that is a (sync) iterable is turned into a
stream with ``Readable.from``.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
)
from ..jscall import jscall
from ..task_queues import nextTick
from ..validators import validateFunction
from . import destroy as destroyImpl
from .end_of_stream import eos
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
    """Pipe ``source`` through each transform into ``destination``, and call
    ``callback(err)`` once it is all done (Node's ``stream.pipeline(source,
    ...transforms, destination, callback)``); returns ``destination``.

    Unlike chained :meth:`Readable.pipe` calls, an error or a premature close of any
    stream destroys all of them, and ``callback`` gets that error (the first real one,
    before ``ERR_STREAM_PREMATURE_CLOSE``), or ``None`` when the last stream finished. A
    source may also be an iterable, made a stream with :meth:`Readable.from_`.

    Raises ``ERR_INVALID_ARG_TYPE`` when the last argument is not callable and
    ``ERR_MISSING_ARGS`` with fewer than two streams.
    """
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


def pipelineImpl(streams: list[Any], callback: Callable[..., Any],
                 opts: dict[str, Any] | None = None) -> Any:
    if len(streams) == 1 and isinstance(streams[0], (list, tuple)):
        streams = list(streams[0])
    if len(streams) < 2:
        raise ERR_MISSING_ARGS("streams")

    lastStreamCleanup: list[Callable[[], None]] = []
    error: Any = None
    destroys: list[Callable[[Any], None]] = []
    finishCount = 0

    def finish(err: Any = None) -> None:
        nonlocal finishCount
        finishCount -= 1
        finishImpl(err, finishCount == 0)

    def finishImpl(err: Any, final: bool) -> None:
        nonlocal error
        if err and (not error or getattr(error, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"):
            error = err
        if not error and not final:
            return
        while destroys:
            destroys.pop(0)(error)
        if final:
            if not error:
                for fn in lastStreamCleanup:
                    fn()
            nextTick(callback, error)

    ret: Any = None
    for i, stream in enumerate(streams):
        reading = i < len(streams) - 1
        writing = i > 0
        end = reading or (opts or {}).get("end") is not False
        isLastStream = i == len(streams) - 1

        if i == 0 and not isNodeStream(stream) and isIterable(stream) \
                and not isinstance(stream, (str, bytes, bytearray, dict)):
            from .readable import Readable
            stream = Readable.from_(stream)

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

        if i == 0:
            if not isReadableNodeStream(stream):
                raise ERR_INVALID_ARG_TYPE("source", ["Stream", "Iterable"], stream)
            ret = stream
        elif isNodeStream(stream):
            if isReadableNodeStream(ret):
                finishCount += 2
                cleanup = pipe(ret, stream, finish, end)
                if isReadable(stream) and isLastStream:
                    lastStreamCleanup.append(cleanup)
            else:
                raise ERR_INVALID_ARG_TYPE(
                    "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream",
                            "TransformStream"], ret)
            ret = stream
        else:
            raise ERR_INVALID_ARG_TYPE("stream", ["Stream"], stream)
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
