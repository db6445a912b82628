"""asyncio Protocol echo server. Usage: asyncio_protocol.py PORT; prints `ready PORT`."""

from __future__ import annotations

import asyncio

from _common import port_arg, raise_nofile, ready


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def eof_received(self):
        return False  # close the transport (as allowHalfOpen=false)


async def main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", port_arg(), backlog=511)
    ready(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    raise_nofile()
    asyncio.run(main())
