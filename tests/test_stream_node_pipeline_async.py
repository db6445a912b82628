"""Ports of the async parts of Node v20's streams tests: the async-generator and
promise blocks of test-stream-pipeline.js, test-stream3-pipeline-async-iterator.js,
test-stream-pipeline-async-iterator.js, test-stream-promises.js (without its ``fs``
blocks) and test-stream-writable-final-async.js.

A JS ``async function*`` stage is an ``async def`` with ``yield``; JS's
``Buffer.from(content)`` source (an iterable of bytes) is a ``bytes`` object, whose
iteration gives ints in both languages.
"""

from __future__ import annotations

from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet import stream
from uvnet.stream import Duplex, PassThrough, Readable, Transform, Writable, pipeline
from uvnet.stream.promises import finished as finishedp
from uvnet.stream.promises import pipeline as pipelinep
from uvnet.timers import promises as tsp
from uvnet.util import promisify


def run(*coros: Any) -> None:
    for coro in coros:
        uvnet.Promise.resolve(coro).then(common.mustCall(), common.mustNotCall())
    uvnet.run()


def collecting_writable(out: list[str], **opts: Any) -> Writable:
    def write(chunk: Any, enc: Any, cb: Any) -> None:
        out.append(bytes(chunk).decode() if isinstance(chunk, (bytes, bytearray)) else chunk)
        cb()
    return Writable(write=write, **opts)


async def hello_world() -> Any:
    await uvnet.Promise.resolve()
    yield 'hello'
    yield 'world'


# --- test-stream-promises.js --------------------------------------------------------------

def test_promises_module_identity() -> None:
    assert stream.promises.pipeline is pipelinep
    assert stream.promises.finished is finishedp
    assert promisify(stream.pipeline) is pipelinep
    assert promisify(stream.finished) is finishedp


