"""``require('timers/promises')`` (Node's ``lib/timers/promises.js``): ``uvnet.timers.promises``.

``await setTimeout(ms, value)`` and ``await setImmediate(value)`` resolve with ``value``
once the timer fires; ``async for v in setInterval(ms, value)`` yields ``value`` at each
interval (as many times as it fired while the loop body ran); ``scheduler.wait(ms)`` and
``scheduler.yield_()`` are ``setTimeout(ms)`` and ``setImmediate()``. Each takes the
options ``signal`` (an ``AbortSignal``: abort clears the timer and rejects with an
``AbortError`` whose ``cause`` is the reason) and ``ref`` (``False``: the timer does not
keep ``uvnet.run()`` going). Bad arguments reject the Promise (raise, for setInterval,
at its first step), with Node's errors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Callable

from .. import timers as _timers
from .errors import AbortError
from .promise import Promise
from .validators import validateAbortSignal, validateBoolean, validateNumber, validateObject


def _validate(options: Any) -> None:
    validateObject(options, "options")
    if options.get("signal") is not None:
        validateAbortSignal(options["signal"], "options.signal")
    if "ref" in options:
        validateBoolean(options["ref"], "options.ref")


def _options(options: dict[str, Any] | None, kwargs: dict[str, Any]) -> Any:
    if kwargs:
        return {**(options or {}), **kwargs}
    return {} if options is None else options


def _cancelListener(timer: Any, clear: Callable[[Any], None], reject: Callable[[Any], None],
                    signal: Any) -> Callable[..., None]:
    """Node's ``cancelListenerHandler`` bound to ``timer``."""
    def oncancel(*args: Any) -> None:
        if not timer._destroyed:
            clear(timer)
            reject(AbortError(cause=getattr(signal, "reason", None)))
    return oncancel


def setTimeout(delay: Any = None, value: Any = None, options: dict[str, Any] | None = None,
               **kwargs: Any) -> Promise[Any]:
    """A Promise of ``value``, resolved after ``delay`` ms (``timersPromises.setTimeout``)."""
    opts = _options(options, kwargs)
    try:
        if delay is not None:
            validateNumber(delay, "delay")
        _validate(opts)
    except Exception as err:  # noqa: BLE001 - Node returns PromiseReject(err)
        return Promise.reject(err)
    signal = opts.get("signal")
    ref = opts.get("ref", True)
    if signal is not None and signal.aborted:
        return Promise.reject(AbortError(cause=signal.reason))
    oncancel: Callable[..., None] | None = None

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        nonlocal oncancel
        timeout = _timers.Timeout(resolve, delay, (value,), False, ref)
        _timers._insert(timeout, timeout._idleTimeout)
        if signal is not None:
            oncancel = _cancelListener(timeout, _timers.clearTimeout, reject, signal)
            signal.addEventListener("abort", oncancel)

    ret: Promise[Any] = Promise(executor)
    if oncancel is None:
        return ret
    listener = oncancel
    return ret.finally_(lambda: signal.removeEventListener("abort", listener))


def setImmediate(value: Any = None, options: dict[str, Any] | None = None,
                 **kwargs: Any) -> Promise[Any]:
    """A Promise of ``value``, resolved in the check phase (``timersPromises.setImmediate``)."""
    opts = _options(options, kwargs)
    try:
        _validate(opts)
    except Exception as err:  # noqa: BLE001
        return Promise.reject(err)
    signal = opts.get("signal")
    ref = opts.get("ref", True)
    if signal is not None and signal.aborted:
        return Promise.reject(AbortError(cause=signal.reason))
    oncancel: Callable[..., None] | None = None

    def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
        nonlocal oncancel
        immediate = _timers.Immediate(resolve, (value,))
        if not ref:
            immediate.unref()
        if signal is not None:
            oncancel = _cancelListener(immediate, _timers.clearImmediate, reject, signal)
            signal.addEventListener("abort", oncancel)

    ret: Promise[Any] = Promise(executor)
    if oncancel is None:
        return ret
    listener = oncancel
    return ret.finally_(lambda: signal.removeEventListener("abort", listener))


async def setInterval(delay: Any = None, value: Any = None,
                      options: dict[str, Any] | None = None,
                      **kwargs: Any) -> AsyncIterator[Any]:
    """An async iterator yielding ``value`` every ``delay`` ms, until the loop is left
    (which clears the interval) or ``signal`` aborts (``AbortError``)."""
    opts = _options(options, kwargs)
    if delay is not None:
        validateNumber(delay, "delay")
    _validate(opts)
    signal = opts.get("signal")
    ref = opts.get("ref", True)
    if signal is not None and signal.aborted:
        raise AbortError(cause=signal.reason)
    onCancel: Callable[..., None] | None = None
    interval: Any = None
    try:
        notYielded = 0
        callback: Callable[..., Any] | None = None

        def ontimeout() -> None:
            nonlocal notYielded, callback
            notYielded += 1
            if callback is not None:
                cb, callback = callback, None
                cb(None)

        interval = _timers.Timeout(ontimeout, delay, (), True, ref)
        _timers._insert(interval, interval._idleTimeout)
        if signal is not None:
            def onCancel(*args: Any) -> None:
                nonlocal callback
                _timers.clearInterval(interval)
                if callback is not None:
                    cb, callback = callback, None
                    cb(Promise.reject(AbortError(cause=signal.reason)))
            signal.addEventListener("abort", onCancel, {"once": True})

        def wait(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
            nonlocal callback
            callback = resolve

        while not (signal is not None and signal.aborted):
            if notYielded == 0:
                await Promise(wait)
            while notYielded > 0:
                yield value
                notYielded -= 1
        raise AbortError(cause=getattr(signal, "reason", None))
    finally:
        _timers.clearInterval(interval)
        if signal is not None and onCancel is not None:
            signal.removeEventListener("abort", onCancel)


class Scheduler:
    """``timersPromises.scheduler`` (experimental in Node, as the WICG scheduling API)."""

    def yield_(self) -> Promise[Any]:
        """``scheduler.yield()``: ``setImmediate()``."""
        return setImmediate()

    def wait(self, delay: Any, options: dict[str, Any] | None = None,
             **kwargs: Any) -> Promise[Any]:
        """``scheduler.wait(delay[, {signal}])``: ``setTimeout(delay, None, options)``."""
        return setTimeout(delay, None, options, **kwargs)


scheduler = Scheduler()
setattr(Scheduler, "yield", Scheduler.yield_)

__all__ = ["scheduler", "setImmediate", "setInterval", "setTimeout"]
