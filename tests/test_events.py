"""uvnet.EventEmitter against API.md and Node v20's ``events``.

Traces that print the same in both languages are compared with ``node``; the rest are
plain asserts of what Node does (each checked with node v20 when written).
"""

from __future__ import annotations

import warnings

import pytest

import uvnet
from difftest import assert_same_output, run_node
from uvnet import EventEmitter, MaxListenersExceededWarning, errorMonitor

JS = "const EventEmitter = require('events');\nconst log = (...a) => console.log(...a);\n"
PY = ("import warnings\nimport uvnet\nfrom uvnet import EventEmitter\n\n\n"
      "def log(*a):\n    print(*a, flush=True)\n\n\n")


def same(js: str, py: str) -> str:
    return assert_same_output(JS + js, PY + py)


def named(name: str, calls: list[str] | None = None):  # type: ignore[no-untyped-def]
    """A listener that records its name (and arguments) in ``calls``."""
    def fn(*args: object) -> None:
        if calls is not None:
            calls.append(name if not args else f"{name}{args}")
    fn.__name__ = name
    return fn


# --- order, prepend, return values ------------------------------------------------------


def test_listener_order_prepend_and_return_values_like_node() -> None:
    same(r"""
const e = new EventEmitter();
const r = [];
r.push(e.on('x', () => log('on 1')) === e);
r.push(e.addListener('x', () => log('addListener 2')) === e);
r.push(e.prependListener('x', () => log('prepend 0')) === e);
r.push(e.once('x', () => log('once 3')) === e);
r.push(e.prependOnceListener('x', () => log('prependOnce -1')) === e);
log(r.join(' '));
log('emit', e.emit('x', 'arg'));
log('emit again', e.emit('x'));
log('emit none', e.emit('nothing'));
log('off returns', e.off('x', () => {}) === e, e.removeAllListeners('x') === e,
    e.removeAllListeners() === e, e.setMaxListeners(3) === e);
""", r"""
e = EventEmitter()
r = []
r.append(e.on('x', lambda *a: log('on 1')) is e)
r.append(e.addListener('x', lambda *a: log('addListener 2')) is e)
r.append(e.prependListener('x', lambda *a: log('prepend 0')) is e)
r.append(e.once('x', lambda *a: log('once 3')) is e)
r.append(e.prependOnceListener('x', lambda *a: log('prependOnce -1')) is e)
b = lambda x: str(x).lower()
log(' '.join(b(x) for x in r))
log('emit', b(e.emit('x', 'arg')))
log('emit again', b(e.emit('x')))
log('emit none', b(e.emit('nothing')))
log('off returns', b(e.off('x', lambda: None) is e), b(e.removeAllListeners('x') is e),
    b(e.removeAllListeners() is e), b(e.setMaxListeners(3) is e))
""")


def test_arguments_are_passed_through() -> None:
    # test-event-emitter-num-args.js
    e = EventEmitter()
    seen: list[int] = []
    e.on('numArgs', lambda *a: seen.append(len(a)))
    e.on('foo', lambda *a: seen.append(len(a)))
    e.on('foo', lambda *a: seen.append(len(a)))
    for n in range(6):
        e.emit('numArgs', *([None] * n))
    e.emit('foo', None, None, None, None)
    assert seen == [0, 1, 2, 3, 4, 5, 4, 4]


def test_on_and_addListener_off_and_removeListener_are_the_same_methods() -> None:
    # test-event-emitter-method-names.js
    assert EventEmitter.on is EventEmitter.addListener
    assert EventEmitter.off is EventEmitter.removeListener


# --- once wrappers ----------------------------------------------------------------------


def test_once_wrappers_rawListeners_vs_listeners() -> None:
    # test-event-emitter-listeners.js (the rawListeners part)
    calls: list[str] = []
    listener = named('listener', calls)
    e = EventEmitter()
    e.on('foo', listener)
    raw = e.rawListeners('foo')
    assert raw == [listener] and raw is not e.rawListeners('foo')
    e.once('foo', listener)
    raw = e.rawListeners('foo')
    assert len(raw) == 2 and raw[0] is listener and raw[1] is not listener
    assert raw[1].listener is listener
    assert e.listeners('foo') == [listener, listener]
    e.emit('foo')
    assert calls == ['listener', 'listener']
    assert len(raw) == 2 and raw[1].listener is listener  # the copy is not touched
    assert e.listeners('foo') == [listener]


def test_calling_a_raw_once_wrapper_removes_it_and_returns_the_value() -> None:
    # test-event-emitter-listeners.js: rawListeners()[0]() runs the once listener
    e = EventEmitter()
    e.once('foo', lambda: 0)
    e.on('foo', lambda: 1)
    raw = e.rawListeners('foo')
    assert len(raw) == 2 and raw[0]() == 0
    raw = e.rawListeners('foo')
    assert len(raw) == 1 and raw[0]() == 1
    assert raw[0]() == 1


