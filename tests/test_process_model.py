"""Node's process model, differentially: ``uvnet.run()``, ``nextTick``, immediates, timers
and what happens after an uncaught exception, each compared with what ``node`` prints.

Every JS program gets ``JS_PRELUDE`` and every Python port ``PY_PRELUDE``:

* ``log(...)`` prints its arguments separated by spaces;
* ``io(fn)`` runs ``fn`` from an I/O callback (poll phase): ``fs.stat`` in Node, a pyuv
  ``Async`` wrapped in ``makeCallback`` in Python (libuv delivers both the same way);
* ``busy(ms)`` blocks the thread, so that several timers are due at the same time (timers
  of one duration created a few microseconds apart can straddle a millisecond tick, and
  then, in Node as in uvnet, the later one is not due yet when the first fires);
* ``run()`` is the program's end: Node's loop with an ``'uncaughtException'`` handler that
  logs ``caught <message>``; in Python, ``uvnet.run()`` called again after each exception.

Node's own docs say ``setTimeout(0)`` vs ``setImmediate`` from the main module is racy,
so those are only compared from an I/O callback.
"""

from __future__ import annotations

import pytest

from difftest import assert_same_output, run_node, run_python

JS_PRELUDE = r"""
const log = (...a) => console.log(...a);
const io = (fn) => require('fs').stat(__filename, () => fn());
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
process.on('uncaughtException', (e) => log('caught', e.message));
const run = () => {};
"""

PY_PRELUDE = r"""
import time
from uvnet._vendor import pyuv
import uvnet
from uvnet.internal.process import loop, makeCallback


def log(*a):
    print(*a, flush=True)


_handles = []  # pyuv frees an Async nobody refers to before it fires


def io(fn):
    def cb(handle):
        handle.close()
        _handles.remove(handle)
        fn()
    handle = pyuv.Async(loop, makeCallback(cb))
    _handles.append(handle)
    handle.send()


def busy(ms):
    time.sleep(ms / 1000)


def run():
    while True:
        try:
            uvnet.run()
            return
        except Exception as e:
            log('caught', e)
"""


def same(js: str, py: str) -> str:
    return assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py)


# --- ticks ------------------------------------------------------------------------------


def test_ticks_run_before_immediates_and_nested_ticks_before_the_next_phase() -> None:
    out = same(r"""
setImmediate(() => log('immediate'));
process.nextTick(() => { log('tick 1'); process.nextTick(() => log('tick 1.1')); });
process.nextTick(() => { log('tick 2'); process.nextTick(() => {
  log('tick 2.1'); process.nextTick(() => log('tick 2.1.1')); }); });
log('sync');
""", r"""
uvnet.setImmediate(lambda: log('immediate'))
uvnet.nextTick(lambda: (log('tick 1'), uvnet.nextTick(lambda: log('tick 1.1'))))
uvnet.nextTick(lambda: (log('tick 2'), uvnet.nextTick(lambda: (
    log('tick 2.1'), uvnet.nextTick(lambda: log('tick 2.1.1'))))))
log('sync')
run()
""")
    assert out.splitlines() == ['sync', 'tick 1', 'tick 2', 'tick 1.1', 'tick 2.1',
                                'tick 2.1.1', 'immediate']


def test_ticks_run_before_a_timer() -> None:
    same(r"""
setTimeout(() => log('timeout'), 0);
process.nextTick(() => { log('tick'); process.nextTick(() => log('nested')); });
""", r"""
uvnet.setTimeout(lambda: log('timeout'), 0)
uvnet.nextTick(lambda: (log('tick'), uvnet.nextTick(lambda: log('nested'))))
run()
""")


def test_ticks_queued_by_a_callback_run_right_after_it() -> None:
    # MakeCallback: the tick queue is drained after each callback, before the next one
    # of the same phase, for timers, immediates and I/O alike.
    same(r"""
setTimeout(() => { log('t1'); process.nextTick(() => log('t1 tick')); }, 10);
setTimeout(() => { log('t2'); process.nextTick(() => log('t2 tick')); }, 10);
busy(20);
setTimeout(() => {
  setImmediate(() => { log('i1'); process.nextTick(() => log('i1 tick')); });
  setImmediate(() => { log('i2'); process.nextTick(() => log('i2 tick')); });
}, 40);
setTimeout(() => io(() => { log('io'); process.nextTick(() => log('io tick')); }), 80);
""", r"""
uvnet.setTimeout(lambda: (log('t1'), uvnet.nextTick(lambda: log('t1 tick'))), 10)
uvnet.setTimeout(lambda: (log('t2'), uvnet.nextTick(lambda: log('t2 tick'))), 10)
busy(20)
uvnet.setTimeout(lambda: (
    uvnet.setImmediate(lambda: (log('i1'), uvnet.nextTick(lambda: log('i1 tick')))),
    uvnet.setImmediate(lambda: (log('i2'), uvnet.nextTick(lambda: log('i2 tick'))))), 40)
uvnet.setTimeout(lambda: io(lambda: (log('io'), uvnet.nextTick(lambda: log('io tick')))), 80)
run()
""")


