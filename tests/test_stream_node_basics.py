"""Ports of Node v20's small test/parallel/test-stream-*.js files (one test per file)."""

from __future__ import annotations

import pytest
from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Duplex, PassThrough, Readable, Transform, Writable


def test_readable_constructor_set_methods() -> None:
    r: Readable

    def _read(n: int) -> None:
        r.push(None)

    r = Readable(read=common.mustCall(_read))
    r.resume()
    uvnet.run()


def test_passthrough_drain() -> None:
    pt = PassThrough(highWaterMark=0)
    pt.on("drain", common.mustCall())
    assert not pt.write("hello1")
    pt.read()
    pt.read()
    uvnet.run()


def test_write_drain() -> None:
    w = Writable(write=lambda data, enc, cb: uvnet.nextTick(cb), highWaterMark=1)
    w.on("drain", common.mustNotCall())
    w.write("asd")
    w.end()
    uvnet.run()


def test_readable_end_destroyed() -> None:
    # No 'end' after 'close'.
    r = Readable()
    r.on("end", common.mustNotCall())
    r.resume()
    r.destroy()
    r.on("close", common.mustCall(lambda: r.push(None)))
    uvnet.run()


def test_readable_error_end() -> None:
    r = Readable(read=lambda n: None)
    r.on("end", common.mustNotCall())
    r.on("data", common.mustCall())
    r.on("error", common.mustCall())
    r.push("asd")
    r.push(None)
    r.destroy(Exception("kaboom"))
    uvnet.run()


def test_readable_set_encoding_null() -> None:
    readable = Readable(encoding="hex")
    assert readable._readableState.encoding == "hex"
    readable.setEncoding(None)
    assert readable._readableState.encoding == "utf8"


def test_transform_callback_twice() -> None:
    def transform(chunk, enc, cb):  # type: ignore[no-untyped-def]
        cb()
        cb()

    s = Transform(transform=transform)
    s.on("error", common.expectsError(name="Error", message="Callback called multiple times",
                                      code="ERR_MULTIPLE_CALLBACK"))
    s.write("foo")
    uvnet.run()


def test_readable_with_unimplemented_read() -> None:
    readable = Readable()
    readable.read()
    readable.on("error", common.expectsError(code="ERR_METHOD_NOT_IMPLEMENTED", name="Error",
                                             message="The _read() method is not implemented"))
    readable.on("close", common.mustCall())
    uvnet.run()


def test_readable_data() -> None:
    readable = Readable(read=lambda n: None)

    def read() -> None:
        pass

    readable.setEncoding("utf8")
    readable.on("readable", read)
    readable.removeListener("readable", read)

    def later() -> None:
        readable.on("data", common.mustCall())
        readable.push("hello")

    uvnet.nextTick(later)
    uvnet.run()


def test_error_once() -> None:
    writable = Writable()
    writable.on("error", common.mustCall())
    writable.end()
    writable.write("h")
    writable.write("h")

    readable = Readable()
    readable.on("error", common.mustCall())
    readable.push(None)
    readable.push("h")
    readable.push("h")
    uvnet.run()


def test_writable_final_destroy() -> None:
    w = Writable(write=lambda chunk, encoding, callback: callback(None),
                 final=lambda callback: uvnet.nextTick(callback))
    w.end()
    w.destroy()
    w.on("prefinish", common.mustNotCall())
    w.on("finish", common.mustNotCall())
    w.on("close", common.mustCall())
    uvnet.run()


def test_stream2_finish_pipe_error() -> None:
    # Writing after end(): the pipe's write errors, and nobody listens for 'error'.
    r = Readable()
    r._read = lambda size: r.push(bytes(size))  # type: ignore[method-assign]
    w = Writable()
    w._write = lambda data, encoding, cb: cb(None)  # type: ignore[method-assign]
    r.pipe(w)
    w.end()
    with pytest.raises(Exception) as info:
        uvnet.run()
    assert getattr(info.value, "code", None) == "ERR_STREAM_WRITE_AFTER_END"
    uvnet.run()  # exactly one uncaught error