def test_once_fires_once_even_when_reemitted_from_inside() -> None:
    # test-event-emitter-once.js
    e = EventEmitter()
    calls: list[str] = []
    e.once('hello', named('hello', calls))
    for _ in range(4):
        e.emit('hello', 'a', 'b')
    assert calls == ["hello('a', 'b')"]

    def remove() -> None:
        raise AssertionError('once->foo should not be emitted')
    e.once('foo', remove)
    e.removeListener('foo', remove)
    e.emit('foo')

    n = {'outer': 0, 'inner': 0}

    def outer() -> None:
        n['outer'] += 1
        e.emit('e')
    e.once('e', outer)
    e.once('e', lambda: n.__setitem__('inner', n['inner'] + 1))
    e.emit('e')
    assert n == {'outer': 1, 'inner': 1}
    for i in range(5):
        ee = EventEmitter()
        got: list[tuple[object, ...]] = []
        ee.once('foo', lambda *params, got=got: got.append(params))
        ee.emit('foo', *range(i))
        assert got == [tuple(range(i))]


def test_prepend_order() -> None:
    # test-event-emitter-prepend.js
    e = EventEmitter()
    order: list[int] = []
    e.on('foo', lambda: order.append(2))
    e.prependListener('foo', lambda: order.append(1))
    e.prependOnceListener('foo', lambda: order.append(0))
    e.emit('foo')
    e.emit('foo')
    assert order == [0, 1, 2, 1, 2]


# --- newListener / removeListener ----------------------------------------------------------


def test_newListener_before_the_add_and_a_listener_added_inside_goes_first() -> None:
    same(r"""
const e = new EventEmitter();
e.on('newListener', (type, l) => {
  log('newListener', type, l.name, 'current:', e.listeners(type).map((f) => f.name).join());
  if (type === 'x' && l.name === 'a') e.on('x', function b() { log('b'); });
});
e.on('x', function a() { log('a'); });
e.once('x', function c() { log('c'); });
e.emit('x');
e.emit('x');
log(e.listeners('x').map((f) => f.name).join());
""", r"""
e = EventEmitter()
def on_new(type, l):
    log('newListener', type, l.__name__, 'current:',
        ','.join(f.__name__ for f in e.listeners(type)))
    if type == 'x' and l.__name__ == 'a':
        def b(): log('b')
        e.on('x', b)
e.on('newListener', on_new)
def a(): log('a')
def c(): log('c')
e.on('x', a)
e.once('x', c)
e.emit('x')
e.emit('x')
log(','.join(f.__name__ for f in e.listeners('x')))
""")


def test_newListener_is_not_emitted_for_itself_and_gets_the_unwrapped_listener() -> None:
    # test-event-emitter-add-listeners.js
    e = EventEmitter()
    events: list[object] = []
    listeners: list[object] = []

    def on_new(event: str, listener: object) -> None:
        if event == 'newListener':
            return
        events.append(event)
        listeners.append(listener)
    e.on('newListener', on_new)
    hello_calls: list[tuple[object, ...]] = []

    def hello(a: str, b: str) -> None:
        hello_calls.append((a, b))
    seen: list[tuple[str, object, list[object]]] = []
    e.once('newListener', lambda name, fn: seen.append((name, fn, e.listeners('hello'))))
    e.on('hello', hello)
    fail = named('fail')
    e.once('foo', fail)
    assert events == ['hello', 'foo'] and listeners == [hello, fail]
    assert seen == [('hello', hello, [])]
    e.emit('hello', 'a', 'b')
    assert hello_calls == [('a', 'b')]


def test_nested_newListener_ordering() -> None:
    # test-event-emitter-add-listeners.js: "the order of listeners on an event is not
    # always the order in which the listeners were added"
    e = EventEmitter()
    listen1, listen2 = named('listen1'), named('listen2')
    seen: list[list[object]] = []

    def first(*_: object) -> None:
        seen.append(e.listeners('hello'))
        e.once('newListener', lambda *_: seen.append(e.listeners('hello')))
        e.on('hello', listen2)
    e.once('newListener', first)
    e.on('hello', listen1)
    assert seen == [[], []]
    assert e.listeners('hello') == [listen2, listen1]


def test_removeListener_event_after_removal_with_node_arguments() -> None:
    # For a lone listener Node reports the user's function; from a longer list it
    # reports the argument as passed: the once-wrapper when the wrapper removes itself.
    e = EventEmitter()
    got: list[tuple[object, object, list[object]]] = []
    e.on('removeListener', lambda t, fn: got.append((t, fn, e.listeners(t))))
    a1, a2, b1 = named('a1'), named('a2'), named('b1')
    e.on('a', a1)
    e.once('a', a2)
    e.emit('a')
    (t, fn, now), = got
    assert t == 'a' and fn is not a2 and fn.listener is a2 and now == [a1]
    got.clear()
    e.once('b', b1)
    e.emit('b')
    assert got == [('b', b1, [])]
    got.clear()
    e.on('c', a1)
    e.once('c', a2)
    e.removeListener('c', a2)
    assert got == [('c', a2, [a1])]


