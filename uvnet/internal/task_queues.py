"""The next-tick and microtask queues (Node's ``lib/internal/process/task_queues.js``).

Node drains both in ``processTicksAndRejections``: the ``nextTick`` callbacks in FIFO
order (including ticks queued by ticks), then the microtasks (promise reactions and
``queueMicrotask`` callbacks, including those they queue), again while either has work,
and then the promise rejections nobody handled (``processPromiseRejections``). It runs at
the start of ``uvnet.run()``, after every callback libuv makes into Python, and between
timers and between immediates.

A callback that raises leaves the rest of both queues in place for the next drain point.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

from .errors import ERR_INVALID_ARG_TYPE
from .jscall import call_adapted, started

# How the two queues share one test. Every drain point tests ``if _queue:`` (the tick
# queue) and nothing else. When there are microtasks (or rejections to process) to run,
# the tick queue holds one mark, ``_kRunMicrotasks``, a tick like any other: run with
# ticks still behind it, it goes to the back, so it runs when the ticks are drained, as
# Node's runMicrotasks() does after the tick loop. ``_marked`` says the mark is queued or
# the microtasks are being drained (either way, a microtask queued now will run).
_queue: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
# Jobs are (function, argument): run as function(argument).
_microtasks: deque[tuple[Callable[[Any], Any], Any]] = deque()
_marked = False
# processPromiseRejections, set by uvnet.internal.promise (it imports this module).
processPromiseRejections: Callable[[], bool] = lambda: False  # noqa: E731
hasRejectionToWarn: Callable[[], bool] = lambda: False  # noqa: E731


def nextTick(callback: Callable[..., Any] | None = None, *args: Any) -> None:
    """Call ``callback(*args)`` as soon as the current callback returns: before any
    further I/O, timer or immediate, and before promise reactions (microtasks) (Node's
    ``process.nextTick(callback[, ...args])``). Ticks run in the order they were queued,
    and a tick queued by a tick runs in the same round. Raises ``ERR_INVALID_ARG_TYPE``
    when ``callback`` is not callable.
    """
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)
    _queue.append((callback, args))


def hasTickScheduled() -> bool:
    """Whether ``nextTick`` callbacks wait to run (the microtask mark is no tick)."""
    return len(_queue) > (1 if _marked and any(t is _kRunMicrotasks for t in _queue) else 0)


def enqueueMicrotask(job: Callable[[Any], Any], arg: Any) -> None:
    """Queue ``job(arg)`` as a microtask (V8's ``EnqueueMicrotask``), for uvnet's own jobs.

    ``job`` is called as is (no argument rule) and must not raise unless the error is
    an uncaught exception (as ``queueMicrotask``'s callbacks are).
    """
    global _marked
    _microtasks.append((job, arg))
    if not _marked:
        _marked = True
        _queue.append(_kRunMicrotasks)


def scheduleMicrotasks() -> None:
    """Make the next drain point run the microtasks and ``processPromiseRejections``
    (queue the mark; for rejections, Node's ``setHasRejectionToWarn(true)``)."""
    global _marked
    if not _marked:
        _marked = True
        _queue.append(_kRunMicrotasks)


def _runMicrotask(callback: Callable[..., Any]) -> None:
    """Node's ``runMicrotask``: a raise is an uncaught exception, at once."""
    try:
        try:
            result = callback()
        except TypeError as exc:  # JavaScript's argument rule: queueMicrotask(lambda x: ...)
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            result = call_adapted(callback, (), exc)
    except Exception as exc:  # noqa: BLE001 - uncaught, as in Node
        from .process import triggerUncaughtException  # (process imports this module)

        triggerUncaughtException(exc)
    if result is not None:
        started(result)


def queueMicrotask(callback: Callable[[], Any]) -> None:
    """Queue ``callback()`` as a microtask: it runs after the ``nextTick`` callbacks, with
    the promise reactions, in FIFO order, before any further I/O, timer or immediate.

    Node's ``queueMicrotask``; a callback that raises is an uncaught exception (it
    propagates out of ``uvnet.run()``, or goes to ``'uncaughtException'`` listeners).
    Raises ``ERR_INVALID_ARG_TYPE`` if ``callback`` is not callable.
    """
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)
    enqueueMicrotask(_runMicrotask, callback)


def runMicrotasks() -> None:
    """Run every queued microtask, including those they queue (V8's checkpoint)."""
    queue = _microtasks
    popleft = queue.popleft
    while queue:
        job, arg = popleft()
        job(arg)


def _runMark() -> None:
    """The microtask mark's turn: Node's ``runMicrotasks()`` and rejections step."""
    global _marked
    if _queue:  # ticks first: they were queued after the mark
        _queue.append(_kRunMicrotasks)
        return
    try:
        runMicrotasks()
    finally:
        _marked = False
        if _microtasks:  # one raised: the rest run at the next drain point
            scheduleMicrotasks()
    if hasRejectionToWarn():
        if _queue:  # ticks queued by microtasks come before the rejections
            scheduleMicrotasks()
        else:
            processPromiseRejections()


_kRunMicrotasks: tuple[Callable[..., Any], tuple[Any, ...]] = (_runMark, ())


def processTicks() -> None:
    """Drain ticks, microtasks and rejections until all are empty
    (``processTicksAndRejections``)."""
    queue = _queue
    popleft = queue.popleft
    while queue:
        callback, args = popleft()
        try:
            result = callback(*args)
        except TypeError as exc:  # JavaScript's argument rule, as in EventEmitter.emit
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            result = call_adapted(callback, args, exc)
        if result is not None:  # an async def tick callback (jscall's rule)
            started(result)


processTicksAndRejections = processTicks


def resetQueues() -> None:
    """Forget every queued tick, microtask and rejection (for test fixtures)."""
    global _marked
    _queue.clear()
    _microtasks.clear()
    _marked = False