def test_nextTick_passes_extra_arguments() -> None:
    same(r"""
process.nextTick((a, b, c) => log('tick', a, b, c), 1, 'two', 3);
process.nextTick((...a) => log('none', a.length));
""", r"""
uvnet.nextTick(lambda a, b, c: log('tick', a, b, c), 1, 'two', 3)
uvnet.nextTick(lambda *a: log('none', len(a)))
run()
""")


# --- immediates and the I/O phase --------------------------------------------------------


def test_from_an_io_callback_immediates_run_before_a_zero_timeout() -> None:
    out = same(r"""
io(() => {
  setTimeout(() => log('timeout 0'), 0);
  setTimeout(() => log('timeout 1'), 1);
  setImmediate(() => log('immediate'));
  process.nextTick(() => log('tick'));
  log('io');
});
""", r"""
def cb():
    uvnet.setTimeout(lambda: log('timeout 0'), 0)
    uvnet.setTimeout(lambda: log('timeout 1'), 1)
    uvnet.setImmediate(lambda: log('immediate'))
    uvnet.nextTick(lambda: log('tick'))
    log('io')
io(cb)
run()
""")
    assert out.splitlines() == ['io', 'tick', 'immediate', 'timeout 0', 'timeout 1']


def test_from_a_timer_immediates_run_before_a_new_zero_timeout() -> None:
    same(r"""
setTimeout(() => {
  setTimeout(() => log('timeout'), 0);
  setImmediate(() => log('immediate'));
}, 5);
""", r"""
uvnet.setTimeout(lambda: (uvnet.setTimeout(lambda: log('timeout'), 0),
                          uvnet.setImmediate(lambda: log('immediate'))), 5)
run()
""")


def test_an_immediate_queued_by_an_immediate_runs_next_turn() -> None:
    out = same(r"""
io(() => {
  setImmediate(() => {
    log('i1');
    setImmediate(() => { log('i3 (queued by i1)'); setImmediate(() => log('i5')); });
    process.nextTick(() => log('i1 tick'));
  });
  setImmediate(() => { log('i2'); setImmediate(() => log('i4 (queued by i2)')); });
});
""", r"""
def i1():
    log('i1')
    uvnet.setImmediate(lambda: (log('i3 (queued by i1)'), uvnet.setImmediate(lambda: log('i5'))))
    uvnet.nextTick(lambda: log('i1 tick'))
def i2():
    log('i2')
    uvnet.setImmediate(lambda: log('i4 (queued by i2)'))
io(lambda: (uvnet.setImmediate(i1), uvnet.setImmediate(i2)))
run()
""")
    assert out.splitlines() == ['i1', 'i1 tick', 'i2', 'i3 (queued by i1)',
                                'i4 (queued by i2)', 'i5']


def test_immediate_order_extra_arguments_and_clearImmediate() -> None:
    same(r"""
const a = setImmediate((x, y) => log('a', x, y), 1, 2);
const b = setImmediate(() => { log('b'); clearImmediate(c); });
const c = setImmediate(() => log('c (cleared by b)'));
const d = setImmediate(() => log('d (cleared before run)'));
setImmediate((...args) => log('e', args.length, args.join(',')), 'x', 'y', 'z');
clearImmediate(d);
clearImmediate(d);
clearImmediate(null);
clearImmediate(undefined);
log(typeof a.hasRef(), a.hasRef());
""", r"""
a = uvnet.setImmediate(lambda x, y: log('a', x, y), 1, 2)
b = uvnet.setImmediate(lambda: (log('b'), uvnet.clearImmediate(c)))
c = uvnet.setImmediate(lambda: log('c (cleared by b)'))
d = uvnet.setImmediate(lambda: log('d (cleared before run)'))
uvnet.setImmediate(lambda *args: log('e', len(args), ','.join(args)), 'x', 'y', 'z')
uvnet.clearImmediate(d)
uvnet.clearImmediate(d)
uvnet.clearImmediate(None)
uvnet.clearImmediate(None)
log('boolean', 'true' if a.hasRef() is True else a.hasRef())
run()
""")


