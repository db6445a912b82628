"""Destroying streams (Node's ``lib/internal/streams/destroy.js``).

``destroy(err)`` marks both sides destroyed at once (re-entrancy safe), calls ``_destroy``
(deferred until ``_construct`` is done), and from its callback queues ``emitErrorCloseNT``
or ``emitCloseNT`` on the next tick: ``'error'`` (once per stream) then ``'close'`` (if
``emitClose``). ``errorOrDestroy`` is how the stream machinery reports an error:
``destroy(err)`` with ``autoDestroy``, else mark errored and emit ``'error'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..errors import ERR_MULTIPLE_CALLBACK, AbortError, NodeAggregateError
from ..jscall import jscall
from ..task_queues import _queue as _tickQueue
from ..task_queues import nextTick
from ..validators import js_truthy
from .utils import isDestroyed, isFinished, kIsDestroyed

if TYPE_CHECKING:
    from typing import TypeVar

    from ...events import EventEmitter

    _S = TypeVar("_S", bound=EventEmitter)


class _Key:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Symbol({self.name})"


kDestroy = _Key("kDestroy")
kConstruct = _Key("kConstruct")


def aggregateTwoErrors(innerError: Any, outerError: Any) -> Any:
    """Node's ``aggregateTwoErrors``: both errors in an ``AggregateError``, or whichever exists."""
    if innerError and outerError and innerError is not outerError:
        errors = getattr(outerError, "errors", None)
        if isinstance(errors, list):
            errors.append(innerError)
            return outerError
        return NodeAggregateError([outerError, innerError], str(outerError))
    return innerError or outerError


def checkError(err: Any, w: Any, r: Any) -> None:
    """Node's ``checkError``; its callers test ``err`` first (no call without one)."""
    if w is not None and not w.errored:
        w.errored = err
    if r is not None and not r.errored:
        r.errored = err


def destroy(self: _S, err: Any = None, cb: Callable[..., Any] | None = None) -> _S:
    """``stream.destroy([err][, cb])``: Readable's (and, wrapped, Writable's) ``destroy``."""
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)
    s = w if w is not None else r

    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        if callable(cb):
            jscall(cb, None)  # Node calls cb() with no argument: undefined
        return self

    # Set destroyed before any callback runs, so destroy() inside one is a no-op. Node's
    # tests of err are JS truthiness ({} is an error, NaN is none).
    if js_truthy(err):
        checkError(err, w, r)
    if w is not None:
        w.destroyed = True
    if r is not None:
        r.destroyed = True

    if s is not None and not s.constructed:
        self.once(kDestroy, _onConstructedDestroy(self, err, cb))
    else:
        _destroy(self, err, cb)
    return self


def _onConstructedDestroy(self: Any, err: Any, cb: Callable[..., Any] | None
                          ) -> Callable[..., None]:
    """``destroy``'s ``kDestroy`` listener for a stream still constructing. (Made here, not
    in ``destroy``: a closure there would make its cells at every destroy.)"""
    def ondestroy(er: Any = None, *_: Any) -> None:
        _destroy(self, aggregateTwoErrors(er, err), cb)
    return ondestroy


def _destroy(self: Any, err: Any, cb: Callable[..., Any] | None) -> None:
    called = False

    def onDestroy(err: Any = None, *_: Any) -> None:
        nonlocal called
        if called:
            return
        called = True
        r = getattr(self, "_readableState", None)
        w = getattr(self, "_writableState", None)
        if js_truthy(err):
            checkError(err, w, r)
        if w is not None:
            w.closed = True
        if r is not None:
            r.closed = True
        if callable(cb):
            jscall(cb, err)
        if js_truthy(err):
            nextTick(emitErrorCloseNT, self, err)
        else:
            _tickQueue.append((emitCloseNT, (self,)))  # nextTick, inlined

    try:
        jscall(self._destroy, err if js_truthy(err) else None, onDestroy)
    except Exception as e:  # noqa: BLE001 - Node catches whatever _destroy throws
        onDestroy(e)


def emitErrorCloseNT(self: Any, err: Any) -> None:
    emitErrorNT(self, err)
    emitCloseNT(self)


def emitCloseNT(self: Any) -> None:
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)
    if w is not None:
        w.closeEmitted = True
    if r is not None:
        r.closeEmitted = True
    if (w is not None and w.emitClose) or (r is not None and r.emitClose):
        self.emit("close")


