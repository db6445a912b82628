"""Python port of tests/trace.js: print every event an emitter emits, Node-style.

    from pytrace import trace
    sock = trace(uvnet.connect(port), 'client')        # in JS: trace(net.connect(port), 'client')

Each emit prints one line, ``'%2d %s:%s %s'`` (global sequence number, label, event, the
arguments), exactly as trace.js does, so a Python port of a traced Node program prints the
same transcript. Events that fire on every socket (NOISE) are hidden unless ``all=True``;
``newListener``/``removeListener`` are always hidden, and so is any non-``str`` event name.

Arguments are formatted as trace.js formats them:

- an exception: ``code|message`` (``code`` is ``undefined`` when the error has none;
  ``message`` is ``str(err)``, which for uvnet errors is Node's message);
- ``bytes``/``bytearray``/``memoryview``: ``<Buffer "...">``, the UTF-8 decoding (invalid
  bytes become U+FFFD, as ``buf.toString()``) quoted as ``JSON.stringify`` quotes strings;
- an object whose class is named ``Socket``: ``<Socket>``;
- everything else as ``JSON.stringify`` would: ``true``/``false``, numbers as JS prints
  them (``1.0`` -> ``1``, ``1e21`` -> ``1e+21``, NaN -> ``null``), strings JSON-quoted,
  ``dict``/``list``/``tuple`` as compact JSON in key order.

``None`` is the one ambiguity: JS has ``undefined`` and ``null``, Python only ``None``.
A top-level ``None`` argument prints as ``undefined`` does in trace.js, which is as
nothing (``JSON.stringify(undefined)`` is ``undefined``, and ``Array.join`` turns that into
``''``, leaving just the separating space), since ``net`` passes undefined far more often
than null; except where Node passes ``null`` (see ``_NULL_ARGS``: the error argument of
``'lookup'``), where it prints ``null``. Inside a dict or list, ``None`` prints ``null``.
An object that JSON cannot encode prints ``<ClassName>``.

The emitter's ``emit`` is replaced on the instance (``em.emit = wrapper``), so an
emitter's own ``self.emit(...)`` calls go through the wrapper as in JS.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

NOISE = ['newListener', 'removeListener', 'resume', 'pause', 'readable', 'prefinish', 'ready',
         'lookup', 'connectionAttempt', 'connectionAttemptFailed']
# (event, argument index) where Node passes null rather than undefined.
_NULL_ARGS = {('lookup', 0)}

_seq = 0


def js_number(x: float) -> str:
    """Format a float as JavaScript's Number.prototype.toString does."""
    if math.isnan(x) or math.isinf(x):
        return 'null'  # JSON.stringify(NaN) and JSON.stringify(Infinity)
    if x == 0:
        return '0'  # also -0
    # repr gives the shortest round-tripping digits, as JS does; only the layout differs.
    t = Decimal(repr(abs(x))).normalize().as_tuple()
    digits = ''.join(map(str, t.digits))
    k = len(digits)
    n = k + int(t.exponent)  # value = 0.DIGITS * 10**n (ECMA-262 Number::toString)
    if k <= n <= 21:
        out = digits + '0' * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + '.' + digits[n:]
    elif -6 < n <= 0:
        out = '0.' + '0' * -n + digits
    else:
        e = n - 1
        mant = digits[0] + ('.' + digits[1:] if k > 1 else '')
        out = f"{mant}e{'+' if e >= 0 else '-'}{abs(e)}"
    return ('-' if x < 0 else '') + out


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


def trace(em: Any, label: str, all: bool = False) -> Any:
    """Wrap ``em.emit`` to print each event; returns ``em`` (as trace.js does)."""
    orig = em.emit

    def emit(ev: Any, *args: Any) -> Any:
        global _seq
        if isinstance(ev, str) and (
                ev not in ('newListener', 'removeListener') if all else ev not in NOISE):
            _seq += 1
            shown = ' '.join(fmt(a, none='null' if (ev, i) in _NULL_ARGS else '')
                             for i, a in enumerate(args))
            print(f"{_seq:2d} {label}:{ev}{' ' + shown if args else ''}", flush=True)
        return orig(ev, *args)

    em.emit = emit
    return em
