"""Ports of Node v20's Readable operator tests: test-stream-toArray.js,
test-stream-map.js, test-stream-filter.js, test-stream-forEach.js, test-stream-reduce.js,
test-stream-drop-take.js, test-stream-some-find-every.mjs and test-stream-flatMap.js.

Each Node block is a test; its async IIFE is an ``async def`` started on uvnet's loop,
whose completion is a ``mustCall`` (Node's ``.then(common.mustCall())``).
"""

from __future__ import annotations

from typing import Any, Callable

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.events import once
from uvnet.stream import PassThrough, Readable
from uvnet.timers.promises import setTimeout as sleep


def run(*coros: Any) -> None:
    for coro in coros:
        uvnet.Promise.resolve(coro).then(common.mustCall(), common.mustNotCall())
    uvnet.run()


def rejects(promise: Any, **expected: Any) -> Any:
    async def check() -> None:
        await common.rejects(promise, **expected)
    return check()


def boom_message(err: BaseException) -> bool:
    return 'boom' in str(err)


def range_stream(n: int, *, opts: dict[str, Any] | None = None) -> Readable:
    return Readable.from_(list(range(1, n + 1)), opts)


def deferred_chain(n: int) -> list[tuple[uvnet.Promise, Callable[[], None]]]:
    """test-stream-map.js's createDependentPromises: promise i resolves after promise i-1."""
    out: list[tuple[uvnet.Promise, Callable[[], None]]] = []
    for i in range(n):
        box: dict[str, Callable[..., Any]] = {}

        def executor(resolve: Callable[..., Any], reject: Callable[..., Any],
                     i: int = i, box: dict[str, Callable[..., Any]] = box) -> None:
            if i == 0:
                box['res'] = resolve
            else:
                box['res'] = lambda: out[i - 1][0].then(resolve)
        p = uvnet.Promise(executor)
        out.append((p, lambda box=box: box['res']()))  # type: ignore[misc]
    return out


# --- test-stream-toArray.js -------------------------------------------------------------

def test_toArray_sync_and_async_streams() -> None:
    async def sync() -> None:
        for test in ([], [1], [1, 2, 3], list(range(100))):
            assert await Readable.from_(test).toArray() == test

    async def async_() -> None:
        for test in ([], [1], [1, 2, 3], list(range(100))):
            stream = Readable.from_(test).map(lambda x: uvnet.Promise.resolve(x))
            assert await stream.toArray() == test

    async def buffers() -> None:
        first, second = b'\x01\x02\x03', b'\x04\x05\x06'
        result = await Readable.from_([first, second], objectMode=False).toArray()
        assert isinstance(result, list)
        assert result == [first, second]
    run(sync(), async_(), buffers())


def test_toArray_abort_signal_and_errors() -> None:
    ac = uvnet.AbortController()
    box: list[Readable] = []

    async def mapper(x: int) -> Any:
        if x == 3:
            await uvnet.Promise(lambda resolve, reject: None)  # never settles
        return uvnet.Promise.resolve(x)

    async def main() -> None:
        stream = Readable.from_([1, 2, 3]).map(mapper)
        box.append(stream)
        await stream.toArray(signal=ac.signal)

    def after(_v: Any) -> None:
        # Node's comment says the stream is not destroyed, but its assert(stream.destroyed,
        # false) checks nothing: leaving toArray's loop destroys it, in Node as here.
        assert box[0].destroyed is True
    uvnet.Promise.resolve(rejects(main(), name='AbortError')).then(common.mustCall(after))
    ac.abort()
    assert isinstance(Readable.from_([1, 2, 3, 4, 5]).toArray(), uvnet.Promise)
    run(rejects(Readable.from_([1]).toArray(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).toArray(signal=True), code='ERR_INVALID_ARG_TYPE'))


# --- test-stream-map.js -------------------------------------------------------------------

def test_map_sync_async_mappers() -> None:
    async def a() -> None:
        stream = range_stream(5).map(lambda x: x + x)
        assert await stream.toArray() == [2, 4, 6, 8, 10]

    async def double_later(x: int) -> int:
        await uvnet.Promise.resolve()
        return x + x

    async def b() -> None:
        assert await range_stream(5).map(double_later).toArray() == [2, 4, 6, 8, 10]

    async def double(x: int) -> int:
        return x + x

    async def c() -> None:
        stream = range_stream(5).map(double).map(lambda x: x + x)
        assert await stream.toArray() == [4, 8, 12, 16, 20]
    run(a(), b(), c())


