"""Node's timers (``lib/timers.js`` and ``lib/internal/timers.js``) on one pyuv Timer.

As in Node, every timeout lives in a list keyed by its duration (in creation order),
the lists sit in a priority queue ordered by expiry, and a single libuv timer fires
for the earliest list. Ticks are drained between two timer callbacks and between two
immediates. Immediates run from a ``Check`` handle; an ``Idle`` handle keeps the loop
from blocking (and alive) while a referenced immediate is pending. Durations are in
milliseconds; pyuv's Timer takes seconds.
"""

from __future__ import annotations

import heapq
import itertools
import math
import warnings
from collections import deque
from typing import TYPE_CHECKING, Any, Callable

from uvnet._vendor import pyuv

from .internal.errors import ERR_INVALID_ARG_TYPE, MISSING, _js_number
from .internal.jscall import jscall
from .internal.process import _drain_ticks, _record, _uncaught, deferred, loop, on_uncaught
from .internal.task_queues import _queue, processTicks
from .internal.util.debuglog import debuglog, enabled
from .internal.validators import js_number

if TYPE_CHECKING:
    from typing_extensions import Self, TypeVarTuple, Unpack

    _Ts = TypeVarTuple("_Ts")

TIMEOUT_MAX = 2**31 - 1


class TimeoutOverflowWarning(RuntimeWarning):
    """The warning given when a timer's delay is above 2**31-1 ms (about 24.8 days):
    the delay is set to 1 ms instead, as Node does with its ``TimeoutOverflowWarning``."""


# NODE_DEBUG=timer: Node's debug('...') lines (lib/internal/timers.js), behind this flag.
_DEBUG = enabled("timer")
debug = debuglog("timer")


def _now() -> float:
    """Node's ``getLibuvNow()``: update the loop's clock and read it (ms)."""
    loop.update_time()
    now: float = loop.now()
    return now


class _TimersList:
    """A linked list of timeouts sharing one duration, with its expiry (``TimersList``)."""

    __slots__ = ("_idleNext", "_idlePrev", "expiry", "id", "msecs", "entry")

    def __init__(self, expiry: float, msecs: int) -> None:
        self._idleNext: Any = self
        self._idlePrev: Any = self
        self.expiry = expiry
        self.msecs = msecs
        self.id = 0
        self.entry: list[Any] = []


def _remove(item: Any) -> None:
    if item._idleNext is not None:
        item._idleNext._idlePrev = item._idlePrev
    if item._idlePrev is not None:
        item._idlePrev._idleNext = item._idleNext
    item._idleNext = None
    item._idlePrev = None


def _append(lst: _TimersList, item: Any) -> None:
    if item._idleNext is not None or item._idlePrev is not None:
        _remove(item)
    item._idleNext = lst
    item._idlePrev = lst._idlePrev
    lst._idlePrev._idleNext = item
    lst._idlePrev = item


