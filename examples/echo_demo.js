// The Node original of echo_demo.py: the two print the same transcript (tests/test_examples.py).
const net = require('net');
const PORT = 8124;
const server = net.createServer((c) => {
  console.log('server: client connected');
  c.on('end', () => console.log('server: client disconnected'));
  c.write('hello\r\n');
  c.pipe(c);
  c.on('close', () => server.close());
});
server.on('error', (err) => { throw err; });
server.listen(PORT, () => {
  console.log('server: bound');
  const client = net.connect(PORT, '127.0.0.1');
  client.setEncoding('utf8');
  const replies = [];
  client.on('connect', () => console.log('client: connected'));
  client.on('data', (text) => {
    console.log(`client: received ${JSON.stringify(text)}`);
    replies.push(text);
    if (replies.length === 1) client.write('ping\r\n'); else client.end();
  });
  client.on('end', () => console.log('client: server ended the connection'));
  client.on('close', () => console.log('client: closed'));
});
server.on('close', () => console.log('server: closed'));
