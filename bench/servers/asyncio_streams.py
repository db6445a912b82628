"""asyncio streams echo server. Usage: asyncio_streams.py PORT; prints `ready PORT`."""

from __future__ import annotations

import asyncio

from _common import port_arg, raise_nofile, ready


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", port_arg(), backlog=511)
    ready(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


raise_nofile()
asyncio.run(main())
