"""Node's ``EventEmitter`` (``lib/events.js``), rule for rule.

Guarantees, as in Node:

* listeners run synchronously, in registration order (``prepend*`` puts them first);
* ``emit`` works on a copy, so a listener removed during an emit still runs in it;
* ``'newListener'`` is emitted *before* a listener is added, ``'removeListener'``
  *after* it is removed; removal takes the most recently added duplicate;
* ``emit('error', err)`` with no ``'error'`` listener raises ``err`` (or
  ``ERR_UNHANDLED_ERROR`` for a non-exception), after the :data:`errorMonitor`
  listeners ran;
* more than :meth:`getMaxListeners` listeners for one event warn once per event name
  (``MaxListenersExceededWarning`` through :mod:`warnings`).
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Hashable
from types import CoroutineType, MethodType
from typing import TYPE_CHECKING, Any, Callable

from .internal.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_UNHANDLED_ERROR,
    MISSING,
    _js_number,
    inspect,
)
from .internal.jscall import call_adapted
from .internal.promise import startCoroutine
from .internal.task_queues import nextTick
from .internal.validators import validateBoolean, validateNumber

if TYPE_CHECKING:
    from typing_extensions import Self

Listener = Callable[..., Any]


class _ErrorMonitor:
    def __repr__(self) -> str:
        return "Symbol(events.errorMonitor)"


errorMonitor: Hashable = _ErrorMonitor()
"""An event name (Node's ``events.errorMonitor`` symbol): its listeners are called with
every ``'error'`` an emitter emits, before the ``'error'`` listeners, and do not count as
handling it (with no ``'error'`` listener the error is still raised)."""


class MaxListenersExceededWarning(RuntimeWarning):
    """The warning given, through Python's :mod:`warnings`, when an emitter has more
    listeners for one event than its limit (:meth:`EventEmitter.setMaxListeners`, by
    default 10): a likely leak. Node prints the same text once per event name.

    As Node's warning object, it carries ``emitter``, ``type`` (the event name) and
    ``count``. It is a ``RuntimeWarning``: ``warnings.simplefilter('error',
    uvnet.MaxListenersExceededWarning)`` turns it into an exception.
    """

    name = "MaxListenersExceededWarning"

    def __init__(self, message: str, emitter: Any = None, type: Any = None,
                 count: int = 0) -> None:
        """Made by the emitter that warns, with Node's message."""
        super().__init__(message)
        self.emitter = emitter
        self.type = type
        self.count = count


class _NoType:
    """Default of ``removeAllListeners``: called without an event name (``None`` is one)."""

    def __repr__(self) -> str:
        return "<no event name>"


_NO_TYPE: Any = _NoType()
_type = type  # (``type`` is Node's name for the event-name parameter of the methods below)
_MAX_INDEX = 2**32 - 2


def _index_key(key: Hashable) -> int | None:
    """The array index JS would see in ``key`` (an integer-like property key), else None."""
    if isinstance(key, str):
        if key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
            n = int(key)
            return n if n <= _MAX_INDEX else None
        return None
    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key <= _MAX_INDEX:
        return key
    return None


def _js_string(value: Any) -> str:
    """JavaScript's ``String(value)`` for the values a port may use as an event name."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _js_number(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")  # Buffer's toString()
    if isinstance(value, (list, tuple)):  # Array's join(','): null and undefined are ''
        return ",".join("" if v is None else _js_string(v) for v in value)
    return "[object Object]"


def _property_key(type: Any) -> Hashable:
    """The key an event name is kept under: itself, or, for what Python cannot hash (a
    dict, a list, a bytearray), the string JS makes of an object used as a property key."""
    # The class's slot, as hash() reads it: ``getattr(type, "__hash__")`` would make a
    # bound method-wrapper per call (every add and remove of a listener comes here).
    if _type(type).__hash__ is None:
        return _js_string(type)
    return type  # type: ignore[no-any-return]


def _own_keys(events: dict[Hashable, Any]) -> list[Hashable]:
    """``Reflect.ownKeys`` order: integer-like keys ascending, then strings, then the rest.

    The "rest" (any other hashable) stands for JS symbols, which come after strings.
    """
    indices = sorted((k for k in events if _index_key(k) is not None),
                     key=lambda k: _index_key(k) or 0)
    strings = [k for k in events if isinstance(k, str) and _index_key(k) is None]
    others = [k for k in events if not isinstance(k, (str, int)) or isinstance(k, bool)]
    return [*indices, *strings, *others]


class _OnceWrapper:
    """The function ``once`` registers (made by :func:`_onceWrap`); ``listener`` is the
    user's function."""

    __slots__ = ("emitter", "type", "listener", "fired")
    emitter: EventEmitter
    type: Hashable
    listener: Listener
    fired: bool

    def __call__(self, *args: Any) -> Any:
        if not self.fired:
            self.emitter.removeListener(self.type, self)
            self.fired = True
            listener = self.listener
            try:  # jscall(listener, *args), inlined as in emit
                return listener(*args)
            except TypeError as exc:
                if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                    raise
                return call_adapted(listener, args, exc)
        return None


def listenerResult(emitter: EventEmitter, event: Hashable, args: tuple[Any, ...],
                   result: Any) -> None:
    """A listener of ``emitter``'s ``event`` returned ``result`` (not ``None``, not a bool).

    Node's emit ignores it; an ``async def`` listener's coroutine is started here, as the
    JS call of an async function would have run it, and its rejection is an unhandled
    rejection, unless the emitter captures rejections (Node's ``addCatch``). Every
    inlined copy of ``emit`` calls this.
    """
    if result.__class__ is CoroutineType:
        result = startCoroutine(result)
    if emitter._capture:
        addCatch(emitter, result, event, args)


def _onceWrap(emitter: EventEmitter, type: Hashable, listener: Listener) -> _OnceWrapper:
    """Node's ``_onceWrap``. The fields are set here, not by an ``__init__``: a class with a
    Python ``__init__`` costs an extra C-level call per instance."""
    wrapped = _OnceWrapper()
    wrapped.emitter = emitter
    wrapped.type = type
    wrapped.listener = listener
    wrapped.fired = False
    return wrapped


def _sameListener(fn: Any, listener: Any) -> bool:
    """Node's ``fn === listener`` between two listeners. Evaluating ``obj.method`` makes a
    new bound method each time, where JavaScript's ``obj.method`` is one function: so a
    bound method is the same listener as an equal one (the same function of the same
    object), and ``on('data', self.onData)`` is undone by ``off('data', self.onData)``."""
    return fn is listener or (type(listener) is MethodType and fn == listener)


def _isWrapperOf(fn: Any, listener: Any) -> bool:
    """Whether the registered ``fn`` is ``listener`` or a once-wrapper of it."""
    if type(fn) is _OnceWrapper:
        fn = fn.listener
    return _sameListener(fn, listener)


def _check_listener(listener: Any) -> None:
    if not callable(listener):
        raise ERR_INVALID_ARG_TYPE("listener", "function", listener)


def _unwrap(fn: Listener) -> Listener:
    return fn.listener if isinstance(fn, _OnceWrapper) else fn


class _static_or_method:
    """A method that, looked up on the class rather than an instance, is the module
    function of the same name: Node has both ``EventEmitter.setMaxListeners(n,
    ...targets)`` (static) and ``emitter.setMaxListeners(n)``."""

    def __init__(self, method: Callable[..., Any]) -> None:
        self.method = method
        self.__doc__ = method.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Callable[..., Any]:
        if obj is None:
            return globals()[self.method.__name__]  # type: ignore[no-any-return]
        return self.method.__get__(obj, cls)  # type: ignore[no-any-return]


class _CaptureDefault:
    def __get__(self, obj: Any, cls: Any = None) -> bool:
        return EventEmitter.captureRejections


class EventEmitter:
    """Node's EventEmitter: named events, each with a list of listeners.

    Subclass it, or use it as it is, as in Node: :meth:`on` adds a listener, :meth:`emit`
    calls the listeners of an event in the order they were added, with the arguments
    given. Any hashable object can be an event name. Listeners are called with
    JavaScript's argument rule (extra arguments dropped, missing ones ``None``), and a
    listener removed while an event is being emitted is still called by that emit, as in
    Node. Every method that returns ``this`` in Node returns the emitter, so calls chain.

    ``'newListener'`` ``(type, listener)`` is emitted before a listener is added and
    ``'removeListener'`` ``(type, listener)`` after one is removed. An ``'error'`` event
    with no listener raises its error (see :meth:`emit`).
    """

    defaultMaxListeners: int = 10
    captureRejections: bool = False
    """The default of the ``captureRejections`` option (Node's static
    ``EventEmitter.captureRejections``), read by each new emitter."""
    # Node's this[kCapture]: set by the constructor; an emitter whose class skipped it
    # reads EventEmitter.captureRejections at each use, as Node's prototype lookup does.
    _capture: bool = _CaptureDefault()  # type: ignore[assignment]

    _shapeKeys: tuple[str, ...] = ()
    """The keys a class's constructor seeds ``this._events`` with before Node's
    ``EventEmitter.init`` (``this._events ??= {close: undefined, ...}`` in the stream
    constructors): they come first in :meth:`eventNames`, in this order."""

    # A value ``None`` is a key without listeners (``undefined`` in Node's ``_events``).
    _events: dict[Hashable, list[Listener] | None]
    # The event types warned about (MaxListenersExceededWarning): a set made at the first
    # warning; until then the shared empty frozenset (no set per emitter).
    _eventsWarned: set[Hashable] | frozenset[Hashable] = frozenset()
    _maxListeners: float | None

    def __init__(self, opts: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """``EventEmitter([options])``, as Node's ``new EventEmitter([options])``: an
        emitter without listeners. ``options`` are Node's, as a dict or as keywords.

        ``captureRejections=True`` (in ``opts`` or as a keyword): a listener that returns
        a rejected Promise (an ``async def`` listener that raises) reports the reason to
        the method named :data:`captureRejectionSymbol` if the emitter has one, else as an
        ``'error'`` event. The default is ``EventEmitter.captureRejections`` (``False``).
        """
        # Node's EventEmitter.init: with seeded keys (_shapeKeys) the emitter is in shape
        # mode (kShapeMode), where a key whose last listener is removed keeps its place.
        self._events = dict.fromkeys(self._shapeKeys)
        self._shapeMode = bool(self._shapeKeys)
        if self._eventsWarned:
            self._eventsWarned = frozenset()
        self._maxListeners = None
        capture = kwargs.get("captureRejections") if kwargs else None
        if capture is None and opts:
            capture = opts.get("captureRejections")
        if capture is not None and (capture or isinstance(capture, (dict, list))):  # JS: {}, []
            validateBoolean(capture, "options.captureRejections")
            self._capture = True
        else:
            self._capture = EventEmitter.captureRejections

    # --- adding -------------------------------------------------------------------------

    def _addListener(self, type: Hashable, listener: Listener, prepend: bool) -> Self:
        if not callable(listener):
            raise ERR_INVALID_ARG_TYPE("listener", "function", listener)
        events = self._events
        if events.get("newListener") is not None:
            self.emit("newListener", type, _unwrap(listener))
        if _type(type) is not str:  # (a string is its own key: _property_key's first case)
            type = _property_key(type)
        existing = events.get(type)
        if existing is None:
            events[type] = [listener]
            return self
        existing = [listener, *existing] if prepend else [*existing, listener]
        events[type] = existing
        limit = self._maxListeners  # Node's _getMaxListeners(target)
        if limit is None:
            limit = EventEmitter.defaultMaxListeners
        if 0 < limit < len(existing) and type not in self._eventsWarned:
            if not self._eventsWarned:
                self._eventsWarned = set()
            self._eventsWarned.add(type)  # type: ignore[union-attr]
            self._warn_max_listeners(type, len(existing), limit)
        return self

    def _warn_max_listeners(self, type: Hashable, count: int, limit: float) -> None:
        """Node's ``_addListener`` warning text, ``[ClassName]`` for the emitter."""
        shown = f"{limit:g}" if isinstance(limit, float) else str(limit)
        message = (f"Possible EventEmitter memory leak detected. {count} {type} listeners "
                   f"added to [{self.__class__.__name__}]. MaxListeners is {shown}. "
                   "Use emitter.setMaxListeners() to increase limit")
        warnings.warn(MaxListenersExceededWarning(message, self, type, count), stacklevel=4)

    def on(self, type: Hashable = None, listener: Listener = MISSING) -> Self:
        """Add ``listener`` at the end of the listeners of ``type`` (Node's
        ``emitter.on(eventName, listener)``, also named ``addListener``). The same listener
        added twice is called twice. Emits ``'newListener'`` first, and warns with
        :class:`MaxListenersExceededWarning` past the limit. Returns the emitter.

        Raises ``ERR_INVALID_ARG_TYPE`` when ``listener`` is not callable.
        """
        return self._addListener(type, listener, False)

    addListener = on

    def prependListener(self, type: Hashable = None, listener: Listener = MISSING) -> Self:
        """Add ``listener`` at the front of the listeners of ``type``, so that it is called
        first (Node's ``emitter.prependListener()``). Returns the emitter; raises
        ``ERR_INVALID_ARG_TYPE`` when ``listener`` is not callable."""
        return self._addListener(type, listener, True)

    def once(self, type: Hashable = None, listener: Listener = MISSING) -> Self:
        """Add ``listener`` for the next ``type`` event only: it is removed, then called
        (Node's ``emitter.once(eventName, listener)``). :meth:`removeListener` with the
        same function removes it before it fires. Returns the emitter; raises
        ``ERR_INVALID_ARG_TYPE`` when ``listener`` is not callable."""
        if not callable(listener):  # _check_listener, inlined
            raise ERR_INVALID_ARG_TYPE("listener", "function", listener)
        self.on(type, _onceWrap(self, type, listener))  # Node: this.on(...), overridable
        return self

    def prependOnceListener(self, type: Hashable = None, listener: Listener = MISSING) -> Self:
        """:meth:`once`, at the front of the listeners of ``type`` (Node's
        ``emitter.prependOnceListener()``). Returns the emitter."""
        _check_listener(listener)
        self.prependListener(type, _onceWrap(self, type, listener))
        return self

    # --- removing -----------------------------------------------------------------------

    def removeListener(self, type: Hashable = None, listener: Listener = MISSING) -> Self:
        """Remove ``listener`` from the listeners of ``type`` (Node's
        ``emitter.removeListener(eventName, listener)``, also named ``off``): the most
        recently added entry of it, including one added with :meth:`once`. A bound method
        matches the same method bound to the same object. Nothing happens when it is not
        there. Emits ``'removeListener'`` after removing it. Returns the emitter.

        A removal during an :meth:`emit` does not stop that emit from calling the listener.
        """
        if not callable(listener):
            raise ERR_INVALID_ARG_TYPE("listener", "function", listener)
        events = self._events
        if _type(type) is not str:  # (a string is its own key: _property_key's first case)
            type = _property_key(type)
        lst = events.get(type)
        if lst is None:
            return self
        # Node's loop from the end for ``list[i] === listener || list[i].listener ===
        # listener``: _isWrapperOf and _sameListener, inlined (a while loop: range() with a
        # negative step costs more than the search).
        method = _type(listener) is MethodType
        i = len(lst) - 1
        while True:
            fn = lst[i]
            if fn is listener:
                break
            inner = fn.listener if _type(fn) is _OnceWrapper else fn
            if inner is listener or (method and inner == listener):
                break
            if i == 0:
                return self
            i -= 1
        if len(lst) == 1:  # the common case: a lone listener
            if self._eventsWarned:
                self._eventsWarned.discard(type)  # type: ignore[union-attr]
            if self._shapeMode:
                events[type] = None  # Node only clears the key, and reports nothing
                return self
            # Node keeps a lone listener unwrapped and reports the user's function ...
            self._deleteKey(type)
            removed = _unwrap(fn)
        else:
            # ... but from a list it reports the argument as given (a once-wrapper when the
            # wrapper removes itself, or when removeAllListeners passes rawListeners).
            lst = lst.copy()
            del lst[i]
            events[type] = lst
            removed = listener
            if len(lst) == 1 and self._eventsWarned:
                self._eventsWarned.discard(type)  # type: ignore[union-attr]
        if events.get("removeListener") is not None:
            self.emit("removeListener", type, removed)
        return self

    off = removeListener

    def _deleteKey(self, type: Hashable) -> None:
        """Node's ``if (--this._eventsCount === 0) this._events = {__proto__: null}; else
        delete events[type]``: the last listener gone, keys left empty go too."""
        events = self._events
        if any(lst is not None for key, lst in events.items() if key != type):
            del events[type]
        else:
            events.clear()

    def removeAllListeners(self, type: Hashable = _NO_TYPE) -> Self:
        """Remove every listener of ``type``, or of every event when called without an
        event name (Node's ``emitter.removeAllListeners([eventName])``). Returns the
        emitter.

        Each removal emits ``'removeListener'``, as in Node: last added first, event by
        event in :meth:`eventNames` order, the ``'removeListener'`` listeners themselves
        last.
        """
        events = self._events
        if not any(lst is not None for lst in events.values()):
            return self
        if type is not _NO_TYPE:
            type = _property_key(type)
        if events.get("removeListener") is None:
            if type is _NO_TYPE:
                events.clear()
                self._eventsWarned = frozenset()
            elif events.get(type) is not None:
                self._deleteKey(type)
                if self._eventsWarned:
                    self._eventsWarned.discard(type)  # type: ignore[union-attr]
            self._shapeMode = False
            return self
        if type is _NO_TYPE:
            for key in _own_keys(events):
                if key != "removeListener":
                    self.removeAllListeners(key)
            self.removeAllListeners("removeListener")
            events.clear()
            self._eventsWarned = frozenset()
            self._shapeMode = False
            return self
        lst = events.get(type)
        if lst is not None:
            for fn in reversed(lst):
                self.removeListener(type, fn)
        return self

    # --- emitting -----------------------------------------------------------------------

    def emit(self, type: Hashable = None, *args: Any) -> bool:
        """Call every listener of ``type``, in order, with ``args`` (Node's
        ``emitter.emit(eventName, ...args)``); returns ``True`` if it had listeners.

        The listeners are called synchronously. An exception raised by one propagates out
        of ``emit`` and the listeners after it are not called, as in Node.

        ``'error'`` is special, as in Node: the :data:`errorMonitor` listeners are called
        first, and with no ``'error'`` listener, ``args[0]`` is raised when it is an
        exception, else an ``ERR_UNHANDLED_ERROR`` that carries it as ``context``.
        """
        try:
            lst = self._events.get(type)
        except TypeError:  # an object as the name (see _property_key)
            type = _property_key(type)
            lst = self._events.get(type)
        if type == "error":
            monitors = self._events.get(errorMonitor)
            if monitors is not None:
                self.emit(errorMonitor, *args)
            if lst is None:
                er = args[0] if args else None
                if isinstance(er, BaseException):
                    raise er
                # Node passes util.inspect(er); Python's repr stands in for it here.
                err = ERR_UNHANDLED_ERROR(inspect(er))
                err.context = er  # type: ignore[attr-defined]
                raise err
        if lst is None:
            return False
        # Each listener is called with JavaScript's argument rule (uvnet.internal.jscall):
        # the plain call below, and an adapted one only if binding the arguments failed.
        for fn in lst:  # lists are replaced, never mutated: this is Node's copy-on-emit
            try:
                result = fn(*args)
            except TypeError as exc:
                if exc.__traceback__.tb_next is not None:  # type: ignore[union-attr]
                    raise
                result = call_adapted(fn, args, exc)
            if result is not None and result.__class__ is not bool:  # (write()'s result)
                listenerResult(self, type, args, result)
        return True

    # --- introspection ------------------------------------------------------------------

    def listeners(self, type: Hashable = None) -> list[Listener]:
        """A copy of the list of listeners of ``type``, as they were given (Node's
        ``emitter.listeners(eventName)``)."""
        return [_unwrap(fn) for fn in self._events.get(_property_key(type)) or ()]

    def rawListeners(self, type: Hashable = None) -> list[Listener]:
        """A copy of the listeners of ``type`` as they are stored: a :meth:`once` listener
        is its wrapper, which has the original as ``.listener`` (Node's
        ``emitter.rawListeners(eventName)``)."""
        return list(self._events.get(_property_key(type)) or ())

    def listenerCount(self, type: Hashable = None, listener: Listener | None = None) -> int:
        """The number of listeners of ``type`` (Node's ``emitter.listenerCount(eventName[,
        listener])``); with ``listener``, how many times that one is among them."""
        if _type(type) is not str:  # (a string is its own key: _property_key's first case)
            type = _property_key(type)
        lst = self._events.get(type) or ()
        if listener is None:
            return len(lst)
        return sum(1 for fn in lst if fn is listener or _isWrapperOf(fn, listener))

    def eventNames(self) -> list[Hashable]:
        """The names of the events that have listeners (Node's ``emitter.eventNames()``),
        in the order JavaScript lists an object's keys: integer-like names first, then the
        others in the order they were first added."""
        # JS property order: _own_keys. As Node's Stream.prototype.eventNames, keys left
        # without listeners (shape mode) are skipped.
        events = self._events
        return [key for key in _own_keys(events) if events[key] is not None]

    @_static_or_method
    def setMaxListeners(self, n: float = MISSING) -> Self:
        """Set how many listeners one event may have before
        :class:`MaxListenersExceededWarning` is given (Node's
        ``emitter.setMaxListeners(n)``; ``0`` or ``math.inf``: no limit). Returns the
        emitter. Raises ``ERR_OUT_OF_RANGE`` for a negative ``n`` and
        ``ERR_INVALID_ARG_TYPE`` for a non-number.

        Called on the class, ``EventEmitter.setMaxListeners(n, *emitters)``, it is Node's
        static version, :func:`uvnet.events.setMaxListeners`.
        """
        validateNumber(n, "setMaxListeners", 0)
        self._maxListeners = n
        return self

    def getMaxListeners(self) -> float:
        """The emitter's listener limit (Node's ``emitter.getMaxListeners()``): what
        :meth:`setMaxListeners` set, else ``EventEmitter.defaultMaxListeners`` (10)."""
        if self._maxListeners is None:
            return EventEmitter.defaultMaxListeners
        return self._maxListeners


captureRejectionSymbol = "_nodejs_rejection"
"""The name of the method a ``captureRejections`` emitter gives a rejection to, as
``method(err, eventName, *args)`` (Node's ``Symbol.for('nodejs.rejection')``)."""


def addCatch(that: EventEmitter, promise: Any, type: Hashable, args: tuple[Any, ...]) -> None:
    """Node's ``addCatch``: on a capturing emitter, a rejection of the Promise a listener
    returned is reported on a tick by :func:`emitUnhandledRejectionOrErr`."""
    if not that._capture:
        return
    try:
        then = getattr(promise, "then", None)
        if callable(then):
            then(None, lambda err: nextTick(emitUnhandledRejectionOrErr, that, err, type, args))
    except Exception as err:  # noqa: BLE001 - a throwing then getter, as in Node
        that.emit("error", err)


def emitUnhandledRejectionOrErr(ee: EventEmitter, err: Any, type: Hashable,
                                args: tuple[Any, ...]) -> None:
    """Give ``err`` to ``ee``'s :data:`captureRejectionSymbol` method, else emit it as
    ``'error'`` with capturing off meanwhile (so a failing ``'error'`` listener cannot
    loop)."""
    handler = getattr(ee, captureRejectionSymbol, None)
    if callable(handler):
        handler(err, type, *args)
        return
    prev = ee._capture
    try:
        ee._capture = False
        ee.emit("error", err)
    finally:
        ee._capture = prev


def getEventListeners(emitterOrTarget: Any, eventName: Hashable) -> list[Listener]:
    """A copy of the listeners of ``eventName`` on an :class:`EventEmitter` or on an
    event target such as :class:`uvnet.AbortSignal`, in the order they were added (Node's
    ``events.getEventListeners(emitterOrTarget, eventName)``)."""
    if isinstance(emitterOrTarget, EventEmitter):
        return emitterOrTarget.listeners(eventName)
    return [fn for fn, _once in getattr(emitterOrTarget, "_listeners", ())
            if eventName == "abort"]


def setMaxListeners(n: float = 10, *eventTargets: Any) -> None:
    """Set the listener limit of each of ``eventTargets`` (emitters or
    :class:`uvnet.AbortSignal` objects) to ``n``, or, without targets, the default of every
    emitter, ``EventEmitter.defaultMaxListeners`` (Node's ``events.setMaxListeners(n[,
    ...eventTargets])``, also ``EventEmitter.setMaxListeners``). Raises
    ``ERR_OUT_OF_RANGE`` for a negative ``n``."""
    validateNumber(n, "setMaxListeners", 0)
    if not eventTargets:
        EventEmitter.defaultMaxListeners = n  # type: ignore[assignment]
        return
    for target in eventTargets:
        if isinstance(target, EventEmitter):
            target.setMaxListeners(n)
        else:
            raise ERR_INVALID_ARG_TYPE("eventTargets", ["EventEmitter", "EventTarget"], target)


def getMaxListeners(emitterOrTarget: Any) -> float:
    """The listener limit of an emitter or :class:`uvnet.AbortSignal` (Node's
    ``events.getMaxListeners(emitterOrTarget)``)."""
    if isinstance(emitterOrTarget, EventEmitter):
        return emitterOrTarget.getMaxListeners()
    raise ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def listenerCount(emitter: EventEmitter, type: Hashable) -> int:
    """``emitter.listenerCount(eventName)`` (Node's deprecated
    ``events.listenerCount(emitter, eventName)``)."""
    return emitter.listenerCount(type)


# Node's module is the class: ``require('events').errorMonitor`` is also
# ``EventEmitter.errorMonitor``, and ``EventEmitter.EventEmitter`` is the class itself.
EventEmitter.errorMonitor = errorMonitor  # type: ignore[attr-defined]
EventEmitter.EventEmitter = EventEmitter  # type: ignore[attr-defined]
EventEmitter.getEventListeners = staticmethod(getEventListeners)  # type: ignore[attr-defined]
EventEmitter.captureRejectionSymbol = captureRejectionSymbol  # type: ignore[attr-defined]


class _EventsModule(types.ModuleType):
    """``uvnet.events.defaultMaxListeners`` reads and writes
    ``EventEmitter.defaultMaxListeners``, as ``require('events').defaultMaxListeners``
    does in Node (there the module is the class)."""

    @property
    def defaultMaxListeners(self) -> float:
        return EventEmitter.defaultMaxListeners

    @defaultMaxListeners.setter
    def defaultMaxListeners(self, n: float) -> None:
        validateNumber(n, "defaultMaxListeners", 0)
        EventEmitter.defaultMaxListeners = n  # type: ignore[assignment]

    @property
    def captureRejections(self) -> bool:
        return EventEmitter.captureRejections

    @captureRejections.setter
    def captureRejections(self, value: bool) -> None:
        validateBoolean(value, "EventEmitter.captureRejections")
        EventEmitter.captureRejections = value


sys.modules[__name__].__class__ = _EventsModule

# events.once / events.on (they need uvnet.Promise, which needs this module).

from .internal.events_promises import on as on  # noqa: E402  (uvnet.events.on)
from .internal.events_promises import once as once  # noqa: E402  (uvnet.events.once)
