# ruff: noqa: E501
"""Differential tests: Writable behaviour, JS vs Python, line for line (issue #3, Writable)."""

from __future__ import annotations

from stream_prelude import same


def test_write_return_value_drain_and_callbacks() -> None:
    """write() is false past the hwm, then 'drain'; callbacks of sync writes on a tick."""
    same(r"""
const w = trace(new Writable({
  highWaterMark: 5,
  write(chunk, enc, cb) { log('_write', chunk, enc, this.writableLength); cb(); },
}), 'w');
log('w1', w.write('abc', (e) => log('cb1', e)), w.writableLength, w.writableNeedDrain);
log('w2', w.write('defgh', (e) => log('cb2', e)), w.writableLength, w.writableNeedDrain);
log('w3', w.write(Buffer.from('ij')), w.writableLength);
tick('tick');
""", r"""
def _write(chunk, enc, cb):
    log('_write', chunk, enc, w.writableLength)
    cb()
w = trace(Writable(highWaterMark=5, write=_write), 'w')
log('w1', w.write('abc', lambda e: log('cb1', e)), w.writableLength, w.writableNeedDrain)
log('w2', w.write('defgh', lambda e: log('cb2', e)), w.writableLength, w.writableNeedDrain)
log('w3', w.write(b'ij'), w.writableLength)
tick('tick')
uvnet.run()
""")


def test_async_writes_buffer_one_in_flight() -> None:
    """An async _write: one write in flight, the rest buffered; 'drain' then callbacks."""
    same(r"""
const w = trace(new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) {
    log('_write', chunk, this.writableLength, this._writableState.bufferedRequestCount);
    setImmediate(cb);
  },
}), 'w');
for (const s of ['aa', 'bb', 'cc', 'dd']) log('write', s, w.write(s, () => log('cb', s)));
w.end('ee', () => log('end cb'));
log('ended', w.writableEnded, w.writableFinished, w.writable);
""", r"""
def _write(chunk, enc, cb):
    log('_write', chunk, w.writableLength, w._writableState.bufferedRequestCount)
    uvnet.setImmediate(cb)
w = trace(Writable(highWaterMark=4, write=_write), 'w')
for s in ['aa', 'bb', 'cc', 'dd']:
    log('write', s, w.write(s, lambda e, s=s: log('cb', s)))
w.end('ee', lambda e: log('end cb'))
log('ended', w.writableEnded, w.writableFinished, w.writable)
uvnet.run()
""")


def test_writev_flushes_buffer() -> None:
    """Buffered writes are flushed through _writev with Node's chunk objects."""
    same(r"""
const w = trace(new Writable({
  write(chunk, enc, cb) { log('_write', chunk, enc); setImmediate(cb); },
  writev(chunks, cb) {
    log('_writev', chunks.map((c) => [c.chunk, c.encoding]), chunks.allBuffers);
    setImmediate(cb);
  },
}), 'w');
w.write('a', () => log('cb a'));
w.write('b', () => log('cb b'));
w.write('c', 'hex', () => log('cb c'));
w.write(Buffer.from('d'));
w.end(() => log('end cb'));
""", r"""
def _write(chunk, enc, cb):
    log('_write', chunk, enc)
    uvnet.setImmediate(cb)
def _writev(chunks, cb):
    log('_writev', [[c['chunk'], c['encoding']] for c in chunks], chunks.allBuffers)
    uvnet.setImmediate(cb)
w = trace(Writable(write=_write, writev=_writev), 'w')
w.write('a', lambda e: log('cb a'))
w.write('b', lambda e: log('cb b'))
w.write('c', 'hex', lambda e: log('cb c'))
w.write(b'd')
w.end(lambda e: log('end cb'))
uvnet.run()
""")


