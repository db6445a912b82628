# Port of test-promises-unhandled-rejections.js (Node v20.11.1), in uvnet's words.
import sys

import uvnet
from uvnet import Promise, process

_NONE = object()
queue = []
state = {'current': None, 'last': 0.0, 'handle': None, 'enabled': False}


def now():
    return uvnet.internal.process.loop.now()


def fail(error):
    if state['current']:
        sys.stderr.write(f"'{state['current']}' failed\n\n")
    sys.stderr.write(repr(error) + '\n')
    process.exit(2)


def nextAsyncTest():
    called = [False]

    def done(err=_NONE):
        if called[0]:
            return fail(Exception('done called twice'))
        called[0] = True
        state['last'] = now()
        if err is not _NONE:
            return fail(err)
        uvnet.setTimeout(nextAsyncTest, 10)

    if queue:
        description, action = queue.pop(0)
        state['current'] = description
        action(done)
    else:
        uvnet.clearInterval(state['handle'])


def asyncTest(description):
    def register(fn):
        queue.append((description, fn))
        if not state['enabled']:
            state['enabled'] = True
            state['last'] = now()
            process.on('uncaughtException', fail)

            def watchdog():
                if now() - state['last'] > 10000:
                    fail(Exception('Async test timeout exceeded'))
            state['handle'] = uvnet.setInterval(watchdog, 10)
            uvnet.setTimeout(nextAsyncTest, 10)
        return fn
    return register


def setupException(fn):
    listeners = process.listeners('uncaughtException')
    process.removeAllListeners('uncaughtException')
    process.on('uncaughtException', fn)

    def clean():
        process.removeListener('uncaughtException', fn)
        for listener in listeners:
            process.on('uncaughtException', listener)
    return clean


def clean():
    process.removeAllListeners('unhandledRejection')
    process.removeAllListeners('rejectionHandled')


def onUnhandledSucceed(done, predicate):
    clean()

    def on(reason, promise):
        try:
            predicate(reason, promise)
        except Exception as e:
            return done(e)
        done()
    process.on('unhandledRejection', on)


def onUnhandledFail(done):
    clean()
    process.on('unhandledRejection', lambda reason, promise: done(
        Exception('unhandledRejection not supposed to be triggered')))
    process.on('rejectionHandled', lambda: done(
        Exception('rejectionHandled not supposed to be triggered')))
    uvnet.setTimeout(lambda: done(), 10)


def assert_fail(*args):
    raise AssertionError('Failed')


def rejector(e):
    return lambda _, reject: reject(e)


def is_(a, b):
    assert a is b, (a, b)


@asyncTest('synchronously rejected promise should trigger unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, e))
    Promise.reject(e)


@asyncTest('synchronously rejected promise should trigger unhandledRejection (executor)')
def _(done):
    e = Exception()
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, e))
    Promise(rejector(e))


@asyncTest('Promise rejected after setImmediate should trigger unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, e))
    Promise(lambda _, reject: uvnet.setImmediate(lambda: reject(e)))


@asyncTest('Promise rejected after setTimeout(,1) should trigger unhandled rejection')
def _(done):
    e = Exception()
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, e))
    Promise(lambda _, reject: uvnet.setTimeout(lambda: reject(e), 1))


@asyncTest('Catching a promise rejection after setImmediate is not soon enough to stop '
           'unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, e))
    box = {}
    promise = Promise(lambda _, reject: box.setdefault('reject', reject))
    box['reject'](e)
    uvnet.setImmediate(lambda: promise.then(assert_fail, lambda: None))


@asyncTest('When re-throwing new errors in a promise catch, only the re-thrown error '
           'should hit unhandledRejection')
def _(done):
    e, e2 = Exception(), Exception()

    def check(reason, promise):
        is_(reason, e2)
        is_(promise, promise2)
    onUnhandledSucceed(done, check)

    def rethrow(reason):
        is_(reason, e)
        raise e2
    promise2 = Promise.reject(e).then(assert_fail, rethrow)


@asyncTest('Test params of unhandledRejection for a synchronously-rejected promise')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, p)
    onUnhandledSucceed(done, check)
    p = Promise.reject(e)


