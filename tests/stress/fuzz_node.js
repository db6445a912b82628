// Evaluates a batch of calls of net's and events' public API, as test_fuzz.py describes
// them (JSON on stdin), and prints each call's first error code ('ok' if none) as JSON.
'use strict';
const net = require('net');
const EventEmitter = require('events');

const noop = () => {};
// Python's None is JS's null and undefined: `node fuzz_node.js null` reads it as null
const NONE_AS_NULL = process.argv[2] === 'null';
function decode(v) {
  if (v === null || typeof v !== 'object') return v;
  switch (v.$) {
    case 'undefined': return NONE_AS_NULL ? null : undefined;
    case 'num': return Number(v.v);
    case 'buf': return Buffer.from(v.hex, 'hex');
    case 'fn': return noop;
    case 'arr': return v.v.map((x) => decode(x));
    case 'obj': {
      const o = {};
      for (const [k, x] of Object.entries(v.v)) o[k] = decode(x);
      return o;
    }
  }
  throw new Error('bad value ' + JSON.stringify(v));
}

const cleanup = [];
function socket() {
  const s = new net.Socket();
  s.on('error', noop);
  cleanup.push(() => s.destroy());
  return s;
}
function server() {
  const s = net.createServer();
  s.on('error', noop);
  cleanup.push(() => s.close());
  return s;
}
function keep(obj) {
  if (obj && typeof obj.on === 'function') obj.on('error', noop);
  if (obj instanceof net.Socket) cleanup.push(() => obj.destroy());
  if (obj instanceof net.Server) cleanup.push(() => obj.close());
}

const calls = {
  Socket: (a) => keep(new net.Socket(...a)),
  connect: (a) => keep(net.connect(...a)),
  createServer: (a) => keep(net.createServer(...a)),
  listen: (a) => server().listen(...a),
  address: (a) => socket().address(...a),
  write: (a) => socket().write(...a),
  end: (a) => socket().end(...a),
  setTimeout: (a) => socket().setTimeout(...a),
  setEncoding: (a) => socket().setEncoding(...a),
  setKeepAlive: (a) => socket().setKeepAlive(...a),
  setNoDelay: (a) => socket().setNoDelay(...a),
  destroy: (a) => socket().destroy(...a),
};
for (const m of ['on', 'once', 'prependListener', 'prependOnceListener', 'off',
  'removeListener', 'emit', 'listenerCount', 'listeners', 'rawListeners',
  'setMaxListeners', 'getMaxListeners', 'removeAllListeners', 'eventNames']) {
  calls['ee.' + m] = (a) => new EventEmitter()[m](...a);
}

const batch = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = batch.map(([method, args]) => {
  const a = args.map((x) => decode(x));
  try {
    calls[method](a);
    return 'ok';
  } catch (e) {
    if (e && e.code) return e.code;
    // a JS engine error from inside Node (a bug of Node's: listeners(undefined) reads
    // undefined.length), not an error Node raises on purpose
    if (e instanceof TypeError && /^Cannot read properties/.test(e.message)) return 'JS:' + e.message;
    return (e && e.name) || String(e);
  }
});
process.stdout.write(JSON.stringify(out) + '\n', () => {
  for (const f of cleanup) try { f(); } catch { /* closing is not under test */ }
  process.exit(0);
});