def test_cork_uncork() -> None:
    """cork() buffers until as many uncork() calls; writableCorked; end() uncorks."""
    same(r"""
const w = trace(new Writable({
  decodeStrings: false,
  write(chunk, enc, cb) { log('_write', chunk, enc); cb(); },
  writev(chunks, cb) { log('_writev', chunks.map((c) => c.chunk), chunks.allBuffers); cb(); },
}), 'w');
w.cork(); w.cork();
log('corked', w.writableCorked);
w.write('a'); w.write('b');
w.uncork();
log('still corked', w.writableCorked, w.writableLength);
w.uncork();
log('uncorked', w.writableCorked, w.writableLength);
w.cork();
w.write('c'); w.write('d');
process.nextTick(() => w.uncork());
setImmediate(() => { w.cork(); w.write('e'); w.end('f'); log('after end', w.writableCorked); });
""", r"""
def _write(chunk, enc, cb):
    log('_write', chunk, enc)
    cb()
def _writev(chunks, cb):
    log('_writev', [c['chunk'] for c in chunks], chunks.allBuffers)
    cb()
w = trace(Writable(decodeStrings=False, write=_write, writev=_writev), 'w')
w.cork(); w.cork()
log('corked', w.writableCorked)
w.write('a'); w.write('b')
w.uncork()
log('still corked', w.writableCorked, w.writableLength)
w.uncork()
log('uncorked', w.writableCorked, w.writableLength)
w.cork()
w.write('c'); w.write('d')
uvnet.nextTick(w.uncork)
def imm():
    w.cork(); w.write('e'); w.end('f')
    log('after end', w.writableCorked)
uvnet.setImmediate(imm)
uvnet.run()
""")


def test_end_overloads_final_prefinish_finish() -> None:
    """end(chunk, enc, cb) overloads; _final; 'prefinish' then 'finish' then 'close'."""
    same(r"""
function make(label, final) {
  const opts = { write(c, e, cb) { log(label + ' _write', c); cb(); } };
  if (final) opts.final = function(cb) { log(label + ' _final'); setImmediate(cb); };
  return trace(new Writable(opts), label);
}
make('a').end();
make('b', true).end('68', 'hex', (e) => log('b end cb', e));
make('c').end('x', (e) => log('c end cb', e));
make('d', true).end((e) => log('d end cb', e));
const e = make('e');
e.end(); e.end(() => log('e second end cb'));
tick('tick');
""", r"""
def make(label, final=False):
    def _write(c, e, cb):
        log(label + ' _write', c)
        cb()
    opts = {'write': _write}
    if final:
        def _final(cb):
            log(label + ' _final')
            uvnet.setImmediate(cb)
        opts['final'] = _final
    return trace(Writable(opts), label)
make('a').end()
make('b', True).end('68', 'hex', lambda e: log('b end cb', e))
make('c').end('x', lambda e: log('c end cb', e))
make('d', True).end(lambda e: log('d end cb', e))
e = make('e')
e.end(); e.end(lambda e2: log('e second end cb'))
tick('tick')
uvnet.run()
""")


def test_decode_strings_default_encoding_object_mode() -> None:
    """decodeStrings, defaultEncoding, setDefaultEncoding, objectMode writes."""
    same(r"""
const seen = (label) => (c, e, cb) => { log(label, c, e); cb(); };
const a = new Writable({ write: seen('a') });
a.write('hi'); a.write('6869', 'hex'); a.write(new Uint8Array([1, 2])); a.write('aGk=', 'base64');
const b = new Writable({ decodeStrings: false, write: seen('b') });
b.write('hi'); b.write('6869', 'hex'); b.write(Buffer.from('x'));
const c = new Writable({ defaultEncoding: 'hex', write: seen('c') });
c.write('ff00');
c.setDefaultEncoding('BASE64');
c.write('AAE=');
log('c default', c._writableState.defaultEncoding);
const d = new Writable({ objectMode: true, highWaterMark: 2, write: seen('d') });
log('d', d.write({ a: 1 }), d.write('str'), d.write(7), d.writableObjectMode, d.writableHighWaterMark);
try { c.setDefaultEncoding('nope'); } catch (err) { log('bad encoding', err); }
try { new Writable({ defaultEncoding: 'nope' }); } catch (err) { log('bad option', err); }
try { a.write('x', 'nope'); } catch (err) { log('bad write encoding', err); }
""", r"""
def seen(label):
    def w(c, e, cb):
        log(label, c, e)
        cb()
    return w
a = Writable(write=seen('a'))
a.write('hi'); a.write('6869', 'hex'); a.write(bytearray([1, 2])); a.write('aGk=', 'base64')
b = Writable(decodeStrings=False, write=seen('b'))
b.write('hi'); b.write('6869', 'hex'); b.write(b'x')
c = Writable(defaultEncoding='hex', write=seen('c'))
c.write('ff00')
c.setDefaultEncoding('BASE64')
c.write('AAE=')
log('c default', c._writableState.defaultEncoding)
d = Writable(objectMode=True, highWaterMark=2, write=seen('d'))
log('d', d.write({'a': 1}), d.write('str'), d.write(7), d.writableObjectMode, d.writableHighWaterMark)
try:
    c.setDefaultEncoding('nope')
except Exception as err:
    log('bad encoding', err)
try:
    Writable(defaultEncoding='nope')
except Exception as err:
    log('bad option', err)
try:
    a.write('x', 'nope')
except Exception as err:
    log('bad write encoding', err)
uvnet.run()
""")


