"""A TCP port forwarder built on ``pipe()``: each client is joined to a new connection to
the target, bytes flow both ways with backpressure, and either side closing ends both.

Usage: ``python examples/proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT``.
"""

from __future__ import annotations

import sys

import uvnet


def create_proxy(target_host: str, target_port: int) -> uvnet.Server:
    """A server forwarding every connection to ``target_host:target_port``."""

    def on_connection(client: uvnet.Socket) -> None:
        upstream = uvnet.connect(target_port, target_host)
        client.pipe(upstream)
        upstream.pipe(client)
        upstream.on("error", lambda err: client.destroy())
        client.on("error", lambda err: upstream.destroy())

    return uvnet.createServer(on_connection)


if __name__ == "__main__":
    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    proxy = create_proxy(host, port)
    proxy.listen(listen_port, lambda: print(f"forwarding :{listen_port} -> {host}:{port}"))
    uvnet.run()
