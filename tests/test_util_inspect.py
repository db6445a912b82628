# ruff: noqa: E501  (each row is one JS value beside its Python port)
"""util.inspect and util.format against node: a table of values, each printed by node
(the JS expression) and by uvnet (its Python port) in the same run, line for line."""

import os
import re

from difftest import assert_same_output

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (JavaScript expression, its Python port)
VALUES = [
    ('undefined', 'None'),
    ('[null, null]', '[None, None]'),
    ('{u: null}', "{'u': None}"),
    ('true', 'True'),
    ('false', 'False'),
    ('1', '1'),
    ('-0', '-0.0'),
    ('0.1', '0.1'),
    ('1.0', '1.0'),
    ('1e21', '1e21'),
    ('1e-7', '1e-7'),
    ('123456789.125', '123456789.125'),
    ('NaN', 'math.nan'),
    ('Infinity', 'math.inf'),
    ('-Infinity', '-math.inf'),
    ("'a'", "'a'"),
    ('"it\'s"', '"it\'s"'),
    ('`it\'s "q"`', '\'it\\\'s "q"\''),
    ('`it\'s "q" \\``', '\'it\\\'s "q" `\''),
    ("'a\\nb\\t\\\\'", "'a\\nb\\t\\\\'"),
    ("'é\\x01\\x7f\\x9f\\u00a0'", "'é\\x01\\x7f\\x9f\\u00a0'"),
    ("'😀'", "'😀'"),
    ('[]', '[]'),
    ('[1, 2, 3]', '[1, 2, 3]'),
    ('[1, "a", [true]]', '(1, "a", [True])'),
    ('{}', '{}'),
    ("{a: 1, 'b-c': 2, _d: 3, $e: 4, '': 5}", "{'a': 1, 'b-c': 2, '_d': 3, '$e': 4, '': 5}"),
    ("{b: 1, 10: 'x', 2: 'y', '01': 'z', 4294967295: 'w', 4294967294: 'v'}", "{'b': 1, 10: 'x', '2': 'y', '01': 'z', 4294967295: 'w', 4294967294: 'v'}"),
    ('new Foo()', 'Foo()'),
    ('new Bar()', 'Bar()'),
    ('new Empty()', 'Empty()'),
    ('{f: new Foo()}', "{'f': Foo()}"),
    ('[[1, [2, [3, [4]]]]]', '[[1, [2, [3, [4]]]]]'),
    ('{a: {b: {c: {d: 1}}}}', "{'a': {'b': {'c': {'d': 1}}}}"),
    ('{a: {b: {c: {}}}, e: []}', "{'a': {'b': {'c': {}}}, 'e': []}"),
    ("Buffer.from('hi')", "b'hi'"),
    ("Buffer.from('')", "bytearray()"),
    ('Buffer.alloc(51)', 'bytes(51)'),
    ('Buffer.alloc(60, 255)', 'memoryview(b"\\xff" * 60)'),
    ('function f() {}', 'f'),
    ('() => {}', 'lambda: None'),
    ('Foo', 'Foo'),
    ('Bar', 'Bar'),
    ('async function af() {}', 'af'),
    ('function* g() {}', 'g'),
    ('new Set([1, 2])', '{1, 2}'),
    ('new Set()', 'set()'),
    ('Array.from({length: 7}, (_, i) => i)', 'list(range(7))'),
    ('Array.from({length: 30}, (_, i) => i)', 'list(range(30))'),
    ('Array.from({length: 30}, (_, i) => i * 1000)', '[i * 1000 for i in range(30)]'),
    ('Array.from({length: 120}, (_, i) => i)', 'list(range(120))'),
    ('Array.from({length: 101}, (_, i) => "x")', '["x"] * 101'),
    ("Array.from({length: 8}, (_, i) => 'item' + i)", "['item' + str(i) for i in range(8)]"),
    ("Array.from({length: 26}, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1))", "[chr(97 + i) * (i % 5 + 1) for i in range(26)]"),
    ("{a: 'x'.repeat(70), b: 2}", "{'a': 'x' * 70, 'b': 2}"),
    ("'x'.repeat(100) + '\\n' + 'y'.repeat(10)", "'x' * 100 + '\\n' + 'y' * 10"),
    ("{s: 'line one is here\\nline two is here too and it goes on and on and on and on and on\\n'}", "{'s': 'line one is here\\nline two is here too and it goes on and on and on and on and on\\n'}"),
    ("'x'.repeat(10001)", "'x' * 10001"),
    ('{longkeyname1: 1, longkeyname2: 2, longkeyname3: 3, longkeyname4: 4, longkeyname5: 5, longkeyname6: 6, k7: 7, k8: 8}', "{'longkeyname1': 1, 'longkeyname2': 2, 'longkeyname3': 3, 'longkeyname4': 4, 'longkeyname5': 5, 'longkeyname6': 6, 'k7': 7, 'k8': 8}"),
    ('[{a: 1, b: 2}, {a: 3, b: 4}]', "[{'a': 1, 'b': 2}, {'a': 3, 'b': 4}]"),
    ('{arr: [1, 2, 3], obj: {x: {y: 1}}}', "{'arr': [1, 2, 3], 'obj': {'x': {'y': 1}}}"),
    ("{port: 8124, family: 'IPv4', address: '127.0.0.1'}", "{'port': 8124, 'family': 'IPv4', 'address': '127.0.0.1'}"),
    ("[{name: 'alice', tags: ['a', 'b'], nested: {deep: {deeper: {deepest: 1}}}}, 'x'.repeat(40), 'y'.repeat(40)]", "[{'name': 'alice', 'tags': ['a', 'b'], 'nested': {'deep': {'deeper': {'deepest': 1}}}}, 'x' * 40, 'y' * 40]"),
    ('Promise.resolve(1)', 'FakePromise("fulfilled", 1)'),
    ('Promise.resolve()', 'FakePromise("fulfilled", None)'),
    ('new Promise(() => {})', 'FakePromise("pending", None)'),
    ('rejected([2])', 'FakePromise("rejected", [2])'),
    ('Promise.resolve({a: [1]})', "uvnet.Promise.resolve({'a': [1]})"),
    ('{p: Promise.resolve(2), q: new Promise(() => {})}', "{'p': uvnet.Promise.resolve(2), 'q': uvnet.Promise(lambda res, rej: None)}"),
    ('rejected(stacklessError())', 'real_rejected(stackless_error())'),
    ('circ()', 'circ()'),
    ('circArr()', 'circ_arr()'),
    ('twoCirc()', 'two_circ()'),
    ('stacklessError()', 'stackless_error()'),
    ('{e: stacklessError()}', "{'e': stackless_error()}"),
    ('new Custom()', 'Custom()'),
]

