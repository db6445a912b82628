# ruff: noqa: E501  (the embedded JS keeps one statement per line)
"""Differential tests of the socket's one-frame fast paths (issue #6) against node.

``onStreamRead`` emits ``'data'`` itself and ``Socket.write`` writes a chunk at once when
nothing stands in the way; each case here stands in the way once (an override on the
instance or the class, a short write, a failed write, a paused or corked stream) and the
transcript must still be node's.
"""

from test_net_socket import check

# An echo server that reports what the client's socket sees, on one line per step.
ECHO_JS = '''
const server = net.createServer((s) => { s.pipe(s); s.on('close', () => server.close()); });
'''
ECHO_PY = '''
def on_echo(s):
    s.pipe(s)
    s.on('close', lambda: server.close())


server = uvnet.createServer(on_echo)
'''


def test_instance_overrides_of_push_emit_and_write_are_used():
    check(ECHO_JS + '''
server.listen(0, () => {
  const c = net.connect(server.address().port, () => {
    const push = c.push;
    c.push = function(chunk) { console.log('push', chunk === null ? null : chunk.length); return push.call(this, chunk); };
    const emit = c.emit;
    c.emit = function(ev, ...args) { if (ev === 'data') console.log('emit data', args[0].toString()); return emit.call(this, ev, ...args); };
    c._write = function(chunk, enc, cb) { console.log('_write', chunk.toString()); net.Socket.prototype._write.call(this, chunk, enc, cb); };
    c.on('data', (d) => { console.log('data', d.toString()); c.end(); });
    console.log('write ->', c.write(Buffer.from('abc')));
  });
  c.on('close', () => console.log('close'));
});
''', ECHO_PY + '''
def on_listening():
    c = uvnet.connect(server.address()['port'])

    def on_connect():
        push = c.push

        def my_push(chunk, *rest):
            print('push', 'null' if chunk is None else len(chunk))
            return push(chunk, *rest)
        c.push = my_push
        emit = c.emit

        def my_emit(ev, *args):
            if ev == 'data':
                print('emit data', args[0].decode())
            return emit(ev, *args)
        c.emit = my_emit

        def my_write(chunk, enc, cb):
            print('_write', chunk.decode())
            uvnet.Socket._write(c, chunk, enc, cb)
        c._write = my_write

        def on_data(d):
            print('data', d.decode())
            c.end()
        c.on('data', on_data)
        print('write ->', S(c.write(b'abc')))
    c.on('connect', on_connect)
    c.on('close', lambda: print('close'))


server.listen(0, on_listening)
''')


def test_subclass_overrides_of_read_and_write_are_used():
    check(ECHO_JS + '''
class Counting extends net.Socket {
  _write(chunk, enc, cb) { console.log('_write', chunk.length); super._write(chunk, enc, cb); }
  _read(n) { console.log('_read', n); super._read(n); }
}
server.listen(0, () => {
  const c = new Counting();
  c.connect(server.address().port, () => {
    c.write(Buffer.from('one'));
  });
  let got = 0;
  c.on('data', (d) => { got += d.length; console.log('data', d.toString()); if (got === 3) c.write(Buffer.from('two')); else c.end(); });
  c.on('close', () => console.log('close'));
});
''', ECHO_PY + '''
class Counting(uvnet.Socket):
    def _write(self, chunk, enc, cb):
        print('_write', len(chunk))
        super()._write(chunk, enc, cb)

    def _read(self, n):
        print('_read', n)
        super()._read(n)


def on_listening():
    c = Counting()
    c.connect(server.address()['port'], lambda: c.write(b'one'))
    got = [0]

    def on_data(d):
        got[0] += len(d)
        print('data', d.decode())
        if got[0] == 3:
            c.write(b'two')
        else:
            c.end()
    c.on('data', on_data)
    c.on('close', lambda: print('close'))


server.listen(0, on_listening)
''')


