# ruff: noqa: E501
"""Differential tests: the order of events, ticks, microtasks and timers around Node's
promise APIs (issue #12 items 4-7), JS vs Python line for line, on the preludes of
``stream_prelude``.

``turns(n, label)`` logs ``label i`` at each of the next ``n`` microtask turns, which
shows in which turn a Promise settles or an ``await`` resumes. Where Python cannot give
V8's turns (an async generator's ``yield``, a ``break`` out of ``async for``; API.md), a
scenario does not put turn markers across them.
"""

from __future__ import annotations

import re

from stream_prelude import same

from difftest import normalize_ports

JS_TURNS = r"""
const { once, on, EventEmitter } = require('events');
const timersPromises = require('timers/promises');
const streamPromises = require('stream/promises');
const util = require('util');
const net = require('net');
function turns(n, label) { let i = 0; const step = () => { log(label, i); if (++i < n) queueMicrotask(step); }; queueMicrotask(step); }
"""

PY_TURNS = r"""
from uvnet.events import once, on, EventEmitter
from uvnet.timers import promises as timersPromises
from uvnet.stream import promises as streamPromises
from uvnet import util
def turns(n, label):
    i = 0
    def step():
        nonlocal i
        log(label, i)
        i += 1
        if i < n:
            uvnet.queueMicrotask(step)
    uvnet.queueMicrotask(step)
"""


def diff(js: str, py: str, **kwargs: object) -> str:
    return same(JS_TURNS + js, PY_TURNS + py, **kwargs)


def test_once_resolution_rejection_and_abort_turns() -> None:
    diff(r"""
const ee = new EventEmitter();
async function main() {
  process.nextTick(() => { ee.emit('x', 1, 2); turns(6, 'm'); });
  const [a, b] = await once(ee, 'x');
  log('once', a, b, ee.listenerCount('x'), ee.listenerCount('error'));
  process.nextTick(() => { ee.emit('error', new Error('boom')); turns(6, 'e'); });
  try { await once(ee, 'y'); } catch (e) { log('rejected', e, ee.listenerCount('y'), ee.listenerCount('error')); }
  const ac = new AbortController();
  const p = once(ee, 'z', { signal: ac.signal });
  turns(5, 'a');
  ac.abort();
  try { await p; } catch (e) { log('abort', e.name, e, ee.listenerCount('z')); }
  const [err] = await Promise.all([once(ee, 'error'), Promise.resolve().then(() => ee.emit('error', new Error('as value')))]);
  log('error as value', err);
  return 'end';
}
main().then((v) => log('main', v));
turns(3, 't');
""", r"""
ee = EventEmitter()
async def main():
    def f1():
        ee.emit('x', 1, 2)
        turns(6, 'm')
    uvnet.nextTick(f1)
    a, b = await once(ee, 'x')
    log('once', a, b, ee.listenerCount('x'), ee.listenerCount('error'))
    def f2():
        ee.emit('error', Exception('boom'))
        turns(6, 'e')
    uvnet.nextTick(f2)
    try:
        await once(ee, 'y')
    except Exception as e:
        log('rejected', e, ee.listenerCount('y'), ee.listenerCount('error'))
    ac = uvnet.AbortController()
    p = once(ee, 'z', signal=ac.signal)
    turns(5, 'a')
    ac.abort()
    try:
        await p
    except Exception as e:
        log('abort', e.name, e, ee.listenerCount('z'))
    err, _ = await uvnet.Promise.all([once(ee, 'error'), uvnet.Promise.resolve().then(lambda _: ee.emit('error', Exception('as value')))])
    log('error as value', err)
    return 'end'
uvnet.Promise.resolve(main()).then(lambda v: log('main', v))
turns(3, 't')
uvnet.run()
""")