def test_unrefd_immediate_does_not_keep_the_loop_alive_but_runs_while_it_is() -> None:
    # test-timers-immediate-unref*.js: an unref'd immediate alone does not run; with a
    # referenced one beside it, it runs in the same turn.
    same(r"""
setImmediate(() => log('never')).unref();
setTimeout(() => {
  const i = setImmediate(() => log('unref, but runs beside a ref one'));
  i.unref();
  log('hasRef', i.hasRef());
  setImmediate(() => log('ref'));
}, 10);
""", r"""
uvnet.setImmediate(lambda: log('never')).unref()
def later():
    i = uvnet.setImmediate(lambda: log('unref, but runs beside a ref one'))
    i.unref()
    log('hasRef', str(i.hasRef()).lower())
    uvnet.setImmediate(lambda: log('ref'))
uvnet.setTimeout(later, 10)
run()
""")


# --- timers -------------------------------------------------------------------------------


def test_timers_due_together_fire_in_creation_order_with_ticks_between() -> None:
    out = same(r"""
for (const name of ['a', 'b', 'c']) {
  setTimeout(() => {
    log(name);
    process.nextTick(() => log(name, 'tick'));
    setImmediate(() => log(name, 'immediate'));
  }, 20);
}
busy(30);
""", r"""
def make(name):
    def cb():
        log(name)
        uvnet.nextTick(lambda: log(name, 'tick'))
        uvnet.setImmediate(lambda: log(name, 'immediate'))
    return cb
for name in ['a', 'b', 'c']:
    uvnet.setTimeout(make(name), 20)
busy(30)
run()
""")
    assert out.splitlines() == ['a', 'a tick', 'b', 'b tick', 'c', 'c tick',
                                'a immediate', 'b immediate', 'c immediate']


def test_timers_of_different_durations_due_together_fire_by_expiry() -> None:
    # Each duration has its own list; due lists run in expiry order, ticks between lists.
    same(r"""
setTimeout(() => { log('30 a'); process.nextTick(() => log('30 a tick')); }, 30);
setTimeout(() => log('10 a'), 10);
setTimeout(() => log('20'), 20);
setTimeout(() => { log('10 b'); process.nextTick(() => log('10 b tick')); }, 10);
setTimeout(() => log('30 b'), 30);
busy(60);
""", r"""
uvnet.setTimeout(lambda: (log('30 a'), uvnet.nextTick(lambda: log('30 a tick'))), 30)
uvnet.setTimeout(lambda: log('10 a'), 10)
uvnet.setTimeout(lambda: log('20'), 20)
uvnet.setTimeout(lambda: (log('10 b'), uvnet.nextTick(lambda: log('10 b tick'))), 10)
uvnet.setTimeout(lambda: log('30 b'), 30)
busy(60)
run()
""")


def test_timeout_extra_arguments_and_interval_extra_arguments() -> None:
    same(r"""
setTimeout((a, b) => log('timeout', a, b), 5, 'x', 42);
setTimeout((...a) => log('no args', a.length), 5);
let n = 0;
const iv = setInterval((a) => { log('interval', a, ++n); if (n === 2) clearInterval(iv); }, 5, 'y');
""", r"""
uvnet.setTimeout(lambda a, b: log('timeout', a, b), 5, 'x', 42)
uvnet.setTimeout(lambda *a: log('no args', len(a)), 5)
n = 0
def tick(a):
    global n
    n += 1
    log('interval', a, n)
    if n == 2:
        uvnet.clearInterval(iv)
iv = uvnet.setInterval(tick, 5, 'y')
run()
""")


def test_interval_repeats_until_cleared_inside_its_callback() -> None:
    out = same(r"""
let n = 0;
const iv = setInterval(() => {
  n++;
  log('interval', n);
  process.nextTick(() => log('tick', n));
  if (n === 4) { clearInterval(iv); log('cleared'); }
}, 10);
const other = setTimeout(() => log('other (longer than 4 intervals)'), 200);
""", r"""
n = 0
def cb():
    global n
    n += 1
    log('interval', n)
    uvnet.nextTick(lambda: log('tick', n))
    if n == 4:
        uvnet.clearInterval(iv)
        log('cleared')
iv = uvnet.setInterval(cb, 10)
other = uvnet.setTimeout(lambda: log('other (longer than 4 intervals)'), 200)
run()
""")
    assert out.count('interval') == 5  # 4 runs + the 'other' line


def test_clearTimeout_of_pending_timers_and_clear_from_another_timer() -> None:
    same(r"""
const a = setTimeout(() => log('a (cleared)'), 10);
const b = setTimeout(() => log('b'), 10);
const c = setTimeout(() => log('c (cleared by b)'), 30);
setTimeout(() => { clearTimeout(c); log('cleared c'); }, 20);
const d = setInterval(() => log('d (cleared)'), 10);
clearTimeout(a);
clearInterval(d);
clearTimeout(a);
clearTimeout(null);
clearTimeout(undefined);
clearTimeout({});
clearInterval('nonsense');
""", r"""
a = uvnet.setTimeout(lambda: log('a (cleared)'), 10)
b = uvnet.setTimeout(lambda: log('b'), 10)
c = uvnet.setTimeout(lambda: log('c (cleared by b)'), 30)
uvnet.setTimeout(lambda: (uvnet.clearTimeout(c), log('cleared c')), 20)
d = uvnet.setInterval(lambda: log('d (cleared)'), 10)
uvnet.clearTimeout(a)
uvnet.clearInterval(d)
uvnet.clearTimeout(a)
uvnet.clearTimeout(None)
uvnet.clearTimeout(None)
uvnet.clearTimeout({})
uvnet.clearInterval('nonsense')
run()
""")


