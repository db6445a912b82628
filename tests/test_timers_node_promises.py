"""Ports of Node v20's test/parallel/test-timers-timeout-promisified.js,
test-timers-immediate-promisified.js, test-timers-interval-promisified.js and
test-timers-promises-scheduler.js: ``uvnet.timers.promises``.

A JS async generator's ``iterator.next()``/``return()`` are Python's ``__anext__()``/
``aclose()``; Node's ``NodeEventTarget`` with ``aborted = false`` is a
:class:`uvnet.AbortSignal` whose listeners are counted; ``process.emit('foo')`` is an
emitter of the test's own.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.timers import promises as timerPromises
from uvnet.util import promisify

setPromiseTimeout = promisify(uvnet.setTimeout)
setPromiseImmediate = promisify(uvnet.setImmediate)


def run(*coros: Any) -> None:
    for coro in coros:
        uvnet.Promise.resolve(coro).then(common.mustCall(), common.mustNotCall())
    uvnet.run()


def listeners(signal: uvnet.AbortSignal) -> int:
    return len(signal._listeners)


def spawn_stderr(code: str) -> tuple[str, float]:
    # The uvnet this test runs against (the installed one under tox), not ./uvnet: the child
    # runs outside the work tree, which `-c` would otherwise put first on sys.path.
    start = time.monotonic()
    proc = subprocess.run([sys.executable, '-c', code], cwd=tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=60)
    return proc.stderr, time.monotonic() - start


def test_promisify_gives_the_promise_versions() -> None:
    assert setPromiseTimeout is timerPromises.setTimeout
    assert setPromiseImmediate is timerPromises.setImmediate
    assert promisify(setPromiseTimeout) is setPromiseTimeout
    assert uvnet.timers.promises is timerPromises
    import uvnet.timers.promises as by_path
    assert by_path is timerPromises


# --- test-timers-timeout-promisified.js ---------------------------------------------------

def test_timeout_values_and_abort() -> None:
    setPromiseTimeout(1).then(common.mustCall(lambda value: value is None or 1 / 0))
    setPromiseTimeout(1, 'foobar').then(common.mustCall(lambda v: v == 'foobar' or 1 / 0))
    ac = uvnet.AbortController()
    p1 = common.rejects(setPromiseTimeout(10, None, {'signal': ac.signal}), name='AbortError')
    ac.abort()
    p2 = common.rejects(setPromiseTimeout(10, None, signal=uvnet.AbortSignal.abort()),
                        name='AbortError')
    # Aborting after the resolve does not reject.
    ac2 = uvnet.AbortController()
    setPromiseTimeout(10, None, signal=ac2.signal).then(
        common.mustCall(lambda _v: ac2.abort())).then(common.mustCall())
    # Adding a signal does not leak its listener.
    signal = uvnet.AbortController().signal
    setPromiseTimeout(0, None, signal=signal).finally_(
        common.mustCall(lambda: listeners(signal) == 0 or 1 / 0))

    async def reasons() -> None:
        err = await common.rejects(
            timerPromises.setTimeout(1, None, signal=uvnet.AbortSignal.abort('boom')))
        assert err.cause == 'boom'  # type: ignore[attr-defined]
    run(p1, p2, reasons())


def test_timeout_bad_arguments() -> None:
    async def main() -> None:
        for options in (1, '', False, float('inf')):
            await common.rejects(setPromiseTimeout(10, None, options),
                                 code='ERR_INVALID_ARG_TYPE')
        for signal in (1, '', False, float('inf'), {}):
            await common.rejects(setPromiseTimeout(10, None, signal=signal),
                                 code='ERR_INVALID_ARG_TYPE')
        for ref in (1, '', float('inf'), None, {}):
            await common.rejects(setPromiseTimeout(10, None, ref=ref),
                                 code='ERR_INVALID_ARG_TYPE')
        await common.rejects(setPromiseTimeout('10'), code='ERR_INVALID_ARG_TYPE')
    run(main())


def test_timeout_unref_does_not_hold_the_loop() -> None:
    stderr, took = spawn_stderr(
        'import uvnet\n'
        'def fail(_v):\n    raise AssertionError("resolved")\n'
        'uvnet.timers.promises.setTimeout(1000, None, ref=False).then(fail)\n'
        'uvnet.run()\n')
    assert stderr == ''
    assert took < 1.0 + 5  # the import, not the timer (which would fail the assertion)


# --- test-timers-immediate-promisified.js -------------------------------------------------

def test_immediate_values_and_abort() -> None:
    setPromiseImmediate().then(common.mustCall(lambda value: value is None or 1 / 0))
    setPromiseImmediate('foobar').then(common.mustCall(lambda v: v == 'foobar' or 1 / 0))
    ac = uvnet.AbortController()
    p1 = common.rejects(setPromiseImmediate(10, signal=ac.signal), name='AbortError')
    ac.abort()
    p2 = common.rejects(setPromiseImmediate(10, signal=uvnet.AbortSignal.abort()),
                        name='AbortError')
    ac2 = uvnet.AbortController()
    setPromiseImmediate(10, signal=ac2.signal).then(
        common.mustCall(lambda _v: ac2.abort())).then(common.mustCall())
    signal = uvnet.AbortController().signal
    setPromiseImmediate(0, signal=signal).finally_(
        common.mustCall(lambda: listeners(signal) == 0 or 1 / 0))

    async def reasons() -> None:
        err = await common.rejects(
            timerPromises.setImmediate(None, signal=uvnet.AbortSignal.abort('boom')))
        assert err.cause == 'boom'  # type: ignore[attr-defined]

    async def bad() -> None:
        for options in (1, '', False, float('inf')):
            await common.rejects(setPromiseImmediate(10, options), code='ERR_INVALID_ARG_TYPE')
        for sig in (1, '', False, float('inf'), {}):
            await common.rejects(setPromiseImmediate(10, signal=sig),
                                 code='ERR_INVALID_ARG_TYPE')
        for ref in (1, '', float('inf'), None, {}):
            await common.rejects(setPromiseImmediate(10, ref=ref), code='ERR_INVALID_ARG_TYPE')
    run(p1, p2, reasons(), bad())


def test_immediate_unref_does_not_hold_the_loop() -> None:
    stderr, _took = spawn_stderr(
        'import uvnet\n'
        'def fail(_v):\n    raise AssertionError("resolved")\n'
        'uvnet.timers.promises.setImmediate(None, ref=False).then(fail)\n'
        'uvnet.run()\n')
    assert stderr == ''


# --- test-timers-interval-promisified.js --------------------------------------------------

def test_interval_values() -> None:
    async def first(value: Any) -> None:
        iterator = timerPromises.setInterval(1, value).__aiter__()
        assert await iterator.__anext__() == value
        await iterator.aclose()

    async def twice() -> None:
        iterator = timerPromises.setInterval(1, 'foobar')
        assert await iterator.__anext__() == 'foobar'
        assert await iterator.__anext__() == 'foobar'
        await iterator.aclose()
    run(first(None), first('foobar'), twice())


def test_interval_abort() -> None:
    async def before() -> None:
        iterator = timerPromises.setInterval(1, None, signal=uvnet.AbortSignal.abort())
        await common.rejects(iterator.__anext__(), name='AbortError')

    async def pending() -> None:
        ac = uvnet.AbortController()
        iterator = timerPromises.setInterval(100, None, signal=ac.signal)
        async def first() -> Any:
            return await iterator.__anext__()
        promise = uvnet.Promise.resolve(first())
        ac.abort()  # after we have a next() promise
        await common.rejects(promise, name='AbortError')

    async def after_value() -> None:
        ac = uvnet.AbortController()
        iterator = timerPromises.setInterval(100, None, signal=ac.signal)
        await iterator.__anext__()
        ac.abort()
        await common.rejects(iterator.__anext__(), name='AbortError')

    async def reason() -> None:
        try:
            async for _ in timerPromises.setInterval(2, None,
                                                     signal=uvnet.AbortSignal.abort('boom')):
                pass
            raise AssertionError('should have failed')
        except uvnet.AbortError as err:
            assert err.cause == 'boom'  # type: ignore[attr-defined]
    run(before(), pending(), after_value(), reason())


def test_interval_bad_arguments() -> None:
    async def main() -> None:
        for ref in (1, '', float('inf'), None, {}):
            await common.rejects(timerPromises.setInterval(10, None, ref=ref).__anext__(),
                                 code='ERR_INVALID_ARG_TYPE')
        for signal in (1, '', float('inf'), {}):
            await common.rejects(timerPromises.setInterval(10, None, signal=signal).__anext__(),
                                 code='ERR_INVALID_ARG_TYPE')
        for options in (1, '', float('inf'), True, False):
            await common.rejects(timerPromises.setInterval(10, None, options).__anext__(),
                                 code='ERR_INVALID_ARG_TYPE')
    run(main())


def test_interval_signal_listeners_do_not_leak() -> None:
    signal = uvnet.AbortController().signal

    async def close() -> None:
        iterator = timerPromises.setInterval(1, None, signal=signal)
        await iterator.__anext__()
        assert listeners(signal) == 1
        await iterator.aclose()
        assert listeners(signal) == 0

    signal2 = uvnet.AbortController().signal

    async def tryBreak() -> None:
        i = 0
        async for _ in timerPromises.setInterval(10, None, signal=signal2):
            if i == 0:
                assert listeners(signal2) == 1
            i += 1
            if i == 2:
                break
        assert i == 2
        assert listeners(signal2) == 0  # break closed the generator
    run(close(), tryBreak())


def test_interval_unref_does_not_hold_the_loop() -> None:
    stderr, _took = spawn_stderr(
        'import uvnet\n'
        'def fail(_v):\n    raise AssertionError("resolved")\n'
        'it = uvnet.timers.promises.setInterval(1000, None, ref=False)\n'
        'async def first():\n    return await it.__anext__()\n'
        'uvnet.Promise.resolve(first()).then(fail)\n'
        'uvnet.run()\n')
    assert stderr == ''


async def runInterval(fn: Any, intervalTime: int, signal: Any) -> None:
    inp = 'foobar'
    iteration = 0
    async for value in timerPromises.setInterval(intervalTime, inp, signal=signal):
        assert value == inp
        iteration += 1
        await uvnet.Promise.resolve(fn(iteration))


def test_interval_call_count_and_pending_iterations() -> None:
    controller = uvnet.AbortController()
    loopCount = 0

    def count(_i: int) -> None:
        nonlocal loopCount
        loopCount += 1
        if loopCount == 5:
            controller.abort()
        if loopCount > 5:
            raise Exception('ran too many times')

    async def exact() -> None:
        await common.rejects(runInterval(count, 20, controller.signal), name='AbortError')
        assert loopCount == 5

    controller2 = uvnet.AbortController()
    signal2 = controller2.signal
    totalIterations = 0

    async def slow(iterationNumber: int) -> None:
        nonlocal totalIterations
        await setPromiseTimeout(10 * 4)
        if iterationNumber <= 2:
            assert signal2.aborted is False
        if iterationNumber == 2:
            controller2.abort()
        if iterationNumber > 2:
            assert signal2.aborted is True
        totalIterations = max(totalIterations, iterationNumber)

    def check(_err: Any) -> None:
        assert totalIterations >= 3, f'iterations was {totalIterations} < 3'
    uvnet.Promise.resolve(runInterval(slow, 10, signal2)).catch(common.mustCall(check))
    run(exact())


def test_interval_timing() -> None:
    state = {'pre': False, 'post': False}
    time_unit = 50

    async def interval() -> None:
        iterator = timerPromises.setInterval(time_unit * 2)
        await iterator.__anext__()
        assert state['pre'], 'interval ran too early'
        assert not state['post'], 'interval ran too late'
        await iterator.__anext__()
        assert state['post'], 'second interval ran too early'
        await iterator.aclose()
    run(uvnet.Promise.all([
        setPromiseTimeout(1).then(lambda _v: state.__setitem__('pre', True)),
        interval(),
        setPromiseTimeout(time_unit * 3).then(lambda _v: state.__setitem__('post', True)),
    ]))


# --- test-timers-promises-scheduler.js ----------------------------------------------------

def test_scheduler() -> None:
    emitter = uvnet.EventEmitter()
    scheduler = timerPromises.scheduler

    async def testYield() -> None:
        await scheduler.yield_()
        emitter.emit('foo')

    uvnet.queueMicrotask(common.mustCall(lambda: emitter.addListener('foo', common.mustCall())))

    async def testWait() -> None:
        value = 0

        def inc() -> None:
            nonlocal value
            value += 1
        uvnet.setTimeout(inc, 10)
        await scheduler.wait(15)
        assert value == 1

    async def testCancelableWait1() -> None:
        ac = uvnet.AbortController()
        wait = scheduler.wait(1e6, signal=ac.signal)
        ac.abort()
        await common.rejects(wait, code='ABORT_ERR', message='The operation was aborted')

    async def testCancelableWait2() -> None:
        wait = scheduler.wait(10000, signal=uvnet.AbortSignal.abort())
        await common.rejects(wait, code='ABORT_ERR', message='The operation was aborted')
    run(testYield(), testWait(), testCancelableWait1(), testCancelableWait2())
