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
import pyuv
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


def same(js: str, py: str) -> str:
    return assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py)


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
""")


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
Promise.race([timer(5, 'late'), timer(1, 'early')]).then((v) => log('race', v));
Promise.race([timer(5, 'late'), timer(1, 'early fail', true)])
  .catch((e) => log('race rejected', e.message));
Promise.race([f(), Promise.resolve('resolved')]).then((v) => log('race sync', turn, v));
Promise.race([3, Promise.resolve(4)]).then((v) => log('race value', turn, v));
Promise.race([]).then(() => log('never'));
Promise.any([Promise.reject(new Error('a')), timer(2, 'b'), 5]).then((v) => log('any', turn, v));
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
Promise.race([timer(5, 'late'), timer(1, 'early')]).then(lambda v: log('race', v))
Promise.race([timer(5, 'late'), timer(1, 'early fail', True)]).catch(
    lambda e: log('race rejected', str(e)))
Promise.race([f(), Promise.resolve('resolved')]).then(lambda v: log('race sync', turn, v))
Promise.race([3, Promise.resolve(4)]).then(lambda v: log('race value', turn, v))
Promise.race([]).then(lambda: log('never'))
Promise.any([Promise.reject(Exception('a')), timer(2, 'b'), 5]).then(lambda v: log('any', turn, v))
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
