"""Port of Node v20's test/parallel/test-stream-readable-destroy.js."""

from __future__ import annotations

from stream_node import AbortController, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Readable, addAbortSignal


def nop(*a: object) -> None:
    pass


def test_destroy() -> None:
    read = Readable(read=nop)
    read.resume()
    read.on("close", common.mustCall())
    read.destroy()
    assert read.errored is None
    assert read.destroyed is True
    uvnet.run()


def test_destroy_with_error() -> None:
    read = Readable(read=nop)
    read.resume()
    expected = Exception("kaboom")
    read.on("end", common.mustNotCall("no end event"))
    read.on("close", common.mustCall())
    read.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    read.destroy(expected)
    assert read.errored is expected
    assert read.destroyed is True
    uvnet.run()


def test_custom_destroy_passes_error() -> None:
    read = Readable(read=nop)
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb(err)

    read._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    read.on("end", common.mustNotCall("no end event"))
    read.on("close", common.mustCall())
    read.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    read.destroy(expected)
    assert read.destroyed is True
    uvnet.run()


def test_custom_destroy_swallows_error() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb()

    read = Readable(read=nop, destroy=common.mustCall(destroy))
    read.on("end", common.mustNotCall("no end event"))
    read.on("error", common.mustNotCall("no error event"))
    read.on("close", common.mustCall())
    read.destroy(expected)
    assert read.destroyed is True
    uvnet.run()


def test_destroy_without_error_gives_null() -> None:
    read = Readable(read=nop)

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb()

    read._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    read.destroy()
    assert read.destroyed is True
    uvnet.run()


def test_push_null_inside_destroy_gives_no_end() -> None:
    read = Readable(read=nop)
    read.resume()

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None

        def later() -> None:
            read.push(None)
            cb()

        uvnet.nextTick(later)

    read._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    fail = common.mustNotCall("no end event")
    read.on("end", fail)
    read.on("close", common.mustCall())
    read.destroy()
    read.removeListener("end", fail)
    read.on("end", common.mustNotCall())
    assert read.destroyed is True
    uvnet.run()


def test_error_from_destroy_callback() -> None:
    read = Readable(read=nop)
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb(expected)

    read._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    ticked = [False]

    def onerror(err: BaseException) -> None:
        assert ticked[0] is True
        assert read._readableState.errorEmitted is True
        assert read._readableState.errored is expected
        assert err is expected

    read.on("end", common.mustNotCall("no end event"))
    read.on("error", common.mustCall(onerror))
    read.destroy()
    assert read._readableState.errorEmitted is False
    assert read._readableState.errored is expected
    assert read.destroyed is True
    ticked[0] = True
    uvnet.run()


def test_destroyed_setter_bypasses_destroy() -> None:
    read = Readable(read=nop)
    read.resume()
    read.destroyed = True
    assert read.destroyed is True
    # The internal destroy() mechanism is not triggered.
    read.on("end", common.mustNotCall())
    read.destroy()
    uvnet.run()


def test_subclass_sees_destroyed_false_before_init() -> None:
    class MyReadable(Readable):
        def __init__(self) -> None:
            assert self.destroyed is False
            self.destroyed = False
            super().__init__()

    MyReadable()


def test_destroy_callback() -> None:
    read = Readable(read=nop)
    read.resume()
    expected = Exception("kaboom")
    ticked = [False]

    def onclose() -> None:
        assert read._readableState.errorEmitted is True
        assert ticked[0] is True

    def cb(err: BaseException) -> None:
        assert read._readableState.errored is expected
        assert err is expected

    read.on("close", common.mustCall(onclose))
    read.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    assert read._readableState.errored is None
    assert read._readableState.errorEmitted is False
    read.destroy(expected, common.mustCall(cb))
    assert read._readableState.errorEmitted is False
    assert read._readableState.errored is expected
    ticked[0] = True
    uvnet.run()


