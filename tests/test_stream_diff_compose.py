# ruff: noqa: E501
"""Differential tests: pipe/unpipe, pipeline and finished, JS vs Python (issue #3)."""

from __future__ import annotations

from stream_prelude import same


def test_pipe_with_backpressure() -> None:
    """pipe() pauses the source when write() returns false and resumes on 'drain'."""
    same(r"""
let n = 0;
const src = trace(new Readable({
  highWaterMark: 4,
  read() { n++; this.push(n <= 6 ? 'chunk' + n : null); },
}), 'src');
const dst = trace(new Writable({
  highWaterMark: 8,
  write(c, e, cb) { log('_write', c, this.writableLength); setImmediate(cb); },
}), 'dst');
log('pipe returns dst', src.pipe(dst) === dst);
log('pipes', src._readableState.pipes.length, src.readableFlowing);
""", r"""
n = 0
def _read(size):
    global n
    n += 1
    src.push('chunk' + str(n) if n <= 6 else None)
src = trace(Readable(highWaterMark=4, read=_read), 'src')
def _write(c, e, cb):
    log('_write', c, dst.writableLength)
    uvnet.setImmediate(cb)
dst = trace(Writable(highWaterMark=8, write=_write), 'dst')
log('pipe returns dst', src.pipe(dst) is dst)
log('pipes', len(src._readableState.pipes), src.readableFlowing)
uvnet.run()
""")


def test_pipe_end_false_and_unpipe() -> None:
    """{end: false} leaves the destination open; unpipe() emits 'unpipe' and pauses."""
    same(r"""
const src = trace(new Readable({ read() {} }), 'src');
const a = trace(new PassThrough(), 'a');
const b = trace(new PassThrough(), 'b');
a.resume(); b.resume();
src.pipe(a, { end: false });
src.pipe(b);
src.push('one');
setImmediate(() => {
  src.unpipe(b);
  log('after unpipe b', src._readableState.pipes.length, src.readableFlowing);
  src.push('two');
  setImmediate(() => {
    src.unpipe();
    log('after unpipe all', src._readableState.pipes.length, src.readableFlowing);
    src.unpipe();
    src.pipe(a, { end: false });
    src.push('three');
    src.push(null);
    setImmediate(() => log('a still writable', a.writable, a.writableEnded));
  });
});
""", r"""
src = trace(Readable(read=lambda n: None), 'src')
a = trace(PassThrough(), 'a')
b = trace(PassThrough(), 'b')
a.resume(); b.resume()
src.pipe(a, {'end': False})
src.pipe(b)
src.push('one')
def imm2():
    src.unpipe()
    log('after unpipe all', len(src._readableState.pipes), src.readableFlowing)
    src.unpipe()
    src.pipe(a, {'end': False})
    src.push('three')
    src.push(None)
    uvnet.setImmediate(lambda: log('a still writable', a.writable, a.writableEnded))
def imm1():
    src.unpipe(b)
    log('after unpipe b', len(src._readableState.pipes), src.readableFlowing)
    src.push('two')
    uvnet.setImmediate(imm2)
uvnet.setImmediate(imm1)
uvnet.run()
""")


def test_pipe_to_multiple_slow_destinations() -> None:
    """Two destinations with different speeds: the source waits for both 'drain's."""
    same(r"""
let n = 0;
const src = trace(new Readable({ highWaterMark: 2, read() { n++; this.push(n <= 5 ? 'x' + n : null); } }), 'src');
const mk = (label, delay) => trace(new Writable({
  highWaterMark: 2,
  write(c, e, cb) { log(label + ' _write', c); if (delay) setImmediate(cb); else cb(); },
}), label);
src.pipe(mk('fast', false));
src.pipe(mk('slow', true));
""", r"""
n = 0
def _read(size):
    global n
    n += 1
    src.push('x' + str(n) if n <= 5 else None)
src = trace(Readable(highWaterMark=2, read=_read), 'src')
def mk(label, delay):
    def _write(c, e, cb):
        log(label + ' _write', c)
        if delay:
            uvnet.setImmediate(cb)
        else:
            cb()
    return trace(Writable(highWaterMark=2, write=_write), label)
src.pipe(mk('fast', False))
src.pipe(mk('slow', True))
uvnet.run()
""")


def test_pipe_errors() -> None:
    """A destination error unpipes; piping from a Writable fails with ERR_STREAM_CANNOT_PIPE."""
    same(r"""
const src = trace(new Readable({ read() {} }), 'src');
const dst = trace(new Writable({ write(c, e, cb) { cb(new Error('disk full')); } }), 'dst');
dst.on('error', () => {});
src.pipe(dst);
src.push('data');
setImmediate(() => log('pipes', src._readableState.pipes.length, src.readableFlowing));
const w = trace(new Writable({ write(c, e, cb) { cb(); } }), 'w');
w.on('error', () => {});
w.pipe(new PassThrough());
""", r"""
src = trace(Readable(read=lambda n: None), 'src')
dst = trace(Writable(write=lambda c, e, cb: cb(Exception('disk full'))), 'dst')
dst.on('error', lambda e: None)
src.pipe(dst)
src.push('data')
uvnet.setImmediate(lambda: log('pipes', len(src._readableState.pipes), src.readableFlowing))
w = trace(Writable(write=lambda c, e, cb: cb()), 'w')
w.on('error', lambda e: None)
w.pipe(PassThrough())
uvnet.run()
""")


