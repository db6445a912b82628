"""A request/response pair over a Unix domain socket.

The server answers each newline-terminated JSON request ``{"id", "op", "args"}`` with a
JSON response ``{"id", "result"}`` (``op`` is ``add`` or ``upper``); the client sends a few
requests, prints the answers in order, and closes. Usage:
``python examples/unix_rpc.py [socket-path]``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any, Callable

import uvnet

OPS: dict[str, Callable[..., Any]] = {
    "add": lambda *xs: sum(xs),
    "upper": lambda s: s.upper(),
}


def line_reader(sock: uvnet.Socket, on_line: Callable[[str], None]) -> None:
    """Call ``on_line`` for every complete line received on ``sock``."""
    pending = [""]
    sock.setEncoding("utf8")

    def on_data(chunk: str) -> None:
        pending[0] += chunk
        *lines, pending[0] = pending[0].split("\n")
        for line in lines:
            on_line(line)

    sock.on("data", on_data)


def create_rpc_server() -> uvnet.Server:
    def on_connection(sock: uvnet.Socket) -> None:
        def on_line(line: str) -> None:
            req = json.loads(line)
            result = OPS[req["op"]](*req["args"])
            sock.write(json.dumps({"id": req["id"], "result": result}) + "\n")

        line_reader(sock, on_line)

    return uvnet.createServer(on_connection)


def call_all(path: str, requests: list[tuple[str, list[Any]]],
             done: Callable[[list[Any]], None]) -> None:
    """Send ``requests`` over one connection and call ``done`` with the results in order."""
    client = uvnet.connect(path)
    results: list[Any] = [None] * len(requests)
    answered = [0]

    def on_line(line: str) -> None:
        resp = json.loads(line)
        results[resp["id"]] = resp["result"]
        answered[0] += 1
        if answered[0] == len(requests):
            client.end()
            done(results)

    line_reader(client, on_line)
    for i, (op, args) in enumerate(requests):
        client.write(json.dumps({"id": i, "op": op, "args": args}) + "\n")


def main(path: str) -> None:
    server = create_rpc_server()

    def on_listening() -> None:
        def done(results: list[Any]) -> None:
            for r in results:
                print("result:", r)
            server.close()

        call_all(path, [("add", [1, 2, 3]), ("upper", ["hello"]), ("add", [40, 2])], done)

    server.listen(path, on_listening)
    uvnet.run()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.mkdtemp(), "rpc.sock"))
