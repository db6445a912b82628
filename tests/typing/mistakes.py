"""Mistakes a type checker must report in a port (``tests/test_typing.py`` runs mypy on
this file; it is never executed). Each line that ends in ``# E: <code>`` must get an error
with that code, and no other line may get one."""

from __future__ import annotations

import uvnet

server = uvnet.createServer()
sock = uvnet.connect(8124, "127.0.0.1")

# The list.
sock.write(123)  # E: call-overload
server.listen(8124, "127.0.0.1", "oops")  # E: call-overload
uvnet.connect()  # E: call-overload
server.on("connection", lambda s: s.setKeepAlive(True, "soon"))  # E: call-overload
# A chained call keeps the emitter's class: a server is no socket, nor a socket a server.
server.on("listening", lambda: None).setEncoding("utf8")  # E: attr-defined
sock.on("connect", lambda: None).setEncoding("utf8").listen(0)  # E: attr-defined

# A listener that takes more arguments than the event has.
sock.on("close", lambda hadError, extra: None)  # E: call-overload
server.on("listening", lambda port: None)  # E: call-overload
# An event the class does not emit (another name: EventEmitter.on(sock, name, listener)).
sock.on("conect", lambda: None)  # E: call-overload
# A listener's argument used as what it is not.
sock.on("data", lambda chunk: None).on("close", lambda had: had.upper())  # E: call-overload

# Options: unknown keys, wrong values, a missing port or path.
uvnet.createServer({"allowHalfOpn": True})  # E: call-overload
uvnet.createServer(allowHalfOpen="yes")  # E: call-overload
server.listen({"prot": 0})  # E: call-overload
server.listen(port=0, backlog="big")  # E: call-overload
server.listen(prot=0)  # E: call-overload
uvnet.connect({"host": "127.0.0.1"})  # E: call-overload
uvnet.connect(host="127.0.0.1")  # E: call-overload
uvnet.Socket(allowHalfOpn=True)  # E: call-overload
uvnet.Socket("not options")  # E: call-overload

# Writes, ends, timeouts, socket options.
sock.write(b"x", "utf9")  # E: call-overload
sock.end(42)  # E: call-overload
sock.setTimeout("100")  # E: arg-type
sock.setNoDelay("yes")  # E: arg-type
sock.setKeepAlive(True, "soon")  # E: arg-type
sock.setEncoding("utf9")  # E: arg-type
uvnet.setTimeout(lambda a: None, 10)  # E: arg-type
uvnet.setTimeout(lambda a: None, 10, 1, 2)  # E: arg-type

# address() may be None or a pipe's path: a port needs the AddressInfo case first.
server.address()["port"]  # E: index
