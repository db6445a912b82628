"""Ports of Node v20's test/parallel/test-util-promisify.js, test-util-callbackify.js
(without their ``fs``, ``vm`` and child-process blocks) and test-abortsignal-any.mjs.

Node's ``fn[customPromisifyArgs]`` is the attribute named
``uvnet.internal.promisify.customPromisifyArgs``; a JS ``this`` binding has no
Python counterpart (a bound method carries its object).
"""

from __future__ import annotations

from typing import Any

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.events import once
from uvnet.internal.promisify import customPromisifyArgs
from uvnet.util import callbackify, promisify


def run(*coros: Any) -> None:
    for coro in coros:
        uvnet.Promise.resolve(coro).then(common.mustCall(), common.mustNotCall())
    uvnet.run()


# --- test-util-promisify.js ---------------------------------------------------------------

def test_promisify_custom() -> None:
    def fn() -> None:
        pass

    def promisifiedFn() -> None:
        pass
    setattr(fn, promisify.custom, promisifiedFn)  # type: ignore[attr-defined]
    assert promisify(fn) is promisifiedFn
    assert promisify(promisify(fn)) is promisifiedFn
    assert promisify.custom == '_nodejs_util_promisify_custom'  # type: ignore[attr-defined]

    def bad() -> None:
        pass
    setattr(bad, promisify.custom, 42)  # type: ignore[attr-defined]
    common.throws(lambda: promisify(bad), code='ERR_INVALID_ARG_TYPE', name='TypeError')


def test_promisify_values() -> None:
    def two(callback: Any) -> None:
        callback(None, 5, 17)
    setattr(two, customPromisifyArgs, ['first', 'second'])
    promisify(two)().then(common.mustCall(
        lambda obj: obj == {'first': 5, 'second': 17} or 1 / 0))

    def foo_bar(callback: Any) -> None:
        callback(None, 'foo', 'bar')
    promisify(foo_bar)().then(common.mustCall(lambda value: value == 'foo' or 1 / 0))
    promisify(lambda callback: callback(None))().then(
        common.mustCall(lambda value: value is None or 1 / 0))
    promisify(lambda callback: callback())().then(
        common.mustCall(lambda value: value is None or 1 / 0))

    def fn(err: Any, val: Any, callback: Any) -> None:
        callback(err, val)
    promisify(fn)(None, 42).then(common.mustCall(lambda value: value == 42 or 1 / 0))
    promisify(fn)(Exception('oops'), None).catch(
        common.mustCall(lambda err: str(err) == 'oops' or 1 / 0))
    assert isinstance(promisify(fn)(None, 1), uvnet.Promise)

    async def awaited() -> None:
        assert await promisify(fn)(None, 42) == 42
    run(awaited())


def test_promisify_bound_method_and_double_callback() -> None:
    class Owner:
        def method(self, cb: Any) -> None:
            cb(None, isinstance(self, Owner))
    o = Owner()
    promisify(o.method)().then(common.mustCall(lambda val: val is True or 1 / 0))
    err = Exception('Should not have called the callback with the error.')

    def twice(cb: Any) -> None:
        cb(None)
        cb(err)

    async def main() -> None:
        await promisify(twice)()
        await uvnet.Promise.resolve()
    run(main())


def test_promisify_identity_and_throws() -> None:
    a = promisify(lambda: None)
    assert promisify(a) is a
    errToThrow = Exception()

    def thrower(a: Any, b: Any, c: Any, cb: Any) -> None:
        raise errToThrow
    promisify(thrower)(1, 2, 3).then(common.mustNotCall(), common.mustCall(
        lambda e: e is errToThrow or 1 / 0))
    err = Exception()
    promisify(lambda cb: cb(err))().then(common.mustNotCall(), common.mustCall(
        lambda e: e is err or 1 / 0))

    def raiser() -> None:
        raise err
    promisify(raiser)().then(common.mustNotCall(), common.mustCall(lambda e: e is err or 1 / 0))
    for value in (None, True, 0, 'str', {}, []):
        e = common.throws(lambda value=value: promisify(value), code='ERR_INVALID_ARG_TYPE',
                          name='TypeError')
        assert str(e).startswith('The "original" argument must be of type function.')
    uvnet.run()


def test_promisify_timers() -> None:
    async def main() -> None:
        assert await promisify(uvnet.setTimeout)(1, 'v') == 'v'
        assert await promisify(uvnet.setImmediate)('w') == 'w'
    run(main())


# --- test-util-callbackify.js -------------------------------------------------------------

VALUES: list[Any] = ['hello world', None, False, 0, {}, {'key': 'value'}, object(),
                     lambda: None, ['array', 'with', 4, 'values'], Exception('boo')]


class _Thenable:
    def __init__(self, value: Any, reject: bool = False) -> None:
        self.value = value
        self.reject = reject

    def then(self, onRes: Any, onRej: Any) -> None:
        (onRej if self.reject else onRes)(self.value)


def test_callbackify_resolved_values() -> None:
    for value in VALUES:
        async def asyncFn(value: Any = value) -> Any:
            return value

        def check(ret: Any, value: Any = value) -> None:
            assert ret is value
        callbackify(asyncFn)(common.mustSucceed(_exactly(value)))
        callbackify(lambda value=value: uvnet.Promise.resolve(value))(
            common.mustSucceed(_exactly(value)))
        callbackify(lambda value=value: _Thenable(value))(common.mustSucceed(_exactly(value)))
    uvnet.run()


def _exactly(value: Any) -> Any:
    def check(ret: Any) -> None:
        assert ret is value
    return check


