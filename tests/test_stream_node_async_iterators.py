"""Port of Node v20's test/parallel/test-stream-readable-async-iterators.js
(``async for`` over a Readable: Node's createAsyncIterator).

The iterator is Python's async generator: JS's ``iter.next()`` is ``__anext__()``, which
raises ``StopAsyncIteration`` where JS gives ``{done: true}``, and ``return()`` is
``aclose()``. A Python async generator runs one ``__anext__`` at a time, so the blocks of
Node's file that queue several ``next()`` calls at once are ported with the calls made one
after the other; the v1-stream, ``fs`` and ``http`` blocks have no uvnet counterpart.
"""

from __future__ import annotations

from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.stream import PassThrough, Readable, Transform, pipeline


def run(*coros: Any) -> None:
    for coro in coros:
        uvnet.Promise.resolve(coro).then(common.mustCall(), common.mustNotCall())
    uvnet.run()


def nop(*args: Any) -> None:
    pass


async def done(it: Any) -> bool:
    """JS's ``(await it.next()).done``."""
    try:
        await it.__anext__()
    except StopAsyncIteration:
        return True
    return False


def test_read_without_async_for() -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=nop)
        it = readable.__aiter__()
        for i in range(5):
            readable.push(f'hello-{i}')
        readable.push(None)
        for i in range(5):
            assert await it.__anext__() == f'hello-{i}'
        assert await done(it)
    run(main())


def test_read_without_async_for_deferred() -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=nop)
        it = readable.__aiter__()
        first = uvnet.Promise.resolve(_next(it))
        readable.push('hello-0')
        assert await first == 'hello-0'
        readable.push('hello-1')
        readable.push('hello-2')
        assert [await it.__anext__(), await it.__anext__()] == ['hello-1', 'hello-2']
        readable.push(None)
        assert await done(it)
    run(main())


async def _next(it: Any) -> Any:
    return await it.__anext__()


def test_read_without_async_for_with_errors() -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=nop)
        it = readable.__aiter__()
        for i in range(3):
            readable.push(f'hello-{i}')
        for i in range(3):
            assert await it.__anext__() == f'hello-{i}'
        pending = uvnet.Promise.resolve(_next(it))
        readable.destroy(Exception('kaboom'))
        await common.rejects(pending, message='kaboom')
        assert await done(it)  # after the error, the iterator is done
    run(main())


def test_next_after_error() -> None:
    async def main() -> None:
        readable = Readable(read=nop)
        it = readable.__aiter__()
        err = Exception('kaboom')
        readable.destroy(err)
        assert await common.rejects(_next(it)) is err
    run(main())


def test_read_object_mode() -> None:
    async def main() -> None:
        readed = received = 0

        def read(n: int) -> None:
            nonlocal readed
            readable.push('hello')
            readed += 1
            if readed == 42:
                readable.push(None)
        readable = Readable(objectMode=True, read=read)
        async for k in readable:
            received += 1
            assert k == 'hello'
        assert readed == received == 42
    run(main())


def test_destroy_sync_and_async() -> None:
    async def sync() -> None:
        readable = Readable(objectMode=True,
                            read=lambda n: readable.destroy(Exception('kaboom from read')))
        try:
            async for _k in readable:
                pass
            raise AssertionError('not reached')
        except Exception as e:
            assert str(e) == 'kaboom from read'

    async def async_() -> None:
        pushed = False

        def read(n: int) -> None:
            nonlocal pushed
            if not pushed:
                readable.push('hello')
                pushed = True
                uvnet.setImmediate(lambda: readable.destroy(Exception('kaboom')))
        readable = Readable(objectMode=True, read=read)
        received = 0
        try:
            async for _k in readable:
                received += 1
            raise AssertionError('not reached')
        except Exception as e:
            assert str(e) == 'kaboom'
        assert received == 1
    run(sync(), async_())


def test_destroyed_by_throw_and_after_push() -> None:
    async def by_throw() -> None:
        readable = Readable(objectMode=True, read=lambda n: readable.push('hello'))
        try:
            async for k in readable:
                assert k == 'hello'
                raise Exception('kaboom')
        except Exception as e:
            assert str(e) == 'kaboom'
        assert readable.destroyed is True

    async def after_push() -> None:
        def read(n: int) -> None:
            readable.push('hello')
            readable.destroy(Exception('kaboom'))
        readable = Readable(objectMode=True, read=read)
        received = 0
        try:
            async for k in readable:
                assert k == 'hello'
                received += 1
        except Exception as e:
            assert str(e) == 'kaboom'
        assert received == 1
    run(by_throw(), after_push())


