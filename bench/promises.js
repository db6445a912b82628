// Node's twin of bench/promises.py: microtask-heavy loops, ns per operation.
// node bench/promises.js [N]
const N = Number(process.argv[2] || 1e6);

async function awaitResolved(n) {
  const p = Promise.resolve(1);
  let s = 0;
  for (let i = 0; i < n; i++) s += await p;
  return s;
}

async function awaitNew(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += await new Promise((resolve) => resolve(i));
  return s;
}

async function inner(i) { return i; }
async function awaitAsyncCall(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += await inner(i);
  return s;
}

function thenChain(n) {
  let p = Promise.resolve(0);
  for (let i = 0; i < n; i++) p = p.then((v) => v + 1);
  return p;
}

async function main() {
  const results = {};
  for (const [name, fn] of [['await a resolved Promise', awaitResolved],
    ['await new Promise(resolve => resolve(i))', awaitNew],
    ['await an async function call', awaitAsyncCall],
    ['then chain (p = p.then(v => v + 1))', thenChain]]) {
    await fn(Math.min(N, 1e5)); // warm-up
    const t0 = process.hrtime.bigint();
    await fn(N);
    const ns = Number(process.hrtime.bigint() - t0);
    results[name] = ns / N;
  }
  console.log(JSON.stringify(results));
}
main();
