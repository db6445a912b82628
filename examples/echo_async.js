// echo_demo.js rewritten with async/await: events.once, for await over the sockets.
// echo_async.py is the same program in Python (uvnet); both print the same transcript.
'use strict';
const net = require('net');
const { once } = require('events');

const PORT = 8125;

async function serve(c) {
  console.log('server: client connected');
  c.write('hello\r\n');
  for await (const chunk of c) c.write(chunk);
  console.log('server: client disconnected');
}

async function main() {
  const server = net.createServer((c) => {
    serve(c).then(() => server.close());
  });
  const closed = once(server, 'close');
  server.listen(PORT);
  await once(server, 'listening');
  console.log('server: bound');

  const client = net.connect(PORT, '127.0.0.1');
  client.setEncoding('utf8');
  await once(client, 'connect');
  console.log('client: connected');
  let replies = 0;
  for await (const text of client) {
    console.log(`client: received ${JSON.stringify(text)}`);
    if (++replies === 1) client.write('ping\r\n');
    else client.end();
  }
  console.log('client: server ended the connection');
  await closed;
  console.log('server: closed');
  return replies;
}

main().then((replies) => console.log(`done: ${replies} replies`));