def test_map_infinite_stream() -> None:
    async def ones() -> Any:
        while True:
            yield 1

    async def double(x: int, *_opts: Any) -> int:
        return x + x
    stream = Readable.from_(ones()).map(common.mustCall(double, 5))

    async def main() -> None:
        i = 1
        async for item in stream:
            assert item == 2
            i += 1
            if i == 5:
                break
    run(main())


def test_map_non_object_mode_and_data_events() -> None:
    def source() -> Readable:
        def read(n: int) -> None:
            r.push(bytes([1]))
            r.push(bytes([2]))
            r.push(None)
        r = Readable(read=read)
        return r

    async def first_doubled(chunk: bytes) -> int:
        return chunk[0] + chunk[0]

    async def consume(stream: Readable) -> None:
        # Node's test expects [4, 8] but checks only the items it gets: the two pushes are
        # one buffered read(), <Buffer 01 02>, so there is one item, 4 (as in Node).
        items = []
        async for item in stream:
            items.append(item)
        assert items == [4]

    plain = source().map(first_doubled).map(lambda x: x + x)
    ignores_data = source().map(first_doubled).map(lambda x: x + x)
    uvnet.setImmediate(lambda: ignores_data.emit('data', bytes([1])))
    run(consume(plain), consume(ignores_data))


def test_map_errors() -> None:
    def emitting() -> Readable:
        async def fn(x: int) -> int:
            if x == 3:
                stream.emit('error', Exception('boom'))
            return x + x
        stream = range_stream(5).map(fn)
        return stream

    def sync_throw(x: int) -> int:
        if x == 3:
            raise Exception('boom')
        return x + x

    async def async_throw(x: int) -> int:
        if x == 3:
            raise Exception('boom')
        return x + x

    run(rejects(emitting().map(lambda x: x + x).toArray(), message='boom'),
        rejects(range_stream(5).map(sync_throw).map(lambda x: x + x).toArray(),
                message='boom'),
        rejects(range_stream(5).map(async_throw).map(lambda x: x + x).toArray(),
                message='boom'))


def test_map_concurrency_and_abort_signal() -> None:
    ac = uvnet.AbortController()

    async def fn(_x: int, opts: dict[str, Any], *_: Any) -> None:
        signal = opts['signal']
        await once(signal, 'abort')
        raise signal.reason
    stream = range_stream(5).map(common.mustCall(fn, 2), signal=ac.signal, concurrency=2,
                                 highWaterMark=0)

    async def pump() -> None:
        async for item in stream:
            raise AssertionError(f'should not reach here, got {item}')
    uvnet.setImmediate(ac.abort)
    run(rejects(pump(), name='AbortError'))


def test_map_concurrency_result_order() -> None:
    async def fn(item: int, opts: dict[str, Any]) -> int:
        await sleep(10 - item, signal=opts['signal'])
        return item
    stream = Readable.from_([1, 2]).map(fn, concurrency=2)

    async def main() -> None:
        expected = [1, 2]
        async for item in stream:
            assert item == expected.pop(0)
    run(main())


def _finish_order_case(inputs: list[int], **opts: Any) -> None:
    finishOrder: list[int] = []
    promises = deferred_chain(len(inputs))

    async def fn(item: int) -> int:
        promise, resolve = promises[item]
        resolve()
        await promise
        finishOrder.append(item)
        return item
    stream = Readable.from_(inputs).map(fn, **opts)

    async def main() -> None:
        assert await stream.toArray() == inputs
        assert finishOrder == sorted(inputs)
    run(main())


def test_map_high_water_mark_small_concurrency() -> None:
    _finish_order_case([2, 0, 1, 3], concurrency=2)


def test_map_high_water_mark_large_concurrency() -> None:
    _finish_order_case([10, 1, 0, 3, 4, 2, 5, 7, 8, 9, 6, 11, 12, 13, 18, 15, 16, 17, 14, 19],
                       concurrency=6)


def test_map_custom_high_water_mark() -> None:
    _finish_order_case([11, 1, 0, 3, 4, 2, 5, 7, 8, 9, 6, 10, 12, 13, 18, 15, 16, 17, 14, 19],
                       concurrency=5, highWaterMark=7)


