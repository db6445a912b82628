"""Node's process model on the default pyuv loop.

* :func:`makeCallback` wraps every callback handed to libuv, as Node's
  ``MakeCallback``/``InternalCallbackScope`` does: it runs the callback, then drains
  the next-tick queue before control returns to libuv.
* An exception escaping a callback is what would crash a Node process. pyuv would
  hand it to ``loop.excepthook`` and carry on; uvnet records it, stops the loop, and
  :func:`run` raises it unchanged. Nothing queued is dropped, so calling :func:`run`
  again carries on as Node does with an ``'uncaughtException'`` handler.

How "carries on" mirrors Node. Node runs the ``'uncaughtException'`` handler at the
point of the throw and then simply goes on with the loop iteration; uvnet can only leave
``loop.run()`` at the end of an iteration. So once an exception is recorded, every further
callback libuv makes in that iteration is *deferred* (kept, in order, in ``_pending``)
instead of run, and the next :func:`run` replays, in order:

1. the rest of the interrupted phase, when it was a timer or an immediate that threw:
   ``RunTimers`` calls ``processTimers`` again, ``CheckImmediate`` calls
   ``processImmediate`` again, with no tick drain before the next callback;
2. the deferred callbacks;

3. the close callbacks of the handles closed while 1 and 2 ran, last closed first, before
   the first deferred close callback (or at the end): in Node they are closed in the same
   iteration, whose closing phase runs them (see :func:`closing`);

and then runs the loop, *without* draining the tick queue first: ticks left behind by the
exception run at the next drain point, as in Node (the end of the next callback, or the
start of the check phase, which Node's handler makes sure comes soon by queueing
``setImmediate(noop)``; uvnet does the same).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Coroutine
from typing import Any, Callable, NoReturn

from uvnet._vendor import pyuv

from .errors import ERR_INVALID_ARG_TYPE
from .promise import _FULFILLED, Promise, startCoroutine
from .task_queues import _queue, processTicks

loop: pyuv.Loop = pyuv.Loop.default_loop()
_uncaught: deque[BaseException] = deque()
# Work to finish before the loop runs again (see the module docstring): (function, args).
# Every function here records its own exceptions, as a libuv callback scope does.
_pending: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
_in_loop = False
_replaying = False  # run() is replaying what an exception interrupted (_run_pending)
# Close callbacks of handles closed during a replay: that iteration's closing phase.
_replay_closes: list[Callable[[], None]] = []
_resuming = False  # the last run() raised: the next one does not start with a tick drain
# Called with each recorded exception (timers queue Node's setImmediate(noop) here).
on_uncaught: list[Callable[[], None]] = []
# Called as the loop starts running; each returns what to call when it stops
# (uvnet.process makes Python's signal handlers wake the loop here, see run()).
around_loop: list[Callable[[], Callable[[], None]]] = []


# uvnet.process, once it is imported (it sets itself here): the 'uncaughtException' and
# 'beforeExit' listeners are looked up on it.
processObject: Any = None


class _Handled(BaseException):
    """In ``_uncaught``: an ``'uncaughtException'`` listener took the exception, so
    :func:`run` carries on (replays what it interrupted) instead of raising."""


class AlreadyRecorded(BaseException):
    """Raised by :func:`triggerUncaughtException` to unwind a drain whose error is
    already recorded; whoever records it again only adds its ``resume``."""


def _fatalException(exc: BaseException, origin: str) -> BaseException:
    """Node's ``process._fatalException``: ``'uncaughtExceptionMonitor'``, then the
    ``'uncaughtException'`` listeners with ``(err, origin)``. What to keep for run():
    a :class:`_Handled` if a listener took it, else the error to raise (the listener's
    own error if it raised one: Node's exit code 7)."""
    process = processObject
    if process is None or not isinstance(exc, Exception):
        return exc
    try:
        process.emit("uncaughtExceptionMonitor", exc, origin)
        if not process.emit("uncaughtException", exc, origin):
            return exc
    except BaseException as err:  # noqa: BLE001 - a throwing handler is fatal
        process._fatalExitCode = 7
        return err
    return _Handled()


def _record(exc: BaseException, resume: Callable[[], None] | None = None,
            origin: str = "uncaughtException") -> None:
    """Keep ``exc`` for :func:`run` to raise; ``resume`` is what Node does after its handler.

    With an ``'uncaughtException'`` listener on ``uvnet.process``, the listener is called
    now, with ``(exc, origin)``, as at Node's throw, and ``run()`` then carries on rather
    than raising.

    ``resume`` goes first in ``_pending``: inside the loop nothing is pending yet when the
    first exception is recorded, and during a replay it puts the resumed phase back in
    front of the callbacks still deferred. An :class:`AlreadyRecorded` error's ``resume``
    goes second, behind the inner drain's.
    """
    if type(exc) is AlreadyRecorded:
        if resume is not None:
            _pending.insert(min(1, len(_pending)), (resume, ()))
        return
    _uncaught.append(_fatalException(exc, origin))
    if resume is not None:
        _pending.appendleft((resume, ()))
    for hook in on_uncaught:
        hook()
    if _in_loop:
        loop.stop()


def deferred(fn: Callable[..., Any], *args: Any) -> bool:
    """If an exception is waiting to leave ``run()``, keep ``fn(*args)`` for later; say so.

    For a callback libuv makes after an uncaught exception in the same loop iteration:
    Node would run it after the ``'uncaughtException'`` handler, so uvnet runs it in the
    next :func:`run`, in the same order. ``fn`` must record its own exceptions.
    """
    if not _uncaught:
        return False
    _pending.append((fn, args))
    return True


def _excepthook(typ: type[BaseException], value: BaseException, tb: Any) -> None:
    _record(value)


loop.excepthook = _excepthook


def triggerUncaughtException(exc: BaseException, fromPromise: bool = False) -> NoReturn:
    """Node's ``triggerUncaughtException`` from inside a tick drain (a ``queueMicrotask``
    callback that raised, an unhandled rejection): record ``exc`` (origin
    ``'unhandledRejection'`` if ``fromPromise``) with the rest of the drain as what comes
    next, and unwind the drain (:class:`AlreadyRecorded`)."""
    _record(exc, _drain_ticks, "unhandledRejection" if fromPromise else "uncaughtException")
    raise AlreadyRecorded


def _drain_ticks() -> None:
    """Drain the tick queue at the end of a callback scope (InternalCallbackScope::Close).

    If a tick throws, the rest of the queue waits for the next drain point, as in Node.
    """
    try:
        if _queue:
            processTicks()
    except BaseException as exc:  # noqa: BLE001 - re-raised by run()
        _record(exc)


def makeCallback(fn: Callable[..., Any]) -> Callable[..., None]:
    """Wrap ``fn`` for libuv: run it, drain the tick queue, and keep any exception for run()."""

    # deferred() and _drain_ticks() inlined: this runs for every libuv callback. A deferred
    # call is kept as a new scope of ``fn``: ``scope`` naming itself would make every scope
    # a reference cycle (left to the cyclic GC).
    def scope(*args: Any) -> None:
        if _uncaught:
            _pending.append((makeCallback(fn), args))
            return
        try:
            fn(*args)
        except BaseException as exc:  # noqa: BLE001 - re-raised by run()
            _record(exc)  # a failed scope does not drain the ticks (MarkAsFailed)
            return
        if _queue:
            try:
                processTicks()
            except BaseException as exc:  # noqa: BLE001 - re-raised by run()
                _record(exc)

    return scope


# libuv's pending queue as Node 20's libuv (1.46) runs it; see :func:`feed`.
_fed: deque[Callable[[], None]] = deque()
_fed_idle = pyuv.Idle(loop)
_fed_check = pyuv.Check(loop)


def feed(callback: Callable[[], None]) -> None:
    """Queue ``callback`` as libuv's ``uv__io_feed`` does, run as libuv 1.46 runs it.

    libuv 1.46 (``uv_run``) runs its pending queue at the start of an iteration (after the
    timers, before the poll) and again, up to 8 times, right after the poll phase, before
    the check phase; pyuv's libuv 1.13 has only the first. Work that Node 20's libuv feeds
    there (a ``uv_shutdown`` on a stream with nothing left to write) runs from here: from
    an Idle handle, which is the pending phase's place (and keeps the poll from blocking,
    as a non-empty pending queue does), and from a Check handle, started after the
    immediates' so it runs before them. As in libuv, work fed while the queue runs waits
    for the next run. ``callback`` is a complete callback scope (see :func:`makeCallback`).
    """
    if not _fed:
        _fed_idle.start(_run_fed_before_poll)
        _fed_check.start(_run_fed_after_poll)
    _fed.append(callback)


def _run_fed(times: int) -> None:
    """``uv__run_pending``, ``times`` times: each run takes what was queued when it began."""
    for _ in range(times):
        if not _fed:
            break
        batch = list(_fed)
        _fed.clear()
        for callback in batch:
            callback()
    if not _fed:
        _fed_idle.stop()
        _fed_check.stop()


def _run_fed_before_poll(_handle: pyuv.Idle) -> None:
    _run_fed(1)


def _run_fed_after_poll(_handle: pyuv.Check) -> None:
    _run_fed(8)


def closing(callback: Callable[[], None]) -> bool:
    """Run ``callback`` (a close callback scope) in this iteration's closing phase if the
    iteration is being replayed; say so. Otherwise libuv's closing phase runs it.

    The replay of an interrupted iteration happens outside libuv, so a handle closed then
    would get its close callback from libuv only after the next poll; in Node it comes in
    the closing phase of the iteration that closed it, before any new I/O.
    """
    if not _replaying:
        return False
    _replay_closes.append(callback)
    return True


def flushClosing() -> None:
    """The closing phase of a replayed iteration: its close callbacks, last closed first
    (libuv's closing_handles list). A handle closed by one of them waits for libuv."""
    global _replaying
    if not (_replaying and _replay_closes):
        return
    batch = _replay_closes[::-1]
    _replay_closes.clear()
    _replaying = False
    try:
        for i, callback in enumerate(batch):
            if _uncaught:  # the rest waits for the next replay, in the same order
                _replay_closes.extend(reversed(batch[i:]))
                break
            callback()
    finally:
        _replaying = True


def _run_pending() -> None:
    """Replay what an uncaught exception interrupted, until done or another one is raised."""
    global _replaying
    _replaying = True
    try:
        while _pending and not _uncaught:
            fn, args = _pending.popleft()
            fn(*args)
        if not _uncaught:
            flushClosing()
    finally:
        _replaying = False


def _run_loop() -> None:
    global _in_loop
    _in_loop = True
    stops = [start() for start in around_loop]
    try:
        loop.run(pyuv.UV_RUN_DEFAULT)
    finally:
        _in_loop = False
        for stop in stops:
            stop()


def _beforeExit() -> bool:
    """Node's ``EmitProcessBeforeExit``: ``'beforeExit'`` with the exit code, as a callback
    scope; whether the loop has work again (then ``run()`` goes on)."""
    process = processObject
    if process is None or process._exiting or not process.listenerCount("beforeExit"):
        return False
    makeCallback(process.emit)("beforeExit", process.exitCode or 0)
    return bool(_uncaught or _pending or _queue or loop.alive)


def run(main: Coroutine[Any, Any, Any] | Promise[Any] | None = None) -> Any:
    """Run the event loop until nothing is left to do, as a Node process does after its
    main module, and return then: when no referenced server, socket, timer, immediate or
    request is left (see the ``unref()`` methods).

    Until ``run()`` is called, ``listen()``, ``connect()``, ``write()`` and the timers
    only queue their work. ``run()`` first runs the :func:`nextTick` and microtask
    queues, then libuv's loop with its phases (timers, I/O, immediates, close callbacks),
    both queues being drained after every callback into Python, as Node's are.

    ``run(main())`` ports a script whose body is ``main()`` or top-level ``await``s:
    the coroutine starts first (synchronously up to its first ``await``, as the script
    would), and ``run`` returns its value once nothing is left. Its rejection is an
    unhandled rejection like any other (Node's ``main()`` without ``.catch``): it leaves
    ``run()`` when Node would crash with it, unless an ``'unhandledRejection'`` listener
    takes it; ``run`` then returns ``None``, as it does if ``main`` never settled. A
    :class:`~uvnet.Promise` may be passed instead of a coroutine. Raises
    ``ERR_INVALID_ARG_TYPE`` for anything else.

    An exception raised by a listener or callback, an ``'error'`` event without a
    listener, or an unhandled rejection ends a Node process; here it propagates out of
    ``run()`` unchanged. Nothing queued is lost: calling ``run()`` again carries on from
    there, in the order Node would have run it (as a process with an
    ``'uncaughtException'`` handler does). ``run()`` may be called again after it
    returned, too.

    Ctrl-C ends it at once, idle or busy, as it ends a Node process: ``KeyboardInterrupt``
    is raised where the program is (in the middle of a long callback or a
    ``time.sleep`` too) and comes out of ``run()`` (and, uncaught, ends the process as
    killed by SIGINT, as Node's does). A handler the program gave Python
    (``signal.signal``) runs as its signal arrives, the loop idle or not. SIGTERM with
    Python's default disposition kills the process at once, as it kills Node. A
    ``uvnet.process`` listener for the signal takes the place of that default action, as
    in Node. When ``run()`` returns, Python's own handlers are back in place.
    """
    # While the loop runs, a signal Python handles (SIGINT, or any the program gave a
    # signal.signal handler) wakes the loop through Python's wakeup fd, and Python's
    # handler runs from there (uvnet.process's SignalWakeup).
    if not (main is None or isinstance(main, (Promise, Coroutine))):
        raise ERR_INVALID_ARG_TYPE("main", ["Coroutine", "Promise"], main)
    promise = main if main is None or isinstance(main, Promise) else startCoroutine(main)
    return _runUntilDone(promise)


def _runUntilDone(promise: Promise[Any] | None) -> Any:
    global _resuming
    while True:
        if _uncaught:
            _resuming = True
            exc = _uncaught.popleft()
            if type(exc) is _Handled:
                continue
            raise exc
        if _pending:
            _run_pending()
            continue
        if not _resuming:
            try:
                processTicks()
            except BaseException as exc:  # noqa: BLE001 - raised just below
                _record(exc)
                continue
        _resuming = False
        _run_loop()
        if not (_uncaught or _pending or _queue):
            if _beforeExit():
                continue
            if promise is not None and promise._state == _FULFILLED:
                return promise._result
            return None
