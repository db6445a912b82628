"""Node's ``AbortController``/``AbortSignal`` globals (``lib/internal/abort_controller.js``).

``net`` takes a ``signal`` in ``Socket``/``connect`` and ``server.listen`` options and
streams take one too; this is the object a port of Node code passes there. As in Node,
``AbortSignal`` is an event target: ``addEventListener('abort', fn, once=...)``, the
``onabort`` attribute, listeners called with an event whose ``type`` is ``'abort'``, in
registration order, exactly once. ``abort()`` is synchronous; a second call does nothing.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from .events import _sameListener
from .internal.errors import ERR_INVALID_ARG_TYPE, AbortError
from .internal.validators import validateAbortSignal, validateUint32
from .timers import setUnrefTimeout


class DOMException(Exception):
    """The ``DOMException`` Node uses as the default abort reason (``name`` is meaningful)."""

    def __init__(self, message: str = "", name: str = "Error") -> None:
        super().__init__(message)
        self.message = message
        self.name = name

    def __str__(self) -> str:
        return self.message


class Event:
    """The event passed to ``'abort'`` listeners."""

    __slots__ = ("type", "target")

    def __init__(self, type: str, target: Any) -> None:
        self.type = type
        self.target = target


class AbortSignal:
    """Tells its listeners, once, that an operation was aborted, and why (``reason``)."""

    def __init__(self) -> None:
        self.aborted = False
        self.reason: Any = None
        self.onabort: Callable[[Event], Any] | None = None
        self._listeners: list[tuple[Callable[[Event], Any], bool]] = []

    def addEventListener(self, type: str, listener: Callable[[Event], Any],
                         options: dict[str, Any] | None = None, *, once: bool = False) -> None:
        """Add ``listener`` for ``type`` (only ``'abort'`` is ever dispatched); no duplicates."""
        if type != "abort" or any(_sameListener(fn, listener) for fn, _ in self._listeners):
            return
        once = once or bool((options or {}).get("once"))
        self._listeners.append((listener, once))

    def removeEventListener(self, type: str, listener: Callable[[Event], Any],
                            options: dict[str, Any] | None = None) -> None:
        if type == "abort":
            self._listeners = [(fn, o) for fn, o in self._listeners
                               if not _sameListener(fn, listener)]

    def throwIfAborted(self) -> None:
        """Raise ``reason`` if this signal was aborted (a reason that is not an exception
        in a ``uvnet.internal.promise.ThrownValue``, whose ``value`` it is)."""
        if self.aborted:
            reason = self.reason
            if isinstance(reason, BaseException):
                raise reason
            from .internal.promise import ThrownValue
            raise ThrownValue(reason)

    def _abort(self, reason: Any) -> None:
        if self.aborted:
            return
        self.aborted = True
        self.reason = reason if reason is not None else DOMException(
            "This operation was aborted", "AbortError")
        event = Event("abort", self)
        if self.onabort is not None:
            self.onabort(event)
        for listener, once in list(self._listeners):
            if once:
                self.removeEventListener("abort", listener)
            listener(event)
        # Then the signals made by AbortSignal.any() from this one (Node's
        # kDependantSignals), with the same reason.
        for ref in list(self._dependants):
            dependant = ref()
            if dependant is not None:
                dependant._abort(self.reason)

    # Signals made by AbortSignal.any() from this one, in creation order; they are not
    # kept alive by it.
    _dependants: list[weakref.ref[AbortSignal]] | tuple[()] = ()
    # For a signal made by AbortSignal.any(): its plain source signals (Node's
    # kComposite/kSourceSignals).
    _sources: list[weakref.ref[AbortSignal]] | None = None

    @staticmethod
    def abort(reason: Any = None) -> AbortSignal:
        """A signal that is already aborted."""
        signal = AbortSignal()
        signal._abort(reason)
        return signal

    @staticmethod
    def any(signals: list[AbortSignal] | None = None) -> AbortSignal:
        """A signal that aborts when any of ``signals`` does, with that signal's reason
        (already aborted, if one of them is). ``signals`` must be a list of signals."""
        if not isinstance(signals, (list, tuple)):
            raise ERR_INVALID_ARG_TYPE("signals", "Array", signals)
        for i, signal in enumerate(signals):
            if signal is None:
                raise ERR_INVALID_ARG_TYPE(f"signals[{i}]", "AbortSignal", signal)
            validateAbortSignal(signal, f"signals[{i}]")
        result = AbortSignal()
        result._sources = []
        for signal in signals:
            if signal.aborted:
                result._abort(signal.reason)
                return result
            if signal._sources is None:
                sources: list[AbortSignal | None] = [signal]
            else:  # a composite signal: depend on its sources directly
                sources = [ref() for ref in signal._sources]
            for source in sources:
                if source is None or any(ref() is source for ref in result._sources):
                    continue
                result._sources.append(weakref.ref(source))
                if not source._dependants:
                    source._dependants = []
                elif len(source._dependants) > 64:  # drop the refs of collected signals
                    source._dependants = [r for r in source._dependants if r() is not None]
                source._dependants.append(weakref.ref(result))
        return result

    @staticmethod
    def timeout(delay: int) -> AbortSignal:
        """A signal that aborts after ``delay`` ms with a ``TimeoutError`` (unreferenced timer)."""
        validateUint32(delay, "delay", False)
        signal = AbortSignal()
        setUnrefTimeout(lambda: signal._abort(DOMException(
            "The operation was aborted due to timeout", "TimeoutError")), delay)
        return signal


class AbortController:
    """Owns a :class:`AbortSignal` and aborts it."""

    def __init__(self) -> None:
        self.signal = AbortSignal()

    def abort(self, reason: Any = None) -> None:
        """Abort the signal with ``reason`` (default: an ``AbortError`` ``DOMException``)."""
        self.signal._abort(reason)


__all__ = ["AbortController", "AbortError", "AbortSignal", "DOMException"]
