"""uvnet's side of bench/small_writes.py (writes.js is Node's, line by line)."""

from __future__ import annotations

import json
import sys
from typing import Any, Callable

import uvnet

N = int(sys.argv[1])
mode = sys.argv[2]


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def makeCallback(c: int, st: dict[str, int]) -> Callable[[], None]:
    called = False

    def callback() -> None:
        nonlocal called
        if called:
            raise Exception(f"callback #{c} called twice")
        called = True
        if c < st["last"]:
            raise Exception(f"callback #{c} after #{st['last']}")
        st["last"] = c
        st["count"] += 1

    return callback


if mode == "flow":
    st = {"count": 0, "last": -1, "got": 0}

    def onConnection(socket: uvnet.Socket) -> None:
        def onData(d: Any) -> None:
            st["got"] += len(d)

        socket.on("data", onData)
        socket.on("end", lambda: (socket.destroy(), server.close()))

    server = uvnet.createServer(onConnection)

    def onListening() -> None:
        client = uvnet.createConnection(server.address()["port"], "127.0.0.1")

        def onConnect() -> None:
            for i in range(N):
                client.write("hello world", makeCallback(i, st))
            client.end()

        client.on("connect", onConnect)

    server.listen(0, "127.0.0.1", onListening)
    uvnet.run()
    if st["count"] != N or st["got"] != 11 * N:
        raise SystemExit(f"{st['count']} {st['got']}")
    print(json.dumps({"callbacks": st["count"], "bytes": st["got"]}))
else:
    shared = mode == "pending-shared"

    def noop() -> None:
        pass

    server = uvnet.createServer(lambda s: s.destroy())

    def onListening2() -> None:
        c = uvnet.createConnection(server.address()["port"], "127.0.0.1")
        st = {"count": 0, "last": -1}
        r0 = rss()
        for i in range(N):
            c.write("hello world", noop if shared else makeCallback(i, st))
        per_write = (rss() - r0) / N
        print(json.dumps({"bytes_per_pending_write": round(per_write, 1),
                          "writableLength": c.writableLength}))
        c.on("error", lambda e: None)
        c.destroy()
        server.close()

    server.listen(0, "127.0.0.1", onListening2)
    uvnet.run()