def test_sync_callbacks_batched() -> None:
    """Callbacks of synchronous writes ride one tick; the same cb is counted, not re-queued."""
    same(r"""
const w = trace(new Writable({ highWaterMark: 3, write(c, e, cb) { cb(); } }), 'w');
const same = (e) => log('same cb', e);
w.write('a', same); w.write('b', same); w.write('c', same);
w.write('d', (e) => log('other cb'));
w.write('e', same);
tick('t1');
log('sync', w.writableLength, w._writableState.pendingcb);
""", r"""
def _write(c, e, cb):
    cb()
w = trace(Writable(highWaterMark=3, write=_write), 'w')
def same(e):
    log('same cb', e)
w.write('a', same); w.write('b', same); w.write('c', same)
w.write('d', lambda e: log('other cb'))
w.write('e', same)
tick('t1')
log('sync', w.writableLength, w._writableState.pendingcb)
uvnet.run()
""")


def test_write_errors() -> None:
    """write after end / destroy, null, bad types, multiple callback, no _write, end after finish."""
    same(r"""
const w1 = trace(new Writable({ write(c, e, cb) { cb(); } }), 'w1');
w1.end();
log('write after end', w1.write('x', (e) => log('w1 cb', e)));
const w2 = trace(new Writable({ write(c, e, cb) { cb(); } }), 'w2');
w2.destroy();
log('write after destroy', w2.write('x', (e) => log('w2 cb', e)));
const w3 = new Writable({ write(c, e, cb) { cb(); } });
try { w3.write(undefined); } catch (err) { log('undefined', err.code, err.name); }
try { new Writable({ objectMode: true }).write(null); } catch (err) { log('null', err); }
try { w3.write(42); } catch (err) { log('number', err.code, err.name); }
try { w3.write({}); } catch (err) { log('object', err.code); }
const w4 = trace(new Writable({ write(c, e, cb) { cb(); cb(); } }), 'w4');
w4.write('x');
const w5 = trace(new Writable(), 'w5');
w5.on('error', () => {});
try { w5.write('x'); } catch (err) { log('no _write', err); }
const w6 = trace(new Writable({ write(c, e, cb) { cb(); } }), 'w6');
w6.end(() => {
  w6.end((e) => log('w6 end after finish', e));
});
const w7 = trace(new Writable({ write(c, e, cb) { cb(new Error('boom')); } }), 'w7');
w7.write('x', (e) => log('w7 cb', e));
w7.write('y', (e) => log('w7 cb2', e));
const w8 = trace(new Writable({ autoDestroy: false, write(c, e, cb) { setImmediate(cb, new Error('late')); } }), 'w8');
w8.write('x', (e) => log('w8 cb', e));
w8.write('y', (e) => log('w8 cb2', e));
w8.end((e) => log('w8 end cb', e));
for (const x of [w1, w2, w4, w6, w7, w8]) x.on('error', () => {});
""", r"""
def ok(c, e, cb):
    cb()
w1 = trace(Writable(write=ok), 'w1')
w1.end()
log('write after end', w1.write('x', lambda e: log('w1 cb', e)))
w2 = trace(Writable(write=ok), 'w2')
w2.destroy()
log('write after destroy', w2.write('x', lambda e: log('w2 cb', e)))
w3 = Writable(write=ok)
try:
    w3.write(None)
except TypeError as err:
    log('undefined', err.code, err.name)
try:
    Writable(objectMode=True).write(None)
except Exception as err:
    log('null', err)
try:
    w3.write(42)
except TypeError as err:
    log('number', err.code, err.name)
try:
    w3.write({})
except Exception as err:
    log('object', err.code)
def twice(c, e, cb):
    cb()
    cb()
w4 = trace(Writable(write=twice), 'w4')
w4.write('x')
w5 = trace(Writable(), 'w5')
w5.on('error', lambda e: None)
try:
    w5.write('x')
except Exception as err:
    log('no _write', err)
w6 = trace(Writable(write=ok), 'w6')
w6.end(lambda e: w6.end(lambda e2: log('w6 end after finish', e2)))
w7 = trace(Writable(write=lambda c, e, cb: cb(Exception('boom'))), 'w7')
w7.write('x', lambda e: log('w7 cb', e))
w7.write('y', lambda e: log('w7 cb2', e))
w8 = trace(Writable(autoDestroy=False, write=lambda c, e, cb: uvnet.setImmediate(cb, Exception('late'))), 'w8')
w8.write('x', lambda e: log('w8 cb', e))
w8.write('y', lambda e: log('w8 cb2', e))
w8.end(lambda e: log('w8 end cb', e))
for x in [w1, w2, w4, w6, w7, w8]:
    x.on('error', lambda e: None)
uvnet.run()
""")


