# ruff: noqa: E501  (the embedded JS keeps the research scripts' long lines)
"""Differential tests of net.Socket against node: the same program in JS and in Python
must print the same transcript. One test (or more) per socket-side rule of
node-net.md §2 (R2-R8, R11, R12, R13, R14-R20, R22, R24, R25, R27)."""

import re

import pytest

from difftest import assert_same_output, normalize_ports


def normalize(text):
    """Ports as normalize_ports does, and also a bare port in a trace line."""
    return re.sub(r'(?<= )\d{4,5}(?= \d)', 'PORT', normalize_ports(text))

JS_PRELUDE = "const net = require('net'); const trace = require('./trace');\n"

# J(x) is JSON.stringify(x); S(x) is how console.log prints a plain value.
PY_PRELUDE = '''\
import os
import uvnet
from pytrace import fmt, js_number, trace


def J(x):
    return fmt(x, none='undefined')


def S(x):
    if x is None:
        return 'undefined'
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, str):
        return x
    if isinstance(x, (int, float)):
        return js_number(x)
    return J(x)


def E(err):
    return 'undefined' if err is None else f'{err.code}|{err}'


'''


def check(js, py, normalize=normalize, **kw):
    assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py + '\nuvnet.run()\n',
                       normalize=normalize, **kw)


# --- R2 / R3: the full event sequence of a normal exchange -------------------------------

def test_r2_full_event_sequence():
    check('''
const server = trace(net.createServer((sock) => {
  trace(sock, 'S.sock', true);
  sock.on('data', () => {});
  sock.on('close', () => server.close());
}), 'server', true);
server.listen(0, () => {
  const c = trace(net.connect(server.address().port), 'client', true);
  c.on('data', () => {});
  c.on('connect', () => { c.write('hello'); c.end(); });
});
''', '''
def on_connection(sock):
    trace(sock, 'S.sock', True)
    sock.on('data', lambda d: None)
    sock.on('close', lambda h: server.close())


server = trace(uvnet.createServer(on_connection), 'server', True)


def on_listening():
    c = trace(uvnet.connect(server.address()['port']), 'client', True)
    c.on('data', lambda d: None)

    def on_connect():
        c.write('hello')
        c.end()
    c.on('connect', on_connect)


server.listen(0, on_listening)
''')


def test_r2_echo_over_unix_socket(tmp_path):
    path = str(tmp_path / 'r2.sock')
    check(f'''
const server = net.createServer((sock) => {{ trace(sock, 'S'); sock.pipe(sock); }});
server.listen({path!r}, () => {{
  const c = trace(net.connect({path!r}), 'C');
  c.on('connect', () => c.end('ping'));
  c.resume();
  c.on('close', () => server.close());
}});
''', f'''
def on_connection(sock):
    trace(sock, 'S')
    sock.pipe(sock)


server = uvnet.createServer(on_connection)


def on_listening():
    c = trace(uvnet.connect({path!r}), 'C')
    c.on('connect', lambda: c.end('ping'))
    c.resume()
    c.on('close', lambda h: server.close())


server.listen({path!r}, on_listening)
''')


# --- R4: allowHalfOpen ---------------------------------------------------------------------

def test_r4_allow_half_open():
    check('''
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  trace(sock, 'S.sock');
  sock.on('data', () => {});
  sock.on('end', () => {
    console.log('   S.sock after end: readyState =', sock.readyState, 'writable =', sock.writable);
    setTimeout(() => { sock.write('late reply'); sock.end(); }, 50);
  });
  sock.on('close', () => server.close());
});
server.listen(0, () => {
  const c = trace(net.connect(server.address().port), 'client');
  c.on('data', () => {});
  c.on('connect', () => { c.end('hello'); console.log('   client after end(): readyState =', c.readyState); });
});
''', '''
def on_connection(sock):
    trace(sock, 'S.sock')
    sock.on('data', lambda d: None)

    def on_end():
        print('   S.sock after end: readyState =', sock.readyState, 'writable =', S(sock.writable))

        def later():
            sock.write('late reply')
            sock.end()
        uvnet.setTimeout(later, 50)
    sock.on('end', on_end)
    sock.on('close', lambda h: server.close())


server = uvnet.createServer({'allowHalfOpen': True}, on_connection)


def on_listening():
    c = trace(uvnet.connect(server.address()['port']), 'client')
    c.on('data', lambda d: None)

    def on_connect():
        c.end('hello')
        print('   client after end(): readyState =', c.readyState)
    c.on('connect', on_connect)


server.listen(0, on_listening)
''')


# --- R5: destroy ---------------------------------------------------------------------------

def test_r5_destroy():
    check('''
const server = net.createServer((sock) => sock.resume());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = trace(net.connect(port, '127.0.0.1'), 'A');
  a.on('connect', () => {
    a.destroy();
    console.log('   A sync after destroy(): destroyed =', a.destroyed, 'readyState =', a.readyState, 'pending =', a.pending);
    process.nextTick(() => console.log('   A: nextTick queued after destroy()'));
    setImmediate(() => console.log('   A: setImmediate queued after destroy()'));
  });
  a.on('close', () => {
    const b = trace(net.connect(port, '127.0.0.1'), 'B');
    b.on('error', () => {});
    b.on('connect', () => {
      b.destroy(new Error('boom'));
      console.log('   B second destroy returns this:', b.destroy() === b);
      process.nextTick(() => console.log('   B: nextTick queued after destroy(err)'));
      setImmediate(() => console.log('   B: setImmediate queued after destroy(err)'));
    });
    b.on('close', () => {
      const c = trace(net.connect(port, '127.0.0.1'), 'C');
      c.destroy();
      c.on('close', () => {
        const d = trace(new net.Socket(), 'D');
        d.destroy();
        d.on('close', (...args) => { console.log('   D close listener got', args.length, 'arguments'); server.close(); });
      });
    });
  });
});
''', '''
server = uvnet.createServer(lambda sock: sock.resume())


def on_listening():
    port = server.address()['port']
    a = trace(uvnet.connect(port, '127.0.0.1'), 'A')

    def a_connect():
        a.destroy()
        print('   A sync after destroy(): destroyed =', S(a.destroyed), 'readyState =', a.readyState,
              'pending =', S(a.pending))
        uvnet.nextTick(lambda: print('   A: nextTick queued after destroy()'))
        uvnet.setImmediate(lambda: print('   A: setImmediate queued after destroy()'))
    a.on('connect', a_connect)

    def a_close(h):
        b = trace(uvnet.connect(port, '127.0.0.1'), 'B')
        b.on('error', lambda e: None)

        def b_connect():
            b.destroy(Exception('boom'))
            print('   B second destroy returns this:', S(b.destroy() is b))
            uvnet.nextTick(lambda: print('   B: nextTick queued after destroy(err)'))
            uvnet.setImmediate(lambda: print('   B: setImmediate queued after destroy(err)'))
        b.on('connect', b_connect)

        def b_close(h):
            c = trace(uvnet.connect(port, '127.0.0.1'), 'C')
            c.destroy()

            def c_close(h):
                d = trace(uvnet.Socket(), 'D')
                d.destroy()

                def d_close(*args):
                    print('   D close listener got', len(args), 'arguments')
                    server.close()
                d.on('close', d_close)
            c.on('close', c_close)
        b.on('close', b_close)
    a.on('close', a_close)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R6: write after end -------------------------------------------------------------------

def test_r6_write_after_end():
    check('''
const server = net.createServer((sock) => sock.resume());
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'C');
  c.on('error', (e) => console.log('   error:', JSON.stringify({ name: e.name, code: e.code, message: e.message })));
  c.on('connect', () => {
    c.end();
    const ret = c.write('x', (err) => console.log('   write cb err =', err && err.code));
    console.log('   write() returned', ret);
  });
  c.on('close', () => server.close());
});
''', '''
server = uvnet.createServer(lambda sock: sock.resume())