def test_map_yields_before_queue_is_full() -> None:
    promises = deferred_chain(3)

    async def first(item: int) -> int:
        if item != 0:
            await promises[item][0]
        return item

    def second(item: int) -> int:
        for _p, resolve in promises:
            resolve()
        return item
    stream = Readable.from_([0, 1, 2]).map(first, concurrency=2).map(second)
    run(stream.toArray())


def test_map_argument_errors_and_result() -> None:
    r = Readable.from_([1])
    common.throws(lambda: r.map(1), code='ERR_INVALID_ARG_TYPE')
    common.throws(lambda: r.map(lambda x: x, concurrency='Foo'), code='ERR_OUT_OF_RANGE')
    common.throws(lambda: r.map(lambda x: x, concurrency=-1), code='ERR_OUT_OF_RANGE')
    common.throws(lambda: r.map(lambda x: x, 1), code='ERR_INVALID_ARG_TYPE')
    common.throws(lambda: r.map(lambda x: x, signal=True), code='ERR_INVALID_ARG_TYPE')
    assert range_stream(5).map(lambda x: x).readable is True


# --- test-stream-filter.js ----------------------------------------------------------------

def test_filter() -> None:
    async def a() -> None:
        assert await range_stream(10).filter(lambda x: x < 5).toArray() == [1, 2, 3, 4]

    async def is_small(x: int) -> bool:
        await uvnet.Promise.resolve()
        return x < 5

    async def b() -> None:
        assert await range_stream(10).filter(is_small).toArray() == [1, 2, 3, 4]

    async def slow_small(x: int, opts: dict[str, Any]) -> bool:
        await sleep(1, signal=opts['signal'])
        return x < 5

    async def c() -> None:
        stream = range_stream(10).filter(slow_small, concurrency=2)
        assert await stream.toArray() == [1, 2, 3, 4]

    async def d() -> None:
        stream = range_stream(10).filter(slow_small).filter(lambda x: x % 2)
        assert await stream.toArray() == [1, 3]
    run(a(), b(), c(), d())


def test_filter_errors_and_signal() -> None:
    def sync_throw(x: int) -> bool:
        if x == 3:
            raise Exception('boom')
        return True

    async def async_throw(x: int) -> bool:
        if x == 3:
            raise Exception('boom')
        return True
    ac = uvnet.AbortController()

    async def never(_x: int, opts: dict[str, Any], *_: Any) -> bool:
        await once(opts['signal'], 'abort')
        raise opts['signal'].reason

    async def pump(stream: Readable) -> None:
        async for item in stream:
            raise AssertionError(f'should not reach here, got {item}')
    aborted = range_stream(5).filter(common.mustCall(never, 2), signal=ac.signal,
                                     concurrency=2, highWaterMark=0)
    uvnet.setImmediate(ac.abort)
    r = Readable.from_([1])
    common.throws(lambda: r.filter(1), code='ERR_INVALID_ARG_TYPE')
    common.throws(lambda: r.filter(lambda x: x, concurrency='Foo'), code='ERR_OUT_OF_RANGE')
    common.throws(lambda: r.filter(lambda x: x, 1), code='ERR_INVALID_ARG_TYPE')
    assert range_stream(5).filter(lambda x: x).readable is True
    run(rejects(range_stream(5).filter(sync_throw).toArray(), message='boom'),
        rejects(range_stream(5).filter(async_throw).toArray(), message='boom'),
        rejects(pump(aborted), name='AbortError'))


# --- test-stream-forEach.js ---------------------------------------------------------------

def test_forEach() -> None:
    async def a() -> None:
        seen = []
        await range_stream(5).forEach(lambda x: seen.append(x))
        assert seen == [1, 2, 3, 4, 5]

    async def b() -> None:
        seen: list[int] = []

        async def add(x: int) -> None:
            await uvnet.Promise.resolve()
            seen.append(x)
        result = await range_stream(5).forEach(add)
        assert result is None
        assert seen == [1, 2, 3, 4, 5]

    async def c() -> None:
        seen: list[int] = []

        async def add(x: int, opts: dict[str, Any]) -> None:
            await sleep((5 - x) * 20, signal=opts['signal'])
            seen.append(x)
        await range_stream(4).forEach(add, concurrency=4)
        assert seen == [4, 3, 2, 1]
    r = Readable.from_([1])
    assert isinstance(range_stream(2).forEach(lambda x: x), uvnet.Promise)
    run(a(), b(), c(),
        rejects(r.forEach(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).forEach(lambda x: x, concurrency='Foo'),
                code='ERR_OUT_OF_RANGE'),
        rejects(Readable.from_([1]).forEach(lambda x: x, 1), code='ERR_INVALID_ARG_TYPE'))