def _rejected_with(value: Any) -> Any:
    def check(err: Any, ret: Any = None) -> None:
        assert ret is None
        if not value:
            assert err.code == 'ERR_FALSY_VALUE_REJECTION'
            assert err.reason is value
            assert str(err) == 'Promise was rejected with falsy value'
        else:
            assert err is value
    return check


def test_callbackify_rejected_values() -> None:
    for value in VALUES:
        async def asyncFn(value: Any = value) -> Any:
            return await uvnet.Promise.reject(value)
        cbAsyncFn = callbackify(asyncFn)
        assert cbAsyncFn.__name__ == 'asyncFnCallbackified'
        cbAsyncFn(common.mustCall(_rejected_with(value)))
        callbackify(lambda value=value: uvnet.Promise.reject(value))(
            common.mustCall(_rejected_with(value)))
        callbackify(lambda value=value: _Thenable(value, reject=True))(
            common.mustCall(_rejected_with(value)))
    uvnet.run()


def test_callbackify_arguments() -> None:
    for value in VALUES:
        async def asyncFn(arg: Any, value: Any = value) -> Any:
            assert arg is value
            return arg
        callbackify(asyncFn)(value, common.mustSucceed(_exactly(value)))
    for value in ('foo', None, False, 0, {}, []):
        common.throws(lambda value=value: callbackify(value), code='ERR_INVALID_ARG_TYPE',
                      name='TypeError')

    async def answer() -> int:
        return 42
    cb = callbackify(answer)
    args: list[Any] = []
    for value in ('foo', None, False, 0, {}, []):
        args.append(value)
        e = common.throws(lambda: cb(*args), code='ERR_INVALID_ARG_TYPE', name='TypeError')
        assert str(e).startswith('The last argument must be of type function.')
    uvnet.run()


def test_callbackify_calls_back_on_a_tick() -> None:
    order: list[str] = []

    async def fn() -> str:
        return 'v'
    callbackify(fn)(lambda err, v: order.append(f'callback {v}'))
    uvnet.queueMicrotask(lambda: order.append('microtask'))
    uvnet.run()
    assert order == ['microtask', 'callback v']


# --- test-abortsignal-any.mjs -------------------------------------------------------------

def test_abortsignal_any_arguments() -> None:
    for bad in ((), (None,)):
        common.throws(lambda bad=bad: uvnet.AbortSignal.any(*bad), code='ERR_INVALID_ARG_TYPE')
    e = common.throws(lambda: uvnet.AbortSignal.any([uvnet.AbortSignal.abort(), None]),
                      code='ERR_INVALID_ARG_TYPE')
    assert str(e) == ('The "signals[1]" argument must be an instance of AbortSignal. '
                      'Received None')


def test_abortsignal_any_results() -> None:
    signal = uvnet.AbortSignal.any([])
    assert signal.aborted is False
    signal.addEventListener('abort', common.mustNotCall())
    original = uvnet.AbortController().signal
    assert uvnet.AbortSignal.any([original]) is not original
    signal = uvnet.AbortSignal.any([uvnet.AbortSignal.abort('some reason')])
    assert signal.aborted is True and signal.reason == 'some reason'
    signal = uvnet.AbortSignal.any([uvnet.AbortSignal.abort('some reason'),
                                    uvnet.AbortSignal.abort('another reason')])
    assert signal.reason == 'some reason'
    controllers = [uvnet.AbortController() for _ in range(3)]
    combined = uvnet.AbortSignal.any([c.signal for c in controllers])
    controllers[1].abort(1)
    controllers[2].abort(2)
    assert combined.aborted and combined.reason == 1
    controller = uvnet.AbortController()
    same = uvnet.AbortSignal.any([controller.signal, controller.signal])
    assert same.aborted is False
    controller.abort('reason')
    assert same.aborted and same.reason == 'reason'


def test_abortsignal_any_timeout_target() -> None:
    async def main() -> None:
        signal = uvnet.AbortSignal.any([uvnet.AbortSignal.timeout(5)])
        interval = uvnet.setInterval(lambda: None, 100000)  # keep the loop alive
        [event] = await once(signal, 'abort')
        uvnet.clearInterval(interval)
        assert event.target is signal
        assert signal.aborted
        assert signal.reason.name == 'TimeoutError'
    run(main())


def test_abortsignal_any_deep_and_order() -> None:
    controllers = [uvnet.AbortController() for _ in range(2)]
    composed1 = uvnet.AbortSignal.any([controllers[0].signal])
    composed2 = uvnet.AbortSignal.any([composed1, controllers[1].signal])
    composed2.onabort = common.mustCall()
    controllers[0].abort()
    assert composed2.aborted
    assert composed2.reason.name == 'AbortError'

    controller = uvnet.AbortController()
    signals = [controller.signal]
    signals.append(uvnet.AbortSignal.any([controller.signal]))
    signals.append(uvnet.AbortSignal.any([controller.signal]))
    signals.append(uvnet.AbortSignal.any([signals[0]]))
    signals.append(uvnet.AbortSignal.any([signals[1]]))
    result = []
    for i, s in enumerate(signals):
        s.addEventListener('abort', lambda e, i=i: result.append(str(i)))
    controller.abort()
    assert ''.join(result) == '01234'


def test_promisify_dns_lookup_names_its_values() -> None:
    """Node gives dns.lookup customPromisifyArgs: the Promise resolves with a dict."""
    async def main() -> None:
        result = await promisify(uvnet.dns.lookup)('localhost', {'family': 4})
        assert result == {'address': '127.0.0.1', 'family': 4}
    run(main())
