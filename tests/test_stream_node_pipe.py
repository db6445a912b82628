"""Ports of Node v20's test-stream-pipe-*.js files."""

from __future__ import annotations

from stream_node import assertEqual, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import PassThrough, Readable, Writable


def test_pipe_after_end() -> None:
    class TestReadable(Readable):
        def __init__(self, opt: object = None) -> None:
            super().__init__(opt)  # type: ignore[arg-type]
            self._ended = False

        def _read(self, n: int) -> None:
            if self._ended:
                self.emit("error", Exception("_read called twice"))
            self._ended = True
            self.push(None)

    class TestWritable(Writable):
        def __init__(self, opt: object = None) -> None:
            super().__init__(opt)  # type: ignore[arg-type]
            self._written: list[bytes] = []

        def _write(self, chunk, encoding, cb):  # type: ignore[no-untyped-def]
            self._written.append(chunk)
            cb()

    ender = TestReadable()
    piper = TestReadable()
    piper.read()

    def later() -> None:
        ender.on("end", common.mustCall())
        assert ender.read() is None
        w = TestWritable()
        w.on("finish", common.mustCall())
        piper.pipe(w)

    uvnet.setTimeout(common.mustCall(later), 1)
    uvnet.run()


def test_pipe_await_drain() -> None:
    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()
    writer3 = Writable()
    buffer = bytes(560000)
    reader._read = lambda n: None  # type: ignore[method-assign]

    def w1(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        writer1.emit("chunk-received")
        uvnet.nextTick(cb)

    writer1._write = common.mustCall(w1, 1)  # type: ignore[method-assign]

    def received() -> None:
        assert len(reader._readableState.awaitDrainWriters) == 0
        uvnet.setImmediate(lambda: reader.push(buffer))

    writer1.once("chunk-received", received)
    writer2._write = common.mustCall(  # type: ignore[method-assign]
        lambda chunk, encoding, cb: assertEqual(len(reader._readableState.awaitDrainWriters), 1),
        1)
    writer3._write = common.mustCall(  # type: ignore[method-assign]
        lambda chunk, encoding, cb: assertEqual(len(reader._readableState.awaitDrainWriters), 2),
        1)
    reader.pipe(writer1)
    reader.pipe(writer2)
    reader.pipe(writer3)
    reader.push(buffer)
    uvnet.run()


def test_pipe_await_drain_manual_resume() -> None:
    writable = Writable(highWaterMark=5)
    buffering = [True]
    queue: list = []

    def _write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        if buffering[0]:
            queue.append(cb)
        else:
            cb()

    writable._write = _write  # type: ignore[method-assign]
    readable = Readable(read=lambda n: None)
    readable.pipe(writable)

    def second_pause() -> None:
        # resume() does not reset awaitDrainWriters.
        assert readable._readableState.awaitDrainWriters is writable
        buffering[0] = False
        for cb in queue:
            cb()

    def first_pause() -> None:
        assert readable._readableState.awaitDrainWriters is writable
        uvnet.nextTick(common.mustCall(readable.resume))
        readable.once("pause", common.mustCall(second_pause))

    readable.once("pause", common.mustCall(first_pause))
    readable.push(bytes(100))  # fills the writable: first 'pause'
    readable.push(bytes(100))  # second 'pause'
    readable.push(bytes(100))  # gets through
    readable.push(None)
    writable.on("finish", common.mustCall(
        lambda: assertIs(readable._readableState.awaitDrainWriters, None)))
    uvnet.run()


def test_pipe_await_drain_push_while_write() -> None:
    bufs = [bytes(32 * 1024), bytes(33 * 1024)]  # above the hwm

    def write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert readable._readableState.awaitDrainWriters is None
        if len(chunk) == 32 * 1024:  # the first chunk
            readable.push(bytes(34 * 1024))  # above the hwm
            uvnet.nextTick(
                lambda: assertIs(readable._readableState.awaitDrainWriters, writable))
        uvnet.nextTick(cb)

    writable = Writable(write=common.mustCall(write, 3))

    def read(n: int) -> None:
        while bufs:
            readable.push(bufs.pop(0))

    readable = Readable(read=read)
    readable.pipe(writable)
    uvnet.run()


def test_pipe_cleanup_pause() -> None:
    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()
    buffer = bytes(560000)
    reader._read = lambda n: None  # type: ignore[method-assign]

    def w1(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        writer1.emit("chunk-received")
        cb()

    writer1._write = common.mustCall(w1, 1)  # type: ignore[method-assign]

    def received() -> None:
        reader.unpipe(writer1)
        reader.pipe(writer2)
        reader.push(buffer)

        def later() -> None:
            reader.push(buffer)
            uvnet.setImmediate(lambda: reader.push(buffer))

        uvnet.setImmediate(later)

    writer1.once("chunk-received", received)
    writer2._write = common.mustCall(lambda chunk, encoding, cb: cb(), 3)  # type: ignore[method-assign]
    reader.pipe(writer1)
    reader.push(buffer)
    uvnet.run()


def test_pipe_flow_hwm0_object_writable() -> None:
    ticks = [17]

    def read(n: int) -> None:
        ticks[0] -= 1
        if ticks[0] + 1 > 0:
            uvnet.nextTick(lambda: rs.push({}))
            return
        rs.push({})
        rs.push(None)

    rs = Readable(objectMode=True, read=read)
    ws = Writable(highWaterMark=0, objectMode=True,
                  write=lambda data, end, cb: uvnet.setImmediate(cb))
    rs.on("end", common.mustCall())
    ws.on("finish", common.mustCall())
    rs.pipe(ws)
    uvnet.run()


def test_pipe_flow_chained_passthroughs() -> None:
    missing = [8]

    def read(n: int) -> None:
        if missing[0]:
            missing[0] -= 1
            rs.push({})
        else:
            missing[0] -= 1
            rs.push(None)

    rs = Readable(objectMode=True, read=read)
    pt = rs.pipe(PassThrough(objectMode=True, highWaterMark=2)).pipe(
        PassThrough(objectMode=True, highWaterMark=2))
    pt.on("end", lambda: wrapper.push(None))

    def wread(n: int) -> None:
        def later() -> None:
            data = pt.read()
            if data is None:
                def onreadable() -> None:
                    d = pt.read()
                    if d is not None:
                        wrapper.push(d)
                pt.once("readable", onreadable)
            else:
                wrapper.push(data)
        uvnet.nextTick(later)

    wrapper = Readable(objectMode=True, read=wread)
    wrapper.resume()
    wrapper.on("end", common.mustCall())
    uvnet.run()


def test_pipe_flow_no_drain_listener() -> None:
    rs = Readable(read=lambda n: None)
    pt = rs.pipe(PassThrough(objectMode=True, highWaterMark=2))
    assert pt.listenerCount("drain") == 0
    pt.on("finish", lambda: assertEqual(pt.listenerCount("drain"), 0))
    rs.push("asd")
    assert pt.listenerCount("drain") == 0

    def later() -> None:
        rs.push("asd")
        assert pt.listenerCount("drain") == 0
        rs.push(None)
        assert pt.listenerCount("drain") == 0

    uvnet.nextTick(later)
    uvnet.run()


def test_pipe_flow_after_unpipe() -> None:
    rs = Readable(highWaterMark=1, read=common.mustCallAtLeast(lambda n: rs.push("foo"), 20))
    ws = Writable(highWaterMark=1, write=common.mustCall(
        lambda *a: uvnet.setImmediate(lambda: rs.unpipe(ws))))
    chunks = [0]

    def ondata(chunk: bytes) -> None:
        chunks[0] += 1
        if chunks[0] >= 20:
            rs.pause()  # finishes the test

    rs.on("data", common.mustCallAtLeast(ondata))
    rs.pipe(ws)
    uvnet.run()


def test_pipe_multiple_pipes() -> None:
    readable = Readable(read=lambda n: None)
    writables = []
    for _ in range(5):
        box: list = []
        target = Writable(write=common.mustCall(lambda c, e, cb, box=box: (
            box[0].output.append(c), cb()), 1))
        box.append(target)
        target.output = []  # type: ignore[attr-defined]
        target.on("pipe", common.mustCall())
        readable.pipe(target)
        writables.append(target)
    data = bytes([1, 2, 3, 4, 5])
    readable.push(data)

    def later() -> None:
        for target in writables:
            assert target.output == [data]  # type: ignore[attr-defined]
            target.on("unpipe", common.mustCall())
            readable.unpipe(target)
        readable.push("something else")  # does not get through
        readable.push(None)
        readable.resume()  # so that 'end' is emitted

    uvnet.nextTick(common.mustCall(later))

    def onend() -> None:
        for target in writables:
            assert target.output == [data]  # type: ignore[attr-defined]

    readable.on("end", common.mustCall(onend))
    uvnet.run()


def test_pipe_same_destination_twice() -> None:
    def check(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert chunk == b"foobar"
        cb()

    pt = PassThrough()
    dest = Writable(write=common.mustCall(check))
    pt.pipe(dest)
    pt.pipe(dest)
    assert len(pt._events["data"]) == 2
    assert pt._readableState.pipes == [dest, dest]
    pt.unpipe(dest)
    assert len(pt._events["data"]) == 1
    assert pt._readableState.pipes == [dest]
    pt.write("foobar")
    pt.pipe(dest)

    pt2 = PassThrough()
    dest2 = Writable(write=common.mustCall(check, 2))
    pt2.pipe(dest2)
    pt2.pipe(dest2)
    assert len(pt2._events["data"]) == 2
    assert pt2._readableState.pipes == [dest2, dest2]
    pt2.write("foobar")

    pt3 = PassThrough()
    dest3 = Writable(write=common.mustNotCall())
    pt3.pipe(dest3)
    pt3.pipe(dest3)
    assert len(pt3._events["data"]) == 2
    pt3.unpipe(dest3)
    pt3.unpipe(dest3)
    assert pt3._events.get("data") is None
    assert len(pt3._readableState.pipes) == 0
    pt3.write("foobar")
    uvnet.run()


def nop(*a: object) -> None:
    pass


def test_pipe_unpipe_streams() -> None:
    source = Readable(read=nop)
    dest1 = Writable(write=nop)
    dest2 = Writable(write=nop)
    source.pipe(dest1)
    source.pipe(dest2)
    dest1.on("unpipe", common.mustCall())
    dest2.on("unpipe", common.mustCall())
    assert source._readableState.pipes == [dest1, dest2]
    source.unpipe(dest2)
    assert source._readableState.pipes == [dest1]
    dest2.on("unpipe", common.mustNotCall())
    source.unpipe(dest2)
    source.unpipe(dest1)
    assert len(source._readableState.pipes) == 0
    uvnet.run()


def test_pipe_unpipe_all_cleans_up() -> None:
    source = Readable(read=nop)
    dest1 = Writable(write=nop)
    dest2 = Writable(write=nop)
    count = [0]

    def checkSrcCleanup() -> None:
        assert len(source._readableState.pipes) == 0
        assert source._readableState.flowing is False
        for name in ("end", "data"):
            assert source.listenerCount(name) == 0, name

    checkSrc = common.mustCall(checkSrcCleanup)

    def checkDestCleanup(dest: Writable) -> None:
        count[0] += 1
        source.pipe(dest)

        def unpipeChecker(*args: object) -> None:
            assert dest.listeners("unpipe") == [checker]
            dest.removeListener("unpipe", checker)
            for name in ("close", "finish", "drain", "error", "unpipe"):
                assert dest.listenerCount(name) == 0, name
            count[0] -= 1
            if count[0] == 0:
                checkSrc()

        checker = common.mustCall(unpipeChecker)
        dest.on("unpipe", checker)

    checkDestCleanup(dest1)
    checkDestCleanup(dest2)
    source.unpipe()

    src = Readable(read=nop)
    dst = Writable(write=nop)
    src.pipe(dst)

    def onresume() -> None:
        src.on("pause", common.mustCall())
        src.unpipe(dst)

    src.on("resume", common.mustCall(onresume))
    uvnet.run()


class NullWriteable(Writable):
    def _write(self, chunk, encoding, callback):  # type: ignore[no-untyped-def]
        return callback()


class QuickEndReadable(Readable):
    def _read(self, n: int) -> None:
        self.push(None)


class NeverEndReadable(Readable):
    def _read(self, n: int) -> None:
        pass


def test_unpipe_event() -> None:
    cases = [
        # (source class, pipe options, unpipe by hand, 'unpipe' expected, pipes left)
        (QuickEndReadable, None, False, True, 0),
        (NeverEndReadable, None, False, False, 1),
        (NeverEndReadable, None, True, True, 0),
        (QuickEndReadable, {"end": False}, False, True, 0),
        (NeverEndReadable, {"end": False}, False, False, 1),
        (NeverEndReadable, {"end": False}, True, True, 0),
    ]
    for cls, opts, by_hand, expect_unpipe, left in cases:
        dest = NullWriteable()
        src = cls()
        dest.on("pipe", common.mustCall())
        dest.on("unpipe", common.mustCall() if expect_unpipe else
                common.mustNotCall("unpipe should not have been emitted"))
        src.pipe(dest, opts)
        if by_hand:
            src.unpipe(dest)
        uvnet.setImmediate(lambda src=src, left=left: assertEqual(
            len(src._readableState.pipes), left))
    uvnet.run()
