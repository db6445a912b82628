"""``uvnet.process``: Node's ``process`` object (argv, env, pid, platform, hrtime,
nextTick) and its signal events, compared with ``node``; and Ctrl-C/SIGTERM ending
``uvnet.run()`` as they end a Node process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import uvnet
from difftest import NODE, TESTS_DIR, assert_same_output


def test_fields_are_nodes():
    p = uvnet.process
    assert isinstance(p, uvnet.EventEmitter)
    assert p.pid == os.getpid()
    assert p.platform == 'linux' if sys.platform.startswith('linux') else True
    assert p.argv[0] == sys.executable and p.argv[1:] == sys.argv
    assert p.env is os.environ
    assert p.listenerCount('newListener') == 1 and p.listenerCount('removeListener') == 1
    sec, ns = p.hrtime()
    assert 0 <= ns < 1_000_000_000
    assert p.hrtime([sec, ns])[0] == 0
    assert p.hrtime.bigint() >= sec * 1_000_000_000
    ticks = []
    p.nextTick(ticks.append, 1)
    uvnet.run()
    assert ticks == [1]


JS_ERRORS = r"""
const tryit = (f) => { try { f(); console.log('ok'); }
                       catch (e) { console.log(e.code, e.message); } };
tryit(() => process.hrtime(1));
tryit(() => process.hrtime([1]));
tryit(() => process.hrtime('x'));
tryit(() => process.nextTick());
tryit(() => process.on('SIGKILL', () => {}));
tryit(() => process.on('SIGSTOP', () => {}));
console.log(process.listenerCount('SIGKILL'));
const f = () => {};
process.on('SIGUSR2', f); process.on('SIGUSR2', f); process.off('SIGUSR2', f);
console.log(process.listenerCount('SIGUSR2'));
"""

PY_ERRORS = r"""
import uvnet
process = uvnet.process
def tryit(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(e.code, e)
tryit(lambda: process.hrtime(1))
tryit(lambda: process.hrtime([1]))
tryit(lambda: process.hrtime('x'))
tryit(lambda: process.nextTick())
tryit(lambda: process.on('SIGKILL', lambda: None))
tryit(lambda: process.on('SIGSTOP', lambda: None))
print(process.listenerCount('SIGKILL'))
f = lambda: None
process.on('SIGUSR2', f); process.on('SIGUSR2', f); process.off('SIGUSR2', f)
print(process.listenerCount('SIGUSR2'))
uvnet.run()
"""


def _types(text: str) -> str:
    # Node names JS types, uvnet Python's (API.md)
    return (text.replace('type number', 'type int').replace('type string', 'type str')
            .replace('instance of Array', 'instance of list')
            .replace('Received undefined', 'Received None'))


def test_errors_are_nodes():
    assert_same_output(JS_ERRORS, PY_ERRORS, normalize=_types)


JS_SIGNAL = r"""
const net = require('net');
const server = net.createServer();
let n = 0;
const onSig = (...args) => {
  console.log('signal', JSON.stringify(args));
  if (++n === 2) { process.off('SIGUSR1', onSig); server.close(() => console.log('closed')); }
};
process.on('SIGUSR1', onSig);
process.once('SIGHUP', (name, num) => {
  console.log('once', name, num); process.kill(process.pid, 'SIGUSR1');
});
server.listen(0, '127.0.0.1', () => { process.kill(process.pid, 'SIGUSR1'); });
let first = true;
process.on('SIGUSR1', () => { if (first) { first = false; process.kill(process.pid, 'SIGHUP'); } });
"""

PY_SIGNAL = r"""
import json, os, signal
import uvnet
process = uvnet.process
server = uvnet.createServer()
n = 0
def onSig(*args):
    global n
    print('signal', json.dumps(list(args), separators=(',', ':')))
    n += 1
    if n == 2:
        process.off('SIGUSR1', onSig)
        server.close(lambda *a: print('closed'))
process.on('SIGUSR1', onSig)
def onHup(name, num):
    print('once', name, num)
    os.kill(os.getpid(), signal.SIGUSR1)
process.once('SIGHUP', onHup)
server.listen(0, '127.0.0.1', lambda: os.kill(os.getpid(), signal.SIGUSR1))
first = True
def again(*a):
    global first
    if first:
        first = False
        os.kill(os.getpid(), signal.SIGHUP)
process.on('SIGUSR1', again)
uvnet.run()
"""


def test_signal_events_as_node():
    """Listener arguments (name, number), once, removal while the server runs."""
    out = assert_same_output(JS_SIGNAL, PY_SIGNAL)
    assert out.count('signal') == 2 and 'closed' in out


def test_signal_listener_does_not_keep_run_going_and_python_handler_comes_back():
    fn = lambda *a: None  # noqa: E731
    uvnet.process.on('SIGINT', fn)
    uvnet.run()  # returns at once: the handle is unref'd, as Node's
    uvnet.process.off('SIGINT', fn)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)  # Python's own C handler is installed again
        time.sleep(1)


IDLE_PY = r"""
import sys, uvnet
server = uvnet.createServer()
server.listen(0, '127.0.0.1', lambda: print('listening', flush=True))
if sys.argv[1:] == ['listen']:
    def onint(*a):
        print('SIGINT listener', flush=True)
        uvnet.process.off('SIGINT', onint)
        server.close()
    uvnet.process.on('SIGINT', onint)
try:
    uvnet.run()
except KeyboardInterrupt:
    print('KeyboardInterrupt out of run()', flush=True)
    raise
print('run() returned', flush=True)
"""

IDLE_JS = r"""
const net = require('net');
const server = net.createServer();
server.listen(0, '127.0.0.1', () => console.log('listening'));
if (process.argv[2] === 'listen') {
  const onint = () => {
    console.log('SIGINT listener'); process.off('SIGINT', onint); server.close();
  };
  process.on('SIGINT', onint);
}
"""


def signal_idle_server(argv: list[str], sig: int) -> tuple[int, float, str]:
    """Start a listening server, send ``sig`` once it listens: (returncode, s to exit, out)."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=os.pathsep.join(
                                p for p in (TESTS_DIR, os.environ.get('PYTHONPATH', '')) if p)))
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == 'listening\n'
        time.sleep(0.1)  # idle in the poll
        t0 = time.monotonic()
        proc.send_signal(sig)
        out, _err = proc.communicate(timeout=10)
        return proc.returncode, time.monotonic() - t0, out
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize('sig', [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize('listen', [False, True])
def test_signal_ends_an_idle_server_as_node(tmp_path, sig, listen):
    (tmp_path / 'idle.py').write_text(IDLE_PY)
    (tmp_path / 'idle.js').write_text(IDLE_JS)
    extra = ['listen'] if listen and sig == signal.SIGINT else []
    node_rc, _, node_out = signal_idle_server([NODE, str(tmp_path / 'idle.js'), *extra], sig)
    py_rc, seconds, py_out = signal_idle_server(
        [sys.executable, str(tmp_path / 'idle.py'), *extra], sig)
    assert py_rc == node_rc == (0 if extra else -sig)
    assert seconds < 1.0
    if extra:
        assert node_out == 'SIGINT listener\n'
        assert py_out == 'SIGINT listener\nrun() returned\n'
    elif sig == signal.SIGINT:
        assert py_out == 'KeyboardInterrupt out of run()\n'


BUSY_PY = r"""
import sys, time, uvnet
server = uvnet.createServer()

def busy():
    print('listening', flush=True)
    if sys.argv[1] == 'sleep':
        time.sleep(60)        # a blocking call in a callback
    else:
        while True:           # a callback that never returns
            pass

server.listen(0, '127.0.0.1', lambda: uvnet.setTimeout(busy, 10))  # from the loop
try:
    uvnet.run()
except KeyboardInterrupt:
    print('KeyboardInterrupt out of run()', flush=True)
    raise
"""

BUSY_JS = r"""
const net = require('net');
const server = net.createServer();
server.listen(0, '127.0.0.1', () => setTimeout(() => {
  console.log('listening');
  const end = Date.now() + 60000;
  while (Date.now() < end);
}, 10));
"""


@pytest.mark.parametrize('how', ['spin', 'sleep'])
def test_ctrl_c_ends_a_busy_callback_at_once_as_node(tmp_path, how):
    # Node on Ctrl-C with no SIGINT listener: the OS ends it at once, even in the middle
    # of a callback. uvnet: KeyboardInterrupt where the callback is, out of run().
    (tmp_path / 'busy.py').write_text(BUSY_PY)
    (tmp_path / 'busy.js').write_text(BUSY_JS)
    node_rc, node_seconds, _ = signal_idle_server([NODE, str(tmp_path / 'busy.js')],
                                                  signal.SIGINT)
    py_rc, seconds, py_out = signal_idle_server(
        [sys.executable, str(tmp_path / 'busy.py'), how], signal.SIGINT)
    assert py_rc == node_rc == -signal.SIGINT
    assert node_seconds < 1.0 and seconds < 1.0
    assert py_out == 'KeyboardInterrupt out of run()\n'


WAKE_PY = r"""
import signal, uvnet
server = uvnet.createServer()
server.listen(0, '127.0.0.1', lambda: print('listening', flush=True))

def onusr1(signum, frame):  # a Python handler, no uvnet.process listener
    print('SIGUSR1 handler', flush=True)
    server.close()

signal.signal(signal.SIGUSR1, onusr1)
uvnet.run()
print('run() returned', flush=True)
"""


def test_a_python_signal_handler_runs_while_the_loop_is_idle(tmp_path):
    # signal.signal's handler runs as the signal arrives, not at the loop's next event.
    (tmp_path / 'wake.py').write_text(WAKE_PY)
    rc, seconds, out = signal_idle_server([sys.executable, str(tmp_path / 'wake.py')],
                                          signal.SIGUSR1)
    assert (rc, out) == (0, 'SIGUSR1 handler\nrun() returned\n')
    assert seconds < 1.0