class _TimerState:
    """Module state: the lists, their priority queue and the one libuv timer."""

    def __init__(self) -> None:
        self.lists: dict[int, _TimersList] = {}
        self.queue: list[list[Any]] = []  # heap of [expiry, id, list]; dead entries skipped
        self.next_id = 0
        self.next_expiry = math.inf
        self.ref_count = 0
        self.handle = pyuv.Timer(loop)
        self.handle.ref = False
        self.on_fire = self._run_timers

    def schedule(self, msecs: float) -> None:
        """Node's ``scheduleTimer``: (re)start the libuv timer ``msecs`` from now."""
        self.handle.start(self.on_fire, (max(msecs, 1) + 0.5) / 1000.0, 0)

    def toggle_ref(self, ref: bool) -> None:
        self.handle.ref = ref

    def inc(self) -> None:
        self.ref_count += 1
        if self.ref_count == 1:
            self.toggle_ref(True)

    def dec(self) -> None:
        self.ref_count -= 1
        if self.ref_count == 0:
            self.toggle_ref(False)

    def push_list(self, lst: _TimersList) -> None:
        self.next_id += 1
        lst.id = self.next_id
        lst.entry = [lst.expiry, lst.id, lst]
        heapq.heappush(self.queue, lst.entry)

    def peek(self) -> _TimersList | None:
        queue = self.queue
        while queue and queue[0][2] is None:
            heapq.heappop(queue)
        return queue[0][2] if queue else None

    def drop_list(self, lst: _TimersList) -> None:
        lst.entry[2] = None
        del self.lists[lst.msecs]

    def _run_timers(self, handle: pyuv.Timer) -> None:
        """Node's ``RunTimers``: process due lists, then re-arm for the next expiry."""
        if not deferred(self._fire):
            self._fire()

    def _fire(self) -> None:
        """One ``processTimers`` call, the re-arm, then the scope's tick drain.

        After a throw from a timer (or a tick drained between two), Node's ``RunTimers``
        calls ``processTimers`` again: so does uvnet's next ``run()``, first thing.
        """
        try:
            expiry = self.process(_now())
        except BaseException as exc:  # noqa: BLE001 - re-raised by uvnet.run()
            _record(exc, self._fire)
            return
        if expiry:
            self.schedule(abs(expiry) - loop.now())
            self.toggle_ref(expiry > 0)
        else:
            self.toggle_ref(False)
        _drain_ticks()

    def process(self, now: float) -> float:
        """Node's ``processTimers``: returns the next expiry, negative if unreferenced."""
        if _DEBUG:
            debug("process timer lists %d", int(now))
        self.next_expiry = math.inf
        ran = False
        while True:
            lst = self.peek()
            if lst is None:
                return 0
            if lst.expiry > now:
                self.next_expiry = lst.expiry
                return lst.expiry if self.ref_count > 0 else -lst.expiry
            if ran:
                processTicks()
            else:
                ran = True
            self._list_on_timeout(lst, now)

    def _list_on_timeout(self, lst: _TimersList, now: float) -> None:
        msecs = lst.msecs
        if _DEBUG:
            debug("timeout callback %d", msecs)
        ran = False
        while True:
            timer = lst._idleNext
            if timer is lst:
                break
            if now - timer._idleStart < msecs:
                lst.entry[2] = None
                lst.expiry = max(timer._idleStart + msecs, now + 1)
                self.push_list(lst)
                if _DEBUG:
                    debug("%d list wait because diff is %d", msecs, now - timer._idleStart)
                return
            if ran:
                processTicks()
            else:
                ran = True
            _remove(timer)
            if timer._onTimeout is None:
                if not timer._destroyed:
                    timer._destroyed = True
                    if timer._refed:
                        self.ref_count -= 1
                continue
            start = _now() if timer._repeat is not None else 0.0
            try:
                jscall(timer._onTimeout, *timer._timerArgs)
            finally:
                if timer._repeat is not None and timer._idleTimeout != -1:
                    timer._idleTimeout = timer._repeat
                    _insert(timer, timer._idleTimeout, start)
                elif timer._idleNext is None and not timer._destroyed:
                    timer._destroyed = True
                    if timer._hasPrimitive:
                        del _knownTimersById[timer._asyncId]
                    if timer._refed:
                        self.ref_count -= 1
        if _DEBUG:
            debug("%d list empty", msecs)
        if self.lists.get(msecs) is lst:
            self.drop_list(lst)


_timers = _TimerState()


def _insert(item: Any, msecs: float, start: float | None = None) -> None:
    """Node's ``insert``: append ``item`` to the list for ``msecs``, creating it if needed."""
    if start is None:
        start = _now()
    key = int(msecs)
    item._idleStart = start
    lst = _timers.lists.get(key)
    if lst is None:
        if _DEBUG:
            debug("no %d list was found in insert, creating a new one", key)
        expiry = start + key
        lst = _timers.lists[key] = _TimersList(expiry, key)
        _timers.push_list(lst)
        if _timers.next_expiry > expiry:
            _timers.schedule(key)
            _timers.next_expiry = expiry
    _append(lst, item)


def _coerce_delay(after: Any) -> float:
    """Node's ``after *= 1`` followed by the 1..TIMEOUT_MAX clamp."""
    value = js_number(after)
    if not (1 <= value <= TIMEOUT_MAX):
        if value > TIMEOUT_MAX:
            warnings.warn(
                f"{_js_number(value)} does not fit into a 32-bit signed integer.\n"
                "Timeout duration was set to 1.",
                TimeoutOverflowWarning, stacklevel=3)
        value = 1
    return value