def test_removeListener_event_trace_like_node() -> None:
    same(r"""
const e = new EventEmitter();
e.on('removeListener', (t, l) => log('removed', t, l.name, 'left:', e.listenerCount(t)));
function a() {} function b() {} function c() {}
e.on('x', a); e.on('x', b); e.on('x', a); e.on('y', c);
e.removeListener('x', a);
log(e.listeners('x').map((f) => f.name).join());
e.removeListener('x', c);
e.removeListener('nothing', a);
e.removeListener('y', c);
log(e.eventNames().join());
""", r"""
e = EventEmitter()
e.on('removeListener', lambda t, l: log('removed', t, l.__name__, 'left:', e.listenerCount(t)))
def a(): pass
def b(): pass
def c(): pass
e.on('x', a); e.on('x', b); e.on('x', a); e.on('y', c)
e.removeListener('x', a)
log(','.join(f.__name__ for f in e.listeners('x')))
e.removeListener('x', c)
e.removeListener('nothing', a)
e.removeListener('y', c)
log(','.join(e.eventNames()))
""")


def test_removal_takes_the_most_recently_added_duplicate() -> None:
    # test-event-emitter-remove-listeners.js (last block)
    e = EventEmitter()
    l1, l2 = named('l1'), named('l2')
    e.on('foo', l1)
    e.on('foo', l2)
    e.on('foo', l1)
    e.removeListener('foo', l1)
    assert e.listeners('foo') == [l1, l2]
    e.removeListener('foo', l1)
    assert e.listeners('foo') == [l2]
    e.on('foo', l1)
    assert e.listeners('foo') == [l2, l1]
    # once-wrappers match their listener too
    e.once('foo', l2)
    e.removeListener('foo', l2)
    assert e.listeners('foo') == [l2, l1]


def test_remove_listeners_node_cases() -> None:
    # test-event-emitter-remove-listeners.js
    l1, l2 = named('l1'), named('l2')
    e = EventEmitter()
    e.on('hello', l1)
    got: list[tuple[object, object]] = []
    e.on('removeListener', lambda n, cb: got.append((n, cb)))
    e.removeListener('hello', l1)
    assert got == [('hello', l1)] and e.listeners('hello') == []

    e = EventEmitter()
    e.on('hello', l1)
    e.on('removeListener', lambda *a: pytest.fail('must not be called'))
    e.removeListener('hello', l2)
    assert e.listeners('hello') == [l1]

    # removing from inside 'removeListener'
    e = EventEmitter()
    e.on('hello', l1)
    e.on('hello', l2)
    calls: list[str] = []

    def second(name: str, cb: object) -> None:
        calls.append('second')
        assert (name, cb, e.listeners('hello')) == ('hello', l2, [])

    def first(name: str, cb: object) -> None:
        calls.append('first')
        assert (name, cb, e.listeners('hello')) == ('hello', l1, [l2])
        e.once('removeListener', second)
        e.removeListener('hello', l2)
        assert e.listeners('hello') == []
    e.once('removeListener', first)
    e.removeListener('hello', l1)
    assert e.listeners('hello') == [] and calls == ['first', 'second']

    # a listener removed by 'removeListener' while it is emitted for another one
    e = EventEmitter()
    n = {'rl': 0}

    def remove1() -> None:
        pytest.fail('remove1 should not have been called')

    def remove2() -> None:
        pytest.fail('remove2 should not have been called')

    def on_rl(name: str, cb: object) -> None:
        n['rl'] += 1
        if cb is not remove1:
            return
        e.removeListener('quux', remove2)
        e.emit('quux')
    e.on('removeListener', on_rl)
    e.on('quux', remove1)
    e.on('quux', remove2)
    e.removeListener('quux', remove1)
    assert n['rl'] == 2

    assert EventEmitter().removeListener('foo', lambda: None) is not None


def test_removeAllListeners_trace_like_node() -> None:
    same(r"""
const e = new EventEmitter();
e.on('removeListener', function rl1(t, l) { log('rl1', t, l.name); });
e.on('removeListener', function rl2(t, l) { log('rl2', t, l.name); });
function a1() {} function a2() {} function b1() {}
e.on('a', a1); e.on('b', b1); e.on('a', a2);
e.removeAllListeners('a');
log(e.eventNames().join());
e.on('a', a1);
e.removeAllListeners();
log(e.eventNames().length);
""", r"""
e = EventEmitter()
def rl1(t, l): log('rl1', t, l.__name__)
def rl2(t, l): log('rl2', t, l.__name__)
e.on('removeListener', rl1)
e.on('removeListener', rl2)
def a1(): pass
def a2(): pass
def b1(): pass
e.on('a', a1); e.on('b', b1); e.on('a', a2)
e.removeAllListeners('a')
log(','.join(e.eventNames()))
e.on('a', a1)
e.removeAllListeners()
log(len(e.eventNames()))
""")


