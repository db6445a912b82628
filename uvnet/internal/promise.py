"""JavaScript's ``Promise`` and async functions, on uvnet's microtask queue.

:class:`Promise` follows the ECMAScript algorithms as V8 runs them, step for step, so
that every reaction runs in the same microtask turn as in Node:

* the executor runs synchronously; a raise in it rejects; the first resolve or reject wins;
* resolving with a thenable (a :class:`Promise`, an object with a callable ``then``, a
  ``dict`` with a callable ``'then'``) adopts it through a job of its own
  (``NewPromiseResolveThenableJob``): two turns more than a plain value for a Promise;
* resolving with a coroutine starts it (as the JS call ``f()`` would have) and adopts the
  Promise of that async function;
* ``then``/``catch``/``finally_`` reactions run as microtasks, in registration order;
  handlers are called with JavaScript's argument rule (:mod:`uvnet.internal.jscall`);
* a rejection nobody handles is reported at Node's time
  (:mod:`uvnet.internal.process_promises`).

Async functions (:func:`startCoroutine`): a coroutine is driven as V8 drives an async
function. It runs synchronously up to its first ``await``; ``await p`` of a Promise
resumes it one microtask turn after ``p`` settles (V8's ``Await``); ``return x`` resolves
its Promise with ``x`` (adopting ``x`` if it is a thenable), and an exception rejects it.
``await`` of another coroutine runs that coroutine inline (Python's ``await`` is
``yield from``), which is one turn sooner at its return than V8; ``await
Promise.resolve(f())`` gives V8's count. Awaiting something uvnet cannot wait for (an
asyncio future) raises ``TypeError`` at the ``await``.

A rejection reason need not be an exception (``Promise.reject(42)``); where Python must
raise it (``await``, a handler that re-raises) it travels in a :class:`ThrownValue`, which
is unwrapped again where it rejects a Promise, so the reason stays ``42``.

For other uvnet modules (``events.once``, ``stream.promises``, ``timers.promises``...),
these names are stable: :class:`Promise`, :class:`AggregateError`, :class:`ThrownValue`,
:func:`startCoroutine`, :func:`isCoroutine`, :func:`createDeferredPromise`,
:func:`createDeferredResolve`, :func:`resolvePromise`, :func:`rejectPromise`,
:func:`promiseThen` (an internal reaction without a derived Promise) and
:func:`handleReturnedPromise` (for a listener or hook that returned a coroutine or Promise).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from types import CoroutineType, MethodType
from typing import Any, Callable, Generic, TypeVar

from . import task_queues as _task_queues
from .errors import AggregateError
from .jscall import call_adapted
from .process_promises import handledRejection, noSideEffectsToString, unhandledRejection
from .task_queues import _microtasks, enqueueMicrotask

T = TypeVar("T")

_PENDING = 0
_FULFILLED = 1
_REJECTED = 2

# Values that are never thenables: resolved without looking for a ``then``.
_PLAIN = frozenset({int, float, str, bytes, bool, type(None), list, tuple, set, frozenset,
                    bytearray, complex})


class ThrownValue(Exception):
    """A rejection reason that is not an exception, raised where JavaScript would throw
    it (at an ``await``, or by a handler): ``err.value`` is the reason.

    ``try: await Promise.reject(42) except ThrownValue as e: e.value == 42`` ports
    ``try { await Promise.reject(42) } catch (e) { e === 42 }``. A Promise rejected by a
    ``ThrownValue`` is rejected with its ``value``.
    """

    def __init__(self, value: Any) -> None:
        super().__init__(value)
        self.value = value


def _toException(reason: Any) -> BaseException:
    return reason if isinstance(reason, BaseException) else ThrownValue(reason)


def _fromException(exc: BaseException) -> Any:
    return exc.value if type(exc) is ThrownValue else exc


def _describe(value: Any) -> str:
    """How V8 names a value in a TypeError message (``undefined``, ``number 1`` ...)."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"number {value!r}"
    if isinstance(value, str):
        return f'string "{value}"'
    return f"object {type(value).__name__}"


def isCoroutine(value: Any) -> bool:
    """Whether ``value`` is a coroutine object (the call of an ``async def``)."""
    return type(value) is CoroutineType


