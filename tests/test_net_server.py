# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""net.Server against node: the same program in JS and Python prints the same transcript.

Rules of node-net.md covered here: R1 (listen timing), R9 (close with live connections),
R10 (close when not running), R21 (maxConnections and 'drop'), R23 (listen after an error,
listen during the lookup, close before 'listening'), R26 (server 'close' before the last
socket's 'close'), R27 (dual-stack server), and the server options, getConnections,
ref/unref and address().
"""

from difftest import assert_same_output, normalize_ports


def test_r01_listen_is_synchronous_without_host_and_after_lookup_with_one() -> None:
    js = r"""
const net = require('net');
const s = net.createServer();
s.on('listening', () => console.log("'listening' event"));
console.log('before listen: address() =', s.address(), 'listening =', s.listening);
const ret = s.listen(0);
console.log('after listen(0): returns this =', ret === s, 'listening =', s.listening, 'address() =', JSON.stringify(s.address()));
process.nextTick(() => console.log('user nextTick queued after listen()'));
setImmediate(() => { console.log('setImmediate'); s.close(); });
const h = net.createServer();
h.listen(0, '127.0.0.1', () => { console.log("host form: 'listening'", JSON.stringify(h.address())); h.close(); });
console.log('host form, sync: listening =', h.listening, 'address() =', h.address());
process.nextTick(() => console.log('user nextTick #2'));
"""
    py = r"""
import json
import uvnet as net
s = net.createServer()
s.on('listening', lambda: print("'listening' event"))
print('before listen: address() =', 'null' if s.address() is None else s.address(), 'listening =', str(s.listening).lower())
ret = s.listen(0)
print('after listen(0): returns this =', str(ret is s).lower(), 'listening =', str(s.listening).lower(), 'address() =', json.dumps(s.address(), separators=(',', ':')))
net.nextTick(lambda: print('user nextTick queued after listen()'))
def imm():
    print('setImmediate'); s.close()
net.setImmediate(imm)
h = net.createServer()
def on_h():
    print("host form: 'listening'", json.dumps(h.address(), separators=(',', ':'))); h.close()
h.listen(0, '127.0.0.1', on_h)
print('host form, sync: listening =', str(h.listening).lower(), 'address() =', 'null' if h.address() is None else h.address())
net.nextTick(lambda: print('user nextTick #2'))
net.run()
"""
    assert_same_output(js, py, normalize=normalize_ports)


def test_listen_overloads() -> None:
    js = r"""
const net = require('net');
const forms = [
  ['listen()', (s, cb) => { s.on('listening', cb); return s.listen(); }],
  ['listen(cb)', (s, cb) => s.listen(cb)],
  ['listen(null, cb)', (s, cb) => s.listen(null, cb)],
  ['listen(0, cb)', (s, cb) => s.listen(0, cb)],
  ["listen('0', cb)", (s, cb) => s.listen('0', cb)],
  ['listen(0, 5, cb)', (s, cb) => s.listen(0, 5, cb)],
  ["listen(0, '127.0.0.1', cb)", (s, cb) => s.listen(0, '127.0.0.1', cb)],
  ["listen(0, '127.0.0.1', 5, cb)", (s, cb) => s.listen(0, '127.0.0.1', 5, cb)],
  ["listen(0, '::1', cb)", (s, cb) => s.listen(0, '::1', cb)],
  ["listen(0, 'localhost', cb)", (s, cb) => s.listen(0, 'localhost', cb)],
  ['listen({port: 0}, cb)', (s, cb) => s.listen({ port: 0 }, cb)],
  ['listen({port: undefined}, cb)', (s, cb) => s.listen({ port: undefined }, cb)],
  ["listen({port: 0, host: '127.0.0.1', backlog: 3}, cb)", (s, cb) => s.listen({ port: 0, host: '127.0.0.1', backlog: 3 }, cb)],
  ["listen({port: 0, host: '::', ipv6Only: true}, cb)", (s, cb) => s.listen({ port: 0, host: '::', ipv6Only: true }, cb)],
];
(function next(i) {
  if (i === forms.length) return;
  const [label, fn] = forms[i];
  const s = net.createServer();
  const ret = fn(s, () => {
    const a = s.address();
    console.log(label, 'returns this:', ret === s, 'address:', a.address, a.family, 'key:', s._connectionKey.replace(/\d+$/, 'P'));
    s.close(() => next(i + 1));
  });
})(0);
"""
    py = r"""
import uvnet as net
forms = [
    ('listen()', lambda s, cb: (s.on('listening', cb), s.listen())[1]),
    ('listen(cb)', lambda s, cb: s.listen(cb)),
    ('listen(null, cb)', lambda s, cb: s.listen(None, cb)),
    ('listen(0, cb)', lambda s, cb: s.listen(0, cb)),
    ("listen('0', cb)", lambda s, cb: s.listen('0', cb)),
    ('listen(0, 5, cb)', lambda s, cb: s.listen(0, 5, cb)),
    ("listen(0, '127.0.0.1', cb)", lambda s, cb: s.listen(0, '127.0.0.1', cb)),
    ("listen(0, '127.0.0.1', 5, cb)", lambda s, cb: s.listen(0, '127.0.0.1', 5, cb)),
    ("listen(0, '::1', cb)", lambda s, cb: s.listen(0, '::1', cb)),
    ("listen(0, 'localhost', cb)", lambda s, cb: s.listen(0, 'localhost', cb)),
    ('listen({port: 0}, cb)', lambda s, cb: s.listen({'port': 0}, cb)),
    ('listen({port: undefined}, cb)', lambda s, cb: s.listen(cb, port=None)),
    ("listen({port: 0, host: '127.0.0.1', backlog: 3}, cb)", lambda s, cb: s.listen(cb, port=0, host='127.0.0.1', backlog=3)),
    ("listen({port: 0, host: '::', ipv6Only: true}, cb)", lambda s, cb: s.listen({'port': 0, 'host': '::', 'ipv6Only': True}, cb)),
]
import re
def run(i):
    if i == len(forms):
        return
    label, fn = forms[i]
    s = net.createServer()
    def cb():
        a = s.address()
        print(label, 'returns this:', str(ret[0] is s).lower(), 'address:', a['address'], a['family'], 'key:', re.sub(r'\d+$', 'P', s._connectionKey))
        s.close(lambda *_: run(i + 1))
    ret = [None]
    ret[0] = fn(s, cb)
run(0)
net.run()
"""
    assert_same_output(js, py)


def test_r09_close_with_live_connection_and_r26_close_order() -> None:
    js = r"""
const net = require('net'); const trace = require('./trace');
const server = trace(net.createServer((sock) => { trace(sock, 'S.sock'); sock.resume(); }), 'server');
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = trace(net.connect(port, '127.0.0.1'), 'client');
  c.resume();
  c.on('connect', () => setTimeout(() => {
    server.close((err) => console.log('   close(cb) called with', err));
    console.log('   after close(): listening =', server.listening, 'address() =', server.address());
    server.getConnections((err, n) => console.log('   getConnections ->', err, n));
    net.connect(port, '127.0.0.1').on('error', (e) => {
      console.log('   new connection attempt ->', e.message);
      setTimeout(() => c.end(), 20);
    });
  }, 20));
});
"""
    py = r"""
