# ruff: noqa: E501
"""Differential tests: Readable behaviour, JS vs Python, line for line (issue #3, Readable)."""

from __future__ import annotations

import pytest
from stream_prelude import same


def test_push_read_paused_mode() -> None:
    """push/read(n)/read(0)/read() returning None, 'readable', readableLength."""
    same(r"""
const r = trace(new Readable({ read(n) { log('_read', n); } }), 'r');
log('push', r.push(Buffer.from('hello')), r.push('world'));
log('len', r.readableLength, r.readableFlowing);
log('read(0)', r.read(0));
log('read(3)', r.read(3), r.readableLength);
log('read(100)', r.read(100), r.readableLength);
log('read()', r.read(), r.readableLength);
log('read()', r.read());
tick('tick1');
r.push('!');
setImmediate(() => { log('imm', r.read(), r.readableLength); r.push(null); log('after eof', r.read()); });
""", r"""
r = trace(Readable(read=lambda n: log('_read', n)), 'r')
log('push', r.push(b'hello'), r.push('world'))
log('len', r.readableLength, r.readableFlowing)
log('read(0)', r.read(0))
log('read(3)', r.read(3), r.readableLength)
log('read(100)', r.read(100), r.readableLength)
log('read()', r.read(), r.readableLength)
log('read()', r.read())
tick('tick1')
r.push('!')
def imm():
    log('imm', r.read(), r.readableLength)
    r.push(None)
    log('after eof', r.read())
uvnet.setImmediate(imm)
uvnet.run()
""")


def test_readable_event_loop() -> None:
    """on('readable') + while (read() !== null) with a source that pushes on _read."""
    same(r"""
let n = 0;
const r = trace(new Readable({
  highWaterMark: 4,
  read(size) {
    log('_read', size, n);
    if (n < 5) this.push(String(n++).repeat(3)); else this.push(null);
  },
}), 'r');
r.on('readable', () => {
  let c;
  while ((c = r.read()) !== null) log('got', c, r.readableLength);
  log('readable done', r.readableFlowing);
});
r.on('end', () => log('ended', r.readableEnded, r.readable));
""", r"""
n = 0
def _read(size):
    global n
    log('_read', size, n)
    if n < 5:
        r.push(str(n) * 3)
        n += 1
    else:
        r.push(None)
r = trace(Readable(highWaterMark=4, read=_read), 'r')
def onreadable():
    while True:
        c = r.read()
        if c is None:
            break
        log('got', c, r.readableLength)
    log('readable done', r.readableFlowing)
r.on('readable', onreadable)
r.on('end', lambda: log('ended', r.readableEnded, r.readable))
uvnet.run()
""")


def test_read_n_with_hwm_growth() -> None:
    """read(n) larger than the high-water mark raises it to the next power of two."""
    same(r"""
const r = new Readable({ highWaterMark: 10, read() {} });
r.push('abcdefgh');
log('read 20', r.read(20), r.readableHighWaterMark);
r.push('ijklmnopqrstuvwxyz0123456');
log('read 20', r.read(20), r.readableHighWaterMark, r.readableLength);
r.push(null);
log('read 20 after eof', r.read(20), r.readableLength);
log('read after', r.read());
r.on('end', () => log('end'));
""", r"""
r = Readable(highWaterMark=10, read=lambda n: None)
r.push('abcdefgh')
log('read 20', r.read(20), r.readableHighWaterMark)
r.push('ijklmnopqrstuvwxyz0123456')
log('read 20', r.read(20), r.readableHighWaterMark, r.readableLength)
r.push(None)
log('read 20 after eof', r.read(20), r.readableLength)
log('read after', r.read())
r.on('end', lambda: log('end'))
uvnet.run()
""")