# --- the Promise -------------------------------------------------------------------------

# A reaction is (onFulfilled, onRejected, target). ``target`` is the derived Promise that
# the handler's result resolves (``None`` handlers pass the value through), or None for an
# internal reaction (an await, a combinator's element): its handler is called as the
# microtask job itself and must not raise.


class Promise(Generic[T]):
    """JavaScript's ``Promise``: ``Promise(lambda resolve, reject: ...)``.

    ``executor`` is called at once with the two resolving functions (JavaScript's
    argument rule: ``lambda resolve: ...`` works); if it raises, the Promise is rejected
    with the exception. ``await p`` waits for it inside a uvnet async function (see
    :func:`startCoroutine`). Raises ``TypeError`` if ``executor`` is not callable, as V8.
    """

    __slots__ = ("_state", "_result", "_reactions", "_handled", "__weakref__")

    _state: int
    _result: Any
    _reactions: list[Any] | None
    _handled: bool

    def __init__(self, executor: Callable[..., Any]) -> None:
        """``Promise(executor)``, as JavaScript's ``new Promise(executor)``: calls
        ``executor(resolve, reject)`` at once."""
        if not callable(executor):
            raise TypeError(f"Promise resolver {noSideEffectsToString(executor)} is not a function")
        self._state = _PENDING
        self._result = None
        self._reactions = None
        self._handled = False
        resolve, reject = _resolvingFunctions(self)
        try:
            try:
                result = executor(resolve, reject)
            except TypeError as exc:  # JavaScript's argument rule
                if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                    raise
                result = call_adapted(executor, (resolve, reject), exc)
        except Exception as exc:  # noqa: BLE001 - a throw in the executor rejects
            reject(_fromException(exc))
            return
        if type(result) is CoroutineType:  # an async executor: started, its Promise ignored
            startCoroutine(result)

    # --- instance methods ---------------------------------------------------------------

    def then(self, onFulfilled: Callable[..., Any] | None = None,
             onRejected: Callable[..., Any] | None = None) -> Promise[Any]:
        """Call ``onFulfilled(value)`` or ``onRejected(reason)`` in a microtask once this
        Promise settles; return a Promise resolved with what the handler returns (or
        rejected with what it raises). A handler that is not callable passes the value or
        the reason on, as in JavaScript."""
        derived: Promise[Any] = _newPromise(type(self))
        _performThen(self, onFulfilled if callable(onFulfilled) else None,
                     onRejected if callable(onRejected) else None, derived)
        return derived

    def catch(self, onRejected: Callable[..., Any] | None = None) -> Promise[Any]:
        """``p.then(None, onRejected)`` (through ``then``, as in JavaScript)."""
        return self.then(None, onRejected)

    def finally_(self, onFinally: Callable[..., Any] | None = None) -> Promise[T]:
        """JavaScript's ``p.finally(onFinally)``: ``onFinally()`` runs when this Promise
        settles; the returned Promise settles as this one did, after the Promise
        ``onFinally`` returned (if any) is fulfilled, or with its rejection."""
        if not callable(onFinally):
            return self.then(onFinally, onFinally)
        C = type(self)
        fn = onFinally

        def thenFinally(value: Any) -> Any:
            result = C.resolve(_jscall0(fn))
            return result.then(lambda: value)

        def catchFinally(reason: Any) -> Any:
            result = C.resolve(_jscall0(fn))

            def thrower() -> Any:
                raise _toException(reason)

            return result.then(thrower)

        return self.then(thenFinally, catchFinally)

    def __await__(self) -> Generator[Any, Any, T]:
        # The driver (_AsyncFunction) receives this Promise, subscribes, and resumes the
        # coroutine with send(value) or throw(reason).
        return (yield self)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        if self._state == _PENDING:
            return "Promise { <pending> }"
        if self._state == _FULFILLED:
            return f"Promise {{ {self._result!r} }}"
        return f"Promise {{ <rejected> {self._result!r} }}"

    # --- statics ------------------------------------------------------------------------

    @classmethod
    def resolve(cls, value: Any = None) -> Promise[Any]:
        """A Promise resolved with ``value``: ``value`` itself if it is a Promise of this
        class, the Promise of the async function if it is a coroutine (started here),
        else a new Promise that adopts ``value`` if it is a thenable."""
        if type(value) is cls:
            return value
        if type(value) is CoroutineType and cls is Promise:
            return startCoroutine(value)
        promise: Promise[Any] = _newPromise(cls)
        resolvePromise(promise, value)
        return promise

    @classmethod
    def reject(cls, reason: Any = None) -> Promise[Any]:
        """A Promise rejected with ``reason``."""
        promise: Promise[Any] = _newPromise(cls)
        rejectPromise(promise, reason)
        return promise

    @classmethod
    def all(cls, iterable: Iterable[Any]) -> Promise[list[Any]]:
        """A Promise of the list of the values of ``iterable``'s elements (values,
        Promises, thenables or coroutines, each through ``resolve``), or of the first
        rejection."""
        promise, resolve, reject = createDeferredPromise(cls)
        values: list[Any] = []
        remaining = [1]

        def element(index: int) -> Callable[[Any], None]:
            called = False

            def resolveElement(value: Any = None) -> None:
                nonlocal called
                if called:
                    return
                called = True
                values[index] = value
                remaining[0] -= 1
                if remaining[0] == 0:
                    resolve(values)

            return resolveElement

        def each(index: int, next_: Promise[Any]) -> None:
            values.append(None)
            remaining[0] += 1
            _invokeThen(next_, element(index), reject)

        if _iterate(cls, iterable, each, reject):
            remaining[0] -= 1
            if remaining[0] == 0:
                resolve(values)
        return promise

    @classmethod
    def allSettled(cls, iterable: Iterable[Any]) -> Promise[list[dict[str, Any]]]:
        """A Promise of a list of ``{'status': 'fulfilled', 'value': v}`` and
        ``{'status': 'rejected', 'reason': r}`` dicts, once every element settled."""
        promise, resolve, reject = createDeferredPromise(cls)
        values: list[Any] = []
        remaining = [1]

        def element(index: int) -> tuple[Callable[[Any], None], Callable[[Any], None]]:
            called = False

            def settle(entry: dict[str, Any]) -> None:
                nonlocal called
                if called:
                    return
                called = True
                values[index] = entry
                remaining[0] -= 1
                if remaining[0] == 0:
                    resolve(values)

            def onFulfilled(value: Any = None) -> None:
                settle({"status": "fulfilled", "value": value})

            def onRejected(reason: Any = None) -> None:
                settle({"status": "rejected", "reason": reason})

            return onFulfilled, onRejected

        def each(index: int, next_: Promise[Any]) -> None:
            values.append(None)
            remaining[0] += 1
            _invokeThen(next_, *element(index))

        if _iterate(cls, iterable, each, reject):
            remaining[0] -= 1
            if remaining[0] == 0:
                resolve(values)
        return promise

    @classmethod
    def race(cls, iterable: Iterable[Any]) -> Promise[Any]:
        """A Promise that settles as the first of ``iterable``'s elements to settle."""
        promise, resolve, reject = createDeferredPromise(cls)

        def each(index: int, next_: Promise[Any]) -> None:
            _invokeThen(next_, resolve, reject)

        _iterate(cls, iterable, each, reject)
        return promise

    @classmethod
    def any(cls, iterable: Iterable[Any]) -> Promise[Any]:
        """A Promise of the first fulfilled element's value; if every element rejects,
        rejected with an :class:`AggregateError` of the reasons, in order
        (``'All promises were rejected'``)."""
        promise, resolve, reject = createDeferredPromise(cls)
        errors: list[Any] = []
        remaining = [1]

        def element(index: int) -> Callable[[Any], None]:
            called = False

            def rejectElement(reason: Any = None) -> None:
                nonlocal called
                if called:
                    return
                called = True
                errors[index] = reason
                remaining[0] -= 1
                if remaining[0] == 0:
                    reject(AggregateError(errors, "All promises were rejected"))

            return rejectElement

        def each(index: int, next_: Promise[Any]) -> None:
            errors.append(None)
            remaining[0] += 1
            _invokeThen(next_, resolve, element(index))

        if _iterate(cls, iterable, each, reject):
            remaining[0] -= 1
            if remaining[0] == 0:
                reject(AggregateError(errors, "All promises were rejected"))
        return promise