import uvnet as net
from pytrace import trace
def on_conn(sock):
    trace(sock, 'S.sock'); sock.resume()
server = trace(net.createServer(on_conn), 'server')
def on_listening():
    port = server.address()['port']
    c = trace(net.connect(port, '127.0.0.1'), 'client')
    c.resume()
    def later():
        server.close(lambda err=None: print('   close(cb) called with', 'undefined' if err is None else err))
        print('   after close(): listening =', str(server.listening).lower(), 'address() =', 'null' if server.address() is None else '?')
        server.getConnections(lambda err, n: print('   getConnections ->', 'null' if err is None else err, n))
        def on_err(e):
            print('   new connection attempt ->', e.message)
            net.setTimeout(c.end, 20)
        net.connect(port, '127.0.0.1').on('error', on_err)
    c.on('connect', lambda: net.setTimeout(later, 20))
server.listen(0, '127.0.0.1', on_listening)
net.run()
"""
    assert_same_output(js, py, normalize=normalize_ports)


def test_r26_server_close_inside_connection() -> None:
    js = r"""
const net = require('net'); const trace = require('./trace');
const server = trace(net.createServer((s) => { trace(s, 'S.sock'); s.resume(); server.close(); }), 'server');
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  c.resume();
  c.on('connect', () => setTimeout(() => c.end(), 20));
});
"""
    py = r"""
