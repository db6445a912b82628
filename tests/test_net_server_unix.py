# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""net.Server on Unix domain sockets against node (R13, listen side): paths, address()
after close, the socket file's lifetime, EADDRINUSE with port -1, readableAll/writableAll,
Linux abstract names, 'drop' without address data. Each program runs in its own temporary
directory, so relative paths land there and vanish with it."""

import os
import re
import sys
import tempfile

import pytest

from difftest import assert_same_output

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix domain sockets")


def _norm(text: str) -> str:
    return re.sub(r"/[\w./-]*?(uvnet-[\w.-]+)", r"<dir>/\1", text)


def test_r13_pipe_server_lifecycle() -> None:
    js = r"""
const net = require('net'); const fs = require('fs'); const path = require('path');
const p = path.join(process.cwd(), 'uvnet-r13.sock');
const show = (e) => JSON.stringify([e.message, e.code, e.errno, e.syscall, e.address, e.port]);
const server = net.createServer((sock) => { console.log('   server sock: address() =', JSON.stringify(sock.address()), sock.remoteAddress); sock.end('hi'); });
const ret = server.listen(p, () => {
  console.log("'listening': address() =", server.address(), 'file exists =', fs.existsSync(p), 'isSocket =', fs.statSync(p).isSocket());
  const s2 = net.createServer();
  s2.on('error', (e) => console.log('   2nd server on same path:', show(e), s2.listening, s2.address()));
  s2.listen(p);
  const c = net.connect(p);
  c.resume();
  c.on('close', () => server.close((err) => {
    console.log('after close: file exists =', fs.existsSync(p), 'address() =', server.address(), 'listening =', server.listening, err);
  }));
});
console.log('sync: returns this =', ret === server, 'listening =', server.listening, 'address() =', server.address(), 'key =', server._connectionKey);
"""
    py = r"""
import json, os
import uvnet as net
p = os.path.join(os.getcwd(), 'uvnet-r13.sock')
def show(e):
    return json.dumps([e.message, e.code, e.errno, e.syscall, getattr(e, 'address', None), getattr(e, 'port', None)], separators=(',', ':'))
def on_conn(sock):
    print('   server sock: address() =', json.dumps(sock.address()), 'undefined' if sock.remoteAddress is None else sock.remoteAddress); sock.end('hi')
server = net.createServer(on_conn)
def on_listening():
    import stat
    print("'listening': address() =", server.address(), 'file exists =', str(os.path.exists(p)).lower(), 'isSocket =', str(stat.S_ISSOCK(os.stat(p).st_mode)).lower())
    s2 = net.createServer()
    s2.on('error', lambda e: print('   2nd server on same path:', show(e), str(s2.listening).lower(), s2.address()))
    s2.listen(p)
    c = net.connect(p)
    c.resume()
    def closed(err=None):
        print('after close: file exists =', str(os.path.exists(p)).lower(), 'address() =', server.address(), 'listening =', str(server.listening).lower(), 'undefined' if err is None else err)
    c.on('close', lambda *_: server.close(closed))
ret = server.listen(p, on_listening)
print('sync: returns this =', str(ret is server).lower(), 'listening =', str(server.listening).lower(), 'address() =', server.address(), 'key =', server._connectionKey)
net.run()
"""
    assert_same_output(js, py, normalize=_norm)


def test_pipe_listen_forms_and_relative_paths() -> None:
    js = r"""
const net = require('net'); const fs = require('fs');
const forms = [
  ["listen('abc', cb)", (s, cb) => s.listen('abc', cb), 'abc'],
  ["listen('-1', cb)", (s, cb) => s.listen('-1', cb), '-1'],
  ["listen('uvnet-b', 5, cb)", (s, cb) => s.listen('uvnet-b', 5, cb), 'uvnet-b'],
  ["listen({path: 'uvnet-c', backlog: 2}, cb)", (s, cb) => s.listen({ path: 'uvnet-c', backlog: 2 }, cb), 'uvnet-c'],
  ["listen({path: 'uvnet-d', port: undefined}, cb)", (s, cb) => s.listen({ path: 'uvnet-d', port: undefined }, cb), null],
];
(function next(i) {
  if (i === forms.length) return;
  const [label, fn, file] = forms[i];
  const s = net.createServer();
  s.on('error', (e) => { console.log(label, 'error', e.code); next(i + 1); });
  fn(s, () => {
    console.log(label, '->', JSON.stringify(s.address()), 'file', file && fs.existsSync(file), s._connectionKey);
    s.close(() => { console.log('  removed', file && !fs.existsSync(file)); next(i + 1); });
  });
})(0);
"""
    py = r"""
import json, os
import uvnet as net
forms = [
    ("listen('abc', cb)", lambda s, cb: s.listen('abc', cb), 'abc'),
    ("listen('-1', cb)", lambda s, cb: s.listen('-1', cb), '-1'),
    ("listen('uvnet-b', 5, cb)", lambda s, cb: s.listen('uvnet-b', 5, cb), 'uvnet-b'),
    ("listen({path: 'uvnet-c', backlog: 2}, cb)", lambda s, cb: s.listen(cb, path='uvnet-c', backlog=2), 'uvnet-c'),
    ("listen({path: 'uvnet-d', port: undefined}, cb)", lambda s, cb: s.listen({'path': 'uvnet-d', 'port': None}, cb), None),
]
def run(i):
    if i == len(forms):
        return
    label, fn, file = forms[i]
    s = net.createServer()
    def on_err(e):
        print(label, 'error', e.code); run(i + 1)
    s.on('error', on_err)
    def cb():
        print(label, '->', json.dumps(s.address(), separators=(',', ':')), 'file', 'null' if file is None else str(os.path.exists(file)).lower(), s._connectionKey)
        def closed(*_):
            print('  removed', 'null' if file is None else str(not os.path.exists(file)).lower()); run(i + 1)
        s.close(closed)
    fn(s, cb)
