"""Cost per chunk of uvnet.stream's hot paths (issue #3 "Speed").

    PYTHONPATH=. python3 bench/bench_streams.py [N]

Measures, in nanoseconds per chunk (best of 5 runs of N chunks):

- ``bare callback``: calling a Python listener directly (the floor);
- ``push -> 'data'``: ``readable.push(chunk)`` on a flowing Readable, which emits ``'data'``
  synchronously (``readableAddChunkPushByteMode`` -> ``addChunk`` -> ``emit``);
- ``push -> 'data' + ticks``: the same with the tick queue drained after every push, as
  after each libuv read callback of a socket (``maybeReadMore_`` runs each time);
- ``write -> _write -> cb``: ``writable.write(chunk)`` with a ``_write`` that completes
  synchronously (``_write`` -> ``writeOrBuffer`` -> ``_write`` -> ``onwrite``);
- ``write(chunk, cb) + ticks``: with a user callback, which Node defers to a tick
  (``afterWriteTick``), ticks drained every 16 writes.
"""

from __future__ import annotations

import sys
import time

from uvnet.internal.task_queues import processTicks
from uvnet.stream import Readable, Writable

CHUNK = b"x" * 1024


def best(fn, n: int, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        fn(n)
        times.append(time.perf_counter_ns() - t0)
    return min(times) / n


def bare(n: int) -> None:
    count = 0

    def ondata(chunk: bytes) -> None:
        nonlocal count
        count += 1

    for _ in range(n):
        ondata(CHUNK)


def flowing_readable() -> Readable:
    r = Readable(read=lambda size: None)
    r.on("data", lambda chunk: None)
    processTicks()  # resume_ runs: the stream is now flowing
    assert r.readableFlowing and not r._readableState.sync
    return r


def push_data(n: int) -> None:
    r = flowing_readable()
    push = r.push
    for _ in range(n):
        push(CHUNK)
    processTicks()


def push_data_ticks(n: int) -> None:
    r = flowing_readable()
    push = r.push
    for _ in range(n):
        push(CHUNK)
        processTicks()


def write_sync(n: int) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb())
    write = w.write
    for _ in range(n):
        write(CHUNK)
    processTicks()


def write_cb_ticks(n: int) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb())
    write = w.write

    def cb(err: object) -> None:
        pass

    for i in range(n):
        write(CHUNK, cb)
        if i & 15 == 15:
            processTicks()
    processTicks()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    base = best(bare, n)
    print(f"python {sys.version.split()[0]}, {n} chunks of {len(CHUNK)} bytes, best of 5")
    print(f"{'bare callback':28s} {base:8.0f} ns/chunk")
    for name, fn in (("push -> 'data'", push_data),
                     ("push -> 'data' + ticks", push_data_ticks),
                     ("write -> _write -> cb", write_sync),
                     ("write(chunk, cb) + ticks", write_cb_ticks)):
        t = best(fn, n)
        print(f"{name:28s} {t:8.0f} ns/chunk  ({t / base:5.1f}x bare)")


if __name__ == "__main__":
    main()