def _jscall0(fn: Callable[..., Any]) -> Any:
    try:
        return fn()
    except TypeError as exc:
        if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
            raise
        return call_adapted(fn, (), exc)


def _iterate(cls: type[Promise[Any]], iterable: Any, each: Callable[[int, Promise[Any]], None],
             reject: Callable[[Any], None]) -> bool:
    """The loop of ``PerformPromiseAll`` and its siblings: ``each(index, C.resolve(v))``
    for every element. An error from the iteration or a step rejects the result
    (``IfAbruptRejectPromise``, after closing the iterator); then ``False``."""
    try:
        iterator = iter(iterable)
    except TypeError:
        reject(TypeError(f"{_describe(iterable)} is not iterable "
                         "(cannot read property Symbol(Symbol.iterator))"))
        return False
    promiseResolve = cls.resolve
    index = 0
    while True:
        try:
            value = next(iterator)
        except StopIteration:
            return True
        except Exception as exc:  # noqa: BLE001 - an abrupt iteration rejects
            reject(_fromException(exc))
            return False
        try:
            each(index, promiseResolve(value))
        except Exception as exc:  # noqa: BLE001
            close = getattr(iterator, "close", None)
            if close is not None:
                close()
            reject(_fromException(exc))
            return False
        index += 1


def _invokeThen(promise: Any, onFulfilled: Callable[[Any], None],
                onRejected: Callable[[Any], None]) -> None:
    """``Invoke(nextPromise, "then", ...)``: the internal reaction for a Promise whose
    ``then`` is Promise's own (the same turns, no derived Promise), else its ``then``."""
    if isinstance(promise, Promise) and type(promise).then is Promise.then:
        _performThen(promise, onFulfilled, onRejected, None)
    else:
        promise.then(onFulfilled, onRejected)


