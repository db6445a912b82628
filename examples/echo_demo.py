"""The seed's example, ported line by line from Node's net docs, plus a client driving it.

The server listens on port 8124, greets each client with ``hello\\r\\n`` and echoes
whatever it receives (``c.pipe(c)``). The client prints a short transcript, ends its
side, and the server closes once the client is gone, so ``uvnet.run()`` returns.
``echo_demo.js`` beside it is the same program in Node; both print the same transcript.
"""

from __future__ import annotations

import json

import uvnet

PORT = 8124


def main() -> None:
    def on_connection(c: uvnet.Socket) -> None:
        print("server: client connected")
        c.on("end", lambda: print("server: client disconnected"))
        c.write("hello\r\n")
        c.pipe(c)
        c.on("close", lambda had_error: server.close())

    server = uvnet.createServer(on_connection)

    def on_error(err: Exception) -> None:
        raise err

    server.on("error", on_error)

    def on_listening() -> None:
        print("server: bound")
        client = uvnet.connect(PORT, "127.0.0.1")
        client.setEncoding("utf8")
        replies: list[str] = []

        def on_data(text: str) -> None:
            print(f"client: received {json.dumps(text)}")
            replies.append(text)
            if len(replies) == 1:
                client.write("ping\r\n")
            else:
                client.end()

        client.on("connect", lambda: print("client: connected"))
        client.on("data", on_data)
        client.on("end", lambda: print("client: server ended the connection"))
        client.on("close", lambda had_error: print("client: closed"))

    server.listen(PORT, on_listening)
    server.on("close", lambda: print("server: closed"))
    uvnet.run()


if __name__ == "__main__":
    main()
