"""An open handle is a GC root, as in Node: a listening server or a connecting socket that
no Python variable refers to any more keeps working until it is closed."""

from __future__ import annotations

import uvnet


def test_unreferenced_servers_and_clients_survive_gc() -> None:
    # Port of test-net-dns-lookup-skip.js run many times over: only the cycles
    # handle -> callback -> owner -> handle keep each server and client alive.
    errors: list[str] = []
    connected: list[str] = []

    def check(address: str) -> None:
        def on_connection(client: uvnet.Socket) -> None:
            client.end()
            server.close()

        server = uvnet.createServer(on_connection)

        def on_listening() -> None:
            c = uvnet.connect(server.address()["port"], address)
            c.on("error", lambda err: errors.append(str(err)))
            c.on("connect", lambda: connected.append(address))

        server.listen(0, address, on_listening)

    for _ in range(150):
        check("127.0.0.1")
        check("127.0.0.1")
        uvnet.run()
    assert errors == []
    assert len(connected) == 300
