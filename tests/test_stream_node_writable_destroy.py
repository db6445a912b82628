"""Port of Node v20's test/parallel/test-stream-writable-destroy.js."""

from __future__ import annotations

from stream_node import AbortController, assertEqual, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Writable, addAbortSignal


def ok(chunk: object, enc: object, cb) -> None:  # type: ignore[no-untyped-def]
    cb()


def test_destroy() -> None:
    write = Writable(write=ok)
    write.on("finish", common.mustNotCall())
    write.on("close", common.mustCall())
    write.destroy()
    assert write.destroyed is True
    uvnet.run()


def test_destroy_inside_write() -> None:
    def _write(chunk, enc, cb):  # type: ignore[no-untyped-def]
        write.destroy(Exception("asd"))
        cb()

    write = Writable(write=_write)
    write.on("error", common.mustCall())
    write.on("finish", common.mustNotCall())
    write.end("asd")
    assert write.destroyed is True
    uvnet.run()


def test_destroy_with_error() -> None:
    write = Writable(write=ok)
    expected = Exception("kaboom")
    write.on("finish", common.mustNotCall())
    write.on("close", common.mustCall())
    write.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    write.destroy(expected)
    assert write.destroyed is True
    uvnet.run()


def test_custom_destroy_passes_error() -> None:
    write = Writable(write=ok)
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb(err)

    write._destroy = _destroy  # type: ignore[method-assign]
    write.on("finish", common.mustNotCall("no finish event"))
    write.on("close", common.mustCall())
    write.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    write.destroy(expected)
    assert write.destroyed is True
    uvnet.run()


def test_custom_destroy_swallows_error() -> None:
    expected = Exception("kaboom")

    def destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is expected
        cb()

    write = Writable(write=ok, destroy=common.mustCall(destroy))
    write.on("finish", common.mustNotCall("no finish event"))
    write.on("close", common.mustCall())
    write.on("error", common.mustNotCall("no error event"))
    write.destroy(expected)
    assert write.destroyed is True
    uvnet.run()


def test_destroy_null_error() -> None:
    write = Writable(write=ok)

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb()

    write._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    write.destroy()
    assert write.destroyed is True
    uvnet.run()


def test_end_inside_destroy_gives_no_finish() -> None:
    write = Writable(write=ok)

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None

        def later() -> None:
            write.end()
            cb()

        uvnet.nextTick(later)

    write._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    write.on("finish", common.mustNotCall("no finish event"))
    write.on("close", common.mustCall())
    write.destroy()
    assert write.destroyed is True
    uvnet.run()


def test_error_from_destroy_callback() -> None:
    write = Writable(write=ok)
    expected = Exception("kaboom")

    def _destroy(err, cb):  # type: ignore[no-untyped-def]
        assert err is None
        cb(expected)

    write._destroy = common.mustCall(_destroy)  # type: ignore[method-assign]
    write.on("close", common.mustCall())
    write.on("finish", common.mustNotCall("no finish event"))
    write.on("error", common.mustCall(lambda err: assertIs(err, expected)))
    write.destroy()
    assert write.destroyed is True
    uvnet.run()


def test_double_error() -> None:
    write = Writable(write=ok)
    ticked = [False]

    def onerror(err: BaseException) -> None:
        assert ticked[0] is True
        assert str(err) == "kaboom 1"
        assert write._writableState.errorEmitted is True

    write.on("close", common.mustCall(lambda: assertIs(ticked[0], True)))
    write.on("error", common.mustCall(onerror))
    expected = Exception("kaboom 1")
    write.destroy(expected)
    write.destroy(Exception("kaboom 2"))
    assert write._writableState.errored is expected
    assert write._writableState.errorEmitted is False
    assert write.destroyed is True
    ticked[0] = True
    uvnet.run()


def test_destroy_again_before_destroy_callback() -> None:
    writable = Writable(
        destroy=common.mustCall(lambda err, cb: uvnet.nextTick(cb, Exception("kaboom 1"))),
        write=ok)
    ticked = [False]

    def onclose() -> None:
        writable.on("error", common.mustNotCall())
        writable.destroy(Exception("hello"))
        assert ticked[0] is True
        assert writable._writableState.errorEmitted is True

    def onerror(err: BaseException) -> None:
        assert ticked[0] is True
        assert str(err) == "kaboom 1"
        assert writable._writableState.errorEmitted is True

    writable.on("close", common.mustCall(onclose))
    writable.on("error", common.mustCall(onerror))
    writable.destroy()
    assert writable.destroyed is True
    assert writable._writableState.errored is None
    assert writable._writableState.errorEmitted is False
    writable.destroy(Exception("kaboom 2"))
    assert writable._writableState.errorEmitted is False
    assert writable._writableState.errored is None
    ticked[0] = True
    uvnet.run()


def test_destroyed_setter_bypasses_destroy() -> None:
    write = Writable(write=ok)
    write.destroyed = True
    assert write.destroyed is True
    write.on("close", common.mustNotCall())
    write.destroy()
    uvnet.run()


def test_subclass_sees_destroyed_false_before_init() -> None:
    class MyWritable(Writable):
        def __init__(self) -> None:
            assert self.destroyed is False
            self.destroyed = False
            super().__init__()

    MyWritable()


def test_destroy_callback_when_already_destroyed() -> None:
    write = Writable(write=ok)
    write.destroy()
    expected = Exception("kaboom")
    write.destroy(expected, common.mustCall(lambda err: assertIs(err, None)))
    uvnet.run()