def test_forEach_infinite_stream_with_signal() -> None:
    ac = uvnet.AbortController()

    async def ones() -> Any:
        while True:
            yield 1
    stream = Readable.from_(ones(), signal=ac.signal)
    i = 0

    def fn(x: int) -> None:
        nonlocal i
        i += 1
        if i == 10:
            ac.abort()
        assert x == 1
    run(rejects(stream.forEach(common.mustCall(fn, 10)), name='AbortError'))


def test_forEach_error_destroys() -> None:
    def fn(x: int) -> None:
        if x == 3:
            stream.emit('error', Exception('boom'))
    stream = range_stream(5)
    run(rejects(stream.forEach(fn), message='boom'))


# --- test-stream-reduce.js ----------------------------------------------------------------

def test_reduce() -> None:
    async def sums() -> None:
        for arr, init in (([], 0), ([1], 0), ([1, 2, 3, 4, 5], 0), ([1, 2, 3], 10)):
            assert await Readable.from_(arr).reduce(lambda a, b: a + b, init) == sum(arr, init)
        assert await Readable.from_([1, 2, 3]).reduce(lambda a, b: a + b) == 6

    async def add_later(a: int, b: int) -> int:
        await uvnet.Promise.resolve()
        return a + b

    async def async_sum() -> None:
        assert await range_stream(5).reduce(add_later, 0) == 15
    run(sums(), async_sum())


def test_reduce_errors_and_signal() -> None:
    def thrower(a: int, b: int) -> int:
        raise Exception('boom')
    ac = uvnet.AbortController()

    async def wait_abort(p: int, c: int, opts: dict[str, Any]) -> int:
        if c == 3:
            await once(opts['signal'], 'abort')
            raise opts['signal'].reason
        return uvnet.Promise.resolve(p + c)  # type: ignore[return-value]
    aborted = range_stream(4)
    uvnet.setImmediate(ac.abort)

    async def pre_aborted() -> None:
        stream = range_stream(4)
        ac2 = uvnet.AbortController()
        ac2.abort()
        await common.rejects(stream.reduce(lambda p, c: p + c, 0, {'signal': ac2.signal}),
                             name='AbortError')
        assert stream.destroyed is True
    run(rejects(Readable.from_([]).reduce(lambda a, b: a + b), code='ERR_MISSING_ARGS',
                message='Reduce of an empty stream requires an initial value'),
        rejects(range_stream(3).reduce(thrower, 0), message='boom'),
        rejects(aborted.reduce(wait_abort, 0, {'signal': ac.signal}), name='AbortError'),
        pre_aborted(),
        rejects(Readable.from_([1]).reduce(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).reduce(lambda a, b: a, 0, 1),
                code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).reduce(lambda a, b: a, 0, {'signal': True}),
                code='ERR_INVALID_ARG_TYPE'))


# --- test-stream-drop-take.js -------------------------------------------------------------

def test_drop_take() -> None:
    async def main() -> None:
        assert await Readable.from_([1, 2, 3]).take(2).toArray() == [1, 2]
        assert await Readable.from_([1, 2, 3]).drop(2).toArray() == [3]
        assert await Readable.from_([]).take(2).toArray() == []
        assert await Readable.from_([]).drop(2).toArray() == []
        assert await Readable.from_([1, 2, 3]).take(1).take(1).toArray() == [1]
        assert await Readable.from_([1, 2, 3]).drop(1).take(1).toArray() == [2]
        assert await Readable.from_([1, 2, 3]).take(0).toArray() == []
        assert await Readable.from_([1, 2, 3]).drop(0).toArray() == [1, 2, 3]
        assert await Readable.from_([1, 2, 3]).take(float('inf')).toArray() == [1, 2, 3]
        assert await Readable.from_([1, 2, 3]).drop('1').toArray() == [2, 3]
        assert await Readable.from_([1, 2, 3]).drop(float('nan')).toArray() == [1, 2, 3]
    run(main())


