# ruff: noqa: E501
"""Differential tests: Duplex, Transform, PassThrough and destroy, JS vs Python (issue #3)."""

from __future__ import annotations

import pytest
from stream_prelude import same


@pytest.mark.parametrize("half_open", ["true", "false"])
def test_allow_half_open(half_open: str) -> None:
    """allowHalfOpen false: end() on the tick after 'end'; true: the writable side stays open."""
    py_half = "True" if half_open == "true" else "False"
    same(f"""
const d = trace(new Duplex({{
  allowHalfOpen: {half_open},
  read() {{}},
  write(c, e, cb) {{ log('_write', c); cb(); }},
  final(cb) {{ log('_final'); cb(); }},
}}), 'd');
log('allowHalfOpen', d.allowHalfOpen);
d.on('data', (c) => log('data', c));
d.push('x');
d.push(null);
d.on('end', () => {{ log('end: writable', d.writable, d.writableEnded); tick('after end tick'); }});
setImmediate(() => {{
  log('imm: writable', d.writable, d.writableEnded, d.destroyed);
  if (d.writable) {{ d.write('late'); d.end(); }}
}});
""", f"""
def _write(c, e, cb):
    log('_write', c)
    cb()
def _final(cb):
    log('_final')
    cb()
d = trace(Duplex(allowHalfOpen={py_half}, read=lambda n: None, write=_write, final=_final), 'd')
log('allowHalfOpen', d.allowHalfOpen)
d.on('data', lambda c: log('data', c))
d.push('x')
d.push(None)
def onend():
    log('end: writable', d.writable, d.writableEnded)
    tick('after end tick')
d.on('end', onend)
def imm():
    log('imm: writable', d.writable, d.writableEnded, d.destroyed)
    if d.writable:
        d.write('late')
        d.end()
uvnet.setImmediate(imm)
uvnet.run()
""")


def test_duplex_defaults_and_side_options() -> None:
    """Duplex defaults; readable: false / writable: false; per-side objectMode and hwm.
    Node 20's Duplex has no ``writableAborted`` (Writable's getter is not copied)."""
    same(r"""
const a = new Duplex();
log('a', a.allowHalfOpen, a.readable, a.writable, a.readableHighWaterMark, a.writableHighWaterMark);
log('aborted', a.writableAborted, a.readableAborted, new PassThrough().writableAborted, new Writable().writableAborted);
const b = trace(new Duplex({ readable: false, write(c, e, cb) { cb(); } }), 'b');
log('b', b.readable, b.writable, b.readableEnded, b._readableState.readable);
b.end('x');
const c = trace(new Duplex({ writable: false, read() {} }), 'c');
log('c', c.readable, c.writable, c.writableEnded, c.writableFinished, c._writableState.writable);
c.on('data', () => {});
c.push('y'); c.push(null);
const d = new Duplex({ readableObjectMode: true, writableHighWaterMark: 7, readableHighWaterMark: 3 });
log('d', d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark);
const e = new Duplex({ objectMode: true, highWaterMark: 5 });
log('e', e.readableObjectMode, e.writableObjectMode, e.readableHighWaterMark, e.writableHighWaterMark);
try { new Duplex({ readableHighWaterMark: -1 }); } catch (err) { log('bad hwm', err.code); }
try { new Readable({ highWaterMark: 1.5 }); } catch (err) { log('bad hwm', err.code); }
""", r"""
a = Duplex()
log('a', a.allowHalfOpen, a.readable, a.writable, a.readableHighWaterMark, a.writableHighWaterMark)
log('aborted', a.writableAborted, a.readableAborted, PassThrough().writableAborted, Writable().writableAborted)
b = trace(Duplex(readable=False, write=lambda c, e, cb: cb()), 'b')
log('b', b.readable, b.writable, b.readableEnded, b._readableState.readable)
b.end('x')
c = trace(Duplex(writable=False, read=lambda n: None), 'c')
log('c', c.readable, c.writable, c.writableEnded, c.writableFinished, c._writableState.writable)
c.on('data', lambda d: None)
c.push('y'); c.push(None)
d = Duplex(readableObjectMode=True, writableHighWaterMark=7, readableHighWaterMark=3)
log('d', d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark)
e = Duplex({'objectMode': True, 'highWaterMark': 5})
log('e', e.readableObjectMode, e.writableObjectMode, e.readableHighWaterMark, e.writableHighWaterMark)
try:
    Duplex(readableHighWaterMark=-1)
except Exception as err:
    log('bad hwm', err.code)
try:
    Readable(highWaterMark=1.5)
except Exception as err:
    log('bad hwm', err.code)
uvnet.run()
""")