def test_removeAllListeners_node_cases() -> None:
    # test-event-emitter-remove-all-listeners.js
    e = EventEmitter()
    noop = named('noop')
    for ev in ('foo', 'bar', 'baz', 'baz'):
        e.on(ev, noop)
    foo, bar, baz = e.listeners('foo'), e.listeners('bar'), e.listeners('baz')
    removed: list[object] = []
    e.on('removeListener', lambda name, fn: removed.append(name))
    e.removeAllListeners('bar')
    e.removeAllListeners('baz')
    assert removed == ['bar', 'baz', 'baz']
    assert (e.listeners('foo'), e.listeners('bar'), e.listeners('baz')) == ([noop], [], [])
    assert (foo, bar, baz) == ([noop], [noop], [noop, noop])

    # without a type: LIFO per event, 'removeListener' itself last
    e = EventEmitter()
    e.on('foo', noop)
    e.on('bar', noop)
    first: list[object] = []
    second: list[object] = []
    e.on('removeListener', lambda name, fn: first.append(name))
    e.on('removeListener', lambda name, fn: second.append(name))
    e.removeAllListeners()
    assert first == ['foo', 'bar', 'removeListener'] and second == ['foo', 'bar']
    assert e.listeners('foo') == [] and e.eventNames() == []

    # the count of remaining listeners as each removal is reported
    e = EventEmitter()
    counts: list[int] = []
    e.on('removeListener', lambda *a: counts.append(len(e.listeners('baz'))))
    for _ in range(3):
        e.on('baz', noop)
    e.removeAllListeners('baz')
    assert counts == [2, 1, 0]

    e = EventEmitter()
    assert e.removeAllListeners() is e
    assert e.removeAllListeners('nothing') is e

    # a symbol-like (non-str) key is reported with its listener
    e = EventEmitter()
    sym = object()
    e.on(sym, noop)
    got: list[tuple[object, object]] = []
    e.on('removeListener', lambda *a: got.append(a))
    e.removeAllListeners()
    assert got == [(sym, noop)]


def test_removeAllListeners_with_None_removes_only_the_None_event() -> None:
    # Node: removeAllListeners(null) removes the 'null' listeners only; in Python None
    # is a valid event name, and only calling without an argument removes everything.
    e = EventEmitter()
    e.on(None, named('n'))
    e.on('x', named('x'))
    e.removeAllListeners(None)
    assert e.eventNames() == ['x']


# --- copy on emit ---------------------------------------------------------------------------


def test_copy_on_emit_like_node() -> None:
    # test-event-emitter-modify-in-emit.js, as a trace
    same(r"""
const e = new EventEmitter();
function cb1() { log('cb1'); e.on('foo', cb2); e.on('foo', cb3); e.removeListener('foo', cb1); }
function cb2() { log('cb2'); e.removeListener('foo', cb2); }
function cb3() { log('cb3'); e.removeListener('foo', cb3); }
e.on('foo', cb1);
log(e.listenerCount('foo'));
e.emit('foo'); log('after 1:', e.listenerCount('foo'));
e.emit('foo'); log('after 2:', e.listenerCount('foo'));
e.emit('foo'); log('after 3:', e.listenerCount('foo'));
e.on('foo', cb1); e.on('foo', cb2);
e.removeAllListeners('foo');
e.on('foo', cb2); e.on('foo', cb3);
e.emit('foo'); log('after 4:', e.listenerCount('foo'));
function l3() { log('l3'); e.removeListener('hello', l4); }
function l4() { log('l4 (removed during this emit, still runs)'); }
e.on('hello', l3); e.on('hello', l4);
e.emit('hello'); e.emit('hello');
""", r"""
e = EventEmitter()
def cb1():
    log('cb1'); e.on('foo', cb2); e.on('foo', cb3); e.removeListener('foo', cb1)
def cb2():
    log('cb2'); e.removeListener('foo', cb2)
def cb3():
    log('cb3'); e.removeListener('foo', cb3)
e.on('foo', cb1)
log(e.listenerCount('foo'))
e.emit('foo'); log('after 1:', e.listenerCount('foo'))
e.emit('foo'); log('after 2:', e.listenerCount('foo'))
e.emit('foo'); log('after 3:', e.listenerCount('foo'))
e.on('foo', cb1); e.on('foo', cb2)
e.removeAllListeners('foo')
e.on('foo', cb2); e.on('foo', cb3)
e.emit('foo'); log('after 4:', e.listenerCount('foo'))
def l3():
    log('l3'); e.removeListener('hello', l4)
def l4():
    log('l4 (removed during this emit, still runs)')
e.on('hello', l3); e.on('hello', l4)
e.emit('hello'); e.emit('hello')
""")


def test_listeners_returns_copies() -> None:
    # test-event-emitter-listeners.js
    def listener() -> None: ...

    def listener2() -> None: ...
    e = EventEmitter()
    e.on('foo', listener)
    copy = e.listeners('foo')
    e.removeAllListeners('foo')
    assert e.listeners('foo') == [] and copy == [listener]
    e.on('foo', listener)
    copy = e.listeners('foo')
    copy.append(listener2)
    assert e.listeners('foo') == [listener]
    e.on('foo', listener2)
    assert e.listeners('foo') == [listener, listener2] and copy == [listener, listener2]
    assert EventEmitter().listeners('foo') == []