def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'C')
    c.on('error', lambda e: print('   error:', J({'name': e.name, 'code': e.code, 'message': str(e)})))

    def on_connect():
        c.end()
        ret = c.write('x', lambda err: print('   write cb err =', err and err.code))
        print('   write() returned', S(ret))
    c.on('connect', on_connect)
    c.on('close', lambda h: server.close())


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R7: write after the peer's FIN --------------------------------------------------------

def test_r7_write_after_fin():
    check('''
const server = net.createServer((sock) => sock.end());
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'C');
  c.resume();
  c.on('error', (e) => console.log('   error:', JSON.stringify({ code: e.code, message: e.message, errno: e.errno, syscall: e.syscall })));
  c.on('end', () => {
    console.log('   in end listener: writableEnded =', c.writableEnded, 'readyState =', c.readyState);
    process.nextTick(() => process.nextTick(() => {
      console.log('   two ticks later: writableEnded =', c.writableEnded, 'writableFinished =', c.writableFinished);
      const r = c.write('too late', (err) => console.log('   write cb err =', err && err.code));
      console.log('   write() returned', r);
    }));
  });
  c.on('close', (h) => { console.log('   close', h); server.close(); });
});
''', '''
server = uvnet.createServer(lambda sock: sock.end())


def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'C')
    c.resume()
    c.on('error', lambda e: print('   error:', J({k: v for k, v in (
        ('code', e.code), ('message', str(e)), ('errno', getattr(e, 'errno', None)),
        ('syscall', getattr(e, 'syscall', None))) if v is not None})))

    def on_end():
        print('   in end listener: writableEnded =', S(c.writableEnded), 'readyState =', c.readyState)

        def later():
            print('   two ticks later: writableEnded =', S(c.writableEnded),
                  'writableFinished =', S(c.writableFinished))
            r = c.write('too late', lambda err: print('   write cb err =', err and err.code))
            print('   write() returned', S(r))
        uvnet.nextTick(lambda: uvnet.nextTick(later))
    c.on('end', on_end)

    def on_close(h):
        print('   close', S(h))
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


def test_r7_write_inside_end_listener_still_works():
    check('''
const server = net.createServer((sock) => {
  let got = ''; sock.on('data', (d) => got += d); sock.end();
  sock.on('close', () => { console.log('server got', got); server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => console.log('   write in end returned', c.write('in-end', (err) => console.log('   cb', err == null))));
});
''', '''
def on_connection(sock):
    got = []
    sock.on('data', lambda d: got.append(d.decode()))
    sock.end()

    def on_close(h):
        print('server got', ''.join(got))
        server.close()
    sock.on('close', on_close)


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()
    c.on('end', lambda: print('   write in end returned',
                              S(c.write('in-end', lambda err: print('   cb', S(err is None))))))


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R8: write callbacks, return value, 'drain' --------------------------------------------

def test_r8_write_callbacks_and_drain():
    check('''
const server = net.createServer((sock) => {
  sock.pause(); setTimeout(() => sock.resume(), 200);
  sock.on('end', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('writableHighWaterMark =', c.writableHighWaterMark, 'readableHighWaterMark =', c.readableHighWaterMark);
  console.log('write before connect returned', c.write('early', () => console.log('cb(early)')),
    '| writableLength =', c.writableLength, 'bufferSize =', c.bufferSize, 'bytesWritten =', c.bytesWritten);
  c.on('connect', () => {
    console.log("user 'connect' listener");
    console.log('small write returned', c.write('small', () => console.log('cb(small)')), '| writableLength =', c.writableLength);
    process.nextTick(() => console.log('user nextTick queued after the small write'));
    let i = 0; while (c.write(Buffer.alloc(64 * 1024))) i++;
    console.log(`write() returned false on 64KiB write #${i + 1}; writableNeedDrain =`, c.writableNeedDrain, 'writableLength =', c.writableLength);
    c.once('drain', () => { console.log("'drain': writableLength =", c.writableLength, 'bytesWritten =', c.bytesWritten); c.end(); });
  });
});
''', '''
def on_connection(sock):
    sock.pause()
    uvnet.setTimeout(lambda: sock.resume(), 200)
    sock.on('end', lambda: server.close())


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    print('writableHighWaterMark =', c.writableHighWaterMark, 'readableHighWaterMark =',
          c.readableHighWaterMark)
    print('write before connect returned', S(c.write('early', lambda err: print('cb(early)'))),
          '| writableLength =', c.writableLength, 'bufferSize =', c.bufferSize,
          'bytesWritten =', c.bytesWritten)

    def on_connect():
        print("user 'connect' listener")
        print('small write returned', S(c.write('small', lambda err: print('cb(small)'))),
              '| writableLength =', c.writableLength)
        uvnet.nextTick(lambda: print('user nextTick queued after the small write'))
        i = 0
        while c.write(bytes(64 * 1024)):
            i += 1
        print(f'write() returned false on 64KiB write #{i + 1}; writableNeedDrain =',
              S(c.writableNeedDrain), 'writableLength =', c.writableLength)

        def on_drain():
            print("'drain': writableLength =", c.writableLength, 'bytesWritten =', c.bytesWritten)
            c.end()
        c.once('drain', on_drain)
    c.on('connect', on_connect)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R11: connect error objects ------------------------------------------------------------

def test_r11_econnrefused_and_enotfound():
    check('''
const show = (label, e) => console.log(label, JSON.stringify({ name: e.name, message: e.message, ...e }));
const c = net.connect(1, '127.0.0.1');
c.on('error', (e) => show('ECONNREFUSED:', e));
c.on('close', (h) => {
  console.log('  close hadError =', h);
  const d = net.connect(80, 'no-such-host.invalid');
  d.on('lookup', (...a) => console.log('  lookup event args:', a.map((x) => x instanceof Error ? x.code : String(x)).join(' ')));
  d.on('error', (e) => show('ENOTFOUND:', e));
  d.on('close', (h) => console.log('  close hadError =', h));
});
''', '''
def show(label, e):
    fields = {'name': e.name, 'message': str(e)}
    for k in ('errno', 'code', 'syscall', 'address', 'port', 'hostname'):
        if getattr(e, k, None) is not None:
            fields[k] = getattr(e, k)
    print(label, J(fields))


c = uvnet.connect(1, '127.0.0.1')
c.on('error', lambda e: show('ECONNREFUSED:', e))


def c_close(h):
    print('  close hadError =', S(h))
    d = uvnet.connect(80, 'no-such-host.invalid')
    d.on('lookup', lambda *a: print('  lookup event args:',
                                    ' '.join(x.code if isinstance(x, Exception) else S(x) for x in a)))
    d.on('error', lambda e: show('ENOTFOUND:', e))
    d.on('close', lambda h: print('  close hadError =', S(h)))


c.on('close', c_close)
''')


def test_r11_bind_eaddrinuse_and_local_details():
    check('''
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1', localPort: port });
  c.on('error', (e) => console.log('bind:', e.message, e.code, e.syscall, e.address, e.port === port));
  c.on('close', (h) => { console.log('close', h); server.close(); });
});
''', '''
server = uvnet.createServer(lambda s: s.resume())


def on_listening():
    port = server.address()['port']
    c = uvnet.connect({'port': port, 'host': '127.0.0.1', 'localAddress': '127.0.0.1',
                       'localPort': port})
    c.on('error', lambda e: print('bind:', str(e), e.code, e.syscall, e.address, S(e.port == port)))

    def on_close(h):
        print('close', S(h))
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')



def test_r11_bind_and_connect_addresses_as_tcp_wrap_makes_them():
    """tcp_wrap's Bind/Connect take an IPv4 address, Bind6/Connect6 an IPv6 one (EINVAL
    otherwise, at bind, before any attempt); an IPv6 zone is the scope id; localPort is
    Int32Value cut to 16 bits, and checkBindError turns a port that differs into
    EADDRINUSE (70000 binds 4464; -1 binds 65535, then fails to connect)."""
    check(r"""
const results = [];
const cases = [
  { port: 1, host: '127.0.0.1', localAddress: '::1' },
  { port: 1, host: '::1', localAddress: '127.0.0.1' },
  { port: 1, host: '127.0.0.1', localPort: 70000 },
  { port: 1, host: '127.0.0.1', localPort: 1.5 },
  { port: 1, host: '127.0.0.1', localPort: -1 },
  { port: 9, host: 'fe80::1%lo' },
];
function next(i) {
  if (i === cases.length) return;
  const c = net.connect(cases[i]);
  c.on('connectionAttempt', (ip, port, family) => console.log(i, 'attempt', ip, port, family));
  c.on('error', (e) => console.log(i, 'error', e.code, e.syscall, e.message));
  c.on('close', (h) => { console.log(i, 'close', h); next(i + 1); });
}
next(0);
""", """
cases = [
    {'port': 1, 'host': '127.0.0.1', 'localAddress': '::1'},
    {'port': 1, 'host': '::1', 'localAddress': '127.0.0.1'},
    {'port': 1, 'host': '127.0.0.1', 'localPort': 70000},
    {'port': 1, 'host': '127.0.0.1', 'localPort': 1.5},
    {'port': 1, 'host': '127.0.0.1', 'localPort': -1},
    {'port': 9, 'host': 'fe80::1%lo'},
]


def next_case(i):
    if i == len(cases):
        return
    c = uvnet.connect(cases[i])
    c.on('connectionAttempt', lambda ip, port, family: print(i, 'attempt', ip, port, family))
    c.on('error', lambda e: print(i, 'error', e.code, e.syscall, str(e)))
    c.on('close', lambda h: (print(i, 'close', S(h)), next_case(i + 1)))


next_case(0)
""")



def test_r8_a_queued_buffer_is_the_callers_own():
    """Writable.write keeps the caller's Buffer, as Node does: a change made before a
    queued write goes out is what is sent, and _write gets the same object; a bytearray
    (Node's Uint8Array) reaches _write as a Buffer; a memoryview of 16-bit items counts
    and sends its bytes."""
    check(r"""
const { Writable } = require('stream');
const w = new Writable({ write(chunk, enc, cb) {
  console.log('same object', chunk === b0, Buffer.isBuffer(chunk), chunk.readUInt8(0), enc); cb(); } });
const b0 = Buffer.from('abc');
w.write(b0);
w.write(new Uint8Array([7, 8]));
const server = net.createServer((s) => {
  const got = [];
  s.on('data', (d) => got.push(d));
  s.on('end', () => { console.log('server got', Buffer.concat(got).toString('hex')); server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const b = Buffer.from('hello');
  c.write(b);
  b[0] = 0x4a;
  c.write(Buffer.from(new Uint16Array([0x102, 0x304]).buffer));
  console.log('writableLength', c.writableLength);
  c.end();
});
""", """
import array
from uvnet.stream import Writable


def write(chunk, enc, cb):
    print('same object', S(chunk is b0), S(uvnet.Buffer.isBuffer(chunk)), chunk.readUInt8(0), enc)
    cb()


w = Writable(write=write)
b0 = uvnet.Buffer.from_('abc')
w.write(b0)
w.write(bytearray([7, 8]))


def on_connection(s):
    got = []
    s.on('data', got.append)
    s.on('end', lambda: (print('server got', b''.join(got).hex()), server.close()))


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    b = uvnet.Buffer.from_('hello')
    c.write(b)
    b[0] = 0x4a
    c.write(memoryview(array.array('H', [0x102, 0x304])))
    print('writableLength', c.writableLength)
    c.end()


server.listen(0, '127.0.0.1', on_listening)
""")


# --- R12: argument errors are thrown synchronously (connect side) ----------------------------

def test_r12_connect_argument_errors():
    check('''
const t = (label, fn) => { try { const r = fn(); console.log(label, '-> no throw'); r.on('error', () => {}); r.destroy(); }
  catch (e) { console.log(label, '->', `${e.code}`); } };
for (const p of [70000, -1, 'abc', 65536, 1.5, NaN, '', true, null, {}])
  t(`connect({port: ${JSON.stringify(p)}})`, () => net.connect({ port: p, host: '127.0.0.1' }));
t('connect(70000)', () => net.connect(70000));
t("connect('80') string port", () => net.connect({ port: '80', host: '127.0.0.1' }));
t('connect()', () => net.connect());
t("connect({host:'x'})", () => net.connect({ host: 'x' }));
t("connect({port:1, localAddress:'nope'})", () => net.connect({ port: 1, localAddress: 'nope' }));
t("connect({port:1, localPort:'1'})", () => net.connect({ port: 1, localPort: '1' }));
t("connect({port:1, autoSelectFamily:1})", () => net.connect({ port: 1, autoSelectFamily: 1 }));
t("connect({port:1, autoSelectFamilyAttemptTimeout:0})", () => net.connect({ port: 1, autoSelectFamilyAttemptTimeout: 0 }));
t("connect({port:1, host:'x', lookup:1})", () => net.connect({ port: 1, host: 'x', lookup: 1 }));
t('connect({path: 1})', () => net.connect({ path: 1 }));
t('new Socket({objectMode:true})', () => new net.Socket({ objectMode: true }));
t('new Socket({readableObjectMode:true})', () => new net.Socket({ readableObjectMode: true }));
t("new Socket({keepAliveInitialDelay:'1'})", () => new net.Socket({ keepAliveInitialDelay: '1' }));
t("socket.setTimeout('100')", () => new net.Socket().setTimeout('100'));
t('socket.setTimeout(-1)', () => new net.Socket().setTimeout(-1));
t('socket.setTimeout(Infinity)', () => new net.Socket().setTimeout(Infinity));
t('socket.setTimeout(1, 1)', () => new net.Socket().setTimeout(1, 1));
t('socket.write(1337)', () => new net.Socket().write(1337));
t('setDefaultAutoSelectFamily(1)', () => net.setDefaultAutoSelectFamily(1));
t('setDefaultAutoSelectFamilyAttemptTimeout(0)', () => net.setDefaultAutoSelectFamilyAttemptTimeout(0));
net.setDefaultAutoSelectFamilyAttemptTimeout(5);
console.log('attempt timeout clamped to', net.getDefaultAutoSelectFamilyAttemptTimeout(), 'autoSelectFamily', net.getDefaultAutoSelectFamily());
''', '''
import math


def t(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', e.code)
        return
    print(label, '-> no throw')
    r.on('error', lambda e: None)
    r.destroy()


for p in [70000, -1, 'abc', 65536, 1.5, math.nan, '', True, None, {}]:
    t(f"connect({{port: {fmt(p, none='null')}}})", lambda: uvnet.connect({'port': p, 'host': '127.0.0.1'}))
t('connect(70000)', lambda: uvnet.connect(70000))
t("connect('80') string port", lambda: uvnet.connect({'port': '80', 'host': '127.0.0.1'}))
t('connect()', lambda: uvnet.connect())
t("connect({host:'x'})", lambda: uvnet.connect({'host': 'x'}))
t("connect({port:1, localAddress:'nope'})", lambda: uvnet.connect(port=1, localAddress='nope'))
t("connect({port:1, localPort:'1'})", lambda: uvnet.connect(port=1, localPort='1'))
t("connect({port:1, autoSelectFamily:1})", lambda: uvnet.connect(port=1, autoSelectFamily=1))
t("connect({port:1, autoSelectFamilyAttemptTimeout:0})",
  lambda: uvnet.connect(port=1, autoSelectFamilyAttemptTimeout=0))
t("connect({port:1, host:'x', lookup:1})", lambda: uvnet.connect(port=1, host='x', lookup=1))
t('connect({path: 1})', lambda: uvnet.connect({'path': 1}))
t('new Socket({objectMode:true})', lambda: uvnet.Socket({'objectMode': True}))
t('new Socket({readableObjectMode:true})', lambda: uvnet.Socket(readableObjectMode=True))
t("new Socket({keepAliveInitialDelay:'1'})", lambda: uvnet.Socket(keepAliveInitialDelay='1'))
t("socket.setTimeout('100')", lambda: uvnet.Socket().setTimeout('100'))
t('socket.setTimeout(-1)', lambda: uvnet.Socket().setTimeout(-1))
t('socket.setTimeout(Infinity)', lambda: uvnet.Socket().setTimeout(math.inf))
t('socket.setTimeout(1, 1)', lambda: uvnet.Socket().setTimeout(1, 1))
t('socket.write(1337)', lambda: uvnet.Socket().write(1337))
t('setDefaultAutoSelectFamily(1)', lambda: uvnet.setDefaultAutoSelectFamily(1))
t('setDefaultAutoSelectFamilyAttemptTimeout(0)',
  lambda: uvnet.setDefaultAutoSelectFamilyAttemptTimeout(0))
uvnet.setDefaultAutoSelectFamilyAttemptTimeout(5)
print('attempt timeout clamped to', uvnet.getDefaultAutoSelectFamilyAttemptTimeout(),
      'autoSelectFamily', S(uvnet.getDefaultAutoSelectFamily()))
''')


def test_r12_connect_argument_messages():
    """Messages, for the errors whose wording names no JS type or value (API.md: Python's
    type names stand in for JS's)."""
    check('''
const t = (label, fn) => { try { fn(); } catch (e) { console.log(label, '->', e.name, e.message); } };
t('no args', () => net.connect());
t('localAddress', () => net.connect({ port: 1, localAddress: 'nope' }));
t('msecs -1', () => new net.Socket().setTimeout(-1));
''', '''
def t(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, '->', e.name, str(e))


t('no args', lambda: uvnet.connect())
t('localAddress', lambda: uvnet.connect({'port': 1, 'localAddress': 'nope'}))
t('msecs -1', lambda: uvnet.Socket().setTimeout(-1))
''')


# --- R13: Unix domain sockets ----------------------------------------------------------------

def test_r13_unix_socket_client(tmp_path):
    path = str(tmp_path / 'r13.sock')
    check(f'''
const path = {path!r};
const server = net.createServer((sock) => {{
  console.log('   server sock: remoteAddress =', sock.remoteAddress, 'remotePort =', sock.remotePort, 'address() =', JSON.stringify(sock.address()));
  sock.end('hi');
}});
server.listen(path, () => {{
  const c = trace(net.connect(path), 'C');
  console.log('   client sync: connecting =', c.connecting, 'readyState =', c.readyState);
  c.on('connect', () => console.log('   client: remoteAddress =', c.remoteAddress, 'localAddress =', c.localAddress, 'address() =', JSON.stringify(c.address())));
  c.resume();
  c.on('close', () => server.close(() => {{
    const m = trace(net.connect(path + '.missing'), 'M');
    m.on('error', (e) => console.log('   missing path:', JSON.stringify({{ message: e.message, ...e }})));
  }}));
}});
''', f'''
path = {path!r}


def on_connection(sock):
    print('   server sock: remoteAddress =', S(sock.remoteAddress), 'remotePort =',
          S(sock.remotePort), 'address() =', J(sock.address()))
    sock.end('hi')


server = uvnet.createServer(on_connection)


def on_listening():
    c = trace(uvnet.connect(path), 'C')
    print('   client sync: connecting =', S(c.connecting), 'readyState =', c.readyState)
    c.on('connect', lambda: print('   client: remoteAddress =', S(c.remoteAddress),
                                  'localAddress =', S(c.localAddress), 'address() =', J(c.address())))
    c.resume()

    def after_close(*a):
        m = trace(uvnet.connect(path + '.missing'), 'M')
        m.on('error', lambda e: print('   missing path:', J({{
            'message': str(e), 'errno': e.errno, 'code': e.code, 'syscall': e.syscall,
            'address': e.address}})))
    c.on('close', lambda h: server.close(after_close))


server.listen(path, on_listening)
''')


# --- R14: readyState, connecting, pending, byte counters -------------------------------------

ST_JS = '''
const st = (label, s) => console.log(label.padEnd(24), JSON.stringify({ readyState: s.readyState, connecting: s.connecting, pending: s.pending,
  readable: s.readable, writable: s.writable, destroyed: s.destroyed, bytesRead: s.bytesRead, bytesWritten: s.bytesWritten,
  remote: s.remoteAddress && `${s.remoteAddress}:${s.remotePort}/${s.remoteFamily}`, localPort: s.localPort }));
'''
ST_PY = '''
def st(label, s):
    d = {'readyState': s.readyState, 'connecting': s.connecting, 'pending': s.pending,
         'readable': s.readable, 'writable': s.writable, 'destroyed': s.destroyed,
         'bytesRead': s.bytesRead, 'bytesWritten': s.bytesWritten}
    if s.remoteAddress:
        d['remote'] = f'{s.remoteAddress}:{s.remotePort}/{s.remoteFamily}'
    if s.localPort is not None:
        d['localPort'] = s.localPort
    print(label.ljust(24), J(d))
'''


def test_r14_states_across_lifecycle():
    check(ST_JS + '''
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  sock.resume();
  sock.on('end', () => setTimeout(() => sock.end('bye!'), 30));
});
server.listen(0, '127.0.0.1', () => {
  const s = new net.Socket({ allowHalfOpen: true });
  st('new Socket()', s);
  s.connect(server.address().port, '127.0.0.1');
  st('after connect() (sync)', s);
  s.on('connect', () => { st("'connect'", s); s.write('12345'); st('after write(5 bytes)', s); s.end(); st('after end() (sync)', s); });
  s.resume();
  s.on('finish', () => st("'finish'", s));
  s.on('end', () => st("'end'", s));
  s.on('close', () => { st("'close'", s); server.close(); });
});
''', ST_PY + '''
def on_connection(sock):
    sock.resume()
    sock.on('end', lambda: uvnet.setTimeout(lambda: sock.end('bye!'), 30))


server = uvnet.createServer({'allowHalfOpen': True}, on_connection)


def on_listening():
    s = uvnet.Socket({'allowHalfOpen': True})
    st('new Socket()', s)
    s.connect(server.address()['port'], '127.0.0.1')
    st('after connect() (sync)', s)

    def on_connect():
        st("'connect'", s)
        s.write('12345')
        st('after write(5 bytes)', s)
        s.end()
        st('after end() (sync)', s)
    s.on('connect', on_connect)
    s.resume()
    s.on('finish', lambda: st("'finish'", s))
    s.on('end', lambda: st("'end'", s))

    def on_close(h):
        st("'close'", s)
        server.close()
    s.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


def test_r14_unix_states(tmp_path):
    path = str(tmp_path / 'r14.sock')
    check(ST_JS + f'''
const server = net.createServer((sock) => sock.end('abc'));
server.listen({path!r}, () => {{
  const s = net.connect({path!r});
  st('connecting', s);
  s.on('connect', () => st('connect', s));
  s.resume();
  s.on('close', () => {{ st('close', s); server.close(); }});
}});
''', ST_PY + f'''
server = uvnet.createServer(lambda sock: sock.end('abc'))


def on_listening():
    s = uvnet.connect({path!r})
    st('connecting', s)
    s.on('connect', lambda: st('connect', s))
    s.resume()

    def on_close(h):
        st('close', s)
        server.close()
    s.on('close', on_close)


server.listen({path!r}, on_listening)
''')


# --- R15: setTimeout ---------------------------------------------------------------------------

def test_r15_set_timeout():
    check('''
const server = net.createServer((sock) => sock.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const r = c.setTimeout(100, () => console.log('setTimeout callback (a once listener)'));
  console.log('setTimeout returns this:', r === c, '| socket.timeout =', c.timeout);
  let n = 0;
  c.on('timeout', () => {
    n++;
    console.log(`'timeout' #${n}; destroyed =`, c.destroyed, 'readyState =', c.readyState);
    if (n === 1) setTimeout(() => c.write('activity'), 10);
    if (n === 2) { c.setTimeout(0); console.log('setTimeout(0) disables; socket.timeout =', c.timeout); setTimeout(() => c.destroy(), 300); }
  });
  c.on('close', () => { console.log("'close'"); server.close(); });
});
const u = new net.Socket();
u.setTimeout(20, () => { console.log('timeout on a socket with no handle'); u.destroy(); });
''', '''
server = uvnet.createServer(lambda sock: sock.resume())


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    r = c.setTimeout(100, lambda: print('setTimeout callback (a once listener)'))
    print('setTimeout returns this:', S(r is c), '| socket.timeout =', c.timeout)
    n = [0]

    def on_timeout():
        n[0] += 1
        print(f"'timeout' #{n[0]}; destroyed =", S(c.destroyed), 'readyState =', c.readyState)
        if n[0] == 1:
            uvnet.setTimeout(lambda: c.write('activity'), 10)
        if n[0] == 2:
            c.setTimeout(0)
            print('setTimeout(0) disables; socket.timeout =', c.timeout)
            uvnet.setTimeout(lambda: c.destroy(), 300)
    c.on('timeout', on_timeout)

    def on_close(h):
        print("'close'")
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
u = uvnet.Socket()


def u_timeout():
    print('timeout on a socket with no handle')
    u.destroy()


u.setTimeout(20, u_timeout)
''')


# --- R16: pauseOnConnect, 'readable' + read(), setEncoding (client side) -----------------------

def test_r16_client_readable_and_encoding():
    check('''
const server = net.createServer((sock) => {
  const e = Buffer.from('é');
  sock.write(Buffer.concat([Buffer.from('h'), e.subarray(0, 1)]));
  setTimeout(() => sock.end(e.subarray(1)), 30);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('readableFlowing before any listener =', c.readableFlowing);
  c.setEncoding('utf8');
  c.on('readable', () => {
    const got = []; let chunk;
    while ((chunk = c.read()) !== null) got.push(chunk);
    console.log("'readable': read() ->", JSON.stringify(got));
  });
  c.on('end', () => console.log("'end'"));
  c.on('close', () => server.close());
});
''', '''
def on_connection(sock):
    e = 'é'.encode()
    sock.write(b'h' + e[:1])
    uvnet.setTimeout(lambda: sock.end(e[1:]), 30)


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    print('readableFlowing before any listener =', J(c.readableFlowing).replace('undefined', 'null'))
    c.setEncoding('utf8')

    def on_readable():
        got = []
        while True:
            chunk = c.read()
            if chunk is None:
                break
            got.append(chunk)
        print("'readable': read() ->", J(got))
    c.on('readable', on_readable)
    c.on('end', lambda: print("'end'"))
    c.on('close', lambda h: server.close())


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R17: peer reset ---------------------------------------------------------------------------

def test_r17_reset_and_destroy():
    check('''
const server = net.createServer((sock) => { trace(sock, 'S'); sock.on('data', () => sock.resetAndDestroy()); });
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'C');
  c.on('error', (e) => console.log('   C error:', JSON.stringify({ message: e.message, ...e })));
  c.on('connect', () => c.write('x'));
  c.resume();
  c.on('close', () => server.close());
});
''', '''
def on_connection(sock):
    trace(sock, 'S')
    sock.on('data', lambda d: sock.resetAndDestroy())


server = uvnet.createServer(on_connection)


def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'C')
    c.on('error', lambda e: print('   C error:', J({'message': str(e), 'errno': e.errno,
                                                    'code': e.code, 'syscall': e.syscall})))
    c.on('connect', lambda: c.write('x'))
    c.resume()
    c.on('close', lambda h: server.close())


server.listen(0, '127.0.0.1', on_listening)
''')


def test_r17_reset_and_destroy_edge_cases(tmp_path):
    path = str(tmp_path / 'r17.sock')
    check(f'''
const a = trace(new net.Socket(), 'A');
a.on('error', () => {{}});
a.resetAndDestroy();
const server = net.createServer((s) => s.resume());
server.listen({path!r}, () => {{
  const p = net.connect({path!r});
  try {{ p.resetAndDestroy(); }} catch (e) {{ console.log('pipe:', e.code, e.message); }}
  p.destroy();
  server.close();
}});
''', f'''
a = trace(uvnet.Socket(), 'A')
a.on('error', lambda e: None)
a.resetAndDestroy()
server = uvnet.createServer(lambda s: s.resume())


def on_listening():
    p = uvnet.connect({path!r})
    try:
        p.resetAndDestroy()
    except Exception as e:
        print('pipe:', e.code, str(e))
    p.destroy()
    server.close()


server.listen({path!r}, on_listening)
''')


# --- R18: writes queued before connect ---------------------------------------------------------

def test_r18_pending_writes_fail():
    check('''
const a = trace(net.connect(1, '127.0.0.1'), 'A');
a.write('queued-1', (err) => console.log('   A write#1 cb:', err && `${err.code}|${err.message}`));
a.write('queued-2', (err) => console.log('   A write#2 cb:', err && `${err.code}|${err.message}`));
a.end((err) => console.log('   A end cb:', err && err.code));
console.log('   A bytesWritten while connecting =', a.bytesWritten);
a.on('error', () => {});
a.on('close', () => {
  const b = trace(net.connect(1, '127.0.0.1'), 'B');
  b.write('queued', (err) => console.log('   B write cb:', err && `${err.code}|${err.message}`));
  b.destroy();
});
''', '''
a = trace(uvnet.connect(1, '127.0.0.1'), 'A')
a.write('queued-1', lambda err: print('   A write#1 cb:', E(err)))
a.write('queued-2', lambda err: print('   A write#2 cb:', E(err)))
a.end(lambda err=None: print('   A end cb:', err.code if err else S(err)))
print('   A bytesWritten while connecting =', a.bytesWritten)
a.on('error', lambda e: None)


def a_close(h):
    b = trace(uvnet.connect(1, '127.0.0.1'), 'B')
    b.write('queued', lambda err: print('   B write cb:', E(err)))
    b.destroy()


a.on('close', a_close)
''')


def test_r18_pending_writes_flushed_on_connect(tmp_path):
    path = str(tmp_path / 'r18.sock')
    check(f'''
const server = net.createServer((s) => {{ let got = ''; s.setEncoding('utf8'); s.on('data', (d) => got += d); s.on('end', () => {{ console.log('server got', got); s.end(); }}); }});
server.listen({path!r}, () => {{
  const c = net.connect({path!r});
  c.write('a', () => console.log('cb a'));
  c.write('b', 'latin1', () => console.log('cb b'));
  c.write(Buffer.from('c'), () => console.log('cb c'));
  c.end('d', () => console.log('end cb'));
  c.on('connect', () => console.log('user connect'));
  c.resume();
  c.on('close', () => {{ console.log('close', c.bytesWritten); server.close(); }});
}});
''', f'''
def on_connection(s):
    got = []
    s.setEncoding('utf8')
    s.on('data', lambda d: got.append(d))

    def on_end():
        print('server got', ''.join(got))
        s.end()
    s.on('end', on_end)


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect({path!r})
    c.write('a', lambda err: print('cb a'))
    c.write('b', 'latin1', lambda err: print('cb b'))
    c.write(b'c', lambda err: print('cb c'))
    c.end('d', lambda err=None: print('end cb'))
    c.on('connect', lambda: print('user connect'))
    c.resume()

    def on_close(h):
        print('close', c.bytesWritten)
        server.close()
    c.on('close', on_close)


server.listen({path!r}, on_listening)
''')


# --- R19: autoSelectFamily ---------------------------------------------------------------------

def test_r19_autoselect_aggregate_error():
    check('''
const lookup = (host, opts, cb) => {
  console.log('   lookup() called with', host, JSON.stringify(opts));
  process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]);
};
const c = trace(net.connect({ host: 'example.test', port: 1, lookup }), 'C', true);
c.on('error', (e) => {
  console.log('   error:', e.constructor.name, JSON.stringify({ name: e.name, code: e.code, message: e.message }));
  console.log('   error.errors:', JSON.stringify(e.errors.map((x) => x.message)), '| attempted =', JSON.stringify(c.autoSelectFamilyAttemptedAddresses));
});
''', '''
def lookup(host, opts, cb):
    print('   lookup() called with', host, J(opts))
    uvnet.nextTick(cb, None, [{'address': '127.0.0.1', 'family': 4}, {'address': '::1', 'family': 6}])


c = trace(uvnet.connect({'host': 'example.test', 'port': 1, 'lookup': lookup}), 'C', True)


def on_error(e):
    print('   error:', e.name, J({'name': e.name, 'code': e.code, 'message': str(e)}))
    print('   error.errors:', J([str(x) for x in e.errors]), '| attempted =',
          J(c.autoSelectFamilyAttemptedAddresses))


c.on('error', on_error)
''')


def test_r19_autoselect_success_and_single_address():
    check('''
const server = net.createServer((s) => s.end('hi'));
server.listen(0, '::', () => {
  const port = server.address().port;
  const lookup = (host, opts, cb) => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]);
  const c = trace(net.connect({ host: 'dual.test', port, lookup }), 'C', true);
  c.resume();
  c.on('close', () => {
    console.log('attempted', JSON.stringify(c.autoSelectFamilyAttemptedAddresses), c.remoteFamily);
    const one = (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const d = trace(net.connect({ host: 'one.test', port, lookup: one }), 'D', true);
    d.resume();
    d.on('close', () => { console.log('attempted', JSON.stringify(d.autoSelectFamilyAttemptedAddresses)); server.close(); });
  });
});
''', '''
server = uvnet.createServer(lambda s: s.end('hi'))


def on_listening():
    port = server.address()['port']

    def lookup(host, opts, cb):
        cb(None, [{'address': '::1', 'family': 6}, {'address': '127.0.0.1', 'family': 4},
                  {'address': '::1', 'family': 6}])
    c = trace(uvnet.connect({'host': 'dual.test', 'port': port, 'lookup': lookup}), 'C', True)
    c.resume()

    def c_close(h):
        print('attempted', J(c.autoSelectFamilyAttemptedAddresses), S(c.remoteFamily))

        def one(host, opts, cb):
            cb(None, [{'address': '127.0.0.1', 'family': 4}])
        d = trace(uvnet.connect({'host': 'one.test', 'port': port, 'lookup': one}), 'D', True)
        d.resume()

        def d_close(h):
            print('attempted', J(d.autoSelectFamilyAttemptedAddresses))
            server.close()
        d.on('close', d_close)
    c.on('close', c_close)


server.listen(0, '::', on_listening)
''')


def test_r19_autoselect_off_and_lookup_errors():
    check('''
const bad = (host, opts, cb) => { console.log('   lookup opts', JSON.stringify(opts)); cb(null, 'not-an-ip', 4); };
const a = trace(net.connect({ host: 'a.test', port: 1, lookup: bad, autoSelectFamily: false }), 'A', true);
a.on('error', () => {});
a.on('close', () => {
  const fam = (host, opts, cb) => cb(null, '127.0.0.1', 5);
  const b = trace(net.connect({ host: 'b.test', port: 1, lookup: fam, family: 4 }), 'B', true);
  b.on('error', () => {});
  b.on('close', () => {
    const err = (host, opts, cb) => { const e = new Error('nope'); e.code = 'EFAKE'; cb(e); };
    const d = trace(net.connect({ host: 'd.test', port: 1, lookup: err }), 'D', true);
    d.on('error', () => {});
  });
});
''', '''
def bad(host, opts, cb):
    print('   lookup opts', J(opts))
    cb(None, 'not-an-ip', 4)


a = trace(uvnet.connect({'host': 'a.test', 'port': 1, 'lookup': bad, 'autoSelectFamily': False}),
          'A', True)
a.on('error', lambda e: None)


class Fake(Exception):
    code = 'EFAKE'


def a_close(h):
    def fam(host, opts, cb):
        cb(None, '127.0.0.1', 5)
    b = trace(uvnet.connect({'host': 'b.test', 'port': 1, 'lookup': fam, 'family': 4}), 'B', True)
    b.on('error', lambda e: None)

    def b_close(h):
        def err(host, opts, cb):
            cb(Fake('nope'))
        d = trace(uvnet.connect({'host': 'd.test', 'port': 1, 'lookup': err}), 'D', True)
        d.on('error', lambda e: None)
    b.on('close', b_close)


a.on('close', a_close)
''')


# --- R20: unconsumed data blocks 'end' -----------------------------------------------------------

def test_r20_unconsumed_data_blocks_end():
    # Which of the two sockets' 'close' comes first depends on libuv's poll order, so the
    # client's end/close are reported once both sockets have closed.
    check('''
let closed = 0; const seen = [];
const done = () => { if (++closed === 2) { console.log('   client saw', seen.join(' ')); server.close(); } };
const server = net.createServer((s) => {
  trace(s, 'S');
  s.on('close', done);
  setTimeout(() => { console.log('   200ms: S.readableLength =', s.readableLength, 'readableEnded =', s.readableEnded, 'destroyed =', s.destroyed); s.resume(); }, 200);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('connect', () => { seen.push('connect'); c.end('hello'); });
  c.on('finish', () => seen.push('finish'));
  c.on('end', () => seen.push('end'));
  c.on('close', (h) => { seen.push('close ' + h); done(); });
});
''', '''
closed = [0]
seen = []


def done(*args):
    closed[0] += 1
    if closed[0] == 2:
        print('   client saw', ' '.join(seen))
        server.close()


def on_connection(s):
    trace(s, 'S')
    s.on('close', done)

    def later():
        print('   200ms: S.readableLength =', s.readableLength, 'readableEnded =',
              S(s.readableEnded), 'destroyed =', S(s.destroyed))
        s.resume()
    uvnet.setTimeout(later, 200)


server = uvnet.createServer(on_connection)


def on_listening():
    c = uvnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()

    def on_connect():
        seen.append('connect')
        c.end('hello')
    c.on('connect', on_connect)
    c.on('finish', lambda: seen.append('finish'))
    c.on('end', lambda: seen.append('end'))

    def on_close(h):
        seen.append('close ' + S(h))
        done()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R22: a never-connected socket ---------------------------------------------------------------

def test_r22_never_connected():
    check('''
const s = trace(new net.Socket(), 'S');
console.log('address() =', JSON.stringify(s.address()), 'remoteAddress =', s.remoteAddress, 'localPort =', s.localPort, 'bufferSize =', s.bufferSize, 'pending =', s.pending, 'readyState =', s.readyState);
s.on('error', () => {});
s.write('x', (err) => console.log('   write cb:', err && `${err.code}|${err.message}`));
const t = new net.Socket();
t.end(() => console.log('   T end cb'));
setTimeout(() => console.log('T after 50ms: writableEnded =', t.writableEnded, 'writableFinished =', t.writableFinished, 'destroyed =', t.destroyed), 50);
''', '''
s = trace(uvnet.Socket(), 'S')
print('address() =', J(s.address()), 'remoteAddress =', S(s.remoteAddress), 'localPort =',
      S(s.localPort), 'bufferSize =', S(s.bufferSize), 'pending =', S(s.pending),
      'readyState =', s.readyState)
s.on('error', lambda e: None)
s.write('x', lambda err: print('   write cb:', E(err)))
t = uvnet.Socket()
t.end(lambda err=None: print('   T end cb'))
uvnet.setTimeout(lambda: print('T after 50ms: writableEnded =', S(t.writableEnded),
                               'writableFinished =', S(t.writableFinished),
                               'destroyed =', S(t.destroyed)), 50)
''')


# --- R24: write/end after destroy ----------------------------------------------------------------

def test_r24_write_after_destroy():
    check('''
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'C');
  c.on('connect', () => {
    c.destroy();
    console.log('   write() after destroy returned', c.write('x', (err) => console.log('   write cb:', err && `${err.code}|${err.message}`)));
    c.end((err) => console.log('   end cb:', err));
  });
  c.on('close', () => server.close());
});
''', '''
server = uvnet.createServer(lambda s: s.resume())


