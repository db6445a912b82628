"""``uvnet.process``'s events and exit, differentially: ``'uncaughtException'`` (with
``origin``), ``'unhandledRejection'``/``'rejectionHandled'``, ``'beforeExit'``, ``'exit'``,
``exitCode``, ``exit()``, and the exit status, each compared with what ``node`` does.
"""

from __future__ import annotations

import pytest

from difftest import _run, assert_same_output

JS_PRELUDE = r"""
const log = (...a) => console.log(a.map((x) => typeof x === 'string' ? x
  : JSON.stringify(x === undefined ? null : x)).join(' '));
"""

PY_PRELUDE = r"""
import json
import uvnet
from uvnet import Promise, process


def log(*a):
    print(' '.join(x if isinstance(x, str) else json.dumps(x, separators=(',', ':'))
                   for x in a), flush=True)
"""


def both(js: str, py: str) -> tuple[str, int]:
    """Run both; assert the same stdout and the same exit status; return them."""
    node = _run('node', JS_PRELUDE + js, timeout=30, cwd=None)
    pyres = _run('python', PY_PRELUDE + py, timeout=30, cwd=None)
    assert node.stdout.splitlines() == pyres.stdout.splitlines(), (
        f'node:\n{node.stdout}\npython:\n{pyres.stdout}\n'
        f'node stderr:\n{node.stderr}\npython stderr:\n{pyres.stderr}')
    assert node.returncode == pyres.returncode, (node.returncode, pyres.returncode,
                                                 pyres.stderr)
    return node.stdout, node.returncode


def test_uncaught_exception_origins_and_the_loop_carries_on() -> None:
    out, rc = both(r"""
process.on('uncaughtExceptionMonitor', (e, origin) => log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => log('handler', e.message, origin));
process.nextTick(() => { throw new Error('from a tick'); });
queueMicrotask(() => { throw new Error('from a microtask'); });
queueMicrotask(() => log('next microtask'));
Promise.reject(new Error('a rejection'));
Promise.reject(42);
(async () => { await null; throw new Error('async function'); })();
setImmediate(() => {
  log('immediate');
  setTimeout(() => { log('timer 1'); throw new Error('from a timer'); }, 1);
  setTimeout(() => log('timer 2'), 1);
});
""", r"""
process.on('uncaughtExceptionMonitor', lambda e, origin: log('monitor', str(e), origin))
process.on('uncaughtException', lambda e, origin: log('handler', str(e), origin))
def t1():
    log('timer 1')
    raise Exception('from a timer')
def raiser(msg):
    def f():
        raise Exception(msg)
    return f
async def af():
    await Promise.resolve(None)
    raise Exception('async function')
uvnet.nextTick(raiser('from a tick'))
uvnet.queueMicrotask(raiser('from a microtask'))
uvnet.queueMicrotask(lambda: log('next microtask'))
Promise.reject(Exception('a rejection'))
Promise.reject(42)
Promise.resolve(af())
def immediate():
    log('immediate')
    uvnet.setTimeout(t1, 1)
    uvnet.setTimeout(lambda: log('timer 2'), 1)
uvnet.setImmediate(immediate)
uvnet.run()
""")
    assert rc == 0 and 'handler from a timer uncaughtException' in out
    assert 'handler a rejection unhandledRejection' in out


def test_unhandled_rejection_listener_and_rejection_handled() -> None:
    both(r"""
process.on('unhandledRejection', (reason, promise) => {
  log('unhandledRejection', reason instanceof Error ? reason.message : reason,
      promise === p1 || promise === p2);
});
process.on('rejectionHandled', (promise) => log('rejectionHandled', promise === p1));
const p1 = Promise.reject(new Error('one'));
const p2 = Promise.reject('two');
process.nextTick(() => log('tick'));
setTimeout(() => { log('timer'); p1.catch(() => log('p1 handled')); }, 1);
setTimeout(() => log('timer 2'), 5);
""", r"""
def on_unhandled(reason, promise):
    log('unhandledRejection', str(reason) if isinstance(reason, Exception) else reason,
        promise is p1 or promise is p2)
process.on('unhandledRejection', on_unhandled)
process.on('rejectionHandled', lambda promise: log('rejectionHandled', promise is p1))
p1 = Promise.reject(Exception('one'))
p2 = Promise.reject('two')
uvnet.nextTick(lambda: log('tick'))
def timer():
    log('timer')
    p1.catch(lambda: log('p1 handled'))
uvnet.setTimeout(timer, 1)
uvnet.setTimeout(lambda: log('timer 2'), 5)
uvnet.run()
""")


