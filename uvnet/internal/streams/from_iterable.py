"""``Readable.from(iterable[, options])`` (Node's ``lib/internal/streams/from.js``).

An object-mode Readable (``highWaterMark`` 1 unless overridden) that pulls the next value
from the iterator on each ``_read``. A sync iterable of plain values is read synchronously;
once it yields a Promise (or a coroutine, or another thenable) each value is awaited; an
async iterable (an async generator, a stream, anything with ``__aiter__``) is awaited
value by value. A ``str`` or ``bytes`` is pushed whole, not iterated. ``None`` values fail
with ``ERR_STREAM_NULL_VALUES``. Destroying the stream closes the iterator as Node does:
``throw(err)`` into a generator when destroyed with an error, then ``return()``
(``athrow``/``aclose`` for an async generator, ``throw``/``close`` for a generator).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable

from ..errors import ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES
from ..promise import Promise
from ..task_queues import nextTick


def isThenable(value: Any) -> bool:
    """JS's ``value && typeof value.then === 'function'``, where a coroutine (the value
    of calling an ``async def``) counts as the Promise it stands for."""
    return (value is not None and (inspect.iscoroutine(value)
                                   or callable(getattr(value, "then", None))))


def from_iterable(Readable: Any, iterable: Any, opts: dict[str, Any] | None) -> Any:
    if isinstance(iterable, (str, bytes)):
        def read_whole(n: int) -> None:
            readable.push(iterable)
            readable.push(None)
        readable = Readable({"objectMode": True, **(opts or {}), "read": read_whole})
        return readable

    iterator: Any
    if iterable is not None and hasattr(iterable, "__aiter__"):
        isAsync = True
        iterator = iterable.__aiter__()
    elif iterable is not None and hasattr(iterable, "__iter__"):
        isAsync = False
        iterator = iter(iterable)
    else:
        raise ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable)

    readable = Readable({"objectMode": True, "highWaterMark": 1, **(opts or {})})
    # Guards against a _read before the previous iteration completed.
    reading = False
    isAsyncValues = False

    def _read(n: int = 0) -> None:
        nonlocal reading
        if not reading:
            reading = True
            if isAsync:
                Promise.resolve(nextAsync())
            elif isAsyncValues:
                Promise.resolve(nextSyncWithAsyncValues())
            else:
                nextSyncWithSyncValues()

    def _destroy(error: Any, cb: Callable[..., Any]) -> None:
        # nextTick in case cb throws, as in Node.
        Promise.resolve(close(error)).then(
            lambda _value: nextTick(cb, error),
            lambda e: nextTick(cb, e or error))

    async def close(error: Any) -> None:
        if isAsync:
            athrow = getattr(iterator, "athrow", None)
            if error is not None and callable(athrow):
                try:
                    await athrow(error)
                except StopAsyncIteration:
                    return  # done
            aclose = getattr(iterator, "aclose", None)
            if callable(aclose):
                await aclose()
            return
        throw = getattr(iterator, "throw", None)
        if error is not None and callable(throw):
            try:
                value = throw(error)
            except StopIteration:
                return  # done
            if isThenable(value):
                await Promise.resolve(value)
        close_ = getattr(iterator, "close", None)
        if callable(close_):
            close_()

    def nextSyncWithSyncValues() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return
                if isThenable(value):
                    Promise.resolve(changeToAsyncValues(value))
                    return
                if value is None:
                    reading = False
                    raise ERR_STREAM_NULL_VALUES()
                if readable.push(value):
                    continue
                reading = False
            except Exception as err:  # noqa: BLE001 - Node destroys with whatever was thrown
                readable.destroy(err)
            break

    async def changeToAsyncValues(value: Any) -> None:
        nonlocal reading, isAsyncValues
        isAsyncValues = True
        try:
            res = await Promise.resolve(value)
            if res is None:
                reading = False
                raise ERR_STREAM_NULL_VALUES()
            if readable.push(res):
                Promise.resolve(nextSyncWithAsyncValues())
                return
            reading = False
        except Exception as err:  # noqa: BLE001
            readable.destroy(err)

    async def nextSyncWithAsyncValues() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return
                res = await Promise.resolve(value) if isThenable(value) else value
                if res is None:
                    reading = False
                    raise ERR_STREAM_NULL_VALUES()
                if readable.push(res):
                    continue
                reading = False
            except Exception as err:  # noqa: BLE001
                readable.destroy(err)
            break

    async def nextAsync() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = await iterator.__anext__()
                except StopAsyncIteration:
                    readable.push(None)
                    return
                if value is None:
                    reading = False
                    raise ERR_STREAM_NULL_VALUES()
                if readable.push(value):
                    continue
                reading = False
            except Exception as err:  # noqa: BLE001
                readable.destroy(err)
            break

    readable._read = _read
    readable._destroy = _destroy
    return readable