def emitErrorNT(self: Any, err: Any) -> None:
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)
    if (w is not None and w.errorEmitted) or (r is not None and r.errorEmitted):
        return
    if w is not None:
        w.errorEmitted = True
    if r is not None:
        r.errorEmitted = True
    self.emit("error", err)


def undestroy(self: Any) -> None:
    """``stream._undestroy()``: back to a fresh, constructed, not-ended state."""
    r = getattr(self, "_readableState", None)
    w = getattr(self, "_writableState", None)
    if r is not None:
        r.constructed = True
        r.closed = False
        r.closeEmitted = False
        r.destroyed = False
        r.errored = None
        r.errorEmitted = False
        r.reading = False
        r.ended = r.readable is False
        r.endEmitted = r.readable is False
    if w is not None:
        w.constructed = True
        w.destroyed = False
        w.closed = False
        w.closeEmitted = False
        w.errored = None
        w.errorEmitted = False
        w.finalCalled = False
        w.prefinished = False
        w.ended = w.writable is False
        w.ending = w.writable is False
        w.finished = w.writable is False


def errorOrDestroy(stream: Any, err: Any, sync: bool = False) -> None:
    """Report ``err``: ``destroy(err)`` under ``autoDestroy``, else set errored and emit it."""
    r = getattr(stream, "_readableState", None)
    w = getattr(stream, "_writableState", None)
    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        return
    if (r is not None and r.autoDestroy) or (w is not None and w.autoDestroy):
        stream.destroy(err)
    elif err:
        if w is not None and not w.errored:
            w.errored = err
        if r is not None and not r.errored:
            r.errored = err
        if sync:
            nextTick(emitErrorNT, stream, err)
        else:
            emitErrorNT(stream, err)


def construct(stream: Any, cb: Callable[[], Any]) -> None:
    """Run ``stream._construct`` on the next tick; until it calls back, the stream waits."""
    if not callable(getattr(stream, "_construct", None)):
        return
    r = getattr(stream, "_readableState", None)
    w = getattr(stream, "_writableState", None)
    if r is not None:
        r.constructed = False
    if w is not None:
        w.constructed = False
    stream.once(kConstruct, cb)
    if stream.listenerCount(kConstruct) > 1:
        return  # Duplex
    nextTick(constructNT, stream)


def constructNT(stream: Any) -> None:
    called = False

    def onConstruct(err: Any = None) -> None:
        nonlocal called
        if called:
            errorOrDestroy(stream, err if err is not None else ERR_MULTIPLE_CALLBACK())
            return
        called = True
        r = getattr(stream, "_readableState", None)
        w = getattr(stream, "_writableState", None)
        s = w if w is not None else r
        if r is not None:
            r.constructed = True
        if w is not None:
            w.constructed = True
        if s is not None and s.destroyed:
            stream.emit(kDestroy, err)
        elif err:
            errorOrDestroy(stream, err, True)
        else:
            stream.emit(kConstruct)

    def callback(err: Any = None, *_: Any) -> None:
        nextTick(onConstruct, err)

    try:
        jscall(stream._construct, callback)
    except Exception as e:  # noqa: BLE001
        nextTick(onConstruct, e)


def _emitCloseLegacy(stream: Any) -> None:
    stream.emit("close")


def _emitErrorCloseLegacy(stream: Any, err: Any) -> None:
    stream.emit("error", err)
    nextTick(_emitCloseLegacy, stream)


def destroyer(stream: Any, err: Any = None) -> None:
    """Destroy ``stream``, any stream-like object, with ``err`` (Node's
    ``stream.destroy()`` helper, which ``pipeline`` uses). Without ``err``, a stream that
    has not finished is destroyed with an ``AbortError``; one already destroyed is left
    alone."""
    if stream is None or isDestroyed(stream):
        return
    if not err and not isFinished(stream):
        err = AbortError()
    if callable(getattr(stream, "destroy", None)):
        stream.destroy(err)
    elif callable(getattr(stream, "close", None)):
        stream.close()
    elif err:
        nextTick(_emitErrorCloseLegacy, stream, err)
    else:
        nextTick(_emitCloseLegacy, stream)
    if not getattr(stream, "destroyed", False):
        try:
            setattr(stream, kIsDestroyed, True)
        except AttributeError:
            pass