def test_before_exit_keeps_the_loop_going_with_the_work_it_schedules_then_exit() -> None:
    out, rc = both(r"""
let n = 0;
process.on('beforeExit', (code) => {
  log('beforeExit', code, process.exitCode);
  Promise.resolve().then(() => log('microtask in beforeExit'));
  process.nextTick(() => log('tick in beforeExit'));
  if (n++ < 2) setTimeout(() => log('timer from beforeExit', n), 1);
});
process.on('exit', (code) => {
  log('exit', code);
  process.nextTick(() => log('never: tick in exit'));
  Promise.resolve().then(() => log('microtask in exit'));
  setTimeout(() => log('never: timer in exit'), 0);
});
setTimeout(() => log('first timer'), 1);
process.exitCode = 3;
""", r"""
n = 0
def before_exit(code):
    global n
    log('beforeExit', code, process.exitCode)
    Promise.resolve().then(lambda: log('microtask in beforeExit'))
    uvnet.nextTick(lambda: log('tick in beforeExit'))
    if n < 2:
        n += 1
        uvnet.setTimeout(lambda: log('timer from beforeExit', n), 1)
    else:
        n += 1
def on_exit(code):
    log('exit', code)
    uvnet.nextTick(lambda: log('never: tick in exit'))
    Promise.resolve().then(lambda: log('microtask in exit'))
    uvnet.setTimeout(lambda: log('never: timer in exit'), 0)
process.on('beforeExit', before_exit)
process.on('exit', on_exit)
uvnet.setTimeout(lambda: log('first timer'), 1)
process.exitCode = 3
uvnet.run()
""")
    assert rc == 3 and out.count('beforeExit 3 3') == 3


@pytest.mark.parametrize('where', ['top', 'timer', 'microtask'])
def test_process_exit_emits_exit_and_ends_with_the_code(where: str) -> None:
    js_call = {'top': 'process.exit(4);',
               'timer': 'setTimeout(() => { log("timer"); process.exit(4); log("never"); }, 1);',
               'microtask': 'Promise.resolve().then(() => process.exit(4));'}[where]
    py_call = {'top': 'process.exit(4)',
               'timer': 'uvnet.setTimeout(lambda: (log("timer"), process.exit(4), log("never")),'
                        ' 1)',
               'microtask': 'Promise.resolve().then(lambda: process.exit(4))'}[where]
    _, rc = both(r"""
process.on('beforeExit', () => log('never: beforeExit'));
process.on('exit', (code) => { log('exit', code, process.exitCode); process.exitCode = 9; });
setTimeout(() => log('never: later timer'), 50);
""" + js_call + "\nlog('after the call');\n", r"""
process.on('beforeExit', lambda: log('never: beforeExit'))
def on_exit(code):
    log('exit', code, process.exitCode)
    process.exitCode = 9
process.on('exit', on_exit)
uvnet.setTimeout(lambda: log('never: later timer'), 50)
""" + py_call + "\nlog('after the call')\nuvnet.run()\n")
    assert rc == 9


def test_uncaught_exception_without_listener_emits_exit_1_and_a_throwing_handler_exits_7(
        ) -> None:
    _, rc = both(r"""
process.on('exit', (code) => log('exit', code));
process.exitCode = 5;
setTimeout(() => { throw new Error('boom'); }, 1);
""", r"""
process.on('exit', lambda code: log('exit', code))
process.exitCode = 5
def boom():
    raise Exception('boom')
uvnet.setTimeout(boom, 1)
uvnet.run()
""")
    assert rc == 1
    _, rc = both(r"""
process.on('exit', (code) => log('never: exit', code));
process.on('uncaughtException', (e) => { log('handler', e.message); throw new Error('again'); });
setTimeout(() => { throw new Error('boom'); }, 1);
""", r"""
process.on('exit', lambda code: log('never: exit', code))
def handler(e):
    log('handler', str(e))
    raise Exception('again')
process.on('uncaughtException', handler)
def boom():
    raise Exception('boom')
uvnet.setTimeout(boom, 1)
uvnet.run()
""")
    assert rc == 7


def test_exit_code_validation() -> None:
    assert_same_output(JS_PRELUDE + r"""
for (const v of ['2', 2, null, undefined, 2.5, 'x', true, '']) {
  try { process.exitCode = v; log('ok', process.exitCode); }
  catch (e) { log(e.code, e.message.replace(/ Received .*/, '')); }
}
process.exitCode = 0;
""", PY_PRELUDE + r"""
for v in ['2', 2, None, None, 2.5, 'x', True, '']:
    try:
        process.exitCode = v
        log('ok', process.exitCode)
    except Exception as e:
        # Python's type name where Node names a JS type ('int' for 'number')
        log(e.code, str(e).split(' Received ')[0].replace('type int', 'type number'))
process.exitCode = 0
""")
