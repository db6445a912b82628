"""Promises, microtasks and async functions, differentially: each program runs under
``node`` and as its uvnet port, and both must print the same lines.

Preludes (see also tests/test_process_model.py, whose ``io``/``busy``/``run`` these are):

* ``log(...)`` prints its arguments separated by spaces, strings as they are, anything
  else as JSON (``undefined`` and ``None`` as ``null``);
* ``io(fn)`` runs ``fn`` from an I/O callback (poll phase);
* ``busy(ms)`` blocks the thread (timers due together);
* ``run()`` ends the program: Node's loop with an ``'uncaughtException'`` handler that
  logs ``caught <message>``; in Python, ``uvnet.run()`` called again after each exception.
"""

from __future__ import annotations

from difftest import assert_same_output

JS_PRELUDE = r"""
const log = (...a) => console.log(a.map((x) => typeof x === 'string' ? x
  : JSON.stringify(x === undefined ? null : x)).join(' '));
const io = (fn) => require('fs').stat(__filename, () => fn());
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
process.on('uncaughtException', (e) => log('caught', e.message));
const run = () => {};
"""

PY_PRELUDE = r"""
import json
import time
from uvnet._vendor import pyuv
import uvnet
from uvnet import Promise
from uvnet.internal.process import loop, makeCallback


def log(*a):
    print(' '.join(x if isinstance(x, str) else json.dumps(x, separators=(',', ':'))
                   for x in a), flush=True)


_handles = []


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
            log('caught', str(e))
"""


# The same programs with uvnet.process's 'uncaughtException' listener in place of the
# run() loop: Node's handler, at Node's point.
PY_PRELUDE_LISTENER = PY_PRELUDE + r"""
uvnet.process.on('uncaughtException', lambda e: log('caught', str(e)))


def run():
    uvnet.run()
"""


def same(js: str, py: str, *, listener: bool = False) -> str:
    """Node's output, which the port's must equal; with ``listener`` also when the port
    handles uncaught exceptions with a ``uvnet.process`` listener."""
    out = assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py)
    if listener:
        assert_same_output(JS_PRELUDE + js, PY_PRELUDE_LISTENER + py)
    return out


# --- the microtask queue: where Node drains it ---------------------------------------------


def test_top_level_ticks_then_microtasks_then_again_while_either_has_work() -> None:
    out = same(r"""
setImmediate(() => log('immediate'));
Promise.resolve().then(() => { log('p1');
  process.nextTick(() => log('tick from p1'));
  queueMicrotask(() => log('mq from p1')); });
process.nextTick(() => { log('t1');
  Promise.resolve().then(() => log('p from t1'));
  process.nextTick(() => log('t1.1')); });
queueMicrotask(() => { log('m1'); Promise.resolve().then(() => log('p from m1')); });
process.nextTick(() => log('t2'));
log('sync');
""", r"""
def p1():
    log('p1')
    uvnet.nextTick(lambda: log('tick from p1'))
    uvnet.queueMicrotask(lambda: log('mq from p1'))
def t1():
    log('t1')
    Promise.resolve().then(lambda: log('p from t1'))
    uvnet.nextTick(lambda: log('t1.1'))
def m1():
    log('m1')
    Promise.resolve().then(lambda: log('p from m1'))
uvnet.setImmediate(lambda: log('immediate'))
Promise.resolve().then(p1)
uvnet.nextTick(t1)
uvnet.queueMicrotask(m1)
uvnet.nextTick(lambda: log('t2'))
log('sync')
run()
""")
    assert out.splitlines() == [
        'sync', 't1', 't2', 't1.1', 'p1', 'm1', 'p from t1', 'mq from p1', 'p from m1',
        'tick from p1', 'immediate']


def test_microtasks_after_each_io_callback_and_between_timers_and_immediates() -> None:
    same(r"""
const mix = (name) => {
  log(name);
  Promise.resolve().then(() => { log(name, 'then');
    process.nextTick(() => log(name, 'tick from then')); });
  process.nextTick(() => log(name, 'tick'));
  queueMicrotask(() => log(name, 'microtask'));
};
io(() => {
  mix('io');
  setTimeout(() => mix('timeout a'), 0);
  setTimeout(() => mix('timeout b'), 0);
  setImmediate(() => mix('immediate a'));
  setImmediate(() => mix('immediate b'));
  busy(5);
  io(() => mix('io 2'));
});
""", r"""
def mix(name):
    log(name)
    def then():
        log(name, 'then')
        uvnet.nextTick(lambda: log(name, 'tick from then'))
    Promise.resolve().then(then)
    uvnet.nextTick(lambda: log(name, 'tick'))
    uvnet.queueMicrotask(lambda: log(name, 'microtask'))
def first():
    mix('io')
    uvnet.setTimeout(lambda: mix('timeout a'), 0)
    uvnet.setTimeout(lambda: mix('timeout b'), 0)
    uvnet.setImmediate(lambda: mix('immediate a'))
    uvnet.setImmediate(lambda: mix('immediate b'))
    busy(5)
    io(lambda: mix('io 2'))
io(first)
run()
""")


