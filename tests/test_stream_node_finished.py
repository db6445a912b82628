"""Port of Node v20's test/parallel/test-stream-finished.js (the parts without fs, http,
promises or async iteration)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from stream_node import AbortController, assertEqual, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet import EventEmitter
from uvnet.stream import Duplex, PassThrough, Readable, Stream, Transform, Writable, finished


def nop(*a: object) -> None:
    pass


def test_readable_writable_transform() -> None:
    rs = Readable(read=nop)
    finished(rs, common.mustSucceed())
    rs.push(None)
    rs.resume()

    ws = Writable(write=lambda data, enc, cb: cb())
    finished(ws, common.mustSucceed())
    ws.end()

    tr = Transform(transform=lambda data, enc, cb: cb())
    seen = {"finish": False, "ended": False}
    tr.on("end", lambda: seen.__setitem__("ended", True))
    tr.on("finish", lambda: seen.__setitem__("finish", True))

    def done() -> None:
        assert seen["finish"] and seen["ended"]

    finished(tr, common.mustSucceed(done))
    tr.end()
    tr.resume()
    uvnet.run()


def gen_empty() -> Any:
    return iter(())


def test_pre_aborted_signal() -> None:
    ac = AbortController()
    ac.abort()
    rs = Readable.from_(gen_empty())
    finished(rs, {"signal": ac.signal}, common.mustCall(
        lambda err: assertEqual(err.name, "AbortError")))
    uvnet.run()


def test_aborted_before_end_sync() -> None:
    ac = AbortController()
    rs = Readable.from_(gen_empty())
    finished(rs, {"signal": ac.signal}, common.mustCall(
        lambda err: assertEqual(err.name, "AbortError")))
    ac.abort()
    uvnet.run()


def test_aborted_before_end_async() -> None:
    ac = AbortController()
    rs = Readable.from_(gen_empty())
    uvnet.setTimeout(ac.abort, 1)
    finished(rs, {"signal": ac.signal}, common.mustCall(
        lambda err: assertEqual(err.name, "AbortError")))
    uvnet.run()


def test_aborted_after_end_does_not_throw() -> None:
    ac = AbortController()

    def gen() -> Any:
        yield 5
        uvnet.setImmediate(ac.abort)

    rs = Readable.from_(gen())
    rs.resume()
    finished(rs, {"signal": ac.signal}, common.mustSucceed())
    uvnet.run()


def test_close_after_push_null_is_not_premature() -> None:
    rs = Readable()
    finished(rs, common.mustSucceed())
    rs.push(None)
    rs.emit("close")  # not an error
    rs.resume()
    uvnet.run()


def test_close_before_end_is_premature() -> None:
    rs = Readable()
    finished(rs, common.mustCall(lambda err: assertIs(bool(err), True)))
    rs.emit("close")  # an error
    rs.push(None)
    rs.resume()
    uvnet.run()


def test_argument_validation() -> None:
    rs = Readable(read=nop)
    common.throws(lambda: finished(rs, "foo"), code="ERR_INVALID_ARG_TYPE",
                  message=re.compile("callback"))
    common.throws(lambda: finished(rs, "foo", nop), code="ERR_INVALID_ARG_TYPE",
                  message=re.compile("options"))
    common.throws(lambda: finished(rs, {}, "foo"), code="ERR_INVALID_ARG_TYPE",
                  message=re.compile("callback"))
    finished(rs, None, common.mustCall())
    rs.push(None)
    rs.resume()
    uvnet.run()


def test_cleanup() -> None:
    ws = Writable(write=lambda data, env, cb: cb())
    removeListener = finished(ws, common.mustNotCall())
    removeListener()
    ws.end()
    rs = Readable()
    removeListeners = finished(rs, common.mustNotCall())
    removeListeners()
    rs.emit("close")
    rs.push(None)
    rs.resume()
    uvnet.run()


def test_not_a_stream() -> None:
    streamLike = EventEmitter()
    streamLike.readableEnded = True  # type: ignore[attr-defined]
    streamLike.readable = True  # type: ignore[attr-defined]
    common.throws(lambda: finished(streamLike, nop), code="ERR_INVALID_ARG_TYPE")
    streamLike.emit("close")


def test_destroyed_side_disabled_is_premature() -> None:
    writable = Writable(write=nop)
    writable.writable = False
    writable.destroy()
    finished(writable, common.mustCall(
        lambda err: assertEqual(err.code, "ERR_STREAM_PREMATURE_CLOSE")))
    readable = Readable()
    readable.readable = False
    readable.destroy()
    finished(readable, common.mustCall(
        lambda err: assertEqual(err.code, "ERR_STREAM_PREMATURE_CLOSE")))
    uvnet.run()


def test_destroy_during_write_is_premature() -> None:
    w = Writable(write=lambda chunk, encoding, callback: uvnet.setImmediate(callback))
    finished(w, common.mustCall(lambda err: assertEqual(err.code, "ERR_STREAM_PREMATURE_CLOSE")))
    w.end("asd")
    w.destroy()
    uvnet.run()


def readable_factory(**opts: Any) -> Readable:
    return Readable(**opts)


def writable_factory(**opts: Any) -> Writable:
    return Writable(write=nop, **opts)


@pytest.mark.parametrize("factory", [readable_factory, writable_factory])
def test_closed(factory: Callable[..., Any]) -> None:
    # Destroyed already, but finished() cancelled in the same tick: no callback.
    s = factory()
    s.destroy()
    dispose = finished(s, common.mustNotCall())
    dispose()

    # Destroyed already: the callback is invoked.
    s = factory()
    s.destroy()
    finished(s, common.mustCall())

    # Not until destroy has completed.
    destroyed = [False]

    def destroy(err, cb):  # type: ignore[no-untyped-def]
        def later() -> None:
            destroyed[0] = True
            cb()
        uvnet.setImmediate(later)

    s = factory(destroy=destroy)
    s.destroy()
    finished(s, common.mustCall(lambda err: assertIs(destroyed[0], True)))

    # Even when 'close' is inhibited.
    holder: list[Any] = []

    def destroy2(err, cb):  # type: ignore[no-untyped-def]
        cb()
        finished(holder[0], common.mustCall())

    s = factory(emitClose=False, destroy=destroy2)
    holder.append(s)
    s.destroy()

    # With deep async.
    holder3: list[Any] = []

    def destroy3(err, cb):  # type: ignore[no-untyped-def]
        def later() -> None:
            cb()
            uvnet.setImmediate(lambda: finished(holder3[0], common.mustCall()))
        uvnet.setImmediate(later)

    s = factory(destroy=destroy3)
    holder3.append(s)
    s.destroy()
    uvnet.run()


def test_finished_after_end_without_auto_destroy() -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb(), autoDestroy=False)
    w.end("asd")
    uvnet.nextTick(lambda: finished(w, common.mustCall()))

    w2 = Writable(write=lambda chunk, encoding, cb: cb(Exception()), autoDestroy=False)
    w2.write("asd")
    w2.on("error", common.mustCall(lambda err: finished(w2, common.mustCall())))

    r = Readable(autoDestroy=False)
    r.push(None)
    r.resume()
    r.on("end", common.mustCall(lambda: finished(r, common.mustCall())))
    uvnet.run()


def test_state_like_object() -> None:
    d = EventEmitter()
    d._writableState = SimpleNamespace(finished=True)  # type: ignore[attr-defined]
    finished(d, {"readable": False, "writable": True}, common.mustCall(
        lambda err: assertEqual(err.code, "ERR_STREAM_PREMATURE_CLOSE")))
    d._writableState.errored = True  # type: ignore[attr-defined]
    d.emit("close")
    uvnet.run()


def test_destroy_with_unconsumed_data_is_premature() -> None:
    r = Readable()
    finished(r, common.mustCall(lambda err: assertEqual(err.code, "ERR_STREAM_PREMATURE_CLOSE")))
    r.push("asd")
    r.push(None)
    r.destroy()
    uvnet.run()


@pytest.mark.parametrize("end_first", [False, True])
def test_duplex_readable_side_only(end_first: bool) -> None:
    d: Duplex

    def read(n: int) -> None:
        d.push(None)

    d = Duplex(final=lambda cb: None, read=read)  # the writable side never finishes
    d.on("end", common.mustCall())
    if end_first:
        d.end()
    finished(d, {"readable": True, "writable": False}, common.mustCall())
    if not end_first:
        d.end()
    d.resume()
    uvnet.run()


def test_non_standard_destroyed_without_close() -> None:
    # fd-slicer compat: destroyed set by hand, no 'close'.
    r = Readable()
    finished(r, common.mustCall())
    r.resume()
    r.push("asd")
    r.destroyed = True
    r.push(None)
    uvnet.run()


def test_ended_passthrough_never_finishes_without_reading() -> None:
    p = PassThrough()
    p.end()
    finished(p, common.mustNotCall())
    p2 = PassThrough()
    p2.end()
    p2.on("finish", common.mustCall(lambda: finished(p2, common.mustNotCall())))
    uvnet.run()


def test_aborted_event() -> None:
    w = Writable(write=lambda chunk, encoding, callback: uvnet.nextTick(callback))
    w.aborted = False  # type: ignore[attr-defined]
    w.end()
    closed = [False]

    def onfinish() -> None:
        assert closed[0] is False
        w.emit("aborted")

    w.on("finish", onfinish)
    w.on("close", common.mustCall(lambda: closed.__setitem__(0, True)))
    finished(w, common.mustCall(lambda err: assertIs(closed[0], True)))
    uvnet.run()


def test_finished_on_errored_and_closed() -> None:
    w = Writable()
    _err = Exception()
    w.destroy(_err)
    assert w.errored is _err

    def first(err: BaseException) -> None:
        assert err is _err
        assert w.closed is True
        finished(w, common.mustCall(lambda err2: assertIs(err2, _err)))

    finished(w, common.mustCall(first))

    w2 = Writable()
    w2.destroy()
    assert w2.errored is None

    def first2(err: BaseException) -> None:
        assert w2.closed is True
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"  # type: ignore[attr-defined]
        finished(w2, common.mustCall(
            lambda err2: assertEqual(err2.code, "ERR_STREAM_PREMATURE_CLOSE")))

    finished(w2, common.mustCall(first2))
    uvnet.run()


def test_legacy_stream_is_never_finished() -> None:
    s = Stream()
    finished(s, common.mustNotCall())
    uvnet.run()


def test_duplex_writable_side() -> None:
    s = Duplex(write=lambda chunk, enc, cb: uvnet.setImmediate(cb))
    s.end("foo")
    finished(s, {"readable": False}, common.mustCall(lambda err: assertIs(err, None)))
    uvnet.run()