def test_undestroy_calls_final_again() -> None:
    write = Writable(write=common.mustNotCall(), final=common.mustCall(lambda cb: cb(), 2),
                     autoDestroy=True)
    write.end()

    def onclose() -> None:
        write._undestroy()
        write.end()

    write.once("close", common.mustCall(onclose))
    uvnet.run()


def test_write_after_destroy() -> None:
    write = Writable()
    write.destroy()
    write.on("error", common.mustNotCall())
    write.write("asd", common.expectsError(
        name="Error", code="ERR_STREAM_DESTROYED",
        message="Cannot call write after a stream was destroyed"))
    uvnet.run()


def test_corked_writes_after_destroy() -> None:
    write = Writable(write=ok)
    write.on("error", common.mustNotCall())
    write.cork()
    write.write("asd", common.mustCall())
    write.uncork()
    write.cork()
    destroyed = dict(name="Error", code="ERR_STREAM_DESTROYED",
                     message="Cannot call write after a stream was destroyed")
    write.write("asd", common.expectsError(**destroyed))
    write.destroy()
    write.write("asd", common.expectsError(**destroyed))
    write.uncork()
    uvnet.run()


def test_end_cb_after_error_and_destroy() -> None:
    write = Writable(write=lambda chunk, enc, cb: cb(Exception("asd")))

    def onerror(err: BaseException) -> None:
        write.destroy()
        ticked = [False]

        def cb(err: BaseException) -> None:
            assert ticked[0] is True
            assert err.code == "ERR_STREAM_DESTROYED"  # type: ignore[attr-defined]

        write.end(common.mustCall(cb))
        ticked[0] = True

    write.on("error", common.mustCall(onerror))
    write.write("asd")
    uvnet.run()


def test_end_cb_after_finish_and_destroy() -> None:
    write = Writable(write=ok)

    def onfinish() -> None:
        write.destroy()
        ticked = [False]

        def cb(err: BaseException) -> None:
            assert ticked[0] is True
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"  # type: ignore[attr-defined]

        write.end(common.mustCall(cb))
        ticked[0] = True

    write.on("finish", common.mustCall(onfinish))
    write.end()
    uvnet.run()


def test_end_cb_gets_destroy_error() -> None:
    write = Writable(write=lambda chunk, enc, cb: uvnet.nextTick(cb))
    _err = Exception("asd")
    write.once("error", common.mustCall(lambda err: assertEqual(str(err), "asd")))
    write.end("asd", common.mustCall(lambda err: assertIs(err, _err)))
    write.destroy(_err)
    uvnet.run()


def test_buffered_write_callbacks_get_the_error() -> None:
    _err = Exception("asd")
    write = Writable(write=lambda chunk, enc, cb: uvnet.nextTick(cb, _err), autoDestroy=False)
    write.cork()
    write.write("asd", common.mustCall(lambda err: assertIs(err, _err)))
    write.write("asd", common.mustCall(lambda err: assertIs(err, _err)))
    write.on("error", common.mustCall(lambda err: assertIs(err, _err)))
    write.uncork()
    uvnet.run()


def test_callback_order() -> None:
    state = [0]
    write = Writable(write=lambda chunk, enc, cb: uvnet.setImmediate(cb))

    def first(err: object) -> None:
        assert state[0] == 0
        state[0] += 1

    def second(err: BaseException) -> None:
        assert err.code == "ERR_STREAM_DESTROYED"  # type: ignore[attr-defined]
        assert state[0] == 1
        state[0] += 1

    write.write("asd", common.mustCall(first))
    write.write("asd", common.mustCall(second))
    write.destroy()
    uvnet.run()


def test_multiple_callback_without_auto_destroy() -> None:
    def _write(chunk, enc, cb):  # type: ignore[no-untyped-def]
        cb()
        cb()

    write = Writable(autoDestroy=False, write=_write)
    write.on("error", common.mustCall(lambda e: assertIs(bool(write._writableState.errored), True)))
    write.write("asd")
    uvnet.run()


def test_abort_signal() -> None:
    for use_option in (False, True):
        ac = AbortController()
        if use_option:
            write = Writable(signal=ac.signal, write=ok)
        else:
            write = addAbortSignal(ac.signal, Writable(write=ok))

        def onerror(e: BaseException, write: Writable = write) -> None:
            assert e.name == "AbortError"  # type: ignore[attr-defined]
            assert write.destroyed is True

        write.on("error", common.mustCall(onerror))
        write.write("asd")
        ac.abort()
    uvnet.run()


def test_already_aborted_signal() -> None:
    ac = AbortController()
    ac.abort()
    write = Writable(signal=ac.signal, write=ok)

    def onerror(e: BaseException) -> None:
        assert e.name == "AbortError"  # type: ignore[attr-defined]
        assert write.destroyed is True

    write.on("error", common.mustCall(onerror))
    uvnet.run()


def test_destroy_twice() -> None:
    write = Writable(write=ok)
    write.end(common.mustCall())
    write.destroy()
    write.destroy()
    uvnet.run()


def test_end_cb_with_pending_final_and_destroy() -> None:
    # nodejs/node#39356
    s = Writable(final=lambda cb: None)
    _err = Exception("oh no")
    s.end(common.mustCall(lambda err: assertIs(err, _err)))
    s.on("error", common.mustCall(lambda err: assertIs(err, _err)))
    s.destroy(_err)
    uvnet.run()
