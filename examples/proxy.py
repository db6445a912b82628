"""A TCP port forwarder built on ``pipe()``: each client is joined to a new connection to
the target, bytes flow both ways with backpressure. Both sockets allow half-open
connections, so a client's FIN travels to the target while the answer still flows back,
and each side ends the other only once its own data is through.

Usage: ``python examples/proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT``.
"""

from __future__ import annotations

import sys

import uvnet


def create_proxy(target_host: str, target_port: int) -> uvnet.Server:
    """A server forwarding every connection to ``target_host:target_port``."""

    def on_connection(client: uvnet.Socket) -> None:
        upstream = uvnet.connect(port=target_port, host=target_host, allowHalfOpen=True)
        client.pipe(upstream)
        upstream.pipe(client)
        upstream.on("error", lambda err: client.destroy())
        client.on("error", lambda err: upstream.destroy())

    return uvnet.createServer({"allowHalfOpen": True}, on_connection)


if __name__ == "__main__":
    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    proxy = create_proxy(host, port)
    proxy.listen(listen_port, lambda: print(f"forwarding :{listen_port} -> {host}:{port}"))
    uvnet.run()
