# ruff: noqa: E501  (the JS and Python programs keep one call per line)
"""Issue #11 item 3: each bad-input shape gets Node's first error, raised where Node
raises it (the constructor copies a non-object into an options object, a missing required
argument is undefined, JS truthiness for encodings and destroy's error ...), compared with
``node``; and ``Socket(1)`` on a write-only pipe fails with ENOTCONN as in Node."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from difftest import NODE, TESTS_DIR, assert_same_output

JS = r"""
const net = require('net'); const EventEmitter = require('events');
const t = (name, f) => { try { const r = f(); console.log(name, 'ok', typeof r === 'object' && r !== null ? r.constructor.name : String(r)); } catch (e) { console.log(name, e.code, e.name, e.message); } };
t('Socket("11")', () => new net.Socket("11"));
t('Socket(Infinity)', () => new net.Socket(Infinity));
t('Socket(Buffer)', () => new net.Socket(Buffer.from('xy')));
t('Socket(true)', () => new net.Socket(true));
t('Socket(1.5)', () => new net.Socket(1.5));
t('Socket(-1)', () => new net.Socket(-1));
t('Socket(NaN)', () => new net.Socket(NaN));
t('Socket(null)', () => new net.Socket(null));
const s = new net.Socket();
s.on('error', (e) => console.log('error event', e.code, e.message));
s.on('close', (h) => console.log('close event', h));
t('write()', () => s.write());
t('setTimeout()', () => s.setTimeout());
t('global setTimeout()', () => setTimeout());
t('on()', () => new EventEmitter().on());
t('setMaxListeners()', () => new EventEmitter().setMaxListeners());
t('events.setMaxListeners()', () => EventEmitter.setMaxListeners());
t('write(false,{},null)', () => new net.Socket().write(false, {}, null));
t('end("bx//",{})', () => new net.Socket().end("bx//", {}));
t('setEncoding({})', () => new net.Socket().setEncoding({}));
t('connect(Buffer)', () => net.connect(Buffer.from('xy')));
t('createServer(Buffer)', () => net.createServer(Buffer.from('xy')));
t('listen(Buffer)', () => net.createServer().listen(Buffer.from('xy')));
const d1 = new net.Socket(); d1.on('error', (e) => console.log('d1 error', e)); d1.on('close', (h) => console.log('d1 close', h));
t('destroy({})', () => d1.destroy({}));
const d2 = new net.Socket(); d2.on('error', (e) => console.log('d2 error', e)); d2.on('close', (h) => console.log('d2 close', h));
t('destroy(NaN)', () => d2.destroy(NaN));
const d3 = new net.Socket(); d3.on('error', (e) => console.log('d3 error', e)); d3.on('close', (h) => console.log('d3 close', h));
t('destroy(0)', () => d3.destroy(0));
t('setKeepAlive({})', () => new net.Socket().setKeepAlive({}));
t('setNoDelay()', () => new net.Socket().setNoDelay());
t('address()', () => new net.Socket().address());
"""

PY = r"""
import math, uvnet
from uvnet import EventEmitter
import uvnet.events as events
def kind(e):
    return 'TypeError' if isinstance(e, TypeError) else 'RangeError' if isinstance(e, ValueError) else type(e).__name__
def t(name, f):
    try:
        r = f()
        print(name, 'ok', {'dict': 'Object'}.get(type(r).__name__, type(r).__name__) if r is not None else 'undefined')
    except Exception as e:
        print(name, getattr(e, 'code', None), kind(e), e)