def test_promises_pipeline_success_and_error() -> None:
    processed: list[Any] = []
    expected = [b'a', b'b', b'c']
    read = Readable(read=lambda n: None)
    write = Writable(write=lambda data, enc, cb: (processed.append(bytes(data)), cb()))
    state = {'finished': False}
    write.on('finish', lambda: state.__setitem__('finished', True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def check(value: Any) -> None:
        assert value is None
        assert state['finished']
        assert processed == expected
    pipelinep(read, write).then(common.mustCall(check))

    read2 = Readable(read=lambda n: None)
    write2 = Writable(write=lambda data, enc, cb: cb())
    read2.push('data')
    uvnet.setImmediate(read2.destroy)
    pipelinep(read2, write2).catch(common.mustCall(lambda err: err or 1 / 0))
    uvnet.run()


def test_promises_finished_cleanup() -> None:
    common.throws(lambda: finishedp(Readable(), {'cleanup': 2}), code='ERR_INVALID_ARG_TYPE')
    finishedp(Readable(), {'cleanup': True})
    for cleanup, count in ((False, 1), (True, 0), (None, 1)):
        w = Writable()
        assert w.listenerCount('end') == 0
        opts = {} if cleanup is None else {'cleanup': cleanup}
        finishedp(w, opts).then(common.mustCall(
            lambda _v, w=w, count=count: w.listenerCount('end') == count or 1 / 0))
        w.end()
    uvnet.run()


def test_promises_finished_error() -> None:
    r = Readable(read=lambda n: None)
    err = Exception('kaboom')
    uvnet.setImmediate(lambda: r.destroy(err))
    run(common.rejects(finishedp(r), message='kaboom'))


# --- test-stream3-pipeline-async-iterator.js ----------------------------------------------

def test_async_generators_as_readable_and_writable() -> None:
    async def myCustomReadable() -> Any:
        yield 'Hello'
        yield 'World'
    messages: list[str] = []

    async def myCustomWritable(source: Any) -> Any:
        async for chunk in source:
            messages.append(chunk)
        if False:
            yield  # an async generator that yields nothing

    async def main() -> None:
        await pipelinep(myCustomReadable, myCustomWritable)
        assert messages == ['Hello', 'World']
    run(main())


# --- test-stream-pipeline-async-iterator.js -----------------------------------------------

def test_async_iterate_the_returned_stream() -> None:
    err_ = Exception('kaboom')

    async def main() -> None:
        source = Readable(read=lambda n: None)
        source.push('hello')
        source.push('world')
        uvnet.setImmediate(lambda: source.destroy(err_))
        iterator = pipeline(source, PassThrough(), lambda *a: None)
        iterator.setEncoding('utf8')
        async for k in iterator:
            assert k == 'helloworld'
    uvnet.Promise.resolve(main()).catch(common.mustCall(lambda err: err is err_ or 1 / 0))
    uvnet.run()


# --- test-stream-writable-final-async.js --------------------------------------------------

def test_async_final() -> None:
    class Foo(Duplex):
        async def _final(self, callback: Any) -> None:  # type: ignore[override]
            await tsp.setTimeout(common.platformTimeout(1))
            callback()

        def _read(self, size: int) -> None:
            pass
    foo = Foo()
    foo._write = common.mustCall(lambda chunk, encoding, cb: cb())  # type: ignore[method-assign]
    foo.end('test', common.mustCall())
    foo.on('error', common.mustNotCall())
    uvnet.run()


# --- test-stream-pipeline.js: promisified pipeline and signals ----------------------------

def test_promisified_pipeline() -> None:
    pipelinePromise = promisify(pipeline)

    async def main() -> None:
        read = Readable(read=lambda n: None)
        write = Writable(write=lambda data, enc, cb: cb())
        read.push('data')
        read.push(None)
        state = {'finished': False}
        write.on('finish', lambda: state.__setitem__('finished', True))
        await pipelinePromise(read, write)
        assert state['finished']
    run(main())


def test_pipeline_signals() -> None:
    pipelinePromise = promisify(pipeline)

    def sink() -> Writable:
        return Writable(write=lambda chunk, encoding, callback: callback())

    async def aborted_without_values() -> None:
        ac = uvnet.AbortController()

        async def producer(*_: Any) -> Any:
            ac.abort()
            await uvnet.Promise.resolve()
            yield '8'
        await pipelinePromise(producer, sink(), {'signal': ac.signal})

    async def aborted_after_init() -> None:
        ac = uvnet.AbortController()

        async def producer(*_: Any) -> Any:
            yield '5'
            await uvnet.Promise.resolve()
            ac.abort()
            await uvnet.Promise.resolve()
            yield '8'
        await pipelinePromise(producer, sink(), {'signal': ac.signal})

    async def pre_aborted() -> None:
        async def producer(*_: Any) -> Any:
            yield '5'
            await uvnet.Promise.resolve()
            yield '8'
        await pipelinePromise(producer, sink(), {'signal': uvnet.AbortSignal.abort()})

    async def aborts_a_waiting_source() -> None:
        ac = uvnet.AbortController()

        async def source(opts: dict[str, Any]) -> Any:
            await tsp.setTimeout(1e6, None, signal=opts['signal'])
            yield 'never'

        async def dest(source: Any) -> None:
            pass
        p = pipelinep(source, dest, {'signal': ac.signal})
        ac.abort()
        await p
    run(common.rejects(aborted_without_values(), name='AbortError'),
        common.rejects(aborted_after_init(), name='AbortError'),
        common.rejects(pre_aborted(), name='AbortError'),
        common.rejects(aborts_a_waiting_source(), name='AbortError'))


# --- test-stream-pipeline.js: generator stages --------------------------------------------

def test_generator_sources() -> None:
    def checker(res: list[str]) -> Any:
        return lambda: ''.join(res) == 'helloworld' or 1 / 0

    for source in (hello_world(), hello_world):
        res: list[str] = []
        pipeline(source, collecting_writable(res), common.mustSucceed(checker(res)))

    def sync_gen() -> Any:
        yield 'hello'
        yield 'world'
    res2: list[str] = []
    pipeline(sync_gen, collecting_writable(res2),
             common.mustSucceed(lambda: ''.join(res2) == 'helloworld' or 1 / 0))
    uvnet.run()


def test_generator_stages_and_async_destination() -> None:
    async def upper(source: Any) -> Any:
        async for chunk in source:
            yield chunk.upper()

    res = []

    async def collect(source: Any) -> None:
        async for chunk in source:
            res.append(chunk)
    pipeline(hello_world, upper, collect,
             common.mustSucceed(lambda: ''.join(res) == 'HELLOWORLD' or 1 / 0))

    async def joined(source: Any) -> str:
        ret = ''
        async for chunk in source:
            ret += chunk
        return ret
    pipeline(hello_world, upper, joined,
             common.mustSucceed(lambda val: val == 'HELLOWORLD' or 1 / 0))
    uvnet.run()


def test_async_iterable_destination_is_returned() -> None:
    async def one() -> Any:
        await uvnet.Promise.resolve()
        yield 'hello'

    async def drain(source: Any) -> Any:
        async for _chunk in source:
            pass
        if False:
            yield

    ret = pipeline(one, drain, common.mustCall(lambda err: err is None or 1 / 0))
    ret.resume()
    assert callable(ret.pipe)

    async def failing() -> Any:
        await uvnet.Promise.resolve()
        raise Exception('kaboom')
        yield  # an async generator

    ret2 = pipeline(failing, drain, common.mustCall(lambda err: str(err) == 'kaboom' or 1 / 0))
    ret2.resume()
    assert callable(ret2.pipe)
    uvnet.run()


def test_throwing_sources_destroy_the_stream() -> None:
    async def async_thrower() -> Any:
        raise Exception('kaboom')
        yield

    def sync_thrower() -> Any:
        raise Exception('kaboom')
        yield

    for source in (async_thrower, async_thrower(), sync_thrower, sync_thrower()):
        s = PassThrough()

        def check(err: Any, val: Any = None, s: PassThrough = s) -> None:
            assert str(err) == 'kaboom'
            assert s.destroyed is True
        pipeline(source, s, common.mustCall(check))
    uvnet.run()


def test_throwing_destinations() -> None:
    s = PassThrough()

    async def dest(source: Any) -> None:
        async for _chunk in source:
            raise Exception('kaboom')

    def check(err: Any, val: Any = None) -> None:
        assert str(err) == 'kaboom'
        assert s.destroyed is True
    pipeline(hello_world, s, dest, common.mustCall(check))

    s2 = PassThrough()

    async def dest2(source: Any) -> Any:
        async for _chunk in source:
            raise Exception('kaboom')
        yield

    def check2(err: Any) -> None:
        assert str(err) == 'kaboom'
        assert s2.destroyed is True
    ret = pipeline(lambda: ['hello', 'world'], s2, dest2, common.mustCall(check2))
    ret.resume()
    assert callable(ret.pipe)

    async def rejecting(source: Any) -> None:
        raise Exception('kaboom')
    # No unhandled rejection from the async function.
    pipeline(hello_world, rejecting, common.mustCall(lambda err: str(err) == 'kaboom' or 1 / 0))
    uvnet.run()


def test_transform_between_generators() -> None:
    def failing_now(chunk: Any, encoding: Any, cb: Any) -> None:
        cb(Exception('kaboom'))

    def failing_later(chunk: Any, encoding: Any, cb: Any) -> None:
        uvnet.nextTick(cb, Exception('kaboom'))

    for transform in (failing_now, failing_later):
        res: list[str] = []

        async def collect(source: Any, res: list[str] = res) -> None:
            async for chunk in source:
                res.append(chunk)

        def checker(res: list[str]) -> Any:
            def check(err: Any) -> None:
                assert str(err) == 'kaboom'
                assert res == []
            return check
        pipeline(hello_world, Transform(transform=transform), collect,
                 common.mustCall(checker(res)))

    res_ok: list[str] = []

    async def collect_ok(source: Any) -> None:
        async for chunk in source:
            res_ok.append(str(chunk))  # JS's res += chunk: String(buf) is buf.toString()
    pipeline(hello_world,
             Transform(decodeStrings=False,
                       transform=lambda chunk, enc, cb: cb(None, chunk.upper())),
             collect_ok,
             common.mustSucceed(lambda: ''.join(res_ok) == 'HELLOWORLD' or 1 / 0))
    uvnet.run()


def test_bytes_source_iterates_its_values() -> None:
    content = 'abc'
    res = ''

    async def stage(previous: Any) -> Any:
        nonlocal res
        async for val in previous:
            res += chr(val)
            yield val
    pipeline(content.encode(), stage, common.mustSucceed(lambda: res == content or 1 / 0))
    uvnet.run()


def test_promises_pipeline_list_and_end_false() -> None:
    async def list_form() -> None:
        text: list[str] = []
        write = collecting_writable(text)
        state = {'finished': False}
        write.on('finish', lambda: state.__setitem__('finished', True))
        await pipelinep([Readable.from_('Hello World!'), write])
        assert state['finished']
        assert ''.join(text) == 'Hello World!'

    async def end_false() -> None:
        res: list[str] = []
        writable = collecting_writable(res)

        async def source() -> Any:
            yield 'hello'
            await uvnet.Promise.resolve()
            yield 'world'
        await pipelinep(source, writable, {'end': False})
        assert ''.join(res) == 'helloworld'
        assert writable.closed is False
    run(list_form(), end_false())


def test_destination_breaks_early_and_returns_values() -> None:
    async def three() -> Any:
        await uvnet.Promise.resolve()
        yield 'hello'
        yield 'world'
        yield 'world'

    s = PassThrough(objectMode=True)

    async def first_two(source: Any) -> str:
        ret = ''
        n = 0
        async for chunk in source:
            if n > 1:
                break
            n += 1
            ret += chunk
        return ret

    def check(err: Any, val: Any) -> None:
        assert err is None
        assert val == 'helloworld'
        assert s.destroyed is True
    pipeline(three, s, first_two, common.mustCall(check))

    s2 = PassThrough(objectMode=True)

    async def returns_none(source: Any) -> None:
        return None
    pipeline(three, s2, returns_none,
             common.mustCall(lambda err, val: (err is None and val is None) or 1 / 0))
    uvnet.run()


def test_bad_stage_return_values() -> None:
    common.throws(lambda: pipeline(lambda: 42, PassThrough(), lambda err: None),
                  code='ERR_INVALID_RETURN_VALUE')
    common.throws(lambda: pipeline(hello_world, lambda source: 42, PassThrough(),
                                   lambda err: None), code='ERR_INVALID_RETURN_VALUE')
    common.throws(lambda: pipeline(hello_world, lambda source: 42, lambda err: None),
                  code='ERR_INVALID_RETURN_VALUE')