# Node's ``knownTimersById``: the timers converted to a primitive (their id), by id.
_knownTimersById: dict[int, Timeout] = {}
_asyncIds = itertools.count(1)


class Timeout:
    """A pending timer, as returned by :func:`uvnet.setTimeout` and
    :func:`uvnet.setInterval` (Node's ``Timeout``).

    ``int(timer)`` and ``str(timer)`` give the timer's id, as Node's ``+timer`` and
    `` `${timer}` `` do; :func:`uvnet.clearTimeout` accepts the id as well as the object.
    """

    __slots__ = ("_idleTimeout", "_idleNext", "_idlePrev", "_idleStart", "_onTimeout",
                 "_timerArgs", "_repeat", "_destroyed", "_refed", "_asyncId", "_hasPrimitive",
                 "__weakref__")

    def __init__(self, callback: Callable[..., Any], after: Any, args: tuple[Any, ...],
                 is_repeat: bool, is_refed: bool) -> None:
        """Made by :func:`uvnet.setTimeout` and :func:`uvnet.setInterval`, not directly."""
        after = _coerce_delay(after)
        self._idleTimeout: float = after
        self._idleNext: Any = None
        self._idlePrev: Any = None
        self._idleStart: float = 0.0
        self._onTimeout: Callable[..., Any] | None = callback
        self._timerArgs = args
        self._repeat: float | None = after if is_repeat else None
        self._destroyed = False
        self._refed: bool | None = is_refed
        self._asyncId = next(_asyncIds)
        self._hasPrimitive = False
        if is_refed:
            _timers.inc()

    def __index__(self) -> int:
        """The timer's id (Node's ``timer[Symbol.toPrimitive]()``)."""
        # From now on the id is known to clearTimeout.
        if not self._hasPrimitive:
            self._hasPrimitive = True
            _knownTimersById[self._asyncId] = self
        return self._asyncId

    __int__ = __index__

    def __str__(self) -> str:
        return str(self.__index__())

    def _insert_guarded(self, refed: bool) -> None:
        msecs = self._idleTimeout
        if msecs < 0:
            return
        _insert(self, msecs)
        if self._destroyed:
            self._destroyed = False
            if refed:
                _timers.inc()
        elif refed != bool(self._refed):
            if refed:
                _timers.inc()
            else:
                _timers.dec()
        self._refed = refed

    def refresh(self) -> Self:
        """Start the timer's count again from now, with the same delay and callback, even
        if it has already fired (Node's ``timeout.refresh()``). Returns the timer."""
        self._insert_guarded(bool(self._refed))
        return self

    def unref(self) -> Self:
        """Let :func:`uvnet.run` return while this timer is pending, as a Node process
        exits (Node's ``timeout.unref()``). Returns the timer."""
        if self._refed:
            self._refed = False
            if not self._destroyed:
                _timers.dec()
        return self

    def ref(self) -> Self:
        """Keep :func:`uvnet.run` going while this timer is pending, the default (Node's
        ``timeout.ref()``). Returns the timer."""
        if not self._refed:
            self._refed = True
            if not self._destroyed:
                _timers.inc()
        return self

    def hasRef(self) -> bool:
        """Whether the timer keeps :func:`uvnet.run` going (Node's ``timeout.hasRef()``)."""
        return bool(self._refed)

    def close(self) -> Self:
        """Cancel the timer, as :func:`uvnet.clearTimeout` does (Node's
        ``timeout.close()``). Returns the timer."""
        clearTimeout(self)
        return self


def _unenroll(item: Timeout) -> None:
    """Node's ``unenroll``: only a referenced timer drops its emptied list (and the ref
    count); ``hasRef()`` keeps answering what it did, as Node's ``kRefed`` does."""
    if item._destroyed:
        return
    item._destroyed = True
    if item._hasPrimitive:
        del _knownTimersById[item._asyncId]
    _remove(item)
    if item._refed:
        lst = _timers.lists.get(int(item._idleTimeout))
        if lst is not None and lst._idleNext is lst:
            if _DEBUG:
                debug("unenroll: list empty")
            _timers.drop_list(lst)
        _timers.dec()
    item._idleTimeout = -1


