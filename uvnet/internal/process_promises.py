"""Unhandled promise rejections (Node's ``lib/internal/process/promises.js``), in Node 20's
default ``--unhandled-rejections=throw`` mode.

A Promise rejected while it has no handler is *maybe unhandled*; a handler added later
takes it back. After the tick and microtask queues are drained
(``processTicksAndRejections``), every rejection still unhandled is reported: to
``process``'s ``'unhandledRejection'`` listeners ``(reason, promise)`` if there are any,
else as an uncaught exception: the reason itself if it is an exception, else an
``UnhandledPromiseRejection`` error (code ``ERR_UNHANDLED_REJECTION``). A rejection that
was reported and is then handled emits ``'rejectionHandled'`` ``(promise)`` (or, with no
listener, warns ``PromiseRejectionHandledWarning``).
"""

from __future__ import annotations

import warnings
import weakref
from collections import deque
from typing import Any, Callable

from . import task_queues
from .errors import NodeError


class UnhandledPromiseRejection(NodeError):
    """What a rejection with a reason that is not an exception throws when unhandled."""

    code = "ERR_UNHANDLED_REJECTION"
    name = "UnhandledPromiseRejection"

    def _format(self, *args: Any) -> str:
        return ("This error originated either by throwing inside of an async function "
                "without a catch block, or by rejecting a promise which was not handled "
                "with .catch(). The promise rejected with the reason "
                f'"{noSideEffectsToString(args[0] if args else None)}".')


class PromiseRejectionHandledWarning(RuntimeWarning):
    """Warned when a reported rejection is handled and ``'rejectionHandled'`` has no
    listener."""

    name = "PromiseRejectionHandledWarning"


def noSideEffectsToString(value: Any) -> str:
    """V8's ``NoSideEffectsToString``, how its messages show a value: ``undefined``,
    ``true``, ``1``, ``x``, ``[object Array]``, ``#<Object>`` (a dict), ``#<TypeName>``."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[object Array]"
    return f"#<{'Object' if isinstance(value, dict) else type(value).__name__}>"


class _Info:
    __slots__ = ("reason", "uid", "warned")

    def __init__(self, reason: Any, uid: int) -> None:
        self.reason = reason
        self.uid = uid
        self.warned = False


_maybeUnhandledPromises: weakref.WeakKeyDictionary[Any, _Info] = weakref.WeakKeyDictionary()
_pendingUnhandledRejections: deque[Any] = deque()
_asyncHandledRejections: deque[tuple[Any, PromiseRejectionHandledWarning]] = deque()
_lastPromiseId = 0

# How reports reach ``process`` (set by uvnet.process): emit(event, *args) -> bool.
processEmit: Callable[..., bool] = lambda event, *args: False  # noqa: E731


def unhandledRejection(promise: Any, reason: Any) -> None:
    """V8 rejected ``promise`` with no handler (``kPromiseRejectWithNoHandler``)."""
    global _lastPromiseId
    _lastPromiseId += 1
    _maybeUnhandledPromises[promise] = _Info(reason, _lastPromiseId)
    _pendingUnhandledRejections.append(promise)
    task_queues.scheduleMicrotasks()


def handledRejection(promise: Any) -> None:
    """A handler was added to the rejected ``promise`` (``kPromiseHandlerAddedAfterReject``)."""
    info = _maybeUnhandledPromises.pop(promise, None)
    if info is not None and info.warned:
        warning = PromiseRejectionHandledWarning(
            f"Promise rejection was handled asynchronously (rejection id: {info.uid})")
        _asyncHandledRejections.append((promise, warning))
        task_queues.scheduleMicrotasks()


def hasRejectionToWarn() -> bool:
    return bool(_pendingUnhandledRejections or _asyncHandledRejections)


def processPromiseRejections() -> bool:
    """Report what became of the rejections since the last call (see the module
    docstring). An unhandled one with no listener is an uncaught exception (origin
    ``'unhandledRejection'``), which unwinds the drain; the rest wait for the next
    drain point. True if anything was emitted."""
    emitted = bool(_asyncHandledRejections)
    while _asyncHandledRejections:
        promise, warning = _asyncHandledRejections.popleft()
        if not processEmit("rejectionHandled", promise):
            warnings.warn(warning, stacklevel=2)
    n = len(_pendingUnhandledRejections)
    try:
        while n:
            n -= 1
            promise = _pendingUnhandledRejections.popleft()
            info = _maybeUnhandledPromises.get(promise)
            if info is None:
                continue
            info.warned = True
            reason = info.reason
            if not processEmit("unhandledRejection", reason, promise):
                from .process import triggerUncaughtException  # (it imports this module)

                triggerUncaughtException(
                    reason if isinstance(reason, BaseException)
                    else UnhandledPromiseRejection(reason), True)
            emitted = True
    finally:
        if _pendingUnhandledRejections:
            task_queues.scheduleMicrotasks()
    return emitted


task_queues.processPromiseRejections = processPromiseRejections
task_queues.hasRejectionToWarn = hasRejectionToWarn


def resetRejections() -> None:
    """Forget every tracked rejection (for test fixtures)."""
    _maybeUnhandledPromises.clear()
    _pendingUnhandledRejections.clear()
    _asyncHandledRejections.clear()
