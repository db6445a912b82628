"""Port of the stream-only parts of Node v20's test/parallel/test-stream-pipeline.js
(the http, net, promise and async-generator parts have no uvnet.stream counterpart)."""

from __future__ import annotations

from stream_node import assertEqual, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import PassThrough, Readable, Transform, Writable, pipeline


def nop(*a: object) -> None:
    pass


def test_pipeline_success() -> None:
    finished = [False]
    processed: list[bytes] = []
    expected = [b"a", b"b", b"c"]
    read = Readable(read=nop)

    def write_(data, enc, cb):  # type: ignore[no-untyped-def]
        processed.append(data)
        cb()

    write = Writable(write=write_)
    write.on("finish", lambda: finished.__setitem__(0, True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def done() -> None:
        assert finished[0]
        assert processed == expected

    pipeline(read, write, common.mustSucceed(done))
    uvnet.run()


def test_pipeline_argument_errors() -> None:
    read = Readable(read=nop)
    common.throws(lambda: pipeline(read, nop), code="ERR_MISSING_ARGS")
    common.throws(lambda: pipeline(nop), code="ERR_MISSING_ARGS")
    common.throws(lambda: pipeline(), code="ERR_INVALID_ARG_TYPE")


def test_pipeline_source_destroyed() -> None:
    read = Readable(read=nop)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    uvnet.setImmediate(read.destroy)
    pipeline(read, write, common.mustCall(lambda err: assertIs(bool(err), True)))
    uvnet.run()


def test_pipeline_source_destroyed_with_error() -> None:
    read = Readable(read=nop)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    uvnet.setImmediate(lambda: read.destroy(Exception("kaboom")))
    dst = pipeline(read, write, common.mustCall(lambda err: assertEqual(str(err), "kaboom")))
    assert dst is write
    uvnet.run()


def test_pipeline_transform_error_destroys_all() -> None:
    read = Readable(read=nop)
    transform = Transform(transform=lambda data, enc, cb: cb(Exception("kaboom")))
    write = Writable(write=lambda data, enc, cb: cb())
    read.on("close", common.mustCall())
    transform.on("close", common.mustCall())
    write.on("close", common.mustCall())
    for s in (read, transform, write):
        s.on("error", common.mustCall(lambda err: assertEqual(str(err), "kaboom")))
    dst = pipeline(read, transform, write, common.mustCall(
        lambda err: assertEqual(str(err), "kaboom")))
    assert dst is write
    read.push("hello")
    uvnet.run()


def test_pipeline_bad_sink() -> None:
    cnt = [10]

    def write(data, enc, cb):  # type: ignore[no-untyped-def]
        cnt[0] -= 1
        if cnt[0] == 0:
            cb(Exception("kaboom"))
        else:
            cb()

    sent = [0]

    def read(n: int) -> None:
        sent[0] += 1
        if sent[0] - 1 > 10:
            return
        rs.push("hello")

    rs = Readable(read=read, destroy=common.mustCall(lambda err, cb: cb()))
    badSink = Writable(write=write)
    pipeline(rs, badSink, common.mustCall(lambda err: assertEqual(str(err), "kaboom")))
    uvnet.run()


def test_pipeline_array_and_iterable_source() -> None:
    out: list[bytes] = []
    sink = Writable(write=lambda c, e, cb: (out.append(c), cb()))
    pt = PassThrough()
    pipeline([iter([b"a", b"b"]), pt, sink], common.mustSucceed(
        lambda: assertEqual(out, [b"a", b"b"])))
    uvnet.run()