# --- 'error' ------------------------------------------------------------------------------


def test_error_without_listener_raises_the_error_itself() -> None:
    e = EventEmitter()
    err = ValueError('boom')
    with pytest.raises(ValueError) as info:
        e.emit('error', err)
    assert info.value is err
    e.on('error', lambda er: None)
    assert e.emit('error', err) is True


@pytest.mark.parametrize('value, shown', [
    ('Accepts a string', "'Accepts a string'"),
    (42, '42'),
    (None, 'None'),          # Node: undefined / null
    (False, 'False'),        # Node: false
    ({'message': 'Error!'}, "{'message': 'Error!'}"),  # Node: { message: 'Error!' }
])
def test_error_with_a_non_exception_raises_err_unhandled_error(value: object, shown: str) -> None:
    # test-event-emitter-errors.js. Node formats the value with util.inspect; uvnet
    # uses Python's repr, so strings and numbers read the same and other values differ
    # (Node: "Unhandled error. ({ message: 'Error!' })", "(undefined)", "(false)").
    e = EventEmitter()
    with pytest.raises(uvnet.NodeError) as info:
        e.emit('error', value)
    err = info.value
    assert err.code == 'ERR_UNHANDLED_ERROR'
    assert type(err).__mro__[1].__name__ == 'NodePlainError'
    assert not isinstance(err, (TypeError, ValueError))
    assert str(err) == err.message == f'Unhandled error. ({shown})'
    assert err.context is value


def test_error_without_arguments_is_unhandled_none() -> None:
    with pytest.raises(uvnet.NodeError, match=r'^Unhandled error\. \(None\)$'):
        EventEmitter().emit('error')


def test_unhandled_error_messages_match_node_for_strings_and_numbers() -> None:
    out = run_node(JS + r"""
const e = new EventEmitter();
for (const v of ['Accepts a string', 42, "it's"]) {
  try { e.emit('error', v); } catch (er) { log(er.code, er.name, '|', er.message); }
}
""")
    lines = []
    for v in ['Accepts a string', 42, "it's"]:
        try:
            EventEmitter().emit('error', v)
        except uvnet.NodeError as er:
            lines.append(f'{er.code} Error | {er}')
    assert out.splitlines() == lines


def test_errorMonitor_sees_errors_first_and_does_not_handle_them() -> None:
    # test-event-emitter-error-monitor.js
    e = EventEmitter()
    err = Exception('MyError')
    order: list[str] = []
    e.on(errorMonitor, lambda er: order.append('monitor') if er is err else None)
    with pytest.raises(Exception) as info:
        e.emit('error', err)
    assert info.value is err and order == ['monitor']
    e.once('error', lambda er: order.append('error'))
    assert e.emit('error', err) is True
    assert order == ['monitor', 'monitor', 'error']
    e.on('aEvent', lambda: order.append('a'))
    e.emit('aEvent')
    assert order[-1] == 'a'
    # a non-exception: the monitor sees the value itself
    seen: list[object] = []
    e2 = EventEmitter()
    e2.on(errorMonitor, seen.append)
    with pytest.raises(uvnet.NodeError):
        e2.emit('error', 'str')
    assert seen == ['str']
    assert repr(errorMonitor) == 'Symbol(events.errorMonitor)'
    assert errorMonitor in e2.eventNames()


def test_error_raised_in_a_constructor_of_a_subclass() -> None:
    # test-event-emitter-subclass.js
    class ErrorEE(EventEmitter):
        def __init__(self) -> None:
            super().__init__()
            self.emit('error', Exception('blerg'))
    with pytest.raises(Exception, match='blerg'):
        ErrorEE()

    calls: list[int] = []

    class MyEE(EventEmitter):
        def __init__(self, cb: object) -> None:
            super().__init__()
            self.once(1, cb)
            self.emit(1)
            self.removeAllListeners()
    myee = MyEE(lambda: calls.append(1))
    assert calls == [1] and myee.eventNames() == []
    a, b = MyEE(lambda: None), MyEE(lambda: None)
    a.on('x', lambda: None)
    assert b.listenerCount('x') == 0


# --- max listeners ------------------------------------------------------------------------


def _count_warnings(fn) -> list[warnings.WarningMessage]:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        fn()
    return [w for w in caught if issubclass(w.category, MaxListenersExceededWarning)]


