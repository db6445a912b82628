"""Ports of Node v20.11.1's ``test/parallel`` files for microtasks, unhandled rejections,
``'beforeExit'`` and ``'exit'``. Each runs as a program of its own (these are about how a
process ends), with a small stand-in for Node's ``common``: ``mustCall``/``mustNotCall``
counts checked in ``process.on('exit')`` when the code is 0, as Node checks them; a
failed check prints ``FAIL ...`` and the test fails. Each test names its Node file.
"""

from __future__ import annotations

import os

from difftest import _run

HERE = os.path.dirname(os.path.abspath(__file__))

COMMON = r"""
import sys
import uvnet
from uvnet import Promise, process
from uvnet.internal.jscall import jscall

_checks = []


def mustCall(fn=None, exact=1):
    if isinstance(fn, int):
        fn, exact = None, fn
    box = [0]

    def wrapper(*args):
        box[0] += 1
        return jscall(fn, *args) if fn is not None else None
    _checks.append((getattr(fn, '__name__', 'mustCall'), exact, box))
    return wrapper


def mustNotCall(msg='mustNotCall'):
    def wrapper(*args):
        raise AssertionError(msg)
    _checks.append((msg, 0, [0]))
    return wrapper


def _verify(code=None):
    if code != 0:  # as Node's runCallChecks: a failing process is not checked
        return
    for name, exact, box in _checks:
        if box[0] != exact:
            print(f'FAIL {name}: expected {exact} calls, got {box[0]}', flush=True)
            process.exitCode = 1


process.on('exit', _verify)
"""


def run_port(body: str, *, status: int = 0) -> str:
    res = _run('python', COMMON + body, timeout=30, cwd=None)
    assert 'FAIL' not in res.stdout and res.returncode == status, (
        f'exit {res.returncode} (expected {status})\n{res.stdout}\n{res.stderr}')
    return res.stdout


def test_queue_microtask() -> None:
    """Port of test-queue-microtask.js."""
    run_port(r"""
from uvnet.internal.errors import NodeError
for t in (None, 0, 'x = 5'):
    try:
        uvnet.queueMicrotask(t)
        raise AssertionError('did not raise')
    except TypeError as e:
        assert isinstance(e, NodeError) and e.code == 'ERR_INVALID_ARG_TYPE'

called = [False]
uvnet.queueMicrotask(mustCall(lambda: called.__setitem__(0, True)))
assert called[0] is False

def no_args(*args):
    assert args == ()
uvnet.queueMicrotask(mustCall(no_args))

q = []
Promise.resolve().then(lambda: q.append('a'))
uvnet.queueMicrotask(mustCall(lambda: q.append('b')))
Promise.reject().catch(lambda: q.append('c'))
def check_q():
    assert q == ['a', 'b', 'c'], q
uvnet.queueMicrotask(mustCall(check_q))

eq = []
process.on('uncaughtException', lambda e: eq.append(e))
def on_exit():
    assert len(eq) == 2, eq
    assert str(eq[0]) == 'E1'
    # Node: a class constructor called without new; Python: a callable that raises
    # TypeError itself (not the argument rule) is uncaught the same way.
    assert isinstance(eq[1], TypeError) and str(eq[1]) == 'constructor needs new'
process.on('exit', on_exit)
def e1():
    raise Exception('E1')
uvnet.queueMicrotask(mustCall(e1))
class NeedsNew:
    def __init__(self):
        raise TypeError('constructor needs new')
uvnet.queueMicrotask(NeedsNew)
uvnet.run()
""")


def test_microtask_queue_run() -> None:
    """Port of test-microtask-queue-run.js and test-microtask-queue-run-immediate.js."""
    for schedule in ('lambda fn: uvnet.setTimeout(fn, 0)', 'uvnet.setImmediate'):
        run_port(f"schedule = {schedule}\n" + r"""
done = [0]
def enqueueMicrotask(fn):
    Promise.resolve().then(fn)
def on_exit():
    assert done[0] == 2, done
process.on('exit', on_exit)
schedule(lambda: enqueueMicrotask(lambda: done.__setitem__(0, done[0] + 1)))
def second():
    called = [False]
    enqueueMicrotask(lambda: uvnet.nextTick(lambda: called.__setitem__(0, True)))
    def check():
        if called[0]:
            done[0] += 1
    schedule(check)
schedule(second)
uvnet.run()
""")