@asyncTest('When re-throwing new errors in a promise catch, only the re-thrown error '
           'should hit unhandledRejection: original promise rejected async with '
           'setTimeout(,1)')
def _(done):
    e, e2 = Exception(), Exception()

    def check(reason, promise):
        is_(reason, e2)
        is_(promise, promise2)
    onUnhandledSucceed(done, check)

    def rethrow(reason):
        is_(reason, e)
        raise e2
    promise2 = Promise(lambda _, reject: uvnet.setTimeout(lambda: reject(e), 1)).then(
        assert_fail, rethrow)


@asyncTest('When re-throwing new errors in a promise catch, only the re-thrown error '
           'should hit unhandledRejection: promise catch attached a process.nextTick '
           'after rejection')
def _(done):
    e, e2 = Exception(), Exception()
    box = {}

    def check(reason, promise):
        is_(reason, e2)
        is_(promise, box['promise2'])
    onUnhandledSucceed(done, check)

    def rethrow(reason):
        is_(reason, e)
        raise e2

    def attach():
        box['promise2'] = promise.then(assert_fail, rethrow)

    def later(reject):
        reject(e)
        uvnet.nextTick(attach)
    promise = Promise(lambda _, reject: uvnet.setTimeout(lambda: later(reject), 1))


@asyncTest("unhandledRejection should not be triggered if a promise catch is attached "
           "synchronously upon the promise's creation")
def _(done):
    onUnhandledFail(done)
    Promise.reject(Exception()).then(assert_fail, lambda: None)


@asyncTest("unhandledRejection should not be triggered if a promise catch is attached "
           "synchronously upon the promise's creation (executor)")
def _(done):
    onUnhandledFail(done)
    Promise(rejector(Exception())).then(assert_fail, lambda: None)


@asyncTest('Attaching a promise catch in a process.nextTick is soon enough to prevent '
           'unhandledRejection')
def _(done):
    onUnhandledFail(done)
    promise = Promise.reject(Exception())
    uvnet.nextTick(lambda: promise.then(assert_fail, lambda: None))


@asyncTest('Attaching a promise catch in a process.nextTick is soon enough to prevent '
           'unhandledRejection (executor)')
def _(done):
    onUnhandledFail(done)
    promise = Promise(rejector(Exception()))
    uvnet.nextTick(lambda: promise.then(assert_fail, lambda: None))


@asyncTest('While inside setImmediate, catching a rejected promise derived from '
           'returning a rejected promise in a fulfillment handler prevents '
           'unhandledRejection')
def _(done):
    onUnhandledFail(done)
    uvnet.setImmediate(lambda: Promise.resolve('resolve').then(
        lambda: Promise.reject('reject')).catch(lambda e: None))


@asyncTest('catching a promise which is asynchronously rejected (via resolution to an '
           'asynchronously-rejected promise) prevents unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledFail(done)
    Promise.resolve().then(lambda: Promise(
        lambda _, reject: uvnet.setTimeout(lambda: reject(e), 1))).then(
        assert_fail, lambda reason: is_(reason, e))


@asyncTest('Catching a rejected promise derived from throwing in a fulfillment handler '
           'prevents unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledFail(done)

    def thrower():
        raise e
    Promise.resolve().then(thrower).then(assert_fail, lambda reason: is_(reason, e))


@asyncTest('Catching a rejected promise derived from returning a synchronously-rejected '
           'promise in a fulfillment handler prevents unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledFail(done)
    Promise.resolve().then(lambda: Promise.reject(e)).then(
        assert_fail, lambda reason: is_(reason, e))


@asyncTest('A rejected promise derived from returning an asynchronously-rejected promise '
           'in a fulfillment handler does trigger unhandledRejection')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, _promise)
    onUnhandledSucceed(done, check)
    _promise = Promise.resolve().then(lambda: Promise(
        lambda _, reject: uvnet.setTimeout(lambda: reject(e), 1)))


@asyncTest('A rejected promise derived from throwing in a fulfillment handler does '
           'trigger unhandledRejection')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, _promise)
    onUnhandledSucceed(done, check)

    def thrower():
        raise e
    _promise = Promise.resolve().then(thrower)


@asyncTest('A rejected promise derived from returning a synchronously-rejected promise '
           'in a fulfillment handler does trigger unhandledRejection')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, _promise)
    onUnhandledSucceed(done, check)
    _promise = Promise.resolve().then(lambda: Promise.reject(e))


