"""Event tracing for porting: print every event an emitter emits, in the same words for a
Node program (``uvnet/trace/trace.js``) and its Python port (this module), so that the two
transcripts can be compared line by line.

    from uvnet.trace import trace
    sock = trace(uvnet.connect(port), 'client')        # JS: trace(net.connect(port), 'client')

Each emit prints one line, ``'%2d %s:%s %s'`` (global sequence number, label, event, the
arguments), exactly as trace.js does. Events that fire on every socket (:data:`NOISE`) are
hidden unless ``all=True``; ``newListener``/``removeListener`` are always hidden, and so is
any non-``str`` event name. :func:`traceAll` traces every ``EventEmitter`` at once
(``python -m uvnet.trace`` uses it, and ``trace.js`` does the same when preloaded).

Arguments are formatted as trace.js formats them:

- an exception: ``code|message`` (``code`` is ``undefined`` when the error has none;
  ``message`` is ``str(err)``, which for uvnet errors is Node's message);
- ``bytes``/``bytearray``/``memoryview``/``uvnet.Buffer``: ``<Buffer "...">``, the UTF-8
  decoding (invalid bytes become U+FFFD, as ``buf.toString()``) quoted as
  ``JSON.stringify`` quotes strings;
- an object whose class is named ``Socket``: ``<Socket>``;
- everything else as ``JSON.stringify`` would: ``true``/``false``, numbers as JS prints
  them (``1.0`` -> ``1``, ``1e21`` -> ``1e+21``, NaN -> ``null``), strings JSON-quoted,
  ``dict``/``list``/``tuple`` as compact JSON in key order; an object JSON cannot encode
  prints ``<ClassName>``.

``None`` as an argument prints as ``undefined`` does in trace.js (as nothing: just the
separating space), since ``net`` passes undefined far more often than null; except where
Node passes ``null`` (``_NULL_ARGS``: the error argument of ``'lookup'``), where it prints
``null``. Inside a dict or list, ``None`` prints ``null`` (docs/null-undefined.md).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable, TextIO

from ..internal.util.inspect import numberToString

__all__ = ["NOISE", "fmt", "js_number", "trace", "traceAll"]

NOISE = ['newListener', 'removeListener', 'resume', 'pause', 'readable', 'prefinish', 'ready',
         'lookup', 'connectionAttempt', 'connectionAttemptFailed']
# (event, argument index) where Node passes null rather than undefined.
_NULL_ARGS = {('lookup', 0)}

_seq = 0


def js_number(x: float) -> str:
    """A number as ``JSON.stringify`` writes it (``String(x)``; NaN and infinities are
    ``null``)."""
    if isinstance(x, float) and (x != x or x in (float('inf'), float('-inf'))):
        return 'null'
    return numberToString(x)


def _json(x: Any) -> str:
    """JSON.stringify for nested values: compact, key order kept, no ASCII escaping."""
    if isinstance(x, bool) or x is None:
        return json.dumps(x)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return js_number(x)
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, dict):
        return '{' + ','.join(f'{_json(str(k))}:{_json(v)}' for k, v in x.items()) + '}'
    if isinstance(x, (list, tuple)):
        return '[' + ','.join(_json(v) for v in x) + ']'
    raise TypeError(type(x).__name__)


def fmt(x: Any, *, none: str = '') -> str:
    """Format one emit argument as trace.js's fmt() does."""
    if isinstance(x, BaseException):
        code = getattr(x, 'code', None)
        return f"{'undefined' if code is None else code}|{x}"
    if isinstance(x, (bytes, bytearray, memoryview)):
        text = bytes(x).decode('utf-8', 'replace')
        return f'<Buffer {json.dumps(text, ensure_ascii=False)}>'
    if type(x).__name__ == 'Socket':
        return '<Socket>'
    if x is None:
        return none
    try:
        return _json(x)
    except TypeError:
        return f'<{type(x).__name__}>'


def _shown(ev: Any, all: bool) -> bool:
    return isinstance(ev, str) and (
        ev not in ('newListener', 'removeListener') if all else ev not in NOISE)


def _line(label: str, ev: str, args: tuple[Any, ...]) -> str:
    shown = ' '.join(fmt(a, none='null' if (ev, i) in _NULL_ARGS else '')
                     for i, a in enumerate(args))
    return f"{label}:{ev}{' ' + shown if args else ''}"


def trace(em: Any, label: str, all: bool = False) -> Any:
    """Wrap ``em.emit`` to print each event; returns ``em`` (as trace.js does).

    The emitter's ``emit`` is replaced on the instance (``em.emit = wrapper``), so an
    emitter's own ``self.emit(...)`` calls go through the wrapper as in JS."""
    orig = em.emit

    def emit(ev: Any, *args: Any) -> Any:
        global _seq
        if _shown(ev, all):
            _seq += 1
            print(f'{_seq:2d} {_line(label, ev, args)}', flush=True)
        return orig(ev, *args)

    em.emit = emit
    return em


def traceAll(out: TextIO, all: bool = False) -> Callable[[], None]:
    """Trace every ``uvnet.EventEmitter``: each emit writes ``Label#n:event args`` to
    ``out`` (``Label`` the emitter's class name, ``n`` counting the emitters of that class
    in the order they first emit; ``uvnet.process`` is ``process``, traced for the events it
    has listeners for), as trace.js does when
    ``python -m uvnet.trace`` preloads it into node. Returns a function that undoes it."""
    from ..events import EventEmitter  # noqa: PLC0415

    labels: dict[int, tuple[Any, str]] = {}  # id -> (emitter kept alive, label)
    counts: dict[str, int] = {}
    orig = EventEmitter.emit
    countOf: Callable[..., int] = EventEmitter.listenerCount

    def labelOf(em: Any) -> str:
        found = labels.get(id(em))
        if found is not None and found[0] is em:
            return found[1]
        process = getattr(sys.modules.get('uvnet'), 'process', None)
        if em is process:
            label = 'process'
        else:
            name = type(em).__name__
            counts[name] = n = counts.get(name, 0) + 1
            label = f'{name}#{n}'
        labels[id(em)] = (em, label)
        return label

    def emit(self: Any, type: Any = None, *args: Any) -> bool:
        # process's events count when a listener sees them (as trace.js does).
        if _shown(type, all) and (self is not getattr(sys.modules.get('uvnet'), 'process', None)
                                  or countOf(self, type) > 0):
            out.write(_line(labelOf(self), type, args) + '\n')
            out.flush()
        return orig(self, type, *args)

    EventEmitter.emit = emit  # type: ignore[method-assign]

    def undo() -> None:
        EventEmitter.emit = orig  # type: ignore[method-assign]

    return undo


def jsTracer() -> str:
    """The path of ``trace.js``, the Node side of this module."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), 'trace.js')
