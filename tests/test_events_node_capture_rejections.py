"""Port of Node v20's test/parallel/test-event-capture-rejections.js: ``captureRejections``
(test-net-server-capture-rejection.js is ported in ``tests/node``).

Node's file chains its cases with ``process.nextTick``; each is a test here. A JS
``Object.defineProperty(obj, 'then', {get})`` is a class with a ``then`` property.
``EventEmitter.captureRejections = x`` validates through the module's setter,
``uvnet.events.captureRejections = x`` (``require('events').captureRejections``); a
plain class attribute cannot check what is assigned to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet import events
from uvnet.events import EventEmitter, captureRejectionSymbol


@pytest.fixture(autouse=True)
def restore_defaults() -> Iterator[None]:
    yield
    EventEmitter.captureRejections = False
    for name in ('unhandledRejection', 'uncaughtException'):
        uvnet.process.removeAllListeners(name)


# --- test-event-capture-rejections.js --------------------------------------------------

def test_option_validation() -> None:
    for arg in (1, [], lambda: None, {}, float('inf'), 3.14, 'meow'):
        common.throws(lambda arg=arg: EventEmitter({'captureRejections': arg}),
                      name='TypeError', code='ERR_INVALID_ARG_TYPE')
    err = common.throws(lambda: EventEmitter(captureRejections=42), code='ERR_INVALID_ARG_TYPE')
    assert str(err) == ('The "options.captureRejections" property must be of type bool. '
                        'Received type int (42)')
    for obj in ([], {'hello': 42}, 42):
        def assign(obj: Any = obj) -> None:
            events.captureRejections = obj
        err = common.throws(assign, name='TypeError', code='ERR_INVALID_ARG_TYPE')
        assert str(err).startswith('The "EventEmitter.captureRejections" property must be '
                                   'of type bool. Received ')
    assert EventEmitter.captureRejections is False


def test_capture_rejections_to_error() -> None:
    ee = EventEmitter({'captureRejections': True})
    err_ = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err_
    ee.on('something', common.mustCall(something))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something')
    uvnet.run()


def test_two_rejecting_listeners() -> None:
    ee = EventEmitter(captureRejections=True)
    err_ = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err_
    ee.on('something', common.mustCall(something))
    ee.on('something', common.mustCall(something))
    seen: list[Any] = []
    ee.on('error', common.mustCall(seen.append, 2))
    ee.emit('something')
    uvnet.run()
    assert seen == [err_, err_]


def test_default_is_an_unhandled_rejection() -> None:
    # Node's test listens to 'unhandledRejection'; without a listener Node 20 throws the
    # reason, which is what leaves uvnet.run().
    ee = EventEmitter()
    err_ = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err_
    ee.on('something', common.mustCall(something))
    ee.emit('something')
    with pytest.raises(Exception) as info:
        uvnet.run()
    assert info.value is err_


def test_global_setting() -> None:
    assert EventEmitter.captureRejections is False
    events.captureRejections = True
    assert EventEmitter.captureRejections is True
    ee = EventEmitter()
    err_ = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err_
    ee.on('something', common.mustCall(something))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something')
    events.captureRejections = False
    uvnet.run()


def test_configurable_rejection_method() -> None:
    ee = EventEmitter({'captureRejections': True})
    err_ = Exception('kaboom')

    async def something(*args: Any) -> None:
        assert list(args) == [42, 'foobar']
        raise err_
    ee.on('something', common.mustCall(something))

    def rejection(err: Any, type: Any, *args: Any) -> None:
        assert err is err_
        assert type == 'something'
        assert list(args) == [42, 'foobar']
    setattr(ee, captureRejectionSymbol, common.mustCall(rejection))
    assert EventEmitter.captureRejectionSymbol == captureRejectionSymbol
    ee.emit('something', 42, 'foobar')
    uvnet.run()


def test_global_setting_subclass_without_constructor() -> None:
    class NoConstructor(EventEmitter):
        def __init__(self) -> None:  # does not call EventEmitter.__init__
            self._events = {}
            self._shapeMode = False
            self._maxListeners = None

    events.captureRejections = True
    ee = NoConstructor()
    err_ = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err_
    ee.on('something', common.mustCall(something))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something')
    events.captureRejections = False
    uvnet.run()


class _Thenable:
    def __init__(self, err: Exception | None, throw: bool = False) -> None:
        self.err = err
        self.throw = throw
        self.gets = 0

    @property
    def then(self) -> Any:
        self.gets += 1
        if self.throw:
            raise self.err  # type: ignore[misc]

        def then(resolved: Any, rejected: Any) -> None:
            assert resolved is None
            rejected(self.err)
        return common.mustCall(then)


def test_thenable() -> None:
    ee = EventEmitter({'captureRejections': True})
    err_ = Exception('kaboom')
    obj = _Thenable(err_)
    ee.on('something', common.mustCall(lambda value: obj))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something')
    uvnet.run()
    assert obj.gets == 1  # only one get of then, for Promises/A+ compatibility


def test_thenable_that_throws() -> None:
    ee = EventEmitter({'captureRejections': True})
    err_ = Exception('kaboom')
    obj = _Thenable(err_, throw=True)
    ee.on('something', common.mustCall(lambda value: obj))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something')
    uvnet.run()
    assert obj.gets == 1


def test_avoid_loop_on_rejection() -> None:
    ee = EventEmitter({'captureRejections': True})
    err1, err2 = Exception('kaboom'), Exception('kaboom2')

    async def something(value: Any) -> None:
        raise err1

    async def rejection(err: Any, *args: Any) -> None:
        assert err is err1
        raise err2
    ee.on('something', common.mustCall(something))
    setattr(ee, captureRejectionSymbol, common.mustCall(rejection))
    ee.emit('something')
    with pytest.raises(Exception) as info:  # the unhandled rejection, no new capture
        uvnet.run()
    assert info.value is err2


def test_avoid_loop_on_error() -> None:
    ee = EventEmitter({'captureRejections': True})
    err1, err2 = Exception('kaboom'), Exception('kaboom2')

    async def something(value: Any) -> None:
        raise err1

    async def onerror(err: Any) -> None:
        assert err is err1
        raise err2
    ee.on('something', common.mustCall(something))
    ee.on('error', common.mustCall(onerror))
    ee.emit('something')
    with pytest.raises(Exception) as info:  # the unhandled rejection, no new capture
        uvnet.run()
    assert info.value is err2


def test_reset_capture_on_throw_in_error() -> None:
    ee = EventEmitter({'captureRejections': True})
    err1 = Exception('kaboom')

    async def something(value: Any) -> None:
        raise err1

    def rethrow(err: Any) -> None:
        raise err
    ee.on('something', common.mustCall(something))
    ee.once('error', common.mustCall(rethrow))
    ee.emit('something')
    # The 'error' listener's throw is an uncaught exception (Node's 'uncaughtException').
    with pytest.raises(Exception) as info:
        uvnet.run()
    assert info.value is err1
    # Capturing was restored: a later rejection goes to 'error' again.
    err_ = Exception('kaboom2')

    async def something2(value: Any) -> None:
        raise err_
    ee.on('something2', common.mustCall(something2))
    ee.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    ee.emit('something2')
    uvnet.run()


def test_streams_destroy_on_rejection() -> None:
    """Readable/Writable's rejection method is destroy(err), as in Node."""
    r = uvnet.stream.PassThrough({'captureRejections': True})
    err_ = Exception('kaboom')

    async def ondata(chunk: Any) -> None:
        raise err_
    r.on('data', ondata)
    r.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
    r.on('close', common.mustCall())
    r.write(b'x')
    uvnet.run()
    assert r.destroyed is True
