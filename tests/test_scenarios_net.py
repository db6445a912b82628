# ruff: noqa: E501  (the embedded JS keeps one statement per line, as scenario authors write it)
"""Differential scenarios of net socket/server lifecycle and errors: a small Node program
of the kind a scenario author writes, and its line-by-line uvnet port, must print the
same lines. Each test names the divergence it was written for."""

import re

from difftest import assert_same_output, normalize_ports

JS_PRELUDE = '''\
const net = require('net');
function f(x) {
  if (typeof x === 'string') return x;
  if (x === undefined || x === null) return 'None';
  if (x instanceof Error) return `<${[x.code, x.message, x.syscall, x.errno, x.address, x.port].map(f).join('|')}>`;
  if (Buffer.isBuffer(x)) return `<Buffer ${JSON.stringify(x.toString())}>`;
  return JSON.stringify(x);
}
const L = (...a) => console.log(a.map(f).join(' '));
'''

# L(...) prints its arguments as the JS L does: strings bare, None for null/undefined,
# errors as <code|message|syscall|errno|address|port>, anything else as JSON.
PY_PRELUDE = '''\
import json
import uvnet
from pytrace import js_number


def f(x):
    if isinstance(x, str):
        return x
    if x is None:
        return 'None'
    if isinstance(x, BaseException):
        fields = [getattr(x, 'code', None), str(x)] + [getattr(x, k, None) for k in ('syscall', 'errno', 'address', 'port')]
        return '<' + '|'.join(f(v) for v in fields) + '>'
    if isinstance(x, (bytes, bytearray)):
        return f'<Buffer {json.dumps(bytes(x).decode(), ensure_ascii=False)}>'
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, (int, float)):
        return js_number(x)
    return json.dumps(x, separators=(',', ':'))


def L(*a):
    print(' '.join(f(x) for x in a), flush=True)


'''


def normalize(text):
    """Ports as normalize_ports does, and also a port between ``|`` (an error's field)."""
    return re.sub(r'(?<=\|)\d{4,5}(?=>)', 'PORT', normalize_ports(text))


def check(js, py, **kw):
    return assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py + '\nuvnet.run()\n',
                              normalize=normalize, **kw)


# --- connect with localAddress and no localPort --------------------------------------------
# Node's TCPWrap::Bind takes Int32Value(undefined) = 0 as the port; uvnet passed None to
# pyuv and raised a TypeError out of run().

def test_connect_local_address_without_local_port():
    check('''
const server = net.createServer((s) => s.end('hi'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect({port, host: '127.0.0.1', localAddress: '127.0.0.1'}, () => {
    L('connect', c.localAddress, c.localPort > 0, c.localPort !== port);
  });
  c.on('data', (d) => L('data', d));
  c.on('close', (h) => {
    L('close', h);
    const d = net.connect({port, host: '127.0.0.1', localAddress: '10.255.255.1'});
    d.on('error', (e) => L('error', e));
    d.on('close', (h) => { L('close', h); server.close(); });
  });
});
''', '''
server = uvnet.createServer(lambda s: s.end('hi'))


def on_listening():
    port = server.address()['port']

    def on_connect():
        L('connect', c.localAddress, c.localPort > 0, c.localPort != port)
    c = uvnet.connect({'port': port, 'host': '127.0.0.1', 'localAddress': '127.0.0.1'}, on_connect)
    c.on('data', lambda d: L('data', d))

    def on_close(h):
        L('close', h)
        d = uvnet.connect({'port': port, 'host': '127.0.0.1', 'localAddress': '10.255.255.1'})
        d.on('error', lambda e: L('error', e))

        def on_close_d(h):
            L('close', h)
            server.close()
        d.on('close', on_close_d)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- uv_shutdown runs from libuv's pending queue --------------------------------------------
# Node 20's libuv runs a shutdown with nothing left to write right after the poll phase
# (uv__io_feed + the post-poll uv__run_pending); pyuv's libuv 1.13 waited for the next
# poll, so the end() callback, and a destroy() in it, came after the peer's next read.

def test_end_callback_runs_before_the_peers_next_read():
    check('''
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; this.code = 'EMY'; } }
const server = net.createServer((s) => {
  s.on('data', (d) => L('S data', d));
  s.on('end', () => L('S end'));
  s.on('close', (h) => L('S close', h));
});
server.listen(0, () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    L('write ret', c.write('abc', (err) => L('write cb', err)));
    c.end('def', (err) => {
      L('end cb', err, c.readyState, c.writableFinished);
      c.destroy(new MyErr('custom boom'));
      setImmediate(() => L('immediate after destroy'));
    });
  });
  c.on('finish', () => L('C finish'));
  c.on('error', (e) => L('C error', e, e.name, e instanceof MyErr));
  c.on('close', (h) => { L('C close', h, c.bytesWritten); server.close(); });
});
''', '''
class MyErr(Exception):
    def __init__(self, m):
        super().__init__(m)
        self.name = 'MyErr'
        self.code = 'EMY'


