"""The next-tick queue (Node's ``lib/internal/process/task_queues.js``).

``nextTick`` callbacks run, in FIFO order and including ticks queued by ticks, whenever
:func:`processTicks` drains the queue: at the start of ``uvnet.run()``, after every
callback libuv makes into Python, and between timers and immediates. A callback that
raises leaves the rest of the queue in place for the next drain.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

from .errors import ERR_INVALID_ARG_TYPE
from .jscall import call_adapted

_queue: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()


def nextTick(callback: Callable[..., Any], *args: Any) -> None:
    """Call ``callback(*args)`` as soon as the current callback returns: before any
    further I/O, timer or immediate (Node's ``process.nextTick(callback[, ...args])``).
    Ticks run in the order they were queued, and a tick queued by a tick runs in the same
    round. Raises ``ERR_INVALID_ARG_TYPE`` when ``callback`` is not callable."""
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)
    _queue.append((callback, args))


def hasTickScheduled() -> bool:
    return bool(_queue)


def processTicks() -> None:
    """Run queued ticks until the queue is empty (``processTicksAndRejections``)."""
    queue = _queue
    popleft = queue.popleft
    while queue:
        callback, args = popleft()
        try:
            callback(*args)
        except TypeError as exc:  # JavaScript's argument rule, as in EventEmitter.emit
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            call_adapted(callback, args, exc)