def test_on_async_iterator_turns() -> None:
    diff(r"""
const ee = new EventEmitter();
async function main() {
  process.nextTick(() => { ee.emit('foo', 'a'); ee.emit('foo', 'b'); turns(8, 'o'); });
  const it = on(ee, 'foo', { close: ['end'] });
  setTimeout(() => { ee.emit('foo', 'c'); ee.emit('end'); }, 5);
  for await (const ev of it) log('on', ev, ee.listenerCount('foo'));
  log('closed', ee.listenerCount('foo'), ee.listenerCount('end'), ee.listenerCount('error'));
  const it2 = on(ee, 'bar');
  process.nextTick(() => { ee.emit('bar', 1); ee.emit('error', new Error('kaboom')); ee.emit('bar', 2); });
  try { for await (const ev of it2) log('bar', ev); } catch (e) { log('bar error', e); }
  log('bar listeners', ee.listenerCount('bar'), ee.listenerCount('error'));
}
main();
""", r"""
ee = EventEmitter()
async def main():
    def f():
        ee.emit('foo', 'a')
        ee.emit('foo', 'b')
        turns(8, 'o')
    uvnet.nextTick(f)
    it = on(ee, 'foo', close=['end'])
    def later():
        ee.emit('foo', 'c')
        ee.emit('end')
    uvnet.setTimeout(later, 5)
    async for ev in it:
        log('on', ev, ee.listenerCount('foo'))
    log('closed', ee.listenerCount('foo'), ee.listenerCount('end'), ee.listenerCount('error'))
    it2 = on(ee, 'bar')
    def g():
        ee.emit('bar', 1)
        ee.emit('error', Exception('kaboom'))
        ee.emit('bar', 2)
    uvnet.nextTick(g)
    try:
        async for ev in it2:
            log('bar', ev)
    except Exception as e:
        log('bar error', e)
    log('bar listeners', ee.listenerCount('bar'), ee.listenerCount('error'))
uvnet.Promise.resolve(main())
uvnet.run()
""")


def test_async_for_over_readable_events_and_turns() -> None:
    diff(r"""
async function main() {
  const r = trace(new Readable({ read() {} }), 'r');
  r.push('a'); r.push('b');
  setImmediate(() => { log('imm'); r.push('c'); r.push(null); });
  for await (const c of r) { log('chunk', c); turns(3, 'c' + c); }
  log('loop done', r.destroyed);
  const r4 = trace(new Readable({ read() {} }), 'r4');
  setImmediate(() => r4.destroy(new Error('kaboom')));
  try { for await (const c of r4) log(c); } catch (e) { log('caught', e); }
  const r5 = trace(new Readable({ objectMode: true, read() { this.push('x'); } }), 'r5');
  for await (const c of r5.iterator({ destroyOnReturn: false })) { log('r5', c); break; }
  log('r5 after break', r5.destroyed, r5.listenerCount('readable'));
}
main().then(() => log('done'));
""", r"""
async def main():
    r = trace(Readable(read=lambda n: None), 'r')
    r.push('a'); r.push('b')
    def imm():
        log('imm'); r.push('c'); r.push(None)
    uvnet.setImmediate(imm)
    async for c in r:
        log('chunk', c); turns(3, 'c' + bytes(c).decode())
    log('loop done', r.destroyed)
    r4 = trace(Readable(read=lambda n: None), 'r4')
    uvnet.setImmediate(lambda: r4.destroy(Exception('kaboom')))
    try:
        async for c in r4:
            log(c)
    except Exception as e:
        log('caught', e)
    r5 = trace(Readable(objectMode=True, read=lambda n: r5.push('x')), 'r5')
    async for c in r5.iterator(destroyOnReturn=False):
        log('r5', c)
        break
    log('r5 after break', r5.destroyed, r5.listenerCount('readable'))
uvnet.Promise.resolve(main()).then(lambda _: log('done'))
uvnet.run()
""")


def test_async_for_over_sockets() -> None:
    diff(r"""
const server = net.createServer(async (s) => {
  trace(s, 'server');
  for await (const chunk of s) { log('server got', chunk); s.write(chunk.toString().toUpperCase()); }
  log('server loop done', s.destroyed);
  server.close();
});
server.listen(0, '127.0.0.1', async () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  c.setEncoding('utf8');
  await once(c, 'connect');
  c.write('ping');
  for await (const text of c) { log('client got', text); if (text === 'PING') c.end('pong'); }
  log('client loop done', c.destroyed);
});
server.on('close', () => log('server closed'));
""", r"""
async def serve(s):
    trace(s, 'server')
    async for chunk in s:
        log('server got', chunk)
        s.write(bytes(chunk).decode().upper())
    log('server loop done', s.destroyed)
    server.close()
server = uvnet.createServer(serve)
async def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'client')
    c.setEncoding('utf8')
    await once(c, 'connect')
    c.write('ping')
    async for text in c:
        log('client got', text)
        if text == 'PING':
            c.end('pong')
    log('client loop done', c.destroyed)
server.listen(0, '127.0.0.1', on_listening)
server.on('close', lambda: log('server closed'))
uvnet.run()
""", normalize=lambda text: re.sub(r'\b\d{4,5}\b', 'PORT', normalize_ports(text)))