@asyncTest('Catching the Promise.all() of a collection that includes a rejected promise '
           'prevents unhandledRejection')
def _(done):
    onUnhandledFail(done)
    Promise.all([Promise.reject(Exception())]).then(assert_fail, lambda: None)


@asyncTest('Catching the Promise.all() of a collection that includes a nextTick-async '
           'rejected promise prevents unhandledRejection')
def _(done):
    e = Exception()
    onUnhandledFail(done)
    p = Promise(lambda _, reject: uvnet.nextTick(lambda: reject(e)))
    p = Promise.all([p])
    uvnet.nextTick(lambda: p.then(assert_fail, lambda: None))


@asyncTest('Failing to catch the Promise.all() of a collection that includes a rejected '
           'promise triggers unhandledRejection for the returned promise, not the '
           'passed promise')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, p)
    onUnhandledSucceed(done, check)
    p = Promise.all([Promise.reject(e)])


@asyncTest('Waiting setTimeout(, 10) to catch a promise causes an unhandledRejection + '
           'rejectionHandled pair')
def _(done):
    clean()
    unhandledPromises = []
    e = Exception()

    def on_unhandled(reason, promise):
        is_(reason, e)
        unhandledPromises.append(promise)

    def on_handled(promise):
        assert len(unhandledPromises) == 1
        is_(unhandledPromises[0], promise)
        is_(promise, thePromise)
        done()
    process.on('unhandledRejection', on_unhandled)
    process.on('rejectionHandled', on_handled)

    def ex():
        raise e
    thePromise = Promise(ex)
    uvnet.setTimeout(lambda: thePromise.then(assert_fail, lambda reason: is_(reason, e)), 10)


def nested_ticks_then_microtasks(a):
    uvnet.nextTick(lambda: Promise.resolve().then(lambda: uvnet.nextTick(
        lambda: Promise.resolve().then(lambda: a.catch(lambda: None)))))


def nested_microtasks_then_ticks(a):
    Promise.resolve().then(lambda: uvnet.nextTick(lambda: Promise.resolve().then(
        lambda: uvnet.nextTick(lambda: a.catch(lambda: None)))))


@asyncTest('Waiting for some combination of process.nextTick + promise microtasks to '
           'attach a catch handler is still soon enough to prevent unhandledRejection')
def _(done):
    onUnhandledFail(done)
    nested_ticks_then_microtasks(Promise.reject(Exception()))


@asyncTest('... process.nextTick + promise microtasks: inside setImmediate')
def _(done):
    onUnhandledFail(done)
    uvnet.setImmediate(lambda: nested_ticks_then_microtasks(Promise.reject(Exception())))


@asyncTest('... process.nextTick + promise microtasks: inside setTimeout')
def _(done):
    onUnhandledFail(done)
    uvnet.setTimeout(lambda: nested_ticks_then_microtasks(Promise.reject(Exception())), 0)


@asyncTest('Waiting for some combination of promise microtasks + process.nextTick to '
           'attach a catch handler is still soon enough to prevent unhandledRejection')
def _(done):
    onUnhandledFail(done)
    nested_microtasks_then_ticks(Promise.reject(Exception()))


@asyncTest('... promise microtasks + process.nextTick: inside setImmediate')
def _(done):
    onUnhandledFail(done)
    uvnet.setImmediate(lambda: nested_microtasks_then_ticks(Promise.reject(Exception())))