def test_clear_timeout_and_interval_are_interchangeable() -> None:
    # test-timers-clear-timeout-interval-equivalent.js
    same(r"""
clearInterval(setTimeout(() => log('timeout (cleared)'), 5));
clearTimeout(setInterval(() => log('interval (cleared)'), 5));
setTimeout(() => log('done'), 20);
""", r"""
uvnet.clearInterval(uvnet.setTimeout(lambda: log('timeout (cleared)'), 5))
uvnet.clearTimeout(uvnet.setInterval(lambda: log('interval (cleared)'), 5))
uvnet.setTimeout(lambda: log('done'), 20)
run()
""")


def test_refresh_restarts_the_timer_from_now() -> None:
    out = same(r"""
const a = setTimeout(() => log('a (100 ms, refreshed at 40)'), 100);
setTimeout(() => log('b (110 ms)'), 110);
setTimeout(() => { log('refresh', a.refresh() === a); }, 40);
""", r"""
a = uvnet.setTimeout(lambda: log('a (100 ms, refreshed at 40)'), 100)
uvnet.setTimeout(lambda: log('b (110 ms)'), 110)
uvnet.setTimeout(lambda: log('refresh', str(a.refresh() is a).lower()), 40)
run()
""")
    assert out.splitlines()[1].startswith('b')


def test_refresh_of_a_fired_timeout_runs_it_again() -> None:
    # test-timers-refresh.js: refresh() after the timeout fired re-arms it.
    same(r"""
let n = 0;
const t = setTimeout(() => { n++; log('fired', n); if (n === 1) t.refresh(); }, 10);
""", r"""
n = 0
def cb():
    global n
    n += 1
    log('fired', n)
    if n == 1:
        t.refresh()
t = uvnet.setTimeout(cb, 10)
run()
""")


def test_refresh_of_an_unrefd_timer_keeps_it_unrefd() -> None:
    # test-timers-refresh.js: refresh() does not ref an unref'd timer.
    same(r"""
const t = setTimeout(() => log('never'), 50).unref();
t.refresh();
log('hasRef', t.hasRef());
setTimeout(() => log('done'), 10);
""", r"""
t = uvnet.setTimeout(lambda: log('never'), 50).unref()
t.refresh()
log('hasRef', str(t.hasRef()).lower())
uvnet.setTimeout(lambda: log('done'), 10)
run()
""")


def test_unref_lets_run_return_and_ref_again_keeps_it_going() -> None:
    same(r"""
const never = setTimeout(() => log('never'), 1000);
log('unref returns the timer', never.unref() === never, never.hasRef());
const back = setTimeout(() => log('ref again: fires'), 30);
back.unref();
log('ref returns the timer', back.ref() === back, back.hasRef());
const iv = setInterval(() => log('never (unref interval)'), 500).unref();
setTimeout(() => log('short'), 10);
""", r"""
never = uvnet.setTimeout(lambda: log('never'), 1000)
log('unref returns the timer', str(never.unref() is never).lower(), str(never.hasRef()).lower())
back = uvnet.setTimeout(lambda: log('ref again: fires'), 30)
back.unref()
log('ref returns the timer', str(back.ref() is back).lower(), str(back.hasRef()).lower())
iv = uvnet.setInterval(lambda: log('never (unref interval)'), 500).unref()
uvnet.setTimeout(lambda: log('short'), 10)
run()
""")


def test_unrefd_interval_still_fires_while_something_else_keeps_the_loop() -> None:
    # test-timers-unrefd-interval-still-fires.js
    same(r"""
let n = 0;
const keep = setTimeout(() => log('keep-alive ends'), 1000);
const iv = setInterval(() => {
  n++;
  log('unref interval', n);
  if (n === 3) { clearInterval(iv); clearTimeout(keep); log('cleared'); }
}, 10);
iv.unref();
""", r"""
n = 0
keep = uvnet.setTimeout(lambda: log('keep-alive ends'), 1000)
def cb():
    global n
    n += 1
    log('unref interval', n)
    if n == 3:
        uvnet.clearInterval(iv)
        uvnet.clearTimeout(keep)
        log('cleared')
iv = uvnet.setInterval(cb, 10)
iv.unref()
run()
""")