# --- the abstract operations ---------------------------------------------------------------

def _newPromise(cls: type[Any] = Promise) -> Any:
    """A pending Promise of class ``cls``, made without an executor."""
    promise = object.__new__(cls)
    promise._state = _PENDING
    promise._result = None
    promise._reactions = None
    promise._handled = False
    return promise


def createDeferredPromise(cls: type[Any] = Promise
                          ) -> tuple[Promise[Any], Callable[..., None], Callable[..., None]]:
    """``(promise, resolve, reject)``: a pending Promise and its resolving functions
    (Node's internal ``createDeferredPromise``; JavaScript's ``Promise.withResolvers``)."""
    promise: Promise[Any] = _newPromise(cls)
    resolve, reject = _resolvingFunctions(promise)
    return promise, resolve, reject


def createDeferredResolve() -> tuple[Promise[Any], Callable[[], None]]:
    """``(promise, resolve)``: a pending Promise and a function that fulfills it with
    ``None`` (undefined) when first called (later calls do nothing): the ``resolve()``
    of ``new Promise((resolve) => ...)``, for uvnet's own Promises whose reject side is
    never used (the async iterators' wait for the next event). Cheaper than the
    executor and its two resolving closures, with the same turns."""
    promise: Promise[Any] = _newPromise(Promise)
    # A Promise resolved with undefined is settled at once: "already resolved" is "not
    # pending", which _fulfill tests.
    return promise, MethodType(_fulfill, promise)  # _fulfill(promise): value None


def _resolvingFunctions(promise: Promise[Any]) -> tuple[Callable[..., None], Callable[..., None]]:
    """``CreateResolvingFunctions``: the first call of either wins."""
    done = False

    def resolve(resolution: Any = None) -> None:
        nonlocal done
        if done:
            return
        done = True
        resolvePromise(promise, resolution)

    def reject(reason: Any = None) -> None:
        nonlocal done
        if done:
            return
        done = True
        rejectPromise(promise, reason)

    return resolve, reject


