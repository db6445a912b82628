"""Tie a stream to an ``AbortSignal`` (Node's ``lib/internal/streams/add-abort-signal.js``).

Any object with ``aborted`` and ``reason`` and either ``addEventListener``/
``removeEventListener`` (a DOM-style ``AbortSignal``) or ``on``/``removeListener`` (an
``EventEmitter``) serves as a signal. On ``'abort'`` the stream is destroyed with an
``AbortError`` whose ``cause`` is the signal's reason.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import ERR_INVALID_ARG_TYPE, AbortError
from .utils import isNodeStream


def validateAbortSignal(signal: Any, name: str) -> None:
    if signal is None or not hasattr(signal, "aborted"):
        raise ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal)


def addAbortListener(signal: Any, listener: Callable[..., Any]) -> Callable[[], None]:
    """Call ``listener`` once on ``'abort'``; returns the function that detaches it."""
    add = getattr(signal, "addEventListener", None)
    if callable(add):
        add("abort", listener)
        return lambda: signal.removeEventListener("abort", listener)
    signal.on("abort", listener)
    return lambda: signal.removeListener("abort", listener)


def addAbortSignal(signal: Any, stream: Any) -> Any:
    """Destroy ``stream`` with an ``AbortError`` when ``signal`` aborts, at once if it
    already has (Node's ``stream.addAbortSignal(signal, stream)``); returns ``stream``.
    Raises ``ERR_INVALID_ARG_TYPE`` when ``signal`` is not an :class:`uvnet.AbortSignal`
    or ``stream`` is not a stream."""
    validateAbortSignal(signal, "signal")
    if not isNodeStream(stream):
        raise ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    return addAbortSignalNoValidate(signal, stream)


def addAbortSignalNoValidate(signal: Any, stream: Any) -> Any:
    if signal is None or not hasattr(signal, "aborted"):
        return stream

    def onAbort(*args: Any) -> None:
        stream.destroy(AbortError(cause=getattr(signal, "reason", None)))

    if signal.aborted:
        onAbort()
    else:
        from .end_of_stream import eos
        dispose = addAbortListener(signal, onAbort)
        eos(stream, lambda *a: dispose())
    return stream
