// uvnet's event tracer for Node programs (the twin of uvnet/trace/__init__.py).
//
// Two uses:
// - required by a program: `const trace = require('./trace'); trace(em, 'label')` prints
//   every event `em` emits, with a global sequence number (the differential tests do this);
//   bookkeeping events that fire on every socket are hidden unless all=true.
// - preloaded by `python -m uvnet.trace` (node --require trace.js, UVNET_TRACE_OUT set):
//   every EventEmitter's emits are written to that file, one `Label#n:event args` line each
//   (the n-th emitter of that class to emit), for the tool to align with the port's.
'use strict';
let seq = 0;
const NOISE = ['newListener', 'removeListener', 'resume', 'pause', 'readable', 'prefinish', 'ready',
  'lookup', 'connectionAttempt', 'connectionAttemptFailed'];
function fmt(x) {
  if (x instanceof Error) return `${x.code}|${x.message}`;
  if (Buffer.isBuffer(x)) return `<Buffer ${JSON.stringify(x.toString())}>`;
  if (x && x.constructor && x.constructor.name === 'Socket') return '<Socket>';
  try {
    return JSON.stringify(x);
  } catch {
    return `<${x.constructor ? x.constructor.name : 'Object'}>`;  // a cycle (a Server...)
  }
}
function shown(ev, all) {
  return typeof ev === 'string' &&
    (all ? !['newListener', 'removeListener'].includes(ev) : !NOISE.includes(ev));
}
function line(label, ev, args) {
  return `${label}:${ev}${args.length ? ' ' + args.map(fmt).join(' ') : ''}`;
}
module.exports = function trace(em, label, all = false) {
  const orig = em.emit;
  em.emit = function(ev, ...args) {
    if (shown(ev, all))
      console.log(`${String(++seq).padStart(2)} ${line(label, ev, args)}`);
    return orig.call(this, ev, ...args);
  };
  return em;
};

if (process.env.UVNET_TRACE_OUT && (!module.parent || module.parent.id === 'internal/preload')) {
  // Preloaded: trace every emitter, from the program's first line on.
  const fs = require('fs');
  const EventEmitter = require('events');
  const out = fs.openSync(process.env.UVNET_TRACE_OUT, 'w');
  const all = process.env.UVNET_TRACE_ALL === '1';
  const traceProcess = process.env.UVNET_TRACE_PROCESS !== '0';
  const labels = new WeakMap();
  const counts = new Map();
  let inside = false;
  const labelOf = (em) => {
    let label = labels.get(em);
    if (label === undefined) {
      if (em === process) {
        label = 'process';
      } else {
        const name = em.constructor && em.constructor.name ? em.constructor.name : 'EventEmitter';
        const n = (counts.get(name) || 0) + 1;
        counts.set(name, n);
        label = `${name}#${n}`;
      }
      labels.set(em, label);
    }
    return label;
  };
  const wrap = (orig) => function emit(ev, ...args) {
    // The process's own stdio streams are Node's plumbing, not the program's emitters.
    // process's events are traced when a listener sees them: Node emits 'beforeExit' to
    // nobody, uvnet does not, and only the events a program listens to are its behaviour.
    if (!inside && shown(ev, all) && !this._isStdio &&
        (this !== process || (traceProcess && process.listenerCount(ev) > 0))) {
      inside = true;
      try {
        fs.writeSync(out, line(labelOf(this), ev, args) + '\n');
      } finally {
        inside = false;
      }
    }
    return orig.call(this, ev, ...args);
  };
  // (process.emit ends in this one too, so process is traced once)
  EventEmitter.prototype.emit = wrap(EventEmitter.prototype.emit);
}
