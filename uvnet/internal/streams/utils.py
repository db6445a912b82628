"""Duck-typed stream predicates (Node's ``lib/internal/streams/utils.js``).

They look at the same things Node looks at (``pipe``/``on``/``write`` methods, the
``_readableState``/``_writableState`` objects and their flags), so ``finished`` and
``pipeline`` accept any object that quacks like a Node stream.
"""

from __future__ import annotations

from typing import Any

# Node's Symbol.for('nodejs.stream.*') keys, as attribute names.
kIsDestroyed = "_nodejs_stream_destroyed"
kIsErrored = "_nodejs_stream_errored"
kIsReadable = "_nodejs_stream_readable"
kIsWritable = "_nodejs_stream_writable"
kIsDisturbed = "_nodejs_stream_disturbed"


def _fn(obj: Any, name: str) -> bool:
    return callable(getattr(obj, name, None))


def isReadableNodeStream(obj: Any, strict: bool = False) -> bool:
    if obj is None or not _fn(obj, "pipe") or not _fn(obj, "on"):
        return False
    if strict and not (_fn(obj, "pause") and _fn(obj, "resume")):
        return False
    w = getattr(obj, "_writableState", None)
    r = getattr(obj, "_readableState", None)
    if w is not None and r is not None and getattr(r, "readable", None) is False:
        return False  # Duplex with its readable side disabled
    if w is not None and r is None:
        return False  # a Writable has .pipe too
    return True


def isWritableNodeStream(obj: Any) -> bool:
    if obj is None or not _fn(obj, "write") or not _fn(obj, "on"):
        return False
    r = getattr(obj, "_readableState", None)
    w = getattr(obj, "_writableState", None)
    return r is None or getattr(w, "writable", None) is not False


def isDuplexNodeStream(obj: Any) -> bool:
    return (obj is not None and _fn(obj, "pipe") and getattr(obj, "_readableState", None)
            is not None and _fn(obj, "on") and _fn(obj, "write"))


def isNodeStream(obj: Any) -> bool:
    if obj is None:
        return False
    return (getattr(obj, "_readableState", None) is not None
            or getattr(obj, "_writableState", None) is not None
            or (_fn(obj, "write") and _fn(obj, "on"))
            or (_fn(obj, "pipe") and _fn(obj, "on")))


def isIterable(obj: Any, isAsync: bool | None = None) -> bool:
    if obj is None:
        return False
    if isAsync is True:
        return hasattr(obj, "__aiter__")
    if isAsync is False:
        return hasattr(obj, "__iter__")
    return hasattr(obj, "__aiter__") or hasattr(obj, "__iter__")


def _state(stream: Any, name: str) -> Any:
    return getattr(stream, name, None)


