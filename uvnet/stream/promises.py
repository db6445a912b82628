"""``require('stream/promises')``: ``pipeline`` and ``finished`` returning Promises.

``await pipeline(source, *stages, destination[, options])`` resolves when the last stage
finished (with the value of an ``async def`` destination) and rejects with the
pipeline's error; ``options`` (a trailing dict) takes ``signal`` and ``end``.
``await finished(stream[, options])`` resolves when the stream is done and rejects with
its error (``options`` as in ``uvnet.stream.finished``, plus ``cleanup=True`` to remove
its listeners once settled).
"""

from __future__ import annotations

from typing import Any, Callable

from ..internal.promise import Promise
from ..internal.streams.end_of_stream import eos
from ..internal.streams.pipeline import pipelineImpl
from ..internal.streams.utils import isNodeStream
from ..internal.validators import validateBoolean


def pipeline(*streams: Any, **options: Any) -> Promise[Any]:
    """Node's ``stream/promises`` ``pipeline(...streams[, options])``."""
    stages = list(streams)
    opts: dict[str, Any] = dict(options)
    last = stages[-1] if stages else None
    if isinstance(last, dict) and not isNodeStream(last):
        opts = {**stages.pop(), **opts}

    def executor(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        def done(err: Any = None, value: Any = None) -> None:
            if err:
                reject(err)
            else:
                resolve(value)
        pipelineImpl(stages, done, {"signal": opts.get("signal"), "end": opts.get("end")})

    return Promise(executor)


def finished(stream: Any, opts: dict[str, Any] | None = None, **kwargs: Any) -> Promise[Any]:
    """Node's ``stream/promises`` ``finished(stream[, options])``."""
    options: dict[str, Any] = {**(opts or {}), **kwargs}
    autoCleanup = False
    if options.get("cleanup"):
        validateBoolean(options["cleanup"], "cleanup")
        autoCleanup = True
    options.pop("cleanup", None)

    def executor(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        def callback(err: Any = None) -> None:
            if autoCleanup:
                cleanup()
            if err:
                reject(err)
            else:
                resolve(None)
        cleanup = eos(stream, options, callback)

    return Promise(executor)


__all__ = ["finished", "pipeline"]
