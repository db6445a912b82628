"""Node's ``Duplex`` (``lib/internal/streams/duplex.js``): a Readable with Writable's methods.

As in Node, Readable's methods and properties win and Writable supplies the rest
(``write``, ``end``, ``cork``, the ``writable*`` properties); ``destroy`` is Writable's;
``destroyed`` is true only when both sides are. ``allowHalfOpen`` (default ``True``): when
``False`` the writable side is ended on the tick after ``'end'``. ``readable: False`` /
``writable: False`` start that side already ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import destroy as destroyImpl
from .add_abort_signal import addAbortSignal
from .legacy import Stream
from .readable import Readable, ReadableState, _options
from .writable import Writable, WritableState

if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import Callable, Literal, overload

    from typing_extensions import Self

_IMPL_OPTIONS = (("read", "_read"), ("write", "_write"), ("writev", "_writev"),
                 ("destroy", "_destroy"), ("final", "_final"), ("construct", "_construct"))
_IMPL_KEYS = frozenset(key for key, _attr in _IMPL_OPTIONS)


class Duplex(Readable, Writable):
    """Node's stream.Duplex: a Readable and a Writable in one object, each side with its
    own buffer, as a network connection is (:class:`uvnet.Socket` is one).

    It has every method, property and event of :class:`Readable` and :class:`Writable`.
    To make one, implement both ``_read`` and ``_write`` (or pass ``read=`` and
    ``write=``).
    """

    _shapeKeys = ("close", "error", "prefinish", "finish", "drain", "data", "end", "readable")
    #: When ``False``, the writable side ends by itself once the readable side has ended
    #: (Node's ``duplex.allowHalfOpen``; default ``True``).
    allowHalfOpen: bool
    # Node 20's Duplex takes Writable's writable* getters, except this one: undefined.
    writableAborted: Any = None

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """``Duplex([options])``, as Node's ``new stream.Duplex([options])``.

        Takes the options of :class:`Readable` and :class:`Writable` (given to both
        sides), plus ``allowHalfOpen`` (default ``True``), ``readable`` / ``writable``
        (``False`` starts that side ended), ``readableHighWaterMark`` /
        ``writableHighWaterMark`` and ``readableObjectMode`` / ``writableObjectMode``
        (one side each), as a dict or as keywords.
        """
        if kwargs:
            options = _options(options, kwargs)
        Stream.__init__(self, options)
        self._readableState = ReadableState(options, self, True)
        self._writableState = WritableState(options, self, True)

        if options:
            self.allowHalfOpen = options.get("allowHalfOpen") is not False
            if options.get("readable") is False:
                r = self._readableState
                r.readable = False
                r.ended = True
                r.endEmitted = True
            if options.get("writable") is False:
                w = self._writableState
                w.writable = False
                w.ending = True
                w.ended = True
                w.finished = True
            # (net.Socket passes none of them; the keys view looks up the 6, not every option)
            if not options.keys().isdisjoint(_IMPL_KEYS):
                for key, attr in _IMPL_OPTIONS:
                    fn = options.get(key)
                    if callable(fn):
                        setattr(self, attr, fn)
            if options.get("signal"):
                addAbortSignal(options["signal"], self)
        else:
            self.allowHalfOpen = True

        if getattr(self, "_construct", None) is not None:
            destroyImpl.construct(self, self._duplex_onConstructed)

    def _duplex_onConstructed(self) -> None:
        self._readableState.onConstructed(self)
        self._writableState.onConstructed(self)

    destroy = Writable.destroy

    @staticmethod
    def from_(body: Any) -> Any:  # type: ignore[override]  # (Node's Duplex.from differs)
        """``Duplex.from(body)`` (``from`` is a Python keyword): a Duplex made from a
        stream, a ``{'readable', 'writable'}`` dict, an (async) iterable, an async
        generator function, or a Promise (see ``uvnet.internal.streams.duplexify``)."""
        from .duplexify import duplexify
        return duplexify(body, "body")

    @property
    def destroyed(self) -> bool:
        """``True`` once :meth:`destroy` has been called (Node's ``duplex.destroyed``)."""
        try:
            return self._readableState.destroyed and self._writableState.destroyed
        except AttributeError:  # before the constructor made the states
            return False

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        r = getattr(self, "_readableState", None)
        w = getattr(self, "_writableState", None)
        if r is not None and w is not None:
            r.destroyed = value
            w.destroyed = value

    if TYPE_CHECKING:
        # The events a Duplex emits (a Readable's and a Writable's), each with its
        # listener's arguments (@types/node's stream.d.ts); a listener may take fewer.
        @overload  # type: ignore[override]
        def on(self, type: Literal["close"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["data"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["data"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["drain"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["end"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[Any], object]) -> Self: ...
        @overload
        def on(self, type: Literal["error"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["finish"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pause"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[Readable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["pipe"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["prefinish"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["readable"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["resume"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"],
               listener: Callable[[Readable, dict[str, Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"], listener: Callable[[Readable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["unpipe"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"],
               listener: Callable[[Hashable, Callable[..., Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"],
               listener: Callable[[Hashable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["newListener"], listener: Callable[[], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"],
               listener: Callable[[Hashable, Callable[..., Any]], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"],
               listener: Callable[[Hashable], object]) -> Self: ...
        @overload
        def on(self, type: Literal["removeListener"], listener: Callable[[], object]) -> Self: ...

        def on(self, type: Hashable, listener: Callable[..., object]) -> Self: ...
        addListener = once = prependListener = prependOnceListener = on