def resolvePromise(promise: Promise[Any], resolution: Any) -> None:
    """V8's ``ResolvePromise``: fulfill ``promise`` with ``resolution``, or adopt it if it
    is a thenable (a job that calls its ``then``), or start it if it is a coroutine.
    ``promise`` must be pending (callers go through resolving functions)."""
    t = type(resolution)
    if t in _PLAIN:
        _fulfill(promise, resolution)
        return
    if resolution is promise:
        rejectPromise(promise, TypeError("Chaining cycle detected for promise #<Promise>"))
        return
    if t is Promise or (isinstance(resolution, Promise) and t.then is Promise.then):
        # The thenable job of V8's fast path: PerformPromiseThen(resolution, promise).
        enqueueMicrotask(_adoptJob, (resolution, promise))
        return
    if t is CoroutineType:
        enqueueMicrotask(_adoptJob, (startCoroutine(resolution), promise))
        return
    try:
        then = resolution.get("then") if t is dict else getattr(resolution, "then", None)
    except Exception as exc:  # noqa: BLE001 - a throwing then getter rejects
        rejectPromise(promise, _fromException(exc))
        return
    if not callable(then):
        _fulfill(promise, resolution)
        return
    enqueueMicrotask(_thenableJob, (promise, resolution, then))


def _adoptJob(arg: tuple[Promise[Any], Promise[Any]]) -> None:
    thenable, promise = arg
    _performThen(thenable, None, None, promise)


def _thenableJob(arg: tuple[Promise[Any], Any, Callable[..., Any]]) -> None:
    """``NewPromiseResolveThenableJob``: ``then(resolve, reject)`` for a foreign thenable."""
    promise, thenable, then = arg
    resolve, reject = _resolvingFunctions(promise)
    try:
        try:
            then(resolve, reject)
        except TypeError as exc:  # JavaScript's argument rule: then(resolve) { ... }
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            call_adapted(then, (resolve, reject), exc)
    except Exception as exc:  # noqa: BLE001 - a throwing then rejects (if not resolved)
        reject(_fromException(exc))


def _fulfill(promise: Promise[Any], value: Any = None) -> None:
    if promise._state != _PENDING:  # (a second call of createDeferredResolve's resolve)
        return
    reactions = promise._reactions
    promise._state = _FULFILLED
    promise._result = value
    if reactions is not None:
        promise._reactions = None
        for onFulfilled, _, target in reactions:
            if target is None:
                enqueueMicrotask(onFulfilled, value)
            else:
                enqueueMicrotask(_reactionJob, (onFulfilled, target, True, value))


def rejectPromise(promise: Promise[Any], reason: Any) -> None:
    """V8's ``RejectPromise``: reject the pending ``promise`` with ``reason``; with no
    handler yet, the rejection is tracked as possibly unhandled."""
    reactions = promise._reactions
    promise._state = _REJECTED
    promise._result = reason
    if not promise._handled:
        unhandledRejection(promise, reason)
    if reactions is not None:
        promise._reactions = None
        for _, onRejected, target in reactions:
            if target is None:
                enqueueMicrotask(onRejected, reason)
            else:
                enqueueMicrotask(_reactionJob, (onRejected, target, False, reason))


def _reactionJob(arg: tuple[Callable[..., Any] | None, Promise[Any], bool, Any]) -> None:
    """``PromiseReactionJob``: the handler's result resolves the derived Promise."""
    handler, target, fulfilled, argument = arg
    if handler is None:
        if fulfilled:
            resolvePromise(target, argument)
        else:
            rejectPromise(target, argument)
        return
    try:
        try:
            result = handler(argument)
        except TypeError as exc:  # JavaScript's argument rule: then(lambda: ...)
            if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                raise
            result = call_adapted(handler, (argument,), exc)
    except Exception as exc:  # noqa: BLE001 - a throwing handler rejects
        rejectPromise(target, _fromException(exc))
        return
    resolvePromise(target, result)


def _performThen(promise: Promise[Any], onFulfilled: Callable[[Any], Any] | None,
                 onRejected: Callable[[Any], Any] | None, target: Promise[Any] | None) -> None:
    """``PerformPromiseThen``: add the reaction, or queue its job if already settled."""
    state = promise._state
    if state == _PENDING:
        reactions = promise._reactions
        if reactions is None:
            promise._reactions = [(onFulfilled, onRejected, target)]
        else:
            reactions.append((onFulfilled, onRejected, target))
    elif state == _FULFILLED:
        if target is None:
            enqueueMicrotask(onFulfilled, promise._result)  # type: ignore[arg-type]
        else:
            enqueueMicrotask(_reactionJob, (onFulfilled, target, True, promise._result))
    else:
        if not promise._handled:
            handledRejection(promise)
        if target is None:
            enqueueMicrotask(onRejected, promise._result)  # type: ignore[arg-type]
        else:
            enqueueMicrotask(_reactionJob, (onRejected, target, False, promise._result))
    promise._handled = True