JS_PRELUDE = r'''
const util = require('util');
class Foo { constructor() { this.a = 1; this.b = 'x'; this.c = null; } }
class Bar extends Foo { constructor() { super(); this.list = [1, 2]; } }
class Empty {}
class Custom { [util.inspect.custom](depth, opts, inspect) { return `Custom<${depth}> ${inspect({a: [1]}, opts)}`; } }
function rejected(v) { const p = Promise.reject(v); p.catch(() => {}); return p; }
function circ() { const c = {name: 'c'}; c.self = c; return c; }
function circArr() { const d = [1]; d.push(d); return d; }
function twoCirc() { const a = {}; const b = {a}; a.b = b; const o = {x: a, y: b, z: {}}; o.z.o = o; return o; }
function stacklessError() { const e = new Error('no frames'); e.stack = 'Error: no frames'; e.code = 'ECODE'; e.port = 5; return e; }
'''

PY_PRELUDE = r'''
import math
import uvnet
from uvnet import util


class Foo:
    def __init__(self):
        self.a = 1
        self.b = 'x'
        self.c = None


class Bar(Foo):
    def __init__(self):
        super().__init__()
        self.list = [1, 2]


class Empty:
    pass


class Custom:
    pass


setattr(Custom, util.inspect.custom,
        lambda self, depth, opts, inspect: f'Custom<{depth}> {inspect({"a": [1]}, opts)}')


class FakePromise:
    """Stands in for uvnet.Promise: inspect asks a Promise for its state this way."""

    def __init__(self, state, result):
        self.state, self.result = state, result

    def _getPromiseDetails(self):
        return self.state, self.result


def f():
    pass


async def af():
    pass


def g():
    yield








def real_rejected(reason):
    p = uvnet.Promise.reject(reason)
    p.catch(lambda e: None)
    return p


def circ():
    c = {'name': 'c'}
    c['self'] = c
    return c


def circ_arr():
    d = [1]
    d.append(d)
    return d


def two_circ():
    a = {}
    b = {'a': a}
    a['b'] = b
    o = {'x': a, 'y': b, 'z': {}}
    o['z']['o'] = o
    return o


def stackless_error():
    e = Exception('no frames')
    e.stack = 'Error: no frames'
    e.code = 'ECODE'
    e.port = 5
    return e
'''