def test_transform_and_flush() -> None:
    """_transform pushing 0..n chunks, callback(null, data), _flush, objectMode transform."""
    same(r"""
const t = trace(new Transform({
  transform(chunk, enc, cb) {
    log('_transform', chunk, enc);
    const s = chunk.toString();
    if (s === 'skip') return cb();
    if (s === 'two') { this.push('t1'); this.push('t2'); return cb(); }
    cb(null, s.toUpperCase());
  },
  flush(cb) { log('_flush'); this.push('tail'); cb(null, 'flushed'); },
}), 't');
t.on('data', (d) => log('data', d));
t.write('abc'); t.write('skip'); t.write('two');
t.end('end');
const o = trace(new Transform({
  objectMode: true,
  transform(obj, enc, cb) { cb(null, { wrapped: obj, enc: enc === undefined ? null : enc }); },
}), 'o');
o.on('data', () => {});
o.write(1); o.write('s'); o.end();
""", r"""
def _transform(chunk, enc, cb):
    log('_transform', chunk, enc)
    s = chunk.decode()
    if s == 'skip':
        return cb()
    if s == 'two':
        t.push('t1')
        t.push('t2')
        return cb()
    cb(None, s.upper())
def _flush(cb):
    log('_flush')
    t.push('tail')
    cb(None, 'flushed')
t = trace(Transform(transform=_transform, flush=_flush), 't')
t.on('data', lambda d: log('data', d))
t.write('abc'); t.write('skip'); t.write('two')
t.end('end')
o = trace(Transform(objectMode=True, transform=lambda obj, enc, cb: cb(None, {'wrapped': obj, 'enc': enc})), 'o')
o.on('data', lambda d: None)
o.write(1); o.write('s'); o.end()
uvnet.run()
""")


def test_transform_backpressure_and_errors() -> None:
    """A Transform holds the write callback while its readable side is full; errors destroy."""
    same(r"""
const t = trace(new Transform({
  highWaterMark: 2,
  transform(chunk, enc, cb) { log('_transform', chunk, this.readableLength); cb(null, chunk); },
}), 't');
for (const s of ['aa', 'bb', 'cc', 'dd']) log('write', s, t.write(s, () => log('cb', s)));
setImmediate(() => {
  log('reading', t.readableLength, t.writableLength);
  let c;
  while ((c = t.read()) !== null) log('read', c);
});
const e = trace(new Transform({ transform(c, enc, cb) { cb(new Error('bad')); } }), 'e');
e.on('error', () => {});
e.write('x', (err) => log('e cb', err));
const f = trace(new Transform({ transform(c, enc, cb) { cb(); }, flush(cb) { cb(new Error('flushfail')); } }), 'f');
f.on('error', () => {});
f.resume();
f.end('x', (err) => log('f end cb', err));
""", r"""
def _transform(chunk, enc, cb):
    log('_transform', chunk, t.readableLength)
    cb(None, chunk)
t = trace(Transform(highWaterMark=2, transform=_transform), 't')
for s in ['aa', 'bb', 'cc', 'dd']:
    log('write', s, t.write(s, lambda e, s=s: log('cb', s)))
def imm():
    log('reading', t.readableLength, t.writableLength)
    while True:
        c = t.read()
        if c is None:
            break
        log('read', c)
uvnet.setImmediate(imm)
e = trace(Transform(transform=lambda c, enc, cb: cb(Exception('bad'))), 'e')
e.on('error', lambda err: None)
e.write('x', lambda err: log('e cb', err))
f = trace(Transform(transform=lambda c, enc, cb: cb(), flush=lambda cb: cb(Exception('flushfail'))), 'f')
f.on('error', lambda err: None)
f.resume()
f.end('x', lambda err: log('f end cb', err))
uvnet.run()
""")


def test_passthrough_and_subclass() -> None:
    """PassThrough passes chunks through; a Transform subclass with _transform/_flush."""
    same(r"""
const p = trace(new PassThrough(), 'p');
p.write('a'); p.write(Buffer.from('b'));
log('pt read', p.read(), p.readableLength);
p.end('c');
p.on('data', () => {});
class Upper extends Transform {
  _transform(c, e, cb) { cb(null, c.toString().toUpperCase()); }
  _flush(cb) { this.push('!'); cb(); }
}
const u = trace(new Upper(), 'u');
u.setEncoding('utf8');
u.on('data', () => {});
u.end('shout');
""", r"""
p = trace(PassThrough(), 'p')
p.write('a'); p.write(b'b')
log('pt read', p.read(), p.readableLength)
p.end('c')
p.on('data', lambda d: None)
class Upper(Transform):
    def _transform(self, c, e, cb):
        cb(None, c.decode().upper())
    def _flush(self, cb):
        self.push('!')
        cb()
u = trace(Upper(), 'u')
u.setEncoding('utf8')
u.on('data', lambda d: None)
u.end('shout')
uvnet.run()
""")


