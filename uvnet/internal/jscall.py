"""Call a user's function the way JavaScript calls one.

In JavaScript a function ignores the arguments it does not declare, and a parameter
with no argument is ``undefined``. Node programs rely on that everywhere:
``sock.on('close', () => ...)`` although ``'close'`` passes ``hadError``,
``server.close((err) => ...)`` although a successful close passes nothing. A line-by-line
port (``lambda: ...``, ``def on_close(err): ...``) would raise ``TypeError`` in Python,
so uvnet calls listeners and callbacks with JavaScript's rule: extra arguments are
dropped, missing ones are ``None``.

The rule costs nothing when the arguments fit: the call is attempted as is, and only a
``TypeError`` raised while *binding* the arguments (the failed call has no frame of its
own, so the traceback stops at the caller) leads to a second, adapted call. A
``TypeError`` raised inside the function propagates unchanged.

A call of an ``async def`` makes a coroutine, where JavaScript's call of an async function
has already run its body up to the first ``await``: :func:`jscall` (and every place that
inlines it) starts such a coroutine at once (:func:`started`), so an ``async def``
listener, callback or hook runs as in Node; its Promise's rejection, which nobody
handles, is an unhandled rejection.
"""

from __future__ import annotations

import inspect
import math
from inspect import CO_VARARGS
from types import CoroutineType, FunctionType, MethodType
from typing import Any, Callable

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _bounds(fn: Callable[..., Any]) -> tuple[int, float] | None:
    """How many positional arguments ``fn`` needs and accepts, or ``None`` if unknown."""
    func = fn.__func__ if type(fn) is MethodType else fn
    if type(func) is FunctionType:  # from the code object: no inspect.signature per call
        code = func.__code__
        if code.co_kwonlyargcount > len(func.__kwdefaults__ or ()):
            return None  # a keyword-only parameter without default: no positional call fits
        high: float = math.inf if code.co_flags & CO_VARARGS else code.co_argcount
        low = code.co_argcount - len(func.__defaults__ or ())
        if func is not fn:  # a bound method: the first parameter is taken
            return (max(low - 1, 0), high - 1) if high >= 1 else None
        return low, high
    return _signature_bounds(fn)


def _signature_bounds(fn: Callable[..., Any]) -> tuple[int, float] | None:
    """:func:`_bounds` for any callable, from ``inspect.signature``."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return None
    low, high = 0, 0.0
    for p in params:
        if p.kind in _POSITIONAL:
            high += 1
            if p.default is p.empty:
                low += 1
        elif p.kind is inspect.Parameter.VAR_POSITIONAL:
            high = math.inf
        elif p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is p.empty:
            return None
    return low, high


def call_adapted(fn: Callable[..., Any], args: tuple[Any, ...], exc: TypeError) -> Any:
    """Call ``fn`` again with ``args`` cut or padded with ``None`` to fit its signature.

    ``exc`` is the ``TypeError`` of the first attempt; it is raised again when the
    arguments were not the problem.
    """
    bounds = _bounds(fn)
    if bounds is None:
        raise exc
    low, high = bounds
    n = len(args)
    if n > high:
        args = args[: int(high)]
    elif n < low:
        args = args + (None,) * (low - n)
    else:
        raise exc
    return fn(*args)


def started(result: Any) -> Any:
    """What the JS call returned: ``result``, or for a coroutine (an ``async def`` was
    called) the Promise of that async function, started now, as the call would have.

    For the places that inline :func:`jscall`: ``if result is not None: started(result)``.
    """
    if type(result) is CoroutineType:
        from .promise import startCoroutine  # (promise imports this module)

        return startCoroutine(result)
    return result


def jscall(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` with JavaScript's argument rule (see the module docstring); a
    coroutine it returns is started and its Promise returned (:func:`started`)."""
    try:
        result = fn(*args)
    except TypeError as exc:
        if exc.__traceback__ is not None and exc.__traceback__.tb_next is not None:
            raise
        result = call_adapted(fn, args, exc)
    if result is not None and type(result) is CoroutineType:
        return started(result)
    return result