def test_queueMicrotask_argument_rule_and_bad_callback() -> None:
    same(r"""
queueMicrotask(function (a) { log('got', a); });
try { queueMicrotask(5); } catch (e) { log(e.code, e.name); }
""", r"""
uvnet.queueMicrotask(lambda a: log('got', a))
try:
    uvnet.queueMicrotask(5)
except TypeError as e:
    log(e.code, e.name)
run()
""")


def test_throw_in_a_microtask_is_an_uncaught_exception_and_the_rest_still_run() -> None:
    same(r"""
queueMicrotask(() => { log('m1'); throw new Error('boom'); });
queueMicrotask(() => log('m2'));
Promise.resolve().then(() => log('p'));
setTimeout(() => log('timeout'), 5);
""", r"""
def m1():
    log('m1')
    raise Exception('boom')
uvnet.queueMicrotask(m1)
uvnet.queueMicrotask(lambda: log('m2'))
Promise.resolve().then(lambda: log('p'))
uvnet.setTimeout(lambda: log('timeout'), 5)
run()
""", listener=True)


# --- Promise: executor, then, catch, finally -------------------------------------------------


def test_executor_runs_synchronously_first_resolve_wins_throw_rejects() -> None:
    same(r"""
const p1 = new Promise((resolve, reject) => { log('executor'); resolve(1); resolve(2);
  reject(new Error('no')); });
log('after executor');
p1.then((v) => log('p1', v));
new Promise(() => { throw new Error('thrown'); }).catch((e) => log('p2', e.message));
new Promise((resolve) => { resolve('first'); throw new Error('ignored'); })
  .then((v) => log('p3', v));
new Promise((resolve) => resolve()).then((v) => log('p4', v));
try { new Promise(1); } catch (e) { log(e.constructor.name, e.message); }
""", r"""
def ex1(resolve, reject):
    log('executor')
    resolve(1)
    resolve(2)
    reject(Exception('no'))
p1 = Promise(ex1)
log('after executor')
p1.then(lambda v: log('p1', v))
def ex2():
    raise Exception('thrown')
Promise(ex2).catch(lambda e: log('p2', str(e)))
def ex3(resolve):
    resolve('first')
    raise Exception('ignored')
Promise(ex3).then(lambda v: log('p3', v))
Promise(lambda resolve: resolve()).then(lambda v: log('p4', v))
try:
    Promise(1)
except TypeError as e:
    log(type(e).__name__, str(e))
run()
""")


def test_then_chains_pass_values_and_reasons_through_and_handlers_throw() -> None:
    same(r"""
Promise.resolve(1).then(null, () => log('never')).then((v) => { log('pass', v); return v + 1; })
  .then((v) => { log('got', v); throw new Error('in handler'); })
  .then(() => log('never'))
  .catch((e) => { log('catch', e.message); return 'recovered'; })
  .then((v) => log('then', v));
Promise.reject(new Error('r')).then((v) => log('never'), 5).catch((e) => log('passed', e.message));
const p = Promise.resolve('shared');
p.then((v) => log('a', v)); p.then((v) => log('b', v)); p.then((v) => log('c', v));
""", r"""
def h2(v):
    log('got', v)
    raise Exception('in handler')
def h3(e):
    log('catch', str(e))
    return 'recovered'
def h1(v):
    log('pass', v)
    return v + 1
(Promise.resolve(1).then(None, lambda: log('never')).then(h1).then(h2)
    .then(lambda: log('never')).catch(h3).then(lambda v: log('then', v)))
Promise.reject(Exception('r')).then(lambda v: log('never'), 5).catch(
    lambda e: log('passed', str(e)))
p = Promise.resolve('shared')
p.then(lambda v: log('a', v))
p.then(lambda v: log('b', v))
p.then(lambda v: log('c', v))
run()
""")