def isDestroyed(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    state = _state(stream, "_writableState") or _state(stream, "_readableState")
    return bool(getattr(stream, "destroyed", False) or getattr(stream, kIsDestroyed, False)
                or getattr(state, "destroyed", False))


def isWritableEnded(stream: Any) -> bool | None:
    """Has ``end()`` been called."""
    if not isWritableNodeStream(stream):
        return None
    if getattr(stream, "writableEnded", None) is True:
        return True
    w = _state(stream, "_writableState")
    if getattr(w, "errored", None):
        return False
    ended = getattr(w, "ended", None)
    return ended if isinstance(ended, bool) else None


def isWritableFinished(stream: Any, strict: bool | None = None) -> bool | None:
    """Has ``'finish'`` been emitted (or, with ``strict=False``, is it bound to be)."""
    if not isWritableNodeStream(stream):
        return None
    if getattr(stream, "writableFinished", None) is True:
        return True
    w = _state(stream, "_writableState")
    if getattr(w, "errored", None):
        return False
    if not isinstance(getattr(w, "finished", None), bool):
        return None
    return bool(w.finished or (strict is False and getattr(w, "ended", None) is True
                               and getattr(w, "length", None) == 0))


def isReadableEnded(stream: Any) -> bool | None:
    """Has ``push(None)`` been called."""
    if not isReadableNodeStream(stream):
        return None
    if getattr(stream, "readableEnded", None) is True:
        return True
    r = _state(stream, "_readableState")
    if r is None or getattr(r, "errored", None):
        return False
    return r.ended if isinstance(getattr(r, "ended", None), bool) else None


def isReadableFinished(stream: Any, strict: bool | None = None) -> bool | None:
    """Has ``'end'`` been emitted (or, with ``strict=False``, is it bound to be)."""
    if not isReadableNodeStream(stream):
        return None
    r = _state(stream, "_readableState")
    if getattr(r, "errored", None):
        return False
    if not isinstance(getattr(r, "endEmitted", None), bool):
        return None
    return bool(r.endEmitted or (strict is False and getattr(r, "ended", None) is True
                                 and getattr(r, "length", None) == 0))


def isReadable(stream: Any) -> bool | None:
    forced: bool | None = getattr(stream, kIsReadable, None)
    if forced is not None:
        return forced
    if not isinstance(getattr(stream, "readable", None), bool):
        return None
    if isDestroyed(stream):
        return False
    return bool(isReadableNodeStream(stream) and stream.readable
                and not isReadableFinished(stream))


def isWritable(stream: Any) -> bool | None:
    forced: bool | None = getattr(stream, kIsWritable, None)
    if forced is not None:
        return forced
    if not isinstance(getattr(stream, "writable", None), bool):
        return None
    if isDestroyed(stream):
        return False
    return bool(isWritableNodeStream(stream) and stream.writable and not isWritableEnded(stream))


def isFinished(stream: Any, opts: dict[str, Any] | None = None) -> bool | None:
    if not isNodeStream(stream):
        return None
    if isDestroyed(stream):
        return True
    opts = opts or {}
    if opts.get("readable") is not False and isReadable(stream):
        return False
    if opts.get("writable") is not False and isWritable(stream):
        return False
    return True


def isWritableErrored(stream: Any) -> Any:
    if not isNodeStream(stream):
        return None
    err = getattr(stream, "writableErrored", None)
    if err:
        return err
    return getattr(_state(stream, "_writableState"), "errored", None)


def isReadableErrored(stream: Any) -> Any:
    if not isNodeStream(stream):
        return None
    err = getattr(stream, "readableErrored", None)
    if err:
        return err
    return getattr(_state(stream, "_readableState"), "errored", None)


def isClosed(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    closed = getattr(stream, "closed", None)
    if isinstance(closed, bool):
        return closed
    w = _state(stream, "_writableState")
    r = _state(stream, "_readableState")
    if isinstance(getattr(w, "closed", None), bool) or isinstance(getattr(r, "closed", None), bool):
        return bool(getattr(w, "closed", False) or getattr(r, "closed", False))
    return None


def willEmitClose(stream: Any) -> bool | None:
    if not isNodeStream(stream):
        return None
    state = _state(stream, "_writableState") or _state(stream, "_readableState")
    return bool(state is not None and getattr(state, "autoDestroy", None)
                and getattr(state, "emitClose", None) and getattr(state, "closed", None) is False)


def isDisturbed(stream: Any) -> bool:
    if stream is None:
        return False
    forced = getattr(stream, kIsDisturbed, None)
    if forced is not None:
        return bool(forced)
    return bool(getattr(stream, "readableDidRead", False)
                or getattr(stream, "readableAborted", False))


def isErrored(stream: Any) -> bool:
    if stream is None:
        return False
    for value in (getattr(stream, kIsErrored, None), getattr(stream, "readableErrored", None),
                  getattr(stream, "writableErrored", None)):
        if value is not None:
            return bool(value)
    r = _state(stream, "_readableState")
    w = _state(stream, "_writableState")
    for value in (getattr(r, "errorEmitted", None), getattr(w, "errorEmitted", None),
                  getattr(r, "errored", None), getattr(w, "errored", None)):
        if value is not None:
            return bool(value)
    return False