def test_hasRef_follows_ref_unref_and_the_timer_lifecycle() -> None:
    same(r"""
const b = (x) => String(x);
const t = setTimeout(() => { log('fired, hasRef', b(t.hasRef())); }, 5);
log(b(t.hasRef()), b(t.unref().hasRef()), b(t.ref().hasRef()), b(t.unref().unref().hasRef()),
    b(t.ref().ref().hasRef()));
const c = setTimeout(() => {}, 5);
clearTimeout(c);
log('cleared, hasRef', b(c.hasRef()));
setTimeout(() => log('after fire, hasRef', b(t.hasRef())), 20);
""", r"""
def b(x):
    return str(x).lower()
t = uvnet.setTimeout(lambda: log('fired, hasRef', b(t.hasRef())), 5)
log(b(t.hasRef()), b(t.unref().hasRef()), b(t.ref().hasRef()), b(t.unref().unref().hasRef()),
    b(t.ref().ref().hasRef()))
c = uvnet.setTimeout(lambda: None, 5)
uvnet.clearTimeout(c)
log('cleared, hasRef', b(c.hasRef()))
uvnet.setTimeout(lambda: log('after fire, hasRef', b(t.hasRef())), 20)
run()
""")


def test_unref_inside_the_callback_of_an_interval_stops_it_keeping_the_loop() -> None:
    # test-timers-unrefed-in-callback.js: an interval unref'd in its own callback keeps
    # firing while something else holds the loop, and no longer holds it itself.
    same(r"""
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n === 2) {
    log('unref at', n, iv.unref() === iv);
    setTimeout(() => log('keep-alive done; fired after unref:', n > 2), 100);
  }
}, 10);
""", r"""
n = 0
def cb():
    global n
    n += 1
    if n == 2:
        log('unref at', n, str(iv.unref() is iv).lower())
        uvnet.setTimeout(
            lambda: log('keep-alive done; fired after unref:', str(n > 2).lower()), 100)
iv = uvnet.setInterval(cb, 10)
run()
""")


def test_bad_delays_are_coerced_as_node_does() -> None:
    # Node: after *= 1; anything not in [1, 2**31-1] becomes 1 (with a
    # TimeoutOverflowWarning when above). In Python None stands for undefined. Durations
    # are far apart: lists created a few ms apart under load must not swap.
    same(r"""
const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
const mk = (name, delay) => setTimeout(() => log(name), delay);
// (the first warning takes Node a few ms to load, so the overflowing ones come last:
// lists of different durations created ms apart would change the expiry order)
mk('undefined', undefined); mk("'20'", '20'); mk('-5', -5); mk('NaN', NaN);
mk('40', 40); mk("'abc'", 'abc'); mk('1.5', 1.5); mk('true', true);
mk("'0x50'", '0x50'); mk("' 60 '", ' 60 '); mk('0', 0);
mk("''", ''); mk('2**31-1 (never)', 2 ** 31 - 1).unref();
mk('2**31', 2 ** 31); mk('Infinity', Infinity);
busy(100);
setTimeout(() => log(warnings.join('\n')), 120);
""", r"""
import warnings as w
caught = []
def showwarning(message, category, filename, lineno, file=None, line=None):
    caught.append(f'{category.__name__}: {message}')
w.showwarning = showwarning
w.simplefilter('always')
def mk(name, delay):
    return uvnet.setTimeout(lambda: log(name), delay)
mk('undefined', None); mk("'20'", '20'); mk('-5', -5); mk('NaN', float('nan'))
mk('40', 40); mk("'abc'", 'abc'); mk('1.5', 1.5); mk('true', True)
mk("'0x50'", '0x50'); mk("' 60 '", ' 60 '); mk('0', 0)
mk("''", ''); mk('2**31-1 (never)', 2 ** 31 - 1).unref()
mk('2**31', 2 ** 31); mk('Infinity', float('inf'))
busy(100)
uvnet.setTimeout(lambda: log('\n'.join(caught)), 120)
run()
""")


def test_timeout_overflow_warning_category() -> None:
    out = run_python(r"""
import warnings
import uvnet
from uvnet.timers import TimeoutOverflowWarning
assert issubclass(TimeoutOverflowWarning, RuntimeWarning)
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('always')
    t = uvnet.setTimeout(lambda: print('fired'), 2 ** 31)
    i = uvnet.setInterval(lambda: (print('interval'), uvnet.clearInterval(i)), 2 ** 40)
print([w.category.__name__ for w in ws])
print(str(ws[1].message).splitlines()[0])
uvnet.run()
""")
    assert out.splitlines() == [
        "['TimeoutOverflowWarning', 'TimeoutOverflowWarning']",
        '1099511627776 does not fit into a 32-bit signed integer.', 'fired', 'interval']


