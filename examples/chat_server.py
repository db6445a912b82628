"""A line-based chat server: every line a client sends is relayed to all the others.

Usage: ``python examples/chat_server.py [port]`` then connect with ``nc 127.0.0.1 port``.
Each client is greeted, named ``guest<N>``, and may rename itself with ``/nick NAME``;
``/quit`` ends its connection. The same program in Node would use the same calls.
"""

from __future__ import annotations

import sys

import uvnet


class ChatRoom:
    """Keeps the connected clients and relays complete lines between them."""

    def __init__(self) -> None:
        self.clients: dict[uvnet.Socket, str] = {}
        self.counter = 0

    def broadcast(self, text: str, sender: uvnet.Socket | None = None) -> None:
        for sock in list(self.clients):
            if sock is not sender and not sock.destroyed:
                sock.write(text)

    def join(self, sock: uvnet.Socket) -> None:
        self.counter += 1
        name = f"guest{self.counter}"
        self.clients[sock] = name
        sock.setEncoding("utf8")
        sock.write(f"welcome {name}\n")
        self.broadcast(f"* {name} joined\n", sock)
        pending = [""]

        def on_data(chunk: str) -> None:
            pending[0] += chunk
            *lines, pending[0] = pending[0].split("\n")
            for line in lines:
                self.handle_line(sock, line.rstrip("\r"))

        def on_close(had_error: bool) -> None:
            gone = self.clients.pop(sock, None)
            if gone is not None:
                self.broadcast(f"* {gone} left\n")

        sock.on("data", on_data)
        sock.on("close", on_close)
        sock.on("error", lambda err: None)  # a reset peer just leaves

    def handle_line(self, sock: uvnet.Socket, line: str) -> None:
        name = self.clients[sock]
        if line.startswith("/nick "):
            new = line[6:].strip() or name
            self.clients[sock] = new
            self.broadcast(f"* {name} is now {new}\n")
        elif line == "/quit":
            sock.end("bye\n")
        elif line:
            self.broadcast(f"<{name}> {line}\n", sock)


def create_chat_server() -> uvnet.Server:
    """A server that runs one :class:`ChatRoom`."""
    room = ChatRoom()
    return uvnet.createServer(room.join)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8125
    server = create_chat_server()

    def on_listening() -> None:
        address = server.address()  # a TCP server's is an AddressInfo dict
        assert isinstance(address, dict)
        print(f"chat server on port {address['port']}")

    server.listen(port, on_listening)
    uvnet.run()