@asyncTest('... promise microtasks + process.nextTick: inside setTimeout')
def _(done):
    onUnhandledFail(done)
    uvnet.setTimeout(lambda: nested_microtasks_then_ticks(Promise.reject(Exception())), 0)


@asyncTest('setImmediate + promise microtasks is too late to attach a catch handler; '
           'unhandledRejection will be triggered in that case.')
def _(done):
    e = Exception()

    def check(reason, promise):
        is_(reason, e)
        is_(promise, p)
    onUnhandledSucceed(done, check)
    p = Promise.reject(e)
    uvnet.setImmediate(lambda: Promise.resolve().then(lambda: p.catch(lambda: None)))


def four_microtasks_then_catch(box):
    Promise.resolve().then(lambda: Promise.resolve().then(lambda: Promise.resolve().then(
        lambda: Promise.resolve().then(lambda: box['p'].catch(lambda: None)))))


@asyncTest('setImmediate + promise microtasks is too late (setImmediate before promise '
           'creation/rejection)')
def _(done):
    box = {}

    def check(reason, promise):
        is_(reason, None)
        is_(promise, box['p'])
    onUnhandledSucceed(done, check)
    uvnet.setImmediate(lambda: four_microtasks_then_catch(box))
    box['p'] = Promise.reject()


@asyncTest('setImmediate + promise microtasks is too late (setImmediate after promise '
           'creation/rejection)')
def _(done):
    box = {}

    def check(reason, promise):
        is_(reason, None)
        is_(promise, box['p'])
    onUnhandledSucceed(done, check)
    box['p'] = Promise.reject()
    uvnet.setImmediate(lambda: four_microtasks_then_catch(box))


@asyncTest('nextTick is immediately scheduled when called inside an event handler')
def _(done):
    clean()
    e = Exception('error')

    def on(reason, promise):
        order = []
        uvnet.nextTick(lambda: order.append(1))

        def later():
            order.append(2)
            assert order == [1, 2], order
            done()
        uvnet.setTimeout(later, 1)
    process.on('unhandledRejection', on)
    Promise.reject(e)


@asyncTest('Throwing an error inside a rejectionHandled handler goes to '
           'unhandledException, and does not cause .catch() to throw an exception')
def _(done):
    clean()
    # Node runs this file with --unhandled-rejections=none; in Node 20's default mode
    # (uvnet's) a listener keeps the rejection of p from being thrown, as 'none' does.
    process.on('unhandledRejection', lambda: None)
    e, e2 = Exception(), Exception()

    def on_exception(err):
        is_(err, e2)
        tearDownException()
        done()
    tearDownException = setupException(on_exception)

    def on_handled():
        raise e2
    process.on('rejectionHandled', on_handled)
    p = Promise.reject(e)

    def later():
        try:
            p.catch(lambda: None)
        except Exception:
            done(Exception('fail'))
    uvnet.setTimeout(later, 1)


@asyncTest('Rejected promise inside unhandledRejection allows nextTick loop to proceed '
           'first')
def _(done):
    clean()
    Promise.reject(0)
    did = [False]

    def on():
        assert not did[0]
        did[0] = True
        promise = Promise.reject(0)
        uvnet.nextTick(lambda: promise.catch(lambda: done()))
    process.on('unhandledRejection', on)


@asyncTest('Promise rejection triggers unhandledRejection immediately')
def _(done):
    clean()
    Promise.reject(0)
    box = {}

    def on(err):
        if box['timer'] is not None:
            uvnet.clearTimeout(box['timer'])
            box['timer'] = None
            done()
    process.on('unhandledRejection', on)
    box['timer'] = uvnet.setTimeout(lambda: done(Exception('must not call')), 10000)


@asyncTest('Catching a promise should not take effect on previous promises')
def _(done):
    onUnhandledSucceed(done, lambda reason, promise: is_(reason, '1'))
    Promise.reject('1')
    Promise.reject('2').catch(lambda: None)


count = len(queue)
process.on('exit', lambda code: print('ran', count, 'tests, exit', code))
uvnet.run()
