"""Smoke tests of the differential-test helpers (difftest.py, trace.js / pytrace.py)."""

import importlib.util
import os

import pytest

from difftest import assert_same_output, normalize_ports, run_node, run_python

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_same_output():
    assert assert_same_output('console.log(1+1)', 'print(2)') == '2\n'


def test_mismatch_raises_with_diff():
    with pytest.raises(AssertionError) as info:
        assert_same_output('console.log(1+1)\nconsole.log("x")', 'print(3)\nprint("x")')
    assert '-2' in str(info.value) and '+3' in str(info.value)


def test_failure_is_reported():
    with pytest.raises(AssertionError, match='exited with 3'):
        run_python('import sys; sys.exit(3)')
    with pytest.raises(AssertionError, match='boom'):
        run_node('throw new Error("boom")')
    assert run_node('console.log("out"); process.exit(2)', check=False) == 'out\n'


def test_exit_status_must_agree_when_unchecked():
    assert_same_output('console.log(1); process.exit(1)', 'print(1); raise SystemExit(1)',
                       check=False)
    with pytest.raises(AssertionError, match='node exited 0 and python 1'):
        assert_same_output('console.log(1)', 'print(1); raise SystemExit(1)', check=False)


def test_timeout():
    with pytest.raises(AssertionError, match='timed out'):
        run_python('import time; print("started", flush=True); time.sleep(30)', timeout=1)


def test_normalize_ports():
    text = ('connect ECONNREFUSED 127.0.0.1:41234 {"port":8124} remotePort 5 port: 99\n'
            ' 3 client:lookup null "::1" 6 "localhost" connect ECONNREFUSED 127.0.0.1:1')
    assert normalize_ports(text) == (
        'connect ECONNREFUSED 127.0.0.1:PORT {"port":PORT} remotePort 5 port: PORT\n'
        ' 3 client:lookup null "::1" 6 "localhost" connect ECONNREFUSED 127.0.0.1:1')


class Socket:
    """Stands in for uvnet.Socket: pytrace only looks at the class name."""


class Emitter:
    """The smallest emitter: emit() calls listeners; internal calls go through self.emit."""

    def __init__(self):
        self.listeners = {}

    def on(self, ev, fn):
        self.listeners.setdefault(ev, []).append(fn)
        return self

    def emit(self, ev, *args):
        for fn in self.listeners.get(ev, []):
            fn(*args)
        return bool(self.listeners.get(ev))

    def fire(self, *args):
        return self.emit(*args)


class CodedError(Exception):
    code = 'ECONNREFUSED'


# Each row: JS source for the arguments, the Python equivalent (JS null as None).
TRACE_CASES = [
    (r'"hello\r\n"', r"'hello\r\n'"),
    (r'Buffer.from("h\u00e9\"\\\x01\n")', r"""'h\u00e9"\\\x01\n'.encode()"""),
    ('Buffer.from([0xff, 0x41])', r"b'\xffA'"),
    ('1, 1.5, -0.25, 1e21, 1.5e-7, NaN', '1, 1.5, -0.25, 1e21, 1.5e-7, float("nan")'),
    ('true, false', 'True, False'),
    ('{port: 8124, family: "IPv4", address: "127.0.0.1"}',
     "{'port': 8124, 'family': 'IPv4', 'address': '127.0.0.1'}"),
    ('[1, "a", null, {b: [true]}]', "[1, 'a', None, {'b': [True]}]"),
    ('Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {code: "ECONNREFUSED"})',
     "CodedError('connect ECONNREFUSED 127.0.0.1:1')"),
    ('new TypeError("bad")', "TypeError('bad')"),
    ('new net.Socket()', 'Socket()'),
    ('undefined', 'None'),
    ('', ''),
]


def test_trace_matches_trace_js():
    js = ['const net = require("net"); const trace = require("./trace");',
          'const EventEmitter = require("events");',
          'const e = trace(new EventEmitter(), "em");',
          'const a = trace(new EventEmitter(), "all", true);',
          'e.on("x", () => {});']
    py = ['from test_difftest import CodedError, Emitter, Socket',
          'from pytrace import trace',
          "e = trace(Emitter(), 'em')",
          "a = trace(Emitter(), 'all', True)",
          "e.on('x', lambda *a: None)"]
    for js_args, py_args in TRACE_CASES:
        js.append(f'e.emit("x"{", " if js_args else ""}{js_args});')
        py.append(f"e.fire('x'{', ' if py_args else ''}{py_args})")
    for ev in ['resume', 'lookup', 'newListener', 'readable']:
        # Node passes null as the error of 'lookup'; elsewhere None stands for undefined.
        missing = 'null' if ev == 'lookup' else 'undefined'
        js.append(f'e.emit("{ev}"); a.emit("{ev}", {missing}, "127.0.0.1", 4, "localhost");')
        py.append(f"e.emit('{ev}'); a.emit('{ev}', None, '127.0.0.1', 4, 'localhost')")
    js.append('e.emit(Symbol("s")); console.log(e.emit("x"), e.emit("nobody"));')
    py.append("e.emit(object()); print(str(e.emit('x')).lower(), str(e.emit('nobody')).lower())")
    out = assert_same_output('\n'.join(js), '\n'.join(py))
    assert out.splitlines()[0] == ' 1 em:x "hello\\r\\n"'


@pytest.mark.skipif(not os.environ.get('UVNET_TEST_INSTALLED'), reason='only under tox')
def test_uvnet_is_the_installed_one():
    """Under tox, the tests must exercise the installed uvnet, never the work tree's."""
    work_tree = os.path.realpath(os.path.join(REPO, 'uvnet'))
    spec = importlib.util.find_spec('uvnet')
    assert spec is not None and spec.submodule_search_locations
    here = os.path.realpath(spec.submodule_search_locations[0])
    assert here != work_tree and 'site-packages' in here, here
    out = run_python('import importlib.util as u; '
                     'print(u.find_spec("uvnet").submodule_search_locations[0])')
    child = os.path.realpath(out.strip())
    assert child != work_tree and 'site-packages' in child, child
