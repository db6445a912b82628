"""A tiny length-prefixed binary key/value protocol over TCP: each frame is
[u32 BE length][u8 op][u16 BE key length][key][value]. Logged with console.log.

The line-by-line port of binary_kv.js: Buffer methods and console.log as in Node, no helper
of its own (tests/test_examples.py checks that both print the same)."""

from __future__ import annotations

from typing import Any, Callable

import uvnet
from uvnet import Buffer, console

store: dict[str, Buffer] = {}
OPS = {"SET": 1, "GET": 2}


def frame(op: int, key: str, value: Buffer | None = None) -> Buffer:
    if value is None:
        value = Buffer.alloc(0)
    keyBuf = Buffer.from_(key, "utf8")
    head = Buffer.alloc(7)
    head.writeUInt32BE(3 + keyBuf.length + value.length, 0)
    head.writeUInt8(op, 4)
    head.writeUInt16BE(keyBuf.length, 5)
    return Buffer.concat([head, keyBuf, value])


def parser(onFrame: Callable[[int, str, Buffer], None]) -> Callable[[Buffer], None]:
    pending = Buffer.alloc(0)

    def onData(chunk: Buffer) -> None:
        nonlocal pending
        pending = Buffer.concat([pending, chunk])
        while pending.length >= 4:
            length = pending.readUInt32BE(0)
            if pending.length < 4 + length:
                break
            body = pending.subarray(4, 4 + length)
            pending = pending.subarray(4 + length)
            op = body.readUInt8(0)
            keyLen = body.readUInt16BE(1)
            onFrame(op, body.toString("utf8", 3, 3 + keyLen), body.subarray(3 + keyLen))

    return onData


def onConnection(sock: uvnet.Socket) -> None:
    def onFrame(op: int, key: str, value: Buffer) -> None:
        console.log("server: op %d key %s value %o", op, key, value)
        if op == OPS["SET"]:
            store[key] = Buffer.from_(value)
            sock.write(frame(OPS["SET"], key))
        else:
            sock.write(frame(OPS["GET"], key, store.get(key) or Buffer.alloc(0)))

    sock.on("data", parser(onFrame))
    sock.on("end", lambda: sock.end())


server = uvnet.createServer(onConnection)


def onListening() -> None:
    address: Any = server.address()
    port, family = address["port"], address["family"]
    console.log("listening", {"family": family, "portIsNumber": isinstance(port, int)})
    client = uvnet.connect(port, "127.0.0.1")
    replies: list[dict[str, Any]] = []

    def onReply(op: int, key: str, value: Buffer) -> None:
        replies.append({"op": op, "key": key, "value": value.toString("hex"),
                        "length": value.length})
        if len(replies) == 4:
            console.log(replies)
            console.log("hex of a frame:", frame(OPS["GET"], "k\u00e9").toString("hex"))
            temp = Buffer.alloc(8)
            temp.writeDoubleLE(21.5, 0)
            console.log(temp, temp.readDoubleLE(0), temp.equals(Buffer.from_(temp)))
            client.end()

    client.on("data", parser(onReply))
    reading = Buffer.alloc(6)
    reading.writeInt16BE(-12, 0)
    reading.writeUInt32LE(0xDEADBEEF, 2)
    client.write(frame(OPS["SET"], "temp", reading))
    client.write(frame(OPS["SET"], "name\u00e9", Buffer.from_("caf\u00e9")))
    client.write(frame(OPS["GET"], "temp"))
    client.write(frame(OPS["GET"], "missing"))

    def onClose(hadError: bool) -> None:
        console.log("client closed", hadError, len(store))
        server.close(lambda: console.log("server closed"))

    client.on("close", onClose)


server.listen(0, "127.0.0.1", onListening)
uvnet.run()
