# ruff: noqa: E501  (the embedded JS keeps one statement per line, as scenario authors write it)
"""Differential scenarios of libuv-level ordering: where Node 20's libuv (1.46) and pyuv's
libuv 1.13 run callbacks in different loop phases, uvnet's wrap layer does what 1.46 does.
A small Node program and its line-by-line uvnet port must print the same lines; each test
names the divergence it was written for. Only orders that Node itself keeps run after run
are asserted (no race of a timer against I/O)."""

from difftest import assert_same_output

JS_PRELUDE = '''\
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const L = (...a) => console.log(a.join(' '));
'''

# L(...) prints its arguments as the JS L does: strings bare, booleans as true/false,
# bytes decoded, numbers as str().
PY_PRELUDE = '''\
import os
import shutil
import tempfile

import uvnet


def L(*a):
    print(' '.join(_s(x) for x in a), flush=True)


def _s(x):
    if isinstance(x, str):
        return x
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, (bytes, bytearray)):
        return bytes(x).decode()
    return 'undefined' if x is None else str(x)


'''


def check(js, py, **kw):
    return assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py + '\nuvnet.run()\n', **kw)


# --- a Unix-socket connect that fails at once -----------------------------------------------
# libuv 1.46 feeds the error of a connect(2) that fails at once (ENOENT, ECONNREFUSED) to the
# pending queue, which it also runs right after the poll phase: called from an I/O callback,
# the 'error' comes before the immediates. pyuv's libuv 1.13 ran it in the next iteration,
# after them; an abstract name (pyuv connects it through a zero-timeout timer) failed
# synchronously, with the message of a connect with a local address, and connected a loop
# iteration late (after the server's accept and the immediates).

def test_pipe_connect_errors_and_abstract_connect_keep_libuv_146_phases():
    check('''
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uvnet-'));
const file = path.join(dir, 'regular');
fs.writeFileSync(file, '');
const sockPath = path.join(dir, 'srv.sock');
const abs = '\\0uvnet-libuv-test-' + process.pid;
const server = net.createServer((s) => {
  L('S connection');
  for (const [label, p] of [['missing', path.join(dir, 'missing')], ['regular', file], ['abstract', abs + '-none']]) {
    const c = net.connect(p, () => L(label, 'connect'));
    c.on('error', (e) => L(label, 'error', e.code, e.syscall, e.message.replace(dir, 'DIR').replace(abs, 'ABS')));
    c.on('close', (h) => L(label, 'close', h));
  }
  process.nextTick(() => L('tick'));
  setImmediate(() => { L('immediate'); s.end(); });
});
server.listen(sockPath, () => {
  const abserver = net.createServer((s) => { L('A connection'); s.end('hi'); });
  abserver.listen(abs, () => {
    const a = net.connect(abs, () => L('A client connect'));
    setImmediate(() => L('A immediate'));
    a.on('data', (d) => L('A data', d));
    a.on('close', () => {
      L('A close');
      abserver.close();
      const c = net.connect(sockPath, () => L('client connect'));
      c.resume();
      c.on('close', () => { L('client close'); server.close(); fs.rmSync(dir, {recursive: true}); });
    });
  });
});
''', '''
dir = tempfile.mkdtemp(prefix='uvnet-')
file = os.path.join(dir, 'regular')
open(file, 'w').close()
sockPath = os.path.join(dir, 'srv.sock')
abs_ = '\\0uvnet-libuv-test-' + str(os.getpid())


def on_connection(s):
    L('S connection')
    for label, p in [['missing', os.path.join(dir, 'missing')], ['regular', file], ['abstract', abs_ + '-none']]:
        c = uvnet.connect(p, lambda label=label: L(label, 'connect'))
        c.on('error', lambda e, label=label: L(label, 'error', e.code, e.syscall, str(e).replace(dir, 'DIR').replace(abs_, 'ABS')))
        c.on('close', lambda h, label=label: L(label, 'close', h))
    uvnet.nextTick(lambda: L('tick'))

    def immediate():
        L('immediate')
        s.end()
    uvnet.setImmediate(immediate)


server = uvnet.createServer(on_connection)


def on_listening():
    def on_a_connection(s):
        L('A connection')
        s.end('hi')
    abserver = uvnet.createServer(on_a_connection)

    def on_abs_listening():
        a = uvnet.connect(abs_, lambda: L('A client connect'))
        uvnet.setImmediate(lambda: L('A immediate'))
        a.on('data', lambda d: L('A data', d))

        def on_a_close(h):
            L('A close')
            abserver.close()
            c = uvnet.connect(sockPath, lambda: L('client connect'))
            c.resume()

            def on_close(h):
                L('client close')
                server.close()
                shutil.rmtree(dir)
            c.on('close', on_close)
        a.on('close', on_a_close)
    abserver.listen(abs_, on_abs_listening)


server.listen(sockPath, on_listening)
''')


