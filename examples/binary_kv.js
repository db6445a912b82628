// A tiny length-prefixed binary key/value protocol over TCP: each frame is
// [u32 BE length][u8 op][u16 BE key length][key][value]. Logged with console.log.
'use strict';
const net = require('net');

const store = new Map();
const OPS = { SET: 1, GET: 2 };

function frame(op, key, value = Buffer.alloc(0)) {
  const keyBuf = Buffer.from(key, 'utf8');
  const head = Buffer.alloc(7);
  head.writeUInt32BE(3 + keyBuf.length + value.length, 0);
  head.writeUInt8(op, 4);
  head.writeUInt16BE(keyBuf.length, 5);
  return Buffer.concat([head, keyBuf, value]);
}

function parser(onFrame) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const len = pending.readUInt32BE(0);
      if (pending.length < 4 + len) break;
      const body = pending.subarray(4, 4 + len);
      pending = pending.subarray(4 + len);
      const op = body.readUInt8(0);
      const keyLen = body.readUInt16BE(1);
      onFrame(op, body.toString('utf8', 3, 3 + keyLen), body.subarray(3 + keyLen));
    }
  };
}

const server = net.createServer((sock) => {
  sock.on('data', parser((op, key, value) => {
    console.log('server: op %d key %s value %o', op, key, value);
    if (op === OPS.SET) {
      store.set(key, Buffer.from(value));
      sock.write(frame(OPS.SET, key));
    } else {
      sock.write(frame(OPS.GET, key, store.get(key) || Buffer.alloc(0)));
    }
  }));
  sock.on('end', () => sock.end());
});

server.listen(0, '127.0.0.1', () => {
  const { port, family } = server.address();
  console.log('listening', { family, portIsNumber: typeof port === 'number' });
  const client = net.connect(port, '127.0.0.1');
  const replies = [];
  client.on('data', parser((op, key, value) => {
    replies.push({ op, key, value: value.toString('hex'), length: value.length });
    if (replies.length === 4) {
      console.log(replies);
      console.log('hex of a frame:', frame(OPS.GET, 'k\u00e9').toString('hex'));
      const temp = Buffer.alloc(8);
      temp.writeDoubleLE(21.5, 0);
      console.log(temp, temp.readDoubleLE(0), temp.equals(Buffer.from(temp)));
      client.end();
    }
  }));
  const reading = Buffer.alloc(6);
  reading.writeInt16BE(-12, 0);
  reading.writeUInt32LE(0xdeadbeef, 2);
  client.write(frame(OPS.SET, 'temp', reading));
  client.write(frame(OPS.SET, 'name\u00e9', Buffer.from('caf\u00e9')));
  client.write(frame(OPS.GET, 'temp'));
  client.write(frame(OPS.GET, 'missing'));
  client.on('close', (hadError) => {
    console.log('client closed', hadError, store.size);
    server.close(() => console.log('server closed'));
  });
});
