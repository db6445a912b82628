"""Ports of Node v20's test-stream-duplex-destroy.js, test-stream-transform-destroy.js and
test-stream-auto-destroy.js."""

from __future__ import annotations

from stream_node import AbortController, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Duplex, Readable, Transform, Writable


def ok(chunk: object, enc: object, cb) -> None:  # type: ignore[no-untyped-def]
    cb()


def nop(*a: object) -> None:
    pass


def duplex(**kw: object) -> Duplex:
    return Duplex(write=ok, read=nop, **kw)


# --- test-stream-duplex-destroy.js -----------------------------------------------------------

def test_duplex_destroy() -> None:
    d = duplex()
    d.resume()
    d.on("end", common.mustNotCall())
    d.on("finish", common.mustNotCall())
    d.on("close", common.mustCall())
    d.destroy()
    assert d.destroyed is True
    uvnet.run()


def test_duplex_destroy_error() -> None:
    d = duplex()
    d.resume()
    expected = Exception("kaboom")
    d.on("end", common.mustNotCall())
    d.on("finish", common.mustNotCall())
    d.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    d.destroy(expected)
    assert d.destroyed is True
    uvnet.run()


def test_duplex_custom_destroy() -> None:
    d = duplex()
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb(err)

    d._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    d.on("finish", common.mustNotCall("no finish event"))
    d.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    d.destroy(expected)
    assert d.destroyed is True
    uvnet.run()


def test_duplex_custom_destroy_swallows() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb()

    d = duplex(destroy=common.mustCall(destroy))
    d.resume()
    d.on("end", common.mustNotCall("no end event"))
    d.on("finish", common.mustNotCall("no finish event"))
    d.on("error", common.mustNotCall("no error event"))
    d.on("close", common.mustCall())
    d.destroy(expected)
    assert d.destroyed is True
    uvnet.run()


def test_duplex_destroy_null() -> None:
    d = duplex()

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb()

    d._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    d.destroy()
    assert d.destroyed is True
    uvnet.run()


def test_duplex_push_null_and_end_inside_destroy() -> None:
    d = duplex()
    d.resume()

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None

        def later() -> None:
            d.push(None)
            d.end()
            cb()

        uvnet.nextTick(later)

    d._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    fail = common.mustNotCall("no finish or end event")
    d.on("finish", fail)
    d.on("end", fail)
    d.destroy()
    d.removeListener("end", fail)
    d.removeListener("finish", fail)
    d.on("end", common.mustNotCall())
    d.on("finish", common.mustNotCall())
    assert d.destroyed is True
    uvnet.run()


def test_duplex_error_from_destroy_callback() -> None:
    d = duplex()
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb(expected)

    d._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    d.on("finish", common.mustNotCall("no finish event"))
    d.on("end", common.mustNotCall("no end event"))
    d.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    d.destroy()
    assert d.destroyed is True
    uvnet.run()


def test_duplex_half_open_destroy() -> None:
    d = duplex(allowHalfOpen=True)
    d.resume()
    d.on("finish", common.mustNotCall())
    d.on("end", common.mustNotCall())
    d.destroy()
    assert d.destroyed is True
    uvnet.run()


def test_duplex_destroyed_setter() -> None:
    d = duplex()
    d.destroyed = True
    assert d.destroyed is True
    d.on("finish", common.mustNotCall())
    d.on("end", common.mustNotCall())
    d.destroy()
    uvnet.run()


def test_duplex_subclass_destroyed_before_init() -> None:
    class MyDuplex(Duplex):
        def __init__(self) -> None:
            assert self.destroyed is False
            self.destroyed = False
            super().__init__()

    MyDuplex()


def test_duplex_auto_destroy_one_sided() -> None:
    d = duplex(writable=False, autoDestroy=True)
    d.push(None)
    d.resume()
    d.on("close", common.mustCall())
    d2 = duplex(readable=False, autoDestroy=True)
    d2.end()
    d2.on("close", common.mustCall())
    uvnet.run()


def test_duplex_not_half_open_ends_on_next_tick() -> None:
    d = duplex(allowHalfOpen=False, autoDestroy=True)
    d.push(None)
    d.resume()
    orgEnd = d.end
    d.end = common.mustNotCall()  # type: ignore[method-assign]

    def onend() -> None:
        # end() comes on the next tick, so pending writes go first.
        def later() -> None:
            d.end = common.mustCall(orgEnd)  # type: ignore[method-assign]
        uvnet.nextTick(later)

    d.on("end", onend)
    d.on("close", common.mustCall())
    uvnet.run()


def test_duplex_abort_signal() -> None:
    controller = AbortController()
    d = duplex(signal=controller.signal)
    count = [0]

    def onerror(e: BaseException) -> None:
        assert count[0] == 0  # not called twice
        count[0] += 1
        assert e.name == "AbortError"  # type: ignore[attr-defined]

    d.on("error", common.mustCall(onerror))
    d.on("close", common.mustCall())
    controller.abort()
    uvnet.run()