def test_flowing_modes_and_events() -> None:
    """readableFlowing None/True/False, pause/resume/isPaused and their events."""
    same(r"""
const r = trace(new Readable({ read() {} }), 'r');
log('initial', r.readableFlowing, r.isPaused());
r.pause();
log('after pause', r.readableFlowing, r.isPaused());
r.on('data', (d) => log('data', d));
log('data listener while paused', r.readableFlowing);
r.push('a');
tick('t1');
setImmediate(() => {
  r.resume();
  log('after resume', r.readableFlowing, r.isPaused());
  tick('t2');
  setImmediate(() => {
    r.push('b');
    r.pause();
    r.push('c');
    log('paused again', r.readableFlowing, r.readableLength);
    r.resume();
    r.push(null);
  });
});
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
log('initial', r.readableFlowing, r.isPaused())
r.pause()
log('after pause', r.readableFlowing, r.isPaused())
r.on('data', lambda d: log('data', d))
log('data listener while paused', r.readableFlowing)
r.push('a')
tick('t1')
def imm2():
    r.push('b')
    r.pause()
    r.push('c')
    log('paused again', r.readableFlowing, r.readableLength)
    r.resume()
    r.push(None)
def imm1():
    r.resume()
    log('after resume', r.readableFlowing, r.isPaused())
    tick('t2')
    uvnet.setImmediate(imm2)
uvnet.setImmediate(imm1)
uvnet.run()
""")


def test_data_listener_starts_flowing_on_tick() -> None:
    """Adding 'data' resumes on the next tick; buffered data flows one chunk per read()."""
    same(r"""
const r = trace(new Readable({ read() {} }), 'r');
r.push('x'); r.push('y'); r.push(null);
r.on('data', (d) => log('data', d, r.readableLength));
log('sync', r.readableFlowing);
tick('tick');
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
r.push('x'); r.push('y'); r.push(None)
r.on('data', lambda d: log('data', d, r.readableLength))
log('sync', r.readableFlowing)
tick('tick')
uvnet.run()
""")


def test_readable_then_data_listener() -> None:
    """'readable' takes precedence over 'data'; removing it lets 'data' flow."""
    same(r"""
const r = trace(new Readable({ read() {} }), 'r');
const onr = () => log('readable cb', r.read());
r.on('readable', onr);
r.on('data', (d) => log('data', d));
log('flowing', r.readableFlowing);
r.push('a');
setImmediate(() => {
  r.removeListener('readable', onr);
  log('removed', r.readableFlowing);
  tick('t');
  setImmediate(() => { log('now', r.readableFlowing); r.push('b'); r.push(null); });
});
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
def onr():
    log('readable cb', r.read())
r.on('readable', onr)
r.on('data', lambda d: log('data', d))
log('flowing', r.readableFlowing)
r.push('a')
def imm2():
    log('now', r.readableFlowing)
    r.push('b')
    r.push(None)
def imm1():
    r.removeListener('readable', onr)
    log('removed', r.readableFlowing)
    tick('t')
    uvnet.setImmediate(imm2)
uvnet.setImmediate(imm1)
uvnet.run()
""")


ENCODING_CASES = ["utf8", "utf-8", "utf16le", "ucs2", "base64", "base64url", "hex", "latin1",
                  "binary", "ascii"]


@pytest.mark.parametrize("enc", ENCODING_CASES)
def test_set_encoding_partial_characters(enc: str) -> None:
    """setEncoding for every encoding, with chunks split inside characters and groups."""
    chunks = ("[[0xe2], [0x82, 0xac, 0xf0, 0x9f], [0x98], [0x80, 0x41, 0xd8, 0x3d], [0xde], "
              "[0x00, 0xff, 0x7f, 0xc3]]")
    same(f"""
const r = trace(new Readable({{ read() {{}} }}), 'r');
r.setEncoding('{enc}');
log('encoding', r.readableEncoding);
for (const c of {chunks}) r.push(Buffer.from(c));
r.push(null);
r.on('data', (d) => log('typeof', typeof d));
""", f"""
r = trace(Readable(read=lambda n: None), 'r')
r.setEncoding('{enc}')
log('encoding', r.readableEncoding)
for c in {chunks}:
    r.push(bytes(c))
r.push(None)
r.on('data', lambda d: log('typeof', 'string' if isinstance(d, str) else 'object'))
uvnet.run()
""")