def test_microtask_queue_integration() -> None:
    """Port of test-microtask-queue-integration.js."""
    run_port(r"""
expected = [0]
done = [0]
def on_exit():
    assert done[0] == expected[0] == 2, (done, expected)
process.on('exit', on_exit)
def test(scheduleMicrotask):
    nextTickCalled = [False]
    expected[0] += 1
    def micro():
        uvnet.nextTick(lambda: nextTickCalled.__setitem__(0, True))
        def check():
            assert nextTickCalled[0]
            done[0] += 1
        uvnet.setTimeout(check, 0)
    scheduleMicrotask(micro)
impl = lambda fn: Promise.resolve().then(fn)
test(impl)
uvnet.setTimeout(lambda: uvnet.nextTick(test, impl), 0)
uvnet.run()
""")


def test_promise_unhandled_default_and_throw() -> None:
    """Port of test-promise-unhandled-default.js and test-promise-unhandled-throw.js
    (Node 20's default mode is throw)."""
    run_port(r"""
err1 = Exception('One')
errors = [err1, None]
identical = [True, False]
def ex():
    raise err1
ref = Promise(ex)
Promise.reject(None)
process.on('rejectionHandled', mustNotCall('rejectionHandled'))
def exit_code(code):
    assert code == 0, code
process.on('exit', exit_code)
timer = uvnet.setTimeout(lambda: print(ref), 1000)
count = [2]
def handler(err, origin):
    count[0] -= 1
    if count[0] == 0:
        uvnet.clearTimeout(timer)
    assert origin == 'unhandledRejection', origin
    known = errors.pop(0)
    if identical.pop(0):
        assert err is known
    else:
        from uvnet.internal.process_promises import UnhandledPromiseRejection
        assert isinstance(err, UnhandledPromiseRejection)
        assert err.code == 'ERR_UNHANDLED_REJECTION' and err.name == 'UnhandledPromiseRejection'
        assert str(err) == ('This error originated either by throwing inside of an async '
                            'function without a catch block, or by rejecting a promise which '
                            'was not handled with .catch(). The promise rejected with the '
                            'reason "undefined".'), str(err)
process.on('uncaughtException', mustCall(handler, 2))
uvnet.run()
""")


def test_promise_unhandled_throw_handler() -> None:
    """Port of test-promise-unhandled-throw-handler.js."""
    run_port(r"""
err1 = Exception('One')
errors = [err1, None]
def ex():
    raise err1
ref = Promise(ex)
Promise.reject(None)
process.on('rejectionHandled', mustNotCall('rejectionHandled'))
process.on('uncaughtException', mustNotCall('uncaughtException'))
def exit_code(code):
    assert code == 0, code
process.on('exit', exit_code)
timer = uvnet.setTimeout(lambda: print(ref), 1000)
count = [2]
def handler(err):
    count[0] -= 1
    if count[0] == 0:
        uvnet.clearTimeout(timer)
    assert err is errors.pop(0)
process.on('unhandledRejection', mustCall(handler, 2))
uvnet.run()
""")


def test_promise_handled_rejection_no_warning() -> None:
    """Port of test-promise-handled-rejection-no-warning.js (Node's 'warning' event is
    Python's warnings here: none may be issued)."""
    out = _run('python', COMMON + r"""
import warnings
warnings.simplefilter('error')
process.on('unhandledRejection', mustCall())
Promise.reject(Exception())
uvnet.run()
""", timeout=30, cwd=None)
    assert out.returncode == 0 and 'FAIL' not in out.stdout and out.stderr == '', out.stderr


def test_promises_unhandled_rejections() -> None:
    """Port of test-promises-unhandled-rejections.js: its 38 cases, with its harness (one
    case at a time, 10 ms apart), in tests/programs/promises_unhandled_rejections.py."""
    with open(os.path.join(HERE, 'programs', 'promises_unhandled_rejections.py'),
              encoding='utf-8') as fh:
        program = fh.read()
    res = _run('python', 'import warnings\nwarnings.simplefilter("ignore")\n' + program,
               timeout=60, cwd=None)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ['ran 38 tests, exit 0']