def test_destroy_semantics() -> None:
    """destroy()/destroy(err), _destroy, 'error' then 'close' on ticks, properties, twice."""
    same(r"""
function show(label, s) { log(label, s.destroyed, s.closed, s.errored, s.readable, s.writable, s.readableAborted); }
const a = trace(new Readable({ read() {} }), 'a');
a.destroy(); show('a sync', a); tick('a tick');
a.on('close', () => show('a close', a));
const b = trace(new Duplex({ read() {}, write(c, e, cb) { cb(); } }), 'b');
b.on('error', () => {});
b.destroy(new Error('bb')); show('b sync', b);
b.destroy(new Error('second'), (err) => log('b second cb', err));
b.on('close', () => show('b close', b));
const c = trace(new Writable({
  write(c, e, cb) { cb(); },
  destroy(err, cb) { log('_destroy', err); setImmediate(() => cb(new Error('from _destroy'))); },
}), 'c');
c.on('error', () => {});
c.destroy(null, (err) => log('c destroy cb', err));
show('c sync', c);
const d = trace(new Readable({ emitClose: false, read() {} }), 'd');
d.destroy();
const e = trace(new Readable({ autoDestroy: false, read() {} }), 'e');
e.on('data', () => {});
e.push(null);
setImmediate(() => show('e after end', e));
const f = trace(new Writable({ write(c, e, cb) { setImmediate(cb); } }), 'f');
f.write('1', (err) => log('f cb1', err));
f.write('2', (err) => log('f cb2', err));
f.end((err) => log('f end cb', err));
f.destroy();
""", r"""
def show(label, s):
    log(label, s.destroyed, s.closed, s.errored, getattr(s, 'readable', None), getattr(s, 'writable', None), getattr(s, 'readableAborted', None))
a = trace(Readable(read=lambda n: None), 'a')
a.destroy(); show('a sync', a); tick('a tick')
a.on('close', lambda: show('a close', a))
b = trace(Duplex(read=lambda n: None, write=lambda c, e, cb: cb()), 'b')
b.on('error', lambda e: None)
b.destroy(Exception('bb')); show('b sync', b)
b.destroy(Exception('second'), lambda err=None: log('b second cb', err))
b.on('close', lambda: show('b close', b))
def _destroy(err, cb):
    log('_destroy', err)
    uvnet.setImmediate(lambda: cb(Exception('from _destroy')))
c = trace(Writable(write=lambda c, e, cb: cb(), destroy=_destroy), 'c')
c.on('error', lambda e: None)
c.destroy(None, lambda err: log('c destroy cb', err))
show('c sync', c)
d = trace(Readable(emitClose=False, read=lambda n: None), 'd')
d.destroy()
e = trace(Readable(autoDestroy=False, read=lambda n: None), 'e')
e.on('data', lambda d: None)
e.push(None)
uvnet.setImmediate(lambda: show('e after end', e))
f = trace(Writable(write=lambda c, e, cb: uvnet.setImmediate(cb)), 'f')
f.write('1', lambda err: log('f cb1', err))
f.write('2', lambda err: log('f cb2', err))
f.end(lambda err: log('f end cb', err))
f.destroy()
uvnet.run()
""")


def test_destroy_while_constructing_and_undestroy() -> None:
    """destroy() during _construct waits for it; _undestroy revives a destroyed stream."""
    same(r"""
const r = trace(new Readable({
  construct(cb) { log('_construct'); setImmediate(cb); },
  read() { log('_read'); },
  destroy(err, cb) { log('_destroy', err); cb(err); },
}), 'r');
r.destroy(new Error('early'));
r.on('error', () => {});
log('sync', r.destroyed);
const w = trace(new Writable({ write(c, e, cb) { log('_write', c); cb(); } }), 'w');
w.destroy();
setImmediate(() => {
  w._undestroy();
  log('undestroyed', w.destroyed, w.writable, w.closed, w.writableEnded);
  w.write('again', () => log('again cb'));
  w.end();
});
""", r"""
def _construct(cb):
    log('_construct')
    uvnet.setImmediate(cb)
def _destroy(err, cb):
    log('_destroy', err)
    cb(err)
r = trace(Readable(construct=_construct, read=lambda n: log('_read'), destroy=_destroy), 'r')
r.destroy(Exception('early'))
r.on('error', lambda e: None)
log('sync', r.destroyed)
def _write(c, e, cb):
    log('_write', c)
    cb()
w = trace(Writable(write=_write), 'w')
w.destroy()
def imm():
    w._undestroy()
    log('undestroyed', w.destroyed, w.writable, w.closed, w.writableEnded)
    w.write('again', lambda e: log('again cb'))
    w.end()
uvnet.setImmediate(imm)
uvnet.run()
""")


def test_unhandled_error_crashes_both() -> None:
    """An 'error' with no listener is what crashes a Node process (and uvnet.run())."""
    out = same(r"""
const r = trace(new Readable({ read() {} }), 'r');
r.destroy(new Error('nobody listens'));
process.on('exit', () => log('exit'));
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
r.destroy(Exception('nobody listens'))
try:
    uvnet.run()
finally:
    log('exit')
""", check=False)
    assert "r:error" in out