def test_set_encoding_after_buffering_and_option() -> None:
    """setEncoding re-decodes what is buffered; the encoding option; push(str, enc)."""
    same(r"""
const r = new Readable({ read() {} });
r.push(Buffer.from([0x68, 0xc3])); r.push(Buffer.from([0xa9, 0x21]));
log('len before', r.readableLength);
r.setEncoding('utf8');
log('len after', r.readableLength, r.read());
const r2 = new Readable({ encoding: 'hex', read() {} });
r2.push('hi'); r2.push('aGk=', 'base64'); r2.push('6869', 'hex');
log('r2', r2.readableEncoding, r2.read());
const r3 = new Readable({ read() {} });
r3.push('aGk=', 'base64'); r3.push('\u00e9', 'latin1'); r3.push('\u00e9');
log('r3', r3.read());
""", r"""
r = Readable(read=lambda n: None)
r.push(bytes([0x68, 0xc3])); r.push(bytes([0xa9, 0x21]))
log('len before', r.readableLength)
r.setEncoding('utf8')
log('len after', r.readableLength, r.read())
r2 = Readable(encoding='hex', read=lambda n: None)
r2.push('hi'); r2.push('aGk=', 'base64'); r2.push('6869', 'hex')
log('r2', r2.readableEncoding, r2.read())
r3 = Readable(read=lambda n: None)
r3.push('aGk=', 'base64'); r3.push('\u00e9', 'latin1'); r3.push('\u00e9')
log('r3', r3.read())
uvnet.run()
""")


def test_high_water_mark_defaults_and_push_return() -> None:
    """16 KiB / 16 objects defaults; push() returns false at the mark; _read gets the hwm."""
    same(r"""
const r = new Readable({ read(n) { log('_read', n); } });
const o = new Readable({ objectMode: true, read(n) { log('_read obj', n); } });
log('hwm', r.readableHighWaterMark, o.readableHighWaterMark, stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
const big = Buffer.alloc(16383, 0x61);
log('push big', r.push(big), r.readableLength);
log('push 1', r.push('b'), r.readableLength);
log('push 1 more', r.push('c'), r.readableLength);
let i = 0;
while (o.push({ i })) i++;
log('objects', i, o.readableLength, o.readableObjectMode);
log('read obj', o.read());
const z = new Readable({ highWaterMark: 0, read() { log('_read z'); } });
log('hwm0 push', z.push('x'), z.push('y'));
r.read(0); o.read(0);
""", r"""
r = Readable(read=lambda n: log('_read', n))
o = Readable(objectMode=True, read=lambda n: log('_read obj', n))
log('hwm', r.readableHighWaterMark, o.readableHighWaterMark, stream.getDefaultHighWaterMark(False), stream.getDefaultHighWaterMark(True))
big = b'a' * 16383
log('push big', r.push(big), r.readableLength)
log('push 1', r.push('b'), r.readableLength)
log('push 1 more', r.push('c'), r.readableLength)
i = 0
while o.push({'i': i}):
    i += 1
log('objects', i, o.readableLength, o.readableObjectMode)
log('read obj', o.read())
z = Readable(highWaterMark=0, read=lambda n: log('_read z'))
log('hwm0 push', z.push('x'), z.push('y'))
r.read(0); o.read(0)
uvnet.run()
""")


def test_end_is_emitted_on_a_tick() -> None:
    """'end' comes from endReadableNT, a tick after the last read."""
    same(r"""
const r = trace(new Readable({ read() {} }), 'r');
r.on('readable', () => {
  log('readable', r.read());
  tick('after read tick');
});
r.push('a');
r.push(null);
log('sync done');
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
def onreadable():
    log('readable', r.read())
    tick('after read tick')
r.on('readable', onreadable)
r.push('a')
r.push(None)
log('sync done')
uvnet.run()
""")


def test_readable_from() -> None:
    """Readable.from: an array, a generator, a string, and a null value."""
    same(r"""
const a = trace(Readable.from([1, 'two', { three: 3 }]), 'a');
a.on('data', () => {});
function* gen() { yield 'x'; yield 'y'; }
const g = trace(Readable.from(gen()), 'g');
g.on('data', () => {});
const s = trace(Readable.from('whole string'), 's');
s.on('data', () => {});
const n = trace(Readable.from(['ok', null, 'never']), 'n');
n.on('data', () => {});
n.on('error', () => {});
log('modes', a.readableObjectMode, a.readableHighWaterMark);
""", r"""
a = trace(Readable.from_([1, 'two', {'three': 3}]), 'a')
a.on('data', lambda d: None)
def gen():
    yield 'x'
    yield 'y'
g = trace(Readable.from_(gen()), 'g')
g.on('data', lambda d: None)
s = trace(Readable.from_('whole string'), 's')
s.on('data', lambda d: None)
n = trace(Readable.from_(['ok', None, 'never']), 'n')
n.on('data', lambda d: None)
n.on('error', lambda e: None)
log('modes', a.readableObjectMode, a.readableHighWaterMark)
uvnet.run()
""")


