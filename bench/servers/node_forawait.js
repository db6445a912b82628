// Node echo server: for await (const chunk of s) s.write(chunk). Usage: node
// node_forawait.js PORT (0: any); prints `ready PORT`. uvnet's twin is uvnet_async.py.
'use strict';
const net = require('net');
const server = net.createServer(async (s) => {
  try {
    for await (const chunk of s) s.write(chunk);
  } catch {
    // a peer's reset must not end the benchmark
  }
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  process.stdout.write(`ready ${server.address().port}\n`);
});
