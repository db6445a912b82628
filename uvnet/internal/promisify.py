"""``util.promisify`` and ``util.callbackify`` (Node's ``lib/internal/util.js``,
``lib/util.js``).

``promisify(fn)`` turns a callback-last function (``fn(*args, callback(err, value))``)
into one returning a :class:`uvnet.Promise` of ``value`` (rejected with ``err``). A
function with an attribute named :data:`promisify.custom <custom>` is promisified to
that attribute instead (``uvnet.setTimeout`` and ``uvnet.setImmediate`` have theirs:
``uvnet.timers.promises.setTimeout``/``setImmediate``, as in Node).
``callbackify(fn)`` does the reverse for an ``async def`` (or Promise-returning) ``fn``.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from .errors import ERR_FALSY_VALUE_REJECTION
from .jscall import jscall
from .promise import Promise
from .task_queues import nextTick
from .validators import validateFunction

custom = "_nodejs_util_promisify_custom"
"""The attribute a function's own promisified version is stored under (Node's
``util.promisify.custom``, ``Symbol.for('nodejs.util.promisify.custom')``)."""

customPromisifyArgs = "_nodejs_customPromisifyArgs"
"""Names of the callback's values, for a callback with more than one (Node's internal
``customPromisifyArgs``): the Promise then resolves with a dict of them."""


def promisify(original: Callable[..., Any]) -> Callable[..., Any]:
    """Node's ``util.promisify(original)``."""
    validateFunction(original, "original")
    fn = getattr(original, custom, None)
    if fn:
        validateFunction(fn, "util.promisify.custom")
        _set(fn, custom, fn)
        return fn  # type: ignore[no-any-return]
    argumentNames = getattr(original, customPromisifyArgs, None)

    def promisified(*args: Any) -> Promise[Any]:
        def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
            def callback(err: Any = None, *values: Any) -> None:
                if err:
                    reject(err)
                elif argumentNames is not None and len(values) > 1:
                    resolve(dict(zip(argumentNames, values)))
                else:
                    resolve(values[0] if values else None)
            jscall(original, *args, callback)  # original.apply(this, args)
        return Promise(executor)

    functools.update_wrapper(promisified, original, updated=())
    _set(promisified, custom, promisified)
    return promisified


promisify.custom = custom  # type: ignore[attr-defined]


def _set(fn: Any, name: str, value: Any) -> None:
    try:
        setattr(fn, name, value)
    except (AttributeError, TypeError):  # a builtin or bound method takes no attributes
        pass


def callbackifyOnRejected(reason: Any, cb: Callable[..., Any]) -> Any:
    # A falsy reason (None, 0, '') is wrapped: the callback could not tell it from success.
    if not reason:
        err = ERR_FALSY_VALUE_REJECTION()
        err.reason = reason  # type: ignore[attr-defined]
        reason = err
    return jscall(cb, reason)


def callbackify(original: Callable[..., Any]) -> Callable[..., None]:
    """Node's ``util.callbackify(original)``: ``original(*args)`` returns a Promise (or is
    an ``async def``); the result calls ``callback(None, value)`` or ``callback(err)`` on
    a tick (``ERR_FALSY_VALUE_REJECTION`` with ``reason`` for a falsy rejection)."""
    validateFunction(original, "original")

    def callbackified(*args: Any) -> None:
        maybeCb = args[-1] if args else None
        validateFunction(maybeCb, "last argument")
        Promise.resolve(jscall(original, *args[:-1])).then(
            lambda ret: nextTick(maybeCb, None, ret),
            lambda rej: nextTick(callbackifyOnRejected, rej, maybeCb))

    functools.update_wrapper(callbackified, original, updated=())
    callbackified.__name__ = f"{getattr(original, '__name__', '')}Callbackified"
    return callbackified


__all__ = ["callbackify", "promisify"]