def test_pipeline_success_and_failure() -> None:
    """pipeline(...streams, cb): success, a failing middle stream destroys the rest."""
    same(r"""
const src = trace(Readable.from(['a', 'b', 'c']), 'src');
const up = trace(new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }), 'up');
const out = [];
const dst = trace(new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }), 'dst');
log('returns last', pipeline(src, up, dst, (err) => log('pipeline 1 done', err, out)) === dst);
const s2 = trace(new Readable({ read() {} }), 's2');
const t2 = trace(new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } }), 't2');
const d2 = trace(new PassThrough(), 'd2');
pipeline(s2, t2, d2, (err) => log('pipeline 2 done', err, s2.destroyed, t2.destroyed, d2.destroyed));
s2.push('x');
try { pipeline(src, (e) => {}); } catch (err) { log('one stream', err.code); }
try { pipeline(src, dst); } catch (err) { log('no callback', err.code); }
""", r"""
src = trace(Readable.from_(['a', 'b', 'c']), 'src')
up = trace(Transform(transform=lambda c, e, cb: cb(None, c.upper())), 'up')
out = []
def _write(c, e, cb):
    out.append(c.decode())
    cb()
dst = trace(Writable(write=_write), 'dst')
log('returns last', pipeline(src, up, dst, lambda err: log('pipeline 1 done', err, out)) is dst)
s2 = trace(Readable(read=lambda n: None), 's2')
t2 = trace(Transform(transform=lambda c, e, cb: cb(Exception('transform failed'))), 't2')
d2 = trace(PassThrough(), 'd2')
pipeline(s2, t2, d2, lambda err: log('pipeline 2 done', err, s2.destroyed, t2.destroyed, d2.destroyed))
s2.push('x')
try:
    pipeline(src, lambda e: None)
except Exception as err:
    log('one stream', err.code)
try:
    pipeline(src, dst)
except Exception as err:
    log('no callback', err.code)
uvnet.run()
""")


def test_pipeline_premature_close() -> None:
    """A stream destroyed without error mid-pipeline: ERR_STREAM_PREMATURE_CLOSE."""
    same(r"""
const s = trace(new Readable({ read() {} }), 's');
const d = trace(new PassThrough(), 'd');
d.resume();
pipeline(s, d, (err) => log('done', err));
s.push('x');
setImmediate(() => s.destroy());
""", r"""
s = trace(Readable(read=lambda n: None), 's')
d = trace(PassThrough(), 'd')
d.resume()
pipeline(s, d, lambda err: log('done', err))
s.push('x')
uvnet.setImmediate(lambda: s.destroy())
uvnet.run()
""")


def test_finished() -> None:
    """finished(): readable end, writable finish, errors, premature close, cleanup, options."""
    same(r"""
const r = new Readable({ read() {} });
finished(r, (err) => log('r finished', err));
r.resume(); r.push('a'); r.push(null);
const w = new Writable({ write(c, e, cb) { cb(); } });
finished(w, (err) => log('w finished', err));
w.end('z');
const e = new Readable({ read() {} });
e.on('error', () => {});
finished(e, (err) => log('e finished', err));
e.destroy(new Error('kaput'));
const p = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
finished(p, (err) => log('p finished', err));
p.destroy();
const q = new Readable({ read() {} });
const cleanup = finished(q, () => log('never'));
cleanup();
q.destroy();
const already = new Readable({ read() {} });
already.resume(); already.push(null);
already.on('close', () => finished(already, (err) => log('after close', err)));
const ro = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
finished(ro, { writable: false }, (err) => log('ro readable side', err));
ro.resume(); ro.push(null);
try { finished({}, () => {}); } catch (err) { log('not a stream', err.code); }
""", r"""
r = Readable(read=lambda n: None)
finished(r, lambda err: log('r finished', err))
r.resume(); r.push('a'); r.push(None)
w = Writable(write=lambda c, e, cb: cb())
finished(w, lambda err: log('w finished', err))
w.end('z')
e = Readable(read=lambda n: None)
e.on('error', lambda err: None)
finished(e, lambda err: log('e finished', err))
e.destroy(Exception('kaput'))
p = Duplex(read=lambda n: None, write=lambda c, e, cb: cb())
finished(p, lambda err: log('p finished', err))
p.destroy()
q = Readable(read=lambda n: None)
cleanup = finished(q, lambda err: log('never'))
cleanup()
q.destroy()
already = Readable(read=lambda n: None)
already.resume(); already.push(None)
already.on('close', lambda: finished(already, lambda err: log('after close', err)))
ro = Duplex(read=lambda n: None, write=lambda c, e, cb: cb())
finished(ro, {'writable': False}, lambda err: log('ro readable side', err))
ro.resume(); ro.push(None)
try:
    finished({}, lambda err: None)
except Exception as err:
    log('not a stream', err.code)
uvnet.run()
""")