def test_short_writes_are_queued_and_drain_in_order():
    # 4 MiB in one write: write(2) takes part of it, the rest waits on libuv; the server
    # reads slowly (paused until the client's write returns), so 'drain' comes later.
    check('''
const server = net.createServer((s) => {
  let n = 0;
  s.on('data', (d) => { n += d.length; });
  s.on('end', () => { console.log('server got', n); s.end(); server.close(); });
});
server.listen(0, () => {
  const c = net.connect(server.address().port, () => {
    const ok = c.write(Buffer.alloc(4 * 1024 * 1024, 120));
    console.log('write ->', ok, 'writableLength > 0:', c.writableLength > 0, 'needDrain:', c.writableNeedDrain);
    c.write(Buffer.from('tail'), () => console.log('tail written'));
    c.on('drain', () => { console.log('drain', c.writableLength); c.end(); });
  });
  c.on('finish', () => console.log('finish', c.bytesWritten));
  c.on('close', () => console.log('close'));
  c.resume();
});
''', '''
def on_server(s):
    n = [0]

    def on_data(d):
        n[0] += len(d)
    s.on('data', on_data)

    def on_end():
        print('server got', n[0])
        s.end()
        server.close()
    s.on('end', on_end)


server = uvnet.createServer(on_server)


def on_listening():
    c = uvnet.connect(server.address()['port'])

    def on_connect():
        ok = c.write(b'x' * (4 * 1024 * 1024))
        print('write ->', S(ok), 'writableLength > 0:', S(c.writableLength > 0),
              'needDrain:', S(c.writableNeedDrain))
        c.write(b'tail', lambda: print('tail written'))

        def on_drain():
            print('drain', c.writableLength)
            c.end()
        c.on('drain', on_drain)
    c.on('connect', on_connect)
    c.on('finish', lambda: print('finish', c.bytesWritten))
    c.on('close', lambda: print('close'))
    c.resume()


server.listen(0, on_listening)
''')


def test_write_after_the_peer_is_gone_fails_like_node():
    # The server closes at once; the half-open client writes once (the peer answers with
    # a reset), then again: that write(2) fails (EPIPE or ECONNRESET alike in both), and
    # the error comes as 'error' after write() returned.
    check('''
const server = net.createServer((s) => { s.destroy(); server.close(); });
server.listen(0, () => {
  const c = net.connect({port: server.address().port, allowHalfOpen: true});
  c.on('end', () => {
    console.log('end');
    console.log('first write ->', c.write(Buffer.from('one')));
    setTimeout(() => {
      console.log('second write ->', c.write(Buffer.from('two')));
      process.nextTick(() => console.log('tick after write'));
    }, 100);
  });
  c.on('error', (e) => console.log('error', e.code === 'EPIPE' || e.code === 'ECONNRESET', e.syscall));
  c.on('close', (h) => console.log('close', h, c.destroyed));
});
''', '''
def on_server(s):
    s.destroy()
    server.close()


server = uvnet.createServer(on_server)


def on_listening():
    c = uvnet.connect({'port': server.address()['port'], 'allowHalfOpen': True})

    def on_end():
        print('end')
        print('first write ->', S(c.write(b'one')))

        def later():
            print('second write ->', S(c.write(b'two')))
            uvnet.nextTick(lambda: print('tick after write'))
        uvnet.setTimeout(later, 100)
    c.on('end', on_end)
    c.on('error', lambda e: print('error', S(e.code in ('EPIPE', 'ECONNRESET')), e.syscall))
    c.on('close', lambda h: print('close', S(h), S(c.destroyed)))


server.listen(0, on_listening)
''')


def test_data_while_corked_paused_and_with_a_readable_listener():
    check(ECHO_JS + '''
server.listen(0, () => {
  const c = net.connect(server.address().port, () => {
    c.cork();
    console.log('corked write ->', c.write(Buffer.from('a')), c.writableLength);
    process.nextTick(() => { c.uncork(); console.log('uncorked', c.writableLength); });
  });
  let step = 0;
  c.on('data', (d) => {
    console.log('data', d.toString(), 'step', step);
    step++;
    if (step === 1) {
      c.pause();
      c.write(Buffer.from('b'));
      setTimeout(() => {
        console.log('readableLength', c.readableLength);
        c.once('readable', () => { console.log('readable', String(c.read())); c.end(); });
      }, 50);
    }
  });
  c.on('end', () => console.log('end'));
  c.on('close', () => console.log('close'));
});
''', ECHO_PY + '''
def on_listening():
    c = uvnet.connect(server.address()['port'])

    def on_connect():
        c.cork()
        print('corked write ->', S(c.write(b'a')), c.writableLength)

        def later():
            c.uncork()
            print('uncorked', c.writableLength)
        uvnet.nextTick(later)
    c.on('connect', on_connect)
    step = [0]

    def on_data(d):
        print('data', d.decode(), 'step', step[0])
        step[0] += 1
        if step[0] == 1:
            c.pause()
            c.write(b'b')

            def check_buffer():
                print('readableLength', c.readableLength)

                def on_readable():
                    print('readable', c.read().decode())
                    c.end()
                c.once('readable', on_readable)
            uvnet.setTimeout(check_buffer, 50)
    c.on('data', on_data)
    c.on('end', lambda: print('end'))
    c.on('close', lambda: print('close'))


server.listen(0, on_listening)
''')


