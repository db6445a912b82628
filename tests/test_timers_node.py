"""Ports of Node's ``test/parallel/test-timers-*.js`` (the behaviours that apply to
uvnet), compared with ``node`` running the same program. Each test names its Node file;
``mustCall`` counts become printed lines, so a missing or extra call shows in the diff.

Ported elsewhere: test-timers-args, -clear-null-does-not-throw-error,
-clear-object-does-not-throw-error, -clear-timeout-interval-equivalent, -interval-throw,
-unref-throw-then-ref, -unrefd-interval-still-fires, -refresh, -throw-when-cb-not-function,
-unrefed-in-callback, -immediate-unref*, -max-duration-warning, -nan-duration-warning
(test_process_model.py).
"""

from __future__ import annotations

from test_process_model import same


def test_timeout_to_interval_by_setting_repeat() -> None:
    # test-timers-timeout-to-interval.js: setting _repeat turns a timeout into an interval
    same(r"""
let n = 0;
const t = setTimeout(() => {
  log('call', ++n); if (t._repeat) clearInterval(t); t._repeat = 1; }, 1);
""", r"""
n = 0
def cb():
    global n
    n += 1
    log('call', n)
    if t._repeat:
        uvnet.clearInterval(t)
    t._repeat = 1
t = uvnet.setTimeout(cb, 1)
run()
""")


def test_refresh_in_callback() -> None:
    # test-timers-refresh-in-callback.js (mustCall 2)
    same(r"""
let didCall = false;
const timer = setTimeout(() => {
  log('call'); if (!didCall) { didCall = true; timer.refresh(); } }, 1);
""", r"""
did_call = False
def cb():
    global did_call
    log('call')
    if not did_call:
        did_call = True
        timer.refresh()
timer = uvnet.setTimeout(cb, 1)
run()
""")


def test_same_timeout_wrong_list_deleted() -> None:
    # test-timers-same-timeout-wrong-list-deleted.js
    same(r"""
const handle1 = setTimeout(() => {
  log('handle1');
  clearTimeout(handle1);
  const handle2 = setTimeout(() => log('handle2 must not be called'), 100);
  setTimeout(() => { log('clear handle2'); clearTimeout(handle2); }, 1);
}, 100);
""", r"""
def h1():
    log('handle1')
    uvnet.clearTimeout(handle1)
    handle2 = uvnet.setTimeout(lambda: log('handle2 must not be called'), 100)
    uvnet.setTimeout(lambda: (log('clear handle2'), uvnet.clearTimeout(handle2)), 1)
handle1 = uvnet.setTimeout(h1, 100)
run()
""")


def test_zero_timeout_with_arguments_and_zero_interval() -> None:
    # test-timers-zero-timeout.js
    same(r"""
setTimeout((a, b, c) => log('timeout', a, b, c), 0, 'foo', 'bar', 'baz');
setTimeout(() => {}, 0);
let ncalled = 3;
const iv = setInterval((a, b, c) => {
  log('interval', a, b, c); if (--ncalled === 0) clearTimeout(iv); }, 0, 'foo', 'bar', 'baz');
""", r"""
uvnet.setTimeout(lambda a, b, c: log('timeout', a, b, c), 0, 'foo', 'bar', 'baz')
uvnet.setTimeout(lambda: None, 0)
ncalled = 3
def f(a, b, c):
    global ncalled
    log('interval', a, b, c)
    ncalled -= 1
    if ncalled == 0:
        uvnet.clearTimeout(iv)
iv = uvnet.setInterval(f, 0, 'foo', 'bar', 'baz')
run()
""")


def test_immediate_queue_runs_queued_immediates_only_this_turn() -> None:
    # test-timers-immediate-queue.js: immediates queued during the check phase wait for
    # the next turn, so a timer due meanwhile stops the chain after exactly QUEUE runs.
    same(r"""
let ticked = false; let hit = 0; const QUEUE = 10;
function go() {
  if (hit === 0) { setTimeout(() => { ticked = true; }, 1); busy(3); }
  if (ticked) return;
  hit += 1;
  setImmediate(go);
}
for (let i = 0; i < QUEUE; i++) setImmediate(go);
process.on('exit', () => log('hit', hit));
""", r"""
ticked = False
hit = 0
QUEUE = 10
def go():
    global ticked, hit
    if hit == 0:
        def tick():
            global ticked
            ticked = True
        uvnet.setTimeout(tick, 1)
        busy(3)
    if ticked:
        return
    hit += 1
    uvnet.setImmediate(go)
for _ in range(QUEUE):
    uvnet.setImmediate(go)
run()
log('hit', hit)
""")