def test_max_listeners_warning_once_per_event_name_with_node_message() -> None:
    # test-event-emitter-max-listeners-warning*.js
    class FakeInput(EventEmitter):
        pass
    e = FakeInput()
    e.setMaxListeners(1)
    ws = _count_warnings(lambda: [e.on('event-type', lambda: None) for _ in range(3)])
    assert len(ws) == 1
    w = ws[0].message
    assert isinstance(w, MaxListenersExceededWarning) and isinstance(w, RuntimeWarning)
    assert w.name == 'MaxListenersExceededWarning'
    assert (w.emitter, w.count, w.type) == (e, 2, 'event-type')
    assert str(w) == ('Possible EventEmitter memory leak detected. 2 event-type listeners '
                      'added to [FakeInput]. MaxListeners is 1. '
                      'Use emitter.setMaxListeners() to increase limit')
    assert ws[0].filename == __file__  # attributed to the caller of on()
    # another event name warns again, once
    assert len(_count_warnings(lambda: [e.on('other', lambda: None) for _ in range(3)])) == 1
    # a None name and a symbol-like name (Node: 'null', 'Symbol(symbol)')
    ws = _count_warnings(lambda: [e.on(None, lambda: None) for _ in range(2)])
    assert 'added 2 None listeners' not in str(ws[0].message)
    assert '2 None listeners added to [FakeInput]. MaxListeners is 1.' in str(ws[0].message)
    ws = _count_warnings(lambda: [e.on(errorMonitor, lambda: None) for _ in range(2)])
    assert '2 Symbol(events.errorMonitor) listeners added' in str(ws[0].message)


def test_max_listeners_warning_text_matches_node() -> None:
    out = run_node(JS + r"""
const e = new EventEmitter();
process.on('warning', (w) => log(w.name, '|', w.message, '|', w.count, w.type));
for (let i = 0; i < 12; i++) e.on('foo', () => {});
""")
    e = EventEmitter()
    ws = _count_warnings(lambda: [e.on('foo', lambda: None) for _ in range(12)])
    w = ws[0].message
    assert out.strip() == f'{w.name} | {w} | {w.count} {w.type}'


def test_check_listener_leaks() -> None:
    # test-event-emitter-check-listener-leaks.js; Node marks the listener array
    # `warned`, uvnet keeps the names in `_eventsWarned`.
    e = EventEmitter()
    ws = _count_warnings(lambda: [e.on('default', lambda: None) for _ in range(10)])
    assert ws == [] and 'default' not in e._eventsWarned
    assert len(_count_warnings(lambda: e.on('default', lambda: None))) == 1
    e.setMaxListeners(5)
    assert _count_warnings(lambda: [e.on('specific', lambda: None) for _ in range(5)]) == []
    assert len(_count_warnings(lambda: e.on('specific', lambda: None))) == 1
    e.setMaxListeners(1)
    assert _count_warnings(lambda: e.on('only one', lambda: None)) == []
    assert len(_count_warnings(lambda: e.on('only one', lambda: None))) == 1
    e.setMaxListeners(0)  # unlimited
    assert _count_warnings(lambda: [e.on('unlimited', lambda: None) for _ in range(1000)]) == []
    assert e.setMaxListeners(1) is e


def test_defaultMaxListeners_is_read_when_listeners_are_added() -> None:
    # test-event-emitter-check-listener-leaks.js (defaultMaxListeners part)
    assert EventEmitter.defaultMaxListeners == 10
    old = EventEmitter.defaultMaxListeners
    try:
        EventEmitter.defaultMaxListeners = 42
        e = EventEmitter()
        assert e.getMaxListeners() == 42
        assert _count_warnings(lambda: [e.on('fortytwo', lambda: None) for _ in range(42)]) == []
        assert len(_count_warnings(lambda: e.on('fortytwo', lambda: None))) == 1
        e._eventsWarned.discard('fortytwo')
        EventEmitter.defaultMaxListeners = 44
        assert _count_warnings(lambda: e.on('fortytwo', lambda: None)) == []
        assert len(_count_warnings(lambda: e.on('fortytwo', lambda: None))) == 1
        e2 = EventEmitter()
        e2.setMaxListeners(1)  # its own limit wins over the default
        assert len(_count_warnings(lambda: [e2.on('uno', lambda: None) for _ in range(2)])) == 1
    finally:
        EventEmitter.defaultMaxListeners = old


def test_removing_down_to_one_listener_rearms_the_warning() -> None:
    # Node keeps `warned` on the array; an emitter back to one listener has no array.
    e = EventEmitter()
    e.setMaxListeners(1)
    fns = [named(f'f{i}') for i in range(2)]
    assert len(_count_warnings(lambda: [e.on('x', f) for f in fns])) == 1
    e.removeListener('x', fns[1])
    assert len(_count_warnings(lambda: e.on('x', fns[1]))) == 1