# --- test-stream-transform-destroy.js --------------------------------------------------------

def transform() -> Transform:
    return Transform(transform=lambda chunk, enc, cb: None)


def test_transform_destroy() -> None:
    t = transform()
    t.resume()
    t.on("end", common.mustNotCall())
    t.on("close", common.mustCall())
    t.on("finish", common.mustNotCall())
    t.destroy()
    uvnet.run()


def test_transform_destroy_error() -> None:
    t = transform()
    t.resume()
    expected = Exception("kaboom")
    t.on("end", common.mustNotCall())
    t.on("finish", common.mustNotCall())
    t.on("close", common.mustCall())
    t.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    t.destroy(expected)
    uvnet.run()


def test_transform_custom_destroy() -> None:
    t = transform()
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb(err)

    t._destroy = common.mustCall(_destroy, 1)  # type: ignore[method-assign]
    t.on("finish", common.mustNotCall("no finish event"))
    t.on("close", common.mustCall())
    t.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    t.destroy(expected)
    uvnet.run()


def test_transform_custom_destroy_swallows() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb()

    t = Transform(transform=lambda c, e, cb: None, destroy=common.mustCall(destroy, 1))
    t.resume()
    t.on("end", common.mustNotCall("no end event"))
    t.on("close", common.mustCall())
    t.on("finish", common.mustNotCall("no finish event"))
    t.on("error", common.mustNotCall("no error event"))
    t.destroy(expected)
    uvnet.run()


def test_transform_destroy_null() -> None:
    t = transform()

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb()

    t._destroy = common.mustCall(_destroy, 1)  # type: ignore[method-assign]
    t.destroy()
    uvnet.run()


def test_transform_push_null_and_end_inside_destroy() -> None:
    t = transform()
    t.resume()

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None

        def later() -> None:
            t.push(None)
            t.end()
            cb()

        uvnet.nextTick(later)

    t._destroy = common.mustCall(_destroy, 1)  # type: ignore[method-assign]
    fail = common.mustNotCall("no event")
    t.on("finish", fail)
    t.on("end", fail)
    t.on("close", common.mustCall())
    t.destroy()
    t.removeListener("end", fail)
    t.removeListener("finish", fail)
    t.on("end", common.mustCall())
    t.on("finish", common.mustNotCall())
    uvnet.run()


def test_transform_error_from_destroy_callback() -> None:
    t = transform()
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb(expected)

    t._destroy = common.mustCall(_destroy, 1)  # type: ignore[method-assign]
    t.on("close", common.mustCall())
    t.on("finish", common.mustNotCall("no finish event"))
    t.on("end", common.mustNotCall("no end event"))
    t.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    t.destroy()
    uvnet.run()


# --- test-stream-auto-destroy.js -------------------------------------------------------------

def test_auto_destroy_readable() -> None:
    def read(n: int) -> None:
        r.push("hello")
        r.push("world")
        r.push(None)

    r = Readable(autoDestroy=True, read=read, destroy=common.mustCall(lambda err, cb: cb()))
    ended = [False]
    r.resume()
    r.on("end", common.mustCall(lambda: ended.__setitem__(0, True)))
    r.on("close", common.mustCall(lambda: assertIs(ended[0], True)))
    uvnet.run()


def test_auto_destroy_writable() -> None:
    w = Writable(autoDestroy=True, write=lambda data, enc, cb: cb(None),
                 destroy=common.mustCall(lambda err, cb: cb()))
    finished = [False]
    w.write("hello")
    w.write("world")
    w.end()
    w.on("finish", common.mustCall(lambda: finished.__setitem__(0, True)))
    w.on("close", common.mustCall(lambda: assertIs(finished[0], True)))
    uvnet.run()


def test_auto_destroy_transform() -> None:
    t = Transform(autoDestroy=True, transform=lambda data, enc, cb: cb(None, data),
                  destroy=common.mustCall(lambda err, cb: cb()))
    seen = {"ended": False, "finished": False}
    t.write("hello")
    t.write("world")
    t.end()
    t.resume()
    t.on("end", common.mustCall(lambda: seen.__setitem__("ended", True)))
    t.on("finish", common.mustCall(lambda: seen.__setitem__("finished", True)))

    def onclose() -> None:
        assert seen["ended"] and seen["finished"]

    t.on("close", common.mustCall(onclose))
    uvnet.run()


def test_auto_destroy_on_error_emitted_by_hand() -> None:
    # 'error' emitted directly on a piped destination: the pipe's handler destroys it.
    r = Readable(read=lambda n: r2.emit("error", Exception("fail")))
    r2 = Readable(autoDestroy=True, destroy=common.mustCall(lambda err, cb: cb()))
    r.pipe(r2)
    r3 = Readable(read=lambda n: w.emit("error", Exception("fail")))
    w = Writable(autoDestroy=True, destroy=common.mustCall(lambda err, cb: cb()))
    r3.pipe(w)
    uvnet.run()