def test_clearing_from_a_next_tick() -> None:
    # test-timers-next-tick.js
    same(r"""
setTimeout(() => {
  log('t1'); process.nextTick(() => { clearTimeout(t2); clearTimeout(t3); }); }, 1);
const t2 = setTimeout(() => log('t2 must not be called'), 1);
const t3 = setTimeout(() => log('t3 must not be called'), 1);
setTimeout(() => log('t4'), 1);
busy(5);
setImmediate(() => {
  log('i1'); process.nextTick(() => { clearImmediate(i2); clearImmediate(i3); }); });
const i2 = setImmediate(() => log('i2 must not be called'));
const i3 = setImmediate(() => log('i3 must not be called'));
setImmediate(() => log('i4'));
""", r"""
uvnet.setTimeout(lambda: (log('t1'), uvnet.nextTick(
    lambda: (uvnet.clearTimeout(t2), uvnet.clearTimeout(t3)))), 1)
t2 = uvnet.setTimeout(lambda: log('t2 must not be called'), 1)
t3 = uvnet.setTimeout(lambda: log('t3 must not be called'), 1)
uvnet.setTimeout(lambda: log('t4'), 1)
busy(5)
uvnet.setImmediate(lambda: (log('i1'), uvnet.nextTick(
    lambda: (uvnet.clearImmediate(i2), uvnet.clearImmediate(i3)))))
i2 = uvnet.setImmediate(lambda: log('i2 must not be called'))
i3 = uvnet.setImmediate(lambda: log('i3 must not be called'))
uvnet.setImmediate(lambda: log('i4'))
run()
""")


def test_unref() -> None:
    # test-timers-unref.js (the deterministic parts): unref'd timers fire while a ref'd
    # interval keeps the loop, and not after it is gone.
    same(r"""
const timer = setTimeout(() => {}, 10);
log(timer.hasRef(), timer.unref().ref().unref().hasRef());
setInterval(() => {}, 10).unref().ref().unref();
setInterval(() => log('must not fire (interval)'), 10000).unref();
setTimeout(() => log('must not fire (timer)'), 10000).unref();
let unrefInterval = false; let unrefTimer = false;
const interval = setInterval(() => { unrefInterval = true; clearInterval(interval); }, 100);
interval.unref();
setTimeout(() => { unrefTimer = true; }, 100).unref();
let checks = 0;
const check = setInterval(() => {
  if (checks > 5 || (unrefInterval && unrefTimer)) {
    clearInterval(check);
    log('unref interval fired', unrefInterval, 'unref timer fired', unrefTimer);
  }
  checks += 1;
}, 100);
const t = setTimeout(() => { log('unref inside own callback'); t.unref(); }, 100);
const iv2 = setInterval(() => iv2.unref(), 100);
""", r"""
def b(x):
    return str(x).lower()
timer = uvnet.setTimeout(lambda: None, 10)
log(b(timer.hasRef()), b(timer.unref().ref().unref().hasRef()))
uvnet.setInterval(lambda: None, 10).unref().ref().unref()
uvnet.setInterval(lambda: log('must not fire (interval)'), 10000).unref()
uvnet.setTimeout(lambda: log('must not fire (timer)'), 10000).unref()
state = {'interval': False, 'timer': False, 'checks': 0}
def on_interval():
    state['interval'] = True
    uvnet.clearInterval(interval)
interval = uvnet.setInterval(on_interval, 100)
interval.unref()
uvnet.setTimeout(lambda: state.__setitem__('timer', True), 100).unref()
def on_check():
    if state['checks'] > 5 or (state['interval'] and state['timer']):
        uvnet.clearInterval(check)
        log('unref interval fired', b(state['interval']),
            'unref timer fired', b(state['timer']))
    state['checks'] += 1
check = uvnet.setInterval(on_check, 100)
t = uvnet.setTimeout(lambda: (log('unref inside own callback'), t.unref()), 100)
iv2 = uvnet.setInterval(lambda: iv2.unref(), 100)
run()
""")


def test_timers_ordering() -> None:
    # test-timers-ordering.js: timers with growing delays fire in delay order.
    same(r"""
let last = 0;
for (let i = 1; i <= 10; i++) setTimeout(() => { if (i < last) log('out of order'); last = i; }, i);
setTimeout(() => log('last', last), 30);
""", r"""
last = 0
def make(i):
    def cb():
        global last
        if i < last:
            log('out of order')
        last = i
    return cb
for i in range(1, 11):
    uvnet.setTimeout(make(i), i)
uvnet.setTimeout(lambda: log('last', last), 30)
run()
""")