def test_destroyed_will_not_deadlock() -> None:
    readable = Readable()
    readable.destroy()

    async def later() -> None:
        readable.on('close', common.mustNotCall())
        received = 0
        err: Any = None
        try:
            async for _k in readable:
                received += 1
        except Exception as e:
            err = e
        assert err.code == 'ERR_STREAM_PREMATURE_CLOSE'
        assert received == 0
    checked = common.mustCall()
    uvnet.nextTick(lambda: uvnet.Promise.resolve(later()).then(lambda _v: checked()))
    uvnet.run()


def test_push_async_and_binary() -> None:
    async def objects() -> None:
        readed = received = 0

        def read(n: int) -> None:
            def later() -> None:
                nonlocal readed
                readable.push('hello')
                readed += 1
                if readed == 42:
                    readable.push(None)
            uvnet.setImmediate(later)
        readable = Readable(objectMode=True, read=read)
        async for k in readable:
            received += 1
            assert k == 'hello'
        assert readed == received

    async def binary() -> None:
        readed = 0

        def read(n: int) -> None:
            def later() -> None:
                nonlocal readed
                readable.push('hello')
                readed += 1
                if readed == 42:
                    readable.push(None)
            uvnet.setImmediate(later)
        readable = Readable(read=read)
        expected = []
        readable.setEncoding('utf8')
        readable.pause()
        readable.on('data', expected.append)
        data = ''
        async for k in readable:
            data += k
        assert data == ''.join(expected) == 'hello' * 42
    run(objects(), binary())


def test_next_on_destroyed_and_pipelined_streams() -> None:
    async def destroyed() -> None:
        readable = Readable(read=nop)
        readable.destroy()
        await common.rejects(_next(readable.__aiter__()), code='ERR_STREAM_PREMATURE_CLOSE')

    async def pipelined() -> None:
        readable = Readable(read=nop)
        err = Exception('kaboom')
        pipeline(readable, PassThrough(), common.mustCall(lambda e: e is err or 1 / 0))
        readable.destroy(err)
        assert await common.rejects(_next(readable.__aiter__())) is err
    run(destroyed(), pipelined())


def test_iterating_an_ended_stream_and_destroy_mid_stream() -> None:
    async def ended() -> None:
        def read(n: int) -> None:
            r.push('asdf')
            r.push('hehe')
            r.push(None)
        r = Readable(objectMode=True, read=read)
        assert [a async for a in r] == ['asdf', 'hehe']
        assert [b async for b in r] == []

    async def mid_stream() -> None:
        def read(n: int) -> None:
            r.push('asdf')
            r.push('hehe')
        r = Readable(objectMode=True, read=read)
        err: Any = None
        try:
            async for _a in r:
                r.destroy(None)
        except Exception as e:
            err = e
        assert err.code == 'ERR_STREAM_PREMATURE_CLOSE'
    run(ended(), mid_stream())


def test_transform_readable_side_pushes_null() -> None:
    async def main() -> None:
        transform = Transform(objectMode=True, transform=lambda chunk, enc, cb: cb(None, chunk))
        transform.push(0)
        transform.push(1)
        uvnet.nextTick(lambda: transform.push(None))
        mustReach = [common.mustCall(), common.mustCall()]
        it = transform.__aiter__()
        assert await it.__anext__() == 0
        async for d in it:
            assert d == 1
            mustReach[0]()
        mustReach[1]()
    run(main())


def test_pending_next_on_end_destroy_and_error() -> None:
    async def on_end() -> None:
        r = Readable(objectMode=True, read=nop)
        it = r.__aiter__()
        c = uvnet.Promise.resolve(done(it))
        r.push(None)
        assert await c is True
        assert await done(it) is True

    async def on_destroy() -> None:
        r = Readable(objectMode=True, read=nop)
        it = r.__aiter__()
        c = uvnet.Promise.resolve(_next(it))
        r.destroy()
        await common.rejects(c, code='ERR_STREAM_PREMATURE_CLOSE')
        assert await done(it) is True

    async def on_error() -> None:
        r = Readable(objectMode=True, read=nop)
        it = r.__aiter__()
        c = uvnet.Promise.resolve(_next(it))
        err = Exception('kaboom')
        r.destroy(err)
        assert await common.rejects(c) is err
        assert await done(it) is True
    run(on_end(), on_destroy(), on_error())


