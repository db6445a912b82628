"""Correct ports a type checker must accept, as they are written from Node code
(``tests/test_typing.py`` runs mypy on this file beside ``examples/``; it is never
executed). ``assert_type`` checks what a call returns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import uvnet
from uvnet.net import AddressInfo

if TYPE_CHECKING:
    from typing_extensions import assert_type

server = uvnet.createServer(lambda c: c.end("bye\n"))
server = uvnet.createServer({"allowHalfOpen": True}, lambda c: None)
server = uvnet.createServer(lambda: None, allowHalfOpen=True, pauseOnConnect=False)
server = uvnet.Server(noDelay=True)

# listen's forms, as Node's overloads and as keywords.
server.listen(8124)
server.listen(8124, "127.0.0.1")
server.listen(8124, "127.0.0.1", 511, lambda: None)
server.listen(8124, "127.0.0.1", lambda: None)
server.listen(8124, lambda: None)
server.listen("/tmp/uvnet.sock", lambda: None)
server.listen({"port": 0, "host": "127.0.0.1", "exclusive": True}, lambda: None)
server.listen(port=0, host="127.0.0.1")
server.listen(lambda: None, port=0)
server.listen()

# Listeners: the event's arguments, or fewer of them (JS's argument rule).
server.on("connection", lambda sock: sock.setKeepAlive(True, 1000).setNoDelay())
server.on("connection", lambda: None)
server.on("listening", lambda: print("bound"))
server.on("error", lambda err: print(err))
server.on("error", lambda err: print("in use" if err.code == "EADDRINUSE" else err))


def on_error(err: uvnet.UVException) -> None:
    print(err.code, err.syscall)


server.on("error", on_error)
server.on("close", lambda: None)
server.on("drop", lambda data: print(data and data.get("remoteAddress")))
assert_type(server.on("listening", lambda: None).listen(0), uvnet.Server)
assert_type(server.once("close", lambda: None).close(), uvnet.Server)


def on_connection(sock: uvnet.Socket) -> None:
    sock.setEncoding("utf8").on("data", lambda text: print(text))


server.prependListener("connection", on_connection).off("connection", on_connection)

sock = uvnet.connect(8124, "127.0.0.1", lambda: print("connected"))
sock = uvnet.connect(8124, lambda: None)
sock = uvnet.connect("/tmp/uvnet.sock")
sock = uvnet.connect({"port": 8124, "host": "127.0.0.1", "noDelay": True})
sock = uvnet.connect({"path": "/tmp/uvnet.sock"}, lambda: None)
sock = uvnet.connect(port=80, host="example.org")
sock = uvnet.connect(8124, "127.0.0.1", allowHalfOpen=True)
sock = uvnet.createConnection(path="/tmp/uvnet.sock", timeout=1000)
sock = uvnet.Socket()
sock = uvnet.Socket({"allowHalfOpen": True})
sock = uvnet.Socket(allowHalfOpen=True, readable=True)
sock.connect(8124, "127.0.0.1", lambda: None)
sock.connect({"port": 8124}).setTimeout(1000, lambda: sock.destroy())

assert_type(sock.on("data", lambda chunk: None), uvnet.Socket)
assert_type(sock.on("end", lambda: None).setEncoding("utf8"), uvnet.Socket)
sock.on("close", lambda hadError: print("closed", hadError))
sock.on("close", lambda: None)
sock.on("lookup", lambda err, address, family, host: print(address, family))
sock.on("lookup", lambda err: None)
sock.on("timeout", lambda: sock.end())
sock.on("drain", lambda: sock.resume())
sock.on("connectionAttempt", lambda ip, port, family: None)
sock.once("ready", lambda: None).prependOnceListener("finish", lambda: None)
sock.addListener("pipe", lambda src: src.unpipe())
sock.removeAllListeners("data").removeListener("end", on_connection)

# write and end: bytes-like or str, an encoding, a callback with or without the error.
sock.write(b"hello")
sock.write(bytearray(b"hello"), lambda err: None)
sock.write("hello", "utf8", lambda: None)
sock.write("68656c6c6f", "hex")
sock.write(memoryview(b"x"), callback=lambda err: print(err))
sock.end()
sock.end(lambda: None)
sock.end(b"bye")
sock.end("bye", "latin1", lambda err: None)
ok: bool = sock.write(b"x")

# address(): a socket's (or {} before it is bound), a server's (or its path, or None).
port: int = sock.address()["port"]
address = server.address()
if isinstance(address, dict):
    info: AddressInfo = address
    print(info["port"], info["family"], info["address"])

# Timers: the callback takes the arguments given after the delay.
timer = uvnet.setTimeout(lambda: None, 10)
uvnet.setTimeout(lambda a, b: print(a + b), 10, 1, 2)
uvnet.setInterval(lambda: None, 10).unref().ref()
uvnet.clearTimeout(timer)
uvnet.setImmediate(lambda name: print(name), "x")

# An event a class does not emit: EventEmitter's own method takes any name.
uvnet.EventEmitter.on(sock, "custom", lambda *args: None)
emitter = uvnet.EventEmitter()
emitter.on("anything", lambda x, y: None).emit("anything", 1, 2)
emitter.on(uvnet.errorMonitor, lambda err: None)


# A stream of one's own, as Node code subclasses them.
class Counter(uvnet.stream.Readable):
    def __init__(self) -> None:
        super().__init__(objectMode=True)
        self.n = 0

    def _read(self, size: int) -> None:
        self.n += 1
        self.push(self.n if self.n < 3 else None)


counter: Any = Counter().on("data", lambda n: print(n)).on("end", lambda: None)
uvnet.run()