def test_inspect_table():
    js = JS_PRELUDE + '\n'.join(f'console.log(util.inspect({js}));' for js, _ in VALUES)
    py = PY_PRELUDE + '\n'.join(f'print(util.inspect({py}))' for _, py in VALUES)
    assert_same_output(js, py)


# (JavaScript arguments of util.format, their Python port)
FORMATS = [
    ("'%s %d %i %f %j %o %O %c %% x', 'a', 42, 3.7, '1.5', {a: 1}, [1], {b: 2}, 'css', 'extra', {z: 1}",
     "'%s %d %i %f %j %o %O %c %% x', 'a', 42, 3.7, '1.5', {'a': 1}, [1], {'b': 2}, 'css', 'extra', {'z': 1}"),
    ("'%s|%s|%s', undefined, undefined, -0", "'%s|%s|%s', None, None, -0.0"),
    ("'%s', {a: {b: {c: 1}}}", "'%s', {'a': {'b': {'c': 1}}}"),
    ("'%s', [1, [2, [3]]]", "'%s', [1, [2, [3]]]"),
    ("'%s', new Foo()", "'%s', Foo()"),
    ("'%s', new WithToString()", "'%s', WithStr()"),
    ("'%s', Buffer.from('hi')", "'%s', b'hi'"),
    ("'%s', true", "'%s', True"),
    ("'%d %d %d %d %d %d', '0x10', '', ' 12 ', 'abc', true, undefined", "'%d %d %d %d %d %d', '0x10', '', ' 12 ', 'abc', True, None"),
    ("'%d', 1.5", "'%d', 1.5"),
    ("'%i %i %i %i', 3.99, '  12px', '-0x1f', 'abc'", "'%i %i %i %i', 3.99, '  12px', '-0x1f', 'abc'"),
    ("'%f %f %f', ' 1.5e3x', 'Infinityx', '.5'", "'%f %f %f', ' 1.5e3x', 'Infinityx', '.5'"),
    ("'%j %j %j', undefined, [undefined, 1.0], 'str'", "'%j %j %j', None, [None, 1.0], 'str'"),
    ("'%j', circ()", "'%j', circ()"),
    ("'%j', {b: 1, 2: [3]}", "'%j', {'b': 1, 2: [3]}"),
    ("'%s %s', 'only'", "'%s %s', 'only'"),
    ("'%s'", "'%s'"),
    ("'a%', 1", "'a%', 1"),
    ("'%%s %%', 1", "'%%s %%', 1"),
    ("'%x %s', 1", "'%x %s', 1"),
    ("'100%'", "'100%'"),
    ("1, 2, 'three', [4]", "1, 2, 'three', [4]"),
    ("'x', undefined, undefined", "'x', None, None"),
    ("{a: 1}, 'b'", "{'a': 1}, 'b'"),
    ("", ""),
]

FORMAT_JS = '''
class WithToString { toString() { return 'custom!'; } }
'''
FORMAT_PY = '''
class WithStr:
    def __str__(self):
        return 'custom!'
'''