# --- the onread option reads as uv__read does ------------------------------------------------
# With a user buffer (the onread socket option) libuv reads at most 32 buffers per poll event
# and stops at a short one; the EOF is found by a read after full ones. uvnet, handed 64 KiB
# at once by pyuv, delivered every buffer in one go, so the immediates queued by the callback
# ran once, after all of them, and the 'end' came a poll later.

def test_onread_buffer_reads_32_buffers_per_poll_event():
    check('''
const server = net.createServer((s) => { s.write('y'.repeat(50)); setImmediate(() => s.end('z'.repeat(3000))); server.close(); });
server.listen(0, '127.0.0.1', () => {
  let calls = 0, bytes = 0;
  const c = net.connect({port: server.address().port, host: '127.0.0.1', onread: {buffer: () => Buffer.alloc(16), callback: (n, buf) => {
    calls++; bytes += n;
    if (calls % 10 === 1) setImmediate(() => L('imm after call', calls, bytes));
    if (calls === 40) { L('pause at', calls); setImmediate(() => { L('resume'); c.resume(); }); return false; }
  }}});
  c.on('end', () => L('end', calls, bytes));
  c.on('close', () => L('close', calls, bytes));
});
''', '''
def on_conn(s):
    s.write('y' * 50); uvnet.setImmediate(lambda: s.end('z' * 3000)); server.close()
server = uvnet.createServer(on_conn)
st = {'calls': 0, 'bytes': 0}
def on_listen():
    def cb(n, buf):
        st['calls'] += 1; st['bytes'] += n
        calls = st['calls']
        if calls % 10 == 1:
            uvnet.setImmediate(lambda: L('imm after call', st['calls'], st['bytes']))
        if calls == 40:
            L('pause at', calls)
            def r():
                L('resume'); c.resume()
            uvnet.setImmediate(r)
            return False
    c = uvnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'onread': {'buffer': lambda: bytearray(16), 'callback': cb}})
    c.on('end', lambda: L('end', st['calls'], st['bytes']))
    c.on('close', lambda h: L('close', st['calls'], st['bytes']))
server.listen(0, '127.0.0.1', on_listen)
''')


def test_a_shutdown_queued_on_a_hung_up_socket_runs_in_the_same_io_callback():
    """A peer's FIN then RST (it closed with our data unread): the server socket's 'end'
    ends it, and libuv 1.46's uv__stream_io, seeing POLLHUP/POLLERR, drains the shutdown
    in the same callback: 'finish' comes before the next socket's 'end' of the same poll.
    With a plain FIN (b) the shutdown waits for the pending queue, after both 'end's."""
    js = r'''
let n = 0;
const srv = net.createServer((s) => {
  const id = ++n;
  if (id === 1) s.write('unread');
  s.on('end', () => L('s' + id, 'end'));
  s.on('finish', () => L('s' + id, 'finish'));
  s.on('error', (e) => L('s' + id, 'error', e.code));
  s.on('close', () => { L('s' + id, 'close'); if (id === 2) srv.close(); });
  if (id === 2) setTimeout(() => { tick(); a.end(); b.end(); a.on('finish', () => a.destroy()); }, 20);
});
let a, b;
srv.listen(0, '127.0.0.1', () => {
  a = net.connect(srv.address().port, '127.0.0.1'); a.pause();
  a.on('connect', () => { b = net.connect(srv.address().port, '127.0.0.1'); b.resume(); });
});
let it = 0;
const tick = () => { L('--imm', ++it); if (it < 4) setImmediate(tick); };
'''
    py = r'''
n = [0]
peers = {}


def on_connection(s):
    n[0] += 1
    id = n[0]
    if id == 1:
        s.write('unread')
    s.on('end', lambda: L('s' + str(id), 'end'))
    s.on('finish', lambda: L('s' + str(id), 'finish'))
    s.on('error', lambda e: L('s' + str(id), 'error', e.code))

    def on_close(h):
        L('s' + str(id), 'close')
        if id == 2:
            srv.close()
    s.on('close', on_close)
    if id == 2:
        def later():
            a = peers['a']
            tick()
            a.end()
            peers['b'].end()
            a.on('finish', lambda: a.destroy())
        uvnet.setTimeout(later, 20)


srv = uvnet.createServer(on_connection)


def on_listening():
    a = peers['a'] = uvnet.connect(srv.address()['port'], '127.0.0.1')
    a.pause()

    def on_connect():
        b = peers['b'] = uvnet.connect(srv.address()['port'], '127.0.0.1')
        b.resume()
    a.on('connect', on_connect)


srv.listen(0, '127.0.0.1', on_listening)
it = [0]


def tick():
    it[0] += 1
    L('--imm', it[0])
    if it[0] < 4:
        uvnet.setImmediate(tick)


uvnet.run()
'''
    out = assert_same_output(JS_PRELUDE + js, PY_PRELUDE + py)
    assert out.splitlines()[:5] == ['--imm 1', 's1 end', 's1 finish', 's2 end', 's2 finish']