def test_turn_counts_of_then_chains_adoption_and_finally() -> None:
    # Three chains interleave; each line says in which turn a reaction ran.
    same(r"""
let turn = 0;
const clock = () => { if (turn < 12) { turn++; queueMicrotask(clock); } };
queueMicrotask(clock);
const at = (what) => (v) => log(what, 'at turn', turn, v);
Promise.resolve(1).then(at('plain then'));
new Promise((r) => r(Promise.resolve(2))).then(at('resolved with a promise'));
new Promise((r) => r({ then(res) { res(3); } })).then(at('resolved with a thenable'));
Promise.resolve(4).then(() => Promise.resolve(5)).then(at('then returning a promise'));
Promise.resolve(6).finally(() => {}).then(at('after finally'));
Promise.reject(7).finally(() => {}).catch(at('after finally (rejected)'));
Promise.resolve(8).finally(() => Promise.resolve('x')).then(at('finally returning a promise'));
Promise.resolve(9).finally(() => { throw new Error('f'); })
  .catch((e) => log('finally threw', turn, e.message));
Promise.reject(10).finally(() => Promise.reject(11)).catch(at('finally rejected'));
""", r"""
turn = 0
def clock():
    global turn
    if turn < 12:
        turn += 1
        uvnet.queueMicrotask(clock)
uvnet.queueMicrotask(clock)
def at(what):
    return lambda v: log(what, 'at turn', turn, v)
class Thenable:
    def then(self, res):
        res(3)
def fthrow():
    raise Exception('f')
Promise.resolve(1).then(at('plain then'))
Promise(lambda r: r(Promise.resolve(2))).then(at('resolved with a promise'))
Promise(lambda r: r(Thenable())).then(at('resolved with a thenable'))
Promise.resolve(4).then(lambda: Promise.resolve(5)).then(at('then returning a promise'))
Promise.resolve(6).finally_(lambda: None).then(at('after finally'))
Promise.reject(7).finally_(lambda: None).catch(at('after finally (rejected)'))
Promise.resolve(8).finally_(lambda: Promise.resolve('x')).then(at('finally returning a promise'))
Promise.resolve(9).finally_(fthrow).catch(lambda e: log('finally threw', turn, str(e)))
Promise.reject(10).finally_(lambda: Promise.reject(11)).catch(at('finally rejected'))
run()
""")


def test_thenables_adopted_sync_async_throwing_and_twice_called() -> None:
    same(r"""
const later = { then(res) { setTimeout(() => res('later'), 1); } };
const both = { then(res, rej) { res('first'); rej(new Error('second')); res('third'); } };
const throws = { then() { throw new Error('then threw'); } };
const throwsAfter = { then(res) { res('kept'); throw new Error('ignored'); } };
const getter = { get then() { throw new Error('getter threw'); } };
const notCallable = { then: 42 };
for (const [name, t] of Object.entries({ later, both, throws, throwsAfter, getter, notCallable }))
  Promise.resolve(t).then((v) => log(name, 'fulfilled', v === t ? 'itself' : v),
                          (e) => log(name, 'rejected', e.message));
const self = new Promise((r) => setTimeout(() => r(self), 30));
self.catch((e) => log(e.constructor.name, e.message));
""", r"""
class Later:
    def then(self, res):
        uvnet.setTimeout(lambda: res('later'), 1)
class Both:
    def then(self, res, rej):
        res('first')
        rej(Exception('second'))
        res('third')
class Throws:
    def then(self):
        raise Exception('then threw')
class ThrowsAfter:
    def then(self, res):
        res('kept')
        raise Exception('ignored')
class Getter:
    @property
    def then(self):
        raise Exception('getter threw')
not_callable = {'then': 42}
items = {'later': Later(), 'both': Both(), 'throws': Throws(), 'throwsAfter': ThrowsAfter(),
         'getter': Getter(), 'notCallable': not_callable}
for name, t in items.items():
    Promise.resolve(t).then(
        lambda v, name=name, t=t: log(name, 'fulfilled', 'itself' if v is t else v),
        lambda e, name=name: log(name, 'rejected', str(e)))
self = Promise(lambda r: uvnet.setTimeout(lambda: r(self), 30))
self.catch(lambda e: log(type(e).__name__, str(e)))
run()
""")


def test_dict_thenable_is_adopted() -> None:
    same(r"""
Promise.resolve({ then: (res) => res('from a literal') }).then((v) => log(v));
""", r"""
Promise.resolve({'then': lambda res: res('from a literal')}).then(lambda v: log(v))
run()
""")


# --- combinators ---------------------------------------------------------------------------