def _validate_callback(callback: Any) -> None:
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)


# As @types/node's timers.d.ts: the callback takes the arguments given after the delay.
def setTimeout(callback: Callable[[Unpack[_Ts]], object] = MISSING, delay: float | None = None,
               *args: Unpack[_Ts]) -> Timeout:
    """Call ``callback(*args)`` once, ``delay`` milliseconds from now (Node's
    ``setTimeout(callback[, delay[, ...args]])``); returns the :class:`Timeout`.

    The delay is at least 1 ms: a missing, zero, negative or non-numeric one is 1, and
    one above 2**31-1 is 1 with a :class:`TimeoutOverflowWarning`, as in Node. The
    callback runs in the timers phase of the loop, never before :func:`uvnet.run`; the
    pending timer keeps ``run()`` going unless :meth:`Timeout.unref` is called. Raises
    ``ERR_INVALID_ARG_TYPE`` when ``callback`` is not callable.
    """
    _validate_callback(callback)
    timeout = Timeout(callback, delay, args, False, True)
    _insert(timeout, timeout._idleTimeout)
    return timeout


def setInterval(callback: Callable[[Unpack[_Ts]], object] = MISSING, delay: float | None = None,
                *args: Unpack[_Ts]) -> Timeout:
    """Call ``callback(*args)`` every ``delay`` milliseconds until
    :func:`uvnet.clearInterval` (Node's ``setInterval(callback[, delay[, ...args]])``);
    returns the :class:`Timeout`. The delay follows :func:`setTimeout`'s rules. Raises
    ``ERR_INVALID_ARG_TYPE`` when ``callback`` is not callable."""
    _validate_callback(callback)
    timeout = Timeout(callback, delay, args, True, True)
    _insert(timeout, timeout._idleTimeout)
    return timeout


def setUnrefTimeout(callback: Callable[..., Any], delay: Any, *args: Any) -> Timeout:
    """An unreferenced timeout (Node's internal ``setUnrefTimeout``, used by sockets)."""
    timeout = Timeout(callback, delay, args, False, False)
    _insert(timeout, timeout._idleTimeout)
    return timeout


def clearTimeout(timer: Timeout | int | str | None = None) -> None:
    """Cancel a timeout or an interval (Node's ``clearTimeout(timeout)``, also
    ``clearInterval``), given as the :class:`Timeout` or as its id (``int(timer)`` or
    ``str(timer)``). ``None``, unknown ids and timers that already fired are ignored, as
    in Node."""
    if not isinstance(timer, Timeout):
        if type(timer) is str:  # a JS object key: the id's decimal string
            timer = int(timer) if timer.isdecimal() and str(int(timer)) == timer else None
        # (not a bool: its typeof is 'boolean'); a known timer has not fired nor been cleared
        timer = _knownTimersById.get(timer) \
            if type(timer) is int or type(timer) is float else None
    if timer is not None and timer._onTimeout is not None:
        timer._onTimeout = None
        _unenroll(timer)


clearInterval = clearTimeout


# --- immediates -------------------------------------------------------------------------


class Immediate:
    """A callback queued by :func:`uvnet.setImmediate` (Node's ``Immediate``)."""

    __slots__ = ("_onImmediate", "_argv", "_destroyed", "_refed")

    def __init__(self, callback: Callable[..., Any], args: tuple[Any, ...]) -> None:
        """Made by :func:`uvnet.setImmediate`, not directly."""
        self._onImmediate: Callable[..., Any] | None = callback
        self._argv = args
        self._destroyed = False
        self._refed: bool | None = True
        _immediates.add(self)

    def ref(self) -> Self:
        """Keep :func:`uvnet.run` going until the immediate has run, the default (Node's
        ``immediate.ref()``). Returns the immediate."""
        if self._refed is False:
            self._refed = True
            _immediates.inc()
        return self

    def unref(self) -> Self:
        """Let :func:`uvnet.run` return before the immediate has run (Node's
        ``immediate.unref()``). Returns the immediate."""
        if self._refed is True:
            self._refed = False
            _immediates.dec()
        return self

    def hasRef(self) -> bool:
        """Whether the immediate keeps :func:`uvnet.run` going (Node's
        ``immediate.hasRef()``)."""
        return bool(self._refed)


