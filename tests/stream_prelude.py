# ruff: noqa: E501
"""Shared preludes for the differential stream tests (``tests/test_stream_diff_*.py``).

Each test writes one scenario twice, in JavaScript and in Python, on top of these
preludes, and asserts with ``difftest.assert_same_output`` that both print the same lines.

Both preludes define:

- ``log(...values)``: one line, the values formatted alike in both languages --
  ``bytes``/``Buffer`` as ``<Buffer hex>``, errors as ``code|message`` (``undefined`` when
  there is no code), ``null``/``undefined``/``None`` as ``None``, strings JSON-quoted,
  booleans ``true``/``false``, streams as ``<ClassName>``, lists and dicts recursively;
- ``trace(emitter, label)``: prints ``label:event args`` for every string event the
  emitter emits (``newListener``/``removeListener`` excepted), by wrapping its ``emit``;
- ``tick(label)``: logs ``label`` on the next tick (``process.nextTick``/``uvnet.nextTick``).

The Python prelude imports ``uvnet`` and the ``uvnet.stream`` classes; a Python scenario
ends with ``uvnet.run()``.
"""

from __future__ import annotations

from difftest import assert_same_output

JS_PRELUDE = r"""
'use strict';
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;
const { StringDecoder } = require('string_decoder');
function fmt(x) {
  if (x instanceof Error) return `${x.code}|${x.message}`;
  if (Buffer.isBuffer(x)) return `<Buffer ${x.toString('hex')}>`;
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'string') return JSON.stringify(x);
  if (Array.isArray(x)) return '[' + x.map(fmt).join(',') + ']';
  if (x instanceof stream.Stream) return `<${x.constructor.name}>`;
  if (typeof x === 'object') {
    return '{' + Object.keys(x).map((k) => JSON.stringify(k) + ':' + fmt(x[k])).join(',') + '}';
  }
  return String(x);
}
function log(...a) { console.log(a.map((x, i) => (i === 0 && typeof x === 'string') ? x : fmt(x)).join(' ')); }
function trace(em, label) {
  const orig = em.emit;
  em.emit = function(ev, ...args) {
    if (typeof ev === 'string' && ev !== 'newListener' && ev !== 'removeListener')
      log(`${label}:${ev}`, ...args);
    return orig.call(this, ev, ...args);
  };
  return em;
}
function tick(label) { process.nextTick(() => log(label)); }
"""

PY_PRELUDE = r"""
import json
import uvnet
from uvnet import stream
from uvnet.stream import (Readable, Writable, Duplex, Transform, PassThrough, pipeline,
                          finished, Stream)
from uvnet.string_decoder import StringDecoder
from pytrace import js_number


def fmt(x):
    if isinstance(x, BaseException):
        code = getattr(x, 'code', None)
        return f"{'undefined' if code is None else code}|{x}"
    if isinstance(x, (bytes, bytearray, memoryview)):
        return f'<Buffer {bytes(x).hex()}>'
    if x is None:
        return 'None'
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, str):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return js_number(x)
    if isinstance(x, (list, tuple)):
        return '[' + ','.join(fmt(v) for v in x) + ']'
    if isinstance(x, Stream):
        return f'<{type(x).__name__}>'
    if isinstance(x, dict):
        return '{' + ','.join(json.dumps(str(k)) + ':' + fmt(v) for k, v in x.items()) + '}'
    return str(x)


def log(*a):
    print(' '.join(x if i == 0 and isinstance(x, str) else fmt(x) for i, x in enumerate(a)),
          flush=True)


def trace(em, label):
    orig = em.emit

    def emit(ev, *args):
        if isinstance(ev, str) and ev not in ('newListener', 'removeListener'):
            log(f'{label}:{ev}', *args)
        return orig(ev, *args)

    em.emit = emit
    return em


def tick(label):
    uvnet.nextTick(lambda: log(label))
"""


def same(js: str, py: str, **kwargs: object) -> str:
    """Run both scenarios (with their preludes); assert identical output, which must be
    non-empty. Returns it."""
    out = assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py, **kwargs)  # type: ignore[arg-type]
    assert out.strip(), "the scenario printed nothing"
    return out
