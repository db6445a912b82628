# ruff: noqa: E501
"""Differential scenarios: EventEmitter, timers and the stream classes used directly, as a
port of Node code written from API.md would use them, Node vs uvnet.

Each test is a small program in JavaScript and its line-by-line Python port, on the
preludes of :mod:`stream_prelude` (``log``, ``trace``, ``tick``); both must print the same.
"""

from __future__ import annotations

from stream_prelude import same


def test_hooks_and_callbacks_with_fewer_parameters() -> None:
    """Hooks and callbacks are called with JavaScript's argument rule, as listeners are:
    ``_read() {}`` (no ``size``), ``read() {}``, and ``() => ...`` callbacks of
    ``pipeline``, ``finished``, ``destroy``, ``write`` and ``end`` port as ``def _read(self)``
    and ``lambda: ...``."""
    same(r"""
class R extends Readable { _read() { this.push(Buffer.from('x')); this.push(null); } }
new R().on('data', (d) => log('R data', d));
const r2 = new Readable({ read() {} });
r2.push(Buffer.from('y')); r2.push(null); r2.on('data', (d) => log('r2', d));
class W extends Writable {
  _write(chunk, enc, cb) { log('w', chunk); cb(); }
  _final(cb) { log('final'); cb(); }
  _destroy(err, cb) { log('destroy', err); cb(err); }
}
new W().end('a');
class T extends Transform { _transform(chunk, enc, cb) { cb(null, chunk); } _flush(cb) { log('flush'); cb(); } }
new T().end('b');
const a = new PassThrough(); const b = new PassThrough();
pipeline(a, b, () => log('pipeline cb'));
b.resume();
a.end('x');
const c = new PassThrough();
finished(c, () => log('finished cb'));
c.resume(); c.end();
const d = new PassThrough();
d.destroy(null, () => log('destroy cb'));
const w = new Writable({ write(ch, e, cb) { cb(); } });
w.write('a', () => log('write cb'));
w.end(() => log('end cb'));
const r = new Readable({ read() {}, destroy(e, cb) { cb(); } });
r.destroy(new Error('x'), () => log('r destroy cb'));
const w2 = new Writable({ write(ch, e, cb) { cb(); }, writev(chunks, cb) { log('writev', chunks.length); cb(); } });
w2.cork(); w2.write('a'); w2.write('b'); w2.uncork();
const w3 = new Writable({ write(ch, e, cb) { cb(); }, final(cb) { log('final'); cb(); }, construct(cb) { log('construct'); cb(); } });
w3.end();
const t = new Transform({ transform(ch, e, cb) { cb(null, ch); }, flush(cb) { log('flush'); cb(); } });
t.resume(); t.end('z');
""", r"""
class R(Readable):
    def _read(self):
        self.push(b'x'); self.push(None)
R().on('data', lambda d: log('R data', d))
r2 = Readable(read=lambda: None)
r2.push(b'y'); r2.push(None); r2.on('data', lambda d: log('r2', d))
class W(Writable):
    def _write(self, chunk, enc, cb): log('w', chunk); cb()
    def _final(self, cb): log('final'); cb()
    def _destroy(self, err, cb): log('destroy', err); cb(err)
W().end('a')
class T(Transform):
    def _transform(self, chunk, enc, cb): cb(None, chunk)
    def _flush(self, cb): log('flush'); cb()
T().end('b')
a = PassThrough(); b = PassThrough()
pipeline(a, b, lambda: log('pipeline cb'))
b.resume()
a.end('x')
c = PassThrough()
finished(c, lambda: log('finished cb'))
c.resume(); c.end()
d = PassThrough()
d.destroy(None, lambda: log('destroy cb'))
w = Writable(write=lambda ch, e, cb: cb())
w.write('a', lambda: log('write cb'))
w.end(lambda: log('end cb'))
r = Readable(read=lambda: None, destroy=lambda e, cb: cb())
r.destroy(Exception('x'), lambda: log('r destroy cb'))
w2 = Writable(write=lambda ch, e, cb: cb(), writev=lambda chunks, cb: (log('writev', len(chunks)), cb()))
w2.cork(); w2.write('a'); w2.write('b'); w2.uncork()
w3 = Writable(write=lambda ch, e, cb: cb(), final=lambda cb: (log('final'), cb()), construct=lambda cb: (log('construct'), cb()))
w3.end()
t = Transform(transform=lambda ch, e, cb: cb(None, ch), flush=lambda cb: (log('flush'), cb()))
t.resume(); t.end('z')
uvnet.run()
""")


def test_events_module_statics() -> None:
    """``require('events')`` is the class in Node: ``EventEmitter.errorMonitor``,
    ``EventEmitter.EventEmitter``, the module's ``defaultMaxListeners`` (read and written),
    ``events.setMaxListeners(n, ...emitters)`` (also static, without emitters the default),
    ``events.getMaxListeners`` and ``events.listenerCount``."""
    same(r"""
const events = require('events');
const { EventEmitter } = events;
const e = new EventEmitter();
e.on(EventEmitter.errorMonitor, (err) => log('monitor', err));
e.on('error', (err) => log('error', err));
e.emit('error', new Error('x'));
log('same symbol', EventEmitter.errorMonitor === events.errorMonitor, EventEmitter.EventEmitter === EventEmitter);
log('defaults', events.defaultMaxListeners, EventEmitter.defaultMaxListeners);
events.defaultMaxListeners = 3;
log('after module set', EventEmitter.defaultMaxListeners, e.getMaxListeners());
EventEmitter.setMaxListeners(4);
log('after static set', events.defaultMaxListeners, e.getMaxListeners());
const f = new EventEmitter();
events.setMaxListeners(1, e, f);
log('targets', e.getMaxListeners(), events.getMaxListeners(f), EventEmitter.getMaxListeners(f));
f.on('a', () => {}); f.on('a', () => {});
log('counts', events.listenerCount(f, 'a'), EventEmitter.listenerCount(f, 'a'), events.getEventListeners(f, 'a').length);
try { events.setMaxListeners(-1); } catch (err) { log('bad', err); }
try { events.defaultMaxListeners = -2; } catch (err) { log('bad', err); }
log('unchanged', EventEmitter.defaultMaxListeners);
""", r"""
import warnings
warnings.simplefilter('ignore')
from uvnet import events
from uvnet.events import EventEmitter
e = EventEmitter()
e.on(EventEmitter.errorMonitor, lambda err: log('monitor', err))
e.on('error', lambda err: log('error', err))
e.emit('error', Exception('x'))
log('same symbol', EventEmitter.errorMonitor is events.errorMonitor, EventEmitter.EventEmitter is EventEmitter)
log('defaults', events.defaultMaxListeners, EventEmitter.defaultMaxListeners)
events.defaultMaxListeners = 3
log('after module set', EventEmitter.defaultMaxListeners, e.getMaxListeners())
EventEmitter.setMaxListeners(4)
log('after static set', events.defaultMaxListeners, e.getMaxListeners())
f = EventEmitter()
events.setMaxListeners(1, e, f)
log('targets', e.getMaxListeners(), events.getMaxListeners(f), EventEmitter.getMaxListeners(f))
f.on('a', lambda: None); f.on('a', lambda: None)
log('counts', events.listenerCount(f, 'a'), EventEmitter.listenerCount(f, 'a'), len(events.getEventListeners(f, 'a')))
try:
    events.setMaxListeners(-1)
except Exception as err:
    log('bad', err)
try:
    events.defaultMaxListeners = -2
except Exception as err:
    log('bad', err)
log('unchanged', EventEmitter.defaultMaxListeners)
uvnet.run()
""")