def test_format_table():
    js = JS_PRELUDE + FORMAT_JS + '\n'.join(
        f'console.log(JSON.stringify(util.format({js})));' for js, _ in FORMATS)
    py = PY_PRELUDE + FORMAT_PY + 'import json\n' + '\n'.join(
        f'print(json.dumps(util.format({py}), ensure_ascii=False))' for _, py in FORMATS)
    assert_same_output(js, py)


ERRORS_JS = r'''
const net = require('net');
const util = require('util');
const plain = new Error('boom');
plain.code = 'E_PLAIN';
console.log(util.inspect(plain));
console.log(util.inspect(new TypeError('bad type')));
const s = net.connect(1, '127.0.0.1').on('error', () => {});
try { s.write(42); } catch (e) { console.log([e]); }
const c = net.connect(1, '127.0.0.1');
c.on('error', (err) => {
  console.log(err);
  console.log({e: err, n: 1});
  console.log('%s|%O', err.message, err.code);
});
'''

ERRORS_PY = r'''
import uvnet
from uvnet import console, util
try:  # (an exception has a stack once raised; uvnet's own errors have one when made)
    plain = Exception('boom')
    plain.code = 'E_PLAIN'
    raise plain
except Exception:
    print(util.inspect(plain))
try:
    raise TypeError('bad type')
except TypeError as e:
    print(util.inspect(e))
s = uvnet.connect(1, '127.0.0.1').on('error', lambda e: None)
try:
    s.write(42)
except TypeError as e:
    console.log([e])
c = uvnet.connect(1, '127.0.0.1')
def on_error(err):
    console.log(err)
    console.log({'e': err, 'n': 1})
    console.log('%s|%O', err.message, err.code)
c.on('error', on_error)
uvnet.run()
'''


def _frames_and_types(text):
    # Stack frames name files and lines of each runtime: keep one marker per stack.
    text = re.sub(r'(?m)^( *)at .*?( \{)?$', r'\1at …\2', text)
    text = re.sub(r'(?m)^( *at …)\n(?:\1\n)+', r'\1\n', text)
    text = re.sub(r'(?m)^( *at …)\n(\1 \{)$', r'\2', text)
    # Node names JS types where uvnet names Python's (errors.py, API.md).
    return text.replace('string or an instance of Buffer, TypedArray, or DataView',
                        'str or an instance of bytes, bytearray, or memoryview'
                        ).replace('type number', 'type int')


def test_errors_print_as_their_stack_then_their_fields():
    out = assert_same_output(ERRORS_JS, ERRORS_PY, normalize=_frames_and_types)
    assert "Error: connect ECONNREFUSED 127.0.0.1:1\n    at … {\n  errno: -111,\n" in out


def test_inspect_options():
    js = '''
const util = require('util');
const v = {b: [1, 2, {c: 'x'}], a: {d: {e: {f: 1}}}, s: 'str'};
for (const o of [{compact: false}, {compact: true}, {breakLength: Infinity}, {depth: null},
                 {depth: 0}, {colors: true}, {sorted: true}, {compact: 1},
                 {maxArrayLength: 1}, {maxStringLength: 2}])
  console.log(JSON.stringify(util.inspect(v, o)));
console.log(JSON.stringify(util.inspect([null, true, 'x', 5, new Set([1])], {colors: true})));
console.log(JSON.stringify(util.inspect(v, false, 0, true)));
'''
    py = '''
import json, math
from uvnet import util
v = {'b': [1, 2, {'c': 'x'}], 'a': {'d': {'e': {'f': 1}}}, 's': 'str'}
for o in [{'compact': False}, {'compact': True}, {'breakLength': math.inf}, {'depth': None},
          {'depth': 0}, {'colors': True}, {'sorted': True}, {'compact': 1},
          {'maxArrayLength': 1}, {'maxStringLength': 2}]:
    print(json.dumps(util.inspect(v, o)))
print(json.dumps(util.inspect([None, True, 'x', 5, {1}], colors=True)))
print(json.dumps(util.inspect(v, False, 0, True)))
'''
    assert_same_output(js, py)