def test_all_and_allSettled_with_values_promises_thenables_and_async_functions() -> None:
    same(r"""
let turn = 0;
const clock = () => { if (turn < 12) { turn++; queueMicrotask(clock); } };
queueMicrotask(clock);
const th = { then(res) { res('thenable'); } };
async function f(x) { log('f starts', x); await null; return x * 2; }
const slow = new Promise((r) => setTimeout(() => r('slow'), 2));
Promise.all([1, Promise.resolve(2), th, f(21), slow]).then((v) => log('all', turn, v));
Promise.all([]).then((v) => log('all empty', turn, v));
Promise.all([1, Promise.reject(new Error('no')), slow])
  .then(null, (e) => log('all rejected', turn, e.message));
Promise.all('ab').then((v) => log('all of a string', v));
Promise.all(5).catch((e) => log('all of 5', e.constructor.name, e.message));
Promise.all(undefined).catch((e) => log('all of undefined', e.constructor.name, e.message));
Promise.allSettled([1, Promise.reject(3), th, f(2)]).then((v) => log('allSettled', turn, v));
Promise.allSettled([]).then((v) => log('allSettled empty', turn, v));
function* gen() { yield 1; yield Promise.resolve(2); }
Promise.all(gen()).then((v) => log('all of a generator', v));
function* bad() { yield 1; throw new Error('iteration failed'); }
Promise.all(bad()).catch((e) => log('bad generator', e.message));
""", r"""
turn = 0
def clock():
    global turn
    if turn < 12:
        turn += 1
        uvnet.queueMicrotask(clock)
uvnet.queueMicrotask(clock)
class Th:
    def then(self, res):
        res('thenable')
th = Th()
async def f(x):
    log('f starts', x)
    await Promise.resolve(None)
    return x * 2
slow = Promise(lambda r: uvnet.setTimeout(lambda: r('slow'), 2))
Promise.all([1, Promise.resolve(2), th, f(21), slow]).then(lambda v: log('all', turn, v))
Promise.all([]).then(lambda v: log('all empty', turn, v))
Promise.all([1, Promise.reject(Exception('no')), slow]).then(
    None, lambda e: log('all rejected', turn, str(e)))
Promise.all('ab').then(lambda v: log('all of a string', v))
Promise.all(5).catch(lambda e: log('all of 5', type(e).__name__, str(e)))
Promise.all(None).catch(lambda e: log('all of undefined', type(e).__name__, str(e)))
Promise.allSettled([1, Promise.reject(3), th, f(2)]).then(lambda v: log('allSettled', turn, v))
Promise.allSettled([]).then(lambda v: log('allSettled empty', turn, v))
def gen():
    yield 1
    yield Promise.resolve(2)
Promise.all(gen()).then(lambda v: log('all of a generator', v))
def bad():
    yield 1
    raise Exception('iteration failed')
Promise.all(bad()).catch(lambda e: log('bad generator', str(e)))
run()
""")


def test_race_and_any() -> None:
    same(r"""
let turn = 0;
const clock = () => { if (turn < 12) { turn++; queueMicrotask(clock); } };
queueMicrotask(clock);
const timer = (ms, v, fail) => new Promise((res, rej) =>
  setTimeout(() => fail ? rej(new Error(v)) : res(v), ms));
async function f() { await null; return 'async'; }
Promise.race([timer(60, 'late'), timer(1, 'early')]).then((v) => log('race', v));
Promise.race([timer(60, 'late'), timer(1, 'early fail', true)])
  .catch((e) => log('race rejected', e.message));
Promise.race([f(), Promise.resolve('resolved')]).then((v) => log('race sync', turn, v));
Promise.race([3, Promise.resolve(4)]).then((v) => log('race value', turn, v));
Promise.race([]).then(() => log('never'));
Promise.any([Promise.reject(new Error('a')), timer(30, 'b'), 5]).then((v) => log('any', turn, v));
Promise.any([Promise.reject(new Error('a')), timer(1, 'b', true)]).catch((e) =>
  log('any rejected', e.constructor.name, e.message, e.errors.map((x) => x.message)));
Promise.any([]).catch((e) => log('any empty', turn, e.constructor.name, e.errors));
Promise.any([f(), Promise.reject(1)]).then((v) => log('any async', turn, v));
""", r"""
turn = 0
def clock():
    global turn
    if turn < 12:
        turn += 1
        uvnet.queueMicrotask(clock)
uvnet.queueMicrotask(clock)
def timer(ms, v, fail=False):
    return Promise(lambda res, rej: uvnet.setTimeout(
        lambda: rej(Exception(v)) if fail else res(v), ms))
async def f():
    await Promise.resolve(None)
    return 'async'
Promise.race([timer(60, 'late'), timer(1, 'early')]).then(lambda v: log('race', v))
Promise.race([timer(60, 'late'), timer(1, 'early fail', True)]).catch(
    lambda e: log('race rejected', str(e)))
Promise.race([f(), Promise.resolve('resolved')]).then(lambda v: log('race sync', turn, v))
Promise.race([3, Promise.resolve(4)]).then(lambda v: log('race value', turn, v))
Promise.race([]).then(lambda: log('never'))
Promise.any([Promise.reject(Exception('a')), timer(30, 'b'), 5]).then(lambda v: log('any', turn, v))
Promise.any([Promise.reject(Exception('a')), timer(1, 'b', True)]).catch(lambda e: log(
    'any rejected', type(e).__name__, str(e), [str(x) for x in e.errors]))
Promise.any([]).catch(lambda e: log('any empty', turn, type(e).__name__, e.errors))
Promise.any([f(), Promise.reject(1)]).then(lambda v: log('any async', turn, v))
run()
""")


# --- async functions -------------------------------------------------------------------------