def test_writable_state_fields_and_properties() -> None:
    """Node's _writableState fields and the writable* properties through a lifecycle."""
    same(r"""
const w = new Writable({ highWaterMark: 3, write(c, e, cb) { setImmediate(cb); } });
const s = w._writableState;
function show(label) {
  log(label, w.writable, w.writableLength, w.writableEnded, w.writableFinished, w.writableNeedDrain,
      w.writableCorked, w.writableHighWaterMark, w.writableObjectMode, w.destroyed, w.closed, w.errored,
      w.writableAborted, s.objectMode, s.highWaterMark, s.finalCalled, s.needDrain, s.ending, s.ended,
      s.finished, s.destroyed, s.decodeStrings, s.defaultEncoding, s.length, s.writing, s.corked,
      s.sync, s.bufferProcessing, s.writelen, s.afterWriteTickInfo, s.bufferedIndex, s.allBuffers,
      s.allNoop, s.pendingcb, s.constructed, s.prefinished, s.errorEmitted, s.emitClose,
      s.autoDestroy, s.errored, s.closed, s.closeEmitted, w.writableBuffer.length);
}
show('fresh');
w.write('abcd');
w.write('e');
show('written');
w.end();
show('ended');
w.on('finish', () => show('finish'));
w.on('close', () => show('close'));
""", r"""
w = Writable(highWaterMark=3, write=lambda c, e, cb: uvnet.setImmediate(cb))
s = w._writableState
def show(label):
    log(label, w.writable, w.writableLength, w.writableEnded, w.writableFinished, w.writableNeedDrain,
        w.writableCorked, w.writableHighWaterMark, w.writableObjectMode, w.destroyed, w.closed, w.errored,
        w.writableAborted, s.objectMode, s.highWaterMark, s.finalCalled, s.needDrain, s.ending, s.ended,
        s.finished, s.destroyed, s.decodeStrings, s.defaultEncoding, s.length, s.writing, s.corked,
        s.sync, s.bufferProcessing, s.writelen, s.afterWriteTickInfo, s.bufferedIndex, s.allBuffers,
        s.allNoop, s.pendingcb, s.constructed, s.prefinished, s.errorEmitted, s.emitClose,
        s.autoDestroy, s.errored, s.closed, s.closeEmitted, len(w.writableBuffer))
show('fresh')
w.write('abcd')
w.write('e')
show('written')
w.end()
show('ended')
w.on('finish', lambda: show('finish'))
w.on('close', lambda: show('close'))
uvnet.run()
""")