def test_get_and_setMaxListeners_validation() -> None:
    # test-event-emitter-max-listeners.js, test-event-emitter-get-max-listeners.js
    e = EventEmitter()
    assert e.getMaxListeners() == EventEmitter.defaultMaxListeners
    assert e.setMaxListeners(0).getMaxListeners() == 0
    assert e.setMaxListeners(3).getMaxListeners() == 3
    e.on('maxListeners', lambda: None)
    e.setMaxListeners(42)
    for bad in (float('nan'), -1):
        with pytest.raises(ValueError) as info:
            e.setMaxListeners(bad)
        assert info.value.code == 'ERR_OUT_OF_RANGE'
        assert str(info.value) == ('The value of "setMaxListeners" is out of range. '
                                   f'It must be >= 0. Received {"NaN" if bad != -1 else -1}')
    for bad in ('and even this', None, True):
        with pytest.raises(TypeError) as info:
            e.setMaxListeners(bad)
        assert info.value.code == 'ERR_INVALID_ARG_TYPE'
        assert str(info.value).startswith('The "setMaxListeners" argument must be of type ')
    assert e.getMaxListeners() == 42


def test_setMaxListeners_messages_match_node_modulo_type_names() -> None:
    out = run_node(JS + r"""
const e = new EventEmitter();
for (const v of [-1, NaN, 'a', -1.5]) {
  try { e.setMaxListeners(v); } catch (er) { log(er.name, er.code, '|', er.message); }
}
""")
    lines = []
    for v in (-1, float('nan'), 'a', -1.5):
        try:
            EventEmitter().setMaxListeners(v)
        except uvnet.NodeError as er:
            lines.append(f'{er.name} {er.code} | {er}')
    # Node names the JS type ("of type number", "type string"); uvnet Python's.
    node = [line.replace('of type number', 'of type int').replace('type string', 'type str')
            for line in out.splitlines()]
    assert lines == node


# --- introspection ------------------------------------------------------------------------


def test_eventNames_in_js_property_order() -> None:
    # Reflect.ownKeys: integer-like keys ascending, then strings by insertion, then
    # symbols (any other hashable in Python) by insertion.
    same(r"""
const e = new EventEmitter();
const s = Symbol('s');
for (const k of ['b', s, 'a', '5', '2', '__proto__', 'toString', '10']) e.on(k, () => {});
log(e.eventNames().map(String).join());
e.removeAllListeners('b'); e.on('b', () => {});
log(e.eventNames().map(String).join());
""", r"""
e = EventEmitter()
class Sym:
    def __str__(self): return 'Symbol(s)'
s = Sym()
for k in ['b', s, 'a', '5', '2', '__proto__', 'toString', '10']:
    e.on(k, lambda: None)
log(','.join(map(str, e.eventNames())))
e.removeAllListeners('b'); e.on('b', lambda: None)
log(','.join(map(str, e.eventNames())))
""")


def test_special_event_names() -> None:
    # test-event-emitter-special-event-names.js
    e = EventEmitter()
    handler = named('handler')
    assert e.eventNames() == []
    for name in ('__proto__', '__defineGetter__', 'toString'):
        e.on(name, handler)
    assert e.eventNames() == ['__proto__', '__defineGetter__', 'toString']
    assert e.listeners('__proto__') == [handler]
    got: list[object] = []
    e.on('__proto__', got.append)
    e.emit('__proto__', 1)
    assert got == [1]


def test_symbols_and_other_hashables_as_event_names() -> None:
    # test-event-emitter-symbols.js
    e = EventEmitter()
    foo = object()
    calls: list[str] = []
    listener = named('listener', calls)
    e.on(foo, listener)
    assert e.listeners(foo) == [listener]
    e.emit(foo)
    assert calls == ['listener']
    e.removeAllListeners()
    assert e.listeners(foo) == []
    e.on(foo, listener)
    e.removeListener(foo, listener)
    assert e.listeners(foo) == []
    e.on(123, listener)
    e.on(('tuple', 1), listener)
    assert e.listenerCount(123) == 1 and e.listenerCount(('tuple', 1)) == 1


def test_listenerCount_with_and_without_a_listener() -> None:
    # test-event-emitter-listener-count.js, and Node 20's listenerCount(type, listener)
    same(r"""
const e = new EventEmitter();
const f = () => {}; const g = () => {};
e.on('foo', f); e.on('foo', g); e.once('foo', f); e.on('baz', g); e.on(123, f);
log(e.listenerCount('foo'), e.listenerCount('bar'), e.listenerCount('baz'),
    e.listenerCount(123), e.listenerCount('foo', f), e.listenerCount('foo', g),
    e.listenerCount('baz', f), e.listenerCount('foo', e.rawListeners('foo')[2]));
""", r"""
e = EventEmitter()
f = lambda: None
g = lambda: None
e.on('foo', f); e.on('foo', g); e.once('foo', f); e.on('baz', g); e.on(123, f)
log(e.listenerCount('foo'), e.listenerCount('bar'), e.listenerCount('baz'),
    e.listenerCount(123), e.listenerCount('foo', f), e.listenerCount('foo', g),
    e.listenerCount('baz', f), e.listenerCount('foo', e.rawListeners('foo')[2]))
""")


@pytest.mark.parametrize('method', ['on', 'addListener', 'prependListener', 'once',
                                    'prependOnceListener', 'removeListener', 'off'])
