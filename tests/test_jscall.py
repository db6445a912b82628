"""Listeners and callbacks are called with JavaScript's argument rule: a port that writes
``lambda: ...`` for ``() => ...`` works although the event passes arguments, and a
``def cb(err):`` for ``(err) => ...`` works although Node passes nothing."""

# ruff: noqa: E501  (the embedded programs keep Node's one-line style)
from __future__ import annotations

import pytest

import uvnet
from difftest import assert_same_output
from uvnet.internal.jscall import jscall

JS = r"""
const net = require('net');
const server = net.createServer((sock) => {
  sock.on('data', () => console.log('server: data (listener takes nothing)'));
  sock.on('end', () => sock.end('bye', () => console.log('server: end callback (takes nothing)')));
  sock.on('close', () => console.log('server: close (listener takes nothing)'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('hi', () => console.log('client: write callback (takes nothing)'));
    c.end();
  });
  c.on('data', (data, extra) => console.log('client: data', String(data), extra));
  c.on('close', (hadError) => {
    console.log('client: close', hadError);
    server.close((err) => {
      console.log('server.close callback err =', err);
      process.nextTick(() => console.log('tick ignores', 'its args'), 1, 2);
      setImmediate((a) => {
        console.log('immediate args', a);
        setTimeout((a, b, c) => console.log('timer args', a, b, c), 1, 'x');
      });
    });
  });
  const fresh = new net.Socket();
  fresh.on('close', (hadError) => console.log('never-connected close gets', hadError));
  fresh.destroy();
});
"""

PY = r"""
import uvnet as net
def on_connection(sock):
    sock.on('data', lambda: print('server: data (listener takes nothing)'))
    sock.on('end', lambda: sock.end('bye', lambda: print('server: end callback (takes nothing)')))
    sock.on('close', lambda: print('server: close (listener takes nothing)'))
server = net.createServer(on_connection)
def on_listening():
    def on_connect():
        c.write('hi', lambda: print('client: write callback (takes nothing)'))
        c.end()
    c = net.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', lambda data, extra: print('client: data', data.decode(), 'undefined' if extra is None else extra))
    def on_close(hadError):
        print('client: close', str(hadError).lower())
        def closed(err):
            print('server.close callback err =', 'undefined' if err is None else err)
            net.nextTick(lambda: print('tick ignores', 'its args'), 1, 2)
            def immediate(a):
                print('immediate args', 'undefined' if a is None else a)
                net.setTimeout(lambda a, b, c: print('timer args', a, 'undefined' if b is None else b, 'undefined' if c is None else c), 1, 'x')
            net.setImmediate(immediate)
        server.close(closed)
    c.on('close', on_close)
    fresh = net.Socket()
    fresh.on('close', lambda hadError: print('never-connected close gets', 'undefined' if hadError is None else hadError))
    fresh.destroy()
server.listen(0, '127.0.0.1', on_listening)
net.run()
"""


def test_js_argument_rule_matches_node() -> None:
    assert_same_output(JS, PY)


def test_type_error_inside_a_listener_is_not_masked() -> None:
    e = uvnet.EventEmitter()

    def listener(x: object) -> None:
        raise TypeError("inside")

    e.on("x", listener)
    with pytest.raises(TypeError, match="inside"):
        e.emit("x")  # the adapted call runs the body, whose own TypeError propagates
    with pytest.raises(TypeError, match="inside"):
        e.emit("x", 1)


def test_jscall_pads_and_cuts() -> None:
    assert jscall(lambda a, b: (a, b), 1) == (1, None)
    assert jscall(lambda a: a, 1, 2, 3) == 1
    assert jscall(lambda *a: a, 1, 2) == (1, 2)
    assert jscall(lambda a, b=5: (a, b), 1, 2, 3) == (1, 2)
    with pytest.raises(TypeError):
        jscall(lambda *, k: k, 1)  # a required keyword cannot be satisfied


class _Owner:
    def none(self):
        return 'none'

    def two(self, a, b=1):
        return (a, b)

    def rest(self, a, *more):
        return (a, more)

    @classmethod
    def cls(cls, a):
        return a


def _posonly(a, b, /, c=3):
    return (a, b, c)


def _kwonly_required(a, *, key):
    return (a, key)


def _kwonly_default(a, *, key=1):
    return (a, key)


@pytest.mark.parametrize('fn', [
    lambda: None, lambda a: a, lambda a, b=2: (a, b), lambda *a: a, lambda a, *r, **k: a,
    _posonly, _kwonly_required, _kwonly_default,
    _Owner().none, _Owner().two, _Owner().rest, _Owner.cls, print, len,
])
def test_bounds_from_code_objects_agree_with_inspect(fn) -> None:
    from uvnet.internal.jscall import _bounds, _signature_bounds
    assert _bounds(fn) == _signature_bounds(fn)


@pytest.mark.parametrize('fn', [
    lambda: 'none', lambda a: a, lambda a, b=2: (a, b), lambda *a: a, lambda a, b: (a, b),
    _posonly, _kwonly_default, _Owner().none, _Owner().two, _Owner().rest, _Owner.cls,
])
@pytest.mark.parametrize('args', [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)])
def test_fit_args_is_what_jscall_passes(fn, args) -> None:
    # fitArgs (a batch of write callbacks fits its arguments once) passes what the failed
    # call and call_adapted would: the same call, or the same TypeError.
    from uvnet.internal.jscall import fitArgs
    try:
        expected = ('ok', jscall(fn, *args))
    except TypeError:
        expected = ('TypeError', None)
    fitted = fitArgs(fn, args)
    try:
        got = ('ok', fn(*fitted))
    except TypeError:
        got = ('TypeError', None)
    assert got == expected
