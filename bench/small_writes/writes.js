// Node's twin of writes.py: see bench/small_writes.py.
'use strict';
const net = require('net');
const N = +process.argv[2];
const mode = process.argv[3];
const rss = () => process.memoryUsage().rss;

function makeCallback(c, st) {
  let called = false;
  return function() {
    if (called) throw new Error(`callback #${c} called twice`);
    called = true;
    if (c < st.last) throw new Error(`callback #${c} after #${st.last}`);
    st.last = c;
    st.count++;
  };
}

if (mode === 'flow') {
  // Node's test/pummel/test-net-write-callbacks.js: N writes with a callback each.
  const st = { count: 0, last: -1, got: 0 };
  const server = net.createServer((socket) => {
    socket.on('data', (d) => { st.got += d.length; });
    socket.on('end', () => { socket.destroy(); server.close(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.createConnection(server.address().port, '127.0.0.1');
    client.on('connect', () => {
      for (let i = 0; i < N; i++) client.write('hello world', makeCallback(i, st));
      client.end();
    });
  });
  process.on('exit', () => {
    if (st.count !== N || st.got !== 11 * N) throw new Error(`${st.count} ${st.got}`);
    console.log(JSON.stringify({ callbacks: st.count, bytes: st.got }));
  });
} else {
  // N writes queued before the socket connects: what each pending write costs.
  const shared = mode === 'pending-shared';
  const noop = () => {};
  const server = net.createServer((s) => s.destroy());
  server.listen(0, '127.0.0.1', () => {
    const c = net.createConnection(server.address().port, '127.0.0.1');
    const st = { count: 0, last: -1 };
    const r0 = rss();
    for (let i = 0; i < N; i++) c.write('hello world', shared ? noop : makeCallback(i, st));
    const perWrite = (rss() - r0) / N;
    console.log(JSON.stringify({ bytes_per_pending_write: +perWrite.toFixed(1),
                                 writableLength: c.writableLength }));
    c.on('error', () => {});
    c.destroy();
    server.close();
  });
}