def test_invalid_listener(method: str) -> None:
    # test-event-emitter-invalid-listener.js (Node: "Received null")
    with pytest.raises(TypeError) as info:
        getattr(EventEmitter(), method)('foo', None)
    err = info.value
    assert isinstance(err, uvnet.NodeError) and err.code == 'ERR_INVALID_ARG_TYPE'
    assert str(err) == 'The "listener" argument must be of type function. Received None'


def test_invalid_listener_message_matches_node() -> None:
    out = run_node(JS + r"""
for (const m of ['on', 'once', 'removeListener', 'prependOnceListener']) {
  try { new EventEmitter()[m]('foo', 'str'); } catch (e) { log(e.name, e.code, e.message); }
}
""")
    assert out.splitlines() == [
        'TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. '
        "Received type string ('str')"] * 4
    with pytest.raises(TypeError, match=r"Received type str \('str'\)$"):
        EventEmitter().on('foo', 'str')


def test_subclass_with_options_and_keywords() -> None:
    # API.md: base classes take options as a dict or keywords
    class Sub(EventEmitter):
        def __init__(self, opts: dict[str, object] | None = None, **kw: object) -> None:
            super().__init__(opts, **kw)
    s = Sub({'captureRejections': False})
    assert s.listeners('foo') == [] and Sub(captureRejections=False).eventNames() == []


def test_exception_in_a_listener_propagates_and_stops_the_emit() -> None:
    e = EventEmitter()
    calls: list[str] = []

    def bad() -> None:
        raise KeyError('x')
    e.on('x', bad)
    e.on('x', named('after', calls))
    with pytest.raises(KeyError):
        e.emit('x')
    assert calls == []


def test_exception_in_a_listener_leaves_run_unchanged() -> None:
    # API.md: an exception raised by a listener propagates out of uvnet.run()
    out = assert_same_output(JS + r"""
process.on('uncaughtException', (e) => log('caught', e.message));
const e = new EventEmitter();
e.on('x', (v) => { log('x', v); throw new Error('listener ' + v); });
setTimeout(() => e.emit('x', 1), 5);
setTimeout(() => e.emit('x', 2), 5);
setTimeout(() => e.emit('error', new Error('no error listener')), 20);
""", PY + r"""
e = EventEmitter()
def on_x(v):
    log('x', v)
    raise Exception(f'listener {v}')
e.on('x', on_x)
uvnet.setTimeout(lambda: e.emit('x', 1), 5)
uvnet.setTimeout(lambda: e.emit('x', 2), 5)
uvnet.setTimeout(lambda: e.emit('error', Exception('no error listener')), 20)
while True:
    try:
        uvnet.run()
        break
    except Exception as err:
        log('caught', err)
""")
    assert out.count('caught') == 3


def test_subclass_names_do_not_collide_with_internals() -> None:
    # A port's own `_add`/`_warned` (not Node names) must not break the emitter.
    class Cart(uvnet.EventEmitter):
        def __init__(self) -> None:
            super().__init__()
            self._warned = "mine"
            self.items: list[str] = []

        def _add(self, item: str) -> None:
            self.items.append(item)
            self.emit('added', item)

    cart = Cart()
    seen: list[str] = []
    cart.on('added', seen.append)
    cart._add('apple')
    assert seen == ['apple'] and cart._warned == "mine"


def test_a_bound_method_is_the_same_listener_each_time_it_is_evaluated():
    # JavaScript's obj.method is one function; Python makes a new bound method per lookup.
    # A port's on('x', self.onX) ... off('x', self.onX) must undo it, as Node's does.
    class Handler:
        def __init__(self):
            self.calls = []

        def on_x(self, *args):
            self.calls.append(args)

    e = uvnet.EventEmitter()
    a, b = Handler(), Handler()
    e.on('x', a.on_x)
    e.once('x', b.on_x)
    e.on('x', a.on_x)
    assert e.listenerCount('x', a.on_x) == 2
    assert e.listenerCount('x', b.on_x) == 1
    removed = []
    e.on('removeListener', lambda name, fn: removed.append((name, fn)))
    e.off('x', b.on_x)  # the once-wrapper of an equal bound method
    e.removeListener('x', a.on_x)  # the last one added
    assert e.listenerCount('x') == 1 and removed == [('x', b.on_x), ('x', a.on_x)]
    e.emit('x', 1)
    assert a.calls == [(1,)] and b.calls == []
    e.removeListener('x', Handler().on_x)  # another object's method is another listener
    assert e.listenerCount('x') == 1


def test_abort_signal_listeners_match_bound_methods_too():
    class Handler:
        def __init__(self):
            self.events = 0

        def on_abort(self, event):
            self.events += 1

    kept, dropped = Handler(), Handler()
    controller = uvnet.AbortController()
    signal = controller.signal
    signal.addEventListener('abort', kept.on_abort)
    signal.addEventListener('abort', kept.on_abort)  # a duplicate: ignored, as in Node
    signal.addEventListener('abort', dropped.on_abort)
    signal.removeEventListener('abort', dropped.on_abort)
    controller.abort()
    assert (kept.events, dropped.events) == (1, 0)