def test_interleaved_async_functions() -> None:
    same(r"""
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function worker(name, n) {
  log(name, 'start');
  for (let i = 0; i < n; i++) { await null; log(name, i); }
  const v = await sleep(1, name + ' slept');
  log(v);
  return name + ' done';
}
async function main() {
  log('main start');
  const a = worker('a', 3); const b = worker('b', 2);
  log('main after calls');
  const results = await Promise.all([a, b]);
  log('results', results);
  return 'main value';
}
main().then((v) => log('main returned', v));
process.nextTick(() => log('tick'));
log('sync end');
""", r"""
def sleep(ms, v):
    return Promise(lambda r: uvnet.setTimeout(lambda: r(v), ms))
async def worker(name, n):
    log(name, 'start')
    for i in range(n):
        await Promise.resolve(None)
        log(name, i)
    v = await sleep(1, name + ' slept')
    log(v)
    return name + ' done'
async def main():
    log('main start')
    a = Promise.resolve(worker('a', 3))
    b = Promise.resolve(worker('b', 2))
    log('main after calls')
    results = await Promise.all([a, b])
    log('results', results)
    return 'main value'
Promise.resolve(main()).then(lambda v: log('main returned', v))
uvnet.nextTick(lambda: log('tick'))
log('sync end')
run()
""")


def test_async_function_return_throw_and_await_of_rejections_turn_counts() -> None:
    same(r"""
let turn = 0;
const clock = () => { if (turn < 12) { turn++; queueMicrotask(clock); } };
queueMicrotask(clock);
const at = (what) => (v) => log(what, 'at turn', turn, v);
async function plain() { return 1; }
async function returnsPromise() { return Promise.resolve(2); }
async function returnsAwaited() { return await Promise.resolve(3); }
async function throwsFirst() { throw new Error('before await'); }
async function catches() {
  try { await Promise.reject(new Error('awaited rejection')); }
  catch (e) { log('caught in body', turn, e.message); }
  try { await Promise.reject(42); } catch (e) { log('caught a value', e); }
  return 'after catch';
}
async function awaitsThenable() { return await Promise.resolve({ then(r) { r('t'); } }); }
async function rejectsValue() { await Promise.reject('plain reason'); }
plain().then(at('plain'));
returnsPromise().then(at('returns a promise'));
returnsAwaited().then(at('returns await'));
throwsFirst().catch((e) => log('throws first', turn, e.message));
catches().then(at('catches'));
awaitsThenable().then(at('thenable'));
rejectsValue().catch(at('rejects with a value'));
log('sync', turn);
""", r"""
from uvnet.internal.promise import ThrownValue
turn = 0
def clock():
    global turn
    if turn < 12:
        turn += 1
        uvnet.queueMicrotask(clock)
uvnet.queueMicrotask(clock)
def at(what):
    return lambda v: log(what, 'at turn', turn, v)
async def plain():
    return 1
async def returnsPromise():
    return Promise.resolve(2)
async def returnsAwaited():
    return await Promise.resolve(3)
async def throwsFirst():
    raise Exception('before await')
async def catches():
    try:
        await Promise.reject(Exception('awaited rejection'))
    except Exception as e:
        log('caught in body', turn, str(e))
    try:
        await Promise.reject(42)
    except ThrownValue as e:
        log('caught a value', e.value)
    return 'after catch'
class T:
    def then(self, r):
        r('t')
async def awaitsThenable():
    return await Promise.resolve(T())
async def rejectsValue():
    await Promise.reject('plain reason')
Promise.resolve(plain()).then(at('plain'))
Promise.resolve(returnsPromise()).then(at('returns a promise'))
Promise.resolve(returnsAwaited()).then(at('returns await'))
Promise.resolve(throwsFirst()).catch(lambda e: log('throws first', turn, str(e)))
Promise.resolve(catches()).then(at('catches'))
Promise.resolve(awaitsThenable()).then(at('thenable'))
Promise.resolve(rejectsValue()).catch(at('rejects with a value'))
log('sync', turn)
run()
""")


def test_await_inside_io_callbacks_and_timers() -> None:
    same(r"""
async function handler(name) {
  log(name, 'sync part');
  await null;
  log(name, 'after await');
  process.nextTick(() => log(name, 'tick after await'));
  await new Promise((r) => setImmediate(r));
  log(name, 'after immediate');
}
io(() => { handler('io'); process.nextTick(() => log('io tick')); });
setTimeout(() => { handler('timer 1'); }, 1);
setTimeout(() => { handler('timer 2'); }, 1);
busy(3);
""", r"""
async def handler(name):
    log(name, 'sync part')
    await Promise.resolve(None)
    log(name, 'after await')
    uvnet.nextTick(lambda: log(name, 'tick after await'))
    await Promise(lambda r: uvnet.setImmediate(r))
    log(name, 'after immediate')
io(lambda: (Promise.resolve(handler('io')), uvnet.nextTick(lambda: log('io tick'))))
uvnet.setTimeout(lambda: Promise.resolve(handler('timer 1')), 1)
uvnet.setTimeout(lambda: Promise.resolve(handler('timer 2')), 1)
busy(3)
run()
""")


