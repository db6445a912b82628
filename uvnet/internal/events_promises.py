"""``events.once`` and ``events.on``: the promise half of Node's ``lib/events.js``.

``once(emitter, name)`` is a :class:`uvnet.Promise` of the next ``name`` event's
arguments (a list), rejected by an ``'error'`` event first; ``on(emitter, name)`` is an
async iterator of every ``name`` event's arguments. Both take ``signal=`` (an
``AbortSignal``: abort rejects with an ``AbortError``) and work with an ``EventEmitter``
or an event target such as :class:`uvnet.AbortSignal`, as Node's do.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from typing import Any, Callable

from .errors import ERR_INVALID_ARG_TYPE, AbortError
from .promise import Promise
from .streams.add_abort_signal import addAbortListener
from .validators import validateAbortSignal, validateInteger

_MAX_SAFE_INTEGER = 2**53 - 1


def _options(options: dict[str, Any] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    if kwargs:
        return {**(options or {}), **kwargs}
    return options or {}


def eventTargetAgnosticAddListener(emitter: Any, name: Hashable, listener: Callable[..., Any],
                                   once: bool = False) -> None:
    if callable(getattr(emitter, "on", None)):
        if once:
            emitter.once(name, listener)
        else:
            emitter.on(name, listener)
    elif callable(getattr(emitter, "addEventListener", None)):
        emitter.addEventListener(name, listener, {"once": once})
    else:
        raise ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter)


def eventTargetAgnosticRemoveListener(emitter: Any, name: Hashable,
                                      listener: Callable[..., Any]) -> None:
    if callable(getattr(emitter, "removeListener", None)):
        emitter.removeListener(name, listener)
    elif callable(getattr(emitter, "removeEventListener", None)):
        emitter.removeEventListener(name, listener)
    else:
        raise ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter)


def once(emitter: Any, name: Hashable, options: dict[str, Any] | None = None,
         **kwargs: Any) -> Promise[Any]:
    """Node's ``events.once(emitter, name[, {signal}])``: a Promise of the arguments of the
    next ``name`` event, as a list.

    An ``'error'`` event before it rejects the Promise with its error (for an
    ``EventEmitter``; ``name == 'error'`` resolves with it instead). Either way both
    listeners are removed. An aborted ``signal`` rejects with an ``AbortError`` whose
    ``cause`` is the signal's reason (at once, if it is aborted already).
    """
    # Node's once is an async function: a bad argument rejects, it does not throw.
    return Promise.resolve(_once(emitter, name, _options(options, kwargs)))


async def _once(emitter: Any, name: Hashable, opts: dict[str, Any]) -> Any:
    signal = opts.get("signal")
    validateAbortSignal(signal, "options.signal")
    if signal is not None and signal.aborted:
        raise AbortError(cause=signal.reason)

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        def errorListener(err: Any = None) -> None:
            emitter.removeListener(name, resolver)
            if signal is not None:
                eventTargetAgnosticRemoveListener(signal, "abort", abortListener)
            reject(err)

        def resolver(*args: Any) -> None:
            if callable(getattr(emitter, "removeListener", None)):
                emitter.removeListener("error", errorListener)
            if signal is not None:
                eventTargetAgnosticRemoveListener(signal, "abort", abortListener)
            resolve(list(args))

        def abortListener(*args: Any) -> None:
            eventTargetAgnosticRemoveListener(emitter, name, resolver)
            eventTargetAgnosticRemoveListener(emitter, "error", errorListener)
            reject(AbortError(cause=getattr(signal, "reason", None)))

        eventTargetAgnosticAddListener(emitter, name, resolver, once=True)
        if name != "error" and callable(getattr(emitter, "once", None)):
            # Only an EventEmitter has 'error' semantics.
            emitter.once("error", errorListener)
        if signal is not None:
            eventTargetAgnosticAddListener(signal, "abort", abortListener, once=True)

    # ``return new Promise(...)``: the async function's Promise adopts it (V8's turns).
    return Promise(executor)


def _result(value: Any, done: bool) -> dict[str, Any]:
    """JS's iterator result ``{value, done}``."""
    return {"value": value, "done": done}


