"""Ports of Node v20's test-stream-writev.js and test-stream3-cork-end.js."""

from __future__ import annotations

import itertools

import pytest
from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Writable


@pytest.mark.parametrize("decode,uncork,multi", list(itertools.product([False, True], repeat=3)))
def test_writev(decode: bool, uncork: bool, multi: bool) -> None:
    counter = [0]
    expectCount = [0]

    def cnt(msg: str):  # type: ignore[no-untyped-def]
        expectCount[0] += 1
        expect = expectCount[0]

        def check(er: object = None) -> None:
            assert er is None
            counter[0] += 1
            assert counter[0] == expect, msg

        return check

    w = Writable(decodeStrings=decode)
    w._write = common.mustNotCall("Should not call _write")  # type: ignore[method-assign]
    if decode:
        expectChunks = [
            {"encoding": "buffer", "chunk": list(b"hello, ")},
            {"encoding": "buffer", "chunk": list(b"world")},
            {"encoding": "buffer", "chunk": [33]},
            {"encoding": "buffer", "chunk": list(b"\nand then...")},
            {"encoding": "buffer", "chunk": list(bytes.fromhex("facebea7deadbeefdecafbad"))},
        ]
    else:
        expectChunks = [
            {"encoding": "ascii", "chunk": "hello, "},
            {"encoding": "utf8", "chunk": "world"},
            {"encoding": "buffer", "chunk": [33]},
            {"encoding": "latin1", "chunk": "\nand then..."},
            {"encoding": "hex", "chunk": "facebea7deadbeefdecafbad"},
        ]
    actual: list = []

    def _writev(chunks, cb):  # type: ignore[no-untyped-def]
        actual[:] = [{"encoding": c["encoding"],
                      "chunk": list(c["chunk"]) if isinstance(c["chunk"], (bytes, bytearray))
                      else c["chunk"]}
                     for c in chunks]
        cb()

    w._writev = _writev  # type: ignore[method-assign]
    w.cork()
    w.write("hello, ", "ascii", cnt("hello"))
    w.write("world", "utf8", cnt("world"))
    if multi:
        w.cork()
    w.write(b"!", "buffer", cnt("!"))
    w.write("\nand then...", "latin1", cnt("and then"))
    if multi:
        w.uncork()
    w.write("facebea7deadbeefdecafbad", "hex", cnt("hex"))
    if uncork:
        w.uncork()
    w.end(cnt("end"))

    def onfinish() -> None:
        # 'finish' comes after every write callback.
        cnt("finish")()
        assert actual == expectChunks

    w.on("finish", common.mustCall(onfinish))
    uvnet.run()


def test_writev_only() -> None:
    w = Writable(writev=common.mustCall(lambda chunks, cb: cb()))
    w.write("asd", common.mustCall())
    uvnet.run()


def test_cork_end() -> None:
    expectedChunks = ["please", "buffer", "me", "kindly"]
    inputChunks = list(expectedChunks)
    seenChunks: list[bytes] = []
    seenEnd = [False]
    w = Writable()

    def _write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert not seenEnd[0]  # 'finish' is not seen before the last write
        assert encoding == "buffer"
        seenChunks.append(chunk)
        cb()

    w._write = _write  # type: ignore[method-assign]
    w.on("finish", lambda: seenEnd.__setitem__(0, True))

    def writeChunks(remaining: list[str], callback) -> None:  # type: ignore[no-untyped-def]
        if remaining:
            chunk = remaining.pop(0)

            def later() -> None:
                assert w.write(chunk)  # not told to stop writing
                writeChunks(remaining, callback)

            uvnet.setImmediate(later)
        else:
            callback()

    w.write("stuff")
    assert len(seenChunks) == 1
    seenChunks.clear()
    w.cork()

    def done() -> None:
        assert len(seenChunks) == 0
        w.end()  # flushes and ends
        assert not seenEnd[0]
        assert seenChunks == [c.encode() for c in expectedChunks]
        uvnet.setImmediate(common.mustCall(lambda: assertTrue(seenEnd[0])))

    writeChunks(inputChunks, common.mustCall(done))
    uvnet.run()


def assertTrue(v: object) -> None:
    assert v