def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'C')

    def on_connect():
        c.destroy()
        print('   write() after destroy returned',
              S(c.write('x', lambda err: print('   write cb:', E(err)))))
        c.end(lambda err=None: print('   end cb:', S(err)))
    c.on('connect', on_connect)
    c.on('close', lambda h: server.close())


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R25: end(data, cb) ordering -----------------------------------------------------------------

def test_r25_end_callback_order():
    check('''
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('a', () => console.log('write(a) cb'));
    console.log('end() returns this:', c.end('b', () => console.log('end(b) cb')) === c);
    process.nextTick(() => console.log('user nextTick'));
  });
  c.on('finish', () => console.log("'finish'"));
  c.resume();
  c.on('end', () => console.log("'end'"));
  c.on('close', () => { console.log("'close'"); server.close(); });
});
''', '''
server = uvnet.createServer(lambda s: s.resume())


def on_listening():
    def on_connect():
        c.write('a', lambda err: print('write(a) cb'))
        print('end() returns this:', S(c.end('b', lambda err=None: print('end(b) cb')) is c))
        uvnet.nextTick(lambda: print('user nextTick'))
    c = uvnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('finish', lambda: print("'finish'"))
    c.resume()
    c.on('end', lambda: print("'end'"))

    def on_close(h):
        print("'close'")
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


# --- R27: onread, dual stack, paused socket and the loop, destroySoon, reconnect ----------------

def test_r27_onread():
    check('''
const server = net.createServer((s) => s.end('abcdefghij'));
server.listen(0, '127.0.0.1', () => {
  const buf = Buffer.alloc(4);
  const c = net.connect({ port: server.address().port, host: '127.0.0.1',
    onread: { buffer: buf, callback: (n, b) => console.log('onread', n, JSON.stringify(b.toString('latin1', 0, n)), 'same buffer:', b === buf) } });
  c.on('data', () => console.log("'data' (never emitted with onread)"));
  c.on('end', () => console.log("'end'"));
  c.on('close', (h) => { console.log("'close'", h); server.close(); });
});
''', '''
server = uvnet.createServer(lambda s: s.end('abcdefghij'))


def on_listening():
    buf = bytearray(4)
    c = uvnet.connect({'port': server.address()['port'], 'host': '127.0.0.1',
                       'onread': {'buffer': buf, 'callback': lambda n, b: print(
                           'onread', n, J(bytes(b[:n]).decode('latin1')), 'same buffer:', S(b is buf))}})
    c.on('data', lambda d: print("'data' (never emitted with onread)"))
    c.on('end', lambda: print("'end'"))

    def on_close(h):
        print("'close'", S(h))
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


def test_r27_dual_stack_addresses():
    check('''
const s = net.createServer((sock) => {
  console.log('server on "::" sees remote', sock.remoteAddress, sock.remoteFamily, '| local', sock.localAddress, sock.localFamily);
  sock.destroy(); s.close();
});
s.listen(0, () => {
  const c = net.connect(s.address().port, '127.0.0.1', () => console.log('client local', c.localAddress, c.localFamily, '| remote', c.remoteAddress, c.remoteFamily, JSON.stringify(Object.keys(c.address()))));
  c.on('error', () => {});
  c.on('close', () => console.log('after close: remote', c.remoteAddress, c.remotePort > 0, 'local', c.localAddress));
});
''', '''
def on_connection(sock):
    print('server on "::" sees remote', sock.remoteAddress, sock.remoteFamily, '| local',
          sock.localAddress, sock.localFamily)
    sock.destroy()
    s.close()


s = uvnet.createServer(on_connection)


def on_listening():
    def on_connect():
        print('client local', c.localAddress, c.localFamily, '| remote', c.remoteAddress,
              c.remoteFamily, J(list(c.address().keys())))
    c = uvnet.connect(s.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda e: None)
    c.on('close', lambda h: print('after close: remote', c.remoteAddress, S(c.remotePort > 0),
                                  'local', S(c.localAddress)))


s.listen(0, on_listening)
''')


def test_r27_paused_socket_does_not_keep_loop_alive():
    check('''
process.on('exit', () => console.log('process exited'));
net.createServer((conn) => conn.unref()).listen(0, function () {
  const c = net.connect(this.address().port, 'localhost'); c.pause();
  c.on('connect', () => console.log('client connected; paused'));
}).unref();
''', '''
import atexit
atexit.register(lambda: print('process exited'))


def on_listening():
    c = uvnet.connect(server.address()['port'], 'localhost')
    c.pause()
    c.on('connect', lambda: print('client connected; paused'))


server = uvnet.createServer(lambda conn: conn.unref())
server.listen(0, on_listening).unref()
''')


def test_r27_unref_ref_before_connect_and_destroy_soon():
    check('''
const server = net.createServer((s) => { s.resume(); s.on('end', () => console.log('server end')); });
server.listen(0, '127.0.0.1', () => {
  const c = trace(net.connect(server.address().port, '127.0.0.1'), 'C');
  c.unref(); c.ref();
  c.setNoDelay(); c.setKeepAlive(true, 1500);
  c.on('connect', () => { c.setNoDelay(false); c.setKeepAlive(false); c.write('x'); c.destroySoon(); });
  c.resume();
  c.on('close', () => { console.log('destroyed', c.destroyed, 'bytesWritten', c.bytesWritten, 'bytesRead', c.bytesRead); server.close(); });
});
''', '''
def on_connection(s):
    s.resume()
    s.on('end', lambda: print('server end'))


server = uvnet.createServer(on_connection)


def on_listening():
    c = trace(uvnet.connect(server.address()['port'], '127.0.0.1'), 'C')
    c.unref()
    c.ref()
    c.setNoDelay()
    c.setKeepAlive(True, 1500)

    def on_connect():
        c.setNoDelay(False)
        c.setKeepAlive(False)
        c.write('x')
        c.destroySoon()
    c.on('connect', on_connect)
    c.resume()

    def on_close(h):
        print('destroyed', S(c.destroyed), 'bytesWritten', c.bytesWritten, 'bytesRead', c.bytesRead)
        server.close()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
''')


@pytest.mark.parametrize('kind', ['tcp', 'pipe'])
def test_r27_reconnect_after_close(kind, tmp_path):
    target = repr(str(tmp_path / 'rc.sock')) if kind == 'pipe' else None
    js_listen = target if target else "0, '127.0.0.1'"
    js_args = target if target else "server.address().port, '127.0.0.1'"
    py_args = target if target else "server.address()['port'], '127.0.0.1'"
    check(f'''
let n = 0;
const server = net.createServer((s) => s.end('conn ' + (++n)));
server.listen({js_listen}, () => {{
  const c = trace(new net.Socket(), 'C');
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('   data', d));
  c.once('close', () => {{
    console.log('   pending after close', c.pending, c.readyState);
    c.connect({js_args});
    c.once('close', () => server.close());
  }});
  c.connect({js_args});
}});
''', f'''
n = [0]


def on_connection(s):
    n[0] += 1
    s.end(f'conn {{n[0]}}')


server = uvnet.createServer(on_connection)


def on_listening():
    c = trace(uvnet.Socket(), 'C')
    c.setEncoding('utf8')
    c.on('data', lambda d: print('   data', d))

    def first_close(h):
        print('   pending after close', S(c.pending), c.readyState)
        c.connect({py_args})
        c.once('close', lambda h: server.close())
    c.once('close', first_close)
    c.connect({py_args})


server.listen({target if target else "0, '127.0.0.1'"}, on_listening)
''')


def test_socket_from_fd():
    check('''
const server = net.createServer((s) => { s.setEncoding('utf8'); s.on('data', (d) => console.log('server got', d)); s.on('end', () => s.end()); });
server.listen(0, '127.0.0.1', () => {
  const a = net.connect(server.address().port, '127.0.0.1', () => {
    const b = trace(new net.Socket({ fd: a._handle.fd, readable: true, writable: true }), 'B');
    console.log('   B pending', b.pending, 'readyState', b.readyState, 'remote', b.remotePort === server.address().port);
    b.end('via fd');
    b.resume();
    b.on('close', () => { a.destroy(); server.close(); });
  });
});
try { new net.Socket({ fd: -1 }); } catch (e) { console.log(e.code); }
''', '''
def on_connection(s):
    s.setEncoding('utf8')
    s.on('data', lambda d: print('server got', d))
    s.on('end', lambda: s.end())


server = uvnet.createServer(on_connection)


def on_listening():
    def on_connect():
        b = trace(uvnet.Socket({'fd': a._handle.fd, 'readable': True, 'writable': True}), 'B')
        print('   B pending', S(b.pending), 'readyState', b.readyState, 'remote',
              S(b.remotePort == server.address()['port']))
        b.end('via fd')
        b.resume()

        def on_close(h):
            a.destroy()
            server.close()
        b.on('close', on_close)
    a = uvnet.connect(server.address()['port'], '127.0.0.1', on_connect)


server.listen(0, '127.0.0.1', on_listening)
try:
    uvnet.Socket({'fd': -1})
except Exception as e:
    print(e.code)
''')