def test_destroy_event_order() -> None:
    rs = Readable(read=lambda n: None)
    seen = {"closed": False, "errored": False}

    def onclose() -> None:
        seen["closed"] = True
        assert seen["errored"]

    def onerror(err: BaseException) -> None:
        seen["errored"] = True
        assert not seen["closed"]

    rs.on("close", common.mustCall(onclose))
    rs.on("error", common.mustCall(onerror))
    rs.destroy(Exception("kaboom"))
    uvnet.run()


def test_pipe_error_unhandled() -> None:
    r = Readable(read=lambda n: r.push("asd"))
    w = Writable(autoDestroy=True, write=lambda *a: None)
    r.pipe(w)
    w.destroy(Exception("asd"))
    with pytest.raises(Exception) as info:
        uvnet.run()
    assert str(info.value) == "asd"
    uvnet.run()  # exactly one uncaught error


def test_transform_flush_data() -> None:
    expected = "asdf"
    t = Transform(transform=lambda d, e, n: n(), flush=lambda n: n(None, expected))
    t.end(b"blerg")
    t.on("data", common.mustCall(lambda data: assertEqual(data.decode(), expected)))
    uvnet.run()


def assertEqual(a: object, b: object) -> None:
    assert a == b, (a, b)


def test_writable_final_throw() -> None:
    class Foo(Duplex):
        def _final(self, callback):  # type: ignore[no-untyped-def]
            raise Exception("fhqwhgads")

        def _read(self, n: int) -> None:
            pass

    foo = Foo()
    foo._write = common.mustCall(lambda chunk, encoding, cb: cb())  # type: ignore[method-assign]
    foo.end("test", common.expectsError(message="fhqwhgads"))
    foo.on("error", common.mustCall())
    uvnet.run()


def test_events_prepend() -> None:
    # A destination without prependListener still gets the pipe's error handler.
    class W(Writable):
        def __init__(self) -> None:
            super().__init__()
            self.prependListener = None  # type: ignore[assignment]

        def _write(self, chunk, end, cb):  # type: ignore[no-untyped-def]
            cb()

    class R(Readable):
        def _read(self, n: int) -> None:
            self.push(None)

    w = W()
    w.on("pipe", common.mustCall())
    r = R()
    r.pipe(w)
    uvnet.run()


def test_writable_end_cb_uncaught() -> None:
    _err = Exception("kaboom")
    writable = Writable()
    writable._write = lambda chunk, encoding, cb: cb()  # type: ignore[method-assign]
    writable._final = lambda cb: cb(_err)  # type: ignore[attr-defined]
    writable.write("asd")
    writable.end(common.mustCall(lambda err: assertIs(err, _err)))
    with pytest.raises(Exception) as info:
        uvnet.run()
    assert str(info.value) == "kaboom"
    uvnet.run()


def assertIs(a: object, b: object) -> None:
    assert a is b, (a, b)


def test_writable_aborted() -> None:
    writable = Writable(write=lambda *a: None)
    assert writable.writableAborted is False
    writable.destroy()
    assert writable.writableAborted is True

    writable = Writable(write=lambda *a: None)
    assert writable.writableAborted is False
    writable.end()
    writable.destroy()
    assert writable.writableAborted is True
    uvnet.run()


def test_writable_properties() -> None:
    w = Writable()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0
    w.cork()
    assert w.writableCorked == 1
    w.cork()
    assert w.writableCorked == 2
    w.uncork()
    assert w.writableCorked == 1
    w.uncork()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0


def test_decoder_objectmode() -> None:
    readable = Readable(read=lambda n: None, encoding="utf16le", objectMode=True)
    readable.push("abc".encode("utf-16-le"))
    readable.push("def".encode("utf-16-le"))
    readable.push(None)
    assert readable.read() == "abc"
    assert readable.read() == "def"
    assert readable.read() is None


def test_write_final() -> None:
    state = {"shutdown": False}
    w: Writable

    def final(cb):  # type: ignore[no-untyped-def]
        def later() -> None:
            state["shutdown"] = True
            cb()
        uvnet.setTimeout(later, 100)

    w = Writable(final=common.mustCall(final), write=lambda chunk, e, cb: uvnet.nextTick(cb))
    w.on("finish", common.mustCall(lambda: assertEqual(state["shutdown"], True)))
    w.write(bytes(1))
    w.end(b"")
    uvnet.run()