def test_timers_promises_order() -> None:
    # Timers are started from the check phase, after the immediates: a timer started by
    # the main script can fire before or after them, as in Node (how long the start took).
    diff(r"""
process.nextTick(() => log('tick'));
timersPromises.setImmediate('I1').then((v) => { log('immediate', v); turns(2, 'after I'); });
setImmediate(() => log('callback immediate'));
timersPromises.scheduler.yield().then(() => log('yield'));
const ac = new AbortController();
timersPromises.setTimeout(50, 'never', { signal: ac.signal }).catch((e) => log('aborted', e.name, e.code));
timersPromises.setImmediate('x', { signal: AbortSignal.abort('why') }).catch((e) => log('pre-aborted', e.cause));
ac.abort();
turns(3, 'm');
(async () => {
  log('after immediates', await timersPromises.setImmediate('s'));
  timersPromises.setTimeout(1, 'T1').then((v) => { log('timeout', v); turns(2, 'after T'); });
  setTimeout(() => log('callback timeout'), 1);
  log('wait', await timersPromises.scheduler.wait(5));
  let n = 0;
  for await (const v of timersPromises.setInterval(3, 'iv')) { log('interval', v, n); if (++n === 3) break; }
  log('interval done');
  log('promisify', util.promisify(setTimeout) === timersPromises.setTimeout, await util.promisify(setImmediate)('pv'));
})();
""", r"""
uvnet.nextTick(lambda: log('tick'))
def i(v):
    log('immediate', v); turns(2, 'after I')
timersPromises.setImmediate('I1').then(i)
uvnet.setImmediate(lambda: log('callback immediate'))
timersPromises.scheduler.yield_().then(lambda _: log('yield'))
ac = uvnet.AbortController()
timersPromises.setTimeout(50, 'never', signal=ac.signal).catch(lambda e: log('aborted', e.name, e.code))
timersPromises.setImmediate('x', signal=uvnet.AbortSignal.abort('why')).catch(lambda e: log('pre-aborted', e.cause))
ac.abort()
turns(3, 'm')
async def later():
    log('after immediates', await timersPromises.setImmediate('s'))
    def t(v):
        log('timeout', v); turns(2, 'after T')
    timersPromises.setTimeout(1, 'T1').then(t)
    uvnet.setTimeout(lambda: log('callback timeout'), 1)
    log('wait', await timersPromises.scheduler.wait(5))
    n = 0
    async for v in timersPromises.setInterval(3, 'iv'):
        log('interval', v, n)
        n += 1
        if n == 3:
            break
    log('interval done')
    log('promisify', util.promisify(uvnet.setTimeout) is timersPromises.setTimeout, await util.promisify(uvnet.setImmediate)('pv'))
uvnet.Promise.resolve(later())
uvnet.run()
""")