def test_writable_subclass_with_construct() -> None:
    """A subclass with _construct: writes wait for it; _final and _destroy hooks."""
    same(r"""
class W extends Writable {
  _construct(cb) { log('_construct'); setImmediate(cb); }
  _write(c, e, cb) { log('_write', c); cb(); }
  _final(cb) { log('_final'); cb(); }
  _destroy(err, cb) { log('_destroy', err); cb(err); }
}
const w = trace(new W(), 'w');
log('constructed?', w._writableState.constructed);
w.write('a', () => log('cb a'));
w.end('b');
""", r"""
class W(Writable):
    def _construct(self, cb):
        log('_construct')
        uvnet.setImmediate(cb)
    def _write(self, c, e, cb):
        log('_write', c)
        cb()
    def _final(self, cb):
        log('_final')
        cb()
    def _destroy(self, err, cb):
        log('_destroy', err)
        cb(err)
w = trace(W(), 'w')
log('constructed?', w._writableState.constructed)
w.write('a', lambda e: log('cb a'))
w.end('b')
uvnet.run()
""")


def test_sync_write_callbacks_batched_ticks_keep_node_order() -> None:
    """The ticks of synchronous writes' callbacks (afterWriteTick), run as one batch while
    nothing is queued behind them: interleaved nextTicks, the same callback repeated (one
    info's count), writes from a callback, a callback that throws (the rest stay queued for
    after 'uncaughtException'), 'drain', end() and 'finish' in Node's order."""
    same(r"""
const w = trace(new Writable({ highWaterMark: 2, write(c, e, cb) { log('_write', c); cb(); } }), 'w');
const shared = (e) => log('shared', e);
let n = 0;
process.on('uncaughtException', (e) => log('uncaught', e.message));
log('r', w.write('a', (e) => log('cb a', e)));
log('r', w.write('b', (e) => { log('cb b', e); tick('tick from b'); w.write('x', (e) => log('cb x', e)); }));
log('r', w.write('c', shared));
log('r', w.write('d', shared));
log('r', w.write('e', (e) => { log('cb e'); throw new Error('boom'); }));
log('r', w.write('f', shared));
tick('tick 1');
log('r', w.write('g', (e) => log('cb g', e)));
log('r', w.write('h', shared));
log('r', w.write('i', shared));
setImmediate(() => {
  w.cork();
  log('r', w.write('jj', (e) => log('cb jj', e)));
  log('r', w.write('kk', (e) => log('cb kk', e)));
  log('r', w.write('l', shared));
  w.uncork();
  setImmediate(() => {
    w.end((e) => log('end cb', e));
    log('ended', w.writableLength, w._writableState.pendingcb);
  });
});
""", r"""
def _write(c, e, cb):
    log('_write', c)
    cb()
w = trace(Writable(highWaterMark=2, write=_write), 'w')
shared = lambda e: log('shared', e)
uvnet.process.on('uncaughtException', lambda e: log('uncaught', str(e)))
def cb_b(e):
    log('cb b', e)
    tick('tick from b')
    w.write('x', lambda e: log('cb x', e))
def cb_e(e):
    log('cb e')
    raise Exception('boom')
log('r', w.write('a', lambda e: log('cb a', e)))
log('r', w.write('b', cb_b))
log('r', w.write('c', shared))
log('r', w.write('d', shared))
log('r', w.write('e', cb_e))
log('r', w.write('f', shared))
tick('tick 1')
log('r', w.write('g', lambda e: log('cb g', e)))
log('r', w.write('h', shared))
log('r', w.write('i', shared))
def phase2():
    w.cork()
    log('r', w.write('jj', lambda e: log('cb jj', e)))
    log('r', w.write('kk', lambda e: log('cb kk', e)))
    log('r', w.write('l', shared))
    w.uncork()
    uvnet.setImmediate(phase3)
def phase3():
    w.end(lambda e: log('end cb', e))
    log('ended', w.writableLength, w._writableState.pendingcb)
uvnet.setImmediate(phase2)
uvnet.run()
""")