def test_take_stops_pulling_and_signals() -> None:
    # Don't wait for the next item in the original stream when the end is reached.
    origin = Readable(read=lambda n: None, objectMode=True)
    origin.push(1)
    origin.push(2)
    origin.push(3)

    async def main() -> None:
        assert await origin.take(2).toArray() == [1, 2]

    ac = uvnet.AbortController()
    ac.abort()
    run(main(),
        rejects(Readable.from_([1, 2, 3]).take(1, signal=ac.signal).toArray(),
                name='AbortError'),
        rejects(Readable.from_([1, 2, 3]).drop(1, signal=ac.signal).toArray(),
                name='AbortError'))


def test_drop_take_argument_errors() -> None:
    for op in ('take', 'drop'):
        stream = Readable.from_([1, 2, 3])
        method = getattr(stream, op)
        common.throws(lambda method=method: method(-1), code='ERR_OUT_OF_RANGE')
        common.throws(lambda method=method: method(1, 1), code='ERR_INVALID_ARG_TYPE')
        common.throws(lambda method=method: method(1, {'signal': True}),
                      code='ERR_INVALID_ARG_TYPE')


# --- test-stream-some-find-every.mjs ------------------------------------------------------

def test_some_find_every() -> None:
    def one_to(n: int) -> Readable:
        return Readable.from_(list(range(1, n + 1)))

    async def is_even_async(x: int) -> bool:
        await uvnet.Promise.resolve()
        return x % 2 == 0

    async def main() -> None:
        assert await one_to(5).some(lambda x: x > 1) is True
        assert await one_to(5).some(lambda x: x > 10) is False
        assert await one_to(5).some(is_even_async) is True
        assert await one_to(5).every(lambda x: x > 0) is True
        assert await one_to(5).every(lambda x: x > 1) is False
        assert await one_to(5).every(is_even_async) is False
        assert await one_to(5).find(lambda x: x > 2) == 3
        assert await one_to(5).find(lambda x: x > 10) is None
        assert await one_to(5).find(is_even_async) == 2
        assert await Readable.from_([]).some(lambda x: True) is False
        assert await Readable.from_([]).every(lambda x: False) is True
    run(main())


def test_some_find_every_stop_early_and_errors() -> None:
    calls: list[int] = []

    def pred(x: int) -> bool:
        calls.append(x)
        return x == 2
    stream = PassThrough(objectMode=True)
    for v in (1, 2, 3, 4):
        stream.write(v)

    async def main() -> None:
        assert await stream.some(pred) is True
        assert calls == [1, 2]
        assert stream.destroyed is True  # leaving the iteration destroys the source
    ac = uvnet.AbortController()
    ac.abort()
    run(main(),
        rejects(Readable.from_([1]).some(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).every(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).find(1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1]).some(lambda x: x, 1), code='ERR_INVALID_ARG_TYPE'),
        rejects(Readable.from_([1, 2]).some(lambda x: uvnet.Promise(lambda a, b: None),
                                            signal=ac.signal), name='AbortError'))


# --- test-stream-flatMap.js ---------------------------------------------------------------

def test_flatMap() -> None:
    async def pairs(x: int) -> Any:
        yield x
        yield x

    async def sleepy(x: int, opts: dict[str, Any]) -> list[int]:
        await sleep(1, signal=opts['signal'])
        return [x, x]

    async def main() -> None:
        assert await range_stream(3).flatMap(lambda x: [x, x]).toArray() == [1, 1, 2, 2, 3, 3]
        assert await range_stream(3).flatMap(pairs).toArray() == [1, 1, 2, 2, 3, 3]
        assert await range_stream(3).flatMap(sleepy, concurrency=2).toArray() == \
            [1, 1, 2, 2, 3, 3]
        # a stream as the mapped value
        nested = await range_stream(2).flatMap(lambda x: Readable.from_([x, x * 10])).toArray()
        assert nested == [1, 10, 2, 20]
        # strings are iterated, as JS's yield* does
        assert await Readable.from_(['ab']).flatMap(lambda x: x).toArray() == ['a', 'b']
    run(main())


def test_flatMap_errors() -> None:
    def thrower(x: int) -> list[int]:
        raise Exception('boom')
    run(rejects(range_stream(3).flatMap(thrower).toArray(), message='boom'),
        rejects(range_stream(3).flatMap(lambda x: 1).toArray(), name='TypeError'))
    common.throws(lambda: Readable.from_([1]).flatMap(1), code='ERR_INVALID_ARG_TYPE')
    common.throws(lambda: Readable.from_([1]).flatMap(lambda x: x, 1),
                  code='ERR_INVALID_ARG_TYPE')
