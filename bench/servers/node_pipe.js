// Node echo server: s.pipe(s). Usage: node node_pipe.js PORT (0: any); prints `ready PORT`.
// Node cannot raise RLIMIT_NOFILE itself: the harness raises it before spawning.
'use strict';
const net = require('net');
const server = net.createServer((s) => {
  s.on('error', () => {}); // a peer's reset must not end the benchmark
  s.pipe(s);
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  process.stdout.write(`ready ${server.address().port}\n`);
});