def test_duplex_readable_end() -> None:
    loops = [5]

    def read(n: int) -> None:
        if loops[0]:
            loops[0] -= 1
            src.push(bytes(20000))
        else:
            loops[0] -= 1

    src = Readable(read=read)

    def transform(chunk, output, fn):  # type: ignore[no-untyped-def]
        dst.push(None)
        fn()

    dst = Transform(transform=transform)
    src.pipe(dst)
    dst.on("data", lambda d: None)

    def onend() -> None:
        assert loops[0] == 3
        assert src.isPaused()

    dst.on("end", common.mustCall(onend))
    uvnet.run()


def test_stream2_decode_partial() -> None:
    buf = []
    source = bytes([0xE2, 0x82, 0xAC]) + bytes([0xC2, 0xA2])
    readable = Readable(encoding="utf8")
    readable.push(source[0:2])
    readable.push(source[2:4])
    readable.push(source[4:6])
    readable.push(None)
    readable.on("data", lambda data: buf.append(data))
    uvnet.run()
    assert "".join(buf) == "\u20ac\u00a2"


def test_writable_end_multiple() -> None:
    writable = Writable()
    writable._write = lambda chunk, encoding, cb: uvnet.setTimeout(cb, 10)  # type: ignore[method-assign]
    writable.end("testing ended state", common.mustCall())
    writable.end(common.mustCall())

    def onfinish() -> None:
        ticked = [False]

        def cb(err: BaseException) -> None:
            assert ticked[0] is True
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"  # type: ignore[attr-defined]

        writable.end(common.mustCall(cb))
        ticked[0] = True

    writable.on("finish", common.mustCall(onfinish))
    uvnet.run()


def test_writable_finished_state() -> None:
    writable = Writable()

    def _write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert writable._writableState.finished is False
        cb()

    writable._write = _write  # type: ignore[method-assign]
    writable.on("finish", common.mustCall(
        lambda: assertEqual(writable._writableState.finished, True)))
    writable.end("testing finished state", common.mustCall(
        lambda err: assertEqual(writable._writableState.finished, True)))
    uvnet.run()


def test_pipe_need_drain() -> None:
    w = Writable(write=lambda buf, encoding, callback: uvnet.nextTick(callback), highWaterMark=1)
    while w.write("asd"):
        pass
    assert w.writableNeedDrain is True

    def read(n: int) -> None:
        r.push("asd")
        r.push(None)

    r = Readable(read=read)
    r.on("pause", common.mustCall(exact=2))
    r.on("end", common.mustCall())
    r.pipe(w)
    uvnet.run()


@pytest.mark.parametrize("method", ["push", "unshift"])
def test_readable_add_chunk_during_data(method: str) -> None:
    r = Readable(read=lambda n: None)

    def ondata(chunk: bytes) -> None:
        assert r.readableLength == 0
        getattr(r, method)(chunk)
        assert r.readableLength == len(chunk)
        r.on("data", common.mustCall(lambda c: assertEqual(c, b"Hello, world")))

    r.once("data", common.mustCall(ondata))
    r.push("Hello, world")
    uvnet.run()