def on_connection(s):
    s.on('data', lambda d: L('S data', d))
    s.on('end', lambda: L('S end'))
    s.on('close', lambda h: L('S close', h))


server = uvnet.createServer(on_connection)


def on_listening():
    def on_connect():
        L('write ret', c.write('abc', lambda err: L('write cb', err)))

        def on_end(err):
            L('end cb', err, c.readyState, c.writableFinished)
            c.destroy(MyErr('custom boom'))
            uvnet.setImmediate(lambda: L('immediate after destroy'))
        c.end('def', on_end)
    c = uvnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('finish', lambda: L('C finish'))
    c.on('error', lambda e: L('C error', e, e.name, isinstance(e, MyErr)))

    def on_close(h):
        L('C close', h, c.bytesWritten)
        server.close()
    c.on('close', on_close)


server.listen(0, on_listening)
''')


# --- uv_try_write reports the write's own error ---------------------------------------------
# pyuv's libuv 1.13 tries a write through uv_write and turns a failure (EPIPE, once the
# peer's RST is in) into EAGAIN, so the write was queued and failed later; Node 20's
# libuv makes one write(2), so write() fails at once: it returns false and end() does
# not mark the stream ending.

def test_write_to_a_reset_peer_fails_synchronously():
    check('''
const server = net.createServer({allowHalfOpen: true}, (s) => {
  s.resume();
  s.on('end', () => setTimeout(() => {
    L('write 1', s.write('reply', (e) => L('cb 1', e)));
    L('write 2', s.write('more', (e) => L('cb 2', e)), s.destroyed, s.writableLength);
    s.end('tail', (e) => L('end cb', e));
    L('after end', s.readyState, s.writableEnded, s.destroyed);
  }, 50));
  s.on('error', (e) => L('S error', e));
  s.on('close', (h) => { L('S close', h); server.close(); });
});
server.listen(0, () => {
  const c = net.connect(server.address().port, () => c.end('bye', () => c.destroy()));
  c.on('close', (h) => L('C close', h));
});
''', '''
def on_connection(s):
    s.resume()

    def later():
        L('write 1', s.write('reply', lambda e: L('cb 1', e)))
        L('write 2', s.write('more', lambda e: L('cb 2', e)), s.destroyed, s.writableLength)
        s.end('tail', lambda e: L('end cb', e))
        L('after end', s.readyState, s.writableEnded, s.destroyed)
    s.on('end', lambda: uvnet.setTimeout(later, 50))
    s.on('error', lambda e: L('S error', e))

    def on_close(h):
        L('S close', h)
        server.close()
    s.on('close', on_close)


server = uvnet.createServer({'allowHalfOpen': True}, on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], lambda: c.end('bye', lambda e: c.destroy()))
    c.on('close', lambda h: L('C close', h))


server.listen(0, on_listening)
''')


# --- a custom lookup answering (err, ip, family) with autoSelectFamily on ----------------------
# Node asks the lookup for all addresses and treats the answer as a list: its callback
# ignores the third argument, and the characters of the string have no address, so the
# connect fails with ERR_INVALID_IP_ADDRESS. uvnet's callback raised a TypeError.

def test_custom_lookup_callback_arguments():
    check('''
