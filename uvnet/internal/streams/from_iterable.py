"""``Readable.from(iterable[, options])`` (Node's ``lib/internal/streams/from.js``).

An object-mode Readable (``highWaterMark`` 1 unless overridden) that pulls the next value
from the iterator on each ``_read``, synchronously, as Node does for a sync iterable of
plain values. A ``str`` or ``bytes`` is pushed whole, not iterated. ``None`` values fail
with ``ERR_STREAM_NULL_VALUES``; destroying the stream closes a generator.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from ..errors import ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES
from ..task_queues import hasTickScheduled, nextTick

_microtasks: deque[tuple[Any, tuple[Any, ...]]] = deque()
_checking = False


def _drainMicrotasks() -> None:
    global _checking
    if hasTickScheduled():
        nextTick(_drainMicrotasks)
        return
    _checking = False
    while _microtasks:
        fn, args = _microtasks.popleft()
        fn(*args)


def _whenTicksDrained(fn: Any, *args: Any) -> None:
    """Run ``fn`` at the first moment the tick queue is empty: where Node runs the
    microtasks of its promise-based iterator closing (uvnet has no microtask queue)."""
    global _checking
    _microtasks.append((fn, args))
    if not _checking:
        _checking = True
        nextTick(_drainMicrotasks)


def from_iterable(Readable: Any, iterable: Any, opts: dict[str, Any] | None) -> Any:
    if isinstance(iterable, (str, bytes)):
        def read_whole(n: int) -> None:
            readable.push(iterable)
            readable.push(None)
        readable = Readable({"objectMode": True, **(opts or {}), "read": read_whole})
        return readable

    if iterable is None or not hasattr(iterable, "__iter__"):
        raise ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable)
    iterator = iter(iterable)

    readable = Readable({"objectMode": True, "highWaterMark": 1, **(opts or {})})
    # Guards against a _read before the previous iteration completed.
    reading = False

    def _read(n: int = 0) -> None:
        nonlocal reading
        if not reading:
            reading = True
            nextSyncWithSyncValues()

    def nextSyncWithSyncValues() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
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

    def _destroy(error: Any, cb: Any) -> None:
        # Node closes the iterator in an async function and calls back on a tick after it.
        _whenTicksDrained(_close, error, cb)

    def _close(error: Any, cb: Any) -> None:
        try:
            close = getattr(iterator, "close", None)
            if error is not None and hasattr(iterator, "throw"):
                try:
                    iterator.throw(error)
                except BaseException:  # noqa: BLE001
                    pass
            if callable(close):
                close()
        except Exception as e:  # noqa: BLE001
            nextTick(cb, e or error)
            return
        nextTick(cb, error)

    readable._read = _read
    readable._destroy = _destroy
    return readable
