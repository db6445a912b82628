"""Ports of Node v20's test/parallel/test-events-once.js and
test-events-on-async-iterator.js: ``uvnet.events.once`` and ``uvnet.events.on``.

uvnet's event target is :class:`uvnet.AbortSignal` (Node's tests use ``EventTarget``,
which uvnet does not have), so the event-target cases listen to a signal's ``'abort'``.
Node's ``signal[kEvents].size`` is the number of the signal's listeners.
"""

from __future__ import annotations

from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.events import EventEmitter, on, once


def run(coro: Any) -> None:
    done = common.mustCall()
    uvnet.Promise.resolve(coro).then(lambda _v: done())
    uvnet.run()


def signal_listeners(signal: uvnet.AbortSignal) -> int:
    return len(signal._listeners)


# --- test-events-once.js --------------------------------------------------------------

def test_once_an_event() -> None:
    async def main() -> None:
        ee = EventEmitter()
        uvnet.nextTick(lambda: ee.emit('myevent', 42))
        [value] = await once(ee, 'myevent')
        assert value == 42
        assert ee.listenerCount('error') == 0
        assert ee.listenerCount('myevent') == 0
    run(main())


def test_once_with_null_options_and_two_args() -> None:
    async def main() -> None:
        ee = EventEmitter()
        uvnet.nextTick(lambda: ee.emit('myevent', 42))
        [value] = await once(ee, 'myevent', None)
        assert value == 42
        uvnet.nextTick(lambda: ee.emit('myevent', 42, 24))
        assert await once(ee, 'myevent') == [42, 24]
    run(main())


def test_once_catches_errors() -> None:
    async def main() -> None:
        ee = EventEmitter()
        expected = Exception('kaboom')
        uvnet.nextTick(lambda: ee.emit('error', expected))
        err = await common.rejects(once(ee, 'myevent'))
        assert err is expected
        assert ee.listenerCount('error') == 0
        assert ee.listenerCount('myevent') == 0
    run(main())


def test_once_catches_errors_with_abort_signal() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ac = uvnet.AbortController()
        signal = ac.signal
        expected = Exception('boom')
        uvnet.nextTick(lambda: ee.emit('error', expected))
        promise = once(ee, 'myevent', signal=signal)
        assert ee.listenerCount('error') == 1
        assert signal_listeners(signal) == 1
        err = await common.rejects(promise)
        assert err is expected
        assert ee.listenerCount('error') == 0
        assert ee.listenerCount('myevent') == 0
        assert signal_listeners(signal) == 0
    run(main())


def test_once_stops_listening_after_catching_error() -> None:
    async def main() -> None:
        ee = EventEmitter()
        expected = Exception('kaboom')

        def emit() -> None:
            ee.emit('error', expected)
            ee.emit('myevent', 42, 24)
        uvnet.nextTick(emit)
        err = await common.rejects(once(ee, 'myevent'))
        assert err is expected
        assert ee.listenerCount('error') == 0
        assert ee.listenerCount('myevent') == 0
    run(main())


def test_once_error() -> None:
    async def main() -> None:
        ee = EventEmitter()
        expected = Exception('kaboom')
        uvnet.nextTick(lambda: ee.emit('error', expected))
        promise = once(ee, 'error')
        assert ee.listenerCount('error') == 1
        [err] = await promise
        assert err is expected
        assert ee.listenerCount('error') == 0
        assert ee.listenerCount('myevent') == 0
    run(main())


def test_once_with_event_target() -> None:
    async def main() -> None:
        ac = uvnet.AbortController()
        uvnet.nextTick(ac.abort)
        [event] = await once(ac.signal, 'abort')
        assert event.type == 'abort'
        assert event.target is ac.signal
        assert signal_listeners(ac.signal) == 0
    run(main())


def test_once_with_invalid_event_emitter() -> None:
    async def main() -> None:
        ac = uvnet.AbortController()
        await common.rejects(once(ac, 'myevent'), code='ERR_INVALID_ARG_TYPE')
    run(main())


def test_once_prioritizes_event_emitter() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ee.addEventListener = common.mustNotCall()  # type: ignore[attr-defined]
        ee.removeAllListeners = common.mustNotCall()  # type: ignore[method-assign]
        uvnet.nextTick(lambda: ee.emit('foo'))
        assert await once(ee, 'foo') == []
    run(main())


def test_once_abort_signal_before() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ee.on('error', common.mustNotCall())
        for signal in (1, {}, 'hi', False):
            await common.rejects(once(ee, 'foo', signal=signal), code='ERR_INVALID_ARG_TYPE')
        await common.rejects(once(ee, 'foo', signal=uvnet.AbortSignal.abort()),
                             name='AbortError')
        ac = uvnet.AbortController()
        uvnet.nextTick(ac.abort)
        await common.rejects(once(ac.signal, 'foo', signal=uvnet.AbortSignal.abort()),
                             name='AbortError')
    run(main())