def promiseThen(promise: Promise[Any], onFulfilled: Callable[[Any], None],
                onRejected: Callable[[Any], None]) -> None:
    """``PerformPromiseThen`` with no derived Promise: ``onFulfilled(value)`` or
    ``onRejected(reason)`` runs as the reaction's microtask (the same turn as a
    ``then`` handler), called as is; neither may raise. Marks ``promise`` handled."""
    _performThen(promise, onFulfilled, onRejected, None)


# --- async functions -----------------------------------------------------------------------

class _AsyncFunction:
    """Drives one coroutine as V8 drives an async function (see :func:`startCoroutine`).

    ``_step(value)`` is the job of an ``await`` that was fulfilled; a rejected one
    (``_onRejected``) leaves the reason in ``_error`` for ``_step`` to raise instead.
    """

    __slots__ = ("_coro", "promise", "_error")

    def __init__(self, coro: Any, promise: Promise[Any]) -> None:
        self._coro = coro
        self.promise = promise
        self._error: BaseException | None = None

    def _onRejected(self, reason: Any) -> None:
        self._error = _toException(reason)
        self._step(None)

    def _step(self, value: Any) -> None:
        """Resume the body with ``value`` (or ``_error`` raised at its ``await``) and
        subscribe to what it awaits next."""
        coro = self._coro
        while True:
            error = self._error
            try:
                if error is None:
                    awaited = coro.send(value)
                else:
                    self._error = None
                    awaited = coro.throw(error)
            except StopIteration as stop:
                resolvePromise(self.promise, stop.value)
                return
            except Exception as exc:  # noqa: BLE001 - a raise in the body rejects
                rejectPromise(self.promise, _fromException(exc))
                return
            if type(awaited) is Promise:
                # V8's Await of a native promise: PerformPromiseThen(awaited, resume);
                # for a fulfilled one, its steps inlined (mark handled, queue the job).
                if awaited._state == _FULFILLED:
                    awaited._handled = True
                    _microtasks.append((self._step, awaited._result))  # enqueueMicrotask,
                    if not _task_queues._marked:  # inlined
                        _task_queues.scheduleMicrotasks()
                else:
                    _performThen(awaited, self._step, self._onRejected, None)
                return
            if isinstance(awaited, Promise):
                # Await(v) is PerformPromiseThen(PromiseResolve(%Promise%, v), ...).
                wrapped: Promise[Any] = _newPromise(Promise)
                resolvePromise(wrapped, awaited)
                _performThen(wrapped, self._step, self._onRejected, None)
                return
            value = None
            self._error = TypeError(
                f"a uvnet async function cannot await {awaited!r}: await a "
                "uvnet.Promise or a coroutine (an asyncio future or task runs on "
                "asyncio's loop, not on uvnet's)")


def startCoroutine(coro: Any) -> Promise[Any]:
    """Start ``coro`` as the call of an async function would, and return its Promise.

    The body runs synchronously up to its first ``await`` of a pending Promise (or to
    its end); each ``await p`` of a :class:`Promise` resumes it in the microtask after
    ``p`` settles, with ``p``'s value (or with its reason raised). ``return x`` resolves
    the Promise with ``x``; an exception rejects it. Used by ``uvnet.run(coro)``,
    ``Promise.resolve(coro)``, the combinators, and for coroutines returned by listeners
    and callbacks.
    """
    promise: Promise[Any] = _newPromise(Promise)
    _AsyncFunction(coro, promise)._step(None)
    return promise


def handleReturnedPromise(result: Any) -> Promise[Any] | None:
    """A listener, callback or hook returned ``result`` (not ``None``): start it if it is
    a coroutine, as the JS call of an async function would have. Returns the Promise
    (nothing is attached to it: its rejection is an unhandled rejection), or ``None``
    if ``result`` is neither a coroutine nor a Promise."""
    if type(result) is CoroutineType:
        return startCoroutine(result)
    if isinstance(result, Promise):
        return result
    return None