import uvnet as net
from pytrace import trace
def on_conn(s):
    trace(s, 'S.sock'); s.resume(); server.close()
server = trace(net.createServer(on_conn), 'server')
def on_listening():
    c = trace(net.connect(server.address()['port'], '127.0.0.1'), 'client')
    c.resume()
    c.on('connect', lambda: net.setTimeout(c.end, 20))
server.listen(0, '127.0.0.1', on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_r10_close_when_not_running() -> None:
    js = r"""
const net = require('net');
const s = net.createServer();
let n = 0;
s.on('close', () => console.log("'close' event #" + (++n)));
console.log('close() returns this:', s.close((err) => console.log('cb1 (never listened):', err && `${err.name}|${err.code}|${err.message}`)) === s);
setTimeout(() => s.listen(0, () => s.close((err) => {
  console.log('cb2 (was listening):', err);
  s.close((err) => console.log('cb3 (already closed):', err && err.code));
  s.close('not a function');
})), 10);
"""
    py = r"""
import uvnet as net
s = net.createServer()
n = [0]
def on_close():
    n[0] += 1; print("'close' event #" + str(n[0]))
s.on('close', on_close)
print('close() returns this:', str(s.close(lambda err: print('cb1 (never listened):', f'{err.name}|{err.code}|{err.message}')) is s).lower())
def cb2(err=None):
    print('cb2 (was listening):', 'undefined' if err is None else err)
    s.close(lambda err: print('cb3 (already closed):', err.code))
    s.close('not a function')
net.setTimeout(lambda: s.listen(0, lambda: s.close(cb2)), 10)
net.run()
"""
    assert_same_output(js, py)


def test_r21_max_connections_drop() -> None:
    js = r"""
const net = require('net'); const trace = require('./trace');
const server = trace(net.createServer((s) => s.resume()), 'server');
server.maxConnections = 1;
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = net.connect(port, '127.0.0.1', () => {
    const b = trace(net.connect(port, '127.0.0.1'), 'B');
    b.resume(); b.on('error', () => {});
    b.on('close', () => { a.destroy(); server.close(); });
  });
});
"""
    py = r"""
import uvnet as net
from pytrace import trace
server = trace(net.createServer(lambda s: s.resume()), 'server')
server.maxConnections = 1
def on_listening():
    port = server.address()['port']
    def on_a():
        b = trace(net.connect(port, '127.0.0.1'), 'B')
        b.resume(); b.on('error', lambda e: None)
        def on_close(*_):
            a.destroy(); server.close()
        b.on('close', on_close)
    a = net.connect(port, '127.0.0.1', on_a)
server.listen(0, '127.0.0.1', on_listening)
net.run()
"""
    assert_same_output(js, py, normalize=normalize_ports)


def test_r23_listen_again_after_error_and_during_lookup() -> None:
    js = r"""
const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
  const b = net.createServer();
  b.once('error', (e) => {
    console.log('b error', e.code, '| b.listening =', b.listening);
    b.listen(0, '127.0.0.1', () => {
      console.log('b listening on a new port');
      const c = net.createServer();
      let n = 0; c.on('listening', () => console.log("c 'listening' #" + (++n)));
      c.listen(0, 'localhost'); c.listen(0, 'localhost');
      console.log('c: second listen() during lookup did not throw');
      const d = net.createServer();
      d.on('listening', () => console.log('d listening (must not happen)'));
      d.on('error', (e) => console.log('d error (must not happen)'));
      d.listen(0, 'localhost'); d.close(() => console.log('d closed during its lookup'));
      setTimeout(() => { a.close(); b.close(); c.close(); console.log('d.listening', d.listening); }, 50);
    });
  });
  b.listen(a.address().port, '127.0.0.1');
});
"""
    py = r"""
import uvnet as net
a = net.createServer()
def on_a():
    b = net.createServer()
    def on_err(e):
        print('b error', e.code, '| b.listening =', str(b.listening).lower())
        def on_b():
            print('b listening on a new port')
            c = net.createServer()
            n = [0]
            def on_c():
                n[0] += 1; print("c 'listening' #" + str(n[0]))
            c.on('listening', on_c)
            c.listen(0, 'localhost'); c.listen(0, 'localhost')
            print('c: second listen() during lookup did not throw')
            d = net.createServer()
            d.on('listening', lambda: print('d listening (must not happen)'))
            d.on('error', lambda e: print('d error (must not happen)'))
            d.listen(0, 'localhost'); d.close(lambda *_: print('d closed during its lookup'))
            def end():
                a.close(); b.close(); c.close(); print('d.listening', str(d.listening).lower())
            net.setTimeout(end, 50)
        b.listen(0, '127.0.0.1', on_b)
    b.once('error', on_err)
    b.listen(a.address()['port'], '127.0.0.1')
a.listen(0, '127.0.0.1', on_a)
net.run()
"""
    assert_same_output(js, py)


def test_r23_close_before_listening_suppresses_it() -> None:
    js = r"""
const net = require('net'); const trace = require('./trace');
const s = trace(net.createServer(), 'S');
s.listen(0); s.close();
const t = trace(net.createServer(), 'T');
t.listen(0, '127.0.0.1'); t.close();
"""
    py = r"""
import uvnet as net
from pytrace import trace
s = trace(net.createServer(), 'S')
s.listen(0); s.close()
t = trace(net.createServer(), 'T')
t.listen(0, '127.0.0.1'); t.close()
net.run()
"""
    assert_same_output(js, py)


def test_r27_dual_stack_server_sees_mapped_ipv4() -> None:
    js = r"""
const net = require('net');
const s = net.createServer((sock) => {
  console.log('server on "::" sees remote', sock.remoteAddress, sock.remoteFamily, '| local', sock.localAddress, sock.localFamily);
  sock.destroy(); s.close();
});
s.listen(0, () => {
  console.log('server.address() =', JSON.stringify(s.address()));
  const c = net.connect(s.address().port, '127.0.0.1', () => console.log('client local', c.localAddress, c.localFamily, '| remote', c.remoteAddress, c.remoteFamily));
  c.on('error', () => {});
});
"""
    py = r"""
import json
import uvnet as net
def on_conn(sock):
    print('server on "::" sees remote', sock.remoteAddress, sock.remoteFamily, '| local', sock.localAddress, sock.localFamily)
    sock.destroy(); s.close()
s = net.createServer(on_conn)
def on_listening():
    print('server.address() =', json.dumps(s.address(), separators=(',', ':')))
    c = net.connect(s.address()['port'], '127.0.0.1', lambda: print('client local', c.localAddress, c.localFamily, '| remote', c.remoteAddress, c.remoteFamily))
    c.on('error', lambda e: None)
s.listen(0, on_listening)
net.run()
"""
    assert_same_output(js, py, normalize=normalize_ports)


def test_ipv6_only_server_refuses_ipv4() -> None:
    js = r"""
const net = require('net');
const s = net.createServer((c) => c.destroy());
s.listen({ port: 0, host: '::', ipv6Only: true }, () => {
  const port = s.address().port;
  net.connect(port, '127.0.0.1').on('error', (e) => {
    console.log('ipv4 client:', e.code);
    net.connect(port, '::1', function() { console.log('ipv6 client connected'); this.destroy(); s.close(); });
  });
});
"""
    py = r"""
import uvnet as net
s = net.createServer(lambda c: c.destroy())
def on_listening():
    port = s.address()['port']
    def on_err(e):
        print('ipv4 client:', e.code)
        def ok():
            print('ipv6 client connected'); c6.destroy(); s.close()
        c6 = net.connect(port, '::1', ok)
    net.connect(port, '127.0.0.1').on('error', on_err)
s.listen({'port': 0, 'host': '::', 'ipv6Only': True}, on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_server_options_reach_accepted_sockets() -> None:
    js = r"""
const net = require('net');
const s = net.createServer({ pauseOnConnect: true, allowHalfOpen: true, highWaterMark: 1024,
                             keepAlive: true, keepAliveInitialDelay: 3500, noDelay: true }, (sock) => {
  console.log('accepted: isPaused', sock.isPaused(), 'readableFlowing', sock.readableFlowing,
              'allowHalfOpen', sock.allowHalfOpen, 'hwm', sock.readableHighWaterMark, sock.writableHighWaterMark,
              'server', sock.server === s, sock._server === s);
  sock.on('data', (d) => { console.log('data', String(d)); });
  sock.on('end', () => { console.log('end; still writable', sock.writable); sock.end('bye'); });
  setTimeout(() => sock.resume(), 20);
});
console.log('props', s.allowHalfOpen, s.pauseOnConnect, s.noDelay, s.keepAlive, s.keepAliveInitialDelay, s.highWaterMark, s.maxConnections, s._connections);
s.listen(0, '127.0.0.1', () => {
  const c = net.connect(s.address().port, '127.0.0.1', () => c.end('hello'));
  c.on('data', (d) => console.log('client got', String(d)));
  c.on('close', () => s.close(() => console.log('server closed')));
});
"""
    py = r"""
import uvnet as net
def lower(v):
    return str(v).lower() if isinstance(v, bool) else ('undefined' if v is None else v)
def on_conn(sock):
    print('accepted: isPaused', lower(sock.isPaused()), 'readableFlowing', lower(sock.readableFlowing),
          'allowHalfOpen', lower(sock.allowHalfOpen), 'hwm', sock.readableHighWaterMark, sock.writableHighWaterMark,
          'server', lower(sock.server is s), lower(sock._server is s))
    sock.on('data', lambda d: print('data', d.decode()))
    def on_end():
        print('end; still writable', lower(sock.writable)); sock.end('bye')
    sock.on('end', on_end)
    net.setTimeout(sock.resume, 20)
s = net.createServer({'pauseOnConnect': True, 'allowHalfOpen': True, 'highWaterMark': 1024,
                      'keepAlive': True, 'keepAliveInitialDelay': 3500, 'noDelay': True}, on_conn)
print('props', *map(lower, [s.allowHalfOpen, s.pauseOnConnect, s.noDelay, s.keepAlive, s.keepAliveInitialDelay, s.highWaterMark, s.maxConnections, s._connections]))
def on_listening():
    c = net.connect(s.address()['port'], '127.0.0.1', lambda: c.end('hello'))
    c.on('data', lambda d: print('client got', d.decode()))
    c.on('close', lambda *_: s.close(lambda *_: print('server closed')))
s.listen(0, '127.0.0.1', on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_server_constructor_forms_and_defaults() -> None:
    js = r"""
const net = require('net');
const show = (l, s) => console.log(l, s.allowHalfOpen, s.pauseOnConnect, s.noDelay, s.keepAlive,
  s.keepAliveInitialDelay, s.highWaterMark, s.listenerCount('connection'), s.listening, s._connections);
show('createServer()', net.createServer());
show('createServer(fn)', net.createServer(() => {}));
show('createServer({}, fn)', net.createServer({}, () => {}));
show('createServer(null)', net.createServer(null));
show('Server({allowHalfOpen})', net.Server({ allowHalfOpen: true }));
show('new Server(fn)', new net.Server(() => {}));
show('negative delay/hwm', net.createServer({ keepAliveInitialDelay: -5, highWaterMark: -1 }));
show('delay 999', net.createServer({ keepAliveInitialDelay: 999 }));
show('delay 2500.7', net.createServer({ keepAliveInitialDelay: 2500.7 }));
for (const [l, f] of [['createServer(123)', () => net.createServer(123)],
                      ["createServer('x')", () => net.createServer('x')],
                      ["keepAliveInitialDelay: '1'", () => net.createServer({ keepAliveInitialDelay: '1' })],
                      ["highWaterMark: '1'", () => net.createServer({ highWaterMark: '1' })]]) {
  try { f(); } catch (e) { console.log(l, '->', e.name, e.code); }
}
"""
    py = r"""
import uvnet as net
def lower(v):
    return str(v).lower() if isinstance(v, bool) else v
def show(l, s):
    print(l, *map(lower, [s.allowHalfOpen, s.pauseOnConnect, s.noDelay, s.keepAlive,
          s.keepAliveInitialDelay, s.highWaterMark, s.listenerCount('connection'), s.listening, s._connections]))
show('createServer()', net.createServer())
show('createServer(fn)', net.createServer(lambda s: None))
show('createServer({}, fn)', net.createServer({}, lambda s: None))
show('createServer(null)', net.createServer(None))
show('Server({allowHalfOpen})', net.Server(allowHalfOpen=True))
show('new Server(fn)', net.Server(lambda s: None))
show('negative delay/hwm', net.createServer(keepAliveInitialDelay=-5, highWaterMark=-1))
show('delay 999', net.createServer({'keepAliveInitialDelay': 999}))
show('delay 2500.7', net.createServer({'keepAliveInitialDelay': 2500.7}))
for l, f in [('createServer(123)', lambda: net.createServer(123)),
             ("createServer('x')", lambda: net.createServer('x')),
             ("keepAliveInitialDelay: '1'", lambda: net.createServer({'keepAliveInitialDelay': '1'})),
             ("highWaterMark: '1'", lambda: net.createServer({'highWaterMark': '1'}))]:
    try:
        f()
    except Exception as e:
        print(l, '->', e.name, e.code)
"""
    assert_same_output(js, py)


def test_get_connections_counts_live_sockets() -> None:
    js = r"""
const net = require('net');
const socks = [];
const s = net.createServer((sock) => {
  socks.push(sock);
  s.getConnections((err, n) => {
    console.log('connection', socks.length, '-> getConnections', err, n, '_connections', s._connections);
    if (socks.length === 3) socks.forEach((x) => x.destroy());
  });
});
let closed = 0;
s.listen(0, () => {
  console.log('getConnections returns this:', s.getConnections(() => {}) === s);
  for (let i = 0; i < 3; i++) {
    const c = net.connect(s.address().port);
    c.on('close', () => { if (++closed === 3) s.getConnections((e, n) => { console.log('after all closed', n); s.close(); }); });
    c.resume();
  }
});
"""
    py = r"""
import uvnet as net
socks = []
def on_conn(sock):
    socks.append(sock)
    def got(err, n):
        print('connection', len(socks), '-> getConnections', 'null' if err is None else err, n, '_connections', s._connections)
        if len(socks) == 3:
            for x in socks:
                x.destroy()
    s.getConnections(got)
s = net.createServer(on_conn)
closed = [0]
def on_listening():
    print('getConnections returns this:', str(s.getConnections(lambda e, n: None) is s).lower())
    for _ in range(3):
        c = net.connect(s.address()['port'])
        def on_close(*_):
            closed[0] += 1
            if closed[0] == 3:
                def final(e, n):
                    print('after all closed', n); s.close()
                s.getConnections(final)
        c.on('close', on_close)
        c.resume()
s.listen(0, on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_ref_unref_before_and_after_listen() -> None:
    js = r"""
const net = require('net');
const a = net.createServer();
console.log('unref returns this:', a.unref() === a);
a.listen(0, () => console.log('a listening (unref before listen)'));
const b = net.createServer().listen(0, '127.0.0.1', () => { console.log('b listening'); b.unref(); });
const c = net.createServer().unref();
c.listen(0, '127.0.0.1', () => { console.log('c listening'); console.log('ref returns this:', c.ref() === c); setTimeout(() => c.close(() => console.log('c closed')), 10); });
process.on('exit', () => console.log('exit: a', a.listening, 'b', b.listening, 'c', c.listening));
"""
    py = r"""
import uvnet as net
a = net.createServer()
print('unref returns this:', str(a.unref() is a).lower())
a.listen(0, lambda: print('a listening (unref before listen)'))
b = net.createServer()
def on_b():
    print('b listening'); b.unref()
b.listen(0, '127.0.0.1', on_b)
c = net.createServer().unref()
def on_c():
    print('c listening'); print('ref returns this:', str(c.ref() is c).lower())
    net.setTimeout(lambda: c.close(lambda *_: print('c closed')), 10)
c.listen(0, '127.0.0.1', on_c)
net.run()
print('exit: a', str(a.listening).lower(), 'b', str(b.listening).lower(), 'c', str(c.listening).lower())
"""
    assert_same_output(js, py)


def test_listen_on_a_handle_and_on_an_fd() -> None:
    js = r"""
const net = require('net'); const fs = require('fs');
const show = (e) => JSON.stringify([e.message, e.code, e.errno, e.syscall, e.address, e.port]);
const a = net.createServer().listen(0, '127.0.0.1', () => {
  const b = net.createServer((sock) => { console.log('b got a connection'); sock.destroy(); });
  b.listen(a._handle, () => {
    console.log('b listening', JSON.stringify(b.address()) === JSON.stringify(a.address()), b._connectionKey);
    const c = net.connect(a.address().port, '127.0.0.1');
    c.on('close', () => { b.close(); a.close(() => console.log('a closed')); });
    c.resume();
  });
});
const f = net.createServer();
f.on('error', (e) => console.log('file fd:', show(e), f.listening));
f.listen({ fd: fs.openSync(__filename) });
const g = net.createServer();
g.on('error', (e) => console.log('bad fd:', show(e)));
g.listen({ fd: 987 });
"""
    py = r"""
import json, os
import uvnet as net
def show(e):
    return json.dumps([e.message, e.code, e.errno, e.syscall, getattr(e, 'address', None), getattr(e, 'port', None)], separators=(',', ':'))
a = net.createServer()
def on_a():
    def on_b_conn(sock):
        print('b got a connection'); sock.destroy()
    b = net.createServer(on_b_conn)
    def on_b():
        print('b listening', str(b.address() == a.address()).lower(), b._connectionKey)
        c = net.connect(a.address()['port'], '127.0.0.1')
        def on_close(*_):
            b.close(); a.close(lambda *_: print('a closed'))
        c.on('close', on_close)
        c.resume()
    b.listen(a._handle, on_b)
a.listen(0, '127.0.0.1', on_a)
f = net.createServer()
f.on('error', lambda e: print('file fd:', show(e), str(f.listening).lower()))
f.listen({'fd': os.open(__file__, os.O_RDONLY)})
g = net.createServer()
g.on('error', lambda e: print('bad fd:', show(e)))
g.listen(fd=987)
net.run()
"""
    assert_same_output(js, py)


def test_r23_listen_signal_closes_the_server() -> None:
    # uvnet takes any object with ``aborted`` and an ``'abort'`` event as a signal; the
    # Python side stands one up on EventEmitter where Node uses AbortController.
    js = r"""
const net = require('net'); const trace = require('./trace');
const ac = new AbortController();
const t = trace(net.createServer(), 'T');
t.listen({ port: 0, signal: ac.signal }, () => ac.abort());
const u = trace(net.createServer(), 'U');
u.listen({ port: 0, signal: AbortSignal.abort() });
console.log('U sync listening', u.listening);
try { net.createServer().listen({ port: 0, signal: 'INVALID' }); } catch (e) { console.log(e.name, e.code); }
"""
    py = r"""
import uvnet as net
from pytrace import trace
class Signal(net.EventEmitter):
    def __init__(self, aborted=False):
        super().__init__(); self.aborted = aborted
    def abort(self):
        self.aborted = True; self.emit('abort')
sig = Signal()
t = trace(net.createServer(), 'T')
t.listen({'port': 0, 'signal': sig}, sig.abort)
u = trace(net.createServer(), 'U')
u.listen(port=0, signal=Signal(aborted=True))
print('U sync listening', str(u.listening).lower())
try:
    net.createServer().listen({'port': 0, 'signal': 'INVALID'})
except Exception as e:
    print(e.name, e.code)
net.run()
"""
    assert_same_output(js, py)


def test_close_callback_without_parameters_when_not_running() -> None:
    # JS's argument rule for close()'s callback: `() => ...` ignores ERR_SERVER_NOT_RUNNING.
    js = r"""
const net = require('net');
const s = net.createServer();
s.close(() => console.log('closed, never listened'));
s.on('close', () => console.log('close event'));
"""
    py = r"""
import uvnet as net
s = net.createServer()
s.close(lambda: print('closed, never listened'))
s.on('close', lambda: print('close event'))
net.run()
"""
    assert_same_output(js, py)