@pytest.mark.parametrize('fn', ['setTimeout', 'setInterval', 'setImmediate', 'nextTick'])
def test_non_callable_callbacks_throw_err_invalid_arg_type(fn: str) -> None:
    # test-timers-throw-when-cb-not-function.js; Python's type names stand for JS's.
    out = run_python(rf"""
import uvnet
for bad in (None, 'str', 42, {{}}, [], True):
    try:
        uvnet.{fn}(bad)
    except TypeError as e:
        assert isinstance(e, uvnet.NodeError)
        print(e.code, '|', e)
    else:
        print('no error for', repr(bad))
uvnet.run()
""")
    assert out.splitlines() == [
        'ERR_INVALID_ARG_TYPE | The "callback" argument must be of type function. '
        f'Received {received}' for received in (
            'None', "type str ('str')", 'type int (42)', 'an instance of dict',
            'an instance of list', 'type bool (True)')]


def test_non_callable_message_matches_node_modulo_type_names() -> None:
    js = r"""
for (const fn of [setTimeout, setInterval, setImmediate, process.nextTick]) {
  for (const bad of [undefined, 'str', 42]) {
    try { fn(bad); } catch (e) { console.log(e.name, e.code, '|', e.message); }
  }
}
"""
    lines = run_node(js).splitlines()
    assert lines == [
        'TypeError ERR_INVALID_ARG_TYPE | The "callback" argument must be of type function. '
        f'Received {received}' for received in
        ('undefined', "type string ('str')", 'type number (42)')] * 4


def test_run_can_be_called_again_after_it_returned() -> None:
    same(r"""
setTimeout(() => log('first'), 5);
setTimeout(() => setTimeout(() => log('second'), 5), 10);
""", r"""
uvnet.setTimeout(lambda: log('first'), 5)
uvnet.run()
uvnet.setTimeout(lambda: log('second'), 5)
uvnet.run()
uvnet.run()
""")


def test_timer_fires_no_earlier_than_its_delay() -> None:
    out = run_python(r"""
import time, uvnet
start = time.monotonic()
fired = []
uvnet.setTimeout(lambda: fired.append(time.monotonic() - start), 100)
uvnet.setTimeout(lambda: fired.append(time.monotonic() - start), 50)
uvnet.run()
print(fired[0] >= 0.045, fired[1] >= 0.09)
""")
    assert out.split() == ['True', 'True']


# --- uncaught exceptions ----------------------------------------------------------------


def test_exception_in_a_timer_then_the_rest_of_the_due_timers_then_ticks() -> None:
    # Node's RunTimers calls processTimers again after the handler: the next due timer
    # runs before the ticks of the one that threw.
    same(r"""
setTimeout(() => { log('A'); process.nextTick(() => log('tickA'));
  setImmediate(() => log('immA')); throw new Error('boomA'); }, 10);
setTimeout(() => { log('B'); process.nextTick(() => log('tickB')); }, 10);
setTimeout(() => { log('C'); throw new Error('boomC'); }, 10);
setTimeout(() => log('D'), 10);
setTimeout(() => log('later'), 200);
busy(20);
""", r"""
def A():
    log('A')
    uvnet.nextTick(lambda: log('tickA'))
    uvnet.setImmediate(lambda: log('immA'))
    raise Exception('boomA')
def C():
    log('C')
    raise Exception('boomC')
uvnet.setTimeout(A, 10)
uvnet.setTimeout(lambda: (log('B'), uvnet.nextTick(lambda: log('tickB'))), 10)
uvnet.setTimeout(C, 10)
uvnet.setTimeout(lambda: log('D'), 10)
uvnet.setTimeout(lambda: log('later'), 200)
busy(20)
run()
""")


def test_exception_in_a_tick_drained_between_timers() -> None:
    same(r"""
setTimeout(() => { log('A'); setImmediate(() => log('imm'));
  process.nextTick(() => { log('t1'); throw new Error('b1'); });
  process.nextTick(() => log('t2')); }, 10);
setTimeout(() => log('B'), 10);
busy(20);
setTimeout(() => { log('lone'); process.nextTick(() => { log('t3'); throw new Error('b3'); });
  process.nextTick(() => log('t4')); setImmediate(() => log('imm2')); }, 40);
""", r"""
def t1():
    log('t1')
    raise Exception('b1')
def A():
    log('A')
    uvnet.setImmediate(lambda: log('imm'))
    uvnet.nextTick(t1)
    uvnet.nextTick(lambda: log('t2'))
def t3():
    log('t3')
    raise Exception('b3')
def lone():
    log('lone')
    uvnet.nextTick(t3)
    uvnet.nextTick(lambda: log('t4'))
    uvnet.setImmediate(lambda: log('imm2'))
uvnet.setTimeout(A, 10)
uvnet.setTimeout(lambda: log('B'), 10)
busy(20)
uvnet.setTimeout(lone, 40)
run()
""")


