"""``uvnet`` (or ``python -m uvnet``): check that this uvnet works, with one echo round trip.

It starts an echo server on 127.0.0.1 (a free port), connects a client, sends ``ping``,
ends, and checks that ``ping`` came back before both sides closed; it prints what it ran on
(uvnet's, pyuv's, libuv's and Python's versions) and exits 0, or 1 when the round trip
failed or took more than 10 seconds. ``uvnet --version`` prints the versions only.
"""

from __future__ import annotations

import argparse
import platform
import sys
from typing import Any

from . import __version__, createServer, run, setTimeout
from ._vendor import pyuv
from .net import Socket, connect

TIMEOUT_MS = 10_000


def versions() -> str:
    """``uvnet X (pyuv Y, libuv Z, Python W)``: what this uvnet runs on."""
    return (f"uvnet {__version__} (pyuv {pyuv.__version__}, libuv {pyuv.LIBUV_VERSION}, "
            f"Python {platform.python_version()})")


def echo_round_trip(message: str = "ping") -> str:
    """Send message to an echo server on 127.0.0.1 and return what came back."""
    received: list[str] = []
    server = createServer(lambda sock: sock.pipe(sock))
    sockets: list[Socket] = []

    def give_up() -> None:  # the round trip hangs: close everything, run() returns
        server.close()
        for sock in sockets:
            sock.destroy()

    guard = setTimeout(give_up, TIMEOUT_MS)
    guard.unref()

    def on_listening() -> None:
        address: Any = server.address()
        client = connect(address["port"], "127.0.0.1")
        sockets.append(client)
        client.setEncoding("utf8")
        client.on("connect", lambda: client.end(message))
        client.on("data", received.append)
        client.on("close", lambda hadError: server.close())

    server.on("connection", sockets.append)
    server.listen(0, "127.0.0.1", on_listening)
    run()
    return "".join(received)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="uvnet", description="Check that uvnet works: one echo round trip on 127.0.0.1.")
    parser.add_argument("--version", action="version", version=versions())
    parser.parse_args(argv)
    echoed = echo_round_trip()
    ok = echoed == "ping"
    print(f"{versions()}: echo round trip on 127.0.0.1 "
          + ("ok" if ok else f"FAILED (got {echoed!r}, expected 'ping')"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