def test_destroy_callback_error_reaches_next() -> None:
    err_ = Exception('asd')
    r = Readable(read=nop, destroy=lambda err, callback: uvnet.setTimeout(
        lambda: callback(err_), 1))
    r.destroy()
    it = r.__aiter__()
    uvnet.Promise.resolve(_next(it)).catch(common.mustCall(lambda err: err is err_ or 1 / 0))
    uvnet.run()


def test_auto_destroy_rules() -> None:
    async def no_auto_destroy() -> None:
        def read(n: int) -> None:
            r.push('asd')
            r.push(None)
        r = Readable(autoDestroy=False, read=read)
        async for _chunk in r:
            pass
        assert r.destroyed is False

    async def premature_break() -> None:
        r = Readable(autoDestroy=False, read=lambda n: r.push('asd'))
        async for _chunk in r:
            break
        assert r.destroyed is True

    async def not_before_end() -> None:
        def read(n: int) -> None:
            r.push('asd')
            r.push(None)
        r = Readable(read=read)
        r.on('end', common.mustCall(lambda: r.destroyed is False or 1 / 0))
        async for _chunk in r:
            pass
        assert r.destroyed is True
    run(no_auto_destroy(), premature_break(), not_before_end())


def test_return_ends_even_with_a_destroy_without_callback() -> None:
    r = Readable(objectMode=True, read=nop)
    original = r.destroy
    r.destroy = lambda err=None: original(err)  # type: ignore[method-assign,assignment]
    it = r.__aiter__()

    async def close_it() -> None:
        await it.aclose()
    p = uvnet.Promise.resolve(close_it())
    r.push(None)
    p.then(common.mustCall())
    uvnet.run()

    r2 = Readable(objectMode=True, read=nop)
    original2 = r2.destroy
    r2.destroy = lambda err=None: original2(err)  # type: ignore[method-assign,assignment]

    async def closing() -> None:
        await r2.__aiter__().aclose()
    p2 = uvnet.Promise.resolve(closing())
    r2.emit('close')
    p2.then(common.mustCall()).catch(common.mustNotCall())
    uvnet.run()


def test_next_after_close_is_premature_close() -> None:
    r = Readable(objectMode=True, read=nop)
    r.destroy()

    def on_close() -> None:
        uvnet.Promise.resolve(_next(r.__aiter__())).then(common.mustNotCall()).catch(
            common.mustCall(lambda err: err.code == 'ERR_STREAM_PREMATURE_CLOSE' or 1 / 0))
    r.on('close', on_close)
    uvnet.run()


def create_readable() -> Readable:
    async def gen() -> Any:
        await uvnet.Promise.resolve()
        yield 5
        await uvnet.Promise.resolve()
        yield 7
        await uvnet.Promise.resolve()
    return Readable.from_(gen())


def test_iterator_destroy_on_return() -> None:
    async def destroying() -> None:
        readable = create_readable()
        async for chunk in readable.iterator(destroyOnReturn=True):
            assert chunk == 5
            break
        assert readable.destroyed

    async def non_destroying() -> None:
        readable = create_readable()
        opts = {'destroyOnReturn': False}
        async for chunk in readable.iterator(opts):
            assert chunk == 5
            break
        assert not readable.destroyed
        async for chunk in readable.iterator(opts):
            assert chunk == 7
        assert readable.destroyed

    async def dangling() -> None:
        readable = create_readable()
        opts = {'destroyOnReturn': False}
        while readable.readable:
            async for _chunk in readable.iterator(opts):
                break
        assert readable.eventNames() == []
    common.throws(lambda: create_readable().iterator(42), code='ERR_INVALID_ARG_TYPE',
                  name='TypeError',
                  message='The "options" argument must be of type dict. Received type '
                          'int (42)')
    run(destroying(), non_destroying(), dangling())


def test_async_for_over_a_socket() -> None:
    """``for await (const chunk of socket)`` on both ends of a real TCP connection."""
    received: list[bytes] = []

    async def serve(sock: uvnet.Socket) -> None:
        async for chunk in sock:
            sock.write(bytes(chunk).upper())
        sock.end()

    server = uvnet.createServer(lambda s: uvnet.Promise.resolve(serve(s)))

    async def client() -> None:
        sock = uvnet.connect(server.address()['port'], '127.0.0.1')
        sock.end(b'hello async')
        async for chunk in sock:
            received.append(bytes(chunk))
        server.close()

    server.listen(0, '127.0.0.1', lambda: uvnet.Promise.resolve(client()).then(
        common.mustCall(), common.mustNotCall()))
    uvnet.run()
    assert b''.join(received) == b'HELLO ASYNC'