def test_exception_in_an_immediate_then_the_outstanding_immediates() -> None:
    same(r"""
io(() => {
  setImmediate(() => {
    log('I1'); process.nextTick(() => log('tick1')); throw new Error('boom1'); });
  setImmediate(() => { log('I2'); process.nextTick(() => { log('t2'); throw new Error('b2'); });
    process.nextTick(() => log('t2b')); });
  setImmediate(() => log('I3'));
  setImmediate(() => { log('I4'); setImmediate(() => log('I6 (next turn)'));
    throw new Error('boom4'); });
  setImmediate(() => log('I5'));
});
""", r"""
def I1():
    log('I1')
    uvnet.nextTick(lambda: log('tick1'))
    raise Exception('boom1')
def t2():
    log('t2')
    raise Exception('b2')
def I2():
    log('I2')
    uvnet.nextTick(t2)
    uvnet.nextTick(lambda: log('t2b'))
def I4():
    log('I4')
    uvnet.setImmediate(lambda: log('I6 (next turn)'))
    raise Exception('boom4')
io(lambda: [uvnet.setImmediate(f) for f in (I1, I2, lambda: log('I3'), I4, lambda: log('I5'))])
run()
""")


def test_exception_in_the_last_immediate_then_its_ticks() -> None:
    same(r"""
io(() => {
  setImmediate(() => { log('I1'); process.nextTick(() => log('tick'));
    setTimeout(() => log('timeout'), 0); setImmediate(() => log('next turn'));
    throw new Error('boom'); });
});
""", r"""
def I1():
    log('I1')
    uvnet.nextTick(lambda: log('tick'))
    uvnet.setTimeout(lambda: log('timeout'), 0)
    uvnet.setImmediate(lambda: log('next turn'))
    raise Exception('boom')
io(lambda: uvnet.setImmediate(I1))
run()
""")


def test_exception_in_an_io_callback_then_ticks_then_the_rest_of_the_turn() -> None:
    same(r"""
io(() => { log('io');
  setImmediate(() => log('imm')); setImmediate(() => log('imm2'));
  setTimeout(() => log('t0'), 0); process.nextTick(() => log('tick')); throw new Error('io'); });
""", r"""
def cb():
    log('io')
    uvnet.setImmediate(lambda: log('imm'))
    uvnet.setImmediate(lambda: log('imm2'))
    uvnet.setTimeout(lambda: log('t0'), 0)
    uvnet.nextTick(lambda: log('tick'))
    raise Exception('io')
io(cb)
run()
""")


def test_exception_in_a_tick_after_an_io_callback() -> None:
    same(r"""
io(() => { log('io');
  setImmediate(() => log('imm')); setTimeout(() => log('t0'), 0);
  process.nextTick(() => { log('tick'); throw new Error('t'); });
  process.nextTick(() => log('tick2')); });
""", r"""
def tick():
    log('tick')
    raise Exception('t')
def cb():
    log('io')
    uvnet.setImmediate(lambda: log('imm'))
    uvnet.setTimeout(lambda: log('t0'), 0)
    uvnet.nextTick(tick)
    uvnet.nextTick(lambda: log('tick2'))
io(cb)
run()
""")


def test_exception_in_a_main_module_tick() -> None:
    same(r"""
process.nextTick(() => { log('n1'); throw new Error('b1'); });
process.nextTick(() => { log('n2'); throw new Error('b2'); });
process.nextTick(() => log('n3'));
setImmediate(() => log('imm'));
log('main');
""", r"""
def n1():
    log('n1')
    raise Exception('b1')
def n2():
    log('n2')
    raise Exception('b2')
uvnet.nextTick(n1)
uvnet.nextTick(n2)
uvnet.nextTick(lambda: log('n3'))
uvnet.setImmediate(lambda: log('imm'))
log('main')
run()
""")


def test_exception_in_an_interval_keeps_the_interval() -> None:
    # test-timers-interval-throw.js: the interval is rescheduled even though it threw.
    same(r"""
let n = 0;
const iv = setInterval(() => { n++; log('interval', n);
  if (n === 3) clearInterval(iv); else throw new Error('boom' + n); }, 10);
""", r"""
n = 0
def cb():
    global n
    n += 1
    log('interval', n)
    if n == 3:
        uvnet.clearInterval(iv)
    else:
        raise Exception('boom' + str(n))
iv = uvnet.setInterval(cb, 10)
run()
""")