const server = net.createServer((s) => s.end('hi'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const lookup = (host, opts, cb) => { L('lookup', host, opts.all); if (opts.all) cb(null, [{address: '127.0.0.1', family: 4}], 'extra'); else cb(null, '127.0.0.1', 4); };
  const a = net.connect({port, host: 'alpha', lookup, autoSelectFamily: false});
  a.on('lookup', (e, ip, family, host) => L('a lookup', e, ip, family, host));
  a.on('data', (d) => L('a data', d));
  a.on('close', () => {
    const b = net.connect({port, host: 'beta', lookup});
    b.on('data', (d) => L('b data', d));
    b.on('close', () => {
      const c = net.connect({port, host: 'gamma', lookup: (h, o, cb) => cb(null, '127.0.0.1', 4)});
      c.on('error', (e) => L('c error', e.code, e.name));
      c.on('close', (h) => { L('c close', h); server.close(); });
    });
  });
});
''', '''
server = uvnet.createServer(lambda s: s.end('hi'))


def on_listening():
    port = server.address()['port']

    def lookup(host, opts, cb):
        L('lookup', host, opts.get('all'))
        if opts.get('all'):
            cb(None, [{'address': '127.0.0.1', 'family': 4}], 'extra')
        else:
            cb(None, '127.0.0.1', 4)
    a = uvnet.connect({'port': port, 'host': 'alpha', 'lookup': lookup, 'autoSelectFamily': False})
    a.on('lookup', lambda e, ip, family, host: L('a lookup', e, ip, family, host))
    a.on('data', lambda d: L('a data', d))

    def on_close_a(h):
        b = uvnet.connect({'port': port, 'host': 'beta', 'lookup': lookup})
        b.on('data', lambda d: L('b data', d))

        def on_close_b(h):
            c = uvnet.connect({'port': port, 'host': 'gamma', 'lookup': lambda h, o, cb: cb(None, '127.0.0.1', 4)})
            c.on('error', lambda e: L('c error', e.code, e.name))

            def on_close_c(h):
                L('c close', h)
                server.close()
            c.on('close', on_close_c)
        b.on('close', on_close_b)
    a.on('close', on_close_a)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- one accept per poll event -------------------------------------------------------------
# Node 20's libuv accepts one connection each time the listening fd polls readable, so
# three clients connecting at once are accepted over three loop iterations, interleaved
# with the first clients' I/O; pyuv's libuv accepted all three at once.

def test_concurrent_clients_are_accepted_one_per_poll():
    check('''
let id = 0;
const server = net.createServer((s) => {
  const me = ++id;
  L('conn', me, server._connections);
  s.on('data', (d) => { L('S data', me, d); s.write(d); });
  s.on('end', () => { L('S end', me); s.end(); });
  s.on('close', () => { L('S close', me); server.getConnections((e, n) => { L('left', n); if (n === 0) server.close(); }); });
});
server.listen(0, '127.0.0.1', () => {
  for (let i = 1; i <= 3; i++) {
    const c = net.connect(server.address().port, '127.0.0.1', () => { L('C connect', i); c.end('msg' + i); });
    c.on('data', (d) => L('C data', i, d));
    c.on('end', () => L('C end', i));
    c.on('close', () => L('C close', i));
  }
});
''', '''
state = {'id': 0}


def on_connection(s):
    state['id'] += 1
    me = state['id']
    L('conn', me, server._connections)

    def on_data(d):
        L('S data', me, d)
        s.write(d)
    s.on('data', on_data)

    def on_end():
        L('S end', me)
        s.end()
    s.on('end', on_end)

    def on_close(h):
        L('S close', me)

        def count(e, n):
            L('left', n)
            if n == 0:
                server.close()
        server.getConnections(count)
    s.on('close', on_close)


server = uvnet.createServer(on_connection)


def client(i):
    def on_connect():
        L('C connect', i)
        c.end('msg' + str(i))
    c = uvnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', lambda d: L('C data', i, d))
    c.on('end', lambda: L('C end', i))
    c.on('close', lambda h: L('C close', i))


def on_listening():
    for i in range(1, 4):
        client(i)


server.listen(0, '127.0.0.1', on_listening)
''')