def test_once_abort_signal_after() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ac = uvnet.AbortController()
        ee.on('error', common.mustNotCall())
        r = common.rejects(once(ee, 'foo', signal=ac.signal), name='AbortError')
        uvnet.nextTick(ac.abort)
        err = await r
        assert err.code == 'ABORT_ERR'  # type: ignore[attr-defined]
        assert ee.listeners('foo') == []
        assert len(ee.listeners('error')) == 1  # only the mustNotCall
    run(main())


def test_once_abort_signal_after_event() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ac = uvnet.AbortController()

        def emit() -> None:
            ee.emit('foo')
            ac.abort()
        uvnet.nextTick(emit)
        promise = once(ee, 'foo', signal=ac.signal)
        assert signal_listeners(ac.signal) == 1
        await promise
        assert signal_listeners(ac.signal) == 0
    run(main())


def test_once_abort_signal_remove_listener() -> None:
    async def main() -> None:
        ee = EventEmitter()
        ac = uvnet.AbortController()
        uvnet.nextTick(ac.abort)
        await common.rejects(once(ee, 'test', signal=ac.signal), name='AbortError')
        assert ee.listeners('test') == []
        assert ee.listeners('error') == []
    run(main())


# --- test-events-on-async-iterator.js --------------------------------------------------

def test_on_basic() -> None:
    async def main() -> None:
        ee = EventEmitter()

        def emit() -> None:
            ee.emit('foo', 'bar')
            ee.emit('bar', 24)  # a spurious event: it must not show up
            ee.emit('foo', 42)
        uvnet.nextTick(emit)
        expected = [['bar'], [42]]
        async for event in on(ee, 'foo'):
            assert event == expected.pop(0)
            if not expected:
                break
        assert ee.listenerCount('foo') == 0
        assert ee.listenerCount('error') == 0
    run(main())


def test_on_invalid_arg_type() -> None:
    common.throws(lambda: on({}, 'foo'), code='ERR_INVALID_ARG_TYPE', name='TypeError')


def test_on_error() -> None:
    async def main() -> None:
        ee = EventEmitter()
        err_ = Exception('kaboom')
        uvnet.nextTick(lambda: ee.emit('error', err_))
        looped = thrown = False
        try:
            async for _event in on(ee, 'foo'):
                looped = True
        except Exception as err:
            thrown = True
            assert err is err_
        assert thrown and not looped
    run(main())


def test_on_error_delayed() -> None:
    async def main() -> None:
        ee = EventEmitter()
        err_ = Exception('kaboom')

        def emit() -> None:
            ee.emit('foo', 42)
            ee.emit('error', err_)
        uvnet.nextTick(emit)
        expected = [[42]]
        thrown = False
        try:
            async for event in on(ee, 'foo'):
                assert event == expected.pop(0)
        except Exception as err:
            thrown = True
            assert err is err_
        assert thrown and not expected
        assert ee.listenerCount('foo') == 0
        assert ee.listenerCount('error') == 0
    run(main())


def test_on_throw_in_loop() -> None:
    async def main() -> None:
        ee = EventEmitter()
        err_ = Exception('kaboom')
        uvnet.nextTick(lambda: ee.emit('foo', 42))
        try:
            async for event in on(ee, 'foo'):
                assert event == [42]
                raise err_
        except Exception as err:
            assert err is err_
        assert ee.listenerCount('foo') == 0
        assert ee.listenerCount('error') == 0
    run(main())


def test_on_next() -> None:
    async def main() -> None:
        ee = EventEmitter()
        iterable = on(ee, 'foo')

        def emit() -> None:
            ee.emit('foo', 'bar')
            ee.emit('foo', 42)
            iterable.return_()
        uvnet.nextTick(emit)
        results = await uvnet.Promise.all([iterable.next(), iterable.next(), iterable.next()])
        assert results == [{'value': ['bar'], 'done': False}, {'value': [42], 'done': False},
                           {'value': None, 'done': True}]
        assert await iterable.next() == {'value': None, 'done': True}
    run(main())


def test_on_next_error() -> None:
    async def main() -> None:
        ee = EventEmitter()
        iterable = on(ee, 'foo')
        err_ = Exception('kaboom')
        uvnet.nextTick(lambda: ee.emit('error', err_))
        results = await uvnet.Promise.allSettled(
            [iterable.next(), iterable.next(), iterable.next()])
        assert results == [
            {'status': 'rejected', 'reason': err_},
            {'status': 'fulfilled', 'value': {'value': None, 'done': True}},
            {'status': 'fulfilled', 'value': {'value': None, 'done': True}},
        ]
        assert ee.listeners('error') == []
    run(main())