def test_stream_promises_pipeline_and_finished() -> None:
    diff(r"""
async function main() {
  const out = [];
  const w = trace(new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }), 'w');
  const p = streamPromises.pipeline(Readable.from(['a', 'b', 'c']), new PassThrough(), w);
  turns(4, 'p');
  log('pipeline value', await p, out);
  const r = trace(new Readable({ read() {} }), 'r');
  setImmediate(() => { r.push('x'); r.push(null); r.resume(); });
  await streamPromises.finished(r);
  log('finished', r.readableEnded);
  const r2 = new Readable({ read() {} });
  setImmediate(() => r2.destroy(new Error('kaboom')));
  try { await streamPromises.finished(r2); } catch (e) { log('finished rejected', e); }
  const v = await streamPromises.pipeline(async function* () { yield 'q'; yield 'r'; }, async function (source) {
    let s = ''; for await (const c of source) s += c; return s;
  });
  log('destination value', v);
  try {
    await streamPromises.pipeline(Readable.from(['z']), new Transform({ transform(c, e, cb) { cb(new Error('bad')); } }), new PassThrough());
  } catch (e) { log('pipeline rejected', e); }
}
main().then(() => log('done'));
""", r"""
async def main():
    out = []
    w = trace(Writable(write=lambda c, e, cb: (out.append(bytes(c).decode()), cb())), 'w')
    p = streamPromises.pipeline(Readable.from_(['a', 'b', 'c']), PassThrough(), w)
    turns(4, 'p')
    log('pipeline value', await p, out)
    r = trace(Readable(read=lambda n: None), 'r')
    def imm():
        r.push('x'); r.push(None); r.resume()
    uvnet.setImmediate(imm)
    await streamPromises.finished(r)
    log('finished', r.readableEnded)
    r2 = Readable(read=lambda n: None)
    uvnet.setImmediate(lambda: r2.destroy(Exception('kaboom')))
    try:
        await streamPromises.finished(r2)
    except Exception as e:
        log('finished rejected', e)
    async def src():
        yield 'q'
        yield 'r'
    async def dest(source):
        s = ''
        async for c in source:
            s += c
        return s
    v = await streamPromises.pipeline(src, dest)
    log('destination value', v)
    try:
        await streamPromises.pipeline(Readable.from_(['z']), Transform(transform=lambda c, e, cb: cb(Exception('bad'))), PassThrough())
    except Exception as e:
        log('pipeline rejected', e)
uvnet.Promise.resolve(main()).then(lambda _: log('done'))
uvnet.run()
""")


def test_operators_results_and_calls() -> None:
    diff(r"""
async function main() {
  const calls = [];
  const doubled = await Readable.from([1, 2, 3, 4]).map(async (x) => { calls.push('map' + x); return x * 2; }, { concurrency: 2 }).toArray();
  log('map', doubled, calls);
  log('filter', await Readable.from([1, 2, 3, 4, 5]).filter((x) => x % 2).toArray());
  log('reduce', await Readable.from([1, 2, 3]).reduce((a, b) => a + b), await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 10));
  log('some/every/find', await Readable.from([1, 2, 3]).some((x) => x > 2), await Readable.from([1, 2, 3]).every((x) => x > 2), await Readable.from([1, 2, 3]).find((x) => x > 1));
  log('flatMap', await Readable.from([1, 2]).flatMap((x) => [x, -x]).toArray());
  log('take/drop', await Readable.from([1, 2, 3, 4]).take(3).drop(1).toArray());
  const seen = [];
  await Readable.from(['a', 'b']).forEach((x) => seen.push(x));
  log('forEach', seen);
  try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { log('reduce empty', e); }
  try { Readable.from([1]).map((x) => x, { concurrency: 0 }); } catch (e) { log('bad concurrency', e); }
  const src = Readable.from([1, 2, 3, 4, 5]);
  src.on('close', () => log('src close'));
  log('take from a stream', await src.take(2).toArray(), src.destroyed);
}
main().then(() => log('done'));
""", r"""
async def main():
    calls = []
    async def dbl(x):
        calls.append('map' + str(x))
        return x * 2
    doubled = await Readable.from_([1, 2, 3, 4]).map(dbl, concurrency=2).toArray()
    log('map', doubled, calls)
    log('filter', await Readable.from_([1, 2, 3, 4, 5]).filter(lambda x: x % 2).toArray())
    log('reduce', await Readable.from_([1, 2, 3]).reduce(lambda a, b: a + b), await Readable.from_([1, 2, 3]).reduce(lambda a, b: a + b, 10))
    log('some/every/find', await Readable.from_([1, 2, 3]).some(lambda x: x > 2), await Readable.from_([1, 2, 3]).every(lambda x: x > 2), await Readable.from_([1, 2, 3]).find(lambda x: x > 1))
    log('flatMap', await Readable.from_([1, 2]).flatMap(lambda x: [x, -x]).toArray())
    log('take/drop', await Readable.from_([1, 2, 3, 4]).take(3).drop(1).toArray())
    seen = []
    await Readable.from_(['a', 'b']).forEach(lambda x: seen.append(x))
    log('forEach', seen)
    try:
        await Readable.from_([]).reduce(lambda a, b: a + b)
    except Exception as e:
        log('reduce empty', e)
    try:
        Readable.from_([1]).map(lambda x: x, concurrency=0)
    except Exception as e:
        log('bad concurrency', e)
    src = Readable.from_([1, 2, 3, 4, 5])
    src.on('close', lambda: log('src close'))
    log('take from a stream', await src.take(2).toArray(), src.destroyed)
uvnet.Promise.resolve(main()).then(lambda _: log('done'))
uvnet.run()
""")


