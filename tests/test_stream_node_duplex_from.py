"""Port of Node v20's test/parallel/test-stream-duplex-from.js (``Duplex.from_``), without
its web-stream (``stream/web``) and ``Blob`` blocks, which uvnet has no counterpart of."""

from __future__ import annotations

from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Duplex, Readable, Writable, pipeline


def asd_readable() -> Readable:
    def read(n: int) -> None:
        r.push('asd')
        r.push(None)
    r = Readable(read=read)
    return r


def collecting_writable(out: list[str]) -> Writable:
    def write(chunk: Any, encoding: Any, callback: Any) -> None:
        out.append(bytes(chunk).decode())
        callback()
    return Writable(write=write)


def expect_asd_then_end(d: Duplex) -> None:
    d.once('readable', common.mustCall(lambda: bytes(d.read()) == b'asd' or 1 / 0))
    d.once('end', common.mustCall(lambda: d.readable is False or 1 / 0))


def test_from_readables() -> None:
    for body in ({'readable': asd_readable()}, asd_readable()):
        d = Duplex.from_(body)
        assert d.readable is True
        assert d.writable is False
        expect_asd_then_end(d)
    uvnet.run()


def test_from_writables() -> None:
    for make in (lambda w: w, lambda w: {'writable': w}):
        ret: list[str] = []
        d = Duplex.from_(make(collecting_writable(ret)))
        assert d.readable is False
        assert d.writable is True
        d.end('asd')

        def check(d: Duplex = d, ret: list[str] = ret) -> None:
            assert d.writable is False
            assert ''.join(ret) == 'asd'
        d.on('finish', common.mustCall(check))
    uvnet.run()


def test_from_a_pair() -> None:
    ret: list[str] = []
    d = Duplex.from_({'readable': asd_readable(), 'writable': collecting_writable(ret)})
    assert d.readable is True
    assert d.writable is True
    expect_asd_then_end(d)
    d.end('asd')

    def check() -> None:
        assert d.writable is False
        assert ''.join(ret) == 'asd'
    d.once('finish', common.mustCall(check))
    uvnet.run()


def test_from_a_promise() -> None:
    d = Duplex.from_(uvnet.Promise.resolve('asd'))
    assert d.readable is True
    assert d.writable is False
    d.once('readable', common.mustCall(lambda: d.read() == 'asd' or 1 / 0))
    d.once('end', common.mustCall(lambda: d.readable is False or 1 / 0))
    uvnet.run()


def test_async_generator_in_a_pipeline() -> None:
    # nodejs/node#40497
    async def lines(source: Any) -> Any:
        rest = ''
        async for chunk in source:
            parts = (rest + (chunk if isinstance(chunk, str) else bytes(chunk).decode())
                     ).split('\n')
            rest = parts.pop()
            for line in parts:
                yield line
        yield rest

    async def joined(source: Any) -> Any:
        ret = ''
        async for x in source:
            ret += x
        assert ret == 'abcdefghi'
        if False:
            yield
    pipeline(['abc\ndef\nghi'], Duplex.from_(lines), joined, common.mustSucceed())
    uvnet.run()


def test_identity_rejections_and_bad_bodies() -> None:
    duplex = Duplex()
    assert Duplex.from_(duplex) is duplex
    Duplex.from_(uvnet.Promise.reject('myCustomError')).on(
        'error', common.mustCall(lambda error: error == 'myCustomError' or 1 / 0))

    async def asyncFn(*_: Any) -> Any:
        return await uvnet.Promise.reject('myCustomError')
    Duplex.from_(asyncFn).on('error', common.mustCall(
        lambda error: error == 'myCustomError' or 1 / 0))
    common.throws(lambda: Duplex.from_(lambda *a: None), code='ERR_INVALID_RETURN_VALUE')
    common.throws(lambda: Duplex.from_(42), code='ERR_INVALID_ARG_TYPE')
    uvnet.run()


def test_sub_objects_are_duplexified() -> None:
    msg = b'hello'

    def read(n: int) -> None:
        r.push(msg)
        r.push(None)
    r = Readable(read=read)
    duplex = Duplex.from_({'readable': r}).on('data', common.mustCall(
        lambda data: bytes(data) == msg or 1 / 0))
    assert duplex.writable is False
    w = Writable(write=common.mustCall(lambda data, enc, cb: (bytes(data) == msg or 1 / 0,
                                                            cb())))
    duplex2 = Duplex.from_({'writable': w})
    assert duplex2.readable is False
    duplex2.write(msg)
    duplex2.end()
    uvnet.run()