def test_on_iterable_throw() -> None:
    async def main() -> None:
        ee = EventEmitter()
        iterable = on(ee, 'foo')
        err_ = Exception('kaboom')

        def emit() -> None:
            ee.emit('foo', 'bar')
            ee.emit('foo', 42)  # lost in the queue
            iterable.throw(err_)
        uvnet.nextTick(emit)
        common.throws(iterable.throw, name='TypeError',
                      message='The "EventEmitter.AsyncIterator" property must be an '
                              'instance of Error. Received None')
        expected = [['bar'], [42]]
        thrown = False
        try:
            async for event in iterable:
                assert event == expected.pop(0)
        except Exception as err:
            thrown = True
            assert err is err_
        assert thrown and not expected
        assert ee.listenerCount('foo') == 0
        assert ee.listenerCount('error') == 0
    run(main())


def test_on_event_target() -> None:
    async def main() -> None:
        ac = uvnet.AbortController()
        uvnet.setTimeout(ac.abort, 1)
        async for [event] in on(ac.signal, 'abort'):
            assert event.type == 'abort'
            break
        assert signal_listeners(ac.signal) == 0
    run(main())


def test_on_error_listener_count() -> None:
    et = EventEmitter()
    it = on(et, 'foo')
    assert et.listenerCount('error') == 1
    it.return_()
    assert et.listenerCount('error') == 0


def test_on_abortable_before() -> None:
    ee = EventEmitter()
    for signal in (1, {}, 'hi', False):
        common.throws(lambda signal=signal: on(ee, 'foo', signal=signal),
                      code='ERR_INVALID_ARG_TYPE')
    common.throws(lambda: on(ee, 'foo', signal=uvnet.AbortSignal.abort()), name='AbortError')


def test_on_abortable_after() -> None:
    ee = EventEmitter()
    ac = uvnet.AbortController()
    i = uvnet.setInterval(lambda: ee.emit('foo', 'foo'), 10)

    async def foo() -> None:
        async for f in on(ee, 'foo', signal=ac.signal):
            assert f == ['foo']

    def check(error: Any) -> None:
        assert error.name == 'AbortError'
    uvnet.Promise.resolve(foo()).catch(common.mustCall(check)).finally_(
        lambda: uvnet.clearInterval(i))
    uvnet.nextTick(ac.abort)
    uvnet.run()


def test_on_abortable_after_abort_in_loop() -> None:
    ee = EventEmitter()
    ac = uvnet.AbortController()
    i = uvnet.setInterval(lambda: ee.emit('foo', 'foo'), 10)

    async def foo() -> None:
        async for f in on(ee, 'foo', signal=ac.signal):
            assert f
            ac.abort()  # cancel after a single event

    uvnet.Promise.resolve(foo()).catch(
        common.mustCall(lambda error: error.name == 'AbortError' or 1 / 0)).finally_(
        lambda: uvnet.clearInterval(i))
    uvnet.run()


def test_on_abortable_after_done() -> None:
    ee = EventEmitter()
    ac = uvnet.AbortController()
    i = uvnet.setInterval(lambda: ee.emit('foo', 'foo'), 1)
    count = 0

    async def foo() -> None:
        nonlocal count
        async for f in on(ee, 'foo', signal=ac.signal):
            assert f[0] == 'foo'
            count += 1
            if count == 5:
                break
        ac.abort()  # no error will occur

    uvnet.Promise.resolve(foo()).finally_(lambda: uvnet.clearInterval(i))
    uvnet.run()
    assert count == 5
    assert ee.listenerCount('foo') == 0


def test_on_close_events_and_watermarks() -> None:
    """Node 20's ``close`` option and ``highWaterMark``/``lowWaterMark`` pause/resume."""
    class Pausable(EventEmitter):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        def pause(self) -> None:
            self.calls.append('pause')

        def resume(self) -> None:
            self.calls.append('resume')

    async def main() -> None:
        ee = Pausable()
        it = on(ee, 'data', close=['end'], highWaterMark=2, lowWaterMark=1)
        for v in range(4):
            ee.emit('data', v)
        assert ee.calls == ['pause']
        got = []
        uvnet.setImmediate(lambda: ee.emit('end'))
        async for [v] in it:
            got.append(v)
        assert got == [0, 1, 2, 3]
        assert ee.calls == ['pause', 'resume']
        assert ee.listenerCount('data') == ee.listenerCount('end') == 0
    run(main())
