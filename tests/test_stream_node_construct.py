"""Port of Node v20's test/parallel/test-stream-construct.js."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from stream_node import assertEqual, assertIs, common, node_common  # noqa: F401

import uvnet
from uvnet.stream import Duplex, Readable, Writable


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_multiple_callback(cls: type) -> None:
    def construct(callback):  # type: ignore[no-untyped-def]
        callback()
        callback()

    cls(construct=common.mustCall(construct)).on(
        "error", common.expectsError(name="Error", code="ERR_MULTIPLE_CALLBACK"))
    uvnet.run()


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_synchronous_error(cls: type) -> None:
    cls(construct=common.mustCall(lambda callback: callback(Exception("test")))).on(
        "error", common.expectsError(name="Error", message="test"))
    uvnet.run()


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_asynchronous_error(cls: type) -> None:
    cls(construct=common.mustCall(lambda callback: uvnet.nextTick(callback, Exception("test")))
        ).on("error", common.expectsError(name="Error", message="test"))
    uvnet.run()


def readable_factory(**opts: Any) -> Readable:
    return Readable(read=common.mustNotCall(), **opts)


def writable_factory(**opts: Any) -> Writable:
    return Writable(write=common.mustNotCall(), final=common.mustNotCall(), **opts)


@pytest.mark.parametrize("factory", [readable_factory, writable_factory])
def test_destroy_while_constructing(factory: Callable[..., Any]) -> None:
    def make() -> tuple[Any, list[bool]]:
        constructed = [False]

        def construct(cb):  # type: ignore[no-untyped-def]
            constructed[0] = True
            uvnet.nextTick(cb)

        s = factory(construct=common.mustCall(construct))
        s.on("close", common.mustCall(lambda: assertIs(constructed[0], True)))
        return s, constructed

    s, _ = make()
    s.destroy()

    s, c = make()
    s.destroy(None, lambda err: assertIs(c[0], True))

    s, _ = make()
    s.destroy()

    s, c = make()
    s.on("error", common.mustCall(lambda err: assertEqual(str(err), "kaboom")))

    def cb(err: BaseException, c: list[bool] = c) -> None:
        assert str(err) == "kaboom"
        assert c[0] is True

    s.destroy(Exception("kaboom"), cb)

    s, c = make()
    s.on("error", common.mustCall(lambda err, c=c: assertIs(c[0], True)))
    s.destroy(Exception())
    uvnet.run()


def test_readable_reads_after_construct() -> None:
    constructed = [False]

    def construct(cb):  # type: ignore[no-untyped-def]
        constructed[0] = True
        uvnet.nextTick(cb)

    def read(n: int) -> None:
        assert constructed[0] is True
        r.push(None)

    r = Readable(autoDestroy=True, construct=common.mustCall(construct),
                 read=common.mustCall(read))
    r.on("close", common.mustCall(lambda: assertIs(constructed[0], True)))
    r.on("data", common.mustNotCall())
    uvnet.run()


def test_writable_writes_after_construct() -> None:
    constructed = [False]

    def construct(cb):  # type: ignore[no-untyped-def]
        constructed[0] = True
        uvnet.nextTick(cb)

    def write(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        assert constructed[0] is True
        uvnet.nextTick(cb)

    def final(cb):  # type: ignore[no-untyped-def]
        assert constructed[0] is True
        uvnet.nextTick(cb)

    w = Writable(autoDestroy=True, construct=common.mustCall(construct),
                 write=common.mustCall(write), final=common.mustCall(final))
    w.on("close", common.mustCall(lambda: assertIs(constructed[0], True)))
    w.end("data")

    c2 = [False]

    def construct2(cb):  # type: ignore[no-untyped-def]
        c2[0] = True
        uvnet.nextTick(cb)

    def final2(cb):  # type: ignore[no-untyped-def]
        assert c2[0] is True
        uvnet.nextTick(cb)

    w2 = Writable(autoDestroy=True, construct=common.mustCall(construct2),
                  write=common.mustNotCall(), final=common.mustCall(final2))
    w2.on("close", common.mustCall(lambda: assertIs(c2[0], True)))
    w2.end()
    uvnet.run()


def test_duplex_construct_called_once() -> None:
    Duplex(construct=common.mustCall())
    uvnet.run()


def test_duplex_readable_false_construct() -> None:
    # nodejs/node#34448
    constructed = [False]

    def construct(callback):  # type: ignore[no-untyped-def]
        def later() -> None:
            constructed[0] = True
            callback()
        uvnet.setImmediate(common.mustCall(later))

    d: Duplex

    def read(n: int) -> None:
        d.push(None)

    d = Duplex(readable=False, construct=common.mustCall(construct),
               write=lambda chunk, encoding, callback: callback(), read=read)
    d.resume()
    d.end("foo")
    d.on("close", common.mustCall(lambda: assertIs(constructed[0], True)))
    uvnet.run()


def test_construct_does_not_read() -> None:
    Readable(construct=common.mustCall(lambda callback: callback()), read=common.mustNotCall())
    uvnet.run()