class _OnState:
    """What the listeners of one ``on()`` iterator share; the iterator object is a thin
    handle on it, so that dropping the iterator (a ``break`` out of ``async for``) closes
    it, as JS's ``for await`` calls ``return()``."""

    def __init__(self, emitter: Any, highWatermark: int, lowWatermark: int) -> None:
        self.emitter = emitter
        self.high = highWatermark
        self.low = lowWatermark
        self.unconsumedEvents: deque[Any] = deque()
        self.unconsumedPromises: deque[tuple[Callable[[Any], None],
                                             Callable[[Any], None]]] = deque()
        self.paused = False
        self.error: Any = None
        self.finished = False
        self.listeners: list[tuple[Any, Hashable, Callable[..., Any]]] = []
        self.disposeAbort: Callable[[], None] | None = None

    def addEventListener(self, emitter: Any, event: Hashable,
                         handler: Callable[..., Any]) -> None:
        eventTargetAgnosticAddListener(emitter, event, handler)
        self.listeners.append((emitter, event, handler))

    def removeAll(self) -> None:
        while self.listeners:
            eventTargetAgnosticRemoveListener(*self.listeners.pop())

    def eventHandler(self, *args: Any) -> None:
        value = list(args)
        if not self.unconsumedPromises:
            self.unconsumedEvents.append(value)
            if not self.paused and len(self.unconsumedEvents) > self.high:
                self.paused = True
                self.emitter.pause()
        else:
            self.unconsumedPromises.popleft()[0](_result(value, False))

    def errorHandler(self, err: Any = None) -> None:
        if not self.unconsumedPromises:
            self.error = err
        else:
            self.unconsumedPromises.popleft()[1](err)
        self.closeHandler()

    def abortListener(self, signal: Any) -> None:
        self.errorHandler(AbortError(cause=getattr(signal, "reason", None)))

    def closeHandler(self, *args: Any) -> Promise[Any]:
        if self.disposeAbort is not None:
            self.disposeAbort()
            self.disposeAbort = None
        self.removeAll()
        self.finished = True
        while self.unconsumedPromises:
            self.unconsumedPromises.popleft()[0](_result(None, True))
        return Promise.resolve(_result(None, True))

    def next(self) -> Promise[Any]:
        if self.unconsumedEvents:
            value = self.unconsumedEvents.popleft()
            if self.paused and len(self.unconsumedEvents) < self.low:
                self.emitter.resume()
                self.paused = False
            return Promise.resolve(_result(value, False))
        if self.error:
            p = Promise.reject(self.error)
            self.error = None  # only the first next() after an 'error' rejects
            return p
        if self.finished:
            return self.closeHandler()
        return Promise(lambda resolve, reject: self.unconsumedPromises.append((resolve, reject)))


class EventIterator:
    """The async iterator :func:`on` returns: ``async for args in on(ee, 'x')``.

    It has JS's iterator methods too: ``next()`` (a Promise of ``{'value', 'done'}``),
    ``return_()`` (JS's ``return()``: stops listening) and ``throw(err)``; ``aclose()`` is
    ``return_()`` for Python code. Leaving an ``async for`` early (``break``, an exception)
    stops listening as JS's ``return()`` does, when the loop held the only reference to
    the iterator; for one kept in a variable, ``await it.aclose()``.
    """

    def __init__(self, state: _OnState) -> None:
        self._state = state

    def __aiter__(self) -> EventIterator:
        return self

    async def __anext__(self) -> Any:
        result = await self._state.next()
        if result["done"]:
            raise StopAsyncIteration
        return result["value"]

    def next(self) -> Promise[Any]:
        """JS's ``iterator.next()``: a Promise of ``{'value': args, 'done': False}``, or of
        ``{'value': None, 'done': True}`` once closed; rejected once by an ``'error'``."""
        return self._state.next()

    def return_(self) -> Promise[Any]:
        """JS's ``iterator.return()``: remove every listener, end pending ``next()`` calls."""
        return self._state.closeHandler()

    def aclose(self) -> Promise[Any]:
        return self._state.closeHandler()

    def throw(self, err: Any = None) -> None:
        """JS's ``iterator.throw(err)``: the next ``next()`` rejects with ``err``, then the
        iterator is closed. ``err`` must be an exception (``ERR_INVALID_ARG_TYPE``)."""
        if not isinstance(err, BaseException):
            raise ERR_INVALID_ARG_TYPE("EventEmitter.AsyncIterator", "Error", err)
        self._state.errorHandler(err)

    def __del__(self) -> None:
        state = self._state
        if not state.finished:
            state.closeHandler()


def on(emitter: Any, event: Hashable, options: dict[str, Any] | None = None,
       **kwargs: Any) -> EventIterator:
    """Node's ``events.on(emitter, event[, options])``: an async iterator of the
    arguments (a list) of every ``event`` emitted from now on, until it is closed.

    An ``'error'`` event makes the iteration raise it (after the events queued before it
    were consumed); ``signal=`` aborts it with an ``AbortError`` (raised at once by ``on``
    if the signal is already aborted); ``close=[names]`` ends the iteration at any of those
    events. ``highWaterMark``/``lowWaterMark`` pause and resume the emitter as the queue
    of unconsumed events grows and shrinks.
    """
    opts = _options(options, kwargs)
    signal = opts.get("signal")
    validateAbortSignal(signal, "options.signal")
    if signal is not None and signal.aborted:
        raise AbortError(cause=signal.reason)
    high = opts.get("highWaterMark")
    if high is None:
        high = opts.get("highWatermark")
    if high is None:
        high = _MAX_SAFE_INTEGER
    validateInteger(high, "options.highWaterMark", 1)
    low = opts.get("lowWaterMark")
    if low is None:
        low = opts.get("lowWatermark")
    if low is None:
        low = 1
    validateInteger(low, "options.lowWaterMark", 1)

    state = _OnState(emitter, high, low)
    state.addEventListener(emitter, event, state.eventHandler)
    if event != "error" and callable(getattr(emitter, "on", None)):
        state.addEventListener(emitter, "error", state.errorHandler)
    for name in opts.get("close") or ():
        state.addEventListener(emitter, name, state.closeHandler)
    if signal is not None:
        state.disposeAbort = addAbortListener(signal, lambda *a: state.abortListener(signal))
    return EventIterator(state)


__all__ = ["EventIterator", "on", "once"]