t('Socket("11")', lambda: uvnet.Socket("11"))
t('Socket(Infinity)', lambda: uvnet.Socket(math.inf))
t('Socket(Buffer)', lambda: uvnet.Socket(bytearray(b'xy')))
t('Socket(true)', lambda: uvnet.Socket(True))
t('Socket(1.5)', lambda: uvnet.Socket(1.5))
t('Socket(-1)', lambda: uvnet.Socket(-1))
t('Socket(NaN)', lambda: uvnet.Socket(math.nan))
t('Socket(null)', lambda: uvnet.Socket(None))
s = uvnet.Socket()
s.on('error', lambda e: print('error event', e.code, e))
s.on('close', lambda h: print('close event', h))
t('write()', lambda: s.write())
t('setTimeout()', lambda: s.setTimeout())
t('global setTimeout()', lambda: uvnet.setTimeout())
t('on()', lambda: EventEmitter().on())
t('setMaxListeners()', lambda: EventEmitter().setMaxListeners())
t('events.setMaxListeners()', lambda: events.setMaxListeners())
t('write(false,{},null)', lambda: uvnet.Socket().write(False, {}, None))
t('end("bx//",{})', lambda: uvnet.Socket().end("bx//", {}))
t('setEncoding({})', lambda: uvnet.Socket().setEncoding({}))
t('connect(Buffer)', lambda: uvnet.connect(bytearray(b'xy')))
t('createServer(Buffer)', lambda: uvnet.createServer(bytearray(b'xy')))
t('listen(Buffer)', lambda: uvnet.createServer().listen(bytearray(b'xy')))
d1 = uvnet.Socket(); d1.on('error', lambda e: print('d1 error', '{}' if e == {} else e)); d1.on('close', lambda h: print('d1 close', 'undefined' if h is None else h))
t('destroy({})', lambda: d1.destroy({}))
d2 = uvnet.Socket(); d2.on('error', lambda e: print('d2 error', e)); d2.on('close', lambda h: print('d2 close', 'undefined' if h is None else h))
t('destroy(NaN)', lambda: d2.destroy(math.nan))
d3 = uvnet.Socket(); d3.on('error', lambda e: print('d3 error', e)); d3.on('close', lambda h: print('d3 close', 'undefined' if h is None else h))
t('destroy(0)', lambda: d3.destroy(0))
t('setKeepAlive({})', lambda: uvnet.Socket().setKeepAlive({}))
t('setNoDelay()', lambda: uvnet.Socket().setNoDelay())
t('address()', lambda: uvnet.Socket().address())
uvnet.run()
"""

_NAMES = [
    ("string or an instance of Buffer, TypedArray, or DataView",
     "str or an instance of bytes, bytearray, or memoryview"),
    ("type number", "type int"), ("type string", "type str"), ("Received undefined", "Received None"),
]


def _py_names(text: str) -> str:
    """Node names JS types in its messages where uvnet names Python's (API.md)."""
    for js_name, py_name in _NAMES:
        text = text.replace(js_name, py_name)
    return re.sub(r"(?m)^(events\.setMaxListeners\(\) ok) None$", r"\1 undefined", text)


def test_bad_input_shapes_get_nodes_errors():
    assert_same_output(JS, PY, normalize=_py_names)


SOCKET_ON_STDOUT_JS = r"""
const net = require('net');
const s = new net.Socket(1);
s.on('error', (e) => console.error('error', e.code, e.syscall));
s.on('close', (h) => console.error('close', h));
console.error('readable', s.readable, 'writable', s.writable);
"""

SOCKET_ON_STDOUT_PY = r"""
import sys, uvnet
s = uvnet.Socket(1)
s.on('error', lambda e: print('error', e.code, e.syscall, file=sys.stderr))
s.on('close', lambda h: print('close', str(h).lower(), file=sys.stderr))
print('readable', str(s.readable).lower(), 'writable', str(s.writable).lower(), file=sys.stderr)
uvnet.run()
"""


def test_socket_on_a_write_only_pipe_fails_to_read_with_ENOTCONN(tmp_path):
    """fd 1 a pipe (write-only): libuv 1.46's uv_pipe_open makes the stream not readable,
    so the constructor's read(0) fails with ENOTCONN and the socket is destroyed."""
    outs = []
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (TESTS_DIR, os.environ.get("PYTHONPATH", "")) if p))
    for argv, name, src in (([NODE], "s.js", SOCKET_ON_STDOUT_JS),
                            ([sys.executable], "s.py", SOCKET_ON_STDOUT_PY)):
        script = tmp_path / name
        script.write_text(src)
        proc = subprocess.run(argv + [str(script)], capture_output=True,
                              text=True, timeout=20, env=env)
        outs.append(proc.stderr)
    assert outs[0] == outs[1] == "readable false writable false\nerror ENOTCONN read\nclose true\n"