def test_unshift_and_errors() -> None:
    """unshift; push after EOF; unshift after 'end'; a bad chunk type."""
    same(r"""
const r = trace(new Readable({ read() {} }), 'r');
r.push('world');
r.unshift('hello ');
log('read', r.read());
r.push(null);
r.push('late');
const r2 = trace(new Readable({ read() {} }), 'r2');
r2.on('data', () => {});
r2.push(null);
r2.on('end', () => { r2.unshift('x'); });
const r3 = new Readable({ read() {} });
r3.on('close', () => log('r3 close'));
r3.on('error', (e) => log('r3 error code', e.code));
log('push number', r3.push(42));
const r4 = trace(new Readable({ autoDestroy: false, read() {} }), 'r4');
r4.on('error', () => log('r4 error listener'));
r.on('error', () => {}); r2.on('error', () => {});
r4.push(null);
r4.push('x');
log('r4', r4.destroyed, r4.errored && r4.errored.code);
""", r"""
r = trace(Readable(read=lambda n: None), 'r')
r.push('world')
r.unshift('hello ')
log('read', r.read())
r.push(None)
r.push('late')
r2 = trace(Readable(read=lambda n: None), 'r2')
r2.on('data', lambda d: None)
r2.push(None)
r2.on('end', lambda: r2.unshift('x'))
r3 = Readable(read=lambda n: None)
r3.on('close', lambda: log('r3 close'))
r3.on('error', lambda e: log('r3 error code', e.code))
log('push number', r3.push(42))
r4 = trace(Readable(autoDestroy=False, read=lambda n: None), 'r4')
r4.on('error', lambda e: log('r4 error listener'))
r.on('error', lambda e: None); r2.on('error', lambda e: None)
r4.push(None)
r4.push('x')
log('r4', r4.destroyed, r4.errored and r4.errored.code)
uvnet.run()
""")


def test_object_mode_values() -> None:
    """Object mode passes any non-null value through unchanged; read() gives one."""
    same(r"""
const r = trace(new Readable({ objectMode: true, read() {} }), 'r');
r.push(0); r.push(''); r.push(false); r.push([1, 2]); r.push('s');
log('len', r.readableLength, r.read(5), r.read(0), r.readableLength);
r.push(null);
r.on('data', () => {});
""", r"""
r = trace(Readable(objectMode=True, read=lambda n: None), 'r')
r.push(0); r.push(''); r.push(False); r.push([1, 2]); r.push('s')
log('len', r.readableLength, r.read(5), r.read(0), r.readableLength)
r.push(None)
r.on('data', lambda d: None)
uvnet.run()
""")


def test_async_read_source() -> None:
    """An asynchronous _read (setImmediate) with a small hwm, consumed by 'data'."""
    same(r"""
let i = 0;
const r = trace(new Readable({
  highWaterMark: 3,
  read(n) {
    log('_read', n, this.readableLength);
    setImmediate(() => { i++; this.push(i <= 4 ? 'ab' + i : null); });
  },
}), 'r');
r.on('data', (d) => log('data', d));
""", r"""
i = 0
def _read(n):
    log('_read', n, r.readableLength)
    def later():
        global i
        i += 1
        r.push('ab' + str(i) if i <= 4 else None)
    uvnet.setImmediate(later)
r = trace(Readable(highWaterMark=3, read=_read), 'r')
r.on('data', lambda d: log('data', d))
uvnet.run()
""")


