# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""'data' chunks and read() results are Buffers, over TCP and over a Unix pipe, against
node: a port calls Buffer methods on them as it is (``chunk.readUInt16BE(0)``), and they
still compare equal to ``bytes``. The same for a Readable that pushes bytes, a bytearray
(Node's Uint8Array) or a string."""

from __future__ import annotations

import sys

import pytest

from difftest import assert_same_output

JS = r"""
const net = require('net'); const path = require('path'); const { Readable } = require('stream');
const where = MODE === 'pipe' ? path.join(process.cwd(), 'uvnet-buf.sock') : 0;
const show = (label, c) => console.log(label, Buffer.isBuffer(c), c.length, c.readUInt16BE(0), c.toString('hex'));
const server = net.createServer((sock) => {
  sock.on('readable', () => { let c; while ((c = sock.read(3)) !== null) show('server read(3)', c); });
  sock.on('end', () => {
    const b = Buffer.alloc(6);
    b.writeUInt32BE(0xdeadbeef); b.writeUInt16BE(513, 4);
    sock.end(b);
  });
});
server.listen(where, () => {
  const a = server.address();
  const c = MODE === 'pipe' ? net.connect(a) : net.connect(a.port, '127.0.0.1');
  c.on('data', (chunk) => {
    show('client data', chunk);
    console.log('  readUInt32BE', chunk.readUInt32BE(0), 'readUInt16LE', chunk.readUInt16LE(4),
                'equals', chunk.equals(Buffer.from('deadbeef0201', 'hex')),
                'subarray', chunk.subarray(1, 3).toString('hex'), 'indexOf', chunk.indexOf(0xbe));
  });
  c.on('end', () => { console.log('client end'); server.close(); });
  c.write(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
  c.end();
});
const r = new Readable({ read() {} });
r.push(Buffer.from('abcdef')); r.push(new Uint8Array([1, 2])); r.push('xyz'); r.push(null);
r.on('readable', () => { let c; while ((c = r.read(4)) !== null) show('readable read(4)', c); });
r.on('end', () => {
  const f = new Readable({ read() {} });
  f.on('data', (c) => show('flowing data', c));
  f.push(new Uint8Array([9, 8, 7])); f.push('hi'); f.push(null);
});
"""

PY = r"""
import os
import uvnet as net
from uvnet import Buffer
from uvnet.stream import Readable
where = os.path.join(os.getcwd(), 'uvnet-buf.sock') if MODE == 'pipe' else 0
B = lambda v: str(v).lower()
def show(label, c):
    print(label, B(Buffer.isBuffer(c)), c.length, c.readUInt16BE(0), c.toString('hex'))
def on_connection(sock):
    def on_readable():
        while (c := sock.read(3)) is not None:
            show('server read(3)', c)
    sock.on('readable', on_readable)
    def on_end():
        b = Buffer.alloc(6)
        b.writeUInt32BE(0xdeadbeef); b.writeUInt16BE(513, 4)
        sock.end(b)
    sock.on('end', on_end)
server = net.createServer(on_connection)
def on_listening():
    a = server.address()
    c = net.connect(a) if MODE == 'pipe' else net.connect(a['port'], '127.0.0.1')
    def on_data(chunk):
        show('client data', chunk)
        assert chunk == bytes.fromhex('deadbeef0201') and bytes.fromhex('deadbeef0201') == chunk
        print('  readUInt32BE', chunk.readUInt32BE(0), 'readUInt16LE', chunk.readUInt16LE(4),
              'equals', B(chunk.equals(Buffer.from_('deadbeef0201', 'hex'))),
              'subarray', chunk.subarray(1, 3).toString('hex'), 'indexOf', chunk.indexOf(0xbe))
    c.on('data', on_data)
    c.on('end', lambda: (print('client end'), server.close()))
    c.write(Buffer.from_([1, 2, 3, 4, 5, 6, 7, 8]))
    c.end()
server.listen(where, on_listening)
r = Readable(read=lambda size: None)
r.push(b'abcdef'); r.push(bytearray([1, 2])); r.push('xyz'); r.push(None)
def on_r_readable():
    while (c := r.read(4)) is not None:
        show('readable read(4)', c)
r.on('readable', on_r_readable)
def on_r_end():
    f = Readable(read=lambda size: None)
    f.on('data', lambda c: show('flowing data', c))
    f.push(memoryview(bytes([9, 8, 7]))); f.push('hi'); f.push(None)
r.on('end', on_r_end)
net.run()
"""


@pytest.mark.parametrize("mode", ["tcp", "pipe"])
def test_chunks_are_buffers(mode: str) -> None:
    if mode == "pipe" and sys.platform == "win32":
        pytest.skip("Unix domain sockets")
    out = assert_same_output(JS.replace("MODE", repr(mode)), PY.replace("MODE", repr(mode)))
    assert "client data true 6 57005 deadbeef0201" in out
    assert out.count("server read(3) true") == 3