def test_capture_rejections_order() -> None:
    diff(r"""
const ee = new EventEmitter({ captureRejections: true });
ee.on('x', async (v) => { log('listener', v); await null; throw new Error('rejected ' + v); });
ee.on('error', (e) => log('error event', e));
log('emit', ee.emit('x', 1));
process.nextTick(() => log('tick'));
turns(4, 'm');
const ee2 = new EventEmitter({ captureRejections: true });
ee2[EventEmitter.captureRejectionSymbol] = (err, type, ...args) => log('rejection method', err, type, args);
ee2.on('y', async () => { throw new Error('sync-ish'); });
ee2.emit('y', 'a', 'b');
""", r"""
ee = EventEmitter(captureRejections=True)
async def listener(v):
    log('listener', v)
    await uvnet.Promise.resolve(None)
    raise Exception('rejected ' + str(v))
ee.on('x', listener)
ee.on('error', lambda e: log('error event', e))
log('emit', ee.emit('x', 1))
uvnet.nextTick(lambda: log('tick'))
turns(4, 'm')
ee2 = EventEmitter(captureRejections=True)
setattr(ee2, EventEmitter.captureRejectionSymbol, lambda err, type, *args: log('rejection method', err, type, list(args)))
async def y(*a):
    raise Exception('sync-ish')
ee2.on('y', y)
ee2.emit('y', 'a', 'b')
uvnet.run()
""")


def test_abort_signal_any_and_callbackify_order() -> None:
    diff(r"""
const a = new AbortController(), b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
any.addEventListener('abort', () => log('any aborted', any.reason));
a.signal.addEventListener('abort', () => log('a aborted'));
b.abort('because');
a.abort('late');
log('reasons', any.reason, a.signal.reason);
try { any.throwIfAborted(); } catch (e) { log('throwIfAborted', e); }
const c = new AbortController(); c.abort(new Error('an error'));
try { c.signal.throwIfAborted(); } catch (e) { log('throwIfAborted', e); }
const cb = util.callbackify(async (x) => { if (x) throw new Error('no'); return 'yes'; });
cb(0, (err, v) => log('callback', err, v));
cb(1, (err, v) => log('callback', err, v));
util.callbackify(() => Promise.reject(null))((err) => log('falsy', err.code, err.reason));
turns(3, 'm');
process.nextTick(() => log('tick'));
const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => log('timeout', t.reason.name));
setTimeout(() => {}, 20);
""", r"""
a, b = uvnet.AbortController(), uvnet.AbortController()
any_ = uvnet.AbortSignal.any([a.signal, b.signal])
any_.addEventListener('abort', lambda e: log('any aborted', any_.reason))
a.signal.addEventListener('abort', lambda e: log('a aborted'))
b.abort('because')
a.abort('late')
log('reasons', any_.reason, a.signal.reason)
try:
    any_.throwIfAborted()
except Exception as e:
    log('throwIfAborted', e.value)
c = uvnet.AbortController()
c.abort(Exception('an error'))
try:
    c.signal.throwIfAborted()
except Exception as e:
    log('throwIfAborted', e)
async def f(x):
    if x:
        raise Exception('no')
    return 'yes'
cb = util.callbackify(f)
cb(0, lambda err, v=None: log('callback', err, v))
cb(1, lambda err, v=None: log('callback', err, v))
util.callbackify(lambda: uvnet.Promise.reject(None))(lambda err: log('falsy', err.code, err.reason))
turns(3, 'm')
uvnet.nextTick(lambda: log('tick'))
t = uvnet.AbortSignal.timeout(5)
t.addEventListener('abort', lambda e: log('timeout', t.reason.name))
uvnet.setTimeout(lambda: None, 20)
uvnet.run()
""")