def test_destroy_again_before_destroy_callback() -> None:
    readable = Readable(
        destroy=common.mustCall(lambda err, cb: uvnet.nextTick(cb, Exception("kaboom 1"))),
        read=nop)
    ticked = [False]

    def onclose() -> None:
        assert ticked[0] is True
        assert readable._readableState.errorEmitted is True

    def onerror(err: BaseException) -> None:
        assert ticked[0] is True
        assert str(err) == "kaboom 1"
        assert readable._readableState.errorEmitted is True

    readable.on("close", common.mustCall(onclose))
    readable.on("error", common.mustCall(onerror))
    readable.destroy()
    assert readable.destroyed is True
    assert readable._readableState.errored is None
    assert readable._readableState.errorEmitted is False
    # destroy() with an error again, before the _destroy() callback.
    readable.destroy(Exception("kaboom 2"))
    assert readable._readableState.errorEmitted is False
    assert readable._readableState.errored is None
    ticked[0] = True
    uvnet.run()


def test_push_after_destroy_is_ignored() -> None:
    read = Readable(read=nop)
    read.destroy()
    read.push("hi")
    read.on("data", common.mustNotCall())
    uvnet.run()


def test_read_after_destroy_does_not_call_read() -> None:
    read = Readable(read=common.mustNotCall())
    read.destroy()
    assert read.destroyed is True
    read.read()
    uvnet.run()


def test_push_after_eof_without_auto_destroy() -> None:
    def _read(n: int) -> None:
        read.push(None)
        read.push("asd")

    read = Readable(autoDestroy=False, read=_read)
    read.on("error", common.mustCall(lambda e: assertIs(bool(read._readableState.errored), True)))
    read.resume()
    uvnet.run()


def test_add_abort_signal() -> None:
    controller = AbortController()
    read = addAbortSignal(controller.signal, Readable(read=lambda n: read.push("asd")))
    read.on("error", common.mustCall(lambda e: assertIs(e.name, "AbortError")))
    controller.abort()
    read.on("data", common.mustNotCall())
    uvnet.run()


def test_signal_option() -> None:
    controller = AbortController()
    read = Readable(signal=controller.signal, read=lambda n: read.push("asd"))
    read.on("error", common.mustCall(lambda e: assertIs(e.name, "AbortError")))
    controller.abort()
    read.on("data", common.mustNotCall())
    uvnet.run()


def test_push_and_read_in_error_and_close_handlers() -> None:
    read = Readable(read=nop)
    read.on("data", common.mustNotCall())

    def again(*a: object) -> None:
        read.push("asd")
        read.read()

    read.on("error", common.mustCall(again))
    read.on("close", common.mustCall(again))
    read.destroy(Exception("asd"))
    uvnet.run()


def test_push_and_read_in_close_handler() -> None:
    read = Readable(read=nop)
    read.on("data", common.mustNotCall())

    def again() -> None:
        read.push("asd")
        read.read()

    read.on("close", common.mustCall(again))
    read.destroy()
    uvnet.run()


def test_push_and_unshift_in_close_handler() -> None:
    read = Readable(read=nop)
    read.on("data", common.mustNotCall())

    def again() -> None:
        read.push("asd")
        read.unshift("asd")

    read.on("close", common.mustCall(again))
    read.destroy()
    uvnet.run()


def test_unshift_after_destroy() -> None:
    read = Readable(read=nop)
    read.on("data", common.mustNotCall())
    read.destroy()
    read.unshift("asd")
    uvnet.run()


def test_push_in_close_handler_while_flowing() -> None:
    read = Readable(read=nop)
    read.resume()
    read.on("data", common.mustNotCall())
    read.on("close", common.mustCall(lambda: read.push("asd")))
    read.destroy()
    uvnet.run()


def test_push_after_destroy_without_flowing() -> None:
    read = Readable(read=nop)
    read.on("data", common.mustNotCall())
    read.destroy()
    read.push("asd")
    uvnet.run()