def test_buffered_entries_through_writable_buffer_writev_and_errors() -> None:
    """The buffered writes (state.buffered): writableBuffer and bufferedRequestCount while
    corked, taken one by one without _writev (a _write that writes again is buffered behind
    the rest and still flushed), bufferedIndex once some are taken, all at once through
    _writev (chunks, allBuffers, the callbacks in order), and failed with the error when
    destroyed."""
    same(r"""
const pending = [];
const w = trace(new Writable({ highWaterMark: 100, write(c, e, cb) {
  log('_write', c, e, w._writableState.bufferedIndex, w._writableState.bufferedRequestCount);
  if (String(c) === 'b') w.write('late', (e) => log('cb late', e));
  if (String(c) === 'c') { pending.push(cb); return; }
  cb();
} }), 'w');
w.cork();
for (const x of ['a', 'b', 'c', 'd', 'e']) w.write(x, (e) => log('cb', x, e));
log('corked', w.writableBuffer.map((e) => e.chunk), w._writableState.bufferedRequestCount, w.writableLength);
w.uncork();
log('after uncork', w.writableBuffer.length, w._writableState.bufferedIndex, w._writableState.bufferedRequestCount);
setImmediate(() => { pending.pop()(); log('flushed', w.writableLength); });

const v = trace(new Writable({
  writev(chunks, cb) { log('_writev', chunks.map((c) => [c.chunk, c.encoding]), chunks.allBuffers); cb(); },
  write(c, e, cb) { log('_write', c); cb(); },
}), 'v');
v.cork();
v.write('x', (e) => log('v cb x', e));
v.write(Buffer.from('y'), (e) => log('v cb y', e));
v.write('z', 'hex', (e) => log('v cb z', e));
v.uncork();

const d = trace(new Writable({ write(c, e, cb) { setImmediate(cb); } }), 'd');
d.on('error', () => {});
d.write('1', (e) => log('d cb 1', e));
d.write('2', (e) => log('d cb 2', e));
d.write('3', (e) => log('d cb 3', e));
log('d buffered', d.writableBuffer.length, d.writableLength);
d.destroy(new Error('gone'));
""", r"""
pending = []
def _write(c, e, cb):
    s = w._writableState
    log('_write', c, e, s.bufferedIndex, s.bufferedRequestCount)
    if bytes(c) == b'b':
        w.write('late', lambda e: log('cb late', e))
    if bytes(c) == b'c':
        pending.append(cb)
        return
    cb()
w = trace(Writable(highWaterMark=100, write=_write), 'w')
w.cork()
for x in ['a', 'b', 'c', 'd', 'e']:
    w.write(x, (lambda x: lambda e: log('cb', x, e))(x))
log('corked', [e['chunk'] for e in w.writableBuffer], w._writableState.bufferedRequestCount, w.writableLength)
w.uncork()
log('after uncork', len(w.writableBuffer), w._writableState.bufferedIndex, w._writableState.bufferedRequestCount)
def flush():
    pending.pop()()
    log('flushed', w.writableLength)
uvnet.setImmediate(flush)

def _writev(chunks, cb):
    log('_writev', [[c['chunk'], c['encoding']] for c in chunks], chunks.allBuffers)
    cb()
def _write2(c, e, cb):
    log('_write', c)
    cb()
v = trace(Writable(writev=_writev, write=_write2), 'v')
v.cork()
v.write('x', lambda e: log('v cb x', e))
v.write(b'y', lambda e: log('v cb y', e))
v.write('z', 'hex', lambda e: log('v cb z', e))
v.uncork()

d = trace(Writable(write=lambda c, e, cb: uvnet.setImmediate(cb)), 'd')
d.on('error', lambda e: None)
d.write('1', lambda e: log('d cb 1', e))
d.write('2', lambda e: log('d cb 2', e))
d.write('3', lambda e: log('d cb 3', e))
log('d buffered', len(d.writableBuffer), d.writableLength)
d.destroy(Exception('gone'))
uvnet.run()
""")