# --- Python's side: run(coro), await, what Python cannot do --------------------------------


def test_run_starts_the_coroutine_and_returns_its_value() -> None:
    out = assert_same_output(r"""
(async () => {
  console.log('main starts');
  const v = await new Promise((r) => setTimeout(() => r(20), 1));
  console.log('main got', v);
  return v + 1;
})().then((v) => console.log('value', v));
process.nextTick(() => console.log('tick after main started'));
""", r"""
import uvnet
async def main():
    print('main starts')
    v = await uvnet.Promise(lambda r: uvnet.setTimeout(lambda: r(20), 1))
    print('main got', v)
    return v + 1
uvnet.nextTick(lambda: print('tick after main started'))
print('value', uvnet.run(main()))
""")
    assert out.splitlines()[0] == 'main starts'


def test_run_of_a_promise_returns_its_value_and_run_of_junk_raises() -> None:
    from difftest import run_python
    out = run_python(r"""
import uvnet
p = uvnet.Promise(lambda r: uvnet.setTimeout(lambda: r('v'), 1))
print(uvnet.run(p))
print(uvnet.run())
try:
    uvnet.run(42)
except TypeError as e:
    print(e.code)
async def never():
    await uvnet.Promise(lambda r: None)
print(uvnet.run(never()))
""")
    assert out.splitlines() == ['v', 'None', 'ERR_INVALID_ARG_TYPE', 'None']


def test_awaiting_an_asyncio_future_raises_a_clear_type_error() -> None:
    from difftest import run_python
    out = run_python(r"""
import asyncio
import uvnet
async def main():
    loop = asyncio.new_event_loop()
    try:
        await loop.create_future()
    except TypeError as e:
        print('TypeError', 'cannot await' in str(e), 'asyncio' in str(e))
    finally:
        loop.close()
    try:
        await asyncio.sleep(0)
    except TypeError as e:
        print('TypeError', 'cannot await' in str(e))
    return 'done'
print(uvnet.run(main()))
""")
    assert out.splitlines() == ['TypeError True True', 'TypeError True', 'done']


def test_await_of_a_coroutine_runs_it_inline_one_turn_sooner() -> None:
    # The case API.md names: `await f()` in Python is `yield from`, so f's return is seen
    # one turn sooner than in V8; `await Promise.resolve(f())` gives V8's turn.
    js = r"""
let turn = 0;
const clock = () => { if (turn < 8) { turn++; queueMicrotask(clock); } };
queueMicrotask(clock);
async function f() { await null; return 'f'; }
(async () => { const v = await f(); console.log('awaited', v, 'at turn', turn); })();
"""
    py = r"""
import uvnet
from uvnet import Promise
turn = 0
def clock():
    global turn
    if turn < 8:
        turn += 1
        uvnet.queueMicrotask(clock)
uvnet.queueMicrotask(clock)
async def f():
    await Promise.resolve(None)
    return 'f'
async def inline():
    v = await f()
    print('inline', v, 'at turn', turn)
async def main():
    v = await Promise.resolve(f())
    print('awaited', v, 'at turn', turn)
Promise.resolve(inline())
Promise.resolve(main())
uvnet.run()
"""
    from difftest import run_node, run_python
    node = run_node(js).splitlines()
    py_out = run_python(py).splitlines()
    assert node == ['awaited f at turn 2']
    assert py_out == ['inline f at turn 1', 'awaited f at turn 2']


# --- unhandled rejections (Node 20: --unhandled-rejections=throw) ---------------------------


def test_unhandled_rejection_is_thrown_after_the_ticks_and_microtasks_drain() -> None:
    same(r"""
const late = Promise.reject(new Error('late'));
Promise.reject(new Error('caught in a microtask')).catch((e) => log('handled', e.message));
const inTick = Promise.reject(new Error('caught in a tick'));
process.nextTick(() => inTick.catch((e) => log('handled', e.message)));
const inTickOfMicrotask = Promise.reject(new Error('caught in a tick of a microtask'));
queueMicrotask(() => process.nextTick(() =>
  inTickOfMicrotask.catch((e) => log('handled', e.message))));
Promise.reject(7);
process.nextTick(() => log('tick'));
queueMicrotask(() => log('microtask'));
setImmediate(() => { log('immediate'); late.catch((e) => log('handled late', e.message)); });
""", r"""
late = Promise.reject(Exception('late'))
Promise.reject(Exception('caught in a microtask')).catch(lambda e: log('handled', str(e)))
inTick = Promise.reject(Exception('caught in a tick'))
uvnet.nextTick(lambda: inTick.catch(lambda e: log('handled', str(e))))
inTickOfMicrotask = Promise.reject(Exception('caught in a tick of a microtask'))
uvnet.queueMicrotask(lambda: uvnet.nextTick(
    lambda: inTickOfMicrotask.catch(lambda e: log('handled', str(e)))))
Promise.reject(7)
uvnet.nextTick(lambda: log('tick'))
uvnet.queueMicrotask(lambda: log('microtask'))
def immediate():
    log('immediate')
    late.catch(lambda e: log('handled late', str(e)))
uvnet.setImmediate(immediate)
import warnings
warnings.simplefilter('ignore')
run()
""", listener=True)