class _ImmediateState:
    """The immediate queue, run from a Check handle (Node's ``processImmediate``)."""

    def __init__(self) -> None:
        self.queue: deque[Immediate] = deque()
        self.outstanding: deque[Immediate] = deque()
        self.count = 0
        self.ref_count = 0
        self.check = pyuv.Check(loop)
        self.check.start(self._on_check)
        self.check.ref = False
        self.idle = pyuv.Idle(loop)
        self.idle_cb = _noop

    def add(self, immediate: Immediate) -> None:
        self.count += 1
        self.inc()
        self.queue.append(immediate)

    def inc(self) -> None:
        self.ref_count += 1
        if self.ref_count == 1:
            self.idle.start(self.idle_cb)

    def dec(self) -> None:
        self.ref_count -= 1
        if self.ref_count == 0:
            self.idle.stop()

    def _on_check(self, handle: pyuv.Check) -> None:
        """Node's ``CheckImmediate``: drain the ticks (the native-immediates callback
        scope), then run the queued immediates."""
        # This runs every loop iteration: the helpers are called only with work to do.
        if _uncaught and deferred(self._on_check, handle):
            return
        try:
            if _queue:
                processTicks()
        except BaseException as exc:  # noqa: BLE001 - re-raised by uvnet.run()
            _record(exc, self._check_immediates)
            return
        if self.count:  # (_check_immediates)
            self._process_immediates()

    def _check_immediates(self) -> None:
        if self.count:
            self._process_immediates()

    def _process_immediates(self) -> None:
        """One ``MakeCallback(processImmediate)``; after a throw Node's ``CheckImmediate``
        calls it again (the outstanding immediates, or else the newly queued ones)."""
        try:
            self._process()
        except BaseException as exc:  # noqa: BLE001 - re-raised by uvnet.run()
            _record(exc, self._process_immediates)
            return
        finally:
            if self.ref_count == 0:
                self.idle.stop()
        _drain_ticks()

    def _process(self) -> None:
        if self.outstanding:
            queue = self.outstanding
        else:
            queue = self.outstanding = self.queue
            self.queue = deque()
        ran = False
        while queue:
            if ran:
                processTicks()
            else:
                ran = True
            immediate = queue.popleft()
            if immediate._destroyed:
                continue
            immediate._destroyed = True
            self.count -= 1
            if immediate._refed:
                self.ref_count -= 1
            immediate._refed = None
            callback = immediate._onImmediate
            immediate._onImmediate = None
            assert callback is not None
            jscall(callback, *immediate._argv)


def _noop(handle: Any) -> None:
    pass


_immediates = _ImmediateState()


def _noop_immediate() -> None:
    pass


def _after_uncaught() -> None:
    """Node's uncaught-exception handler queues ``setImmediate(noop)``, so that the ticks
    an exception left behind are drained in the coming check phase."""
    Immediate(_noop_immediate, ())


on_uncaught.append(_after_uncaught)


def setImmediate(callback: Callable[[Unpack[_Ts]], object] = MISSING,
                 *args: Unpack[_Ts]) -> Immediate:
    """Call ``callback(*args)`` once, in the check phase of the loop: after the I/O
    callbacks of the current iteration (Node's ``setImmediate(callback[, ...args])``);
    returns the :class:`Immediate`. Immediates run in the order they were set; one set
    by an immediate runs in the next iteration. Raises ``ERR_INVALID_ARG_TYPE`` when
    ``callback`` is not callable."""
    _validate_callback(callback)
    return Immediate(callback, args)


def clearImmediate(immediate: Immediate | None = None) -> None:
    """Cancel an :class:`Immediate` that has not run yet (Node's
    ``clearImmediate(immediate)``); anything else is ignored."""
    if not isinstance(immediate, Immediate) or immediate._destroyed:
        return
    _immediates.count -= 1
    immediate._destroyed = True
    if immediate._refed:
        _immediates.dec()
    immediate._refed = None
    immediate._onImmediate = None