def test_paused_reads_with_data_buffered_at_maybe_read_more():
    """The async iterator's pattern: 'readable' is handled in a later turn, so the
    maybeReadMore_ tick after a chunk finds it buffered (below the mark, needReadable set)
    and takes the socket's one-frame read(0); a _read override on the class takes
    Readable's steps. The state and the _read calls must be node's either way."""
    check('''
const server = net.createServer((s) => {
  s.write('abc');
  setTimeout(() => { s.write('defg'); setTimeout(() => s.end(), 20); }, 20);
});
class Logging extends net.Socket {
  _read(n) { console.log('_read', n); super._read(n); }
}
function st(label, c) {
  const r = c._readableState;
  console.log(label, r.length, r.needReadable, r.reading, r.emittedReadable, r.readingMore);
}
function client(label, c, done) {
  c.on('readable', () => {
    st(label + ' readable', c);
    process.nextTick(() => {
      st(label + ' tick', c);
      let chunk;
      while ((chunk = c.read()) !== null) console.log(label, 'read', chunk.toString());
      st(label + ' after', c);
    });
  });
  c.on('end', () => console.log(label, 'end'));
  c.on('close', done);
}
server.listen(0, () => {
  const port = server.address().port;
  client('plain', net.connect(port), () => {
    const c = new Logging();
    client('sub', c, () => { console.log('done'); server.close(); });
    c.connect(port);
  });
});
''', '''
def on_connection(s):
    s.write(b'abc')

    def later():
        s.write(b'defg')
        uvnet.setTimeout(lambda: s.end(), 20)
    uvnet.setTimeout(later, 20)


server = uvnet.createServer(on_connection)


class Logging(uvnet.Socket):
    def _read(self, n):
        print('_read', n)
        super()._read(n)


def st(label, c):
    r = c._readableState
    print(label, r.length, S(r.needReadable), S(r.reading), S(r.emittedReadable), S(r.readingMore))


def client(label, c, done):
    def on_readable():
        st(label + ' readable', c)

        def tick():
            st(label + ' tick', c)
            while True:
                chunk = c.read()
                if chunk is None:
                    break
                print(label, 'read', chunk.decode())
            st(label + ' after', c)
        uvnet.nextTick(tick)
    c.on('readable', on_readable)
    c.on('end', lambda: print(label, 'end'))
    c.on('close', lambda *a: done())


def on_listening():
    port = server.address()['port']

    def second():
        c = Logging()

        def done():
            print('done')
            server.close()
        client('sub', c, done)
        c.connect(port)
    client('plain', uvnet.connect(port), second)


server.listen(0, on_listening)
''')