def test_unhandled_rejections_between_timers_immediates_and_io_callbacks() -> None:
    same(r"""
let p;
io(() => {
  setTimeout(() => { log('timer 1'); p = Promise.reject(new Error('from timer 1'));
    process.nextTick(() => log('tick of timer 1')); }, 0);
  setTimeout(() => { log('timer 2'); p.catch(() => log('timer 2 handles it')); }, 0);
  setImmediate(() => { log('immediate 1'); Promise.reject(new Error('from immediate 1')); });
  setImmediate(() => log('immediate 2'));
  busy(5);
  io(() => { log('io 2'); (async () => { throw new Error('async function'); })(); });
});
""", r"""
p = None
def t1():
    global p
    log('timer 1')
    p = Promise.reject(Exception('from timer 1'))
    uvnet.nextTick(lambda: log('tick of timer 1'))
def t2():
    log('timer 2')
    p.catch(lambda: log('timer 2 handles it'))
def i1():
    log('immediate 1')
    Promise.reject(Exception('from immediate 1'))
async def thrower():
    raise Exception('async function')
def first():
    uvnet.setTimeout(t1, 0)
    uvnet.setTimeout(t2, 0)
    uvnet.setImmediate(i1)
    uvnet.setImmediate(lambda: log('immediate 2'))
    busy(5)
    io(lambda: (log('io 2'), Promise.resolve(thrower())))
io(first)
import warnings
warnings.simplefilter('ignore')
run()
""", listener=True)


def test_unhandled_rejection_of_run_main_leaves_run() -> None:
    from difftest import run_python
    out = run_python(r"""
import uvnet
async def main():
    uvnet.setTimeout(lambda: print('timer still runs after the crash point'), 1)
    await uvnet.Promise.resolve(None)
    raise ValueError('main failed')
try:
    uvnet.run(main())
except ValueError as e:
    print('run raised', e)
print('run again returns', uvnet.run())
try:
    uvnet.run(uvnet.Promise.reject(5))
except Exception as e:
    print(type(e).__name__, e.code)
""")
    assert out.splitlines() == [
        'run raised main failed', 'timer still runs after the crash point',
        'run again returns None', 'UnhandledPromiseRejection ERR_UNHANDLED_REJECTION']


# --- async def listeners, callbacks and hooks ----------------------------------------------


def test_async_listeners_timer_tick_and_immediate_callbacks_start_as_js_calls() -> None:
    same(r"""
const { EventEmitter } = require('events');
const ee = new EventEmitter();
ee.on('x', async (v) => { log('listener 1 sync', v); await null; log('listener 1 resumed'); });
ee.on('x', (v) => log('listener 2', v));
ee.once('x', async () => { log('once sync'); await null; log('once resumed'); });
log('emit returned', ee.emit('x', 1));
ee.emit('x', 2);
ee.on('bad', async () => { await null; throw new Error('async listener rejected'); });
ee.emit('bad');
setImmediate(async () => { log('immediate'); await null; log('immediate resumed');
  setTimeout(async (a) => { log('timer', a); await null; log('timer resumed'); }, 1, 'arg'); });
process.nextTick(async () => { log('tick'); await null; log('tick resumed'); });
queueMicrotask(async () => { log('microtask'); await null; log('microtask resumed'); });
new Promise(async (resolve) => { log('async executor'); await null; resolve('late'); })
  .then((v) => log('executor resolved', v));
""", r"""
ee = uvnet.EventEmitter()
async def l1(v):
    log('listener 1 sync', v)
    await Promise.resolve(None)
    log('listener 1 resumed')
async def once():
    log('once sync')
    await Promise.resolve(None)
    log('once resumed')
async def bad():
    await Promise.resolve(None)
    raise Exception('async listener rejected')
async def timer(a):
    log('timer', a)
    await Promise.resolve(None)
    log('timer resumed')
async def immediate():
    log('immediate')
    await Promise.resolve(None)
    log('immediate resumed')
    uvnet.setTimeout(timer, 1, 'arg')
async def tick():
    log('tick')
    await Promise.resolve(None)
    log('tick resumed')
async def microtask():
    log('microtask')
    await Promise.resolve(None)
    log('microtask resumed')
async def executor(resolve):
    log('async executor')
    await Promise.resolve(None)
    resolve('late')
ee.on('x', l1)
ee.on('x', lambda v: log('listener 2', v))
ee.once('x', once)
log('emit returned', ee.emit('x', 1))
ee.emit('x', 2)
ee.on('bad', bad)
ee.emit('bad')
uvnet.setImmediate(immediate)
uvnet.nextTick(tick)
uvnet.queueMicrotask(microtask)
Promise(executor).then(lambda v: log('executor resolved', v))
run()
""", listener=True)