def test_process_beforeexit() -> None:
    """Port of test-process-beforeexit.js."""
    run_port(r"""
def tryImmediate():
    uvnet.setImmediate(mustCall(lambda: process.once('beforeExit', mustCall(tryTimer))))
def tryTimer():
    uvnet.setTimeout(mustCall(lambda: process.once('beforeExit', mustCall(tryListen))), 1)
def tryListen():
    server = uvnet.createServer()
    def listening():
        server.close()
        process.once('beforeExit', mustCall(tryRepeatedTimer))
    server.listen(0).on('listening', mustCall(listening))
def tryRepeatedTimer():
    N = 5
    n = [0]
    def repeated():
        n[0] += 1
        if n[0] < N:
            uvnet.setTimeout(repeatedTimer, 1)
        else:
            process.once('beforeExit', mustCall(tryNextTickSetImmediate))
    repeatedTimer = mustCall(repeated, N)
    uvnet.setTimeout(repeatedTimer, 1)
def tryNextTickSetImmediate():
    uvnet.nextTick(mustCall(lambda: uvnet.setImmediate(
        mustCall(lambda: process.once('beforeExit', mustCall(tryNextTick))))))
def tryNextTick():
    uvnet.nextTick(mustCall(lambda: process.once('beforeExit', mustNotCall())))
process.once('beforeExit', mustCall(tryImmediate))
uvnet.run()
""")


def test_beforeexit_event_exit() -> None:
    """Port of test-beforeexit-event-exit.js."""
    run_port(r"""
process.on('beforeExit', mustNotCall('exit should not allow this to occur'))
process.exit()
""")


def test_process_beforeexit_throw_exit() -> None:
    """Port of test-process-beforeexit-throw-exit.js: the 'exit' listener's exitCode = 0
    is the status after the uncaught error thrown by 'beforeExit'."""
    run_port(r"""
def on_exit():
    process.exitCode = 0
process.on('exit', mustCall(on_exit))
def before():
    raise Exception()
process.on('beforeExit', mustCall(before))
uvnet.run()
""")


def test_process_exit_from_before_exit() -> None:
    """Port of test-process-exit-from-before-exit.js."""
    run_port(r"""
def before():
    uvnet.setTimeout(mustNotCall(), 5)
    process.exit(0)
    raise AssertionError('process.exit returned')
process.on('beforeExit', mustCall(before))
uvnet.run()
""")


def test_process_exit_handler() -> None:
    """Port of test-process-exit-handler.js: a timer set in 'exit' never runs."""
    run_port(r"""
import time
def on_exit():
    uvnet.setTimeout(mustNotCall('timer in exit'), 0)
    time.sleep(0.01)
process.on('exit', on_exit)
uvnet.run()
""")


def test_process_exit_recursive() -> None:
    """Port of test-process-exit-recursive.js."""
    run_port(r"""
nexits = [0]
def on_exit(code):
    assert nexits[0] == 0
    nexits[0] += 1
    assert code == 1, code
    process.exit(0)
process.on('exit', on_exit)
process.exit(1)
""")


def test_next_tick_when_exiting() -> None:
    """Port of test-next-tick-when-exiting.js."""
    run_port(r"""
def on_exit():
    assert process._exiting is True
    uvnet.nextTick(mustNotCall('process is exiting, should not be called'))
process.on('exit', on_exit)
process.exit()
""")


def test_process_exit_code() -> None:
    """Port of test-process-exit-code.js's cases (each a child process there too): the
    status a program ends with."""
    cases = [
        ('process.exitCode = 0\nprocess.exit()', 0),
        ('process.exit(1)', 1),
        ('process.exitCode = 42', 42),
        ('process.exitCode = 42\nprocess.exit()', 42),
        ('def boom():\n    raise Exception("ok")\nuvnet.setTimeout(boom, 1)\nuvnet.run()', 1),
        ('process.exitCode = 99\nprocess.on("exit", lambda code: setattr(process, '
         '"exitCode", 3))', 3),
        ('process.on("exit", lambda code: process.exit(9))\nprocess.exit(7)', 9),
        ('def boom():\n    process.exitCode = 9\n    raise Exception("ok")\n'
         'uvnet.setTimeout(boom, 1)\nuvnet.run()', 1),
        ('process.exitCode = "24"', 24),
    ]
    for body, status in cases:
        res = _run('python', 'import uvnet\nfrom uvnet import process\n' + body,
                   timeout=30, cwd=None)
        assert res.returncode == status, (body, res.returncode, res.stderr)