def test_state_properties_through_a_duplex_lifecycle() -> None:
    """Every readable*/writable* property of a Duplex at each stage of its life."""
    same(r"""
const d = new Duplex({
  highWaterMark: 4,
  read() {},
  write(c, e, cb) { setImmediate(cb); },
});
function show(label) {
  log(label, d.readable, d.readableLength, d.readableEnded, d.readableFlowing, d.readableHighWaterMark,
      d.readableObjectMode, d.readableEncoding, d.readableAborted, d.readableDidRead,
      d.writable, d.writableLength, d.writableEnded, d.writableFinished, d.writableNeedDrain,
      d.writableCorked, d.writableHighWaterMark, d.writableObjectMode, d.destroyed, d.closed, d.errored,
      d.isPaused());
}
show('fresh');
d.push('abcdef');
d.write('12345');
show('after push/write');
d.setEncoding('utf8');
d.on('data', (c) => show('data ' + c));
d.push(null);
d.end();
show('after end calls');
d.on('end', () => show('end'));
d.on('finish', () => show('finish'));
d.on('close', () => show('close'));
""", r"""
d = Duplex(highWaterMark=4, read=lambda n: None, write=lambda c, e, cb: uvnet.setImmediate(cb))
def show(label):
    log(label, d.readable, d.readableLength, d.readableEnded, d.readableFlowing, d.readableHighWaterMark,
        d.readableObjectMode, d.readableEncoding, d.readableAborted, d.readableDidRead,
        d.writable, d.writableLength, d.writableEnded, d.writableFinished, d.writableNeedDrain,
        d.writableCorked, d.writableHighWaterMark, d.writableObjectMode, d.destroyed, d.closed, d.errored,
        d.isPaused())
show('fresh')
d.push('abcdef')
d.write('12345')
show('after push/write')
d.setEncoding('utf8')
d.on('data', lambda c: show('data ' + c))
d.push(None)
d.end()
show('after end calls')
d.on('end', lambda: show('end'))
d.on('finish', lambda: show('finish'))
d.on('close', lambda: show('close'))
uvnet.run()
""")


def test_legacy_stream_pipe() -> None:
    """The legacy Stream.prototype.pipe of a plain Stream emitter."""
    same(r"""
const s = new stream.Stream();
s.readable = true;
const dst = trace(new PassThrough(), 'dst');
dst.resume();
s.pipe(dst);
s.emit('data', Buffer.from('legacy'));
s.emit('end');
""", r"""
s = Stream()
s.readable = True
dst = trace(PassThrough(), 'dst')
dst.resume()
s.pipe(dst)
s.emit('data', b'legacy')
s.emit('end')
uvnet.run()
""")


def test_abort_signals() -> None:
    """The signal option, addAbortSignal and finished({signal}) with uvnet.AbortController."""
    same(r"""
const ac = new AbortController();
const r = trace(new Readable({ read() {}, signal: ac.signal }), 'r');
r.on('error', (e) => log('r error', e.name, e.message));
const ac2 = new AbortController();
const w = trace(stream.addAbortSignal(ac2.signal, new Writable({ write(c, e, cb) { cb(); } })), 'w');
w.on('error', (e) => log('w error', e.name));
const ac3 = new AbortController();
const r3 = new Readable({ read() {} });
finished(r3, { signal: ac3.signal }, (err) => log('finished', err.name, r3.destroyed));
ac.abort(); ac2.abort(); ac3.abort();
log('sync', r.destroyed, w.destroyed);
const pre = new AbortController(); pre.abort();
const r4 = trace(new Readable({ read() {}, signal: pre.signal }), 'r4');
r4.on('error', () => {});
""", r"""
ac = uvnet.AbortController()
r = trace(Readable(read=lambda n: None, signal=ac.signal), 'r')
r.on('error', lambda e: log('r error', e.name, e.message))
ac2 = uvnet.AbortController()
w = trace(stream.addAbortSignal(ac2.signal, Writable(write=lambda c, e, cb: cb())), 'w')
w.on('error', lambda e: log('w error', e.name))
ac3 = uvnet.AbortController()
r3 = Readable(read=lambda n: None)
finished(r3, {'signal': ac3.signal}, lambda err: log('finished', err.name, r3.destroyed))
ac.abort(); ac2.abort(); ac3.abort()
log('sync', r.destroyed, w.destroyed)
pre = uvnet.AbortController(); pre.abort()
r4 = trace(Readable(read=lambda n: None, signal=pre.signal), 'r4')
r4.on('error', lambda e: None)
uvnet.run()
""")
