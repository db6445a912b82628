"""``echo_demo.py`` rewritten with async/await: ``events.once``, ``async for`` over the
sockets. ``echo_async.js`` beside it is the same program in Node; both print the same
transcript.

The server greets each client with ``hello\\r\\n`` and echoes what it receives with
``async for chunk in c: c.write(chunk)``; the client awaits ``'connect'``, reads its
replies with ``async for``, and ends after the second; the server closes once its client
is gone, so ``uvnet.run(main())`` returns ``main()``'s value.
"""

from __future__ import annotations

import json

import uvnet
from uvnet.events import once

PORT = 8125


async def serve(c: uvnet.Socket) -> None:
    print("server: client connected")
    c.write("hello\r\n")
    async for chunk in c:
        c.write(chunk)
    print("server: client disconnected")


async def main() -> int:
    def on_connection(c: uvnet.Socket) -> None:
        uvnet.Promise.resolve(serve(c)).then(lambda _v: server.close())

    server = uvnet.createServer(on_connection)
    closed = once(server, "close")
    server.listen(PORT)
    await once(server, "listening")
    print("server: bound")

    client = uvnet.connect(PORT, "127.0.0.1")
    client.setEncoding("utf8")
    await once(client, "connect")
    print("client: connected")
    replies = 0
    async for text in client:
        print(f"client: received {json.dumps(text)}")
        replies += 1
        if replies == 1:
            client.write("ping\r\n")
        else:
            client.end()
    print("client: server ended the connection")
    await closed
    print("server: closed")
    return replies


if __name__ == "__main__":
    replies = uvnet.run(main())
    print(f"done: {replies} replies")