def test_exception_in_an_unrefd_timer_then_ref_again() -> None:
    # test-timers-unref-throw-then-ref.js
    same(r"""
const t = setTimeout(() => { log('unref timer throws'); throw new Error('boom'); }, 5);
t.unref();
const keep = setTimeout(() => {
  log('keep');
  const again = setTimeout(() => log('ref again'), 5);
  again.unref(); again.ref();
}, 20);
""", r"""
def boom():
    log('unref timer throws')
    raise Exception('boom')
t = uvnet.setTimeout(boom, 5)
t.unref()
def keep():
    log('keep')
    again = uvnet.setTimeout(lambda: log('ref again'), 5)
    again.unref()
    again.ref()
uvnet.setTimeout(keep, 20)
run()
""")


def test_the_exception_leaves_run_unchanged() -> None:
    out = run_python(r"""
import uvnet
from uvnet.internal.process import loop, makeCallback
from uvnet._vendor import pyuv

class Custom(BaseException):
    pass

errors = [ValueError('v'), KeyError('k'), Custom('c'), OSError(5, 'x')]
raised = list(errors)
def thrower():
    raise raised.pop(0)
uvnet.nextTick(thrower)
uvnet.setTimeout(thrower, 1)
uvnet.setImmediate(thrower)
handle = pyuv.Async(loop, makeCallback(lambda h: (h.close(), thrower())))
handle.send()
seen = []
while True:
    try:
        uvnet.run()
        break
    except BaseException as e:
        seen.append(e)
print(len(seen), all(any(s is e for e in errors) for s in seen))
print(sorted(type(s).__name__ for s in seen))
""")
    assert out.splitlines() == ['4 True', "['Custom', 'KeyError', 'OSError', 'ValueError']"]


def test_pending_exception_does_not_drop_queued_work_across_many_runs() -> None:
    # Every callback throws; each run() raises exactly one exception and loses nothing.
    same(r"""
let k = 0;
const boom = (name) => () => { log(name); process.nextTick(() => log(name, 'tick'));
  throw new Error(name + ' ' + (++k)); };
setTimeout(boom('t1'), 10); setTimeout(boom('t2'), 10); busy(20);
io(() => { setImmediate(boom('i1')); setImmediate(boom('i2')); boom('io')(); });
process.nextTick(boom('n1'));
""", r"""
k = 0
def boom(name):
    def cb():
        global k
        log(name)
        uvnet.nextTick(lambda: log(name, 'tick'))
        k += 1
        raise Exception(f'{name} {k}')
    return cb
uvnet.setTimeout(boom('t1'), 10)
uvnet.setTimeout(boom('t2'), 10)
busy(20)
io(lambda: (uvnet.setImmediate(boom('i1')), uvnet.setImmediate(boom('i2')), boom('io')()))
uvnet.nextTick(boom('n1'))
run()
""")


def test_a_socket_closed_after_a_throw_in_connection_closes_in_that_iteration() -> None:
    """Issue #11 item 5: three clients at once, the second 'connection' listener throws.
    The first socket, ended by the callbacks that ran after the throw, closes in that
    loop iteration's closing phase, as in Node: before the next accept (connection 3)."""
    js = r"""
const net = require('net');
let n = 0;
const server = net.createServer((sock) => {
  const id = ++n;
  log('connection', id);
  sock.on('data', (d) => log('data', id, d.toString()));
  sock.on('end', () => log('end', id));
  sock.on('close', (hadError) => { log('close', id, hadError); if (id === 3) server.close(); });
  sock.end('bye' + id);
  if (id === 2) throw new Error('boom');
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  for (let i = 1; i <= 3; i++) {
    const c = net.connect(port, '127.0.0.1', () => c.end('hi' + i));
    c.on('data', (d) => log('client data', i, d.toString()));
    c.on('close', () => log('client close', i));
  }
});
"""
    py = r"""
n = 0
def onconn(sock):
    global n
    n += 1
    id = n
    log('connection', id)
    sock.on('data', lambda d: log('data', id, bytes(d).decode()))
    sock.on('end', lambda: log('end', id))
    def onclose(hadError):
        log('close', id, str(hadError).lower())
        if id == 3:
            server.close()
    sock.on('close', onclose)
    sock.end('bye%d' % id)
    if id == 2:
        raise Exception('boom')
server = uvnet.createServer(onconn)
def listening():
    port = server.address()['port']
    for i in range(1, 4):
        def client(i):
            c = uvnet.connect(port, '127.0.0.1', lambda: c.end('hi%d' % i))
            c.on('data', lambda d: log('client data', i, bytes(d).decode()))
            c.on('close', lambda *a: log('client close', i))
        client(i)
server.listen(0, '127.0.0.1', listening)
run()
"""
    out = same(js, py)
    assert out.index('close 1 false') < out.index('connection 3')