def test_readable_subclass_and_state_fields() -> None:
    """Subclassing with _read; Node's _readableState fields."""
    same(r"""
class Counter extends Readable {
  constructor(opt) { super(opt); this.n = 0; }
  _read() { this.n++; this.push(this.n > 3 ? null : String(this.n)); }
}
const c = trace(new Counter({ highWaterMark: 2 }), 'c');
const s = c._readableState;
log('state', s.objectMode, s.highWaterMark, s.length, s.flowing, s.ended, s.endEmitted,
    s.reading, s.constructed, s.sync, s.needReadable, s.emittedReadable, s.readableListening,
    s.resumeScheduled, s.errorEmitted, s.emitClose, s.autoDestroy, s.destroyed, s.errored,
    s.closed, s.closeEmitted, s.defaultEncoding, s.awaitDrainWriters, s.multiAwaitDrain,
    s.readingMore, s.dataEmitted, s.decoder, s.encoding, s.pipes);
c.on('data', () => log('flags', s.flowing, s.sync, s.reading, s.dataEmitted, s.length));
c.on('end', () => log('end flags', s.ended, s.endEmitted, c.readableDidRead));
""", r"""
class Counter(Readable):
    def __init__(self, opt=None):
        super().__init__(opt)
        self.n = 0
    def _read(self, size):
        self.n += 1
        self.push(None if self.n > 3 else str(self.n))
c = trace(Counter({'highWaterMark': 2}), 'c')
s = c._readableState
log('state', s.objectMode, s.highWaterMark, s.length, s.flowing, s.ended, s.endEmitted,
    s.reading, s.constructed, s.sync, s.needReadable, s.emittedReadable, s.readableListening,
    s.resumeScheduled, s.errorEmitted, s.emitClose, s.autoDestroy, s.destroyed, s.errored,
    s.closed, s.closeEmitted, s.defaultEncoding, s.awaitDrainWriters, s.multiAwaitDrain,
    s.readingMore, s.dataEmitted, s.decoder, s.encoding, s.pipes)
c.on('data', lambda d: log('flags', s.flowing, s.sync, s.reading, s.dataEmitted, s.length))
c.on('end', lambda: log('end flags', s.ended, s.endEmitted, c.readableDidRead))
uvnet.run()
""")


def test_read0_with_data_below_the_mark() -> None:
    """read(0) with needReadable set and data buffered (the async iterator's maybeReadMore_
    read(0)): below the mark it only calls _read (Readable.read's short way, _read0),
    at or above the mark (or with highWaterMark 0) it emits 'readable'; state after each."""
    same(r"""
function st(label, r) {
  const s = r._readableState;
  log(label, s.length, s.needReadable, s.emittedReadable, s.reading, s.sync);
}
const r = trace(new Readable({ highWaterMark: 8, read(n) { log('_read', n); } }), 'r');
r.on('readable', () => log('readable listener'));
r.push('abc');
st('pushed', r);
tick('t1');
setImmediate(() => {
  st('imm', r);
  r._readableState.reading = false;
  log('read(0)', r.read(0)); st('below', r);
  log('read(0) reading', r.read(0)); st('below reading', r);
  r._readableState.reading = false;
  r.push('defghi');
  st('at mark', r);
  r._readableState.needReadable = true;
  log('read(0) at mark', r.read(0)); st('after', r);
  const z = new Readable({ highWaterMark: 0, read() { log('_read z'); } });
  z.push('x');
  z._readableState.needReadable = true;
  z._readableState.emittedReadable = false;
  log('read(0) hwm0', z.read(0)); st('z', z);
  z.on('readable', () => log('z readable'));
});
""", r"""
def st(label, r):
    s = r._readableState
    log(label, s.length, s.needReadable, s.emittedReadable, s.reading, s.sync)
r = trace(Readable(highWaterMark=8, read=lambda n: log('_read', n)), 'r')
r.on('readable', lambda: log('readable listener'))
r.push('abc')
st('pushed', r)
tick('t1')
def imm():
    st('imm', r)
    r._readableState.reading = False
    log('read(0)', r.read(0)); st('below', r)
    log('read(0) reading', r.read(0)); st('below reading', r)
    r._readableState.reading = False
    r.push('defghi')
    st('at mark', r)
    r._readableState.needReadable = True
    log('read(0) at mark', r.read(0)); st('after', r)
    z = Readable(highWaterMark=0, read=lambda n: log('_read z'))
    z.push('x')
    z._readableState.needReadable = True
    z._readableState.emittedReadable = False
    log('read(0) hwm0', z.read(0)); st('z', z)
    z.on('readable', lambda: log('z readable'))
uvnet.setImmediate(imm)
uvnet.run()
""")
