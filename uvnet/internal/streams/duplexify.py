"""``Duplex.from(body)`` (Node's ``lib/internal/streams/duplexify.js``).

``body`` may be a Duplex (returned as is); a Readable or a Writable (the other side of the
result is disabled); a ``{'readable': r, 'writable': w}`` dict (one Duplex over both); an
iterable or async iterable (a read-only object-mode Duplex, as ``Readable.from``); an
async generator function ``fn(source, {'signal'})`` (what is written to the Duplex is
``source``, what ``fn`` yields is read from it; an ``async def`` that returns nothing makes
a write-only Duplex); or a Promise/coroutine (its value, unless None, is the one chunk
read). Anything else is ``ERR_INVALID_ARG_TYPE``.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from typing import Any, Callable

from ...abort_controller import AbortController
from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE, AbortError
from ..jscall import jscall
from ..promise import Promise, createDeferredPromise
from ..task_queues import nextTick
from .destroy import destroyer
from .duplex import Duplex
from .end_of_stream import eos
from .from_iterable import from_iterable, isThenable
from .readable import Readable
from .utils import (
    isDuplexNodeStream,
    isIterable,
    isNodeStream,
    isReadable,
    isReadableNodeStream,
    isWritable,
    isWritableNodeStream,
)


class Duplexify(Duplex):
    """The class of the Duplex streams ``Duplex.from`` makes."""


_UNSET: Any = object()


def _isIterable(body: Any) -> bool:
    return not isinstance(body, dict) and isIterable(body)


def duplexify(body: Any, name: str = "body") -> Any:
    if isDuplexNodeStream(body):
        return body
    if isReadableNodeStream(body):
        return _duplexify(body, None)
    if isWritableNodeStream(body):
        return _duplexify(None, body)
    if isNodeStream(body):
        return _duplexify(None, None)
    if callable(body):
        value, write, final, destroy = fromAsyncGen(body)
        if isDuplexNodeStream(value):
            return value
        if _isIterable(value):
            return from_iterable(Duplexify, value, {"objectMode": True, "write": write,
                                                    "final": final, "destroy": destroy})
        if isThenable(value):
            d: Any = None

            def onvalue(val: Any) -> None:
                if val is not None:
                    raise ERR_INVALID_RETURN_VALUE("nully", "body", val)

            promise = Promise.resolve(value).then(onvalue, lambda err: destroyer(d, err))

            def final_(cb: Callable[..., Any]) -> None:
                async def done() -> None:
                    try:
                        await promise
                        nextTick(cb, None)
                    except Exception as err:  # noqa: BLE001 - handed to the callback
                        nextTick(cb, err)
                final(done)

            d = Duplexify({"objectMode": True, "readable": False, "write": write,
                           "final": final_, "destroy": destroy})
            return d
        raise ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or AsyncFunction", name, value)
    if isinstance(body, (str, bytes)) or _isIterable(body):
        return from_iterable(Duplexify, body, {"objectMode": True, "writable": False})
    if isinstance(body, dict) and ("readable" in body or "writable" in body):
        r = body.get("readable")
        w = body.get("writable")
        readable = (r if isReadableNodeStream(r) else duplexify(r)) if r else None
        writable = (w if isWritableNodeStream(w) else duplexify(w)) if w else None
        return _duplexify(readable, writable)
    if isThenable(body):
        d2 = Duplexify({"objectMode": True, "writable": False, "read": lambda n: None})

        def onvalue2(val: Any) -> None:
            if val is not None:
                d2.push(val)
            d2.push(None)
        Promise.resolve(body).then(onvalue2, lambda err: destroyer(d2, err))
        return d2
    raise ERR_INVALID_ARG_TYPE(
        name, ["Blob", "ReadableStream", "WritableStream", "Stream", "Iterable",
               "AsyncIterable", "Function", "{ readable, writable } pair", "Promise"], body)


def fromAsyncGen(fn: Callable[..., Any]) -> tuple[Any, Callable[..., None],
                                                  Callable[..., None], Callable[..., None]]:
    """Call ``fn(source, {'signal'})`` with ``source`` an async generator of what is
    written; returns its value and the Duplex's write, final and destroy hooks."""
    deferred = createDeferredPromise()
    box: dict[str, Any] = {"promise": deferred[0], "resolve": deferred[1]}
    ac = AbortController()
    signal = ac.signal

    async def source() -> AsyncIterator[Any]:
        while True:
            promise, box["promise"] = box["promise"], None
            item = await promise
            nextTick(item["cb"])
            if item["done"]:
                return
            if signal.aborted:
                raise AbortError(cause=signal.reason)
            box["promise"], box["resolve"] = createDeferredPromise()[:2]
            yield item["chunk"]

    value = jscall(fn, source(), {"signal": signal})
    if inspect.iscoroutine(value):
        value = Promise.resolve(value)  # started now, as the JS call of an async function

    def write(chunk: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        resolve, box["resolve"] = box["resolve"], None
        resolve({"chunk": chunk, "done": False, "cb": cb})

    def final(cb: Callable[..., Any]) -> None:
        resolve, box["resolve"] = box["resolve"], None
        resolve({"done": True, "cb": cb})

    def destroy(err: Any, cb: Callable[..., Any]) -> None:
        ac.abort()
        cb(err)

    return value, write, final, destroy


def _duplexify(r: Any, w: Any) -> Duplexify:
    if r is not None and not callable(getattr(r, "read", None)):
        r = Readable({"objectMode": True}).wrap(r)
    readable = bool(isReadable(r))
    writable = bool(isWritable(w))
    ondrain: Callable[..., Any] | None = None
    onfinish: Callable[..., Any] | None = None
    onreadable: Callable[..., Any] | None = None
    # undefined until a side finished (then None), or the pending _destroy's callback
    onclose: Any = _UNSET

    def onfinished(err: Any = None) -> None:
        nonlocal onclose
        cb, onclose = onclose, None
        if cb is not None and cb is not _UNSET:
            cb(err)
        elif err:
            d.destroy(err)

    d = Duplexify({"readableObjectMode": bool(getattr(r, "readableObjectMode", False)),
                   "writableObjectMode": bool(getattr(w, "writableObjectMode", False)),
                   "readable": readable, "writable": writable})

    if writable:
        def onwfinished(err: Any = None) -> None:
            nonlocal writable
            writable = False
            if err:
                destroyer(r, err)
            onfinished(err)
        eos(w, onwfinished)

        def _write(chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
            nonlocal ondrain
            if w.write(chunk, encoding):
                callback()
            else:
                ondrain = callback

        def _final(callback: Callable[..., Any]) -> None:
            nonlocal onfinish
            w.end()
            onfinish = callback

        def on_drain(*args: Any) -> None:
            nonlocal ondrain
            if ondrain is not None:
                cb, ondrain = ondrain, None
                cb()

        def on_finish(*args: Any) -> None:
            nonlocal onfinish
            if onfinish is not None:
                cb, onfinish = onfinish, None
                cb()
        d._write = _write  # type: ignore[method-assign,assignment]
        d._final = _final
        w.on("drain", on_drain)
        w.on("finish", on_finish)

    if readable:
        def onrfinished(err: Any = None) -> None:
            nonlocal readable
            readable = False
            if err:
                destroyer(r, err)
            onfinished(err)
        eos(r, onrfinished)

        def on_readable(*args: Any) -> None:
            nonlocal onreadable
            if onreadable is not None:
                cb, onreadable = onreadable, None
                cb()

        def _read(n: int = 0) -> None:
            nonlocal onreadable
            while True:
                buf = r.read()
                if buf is None:
                    onreadable = _read
                    return
                if not d.push(buf):
                    return
        r.on("readable", on_readable)
        r.on("end", lambda *a: d.push(None))
        d._read = _read  # type: ignore[method-assign]

    def _destroy(err: Any, callback: Callable[..., Any]) -> None:
        nonlocal onreadable, ondrain, onfinish, onclose
        if not err and onclose is not None:
            err = AbortError()
        onreadable = ondrain = onfinish = None
        if onclose is None:
            callback(err)
        else:
            onclose = callback
            destroyer(w, err)
            destroyer(r, err)
    d._destroy = _destroy  # type: ignore[method-assign,assignment]
    return d