run(0)
net.run()
"""
    assert_same_output(js, py, normalize=lambda t: re.sub(r'"port":\d+', '"port":P', t))


def test_readable_all_writable_all_modes() -> None:
    js = r"""
const net = require('net'); const fs = require('fs');
const cases = [['uvnet-plain', {}], ['uvnet-r', { readableAll: true }], ['uvnet-w', { writableAll: true }],
               ['uvnet-rw', { readableAll: true, writableAll: true }]];
(function next(i) {
  if (i === cases.length) return;
  const [p, extra] = cases[i];
  const s = net.createServer().listen({ path: p, ...extra }, () => {
    const mode = fs.statSync(p).mode & 0o777;
    console.log(p, JSON.stringify(extra), 'other r/w bits:', (mode & 0o006).toString(8), 'group r/w bits:', (mode & 0o060).toString(8));
    s.close(() => next(i + 1));
  });
})(0);
"""
    py = r"""
import json, os
import uvnet as net
cases = [('uvnet-plain', {}), ('uvnet-r', {'readableAll': True}), ('uvnet-w', {'writableAll': True}),
         ('uvnet-rw', {'readableAll': True, 'writableAll': True})]
def run(i):
    if i == len(cases):
        return
    p, extra = cases[i]
    s = net.createServer()
    def cb():
        mode = os.stat(p).st_mode & 0o777
        print(p, json.dumps(extra, separators=(',', ':')), 'other r/w bits:', format(mode & 0o006, 'o'), 'group r/w bits:', format(mode & 0o060, 'o'))
        s.close(lambda *_: run(i + 1))
    s.listen({'path': p, **extra}, cb)
run(0)
net.run()
"""
    old = os.umask(0o022)
    try:
        assert_same_output(js, py)
    finally:
        os.umask(old)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract names are Linux-only")
def test_abstract_socket_names() -> None:
    name = f"uvnet-abstract-{os.getpid()}"
    js = r"""
const net = require('net');
const name = '\0""" + name + r"""';
const s = net.createServer((sock) => sock.end('abstract hi'));
s.listen(name, () => {
  console.log('address is the name:', s.address() === name);
  const s2 = net.createServer();
  s2.on('error', (e) => {
    console.log('2nd:', e.code, e.port, e.address === name);
    const c = net.connect(name);
    c.on('data', (d) => console.log('client got', String(d)));
    c.on('close', () => s.close(() => console.log('closed; address still the name:', s.address() === name)));
  });
  s2.listen(name);
});
"""
    py = r"""
import uvnet as net
name = '\0""" + name + r"""'
s = net.createServer(lambda sock: sock.end('abstract hi'))
def on_listening():
    print('address is the name:', str(s.address() == name).lower())
    s2 = net.createServer()
    def on_err(e):
        print('2nd:', e.code, e.port, str(e.address == name).lower())
        c = net.connect(name)
        c.on('data', lambda d: print('client got', d.decode()))
        c.on('close', lambda *_: s.close(lambda *_: print('closed; address still the name:', str(s.address() == name).lower())))
    s2.on('error', on_err)
    s2.listen(name)
s.listen(name, on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_pipe_server_drop_has_no_address_data() -> None:
    js = r"""
const net = require('net');
const server = net.createServer((s) => s.resume());
server.maxConnections = 1;
server.on('drop', (...args) => console.log('drop with', args.length, 'arguments'));
server.listen('uvnet-drop.sock', () => {
  const a = net.connect('uvnet-drop.sock', () => {
    const b = net.connect('uvnet-drop.sock');
    b.resume(); b.on('error', () => {});
    b.on('close', () => { a.destroy(); server.close(() => console.log('closed')); });
  });
});
"""
    py = r"""
import uvnet as net
server = net.createServer(lambda s: s.resume())
server.maxConnections = 1
server.on('drop', lambda *args: print('drop with', len(args), 'arguments'))
def on_listening():
    def on_a():
        b = net.connect('uvnet-drop.sock')
        b.resume(); b.on('error', lambda e: None)
        def on_close(*_):
            a.destroy(); server.close(lambda *_: print('closed'))
        b.on('close', on_close)
    a = net.connect('uvnet-drop.sock', on_a)
server.listen('uvnet-drop.sock', on_listening)
net.run()
"""
    assert_same_output(js, py)


def test_long_and_missing_directory_paths() -> None:
    with tempfile.TemporaryDirectory(prefix="uvnet-") as tmp:
        js = r"""
const net = require('net');
const s = net.createServer();
s.on('error', (e) => console.log('missing dir:', JSON.stringify([e.message, e.code, e.errno, e.syscall, e.address, e.port])));
s.listen('no/such/dir/uvnet.sock');
"""
        py = r"""
import json
import uvnet as net
s = net.createServer()
s.on('error', lambda e: print('missing dir:', json.dumps([e.message, e.code, e.errno, e.syscall, e.address, e.port], separators=(',', ':'))))
s.listen('no/such/dir/uvnet.sock')
net.run()
"""
        assert_same_output(js, py, cwd=tmp)