def test_writes_with_callbacks_take_the_general_paths_steps():
    # Socket.write's one frame with a callback (an ASCII str or a Buffer, nothing in the
    # way) against the general path in the same run: a non-ASCII str, an explicit
    # encoding, callback=, a non-function callback, another default encoding, a corked
    # stream, then a big write that leaves the kernel's buffer full, so that the small
    # writes behind it are buffered and go out in one _writev; every callback, tick and
    # 'drain' in order, with writableLength and bytesWritten along the way.
    check('''
const server = net.createServer((s) => {
  let n = 0;
  s.on('data', (d) => { n += d.length; });
  s.on('end', () => { console.log('server got', n); s.end(); server.close(); });
});
server.listen(0, () => {
  const c = net.connect(server.address().port, () => {
    const cb = (tag) => (err) => console.log('cb', tag, err, c.writableLength, c.bytesWritten);
    console.log('w', c.write('ascii', cb('ascii')), c.writableLength, c.bytesWritten);
    console.log('w', c.write(Buffer.from('buf'), cb('buf')), c.writableLength);
    process.nextTick(() => console.log('tick 1'));
    console.log('w', c.write('h\\u00e9llo \\ud83d\\ude00', cb('utf8')), c.writableLength);
    console.log('w', c.write('latin', 'latin1', cb('latin1')), c.writableLength);
    console.log('w', c.write('kw', cb('kw')), c.writableLength);
    console.log('w', c.write('nofn', 'utf8', 5), c.writableLength);
    console.log('w', c.write('again', cb('again')));
    c.setDefaultEncoding('hex');
    console.log('w', c.write('6869', cb('hex')), c.writableLength);
    c.setDefaultEncoding('utf8');
    c.cork();
    console.log('w', c.write('corked', cb('corked')), c.writableLength);
    c.uncork();
    process.nextTick(() => console.log('tick 2'));
    setImmediate(() => {
      console.log('big', c.write(Buffer.alloc(8 * 1024 * 1024, 120), cb('big')));
      let order = 0;
      for (let i = 0; i < 300; i++) {
        c.write('r' + i, () => { if (order++ !== i) console.log('out of order', i); if (i === 299) console.log('all 300, length', c.writableLength); });
      }
      console.log('queued', c.writableLength, c.writableNeedDrain);
      c.on('drain', () => { console.log('drain', c.writableLength); c.end(); });
    });
  });
  c.on('finish', () => console.log('finish', c.bytesWritten));
  c.on('close', () => console.log('close'));
});
''', '''
def on_server(s):
    n = [0]

    def on_data(d):
        n[0] += len(d)
    s.on('data', on_data)

    def on_end():
        print('server got', n[0])
        s.end()
        server.close()
    s.on('end', on_end)


server = uvnet.createServer(on_server)


def on_listening():
    c = uvnet.connect(server.address()['port'])

    def cb(tag):
        return lambda err: print('cb', tag, 'null' if err is None else S(err), c.writableLength, c.bytesWritten)

    def on_connect():
        print('w', S(c.write('ascii', cb('ascii'))), c.writableLength, c.bytesWritten)
        print('w', S(c.write(uvnet.Buffer.from_('buf'), cb('buf'))), c.writableLength)
        uvnet.nextTick(lambda: print('tick 1'))
        print('w', S(c.write('h\\u00e9llo \\U0001f600', cb('utf8'))), c.writableLength)
        print('w', S(c.write('latin', 'latin1', cb('latin1'))), c.writableLength)
        print('w', S(c.write('kw', callback=cb('kw'))), c.writableLength)
        print('w', S(c.write('nofn', 'utf8', 5)), c.writableLength)
        print('w', S(c.write('again', cb('again'))))
        c.setDefaultEncoding('hex')
        print('w', S(c.write('6869', cb('hex'))), c.writableLength)
        c.setDefaultEncoding('utf8')
        c.cork()
        print('w', S(c.write('corked', cb('corked'))), c.writableLength)
        c.uncork()
        uvnet.nextTick(lambda: print('tick 2'))

        def later():
            print('big', S(c.write(b'x' * (8 * 1024 * 1024), cb('big'))))
            order = [0]

            def make(i):
                def done():
                    if order[0] != i:
                        print('out of order', i)
                    order[0] += 1
                    if i == 299:
                        print('all 300, length', c.writableLength)
                return done
            for i in range(300):
                c.write('r' + str(i), make(i))
            print('queued', c.writableLength, S(c.writableNeedDrain))

            def on_drain():
                print('drain', c.writableLength)
                c.end()
            c.on('drain', on_drain)
        uvnet.setImmediate(later)
    c.on('connect', on_connect)
    c.on('finish', lambda: print('finish', c.bytesWritten))
    c.on('close', lambda: print('close'))


server.listen(0, on_listening)
''')


def test_thousands_of_writes_queued_before_connect_flush_as_one_writev():
    # 5,000 writes with callbacks queued while connecting: one _writev of 5,000 buffers,
    # whose rest (past the first writev(2) of IOV_MAX) goes to libuv in parts of at most
    # IOV_MAX buffers (pyuv's uv_buf_t array is on the C stack: a million in one write
    # overflowed it); every callback once, in order, then 'finish', all bytes received.
    check('''
const server = net.createServer((s) => {
  let n = 0;
  s.on('data', (d) => { n += d.length; });
  s.on('end', () => { console.log('server got', n); s.end(); server.close(); });
});
server.listen(0, () => {
  const c = net.connect(server.address().port);
  let next = 0;
  for (let i = 0; i < 5000; i++) {
    c.write('hello world', () => { if (next++ !== i) console.log('out of order', i); });
  }
  console.log('pending', c.writableLength, c.pending);
  c.end(() => console.log('end cb', next));
  c.on('finish', () => console.log('finish', c.bytesWritten));
  c.on('close', () => console.log('close'));
});
''', '''
def on_server(s):
    n = [0]

    def on_data(d):
        n[0] += len(d)
    s.on('data', on_data)

    def on_end():
        print('server got', n[0])
        s.end()
        server.close()
    s.on('end', on_end)


server = uvnet.createServer(on_server)


def on_listening():
    c = uvnet.connect(server.address()['port'])
    state = {'next': 0}

    def make(i):
        def done():
            if state['next'] != i:
                print('out of order', i)
            state['next'] += 1
        return done
    for i in range(5000):
        c.write('hello world', make(i))
    print('pending', c.writableLength, S(c.pending))
    c.end(lambda: print('end cb', state['next']))
    c.on('finish', lambda: print('finish', c.bytesWritten))
    c.on('close', lambda: print('close'))


server.listen(0, on_listening)
''')