def test_writable_needdrain_state() -> None:
    def _transform(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        def later() -> None:
            assert transform._writableState.needDrain is True
            cb()
        uvnet.nextTick(later)

    transform = Transform(transform=_transform, highWaterMark=1)
    assert transform._writableState.needDrain is False
    transform.write("asdasd", common.mustCall(
        lambda err: assertEqual(transform._writableState.needDrain, False)))
    assert transform._writableState.needDrain is True
    uvnet.run()


def test_readable_hwm_0_async() -> None:
    count = [5]

    def produce() -> None:
        if count[0]:
            count[0] -= 1
            r.push("a")
        else:
            count[0] -= 1
            r.push(None)

    # Called 6 times: five bring data, the last ends the stream.
    r = Readable(read=common.mustCall(lambda n: uvnet.nextTick(common.mustCall(produce)), 6),
                 highWaterMark=0)
    r.on("end", common.mustCall())
    r.on("data", common.mustCall(exact=5))
    uvnet.run()


@pytest.mark.parametrize("val", [[], {}, 0])
def test_readable_invalid_chunk(val: object) -> None:
    for method in ("push", "unshift"):
        readable = Readable(read=lambda n: None)
        readable.on("error", common.expectsError(code="ERR_INVALID_ARG_TYPE", name="TypeError"))
        getattr(readable, method)(val)
    uvnet.run()


def test_readable_resume_hwm() -> None:
    readable = Readable(read=common.mustNotCall(), highWaterMark=100)
    for _ in range(10):
        readable.push("a" * 200)
    readable.resume()
    readable.once("data", common.mustCall(lambda d: readable.pause()))
    uvnet.run()


def test_duplex_writable_finished() -> None:
    assert "writableFinished" in vars(Writable) and isinstance(Duplex.writableFinished, property)
    duplex = Duplex()

    def _write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert duplex.writableFinished is False
        cb()

    duplex._write = _write  # type: ignore[method-assign]
    duplex.on("finish", common.mustCall(lambda: assertEqual(duplex.writableFinished, True)))
    duplex.end("testing finished state", common.mustCall(
        lambda err: assertEqual(duplex.writableFinished, True)))
    uvnet.run()


def test_readable_readable_then_resume() -> None:
    first = [False]

    def read(n: int) -> None:
        if not first[0]:
            s.push("hello")
            first[0] = True
            return
        s.push(None)

    s = Readable(objectMode=True, highWaterMark=1, read=read)
    readableListener = common.mustNotCall()
    s.on("readable", readableListener)
    s.on("end", common.mustCall())
    assert Readable.removeListener is Readable.off
    s.removeListener("readable", readableListener)
    s.resume()
    uvnet.run()


def test_pipe_deadlock() -> None:
    # A source that is internally ended with buffered data, piped to a full destination.
    src = Readable(read=lambda n: None)
    src.push(bytes(100))
    src.push(None)
    src.pause()
    done = common.mustCall()

    def settled() -> None:
        dst = Writable(highWaterMark=1000, write=lambda buf, enc, cb: uvnet.nextTick(cb))
        dst.write(bytes(1000))
        dst.on("finish", common.mustCall())
        src.pipe(dst)
        done()

    uvnet.setImmediate(settled)
    uvnet.run()


def test_transform_hwm0() -> None:
    t = Transform(objectMode=True, highWaterMark=0,
                  transform=lambda chunk, enc, callback: uvnet.nextTick(
                      lambda: callback(None, chunk, enc)))
    assert t.write(1) is False

    def ondrain() -> None:
        assert t.write(2) is False
        t.end()

    t.on("drain", common.mustCall(ondrain))

    def onreadable() -> None:
        assert t.read() == 1

        def later() -> None:
            assert t.read() is None
            t.once("readable", common.mustCall(lambda: assertEqual(t.read(), 2)))

        uvnet.setImmediate(common.mustCall(later))

    t.once("readable", common.mustCall(onreadable))
    uvnet.run()


def test_readable_default_encoding() -> None:
    common.throws(lambda: Readable(read=lambda n: None, defaultEncoding="my invalid encoding"),
                  code="ERR_UNKNOWN_ENCODING")
    r = Readable(read=lambda n: None, defaultEncoding="hex")
    r.push("ab")
    r.on("data", common.mustCall(lambda chunk: assertEqual(chunk.hex(), "ab")))
    r2 = Readable(read=lambda n: None, defaultEncoding="hex")
    r2.push("xy", "utf-8")
    r2.on("data", common.mustCall(lambda chunk: assertEqual(chunk.decode(), "xy")))
    uvnet.run()


def test_readable_infinite_read() -> None:
    buf = bytes(8192)
    readable = Readable(read=common.mustCall(lambda n: readable.push(buf), 31))
    i = [0]

    def onreadable() -> None:
        i[0] += 1
        if i[0] - 1 == 10:
            # Stop here: no further 'readable' (Node removes process's listeners, a no-op).
            return
        data = readable.read()
        if i[0] == 1:
            assert len(data) == 8192 * 2
        else:
            assert len(data) == 8192 * 3

    readable.on("readable", common.mustCall(onreadable, 11))
    uvnet.run()
