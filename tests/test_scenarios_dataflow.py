# ruff: noqa: E501
"""Differential scenarios: data flowing through sockets as streams, Node vs uvnet.

Each test is a small program of the kind a port of Node code would be, written in
JavaScript and line by line in Python on the preludes of :mod:`stream_prelude` (``log``,
``trace``, ``tick``), and run with both; the outputs must be the same. What depends on
kernel timing (TCP chunk boundaries, ports) is kept out of the output.
"""

from __future__ import annotations

from stream_prelude import same

from difftest import normalize_ports


def test_socket_event_names_and_remove_listener() -> None:
    """A stream's ``_events`` is seeded (``kShapeMode``): ``eventNames()`` lists the seeded
    events first, a key whose last listener goes keeps its place, and removing a lone
    listener emits no ``'removeListener'``; ``removeAllListeners(type)`` leaves the mode."""
    same(r"""
const net = require('net');
const srv = net.createServer((s) => {
  const f = () => {}, g = () => {};
  s.on('removeListener', (ev, fn) => log('removeListener', ev, fn === f));
  s.on('foo', f);
  s.on('data', f);
  s.on('close', () => srv.close());
  log('names', s.eventNames());
  s.off('data', f);
  log('lone removed', s.eventNames(), s.listenerCount('data'));
  s.on('data', f); s.on('data', g); s.off('data', f);
  log('from a list', s.eventNames());
  s.off('foo', f); s.on('bar', f); s.on('foo', f);
  log('foo kept its place', s.eventNames());
  s.removeAllListeners('removeListener');
  s.removeAllListeners('foo'); s.on('foo', g);
  s.off('bar', f); s.on('bar', g);
  log('after removeAllListeners', s.eventNames());
  s.resume();
});
srv.listen(0, () => {
  const c = net.connect(srv.address().port, () => c.end());
  log('client', c.eventNames());
});
""", r"""
def onconnection(s):
    f = lambda *a: None
    g = lambda *a: None
    s.on('removeListener', lambda ev, fn: log('removeListener', ev, fn is f))
    s.on('foo', f)
    s.on('data', f)
    s.on('close', lambda *a: srv.close())
    log('names', s.eventNames())
    s.off('data', f)
    log('lone removed', s.eventNames(), s.listenerCount('data'))
    s.on('data', f); s.on('data', g); s.off('data', f)
    log('from a list', s.eventNames())
    s.off('foo', f); s.on('bar', f); s.on('foo', f)
    log('foo kept its place', s.eventNames())
    s.removeAllListeners('removeListener')
    s.removeAllListeners('foo'); s.on('foo', g)
    s.off('bar', f); s.on('bar', g)
    log('after removeAllListeners', s.eventNames())
    s.resume()
srv = uvnet.createServer(onconnection)
def onlistening():
    c = uvnet.connect(srv.address()['port'], lambda: c.end())
    log('client', c.eventNames())
srv.listen(0, onlistening)
uvnet.run()
""", normalize=normalize_ports)


def test_socket_set_encoding_buffered_then_unshift() -> None:
    """``setEncoding`` on a paused socket with bytes buffered, ``read(n)`` short of a
    whole character, ``unshift`` of a string and of a Buffer (kept as it is, and read
    back through ``read()`` as ``buf.toString()``), then flowing to the end."""
    same(r"""
const net = require('net');
const data = Buffer.from('héllo wörld €uro', 'utf8');
const srv = net.createServer((s) => {
  s.write(data.subarray(0, 19));
  setTimeout(() => s.end(data.subarray(19)), 50);
});
srv.listen(0, () => {
  const c = net.connect(srv.address().port);
  c.pause();
  setTimeout(() => {
    log('buffered', c.readableLength, c.readableEncoding);
    c.setEncoding('utf8');
    log('after setEncoding', c.readableLength, c.readableEncoding);
    log('read(3)', c.read(3), c.readableLength);
    c.unshift('XY');
    c.unshift(Buffer.from('Zé'));
    log('after unshift', c.readableLength);
    log('read(1)', c.read(1), c.readableLength);
    log('read()', c.read(), c.readableLength);
    c.on('data', (d) => log('data', d));
    c.on('end', () => { log('end', c.bytesRead); srv.close(); });
    c.resume();
  }, 30);
});
""", r"""
data = 'héllo wörld €uro'.encode('utf8')
def onconnection(s):
    s.write(data[:19])
    uvnet.setTimeout(lambda: s.end(data[19:]), 50)
srv = uvnet.createServer(onconnection)
def onlistening():
    c = uvnet.connect(srv.address()['port'])
    c.pause()
    def later():
        log('buffered', c.readableLength, c.readableEncoding)
        c.setEncoding('utf8')
        log('after setEncoding', c.readableLength, c.readableEncoding)
        log('read(3)', c.read(3), c.readableLength)
        c.unshift('XY')
        c.unshift('Zé'.encode())
        log('after unshift', c.readableLength)
        log('read(1)', c.read(1), c.readableLength)
        log('read()', c.read(), c.readableLength)
        c.on('data', lambda d: log('data', d))
        def onend():
            log('end', c.bytesRead)
            srv.close()
        c.on('end', onend)
        c.resume()
    uvnet.setTimeout(later, 30)
srv.listen(0, onlistening)
uvnet.run()
""", normalize=normalize_ports)



def test_socket_string_lengths_count_utf16_units() -> None:
    """Decoded text is measured as JavaScript measures strings, in UTF-16 code units: an
    emoji counts 2 in ``readableLength`` and ``read(n)`` (which may cut it in two), and a
    string written to a socket counts its units in ``writableLength`` (bytes in
    ``bytesWritten``)."""
    same(r"""
const net = require('net');
const srv = net.createServer((s) => { s.end('a😀b€😀😀'); });
srv.listen(0, () => {
  const c = net.connect(srv.address().port);
  log('while connecting', c.write('😀€'), c.writableLength, c.bytesWritten);
  c.setEncoding('utf8');
  c.on('connect', () => { c.pause(); c.read(0); });
  setTimeout(() => {
    log('buffered', c.readableLength, c.bytesRead);
    for (const n of [2, 3, 2]) { c.read(n); log(`after read(${n})`, c.readableLength); }
    log('read()', c.read(), c.readableLength);
    c.on('end', () => { log('end'); srv.close(); });
    c.resume();
  }, 100);
});
""", r"""
srv = uvnet.createServer(lambda s: s.end('a😀b€😀😀'))
def onlistening():
    c = uvnet.connect(srv.address()['port'])
    log('while connecting', c.write('😀€'), c.writableLength, c.bytesWritten)
    c.setEncoding('utf8')
    def onconnect():
        c.pause()
        c.read(0)
    c.on('connect', onconnect)
    def later():
        log('buffered', c.readableLength, c.bytesRead)
        for n in [2, 3, 2]:
            c.read(n)
            log(f'after read({n})', c.readableLength)
        log('read()', c.read(), c.readableLength)
        def onend():
            log('end')
            srv.close()
        c.on('end', onend)
        c.resume()
    uvnet.setTimeout(later, 100)
srv.listen(0, onlistening)
uvnet.run()
""", normalize=normalize_ports)