def test_async_connection_and_data_listeners_on_real_sockets() -> None:
    same(r"""
const net = require('net');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const server = net.createServer(async (sock) => {
  log('connection');
  await sleep(5);
  log('server writes');
  sock.write('hello ');
  sock.on('data', async (d) => {
    log('server data', d.toString());
    await null;
    sock.end('bye');
  });
});
server.listen(0, '127.0.0.1', async () => {
  log('listening');
  await null;
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setEncoding('utf8');
  c.on('data', (d) => { log('client data', d); if (d === 'hello ') c.write('ping'); });
  c.on('end', async () => { log('client end'); await null; server.close(() => log('closed')); });
});
""", r"""
def sleep(ms):
    return Promise(lambda r: uvnet.setTimeout(r, ms))
async def on_connection(sock):
    log('connection')
    await sleep(5)
    log('server writes')
    sock.write('hello ')
    async def on_data(d):
        log('server data', bytes(d).decode())
        await Promise.resolve(None)
        sock.end('bye')
    sock.on('data', on_data)
server = uvnet.createServer(on_connection)
async def on_listening():
    log('listening')
    await Promise.resolve(None)
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    c.setEncoding('utf8')
    def on_client_data(d):
        log('client data', d)
        if d == 'hello ':
            c.write('ping')
    c.on('data', on_client_data)
    async def on_end():
        log('client end')
        await Promise.resolve(None)
        server.close(lambda: log('closed'))
    c.on('end', on_end)
server.listen(0, '127.0.0.1', on_listening)
run()
""")


def test_async_stream_hooks_run_and_their_promises_are_ignored_as_in_node() -> None:
    same(r"""
const { Writable, Readable, Transform } = require('stream');
const w = new Writable({
  async write(chunk, enc, cb) { log('write', chunk.toString()); await null; cb(); },
  async final(cb) { log('final'); await new Promise((r) => setTimeout(r, 1)); cb(); },
  async destroy(err, cb) { log('destroy'); await null; cb(err); },
});
w.on('finish', () => log('finish'));
w.on('close', () => { log('close');
  log('never.writableFinished', never.writableFinished); });
w.write('a'); w.write('b'); w.end('c');
const never = new Writable({ write(c, e, cb) { cb(); },
  async final() { log('final without cb'); } });
never.on('finish', () => log('never finishes'));
never.end('x');
const t = new Transform({
  async transform(chunk, enc, cb) { await null; cb(null, chunk.toString().toUpperCase()); },
  async flush(cb) { await null; cb(null, '!'); },
});
t.setEncoding('utf8');
t.on('data', (d) => log('transformed', d));
t.on('end', () => log('transform end'));
t.write('x'); t.end('y');
let n = 0;
const r = new Readable({ async read() { await null; r.push(n < 2 ? String(n++) : null); } });
r.on('data', (d) => log('read', d.toString()));
r.on('end', () => log('readable end'));
const bad = new Writable({ async write() { throw new Error('async _write rejected'); } });
bad.write('z');
""", r"""
from uvnet.stream import Readable, Transform, Writable
async def write(chunk, enc, cb):
    log('write', bytes(chunk).decode())
    await Promise.resolve(None)
    cb()
async def final(cb):
    log('final')
    await Promise(lambda r: uvnet.setTimeout(r, 1))
    cb()
async def destroy(err, cb):
    log('destroy')
    await Promise.resolve(None)
    cb(err)
w = Writable(write=write, final=final, destroy=destroy)
w.on('finish', lambda: log('finish'))
w.on('close', lambda: (log('close'),
                         log('never.writableFinished', never.writableFinished)))
w.write('a')
w.write('b')
w.end('c')
async def final_without_cb():
    log('final without cb')
never = Writable(write=lambda c, e, cb: cb(), final=final_without_cb)
never.on('finish', lambda: log('never finishes'))
never.end('x')
async def transform(chunk, enc, cb):
    await Promise.resolve(None)
    cb(None, bytes(chunk).decode().upper())
async def flush(cb):
    await Promise.resolve(None)
    cb(None, '!')
t = Transform(transform=transform, flush=flush)
t.setEncoding('utf8')
t.on('data', lambda d: log('transformed', d))
t.on('end', lambda: log('transform end'))
t.write('x')
t.end('y')
n = 0
async def read():
    global n
    await Promise.resolve(None)
    if n < 2:
        r.push(str(n))
        n += 1
    else:
        r.push(None)
r = Readable(read=read)
r.on('data', lambda d: log('read', bytes(d).decode()))
r.on('end', lambda: log('readable end'))
async def bad_write():
    raise Exception('async _write rejected')
bad = Writable(write=bad_write)
bad.write('z')
run()
""", listener=True)