def test_nested_timers() -> None:
    # test-timers-nested.js: a timer created inside a timer with the same delay is not run
    # in the same processing (it starts from its own creation time). The sibling is due
    # well after the inner timer (60 vs ~40 ms), so loop lag under load cannot swap them.
    same(r"""
const order = [];
setTimeout(() => {
  order.push('outer');
  setTimeout(() => { order.push('inner'); log(order.join(',')); }, 20);
  busy(25);
  setTimeout(() => order.push('second inner'), 20);
}, 20);
setTimeout(() => order.push('sibling'), 60);
""", r"""
order = []
def outer():
    order.append('outer')
    uvnet.setTimeout(lambda: (order.append('inner'), log(','.join(order))), 20)
    busy(25)
    uvnet.setTimeout(lambda: order.append('second inner'), 20)
uvnet.setTimeout(outer, 20)
uvnet.setTimeout(lambda: order.append('sibling'), 60)
run()
""")


def test_uncaught_exception_in_timer_other_timers_still_fire() -> None:
    # test-timers-uncaught-exception.js
    same(r"""
let timer1 = 0; let timer2 = 0;
setTimeout(() => { timer1++; throw new Error('BAM!'); }, 1);
setTimeout(() => { timer2++; log('timer2', timer2); }, 1);
busy(5);
process.on('exit', () => log('timer1', timer1, 'timer2', timer2));
""", r"""
count = {'t1': 0, 't2': 0}
def bam():
    count['t1'] += 1
    raise Exception('BAM!')
uvnet.setTimeout(bam, 1)
uvnet.setTimeout(
    lambda: (count.__setitem__('t2', count['t2'] + 1), log('timer2', count['t2'])), 1)
busy(5)
run()
log('timer1', count['t1'], 'timer2', count['t2'])
""")


def test_setimmediate_infinite_loop_lets_timers_run() -> None:
    # test-timers-setimmediate-infinite-loop.js: an immediate re-queuing itself does not
    # starve timers.
    same(r"""
let n = 0;
const loop = () => { if (++n < 100000) setImmediate(loop); };
setImmediate(loop);
setTimeout(() => { log('timer ran, immediates still going:', n < 100000); n = 100000; }, 5);
""", r"""
n = 0
def loop_():
    global n
    n += 1
    if n < 100000:
        uvnet.setImmediate(loop_)
uvnet.setImmediate(loop_)
def on_timer():
    global n
    log('timer ran, immediates still going:', str(n < 100000).lower())
    n = 100000
uvnet.setTimeout(on_timer, 5)
run()
""")


def test_to_primitive() -> None:
    # test-timers-to-primitive.js and test-timers-toPrimitive.js: `+t` / `${t}` port as
    # int(t) / str(t) (or f"{t}"); clearTimeout and clearInterval take either form.
    same(r"""
const t1 = setTimeout(() => log('t1 must not be called'), 1);
const t2 = setInterval(() => log('t2 must not be called'), 1);
log(typeof +t1, [Number.isNaN(+t1), `${t1}` === String(+t1), +t1 !== +t2, +t1 === +t1].join(' '));
clearTimeout(+t1);
clearInterval(`${t2}`);
const t3 = setTimeout(() => log('t3 must not be called'), 1);
clearTimeout(String(+t3));
const t4 = setTimeout(() => log('t4 fires'), 1);
clearTimeout(+t4 + 1000); clearTimeout(true); clearTimeout('0' + t4);
const t5 = setInterval(() => { log('t5 fires'); clearInterval(+t5); }, 1);
setTimeout(() => { log('cleared after firing'); clearTimeout(+t4); }, 20);
""", r"""
t1 = uvnet.setTimeout(lambda: log('t1 must not be called'), 1)
t2 = uvnet.setInterval(lambda: log('t2 must not be called'), 1)
checks = [int(t1) != int(t1), f"{t1}" == str(int(t1)), int(t1) != int(t2), int(t1) == int(t1)]
log(type(int(t1)).__name__ == 'int' and 'number', ' '.join(str(x).lower() for x in checks))
uvnet.clearTimeout(int(t1))
uvnet.clearInterval(f"{t2}")
t3 = uvnet.setTimeout(lambda: log('t3 must not be called'), 1)
uvnet.clearTimeout(str(int(t3)))
t4 = uvnet.setTimeout(lambda: log('t4 fires'), 1)
uvnet.clearTimeout(int(t4) + 1000); uvnet.clearTimeout(True); uvnet.clearTimeout('0' + str(t4))
t5 = uvnet.setInterval(lambda: (log('t5 fires'), uvnet.clearInterval(int(t5))), 1)
uvnet.setTimeout(lambda: (log('cleared after firing'), uvnet.clearTimeout(int(t4))), 20)
run()
""")
