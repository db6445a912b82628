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

and then runs the loop, *without* draining the tick queue first: ticks left behind by the
exception run at the next drain point, as in Node (the end of the next callback, or the
start of the check phase, which Node's handler makes sure comes soon by queueing
``setImmediate(noop)``; uvnet does the same).
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

import pyuv

from .task_queues import _queue, processTicks

loop: pyuv.Loop = pyuv.Loop.default_loop()
_uncaught: deque[BaseException] = deque()
# Work to finish before the loop runs again (see the module docstring): (function, args).
# Every function here records its own exceptions, as a libuv callback scope does.
_pending: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
_in_loop = False
_resuming = False  # the last run() raised: the next one does not start with a tick drain
# Called with each recorded exception (timers queue Node's setImmediate(noop) here).
on_uncaught: list[Callable[[], None]] = []


def _record(exc: BaseException, resume: Callable[[], None] | None = None) -> None:
    """Keep ``exc`` for :func:`run` to raise; ``resume`` is what Node does after its handler.

    ``resume`` goes first in ``_pending``: inside the loop nothing is pending yet when the
    first exception is recorded, and during a replay it puts the resumed phase back in
    front of the callbacks still deferred.
    """
    _uncaught.append(exc)
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


def _run_pending() -> None:
    """Replay what an uncaught exception interrupted, until done or another one is raised."""
    while _pending and not _uncaught:
        fn, args = _pending.popleft()
        fn(*args)


def _run_loop() -> None:
    global _in_loop
    _in_loop = True
    try:
        loop.run(pyuv.UV_RUN_DEFAULT)
    finally:
        _in_loop = False


def run() -> None:
    """Run the event loop until nothing is left to do, as a Node process does after its
    main module, and return then: when no referenced server, socket, timer, immediate or
    request is left (see the ``unref()`` methods).

    Until ``run()`` is called, ``listen()``, ``connect()``, ``write()`` and the timers
    only queue their work. ``run()`` first runs the :func:`nextTick` queue, then libuv's
    loop with its phases (timers, I/O, immediates, close callbacks), the tick queue being
    drained after every callback into Python, as Node's is.

    An exception raised by a listener or callback, or an ``'error'`` event without a
    listener, ends a Node process; here it propagates out of ``run()`` unchanged. Nothing
    queued is lost: calling ``run()`` again carries on from there, in the order Node would
    have run it (as a process with an ``'uncaughtException'`` handler does). ``run()`` may
    be called again after it returned, too.
    """
    global _resuming
    while True:
        if _uncaught:
            _resuming = True
            raise _uncaught.popleft()
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
            return
